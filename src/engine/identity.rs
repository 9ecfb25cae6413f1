//! The note for an exponential and a log that cancel as nudge reads a line: `e^(x·ln a)` is
//! a^x, `ln(e^x)` is x. Without it a learner following the e^(x·ln a) route sees no chain rule.

use super::{Note, Session};
use crate::expr::{Constant, Func, Kind};
use crate::syntax::{lower_in, BinOp, Callee, Node, NodeKind};

impl Session {
    /// `e^(x·ln a)` is a^x, `ln(e^x)` is x: simplification undoes an exp/log pair as it reads
    /// the line, so say so, or a learner following the e^(x·ln a) route sees no chain rule.
    pub(super) fn identity_note(&self, node: &Node, bound: &[&str]) -> Option<Note> {
        // An exponential cancels only with a log right inside it, and a log only with an
        // exponential: anything else is passed over without lowering it again, which would
        // cost the square of a deep nesting.
        let (operand, inverse): (&Node, fn(&Node) -> bool) = match &node.kind {
            NodeKind::Binary(BinOp::Pow, base, power)
                if matches!(base.kind, NodeKind::Constant(Constant::E)) =>
            {
                (power, is_log)
            }
            NodeKind::Call {
                callee: Callee::Exp,
                arg,
                power: None,
            } => (arg, is_log),
            NodeKind::Call {
                callee: Callee::NaturalLog | Callee::Named(Func::Ln) | Callee::LogBase(_),
                arg,
                power: None,
            } => (arg, is_exponential),
            _ => return None,
        };
        if !has_factor(operand, inverse) {
            return None;
        }
        // e^0 = 1 and ln e = 1 are values, not a rewriting of something that moves.
        if lower_in(operand, self, bound).ok()?.free_vars().is_empty() {
            return None;
        }
        let simpler = lower_in(node, self, bound).ok()?;
        let kept = match simpler.kind() {
            Kind::Pow(base, _) => matches!(base.kind(), Kind::Const(Constant::E)),
            Kind::Func(Func::Ln, _) | Kind::Log(..) => true,
            _ => false,
        };
        if kept {
            return None;
        }
        Some(Note::SameAs {
            typed: Box::new(node.clone()),
            simpler,
            span: node.span,
        })
    }
}

/// Whether `node`, or a factor of it (through brackets, signs, products and quotients), is
/// one that `wanted` picks out.
fn has_factor(node: &Node, wanted: fn(&Node) -> bool) -> bool {
    if wanted(node) {
        return true;
    }
    match &node.kind {
        NodeKind::Paren(inner) | NodeKind::Neg(inner) => has_factor(inner, wanted),
        NodeKind::Binary(BinOp::Mul | BinOp::Implicit | BinOp::Div, lhs, rhs) => {
            has_factor(lhs, wanted) || has_factor(rhs, wanted)
        }
        _ => false,
    }
}

/// `ln u`, `log u`, `log_b u`.
fn is_log(node: &Node) -> bool {
    matches!(
        &node.kind,
        NodeKind::Call {
            callee: Callee::NaturalLog | Callee::Named(Func::Ln) | Callee::LogBase(_),
            ..
        }
    )
}

/// `e^u`, `exp(u)`, `b^u`.
fn is_exponential(node: &Node) -> bool {
    matches!(
        &node.kind,
        NodeKind::Binary(BinOp::Pow, ..)
            | NodeKind::Call {
                callee: Callee::Exp,
                ..
            }
    )
}
