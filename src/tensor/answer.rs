//! What nudge works out for a line with shapes (`engine::tensor` answers it): a
//! declaration, a formula shown with its shape, or a derivative by a number (sums), by a
//! vector or by a matrix (identities).

use super::ast::Tensor;
use super::by_entries::ByEntries;
use super::dims::{Declaration, Shape};
use super::entries::{entries, small, Grid, Named};
use super::gradient::IdentityStep;
use super::notation::Found;
use super::sums::SumWay;
use crate::expr::Symbol;

/// What nudge worked out for a line with shapes.
#[derive(Clone, Debug)]
pub enum TensorAnswer {
    /// Names given shapes, to remember.
    Declared(Vec<Declaration>),
    /// A formula and its shape.
    Shaped(ShapedAnswer),
    /// The slope of a formula with sums by a number.
    Sum(SumAnswer),
    /// A gradient or a Jacobian by a vector or a matrix, through identities.
    Identity(Box<IdentityAnswer>),
    /// `read …`: each piece of notation with the shape of the part it makes.
    Read(Vec<Found>),
    /// `∇_{w,b} L` of a formula of numbers: the slope by each, in order.
    Gradient(Vec<SumAnswer>),
}

#[derive(Clone, Debug)]
pub struct ShapedAnswer {
    pub expr: Tensor,
    pub shape: Shape,
    pub shapes: Vec<(Symbol, Shape)>,
    pub symmetric: Vec<Symbol>,
}

#[derive(Clone, Debug)]
pub struct SumAnswer {
    pub var: Symbol,
    pub of: Tensor,
    pub way: SumWay,
    pub result: Tensor,
}

/// `∂f/∂x` with x a vector or a matrix: the gradient (f a number; it has x's shape) or
/// the Jacobian (f a vector; rows are f's entries, columns x's).
#[derive(Clone, Debug)]
pub struct IdentityAnswer {
    pub var: Symbol,
    pub var_shape: Shape,
    pub of: Tensor,
    pub of_shape: Shape,
    pub jacobian: bool,
    pub steps: IdentityStep,
    pub result: Tensor,
    pub result_shape: Shape,
    pub shapes: Vec<(Symbol, Shape)>,
    pub symmetric: Vec<Symbol>,
    /// With small number sizes: the same slope worked out entry by entry, beside the identity.
    pub by_entries: Option<ByEntries>,
}

impl TensorAnswer {
    /// The answer written out entry by entry at small sizes (n = 2, m = 3), for comparing
    /// answers in any form: `(A + Aᵀ)x` and `Ax + Aᵀx` give the same entries.
    pub fn entries(&self) -> Option<Grid> {
        let (t, names) = match self {
            TensorAnswer::Declared(_) | TensorAnswer::Read(_) => return None,
            TensorAnswer::Gradient(parts) => {
                let none = Named {
                    shapes: &[],
                    symmetric: &[],
                };
                return parts
                    .iter()
                    .map(|s| {
                        entries(&s.result, none, &small).and_then(|g| g.first()?.first().cloned())
                    })
                    .map(|e| e.map(|e| vec![e]))
                    .collect();
            }
            TensorAnswer::Shaped(s) => (
                &s.expr,
                Named {
                    shapes: &s.shapes,
                    symmetric: &s.symmetric,
                },
            ),
            TensorAnswer::Sum(s) => (
                &s.result,
                Named {
                    shapes: &[],
                    symmetric: &[],
                },
            ),
            TensorAnswer::Identity(a) => (
                &a.result,
                Named {
                    shapes: &a.shapes,
                    symmetric: &a.symmetric,
                },
            ),
        };
        entries(t, names, &small)
    }
}
