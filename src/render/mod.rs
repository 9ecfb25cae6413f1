//! Turning outcomes into text and JSON; nothing here computes mathematics.
//!
//! Answers already explained (`crate::explain`) are printed by `crate::present`; the
//! writers here serve the families not yet moved over.

pub use crate::explain::help;
use crate::explain::{catalogue, notation, prune, readings, session};
use crate::present::ascii;

mod feedback;
mod html;
mod json;
mod latex;
mod limit_text;
mod markup;
mod multivar_json;
mod multivar_latex;
mod paint;
mod plot;
mod seeing_json;
mod seeing_latex;
mod seeing_text;
mod tensor_json;
mod tensor_latex;
mod text;
mod training_json;

use crate::engine::Note;

/// A note on the reading in words, its maths in Unicode or ASCII.
pub fn note_text(note: &Note, unicode: bool) -> String {
    crate::present::text::plain_line(&crate::explain::note(note), unicode)
}

pub use crate::expr::thousands;
pub use crate::present::maths::constant_name;
pub use catalogue::{note, title};
pub use feedback::{
    answer_text, antiderivative_hint, first_rule_hint, fit_to_terminal, grid_hint, mistake_hint,
    read_back, slip_hint, witness_hint, wrap,
};
pub use html::render_html;
pub use json::{render_json, render_json_error};
pub use latex::{render_latex, render_markdown, step_latex};
pub use notation::{shape_id, words, Words};
pub use prune::{prune, Elision, Limits, Shown};
pub use text::{
    decimal, operator, render_error, render_error_at, render_text, render_text_at, TextOptions,
};
