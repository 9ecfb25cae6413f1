//! Many variables: partial derivatives, gradients, Jacobians, Hessians and motion, through the real binary and the library.

use assert_cmd::Command;
use nudge::calculus::motion::pythagoras;
use nudge::calculus::multivar::{gradient, hessian};
use nudge::engine::ExpressionAnswer;
use nudge::expr::{eval, Expr, Symbol};
use nudge::{Answer, Session};
use proptest::prelude::*;
use serde_json::Value;

fn nudge(args: &[&str]) -> String {
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .args(["--color", "never"])
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn text(query: &str) -> String {
    nudge(&["-e", query])
}

fn json(query: &str) -> Value {
    serde_json::from_str(&nudge(&["--format", "json", "-e", query])).expect("one JSON object")
}

/// The simplified expression nudge reads from `text`.
fn expr(text: &str) -> Expr {
    match Session::new().answer(text).expect("reads").answer {
        Answer::Expression(ExpressionAnswer { result, .. }) => result,
        other => panic!("{text} is not an expression: {other:?}"),
    }
}

fn at(e: &Expr, x: f64, y: f64) -> f64 {
    eval(e, &|name| match name {
        "x" => Some(x),
        "y" => Some(y),
        _ => None,
    })
    .expect("defined")
}

fn xy() -> Vec<Symbol> {
    vec![Symbol::from("x"), Symbol::from("y")]
}

// ---- partial derivatives ----------------------------------------------------

#[test]
fn partials_of_a_bowl_hold_the_other_variable_fixed() {
    let dx = text("∂/∂x (x^2 + y^2)");
    assert!(dx.contains("y is held fixed"), "{dx}");
    insta::assert_snapshot!("partial_x_bowl", dx);
    insta::assert_snapshot!("partial_y_bowl", text("∂/∂y (x^2 + y^2)"));
}

#[test]
fn partials_of_a_cubic_in_two_variables() {
    insta::assert_snapshot!("partial_x_cubic", text("∂/∂x (x^2 y + y^3)"));
    insta::assert_snapshot!("partial_y_cubic", text("∂/∂y (x^2 y + y^3)"));
}

#[test]
fn mixed_partials_agree_in_either_order() {
    let xy = text("∂²/∂x∂y (x^2 y + y^3)");
    insta::assert_snapshot!("mixed_partial_cubic", xy);
    assert!(xy.contains("Differentiate by y first, then by x"), "{xy}");
    let both = nudge(&[
        "-q",
        "-e",
        "∂²/∂x∂y (x^2 y + y^3)",
        "-e",
        "∂²/∂y∂x (x^2 y + y^3)",
        "-e",
        "partial(x^2 y + y^3, x, y)",
        "-e",
        "∂^2/∂x ∂y (x^2 y + y^3)",
    ]);
    assert_eq!(both, "2x\n2x\n2x\n2x\n");
    assert_eq!(
        text("∂²/∂x² (x^3 y)").trim_end().lines().last(),
        Some("∂²/∂x² (x³·y) = 6x·y")
    );
}

#[test]
fn mixed_partial_json_names_the_order_applied() {
    let v = json("∂²/∂x∂y (x^2 y^3)");
    assert_eq!(v["kind"], "mixed_partial");
    assert_eq!(v["variables"], serde_json::json!(["y", "x"]));
    assert_eq!(v["result"], "6*x*y^2");
    assert_eq!(v["steps"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["reading"], "∂/∂x (∂/∂y (x²·y³))");
}

// ---- gradient ------------------------------------------------------------------

#[test]
fn gradient_of_a_bowl_at_a_point() {
    let out = text("∇(x^2 + y^2) at (1, 2)");
    insta::assert_snapshot!("gradient_bowl_at_point", out);
    assert!(out.contains("2√5 ≈ 4.472136"), "{out}");
    assert!(out.contains("(1, 2)/√5"), "{out}");
    assert!(out.contains("at 4.47 per unit step"), "{out}");
}

#[test]
fn gradient_spellings_agree() {
    let out = nudge(&[
        "-q",
        "-e",
        "grad x^2 y",
        "-e",
        "∇(x^2 y)",
        "-e",
        "grad(x^2 y, [x, y])",
        "-e",
        "grad(x^2 y, [y, x])",
        "-e",
        "GRAD x^2 y at (1, 2)",
    ]);
    assert_eq!(
        out,
        "(2x·y, x²)\n(2x·y, x²)\n(2x·y, x²)\n(x², 2x·y)\n(4, 1)\n"
    );
}

#[test]
fn gradient_variables_come_in_a_stable_order() {
    let v = json("grad (b z + a y + x)");
    assert_eq!(v["variables"], serde_json::json!(["x", "y", "z", "a", "b"]));
    assert_eq!(v["vector"], serde_json::json!(["1", "a", "b", "y", "z"]));
}

#[test]
fn gradient_json_shape() {
    let v = json("∇(x^2 + y^2) at (1, 2)");
    assert_eq!(v["kind"], "gradient");
    assert_eq!(v["vector"], serde_json::json!(["2*x", "2*y"]));
    assert_eq!(v["partials"][0]["steps"][0]["rule"], "partial");
    assert_eq!(v["steps"].as_array().map(Vec::len), Some(2));
    let point = &v["at"];
    assert_eq!(point["point"], serde_json::json!(["1", "2"]));
    assert_eq!(point["vector"], serde_json::json!(["2", "4"]));
    assert_eq!(point["length"], "2*sqrt(5)");
    assert!((point["length_value"].as_f64().unwrap_or(0.0) - 20f64.sqrt()).abs() < 1e-12);
    assert_eq!(point["descent"], serde_json::json!(["-2", "-4"]));
    assert_eq!(point["direction"]["along"], serde_json::json!(["1", "2"]));
    assert_eq!(point["direction"]["norm"], "sqrt(5)");
    let length = expr(point["length"].as_str().unwrap_or_default());
    assert!((at(&length, 0.0, 0.0) - 20f64.sqrt()).abs() < 1e-12);
}

#[test]
fn a_flat_spot_has_no_steepest_direction() {
    let out = text("grad (x^2 + y^2) at (0, 0)");
    assert!(out.contains("every partial derivative is 0"), "{out}");
    assert_eq!(
        json("grad (x^2 + y^2) at (0, 0)")["at"]["direction"],
        Value::Null
    );
}

#[test]
fn directional_derivative_shows_the_dot_product() {
    let out = text("ddir x^2 y at (1, 2) along (1, 1)");
    insta::assert_snapshot!("directional_derivative", out);
    assert!(out.contains("(4·1 + 1·1)/√2"), "{out}");
    let v = json("ddir x^2 y at (1, 2) along (1, 1)");
    assert_eq!(v["kind"], "directional_derivative");
    assert_eq!(v["result"], "5*sqrt(2)/2");
    assert!((v["value"].as_f64().unwrap_or(0.0) - 5.0 / 2f64.sqrt()).abs() < 1e-12);
}

// ---- Jacobian and Hessian --------------------------------------------------------

#[test]
fn jacobian_rows_are_outputs_and_columns_inputs() {
    let q = "jacobian([x^2 y, 5x + sin y], [x, y])";
    insta::assert_snapshot!("jacobian", text(q));
    insta::assert_snapshot!(
        "jacobian_ascii_at_point",
        nudge(&["--ascii", "-e", &format!("{q} at (1, 2)")])
    );
    let v = json(q);
    assert_eq!(
        v["matrix"],
        serde_json::json!([["2*x*y", "x^2"], ["5", "cos(y)"]])
    );
    assert_eq!(v["entries"][1][1]["steps"][0]["rule"], "partial");
    assert_eq!(v["entries"][0][0]["variables"], serde_json::json!(["x"]));
}

#[test]
fn jacobian_entries_parse_back_to_themselves() {
    let v = json("jacobian((x^2 y, 5x + sin y, e^(x y)/y))");
    let rows = v["matrix"].as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 3);
    for entry in rows
        .iter()
        .flat_map(|r| r.as_array().cloned().unwrap_or_default())
    {
        let s = entry.as_str().unwrap_or_default();
        assert_eq!(expr(s).ascii(), s);
    }
}

#[test]
fn jacobian_at_a_point_is_exact_then_decimal() {
    let v = json("jacobian([x^2 y, 5x + sin y], [x, y]) at (1, 0)");
    assert_eq!(
        v["at"]["matrix"],
        serde_json::json!([["0", "1"], ["5", "1"]])
    );
    assert_eq!(
        v["at"]["values"],
        serde_json::json!([[0.0, 1.0], [5.0, 1.0]])
    );
}

#[test]
fn hessian_is_symmetric_and_names_its_use() {
    let out = text("hessian(x^3 + x y^2)");
    insta::assert_snapshot!("hessian", out);
    assert!(out.contains("Newton's method"), "{out}");
    let v = json("hessian x^3 + x y^2 at (1, 2)");
    assert_eq!(v["kind"], "hessian");
    assert_eq!(
        v["matrix"],
        serde_json::json!([["6*x", "2*y"], ["2*y", "2*x"]])
    );
    assert_eq!(v["symmetric"], true);
    assert_eq!(
        v["at"]["matrix"],
        serde_json::json!([["6", "4"], ["4", "2"]])
    );
    assert_eq!(
        v["entries"][1][0]["variables"],
        serde_json::json!(["y", "x"])
    );
}

// ---- motion --------------------------------------------------------------------

#[test]
fn a_helix_has_velocity_acceleration_and_speed() {
    insta::assert_snapshot!("helix_velocity", text("d/dt (cos t, sin t, t)"));
    insta::assert_snapshot!("helix_acceleration", text("d²/dt² (cos t, sin t, t)"));
    let speed = text("|d/dt (cos t, sin t, t)|");
    assert!(speed.contains("sin² + cos² = 1"), "{speed}");
    assert!(speed.trim_end().ends_with("= √2 ≈ 1.414214"), "{speed}");
    let v = json("d/dt (cos t, sin t, t)");
    assert_eq!(v["kind"], "vector_derivative");
    assert_eq!(v["vector"], serde_json::json!(["-sin(t)", "cos(t)", "1"]));
}

#[test]
fn constant_acceleration_reads_as_velocity_then_acceleration() {
    let v = text("d/dt (x0 + v0 t + (1/2) a t^2)");
    insta::assert_snapshot!("constant_acceleration_velocity", v);
    assert!(v.contains("= v0 + a·t"), "{v}");
    let a = text("d²/dt² (x0 + v0 t + (1/2) a t^2)");
    insta::assert_snapshot!("constant_acceleration", a);
    assert!(a.contains("x0 + v0·t + a·t²/2) = a\n"), "{a}");
    assert!(a.contains("again, acceleration"), "{a}");
    assert!(!text("d/dx x^2").contains("velocity"));
}

// ---- readings ------------------------------------------------------------------------

#[test]
fn ascii_readings_read_back_to_the_same_answer() {
    for query in [
        "∂²/∂x∂y (x^2 y^3)",
        "∇(x^2+y^2) at (1, 2)",
        "grad(x^2 y, [y, x])",
        "ddir x^2 y at (1, 2) along (1, 1)",
        "jacobian([x^2 y, 5x + sin y], [x, y]) at (1, 2)",
        "jacobian((x y, θ^2))",
        "hessian x^3 + x y^2 at (1, 2)",
        "d²/dt² (cos t, sin t, t)",
        "|d/dt (cos t, sin t, t)|",
    ] {
        let shown = nudge(&["--ascii", "-e", query]);
        let reading = shown
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("Reading: "))
            .unwrap_or_default();
        assert!(reading.is_ascii(), "{reading}");
        assert_eq!(
            nudge(&["-q", "-e", reading]),
            nudge(&["-q", "-e", query]),
            "{query} was read as {reading}"
        );
    }
}

