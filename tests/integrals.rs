//! Integrals: the steps of every rule, the check by differentiating back, areas against
//! quadrature, the unknown-integral and improper-integral messages, and the JSON contract.

use assert_cmd::Command;
use nudge::calculus::derive;
use nudge::engine::Answer;
use nudge::engine::{AreaAnswer, IntegralAnswer};
use nudge::expr::{eval, Expr};
use nudge::format::{render_text, TextOptions};
use nudge::Session;
use proptest::prelude::*;
use serde_json::Value;

const PLAIN: TextOptions = TextOptions {
    unicode: true,
    quiet: false,
};

/// The text answer to one query, without colour.
fn text(query: &str) -> String {
    let outcome = Session::new()
        .answer(query)
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    render_text(&outcome, PLAIN)
}

fn error_message(query: &str) -> String {
    match Session::new().answer(query) {
        Ok(_) => panic!("{query} was answered, but should fail"),
        Err(e) => e.message,
    }
}

fn json(queries: &[&str]) -> Vec<Value> {
    let mut cmd = Command::cargo_bin("nudge").unwrap_or_else(|e| panic!("{e}"));
    cmd.arg("--format").arg("json");
    for q in queries {
        cmd.arg("-e").arg(q);
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

/// The antiderivative and the integrand of an indefinite answer.
fn antiderivative(query: &str) -> (Expr, Expr, String) {
    let outcome = Session::new()
        .answer(query)
        .unwrap_or_else(|e| panic!("{query}: {e}"));
    match outcome.answer {
        Answer::Integral(IntegralAnswer {
            body, result, var, ..
        }) => (body, result, var.to_string()),
        other => panic!("{query}: not an indefinite integral: {other:?}"),
    }
}

/// Differentiating the answer gives the integrand back at a spread of points.
fn assert_differentiates_back(query: &str) {
    assert_differentiates_back_near(query, 0.0);
}

/// The same, with every sample point moved by `shift`.
fn assert_differentiates_back_near(query: &str, shift: f64) {
    let (body, result, var) = antiderivative(query);
    let slope = derive(&result, &var).after;
    let mut compared = 0;
    for x in [0.3, 0.7, 1.1, 1.9, 2.7, -0.4, -1.6].map(|x| x + shift) {
        let at = |name: &str| Some(if name == var { x } else { 1.3 });
        let (Ok(a), Ok(b)) = (eval(&slope, &at), eval(&body, &at)) else {
            continue;
        };
        assert!(
            (a - b).abs() <= 1e-8 * 1.0_f64.max(b.abs()),
            "{query}: d/d{var} {result} = {a} but the integrand is {b} at {x}"
        );
        compared += 1;
    }
    assert!(compared >= 3, "{query}: too few points to compare");
}

// ---- the steps of each rule ----------------------------------------------

macro_rules! steps {
    ($($name:ident: $query:expr;)*) => {
        $(
            #[test]
            fn $name() {
                if !$query.contains('_') {
                    assert_differentiates_back($query);
                }
                insta::assert_snapshot!(stringify!($name), text($query));
            }
        )*
    };
}

steps! {
    constant: "∫ 5 dx";
    reverse_power: "∫ x^2 dx";
    reverse_power_of_a_root: "∫ sqrt(x) dx";
    reverse_power_below_a_bar: "∫ 1/x^3 dx";
    reciprocal: "∫ 1/x dx";
    sum_and_constant_multiple: "∫ (3x^2 - 4x + 2) dx";
    exp: "∫ e^x dx";
    exp_base: "∫ 2^x dx";
    sine: "∫ sin(x) dx";
    cosine: "∫ cos x dx";
    sec_squared: "∫ sec(x)^2 dx";
    tangent: "∫ tan(x) dx";
    hyperbolic: "∫ (sinh(x) + cosh(2x)) dx";
    arctan: "∫ 1/(1+x^2) dx";
    arcsin: "∫ 1/sqrt(1-x^2) dx";
    linear_substitution: "∫ (2x+1)^5 dx";
    linear_substitution_in_exp: "∫ e^(3x) dx";
    u_substitution: "∫ x cos(x^2) dx";
    u_substitution_ln: "∫ ln(x)/x dx";
    by_parts_exp: "integrate x e^x dx";
    by_parts_sin: "∫ x sin(x) dx";
    by_parts_cos: "∫ x cos(x) dx";
    by_parts_ln: "∫ ln(x) dx";
    by_parts_power_ln: "∫ x^2 ln(x) dx";
    by_parts_twice: "∫ x^2 e^x dx";
    multiply_out: "∫ (x+1)(x-1) dx";
    other_names_are_constants: "∫ a dt";
    motion_position: "∫ (a t + v0) dt";
    definite: "∫_0^1 x^2 dx";
    definite_trig: "∫_0^pi sin(x) dx";
    definite_no_antiderivative: "∫_0^1 e^(x^2) dx";
    definite_symbolic_bounds: "∫_a^b x dx";
}

#[test]
fn ascii_answers_use_plain_symbols() {
    let outcome = Session::new()
        .answer("∫_0^1 x cos(x^2) dx")
        .unwrap_or_else(|e| panic!("{e}"));
    let options = TextOptions {
        unicode: false,
        quiet: false,
    };
    insta::assert_snapshot!("ascii_definite", render_text(&outcome, options));
}

#[test]
fn quiet_mode_prints_the_result_with_its_constant() {
    Command::cargo_bin("nudge")
        .unwrap_or_else(|e| panic!("{e}"))
        .args(["-q", "-e", "∫ x^2 dx", "-e", "∫_0^1 e^(x^2) dx"])
        .assert()
        .success()
        .stdout("x³/3 + C\n≈ 1.462652\n");
}

#[test]
fn an_unknown_integral_fails_the_run_but_not_the_others() {
    let assert = Command::cargo_bin("nudge")
        .unwrap_or_else(|e| panic!("{e}"))
        .args(["-e", "∫ x dx", "-e", "∫ e^(x^2) dx", "-e", "∫ 1 dx"])
        .assert()
        .code(1);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    // Each separate question ends in its own + C, as a book writes it.
    assert!(out.contains("∫ x dx = x²/2 + C\n"), "{out}");
    assert!(out.contains("∫ 1 dx = x + C\n"), "{out}");
}

#[test]
fn every_spelling_reads_the_same_integral() {
    for q in [
        "integrate x^2 dx",
        "∫ x^2 dx",
        "∫ x² dx",
        "integrate(x^2, x)",
        "Integrate x^2 dx",
    ] {
        let (_, result, var) = antiderivative(q);
        assert_eq!(result.ascii(), "x^3/3", "{q}");
        assert_eq!(var, "x");
    }
    for q in [
        "∫_0^1 x^2 dx",
        "∫₀¹ x² dx",
        "∫_{0}^{1} x^2 dx",
        "integrate(x^2, x, 0, 1)",
    ] {
        let outcome = Session::new()
            .answer(q)
            .unwrap_or_else(|e| panic!("{q}: {e}"));
        assert_eq!(outcome.kind(), "definite_integral", "{q}");
        assert_eq!(
            outcome.result().map(|r| r.ascii()).unwrap_or_default(),
            "1/3",
            "{q}"
        );
    }
}

#[test]
fn the_integrand_stops_before_the_differential() {
    let (body, _, var) = antiderivative("∫ sin x dx");
    assert_eq!(body.ascii(), "sin(x)");
    assert_eq!(var, "x");
    let (body, _, var) = antiderivative("∫ 3t dt");
    assert_eq!(body.ascii(), "3*t");
    assert_eq!(var, "t");
    // Outside an integral, a name such as dx is still an ordinary variable.
    let outcome = Session::new()
        .answer("dx + 1")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        outcome.result().map(|r| r.ascii()).unwrap_or_default(),
        "dx + 1"
    );
}

#[test]
fn a_missing_differential_is_explained() {
    let err = Session::new().answer("∫ x^2").err();
    let err = err.unwrap_or_else(|| panic!("∫ x^2 should fail"));
    assert!(
        err.message.contains("variable of integration"),
        "{}",
        err.message
    );
    assert!(err.help.is_some_and(|h| h.contains("dx")));
}

// ---- the constant, and the article's motion example ----------------------

#[test]
fn every_answer_ends_with_a_constant_that_differentiation_forgets() {
    let out = text("∫ x^2 dx");
    assert!(out.contains("= x³/3 + C\n"), "{out}");
    assert!(out.contains("disappears when you differentiate"), "{out}");
    assert!(out.contains("Check: d/dx (x³/3) = x² ✓"), "{out}");
}

#[test]
fn motion_constants_are_initial_velocity_then_initial_position() {
    // Each question on its own ends in + C, as a textbook writes it, however many came before;
    // a constant is numbered only where it meets another in one answer.
    let out = Command::cargo_bin("nudge")
        .unwrap_or_else(|e| panic!("{e}"))
        .write_stdin("∫ a dt\n∫ (a t + v0) dt\n∫ (a t + C) dt\n∫ x dx\n")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("∫ a dt = a·t + C\n"), "{out}");
    assert!(out.contains("C is the velocity at t = 0"), "{out}");
    assert!(out.contains("= a·t²/2 + v0·t + C\n"), "{out}");
    assert!(out.contains("C is the position at t = 0"), "{out}");
    assert!(out.contains("= a·t²/2 + C·t + C₁\n"), "{out}");
    assert!(out.contains("C₁ is the position at t = 0"), "{out}");
    assert!(out.contains("∫ x dx = x²/2 + C\n"), "{out}");
}

