//! The Reading line of a line with shapes: the formula as read, and each name's shape.

use super::tensor::{TensorQuery, TensorStatement};
use crate::expr::{latex_name, operator, unicode_name, Symbol};
use crate::tensor::{latex, text, Declaration, Shape, Tensor};

/// `∂/∂x xᵀAx   (x: n×1, A: n×n)`; a declaration reads back in its own words.
pub fn reading(statement: &TensorStatement, unicode: bool) -> String {
    read_query(&statement.query, statement, unicode)
}

fn read_query(query: &TensorQuery, statement: &TensorStatement, unicode: bool) -> String {
    match query {
        TensorQuery::Read(inner) => read_query(inner, statement, unicode),
        TensorQuery::Gradient { vars, of } => {
            let names: Vec<String> = vars.iter().map(|v| name(v, unicode)).collect();
            let nabla = if unicode { "∇" } else { "grad" };
            let body = text(of, unicode);
            let body = if matches!(of, Tensor::Add(_)) {
                format!("({body})")
            } else {
                body
            };
            format!("{nabla}_{{{}}} {body}", names.join(", "))
        }
        TensorQuery::Declare(ds) => declared(ds, unicode),
        TensorQuery::Show(t) => with_shapes(text(t, unicode), &statement.shapes, unicode),
        TensorQuery::Derivative { var, partial, of } => {
            let op = operator(var, 1, *partial, unicode);
            let body = text(of, unicode);
            let body = if matches!(of, Tensor::Add(_)) {
                format!("({body})")
            } else {
                body
            };
            with_shapes(format!("{op} {body}"), &statement.shapes, unicode)
        }
    }
}

/// The line as read, in LaTeX.
pub fn reading_latex(statement: &TensorStatement) -> String {
    latex_query(&statement.query, statement)
}

fn latex_query(query: &TensorQuery, statement: &TensorStatement) -> String {
    match query {
        TensorQuery::Read(inner) => latex_query(inner, statement),
        TensorQuery::Gradient { vars, of } => {
            let names: Vec<String> = vars.iter().map(|v| latex_name(v)).collect();
            format!("\\nabla_{{{}}} {}", names.join(", "), latex(of))
        }
        TensorQuery::Declare(ds) => ds
            .iter()
            .map(|d| {
                format!(
                    "{} \\in \\mathbb{{R}}^{{{}}}",
                    latex_name(&d.name),
                    d.shape.size(true).replace('×', " \\times ")
                )
            })
            .collect::<Vec<_>>()
            .join(",\\ "),
        TensorQuery::Show(t) => latex(t),
        TensorQuery::Derivative { var, partial, of } => {
            let d = if *partial { "\\partial" } else { "d" };
            let name = match statement.shapes.iter().find(|(n, _)| n == var) {
                Some((_, s)) if s.is_column() => format!("\\mathbf{{{}}}", latex_name(var)),
                _ => latex_name(var),
            };
            format!("\\frac{{{d}}}{{{d} {name}}} {}", latex(of))
        }
    }
}

fn declared(ds: &[Declaration], unicode: bool) -> String {
    let mut groups: Vec<(Vec<Symbol>, &Declaration)> = Vec::new();
    for d in ds {
        match groups
            .iter_mut()
            .find(|(_, g)| g.shape == d.shape && g.symmetric == d.symmetric)
        {
            Some((names, _)) => names.push(d.name.clone()),
            None => groups.push((vec![d.name.clone()], d)),
        }
    }
    groups
        .iter()
        .map(|(names, d)| {
            let names: Vec<String> = names.iter().map(|n| name(n, unicode)).collect();
            format!(
                "{}: {}",
                names.join(", "),
                shape_words(&d.shape, d.symmetric)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `vector(n)`, `matrix(m, n)`, `symmetric matrix(n, n)`, `scalar`.
pub fn shape_words(shape: &Shape, symmetric: bool) -> String {
    if shape.is_scalar() {
        "scalar".into()
    } else if shape.is_column() {
        format!("vector({})", shape.rows)
    } else {
        let s = if symmetric { "symmetric " } else { "" };
        format!("{s}matrix({}, {})", shape.rows, shape.cols)
    }
}

fn name(n: &str, unicode: bool) -> String {
    if unicode {
        unicode_name(n)
    } else {
        n.to_string()
    }
}

fn with_shapes(read: String, shapes: &[(Symbol, Shape)], unicode: bool) -> String {
    let listed: Vec<String> = shapes
        .iter()
        .filter(|(_, s)| !s.is_scalar())
        .map(|(n, s)| format!("{}: {}", name(n, unicode), s.size(unicode)))
        .collect();
    if listed.is_empty() {
        read
    } else {
        format!("{read}   ({})", listed.join(", "))
    }
}
