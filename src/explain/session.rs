//! The session's own answers, said: a value, a value at a point and what it means, a
//! definition and what to try with it, the list of definitions, forgetting.

use super::doc::{Block, Doc, Line, Math, Quiet, Span, Spelled, Tag};
use super::{derivative, labelled_line};
use crate::engine::{Answer, Definition, Named};
use crate::engine::{AtPointAnswer, DefinedAnswer, DerivativeAnswer, ExpressionAnswer};
use crate::expr::{decimal, operand, operator, Expr, Style, Symbol};
use crate::syntax::{prime_marks, Body};
use std::rc::Rc;

/// A value, or an expression simplified, after the reading.
pub fn value(answer: &ExpressionAnswer) -> Doc {
    let ExpressionAnswer { result, value } = answer;
    let label = if value.is_some() {
        "Value:"
    } else {
        "Simplified:"
    };
    value_doc(
        vec![Span::tagged(label, Tag::Label)],
        result,
        *value,
        Vec::new(),
    )
}

/// A new definition, what it replaced, and what to try with it.
pub fn defined(answer: &DefinedAnswer) -> Doc {
    let DefinedAnswer {
        definition: def,
        replaced,
    } = answer;
    let mut blocks = vec![Block::Words(vec![
        Span::tagged("Defined:", Tag::Label),
        " ".into(),
        Span::tagged(definition(def), Tag::Answer),
    ])];
    if let Some(old) = replaced {
        blocks.push(Block::Note(vec![
            "this replaces the earlier ".into(),
            definition(old).into(),
        ]));
    }
    if tip(def, Style::UNICODE).is_some() {
        let def = def.clone();
        let tip = Spelled(Rc::new(move |style| tip(&def, style).unwrap_or_default()));
        blocks.push(Block::Words(vec![Span::tagged(tip, Tag::Quiet)]));
    }
    Doc {
        blocks,
        quiet: Quiet::Result(vec![definition(def).into()]),
    }
}

/// `undef NAME`.
pub fn forgotten(def: &Definition) -> Doc {
    Doc {
        blocks: vec![Block::Words(vec![
            "Forgot ".into(),
            definition(def).into(),
            ".".into(),
        ])],
        quiet: Quiet::Nothing,
    }
}

/// `defs`: every definition, oldest first.
pub fn definitions(defs: &[Definition]) -> Doc {
    if defs.is_empty() {
        return Doc {
            blocks: vec![Block::Words(vec![
                "Nothing is defined yet. Define a function with f(x) = x^2 sin x, or a name with a = 3."
                    .into(),
            ])],
            quiet: Quiet::Whole,
        };
    }
    Doc {
        blocks: defs
            .iter()
            .map(|d| Block::Words(vec![definition(d).into()]))
            .collect(),
        quiet: Quiet::Whole,
    }
}

/// `reset`.
pub fn reset() -> Doc {
    Doc {
        blocks: vec![Block::Words(vec![
            "Everything is forgotten: no definitions, and no ans until the next answer.".into(),
        ])],
        quiet: Quiet::Nothing,
    }
}

/// A value after `lead`, with its decimal when that says more, and `after` it; `-q` keeps
/// the value alone.
fn value_doc(lead: Line, exact: &Expr, approx: Option<f64>, after: Vec<Block>) -> Doc {
    let decimal = approx.filter(|_| wants_decimal(exact));
    let exact_math = Math::Expr(exact.clone());
    let quiet: Line = vec![match decimal {
        Some(d) => Math::Approx(Box::new(exact_math), d),
        None => exact_math,
    }
    .into()];
    let mut blocks = vec![Block::Value {
        lead,
        exact: exact.clone(),
        decimal,
    }];
    blocks.extend(after);
    Doc {
        blocks,
        quiet: Quiet::Result(quiet),
    }
}

/// Whether an exact value says more with a decimal beside it: anything but a whole number.
pub fn wants_decimal(exact: &Expr) -> bool {
    exact.as_number().is_none_or(|n| !n.is_integer())
}

