//! The JSON fields of the "seeing" answers: tables as arrays of rows, plots as sampled points.

use super::json::step_json;
use super::prune::{prune, Limits};
use crate::engine::{Direction, Plot, SeeingAnswer, Target, Verdict};
use crate::numeric::limit::Heading;
use crate::numeric::nudge::NudgeRow;
use crate::syntax::Side;
use serde_json::{json, Map, Value};

/// A finite number, or null.
fn number(v: f64) -> Value {
    if v.is_finite() {
        json!(v)
    } else {
        Value::Null
    }
}

pub(super) fn fill(obj: &mut Map<String, Value>, answer: &SeeingAnswer) {
    match answer {
        SeeingAnswer::Nudge(n) => {
            obj.insert("variable".into(), json!(&*n.var));
            obj.insert("at".into(), json!(n.at.ascii()));
            obj.insert("value_at".into(), number(n.value));
            obj.insert("derivative".into(), json!(n.derivative.ascii()));
            obj.insert("exact".into(), n.slope_value.map_or(Value::Null, number));
            obj.insert("decimals".into(), json!(n.decimals));
            obj.insert("columns".into(), json!(["h", "quotient", "rounding"]));
            let rows = |rows: &[NudgeRow]| -> Value {
                rows.iter()
                    .map(|r| {
                        let q = r.quotient.as_ref().map_or(Value::Null, |q| number(*q));
                        json!([r.h, q, r.roundoff])
                    })
                    .collect()
            };
            obj.insert("rows".into(), rows(&n.rows));
            if let Some(left) = &n.left {
                obj.insert("rows_left".into(), rows(left));
            }
            obj.insert("steps".into(), json!([]));
        }
        SeeingAnswer::Tangent(t) => {
            obj.insert("variable".into(), json!(&*t.var));
            obj.insert("at".into(), json!(t.at.ascii()));
            obj.insert("value".into(), json!(t.value.ascii()));
            obj.insert("slope".into(), json!(t.slope.ascii()));
            obj.insert(
                "steps".into(),
                json!([step_json(&prune(&t.steps, Limits::JSON))]),
            );
            obj.insert("plot".into(), plot(&t.plot));
        }
        SeeingAnswer::Limit(l) => {
            obj.insert("variable".into(), json!(&*l.var));
            let target = match &l.target {
                Target::Infinity { negative: false } => json!("inf"),
                Target::Infinity { negative: true } => json!("-inf"),
                Target::Point { at, .. } => json!(at.ascii()),
            };
            obj.insert("target".into(), target);
            let approaches: Vec<Value> = l
                .approaches
                .iter()
                .map(|a| {
                    let side = match a.direction {
                        Direction::Outward { negative: false } => "toward_inf",
                        Direction::Outward { negative: true } => "toward_minus_inf",
                        Direction::From(Side::Below) => "below",
                        Direction::From(Side::Above) => "above",
                    };
                    let rows: Vec<Value> = a
                        .rows
                        .iter()
                        .map(|r| {
                            json!([
                                r.input,
                                r.value.as_ref().map_or(Value::Null, |v| number(*v))
                            ])
                        })
                        .collect();
                    let heading = match &a.heading {
                        Heading::Settles { value, .. } => json!({"settles": number(*value)}),
                        Heading::Unbounded { positive } => {
                            json!({"unbounded": if *positive { "+inf" } else { "-inf" }})
                        }
                        Heading::Unsettled => json!("unsettled"),
                        Heading::Undefined(why) => json!({"undefined": why}),
                        Heading::CannotTell => json!("cannot_tell"),
                    };
                    json!({"side": side, "rows": rows, "heading": heading})
                })
                .collect();
            obj.insert("approaches".into(), Value::Array(approaches));
            let (verdict, estimate) = match &l.verdict {
                Verdict::Value { value, .. } => ("value", number(*value)),
                Verdict::Unbounded { positive: true } => ("+inf", Value::Null),
                Verdict::Unbounded { positive: false } => ("-inf", Value::Null),
                Verdict::SidesDisagree => ("sides_disagree", Value::Null),
                Verdict::None => ("none", Value::Null),
                Verdict::CannotTell => ("cannot_tell", Value::Null),
            };
            obj.insert("verdict".into(), json!(verdict));
            obj.insert("estimate".into(), estimate);
            obj.insert("numerical".into(), json!(true));
            if let Some(bits) = l.precise_bits {
                obj.insert("precise_bits".into(), json!(bits));
            }
            obj.insert("steps".into(), json!([]));
        }
        SeeingAnswer::Plot(p) => {
            for (k, v) in plot(p).as_object().into_iter().flatten() {
                obj.insert(k.clone(), v.clone());
            }
            obj.insert("steps".into(), json!([]));
        }
        SeeingAnswer::Contour(c) => {
            obj.insert("variables".into(), json!([&*c.vars.0, &*c.vars.1]));
            obj.insert("x_range".into(), json!([c.region.x.0, c.region.x.1]));
            obj.insert("y_range".into(), json!([c.region.y.0, c.region.y.1]));
            let levels: Vec<f64> = c.contours.iter().map(|k| k.level).collect();
            obj.insert("levels".into(), json!(levels));
            if let Some(g) = &c.gradient {
                obj.insert("at".into(), json!([g.point.0.ascii(), g.point.1.ascii()]));
                obj.insert("value_at".into(), number(g.value));
                obj.insert(
                    "gradient".into(),
                    json!([g.gradient.0.ascii(), g.gradient.1.ascii()]),
                );
                obj.insert(
                    "gradient_value".into(),
                    json!([number(g.gradient_value.0), number(g.gradient_value.1)]),
                );
            }
            obj.insert("steps".into(), json!([]));
        }
    }
}

/// A plot's curves, each with its points as [x, y] rows (y null where undefined).
fn plot(p: &Plot) -> Value {
    let curves: Vec<Value> = p
        .curves
        .iter()
        .map(|c| {
            let rows: Vec<Value> = c
                .samples
                .iter()
                .map(|(x, y)| json!([x, y.map_or(Value::Null, number)]))
                .collect();
            let mut curve = json!({"expr": c.expr.ascii(), "rows": rows});
            if let Some((f, order)) = &c.derivative_of {
                curve["derivative_of"] = json!(f.ascii());
                curve["order"] = json!(order);
            }
            curve
        })
        .collect();
    json!({
        "variable": &*p.var,
        "x_range": [p.x_range.0, p.x_range.1],
        "y_range": [p.y_range.0, p.y_range.1],
        "curves": curves,
    })
}
