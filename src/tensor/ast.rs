//! A formula over numbers, vectors and matrices, as a tree; scalar parts stay `Expr`.

use crate::expr::{Expr, Symbol};

/// A formula whose parts may be vectors or matrices. Shapes live beside it (`shape`):
/// a product `Mul` is a matrix product where both sides are matrices or vectors, and
/// scaling where one side is a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Tensor {
    /// A number, or a formula of numbers only: the scalar engine's own.
    Scalar(Expr),
    /// A vector or a matrix, by name.
    Name(Symbol),
    Add(Vec<Tensor>),
    /// Factors from left to right.
    Mul(Vec<Tensor>),
    /// A power of something that is a number: `‖x‖²`.
    Pow(Box<Tensor>, Expr),
    /// A scalar over a scalar-valued formula: `1/‖x‖`.
    Div(Box<Tensor>, Box<Tensor>),
    Transpose(Box<Tensor>),
    Inverse(Box<Tensor>),
    /// Entry by entry: `a ⊙ b`.
    Hadamard(Box<Tensor>, Box<Tensor>),
    /// `x · y`, the dot product of two vectors.
    Dot(Box<Tensor>, Box<Tensor>),
    /// `‖x‖`, the Euclidean length (the Frobenius norm for a matrix).
    Norm(Box<Tensor>),
    Apply(Fun, Box<Tensor>),
    /// `Σ_{index=lower}^{upper} body`.
    Sum {
        index: Symbol,
        lower: Expr,
        upper: Expr,
        body: Box<Tensor>,
    },
    /// The identity matrix.
    Identity,
}

/// The functions a formula may apply: trace and determinant take a matrix to a number,
/// `diag` a vector to a matrix, softmax a vector to a vector; the rest act entry by entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fun {
    Trace,
    Det,
    Diag,
    Softmax,
    Log,
    Exp,
    Sigmoid,
    Tanh,
    Sin,
    Cos,
    /// The slope of an entry-by-entry function, entry by entry: `σ′(z)`.
    Slope(Elementwise),
}

/// The functions that act on each entry alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elementwise {
    Log,
    Exp,
    Sigmoid,
    Tanh,
    Sin,
    Cos,
}

impl Fun {
    /// The entry-by-entry function this is, if it is one.
    pub fn elementwise(self) -> Option<Elementwise> {
        Some(match self {
            Fun::Log => Elementwise::Log,
            Fun::Exp => Elementwise::Exp,
            Fun::Sigmoid => Elementwise::Sigmoid,
            Fun::Tanh => Elementwise::Tanh,
            Fun::Sin => Elementwise::Sin,
            Fun::Cos => Elementwise::Cos,
            _ => return None,
        })
    }
}

impl Tensor {
    pub fn name(name: &str) -> Tensor {
        Tensor::Name(Symbol::from(name))
    }

    pub fn number(n: i64) -> Tensor {
        Tensor::Scalar(Expr::int(n))
    }

    pub fn transpose(t: Tensor) -> Tensor {
        Tensor::Transpose(Box::new(t))
    }

    pub fn apply(f: Fun, t: Tensor) -> Tensor {
        Tensor::Apply(f, Box::new(t))
    }

    pub fn mul(factors: Vec<Tensor>) -> Tensor {
        Tensor::Mul(factors)
    }

    /// Whether a name appears anywhere in the formula (a vector's, or a number's inside a scalar part).
    pub fn mentions(&self, name: &str) -> bool {
        match self {
            Tensor::Scalar(e) => e.contains(name),
            Tensor::Name(n) => &**n == name,
            Tensor::Identity => false,
            Tensor::Add(parts) | Tensor::Mul(parts) => parts.iter().any(|p| p.mentions(name)),
            Tensor::Pow(a, _)
            | Tensor::Transpose(a)
            | Tensor::Inverse(a)
            | Tensor::Norm(a)
            | Tensor::Apply(_, a) => a.mentions(name),
            Tensor::Div(a, b) | Tensor::Hadamard(a, b) | Tensor::Dot(a, b) => {
                a.mentions(name) || b.mentions(name)
            }
            Tensor::Sum { body, .. } => body.mentions(name),
        }
    }
}
