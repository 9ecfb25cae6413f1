//! Backpropagation through the named steps: a forward pass that values every step at a point,
//! and a backward pass that hands each step's gradient down to its inputs, link by link.

use super::graph::Graph;
use crate::calculus::derive;
use crate::error::{Error, ErrorKind, Phase};
use crate::expr::{eval, substitute_all, Expr, Symbol};
use std::collections::HashMap;

/// A number worked out at the point: exact when it is a fraction, and as a decimal.
#[derive(Clone, Debug, PartialEq)]
pub struct Val {
    pub exact: Option<Expr>,
    pub approx: f64,
}

impl Val {
    fn of(exact: Expr, approx: f64) -> Val {
        Val {
            exact: exact.as_number().map(|_| exact.clone()),
            approx,
        }
    }

    fn times(&self, other: &Val) -> Val {
        match (&self.exact, &other.exact) {
            (Some(a), Some(b)) => Val::of(
                Expr::mul(vec![a.clone(), b.clone()]),
                self.approx * other.approx,
            ),
            _ => Val {
                exact: None,
                approx: self.approx * other.approx,
            },
        }
    }

    fn plus(&self, other: &Val) -> Val {
        match (&self.exact, &other.exact) {
            (Some(a), Some(b)) => Val::of(
                Expr::add(vec![a.clone(), b.clone()]),
                self.approx + other.approx,
            ),
            _ => Val {
                exact: None,
                approx: self.approx + other.approx,
            },
        }
    }

    fn one() -> Val {
        Val::of(Expr::one(), 1.0)
    }
}

/// Where a node's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A plain letter, given its value at the point.
    Given,
    /// A name defined as a number (`w = 0.5`).
    Set,
    /// A named step worked out from its formula.
    Step,
}

/// One node of the graph: its formula (for a step or a set number), value and gradient.
#[derive(Clone, Debug)]
pub struct BackpropNode {
    pub name: Symbol,
    pub role: Role,
    pub formula: Option<Expr>,
    pub value: Val,
    /// ∂loss/∂node: how much the loss moves per unit nudge of this node.
    pub gradient: Val,
}

/// One link of the backward pass: `step` hands its gradient down to `input`.
#[derive(Clone, Debug)]
pub struct BackLink {
    pub step: Symbol,
    pub input: Symbol,
    /// ∂step/∂input as a formula, and its value at the point.
    pub local: Expr,
    pub local_at: Val,
    /// ∂loss/∂step, arriving from above.
    pub from_above: Val,
    /// local × from above: this link's share of ∂loss/∂input.
    pub product: Val,
}

/// A parameter's gradient beside the same slope from differentiating the whole formula.
#[derive(Clone, Debug)]
pub struct Agreement {
    pub name: Symbol,
    /// ∂loss/∂name from the whole formula, every step put in place.
    pub symbolic: Expr,
    pub value: f64,
    pub agrees: bool,
}

/// The forward pass, the backward pass and the check, for one loss at one point.
#[derive(Clone, Debug)]
pub struct BackpropAnswer {
    pub loss: Symbol,
    /// Inputs before the steps that use them; the loss last.
    pub nodes: Vec<BackpropNode>,
    /// From the loss down: every step's links, in the order the backward pass takes them.
    pub links: Vec<BackLink>,
    /// One per parameter (a given letter or a set number), in forward order.
    pub checks: Vec<Agreement>,
}

impl BackpropAnswer {
    pub fn node(&self, name: &str) -> Option<&BackpropNode> {
        self.nodes.iter().find(|n| &*n.name == name)
    }

    /// The parameters: what the learner can nudge, given or set.
    pub fn parameters(&self) -> impl Iterator<Item = &BackpropNode> {
        self.nodes.iter().filter(|n| n.role != Role::Step)
    }
}

/// Relative distance under which two decimals of one gradient agree.
const AGREE: f64 = 1e-9;

