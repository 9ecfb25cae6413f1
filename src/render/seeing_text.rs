//! The text of the "seeing" answers: nudge tables, tangent lines, limit tables, plots, contour maps.

use super::limit_text::{limit, verdict_short};
use super::note_text;
use super::plot::{draw_contour, draw_plot};
use super::text::{decimal, operand, operator, steps_text, TextOptions};
use crate::engine::{ContourAnswer, NudgeAnswer, Outcome, Plot, SeeingAnswer, TangentAnswer};
use crate::expr::{Expr, Style};
use crate::numeric::nudge::NudgeRow;
use crate::syntax::{
    reading, reading_of_statement, Node, NodeKind, PlotItem, SeeingQuery, Statement,
};
use colored::Colorize;

pub(super) fn render(outcome: &Outcome, answer: &SeeingAnswer, options: TextOptions) -> String {
    let style = options.style();
    if options.quiet {
        return format!("{}\n", quiet(answer, style));
    }
    let mut out = format!(
        "{} {}\n",
        "Reading:".bold(),
        reading_of_statement(&outcome.statement, options.unicode)
    );
    for n in &outcome.notes {
        out.push_str(&format!(
            "{} {}\n",
            "Note:".yellow().bold(),
            note_text(n, options.unicode)
        ));
    }
    out.push('\n');
    let typed = typed_body(&outcome.statement).map(|n| reading(n, options.unicode));
    let lines = match answer {
        SeeingAnswer::Nudge(n) => nudge(n, style, typed.unwrap_or_else(|| n.body.to_text(style))),
        SeeingAnswer::Tangent(t) => {
            tangent(t, options, typed.unwrap_or_else(|| t.body.to_text(style)))
        }
        SeeingAnswer::Limit(l) => limit(l, style, typed.unwrap_or_else(|| l.body.to_text(style))),
        SeeingAnswer::Plot(p) => plot(p, &outcome.statement, style),
        SeeingAnswer::Contour(c) => contour(c, style),
    };
    for line in lines {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The function as the learner typed it, for table headings: `(1 + 1/n)ⁿ`, not `(1/n + 1)ⁿ`.
pub(super) fn typed_body(statement: &Statement) -> Option<&Node> {
    let Statement::Seeing(query) = statement else {
        return None;
    };
    match query.as_ref() {
        SeeingQuery::Nudge { body, .. }
        | SeeingQuery::Tangent { body, .. }
        | SeeingQuery::Limit { body, .. } => Some(body),
        _ => None,
    }
}

/// The one line `-q` prints.
fn quiet(answer: &SeeingAnswer, style: Style) -> String {
    match answer {
        SeeingAnswer::Nudge(n) => match (&n.slope, n.slope_value) {
            (Ok(s), Some(v)) => with_decimal(s, v, style),
            _ => "undefined".to_string(),
        },
        SeeingAnswer::Tangent(t) => format!("y = {}", t.line.to_text(style)),
        SeeingAnswer::Limit(l) => verdict_short(&l.verdict, style),
        SeeingAnswer::Plot(p) => p
            .curves
            .iter()
            .map(|c| c.expr.to_text(style))
            .collect::<Vec<_>>()
            .join(", "),
        SeeingAnswer::Contour(c) => match &c.gradient {
            Some(g) => gradient_text(g, style),
            None => c.body.to_text(style),
        },
    }
}

/// `π/4 ≈ 0.785398`, or just `6` for a whole number.
fn with_decimal(e: &Expr, v: f64, style: Style) -> String {
    let exact = e.to_text(style);
    if e.as_number().is_some_and(|n| n.is_integer()) {
        exact
    } else {
        format!("{exact} ≈ {}", decimal(v))
    }
}

/// `f(x)`, `f(t)`: the name the tables use for the learner's expression.
fn f_of(var: &str, style: Style) -> String {
    format!("f({})", Expr::var(var).to_text(style))
}

fn prime(style: Style) -> &'static str {
    if style.unicode {
        "′"
    } else {
        "'"
    }
}

/// `3 + h`, `π/4 + h`, `-2 + h`, `h`.
fn plus_h(at: &Expr, style: Style) -> String {
    if at.is_zero() {
        "h".to_string()
    } else {
        format!("{} + h", at.to_text(style))
    }
}

fn nudge(n: &NudgeAnswer, style: Style, body: String) -> Vec<String> {
    let x = Expr::symbol(n.var.clone()).to_text(style);
    let a = n.at.to_text(style);
    let minus = "-";
    let mut out = vec![
        format!("Let {} = {body}.", f_of(&n.var, style)),
        format!(
            "Nudge {x} from {a} to {}, and divide the change in f by the nudge h:",
            plus_h(&n.at, style)
        ),
        String::new(),
    ];
    let header = format!("(f({}) {minus} f({a})) / h", plus_h(&n.at, style));
    let h_width = 10;
    let column = |rows: &[NudgeRow]| {
        aligned(rows.iter().map(|r| {
            r.quotient
                .as_ref()
                .map(|q| format!("{q:.prec$}", prec = n.decimals))
        }))
    };
    let right = column(&n.rows);
    // With no exact slope, nudges to the left go in a second column.
    let left = n.left.as_deref().map(column);
    let width = right
        .iter()
        .map(|q| q.chars().count())
        .max()
        .unwrap_or(0)
        .max(header.chars().count());
    let left_header = left.as_ref().map(|_| {
        format!(
            "   (f({}) {minus} f({a})) / ({minus}h)",
            minus_h(&n.at, style)
        )
    });
    out.push(format!(
        "  {:>h_width$}   {}{}",
        "h",
        format!("{header:<width$}").bold(),
        left_header.unwrap_or_default().bold()
    ));
    let mut rounding = false;
    for (i, (row, q)) in n.rows.iter().zip(&right).enumerate() {
        let h = decimal(row.h);
        let flag = if row.roundoff {
            rounding = true;
            format!("   {}", "← rounding".yellow())
        } else {
            String::new()
        };
        let other = match left.as_ref().and_then(|l| l.get(i)) {
            Some(l) => format!("{q:<width$}   {l}"),
            None => q.clone(),
        };
        out.push(format!("  {h:>h_width$}   {other}{flag}"));
    }
    out.push(String::new());
    let p = prime(style);
    let d = n.derivative.to_text(style);
    match (&n.slope, n.slope_value) {
        (Ok(slope), Some(v)) => {
            out.push(format!(
                "{} f{p}({x}) = {d}, so f{p}({a}) = {}",
                "Exact slope:".bold(),
                with_decimal(slope, v, style).green().bold()
            ));
            out.push(format!(
                "As h shrinks, the quotients close in on {}.",
                trimmed(v, n.decimals)
            ));
            out.push(
                "That is the derivative: the rate of change with the nudge shrunk toward zero."
                    .to_string(),
            );
        }
        _ => {
            let why = why_text(&n.slope);
            out.push(format!(
                "{} f{p}({x}) = {d}, which has no value at {x} = {a} ({why}).",
                "Exact slope:".bold()
            ));
            out.extend(two_sides(n));
        }
    }
    if rounding {
        out.push(format!(
            "{} in the rows marked ← rounding, h is so small that the computer's",
            "Note:".yellow().bold(),
        ));
        out.push(format!(
            "rounding of f({}) {minus} f({a}) swamps the change; the maths itself keeps closing in.",
            plus_h(&n.at, style)
        ));
    }
    out
}

/// `3 - h`, `π/4 - h`, `-h`.
fn minus_h(at: &Expr, style: Style) -> String {
    if at.is_zero() {
        "-h".to_string()
    } else {
        format!("{} - h", at.to_text(style))
    }
}

/// What the nudges to the right and to the left say together, when f′(a) does not exist.
pub(super) fn two_sides(n: &NudgeAnswer) -> Vec<String> {
    let last = |rows: &[NudgeRow]| rows.last().and_then(|r| r.quotient.clone().ok());
    let right = last(&n.rows);
    let left = n.left.as_deref().and_then(last);
    let first = n.rows.first().and_then(|r| r.quotient.clone().ok());
    if let (Some(r), Some(f)) = (right, first) {
        if r.abs() > 100.0 * f.abs().max(1.0) {
            return vec![
                "The quotients grow without bound: the curve turns vertical here,".to_string(),
                "so there is no finite slope.".to_string(),
            ];
        }
    }
    match (right, left) {
        (Some(r), Some(l)) if (r - l).abs() > 1e-3 * r.abs().max(l.abs()).max(1.0) => vec![
            format!(
                "Nudged right the quotients head for {}, nudged left for {}:",
                trimmed(r, n.decimals),
                trimmed(l, n.decimals)
            ),
            "the two sides disagree, so there is no single slope here (a corner or a jump)."
                .to_string(),
        ],
        _ => vec![
            "So the quotients need not settle on one number: there is no single slope here."
                .to_string(),
        ],
    }
}

/// A column of numbers right-aligned, so their decimal points line up; gaps explained.
pub(super) fn aligned<'a>(cells: impl Iterator<Item = Result<String, &'a String>>) -> Vec<String> {
    let cells: Vec<Result<String, &String>> = cells.collect();
    let width = cells
        .iter()
        .filter_map(|c| c.as_ref().ok().map(|t| t.chars().count()))
        .max()
        .unwrap_or(0);
    cells
        .into_iter()
        .map(|c| match c {
            Ok(text) => format!("{text:>width$}"),
            Err(why) => format!("no value: {why}"),
        })
        .collect()
}

