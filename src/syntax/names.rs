//! What reading needs from a session: the functions and values the learner defined.

use crate::expr::{Expr, Symbol};

/// A function the learner defined, or one of its derivatives.
#[derive(Clone, Debug)]
pub struct Function {
    pub params: Vec<Symbol>,
    pub body: Expr,
}

/// A vector the learner defined, such as `r(t) = (cos t, sin t, t)`: one formula per component.
#[derive(Clone, Debug)]
pub struct Vector {
    pub params: Vec<Symbol>,
    pub components: Vec<Expr>,
}

/// The names a line is read against.
pub trait Names {
    /// The function `name` differentiated `primes` times (0: the function itself).
    fn function(&self, name: &str, primes: u32) -> Option<Function>;
    /// The number of inputs of the function `name` (or vector of functions), if there is one.
    fn arity(&self, name: &str) -> Option<usize>;
    /// The value of a name defined with `name = …`, or `ans`.
    fn value(&self, name: &str) -> Option<Expr>;
    /// The vector `name`, when the learner defined one.
    fn vector(&self, _name: &str) -> Option<Vector> {
        None
    }
    /// The shape declared for `name` (`x: vector(n)`), and whether it is symmetric.
    fn shape(&self, _name: &str) -> Option<(crate::tensor::Shape, bool)> {
        None
    }
    /// Every defined name, for "did you mean".
    fn defined(&self) -> Vec<String> {
        Vec::new()
    }
}

/// No definitions at all: every name is a plain variable.
pub struct NoNames;

impl Names for NoNames {
    fn function(&self, _: &str, _: u32) -> Option<Function> {
        None
    }

    fn arity(&self, _: &str) -> Option<usize> {
        None
    }

    fn value(&self, _: &str) -> Option<Expr> {
        None
    }
}
