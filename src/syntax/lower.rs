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
        NodeKind::Binary(BinOp::Add | BinOp::Sub, ..) => {
            // A long chain a + b - c + … is built in one pass, not one sum per operator.
            let mut terms = Vec::new();
            collect_chain(node, &mut terms, true)?;
            Expr::add(terms)
        }
        NodeKind::Binary(BinOp::Mul | BinOp::Implicit, ..) => {
            let mut factors = Vec::new();
            collect_chain(node, &mut factors, false)?;
            Expr::mul(factors)
        }
        NodeKind::Binary(BinOp::Div, lhs, rhs) => {
            let (a, b) = (lower(lhs)?, lower(rhs)?);
            if b.is_zero() {
                return Err(Error::new(Phase::Reading, "division by zero")
                    .at(rhs.span)
                    .with_help("what is below a fraction bar must not be 0"));
            }
            Expr::div(a, b)
        }
        NodeKind::Binary(BinOp::Pow, lhs, rhs) => {
            let (a, b) = (lower(lhs)?, lower(rhs)?);
            if a.is_zero() && b.as_number().is_some_and(|n| n.is_negative()) {
                return Err(
                    Error::new(Phase::Reading, "0 to a negative power divides by zero")
                        .at(node.span),
                );
            }
            Expr::pow(a, b)
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

/// The operands of a left-leaning chain of + and − (`sum`) or of · (`!sum`), lowered.
fn collect_chain(node: &Node, out: &mut Vec<Expr>, sum: bool) -> Result<(), Error> {
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
    out.push(lower(current)?);
    for (negate, rhs) in rights.into_iter().rev() {
        let e = lower(rhs)?;
        out.push(if negate { Expr::neg(e) } else { e });
    }
    Ok(())
}
