//! Many-variable answers: vectors and matrices as arrays of ASCII expressions that nudge reads
//! back, each entry with its own steps; `latex` sets a vector as a column `pmatrix`.

use super::steps::Steps;
use super::{ascii, names, Formula, Named};
use crate::calculus::motion::Motion;
use crate::calculus::multivar::{Derivation, Direction as Unit, Exact, GradientAt, Value};
use crate::calculus::SoftmaxJacobian;
use crate::engine::{Headline, MatrixAt, MultivarAnswer};
use crate::explain::readings;
use crate::expr::{decimal, Expr};
use serde::Serialize;

/// A many-variable answer: the function's `name` when it has one, then its kind's fields.
#[derive(Serialize)]
pub struct Fields {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(flatten)]
    kind: Kind,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Kind {
    /// `mixed_partial`; `other_order` is the partials taken the other way round.
    MixedPartial {
        variables: Vec<String>,
        #[serde(flatten)]
        steps: Steps,
        #[serde(skip_serializing_if = "Option::is_none")]
        other_order: Option<OtherOrder>,
    },
    /// `gradient`.
    Gradient {
        variables: Vec<String>,
        vector: Vec<String>,
        unicode_vector: Vec<String>,
        partials: Vec<Partial>,
        #[serde(flatten)]
        steps: Steps,
        #[serde(skip_serializing_if = "Option::is_none")]
        at: Option<SteepestAt>,
        /// When the gradient is a softmax, as log-sum-exp's is: its inputs.
        #[serde(skip_serializing_if = "Option::is_none")]
        softmax: Option<SoftmaxOf>,
    },
    /// `directional_derivative`: ∇f · u, with u the direction made one unit long.
    Directional {
        variables: Vec<String>,
        vector: Vec<String>,
        partials: Vec<Partial>,
        #[serde(flatten)]
        steps: Steps,
        at: SteepestAt,
        along: Vec<String>,
        along_length: String,
        unit: Direction,
        dot: String,
        value: f64,
        meaning: String,
    },
    /// `jacobian`, `hessian`: `meaning` says how to read it.
    Matrix {
        variables: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        outputs: Option<Vec<String>>,
        #[serde(flatten)]
        matrix: Matrix,
        #[serde(flatten)]
        hessian: Option<Hessian>,
        /// A Jacobian whose outputs are a softmax, written with its shares.
        #[serde(skip_serializing_if = "Option::is_none")]
        softmax: Option<SoftmaxShares>,
        meaning: &'static str,
    },
    /// `vector_derivative`, `vector_length`.
    Motion(Box<MotionFields>),
    /// `matrix`: a matrix as typed.
    Literal {
        matrix: Vec<Vec<String>>,
        #[serde(flatten)]
        steps: Steps,
    },
    /// `vector`: a vector as typed, with its decimals when it has them.
    Vector {
        vector: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        values: Option<Vec<f64>>,
        #[serde(flatten)]
        steps: Steps,
    },
}

#[derive(Serialize)]
struct SoftmaxOf {
    inputs: Vec<String>,
}

/// A softmax Jacobian in its shares: `letter` (s), `inputs`, `shares` (each written out),
/// `entries` (s_i(δ_ij − s_j) by row) and `matrix` (`diag(s) - s*s^T` when the columns are
/// the inputs themselves, else null).
#[derive(Serialize)]
struct SoftmaxShares {
    letter: String,
    inputs: Vec<String>,
    shares: Vec<String>,
    entries: Vec<Vec<String>>,
    matrix: Option<String>,
}

#[derive(Serialize)]
struct OtherOrder {
    result: String,
    agrees: bool,
}

/// One partial derivative (or one entry of a matrix) with its working.
#[derive(Serialize)]
struct Partial {
    variables: Vec<String>,
    #[serde(flatten)]
    formula: Formula,
    #[serde(flatten)]
    steps: Steps,
}

