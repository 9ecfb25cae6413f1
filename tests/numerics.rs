//! Numerics you can trust: areas by Gauss–Kronrod with their error, refused when they
//! cannot settle, and limits that see through cancellation and overflow (issue 13's rows).

use assert_cmd::Command;
use nudge::area::NumericArea;
use nudge::engine::AreaAnswer;
use nudge::engine::{SeeingAnswer, Verdict};
use nudge::format::{render_text, TextOptions};
use nudge::json::render_json;
use nudge::{Answer, Session};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use std::time::{Duration, Instant};

const TEXT: TextOptions = TextOptions {
    unicode: true,
    quiet: false,
};

/// A generous bound on one answer's time in a debug build: the point is "finishes", not speed.
const PROMPTLY: Duration = Duration::from_secs(30);

fn session() -> Session {
    Session::new()
}

/// The value, exact value (if any) and numeric estimate of a definite integral.
fn area(q: &str) -> (Option<f64>, bool, NumericArea) {
    let started = Instant::now();
    let outcome = session().answer(q).unwrap_or_else(|e| panic!("{q}: {e}"));
    assert!(
        started.elapsed() < PROMPTLY,
        "{q} took {:?}",
        started.elapsed()
    );
    match outcome.answer {
        Answer::DefiniteIntegral(AreaAnswer {
            value,
            exact,
            numeric: Some(numeric),
            ..
        }) => (value, exact.is_some(), numeric),
        other => panic!("{q}: {other:?}"),
    }
}

fn refusal(q: &str) -> String {
    let started = Instant::now();
    let err = session().answer(q).err();
    assert!(
        started.elapsed() < PROMPTLY,
        "{q} took {:?}",
        started.elapsed()
    );
    err.unwrap_or_else(|| panic!("{q} should be refused"))
        .message
        .clone()
}

// ---- definite integrals ---------------------------------------------------------------

#[test]
fn sine_of_x_squared_to_1000_is_followed_to_its_true_value() {
    // ∫₀¹⁰⁰⁰ sin(x²) dx = √(π/2)·S(1000·√(2/π)) (Fresnel S), by mpmath at 30 digits.
    let (value, exact, n) = area("∫_0^1000 sin(x^2) dx");
    assert!(!exact && n.reliable);
    let truth = 0.626_188_692_681_482_3;
    assert!(
        (n.estimate.value - truth).abs() <= n.estimate.error,
        "{n:?}"
    );
    assert!(n.estimate.error < 1e-6, "{n:?}");
    assert_eq!(value, Some(n.estimate.value));
}

#[test]
fn oscillation_too_fast_for_the_pieces_is_refused_promptly() {
    let message = refusal("∫_0^10000 sin(x^2) dx");
    assert!(message.contains("did not settle"), "{message}");
    assert!(message.contains("give or take"), "{message}");
}

#[test]
fn an_exact_value_numbers_cannot_check_still_stands() {
    let (value, exact, n) = area("∫_0^(10^20) sin(x) dx");
    assert!(exact && !n.reliable, "{n:?}");
    // 1 − cos(10²⁰), by mpmath: the exact side decides, never the rough estimate.
    let v = value.expect("a decimal");
    assert!((v - 0.236_029_595_558_271_7).abs() < 1e-9, "{v}");
    let out = render_text(
        &session().answer("∫_0^(10^20) sin(x) dx").expect("answer"),
        TEXT,
    );
    assert!(out.contains("numbers alone cannot check this one"), "{out}");
}

#[test]
fn a_long_but_followable_oscillation_checks_the_exact_value() {
    let (value, exact, n) = area("∫_0^100000 sin(x) dx");
    assert!(exact && n.reliable, "{n:?}");
    let truth = 1.999_360_807_438_212_5; // 1 − cos 100000
    assert!((value.expect("value") - truth).abs() < 1e-12);
    assert!(
        (n.estimate.value - truth).abs() <= n.estimate.error,
        "{n:?}"
    );
}

#[test]
fn end_point_singularities_have_their_areas() {
    for (q, truth) in [
        ("∫_0^1 1/sqrt(x) dx", 2.0),
        ("∫_0^1 ln(x) dx", -1.0),
        ("∫_1^2 1/sqrt(x - 1) dx", 2.0),
        ("∫_0^1 1/sqrt(1 - x) dx", 2.0),
        ("∫_1^inf 1/x^2 dx", 1.0),
        // No antiderivative nudge knows: the numbers alone (by mpmath at 25 digits).
        ("∫_0^1 cos(x)/sqrt(x) dx", 1.809_048_475_800_538_6),
        ("∫_0^1 e^x/sqrt(x) dx", 2.925_303_491_814_357_6),
    ] {
        let (_, _, n) = area(q);
        assert!(n.reliable, "{q}: {n:?}");
        assert!(
            (n.estimate.value - truth).abs() <= n.estimate.error.max(1e-12),
            "{q}: {n:?}"
        );
    }
}

