//! Writing a formula with vectors and matrices: `2Aᵀ(Ax - b)` in Unicode, `2*A^T*(A*x - b)`
//! in ASCII (both read back), `2 A^{\top} (A \mathbf{x} - \mathbf{b})` in LaTeX.

use super::ast::{Elementwise, Fun, Tensor};
use crate::expr::{latex_name, unicode_name, Expr, Kind, Style};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Unicode,
    Ascii,
    Latex,
}

/// The formula as text: Unicode maths, or ASCII that nudge reads back.
pub fn text(t: &Tensor, unicode: bool) -> String {
    write(t, if unicode { Form::Unicode } else { Form::Ascii }, 0)
}

/// The formula as LaTeX that nudge reads back.
pub fn latex(t: &Tensor) -> String {
    write(t, Form::Latex, 0)
}

const SUM: u8 = 1;
const PRODUCT: u8 = 2;
const POSTFIX: u8 = 3;

fn level(t: &Tensor) -> u8 {
    match t {
        Tensor::Add(_) | Tensor::Sum { .. } => SUM,
        Tensor::Mul(_) | Tensor::Div(..) | Tensor::Hadamard(..) | Tensor::Dot(..) => PRODUCT,
        Tensor::Scalar(e) => match e.kind() {
            Kind::Add(_) => SUM,
            Kind::Mul(_) => PRODUCT,
            Kind::Num(n) if !n.is_integer() || n.is_negative() => PRODUCT,
            Kind::Pow(..) => POSTFIX,
            _ => 4,
        },
        Tensor::Pow(..) | Tensor::Transpose(_) | Tensor::Inverse(_) => POSTFIX,
        _ => 4,
    }
}

/// `t` written where its surroundings bind at `outer`: bracketed when it binds looser.
fn write(t: &Tensor, form: Form, outer: u8) -> String {
    let inner = body(t, form);
    if level(t) < outer || (outer > PRODUCT && level(t) <= PRODUCT) {
        match form {
            Form::Latex => format!("\\left({inner}\\right)"),
            _ => format!("({inner})"),
        }
    } else {
        inner
    }
}

fn body(t: &Tensor, form: Form) -> String {
    match t {
        Tensor::Scalar(e) => scalar(e, form),
        Tensor::Name(n) => name(n, form),
        Tensor::Identity => "I".into(),
        Tensor::Add(parts) => add(parts, form),
        Tensor::Mul(factors) => product(factors, form),
        Tensor::Pow(base, exp) => {
            let b = write(base, form, POSTFIX + 1);
            match form {
                Form::Unicode => match exp.as_number().and_then(|n| n.to_i64()) {
                    Some(k) => format!("{b}{}", crate::expr::superscript(k)),
                    None => format!("{b}^({})", exp.unicode()),
                },
                Form::Ascii => format!("{b}^{}", crate::expr::operand(exp, Style::ASCII)),
                Form::Latex => format!("{b}^{{{}}}", exp.latex()),
            }
        }
        Tensor::Div(top, bottom) => match form {
            Form::Latex => format!(
                "\\frac{{{}}}{{{}}}",
                write(top, form, 0),
                write(bottom, form, 0)
            ),
            _ => format!(
                "{}/{}",
                write(top, form, PRODUCT),
                write(bottom, form, POSTFIX)
            ),
        },
        Tensor::Transpose(a) => match a.as_ref() {
            Tensor::Inverse(m) => postfix(m, form, "⁻ᵀ", "^-T", "^{-\\top}"),
            _ => postfix(a, form, "ᵀ", "^T", "^{\\top}"),
        },
        Tensor::Inverse(a) => postfix(a, form, "⁻¹", "^-1", "^{-1}"),
        Tensor::Hadamard(a, b) => {
            let op = match form {
                Form::Unicode => " ⊙ ",
                Form::Ascii => " .* ",
                Form::Latex => " \\odot ",
            };
            format!(
                "{}{op}{}",
                write(a, form, PRODUCT),
                write(b, form, PRODUCT + 1)
            )
        }
        Tensor::Dot(a, b) => {
            let op = match form {
                Form::Unicode => " · ",
                Form::Ascii => " * ",
                Form::Latex => " \\cdot ",
            };
            let (a, b) = (write(a, form, PRODUCT + 1), write(b, form, PRODUCT + 1));
            match form {
                Form::Ascii => format!("{a}^T{op}{b}"),
                _ => format!("{a}{op}{b}"),
            }
        }
        Tensor::Norm(a) => {
            let inner = write(a, form, 0);
            match form {
                Form::Unicode => format!("‖{inner}‖"),
                Form::Ascii => format!("||{inner}||"),
                Form::Latex => format!("\\left\\|{inner}\\right\\|"),
            }
        }
        Tensor::Apply(f, a) => apply(*f, a, form),
        Tensor::Sum {
            index,
            lower,
            upper,
            body,
        } => {
            let b = write(body, form, PRODUCT);
            let (lo, hi) = (scalar(lower, form), scalar(upper, form));
            match form {
                Form::Unicode => format!("Σ_{{{index}={lo}}}^{{{hi}}} {b}"),
                Form::Ascii => format!("sum_{{{index}={lo}}}^{{{hi}}} {b}"),
                Form::Latex => format!("\\sum_{{{index}={lo}}}^{{{hi}}} {b}"),
            }
        }
    }
}

fn postfix(a: &Tensor, form: Form, unicode: &str, ascii: &str, latex: &str) -> String {
    let base = write(a, form, POSTFIX + 1);
    let mark = match form {
        Form::Unicode => unicode,
        Form::Ascii => ascii,
        Form::Latex => latex,
    };
    format!("{base}{mark}")
}

