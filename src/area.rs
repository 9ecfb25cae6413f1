//! The numeric side of a definite integral: the area of an expression by Gauss–Kronrod, and words when it fails.

use crate::calculus::{sum_of_parts, tail, Estimate, Part, QuadratureError};
use crate::error::{Error, ErrorKind, Phase};
use crate::expr::{eval, substitute, Expr};
use crate::syntax::Span;

/// A numeric area beside an exact one: trusted, or not good enough to check it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumericArea {
    pub estimate: Estimate,
    /// False when the pieces ran out first; the exact value then stands unchecked.
    pub reliable: bool,
}

/// A bound as a number: ±∞ for `inf`, `infinity`, `oo` and their negatives.
pub fn bound_value(e: &Expr) -> Option<f64> {
    if is_infinity(e) {
        return Some(f64::INFINITY);
    }
    if is_infinity(&Expr::neg(e.clone())) {
        return Some(f64::NEG_INFINITY);
    }
    eval(e, &|_| None).ok()
}

/// Whether a bound is ∞ or −∞.
pub fn infinite(e: &Expr) -> bool {
    is_infinity(e) || is_infinity(&Expr::neg(e.clone()))
}

fn is_infinity(e: &Expr) -> bool {
    ["inf", "infinity", "oo"].iter().any(|name| e.is_var(name))
}

/// The area under `body` from `lower` to `upper` by numbers, or `None` when a name
/// other than `var` has no value. An estimate whose pieces ran out is returned as
/// unreliable only when `exact_known`; otherwise that is an error, as is a hole
/// or an unbounded spot in the interval.
pub fn numeric_area(
    body: &Expr,
    var: &str,
    (lower, upper): (&Expr, &Expr),
    bounds: Span,
    exact_known: bool,
) -> Result<Option<NumericArea>, Error> {
    let (Some(a), Some(b)) = (bound_value(lower), bound_value(upper)) else {
        return Ok(None);
    };
    if body.free_vars().iter().any(|v| &**v != var) {
        return Ok(None);
    }
    let sign = if a <= b { 1.0 } else { -1.0 };
    let ((a, lower), (b, upper)) = if a <= b {
        ((a, lower), (b, upper))
    } else {
        ((b, upper), (a, lower))
    };
    let result = if a == b {
        Ok(Estimate {
            value: 0.0,
            error: 0.0,
            pieces: 0,
        })
    } else {
        let f = |x: f64| eval(body, &|name: &str| (name == var).then_some(x)).ok();
        let parts = parts(body, var, (a, lower), (b, upper), &f);
        sum_of_parts(&parts)
    };
    let signed = |e: Estimate| Estimate {
        value: sign * e.value,
        ..e
    };
    match result {
        Ok(e) if e.value.is_finite() => Ok(Some(NumericArea {
            estimate: signed(e),
            reliable: true,
        })),
        Ok(_) => Err(Error::new(
            Phase::Computing,
            "the area is larger than the largest number nudge can hold",
        )
        .with_kind(ErrorKind::TooLarge)
        .at(bounds)
        .with_help("try a narrower interval")),
        Err(QuadratureError::Unsettled { estimate }) if exact_known => Ok(Some(NumericArea {
            estimate: signed(estimate),
            reliable: false,
        })),
        Err(why) => Err(refusal(why, var, bounds)),
    }
}

