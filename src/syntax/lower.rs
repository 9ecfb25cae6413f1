//! From the syntax tree to a canonical expression.

use super::abstract_fn::{is_abstract_call, split_abstract_name};
use super::ast::{BinOp, Callee, Node, NodeKind, Span};
use super::builtin::{builtin, Builtin};
use super::names::{Names, NoNames, Vector};
use super::parse::MAX_NESTING;
use crate::error::{Error, ErrorKind, Phase};
use crate::expr::{slots_from_subscript, substitute, substitute_all, Expr, Func, Symbol};
use std::cell::RefCell;
use std::collections::HashMap;

/// Largest definition body nudge puts in place of a name, in nodes.
const MAX_EXPANSION: u32 = 200_000;

/// The expression a syntax tree stands for, simplified, with no names defined.
pub fn lower(node: &Node) -> Result<Expr, Error> {
    lower_in(node, &NoNames, &[])
}

/// The expression a syntax tree stands for, with the learner's names put in
/// place; names in `bound` (a function's inputs, the variable of a
/// derivative) stay variables.
pub fn lower_in(node: &Node, names: &dyn Names, bound: &[&str]) -> Result<Expr, Error> {
    let lowering = Lowering {
        names,
        bound,
        seen: RefCell::default(),
    };
    let e = lowering.lower(node)?;
    // However it was written (brackets, bare `sin sin … x`, towers of powers, expanded
    // definitions), an expression deeper than this would exhaust the stack later on.
    if e.depth() as usize > MAX_NESTING {
        return Err(Error::new(
            Phase::Reading,
            format!(
                "this is nested more than {MAX_NESTING} levels deep, more than nudge works with"
            ),
        )
        .at(node.span));
    }
    Ok(e)
}

struct Lowering<'a> {
    names: &'a dyn Names,
    bound: &'a [&'a str],
    /// What each name met so far stands for: a long sum names x thousands of times.
    seen: RefCell<HashMap<Box<str>, Expr>>,
}

