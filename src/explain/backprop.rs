//! A backpropagation, said: the forward pass as a table, the backward pass link by link, the
//! graph drawn, every parameter's gradient read aloud, and the check against the whole formula.

use super::backprop_drawing::drawing;
use super::doc::{Block, Doc, Line, Math, Quiet, Span, Spelled, Tag};
use super::graph_chain::slope;
use super::session::about;
use crate::engine::{BackpropAnswer, BackpropNode, Role, Val};
use crate::expr::{Expr, Number, Style, Symbol};
use std::rc::Rc;

/// The body of a backpropagation answer, after the reading.
pub fn backprop(answer: &BackpropAnswer) -> Doc {
    let mut blocks = vec![
        Block::Gap,
        Block::Words(vec![Span::tagged(
            "Forward pass: each step worked out from the values before it.",
            Tag::Label,
        )]),
        forward(answer),
        Block::Gap,
        Block::Words(vec![Span::tagged(
            "Backward pass: from the loss down, each link's local derivative times the gradient arriving from above.",
            Tag::Label,
        )]),
        backward(answer),
    ];
    if answer.nodes.iter().any(|n| uses(answer, &n.name) > 1) {
        blocks.push(Block::Words(vec![Span::tagged(
            "A node used by more than one step adds the products from each: the multivariable chain rule.",
            Tag::Quiet,
        )]));
    }
    blocks.push(Block::Gap);
    blocks.push(Block::Drawing {
        unicode: backprop_drawing_unicode(answer),
        ascii: drawing(answer, Style::ASCII),
    });
    blocks.push(Block::Gap);
    blocks.push(Block::Words(vec![Span::tagged("Gradients:", Tag::Label)]));
    for node in answer.parameters() {
        blocks.push(gradient(answer, node));
    }
    blocks.push(Block::Gap);
    blocks.push(check(answer));
    Doc {
        blocks,
        quiet: Quiet::Lines(
            answer
                .parameters()
                .map(|n| {
                    let mut line: Line = vec![slope(&answer.loss, &n.name, true).into()];
                    line.extend(equals(&n.gradient));
                    line
                })
                .collect(),
        ),
    }
}

/// The graph drawn with box characters, for every format that keeps a drawing as it is.
pub fn backprop_drawing_unicode(answer: &BackpropAnswer) -> Vec<String> {
    drawing(answer, Style::UNICODE)
}

/// How many steps use `name`.
fn uses(answer: &BackpropAnswer, name: &Symbol) -> usize {
    answer.links.iter().filter(|l| &l.input == name).count()
}

/// node | formula | value.
fn forward(answer: &BackpropAnswer) -> Block {
    let rows = answer
        .nodes
        .iter()
        .map(|n| {
            let formula: Line = match (&n.formula, n.role) {
                (Some(f), Role::Step) => vec![Math::Expr(f.clone()).into()],
                (_, Role::Set) => vec![Span::tagged("defined", Tag::Quiet)],
                _ => vec![Span::tagged("given", Tag::Quiet)],
            };
            vec![
                vec![Math::symbol(&n.name).into()],
                formula,
                vec![value(&n.value)],
            ]
        })
        .collect();
    Block::Table {
        head: vec![
            vec!["node".into()],
            vec!["formula".into()],
            vec!["value".into()],
        ],
        rows,
    }
}

/// link (step ← input) | local derivative | value there | from above | product; headed
/// with short words, so that the neuron's table fits 80 columns.
fn backward(answer: &BackpropAnswer) -> Block {
    let mut rows = vec![vec![
        vec![Math::symbol(&answer.loss).into()],
        vec![Span::tagged("the loss itself", Tag::Quiet)],
        vec![],
        vec![],
        vec![
            slope(&answer.loss, &answer.loss, true).into(),
            " = 1".into(),
        ],
    ]];
    for link in &answer.links {
        let last_use = answer
            .links
            .iter()
            .rev()
            .find(|l| l.input == link.input)
            .is_some_and(|l| std::ptr::eq(l, link));
        let mut product = vec![value(&link.product)];
        if last_use {
            let total = answer
                .node(&link.input)
                .map_or(link.product.clone(), |n| n.gradient.clone());
            if uses(answer, &link.input) > 1 {
                product = vec![
                    value(&link.product),
                    "; added up: ".into(),
                    slope(&answer.loss, &link.input, true).into(),
                ];
                product.extend(equals(&total));
            } else {
                product = vec![slope(&answer.loss, &link.input, true).into()];
                product.extend(equals(&link.product));
            }
        }
        rows.push(vec![
            vec![
                Math::symbol(&link.step).into(),
                " ← ".into(),
                Math::symbol(&link.input).into(),
            ],
            vec![Math::Equation(vec![
                slope(&link.step, &link.input, true),
                Math::Expr(link.local.clone()),
            ])
            .into()],
            vec![value(&link.local_at)],
            vec![value(&link.from_above)],
            product,
        ]);
    }
    Block::Table {
        head: vec![
            vec!["link".into()],
            vec!["local derivative".into()],
            vec!["value there".into()],
            vec!["from above".into()],
            vec!["product".into()],
        ],
        rows,
    }
}

