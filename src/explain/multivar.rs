//! A many-variable answer, said: each partial's steps, then vectors and what they mean.

use super::doc::{
    Block, Doc, Inline, Line, Math, Quiet, Span, Spelled, StepItem, Tag, ENTRY_BUDGET,
};
use super::session::wants_decimal;
use super::{labelled_line, readings, steps};
use crate::calculus::multivar::{Derivation, Direction, Directional, GradientAt, Value};
use crate::calculus::Step;
use crate::engine::{Headline, MultivarAnswer, Named, Swapped};
use crate::expr::{decimal, Expr, Style, Symbol};
use std::rc::Rc;

pub use super::multivar_matrix::inner_step;

/// The body of a many-variable answer, after the reading.
pub fn multivar(answer: &MultivarAnswer) -> Doc {
    let mut blocks = Vec::new();
    match answer {
        MultivarAnswer::MixedPartial {
            body,
            derivation,
            swapped,
        } => mixed(body, derivation, swapped.as_ref(), &mut blocks),
        MultivarAnswer::Gradient {
            body,
            name,
            vars,
            partials,
            at,
            softmax,
        } => {
            gradient(
                body,
                name.as_ref(),
                vars,
                partials,
                at.as_ref(),
                &mut blocks,
            );
            if let Some(s) = softmax {
                super::softmax::gradient_shape(s, &mut blocks);
            }
        }
        MultivarAnswer::Directional {
            body,
            name,
            vars,
            partials,
            directional: d,
        } => directional(body, name.as_ref(), vars, partials, d, &mut blocks),
        MultivarAnswer::Jacobian { .. } | MultivarAnswer::Hessian { .. } => {
            super::multivar_matrix::matrix_answer(answer, &mut blocks)
        }
        MultivarAnswer::Motion { motion, named } => {
            super::motion::motion(motion, named.as_ref(), &mut blocks)
        }
        MultivarAnswer::Literal {
            rows,
            matrix: false,
            decimals: Some(decimals),
        } => {
            // A vector of numbers is a value, as f(2) is: exact, then decimals when not whole.
            let exact = rows.first().map_or(&[][..], Vec::as_slice);
            let mut line = vec![
                Span::tagged("Value:", Tag::Label),
                " ".into(),
                Span::tagged(column(exact), Tag::Answer),
            ];
            if exact.iter().any(wants_decimal) {
                line.extend([
                    Span::tagged(" ≈ ", Tag::Answer),
                    Span::tagged(Math::Decimals(decimals.clone()), Tag::Answer),
                ]);
            }
            blocks.push(Block::Words(line));
        }
        MultivarAnswer::Literal { .. } => {
            let lead = vec![Span::tagged("Simplified:", Tag::Label), " ".into()];
            blocks.push(headline(answer, lead, true));
        }
    }
    Doc {
        blocks,
        quiet: Quiet::Blocks(vec![quiet(answer)]),
    }
}

/// What `-q` prints: the final answer whole.
fn quiet(answer: &MultivarAnswer) -> Block {
    if let MultivarAnswer::Directional { directional, .. } = answer {
        let value = &directional.value;
        return Block::Words(vec![approx_whole(&value.exact, Some(value.approx)).into()]);
    }
    headline(answer, Vec::new(), false)
}

/// The final answer on its own: an expression, a vector, or a matrix behind `lead`;
/// `shown` marks it as the answer and keeps its entries to their length.
fn headline(answer: &MultivarAnswer, lead: Line, shown: bool) -> Block {
    let fit = |m: Math| if shown { Math::entry(m) } else { m };
    let tagged = |m: Math| {
        if shown {
            Span::tagged(fit(m), Tag::Answer)
        } else {
            m.into()
        }
    };
    match answer.headline() {
        Headline::Scalar(e) => Block::Words([lead, vec![tagged(Math::Expr(e))]].concat()),
        Headline::Vector(v) => Block::Words([lead, vec![tagged(Math::Tuple(v))]].concat()),
        Headline::Matrix(m) => Block::Grid {
            lead,
            rows: m
                .into_iter()
                .map(|row| row.into_iter().map(|e| fit(Math::Expr(e))).collect())
                .collect(),
            decimals: None,
            tag: shown.then_some(Tag::Answer),
        },
    }
}

