//! Answers as LaTeX (an `align*` derivation) and as Markdown with `$…$` maths, for notes:
//! the derivations of one-variable answers, and the layout of every answer.

use super::catalogue::{note, title};
use super::markup::{self, escape, maths, words, Block, Closing, Row};
use super::notation::words as words_of;
use super::note_text;
use super::prune::{labelled, prune, Limits, Shown};
use super::text::{decimal_after, render_text, TextOptions};
use super::{readings, session};
use crate::calculus::{Detail, Rule, Step};
use crate::engine::{Answer, Definition, Outcome};
use crate::explain::integral::constant_name;
use crate::explain::integral::constant_words;
use crate::explain::steps::{child_labels, folds_into_one_line};
use crate::expr::{latex_name, latex_operand, latex_operator, Expr, Style};
use crate::syntax::{reading_latex, reading_of_statement, Body};

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

/// The rows of a derivative or integral answer, and its closing lines.
fn derivation(answer: &Answer) -> Option<(Vec<Row>, Closing)> {
    let mut out = Vec::new();
    let equation = match answer {
        Answer::Derivative {
            body,
            var,
            order,
            partial,
            steps,
            result,
            ..
        } => {
            for s in steps {
                rows(&prune(s, Limits::TEXT), None, 0, *partial, &mut out);
            }
            format!(
                "{} {} = {}",
                latex_operator(var, *order, *partial),
                latex_operand(body),
                result.latex()
            )
        }
        Answer::Integral {
            body,
            var,
            steps,
            result,
            constant,
            ..
        } => {
            rows(&prune(steps, Limits::TEXT), None, 0, false, &mut out);
            format!(
                "\\int {} \\,d{} = {} + {}",
                latex_operand(body),
                latex_name(var),
                result.latex(),
                latex_name(&constant_name(*constant, false))
            )
        }
        Answer::DefiniteIntegral {
            body,
            var,
            lower,
            upper,
            exact,
            result,
            value,
            ..
        } => {
            if let Some(e) = exact {
                rows(
                    &prune(&e.antiderivative, Limits::TEXT),
                    None,
                    0,
                    false,
                    &mut out,
                );
                rows(&prune(&e.theorem, Limits::TEXT), None, 0, false, &mut out);
            }
            let mut equation = format!(
                "\\int_{{{}}}^{{{}}} {} \\,d{} = {}",
                lower.latex(),
                upper.latex(),
                latex_operand(body),
                latex_name(var),
                result.latex()
            );
            if let Some(d) = decimal_after(result, *value) {
                equation.push_str(&format!(" \\approx {d}"));
            }
            equation
        }
        Answer::AtPoint {
            inner,
            point,
            result,
            value,
        } => {
            // A formula's value has no steps: the closing line names the formula instead.
            let (rows, mut closing, formula) = match &**inner {
                Answer::Expression { result: f, .. } => {
                    (Vec::new(), Vec::new(), format!("{} = ", f.latex()))
                }
                _ => {
                    let (rows, closing) = derivation(inner)?;
                    (rows, closing, String::new())
                }
            };
            let at: Vec<String> = point
                .iter()
                .map(|(v, e)| format!("{} = {}", latex_name(v), e.latex()))
                .collect();
            let mut shown = format!("{formula}{}", result.latex());
            if let Some(d) = decimal_after(result, *value) {
                shown.push_str(&format!(" \\approx {d}"));
            }
            // The point goes in the maths: a label is words, and would escape its backslashes.
            closing.push((
                "at the point".to_string(),
                format!("{}: \\quad {shown}", at.join(", ")),
            ));
            return Some((rows, closing));
        }
        _ => return None,
    };
    Some((out, vec![("result".to_string(), equation)]))
}

/// The sentences the text answer prints after a derivation: what a derivative by time
/// is, what a slope at a point means, what the constant of integration stands for.
fn afterword(answer: &Answer) -> Vec<String> {
    match answer {
        Answer::Derivative {
            var,
            order,
            partial: false,
            ..
        } => readings::time(var, *order)
            .map(|r| format!("Meaning: {r}"))
            .into_iter()
            .collect(),
        Answer::AtPoint {
            inner,
            point,
            result,
            value,
        } => {
            let mut out = afterword(inner);
            out.extend(
                session::meaning(inner, point, result, *value, Style::UNICODE)
                    .map(|m| format!("Reading it: {m}")),
            );
            out
        }
        Answer::Integral {
            body,
            result,
            constant,
            motion,
            ..
        } => {
            let (constant, motion) =
                constant_words(body, result, *constant, *motion, Style::UNICODE);
            std::iter::once(constant).chain(motion).collect()
        }
        _ => Vec::new(),
    }
}

/// A definition's formula: `x^{2}`, or `\\left(\\cos t, \\sin t\\right)` for a vector.
pub(super) fn body_latex(body: &Body<Expr>) -> String {
    match body {
        Body::Scalar(e) => e.latex(),
        Body::Vector(components) => {
            let shown: Vec<String> = components.iter().map(Expr::latex).collect();
            format!("\\left({}\\right)", shown.join(", "))
        }
    }
}

