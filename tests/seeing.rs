//! Seeing the slope: nudge tables, tangent lines, limits, plots and contour maps.

use assert_cmd::Command;
use nudge::engine::{PlotSize, SeeingAnswer, Verdict};
use nudge::expr::eval;
use nudge::format::{note_text, render_text, TextOptions};
use nudge::json::render_json;
use nudge::{Answer, Session};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

const UNICODE: TextOptions = TextOptions {
    unicode: true,
    quiet: false,
};
const ASCII: TextOptions = TextOptions {
    unicode: false,
    quiet: false,
};

/// A small, fixed picture size so snapshots do not depend on the terminal.
const SMALL: PlotSize = PlotSize {
    columns: 48,
    rows: 10,
};

fn session() -> Session {
    let mut s = Session::new();
    s.set_plot_size(SMALL);
    s
}

fn text(line: &str, options: TextOptions) -> String {
    let outcome = session().answer(line).expect(line);
    render_text(&outcome, options)
}

fn seeing(line: &str) -> SeeingAnswer {
    match session().answer(line).expect(line).answer {
        Answer::Seeing(s) => *s,
        other => panic!("{line}: not a seeing answer: {other:?}"),
    }
}

fn json(line: &str) -> Value {
    let outcome = session().answer(line).expect(line);
    serde_json::from_str(&render_json(&outcome)).expect("valid JSON")
}

fn nudge_cmd() -> Command {
    let mut cmd = Command::cargo_bin("nudge").expect("binary");
    cmd.env_remove("CLICOLOR_FORCE").env("NO_COLOR", "1");
    cmd
}

// ---- snapshots ------------------------------------------------------------

#[test]
fn nudge_table_for_x_squared_at_three() {
    insta::assert_snapshot!(text("nudge x^2 at x = 3", UNICODE));
}

#[test]
fn slope_alias_at_a_symbolic_point() {
    insta::assert_snapshot!(text("slope sin x at x = pi/4", UNICODE));
}

#[test]
fn nudge_where_there_is_no_slope() {
    insta::assert_snapshot!(text("nudge |x| at x = 0", UNICODE));
}

#[test]
fn compound_interest_table_lands_on_e() {
    insta::assert_snapshot!(text("limit (1 + 1/n)^n as n -> inf", UNICODE));
}

#[test]
fn sine_over_x_lands_on_one() {
    insta::assert_snapshot!(text("limit sin(x)/x as x → 0", UNICODE));
}

#[test]
fn one_over_x_sides_disagree() {
    insta::assert_snapshot!(text("limit 1/x as x -> 0", UNICODE));
}

#[test]
fn tangent_with_its_picture() {
    insta::assert_snapshot!(text("tangent x^2 at x = 1", UNICODE));
}

#[test]
fn two_curves_with_a_legend() {
    insta::assert_snapshot!(text("plot sin x, cos x from -pi to pi", UNICODE));
}

#[test]
fn ascii_plot_of_a_function_and_its_derivative() {
    insta::assert_snapshot!(text("plot x^3, d/dx x^3 from -2 to 2", ASCII));
}

#[test]
fn contour_map_with_gradient_arrow() {
    insta::assert_snapshot!(text("contour x^2 + y^2 at (1, 1)", ASCII));
}

// ---- numbers --------------------------------------------------------------

/// f, the point, and f′ there, for the nudge tables to close in on.
const SLOPES: &[(&str, f64, f64)] = &[
    ("x^2", 3.0, 6.0),
    ("x^3", -2.0, 12.0),
    ("sin(x)", 1.0, 0.540_302_305_868_139_8),
    ("exp(x)", 0.5, 1.648_721_270_700_128_2),
    ("ln(x)", 2.0, 0.5),
    ("sqrt(x)", 4.0, 0.25),
];

