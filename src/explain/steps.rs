//! A derivative's step tree, said: each rule's title, its equation, its note, its parts.

use super::catalogue::{note, title};
use super::doc::{Line, Math, Span, Spelled, Step as Said, StepItem, Tag};
use super::prune::{labelled, prune, Limits, Shown};
use crate::calculus::{Detail, Rule, Step};
use crate::expr::{Expr, Kind};
use std::rc::Rc;

/// The steps as shown: long runs collapsed; `partial` writes each operator with ∂.
pub fn steps(steps: &[Step], partial: bool) -> Vec<StepItem> {
    let mut shown = 0;
    steps
        .iter()
        .map(|s| {
            let limits = if shown < SHOWN_IN_FULL {
                Limits::TEXT
            } else {
                Limits::REPEATED
            };
            let pruned = prune(s, limits);
            shown += pruned.count();
            item(&pruned, None, partial)
        })
        .collect()
}

/// Steps shown in full across the orders of a higher derivative; later orders are collapsed.
const SHOWN_IN_FULL: usize = 300;

fn item(shown: &Shown, label: Option<&'static str>, partial: bool) -> StepItem {
    let (step, children) = match shown {
        Shown::Elided(e) => return StepItem::Elided(vec![Span::tagged(e.describe(), Tag::Quiet)]),
        Shown::Step { step, children } => (*step, children),
    };
    // A rewriting into a known shape is an equation between two forms, not a slope.
    let lhs = match step.rule {
        Rule::KnownShape => Math::Expr(step.before.clone()),
        _ => Math::Derivative {
            var: step.var.clone(),
            order: 1,
            partial,
            of: step.before.clone(),
        },
    };
    let leaf = step.substeps.is_empty() || folds_into_one_line(step);
    let equation = if leaf {
        let mut sides = vec![lhs];
        sides.extend(middle(step).or_else(|| assembled(step)));
        sides.push(Math::Expr(step.after.clone()));
        Math::Equation(sides)
    } else {
        lhs
    };
    // The note reads the step itself, never its substeps: keep it without them.
    let explained = Step {
        rule: step.rule,
        var: step.var.clone(),
        before: step.before.clone(),
        after: step.after.clone(),
        detail: step.detail.clone(),
        substeps: Vec::new(),
    };
    let mut lines = vec![vec![Span::tagged(
        Spelled(Rc::new(move |style| note(&explained, style))),
        Tag::Quiet,
    )]];
    if let Detail::Chain {
        name, inner, outer, ..
    } = &step.detail
    {
        lines.push(setting_up(name, inner, outer));
    }
    let (children, closing) = if leaf {
        (Vec::new(), None)
    } else {
        let children = labelled(children, child_labels(step.rule))
            .map(|(child, label)| item(child, label, partial))
            .collect();
        let mut sides: Vec<Math> = assembled(step).into_iter().collect();
        sides.push(Math::Expr(step.after.clone()));
        let closing: Line = vec![
            format!("{}: ", combine_word(step.rule)).into(),
            Math::Equation(sides).into(),
        ];
        (children, Some(closing))
    };
    StepItem::Step(Said {
        label,
        title: title(step.rule),
        equation,
        lines,
        children,
        closing,
    })
}

/// "Let u = x², so the outer function is sin(u)."
fn setting_up(name: &crate::expr::Symbol, inner: &Expr, outer: &Expr) -> Line {
    vec![
        "Let ".into(),
        Math::Equation(vec![Math::symbol(name), Math::Expr(inner.clone())]).into(),
        ", so the outer function is ".into(),
        Math::Expr(outer.clone()).into(),
        ".".into(),
    ]
}

/// The middle form of a leaf rule, before simplification: `3·x^(3−1)`.
fn middle(step: &Step) -> Option<Math> {
    let Detail::Power { exponent } = &step.detail else {
        return None;
    };
    match step.before.kind() {
        Kind::Pow(base, _) => Some(Math::PowerDown {
            exponent: exponent.clone(),
            base: base.clone(),
        }),
        _ => None,
    }
}

/// The rule's pieces put together before simplifying: `cos(x²) · 2x`.
fn assembled(step: &Step) -> Option<Math> {
    let s = &step.substeps;
    let after = |i: usize| s.get(i).map(|c| Math::Operand(c.after.clone()));
    let operand = |e: &Expr| Math::Operand(e.clone());
    Some(match (&step.detail, step.rule) {
        (_, Rule::Sum) => Math::Sum(s.iter().map(|c| c.after.clone()).collect()),
        (Detail::ConstantMultiple { constant }, _) => Math::times(operand(constant), after(0)?),
        (Detail::Product { first, second }, _) => Math::plus(
            Math::times(after(0)?, operand(second)),
            Math::times(operand(first), after(1)?),
        ),
        (
            Detail::Quotient {
                numerator,
                denominator,
            },
            _,
        ) => Math::over(
            Math::group(Math::minus(
                Math::times(after(0)?, operand(denominator)),
                Math::times(operand(numerator), after(1)?),
            )),
            Math::Squared(denominator.clone()),
        ),
        (Detail::Inputs { slopes }, _) => {
            let mut shares = slopes
                .iter()
                .enumerate()
                .map(|(i, slope)| Some(Math::times(operand(slope), after(i)?)));
            let first = shares.next()??;
            shares.try_fold(first, |sum, share| Some(Math::plus(sum, share?)))?
        }
        (
            Detail::Chain {
                outer_derivative_at_inner,
                ..
            },
            _,
        ) => Math::times(operand(outer_derivative_at_inner), after(1)?),
        _ => return None,
    })
}

/// Steps too small to deserve a line of their own: x → 1, a constant → 0, 3x → 3.
fn is_simple(step: &Step) -> bool {
    match step.rule {
        Rule::Variable | Rule::Constant => true,
        Rule::ConstantMultiple => step.substeps.len() == 1 && is_simple(&step.substeps[0]),
        _ => false,
    }
}

/// A sum or multiple of simple steps is shown as one line with its working.
pub fn folds_into_one_line(step: &Step) -> bool {
    matches!(step.rule, Rule::Sum | Rule::ConstantMultiple) && step.substeps.iter().all(is_simple)
}

/// What each substep is to its parent.
pub fn child_labels(rule: Rule) -> &'static [&'static str] {
    match rule {
        Rule::Chain => &["outer", "inner"],
        Rule::Product => &["first factor", "second factor"],
        Rule::Quotient => &["top", "bottom"],
        _ => &[],
    }
}

/// The word that puts a rule's substeps together.
fn combine_word(rule: Rule) -> &'static str {
    match rule {
        Rule::Chain => "outer × inner",
        Rule::Sum => "add",
        Rule::Product => "f′·g + f·g′",
        Rule::Quotient => "put together",
        Rule::ChainInputs => "add the shares",
        Rule::ConstantMultiple => "times the constant",
        _ => "so",
    }
}
