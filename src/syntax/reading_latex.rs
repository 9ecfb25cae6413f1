//! How the input was read, written as LaTeX with the learner's own grouping.

use super::ast::{BinOp, Callee, Node, NodeKind, Point, Statement};
use super::reading::{is_atom, level, needs_brackets_as_body, show_number};
use super::reading_latex_queries::{multivar_latex, seeing_latex};
use crate::expr::{latex_name, latex_operator, Constant, Func};

/// The statement as read, in LaTeX; `None` for `read`, which is words, not maths.
pub fn reading_latex(statement: &Statement) -> Option<String> {
    let mut out = String::new();
    match statement {
        Statement::Expr(node) => write(node, &mut out),
        Statement::Check { question, answer } => {
            out.push_str("\\text{check } ");
            out.push_str(&reading_latex(question)?);
            out.push_str(" = ");
            write(answer, &mut out);
        }
        Statement::Derivative {
            body,
            var,
            order,
            partial,
        } => {
            out.push_str(&latex_operator(var, *order, *partial));
            out.push(' ');
            out.push_str(&operand_latex(body));
        }
        Statement::Integral { body, var, bounds } => {
            out.push_str("\\int");
            if let Some((a, b)) = bounds {
                out.push_str("_{");
                write(unwrapped(a), &mut out);
                out.push_str("}^{");
                write(unwrapped(b), &mut out);
                out.push('}');
            }
            out.push(' ');
            let sum = matches!(
                body.kind,
                NodeKind::Binary(BinOp::Add | BinOp::Sub, ..) | NodeKind::Neg(_)
            );
            bracketed(body, sum, &mut out);
            out.push_str(&format!(" \\,d{}", latex_name(var)));
        }
        Statement::At { inner, point } => {
            out.push_str(&reading_latex(inner)?);
            out.push_str(" \\quad \\text{at } ");
            match point {
                Point::Named(bindings) => {
                    for (i, (var, value)) in bindings.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        out.push_str(&format!("{} = ", latex_name(var)));
                        write(value, &mut out);
                    }
                }
                Point::Tuple(values) => {
                    out.push_str("\\left(");
                    for (i, value) in values.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        write(value, &mut out);
                    }
                    out.push_str("\\right)");
                }
            }
        }
        Statement::Multivar(query) => out.push_str(&multivar_latex(query)),
        Statement::Seeing(query) => out.push_str(&seeing_latex(query)),
        Statement::Tensor(statement) => {
            out.push_str(&super::reading_tensor::reading_latex(statement))
        }
        Statement::Read(_)
        | Statement::Training(_)
        | Statement::NamedDerivative { .. }
        | Statement::Define { .. }
        | Statement::Command(_) => return None,
    }
    Some(out)
}

/// One expression as read, in LaTeX.
pub fn node_latex(node: &Node) -> String {
    let mut out = String::new();
    write(node, &mut out);
    out
}

/// An expression after an operator such as `\frac{d}{dx}`: bracketed when it is a sum.
pub fn operand_latex(body: &Node) -> String {
    let mut out = String::new();
    if matches!(unwrapped(body).kind, NodeKind::Binary(BinOp::Div, ..)) {
        write(unwrapped(body), &mut out);
    } else {
        bracketed(body, needs_brackets_as_body(body), &mut out);
    }
    out
}

fn bracketed(node: &Node, bracket: bool, out: &mut String) {
    if bracket && !matches!(node.kind, NodeKind::Paren(_)) {
        out.push_str("\\left(");
        write(node, out);
        out.push_str("\\right)");
    } else {
        write(node, out);
    }
}

/// A fraction's top or bottom: the brackets of `(x+1)/2` are the bar's job in `\frac`.
fn unwrapped(node: &Node) -> &Node {
    match &node.kind {
        NodeKind::Paren(inner) => inner,
        _ => node,
    }
}

fn starts_with_digit(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Number(_) => true,
        NodeKind::Binary(BinOp::Pow | BinOp::Mul | BinOp::Implicit, lhs, _) => {
            starts_with_digit(lhs)
        }
        _ => false,
    }
}

fn write(node: &Node, out: &mut String) {
    match &node.kind {
        NodeKind::Number(n) => out.push_str(&show_number(n)),
        NodeKind::Constant(Constant::Pi) => out.push_str("\\pi"),
        NodeKind::Constant(Constant::E) => out.push('e'),
        NodeKind::Var(v) => out.push_str(&latex_name(v)),
        NodeKind::Paren(inner) => {
            out.push_str("\\left(");
            write(inner, out);
            out.push_str("\\right)");
        }
        NodeKind::Neg(inner) => {
            out.push('-');
            bracketed(inner, !is_atom(inner), out);
        }
        NodeKind::Binary(BinOp::Pow, base, exp) => {
            bracketed(base, !is_atom(base), out);
            out.push_str("^{");
            write(unwrapped(exp), out);
            out.push('}');
        }
        NodeKind::Binary(BinOp::Div, lhs, rhs) => {
            out.push_str("\\frac{");
            write(unwrapped(lhs), out);
            out.push_str("}{");
            write(unwrapped(rhs), out);
            out.push('}');
        }
        NodeKind::Binary(op, lhs, rhs) => {
            let (symbol, mine) = match op {
                BinOp::Add => (" + ", 1),
                BinOp::Sub => (" - ", 1),
                BinOp::Implicit if !starts_with_digit(rhs) => (" ", 2),
                _ => (" \\cdot ", 2),
            };
            let left = level(lhs) < mine;
            let right = level(rhs) <= mine && !is_atom(rhs) || matches!(rhs.kind, NodeKind::Neg(_));
            bracketed(lhs, left, out);
            out.push_str(symbol);
            bracketed(rhs, right, out);
        }
        NodeKind::Apply { name, primes, args } => {
            out.push_str(&latex_name(name));
            out.push_str(&"'".repeat(*primes as usize));
            out.push_str("\\left(");
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(a, out);
            }
            out.push_str("\\right)");
        }
        NodeKind::Call { callee, arg, power } => {
            let name = match callee {
                Callee::Named(Func::Abs) => {
                    out.push_str("\\left|");
                    write(arg, out);
                    out.push_str("\\right|");
                    return;
                }
                Callee::Sqrt => {
                    out.push_str("\\sqrt{");
                    write(unwrapped(arg), out);
                    out.push('}');
                    return;
                }
                Callee::Named(f) => f.latex(),
                Callee::Exp => "\\exp".to_string(),
                Callee::NaturalLog => "\\ln".to_string(),
                Callee::LogBase(base) => {
                    let mut b = String::new();
                    write(base, &mut b);
                    format!("\\log_{{{b}}}")
                }
            };
            out.push_str(&name);
            if let Some(p) = power {
                out.push_str("^{");
                write(unwrapped(p), out);
                out.push('}');
            }
            out.push_str("\\left(");
            write(unwrapped(arg), out);
            out.push_str("\\right)");
        }
    }
}