impl Lowering<'_> {
    fn lower(&self, node: &Node) -> Result<Expr, Error> {
        Ok(match &node.kind {
            NodeKind::Number(n) => Expr::num(n.clone()),
            NodeKind::Constant(c) => Expr::constant(*c),
            NodeKind::Var(name) => self.variable(name, node)?,
            NodeKind::Apply { name, primes, args } => self.apply(name, *primes, args, node)?,
            NodeKind::Neg(inner) => Expr::neg(self.lower(inner)?),
            NodeKind::Paren(inner) => self.lower(inner)?,
            NodeKind::Binary(BinOp::Add | BinOp::Sub, ..) => {
                // A long chain a + b - c + … is built in one pass, not one sum per operator.
                let mut terms = Vec::new();
                self.collect_chain(node, &mut terms, true)?;
                Expr::add(terms)
            }
            NodeKind::Binary(BinOp::Mul | BinOp::Implicit, ..) => {
                let mut factors = Vec::new();
                self.collect_chain(node, &mut factors, false)?;
                Expr::mul(factors)
            }
            NodeKind::Binary(BinOp::Div, lhs, rhs) => {
                let (a, b) = (self.lower(lhs)?, self.lower(rhs)?);
                if b.is_zero() {
                    return Err(Error::new(Phase::Reading, "division by zero")
                        .with_kind(ErrorKind::DivisionByZero)
                        .at(rhs.span)
                        .with_help("what is below a fraction bar must not be 0"));
                }
                Expr::div(a, b)
            }
            NodeKind::Binary(BinOp::Pow, lhs, rhs) => {
                let (a, b) = (self.lower(lhs)?, self.lower(rhs)?);
                if a.is_zero() && b.as_number().is_some_and(|n| n.is_negative()) {
                    return Err(Error::new(
                        Phase::Reading,
                        "0 to a negative power divides by zero",
                    )
                    .with_kind(ErrorKind::DivisionByZero)
                    .at(node.span));
                }
                Expr::pow(a, b)
            }
            NodeKind::Call { callee, arg, power } => {
                let a = self.lower(arg)?;
                let value = match callee {
                    Callee::Named(f) => Expr::func(*f, a),
                    Callee::Exp => Expr::exp(a),
                    Callee::Sqrt => Expr::pow(a, Expr::ratio(1, 2)),
                    Callee::NaturalLog => Expr::func(Func::Ln, a),
                    Callee::LogBase(base) => {
                        let b = self.lower(base)?;
                        if b.as_number()
                            .is_some_and(|n| n.is_one() || n.is_zero() || n.is_negative())
                        {
                            return Err(Error::new(
                                Phase::Reading,
                                format!("a logarithm's base must be positive and not 1, but here it is {}", b.unicode()),
                            )
                            .at(base.span)
                            .with_help("a logarithm asks which power of its base gives the argument, so the base must be positive and not 1: try log_2 x, log_10 x or ln x"));
                        }
                        Expr::log(b, a)
                    }
                };
                match power {
                    Some(p) => Expr::pow(value, self.lower(p)?),
                    None => value,
                }
            }
        })
    }

    /// The operands of a left-leaning chain of + and − (`sum`) or of · (`!sum`), lowered.
    fn collect_chain(&self, node: &Node, out: &mut Vec<Expr>, sum: bool) -> Result<(), Error> {
        let mut rights = Vec::new();
        let mut current = node;
        loop {
            match &current.kind {
                NodeKind::Binary(op @ (BinOp::Add | BinOp::Sub), lhs, rhs) if sum => {
                    rights.push((*op == BinOp::Sub, rhs));
                    current = lhs;
                }
                NodeKind::Binary(BinOp::Mul | BinOp::Implicit, lhs, rhs) if !sum => {
                    rights.push((false, rhs));
                    current = lhs;
                }
                _ => break,
            }
        }
        out.push(self.lower(current)?);
        for (negate, rhs) in rights.into_iter().rev() {
            let e = self.lower(rhs)?;
            out.push(if negate { Expr::neg(e) } else { e });
        }
        Ok(())
    }

    fn variable(&self, name: &str, node: &Node) -> Result<Expr, Error> {
        if let Some(e) = self.seen.borrow().get(name) {
            return Ok(e.clone());
        }
        let e = self.look_up(name, node)?;
        self.seen.borrow_mut().insert(name.into(), e.clone());
        Ok(e)
    }

    fn look_up(&self, name: &str, node: &Node) -> Result<Expr, Error> {
        if self.bound.contains(&name) {
            return Ok(Expr::var(name));
        }
        if let Some(vector) = self.names.vector(name) {
            return Err(vector_in_formula(name, &vector, node.span));
        }
        match self.names.value(name) {
            Some(value) => Ok(value),
            None if name == "ans" => Err(Error::new(
                Phase::Reading,
                "ans stands for the last result, and there is none yet",
            )
            .at(node.span)
            .with_help("ask something first, such as d/dx x^3, then use ans")),
            // A function named alone, as in ∇f or d/dx f, stands for its formula.
            None => Ok(self
                .names
                .function(name, 0)
                .map_or_else(|| Expr::var(name), |f| f.body)),
        }
    }

    /// `f(2)`, `f'(x)`, `g(1, 2)`: the definition with its inputs replaced by the arguments.
    fn apply(&self, name: &str, primes: u32, args: &[Node], node: &Node) -> Result<Expr, Error> {
        if let Some(vector) = self.names.vector(name) {
            return Err(vector_in_formula(name, &vector, node.span));
        }
        if let Some(applied) = self.abstract_function(name, primes, args, node)? {
            return Ok(applied);
        }
        if let (Some(Builtin::One(f)), None) = (builtin(name), self.names.function(name, 0)) {
            return self.builtin_slope(f, primes, args, node);
        }
        let function = self.names.function(name, primes).ok_or_else(|| {
            Error::new(
                Phase::Reading,
                format!("{name} is not a function you have defined"),
            )
            .at(node.span)
        })?;
        if function.params.len() != args.len() {
            return Err(Error::new(
                Phase::Reading,
                format!(
                    "{name} takes {} inputs, but here it is given {}",
                    function.params.len(),
                    args.len()
                ),
            )
            .at(node.span));
        }
        let values = args
            .iter()
            .map(|a| self.lower(a))
            .collect::<Result<Vec<_>, _>>()?;
        check_expansion(name, &function.body, &values, node.span)?;
        Ok(substitute_all(&function.body, &function.params, &values))
    }
}

