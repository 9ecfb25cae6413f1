//! One engine for every way in: a line of text becomes an `Outcome`, or an `Error`.

mod backprop;
pub mod checking;
mod descent;
mod domain;
mod graph;
mod graph_chain;
mod identity;
mod integrals;
pub mod judge;
mod multivar;
pub mod notation;
mod note;
mod seeing;
mod stopped;
mod tensor;
pub mod tour;
mod training;
mod vectors;

pub use backprop::{Agreement, BackLink, BackpropAnswer, BackpropNode, Role, Val};
pub use descent::{DescentAnswer, Iterate, Path, Run, MAX_STEPS};
pub use graph::{Graph, GraphNode};
pub use graph_chain::{ChainAnswer, Link};
pub use multivar::{Headline, MatrixAt, MultivarAnswer, Swapped};
pub use note::Note;
pub use seeing::{
    Approach, ContourAnswer, Curve, Direction, GradientAt, LimitAnswer, NudgeAnswer, Plot,
    PlotSize, SeeingAnswer, TangentAnswer, Target, Verdict,
};

use crate::budget;
use crate::calculus::multivar::decimal_value;
use crate::calculus::{derive, recognise, Check, Detail, Rule, Step};
use crate::error::{closest, Error, ErrorKind, Phase};
use crate::expr::{eval, substitute, unicode_name, EvalError, Expr, Symbol};
use crate::syntax::{
    lower_in, parse_in, Body, Callee, Command, Function, MultivarQuery, Names, Node, NodeKind,
    Point, Span, Statement, Vector,
};
use crate::tensor::TensorAnswer;
use crate::topic::Topic;
use integrals::{definite, indefinite};
pub use integrals::{ExactArea, Motion};
use notation::{analyse, NotationReading};
use tour::{Topic as PracticeTopic, TOUR};

/// Most slip notes on one line: past a few, more say nothing new.
const MAX_SLIP_NOTES: usize = 3;

/// Notes on spellings that probably read otherwise than meant (`e^3x`, `2x/x^2+1`), except
/// the fraction power `x^-1/2` when the reader has already noted it.
fn slip_notes(line: &str, noted: &[crate::syntax::Note]) -> Vec<crate::syntax::Note> {
    let fraction_noted = noted
        .iter()
        .any(|n| n.message.contains("binds tighter than /"));
    crate::syntax::slips(line)
        .into_iter()
        .filter(|s| !(s.is_fraction_power() && fraction_noted))
        .take(MAX_SLIP_NOTES)
        .map(|s| crate::syntax::Note {
            message: s.note(),
            span: Span::new(s.start, s.end),
        })
        .collect()
}

/// An integral needs a formula: an area or antiderivative of a function with no formula
/// (f undefined) is an error that says so, rather than a guess at why it failed.
fn no_formula_to_integrate(integrand: &Expr, node: &Node) -> Result<(), Error> {
    match integrand.first_abstract_function() {
        Some(name) => Err(Error::new(
            Phase::Computing,
            format!("{name} is not a function you have defined, so it has no formula to integrate"),
        )
        .with_kind(ErrorKind::NoAntiderivative)
        .at(node.span)
        .with_help(format!("define it first, as in {name}(x) = x^2"))),
        None => Ok(()),
    }
}

/// A learner's answer as read: see `Session::read_answer_as`.
#[derive(Clone, Debug)]
pub struct ReadAnswer {
    pub headline: Headline,
    pub statement: Statement,
    pub notes: Vec<Note>,
}

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
    Derivative(DerivativeAnswer),
    /// A bare expression, simplified; `value` when it has no variables.
    Expression(ExpressionAnswer),
    /// An antiderivative with its steps, checked by differentiating it back.
    /// `constant` numbers the constant of integration where it meets another in the
    /// integrand (∫ (a·t + C) dt gives C₁); 0 is a plain C.
    Integral(IntegralAnswer),
    /// The area from `lower` to `upper`: exact through an antiderivative when
    /// one is known, and by numbers beside it.
    DefiniteIntegral(AreaAnswer),
    /// Gradients, Jacobians, Hessians, mixed partials, motion.
    Multivar(Box<MultivarAnswer>),
    /// `read NOTATION`: what each part of the notation means.
    Notation(NotationReading),
    /// Tables and pictures: nudge tables, tangents, limits, plots, contours.
    Seeing(Box<SeeingAnswer>),
    /// Another answer's result evaluated at a point: exactly, and as a decimal unless a
    /// constant such as v0 is left in it.
    AtPoint(AtPointAnswer),
    /// A new definition; `replaced` is the one it took the place of.
    Defined(DefinedAnswer),
    /// `undef NAME`.
    Forgotten(Definition),
    /// `defs`: every definition, oldest first.
    Definitions(Vec<Definition>),
    /// `reset`: every definition and `ans` forgotten.
    Reset,
    Help(Help),
    Quit,
    /// `lessons`, `lesson N`, `practice TOPIC`: the terminal plays these.
    Tutor(Tutor),
    /// `check QUESTION = ANSWER`: the learner's answer judged.
    Check(Box<checking::Checked>),
    /// Sums, vectors and matrices: shapes declared, formulas shown with shapes, their slopes.
    Tensor(Box<crate::tensor::TensorAnswer>),
    /// Derivatives through named steps, backpropagation and descent.
    Training(Box<Training>),
}

/// A derivative of any order, ordinary or partial, with one step tree per order.
#[derive(Clone, Debug)]
pub struct DerivativeAnswer {
    pub body: Expr,
    pub var: Symbol,
    pub order: u32,
    pub partial: bool,
    pub steps: Vec<Step>,
    pub result: Expr,
    /// The learner's own name for it: `f′(x)`, `dy/dx`.
    pub named: Option<Named>,
}

/// A bare expression, simplified; `value` when it has no variables.
#[derive(Clone, Debug)]
pub struct ExpressionAnswer {
    pub result: Expr,
    pub value: Option<f64>,
}

/// An antiderivative with its steps, checked by differentiating it back.
/// `constant` numbers the constant of integration where it meets another in the
/// integrand (∫ (a·t + C) dt gives C₁); 0 is a plain C.
#[derive(Clone, Debug)]
pub struct IntegralAnswer {
    pub body: Expr,
    pub var: Symbol,
    pub steps: Step,
    pub result: Expr,
    pub check: Check,
    pub constant: u32,
    pub motion: Option<Motion>,
}

