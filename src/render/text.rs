//! The text answer a learner reads: the reading, each step in words, the result.

use crate::engine::Outcome;
use crate::error::Error;
pub use crate::expr::decimal;
pub use crate::expr::operator;
use crate::expr::Style;
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
