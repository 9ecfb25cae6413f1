//! Every derivative rule: snapshots of the text steps, rule ids, a table of results and one of readings.

use nudge::calculus::Step;
use nudge::engine::{DerivativeAnswer, ExpressionAnswer};
use nudge::format::{note_text, render_error, render_text, TextOptions};
use nudge::{Answer, Outcome, Session};

const UNICODE: TextOptions = TextOptions {
    unicode: true,
    quiet: false,
};

fn answer(q: &str) -> Outcome {
    Session::new()
        .answer(q)
        .unwrap_or_else(|e| panic!("{q}: {e:?}"))
}

/// The full text answer, without colour.
fn steps(q: &str) -> String {
    render_text(&answer(q), UNICODE)
}

/// The text of an error, as the terminal shows it, without colour.
fn error_text(q: &str) -> String {
    let e = Session::new()
        .answer(q)
        .expect_err("this input is an error");
    render_error(q, &e, None, true)
}

fn top_steps(q: &str) -> Vec<Step> {
    match answer(q).answer {
        Answer::Derivative(DerivativeAnswer { steps, .. }) => steps,
        _ => panic!("{q} is not a derivative"),
    }
}

fn ids(step: &Step, into: &mut Vec<&'static str>) {
    into.push(step.rule.id());
    for s in &step.substeps {
        ids(s, into);
    }
}

/// Every rule id used anywhere in the answer to `q`.
fn all_ids(q: &str) -> Vec<&'static str> {
    let mut v = Vec::new();
    for s in top_steps(q) {
        ids(&s, &mut v);
    }
    v
}

// ---- snapshots of the text steps, one per rule ---------------------------------

macro_rules! snapshot {
    ($($name:ident: $query:expr => $rule:expr;)*) => {
        $(
            #[test]
            fn $name() {
                let text = steps($query);
                insta::assert_snapshot!(stringify!($name), text, $query);
                let first = top_steps($query)[0].rule.id();
                assert_eq!(first, $rule, "{} starts with the {} rule", $query, $rule);
            }
        )*
    };
}

snapshot! {
    power_square: "d/dx x^2" => "power";
    power_cube: "d/dx x^3" => "power";
    power_negative: "d/dx x^-1" => "power";
    power_half: "d/dx x^(1/2)" => "sqrt";
    power_rational: "d/dx x^(2/3)" => "power";
    constant_number: "d/dx 7" => "constant";
    constant_symbol: "d/dx pi" => "constant";
    variable_itself: "d/dx x" => "variable";
    constant_multiple: "d/dx 5x^3" => "constant_multiple";
    sum_and_difference: "d/dx x^3 - 4x + 2" => "sum";
    exp_e: "d/dx e^x" => "exp";
    exp_function: "d/dx exp(x)" => "exp";
    ln_x: "d/dx ln x" => "ln";
    log_natural: "d/dx log x" => "ln";
    exp_base_two: "d/dx 2^x" => "exp_base";
    log_base_two: "d/dx log_2 x" => "log_base";
    chain_power: "d/dx (3x+1)^5" => "chain";
    chain_exp: "d/dx e^(2x)" => "chain";
    chain_ln: "d/dx ln(x^2+1)" => "chain";
    chain_sin: "d/dx sin(x^2)" => "chain";
    chain_nested: "d/dx sin(cos(x^2))" => "chain";
    product: "d/dx x^2 sin x" => "product";
    quotient: "d/dx sin(x)/x" => "quotient";
    trig_sin: "d/dx sin x" => "sin";
    trig_cos: "d/dx cos x" => "cos";
    trig_tan: "d/dx tan x" => "tan";
    trig_sec: "d/dx sec x" => "sec";
    trig_csc: "d/dx csc x" => "csc";
    trig_cot: "d/dx cot x" => "cot";
    inverse_arcsin: "d/dx arcsin x" => "arcsin";
    inverse_arccos: "d/dx arccos x" => "arccos";
    inverse_arctan: "d/dx arctan x" => "arctan";
    hyperbolic_sinh: "d/dx sinh x" => "sinh";
    hyperbolic_cosh: "d/dx cosh x" => "cosh";
    hyperbolic_tanh: "d/dx tanh x" => "tanh";
    sqrt_x: "d/dx sqrt x" => "sqrt";
    abs_x: "d/dx abs(x)" => "abs";
    general_power: "d/dx x^x" => "general_power";
    partial_sum: "∂/∂x (x^2 + y^2)" => "partial";
    partial_product: "partial(x^2 y + y^3, y)" => "partial";
    second_derivative: "d²/dx² x^4" => "higher_order";
    diff_call_third: "diff(x^3 e^x, x, 3)" => "higher_order";
    other_variable: "d/dt t^2 + 3t" => "sum";
}

