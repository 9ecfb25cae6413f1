//! Answering a line with shapes: a declaration, a formula shown with its shape, or a
//! derivative by a number (sums), by a vector or by a matrix (identities).

use super::ast::Tensor;
use super::by_entries::{by_entries, ByEntries};
use super::dims::Shape;
use super::entries::{entries, small, Grid, Named};
use super::gradient::{gradient, IdentityStep, Stuck};
use super::jacobian::jacobian;
use super::notation::{find, Found};
use super::parse::{Declaration, Query, TensorStatement};
use super::print::text;
use super::sums::{differentiate, SumWay};
use crate::error::{Error, ErrorKind, Phase};
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

/// Works out a line read with shapes. Declarations are answered as they are; the
/// session keeps them.
pub fn answer(statement: &TensorStatement) -> Result<TensorAnswer, Error> {
    let mut env = statement.env();
    match &statement.query {
        Query::Declare(d) => Ok(TensorAnswer::Declared(d.clone())),
        Query::Read(question) => Ok(TensorAnswer::Read(find(question, &env))),
        Query::Gradient { vars, of } => vars
            .iter()
            .map(|var| {
                let (way, result) = differentiate(of, var)
                    .map_err(|t| Error::new(Phase::Computing, t.0).with_help(t.1))?;
                Ok(SumAnswer {
                    var: var.clone(),
                    of: of.clone(),
                    way,
                    result,
                })
            })
            .collect::<Result<_, _>>()
            .map(TensorAnswer::Gradient),
        Query::Show(t) => {
            let shape = env
                .infer(t)
                .map_err(|m| Error::new(Phase::Reading, m.message))?;
            Ok(TensorAnswer::Shaped(ShapedAnswer {
                expr: t.clone(),
                shape,
                shapes: statement.shapes.clone(),
                symmetric: statement.symmetric.clone(),
            }))
        }
        Query::Derivative { var, of, .. } => {
            let var_shape = env.shape_of(var).filter(|s| !s.is_scalar());
            let Some(var_shape) = var_shape else {
                let (way, result) = differentiate(of, var)
                    .map_err(|t| Error::new(Phase::Computing, t.0).with_help(t.1))?;
                return Ok(TensorAnswer::Sum(SumAnswer {
                    var: var.clone(),
                    of: of.clone(),
                    way,
                    result,
                }));
            };
            let of_shape = env
                .infer(of)
                .map_err(|m| Error::new(Phase::Reading, m.message))?;
            let is_jacobian = !of_shape.is_scalar();
            if is_jacobian && !(of_shape.is_column() && var_shape.is_column()) {
                return Err(Error::new(
                    Phase::Computing,
                    format!(
                        "{} is {} and {var} is {}: the slope of one by the other has an entry for every pair of entries, more than a matrix holds",
                        text(of, true),
                        of_shape.describe(true),
                        var_shape.describe(true)
                    ),
                )
                .with_kind(ErrorKind::NotAScalar)
                .with_help("ask for the slope of a number (a loss) by a matrix, or of a vector by a vector"));
            }
            let found = if is_jacobian {
                jacobian(of, var, &env)
            } else {
                gradient(of, var, &env)
            };
            let (steps, result) = found.map_err(|Stuck(part)| {
                Error::new(
                    Phase::Computing,
                    format!("nudge has no identity yet for the slope of {} by {var}", text(&part, true)),
                )
                .with_help("give the names concrete sizes and work entry by entry, or write the formula with products, transposes and norms")
            })?;
            let result_shape = if is_jacobian {
                Shape::matrix(of_shape.rows.clone(), var_shape.rows.clone())
            } else {
                var_shape.clone()
            };
            let names = Named {
                shapes: &statement.shapes,
                symmetric: &statement.symmetric,
            };
            let by_entries = by_entries(of, var, &result, is_jacobian, names);
            Ok(TensorAnswer::Identity(Box::new(IdentityAnswer {
                var: var.clone(),
                var_shape,
                of: of.clone(),
                of_shape,
                jacobian: is_jacobian,
                steps,
                result,
                result_shape,
                shapes: statement.shapes.clone(),
                symmetric: statement.symmetric.clone(),
                by_entries,
            })))
        }
    }
}
