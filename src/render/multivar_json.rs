//! The JSON fields of many-variable answers: vectors and matrices as arrays of ASCII expressions.
//!
//! Every expression string parses back in nudge to an equal expression; each
//! entry carries its own steps. `latex` sets a vector as a column `pmatrix`.

use super::json::step_json;
use super::multivar_latex::headline_latex;
use super::prune::{prune, Limits};
use super::readings;
use crate::calculus::motion::Motion;
use crate::calculus::multivar::{Derivation, Direction, Exact, GradientAt, Value};
use crate::calculus::SoftmaxJacobian;
use crate::engine::{Headline, MatrixAt, MultivarAnswer};
use crate::expr::{Expr, Symbol};
use serde_json::{json, Map, Value as Json};

pub(super) fn fill(obj: &mut Map<String, Json>, answer: &MultivarAnswer) {
    let headline = answer.headline();
    obj.insert("latex".into(), json!(headline_latex(&headline)));
    match headline {
        Headline::Scalar(_) => {}
        Headline::Vector(v) => {
            obj.insert("result".into(), json!(tuple(&v, Expr::ascii)));
            obj.insert("unicode".into(), json!(tuple(&v, Expr::unicode)));
        }
        Headline::Matrix(m) => {
            obj.insert("result".into(), json!(matrix_text(&m, Expr::ascii)));
            obj.insert("unicode".into(), json!(matrix_text(&m, Expr::unicode)));
        }
    }
    let mut put = |key: &str, value: Json| {
        obj.insert(key.to_string(), value);
    };
    if let Some(n) = answer.name() {
        put("name", json!(&**n));
    }
    match answer {
        MultivarAnswer::MixedPartial {
            derivation,
            swapped,
            ..
        } => {
            put("variables", names(&derivation.vars));
            put("steps", steps(derivation));
            if let Some(other) = swapped {
                put(
                    "other_order",
                    json!({ "result": other.result.ascii(), "agrees": other.agrees }),
                );
            }
        }
        MultivarAnswer::Gradient {
            name,
            vars,
            partials,
            at,
            softmax,
            ..
        } => {
            put("variables", names(vars));
            put("vector", ascii(&results(partials)));
            put("unicode_vector", unicode(&results(partials)));
            put("partials", partials_json(partials));
            put("steps", all_steps(partials));
            if let Some(at) = at {
                put(
                    "at",
                    gradient_at(at, &readings::function_name(name.as_ref())),
                );
            }
            if let Some(s) = softmax {
                put("softmax", json!({ "inputs": ascii(&s.inputs) }));
            }
        }
        MultivarAnswer::Directional {
            name,
            vars,
            partials,
            directional: d,
            ..
        } => {
            let f = readings::function_name(name.as_ref());
            put("variables", names(vars));
            put("vector", ascii(&results(partials)));
            put("partials", partials_json(partials));
            put("steps", all_steps(partials));
            put("at", gradient_at(&d.at, &f));
            put("along", ascii(&d.along));
            put("along_length", json!(d.length_of_along.ascii()));
            put("unit", direction(&d.unit));
            put("dot", json!(d.dot.ascii()));
            put("value", number(d.value.approx));
            put(
                "meaning",
                json!(readings::directional_sign(&f, d.value.approx)),
            );
        }
        MultivarAnswer::Jacobian {
            outputs,
            vars,
            rows,
            at,
            softmax,
        } => {
            put("variables", names(vars));
            put("outputs", ascii(outputs));
            matrix_fields(&mut put, rows, at.as_ref());
            if let Some(shaped) = softmax {
                put("softmax", softmax_jacobian(shaped));
            }
            put("meaning", json!(readings::JACOBIAN));
        }
        MultivarAnswer::Hessian {
            vars,
            rows,
            symmetric,
            same_forms,
            flat_spot,
            at,
            ..
        } => {
            put("variables", names(vars));
            matrix_fields(&mut put, rows, at.as_ref());
            put("symmetric", json!(symmetric));
            put("mirrored_entries_written_alike", json!(same_forms));
            if let Some(spot) = flat_spot {
                put("flat_spot", json!(readings::flat_spot_id(*spot)));
            }
            put("meaning", json!(readings::HESSIAN_USE));
        }
        MultivarAnswer::Motion { motion: m, .. } => motion(&mut put, m),
        MultivarAnswer::Literal {
            rows, matrix: true, ..
        } => {
            put(
                "matrix",
                Json::Array(rows.iter().map(|r| ascii(r)).collect()),
            );
            put("steps", json!([]));
        }
        MultivarAnswer::Literal { rows, decimals, .. } => {
            put("vector", ascii(rows.first().map_or(&[][..], Vec::as_slice)));
            if let Some(values) = decimals {
                put(
                    "values",
                    Json::Array(values.iter().copied().map(number).collect()),
                );
            }
            put("steps", json!([]));
        }
    }
}

