//! Values only where they exist: a value or slope at a point needs the function, as the
//! learner typed it, to be defined there. Simplifying can hide where it is not (√x² is x,
//! yet √(−4) has no value), so the check walks the line as typed, not the simplified form.

use crate::error::{Error, ErrorKind, Phase};
use crate::expr::{apply_func, eval, positive_for_log, power_value, show_value, EvalError, Expr};
use crate::expr::{Func, Symbol};
use crate::syntax::{lower_in, reading, BinOp, Callee, Names, Node, NodeKind, Span};

/// The values of a point, by name.
pub struct Point<'a> {
    pub values: &'a [(Symbol, f64)],
}

impl Point<'_> {
    fn get(&self, name: &str) -> Option<f64> {
        self.values
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| *v)
    }

    /// `x = -1` or `x = 1, y = 2`, for messages.
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .values
            .iter()
            .map(|(n, v)| format!("{} = {}", crate::expr::unicode_name(n), show_value(*v)))
            .collect();
        parts.join(", ")
    }
}

/// The decimals of a point given exactly; `None` when a value has no decimal.
pub fn decimals(values: &[(Symbol, Expr)]) -> Option<Vec<(Symbol, f64)>> {
    values
        .iter()
        .map(|(n, e)| {
            eval(e, &|_| None)
                .ok()
                .filter(|v| v.is_finite())
                .map(|v| (n.clone(), v))
        })
        .collect()
}

/// An error when `node` (as typed) has no value at the point; `what` says what was asked
/// ("slope", "value"). Parts whose value is unknown (a letter the point leaves out) pass.
pub fn check_node(node: &Node, names: &dyn Names, point: &Point, what: &str) -> Result<(), Error> {
    let walker = Walker { names, point };
    match walker.value(node) {
        Ok(_) => Ok(()),
        Err((why, part)) => Err(undefined(what, point, &why, Some(part), "")),
    }
}

/// An error when the formula `body` (a definition, already simplified, called `label`)
/// has no value at the point.
pub fn check_expr(body: &Expr, point: &Point, what: &str, label: &str) -> Result<(), Error> {
    match eval(body, &|n| point.get(n)) {
        Err(EvalError::Unbound(_)) | Ok(_) => Ok(()),
        Err(why) => Err(undefined(what, point, &why, None, label)),
    }
}

fn undefined(
    what: &str,
    point: &Point,
    why: &EvalError,
    part: Option<(Span, String)>,
    label: &str,
) -> Error {
    let place = point.describe();
    let (message, span) = match part {
        Some((span, shown)) => (
            format!("{shown} has no value at {place}, so there is no {what} there: {why}"),
            Some(span),
        ),
        None => (
            format!("{label} has no value at {place}, so there is no {what} there: {why}"),
            None,
        ),
    };
    let error = Error::new(Phase::Computing, message)
        .with_kind(ErrorKind::NoValue)
        .with_help(
        "a value or slope exists only where the function itself is defined: try a point inside its domain",
    );
    match span {
        Some(span) => error.at(span),
        None => error,
    }
}

struct Walker<'a> {
    names: &'a dyn Names,
    point: &'a Point<'a>,
}

/// Why a part has no value, and where it is with how it reads.
type Failure = (EvalError, (Span, String));

