//! The numbers behind the pictures: nudge tables, limit tables, plot samples, contour lines.
//!
//! Everything here works in floating point on a function given as a closure,
//! so it knows nothing of expressions, syntax or text — except `precise`, which
//! values an expression at many digits where floating point would cancel.

pub mod contour;
pub mod limit;
pub mod nudge;
pub mod precise;
pub mod recognise;
mod rng;
pub mod sample;

use crate::expr::EvalError;
pub use rng::Rng;

/// A function of one real variable that may be undefined at some inputs.
pub type RealFn<'a> = &'a dyn Fn(f64) -> Result<f64, EvalError>;

/// A value, or why there is none: an error, or a result that is not a finite number.
pub fn finite(v: Result<f64, EvalError>) -> Result<f64, String> {
    match v {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err("grows too large to compute".to_string()),
        Err(e) => Err(e.to_string()),
    }
}
