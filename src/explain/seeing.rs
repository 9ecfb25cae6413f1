//! The seeing answers, said: nudge tables, tangent lines, plots and contour maps (limits in
//! `explain/limit.rs`).

use super::doc::{Block, Doc, Layout, Line, Math, Quiet, Span, Spelled, Tag};
use super::limit_words::{aligned, verdict_short};
use super::seeing_words::{legend, point_slope, trimmed, two_sides, typed_body, why_text};
use crate::engine::{ContourAnswer, GradientAt, NudgeAnswer, SeeingAnswer, TangentAnswer};
use crate::expr::{decimal, operand, Expr, Style, Symbol};
use crate::numeric::nudge::NudgeRow;
use crate::syntax::{reading, Node, Statement};
use std::rc::Rc;

/// The body of a seeing answer, after the reading.
pub fn seeing(answer: &SeeingAnswer, statement: &Statement) -> Doc {
    let body = |e: &Expr| function(typed_body(statement), e);
    let mut blocks = vec![Block::Gap];
    match answer {
        SeeingAnswer::Nudge(n) => nudge(n, body(&n.body), &mut blocks),
        SeeingAnswer::Tangent(t) => tangent(t, body(&t.body), &mut blocks),
        SeeingAnswer::Limit(l) => super::limit::limit(l, body(&l.body), &mut blocks),
        SeeingAnswer::Plot(p) => {
            let statement = Rc::new(statement.clone());
            let legend = (0..p.curves.len())
                .map(|i| {
                    let (p, statement) = (p.clone(), statement.clone());
                    let said = move |style| legend(&p, &statement, style).swap_remove(i);
                    vec![Spelled(Rc::new(said)).into()]
                })
                .collect();
            blocks.push(Block::Plot {
                plot: Box::new(p.clone()),
                legend,
            });
        }
        SeeingAnswer::Contour(c) => contour(c, &mut blocks),
    }
    Doc {
        blocks,
        quiet: Quiet::Result(quiet(answer)),
    }
}

/// The learner's function as typed (`(1 + 1/n)ⁿ`, not `(1/n + 1)ⁿ`), or as computed.
fn function(typed: Option<&Node>, e: &Expr) -> Span {
    match typed {
        Some(node) => {
            let node = node.clone();
            Spelled(Rc::new(move |style: Style| reading(&node, style.unicode))).into()
        }
        None => Math::Expr(e.clone()).into(),
    }
}

/// The one line `-q` prints.
fn quiet(answer: &SeeingAnswer) -> Line {
    match answer {
        SeeingAnswer::Nudge(n) => match (&n.slope, n.slope_value) {
            (Ok(s), Some(v)) => vec![with_decimal(s, v).into()],
            _ => vec!["undefined".into()],
        },
        SeeingAnswer::Tangent(t) => vec!["y = ".into(), expr(&t.line)],
        SeeingAnswer::Limit(l) => {
            let verdict = l.verdict.clone();
            vec![Spelled(Rc::new(move |style| verdict_short(&verdict, style))).into()]
        }
        SeeingAnswer::Plot(p) => {
            let mut line = Vec::new();
            for (i, c) in p.curves.iter().enumerate() {
                if i > 0 {
                    line.push(", ".into());
                }
                line.push(expr(&c.expr));
            }
            line
        }
        SeeingAnswer::Contour(c) => match &c.gradient {
            Some(g) => gradient(g, None),
            None => vec![expr(&c.body)],
        },
    }
}

fn expr(e: &Expr) -> Span {
    Math::Expr(e.clone()).into()
}

fn sym(v: &Symbol) -> Span {
    Math::symbol(v).into()
}

/// `π/4 ≈ 0.785398`, or just `6` for a whole number.
fn with_decimal(e: &Expr, v: f64) -> Math {
    if e.as_number().is_some_and(|n| n.is_integer()) {
        Math::Expr(e.clone())
    } else {
        Math::Approx(Box::new(Math::Expr(e.clone())), v)
    }
}

/// `f(x)`: the name the tables use for the learner's expression.
fn f_of(var: &Symbol) -> Vec<Span> {
    vec!["f(".into(), sym(var), ")".into()]
}

/// `3 + h`, `h` at 0.
fn plus_h(at: &Expr) -> Vec<Span> {
    if at.is_zero() {
        vec!["h".into()]
    } else {
        vec![expr(at), " + h".into()]
    }
}

/// A line of words put together from pieces.
fn words(pieces: Vec<Vec<Span>>) -> Block {
    Block::Words(pieces.concat())
}