// ---- snapshots of each error category ------------------------------------------

macro_rules! error_snapshot {
    ($($name:ident: $query:expr;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(stringify!($name), error_text($query), $query);
            }
        )*
    };
}

error_snapshot! {
    error_nothing_after_operator: "d/dx";
    error_space_in_operator: "d/d x";
    error_missing_exponent: "x^";
    error_closing_bracket_first: ")(";
    error_two_operators: "2 +* 3";
    error_unclosed_bracket: "(x + 1";
    error_empty_line: "";
    error_unknown_function: "sinn(x)";
    error_division_by_zero: "1/0";
    error_zero_negative_power: "0^-1";
    error_order_mismatch: "d²/dx x^2";
    error_order_out_of_range: "d^0/dx^0 x";
    error_log_of_zero: "ln 0";
    error_unicode_position: "∂/∂x (x² +* y)";
}

#[test]
fn error_nesting_too_deep() {
    let q = format!("{}x{}", "(".repeat(10_000), ")".repeat(10_000));
    insta::assert_snapshot!("error_nesting_too_deep", error_text(&q));
}

#[test]
fn error_line_too_long() {
    let q = format!("{}x", "x+".repeat(300_000));
    insta::assert_snapshot!("error_line_too_long", error_text(&q));
}

// ---- the rules each answer uses --------------------------------------------------

#[test]
fn nested_chain_names_u_then_v() {
    let text = steps("d/dx sin(cos(x^2))");
    let u = text
        .find("Let u = cos(x²)")
        .expect("u is the outer inner function");
    let v = text.find("Let v = x²").expect("v is the next level");
    assert!(u < v, "{text}");
}

#[test]
fn chain_avoids_the_learners_own_names() {
    let text = steps("d/dx sin(u^2 x)");
    assert!(
        !text.contains("Let u ="),
        "u is taken by the learner: {text}"
    );
    assert!(text.contains("Let v = "), "{text}");
}

#[test]
fn power_rule_shows_the_middle_form() {
    let text = steps("d/dx x^3");
    assert!(text.contains("d/dx x³ = 3·x^(3−1) = 3x²"), "{text}");
    let text = steps("d/dx x^(2/3)");
    assert!(text.contains("(2/3)·x^(2/3−1)"), "{text}");
    // A letter comes down bare, as a textbook writes n·x^(n−1); a sum keeps its brackets.
    // Its middle form reads as the result (only the minus sign differs), so it is said once.
    let text = steps("d/dx x^n");
    assert!(text.contains("d/dx x^n = n·x^(n - 1)\n"), "{text}");
    assert!(!text.contains("n·x^(n−1) = n·x^(n - 1)"), "{text}");
    let text = steps("d/dx x^(a + b)");
    assert!(text.contains("= (a + b)·x^(a + b - 1)"), "{text}");
}

#[test]
fn partial_says_which_variables_are_held() {
    let text = steps("∂/∂x (x^2 y + z)");
    assert!(text.contains("y"), "{text}");
    assert!(
        text.contains("held fixed") || text.contains("held constant"),
        "{text}"
    );
    let text = steps("∂/∂x (x y z)");
    assert!(
        text.contains("y and z are held fixed, so they behave like constants."),
        "{text}"
    );
}

#[test]
fn a_note_writes_its_formula_as_the_step_beside_it_does() {
    let text = steps("d/dx arctan x");
    assert!(text.contains("d/dx arctan(x) = 1/(1 + x²)"), "{text}");
    assert!(
        text.contains("The slope of arctan x is 1/(1 + x²)."),
        "{text}"
    );
}

#[test]
fn exp_base_says_only_e_gives_coefficient_one() {
    let text = steps("d/dx 2^x");
    assert!(text.contains("ln(2)"), "{text}");
    assert!(text.contains("Only base e"), "{text}");
}

