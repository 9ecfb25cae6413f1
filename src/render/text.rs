//! The text answer a learner reads: the reading, each step in words, the result.

use super::paint::Colored;
use crate::calculus::multivar::Value;
use crate::engine::Outcome;
use crate::error::{Error, Phase};
use crate::explain::session::wants_decimal;
pub use crate::expr::decimal;
pub use crate::expr::operator;
use crate::expr::{Expr, Style};
use crate::present;
use crate::present::wrap::hang;
use crate::visible::visible;
use colored::Colorize;
use unicode_width::UnicodeWidthStr;

#[derive(Clone, Copy, Debug)]
pub struct TextOptions {
    pub unicode: bool,
    /// Only the result line.
    pub quiet: bool,
}

impl TextOptions {
    pub fn style(&self) -> Style {
        if self.unicode {
            Style::UNICODE
        } else {
            Style::ASCII
        }
    }
}

/// The whole answer as text, every line whole, ending with a newline; with `--ascii`, ASCII only.
pub fn render_text(outcome: &Outcome, options: TextOptions) -> String {
    render_text_at(outcome, options, None)
}

/// `render_text` with its prose wrapped to `width` columns (tables, matrices and pictures
/// stay whole), or every line whole with no width.
pub fn render_text_at(outcome: &Outcome, options: TextOptions, width: Option<usize>) -> String {
    crate::explain::outcome(outcome).map_or_else(String::new, |doc| {
        present::text_at(&doc, options.unicode, options.quiet, &Colored, width)
    })
}

/// The decimal shown after an exact value: none when the value is whole or keeps a letter (v0).
pub fn decimal_after(exact: &Expr, approx: Option<f64>) -> Option<String> {
    approx.filter(|_| wants_decimal(exact)).map(decimal)
}

/// The decimals shown after an exact vector: when every entry has one and some entry is not whole.
pub fn decimals_after(exact: &[Expr], approx: Option<Vec<f64>>) -> Option<Vec<String>> {
    approx
        .filter(|_| exact.iter().any(wants_decimal))
        .map(|values| values.into_iter().map(decimal).collect())
}

/// The decimals shown after an exact matrix: when some entry is not whole.
pub fn matrix_decimals(values: &[Vec<Value>]) -> Option<Vec<Vec<String>>> {
    values
        .iter()
        .flatten()
        .any(|v| wants_decimal(&v.exact))
        .then(|| {
            values
                .iter()
                .map(|row| row.iter().map(|v| decimal(v.approx)).collect())
                .collect()
        })
}

/// An error as a diagnostic: header, the line, a caret under the place, the hint.
/// An error as the terminal shows it: the message, the line with a caret under the problem,
/// and help. With `unicode` off (`--ascii`) the message and help are spelled in ASCII; the
/// line itself is shown as it was typed, so the caret stays under the right character.
/// Everything taken from the input (the line, the place, words quoted in the message) is
/// shown with its control characters visible, one column each, so the caret still lines up.
pub fn render_error(input: &str, error: &Error, origin: Option<&str>, unicode: bool) -> String {
    render_error_at(input, error, origin, unicode, None)
}

/// `render_error` with its message and help wrapped to `width` columns, each going on under
/// its first word; the line and its caret stay whole.
pub fn render_error_at(
    input: &str,
    error: &Error,
    origin: Option<&str>,
    unicode: bool,
    width: Option<usize>,
) -> String {
    let prose = |line: String, next: usize| match width {
        Some(width) => hang(&line, width, next),
        None => line,
    };
    let spell = |text: &str| {
        let text = visible(text);
        if unicode {
            text.into_owned()
        } else {
            super::ascii::transliterate(&text)
        }
    };
    let input = &*visible(input);
    let phase = match error.phase {
        Phase::Parsing => "could not read this",
        Phase::Reading => "could not make sense of this",
        Phase::Computing => "could not work this out",
    };
    let message = format!("{}: {}", "error".red().bold(), spell(&error.message));
    let mut out = format!("{}\n", prose(message, 7));
    if let Some(o) = origin {
        out.push_str(&format!("  --> {}\n", visible(o)));
    }
    if let Some(span) = error.span {
        // A window of the line around the problem, so long lines stay readable.
        // Tabs would widen differently on every terminal: show them as single spaces.
        let chars: Vec<char> = input
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        let from = span.start.saturating_sub(40);
        let to = (span.start + 40).min(chars.len());
        let lead = if from > 0 { "…" } else { "" };
        let tail = if to < chars.len() { "…" } else { "" };
        let before: String = chars[from..span.start.min(chars.len())].iter().collect();
        let shown: String = chars[from..to].iter().collect();
        let marked_len = span.end.saturating_sub(span.start).clamp(1, 40);
        let marked: String = chars.iter().skip(span.start).take(marked_len).collect();
        let col = UnicodeWidthStr::width(lead) + UnicodeWidthStr::width(before.as_str());
        let width = UnicodeWidthStr::width(marked.as_str()).max(1);
        out.push_str(&format!("   | {lead}{shown}{tail}\n"));
        out.push_str(&format!(
            "   | {}{} {}\n",
            " ".repeat(col),
            "^".repeat(width).red().bold(),
            phase.dimmed()
        ));
    }
    if let Some(help) = &error.help {
        let help = format!("   = {} {}", "help:".bold(), spell(help));
        out.push_str(&format!("{}\n", prose(help, 11)));
    }
    out
}