// ---- what nudge does not know, and what has no area -----------------------

#[test]
fn unknown_antiderivatives_are_said_plainly() {
    for q in ["∫ e^(x^2) dx", "∫ sin(x)/x dx"] {
        assert_eq!(
            error_message(q),
            "I don't know an antiderivative for this with the rules I teach"
        );
    }
    let out = text("∫_0^1 e^(x^2) dx");
    assert!(out.contains("I don't know an antiderivative for this with the rules I teach"));
    assert!(
        out.contains("≈ 1.462652   (± 1.6e-14, adaptive Gauss–Kronrod over 128 pieces)"),
        "{out}"
    );
    let out = text("∫_1^2 sin(x)/x dx");
    assert!(out.contains("≈ 0.65933 "), "{out}");
}

/// What the explanation of adaptive Gauss–Kronrod says: cut, measure twice, cut again.
const METHOD_TOLD: &str = "a slice where the two disagree is cut again";

#[test]
fn the_numeric_method_is_explained_the_first_time_a_session_names_it() {
    let mut session = Session::new();
    let mut said = |q: &str| {
        let outcome = session.answer(q).unwrap_or_else(|e| panic!("{q}: {e}"));
        render_text(&outcome, PLAIN)
    };
    // An indefinite integral names no method; the first check by numbers explains it.
    assert!(!said("∫ x dx").contains("Gauss–Kronrod"));
    let first = said("∫_0^1 x^2 dx");
    let named = first.find("(numeric check by adaptive Gauss–Kronrod");
    let told = first.find(METHOD_TOLD);
    assert!(
        named.is_some() && told.is_some() && named < told,
        "named, then explained: {first}"
    );
    for q in ["∫_0^1 e^(x^2) dx", "∫_0^2 x dx"] {
        let again = said(q);
        assert!(
            again.contains("Gauss–Kronrod") && !again.contains(METHOD_TOLD),
            "{again}"
        );
    }
    // A fresh session meeting it first in a value made by numbers explains it before the value.
    let out = text("∫_0^1 e^(x^2) dx");
    let told = out.find(METHOD_TOLD);
    assert!(told.is_some() && told < out.find("≈ 1.462652"), "{out}");
}

