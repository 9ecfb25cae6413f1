//! The "seeing" answers: tables as arrays of rows, plots as sampled points (null where a
//! curve has no value).

use super::steps::Steps;
use crate::engine::{Direction, Plot, SeeingAnswer, Target, Verdict};
use crate::numeric::limit::{Heading, LimitRow};
use crate::numeric::nudge::NudgeRow;
use crate::syntax::Side;
use serde::Serialize;

#[derive(Serialize)]
#[serde(untagged)]
pub enum Fields {
    /// `nudge_table`: rows of `[h, quotient, rounding]`.
    Nudge {
        variable: String,
        at: String,
        value_at: f64,
        derivative: String,
        /// The exact slope as a decimal; null when f′(a) does not exist.
        exact: Option<f64>,
        decimals: usize,
        columns: [&'static str; 3],
        rows: Vec<(f64, Option<f64>, bool)>,
        /// The nudges to the left, where f′(a) does not exist.
        #[serde(skip_serializing_if = "Option::is_none")]
        rows_left: Option<Vec<(f64, Option<f64>, bool)>>,
        #[serde(flatten)]
        steps: Steps,
    },
    /// `tangent`: `result` is the line.
    Tangent {
        variable: String,
        at: String,
        value: String,
        slope: String,
        #[serde(flatten)]
        steps: Steps,
        plot: Picture,
    },
    /// `limit`.
    Limit {
        variable: String,
        target: String,
        approaches: Vec<Approach>,
        verdict: &'static str,
        estimate: Option<f64>,
        numerical: bool,
        /// The bits a value needed, when floating point alone would have got it wrong.
        #[serde(skip_serializing_if = "Option::is_none")]
        precise_bits: Option<usize>,
        #[serde(flatten)]
        steps: Steps,
    },
    /// `plot`.
    Plot {
        #[serde(flatten)]
        picture: Picture,
        #[serde(flatten)]
        steps: Steps,
    },
    /// `contour`: the levels drawn, and the gradient at a point when one was given.
    Contour {
        variables: [String; 2],
        x_range: (f64, f64),
        y_range: (f64, f64),
        levels: Vec<f64>,
        #[serde(flatten)]
        at: Option<ContourAt>,
        #[serde(flatten)]
        steps: Steps,
    },
}

/// A plot's curves, each with its points as `[x, y]` rows.
#[derive(Serialize)]
pub struct Picture {
    variable: String,
    x_range: (f64, f64),
    y_range: (f64, f64),
    curves: Vec<Curve>,
}

#[derive(Serialize)]
pub struct Curve {
    expr: String,
    rows: Vec<(f64, Option<f64>)>,
    /// For a derivative's curve: what was differentiated, and how many times.
    #[serde(skip_serializing_if = "Option::is_none")]
    derivative_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    order: Option<u32>,
}

/// One side's table: `side` is `below`, `above`, `toward_inf` or `toward_minus_inf`.
#[derive(Serialize)]
pub struct Approach {
    side: &'static str,
    rows: Vec<(f64, Option<f64>)>,
    heading: Toward,
}

/// Where one side's values head.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Toward {
    Settles(f64),
    /// `+inf` or `-inf`.
    Unbounded(&'static str),
    Unsettled,
    /// Why the function has no value close to the point.
    Undefined(String),
    CannotTell,
}

#[derive(Serialize)]
pub struct ContourAt {
    at: [String; 2],
    value_at: f64,
    gradient: [String; 2],
    gradient_value: (f64, f64),
}

pub fn fields(answer: &SeeingAnswer) -> Fields {
    match answer {
        SeeingAnswer::Nudge(n) => Fields::Nudge {
            variable: n.var.to_string(),
            at: n.at.ascii(),
            value_at: n.value,
            derivative: n.derivative.ascii(),
            exact: n.slope_value,
            decimals: n.decimals,
            columns: ["h", "quotient", "rounding"],
            rows: nudges(&n.rows),
            rows_left: n.left.as_deref().map(nudges),
            steps: Steps::none(),
        },
        SeeingAnswer::Tangent(t) => Fields::Tangent {
            variable: t.var.to_string(),
            at: t.at.ascii(),
            value: t.value.ascii(),
            slope: t.slope.ascii(),
            steps: Steps::of([&t.steps]),
            plot: picture(&t.plot),
        },
        SeeingAnswer::Limit(l) => {
            let (verdict, estimate) = match &l.verdict {
                Verdict::Value { value, .. } => ("value", Some(*value)),
                Verdict::Unbounded { positive: true } => ("+inf", None),
                Verdict::Unbounded { positive: false } => ("-inf", None),
                Verdict::SidesDisagree => ("sides_disagree", None),
                Verdict::None => ("none", None),
                Verdict::CannotTell => ("cannot_tell", None),
            };
            Fields::Limit {
                variable: l.var.to_string(),
                target: match &l.target {
                    Target::Infinity { negative: false } => "inf".to_string(),
                    Target::Infinity { negative: true } => "-inf".to_string(),
                    Target::Point { at, .. } => at.ascii(),
                },
                approaches: l
                    .approaches
                    .iter()
                    .map(|a| Approach {
                        side: match a.direction {
                            Direction::Outward { negative: false } => "toward_inf",
                            Direction::Outward { negative: true } => "toward_minus_inf",
                            Direction::From(Side::Below) => "below",
                            Direction::From(Side::Above) => "above",
                        },
                        rows: a.rows.iter().map(row).collect(),
                        heading: toward(&a.heading),
                    })
                    .collect(),
                verdict,
                estimate,
                numerical: true,
                precise_bits: l.precise_bits,
                steps: Steps::none(),
            }
        }
        SeeingAnswer::Plot(p) => Fields::Plot {
            picture: picture(p),
            steps: Steps::none(),
        },
        SeeingAnswer::Contour(c) => Fields::Contour {
            variables: [c.vars.0.to_string(), c.vars.1.to_string()],
            x_range: c.region.x,
            y_range: c.region.y,
            levels: c.contours.iter().map(|k| k.level).collect(),
            at: c.gradient.as_ref().map(|g| ContourAt {
                at: [g.point.0.ascii(), g.point.1.ascii()],
                value_at: g.value,
                gradient: [g.gradient.0.ascii(), g.gradient.1.ascii()],
                gradient_value: g.gradient_value,
            }),
            steps: Steps::none(),
        },
    }
}

fn nudges(rows: &[NudgeRow]) -> Vec<(f64, Option<f64>, bool)> {
    rows.iter()
        .map(|r| (r.h, r.quotient.as_ref().ok().copied(), r.roundoff))
        .collect()
}

fn row(r: &LimitRow) -> (f64, Option<f64>) {
    (r.input, r.value.as_ref().ok().copied())
}

fn toward(heading: &Heading) -> Toward {
    match heading {
        Heading::Settles { value, .. } => Toward::Settles(*value),
        Heading::Unbounded { positive } => {
            Toward::Unbounded(if *positive { "+inf" } else { "-inf" })
        }
        Heading::Unsettled => Toward::Unsettled,
        Heading::Undefined(why) => Toward::Undefined(why.clone()),
        Heading::CannotTell => Toward::CannotTell,
    }
}

fn picture(p: &Plot) -> Picture {
    Picture {
        variable: p.var.to_string(),
        x_range: p.x_range,
        y_range: p.y_range,
        curves: p
            .curves
            .iter()
            .map(|c| Curve {
                expr: c.expr.ascii(),
                rows: c.samples.clone(),
                derivative_of: c.derivative_of.as_ref().map(|(f, _)| f.ascii()),
                order: c.derivative_of.as_ref().map(|(_, order)| *order),
            })
            .collect(),
    }
}
