//! Inline maths as plain text, Unicode or ASCII by the expression style.

use crate::explain::doc::Math;
use crate::explain::session::label;
use crate::expr::{decimal, derivand, operand, operator, Expr, Kind, Number, Style, Symbol};

/// `m` as text in `style`; expressions past the style's budget end in `…`.
pub fn math_text(m: &Math, style: Style) -> String {
    let dot = if style.unicode { " · " } else { " * " };
    match m {
        Math::Expr(e) => e.to_text(style),
        Math::Operand(e) => operand(e, style),
        Math::Derivative {
            var,
            order,
            partial,
            of,
        } => format!(
            "{} {}",
            operator(var, *order, *partial, style.unicode),
            derivand(of, style)
        ),
        Math::Named {
            named,
            var,
            order,
            partial,
        } => label(named, var, *order, *partial, style),
        Math::Call { name, args } => call(name, args, style),
        Math::Squared(e) => squared(e, style),
        Math::PowerDown { exponent, base } => power_down(exponent, base, style),
        Math::Sum(terms) => sum(terms, style),
        Math::Times(a, b) => format!("{}{dot}{}", math_text(a, style), math_text(b, style)),
        Math::Plus(a, b) => format!("{} + {}", math_text(a, style), math_text(b, style)),
        Math::Minus(a, b) => format!("{} - {}", math_text(a, style), math_text(b, style)),
        Math::Over(a, b) => format!("{} / {}", math_text(a, style), math_text(b, style)),
        Math::Group(a) => format!("({})", math_text(a, style)),
        Math::Tuple(entries) => {
            let shown: Vec<String> = entries.iter().map(|e| e.to_text(style)).collect();
            format!("({})", shown.join(", "))
        }
        Math::Decimal(v) => decimal(*v),
        Math::Tensor(t) => crate::tensor::text(t, style.unicode),
        Math::Equation(sides) => equation(sides, style),
    }
}

/// Sides joined by ` = `, leaving out a side that prints the same as the one after it.
fn equation(sides: &[Math], style: Style) -> String {
    let shown: Vec<String> = sides.iter().map(|s| math_text(s, style)).collect();
    let mut kept: Vec<&str> = Vec::with_capacity(shown.len());
    for (i, side) in shown.iter().enumerate() {
        if shown.get(i + 1) != Some(side) {
            kept.push(side);
        }
    }
    kept.join(" = ")
}

/// `f(x, y)`.
pub fn call(name: &Symbol, args: &[Expr], style: Style) -> String {
    let args: Vec<String> = args.iter().map(|a| a.to_text(style)).collect();
    format!(
        "{}({})",
        Expr::symbol(name.clone()).to_text(style),
        args.join(", ")
    )
}

fn is_plain(n: &Number) -> bool {
    n.is_integer() && !n.is_negative()
}

/// `g²` written out before simplifying, bracketed unless `g` is a single symbol.
fn squared(e: &Expr, style: Style) -> String {
    let atomic = matches!(e.kind(), Kind::Var(_) | Kind::Const(_) | Kind::Func(..))
        || e.as_number().is_some_and(is_plain);
    let text = e.to_text(style);
    let text = if atomic { text } else { format!("({text})") };
    if style.unicode {
        format!("{text}²")
    } else {
        format!("{text}^2")
    }
}

/// `3·x^(3−1)`: the exponent brought down, then reduced by one.
fn power_down(exponent: &Expr, base: &Expr, style: Style) -> String {
    let n = exponent.to_text(style);
    let bare = exponent.as_number().is_some_and(is_plain)
        || matches!(exponent.kind(), Kind::Var(_) | Kind::Const(_));
    let n_shown = if bare { n.clone() } else { format!("({n})") };
    let minus = if style.unicode { "−" } else { "-" };
    let dot = if style.unicode { "·" } else { "*" };
    format!("{n_shown}{dot}{}^({n}{minus}1)", base.to_text(style))
}

/// Terms added, a leading minus written as a subtraction.
fn sum(terms: &[Expr], style: Style) -> String {
    let mut text = String::new();
    for (i, term) in terms.iter().enumerate() {
        let t = term.to_text(style);
        match (i, t.strip_prefix('-')) {
            (0, _) => text.push_str(&t),
            (_, Some(rest)) => {
                text.push_str(" - ");
                text.push_str(rest);
            }
            _ => {
                text.push_str(" + ");
                text.push_str(&t);
            }
        }
    }
    text
}
