//! The `.nudge` lesson format, read line by line into narration, queries, exercises and pauses.
//!
//! ```text
//! # a comment, never shown
//! = A heading (the first one is the lesson's title)
//! Plain lines are narration; a blank line ends a paragraph.
//! - a line starting with a dash stays a line of its own
//! > d/dx x^3              a query, answered with its steps
//! > d/dx x^3 => 3x^2      a query whose result is checked
//! ? d/dx x^5              an exercise for the learner
//! ? d/dx x^5 => 5x^4      an exercise whose answer is checked too
//! ---                     a pause (only on a terminal)
//! \> a narration line that starts with a marker
//! ```

use crate::error::{Error, Phase};
use crate::expr::thousands;
use crate::input::{read_line, Line, MAX_LINE_BYTES};
use crate::syntax::Span;
use crate::visible::visible;
use std::io::BufRead;

/// A lesson, ready to play.
#[derive(Clone, Debug)]
pub struct Script {
    /// Where it came from, as errors name it: a path, or `lesson 3`.
    pub origin: String,
    pub title: Option<String>,
    pub items: Vec<Item>,
}

/// One directive, with the line it starts on (counting from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub line: usize,
    pub kind: ItemKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    Heading(String),
    /// A paragraph, its lines joined by spaces; a line starting `- ` (a list item) keeps its own line.
    Narration(String),
    Query(Query),
    Exercise(Query),
    Pause,
}

/// A query line: the question, and the result it must give if one is written after `=>`.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    pub question: Piece,
    pub expected: Option<Piece>,
    /// The whole source line, for error reports.
    pub source: String,
}

/// Text cut from a source line, with the character offset where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub text: String,
    pub offset: usize,
}

/// A problem in a lesson, placed in its file.
#[derive(Clone, Debug)]
pub struct ScriptError {
    pub line: usize,
    /// The whole source line; the error's span is in characters of this line.
    pub source: String,
    pub error: Error,
}

impl ScriptError {
    /// `file:line:column`, counting from 1.
    pub fn place(&self, origin: &str) -> String {
        let column = self.error.span.map_or(1, |s| s.start + 1);
        format!("{origin}:{}:{column}", self.line)
    }

    /// An error from a piece of a line, moved to the piece's place in the whole line.
    pub fn in_piece(line: usize, source: &str, piece: &Piece, mut error: Error) -> ScriptError {
        let span = error
            .span
            .unwrap_or(Span::new(0, piece.text.chars().count()));
        error.span = Some(Span::new(
            span.start + piece.offset,
            span.end + piece.offset,
        ));
        ScriptError {
            line,
            source: source.to_string(),
            error,
        }
    }
}

/// Largest lesson file nudge reads, in bytes: far more than any lesson needs.
pub const MAX_LESSON_BYTES: usize = 4 << 20;

/// The text of a lesson file, read a line at a time with a bound: a line longer than nudge
/// reads, text that is not UTF-8, or a file past [`MAX_LESSON_BYTES`] is refused with the
/// reason, before more of it is read.
pub fn read_lesson_text(input: &mut dyn BufRead) -> Result<String, String> {
    let mut text = String::new();
    let mut buf = Vec::new();
    for number in 1.. {
        match read_line(input, &mut buf, MAX_LINE_BYTES).map_err(|e| e.to_string())? {
            Line::End => break,
            Line::TooLong => {
                return Err(format!(
                    "line {number} is longer than {} bytes, the longest line nudge reads",
                    thousands(MAX_LINE_BYTES)
                ))
            }
            Line::Read => {}
        }
        if text.len() + buf.len() >= MAX_LESSON_BYTES {
            return Err(format!(
                "this file is larger than {} MiB, more than a lesson holds",
                MAX_LESSON_BYTES >> 20
            ));
        }
        let line = std::str::from_utf8(&buf)
            .map_err(|_| format!("line {number} is not UTF-8 text; save the lesson as UTF-8"))?;
        text.push_str(line);
        text.push('\n');
    }
    Ok(text)
}