#[test]
fn nudge_tables_converge_to_the_exact_slope() {
    for &(f, a, slope) in SLOPES {
        let SeeingAnswer::Nudge(n) = seeing(&format!("nudge {f} at x = {a}")) else {
            panic!("{f}: not a nudge table");
        };
        assert!((n.slope_value.expect("slope") - slope).abs() < 1e-12, "{f}");
        let errors: Vec<f64> = n
            .rows
            .iter()
            .map(|r| (r.quotient.clone().expect("quotient") - slope).abs())
            .collect();
        // Each row is a true difference quotient of f …
        for row in &n.rows {
            let value = |x: f64| eval(&n.body, &|_| Some(x)).expect("value");
            let expected = (value(a + row.h) - value(a)) / row.h;
            assert_eq!(row.quotient.clone().expect("quotient"), expected, "{f}");
        }
        // … and the quotients close in on f′(a) as h shrinks.
        assert!(errors[6] < 1e-5 * slope.abs().max(1.0), "{f}: {errors:?}");
        assert!(errors[6] < errors[0] / 1000.0, "{f}: {errors:?}");
    }
}

#[test]
fn rounding_is_flagged_when_the_nudge_gets_too_small_for_the_computer() {
    // f(1) is about 10¹²; its last binary digits are 10⁻⁴ wide, so a change
    // of 2·10⁻⁶ (h = 10⁻⁶) is drowned in rounding, while x² alone is not.
    let query = "nudge x^2 + 1000000000000 at x = 1";
    let SeeingAnswer::Nudge(n) = seeing(query) else {
        panic!("not a nudge table");
    };
    assert!(n.rows.last().is_some_and(|r| r.roundoff), "{:?}", n.rows);
    assert!(!n.rows[0].roundoff);
    let shown = text(query, UNICODE);
    assert!(shown.contains("← rounding"), "{shown}");
    assert!(shown.contains("swamps the change"), "{shown}");
    let SeeingAnswer::Nudge(plain) = seeing("nudge x^2 at x = 1") else {
        panic!("not a nudge table");
    };
    assert!(plain.rows.iter().all(|r| !r.roundoff));
}

#[test]
fn the_e_table_matches_compound_interest_to_the_digits_shown() {
    let shown = text("limit (1 + 1/n)^n as n -> inf", UNICODE);
    let mut rows = 0;
    for line in shown.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let (Some(n), Some(value)) = (
            parts.first().and_then(|p| p.parse::<f64>().ok()),
            parts.get(1).and_then(|p| p.parse::<f64>().ok()),
        ) else {
            continue;
        };
        // (1 + 1/n)^n computed without the rounding of 1 + 1/n.
        let exact = (n * (1.0 / n).ln_1p()).exp();
        let decimals = parts[1].split('.').nth(1).map_or(0, str::len);
        assert_eq!(decimals, 9, "{line}");
        assert!(
            (value - exact).abs() <= 0.5e-9 + 1e-12,
            "{line}: {exact:.12}"
        );
        rows += 1;
    }
    assert_eq!(rows, 7, "{shown}");
    for n in ["1", "2", "4", "12", "365", "8760", "525600"] {
        assert!(
            shown
                .lines()
                .any(|l| l.split_whitespace().next() == Some(n)),
            "{n}"
        );
    }
    assert!(shown.contains("e ≈ 2.718281828"), "{shown}");
    assert!(shown.contains("numerical estimate"), "{shown}");
}

fn verdict(line: &str) -> Verdict {
    match seeing(line) {
        SeeingAnswer::Limit(l) => l.verdict,
        other => panic!("{line}: {other:?}"),
    }
}

fn named(line: &str) -> (f64, String) {
    match verdict(line) {
        Verdict::Value {
            value,
            named: Some(n),
            ..
        } => (value, n.ascii()),
        other => panic!("{line}: {other:?}"),
    }
}

