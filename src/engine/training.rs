//! The session's side of backpropagation and descent: which loss, which point, which rates,
//! and the errors in words.

use super::backprop::{backprop, BackpropAnswer};
use super::descent::{descend, partials, DescentAnswer, Slopes, DEFAULT_STEPS, MAX_STEPS};
use super::{not_defined, Answer, Session, Training};
use crate::error::{Error, ErrorKind, Phase};
use crate::expr::{Expr, Symbol};
use crate::syntax::{lower_in, Node, NodeKind, Point, Span, TrainingQuery};

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
            TrainingQuery::Descend {
                body,
                start,
                rates,
                steps,
            } => {
                let answer = self.descend(body, start, rates, steps.as_ref())?;
                Ok(Answer::Training(Box::new(Training::Descent(answer))))
            }
        }
    }
    /// `descend f from … rate …`: the variables and start, the rates, the gradient's source.
    fn descend(
        &self,
        body: &Node,
        start: &Point,
        rates: &[Node],
        steps: Option<&(String, Span)>,
    ) -> Result<DescentAnswer, Error> {
        let steps = match steps {
            None => DEFAULT_STEPS,
            Some((text, span)) => match text.parse::<usize>() {
                Ok(n) if (1..=MAX_STEPS).contains(&n) => n,
                _ => {
                    return Err(Error::new(
                        Phase::Reading,
                        format!("a descent takes 1 to {MAX_STEPS} steps"),
                    )
                    .with_kind(ErrorKind::BadPoint)
                    .at(*span))
                }
            },
        };
        let mut rate_values = Vec::new();
        for node in rates {
            let rate = self.number(node)?;
            if crate::expr::eval(&rate, &|_| None).is_ok_and(|r| r <= 0.0) {
                return Err(Error::new(
                    Phase::Reading,
                    "a rate is the size of each step downhill, so it must be more than 0",
                )
                .with_kind(ErrorKind::BadPoint)
                .at(node.span)
                .with_help("try rate 0.1"));
            }
            rate_values.push(rate);
        }
        let named: Vec<&str> = match start {
            Point::Named(bindings) => bindings.iter().map(|(v, _)| v.as_str()).collect(),
            Point::Tuple(_) => Vec::new(),
        };
        let graph_loss = match &body.kind {
            NodeKind::Var(name) if self.graph.node(name).is_some() => {
                Some(Symbol::from(name.as_str()))
            }
            _ => None,
        };
        let formula = lower_in(body, self, &named)?;
        let (vars, values) = match start {
            Point::Named(bindings) => {
                let mut vars: Vec<Symbol> = Vec::new();
                let mut values = Vec::new();
                for (v, node) in bindings {
                    if vars.iter().any(|s| &**s == v) {
                        return Err(Error::new(
                            Phase::Reading,
                            format!("{v} is given a value twice"),
                        )
                        .with_kind(ErrorKind::BadPoint)
                        .at(node.span));
                    }
                    vars.push(Symbol::from(v.as_str()));
                    values.push(self.number(node)?);
                }
                (vars, values)
            }
            Point::Tuple(nodes) => {
                let vars = formula.free_vars();
                if vars.len() != nodes.len() {
                    return Err(Error::new(
                        Phase::Reading,
                        format!(
                            "this has {} variable{}, but the start gives {} value{}",
                            vars.len(),
                            if vars.len() == 1 { "" } else { "s" },
                            nodes.len(),
                            if nodes.len() == 1 { "" } else { "s" }
                        ),
                    )
                    .with_kind(ErrorKind::BadPoint)
                    .at(start.span().unwrap_or(body.span))
                    .with_help("give one value per variable, in the order x, y, z, or name them: from w = 0, b = 0"));
                }
                let values = nodes
                    .iter()
                    .map(|n| self.number(n))
                    .collect::<Result<_, _>>()?;
                (vars, values)
            }
        };
        if let Some(step) = vars.iter().find(|v| self.graph.node(v).is_some()) {
            return Err(Error::new(
                Phase::Reading,
                format!("{step} is defined with =, so it is worked out, not walked"),
            )
            .with_kind(ErrorKind::BadPoint)
            .at(start.span().unwrap_or(body.span))
            .with_help(format!("undef {step} to walk it as a plain letter")));
        }
        if graph_loss.is_none() {
            if let Some(first) = formula.free_vars().into_iter().find(|v| !vars.contains(v)) {
                return Err(Error::new(
                    Phase::Reading,
                    format!("this still has {first} in it, and the start gives {first} no value"),
                )
                .with_kind(ErrorKind::BadPoint)
                .at(start.span().unwrap_or(body.span))
                .with_help(format!("start it too, as in from x = 1, {first} = 2")));
            }
        }
        let slopes = match &graph_loss {
            Some(loss) => Slopes::Graph {
                graph: &self.graph,
                loss: loss.clone(),
            },
            None => Slopes::Formula(partials(&formula, &vars)),
        };
        descend(
            &formula,
            &vars,
            &values,
            &rate_values,
            steps,
            &slopes,
            self.plot_size,
        )
        .map_err(|e| match e.span {
            Some(_) => e,
            None => e.at(body.span),
        })
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
