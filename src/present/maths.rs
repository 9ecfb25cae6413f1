//! Inline maths as plain text, Unicode or ASCII by the expression style.

use crate::engine::Named;
use crate::explain::doc::Math;
use crate::expr::{superscript, Expr, Kind, Number, Style, Symbol};
use crate::syntax::prime_marks;

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

/// `d/dx`, `d²/dx²`, `∂/∂x`.
pub fn operator(var: &str, order: u32, partial: bool, unicode: bool) -> String {
    let x = Expr::var(var).to_text(if unicode {
        Style::UNICODE
    } else {
        Style::ASCII
    });
    let d = if partial && unicode { "∂" } else { "d" };
    match order {
        1 => format!("{d}/{d}{x}"),
        n if unicode => {
            let p = superscript(i64::from(n));
            format!("{d}{p}/{d}{x}{p}")
        }
        n => format!("{d}^{n}/{d}{x}^{n}"),
    }
}

/// The learner's name for a derivative: `f′(x)`, `dy/dx`, `d/dx f(2x)`.
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
        Named::Applied { args, .. } => format!("{op} {}", call(named.name(), args, style)),
    }
}

/// `f(x, y)`.
fn call(name: &Symbol, args: &[Expr], style: Style) -> String {
    let args: Vec<String> = args.iter().map(|a| a.to_text(style)).collect();
    format!(
        "{}({})",
        Expr::symbol(name.clone()).to_text(style),
        args.join(", ")
    )
}

/// What follows d/dx: bracketed when it is a product of several parts too, so that
/// `d/dx (x²·sin(x))` cannot be read as (d/dx x²)·sin(x).
pub fn derivand(e: &Expr, style: Style) -> String {
    let (_, rest) = e.split_coefficient();
    let text = e.to_text(style);
    if matches!(rest.kind(), Kind::Mul(_)) && !needs_brackets(e) && !has_top_level_slash(&text) {
        return format!("({text})");
    }
    operand(e, style)
}

/// `e` as the operand of a product or derivative, bracketed when needed.
pub fn operand(e: &Expr, style: Style) -> String {
    let text = e.to_text(style);
    if needs_brackets(e) || has_top_level_slash(&text) {
        format!("({text})")
    } else {
        text
    }
}

/// Brackets around an expression that would otherwise read wrongly next to an operator.
fn needs_brackets(e: &Expr) -> bool {
    matches!(e.kind(), Kind::Add(_))
        || e.split_coefficient().0.is_negative()
        || e.as_number().is_some_and(|n| !n.is_integer())
}

/// Whether a printed expression is a fraction at its top level, like `2x/(x² + 1)`.
fn has_top_level_slash(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '/' if depth == 0 => return true,
            _ => {}
        }
    }
    false
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
