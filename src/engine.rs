//! One engine for every way in: a line of text becomes an `Outcome`, or an `Error`.

mod seeing;

pub use seeing::{
    Approach, ContourAnswer, Curve, Direction, GradientAt, LimitAnswer, NudgeAnswer, Plot,
    PlotSize, SeeingAnswer, TangentAnswer, Target, Verdict,
};
mod multivar;

pub use multivar::{Headline, MatrixAt, MultivarAnswer, Swapped};

use crate::calculus::{derive, Check, Detail, Rule, Step};
use crate::error::{Error, Phase};
use crate::expr::{eval, Expr, Symbol};
use crate::integrals::{definite, indefinite};
pub use crate::integrals::{ExactArea, Motion};
use crate::syntax::{lower, parse, Note, Statement};

/// What nudge worked out for one line.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The line as typed.
    pub input: String,
    pub statement: Statement,
    /// Remarks on how the line was read.
    pub notes: Vec<Note>,
    pub answer: Answer,
}

#[derive(Clone, Debug)]
pub enum Answer {
    /// A derivative of any order, ordinary or partial, with one step tree per order.
    Derivative {
        body: Expr,
        var: Symbol,
        order: u32,
        partial: bool,
        steps: Vec<Step>,
        result: Expr,
    },
    /// A bare expression, simplified; `value` when it has no variables.
    Expression { result: Expr, value: Option<f64> },
    /// Tables and pictures: nudge tables, tangents, limits, plots, contours.
    Seeing(Box<SeeingAnswer>),
    /// An antiderivative with its steps, checked by differentiating it back.
    /// `constant` numbers the constant of integration: C₁, C₂, … in a session.
    Integral {
        body: Expr,
        var: Symbol,
        steps: Step,
        result: Expr,
        check: Check,
        constant: u32,
        motion: Option<Motion>,
    },
    /// The area from `lower` to `upper`: exact through an antiderivative when
    /// one is known, and by numbers beside it.
    DefiniteIntegral {
        body: Expr,
        var: Symbol,
        lower: Expr,
        upper: Expr,
        exact: Option<ExactArea>,
        /// The exact value, or the numeric one when no antiderivative is known.
        result: Expr,
        /// The decimal value of `result`, when the bounds are numbers.
        value: Option<f64>,
        /// Adaptive Simpson's estimate, when the bounds are numbers.
        numeric: Option<f64>,
    },
    /// Gradients, Jacobians, Hessians, mixed partials, motion.
    Multivar(Box<MultivarAnswer>),
}

impl Outcome {
    /// The final expression of the answer; `None` when it is a table, a picture,
    /// a vector or a matrix.
    pub fn result(&self) -> Option<&Expr> {
        match &self.answer {
            Answer::Derivative { result, .. }
            | Answer::Expression { result, .. }
            | Answer::Integral { result, .. }
            | Answer::DefiniteIntegral { result, .. } => Some(result),
            Answer::Seeing(s) => match s.as_ref() {
                SeeingAnswer::Nudge(n) => n.slope.as_ref().ok(),
                SeeingAnswer::Tangent(t) => Some(&t.line),
                SeeingAnswer::Limit(l) => match &l.verdict {
                    Verdict::Value { named, .. } => named.as_ref(),
                    _ => None,
                },
                SeeingAnswer::Plot(_) | SeeingAnswer::Contour(_) => None,
            },
            Answer::Multivar(m) => match m.as_ref() {
                MultivarAnswer::MixedPartial { derivation, .. } => Some(&derivation.result),
                MultivarAnswer::Directional { directional, .. } => Some(&directional.value.exact),
                MultivarAnswer::Motion(m) => m.length.as_ref().map(|l| &l.result),
                _ => None,
            },
        }
    }

