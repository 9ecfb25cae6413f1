//! The seeing answers typeset: nudge and limit tables as tables, tangents as steps, pictures as drawn.

use super::latex::rows;
use super::markup::{capitalised, column, maths, point, words, Block, Cell};
use super::prune::{prune, Limits};
use super::text::decimal;
use crate::engine::{
    ContourAnswer, Direction, LimitAnswer, NudgeAnswer, Outcome, Plot, SeeingAnswer, TangentAnswer,
    Target, Verdict,
};
use crate::explain::limit_words::{heading_text, table_decimals, table_value, verdict_words};
use crate::explain::seeing_words::{legend, point_slope, trimmed, two_sides, typed_body, why_text};
use crate::expr::{latex_name, latex_operand, Expr, Style};
use crate::present::plot::{draw_contour, draw_plot};
use crate::syntax::{node_latex, operand_latex, Side};

pub(super) fn blocks(outcome: &Outcome, answer: &SeeingAnswer) -> Vec<Block> {
    // The function as typed heads the tables: (1 + 1/n)^n, not (1/n + 1)^n.
    let node = typed_body(&outcome.statement);
    let typed = node.map(node_latex);
    let mut out = Vec::new();
    match answer {
        SeeingAnswer::Nudge(n) => nudge(&mut out, n, typed.unwrap_or_else(|| n.body.latex())),
        SeeingAnswer::Tangent(t) => tangent(&mut out, t, typed.unwrap_or_else(|| t.body.latex())),
        SeeingAnswer::Limit(l) => {
            let operand = node.map_or_else(|| latex_operand(&l.body), operand_latex);
            limit(
                &mut out,
                l,
                typed.unwrap_or_else(|| l.body.latex()),
                operand,
            )
        }
        SeeingAnswer::Plot(p) => {
            let curves: Vec<String> = p.curves.iter().map(|c| c.expr.latex()).collect();
            out.push(Block::Words(vec![
                words("The plot of "),
                maths(curves.join(", ")),
                words(" for "),
                maths(range(p)),
                words(", drawn in characters:"),
            ]));
            let legend = legend(p, &outcome.statement, Style::UNICODE);
            out.push(Block::Picture(draw_plot(p, &legend, true)));
        }
        SeeingAnswer::Contour(c) => contour(&mut out, c),
    }
    out
}

/// `-2 \le x \le 2`: the stretch a plot covers.
fn range(p: &Plot) -> String {
    format!(
        "{} \\le {} \\le {}",
        decimal(p.x_range.0),
        latex_name(&p.var),
        decimal(p.x_range.1)
    )
}

/// `f(x)`.
fn f_of(var: &str) -> String {
    format!("f\\left({}\\right)", latex_name(var))
}

/// `3 + h`, `h`.
fn plus_h(at: &Expr, sign: &str) -> String {
    if at.is_zero() {
        format!("{}h", if sign == "+" { "" } else { "-" })
    } else {
        format!("{} {sign} h", at.latex())
    }
}

fn nudge(out: &mut Vec<Block>, n: &NudgeAnswer, body: String) {
    let x = latex_name(&n.var);
    let a = n.at.latex();
    out.push(Block::Words(vec![
        words("Let "),
        maths(format!("{} = {body}", f_of(&n.var))),
        words("."),
    ]));
    out.push(Block::Words(vec![
        words("Nudge "),
        maths(x.clone()),
        words(" from "),
        maths(a.clone()),
        words(" to "),
        maths(plus_h(&n.at, "+")),
        words(", and divide the change in "),
        maths("f"),
        words(" by the nudge "),
        maths("h"),
        words(":"),
    ]));
    let quotient = |q: &Result<f64, String>| match q {
        Ok(q) => maths(format!("{q:.prec$}", prec = n.decimals)),
        Err(why) => words(format!("no value: {why}")),
    };
    let mut header = vec![
        vec![maths("h")],
        vec![maths(format!(
            "\\frac{{f\\left({}\\right) - f\\left({a}\\right)}}{{h}}",
            plus_h(&n.at, "+")
        ))],
    ];
    if n.left.is_some() {
        header.push(vec![maths(format!(
            "\\frac{{f\\left({}\\right) - f\\left({a}\\right)}}{{-h}}",
            plus_h(&n.at, "-")
        ))]);
    }
    let rounding = n.rows.iter().any(|r| r.roundoff);
    if rounding {
        header.push(vec![words("note")]);
    }
    let rows: Vec<Vec<Cell>> = n
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![vec![maths(decimal(r.h))], vec![quotient(&r.quotient)]];
            if let Some(left) = &n.left {
                cells.push(match left.get(i) {
                    Some(l) => vec![quotient(&l.quotient)],
                    None => Vec::new(),
                });
            }
            if rounding {
                cells.push(vec![words(if r.roundoff { "rounding" } else { "" })]);
            }
            cells
        })
        .collect();
    out.push(Block::Table { header, rows });
    let derivative = format!("f'\\left({x}\\right) = {}", n.derivative.latex());
    match (&n.slope, n.slope_value) {
        (Ok(slope), Some(v)) => {
            let mut exact = format!("f'\\left({a}\\right) = {}", slope.latex());
            if slope.as_number().is_none_or(|s| !s.is_integer()) {
                exact.push_str(&format!(" \\approx {}", decimal(v)));
            }
            out.push(Block::Words(vec![
                words("Exact slope: "),
                maths(derivative),
                words(", so "),
                maths(exact),
                words("."),
            ]));
            out.push(Block::Words(vec![words(format!(
                "As h shrinks, the quotients close in on {}. That is the derivative: the rate of change with the nudge shrunk toward zero.",
                trimmed(v, n.decimals)
            ))]));
        }
        _ => {
            out.push(Block::Words(vec![
                words("Exact slope: "),
                maths(derivative),
                words(", which has no value at "),
                maths(format!("{x} = {a}")),
                words(format!(" ({}).", why_text(&n.slope))),
            ]));
            out.push(Block::Words(vec![words(two_sides(n).join(" "))]));
        }
    }
    if rounding {
        out.push(Block::Words(vec![words(
            "Note: in the rows marked rounding, h is so small that the computer's rounding of the change in f swamps the change itself; the maths itself keeps closing in.",
        )]));
    }
}