/// The gradient at a point, and what it says about going up and down.
#[derive(Serialize)]
struct SteepestAt {
    point: Vec<String>,
    vector: Vec<String>,
    values: Vec<f64>,
    length: String,
    length_value: f64,
    descent: Vec<String>,
    /// Null where the gradient is zero.
    direction: Option<Direction>,
    meaning: String,
}

/// A direction as typed, its length, and the unit vector in decimals.
#[derive(Serialize)]
struct Direction {
    along: Vec<String>,
    norm: String,
    unit: Vec<f64>,
}

/// A matrix of partials: the entries, each with its working, and the values at a point.
#[derive(Serialize)]
struct Matrix {
    matrix: Vec<Vec<String>>,
    unicode_matrix: Vec<Vec<String>>,
    entries: Vec<Vec<Partial>>,
    #[serde(flatten)]
    steps: Steps,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<MatrixValues>,
}

#[derive(Serialize)]
struct MatrixValues {
    point: Vec<String>,
    matrix: Vec<Vec<String>>,
    values: Vec<Vec<f64>>,
}

/// What only a Hessian says: whether it is symmetric, and the kind of flat spot.
#[derive(Serialize)]
struct Hessian {
    symmetric: bool,
    mirrored_entries_written_alike: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    flat_spot: Option<&'static str>,
}

#[derive(Serialize)]
struct MotionFields {
    variable: String,
    order: u32,
    components: Vec<String>,
    vector: Vec<String>,
    unicode_vector: Vec<String>,
    entries: Vec<Component>,
    #[serde(flatten)]
    steps: Steps,
    #[serde(skip_serializing_if = "Option::is_none")]
    length: Option<Length>,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<MotionAt>,
    /// The derivative by time read as a velocity or an acceleration.
    #[serde(skip_serializing_if = "Option::is_none")]
    meaning: Option<&'static str>,
}

/// One component's derivative.
#[derive(Serialize)]
struct Component {
    component: String,
    result: String,
    unicode: String,
    #[serde(flatten)]
    steps: Steps,
}

/// The length √(x′² + y′² + …): the sum of squares, tidied, and its value.
#[derive(Serialize)]
struct Length {
    squares: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    tidied: Option<String>,
    result: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<f64>,
}

/// The derivative at a time: decimals left out while a constant such as v0 is left in.
#[derive(Serialize)]
struct MotionAt {
    point: Named<String>,
    vector: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    values: Option<Vec<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    length: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    length_value: Option<f64>,
}

/// `result`, `unicode`, `latex` of the final value: a vector as `(a, b)` and a column
/// `pmatrix`, a matrix as `[[a, b], [c, d]]` and a `pmatrix`.
pub fn head(answer: &MultivarAnswer) -> Formula {
    match answer.headline() {
        Headline::Scalar(e) => Formula::of(&e),
        Headline::Vector(v) => Formula {
            result: tuple(&v, Expr::ascii),
            unicode: tuple(&v, Expr::unicode),
            latex: pmatrix(v.iter().map(|e| vec![e.latex()])),
        },
        Headline::Matrix(m) => Formula {
            result: grid(&m, Expr::ascii),
            unicode: grid(&m, Expr::unicode),
            latex: pmatrix(m.iter().map(|r| r.iter().map(Expr::latex).collect())),
        },
    }
}

