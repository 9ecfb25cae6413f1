//! Areas by numbers alone: adaptive Gauss–Kronrod quadrature with an error estimate, as QUADPACK's QAG.
//!
//! Each piece of the interval is measured twice, by the 10-point Gauss rule and by
//! the 21-point Kronrod rule that reuses its points; their difference bounds the
//! error. The piece with the largest error is halved until the errors add up to
//! little enough, or the pieces run out. No rule here ever looks at an end point
//! itself, so an integrand that blows up at an end (1/√x at 0) can still be measured.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Most pieces an area may be cut into (21 values each): enough for about
/// 150,000 swings of an oscillating integrand, a few tenths of a second.
pub const MAX_PIECES: usize = 200_000;
/// Equal pieces each part starts as: 1,344 values, so a narrow bump in a long interval
/// (e^(−(x − 1234.5)²) on [0, 10000]) shows in some value and gets cut toward.
const FIRST_PIECES: usize = 64;
/// The error aimed for, relative to the size of the area.
const AIM: f64 = 1e-10;
/// Below this share of the area of |f|, an error is rounding, not missing area.
const AIM_ABS: f64 = 1e-13;
/// An estimate that missed its aim is still trusted when its error is this small, relatively.
const ACCEPT: f64 = 1e-6;
/// Same, as a share of the area of |f| (for areas that nearly cancel to 0).
const ACCEPT_ABS: f64 = 1e-9;
/// A piece narrower than this, relative to where it sits, is not halved again:
/// its 21 points would no longer be distinct numbers.
const NARROWEST: f64 = 1e-12;
/// A piece near 0 narrower than this is not halved again either.
const TINIEST: f64 = 1e-280;

/// Kronrod points on [−1, 1] (and their mirror images); the odd-numbered ones are the Gauss points.
const XGK: [f64; 11] = [
    0.995_657_163_025_808_1,
    0.973_906_528_517_171_7,
    0.930_157_491_355_708_2,
    0.865_063_366_688_984_5,
    0.780_817_726_586_416_9,
    0.679_409_568_299_024_4,
    0.562_757_134_668_604_7,
    0.433_395_394_129_247_2,
    0.294_392_862_701_460_2,
    0.148_874_338_981_631_2,
    0.0,
];
/// Kronrod weights, in the order of `XGK`.
const WGK: [f64; 11] = [
    0.011_694_638_867_371_874,
    0.032_558_162_307_964_73,
    0.054_755_896_574_351_996,
    0.075_039_674_810_919_95,
    0.093_125_454_583_697_6,
    0.109_387_158_802_297_64,
    0.123_491_976_262_065_85,
    0.134_709_217_311_473_33,
    0.142_775_938_577_060_08,
    0.147_739_104_901_338_5,
    0.149_445_554_002_916_9,
];
/// Gauss weights for the points `XGK[1]`, `XGK[3]`, …, `XGK[9]`.
const WG: [f64; 5] = [
    0.066_671_344_308_688_14,
    0.149_451_349_150_580_6,
    0.219_086_362_515_982_04,
    0.269_266_719_309_996_36,
    0.295_524_224_714_752_87,
];

/// An area by numbers, with how far off it may be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub value: f64,
    /// The estimated error: the true area lies within about this of `value`.
    pub error: f64,
    /// How many pieces the interval was cut into.
    pub pieces: usize,
}

/// Why no trustworthy number came out.
#[derive(Clone, Debug, PartialEq)]
pub enum QuadratureError {
    /// The integrand has no value at this point of the interval.
    Undefined { at: f64 },
    /// The integrand is too large for floating point at this point.
    Overflow { at: f64 },
    /// The pieces near this point shrank as far as they can and the area there
    /// still did not settle: the integrand grows without bound, so the area may be infinite.
    Unbounded { near: f64, estimate: Estimate },
    /// The pieces ran out before the error was small: the integrand swings or
    /// bends too often across the interval for this many pieces.
    Unsettled { estimate: Estimate },
}

/// One stretch to integrate over, in a variable of its own.
pub struct Part<'a> {
    /// The integrand in this part's own variable, `None` where it has no value.
    pub f: Box<dyn Fn(f64) -> Option<f64> + 'a>,
    /// Where a point of this part lies on the learner's own axis, for messages.
    pub place: Box<dyn Fn(f64) -> f64 + 'a>,
    pub lo: f64,
    pub hi: f64,
}

