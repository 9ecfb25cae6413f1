//! Sending an answer to the format asked for; nothing here computes mathematics.
//!
//! Text, HTML, and LaTeX and Markdown of most answers come from each answer's document
//! (`crate::explain` → `crate::present`); gradients, Jacobians, directional slopes, motions
//! and vectors of values still have their own LaTeX writer here. JSON is `crate::json`.

pub use crate::explain::help;
use crate::explain::{catalogue, notation, prune, readings};

mod html;
mod latex;
mod markup;
mod multivar_latex;
mod text;

use crate::engine::Note;

/// A note on the reading in words, its maths in Unicode or ASCII.
pub fn note_text(note: &Note, unicode: bool) -> String {
    crate::present::text::plain_line(&crate::explain::note(note), unicode)
}

pub use crate::explain::integral::constant_name;
pub use crate::expr::thousands;
pub use catalogue::{note, title};
pub use html::render_html;
pub use latex::{render_latex, render_markdown, step_latex};
pub use notation::{shape_id, words, Words};
pub use prune::{prune, Elision, Limits, Shown};
pub use text::{
    decimal, operator, render_error, render_error_at, render_text, render_text_at, TextOptions,
};
