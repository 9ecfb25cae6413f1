//! A limit's words and numbers: where each way in heads, the verdict, the table's decimals.

use crate::engine::{Approach, LimitAnswer, Target, Verdict};
use crate::expr::{decimal, Style};
use crate::numeric::limit::Heading;
use crate::syntax::Side;

/// Decimals for a table's values: nine for moderate sizes, fewer for large
/// ones, the same for the whole column so the decimal points line up.
pub fn table_decimals(values: impl Iterator<Item = f64>) -> usize {
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
pub fn table_value(v: f64, decimals: usize) -> String {
    if v.abs() >= 1e9 {
        return format!("{v:.4e}");
    }
    format!("{v:.decimals$}")
}

pub fn heading_text(approach: &Approach) -> String {
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

pub fn verdict_short(v: &Verdict, style: Style) -> String {
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

/// What the tables say, in sentences, and a remark on how sure the limit is.
pub fn verdict_words(l: &LimitAnswer, style: Style) -> (Vec<String>, Option<String>) {
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
