//! A derivative's step tree, said: each rule's title, its equation, its note, its parts.

use super::catalogue::{note, title};
use super::doc::{Line, Math, Span, Spelled, Step as Said, StepItem, Tag};
use super::prune::{labelled, prune, Limits, Shown};
use crate::calculus::rewrite::expand;
use crate::calculus::{Detail, Rule, Step};
use crate::expr::{Expr, Kind};
use std::rc::Rc;

/// The steps as shown: long runs collapsed; `partial` writes each operator with ∂.
pub fn steps(steps: &[Step], partial: bool) -> Vec<StepItem> {
    steps_lettered(steps, partial, Letters::FG)
}

/// The letters a rule's template is written in: f and g, or u and v when the learner's own
/// function is called f or g, so that the template never reads as their function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Letters {
    FG,
    UV,
}

impl Letters {
    /// The letters that do not collide with a function the learner named `name`.
    pub fn beside(name: &str) -> Letters {
        if matches!(name, "f" | "g") {
            Letters::UV
        } else {
            Letters::FG
        }
    }

    /// `f′·g + f·g′` in these letters.
    fn product(self) -> &'static str {
        match self {
            Letters::FG => "f′·g + f·g′",
            Letters::UV => "u′·v + u·v′",
        }
    }
}

/// `steps`, with rule templates written in `letters`.
pub fn steps_lettered(steps: &[Step], partial: bool, letters: Letters) -> Vec<StepItem> {
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
            item(&pruned, None, partial, letters)
        })
        .collect()
}

/// Steps shown in full across the orders of a higher derivative; later orders are collapsed.
const SHOWN_IN_FULL: usize = 300;

fn item(shown: &Shown, label: Option<&'static str>, partial: bool, letters: Letters) -> StepItem {
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
    let mut lines: Vec<Line> = as_a_power(step).into_iter().collect();
    lines.push(vec![Span::tagged(
        Spelled(Rc::new(move |style| {
            note(&explained, style).replace(Letters::FG.product(), letters.product())
        })),
        Tag::Quiet,
    )]);
    lines.extend(why_exp_base(step));
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
            .map(|(child, label)| item(child, label, partial, letters))
            .collect();
        let mut sides: Vec<Math> = assembled(step).into_iter().collect();
        sides.extend(expanded_top(step));
        sides.push(Math::Expr(step.after.clone()));
        let closing: Line = vec![
            format!("{}: ", combine_word(step.rule, letters)).into(),
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

/// "First write it as a power: 1/x = x^(-1)." The power rule reads an exponent, and 1/x
/// or √x does not show one.
fn as_a_power(step: &Step) -> Option<Line> {
    let Detail::Power { exponent } = &step.detail else {
        return None;
    };
    // Only a negative power (printed below a bar) or a half (printed as a root) hides it.
    let n = exponent.as_number()?;
    let root = n.denom() == 2.into() && n.numer() == 1.into();
    if !n.is_negative() && !root {
        return None;
    }
    let (base, _) = step.before.split_power();
    let power = Math::Power {
        base,
        exponent: exponent.clone(),
    };
    Some(vec![
        "First write it as a power: ".into(),
        Math::Equation(vec![Math::Expr(step.before.clone()), power]).into(),
        ".".into(),
    ])
}

/// Why aˣ has slope aˣ·ln a, as the chain rule shows it: aˣ = e^(x·ln a), where e to a power
/// keeps its shape and the power x·ln a has slope ln a.
fn why_exp_base(step: &Step) -> Option<Line> {
    if step.rule != Rule::ExpBase {
        return None;
    }
    let Kind::Pow(a, u) = step.before.kind() else {
        return None;
    };
    let ln_a = Expr::ln(a.clone());
    let inner = Expr::mul(vec![u.clone(), ln_a.clone()]);
    let rewritten = Expr::pow_held(Expr::e(), inner.clone());
    Some(vec![
        "Why: ".into(),
        Math::Equation(vec![
            Math::Expr(step.before.clone()),
            Math::Expr(rewritten.clone()),
        ])
        .into(),
        "; by the chain rule, e to a power keeps its shape and the power ".into(),
        Math::Expr(inner).into(),
        " has slope ".into(),
        Math::Expr(ln_a.clone()).into(),
        ": ".into(),
        Math::Equation(vec![
            Math::times(Math::Operand(rewritten), Math::Operand(ln_a)),
            Math::Expr(step.after.clone()),
        ])
        .into(),
        ".".into(),
    ])
}

/// The quotient rule's top multiplied out before its like terms are collected:
/// `(2x² - 2x - x² - 1) / (x - 1)²`, so the collecting is seen, not guessed.
fn expanded_top(step: &Step) -> Option<Math> {
    let Detail::Quotient {
        numerator,
        denominator,
    } = &step.detail
    else {
        return None;
    };
    let (f, g) = (&step.substeps.first()?.after, &step.substeps.get(1)?.after);
    let left = Expr::mul(vec![f.clone(), denominator.clone()]);
    let right = Expr::mul(vec![numerator.clone(), g.clone()]);
    let (left_out, right_out) = (expand(&left), expand(&right));
    if left_out.is_none() && right_out.is_none() {
        return None;
    }
    let terms = |e: Expr| match e.kind() {
        Kind::Add(terms) => terms.to_vec(),
        _ => vec![e],
    };
    let mut top = terms(left_out.unwrap_or(left));
    top.extend(terms(right_out.unwrap_or(right)).into_iter().map(Expr::neg));
    Some(Math::over(
        Math::group(Math::Sum(top)),
        Math::Squared(denominator.clone()),
    ))
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
fn combine_word(rule: Rule, letters: Letters) -> &'static str {
    match rule {
        Rule::Chain => "outer × inner",
        Rule::Sum => "add",
        Rule::Product => letters.product(),
        Rule::Quotient => "put together",
        Rule::ChainInputs => "add the shares",
        Rule::ConstantMultiple => "times the constant",
        _ => "so",
    }
}
