//! One variable and the session: derivatives, expressions, integrals, values at a point,
//! definitions, `check`, `read`, help and the tutor's commands; the other families' fields
//! come from their own modules.

use super::steps::{Step, Steps};
use super::{ascii, names, Named};
use crate::calculus::{Check, CheckMethod, Detail, Known};
use crate::engine::checking::{Checked, Judged};
use crate::engine::{Answer, Definition, Tutor};
use crate::engine::{
    AreaAnswer, AtPointAnswer, DefinedAnswer, DerivativeAnswer, ExpressionAnswer, IntegralAnswer,
};
use crate::explain::integral::constant_name;
use crate::explain::notation::{shape_id, words};
use crate::explain::{help, readings};
use crate::expr::{Expr, Style};
use crate::present::{self, Plain};
use crate::syntax::Body;
use serde::Serialize;

#[derive(Serialize)]
#[serde(untagged)]
pub enum Fields {
    /// `derivative`, `partial`.
    Derivative {
        variable: String,
        order: u32,
        /// The learner's own name for it: `f′(x)` and `dy/dx` carry `f` and `y`.
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// A derivative by time read as a velocity or an acceleration.
        #[serde(skip_serializing_if = "Option::is_none")]
        meaning: Option<&'static str>,
        #[serde(flatten)]
        steps: Steps,
        /// The result in a shape papers print.
        #[serde(skip_serializing_if = "Option::is_none")]
        also: Option<Also>,
    },
    /// `expression`, `value`: `value` is the decimal when there are no variables.
    Expression {
        #[serde(skip_serializing_if = "Option::is_none")]
        value: Option<f64>,
        #[serde(flatten)]
        steps: Steps,
    },
    /// `notation`: what each part of a line of notation means.
    Notation {
        explanations: Vec<Explanation>,
        #[serde(flatten)]
        steps: Steps,
    },
    /// `integral`: `result` is the antiderivative without its constant.
    Integral {
        variable: String,
        constant: String,
        check: CheckedBack,
        #[serde(flatten)]
        steps: Steps,
    },
    /// `definite_integral`.
    Definite {
        variable: String,
        lower: String,
        upper: String,
        /// Whether an antiderivative was found.
        exact: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        value: Option<f64>,
        #[serde(flatten)]
        numeric: Option<Numeric>,
        #[serde(skip_serializing_if = "Option::is_none")]
        check: Option<CheckedBack>,
        #[serde(flatten)]
        steps: Steps,
    },
    /// `value`: another answer's fields, then `at` (the point) and `value` (the decimal). The
    /// answer is written as its own kind's struct and then merged, key by key, with the
    /// point: a key the answer has already (a directional derivative's `value`) keeps its
    /// place and takes the point's value, as an object's key can only be there once.
    AtPoint(serde_json::Map<String, serde_json::Value>),
    /// `definition`, `undefined`.
    Definition(Defined),
    /// `definitions`.
    Definitions {
        definitions: Vec<Listed>,
    },
    /// `help`: the page as plain text.
    Help {
        text: String,
    },
    /// `check`: `right` is null when too few points had values to tell.
    Check {
        right: Option<bool>,
        given: String,
        expected: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        hint: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        witness: Option<Witness>,
        /// Right only under this assumption (`y1 + y2 + y3 = 1`); `right` is then false.
        #[serde(skip_serializing_if = "Option::is_none")]
        right_given: Option<String>,
    },
    /// `lesson`.
    Lesson {
        lesson: usize,
    },
    /// `practice`.
    Practice {
        topic: &'static str,
    },
    /// `reset`, `quit`, `lessons`.
    Nothing,
    Multivar(Box<super::multivar::Fields>),
    Seeing(super::seeing::Fields),
    Tensor(super::tensor::Fields),
    Training(super::training::Fields),
}

