//! softmax(z1, z2, …) as a vector function of numbers: its values, one entry `softmax(…)_i`,
//! its Jacobian written with the shares s_i(δ_ij − s_j) = diag(s) − s sᵀ (checked against
//! central differences and proven equal to what the rules computed), log-sum-exp's gradient
//! recognised as softmax, and every format.

use nudge::engine::MultivarAnswer;
use nudge::engine::{DerivativeAnswer, ExpressionAnswer};
use nudge::expr::{eval, Expr};
use nudge::{Answer, Session};
use proptest::prelude::*;
use serde_json::Value;
use std::process::Command;

fn nudge(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_nudge"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("nudge runs");
    String::from_utf8(out.stdout).expect("UTF-8") + &String::from_utf8_lossy(&out.stderr)
}

fn text(q: &str) -> String {
    nudge(&["-e", q])
}

fn json(q: &str) -> Value {
    serde_json::from_str(&nudge(&["--format", "json", "-e", q])).expect("one JSON object")
}

fn multivar(q: &str) -> MultivarAnswer {
    match Session::new().answer(q).expect("answers").answer {
        Answer::Multivar(m) => *m,
        other => panic!("{q}: {other:?}"),
    }
}

fn expr(q: &str) -> Expr {
    match Session::new().answer(q).expect("reads").answer {
        Answer::Expression(ExpressionAnswer { result, .. }) => result,
        other => panic!("{q} is not an expression: {other:?}"),
    }
}

fn at(e: &Expr, z: [f64; 3]) -> f64 {
    eval(e, &|name| match name {
        "z1" | "s_1" => Some(z[0]),
        "z2" | "s_2" => Some(z[1]),
        "z3" | "s_3" => Some(z[2]),
        _ => None,
    })
    .expect("a value")
}

/// softmax of three numbers, computed here the way a framework does.
fn shares(z: [f64; 3]) -> [f64; 3] {
    let top = z.iter().cloned().fold(f64::MIN, f64::max);
    let e = z.map(|v| (v - top).exp());
    let sum: f64 = e.iter().sum();
    e.map(|v| v / sum)
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * (1.0 + a.abs().max(b.abs()))
}

#[test]
fn softmax_of_numbers_is_a_vector_of_shares_exact_and_decimal() {
    let shown = text("softmax(1, 2, 3)");
    assert!(
        shown.contains("Value: (e/(e + e² + e³), e²/(e + e² + e³), e³/(e + e² + e³))"),
        "{shown}"
    );
    let [a, b, c] = shares([1.0, 2.0, 3.0]);
    assert!(
        shown.contains(&format!("≈ ({a:.6}, {b:.6}, {c:.6})")),
        "{shown}"
    );
    let j = json("softmax(1, 2, 3)");
    let values: Vec<f64> = j["values"]
        .as_array()
        .expect("decimals")
        .iter()
        .map(|v| v.as_f64().expect("a number"))
        .collect();
    assert!(
        values
            .iter()
            .zip([a, b, c])
            .all(|(v, w)| close(*v, w, 1e-9)),
        "{j}"
    );
    assert!(close(values.iter().sum(), 1.0, 1e-12));
}

#[test]
fn one_entry_is_a_number_in_every_spelling() {
    let written = expr("e^z2/(e^z1 + e^z2 + e^z3)");
    for q in [
        "softmax(z1, z2, z3)_2",
        "softmax(z1, z2, z3)_{2}",
        "\\operatorname{softmax}(z1, z2, z3)_2",
        "\\text{softmax}(z1, z2, z3)_2",
    ] {
        assert_eq!(expr(q), written, "{q}");
    }
    let vector = match multivar("\\operatorname{softmax}(z1, z2, z3)") {
        MultivarAnswer::Literal { rows, .. } => rows,
        other => panic!("{other:?}"),
    };
    assert_eq!(vector[0][1], written);
}

#[test]
fn misuses_are_errors_that_say_what_to_ask() {
    let said = |q: &str| text(q);
    assert!(said("softmax(x)").contains("of one number is always 1"));
    assert!(said("x + softmax(a, b)").contains("is a vector, so it cannot stand inside a formula"));
    assert!(said("softmax(a, b) + 1").contains("is a vector"));
    assert!(said("softmax(a, b)_3").contains("there is no entry 3"));
    assert!(said("sin(x)_1").contains("could not read") || said("sin(x)_1").contains("error"));
    assert!(said("relu(x)_1").contains("is one number, so it has no entries"));
    assert!(said("softmax'(x, y)").contains("a prime does not say which one"));
    assert!(said("softmax x").contains("write its inputs in brackets"));
    // The next query still works.
    let mut s = Session::new();
    assert!(s.answer("softmax(a, b)_3").is_err());
    assert!(s.answer("softmax(a, b)_1").is_ok());
}

