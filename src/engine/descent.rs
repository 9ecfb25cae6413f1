//! Gradient descent you can watch: steps downhill from a start, w ← w − η·∂f/∂w, each with
//! its point, value and gradient, and what the path did (settled, stopped, zigzagged, ran away).

use super::backprop::gradients;
use super::graph::Graph;
use super::seeing::{ContourAnswer, PlotSize};
use crate::calculus::derive;
use crate::error::{Error, ErrorKind, Phase};
use crate::expr::{eval, Expr, Number, Symbol};
use crate::numeric::contour::{self, Region};

/// A gradient shorter than this is a flat spot: the descent has settled.
pub const TINY: f64 = 1e-6;
/// A value past this size has run away.
const RUNAWAY: f64 = 1e12;
/// Most steps a descent may be asked for.
pub const MAX_STEPS: usize = 1000;
/// Steps taken when none are asked for.
pub const DEFAULT_STEPS: usize = 20;

/// Descents of one function from one start, one per rate.
#[derive(Clone, Debug)]
pub struct DescentAnswer {
    pub body: Expr,
    pub vars: Vec<Symbol>,
    pub start: Vec<Expr>,
    /// ∂f/∂v for each variable, or `None` when backpropagation through the named steps of
    /// this loss gave the gradients.
    pub gradient: Option<Vec<Expr>>,
    /// The loss followed by backpropagation, when it was.
    pub loss: Option<Symbol>,
    pub steps: usize,
    pub runs: Vec<Run>,
    /// The contour map under the path, for one run in two variables.
    pub map: Option<Box<ContourAnswer>>,
}

/// One descent at one rate.
#[derive(Clone, Debug)]
pub struct Run {
    pub rate: Expr,
    pub iterates: Vec<Iterate>,
    pub path: Path,
}

/// Where the descent stood before a step.
#[derive(Clone, Debug, PartialEq)]
pub struct Iterate {
    pub step: usize,
    pub point: Vec<f64>,
    pub value: f64,
    pub gradient: Vec<f64>,
    pub length: f64,
}

/// What the path did, in the terms the words use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Path {
    /// The gradient fell below `TINY`: a flat spot.
    Settled,
    /// The steps ran out while f was still going down.
    OutOfSteps,
    /// Each step jumped across the valley (the gradient turned round) and f still fell.
    Zigzag,
    /// f grew step after step, or past any size: the rate is too large.
    Diverged,
    /// f grew step after step while each step jumped across the valley: overshooting.
    Overshoot,
}

/// How the gradient is found at a point.
pub enum Slopes<'g> {
    /// Partial derivatives of the formula.
    Formula(Vec<Expr>),
    /// Backpropagation through the named steps of a loss.
    Graph { graph: &'g Graph, loss: Symbol },
}

/// Descends `body` from `start` at each rate, `steps` steps at most.
pub fn descend(
    body: &Expr,
    vars: &[Symbol],
    start: &[Expr],
    rates: &[Expr],
    steps: usize,
    slopes: &Slopes,
    size: PlotSize,
) -> Result<DescentAnswer, Error> {
    let mut first = Vec::new();
    for e in start {
        first.push(number(e)?);
    }
    let mut runs = Vec::new();
    for rate in rates {
        let eta = number(rate)?;
        runs.push(run(body, vars, &first, eta, steps, slopes, rate)?);
    }
    Ok(DescentAnswer {
        body: body.clone(),
        vars: vars.to_vec(),
        start: start.to_vec(),
        gradient: match slopes {
            Slopes::Formula(partials) => Some(partials.clone()),
            Slopes::Graph { .. } => None,
        },
        loss: match slopes {
            Slopes::Formula(_) => None,
            Slopes::Graph { loss, .. } => Some(loss.clone()),
        },
        steps,
        map: match runs.as_slice() {
            [run] => map(body, vars, run, size).map(Box::new),
            _ => None,
        },
        runs,
    })
}

/// Points past this size are left off the map: a path that ran away.
const MAP_REACH: f64 = 1e6;

/// The contour map under a walk in two variables: a square holding every point of the path.
fn map(body: &Expr, vars: &[Symbol], run: &Run, size: PlotSize) -> Option<ContourAnswer> {
    let [xv, yv] = vars else {
        return None;
    };
    let points: Vec<(f64, f64)> = run
        .iterates
        .iter()
        .map(|i| (i.point[0], i.point[1]))
        .filter(|(x, y)| x.abs() < MAP_REACH && y.abs() < MAP_REACH)
        .collect();
    let low = |pick: fn(&(f64, f64)) -> f64| points.iter().map(pick).fold(f64::INFINITY, f64::min);
    let high =
        |pick: fn(&(f64, f64)) -> f64| points.iter().map(pick).fold(f64::NEG_INFINITY, f64::max);
    let (x0, x1, y0, y1) = (low(|p| p.0), high(|p| p.0), low(|p| p.1), high(|p| p.1));
    if !(x0.is_finite() && y0.is_finite()) {
        return None;
    }
    // A margin around the path, and never smaller than a unit square around its middle.
    let half = (0.6 * (x1 - x0).max(y1 - y0)).max(1.0);
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let region = Region {
        x: (cx - half, cx + half),
        y: (cy - half, cy + half),
    };
    let f = |x: f64, y: f64| {
        eval(body, &|name| {
            if name == &**xv {
                Some(x)
            } else if name == &**yv {
                Some(y)
            } else {
                None
            }
        })
    };
    let grid = contour::grid(&f, region, 80);
    let contours = contour::levels(&grid, 4)
        .into_iter()
        .map(|level| contour::trace(&grid, region, level))
        .collect();
    Some(ContourAnswer {
        body: body.clone(),
        vars: (xv.clone(), yv.clone()),
        region,
        contours,
        gradient: None,
        size,
        path: points,
    })
}