pub(super) fn entry(e: &Expr) -> Span {
    Math::entry(Math::Expr(e.clone())).into()
}

fn entry_operand(e: &Expr) -> Span {
    Math::entry(Math::Operand(e.clone())).into()
}

pub(super) fn vector(entries: &[Expr]) -> Math {
    Math::entry(Math::Tuple(entries.to_vec()))
}

/// A vector as a result: a column where maths is displayed, kept to an entry's length.
pub(super) fn column(entries: &[Expr]) -> Math {
    Math::entry(Math::Column(entries.to_vec()))
}

fn column_of(values: &[Value]) -> Math {
    column(&values.iter().map(|v| v.exact.clone()).collect::<Vec<_>>())
}

/// An exact value, with its decimal when it has one and is not a whole number.
pub(super) fn approx(exact: &Expr, value: Option<f64>) -> Math {
    Math::entry(approx_whole(exact, value))
}

fn approx_whole(exact: &Expr, value: Option<f64>) -> Math {
    let e = Math::Expr(exact.clone());
    match value.filter(|_| wants_decimal(exact)) {
        Some(v) => Math::Approx(Box::new(e), v),
        None => e,
    }
}

/// `e` as shown in words, kept to an entry's length.
pub(super) fn shown(e: &Expr, style: Style) -> String {
    e.to_text(style.with_budget(ENTRY_BUDGET))
}

pub(super) fn shown_vector(entries: &[Expr], style: Style) -> String {
    let shown: Vec<String> = entries.iter().map(|e| shown(e, style)).collect();
    format!("({})", shown.join(", "))
}

/// Words written once the style is known.
pub(super) fn said(words: impl Fn(Style) -> String + 'static) -> Span {
    Spelled(Rc::new(words)).into()
}

pub(super) fn meaning(words: Span) -> Block {
    Block::Words(labelled_line("Meaning:", words))
}

pub(super) fn result(mut lhs: Line, rhs: Math) -> Block {
    lhs.extend([" = ".into(), Span::tagged(rhs, Tag::Answer)]);
    Block::Words(lhs)
}

pub(super) fn derivation_steps(derivation: &Derivation, partial: bool) -> Block {
    Block::Steps(steps(&derivation.steps, partial))
}

/// One partial derivative of `f`, its last line naming what it found: `so: ∂f/∂x = 2x·y`.
fn named_partial(derivation: &Derivation, f: &str) -> Block {
    let mut items = steps(&derivation.steps, true);
    if let ([StepItem::Step(step)], [var]) = (items.as_mut_slice(), derivation.vars.as_slice()) {
        let found = step.closing.as_mut().and_then(|line| line.last_mut());
        if let Some(Span {
            content: Inline::Math(result),
            ..
        }) = found
        {
            let name = Math::Named {
                named: Named::Leibniz {
                    name: Symbol::from(f),
                    params: Vec::new(),
                },
                var: var.clone(),
                order: 1,
                partial: true,
            };
            *result = Math::Equation(vec![name, result.clone()]);
        }
    }
    Block::Steps(items)
}

/// One step tree, set in, its first line led by `lead`.
pub(super) fn indented(step: &Step, lead: &str, partial: bool) -> Block {
    Block::Inset {
        lead: vec![lead.into()],
        body: vec![Block::Steps(steps(std::slice::from_ref(step), partial))],
    }
}

/// Names separated by commas.
pub(super) fn names(vars: &[Symbol]) -> Line {
    let mut line = Vec::new();
    for (i, v) in vars.iter().enumerate() {
        if i > 0 {
            line.push(", ".into());
        }
        line.push(Math::symbol(v).into());
    }
    line
}