#[test]
fn the_jacobian_is_written_with_the_shares() {
    let MultivarAnswer::Jacobian {
        softmax: Some(shaped),
        rows,
        ..
    } = multivar("jacobian(softmax(z1, z2, z3))")
    else {
        panic!("a softmax Jacobian");
    };
    assert!(shaped.square);
    assert_eq!(rows.len(), 3);
    let s = |i: usize| Expr::var(&format!("s_{i}"));
    for i in 1..=3 {
        for j in 1..=3 {
            let want = if i == j {
                Expr::mul(vec![s(i), Expr::sub(Expr::one(), s(i))])
            } else {
                Expr::neg(Expr::mul(vec![s(i), s(j)]))
            };
            assert_eq!(shaped.entries[i - 1][j - 1], want, "entry ({i}, {j})");
        }
    }
    let shown = text("jacobian(softmax(z1, z2, z3))");
    assert!(
        shown.contains("The shape papers print: these outputs are softmax(z1, z2, z3)."),
        "{shown}"
    );
    assert!(shown.contains("∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ)"), "{shown}");
    assert!(
        shown.contains("Also written as: J = diag(s) - ssᵀ"),
        "{shown}"
    );
    // The same for the outputs typed out, found by what they are, not how they were typed.
    let typed = "jacobian((e^a/(e^a + e^b), e^b/(e^a + e^b)))";
    assert!(matches!(
        multivar(typed),
        MultivarAnswer::Jacobian {
            softmax: Some(_),
            ..
        }
    ));
    // Not for outputs that are not a softmax.
    let near = "jacobian((e^a/(e^a + e^b), 2e^b/(e^a + e^b)))";
    assert!(matches!(
        multivar(near),
        MultivarAnswer::Jacobian { softmax: None, .. }
    ));
}

#[test]
fn the_slope_by_one_input_is_a_column() {
    let MultivarAnswer::Jacobian {
        softmax: Some(shaped),
        vars,
        ..
    } = multivar("∂/∂z2 softmax(z1, z2, z3)")
    else {
        panic!("a column");
    };
    assert_eq!(vars.len(), 1);
    assert!(shaped.plain && !shaped.square);
    let s = |i: usize| Expr::var(&format!("s_{i}"));
    assert_eq!(
        shaped.entries[1][0],
        Expr::mul(vec![s(2), Expr::sub(Expr::one(), s(2))])
    );
    assert!(text("d/dz2 softmax(z1, z2, z3)").contains("one column of its Jacobian"));
    assert!(text("∂²/∂z2² softmax(z1, z2, z3)").contains("ask it of one entry"));
}

#[test]
fn inputs_that_are_formulas_carry_their_slopes() {
    let MultivarAnswer::Jacobian {
        softmax: Some(shaped),
        ..
    } = multivar("jacobian(softmax(2x, x y))")
    else {
        panic!("a softmax of formulas");
    };
    assert!(!shaped.plain);
    assert!(text("jacobian(softmax(2x, x y))").contains("each entry also carries the slope"));
}

#[test]
fn the_gradient_of_logsumexp_is_recognised_as_softmax() {
    let shown = text("grad logsumexp(z1, z2, z3)");
    assert!(
        shown.contains("Also written as: softmax(z1, z2, z3)"),
        "{shown}"
    );
    assert!(!text("grad ln(e^a + 2e^b)").contains("Also written as"));
    let j = json("grad logsumexp(z1, z2, z3)");
    assert_eq!(
        j["softmax"]["inputs"],
        serde_json::json!(["z1", "z2", "z3"])
    );
}