/// Reads a lesson; problems are listed, and every line that can be read is kept.
/// Control characters are read as their visible stand-ins (`crate::visible`): a lesson
/// file can say anything, but it cannot drive the learner's terminal.
pub fn read_script(origin: &str, text: &str) -> (Script, Vec<ScriptError>) {
    let origin = &*visible(origin);
    let mut items = Vec::new();
    let mut errors = Vec::new();
    let mut paragraph: Option<(usize, String)> = None;
    let flush = |paragraph: &mut Option<(usize, String)>, items: &mut Vec<Item>| {
        if let Some((line, text)) = paragraph.take() {
            items.push(Item {
                line,
                kind: ItemKind::Narration(text),
            });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let source = visible(raw.trim_end_matches('\r'));
        let source = &*source;
        let trimmed = source.trim();
        let lead = source.chars().count() - source.trim_start().chars().count();
        let kind = if trimmed.is_empty() {
            flush(&mut paragraph, &mut items);
            continue;
        } else if trimmed.starts_with('#') {
            continue;
        } else if trimmed.chars().all(|c| c == '-') && trimmed.len() >= 3 {
            ItemKind::Pause
        } else if let Some(rest) = trimmed.strip_prefix('>') {
            match query(line, source, lead + 1, rest, '>') {
                Ok(q) => ItemKind::Query(q),
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            }
        } else if let Some(rest) = trimmed.strip_prefix('?') {
            match query(line, source, lead + 1, rest, '?') {
                Ok(q) => ItemKind::Exercise(q),
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            }
        } else if trimmed.starts_with("=>") {
            errors.push(problem(
                line,
                source,
                Span::new(lead, lead + 2),
                "an expected result needs a query before it",
                "write it on a query line: > d/dx x^3 => 3x^2",
            ));
            continue;
        } else if let Some(rest) = trimmed.strip_prefix('=') {
            let title = rest.trim();
            if title.is_empty() {
                errors.push(problem(
                    line,
                    source,
                    Span::new(lead, lead + 1),
                    "a heading needs words after '='",
                    "write = The power rule",
                ));
                continue;
            }
            ItemKind::Heading(title.to_string())
        } else {
            let words = trimmed.strip_prefix('\\').unwrap_or(trimmed);
            match &mut paragraph {
                Some((_, text)) => {
                    // A list item keeps its own line.
                    text.push(if words.starts_with("- ") { '\n' } else { ' ' });
                    text.push_str(words);
                }
                None => paragraph = Some((line, words.to_string())),
            }
            continue;
        };
        flush(&mut paragraph, &mut items);
        items.push(Item { line, kind });
    }
    flush(&mut paragraph, &mut items);
    let title = items.iter().find_map(|i| match &i.kind {
        ItemKind::Heading(t) => Some(t.clone()),
        _ => None,
    });
    let script = Script {
        origin: origin.to_string(),
        title,
        items,
    };
    (script, errors)
}

/// `QUESTION` or `QUESTION => EXPECTED`, after a marker at character `start - 1`.
fn query(
    line: usize,
    source: &str,
    start: usize,
    rest: &str,
    marker: char,
) -> Result<Query, ScriptError> {
    let marker_span = Span::new(start - 1, start);
    let (question, expected) = match rest.find("=>") {
        Some(at) => (&rest[..at], Some((&rest[at + 2..], at))),
        None => (rest, None),
    };
    let question = piece(question, start);
    if question.text.is_empty() {
        let what = if marker == '>' {
            "a query"
        } else {
            "an exercise"
        };
        return Err(problem(
            line,
            source,
            marker_span,
            &format!("{what} needs a question after '{marker}'"),
            &format!("write {marker} d/dx x^3"),
        ));
    }
    let expected = match expected {
        Some((text, at)) => {
            let arrow = start + rest[..at].chars().count();
            let expected = piece(text, arrow + 2);
            if expected.text.is_empty() {
                return Err(problem(
                    line,
                    source,
                    Span::new(arrow, arrow + 2),
                    "nothing after '=>'",
                    "write the result the query must give, as in > d/dx x^3 => 3x^2",
                ));
            }
            Some(expected)
        }
        None => None,
    };
    Ok(Query {
        question,
        expected,
        source: source.to_string(),
    })
}

/// `text` trimmed, remembering where it starts in the line (`start` = offset of `text`).
fn piece(text: &str, start: usize) -> Piece {
    let lead = text.chars().count() - text.trim_start().chars().count();
    Piece {
        text: text.trim().to_string(),
        offset: start + lead,
    }
}

fn problem(line: usize, source: &str, span: Span, message: &str, help: &str) -> ScriptError {
    ScriptError {
        line,
        source: source.to_string(),
        error: Error::new(Phase::Parsing, message).at(span).with_help(help),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<ItemKind> {
        let (script, errors) = read_script("t.nudge", text);
        assert!(errors.is_empty(), "{errors:?}");
        script.items.into_iter().map(|i| i.kind).collect()
    }

    #[test]
    fn narration_lines_join_into_paragraphs() {
        let items = kinds("One line\nand the next.\n\nA new paragraph.\n# not shown\n");
        assert_eq!(
            items,
            vec![
                ItemKind::Narration("One line and the next.".into()),
                ItemKind::Narration("A new paragraph.".into()),
            ]
        );
    }

    #[test]
    fn list_items_keep_their_lines_and_a_byte_order_mark_is_skipped() {
        let items = kinds("\u{feff}Three steps:\n- outer\n- inner\nthen multiply.\n");
        assert_eq!(
            items,
            vec![ItemKind::Narration(
                "Three steps:\n- outer\n- inner then multiply.".into()
            )]
        );
    }

    #[test]
    fn queries_keep_their_place_in_the_line() {
        let (script, _) = read_script("t", "  > d/dx x^3 =>  3x^2");
        let ItemKind::Query(q) = &script.items[0].kind else {
            panic!("{:?}", script.items)
        };
        assert_eq!(q.question.text, "d/dx x^3");
        assert_eq!(q.question.offset, 4);
        let expected = q.expected.as_ref().map(|p| (p.text.as_str(), p.offset));
        assert_eq!(expected, Some(("3x^2", 17)));
    }

    #[test]
    fn every_directive_is_read() {
        let items = kinds("= Title\ntext\n> x^2\n? d/dx x^5 => 5x^4\n---\n\\> quoted");
        assert!(matches!(&items[0], ItemKind::Heading(t) if t == "Title"));
        assert!(matches!(&items[1], ItemKind::Narration(t) if t == "text"));
        assert!(matches!(&items[2], ItemKind::Query(q) if q.expected.is_none()));
        assert!(matches!(&items[3], ItemKind::Exercise(q) if q.expected.is_some()));
        assert_eq!(items[4], ItemKind::Pause);
        assert!(matches!(&items[5], ItemKind::Narration(t) if t == "> quoted"));
    }

    #[test]
    fn windows_line_endings_read_as_plain_ones_and_a_lone_return_is_shown() {
        let items = kinds("= Title\r\nOne\rtwo\x1b[2J\r\n");
        assert!(matches!(&items[0], ItemKind::Heading(t) if t == "Title"));
        assert!(matches!(&items[1], ItemKind::Narration(t) if t == "One␍two␛[2J"));
    }

    #[test]
    fn a_lesson_file_is_read_with_a_bound() {
        let mut fine = std::io::Cursor::new("= Title\r\n> x\n");
        assert_eq!(
            read_lesson_text(&mut fine),
            Ok("= Title\n> x\n".to_string())
        );
        let mut endless = std::io::BufReader::new(std::io::repeat(b'x'));
        let refused = read_lesson_text(&mut endless).expect_err("refused");
        assert!(refused.starts_with("line 1 is longer than"), "{refused}");
        let mut many = std::io::BufReader::new(std::io::Read::take(
            std::io::repeat(b'\n'),
            MAX_LESSON_BYTES as u64 + 1,
        ));
        assert!(read_lesson_text(&mut many).is_err());
    }

    #[test]
    fn format_errors_name_line_and_column() {
        let (script, errors) =
            read_script("l.nudge", "intro\n>\n? x => \n=> 3\n=\n> d/dx x^2 => 2x\n");
        let places: Vec<String> = errors.iter().map(|e| e.place("l.nudge")).collect();
        assert_eq!(
            places,
            ["l.nudge:2:1", "l.nudge:3:5", "l.nudge:4:1", "l.nudge:5:1"]
        );
        assert!(errors[0].error.message.contains("needs a question"));
        assert!(errors[1].error.message.contains("nothing after '=>'"));
        // The good lines around the bad ones are still read.
        assert_eq!(script.items.len(), 2);
    }
}