// ---- errors ------------------------------------------------------------------------

#[test]
fn bad_points_and_directions_are_explained() {
    for (query, message) in [
        (
            "grad x y at (1, 2, 3)",
            "3 coordinates, but there are 2 variables",
        ),
        (
            "jacobian([x y, x], [x, y]) at (1)",
            "this has 1 coordinate, but there are 2 variables",
        ),
        (
            "grad x^2 at (1, 2)",
            "this has 2 coordinates, but there is 1 variable (x)",
        ),
        ("grad x y at (a, 2)", "must be a number"),
        ("ddir x y at (1, 2) along (0, 0)", "length 0"),
        ("grad(5)", "no variables"),
        ("grad(x, [x, x])", "listed twice"),
        ("∂³/∂x∂y x", "order on top must be 2"),
        (
            "hessian ln(x) + y at (0, 1)",
            "a logarithm needs a positive input",
        ),
    ] {
        let out = Command::cargo_bin("nudge")
            .expect("binary")
            .args(["--format", "json", "-e", query])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{query}");
        let v: Value = serde_json::from_slice(&out.stdout).expect("json");
        let got = v["error"]["message"].as_str().unwrap_or_default();
        assert!(got.contains(message), "{query}: {got}");
        assert!(
            v["error"]["start"].as_u64() < v["error"]["end"].as_u64(),
            "{query}"
        );
    }
}

// ---- properties ----------------------------------------------------------------------

