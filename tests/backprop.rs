//! Derivatives through named steps, backpropagation and descent: the chain through the
//! definitions, checked against differentiating the whole substituted formula.

use nudge::calculus::derive;
use nudge::calculus::multivar::agree_numerically;
use nudge::engine::AtPointAnswer;
use nudge::engine::{Answer, Headline, Training};
use nudge::expr::Expr;
use nudge::format::{render_text, TextOptions};
use nudge::json::render_json;
use nudge::Session;
use proptest::prelude::*;
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
    let Answer::AtPoint(AtPointAnswer { value, .. }) = outcome.answer else {
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
    let outcome = session(&NEURON).answer(AT).expect("backprop");
    insta::assert_snapshot!("neuron_backprop", render_text(&outcome, PLAIN));
    // The tables are never wrapped, so the neuron's must fit a laptop's 80 columns.
    let at_80 = nudge::format::render_text_at(&outcome, PLAIN, Some(80), &nudge::present::Plain);
    for line in at_80.lines() {
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}",
            line.chars().count()
        );
    }
    let ascii = TextOptions {
        unicode: false,
        quiet: false,
    };
    let text = render_text(&outcome, ascii);
    assert!(text.is_ascii(), "{text}");
    insta::assert_snapshot!("neuron_backprop_ascii", text);
}

