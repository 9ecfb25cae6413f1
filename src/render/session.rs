//! Words for the session's own answers: definitions, values at a point, and what a value means.

use super::text::{decimal, decimal_after, operand, operator, RESULT_BUDGET};
use crate::engine::{Answer, Definition, Named};
use crate::expr::{Expr, Style, Symbol};
use crate::syntax::{prime_marks, Body};
use colored::Colorize;

/// `f(x) = x²·sin(x)` or `y = 3x² + 1`.
pub fn definition(def: &Definition, style: Style) -> String {
    format!(
        "{} = {}",
        head(def, style),
        def.body.text(|e| e.to_text(style))
    )
}

/// `f(x)` or `y`.
fn head(def: &Definition, style: Style) -> String {
    let name = Expr::symbol(def.name.clone()).to_text(style);
    if def.params.is_empty() {
        return name;
    }
    let params: Vec<String> = def
        .params
        .iter()
        .map(|p| Expr::symbol(p.clone()).to_text(style))
        .collect();
    format!("{name}({})", params.join(", "))
}

/// What a definition answer says: the definition, what it replaced, what to try next.
pub fn defined(def: &Definition, replaced: Option<&Definition>, style: Style) -> String {
    let mut out = format!(
        "{} {}\n",
        "Defined:".bold(),
        definition(def, style).green().bold()
    );
    if let Some(old) = replaced {
        out.push_str(&format!(
            "{} this replaces the earlier {}\n",
            "Note:".yellow().bold(),
            definition(old, style)
        ));
    }
    let name = Expr::symbol(def.name.clone()).to_text(style);
    let prime = if style.unicode { "′" } else { "'" };
    let vector = matches!(def.body, Body::Vector(_));
    let tip = match def.params.as_slice() {
        [t] if vector => {
            let t = Expr::symbol(t.clone()).to_text(style);
            let primes = if style.unicode { "″" } else { "''" };
            Some(format!(
                "try {name}{prime}({t}), {name}{primes}({t}), |{name}{prime}({t})| or {name}(2)"
            ))
        }
        [] if vector => Some(format!("try jacobian({name})")),
        params if vector => {
            let point: Vec<String> = (1..=params.len()).map(|i| i.to_string()).collect();
            Some(format!(
                "try jacobian({name}), jacobian({name}) at ({}) or {name}({})",
                point.join(", "),
                point.join(", ")
            ))
        }
        [x] => {
            let x = Expr::symbol(x.clone()).to_text(style);
            Some(format!(
                "try {name}{prime}({x}), {name}(2), {name}{prime}(2) or d/d{x} {name}({x})"
            ))
        }
        [x, y, ..] => {
            let (x, y) = (
                Expr::symbol(x.clone()).to_text(style),
                Expr::symbol(y.clone()).to_text(style),
            );
            let d = if style.unicode { "∂" } else { "d" };
            Some(format!(
                "try {d}{name}/{d}{x}, {d}{name}/{d}{y} or {name}(1, 2)"
            ))
        }
        [] => def.body.scalar().and_then(|body| {
            body.free_vars().first().map(|x| {
                let x = Expr::symbol(x.clone()).to_text(style);
                format!("try d{name}/d{x} or {name} at {x} = 2")
            })
        }),
    };
    if let Some(tip) = tip {
        out.push_str(&format!("{}\n", tip.dimmed()));
    }
    out
}

/// `defs`: one definition a line, oldest first.
pub fn definitions(defs: &[Definition], style: Style) -> String {
    if defs.is_empty() {
        return "Nothing is defined yet. Define a function with f(x) = x^2 sin x, or a name with a = 3.\n"
            .to_string();
    }
    defs.iter()
        .map(|d| format!("{}\n", definition(d, style)))
        .collect()
}

/// `f′(x)`, `f″(2)`, `dy/dx`, `∂f/∂x`, `d/dx f(x)`.
pub fn label(named: &Named, var: &Symbol, order: u32, partial: bool, style: Style) -> String {
    let name = Expr::symbol(named.name().clone()).to_text(style);
    let op = operator(var, order, partial, style.unicode);
    match named {
        Named::Prime { arg, .. } => {
            let primes = prime_marks(order, style.unicode);
            format!("{name}{primes}({})", arg.to_text(style))
        }
        // d/dx → dy/dx, d²/dx² → d²y/dx²: the name goes before the slash.
        Named::Leibniz { .. } => match op.split_once('/') {
            Some((top, bottom)) => format!("{top}{name}/{bottom}"),
            None => op,
        },
        Named::Applied { args, .. } => {
            let args: Vec<String> = args.iter().map(|a| a.to_text(style)).collect();
            format!("{op} {name}({})", args.join(", "))
        }
    }
}

/// What a derivative asked by name means, before its steps, with `body` its formula as shown:
/// "f′(x) is the slope of f(x) = x²·sin(x) as x is nudged."
pub fn named_intro(
    named: &Named,
    body: &str,
    var: &Symbol,
    order: u32,
    partial: bool,
    style: Style,
) -> String {
    let name = Expr::symbol(named.name().clone()).to_text(style);
    let x = Expr::symbol(var.clone()).to_text(style);
    let what = match named {
        Named::Leibniz { params, .. } if params.is_empty() => format!("{name} = {body}"),
        Named::Leibniz { params, .. } => {
            let params: Vec<String> = params
                .iter()
                .map(|p| Expr::symbol(p.clone()).to_text(style))
                .collect();
            format!("{name}({}) = {body}", params.join(", "))
        }
        Named::Prime { .. } => format!("{name}({x}) = {body}"),
        Named::Applied { args, .. } => {
            let args: Vec<String> = args.iter().map(|a| a.to_text(style)).collect();
            format!("{name}({}) = {body}", args.join(", "))
        }
    };
    let slope = if order == 2 {
        "the slope of the slope"
    } else if order > 2 {
        "a derivative, taken again and again,"
    } else {
        "the slope"
    };
    let nudged = if partial {
        format!("only {x} is nudged")
    } else {
        format!("{x} is nudged")
    };
    format!(
        "{} is {slope} of {what} as {nudged}.",
        label(named, var, order, partial, style)
    )
}

