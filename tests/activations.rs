//! The functions of a neural network (σ, ReLU, step, softplus, max, min): snapshots of each
//! rule's steps, slopes against a central difference away from the kinks, printing that reads
//! back, and the kink at 0 said where a value or slope is asked for.

use nudge::engine::{DerivativeAnswer, ExpressionAnswer};
use nudge::expr::{eval, Expr};
use nudge::format::{render_error, render_text, TextOptions};
use nudge::{Answer, Outcome, Session};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::sync::atomic::{AtomicUsize, Ordering};

const UNICODE: TextOptions = TextOptions {
    unicode: true,
    quiet: false,
};

fn answer(q: &str) -> Outcome {
    Session::new()
        .answer(q)
        .unwrap_or_else(|e| panic!("{q}: {e:?}"))
}

fn text(q: &str) -> String {
    render_text(&answer(q), UNICODE)
}

fn error_text(q: &str) -> String {
    let e = Session::new()
        .answer(q)
        .expect_err("this input is an error");
    render_error(q, &e, None, true)
}

fn result(q: &str) -> Expr {
    answer(q)
        .result()
        .cloned()
        .unwrap_or_else(|| panic!("{q} has a result"))
}

fn value_at(e: &Expr, x: f64) -> Option<f64> {
    eval(e, &|n: &str| (n == "x").then_some(x))
        .ok()
        .filter(|v| v.is_finite())
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * (1.0 + a.abs().max(b.abs()))
}

// ---- snapshots of each rule's steps ----------------------------------------------------

macro_rules! snapshot {
    ($($name:ident: $query:expr;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(stringify!($name), text($query), $query);
            }
        )*
    };
}

snapshot! {
    sigmoid_rule: "d/dx σ(x)";
    sigmoid_through_the_chain_rule: "d/dx sigmoid(2x + 1)";
    relu_rule: "d/dx relu(x)";
    relu_of_a_square: "d/dx ReLU(x^2 - 1)";
    step_rule: "d/dx step(x)";
    softplus_rule: "d/dx softplus(x)";
    max_with_zero_is_relu: "d/dx max(0, x)";
    max_of_two_curves: "d/dx max(x, x^2)";
    min_with_zero: "d/dx min(0, x)";
    integral_of_sigmoid: "∫ σ(x) dx";
    integral_of_relu: "∫ relu(x) dx";
    integral_of_step: "∫ step(2x + 1) dx";
    sigmoid_written_out_meets_its_shape: "d/dx 1/(1 + e^(-x))";
    tanh_slope_from_its_value: "d/dx tanh(x)";
    cross_entropy_through_a_sigmoid: "d/dz -(y ln(σ(z)) + (1 - y) ln(1 - σ(z)))";
}

// ---- what each name reads as -----------------------------------------------------------

#[test]
fn every_spelling_of_each_function_reads_as_it() {
    let same = [
        (
            "σ(x)",
            [
                "sigma(x)",
                "sigmoid(x)",
                "\\sigma(x)",
                "\\sigma\\left(x\\right)",
                "logistic(x)",
            ],
        ),
        (
            "ReLU(x)",
            [
                "relu(x)",
                "max(0, x)",
                "max(x, 0)",
                "\\max(0, x)",
                "\\operatorname{ReLU}(x)",
            ],
        ),
        (
            "step(x)",
            [
                "Heaviside(x)",
                "step(x)",
                "\\operatorname{step}(x)",
                "\\text{step}(x)",
                "heaviside(x)",
            ],
        ),
    ];
    for (want, spellings) in same {
        let want = result(want);
        for s in spellings {
            assert_eq!(result(s), want, "{s}");
        }
    }
    assert_eq!(result("softplus(x)"), result("\\mathrm{softplus}(x)"));
}

#[test]
fn sigma_is_still_a_letter_away_from_a_bracket() {
    let out = answer("sigma^2 + σ");
    assert_eq!(out.result().unwrap().unicode(), "σ² + σ");
    // A name the learner defines wins over the built-in function.
    let mut session = Session::new();
    session.answer("σ(x) = 2x").unwrap();
    let out = session.answer("σ(3)").unwrap();
    assert_eq!(out.result().unwrap(), &Expr::int(6));
}

#[test]
fn a_note_says_sigma_before_a_bracket_is_the_sigmoid() {
    let out = text("σ(z)");
    assert!(out.contains("read as the sigmoid"), "{out}");
    let out = text("max(0, x)");
    assert!(out.contains("ReLU"), "{out}");
}

