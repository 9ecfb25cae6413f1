//! How it looks: each format turns any `Doc` into its output; a presenter never sees an answer.

pub mod ascii;
pub mod caret;
pub mod diagnostic;
pub mod html;
pub mod latex;
pub mod latex_maths;
pub mod markdown;
pub mod maths;
pub mod matrix;
mod numbers;
pub mod plot;
pub mod text;
mod typeset;
pub mod wrap;

pub use text::{text, text_at, Paint, Plain};
