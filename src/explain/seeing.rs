//! The seeing answers, said: nudge tables, tangent lines, plots and contour maps (limits in
//! `explain/limit.rs`).

use super::doc::{Block, Doc, Line, Math, Quiet, Span, Spelled, Tag};
use super::limit_words::verdict_short;
use super::seeing_words::{legend, trimmed, two_sides, typed_body, why_text};
use crate::engine::{
    ContourAnswer, GradientAt, Named, NudgeAnswer, Plot, SeeingAnswer, TangentAnswer,
};
use crate::expr::{Expr, Symbol};
use crate::syntax::{Node, Statement};
use std::rc::Rc;

/// Columns the nudges of a table are right-aligned in, in text.
const NUDGES: usize = 10;

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
            let mut caption = vec!["The plot of ".into()];
            for (i, c) in p.curves.iter().enumerate() {
                if i > 0 {
                    caption.push(", ".into());
                }
                caption.push(expr(&c.expr));
            }
            caption.push(" for ".into());
            caption.extend(range(p));
            blocks.push(Block::Plot {
                plot: Box::new(p.clone()),
                legend,
                caption,
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
fn function(typed: Option<&Node>, e: &Expr) -> Math {
    match typed {
        Some(node) => Math::Typed(Box::new(node.clone())),
        None => Math::Expr(e.clone()),
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
            Some(g) => vec![gradient(g).into()],
            None => vec![expr(&c.body)],
        },
    }
}

fn expr(e: &Expr) -> Span {
    Math::Expr(e.clone()).into()
}

fn sym(v: &str) -> Span {
    Math::symbol(&Symbol::from(v)).into()
}

/// `π/4 ≈ 0.785398`, or just `6` for a whole number.
fn with_decimal(e: &Expr, v: f64) -> Math {
    if e.as_number().is_some_and(|n| n.is_integer()) {
        Math::Expr(e.clone())
    } else {
        Math::Approx(Box::new(Math::Expr(e.clone())), v)
    }
}

/// `f(a)`: the name the tables use for the learner's expression, applied.
fn f_at(arg: Math) -> Math {
    let name = Symbol::from("f");
    match arg {
        Math::Expr(e) => Math::Call {
            name,
            args: vec![e],
        },
        arg => Math::Apply {
            name,
            arg: Box::new(arg),
        },
    }
}

/// `f′(a)`.
fn slope_at(var: &Symbol, arg: &Expr) -> Span {
    Math::Named {
        named: Named::Prime {
            name: Symbol::from("f"),
            arg: arg.clone(),
        },
        var: var.clone(),
        order: 1,
        partial: false,
    }
    .into()
}

/// `a + h`, `a - h`; `h` and `-h` at 0.
fn nudged(at: &Expr, right: bool) -> Math {
    let h = Expr::var("h");
    match (at.is_zero(), right) {
        (true, true) => Math::Expr(h),
        (true, false) => Math::Expr(Expr::neg(h)),
        (false, true) => Math::plus(Math::Expr(at.clone()), Math::Expr(h)),
        (false, false) => Math::minus(Math::Expr(at.clone()), Math::Expr(h)),
    }
}

/// `(f(a + h) - f(a)) / h`: the change in f over the nudge, `right` or left.
fn quotient(at: &Expr, right: bool) -> Math {
    let change = Math::minus(f_at(nudged(at, right)), f_at(Math::Expr(at.clone())));
    let h = Expr::var("h");
    let by = if right {
        Math::Expr(h)
    } else {
        Math::group(Math::Expr(Expr::neg(h)))
    };
    Math::over(Math::group(change), by)
}

/// `-2 ≤ x ≤ 2`: the stretch a plot covers.
fn range(p: &Plot) -> Line {
    vec![
        Math::Decimal(p.x_range.0).into(),
        " ≤ ".into(),
        Math::symbol(&p.var).into(),
        " ≤ ".into(),
        Math::Decimal(p.x_range.1).into(),
    ]
}

/// `Let f(x) = x².`
fn let_f(var: &Symbol, body: Math) -> Block {
    Block::Words(vec![
        "Let ".into(),
        f_at(Math::Expr(Expr::symbol(var.clone()))).into(),
        " = ".into(),
        body.into(),
        ".".into(),
    ])
}

/// Sentences said in lines of their own.
fn lines(said: Vec<String>) -> Block {
    Block::Lines(said.into_iter().map(|l| vec![l.into()]).collect())
}

fn nudge(n: &NudgeAnswer, body: Math, out: &mut Vec<Block>) {
    let (x, a) = (Math::symbol(&n.var), expr(&n.at));
    out.push(let_f(&n.var, body));
    out.push(Block::Words(vec![
        "Nudge ".into(),
        x.clone().into(),
        " from ".into(),
        a.clone(),
        " to ".into(),
        nudged(&n.at, true).into(),
        ", and divide the change in ".into(),
        sym("f"),
        " by the nudge ".into(),
        sym("h"),
        ":".into(),
    ]));
    out.push(Block::Gap);
    out.push(table(n));
    out.push(Block::Gap);
    let exact: Line = vec![
        Span::tagged("Exact slope:", Tag::Label),
        " ".into(),
        slope_at(&n.var, &Expr::symbol(n.var.clone())),
        " = ".into(),
        expr(&n.derivative),
    ];
    match (&n.slope, n.slope_value) {
        (Ok(slope), Some(v)) => {
            let mut line = exact;
            line.extend([
                ", so ".into(),
                slope_at(&n.var, &n.at),
                " = ".into(),
                Span::tagged(with_decimal(slope, v), Tag::Answer),
            ]);
            out.push(Block::Words(line));
            out.push(Block::Lines(vec![
                vec![
                    "As ".into(),
                    sym("h"),
                    " shrinks, the quotients close in on ".into(),
                    Math::Numeral(trimmed(v, n.decimals)).into(),
                    ".".into(),
                ],
                vec![
                    "That is the derivative: the rate of change with the nudge shrunk toward zero."
                        .into(),
                ],
            ]));
        }
        _ => {
            let mut line = exact;
            line.extend([
                ", which has no value at ".into(),
                x.into(),
                " = ".into(),
                a.clone(),
                format!(" ({}).", why_text(&n.slope)).into(),
            ]);
            out.push(Block::Words(line));
            out.push(lines(two_sides(n)));
        }
    }
    if n.rows.iter().any(|r| r.roundoff) {
        out.push(Block::Lines(vec![
            vec![
                Span::tagged("Note:", Tag::Warning),
                " in the rows marked ← rounding, ".into(),
                sym("h"),
                " is so small that the computer's".into(),
            ],
            vec![
                "rounding of ".into(),
                f_at(nudged(&n.at, true)).into(),
                " - ".into(),
                f_at(Math::Expr(n.at.clone())).into(),
                " swamps the change; the maths itself keeps closing in.".into(),
            ],
        ]));
    }
}

/// The table of difference quotients, a column for nudges to the left as well when f′(a)
/// does not exist, rows where rounding swamps the change marked.
fn table(n: &NudgeAnswer) -> Block {
    let cell = |q: &Result<f64, String>| -> Line {
        match q {
            Ok(q) => vec![Math::Numeral(format!("{q:.prec$}", prec = n.decimals)).into()],
            Err(why) => vec![format!("no value: {why}").into()],
        }
    };
    let mut head = vec![
        vec![sym("h")],
        vec![Span::tagged(quotient(&n.at, true), Tag::Label)],
    ];
    if n.left.is_some() {
        head.push(vec![Span::tagged(quotient(&n.at, false), Tag::Label)]);
    }
    let rows = n
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = vec![vec![Math::Decimal(r.h).into()], cell(&r.quotient)];
            if let Some(left) = &n.left {
                row.push(left.get(i).map_or_else(Vec::new, |l| cell(&l.quotient)));
            }
            row
        })
        .collect();
    let remarks = n
        .rows
        .iter()
        .map(|r| {
            r.roundoff
                .then(|| vec![Span::tagged("← rounding", Tag::Warning)])
        })
        .collect();
    Block::Numbers {
        head,
        rows,
        remarks,
        inputs: NUDGES,
    }
}