    /// The stable name of the answer's kind, as JSON reports it.
    pub fn kind(&self) -> &'static str {
        match &self.answer {
            Answer::Derivative { partial: true, .. } => "partial",
            Answer::Derivative { .. } => "derivative",
            Answer::Expression { value: Some(_), .. } => "value",
            Answer::Expression { .. } => "expression",
            Answer::Seeing(s) => match s.as_ref() {
                SeeingAnswer::Nudge(_) => "nudge_table",
                SeeingAnswer::Tangent(_) => "tangent",
                SeeingAnswer::Limit(_) => "limit",
                SeeingAnswer::Plot(_) => "plot",
                SeeingAnswer::Contour(_) => "contour",
            },
            Answer::Integral { .. } => "integral",
            Answer::DefiniteIntegral { .. } => "definite_integral",
            Answer::Multivar(m) => match m.as_ref() {
                MultivarAnswer::MixedPartial { .. } => "mixed_partial",
                MultivarAnswer::Gradient { .. } => "gradient",
                MultivarAnswer::Directional { .. } => "directional_derivative",
                MultivarAnswer::Jacobian { .. } => "jacobian",
                MultivarAnswer::Hessian { .. } => "hessian",
                MultivarAnswer::Motion(_) => "vector_derivative",
                MultivarAnswer::Literal { matrix: true, .. } => "matrix",
                MultivarAnswer::Literal { .. } => "vector",
            },
        }
    }
}

/// Definitions and history shared by the lines of one session.
#[derive(Debug, Default)]
pub struct Session {
    /// Room for plots and contour maps.
    plot_size: PlotSize,
    /// Constants of integration handed out so far.
    constants: u32,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// Plots drawn from now on fit this size.
    pub fn set_plot_size(&mut self, size: PlotSize) {
        self.plot_size = size;
    }

    /// Reads and answers one line.
    pub fn answer(&mut self, line: &str) -> Result<Outcome, Error> {
        let parsed = parse(line)?;
        let answer = match &parsed.statement {
            Statement::Expr(node) => expression(lower(node)?)?,
            Statement::Derivative {
                body,
                var,
                order,
                partial,
            } => derivative(lower(body)?, var, *order, *partial),
            Statement::Seeing(query) => {
                Answer::Seeing(Box::new(seeing::answer(query, self.plot_size)?))
            }
            Statement::Integral {
                body,
                var,
                bounds: None,
            } => {
                let answer = indefinite(lower(body)?, var, body.span, self.constants + 1)?;
                self.constants += 1;
                answer
            }
            Statement::Integral {
                body,
                var,
                bounds: Some((a, b)),
            } => definite(body, var, a, b)?,
            Statement::Multivar(query) => Answer::Multivar(Box::new(multivar::answer(query)?)),
        };
        Ok(Outcome {
            input: line.to_string(),
            statement: parsed.statement,
            notes: parsed.notes,
            answer,
        })
    }
}

fn expression(result: Expr) -> Result<Answer, Error> {
    let value = if result.free_vars().is_empty() {
        let v =
            eval(&result, &|_| None).map_err(|e| Error::new(Phase::Computing, e.to_string()))?;
        Some(v)
    } else {
        None
    };
    Ok(Answer::Expression { result, value })
}

/// The derivative of `body`, `order` times, each order with its own step tree.
pub fn derivative(body: Expr, var: &str, order: u32, partial: bool) -> Answer {
    let var = Symbol::from(var);
    let held: Vec<Symbol> = body.free_vars().into_iter().filter(|v| *v != var).collect();
    let mut steps = Vec::with_capacity(order as usize);
    let mut current = body.clone();
    for n in 1..=order {
        let mut step = derive(&current, &var);
        if partial {
            step = wrap(Rule::Partial, Detail::Partial { held: held.clone() }, step);
        }
        if order > 1 {
            step = wrap(Rule::HigherOrder, Detail::Order { n, of: order }, step);
        }
        current = step.after.clone();
        steps.push(step);
    }
    Answer::Derivative {
        body,
        var,
        order,
        partial,
        steps,
        result: current,
    }
}

fn wrap(rule: Rule, detail: Detail, inner: Step) -> Step {
    Step {
        rule,
        var: inner.var.clone(),
        before: inner.before.clone(),
        after: inner.after.clone(),
        detail,
        substeps: vec![inner],
    }
}
