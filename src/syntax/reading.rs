//! How the input was read: the syntax tree printed back, bracketed wherever grouping matters.

use super::ast::{BinOp, Callee, Command, Node, NodeKind, Point, Statement};
use crate::expr::{superscript, unicode_name, Constant, Number};

/// The tree printed with brackets around every group a learner might misread.
pub fn reading(node: &Node, unicode: bool) -> String {
    let mut out = String::new();
    write(node, unicode, &mut out);
    out
}

/// A whole statement as read: `d/dx (x² + 1)`, or `diff(x^2 + 1, x)` in ASCII.
pub fn reading_of_statement(statement: &Statement, unicode: bool) -> String {
    match statement {
        Statement::Expr(node) => reading(node, unicode),
        Statement::Read(notation) => notation.text.clone(),
        Statement::Check { question, answer } => format!(
            "check {} = {}",
            reading_of_statement(question, unicode),
            reading(answer, unicode)
        ),
        Statement::Tensor(statement) => super::reading_tensor::reading(statement, unicode),
        Statement::Seeing(query) => super::reading_seeing::reading_of_seeing(query, unicode),
        Statement::Training(query) => super::training::reading_of_training(query, unicode),
        Statement::Multivar(query) => super::reading_multivar::reading_of_query(query, unicode),
        Statement::Derivative {
            body,
            var,
            order,
            partial,
        } => {
            let shown_var = show_var(var, unicode);
            if !unicode {
                let body = reading(body, false);
                return match (partial, order) {
                    (true, 1) => format!("partial({body}, {shown_var})"),
                    (_, 1) => format!("diff({body}, {shown_var})"),
                    _ => format!("diff({body}, {shown_var}, {order})"),
                };
            }
            let d = if *partial { "∂" } else { "d" };
            let power = if *order > 1 {
                superscript(i64::from(*order))
            } else {
                String::new()
            };
            let mut body_text = String::new();
            write_operand(body, true, &mut body_text, needs_brackets_as_body(body));
            format!("{d}{power}/{d}{shown_var}{power} {body_text}")
        }
        Statement::NamedDerivative {
            name,
            var,
            order,
            partial,
            ..
        } => {
            let name = show_var(name, unicode);
            let Some(var) = var else {
                let primes = match (unicode, order) {
                    (true, 2) => "″".to_string(),
                    (true, n) => "′".repeat(*n as usize),
                    (false, n) => "'".repeat(*n as usize),
                };
                return format!("{name}{primes}");
            };
            let var = show_var(var, unicode);
            match (unicode, partial, order) {
                (false, true, 1) => format!("partial({name}, {var})"),
                (false, _, 1) => format!("diff({name}, {var})"),
                (false, _, n) => format!("diff({name}, {var}, {n})"),
                (true, _, n) => {
                    let d = if *partial { "∂" } else { "d" };
                    let p = if *n > 1 {
                        superscript(i64::from(*n))
                    } else {
                        String::new()
                    };
                    format!("{d}{p}{name}/{d}{var}{p}")
                }
            }
        }
        Statement::Define {
            name, params, body, ..
        } => {
            let name = show_var(name, unicode);
            let body = body.text(|n| reading(n, unicode));
            if params.is_empty() {
                format!("{name} = {body}")
            } else {
                let params: Vec<String> = params.iter().map(|p| show_var(p, unicode)).collect();
                format!("{name}({}) = {body}", params.join(", "))
            }
        }
        Statement::At { inner, point } => {
            let inner = reading_of_statement(inner, unicode);
            match point {
                Point::Named(bindings) => {
                    let shown: Vec<String> = bindings
                        .iter()
                        .map(|(v, n)| format!("{} = {}", show_var(v, unicode), reading(n, unicode)))
                        .collect();
                    format!("{inner} at {}", shown.join(", "))
                }
                Point::Tuple(values) => {
                    let shown: Vec<String> = values.iter().map(|n| reading(n, unicode)).collect();
                    format!("{inner} at ({})", shown.join(", "))
                }
            }
        }
        Statement::Command(command) => match command {
            Command::Help(None) => "help".to_string(),
            Command::Help(Some((topic, _))) => format!("help {topic}"),
            Command::Rules => "rules".to_string(),
            Command::Glossary => "glossary".to_string(),
            Command::Defs => "defs".to_string(),
            Command::Undef(name, _) => format!("undef {name}"),
            Command::Reset => "reset".to_string(),
            Command::Quit => "quit".to_string(),
            Command::Lessons => "lessons".to_string(),
            Command::Lesson(None) => "lesson".to_string(),
            Command::Lesson(Some((rest, _))) => format!("lesson {rest}"),
            Command::Practice(None) => "practice".to_string(),
            Command::Practice(Some((topic, _))) => format!("practice {topic}"),
        },
        Statement::Integral { body, var, bounds } => {
            let shown_var = show_var(var, unicode);
            if !unicode {
                let body = reading(body, false);
                return match bounds {
                    Some((a, b)) => format!(
                        "integrate({body}, {shown_var}, {}, {})",
                        reading(a, false),
                        reading(b, false)
                    ),
                    None => format!("integrate({body}, {shown_var})"),
                };
            }
            let limits = match bounds {
                Some((a, b)) => format!("_{}^{}", bound(a), bound(b)),
                None => String::new(),
            };
            let mut body_text = String::new();
            let sum = matches!(body.kind, NodeKind::Binary(BinOp::Add | BinOp::Sub, ..));
            write_operand(body, true, &mut body_text, sum);
            format!("∫{limits} {body_text} d{shown_var}")
        }
    }
}