/// `(a, b)`.
fn tuple(entries: &[Expr], show: fn(&Expr) -> String) -> String {
    let shown: Vec<String> = entries.iter().map(show).collect();
    format!("({})", shown.join(", "))
}

/// `[[a, b], [c, d]]`.
fn matrix_text(rows: &[Vec<Expr>], show: fn(&Expr) -> String) -> String {
    let shown: Vec<String> = rows
        .iter()
        .map(|r| r.iter().map(show).collect::<Vec<_>>().join(", "))
        .collect();
    format!("[[{}]]", shown.join("], ["))
}

fn matrix_fields(
    put: &mut impl FnMut(&str, Json),
    rows: &[Vec<Derivation>],
    at: Option<&MatrixAt>,
) {
    let results: Vec<Vec<Expr>> = rows.iter().map(|r| results(r)).collect();
    put(
        "matrix",
        Json::Array(results.iter().map(|r| ascii(r)).collect()),
    );
    put(
        "unicode_matrix",
        Json::Array(results.iter().map(|r| unicode(r)).collect()),
    );
    put(
        "entries",
        Json::Array(rows.iter().map(|r| partials_json(r)).collect()),
    );
    let flat: Vec<Derivation> = rows.iter().flatten().cloned().collect();
    put("steps", all_steps(&flat));
    if let Some(at) = at {
        let exact: Vec<Json> = at
            .values
            .iter()
            .map(|row| ascii(&row.iter().map(|v| v.exact.clone()).collect::<Vec<_>>()))
            .collect();
        let values: Vec<Json> = at
            .values
            .iter()
            .map(|row| Json::Array(row.iter().map(|v| number(v.approx)).collect()))
            .collect();
        put(
            "at",
            json!({ "point": ascii(&at.point), "matrix": exact, "values": values }),
        );
    }
}

fn motion(put: &mut impl FnMut(&str, Json), m: &Motion) {
    put("variable", json!(&*m.var));
    put("order", json!(m.order));
    put("components", ascii(&m.components));
    put("vector", ascii(&results(&m.derivatives)));
    put("unicode_vector", unicode(&results(&m.derivatives)));
    let entries: Vec<Json> = m
        .components
        .iter()
        .zip(&m.derivatives)
        .map(|(c, d)| {
            json!({
                "component": c.ascii(),
                "result": d.result.ascii(),
                "unicode": d.result.unicode(),
                "steps": steps(d),
            })
        })
        .collect();
    put("entries", Json::Array(entries));
    put("steps", all_steps(&m.derivatives));
    if let Some(l) = &m.length {
        let mut length = Map::new();
        length.insert("squares".into(), json!(l.squares.ascii()));
        if let Some(t) = &l.tidied {
            length.insert("tidied".into(), json!(t.ascii()));
        }
        length.insert("result".into(), json!(l.result.ascii()));
        if let Some(v) = l.value {
            length.insert("value".into(), number(v));
        }
        put("length", Json::Object(length));
    }
    if let Some(at) = &m.at {
        let mut obj = Map::new();
        obj.insert("point".into(), json!({ &*m.var: at.value.ascii() }));
        obj.insert("vector".into(), ascii(&Exact::exacts(&at.vector)));
        // Without decimals while a constant such as v0 is left, as a value at a point.
        if let Some(values) = Exact::decimals(&at.vector) {
            let values = values.into_iter().map(number).collect();
            obj.insert("values".into(), Json::Array(values));
        }
        if let Some(l) = &at.length {
            obj.insert("length".into(), json!(l.exact.ascii()));
            if let Some(v) = l.approx {
                obj.insert("length_value".into(), number(v));
            }
        }
        put("at", Json::Object(obj));
    }
    if let Some(reading) = readings::time(&m.var, m.order) {
        put("meaning", json!(reading));
    }
}