/// ∫ from `from` out to ±∞ (`sign`) as a finite area: x = from ± (1 − t)/t for t in (0, 1].
pub fn tail<'a>(f: &'a dyn Fn(f64) -> Option<f64>, from: f64, sign: f64) -> Part<'a> {
    let x = move |t: f64| from + sign * (1.0 - t) / t;
    Part {
        f: Box::new(move |t: f64| f(x(t)).map(|v| v / (t * t))),
        place: Box::new(x),
        lo: 0.0,
        hi: 1.0,
    }
}

/// The sum of the parts' areas, cutting whichever piece of any part has the largest error.
pub fn sum_of_parts(parts: &[Part]) -> Result<Estimate, QuadratureError> {
    let mut heap = BinaryHeap::new();
    for (i, part) in parts.iter().enumerate() {
        if part.lo < part.hi {
            let width = (part.hi - part.lo) / FIRST_PIECES as f64;
            for k in 0..FIRST_PIECES {
                let lo = part.lo + k as f64 * width;
                let hi = if k + 1 == FIRST_PIECES {
                    part.hi
                } else {
                    lo + width
                };
                heap.push(measure(part, i, lo, hi)?);
            }
        }
    }
    let mut stuck: Vec<Piece> = Vec::new();
    let mut stuck_error = 0.0;
    let mut error: f64 = heap.iter().map(|p| p.error).sum();
    let mut value: f64 = heap.iter().map(|p| p.value).sum();
    let mut absolute: f64 = heap.iter().map(|p| p.absolute).sum();
    let mut pieces = heap.len();
    let mut progress = Progress::new();
    // Only the error of pieces that can still be cut can be brought down.
    while error - stuck_error > aim(value, absolute) {
        // Pieces that cannot be cut already hold more error than is trusted: cutting
        // the others cannot help.
        if pieces >= MAX_PIECES || stuck_error > accept(value, absolute) {
            break;
        }
        // Ctrl-C and the work budget stop the loop here (the budget unwinds).
        crate::budget::check();
        if pieces % 64 == 0 && progress.hopeless(pieces, error - stuck_error, aim(value, absolute))
        {
            break;
        }
        let Some(worst) = heap.pop() else { break };
        let part = &parts[worst.part];
        let mid = 0.5 * (worst.lo + worst.hi);
        let width = worst.hi - worst.lo;
        let halves = if width <= NARROWEST * worst.lo.abs().max(worst.hi.abs()) || width <= TINIEST
        {
            None
        } else {
            // A value missing or overflowing this deep inside is the end of the road
            // for this piece, not for the area: it may be rounding next to an end.
            measure(part, worst.part, worst.lo, mid)
                .and_then(|left| Ok((left, measure(part, worst.part, mid, worst.hi)?)))
                .ok()
        };
        let Some((left, right)) = halves else {
            stuck_error += worst.error;
            stuck.push(worst);
            continue;
        };
        value += left.value + right.value - worst.value;
        error += left.error + right.error - worst.error;
        absolute += left.absolute + right.absolute - worst.absolute;
        pieces += 1;
        heap.push(left);
        heap.push(right);
    }
    // The running sums drift over many updates; add the pieces up afresh.
    let all: Vec<&Piece> = heap.iter().chain(stuck.iter()).collect();
    let value = compensated(all.iter().map(|p| p.value));
    let error: f64 = all.iter().map(|p| p.error).sum();
    let absolute: f64 = all.iter().map(|p| p.absolute).sum();
    let estimate = Estimate {
        value,
        error,
        pieces,
    };
    if error <= accept(value, absolute) {
        return Ok(estimate);
    }
    // Pieces that cannot be cut holding more error than is trusted: the values there
    // grow past what the pieces can follow.
    let stuck_error: f64 = stuck.iter().map(|p| p.error).sum();
    match stuck.iter().max_by(|p, q| p.error.total_cmp(&q.error)) {
        Some(worst) if stuck_error > accept(value, absolute) => Err(QuadratureError::Unbounded {
            near: (parts[worst.part].place)(0.5 * (worst.lo + worst.hi)),
            estimate,
        }),
        _ => Err(QuadratureError::Unsettled { estimate }),
    }
}

/// How fast the error falls as pieces are added, to give up early on an integrand
/// that could not settle within the pieces allowed (sin x out to 10²⁰ would need 10¹⁹).
struct Progress {
    checkpoint: usize,
    /// The pieces and the error at the last checkpoint.
    last: Option<(usize, f64)>,
}

impl Progress {
    /// First look after this many pieces, then at every doubling.
    const FIRST: usize = 4096;

