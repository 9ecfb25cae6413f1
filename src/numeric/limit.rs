//! Limits, numerically: a table of values approaching the point, and where the values are heading.

use super::precise::Trouble;

/// The inputs shown on the way to infinity: once a year, twice, quarterly,
/// monthly, daily, hourly, every minute — the compounding table of the article.
/// Further out the computer's rounding would show in the ninth decimal.
pub const TOWARD_INFINITY: [f64; 7] = [1.0, 2.0, 4.0, 12.0, 365.0, 8760.0, 525_600.0];

/// The distances from the point shown on the way to a number: 0.1 down to 10⁻⁶.
pub const TOWARD_POINT: [f64; 6] = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6];

/// One row of a limit table: the input and the value there, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitRow {
    pub input: f64,
    pub value: Result<f64, String>,
}

/// What a table says when a value is past even many-digit numbers.
pub const TOO_LARGE: &str = "grows too large to compute";
/// What a table says when two precisions never agree.
pub const CANNOT_TELL: &str = "cannot tell: even 2,048-bit numbers do not settle this value";

/// Where one approach seems to go.
#[derive(Clone, Debug, PartialEq)]
pub enum Heading {
    /// The values settle on `value`, trusted to about `error`.
    Settles { value: f64, error: f64 },
    /// The values grow without bound, with this sign.
    Unbounded { positive: bool },
    /// The values do not settle (they oscillate, or wander).
    Unsettled,
    /// The function has no value close to the point.
    Undefined(String),
    /// The terms cancel beyond the precision nudge works to: no verdict either way.
    CannotTell,
}

/// A table's cell for a value, or the words for why there is none.
pub fn cell(value: Result<f64, Trouble>) -> Result<f64, String> {
    match value {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) | Err(Trouble::TooLarge { .. }) => Err(TOO_LARGE.to_string()),
        Err(Trouble::NoValue(why)) => Err(why),
        Err(Trouble::CannotTell) => Err(CANNOT_TELL.to_string()),
    }
}

/// Where `f(t)` heads as `t → 0⁺`, read off f at t = 2⁻ᵏ and sharpened by
/// Richardson extrapolation (which assumes the error shrinks like a power of t).
/// Powers of two keep the inputs exact in binary. Values that overflow while
/// growing grow without bound; otherwise the values before an overflow are read.
pub fn heading(f: &dyn Fn(f64) -> Result<f64, Trouble>, first: i32, last: i32) -> Heading {
    let mut values = Vec::new();
    // The last k whose value was had.
    let mut read_to = last;
    for k in first..=last {
        match f(2f64.powi(-k)) {
            Ok(v) => values.push(v),
            Err(Trouble::TooLarge { positive }) => {
                // Values already huge and growing toward the overflow grow without bound.
                let toward = values
                    .last()
                    .is_some_and(|v: &f64| v.abs() > 1e4 && (*v > 0.0) == positive)
                    && values.windows(2).all(|w| w[1].abs() >= w[0].abs());
                if toward {
                    return Heading::Unbounded { positive };
                }
                if values.len() >= 6 {
                    // Past the numbers' range without growing toward it, as (eᵉˣ + 1)/eᵉˣ:
                    // read the values that could be had.
                    read_to = k - 1;
                } else {
                    return Heading::CannotTell;
                }
                break;
            }
            Err(Trouble::NoValue(why)) => return Heading::Undefined(why),
            Err(Trouble::CannotTell) => return Heading::CannotTell,
        }
    }
    if values.len() < 4 {
        return Heading::Unsettled;
    }
    if let Some(positive) = unbounded(&values) {
        return Heading::Unbounded { positive };
    }
    let (value, error) = richardson(&values);
    let estimate = if error <= 1e-6 * value.abs().max(1.0) {
        Some((value, error))
    } else {
        // An approach like √t or t·ln t is not a power series in t; Aitken's Δ²
        // does not need to know the power.
        aitken(&values).filter(|(v, e)| *e <= 1e-3 * v.abs().max(1.0))
    };
    match estimate {
        Some((value, error)) if confirmed(f, read_to, value, error, values[values.len() - 1]) => {
            Heading::Settles { value, error }
        }
        _ => Heading::Unsettled,
    }
}

/// Inputs between the powers of two must head the same way: (−1)ⁿ is 1 at
/// every n = 2ᵏ, yet has no limit.
fn confirmed(
    f: &dyn Fn(f64) -> Result<f64, Trouble>,
    last: i32,
    value: f64,
    error: f64,
    at_last: f64,
) -> bool {
    let allowed = 2.0 * (at_last - value).abs() + 10.0 * error + 1e-12 * value.abs().max(1.0);
    (0..3).all(|i| {
        let t = 0.75 * 2f64.powi(-(last - i));
        f(t).is_ok_and(|v| (v - value).abs() <= allowed * 2f64.powi(i + 1))
    })
}