/// A bound of an integral, bracketed unless it is a single number or name.
fn bound(node: &Node) -> String {
    let mut out = String::new();
    let simple = match &node.kind {
        NodeKind::Neg(inner) => matches!(inner.kind, NodeKind::Number(_)),
        _ => is_atom(node),
    };
    write_operand(node, true, &mut out, !simple);
    out
}

pub(super) fn needs_brackets_as_body(node: &Node) -> bool {
    matches!(
        node.kind,
        NodeKind::Binary(
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Implicit | BinOp::Div,
            ..
        ) | NodeKind::Neg(_)
    )
}

pub(super) fn show_var(name: &str, unicode: bool) -> String {
    if unicode {
        unicode_name(name)
    } else {
        name.to_string()
    }
}

pub(super) fn show_number(n: &Number) -> String {
    // A number that is not whole was typed as a decimal (9.8), and is shown as typed, not 49/5.
    n.terminating_decimal().unwrap_or_else(|| n.to_string())
}

pub(super) fn is_atom(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Number(n) => n.is_integer() || show_number(n).contains('.'),
        NodeKind::Constant(_)
        | NodeKind::Var(_)
        | NodeKind::Paren(_)
        | NodeKind::Call { .. }
        | NodeKind::Apply { .. } => true,
        _ => false,
    }
}

pub(super) fn write_operand(node: &Node, unicode: bool, out: &mut String, bracket: bool) {
    if bracket && !matches!(node.kind, NodeKind::Paren(_)) {
        out.push('(');
        write(node, unicode, out);
        out.push(')');
    } else {
        write(node, unicode, out);
    }
}

pub(super) fn level(node: &Node) -> u8 {
    match &node.kind {
        NodeKind::Binary(BinOp::Add | BinOp::Sub, ..) => 1,
        NodeKind::Binary(BinOp::Mul | BinOp::Implicit | BinOp::Div, ..) | NodeKind::Neg(_) => 2,
        NodeKind::Binary(BinOp::Pow, ..) => 3,
        _ => 4,
    }
}

/// The marks of `f′`, `f″`, `f′′′`: the one way primes are written back, in readings and answers.
pub fn prime_marks(primes: u32, unicode: bool) -> String {
    match (unicode, primes) {
        (true, 2) => "″".to_string(),
        (true, n) => "′".repeat(n as usize),
        (false, n) => "'".repeat(n as usize),
    }
}