/// The constant ln a carries its value when a is a number, both ways: for a letter it stays ln a.
#[test]
fn exp_base_gives_the_value_of_ln_of_a_number_base() {
    let value = |q: &str, base: f64| {
        let text = steps(q);
        let shown = format!("ln {base} ≈ ");
        let after = text
            .split(&shown)
            .nth(1)
            .unwrap_or_else(|| panic!("{q}: no {shown}: {text}"));
        let number: String = after
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let number: f64 = number.trim_end_matches('.').parse().expect("a decimal");
        assert!((number - base.ln()).abs() < 1e-6, "{q}: {text}");
    };
    value("d/dx 2^x", 2.0);
    value("d/dx 10^(3x)", 10.0);
    value("∫ 2^x dx", 2.0);
    value("∫ 3^x dx", 3.0);
    for q in ["d/dx a^x", "∫ a^x dx", "d/dx e^x"] {
        assert!(!steps(q).contains('≈'), "{q}: {}", steps(q));
    }
}

#[test]
fn every_answer_starts_with_its_reading() {
    for q in ["d/dx x^2", "4.9", "x y", "∂/∂x (x^2 + y^2)", "d²/dx² x^4"] {
        assert!(steps(q).starts_with("Reading: "), "{q}");
    }
}

#[test]
fn higher_order_shows_each_order_in_turn() {
    let text = steps("d^3/dx^3 x^5");
    let a = text.find("Derivative 1 of 3").expect("first");
    let b = text.find("Derivative 2 of 3").expect("second");
    let c = text.find("Derivative 3 of 3").expect("third");
    assert!(a < b && b < c);
    assert_eq!(top_steps("d^3/dx^3 x^5").len(), 3);
}

#[test]
fn rule_ids_used_by_compound_answers() {
    assert_eq!(all_ids("d/dx sin(x^2)"), ["chain", "sin", "power"]);
    assert_eq!(
        all_ids("d/dx x^2 sin x"),
        ["product", "power", "sin"],
        "the product rule names both factors"
    );
    let q = all_ids("d/dx sin(x)/x");
    assert_eq!(q, ["quotient", "sin", "variable"]);
    let xx = all_ids("d/dx x^x");
    for id in ["general_power", "chain", "exp", "product", "variable", "ln"] {
        assert!(xx.contains(&id), "{id} in {xx:?}");
    }
}

#[test]
fn no_forbidden_forms_in_any_snapshot_answer() {
    let queries = [
        "d/dx x^2",
        "d/dx x^-1",
        "d/dx 5x^3",
        "d/dx (3x+1)^5",
        "d/dx x^2 sin x",
        "d/dx sin(x)/x",
        "d/dx x^x",
        "d/dx x^3 - 4x + 2",
        "d/dx 1/(1+e^(-x))",
        "d/dx -x^2 + 1",
        "d²/dx² x^4",
        "d/dx e^(-x) - x",
    ];
    for q in queries {
        let out = answer(q);
        let shown = [
            out.result().unwrap().unicode(),
            out.result().unwrap().ascii(),
        ];
        for text in shown {
            for bad in [
                "1·", "^1)", "x^1 ", "x¹", "⁰", "+ 0", "--", "+ -", "(-1)·", "-1·",
            ] {
                assert!(!text.contains(bad), "{q}: {bad:?} in {text}");
            }
            assert!(
                !text.ends_with("^1") && !text.ends_with("x^0"),
                "{q}: {text}"
            );
        }
    }
}

// ---- a table of results ----------------------------------------------------------

