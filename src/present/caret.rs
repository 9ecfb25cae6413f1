//! The line with the problem marked, one way for every format: a window of the line around
//! the problem (long lines stay readable), and where the carets go under it, by display width.

use crate::error::Error;
use unicode_width::UnicodeWidthStr;

/// How far the window reaches on each side of the problem, and the most carets drawn.
const REACH: usize = 40;

/// The line as shown, and the carets under it.
pub struct Marked {
    /// The line, tabs as spaces (so columns hold), cut to a window around the problem with
    /// `…` where it was cut.
    pub line: String,
    /// The column the carets start at and how many there are; none when the error has no
    /// place.
    pub caret: Option<(usize, usize)>,
}

impl Marked {
    /// The carets alone, set in under the line: `   ^^^`.
    pub fn caret_line(&self) -> Option<String> {
        self.caret
            .map(|(column, width)| format!("{}{}", " ".repeat(column), "^".repeat(width)))
    }
}

/// The input line and the place of its problem.
pub fn marked(input: &str, error: &Error) -> Marked {
    let chars: Vec<char> = input
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let Some(span) = error.span else {
        return Marked {
            line: chars.iter().collect(),
            caret: None,
        };
    };
    let start = span.start.min(chars.len());
    let from = start.saturating_sub(REACH);
    let to = (start + REACH).min(chars.len());
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < chars.len() { "…" } else { "" };
    let before: String = chars[from..start].iter().collect();
    let shown: String = chars[from..to].iter().collect();
    let marked_len = span.end.saturating_sub(span.start).clamp(1, REACH);
    let under: String = chars.iter().skip(start).take(marked_len).collect();
    let column = UnicodeWidthStr::width(lead) + UnicodeWidthStr::width(before.as_str());
    Marked {
        line: format!("{lead}{shown}{tail}"),
        caret: Some((column, UnicodeWidthStr::width(under.as_str()).max(1))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Phase;
    use crate::span::Span;

    /// Every format shows the same window: far into a long line, the line is cut with `…` on
    /// both sides and the carets sit under the problem, by display width (π is one column).
    #[test]
    fn a_long_line_is_cut_to_a_window_with_the_carets_under_its_problem() {
        let input = format!("{}π + {}", "x + ".repeat(30), "y + ".repeat(30));
        let at = input.chars().position(|c| c == 'π').expect("a π");
        let error = Error::new(Phase::Parsing, "here").at(Span::new(at, at + 1));
        let shown = marked(&input, &error);
        assert!(
            shown.line.starts_with('…') && shown.line.ends_with('…'),
            "{}",
            shown.line
        );
        let (column, width) = shown.caret.expect("a place");
        assert_eq!(width, 1);
        let under: String = shown.line.chars().skip(column).take(1).collect();
        assert_eq!(under, "π", "{}", shown.line);
        assert_eq!(
            shown.caret_line().expect("carets"),
            format!("{}^", " ".repeat(column))
        );
    }
}