/// The fields of each kind of answer; the larger families have modules of their own.
pub fn fields(answer: &Answer) -> Fields {
    match answer {
        Answer::Derivative(DerivativeAnswer {
            steps,
            var,
            order,
            partial,
            named,
            ..
        }) => Fields::Derivative {
            variable: var.to_string(),
            order: *order,
            name: named.as_ref().map(|n| n.name().to_string()),
            meaning: readings::time(var, *order).filter(|_| !partial),
            steps: Steps::of(steps),
            also: match steps.last().map(|s| &s.detail) {
                Some(Detail::Shape(known)) => Some(Also::of(known)),
                _ => None,
            },
        },
        Answer::Notation(reading) => Fields::Notation {
            explanations: reading
                .shapes
                .iter()
                .map(|e| {
                    let w = words(&e.shape);
                    Explanation {
                        notation: e.shown.clone(),
                        shape: shape_id(&e.shape),
                        title: w.title,
                        meaning: w.meaning,
                    }
                })
                .collect(),
            steps: Steps::none(),
        },
        Answer::Expression(ExpressionAnswer { value, .. }) => Fields::Expression {
            value: value.filter(|v| v.is_finite()),
            steps: Steps::none(),
        },
        Answer::AtPoint(AtPointAnswer {
            inner,
            point,
            value,
            ..
        }) => {
            let at: Named<String> = point
                .iter()
                .map(|(v, e)| (v.to_string(), e.ascii()))
                .collect();
            let mut merged = match serde_json::to_value(fields(inner)) {
                Ok(serde_json::Value::Object(map)) => map,
                _ => serde_json::Map::new(),
            };
            merged.insert("at".into(), serde_json::json!(at));
            if let Some(v) = value {
                merged.insert("value".into(), serde_json::json!(v));
            }
            Fields::AtPoint(merged)
        }
        Answer::Defined(DefinedAnswer { definition, .. }) | Answer::Forgotten(definition) => {
            Fields::Definition(defined(definition))
        }
        Answer::Definitions(defs) => Fields::Definitions {
            definitions: defs
                .iter()
                .map(|d| Listed {
                    definition: defined(d),
                    result: d.body.text(Expr::ascii),
                })
                .collect(),
        },
        Answer::Help(page) => Fields::Help {
            text: present::text(&help::help(*page), true, false, &Plain),
        },
        Answer::Check(checked) => check(checked),
        Answer::Tutor(Tutor::Lesson(n)) => Fields::Lesson { lesson: *n },
        Answer::Tutor(Tutor::Practice(topic)) => Fields::Practice {
            topic: topic.name(),
        },
        Answer::Integral(IntegralAnswer {
            var,
            steps,
            check,
            constant,
            ..
        }) => Fields::Integral {
            variable: var.to_string(),
            constant: constant_name(*constant, false),
            check: checked_back(check),
            steps: Steps::of([steps]),
        },
        Answer::DefiniteIntegral(AreaAnswer {
            var,
            lower,
            upper,
            exact,
            value,
            numeric,
            ..
        }) => Fields::Definite {
            variable: var.to_string(),
            lower: lower.ascii(),
            upper: upper.ascii(),
            exact: exact.is_some(),
            value: value.filter(|v| v.is_finite()),
            numeric: numeric
                .filter(|n| n.estimate.value.is_finite())
                .map(|n| Numeric {
                    numeric: n.estimate.value,
                    numeric_error: n.estimate.error,
                    numeric_reliable: n.reliable,
                }),
            check: exact.as_ref().map(|e| checked_back(&e.check)),
            steps: Steps::new(
                exact
                    .iter()
                    .flat_map(|e| [Step::of(&e.antiderivative), Step::of(&e.theorem)])
                    .collect(),
            ),
        },
        Answer::Reset | Answer::Quit | Answer::Tutor(Tutor::List) => Fields::Nothing,
        Answer::Multivar(m) => Fields::Multivar(Box::new(super::multivar::fields(m))),
        Answer::Seeing(s) => Fields::Seeing(super::seeing::fields(s)),
        Answer::Tensor(t) => Fields::Tensor(super::tensor::fields(t)),
        Answer::Training(t) => Fields::Training(super::training::fields(t)),
    }
}

