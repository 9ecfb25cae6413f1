//! Functions with no formula (f, g, h undefined): the rules shown on them, their
//! printing read back in ASCII, Unicode and LaTeX, and no value at a point.

use nudge::calculus::Step;
use nudge::engine::DerivativeAnswer;
use nudge::expr::{Expr, Kind};
use nudge::format::{render_text, TextOptions};
use nudge::json::render_json;
use nudge::{Answer, Session};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

fn steps(q: &str) -> String {
    let out = Session::new()
        .answer(q)
        .unwrap_or_else(|e| panic!("{q}: {e:?}"));
    render_text(
        &out,
        TextOptions {
            unicode: true,
            quiet: false,
        },
    )
}

fn result(q: &str) -> Expr {
    let out = Session::new()
        .answer(q)
        .unwrap_or_else(|e| panic!("{q}: {e:?}"));
    out.result()
        .unwrap_or_else(|| panic!("{q} has a result"))
        .clone()
}

fn rule_ids(step: &Step, into: &mut Vec<&'static str>) {
    into.push(step.rule.id());
    for s in &step.substeps {
        rule_ids(s, into);
    }
}

fn ids(q: &str) -> Vec<&'static str> {
    let out = Session::new().answer(q).expect(q);
    let Answer::Derivative(DerivativeAnswer { steps, .. }) = &out.answer else {
        panic!("{q} is a derivative");
    };
    let mut all = Vec::new();
    for s in steps {
        rule_ids(s, &mut all);
    }
    all
}

macro_rules! rule_snapshots {
    ($($name:ident: $query:expr;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(stringify!($name), steps($query), $query);
            }
        )*
    };
}

rule_snapshots! {
    abstract_chain: "d/dx f(g(x))";
    abstract_product: "d/dx f(x) g(x)";
    abstract_quotient: "d/dx f(x)/g(x)";
    abstract_exp: "d/dx e^(f(x))";
    abstract_partial: "∂/∂x f(x, y)";
    abstract_two_moving_inputs: "d/dx f(x^2, sin x)";
}

/// The results are the textbook rules, as expressions, not just as text.
#[test]
fn the_rules_come_out_as_the_textbook_writes_them() {
    let cases = [
        ("d/dx f(g(x))", "f'(g(x)) * g'(x)"),
        ("d/dx f(x) g(x)", "f'(x) g(x) + f(x) g'(x)"),
        ("d/dx f(x)/g(x)", "(f'(x) g(x) - f(x) g'(x)) / g(x)^2"),
        ("d/dx e^(f(x))", "e^(f(x)) f'(x)"),
        ("∂/∂x f(x, y)", "f_x(x, y)"),
        ("∂/∂y f(x, y)", "f_2(x, y)"),
        ("d²/dx² f(g(x))", "f''(g(x)) g'(x)^2 + f'(g(x)) g''(x)"),
        (
            "d/dx f(x^2, sin x)",
            "2x f_1(x^2, sin x) + cos(x) f_2(x^2, sin x)",
        ),
        ("d/dx h(3x)", "3 h'(3x)"),
    ];
    for (query, expected) in cases {
        assert_eq!(result(query), result(expected), "{query}");
    }
    assert_eq!(result("d/dx f(g(x))").unicode(), "f′(g(x))·g′(x)");
    assert_eq!(result("∂/∂x f(x, y)").unicode(), "∂f/∂x(x, y)");
    assert_eq!(result("∂²/∂x∂y f(x, y)").unicode(), "∂²f/∂x∂y(x, y)");
    assert_eq!(result("∂/∂x f(x^2, y)").unicode(), "2x·∂₁f(x², y)");
}

#[test]
fn rule_ids_name_the_function_with_no_formula() {
    assert_eq!(ids("d/dx f(x)"), ["abstract_function"]);
    assert_eq!(
        ids("d/dx f(g(x))"),
        ["chain", "abstract_function", "abstract_function"]
    );
    assert_eq!(ids("d/dx f(x, x^2)"), ["chain_inputs", "variable", "power"]);
}

#[test]
fn json_carries_the_rule_and_a_result_that_reads_back() {
    let out = Session::new().answer("d/dx f(g(x))").unwrap();
    let json: serde_json::Value = serde_json::from_str(&render_json(&out)).unwrap();
    assert_eq!(json["result"], "f'(g(x))*g'(x)");
    assert_eq!(json["steps"][0]["rule"], "chain");
    assert_eq!(json["steps"][0]["substeps"][0]["rule"], "abstract_function");
    let latex = json["latex"].as_str().unwrap();
    assert_eq!(result(latex), result("f'(g(x)) g'(x)"));
}

#[test]
fn a_letter_before_brackets_stays_a_product_unless_it_is_f_g_or_h() {
    assert_eq!(result("x(x + 1)"), result("x*(x + 1)"));
    assert_eq!(result("q(x)"), result("q*x"));
    // A defined f is its formula; a defined value g multiplies.
    let mut s = Session::new();
    s.answer("f(x) = x^2").unwrap();
    s.answer("g = 3").unwrap();
    assert_eq!(
        s.answer("f(x + 1)").unwrap().result().unwrap(),
        &result("(x+1)^2")
    );
    assert_eq!(s.answer("g(x)").unwrap().result().unwrap(), &result("3x"));
}