/// The area from `lower` to `upper`: exact through an antiderivative when
/// one is known, and by numbers beside it.
#[derive(Clone, Debug)]
pub struct AreaAnswer {
    pub body: Expr,
    pub var: Symbol,
    pub lower: Expr,
    pub upper: Expr,
    pub exact: Option<ExactArea>,
    /// The exact value, or the numeric one when no antiderivative is known.
    pub result: Expr,
    /// The decimal value of `result`, when the bounds are numbers.
    pub value: Option<f64>,
    /// The Gauss–Kronrod estimate and its error, when the bounds are numbers.
    pub numeric: Option<crate::area::NumericArea>,
    /// Whether the answer says how that estimate is made: the first time in a session.
    pub tell_method: bool,
}

/// Another answer's result evaluated at a point: exactly, and as a decimal unless a
/// constant such as v0 is left in it.
#[derive(Clone, Debug)]
pub struct AtPointAnswer {
    pub inner: Box<Answer>,
    pub point: Vec<(Symbol, Expr)>,
    pub result: Expr,
    pub value: Option<f64>,
}

/// A new definition; `replaced` is the one it took the place of.
#[derive(Clone, Debug)]
pub struct DefinedAnswer {
    pub definition: Definition,
    pub replaced: Option<Definition>,
}

/// The answers that follow a loss through its named steps.
#[derive(Clone, Debug)]
pub enum Training {
    /// `dL/dw` along L ← a ← z ← w: local derivatives multiplied, one product per path.
    Chain(ChainAnswer),
    /// `backprop L at …`: the forward pass, the backward pass, and every parameter's gradient.
    Backprop(BackpropAnswer),
    /// `descend f from … rate …`: gradient descent you can watch, one run per rate.
    Descent(DescentAnswer),
}

/// The learner's name for a derivative, so the answer can speak it back.
#[derive(Clone, Debug)]
pub enum Named {
    /// `f′(arg)`, `f″(arg)`.
    Prime { name: Symbol, arg: Expr },
    /// `dy/dx`, `∂f/∂x`; `params` are the function's inputs, none for a value.
    Leibniz { name: Symbol, params: Vec<Symbol> },
    /// `d/dx f(args)`.
    Applied { name: Symbol, args: Vec<Expr> },
}

impl Named {
    /// The defined name: `f`, `y`.
    pub fn name(&self) -> &Symbol {
        match self {
            Named::Prime { name, .. }
            | Named::Leibniz { name, .. }
            | Named::Applied { name, .. } => name,
        }
    }
}

/// A name the learner defined: `f(x) = …` has params, `y = …` has none;
/// `r(t) = (cos t, sin t, t)` is a vector.
#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    pub name: Symbol,
    pub params: Vec<Symbol>,
    pub body: Body<Expr>,
}

/// Which page of help to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Help {
    Overview,
    Topic(Topic),
    Rules,
    Glossary,
}

impl Answer {
    /// The final expression of the answer, when it computed one.
    pub fn result(&self) -> Option<&Expr> {
        match self {
            Answer::Derivative(DerivativeAnswer { result, .. })
            | Answer::Expression(ExpressionAnswer { result, .. })
            | Answer::Integral(IntegralAnswer { result, .. })
            | Answer::DefiniteIntegral(AreaAnswer { result, .. })
            | Answer::AtPoint(AtPointAnswer { result, .. }) => Some(result),
            Answer::Defined(DefinedAnswer { definition, .. }) => definition.body.scalar(),
            Answer::Multivar(m) => match m.as_ref() {
                MultivarAnswer::MixedPartial { derivation, .. } => Some(&derivation.result),
                MultivarAnswer::Directional { directional, .. } => Some(&directional.value.exact),
                MultivarAnswer::Motion { motion: m, .. } => match &m.at {
                    Some(at) => at.length.as_ref().map(|l| &l.exact),
                    None => m.length.as_ref().map(|l| &l.result),
                },
                _ => None,
            },
            Answer::Seeing(s) => match s.as_ref() {
                SeeingAnswer::Nudge(n) => n.slope.as_ref().ok(),
                SeeingAnswer::Tangent(t) => Some(&t.line),
                SeeingAnswer::Limit(l) => match &l.verdict {
                    Verdict::Value { named, .. } => named.as_ref(),
                    _ => None,
                },
                SeeingAnswer::Plot(_) | SeeingAnswer::Contour(_) => None,
            },
            Answer::Training(t) => match t.as_ref() {
                Training::Chain(chain) => Some(&chain.result),
                Training::Backprop(_) | Training::Descent(_) => None,
            },
            _ => None,
        }
    }
}

impl Outcome {
    /// Whether the learner typed a decimal (9.8, .5): results then print numbers that end as
    /// decimals that way too.
    pub fn typed_decimals(&self) -> bool {
        let chars: Vec<char> = self.input.chars().collect();
        chars.iter().enumerate().any(|(i, &c)| {
            c == '.'
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                && (i == 0 || !chars[i - 1].is_alphabetic())
        })
    }

    /// The final expression of the answer, when it computed one.
    pub fn result(&self) -> Option<&Expr> {
        self.answer.result()
    }

    /// The final answer: an expression, a vector or a matrix, when there is one.
    pub fn headline(&self) -> Option<Headline> {
        match &self.answer {
            Answer::Multivar(m) => Some(m.headline()),
            Answer::Defined(DefinedAnswer { definition, .. }) => Some(match &definition.body {
                Body::Scalar(e) => Headline::Scalar(e.clone()),
                Body::Vector(v) => Headline::Vector(v.clone()),
            }),
            Answer::Tensor(t) => t.entries().map(|grid| match grid.as_slice() {
                [row] if row.len() == 1 => Headline::Scalar(row[0].clone()),
                rows if rows.iter().all(|r| r.len() == 1) => {
                    Headline::Vector(rows.iter().map(|r| r[0].clone()).collect())
                }
                _ => Headline::Matrix(grid),
            }),
            _ => self.result().cloned().map(Headline::Scalar),
        }
    }

