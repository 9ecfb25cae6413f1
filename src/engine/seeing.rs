//! Answers that are tables and pictures: the shrinking nudge, tangent lines, limits, plots, contours.

use crate::calculus::{derive, Step};
use crate::error::{Error, Phase};
use crate::expr::{eval, substitute, EvalError, Expr, Symbol};
use crate::numeric::contour::{self, Contour, Region};
use crate::numeric::limit::{self, Heading, LimitRow};
use crate::numeric::nudge::{self, NudgeRow, Toward};
use crate::numeric::{recognise::recognise, sample};
use crate::syntax::{lower, LimitTarget, Node, PlotItem, SeeingQuery, Side};

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

/// Default x-interval of a plot.
const PLOT_RANGE: (f64, f64) = (-5.0, 5.0);

pub fn answer(query: &SeeingQuery, size: PlotSize) -> Result<SeeingAnswer, Error> {
    Ok(match query {
        SeeingQuery::Nudge { body, var, at } => SeeingAnswer::Nudge(nudge(body, var, at)?),
        SeeingQuery::Tangent { body, var, at } => {
            SeeingAnswer::Tangent(tangent(body, var, at, size)?)
        }
        SeeingQuery::Limit { body, var, target } => {
            SeeingAnswer::Limit(limit_answer(body, var, target)?)
        }
        SeeingQuery::Plot { items, range } => SeeingAnswer::Plot(plot(items, range, size)?),
        SeeingQuery::Contour { body, around, at } => {
            SeeingAnswer::Contour(contour_answer(body, around, at, size)?)
        }
    })
}

fn computing(message: impl Into<String>, node: &Node) -> Error {
    Error::new(Phase::Computing, message).at(node.span)
}

/// The expression of `node`, which may use no variable but `var`.
fn function_of(node: &Node, var: &str) -> Result<Expr, Error> {
    let e = lower(node)?;
    if let Some(other) = e.free_vars().into_iter().find(|v| &**v != var) {
        return Err(computing(
            format!("this has another variable, {other}, with no value; here it must be a function of {var} alone"),
            node,
        ));
    }
    Ok(e)
}

/// A number typed as a point: exact, and its value.
fn point(node: &Node) -> Result<(Expr, f64), Error> {
    let e = lower(node)?;
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

/// `e` as a function of `var`.
fn at_x(e: &Expr, var: &str) -> impl Fn(f64) -> Result<f64, EvalError> {
    let (e, var) = (e.clone(), var.to_string());
    move |x| eval(&e, &|name| (name == var).then_some(x))
}

fn nudge(body_node: &Node, var: &str, at_node: &Node) -> Result<NudgeAnswer, Error> {
    let body = function_of(body_node, var)?;
    let (at, a) = point(at_node)?;
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
        Ok(_) => "its value is too large to represent".to_string(),
    };
    computing(
        format!(
            "{} has no value at {var} = {}: {why}",
            body.unicode(),
            crate::render::decimal(a)
        ),
        node,
    )
}

