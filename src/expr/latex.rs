//! Printing expressions as LaTeX: `\frac{}{}`, `\sqrt{}`, `e^{2 x}`, `\sin\left(x\right)`.
//!
//! Every printed form parses back through nudge's LaTeX input to an equal expression.

use super::print::{split_fraction, Fraction};
use super::{greek_letter, Constant, Expr, Func, Kind, Number};

const SUM: u8 = 1;
const PRODUCT: u8 = 2;
const POWER: u8 = 3;
const ATOM: u8 = 4;

impl Expr {
    /// The expression as LaTeX maths (without surrounding `$`).
    pub fn latex(&self) -> String {
        let mut out = String::new();
        write(self, &mut out);
        out
    }
}

/// Functions of several inputs that nudge names in its answers (`softmax(z₁, z₂)` beside a
/// gradient), set upright as operators, as papers print them.
const VECTOR_FUNCTIONS: [&str; 2] = ["softmax", "logsumexp"];

/// A variable's name in LaTeX: `theta` → `\theta`, `w_1` → `w_{1}`, `loss` → `\mathrm{loss}`.
pub fn latex_name(name: &str) -> String {
    let (base, rest) = match name.split_once('_') {
        Some((b, r)) => (b, Some(r)),
        None => (name, None),
    };
    let out = if greek_letter(base).is_some() {
        format!("\\{base}")
    } else if VECTOR_FUNCTIONS.contains(&base) {
        format!("\\operatorname{{{base}}}")
    } else if base.chars().count() == 1 {
        base.to_string()
    } else {
        format!("\\mathrm{{{base}}}")
    };
    match rest {
        Some(accent @ ("hat" | "bar" | "tilde")) => format!("\\{accent}{{{out}}}"),
        Some(sub) => {
            // A sum such as {t+1} is stored in its braces already.
            let sub = sub
                .strip_prefix('{')
                .and_then(|s| s.strip_suffix('}'))
                .unwrap_or(sub);
            let sub: String = sub
                .chars()
                .map(|c| match super::print::greek_name(c) {
                    Some(name) => format!("\\{name}"),
                    None => c.to_string(),
                })
                .collect();
            format!("{out}_{{{sub}}}")
        }
        None => out,
    }
}

/// `\frac{d}{dx}`, `\frac{d^{2}}{dx^{2}}`, `\frac{\partial}{\partial x}`: the operator of a derivative.
pub fn latex_operator(var: &str, order: u32, partial: bool) -> String {
    let d = if partial { "\\partial" } else { "d" };
    let space = if partial { " " } else { "" };
    let x = latex_name(var);
    match order {
        1 => format!("\\frac{{{d}}}{{{d}{space}{x}}}"),
        n => format!("\\frac{{{d}^{{{n}}}}}{{{d}{space}{x}^{{{n}}}}}"),
    }
}

/// `\frac{\partial^{2}}{\partial y \partial x}` for ∂/∂x first, then ∂/∂y: the variable
/// next to the expression comes first.
pub fn latex_partials<S: AsRef<str>>(vars: &[S]) -> String {
    match vars {
        [x] => latex_operator(x.as_ref(), 1, true),
        [x, y] if x.as_ref() == y.as_ref() => latex_operator(x.as_ref(), 2, true),
        _ => {
            let bottom: Vec<String> = vars
                .iter()
                .rev()
                .map(|v| format!("\\partial {}", latex_name(v.as_ref())))
                .collect();
            format!(
                "\\frac{{\\partial^{{{}}}}}{{{}}}",
                vars.len(),
                bottom.join(" ")
            )
        }
    }
}

/// `e` as the operand of `\frac{d}{dx}`, bracketed when it is a sum or starts with a minus.
pub fn latex_operand(e: &Expr) -> String {
    if level(e) == SUM || e.split_coefficient().0.is_negative() {
        format!("\\left({}\\right)", e.latex())
    } else {
        e.latex()
    }
}

/// How tightly a printed expression binds, to decide on brackets.
fn level(e: &Expr) -> u8 {
    match e.kind() {
        Kind::Add(_) => SUM,
        Kind::Num(n) if n.is_negative() => PRODUCT,
        Kind::Mul(_) => {
            let f = split_fraction(e);
            if f.negative {
                PRODUCT
            } else if f.denominator.is_empty() {
                if f.numerator.len() > 1 {
                    PRODUCT
                } else {
                    ATOM
                }
            } else {
                ATOM
            }
        }
        Kind::Pow(_, x) => match x.as_number() {
            Some(n) if n.is_negative() => ATOM,
            Some(n) if n.numer() == 1.into() && !n.is_integer() => ATOM,
            _ => POWER,
        },
        Kind::Num(_)
        | Kind::Const(_)
        | Kind::Var(_)
        | Kind::Func(..)
        | Kind::Log(..)
        | Kind::Apply(_) => ATOM,
    }
}

fn wrapped(e: &Expr, min: u8, out: &mut String) {
    if level(e) < min {
        out.push_str("\\left(");
        write(e, out);
        out.push_str("\\right)");
    } else {
        write(e, out);
    }
}