/// `also`: the result in a shape papers print, with its stable id; for a softmax shape,
/// `softmax` (the shares' `letter` and the `inputs`) and `given` (a sum that must be 1).
#[derive(Serialize)]
pub struct Also {
    shape: &'static str,
    #[serde(flatten)]
    form: super::Formula,
    #[serde(skip_serializing_if = "Option::is_none")]
    softmax: Option<SoftmaxLetters>,
    #[serde(skip_serializing_if = "Option::is_none")]
    given: Option<String>,
}

#[derive(Serialize)]
pub struct SoftmaxLetters {
    letter: String,
    inputs: Vec<String>,
}

impl Also {
    pub fn of(known: &Known) -> Also {
        Also {
            shape: known.shape.id(),
            form: super::Formula::of(&known.form),
            softmax: known.softmax.as_ref().map(|s| SoftmaxLetters {
                letter: s.letter.to_string(),
                inputs: ascii(&s.inputs),
            }),
            given: known
                .given
                .as_ref()
                .map(|sum| format!("{} = 1", sum.ascii())),
        }
    }
}

#[derive(Serialize)]
pub struct Explanation {
    notation: String,
    shape: &'static str,
    title: String,
    meaning: String,
}

/// An antiderivative checked by differentiating it back: `method` is `exact` or `numeric`.
#[derive(Serialize)]
pub struct CheckedBack {
    derivative: String,
    method: &'static str,
}

/// The adaptive Gauss–Kronrod estimate beside an area, when it is a number.
#[derive(Serialize)]
pub struct Numeric {
    numeric: f64,
    numeric_error: f64,
    numeric_reliable: bool,
}

/// A definition: `name`, `params`, and a vector's `components`.
#[derive(Serialize)]
pub struct Defined {
    name: String,
    params: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    components: Option<Vec<String>>,
}

/// One of `defs`: a definition and its body.
#[derive(Serialize)]
pub struct Listed {
    #[serde(flatten)]
    definition: Defined,
    result: String,
}

/// A point where a wrong answer and the right one differ.
#[derive(Serialize)]
pub struct Witness {
    point: Named<f64>,
    expected: f64,
    given: f64,
}

fn defined(def: &Definition) -> Defined {
    Defined {
        name: def.name.to_string(),
        params: names(&def.params),
        components: match &def.body {
            Body::Vector(components) => Some(ascii(components)),
            Body::Scalar(_) => None,
        },
    }
}

fn checked_back(check: &Check) -> CheckedBack {
    CheckedBack {
        derivative: check.derivative.ascii(),
        method: match check.method {
            CheckMethod::Exact => "exact",
            CheckMethod::Numeric { .. } => "numeric",
        },
    }
}

/// `check`: whether the answer is right, both sides, and why not when it is not.
fn check(checked: &Checked) -> Fields {
    let witness = match &checked.judged {
        Judged::Wrong {
            witness: Some(w), ..
        } => Some(Witness {
            point: w.point.iter().map(|(v, x)| (v.to_string(), *x)).collect(),
            expected: w.expected,
            given: w.given,
        }),
        _ => None,
    };
    Fields::Check {
        right: match &checked.judged {
            Judged::Right => Some(true),
            Judged::Wrong { .. } | Judged::RightGiven { .. } => Some(false),
            Judged::CannotTell => None,
        },
        right_given: match &checked.judged {
            Judged::RightGiven { sum } => Some(format!("{} = 1", sum.ascii())),
            _ => None,
        },
        given: checked.given.ascii(),
        expected: checked.expected.ascii(),
        hint: crate::explain::checking::hint(checked, Style::UNICODE),
        witness,
    }
}
