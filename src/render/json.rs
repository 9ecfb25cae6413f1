//! The JSON Lines contract: exactly one object per query, in order.

use super::catalogue::note;
use super::prune::{prune, Limits, Shown};
use crate::engine::{Answer, Outcome};
use crate::error::Error;
use crate::expr::Style;
use serde_json::{json, Map, Value};

/// Longest expression written inside a JSON step, in characters.
const STEP_BUDGET: usize = 4000;

pub fn render_json(outcome: &Outcome) -> String {
    let mut obj = Map::new();
    obj.insert("input".into(), json!(outcome.input));
    obj.insert("kind".into(), json!(outcome.kind()));
    obj.insert(
        "reading".into(),
        json!(crate::syntax::reading_of_statement(
            &outcome.statement,
            true
        )),
    );
    if let Some(result) = outcome.result() {
        obj.insert("result".into(), json!(result.ascii()));
        obj.insert("unicode".into(), json!(result.unicode()));
    }
    match &outcome.answer {
        Answer::Derivative {
            steps, var, order, ..
        } => {
            obj.insert("variable".into(), json!(&**var));
            obj.insert("order".into(), json!(order));
            let list: Vec<Value> = steps
                .iter()
                .map(|s| step_json(&prune(s, Limits::JSON)))
                .collect();
            obj.insert("steps".into(), Value::Array(list));
        }
        Answer::Expression { value, .. } => {
            if let Some(v) = value.filter(|v| v.is_finite()) {
                obj.insert("value".into(), json!(v));
            }
            obj.insert("steps".into(), json!([]));
        }
        Answer::Seeing(answer) => super::seeing_json::fill(&mut obj, answer),
    }
    if !outcome.notes.is_empty() {
        let notes: Vec<&str> = outcome.notes.iter().map(|n| n.message.as_str()).collect();
        obj.insert("notes".into(), json!(notes));
    }
    Value::Object(obj).to_string()
}

pub(super) fn step_json(shown: &Shown) -> Value {
    match shown {
        Shown::Elided(e) => json!({
            "rule": "elided",
            "before": "",
            "after": "",
            "note": e.describe(),
            "substeps": [],
        }),
        Shown::Step { step, children } => {
            let budget = Style::ASCII.with_budget(STEP_BUDGET);
            json!({
                "rule": step.rule.id(),
                "before": step.before.to_text(budget),
                "after": step.after.to_text(budget),
                "note": note(step, Style::UNICODE),
                "substeps": children.iter().map(step_json).collect::<Vec<_>>(),
            })
        }
    }
}

/// A failed query: the message and where in the input it points (character offsets).
pub fn render_json_error(input: &str, error: &Error) -> String {
    let len = input.chars().count();
    let (start, end) = error.span.map_or((0, len), |s| (s.start, s.end));
    let mut err = Map::new();
    err.insert("message".into(), json!(error.message));
    err.insert("start".into(), json!(start));
    err.insert("end".into(), json!(end));
    if let Some(h) = &error.help {
        err.insert("help".into(), json!(h));
    }
    json!({ "input": input, "error": Value::Object(err) }).to_string()
}
