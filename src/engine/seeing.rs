//! Answers that are tables and pictures: the shrinking nudge, tangent lines, limits, plots, contours.

mod limits;
mod pictures;

use crate::calculus::{derive, Step};
use crate::error::{Error, Phase};
use crate::expr::{eval, substitute, EvalError, Expr, Symbol};
use crate::numeric::contour::{Contour, Region};
use crate::numeric::limit::{Heading, LimitRow};
use crate::numeric::nudge::{self, NudgeRow, Toward};
use crate::numeric::sample;
use crate::syntax::{lower_in, Names, Node, SeeingQuery, Side};
use limits::limit_answer;
use pictures::{contour_answer, curve, plot};

/// How much room a picture has, in terminal columns and rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlotSize {
    pub columns: usize,
    pub rows: usize,
}

impl Default for PlotSize {
    /// A pipe or a file gets 80 columns.
    fn default() -> PlotSize {
        PlotSize::for_width(80)
    }
}

impl PlotSize {
    /// A plot as wide as the terminal, and a quarter as tall in rows.
    pub fn for_width(columns: usize) -> PlotSize {
        let columns = columns.clamp(30, 200);
        PlotSize {
            columns,
            rows: (columns / 5).clamp(8, 20),
        }
    }
}

#[derive(Clone, Debug)]
pub enum SeeingAnswer {
    Nudge(NudgeAnswer),
    Tangent(TangentAnswer),
    Limit(LimitAnswer),
    Plot(Plot),
    Contour(ContourAnswer),
}

/// `nudge f at x = a`: difference quotients closing in on f′(a).
#[derive(Clone, Debug)]
pub struct NudgeAnswer {
    pub body: Expr,
    pub var: Symbol,
    pub at: Expr,
    /// f(a).
    pub value: f64,
    /// f′(x), simplified.
    pub derivative: Expr,
    /// f′(a) exactly, or why it does not exist.
    pub slope: Result<Expr, String>,
    pub slope_value: Option<f64>,
    pub rows: Vec<NudgeRow>,
    /// Nudges to the left as well, when there is no exact slope to close in on.
    pub left: Option<Vec<NudgeRow>>,
    /// Decimals that show the convergence without showing rounding noise.
    pub decimals: usize,
}

/// `tangent f at x = a`: the line y = f′(a)(x − a) + f(a).
#[derive(Clone, Debug)]
pub struct TangentAnswer {
    pub body: Expr,
    pub var: Symbol,
    pub at: Expr,
    /// f(a), exactly.
    pub value: Expr,
    /// How f′ was found.
    pub steps: Step,
    /// f′(a), exactly.
    pub slope: Expr,
    /// The line, simplified.
    pub line: Expr,
    pub plot: Plot,
}

/// `limit f as x -> a`: tables of values on the way, and where they head.
#[derive(Clone, Debug)]
pub struct LimitAnswer {
    pub body: Expr,
    pub var: Symbol,
    pub target: Target,
    pub approaches: Vec<Approach>,
    pub verdict: Verdict,
    /// When floating point alone got some value wrong (cancellation, overflow): the most
    /// bits a value needed before two precisions agreed.
    pub precise_bits: Option<usize>,
}

#[derive(Clone, Debug)]
pub enum Target {
    Infinity { negative: bool },
    Point { at: Expr, value: f64 },
}

/// Which way the variable travels in one table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Growing without bound (toward −∞ when `negative`).
    Outward { negative: bool },
    /// From one side of the point.
    From(Side),
}

#[derive(Clone, Debug)]
pub struct Approach {
    pub direction: Direction,
    pub rows: Vec<LimitRow>,
    pub heading: Heading,
}

/// What the tables say, all together.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// The values settle on `value`; `named` when it matches a known number
    /// to the `decimals` shown; `only` when one side alone exists.
    Value {
        value: f64,
        decimals: usize,
        named: Option<Expr>,
        only: Option<Side>,
    },
    Unbounded {
        positive: bool,
    },
    SidesDisagree,
    None,
    /// The terms cancel past the precision nudge works to: no verdict either way.
    CannotTell,
}

/// Curves sampled across an interval, ready to draw.
#[derive(Clone, Debug)]
pub struct Plot {
    pub var: Symbol,
    pub curves: Vec<Curve>,
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
    /// Points to mark, such as where a tangent touches.
    pub marks: Vec<(f64, f64)>,
    pub size: PlotSize,
}