impl Walker<'_> {
    fn fail(&self, why: EvalError, node: &Node) -> Failure {
        (why, (node.span, reading(node, true)))
    }

    /// The value of a part, `None` when it cannot be known (a letter with no value).
    fn value(&self, node: &Node) -> Result<Option<f64>, Failure> {
        let known =
            |r: Result<f64, EvalError>, at: &Node| r.map(Some).map_err(|e| self.fail(e, at));
        Ok(match &node.kind {
            NodeKind::Number(n) => Some(n.to_f64()),
            NodeKind::Constant(c) => Some(c.value()),
            NodeKind::Var(name) => self.variable(name),
            NodeKind::Neg(a) | NodeKind::Paren(a) => {
                let v = self.value(a)?;
                if matches!(node.kind, NodeKind::Neg(_)) {
                    v.map(|v| -v)
                } else {
                    v
                }
            }
            NodeKind::Binary(op, a, b) => {
                let (x, y) = (self.value(a)?, self.value(b)?);
                let (Some(x), Some(y)) = (x, y) else {
                    return Ok(None);
                };
                match op {
                    BinOp::Add => Some(x + y),
                    BinOp::Sub => Some(x - y),
                    BinOp::Mul | BinOp::Implicit => Some(x * y),
                    BinOp::Div if y == 0.0 => return Err(self.fail(EvalError::DivisionByZero, b)),
                    BinOp::Div => Some(x / y),
                    BinOp::Pow => known(self.power(x, b, y), node)?,
                }
            }
            NodeKind::Call { callee, arg, power } => {
                let Some(v) = self.value(arg)? else {
                    return Ok(None);
                };
                let out = match callee {
                    Callee::Named(f) => known(apply_func(*f, v), node)?,
                    Callee::Exp => Some(v.exp()),
                    Callee::Sqrt if v < 0.0 => {
                        return Err(self.fail(
                            EvalError::Domain(format!(
                                "a square root needs a number that is not negative, but here it gets {}",
                                show_value(v)
                            )),
                            node,
                        ))
                    }
                    Callee::Sqrt => Some(v.sqrt()),
                    Callee::NaturalLog => known(apply_func(Func::Ln, v), node)?,
                    Callee::LogBase(base) => match self.value(base)? {
                        Some(b) if b > 0.0 && b != 1.0 => {
                            Some(known(positive_for_log(v), node)?.unwrap_or(v).ln() / b.ln())
                        }
                        _ => None,
                    },
                };
                match (out, power) {
                    (Some(x), Some(p)) => match self.value(p)? {
                        Some(y) => known(self.power(x, p, y), node)?,
                        None => None,
                    },
                    (out, _) => out,
                }
            }
            NodeKind::Apply { name, primes, args } => self.call(name, *primes, args, node)?,
        })
    }

    fn variable(&self, name: &str) -> Option<f64> {
        if let Some(v) = self.point.get(name) {
            return Some(v);
        }
        let value = self.names.value(name)?;
        eval(&value, &|n| self.point.get(n)).ok()
    }

    /// `x^y` as typed: 0 to a power that is not positive has no value, and a root of a
    /// negative number only when it is odd (the exponent read exactly).
    fn power(&self, x: f64, exponent: &Node, y: f64) -> Result<f64, EvalError> {
        if x == 0.0 && y <= 0.0 {
            return Err(EvalError::Domain(format!(
                "0 to the power {} has no value",
                show_value(y)
            )));
        }
        if x < 0.0 && y.fract() != 0.0 {
            let exact = lower_in(exponent, self.names, &[]).unwrap_or_else(|_| Expr::int(0));
            return power_value(x, &exact, y);
        }
        power_value(x, &Expr::int(0), y)
    }

    /// A defined function at its inputs: the function itself and the derivative asked for
    /// must both have values there.
    fn call(
        &self,
        name: &str,
        primes: u32,
        args: &[Node],
        node: &Node,
    ) -> Result<Option<f64>, Failure> {
        let mut values = Vec::with_capacity(args.len());
        for a in args {
            values.push(self.value(a)?);
        }
        let Some(values) = values.into_iter().collect::<Option<Vec<f64>>>() else {
            return Ok(None);
        };
        let mut out = None;
        for order in [0, primes] {
            let Some(f) = self.names.function(name, order) else {
                return Ok(None);
            };
            let at = |n: &str| {
                f.params
                    .iter()
                    .position(|p| &**p == n)
                    .map(|i| values[i])
                    .or_else(|| self.point.get(n))
            };
            match eval(&f.body, &at) {
                Ok(v) => out = Some(v),
                Err(EvalError::Unbound(_)) => return Ok(None),
                // The function itself is undefined there: say so of f(…), not of f′(…).
                Err(why) if order == 0 => {
                    let plain = Node {
                        kind: NodeKind::Apply {
                            name: name.to_string(),
                            primes: 0,
                            args: args.to_vec(),
                        },
                        span: node.span,
                    };
                    return Err(self.fail(why, &plain));
                }
                Err(why) => return Err(self.fail(why, node)),
            }
        }
        Ok(out)
    }
}