#[test]
fn every_format_carries_the_shares() {
    let q = "jacobian(softmax(z1, z2, z3))";
    let j = json(q);
    assert_eq!(j["kind"], "jacobian");
    let sm = &j["softmax"];
    assert_eq!(sm["letter"], "s");
    assert_eq!(sm["inputs"], serde_json::json!(["z1", "z2", "z3"]));
    assert_eq!(sm["matrix"], "diag(s) - s*s^T");
    assert_eq!(sm["entries"][0][1], "-s_1*s_2");
    // Each entry in the shares reads back, and equals the computed entry once s is written out.
    for (i, row) in sm["entries"].as_array().expect("rows").iter().enumerate() {
        for (k, entry) in row.as_array().expect("entries").iter().enumerate() {
            let shaped = expr(entry.as_str().expect("text"));
            let computed = expr(j["matrix"][i][k].as_str().expect("text"));
            let z = [0.3, -1.1, 0.7];
            let s = shares(z);
            let value = eval(&shaped, &|n| match n {
                "s_1" => Some(s[0]),
                "s_2" => Some(s[1]),
                "s_3" => Some(s[2]),
                _ => None,
            })
            .expect("a value");
            assert!(close(value, at(&computed, z), 1e-12), "({i}, {k})");
        }
    }
    let ascii = nudge(&["--ascii", "-e", q]);
    assert!(ascii.is_ascii(), "{ascii}");
    assert!(
        ascii.contains("ds_i/dz_j = s_i*(delta_ij - s_j)"),
        "{ascii}"
    );
    let latex = nudge(&["--format", "latex", "-e", q]);
    assert!(
        latex.contains(
            "s = \\operatorname{softmax}\\left(\\mathrm{z1}, \\mathrm{z2}, \\mathrm{z3}\\right)"
        ),
        "{latex}"
    );
    assert!(
        latex.contains(
            "J = \\operatorname{diag}\\left(\\mathbf{s}\\right) - \\mathbf{s} \\mathbf{s}^{\\top}"
        ),
        "{latex}"
    );
    let markdown = nudge(&["--format", "markdown", "-e", q]);
    assert!(markdown.contains("\\operatorname{diag}"), "{markdown}");
    let latex_in = nudge(&["-e", "jacobian(\\operatorname{softmax}(z_1, z_2, z_3))"]);
    assert!(
        latex_in.contains("Also written as: J = diag(s) - ssᵀ"),
        "{latex_in}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Every entry, as computed and as written with the shares, is the slope a central
    /// difference of the shares finds.
    #[test]
    fn the_jacobian_agrees_with_central_differences(
        z in proptest::array::uniform3(-3.0f64..3.0),
    ) {
        let MultivarAnswer::Jacobian { softmax: Some(shaped), rows, .. } =
            multivar("jacobian(softmax(z1, z2, z3))") else { panic!("a softmax Jacobian") };
        let h = 1e-5;
        let s = shares(z);
        for (i, (row, shaped_row)) in rows.iter().zip(&shaped.entries).enumerate() {
            for (j, (entry, in_s)) in row.iter().zip(shaped_row).enumerate() {
                let (mut up, mut down) = (z, z);
                up[j] += h;
                down[j] -= h;
                let numeric = (shares(up)[i] - shares(down)[i]) / (2.0 * h);
                let computed = at(&entry.result, z);
                let in_shares = at(in_s, s);
                prop_assert!(close(computed, numeric, 1e-6), "({i}, {j}): {computed} against {numeric}");
                prop_assert!(close(in_shares, numeric, 1e-6), "({i}, {j}): {in_shares} against {numeric}");
            }
        }
    }
}

#[test]
fn snapshots_of_the_steps() {
    insta::assert_snapshot!("softmax_jacobian_of_two", text("jacobian(softmax(a, b))"));
    insta::assert_snapshot!("softmax_column", text("∂/∂z2 softmax(z1, z2, z3)"));
    insta::assert_snapshot!("softmax_entry_slope", text("∂/∂z1 softmax(z1, z2, z3)_1"));
}

const CROSS_ENTROPY: &str = "∂/∂z1 -(y1 ln(softmax(z1, z2, z3)_1) + y2 ln(softmax(z1, z2, z3)_2) + y3 ln(softmax(z1, z2, z3)_3))";

#[test]
fn cross_entropy_after_softmax_is_prediction_minus_target_given_the_targets_add_to_one() {
    let shown = text(CROSS_ENTROPY);
    assert!(
        shown.contains(
            "Also written as: p_1 - y1, where p = softmax(z1, z2, z3), given y1 + y2 + y3 = 1"
        ),
        "{shown}"
    );
    assert!(shown.contains("the shape papers print:"), "{shown}");
    let j = json(CROSS_ENTROPY);
    let also = &j["also"];
    assert_eq!(also["shape"], "softmax_prediction_minus_target");
    assert_eq!(also["result"], "p_1 - y1");
    assert_eq!(also["given"], "y1 + y2 + y3 = 1");
    assert_eq!(
        also["softmax"]["inputs"],
        serde_json::json!(["z1", "z2", "z3"])
    );
    // By another score, with two classes: the same shape.
    let two = "d/dz2 -(y1 ln(softmax(z1, z2)_1) + y2 ln(softmax(z1, z2)_2))";
    assert!(text(two)
        .contains("Also written as: p_2 - y2, where p = softmax(z1, z2), given y1 + y2 = 1"));
}

#[test]
fn the_same_through_named_steps() {
    let mut s = Session::new();
    for line in [
        "p1 = softmax(z1, z2, z3)_1",
        "p2 = softmax(z1, z2, z3)_2",
        "p3 = softmax(z1, z2, z3)_3",
        "L = -(y1 ln(p1) + y2 ln(p2) + y3 ln(p3))",
    ] {
        s.answer(line).expect("defines");
    }
    let out = s.answer("∂L/∂z1").expect("answers");
    let Answer::Training(training) = &out.answer else {
        panic!("a chain: {:?}", out.answer);
    };
    let nudge::engine::Training::Chain(chain) = training.as_ref() else {
        panic!("a chain");
    };
    let known = chain.shape.as_ref().expect("the shape");
    assert_eq!(known.form, expr("p_1 - y1"));
    assert_eq!(known.given, Some(expr("y1 + y2 + y3")));
}

#[test]
fn one_shares_slope_is_read_off_the_shares() {
    let shown = text("∂/∂z2 softmax(z1, z2, z3)_1");
    assert!(
        shown.contains("Also written as: -s_1·s_2, where s = softmax(z1, z2, z3)"),
        "{shown}"
    );
    let shown = text("∂/∂z1 softmax(z1, z2, z3)_1");
    assert!(shown.contains("Also written as: s_1·(1 - s_1)"), "{shown}");
    // The sigmoid keeps its own shape: 1 + e^(-x) is not a softmax of letters.
    assert!(text("d/dx 1/(1 + e^(-x))").contains("Also written as: σ(x)·(1 - σ(x))"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// p₁ − y₁ is the slope exactly where the targets add to 1, and not elsewhere: the
    /// assumption is what makes it true.
    #[test]
    fn prediction_minus_target_holds_where_the_targets_add_to_one(
        z in proptest::array::uniform3(-3.0f64..3.0),
        (y1, y2) in (0.0f64..0.5, 0.0f64..0.5),
        off in 0.1f64..1.0,
    ) {
        let Answer::Derivative(DerivativeAnswer { result, .. }) = Session::new().answer(CROSS_ENTROPY).expect("answers").answer
            else { panic!("a derivative") };
        let p1 = shares(z)[0];
        for (y3, adds_to_one) in [(1.0 - y1 - y2, true), (1.0 - y1 - y2 + off, false)] {
            let value = eval(&result, &|n| match n {
                "z1" => Some(z[0]),
                "z2" => Some(z[1]),
                "z3" => Some(z[2]),
                "y1" => Some(y1),
                "y2" => Some(y2),
                "y3" => Some(y3),
                _ => None,
            })
            .expect("a value");
            prop_assert_eq!(close(value, p1 - y1, 1e-9), adds_to_one, "{} against {}", value, p1 - y1);
        }
    }
}

#[test]
fn latex_and_markdown_set_softmax_as_an_operator() {
    let md = nudge(&["--format", "markdown", "-e", CROSS_ENTROPY]);
    assert!(md.contains("Also written as: $p_{1} - \\mathrm{y1}$, where $p = \\operatorname{softmax}\\left(\\mathrm{z1}, \\mathrm{z2}, \\mathrm{z3}\\right)$, given $\\mathrm{y1} + \\mathrm{y2} + \\mathrm{y3} = 1$"), "{md}");
    let tex = nudge(&["--format", "latex", "-e", "grad logsumexp(z1, z2)"]);
    assert!(
        tex.contains(
            "Also written as: $\\operatorname{softmax}\\left(\\mathrm{z1}, \\mathrm{z2}\\right)$"
        ),
        "{tex}"
    );
}
