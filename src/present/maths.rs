//! Inline maths as plain text, Unicode or ASCII by the expression style.

use crate::explain::doc::Math;
use crate::explain::doc::{ENTRY_BUDGET, STEP_BUDGET};
use crate::explain::integral::constant_name;
use crate::explain::seeing_words::point_slope;
use crate::explain::session::label;
use crate::expr::{
    decimal, derivand, operand, operator, partials, Expr, Kind, Number, Style, Symbol,
};
use crate::syntax::reading;

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
        Math::Power { base, exponent } => power(base, exponent, style),
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
        Math::Tensor(t) | Math::Sized { of: t, .. } => crate::tensor::text(t, style.unicode),
        Math::Equation(sides) => equation(sides, style),
        Math::Operator {
            var,
            order,
            partial,
        } => operator(var, *order, *partial, style.unicode),
        Math::Integral { var, of } => integral(var, of, style),
        Math::Definite {
            var,
            lower,
            upper,
            of,
        } => definite(var, lower, upper, of, style),
        Math::Integrand(e) => integrand(e, style),
        Math::PowerUp { var, exponent } => power_up(var, exponent, style),
        Math::Constant(n) => constant_name(*n, style.unicode),
        Math::Approx(m, v) => {
            let (exact, approx) = (math_text(m, style), decimal(*v));
            // 0.3, not 0.3 ≈ 0.3, when the exact value prints as a decimal already.
            if exact.parse::<f64>().is_ok() {
                exact
            } else {
                format!("{exact} ≈ {approx}")
            }
        }
        Math::Short(m) => math_text(m, style.with_budget(STEP_BUDGET)),
        Math::Entry(m) => math_text(m, style.with_budget(ENTRY_BUDGET)),
        Math::Partials(vars) => partials(vars, style),
        Math::Gradient(of) => {
            let of = math_text(of, style);
            match (style.unicode, of.starts_with('(')) {
                (true, _) => format!("∇{of}"),
                (false, true) => format!("grad{of}"),
                (false, false) => format!("grad {of}"),
            }
        }
        Math::Norm(of) => format!("|{}|", math_text(of, style)),
        // √5 and √x need no brackets in Unicode; anything else, and all of ASCII, does.
        Math::Root(of) => match (style.unicode, of.as_ref()) {
            (true, Math::Expr(e))
                if e.as_number().is_some() || matches!(e.kind(), Kind::Var(_)) =>
            {
                format!("√{}", e.to_text(style))
            }
            (true, _) => format!("√({})", math_text(of, style)),
            (false, _) => format!("sqrt({})", math_text(of, style)),
        },
        Math::Squares(entries) => {
            let squared = if style.unicode { "²" } else { "^2" };
            let terms: Vec<String> = entries
                .iter()
                .map(|e| match bare(e) {
                    true => format!("{}{squared}", e.to_text(style)),
                    false => format!("({}){squared}", e.to_text(style)),
                })
                .collect();
            terms.join(" + ")
        }
        Math::Column(entries) => math_text(&Math::Tuple(entries.clone()), style),
        Math::Decimals(values) => {
            let shown: Vec<String> = values.iter().map(|v| decimal(*v)).collect();
            format!("({})", shown.join(", "))
        }
        Math::Negated(of) => {
            let minus = if style.unicode { "−" } else { "-" };
            format!("{minus}{}", math_text(of, style))
        }
        Math::Slash(a, b) => format!("{}/{}", slashed(a, style), slashed(b, style)),
        Math::OperatorOn(op, to) => format!("{} {}", math_text(op, style), math_text(to, style)),
        Math::Dot(pairs) => {
            let dot = if style.unicode { "·" } else { "*" };
            let terms: Vec<String> = pairs
                .iter()
                .map(|(a, b)| format!("{}{dot}{}", operand(a, style), operand(b, style)))
                .collect();
            terms.join(" + ")
        }
        Math::Typed(node) => reading(node, style.unicode),
        Math::Apply { name, arg } => format!(
            "{}({})",
            Expr::symbol(name.clone()).to_text(style),
            math_text(arg, style)
        ),
        Math::PointSlope {
            var,
            at,
            slope,
            value,
        } => point_slope(var, at, slope, value, &|e| e.to_text(style), &|e| {
            operand(e, style)
        }),
        Math::Numeral(digits) => digits.clone(),
        Math::Vector(entries) => {
            let shown: Vec<String> = entries.iter().map(|m| math_text(m, style)).collect();
            format!("({})", shown.join(", "))
        }
    }
}

