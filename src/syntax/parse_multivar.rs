//! Reading the many-variable questions out of the grammar's pairs.

use super::ast::{Node, NodeKind, Span};
use super::multivar_ast::MultivarQuery;
use super::parse::{ascii_name, internal, Builder, Rule};
use crate::error::{counted, Error, Phase};
use pest::iterators::Pair;

impl Builder<'_> {
    pub(super) fn multivar(&mut self, pair: Pair<Rule>) -> Result<MultivarQuery, Error> {
        let rule = pair.as_rule();
        match rule {
            Rule::mixed_partial => self.mixed_partial(pair),
            Rule::partial_mixed_call => {
                let mut body = None;
                let mut vars = Vec::new();
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::expr => body = Some(self.expr(part)?),
                        Rule::variable => vars.push(ascii_name(part.as_str())),
                        _ => {}
                    }
                }
                let body = body.ok_or_else(|| internal("partial body"))?;
                Ok(MultivarQuery::MixedPartial { body, vars })
            }
            Rule::gradient | Rule::hessian | Rule::directional => {
                let parts = self.function_parts(pair)?;
                let body = parts.body.ok_or_else(|| internal("body"))?;
                self.check_named_function(&body)?;
                Ok(match rule {
                    Rule::gradient => MultivarQuery::Gradient {
                        body,
                        vars: parts.vars,
                        at: parts.at,
                    },
                    Rule::hessian => MultivarQuery::Hessian {
                        body,
                        vars: parts.vars,
                        at: parts.at,
                    },
                    _ => MultivarQuery::Directional {
                        body,
                        vars: parts.vars,
                        at: parts.at.ok_or_else(|| internal("point"))?,
                        along: parts.along.ok_or_else(|| internal("direction"))?,
                    },
                })
            }
            Rule::jacobian => {
                let parts = self.function_parts(pair)?;
                let outputs = match (parts.outputs, parts.body) {
                    (Some(list), _) => list,
                    (None, Some(single)) => vec![single],
                    (None, None) => return Err(internal("outputs")),
                };
                Ok(MultivarQuery::Jacobian {
                    outputs,
                    vars: parts.vars,
                    at: parts.at,
                })
            }
            Rule::vector_derivative | Rule::vector_speed => {
                let mut inner = pair.into_inner();
                let op = inner.next().ok_or_else(|| internal("operator"))?;
                let op_span = self.span(&op);
                let (var, order, partial) = self.derivative_operator(op)?;
                let tuple = inner.next().ok_or_else(|| internal("components"))?;
                if rule == Rule::vector_derivative && is_softmax(&tuple) {
                    return self.softmax_column(tuple, var, order, op_span);
                }
                if partial {
                    return Err(Error::new(
                        Phase::Parsing,
                        "a list of functions of one variable takes d, not ∂",
                    )
                    .at(op_span)
                    .with_help("write d/dt (cos t, sin t, t)"));
                }
                Ok(MultivarQuery::VectorDerivative {
                    components: self.list(tuple)?,
                    var,
                    order,
                    speed: rule == Rule::vector_speed,
                })
            }
            Rule::vector_literal => {
                let tuple = pair.into_inner().next().ok_or_else(|| internal("vector"))?;
                Ok(MultivarQuery::Literal {
                    rows: vec![self.list(tuple)?],
                    matrix: false,
                })
            }
            Rule::matrix_literal => {
                let span = self.span(&pair);
                let mut rows = Vec::new();
                let mut latex = None;
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::matrix_row => rows.push(self.list(part)?),
                        Rule::latex_matrix => latex = Some(self.latex_matrix(part)?),
                        _ => {}
                    }
                }
                if let Some(literal) = latex {
                    return Ok(literal);
                }
                check_size(rows.len(), span)?;
                Ok(MultivarQuery::Literal { rows, matrix: true })
            }
            Rule::operator_alone => {
                let span = self.span(&pair);
                let word = pair.as_str().trim();
                Err(
                    Error::new(Phase::Parsing, format!("{word} needs something to work on"))
                        .at(span)
                        .with_help(match word.to_lowercase().as_str() {
                            "ddir" => "write ddir EXPR at (1, 2) along (1, 1)",
                            "jacobian" => "write jacobian([x^2 y, 5x + sin y], [x, y])",
                            "hessian" => "write hessian EXPR, as in hessian x^3 + x y^2",
                            _ => "write grad EXPR, as in grad x^2 + y^2, or ∇(x^2 + y^2) at (1, 2)",
                        }),
                )
            }
            _ => Err(internal("unknown statement")),
        }
    }

    fn mixed_partial(&mut self, pair: Pair<Rule>) -> Result<MultivarQuery, Error> {
        let mut inner = pair.into_inner();
        let op = inner.next().ok_or_else(|| internal("operator"))?;
        let op_span = self.span(&op);
        let body = self.expr(inner.next().ok_or_else(|| internal("body"))?)?;
        let mut vars = Vec::new();
        for part in op.into_inner() {
            match part.as_rule() {
                Rule::order if self.order(part.clone())? != 2 => {
                    return Err(Error::new(
                        Phase::Parsing,
                        "with two variables below, the order on top must be 2",
                    )
                    .at(op_span)
                    .with_help("write ∂²/∂x∂y"));
                }
                Rule::respect_var => vars.push(ascii_name(part.as_str())),
                Rule::latex_styled
                | Rule::latex_subscripted
                | Rule::latex_command
                | Rule::variable => vars.push(self.latex_variable_name(part)?),
                _ => {}
            }
        }
        // ∂²/∂x∂y applies ∂/∂y first: the variable nearest the expression.
        vars.reverse();
        Ok(MultivarQuery::MixedPartial { body, vars })
    }

    fn function_parts(&mut self, pair: Pair<Rule>) -> Result<Parts, Error> {
        let mut parts = Parts::default();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::expr => parts.body = Some(self.expr(part)?),
                Rule::with_variables => {
                    for p in part.into_inner() {
                        match p.as_rule() {
                            Rule::expr => parts.body = Some(self.expr(p)?),
                            Rule::variable_list => parts.vars = Some(self.variables(p)?),
                            _ => {}
                        }
                    }
                }
                Rule::vector => {
                    let span = self.span(&part);
                    let inner = part.into_inner();
                    let list = match inner.clone().find(|p| p.as_rule() == Rule::tuple) {
                        Some(t) => self.list(t)?,
                        None => {
                            let mut out = Vec::new();
                            for p in inner.filter(|p| p.as_rule() == Rule::expr) {
                                out.push(self.expr(p)?);
                            }
                            out
                        }
                    };
                    check_size(list.len(), span)?;
                    parts.outputs = Some(list);
                }
                Rule::variable_list => parts.vars = Some(self.variables(part)?),
                Rule::at_coordinates => {
                    let point = part.into_inner().next().ok_or_else(|| internal("point"))?;
                    parts.at = Some(self.list(point)?);
                }
                Rule::along => {
                    let point = part.into_inner().next().ok_or_else(|| internal("along"))?;
                    parts.along = Some(self.list(point)?);
                }
                _ => {}
            }
        }
        Ok(parts)
    }

    /// `\begin{pmatrix} a \\ b \end{pmatrix}`: one column is a vector, as nudge writes
    /// one; rows of `&`-separated entries are a matrix.
    fn latex_matrix(&mut self, pair: Pair<Rule>) -> Result<MultivarQuery, Error> {
        let span = self.span(&pair);
        let mut kinds = Vec::new();
        let mut rows = Vec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::latex_matrix_begin | Rule::latex_matrix_end => {
                    kinds.push((part.as_str().to_string(), self.span(&part)));
                }
                Rule::latex_matrix_row => {
                    let row = self.list(part)?;
                    let row_span = Span::of(&row);
                    if let Some(first) = rows.first().map(Vec::len).filter(|n| *n != row.len()) {
                        return Err(Error::new(
                            Phase::Parsing,
                            format!(
                                "this row has {}, but the first row has {first}",
                                counted(row.len(), "entry", "entries")
                            ),
                        )
                        .at(row_span)
                        .with_help("give every row the same number of entries, separated by &"));
                    }
                    rows.push(row);
                }
                _ => {}
            }
        }
        if let [(begin, _), (end, end_span)] = kinds.as_slice() {
            if begin.trim_start_matches("\\begin") != end.trim_start_matches("\\end") {
                return Err(
                    Error::new(Phase::Parsing, format!("{begin} is closed by {end}"))
                        .at(*end_span)
                        .with_help(format!(
                            "close it with {}",
                            begin.replace("\\begin", "\\end")
                        )),
                );
            }
        }
        check_size(rows.len(), span)?;
        if rows.len() > 1 && rows.iter().all(|r| r.len() == 1) {
            return Ok(MultivarQuery::Literal {
                rows: vec![rows.into_iter().flatten().collect()],
                matrix: false,
            });
        }
        Ok(MultivarQuery::Literal { rows, matrix: true })
    }

    /// The expressions of a `tuple` or `point`.
    pub(super) fn list(&mut self, pair: Pair<Rule>) -> Result<Vec<Node>, Error> {
        let span = self.span(&pair);
        if let Some(call) = pair
            .clone()
            .into_inner()
            .find(|p| p.as_rule() == Rule::softmax_call)
        {
            return self.softmax_list(call);
        }
        let mut out = Vec::new();
        for p in pair.into_inner().filter(|p| p.as_rule() == Rule::expr) {
            out.push(self.expr(p)?);
        }
        check_size(out.len(), span)?;
        Ok(out)
    }

    /// `softmax(z1, z2, z3)` where a list stands: its entries written out.
    fn softmax_list(&mut self, call: Pair<Rule>) -> Result<Vec<Node>, Error> {
        let span = self.span(&call);
        let mut inner = call.into_inner();
        let word = inner.next().ok_or_else(|| internal("softmax"))?;
        let name_span = self.span(&word);
        let mut args = Vec::new();
        for p in inner.filter(|p| p.as_rule() == Rule::expr) {
            args.push(self.expr(p)?);
        }
        check_size(args.len(), span)?;
        self.softmax_entries("softmax", name_span, args, span)
    }

    /// `∂/∂z2 softmax(z1, z2, z3)`: how every entry moves as z2 alone is nudged, the column of
    /// the Jacobian that belongs to z2.
    fn softmax_column(
        &mut self,
        tuple: Pair<Rule>,
        var: String,
        order: u32,
        op_span: Span,
    ) -> Result<MultivarQuery, Error> {
        if order > 1 {
            return Err(Error::new(
                Phase::Parsing,
                "a second slope of a whole softmax vector is a grid of matrices, which nudge does not show",
            )
            .at(op_span)
            .with_help("ask it of one entry: ∂²/∂z1² softmax(z1, z2, z3)_1"));
        }
        let outputs = self.list(tuple)?;
        self.notes.push(super::Note {
            message: format!(
                "the slope of a vector by {var} is one column of its Jacobian: how every entry moves when only {var} is nudged"
            ),
            span: op_span,
        });
        Ok(MultivarQuery::Jacobian {
            outputs,
            vars: Some(vec![var]),
            at: None,
        })
    }

    /// `[x, y]`: distinct names.
    fn variables(&mut self, pair: Pair<Rule>) -> Result<Vec<String>, Error> {
        let span = self.span(&pair);
        let mut out: Vec<String> = Vec::new();
        for p in pair.into_inner().filter(|p| p.as_rule() == Rule::variable) {
            let name = ascii_name(p.as_str());
            if out.contains(&name) {
                return Err(
                    Error::new(Phase::Parsing, format!("{name} is listed twice"))
                        .at(self.span(&p))
                        .with_help("name each variable once"),
                );
            }
            out.push(name);
        }
        check_size(out.len(), span)?;
        Ok(out)
    }
}

