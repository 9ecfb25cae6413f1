//! How a many-variable question was read, printed back in a form nudge reads again.

use super::ast::{Node, NodeKind};
use super::multivar_ast::MultivarQuery;
use super::reading::{needs_brackets_as_body, reading, show_var, write_operand};
use crate::expr::superscript;

pub(super) fn reading_of_query(query: &MultivarQuery, unicode: bool) -> String {
    let names = |vars: &[String]| {
        vars.iter()
            .map(|v| show_var(v, unicode))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let list = |nodes: &[Node]| {
        nodes
            .iter()
            .map(|n| reading(n, unicode))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let at = |point: &Option<Vec<Node>>| match point {
        Some(p) => format!(" at ({})", list(p)),
        None => String::new(),
    };
    // Inside call brackets, the learner's own brackets around the whole body are not needed.
    let unbracketed = |body: &Node| match &body.kind {
        NodeKind::Paren(inner) => reading(inner, unicode),
        _ => reading(body, unicode),
    };
    let call = |word: &str, body: &Node, vars: &Option<Vec<String>>| {
        let inside = unbracketed(body);
        match vars {
            Some(v) => format!("{word}({inside}, [{}])", names(v)),
            None => format!("{word}({inside})"),
        }
    };
    match query {
        MultivarQuery::MixedPartial { body, vars } => {
            if !unicode {
                return format!("partial({}, {})", unbracketed(body), names(vars));
            }
            let mut text = String::new();
            write_operand(body, true, &mut text, needs_brackets_as_body(body));
            for (i, v) in vars.iter().enumerate() {
                let shown = show_var(v, true);
                text = if i == 0 {
                    format!("∂/∂{shown} {text}")
                } else {
                    format!("∂/∂{shown} ({text})")
                };
            }
            text
        }
        MultivarQuery::Gradient { body, vars, at: p } => {
            let word = if unicode { "∇" } else { "grad" };
            format!("{}{}", call(word, body, vars), at(p))
        }
        MultivarQuery::Directional {
            body,
            vars,
            at: p,
            along,
        } => format!(
            "{}{} along ({})",
            call("ddir", body, vars),
            at(&Some(p.clone())),
            list(along)
        ),
        MultivarQuery::Jacobian {
            outputs,
            vars,
            at: p,
        } => {
            let vars = vars
                .as_ref()
                .map(|v| format!(", [{}]", names(v)))
                .unwrap_or_default();
            // One output, such as a defined vector F, needs no list brackets: jacobian(F).
            match outputs.as_slice() {
                [one] => format!("jacobian({}{vars}){}", unbracketed(one), at(p)),
                _ => format!("jacobian([{}]{vars}){}", list(outputs), at(p)),
            }
        }
        MultivarQuery::Hessian { body, vars, at: p } => {
            format!("{}{}", call("hessian", body, vars), at(p))
        }
        MultivarQuery::Literal { rows, matrix } => {
            let rows: Vec<String> = rows.iter().map(|r| list(r)).collect();
            if *matrix {
                format!("[[{}]]", rows.join("], ["))
            } else {
                format!("({})", rows.join(", "))
            }
        }
        MultivarQuery::VectorDerivative {
            components,
            var,
            order,
            speed,
        } => {
            let t = show_var(var, unicode);
            let op = match (*order, unicode) {
                (1, _) => format!("d/d{t}"),
                (n, true) => {
                    let p = superscript(i64::from(n));
                    format!("d{p}/d{t}{p}")
                }
                (n, false) => format!("d^{n}/d{t}^{n}"),
            };
            let inner = format!("{op} ({})", list(components));
            if *speed {
                format!("|{inner}|")
            } else {
                inner
            }
        }
    }
}