#[test]
fn improper_integrals_get_a_message_not_a_number() {
    for q in [
        "∫_0^1 1/x dx",
        "∫_{-1}^{1} 1/x^2 dx",
        "∫_0^3 tan(x) dx",
        "∫_0^1 1/(3x-1) dx",
        "∫_1^inf 1/x dx",
    ] {
        let message = error_message(q);
        assert!(message.contains("improper integral"), "{q}: {message}");
    }
}

#[test]
fn convergent_improper_integrals_have_a_value() {
    for (q, truth) in [
        ("∫_0^1 ln(x) dx", -1.0),
        ("∫_0^1 1/sqrt(x) dx", 2.0),
        ("∫_1^inf 1/x^2 dx", 1.0),
        ("∫_{-inf}^0 e^x dx", 1.0),
        ("∫_0^inf e^(-x^2) dx", std::f64::consts::PI.sqrt() / 2.0),
        ("∫_{-1}^1 1/sqrt(1-x^2) dx", std::f64::consts::PI),
    ] {
        let answer = Session::new()
            .answer(q)
            .unwrap_or_else(|e| panic!("{q}: {e}"));
        let Answer::DefiniteIntegral(AreaAnswer {
            value: Some(value),
            numeric: Some(numeric),
            ..
        }) = &answer.answer
        else {
            panic!("{q}: no value");
        };
        assert!((value - truth).abs() < 1e-9, "{q}: {value}");
        let n = numeric.estimate;
        assert!(numeric.reliable, "{q}");
        assert!((n.value - truth).abs() <= n.error.max(1e-12), "{q}: {n:?}");
    }
}

