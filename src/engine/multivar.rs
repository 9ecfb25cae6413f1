//! The engine's branch for many-variable questions: lowers the query, checks it, runs the calculus.

use super::domain;
use super::Named;
use crate::calculus::motion::{motion, Motion, MotionAt};
use crate::calculus::multivar::{
    agree_numerically, decimal_value, differentiate, directional, flat_spot, function_vars,
    gradient, gradient_at, hessian, jacobian, shared_vars, value_at, Derivation, Directional,
    Exact, FlatSpot, GradientAt, Value,
};
use crate::calculus::{recognise_softmax, softmax_jacobian, Softmax, SoftmaxJacobian};
use crate::error::{counted, Error, ErrorKind, Phase};
use crate::expr::{unicode_name, EvalError, Expr, Kind, Symbol};
use crate::syntax::{lower, lower_in, MultivarQuery, Names, Node, NodeKind, Span, MAX_DIMENSION};

/// What nudge worked out for a many-variable question.
#[derive(Clone, Debug)]
pub enum MultivarAnswer {
    /// `∂²/∂x∂y f`: one partial after the other.
    MixedPartial {
        body: Expr,
        derivation: Derivation,
        /// The result with the two variables taken the other way round, when they differ.
        swapped: Option<Swapped>,
    },
    /// ∇f: one partial derivative per variable, and the gradient at a point.
    Gradient {
        body: Expr,
        /// The defined function's name when the learner wrote one, as in `∇f`.
        name: Option<Symbol>,
        vars: Vec<Symbol>,
        partials: Vec<Derivation>,
        at: Option<GradientAt>,
        /// When the gradient is a softmax, as log-sum-exp's is: its inputs.
        softmax: Option<Softmax>,
    },
    /// The slope of f at a point along a direction.
    Directional {
        body: Expr,
        /// The defined function's name when the learner wrote one, as in `ddir g`.
        name: Option<Symbol>,
        vars: Vec<Symbol>,
        partials: Vec<Derivation>,
        directional: Directional,
    },
    /// Rows are outputs, columns are inputs.
    Jacobian {
        outputs: Vec<Expr>,
        vars: Vec<Symbol>,
        rows: Vec<Vec<Derivation>>,
        at: Option<MatrixAt>,
        /// When the outputs are a softmax: the matrix written with its shares, s_i(δ_ij − s_j).
        softmax: Option<SoftmaxJacobian>,
    },
    /// The matrix of second partials.
    Hessian {
        body: Expr,
        /// The defined function's name when the learner wrote one, as in `hessian g`.
        name: Option<Symbol>,
        vars: Vec<Symbol>,
        rows: Vec<Vec<Derivation>>,
        /// Whether every mixed pair agrees in value, as it does for smooth functions.
        symmetric: bool,
        /// Whether every mixed pair is also written the same way.
        same_forms: bool,
        /// At a point where the gradient is 0: what kind of flat spot it is.
        flat_spot: Option<FlatSpot>,
        at: Option<MatrixAt>,
    },
    /// A moving point: velocity, acceleration, speed; `named` when the learner asked
    /// by a defined vector's name, as in `r′(t)` or `dr/dt`.
    Motion {
        motion: Motion,
        named: Option<Named>,
    },
    /// A vector or matrix typed out, simplified entry by entry; a vector's decimals
    /// when every entry is a number.
    Literal {
        rows: Vec<Vec<Expr>>,
        matrix: bool,
        decimals: Option<Vec<f64>>,
    },
}

/// The final answer in one piece: what `-q` prints and JSON's `result` holds.
#[derive(Clone, Debug)]
pub enum Headline {
    Scalar(Expr),
    Vector(Vec<Expr>),
    Matrix(Vec<Vec<Expr>>),
}

