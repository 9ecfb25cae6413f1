//! `read` for sums, vectors and matrices: each piece of notation in words, with the shape
//! of the part it makes.

use super::doc::{Block, Doc, Line, Quiet, Span, Tag};
use crate::expr::unicode_name;
use crate::tensor::{text, Found, Notation, Tensor};

/// The title and meaning of one piece, in nudge's words (Unicode; `tensor` spells ASCII).
pub fn words(found: &Found) -> (&'static str, String) {
    let part = text(&found.part, true);
    let shape = found.shape.describe(true);
    let u = bracketed(inside(&found.part));
    match &found.notation {
        Notation::Sum => ("sum", format!("{part}: add up the term after Σ for each value of the index, from the bound below to the bound above; it is {shape}.")),
        Notation::Transpose => ("transpose", format!("{part}: {u} turned on its side, rows becoming columns; it is {shape}.")),
        Notation::QuadraticForm => ("quadratic form", format!("{part}: a row times a matrix times a column, one number: Σ_i Σ_j of each pair of entries times the matrix entry between them.")),
        Notation::MatrixProduct => ("matrix product", format!("{part}: each entry is a row of the left side times a column of the right side, entry by entry and added up; it is {shape}.")),
        Notation::Norm => ("length (the 2-norm)", format!("{part}: the length of {u}, the square root of the sum of its entries squared (‖·‖₂); a number.")),
        Notation::SquaredNorm => ("squared length", format!("{part}: the sum of the squares of the entries of {u}, the same as {u}ᵀ{u} for a vector; a number.")),
        Notation::Hadamard => ("entry-by-entry product (⊙, Hadamard)", format!("{part}: the two sides multiplied entry by entry, so both have the same shape; it is {shape}.")),
        Notation::DotProduct => ("dot product", format!("{part}: the entries multiplied in pairs and added up, the same as a transpose times the other; a number.")),
        Notation::Trace => ("trace", format!("{part}: the sum of the diagonal entries of {u}, a square matrix; a number.")),
        Notation::Determinant => ("determinant", format!("{part}: the factor by which {u} stretches volume; {u} is square; a number.")),
        Notation::LogDeterminant => ("log-determinant", format!("{part}: the natural log of the determinant of {u}; a number.")),
        Notation::Inverse => ("inverse", format!("{part}: the matrix that undoes {u}: multiplied together they give I.")),
        Notation::Elementwise => ("entry by entry", format!("{part}: the function applied to each entry of {u} on its own; it is {shape}, the shape of {u}.")),
        Notation::Softmax => ("softmax", format!("{part}: e to each entry, divided by their sum: positive entries that add up to 1; it is {shape}.")),
        Notation::Gradient { var, var_shape } => {
            let v = unicode_name(var);
            let what = if var_shape.is_column() { "a vector" } else { "a matrix" };
            ("gradient", format!("the slope of {part} by {v}: {what} the same shape as {v} ({}), whose entry in each place is the slope as only that entry of {v} is nudged.", var_shape.size(true)))
        }
        Notation::Jacobian { var, var_shape } => {
            let v = unicode_name(var);
            ("Jacobian", format!("the slope of {part} by {v}: a matrix with a row for each entry of {part} ({}) and a column for each entry of {v} ({}).", found.shape.rows, var_shape.rows))
        }
        Notation::Slope { var } => ("partial derivative", format!("how much {part} shifts when {} alone is nudged.", unicode_name(var))),
    }
}

/// The part a piece of notation acts on: x in ‖x‖², W in log det W.
fn inside(t: &Tensor) -> &Tensor {
    match t {
        Tensor::Norm(u) | Tensor::Transpose(u) | Tensor::Inverse(u) => u,
        Tensor::Apply(_, u) => match u.as_ref() {
            Tensor::Apply(crate::tensor::Fun::Det, m) => m,
            _ => u,
        },
        Tensor::Pow(b, _) => inside(b),
        other => other,
    }
}

/// `(Wx - y)` where a sum would misread beside more symbols.
fn bracketed(t: &Tensor) -> String {
    match t {
        Tensor::Add(_) => format!("({})", text(t, true)),
        _ => text(t, true),
    }
}

/// The body of a `read` answer: one line per piece of notation.
pub fn read(found: &[Found]) -> Doc {
    let lines: Vec<Line> = found
        .iter()
        .map(|f| {
            let (title, meaning) = words(f);
            vec![Span::tagged(title, Tag::Rule), ": ".into(), meaning.into()]
        })
        .collect();
    let mut blocks = vec![Block::Gap];
    blocks.extend(lines.iter().cloned().map(Block::Words));
    if found.is_empty() {
        blocks.push(Block::Words(vec![
            "a formula with no notation of its own to read.".into(),
        ]));
    }
    Doc {
        blocks,
        quiet: Quiet::Lines(lines),
    }
}