/// A side of a one-line quotient: an expression bracketed unless it reads whole.
fn slashed(m: &Math, style: Style) -> String {
    let text = math_text(m, style);
    let inner = match m {
        Math::Entry(inner) => inner,
        _ => m,
    };
    match inner {
        Math::Expr(e) if !reads_whole(e) => format!("({text})"),
        _ => text,
    }
}

/// Whether an expression needs no brackets before a square or around a side of `/`: a
/// whole number, a single name, or a plain root.
pub fn reads_whole(e: &Expr) -> bool {
    bare(e) || matches!(e.kind(), Kind::Pow(_, x) if x == &Expr::ratio(1, 2))
}

/// A whole number or a single name: squared without brackets.
pub fn bare(e: &Expr) -> bool {
    match e.kind() {
        Kind::Num(n) => n.is_integer() && !n.is_negative(),
        Kind::Var(_) | Kind::Const(_) => true,
        _ => false,
    }
}

/// `∫ f dx`, or `integrate f dx` in ASCII, the integrand bracketed when it is a sum.
fn integral(var: &Symbol, of: &Expr, style: Style) -> String {
    let sign = if style.unicode { "∫" } else { "integrate" };
    let x = Expr::symbol(var.clone()).to_text(style);
    format!("{sign} {} d{x}", integrand(of, style))
}

/// `∫_0^1 f dx`, or `integrate(f, x, 0, 1)` in ASCII.
fn definite(var: &Symbol, lower: &Expr, upper: &Expr, of: &Expr, style: Style) -> String {
    let x = Expr::symbol(var.clone()).to_text(style);
    if style.unicode {
        format!(
            "∫_{}^{} {} d{x}",
            bound(lower, style),
            bound(upper, style),
            integrand(of, style)
        )
    } else {
        let whole = Style {
            budget: None,
            ..style
        };
        format!(
            "integrate({}, {x}, {}, {})",
            of.to_text(style),
            lower.to_text(whole),
            upper.to_text(whole)
        )
    }
}

/// A bound, bracketed unless it is a whole number or a single name.
fn bound(e: &Expr, style: Style) -> String {
    let text = e.to_text(Style {
        budget: None,
        ..style
    });
    let simple = match e.kind() {
        Kind::Num(n) => n.is_integer(),
        Kind::Var(_) | Kind::Const(_) => true,
        _ => false,
    };
    if simple {
        text
    } else {
        format!("({text})")
    }
}

/// An integrand bracketed when it is a sum or starts with a minus; a step's length at most.
fn integrand(e: &Expr, style: Style) -> String {
    let style = match style.budget {
        Some(_) => style,
        None => style.with_budget(STEP_BUDGET),
    };
    let text = e.to_text(style);
    if matches!(e.kind(), Kind::Add(_)) || e.split_coefficient().0.is_negative() {
        format!("({text})")
    } else {
        text
    }
}

/// `x^(2+1)/(2+1)`: the exponent raised by one, and divided by.
fn power_up(var: &Symbol, exponent: &Expr, style: Style) -> String {
    let x = Expr::symbol(var.clone()).to_text(style);
    let n = exponent.to_text(style);
    let n = if exponent.as_number().is_some_and(is_plain) {
        n
    } else {
        format!("({n})")
    };
    format!("{x}^({n}+1)/({n}+1)")
}

/// Sides joined by ` = `, leaving out a side that prints the same as the one after it.
/// Sides joined by `=`; a side that reads the same as the next (`n·x^(n−1)` and
/// `n·x^(n - 1)`, `2sin(x) · cos(x)` and `2sin(x)·cos(x)`) says nothing new and is left out.
fn equation(sides: &[Math], style: Style) -> String {
    let shown: Vec<String> = sides.iter().map(|s| math_text(s, style)).collect();
    let mut kept: Vec<&str> = Vec::with_capacity(shown.len());
    for (i, side) in shown.iter().enumerate() {
        if shown.get(i + 1).map(|next| reads(next)) != Some(reads(side)) {
            kept.push(side);
        }
    }
    kept.join(" = ")
}

/// What a side says, whatever its spacing and whichever minus sign it is printed with.
pub fn reads(side: &str) -> String {
    side.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '−' { '-' } else { c })
        .collect()
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

/// `x^(-1)`, `x^(1/2)`: a power as a power, the form the power rule reads.
fn power(base: &Expr, exponent: &Expr, style: Style) -> String {
    let atomic = matches!(base.kind(), Kind::Var(_) | Kind::Const(_));
    let text = base.to_text(style);
    let text = if atomic { text } else { format!("({text})") };
    format!("{text}^({})", exponent.to_text(style))
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