impl MultivarAnswer {
    /// A vector (one row) or a matrix shown entry by entry: `r(2)`, `F(1, 2)`, `(1/2, 3)`.
    pub(super) fn literal(rows: Vec<Vec<Expr>>, matrix: bool) -> MultivarAnswer {
        let decimals = match (matrix, rows.as_slice()) {
            (false, [entries]) => entries
                .iter()
                .map(|e| decimal_value(e).ok().flatten())
                .collect(),
            _ => None,
        };
        MultivarAnswer::Literal {
            rows,
            matrix,
            decimals,
        }
    }

    /// The defined function's name when the learner asked by it, as in `grad g` or `r′(t)`.
    pub fn name(&self) -> Option<&Symbol> {
        match self {
            MultivarAnswer::Gradient { name, .. }
            | MultivarAnswer::Directional { name, .. }
            | MultivarAnswer::Hessian { name, .. } => name.as_ref(),
            MultivarAnswer::Motion { named, .. } => named.as_ref().map(Named::name),
            _ => None,
        }
    }

    /// The answer's final value: at the point when one was given.
    pub fn headline(&self) -> Headline {
        let results = |ds: &[Derivation]| ds.iter().map(|d| d.result.clone()).collect::<Vec<_>>();
        let exact = |vs: &[Value]| vs.iter().map(|v| v.exact.clone()).collect::<Vec<_>>();
        match self {
            MultivarAnswer::MixedPartial { derivation, .. } => {
                Headline::Scalar(derivation.result.clone())
            }
            MultivarAnswer::Gradient { at: Some(at), .. } => Headline::Vector(exact(&at.vector)),
            MultivarAnswer::Gradient { partials, .. } => Headline::Vector(results(partials)),
            MultivarAnswer::Directional { directional, .. } => {
                Headline::Scalar(directional.value.exact.clone())
            }
            MultivarAnswer::Jacobian { at: Some(at), .. }
            | MultivarAnswer::Hessian { at: Some(at), .. } => {
                Headline::Matrix(at.values.iter().map(|r| exact(r)).collect())
            }
            MultivarAnswer::Jacobian { rows, .. } | MultivarAnswer::Hessian { rows, .. } => {
                Headline::Matrix(rows.iter().map(|r| results(r)).collect())
            }
            MultivarAnswer::Motion { motion: m, .. } => match (&m.at, &m.length) {
                (
                    Some(MotionAt {
                        length: Some(l), ..
                    }),
                    _,
                ) => Headline::Scalar(l.exact.clone()),
                (Some(at), _) => Headline::Vector(Exact::exacts(&at.vector)),
                (None, Some(l)) => Headline::Scalar(l.result.clone()),
                (None, None) => Headline::Vector(results(&m.derivatives)),
            },
            MultivarAnswer::Literal {
                rows, matrix: true, ..
            } => Headline::Matrix(rows.clone()),
            MultivarAnswer::Literal { rows, .. } => {
                Headline::Vector(rows.first().cloned().unwrap_or_default())
            }
        }
    }
}

/// A mixed partial taken in the other order, compared with the first.
#[derive(Clone, Debug)]
pub struct Swapped {
    pub result: Expr,
    /// Equal as written.
    pub same_form: bool,
    /// Equal in value at sample points, as for every smooth function.
    pub agrees: bool,
}

/// A matrix of derivatives evaluated at a point.
#[derive(Clone, Debug)]
pub struct MatrixAt {
    pub point: Vec<Expr>,
    pub values: Vec<Vec<Value>>,
}

