//! The syntax of backpropagation and descent: `backprop L at w = 0.5, …`.

use super::ast::{Point, Span, Statement};
use super::parse::{ascii_name, internal, Builder, Rule};
use super::reading::reading;
use crate::error::Error;
use pest::iterators::Pair;

/// A question that follows a loss through its named steps.
#[derive(Clone, Debug)]
pub enum TrainingQuery {
    /// `backprop L`, `backprop L at w = 0.5, b = 0.1`: forward and backward through the graph.
    Backprop {
        name: String,
        name_span: Span,
        point: Option<Point>,
    },
}

impl TrainingQuery {
    /// The values given at the point, with no variables bound there.
    pub fn parts(&self) -> Vec<&super::ast::Node> {
        match self {
            TrainingQuery::Backprop { point, .. } => match point {
                Some(Point::Named(bindings)) => bindings.iter().map(|(_, n)| n).collect(),
                Some(Point::Tuple(nodes)) => nodes.iter().collect(),
                None => Vec::new(),
            },
        }
    }
}

impl Builder<'_> {
    pub(super) fn training(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let mut name = None;
        let mut point = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::backprop_target => name = Some((ascii_name(part.as_str()), self.span(&part))),
                Rule::at_clause => point = Some(self.at_clause(part)?),
                _ => {}
            }
        }
        let (name, name_span) = name.ok_or_else(|| internal("backprop target"))?;
        Ok(Statement::Training(Box::new(TrainingQuery::Backprop {
            name,
            name_span,
            point,
        })))
    }
}

/// `backprop L at w = 1/2, b = 0.1`, as read.
pub fn reading_of_training(query: &TrainingQuery, unicode: bool) -> String {
    match query {
        TrainingQuery::Backprop { name, point, .. } => {
            let name = super::reading::show_var(name, unicode);
            match point {
                None => format!("backprop {name}"),
                Some(point) => format!("backprop {name} at {}", point_reading(point, unicode)),
            }
        }
    }
}

fn point_reading(point: &Point, unicode: bool) -> String {
    match point {
        Point::Named(bindings) => bindings
            .iter()
            .map(|(v, n)| {
                format!(
                    "{} = {}",
                    super::reading::show_var(v, unicode),
                    reading(n, unicode)
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
        Point::Tuple(nodes) => {
            let shown: Vec<String> = nodes.iter().map(|n| reading(n, unicode)).collect();
            format!("({})", shown.join(", "))
        }
    }
}