/// The partial derivatives of `body`, one per variable.
pub fn partials(body: &Expr, vars: &[Symbol]) -> Vec<Expr> {
    vars.iter().map(|v| derive(body, v).after).collect()
}

fn number(e: &Expr) -> Result<f64, Error> {
    eval(e, &|_| None)
        .map_err(|why| Error::new(Phase::Computing, why.to_string()).with_kind(ErrorKind::NoValue))
}

fn run(
    body: &Expr,
    vars: &[Symbol],
    start: &[f64],
    eta: f64,
    steps: usize,
    slopes: &Slopes,
    rate: &Expr,
) -> Result<Run, Error> {
    let mut point = start.to_vec();
    let mut iterates: Vec<Iterate> = Vec::new();
    for step in 0..=steps {
        let (value, gradient) = at(body, vars, &point, slopes)?;
        let length = gradient.iter().map(|g| g * g).sum::<f64>().sqrt();
        iterates.push(Iterate {
            step,
            point: point.clone(),
            value,
            gradient: gradient.clone(),
            length,
        });
        let runaway = !value.is_finite() || value.abs() > RUNAWAY || !length.is_finite();
        if length < TINY || runaway || step == steps {
            break;
        }
        for (x, g) in point.iter_mut().zip(&gradient) {
            *x -= eta * g;
        }
    }
    let path = verdict(&iterates);
    Ok(Run {
        rate: rate.clone(),
        iterates,
        path,
    })
}

/// f and its gradient at `point`.
fn at(
    body: &Expr,
    vars: &[Symbol],
    point: &[f64],
    slopes: &Slopes,
) -> Result<(f64, Vec<f64>), Error> {
    let lookup = |name: &str| vars.iter().position(|v| &**v == name).map(|i| point[i]);
    let no_value = |why: String| {
        let place: Vec<String> = vars
            .iter()
            .zip(point)
            .map(|(v, x)| format!("{v} = {}", crate::expr::decimal(*x)))
            .collect();
        Error::new(
            Phase::Computing,
            format!("the descent reached {}, where {why}", place.join(", ")),
        )
        .with_kind(ErrorKind::NoValue)
    };
    match slopes {
        Slopes::Formula(partials) => {
            let value = eval(body, &lookup).map_err(|e| no_value(e.to_string()))?;
            let gradient = partials
                .iter()
                .map(|p| eval(p, &lookup).map_err(|e| no_value(e.to_string())))
                .collect::<Result<Vec<f64>, Error>>()?;
            Ok((value, gradient))
        }
        Slopes::Graph { graph, loss } => {
            let exact: Vec<(Symbol, Expr)> = vars
                .iter()
                .zip(point)
                .map(|(v, x)| {
                    Ok((
                        v.clone(),
                        exact(*x).ok_or_else(|| no_value("a value grows too large".into()))?,
                    ))
                })
                .collect::<Result<_, Error>>()?;
            let answer = gradients(graph, loss, &exact)?;
            let value = answer.node(loss).map_or(f64::NAN, |n| n.value.approx);
            let gradient = vars
                .iter()
                .map(|v| answer.node(v).map_or(0.0, |n| n.gradient.approx))
                .collect();
            Ok((value, gradient))
        }
    }
}

/// A decimal as the exact number it is.
fn exact(x: f64) -> Option<Expr> {
    if !x.is_finite() {
        return None;
    }
    Number::parse_decimal(&format!("{x:.17}")).map(Expr::num)
}

/// What the path did: ran away, settled, zigzagged across the valley, or ran out of steps.
fn verdict(iterates: &[Iterate]) -> Path {
    let last = match iterates.last() {
        Some(last) => last,
        None => return Path::OutOfSteps,
    };
    let first = &iterates[0];
    let runaway = !last.value.is_finite() || last.value.abs() > RUNAWAY;
    let rising = iterates.len() > 2
        && iterates
            .windows(2)
            .rev()
            .take(3)
            .all(|w| w[1].value > w[0].value);
    let turns = iterates
        .windows(2)
        .filter(|w| {
            let dot: f64 = w[0]
                .gradient
                .iter()
                .zip(&w[1].gradient)
                .map(|(a, b)| a * b)
                .sum();
            dot < 0.0
        })
        .count();
    // Most steps turned the gradient round: the path jumps from side to side.
    let zigzag = iterates.len() > 2 && turns * 2 >= iterates.len() - 1;
    match (runaway || (rising && last.value > first.value), zigzag) {
        (true, true) => Path::Overshoot,
        (true, false) => Path::Diverged,
        _ if last.length < TINY => Path::Settled,
        (false, true) => Path::Zigzag,
        (false, false) => Path::OutOfSteps,
    }
}