fn tangent(t: &TangentAnswer, body: Math, out: &mut Vec<Block>) {
    let (x, a, value) = (Expr::symbol(t.var.clone()), expr(&t.at), expr(&t.value));
    let f_of_a = || f_at(Math::Expr(t.at.clone())).into();
    out.push(let_f(&t.var, body.clone()));
    out.push(Block::Words(vec![
        Span::tagged("1. The point:", Tag::Label),
        " ".into(),
        f_of_a(),
        " = ".into(),
        value.clone(),
        ", so the line touches the curve at ".into(),
        Math::Tuple(vec![t.at.clone(), t.value.clone()]).into(),
        ".".into(),
    ]));
    out.push(Block::Words(vec![
        Span::tagged("2. The slope there:", Tag::Label),
        " ".into(),
        slope_at(&t.var, &x),
        " = ".into(),
        expr(&t.steps.after),
        ", so ".into(),
        slope_at(&t.var, &t.at),
        " = ".into(),
        expr(&t.slope),
        ".".into(),
    ]));
    out.push(Block::Indent {
        by: 5,
        body: vec![Block::Steps(super::steps(
            std::slice::from_ref(&t.steps),
            false,
        ))],
    });
    let shifted = if t.at.is_zero() {
        Math::Expr(x)
    } else {
        Math::group(Math::Expr(Expr::sub(x, t.at.clone())))
    };
    out.push(Block::Words(vec![
        Span::tagged("3. Point-slope form:", Tag::Label),
        " ".into(),
        sym("y"),
        " = ".into(),
        slope_at(&t.var, &t.at),
        "·".into(),
        shifted.into(),
        " + ".into(),
        f_of_a(),
        " = ".into(),
        Math::PointSlope {
            var: t.var.clone(),
            at: t.at.clone(),
            slope: t.slope.clone(),
            value: t.value.clone(),
        }
        .into(),
    ]));
    out.push(Block::Words(vec![
        Span::tagged("4. Simplified:", Tag::Label),
        " ".into(),
        sym("y"),
        " = ".into(),
        Span::tagged(Math::Expr(t.line.clone()), Tag::Answer),
    ]));
    out.push(Block::Gap);
    let dot = Spelled(Rc::new(|style: crate::expr::Style| {
        if style.unicode { "●" } else { "O" }.to_string()
    }));
    let legend = vec![
        vec!["y = ".into(), body.into()],
        vec![
            "the tangent y = ".into(),
            expr(&t.line),
            ", touching at ".into(),
            dot.into(),
            " (".into(),
            a,
            ", ".into(),
            value,
            ")".into(),
        ],
    ];
    let mut caption = vec!["The curve and its tangent for ".into()];
    caption.extend(range(&t.plot));
    out.push(Block::Plot {
        plot: Box::new(t.plot.clone()),
        legend,
        caption,
    });
}

