//! The shapes papers print a slope in (σ(u)·(1 − σ(u)), σ(u), 1 − tanh²(u), 1/cosh²(u),
//! σ(z) − y), each offered beside a result only when it is proven equal to it: the same
//! fraction once σ and tanh are written in exponentials, and the same value at random points.

use super::derive;
use super::identity::{same_fraction, Fraction};
use super::softmax::{softmax_shape, Softmax};
use crate::expr::{eval, Constant, Expr, Func, Kind, Symbol};

/// Results larger than this are not searched for a shape: the papers' shapes are small.
const MAX_SIZE: u32 = 200;
/// Most insides (u of σ(u), e^u, …) tried: each brings a handful of shapes to compare.
const MAX_INSIDES: usize = 4;

/// A shape a slope is known by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// σ(u)·(1 − σ(u)), the sigmoid's slope read off its value.
    SigmoidSlope,
    /// σ(u) itself, as e^u/(1 + e^u) is.
    Sigmoid,
    /// 1 − tanh²(u), tanh's slope read off its value.
    TanhSlope,
    /// 1/cosh²(u), the other way to write tanh's slope.
    SechSquared,
    /// σ(z) − y: binary cross-entropy through a sigmoid, prediction minus target.
    PredictionMinusTarget,
    /// s_i(δ_ij − s_j): one softmax share's slope by one input, read off the shares.
    SoftmaxShareSlope,
    /// p_i − y_i: cross-entropy after a softmax, given the targets add to 1.
    SoftmaxPredictionMinusTarget,
}

impl Shape {
    /// The stable name tools see in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Shape::SigmoidSlope => "sigmoid_slope",
            Shape::Sigmoid => "sigmoid",
            Shape::TanhSlope => "tanh_slope",
            Shape::SechSquared => "sech_squared",
            Shape::PredictionMinusTarget => "prediction_minus_target",
            Shape::SoftmaxShareSlope => "softmax_share_slope",
            Shape::SoftmaxPredictionMinusTarget => "softmax_prediction_minus_target",
        }
    }
}

/// A result in a known shape: `form` equals it, as `inner`'s function.
#[derive(Clone, Debug, PartialEq)]
pub struct Known {
    pub shape: Shape,
    pub form: Expr,
    /// The u inside σ(u) or tanh(u).
    pub inner: Expr,
    /// For a softmax shape: the softmax its shares (s_1, p_1, …) are entries of.
    pub softmax: Option<Softmax>,
    /// What the shape needs to be true, a sum that equals 1: y_1 + y_2 + y_3 for the targets.
    pub given: Option<Expr>,
}

/// The first known shape `result` (a slope by `var`) is equal to, if any.
pub fn recognise(result: &Expr, var: &str) -> Option<Known> {
    if result.size() > MAX_SIZE || !result.contains(var) {
        return None;
    }
    activation_shape(result, var).or_else(|| softmax_shape(result, var))
}

/// The sigmoid's, tanh's and binary cross-entropy's shapes.
fn activation_shape(result: &Expr, var: &str) -> Option<Known> {
    let parts = Parts::of(result);
    let mut insides = Vec::new();
    collect_insides(result, var, &mut insides);
    let targets: Vec<Symbol> = result
        .free_vars()
        .into_iter()
        .filter(|v| &**v != var)
        .collect();
    insides.truncate(MAX_INSIDES);
    let allowed = |shape| parts.allow(shape, !targets.is_empty());
    if ![
        Shape::SigmoidSlope,
        Shape::TanhSlope,
        Shape::PredictionMinusTarget,
    ]
    .into_iter()
    .any(allowed)
    {
        return None;
    }
    let fraction = Fraction::of(result)?;
    insides.iter().find_map(|u| {
        candidates(u, var, &targets, &allowed)
            .into_iter()
            .find(|k| {
                k.form != *result
                    && fraction.equals(&k.form) == Some(true)
                    && same_values(result, &k.form)
            })
    })
}

/// What a result holds that a shape is made of, surveyed before anything is built, so the
/// search costs nothing where no shape can be (2e^(2x), x·cos(x²), 2σ(2x)·(1 − σ(2x))).
#[derive(Default)]
struct Parts {
    /// An exponential inside a sum below a fraction bar: 1/(1 + e^(−x)).
    exponential_fraction: bool,
    sigmoid: bool,
    /// tanh, cosh or sinh.
    hyperbolic: bool,
}

impl Parts {
    fn of(e: &Expr) -> Parts {
        let mut parts = Parts::default();
        parts.survey(e);
        parts
    }

    fn survey(&mut self, e: &Expr) {
        match e.kind() {
            Kind::Func(Func::Sigmoid, _) => self.sigmoid = true,
            Kind::Func(Func::Tanh | Func::Cosh | Func::Sinh, _) => self.hyperbolic = true,
            Kind::Pow(b, x)
                if x.as_number().is_some_and(|n| n.is_negative())
                    && b.terms().iter().any(is_exponential) =>
            {
                self.exponential_fraction = true;
            }
            _ => {}
        }
        match e.kind() {
            Kind::Add(parts) | Kind::Mul(parts) => parts.iter().for_each(|p| self.survey(p)),
            Kind::Pow(b, x) | Kind::Log(b, x) => {
                self.survey(b);
                self.survey(x);
            }
            Kind::Func(_, a) => self.survey(a),
            Kind::Apply(_) | Kind::Num(_) | Kind::Const(_) | Kind::Var(_) => {}
        }
    }