/// Aitken's Δ² applied to the last values; the estimate and how much it still moved.
fn aitken(values: &[f64]) -> Option<(f64, f64)> {
    let accelerated: Vec<f64> = values
        .windows(3)
        .filter_map(|w| {
            let bend = w[2] - 2.0 * w[1] + w[0];
            let step = w[2] - w[1];
            if bend.abs() < 1e-300 {
                // Already constant: nothing left to accelerate.
                return (step.abs() < 1e-15 * w[2].abs().max(1.0)).then_some(w[2]);
            }
            Some(w[2] - step * step / bend)
        })
        .collect();
    let n = accelerated.len();
    if n < 3 {
        return None;
    }
    let (last, before, earlier) = (accelerated[n - 1], accelerated[n - 2], accelerated[n - 3]);
    let change = (last - before).abs();
    // The acceleration must itself be settling, not jumping about.
    (change <= (before - earlier).abs() * 1.5 + 1e-12).then_some((last, change.max(1e-15)))
}

/// The sign of values that keep growing in size past any sensible bound.
fn unbounded(values: &[f64]) -> Option<bool> {
    let n = values.len();
    let last = values[n - 1];
    let growing = values[n - 4..].windows(2).all(|w| {
        (w[1].abs() > w[0].abs() * 1.2 || w[1].is_infinite()) && w[1].signum() == w[0].signum()
    });
    (growing && last.abs() > 1e4).then_some(last > 0.0)
}

/// The Richardson tableau for step ratio 2; the best entry and how far it may be off.
fn richardson(values: &[f64]) -> (f64, f64) {
    let mut previous: Vec<f64> = Vec::new();
    let mut best = (values[values.len() - 1], f64::INFINITY);
    for &v in values {
        let mut row = vec![v];
        for (j, p) in previous.iter().enumerate() {
            let factor = 2f64.powi(j as i32 + 1) - 1.0;
            let next = row[j] + (row[j] - p) / factor;
            row.push(next);
        }
        for (j, p) in previous.iter().enumerate() {
            let change = (row[j] - p).abs();
            if change < best.1 {
                best = (row[j], change);
            }
        }
        previous = row;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_interest_heads_for_e() {
        let f = |t: f64| Ok::<f64, Trouble>((1.0 + t).powf(1.0 / t));
        match heading(&f, 8, 24) {
            Heading::Settles { value, error } => {
                assert!((value - std::f64::consts::E).abs() < 1e-10, "{value}");
                assert!(error < 1e-9);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn square_root_heads_for_zero() {
        let f = |t: f64| Ok::<f64, Trouble>(t.sqrt());
        match heading(&f, 3, 18) {
            Heading::Settles { value, error } => assert!(value.abs() <= 10.0 * error + 1e-9),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn minus_one_to_the_n_does_not_settle() {
        let f = |t: f64| {
            let n = (1.0 / t).round();
            if (n - 1.0 / t).abs() > 1e-9 {
                return Err(Trouble::NoValue("n must be a whole number".to_string()));
            }
            Ok(if n % 2.0 == 0.0 { 1.0 } else { -1.0 })
        };
        assert_eq!(heading(&f, 3, 24), Heading::Unsettled);
    }

    #[test]
    fn values_that_cannot_be_told_give_no_verdict() {
        let f = |t: f64| {
            if t < 1e-3 {
                Err(Trouble::CannotTell)
            } else {
                Ok(1.0 + t)
            }
        };
        assert_eq!(heading(&f, 3, 18), Heading::CannotTell);
    }

    #[test]
    fn growth_past_the_numbers_range_is_unbounded() {
        let f = |t: f64| {
            if t < 1e-2 {
                Err(Trouble::TooLarge { positive: false })
            } else {
                Ok(-(1.0 / t).exp())
            }
        };
        assert_eq!(heading(&f, 3, 18), Heading::Unbounded { positive: false });
    }

    #[test]
    fn one_over_x_grows() {
        let f = |t: f64| Ok::<f64, Trouble>(1.0 / t);
        assert_eq!(heading(&f, 4, 20), Heading::Unbounded { positive: true });
    }

    #[test]
    fn sine_of_one_over_x_does_not_settle() {
        let f = |t: f64| Ok::<f64, Trouble>((1.0 / t).sin());
        assert_eq!(heading(&f, 4, 20), Heading::Unsettled);
    }
}
