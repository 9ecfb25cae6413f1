//! Numeric evaluation in floating point, with errors that say why a value does not exist.

use super::{Expr, Func, Kind};
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum EvalError {
    /// A variable with no value at the point asked for.
    Unbound(String),
    DivisionByZero,
    /// Outside a function's domain: the message says which and why.
    Domain(String),
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Unbound(name) => write!(f, "{name} has no value here"),
            EvalError::DivisionByZero => write!(f, "division by zero: the value is undefined"),
            EvalError::Domain(why) => write!(f, "{why}"),
        }
    }
}

/// The value of `e` with variables looked up by `lookup`.
pub fn eval(e: &Expr, lookup: &dyn Fn(&str) -> Option<f64>) -> Result<f64, EvalError> {
    // A tree whose shared parts repeat can be far larger than the memory it takes.
    crate::budget::check();
    let v = match e.kind() {
        Kind::Num(n) => n.to_f64(),
        Kind::Const(c) => c.value(),
        Kind::Var(name) => lookup(name).ok_or_else(|| EvalError::Unbound(name.to_string()))?,
        Kind::Add(terms) => {
            let mut sum = 0.0;
            for t in terms {
                sum += eval(t, lookup)?;
            }
            sum
        }
        Kind::Mul(factors) => {
            let mut product = 1.0;
            for f in factors {
                product *= eval(f, lookup)?;
            }
            product
        }
        Kind::Pow(b, x) => power(eval(b, lookup)?, x, eval(x, lookup)?)?,
        Kind::Func(f, a) => apply(*f, eval(a, lookup)?)?,
        Kind::Log(b, a) => {
            let (base, arg) = (eval(b, lookup)?, eval(a, lookup)?);
            if base <= 0.0 || base == 1.0 {
                return Err(EvalError::Domain(format!(
                    "a logarithm's base must be positive and not 1, but here it is {}",
                    show(base)
                )));
            }
            positive_for_log(arg)?.ln() / base.ln()
        }
        Kind::Apply(f) => {
            return Err(EvalError::Domain(format!(
                "{name} is not a function you have defined, so it has no formula and no value here: define it first, as in {name}(x) = x^2",
                name = f.name
            )))
        }
    };
    Ok(v)
}

/// `base^x`, with `exp` the exponent as an expression (an odd root of a negative is real).
pub fn power(base: f64, exp: &Expr, x: f64) -> Result<f64, EvalError> {
    if base == 0.0 && x < 0.0 {
        return Err(EvalError::DivisionByZero);
    }
    if base >= 0.0 || x.fract() == 0.0 {
        return Ok(base.powf(x));
    }
    // A negative base: real only for odd roots, as in ∛(−8) = −2.
    match exp.as_number() {
        Some(n) if n.has_odd_denominator() => {
            let magnitude = (-base).powf(x);
            Ok(if n.numer().bit(0) {
                -magnitude
            } else {
                magnitude
            })
        }
        _ => Err(EvalError::Domain(format!(
            "an even root (like √) needs a number that is not negative, but here it gets {}",
            show(base)
        ))),
    }
}

pub(crate) fn positive_for_log(v: f64) -> Result<f64, EvalError> {
    if v > 0.0 {
        Ok(v)
    } else {
        Err(EvalError::Domain(format!(
            "a logarithm needs a positive input, but here it gets {}",
            show(v)
        )))
    }
}

/// The value of a named function at `v`, or why it has none.
pub fn apply(f: Func, v: f64) -> Result<f64, EvalError> {
    match f {
        Func::Ln => return Ok(positive_for_log(v)?.ln()),
        Func::Arcsin | Func::Arccos if !(-1.0..=1.0).contains(&v) => {
            return Err(EvalError::Domain(format!(
                "{} only takes inputs from -1 to 1, but here it gets {}",
                f.name(),
                show(v)
            )))
        }
        // Floating point never hits cos(π/2) = 0 exactly; treat a cosine or sine this small as 0.
        Func::Tan | Func::Sec if v.cos().abs() < 1e-12 => {
            return Err(EvalError::Domain(format!(
                "{} is undefined at {} (cos is 0 there, and it divides by cos)",
                f.name(),
                show(v)
            )))
        }
        Func::Cot | Func::Csc if v.sin().abs() < 1e-12 => {
            return Err(EvalError::Domain(format!(
                "{} is undefined at {} (sin is 0 there, and it divides by sin)",
                f.name(),
                show(v)
            )))
        }
        Func::Step if v == 0.0 => {
            return Err(EvalError::Domain(
                "the step jumps from 0 to 1 at 0, so it has no value there; it is the slope of ReLU, whose kink at 0 has no slope (frameworks use 0 there)".to_string(),
            ))
        }
        _ => {}
    }
    let out = f.apply(v);
    if out.is_finite() {
        Ok(out)
    } else if out.is_infinite() && v.is_finite() {
        // sinh(1000): an overflow, not a division by zero.
        Err(EvalError::Domain(format!(
            "{} grows too large to compute at {}",
            f.name(),
            show(v)
        )))
    } else {
        Err(EvalError::Domain(format!(
            "{} is undefined at {} (it divides by zero there)",
            f.name(),
            show(v)
        )))
    }
}

pub(crate) fn show(v: f64) -> String {
    let rounded = (v * 1e6).round() / 1e6;
    format!("{rounded}")
}
