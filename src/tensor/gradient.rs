//! The slope of a number by a vector or a matrix, passed from the whole formula down to
//! each place the variable appears: every part gets the slope of the whole with respect
//! to it (the same shape as the part), by a named identity.

use super::ast::{Fun, Tensor};
use super::dims::Shape;
use super::shape::Env;
use super::simplify::simplify;
use crate::expr::Expr;

/// The identities nudge uses, one per kind of part. `id` is the stable name JSON reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatrixRule {
    /// The variable itself: the slope arriving is its share.
    Variable,
    Sum,
    ConstantMultiple,
    /// The chain rule as a matrix product: the slope passes through Aᵀ on the left, Bᵀ on the right.
    MatrixProduct,
    Transpose,
    SquaredLength,
    Length,
    Power,
    DotProduct,
    Trace,
    Determinant,
    LogDet,
    Log,
    Quotient,
    Elementwise,
    Hadamard,
    Inverse,
    Softmax,
}

impl MatrixRule {
    pub fn id(self) -> &'static str {
        match self {
            MatrixRule::Variable => "variable",
            MatrixRule::Sum => "sum",
            MatrixRule::ConstantMultiple => "constant_multiple",
            MatrixRule::MatrixProduct => "matrix_product",
            MatrixRule::Transpose => "transpose",
            MatrixRule::SquaredLength => "squared_length",
            MatrixRule::Length => "length",
            MatrixRule::Power => "power",
            MatrixRule::DotProduct => "dot_product",
            MatrixRule::Trace => "trace",
            MatrixRule::Determinant => "determinant",
            MatrixRule::LogDet => "log_det",
            MatrixRule::Log => "ln",
            MatrixRule::Quotient => "quotient",
            MatrixRule::Elementwise => "elementwise",
            MatrixRule::Hadamard => "hadamard",
            MatrixRule::Inverse => "inverse",
            MatrixRule::Softmax => "softmax",
        }
    }
}

/// One identity applied: the part it takes apart, the part's shape, the slope of the
/// whole with respect to the part, and the same for the parts inside that hold the variable.
#[derive(Clone, Debug, PartialEq)]
pub struct IdentityStep {
    pub rule: MatrixRule,
    pub part: Tensor,
    pub shape: Shape,
    pub slope: Tensor,
    pub substeps: Vec<IdentityStep>,
}

/// A part nudge cannot take apart by its identities, with the part.
#[derive(Clone, Debug, PartialEq)]
pub struct Stuck(pub Tensor);

/// The gradient of the number `f` by `var`, and the steps that found it.
pub fn gradient(f: &Tensor, var: &str, env: &Env) -> Result<(IdentityStep, Tensor), Stuck> {
    let mut shares = Vec::new();
    let step = walk(f, Tensor::number(1), var, env, &mut shares)?;
    let total = simplify(&Tensor::Add(shares), env);
    Ok((step, total))
}

fn walk(
    part: &Tensor,
    slope: Tensor,
    var: &str,
    env: &Env,
    shares: &mut Vec<Tensor>,
) -> Result<IdentityStep, Stuck> {
    let slope = simplify(&slope, env);
    let shape = env.clone().infer(part).map_err(|_| Stuck(part.clone()))?;
    if matches!(part, Tensor::Name(n) if &**n == var) {
        shares.push(slope.clone());
        return Ok(IdentityStep {
            rule: MatrixRule::Variable,
            part: part.clone(),
            shape,
            slope,
            substeps: Vec::new(),
        });
    }
    let (rule, inner) = passed(part, &slope, env)?;
    let mut substeps = Vec::new();
    for (child, child_slope) in inner.into_iter().filter(|(c, _)| c.mentions(var)) {
        substeps.push(walk(&child, child_slope, var, env, shares)?);
    }
    Ok(IdentityStep {
        rule,
        part: part.clone(),
        shape,
        slope,
        substeps,
    })
}

fn boxed(t: &Tensor) -> Box<Tensor> {
    Box::new(t.clone())
}

fn times(factors: Vec<Tensor>) -> Tensor {
    Tensor::Mul(factors)
}

