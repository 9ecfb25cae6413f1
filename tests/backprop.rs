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
    let Training::Chain(chain) = t.as_ref() else {
        panic!("a chain answer, got {t:?}");
    };
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

const AT: &str = "backprop L at w = 0.5, b = 0.1, x = 2, y = 1";

/// σ(z) and the neuron's gradients at w = 0.5, b = 0.1, x = 2, y = 1, worked out by hand.
fn neuron_gradients() -> [(&'static str, f64); 4] {
    let z: f64 = 0.5 * 2.0 + 0.1;
    let a = 1.0 / (1.0 + (-z).exp());
    let dz = 2.0 * (a - 1.0) * a * (1.0 - a);
    [
        ("w", dz * 2.0),
        ("b", dz),
        ("x", dz * 0.5),
        ("y", -2.0 * (a - 1.0)),
    ]
}

#[test]
fn backprop_gives_every_parameter_its_gradient() {
    let v = json(&NEURON, AT);
    assert_eq!(v["kind"], "backprop");
    for (name, expected) in neuron_gradients() {
        let got = v["gradients"][name]["value"].as_f64().expect("a gradient");
        assert!(
            (got - expected).abs() < 1e-12,
            "{name}: {got} vs {expected}"
        );
    }
    assert!(v["check"]
        .as_array()
        .expect("check")
        .iter()
        .all(|c| c["agrees"] == true));
    // Exact where exact: z = w·x + b is 11/10 at the point.
    let z = v["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .find(|n| n["name"] == "z")
        .expect("z");
    assert_eq!(z["value"]["exact"], "11/10");
    assert_eq!(z["formula"], "w*x + b");
    let edges = v["edges"].as_array().expect("edges");
    assert!(edges.iter().any(|e| e["from"] == "z" && e["to"] == "a"));
    let text = render_text(&session(&NEURON).answer(AT).expect("backprop"), PLAIN);
    assert!(
        text.contains("nudge w up by a little and L moves by about -0.187 times as much"),
        "{text}"
    );
    assert!(text.contains("with far less writing"), "{text}");
}

#[test]
fn backprop_uses_values_defined_in_the_session() {
    let lines = [
        "w = 0.5", "b = 0.1", "x = 2", "y = 1", NEURON[0], NEURON[1], NEURON[2],
    ];
    let v = json(&lines, "backprop L");
    for (name, expected) in neuron_gradients() {
        let got = v["gradients"][name]["value"].as_f64().expect("a gradient");
        assert!(
            (got - expected).abs() < 1e-12,
            "{name}: {got} vs {expected}"
        );
    }
}

#[test]
fn backprop_errors_name_the_problem() {
    let mut s = session(&NEURON);
    let missing = s
        .answer("backprop L at w = 0.5")
        .expect_err("b has no value");
    assert!(
        missing.message.contains("nothing gives"),
        "{}",
        missing.message
    );
    let step = s
        .answer("backprop L at z = 1, w = 1, b = 1, x = 1, y = 1")
        .expect_err("z is a step");
    assert!(step.message.contains("named step"), "{}", step.message);
    let undefined = s
        .answer("backprop Q at w = 1")
        .expect_err("Q is not defined");
    assert!(
        undefined.message.contains("not defined"),
        "{}",
        undefined.message
    );
    // The session goes on.
    assert!(s.answer(AT).is_ok());
}

#[test]
fn the_tables_and_the_drawing() {
    colored::control::set_override(false);
    let outcome = session(&NEURON).answer(AT).expect("backprop");
    insta::assert_snapshot!("neuron_backprop", render_text(&outcome, PLAIN));
    let ascii = TextOptions {
        unicode: false,
        quiet: false,
    };
    let text = render_text(&outcome, ascii);
    assert!(text.is_ascii(), "{text}");
    insta::assert_snapshot!("neuron_backprop_ascii", text);
}

/// A network of two inputs, two hidden units and one output, as definitions.
const NETWORK: [&str; 7] = [
    "s(t) = 1/(1+e^(-t))",
    "z1 = w11 x1 + w12 x2 + b1",
    "z2 = w21 x1 + w22 x2 + b2",
    "h1 = s(z1)",
    "h2 = (z2 + abs(z2))/2",
    "out = v1 h1 + v2 h2 + c",
    "L = (out - y)^2",
];
const NETWORK_AT: &str = "backprop L at x1 = 1, x2 = -1, w11 = 0.5, w12 = -0.3, w21 = 0.2, w22 = -0.4, b1 = 0, b2 = 0.1, v1 = 1, v2 = -1, c = 0, y = 1";

#[test]
fn a_small_network_agrees_with_the_whole_formula_and_with_nudging() {
    let v = json(&NETWORK, NETWORK_AT);
    let s = session(&NETWORK);
    let defined = s.clone().answer("L").expect("L");
    let whole = defined.result().expect("L's formula").clone();
    let point: Vec<(String, f64)> = [
        ("x1", 1.0),
        ("x2", -1.0),
        ("w11", 0.5),
        ("w12", -0.3),
        ("w21", 0.2),
        ("w22", -0.4),
        ("b1", 0.0),
        ("b2", 0.1),
        ("v1", 1.0),
        ("v2", -1.0),
        ("c", 0.0),
        ("y", 1.0),
    ]
    .iter()
    .map(|(n, x)| (n.to_string(), *x))
    .collect();
    let gradients = v["gradients"].as_object().expect("gradients");
    assert_eq!(gradients.len(), 12);
    for (name, _) in &point {
        let got = gradients[name]["value"].as_f64().expect("a gradient");
        let symbolic = derive(&whole, name).after;
        let exact = nudge::expr::eval(&symbolic, &|v| {
            point.iter().find(|(n, _)| n == v).map(|(_, x)| *x)
        })
        .expect("a value");
        assert!((got - exact).abs() < 1e-9, "{name}: {got} vs {exact}");
        assert!((got - central(&whole, &point, name)).abs() < 1e-6, "{name}");
    }
    assert!(v["check"]
        .as_array()
        .expect("check")
        .iter()
        .all(|c| c["agrees"] == true));
}

/// The slope of `e` by `name` from a central difference at `point`.
fn central(e: &Expr, point: &[(String, f64)], name: &str) -> f64 {
    let h = 1e-5;
    let at = |shift: f64| {
        nudge::expr::eval(e, &|v| {
            point
                .iter()
                .find(|(n, _)| n == v)
                .map(|(n, x)| if n == name { x + shift } else { *x })
        })
        .expect("a value")
    };
    (at(h) - at(-h)) / (2.0 * h)
}