#[derive(Clone, Debug)]
pub struct Curve {
    pub expr: Expr,
    /// For a derivative curve: what was differentiated, and how many times.
    pub derivative_of: Option<(Expr, u32)>,
    pub samples: Vec<(f64, Option<f64>)>,
}

/// `contour f around (x0, y0) at (x1, y1)`.
#[derive(Clone, Debug)]
pub struct ContourAnswer {
    pub body: Expr,
    pub vars: (Symbol, Symbol),
    pub region: Region,
    pub contours: Vec<Contour>,
    pub gradient: Option<GradientAt>,
    pub size: PlotSize,
    /// A walk drawn on the map, each point joined to the next (a descent); empty for none.
    pub path: Vec<(f64, f64)>,
}

/// The gradient at a point: the arrow across the contour lines.
#[derive(Clone, Debug)]
pub struct GradientAt {
    pub point: (Expr, Expr),
    pub at: (f64, f64),
    /// f at the point: its contour is drawn too.
    pub value: f64,
    /// (∂f/∂x, ∂f/∂y) at the point, exactly.
    pub gradient: (Expr, Expr),
    pub gradient_value: (f64, f64),
}

pub fn answer(
    query: &SeeingQuery,
    names: &dyn Names,
    size: PlotSize,
) -> Result<SeeingAnswer, Error> {
    let cx = Context { names, size };
    Ok(match query {
        SeeingQuery::Nudge { body, var, at } => SeeingAnswer::Nudge(nudge(cx, body, var, at)?),
        SeeingQuery::Tangent { body, var, at } => {
            SeeingAnswer::Tangent(tangent(cx, body, var, at)?)
        }
        SeeingQuery::Limit { body, var, target } => {
            SeeingAnswer::Limit(limit_answer(cx, body, var, target)?)
        }
        SeeingQuery::Plot { items, range } => SeeingAnswer::Plot(plot(cx, items, range)?),
        SeeingQuery::Contour { body, around, at } => {
            SeeingAnswer::Contour(contour_answer(cx, body, around, at)?)
        }
    })
}

/// What a question is answered against: the session's names, and the room for pictures.
#[derive(Clone, Copy)]
struct Context<'a> {
    names: &'a dyn Names,
    size: PlotSize,
}

impl Context<'_> {
    /// The expression of `node`, read against the session; `bound` names stay variables.
    /// Tables and pictures need numbers, so a function with no formula cannot be in it.
    fn lower(&self, node: &Node, bound: &[&str]) -> Result<Expr, Error> {
        let e = lower_in(node, self.names, bound)?;
        if let Some(name) = e.first_abstract_function() {
            return Err(computing(
                format!("{name} is not a function you have defined, so it has no values to work with here"),
                node,
            )
            .with_help(format!("define it first, as in {name}(x) = x^2")));
        }
        Ok(e)
    }

    /// The expression of `node`, which may use no variable but `var`.
    fn function_of(&self, node: &Node, var: &str) -> Result<Expr, Error> {
        let e = self.lower(node, &[var])?;
        if let Some(other) = e.free_vars().into_iter().find(|v| &**v != var) {
            return Err(computing(
                format!("this has another variable, {other}, with no value; here it must be a function of {var} alone"),
                node,
            ));
        }
        Ok(e)
    }

    /// The line as typed must have a value at the point, however it simplifies: √x² is x,
    /// yet has no tangent at −4.
    fn defined_at(&self, body: &Node, var: &str, a: f64, what: &str) -> Result<(), Error> {
        let values = [(Symbol::from(var), a)];
        let point = super::domain::Point { values: &values };
        super::domain::check_node(body, self.names, &point, what)
    }

    /// A number typed as a point: exact, and its value.
    fn point(&self, node: &Node) -> Result<(Expr, f64), Error> {
        let e = self.lower(node, &[])?;
        if let Some(v) = e.free_vars().first() {
            return Err(computing(
                format!("the point must be a number, but this has the variable {v}"),
                node,
            ));
        }
        let value = eval(&e, &|_| None).map_err(|err| computing(err.to_string(), node))?;
        if !value.is_finite() {
            return Err(computing("the point must be a finite number", node));
        }
        Ok((e, value))
    }
}

fn computing(message: impl Into<String>, node: &Node) -> Error {
    Error::new(Phase::Computing, message).at(node.span)
}

/// How many points a curve is sampled at: a few per Braille dot across.
fn samples(size: PlotSize) -> usize {
    4 * size.columns + 1
}

