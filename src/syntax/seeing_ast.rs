//! The syntax of the "seeing" questions: the shrinking nudge, tangents, limits, plots, contours.

use super::ast::Node;

/// A question whose answer is a table or a picture.
#[derive(Clone, Debug)]
pub enum SeeingQuery {
    /// `nudge EXPR at x = a`: difference quotients as the nudge h shrinks.
    Nudge { body: Node, var: String, at: Node },
    /// `tangent EXPR at x = a`: the line touching the curve at a.
    Tangent { body: Node, var: String, at: Node },
    /// `limit EXPR as n -> inf`, `limit EXPR as x -> a`.
    Limit {
        body: Node,
        var: String,
        target: LimitTarget,
    },
    /// `plot f, g from a to b`.
    Plot {
        items: Vec<PlotItem>,
        range: Option<(Node, Node)>,
    },
    /// `contour EXPR around (x0, y0) at (x1, y1)`.
    Contour {
        body: Node,
        around: Option<Box<(Node, Node)>>,
        at: Option<Box<(Node, Node)>>,
    },
}

impl SeeingQuery {
    /// Every expression in the question, with the variables it binds there
    /// (so a session's value for x does not replace the x being nudged).
    pub fn parts(&self) -> Vec<(&Node, Vec<&str>)> {
        match self {
            SeeingQuery::Nudge { body, var, at } | SeeingQuery::Tangent { body, var, at } => {
                vec![(body, vec![var.as_str()]), (at, Vec::new())]
            }
            SeeingQuery::Limit { body, var, target } => {
                let mut parts = vec![(body, vec![var.as_str()])];
                if let LimitTarget::Point { at, .. } = target {
                    parts.push((at, Vec::new()));
                }
                parts
            }
            SeeingQuery::Plot { items, range } => {
                let mut parts: Vec<(&Node, Vec<&str>)> = items
                    .iter()
                    .map(|item| match item {
                        // x is the plot's axis even when the session gave x a value.
                        PlotItem::Expr(node) => (node, vec!["x"]),
                        PlotItem::Derivative { body, var, .. } => (body, vec![var.as_str()]),
                    })
                    .collect();
                if let Some((a, b)) = range {
                    parts.extend([(a, Vec::new()), (b, Vec::new())]);
                }
                parts
            }
            SeeingQuery::Contour { body, around, at } => {
                let mut parts = vec![(body, vec!["x", "y"])];
                for (a, b) in around.iter().chain(at).map(|p| p.as_ref()) {
                    parts.extend([(a, Vec::new()), (b, Vec::new())]);
                }
                parts
            }
        }
    }
}

/// Where a limit's variable is heading.
#[derive(Clone, Debug)]
pub enum LimitTarget {
    /// `inf`, `∞`, `+inf`, `-inf`.
    Infinity { negative: bool },
    /// A number, from both sides unless a side is named (`0+`, `0-`).
    Point { at: Node, side: Option<Side> },
}

/// Which side a one-sided limit approaches from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// From below: `0-`.
    Below,
    /// From above: `0+`.
    Above,
}

/// One curve of a plot: an expression, or the derivative of one.
#[derive(Clone, Debug)]
pub enum PlotItem {
    Expr(Node),
    Derivative { body: Node, var: String, order: u32 },
}