const RESULTS: &[(&str, &str)] = &[
    ("d/dx x^3", "3x²"),
    ("d/dx x^2", "2x"),
    ("d/dx x", "1"),
    ("d/dx 7", "0"),
    ("d/dx e", "0"),
    ("d/dx pi x", "π"),
    ("d/dx 5x^3", "15x²"),
    ("d/dx 3x^2 + 2x", "6x + 2"),
    ("d/dx x^2 - 3x", "2x - 3"),
    ("d/dx x^-1", "-1/x²"),
    ("d/dx 1/x", "-1/x²"),
    ("d/dx 1/x^2", "-2/x³"),
    ("d/dx x^-2", "-2/x³"),
    ("d/dx x^(1/2)", "1/(2√x)"),
    ("d/dx sqrt x", "1/(2√x)"),
    ("d/dx √x", "1/(2√x)"),
    ("d/dx x^(3/2)", "3√x/2"),
    ("d/dx x^pi", "π·x^(π - 1)"),
    ("d/dx x^0", "0"),
    ("d/dx 4.9x^2", "49x/5"),
    ("d/dx (2x)^3", "24x²"),
    ("d/dx -x^2", "-2x"),
    ("d/dx (x+1)^2", "2(x + 1)"),
    ("d/dx (x+1)(x-1)", "2x"),
    ("d/dx (3x+1)^5", "15(3x + 1)⁴"),
    ("d/dx e^x", "e^x"),
    ("d/dx exp(x)", "e^x"),
    ("d/dx e^(2x)", "2e^(2x)"),
    ("d/dx e^(-x)", "-e^(-x)"),
    ("d/dx 2^x", "2^x·ln(2)"),
    ("d/dx 10^x", "10^x·ln(10)"),
    ("d/dx ln x", "1/x"),
    ("d/dx log x", "1/x"),
    ("d/dx log_2 x", "1/(x·ln(2))"),
    ("d/dx log_10 x", "1/(x·ln(10))"),
    ("d/dx ln(x^2+1)", "2x/(x² + 1)"),
    ("d/dx ln(e^x)", "1"),
    ("d/dx ln(sin x)", "cos(x)/sin(x)"),
    ("d/dx sin x", "cos(x)"),
    ("d/dx cos x", "-sin(x)"),
    ("d/dx tan x", "sec²(x)"),
    ("d/dx sec x", "sec(x)·tan(x)"),
    ("d/dx csc x", "-csc(x)·cot(x)"),
    ("d/dx cot x", "-csc²(x)"),
    ("d/dx sin(x^2)", "2x·cos(x²)"),
    ("d/dx sin(2x)", "2cos(2x)"),
    ("d/dx cos(x^2)", "-2x·sin(x²)"),
    ("d/dx sin(cos(x^2))", "-2x·cos(cos(x²))·sin(x²)"),
    ("d/dx sin^2 x", "2sin(x)·cos(x)"),
    ("d/dx arctan x", "1/(1 + x²)"),
    ("d/dx arctan(2x)", "2/(1 + 4x²)"),
    ("d/dx sinh x", "cosh(x)"),
    ("d/dx sinh(2x)", "2cosh(2x)"),
    ("d/dx cosh x", "sinh(x)"),
    ("d/dx tanh x", "1 - tanh²(x)"),
    ("d/dx abs(x)", "x/|x|"),
    ("d/dx |x|", "x/|x|"),
    ("d/dx x^x", "x^x·(ln(x) + 1)"),
    ("d/dx x^2 sin x", "2x·sin(x) + x²·cos(x)"),
    ("d/dx x e^x", "e^x + x·e^x"),
    ("d/dx sin(x)/x", "(x·cos(x) - sin(x))/x²"),
    ("d/dx x/(x+1)", "1/(x + 1)²"),
    ("d/dx 1/(1+e^(-x))", "e^(-x)/(1 + e^(-x))²"),
    ("d/dx (x^2+1)^(1/2)", "x/√(x² + 1)"),
    ("d/dx x y", "y"),
    ("d/dt t^2", "2t"),
    ("d/dθ θ^2", "2θ"),
    ("d/dtheta theta^2", "2θ"),
    ("∂/∂x (x^2 + y^2)", "2x"),
    ("∂/∂x (x^2 y + y^3)", "2x·y"),
    ("partial(x^2 y, y)", "x²"),
    ("d²/dx² x^4", "12x²"),
    ("d^2/dx^2 x^4", "12x²"),
    ("d^3/dx^3 x^5", "60x²"),
    ("diff(x^3, x)", "3x²"),
    ("diff(x^3, x, 2)", "6x"),
    ("diff(sin x, x, 4)", "sin(x)"),
];

