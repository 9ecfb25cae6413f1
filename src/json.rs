//! The JSON Lines contract: exactly one object per query, in order, written from typed structs.
//!
//! A line is `Line`: `input`, `kind`, `reading`, the answer's `result`/`unicode`/`latex`
//! (`Formula`), the fields of its kind (`Fields`, one struct per kind in the family modules),
//! then `notes`. The structs' fields fix the keys and their order; README "JSON output"
//! lists them, and `tests/json_schema.rs` holds the two together.

mod calculus;
mod multivar;
mod seeing;
mod steps;
mod tensor;
mod training;

use crate::engine::{Answer, Outcome};
use crate::engine::{AreaAnswer, DefinedAnswer};
use crate::error::Error;
use crate::expr::Expr;
use crate::present::text::plain_line;
use crate::syntax::{reading_of_statement, Body, Statement};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// The answer as one JSON line.
pub fn render_json(outcome: &Outcome) -> String {
    to_line(&line(outcome))
}

/// A failed query as one JSON line: `{"input", "error": {"code", "message", "start", "end",
/// "help"}}`, the span in character offsets into `input` (the whole line when the error
/// points nowhere).
pub fn render_json_error(input: &str, error: &Error) -> String {
    to_line(&failure(input, error))
}

/// The answer's line, to write or to place inside a larger reply (the browser page's).
pub fn line(outcome: &Outcome) -> impl Serialize + '_ {
    let reading = match (&outcome.statement, &outcome.answer) {
        (Statement::Command(_), _) => None,
        (_, Answer::Notation(n)) => Some(n.shown.clone()),
        (statement, _) => Some(reading_of_statement(statement, true)),
    };
    Line {
        input: &outcome.input,
        kind: outcome.kind(),
        reading,
        head: head(outcome),
        fields: calculus::fields(&outcome.answer),
        notes: outcome
            .notes
            .iter()
            .map(|n| plain_line(&crate::explain::note(n), true))
            .collect(),
    }
}

/// A failed query's line, to write or to place inside a larger reply.
pub fn failure<'a>(input: &'a str, error: &'a Error) -> impl Serialize + 'a {
    let (start, end) = error
        .span
        .map_or((0, input.chars().count()), |s| (s.start, s.end));
    Failed {
        input,
        error: Problem {
            code: error.kind.code(),
            message: &error.message,
            start,
            end,
            help: error.help.as_deref(),
        },
    }
}

fn to_line(line: &impl Serialize) -> String {
    serde_json::to_string(line).unwrap_or_default()
}

#[derive(Serialize)]
struct Failed<'a> {
    input: &'a str,
    error: Problem<'a>,
}

#[derive(Serialize)]
struct Problem<'a> {
    code: &'static str,
    message: &'a str,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

/// One answer's line.
#[derive(Serialize)]
struct Line<'a> {
    input: &'a str,
    kind: &'static str,
    /// How the line was read; commands (`help`, `defs`, …) have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    reading: Option<String>,
    /// The answer's final value, when it has one.
    #[serde(flatten)]
    head: Option<Formula>,
    #[serde(flatten)]
    fields: calculus::Fields,
    /// Remarks on the reading, in words with Unicode maths.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
}

/// `result` (ASCII that nudge reads back to an equal expression), `unicode`, `latex`.
#[derive(Serialize)]
pub struct Formula {
    result: String,
    unicode: String,
    latex: String,
}

impl Formula {
    pub fn of(e: &Expr) -> Formula {
        Formula {
            result: e.ascii(),
            unicode: e.unicode(),
            latex: e.latex(),
        }
    }
}

fn head(outcome: &Outcome) -> Option<Formula> {
    match &outcome.answer {
        Answer::Defined(DefinedAnswer { definition, .. }) => {
            let body = &definition.body;
            let latex = match body {
                Body::Scalar(e) => e.latex(),
                Body::Vector(entries) => point_latex(entries.iter().map(Expr::latex)),
            };
            Some(Formula {
                result: body.text(Expr::ascii),
                unicode: body.text(Expr::unicode),
                latex,
            })
        }
        Answer::DefiniteIntegral(AreaAnswer {
            exact: None,
            numeric: Some(n),
            result,
            ..
        }) => {
            // Only a numeric value: written as the decimal it is, which reads back exactly.
            let decimal = n.estimate.value.to_string();
            Some(Formula {
                result: decimal.clone(),
                unicode: decimal,
                latex: result.latex(),
            })
        }
        Answer::Multivar(m) => Some(multivar::head(m)),
        Answer::Tensor(t) => tensor::head(t),
        _ => outcome.result().map(Formula::of),
    }
}

/// `\left(a, b\right)`: a point or a vector written across.
fn point_latex(entries: impl Iterator<Item = String>) -> String {
    format!("\\left({}\\right)", entries.collect::<Vec<_>>().join(", "))
}

/// An object whose keys are names the learner chose (a point's variables, shapes by name).
pub struct Named<T>(Vec<(String, T)>);

impl<T> FromIterator<(String, T)> for Named<T> {
    fn from_iter<I: IntoIterator<Item = (String, T)>>(pairs: I) -> Self {
        Named(pairs.into_iter().collect())
    }
}

impl<T: Serialize> Serialize for Named<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Every entry in ASCII that nudge reads back.
fn ascii(entries: &[Expr]) -> Vec<String> {
    entries.iter().map(Expr::ascii).collect()
}

/// Names as strings.
fn names(vars: &[crate::expr::Symbol]) -> Vec<String> {
    vars.iter().map(|v| v.to_string()).collect()
}
