//! The syntax of backpropagation and descent: `backprop L at w = 0.5, …`,
//! `descend (w - 3)^2 from w = 0 rate 0.1 steps 20`.

use super::ast::{Node, Point, Span, Statement};
use super::parse::{ascii_name, internal, Builder, Rule};
use super::reading::{reading, show_var};
use crate::error::Error;
use pest::iterators::Pair;

/// A question that follows a loss through its named steps, or walks downhill.
#[derive(Clone, Debug)]
pub enum TrainingQuery {
    /// `backprop L`, `backprop L at w = 0.5, b = 0.1`: forward and backward through the graph.
    Backprop {
        name: String,
        name_span: Span,
        point: Option<Point>,
    },
    /// `descend f from (3, 4) rate 0.1 steps 20`: gradient descent, one run per rate.
    Descend {
        body: Node,
        start: Point,
        rates: Vec<Node>,
        steps: Option<(String, Span)>,
    },
}

impl TrainingQuery {
    /// Every expression in the question, with the variables it binds there.
    pub fn parts(&self) -> Vec<(&Node, Vec<&str>)> {
        fn values(point: &Point) -> Vec<(&Node, Vec<&str>)> {
            match point {
                Point::Named(bindings) => bindings.iter().map(|(_, n)| (n, Vec::new())).collect(),
                Point::Tuple(nodes) => nodes.iter().map(|n| (n, Vec::new())).collect(),
            }
        }
        match self {
            TrainingQuery::Backprop { point, .. } => point.as_ref().map(values).unwrap_or_default(),
            TrainingQuery::Descend {
                body, start, rates, ..
            } => {
                let bound = match start {
                    Point::Named(bindings) => bindings.iter().map(|(v, _)| v.as_str()).collect(),
                    Point::Tuple(_) => Vec::new(),
                };
                let mut parts = vec![(body, bound)];
                parts.extend(values(start));
                parts.extend(rates.iter().map(|r| (r, Vec::new())));
                parts
            }
        }
    }
}

impl Builder<'_> {
    pub(super) fn training(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        if pair.as_rule() == Rule::descend_query {
            return self.descend(pair);
        }
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

    fn descend(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let mut body = None;
        let mut start = None;
        let mut rates = Vec::new();
        let mut steps = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::expr if body.is_none() => body = Some(self.expr(part)?),
                Rule::expr => rates.push(self.expr(part)?),
                Rule::descend_start => start = Some(self.at_clause(part)?),
                Rule::integer => steps = Some((part.as_str().to_string(), self.span(&part))),
                _ => {}
            }
        }
        Ok(Statement::Training(Box::new(TrainingQuery::Descend {
            body: body.ok_or_else(|| internal("descend body"))?,
            start: start.ok_or_else(|| internal("descend start"))?,
            rates,
            steps,
        })))
    }
}

/// `backprop L at w = 1/2, b = 0.1`, `descend (w - 3)² from w = 0 rate 0.1`, as read.
pub fn reading_of_training(query: &TrainingQuery, unicode: bool) -> String {
    match query {
        TrainingQuery::Backprop { name, point, .. } => {
            let name = show_var(name, unicode);
            match point {
                None => format!("backprop {name}"),
                Some(point) => format!("backprop {name} at {}", point_reading(point, unicode)),
            }
        }
        TrainingQuery::Descend {
            body,
            start,
            rates,
            steps,
        } => {
            let rates: Vec<String> = rates.iter().map(|r| reading(r, unicode)).collect();
            let mut shown = format!(
                "descend {} from {} rate {}",
                reading(body, unicode),
                point_reading(start, unicode),
                rates.join(", ")
            );
            if let Some((n, _)) = steps {
                shown.push_str(&format!(" steps {n}"));
            }
            shown
        }
    }
}

fn point_reading(point: &Point, unicode: bool) -> String {
    match point {
        Point::Named(bindings) => bindings
            .iter()
            .map(|(v, n)| format!("{} = {}", show_var(v, unicode), reading(n, unicode)))
            .collect::<Vec<_>>()
            .join(", "),
        Point::Tuple(nodes) => {
            let shown: Vec<String> = nodes.iter().map(|n| reading(n, unicode)).collect();
            format!("({})", shown.join(", "))
        }
    }
}
