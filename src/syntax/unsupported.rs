//! Notation nudge does not compute yet, found before the grammar so that it is never read
//! as letters: products over many terms (∏, `\prod`), a `sum` with no index, and expected
//! values (`E[…]`, `\mathbb{E}`). Sums with an index and transposes are read by `syntax::tensor`.

use super::ast::Span;
use super::parse::Offsets;
use crate::error::{Error, Phase};

enum Kind {
    Product,
    /// `sum` with no index below it.
    Sum,
    Expectation,
}

/// The first piece of unsupported notation in `line`, as an error pointing at it. A line
/// that `read`s notation may hold `\sum` and `\prod`: it names them as notation it does not know.
pub(super) fn check_unsupported(
    line: &str,
    offsets: &Offsets,
    explaining: bool,
) -> Result<(), Error> {
    let Some((kind, start, end)) = find(line, explaining) else {
        return Ok(());
    };
    let typed = match kind {
        Kind::Expectation if line[start..].starts_with('E') => "E[…]",
        _ => &line[start..end],
    };
    let span = Span::new(offsets.chars(start), offsets.chars(end));
    let (message, help) = match kind {
        Kind::Product => (
            format!("{typed} multiplies many terms, and nudge does not work out products over many terms yet"),
            "write the factors out, as in x_1 x_2 x_3, or take logs: a product becomes a sum Σ_i ln(x_i); to hear the formula in words, put read in front",
        ),
        Kind::Sum => (
            format!("{typed} adds up many terms, and nudge needs the index it runs over"),
            "write the index below it, as in sum_{i=1}^{n} x_i or Σ_i x_i",
        ),
        Kind::Expectation => (
            format!("{typed} is an expected value, an average over many samples, which nudge does not work out yet"),
            "write the average out, as in (f(x_1) + f(x_2))/2 with your own f; to hear the formula in words, put read in front",
        ),
    };
    let help = match help.split_once("; to hear") {
        Some((first, _)) if explaining => first,
        _ => help,
    };
    Err(Error::new(Phase::Parsing, message).at(span).with_help(help))
}

/// Where a word starts: not right after a letter, a digit, an underscore or a backslash.
fn word_starts(line: &str, at: usize) -> bool {
    !line[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '\\')
}

fn ends_word(line: &str, at: usize) -> bool {
    !line[at..].starts_with(|c: char| c.is_ascii_alphabetic())
}

/// The kind of unsupported notation first met, with its byte range.
fn find(line: &str, explaining: bool) -> Option<(Kind, usize, usize)> {
    for (i, c) in line.char_indices() {
        let rest = &line[i..];
        let one = i + c.len_utf8();
        match c {
            '∏' => return Some((Kind::Product, i, one)),
            '𝔼' => return Some((Kind::Expectation, i, one)),
            '\\' if !explaining => {
                if rest.starts_with("\\prod") && ends_word(line, i + "\\prod".len()) {
                    return Some((Kind::Product, i, i + "\\prod".len()));
                }
                if rest.starts_with("\\mathbb{E}") {
                    return Some((Kind::Expectation, i, i + "\\mathbb{E}".len()));
                }
            }
            's' | 'p' if word_starts(line, i) => {
                for (word, kind) in [("sum", Kind::Sum), ("prod", Kind::Product)] {
                    if rest.starts_with(word) && ends_word(line, i + word.len()) {
                        return Some((kind, i, i + word.len()));
                    }
                }
            }
            'E' if word_starts(line, i) && line[one..].trim_start().starts_with('[') => {
                return Some((Kind::Expectation, i, one));
            }
            _ => {}
        }
    }
    None
}
