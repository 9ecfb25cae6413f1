//! An expression beside an operator: bracketed where it would otherwise misread, and the
//! derivative operators themselves (`d/dx`, `d²/dx²`, `∂/∂x`).

use super::{superscript, Expr, Kind, Style, Symbol};

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

/// `∂²/∂x∂y` for ∂/∂y first, then ∂/∂x; `∂/∂x` for one variable.
pub fn partials(vars: &[Symbol], style: Style) -> String {
    let d = if style.unicode { "∂" } else { "d" };
    let var = |v: &Symbol| Expr::symbol(v.clone()).to_text(style);
    let bottom: String = vars
        .iter()
        .rev()
        .map(|v| format!("{d}{}", var(v)))
        .collect();
    match vars {
        [v] => format!("{d}/{d}{}", var(v)),
        [a, b] if a == b && style.unicode => format!("{d}²/{d}{}²", var(a)),
        [a, b] if a == b => format!("{d}^2/{d}{}^2", var(a)),
        [_, _] if style.unicode => format!("{d}²/{bottom}"),
        _ => format!("{d}^{}/{bottom}", vars.len()),
    }
}