/// The gradient at a point, read for the function named `f`.
fn gradient_at(at: &GradientAt, f: &str) -> Json {
    let mut obj = Map::new();
    obj.insert("point".into(), ascii(&at.point));
    obj.insert("vector".into(), values_ascii(&at.vector));
    obj.insert(
        "values".into(),
        Json::Array(at.vector.iter().map(|v| number(v.approx)).collect()),
    );
    obj.insert("length".into(), json!(at.length.exact.ascii()));
    obj.insert("length_value".into(), number(at.length.approx));
    obj.insert("descent".into(), ascii(&at.descent));
    let point = at
        .point
        .iter()
        .map(Expr::unicode)
        .collect::<Vec<_>>()
        .join(", ");
    let point = format!("({point})");
    match &at.direction {
        Some(d) => {
            obj.insert("direction".into(), direction(d));
            let along = format!(
                "({})",
                d.along
                    .iter()
                    .map(Expr::unicode)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let rate = super::text::decimal((at.length.approx * 100.0).round() / 100.0);
            obj.insert(
                "meaning".into(),
                json!(readings::steepest(
                    f,
                    &point,
                    &along,
                    &rate,
                    &format!("−∇{f}")
                )),
            );
        }
        None => {
            obj.insert("direction".into(), Json::Null);
            obj.insert("meaning".into(), json!(readings::flat(&point)));
        }
    }
    Json::Object(obj)
}

fn direction(d: &Direction) -> Json {
    json!({
        "along": ascii(&d.along),
        "norm": d.norm.ascii(),
        "unit": d.unit.iter().map(|u| number(*u)).collect::<Vec<_>>(),
    })
}

fn partials_json(partials: &[Derivation]) -> Json {
    Json::Array(
        partials
            .iter()
            .map(|d| {
                json!({
                    "variables": names(&d.vars),
                    "result": d.result.ascii(),
                    "unicode": d.result.unicode(),
                    "latex": d.result.latex(),
                    "steps": steps(d),
                })
            })
            .collect(),
    )
}

fn steps(d: &Derivation) -> Json {
    Json::Array(
        d.steps
            .iter()
            .map(|s| step_json(&prune(s, Limits::JSON)))
            .collect(),
    )
}

fn all_steps(derivations: &[Derivation]) -> Json {
    Json::Array(
        derivations
            .iter()
            .flat_map(|d| d.steps.iter().map(|s| step_json(&prune(s, Limits::JSON))))
            .collect(),
    )
}

fn results(derivations: &[Derivation]) -> Vec<Expr> {
    derivations.iter().map(|d| d.result.clone()).collect()
}

fn names(vars: &[Symbol]) -> Json {
    json!(vars.iter().map(|v| &**v).collect::<Vec<_>>())
}

fn ascii(entries: &[Expr]) -> Json {
    json!(entries.iter().map(Expr::ascii).collect::<Vec<_>>())
}

fn unicode(entries: &[Expr]) -> Json {
    json!(entries.iter().map(Expr::unicode).collect::<Vec<_>>())
}

fn values_ascii(values: &[Value]) -> Json {
    json!(values.iter().map(|v| v.exact.ascii()).collect::<Vec<_>>())
}

/// A finite number, or null.
fn number(v: f64) -> Json {
    if v.is_finite() {
        json!(v)
    } else {
        Json::Null
    }
}

/// A softmax Jacobian in its shares: `"letter"`, `"inputs"`, `"shares"` (each written out),
/// `"entries"` (s_i(δ_ij − s_j) by row) and `"matrix"` (`diag(s) - s*s^T` when the columns
/// are the inputs themselves, else null).
fn softmax_jacobian(shaped: &SoftmaxJacobian) -> Json {
    let softmax = &shaped.softmax;
    let shares: Vec<Expr> = (0..softmax.inputs.len())
        .map(|i| softmax.written(i))
        .collect();
    let s = &*softmax.letter;
    json!({
        "letter": s,
        "inputs": ascii(&softmax.inputs),
        "shares": ascii(&shares),
        "entries": Json::Array(shaped.entries.iter().map(|r| ascii(r)).collect()),
        "matrix": shaped.square.then(|| format!("diag({s}) - {s}*{s}^T")),
    })
}
