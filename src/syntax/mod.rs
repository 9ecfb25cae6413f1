//! Reading typed maths: the pest grammar, the syntax tree, and how it becomes an expression.

mod ast;
mod lower;
mod names;
mod parse;
mod reading;
mod words;

pub use ast::{BinOp, Callee, Command, Node, NodeKind, Point, Span, Statement};
pub use lower::{lower, lower_in};
pub use names::{Function, Names, NoNames};
pub use parse::{parse, parse_in, Note, Parsed, MAX_LINE_BYTES, MAX_NESTING, MAX_ORDER};
pub use reading::{reading, reading_of_statement};