/// Smooth functions of x and y, written the way a learner types them.
fn smooth() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("x".to_string()),
        Just("y".to_string()),
        (1i32..5).prop_map(|n| n.to_string()),
    ];
    leaf.prop_recursive(3, 16, 2, |inner| {
        prop_oneof![
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} + {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})({b})")),
            inner.clone().prop_map(|a| format!("sin({a})")),
            inner.clone().prop_map(|a| format!("cos({a})")),
            inner.clone().prop_map(|a| format!("exp(({a})/4)")),
            inner.clone().prop_map(|a| format!("({a})^2")),
            inner.prop_map(|a| format!("ln(1 + ({a})^2)")),
        ]
    })
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * (1.0 + a.abs().max(b.abs()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn gradient_matches_central_differences(f in smooth(), x in -1.5f64..1.5, y in -1.5f64..1.5) {
        let e = expr(&f);
        let h = 1e-5;
        let partials = gradient(&e, &xy());
        let numeric = [
            (at(&e, x + h, y) - at(&e, x - h, y)) / (2.0 * h),
            (at(&e, x, y + h) - at(&e, x, y - h)) / (2.0 * h),
        ];
        for (d, n) in partials.iter().zip(numeric) {
            let exact = at(&d.result, x, y);
            prop_assert!(close(exact, n, 1e-5), "{f}: {} = {exact}, central difference {n}", d.result);
        }
    }

    #[test]
    fn hessian_is_symmetric(f in smooth(), x in -1.5f64..1.5, y in -1.5f64..1.5) {
        let e = expr(&f);
        let h = hessian(&e, &xy());
        let (xy_entry, yx_entry) = (&h[0][1].result, &h[1][0].result);
        prop_assert!(
            close(at(xy_entry, x, y), at(yx_entry, x, y), 1e-9),
            "{f}: {xy_entry} against {yx_entry}"
        );
    }
}

#[test]
fn a_lone_operator_says_what_it_needs() {
    for word in ["grad", "∇", "hessian", "jacobian", "ddir"] {
        let out = Command::cargo_bin("nudge")
            .expect("binary")
            .args(["--format", "json", "-e", word])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{word}");
        let v: Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(
            v["error"]["message"],
            format!("{word} needs something to work on")
        );
    }
}

#[test]
fn the_jacobian_of_one_function_is_its_gradient_as_a_row() {
    let v = json("jacobian(x^2 y)");
    assert_eq!(v["matrix"], serde_json::json!([["2*x*y", "x^2"]]));
    assert_eq!(json("grad x^2 y")["vector"], v["matrix"][0]);
}

#[test]
fn vector_and_matrix_results_parse_back_to_themselves() {
    for query in [
        "grad x^2 y",
        "grad x^2 y at (1, 2)",
        "jacobian([x^2 y, 5x + sin y], [x, y])",
        "hessian x^3 + x y^2 at (1, 2)",
        "d/dt (cos t, sin t, t)",
        "|d/dt (cos t, sin t, t)|",
        "∂²/∂x∂y (x^2 y^3)",
    ] {
        let first = json(query);
        let result = first["result"].as_str().unwrap_or_default();
        assert!(!result.is_empty(), "{query} has no result");
        let again = json(result);
        assert_eq!(
            again["result"], result,
            "{query}: {result} read back differently"
        );
    }
    assert_eq!(json("(2x + x, 4)")["kind"], "vector");
    assert_eq!(
        json("[[1 + 1, x], [sin(0), y y]]")["result"],
        "[[2, x], [0, y^2]]"
    );
    insta::assert_snapshot!("matrix_literal", text("[[1 + 1, x], [sin(0), y y]]"));
}

#[test]
fn sin_squared_plus_cos_squared_is_one() {
    let tidy = |s: &str| pythagoras(&expr(s)).map(|e| e.unicode());
    assert_eq!(
        tidy("3 sin(2t)^2 + t + 3 cos(2t)^2"),
        Some("t + 3".to_string())
    );
    assert_eq!(tidy("sin(t)^2 + cos(t)^2"), Some("1".to_string()));
    assert_eq!(tidy("sin(t)^2 + 2 cos(t)^2"), None);
    assert_eq!(tidy("sin(t)^2 + cos(2t)^2"), None);
    let speed = json("|d/dt (3 cos(2t), 3 sin(2t), 4t)|");
    assert_eq!(speed["result"], "2*sqrt(13)");
    assert_eq!(speed["length"]["tidied"], "52");
}

#[test]
fn at_is_a_keyword_but_atan_and_attention_are_not() {
    assert_eq!(
        nudge(&["-q", "-e", "d/dx atan(x)"]),
        "1/(1 + x^2)\n".replace("x^2", "x²")
    );
    assert_eq!(
        nudge(&["-q", "--ascii", "-e", "attention * 2"]),
        "2*attention\n"
    );
    assert_eq!(nudge(&["-q", "-e", "grad attention^2 at (3)"]), "(6)\n");
}

#[test]
fn gradient_in_ascii() {
    insta::assert_snapshot!(
        "gradient_ascii_at_point",
        nudge(&["--ascii", "-e", "grad x^2 y + y^3 at (1, -1)"])
    );
}

#[test]
fn the_other_order_is_checked_not_assumed() {
    let v = json("∂²/∂x∂y (x^2 y + y^3)");
    assert_eq!(v["other_order"]["result"], "2*x");
    assert_eq!(v["other_order"]["agrees"], true);
    let out = text("∂²/∂x∂y (x y/(x + y))");
    assert!(
        out.contains("the same function written another way"),
        "{out}"
    );
    let h = json("hessian(x y/(x + y))");
    assert_eq!(h["symmetric"], true);
    assert_eq!(h["mirrored_entries_written_alike"], false);
    assert!(json("∂²/∂x² (x^3 y)").get("other_order").is_none());
}

/// "The order matters" only when the two orders really differ at a point where both have
/// values: forms defined at few sample points (a negative base to a power) still agree.
#[test]
fn the_order_matters_only_when_the_orders_really_differ() {
    for query in [
        "∂²/∂x∂y ((e + x)/(y - e))^x",
        "∂²/∂x∂y (x/y)^y",
        "∂²/∂x∂y ln(x - y) sqrt(y - 2x)",
    ] {
        let v = json(query);
        assert_eq!(v["other_order"]["agrees"], true, "{query}: {v}");
        let out = text(query);
        assert!(!out.contains("the order matters"), "{query}: {out}");
    }
    use nudge::calculus::multivar::agree_numerically;
    use nudge::expr::Expr;
    let xy = Expr::mul(vec![Expr::var("x"), Expr::var("y")]);
    let nearly = Expr::add(vec![
        xy.clone(),
        Expr::mul(vec![Expr::ratio(1, 1000), Expr::var("x")]),
    ]);
    assert!(agree_numerically(&xy, &xy));
    assert!(!agree_numerically(&xy, &nearly));
    // Apart only where x > 0: half the random points have every coordinate positive.
    let root = Expr::pow(Expr::var("x"), Expr::ratio(1, 2));
    let shifted = Expr::add(vec![root.clone(), Expr::ratio(1, 100)]);
    assert!(!agree_numerically(
        &Expr::ln(Expr::var("x")),
        &Expr::ln(shifted)
    ));
    assert!(agree_numerically(
        &root,
        &Expr::pow(Expr::var("x"), Expr::ratio(2, 4))
    ));
}

#[test]
fn every_answer_has_kind_reading_result_and_steps() {
    for query in [
        "∂²/∂x∂y (x^2 y)",
        "grad x^2 y",
        "ddir x^2 y at (1, 2) along (1, 1)",
        "jacobian([x^2 y, 5x + sin y], [x, y])",
        "hessian x^3 + x y^2",
        "d/dt (cos t, sin t, t)",
        "|d/dt (cos t, sin t, t)|",
        "(1, 2)",
        "[[1, 2], [3, 4]]",
    ] {
        let v = json(query);
        for key in ["input", "kind", "reading", "result", "unicode", "steps"] {
            assert!(v.get(key).is_some(), "{query} has no {key}: {v}");
        }
        assert!(v["steps"].is_array(), "{query}");
    }
    let steps = json("hessian x^3 + x y^2")["steps"]
        .as_array()
        .map(Vec::len);
    assert_eq!(steps, Some(8), "four entries, two steps each");
}

#[test]
fn long_entries_are_shortened_in_text_but_whole_with_q() {
    let deep = format!("grad {}x*y{}", "sin(".repeat(60), ")".repeat(60));
    let out = text(&deep);
    assert!(out.contains("(long entries are shortened here"), "{out}");
    let widest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest < 2000, "a line of {widest} characters");
    let whole = nudge(&["-q", "--ascii", "-e", &deep]);
    assert!(!whole.contains('…'));
    assert!(whole.len() > 2000);
}

