//! The syntax tree: what the learner typed, with character spans, before any simplification.

use super::multivar_ast::MultivarQuery;
use super::notation::Notation;
use super::seeing_ast::SeeingQuery;
use crate::expr::{Constant, Func, Number};

pub use crate::span::Span;

// Spans are defined below syntax, for errors to point with; what only a syntax tree can say
// about them is added here.
impl Span {
    /// From the first node to the last: a list's entries, without its brackets.
    pub fn of(nodes: &[Node]) -> Span {
        match (nodes.first(), nodes.last()) {
            (Some(a), Some(b)) => a.span.to(b.span),
            _ => Span::new(0, 0),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    /// Multiplication written by juxtaposition: `2x`, `x y`, `(x+1)(x-1)`.
    Implicit,
    Div,
    Pow,
}

/// What a function name stands for.
#[derive(Clone, Debug)]
pub enum Callee {
    Named(Func),
    /// `exp(u)`, read as e^u.
    Exp,
    /// `sqrt(u)` or `√u`.
    Sqrt,
    /// `log(u)` with no base: the natural log, as AI writing uses it.
    NaturalLog,
    /// `log_b(u)`.
    LogBase(Box<Node>),
}

#[derive(Clone, Debug)]
pub enum NodeKind {
    Number(Number),
    Constant(Constant),
    /// A variable, its name already in ASCII (`θ` is `theta`).
    Var(String),
    Neg(Box<Node>),
    Binary(BinOp, Box<Node>, Box<Node>),
    /// Brackets the learner typed; kept so the reading can show them.
    Paren(Box<Node>),
    /// A function call; `power` is the `2` of `sin^2 x`.
    Call {
        callee: Callee,
        arg: Box<Node>,
        power: Option<Box<Node>>,
    },
    /// A call of a function the learner defined: `f(2)`, `f'(x)`, `g(1, 2)`.
    Apply {
        name: String,
        /// How many primes: 1 for `f'(x)`, 2 for `f''(x)`.
        primes: u32,
        args: Vec<Node>,
    },
}

/// A whole line.
#[derive(Clone, Debug)]
pub enum Statement {
    /// A bare expression: read, simplified, evaluated when it has no variables.
    Expr(Node),
    /// `d/dx`, `d²/dx²`, `∂/∂x`, `diff(…)`, `partial(…)`.
    Derivative {
        body: Node,
        var: String,
        order: u32,
        partial: bool,
    },
    /// `read NOTATION`: notation to explain in words, not to compute.
    Read(Notation),
    /// `dy/dx`, `d²y/dx²`, `∂f/∂x`: the derivative of a defined name; `y'`, `f''` (no
    /// variable: the one the definition is written in).
    NamedDerivative {
        name: String,
        name_span: Span,
        var: Option<String>,
        order: u32,
        partial: bool,
    },
    /// `f(x) = …` (with parameters) or `y = …` (without); `r(t) = (…, …)` defines a vector.
    Define {
        name: String,
        name_span: Span,
        params: Vec<String>,
        body: Body<Node>,
    },
    /// `STATEMENT at x = 2` or `STATEMENT at (1, 2)`.
    At {
        inner: Box<Statement>,
        point: Point,
    },
    Command(Command),
    /// Gradients, Jacobians, Hessians, mixed partials, motion.
    Multivar(MultivarQuery),
    /// Tables and pictures: nudge tables, tangents, limits, plots, contours.
    Seeing(Box<SeeingQuery>),
    /// Backpropagation through named steps, and descent.
    Training(Box<super::training::TrainingQuery>),
    /// `check QUESTION = ANSWER`: is the learner's answer to the question right?
    Check {
        question: Box<Statement>,
        answer: Node,
    },
    /// `∫ f dx`, `integrate(f, x)`; with `bounds` (lower, upper) for `∫_a^b f dx`.
    Integral {
        body: Node,
        var: String,
        bounds: Option<(Node, Node)>,
    },
    /// Sums, vectors and matrices: `x: vector(n)`, `∂/∂x xᵀAx`, `d/dw Σ_i (y_i - w x_i)²`.
    Tensor(Box<super::tensor::TensorStatement>),
}

/// What a definition holds: one formula, or a vector of them (its components).
#[derive(Clone, Debug, PartialEq)]
pub enum Body<T> {
    Scalar(T),
    Vector(Vec<T>),
}

impl<T> Body<T> {
    /// Every formula: the one of a scalar, or each component of a vector.
    pub fn parts(&self) -> &[T] {
        match self {
            Body::Scalar(one) => std::slice::from_ref(one),
            Body::Vector(components) => components,
        }
    }

    /// The scalar formula, if this is not a vector.
    pub fn scalar(&self) -> Option<&T> {
        match self {
            Body::Scalar(one) => Some(one),
            Body::Vector(_) => None,
        }
    }

    /// The same shape with each formula mapped, stopping at the first error.
    pub fn try_map<U, E>(&self, mut f: impl FnMut(&T) -> Result<U, E>) -> Result<Body<U>, E> {
        Ok(match self {
            Body::Scalar(one) => Body::Scalar(f(one)?),
            Body::Vector(components) => {
                Body::Vector(components.iter().map(f).collect::<Result<_, _>>()?)
            }
        })
    }

    /// The formula as text: `x²` for a scalar, `(cos(t), sin(t), t)` for a vector.
    pub fn text(&self, show: impl Fn(&T) -> String) -> String {
        match self {
            Body::Scalar(one) => show(one),
            Body::Vector(components) => {
                let shown: Vec<String> = components.iter().map(show).collect();
                format!("({})", shown.join(", "))
            }
        }
    }
}

/// Where `at` evaluates.
#[derive(Clone, Debug)]
pub enum Point {
    /// `x = 2, y = 3`.
    Named(Vec<(String, Node)>),
    /// `(1, 2)`: values for the free variables in x, y, z order.
    Tuple(Vec<Node>),
}

impl Point {
    /// From the first value to the last; `None` when there is none.
    pub fn span(&self) -> Option<Span> {
        match self {
            Point::Named(bindings) => bindings.iter().map(|(_, n)| n.span).reduce(Span::to),
            Point::Tuple(nodes) => nodes.iter().map(|n| n.span).reduce(Span::to),
        }
    }
}

/// A word that asks the session to do something rather than compute.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `help` or `help TOPIC`.
    Help(Option<(String, Span)>),
    Rules,
    Glossary,
    /// List the definitions.
    Defs,
    /// Forget one definition.
    Undef(String, Span),
    /// Forget every definition and `ans`.
    Reset,
    Quit,
    /// List the lessons of the tour.
    Lessons,
    /// `lesson N`: what followed the word, unchecked.
    Lesson(Option<(String, Span)>),
    /// `practice` or `practice TOPIC`.
    Practice(Option<(String, Span)>),
}
