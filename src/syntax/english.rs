//! Plain-English questions (`the derivative of x^2 at x = 3`, `integrate x^2`) and Lagrange's
//! primes on a bracket (`(x^2)'`): the same questions as `d/dx` and `∫ … dx`, asked of the
//! expression's only variable.

use super::ast::{Node, NodeKind, Span, Statement};
use super::parse::{internal, Builder, Rule};
use crate::error::{Error, Phase};
use crate::expr::unicode_name;
use pest::iterators::Pair;

impl Builder<'_> {
    /// `derivative of x^2`, `differentiate x^3`, `slope of x^2`, `integral of x^2`, `integrate x^2`.
    pub(super) fn english_question(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let question = match pair.as_rule() {
            Rule::english_question => pair
                .into_inner()
                .next()
                .ok_or_else(|| internal("question"))?,
            _ => pair,
        };
        let integral = question.as_rule() != Rule::english_derivative;
        let (mut body, mut named) = (None, None);
        for part in question.into_inner() {
            match part.as_rule() {
                Rule::expr => body = Some(self.expr(part)?),
                Rule::with_respect => {
                    let var = part
                        .into_inner()
                        .next()
                        .ok_or_else(|| internal("variable"))?;
                    named = Some(super::parse::ascii_name(var.as_str()));
                }
                _ => {}
            }
        }
        let body = body.ok_or_else(|| internal("question body"))?;
        let var = match named {
            Some(var) => var,
            None => self.only_variable(
                &body,
                if integral {
                    "∫ … dx"
                } else {
                    "with respect to x"
                },
            )?,
        };
        Ok(if integral {
            Statement::Integral {
                body,
                var,
                bounds: None,
            }
        } else {
            Statement::Derivative {
                body,
                var,
                order: 1,
                partial: false,
            }
        })
    }

    /// `(x^2)'`, `(e^x)''`: as many derivatives as primes, by the bracket's only variable.
    pub(super) fn bracket_prime(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let mut body = None;
        let mut order = 0;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::paren => {
                    let inner = part
                        .into_inner()
                        .find(|p| p.as_rule() == Rule::expr)
                        .ok_or_else(|| internal("bracket"))?;
                    body = Some(self.expr(inner)?);
                }
                Rule::prime if part.as_str() == "″" => order += 2,
                Rule::prime => order += 1,
                _ => {}
            }
        }
        let body = body.ok_or_else(|| internal("bracket"))?;
        let var = self.only_variable(&body, "d/dx")?;
        Ok(Statement::Derivative {
            body,
            var,
            order: self.check_order(order, Span::new(0, 0))?,
            partial: false,
        })
    }

    /// The one variable a question without one names: x when there is none, an error that
    /// asks which when there are several.
    fn only_variable(&self, body: &Node, operator: &str) -> Result<String, Error> {
        let mut found: Vec<&str> = Vec::new();
        self.free_variables(body, &mut found);
        match found.as_slice() {
            [] => Ok("x".to_string()),
            [one] => Ok((*one).to_string()),
            many => {
                let shown: Vec<String> = many.iter().map(|v| unicode_name(v)).collect();
                let first = &shown[0];
                Err(Error::new(
                    Phase::Parsing,
                    format!(
                        "this has {} variables ({}), so say which one to nudge",
                        many.len(),
                        shown.join(", ")
                    ),
                )
                .at(body.span)
                .with_help(match operator {
                    "with respect to x" => format!(
                        "name it: add with respect to {first} at the end, or ask d/d{first} …"
                    ),
                    _ => format!("name it in the operator: {}", operator.replace('x', first)),
                }))
            }
        }
    }

    fn free_variables<'a>(&self, node: &'a Node, found: &mut Vec<&'a str>) {
        match &node.kind {
            NodeKind::Var(name) => {
                if !found.contains(&name.as_str()) && !self.is_own_name(name) {
                    found.push(name);
                }
            }
            NodeKind::Number(_) | NodeKind::Constant(_) => {}
            NodeKind::Neg(inner) | NodeKind::Paren(inner) => self.free_variables(inner, found),
            NodeKind::Binary(_, lhs, rhs) => {
                self.free_variables(lhs, found);
                self.free_variables(rhs, found);
            }
            NodeKind::Call { arg, power, .. } => {
                self.free_variables(arg, found);
                if let Some(p) = power {
                    self.free_variables(p, found);
                }
            }
            NodeKind::Apply { args, .. } => {
                for a in args {
                    self.free_variables(a, found);
                }
            }
        }
    }
}