/// The lines of a value at a point: the value, exact and decimal, and what it means.
pub fn at_point(
    inner: &Answer,
    point: &[(Symbol, Expr)],
    result: &Expr,
    value: Option<f64>,
    style: Style,
) -> String {
    let long = style.with_budget(RESULT_BUDGET);
    let exact = result.to_text(long);
    let shown = match decimal_after(result, value) {
        Some(d) => format!("{exact} ≈ {d}"),
        None => exact,
    };
    let place = place(point, style);
    let mut out = match inner {
        Answer::Derivative {
            named: Some(Named::Prime { name, .. }),
            var,
            order,
            partial,
            ..
        } if point.len() == 1 => {
            let at = Named::Prime {
                name: name.clone(),
                arg: point[0].1.clone(),
            };
            format!(
                "{} = {}\n",
                label(&at, var, *order, *partial, style),
                shown.green().bold()
            )
        }
        _ => {
            let target = inner.result().map(|t| t.to_text(long)).unwrap_or_default();
            format!(
                "{} {target} = {}\n",
                format!("At {place}:").bold(),
                shown.green().bold()
            )
        }
    };
    if out.contains('…') {
        out.push_str(&format!(
            "{}\n",
            "(shortened here; nudge -q prints the whole result)".dimmed()
        ));
    }
    if let Some(meaning) = meaning(inner, point, result, value, style) {
        out.push_str(&format!("{} {meaning}\n", "Reading it:".bold()));
    }
    out
}

/// `x = 2` or `x = 1, y = 2`.
fn place(point: &[(Symbol, Expr)], style: Style) -> String {
    let parts: Vec<String> = point
        .iter()
        .map(|(v, e)| {
            format!(
                "{} = {}",
                Expr::symbol(v.clone()).to_text(style),
                e.to_text(style)
            )
        })
        .collect();
    parts.join(", ")
}

/// A slope read aloud: "nudge x a little near 2 and x³ moves about 12 times as much"; a slope
/// that keeps constants (v0 + 2a) is read exactly, and says its letters are constants.
pub(super) fn meaning(
    inner: &Answer,
    point: &[(Symbol, Expr)],
    result: &Expr,
    value: Option<f64>,
    style: Style,
) -> Option<String> {
    let Answer::Derivative {
        body,
        var,
        order,
        named,
        ..
    } = inner
    else {
        return None;
    };
    let what = match named {
        Some(n) => Expr::symbol(n.name().clone()).to_text(style),
        None => body.to_text(style.with_budget(40)),
    };
    let x = Expr::symbol(var.clone()).to_text(style);
    let near = match point {
        [(_, v)] => v.to_text(style),
        _ => {
            let values: Vec<String> = point.iter().map(|(_, v)| v.to_text(style)).collect();
            format!("({})", values.join(", "))
        }
    };
    let held: Vec<String> = point
        .iter()
        .filter(|(v, _)| v != var)
        .map(|(v, _)| Expr::symbol(v.clone()).to_text(style))
        .collect();
    let holding = match held.as_slice() {
        [] => String::new(),
        [one] => format!(", holding {one} fixed,"),
        [init @ .., last] => format!(", holding {} and {last} fixed,", init.join(", ")),
    };
    let Some(slope) = value else {
        let times = operand(result, style.with_budget(40));
        let constants: Vec<String> = result
            .free_vars()
            .into_iter()
            .map(|c| Expr::symbol(c).to_text(style))
            .collect();
        // No letters left means the number is too large for a decimal (2^(10^10)).
        let kept = match constants.as_slice() {
            [one] => format!("; {one} is a constant, kept as a letter"),
            [init @ .., last] => format!(
                "; {} and {last} are constants, kept as letters",
                init.join(", ")
            ),
            [] => ", a number too large to write as a decimal".to_string(),
        };
        return Some(if *order > 1 {
            format!("near {x} = {near} the slope of {what} changes {times} times as fast as {x} moves{kept}.")
        } else {
            format!("nudge {x} a little near {near}{holding} and {what} moves {times} times as much{kept}.")
        });
    };
    let size = about(slope.abs());
    if *order > 1 {
        return Some(if slope == 0.0 {
            format!("near {x} = {near} the slope of {what} is not changing at all.")
        } else {
            format!(
                "near {x} = {near} the slope of {what} {} about {size} times as fast as {x} moves.",
                if slope > 0.0 { "grows" } else { "shrinks" }
            )
        });
    }
    Some(if slope == 0.0 {
        format!("nudge {x} a little near {near}{holding} and {what} barely moves: the slope is 0 there, a flat spot.")
    } else if size == "1" {
        let way = if slope > 0.0 { "" } else { ", the other way" };
        format!("nudge {x} a little near {near}{holding} and {what} moves about as much as {x} does{way}.")
    } else if slope > 0.0 {
        format!(
            "nudge {x} a little near {near}{holding} and {what} moves about {size} times as much."
        )
    } else {
        format!("nudge {x} a little near {near}{holding} and {what} moves about {size} times as much, the other way.")
    })
}

/// A size to read aloud: whole numbers as they are, others to three significant digits.
fn about(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 || v >= 100.0 {
        return decimal(v.round());
    }
    let digits = (2 - v.log10().floor() as i32).clamp(0, 12) as usize;
    let s = format!("{v:.digits$}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}
