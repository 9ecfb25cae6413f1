//! A moving point, said: each coordinate's steps, velocity and acceleration, speed, and the
//! values at one time.

use super::doc::{Block, Line, Math, Span, Tag};
use super::multivar::{
    approx, decimals_text, indented, meaning, result, results, said, shown, vector,
};
use super::readings;
use super::session::wants_decimal;
use crate::calculus::motion::{Length, Motion, MotionAt};
use crate::calculus::multivar::Exact;
use crate::engine::Named;
use crate::expr::{Expr, Kind, Style};

pub fn motion(m: &Motion, named: Option<&Named>, out: &mut Vec<Block>) {
    if m.order == 0 {
        // The length of the point itself: where it is, then how far from the origin.
        let mut line = label(m, named, 0);
        line.extend([" = ".into(), vector(&m.components).into()]);
        out.push(Block::Words(line));
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
            let mut line: Line = vec![format!("{word}: ").into()];
            line.extend(label(m, named, k));
            line.extend([" = ".into(), vector(&middle).into()]);
            out.push(Block::Words(line));
        }
    }
    let mut lhs: Line = readings::motion_word(&m.var, m.order)
        .map(|w| vec![format!("{w}: ").into()])
        .unwrap_or_default();
    lhs.extend(label(m, named, m.order));
    out.push(result(lhs, vector(&results(&m.derivatives))));
    if let Some(reading) = readings::time(&m.var, m.order) {
        out.push(meaning(reading.into()));
    }
}

/// `r′(t)`, `dr/dt`, or `d/dt (cos(t), sin(t), t)` for derivative `order`.
fn label(m: &Motion, named: Option<&Named>, order: u32) -> Line {
    match named {
        Some(n) => vec![Math::entry(Math::Named {
            named: n.clone(),
            var: m.var.clone(),
            order,
            partial: false,
        })
        .into()],
        None => vec![
            Math::Operator {
                var: m.var.clone(),
                order,
                partial: false,
            }
            .into(),
            " ".into(),
            vector(&m.components).into(),
        ],
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
    let (coordinates, length_said) = (results(&m.derivatives), length.clone());
    out.push(Block::Words(vec![said(move |style| {
        format!("{word}: {}", chain(&coordinates, &length_said, style))
    })]));
    let mut lhs: Line = vec!["|".into()];
    lhs.extend(label(m, named, m.order));
    lhs.push("|".into());
    out.push(result(lhs, approx(&length.result, length.value)));
}

/// `√(a² + b²) = √(squares) = √(tidied) = result`, each form once, and the identity used.
fn chain(coordinates: &[Expr], length: &Length, style: Style) -> String {
    let root = if style.unicode { "√" } else { "sqrt" };
    let squares: Vec<String> = coordinates.iter().map(|e| squared(e, style)).collect();
    let mut forms = vec![
        format!("{root}({})", squares.join(" + ")),
        format!("{root}({})", shown(&length.squares, style)),
    ];
    if let Some(tidied) = &length.tidied {
        let text = shown(tidied, style);
        let plain = style.unicode
            && (tidied.as_number().is_some() || matches!(tidied.kind(), Kind::Var(_)));
        forms.push(if plain {
            format!("{root}{text}")
        } else {
            format!("{root}({text})")
        });
    }
    forms.push(shown(&length.result, style));
    forms.dedup();
    let mut chain = forms.join(" = ");
    if length.tidied.is_some() {
        chain.push_str(&format!("   ({})", readings::pythagoras(style.unicode)));
    }
    chain
}

/// `e²`, bracketed unless it is a whole number or a single name.
fn squared(e: &Expr, style: Style) -> String {
    let text = shown(e, style);
    let bare = match e.kind() {
        Kind::Num(n) => n.is_integer() && !n.is_negative(),
        Kind::Var(_) | Kind::Const(_) => true,
        _ => false,
    };
    let text = if bare { text } else { format!("({text})") };
    if style.unicode {
        format!("{text}²")
    } else {
        format!("{text}^2")
    }
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
        let mut line = vec![paint(vector(&exact).into())];
        if let Some(d) = &decimals {
            line.push(paint(format!(" ≈ {}", decimals_text(d)).into()));
        }
        line
    };
    let mut first = [place.clone(), vec![" ".into()], here.clone()].concat();
    first.push(" = ".into());
    match &at.length {
        None => {
            first.extend(shown(Some(Tag::Answer)));
            out.push(Block::Words(first));
        }
        Some(length) => {
            first.extend(shown(None));
            out.push(Block::Words(first));
            let lhs = [place, vec![" |".into()], here, vec!["|".into()]].concat();
            out.push(result(lhs, approx(&length.exact, length.approx)));
        }
    }
}
