//! `sin⁻¹ x`, `sin^-1 x`, `\sin^{-1} x`: the inverse function, as every textbook means it,
//! never 1/sin x.

use super::ast::{Callee, Node, NodeKind, Span};
use super::parse::{Builder, Note};
use crate::error::{Error, Phase};
use crate::expr::Func;

/// Whether a function's power is -1 as typed: `⁻¹`, `^-1`, `^(-1)`, `^{-1}`.
fn is_minus_one(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Paren(inner) => is_minus_one(inner),
        NodeKind::Neg(inner) => matches!(&inner.kind, NodeKind::Number(n) if n.is_one()),
        NodeKind::Number(n) => n.is_integer() && n.to_i64() == Some(-1),
        _ => false,
    }
}

impl Builder<'_> {
    /// A function raised to -1 is its inverse: arcsin, arccos, arctan, with a note; any other
    /// function's inverse is an error that says how to write it.
    pub(super) fn inverse(
        &mut self,
        callee: Callee,
        power: Option<Box<Node>>,
        span: Span,
    ) -> Result<(Callee, Option<Box<Node>>), Error> {
        let Some(p) = power.as_deref().filter(|p| is_minus_one(p)) else {
            return Ok((callee, power));
        };
        let name = match &callee {
            Callee::Named(f) => f.name().to_string(),
            Callee::Exp => "exp".to_string(),
            Callee::Sqrt => "sqrt".to_string(),
            Callee::NaturalLog => "log".to_string(),
            Callee::LogBase(_) => "log".to_string(),
        };
        let inverse = match &callee {
            Callee::Named(Func::Sin) => Some(Func::Arcsin),
            Callee::Named(Func::Cos) => Some(Func::Arccos),
            Callee::Named(Func::Tan) => Some(Func::Arctan),
            _ => None,
        };
        let Some(inverse) = inverse else {
            let instead = match name.as_str() {
                "sec" => "the inverse secant is arccos(1/x)",
                "csc" => "the inverse cosecant is arcsin(1/x)",
                "cot" => "the inverse cotangent is arctan(1/x)",
                "sinh" => "the inverse of sinh is ln(x + sqrt(x^2 + 1))",
                "cosh" => "the inverse of cosh is ln(x + sqrt(x^2 - 1))",
                "tanh" => "the inverse of tanh is ln((1 + x)/(1 - x))/2",
                "exp" => "the inverse of exp is ln",
                "ln" | "log" => "the inverse of ln is exp, e^x",
                _ => "write the inverse by its formula",
            };
            return Err(Error::new(
                Phase::Parsing,
                format!(
                    "{name}⁻¹ is the inverse of {name}, which nudge does not have by that name"
                ),
            )
            .at(span.to(p.span))
            .with_help(format!("{instead}; for 1/{name} x write ({name} x)^-1")));
        };
        let inverse_name = inverse.name();
        self.notes.push(Note {
            message: format!(
                "{name}⁻¹ is read as the inverse function {inverse_name}, as textbooks mean it; for 1/{name} x write ({name} x)^-1"
            ),
            span: span.to(p.span),
        });
        Ok((Callee::Named(inverse), None))
    }
}
