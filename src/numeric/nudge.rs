//! The shrinking nudge: difference quotients (f(a + h) − f(a)) / h for h = 1, 0.1, … 10⁻⁶.

use super::{finite, RealFn};

/// The smallest nudge in the table is 10^-SMALLEST.
pub const SMALLEST: i32 = 6;

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct NudgeRow {
    /// The nudge h: 1, 0.1, … 10⁻⁶.
    pub h: f64,
    /// (f(a + h) − f(a)) / h, or why it has no value.
    pub quotient: Result<f64, String>,
    /// True when the quotient moved away from the exact slope as h shrank:
    /// the computer's rounding, not the maths, is speaking in this row.
    pub roundoff: bool,
}

/// Which way the input is nudged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toward {
    /// a + h.
    Right,
    /// a − h.
    Left,
}

/// The difference quotients of `f` at `a`, given f(a) and, when known, the exact slope.
/// Nudged to the left the quotient is (f(a − h) − f(a)) / (−h).
pub fn difference_quotients(
    f: RealFn,
    a: f64,
    fa: f64,
    exact: Option<f64>,
    toward: Toward,
) -> Vec<NudgeRow> {
    let sign = if toward == Toward::Right { 1.0 } else { -1.0 };
    let mut rows: Vec<NudgeRow> = Vec::new();
    let mut best_error = f64::INFINITY;
    for k in 0..=SMALLEST {
        let h = 10f64.powi(-k);
        let quotient = finite(f(a + sign * h)).map(|fah| (fah - fa) / (sign * h));
        let mut roundoff = false;
        if let (Ok(q), Some(slope)) = (&quotient, exact) {
            let error = (q - slope).abs();
            // Truncation error shrinks with h; an error that grows instead is rounding.
            roundoff = error > best_error * 1.5 && error > 1e-12 * slope.abs().max(1.0);
            best_error = best_error.min(error);
        }
        rows.push(NudgeRow {
            h,
            quotient,
            roundoff,
        });
    }
    rows
}

/// How many decimals show the convergence without showing rounding noise.
///
/// A difference quotient carries rounding noise of about 2·ε·|f(a)| / h; the
/// smallest h sets the floor. Nine significant digits of the slope are plenty.
pub fn decimals(fa: f64, slope: f64) -> usize {
    let noise = 4.0 * f64::EPSILON * fa.abs().max(1.0) / 10f64.powi(-SMALLEST);
    let by_noise = (-noise.log10()).floor();
    let magnitude = slope.abs().max(1.0).log10().floor();
    let by_size = 8.0 - magnitude;
    by_noise.min(by_size).clamp(2.0, 10.0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn square_at_three_approaches_six() {
        let f = |x: f64| Ok(x * x);
        let rows = difference_quotients(&f, 3.0, 9.0, Some(6.0), Toward::Right);
        assert_eq!(rows.len(), 7);
        for row in &rows {
            let q = row.quotient.clone().unwrap();
            assert!((q - (6.0 + row.h)).abs() < 1e-8, "{q}");
            assert!(!row.roundoff);
        }
        assert_eq!(decimals(9.0, 6.0), 8);
    }

    #[test]
    fn a_corner_has_two_different_slopes() {
        let f = |x: f64| Ok(x.abs());
        let right = difference_quotients(&f, 0.0, 0.0, None, Toward::Right);
        let left = difference_quotients(&f, 0.0, 0.0, None, Toward::Left);
        assert!(right.iter().all(|r| r.quotient == Ok(1.0)));
        assert!(left.iter().all(|r| r.quotient == Ok(-1.0)));
    }
}