#[test]
fn limits_are_recognised_when_they_match_to_the_digits_shown() {
    let cases: &[(&str, &str, f64)] = &[
        ("limit (1 + 1/n)^n as n -> inf", "e", std::f64::consts::E),
        ("limit sin(x)/x as x -> 0", "1", 1.0),
        (
            "limit (1 + 2/n)^n as n -> ∞",
            "e^2",
            std::f64::consts::E.powi(2),
        ),
        ("limit (x^2 - 9)/(x - 3) as x -> 3", "6", 6.0),
        ("limit (1 - cos x)/x^2 as x -> 0", "1/2", 0.5),
        ("limit sqrt(n^2 + n) - n as n -> inf", "1/2", 0.5),
        ("limit (3n + 1)/(n - 2) as n -> -inf", "3", 3.0),
    ];
    for &(line, name, exact) in cases {
        let (value, shown) = named(line);
        assert_eq!(shown, name, "{line}");
        assert!((value - exact).abs() < 1e-8, "{line}: {value}");
    }
}

#[test]
fn limits_that_do_not_exist_say_why() {
    assert_eq!(verdict("limit 1/x as x -> 0"), Verdict::SidesDisagree);
    assert_eq!(verdict("limit abs(x)/x as x -> 0"), Verdict::SidesDisagree);
    assert_eq!(
        verdict("limit 1/x^2 as x -> 0"),
        Verdict::Unbounded { positive: true }
    );
    assert_eq!(verdict("limit sin(1/x) as x -> 0"), Verdict::None);
    assert_eq!(verdict("limit (-1)^n as n -> inf"), Verdict::None);
    assert!(text("limit 1/x as x -> 0", UNICODE).contains("two sides disagree"));
}

