//! The JSON Lines contract: exactly one object per query, in order.

use super::catalogue::note;
use super::help;
use super::latex::{body_latex, step_latex};
use super::notation::{shape_id, words};
use super::note_text;
use super::prune::{prune, Limits, Shown};
use crate::calculus::{Check, CheckMethod, Detail, Rule};
use crate::engine::checking::{Checked, Judged};
use crate::engine::{Answer, Definition, Outcome, Tutor};
use crate::error::Error;
use crate::explain::integral::constant_name;
use crate::expr::{Expr, Style};
use crate::present::{self, Plain};
use crate::syntax::{Body, Statement};
use serde_json::{json, Map, Value};

/// Longest expression written inside a JSON step, in characters.
const STEP_BUDGET: usize = 4000;
/// Largest `steps` list written, in bytes of JSON: a larger one is left out, and the answer
/// says so with `"steps_omitted": true`, so that a line stays a size a program can take in.
const STEPS_BYTES: usize = 1 << 20;

pub fn render_json(outcome: &Outcome) -> String {
    let mut obj = Map::new();
    obj.insert("input".into(), json!(outcome.input));
    obj.insert("kind".into(), json!(outcome.kind()));
    if !matches!(outcome.statement, Statement::Command(_)) {
        let reading = match &outcome.answer {
            Answer::Notation(n) => n.shown.clone(),
            _ => crate::syntax::reading_of_statement(&outcome.statement, true),
        };
        obj.insert("reading".into(), json!(reading));
    }
    if let Answer::Defined { definition, .. } = &outcome.answer {
        obj.insert("result".into(), json!(definition.body.text(Expr::ascii)));
        obj.insert("unicode".into(), json!(definition.body.text(Expr::unicode)));
        obj.insert("latex".into(), json!(body_latex(&definition.body)));
    } else if let Some(result) = outcome.result() {
        obj.insert("result".into(), json!(result.ascii()));
        obj.insert("unicode".into(), json!(result.unicode()));
        obj.insert("latex".into(), json!(result.latex()));
    }
    answer_fields(&outcome.answer, &mut obj);
    if !outcome.notes.is_empty() {
        let notes: Vec<String> = outcome.notes.iter().map(|n| note_text(n, true)).collect();
        obj.insert("notes".into(), json!(notes));
    }
    omit_large_steps(&mut obj);
    Value::Object(obj).to_string()
}

/// Empties every `steps` list, at any depth, whose JSON passes `STEPS_BYTES`, and marks it.
fn omit_large_steps(obj: &mut Map<String, Value>) {
    if obj.get("steps").is_some_and(|s| json_len(s) > STEPS_BYTES) {
        obj.insert("steps".into(), json!([]));
        obj.insert("steps_omitted".into(), json!(true));
    }
    for value in obj.values_mut() {
        match value {
            Value::Object(inner) => omit_large_steps(inner),
            Value::Array(items) => {
                for item in items {
                    if let Value::Object(inner) = item {
                        omit_large_steps(inner);
                    }
                }
            }
            _ => {}
        }
    }
}

/// How many bytes `value` takes as JSON, without keeping the text.
fn json_len(value: &Value) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0 += bytes.len();
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    let _ = serde_json::to_writer(&mut count, value);
    count.0
}