fn tangent(
    body_node: &Node,
    var: &str,
    at_node: &Node,
    size: PlotSize,
) -> Result<TangentAnswer, Error> {
    let body = function_of(body_node, var)?;
    let (at, a) = point(at_node)?;
    let value = substitute(&body, var, &at);
    let fa = eval(&value, &|_| None)
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| undefined_at(&body, var, a, body_node))?;
    let steps = derive(&body, var);
    let slope = substitute(&steps.after, var, &at);
    match at_x(&steps.after, var)(a) {
        Ok(v) if v.is_finite() => {}
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
    }
    let x = Expr::var(var);
    let line = Expr::add(vec![
        Expr::mul(vec![slope.clone(), Expr::sub(x, at.clone())]),
        value.clone(),
    ]);
    let half = a.abs().max(2.0);
    let x_range = (a - half, a + half);
    let curve = curve(&body, None, var, x_range, size);
    let tangent_curve = self::curve(&line, None, var, x_range, size);
    let y_range = sample::y_range([curve.samples.as_slice()]);
    let plot = Plot {
        var: Symbol::from(var),
        curves: vec![curve, tangent_curve],
        x_range,
        y_range: (y_range.0.min(fa), y_range.1.max(fa)),
        marks: vec![(a, fa)],
        size,
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

fn curve(
    e: &Expr,
    derivative_of: Option<(Expr, u32)>,
    var: &str,
    range: (f64, f64),
    size: PlotSize,
) -> Curve {
    let f = at_x(e, var);
    Curve {
        expr: e.clone(),
        derivative_of,
        samples: sample::samples(&f, range.0, range.1, 4 * size.columns + 1),
    }
}

fn limit_answer(body_node: &Node, var: &str, target: &LimitTarget) -> Result<LimitAnswer, Error> {
    let body = function_of(body_node, var)?;
    let f = at_x(&body, var);
    let g = |x: f64| crate::numeric::finite(f(x));
    let (target, approaches) = match target {
        LimitTarget::Infinity { negative } => {
            let sign = if *negative { -1.0 } else { 1.0 };
            let rows = limit::rows(&f, limit::TOWARD_INFINITY.iter().map(|n| sign * n));
            let heading = limit::heading(&|t| g(sign / t), 3, 24);
            let direction = Direction::Outward {
                negative: *negative,
            };
            (
                Target::Infinity {
                    negative: *negative,
                },
                vec![Approach {
                    direction,
                    rows,
                    heading,
                }],
            )
        }
        LimitTarget::Point { at, side } => {
            let (at_expr, a) = point(at)?;
            let sides = match side {
                Some(s) => vec![*s],
                None => vec![Side::Below, Side::Above],
            };
            let approaches = sides
                .into_iter()
                .map(|s| {
                    let sign = if s == Side::Below { -1.0 } else { 1.0 };
                    let rows = limit::rows(&f, limit::TOWARD_POINT.iter().map(|h| a + sign * h));
                    let heading = limit::heading(&|t| g(a + sign * t), 3, 18);
                    Approach {
                        direction: Direction::From(s),
                        rows,
                        heading,
                    }
                })
                .collect();
            (
                Target::Point {
                    at: at_expr,
                    value: a,
                },
                approaches,
            )
        }
    };
    let verdict = verdict(&approaches);
    Ok(LimitAnswer {
        body,
        var: Symbol::from(var),
        target,
        approaches,
        verdict,
    })
}

/// What the approaches say together.
fn verdict(approaches: &[Approach]) -> Verdict {
    let settled: Vec<(f64, f64, Direction)> = approaches
        .iter()
        .filter_map(|a| match a.heading {
            Heading::Settles { value, error } => Some((value, error, a.direction)),
            _ => None,
        })
        .collect();
    let unbounded: Vec<bool> = approaches
        .iter()
        .filter_map(|a| match a.heading {
            Heading::Unbounded { positive } => Some(positive),
            _ => None,
        })
        .collect();
    let undefined = approaches
        .iter()
        .filter(|a| matches!(a.heading, Heading::Undefined(_)))
        .count();
    if settled.len() == approaches.len() {
        let (v0, e0, _) = settled[0];
        let agree = settled
            .iter()
            .all(|(v, e, _)| (v - v0).abs() <= 1e-6 * v0.abs().max(1.0) + 10.0 * (e + e0));
        if !agree {
            return Verdict::SidesDisagree;
        }
        let error = settled.iter().map(|s| s.1).fold(0.0, f64::max);
        return value_verdict(v0, error, None);
    }
    if unbounded.len() == approaches.len() {
        return if unbounded.iter().all(|p| *p == unbounded[0]) {
            Verdict::Unbounded {
                positive: unbounded[0],
            }
        } else {
            Verdict::SidesDisagree
        };
    }
    if settled.len() + unbounded.len() == approaches.len() {
        return Verdict::SidesDisagree;
    }
    if undefined > 0 && settled.len() == 1 && settled.len() + undefined == approaches.len() {
        let (v, e, direction) = settled[0];
        let only = match direction {
            Direction::From(s) => Some(s),
            Direction::Outward { .. } => None,
        };
        return value_verdict(v, e, only);
    }
    Verdict::None
}

/// Nine decimals when the estimate is that good, fewer when it is not.
fn value_verdict(value: f64, error: f64, only: Option<Side>) -> Verdict {
    // Values within their own uncertainty of zero are zero, as far as the table can tell.
    let value = if value.abs() <= 2.0 * error {
        0.0
    } else {
        value
    };
    let scale = value.abs().max(1.0);
    let relative = (error.max(1e-15) * 4.0) / scale;
    let significant = (-relative.log10()).floor().clamp(2.0, 10.0) as i32;
    let whole_digits = scale.log10().floor() as i32 + 1;
    let decimals = (significant - whole_digits).clamp(1, 9) as usize;
    let tolerance = 0.5 * 10f64.powi(-(decimals as i32));
    let named = recognise(value, tolerance, decimals >= 6);
    Verdict::Value {
        value,
        decimals,
        named,
        only,
    }
}

fn plot(items: &[PlotItem], range: &Option<(Node, Node)>, size: PlotSize) -> Result<Plot, Error> {
    let mut exprs = Vec::new();
    for item in items {
        exprs.push(match item {
            PlotItem::Expr(node) => (lower(node)?, None, node),
            PlotItem::Derivative { body, var, order } => {
                let f = lower(body)?;
                let mut d = f.clone();
                for _ in 0..*order {
                    d = derive(&d, var).after;
                }
                (d, Some((f, *order)), body)
            }
        });
    }
    let mut var: Option<Symbol> = None;
    for (e, _, node) in &exprs {
        for v in e.free_vars() {
            match &var {
                None => var = Some(v),
                Some(known) if *known == v => {}
                Some(known) => {
                    return Err(computing(
                        format!("a plot draws functions of one variable, but these use {known} and {v}; for a function of two variables try contour"),
                        node,
                    ))
                }
            }
        }
    }
    let var = var.unwrap_or_else(|| Symbol::from("x"));
    let x_range = match range {
        None => PLOT_RANGE,
        Some((a, b)) => {
            let (_, from) = point(a)?;
            let (_, to) = point(b)?;
            if from >= to {
                return Err(computing("the plot needs from < to", b));
            }
            (from, to)
        }
    };
    let curves: Vec<Curve> = exprs
        .into_iter()
        .map(|(e, of, _)| curve(&e, of, &var, x_range, size))
        .collect();
    let y_range = sample::y_range(curves.iter().map(|c| c.samples.as_slice()));
    Ok(Plot {
        var,
        curves,
        x_range,
        y_range,
        marks: Vec::new(),
        size,
    })
}

fn contour_answer(
    body_node: &Node,
    around: &Option<Box<(Node, Node)>>,
    at: &Option<Box<(Node, Node)>>,
    size: PlotSize,
) -> Result<ContourAnswer, Error> {
    let body = lower(body_node)?;
    let mut vars = body.free_vars();
    if vars.len() > 2 {
        return Err(computing(
            format!(
                "a contour map shows a function of two variables, but this has {}",
                vars.len()
            ),
            body_node,
        ));
    }
    for default in ["x", "y"] {
        if vars.len() < 2 && !vars.iter().any(|v| &**v == default) {
            vars.push(Symbol::from(default));
        }
    }
    let (xv, yv) = (vars[0].clone(), vars[1].clone());
    let center = match around.as_deref() {
        Some((a, b)) => (point(a)?.1, point(b)?.1),
        None => (0.0, 0.0),
    };
    let marked = match at.as_deref() {
        Some((a, b)) => Some((point(a)?, point(b)?)),
        None => None,
    };
    let mut half: f64 = 2.0;
    if let Some(((_, px), (_, py))) = &marked {
        half = half.max(1.5 * (px - center.0).abs().max((py - center.1).abs()));
    }
    let region = Region {
        x: (center.0 - half, center.0 + half),
        y: (center.1 - half, center.1 + half),
    };
    let f = |x: f64, y: f64| {
        eval(&body, &|name| {
            if name == &*xv {
                Some(x)
            } else if name == &*yv {
                Some(y)
            } else {
                None
            }
        })
    };
    let grid = contour::grid(&f, region, 80);
    // Besides the level through the marked point: fewer lines on a smaller map.
    let mut levels = contour::levels(&grid, (size.columns / 16).clamp(3, 5));
    let gradient = match marked {
        None => None,
        Some(((ex, px), (ey, py))) => {
            let value = f(px, py)
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| computing("the surface has no value at this point", body_node))?;
            let gx = substitute(&substitute(&derive(&body, &xv).after, &xv, &ex), &yv, &ey);
            let gy = substitute(&substitute(&derive(&body, &yv).after, &xv, &ex), &yv, &ey);
            let gxv = eval(&gx, &|_| None)
                .map_err(|e| computing(format!("no gradient here: {e}"), body_node))?;
            let gyv = eval(&gy, &|_| None)
                .map_err(|e| computing(format!("no gradient here: {e}"), body_node))?;
            levels.insert(0, value);
            Some(GradientAt {
                point: (ex, ey),
                at: (px, py),
                value,
                gradient: (gx, gy),
                gradient_value: (gxv, gyv),
            })
        }
    };
    let contours = levels
        .into_iter()
        .map(|level| contour::trace(&grid, region, level))
        .collect();
    Ok(ContourAnswer {
        body,
        vars: (xv, yv),
        region,
        contours,
        gradient,
        size,
    })
}