#[test]
fn a_narrow_bump_in_a_long_interval_is_found() {
    let root_pi = std::f64::consts::PI.sqrt();
    for (q, truth) in [
        ("∫_0^10000 e^(-(x - 1234.5)^2) dx", root_pi),
        ("∫_0^10000 e^(-(x - 5000.3)^2) dx", root_pi),
        ("∫_0^10000 x e^(-(x - 1234.5)^2) dx", 1234.5 * root_pi),
    ] {
        let (_, _, n) = area(q);
        assert!(
            (n.estimate.value - truth).abs() <= n.estimate.error.max(1e-12 * truth),
            "{q}: {n:?}"
        );
    }
}

#[test]
fn divergent_areas_are_improper_not_numbers() {
    for q in [
        "∫_0^1 1/x dx",
        "∫_0^1 1/x^2 dx",
        "∫_1^inf 1/x dx",
        "∫_0^1 1/(x - 1/3) dx",
    ] {
        let message = refusal(q);
        assert!(message.contains("improper integral"), "{q}: {message}");
        assert!(!message.contains("divides by zero"), "{q}: {message}");
    }
}

#[test]
fn the_estimate_is_printed_with_its_error_and_its_method() {
    let out = render_text(&session().answer("∫_0^1 e^(x^2) dx").expect("answer"), TEXT);
    assert!(
        out.contains("Adaptive Gauss–Kronrod cuts the area into slices"),
        "{out}"
    );
    assert!(out.contains("≈ 1.462652   (± "), "{out}");
    let json: serde_json::Value = serde_json::from_str(&render_json(
        &session().answer("∫_0^1 e^(x^2) dx").expect("answer"),
    ))
    .expect("JSON");
    let error = json["numeric_error"].as_f64().expect("numeric_error");
    assert!(error > 0.0 && error < 1e-9, "{json}");
    assert_eq!(json["numeric_reliable"], true);
}

/// The learner's view: the binary answers the three rows of the table in turn.
#[test]
fn the_binary_answers_the_table_rows_in_one_run() {
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .env("NO_COLOR", "1")
        .args(["-q", "-e", "∫_0^1 1/sqrt(x) dx", "-e", "∫_0^1 ln(x) dx"])
        .args(["-e", "∫_0^100000 sin(x) dx"])
        .timeout(PROMPTLY)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines, ["2", "-1", "1 - cos(100000) ≈ 1.999361"], "{text}");
}

// ---- Gauss–Kronrod against exact antiderivatives ----------------------------------------

/// A random polynomial or trigonometric integrand with bounds, as nudge reads it.
fn integrand() -> impl Strategy<Value = (String, i32, i32)> {
    let coefficient = -9i32..10;
    let polynomial = proptest::collection::vec(coefficient, 1..6).prop_map(|cs| {
        cs.iter()
            .enumerate()
            .map(|(k, c)| format!("({c})*x^{k}"))
            .collect::<Vec<_>>()
            .join(" + ")
    });
    let trig =
        (1i32..6, 1i32..6, -5i32..6).prop_map(|(a, b, c)| format!("{a}*sin({b}*x) + cos({c}*x)"));
    (prop_oneof![polynomial, trig], -20i32..20, -20i32..20)
}