/// Answers one many-variable question, or says why it cannot; `names` are the session's definitions.
pub fn answer(query: &MultivarQuery, names: &dyn Names) -> Result<MultivarAnswer, Error> {
    let lower = |node: &Node| lower_in(node, names, &[]);
    Ok(match query {
        MultivarQuery::MixedPartial { body, vars } => {
            let body = lower(body)?;
            let vars: Vec<Symbol> = vars.iter().map(|v| Symbol::from(v.as_str())).collect();
            let all = function_vars(&body, &vars);
            let derivation = differentiate(&body, &vars, Some(&all));
            let reversed: Vec<Symbol> = vars.iter().rev().cloned().collect();
            let swapped = (reversed != vars).then(|| {
                let result = differentiate(&body, &reversed, Some(&all)).result;
                let same_form = result == derivation.result;
                let agrees = same_form || agree_numerically(&result, &derivation.result);
                Swapped {
                    result,
                    same_form,
                    agrees,
                }
            });
            MultivarAnswer::MixedPartial {
                body,
                derivation,
                swapped,
            }
        }
        MultivarQuery::Gradient { body, vars, at } => {
            let (expr, vars) = function_of(body, vars.as_deref(), names)?;
            let partials = gradient(&expr, &vars);
            let at = match at {
                Some(point) => {
                    let p = coordinates(point, &vars)?;
                    defined_near(body, &expr, &vars, &p, point, names, "gradient")?;
                    Some(gradient_at(&partials, &vars, &p).map_err(|e| computing(e, point))?)
                }
                None => None,
            };
            let results: Vec<Expr> = partials.iter().map(|d| d.result.clone()).collect();
            MultivarAnswer::Gradient {
                body: expr,
                name: defined_name(body, names),
                vars,
                partials,
                at,
                softmax: recognise_softmax(&results),
            }
        }
        MultivarQuery::Directional {
            body,
            vars,
            at,
            along,
        } => {
            let (expr, vars) = function_of(body, vars.as_deref(), names)?;
            let partials = gradient(&expr, &vars);
            let p = coordinates(at, &vars)?;
            defined_near(body, &expr, &vars, &p, at, names, "slope")?;
            let g = gradient_at(&partials, &vars, &p).map_err(|e| computing(e, at))?;
            let direction = coordinates(along, &vars)?;
            let directional = directional(g, &direction)
                .map_err(|e| computing(e, along))?
                .ok_or_else(|| {
                    Error::new(
                        Phase::Computing,
                        "this direction has length 0, so it points nowhere",
                    )
                    .with_kind(ErrorKind::ZeroDirection)
                    .at(Span::of(along))
                    .with_help("give a direction with a non-zero entry, such as (1, 1)")
                })?;
            MultivarAnswer::Directional {
                body: expr,
                name: defined_name(body, names),
                vars,
                partials,
                directional,
            }
        }
        MultivarQuery::Jacobian { outputs, vars, at } => {
            // jacobian(F) of a vector F the learner defined: its components over its inputs.
            let defined = match outputs.as_slice() {
                [Node {
                    kind: NodeKind::Var(name),
                    ..
                }] => names.vector(name),
                _ => None,
            };
            let (exprs, inputs) = match defined {
                Some(v) => (v.components, v.params),
                None => (
                    outputs.iter().map(&lower).collect::<Result<Vec<_>, _>>()?,
                    Vec::new(),
                ),
            };
            if let (None, [single]) = (vars, exprs.as_slice()) {
                let capital = |n: &str| n.chars().next().is_some_and(char::is_uppercase);
                match single.kind() {
                    // jacobian(F) of a bare capital name would be the 1×1 matrix [1]: surely not meant.
                    Kind::Var(name) if capital(name) => {
                        return Err(Error::new(
                            Phase::Reading,
                            format!("{name} is a single variable here, not a vector function"),
                        ).with_kind(ErrorKind::NotAScalar)
                        .at(Span::of(outputs))
                        .with_help(
                            "list the outputs and inputs, as in jacobian([x^2 y, 5x + sin y], [x, y])",
                        ));
                    }
                    _ => {}
                }
            }
            let vars = match vars {
                Some(v) => v.iter().map(|v| Symbol::from(v.as_str())).collect(),
                None if inputs.is_empty() => shared_vars(&exprs),
                None => inputs,
            };
            check_vars(&vars, Span::of(outputs))?;
            let rows = jacobian(&exprs, &vars);
            let at = matrix_at(&rows, &vars, at.as_deref())?;
            let results: Vec<Vec<Expr>> = rows
                .iter()
                .map(|row| row.iter().map(|d| d.result.clone()).collect())
                .collect();
            let softmax =
                recognise_softmax(&exprs).and_then(|s| softmax_jacobian(&s, &vars, &results));
            MultivarAnswer::Jacobian {
                outputs: exprs,
                vars,
                rows,
                at,
                softmax,
            }
        }
        MultivarQuery::Hessian { body, vars, at } => {
            let (expr, vars) = function_of(body, vars.as_deref(), names)?;
            let rows = hessian(&expr, &vars);
            let at_node = at.as_deref();
            if let Some(point) = at_node {
                let p = coordinates(point, &vars)?;
                defined_near(body, &expr, &vars, &p, point, names, "Hessian")?;
            }
            let at = matrix_at(&rows, &vars, at_node)?;
            let pairs_all = |test: &dyn Fn(&Expr, &Expr) -> bool| {
                rows.iter().enumerate().all(|(i, row)| {
                    row.iter()
                        .enumerate()
                        .all(|(j, d)| test(&d.result, &rows[j][i].result))
                })
            };
            let same_forms = pairs_all(&|a, b| a == b);
            let flat_spot = match (&at, at_node) {
                (Some(m), Some(point)) => {
                    let g = gradient_at(&gradient(&expr, &vars), &vars, &m.point)
                        .map_err(|e| computing(e, point))?;
                    g.direction.is_none().then(|| {
                        let values: Vec<Vec<f64>> = m
                            .values
                            .iter()
                            .map(|r| r.iter().map(|v| v.approx).collect())
                            .collect();
                        flat_spot(&values)
                    })
                }
                _ => None,
            };
            let symmetric = same_forms || pairs_all(&|a, b| a == b || agree_numerically(a, b));
            MultivarAnswer::Hessian {
                body: expr,
                name: defined_name(body, names),
                vars,
                rows,
                symmetric,
                same_forms,
                flat_spot,
                at,
            }
        }
        MultivarQuery::Literal { rows, matrix } => {
            let mut lowered = Vec::with_capacity(rows.len());
            for row in rows {
                let mut entries = Vec::with_capacity(row.len());
                for node in row {
                    let entry = lower(node)?;
                    check_value(&entry, node.span)?;
                    entries.push(entry);
                }
                lowered.push(entries);
            }
            MultivarAnswer::literal(lowered, *matrix)
        }
        MultivarQuery::VectorDerivative {
            components,
            var,
            order,
            speed,
        } => {
            let exprs = components
                .iter()
                .map(&lower)
                .collect::<Result<Vec<_>, _>>()?;
            MultivarAnswer::Motion {
                motion: motion(&exprs, &Symbol::from(var.as_str()), *order, *speed),
                named: None,
            }
        }
    })
}

