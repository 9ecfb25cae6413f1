//! The one error type every phase reports: a message, where in the line, and a hint.

use crate::span::Span;
use std::fmt;

/// Which phase found the problem; renderers use it as a header ("while reading").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Parsing,
    Reading,
    Computing,
}

/// What went wrong, as a stable name a program can match on (JSON's `code`).
///
/// An error made without a kind of its own has its phase's general kind: a line that does
/// not follow the input language is `syntax`, one that cannot be given a meaning is
/// `meaning`, and one that cannot be worked out is `computation`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    Syntax,
    Meaning,
    Computation,
    /// A name used before it was defined (`undef f`, `f(2)` with no `f`).
    UnknownName,
    /// A call of a function nudge does not know and the learner has not defined (`sinn(x)`).
    UnknownFunction,
    /// A fraction whose bottom is 0 as typed (`1/0`, `0^-1`).
    DivisionByZero,
    /// A help page, practice topic or lesson that does not exist.
    UnknownTopic,
    /// A point that does not fit the question: too few values, a letter left in, twice the same.
    BadPoint,
    /// An expression that has no value where it was asked for (`ln(0)`, `1/x at x = 0`).
    NoValue,
    /// A prime on a function of several inputs, which does not say which one to nudge.
    AmbiguousPrime,
    /// A vector where one value is needed, or a value where a vector function is.
    NotAScalar,
    /// A question with no variables to nudge.
    NoVariables,
    /// A direction of length 0.
    ZeroDirection,
    /// An integrand outside the rules nudge teaches.
    NoAntiderivative,
    /// A bound at infinity, or an integrand that blows up between the bounds.
    ImproperIntegral,
    /// An exact area and the numeric one that disagree: the integrand jumps.
    Discontinuous,
    /// A bound that contains the variable of integration.
    BadBound,
    /// More than nudge works with: too long, too many variables, past the largest number.
    TooLarge,
    /// An exercise or expectation that gives no result to compare with.
    NotAnAnswer,
    /// An answer that grew past the work budget (`budget::MAX_PARTS`, memory, time).
    BudgetExceeded,
    /// Two parts whose shapes do not fit: `A x` with A 2×3 and x 2×1.
    ShapeMismatch,
    /// An answer stopped by Ctrl-C (or a newer keystroke, for a preview).
    Cancelled,
}

impl ErrorKind {
    /// The stable snake_case name JSON reports.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "syntax",
            ErrorKind::Meaning => "meaning",
            ErrorKind::Computation => "computation",
            ErrorKind::UnknownName => "unknown_name",
            ErrorKind::UnknownFunction => "unknown_function",
            ErrorKind::DivisionByZero => "division_by_zero",
            ErrorKind::UnknownTopic => "unknown_topic",
            ErrorKind::BadPoint => "bad_point",
            ErrorKind::NoValue => "no_value",
            ErrorKind::AmbiguousPrime => "ambiguous_prime",
            ErrorKind::NotAScalar => "not_a_scalar",
            ErrorKind::NoVariables => "no_variables",
            ErrorKind::ZeroDirection => "zero_direction",
            ErrorKind::NoAntiderivative => "no_antiderivative",
            ErrorKind::ImproperIntegral => "improper_integral",
            ErrorKind::Discontinuous => "discontinuous",
            ErrorKind::BadBound => "bad_bound",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::NotAnAnswer => "not_an_answer",
            ErrorKind::BudgetExceeded => "budget_exceeded",
            ErrorKind::ShapeMismatch => "shape_mismatch",
            ErrorKind::Cancelled => "cancelled",
        }
    }

    /// The general kind of an error found in `phase`.
    fn of_phase(phase: Phase) -> ErrorKind {
        match phase {
            Phase::Parsing => ErrorKind::Syntax,
            Phase::Reading => ErrorKind::Meaning,
            Phase::Computing => ErrorKind::Computation,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub phase: Phase,
    pub kind: ErrorKind,
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
            kind: ErrorKind::of_phase(phase),
            message: message.into(),
            span: None,
            help: None,
        }
    }

    pub fn at(mut self, span: Span) -> Error {
        self.span = Some(span);
        self
    }

    pub fn with_kind(mut self, kind: ErrorKind) -> Error {
        self.kind = kind;
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
