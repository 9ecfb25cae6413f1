//! The engine's branch for vectors the learner defined: `r(2)`, `r'(t)`, `|r'(t)|`, `dr/dt`,
//! and any motion evaluated at one time.

use super::multivar::{check_value, computing, MultivarAnswer};
use super::{Answer, Definition, Named, Session};
use crate::calculus::motion::{motion, Motion};
use crate::error::{Error, ErrorKind, Phase};
use crate::expr::{substitute, substitute_all, Expr, Func, Kind, Symbol};
use crate::syntax::{
    check_expansion, lower_in, prime_marks, Callee, Names, Node, NodeKind, Point, Span, Vector,
};

impl Session {
    /// A line that is a defined vector on its own, its derivative or the derivative's length:
    /// `r`, `F(1, 2)`, `r'(t)`, `r''(2)`, `|r'(t)|`. `None` when the line is anything else.
    pub(super) fn vector_line(&self, node: &Node, bound: &[&str]) -> Option<Result<Answer, Error>> {
        let (inner, speed) = match &node.kind {
            NodeKind::Call {
                callee: Callee::Named(Func::Abs),
                arg,
                power: None,
            } => (arg.as_ref(), true),
            _ => (node, false),
        };
        let answer = match &inner.kind {
            NodeKind::Var(name) if !speed && !bound.contains(&name.as_str()) => {
                Ok(literal(self.vector(name)?.components))
            }
            NodeKind::Apply {
                name,
                primes: 0,
                args,
            } if !speed => self.vector_value(name, &self.vector(name)?, args, inner, bound),
            NodeKind::Apply { name, primes, args } if *primes > 0 && args.len() == 1 => {
                let vector = self.vector(name)?;
                self.vector_prime(name, &vector, *primes, &args[0], speed, bound)
            }
            // |r(t)|, |r(2)|: the length of the point itself, worked out as a speed is.
            NodeKind::Apply { name, args, .. } if args.len() == 1 => {
                let vector = self.vector(name).filter(|v| v.params.len() == 1)?;
                self.vector_prime(name, &vector, 0, &args[0], speed, bound)
            }
            _ => return None,
        };
        Some(answer.map(|m| Answer::Multivar(Box::new(m))))
    }

    /// `F(1, 2)`, `r(t)`: each component with the inputs put in.
    fn vector_value(
        &self,
        name: &str,
        vector: &Vector,
        args: &[Node],
        node: &Node,
        bound: &[&str],
    ) -> Result<MultivarAnswer, Error> {
        let values = args
            .iter()
            .map(|a| lower_in(a, self, bound))
            .collect::<Result<Vec<_>, _>>()?;
        let mut components = Vec::with_capacity(vector.components.len());
        for c in &vector.components {
            check_expansion(name, c, &values, node.span)?;
            let component = substitute_all(c, &vector.params, &values);
            check_value(&component, node.span)?;
            components.push(component);
        }
        Ok(literal(components))
    }

    /// `r'(t)`, `r''(s)`, `r'(2)`, and with `speed` the length `|r'(t)|`; no primes is `|r(t)|`.
    fn vector_prime(
        &self,
        name: &str,
        vector: &Vector,
        primes: u32,
        arg: &Node,
        speed: bool,
        bound: &[&str],
    ) -> Result<MultivarAnswer, Error> {
        let [param] = vector.params.as_slice() else {
            return Err(Error::new(
                Phase::Reading,
                format!("{name} does not have exactly one input, so a prime does not say which one to nudge"),
            ).with_kind(ErrorKind::AmbiguousPrime)
            .at(arg.span)
            .with_help(format!("ask for jacobian({name}) instead")));
        };
        let value = lower_in(arg, self, bound)?;
        let named = |arg: Expr| {
            Some(Named::Prime {
                name: Symbol::from(name),
                arg,
            })
        };
        if let Kind::Var(t) = value.kind() {
            let components: Vec<Expr> = vector
                .components
                .iter()
                .map(|c| substitute(c, param, &value))
                .collect();
            return Ok(MultivarAnswer::Motion {
                motion: motion(&components, t, primes, speed),
                named: named(value.clone()),
            });
        }
        if !value.free_vars().is_empty() {
            return Err(Error::new(
                Phase::Reading,
                format!(
                    "{name}{} takes one letter or one number as its input",
                    prime_marks(primes, true)
                ),
            ).with_kind(ErrorKind::BadPoint)
            .at(arg.span)
            .with_help(if primes == 0 {
                format!("write |{name}({param})| for its length, or |{name}(2)| for the length at {param} = 2")
            } else {
                format!("write {name}'({param}) for the derivative, or {name}'(2) for its value at {param} = 2")
            }));
        }
        let at = motion(&vector.components, param, primes, speed)
            .at(value)
            .map_err(|e| computing(e, std::slice::from_ref(arg)))?;
        Ok(MultivarAnswer::Motion {
            motion: at,
            named: named(Expr::symbol(param.clone())),
        })
    }

    /// `r'(t) at t = 2`, `d/dt (cos t, sin t, t) at t = 2`: a motion at one value of its variable.
    pub(super) fn motion_at(
        &self,
        motion: Motion,
        named: Option<Named>,
        point: &Point,
    ) -> Result<Answer, Error> {
        let var = motion.var.clone();
        let node = match point {
            Point::Named(bindings) => match bindings.as_slice() {
                [(v, node)] if **v == *var => Some(node),
                _ => None,
            },
            Point::Tuple(nodes) => match nodes.as_slice() {
                [node] => Some(node),
                _ => None,
            },
        };
        let (message, help) = match node {
            _ if motion.at.is_some() => (
                "this already has its point, so there is nothing left to put a value into"
                    .to_string(),
                format!("give the point once: in the brackets, or after at {var} ="),
            ),
            None => (
                format!("this moves with {var} alone, so the point gives {var} one value"),
                format!("write … at {var} = 2"),
            ),
            Some(node) => {
                let value = self.number(node)?;
                let motion = motion
                    .at(value)
                    .map_err(|e| computing(e, std::slice::from_ref(node)))?;
                return Ok(Answer::Multivar(Box::new(MultivarAnswer::Motion {
                    motion,
                    named,
                })));
            }
        };
        let error = Error::new(Phase::Reading, message)
            .with_kind(ErrorKind::BadPoint)
            .with_help(help);
        Err(match point.span() {
            Some(span) => error.at(span),
            None => error,
        })
    }
}

/// `dr/dt`, `d²r/dt²` of a defined vector: each component differentiated by `var`.
pub(super) fn named_motion(
    def: &Definition,
    components: &[Expr],
    var: &str,
    order: u32,
    partial: bool,
    span: Span,
) -> Result<Answer, Error> {
    if partial {
        let name = &def.name;
        return Err(Error::new(
            Phase::Reading,
            format!("{name} is a vector, so its partial derivatives fill a matrix, not one line"),
        )
        .with_kind(ErrorKind::NotAScalar)
        .at(span)
        .with_help(format!(
            "ask for jacobian({name}): ∂{name}/∂{var} is one of its columns"
        )));
    }
    let motion = motion(components, &Symbol::from(var), order, false);
    Ok(Answer::Multivar(Box::new(MultivarAnswer::Motion {
        motion,
        named: Some(Named::Leibniz {
            name: def.name.clone(),
            params: def.params.clone(),
        }),
    })))
}

/// A vector shown simplified, entry by entry.
fn literal(components: Vec<Expr>) -> MultivarAnswer {
    MultivarAnswer::literal(vec![components], false)
}