fn nudge(n: &NudgeAnswer, body: Span, out: &mut Vec<Block>) {
    let (x, a) = (sym(&n.var), expr(&n.at));
    out.push(words(vec![
        vec!["Let ".into()],
        f_of(&n.var),
        vec![" = ".into(), body, ".".into()],
    ]));
    out.push(words(vec![
        vec![
            "Nudge ".into(),
            x.clone(),
            " from ".into(),
            a.clone(),
            " to ".into(),
        ],
        plus_h(&n.at),
        vec![", and divide the change in f by the nudge h:".into()],
    ]));
    out.push(Block::Gap);
    let table = n.clone();
    out.push(Block::Drawn(Layout::new(move |style| {
        nudge_table(&table, style)
    })));
    out.push(Block::Gap);
    let d = expr(&n.derivative);
    let exact: Vec<Span> = vec![
        Span::tagged("Exact slope:", Tag::Label),
        " f′(".into(),
        x.clone(),
        ") = ".into(),
        d,
    ];
    match (&n.slope, n.slope_value) {
        (Ok(slope), Some(v)) => {
            out.push(words(vec![
                exact,
                vec![
                    ", so f′(".into(),
                    a.clone(),
                    ") = ".into(),
                    Span::tagged(with_decimal(slope, v), Tag::Answer),
                ],
            ]));
            out.push(words(vec![vec![format!(
                "As h shrinks, the quotients close in on {}.",
                trimmed(v, n.decimals)
            )
            .into()]]));
            out.push(words(vec![vec![
                "That is the derivative: the rate of change with the nudge shrunk toward zero."
                    .into(),
            ]]));
        }
        _ => {
            out.push(words(vec![
                exact,
                vec![
                    ", which has no value at ".into(),
                    x.clone(),
                    " = ".into(),
                    a.clone(),
                    format!(" ({}).", why_text(&n.slope)).into(),
                ],
            ]));
            out.extend(
                two_sides(n)
                    .into_iter()
                    .map(|l| words(vec![vec![l.into()]])),
            );
        }
    }
    if n.rows.iter().any(|r| r.roundoff) {
        out.push(words(vec![vec![
            Span::tagged("Note:", Tag::Warning),
            " in the rows marked ← rounding, h is so small that the computer's".into(),
        ]]));
        out.push(words(vec![
            vec!["rounding of f(".into()],
            plus_h(&n.at),
            vec![
                ") - f(".into(),
                a,
                ") swamps the change; the maths itself keeps closing in.".into(),
            ],
        ]));
    }
}

/// The table of difference quotients, a second column for nudges to the left when f′(a)
/// does not exist, rows where rounding swamps the change marked.
fn nudge_table(n: &NudgeAnswer, style: Style) -> Vec<Line> {
    let a = n.at.to_text(style);
    let shifted = |sign: &str| {
        if n.at.is_zero() {
            format!("{}h", if sign == "+" { "" } else { "-" })
        } else {
            format!("{a} {sign} h")
        }
    };
    let header = format!("(f({}) - f({a})) / h", shifted("+"));
    let column = |rows: &[NudgeRow]| {
        aligned(rows.iter().map(|r| {
            r.quotient
                .as_ref()
                .map(|q| format!("{q:.prec$}", prec = n.decimals))
        }))
    };
    let right = column(&n.rows);
    let left = n.left.as_deref().map(column);
    let width = right
        .iter()
        .map(|q| q.chars().count())
        .max()
        .unwrap_or(0)
        .max(header.chars().count());
    let left_header = left
        .as_ref()
        .map(|_| format!("   (f({}) - f({a})) / (-h)", shifted("-")));
    let mut lines = vec![vec![
        format!("  {:>10}   ", "h").into(),
        Span::tagged(
            format!("{header:<width$}{}", left_header.unwrap_or_default()),
            Tag::Label,
        ),
    ]];
    for (i, (row, q)) in n.rows.iter().zip(&right).enumerate() {
        let other = match left.as_ref().and_then(|l| l.get(i)) {
            Some(l) => format!("{q:<width$}   {l}"),
            None => q.clone(),
        };
        let mut line: Line = vec![format!("  {:>10}   {other}", decimal(row.h)).into()];
        if row.roundoff {
            line.extend(["   ".into(), Span::tagged("← rounding", Tag::Warning)]);
        }
        lines.push(line);
    }
    lines
}

