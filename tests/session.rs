//! The session through the real binary: definitions, values at a point, help, and their errors.

use assert_cmd::Command;
use nudge::engine::{AtPointAnswer, DerivativeAnswer};
use nudge::explain::help::RULES;
use nudge::expr::eval;
use nudge::topic::Topic;
use nudge::{Answer, Session};
use serde_json::Value;

/// Runs nudge with `input` on stdin: (stdout, stderr, exit code).
fn piped(input: &str) -> (String, String, i32) {
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .env("NO_COLOR", "1")
        .write_stdin(input)
        .output()
        .expect("run nudge");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Runs nudge with one `-e` per query.
fn with_e(queries: &[&str], extra: &[&str]) -> (String, String, i32) {
    let mut cmd = Command::cargo_bin("nudge").expect("binary");
    cmd.env("NO_COLOR", "1").args(extra);
    for q in queries {
        cmd.arg("-e").arg(q);
    }
    let out = cmd.output().expect("run nudge");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// The JSON objects printed for `queries`, one per query.
fn json(queries: &[&str]) -> Vec<Value> {
    let (out, _, _) = with_e(queries, &["--format", "json"]);
    out.lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + b.abs())
}

#[test]
fn a_defined_function_is_known_on_the_next_line_in_every_mode() {
    let lines = "f(x) = x^2 sin x\nf'(x)\nf(2)\nd/dx f(x)\n";
    let (out, err, code) = piped(lines);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Defined: f(x) = x²·sin(x)"), "{out}");
    assert!(out.contains("f′(x) = 2x·sin(x) + x²·cos(x)"), "{out}");
    assert!(out.contains("Value: 4sin(2) ≈ 3.63719"), "{out}");
    assert!(out.contains("d/dx f(x) = 2x·sin(x) + x²·cos(x)"), "{out}");
    let (e_out, _, e_code) = with_e(&["f(x) = x^2 sin x", "f'(x)", "f(2)", "d/dx f(x)"], &[]);
    assert_eq!(e_code, 0);
    assert_eq!(e_out, out, "-e and a pipe share one session the same way");
}

#[test]
fn primes_give_first_and_second_derivatives_by_name() {
    let (out, _, code) = with_e(&["f(x) = x^3", "f''(x)", "f'(t)"], &["-q"]);
    assert_eq!(code, 0);
    assert_eq!(out, "f(x) = x³\n6x\n3t²\n");
}

#[test]
fn a_prime_at_a_number_is_a_slope_with_its_reading() {
    let (out, _, code) = with_e(&["f(x) = x^2 sin x", "f'(2)"], &[]);
    assert_eq!(code, 0);
    assert!(
        out.contains("f′(2) = 4sin(2) + 4cos(2) ≈ 1.972602"),
        "{out}"
    );
    assert!(
        out.contains("Reading it: nudge x a little near 2 and f moves about 1.97 times as much."),
        "{out}"
    );
    let v = json(&["f(x) = x^2 sin x", "f'(2)"]);
    assert_eq!(v[1]["kind"], "value");
    let value = v[1]["value"].as_f64().expect("a numeric value");
    assert!(close(value, 4.0 * 2f64.sin() + 4.0 * 2f64.cos()), "{value}");
}

#[test]
fn named_values_give_leibniz_derivatives() {
    let (out, _, code) = with_e(&["y = 3x^2 + 1", "dy/dx", "d²y/dx²", "d^2y/dx^2"], &[]);
    assert_eq!(code, 0);
    assert!(out.contains("dy/dx = 6x"), "{out}");
    assert_eq!(out.matches("d²y/dx² = 6").count(), 2, "{out}");
}

#[test]
fn a_prime_on_a_defined_name_is_lagranges_derivative() {
    let queries = [
        "y = x^3",
        "y'",
        "y''",
        "y' at x = 2",
        "f(t) = t^2 sin t",
        "f'",
        "r(t) = (cos t, t)",
        "r'",
    ];
    let (out, err, code) = with_e(&queries, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Reading: y′\n"), "{out}");
    assert!(out.contains("dy/dx = 3x²"), "{out}");
    assert!(out.contains("Reading: y″\n"), "{out}");
    assert!(out.contains("d²y/dx² = 6x"), "{out}");
    assert!(out.contains("At x = 2: 3x² = 12"), "{out}");
    assert!(out.contains("df/dt = 2t·sin(t) + t²·cos(t)"), "{out}");
    assert!(out.contains("dr/dt = (-sin(t), 1)"), "{out}");
    let (_, err, code) = with_e(&["w = a t^2", "w'", "g(x, y) = x y", "g'", "z'"], &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("w has 2 letters, so a prime does not say which one to nudge"),
        "{err}"
    );
    assert!(err.contains("as in dw/da"), "{err}");
    assert!(
        err.contains("g has 2 inputs, so a prime does not say which one to nudge"),
        "{err}"
    );
    assert!(err.contains("z is not defined yet"), "{err}");
}

#[test]
fn functions_of_two_inputs_take_partials_and_points() {
    let (out, _, code) = with_e(&["g(x, y) = x^2 y", "g(1, 2)", "∂g/∂y", "g(y, x)"], &["-q"]);
    assert_eq!(code, 0);
    assert_eq!(out, "g(x, y) = x²·y\n2\nx²\nx·y²\n");
}

#[test]
fn names_ans_defs_undef_and_reset() {
    let (out, err, code) = with_e(
        &[
            "a = 3", "a x^2", "d/dx ans", "defs", "undef a", "defs", "reset", "ans",
        ],
        &["-q"],
    );
    assert_eq!(code, 1, "ans after reset fails");
    assert_eq!(
        out,
        "a = 3\n3x²\n6x\na = 3\nNothing is defined yet. Define a function with f(x) = x^2 sin x, or a name with a = 3.\n"
    );
    assert!(
        err.contains("ans stands for the last result, and there is none yet"),
        "{err}"
    );
}

#[test]
fn forgetting_a_name_is_announced_and_the_name_is_gone() {
    // f'(2), not f'(x): an undefined f applied to the variable is a function with no formula.
    let (out, err, code) = with_e(&["f(x) = x^2", "undef f", "f'(2)"], &[]);
    assert_eq!(code, 1);
    assert!(out.contains("Forgot f(x) = x²."), "{out}");
    assert!(
        err.contains("f is not defined yet, so f′ has nothing to differentiate"),
        "{err}"
    );
}

#[test]
fn a_redefinition_replaces_with_a_note() {
    let (out, _, code) = with_e(&["f(x) = x^2", "f(x) = x^3", "f'(x)"], &[]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Note: this replaces the earlier f(x) = x²"),
        "{out}"
    );
    assert!(out.contains("f′(x) = 3x²"), "{out}");
}

#[test]
fn a_definition_that_uses_itself_is_an_error_not_a_hang() {
    for line in ["y = y + 1", "f(x) = f(x) + 1", "f(x) = x f(x - 1)"] {
        let (_, err, code) = with_e(&[line], &[]);
        assert_eq!(code, 1, "{line}");
        assert!(err.contains("in terms of itself"), "{line}: {err}");
    }
    // Even when the old definition exists, a new one may not use the name.
    let (_, err, code) = with_e(&["a = 2", "a = a + 1"], &[]);
    assert_eq!(code, 1);
    assert!(err.contains("this defines a in terms of itself"), "{err}");
}

#[test]
fn undefined_names_say_how_to_define_them() {
    let cases = [
        ("dy/dx", "y is not defined yet"),
        ("f'(2)", "f is not defined yet"),
        ("h(1, 2)", "h is not a function you have defined"),
        ("undef q", "q is not defined, so there is nothing to forget"),
        ("ans", "ans stands for the last result"),
        ("ans = 2", "ans always holds the last result"),
        ("g(x, x) = x", "the input x is named twice"),
    ];
    for (line, message) in cases {
        let (_, err, code) = with_e(&[line], &[]);
        assert_eq!(code, 1, "{line}");
        assert!(err.contains(message), "{line}: {err}");
    }
}

#[test]
fn calling_with_the_wrong_number_of_inputs_is_an_error() {
    let (_, err, code) = with_e(&["g(x, y) = x y", "g(1)"], &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("g takes 2 inputs, but here it is given 1"),
        "{err}"
    );
    let (_, err, _) = with_e(&["g(x, y) = x y", "g'(1, 2)"], &[]);
    assert!(
        err.contains("g has 2 inputs, so a prime does not say which one"),
        "{err}"
    );
}

#[test]
fn an_undefined_letter_before_brackets_is_still_a_product() {
    // f, g and h undefined are functions with no formula, and say so; other letters multiply.
    let (out, _, code) = with_e(&["x(x + 1)^2", "q(x)", "f(x)", "f = 2", "f(x)"], &[]);
    assert_eq!(code, 0);
    assert!(out.contains("Reading: x·(x + 1)²"), "{out}");
    assert!(out.contains("Reading: q·(x)"), "{out}");
    assert!(
        out.contains("Note: f is not defined, so f(…) is any function, one with no formula"),
        "{out}"
    );
    assert!(
        out.contains("Note: f is a value here, not a function, so f(…) is read as f·(…)"),
        "{out}"
    );
}

#[test]
fn values_at_a_point_are_exact_with_a_decimal() {
    let cases: [(&str, &str, f64); 6] = [
        ("d/dx x^3 at x = 2", "12", 12.0),
        ("x^(-2) at x = 2", "1/4 ≈ 0.25", 0.25),
        ("2 ln x at x = 2", "2ln(2) ≈ 1.386294", 2.0 * 2f64.ln()),
        ("(x^2 + y^2) at (1, 2)", "5", 5.0),
        ("x y^2 at y = 3, x = 1/3", "3", 3.0),
        ("cos x at x = 0", "1", 1.0),
    ];
    for (line, shown, value) in cases {
        let (out, err, code) = with_e(&[line], &["-q"]);
        assert_eq!(code, 0, "{line}: {err}");
        assert_eq!(out.trim_end(), shown, "{line}");
        let v = json(&[line]);
        assert_eq!(v[0]["kind"], "value", "{line}");
        assert!(
            close(v[0]["value"].as_f64().unwrap_or(f64::NAN), value),
            "{line}"
        );
    }
}

#[test]
fn a_slope_at_a_point_is_read_aloud() {
    let (out, _, code) = with_e(&["d/dx x^3 at x = 2"], &[]);
    assert_eq!(code, 0);
    assert!(out.contains("d/dx x³ = 3x²"), "{out}");
    assert!(out.contains("At x = 2: 3x² = 12"), "{out}");
    assert!(
        out.contains("Reading it: nudge x a little near 2 and x³ moves about 12 times as much."),
        "{out}"
    );
    let (out, _, _) = with_e(&["∂/∂x x^2 y at (1, 2)"], &[]);
    assert!(
        out.contains(
            "nudge x a little near (1, 2), holding y fixed, and x²·y moves about 4 times as much."
        ),
        "{out}"
    );
    let (out, _, _) = with_e(&["d/dx x^2 at x = 0"], &[]);
    assert!(
        out.contains("barely moves: the slope is 0 there, a flat spot"),
        "{out}"
    );
    let (out, _, _) = with_e(&["d/dx -x^2 at x = 1"], &[]);
    assert!(
        out.contains("moves about 2 times as much, the other way."),
        "{out}"
    );
}

#[test]
fn the_at_json_names_the_point_and_keeps_the_steps() {
    let v = json(&["d/dx x^3 at x = 2"]);
    assert_eq!(v[0]["kind"], "value");
    assert_eq!(v[0]["result"], "12");
    assert_eq!(v[0]["value"], 12.0);
    assert_eq!(v[0]["at"]["x"], "2");
    assert_eq!(v[0]["steps"][0]["rule"], "power");
}

#[test]
fn domain_problems_at_a_point_say_why() {
    let cases = [
        (
            "ln x at x = -1",
            "ln(x) has no value at x = -1: a logarithm needs a positive input",
        ),
        (
            "1/x at x = 0",
            "1/x has no value at x = 0: it divides by zero there",
        ),
        (
            "sqrt(x) at x = -4",
            "an even root (like √) needs a number that is not negative",
        ),
        (
            "arcsin(x) at x = 2",
            "arcsin only takes inputs from -1 to 1",
        ),
        (
            "x + y at x = 1",
            "this still has y in it, and the point gives y no value",
        ),
        (
            "x + y at (1, 2, 3)",
            "this has 2 variables (x, y), but the point gives 3 values",
        ),
        (
            "x at x = y",
            "a point needs numbers, but this value still has y in it",
        ),
        ("x at x = 1, x = 2", "x is given a value twice"),
    ];
    for (line, message) in cases {
        let (_, err, code) = with_e(&[line], &[]);
        assert_eq!(code, 1, "{line}");
        assert!(err.contains(message), "{line}: {err}");
        let v = json(&[line]);
        assert!(v[0]["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains(message)));
    }
}

#[test]
fn help_pages_come_from_pipes_and_e() {
    let (out, _, code) = piped("help\n");
    assert_eq!(code, 0);
    assert!(out.contains("d/dx x^3 at x = 2"), "{out}");
    assert!(out.contains("help TOPIC"), "{out}");
    for topic in Topic::ALL {
        let (out, err, code) = with_e(&[&format!("help {}", topic.name())], &[]);
        assert_eq!(code, 0, "{}: {err}", topic.name());
        assert!(
            out.contains("Example"),
            "help {} has a worked example",
            topic.name()
        );
        assert!(
            out.lines().count() >= 3,
            "help {} is a few lines",
            topic.name()
        );
    }
    let (out, _, _) = with_e(&["rules"], &[]);
    assert!(out.contains("ln x") && out.contains("1/x"), "{out}");
    let (out, _, _) = with_e(&["glossary"], &[]);
    for term in [
        "derivative function",
        "chain rule",
        "gradient",
        "Jacobian",
        "integral",
    ] {
        assert!(out.contains(term), "glossary lacks {term}");
    }
}

/// The commands that play or draw have help pages too, and what each page says to try works.
#[test]
fn help_for_plot_practice_read_and_lesson_offers_what_works() {
    let pages = [
        (
            "plot",
            vec![
                "plot x^3, d/dx x^3",
                "plot sin x, cos x from -pi to pi",
                "contour x^2 + y^2 at (1, 2)",
            ],
        ),
        ("practice", vec!["practice chain", "practice gradient"]),
        (
            "read",
            vec![
                "read dL/dw",
                r"read \nabla_\theta L",
                "? dy/dx = dy/du · du/dx",
            ],
        ),
        ("lesson", vec!["lessons", "lesson 1", "lesson 6"]),
    ];
    for (topic, tries) in pages {
        let (page, err, code) = with_e(&[&format!("help {topic}")], &[]);
        assert_eq!(code, 0, "help {topic}: {err}");
        for query in tries {
            assert!(page.contains(query), "help {topic} offers {query}:\n{page}");
            let v = json(&[query]);
            assert!(v[0].get("error").is_none(), "{query}: {}", v[0]);
        }
    }
    let (page, _, _) = with_e(&["help practice"], &[]);
    for topic in nudge::lesson::Topic::ALL {
        assert!(
            page.contains(topic.name()),
            "help practice names {}",
            topic.name()
        );
    }
    for (alias, topic) in [
        ("lessons", "lesson"),
        ("practise", "practice"),
        ("contour", "plot"),
    ] {
        let (by_alias, _, _) = with_e(&[&format!("help {alias}")], &[]);
        let (by_name, _, _) = with_e(&[&format!("help {topic}")], &[]);
        assert_eq!(by_alias, by_name, "help {alias}");
    }
}

#[test]
fn help_in_ascii_has_no_unicode_maths() {
    let (out, _, _) = with_e(&["help power", "rules"], &["--ascii"]);
    assert!(out.contains("x^n"), "{out}");
    assert!(
        !out.contains('²') && !out.contains('·') && !out.contains('√'),
        "{out}"
    );
}

#[test]
fn an_unknown_help_topic_suggests_the_nearest() {
    let (_, err, code) = with_e(&["help chian"], &[]);
    assert_eq!(code, 1);
    assert!(err.contains("there is no help page on 'chian'"), "{err}");
    assert!(err.contains("did you mean 'help chain'?"), "{err}");
    let (_, err, _) = with_e(&["help zebra"], &[]);
    assert!(err.contains("the topics are: power, chain"), "{err}");
}

#[test]
fn quit_stops_reading_in_a_pipe_and_in_e() {
    let (out, _, code) = piped("x^2\nquit\nd/dx x^3\n");
    assert_eq!(code, 0);
    assert!(!out.contains("3x²"), "{out}");
    let (out, _, code) = with_e(&["exit", "d/dx x^3"], &[]);
    assert_eq!(code, 0);
    assert_eq!(out, "");
    let v = json(&["x^2", "quit", "d/dx x^3"]);
    assert_eq!(
        v.len(),
        2,
        "one object per line read, and nothing after quit"
    );
    assert_eq!(v[1]["kind"], "quit");
}

#[test]
fn every_row_of_the_rules_table_is_what_nudge_computes() {
    let at = |name: &str| match name {
        "x" => Some(0.3),
        "n" => Some(3.0),
        "a" => Some(2.0),
        "c" => Some(5.0),
        _ => None,
    };
    for (_, _, f, slope) in RULES {
        let mut session = Session::new();
        let derived = session.answer(&format!("d/dx {f}")).expect(f);
        let expected = session.answer(slope).expect(slope);
        let (Answer::Derivative(DerivativeAnswer { result, .. }), Some(want)) =
            (&derived.answer, expected.result())
        else {
            panic!("{f}: not a derivative");
        };
        let (got, want) = (eval(result, &at).expect(f), eval(want, &at).expect(slope));
        assert!(
            close(got, want),
            "d/dx {f}: nudge says {got}, the table says {want}"
        );
    }
}

#[test]
fn a_pipe_gets_no_banner_no_prompt_and_no_continuation() {
    let (out, err, code) = piped("d/dx x^2\nsin(x\n");
    assert_eq!(code, 1);
    assert!(out.starts_with("Reading: d/dx x²"), "{out}");
    assert!(!out.contains("nudge>") && !out.contains("Ctrl-D"), "{out}");
    assert!(
        err.contains("1 bracket(s) left open"),
        "an open bracket is an error in a pipe: {err}"
    );
}

#[test]
fn a_point_names_its_variable_even_when_a_value_has_that_name() {
    let (out, _, code) = with_e(&["x = 3", "x^2", "1/x at x = 2", "d/dx x^2"], &["-q"]);
    assert_eq!(code, 0);
    assert_eq!(out, "x = 3\n9\n1/2 ≈ 0.5\n2x\n");
}

#[test]
fn command_slips_get_clear_errors() {
    let cases = [
        ("undef", "undef needs the name to forget"),
        ("help foo bar", "there is no help page on 'foo bar'"),
        ("x^2 = 4", "a line with = defines a name"),
        ("e = 3", "a line with = defines a name"),
    ];
    for (line, message) in cases {
        let (_, err, code) = with_e(&[line], &[]);
        assert_eq!(code, 1, "{line}");
        assert!(err.contains(message), "{line}: {err}");
    }
}

#[test]
fn definitions_and_values_in_json() {
    let v = json(&["g(x, y) = x^2 y", "defs", "help", "reset"]);
    assert_eq!(v[0]["kind"], "definition");
    assert_eq!(v[0]["name"], "g");
    assert_eq!(v[0]["params"], serde_json::json!(["x", "y"]));
    assert_eq!(v[0]["result"], "x^2*y");
    assert_eq!(v[1]["kind"], "definitions");
    assert_eq!(v[1]["definitions"][0]["result"], "x^2*y");
    assert_eq!(v[2]["kind"], "help");
    assert!(v[2]["text"]
        .as_str()
        .is_some_and(|t| t.contains("help TOPIC")));
    assert_eq!(v[3]["kind"], "reset");
}

#[test]
fn every_example_in_the_help_overview_is_answered() {
    let (out, _, _) = with_e(&["help"], &[]);
    let examples: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.trim().split("  ").next())
        // `quit` ends the session and `save` keeps an interactive one: neither belongs in `-e`.
        .filter(|e| {
            !e.starts_with("defs")
                && !e.contains("TOPIC")
                && !e.starts_with("quit")
                && !e.starts_with("save")
        })
        .collect();
    assert!(examples.len() >= 10, "{examples:?}");
    let (_, err, code) = with_e(&examples, &[]);
    assert_eq!(code, 0, "{examples:?}: {err}");
}

#[test]
fn many_variable_questions_know_the_sessions_names() {
    let (out, err, code) = with_e(
        &[
            "f(x, y) = x^2 + y^2",
            "grad f(x, y) at (1, 2)",
            "a = 3",
            "hessian(a x^2)",
        ],
        &["-q"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "f(x, y) = x² + y²\n(2, 4)\na = 3\n[6]\n");
}

#[test]
fn a_defined_name_in_a_line_is_pointed_out() {
    let (out, _, code) = with_e(&["y = 3x^2 + 1", "y + 1", "ans", "d/dy (x y)"], &[]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Note: y stands for 3x² + 1, as you defined it"),
        "{out}"
    );
    assert!(
        out.contains("Note: ans stands for the last result, 3x² + 2"),
        "{out}"
    );
    assert!(
        out.contains("d/dy (x·y) = x"),
        "the variable of a derivative stays a variable: {out}"
    );
}

#[test]
fn areas_know_the_sessions_names() {
    let (out, err, code) = with_e(
        &["a = 2", "∫_0^a x dx", "f(x) = x^2", "∫_0^3 f(x) dx"],
        &["-q"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "a = 2\n2\nf(x) = x²\n9\n");
}

#[test]
fn a_function_named_alone_stands_for_its_formula() {
    let (out, err, code) = with_e(&["f(x, y) = x^2 y", "∇f", "d/dx f"], &["-q"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "f(x, y) = x²·y\n(2x·y, x²)\n2x·y\n");
}

#[test]
fn a_near_miss_of_a_defined_name_is_suggested() {
    let (_, err, code) = with_e(&["foo(x) = x^2", "fo'(x)", "dfo/dx"], &[]);
    assert_eq!(code, 1);
    assert!(err.contains("did you mean foo?"), "{err}");
    assert!(err.contains("did you mean dfoo/dx?"), "{err}");
}

#[test]
fn a_long_value_at_a_point_is_shortened_in_text_and_whole_with_q() {
    let n = 400;
    let query = format!("d/dx {}x{} at x = 1", "sin(".repeat(n), ")".repeat(n));
    let (out, _, code) = with_e(&[&query], &[]);
    assert_eq!(code, 0);
    let at_line = out
        .lines()
        .find(|l| l.starts_with("At x = 1:"))
        .unwrap_or_default();
    assert!(at_line.contains('…'), "{at_line}");
    assert!(out.contains("(shortened here; nudge -q prints the whole result)"));
    let (whole, _, _) = with_e(&[&query], &["-q"]);
    assert!(
        !whole.contains('…') && whole.len() > at_line.len(),
        "-q prints it all"
    );
}

#[test]
fn a_defined_vector_is_known_on_the_next_lines_of_a_pipe_and_of_e() {
    let lines = [
        "r(t) = (cos t, sin t, t)",
        "r'(t)",
        "r''(t)",
        "|r'(t)|",
        "r'(0)",
        "F(x, y) = (x^2 y, 5x + sin y)",
        "jacobian(F) at (1, 0)",
    ];
    let (out, err, code) = piped(&(lines.join("\n") + "\n"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Defined: r(t) = (cos(t), sin(t), t)"), "{out}");
    assert!(
        out.contains("velocity: r′(t) = (-sin(t), cos(t), 1)"),
        "{out}"
    );
    assert!(
        out.contains("acceleration: r″(t) = (-cos(t), -sin(t), 0)"),
        "{out}"
    );
    assert!(out.contains("|r′(t)| = √2 ≈ 1.414214"), "{out}");
    assert!(out.contains("At t = 0: r′(0) = (0, 1, 1)"), "{out}");
    assert!(out.contains("At (1, 0): J = ⎡0  1⎤"), "{out}");
    let (e_out, _, e_code) = with_e(&lines, &[]);
    assert_eq!(e_code, 0);
    assert_eq!(e_out, out, "-e and a pipe share one session the same way");
    let (quiet, _, _) = with_e(&lines, &["-q"]);
    assert_eq!(
        quiet,
        "r(t) = (cos(t), sin(t), t)\n(-sin(t), cos(t), 1)\n(-cos(t), -sin(t), 0)\n√2\n(0, 1, 1)\nF(x, y) = (x²·y, 5x + sin(y))\n⎡0  1⎤\n⎣5  1⎦\n"
    );
}

#[test]
fn vectors_are_listed_forgotten_and_replaced_like_other_names() {
    let (out, err, code) = with_e(
        &[
            "r(t) = (t, t^2)",
            "a = 3",
            "defs",
            "r(t) = t^3",
            "r'(t)",
            "r(t) = (t, t^2)",
            "undef r",
            "defs",
            "r'(t)",
        ],
        &[],
    );
    assert_eq!(code, 1, "r'(t) after undef r fails");
    assert!(
        out.contains("r(t) = (t, t²)\na = 3\n"),
        "defs lists the vector: {out}"
    );
    assert!(
        out.contains("Note: this replaces the earlier r(t) = (t, t²)"),
        "{out}"
    );
    assert!(
        out.contains("r′(t) = 3t²"),
        "the scalar took its place: {out}"
    );
    assert!(
        out.contains("Note: this replaces the earlier r(t) = t³"),
        "{out}"
    );
    assert!(out.contains("Forgot r(t) = (t, t²)."), "{out}");
    assert!(out.trim_end().ends_with("a = 3"), "only a is left: {out}");
    assert!(
        err.contains("r is not defined yet, so r′ has nothing to differentiate"),
        "{err}"
    );
}

#[test]
fn a_vector_cannot_use_its_own_name() {
    let (_, err, code) = with_e(&["r(t) = (t, r(t))"], &[]);
    assert_eq!(code, 1);
    assert!(err.contains("this defines r in terms of itself"), "{err}");
}

#[test]
fn vector_definitions_in_json() {
    let v = json(&["r(t) = (cos t, sin t, t)", "defs", "r(pi)", "undef r"]);
    assert_eq!(v[0]["kind"], "definition");
    assert_eq!(v[0]["name"], "r");
    assert_eq!(v[0]["params"], serde_json::json!(["t"]));
    assert_eq!(
        v[0]["components"],
        serde_json::json!(["cos(t)", "sin(t)", "t"])
    );
    assert_eq!(v[0]["result"], "(cos(t), sin(t), t)");
    assert_eq!(
        v[0]["latex"],
        r"\left(\cos\left(t\right), \sin\left(t\right), t\right)"
    );
    assert_eq!(v[1]["definitions"][0]["result"], "(cos(t), sin(t), t)");
    assert_eq!(v[2]["kind"], "vector");
    assert_eq!(v[2]["result"], "(-1, 0, pi)");
    assert_eq!(v[3]["kind"], "undefined");
    assert_eq!(
        v[3]["components"],
        serde_json::json!(["cos(t)", "sin(t)", "t"])
    );
    // A printed vector reads back as the same vector.
    let (back, _, code) = with_e(&["(-1, 0, pi)"], &["-q"]);
    assert_eq!(code, 0);
    assert_eq!(back, "(-1, 0, π)\n");
}

const FALL: &str = "x(t) = x0 + v0 t + (1/2) a t^2";

#[test]
fn a_slope_at_a_time_keeps_the_constants_of_the_motion() {
    let routes = [
        "x'(2)",
        "x'(t) at t = 2",
        "dx/dt at t = 2",
        "d/dt (x0 + v0 t + (1/2) a t^2) at t = 2",
    ];
    for route in routes {
        let (out, err, code) = with_e(&[FALL, route], &[]);
        assert_eq!(code, 0, "{route}: {err}");
        assert!(out.contains("v0 + 2a\n"), "{route}: {out}");
        assert!(
            !out.contains('≈'),
            "{route}: a decimal without numbers: {out}"
        );
        assert!(
            out.contains("moves (v0 + 2a) times as much; a and v0 are constants, kept as letters."),
            "{route}: {out}"
        );
        let (quiet, _, _) = with_e(&[FALL, route], &["-q"]);
        assert_eq!(quiet.lines().last(), Some("v0 + 2a"), "{route}");
        let (ascii, _, _) = with_e(&[FALL, route], &["--ascii"]);
        assert!(
            ascii.is_ascii() && ascii.contains("v0 + 2*a"),
            "{route}: {ascii}"
        );
        for format in ["latex", "markdown"] {
            let (out, err, code) = with_e(&[FALL, route], &["--format", format]);
            assert_eq!(code, 0, "{route} {format}: {err}");
            assert!(
                out.contains(r"\mathrm{v0} + 2 a"),
                "{route} {format}: {out}"
            );
            assert!(!out.contains(r"\approx"), "{route} {format}: {out}");
        }
        // JSON: a value with no decimal has no "value", as an expression with letters has none.
        let v = &json(&[FALL, route])[1];
        assert_eq!(v["kind"], "value", "{route}");
        assert_eq!(v["result"], "v0 + 2*a", "{route}");
        assert_eq!(v["at"]["t"], "2", "{route}");
        assert!(v.get("value").is_none(), "{route}: {v}");
        assert!(
            v["steps"].as_array().is_some_and(|s| !s.is_empty()),
            "{route}"
        );
    }
    assert!(with_e(&[FALL, "x''(2)"], &[]).0.contains("x″(2) = a\n"));
}

#[test]
fn giving_the_constants_values_too_gives_the_number_the_letters_stand_for() {
    let mut s = Session::new();
    s.answer(FALL).expect("defines");
    let symbolic = s.answer("x'(2)").expect("answers").answer;
    let Answer::AtPoint(AtPointAnswer {
        result,
        value: None,
        ..
    }) = symbolic
    else {
        panic!("no decimal while letters are left: {symbolic:?}")
    };
    let numeric = s
        .answer("x'(t) at t = 2, v0 = 3, a = -9.8")
        .expect("answers")
        .answer;
    let Answer::AtPoint(AtPointAnswer { value: Some(v), .. }) = numeric else {
        panic!("a decimal once every letter has a value: {numeric:?}")
    };
    let want = eval(&result, &|n| match n {
        "v0" => Some(3.0),
        "a" => Some(-9.8),
        _ => None,
    })
    .expect("a number");
    assert!(close(v, want), "{v} against {want}");
}

#[test]
fn constants_kept_at_a_point_still_refuse_a_division_by_zero() {
    for lines in [
        &["x(t) = a/t", "x'(0)"][..],
        &["x(t) = a/t", "x(0)"],
        &["u(t) = (a/t, 1)", "u(0)"],
        &["x(t) = a ln(t)", "x(-1)"],
    ] {
        let (out, err, code) = with_e(lines, &[]);
        assert_eq!(code, 1, "{lines:?}: {out}");
        assert!(
            err.contains("division by zero")
                || err.contains("divides by zero")
                || err.contains("logarithm"),
            "{lines:?}: {err}"
        );
    }
    // A letter the point was meant to give stays an error: y is an input of f here.
    let (_, err, code) = with_e(&["f(x, y) = x^2 y", "df/dx at x = 1"], &[]);
    assert_eq!(code, 1);
    assert!(err.contains("the point gives y no value"), "{err}");
}

#[test]
fn a_fraction_no_book_would_print_is_read_as_its_decimal_first() {
    let (out, _, code) = with_e(&["(1 + 1/12)^12", "1/3", "√20"], &[]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Value: ≈ 2.613035 (exactly 23298085122481/8916100448256)"),
        "{out}"
    );
    assert!(out.contains("Value: 1/3 ≈ 0.333333"), "{out}");
    assert!(out.contains("Value: 2√5 ≈ 4.472136"), "{out}");
    // JSON keeps the exact value as the result.
    let v = json(&["(1 + 1/12)^12"]);
    assert_eq!(v[0]["result"], "23298085122481/8916100448256");
}

#[test]
fn readings_say_a_direction_a_matrix_and_never_the_same_thing_twice() {
    let (out, _, _) = with_e(
        &["grad (x^2 + y^2) at (1, 2)", "read ∇_W L", "read ∂L/∂W"],
        &[],
    );
    // A direction, not a point to walk to.
    assert!(
        out.contains("f rises fastest in the direction of (1, 2), at 4.47 per unit step"),
        "{out}"
    );
    // ∇_W L and ∂L/∂W are the same matrix.
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "∇_W L — the gradient of L with respect to the matrix W A matrix the same shape as W"
        ),
        "{out}"
    );
    assert!(!flat.contains("the vector of ∂L/∂Wᵢ"), "{out}");
    // An error lists each thing that would do once.
    let (_, err, _) = with_e(&["d/dx 2 +"], &[]);
    assert!(
        err.contains("expected a number, a variable, a function or '(', but the line ended"),
        "{err}"
    );
    assert!(!err.contains("an opening '('"), "{err}");
}

#[test]
fn a_rule_template_never_borrows_the_learners_letters() {
    let (out, _, _) = with_e(&["f(x) = x^2 sin x", "f'(x)"], &[]);
    assert!(out.contains("u′·v + u·v′: 2x·sin(x) + x²·cos(x)"), "{out}");
    assert!(!out.contains("f′·g"), "{out}");
    let (out, _, _) = with_e(&["d/dx x^2 sin x"], &[]);
    assert!(out.contains("f′·g + f·g′: 2x·sin(x) + x²·cos(x)"), "{out}");
}

#[test]
fn skip_at_the_prompt_says_where_it_belongs() {
    let (_, err, code) = with_e(&["skip"], &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("skip shows the working of an exercise while a lesson or practice asks one"),
        "{err}"
    );
}
