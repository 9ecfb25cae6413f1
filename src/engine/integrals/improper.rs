//! Improper integrals, the exact side: an infinite bound or a blow-up at a point, taken as a limit of the antiderivative.

use super::value::simplify;
use super::ExactArea;
use crate::area::bound_value;
use crate::calculus::{Check, Detail, Rule, Step, Stretch};
use crate::error::{Error, ErrorKind, Phase};
use crate::expr::{eval, substitute, Expr, Kind, Number, Symbol};
use crate::numeric::recognise;
use crate::syntax::Span;

/// A point of the interval, exact and as a decimal.
type Point = (Expr, f64);

/// Where an integral ends: a number, or out at ±∞.
#[derive(Clone)]
enum End {
    Finite(Expr, f64),
    Infinite(f64),
}

/// `Some` for a bound that is ±∞ or a number; `None` for a bound with letters.
fn end_of(e: &Expr) -> Option<End> {
    let v = bound_value(e)?;
    if v.is_infinite() {
        return Some(End::Infinite(v.signum()));
    }
    v.is_finite().then(|| End::Finite(e.clone(), v))
}

/// How F behaves as x runs to a point.
enum Settles {
    To(Expr),
    Diverges,
    Unclear,
}

/// The improper integral worked out as limits of F, or `None` when the
/// integral is proper (no infinite bound, no point where the integrand blows up).
pub fn improper(
    integrand: &Expr,
    var: &str,
    lower: &Expr,
    upper: &Expr,
    found: Option<&(Step, Check)>,
    span: Span,
) -> Result<Option<(ExactArea, f64)>, Error> {
    let (Some(a), Some(b)) = (end_of(lower), end_of(upper)) else {
        return Ok(None);
    };
    let f = |t: f64| {
        eval(integrand, &|n: &str| (n == var).then_some(t))
            .ok()
            .filter(|v| v.is_finite())
    };
    let (lo, hi) = (position(&a), position(&b));
    let infinite_end = matches!(a, End::Infinite(_)) || matches!(b, End::Infinite(_));
    if lo >= hi {
        return Ok(None);
    }
    let mut trouble: Vec<Point> = Vec::new();
    for end in [&a, &b] {
        if let End::Finite(e, v) = end {
            if f(*v).is_none() {
                trouble.push((e.clone(), *v));
            }
        }
    }
    for (c, v) in candidates(integrand, var) {
        if lo < v && v < hi && f(v).is_none() && !trouble.iter().any(|(_, t)| *t == v) {
            trouble.push((c, v));
        }
    }
    if !infinite_end && trouble.is_empty() {
        return Ok(None);
    }
    let blow_up = |v: f64| {
        let near = |h: f64| f(v + h).or_else(|| f(v - h));
        match (near(1e-6), near(1e-8)) {
            (Some(p), Some(q)) => (p - q).abs() > 1e-3 * 1f64.max(p.abs()),
            _ => true,
        }
    };
    let (gaps, mut splits): (Vec<Point>, Vec<Point>) =
        trouble.into_iter().partition(|(_, v)| !blow_up(*v));
    // With no antiderivative there is no limit to take: the numbers alone try.
    let Some((steps, check)) = found else {
        return Ok(None);
    };
    let antiderivative = steps.after.clone();
    splits.sort_by(|p, q| p.1.total_cmp(&q.1));
    let mut points: Vec<(Expr, End, bool)> = vec![(lower.clone(), a.clone(), blows(&a, &splits))];
    for (c, v) in &splits {
        if lo < *v && *v < hi {
            points.push((c.clone(), End::Finite(c.clone(), *v), true));
        }
    }
    points.push((upper.clone(), b.clone(), blows(&b, &splits)));
    let mut stretches = Vec::new();
    for pair in points.windows(2) {
        let [(p, p_end, p_limit), (q, q_end, q_limit)] = pair else {
            continue;
        };
        let at_lower = value_at(&antiderivative, var, p_end, *p_limit, 1.0, span)?;
        let at_upper = value_at(&antiderivative, var, q_end, *q_limit, -1.0, span)?;
        stretches.push(Stretch {
            lower: p.clone(),
            upper: q.clone(),
            at_lower,
            at_upper,
            lower_is_limit: *p_limit,
            upper_is_limit: *q_limit,
        });
    }
    let total = simplify(&Expr::add(
        stretches
            .iter()
            .map(|s| Expr::sub(s.at_upper.clone(), s.at_lower.clone()))
            .collect(),
    ));
    let value = eval(&total, &|_| None).unwrap_or(f64::NAN);
    let theorem = Step {
        rule: Rule::Improper,
        var: Symbol::from(var),
        before: integrand.clone(),
        after: total,
        detail: Detail::Improper {
            antiderivative,
            stretches,
            gaps: gaps.into_iter().map(|(c, _)| c).collect(),
        },
        substeps: Vec::new(),
    };
    let exact = ExactArea {
        antiderivative: steps.clone(),
        check: check.clone(),
        theorem,
    };
    Ok(Some((exact, value)))
}