    fn new() -> Progress {
        Progress {
            checkpoint: Progress::FIRST,
            last: None,
        }
    }

    /// At each doubling of the pieces: whether, falling at the rate it fell since
    /// the last doubling, the error would need more than four times the pieces allowed.
    fn hopeless(&mut self, pieces: usize, error: f64, aim: f64) -> bool {
        if pieces < self.checkpoint {
            return false;
        }
        self.checkpoint *= 2;
        let Some((before, was)) = self.last.replace((pieces, error)) else {
            return false;
        };
        let rate = (was - error) / (pieces - before) as f64;
        let needed = if rate > 0.0 {
            (error - aim) / rate
        } else {
            f64::INFINITY
        };
        pieces as f64 + needed > 4.0 * MAX_PIECES as f64
    }
}

/// The error to stop at.
fn aim(value: f64, absolute: f64) -> f64 {
    (AIM * value.abs()).max(AIM_ABS * absolute)
}

/// The error still trusted when the aim was missed.
fn accept(value: f64, absolute: f64) -> f64 {
    (ACCEPT * value.abs()).max(ACCEPT_ABS * absolute)
}

/// Neumaier's compensated sum, so many small pieces add up without losing digits.
fn compensated(values: impl Iterator<Item = f64>) -> f64 {
    let (mut sum, mut carry) = (0.0_f64, 0.0_f64);
    for v in values {
        let t = sum + v;
        carry += if sum.abs() >= v.abs() {
            (sum - t) + v
        } else {
            (v - t) + sum
        };
        sum = t;
    }
    sum + carry
}

/// A measured piece, ordered by its error so the heap hands out the worst first.
#[derive(Clone, Copy, Debug)]
struct Piece {
    part: usize,
    lo: f64,
    hi: f64,
    value: f64,
    error: f64,
    /// The Kronrod estimate of ∫ |f| over the piece.
    absolute: f64,
}

