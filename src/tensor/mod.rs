//! Sums, vectors and matrices as papers write them: `Σ_i (y_i − w x_i)²`, `xᵀAx`, `‖Wx − y‖²`.
//!
//! A line with such notation is read by `syntax::tensor` into the formulas here; their
//! shapes are worked out (`shape`), and their derivatives found by named identities (`sums`,
//! `gradient`, `jacobian`), each step stating the shapes it joins, when `engine::tensor`
//! answers the line. Scalar parts stay `Expr` and use the scalar engine.

mod answer;
mod ast;
mod by_entries;
mod dims;
mod entries;
mod gradient;
mod jacobian;
mod notation;
mod numeric;
mod print;
mod shape;
mod simplify;
mod sums;

pub use answer::{IdentityAnswer, ShapedAnswer, SumAnswer, TensorAnswer};
pub use ast::{Elementwise, Fun, Tensor};
pub use by_entries::{by_entries, ByEntries};
pub use dims::{Declaration, Dim, Shape};
pub use entries::{entries, entry_name, name_grid, small, Grid, Named};
pub use gradient::{gradient, IdentityStep, MatrixRule, Stuck};
pub use jacobian::jacobian;
pub use notation::{notation_in, Found, Notation};
pub use numeric::{eval, Dense};
pub use print::{latex, text};
pub use shape::{dim, Env, Mismatch};
pub use simplify::simplify;
pub use sums::{differentiate, Range, SumTerm, SumWay};
