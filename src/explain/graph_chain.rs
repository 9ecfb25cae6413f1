//! A derivative through named steps, said: the path L ← a ← z ← w, each local derivative,
//! their product, and the product written in the original letters.

use super::doc::{Block, Doc, Line, Math, Quiet, Span, Step, StepItem, Tag};
use crate::engine::{ChainAnswer, Named};
use crate::expr::{Expr, Symbol};

/// The body of a chain answer, after the reading: the route, the local derivatives, their
/// product, and the answer in the steps' letters and then in the original ones.
pub fn chain(answer: &ChainAnswer) -> Doc {
    let mut blocks = vec![Block::Words(route(answer)), Block::Gap];
    blocks.push(Block::Words(vec![Span::tagged(
        "Local derivatives: each step nudged by its own input, every other letter held fixed.",
        Tag::Quiet,
    )]));
    blocks.push(Block::Steps(answer.links.iter().map(local).collect()));
    if let Some(link) = answer
        .links
        .iter()
        .filter(|l| !l.working.substeps.is_empty())
        .max_by_key(|l| l.formula.size())
    {
        blocks.push(Block::Words(vec![
            Span::tagged(
                "A local derivative is an ordinary derivative; to see one worked out, ask it on a line of its own: ",
                Tag::Quiet,
            ),
            Span::tagged(
                Math::Derivative {
                    var: link.input.clone(),
                    order: 1,
                    partial: true,
                    of: link.formula.clone(),
                },
                Tag::Quiet,
            ),
        ]));
    }
    let links_used = answer.paths.iter().map(|p| p.len() - 1).sum::<usize>();
    if links_used > 1 {
        blocks.push(Block::Gap);
        blocks.push(Block::Steps(vec![StepItem::Step(product(answer))]));
    }
    blocks.push(Block::Gap);
    blocks.push(Block::Value {
        lead: vec![asked(answer).into(), " =".into()],
        exact: answer.in_steps.clone(),
        decimal: None,
    });
    if answer.result != answer.in_steps {
        blocks.push(Block::Words(vec![Span::tagged(
            "In the original letters, each step's formula put back in its place and simplified:",
            Tag::Quiet,
        )]));
        blocks.push(Block::Value {
            lead: vec![asked(answer).into(), " =".into()],
            exact: answer.result.clone(),
            decimal: None,
        });
    }
    if let Some(known) = &answer.shape {
        let mut line = vec![
            Span::tagged("Also written as:", Tag::Label),
            " ".into(),
            Math::Expr(known.form.clone()).into(),
        ];
        line.extend(super::softmax::shape_terms(known));
        blocks.push(Block::Words(line));
    }
    Doc {
        blocks,
        quiet: Quiet::Result(vec![Math::Expr(answer.result.clone()).into()]),
    }
}

/// `∂L/∂a`, as `partial` asks: d for the question as typed, ∂ for a link between steps.
pub fn slope(of: &Symbol, var: &Symbol, partial: bool) -> Math {
    Math::Named {
        named: Named::Leibniz {
            name: of.clone(),
            params: Vec::new(),
        },
        var: var.clone(),
        order: 1,
        partial,
    }
}

fn asked(answer: &ChainAnswer) -> Math {
    slope(&answer.of, &answer.var, answer.partial)
}

/// "w reaches L through named steps: L ← a ← z ← w." and, for several paths, that they add.
fn route(answer: &ChainAnswer) -> Line {
    let of = Math::symbol(&answer.of);
    let var = Math::symbol(&answer.var);
    let mut line: Line = vec![var.into()];
    match answer.paths.as_slice() {
        [one] if one.len() == 2 => {
            line.push(" is used by ".into());
            line.push(of.into());
            line.push(" directly, so the slope is a local derivative: the formula of ".into());
            line.push(Math::symbol(&answer.of).into());
            line.push(" alone, nudged by ".into());
            line.push(Math::symbol(&answer.var).into());
            line.push(".".into());
        }
        [one] => {
            line.push(" reaches ".into());
            line.push(of.into());
            line.push(" through named steps: ".into());
            line.extend(path_line(one));
            line.push(". The chain rule follows it one link at a time.".into());
        }
        many => {
            line.push(" reaches ".into());
            line.push(of.into());
            line.push(format!(" along {} paths: ", many.len()).into());
            for (i, path) in many.iter().enumerate() {
                if i > 0 {
                    line.push(if i + 1 == many.len() { " and " } else { ", " }.into());
                }
                line.extend(path_line(path));
            }
            line.push(". The multivariable chain rule: add one product per path.".into());
        }
    }
    line
}

/// `L ← a ← z ← w`.
fn path_line(path: &[Symbol]) -> Line {
    let mut line = Line::new();
    for (i, name) in path.iter().enumerate() {
        if i > 0 {
            line.push(" ← ".into());
        }
        line.push(Math::symbol(name).into());
    }
    line
}

/// One link: `∂L/∂a = 2(a − y)` with the working under it.
fn local(link: &crate::engine::Link) -> StepItem {
    StepItem::Step(Step {
        label: None,
        title: "local derivative",
        equation: Math::Equation(vec![
            slope(&link.step, &link.input, true),
            Math::Expr(link.local.clone()),
        ]),
        lines: vec![vec![
            Span::tagged("from ", Tag::Quiet),
            Span::tagged(
                Math::Equation(vec![
                    Math::symbol(&link.step),
                    Math::Expr(link.formula.clone()),
                ]),
                Tag::Quiet,
            ),
        ]],
        children: Vec::new(),
        closing: None,
    })
}

/// The chain rule: the product of local derivatives along each path, added over paths.
fn product(answer: &ChainAnswer) -> Step {
    let per_path = |each: &dyn Fn(&Symbol, &Symbol) -> Math| -> Math {
        let products = answer.paths.iter().map(|path| {
            path.windows(2)
                .map(|pair| each(&pair[0], &pair[1]))
                .reduce(Math::times)
                .unwrap_or(Math::Expr(Expr::one()))
        });
        products
            .reduce(Math::plus)
            .unwrap_or(Math::Expr(Expr::zero()))
    };
    let names = per_path(&|step, input| slope(step, input, true));
    let locals = per_path(&|step, input| {
        let local = answer
            .link(step, input)
            .map_or_else(Expr::one, |l| l.local.clone());
        Math::Operand(local)
    });
    let title = if answer.paths.len() > 1 {
        "multivariable chain rule"
    } else {
        "chain rule"
    };
    let said = if answer.paths.len() > 1 {
        "Multiply the local derivatives along each path, then add one product per path."
    } else {
        "Multiply the local derivatives along the path: how much each link passes on."
    };
    Step {
        label: None,
        title,
        equation: Math::Equation(vec![
            asked(answer),
            names,
            locals,
            Math::Expr(answer.in_steps.clone()),
        ]),
        lines: vec![vec![Span::tagged(said, Tag::Quiet)]],
        children: Vec::new(),
        closing: None,
    }
}