#[test]
fn gauss_kronrod_agrees_with_exact_antiderivatives_within_its_error() {
    let mut runner = TestRunner::new(Config {
        cases: 40,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&integrand(), |(body, a, b)| {
            let q = format!("∫_({a})^({b}) {body} dx");
            let outcome = session()
                .answer(&q)
                .map_err(|e| TestCaseError::fail(format!("{q}: {e}")))?;
            let Answer::DefiniteIntegral(AreaAnswer {
                value: Some(exact),
                exact: Some(_),
                numeric: Some(n),
                ..
            }) = outcome.answer
            else {
                return Err(TestCaseError::fail(format!("{q}: no exact value")));
            };
            prop_assert!(n.reliable, "{}: {:?}", q, n);
            // The exact value is itself a float sum: allow its rounding beside the error.
            let rounding = 1e-13 * exact.abs().max(1.0);
            prop_assert!(
                (n.estimate.value - exact).abs() <= n.estimate.error + rounding,
                "{}: exact {} vs {:?}",
                q,
                exact,
                n
            );
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

// ---- limits ---------------------------------------------------------------------------

fn limit(q: &str) -> (Verdict, Option<usize>) {
    match session().answer(q).expect(q).answer {
        Answer::Seeing(s) => match *s {
            SeeingAnswer::Limit(l) => (l.verdict, l.precise_bits),
            other => panic!("{q}: {other:?}"),
        },
        other => panic!("{q}: {other:?}"),
    }
}

fn named_value(q: &str) -> (f64, String) {
    match limit(q).0 {
        Verdict::Value {
            value,
            named: Some(n),
            ..
        } => (value, n.ascii()),
        other => panic!("{q}: {other:?}"),
    }
}

#[test]
fn cancellation_is_seen_through_and_said() {
    let q = "limit (sin(x) - x + x^3/6)/x^5 as x -> 0";
    let (value, name) = named_value(q);
    assert_eq!(name, "1/120");
    assert!((value - 1.0 / 120.0).abs() < 1e-9);
    let (_, bits) = limit(q);
    assert!(bits.is_some_and(|b| b > 53), "{bits:?}");
    let out = render_text(&session().answer(q).expect(q), TEXT);
    assert!(
        out.contains("Plain floating point gets some of these values wrong"),
        "{out}"
    );
    assert!(!out.contains("without bound"), "{out}");
}

#[test]
fn a_limit_whose_table_reads_one_settles_at_one() {
    let (value, name) = named_value("limit (e^x - e^(-x))/(2x) as x -> 0");
    assert_eq!(name, "1");
    assert!((value - 1.0).abs() < 1e-9);
    let (value, name) = named_value("limit (cos(x) - 1 + x^2/2)/x^4 as x -> 0");
    assert_eq!(name, "1/24");
    assert!((value - 1.0 / 24.0).abs() < 1e-9);
}

#[test]
fn overflow_is_too_large_to_compute_never_a_division_by_zero() {
    let (value, name) = named_value("limit sinh(x)/e^x as x -> inf");
    assert_eq!(name, "1/2");
    assert!((value - 0.5).abs() < 1e-9);
    let out = render_text(
        &session()
            .answer("limit sinh(x)/e^x as x -> inf")
            .expect("answer"),
        TEXT,
    );
    assert!(!out.contains("divides by zero"), "{out}");
    let out = render_text(
        &session()
            .answer("limit e^(x^2)/x as x -> inf")
            .expect("answer"),
        TEXT,
    );
    assert!(out.contains("grows too large to compute"), "{out}");
    assert!(!out.contains("divides by zero"), "{out}");
    assert_eq!(
        limit("limit e^(x^2)/x as x -> inf").0,
        Verdict::Unbounded { positive: true }
    );
}

#[test]
fn every_limit_value_says_how_sure_it_is() {
    for q in [
        "limit (1 + 1/n)^n as n -> inf",
        "limit sin(x)/x as x -> 0",
        "limit x^x as x -> 0+",
    ] {
        let out = render_text(&session().answer(q).expect(q), TEXT);
        assert!(out.contains("decimals shown, not a proof"), "{q}: {out}");
    }
    // The behaviours that were right stay right.
    assert_eq!(limit("limit 1/x as x -> 0").0, Verdict::SidesDisagree);
    assert_eq!(limit("limit sin(1/x) as x -> 0").0, Verdict::None);
    assert_eq!(named_value("limit (1 + 1/n)^n as n -> inf").1, "e");
}

#[test]
fn past_the_many_digit_range_there_is_growth_or_no_verdict() {
    assert_eq!(
        limit("limit e^(e^x) as x -> inf").0,
        Verdict::Unbounded { positive: true }
    );
    assert_eq!(
        limit("limit -e^(e^x) as x -> inf").0,
        Verdict::Unbounded { positive: false }
    );
    // ∞/∞ in every precision: no verdict either way, never "does not settle" or "undefined".
    let q = "limit (e^(e^x) + 1)/e^(e^x) as x -> inf";
    assert_eq!(limit(q).0, Verdict::CannotTell);
    let out = render_text(&session().answer(q).expect(q), TEXT);
    assert!(out.contains("Limit: cannot tell"), "{out}");
}

#[test]
fn an_overflowing_value_is_never_called_a_division_by_zero() {
    for q in ["sinh(x) at x = 1000", "nudge cosh(x) at x = -800"] {
        let message = refusal(q);
        assert!(
            message.contains("grows too large to compute"),
            "{q}: {message}"
        );
        assert!(!message.contains("divides by zero"), "{q}: {message}");
    }
    // A true division by zero still says so.
    assert!(refusal("1/x at x = 0").contains("divides by zero"));
}