pub fn fields(answer: &MultivarAnswer) -> Fields {
    let kind = match answer {
        MultivarAnswer::MixedPartial {
            derivation,
            swapped,
            ..
        } => Kind::MixedPartial {
            variables: names(&derivation.vars),
            steps: Steps::of(&derivation.steps),
            other_order: swapped.as_ref().map(|other| OtherOrder {
                result: other.result.ascii(),
                agrees: other.agrees,
            }),
        },
        MultivarAnswer::Gradient {
            name,
            vars,
            partials,
            at,
            softmax,
            ..
        } => Kind::Gradient {
            variables: names(vars),
            vector: ascii(&results(partials)),
            unicode_vector: unicode(&results(partials)),
            partials: partials.iter().map(partial).collect(),
            steps: all_steps(partials),
            at: at
                .as_ref()
                .map(|at| steepest(at, &readings::function_name(name.as_ref()))),
            softmax: softmax.as_ref().map(|s| SoftmaxOf {
                inputs: ascii(&s.inputs),
            }),
        },
        MultivarAnswer::Directional {
            name,
            vars,
            partials,
            directional: d,
            ..
        } => {
            let f = readings::function_name(name.as_ref());
            Kind::Directional {
                variables: names(vars),
                vector: ascii(&results(partials)),
                partials: partials.iter().map(partial).collect(),
                steps: all_steps(partials),
                at: steepest(&d.at, &f),
                along: ascii(&d.along),
                along_length: d.length_of_along.ascii(),
                unit: direction(&d.unit),
                dot: d.dot.ascii(),
                value: d.value.approx,
                meaning: readings::directional_sign(&f, d.value.approx),
            }
        }
        MultivarAnswer::Jacobian {
            outputs,
            vars,
            rows,
            at,
            softmax,
        } => Kind::Matrix {
            variables: names(vars),
            outputs: Some(ascii(outputs)),
            matrix: matrix(rows, at.as_ref()),
            hessian: None,
            softmax: softmax.as_ref().map(shares),
            meaning: readings::JACOBIAN,
        },
        MultivarAnswer::Hessian {
            vars,
            rows,
            symmetric,
            same_forms,
            flat_spot,
            at,
            ..
        } => Kind::Matrix {
            variables: names(vars),
            outputs: None,
            matrix: matrix(rows, at.as_ref()),
            hessian: Some(Hessian {
                symmetric: *symmetric,
                mirrored_entries_written_alike: *same_forms,
                flat_spot: flat_spot.map(readings::flat_spot_id),
            }),
            softmax: None,
            meaning: readings::HESSIAN_USE,
        },
        MultivarAnswer::Motion { motion: m, .. } => Kind::Motion(Box::new(motion(m))),
        MultivarAnswer::Literal {
            rows, matrix: true, ..
        } => Kind::Literal {
            matrix: rows.iter().map(|r| ascii(r)).collect(),
            steps: Steps::none(),
        },
        MultivarAnswer::Literal { rows, decimals, .. } => Kind::Vector {
            vector: ascii(rows.first().map_or(&[][..], Vec::as_slice)),
            values: decimals.clone(),
            steps: Steps::none(),
        },
    };
    Fields {
        name: answer.name().map(|n| n.to_string()),
        kind,
    }
}

/// `(a, b)`.
fn tuple(entries: &[Expr], show: fn(&Expr) -> String) -> String {
    let shown: Vec<String> = entries.iter().map(show).collect();
    format!("({})", shown.join(", "))
}

/// `[[a, b], [c, d]]`.
fn grid(rows: &[Vec<Expr>], show: fn(&Expr) -> String) -> String {
    let shown: Vec<String> = rows
        .iter()
        .map(|r| r.iter().map(show).collect::<Vec<_>>().join(", "))
        .collect();
    format!("[[{}]]", shown.join("], ["))
}

/// `\begin{pmatrix} a & b \\ c & d \end{pmatrix}`; a vector is a column.
fn pmatrix(rows: impl Iterator<Item = Vec<String>>) -> String {
    let rows: Vec<String> = rows.map(|r| r.join(" & ")).collect();
    format!(
        "\\begin{{pmatrix}} {} \\end{{pmatrix}}",
        rows.join(" \\\\ ")
    )
}

fn matrix(rows: &[Vec<Derivation>], at: Option<&MatrixAt>) -> Matrix {
    let results: Vec<Vec<Expr>> = rows.iter().map(|r| results(r)).collect();
    Matrix {
        matrix: results.iter().map(|r| ascii(r)).collect(),
        unicode_matrix: results.iter().map(|r| unicode(r)).collect(),
        entries: rows
            .iter()
            .map(|r| r.iter().map(partial).collect())
            .collect(),
        steps: all_steps(rows.iter().flatten()),
        at: at.map(|at| MatrixValues {
            point: ascii(&at.point),
            matrix: at
                .values
                .iter()
                .map(|row| row.iter().map(|v| v.exact.ascii()).collect())
                .collect(),
            values: at
                .values
                .iter()
                .map(|row| row.iter().map(|v| v.approx).collect())
                .collect(),
        }),
    }
}

