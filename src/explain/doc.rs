//! The neutral document an answer becomes: what is said, with the maths kept as expressions.
//!
//! Nothing here knows about terminals, characters or markup: a presenter (`crate::present`)
//! decides how each block, span and tag looks in its format.

use crate::engine::{ContourAnswer, Named, Plot};
use crate::expr::{Expr, Style, Symbol};
use crate::syntax::{Node, Statement};
use std::fmt;
use std::rc::Rc;

/// Longest expression shown inside a step, in characters, where a format shortens.
pub const STEP_BUDGET: usize = 160;
/// Longest result shown under the steps; `-q` always prints the whole result.
pub const RESULT_BUDGET: usize = 4000;
/// Longest entry of a many-variable answer shown in full text.
pub const ENTRY_BUDGET: usize = 400;

/// One answer, said: blocks in order, and what `-q` keeps of it.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
    pub quiet: Quiet,
}

/// What `-q` prints of a document.
#[derive(Clone, Debug, Default)]
pub enum Quiet {
    /// Nothing at all.
    #[default]
    Nothing,
    /// The result line alone.
    Result(Line),
    /// Every block: the answer is all result (a help page).
    Whole,
    /// Lines of their own: one per part of a `read` answer.
    Lines(Vec<Line>),
    /// Blocks of their own: a matrix result.
    Blocks(Vec<Block>),
}

#[derive(Clone, Debug)]
pub enum Block {
    /// How the line was read, echoed back.
    Reading(Box<Statement>),
    /// A remark on the reading ("log means the natural log here").
    Note(Line),
    /// A sentence of explanation, or a paragraph of a page: prose, wrapped to the width.
    Words(Line),
    /// Lines of one paragraph: text starts each on a line of its own, where a format that
    /// sets paragraphs runs them together (a sentence told in two lines).
    Lines(Vec<Line>),
    /// Prose under a heading, which a presenter may wrap to its width.
    Paragraph(Line),
    /// Terms and what each means, the meanings lined up in a column of their own (a page's
    /// list of commands, the glossary, the table of rules).
    Entries(Vec<(Line, Line)>),
    /// A space between parts of the answer.
    Gap,
    /// A tree of worked steps.
    Steps(Vec<StepItem>),
    /// The answer's value: `lead` (a label, or the left side of an equation), the exact
    /// value, and its decimal when that says more.
    Value {
        lead: Line,
        exact: Expr,
        decimal: Option<f64>,
    },
    /// A table: a heading row and rows of cells.
    Table {
        head: Vec<Line>,
        rows: Vec<Vec<Line>>,
    },
    /// Numbers on their way somewhere (a nudge's quotients, a limit's values): a column of
    /// inputs and columns of values, decimal points lined up under headings that start where
    /// the values do; in text the inputs are right-aligned in at least `inputs` columns.
    /// A row's remark (`← rounding`) follows its last value, a column of its own in a grid.
    Numbers {
        head: Vec<Line>,
        rows: Vec<Vec<Line>>,
        remarks: Vec<Option<Line>>,
        inputs: usize,
    },
    /// A matrix of expressions, rows of equal length.
    Matrix(Vec<Vec<Expr>>),
    /// A picture already drawn as rows of characters (a plot), never wrapped.
    Picture(Vec<String>),
    /// Curves on axes, with a legend line for each: a picture each format draws its own way.
    /// `caption` says what it shows where the picture is set apart from the words (LaTeX,
    /// Markdown); text draws it with its legend and needs none.
    Plot {
        plot: Box<Plot>,
        legend: Vec<Line>,
        caption: Line,
    },
    /// A contour map, with the gradient's arrow at its point.
    Contour(Box<ContourAnswer>),
    /// Blocks that belong to the item above them, set in under it by `by` columns.
    Indent { by: usize, body: Vec<Block> },
    /// A picture drawn twice, never wrapped: with Unicode box characters, and in plain ASCII
    /// for `--ascii` (a backpropagation's graph).
    Drawing {
        unicode: Vec<String>,
        ascii: Vec<String>,
    },
    /// Blocks set in by one level, the first line led by `lead` (`column 2: `).
    Inset { lead: Line, body: Vec<Block> },
    /// A matrix of maths with `lead` before its middle row (`H = `), and under it, when
    /// given, its decimals led by `≈`; `tag` marks the whole matrix (the answer).
    Grid {
        lead: Line,
        rows: Vec<Vec<Math>>,
        decimals: Option<Vec<Vec<f64>>>,
        tag: Option<Tag>,
    },
}

/// A worked step, or a run of steps left out.
#[derive(Clone, Debug)]
pub enum StepItem {
    Step(Step),
    /// Steps left out, in words ("… 40 more chain levels").
    Elided(Line),
}

/// One rule applied: its title, the equation it gives, the lines under it, its substeps,
/// and the line that puts the substeps together.
#[derive(Clone, Debug)]
pub struct Step {
    /// The substep's part in its parent: `outer`, `inner`, `first factor`.
    pub label: Option<&'static str>,
    pub title: &'static str,
    pub equation: Math,
    pub lines: Vec<Line>,
    pub children: Vec<StepItem>,
    /// `outer × inner: cos(x²) · 2x = 2x·cos(x²)`.
    pub closing: Option<Line>,
}