/// A decimal nudge reads exactly, to three places.
fn typed(v: f64) -> String {
    format!("{v:.3}")
}

fn read(v: f64) -> f64 {
    typed(v).parse().unwrap_or(v)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn directional_derivative_matches_a_step_along_u(
        f in smooth(),
        (x, y) in (-1.5f64..1.5, -1.5f64..1.5),
        (a, b) in (-2.0f64..2.0, -2.0f64..2.0),
    ) {
        prop_assume!(read(a).abs() + read(b).abs() > 0.01);
        let query = format!(
            "ddir({f}, [x, y]) at ({}, {}) along ({}, {})",
            typed(x), typed(y), typed(a), typed(b)
        );
        let outcome = Session::new().answer(&query).expect("answers");
        let Answer::Multivar(answer) = &outcome.answer else { panic!("{query}") };
        let nudge::engine::MultivarAnswer::Directional { directional, .. } = answer.as_ref() else {
            panic!("{query}")
        };
        let e = expr(&f);
        let (x, y, a, b) = (read(x), read(y), read(a), read(b));
        let n = (a * a + b * b).sqrt();
        let (ux, uy) = (a / n, b / n);
        let h = 1e-5;
        let numeric = (at(&e, x + h * ux, y + h * uy) - at(&e, x - h * ux, y - h * uy)) / (2.0 * h);
        prop_assert!(close(directional.value.approx, numeric, 1e-5), "{query}: {} against {numeric}", directional.value.approx);
    }

    #[test]
    fn speed_matches_the_distance_covered(t in -2.0f64..2.0) {
        let curve = ["3 cos(2t)", "3 sin(2t)", "t^2"];
        let query = format!("|d/dt ({})|", curve.join(", "));
        let speed = expr(json(&query)["result"].as_str().unwrap_or_default());
        let position: Vec<Expr> = curve.iter().map(|c| expr(c)).collect();
        let when = |e: &Expr, t: f64| eval(e, &|name| (name == "t").then_some(t)).expect("defined");
        let h = 1e-5;
        let step: f64 = position
            .iter()
            .map(|p| (when(p, t + h) - when(p, t - h)) / (2.0 * h))
            .map(|d| d * d)
            .sum::<f64>()
            .sqrt();
        prop_assert!(close(when(&speed, t), step, 1e-6));
    }
}

#[test]
fn at_a_flat_spot_the_hessian_says_what_kind_it_is() {
    for (query, kind) in [
        ("hessian x^2 + y^2 at (0, 0)", "minimum"),
        ("hessian x^2 - y^2 at (0, 0)", "saddle"),
        ("hessian -x^2 - 3y^2 + x y at (0, 0)", "maximum"),
        ("hessian x^4 + y^4 at (0, 0)", "undecided"),
        (
            "hessian (x-1)^2 + (y+2)^2 + (z - 3)^2 at (1, -2, 3)",
            "minimum",
        ),
    ] {
        assert_eq!(json(query)["flat_spot"], kind, "{query}");
    }
    assert!(json("hessian x^2 + y^2 at (1, 0)")
        .get("flat_spot")
        .is_none());
    let out = text("hessian x^2 - y^2 at (0, 0)");
    assert!(
        out.contains(
            "At (0, 0) the gradient is 0 and f curves up in some directions and down in others"
        ),
        "{out}"
    );
}