/// A value at a point: a derivative's steps first, then the value (`f′(2) = 12` when asked
/// with a prime, else `At x = 2: …`), and for a slope what it means.
pub fn at_point(answer: &AtPointAnswer) -> Doc {
    let AtPointAnswer {
        inner,
        point,
        result,
        value,
    } = answer;
    let (inner, value) = (&**inner, *value);
    let mut before = match inner {
        Answer::Derivative(d) => derivative(d).blocks,
        Answer::Training(t) => super::training(t).blocks,
        _ => Vec::new(),
    };
    let lead: Line = match inner {
        Answer::Derivative(DerivativeAnswer {
            named: Some(Named::Prime { name, .. }),
            var,
            order,
            partial,
            ..
        }) if point.len() == 1 => vec![
            Math::Named {
                named: Named::Prime {
                    name: name.clone(),
                    arg: point[0].1.clone(),
                },
                var: var.clone(),
                order: *order,
                partial: *partial,
            }
            .into(),
            " =".into(),
        ],
        _ => {
            let place = point.to_vec();
            let at = Spelled(Rc::new(move |style| {
                format!("At {}:", self::place(&place, style))
            }));
            let target = match inner.result() {
                Some(t) => Math::Expr(t.clone()).into(),
                None => "".into(),
            };
            vec![
                Span::tagged(at, Tag::Label),
                " ".into(),
                target,
                " =".into(),
            ]
        }
    };
    let mut after = Vec::new();
    if meaning(inner, point, result, value, Style::UNICODE).is_some() {
        let (inner, point, result) = (inner.clone(), point.to_vec(), result.clone());
        let said = Spelled(Rc::new(move |style| {
            meaning(&inner, &point, &result, value, style).unwrap_or_default()
        }));
        after.push(Block::Words(labelled_line("Reading it:", said.into())));
    }
    let mut doc = value_doc(lead, result, value, after);
    before.append(&mut doc.blocks);
    doc.blocks = before;
    doc
}

/// A definition as maths: `f(x) = x²·sin(x)` or `y = 3x² + 1`.
fn definition(def: &Definition) -> Math {
    let head = if def.params.is_empty() {
        Math::symbol(&def.name)
    } else {
        Math::Call {
            name: def.name.clone(),
            args: def.params.iter().map(|p| Expr::symbol(p.clone())).collect(),
        }
    };
    let body = match &def.body {
        Body::Scalar(e) => Math::Expr(e.clone()),
        Body::Vector(components) => Math::Tuple(components.clone()),
    };
    Math::Equation(vec![head, body])
}

/// What to try after a definition, with its own names: "try f′(x), f(2), f′(2) or d/dx f(x)".
fn tip(def: &Definition, style: Style) -> Option<String> {
    let name = Expr::symbol(def.name.clone()).to_text(style);
    let prime = if style.unicode { "′" } else { "'" };
    let vector = matches!(def.body, Body::Vector(_));
    match def.params.as_slice() {
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
            let names = body.free_vars();
            // A loss is nudged by its weights (w, then θ, then b), not by its data (x, y).
            let rank = |v: &&Symbol| match v.chars().next() {
                Some('w' | 'W') => 0,
                Some('θ') => 1,
                Some('b' | 'β') => 2,
                _ => 3,
            };
            names.iter().min_by_key(rank).map(|x| {
                let x = Expr::symbol(x.clone()).to_text(style);
                format!("try d{name}/d{x} or {name} at {x} = 2")
            })
        }),
    }
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
pub fn meaning(
    inner: &Answer,
    point: &[(Symbol, Expr)],
    result: &Expr,
    value: Option<f64>,
    style: Style,
) -> Option<String> {
    let Answer::Derivative(DerivativeAnswer {
        body,
        var,
        order,
        named,
        ..
    }) = inner
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
pub(super) fn about(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 || v >= 100.0 {
        return decimal(v.round());
    }
    let digits = (2 - v.log10().floor() as i32).clamp(0, 12) as usize;
    let s = format!("{v:.digits$}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}
