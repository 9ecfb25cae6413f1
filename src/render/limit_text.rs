//! The text of a limit: a table for each way in, where each heads, and the verdict.

use super::seeing_text::aligned;
use super::text::decimal;
use crate::engine::{Approach, Direction, LimitAnswer, Target, Verdict};
use crate::expr::{Expr, Style};
use crate::numeric::limit::Heading;
use crate::syntax::Side;
use colored::Colorize;

/// Decimals for a table's values: nine for moderate sizes, fewer for large
/// ones, the same for the whole column so the decimal points line up.
pub(super) fn table_decimals(values: impl Iterator<Item = f64>) -> usize {
    values
        .map(|v| {
            let whole = if v.abs() >= 1.0 {
                v.abs().log10().floor() as i32 + 1
            } else {
                1
            };
            (10 - whole).clamp(2, 9) as usize
        })
        .min()
        .unwrap_or(9)
}

/// A value in a table, in scientific notation once it is too long to read.
pub(super) fn table_value(v: f64, decimals: usize) -> String {
    if v.abs() >= 1e9 {
        return format!("{v:.4e}");
    }
    format!("{v:.decimals$}")
}

pub(super) fn limit(l: &LimitAnswer, style: Style, body: String) -> Vec<String> {
    let x = Expr::symbol(l.var.clone()).to_text(style);
    let mut out = Vec::new();
    for approach in &l.approaches {
        let title = match (&l.target, approach.direction) {
            (_, Direction::Outward { negative: false }) => {
                format!("Let {x} grow and watch {body}:")
            }
            (_, Direction::Outward { negative: true }) => {
                format!("Let {x} fall toward minus infinity and watch {body}:")
            }
            (Target::Point { at, .. }, Direction::From(side)) => format!(
                "{x} → {} from {}:",
                at.to_text(style),
                if side == Side::Below {
                    "below"
                } else {
                    "above"
                }
            ),
            (Target::Infinity { .. }, Direction::From(_)) => String::new(),
        };
        out.push(title);
        out.push(format!("  {:>12}   {}", x, body.bold()));
        let decimals = table_decimals(approach.rows.iter().filter_map(|r| r.value.clone().ok()));
        let values = aligned(
            approach
                .rows
                .iter()
                .map(|r| r.value.as_ref().map(|v| table_value(*v, decimals))),
        );
        for (row, value) in approach.rows.iter().zip(values) {
            let input = if matches!(approach.direction, Direction::Outward { .. }) {
                format!("{}", row.input)
            } else {
                decimal(row.input)
            };
            out.push(format!("  {input:>12}   {value}"));
        }
        if l.approaches.len() > 1 {
            out.push(format!("  {}", heading_text(approach)));
        }
        if approach.direction == (Direction::Outward { negative: false }) {
            // The steps are the article's compounding counts, so the e table reads as its story.
            out.push(format!(
                "  ({x} steps through the compounding counts of the interest story: yearly,"
            ));
            out.push(
                "  twice a year, quarterly, monthly, daily, hourly, every minute.)".to_string(),
            );
        }
        out.push(String::new());
    }
    out.extend(verdict_lines(l, style));
    out
}

pub(super) fn heading_text(approach: &Approach) -> String {
    match &approach.heading {
        Heading::Settles { value, .. } => format!("heading for {}", decimal(*value)),
        Heading::Unbounded { positive: true } => "growing without bound, toward +∞".to_string(),
        Heading::Unbounded { positive: false } => "falling without bound, toward −∞".to_string(),
        Heading::Unsettled => "not settling on any one number".to_string(),
        Heading::Undefined(why) => format!("no values here: {why}"),
        Heading::CannotTell => {
            "cannot tell: even 2,048-bit numbers do not settle these values".to_string()
        }
    }
}