#[test]
fn a_lane_that_goes_on_joins_with_a_tee_not_a_cross() {
    // x feeds z and, further down, L: its lane branches into z and goes on.
    let lines = ["z = w x + b", "a = 1/(1+e^(-z))", "L = (a - y)^2 + x"];
    let outcome = session(&lines)
        .answer("backprop L at w = 0.5, b = 0.1, x = 2, y = 1")
        .expect("backprop");
    let text = render_text(&outcome, PLAIN);
    let rows: Vec<&str> = text.lines().collect();
    let row = |starts: &str| {
        rows.iter()
            .position(|r| r.starts_with(starts))
            .unwrap_or_else(|| panic!("no row {starts:?} in {text}"))
    };
    let (title, value) = (row("│ z = w·x + b"), row("│ value 1.1 "));
    assert_eq!(value, title + 1);
    // x's lane is the first (its box comes first); z's inputs from further out cross it on the
    // title row, and x itself joins a row lower with ┤.
    let lane = |r: usize| rows[r].split('◀').nth(1).unwrap_or_default().to_string();
    assert!(lane(title).starts_with("─┼"), "{}", rows[title]);
    assert!(lane(value).starts_with("─┤"), "{}", rows[value]);
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

/// One random named step: an operation on two earlier names (the same name may come twice,
/// so steps share inputs and a node feeds several steps).
fn step_formula(op: u8, u: &str, v: &str) -> String {
    match op % 6 {
        0 => format!("{u} + {v}"),
        1 => format!("{u} {v}"),
        2 => format!("{u}^2 - {v}"),
        3 => format!("sin({u}) {v}"),
        4 => format!("e^({u}/2) + {u} {v}"),
        _ => format!("{u} - 3{v}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Random small graphs over p, q, r, with shared nodes: every gradient from backprop is the
    /// slope of the whole formula, and what a central difference measures.
    #[test]
    fn backprop_gradients_are_the_slopes_of_the_whole_formula(
        ops in proptest::collection::vec((0u8..6, 0usize..8, 0usize..8), 2..5),
        values in proptest::collection::vec(-12i32..12, 3),
    ) {
        let mut names: Vec<String> = vec!["p".into(), "q".into(), "r".into()];
        let mut lines = Vec::new();
        for (i, (op, a, b)) in ops.iter().enumerate() {
            let (u, v) = (names[a % names.len()].clone(), names[b % names.len()].clone());
            let name = format!("s{i}");
            lines.push(format!("{name} = {}", step_formula(*op, &u, &v)));
            names.push(name);
        }
        let last = names.last().cloned().unwrap_or_default();
        // The first step is used again by the loss: a node with two consumers.
        lines.push(format!("L = {last} + s0 {last}"));
        let point: Vec<(String, f64)> = ["p", "q", "r"]
            .iter()
            .zip(&values)
            .map(|(n, v)| (n.to_string(), f64::from(*v) / 10.0))
            .collect();
        let at: Vec<String> = point.iter().map(|(n, v)| format!("{n} = {v}")).collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        let v = json(&refs, &format!("backprop L at {}", at.join(", ")));
        let whole = session(&refs).answer("L").expect("L").result().expect("L's formula").clone();
        for (name, _) in &point {
            let Some(got) = v["gradients"][name.as_str()]["value"].as_f64() else {
                // A letter the random graph never used.
                prop_assert!(!whole.contains(name));
                continue;
            };
            let symbolic = derive(&whole, name).after;
            let exact = nudge::expr::eval(&symbolic, &|v| {
                point.iter().find(|(n, _)| n == v).map(|(_, x)| *x)
            })
            .expect("a value");
            let scale = exact.abs().max(1.0);
            prop_assert!((got - exact).abs() <= 1e-9 * scale, "{name}: {got} vs {exact}");
            prop_assert!((got - central(&whole, &point, name)).abs() <= 1e-4 * scale, "{name}");
            let chain = json(&refs, &format!("dL/d{name}"));
            let chained = expr(chain["result"].as_str().expect("a result"));
            prop_assert!(agree_numerically(&chained, &symbolic), "dL/d{name}");
        }
    }
}

/// The iterates of the one run of `query`.
fn iterates(lines: &[&str], query: &str) -> (Value, Vec<Value>) {
    let v = json(lines, query);
    let its = v["runs"][0]["iterates"]
        .as_array()
        .expect("iterates")
        .clone();
    (v, its)
}

#[test]
fn descent_iterates_are_the_plain_recomputation() {
    let (v, its) = iterates(&[], "descend x^2 + 3y^2 from (3, 4) rate 0.1 steps 10");
    assert_eq!(v["kind"], "descent");
    assert_eq!(v["variables"], serde_json::json!(["x", "y"]));
    assert_eq!(its.len(), 11);
    let (mut x, mut y) = (3.0f64, 4.0f64);
    for (step, it) in its.iter().enumerate() {
        let (gx, gy) = (2.0 * x, 6.0 * y);
        let close = |a: &Value, b: f64| (a.as_f64().expect("a number") - b).abs() < 1e-12;
        assert_eq!(it["step"], step);
        assert!(
            close(&it["point"][0], x) && close(&it["point"][1], y),
            "step {step}"
        );
        assert!(close(&it["value"], x * x + 3.0 * y * y), "step {step}");
        assert!(close(&it["gradient"][0], gx) && close(&it["gradient"][1], gy));
        assert!(close(&it["length"], gx.hypot(gy)));
        x -= 0.1 * gx;
        y -= 0.1 * gy;
    }
    assert_eq!(v["runs"][0]["verdict"], "out_of_steps");
}

#[test]
fn descent_says_what_each_rate_did() {
    let v = json(
        &[],
        "descend x^2 + 3y^2 from (3, 4) rate 0.01, 0.1, 0.5 steps 8",
    );
    let verdicts: Vec<&str> = v["runs"]
        .as_array()
        .expect("runs")
        .iter()
        .map(|r| r["verdict"].as_str().expect("a verdict"))
        .collect();
    assert_eq!(verdicts, ["out_of_steps", "out_of_steps", "overshoot"]);
    let (_, settled) = iterates(&[], "descend (w - 3)^2 from w = 0 rate 0.5");
    assert_eq!(settled.len(), 2);
    assert_eq!(settled[1]["point"][0], 3.0);
    let v = json(&[], "descend (w - 3)^2 from w = 0 rate 0.9 steps 6");
    assert_eq!(v["runs"][0]["verdict"], "zigzag");
    let text = render_text(
        &Session::new()
            .answer("descend x^2 + 3y^2 from (3, 4) rate 0.01, 0.1, 0.5 steps 8")
            .expect("descent"),
        PLAIN,
    );
    assert!(text.contains("f at η = 0.5"), "{text}");
    assert!(text.contains("the rate is too large"), "{text}");
}

#[test]
fn descent_on_a_loss_of_named_steps_uses_backprop() {
    let lines = ["x = 2", "y = 1", NEURON[0], NEURON[1], NEURON[2]];
    let (v, its) = iterates(&lines, "descend L from w = 0.5, b = 0.1 rate 0.5 steps 3");
    assert_eq!(v["backprop"], "L");
    let (w, b) = (neuron_gradients()[0].1, neuron_gradients()[1].1);
    let g = &its[0]["gradient"];
    assert!((g[0].as_f64().expect("w") - w).abs() < 1e-12);
    assert!((g[1].as_f64().expect("b") - b).abs() < 1e-12);
    let next = &its[1]["point"];
    assert!((next[0].as_f64().expect("w") - (0.5 - 0.5 * w)).abs() < 1e-12);
    let values: Vec<f64> = its
        .iter()
        .map(|i| i["value"].as_f64().expect("f"))
        .collect();
    assert!(values.windows(2).all(|w| w[1] < w[0]), "{values:?}");
}

#[test]
fn descent_errors_name_the_problem() {
    let mut s = Session::new();
    let zero = s
        .answer("descend x^2 from x = 1 rate 0")
        .expect_err("rate 0");
    assert!(zero.message.contains("more than 0"), "{}", zero.message);
    let short = s
        .answer("descend x^2 + y^2 from (1) rate 0.1")
        .expect_err("one value");
    assert!(short.message.contains("2 variables"), "{}", short.message);
    let unstarted = s
        .answer("descend x^2 + y^2 from x = 1 rate 0.1")
        .expect_err("y");
    assert!(unstarted.message.contains("y"), "{}", unstarted.message);
    let many = s
        .answer("descend x^2 from x = 1 rate 0.1 steps 5000")
        .expect_err("too many");
    assert!(many.message.contains("steps"), "{}", many.message);
    assert!(s.answer("descend x^2 from x = 1 rate 0.1").is_ok());
}

#[test]
fn the_descent_table() {
    let outcome = Session::new()
        .answer("descend (w - 3)^2 from w = 0 rate 0.1 steps 5")
        .expect("descent");
    insta::assert_snapshot!("descent_one_variable", render_text(&outcome, PLAIN));
}

#[test]
fn read_explains_the_chain_and_the_update_rule() {
    let shape = |line: &str| {
        let v = json(&[], line);
        v["explanations"][0]["shape"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(shape("read ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w"), "chain_rule");
    assert_eq!(shape("read w ← w − η ∂L/∂w"), "gradient_step");
    assert_eq!(shape("read w <- w - lr * dL/dw"), "gradient_step");
    assert_eq!(shape("read θ := θ - η ∇L"), "gradient_step");
    let v = json(&[], "read w ← w − η ∂L/∂w");
    let meaning = v["explanations"][0]["meaning"].as_str().unwrap_or_default();
    assert!(meaning.contains("against the slope ∂L/∂w"), "{meaning}");
    // The arrow is read as typed in LaTeX too, and the reading keeps it: an update, not an equation.
    for line in [
        "read w ← w − η ∂L/∂w",
        "read w \\leftarrow w - \\eta \\frac{\\partial L}{\\partial w}",
        "read w \\gets w - eta dL/dw",
        "read w := w - eta dL/dw",
    ] {
        assert_eq!(shape(line), "gradient_step", "{line}");
        let reading = json(&[], line)["reading"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(reading.starts_with("w ← w - η"), "{line}: {reading}");
    }
    assert!(json(&[], "read dy/dx = dy/du · du/dx")["reading"]
        .as_str()
        .is_some_and(|r| r.contains(" = ")));
}

#[test]
fn an_update_arrow_outside_read_says_to_put_read_in_front() {
    for line in ["w ← w - 3", "w \\leftarrow 3"] {
        let help = Session::new().answer(line).err().and_then(|e| e.help);
        assert!(
            help.as_deref()
                .is_some_and(|h| h.contains("put read in front")),
            "{line}: {help:?}"
        );
    }
}

#[test]
fn the_tip_after_a_definition_names_a_weight_not_the_data() {
    let mut s = Session::new();
    let defined = s.answer("z = w x + b").expect("defines z");
    let text = render_text(&defined, PLAIN);
    assert!(text.contains("try dz/dw or z at w = 2"), "{text}");
    let defined = s.answer("v = 3t^2").expect("defines v");
    assert!(render_text(&defined, PLAIN).contains("try dv/dt"));
}

#[test]
fn latex_and_markdown_set_the_chain_and_the_tables() {
    use nudge::format::{render_latex, render_markdown};
    let mut s = session(&NEURON);
    let chain = s.answer("dL/dw").expect("dL/dw");
    let latex = render_latex(&chain);
    assert!(latex.contains("\\begin{align*}"), "{latex}");
    assert!(
        latex.contains("\\frac{\\partial L}{\\partial a} \\cdot \\frac{\\partial a}{\\partial z} \\cdot \\frac{\\partial z}{\\partial w}"),
        "{latex}"
    );
    let passes = s.answer(AT).expect("backprop");
    let latex = render_latex(&passes);
    assert_eq!(latex.matches("\\begin{tabular}").count(), 2, "{latex}");
    assert!(latex.contains("\\begin{verbatim}"), "{latex}");
    let markdown = render_markdown(&passes);
    assert!(
        markdown.contains("| node | formula | value |"),
        "{markdown}"
    );
    let descent = s
        .answer("descend x^2 + 3y^2 from (3, 4) rate 0.1 steps 3")
        .expect("descent");
    assert!(render_latex(&descent).contains("\\begin{tabular}"));
}

#[test]
fn a_walk_in_two_variables_is_drawn_on_the_contour_map() {
    let outcome = Session::new()
        .answer("descend x^2 + 3y^2 from (3, 4) rate 0.1 steps 10")
        .expect("descent");
    let text = render_text(&outcome, PLAIN);
    assert!(text.contains("The path seen from above"), "{text}");
    assert!(text.contains('●'), "{text}");
    let ascii = render_text(
        &outcome,
        TextOptions {
            unicode: false,
            quiet: false,
        },
    );
    assert!(ascii.is_ascii() && ascii.contains('O'), "{ascii}");
    // Several rates share one table, and no map.
    let compared = Session::new()
        .answer("descend x^2 + 3y^2 from (3, 4) rate 0.1, 0.2 steps 4")
        .expect("descent");
    assert!(!render_text(&compared, PLAIN).contains("seen from above"));
}
