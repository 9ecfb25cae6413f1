//! Jacobians and Hessians, said: each entry's steps by row, the matrix, and at a point.

use super::doc::{Block, Line, Math, Span, Tag};
use super::multivar::{entry, indented, introduce, meaning, names, said, shown_vector, vector};
use super::readings;
use super::session::wants_decimal;
use crate::calculus::multivar::{Derivation, Value};
use crate::calculus::Step;
use crate::engine::{MatrixAt, MultivarAnswer, Named};
use crate::expr::{Expr, Symbol};

/// A Jacobian's or a Hessian's blocks; nothing for any other answer.
pub fn matrix_answer(answer: &MultivarAnswer, out: &mut Vec<Block>) {
    match answer {
        MultivarAnswer::Jacobian {
            outputs,
            vars,
            rows,
            at,
            softmax,
        } => {
            jacobian(outputs, vars, rows, at.as_ref(), out);
            if let Some(shaped) = softmax {
                super::softmax::jacobian_shape(shaped, out);
            }
        }
        MultivarAnswer::Hessian {
            body,
            name,
            vars,
            rows,
            symmetric,
            same_forms,
            flat_spot,
            at,
        } => {
            let f = readings::function_name(name.as_ref());
            hessian(
                body,
                &f,
                vars,
                rows,
                (*symmetric, *same_forms),
                at.as_ref(),
                out,
            );
            if let (Some(spot), Some(at)) = (*flat_spot, at) {
                let point = at.point.clone();
                out.push(meaning(said(move |style| {
                    readings::flat_spot(&f, &shown_vector(&point, style), spot)
                })));
            }
        }
        _ => {}
    }
}

/// The step of derivative `n` inside its "derivative n of 2" wrapper.
pub fn inner_step(entry: &Derivation, n: usize) -> Option<&Step> {
    let step = entry.steps.get(n)?;
    Some(step.substeps.first().unwrap_or(step))
}

fn jacobian(
    outputs: &[Expr],
    vars: &[Symbol],
    rows: &[Vec<Derivation>],
    at: Option<&MatrixAt>,
    out: &mut Vec<Block>,
) {
    let mut inputs: Line = vec!["Inputs (columns): ".into()];
    inputs.extend(names(vars));
    inputs.push(".".into());
    out.push(Block::Words(inputs));
    out.push(Block::Words(vec![readings::JACOBIAN.into()]));
    for (i, (f, row)) in outputs.iter().zip(rows).enumerate() {
        out.push(Block::Gap);
        out.push(Block::Words(vec![
            Span::tagged(format!("Row {}, output", i + 1), Tag::Label),
            " ".into(),
            entry(f),
            ":".into(),
        ]));
        for (j, d) in row.iter().enumerate() {
            for step in &d.steps {
                out.push(indented(step, &format!("column {}: ", j + 1), true));
            }
        }
    }
    out.push(Block::Gap);
    show_matrix("J", rows, at, out);
}

fn hessian(
    body: &Expr,
    f: &str,
    vars: &[Symbol],
    rows: &[Vec<Derivation>],
    (symmetric, same_forms): (bool, bool),
    at: Option<&MatrixAt>,
    out: &mut Vec<Block>,
) {
    out.push(introduce(body, f, vars));
    out.push(Block::Words(vec![readings::hessian(f).into()]));
    for (i, row) in rows.iter().enumerate() {
        out.push(Block::Gap);
        out.push(Block::Words(vec![
            Span::tagged(format!("Row {}, the slopes of ", i + 1), Tag::Label),
            Span::tagged(
                Math::Named {
                    named: Named::Leibniz {
                        name: f.into(),
                        params: Vec::new(),
                    },
                    var: vars[i].clone(),
                    order: 1,
                    partial: true,
                },
                Tag::Label,
            ),
            Span::tagged(":", Tag::Label),
        ]));
        if let Some(step) = row.first().and_then(|e| inner_step(e, 0)) {
            out.push(indented(step, "", true));
        }
        for (j, entry) in row.iter().enumerate() {
            if symmetric && j < i {
                continue;
            }
            if let Some(step) = inner_step(entry, 1) {
                out.push(indented(step, &format!("column {}: ", j + 1), true));
            }
        }
    }
    let mirrored = symmetric && rows.len() > 1;
    if mirrored {
        out.push(Block::Gap);
        out.push(Block::Words(vec![readings::HESSIAN_MIRROR.into()]));
    }
    out.push(Block::Gap);
    show_matrix("H", rows, at, out);
    if mirrored {
        out.push(meaning(readings::hessian_symmetric(same_forms).into()));
    }
    out.push(meaning(readings::HESSIAN_USE.into()));
}

/// `H = [...]`, and at a point its values with their decimals under them.
fn show_matrix(name: &str, rows: &[Vec<Derivation>], at: Option<&MatrixAt>, out: &mut Vec<Block>) {
    let cells = |e: &Expr| Math::entry(Math::Expr(e.clone()));
    out.push(Block::Grid {
        lead: vec![Math::Expr(Expr::var(name)).into(), " = ".into()],
        rows: rows
            .iter()
            .map(|row| row.iter().map(|d| cells(&d.result)).collect())
            .collect(),
        decimals: None,
        tag: Some(Tag::Answer),
    });
    if let Some(at) = at {
        out.push(Block::Gap);
        out.push(Block::Grid {
            lead: vec![
                "At ".into(),
                vector(&at.point).into(),
                ": ".into(),
                Math::Expr(Expr::var(name)).into(),
                " = ".into(),
            ],
            rows: at
                .values
                .iter()
                .map(|row| row.iter().map(|v| cells(&v.exact)).collect())
                .collect(),
            decimals: decimals(&at.values),
            tag: Some(Tag::Answer),
        });
    }
}

/// The decimals shown under an exact matrix: when some entry is not whole.
fn decimals(values: &[Vec<Value>]) -> Option<Vec<Vec<f64>>> {
    values
        .iter()
        .flatten()
        .any(|v| wants_decimal(&v.exact))
        .then(|| {
            values
                .iter()
                .map(|row| row.iter().map(|v| v.approx).collect())
                .collect()
        })
}
