//! A failure as the terminal shows it: the message, the line with a caret under the problem,
//! and help; what stands out is tagged, and the caller's `Paint` decides how it looks.

use super::ascii::transliterate;
use super::text::Paint;
use super::wrap::hang;
use crate::error::{Error, Phase};
use crate::explain::doc::Tag;
use crate::visible::visible;
use unicode_width::UnicodeWidthStr;

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
    if let Some(span) = error.span {
        // A window of the line around the problem, so long lines stay readable.
        // Tabs would widen differently on every terminal: show them as single spaces.
        let chars: Vec<char> = input
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        let from = span.start.saturating_sub(40);
        let to = (span.start + 40).min(chars.len());
        let lead = if from > 0 { "…" } else { "" };
        let tail = if to < chars.len() { "…" } else { "" };
        let before: String = chars[from..span.start.min(chars.len())].iter().collect();
        let shown: String = chars[from..to].iter().collect();
        let marked_len = span.end.saturating_sub(span.start).clamp(1, 40);
        let marked: String = chars.iter().skip(span.start).take(marked_len).collect();
        let col = UnicodeWidthStr::width(lead) + UnicodeWidthStr::width(before.as_str());
        let width = UnicodeWidthStr::width(marked.as_str()).max(1);
        out.push_str(&format!("   | {lead}{shown}{tail}\n"));
        out.push_str(&format!(
            "   | {}{} {}\n",
            " ".repeat(col),
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