#[test]
fn a_function_with_no_formula_has_no_value_at_a_point() {
    for q in [
        "d/dx f(x) at x = 2",
        "f(x) at x = 1",
        "grad f(x, y) at (1, 2)",
    ] {
        let e = Session::new().answer(q).expect_err(q);
        assert!(
            e.message
                .contains("f is not a function you have defined, so it has no formula"),
            "{q}: {}",
            e.message
        );
    }
}

/// f(1) is the value of a function with no formula at 1, so that a result such as
/// -f(1)/y² reads back; on its own it has no value, and f′(2) asks for a definition.
#[test]
fn a_function_with_no_formula_at_a_number() {
    let product = result("y f(1)");
    assert!(product
        .factors()
        .iter()
        .any(|f| matches!(f.kind(), Kind::Apply(_))));
    assert_eq!(result("∂/∂y f(x/x)/y"), result("-f(1)/y^2"));
    for (q, message) in [
        ("f(2)", "f is not a function you have defined"),
        ("h(1, 2)", "h is not a function you have defined"),
        (
            "f'(2)",
            "f is not defined yet, so f′ has nothing to differentiate",
        ),
    ] {
        let e = Session::new().answer(q).expect_err(q);
        assert!(e.message.contains(message), "{q}: {}", e.message);
    }
}

#[test]
fn a_prime_on_several_inputs_or_an_unknown_subscript_is_an_error() {
    let e = Session::new().answer("f'(x, y)").expect_err("f'(x, y)");
    assert!(
        e.message.contains("a prime does not say which one"),
        "{}",
        e.message
    );
    let e = Session::new().answer("f_z(x, y)").expect_err("f_z(x, y)");
    assert!(
        e.message.contains("does not say which of them"),
        "{}",
        e.message
    );
}

// ---- printed results read back ---------------------------------------------------------

fn inner() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        3 => Just("x".to_string()),
        2 => Just("y".to_string()),
        1 => (2u32..6).prop_map(|n| n.to_string()),
    ];
    leaf.prop_recursive(3, 12, 2, |e| {
        prop_oneof![
            (e.clone(), e.clone()).prop_map(|(a, b)| format!("({a} + {b})")),
            (e.clone(), e.clone()).prop_map(|(a, b)| format!("({a} * {b})")),
            (e.clone(), e.clone()).prop_map(|(a, b)| format!("({a} / {b})")),
            e.clone().prop_map(|a| format!("sin({a})")),
            e.clone().prop_map(|a| format!("f({a})")),
            e.clone().prop_map(|a| format!("g({a})^2")),
            (e.clone(), e).prop_map(|(a, b)| format!("h({a}, {b})")),
        ]
    })
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn results_with_functions_of_no_formula_print_and_read_back_equal() {
    let questions = (inner(), 0..4usize).prop_map(|(body, k)| match k {
        0 => format!("d/dx {body}"),
        1 => format!("∂/∂y {body}"),
        2 => format!("d²/dx² {body}"),
        _ => body,
    });
    let compared = std::sync::atomic::AtomicUsize::new(0);
    runner(160)
        .run(&questions, |query| {
            let Ok(out) = Session::new().answer(&query) else {
                return Ok(());
            };
            let Some(expected) = out.result() else {
                return Ok(());
            };
            let mut forms = vec![expected.ascii(), expected.latex()];
            if !expected.unicode().contains('∂') && !expected.unicode().contains('⁽') {
                forms.push(expected.unicode());
            }
            for printed in forms {
                let again = match Session::new().answer(&printed) {
                    Ok(again) => again,
                    // A constant with no value (f(2)) is refused once it stands alone.
                    Err(e)
                        if e.phase == nudge::error::Phase::Computing
                            && expected.free_vars().is_empty() =>
                    {
                        continue
                    }
                    Err(e) => {
                        return Err(TestCaseError::fail(format!(
                            "{query}: {printed:?} does not read back: {e:?}"
                        )))
                    }
                };
                prop_assert!(
                    again.result() == Some(expected),
                    "{query}: {printed:?} reads back as {:?}",
                    again.result().map(Expr::unicode)
                );
            }
            compared.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(())
        })
        .unwrap();
    let compared = compared.into_inner();
    assert!(compared >= 100, "only {compared} results were read back");
}

/// Tables, pictures, limits and integrals need values: a function with no formula in them
/// is an error that names it, never an empty plot or a guess at why the numbers failed.
#[test]
fn numbers_need_a_formula() {
    for q in [
        "limit f(x) as x -> 0",
        "plot f(x)",
        "plot x^2, d/dx f(x)",
        "contour f(x, y)",
        "nudge f(x) at x = 1",
        "tangent g(x) at x = 1",
        "∫_0^1 f(x) dx",
        "∫ f'(x) dx",
    ] {
        let e = Session::new().answer(q).expect_err(q);
        assert!(
            e.message.contains("is not a function you have defined"),
            "{q}: {}",
            e.message
        );
        assert!(e.span.is_some(), "{q}: no place");
    }
}