fn tangent(t: &TangentAnswer, body: Span, out: &mut Vec<Block>) {
    let (x, a, value) = (sym(&t.var), expr(&t.at), expr(&t.value));
    out.push(words(vec![
        vec!["Let ".into()],
        f_of(&t.var),
        vec![" = ".into(), body.clone(), ".".into()],
    ]));
    out.push(words(vec![vec![
        Span::tagged("1. The point:", Tag::Label),
        " f(".into(),
        a.clone(),
        ") = ".into(),
        value.clone(),
        ", so the line touches the curve at (".into(),
        a.clone(),
        ", ".into(),
        value.clone(),
        ").".into(),
    ]]));
    out.push(words(vec![vec![
        Span::tagged("2. The slope there:", Tag::Label),
        " f′(".into(),
        x.clone(),
        ") = ".into(),
        expr(&t.steps.after),
        ", so f′(".into(),
        a.clone(),
        ") = ".into(),
        expr(&t.slope),
        ".".into(),
    ]]));
    out.push(Block::Indent {
        by: 5,
        body: vec![Block::Steps(super::steps(
            std::slice::from_ref(&t.steps),
            false,
        ))],
    });
    let shifted = if t.at.is_zero() {
        vec![x]
    } else {
        vec![
            "(".into(),
            expr(&Expr::sub(Expr::symbol(t.var.clone()), t.at.clone())),
            ")".into(),
        ]
    };
    let form = t.clone();
    out.push(words(vec![
        vec![
            Span::tagged("3. Point-slope form:", Tag::Label),
            " y = f′(".into(),
            a.clone(),
            ")·".into(),
        ],
        shifted,
        vec![
            " + f(".into(),
            a,
            ") = ".into(),
            Spelled(Rc::new(move |style: Style| {
                point_slope(&form, &|e| e.to_text(style), &|e| operand(e, style))
            }))
            .into(),
        ],
    ]));
    out.push(words(vec![vec![
        Span::tagged("4. Simplified:", Tag::Label),
        " y = ".into(),
        Span::tagged(Math::Expr(t.line.clone()), Tag::Answer),
    ]]));
    out.push(Block::Gap);
    let dot = Spelled(Rc::new(|style: Style| {
        if style.unicode { "●" } else { "O" }.to_string()
    }));
    let legend = vec![
        vec!["y = ".into(), body],
        vec![
            "the tangent y = ".into(),
            expr(&t.line),
            ", touching at ".into(),
            dot.into(),
            " (".into(),
            expr(&t.at),
            ", ".into(),
            expr(&t.value),
            ")".into(),
        ],
    ];
    out.push(Block::Plot {
        plot: Box::new(t.plot.clone()),
        legend,
    });
}

/// `(a ≈ 0.5, b)`: the gradient, each part with its decimal when that says more.
fn gradient(g: &GradientAt, tag: Option<Tag>) -> Line {
    let span = |content: Span| Span { tag, ..content };
    vec![
        span("(".into()),
        span(with_decimal(&g.gradient.0, g.gradient_value.0).into()),
        span(", ".into()),
        span(with_decimal(&g.gradient.1, g.gradient_value.1).into()),
        span(")".into()),
    ]
}

fn contour(c: &ContourAnswer, out: &mut Vec<Block>) {
    out.push(Block::Contour(Box::new(c.clone())));
    out.push(Block::Gap);
    out.push(words(vec![vec![
        "Contour lines of f = ".into(),
        expr(&c.body),
        ", seen from above:".into(),
    ]]));
    out.push(words(vec![vec![
        "each line joins the points at one height.".into(),
    ]]));
    let Some(g) = &c.gradient else {
        return;
    };
    let point: Span = Math::Tuple(vec![g.point.0.clone(), g.point.1.clone()]).into();
    out.push(words(vec![vec![
        "At ".into(),
        point.clone(),
        format!(
            ": f = {}; the highlighted line is the contour at that height.",
            decimal(g.value)
        )
        .into(),
    ]]));
    out.push(words(vec![
        vec![
            Span::tagged("Gradient:", Tag::Label),
            " ∇f".into(),
            point,
            " = ".into(),
        ],
        gradient(g, Some(Tag::Answer)),
    ]));
    let flat = g.gradient_value.0 == 0.0 && g.gradient_value.1 == 0.0;
    let said: [&str; 2] = if flat {
        [
            "The gradient is zero: the surface is flat right here, so no",
            "direction is uphill and there is no arrow to draw.",
        ]
    } else {
        [
            "The arrow is the gradient: it points straight uphill,",
            "crossing the contour line at a right angle.",
        ]
    };
    out.extend(said.map(|l| words(vec![vec![l.into()]])));
}
