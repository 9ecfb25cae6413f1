//! Which steps to show: long runs of the same shape collapse into one line.

use crate::calculus::{Rule, Step};
use crate::expr::thousands;

/// How much of a step tree to show.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Most substeps shown under one step; the rest are counted.
    pub max_children: usize,
    /// Deepest nesting shown; deeper steps are counted.
    pub max_depth: usize,
}

impl Limits {
    pub const TEXT: Limits = Limits {
        max_children: 12,
        max_depth: 10,
    };
    pub const JSON: Limits = Limits {
        max_children: 1000,
        max_depth: 40,
    };
    /// A derivative taken again applies the same rules again: past the first orders, each
    /// order shows its first rule and counts the rest.
    pub const REPEATED: Limits = Limits {
        max_children: 12,
        max_depth: 2,
    };
}

/// A step as shown, or a count of the steps left out in its place.
pub enum Shown<'a> {
    Step {
        step: &'a Step,
        children: Vec<Shown<'a>>,
    },
    Elided(Elision),
}

/// Each child with its label (`outer`, `inner`, …): the labels go to the shown steps in
/// order, and none to a run of steps left out.
pub fn labelled<'s, 'a, 'l>(
    children: &'s [Shown<'a>],
    labels: &'l [&'l str],
) -> impl Iterator<Item = (&'s Shown<'a>, Option<&'l str>)> + 's
where
    'l: 's,
{
    let mut real = 0;
    children.iter().map(move |child| {
        let label = match child {
            Shown::Step { .. } => {
                real += 1;
                labels.get(real - 1).copied()
            }
            Shown::Elided(_) => None,
        };
        (child, label)
    })
}

impl Shown<'_> {
    /// How many steps are shown, this one included.
    pub fn count(&self) -> usize {
        match self {
            Shown::Elided(_) => 0,
            Shown::Step { children, .. } => 1 + children.iter().map(Shown::count).sum::<usize>(),
        }
    }
}

/// Steps left out: how many, and of what kind.
pub struct Elision {
    pub count: usize,
    pub chain_levels: bool,
}

impl Elision {
    pub fn describe(&self) -> String {
        let n = thousands(self.count);
        if self.chain_levels {
            format!("… {n} more chain-rule levels of the same shape")
        } else {
            format!("… {n} more steps of the same kind")
        }
    }
}

pub fn prune(step: &Step, limits: Limits) -> Shown<'_> {
    prune_at(step, limits, 0)
}

fn prune_at(step: &Step, limits: Limits, depth: usize) -> Shown<'_> {
    let n = step.substeps.len();
    let mut children = Vec::with_capacity(n.min(limits.max_children + 1));
    if depth + 1 >= limits.max_depth && n > 0 {
        let chain_levels = chain_depth(step);
        children.push(Shown::Elided(Elision {
            count: if chain_levels > 0 {
                chain_levels
            } else {
                step.substeps.iter().map(Step::count).sum()
            },
            chain_levels: chain_levels > 0,
        }));
    } else if n > limits.max_children {
        let keep = limits.max_children.saturating_sub(1);
        for s in &step.substeps[..keep] {
            children.push(prune_at(s, limits, depth + 1));
        }
        children.push(Shown::Elided(Elision {
            count: n - keep - 1,
            chain_levels: false,
        }));
        if let Some(last) = step.substeps.last() {
            children.push(prune_at(last, limits, depth + 1));
        }
    } else {
        for s in &step.substeps {
            children.push(prune_at(s, limits, depth + 1));
        }
    }
    Shown::Step { step, children }
}

/// How many chain rules are nested below this step.
fn chain_depth(step: &Step) -> usize {
    let mut count = 0;
    let mut current = step;
    while let Some(inner) = current.substeps.last() {
        if inner.rule == Rule::Chain {
            count += 1;
        }
        current = inner;
    }
    count
}