    /// The stable name of the answer's kind, as JSON reports it.
    pub fn kind(&self) -> &'static str {
        match &self.answer {
            Answer::Derivative(DerivativeAnswer { partial: true, .. }) => "partial",
            Answer::Derivative(_) => "derivative",
            Answer::Expression(ExpressionAnswer { value: Some(_), .. }) | Answer::AtPoint(_) => {
                "value"
            }
            Answer::Expression(_) => "expression",
            Answer::Notation(_) => "notation",
            Answer::Integral(_) => "integral",
            Answer::DefiniteIntegral(_) => "definite_integral",
            Answer::Multivar(m) => match m.as_ref() {
                MultivarAnswer::MixedPartial { .. } => "mixed_partial",
                MultivarAnswer::Gradient { .. } => "gradient",
                MultivarAnswer::Directional { .. } => "directional_derivative",
                MultivarAnswer::Jacobian { .. } => "jacobian",
                MultivarAnswer::Hessian { .. } => "hessian",
                MultivarAnswer::Motion { motion, .. } if motion.order == 0 => "vector_length",
                MultivarAnswer::Motion { .. } => "vector_derivative",
                MultivarAnswer::Literal { matrix: true, .. } => "matrix",
                MultivarAnswer::Literal { .. } => "vector",
            },
            Answer::Seeing(s) => match s.as_ref() {
                SeeingAnswer::Nudge(_) => "nudge_table",
                SeeingAnswer::Tangent(_) => "tangent",
                SeeingAnswer::Limit(_) => "limit",
                SeeingAnswer::Plot(_) => "plot",
                SeeingAnswer::Contour(_) => "contour",
            },
            Answer::Defined(_) => "definition",
            Answer::Forgotten(_) => "undefined",
            Answer::Definitions(_) => "definitions",
            Answer::Reset => "reset",
            Answer::Help(_) => "help",
            Answer::Quit => "quit",
            Answer::Check(_) => "check",
            Answer::Tutor(Tutor::List) => "lessons",
            Answer::Tutor(Tutor::Lesson(_)) => "lesson",
            Answer::Tutor(Tutor::Practice(_)) => "practice",
            Answer::Tensor(t) => match t.as_ref() {
                TensorAnswer::Declared(_) => "declaration",
                TensorAnswer::Shaped(_) => "shaped",
                TensorAnswer::Sum(_) => "sum_derivative",
                TensorAnswer::Identity(_) => "matrix_derivative",
                TensorAnswer::Read(_) => "notation",
                TensorAnswer::Gradient(_) => "sum_gradient",
            },
            Answer::Training(t) => match t.as_ref() {
                Training::Chain(_) => "chain",
                Training::Backprop(_) => "backprop",
                Training::Descent(_) => "descent",
            },
        }
    }
}

/// The mark in `Session::said` that Gauss–Kronrod has been explained.
const GAUSS_KRONROD_TOLD: &str = "method: adaptive Gauss–Kronrod";

/// Definitions and the last result, shared by the lines of one session.
#[derive(Clone, Debug, Default)]
pub struct Session {
    definitions: Vec<Definition>,
    /// The definitions made with `=` as named steps, for the chain through them.
    graph: Graph,
    ans: Option<Expr>,
    /// Room for plots and contour maps.
    plot_size: PlotSize,
    /// Remarks on how runs of letters are read, and methods explained, already in this session.
    said: std::collections::HashSet<String>,
    /// Shapes declared with `x: vector(n)`, `A: matrix(m, n)`.
    shapes: Vec<crate::tensor::Declaration>,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// Plots drawn from now on fit this size.
    pub fn set_plot_size(&mut self, size: PlotSize) {
        self.plot_size = size;
    }

    /// The definitions, oldest first.
    pub fn definitions(&self) -> &[Definition] {
        &self.definitions
    }

    /// Reads a line as an answer, without changing the session: an expression, or a vector or
    /// matrix typed out. Definitions and `ans` are known, as in any line.
    pub fn read_answer(&self, line: &str) -> Result<Headline, Error> {
        self.read_answer_as(line).map(|read| read.headline)
    }

    /// An answer as nudge read it: its value, the statement it was read as (for a
    /// `Read as:` line) and the remarks made while reading it.
    pub fn read_answer_as(&self, line: &str) -> Result<ReadAnswer, Error> {
        let outcome = self.clone().answer(line)?;
        let is_answer = match &outcome.statement {
            Statement::Expr(_)
            | Statement::Multivar(crate::syntax::MultivarQuery::Literal { .. }) => true,
            Statement::Tensor(t) => matches!(t.query, crate::syntax::TensorQuery::Show(_)),
            _ => false,
        };
        match (is_answer, outcome.headline()) {
            (true, Some(h)) => Ok(ReadAnswer {
                headline: h,
                statement: outcome.statement,
                notes: outcome.notes,
            }),
            _ => Err(Error::new(
                Phase::Reading,
                "an answer is the result itself: an expression, a vector or a matrix",
            )
            .with_kind(ErrorKind::NotAnAnswer)
            .at(Span::new(0, line.chars().count()))
            .with_help("write the result itself, such as 5x^4")),
        }
    }

    /// Reads and answers one line. Control characters in it are read as their visible
    /// stand-ins (`crate::visible`), so nothing taken from the line can drive a terminal.
    pub fn answer(&mut self, line: &str) -> Result<Outcome, Error> {
        let line = &*crate::visible::visible(line);
        let parsed = parse_in(line, self)?;
        let slips = slip_notes(line, &parsed.notes);
        let mut notes: Vec<Note> = parsed.notes.into_iter().map(Note::Read).collect();
        notes.extend(slips.into_iter().map(Note::Read));
        let said = &mut self.said;
        notes.extend(
            parsed
                .policy_notes
                .into_iter()
                .filter(|n| said.insert(n.message.clone()))
                .map(Note::Read),
        );
        notes.extend(self.name_notes(&parsed.statement));
        let mut answer = budget::run(budget::limits(), || self.statement(&parsed.statement, &[]))
            .map_err(|stop| stopped::stopped(stop, line, &parsed.statement))??;
        if let Answer::DefiniteIntegral(AreaAnswer {
            numeric: Some(_),
            tell_method,
            ..
        }) = &mut answer
        {
            *tell_method = self.said.insert(GAUSS_KRONROD_TOLD.to_string());
        }
        stopped::written_size(&answer, line, &parsed.statement)?;
        if let Some(result) = answer.result() {
            if !matches!(answer, Answer::Defined(_)) {
                self.ans = Some(result.clone());
            }
        }
        Ok(Outcome {
            input: line.to_string(),
            statement: parsed.statement,
            notes,
            answer,
        })
    }

