//! Plot samples: a function's values across an interval, and a y-range that shows its shape.

use super::{finite, RealFn};

/// A function's values at evenly spaced inputs; `None` where it has no value.
pub fn samples(f: RealFn, from: f64, to: f64, count: usize) -> Vec<(f64, Option<f64>)> {
    let steps = count.max(2) - 1;
    (0..=steps)
        .map(|i| {
            let x = from + (to - from) * i as f64 / steps as f64;
            (x, finite(f(x)).ok())
        })
        .collect()
}

/// The y-interval to draw: all the values, unless a few of them shoot off
/// (as 1/x does near 0), in which case the middle 96% of them set the scale.
pub fn y_range<'a>(curves: impl IntoIterator<Item = &'a [(f64, Option<f64>)]>) -> (f64, f64) {
    let mut ys: Vec<f64> = curves
        .into_iter()
        .flat_map(|c| c.iter().filter_map(|(_, y)| *y))
        .collect();
    if ys.is_empty() {
        return (-1.0, 1.0);
    }
    ys.sort_by(f64::total_cmp);
    let n = ys.len();
    let (mut low, mut high) = (ys[0], ys[n - 1]);
    let (p_low, p_high) = (ys[n / 50], ys[n - 1 - n / 50]);
    let core = (p_high - p_low).max(1e-9);
    if high - low > 4.0 * core {
        low = p_low - 0.25 * core;
        high = p_high + 0.25 * core;
    }
    if high - low < 1e-9 {
        let pad = low.abs().max(1.0) * 0.5;
        return (low - pad, high + pad);
    }
    (low, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reciprocal_is_clipped() {
        let f = |x: f64| Ok(1.0 / x);
        let s = samples(&f, -5.0, 5.0, 1001);
        let (low, high) = y_range([s.as_slice()]);
        assert!(low > -50.0 && high < 50.0, "{low} {high}");
    }

    #[test]
    fn a_flat_line_gets_room() {
        let f = |_: f64| Ok(3.0);
        let s = samples(&f, 0.0, 1.0, 11);
        assert_eq!(y_range([s.as_slice()]), (1.5, 4.5));
    }
}
