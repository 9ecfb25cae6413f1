//! JSON fields of the answers that follow a loss through its named steps.

use super::json::step_json;
use super::prune::{prune, Limits};
use crate::engine::{BackpropAnswer, ChainAnswer, DescentAnswer, Path, Role, Training, Val};
use serde_json::{json, Map, Value};

pub fn fill(obj: &mut Map<String, Value>, answer: &Training) {
    match answer {
        Training::Chain(chain) => chain_fields(obj, chain),
        Training::Backprop(answer) => backprop_fields(obj, answer),
        Training::Descent(answer) => descent_fields(obj, answer),
    }
}

/// `name`, `variable`, `paths` (names from the loss down), `links` (each local derivative with
/// its working), `in_steps` (the chain in the steps' letters); `result` is in plain letters.
fn chain_fields(obj: &mut Map<String, Value>, chain: &ChainAnswer) {
    obj.insert("name".into(), json!(&*chain.of));
    obj.insert("variable".into(), json!(&*chain.var));
    let paths: Vec<Vec<&str>> = chain
        .paths
        .iter()
        .map(|p| p.iter().map(|s| &**s).collect())
        .collect();
    obj.insert("paths".into(), json!(paths));
    let links: Vec<Value> = chain
        .links
        .iter()
        .map(|l| {
            json!({
                "step": &*l.step,
                "input": &*l.input,
                "formula": l.formula.ascii(),
                "local": l.local.ascii(),
                "steps": [step_json(&prune(&l.working, Limits::JSON))],
            })
        })
        .collect();
    obj.insert("links".into(), json!(links));
    obj.insert("in_steps".into(), json!(chain.in_steps.ascii()));
    if let Some(known) = &chain.shape {
        obj.insert("also".into(), super::json::also_json(known));
    }
    obj.insert("steps".into(), json!([]));
}

/// A value at the point: `exact` (a fraction, when it is one) and `value`, its decimal.
fn val(v: &Val) -> Value {
    match &v.exact {
        Some(e) => json!({ "exact": e.ascii(), "value": v.approx }),
        None => json!({ "value": v.approx }),
    }
}

/// `name` (the loss), `nodes` in forward order (`name`, `role`, `formula`, `value`,
/// `gradient`), `edges` in backward order (`from` the input `to` the step that uses it, with
/// `local`, `local_value`, `from_above`, `product`), `gradients` by parameter, and `check`
/// (each parameter's slope from the whole formula, and whether it agrees).
fn backprop_fields(obj: &mut Map<String, Value>, answer: &BackpropAnswer) {
    obj.insert("name".into(), json!(&*answer.loss));
    let nodes: Vec<Value> = answer
        .nodes
        .iter()
        .map(|n| {
            let role = match n.role {
                Role::Given => "given",
                Role::Set => "defined",
                Role::Step => "step",
            };
            json!({
                "name": &*n.name,
                "role": role,
                "formula": n.formula.as_ref().map(|f| f.ascii()),
                "value": val(&n.value),
                "gradient": val(&n.gradient),
            })
        })
        .collect();
    obj.insert("nodes".into(), json!(nodes));
    let edges: Vec<Value> = answer
        .links
        .iter()
        .map(|l| {
            json!({
                "from": &*l.input,
                "to": &*l.step,
                "local": l.local.ascii(),
                "local_value": val(&l.local_at),
                "from_above": val(&l.from_above),
                "product": val(&l.product),
            })
        })
        .collect();
    obj.insert("edges".into(), json!(edges));
    let gradients: Map<String, Value> = answer
        .parameters()
        .map(|n| (n.name.to_string(), val(&n.gradient)))
        .collect();
    obj.insert("gradients".into(), Value::Object(gradients));
    let check: Vec<Value> = answer
        .checks
        .iter()
        .map(|c| {
            json!({
                "name": &*c.name,
                "derivative": c.symbolic.ascii(),
                "value": c.value,
                "agrees": c.agrees,
            })
        })
        .collect();
    obj.insert("check".into(), json!(check));
    obj.insert("steps".into(), json!([]));
}

/// `variables`, `start`, `gradient` (the partials, or `"backprop": L` when backpropagation gave
/// them), `steps` asked, and `runs`: per rate, `rate`, `verdict` (`settled`, `out_of_steps`,
/// `zigzag`, `diverged`, `overshoot`) and `iterates` (`step`, `point`, `value`, `gradient`, `length`).
fn descent_fields(obj: &mut Map<String, Value>, answer: &DescentAnswer) {
    let vars: Vec<&str> = answer.vars.iter().map(|v| &**v).collect();
    obj.insert("variables".into(), json!(vars));
    let start: Vec<String> = answer.start.iter().map(|e| e.ascii()).collect();
    obj.insert("start".into(), json!(start));
    match (&answer.gradient, &answer.loss) {
        (Some(partials), _) => {
            let shown: Vec<String> = partials.iter().map(|p| p.ascii()).collect();
            obj.insert("gradient".into(), json!(shown));
        }
        (None, Some(loss)) => {
            obj.insert("backprop".into(), json!(&**loss));
        }
        (None, None) => {}
    }
    obj.insert("max_steps".into(), json!(answer.steps));
    let runs: Vec<Value> = answer
        .runs
        .iter()
        .map(|run| {
            let verdict = match run.path {
                Path::Settled => "settled",
                Path::OutOfSteps => "out_of_steps",
                Path::Zigzag => "zigzag",
                Path::Diverged => "diverged",
                Path::Overshoot => "overshoot",
            };
            let iterates: Vec<Value> = run
                .iterates
                .iter()
                .map(|it| {
                    json!({
                        "step": it.step,
                        "point": it.point,
                        "value": finite(it.value),
                        "gradient": it.gradient.iter().map(|g| finite(*g)).collect::<Vec<_>>(),
                        "length": finite(it.length),
                    })
                })
                .collect();
            json!({ "rate": run.rate.ascii(), "verdict": verdict, "iterates": iterates })
        })
        .collect();
    obj.insert("runs".into(), json!(runs));
    obj.insert("steps".into(), json!([]));
}

/// A number JSON can hold: null past what a double holds.
fn finite(v: f64) -> Value {
    if v.is_finite() {
        json!(v)
    } else {
        Value::Null
    }
}