fn position(end: &End) -> f64 {
    match end {
        End::Finite(_, v) => *v,
        End::Infinite(sign) => sign * f64::INFINITY,
    }
}

/// Whether an end of the interval is infinite or a point where the integrand blows up.
fn blows(end: &End, splits: &[Point]) -> bool {
    match end {
        End::Infinite(_) => true,
        End::Finite(_, v) => splits.iter().any(|(_, t)| t == v),
    }
}

/// Points where the integrand may have no value: the rational roots of
/// whatever sits below a bar, under an even root or inside a log.
fn candidates(e: &Expr, var: &str) -> Vec<Point> {
    let mut out = Vec::new();
    let mut visit = vec![e.clone()];
    while let Some(node) = visit.pop() {
        let inner = match node.kind() {
            Kind::Pow(b, p) if p.as_number().is_some_and(|p| p.is_negative()) => Some(b.clone()),
            Kind::Func(_, a) => Some(a.clone()),
            _ => None,
        };
        if let Some(b) = inner {
            if let Some(poly) = crate::calculus::polynomial_roots(&b, var) {
                out.extend(poly.into_iter().map(|r| (Expr::num(r.clone()), r.to_f64())));
            }
        }
        match node.kind() {
            Kind::Add(items) | Kind::Mul(items) => visit.extend(items.iter().cloned()),
            Kind::Pow(b, p) | Kind::Log(b, p) => {
                visit.push(b.clone());
                visit.push(p.clone());
            }
            Kind::Func(_, a) => visit.push(a.clone()),
            _ => {}
        }
    }
    out
}

/// F at an end: its value there, or its limit as x runs to it from inside the
/// stretch (`side` is +1 from the right, −1 from the left).
fn value_at(
    f: &Expr,
    var: &str,
    end: &End,
    limit: bool,
    side: f64,
    span: Span,
) -> Result<Expr, Error> {
    let at = |t: f64| {
        eval(f, &|n: &str| (n == var).then_some(t))
            .ok()
            .filter(|v| v.is_finite())
    };
    let settles = match end {
        End::Finite(c, v) => {
            let exact = simplify(&substitute(f, var, c));
            let exact_value = eval(&exact, &|_| None).ok().filter(|v| v.is_finite());
            let close = |e: f64| {
                at(v + side * 1e-9).is_some_and(|n| (n - e).abs() < 1e-3 * 1f64.max(e.abs()))
            };
            match exact_value {
                Some(e) if !limit || close(e) => return Ok(exact),
                _ => settle((3..=12).map(|k| at(v + side * 10f64.powi(-k)))),
            }
        }
        End::Infinite(sign) => settle((1..=12).map(|k| at(sign * 10f64.powi(k)))),
    };
    let point = match end {
        End::Finite(c, _) => format!("{var} → {c}"),
        End::Infinite(s) if *s > 0.0 => format!("{var} → ∞"),
        End::Infinite(_) => format!("{var} → -∞"),
    };
    match settles {
        Settles::To(e) => Ok(e),
        Settles::Diverges => Err(Error::new(
            Phase::Computing,
            format!("this improper integral diverges: as {point}, the antiderivative {f} grows without bound, so the area is not finite"),
        )
        .with_kind(ErrorKind::ImproperIntegral)
        .at(span)),
        Settles::Unclear => Err(Error::new(
            Phase::Computing,
            format!("this improper integral does not settle to a value I can name as {point}"),
        )
        .with_kind(ErrorKind::ImproperIntegral)
        .at(span)),
    }
}

/// The limit of a sequence of values of F closing in on a point: its last
/// value once the steps have died away, or Aitken's extrapolation of steps
/// that shrink by a steady factor, named as an exact number.
fn settle(values: impl Iterator<Item = Option<f64>>) -> Settles {
    let values: Vec<f64> = values.map_while(|v| v).collect();
    let n = values.len();
    if n < 4 {
        return Settles::Diverges;
    }
    let (v1, v2, v3) = (values[n - 3], values[n - 2], values[n - 1]);
    let (d2, d3) = (v2 - v1, v3 - v2);
    let scale = 1f64.max(v3.abs());
    let limit = if d3.abs() <= 1e-9 * scale {
        v3
    } else if d2 != 0.0 && (d3 / d2).abs() < 0.9 {
        v3 - d3 * d3 / (d3 - d2)
    } else {
        return if v3.abs() > 1e3 || d3.abs() >= 0.5 * d2.abs() {
            Settles::Diverges
        } else {
            Settles::Unclear
        };
    };
    match recognise::recognise(limit, 1e-7 * 1f64.max(limit.abs()), true) {
        Some(e) => Settles::To(e),
        None if limit.abs() < 1e-9 => Settles::To(Expr::num(Number::zero())),
        None => Settles::Unclear,
    }
}