/// `e` as a function of `var`.
fn at_x(e: &Expr, var: &str) -> impl Fn(f64) -> Result<f64, EvalError> {
    let (e, var) = (e.clone(), var.to_string());
    move |x| eval(&e, &|name| (name == var).then_some(x))
}

fn nudge(cx: Context, body_node: &Node, var: &str, at_node: &Node) -> Result<NudgeAnswer, Error> {
    let body = cx.function_of(body_node, var)?;
    let (at, a) = cx.point(at_node)?;
    cx.defined_at(body_node, var, a, "slope")?;
    let f = at_x(&body, var);
    let value = f(a)
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| undefined_at(&body, var, a, body_node))?;
    let derivative = derive(&body, var).after;
    let slope_expr = substitute(&derivative, var, &at);
    // Evaluated from f′(x) at the point, not from the simplified f′(a): simplifying
    // x/|x| at 0 would hide the division by zero.
    let slope_value = at_x(&derivative, var)(a);
    let (slope, slope_value) = match slope_value {
        Ok(v) if v.is_finite() => (Ok(slope_expr), Some(v)),
        Ok(_) => (Err("it is infinite".to_string()), None),
        Err(e) => (Err(e.to_string()), None),
    };
    let rows = nudge::difference_quotients(&f, a, value, slope_value, Toward::Right);
    let left = slope_value
        .is_none()
        .then(|| nudge::difference_quotients(&f, a, value, None, Toward::Left))
        .filter(|rows| rows.iter().any(|r| r.quotient.is_ok()));
    let decimals = nudge::decimals(value, slope_value.unwrap_or(value));
    Ok(NudgeAnswer {
        body,
        var: Symbol::from(var),
        at,
        value,
        derivative,
        slope,
        slope_value,
        rows,
        left,
        decimals,
    })
}

fn undefined_at(body: &Expr, var: &str, a: f64, node: &Node) -> Error {
    let why = match at_x(body, var)(a) {
        Err(e) => e.to_string(),
        Ok(_) => "its value grows too large to compute".to_string(),
    };
    computing(
        format!(
            "{} has no value at {var} = {}: {why}",
            body.unicode(),
            crate::expr::decimal(a)
        ),
        node,
    )
}

fn tangent(
    cx: Context,
    body_node: &Node,
    var: &str,
    at_node: &Node,
) -> Result<TangentAnswer, Error> {
    let body = cx.function_of(body_node, var)?;
    let (at, a) = cx.point(at_node)?;
    cx.defined_at(body_node, var, a, "tangent line")?;
    let value = substitute(&body, var, &at);
    let fa = eval(&value, &|_| None)
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| undefined_at(&body, var, a, body_node))?;
    let steps = derive(&body, var);
    let slope = substitute(&steps.after, var, &at);
    let slope_value = match at_x(&steps.after, var)(a) {
        Ok(v) if v.is_finite() => v,
        Ok(_) => {
            return Err(computing(
                format!(
                "the slope at {var} = {} is infinite, so the tangent is vertical, not a line y = …",
                at.unicode()
            ),
                at_node,
            ))
        }
        Err(e) => {
            return Err(computing(
                format!("there is no slope at {var} = {}: {e}", at.unicode()),
                at_node,
            ))
        }
    };
    let x = Expr::var(var);
    // Slope-intercept form: m·x + (f(a) − m·a), so the intercept's like terms meet.
    let intercept = Expr::sub(value.clone(), Expr::mul(vec![slope.clone(), at.clone()]));
    let line = Expr::add(vec![Expr::mul(vec![slope.clone(), x]), intercept]);
    let half = a.abs().max(2.0);
    let x_range = (a - half, a + half);
    let curve = curve(&body, None, var, x_range, cx.size);
    // Drawn from numbers: the exact line can be a large expression to evaluate.
    let touching = move |x: f64| Ok(slope_value * (x - a) + fa);
    let tangent_curve = Curve {
        expr: line.clone(),
        derivative_of: None,
        samples: sample::samples(&touching, x_range.0, x_range.1, samples(cx.size)),
    };
    let y_range = sample::y_range([curve.samples.as_slice()]);
    let plot = Plot {
        var: Symbol::from(var),
        curves: vec![curve, tangent_curve],
        x_range,
        y_range: (y_range.0.min(fa), y_range.1.max(fa)),
        marks: vec![(a, fa)],
        size: cx.size,
    };
    Ok(TangentAnswer {
        body,
        var: Symbol::from(var),
        at,
        value,
        steps,
        slope,
        line,
        plot,
    })
}
