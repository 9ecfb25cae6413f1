//! Reading the nudge, tangent, limit, plot and contour questions out of the grammar's pairs.

use super::ast::{Node, Statement};
use super::parse::{ascii_name, internal, Builder, Rule};
use super::seeing_ast::{LimitTarget, PlotItem, SeeingQuery, Side};
use crate::error::Error;
use pest::iterators::Pair;

impl Builder<'_> {
    pub(super) fn seeing(&mut self, pair: Pair<Rule>) -> Result<SeeingQuery, Error> {
        match pair.as_rule() {
            Rule::nudge_query | Rule::tangent_query => self.at_value_query(pair),
            Rule::limit_query => self.limit(pair),
            Rule::plot_query => self.plot(pair),
            Rule::contour_query => self.contour(pair),
            _ => Err(internal("unknown statement")),
        }
    }

    /// `nudge EXPR at x = a` and `tangent EXPR at x = a`.
    fn at_value_query(&mut self, pair: Pair<Rule>) -> Result<SeeingQuery, Error> {
        let rule = pair.as_rule();
        let mut body = None;
        let mut at = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::expr => body = Some(self.expr(part)?),
                Rule::at_value => at = Some(self.at_value(part)?),
                _ => {}
            }
        }
        let body = body.ok_or_else(|| internal("body"))?;
        let (var, at) = at.ok_or_else(|| internal("at"))?;
        Ok(if rule == Rule::nudge_query {
            SeeingQuery::Nudge { body, var, at }
        } else {
            SeeingQuery::Tangent { body, var, at }
        })
    }

    /// `at x = a` → (x, a).
    fn at_value(&mut self, pair: Pair<Rule>) -> Result<(String, Node), Error> {
        let mut var = None;
        let mut value = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::variable => var = Some(ascii_name(part.as_str())),
                Rule::expr => value = Some(self.expr(part)?),
                _ => {}
            }
        }
        Ok((
            var.ok_or_else(|| internal("at variable"))?,
            value.ok_or_else(|| internal("at value"))?,
        ))
    }

    fn limit(&mut self, pair: Pair<Rule>) -> Result<SeeingQuery, Error> {
        let mut body = None;
        let mut var = None;
        let mut target = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::expr => body = Some(self.expr(part)?),
                Rule::variable => var = Some(ascii_name(part.as_str())),
                Rule::limit_target => target = Some(self.limit_target(part)?),
                _ => {}
            }
        }
        Ok(SeeingQuery::Limit {
            body: body.ok_or_else(|| internal("limit body"))?,
            var: var.ok_or_else(|| internal("limit variable"))?,
            target: target.ok_or_else(|| internal("limit target"))?,
        })
    }

    fn limit_target(&mut self, pair: Pair<Rule>) -> Result<LimitTarget, Error> {
        let mut at = None;
        let mut side = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::infinity => {
                    let negative = part.as_str().starts_with(['-', '−']);
                    return Ok(LimitTarget::Infinity { negative });
                }
                Rule::expr => at = Some(self.expr(part)?),
                Rule::side => {
                    side = Some(match part.as_str() {
                        "+" | "⁺" => Side::Above,
                        _ => Side::Below,
                    })
                }
                _ => {}
            }
        }
        Ok(LimitTarget::Point {
            at: at.ok_or_else(|| internal("limit point"))?,
            side,
        })
    }

    fn plot(&mut self, pair: Pair<Rule>) -> Result<SeeingQuery, Error> {
        let mut items = Vec::new();
        let mut range = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::plot_item => {
                    let inner = part.into_inner().next().ok_or_else(|| internal("item"))?;
                    let statement = match inner.as_rule() {
                        Rule::derivative => self.derivative(inner)?,
                        Rule::diff_call => self.call_form(inner)?,
                        _ => Statement::Expr(self.expr(inner)?),
                    };
                    items.push(match statement {
                        Statement::Derivative {
                            body, var, order, ..
                        } => PlotItem::Derivative { body, var, order },
                        Statement::Expr(node) => PlotItem::Expr(node),
                        _ => return Err(internal("plotted item")),
                    });
                }
                Rule::plot_range => range = Some(self.two_exprs(part)?),
                _ => {}
            }
        }
        Ok(SeeingQuery::Plot { items, range })
    }

    fn contour(&mut self, pair: Pair<Rule>) -> Result<SeeingQuery, Error> {
        let mut body = None;
        let mut around = None;
        let mut at = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::expr => body = Some(self.expr(part)?),
                Rule::around => around = Some(Box::new(self.two_exprs(part)?)),
                Rule::contour_at => at = Some(Box::new(self.two_exprs(part)?)),
                _ => {}
            }
        }
        Ok(SeeingQuery::Contour {
            body: body.ok_or_else(|| internal("contour body"))?,
            around,
            at,
        })
    }

    /// The two expressions of `from a to b` or `around (x0, y0)`.
    fn two_exprs(&mut self, pair: Pair<Rule>) -> Result<(Node, Node), Error> {
        let mut nodes = Vec::with_capacity(2);
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::expr => nodes.push(self.expr(part)?),
                Rule::pair_point => {
                    for inner in part.into_inner().filter(|p| p.as_rule() == Rule::expr) {
                        nodes.push(self.expr(inner)?);
                    }
                }
                _ => {}
            }
        }
        let second = nodes.pop().ok_or_else(|| internal("second"))?;
        let first = nodes.pop().ok_or_else(|| internal("first"))?;
        Ok((first, second))
    }
}
