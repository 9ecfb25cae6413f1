//! Properties over random input: derivatives match a central difference, printed results
//! read back to the same expression, and no string makes the engine panic.

use nudge::engine::DerivativeAnswer;
use nudge::expr::{eval, Expr, Style};
use nudge::format::{render_text, TextOptions};
use nudge::{Answer, Session};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Runs `body` on a thread with room for deep recursion, as the binary does.
fn on_big_stack(body: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(body)
        .expect("a test thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

// ---- a small grammar of expressions in x ------------------------------------------------

fn leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("x".to_string()),
        2 => (1u32..10).prop_map(|n| n.to_string()),
        1 => Just("(1/2)".to_string()),
        1 => Just("0.4".to_string()),
        1 => Just("e".to_string()),
        1 => Just("pi".to_string()),
    ]
}

const EXPONENTS: [&str; 9] = ["2", "3", "-1", "1/2", "-1/2", "3/2", "1/3", "-2", "5"];
const FUNCTIONS: [&str; 16] = [
    "sin", "cos", "tan", "exp", "ln", "sqrt", "arctan", "sec", "csc", "cot", "sinh", "cosh",
    "tanh", "abs", "log_2", "arcsin",
];

fn exponent() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0..EXPONENTS.len()).prop_map(|i| EXPONENTS[i].to_string()),
        1 => Just("x".to_string()),
        1 => Just("x/2".to_string()),
    ]
}

fn expression() -> impl Strategy<Value = String> {
    leaf().prop_recursive(4, 24, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} + {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} - {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} * {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} / {b})")),
            // Rational exponents, and exponents with x in them (x^x, 2^(x/2)).
            (inner.clone(), exponent()).prop_map(|(a, p)| format!("({a})^({p})")),
            (inner, 0..FUNCTIONS.len()).prop_map(|(a, i)| format!("{}({a})", FUNCTIONS[i])),
        ]
    })
}

fn at(v: f64) -> impl Fn(&str) -> Option<f64> {
    move |name: &str| (name == "x").then_some(v)
}

fn value(e: &Expr, x: f64) -> Option<f64> {
    eval(e, &at(x)).ok().filter(|v| v.is_finite())
}

/// Central difference, trusted only where halving the step does not change it.
fn slope(e: &Expr, x: f64) -> Option<f64> {
    // Huge values (csc(pi) is 8e15 in floating point) cancel away all precision.
    if value(e, x)?.abs() > 1e6 {
        return None;
    }
    let diff = |h: f64| Some((value(e, x + h)? - value(e, x - h)?) / (2.0 * h));
    let coarse = diff(1e-4)?;
    let fine = diff(5e-5)?;
    let scale = 1.0 + fine.abs();
    ((coarse - fine).abs() <= 1e-6 * scale).then_some(fine)
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * (1.0 + a.abs().max(b.abs()))
}

/// Only division by zero and values outside a function's domain may stop a well-formed
/// expression (`ln(1 - 2)`, `arcsin(e)`).
fn acceptable_failure(e: &nudge::Error) -> bool {
    e.phase == nudge::error::Phase::Computing || e.message.contains("zero")
}

// ---- (a) derivatives agree with a central difference -----------------------------