/// `v` to `decimals` places, without trailing zeros.
pub(super) fn trimmed(v: f64, decimals: usize) -> String {
    let text = format!("{v:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

pub(super) fn why_text(slope: &Result<Expr, String>) -> String {
    match slope {
        Err(why) => why.clone(),
        Ok(_) => "it is not a finite number".to_string(),
    }
}

fn tangent(t: &TangentAnswer, options: TextOptions, body: String) -> Vec<String> {
    let style = options.style();
    let x = Expr::symbol(t.var.clone()).to_text(style);
    let a = t.at.to_text(style);
    let p = prime(style);
    let value = t.value.to_text(style);
    let mut out = vec![
        format!("Let {} = {body}.", f_of(&t.var, style)),
        format!(
            "{} f({a}) = {value}, so the line touches the curve at ({a}, {value}).",
            "1. The point:".bold()
        ),
        format!(
            "{} f{p}({x}) = {}, so f{p}({a}) = {}.",
            "2. The slope there:".bold(),
            t.steps.after.to_text(style),
            t.slope.to_text(style)
        ),
    ];
    for line in steps_text(std::slice::from_ref(&t.steps), false, options).lines() {
        out.push(format!("     {line}"));
    }
    let dot = if style.unicode { "·" } else { "*" };
    let shifted = if t.at.is_zero() {
        x.clone()
    } else {
        format!("({})", shift(&t.var, &t.at, style))
    };
    out.push(format!(
        "{} y = f{p}({a}){dot}{shifted} + f({a}) = {}",
        "3. Point-slope form:".bold(),
        point_slope(t, &|e| e.to_text(style), &|e| operand(e, style))
    ));
    out.push(format!(
        "{} y = {}",
        "4. Simplified:".bold(),
        t.line.to_text(style).green().bold()
    ));
    out.push(String::new());
    let dot = if style.unicode { "●" } else { "O" };
    let legend = [
        format!("y = {body}"),
        format!(
            "the tangent y = {}, touching at {dot} ({a}, {value})",
            t.line.to_text(style)
        ),
    ];
    out.extend(draw_plot(&t.plot, &legend, style.unicode));
    out
}

/// `x − 3`, `x + 2`, `x`.
fn shift(var: &str, at: &Expr, style: Style) -> String {
    Expr::sub(Expr::var(var), at.clone()).to_text(style)
}

/// `6(x − 3) + 9`, written without `1·` or `+ -`, each part shown by `show`
/// (`operand` for a slope that needs brackets before the shifted variable).
pub(super) fn point_slope(
    t: &TangentAnswer,
    show: &dyn Fn(&Expr) -> String,
    operand: &dyn Fn(&Expr) -> String,
) -> String {
    let slope = if t.slope.is_one() {
        String::new()
    } else if t.slope.as_number().is_some_and(|n| n.to_i64() == Some(-1)) {
        "-".to_string()
    } else if t.slope.as_number().is_some_and(|n| n.is_integer()) {
        show(&t.slope)
    } else {
        operand(&t.slope)
    };
    let value = show(&t.value);
    let tail = if t.value.is_zero() {
        String::new()
    } else if let Some(rest) = value.strip_prefix('-') {
        format!(" - {rest}")
    } else {
        format!(" + {value}")
    };
    if t.slope.is_zero() {
        return value;
    }
    if t.at.is_zero() {
        // At 0 the point-slope form is already slope·x + f(0).
        let term = Expr::mul(vec![t.slope.clone(), Expr::var(&t.var)]);
        return format!("{}{tail}", show(&term));
    }
    let shifted = show(&Expr::sub(Expr::var(&t.var), t.at.clone()));
    if slope.is_empty() && tail.is_empty() {
        return shifted;
    }
    format!("{slope}({shifted}){tail}")
}

/// The legend line of each curve: `sin(x)`, `d/dx x³ = 3x²`, and a defined
/// function by its name as typed: `f′(x) = 2x·sin(x) + x²·cos(x)`.
pub(super) fn legend(p: &Plot, statement: &Statement, style: Style) -> Vec<String> {
    let typed: Vec<Option<String>> = match statement {
        Statement::Seeing(query) => match query.as_ref() {
            SeeingQuery::Plot { items, .. } => items
                .iter()
                .map(|item| match item {
                    // A name standing for a definition: `f(x)`, `f′(x)`, `y`.
                    PlotItem::Expr(node)
                        if matches!(node.kind, NodeKind::Apply { .. } | NodeKind::Var(_)) =>
                    {
                        Some(reading(node, style.unicode))
                    }
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    p.curves
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let shown = c.expr.to_text(style);
            match (&c.derivative_of, typed.get(i).cloned().flatten()) {
                (Some((f, order)), _) => format!(
                    "{} {} = {shown}",
                    operator(&p.var, *order, false, style.unicode),
                    operand(f, style),
                ),
                (None, Some(name)) if name != shown => format!("{name} = {shown}"),
                (None, _) => shown,
            }
        })
        .collect()
}

fn plot(p: &Plot, statement: &Statement, style: Style) -> Vec<String> {
    draw_plot(p, &legend(p, statement, style), style.unicode)
}

fn gradient_text(g: &crate::engine::GradientAt, style: Style) -> String {
    format!(
        "({}, {})",
        with_decimal(&g.gradient.0, g.gradient_value.0, style),
        with_decimal(&g.gradient.1, g.gradient_value.1, style)
    )
}

fn contour(c: &ContourAnswer, style: Style) -> Vec<String> {
    let mut out = draw_contour(c, style.unicode);
    out.push(String::new());
    out.push(format!(
        "Contour lines of f = {}, seen from above:",
        c.body.to_text(style)
    ));
    out.push("each line joins the points at one height.".to_string());
    if let Some(g) = &c.gradient {
        let point = format!(
            "({}, {})",
            g.point.0.to_text(style),
            g.point.1.to_text(style)
        );
        let nabla = if style.unicode { "∇f" } else { "grad f" };
        out.push(format!(
            "At {point}: f = {}; the highlighted line is the contour at that height.",
            decimal(g.value)
        ));
        out.push(format!(
            "{} {nabla}{point} = {}",
            "Gradient:".bold(),
            gradient_text(g, style).green().bold()
        ));
        if g.gradient_value.0 == 0.0 && g.gradient_value.1 == 0.0 {
            out.push("The gradient is zero: the surface is flat right here, so no".to_string());
            out.push("direction is uphill and there is no arrow to draw.".to_string());
        } else {
            out.push("The arrow is the gradient: it points straight uphill,".to_string());
            out.push("crossing the contour line at a right angle.".to_string());
        }
    }
    out
}