    /// One note for each defined value a line uses, so the learner sees what was put in its place,
    /// and one for each exp/log pair that undoes itself, so the learner sees what nudge works with.
    fn name_notes(&self, statement: &Statement) -> Vec<Note> {
        let mut notes = Vec::new();
        self.statement_names(statement, &[], &mut notes);
        notes
    }

    fn statement_names(&self, statement: &Statement, bound: &[&str], notes: &mut Vec<Note>) {
        let with = |extra: &[&str]| -> Vec<String> {
            bound
                .iter()
                .chain(extra)
                .map(|s| (*s).to_string())
                .collect()
        };
        match statement {
            Statement::Expr(node) => self.node_names(node, bound, notes),
            Statement::Check { question, answer } => {
                self.statement_names(question, bound, notes);
                self.node_names(answer, bound, notes);
            }
            Statement::Derivative { body, var, .. } => {
                let b = with(&[var]);
                let b: Vec<&str> = b.iter().map(String::as_str).collect();
                self.node_names(body, &b, notes);
            }
            Statement::Integral { body, var, bounds } => {
                let b = with(&[var]);
                let b: Vec<&str> = b.iter().map(String::as_str).collect();
                self.node_names(body, &b, notes);
                if let Some((lo, hi)) = bounds {
                    self.node_names(lo, bound, notes);
                    self.node_names(hi, bound, notes);
                }
            }
            Statement::Define { params, body, .. } => {
                let p: Vec<&str> = params.iter().map(String::as_str).collect();
                let b = with(&p);
                let b: Vec<&str> = b.iter().map(String::as_str).collect();
                for part in body.parts() {
                    self.node_names(part, &b, notes);
                }
            }
            // jacobian(F) of a defined vector F: say what F stands for.
            Statement::Multivar(MultivarQuery::Jacobian { outputs, .. }) => {
                for output in outputs {
                    self.node_names(output, bound, notes);
                }
            }
            Statement::At { inner, point } => {
                let (names, values): (Vec<&str>, Vec<&Node>) = match point {
                    Point::Named(bindings) => bindings.iter().map(|(v, n)| (v.as_str(), n)).unzip(),
                    Point::Tuple(nodes) => (Vec::new(), nodes.iter().collect()),
                };
                let b = with(&names);
                let b: Vec<&str> = b.iter().map(String::as_str).collect();
                self.statement_names(inner, &b, notes);
                for v in values {
                    self.node_names(v, bound, notes);
                }
            }
            Statement::Seeing(query) => {
                for (node, vars) in query.parts() {
                    let b = with(&vars);
                    let b: Vec<&str> = b.iter().map(String::as_str).collect();
                    self.node_names(node, &b, notes);
                }
            }
            Statement::Training(query) => {
                for (node, vars) in query.parts() {
                    let b = with(&vars);
                    let b: Vec<&str> = b.iter().map(String::as_str).collect();
                    self.node_names(node, &b, notes);
                }
            }
            Statement::NamedDerivative { .. }
            | Statement::Multivar(_)
            | Statement::Command(_)
            | Statement::Read(_)
            | Statement::Tensor(_) => {}
        }
    }

    fn node_names(&self, node: &Node, bound: &[&str], notes: &mut Vec<Note>) {
        if let Some(note) = self.identity_note(node, bound) {
            notes.push(note);
        }
        match &node.kind {
            NodeKind::Var(name) if !bound.contains(&name.as_str()) => {
                let span = node.span;
                let note = match (self.value(name), self.lookup(name)) {
                    (Some(value), _) if name == "ans" => Note::LastResult { value, span },
                    (Some(value), _) => Note::StandsFor {
                        name: Symbol::from(name.as_str()),
                        value,
                        span,
                    },
                    (None, Some(def)) => Note::Formula {
                        name: def.name.clone(),
                        body: def.body.clone(),
                        span,
                    },
                    (None, None) => return,
                };
                // One note per name, however often the line uses it.
                if !notes.iter().any(|n| n.about() == note.about()) {
                    notes.push(note);
                }
            }
            NodeKind::Number(_) | NodeKind::Constant(_) | NodeKind::Var(_) => {}
            NodeKind::Neg(inner) | NodeKind::Paren(inner) => self.node_names(inner, bound, notes),
            NodeKind::Binary(_, lhs, rhs) => {
                self.node_names(lhs, bound, notes);
                self.node_names(rhs, bound, notes);
            }
            NodeKind::Call { arg, power, callee } => {
                if let Callee::LogBase(base) = callee {
                    self.node_names(base, bound, notes);
                }
                self.node_names(arg, bound, notes);
                if let Some(p) = power {
                    self.node_names(p, bound, notes);
                }
            }
            NodeKind::Apply { args, .. } => {
                for a in args {
                    self.node_names(a, bound, notes);
                }
            }
        }
    }

    fn lookup(&self, name: &str) -> Option<&Definition> {
        self.definitions.iter().find(|d| &*d.name == name)
    }