#[test]
fn table_of_results() {
    let mut wrong = Vec::new();
    for (q, expected) in RESULTS {
        let got = answer(q).result().unwrap().unicode();
        if got != *expected {
            wrong.push(format!("{q}: expected {expected}, got {got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(RESULTS.len() >= 60);
}

/// The table's answers are right numerically too (not just as strings).
#[test]
fn table_of_results_agrees_numerically_with_the_body() {
    use nudge::expr::eval;
    for (q, _) in RESULTS {
        let out = answer(q);
        let Answer::Derivative(DerivativeAnswer {
            body,
            var,
            order: 1,
            result,
            ..
        }) = &out.answer
        else {
            continue;
        };
        for x in [0.4, 0.9, 1.3] {
            let at = |v: f64| {
                move |name: &str| {
                    if name == &**var {
                        Some(v)
                    } else {
                        Some(0.7)
                    }
                }
            };
            let h = 1e-5;
            let (Ok(a), Ok(b)) = (eval(body, &at(x + h)), eval(body, &at(x - h))) else {
                continue;
            };
            let numeric = (a - b) / (2.0 * h);
            let exact = eval(result, &at(x)).expect("the result evaluates");
            assert!(
                (numeric - exact).abs() <= 1e-5 * (1.0 + exact.abs()),
                "{q} at {x}: {exact} vs central difference {numeric}"
            );
        }
    }
}

#[test]
fn results_keep_the_textbook_order() {
    for (q, expected) in [
        ("d/dx arcsin x", "1/√(1 - x²)"),
        ("d/dx arccos x", "-1/√(1 - x²)"),
        ("d/dx sqrt(1-x^2)", "-x/√(1 - x²)"),
        ("1 - x^2", "1 - x²"),
        // Letters held fixed come before the coordinates x, y, z and time t.
        ("d/dx x^n", "n·x^(n - 1)"),
        ("d/dx a x^2", "2a·x"),
        ("d/dx sin(k x)", "k·cos(k·x)"),
        ("d/dt (x0 + v0 t)", "v0"),
        ("v0 t + x y", "v0·t + x·y"),
        ("d/dx x^(a + b)", "(a + b)·x^(a + b - 1)"),
        ("d/dw (w x - y)^2", "2x·(w·x - y)"),
        // e alone is a number, like π; e^x is a function of x.
        ("x e 2", "2e·x"),
        ("x e^x", "x·e^x"),
    ] {
        assert_eq!(answer(q).result().unwrap().unicode(), expected, "{q}");
    }
}

// ---- a table of readings -----------------------------------------------------------

/// The "Reading:" line of the text answer.
fn reading(q: &str) -> String {
    let text = steps(q);
    text.lines()
        .next()
        .and_then(|l| l.strip_prefix("Reading: "))
        .unwrap_or_else(|| panic!("no reading for {q}: {text}"))
        .to_string()
}

const READINGS: &[(&str, &str)] = &[
    ("-x^2", "-(x²)"),
    ("2^3^2", "2^(3²)"),
    ("x^-1/2", "(x⁻¹)/2"),
    ("sin^2 x", "sin²(x)"),
    ("sin²x", "sin²(x)"),
    ("sin x", "sin(x)"),
    ("sin 2x", "sin(2·x)"),
    ("sin x cos x", "sin(x)·cos(x)"),
    ("2x", "2·x"),
    ("3x^2", "3·x²"),
    ("2(x+1)", "2·(x + 1)"),
    ("(x+1)(x-1)", "(x + 1)·(x - 1)"),
    ("x y", "x·y"),
    ("4.9", "4.9"),
    ("θ", "θ"),
    ("theta", "θ"),
    ("w_1", "w_1"),
    ("w1", "w1"),
    ("loss", "loss"),
    ("√x", "√x"),
    ("√(2x)", "√(2·x)"),
    ("|x|", "|x|"),
    ("abs(x)", "|x|"),
    ("log_2 x", "log_2(x)"),
    ("log₂ x", "log_2(x)"),
    ("log_{10} x", "log_10(x)"),
    ("log x", "ln(x)"),
    ("x²", "x²"),
    ("x⁻¹", "x⁻¹"),
    ("x**2", "x²"),
    ("2·x", "2·x"),
    ("2×x", "2·x"),
    ("x−1", "x - 1"),
    ("x÷2", "x/2"),
    ("pi", "π"),
    ("e^x", "e^x"),
    ("d/dx sin(x^2)", "d/dx sin(x²)"),
    ("d²/dx² x^4", "d²/dx² x⁴"),
    ("diff(x^3, x, 2)", "d²/dx² x³"),
    ("∂/∂x (x^2 y + y^3)", "∂/∂x (x²·y + y³)"),
    ("partial(x^2 y, y)", "∂/∂y (x²·y)"),
];

#[test]
fn table_of_readings() {
    let mut wrong = Vec::new();
    for (q, expected) in READINGS {
        let got = reading(q);
        if got != *expected {
            wrong.push(format!("{q}: expected {expected}, got {got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn readings_mean_what_they_say() {
    let same = |a: &str, b: &str| {
        assert_eq!(
            answer(a).result().unwrap(),
            answer(b).result().unwrap(),
            "{a} vs {b}"
        );
    };
    same("-x^2", "-(x^2)");
    same("2^3^2", "512");
    same("x^-1/2", "1/(2x)");
    same("sin^2 x", "(sin(x))^2");
    same("4.9", "49/10");
    same("theta", "θ");
    same("x**2", "x^2");
    same("x⁻¹", "1/x");
    same("2×x", "2*x");
    same("x−1", "x - 1");
    same("x÷2", "x/2");
    same("log x", "ln(x)");
    same("√x", "sqrt(x)");
    same("|x|", "abs(x)");
    same("(x+1)(x-1)", "(x+1)*(x-1)");
    same("x y", "x*y");
    same("pi", "π");
    assert_ne!(
        answer("-x^2").result().unwrap(),
        answer("(-x)^2").result().unwrap()
    );
    assert_ne!(
        answer("x^-1/2").result().unwrap(),
        answer("x^(-1/2)").result().unwrap()
    );
}

#[test]
fn the_exact_value_of_a_decimal() {
    let out = answer("4.9");
    assert_eq!(out.result().unwrap().unicode(), "49/10");
    match out.answer {
        Answer::Expression(ExpressionAnswer { value: Some(v), .. }) => {
            assert!((v - 4.9).abs() < 1e-12)
        }
        other => panic!("4.9 has a value: {other:?}"),
    }
}

#[test]
fn notes_on_readings_that_need_one() {
    let note = |q: &str| -> String {
        answer(q)
            .notes
            .iter()
            .map(|n| note_text(n, true))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let n = note("x^-1/2");
    assert!(n.contains("x^(-1/2)"), "a hint toward x^(-1/2): {n}");
    let n = note("log x");
    assert!(n.contains("natural log"), "{n}");
    let n = note("d/dx log x");
    assert!(n.contains("natural log"), "{n}");
    assert!(note("x^2").is_empty());
    assert!(note("ln x").is_empty());
    let text = steps("log x");
    assert!(text.lines().nth(1).unwrap().starts_with("Note: "), "{text}");
}

/// When simplification undoes an exp/log pair, the body nudge differentiates is not the one
/// typed: a note says which identity applied.
#[test]
fn an_exp_log_pair_undone_by_simplification_is_noted() {
    let note = |q: &str| -> String {
        answer(q)
            .notes
            .iter()
            .map(|n| note_text(n, true))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    let rows = [
        ("d/dx e^(x ln a)", "e^(x·ln(a)) is the same as a^x"),
        ("d/dx e^(ln x)", "e^(ln(x)) is the same as x"),
        ("d/dx ln(e^x)", "ln(e^x) is the same as x"),
        ("d/dx exp(2 ln x)", "exp(2·ln(x)) is the same as x²"),
        ("d/dx log_2(2^x)", "log_2(2^x) is the same as x"),
        ("∫ e^(x ln 2) dx", "e^(x·ln(2)) is the same as 2^x"),
    ];
    for (q, expected) in rows {
        assert!(note(q).contains(expected), "{q}: {}", note(q));
    }
    for q in [
        "d/dx e^x",
        "d/dx ln x",
        "d/dx e^(x + 1)",
        "e^(ln 2)",
        "d/dx e^(2x)",
    ] {
        assert!(note(q).is_empty(), "{q}: {}", note(q));
    }
    let text = steps("d/dx e^(x ln a)");
    assert!(
        text.contains("Note: e^(x·ln(a)) is the same as a^x, so nudge works with a^x"),
        "{text}"
    );
}

#[test]
fn result_line_brackets_products_and_quotients() {
    let last = |q: &str| steps(q).lines().next_back().unwrap().to_string();
    assert!(last("d/dx x^2 sin x").starts_with("d/dx (x²·sin(x)) = "));
    assert!(last("d/dx sin(x)/x").starts_with("d/dx (sin(x)/x) = "));
}

#[test]
fn domain_errors_point_at_the_function() {
    for q in ["ln 0", "sqrt(-1)"] {
        let text = error_text(q);
        assert!(text.contains(&format!("   | {q}\n")), "{text}");
        assert!(text.contains('^'), "{text}");
    }
}

#[test]
fn derivative_of_ln_abs_is_one_over_x() {
    assert_eq!(answer("d/dx ln(abs(x))").result().unwrap().unicode(), "1/x");
    assert_eq!(
        answer("d/dx log_2(abs(x))").result().unwrap().unicode(),
        "1/(x·ln(2))"
    );
}

#[test]
fn derivative_of_ln_abs_is_right_numerically() {
    let out = answer("d/dx ln(abs(x))");
    for x in [-1.5, -0.3, 0.4, 2.0] {
        let v = nudge::expr::eval(out.result().unwrap(), &|n| (n == "x").then_some(x)).unwrap();
        assert!((v - 1.0 / x).abs() < 1e-12, "at {x}: {v}");
    }
}

#[test]
fn ln_of_bars_reads_as_ln_of_abs() {
    assert_eq!(reading("ln|x|"), "ln(|x|)");
    assert_eq!(reading("d/dx ln |x|"), "d/dx ln(|x|)");
}

#[test]
fn any_unicode_space_separates_like_a_space() {
    let plain = steps("d/dx x sin x");
    // A tab, a no-break space and a thin space, as text pasted from a paper may hold.
    for space in ['\t', '\u{A0}', '\u{2009}'] {
        let query = format!("d/dx x{space}sin{space}x");
        let shown = steps(&query).replace(space, " ");
        assert_eq!(shown, plain, "{query:?}");
    }
}

#[test]
fn scientific_notation_is_explained_not_silently_misread() {
    for (q, note) in [
        (
            "1e5",
            "Note: 1e5 is read as 1·e5 (e5 is a variable), not as a power of ten; for that write 1·10^5",
        ),
        (
            "2.5e-3 + x",
            "Note: 2.5e-3 is read as 2.5·e - 3 (e is Euler's number), not as a power of ten; for that write 2.5·10^(-3)",
        ),
    ] {
        assert!(steps(q).contains(note), "{q}: {}", steps(q));
    }
    for q in ["2e^x", "x_1e5", "w1e5", "d/dx 2e x"] {
        assert!(!steps(q).contains("power of ten"), "{q}: {}", steps(q));
    }
}

#[test]
fn a_value_too_large_for_a_decimal_keeps_its_exact_form() {
    let shown = steps("d/dx x^(10^10) at x = 2");
    assert!(!shown.contains("inf"), "{shown}");
    assert!(
        shown.contains("At x = 2: 10000000000x⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹ = 10000000000·2⁹⁹⁹⁹⁹⁹⁹⁹⁹⁹\n"),
        "{shown}"
    );
    assert!(
        shown.contains("a number too large to write as a decimal."),
        "{shown}"
    );
}

#[test]
fn rewritings_a_learner_needs_to_see_are_shown() {
    // x⁻¹ is printed 1/x, which shows no exponent for the power rule to read.
    let text = steps("d/dx x^-1");
    assert!(
        text.contains("First write it as a power: 1/x = x^(-1)."),
        "{text}"
    );
    // The quotient rule's top multiplied out before its like terms are collected.
    let text = steps("d/dx (x^2 + 1)/(x - 1)");
    assert!(
        text.contains("= (2x² - 2x - x² - 1) / (x - 1)² = (x² - 2x - 1)/(x - 1)²"),
        "{text}"
    );
    // aˣ = e^(x·ln a) and the chain rule, as the article derives (aˣ)′ = aˣ·ln a.
    let text = steps("d/dx e^(x ln 2)");
    assert!(text.contains("Why: 2^x = e^(x·ln(2))"), "{text}");
    assert!(text.contains("e^(x·ln(2)) · ln(2) = 2^x·ln(2)."), "{text}");
}
