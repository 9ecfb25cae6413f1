//! Answers as LaTeX (an `align*` derivation) and as Markdown with `$…$` maths, for notes.

use super::catalogue::{note, title};
use super::notation::words;
use super::prune::{prune, Limits, Shown};
use super::text::{child_labels, decimal};
use crate::calculus::Step;
use crate::engine::{Answer, Outcome};
use crate::expr::{latex_name, latex_operand, Style};
use crate::syntax::reading_of_statement;

/// `\frac{d}{dx}`, `\frac{\partial}{\partial x}`, `\frac{d^{2}}{dx^{2}}`.
pub fn latex_operator(var: &str, order: u32, partial: bool) -> String {
    let d = if partial { "\\partial " } else { "d" };
    let x = latex_name(var);
    match order {
        1 => format!("\\frac{{{}}}{{{d}{x}}}", d.trim_end()),
        n => format!("\\frac{{{}^{{{n}}}}}{{{d}{x}^{{{n}}}}}", d.trim_end()),
    }
}

/// One step as a LaTeX equation: `\frac{d}{dx} x^{2} = 2 x`.
pub fn step_latex(step: &Step, partial: bool) -> String {
    format!(
        "{} {} = {}",
        latex_operator(&step.var, 1, partial),
        latex_operand(&step.before),
        step.after.latex()
    )
}

/// A step or an elision, flattened with its depth and its label ("outer", "inner").
struct Row {
    depth: usize,
    heading: String,
    maths: Option<String>,
    words: String,
}

fn rows(shown: &Shown, label: Option<&str>, depth: usize, partial: bool, out: &mut Vec<Row>) {
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
    let labels = child_labels(step.rule);
    let mut real = 0;
    for child in children {
        let l = match child {
            Shown::Step { .. } => {
                real += 1;
                labels.get(real - 1).copied()
            }
            Shown::Elided(_) => None,
        };
        rows(child, l, depth + 1, partial, out);
    }
}

/// The rows of a derivative answer, and its result equation.
fn derivation(outcome: &Outcome) -> Option<(Vec<Row>, String)> {
    let Answer::Derivative {
        body,
        var,
        order,
        partial,
        steps,
        result,
    } = &outcome.answer
    else {
        return None;
    };
    let mut out = Vec::new();
    for s in steps {
        rows(&prune(s, Limits::TEXT), None, 0, *partial, &mut out);
    }
    let equation = format!(
        "{} {} = {}",
        latex_operator(var, *order, *partial),
        latex_operand(body),
        result.latex()
    );
    Some((out, equation))
}

/// `\text{…}` with the characters LaTeX treats specially escaped.
fn text(words: &str) -> String {
    let mut out = String::new();
    for c in words.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '_' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            _ => out.push(c),
        }
    }
    format!("\\text{{{out}}}")
}

/// The whole answer as LaTeX: the reading as a comment, then an `align*` derivation.
pub fn render_latex(outcome: &Outcome) -> String {
    let mut out = format!(
        "% Reading: {}\n",
        reading_of_statement(&outcome.statement, true)
    );
    for n in &outcome.notes {
        out.push_str(&format!("% Note: {}\n", n.message));
    }
    match &outcome.answer {
        Answer::Derivative { .. } => {
            let Some((rows, equation)) = derivation(outcome) else {
                return out;
            };
            out.push_str("\\begin{align*}\n");
            for r in &rows {
                let indent = "\\quad ".repeat(r.depth);
                match &r.maths {
                    Some(m) => out.push_str(&format!(
                        "  &{indent}{} && {m} \\\\\n",
                        text(&format!("{}:", r.heading))
                    )),
                    None => out.push_str(&format!("  &{indent}{} \\\\\n", text(&r.words))),
                }
            }
            out.push_str(&format!(
                "  &{} && {equation}\n\\end{{align*}}\n",
                text("result:")
            ));
        }
        Answer::Expression { result, value } => {
            out.push_str(&format!("\\begin{{align*}}\n  &{}", result.latex()));
            if let Some(v) = value.filter(|_| result.as_number().is_none_or(|n| !n.is_integer())) {
                out.push_str(&format!(" \\approx {}", decimal(v)));
            }
            out.push_str("\n\\end{align*}\n");
        }
        Answer::Notation(reading) => {
            for e in &reading.shapes {
                let w = words(&e.shape);
                out.push_str(&format!("% {}: {}. {}\n", e.shown, w.title, w.meaning));
            }
        }
    }
    out
}

/// The whole answer as Markdown: steps as a list, maths in `$…$`.
pub fn render_markdown(outcome: &Outcome) -> String {
    let mut out = format!(
        "**Reading:** {}\n",
        match &outcome.answer {
            Answer::Notation(n) => n.shown.clone(),
            Answer::Derivative {
                body,
                var,
                order,
                partial,
                ..
            } => format!(
                "${} {}$",
                latex_operator(var, *order, *partial),
                latex_operand(body)
            ),
            Answer::Expression { .. } =>
                format!("`{}`", reading_of_statement(&outcome.statement, true)),
        }
    );
    for n in &outcome.notes {
        out.push_str(&format!("\n*Note:* {}\n", n.message));
    }
    out.push('\n');
    match &outcome.answer {
        Answer::Derivative { .. } => {
            let Some((rows, equation)) = derivation(outcome) else {
                return out;
            };
            for r in &rows {
                let indent = "  ".repeat(r.depth);
                match &r.maths {
                    Some(m) => out.push_str(&format!(
                        "{indent}- **{}:** ${m}$ — {}\n",
                        r.heading, r.words
                    )),
                    None => out.push_str(&format!("{indent}- {}\n", r.words)),
                }
            }
            out.push_str(&format!("\n**Result:** ${equation}$\n"));
        }
        Answer::Expression { result, value } => {
            let label = if value.is_some() {
                "Value"
            } else {
                "Simplified"
            };
            out.push_str(&format!("**{label}:** ${}$", result.latex()));
            if let Some(v) = value.filter(|_| result.as_number().is_none_or(|n| !n.is_integer())) {
                out.push_str(&format!(" ≈ {}", decimal(v)));
            }
            out.push('\n');
        }
        Answer::Notation(reading) => {
            for e in &reading.shapes {
                let w = words(&e.shape);
                out.push_str(&format!("- **{}** — {}. {}\n", e.shown, w.title, w.meaning));
            }
        }
    }
    out
}