/// `(a ≈ 0.5, b)`: the gradient, each part with its decimal when that says more.
fn gradient(g: &GradientAt) -> Math {
    Math::Vector(vec![
        with_decimal(&g.gradient.0, g.gradient_value.0),
        with_decimal(&g.gradient.1, g.gradient_value.1),
    ])
}

fn contour(c: &ContourAnswer, out: &mut Vec<Block>) {
    out.push(Block::Contour(Box::new(c.clone())));
    out.push(Block::Gap);
    out.push(Block::Lines(vec![
        vec![
            "Contour lines of ".into(),
            sym("f"),
            " = ".into(),
            expr(&c.body),
            ", seen from above:".into(),
        ],
        vec!["each line joins the points at one height.".into()],
    ]));
    let Some(g) = &c.gradient else {
        return;
    };
    let point = vec![g.point.0.clone(), g.point.1.clone()];
    out.push(Block::Words(vec![
        "At ".into(),
        Math::Tuple(point.clone()).into(),
        ": ".into(),
        sym("f"),
        " = ".into(),
        Math::Decimal(g.value).into(),
        "; the highlighted line is the contour at that height.".into(),
    ]));
    let f = Math::Call {
        name: Symbol::from("f"),
        args: point,
    };
    out.push(Block::Words(vec![
        Span::tagged("Gradient:", Tag::Label),
        " ".into(),
        Math::gradient(f).into(),
        " = ".into(),
        Span::tagged(gradient(g), Tag::Answer),
    ]));
    let flat = g.gradient_value.0 == 0.0 && g.gradient_value.1 == 0.0;
    let said = if flat {
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
    out.push(lines(said.map(String::from).to_vec()));
}
