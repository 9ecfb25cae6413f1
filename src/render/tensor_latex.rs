//! Answers with sums, vectors and matrices as LaTeX and Markdown: a row per identity with
//! the part, its shape and the slope it receives, and the result as an equation.

use super::markup::{words, Block, Row};
use crate::expr::latex_name;
use crate::tensor::{latex, IdentityStep, Shape, SumWay, TensorAnswer};

pub(super) fn blocks(answer: &TensorAnswer, reading: Option<String>) -> Vec<Block> {
    match answer {
        TensorAnswer::Declared(ds) => vec![Block::Steps {
            reading,
            rows: Vec::new(),
            closing: ds
                .iter()
                .map(|d| {
                    (
                        "declared".to_string(),
                        format!("{} \\in {}", name(&d.name, &d.shape), space(&d.shape)),
                    )
                })
                .collect(),
        }],
        TensorAnswer::Shaped(s) => vec![Block::Steps {
            reading,
            rows: Vec::new(),
            closing: vec![(
                "shape".to_string(),
                format!("{} \\in {}", latex(&s.expr), space(&s.shape)),
            )],
        }],
        TensorAnswer::Sum(s) => {
            let rows = match &s.way {
                SumWay::Expanded { written, .. } => vec![Row {
                    depth: 0,
                    heading: "written out".to_string(),
                    maths: Some(written.latex()),
                    words: "few terms, so nudge writes the sum out term by term".to_string(),
                }],
                SumWay::Linear(terms) => terms
                    .iter()
                    .map(|t| Row {
                        depth: 0,
                        heading: "sum rule".to_string(),
                        maths: Some(super::latex::step_latex(&t.steps, false)),
                        words: "the general term, differentiated once for any i".to_string(),
                    })
                    .collect(),
            };
            vec![Block::Steps {
                reading,
                rows,
                closing: vec![("result".to_string(), latex(&s.result))],
            }]
        }
        TensorAnswer::Identity(a) => {
            let mut rows = Vec::new();
            identity_rows(&a.steps, 0, &mut rows);
            vec![Block::Steps {
                reading,
                rows,
                closing: vec![(
                    "result".to_string(),
                    format!("{} \\in {}", latex(&a.result), space(&a.result_shape)),
                )],
            }]
        }
        TensorAnswer::Gradient(parts) => {
            let rows = parts
                .iter()
                .map(|s| Row {
                    depth: 0,
                    heading: format!("by {}", s.var),
                    maths: Some(latex(&s.result)),
                    words: String::new(),
                })
                .collect();
            let results: Vec<String> = parts.iter().map(|s| latex(&s.result)).collect();
            vec![Block::Steps {
                reading,
                rows,
                closing: vec![(
                    "result".to_string(),
                    format!("\\left({}\\right)", results.join(", ")),
                )],
            }]
        }
        TensorAnswer::Read(_) => vec![Block::Words(vec![words(
            "Put into words with its shapes; see the text answer.",
        )])],
    }
}

fn identity_rows(step: &IdentityStep, depth: usize, out: &mut Vec<Row>) {
    out.push(Row {
        depth,
        heading: step.rule.id().replace('_', " "),
        maths: Some(format!(
            "{} \\in {} \\quad \\to \\quad {}",
            latex(&step.part),
            space(&step.shape),
            latex(&step.slope)
        )),
        words: String::new(),
    });
    for s in &step.substeps {
        identity_rows(s, depth + 1, out);
    }
}

fn name(n: &str, shape: &Shape) -> String {
    if shape.is_column() {
        format!("\\mathbf{{{}}}", latex_name(n))
    } else {
        latex_name(n)
    }
}

/// `\mathbb{R}^{m \times n}`, `\mathbb{R}^{n}`, `\mathbb{R}`.
fn space(s: &Shape) -> String {
    if s.is_scalar() {
        "\\mathbb{R}".to_string()
    } else if s.is_column() {
        format!("\\mathbb{{R}}^{{{}}}", s.rows)
    } else {
        format!("\\mathbb{{R}}^{{{} \\times {}}}", s.rows, s.cols)
    }
}
