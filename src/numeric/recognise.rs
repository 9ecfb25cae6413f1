//! Naming a number: is this decimal a small fraction, e, π, or a simple combination of them?

use crate::expr::{Constant, Expr};

/// Largest denominator tried for a fraction.
const MAX_DENOMINATOR: i64 = 12;
/// Largest denominator tried for a value known to about 13 digits.
const FINE_DENOMINATOR: i64 = 1000;
/// Largest numerator tried for a multiple of a constant.
const MAX_NUMERATOR: i64 = 60;

/// The simplest exact number within `tolerance` of `value`, if there is one.
///
/// Whole numbers first, then fractions, then small rational multiples of the
/// constants a learner meets (e, π, their powers and roots, √2, √3, ln 2),
/// then e or π plus a whole number. Constants are tried only when
/// `with_constants`: a few digits match too many of them by chance.
pub fn recognise(value: f64, tolerance: f64, with_constants: bool) -> Option<Expr> {
    if !value.is_finite() {
        return None;
    }
    if let Some(r) = fraction(value, tolerance) {
        return Some(r);
    }
    if !with_constants {
        return None;
    }
    for (constant, c) in constants() {
        if let Some(r) = fraction(value / c, tolerance / c.abs()) {
            if !r.is_zero() {
                return Some(Expr::mul(vec![r, constant]));
            }
        }
    }
    for (constant, c) in constants().into_iter().take(2) {
        let shift = (value - c).round();
        if shift.abs() <= 10.0 && (value - c - shift).abs() <= tolerance {
            return Some(Expr::add(vec![constant, Expr::int(shift as i64)]));
        }
    }
    None
}

/// A fraction with a denominator up to 1,000 (1/120, 7/360), for a value known to
/// about 13 digits or better: only then is a match with so many fractions no accident.
pub fn recognise_fine(value: f64, error: f64) -> Option<Expr> {
    let scale = value.abs().max(1e-300);
    if !value.is_finite() || error > 1e-13 * scale {
        return None;
    }
    fraction_up_to(value, (10.0 * error).max(1e-14 * scale), FINE_DENOMINATOR)
}

/// p/q with q ≤ 12 (or a whole number) within `tolerance`.
fn fraction(value: f64, tolerance: f64) -> Option<Expr> {
    fraction_up_to(value, tolerance, MAX_DENOMINATOR)
}

fn fraction_up_to(value: f64, tolerance: f64, max_denominator: i64) -> Option<Expr> {
    for q in 1..=max_denominator {
        let p = (value * q as f64).round();
        let limit = if q == 1 {
            1e12
        } else {
            MAX_NUMERATOR as f64 * q as f64
        };
        if p.abs() <= limit && (value - p / q as f64).abs() <= tolerance {
            return Some(Expr::ratio(p as i64, q));
        }
    }
    None
}

/// The constants tried, simplest first, with their values.
fn constants() -> Vec<(Expr, f64)> {
    let e = || Expr::constant(Constant::E);
    let pi = || Expr::constant(Constant::Pi);
    let half = || Expr::ratio(1, 2);
    let root = |n: i64| Expr::pow(Expr::int(n), half());
    vec![
        (e(), std::f64::consts::E),
        (pi(), std::f64::consts::PI),
        (Expr::recip(e()), 1.0 / std::f64::consts::E),
        (Expr::recip(pi()), 1.0 / std::f64::consts::PI),
        (root(2), std::f64::consts::SQRT_2),
        (root(3), 3f64.sqrt()),
        (Expr::pow(pi(), Expr::int(2)), std::f64::consts::PI.powi(2)),
        (Expr::pow(e(), Expr::int(2)), std::f64::consts::E.powi(2)),
        (Expr::pow(e(), half()), std::f64::consts::E.sqrt()),
        (Expr::pow(pi(), half()), std::f64::consts::PI.sqrt()),
        (Expr::ln(Expr::int(2)), std::f64::consts::LN_2),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(v: f64) -> Option<String> {
        recognise(v, 5e-10, true).map(|e| e.unicode())
    }

    #[test]
    fn names_the_usual_suspects() {
        assert_eq!(named(1.0).as_deref(), Some("1"));
        assert_eq!(named(-0.5).as_deref(), Some("-1/2"));
        assert_eq!(named(std::f64::consts::E).as_deref(), Some("e"));
        assert_eq!(named(std::f64::consts::PI / 4.0).as_deref(), Some("π/4"));
        assert!(named(2.0f64.sqrt() / 2.0).is_some());
        assert_eq!(named(0.123_456_789), None);
        assert!(recognise(std::f64::consts::E, 5e-4, false).is_none());
    }
}