#[test]
fn one_sided_limits() {
    let (_, name) = named("limit x ln x as x -> 0+");
    assert_eq!(name, "0");
    match verdict("limit sqrt(x) as x -> 0") {
        Verdict::Value { only, value, .. } => {
            assert_eq!(only, Some(nudge::syntax::Side::Above));
            assert_eq!(value, 0.0);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        verdict("limit 1/x as x -> 0-"),
        Verdict::Unbounded { positive: false }
    );
}

#[test]
fn tangent_lines_touch_and_share_the_slope() {
    let cases: &[(&str, f64)] = &[
        ("x^2", 3.0),
        ("x^3 - 2x", -1.0),
        ("sin(x)", 0.5),
        ("e^x", 0.0),
    ];
    for &(f, a) in cases {
        let SeeingAnswer::Tangent(t) = seeing(&format!("tangent {f} at x = {a}")) else {
            panic!("{f}");
        };
        let at = |e: &nudge::expr::Expr, x: f64| eval(e, &|_| Some(x)).expect("value");
        assert!(
            (at(&t.line, a) - at(&t.body, a)).abs() < 1e-12,
            "{f}: touches"
        );
        let h = 1e-6;
        let curve_slope = (at(&t.body, a + h) - at(&t.body, a - h)) / (2.0 * h);
        let line_slope = at(&t.line, a + 1.0) - at(&t.line, a);
        assert!((curve_slope - line_slope).abs() < 1e-6, "{f}: slope");
    }
    assert!(text("tangent x^2 at x = 3", UNICODE).contains("y = 6x - 9"));
    assert!(text("tangent x^2 at x = 3", UNICODE).contains("6(x - 3) + 9"));
    let cases: &[(&str, &str)] = &[
        ("tangent x^3 - 2x at x = 0", "y = f′(0)·x + f(0) = -2x"),
        ("tangent x^2 at x = -2", "= -4(x + 2) + 4"),
        ("tangent ln x at x = 1", "+ f(1) = x - 1"),
        ("tangent sqrt x at x = 4", "= (1/4)(x - 4) + 2"),
        ("tangent x^2 + 1 at x = 0", "y = 1"),
    ];
    for (query, shown) in cases {
        assert!(text(query, UNICODE).contains(shown), "{query}");
    }
}

#[test]
fn plots_of_one_sided_functions_take_their_side() {
    let range = |q: &str| match seeing(q) {
        SeeingAnswer::Plot(p) => p.x_range,
        other => panic!("{q}: {other:?}"),
    };
    assert_eq!(range("plot sin x"), (-5.0, 5.0));
    assert_eq!(range("plot ln x, sqrt x"), (0.0, 10.0));
    assert_eq!(range("plot sqrt(-x)"), (-10.0, 0.0));
    assert_eq!(range("plot ln x from -1 to 3"), (-1.0, 3.0));
}

#[test]
fn the_gradient_arrow_crosses_its_contour_at_a_right_angle() {
    for (surface, point) in [
        ("x^2 + 3y^2", (1.0, 1.0)),
        ("x y", (1.0, 2.0)),
        ("sin(x) + y^2", (0.5, -1.0)),
    ] {
        let query = format!("contour {surface} at ({}, {})", point.0, point.1);
        let SeeingAnswer::Contour(map) = seeing(&query) else {
            panic!("{query}");
        };
        let g = map.gradient.expect("a gradient");
        // The highlighted contour is the one through the point; take its nearest piece.
        let through = &map.contours[0];
        assert_eq!(through.level, g.value);
        let distance = |((x0, y0), (x1, y1)): &((f64, f64), (f64, f64))| {
            let (mx, my) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            (mx - point.0).hypot(my - point.1)
        };
        let nearest = through
            .segments
            .iter()
            .filter(|((x0, y0), (x1, y1))| (x1 - x0).hypot(y1 - y0) > 1e-9)
            .min_by(|a, b| distance(a).total_cmp(&distance(b)))
            .expect("a segment near the point");
        assert!(distance(nearest) < 0.1, "{query}");
        let ((x0, y0), (x1, y1)) = *nearest;
        let (dx, dy) = (x1 - x0, y1 - y0);
        let (gx, gy) = g.gradient_value;
        let cosine = (dx * gx + dy * gy) / (dx.hypot(dy) * gx.hypot(gy));
        assert!(cosine.abs() < 0.1, "{query}: cos = {cosine}");
    }
}

// ---- JSON -----------------------------------------------------------------

#[test]
fn json_nudge_table_has_rows_as_arrays() {
    let v = json("nudge x^2 at x = 3");
    assert_eq!(v["kind"], "nudge_table");
    assert_eq!(v["result"], "6");
    assert_eq!(v["exact"], 6.0);
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[0], serde_json::json!([1.0, 7.0, false]));
}

#[test]
fn a_corner_is_nudged_from_both_sides() {
    let v = json("nudge |x - 1| at x = 1");
    assert_eq!(v["exact"], Value::Null);
    let last = |key: &str| v[key][6][1].as_f64().expect("a quotient");
    assert!((last("rows") - 1.0).abs() < 1e-9);
    assert!((last("rows_left") + 1.0).abs() < 1e-9);
    assert!(text("nudge |x - 1| at x = 1", UNICODE).contains("the two sides disagree"));
    // Where the slope exists, one column is enough.
    assert_eq!(json("nudge x^2 at x = 3")["rows_left"], Value::Null);
}

