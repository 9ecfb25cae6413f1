//! The session's side of backpropagation: which loss, which point, and the errors in words.

use super::backprop::{backprop, BackpropAnswer};
use super::{not_defined, Answer, Session, Training};
use crate::error::{Error, ErrorKind, Phase};
use crate::expr::{Expr, Symbol};
use crate::syntax::{Point, Span, TrainingQuery};

impl Session {
    pub(super) fn training(&self, query: &TrainingQuery) -> Result<Answer, Error> {
        match query {
            TrainingQuery::Backprop {
                name,
                name_span,
                point,
            } => {
                let answer = self.backprop(name, *name_span, point.as_ref())?;
                Ok(Answer::Training(Box::new(Training::Backprop(answer))))
            }
        }
    }

    fn backprop(
        &self,
        name: &str,
        span: Span,
        point: Option<&Point>,
    ) -> Result<BackpropAnswer, Error> {
        if self.graph.node(name).is_none() {
            return Err(match self.lookup(name) {
                None => not_defined(name, span),
                Some(_) => Error::new(
                    Phase::Reading,
                    format!("{name} has inputs; backprop follows a name defined with = alone"),
                )
                .with_kind(ErrorKind::Meaning)
                .at(span)
                .with_help(format!("define the loss as a name, as in L = {name}(w)")),
            });
        }
        let values = match point {
            None => Vec::new(),
            Some(point) => self.named_values(point)?,
        };
        backprop(&self.graph, name, &values).map_err(|e| match e.span {
            Some(_) => e,
            None => e.at(span),
        })
    }

    /// `w = 0.5, b = 0.1`: each letter once, each a number, none of them a named step.
    fn named_values(&self, point: &Point) -> Result<Vec<(Symbol, Expr)>, Error> {
        let Point::Named(bindings) = point else {
            return Err(Error::new(
                Phase::Reading,
                "backprop needs each value named, since a graph's letters have no order",
            )
            .with_kind(ErrorKind::BadPoint)
            .at(point.span().unwrap_or(Span::new(0, 0)))
            .with_help("write backprop L at w = 0.5, b = 0.1"));
        };
        let mut values: Vec<(Symbol, Expr)> = Vec::new();
        for (var, node) in bindings {
            if values.iter().any(|(v, _)| &**v == var) {
                return Err(
                    Error::new(Phase::Reading, format!("{var} is given a value twice"))
                        .with_kind(ErrorKind::BadPoint)
                        .at(node.span),
                );
            }
            if self.graph.node(var).is_some() {
                return Err(Error::new(
                    Phase::Reading,
                    format!("{var} is a named step, worked out from its own formula"),
                )
                .with_kind(ErrorKind::BadPoint)
                .at(node.span)
                .with_help(format!("give values to what {var} is made from instead")));
            }
            values.push((Symbol::from(var.as_str()), self.number(node)?));
        }
        Ok(values)
    }
}