#[test]
fn definitions_and_primes_use_the_built_in_functions() {
    let mut session = Session::new();
    session.answer("p = σ(w x + b)").unwrap();
    let slope = session.answer("dp/dw").unwrap();
    let want = result("x sigmoid(w x + b) (1 - sigmoid(w x + b))");
    assert_eq!(slope.result().unwrap(), &want);
    assert_eq!(result("σ'(z)"), result("σ(z)(1 - σ(z))"));
    assert_eq!(result("relu'(x)"), result("step(x)"));
    assert_eq!(result("softplus'(x)"), result("σ(x)"));
    assert_eq!(result("σ''(0)"), Expr::int(0));
}

#[test]
fn values_are_exact_where_they_are_known() {
    assert_eq!(result("σ(0)"), Expr::ratio(1, 2));
    assert_eq!(result("relu(-3)"), Expr::int(0));
    assert_eq!(result("relu(5/2)"), Expr::ratio(5, 2));
    assert_eq!(result("step(-1)"), Expr::int(0));
    assert_eq!(result("step(pi)"), Expr::int(1));
    assert_eq!(result("softplus(0)"), result("ln 2"));
    let out = answer("σ(2)");
    let Answer::Expression(ExpressionAnswer {
        value: Some(value), ..
    }) = &out.answer
    else {
        panic!("σ(2) is a value: {:?}", out.answer);
    };
    assert!(close(*value, 1.0 / (1.0 + (-2f64).exp()), 1e-12), "{value}");
}

#[test]
fn the_kink_at_zero_is_said_where_a_slope_or_value_is_asked() {
    let slope = error_text("d/dx relu(x) at x = 0");
    assert!(slope.contains("kink at 0 has no slope"), "{slope}");
    assert!(slope.contains("frameworks use 0"), "{slope}");
    let step = error_text("step(0)");
    assert!(step.contains("jumps from 0 to 1"), "{step}");
    // Away from the kink the slope is a plain number.
    assert_eq!(
        answer("d/dx relu(x) at x = 2").result().unwrap(),
        &Expr::int(1)
    );
    assert_eq!(
        answer("d/dx relu(x) at x = -2").result().unwrap(),
        &Expr::int(0)
    );
}

#[test]
fn wrong_counts_of_inputs_and_missing_brackets_are_errors_that_say_so() {
    assert!(error_text("max(1, 2, 3)").contains("takes two inputs"));
    assert!(error_text("relu(1, 2)").contains("takes one input"));
    assert!(error_text("relu x").contains("only with its input in brackets"));
    assert!(error_text("rellu(x)").contains("did you mean 'relu'"));
    assert!(error_text("max'(x)").contains("a prime does not say which one"));
}

#[test]
fn softplus_has_no_antiderivative_nudge_teaches_and_says_so() {
    let e = error_text("∫ softplus(x) dx");
    assert!(e.contains("antiderivative"), "{e}");
    // The area is still measured by numbers.
    let area = answer("∫_0^1 softplus(x) dx");
    let text = render_text(&area, UNICODE);
    assert!(text.contains("0.983819"), "{text}");
}

// ---- printing in every format reads back -----------------------------------------------

#[test]
fn printed_results_read_back_in_unicode_ascii_and_latex() {
    for q in [
        "d/dx σ(x)^2",
        "d/dx relu(x^2)",
        "d/dx softplus(3x)",
        "step(x) + σ(x)^3",
        "max(x, x^2)",
    ] {
        let out = answer(q);
        let e = out.result().unwrap();
        for printed in [e.unicode(), e.ascii(), e.latex()] {
            assert_eq!(&result(&printed), e, "{q} printed as {printed}");
        }
    }
    assert_eq!(
        result("relu(x)").latex(),
        "\\operatorname{ReLU}\\left(x\\right)"
    );
    assert_eq!(result("σ(x)").latex(), "\\sigma\\left(x\\right)");
    assert_eq!(result("σ(x)").ascii(), "sigmoid(x)");
}

// ---- slopes against a central difference, away from the kinks ----------------------------