#[test]
fn json_limit_tangent_plot_and_contour() {
    let v = json("limit (1 + 1/n)^n as n -> inf");
    assert_eq!(v["kind"], "limit");
    assert_eq!(v["result"], "e");
    assert_eq!(v["verdict"], "value");
    assert_eq!(v["numerical"], true);
    let rows = v["approaches"][0]["rows"].as_array().expect("rows");
    // Rows are worked out at many digits, so they may differ from powf in the last bit.
    assert_eq!(rows[3][0], 12.0);
    let twelve = rows[3][1].as_f64().expect("value");
    assert!(
        (twelve - (1.0f64 + 1.0 / 12.0).powf(12.0)).abs() < 1e-14,
        "{twelve}"
    );

    let v = json("tangent x^2 at x = 3");
    assert_eq!(v["kind"], "tangent");
    assert_eq!(v["result"], "6*x - 9");
    assert_eq!(v["steps"][0]["rule"], "power");

    let v = json("plot sin x, d/dx sin x");
    assert_eq!(v["kind"], "plot");
    assert_eq!(v["curves"][1]["expr"], "cos(x)");
    assert_eq!(v["curves"][1]["derivative_of"], "sin(x)");
    let first = &v["curves"][0]["rows"][0];
    assert_eq!(first[0], -5.0);
    assert!((first[1].as_f64().expect("y") - (-5.0f64).sin()).abs() < 1e-15);

    let v = json("contour x^2 + y^2 at (1, 2)");
    assert_eq!(v["kind"], "contour");
    assert_eq!(v["gradient"], serde_json::json!(["2", "4"]));
}

#[test]
fn json_keeps_one_object_per_query() {
    let out = nudge_cmd()
        .args(["--format", "json"])
        .write_stdin(
            "nudge x^2 at x = 3\nplot sin x\nlimit 1/x as x -> 0\nnudge x^2\ncontour x y\n",
        )
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["kind"], "nudge_table");
    assert_eq!(lines[1]["kind"], "plot");
    assert_eq!(lines[2]["verdict"], "sides_disagree");
    assert!(lines[3]["error"]["message"]
        .as_str()
        .expect("message")
        .contains("'at'"));
    assert_eq!(lines[4]["kind"], "contour");
}

// ---- the terminal ---------------------------------------------------------

#[test]
fn plots_fit_eighty_columns_on_a_pipe() {
    for query in [
        "plot sin x, cos x",
        "plot 1/x from -1 to 1",
        "tangent x^3 at x = 1",
        "contour x^2 - y^2 at (1, 0.5)",
        "plot x from 0 to 0.000000001",
        "plot 100000 x^3, tan x",
    ] {
        for ascii in [false, true] {
            let mut cmd = nudge_cmd();
            if ascii {
                cmd.arg("--ascii");
            }
            let out = cmd
                .args(["-e", query])
                .assert()
                .success()
                .get_output()
                .stdout
                .clone();
            let text = String::from_utf8(out).expect("utf-8");
            for line in text.lines() {
                assert!(
                    line.width() <= 80,
                    "{query}: {} columns: {line}",
                    line.width()
                );
            }
            let braille = text.chars().any(|c| ('\u{2800}'..='\u{28FF}').contains(&c));
            assert_eq!(braille, !ascii, "{query}");
            assert!(!text.contains('\u{1b}'), "no colour on a pipe");
        }
    }
}