/// `f = x² + y², with variables x, y (in this order).`
pub(super) fn introduce(body: &Expr, f: &str, vars: &[Symbol]) -> Block {
    let mut line = vec![
        Math::Equation(vec![
            Math::Expr(Expr::var(f)),
            Math::entry(Math::Expr(body.clone())),
        ])
        .into(),
        ", with variables ".into(),
    ];
    line.extend(names(vars));
    line.push(" (in this order).".into());
    Block::Words(line)
}

fn mixed(body: &Expr, derivation: &Derivation, swapped: Option<&Swapped>, out: &mut Vec<Block>) {
    if let [first, second] = derivation.vars.as_slice() {
        let (a, b) = (Expr::symbol(first.clone()), Expr::symbol(second.clone()));
        out.push(Block::Words(vec![said(move |style| {
            readings::mixed_order(&shown(&a, style), &shown(&b, style))
        })]));
    }
    out.extend([Block::Gap, derivation_steps(derivation, true), Block::Gap]);
    let lhs = vec![
        Math::Partials(derivation.vars.clone()).into(),
        " ".into(),
        entry_operand(body),
    ];
    out.push(result(
        lhs,
        Math::entry(Math::Expr(derivation.result.clone())),
    ));
    if let Some(other) = swapped {
        let reversed: Vec<Symbol> = derivation.vars.iter().rev().cloned().collect();
        let other = other.clone();
        out.push(meaning(said(move |style| {
            let op = crate::expr::partials(&reversed, style);
            readings::mixed_check(&op, &shown(&other.result, style), &other)
        })));
    }
}

/// `∇f` as the learner named it, or `∇(formula)` for a formula typed out.
fn nabla_of(body: &Expr, name: Option<&Symbol>, f: &str) -> Math {
    match name {
        Some(_) => nabla(f),
        None => Math::gradient(Math::group(Math::entry(Math::Expr(body.clone())))),
    }
}

/// `∇f`.
fn nabla(f: &str) -> Math {
    Math::gradient(Math::Expr(Expr::var(f)))
}

fn gradient(
    body: &Expr,
    name: Option<&Symbol>,
    vars: &[Symbol],
    partials: &[Derivation],
    at: Option<&GradientAt>,
    out: &mut Vec<Block>,
) {
    let f = readings::function_name(name);
    out.push(introduce(body, &f, vars));
    out.push(Block::Words(vec![readings::gradient(&f).into()]));
    for d in partials {
        out.extend([Block::Gap, named_partial(d, &f)]);
    }
    out.push(Block::Gap);
    out.push(result(
        vec![nabla_of(body, name, &f).into()],
        column(&results(partials)),
    ));
    if let Some(at) = at {
        out.push(Block::Gap);
        gradient_at(at, &f, out);
    }
}

fn gradient_at(at: &GradientAt, f: &str, out: &mut Vec<Block>) {
    out.push(Block::Words(vec![
        "At ".into(),
        vector(&at.point).into(),
        ":".into(),
    ]));
    out.push(Block::Words(vec![
        "  ".into(),
        nabla(f).into(),
        " = ".into(),
        Span::tagged(column_of(&at.vector), Tag::Answer),
    ]));
    let exacts: Vec<Expr> = at.vector.iter().map(|g| g.exact.clone()).collect();
    out.push(Block::Words(vec![
        "  length: ".into(),
        Math::Equation(vec![
            Math::norm(nabla(f)),
            Math::root(Math::entry(Math::Squares(exacts))),
            approx(&at.length.exact, Some(at.length.approx)),
        ])
        .into(),
    ]));
    match &at.direction {
        Some(dir) => {
            let (exact, decimals) = direction(dir);
            out.push(Block::Words(vec![
                "  steepest ascent: ".into(),
                Math::Equation(vec![Math::slash(nabla(f), Math::norm(nabla(f))), exact]).into(),
                " ≈ ".into(),
                decimals.into(),
            ]));
            out.push(Block::Words(vec![
                "  steepest descent: ".into(),
                Math::Equation(vec![
                    Math::negated(nabla(f)),
                    Math::entry(Math::Column(at.descent.clone())),
                ])
                .into(),
            ]));
            let rate = decimal((at.length.approx * 100.0).round() / 100.0);
            let (f, point, dir) = (f.to_string(), at.point.clone(), dir.clone());
            out.push(meaning(said(move |style| {
                let along = shown_vector(&dir.along, style);
                let point = shown_vector(&point, style);
                readings::steepest(&f, &point, &along, &rate, &format!("−∇{f}"))
            })));
        }
        None => {
            let point = at.point.clone();
            out.push(meaning(said(move |style| {
                readings::flat(&shown_vector(&point, style))
            })));
        }
    }
}

