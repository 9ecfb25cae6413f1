//! The line with the problem marked: the place under the line as carets, by display width.

use crate::error::Error;
use unicode_width::UnicodeWidthStr;

/// The input line (tabs as spaces, so columns hold) and the caret line under its problem;
/// no caret line when the error has no place.
pub fn marked(input: &str, error: &Error) -> (String, Option<String>) {
    let chars: Vec<char> = input
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let line: String = chars.iter().collect();
    let caret = error.span.map(|span| {
        let start = span.start.min(chars.len());
        let end = span.end.clamp(start, chars.len());
        let before: String = chars[..start].iter().collect();
        let under: String = chars[start..end].iter().collect();
        let width = UnicodeWidthStr::width(under.as_str()).max(1);
        format!(
            "{}{}",
            " ".repeat(UnicodeWidthStr::width(before.as_str())),
            "^".repeat(width)
        )
    });
    (line, caret)
}