#[test]
fn one_variable_may_stand_alone_and_along_is_a_keyword() {
    assert_eq!(nudge(&["-q", "-e", "grad(x y, x)"]), "(y)\n");
    let out = text("grad(x y, x)");
    assert!(out.contains("∇(x·y) = (y)"), "{out}");
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .args(["--format", "json", "-e", "ddir x y at (1, 2)"])
        .output()
        .expect("runs");
    let err: Value = serde_json::from_slice(&out.stdout).expect("json");
    let message = err["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("'along' and a direction"), "{message}");
}

#[test]
fn jacobian_of_a_bare_capital_name_is_an_error_not_one() {
    let out = Command::cargo_bin("nudge")
        .expect("binary builds")
        .args(["--color", "never", "-e", "jacobian(F)", "-e", "jacobian(x)"])
        .output()
        .expect("nudge runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("F is a single variable here"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("[1]"));
}

// ---- defined vectors: F(x, y) = (…), r(t) = (…) -----------------------------------------

/// The text of `lines` answered one after another in one session, as `-e` gives them.
fn session(lines: &[&str], extra: &[&str]) -> String {
    let mut args: Vec<&str> = extra.to_vec();
    for line in lines {
        args.extend(["-e", line]);
    }
    nudge(&args)
}

/// The last of the `-q` answers to `lines`, given in one session.
fn last_quiet(lines: &[&str]) -> String {
    session(lines, &["-q"])
        .lines()
        .skip(1)
        .collect::<Vec<_>>()
        .join("\n")
}

const FIELD: &str = "F(x, y) = (x^2 y, 5x + sin y)";
const HELIX: &str = "r(t) = (cos t, sin t, t)";

#[test]
fn jacobian_of_a_defined_vector_function_is_the_listed_jacobian() {
    let out = session(&[FIELD, "jacobian(F)"], &[]);
    insta::assert_snapshot!("defined_field_jacobian", out);
    assert!(out.contains("Reading: jacobian(F)\n"), "{out}");
    assert!(out.contains("Note: F alone stands for its formula, (x²·y, 5x + sin(y))"));
    assert_eq!(
        last_quiet(&[FIELD, "jacobian(F)"]),
        nudge(&["-q", "-e", "jacobian([x^2 y, 5x + sin y], [x, y])"]).trim_end()
    );
    let at = session(&[FIELD, "jacobian(F) at (1, 2)"], &["--ascii"]);
    insta::assert_snapshot!("defined_field_jacobian_ascii_at_point", at);
    assert!(at.is_ascii(), "{at}");
    assert_eq!(
        last_quiet(&[FIELD, "jacobian(F) at (1, 2)"]),
        nudge(&[
            "-q",
            "-e",
            "jacobian([x^2 y, 5x + sin y], [x, y]) at (1, 2)"
        ])
        .trim_end()
    );
}

#[test]
fn the_columns_of_a_defined_jacobian_are_its_inputs_in_their_order() {
    // G's inputs are (y, x): column 1 is ∂/∂y, whatever the alphabet says.
    assert_eq!(
        last_quiet(&["G(y, x) = (x^2 y, x)", "jacobian(G)"]),
        nudge(&["-q", "-e", "jacobian([x^2 y, x], [y, x])"]).trim_end()
    );
    // A listed order still wins, and a vector without inputs uses its own variables.
    assert_eq!(
        last_quiet(&["G(y, x) = (x^2 y, x)", "jacobian(G, [x, y])"]),
        nudge(&["-q", "-e", "jacobian([x^2 y, x], [x, y])"]).trim_end()
    );
    assert_eq!(
        last_quiet(&["V = (x y, y^3)", "jacobian(V)"]),
        "⎡y  x  ⎤\n⎣0  3y²⎦"
    );
}

#[test]
fn defined_jacobian_json_has_the_matrix_and_the_inputs() {
    let out = session(&[FIELD, "jacobian(F) at (1, 0)"], &["--format", "json"]);
    let v: Value = serde_json::from_str(out.lines().nth(1).unwrap_or_default()).expect("json");
    assert_eq!(v["kind"], "jacobian");
    assert_eq!(v["reading"], "jacobian(F) at (1, 0)");
    assert_eq!(v["variables"], serde_json::json!(["x", "y"]));
    assert_eq!(v["outputs"], serde_json::json!(["x^2*y", "5*x + sin(y)"]));
    assert_eq!(
        v["matrix"],
        serde_json::json!([["2*x*y", "x^2"], ["5", "cos(y)"]])
    );
    assert_eq!(
        v["at"]["values"],
        serde_json::json!([[0.0, 1.0], [5.0, 1.0]])
    );
    assert_eq!(v["result"], "[[0, 1], [5, 1]]");
}

#[test]
fn a_defined_motion_has_velocity_acceleration_and_speed() {
    let velocity = session(&[HELIX, "r'(t)"], &[]);
    insta::assert_snapshot!("defined_helix_velocity", velocity);
    assert!(
        velocity.contains("velocity: r′(t) = (-sin(t), cos(t), 1)"),
        "{velocity}"
    );
    let acceleration = session(&[HELIX, "r''(t)"], &[]);
    insta::assert_snapshot!("defined_helix_acceleration", acceleration);
    let lines: Vec<&str> = acceleration.lines().collect();
    let v = lines
        .iter()
        .position(|l| l.starts_with("velocity: r′(t) = (-sin(t), cos(t), 1)"));
    let a = lines
        .iter()
        .position(|l| l.starts_with("acceleration: r″(t) = (-cos(t), -sin(t), 0)"));
    assert!(
        v.is_some() && v < a,
        "velocity, then acceleration: {acceleration}"
    );
    let speed = session(&[HELIX, "|r'(t)|"], &[]);
    insta::assert_snapshot!("defined_helix_speed", speed);
    assert!(
        speed.trim_end().ends_with("|r′(t)| = √2 ≈ 1.414214"),
        "{speed}"
    );
    // The same answers as the vector typed out.
    for (named, typed) in [
        ("r'(t)", "d/dt (cos t, sin t, t)"),
        ("r''(t)", "d²/dt² (cos t, sin t, t)"),
        ("|r'(t)|", "|d/dt (cos t, sin t, t)|"),
        ("dr/dt", "d/dt (cos t, sin t, t)"),
        ("d²r/dt²", "d²/dt² (cos t, sin t, t)"),
        ("r'(s)", "d/ds (cos s, sin s, s)"),
    ] {
        assert_eq!(
            last_quiet(&[HELIX, named]),
            nudge(&["-q", "-e", typed]).trim_end(),
            "{named}"
        );
    }
}

#[test]
fn a_defined_motion_at_one_time() {
    let out = session(&[HELIX, "r'(2)"], &[]);
    insta::assert_snapshot!("defined_helix_velocity_at_2", out);
    assert!(
        out.contains("At t = 2: r′(2) = (-sin(2), cos(2), 1) ≈ (-0.909297, -0.416147, 1)"),
        "{out}"
    );
    for query in ["r'(2)", "r'(t) at t = 2", "r'(t) at (2)", "dr/dt at t = 2"] {
        assert_eq!(
            last_quiet(&[HELIX, query]),
            "(-sin(2), cos(2), 1)",
            "{query}"
        );
    }
    assert_eq!(
        nudge(&["-q", "-e", "d/dt (cos t, sin t, t) at t = 2"]),
        "(-sin(2), cos(2), 1)\n"
    );
    assert_eq!(last_quiet(&[HELIX, "r''(0)"]), "(-1, 0, 0)");
    assert_eq!(last_quiet(&[HELIX, "|r'(pi)|"]), "√2");
    let speed = session(&[HELIX, "|r'(1)|"], &[]);
    assert!(
        speed.contains("At t = 1: |r′(1)| = √2 ≈ 1.414214"),
        "{speed}"
    );
    let out = session(&[HELIX, "r'(2)"], &["--format", "json"]);
    let v: Value = serde_json::from_str(out.lines().nth(1).unwrap_or_default()).expect("json");
    assert_eq!(v["kind"], "vector_derivative");
    assert_eq!(v["name"], "r");
    assert_eq!(v["result"], "(-sin(2), cos(2), 1)");
    assert_eq!(v["at"]["point"], serde_json::json!({"t": "2"}));
    let values: Vec<f64> = v["at"]["values"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    assert_eq!(values.len(), 3);
    for (got, want) in values.iter().zip([-(2f64.sin()), 2f64.cos(), 1.0]) {
        assert!(close(*got, want, 1e-12), "{values:?}");
    }
}

const THROW: &str = "r(t) = (v0 t, h - (1/2) g t^2)";

#[test]
fn a_motion_at_one_time_keeps_its_constants_and_drops_the_decimals() {
    for (query, result, line) in [
        ("r'(1)", "(v0, -g)", "At t = 1: r′(1) = (v0, -g)\n"),
        ("r'(t) at t = 1", "(v0, -g)", "At t = 1: r′(1) = (v0, -g)\n"),
        (
            "|r'(1)|",
            "√(v0² + g²)",
            "At t = 1: |r′(1)| = √(v0² + g²)\n",
        ),
    ] {
        let out = session(&[THROW, query], &[]);
        assert!(out.contains(line), "{query}: {out}");
        assert!(!out.contains('≈'), "{query}: {out}");
        assert_eq!(last_quiet(&[THROW, query]), result, "{query}");
        let ascii = session(&[THROW, query], &["--ascii"]);
        assert!(
            ascii.is_ascii() && ascii.contains("At t = 1: "),
            "{query}: {ascii}"
        );
        for format in ["latex", "markdown"] {
            let out = session(&[THROW, query], &["--format", format]);
            assert!(
                out.contains(r"\begin{pmatrix} \mathrm{v0} \\ -g \end{pmatrix}"),
                "{query}: {out}"
            );
            assert!(!out.contains(r"\approx"), "{query} {format}: {out}");
        }
        let out = session(&[THROW, query], &["--format", "json"]);
        let v: Value = serde_json::from_str(out.lines().nth(1).unwrap_or_default()).expect("json");
        assert_eq!(
            v["at"]["vector"],
            serde_json::json!(["v0", "-g"]),
            "{query}"
        );
        assert!(v["at"].get("values").is_none(), "{query}: {v}");
        assert!(v["at"].get("length_value").is_none(), "{query}: {v}");
    }
    // The constants' values, once given, make the same answer a number.
    let out = session(&["r(t) = (3t, 10 - (1/2) 4 t^2)", "|r'(1)|"], &[]);
    assert!(out.contains("At t = 1: |r′(1)| = 5\n"), "{out}");
}

#[test]
fn the_length_of_a_defined_vector_is_its_distance_from_the_origin() {
    let out = session(&[HELIX, "|r(2)|"], &[]);
    assert!(
        out.contains("Its length is the distance from the origin"),
        "{out}"
    );
    assert!(out.contains("(sin² + cos² = 1)"), "{out}");
    assert!(out.contains("|r(t)| = √(t² + 1)\n"), "{out}");
    assert!(out.contains("At t = 2: |r(2)| = √5 ≈ 2.236068\n"), "{out}");
    assert!(!out.contains("differentiated"), "{out}");
    assert_eq!(last_quiet(&[HELIX, "|r(t)|"]), "√(t² + 1)");
    assert_eq!(last_quiet(&[HELIX, "|r(0)|"]), "1");
    // The same length as |v| for v = r(2) worked out by hand: √(cos²2 + sin²2 + 2²).
    let v = {
        let out = session(&[HELIX, "|r(2)|"], &["--format", "json"]);
        serde_json::from_str::<Value>(out.lines().nth(1).unwrap_or_default()).expect("json")
    };
    assert_eq!(v["kind"], "vector_length");
    assert_eq!(v["result"], "sqrt(5)");
    let by_hand = (2f64.cos().powi(2) + 2f64.sin().powi(2) + 4.0).sqrt();
    assert!(
        close(
            v["at"]["length_value"].as_f64().unwrap_or(f64::NAN),
            by_hand,
            1e-12
        ),
        "{v}"
    );
    let latex = session(&[HELIX, "|r(2)|"], &["--format", "latex"]);
    assert!(
        latex.contains(r"\left|r\left(2\right)\right| = \sqrt{5} \approx 2.236068"),
        "{latex}"
    );
}

#[test]
fn a_defined_vector_at_a_point_is_exact_then_decimal_as_its_velocity_is() {
    let at = session(&[HELIX, "r(2)"], &[]);
    assert!(
        at.contains("Value: (cos(2), sin(2), 2) ≈ (-0.416147, 0.909297, 2)\n"),
        "{at}"
    );
    let velocity = session(&[HELIX, "r'(2)"], &[]);
    assert!(
        velocity.contains(") ≈ (-0.909297, -0.416147, 1)\n"),
        "{velocity}"
    );
    let field = session(&[FIELD, "F(1, 2)"], &[]);
    assert!(
        field.contains("Value: (2, 5 + sin(2)) ≈ (2, 5.909297)\n"),
        "{field}"
    );
    // Whole entries need no decimals, and letters have none.
    assert!(session(&[FIELD, "F(1, 0)"], &[]).contains("Value: (0, 5)\n"));
    assert!(session(&[FIELD, "F(y, x)"], &[]).contains("Simplified: (x·y², 5y + sin(x))\n"));
    let out = session(&[FIELD, "F(1, 2)"], &["--format", "json"]);
    let v: Value = serde_json::from_str(out.lines().nth(1).unwrap_or_default()).expect("json");
    let values: Vec<f64> = v["values"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    assert_eq!(values.len(), 2, "{v}");
    assert!(close(values[1], 2f64.sin() + 5.0, 1e-12), "{v}");
    let latex = session(&[HELIX, "r(2)"], &["--format", "latex"]);
    assert!(
        latex.contains(r"\end{pmatrix} \approx \begin{pmatrix} -0.416147"),
        "{latex}"
    );
}

#[test]
fn the_gradient_of_a_defined_function_is_named_as_the_learner_wrote_it() {
    let out = session(&["f(x, y) = x^2 + y^2", "∇f"], &[]);
    assert!(out.contains("\n∇f = (2x, 2y)\n"), "{out}");
    assert!(out.contains("f = x² + y², with variables x, y"), "{out}");
    let out = session(&["g(x, y) = x^2 y", "grad g at (1, 2)"], &[]);
    assert!(out.contains("g = x²·y, with variables x, y"), "{out}");
    assert!(out.contains("\n∇g = (2x·y, x²)\n"), "{out}");
    assert!(out.contains("  ∇g = (4, 1)\n"), "{out}");
    assert!(out.contains("g rises fastest"), "{out}");
    let ascii = session(&["g(x, y) = x^2 y", "grad g"], &["--ascii"]);
    assert!(ascii.contains("\ngrad g = (2*x*y, x^2)\n"), "{ascii}");
    let latex = session(&["g(x, y) = x^2 y", "grad g"], &["--format", "latex"]);
    assert!(latex.contains(r"\nabla g = \begin{pmatrix}"), "{latex}");
    assert!(
        latex.contains(r"\frac{\partial g}{\partial x} = 2 x y"),
        "{latex}"
    );
    let out = session(&["g(x, y) = x^2 y", "grad g"], &["--format", "json"]);
    let v: Value = serde_json::from_str(out.lines().nth(1).unwrap_or_default()).expect("json");
    assert_eq!(v["name"], "g");
    // A formula typed out names itself.
    assert!(text("∇(x^2 + y^2)").contains("\n∇(x² + y²) = (2x, 2y)\n"));
}

const CUBIC: &str = "g(x, y) = x^3 + x y^2";

#[test]
fn the_hessian_of_a_defined_function_is_named_as_the_learner_wrote_it() {
    let out = session(&[CUBIC, "hessian g at (1, 0)"], &[]);
    assert!(
        out.contains("\ng = x³ + x·y², with variables x, y"),
        "{out}"
    );
    assert!(out.contains("the curvature of g:"), "{out}");
    assert!(out.contains("Row 1, the slopes of ∂g/∂x:"), "{out}");
    assert!(out.contains("Row 2, the slopes of ∂g/∂y:"), "{out}");
    assert!(!out.contains("f = "), "{out}");
    let saddle = session(&["h(x, y) = x^2 - y^2", "hessian h at (0, 0)"], &[]);
    assert!(
        saddle.contains("h curves up in some directions"),
        "{saddle}"
    );
    let ascii = session(&[CUBIC, "hessian g"], &["--ascii"]);
    assert!(ascii.contains("Row 1, the slopes of dg/dx:"), "{ascii}");
    let latex = session(&[CUBIC, "hessian g"], &["--format", "latex"]);
    assert!(latex.contains(r"$g = x^{3} + x y^{2}$"), "{latex}");
    assert!(latex.contains(r"\frac{\partial g}{\partial x}"), "{latex}");
    let markdown = session(&[CUBIC, "hessian g"], &["--format", "markdown"]);
    assert!(markdown.contains("the curvature of g:"), "{markdown}");
    // A formula typed out is still f.
    let typed = text("hessian(x^3 + x y^2)");
    assert!(typed.contains("Row 1, the slopes of ∂f/∂x:"), "{typed}");
}

#[test]
fn the_directional_derivative_of_a_defined_function_is_named_as_the_learner_wrote_it() {
    let out = session(&[CUBIC, "ddir g at (1, 2) along (1, 1)"], &[]);
    assert!(
        out.contains("\ng = x³ + x·y², with variables x, y"),
        "{out}"
    );
    assert!(out.contains("made one unit long: ∇g · u."), "{out}");
    assert!(out.contains("At (1, 2): ∇g = (7, 4)\n"), "{out}");
    assert!(out.contains("\n∇g · u = 11√2/2 ≈ 7.778175\n"), "{out}");
    assert!(out.contains("stepping this way, g goes up."), "{out}");
    let ascii = session(&[CUBIC, "ddir g at (1, 2) along (1, 1)"], &["--ascii"]);
    assert!(ascii.contains("\ngrad g * u = "), "{ascii}");
    let latex = session(
        &[CUBIC, "ddir g at (1, 2) along (1, 1)"],
        &["--format", "latex"],
    );
    assert!(latex.contains(r"\nabla g \cdot \mathbf{u} = "), "{latex}");
    assert!(
        latex.contains(r"\frac{\partial g}{\partial y} = 2 x y"),
        "{latex}"
    );
    // A formula typed out is still f.
    let typed = text("ddir(x^3 + x y^2) at (1, 2) along (1, 1)");
    assert!(typed.contains("\n∇f · u = 11√2/2"), "{typed}");
    assert!(typed.contains("stepping this way, f goes up."), "{typed}");
}

#[test]
fn json_names_the_defined_function_of_a_hessian_and_a_directional_derivative() {
    for (query, kind) in [
        ("hessian g at (1, 0)", "hessian"),
        ("ddir g at (1, 2) along (1, 1)", "directional_derivative"),
    ] {
        let out = session(&[CUBIC, query], &["--format", "json"]);
        let v: Value = serde_json::from_str(out.lines().nth(1).unwrap_or_default()).expect("json");
        assert_eq!(v["kind"], kind, "{v}");
        assert_eq!(v["name"], "g", "{v}");
    }
    let out = session(
        &[CUBIC, "ddir g at (1, 2) along (1, 1)"],
        &["--format", "json"],
    );
    let v: Value = serde_json::from_str(out.lines().nth(1).unwrap_or_default()).expect("json");
    assert_eq!(
        v["meaning"], "Positive: stepping this way, g goes up.",
        "{v}"
    );
    assert!(
        v["at"]["meaning"]
            .as_str()
            .unwrap_or_default()
            .starts_with("From (1, 2), g rises fastest"),
        "{v}"
    );
    // A formula typed out has no name.
    assert!(json("hessian(x^3 + x y^2)").get("name").is_none());
    assert!(json("ddir(x^3 + x y^2) at (1, 2) along (1, 1)")
        .get("name")
        .is_none());
}

#[test]
fn primes_are_labelled_the_way_the_reading_writes_them() {
    for (lines, reading, label) in [
        (
            &[HELIX, "r'''(t)"][..],
            "Reading: r′′′(t)",
            "r′′′(t) = (sin(t), -cos(t), 0)",
        ),
        (
            &[HELIX, "r''(t)"],
            "Reading: r″(t)",
            "acceleration: r″(t) = ",
        ),
        (
            &["f(x) = x^5", "f''''(x)"],
            "Reading: f′′′′(x)",
            "f′′′′(x) = 120x",
        ),
        (
            &["f(x) = x^5", "f'''(1)"],
            "Reading: f′′′(1)",
            "f′′′(1) = 60",
        ),
    ] {
        let out = session(lines, &[]);
        assert!(out.contains(reading), "{lines:?}: {out}");
        assert!(out.contains(label), "{lines:?}: {out}");
        assert!(!out.contains('‴') && !out.contains('⁽'), "{lines:?}: {out}");
    }
}

#[test]
fn a_defined_vector_by_itself_and_at_a_point() {
    assert_eq!(last_quiet(&[HELIX, "r(2)"]), "(cos(2), sin(2), 2)");
    assert_eq!(last_quiet(&[HELIX, "r(pi)"]), "(-1, 0, π)");
    assert_eq!(last_quiet(&[HELIX, "r"]), "(cos(t), sin(t), t)");
    assert_eq!(last_quiet(&[FIELD, "F(1, 2)"]), "(2, 5 + sin(2))");
    assert_eq!(last_quiet(&[FIELD, "F(y, x)"]), "(x·y², 5y + sin(x))");
}

#[test]
fn defined_vectors_in_ascii_latex_and_markdown() {
    let ascii = session(&[HELIX, "r''(t)", "|r'(2)|"], &["--ascii"]);
    assert!(ascii.is_ascii(), "{ascii}");
    assert!(
        ascii.contains("acceleration: r''(t) = (-cos(t), -sin(t), 0)"),
        "{ascii}"
    );
    assert!(
        ascii.contains("At t = 2: |r'(2)| = sqrt(2) ~ 1.414214"),
        "{ascii}"
    );
    let latex = session(&[HELIX, "r'(t)"], &["--format", "latex"]);
    assert!(
        latex.contains(r"r\left(t\right) = \left(\cos\left(t\right), \sin\left(t\right), t\right)"),
        "{latex}"
    );
    assert!(
        latex.contains(
            r"r'\left(t\right) = \begin{pmatrix} -\sin\left(t\right) \\ \cos\left(t\right) \\ 1 \end{pmatrix}"
        ),
        "{latex}"
    );
    let latex = session(&[HELIX, "r''(t)", "|r'(2)|"], &["--format", "latex"]);
    assert!(!latex.contains("verbatim"), "{latex}");
    let velocity = latex
        .find(r"r'\left(t\right) = \begin{pmatrix}")
        .expect("the velocity comes first");
    let acceleration = latex
        .find(r"r''\left(t\right) = \begin{pmatrix} -\cos\left(t\right)")
        .expect("then the acceleration");
    assert!(velocity < acceleration, "{latex}");
    assert!(
        latex.contains(r"\left|r'\left(2\right)\right| = \sqrt{2} \approx 1.414214"),
        "{latex}"
    );
    let markdown = session(&[FIELD, "jacobian(F)"], &["--format", "markdown"]);
    assert!(
        markdown.contains("**Defined:** $F\\left(x, y\\right) = \\left(x^{2} y"),
        "{markdown}"
    );
    assert!(
        markdown.contains(r"**Reading:** $\mathbf{J}\left(F\right)$"),
        "{markdown}"
    );
}

#[test]
fn a_vector_where_one_value_belongs_is_a_clear_error() {
    for (lines, message, place) in [
        (
            &[HELIX, "r + 1"][..],
            "r is a vector, (cos(t), sin(t), t), not a single value",
            "r",
        ),
        (
            &[FIELD, "d/dx F"],
            "F is a vector, (x²·y, 5x + sin(y)), not a single value",
            "F",
        ),
        (&[FIELD, "grad F"], "F is a vector", "F"),
        (&[FIELD, "hessian(F)"], "F is a vector", "F"),
        (&[HELIX, "sin(r(t))"], "r is a vector", "r(t)"),
        (&[HELIX, "integrate r dt"], "r is a vector", "r"),
        (&[HELIX, "g(t) = r(t) + 1"], "r is a vector", "r(t)"),
        (
            &[FIELD, "∂F/∂x"],
            "its partial derivatives fill a matrix",
            "F",
        ),
        (
            &[FIELD, "F'(x, y)"],
            "a prime does not say which one to nudge",
            "F",
        ),
        (
            &[HELIX, "r'(2t)"],
            "r′ takes one letter or one number",
            "2t",
        ),
        (&[HELIX, "r'(2) at t = 3"], "already has its point", "3"),
        (
            &[HELIX, "r'(t) at (1, 2)"],
            "this moves with t alone",
            "1, 2",
        ),
        (&[HELIX, "r'(t) at x = 1"], "this moves with t alone", "1"),
        (
            &[HELIX, "|r(2t)|"],
            "r takes one letter or one number",
            "2t",
        ),
        (
            &["r(t) = (ln t, t)", "r'(0)"],
            "a logarithm needs a positive input",
            "0",
        ),
        (&["u(t) = (t, 1/t)", "u(0)"], "1/0 has no value", "u(0)"),
        (&["(ln 0, 1)"], "ln(0) has no value", "ln 0"),
    ] {
        let mut cmd = Command::cargo_bin("nudge").expect("binary");
        cmd.args(["--format", "json"]);
        for line in lines {
            cmd.args(["-e", line]);
        }
        let out = cmd.output().expect("runs");
        assert_eq!(out.status.code(), Some(1), "{lines:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let v: Value =
            serde_json::from_str(stdout.lines().last().unwrap_or_default()).expect("json");
        let got = v["error"]["message"].as_str().unwrap_or_default();
        assert!(!got.is_empty() && got.contains(message), "{lines:?}: {got}");
        let input = lines.last().copied().unwrap_or_default();
        if let (Some(start), Some(end)) = (v["error"]["start"].as_u64(), v["error"]["end"].as_u64())
        {
            let pointed: String = input
                .chars()
                .skip(start as usize)
                .take((end - start) as usize)
                .collect();
            assert!(pointed.contains(place), "{lines:?}: points at {pointed:?}");
        } else {
            assert!(place.is_empty(), "{lines:?}: no place given");
        }
    }
}

#[test]
fn a_capital_name_that_is_not_defined_still_says_to_list_the_outputs() {
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .args([
            "--color",
            "never",
            "-e",
            FIELD,
            "-e",
            "undef F",
            "-e",
            "jacobian(F)",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("F is a single variable here"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Forgot F(x, y) = (x²·y, 5x + sin(y))."));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_defined_jacobian_matches_central_differences(
        f in smooth(),
        g in smooth(),
        (x, y) in (-1.5f64..1.5, -1.5f64..1.5),
    ) {
        let mut s = Session::new();
        s.answer(&format!("F(x, y) = ({f}, {g})")).expect("defines");
        let query = format!("jacobian(F) at ({}, {})", typed(x), typed(y));
        let outcome = s.answer(&query).expect("answers");
        let Answer::Multivar(answer) = &outcome.answer else { panic!("{query}") };
        let nudge::engine::MultivarAnswer::Jacobian { at: Some(m), .. } = answer.as_ref() else {
            panic!("{query}")
        };
        let (x, y) = (read(x), read(y));
        let h = 1e-5;
        for (row, output) in m.values.iter().zip([expr(&f), expr(&g)]) {
            let numeric = [
                (at(&output, x + h, y) - at(&output, x - h, y)) / (2.0 * h),
                (at(&output, x, y + h) - at(&output, x, y - h)) / (2.0 * h),
            ];
            for (entry, n) in row.iter().zip(numeric) {
                prop_assert!(close(entry.approx, n, 1e-5), "{f}, {g}: {} against {n}", entry.approx);
            }
        }
    }

    #[test]
    fn a_defined_velocity_matches_central_differences(t in -2.0f64..2.0) {
        let curve = ["3 cos(2t)", "3 sin(2t)", "t^2", "e^(t/2)"];
        let mut s = Session::new();
        s.answer(&format!("r(t) = ({})", curve.join(", "))).expect("defines");
        let query = format!("r'({})", typed(t));
        let outcome = s.answer(&query).expect("answers");
        let Answer::Multivar(answer) = &outcome.answer else { panic!("{query}") };
        let nudge::engine::MultivarAnswer::Motion { motion, .. } = answer.as_ref() else {
            panic!("{query}")
        };
        let at_t = motion.at.as_ref().expect("a value at t");
        let t = read(t);
        let when = |e: &Expr, t: f64| eval(e, &|name| (name == "t").then_some(t)).expect("defined");
        let h = 1e-5;
        for (v, c) in at_t.vector.iter().zip(curve) {
            let p = expr(c);
            let numeric = (when(&p, t + h) - when(&p, t - h)) / (2.0 * h);
            let approx = v.approx.expect("a number");
            prop_assert!(close(approx, numeric, 1e-6), "{c} at {t}: {approx} against {numeric}");
        }
    }
}
