//! Reading typed maths: the pest grammar, the syntax tree, and how it becomes an expression.

mod abstract_fn;
mod ast;
mod english;
mod inverse;
mod letters;
mod lower;
mod multivar_ast;
mod names;
mod notation;
mod parse;
mod parse_latex;
mod parse_multivar;
mod parse_notation;
mod parse_seeing;
mod reading;
mod reading_latex;
mod reading_latex_queries;
mod reading_multivar;
mod reading_seeing;
mod scientific;
mod seeing_ast;
mod training;
mod unsupported;
mod words;

pub use ast::{BinOp, Body, Callee, Command, Node, NodeKind, Point, Span, Statement};
pub use letters::KEPT_WORDS;
pub use lower::{check_expansion, lower, lower_in};
pub use multivar_ast::MultivarQuery;
pub use names::{Function, Names, NoNames, Vector};
pub use notation::{unbold_letter, Name, NameStyle, Notation, Piece};
pub use parse::{parse, parse_in, Note, Parsed, MAX_LINE_BYTES, MAX_NESTING, MAX_ORDER};
pub use parse_multivar::MAX_DIMENSION;
pub use reading::{prime_marks, reading, reading_of_statement};
pub use reading_latex::{node_latex, operand_latex, reading_latex};
pub use seeing_ast::{LimitTarget, PlotItem, SeeingQuery, Side};
pub use training::TrainingQuery;