/// A line of inline content.
pub type Line = Vec<Span>;

/// A piece of a line and how it stands out.
#[derive(Clone, Debug)]
pub struct Span {
    pub content: Inline,
    pub tag: Option<Tag>,
}

impl Span {
    pub fn tagged(content: impl Into<Inline>, tag: Tag) -> Span {
        Span {
            content: content.into(),
            tag: Some(tag),
        }
    }
}

impl<T: Into<Inline>> From<T> for Span {
    fn from(content: T) -> Span {
        Span {
            content: content.into(),
            tag: None,
        }
    }
}

/// What a span holds: words, maths, or words that mention maths and are spelled per style.
#[derive(Clone, Debug)]
pub enum Inline {
    Text(String),
    Math(Math),
    Spelled(Spelled),
}

impl From<&str> for Inline {
    fn from(text: &str) -> Inline {
        Inline::Text(text.to_string())
    }
}

impl From<String> for Inline {
    fn from(text: String) -> Inline {
        Inline::Text(text)
    }
}

impl From<Math> for Inline {
    fn from(math: Math) -> Inline {
        Inline::Math(math)
    }
}

impl From<Spelled> for Inline {
    fn from(spelled: Spelled) -> Inline {
        Inline::Spelled(spelled)
    }
}

/// Words with maths inside, written once the expression style is known; the bridge for
/// explanations (the rule catalogue) still worded as strings.
#[derive(Clone)]
pub struct Spelled(pub Rc<dyn Fn(Style) -> String>);

impl fmt::Debug for Spelled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(self.0)(Style::UNICODE))
    }
}

/// How a span stands out; each format maps tags to its own look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    /// A label at the start of a line: `Reading:`, `Meaning:`.
    Label,
    /// A remark to notice: `Note:`.
    Warning,
    /// A rule's title in a step.
    Rule,
    /// Explanations under a step, and things left out.
    Quiet,
    /// The final answer.
    Answer,
    /// A check that came out right: `✓`.
    Success,
    /// A failure: `error:` and the caret under its place.
    Error,
    /// A picture's n-th curve (from 0) and its swatch in the legend: each curve its own colour.
    Curve(usize),
    /// A contour map's level lines.
    Level,
    /// What a picture points at: a tangent's point, the level through a contour map's point.
    Marked,
    /// A contour map's gradient arrow, and a walk's path.
    Arrow,
}

