//! A derivative through named steps: dL/dw after `z = w x + b`, `a = σ(z)`, `L = (a − y)²`
//! is the product of the local derivatives along L ← a ← z ← w, one product per path, added.

use super::graph::Graph;
use crate::calculus::{derive, recognise, Known, Step};
use crate::expr::{Expr, Symbol};

/// dL/dw worked out along the graph of named steps.
#[derive(Clone, Debug)]
pub struct ChainAnswer {
    /// The step asked about: L.
    pub of: Symbol,
    /// What is nudged: a step (a) or a plain letter (w).
    pub var: Symbol,
    pub partial: bool,
    /// Each way down from `of` to `var`, as names: L, a, z, w.
    pub paths: Vec<Vec<Symbol>>,
    /// Each link the paths use, once.
    pub links: Vec<Link>,
    /// The sum over paths of the product of local derivatives, in the steps' letters.
    pub in_steps: Expr,
    /// The same in plain letters: every step put in place, simplified.
    pub result: Expr,
    /// The shape papers print `result` in, when it is proven to be one (p₁ − y₁).
    pub shape: Option<Known>,
}

/// One link of a path: how `step` moves when `input` is nudged, every other letter held.
#[derive(Clone, Debug)]
pub struct Link {
    pub step: Symbol,
    pub input: Symbol,
    /// The step's formula as written.
    pub formula: Expr,
    /// The working of the local derivative.
    pub working: Step,
    pub local: Expr,
}

impl ChainAnswer {
    /// The link from `step` down to `input`.
    pub fn link(&self, step: &str, input: &str) -> Option<&Link> {
        self.links
            .iter()
            .find(|l| &*l.step == step && &*l.input == input)
    }

    /// The product of local derivatives along one path, in the steps' letters.
    pub fn product(&self, path: &[Symbol]) -> Expr {
        let mut locals: Vec<Expr> = path
            .windows(2)
            .filter_map(|pair| self.link(&pair[0], &pair[1]))
            .map(|l| l.local.clone())
            .collect();
        // One link is its own local derivative, kept as the rule gave it: 2(a − y).
        match locals.len() {
            1 => locals.remove(0),
            _ => Expr::mul(locals),
        }
    }
}

/// dof/dvar through the named steps, when the way from `of` to `var` passes through at least
/// one of them or `var` is a step itself; `None` when plain differentiation says it all.
pub fn through_steps(graph: &Graph, of: &str, var: &str, partial: bool) -> Option<ChainAnswer> {
    let paths = graph.paths(of, var);
    let var_is_step = var != of && graph.node(var).is_some();
    if paths.is_empty() || !(var_is_step || paths.iter().any(|p| p.len() > 2)) {
        return None;
    }
    let mut links: Vec<Link> = Vec::new();
    for pair in paths.iter().flat_map(|p| p.windows(2)) {
        let (step, input) = (&pair[0], &pair[1]);
        if links.iter().any(|l| l.step == *step && l.input == *input) {
            continue;
        }
        let formula = graph.node(step)?.formula.clone();
        let working = derive(&formula, input);
        links.push(Link {
            step: step.clone(),
            input: input.clone(),
            local: working.after.clone(),
            formula,
            working,
        });
    }
    let mut answer = ChainAnswer {
        of: Symbol::from(of),
        var: Symbol::from(var),
        partial,
        paths,
        links,
        in_steps: Expr::zero(),
        result: Expr::zero(),
        shape: None,
    };
    let mut products: Vec<Expr> = answer.paths.iter().map(|p| answer.product(p)).collect();
    answer.in_steps = match products.len() {
        1 => products.remove(0),
        _ => Expr::add(products),
    };
    answer.result = graph.expand(&answer.in_steps, &graph.names());
    answer.shape = recognise(&answer.result, var);
    Some(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculus::multivar::agree_numerically;

    fn v(name: &str) -> Expr {
        Expr::var(name)
    }

    /// z = w x + b, a = 1/(1 + e^(−z)), L = (a − y)².
    fn neuron() -> Graph {
        let mut g = Graph::default();
        let z = Expr::add(vec![Expr::mul(vec![v("w"), v("x")]), v("b")]);
        let a = Expr::recip(Expr::add(vec![Expr::one(), Expr::exp(Expr::neg(v("z")))]));
        let l = Expr::pow(Expr::sub(v("a"), v("y")), Expr::int(2));
        g.define(Symbol::from("z"), z);
        g.define(Symbol::from("a"), a);
        g.define(Symbol::from("L"), l);
        g
    }

    #[test]
    fn the_local_derivative_of_a_step_is_not_zero() {
        let chain = through_steps(&neuron(), "L", "a", false).expect("a chain");
        let two_a_minus_y = Expr::mul(vec![Expr::int(2), Expr::sub(v("a"), v("y"))]);
        assert_eq!(chain.in_steps, two_a_minus_y);
        assert_eq!(chain.paths.len(), 1);
    }

    #[test]
    fn the_chain_to_a_weight_equals_differentiating_the_whole_formula() {
        let g = neuron();
        let chain = through_steps(&g, "L", "w", false).expect("a chain");
        let names: Vec<&str> = chain.paths[0].iter().map(|s| &**s).collect();
        assert_eq!(names, ["L", "a", "z", "w"]);
        let whole = derive(&g.expanded("L").expect("L"), "w").after;
        assert!(agree_numerically(&chain.result, &whole));
    }

    #[test]
    fn plain_letters_met_directly_need_no_chain() {
        assert!(through_steps(&neuron(), "z", "w", false).is_none());
        assert!(through_steps(&neuron(), "L", "q", false).is_none());
    }
}