fn write(e: &Expr, out: &mut String) {
    match e.kind() {
        Kind::Num(n) => number(n, out),
        Kind::Const(Constant::Pi) => out.push_str("\\pi"),
        Kind::Const(Constant::E) => out.push('e'),
        Kind::Var(v) => out.push_str(&latex_name(v)),
        Kind::Add(terms) => sum(terms, out),
        Kind::Mul(_) => fraction(&split_fraction(e), out),
        Kind::Pow(b, x) => match x.as_number() {
            Some(n) if n.is_negative() => fraction(&split_fraction(e), out),
            _ => power(b, x, out),
        },
        Kind::Func(f, a) => function(*f, a, out),
        Kind::Log(b, a) => {
            out.push_str("\\log_{");
            write(b, out);
            out.push_str("}\\left(");
            write(a, out);
            out.push_str("\\right)");
        }
        Kind::Apply(f) => {
            out.push_str(&latex_name(&f.name));
            match (f.args.len(), f.order()) {
                (_, 0) => {}
                (1, n) => out.push_str(&"'".repeat(n as usize)),
                _ => {
                    out.push_str("_{");
                    out.push_str(&f.subscript());
                    out.push('}');
                }
            }
            out.push_str("\\left(");
            for (i, a) in f.args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(a, out);
            }
            out.push_str("\\right)");
        }
    }
}

fn number(n: &Number, out: &mut String) {
    if n.is_negative() {
        out.push('-');
    }
    let (top, bottom) = (n.numer().magnitude().to_string(), n.denom().to_string());
    if n.is_integer() {
        out.push_str(&top);
    } else {
        out.push_str(&format!("\\frac{{{top}}}{{{bottom}}}"));
    }
}

fn sum(terms: &[Expr], out: &mut String) {
    for (i, term) in terms.iter().enumerate() {
        let (c, rest) = term.split_coefficient();
        if c.is_negative() {
            out.push_str(if i == 0 { "-" } else { " - " });
            let positive = Expr::mul(vec![Expr::num(c.neg()), rest]);
            wrapped(&positive, PRODUCT, out);
        } else {
            if i > 0 {
                out.push_str(" + ");
            }
            write(term, out);
        }
    }
}

fn fraction(frac: &Fraction, out: &mut String) {
    if frac.negative {
        out.push('-');
    }
    if frac.denominator.is_empty() {
        product(&frac.numerator, out);
        return;
    }
    out.push_str("\\frac{");
    match frac.numerator.as_slice() {
        [] => out.push('1'),
        // Above and below the bar, a single factor needs no brackets of its own.
        [single] => write(single, out),
        many => product(many, out),
    }
    out.push_str("}{");
    match frac.denominator.as_slice() {
        [single] => write(single, out),
        many => product(many, out),
    }
    out.push('}');
}

fn product(factors: &[Expr], out: &mut String) {
    for (i, f) in factors.iter().enumerate() {
        if i > 0 {
            let starts_with_digit = match f.kind() {
                Kind::Num(_) => true,
                Kind::Pow(b, _) => matches!(b.kind(), Kind::Num(_)),
                _ => false,
            };
            out.push_str(if starts_with_digit { " \\cdot " } else { " " });
        }
        wrapped(f, PRODUCT + 1, out);
    }
}

fn power(base: &Expr, exp: &Expr, out: &mut String) {
    if let Some(n) = exp.as_number() {
        if n.numer() == 1.into() && !n.is_integer() {
            // x^(1/2) is √x, x^(1/3) is the cube root.
            if *n == Number::ratio(1, 2) {
                out.push_str("\\sqrt{");
            } else {
                out.push_str(&format!("\\sqrt[{}]{{", n.denom()));
            }
            write(base, out);
            out.push('}');
            return;
        }
        if let (Some(k), Kind::Func(f, arg)) = (n.to_i64().filter(|k| *k > 0), base.kind()) {
            // σ(x)² rather than σ²(x), which would read back as σ² times x.
            if *f != Func::Abs && !f.is_activation() {
                // sin²(x): the textbook way to power a function's value.
                out.push_str(&format!("{}^{{{k}}}\\left(", f.latex()));
                write(arg, out);
                out.push_str("\\right)");
                return;
            }
        }
    }
    // A fraction as a base is bracketed, so that the power visibly covers all of it.
    let fraction_like = match base.kind() {
        Kind::Num(n) => !n.is_integer(),
        Kind::Mul(_) => !split_fraction(base).denominator.is_empty(),
        Kind::Pow(_, x) => x
            .as_number()
            .is_some_and(|n| n.is_negative() || !n.is_integer()),
        _ => false,
    };
    if fraction_like {
        out.push_str("\\left(");
        write(base, out);
        out.push_str("\\right)");
    } else {
        wrapped(base, ATOM, out);
    }
    out.push_str("^{");
    write(exp, out);
    out.push('}');
}

fn function(f: Func, arg: &Expr, out: &mut String) {
    if f == Func::Abs {
        out.push_str("\\left|");
        write(arg, out);
        out.push_str("\\right|");
        return;
    }
    out.push_str(&f.latex());
    out.push_str("\\left(");
    write(arg, out);
    out.push_str("\\right)");
}
