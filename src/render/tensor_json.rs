//! The JSON fields of answers with sums, vectors and matrices: each result as ASCII that
//! nudge reads back, Unicode and LaTeX, with its shape and the shape of every name.

use super::json::step_json;
use super::prune::{prune, Limits};
use crate::expr::Symbol;
use crate::tensor::{latex, text, IdentityStep, Shape, SumWay, Tensor, TensorAnswer};
use serde_json::{json, Map, Value};

pub(super) fn fill(obj: &mut Map<String, Value>, answer: &TensorAnswer) {
    match answer {
        TensorAnswer::Declared(ds) => {
            let list: Vec<Value> = ds
                .iter()
                .map(|d| {
                    json!({
                        "name": &*d.name,
                        "shape": shape(&d.shape),
                        "symmetric": d.symmetric,
                    })
                })
                .collect();
            obj.insert("declared".into(), Value::Array(list));
        }
        TensorAnswer::Read(found) => {
            let explained: Vec<Value> = found
                .iter()
                .map(|f| {
                    let (title, meaning) = crate::explain::tensor_read::words(f);
                    json!({
                        "notation": text(&f.part, true),
                        "shape": f.notation.id(),
                        "title": title,
                        "meaning": meaning,
                        "size": shape(&f.shape),
                    })
                })
                .collect();
            obj.insert("explanations".into(), Value::Array(explained));
            obj.insert("steps".into(), json!([]));
        }
        TensorAnswer::Shaped(s) => {
            result(obj, &s.expr);
            obj.insert("shape".into(), shape(&s.shape));
            obj.insert("shapes".into(), shapes(&s.shapes));
        }
        TensorAnswer::Gradient(parts) => {
            let tuple = |unicode: bool| {
                let shown: Vec<String> = parts.iter().map(|s| text(&s.result, unicode)).collect();
                format!("({})", shown.join(", "))
            };
            obj.insert("result".into(), json!(tuple(false)));
            obj.insert("unicode".into(), json!(tuple(true)));
            let latex_parts: Vec<String> = parts.iter().map(|s| latex(&s.result)).collect();
            obj.insert(
                "latex".into(),
                json!(format!("\\left({}\\right)", latex_parts.join(", "))),
            );
            let each: Vec<Value> = parts
                .iter()
                .map(|s| {
                    let mut one = Map::new();
                    fill(&mut one, &TensorAnswer::Sum(s.clone()));
                    Value::Object(one)
                })
                .collect();
            obj.insert("gradient".into(), Value::Array(each));
        }
        TensorAnswer::Sum(s) => {
            result(obj, &s.result);
            obj.insert("variable".into(), json!(&*s.var));
            let (method, steps): (&str, Vec<Value>) = match &s.way {
                SumWay::Expanded { written, steps } => {
                    obj.insert("written_out".into(), json!(written.ascii()));
                    ("written_out", vec![step_json(&prune(steps, Limits::JSON))])
                }
                SumWay::Linear(terms) => (
                    "linearity",
                    terms
                        .iter()
                        .map(|t| step_json(&prune(&t.steps, Limits::JSON)))
                        .collect(),
                ),
            };
            obj.insert("method".into(), json!(method));
            obj.insert("steps".into(), Value::Array(steps));
        }
        TensorAnswer::Identity(a) => {
            result(obj, &a.result);
            obj.insert("variable".into(), json!(&*a.var));
            obj.insert(
                "layout".into(),
                json!(if a.jacobian { "jacobian" } else { "gradient" }),
            );
            obj.insert("shape".into(), shape(&a.result_shape));
            obj.insert("shapes".into(), shapes(&a.shapes));
            obj.insert("steps".into(), Value::Array(vec![identity_step(&a.steps)]));
            if let Some(route) = &a.by_entries {
                let grid = |g: &crate::tensor::Grid| -> Value {
                    g.iter()
                        .map(|row| row.iter().map(|e| e.ascii()).collect::<Vec<_>>())
                        .collect::<Vec<_>>()
                        .into()
                };
                let mut written = Map::new();
                for (n, g) in &route.written {
                    written.insert(n.to_string(), grid(g));
                }
                obj.insert(
                    "by_entries".into(),
                    json!({
                        "written": written,
                        "slopes": grid(&route.slopes),
                        "identity": grid(&route.identity),
                        "agree": route.agree,
                    }),
                );
            }
        }
    }
}

fn result(obj: &mut Map<String, Value>, t: &Tensor) {
    obj.insert("result".into(), json!(text(t, false)));
    obj.insert("unicode".into(), json!(text(t, true)));
    obj.insert("latex".into(), json!(latex(t)));
}

fn shape(s: &Shape) -> Value {
    json!({ "rows": s.rows.to_string(), "cols": s.cols.to_string() })
}

fn shapes(list: &[(Symbol, Shape)]) -> Value {
    let mut map = Map::new();
    for (n, s) in list {
        map.insert(n.to_string(), shape(s));
    }
    Value::Object(map)
}

fn identity_step(step: &IdentityStep) -> Value {
    json!({
        "rule": step.rule.id(),
        "part": text(&step.part, false),
        "shape": shape(&step.shape),
        "slope": text(&step.slope, false),
        "substeps": step.substeps.iter().map(identity_step).collect::<Vec<_>>(),
    })
}