/// Backpropagation of `loss` with the plain letters given `point`, checked against the
/// slope of the whole formula.
pub fn backprop(
    graph: &Graph,
    loss: &str,
    point: &[(Symbol, Expr)],
) -> Result<BackpropAnswer, Error> {
    let (mut answer, values) = passes(graph, loss, point, true)?;
    answer.checks = check(graph, &answer, &values)?;
    Ok(answer)
}

/// The forward and backward passes alone, in decimals, for a descent that needs only the
/// gradients at points that are decimals anyway.
pub fn gradients(
    graph: &Graph,
    loss: &str,
    point: &[(Symbol, Expr)],
) -> Result<BackpropAnswer, Error> {
    passes(graph, loss, point, false).map(|(answer, _)| answer)
}

/// Values forward, gradients backward (exact where they are fractions, when `exact`); the
/// values by name, for the check.
fn passes(
    graph: &Graph,
    loss: &str,
    point: &[(Symbol, Expr)],
    exact: bool,
) -> Result<(BackpropAnswer, HashMap<Symbol, Val>), Error> {
    let order = forward_order(graph, loss)?;
    let mut nodes: Vec<BackpropNode> = Vec::with_capacity(order.len());
    let mut values: HashMap<Symbol, Val> = HashMap::new();
    for name in &order {
        let node = match graph.node(name) {
            Some(step) => {
                let value = value_at(&step.formula, &values, name)?;
                let role = if step.formula.free_vars().is_empty() {
                    Role::Set
                } else {
                    Role::Step
                };
                BackpropNode {
                    name: name.clone(),
                    role,
                    formula: Some(step.formula.clone()),
                    value,
                    gradient: Val::of(Expr::zero(), 0.0),
                }
            }
            None => {
                let given = point
                    .iter()
                    .find(|(v, _)| v == name)
                    .map(|(_, e)| e.clone())
                    .ok_or_else(|| missing(loss, name))?;
                let approx = eval(&given, &|_| None).map_err(|e| no_value(name, &e.to_string()))?;
                let value = if exact {
                    Val::of(given, approx)
                } else {
                    Val {
                        exact: None,
                        approx,
                    }
                };
                BackpropNode {
                    name: name.clone(),
                    role: Role::Given,
                    formula: None,
                    value,
                    gradient: Val::of(Expr::zero(), 0.0),
                }
            }
        };
        values.insert(name.clone(), node.value.clone());
        nodes.push(node);
    }
    let mut answer = BackpropAnswer {
        loss: Symbol::from(loss),
        nodes,
        links: Vec::new(),
        checks: Vec::new(),
    };
    backward(graph, &mut answer, &values)?;
    Ok((answer, values))
}

/// Every name the loss depends on, each after the names it uses (depth first from the loss).
fn forward_order(graph: &Graph, loss: &str) -> Result<Vec<Symbol>, Error> {
    fn visit(graph: &Graph, name: &Symbol, seen: &mut Vec<Symbol>) -> Result<(), Error> {
        if seen.contains(name) {
            return Ok(());
        }
        if let Some(step) = graph.node(name) {
            for input in step.formula.free_vars() {
                if graph.node(&input).is_some() && !step.steps.contains(&input) {
                    return Err(defined_later(name, &input));
                }
                visit(graph, &input, seen)?;
            }
        }
        seen.push(name.clone());
        Ok(())
    }
    let mut seen = Vec::new();
    visit(graph, &Symbol::from(loss), &mut seen)?;
    Ok(seen)
}

/// A letter of a step's formula that was defined only after the step was written: the step's
/// value was made with the plain letter, so it cannot be followed through the new definition.
fn defined_later(step: &str, letter: &str) -> Error {
    Error::new(
        Phase::Reading,
        format!("{step} was defined before {letter}, so {letter} in {step} is a plain letter, not the step {letter}"),
    )
    .with_kind(ErrorKind::Meaning)
    .with_help(format!("define {step} again now that {letter} is defined, so that it uses the step"))
}

