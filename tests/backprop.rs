//! Derivatives through named steps, backpropagation and descent: the chain through the
//! definitions, checked against differentiating the whole substituted formula.

use nudge::calculus::derive;
use nudge::calculus::multivar::agree_numerically;
use nudge::engine::{Answer, Headline, Training};
use nudge::expr::Expr;
use nudge::render::{render_json, render_text, TextOptions};
use nudge::Session;
use serde_json::Value;

const PLAIN: TextOptions = TextOptions {
    unicode: true,
    quiet: false,
};

/// A session that has answered `lines`.
fn session(lines: &[&str]) -> Session {
    let mut s = Session::new();
    for line in lines {
        s.answer(line).unwrap_or_else(|e| panic!("{line}: {e}"));
    }
    s
}

const NEURON: [&str; 3] = ["z = w x + b", "a = 1/(1+e^(-z))", "L = (a - y)^2"];

/// `line` read with nothing defined, so a name stays a letter.
fn expr(line: &str) -> Expr {
    match Session::new().read_answer(line) {
        Ok(Headline::Scalar(e)) => e,
        _ => panic!("{line} reads as an expression"),
    }
}

/// The answer to `query` after `lines`, as JSON.
fn json(lines: &[&str], query: &str) -> Value {
    let outcome = session(lines)
        .answer(query)
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    serde_json::from_str(&render_json(&outcome)).expect("JSON")
}

#[test]
fn the_slope_of_a_loss_by_a_named_step_is_its_local_derivative() {
    let mut s = session(&NEURON);
    let outcome = s.answer("dL/da").expect("dL/da");
    let Answer::Training(t) = &outcome.answer else {
        panic!("a chain answer, got {:?}", outcome.answer);
    };
    let Training::Chain(chain) = t.as_ref();
    assert_eq!(chain.in_steps, expr("2(a - y)"));
    assert!(!outcome.result().expect("a result").is_zero());
    let da_dz = s.answer("da/dz").expect("da/dz");
    assert!(!da_dz.result().expect("a result").is_zero());
}

#[test]
fn the_chain_to_a_weight_multiplies_local_derivatives_and_equals_the_whole_formula() {
    let v = json(&NEURON, "dL/dw");
    assert_eq!(v["kind"], "chain");
    assert_eq!(v["paths"], serde_json::json!([["L", "a", "z", "w"]]));
    let locals: Vec<&str> = v["links"]
        .as_array()
        .expect("links")
        .iter()
        .map(|l| l["local"].as_str().expect("local"))
        .collect();
    assert_eq!(locals.len(), 3);
    assert_eq!(locals[2], "x");
    let result = expr(v["result"].as_str().expect("result"));
    let whole = expr("(1/(1+e^(-(w x + b))) - y)^2");
    assert!(agree_numerically(&result, &derive(&whole, "w").after));
    let text = render_text(&session(&NEURON).answer("dL/dw").expect("dL/dw"), PLAIN);
    assert!(text.contains("L ← a ← z ← w"), "{text}");
    assert!(text.contains("∂L/∂a · ∂a/∂z · ∂z/∂w"), "{text}");
    assert!(text.contains("In the original letters"), "{text}");
}

#[test]
fn paths_that_meet_again_add_their_products() {
    let lines = ["z = w x", "a = z^2", "L = a + 3z"];
    let v = json(&lines, "dL/dw");
    assert_eq!(v["paths"].as_array().expect("paths").len(), 2);
    let result = expr(v["result"].as_str().expect("result"));
    // L = w²x² + 3wx, so dL/dw = 2wx² + 3x.
    assert!(agree_numerically(&result, &expr("2w x^2 + 3x")));
    let text = render_text(&session(&lines).answer("dL/dw").expect("dL/dw"), PLAIN);
    assert!(text.contains("add one product per path"), "{text}");
}

#[test]
fn a_chain_at_a_point_has_its_value() {
    let mut s = session(&NEURON);
    let outcome = s
        .answer("dL/dw at w = 0.5, b = 0.1, x = 2, y = 1")
        .expect("a value");
    let Answer::AtPoint { value, .. } = outcome.answer else {
        panic!("a value at a point");
    };
    // σ(1.1) = 0.750260…; 2(σ − 1)·σ(1 − σ)·2 = −0.18717…
    let sigma = 1.0 / (1.0 + (-1.1f64).exp());
    let expected = 2.0 * (sigma - 1.0) * sigma * (1.0 - sigma) * 2.0;
    assert!((value.expect("a decimal") - expected).abs() < 1e-12);
}

#[test]
fn definitions_without_named_steps_keep_their_plain_derivative() {
    let v = json(&["y = 3x^2 + 1"], "dy/dx");
    assert_eq!(v["kind"], "derivative");
    assert_eq!(v["result"], "6*x");
}

#[test]
fn a_replaced_step_keeps_the_meaning_it_had_when_used() {
    // a was made with z = w; the new z does not reach it.
    let lines = ["z = w", "a = z^2", "z = 5q"];
    let v = json(&lines, "da/dw");
    assert_eq!(v["kind"], "derivative");
    assert_eq!(v["result"], "2*w");
    let v = json(&lines, "da/dq");
    assert_eq!(v["result"], "0");
}
