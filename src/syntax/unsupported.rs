//! Notation nudge does not compute yet, found before the grammar so that it is never read
//! as letters or powers: sums and products over many terms (Σ, `\sum`, `sum_i`), expected
//! values (`E[…]`, `\mathbb{E}`) and transposes (`xᵀ`, `x^T`, `x^\top`).

use super::ast::Span;
use super::parse::Offsets;
use crate::error::{Error, Phase};

enum Kind {
    Sum,
    Expectation,
    Transpose,
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
        Kind::Sum => (
            format!("{typed} adds up (or multiplies) many terms, and nudge does not work out sums yet"),
            "write the terms out and differentiate that, as in d/dw ((y_1 - w x_1)^2 + (y_2 - w x_2)^2); to hear the formula in words, put read in front",
        ),
        Kind::Expectation => (
            format!("{typed} is an expected value, an average over many samples, which nudge does not work out yet"),
            "write the average out, as in (f(x_1) + f(x_2))/2 with your own f; to hear the formula in words, put read in front",
        ),
        Kind::Transpose => (
            format!("{typed} is a transpose (a vector or matrix turned on its side), not a power: nudge does not have vectors and matrices inside formulas yet"),
            "write the product out by entries, as in a x_1^2 + 2b x_1 x_2 + c x_2^2; for the power T write x^(T)",
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

fn continues_name(line: &str, at: usize) -> bool {
    line[at..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
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
            'Σ' | '∑' | '∏' => return Some((Kind::Sum, i, one)),
            'ᵀ' => return Some((Kind::Transpose, i, one)),
            '𝔼' => return Some((Kind::Expectation, i, one)),
            '\\' if !explaining => {
                for word in ["\\sum", "\\prod"] {
                    if rest.starts_with(word) && ends_word(line, i + word.len()) {
                        return Some((Kind::Sum, i, i + word.len()));
                    }
                }
                if rest.starts_with("\\mathbb{E}") {
                    return Some((Kind::Expectation, i, i + "\\mathbb{E}".len()));
                }
            }
            's' | 'p' if word_starts(line, i) => {
                for word in ["sum", "prod"] {
                    if rest.starts_with(word) && ends_word(line, i + word.len()) {
                        return Some((Kind::Sum, i, i + word.len()));
                    }
                }
            }
            'E' if word_starts(line, i) && line[one..].trim_start().starts_with('[') => {
                return Some((Kind::Expectation, i, one));
            }
            '^' => {
                for mark in ["^\\top", "^{\\top}", "^\\intercal", "^{\\intercal}"] {
                    if rest.starts_with(mark) && ends_word(line, i + mark.len()) {
                        return Some((Kind::Transpose, i, i + mark.len()));
                    }
                }
                // x^T and \mathbf{x}^T transpose; e^T, 2^T and (1 + r)^T are powers.
                let letter_base = line[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|b| b.is_alphabetic() && b != 'e' || b == '}');
                for mark in ["^T", "^{T}"] {
                    let after = i + mark.len();
                    if letter_base && rest.starts_with(mark) && !continues_name(line, after) {
                        return Some((Kind::Transpose, i, after));
                    }
                }
            }
            _ => {}
        }
    }
    None
}