#[test]
fn an_infinite_bound_is_explained() {
    let err = Session::new().answer("∫_1^∞ 1/x^2 dx").err();
    let help = err.and_then(|e| e.help).unwrap_or_default();
    assert!(help.contains("improper"), "{help}");
}

#[test]
fn a_term_that_cannot_be_integrated_is_named() {
    let err = Session::new().answer("∫ (x^2 + e^(x^2)) dx").err();
    let help = err.and_then(|e| e.help).unwrap_or_default();
    assert!(help.contains("the term e^(x²)"), "{help}");
}

#[test]
fn a_bound_may_not_hold_the_variable_of_integration() {
    let message = error_message("∫_0^x x dx");
    assert!(message.contains("must not contain x"), "{message}");
}

// ---- areas agree with quadrature -------------------------------------------

/// The midpoint rule with many slices: an estimate independent of nudge's own.
fn midpoint(f: &dyn Fn(f64) -> f64, a: f64, b: f64) -> f64 {
    let n = 200_000;
    let h = (b - a) / n as f64;
    (0..n).map(|i| f(a + (i as f64 + 0.5) * h)).sum::<f64>() * h
}

#[test]
fn definite_integrals_agree_with_quadrature() {
    let cases = [
        ("∫_0^1 x^2 dx", 0.0, 1.0),
        ("∫_0^pi sin(x) dx", 0.0, std::f64::consts::PI),
        ("∫_1^2 1/x dx", 1.0, 2.0),
        ("∫_{-2}^{-1} 1/x dx", -2.0, -1.0),
        ("∫_0^1 x e^x dx", 0.0, 1.0),
        ("∫_1^3 x^2 ln(x) dx", 1.0, 3.0),
        ("∫_0^2 x cos(x^2) dx", 0.0, 2.0),
        ("∫_0^1 1/(1+x^2) dx", 0.0, 1.0),
        ("∫_0^(1/2) 1/sqrt(1-x^2) dx", 0.0, 0.5),
        ("∫_{-1}^{2} (2x+1)^3 dx", -1.0, 2.0),
        ("∫_0^1 2^x dx", 0.0, 1.0),
        ("∫_0^1 e^(x^2) dx", 0.0, 1.0),
    ];
    for (q, a, b) in cases {
        let outcome = Session::new()
            .answer(q)
            .unwrap_or_else(|e| panic!("{q}: {e}"));
        let Answer::DefiniteIntegral(AreaAnswer {
            body,
            value: Some(value),
            numeric: Some(numeric),
            ..
        }) = &outcome.answer
        else {
            panic!("{q}: no value");
        };
        let f = |x: f64| eval(body, &|_| Some(x)).unwrap_or(f64::NAN);
        let reference = midpoint(&f, a, b);
        assert!(
            (value - reference).abs() < 1e-6,
            "{q}: {value} vs {reference}"
        );
        let numeric = numeric.estimate.value;
        assert!(
            (numeric - reference).abs() < 1e-6,
            "{q}: {numeric} vs {reference}"
        );
    }
}

// ---- JSON ------------------------------------------------------------------

