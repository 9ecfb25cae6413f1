//! Sums, vectors and matrices as papers write them: `Σ_i (y_i − w x_i)²`, `xᵀAx`, `‖Wx − y‖²`.
//!
//! A line with such notation is read here (`parse`), its shapes worked out (`shape`), and
//! its derivatives found by named identities (`sums`, `gradient`, `jacobian`), each step
//! stating the shapes it joins. Scalar parts stay `Expr` and use the scalar engine.

mod ast;
mod by_entries;
mod dims;
mod entries;
mod gradient;
mod jacobian;
mod notation;
mod numeric;
mod parse;
mod print;
mod query;
mod reading;
mod shape;
mod simplify;
mod sums;

pub use ast::{Elementwise, Fun, Tensor};
pub use by_entries::{by_entries, ByEntries};
pub use dims::{Dim, Shape};
pub use entries::{entries, entry_name, name_grid, small, Grid, Named};
pub use gradient::{IdentityStep, MatrixRule};
pub use notation::{Found, Notation};
pub use numeric::{eval, Dense};
pub use parse::{claims, parse, read_needs_shapes, Declaration, Query, TensorStatement};
pub use print::{latex, text};
pub use query::{answer, IdentityAnswer, ShapedAnswer, SumAnswer, TensorAnswer};
pub use reading::{reading, reading_latex, shape_words};
pub use shape::Env;
pub use simplify::simplify;
pub use sums::{Range, SumTerm, SumWay};