impl Lowering<'_> {
    /// `σ′(z)`, `ReLU″(x)`: the slope of a built-in function, worked out by its rule and then
    /// given the input.
    fn builtin_slope(
        &self,
        f: Func,
        primes: u32,
        args: &[Node],
        node: &Node,
    ) -> Result<Expr, Error> {
        let [arg] = args else {
            return Err(
                Error::new(Phase::Reading, format!("{} takes one input", f.name())).at(node.span),
            );
        };
        let u = Symbol::from("u");
        let mut slope = Expr::func(f, Expr::symbol(u.clone()));
        for _ in 0..primes {
            slope = crate::calculus::derive(&slope, &u).after;
        }
        Ok(substitute(&slope, &u, &self.lower(arg)?))
    }

    /// `f(g(x))`, `f″(x)`, `g(x, y)`, `f_x(x, y)` with the name undefined: a function with
    /// no formula (the parser has already decided the call is one).
    fn abstract_function(
        &self,
        name: &str,
        primes: u32,
        args: &[Node],
        node: &Node,
    ) -> Result<Option<Expr>, Error> {
        if !is_abstract_call(self.names, name, primes, args) {
            return Ok(None);
        }
        let Some((base, subscript)) = split_abstract_name(name) else {
            return Ok(None);
        };
        let values = args
            .iter()
            .map(|a| self.lower(a))
            .collect::<Result<Vec<_>, _>>()?;
        let slots = if subscript.is_empty() {
            let mut slots = vec![0; values.len()];
            slots[0] = primes;
            slots
        } else {
            slots_from_subscript(subscript, &values).ok_or_else(|| {
                Error::new(
                    Phase::Reading,
                    format!("{name} names the slope of {base} by its inputs, but {subscript} does not say which of them"),
                )
                .at(node.span)
                .with_help(format!(
                    "after the _, write each input to nudge: a letter that fills exactly one input, as in {base}_x(x, y), or an input's number, as in {base}_1(x^2, y)"
                ))
            })?
        };
        Ok(Some(Expr::applied(Symbol::from(base), slots, values)))
    }
}

/// A vector used where one value is needed: `r + 1`, `d/dx F`, `sin(r(t))`.
fn vector_in_formula(name: &str, vector: &Vector, span: Span) -> Error {
    let shown: Vec<String> = vector.components.iter().map(Expr::unicode).collect();
    let help = match vector.params.as_slice() {
        [t] => format!(
            "on a line of its own, ask for {name}({t}) itself, its derivative {name}'({t}), its length |{name}'({t})| or its value {name}(2)"
        ),
        [] => format!("on a line of its own, {name} shows the vector, and jacobian({name}) its slopes"),
        params => {
            let point: Vec<String> = (1..=params.len()).map(|i| i.to_string()).collect();
            format!(
                "on a line of its own, ask for its slopes with jacobian({name}), or its value with {name}({})",
                point.join(", ")
            )
        }
    };
    Error::new(
        Phase::Reading,
        format!(
            "{name} is a vector, ({}), not a single value, so it cannot be used inside a formula",
            shown.join(", ")
        ),
    )
    .at(span)
    .with_help(help)
}

/// Putting `values` into the formula of `name` must not make an expression too large to work with.
pub fn check_expansion(name: &str, body: &Expr, values: &[Expr], span: Span) -> Result<(), Error> {
    let too_big = values
        .iter()
        .any(|v| u64::from(body.size()) * u64::from(v.size()) > u64::from(MAX_EXPANSION));
    if too_big {
        return Err(Error::new(
            Phase::Reading,
            format!("putting these inputs into {name} makes an expression too large to work with"),
        )
        .at(span));
    }
    Ok(())
}
