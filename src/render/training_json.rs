//! JSON fields of the answers that follow a loss through its named steps.

use super::json::step_json;
use super::prune::{prune, Limits};
use crate::engine::{ChainAnswer, Training};
use serde_json::{json, Map, Value};

pub fn fill(obj: &mut Map<String, Value>, answer: &Training) {
    match answer {
        Training::Chain(chain) => chain_fields(obj, chain),
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
    obj.insert("steps".into(), json!([]));
}