/// The expression and its variables: those listed, or its own in the order x, y, z, then alphabetical.
fn function_of(
    body: &Node,
    vars: Option<&[String]>,
    names: &dyn Names,
) -> Result<(Expr, Vec<Symbol>), Error> {
    let expr = lower_in(body, names, &[])?;
    let vars = match vars {
        Some(v) => v.iter().map(|v| Symbol::from(v.as_str())).collect(),
        None => expr.free_vars(),
    };
    check_vars(&vars, body.span)?;
    Ok((expr, vars))
}

/// The name of the function the learner defined, when `body` is just that name (`grad g`);
/// a formula typed out has none.
fn defined_name(body: &Node, names: &dyn Names) -> Option<Symbol> {
    match &body.kind {
        NodeKind::Var(name) if names.defined().contains(name) => Some(Symbol::from(name.as_str())),
        _ => None,
    }
}

fn check_vars(vars: &[Symbol], span: Span) -> Result<(), Error> {
    if vars.is_empty() {
        return Err(Error::new(
            Phase::Computing,
            "this has no variables, so there is nothing to nudge",
        )
        .with_kind(ErrorKind::NoVariables)
        .at(span)
        .with_help("name the variables, as in grad(5, [x, y]), or use an expression in x and y"));
    }
    if vars.len() > MAX_DIMENSION {
        return Err(Error::new(
            Phase::Computing,
            format!(
                "this has {} variables; nudge works with up to {MAX_DIMENSION}",
                vars.len()
            ),
        )
        .with_kind(ErrorKind::TooLarge)
        .at(span));
    }
    Ok(())
}

