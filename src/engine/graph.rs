//! Definitions made with `=` as a computation graph: each named step keeps its formula as
//! written, with the steps it uses kept as letters, so the chain through them can be shown.

use crate::expr::{substitute, substitute_all, Expr, Symbol};
use std::collections::HashMap;

/// Every named step of the session, oldest first.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    nodes: Vec<GraphNode>,
}

/// One named step: `z = w·x + b` has the formula w·x + b and no steps among its inputs;
/// `a = 1/(1 + e^(−z))` has z, a step, among them.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphNode {
    pub name: Symbol,
    /// The formula as written, other steps kept as their letters.
    pub formula: Expr,
    /// The steps its formula uses, as they were when it was defined (a letter defined only
    /// later stays a plain letter here, as it does in the definition's value).
    pub steps: Vec<Symbol>,
}

impl Graph {
    /// The names of the steps, oldest first.
    pub fn names(&self) -> Vec<Symbol> {
        self.nodes.iter().map(|n| n.name.clone()).collect()
    }

    pub fn node(&self, name: &str) -> Option<&GraphNode> {
        self.nodes.iter().find(|n| &*n.name == name)
    }

    /// All the steps, oldest first.
    pub fn nodes(&self) -> &[GraphNode] {
        &self.nodes
    }

    /// Adds the step `name = formula`. A step it replaces lives on inside the steps that used
    /// it (and inside the new formula, as in `x = x + 1`), since their values were made with it.
    pub fn define(&mut self, name: Symbol, formula: Expr) {
        let formula = match self.node(&name) {
            Some(old) => substitute(&formula, &name, &old.formula),
            None => formula,
        };
        self.forget(&name);
        let steps = formula
            .free_vars()
            .into_iter()
            .filter(|v| self.node(v).is_some())
            .collect();
        self.nodes.push(GraphNode {
            name,
            formula,
            steps,
        });
    }

    /// Forgets the step `name`; the steps that used it keep its formula in its place.
    pub fn forget(&mut self, name: &str) {
        let Some(i) = self.nodes.iter().position(|n| &*n.name == name) else {
            return;
        };
        let old = self.nodes.remove(i);
        for node in &mut self.nodes {
            if node.steps.contains(&old.name) {
                node.formula = substitute(&node.formula, &old.name, &old.formula);
                node.steps.retain(|s| *s != old.name);
                for inherited in &old.steps {
                    if !node.steps.contains(inherited) {
                        node.steps.push(inherited.clone());
                    }
                }
            }
        }
    }

    pub fn clear(&mut self) {
        self.nodes.clear();
    }

    /// Every way down from the step `from` to `to` (a step or a plain letter), each path
    /// listing the names from `from` to `to`.
    pub fn paths(&self, from: &str, to: &str) -> Vec<Vec<Symbol>> {
        let Some(node) = self.node(from) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        if node.formula.contains(to) && !node.steps.iter().any(|s| &**s == to) {
            // `to` is a plain letter of this formula.
            found.push(vec![node.name.clone(), Symbol::from(to)]);
        }
        for step in &node.steps {
            if &**step == to {
                found.push(vec![node.name.clone(), step.clone()]);
                continue;
            }
            for mut path in self.paths(step, to) {
                path.insert(0, node.name.clone());
                found.push(path);
            }
        }
        found
    }

    /// The step `name` written in plain letters only: every step it uses put in place.
    pub fn expanded(&self, name: &str) -> Option<Expr> {
        self.expanded_keeping(name, &[])
    }

    /// The step `name` with every step it uses put in place, except those in `keep`, which
    /// stay letters (a weight defined as a number, to be nudged).
    pub fn expanded_keeping(&self, name: &str, keep: &[Symbol]) -> Option<Expr> {
        let node = self.node(name)?;
        Some(
            Expander {
                graph: self,
                keep,
                memo: HashMap::new(),
            }
            .node(node),
        )
    }

    /// `e`, whose letters in `steps` are steps, written in plain letters only.
    pub fn expand(&self, e: &Expr, steps: &[Symbol]) -> Expr {
        Expander {
            graph: self,
            keep: &[],
            memo: HashMap::new(),
        }
        .expr(e, steps)
    }
}

/// Puts steps in place of their letters, each worked out once however often it is used.
struct Expander<'g> {
    graph: &'g Graph,
    keep: &'g [Symbol],
    memo: HashMap<Symbol, Expr>,
}

impl Expander<'_> {
    fn expr(&mut self, e: &Expr, steps: &[Symbol]) -> Expr {
        let used: Vec<Symbol> = steps
            .iter()
            .filter(|s| e.contains(s) && !self.keep.contains(s))
            .cloned()
            .collect();
        let values: Vec<Expr> = used
            .iter()
            .map(|s| match self.graph.node(s) {
                Some(n) => self.node(n),
                None => Expr::symbol(s.clone()),
            })
            .collect();
        substitute_all(e, &used, &values)
    }

    fn node(&mut self, node: &GraphNode) -> Expr {
        if let Some(done) = self.memo.get(&node.name) {
            return done.clone();
        }
        let e = self.expr(&node.formula, &node.steps);
        self.memo.insert(node.name.clone(), e.clone());
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(defs: &[(&str, Expr)]) -> Graph {
        let mut g = Graph::default();
        for (name, e) in defs {
            g.define(Symbol::from(*name), e.clone());
        }
        g
    }

    fn v(name: &str) -> Expr {
        Expr::var(name)
    }

    #[test]
    fn paths_run_through_every_step_that_uses_the_letter() {
        // z = w x + b, a = z², L = a + z: w reaches L through a and straight through z.
        let g = graph(&[
            (
                "z",
                Expr::add(vec![Expr::mul(vec![v("w"), v("x")]), v("b")]),
            ),
            ("a", Expr::pow(v("z"), Expr::int(2))),
            ("L", Expr::add(vec![v("a"), v("z")])),
        ]);
        let paths = g.paths("L", "w");
        assert_eq!(paths.len(), 2);
        assert!(paths.iter().all(|p| p.last().is_some_and(|s| &**s == "w")));
        assert_eq!(
            g.paths("L", "a"),
            vec![vec![Symbol::from("L"), Symbol::from("a")]]
        );
        assert!(g.paths("a", "L").is_empty());
    }

    #[test]
    fn a_replaced_step_lives_on_in_the_steps_that_used_it() {
        let mut g = graph(&[("z", v("w")), ("a", Expr::pow(v("z"), Expr::int(2)))]);
        g.define(Symbol::from("z"), Expr::add(vec![v("z"), Expr::one()]));
        // The new z is the old one plus 1; a was made with the old z, which was w.
        assert_eq!(g.expanded("z"), Some(Expr::add(vec![v("w"), Expr::one()])));
        assert_eq!(g.expanded("a"), Some(Expr::pow(v("w"), Expr::int(2))));
        assert!(g.node("a").is_some_and(|a| a.steps.is_empty()));
    }
}
