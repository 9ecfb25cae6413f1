//! Answering a line with shapes: a declaration, a formula shown with its shape, or a
//! derivative by a number (sums), by a vector or by a matrix (identities), worked out by
//! `crate::tensor`.

use crate::error::{Error, ErrorKind, Phase};
use crate::syntax::{TensorQuery, TensorStatement};
use crate::tensor::{
    by_entries, differentiate, gradient, jacobian, notation_in, text, Env, Found, IdentityAnswer,
    Named, Notation, Shape, ShapedAnswer, Stuck, SumAnswer, TensorAnswer,
};

/// Works out a line read with shapes. Declarations are answered as they are; the
/// session keeps them.
pub fn answer(statement: &TensorStatement) -> Result<TensorAnswer, Error> {
    let mut env = statement.env();
    match &statement.query {
        TensorQuery::Declare(d) => Ok(TensorAnswer::Declared(d.clone())),
        TensorQuery::Read(question) => Ok(TensorAnswer::Read(find(question, &env))),
        TensorQuery::Gradient { vars, of } => vars
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
        TensorQuery::Show(t) => {
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
        TensorQuery::Derivative { var, of, .. } => {
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

/// Every piece of notation in the question, outermost first, each once.
fn find(query: &TensorQuery, env: &Env) -> Vec<Found> {
    let mut found = Vec::new();
    match query {
        TensorQuery::Derivative { var, of, .. } => {
            let shape = env.clone().infer(of).unwrap_or_else(|_| Shape::scalar());
            let notation = match env.shape_of(var).filter(|s| !s.is_scalar()) {
                None => Notation::Slope { var: var.clone() },
                Some(var_shape) if shape.is_scalar() => Notation::Gradient {
                    var: var.clone(),
                    var_shape,
                },
                Some(var_shape) => Notation::Jacobian {
                    var: var.clone(),
                    var_shape,
                },
            };
            found.push(Found {
                notation,
                part: of.clone(),
                shape,
            });
            notation_in(of, env, &mut found);
        }
        TensorQuery::Show(t) => notation_in(t, env, &mut found),
        TensorQuery::Gradient { vars, of } => {
            for var in vars {
                let shape = Shape::scalar();
                found.push(Found {
                    notation: Notation::Slope { var: var.clone() },
                    part: of.clone(),
                    shape,
                });
            }
            notation_in(of, env, &mut found);
        }
        TensorQuery::Declare(_) | TensorQuery::Read(_) => {}
    }
    found
}
