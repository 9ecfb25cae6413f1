//! From the syntax tree to a canonical expression.

use super::ast::{BinOp, Callee, Node, NodeKind};
use crate::error::{Error, Phase};
use crate::expr::{Expr, Func};

/// The expression a syntax tree stands for, simplified.
pub fn lower(node: &Node) -> Result<Expr, Error> {
    Ok(match &node.kind {
        NodeKind::Number(n) => Expr::num(n.clone()),
        NodeKind::Constant(c) => Expr::constant(*c),
        NodeKind::Var(name) => Expr::var(name),
        NodeKind::Neg(inner) => Expr::neg(lower(inner)?),
        NodeKind::Paren(inner) => lower(inner)?,
        NodeKind::Binary(op, lhs, rhs) => {
            let (a, b) = (lower(lhs)?, lower(rhs)?);
            match op {
                BinOp::Add => Expr::add(vec![a, b]),
                BinOp::Sub => Expr::sub(a, b),
                BinOp::Mul | BinOp::Implicit => Expr::mul(vec![a, b]),
                BinOp::Div => {
                    if b.is_zero() {
                        return Err(Error::new(Phase::Reading, "division by zero")
                            .at(rhs.span)
                            .with_help("what is below a fraction bar must not be 0"));
                    }
                    Expr::div(a, b)
                }
                BinOp::Pow => {
                    if a.is_zero() && b.as_number().is_some_and(|n| n.is_negative()) {
                        return Err(Error::new(
                            Phase::Reading,
                            "0 to a negative power divides by zero",
                        )
                        .at(node.span));
                    }
                    Expr::pow(a, b)
                }
            }
        }
        NodeKind::Call { callee, arg, power } => {
            let a = lower(arg)?;
            let value = match callee {
                Callee::Named(f) => Expr::func(*f, a),
                Callee::Exp => Expr::exp(a),
                Callee::Sqrt => Expr::pow(a, Expr::ratio(1, 2)),
                Callee::NaturalLog => Expr::func(Func::Ln, a),
                Callee::LogBase(base) => Expr::log(lower(base)?, a),
            };
            match power {
                Some(p) => Expr::pow(value, lower(p)?),
                None => value,
            }
        }
    })
}