/// The rule for a part, and the slope each part inside it receives.
fn passed(
    part: &Tensor,
    g: &Tensor,
    env: &Env,
) -> Result<(MatrixRule, Vec<(Tensor, Tensor)>), Stuck> {
    let stuck = || Stuck(part.clone());
    Ok(match part {
        Tensor::Add(parts) => (
            MatrixRule::Sum,
            parts.iter().map(|p| (p.clone(), g.clone())).collect(),
        ),
        Tensor::Mul(fs) => product(part, fs, g, env)?,
        Tensor::Transpose(a) => (
            MatrixRule::Transpose,
            vec![((**a).clone(), Tensor::transpose(g.clone()))],
        ),
        Tensor::Pow(base, exp) => match base.as_ref() {
            Tensor::Norm(u) if exp == &Expr::int(2) => (
                MatrixRule::SquaredLength,
                vec![(
                    (**u).clone(),
                    times(vec![Tensor::number(2), g.clone(), (**u).clone()]),
                )],
            ),
            _ => {
                let down = Expr::add(vec![exp.clone(), Expr::int(-1)]);
                (
                    MatrixRule::Power,
                    vec![(
                        (**base).clone(),
                        times(vec![
                            Tensor::Scalar(exp.clone()),
                            g.clone(),
                            Tensor::Pow(base.clone(), down),
                        ]),
                    )],
                )
            }
        },
        Tensor::Norm(u) => (
            MatrixRule::Length,
            vec![(
                (**u).clone(),
                Tensor::Div(Box::new(times(vec![g.clone(), (**u).clone()])), boxed(part)),
            )],
        ),
        Tensor::Dot(a, b) => (
            MatrixRule::DotProduct,
            vec![
                ((**a).clone(), times(vec![g.clone(), (**b).clone()])),
                ((**b).clone(), times(vec![g.clone(), (**a).clone()])),
            ],
        ),
        Tensor::Apply(Fun::Trace, m) => (
            MatrixRule::Trace,
            vec![((**m).clone(), times(vec![g.clone(), Tensor::Identity]))],
        ),
        Tensor::Apply(Fun::Det, m) => (
            MatrixRule::Determinant,
            vec![(
                (**m).clone(),
                times(vec![g.clone(), part.clone(), inverse_transpose(m)]),
            )],
        ),
        Tensor::Apply(Fun::Log, inner) => match inner.as_ref() {
            Tensor::Apply(Fun::Det, m) => (
                MatrixRule::LogDet,
                vec![((**m).clone(), times(vec![g.clone(), inverse_transpose(m)]))],
            ),
            other if env.clone().infer(other).is_ok_and(|s| s.is_scalar()) => (
                MatrixRule::Log,
                vec![(other.clone(), Tensor::Div(boxed(g), boxed(other)))],
            ),
            other => elementwise(Fun::Log, other, g),
        },
        Tensor::Apply(Fun::Softmax, z) => {
            let s = part.clone();
            let jacobian = Tensor::Add(vec![
                Tensor::apply(Fun::Diag, s.clone()),
                times(vec![Tensor::number(-1), s.clone(), Tensor::transpose(s)]),
            ]);
            (
                MatrixRule::Softmax,
                vec![((**z).clone(), times(vec![jacobian, g.clone()]))],
            )
        }
        Tensor::Apply(f, u) if f.elementwise().is_some() => elementwise(*f, u, g),
        Tensor::Hadamard(a, b) => (
            MatrixRule::Hadamard,
            vec![
                ((**a).clone(), Tensor::Hadamard(boxed(g), b.clone())),
                ((**b).clone(), Tensor::Hadamard(boxed(g), a.clone())),
            ],
        ),
        Tensor::Inverse(m) => {
            let it = inverse_transpose(m);
            (
                MatrixRule::Inverse,
                vec![(
                    (**m).clone(),
                    times(vec![Tensor::number(-1), it.clone(), g.clone(), it]),
                )],
            )
        }
        Tensor::Div(top, bottom) => {
            let over = Tensor::Div(boxed(g), bottom.clone());
            let mut inner = vec![((**top).clone(), over)];
            if env.clone().infer(top).is_ok_and(|s| s.is_scalar()) {
                let down = times(vec![Tensor::number(-1), g.clone(), (**top).clone()]);
                let square = Tensor::Pow(bottom.clone(), Expr::int(2));
                inner.push((
                    (**bottom).clone(),
                    Tensor::Div(Box::new(down), Box::new(square)),
                ));
            } else if !matches!(**bottom, Tensor::Scalar(_)) {
                return Err(stuck());
            }
            (MatrixRule::Quotient, inner)
        }
        _ => return Err(stuck()),
    })
}

fn inverse_transpose(m: &Tensor) -> Tensor {
    Tensor::transpose(Tensor::Inverse(Box::new(m.clone())))
}

fn elementwise(f: Fun, u: &Tensor, g: &Tensor) -> (MatrixRule, Vec<(Tensor, Tensor)>) {
    let slope = match f.elementwise() {
        Some(e) => Tensor::apply(Fun::Slope(e), u.clone()),
        None => Tensor::number(0),
    };
    (
        MatrixRule::Elementwise,
        vec![(
            u.clone(),
            Tensor::Hadamard(Box::new(g.clone()), Box::new(slope)),
        )],
    )
}

/// A product F₁ ⋯ Fₖ: the factor Fᵢ receives Lᵀ G Rᵀ, with L the factors before it and R after.
fn product(
    part: &Tensor,
    fs: &[Tensor],
    g: &Tensor,
    env: &Env,
) -> Result<(MatrixRule, Vec<(Tensor, Tensor)>), Stuck> {
    let whole_scalar = env.clone().infer(part).is_ok_and(|s| s.is_scalar());
    let constants = fs.iter().filter(|f| matches!(f, Tensor::Scalar(_))).count();
    let rule = if constants + 1 == fs.len() {
        MatrixRule::ConstantMultiple
    } else {
        MatrixRule::MatrixProduct
    };
    let mut inner = Vec::new();
    for (i, f) in fs.iter().enumerate() {
        if matches!(f, Tensor::Scalar(_)) {
            continue;
        }
        let scalar_factor = env.clone().infer(f).is_ok_and(|s| s.is_scalar());
        if scalar_factor && !whole_scalar && fs.len() > 1 {
            return Err(Stuck(part.clone()));
        }
        let left = Tensor::transpose(Tensor::Mul(fs[..i].to_vec()));
        let right = Tensor::transpose(Tensor::Mul(fs[i + 1..].to_vec()));
        inner.push((f.clone(), times(vec![left, g.clone(), right])));
    }
    Ok((rule, inner))
}