pub(super) fn verdict_short(v: &Verdict, style: Style) -> String {
    match v {
        Verdict::Value {
            value,
            decimals,
            named,
            ..
        } => match named {
            Some(n) if n.as_number().is_some() => n.to_text(style),
            Some(n) => format!("{} ≈ {value:.decimals$}", n.to_text(style)),
            None => format!("≈ {value:.decimals$}"),
        },
        Verdict::Unbounded { positive: true } => "+∞".to_string(),
        Verdict::Unbounded { positive: false } => "−∞".to_string(),
        Verdict::SidesDisagree => "no limit: the two sides disagree".to_string(),
        Verdict::None => "no limit: the values do not settle".to_string(),
        Verdict::CannotTell => {
            "cannot tell: even 2,048-bit numbers do not settle the values".to_string()
        }
    }
}

fn verdict_lines(l: &LimitAnswer, style: Style) -> Vec<String> {
    let (mut out, aside) = verdict_words(l, style);
    let rhs = match &l.verdict {
        Verdict::Value {
            value,
            decimals,
            named,
            ..
        } => match named {
            Some(n) if n.as_number().is_some_and(|v| v.is_integer()) => n.to_text(style),
            Some(n) => format!("{} ≈ {value:.decimals$}", n.to_text(style)),
            None => format!("≈ {value:.decimals$}"),
        },
        Verdict::Unbounded { positive: true } => "+∞".to_string(),
        Verdict::Unbounded { positive: false } => "−∞".to_string(),
        Verdict::SidesDisagree => "none (the two sides disagree)".to_string(),
        Verdict::None => "none that the table can see".to_string(),
        Verdict::CannotTell => "cannot tell".to_string(),
    };
    let aside = aside.map(|a| format!(" ({a})")).unwrap_or_default();
    out.push(format!("{} {}{aside}", "Limit:".bold(), rhs.green().bold()));
    out
}

/// What the tables say, in sentences, and a remark on how sure the limit is.
pub(super) fn verdict_words(l: &LimitAnswer, style: Style) -> (Vec<String>, Option<String>) {
    let mut out = Vec::new();
    if let Some(bits) = l.precise_bits {
        out.push(format!(
            "Plain floating point gets some of these values wrong (the terms cancel, or a number overflows), so nudge worked them out with {bits}-bit numbers, keeping only the digits two precisions agree on."
        ));
    }
    let aside = match &l.verdict {
        Verdict::Value {
            value,
            decimals,
            named,
            only,
        } => {
            if let Some(side) = only {
                let (here, there) = match side {
                    Side::Above => ("above", "below"),
                    Side::Below => ("below", "above"),
                };
                out.push(format!("Only the values from {here} exist; from {there} the function has none, so this is a one-sided limit."));
            }
            let shown = format!("{value:.decimals$}");
            out.push(match named {
                Some(n) => format!(
                    "The values head for {shown}, which matches {} to the {decimals} decimals shown.",
                    n.to_text(style)
                ),
                None => format!("The values head for {shown}, as far as the table can tell."),
            });
            Some(format!(
                "a numerical estimate read from the values, sure to the {decimals} decimals shown, not a proof"
            ))
        }
        Verdict::Unbounded { positive } => {
            let way = if *positive { "grow" } else { "fall" };
            out.push(format!(
                "The values {way} past any number you name: there is no finite limit."
            ));
            Some(
                if *positive {
                    "the values grow without bound"
                } else {
                    "the values fall without bound"
                }
                .to_string(),
            )
        }
        Verdict::SidesDisagree => {
            let at = match &l.target {
                Target::Point { at, .. } => at.to_text(style),
                Target::Infinity { .. } => "∞".to_string(),
            };
            out.push(format!(
                "The two sides disagree, so there is no limit at {at}."
            ));
            None
        }
        Verdict::None => {
            out.push("The values do not settle on any one number.".to_string());
            None
        }
        Verdict::CannotTell => {
            out.push("Even 2,048-bit numbers do not settle these values (the terms cancel too closely, or the numbers grow past their range), so nudge cannot tell where they head: this is no verdict either way.".to_string());
            None
        }
    };
    (out, aside)
}
