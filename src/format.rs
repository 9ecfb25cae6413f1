//! An answer in the format asked for: its document (`crate::explain`) through the presenter
//! of that format (`crate::present`). Nothing here decides what is said or how it looks; JSON,
//! read straight from the answer, is `crate::json`.

use crate::engine::{Note, Outcome};
use crate::error::Error;
use crate::explain;
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
    let style = Style {
        decimals: outcome.typed_decimals(),
        ..options.style()
    };
    present::text_at(
        &explain::outcome(outcome),
        style,
        options.quiet,
        paint,
        width,
    )
}

/// One answer as a standalone HTML fragment; `quiet` keeps the result alone.
pub fn render_html(outcome: &Outcome, quiet: bool) -> String {
    present::html::html(&explain::outcome(outcome), quiet)
}

/// The whole answer as LaTeX after a `%` line with the input: words as text, steps in
/// `align*`, values displayed, vectors and matrices as `pmatrix`, tables as `tabular`.
pub fn render_latex(outcome: &Outcome) -> String {
    let mut out = format!("% nudge: {}\n", outcome.input.replace(['\n', '\r'], " "));
    out.push_str(&present::latex::latex(&explain::outcome(outcome)));
    out
}

/// The whole answer as Markdown: steps as a list, maths in `$…$`, tables as pipe tables.
pub fn render_markdown(outcome: &Outcome) -> String {
    present::markdown::markdown(&explain::outcome(outcome))
}

/// A note on the reading in words, its maths in Unicode or ASCII.
pub fn note_text(note: &Note, unicode: bool) -> String {
    present::text::plain_line(&explain::note(note), unicode)
}

/// An error as the terminal shows it (`present::diagnostic`), in plain text.
pub fn render_error(input: &str, error: &Error, origin: Option<&str>, unicode: bool) -> String {
    diagnostic(input, error, origin, unicode, None, &Plain)
}

/// `render_error` with its message and help wrapped to `width` columns, painted by `paint`.
pub use crate::present::diagnostic::diagnostic as render_error_at;