fn shares(shaped: &SoftmaxJacobian) -> SoftmaxShares {
    let softmax = &shaped.softmax;
    let s = &*softmax.letter;
    SoftmaxShares {
        letter: s.to_string(),
        inputs: ascii(&softmax.inputs),
        shares: (0..softmax.inputs.len())
            .map(|i| softmax.written(i).ascii())
            .collect(),
        entries: shaped.entries.iter().map(|r| ascii(r)).collect(),
        matrix: shaped.square.then(|| format!("diag({s}) - {s}*{s}^T")),
    }
}

fn motion(m: &Motion) -> MotionFields {
    MotionFields {
        variable: m.var.to_string(),
        order: m.order,
        components: ascii(&m.components),
        vector: ascii(&results(&m.derivatives)),
        unicode_vector: unicode(&results(&m.derivatives)),
        entries: m
            .components
            .iter()
            .zip(&m.derivatives)
            .map(|(c, d)| Component {
                component: c.ascii(),
                result: d.result.ascii(),
                unicode: d.result.unicode(),
                steps: Steps::of(&d.steps),
            })
            .collect(),
        steps: all_steps(&m.derivatives),
        length: m.length.as_ref().map(|l| Length {
            squares: l.squares.ascii(),
            tidied: l.tidied.as_ref().map(Expr::ascii),
            result: l.result.ascii(),
            value: l.value,
        }),
        at: m.at.as_ref().map(|at| MotionAt {
            point: [(m.var.to_string(), at.value.ascii())]
                .into_iter()
                .collect(),
            vector: ascii(&Exact::exacts(&at.vector)),
            values: Exact::decimals(&at.vector),
            length: at.length.as_ref().map(|l| l.exact.ascii()),
            length_value: at.length.as_ref().and_then(|l| l.approx),
        }),
        meaning: readings::time(&m.var, m.order),
    }
}

/// The gradient at a point, read for the function named `f`.
fn steepest(at: &GradientAt, f: &str) -> SteepestAt {
    let point = format!("({})", joined(&at.point));
    let meaning = match &at.direction {
        Some(d) => {
            let along = format!("({})", joined(&d.along));
            let rate = decimal((at.length.approx * 100.0).round() / 100.0);
            readings::steepest(f, &point, &along, &rate, &format!("−∇{f}"))
        }
        None => readings::flat(&point),
    };
    SteepestAt {
        point: ascii(&at.point),
        vector: at.vector.iter().map(|v| v.exact.ascii()).collect(),
        values: at.vector.iter().map(|v: &Value| v.approx).collect(),
        length: at.length.exact.ascii(),
        length_value: at.length.approx,
        descent: ascii(&at.descent),
        direction: at.direction.as_ref().map(direction),
        meaning,
    }
}

/// Entries in Unicode, separated by commas.
fn joined(entries: &[Expr]) -> String {
    unicode(entries).join(", ")
}

fn direction(d: &Unit) -> Direction {
    Direction {
        along: ascii(&d.along),
        norm: d.norm.ascii(),
        unit: d.unit.clone(),
    }
}

fn partial(d: &Derivation) -> Partial {
    Partial {
        variables: names(&d.vars),
        formula: Formula::of(&d.result),
        steps: Steps::of(&d.steps),
    }
}

/// Every derivation's steps, one after another.
fn all_steps<'a>(derivations: impl IntoIterator<Item = &'a Derivation>) -> Steps {
    Steps::of(derivations.into_iter().flat_map(|d| &d.steps))
}

fn results(derivations: &[Derivation]) -> Vec<Expr> {
    derivations.iter().map(|d| d.result.clone()).collect()
}

fn unicode(entries: &[Expr]) -> Vec<String> {
    entries.iter().map(Expr::unicode).collect()
}
