//! Steps as JSON: each rule's working with its substeps, kept to a size a program can take in.

use crate::calculus::{Detail, Rule, Step as Worked};
use crate::explain::catalogue::note;
use crate::explain::prune::{prune, Limits, Shown};
use crate::expr::{latex_name, latex_operand, latex_operator, Expr, Style};
use crate::present::latex_maths::{bound, STEP_NODES};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// Longest expression written inside a step, in characters.
const STEP_BUDGET: usize = 4000;
/// Largest `steps` list written, in bytes of JSON: a larger one is left out, and the answer
/// says so with `"steps_omitted": true`, so that a line stays a size a program can take in.
const STEPS_BYTES: usize = 1 << 20;

/// One step: `{"rule", "before", "after", "note", "latex", "substeps"}`; a run of steps left
/// out is a step of rule `elided` whose `note` counts them.
#[derive(Serialize)]
pub struct Step {
    rule: &'static str,
    before: String,
    after: String,
    note: String,
    latex: String,
    substeps: Vec<Step>,
}

impl Step {
    /// A step tree, pruned to the JSON limits.
    pub fn of(step: &Worked) -> Step {
        Step::shown(&prune(step, Limits::JSON), false)
    }

    /// `partial` once inside a partial derivative, where the LaTeX writes ∂.
    fn shown(shown: &Shown, partial: bool) -> Step {
        match shown {
            Shown::Elided(e) => Step {
                rule: "elided",
                before: String::new(),
                after: String::new(),
                note: e.describe(),
                latex: String::new(),
                substeps: Vec::new(),
            },
            Shown::Step { step, children } => {
                let budget = Style::ASCII.with_budget(STEP_BUDGET);
                let inner = partial || step.rule == Rule::Partial;
                Step {
                    rule: step.rule.id(),
                    before: step.before.to_text(budget),
                    after: step.after.to_text(budget),
                    note: note(step, Style::UNICODE),
                    latex: step_latex(step, partial),
                    substeps: children.iter().map(|c| Step::shown(c, inner)).collect(),
                }
            }
        }
    }
}

/// A `steps` list, flattened into its answer: `"steps": [...]`, or, when its JSON would pass
/// `STEPS_BYTES`, `"steps": [], "steps_omitted": true`.
pub struct Steps<T = Step> {
    list: Vec<T>,
    omitted: bool,
}

impl<T: Serialize> Steps<T> {
    pub fn new(list: Vec<T>) -> Steps<T> {
        if json_len(&list) > STEPS_BYTES {
            Steps {
                list: Vec::new(),
                omitted: true,
            }
        } else {
            Steps {
                list,
                omitted: false,
            }
        }
    }
}

impl Steps {
    /// An answer without working: `"steps": []`.
    pub fn none() -> Steps {
        Steps::new(Vec::new())
    }

    /// Each tree in turn.
    pub fn of<'a>(trees: impl IntoIterator<Item = &'a Worked>) -> Steps {
        Steps::new(trees.into_iter().map(Step::of).collect())
    }
}

impl<T: Serialize> Serialize for Steps<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("steps", &self.list)?;
        if self.omitted {
            map.serialize_entry("steps_omitted", &true)?;
        }
        map.end()
    }
}

/// How many bytes `value` takes as JSON, without keeping the text.
fn json_len(value: &impl Serialize) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0 += bytes.len();
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    let _ = serde_json::to_writer(&mut count, value);
    count.0
}

/// One step as a LaTeX equation: `\frac{d}{dx} x^{2} = 2 x`, `\int x \,dx = \frac{x^{2}}{2}`.
/// `partial` is whether the step sits inside a partial derivative.
fn step_latex(step: &Worked, partial: bool) -> String {
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
            let end = |e: Option<&Expr>| e.map_or_else(String::new, bound);
            format!(
                "\\int_{{{}}}^{{{}}} {} \\,d{x}",
                end(stretches.first().map(|s| &s.lower)),
                end(stretches.last().map(|s| &s.upper)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Answer {
        #[serde(flatten)]
        steps: Steps<String>,
        after: bool,
    }

    fn line(list: Vec<String>) -> String {
        let answer = Answer {
            steps: Steps::new(list),
            after: true,
        };
        serde_json::to_string(&answer).expect("JSON")
    }

    #[test]
    fn a_list_past_a_megabyte_is_left_out_and_said_so_beside_it() {
        let big = vec!["x".repeat(1 << 10); 1 << 10];
        assert_eq!(
            line(big),
            r#"{"steps":[],"steps_omitted":true,"after":true}"#
        );
        assert_eq!(line(vec!["x".into()]), r#"{"steps":["x"],"after":true}"#);
    }
}
