//! Colour on a terminal: tags painted as ANSI styles, on for a stream only when that stream
//! should have colour (`--color`, `NO_COLOR`, `CLICOLOR_FORCE`, and whether it is a terminal).

use anstyle::{AnsiColor, Style};
use nudge::explain::doc::Tag;
use nudge::present::Paint;
use std::io;

/// Tags painted as ANSI styles, or left plain.
pub struct Ansi {
    on: bool,
}

impl Ansi {
    /// Painting for stderr, decided for stderr itself: a pipe or a file gets no codes even
    /// when stdout is a terminal.
    pub fn stderr() -> Ansi {
        Ansi {
            on: anstream::AutoStream::choice(&io::stderr()) != anstream::ColorChoice::Never,
        }
    }
}

/// Colours of a picture's curves, in order, as `paint::Colored` has them.
const PALETTE: [AnsiColor; 6] = [
    AnsiColor::Blue,
    AnsiColor::Red,
    AnsiColor::Green,
    AnsiColor::Magenta,
    AnsiColor::Yellow,
    AnsiColor::Cyan,
];

fn style(tag: Tag) -> Style {
    let bold = Style::new().bold();
    let fg = |colour: AnsiColor| Style::new().fg_color(Some(colour.into()));
    match tag {
        Tag::Label => bold,
        Tag::Warning | Tag::Marked => bold.fg_color(Some(AnsiColor::Yellow.into())),
        Tag::Rule => bold.fg_color(Some(AnsiColor::Cyan.into())),
        Tag::Quiet => Style::new().dimmed(),
        Tag::Answer => bold.fg_color(Some(AnsiColor::Green.into())),
        Tag::Success => fg(AnsiColor::Green),
        Tag::Error | Tag::Arrow => bold.fg_color(Some(AnsiColor::Red.into())),
        Tag::Curve(i) => fg(PALETTE[i % PALETTE.len()]),
        Tag::Level => fg(AnsiColor::Cyan),
    }
}

impl Paint for Ansi {
    fn paint(&self, tag: Tag, text: &str) -> String {
        if !self.on {
            return text.to_string();
        }
        let style = style(tag);
        format!("{}{text}{}", style.render(), style.render_reset())
    }
}

/// `--color` for every stream anstream decides: `always` and `never` force it, `auto`
/// leaves it to the environment and the stream.
pub fn set_choice(choice: anstream::ColorChoice) {
    choice.write_global();
}