/// Most entries in a vector or variable list.
pub const MAX_DIMENSION: usize = 12;

/// Whether a `tuple` is `softmax(…)` rather than a list typed out.
fn is_softmax(tuple: &Pair<Rule>) -> bool {
    tuple
        .clone()
        .into_inner()
        .any(|p| p.as_rule() == Rule::softmax_call)
}

fn check_size(n: usize, span: Span) -> Result<(), Error> {
    if n > MAX_DIMENSION {
        return Err(Error::new(
            Phase::Parsing,
            format!("this list has {n} entries; nudge works with up to {MAX_DIMENSION}"),
        )
        .at(span));
    }
    Ok(())
}

#[derive(Default)]
struct Parts {
    body: Option<Node>,
    outputs: Option<Vec<Node>>,
    vars: Option<Vec<String>>,
    at: Option<Vec<Node>>,
    along: Option<Vec<Node>>,
}

impl Builder<'_> {
    /// `∇f`, `hessian g`: a lone name other than a coordinate stands for a function, which
    /// must be defined, as ∂L/∂w needs L.
    fn check_named_function(&self, body: &Node) -> Result<(), Error> {
        let NodeKind::Var(name) = &body.kind else {
            return Ok(());
        };
        if matches!(name.as_str(), "x" | "y" | "z") || self.is_own_name(name) {
            return Ok(());
        }
        let shown = crate::expr::unicode_name(name);
        Err(Error::new(Phase::Parsing, format!("{shown} is not defined yet"))
            .at(body.span)
            .with_help(format!(
                "define it first, as in {shown}(x, y) = x^2 + y^2, or write the formula itself: ∇(x^2 + y^2); to hear notation such as ∇{shown} in words, put read in front"
            )))
    }
}
