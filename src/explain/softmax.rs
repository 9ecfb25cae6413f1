//! Softmax said in the shapes papers print: a gradient that is softmax (log-sum-exp's), and a
//! Jacobian written with the shares, s_i(δ_ij − s_j) = diag(s) − s sᵀ.

use super::doc::{Block, Line, Math, Span, Spelled, Tag};
use crate::calculus::{Known, Softmax, SoftmaxJacobian};
use crate::expr::{Expr, Style, Symbol};
use crate::tensor::{Fun, Tensor};
use std::rc::Rc;

/// `softmax(z₁, z₂, z₃)` as maths.
pub fn call(softmax: &Softmax) -> Math {
    Math::Call {
        name: Symbol::from("softmax"),
        args: softmax.inputs.clone(),
    }
}

/// The line under a gradient that is softmax: "Also written as: softmax(z₁, z₂, z₃)".
pub fn gradient_shape(softmax: &Softmax, out: &mut Vec<Block>) {
    out.push(Block::Words(vec![
        Span::tagged("Also written as:", Tag::Label),
        " ".into(),
        call(softmax).into(),
    ]));
    out.push(Block::Words(vec![
        "Each slope is one input's share, e^(its input) over the sum of them all: nudging an input of log-sum-exp moves it by that input's share of the total, so the gradient of log-sum-exp is softmax."
            .into(),
    ]));
}

/// The shares s_i named, and what each is: "s = softmax(z₁, z₂, z₃), so s₁ = e^z₁/(…)".
fn shares_named(softmax: &Softmax) -> Line {
    let s = Symbol::clone(&softmax.letter);
    let mut line: Line = vec![
        "Write ".into(),
        Math::Equation(vec![Math::symbol(&s), call(softmax)]).into(),
        ": entry i is input i's share, ".into(),
    ];
    line.push(
        Math::Equation(vec![
            Math::Expr(softmax.share(0)),
            Math::Expr(softmax.written(0)),
        ])
        .into(),
    );
    line.push(", and so on; the shares are positive and add to 1.".into());
    line
}

/// The softmax Jacobian in its shares, after the matrix the rules computed.
pub fn jacobian_shape(shaped: &SoftmaxJacobian, out: &mut Vec<Block>) {
    let softmax = &shaped.softmax;
    out.push(Block::Gap);
    out.push(Block::Words(vec![
        Span::tagged("The shape papers print:", Tag::Label),
        " these outputs are ".into(),
        call(softmax).into(),
        ".".into(),
    ]));
    out.push(Block::Words(shares_named(softmax)));
    let letter = softmax.letter.clone();
    out.push(Block::Words(vec![Spelled(Rc::new(move |style: Style| {
        let s = &*letter;
        if style.unicode {
            format!("Nudge input j and e^(input j) grows: its own share rises by {s}ⱼ(1 − {s}ⱼ) times the nudge, and since the shares always add to 1, every other share {s}ᵢ falls by {s}ᵢ·{s}ⱼ times the nudge. In one line, ∂{s}ᵢ/∂zⱼ = {s}ᵢ(δᵢⱼ − {s}ⱼ), where δᵢⱼ is 1 when i = j and 0 otherwise.")
        } else {
            format!("Nudge input j and e^(input j) grows: its own share rises by {s}_j*(1 - {s}_j) times the nudge, and since the shares always add to 1, every other share {s}_i falls by {s}_i*{s}_j times the nudge. In one line, d{s}_i/dz_j = {s}_i*(delta_ij - {s}_j), where delta_ij is 1 when i = j and 0 otherwise.")
        }
    }))
    .into()]));
    if !shaped.plain {
        out.push(Block::Words(vec![
            "The inputs here are not the variables themselves, so each entry also carries the slope of every input it depends on (the chain rule)."
                .into(),
        ]));
    }
    out.push(Block::Grid {
        lead: vec![Math::Expr(Expr::var("J")).into(), " = ".into()],
        rows: shaped
            .entries
            .iter()
            .map(|row| row.iter().map(|e| Math::Expr(e.clone())).collect())
            .collect(),
        decimals: None,
        tag: None,
    });
    if shaped.square {
        out.push(Block::Words(vec![
            Span::tagged("Also written as:", Tag::Label),
            " ".into(),
            Math::Equation(vec![
                Math::Expr(Expr::var("J")),
                Math::Tensor(diag_minus_outer(&softmax.letter)),
            ])
            .into(),
            ": the shares down the diagonal, less every product of two shares.".into(),
        ]));
    }
}

/// diag(s) − s sᵀ.
fn diag_minus_outer(letter: &Symbol) -> Tensor {
    let s = Tensor::Name(letter.clone());
    Tensor::Add(vec![
        Tensor::apply(Fun::Diag, s.clone()),
        Tensor::Mul(vec![Tensor::number(-1), s.clone(), Tensor::transpose(s)]),
    ])
}

/// What a softmax shape's letters stand for and what it assumes, after the shape:
/// ", where p = softmax(z₁, z₂, z₃), given y₁ + y₂ + y₃ = 1".
pub fn shape_terms(known: &Known) -> Line {
    let Some(softmax) = &known.softmax else {
        return Vec::new();
    };
    let mut line: Line = vec![
        ", where ".into(),
        Math::Equation(vec![Math::symbol(&softmax.letter), call(softmax)]).into(),
    ];
    if let Some(sum) = &known.given {
        line.push(", given ".into());
        line.push(Math::Equation(vec![Math::Expr(sum.clone()), Math::Expr(Expr::one())]).into());
        line.push(" (the targets add to 1)".into());
    }
    line
}