    /// Answers one statement; names in `bound` are variables here even if defined
    /// (the `x` of `… at x = 2`).
    fn statement(&mut self, statement: &Statement, bound: &[&str]) -> Result<Answer, Error> {
        match statement {
            Statement::Expr(node) => {
                if let Some(answer) = self.vector_line(node, bound) {
                    return answer;
                }
                match &node.kind {
                    NodeKind::Apply { name, primes, args }
                        if *primes > 0 && args.len() == 1 && self.lookup(name).is_some() =>
                    {
                        self.prime(name, *primes, &args[0], bound)
                    }
                    _ => expression(lower_in(node, self, bound)?)
                        .map_err(|e| self.locate(e, node, bound)),
                }
            }
            Statement::Derivative {
                body,
                var,
                order,
                partial,
            } => {
                let bound: Vec<&str> = bound.iter().copied().chain([var.as_str()]).collect();
                let lowered = lower_in(body, self, &bound)?;
                self.numbers_have_values(&lowered, body, &bound)?;
                let answer = derivative(lowered, var, *order, *partial);
                let named = match &body.kind {
                    NodeKind::Apply {
                        name,
                        primes: 0,
                        args,
                    } if self.lookup(name).is_some() => Some(Named::Applied {
                        name: Symbol::from(name.as_str()),
                        args: args
                            .iter()
                            .map(|a| lower_in(a, self, &bound))
                            .collect::<Result<_, _>>()?,
                    }),
                    _ => None,
                };
                Ok(with_name(answer, named))
            }
            Statement::NamedDerivative {
                name,
                name_span,
                var,
                order,
                partial,
            } => self.named_derivative(name, *name_span, var.as_deref(), *order, *partial),
            Statement::Define {
                name, params, body, ..
            } => self.define(name, params, body),
            Statement::At { inner, point } => {
                let mut bound = bound.to_vec();
                if let Point::Named(bindings) = point {
                    bound.extend(bindings.iter().map(|(v, _)| v.as_str()));
                }
                let answer = self.statement(inner, &bound)?;
                let answer = self.at(answer, point)?;
                self.defined_at(inner, &answer)?;
                Ok(answer)
            }
            Statement::Integral {
                body,
                var,
                bounds: None,
            } => {
                let bound: Vec<&str> = bound.iter().copied().chain([var.as_str()]).collect();
                let integrand = lower_in(body, self, &bound)?;
                self.numbers_have_values(&integrand, body, &bound)?;
                no_formula_to_integrate(&integrand, body)?;
                indefinite(integrand, var, body.span)
            }
            Statement::Integral {
                body,
                var,
                bounds: Some((a, b)),
            } => {
                let bound: Vec<&str> = bound.iter().copied().chain([var.as_str()]).collect();
                no_formula_to_integrate(&lower_in(body, self, &bound)?, body)?;
                definite(body, var, a, b, self)
            }
            Statement::Multivar(query) => {
                Ok(Answer::Multivar(Box::new(multivar::answer(query, self)?)))
            }
            Statement::Seeing(query) => Ok(Answer::Seeing(Box::new(seeing::answer(
                query,
                self,
                self.plot_size,
            )?))),
            Statement::Command(command) => self.command(command),
            Statement::Check { question, answer } => {
                let worked = self.statement(question, bound)?;
                Ok(Answer::Check(Box::new(checking::check(
                    self, question, worked, answer, bound,
                )?)))
            }
            Statement::Training(query) => self.training(query),
            Statement::Read(notation) => Ok(Answer::Notation(analyse(notation))),
            Statement::Tensor(statement) => {
                let answer = tensor::answer(statement)?;
                if let crate::tensor::TensorAnswer::Declared(ds) = &answer {
                    for d in ds {
                        self.shapes.retain(|old| old.name != d.name);
                        self.shapes.push(d.clone());
                    }
                }
                Ok(Answer::Tensor(Box::new(answer)))
            }
        }
    }

    /// Every part of `e` made of numbers alone must have a value, so that ln(0) or 1/0
    /// never reaches a result: `d/dx ln(0)·x` is an error at ln(0).
    fn numbers_have_values(&self, e: &Expr, node: &Node, bound: &[&str]) -> Result<(), Error> {
        if e.free_vars().is_empty() && e.has_abstract_function() {
            return Ok(());
        }
        decimal_value(e).map(|_| ()).map_err(|why| {
            let error = Error::new(Phase::Computing, why.to_string()).with_kind(ErrorKind::NoValue);
            self.locate(error, node, bound)
        })
    }

