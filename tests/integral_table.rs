//! Integrals at textbook coverage: every integrand of tests/integrands.txt answered and
//! differentiated back, the steps of each method, random members of each family,
//! definite integrals against quadrature, improper integrals, and results in the book's shape.

use nudge::calculus::derive;
use nudge::engine::Answer;
use nudge::engine::{AreaAnswer, AtPointAnswer, IntegralAnswer};
use nudge::expr::eval;
use nudge::format::{render_text, TextOptions};
use nudge::json::render_json;
use nudge::{Error, Outcome, Session};
use proptest::prelude::*;
use serde_json::Value;

/// The test set shared with benches/integral_coverage.py.
const SET: &str = include_str!("integrands.txt");

/// Integrands of the set nudge has no method for yet (SymPy answers them).
const GAPS: [&str; 1] = ["tan(x) ln(cos(x))"];

/// Improper integrals of the set and their values; `None` diverges.
const IMPROPER: [(&str, Option<f64>); 17] = [
    ("1/sqrt(x) ; 0 ; 1", Some(2.0)),
    ("ln(x) ; 0 ; 1", Some(-1.0)),
    ("x^(-1/3) ; -1 ; 1", Some(0.0)),
    ("(x^2 - 1)/(x - 1) ; 0 ; 2", Some(4.0)),
    ("1/x^2 ; 1 ; inf", Some(1.0)),
    ("e^(-x) ; 0 ; inf", Some(1.0)),
    ("1/(1 + x^2) ; 0 ; inf", Some(std::f64::consts::FRAC_PI_2)),
    ("1/x ; 0 ; 1", None),
    ("1/x ; 1 ; inf", None),
    ("x e^(-x) ; 0 ; inf", Some(1.0)),
    ("1/sqrt(1 - x^2) ; 0 ; 1", Some(std::f64::consts::FRAC_PI_2)),
    ("1/(x(x + 1)) ; 1 ; inf", Some(std::f64::consts::LN_2)),
    ("1/x^3 ; 1 ; inf", Some(0.5)),
    ("e^(-2x) ; 0 ; inf", Some(0.5)),
    ("1/(x - 2)^2 ; 0 ; 3", None),
    ("1/sqrt(x) ; 0 ; 4", Some(4.0)),
    ("x/(x^2 + 1) ; 0 ; inf", None),
];

const PLAIN: TextOptions = TextOptions {
    unicode: true,
    quiet: false,
};

fn answer(query: &str) -> Result<Outcome, Error> {
    Session::new().answer(query)
}

fn text(query: &str) -> String {
    let outcome = answer(query).unwrap_or_else(|e| panic!("{query}: {e}"));
    render_text(&outcome, PLAIN)
}

fn json(query: &str) -> Value {
    let outcome = answer(query).unwrap_or_else(|e| panic!("{query}: {e}"));
    serde_json::from_str(&render_json(&outcome)).unwrap_or_else(|e| panic!("{query}: {e}"))
}

/// One line of the set: family, integrand, and the bounds of a definite one.
type Item = (String, String, Option<(String, String)>);

fn set() -> Vec<Item> {
    let mut family = String::new();
    let mut out = Vec::new();
    for line in SET.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix("## ") {
            family = name.to_string();
        } else if !line.is_empty() && !line.starts_with('#') {
            let parts: Vec<&str> = line.split(';').map(str::trim).collect();
            let bounds = (parts.len() == 3).then(|| (parts[1].to_string(), parts[2].to_string()));
            out.push((family.clone(), parts[0].to_string(), bounds));
        }
    }
    out
}