/// The interval cut so that each end sits at 0 of a variable of its own: f(a + u) and
/// f(b − u) are put in symbolically, so 1/√(x − 1) near x = 1 becomes 1/√u, which
/// floating point can follow much closer to the end than x itself. Infinite ends are
/// mapped onto (0, 1].
fn parts<'a>(
    body: &'a Expr,
    var: &'a str,
    (a, lower): (f64, &'a Expr),
    (b, upper): (f64, &'a Expr),
    f: &'a dyn Fn(f64) -> Option<f64>,
) -> Vec<Part<'a>> {
    let from_end = |end: &Expr, at: f64, dir: f64, width: f64| -> Part<'a> {
        let u = Expr::var("#u");
        let shifted = if dir > 0.0 {
            Expr::add(vec![end.clone(), u])
        } else {
            Expr::sub(end.clone(), u)
        };
        let g = substitute(body, var, &shifted);
        Part {
            f: Box::new(move |u: f64| eval(&g, &|name: &str| (name == "#u").then_some(u)).ok()),
            place: Box::new(move |u| at + dir * u),
            lo: 0.0,
            hi: width,
        }
    };
    match (a.is_finite(), b.is_finite()) {
        (true, true) => {
            let half = 0.5 * (b - a);
            let half = if half.is_finite() {
                half
            } else {
                0.5 * b - 0.5 * a
            };
            vec![
                from_end(lower, a, 1.0, half),
                from_end(upper, b, -1.0, b - a - half),
            ]
        }
        (true, false) => vec![from_end(lower, a, 1.0, 1.0), tail(f, a + 1.0, 1.0)],
        (false, true) => vec![from_end(upper, b, -1.0, 1.0), tail(f, b - 1.0, -1.0)],
        (false, false) => vec![tail(f, 0.0, 1.0), tail(f, 0.0, -1.0)],
    }
}

/// Why no number can be given, in the learner's terms.
fn refusal(why: QuadratureError, var: &str, bounds: Span) -> Error {
    let at = |x: f64| {
        if x.is_infinite() {
            if x > 0.0 { "∞" } else { "−∞" }.to_string()
        } else {
            crate::expr::decimal(x)
        }
    };
    let improper = |text: String| {
        Error::new(Phase::Computing, text)
            .with_kind(ErrorKind::ImproperIntegral)
            .at(bounds)
            .with_help("choose bounds that keep the trouble spot outside the interval")
    };
    match why {
        QuadratureError::Undefined { at: x } => improper(format!(
            "the integrand has no value at {var} = {}, which lies in the interval: this is an improper integral, and nudge does not work those out",
            at(x)
        )),
        QuadratureError::Overflow { at: x } => Error::new(
            Phase::Computing,
            format!(
                "the integrand grows too large to compute near {var} = {}",
                at(x)
            ),
        )
        .with_kind(ErrorKind::TooLarge)
        .at(bounds)
        .with_help("try a narrower interval"),
        QuadratureError::Unbounded { near, .. } => improper(format!(
            "the integrand grows without bound near {var} = {}, so this is an improper integral, and its area does not settle there: it may be infinite",
            // Within a millionth of 0 is 0, as far as the message goes.
            at(if near.abs() < 1e-6 { 0.0 } else { near })
        )),
        QuadratureError::Unsettled { estimate } => Error::new(
            Phase::Computing,
            format!(
                "the area by numbers did not settle: after {} pieces it is about {}, give or take {}, which is too rough to trust",
                estimate.pieces,
                crate::expr::decimal(estimate.value),
                error_text(estimate.error)
            ),
        )
        .with_kind(ErrorKind::Computation)
        .at(bounds)
        .with_help("the integrand swings or bends too often between these bounds; a narrower interval may settle"),
    }
}

/// An error estimate in one or two significant digits: `2e-9`, `0.0031`, `1.2e6`.
pub fn error_text(error: f64) -> String {
    if error == 0.0 {
        return "0".to_string();
    }
    let text = format!("{error:.1e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let mantissa = mantissa.trim_end_matches(".0");
    let exponent: i32 = exponent.parse().unwrap_or(0);
    if (-3..=3).contains(&exponent) {
        let decimals = (1 - exponent).max(0) as usize;
        let value: f64 = format!("{mantissa}e{exponent}").parse().unwrap_or(error);
        format!("{value:.decimals$}")
    } else {
        format!("{mantissa}e{exponent}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_in_a_digit_or_two() {
        assert_eq!(error_text(2.04e-9), "2e-9");
        assert_eq!(error_text(3.14e-3), "0.0031");
        assert_eq!(error_text(0.25), "0.25");
        assert_eq!(error_text(1.2e6), "1.2e6");
    }
}