/// Inline maths, kept as expressions and the shapes a derivation writes around them.
#[derive(Clone, Debug)]
pub enum Math {
    Expr(Expr),
    /// An expression beside an operator, bracketed when it would otherwise misread.
    Operand(Expr),
    /// `d/dx` applied to an expression: `d/dx (x²·sin(x))`, bracketed so it cannot misread.
    Derivative {
        var: Symbol,
        order: u32,
        partial: bool,
        of: Expr,
    },
    /// The learner's own name for a derivative: `f′(x)`, `dy/dx`, `d/dx f(2x)`.
    Named {
        named: Named,
        var: Symbol,
        order: u32,
        partial: bool,
    },
    /// A function applied to its inputs as the learner named it: `f(x, y)`.
    Call {
        name: Symbol,
        args: Vec<Expr>,
    },
    /// `g²` written out before simplifying.
    Squared(Expr),
    /// A power written as a power, where a rewriting shows it: `x^(-1)` for 1/x.
    Power {
        base: Expr,
        exponent: Expr,
    },
    /// The power rule's middle form before simplifying: `n·x^(n−1)`.
    PowerDown {
        exponent: Expr,
        base: Expr,
    },
    /// Terms added, a leading minus read as a subtraction: `2x - sin(x)`.
    Sum(Vec<Expr>),
    /// A product written out: `a · b`.
    Times(Box<Math>, Box<Math>),
    /// `a + b` and `a - b` written out.
    Plus(Box<Math>, Box<Math>),
    Minus(Box<Math>, Box<Math>),
    /// `top / bottom` written out.
    Over(Box<Math>, Box<Math>),
    /// Brackets written out.
    Group(Box<Math>),
    /// A vector of expressions: `(cos(t), sin(t), t)`.
    Tuple(Vec<Expr>),
    /// A decimal approximation, to six places.
    Decimal(f64),
    /// A formula with vectors and matrices: `(A + Aᵀ)x`.
    Tensor(crate::tensor::Tensor),
    /// Sides of an equation; a side that prints the same as the next is left out.
    Equation(Vec<Math>),
    /// The operator alone: `d/dx`, `∂/∂y`.
    Operator {
        var: Symbol,
        order: u32,
        partial: bool,
    },
    /// An indefinite integral: `∫ (x + 1) dx`.
    Integral {
        var: Symbol,
        of: Expr,
    },
    /// A definite integral: `∫_0^1 x² dx`.
    Definite {
        var: Symbol,
        lower: Expr,
        upper: Expr,
        of: Expr,
    },
    /// An integrand beside an operator, bracketed when it is a sum or starts with a minus.
    Integrand(Expr),
    /// The reverse power rule's middle form before simplifying: `x^(n+1)/(n+1)`.
    PowerUp {
        var: Symbol,
        exponent: Expr,
    },
    /// The n-th constant of integration: `C₁`; plain `C` for 0.
    Constant(u32),
    /// Maths and its decimal approximation: `1/3 ≈ 0.333333`.
    Approx(Box<Math>, f64),
    /// Maths in a passing remark, kept to a step's length where a format shortens.
    Short(Box<Math>),
    /// An entry of a many-variable answer: a format that shortens keeps it to an entry's
    /// length, and says once that it did.
    Entry(Box<Math>),
    /// Partial derivatives taken in turn, the last variable first: `∂²/∂x∂y`.
    Partials(Vec<Symbol>),
    /// A formula and the shape it has: LaTeX sets it as `2A^{⊤}(Ax − b) ∈ ℝ^{n}`; text, which
    /// says the shape in words beside the formula, writes the formula alone.
    Sized {
        of: crate::tensor::Tensor,
        shape: crate::tensor::Shape,
    },
    /// The gradient of a function: `∇f`, `∇(x²·y)`; `grad f` in ASCII.
    Gradient(Box<Math>),
    /// A length: `|∇f|`.
    Norm(Box<Math>),
    /// A square root written out: `√(4² + 1²)`; `√5` and `√x` when it holds a bare number or
    /// name (an expression, not a grouping) and the style is Unicode.
    Root(Box<Math>),
    /// Squares added, each bracketed unless it is a whole number or a single name:
    /// `4² + (1/9)²`.
    Squares(Vec<Expr>),
    /// A vector as a result: `(2x, 3)` inline in text, a column where maths is displayed.
    Column(Vec<Expr>),
    /// A vector of decimals, to six places: `(0.447214, 0.894427)`.
    Decimals(Vec<f64>),
    /// A minus sign before maths: `−∇f`.
    Negated(Box<Math>),
    /// A quotient written on one line, an expression on either side bracketed unless it
    /// reads whole: `∇f/|∇f|`, `(12, 1)/√145`, `(14/3)/√2`.
    Slash(Box<Math>, Box<Math>),
    /// A dot product written out, pair by pair: `(2/3)·1 + 4·1`.
    Dot(Vec<(Expr, Expr)>),
    /// An operator set before what it acts on: `d/dt (cos(t), sin(t))`.
    OperatorOn(Box<Math>, Box<Math>),
    /// An expression as the learner typed it, not as simplified: `(1 + 1/n)ⁿ`.
    Typed(Box<Node>),
    /// A function applied to maths written out: `f(3 + h)`.
    Apply {
        name: Symbol,
        arg: Box<Math>,
    },
    /// The point-slope form of a tangent before simplifying, written without `1·` or `+ -`:
    /// `2(x - 1) + 1` for the slope 2 at (1, 1).
    PointSlope {
        var: Symbol,
        at: Expr,
        slope: Expr,
        value: Expr,
    },
    /// A number written out to the digits a table shows: `6.10000000`, `1.0000e10`.
    Numeral(String),
    /// A vector as a result, each entry maths of its own: `(√2/2 ≈ 0.707107, 3)` inline in
    /// text, a column where maths is displayed.
    Vector(Vec<Math>),
}

impl Math {
    pub fn times(a: Math, b: Math) -> Math {
        Math::Times(Box::new(a), Box::new(b))
    }

    pub fn plus(a: Math, b: Math) -> Math {
        Math::Plus(Box::new(a), Box::new(b))
    }

    pub fn minus(a: Math, b: Math) -> Math {
        Math::Minus(Box::new(a), Box::new(b))
    }

    pub fn over(a: Math, b: Math) -> Math {
        Math::Over(Box::new(a), Box::new(b))
    }

    pub fn group(a: Math) -> Math {
        Math::Group(Box::new(a))
    }

    pub fn entry(a: Math) -> Math {
        Math::Entry(Box::new(a))
    }

    pub fn short(a: Math) -> Math {
        Math::Short(Box::new(a))
    }

    pub fn gradient(of: Math) -> Math {
        Math::Gradient(Box::new(of))
    }

    pub fn norm(of: Math) -> Math {
        Math::Norm(Box::new(of))
    }

    pub fn root(of: Math) -> Math {
        Math::Root(Box::new(of))
    }

    pub fn negated(of: Math) -> Math {
        Math::Negated(Box::new(of))
    }

    pub fn operator_on(op: Math, to: Math) -> Math {
        Math::OperatorOn(Box::new(op), Box::new(to))
    }

    pub fn slash(a: Math, b: Math) -> Math {
        Math::Slash(Box::new(a), Box::new(b))
    }

    pub fn symbol(name: &Symbol) -> Math {
        Math::Expr(Expr::symbol(name.clone()))
    }
}