fn answer_fields(answer: &Answer, obj: &mut Map<String, Value>) {
    match answer {
        Answer::Derivative {
            steps,
            var,
            order,
            partial,
            named,
            ..
        } => {
            obj.insert("variable".into(), json!(&**var));
            obj.insert("order".into(), json!(order));
            if let Some(n) = named {
                obj.insert("name".into(), json!(&**n.name()));
            }
            if let Some(reading) = super::readings::time(var, *order).filter(|_| !partial) {
                obj.insert("meaning".into(), json!(reading));
            }
            let list: Vec<Value> = steps
                .iter()
                .map(|s| step_json(&prune(s, Limits::JSON)))
                .collect();
            obj.insert("steps".into(), Value::Array(list));
            if let Some(Detail::Shape(known)) = steps.last().map(|s| &s.detail) {
                obj.insert("also".into(), also_json(known));
            }
        }
        Answer::Notation(reading) => {
            let explained: Vec<Value> = reading
                .shapes
                .iter()
                .map(|e| {
                    let w = words(&e.shape);
                    json!({
                        "notation": e.shown,
                        "shape": shape_id(&e.shape),
                        "title": w.title,
                        "meaning": w.meaning,
                    })
                })
                .collect();
            obj.insert("explanations".into(), Value::Array(explained));
            obj.insert("steps".into(), json!([]));
        }
        Answer::Expression { value, .. } => {
            if let Some(v) = value.filter(|v| v.is_finite()) {
                obj.insert("value".into(), json!(v));
            }
            obj.insert("steps".into(), json!([]));
        }
        Answer::AtPoint {
            inner,
            point,
            value,
            ..
        } => {
            answer_fields(inner, obj);
            let at: Map<String, Value> = point
                .iter()
                .map(|(v, e)| (v.to_string(), json!(e.ascii())))
                .collect();
            obj.insert("at".into(), Value::Object(at));
            if let Some(v) = value {
                obj.insert("value".into(), json!(v));
            }
        }
        Answer::Defined { definition, .. } | Answer::Forgotten(definition) => {
            definition_fields(definition, obj);
        }
        Answer::Definitions(defs) => {
            let list: Vec<Value> = defs
                .iter()
                .map(|d| {
                    let mut m = Map::new();
                    definition_fields(d, &mut m);
                    m.insert("result".into(), json!(d.body.text(Expr::ascii)));
                    Value::Object(m)
                })
                .collect();
            obj.insert("definitions".into(), Value::Array(list));
        }
        Answer::Help(page) => {
            let doc = help::help(*page);
            obj.insert(
                "text".into(),
                json!(present::text(&doc, true, false, &Plain)),
            );
        }
        Answer::Reset | Answer::Quit | Answer::Tutor(Tutor::List) => {}
        Answer::Check(checked) => check_fields(checked, obj),
        Answer::Tutor(Tutor::Lesson(n)) => {
            obj.insert("lesson".into(), json!(n));
        }
        Answer::Tutor(Tutor::Practice(topic)) => {
            obj.insert("topic".into(), json!(topic.name()));
        }
        Answer::Seeing(answer) => super::seeing_json::fill(obj, answer),
        Answer::Integral {
            var,
            steps,
            check,
            constant,
            ..
        } => {
            obj.insert("variable".into(), json!(&**var));
            obj.insert("constant".into(), json!(constant_name(*constant, false)));
            obj.insert("check".into(), check_json(check));
            let list = vec![step_json(&prune(steps, Limits::JSON))];
            obj.insert("steps".into(), Value::Array(list));
        }
        Answer::DefiniteIntegral {
            var,
            lower,
            upper,
            exact,
            value,
            numeric,
            ..
        } => {
            obj.insert("variable".into(), json!(&**var));
            obj.insert("lower".into(), json!(lower.ascii()));
            obj.insert("upper".into(), json!(upper.ascii()));
            obj.insert("exact".into(), json!(exact.is_some()));
            if let (None, Some(n)) = (exact, numeric) {
                // Only a numeric value: written as the decimal it is, which reads back exactly.
                obj.insert("result".into(), json!(n.estimate.value.to_string()));
                obj.insert("unicode".into(), json!(n.estimate.value.to_string()));
            }
            if let Some(v) = value.filter(|v| v.is_finite()) {
                obj.insert("value".into(), json!(v));
            }
            if let Some(n) = numeric.filter(|n| n.estimate.value.is_finite()) {
                obj.insert("numeric".into(), json!(n.estimate.value));
                obj.insert("numeric_error".into(), json!(n.estimate.error));
                obj.insert("numeric_reliable".into(), json!(n.reliable));
            }
            let mut list = Vec::new();
            if let Some(e) = exact {
                obj.insert("check".into(), check_json(&e.check));
                list.push(step_json(&prune(&e.antiderivative, Limits::JSON)));
                list.push(step_json(&prune(&e.theorem, Limits::JSON)));
            }
            obj.insert("steps".into(), Value::Array(list));
        }
        Answer::Multivar(answer) => super::multivar_json::fill(obj, answer),
        Answer::Tensor(answer) => super::tensor_json::fill(obj, answer),
        Answer::Training(answer) => super::training_json::fill(obj, answer),
    }
}