fn scalar(e: &Expr, form: Form) -> String {
    match form {
        Form::Unicode => e.unicode(),
        Form::Ascii => e.ascii(),
        Form::Latex => e.latex(),
    }
}

fn name(n: &str, form: Form) -> String {
    match form {
        Form::Unicode => unicode_name(n),
        Form::Ascii => n.to_string(),
        Form::Latex if n.starts_with(|c: char| c.is_ascii_lowercase()) => {
            format!("\\mathbf{{{}}}", latex_name(n))
        }
        Form::Latex => latex_name(n),
    }
}

fn add(parts: &[Tensor], form: Form) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        let t = write(p, form, SUM);
        match t.strip_prefix('-') {
            Some(rest) if i > 0 => {
                out.push_str(" - ");
                out.push_str(rest);
            }
            _ if i > 0 => {
                out.push_str(" + ");
                out.push_str(&t);
            }
            _ => out.push_str(&t),
        }
    }
    out
}

fn product(factors: &[Tensor], form: Form) -> String {
    let mut out = String::new();
    let mut previous: Option<&Tensor> = None;
    let last = factors.len().saturating_sub(1);
    for (i, f) in factors.iter().enumerate() {
        let number = |f: &Tensor| match f {
            Tensor::Scalar(e) => e.as_number().and_then(|n| n.to_i64()),
            _ => None,
        };
        if previous.is_none() && out.is_empty() && number(f) == Some(-1) && factors.len() > 1 {
            out.push('-');
            continue;
        }
        let t = match f {
            // A coefficient in front prints as it is, a fraction bracketed: -2Aᵀx, (1/n) Σ …
            Tensor::Scalar(e) if previous.is_none() && i < last => {
                let written = scalar(e, form);
                if written.contains('/') && form != Form::Latex {
                    match written.strip_prefix('-') {
                        Some(positive) => {
                            out.push('-');
                            format!("({positive})")
                        }
                        None => format!("({written})"),
                    }
                } else {
                    written
                }
            }
            // A sum at the end of a product runs to the end: (1/n) Σ_i (…)².
            Tensor::Sum { .. } if i == last => write(f, form, 0),
            _ if previous.is_none() => write(f, form, PRODUCT),
            _ => write(f, form, PRODUCT + 1),
        };
        if let Some(p) = previous {
            out.push_str(separator(p, f, &t, form));
        }
        out.push_str(&t);
        previous = Some(f);
    }
    out
}

/// What goes between two factors: `*` in ASCII, a space in LaTeX; in Unicode nothing
/// (`2Aᵀx`, `(A + Aᵀ)x`), a space before Σ, and a dot where the two would read as one.
fn separator(left: &Tensor, right: &Tensor, right_text: &str, form: Form) -> &'static str {
    match form {
        Form::Ascii => "*",
        Form::Latex => " ",
        Form::Unicode if matches!(right, Tensor::Sum { .. }) => " ",
        Form::Unicode
            if right_text.starts_with(|c: char| c.is_ascii_digit())
                || matches!(left, Tensor::Scalar(e) if e.as_number().is_none()) =>
        {
            "·"
        }
        Form::Unicode => "",
    }
}

fn apply(f: Fun, a: &Tensor, form: Form) -> String {
    // log det W reads as papers write it; every other function takes brackets.
    if let (Fun::Log, Tensor::Apply(Fun::Det, m)) = (f, a) {
        let m = write(m, form, 4);
        return match form {
            Form::Unicode => format!("log det {m}"),
            Form::Ascii => format!("log(det({m}))"),
            Form::Latex => format!("\\log \\det {m}"),
        };
    }
    let arg = write(a, form, 0);
    let name = fun_name(f, form);
    match form {
        Form::Latex => format!("{name}\\left({arg}\\right)"),
        _ => format!("{name}({arg})"),
    }
}

fn fun_name(f: Fun, form: Form) -> String {
    let (unicode, ascii, latex) = match f {
        Fun::Trace => ("tr", "tr", "\\operatorname{tr}"),
        Fun::Det => ("det", "det", "\\det"),
        Fun::Diag => ("diag", "diag", "\\operatorname{diag}"),
        Fun::Softmax => ("softmax", "softmax", "\\operatorname{softmax}"),
        Fun::Log => ("log", "log", "\\log"),
        Fun::Exp => ("exp", "exp", "\\exp"),
        Fun::Sigmoid => ("σ", "sigmoid", "\\sigma"),
        Fun::Tanh => ("tanh", "tanh", "\\tanh"),
        Fun::Sin => ("sin", "sin", "\\sin"),
        Fun::Cos => ("cos", "cos", "\\cos"),
        Fun::Slope(e) => {
            let base = fun_name(slope_of(e), form);
            return match form {
                Form::Unicode => format!("{base}′"),
                _ => format!("{base}'"),
            };
        }
    };
    match form {
        Form::Unicode => unicode,
        Form::Ascii => ascii,
        Form::Latex => latex,
    }
    .to_string()
}

fn slope_of(e: Elementwise) -> Fun {
    match e {
        Elementwise::Log => Fun::Log,
        Elementwise::Exp => Fun::Exp,
        Elementwise::Sigmoid => Fun::Sigmoid,
        Elementwise::Tanh => Fun::Tanh,
        Elementwise::Sin => Fun::Sin,
        Elementwise::Cos => Fun::Cos,
    }
}