#[test]
fn derivative_agrees_with_a_central_difference() {
    on_big_stack(|| {
        static COMPARED: AtomicUsize = AtomicUsize::new(0);
        let mut r = runner(256);
        let points = proptest::collection::vec(0.3f64..1.7, 4);
        r.run(&(expression(), points), |(body, points)| {
            let query = format!("d/dx {body}");
            let out = match Session::new().answer(&query) {
                Ok(out) => out,
                Err(e) if acceptable_failure(&e) => return Ok(()),
                Err(e) => return Err(TestCaseError::fail(format!("{query}: {e:?}"))),
            };
            let Answer::Derivative(DerivativeAnswer { body, result, .. }) = &out.answer else {
                return Err(TestCaseError::fail(format!("{query} is a derivative")));
            };
            for &x in &points {
                let (Some(numeric), Some(exact)) = (slope(body, x), value(result, x)) else {
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
        // Most cases must really be compared, or the property proves little.
        let compared = COMPARED.load(Ordering::Relaxed);
        assert!(compared >= 256, "only {compared} points were compared");
    });
}

/// A step's sides, each written as it reads: spacing and the kind of minus sign say nothing.
fn sides(line: &str) -> Vec<String> {
    let equation = line.rsplit_once(": ").map_or(line, |(_, e)| e);
    equation
        .split(" = ")
        .map(|side| {
            side.chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| if c == '−' { '-' } else { c })
                .collect()
        })
        .collect()
}

#[test]
fn no_step_shows_a_change_that_changes_nothing() {
    on_big_stack(|| {
        let mut r = runner(128);
        r.run(&expression(), |body| {
            let query = format!("d/dx {body}");
            let Ok(out) = Session::new().answer(&query) else {
                return Ok(());
            };
            let options = TextOptions {
                unicode: true,
                quiet: false,
            };
            for unicode in [true, false] {
                let text = render_text(&out, TextOptions { unicode, ..options });
                for line in text.lines() {
                    let sides = sides(line);
                    for pair in sides.windows(2) {
                        prop_assert!(
                            pair[0] != pair[1],
                            "{query}: a step that changes nothing\n{line}\nin\n{text}"
                        );
                    }
                }
            }
            Ok(())
        })
        .unwrap();
    });
}

#[test]
fn second_derivative_agrees_with_a_central_difference_of_the_first() {
    on_big_stack(|| {
        let mut r = runner(96);
        r.run(&(expression(), 0.3f64..1.7), |(body, x)| {
            let first = match Session::new().answer(&format!("d/dx {body}")) {
                Ok(out) => out.result().unwrap().clone(),
                Err(_) => return Ok(()),
            };
            let second = match Session::new().answer(&format!("d^2/dx^2 {body}")) {
                Ok(out) => out.result().unwrap().clone(),
                Err(e) => return Err(TestCaseError::fail(format!("{body}: {e:?}"))),
            };
            if let (Some(numeric), Some(exact)) = (slope(&first, x), value(&second, x)) {
                prop_assert!(
                    close(numeric, exact, 1e-5),
                    "d²/dx² {body} at {x}: {exact} vs {numeric}"
                );
            }
            Ok(())
        })
        .unwrap();
    });
}

#[test]
fn two_thousand_nested_sines_give_the_chain_of_cosines() {
    on_big_stack(|| {
        let depth = 2000;
        let query = format!("d/dx {}x{}", "sin(".repeat(depth), ")".repeat(depth));
        let out = Session::new()
            .answer(&query)
            .expect("2,000 levels are read");
        let x = 0.7f64;
        let mut expected = 1.0;
        let mut inner = x;
        for _ in 0..depth {
            expected *= inner.cos();
            inner = inner.sin();
        }
        let got = eval(out.result().unwrap(), &at(x)).expect("the result evaluates");
        assert!(close(got, expected, 1e-9), "{got} vs {expected}");
    });
}

// ---- (b) printed results read back to the same expression ------------------------------

#[test]
fn unicode_root_of_a_function_reads_back() {
    for q in [
        "sqrt(sin(x))",
        "sqrt(arctan(x))",
        "d/dx sin(x)^(3/2)",
        "sqrt(abs(x))",
        "sqrt(log_2(x))",
    ] {
        let out = Session::new().answer(q).unwrap();
        let printed = out.result().unwrap().unicode();
        let again = Session::new()
            .answer(&printed)
            .unwrap_or_else(|e| panic!("{q} → {printed:?}: {e:?}"));
        assert!(
            again.result().unwrap() == out.result().unwrap(),
            "{q} → {printed}"
        );
    }
}

#[test]
fn bars_right_after_a_function_read_back() {
    for (q, shown) in [
        ("ln(abs(x))", "ln|x|"),
        ("ln(abs(x))^(3/2)", "ln(|x|)^(3/2)"),
        ("ln(abs(x))^x", "ln(|x|)^x"),
        ("ln(abs(x))^2", "ln²(|x|)"),
        ("x * ln(abs(x)) * y", "x·y·ln|x|"),
        ("ln(abs(x)) * abs(y)", "ln|x|·|y|"),
        ("-ln(abs(cos(x)))", "-ln|cos(x)|"),
    ] {
        let out = Session::new().answer(q).unwrap();
        let printed = out.result().unwrap().unicode();
        assert_eq!(printed, shown, "{q}");
        let again = Session::new()
            .answer(&printed)
            .unwrap_or_else(|e| panic!("{q} → {printed:?}: {e:?}"));
        assert!(
            again.result().unwrap() == out.result().unwrap(),
            "{q} → {printed} → {}",
            again.result().unwrap().unicode()
        );
    }
}

/// `printed`, read again, is the same expression as `original`: equal, or failing that
/// equal in value at a few points.
fn reads_back(printed: &str, original: &Expr) -> Result<(), TestCaseError> {
    let again = match Session::new().answer(printed) {
        Ok(again) => again,
        // A constant with no value (arcsin(e)) is refused once it stands alone.
        Err(e) if e.phase == nudge::error::Phase::Computing => return Ok(()),
        Err(e) => {
            return Err(TestCaseError::fail(format!(
                "{printed:?} does not read back: {e:?}"
            )))
        }
    };
    let again = again.result().unwrap();
    if again == original {
        return Ok(());
    }
    let mut compared = 0;
    for x in [0.37, 0.81, 1.23, 1.61] {
        if let (Some(a), Some(b)) = (value(again, x), value(original, x)) {
            compared += 1;
            prop_assert!(
                close(a, b, 1e-9),
                "{printed:?} reads back as {} = {a}, not {b} at {x}",
                again.unicode()
            );
        }
    }
    prop_assert!(
        compared > 0 || again.unicode() == original.unicode(),
        "{printed:?} reads back as {}, which cannot be compared",
        again.unicode()
    );
    Ok(())
}

#[test]
fn printed_results_read_back_as_equal_expressions() {
    on_big_stack(|| {
        let mut r = runner(256);
        r.run(&(expression(), any::<bool>()), |(body, derive)| {
            let query = if derive {
                format!("d/dx {body}")
            } else {
                body.clone()
            };
            let Ok(out) = Session::new().answer(&query) else {
                return Ok(());
            };
            let result = out.result().unwrap();
            reads_back(&result.ascii(), result)?;
            reads_back(&result.unicode(), result)?;
            prop_assert!(result.ascii().is_ascii(), "{}", result.ascii());
            Ok(())
        })
        .unwrap();
    });
}

/// Exact equality, not just numeric: the canonical form is stable under printing, with
/// numbers as fractions or, as after a typed decimal, as the decimals they end as.
#[test]
fn printed_results_read_back_exactly_equal() {
    on_big_stack(|| {
        let mut r = runner(256);
        r.run(&(expression(), any::<bool>()), |(body, derive)| {
            let query = if derive {
                format!("d/dx {body}")
            } else {
                body.clone()
            };
            let Ok(out) = Session::new().answer(&query) else {
                return Ok(());
            };
            let result = out.result().unwrap();
            let decimals = |style: Style| {
                result.to_text(Style {
                    decimals: true,
                    ..style
                })
            };
            for printed in [
                result.ascii(),
                result.unicode(),
                decimals(Style::ASCII),
                decimals(Style::UNICODE),
            ] {
                let again = match Session::new().answer(&printed) {
                    Ok(again) => again,
                    Err(e) if e.phase == nudge::error::Phase::Computing => continue,
                    Err(e) => {
                        return Err(TestCaseError::fail(format!(
                            "{printed:?} does not read back: {e:?}"
                        )))
                    }
                };
                prop_assert!(
                    again.result().unwrap() == result,
                    "{query}: {printed:?} reads back as {}",
                    again.result().unwrap().unicode()
                );
            }
            Ok(())
        })
        .unwrap();
    });
}

#[test]
fn printing_is_a_fixed_point() {
    on_big_stack(|| {
        let mut r = runner(128);
        r.run(&expression(), |body| {
            let Ok(out) = Session::new().answer(&format!("d/dx {body}")) else {
                return Ok(());
            };
            let once = out.result().unwrap().ascii();
            let twice = match Session::new().answer(&once) {
                Ok(again) => again.result().unwrap().ascii(),
                Err(e) if e.phase == nudge::error::Phase::Computing => return Ok(()),
                Err(e) => return Err(TestCaseError::fail(format!("{once}: {e:?}"))),
            };
            prop_assert_eq!(once, twice);
            Ok(())
        })
        .unwrap();
    });
}

// ---- (c) no string makes the engine panic ------------------------------------------------

fn never_panics(strategy: impl Strategy<Value = String>, cases: u32) {
    let mut r = runner(cases);
    r.run(&strategy, |line| {
        // A panic fails the case; an Err is a fine answer.
        let _ = Session::new().answer(&line);
        Ok(())
    })
    .unwrap();
}

#[test]
fn arbitrary_unicode_never_panics() {
    on_big_stack(|| never_panics(any::<String>(), 256));
}

#[test]
fn operator_soup_never_panics() {
    on_big_stack(|| never_panics("[-+*/^()|.,0-9 xyzdeπθ√²³⁻¹∂·×−÷_{}₂!=a-z]{0,48}", 256));
}

#[test]
fn keyword_soup_never_panics() {
    on_big_stack(|| never_panics(keyword_soup(), 256));
}

fn keyword_soup() -> impl Strategy<Value = String> {
    let words = prop_oneof![
        Just("d/dx "),
        Just("d^2/dx^2 "),
        Just("d²/dx² "),
        Just("∂/∂y "),
        Just("diff("),
        Just("partial("),
        Just(", x"),
        Just(", 3"),
        Just("sin"),
        Just("sin^2 "),
        Just("log_2 "),
        Just("log_"),
        Just("sqrt"),
        Just("√"),
        Just("abs"),
        Just("|"),
        Just("("),
        Just(")"),
        Just("^"),
        Just("**"),
        Just("-"),
        Just("/"),
        Just("0"),
        Just("1.5"),
        Just("x"),
        Just(" "),
        Just("e"),
        Just("pi"),
        Just("x⁻¹"),
        Just("0^-1"),
    ];
    proptest::collection::vec(words, 0..24).prop_map(|w| w.concat())
}

#[test]
fn deep_and_unbalanced_nesting_never_panics() {
    on_big_stack(|| never_panics(deep_nesting(), 24));
}

fn deep_nesting() -> impl Strategy<Value = String> {
    let opener = prop_oneof![Just("("), Just("-"), Just("√("), Just("x^")];
    // `|` is left out: thousands of nested bars are slow (see bad_input.rs).
    let any_shape = (opener, 0usize..6000, 0usize..6000)
        .prop_map(|(o, open, close)| format!("{}x{}", o.repeat(open), ")".repeat(close)));
    // Functions left open take exponential time (see bad_input.rs), so at most 8 stay open.
    let functions = (
        prop_oneof![Just("sin("), Just("ln("), Just("sqrt(")],
        0usize..6000,
        0usize..9,
    )
        .prop_map(|(f, open, unclosed)| {
            let closed = open.saturating_sub(unclosed);
            format!("{}x{}", f.repeat(open), ")".repeat(closed))
        });
    prop_oneof![any_shape, functions]
}

#[test]
fn valid_expressions_never_fail_except_for_a_domain_reason() {
    on_big_stack(|| {
        let mut r = runner(256);
        r.run(&expression(), |body| {
            for q in [
                body.clone(),
                format!("d/dx {body}"),
                format!("diff({body}, x, 2)"),
            ] {
                if let Err(e) = Session::new().answer(&q) {
                    prop_assert!(acceptable_failure(&e), "{q}: {e:?}");
                }
            }
            Ok(())
        })
        .unwrap();
    });
}
