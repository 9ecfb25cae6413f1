//! Answers as LaTeX and Markdown: from the document by `present::latex` and
//! `present::markdown` where the family has moved, by the writers here where not yet.

use super::catalogue::{note, title};
use super::markup::{self, maths, words, Block, Row};
use super::note_text;
use super::prune::{labelled, Shown};
use crate::calculus::{Detail, Rule, Step};
use crate::engine::{Answer, MultivarAnswer, Outcome};
use crate::explain::steps::{child_labels, folds_into_one_line};
use crate::expr::{latex_name, latex_operand, latex_operator, Expr, Style};
use crate::syntax::{reading_latex, reading_of_statement};

/// One step as a LaTeX equation: `\frac{d}{dx} x^{2} = 2 x`, `\int x \,dx = \frac{x^{2}}{2}`.
/// `partial` is whether the step sits inside a partial derivative.
pub fn step_latex(step: &Step, partial: bool) -> String {
    if step.before.size() > STEP_NODES || step.after.size() > STEP_NODES {
        // A step on a huge expression would print megabytes of LaTeX: say so instead.
        return "\\text{(too large to typeset)}".to_string();
    }
    let x = latex_name(&step.var);
    let lhs = match (&step.detail, step.rule.integrates()) {
        (Detail::Definite { lower, upper, .. }, _) => format!(
            "\\int_{{{}}}^{{{}}} {} \\,d{x}",
            lower.latex(),
            upper.latex(),
            latex_operand(&step.before)
        ),
        (Detail::Improper { stretches, .. }, _) => {
            let bound = |e: Option<&Expr>| e.map_or_else(String::new, bound_latex);
            format!(
                "\\int_{{{}}}^{{{}}} {} \\,d{x}",
                bound(stretches.first().map(|s| &s.lower)),
                bound(stretches.last().map(|s| &s.upper)),
                latex_operand(&step.before)
            )
        }
        (Detail::Shape(_), _) => step.before.latex(),
        (_, true) => format!("\\int {} \\,d{x}", latex_operand(&step.before)),
        _ => format!(
            "{} {}",
            latex_operator(&step.var, 1, partial || step.rule == Rule::Partial),
            latex_operand(&step.before)
        ),
    };
    format!("{lhs} = {}", step.after.latex())
}

/// A bound of an improper integral: ∞ for inf.
fn bound_latex(e: &Expr) -> String {
    let infinity = |e: &Expr| ["inf", "infinity", "oo"].iter().any(|n| e.is_var(n));
    if infinity(e) {
        "\\infty".to_string()
    } else if infinity(&Expr::neg(e.clone())) {
        "-\\infty".to_string()
    } else {
        e.latex()
    }
}

/// Largest expression, in nodes, that a step's LaTeX shows in full.
const STEP_NODES: u32 = 2000;

pub(super) fn rows(
    shown: &Shown,
    label: Option<&str>,
    depth: usize,
    partial: bool,
    out: &mut Vec<Row>,
) {
    let (step, children) = match shown {
        Shown::Elided(e) => {
            out.push(Row {
                depth,
                heading: String::new(),
                maths: None,
                words: e.describe(),
            });
            return;
        }
        Shown::Step { step, children } => (*step, children),
    };
    let heading = match label {
        Some(l) => format!("{l}, {}", title(step.rule)),
        None => title(step.rule).to_string(),
    };
    out.push(Row {
        depth,
        heading,
        maths: Some(step_latex(step, partial)),
        words: note(step, Style::UNICODE),
    });
    // Sums and multiples of one-line steps (x → 1, a constant → 0) show as one row, as in text.
    if folds_into_one_line(step) {
        return;
    }
    for (child, l) in labelled(children, child_labels(step.rule)) {
        rows(child, l, depth + 1, partial, out);
    }
}

/// The answer as typeset blocks, for the families not yet presented from their document.
fn blocks(outcome: &Outcome) -> Vec<Block> {
    match &outcome.answer {
        Answer::Multivar(answer) => super::multivar_latex::blocks(answer),
        _ => Vec::new(),
    }
}

/// The document of an answer whose LaTeX and Markdown come from the presenters.
fn from_doc(outcome: &Outcome) -> Option<crate::explain::doc::Doc> {
    match &outcome.answer {
        // Gradients, Jacobians, directional slopes, motions and vectors of values still have
        // their writer.
        Answer::Multivar(answer)
            if matches!(
                **answer,
                MultivarAnswer::Jacobian { .. }
                    | MultivarAnswer::Motion { .. }
                    | MultivarAnswer::Literal { .. }
            ) =>
        {
            None
        }
        _ => crate::explain::outcome(outcome),
    }
}

/// The whole answer as LaTeX: words as text, steps in `align*`, values displayed,
/// vectors and matrices as `pmatrix`, tables as `tabular`.
pub fn render_latex(outcome: &Outcome) -> String {
    let mut out = format!("% nudge: {}\n", outcome.input.replace(['\n', '\r'], " "));
    if let Some(doc) = from_doc(outcome) {
        out.push_str(&crate::present::latex::latex(&doc));
        return out;
    }
    for n in &outcome.notes {
        out.push_str(&format!("% Note: {}\n", note_text(n, true)));
    }
    let mut blocks = blocks(outcome);
    let has_reading = matches!(
        blocks.first(),
        Some(Block::Steps {
            reading: Some(_),
            ..
        })
    );
    if let (false, Some(reading)) = (has_reading, reading_latex(&outcome.statement)) {
        blocks.insert(0, Block::Words(vec![words("Reading: "), maths(reading)]));
    }
    out.push_str(&markup::latex(&blocks));
    out
}

/// The whole answer as Markdown: steps as a list, maths in `$…$`, tables as pipe tables.
pub fn render_markdown(outcome: &Outcome) -> String {
    if let Some(doc) = from_doc(outcome) {
        return crate::present::markdown::markdown(&doc);
    }
    let reading = match reading_latex(&outcome.statement) {
        Some(latex) => format!("${latex}$"),
        None => format!("`{}`", reading_of_statement(&outcome.statement, true)),
    };
    let mut out = format!("**Reading:** {reading}\n");
    for n in &outcome.notes {
        out.push_str(&format!("\n*Note:* {}\n", note_text(n, true)));
    }
    out.push('\n');
    out.push_str(&markup::markdown(&blocks(outcome)));
    out
}
