//! Areas by numbers alone: adaptive Simpson's rule, used beside every exact definite integral.

/// Points sampled across the interval to find where the integrand is undefined.
const SCAN_POINTS: usize = 2000;
/// Deepest halving of an interval before the estimate is declared unsettled.
const MAX_HALVINGS: u32 = 50;
/// The error aimed for, relative to the size of the area.
const TOLERANCE: f64 = 1e-10;
/// Smallest relative error asked of a piece, so rounding cannot keep it halving forever.
const FLOOR: f64 = 1e-15;

/// Why no number came out.
#[derive(Clone, Debug, PartialEq)]
pub enum QuadratureError {
    /// The integrand has no value at this point of the interval.
    Undefined { at: f64 },
    /// The integrand is too large for floating point at this point.
    Overflow { at: f64 },
    /// The estimate kept changing: the integrand blows up somewhere inside.
    NotSettling,
}

/// ∫ f from `a` to `b`, with `f` returning `None` where it has no value.
pub fn area(f: &dyn Fn(f64) -> Option<f64>, a: f64, b: f64) -> Result<f64, QuadratureError> {
    if a == b {
        return Ok(0.0);
    }
    if a > b {
        return area(f, b, a).map(|v| -v);
    }
    let value = |x: f64| match f(x) {
        Some(v) if v.is_finite() => Ok(v),
        Some(v) if v.is_infinite() => Err(QuadratureError::Overflow { at: x }),
        _ => Err(QuadratureError::Undefined { at: x }),
    };
    for k in 0..=SCAN_POINTS {
        value(a + (b - a) * k as f64 / SCAN_POINTS as f64)?;
    }
    let (fa, fb) = (value(a)?, value(b)?);
    let m = 0.5 * (a + b);
    let fm = value(m)?;
    let whole = (b - a) / 6.0 * (fa + 4.0 * fm + fb);
    let piece = Piece {
        a,
        b,
        fa,
        fm,
        fb,
        whole,
    };
    // The error aimed for is relative to the size of the area, so huge areas settle too.
    let scale = 1.0_f64.max(whole.abs());
    refine(
        &value,
        piece,
        TOLERANCE * scale,
        FLOOR * scale,
        MAX_HALVINGS,
    )
}

/// An interval with its end and middle values and its Simpson estimate.
#[derive(Clone, Copy)]
struct Piece {
    a: f64,
    b: f64,
    fa: f64,
    fm: f64,
    fb: f64,
    whole: f64,
}

impl Piece {
    fn half(
        value: &dyn Fn(f64) -> Result<f64, QuadratureError>,
        a: f64,
        fa: f64,
        b: f64,
        fb: f64,
    ) -> Result<Piece, QuadratureError> {
        let m = 0.5 * (a + b);
        let fm = value(m)?;
        Ok(Piece {
            a,
            b,
            fa,
            fm,
            fb,
            whole: (b - a) / 6.0 * (fa + 4.0 * fm + fb),
        })
    }
}

fn refine(
    value: &dyn Fn(f64) -> Result<f64, QuadratureError>,
    p: Piece,
    eps: f64,
    floor: f64,
    halvings: u32,
) -> Result<f64, QuadratureError> {
    let m = 0.5 * (p.a + p.b);
    let left = Piece::half(value, p.a, p.fa, m, p.fm)?;
    let right = Piece::half(value, m, p.fm, p.b, p.fb)?;
    let delta = left.whole + right.whole - p.whole;
    if delta.abs() <= 15.0 * eps {
        return Ok(left.whole + right.whole + delta / 15.0);
    }
    if halvings == 0 {
        return Err(QuadratureError::NotSettling);
    }
    let eps = (eps / 2.0).max(floor);
    Ok(refine(value, left, eps, floor, halvings - 1)?
        + refine(value, right, eps, floor, halvings - 1)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smooth_areas_are_accurate() {
        let v = area(&|x| Some(x * x), 0.0, 1.0).unwrap_or(f64::NAN);
        assert!((v - 1.0 / 3.0).abs() < 1e-12);
        let s = area(&|x: f64| Some(x.sin()), 0.0, std::f64::consts::PI).unwrap_or(f64::NAN);
        assert!((s - 2.0).abs() < 1e-9);
        let r = area(&|x: f64| Some(x.sqrt()), 0.0, 1.0).unwrap_or(f64::NAN);
        assert!((r - 2.0 / 3.0).abs() < 1e-8);
    }

    #[test]
    fn singular_integrands_give_no_number() {
        let inv = |x: f64| (x != 0.0).then(|| 1.0 / x);
        assert_eq!(
            area(&inv, 0.0, 1.0),
            Err(QuadratureError::Undefined { at: 0.0 })
        );
        let pole = |x: f64| Some(1.0 / (x - 1.0 / 3.0));
        assert!(area(&pole, 0.0, 1.0).is_err());
    }
}
