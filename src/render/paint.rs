//! Tags painted with `colored`: how text answers have always looked on a terminal.
//!
//! `colored` decides per process whether colour is on (`--color`, `NO_COLOR`, a pipe).

use crate::explain::doc::Tag;
use crate::present::Paint;
use colored::Colorize;

pub struct Colored;

impl Paint for Colored {
    fn paint(&self, tag: Tag, text: &str) -> String {
        match tag {
            Tag::Label => text.bold(),
            Tag::Warning => text.yellow().bold(),
            Tag::Rule => text.cyan().bold(),
            Tag::Quiet => text.dimmed(),
            Tag::Answer => text.green().bold(),
            Tag::Success => text.green(),
            Tag::Error => text.red().bold(),
        }
        .to_string()
    }
}