/// `(1, 2)/√5`, and its decimals `(0.447214, 0.894427)`.
fn direction(dir: &Direction) -> (Math, Math) {
    let along = Math::entry(Math::Column(dir.along.clone()));
    let exact = if dir.norm.is_one() {
        along
    } else {
        Math::slash(along, Math::entry(Math::Expr(dir.norm.clone())))
    };
    (exact, Math::Decimals(dir.unit.clone()))
}

fn directional(
    body: &Expr,
    name: Option<&Symbol>,
    vars: &[Symbol],
    partials: &[Derivation],
    d: &Directional,
    out: &mut Vec<Block>,
) {
    let f = readings::function_name(name);
    out.push(introduce(body, &f, vars));
    out.push(Block::Words(vec![readings::directional(&f).into()]));
    for p in partials {
        out.extend([Block::Gap, named_partial(p, &f)]);
    }
    out.push(Block::Gap);
    out.push(Block::Words(vec![
        "At ".into(),
        vector(&d.at.point).into(),
        ": ".into(),
        Math::Equation(vec![nabla(&f), column_of(&d.at.vector)]).into(),
    ]));
    let (unit, decimals) = direction(&d.unit);
    out.push(Block::Words(vec![
        "Direction ".into(),
        vector(&d.along).into(),
        ": its length is ".into(),
        Math::Equation(vec![
            Math::root(Math::entry(Math::Squares(d.along.clone()))),
            Math::entry(Math::Expr(d.length_of_along.clone())),
        ])
        .into(),
        ", so ".into(),
        Math::Equation(vec![unit_vector(), unit]).into(),
        " ≈ ".into(),
        decimals.into(),
    ]));
    let pairs: Vec<(Expr, Expr)> = (d.at.vector.iter())
        .zip(&d.along)
        .map(|(g, a)| (g.exact.clone(), a.clone()))
        .collect();
    let length = || Math::entry(Math::Expr(d.length_of_along.clone()));
    out.push(Block::Words(vec![Math::Equation(vec![
        along_u(&f),
        Math::slash(Math::group(Math::entry(Math::Dot(pairs))), length()),
        Math::slash(Math::entry(Math::Expr(d.dot.clone())), length()),
    ])
    .into()]));
    out.push(Block::Gap);
    out.push(result(
        vec![along_u(&f).into()],
        approx(&d.value.exact, Some(d.value.approx)),
    ));
    out.push(meaning(
        readings::directional_sign(&f, d.value.approx).into(),
    ));
}

/// `∇f · u`.
fn along_u(f: &str) -> Math {
    Math::times(nabla(f), unit_vector())
}

/// The direction made one unit long, `u`: a vector, bold where maths is typeset.
fn unit_vector() -> Math {
    Math::Tensor(crate::tensor::Tensor::Name(Symbol::from("u")))
}

pub(super) fn results(partials: &[Derivation]) -> Vec<Expr> {
    partials.iter().map(|d| d.result.clone()).collect()
}
