//! Limits read off tables: the values on the way, where each side heads, and what that makes.

use super::{at_x, Approach, Context, Direction, LimitAnswer, Target, Verdict};
use crate::error::Error;
use crate::expr::Symbol;
use crate::numeric::limit::{self, Heading};
use crate::numeric::recognise::recognise;
use crate::syntax::{LimitTarget, Node, Side};

pub(super) fn limit_answer(
    cx: Context,
    body_node: &Node,
    var: &str,
    target: &LimitTarget,
) -> Result<LimitAnswer, Error> {
    let body = cx.function_of(body_node, var)?;
    let f = at_x(&body, var);
    let g = |x: f64| crate::numeric::finite(f(x));
    let (target, approaches) = match target {
        LimitTarget::Infinity { negative } => {
            let sign = if *negative { -1.0 } else { 1.0 };
            let rows = limit::rows(&f, limit::TOWARD_INFINITY.iter().map(|n| sign * n));
            let heading = limit::heading(&|t| g(sign / t), 3, 24);
            let direction = Direction::Outward {
                negative: *negative,
            };
            (
                Target::Infinity {
                    negative: *negative,
                },
                vec![Approach {
                    direction,
                    rows,
                    heading,
                }],
            )
        }
        LimitTarget::Point { at, side } => {
            let (at_expr, a) = cx.point(at)?;
            let sides = match side {
                Some(s) => vec![*s],
                None => vec![Side::Below, Side::Above],
            };
            let approaches = sides
                .into_iter()
                .map(|s| {
                    let sign = if s == Side::Below { -1.0 } else { 1.0 };
                    let rows = limit::rows(&f, limit::TOWARD_POINT.iter().map(|h| a + sign * h));
                    let heading = limit::heading(&|t| g(a + sign * t), 3, 18);
                    Approach {
                        direction: Direction::From(s),
                        rows,
                        heading,
                    }
                })
                .collect();
            (
                Target::Point {
                    at: at_expr,
                    value: a,
                },
                approaches,
            )
        }
    };
    let verdict = verdict(&approaches);
    Ok(LimitAnswer {
        body,
        var: Symbol::from(var),
        target,
        approaches,
        verdict,
    })
}

/// What the approaches say together.
fn verdict(approaches: &[Approach]) -> Verdict {
    let settled: Vec<(f64, f64, Direction)> = approaches
        .iter()
        .filter_map(|a| match a.heading {
            Heading::Settles { value, error } => Some((value, error, a.direction)),
            _ => None,
        })
        .collect();
    let unbounded: Vec<bool> = approaches
        .iter()
        .filter_map(|a| match a.heading {
            Heading::Unbounded { positive } => Some(positive),
            _ => None,
        })
        .collect();
    let undefined = approaches
        .iter()
        .filter(|a| matches!(a.heading, Heading::Undefined(_)))
        .count();
    if settled.len() == approaches.len() {
        let (v0, e0, _) = settled[0];
        let agree = settled
            .iter()
            .all(|(v, e, _)| (v - v0).abs() <= 1e-6 * v0.abs().max(1.0) + 10.0 * (e + e0));
        if !agree {
            return Verdict::SidesDisagree;
        }
        let error = settled.iter().map(|s| s.1).fold(0.0, f64::max);
        return value_verdict(v0, error, None);
    }
    if unbounded.len() == approaches.len() {
        return if unbounded.iter().all(|p| *p == unbounded[0]) {
            Verdict::Unbounded {
                positive: unbounded[0],
            }
        } else {
            Verdict::SidesDisagree
        };
    }
    if settled.len() + unbounded.len() == approaches.len() {
        return Verdict::SidesDisagree;
    }
    if undefined > 0 && settled.len() == 1 && settled.len() + undefined == approaches.len() {
        let (v, e, direction) = settled[0];
        let only = match direction {
            Direction::From(s) => Some(s),
            Direction::Outward { .. } => None,
        };
        return value_verdict(v, e, only);
    }
    Verdict::None
}

/// Nine decimals when the estimate is that good, fewer when it is not.
fn value_verdict(value: f64, error: f64, only: Option<Side>) -> Verdict {
    // Values within their own uncertainty of zero are zero, as far as the table can tell.
    let value = if value.abs() <= 2.0 * error {
        0.0
    } else {
        value
    };
    let scale = value.abs().max(1.0);
    let relative = (error.max(1e-15) * 4.0) / scale;
    let significant = (-relative.log10()).floor().clamp(2.0, 10.0) as i32;
    let whole_digits = scale.log10().floor() as i32 + 1;
    let decimals = (significant - whole_digits).clamp(1, 9) as usize;
    let tolerance = 0.5 * 10f64.powi(-(decimals as i32));
    let named = recognise(value, tolerance, decimals >= 6);
    Verdict::Value {
        value,
        decimals,
        named,
        only,
    }
}
