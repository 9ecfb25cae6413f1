//! The words for an answer the work budget stopped: what grew too big, and what to ask instead.

use crate::budget::{Stop, MAX_WRITTEN};
use crate::engine::Answer;
use crate::error::{Error, ErrorKind, Phase};
use crate::syntax::{NodeKind, Span, Statement};

/// Longest piece of the typed line quoted back in the message.
const QUOTE_CHARS: usize = 40;

/// The error for `line` (read as `statement`) stopped by `stop`, under the part that grew.
pub fn stopped(stop: Stop, line: &str, statement: &Statement) -> Error {
    let whole = Span::new(0, line.chars().count());
    let (what, span, order) =
        subject(line, statement).unwrap_or_else(|| ("working this out".to_string(), whole, None));
    let message = match stop {
        Stop::TooBig { limit } => {
            format!(
                "{what} grows past {} terms; nudge stops there",
                round(limit)
            )
        }
        Stop::TooMuchMemory { limit } => format!(
            "{what} needs more than {} MB of memory; nudge stops there",
            limit >> 20
        ),
        Stop::TooLong { limit } => format!(
            "{what} takes longer than {} seconds; nudge stops there",
            limit.as_secs().max(1)
        ),
        Stop::Cancelled => format!("{what} was stopped before it finished"),
    };
    let help = match order {
        Some(n) if n > 1 => "ask for a lower order",
        _ => "ask for a smaller part of it",
    };
    let kind = match stop {
        Stop::Cancelled => ErrorKind::Cancelled,
        _ => ErrorKind::BudgetExceeded,
    };
    Error::new(Phase::Computing, message)
        .with_kind(kind)
        .at(span)
        .with_help(help)
}

/// An error when the answer's result is too large to write out (`budget::MAX_WRITTEN`).
pub fn written_size(answer: &Answer, line: &str, statement: &Statement) -> Result<(), Error> {
    if answer.result().is_none_or(|r| r.size() <= MAX_WRITTEN) {
        return Ok(());
    }
    let whole = Span::new(0, line.chars().count());
    let (what, span, _) =
        subject(line, statement).unwrap_or_else(|| ("the result".to_string(), whole, None));
    Err(too_large_to_write(&what, span))
}

/// "the formula of y has more than 10 million terms written out".
pub fn too_large_to_write(what: &str, span: Span) -> Error {
    Error::new(
        Phase::Computing,
        format!(
            "{what} has more than {} terms written out; nudge stops there",
            round(u64::from(MAX_WRITTEN))
        ),
    )
    .with_kind(ErrorKind::BudgetExceeded)
    .at(span)
    .with_help("ask for a smaller part of it, or for its value at a point")
}

/// "the 16th derivative of x^x" and where it was typed, for the questions that say which.
fn subject(line: &str, statement: &Statement) -> Option<(String, Span, Option<u32>)> {
    match statement {
        Statement::Derivative { body, order, .. } => {
            let of = quoted(line, body.span);
            Some((
                format!("the {} of {of}", derivative(*order)),
                body.span,
                Some(*order),
            ))
        }
        Statement::NamedDerivative {
            name,
            name_span,
            order,
            ..
        } => Some((
            format!("the {} of {name}", derivative(*order)),
            *name_span,
            Some(*order),
        )),
        Statement::Expr(node) => match &node.kind {
            NodeKind::Apply { name, primes, .. } if *primes > 0 => Some((
                format!("the {} of {name}", derivative(*primes)),
                node.span,
                Some(*primes),
            )),
            _ => None,
        },
        Statement::At { inner, .. } => subject(line, inner),
        Statement::Integral { body, .. } => Some((
            format!("the integral of {}", quoted(line, body.span)),
            body.span,
            None,
        )),
        _ => None,
    }
}

/// The typed text under `span`, or "this expression" when it is too long to quote.
fn quoted(line: &str, span: Span) -> String {
    let text: String = line
        .chars()
        .skip(span.start)
        .take(span.end - span.start)
        .collect();
    if text.chars().count() > QUOTE_CHARS {
        "this expression".to_string()
    } else {
        text.trim().to_string()
    }
}

/// "derivative", "2nd derivative", "16th derivative".
fn derivative(order: u32) -> String {
    if order <= 1 {
        return "derivative".to_string();
    }
    let suffix = match (order % 10, order % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{order}{suffix} derivative")
}

/// 8000000 → "8 million", 500000 → "500,000".
fn round(n: u64) -> String {
    if n >= 1_000_000 && n.is_multiple_of(1_000_000) {
        return format!("{} million", n / 1_000_000);
    }
    crate::expr::thousands(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_read_as_ordinals() {
        let words: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 16, 21, 22, 101]
            .into_iter()
            .map(derivative)
            .collect();
        assert_eq!(
            words,
            [
                "derivative",
                "2nd derivative",
                "3rd derivative",
                "4th derivative",
                "11th derivative",
                "12th derivative",
                "13th derivative",
                "16th derivative",
                "21st derivative",
                "22nd derivative",
                "101st derivative"
            ]
        );
    }

    #[test]
    fn limits_read_as_round_numbers() {
        assert_eq!(round(8_000_000), "8 million");
        assert_eq!(round(500_000), "500,000");
        assert_eq!(round(1_500_000), "1,500,000");
        assert_eq!(round(999), "999");
    }
}