fn tangent(out: &mut Vec<Block>, t: &TangentAnswer, body: String) {
    let x = latex_name(&t.var);
    let a = t.at.latex();
    let value = t.value.latex();
    out.push(Block::Words(vec![
        words("Let "),
        maths(format!("{} = {body}", f_of(&t.var))),
        words("."),
    ]));
    out.push(Block::Words(vec![
        words("1. The point: "),
        maths(format!("f\\left({a}\\right) = {value}")),
        words(", so the line touches the curve at "),
        maths(format!("\\left({a}, {value}\\right)")),
        words("."),
    ]));
    out.push(Block::Words(vec![
        words("2. The slope there: "),
        maths(format!("f'\\left({x}\\right) = {}", t.steps.after.latex())),
        words(", so "),
        maths(format!("f'\\left({a}\\right) = {}", t.slope.latex())),
        words("."),
    ]));
    let mut shown = Vec::new();
    rows(&prune(&t.steps, Limits::TEXT), None, 0, false, &mut shown);
    out.push(Block::Steps {
        reading: None,
        rows: shown,
        closing: Vec::new(),
    });
    let shifted = if t.at.is_zero() {
        x
    } else {
        format!(
            "\\left({}\\right)",
            Expr::sub(Expr::var(&t.var), t.at.clone()).latex()
        )
    };
    out.push(Block::Words(vec![
        words("3. Point-slope form: "),
        maths(format!(
            "y = f'\\left({a}\\right) \\cdot {shifted} + f\\left({a}\\right) = {}",
            point_slope(t, &Expr::latex, &latex_operand)
        )),
        words("."),
    ]));
    out.push(Block::Words(vec![
        words("4. Simplified: "),
        maths(format!("y = {}", t.line.latex())),
        words("."),
    ]));
    out.push(Block::Words(vec![
        words("The curve and its tangent for "),
        maths(range(&t.plot)),
        words(", drawn in characters:"),
    ]));
    let legend = [
        format!("y = {}", t.body.unicode()),
        format!(
            "the tangent y = {}, touching at ● ({}, {})",
            t.line.unicode(),
            t.at.unicode(),
            t.value.unicode()
        ),
    ];
    out.push(Block::Picture(draw_plot(&t.plot, &legend, true)));
}

/// `\lim_{x \to 0^{+}}`.
fn lim(l: &LimitAnswer, side: Option<Side>) -> String {
    let target = match &l.target {
        Target::Infinity { negative } => format!("{}\\infty", if *negative { "-" } else { "" }),
        Target::Point { at, .. } => {
            let mark = match side {
                Some(Side::Above) => "^{+}",
                Some(Side::Below) => "^{-}",
                None => "",
            };
            format!("{}{mark}", at.latex())
        }
    };
    format!("\\lim_{{{} \\to {target}}}", latex_name(&l.var))
}

