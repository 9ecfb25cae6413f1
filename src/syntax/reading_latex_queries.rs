//! How many-variable and seeing questions were read, written as LaTeX.

use super::ast::Node;
use super::multivar_ast::MultivarQuery;
use super::reading_latex::{node_latex, operand_latex};
use super::seeing_ast::{LimitTarget, PlotItem, SeeingQuery, Side};
use crate::expr::{latex_name, latex_operator, latex_partials};

/// `\left(1, 2\right)`.
fn tuple(nodes: &[Node]) -> String {
    let shown: Vec<String> = nodes.iter().map(node_latex).collect();
    format!("\\left({}\\right)", shown.join(", "))
}

fn names(vars: &[String]) -> String {
    vars.iter()
        .map(|v| latex_name(v))
        .collect::<Vec<_>>()
        .join(", ")
}

fn at(point: &Option<Vec<Node>>) -> String {
    match point {
        Some(p) => format!(" \\quad \\text{{at }} {}", tuple(p)),
        None => String::new(),
    }
}

/// `∇(x²y)` is `\nabla\left(x^{2} y\right)`; with its variables listed, `\nabla_{x, y}`.
fn operator_on(op: &str, body: &Node, vars: &Option<Vec<String>>) -> String {
    let sub = match vars {
        Some(v) => format!("_{{{}}}", names(v)),
        None => String::new(),
    };
    format!("{op}{sub} {}", operand_latex(body))
}

pub(super) fn multivar_latex(query: &MultivarQuery) -> String {
    match query {
        MultivarQuery::MixedPartial { body, vars } => {
            let op = latex_partials(vars);
            format!("{op} {}", operand_latex(body))
        }
        MultivarQuery::Gradient { body, vars, at: p } => {
            format!("{}{}", operator_on("\\nabla", body, vars), at(p))
        }
        MultivarQuery::Directional {
            body,
            vars,
            at: p,
            along,
        } => format!(
            "{}{} \\quad \\text{{along }} {}",
            operator_on("D_{\\mathbf{u}}", body, vars),
            at(&Some(p.clone())),
            tuple(along)
        ),
        MultivarQuery::Jacobian {
            outputs,
            vars,
            at: p,
        } => {
            let jacobian = match vars {
                Some(v) => format!(
                    "\\frac{{\\partial {}}}{{\\partial \\left({}\\right)}}",
                    tuple(outputs),
                    names(v)
                ),
                None => format!("\\mathbf{{J}}{}", tuple(outputs)),
            };
            format!("{jacobian}{}", at(p))
        }
        MultivarQuery::Hessian { body, vars, at: p } => {
            format!("{}{}", operator_on("\\mathbf{H}", body, vars), at(p))
        }
        MultivarQuery::Literal { rows, matrix } => {
            if *matrix {
                let rows: Vec<String> = rows
                    .iter()
                    .map(|r| r.iter().map(node_latex).collect::<Vec<_>>().join(" & "))
                    .collect();
                format!(
                    "\\begin{{bmatrix}} {} \\end{{bmatrix}}",
                    rows.join(" \\\\ ")
                )
            } else {
                tuple(rows.first().map_or(&[][..], Vec::as_slice))
            }
        }
        MultivarQuery::VectorDerivative {
            components,
            var,
            order,
            speed,
        } => {
            let inner = format!(
                "{} {}",
                latex_operator(var, *order, false),
                tuple(components)
            );
            if *speed {
                format!("\\left|{inner}\\right|")
            } else {
                inner
            }
        }
    }
}

pub(super) fn seeing_latex(query: &SeeingQuery) -> String {
    let pair =
        |(a, b): &(Node, Node)| format!("\\left({}, {}\\right)", node_latex(a), node_latex(b));
    match query {
        SeeingQuery::Nudge { body, var, at } => format!(
            "\\text{{nudge }} {} \\text{{ at }} {} = {}",
            node_latex(body),
            latex_name(var),
            node_latex(at)
        ),
        SeeingQuery::Tangent { body, var, at } => format!(
            "\\text{{tangent to }} y = {} \\text{{ at }} {} = {}",
            node_latex(body),
            latex_name(var),
            node_latex(at)
        ),
        SeeingQuery::Limit { body, var, target } => {
            let target = match target {
                LimitTarget::Infinity { negative } => {
                    format!("{}\\infty", if *negative { "-" } else { "" })
                }
                LimitTarget::Point { at, side } => {
                    let mark = match side {
                        None => "",
                        Some(Side::Above) => "^{+}",
                        Some(Side::Below) => "^{-}",
                    };
                    format!("{}{mark}", node_latex(at))
                }
            };
            format!(
                "\\lim_{{{} \\to {target}}} {}",
                latex_name(var),
                operand_latex(body)
            )
        }
        SeeingQuery::Plot { items, range } => {
            let shown: Vec<String> = items
                .iter()
                .map(|item| match item {
                    PlotItem::Expr(node) => node_latex(node),
                    PlotItem::Derivative { body, var, order } => {
                        format!(
                            "{} {}",
                            latex_operator(var, *order, false),
                            operand_latex(body)
                        )
                    }
                })
                .collect();
            let mut text = format!("\\text{{plot }} {}", shown.join(", "));
            if let Some((a, b)) = range {
                text.push_str(&format!(
                    " \\text{{ from }} {} \\text{{ to }} {}",
                    node_latex(a),
                    node_latex(b)
                ));
            }
            text
        }
        SeeingQuery::Contour { body, around, at } => {
            let mut text = format!("\\text{{contour }} {}", node_latex(body));
            if let Some(p) = around {
                text.push_str(&format!(" \\text{{ around }} {}", pair(p.as_ref())));
            }
            if let Some(p) = at {
                text.push_str(&format!(" \\text{{ at }} {}", pair(p.as_ref())));
            }
            text
        }
    }
}