impl PartialEq for Piece {
    fn eq(&self, other: &Self) -> bool {
        self.error.total_cmp(&other.error) == Ordering::Equal
    }
}
impl Eq for Piece {}
impl PartialOrd for Piece {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Piece {
    fn cmp(&self, other: &Self) -> Ordering {
        self.error.total_cmp(&other.error)
    }
}

/// The 21-point Kronrod estimate over [lo, hi] and its error, as QUADPACK's qk21.
fn measure(part: &Part, index: usize, lo: f64, hi: f64) -> Result<Piece, QuadratureError> {
    let centre = 0.5 * (lo + hi);
    let half = 0.5 * (hi - lo);
    let value = |t: f64| match (part.f)(t) {
        Some(v) if v.is_finite() => Ok(v),
        Some(v) if v.is_infinite() => Err(QuadratureError::Overflow {
            at: (part.place)(t),
        }),
        _ => Err(QuadratureError::Undefined {
            at: (part.place)(t),
        }),
    };
    let fc = value(centre)?;
    let mut kronrod = WGK[10] * fc;
    let mut gauss = 0.0;
    let mut absolute = kronrod.abs();
    let mut pairs = [(0.0, 0.0); 10];
    for (j, pair) in pairs.iter_mut().enumerate() {
        let dx = half * XGK[j];
        let (f1, f2) = (value(centre - dx)?, value(centre + dx)?);
        kronrod += WGK[j] * (f1 + f2);
        absolute += WGK[j] * (f1.abs() + f2.abs());
        if j % 2 == 1 {
            gauss += WG[j / 2] * (f1 + f2);
        }
        *pair = (f1, f2);
    }
    let mean = 0.5 * kronrod;
    let mut spread = WGK[10] * (fc - mean).abs();
    for (j, (f1, f2)) in pairs.iter().enumerate() {
        spread += WGK[j] * ((f1 - mean).abs() + (f2 - mean).abs());
    }
    let (spread, absolute) = (spread * half.abs(), absolute * half.abs());
    let mut error = ((kronrod - gauss) * half).abs();
    // QUADPACK's scaling: trust the Gauss–Kronrod difference more the smaller it is.
    if spread != 0.0 && error != 0.0 {
        error = spread * (200.0 * error / spread).powf(1.5).min(1.0);
    }
    if absolute > f64::MIN_POSITIVE / (50.0 * f64::EPSILON) {
        error = error.max(50.0 * f64::EPSILON * absolute);
    }
    Ok(Piece {
        part: index,
        lo,
        hi,
        value: kronrod * half,
        error,
        absolute,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ∫ f from `a` to `b` (either may be infinite), with `f` returning `None` where it has no value.
    fn area(f: &dyn Fn(f64) -> Option<f64>, a: f64, b: f64) -> Result<Estimate, QuadratureError> {
        if a > b {
            return area(f, b, a).map(|e| Estimate {
                value: -e.value,
                ..e
            });
        }
        let mut parts = Vec::new();
        match (a.is_finite(), b.is_finite()) {
            (true, true) => parts.push(Part {
                f: Box::new(f),
                place: Box::new(|x| x),
                lo: a,
                hi: b,
            }),
            (true, false) => parts.push(tail(f, a, 1.0)),
            (false, true) => parts.push(tail(f, b, -1.0)),
            (false, false) => {
                parts.push(tail(f, 0.0, 1.0));
                parts.push(tail(f, 0.0, -1.0));
            }
        }
        sum_of_parts(&parts)
    }

    fn value(f: &dyn Fn(f64) -> Option<f64>, a: f64, b: f64) -> Estimate {
        area(f, a, b).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn smooth_areas_are_accurate() {
        let v = value(&|x| Some(x * x), 0.0, 1.0);
        assert!((v.value - 1.0 / 3.0).abs() < 1e-14);
        assert!(v.error < 1e-12);
        let s = value(&|x: f64| Some(x.sin()), 0.0, std::f64::consts::PI);
        assert!((s.value - 2.0).abs() < 1e-12);
        let r = value(&|x: f64| Some(x.sqrt()), 0.0, 1.0);
        assert!((r.value - 2.0 / 3.0).abs() < 1e-10);
        let back = value(&|x| Some(x * x), 1.0, 0.0);
        assert!((back.value + 1.0 / 3.0).abs() < 1e-14);
    }

    #[test]
    fn end_point_singularities_are_measured() {
        let r = value(&|x: f64| Some(1.0 / x.sqrt()), 0.0, 1.0);
        assert!((r.value - 2.0).abs() <= r.error.max(1e-9), "{r:?}");
        let l = value(&|x: f64| Some(x.ln()), 0.0, 1.0);
        assert!((l.value + 1.0).abs() <= l.error.max(1e-9), "{l:?}");
    }

    #[test]
    fn infinite_bounds_are_mapped_onto_finite_ones() {
        let t = value(&|x: f64| Some(1.0 / (x * x)), 1.0, f64::INFINITY);
        assert!((t.value - 1.0).abs() < 1e-9, "{t:?}");
        let g = value(
            &|x: f64| Some((-x * x).exp()),
            f64::NEG_INFINITY,
            f64::INFINITY,
        );
        assert!(
            (g.value - std::f64::consts::PI.sqrt()).abs() < 1e-9,
            "{g:?}"
        );
        let left = value(&|x: f64| Some(x.exp()), f64::NEG_INFINITY, 0.0);
        assert!((left.value - 1.0).abs() < 1e-9, "{left:?}");
    }

    #[test]
    fn oscillation_is_followed_or_refused() {
        let s = value(&|x: f64| Some((x * x).sin()), 0.0, 1000.0);
        assert!(
            (s.value - 0.626_188_692_681_482_3).abs() <= s.error,
            "{s:?}"
        );
        assert!(
            matches!(
                area(&|x: f64| Some(x.sin()), 0.0, 1e20),
                Err(QuadratureError::Unsettled { .. })
            ),
            "sin over 10^20 cannot be followed"
        );
    }

    #[test]
    fn singular_integrands_give_no_number() {
        let inv = |x: f64| (x != 0.0).then(|| 1.0 / x);
        // 0 is a piece's end, so no value is taken there: the pieces shrink toward it instead.
        assert!(matches!(
            area(&inv, -1.0, 1.0),
            Err(QuadratureError::Undefined { at: 0.0 } | QuadratureError::Unbounded { .. })
        ));
        let half_defined = |x: f64| (x >= 0.5).then(|| (x - 0.5).sqrt());
        assert!(matches!(
            area(&half_defined, 0.0, 1.0),
            Err(QuadratureError::Undefined { at }) if at < 0.5
        ));
        assert!(matches!(
            area(&inv, 0.0, 1.0),
            Err(QuadratureError::Unbounded { near, .. }) if near.abs() < 1e-100
        ));
        let pole = |x: f64| Some(1.0 / (x - 1.0 / 3.0));
        assert!(area(&pole, 0.0, 1.0).is_err());
        let outward = area(&|x: f64| Some(1.0 / x), 1.0, f64::INFINITY);
        assert!(outward.is_err(), "{outward:?}");
    }
}
