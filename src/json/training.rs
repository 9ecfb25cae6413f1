//! The answers that follow a loss through its named steps: the chain, backprop and descent.

use super::steps::{Step, Steps};
use super::{ascii, names, Named};
use crate::engine::{BackpropAnswer, ChainAnswer, DescentAnswer, Path, Role, Training, Val};
use serde::Serialize;

#[derive(Serialize)]
#[serde(untagged)]
pub enum Fields {
    /// `chain`: `paths` are names from the loss down; `in_steps` is the chain in the steps'
    /// letters (`result` is in plain letters).
    Chain {
        name: String,
        variable: String,
        paths: Vec<Vec<String>>,
        links: Vec<Link>,
        in_steps: String,
        /// The result in a shape papers print (p₁ − y₁ after a softmax).
        #[serde(skip_serializing_if = "Option::is_none")]
        also: Option<super::calculus::Also>,
        #[serde(flatten)]
        steps: Steps,
    },
    /// `backprop`: `nodes` in forward order, `edges` in backward order, `gradients` by
    /// parameter, and `check` (each slope from the whole formula, and whether it agrees).
    Backprop {
        name: String,
        nodes: Vec<Node>,
        edges: Vec<Edge>,
        gradients: Named<Value>,
        check: Vec<Agreement>,
        #[serde(flatten)]
        steps: Steps,
    },
    /// `descent`: `gradient` (the partials), or `backprop` (the loss) when backpropagation
    /// gave them; `runs`, one per rate.
    Descent {
        variables: Vec<String>,
        start: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        gradient: Option<Vec<String>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        backprop: Option<String>,
        max_steps: usize,
        runs: Vec<Run>,
        #[serde(flatten)]
        steps: Steps,
    },
}

/// One local derivative with its working.
#[derive(Serialize)]
pub struct Link {
    step: String,
    input: String,
    formula: String,
    local: String,
    #[serde(flatten)]
    steps: Steps,
}

/// A value at the point: `exact` (a fraction, when it is one) and `value`, its decimal.
#[derive(Serialize)]
pub struct Value {
    #[serde(skip_serializing_if = "Option::is_none")]
    exact: Option<String>,
    value: f64,
}

/// `role` is `given`, `defined` or `step`.
#[derive(Serialize)]
pub struct Node {
    name: String,
    role: &'static str,
    formula: Option<String>,
    value: Value,
    gradient: Value,
}

/// `from` the input `to` the step that uses it.
#[derive(Serialize)]
pub struct Edge {
    from: String,
    to: String,
    local: String,
    local_value: Value,
    from_above: Value,
    product: Value,
}

#[derive(Serialize)]
pub struct Agreement {
    name: String,
    derivative: String,
    value: f64,
    agrees: bool,
}

/// `verdict` is `settled`, `out_of_steps`, `zigzag`, `diverged` or `overshoot`.
#[derive(Serialize)]
pub struct Run {
    rate: String,
    verdict: &'static str,
    iterates: Vec<Iterate>,
}

#[derive(Serialize)]
pub struct Iterate {
    step: usize,
    point: Vec<f64>,
    value: f64,
    gradient: Vec<f64>,
    length: f64,
}

pub fn fields(answer: &Training) -> Fields {
    match answer {
        Training::Chain(chain) => self::chain(chain),
        Training::Backprop(answer) => backprop(answer),
        Training::Descent(answer) => descent(answer),
    }
}

fn chain(chain: &ChainAnswer) -> Fields {
    Fields::Chain {
        name: chain.of.to_string(),
        variable: chain.var.to_string(),
        paths: chain.paths.iter().map(|p| names(p)).collect(),
        links: chain
            .links
            .iter()
            .map(|l| Link {
                step: l.step.to_string(),
                input: l.input.to_string(),
                formula: l.formula.ascii(),
                local: l.local.ascii(),
                steps: Steps::new(vec![Step::of(&l.working)]),
            })
            .collect(),
        in_steps: chain.in_steps.ascii(),
        also: chain.shape.as_ref().map(super::calculus::Also::of),
        steps: Steps::none(),
    }
}

fn value(v: &Val) -> Value {
    Value {
        exact: v.exact.as_ref().map(|e| e.ascii()),
        value: v.approx,
    }
}

fn backprop(answer: &BackpropAnswer) -> Fields {
    Fields::Backprop {
        name: answer.loss.to_string(),
        nodes: answer
            .nodes
            .iter()
            .map(|n| Node {
                name: n.name.to_string(),
                role: match n.role {
                    Role::Given => "given",
                    Role::Set => "defined",
                    Role::Step => "step",
                },
                formula: n.formula.as_ref().map(|f| f.ascii()),
                value: value(&n.value),
                gradient: value(&n.gradient),
            })
            .collect(),
        edges: answer
            .links
            .iter()
            .map(|l| Edge {
                from: l.input.to_string(),
                to: l.step.to_string(),
                local: l.local.ascii(),
                local_value: value(&l.local_at),
                from_above: value(&l.from_above),
                product: value(&l.product),
            })
            .collect(),
        gradients: answer
            .parameters()
            .map(|n| (n.name.to_string(), value(&n.gradient)))
            .collect(),
        check: answer
            .checks
            .iter()
            .map(|c| Agreement {
                name: c.name.to_string(),
                derivative: c.symbolic.ascii(),
                value: c.value,
                agrees: c.agrees,
            })
            .collect(),
        steps: Steps::none(),
    }
}

fn descent(answer: &DescentAnswer) -> Fields {
    let (gradient, backprop) = match (&answer.gradient, &answer.loss) {
        (Some(partials), _) => (Some(ascii(partials)), None),
        (None, loss) => (None, loss.as_ref().map(|l| l.to_string())),
    };
    Fields::Descent {
        variables: names(&answer.vars),
        start: ascii(&answer.start),
        gradient,
        backprop,
        max_steps: answer.steps,
        runs: answer
            .runs
            .iter()
            .map(|run| Run {
                rate: run.rate.ascii(),
                verdict: match run.path {
                    Path::Settled => "settled",
                    Path::OutOfSteps => "out_of_steps",
                    Path::Zigzag => "zigzag",
                    Path::Diverged => "diverged",
                    Path::Overshoot => "overshoot",
                },
                iterates: run
                    .iterates
                    .iter()
                    .map(|it| Iterate {
                        step: it.step,
                        point: it.point.clone(),
                        value: it.value,
                        gradient: it.gradient.clone(),
                        length: it.length,
                    })
                    .collect(),
            })
            .collect(),
        steps: Steps::none(),
    }
}