    /// A value or slope at a point exists only where the line, as typed, has a value there:
    /// `d/dx ln(x) at x = -1` and `sqrt(x)^2 at x = -4` are errors, not -1 and -4.
    fn defined_at(&self, statement: &Statement, answer: &Answer) -> Result<(), Error> {
        let Answer::AtPoint(AtPointAnswer { point, .. }) = answer else {
            return Ok(());
        };
        let Some(values) = domain::decimals(point) else {
            return Ok(());
        };
        let at = domain::Point { values: &values };
        match statement {
            Statement::Expr(node) => {
                let what = match &node.kind {
                    NodeKind::Apply { primes, .. } if *primes > 0 => "slope",
                    _ => "value",
                };
                domain::check_node(node, self, &at, what)
            }
            Statement::Derivative { body, .. } => domain::check_node(body, self, &at, "slope"),
            Statement::NamedDerivative { name, .. } => {
                match self.lookup(name).and_then(|d| d.body.scalar()) {
                    Some(body) => domain::check_expr(body, &at, "slope", &unicode_name(name)),
                    None => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }

    /// `f'(x)`, `f''(t)`, `f'(2)`: the derivative of a defined function, named as the learner named it.
    fn prime(&self, name: &str, primes: u32, arg: &Node, bound: &[&str]) -> Result<Answer, Error> {
        let def = self
            .lookup(name)
            .ok_or_else(|| not_defined(name, arg.span))?;
        let param = def
            .params
            .first()
            .ok_or_else(|| not_defined(name, arg.span))?;
        let body = def
            .body
            .scalar()
            .ok_or_else(|| not_defined(name, arg.span))?;
        let value = lower_in(arg, self, bound)?;
        let named = |arg: Expr| {
            Some(Named::Prime {
                name: def.name.clone(),
                arg,
            })
        };
        if let crate::expr::Kind::Var(v) = value.kind() {
            let body = substitute(body, param, &value);
            return Ok(with_name(
                derivative(body, v, primes, false),
                named(value.clone()),
            ));
        }
        let inner = with_name(
            derivative(body.clone(), param, primes, false),
            named(Expr::symbol(param.clone())),
        );
        if value.free_vars().is_empty() {
            let point = vec![(param.clone(), value)];
            if let Some(values) = domain::decimals(&point) {
                let at = domain::Point { values: &values };
                let label = format!("{}({})", unicode_name(name), unicode_name(param));
                domain::check_expr(body, &at, "slope", &label).map_err(|e| e.at(arg.span))?;
            }
            return at_values(inner, point, arg.span);
        }
        Ok(match inner {
            Answer::Derivative(DerivativeAnswer {
                body,
                var,
                order,
                partial,
                steps,
                result,
                ..
            }) => Answer::Derivative(DerivativeAnswer {
                result: substitute(&result, param, &value),
                body,
                var,
                order,
                partial,
                steps,
                named: named(value),
            }),
            other => other,
        })
    }

    fn named_derivative(
        &self,
        name: &str,
        span: Span,
        var: Option<&str>,
        order: u32,
        partial: bool,
    ) -> Result<Answer, Error> {
        let def = self.lookup(name).ok_or_else(|| {
            let error = not_defined(name, span);
            let asked = |near: &str| match var {
                Some(var) => format!("did you mean d{near}/d{var}?"),
                None => format!("did you mean {near}′?"),
            };
            match closest(name, self.definitions.iter().map(|d| &*d.name)) {
                Some(near) => error.with_help(asked(near)),
                None => error,
            }
        })?;
        let own;
        let var = match var {
            Some(var) => var,
            None => {
                own = prime_variable(def).map_err(|e| e.at(span))?;
                own.as_str()
            }
        };
        let body = match &def.body {
            Body::Scalar(body) => body.clone(),
            Body::Vector(components) => {
                return vectors::named_motion(def, components, var, order, partial, span)
            }
        };
        if order == 1 && def.params.is_empty() {
            if let Some(chain) = graph_chain::through_steps(&self.graph, name, var, partial) {
                return Ok(Answer::Training(Box::new(Training::Chain(chain))));
            }
        }
        let answer = derivative(body, var, order, partial);
        Ok(with_name(
            answer,
            Some(Named::Leibniz {
                name: def.name.clone(),
                params: def.params.clone(),
            }),
        ))
    }

    fn define(
        &mut self,
        name: &str,
        params: &[String],
        body: &Body<Node>,
    ) -> Result<Answer, Error> {
        let bound: Vec<&str> = params.iter().map(String::as_str).collect();
        let definition = Definition {
            name: Symbol::from(name),
            params: params.iter().map(|p| Symbol::from(p.as_str())).collect(),
            body: body.try_map(|part| lower_in(part, self, &bound))?,
        };
        if let Some(part) = body
            .parts()
            .iter()
            .zip(definition.body.parts())
            .find(|(_, e)| e.size() > budget::MAX_WRITTEN)
        {
            return Err(stopped::too_large_to_write(
                &format!("the formula of {name}"),
                part.0.span,
            ));
        }
        // The formula as written, the named steps it uses kept as letters.
        let written = match body {
            Body::Scalar(node) if params.is_empty() => {
                let steps: Vec<String> = self.graph.names().iter().map(|s| s.to_string()).collect();
                let steps: Vec<&str> = steps.iter().map(String::as_str).collect();
                Some(lower_in(node, self, &steps)?)
            }
            _ => None,
        };
        let replaced = match self.definitions.iter().position(|d| &*d.name == name) {
            Some(i) => Some(self.definitions.remove(i)),
            None => None,
        };
        match written {
            Some(formula) => self.graph.define(definition.name.clone(), formula),
            None => self.graph.forget(name),
        }
        self.definitions.push(definition.clone());
        Ok(Answer::Defined(DefinedAnswer {
            definition,
            replaced,
        }))
    }

    fn at(&self, inner: Answer, point: &Point) -> Result<Answer, Error> {
        let inner = match inner {
            Answer::Multivar(m) => match *m {
                MultivarAnswer::Motion { motion, named } => {
                    return self.motion_at(motion, named, point)
                }
                other => Answer::Multivar(Box::new(other)),
            },
            other => other,
        };
        if matches!(inner, Answer::AtPoint(_)) {
            return Err(Error::new(
                Phase::Reading,
                "this already has its point: it is one number, so there is nothing left to put a value into",
            ).with_kind(ErrorKind::BadPoint));
        }
        let Some(target) = inner.result().cloned() else {
            return Err(Error::new(
                Phase::Reading,
                "only an expression or a derivative can be evaluated at a point",
            )
            .with_kind(ErrorKind::BadPoint));
        };
        let (values, span) = match point {
            Point::Named(bindings) => {
                let mut values: Vec<(Symbol, Expr)> = Vec::new();
                for (var, node) in bindings {
                    if values.iter().any(|(v, _)| &**v == var) {
                        return Err(Error::new(
                            Phase::Reading,
                            format!("{var} is given a value twice"),
                        )
                        .with_kind(ErrorKind::BadPoint)
                        .at(node.span));
                    }
                    values.push((Symbol::from(var.as_str()), self.number(node)?));
                }
                (values, point.span().unwrap_or(Span::new(0, 0)))
            }
            Point::Tuple(nodes) => {
                let span = point.span().unwrap_or(Span::new(0, 0));
                // The question's variables: those of the body, for a derivative.
                let vars = match &inner {
                    Answer::Derivative(DerivativeAnswer { body, .. }) => body.free_vars(),
                    _ => target.free_vars(),
                };
                if vars.len() != nodes.len() {
                    let names: Vec<&str> = vars.iter().map(|v| &**v).collect();
                    let message = match names.as_slice() {
                        [] => "this has no variables to put the point into".to_string(),
                        _ => format!(
                            "this has {} variable{} ({}), but the point gives {} value{}",
                            names.len(),
                            if names.len() == 1 { "" } else { "s" },
                            names.join(", "),
                            nodes.len(),
                            if nodes.len() == 1 { "" } else { "s" }
                        ),
                    };
                    return Err(Error::new(Phase::Reading, message).with_kind(ErrorKind::BadPoint)
                        .at(span)
                        .with_help("give one value per variable, in the order x, y, z, or name them: at x = 1, y = 2"));
                }
                let mut values = Vec::new();
                for (var, node) in vars.into_iter().zip(nodes) {
                    values.push((var, self.number(node)?));
                }
                (values, span)
            }
        };
        at_values(inner, values, span)
    }

    /// The value given for a variable: it must be a number, possibly written as `pi/2` or `a`.
    fn number(&self, node: &Node) -> Result<Expr, Error> {
        let value = lower_in(node, self, &[])?;
        match value.free_vars().first() {
            None => Ok(value),
            Some(v) => Err(Error::new(
                Phase::Reading,
                format!("a point needs numbers, but this value still has {v} in it"),
            )
            .with_kind(ErrorKind::BadPoint)
            .at(node.span)
            .with_help("write a number such as 2, 1/4 or pi/2")),
        }
    }

    fn command(&mut self, command: &Command) -> Result<Answer, Error> {
        Ok(match command {
            Command::Help(None) => Answer::Help(Help::Overview),
            Command::Help(Some((topic, span))) => Answer::Help(help_page(topic, *span)?),
            Command::Rules => Answer::Help(Help::Rules),
            Command::Glossary => Answer::Help(Help::Glossary),
            Command::Defs => Answer::Definitions(self.definitions.clone()),
            Command::Undef(name, span) if name.is_empty() => {
                return Err(Error::new(Phase::Reading, "undef needs the name to forget")
                    .with_kind(ErrorKind::UnknownName)
                    .at(*span)
                    .with_help("write undef f, or reset to forget everything"))
            }
            Command::Undef(name, span) => {
                match self.definitions.iter().position(|d| &*d.name == name) {
                    Some(i) => {
                        self.graph.forget(name);
                        Answer::Forgotten(self.definitions.remove(i))
                    }
                    None => {
                        let mut error = Error::new(
                            Phase::Reading,
                            format!("{name} is not defined, so there is nothing to forget"),
                        )
                        .with_kind(ErrorKind::UnknownName)
                        .at(*span);
                        if let Some(near) = closest(name, self.definitions.iter().map(|d| &*d.name))
                        {
                            error = error.with_help(format!("did you mean '{near}'?"));
                        }
                        return Err(error);
                    }
                }
            }
            Command::Reset => {
                self.definitions.clear();
                self.shapes.clear();
                self.graph.clear();
                self.ans = None;
                Answer::Reset
            }
            Command::Quit => Answer::Quit,
            Command::Lessons => Answer::Tutor(Tutor::List),
            Command::Lesson(rest) => Answer::Tutor(Tutor::Lesson(lesson_number(rest.as_ref())?)),
            Command::Practice(None) => Answer::Tutor(Tutor::Practice(PracticeTopic::Mixed)),
            Command::Practice(Some((name, span))) => match PracticeTopic::named(name) {
                Some(topic) => Answer::Tutor(Tutor::Practice(topic)),
                None => {
                    let names = PracticeTopic::ALL.map(PracticeTopic::name);
                    let mut error = Error::new(
                        Phase::Reading,
                        format!("there is no practice topic '{name}'"),
                    )
                    .with_kind(ErrorKind::UnknownTopic)
                    .at(*span)
                    .with_help(format!("the topics are {}", PracticeTopic::names()));
                    if let Some(near) = closest(name, names) {
                        error = error.with_help(format!("did you mean '{near}'?"));
                    }
                    return Err(error);
                }
            },
        })
    }
}

/// Something for the terminal to play rather than print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tutor {
    /// The lessons of the tour.
    List,
    /// Lesson N of the tour, counting from 1.
    Lesson(usize),
    Practice(PracticeTopic),
}

/// The number after `lesson`, checked against the tour.
fn lesson_number(rest: Option<&(String, Span)>) -> Result<usize, Error> {
    let count = TOUR.len();
    let Some((text, span)) = rest else {
        return Err(
            Error::new(Phase::Reading, "lesson needs the lesson's number")
                .with_kind(ErrorKind::UnknownTopic)
                .with_help(format!(
                    "write lesson 1 … lesson {count}; lessons lists them"
                )),
        );
    };
    match text.parse::<usize>() {
        Ok(n) if (1..=count).contains(&n) => Ok(n),
        _ => Err(Error::new(
            Phase::Reading,
            format!("there is no lesson {text}; the tour has lessons 1 to {count}"),
        )
        .with_kind(ErrorKind::UnknownTopic)
        .at(*span)
        .with_help("type lessons to see them")),
    }
}

impl Names for Session {
    fn function(&self, name: &str, primes: u32) -> Option<Function> {
        let def = self.lookup(name).filter(|d| !d.params.is_empty())?;
        let mut body = def.body.scalar()?.clone();
        if primes > 0 {
            let param = def.params.first().filter(|_| def.params.len() == 1)?;
            for _ in 0..primes {
                body = derive(&body, param).after;
            }
        }
        Some(Function {
            params: def.params.clone(),
            body,
        })
    }

    fn arity(&self, name: &str) -> Option<usize> {
        self.lookup(name).map(|d| d.params.len()).filter(|n| *n > 0)
    }

    fn shape(&self, name: &str) -> Option<(crate::tensor::Shape, bool)> {
        self.shapes
            .iter()
            .find(|d| &*d.name == name)
            .map(|d| (d.shape.clone(), d.symmetric))
    }

    fn defined(&self) -> Vec<String> {
        self.definitions
            .iter()
            .map(|d| d.name.to_string())
            .collect()
    }

    fn value(&self, name: &str) -> Option<Expr> {
        if name == "ans" {
            return self.ans.clone();
        }
        self.lookup(name)
            .filter(|d| d.params.is_empty())
            .and_then(|d| d.body.scalar().cloned())
    }

    fn vector(&self, name: &str) -> Option<Vector> {
        let def = self.lookup(name)?;
        match &def.body {
            Body::Vector(components) => Some(Vector {
                params: def.params.clone(),
                components: components.clone(),
            }),
            Body::Scalar(_) => None,
        }
    }
}

/// The variable a prime nudges: the definition's one input, or the one letter in its formula.
fn prime_variable(def: &Definition) -> Result<String, Error> {
    let name = &*def.name;
    let what = if def.params.is_empty() {
        "letters"
    } else {
        "inputs"
    };
    let letters: Vec<Symbol> = match def.params.as_slice() {
        [] => {
            let mut letters: Vec<Symbol> =
                def.body.parts().iter().flat_map(Expr::free_vars).collect();
            letters.sort();
            letters.dedup();
            letters
        }
        params => params.to_vec(),
    };
    match letters.as_slice() {
        [] => Ok("x".to_string()),
        [one] => Ok(one.to_string()),
        several => {
            let first = &several[0];
            Err(Error::new(
                Phase::Reading,
                format!(
                    "{name} has {} {what}, so a prime does not say which one to nudge",
                    several.len()
                ),
            )
            .with_kind(ErrorKind::AmbiguousPrime)
            .with_help(format!(
                "name the one to nudge, as in d{name}/d{first} or ∂{name}/∂{first}"
            )))
        }
    }
}

fn not_defined(name: &str, span: Span) -> Error {
    Error::new(Phase::Reading, format!("{name} is not defined yet")).with_kind(ErrorKind::UnknownName)
        .at(span)
        .with_help(format!(
            "define it first, as in {name} = 3x^2 + 1 or {name}(x) = x^2 sin x; to hear notation such as d{name}/dw in words, put read in front"
        ))
}

fn help_page(topic: &str, span: Span) -> Result<Help, Error> {
    match topic {
        "rules" => return Ok(Help::Rules),
        "glossary" => return Ok(Help::Glossary),
        _ => {}
    }
    if let Some(t) = Topic::from_name(topic) {
        return Ok(Help::Topic(t));
    }
    let names: Vec<&str> = Topic::ALL.iter().map(|t| t.name()).collect();
    let mut error = Error::new(
        Phase::Reading,
        format!("there is no help page on '{topic}'"),
    )
    .with_kind(ErrorKind::UnknownTopic)
    .at(span);
    error = match closest(topic, names.iter().copied()) {
        Some(near) => error.with_help(format!("did you mean 'help {near}'?")),
        None => error.with_help(format!("the topics are: {}", names.join(", "))),
    };
    Err(error)
}

fn with_name(answer: Answer, name: Option<Named>) -> Answer {
    match answer {
        Answer::Derivative(DerivativeAnswer {
            body,
            var,
            order,
            partial,
            steps,
            result,
            ..
        }) => Answer::Derivative(DerivativeAnswer {
            body,
            var,
            order,
            partial,
            steps,
            result,
            named: name,
        }),
        other => other,
    }
}

/// `inner`'s result with each variable given its value: exact, and as a decimal.
fn at_values(inner: Answer, values: Vec<(Symbol, Expr)>, span: Span) -> Result<Answer, Error> {
    let Some(target) = inner.result().cloned() else {
        return Err(Error::new(
            Phase::Reading,
            "only an expression or a derivative can be evaluated at a point",
        )
        .with_kind(ErrorKind::BadPoint));
    };
    let variables = question_vars(&inner);
    let missing: Vec<Symbol> = target
        .free_vars()
        .into_iter()
        .filter(|v| !values.iter().any(|(n, _)| n == v))
        .filter(|v| variables.as_ref().is_none_or(|vars| vars.contains(v)))
        .collect();
    if let Some(first) = missing.first() {
        return Err(Error::new(
            Phase::Reading,
            format!("this still has {first} in it, and the point gives {first} no value"),
        )
        .with_kind(ErrorKind::BadPoint)
        .at(span)
        .with_help(format!("give it one too, as in at x = 1, {first} = 2")));
    }
    for (_, e) in &values {
        eval(e, &|_| None).map_err(|e| {
            Error::new(Phase::Computing, e.to_string())
                .with_kind(ErrorKind::NoValue)
                .at(span)
        })?;
    }
    let mut result = target.clone();
    for (v, e) in &values {
        result = substitute(&result, v, e);
    }
    let value = decimal_value(&result).map_err(|e| {
        let place: Vec<String> = values
            .iter()
            .map(|(v, e)| format!("{v} = {}", e.unicode()))
            .collect();
        let why = match e {
            EvalError::DivisionByZero => "it divides by zero there".to_string(),
            other => other.to_string(),
        };
        Error::new(
            Phase::Computing,
            format!(
                "{} has no value at {}: {why}",
                target.unicode(),
                place.join(", ")
            ),
        )
        .with_kind(ErrorKind::NoValue)
        .at(span)
    })?;
    Ok(Answer::AtPoint(AtPointAnswer {
        inner: Box::new(inner),
        point: values,
        result,
        value,
    }))
}

/// The letters a point must give values to, or `None` when every letter must have one. A
/// derivative by t holds every other letter fixed, so x0, v0 and a are constants there and stay
/// in the result, unless they are inputs of the function asked about (df/dx of f(x, y) needs y).
fn question_vars(inner: &Answer) -> Option<Vec<Symbol>> {
    match inner {
        Answer::Derivative(DerivativeAnswer {
            var,
            partial: false,
            named,
            ..
        }) => {
            let mut vars = vec![var.clone()];
            if let Some(Named::Leibniz { params, .. }) = named {
                vars.extend(params.iter().cloned());
            }
            Some(vars)
        }
        _ => None,
    }
}

impl Session {
    /// Points a value error at the smallest part of the input that has no value,
    /// such as the `ln 0` inside `1 + ln 0`.
    fn locate(&self, error: Error, node: &Node, bound: &[&str]) -> Error {
        if error.span.is_some() || node.span.end - node.span.start > LOCATE_LIMIT {
            return error;
        }
        let span = self.failing_part(node, bound).unwrap_or(node.span);
        error.at(span)
    }

    fn failing_part(&self, node: &Node, bound: &[&str]) -> Option<Span> {
        let children: Vec<&Node> = match &node.kind {
            NodeKind::Neg(a) | NodeKind::Paren(a) => vec![a],
            NodeKind::Binary(_, a, b) => vec![a, b],
            NodeKind::Call { arg, .. } => vec![arg],
            NodeKind::Apply { args, .. } => args.iter().collect(),
            _ => Vec::new(),
        };
        if let Some(span) = children.iter().find_map(|c| self.failing_part(c, bound)) {
            return Some(span);
        }
        let value = lower_in(node, self, bound).ok()?;
        let fails = value.free_vars().is_empty() && eval(&value, &|_| None).is_err();
        fails.then_some(node.span)
    }
}

/// Longest input, in characters, searched for the part that has no value.
const LOCATE_LIMIT: usize = 2000;

fn expression(result: Expr) -> Result<Answer, Error> {
    let value = decimal_value(&result)
        .map_err(|e| Error::new(Phase::Computing, e.to_string()).with_kind(ErrorKind::NoValue))?;
    Ok(Answer::Expression(ExpressionAnswer { result, value }))
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
            step = Step::wrapping(Rule::Partial, Detail::Partial { held: held.clone() }, step);
        }
        if order > 1 {
            step = Step::wrapping(Rule::HigherOrder, Detail::Order { n, of: order }, step);
        }
        current = step.after.clone();
        steps.push(step);
    }
    // The shape papers print the slope in, as a last named step, when it is proven equal.
    if let Some(known) = recognise(&current, &var) {
        let form = known.form.clone();
        let detail = Detail::Shape(known);
        steps.push(Step::new(
            Rule::KnownShape,
            &var,
            &current,
            form,
            detail,
            Vec::new(),
        ));
    }
    Answer::Derivative(DerivativeAnswer {
        body,
        var,
        order,
        partial,
        steps,
        result: current,
        named: None,
    })
}