/// A formula's value once its inputs have theirs: exact when that is a fraction.
fn value_at(formula: &Expr, values: &HashMap<Symbol, Val>, name: &str) -> Result<Val, Error> {
    let approx = eval(formula, &|v| values.get(v).map(|val| val.approx))
        .map_err(|e| no_value(name, &e.to_string()))?;
    if !approx.is_finite() {
        return Err(no_value(name, "it grows too large for a decimal"));
    }
    let vars = formula.free_vars();
    let exacts: Option<Vec<Expr>> = vars
        .iter()
        .map(|v| values.get(v).and_then(|val| val.exact.clone()))
        .collect();
    Ok(match exacts {
        Some(exacts) => Val::of(substitute_all(formula, &vars, &exacts), approx),
        None => Val {
            exact: None,
            approx,
        },
    })
}

/// Hands each step's gradient down its links, from the loss towards the inputs; a node used
/// by several steps gathers one product from each.
fn backward(
    graph: &Graph,
    answer: &mut BackpropAnswer,
    values: &HashMap<Symbol, Val>,
) -> Result<(), Error> {
    let mut gradients: HashMap<Symbol, Val> = HashMap::new();
    gradients.insert(answer.loss.clone(), Val::one());
    for name in answer
        .nodes
        .iter()
        .rev()
        .map(|n| n.name.clone())
        .collect::<Vec<_>>()
    {
        let from_above = gradients
            .get(&name)
            .cloned()
            .unwrap_or_else(|| Val::of(Expr::zero(), 0.0));
        let Some(step) = graph.node(&name) else {
            continue;
        };
        for input in step.formula.free_vars() {
            let local = derive(&step.formula, &input).after;
            let local_at = value_at(&local, values, &format!("∂{name}/∂{input}"))?;
            let product = local_at.times(&from_above);
            let total = match gradients.get(&input) {
                Some(sofar) => sofar.plus(&product),
                None => product.clone(),
            };
            gradients.insert(input.clone(), total);
            answer.links.push(BackLink {
                step: name.clone(),
                input,
                local,
                local_at,
                from_above: from_above.clone(),
                product,
            });
        }
    }
    for node in &mut answer.nodes {
        if let Some(g) = gradients.get(&node.name) {
            node.gradient = g.clone();
        }
    }
    Ok(())
}

/// Each parameter's gradient against the slope of the whole formula, every step put in place
/// except the set numbers, which stay letters to be nudged.
fn check(
    graph: &Graph,
    answer: &BackpropAnswer,
    values: &HashMap<Symbol, Val>,
) -> Result<Vec<Agreement>, Error> {
    let set: Vec<Symbol> = answer
        .nodes
        .iter()
        .filter(|n| n.role == Role::Set)
        .map(|n| n.name.clone())
        .collect();
    let whole = graph
        .expanded_keeping(&answer.loss, &set)
        .unwrap_or_else(|| Expr::symbol(answer.loss.clone()));
    let mut checks = Vec::new();
    for node in answer.parameters() {
        let symbolic = derive(&whole, &node.name).after;
        let value = eval(&symbolic, &|v| values.get(v).map(|val| val.approx))
            .map_err(|e| no_value(&node.name, &e.to_string()))?;
        let scale = value.abs().max(node.gradient.approx.abs()).max(1.0);
        checks.push(Agreement {
            name: node.name.clone(),
            symbolic,
            value,
            agrees: (value - node.gradient.approx).abs() <= AGREE * scale,
        });
    }
    Ok(checks)
}

fn missing(loss: &str, name: &str) -> Error {
    Error::new(
        Phase::Reading,
        format!("{loss} uses {name}, and nothing gives {name} a value"),
    )
    .with_kind(ErrorKind::BadPoint)
    .with_help(format!(
        "give it a value at the point too ({name} = 0.5), or define it first: {name} = 0.5"
    ))
}

fn no_value(name: &str, why: &str) -> Error {
    Error::new(
        Phase::Computing,
        format!("{name} has no value at this point: {why}"),
    )
    .with_kind(ErrorKind::NoValue)
}
