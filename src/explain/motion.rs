//! A moving point, said: each coordinate's steps, velocity and acceleration, speed, and the
//! values at one time.

use super::doc::{Block, Line, Math, Span, Tag};
use super::multivar::{approx, column, indented, meaning, result, results, said};
use super::readings;
use super::session::wants_decimal;
use crate::calculus::motion::{Length, Motion, MotionAt};
use crate::calculus::multivar::Exact;
use crate::engine::Named;
use crate::expr::Expr;

pub fn motion(m: &Motion, named: Option<&Named>, out: &mut Vec<Block>) {
    if m.order == 0 {
        // The length of the point itself: where it is, then how far from the origin.
        out.push(Block::Words(vec![
            label(m, named, 0).into(),
            " = ".into(),
            column(&m.components).into(),
        ]));
    } else {
        derivatives(m, named, out);
    }
    if let Some(length) = &m.length {
        out.push(Block::Gap);
        speed(m, length, named, out);
    }
    if let Some(at) = &m.at {
        out.push(Block::Gap);
        motion_at(m, at, named, out);
    }
}

/// Each coordinate's steps, the velocity before an acceleration, and the result.
fn derivatives(m: &Motion, named: Option<&Named>, out: &mut Vec<Block>) {
    if let Some(n) = named {
        let formula = Math::Tuple(m.components.clone());
        out.push(Block::Words(super::derivative::intro(
            n, formula, &m.var, m.order, false,
        )));
    }
    out.push(Block::Words(vec![
        "Each coordinate is differentiated on its own.".into(),
    ]));
    for (i, d) in m.derivatives.iter().enumerate() {
        out.push(Block::Gap);
        out.push(Block::Words(vec![Span::tagged(
            format!("Coordinate {}:", i + 1),
            Tag::Label,
        )]));
        for step in &d.steps {
            out.push(indented(step, "", false));
        }
    }
    out.push(Block::Gap);
    // Before an acceleration, the velocity it comes from.
    for k in 1..m.order {
        if let Some(word) = readings::motion_word(&m.var, k) {
            let middle: Vec<Expr> = m
                .derivatives
                .iter()
                .filter_map(|d| d.steps.get(k as usize - 1).map(|s| s.after.clone()))
                .collect();
            out.push(Block::Words(vec![
                format!("{word}: ").into(),
                label(m, named, k).into(),
                " = ".into(),
                column(&middle).into(),
            ]));
        }
    }
    let mut lhs: Line = readings::motion_word(&m.var, m.order)
        .map(|w| vec![format!("{w}: ").into()])
        .unwrap_or_default();
    lhs.push(label(m, named, m.order).into());
    out.push(result(lhs, column(&results(&m.derivatives))));
    if let Some(reading) = readings::time(&m.var, m.order) {
        out.push(meaning(reading.into()));
    }
}

/// `r′(t)`, `dr/dt`, or `d/dt (cos(t), sin(t), t)` for derivative `order`.
fn label(m: &Motion, named: Option<&Named>, order: u32) -> Math {
    match named {
        Some(n) => Math::entry(Math::Named {
            named: n.clone(),
            var: m.var.clone(),
            order,
            partial: false,
        }),
        None => Math::operator_on(
            Math::Operator {
                var: m.var.clone(),
                order,
                partial: false,
            },
            column(&m.components),
        ),
    }
}

fn speed(m: &Motion, length: &Length, named: Option<&Named>, out: &mut Vec<Block>) {
    let word = if m.order == 1 && readings::time(&m.var, 1).is_some() {
        "speed"
    } else {
        "length"
    };
    if word == "speed" {
        out.push(Block::Words(vec![readings::SPEED.into()]));
    } else if m.order == 0 {
        out.push(Block::Words(vec![readings::DISTANCE.into()]));
    }
    let mut line: Line = vec![
        format!("{word}: ").into(),
        chain(&results(&m.derivatives), length).into(),
    ];
    if length.tidied.is_some() {
        line.push(said(|style| {
            format!("   ({})", readings::pythagoras(style.unicode))
        }));
    }
    out.push(Block::Words(line));
    let lhs = vec![Math::norm(label(m, named, m.order)).into()];
    out.push(result(lhs, approx(&length.result, length.value)));
}

/// `√(a² + b²) = √(squares) = √(tidied) = result`, a form that reads as the next one left out.
fn chain(coordinates: &[Expr], length: &Length) -> Math {
    let mut forms = vec![
        Math::root(Math::entry(Math::Squares(coordinates.to_vec()))),
        Math::root(Math::entry(Math::Expr(length.squares.clone()))),
    ];
    if let Some(tidied) = &length.tidied {
        forms.push(Math::root(Math::Expr(tidied.clone())));
    }
    forms.push(Math::entry(Math::Expr(length.result.clone())));
    Math::Equation(forms)
}

/// `At t = 2: r′(2) = (-sin(2), cos(2), 1) ≈ (…)`, and the length there.
fn motion_at(m: &Motion, at: &MotionAt, named: Option<&Named>, out: &mut Vec<Block>) {
    let place = vec![
        Span::tagged("At ", Tag::Label),
        Span::tagged(Math::symbol(&m.var), Tag::Label),
        Span::tagged(" = ", Tag::Label),
        Span::tagged(Math::entry(Math::Expr(at.value.clone())), Tag::Label),
        Span::tagged(":", Tag::Label),
    ];
    let here = match named {
        Some(Named::Prime { name, .. }) => {
            let here = Named::Prime {
                name: name.clone(),
                arg: at.value.clone(),
            };
            label(m, Some(&here), m.order)
        }
        _ => label(m, named, m.order),
    };
    let exact = Exact::exacts(&at.vector);
    let decimals = Exact::decimals(&at.vector).filter(|_| exact.iter().any(wants_decimal));
    let shown = |tag: Option<Tag>| -> Line {
        let paint = |span: Span| Span { tag, ..span };
        let mut line = vec![paint(column(&exact).into())];
        if let Some(d) = &decimals {
            line.extend([paint(" ≈ ".into()), paint(Math::Decimals(d.clone()).into())]);
        }
        line
    };
    let mut first = [place.clone(), vec![" ".into(), here.clone().into()]].concat();
    first.push(" = ".into());
    match &at.length {
        None => {
            first.extend(shown(Some(Tag::Answer)));
            out.push(Block::Words(first));
        }
        Some(length) => {
            first.extend(shown(None));
            out.push(Block::Words(first));
            let lhs = [place, vec![" ".into(), Math::norm(here).into()]].concat();
            out.push(result(lhs, approx(&length.exact, length.approx)));
        }
    }
}
