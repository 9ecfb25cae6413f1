//! `check QUESTION = ANSWER`: a question nudge can work out (a derivative or an integral) and
//! the learner's answer to it, read as an expression.

use super::ast::Statement;
use super::parse::{internal, Builder, Rule};
use crate::error::Error;
use pest::iterators::Pair;

impl Builder<'_> {
    pub(super) fn check(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let mut question = None;
        let mut answer = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::check_question => {
                    let inner = part
                        .into_inner()
                        .next()
                        .ok_or_else(|| internal("check question"))?;
                    question = Some(self.checked_question(inner)?);
                }
                Rule::expr => answer = Some(self.expr(part)?),
                _ => {}
            }
        }
        Ok(Statement::Check {
            question: Box::new(question.ok_or_else(|| internal("check question"))?),
            answer: answer.ok_or_else(|| internal("check answer"))?,
        })
    }

    fn checked_question(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        match pair.as_rule() {
            Rule::derivative => self.derivative(pair),
            Rule::diff_call | Rule::partial_call => self.call_form(pair),
            Rule::integral | Rule::integral_call => self.integral(pair),
            Rule::named_derivative => self.named_derivative(pair),
            Rule::latex_named_derivative => self.latex_named_derivative(pair),
            Rule::named_prime => self.named_prime(pair),
            _ => Err(internal("check question")),
        }
    }
}