fn activation() -> impl Strategy<Value = String> {
    let inner = prop_oneof![
        Just("x".to_string()),
        (1i32..4, -2i32..3).prop_map(|(a, b)| format!("{a}x + {b}")),
        Just("x^2 - 1".to_string()),
        Just("sin(x)".to_string()),
    ];
    let outer = prop_oneof![
        Just("σ"),
        Just("sigmoid"),
        Just("relu"),
        Just("softplus"),
        Just("step"),
    ];
    let one = (outer, inner).prop_map(|(f, u)| format!("{f}({u})"));
    one.prop_recursive(2, 8, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})*({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("max({a}, {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("min({a}, {b})")),
            inner.clone().prop_map(|a| format!("σ({a})")),
            inner.prop_map(|a| format!("softplus(2*({a}))")),
        ]
    })
}

/// Central difference, trusted only where halving the step does not change it (so never
/// across a kink).
fn central(e: &Expr, x: f64) -> Option<f64> {
    let diff = |h: f64| Some((value_at(e, x + h)? - value_at(e, x - h)?) / (2.0 * h));
    let (coarse, fine) = (diff(1e-4)?, diff(5e-5)?);
    ((coarse - fine).abs() <= 1e-6 * (1.0 + fine.abs())).then_some(fine)
}

#[test]
fn each_slope_agrees_with_a_central_difference_away_from_the_kinks() {
    static COMPARED: AtomicUsize = AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config {
        cases: 96,
        failure_persistence: None,
        ..Config::default()
    });
    let points = proptest::collection::vec(-2.5f64..2.5, 4);
    runner
        .run(&(activation(), points), |(body, points)| {
            let query = format!("d/dx {body}");
            let out = Session::new()
                .answer(&query)
                .map_err(|e| TestCaseError::fail(format!("{query}: {e:?}")))?;
            let Answer::Derivative(DerivativeAnswer { body, result, .. }) = &out.answer else {
                return Err(TestCaseError::fail(format!("{query} is a derivative")));
            };
            for &x in &points {
                let (Some(numeric), Some(exact)) = (central(body, x), value_at(result, x)) else {
                    continue;
                };
                COMPARED.fetch_add(1, Ordering::Relaxed);
                prop_assert!(
                    close(numeric, exact, 1e-5),
                    "{query} at x = {x}: nudge says {exact} ({}), the central difference {numeric}",
                    result.unicode()
                );
            }
            Ok(())
        })
        .unwrap();
    let compared = COMPARED.load(Ordering::Relaxed);
    assert!(compared >= 200, "only {compared} points were compared");
}

// ---- the shapes papers print ------------------------------------------------------------

/// The form a derivative's last step rewrote its result into, when it has one.
fn also_written(q: &str) -> Option<(String, Expr, Expr)> {
    let out = answer(q);
    let Answer::Derivative(DerivativeAnswer { steps, result, .. }) = &out.answer else {
        panic!("{q} is a derivative");
    };
    let last = steps.last()?;
    (last.rule.id() == "known_shape").then(|| (q.to_string(), result.clone(), last.after.clone()))
}

#[test]
fn the_famous_shapes_are_offered_where_the_result_has_them() {
    for (q, shape) in [
        ("d/dx 1/(1 + e^(-x))", "σ(x)·(1 - σ(x))"),
        ("d/dx 1/(1 + e^(-3x))", "3σ(3x)·(1 - σ(3x))"),
        ("d/dx ln(1 + e^x)", "σ(x)"),
        ("d/dx tanh(x)", "1/cosh²(x)"),
        ("d/dx (e^x - e^(-x))/(e^x + e^(-x))", "1 - tanh²(x)"),
        ("d/dz -(y ln(σ(z)) + (1 - y) ln(1 - σ(z)))", "σ(z) - y"),
        (
            "d/dw -(y ln(σ(w x + b)) + (1 - y) ln(1 - σ(w x + b)))",
            "x·(σ(w·x + b) - y)",
        ),
    ] {
        let (_, _, form) = also_written(q).unwrap_or_else(|| panic!("{q} has a known shape"));
        assert_eq!(form.unicode(), shape, "{q}");
    }
    // A result already in its shape, or in none, gets no extra line.
    for q in ["d/dx σ(x)", "d/dx x^2", "d/dx e^x", "d/dx sin(x)"] {
        assert!(also_written(q).is_none(), "{q}");
    }
    let json = nudge::json::render_json(&answer("d/dx 1/(1 + e^(-x))"));
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["also"]["shape"], "sigmoid_slope");
    assert_eq!(v["also"]["result"], "sigmoid(x)*(1 - sigmoid(x))");
}