#[test]
fn json_reports_kind_result_constant_check_and_steps() {
    let lines = json(&[
        "∫ x cos(x^2) dx",
        "∫_0^1 x^2 dx",
        "∫_0^1 e^(x^2) dx",
        "∫ sin(x)/x dx",
    ]);
    assert_eq!(lines.len(), 4);
    let indefinite = &lines[0];
    assert_eq!(indefinite["kind"], "integral");
    assert_eq!(indefinite["result"], "sin(x^2)/2");
    assert_eq!(indefinite["constant"], "C");
    assert_eq!(indefinite["check"]["method"], "exact");
    let step = &indefinite["steps"][0];
    assert_eq!(step["rule"], "u_substitution");
    for key in ["before", "after", "note", "substeps"] {
        assert!(step.get(key).is_some(), "step without {key}: {step}");
    }
    let definite = &lines[1];
    assert_eq!(definite["kind"], "definite_integral");
    assert_eq!(definite["result"], "1/3");
    assert_eq!(definite["exact"], true);
    assert_eq!(definite["steps"][1]["rule"], "fundamental_theorem");
    let numeric = &lines[2];
    assert_eq!(numeric["exact"], false);
    let value = numeric["numeric"].as_f64().unwrap_or(f64::NAN);
    assert!((value - 1.462_651_745_907_18).abs() < 1e-9);
    assert!(lines[3]["error"]["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("I don't know an antiderivative")));
}

#[test]
fn json_results_read_back_as_the_same_expression() {
    let queries = [
        "∫ x^2 ln(x) dx",
        "∫ 1/x dx",
        "∫ 2^x dx",
        "∫ x^2 e^x dx",
        "∫ 1/sqrt(1-x^2) dx",
        "∫_0^1 e^(x^2) dx",
        "∫_0^1 1/(1+x^2) dx",
    ];
    for (q, line) in queries.iter().zip(json(&queries)) {
        let result = line["result"]
            .as_str()
            .unwrap_or_else(|| panic!("{q}: {line}"));
        let original = Session::new().answer(q).unwrap_or_else(|e| panic!("{e}"));
        let back = Session::new()
            .answer(result)
            .unwrap_or_else(|e| panic!("{q}: {result} does not read back: {e}"));
        assert_eq!(back.result(), original.result(), "{q}: {result}");
    }
}

#[test]
fn rule_ids_are_stable() {
    let ids = |q: &str| json(&[q])[0]["steps"][0]["rule"].clone();
    for (q, id) in [
        ("∫ 5 dx", "integral_constant"),
        ("∫ x^3 dx", "reverse_power"),
        ("∫ 1/x dx", "reciprocal"),
        ("∫ (x + 1) dx", "integral_sum"),
        ("∫ 4 sin(x) dx", "integral_constant_multiple"),
        ("∫ e^x dx", "integral_exp"),
        ("∫ 3^x dx", "integral_exp_base"),
        ("∫ sin(x) dx", "integral_sin"),
        ("∫ cos(x) dx", "integral_cos"),
        ("∫ sec(x)^2 dx", "integral_sec_squared"),
        ("∫ tan(x) dx", "integral_tan"),
        ("∫ sinh(x) dx", "integral_sinh"),
        ("∫ cosh(x) dx", "integral_cosh"),
        ("∫ 1/(1+x^2) dx", "integral_arctan"),
        ("∫ 1/sqrt(1-x^2) dx", "integral_arcsin"),
        ("∫ sin(2x+1) dx", "linear_substitution"),
        ("∫ x e^(x^2) dx", "u_substitution"),
        ("∫ x cos(x) dx", "by_parts"),
        ("∫ x (x+1) dx", "expand"),
    ] {
        assert_eq!(ids(q), id, "{q}");
    }
}

// ---- differentiating back, over a generated family -------------------------

/// One integrable term, written as a learner would type it.
fn term() -> impl Strategy<Value = String> {
    let k = prop_oneof![1i64..=5, -5i64..=-1];
    let n = 0i64..=5;
    (0usize..14, k.clone(), k, n).prop_map(|(shape, a, b, n)| match shape {
        0 => format!("{a}x^{n}"),
        1 => format!("{a}/x"),
        2 => format!("sin({a}x + {b})"),
        3 => format!("{a}cos({b}x)"),
        4 => format!("e^({a}x)"),
        5 => format!("x e^({a}x)"),
        6 => format!("x^{n} ln(x)"),
        7 => format!("x sin({a}x)"),
        8 => format!("x cos(x^2 + {b})"),
        9 => format!("({a}x + {b})^{n}"),
        10 => format!("{b}/(1 + x^2)"),
        11 => format!("sec({a}x)^2 + tan({b}x) + cosh({a}x)"),
        12 => format!("x^{n} e^x"),
        _ => format!("({a}x + {b})(x - {n})"),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn every_antiderivative_differentiates_back(
        terms in prop::collection::vec(term(), 1..=3),
        shift in 0.0..0.25f64,
    ) {
        let query = format!("∫ ({}) dx", terms.join(" + "));
        assert_differentiates_back_near(&query, shift);
    }
}

/// Pieces of integral input, glued at random: nothing may panic, every line is answered or refused.
fn scrambled_integral() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "∫",
        "integrate",
        "_",
        "^",
        "{",
        "}",
        "(",
        ")",
        ",",
        " ",
        "x",
        "dx",
        "dt",
        "d",
        "0",
        "1",
        "-",
        "+",
        "*",
        "/",
        "e",
        "pi",
        "sin",
        "ln",
        "₀",
        "¹",
        "⁻",
        "∞",
        "|",
        "t",
        "a",
    ]);
    prop::collection::vec(piece, 1..14).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn scrambled_integrals_never_panic(line in scrambled_integral()) {
        let _ = Session::new().answer(&line);
    }
}