/// d/dx of the antiderivative equals the integrand wherever both have a value.
fn differentiates_back(query: &str) -> Result<(), String> {
    let outcome = answer(query).map_err(|e| format!("{query}: {e}"))?;
    let Answer::Integral(IntegralAnswer {
        body, result, var, ..
    }) = outcome.answer
    else {
        return Err(format!("{query}: not an indefinite integral"));
    };
    let slope = derive(&result, &var).after;
    let mut compared = 0;
    for x in [
        0.31, 0.73, 1.17, 1.93, 2.61, 3.7, -0.43, -1.27, -2.9, 0.12, -0.21,
    ] {
        let at = |name: &str| Some(if name == &*var { x } else { 1.3 });
        let (Ok(a), Ok(b)) = (eval(&slope, &at), eval(&body, &at)) else {
            continue;
        };
        if !a.is_finite() || !b.is_finite() {
            continue;
        }
        if (a - b).abs() > 1e-7 * 1.0_f64.max(b.abs()) {
            return Err(format!(
                "{query}: d/dx {result} = {a}, integrand {b} at {x}"
            ));
        }
        compared += 1;
    }
    if compared < 3 {
        return Err(format!("{query}: too few points to compare"));
    }
    Ok(())
}

#[test]
fn every_integrand_of_the_set_is_answered_and_differentiates_back() {
    let items = set();
    let indefinite: Vec<_> = items.iter().filter(|(_, _, b)| b.is_none()).collect();
    assert!(
        indefinite.len() >= 238,
        "only {} integrands",
        indefinite.len()
    );
    let mut failures = Vec::new();
    for (family, integrand, _) in indefinite {
        let query = format!("∫ {integrand} dx");
        let outcome = differentiates_back(&query);
        match (GAPS.contains(&integrand.as_str()), outcome) {
            (false, Err(e)) => failures.push(format!("[{family}] {e}")),
            (true, Ok(())) => failures.push(format!(
                "[{family}] {integrand} is answered now: take it off GAPS"
            )),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn definite_integrals_of_the_set_match_quadrature_or_their_limits() {
    for (_, integrand, bounds) in set() {
        let Some((a, b)) = bounds else { continue };
        let key = format!("{integrand} ; {a} ; {b}");
        let query = format!("integrate({integrand}, x, {a}, {b})");
        let expected = IMPROPER.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        match (expected, answer(&query)) {
            (Some(None), Err(e)) => {
                assert!(e.message.contains("diverges"), "{query}: {}", e.message)
            }
            (Some(None), Ok(_)) => panic!("{query}: diverges, but got a value"),
            (_, Err(e)) => panic!("{query}: {e}"),
            (expected, Ok(outcome)) => {
                let Answer::DefiniteIntegral(AreaAnswer {
                    exact: Some(_),
                    value: Some(value),
                    numeric,
                    ..
                }) = outcome.answer
                else {
                    panic!("{query}: no exact value");
                };
                let reference = match expected {
                    Some(Some(v)) => v,
                    _ => {
                        numeric
                            .unwrap_or_else(|| panic!("{query}: no numeric check"))
                            .estimate
                            .value
                    }
                };
                assert!(
                    (value - reference).abs() < 1e-6,
                    "{query}: {value} but expected {reference}"
                );
            }
        }
    }
}

// ---- the steps of each method, one integrand each --------------------------

macro_rules! method_steps {
    ($($name:ident: $query:expr;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(stringify!($name), text($query));
            }
        )*
    };
}

method_steps! {
    long_division: "∫ x^2/(x + 5) dx";
    partial_fractions: "∫ 1/((x - 1)(x + 2)) dx";
    partial_fractions_repeated_and_quadratic: "∫ 1/(x(x^2 + 1)) dx";
    complete_square: "∫ (x + 3)/(x^2 + 2x + 5) dx";
    log_of_the_bottom: "∫ (x + 1)/(x^2 + 2x + 5) dx";
    arctan_form: "∫ 1/(x^2 + 4) dx";
    ln_form: "∫ 1/(x^2 - 4) dx";
    arcsin_form: "∫ 1/sqrt(4 - x^2) dx";
    root_form: "∫ 1/sqrt(x^2 + 1) dx";
    power_reduction: "∫ sin(x)^2 dx";
    odd_power: "∫ sin(x)^3 dx";
    trig_identity: "∫ tan(x)^2 dx";
    product_to_sum: "∫ sin(2x) cos(3x) dx";
    half_angle: "∫ 1/(1 + cos(x)) dx";
    integral_sec: "∫ sec(x) dx";
    cyclic_parts: "∫ e^x sin(x) dx";
    tabular_parts: "∫ x^3 e^x dx";
    parts_alone: "∫ arctan(x) dx";
    trig_substitution: "∫ sqrt(1 - x^2) dx";
    secant_substitution: "∫ 1/(x sqrt(x^2 - 1)) dx";
    absolute_value: "∫ |x| dx";
    general_exponent: "∫ x^a dx";
    change_of_base: "∫ log_10(x) dx";
    exp_form: "∫ e^x sinh(x) dx";
    improper_infinite_bound: "∫_1^inf 1/x^2 dx";
    improper_split_at_a_blow_up: "∫_{-1}^1 x^(-1/3) dx";
    removable_gap: "∫_0^2 (x^2 - 1)/(x - 1) dx";
    odd_symmetry: "∫_{-1}^1 x^3 cos(x) dx";
}

// ---- random members of each family -----------------------------------------

fn small() -> impl Strategy<Value = i64> {
    prop_oneof![-5i64..=-1, 1i64..=5]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn distinct_linear_factors_split(p in -4i64..=4, d in 1i64..=5, top in -3i64..=3) {
        let q = p + d;
        differentiates_back(&format!("∫ (x + {top})/((x - ({p}))(x - ({q}))) dx"))
            .map_err(TestCaseError::fail)?;
    }

    #[test]
    fn two_quadratic_factors_split(r in 1i64..=5, d in 1i64..=4, top in 0i64..=2) {
        let s = r + d;
        let top = ["1", "x", "x^3 + 1"][top as usize];
        differentiates_back(&format!("∫ ({top})/((x^2 + {r})(x^2 + {s})) dx"))
            .map_err(TestCaseError::fail)?;
    }

    #[test]
    fn linear_over_quadratic_completes_the_square(a in small(), b in -4i64..=4, h in -3i64..=3, k in 1i64..=4) {
        // (x + h)² + k² has no real roots.
        let c = h * h + k * k;
        differentiates_back(&format!("∫ ({a}x + {b})/(x^2 + {}x + {c}) dx", 2 * h))
            .map_err(TestCaseError::fail)?;
    }

    #[test]
    fn improper_fractions_divide_first(b in -4i64..=4, c in -4i64..=4, d in small()) {
        differentiates_back(&format!("∫ (x^3 + {b}x + {c})/(x + {d}) dx"))
            .map_err(TestCaseError::fail)?;
    }

    #[test]
    fn powers_of_sine_and_cosine(m in 0i64..=5, n in 0i64..=5, a in 1i64..=3) {
        prop_assume!(m + n >= 1);
        differentiates_back(&format!("∫ sin({a}x)^{m} cos({a}x)^{n} dx"))
            .map_err(TestCaseError::fail)?;
    }

    #[test]
    fn products_of_different_angles(a in 1i64..=4, b in 1i64..=4, first in 0usize..3) {
        prop_assume!(a != b);
        let (f, g) = [("sin", "cos"), ("sin", "sin"), ("cos", "cos")][first];
        differentiates_back(&format!("∫ {f}({a}x) {g}({b}x) dx")).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn by_parts_families(n in 1i64..=3, a in small(), b in 1i64..=3, kind in 0usize..4) {
        let query = match kind {
            0 => format!("∫ x^{n} e^({a}x) dx"),
            1 => format!("∫ x^{n} sin({a}x) dx"),
            2 => format!("∫ e^({a}x) cos({b}x) dx"),
            _ => format!("∫ x^{n} ln({b}x) dx"),
        };
        differentiates_back(&query).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn standard_forms_with_a_general_a(k in 1i64..=9, kind in 0usize..4) {
        let query = match kind {
            0 => format!("∫ 1/(x^2 + {k}) dx"),
            1 => format!("∫ 1/sqrt({k} - x^2) dx"),
            2 => format!("∫ 1/sqrt(x^2 + {k}) dx"),
            _ => format!("∫ sqrt({k} - x^2) dx"),
        };
        differentiates_back(&query).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn definite_integrals_agree_with_quadrature(a in -3i64..=0, width in 1i64..=3, kind in 0usize..4) {
        let b = a + width;
        let body = ["sin(x)^2", "x e^x", "1/(x^2 + 2x + 5)", "x^3 cos(x)"][kind];
        let query = format!("∫_{{{a}}}^{{{b}}} {body} dx");
        let outcome = answer(&query).map_err(|e| TestCaseError::fail(format!("{query}: {e}")))?;
        let Answer::DefiniteIntegral(AreaAnswer { exact: Some(_), value: Some(v), numeric: Some(n), .. }) = outcome.answer else {
            return Err(TestCaseError::fail(format!("{query}: no exact value")));
        };
        let n = n.estimate.value;
        prop_assert!((v - n).abs() < 1e-6 * 1f64.max(v.abs()), "{}: {} vs {}", query, v, n);
    }
}

// ---- results in the book's shape -------------------------------------------

fn result(query: &str) -> String {
    json(query)["result"]
        .as_str()
        .unwrap_or_else(|| panic!("{query}: no result"))
        .to_string()
}

fn same(a: &str, b: &str) -> bool {
    let parse = |s: &str| answer(&format!("{s} at x = 0.7")).ok().map(|o| o.answer);
    let value = |a: Option<Answer>| match a {
        Some(Answer::AtPoint(AtPointAnswer { value: Some(v), .. })) => Some(v),
        _ => None,
    };
    match (value(parse(a)), value(parse(b))) {
        (Some(p), Some(q)) => (p - q).abs() < 1e-9,
        _ => false,
    }
}

#[test]
fn a_log_of_something_always_positive_has_no_bars() {
    assert_eq!(result("∫ 2x/(x^2 + 9) dx"), "ln(x^2 + 9)");
    assert_eq!(result("∫ e^x/(1 + e^x) dx"), "ln(1 + e^x)");
    assert_eq!(result("∫ tanh(x) dx"), "ln(cosh(x))");
    // Where the inside can be negative the bars stay.
    assert_eq!(result("∫ 1/x dx"), "ln(abs(x))");
}

#[test]
fn constants_are_spread_over_the_terms_when_that_clears_fractions() {
    assert_eq!(result("∫ ln(2x) dx"), "x*ln(2*x) - x");
    assert!(same(&result("∫ sin(x)^3 dx"), "cos(x)^3/3 - cos(x)"));
    assert!(!result("∫ sin(x)^3 dx").starts_with('-'));
}

#[test]
fn definite_values_come_out_as_special_values() {
    assert_eq!(result("∫_0^{1/2} 1/sqrt(1 - x^2) dx"), "pi/6");
    assert_eq!(result("∫_{1/2}^1 1/x dx"), "ln(2)");
    assert_eq!(result("∫_0^1 1/(1 + x^2) dx"), "pi/4");
}

#[test]
fn an_odd_integrand_over_a_symmetric_interval_is_zero_and_says_why() {
    let j = json("∫_{-1}^1 x^3 cos(x) dx");
    assert_eq!(j["result"], "0");
    assert_eq!(j["steps"][1]["rule"], "odd_symmetry");
    assert!(text("∫_{-1}^1 x^3 cos(x) dx").contains("The integrand is odd"));
    // Not odd: the value is not forced to 0.
    assert_ne!(result("∫_{-1}^1 x^2 dx"), "0");
}

#[test]
fn each_separate_question_ends_in_plus_c() {
    let out = text("∫ sin(x)^2 dx");
    assert!(out.contains("x/2 - sin(2x)/4 + C\n"), "{out}");
    assert_eq!(json("∫ x dx")["constant"], "C");
}

#[test]
fn the_strategy_says_why_it_chose_a_method() {
    let out = text("∫ (x + 2)/(x + 5) dx");
    assert!(
        out.contains("The top has the same degree as the bottom (1), so divide first"),
        "{out}"
    );
    let out = text("∫ x^2/(x + 5) dx");
    assert!(
        out.contains("The top has degree 2, higher than the bottom's 1, so divide first"),
        "{out}"
    );
    let out = text("∫ 1/((x - 1)(x + 2)) dx");
    assert!(
        out.contains("put x = 1: every other term is 0, so A = 1/3"),
        "{out}"
    );
    assert!(
        out.contains("put x = -2: every other term is 0, so B = -1/3"),
        "{out}"
    );
    let out = text("∫ e^x sin(x) dx");
    assert!(out.contains("Solve for I as in algebra: 2·I"), "{out}");
}

#[test]
fn a_letter_held_fixed_as_exponent_names_the_minus_one_case() {
    let out = text("∫ x^a dx");
    assert!(out.contains("x^(a + 1)/(a + 1) + C"), "{out}");
    assert!(out.contains("a ≠ -1"), "{out}");
    assert_eq!(result("∫ x^(-1) dx"), "ln(abs(x))");
}

#[test]
fn improper_integrals_name_their_limits_and_divergence() {
    let out = text("∫_1^inf 1/x^2 dx");
    assert!(out.contains("F(x) → 0 as x → ∞"), "{out}");
    let out = text("∫_0^1 ln(x) dx");
    assert!(out.contains("F(x) → 0 as x → 0+"), "{out}");
    let err = answer("∫_0^1 1/x dx")
        .err()
        .map(|e| e.message)
        .unwrap_or_default();
    assert!(err.contains("diverges") && err.contains("ln|x|"), "{err}");
    let err = answer("∫_{-1}^1 1/x dx")
        .err()
        .map(|e| e.message)
        .unwrap_or_default();
    assert!(
        err.contains("diverges"),
        "an odd integrand that blows up is not 0: {err}"
    );
    let out = text("∫_0^2 (x^2 - 1)/(x - 1) dx");
    assert!(out.contains("removable gap"), "{out}");
}

#[test]
fn every_new_step_has_a_stable_rule_id() {
    let ids = |q: &str| {
        let j = json(q);
        let mut out = Vec::new();
        let mut stack: Vec<Value> = j["steps"].as_array().cloned().unwrap_or_default();
        while let Some(s) = stack.pop() {
            out.push(s["rule"].as_str().unwrap_or_default().to_string());
            stack.extend(s["substeps"].as_array().cloned().unwrap_or_default());
        }
        out
    };
    for (q, id) in [
        ("∫ x^2/(x + 5) dx", "long_division"),
        ("∫ 1/(x(x + 1)) dx", "partial_fractions"),
        ("∫ 1/(x^2 + 2x + 5) dx", "complete_square"),
        ("∫ 1/(x^2 + 4) dx", "arctan_form"),
        ("∫ cos(x)^2 dx", "power_reduction"),
        ("∫ cos(x)^3 dx", "odd_power"),
        ("∫ e^(2x) sin(3x) dx", "cyclic_parts"),
        ("∫ x^2 cos(x) dx", "tabular_parts"),
        ("∫ sqrt(x^2 + 1) dx", "trig_substitution"),
        ("∫ csc(x) dx", "integral_csc"),
        ("∫ 1/cosh(x)^2 dx", "integral_sech_squared"),
        ("∫_0^1 1/sqrt(x) dx", "improper"),
    ] {
        let found = ids(q);
        assert!(found.iter().any(|f| f == id), "{q}: {found:?}");
    }
}
