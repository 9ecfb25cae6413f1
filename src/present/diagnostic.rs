//! A failure as the terminal shows it: the message, the line with a caret under the problem,
//! and help; what stands out is tagged, and the caller's `Paint` decides how it looks.

use super::ascii::transliterate;
use super::caret::marked;
use super::text::Paint;
use super::wrap::hang;
use crate::error::{Error, Phase};
use crate::explain::doc::Tag;
use crate::visible::visible;

/// The error as text. With `unicode` off (`--ascii`) the message and help are spelled in
/// ASCII; the line itself is shown as it was typed, so the caret stays under the right
/// character. Everything taken from the input (the line, the place, words quoted in the
/// message) is shown with its control characters visible, one column each, so the caret
/// still lines up. With a `width`, message and help wrap under their first word.
pub fn diagnostic(
    input: &str,
    error: &Error,
    origin: Option<&str>,
    unicode: bool,
    width: Option<usize>,
    paint: &dyn Paint,
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
            transliterate(&text)
        }
    };
    let input = &*visible(input);
    let phase = match error.phase {
        Phase::Parsing => "could not read this",
        Phase::Reading => "could not make sense of this",
        Phase::Computing => "could not work this out",
    };
    let message = format!(
        "{}: {}",
        paint.paint(Tag::Error, "error"),
        spell(&error.message)
    );
    let mut out = format!("{}\n", prose(message, 7));
    if let Some(o) = origin {
        out.push_str(&format!("  --> {}\n", visible(o)));
    }
    let shown = marked(input, error);
    if let Some((column, width)) = shown.caret {
        out.push_str(&format!("   | {}\n", shown.line));
        out.push_str(&format!(
            "   | {}{} {}\n",
            " ".repeat(column),
            paint.paint(Tag::Error, &"^".repeat(width)),
            paint.paint(Tag::Quiet, phase)
        ));
    }
    if let Some(help) = &error.help {
        let help = format!("   = {} {}", paint.paint(Tag::Label, "help:"), spell(help));
        out.push_str(&format!("{}\n", prose(help, 11)));
    }
    out
}
