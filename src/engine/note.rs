//! Remarks on how a line was read, kept as data: `crate::explain` words them, and the
//! presenter prints their maths in the learner's style (Unicode or ASCII).

use crate::expr::{Expr, Symbol};
use crate::syntax::{self, Body, Node, Span};

#[derive(Clone, Debug)]
pub enum Note {
    /// A remark the reader made in words ("log means the natural log here").
    Read(syntax::Note),
    /// A defined value put in place of its name: y stands for √x.
    StandsFor {
        name: Symbol,
        value: Expr,
        span: Span,
    },
    /// `ans` put in place of the last result.
    LastResult { value: Expr, span: Span },
    /// A function's name alone, standing for its formula.
    Formula {
        name: Symbol,
        body: Body<Expr>,
        span: Span,
    },
    /// An exp/log pair undone while reading: `e^(x·ln a)` is the same as a^x.
    SameAs {
        typed: Box<Node>,
        simpler: Expr,
        span: Span,
    },
}

impl Note {
    /// The defined name a note puts in place, if it is about one.
    pub fn about(&self) -> Option<&str> {
        match self {
            Note::StandsFor { name, .. } | Note::Formula { name, .. } => Some(name),
            Note::LastResult { .. } => Some("ans"),
            Note::Read(_) | Note::SameAs { .. } => None,
        }
    }

    /// Where in the line the remark points.
    pub fn span(&self) -> Span {
        match self {
            Note::Read(note) => note.span,
            Note::StandsFor { span, .. }
            | Note::LastResult { span, .. }
            | Note::Formula { span, .. }
            | Note::SameAs { span, .. } => *span,
        }
    }
}
