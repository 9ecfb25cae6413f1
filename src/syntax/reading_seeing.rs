//! How a nudge, tangent, limit, plot or contour question was read, printed back.

use super::ast::{Node, Statement};
use super::reading::{reading, reading_of_statement};
use super::seeing_ast::{LimitTarget, PlotItem, SeeingQuery, Side};
use crate::expr::greek_letter;

pub(super) fn reading_of_seeing(query: &SeeingQuery, unicode: bool) -> String {
    let read = |n: &Node| reading(n, unicode);
    let var = |v: &str| match greek_letter(v).filter(|_| unicode) {
        Some(c) => c.to_string(),
        None => v.to_string(),
    };
    let pair = |(a, b): &(Node, Node)| format!("({}, {})", read(a), read(b));
    match query {
        SeeingQuery::Nudge { body, var: v, at } => {
            format!("nudge {} at {} = {}", read(body), var(v), read(at))
        }
        SeeingQuery::Tangent { body, var: v, at } => {
            format!("tangent {} at {} = {}", read(body), var(v), read(at))
        }
        SeeingQuery::Limit {
            body,
            var: v,
            target,
        } => {
            let arrow = if unicode { "→" } else { "->" };
            let target = match target {
                LimitTarget::Infinity { negative } => {
                    let sign = if *negative { "-" } else { "" };
                    format!("{sign}{}", if unicode { "∞" } else { "inf" })
                }
                LimitTarget::Point { at, side } => {
                    let mark = match side {
                        None => "",
                        Some(Side::Above) => "+",
                        Some(Side::Below) => "-",
                    };
                    format!("{}{mark}", read(at))
                }
            };
            format!("limit {} as {} {arrow} {target}", read(body), var(v))
        }
        SeeingQuery::Plot { items, range } => {
            let shown: Vec<String> = items
                .iter()
                .map(|item| match item {
                    PlotItem::Expr(node) => read(node),
                    PlotItem::Derivative { body, var, order } => reading_of_statement(
                        &Statement::Derivative {
                            body: body.clone(),
                            var: var.clone(),
                            order: *order,
                            partial: false,
                        },
                        unicode,
                    ),
                })
                .collect();
            let mut text = format!("plot {}", shown.join(", "));
            if let Some((a, b)) = range {
                text.push_str(&format!(" from {} to {}", read(a), read(b)));
            }
            text
        }
        SeeingQuery::Contour { body, around, at } => {
            let mut text = format!("contour {}", read(body));
            if let Some(p) = around {
                text.push_str(&format!(" around {}", pair(p.as_ref())));
            }
            if let Some(p) = at {
                text.push_str(&format!(" at {}", pair(p.as_ref())));
            }
            text
        }
    }
}