/// `f(x) = x^{2}` for a definition.
fn definition_latex(definition: &Definition) -> String {
    let params: Vec<String> = definition.params.iter().map(|p| latex_name(p)).collect();
    let name = latex_name(&definition.name);
    let body = body_latex(&definition.body);
    if params.is_empty() {
        format!("{name} = {body}")
    } else {
        format!("{name}\\left({}\\right) = {body}", params.join(", "))
    }
}

/// The answer as typeset blocks; `None` for answers that are words, not maths (help, lessons).
fn blocks(outcome: &Outcome) -> Option<Vec<Block>> {
    let reading = reading_latex(&outcome.statement);
    if let Some((rows, closing)) = derivation(&outcome.answer) {
        let mut out = vec![Block::Steps {
            reading,
            rows,
            closing,
        }];
        out.extend(
            afterword(&outcome.answer)
                .into_iter()
                .map(|w| Block::Words(vec![words(w)])),
        );
        return Some(out);
    }
    let closing = |closing: Closing| Block::Steps {
        reading: None,
        rows: Vec::new(),
        closing,
    };
    Some(match &outcome.answer {
        Answer::Expression { result, value } => {
            let mut shown = result.latex();
            if let Some(d) = decimal_after(result, *value) {
                shown.push_str(&format!(" \\approx {d}"));
            }
            let label = if value.is_some() {
                "value"
            } else {
                "simplified"
            };
            vec![Block::Steps {
                reading,
                rows: Vec::new(),
                closing: vec![(label.to_string(), shown)],
            }]
        }
        Answer::Defined { definition, .. } => vec![closing(vec![(
            "defined".to_string(),
            definition_latex(definition),
        )])],
        Answer::Forgotten(definition) => vec![closing(vec![(
            "forgot".to_string(),
            definition_latex(definition),
        )])],
        Answer::Definitions(defs) if defs.is_empty() => {
            vec![Block::Words(vec![words("No definitions yet.")])]
        }
        Answer::Definitions(defs) => vec![closing(
            defs.iter()
                .map(|d| ("defined".to_string(), definition_latex(d)))
                .collect(),
        )],
        Answer::Reset => vec![Block::Words(vec![words(
            "Everything is forgotten: no definitions, and no ans until the next answer.",
        )])],
        Answer::Multivar(answer) => super::multivar_latex::blocks(answer),
        Answer::Seeing(answer) => super::seeing_latex::blocks(outcome, answer),
        Answer::Tensor(answer) => super::tensor_latex::blocks(answer, reading),
        Answer::Training(answer) => super::training_latex::blocks(answer),
        _ => return None,
    })
}

/// Help, lessons and the like, as the terminal shows them.
fn plain_text(outcome: &Outcome) -> String {
    render_text(
        outcome,
        TextOptions {
            unicode: true,
            quiet: false,
        },
    )
}

/// The whole answer as LaTeX: the reading, each step and the result, in `align*` where
/// there are steps; vectors and matrices as `pmatrix`, tables as `tabular`.
pub fn render_latex(outcome: &Outcome) -> String {
    let mut out = format!("% nudge: {}\n", outcome.input);
    for n in &outcome.notes {
        out.push_str(&format!("% Note: {}\n", note_text(n, true)));
    }
    if let Answer::Notation(reading) = &outcome.answer {
        out.push_str(&format!(
            "% Reading: {}\n\\begin{{description}}\n",
            reading.shown
        ));
        for e in &reading.shapes {
            let w = words_of(&e.shape);
            out.push_str(&format!(
                "  \\item[{}] \\textbf{{{}.}} {}\n",
                escape(&e.shown),
                escape(&w.title),
                escape(&w.meaning)
            ));
        }
        out.push_str("\\end{description}\n");
        return out;
    }
    let Some(mut blocks) = blocks(outcome) else {
        // Help and lessons are words for the terminal, with nothing to typeset: comments.
        for line in plain_text(outcome).lines() {
            out.push_str(&format!("% {line}\n").replace("% \n", "%\n"));
        }
        return out;
    };
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
    let reading = match (&outcome.answer, reading_latex(&outcome.statement)) {
        (Answer::Notation(n), _) => n.shown.clone(),
        (_, Some(latex)) => format!("${latex}$"),
        (_, None) => format!("`{}`", reading_of_statement(&outcome.statement, true)),
    };
    let mut out = format!("**Reading:** {reading}\n");
    for n in &outcome.notes {
        out.push_str(&format!("\n*Note:* {}\n", note_text(n, true)));
    }
    out.push('\n');
    if let Answer::Notation(reading) = &outcome.answer {
        for e in &reading.shapes {
            let w = words_of(&e.shape);
            out.push_str(&format!("- **{}** — {}. {}\n", e.shown, w.title, w.meaning));
        }
        return out;
    }
    match blocks(outcome) {
        Some(blocks) => out.push_str(&markup::markdown(&blocks)),
        None => out.push_str(&format!("```\n{}```\n", plain_text(outcome))),
    }
    out
}