/// The coordinates of a point: plain numbers, one per variable.
fn coordinates(point: &[Node], vars: &[Symbol]) -> Result<Vec<Expr>, Error> {
    if point.len() != vars.len() {
        let names: Vec<&str> = vars.iter().map(|v| &**v).collect();
        return Err(Error::new(
            Phase::Computing,
            format!(
                "this has {}, but there {} {} ({})",
                counted(point.len(), "coordinate", "coordinates"),
                if vars.len() == 1 { "is" } else { "are" },
                counted(vars.len(), "variable", "variables"),
                names.join(", ")
            ),
        )
        .with_kind(ErrorKind::BadPoint)
        .at(Span::of(point))
        .with_help("give one number per variable, in the order listed"));
    }
    point
        .iter()
        .map(|node| {
            let e = lower(node)?;
            match e.free_vars().first() {
                Some(v) => Err(Error::new(
                    Phase::Computing,
                    format!("a coordinate must be a number, but this one has {v} in it"),
                )
                .with_kind(ErrorKind::BadPoint)
                .at(node.span)),
                None => Ok(e),
            }
        })
        .collect()
}

fn matrix_at(
    rows: &[Vec<Derivation>],
    vars: &[Symbol],
    point: Option<&[Node]>,
) -> Result<Option<MatrixAt>, Error> {
    let Some(point) = point else {
        return Ok(None);
    };
    let p = coordinates(point, vars)?;
    let values = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|d| value_at(&d.result, vars, &p))
                .collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| computing(e, point))?;
    Ok(Some(MatrixAt { point: p, values }))
}

/// A slope at a point needs the function itself to have a value there, as typed
/// (`body`) and as a formula (`expr`, which is a definition's body when `body` names one).
fn defined_near(
    body: &Node,
    expr: &Expr,
    vars: &[Symbol],
    p: &[Expr],
    point: &[Node],
    names: &dyn Names,
    what: &str,
) -> Result<(), Error> {
    let exact: Vec<(Symbol, Expr)> = vars.iter().cloned().zip(p.iter().cloned()).collect();
    let Some(values) = domain::decimals(&exact) else {
        return Ok(());
    };
    let at = domain::Point { values: &values };
    domain::check_node(body, names, &at, what)?;
    let label = match defined_name(body, names) {
        Some(name) => {
            let inputs: Vec<String> = vars.iter().map(|v| unicode_name(v)).collect();
            format!("{name}({})", inputs.join(", "))
        }
        None => expr.unicode(),
    };
    domain::check_expr(expr, &at, what, &label).map_err(|e| e.at(Span::of(point)))
}

/// The numbers in an entry must have a value: not ln(0), not 1/0, not a/0.
pub(super) fn check_value(entry: &Expr, span: Span) -> Result<(), Error> {
    match decimal_value(entry) {
        Ok(_) => Ok(()),
        Err(e) => Err(Error::new(
            Phase::Computing,
            format!("{} has no value: {e}", entry.unicode()),
        )
        .with_kind(ErrorKind::NoValue)
        .at(span)),
    }
}

pub(super) fn computing(e: EvalError, at: &[Node]) -> Error {
    match &e {
        EvalError::Unbound(name) => Error::new(
            Phase::Computing,
            format!("{name} has no value at this point"),
        ).with_kind(ErrorKind::NoValue)
        .at(Span::of(at))
        .with_help(format!(
            "the point gives values to the listed variables only: write a number in place of {name}, or list {name} among the variables"
        )),
        _ => Error::new(Phase::Computing, format!("at this point: {e}")).with_kind(ErrorKind::NoValue)
            .at(Span::of(at))
            .with_help("try a point where the function and its slopes are defined"),
    }
}