    /// Whether a shape could be what this result is.
    fn allow(&self, shape: Shape, has_targets: bool) -> bool {
        match shape {
            Shape::SigmoidSlope | Shape::Sigmoid => self.exponential_fraction,
            Shape::TanhSlope | Shape::SechSquared => self.hyperbolic || self.exponential_fraction,
            Shape::PredictionMinusTarget => {
                has_targets && (self.sigmoid || self.exponential_fraction)
            }
            // Found by `softmax_shape`, which looks for a sum of exponentials itself.
            Shape::SoftmaxShareSlope | Shape::SoftmaxPredictionMinusTarget => false,
        }
    }
}

/// e^u, or a number times it.
fn is_exponential(term: &Expr) -> bool {
    term.factors().iter().any(
        |f| matches!(f.kind(), Kind::Pow(b, _) if matches!(b.kind(), Kind::Const(Constant::E))),
    )
}

/// The insides u of σ(u), tanh(u), cosh(u), sinh(u) and e^(±u) that move with `var`.
fn collect_insides(e: &Expr, var: &str, out: &mut Vec<Expr>) {
    if !e.contains(var) {
        return;
    }
    let mut add = |u: Expr| {
        if !out.contains(&u) {
            out.push(u);
        }
    };
    match e.kind() {
        Kind::Func(Func::Sigmoid | Func::Tanh | Func::Cosh | Func::Sinh, u) => add(u.clone()),
        Kind::Pow(b, x) if matches!(b.kind(), Kind::Const(Constant::E)) => {
            // e^(−u) sits in σ(u) = 1/(1 + e^(−u)), e^u in e^u/(1 + e^u).
            let (c, rest) = x.split_coefficient();
            add(Expr::mul(vec![Expr::num(c.abs()), rest]));
        }
        _ => {}
    }
    match e.kind() {
        Kind::Add(parts) | Kind::Mul(parts) => {
            parts.iter().for_each(|p| collect_insides(p, var, out));
        }
        Kind::Pow(b, x) | Kind::Log(b, x) => {
            collect_insides(b, var, out);
            collect_insides(x, var, out);
        }
        Kind::Func(_, a) => collect_insides(a, var, out),
        Kind::Apply(f) => f.args.iter().for_each(|a| collect_insides(a, var, out)),
        Kind::Num(_) | Kind::Const(_) | Kind::Var(_) => {}
    }
}

/// Each shape in u, alone and times the slope of u (the chain rule's inner factor).
fn candidates(
    u: &Expr,
    var: &str,
    targets: &[Symbol],
    allowed: &dyn Fn(Shape) -> bool,
) -> Vec<Known> {
    let sigma = Expr::func(Func::Sigmoid, u.clone());
    let squared = |f: Func| Expr::pow(Expr::func(f, u.clone()), Expr::int(2));
    let mut shapes = vec![
        (
            Shape::SigmoidSlope,
            Expr::mul(vec![sigma.clone(), Expr::sub(Expr::one(), sigma.clone())]),
        ),
        (Shape::Sigmoid, sigma.clone()),
        (
            Shape::TanhSlope,
            Expr::sub(Expr::one(), squared(Func::Tanh)),
        ),
        (Shape::SechSquared, Expr::recip(squared(Func::Cosh))),
    ];
    for y in targets.iter().filter(|y| !u.contains(y)) {
        let form = Expr::sub(sigma.clone(), Expr::symbol(y.clone()));
        shapes.push((Shape::PredictionMinusTarget, form));
    }
    shapes.retain(|(shape, _)| allowed(*shape));
    if shapes.is_empty() {
        return Vec::new();
    }
    let slope = derive(u, var).after;
    let mut out = Vec::new();
    for (shape, form) in shapes {
        if !slope.is_one() {
            let scaled = Expr::mul(vec![slope.clone(), form.clone()]);
            out.push(Known {
                shape,
                form: scaled,
                inner: u.clone(),
                softmax: None,
                given: None,
            });
        }
        out.push(Known {
            shape,
            form,
            inner: u.clone(),
            softmax: None,
            given: None,
        });
    }
    out
}

/// Equal as fractions, and at random points as numbers: both, or the shape is not offered.
pub fn proven_equal(a: &Expr, b: &Expr) -> bool {
    same_fraction(a, b) == Some(true) && same_values(a, b)
}

/// The two agree at a dozen points where both have a value, with every letter random.
fn same_values(a: &Expr, b: &Expr) -> bool {
    let mut names = a.free_vars();
    names.extend(b.free_vars());
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut compared = 0;
    for _ in 0..12 {
        let values: Vec<f64> = names
            .iter()
            .map(|_| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                ((seed >> 11) as f64 / (1u64 << 53) as f64) * 5.0 - 2.5
            })
            .collect();
        let at = |n: &str| names.iter().position(|m| &**m == n).map(|i| values[i]);
        match (eval(a, &at), eval(b, &at)) {
            (Ok(x), Ok(y)) if x.is_finite() && y.is_finite() => {
                if (x - y).abs() > 1e-9 * (1.0 + x.abs().max(y.abs())) {
                    return false;
                }
                compared += 1;
            }
            _ => {}
        }
    }
    compared >= 6
}
