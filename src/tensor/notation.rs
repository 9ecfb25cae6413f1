//! What `read` explains in a formula with shapes: each piece of notation found (Σ, ᵀ, xᵀAx,
//! ‖·‖, ⊙, tr, det, ∂/∂W, …) with the shape of the part it makes.

use super::ast::{Fun, Tensor};
use super::dims::Shape;
use super::shape::Env;
use crate::expr::Symbol;

/// A kind of notation `read` puts into words.
#[derive(Clone, Debug, PartialEq)]
pub enum Notation {
    Sum,
    Transpose,
    QuadraticForm,
    MatrixProduct,
    Norm,
    SquaredNorm,
    Hadamard,
    DotProduct,
    Trace,
    Determinant,
    LogDeterminant,
    Inverse,
    Elementwise,
    Softmax,
    /// `∂/∂W L`, `∇_W L` of a number: a gradient shaped like the variable.
    Gradient {
        var: Symbol,
        var_shape: Shape,
    },
    /// `∂/∂x f` of a vector: the Jacobian.
    Jacobian {
        var: Symbol,
        var_shape: Shape,
    },
    /// `d/dw …` by a number.
    Slope {
        var: Symbol,
    },
}

impl Notation {
    /// The stable name JSON reports as the explanation's `shape`.
    pub fn id(&self) -> &'static str {
        match self {
            Notation::Sum => "sum",
            Notation::Transpose => "transpose",
            Notation::QuadraticForm => "quadratic_form",
            Notation::MatrixProduct => "matrix_product",
            Notation::Norm => "norm",
            Notation::SquaredNorm => "squared_norm",
            Notation::Hadamard => "hadamard",
            Notation::DotProduct => "dot_product",
            Notation::Trace => "trace",
            Notation::Determinant => "determinant",
            Notation::LogDeterminant => "log_determinant",
            Notation::Inverse => "inverse",
            Notation::Elementwise => "elementwise",
            Notation::Softmax => "softmax",
            Notation::Gradient { var_shape, .. } if var_shape.is_column() => "vector_gradient",
            Notation::Gradient { .. } => "matrix_gradient",
            Notation::Jacobian { .. } => "jacobian",
            Notation::Slope { .. } => "partial",
        }
    }
}

/// One piece found: what it is, the part it makes, and that part's shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub notation: Notation,
    pub part: Tensor,
    pub shape: Shape,
}

/// Every piece of notation inside `t` not yet in `found`, outermost first, each once.
pub fn notation_in(t: &Tensor, env: &Env, found: &mut Vec<Found>) {
    let mut note = |notation: Notation, part: &Tensor| {
        let shape = env.clone().infer(part).unwrap_or_else(|_| Shape::scalar());
        let piece = Found {
            notation,
            part: part.clone(),
            shape,
        };
        if !found.iter().any(|f| f.notation == piece.notation) {
            found.push(piece);
        }
    };
    let children: Vec<&Tensor> = match t {
        Tensor::Sum { body, .. } => {
            note(Notation::Sum, t);
            vec![body]
        }
        Tensor::Mul(fs) => {
            let shaped = fs
                .iter()
                .filter(|f| !matches!(f, Tensor::Scalar(_)))
                .count();
            let quadratic = matches!(fs.as_slice(), [Tensor::Transpose(a), _, b] if **a == *b);
            if quadratic {
                note(Notation::QuadraticForm, t);
            } else if shaped >= 2 {
                note(Notation::MatrixProduct, t);
            }
            fs.iter().collect()
        }
        Tensor::Pow(base, exp)
            if matches!(base.as_ref(), Tensor::Norm(_)) && *exp == crate::expr::Expr::int(2) =>
        {
            note(Notation::SquaredNorm, t);
            match base.as_ref() {
                Tensor::Norm(u) => vec![u.as_ref()],
                _ => Vec::new(),
            }
        }
        Tensor::Norm(u) => {
            note(Notation::Norm, t);
            vec![u]
        }
        Tensor::Transpose(a) => {
            note(Notation::Transpose, t);
            vec![a]
        }
        Tensor::Inverse(a) => {
            note(Notation::Inverse, t);
            vec![a]
        }
        Tensor::Hadamard(a, b) => {
            note(Notation::Hadamard, t);
            vec![a, b]
        }
        Tensor::Dot(a, b) => {
            note(Notation::DotProduct, t);
            vec![a, b]
        }
        Tensor::Apply(Fun::Log, inner) if matches!(inner.as_ref(), Tensor::Apply(Fun::Det, _)) => {
            note(Notation::LogDeterminant, t);
            match inner.as_ref() {
                Tensor::Apply(_, m) => vec![m.as_ref()],
                _ => Vec::new(),
            }
        }
        Tensor::Apply(f, a) => {
            let notation = match f {
                Fun::Trace => Some(Notation::Trace),
                Fun::Det => Some(Notation::Determinant),
                Fun::Softmax => Some(Notation::Softmax),
                Fun::Diag => None,
                _ => Some(Notation::Elementwise),
            };
            if let Some(n) = notation {
                note(n, t);
            }
            vec![a]
        }
        Tensor::Add(parts) => parts.iter().collect(),
        Tensor::Pow(a, _) => vec![a],
        Tensor::Div(a, b) => vec![a, b],
        Tensor::Scalar(_) | Tensor::Name(_) | Tensor::Identity => Vec::new(),
    };
    for c in children {
        notation_in(c, env, found);
    }
}
