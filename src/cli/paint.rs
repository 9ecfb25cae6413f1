//! Tags painted with `colored` for standard output: how answers, lessons and pictures have
//! always looked on a terminal.
//!
//! `colored` decides once per run whether colour is on (`--color`, `NO_COLOR`, a pipe).

use colored::{Color, Colorize};
use nudge::explain::doc::Tag;
use nudge::present::Paint;

/// Colours of a picture's curves, in order.
const PALETTE: [Color; 6] = [
    Color::Blue,
    Color::Red,
    Color::Green,
    Color::Magenta,
    Color::Yellow,
    Color::Cyan,
];

pub struct Colored;

impl Paint for Colored {
    fn paint(&self, tag: Tag, text: &str) -> String {
        match tag {
            Tag::Label => text.bold(),
            Tag::Warning | Tag::Marked => text.yellow().bold(),
            Tag::Rule => text.cyan().bold(),
            Tag::Quiet => text.dimmed(),
            Tag::Answer => text.green().bold(),
            Tag::Success => text.green(),
            Tag::Error | Tag::Arrow => text.red().bold(),
            Tag::Curve(i) => text.color(PALETTE[i % PALETTE.len()]),
            Tag::Level => text.cyan(),
        }
        .to_string()
    }
}