/// A value as the tables show it: exact where it is a fraction (and its decimal beside it
/// when that is rounded), else its decimal after ≈.
pub fn value(v: &Val) -> Span {
    let decimal = crate::expr::decimal(v.approx);
    let Some(exact) = &v.exact else {
        return format!("≈ {decimal}").into();
    };
    let exact_decimal = exact
        .as_number()
        .is_some_and(|n| Number::parse_decimal(&decimal).as_ref() == Some(n));
    if exact_decimal {
        return decimal.into();
    }
    let exact = exact.clone();
    Spelled(Rc::new(move |style| {
        format!("{} ≈ {decimal}", exact.to_text(style))
    }))
    .into()
}

/// ` = 0.5`, ` = 1/3 ≈ 0.333333` or ` ≈ 0.49948`: a value after its name.
fn equals(v: &Val) -> Line {
    match v.exact {
        Some(_) => vec![" = ".into(), value(v)],
        None => vec![format!(" ≈ {}", crate::expr::decimal(v.approx)).into()],
    }
}

/// `∂L/∂w = -0.187174: nudge w up by a little and L moves by about -0.187 times as much.`
fn gradient(answer: &BackpropAnswer, node: &BackpropNode) -> Block {
    let (loss, name) = (answer.loss.clone(), node.name.clone());
    let g = node.gradient.approx;
    let reading = Spelled(Rc::new(move |style| reading(&loss, &name, g, style)));
    let mut line: Line = vec!["  ".into(), slope(&answer.loss, &node.name, true).into()];
    line.extend(
        equals(&node.gradient)
            .into_iter()
            .map(|s| Span::tagged(s.content, Tag::Answer)),
    );
    line.push(": ".into());
    line.push(reading.into());
    Block::Words(line)
}

fn reading(loss: &Symbol, name: &Symbol, g: f64, style: Style) -> String {
    let (l, w) = (
        Expr::symbol(loss.clone()).to_text(style),
        Expr::symbol(name.clone()).to_text(style),
    );
    if g == 0.0 {
        return format!("nudge {w} up by a little and {l} does not move at all.");
    }
    let sign = if g < 0.0 { "-" } else { "" };
    let way = if g < 0.0 { "down" } else { "up" };
    format!(
        "nudge {w} up by a little and {l} moves by about {sign}{} times as much ({way}).",
        about(g.abs())
    )
}

/// The same gradients from differentiating the whole formula.
fn check(answer: &BackpropAnswer) -> Block {
    let all = answer.checks.iter().all(|c| c.agrees);
    let loss = Math::symbol(&answer.loss);
    let line: Line = if all {
        vec![
            Span::tagged("Check:", Tag::Label),
            " differentiating the whole formula of ".into(),
            loss.into(),
            format!(
                ", every step put in place, gives the same {} gradient{}, with far less writing this way.",
                answer.checks.len(),
                if answer.checks.len() == 1 { "" } else { "s" }
            )
            .into(),
        ]
    } else {
        let differ: Vec<String> = answer
            .checks
            .iter()
            .filter(|c| !c.agrees)
            .map(|c| format!("{} ({})", c.name, crate::expr::decimal(c.value)))
            .collect();
        vec![
            Span::tagged("Check:", Tag::Warning),
            format!(
                " differentiating the whole formula gives other values for {}; please report this.",
                differ.join(", ")
            )
            .into(),
        ]
    };
    Block::Words(line)
}
