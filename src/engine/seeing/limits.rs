//! Limits read off tables: the values on the way, where each side heads, and what that makes.

use super::{Approach, Context, Direction, LimitAnswer, Target, Verdict};
use crate::error::Error;
use crate::expr::{Expr, Symbol};
use crate::numeric::limit::{self, Heading, LimitRow};
use crate::numeric::precise::{Precise, Trouble};
use crate::numeric::recognise::{recognise, recognise_fine};
use crate::syntax::{LimitTarget, Node, Side};
use std::cell::Cell;

pub(super) fn limit_answer(
    cx: Context,
    body_node: &Node,
    var: &str,
    target: &LimitTarget,
) -> Result<LimitAnswer, Error> {
    let body = cx.function_of(body_node, var)?;
    let precise = Precise::new(&body, var);
    // The most bits any value needed, when floating point alone got one wrong.
    let needed: Cell<Option<usize>> = Cell::new(None);
    let value = |point: &Expr, offset: f64| {
        let sure = precise.at(point, offset)?;
        if sure.float_fails {
            needed.set(Some(needed.get().unwrap_or(0).max(sure.bits)));
        }
        Ok(sure.value)
    };
    let zero = Expr::int(0);
    let (target, approaches) = match target {
        LimitTarget::Infinity { negative } => {
            let sign = if *negative { -1.0 } else { 1.0 };
            let rows = limit::TOWARD_INFINITY
                .iter()
                .map(|n| row(sign * n, value(&zero, sign * n)))
                .collect();
            let heading = limit::heading(&|t| value(&zero, sign / t), 3, 24);
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
                    let rows = limit::TOWARD_POINT
                        .iter()
                        .map(|h| row(a + sign * h, value(&at_expr, sign * h)))
                        .collect();
                    let heading = limit::heading(&|t| value(&at_expr, sign * t), 3, 18);
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
        precise_bits: needed.get(),
    })
}

fn row(input: f64, value: Result<f64, Trouble>) -> LimitRow {
    LimitRow {
        input,
        value: limit::cell(value),
    }
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
    // One side that cannot be told leaves the whole limit untold.
    if approaches
        .iter()
        .any(|a| matches!(a.heading, Heading::CannotTell))
    {
        return Verdict::CannotTell;
    }
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
    let named = recognise(value, tolerance, decimals >= 6).or_else(|| recognise_fine(value, error));
    Verdict::Value {
        value,
        decimals,
        named,
        only,
    }
}