fn write(node: &Node, unicode: bool, out: &mut String) {
    match &node.kind {
        NodeKind::Number(n) => out.push_str(&show_number(n)),
        NodeKind::Constant(Constant::Pi) => out.push_str(if unicode { "π" } else { "pi" }),
        NodeKind::Constant(Constant::E) => out.push('e'),
        NodeKind::Var(v) => out.push_str(&show_var(v, unicode)),
        NodeKind::Apply { name, primes, args } => {
            out.push_str(&show_var(name, unicode));
            out.push_str(&prime_marks(*primes, unicode));
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(a, unicode, out);
            }
            out.push(')');
        }
        NodeKind::Paren(inner) => {
            out.push('(');
            write(inner, unicode, out);
            out.push(')');
        }
        NodeKind::Neg(inner) => {
            out.push('-');
            // -(a/b) is (-a)/b and -(a·b) is (-a)·b: brackets there would only add noise,
            // as in exp(-((x²)/2)).
            let mut plain = String::new();
            write(inner, unicode, &mut plain);
            let product = matches!(
                inner.kind,
                NodeKind::Binary(BinOp::Mul | BinOp::Implicit | BinOp::Div, ..)
            );
            if is_atom(inner) || product && !plain.starts_with('-') {
                out.push_str(&plain);
            } else {
                out.push('(');
                out.push_str(&plain);
                out.push(')');
            }
        }
        NodeKind::Binary(BinOp::Pow, base, exp) => {
            write_operand(base, unicode, out, !is_atom(base));
            match small_integer(exp).filter(|_| unicode) {
                Some(n) => out.push_str(&superscript(n)),
                None => {
                    out.push('^');
                    write_operand(exp, unicode, out, !is_atom(exp));
                }
            }
        }
        NodeKind::Binary(op, lhs, rhs) => {
            let (symbol, mine) = match op {
                BinOp::Add => (" + ", 1),
                BinOp::Sub => (" - ", 1),
                BinOp::Div => ("/", 2),
                _ => (if unicode { "·" } else { "*" }, 2),
            };
            let left_bracket = level(lhs) < mine || (*op == BinOp::Div && !is_atom(lhs));
            let right_bracket = level(rhs) <= mine && !is_atom(rhs)
                || matches!(rhs.kind, NodeKind::Neg(_))
                || (*op == BinOp::Div && !is_atom(rhs));
            write_operand(lhs, unicode, out, left_bracket);
            out.push_str(symbol);
            write_operand(rhs, unicode, out, right_bracket);
        }
        NodeKind::Call { callee, arg, power } => {
            let name = match callee {
                Callee::Named(crate::expr::Func::Abs) => {
                    out.push('|');
                    write(arg, unicode, out);
                    out.push('|');
                    return;
                }
                Callee::Named(f) => f.printed(unicode).to_string(),
                Callee::Exp => "exp".to_string(),
                Callee::Sqrt => {
                    out.push_str(if unicode { "√" } else { "sqrt" });
                    // √ takes a number, a name or a bracket as typed: √(sin²(x)), not √sin²(x).
                    let bare = matches!(
                        arg.kind,
                        NodeKind::Var(_) | NodeKind::Constant(_) | NodeKind::Paren(_)
                    ) || matches!(&arg.kind, NodeKind::Number(n) if n.is_integer());
                    write_operand(arg, unicode, out, !unicode || !bare);
                    return;
                }
                Callee::NaturalLog => "ln".to_string(),
                Callee::LogBase(base) => format!("log_{}", reading(base, unicode)),
            };
            out.push_str(&name);
            if let Some(p) = power {
                match small_integer(p).filter(|_| unicode) {
                    Some(n) => out.push_str(&superscript(n)),
                    None => {
                        out.push('^');
                        write_operand(p, unicode, out, !is_atom(p));
                    }
                }
            }
            out.push('(');
            write(arg, unicode, out);
            out.push(')');
        }
    }
}

/// The value of a literal whole number, also under a minus sign.
fn small_integer(node: &Node) -> Option<i64> {
    match &node.kind {
        NodeKind::Number(n) => n.to_i64(),
        NodeKind::Neg(inner) => small_integer(inner).map(|n| -n),
        _ => None,
    }
}
