//! Checking an antiderivative the honest way: differentiate it and compare with the integrand.

use super::derive::derive;
use super::rewrite::expand;
use crate::expr::{eval, Expr};

/// Where the comparison is made when the difference does not simplify to 0.
const SAMPLE_POINTS: [f64; 10] = [0.37, 0.81, 1.23, 1.77, 2.45, -0.53, -1.31, 3.1, 0.05, -2.2];
/// Fewest points where both sides must exist and agree.
const MIN_AGREEING_POINTS: usize = 3;

/// How the derivative was seen to match the integrand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckMethod {
    /// The difference simplified to 0.
    Exact,
    /// Equal values at this many sample points.
    Numeric { points: usize },
}

/// The derivative of an antiderivative, shown to give back the integrand.
#[derive(Clone, Debug)]
pub struct Check {
    pub derivative: Expr,
    pub method: CheckMethod,
}

/// Differentiates `antiderivative` and compares the result with `integrand`;
/// `None` when they differ (a bug in the rules) or cannot be compared.
pub fn check_antiderivative(integrand: &Expr, antiderivative: &Expr, var: &str) -> Option<Check> {
    let derivative = derive(antiderivative, var).after;
    let difference = Expr::sub(derivative.clone(), integrand.clone());
    if difference.is_zero() || expand(&difference).is_some_and(|d| d.is_zero()) {
        return Some(Check {
            derivative,
            method: CheckMethod::Exact,
        });
    }
    let points = agreeing_points(&derivative, integrand, var)?;
    Some(Check {
        derivative,
        method: CheckMethod::Numeric { points },
    })
}

/// How many sample points give equal values; `None` at the first disagreement.
fn agreeing_points(a: &Expr, b: &Expr, var: &str) -> Option<usize> {
    let mut agreeing = 0;
    for &x in &SAMPLE_POINTS {
        let lookup = |name: &str| Some(if name == var { x } else { sample_value(name) });
        let (Ok(va), Ok(vb)) = (eval(a, &lookup), eval(b, &lookup)) else {
            continue;
        };
        if !va.is_finite() || !vb.is_finite() {
            continue;
        }
        let scale = 1.0_f64.max(va.abs()).max(vb.abs());
        if (va - vb).abs() > 1e-8 * scale {
            return None;
        }
        agreeing += 1;
    }
    (agreeing >= MIN_AGREEING_POINTS).then_some(agreeing)
}

/// A fixed, unremarkable value for a symbol held constant: between 0.6 and 2.1.
fn sample_value(name: &str) -> f64 {
    let spread = name.bytes().fold(0u32, |acc, b| {
        acc.wrapping_mul(31).wrapping_add(u32::from(b))
    });
    0.6 + f64::from(spread % 7) * 0.25
}