fn definition_fields(def: &Definition, obj: &mut Map<String, Value>) {
    obj.insert("name".into(), json!(&*def.name));
    let params: Vec<&str> = def.params.iter().map(|p| &**p).collect();
    obj.insert("params".into(), json!(params));
    if let Body::Vector(components) = &def.body {
        let shown: Vec<String> = components.iter().map(Expr::ascii).collect();
        obj.insert("components".into(), json!(shown));
    }
}

/// How an antiderivative was checked: its derivative, and whether exactly or at sample points.
fn check_json(check: &Check) -> Value {
    let method = match check.method {
        CheckMethod::Exact => "exact",
        CheckMethod::Numeric { .. } => "numeric",
    };
    json!({ "derivative": check.derivative.ascii(), "method": method })
}

pub(super) fn step_json(shown: &Shown) -> Value {
    step_json_in(shown, false)
}

/// A step and its substeps; `partial` once inside a partial derivative.
fn step_json_in(shown: &Shown, partial: bool) -> Value {
    match shown {
        Shown::Elided(e) => json!({
            "rule": "elided",
            "before": "",
            "after": "",
            "note": e.describe(),
            "latex": "",
            "substeps": [],
        }),
        Shown::Step { step, children } => {
            let budget = Style::ASCII.with_budget(STEP_BUDGET);
            json!({
                "rule": step.rule.id(),
                "before": step.before.to_text(budget),
                "after": step.after.to_text(budget),
                "note": note(step, Style::UNICODE),
                "latex": step_latex(step, partial),
                "substeps": children
                    .iter()
                    .map(|c| step_json_in(c, partial || step.rule == Rule::Partial))
                    .collect::<Vec<_>>(),
            })
        }
    }
}

/// A failed query: the message and where in the input it points (character offsets).
pub fn render_json_error(input: &str, error: &Error) -> String {
    let len = input.chars().count();
    let (start, end) = error.span.map_or((0, len), |s| (s.start, s.end));
    let mut err = Map::new();
    err.insert("code".into(), json!(error.kind.code()));
    err.insert("message".into(), json!(error.message));
    err.insert("start".into(), json!(start));
    err.insert("end".into(), json!(end));
    if let Some(h) = &error.help {
        err.insert("help".into(), json!(h));
    }
    json!({ "input": input, "error": Value::Object(err) }).to_string()
}

/// `check`: whether the answer is right, both sides, and why not when it is not.
fn check_fields(checked: &Checked, obj: &mut Map<String, Value>) {
    let right = match &checked.judged {
        Judged::Right => json!(true),
        Judged::Wrong { .. } => json!(false),
        Judged::CannotTell => Value::Null,
    };
    obj.insert("right".into(), right);
    obj.insert("given".into(), json!(checked.given.ascii()));
    obj.insert("expected".into(), json!(checked.expected.ascii()));
    if let Some(hint) = crate::explain::checking::hint(checked, Style::UNICODE) {
        obj.insert("hint".into(), json!(hint));
    }
    if let Judged::Wrong {
        witness: Some(w), ..
    } = &checked.judged
    {
        let point: Map<String, Value> = w
            .point
            .iter()
            .map(|(v, x)| (v.to_string(), json!(x)))
            .collect();
        obj.insert(
            "witness".into(),
            json!({"point": point, "expected": w.expected, "given": w.given}),
        );
    }
}

/// A result's shape papers print: `shape`, the form as `result`, `unicode` and `latex`; for a
/// softmax shape also `softmax` (`letter`, `inputs`) and `given` (a sum that must be 1).
pub(super) fn also_json(known: &crate::calculus::Known) -> Value {
    let mut also = json!({
        "shape": known.shape.id(),
        "result": known.form.ascii(),
        "unicode": known.form.unicode(),
        "latex": known.form.latex(),
    });
    if let Some(s) = &known.softmax {
        let inputs: Vec<String> = s.inputs.iter().map(Expr::ascii).collect();
        also["softmax"] = json!({ "letter": &*s.letter, "inputs": inputs });
    }
    if let Some(sum) = &known.given {
        also["given"] = json!(format!("{} = 1", sum.ascii()));
    }
    also
}
