//! Reading typed maths: the pest grammar, the syntax tree, and how it becomes an expression.

mod ast;
mod lower;
mod notation;
mod parse;
mod parse_latex;
mod parse_notation;
mod reading;
mod reading_latex;
mod words;

pub use ast::{BinOp, Callee, Node, NodeKind, Span, Statement};
pub use lower::lower;
pub use notation::{unbold_letter, Name, NameStyle, Notation, Piece};
pub use parse::{parse, Note, Parsed, MAX_LINE_BYTES, MAX_NESTING, MAX_ORDER};
pub use reading::{reading, reading_of_statement};
pub use reading_latex::reading_latex;