/// `operand` is the body as it follows `\lim`, bracketed if it is a sum.
fn limit(out: &mut Vec<Block>, l: &LimitAnswer, body: String, operand: String) {
    let x = latex_name(&l.var);
    for approach in &l.approaches {
        let title = match (&l.target, approach.direction) {
            (_, Direction::Outward { negative }) => {
                let way = if negative {
                    " fall toward minus infinity"
                } else {
                    " grow"
                };
                vec![
                    words("Let "),
                    maths(x.clone()),
                    words(format!("{way} and watch ")),
                    maths(body.clone()),
                    words(":"),
                ]
            }
            (Target::Point { at, .. }, Direction::From(side)) => vec![
                maths(format!("{x} \\to {}", at.latex())),
                words(if side == Side::Below {
                    " from below:"
                } else {
                    " from above:"
                }),
            ],
            (Target::Infinity { .. }, Direction::From(_)) => Vec::new(),
        };
        if !title.is_empty() {
            out.push(Block::Words(title));
        }
        let decimals = table_decimals(approach.rows.iter().filter_map(|r| r.value.clone().ok()));
        let outward = matches!(approach.direction, Direction::Outward { .. });
        let rows = approach
            .rows
            .iter()
            .map(|r| {
                let input = if outward {
                    format!("{}", r.input)
                } else {
                    decimal(r.input)
                };
                let value = match &r.value {
                    Ok(v) => maths(table_value(*v, decimals)),
                    Err(why) => words(format!("no value: {why}")),
                };
                vec![vec![maths(input)], vec![value]]
            })
            .collect();
        out.push(Block::Table {
            header: vec![vec![maths(x.clone())], vec![maths(body.clone())]],
            rows,
        });
        if l.approaches.len() > 1 {
            out.push(Block::Words(vec![words(format!(
                "{}.",
                capitalised(&heading_text(approach))
            ))]));
        }
        if approach.direction == (Direction::Outward { negative: false }) {
            out.push(Block::Words(vec![
                maths(x.clone()),
                words(" steps through the compounding counts of the interest story: yearly, twice a year, quarterly, monthly, daily, hourly, every minute."),
            ]));
        }
    }
    let (sentences, aside) = verdict_words(l, Style::UNICODE);
    out.push(Block::Words(vec![words(sentences.join(" "))]));
    let side = match &l.verdict {
        Verdict::Value { only, .. } => *only,
        _ => None,
    };
    let lhs = format!("{} {operand}", lim(l, side));
    let rhs = match &l.verdict {
        Verdict::Value {
            value,
            decimals,
            named,
            ..
        } => match named {
            Some(n) if n.as_number().is_some_and(|v| v.is_integer()) => format!("= {}", n.latex()),
            Some(n) => format!("= {} \\approx {value:.decimals$}", n.latex()),
            None => format!("\\approx {value:.decimals$}"),
        },
        Verdict::Unbounded { positive: true } => "= +\\infty".to_string(),
        Verdict::Unbounded { positive: false } => "= -\\infty".to_string(),
        Verdict::SidesDisagree => "\\text{ does not exist (the two sides disagree)}".to_string(),
        Verdict::None => "\\text{: none that the table can see}".to_string(),
        Verdict::CannotTell => {
            "\\text{: cannot tell (even 2048-bit numbers do not settle the values)}".to_string()
        }
    };
    out.push(Block::Display(format!("{lhs} {rhs}")));
    if let Some(aside) = aside {
        out.push(Block::Words(vec![words(format!(
            "{}.",
            capitalised(&aside)
        ))]));
    }
}

fn contour(out: &mut Vec<Block>, c: &ContourAnswer) {
    out.push(Block::Words(vec![
        words("Contour lines of "),
        maths(format!("f = {}", c.body.latex())),
        words(
            ", seen from above and drawn in characters: each line joins the points at one height.",
        ),
    ]));
    out.push(Block::Picture(draw_contour(c, true)));
    let Some(g) = &c.gradient else {
        return;
    };
    let p = point(&[g.point.0.latex(), g.point.1.latex()]);
    out.push(Block::Words(vec![
        words("At "),
        maths(p.clone()),
        words(": "),
        maths(format!("f = {}", decimal(g.value))),
        words("; the highlighted line is the contour at that height."),
    ]));
    let entry = |e: &Expr, v: f64| {
        if e.as_number().is_some_and(|n| n.is_integer()) {
            e.latex()
        } else {
            format!("{} \\approx {}", e.latex(), decimal(v))
        }
    };
    out.push(Block::Display(format!(
        "\\nabla f{p} = {}",
        column(&[
            entry(&g.gradient.0, g.gradient_value.0),
            entry(&g.gradient.1, g.gradient_value.1)
        ])
    )));
    let flat = g.gradient_value.0 == 0.0 && g.gradient_value.1 == 0.0;
    out.push(Block::Words(vec![words(if flat {
        "The gradient is zero: the surface is flat right here, so no direction is uphill and there is no arrow to draw."
    } else {
        "The arrow is the gradient: it points straight uphill, crossing the contour line at a right angle."
    })]));
}
