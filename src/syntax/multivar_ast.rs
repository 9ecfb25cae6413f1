//! The syntax tree of the many-variable questions: partials, gradients, matrices, motion.

use super::ast::Node;

/// A many-variable question, as typed.
#[derive(Clone, Debug)]
pub enum MultivarQuery {
    /// `∂²/∂x∂y EXPR` or `partial(EXPR, y, x)`; `vars` in the order they are applied.
    MixedPartial { body: Node, vars: Vec<String> },
    /// `grad EXPR`, `∇EXPR`, `grad(EXPR, [x, y])`, optionally `at (…)`.
    Gradient {
        body: Node,
        vars: Option<Vec<String>>,
        at: Option<Vec<Node>>,
    },
    /// `ddir EXPR at (…) along (…)`.
    Directional {
        body: Node,
        vars: Option<Vec<String>>,
        at: Vec<Node>,
        along: Vec<Node>,
    },
    /// `jacobian([f1, f2], [x, y])`, optionally `at (…)`.
    Jacobian {
        outputs: Vec<Node>,
        vars: Option<Vec<String>>,
        at: Option<Vec<Node>>,
    },
    /// `hessian EXPR`, `hessian(EXPR, [x, y])`, optionally `at (…)`.
    Hessian {
        body: Node,
        vars: Option<Vec<String>>,
        at: Option<Vec<Node>>,
    },
    /// `(a, b)` (one row) or `[[a, b], [c, d]]`, simplified entry by entry.
    Literal { rows: Vec<Vec<Node>>, matrix: bool },
    /// `d/dt (cos t, sin t, t)`; `speed` for `|d/dt (…)|`.
    VectorDerivative {
        components: Vec<Node>,
        var: String,
        order: u32,
        speed: bool,
    },
}