#[test]
fn several_curves_get_their_own_colour_when_colour_is_on() {
    let out = nudge_cmd()
        .env_remove("NO_COLOR")
        .args(["--color", "always", "-e", "plot sin x, cos x"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    // Blue for the first curve, red for the second.
    assert!(text.contains("\u{1b}[34m"), "blue");
    assert!(text.contains("\u{1b}[31m"), "red");
}

#[test]
fn quiet_prints_the_answer_alone() {
    let out = nudge_cmd()
        .args([
            "-q",
            "-e",
            "nudge x^2 at x = 3",
            "-e",
            "limit (1+1/n)^n as n -> inf",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out).expect("utf-8"),
        "6\ne ≈ 2.718281828\n"
    );
}

#[test]
fn mistakes_get_clear_errors() {
    let cases: &[(&str, &str)] = &[
        ("nudge x^2", "expected 'at'"),
        ("limit 1/n as n", "arrow"),
        ("plot x y", "one variable"),
        ("nudge x y at x = 1", "another variable, y"),
        ("tangent ln x at x = 0", "no value at x = 0"),
        ("plot x from 3 to 1", "from < to"),
        ("contour x y z", "two variables"),
    ];
    for &(line, message) in cases {
        let err = session().answer(line).expect_err(line);
        assert!(err.message.contains(message), "{line}: {}", err.message);
        assert!(err.span.is_some(), "{line}: no place");
    }
}

#[test]
fn the_new_words_are_not_swallowed_as_variables() {
    // `to`, `from`, `at`, `as` end an expression; the rest of the language is unchanged.
    assert!(session().answer("plot sin x from -pi to pi").is_ok());
    assert!(session().answer("d/dx atan(x)").is_ok());
    assert!(session().answer("d/dx asin x").is_ok());
    assert!(session().answer("tangent t^2 at t = 2").is_ok());
    // The ASCII reading of a plotted derivative reads back as the same plot.
    assert!(text("plot x^3, d/dx x^3", ASCII).contains("plot x^3, diff(x^3, x)"));
    assert!(session().answer("plot x^3, diff(x^3, x)").is_ok());
}

// ---- no panics ------------------------------------------------------------

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Scrambled questions get an answer or an error, never a panic.
    #[test]
    fn scrambled_questions_never_panic(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "nudge", "slope", "tangent", "limit", "plot", "contour", "at", "as", "from",
                "to", "around", "x", "y", "n", "=", "->", "→", "inf", "∞", "-", "+", "0", "1",
                "2", "1/x", "sin x", "x^2", "(", ")", ",", "(1, 2)", "d/dx", "ln x", "0+",
            ]),
            1..10,
        )
    ) {
        let line = words.join(" ");
        let mut s = session();
        if let Ok(outcome) = s.answer(&line) {
            let _ = render_text(&outcome, UNICODE);
            let _ = render_text(&outcome, ASCII);
            let _ = render_json(&outcome);
        }
    }
}

// ---- with the session's definitions ---------------------------------------

#[test]
fn defined_functions_can_be_nudged_plotted_and_touched() {
    let mut s = session();
    s.answer("f(x) = x^2 sin x").expect("definition");
    let plot = s.answer("plot f(x), f'(x) from -3 to 3").expect("plot");
    let shown = render_text(&plot, UNICODE);
    assert!(shown.contains("f(x) = x²·sin(x)"), "{shown}");
    assert!(shown.contains("f′(x) = 2x·sin(x) + x²·cos(x)"), "{shown}");
    let Answer::Seeing(nudge) = s.answer("nudge f(x) at x = 1").expect("nudge").answer else {
        panic!("not a nudge table");
    };
    let SeeingAnswer::Nudge(n) = *nudge else {
        panic!("not a nudge table");
    };
    let exact = 2.0 * 1f64.sin() + 1f64.cos();
    assert!((n.slope_value.expect("slope") - exact).abs() < 1e-12);
    s.answer("y = 3x^2 + 1").expect("definition");
    let tangent = s.answer("tangent y at x = 1").expect("tangent");
    assert_eq!(tangent.result().expect("line").ascii(), "6*x - 2");
    assert!(tangent
        .notes
        .iter()
        .any(|n| note_text(n, true).contains("y stands for 3x² + 1")));
    // A session value for x does not replace the x being nudged or plotted.
    s.answer("x = 5").expect("definition");
    let nudge = s.answer("nudge x^2 at x = 3").expect("nudge");
    assert_eq!(nudge.result().expect("slope").ascii(), "6");
    let plot = s.answer("plot x^2").expect("plot");
    assert_eq!(
        render_text(
            &plot,
            TextOptions {
                quiet: true,
                ..UNICODE
            }
        ),
        "x²\n"
    );
}

#[test]
fn a_tiny_plot_size_still_draws() {
    let mut s = Session::new();
    s.set_plot_size(PlotSize {
        columns: 0,
        rows: 0,
    });
    for q in [
        "plot sin x",
        "tangent x^2 at x = 1",
        "contour x y at (1, 1)",
    ] {
        let outcome = s.answer(q).expect(q);
        assert!(!render_text(&outcome, UNICODE).is_empty());
    }
}