fn written_out() -> impl Strategy<Value = String> {
    let u = prop_oneof![
        (1i32..4).prop_map(|a| format!("{a}x")),
        (1i32..4, -2i32..3).prop_map(|(a, b)| format!("({a}x + {b})")),
        Just("x^2".to_string()),
    ];
    (u, 0usize..5).prop_map(|(u, k)| match k {
        0 => format!("1/(1 + e^(-{u}))"),
        1 => format!("ln(1 + e^({u}))"),
        2 => format!("tanh({u})"),
        3 => format!("(e^({u}) - e^(-{u}))/(e^({u}) + e^(-{u}))"),
        _ => format!("-(y ln(σ({u})) + (1 - y) ln(1 - σ({u})))"),
    })
}

#[test]
fn every_also_written_form_equals_the_result() {
    let mut runner = TestRunner::new(Config {
        cases: 48,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&written_out(), |body| {
            let q = format!("d/dx {body}");
            let Some((_, result, form)) = also_written(&q) else {
                return Err(TestCaseError::fail(format!("{q} has a known shape")));
            };
            let mut compared = 0;
            for x in [-1.7, -0.6, 0.3, 0.9, 1.4] {
                let at = |n: &str| match n {
                    "x" => Some(x),
                    "y" => Some(0.3),
                    _ => None,
                };
                let (a, b) = (eval(&result, &at), eval(&form, &at));
                if let (Ok(a), Ok(b)) = (a, b) {
                    prop_assert!(
                        close(a, b, 1e-9),
                        "{q} at {x}: {a} vs {b} ({})",
                        form.unicode()
                    );
                    compared += 1;
                }
            }
            prop_assert!(compared >= 4, "{q}: only {compared} points");
            Ok(())
        })
        .unwrap();
}

// ---- help loss and help activations say what nudge computes --------------------------------

#[test]
fn the_loss_page_says_what_nudge_computes() {
    for q in [
        "check ∂/∂w (y - (w x + b))^2 = -2x(y - w x - b)",
        "check ∂/∂b (y - (w x + b))^2 = -2(y - w x - b)",
        "check d/dp -(y ln p + (1 - y) ln(1 - p)) = (p - y)/(p (1 - p))",
        "check d/dz -(y ln(σ(z)) + (1 - y) ln(1 - σ(z))) = σ(z) - y",
        "check ∂/∂z1 -ln(e^z1/(e^z1 + e^z2 + e^z3)) = e^z1/(e^z1 + e^z2 + e^z3) - 1",
        "check ∂/∂z2 -ln(e^z1/(e^z1 + e^z2 + e^z3)) = e^z2/(e^z1 + e^z2 + e^z3)",
        "check d/dx σ(2x) = 2σ(2x)(1 - σ(2x))",
        "check d/dx softplus(z x) = z σ(z x)",
    ] {
        let out = answer(q);
        let Answer::Check(checked) = &out.answer else {
            panic!("{q} is a check");
        };
        assert!(
            matches!(checked.judged, nudge::engine::checking::Judged::Right),
            "{q}: {:?}",
            checked.judged
        );
    }
}

#[test]
fn every_try_line_of_the_new_help_pages_answers() {
    for topic in ["loss", "activations", "sigmoid", "cross-entropy"] {
        let out = text(&format!("help {topic}"));
        let tries = out
            .lines()
            .find_map(|l| l.strip_prefix("Try: "))
            .unwrap_or_else(|| panic!("help {topic} has a Try line: {out}"));
        for q in split_top_level(tries) {
            if q.starts_with("practice") {
                continue;
            }
            Session::new()
                .answer(&q)
                .unwrap_or_else(|e| panic!("help {topic}: {q}: {e:?}"));
        }
    }
}

/// The queries of a Try line, split at the commas outside brackets.
fn split_top_level(line: &str) -> Vec<String> {
    let (mut out, mut depth, mut current) = (Vec::new(), 0, String::new());
    for c in line.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current.trim().to_string());
    out
}

#[test]
fn the_gradient_of_logsumexp_is_softmax() {
    let sum = "(e^z1 + e^z2 + e^z3)";
    for (i, z) in ["z1", "z2", "z3"].iter().enumerate() {
        let slope = result(&format!("∂/∂{z} logsumexp(z1, z2, z3)"));
        assert_eq!(slope, result(&format!("e^{z}/{sum}")), "entry {}", i + 1);
    }
    assert_eq!(result("logsumexp(0, 0)"), result("ln 2"));
    assert!(text("logsumexp(a, b)").contains("softmax"));
}
