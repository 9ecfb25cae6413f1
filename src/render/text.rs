//! The text answer a learner reads: the reading, each step in words, the result.

use crate::calculus::multivar::Value;
use crate::engine::Outcome;
use crate::error::Error;
use crate::explain::session::wants_decimal;
pub use crate::expr::decimal;
pub use crate::expr::operator;
use crate::expr::{Expr, Style};
use crate::present::diagnostic::diagnostic;
use crate::present::{self, Paint, Plain};

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

/// The whole answer as plain text, every line whole, ending with a newline; with `--ascii`,
/// ASCII only.
pub fn render_text(outcome: &Outcome, options: TextOptions) -> String {
    render_text_at(outcome, options, None, &Plain)
}

/// `render_text` with its prose wrapped to `width` columns (tables, matrices and pictures
/// stay whole), or every line whole with no width; its tags painted by `paint` (the binary
/// paints them in colour).
pub fn render_text_at(
    outcome: &Outcome,
    options: TextOptions,
    width: Option<usize>,
    paint: &dyn Paint,
) -> String {
    crate::explain::outcome(outcome).map_or_else(String::new, |doc| {
        let style = Style {
            decimals: outcome.typed_decimals(),
            ..options.style()
        };
        present::text_at(&doc, style, options.quiet, paint, width)
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

/// An error as the terminal shows it (`present::diagnostic`), in plain text.
pub fn render_error(input: &str, error: &Error, origin: Option<&str>, unicode: bool) -> String {
    render_error_at(input, error, origin, unicode, None, &Plain)
}

/// `render_error` with its message and help wrapped to `width` columns, painted by `paint`.
pub fn render_error_at(
    input: &str,
    error: &Error,
    origin: Option<&str>,
    unicode: bool,
    width: Option<usize>,
    paint: &dyn Paint,
) -> String {
    diagnostic(input, error, origin, unicode, width, paint)
}
