//! Answers with sums, vectors and matrices: each result as ASCII that nudge reads back, Unicode
//! and LaTeX, with its shape and the shape of every name.

use super::steps::Steps;
use super::{point_latex, Formula, Named};
use crate::expr::Symbol;
use crate::tensor::{
    latex, text, Grid, IdentityStep, Shape, SumAnswer, SumWay, Tensor, TensorAnswer,
};
use serde::Serialize;

#[derive(Serialize)]
#[serde(untagged)]
pub enum Fields {
    /// `declaration`: names given shapes.
    Declared { declared: Vec<Declared> },
    /// `notation`: each piece of notation with the shape of the part it makes.
    Read {
        explanations: Vec<Explanation>,
        #[serde(flatten)]
        steps: Steps,
    },
    /// `shaped`: a formula and its shape.
    Shaped { shape: Size, shapes: Named<Size> },
    /// `sum_gradient`: the slope by each, in order.
    Gradient { gradient: Vec<Slope> },
    /// `sum_derivative`.
    Sum(Sum),
    /// `matrix_derivative`: `layout` is `gradient` or `jacobian`.
    Identity {
        variable: String,
        layout: &'static str,
        shape: Size,
        shapes: Named<Size>,
        #[serde(flatten)]
        steps: Steps<Identity>,
        #[serde(skip_serializing_if = "Option::is_none")]
        by_entries: Option<ByEntries>,
    },
}

/// A shape: `rows` and `cols`, each a number or a letter (`n`).
#[derive(Serialize)]
pub struct Size {
    rows: String,
    cols: String,
}

#[derive(Serialize)]
pub struct Declared {
    name: String,
    shape: Size,
    symmetric: bool,
}

#[derive(Serialize)]
pub struct Explanation {
    notation: String,
    shape: &'static str,
    title: &'static str,
    meaning: String,
    size: Size,
}

/// The slope of a formula with sums by a number: `method` is `written_out` or `linearity`.
#[derive(Serialize)]
pub struct Sum {
    variable: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    written_out: Option<String>,
    method: &'static str,
    #[serde(flatten)]
    steps: Steps,
}

/// One slope of a gradient, with its value.
#[derive(Serialize)]
pub struct Slope {
    #[serde(flatten)]
    formula: Formula,
    #[serde(flatten)]
    sum: Sum,
}

/// A step by an identity: the part it applies to, with its shape, and the slope it gives.
#[derive(Serialize)]
pub struct Identity {
    rule: &'static str,
    part: String,
    shape: Size,
    slope: String,
    substeps: Vec<Identity>,
}

/// The same derivative worked entry by entry at small sizes, and whether the two agree.
#[derive(Serialize)]
pub struct ByEntries {
    written: Named<Vec<Vec<String>>>,
    slopes: Vec<Vec<String>>,
    identity: Vec<Vec<String>>,
    agree: bool,
}

/// The formula these answers head with.
pub fn head(answer: &TensorAnswer) -> Option<Formula> {
    match answer {
        TensorAnswer::Declared(_) | TensorAnswer::Read(_) => None,
        TensorAnswer::Shaped(s) => Some(formula(&s.expr)),
        TensorAnswer::Sum(s) => Some(formula(&s.result)),
        TensorAnswer::Identity(a) => Some(formula(&a.result)),
        TensorAnswer::Gradient(parts) => {
            let tuple = |unicode: bool| {
                let shown: Vec<String> = parts.iter().map(|s| text(&s.result, unicode)).collect();
                format!("({})", shown.join(", "))
            };
            Some(Formula {
                result: tuple(false),
                unicode: tuple(true),
                latex: point_latex(parts.iter().map(|s| latex(&s.result))),
            })
        }
    }
}

pub fn fields(answer: &TensorAnswer) -> Fields {
    match answer {
        TensorAnswer::Declared(ds) => Fields::Declared {
            declared: ds
                .iter()
                .map(|d| Declared {
                    name: d.name.to_string(),
                    shape: size(&d.shape),
                    symmetric: d.symmetric,
                })
                .collect(),
        },
        TensorAnswer::Read(found) => Fields::Read {
            explanations: found
                .iter()
                .map(|f| {
                    let (title, meaning) = crate::explain::tensor_read::words(f);
                    Explanation {
                        notation: text(&f.part, true),
                        shape: f.notation.id(),
                        title,
                        meaning,
                        size: size(&f.shape),
                    }
                })
                .collect(),
            steps: Steps::none(),
        },
        TensorAnswer::Shaped(s) => Fields::Shaped {
            shape: size(&s.shape),
            shapes: sizes(&s.shapes),
        },
        TensorAnswer::Gradient(parts) => Fields::Gradient {
            gradient: parts
                .iter()
                .map(|s| Slope {
                    formula: formula(&s.result),
                    sum: sum(s),
                })
                .collect(),
        },
        TensorAnswer::Sum(s) => Fields::Sum(sum(s)),
        TensorAnswer::Identity(a) => Fields::Identity {
            variable: a.var.to_string(),
            layout: if a.jacobian { "jacobian" } else { "gradient" },
            shape: size(&a.result_shape),
            shapes: sizes(&a.shapes),
            steps: Steps::new(vec![identity(&a.steps)]),
            by_entries: a.by_entries.as_ref().map(|route| ByEntries {
                written: route
                    .written
                    .iter()
                    .map(|(n, g)| (n.to_string(), grid(g)))
                    .collect(),
                slopes: grid(&route.slopes),
                identity: grid(&route.identity),
                agree: route.agree,
            }),
        },
    }
}

fn sum(s: &SumAnswer) -> Sum {
    let (written_out, method, steps) = match &s.way {
        SumWay::Expanded { written, steps } => {
            (Some(written.ascii()), "written_out", Steps::of([steps]))
        }
        SumWay::Linear(terms) => (None, "linearity", Steps::of(terms.iter().map(|t| &t.steps))),
    };
    Sum {
        variable: s.var.to_string(),
        written_out,
        method,
        steps,
    }
}

fn formula(t: &Tensor) -> Formula {
    Formula {
        result: text(t, false),
        unicode: text(t, true),
        latex: latex(t),
    }
}

fn size(s: &Shape) -> Size {
    Size {
        rows: s.rows.to_string(),
        cols: s.cols.to_string(),
    }
}

fn sizes(list: &[(Symbol, Shape)]) -> Named<Size> {
    list.iter().map(|(n, s)| (n.to_string(), size(s))).collect()
}

fn grid(g: &Grid) -> Vec<Vec<String>> {
    g.iter()
        .map(|row| row.iter().map(|e| e.ascii()).collect())
        .collect()
}

fn identity(step: &IdentityStep) -> Identity {
    Identity {
        rule: step.rule.id(),
        part: text(&step.part, false),
        shape: size(&step.shape),
        slope: text(&step.slope, false),
        substeps: step.substeps.iter().map(identity).collect(),
    }
}
