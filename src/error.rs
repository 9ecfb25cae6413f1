//! The one error type every phase reports: a message, where in the line, and a hint.

use crate::syntax::Span;
use std::fmt;

/// Which phase found the problem; renderers use it as a header ("while reading").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Parsing,
    Reading,
    Computing,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub phase: Phase,
    pub message: String,
    /// Character offsets in the input line, when the problem has a place.
    pub span: Option<Span>,
    /// A suggestion: "did you mean 'sin'?", "write x^(-1/2)".
    pub help: Option<String>,
}

impl Error {
    pub fn new(phase: Phase, message: impl Into<String>) -> Error {
        Error {
            phase,
            message: message.into(),
            span: None,
            help: None,
        }
    }

    pub fn at(mut self, span: Span) -> Error {
        self.span = Some(span);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Error {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// `1 coordinate`, `3 coordinates`: a count in an error message.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Levenshtein distance, for "did you mean".
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(previous + 1);
        }
    }
    row[b.len()]
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = if word.chars().count() <= 4 { 1 } else { 2 };
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_function() {
        assert_eq!(closest("sinn", ["sin", "cos", "sinh"]), Some("sin"));
        assert_eq!(closest("coss", ["sin", "cos"]), Some("cos"));
        assert_eq!(closest("loss", ["sin", "cos", "ln"]), None);
    }
}
