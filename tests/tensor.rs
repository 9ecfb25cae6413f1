//! Sums, vectors and matrices (README "Vectors, matrices and sums"): every identity checked
//! against nudging each entry of concrete random matrices (central differences), slopes of
//! sums checked the same way, shape errors, the formats, and snapshots of the steps.

use assert_cmd::Command;
use nudge::engine::Answer;
use nudge::format::{render_text, TextOptions};
use nudge::tensor::{eval, Dense, IdentityAnswer, SumAnswer, Tensor, TensorAnswer};
use nudge::Session;
use proptest::prelude::*;
use serde_json::Value;
use std::collections::HashMap;

/// Answers `lines` in one session and returns the last answer.
fn last(lines: &[&str]) -> Answer {
    let mut session = Session::new();
    let mut answer = None;
    for line in lines {
        answer = Some(
            session
                .answer(line)
                .unwrap_or_else(|e| panic!("{line}: {e:?}"))
                .answer,
        );
    }
    answer.expect("a line")
}

fn identity(lines: &[&str]) -> IdentityAnswer {
    match last(lines) {
        Answer::Tensor(t) => match *t {
            TensorAnswer::Identity(a) => *a,
            other => panic!("{lines:?}: not an identity: {other:?}"),
        },
        other => panic!("{lines:?}: not a tensor answer: {other:?}"),
    }
}

fn sum_answer(lines: &[&str]) -> SumAnswer {
    match last(lines) {
        Answer::Tensor(t) => match *t {
            TensorAnswer::Sum(s) => s,
            other => panic!("{lines:?}: not a sum: {other:?}"),
        },
        other => panic!("{lines:?}: not a tensor answer: {other:?}"),
    }
}

fn size(d: &nudge::tensor::Dim) -> usize {
    match d {
        nudge::tensor::Dim::Size(n) => *n as usize,
        other => panic!("a concrete size, not {other:?}"),
    }
}

/// Random values for every name, from `seed`: symmetric where declared, and a square
/// matrix given a heavy diagonal so its determinant is positive.
fn values(a: &IdentityAnswer, seed: &[f64]) -> HashMap<String, Dense> {
    let mut k = 0;
    let mut next = || {
        k += 1;
        seed[k % seed.len()] * (1.0 + 0.1 * k as f64).sin()
    };
    a.shapes
        .iter()
        .map(|(name, shape)| {
            let (r, c) = (size(&shape.rows), size(&shape.cols));
            let mut d = Dense::new(r, c, (0..r * c).map(|_| next()).collect());
            if r == c && r > 1 {
                // Entries are below 2 in size, so a row's other entries add to less than
                // 2(r − 1): lifting the diagonal by 2r + 1 makes the matrix strictly diagonally
                // dominant with a positive diagonal, so invertible with det > 0 (log det is real).
                for i in 0..r {
                    d.data[i * c + i] += 2.0 * r as f64 + 1.0;
                    for j in 0..i {
                        if a.symmetric.iter().any(|s| **s == **name) {
                            d.data[i * c + j] = d.data[j * c + i];
                        }
                    }
                }
            }
            (name.to_string(), d)
        })
        .collect()
}

fn value_of(t: &Tensor, names: &HashMap<String, Dense>) -> Dense {
    eval(t, &|n| names.get(n).cloned(), &|_| None).unwrap_or_else(|| panic!("a value for {t:?}"))
}

/// The identity's answer beside central differences, one entry of the variable at a time.
fn check_identity(lines: &[&str], seed: &[f64]) -> Result<(), TestCaseError> {
    let a = identity(lines);
    let names = values(&a, seed);
    let claimed = value_of(&a.result, &names);
    let x = names[&*a.var].clone();
    let h = 1e-6;
    for k in 0..x.data.len() {
        let nudged = |step: f64| {
            let mut moved = names.clone();
            moved.get_mut(&*a.var).expect("the variable").data[k] += step;
            value_of(&a.of, &moved)
        };
        let (up, down) = (nudged(h), nudged(-h));
        for (out, (u, d)) in up.data.iter().zip(&down.data).enumerate() {
            let slope = (u - d) / (2.0 * h);
            // A gradient has the variable's shape; a Jacobian has a column per entry of it.
            let want = if a.jacobian {
                claimed.at(out, k)
            } else {
                claimed.data[k]
            };
            prop_assert!(
                (slope - want).abs() <= 1e-4 * (1.0 + want.abs()),
                "{lines:?}: entry {k}, output {out}: nudging gives {slope}, the identity {want}"
            );
        }
    }
    Ok(())
}

const IDENTITIES: &[&[&str]] = &[
    &["a, x: vector(3)", "∂/∂x a^T x"],
    &["x: vector(3)", "A: matrix(3, 3)", "∂/∂x x^T A x"],
    &["x: vector(3)", "A: symmetric matrix(3)", "∂/∂x x^T A x"],
    &["x: vector(4)", "∂/∂x ‖x‖²"],
    &["x: vector(4)", "∂/∂x ||x||"],
    &[
        "A: matrix(2, 4)",
        "x: vector(4)",
        "b: vector(2)",
        "∂/∂x ‖A x − b‖²",
    ],
    &[
        "W: matrix(2, 4)",
        "x: vector(4)",
        "y: vector(2)",
        "∂/∂W ||W x - y||^2",
    ],
    &["A: matrix(4, 2)", "W: matrix(2, 4)", "∂/∂W tr(A W)"],
    &["W: matrix(3, 3)", "∂/∂W log det W"],
    &["W: matrix(3, 3)", "∂/∂W det(W)"],
    &[
        "W: matrix(2, 4)",
        "x: vector(4)",
        "b: vector(2)",
        "∂/∂x (W x + b)",
    ],
    &["z: vector(3)", "∂/∂z σ(z)"],
    &["z: vector(4)", "∂/∂z softmax(z)"],
    &["x, y: vector(3)", "∂/∂x x · y"],
    &[
        "W: matrix(2, 3)",
        "x: vector(3)",
        "c: vector(2)",
        "∂/∂W c^T σ(W x)",
    ],
    &["a, x: vector(3)", "∂/∂x (a ⊙ x)^T (a ⊙ x)"],
    &[
        "A: matrix(3, 3)",
        "x, b: vector(3)",
        "∂/∂x (A x + b)^T (A x + b)",
    ],
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_identity_agrees_with_nudging_each_entry(seed in prop::collection::vec(-2.0f64..2.0, 5..12)) {
        for lines in IDENTITIES {
            check_identity(lines, &seed)?;
        }
    }

    #[test]
    fn the_slope_of_a_sum_agrees_with_nudging(
        data in prop::collection::vec(-2.0f64..2.0, 12),
        w in -2.0f64..2.0,
        b in -2.0f64..2.0,
    ) {
        for (var, line) in [
            ("w", "d/dw (1/n) Σ_{i=1}^{n} (y_i − (w x_i + b))^2"),
            ("b", "d/db (1/n) sum_i (y_i - (w x_i + b))^2"),
            ("w", "d/dw \\sum_{i=1}^{3} (y_i - w x_i)^2"),
            ("w", "d/dw Σ_{i=1}^{n} (ln(1 + e^(w x_i)) - w y_i)"),
            ("w", "d/dw Σ_{i=1}^{n} (y_i - σ(w x_i + b))^2"),
        ] {
            let s = sum_answer(&[line]);
            let letters = |moved: f64| {
                let data = data.clone();
                move |name: &str| -> Option<f64> {
                    let at = |base: &str| {
                        name.strip_prefix(base)?.parse::<usize>().ok().map(|k| data[(k * 2 + base.len()) % data.len()])
                    };
                    match name {
                        "n" => Some(5.0),
                        "w" => Some(if var == "w" { w + moved } else { w }),
                        "b" => Some(if var == "b" { b + moved } else { b }),
                        _ => at("x_").or_else(|| at("y_")),
                    }
                }
            };
            let value = |t: &Tensor, moved: f64| {
                eval(t, &|_| None, &letters(moved)).map(|d| d.data[0]).unwrap_or(f64::NAN)
            };
            let h = 1e-6;
            let slope = (value(&s.of, h) - value(&s.of, -h)) / (2.0 * h);
            let claimed = value(&s.result, 0.0);
            prop_assert!((slope - claimed).abs() <= 1e-4 * (1.0 + claimed.abs()), "{line}: {slope} by nudging, {claimed} from the steps");
        }
    }
}

#[test]
fn the_identities_come_out_in_the_books_form() {
    for (lines, want) in [
        (&["∂/∂x a^T x"][..], "a"),
        (&["∂/∂x x^T A x"], "(A + Aᵀ)x"),
        (
            &["A: symmetric matrix(n)", "x: vector(n)", "∂/∂x x^T A x"],
            "2Ax",
        ),
        (&["∂/∂x ‖x‖²"], "2x"),
        (&["∂/∂x ‖A x − b‖²"], "2Aᵀ(Ax - b)"),
        (&["∂/∂W ‖W x − y‖²"], "2(Wx - y)xᵀ"),
        (&["∂/∂W tr(A W)"], "Aᵀ"),
        (&["∂/∂W log det W"], "W⁻ᵀ"),
        (&["W: matrix(m, n)", "∂/∂x (W x + b)"], "W"),
        (&["z: vector(n)", "∂/∂z σ(z)"], "diag(σ′(z))"),
        (
            &["z: vector(n)", "∂/∂z softmax(z)"],
            "diag(softmax(z)) - softmax(z)softmax(z)ᵀ",
        ),
    ] {
        let a = identity(lines);
        assert_eq!(nudge::tensor::text(&a.result, true), want, "{lines:?}");
    }
}

#[test]
fn the_gradient_has_the_shape_of_the_variable() {
    let a = identity(&[
        "W: matrix(m, n)",
        "x: vector(n)",
        "y: vector(m)",
        "∂/∂W ‖W x − y‖²",
    ]);
    assert_eq!(a.result_shape, a.var_shape);
    assert!(!a.jacobian);
    let j = identity(&[
        "W: matrix(m, n)",
        "x: vector(n)",
        "b: vector(m)",
        "∂/∂x (W x + b)",
    ]);
    assert!(j.jacobian);
    assert_eq!(j.result_shape.size(true), "m×n");
}

#[test]
fn the_kronecker_delta_picks_out_one_term() {
    let s = sum_answer(&["∂/∂w_j Σ_i w_i x_i"]);
    assert_eq!(nudge::tensor::text(&s.result, true), "x_j");
    let text = said("∂/∂w_j Σ_i w_i x_i");
    assert!(
        text.contains("Only the term with i = j moves when w_j is nudged"),
        "{text}"
    );
    assert!(text.contains("Kronecker delta"), "{text}");
}

#[test]
fn a_small_sum_is_written_out_and_a_general_one_is_not() {
    let small = said("d/dw \\sum_{i=1}^{3} (y_i - w x_i)^2");
    assert!(small.contains("writes it out"), "{small}");
    assert!(small.contains("(y_3 - w·x_3)²"), "{small}");
    let general = said("d/dw (1/n) Σ_{i=1}^{n} (y_i − (w x_i + b))^2");
    assert!(
        general.contains("differentiates the general term once"),
        "{general}"
    );
    assert!(
        general.contains("-(2/n) Σ_{i=1}^{n} x_i·(y_i - w·x_i - b)"),
        "{general}"
    );
}

fn said(line: &str) -> String {
    let outcome = Session::new()
        .answer(line)
        .unwrap_or_else(|e| panic!("{line}: {e:?}"));
    render_text(
        &outcome,
        TextOptions {
            unicode: true,
            quiet: false,
        },
    )
}

fn error(lines: &[&str]) -> nudge::error::Error {
    let mut session = Session::new();
    let (last, setup) = lines.split_last().expect("a line");
    for line in setup {
        session.answer(line).expect(line);
    }
    session.answer(last).expect_err(last)
}

#[test]
fn shapes_that_do_not_fit_are_named_both() {
    let e = error(&["W: matrix(2, 3)", "x: vector(2)", "W x"]);
    assert_eq!(e.kind.code(), "shape_mismatch");
    assert!(
        e.message.contains("2×3") && e.message.contains("2×1"),
        "{}",
        e.message
    );
    let e = error(&["x: vector(n)", "A: matrix(m, n)", "x + A x"]);
    assert!(
        e.message.contains("n×1") && e.message.contains("m×1"),
        "{}",
        e.message
    );
    let e = error(&["x, y: vector(n)", "x y"]);
    assert!(
        e.help.as_deref().is_some_and(|h| h.contains("xᵀy")),
        "{e:?}"
    );
    let e = error(&["W: matrix(2, 3)", "det(W)"]);
    assert!(e.message.contains("only a square matrix"), "{}", e.message);
    let e = error(&["A: symmetric matrix(2, 3)"]);
    assert!(e.message.contains("square"), "{}", e.message);
}

#[test]
fn results_read_back_as_ascii_and_latex() {
    for line in [
        "∂/∂x x^T A x",
        "∂/∂x ‖A x − b‖²",
        "∂/∂W ‖W x − y‖²",
        "d/dw (1/n) Σ_{i=1}^{n} (y_i − (w x_i + b))^2",
    ] {
        let out = Command::cargo_bin("nudge")
            .expect("binary")
            .args(["--format", "json", "-e", line])
            .output()
            .expect("runs");
        let object: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        for key in ["result", "latex"] {
            let written = object[key].as_str().expect(key);
            let again = Session::new()
                .answer(written)
                .unwrap_or_else(|e| panic!("{written}: {e:?}"));
            let Answer::Tensor(t) = again.answer else {
                panic!("{written}")
            };
            let TensorAnswer::Shaped(s) = *t else {
                panic!("{written}")
            };
            assert_eq!(
                nudge::tensor::text(&s.expr, true),
                object["unicode"],
                "{line}: {key} {written}"
            );
        }
    }
}

#[test]
fn json_says_the_layout_and_the_shapes() {
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .args([
            "--format",
            "json",
            "-e",
            "W: matrix(m, n)",
            "-e",
            "∂/∂W ||W x - y||^2",
        ])
        .output()
        .expect("runs");
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines[0]["kind"], "declaration");
    assert_eq!(lines[0]["declared"][0]["shape"]["rows"], "m");
    let a = &lines[1];
    assert_eq!(a["kind"], "matrix_derivative");
    assert_eq!(a["layout"], "gradient");
    assert_eq!(a["result"], "2*(W*x - y)*x^T");
    assert_eq!(a["shape"]["rows"], "m");
    assert_eq!(a["shape"]["cols"], "n");
    assert_eq!(a["shapes"]["x"]["rows"], "n");
    assert_eq!(a["steps"][0]["rule"], "squared_length");
}

#[test]
fn the_steps_state_the_shapes() {
    insta::assert_snapshot!("x_transpose_a_x", said("∂/∂x x^T A x"));
    insta::assert_snapshot!("least_squares", said("∂/∂W ‖W x − y‖²"));
    insta::assert_snapshot!(
        "mse_by_w",
        said("d/dw (1/n) Σ_{i=1}^{n} (y_i − (w x_i + b))^2")
    );
    insta::assert_snapshot!("softmax_jacobian", {
        let mut session = Session::new();
        session.answer("z: vector(n)").expect("declared");
        render_text(
            &session.answer("∂/∂z softmax(z)").expect("answers"),
            TextOptions {
                unicode: true,
                quiet: false,
            },
        )
    });
}

/// A lesson's expected vector or matrix is checked in any equal form, and a wrong one fails.
#[test]
fn lesson_answers_with_vectors_and_matrices_are_checked_in_any_form() {
    let dir = tempfile::tempdir().expect("dir");
    let run = |body: &str| {
        let path = dir.path().join("l.nudge");
        std::fs::write(
            &path,
            format!("= Shapes\n\n> A: matrix(n, n)\n> x: vector(n)\n{body}\n"),
        )
        .expect("written");
        Command::cargo_bin("nudge")
            .expect("binary")
            .env("NUDGE_PROGRESS", dir.path().join("p"))
            .arg("--check")
            .arg(&path)
            .output()
            .expect("runs")
    };
    for right in ["A x + A^T x", "(A^T + A) x", "x^T A^T + x^T A"] {
        let expected = format!("> ∂/∂x x^T A x => {right}");
        let out = run(&expected);
        let transposed = right.starts_with("x^T");
        assert_eq!(
            out.status.success(),
            !transposed,
            "{right}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let out = run("> ∂/∂x x^T A x => 2 A x");
    assert!(!out.status.success(), "2Ax is right only for a symmetric A");
    let out = run("> A: symmetric matrix(n)\n> ∂/∂x x^T A x => 2 A x");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Templates with sizes {m} and {n} filled in by the property test below.
const SIZED: &[&[&str]] = &[
    &["a, x: vector({n})", "∂/∂x a^T x"],
    &["x: vector({n})", "A: matrix({n}, {n})", "∂/∂x x^T A x"],
    &["x: vector({n})", "A: symmetric matrix({n})", "∂/∂x x^T A x"],
    &[
        "A: matrix({m}, {n})",
        "x: vector({n})",
        "b: vector({m})",
        "∂/∂x ‖A x − b‖²",
    ],
    &[
        "W: matrix({m}, {n})",
        "x: vector({n})",
        "y: vector({m})",
        "∂/∂W ||W x - y||^2",
    ],
    &["A: matrix({n}, {m})", "W: matrix({m}, {n})", "∂/∂W tr(A W)"],
    &["W: matrix({n}, {n})", "∂/∂W det(W)"],
    &[
        "W: matrix({m}, {n})",
        "x: vector({n})",
        "b: vector({m})",
        "∂/∂x (W x + b)",
    ],
    &["z: vector({n})", "∂/∂z σ(z)"],
    &["z: vector({n})", "∂/∂z softmax(z)"],
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Entry by entry (the scalar engine on each entry) and by the identity give the same slopes.
    #[test]
    fn the_element_route_and_the_identity_agree(m in 2usize..=3, n in 2usize..=3) {
        for template in SIZED {
            let lines: Vec<String> = template
                .iter()
                .map(|l| l.replace("{m}", &m.to_string()).replace("{n}", &n.to_string()))
                .collect();
            let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
            let a = identity(&refs);
            let route = a.by_entries.as_ref().unwrap_or_else(|| panic!("{lines:?}: no entry route"));
            prop_assert!(route.agree, "{lines:?}: {:?} against {:?}", route.slopes, route.identity);
            let rows = route.slopes.len();
            let want = if a.jacobian { size(&a.of_shape.rows) } else { size(&a.var_shape.rows) };
            prop_assert_eq!(rows, want, "{:?}", lines);
        }
    }
}

#[test]
fn a_wrong_identity_would_not_agree_entry_by_entry() {
    let a = identity(&[
        "W: matrix(2, 3)",
        "x: vector(3)",
        "y: vector(2)",
        "∂/∂W ||W x - y||^2",
    ]);
    let route = a.by_entries.expect("the entry route");
    let wrong = nudge::tensor::entries(
        &Tensor::Mul(vec![Tensor::number(3), a.result.clone()]),
        nudge::tensor::Named {
            shapes: &a.shapes,
            symmetric: &a.symmetric,
        },
        &nudge::tensor::small,
    )
    .expect("entries");
    assert_ne!(format!("{wrong:?}"), format!("{:?}", route.slopes));
    assert!(route.agree);
}

#[test]
fn x_transpose_a_x_walks_from_index_form_to_matrix_form() {
    let text = said("∂/∂x x^T A x");
    assert!(text.contains("Σ_i Σ_j x_i A_ij x_j"), "{text}");
    assert!(text.contains("(Ax)_k + (Aᵀx)_k"), "{text}");
}

#[test]
fn read_says_the_notation_with_its_shapes() {
    let text = said("read x^T A x");
    assert!(text.contains("quadratic form: xᵀAx"), "{text}");
    assert!(text.contains("transpose: xᵀ"), "{text}");
    let text = said("? ∇_W ‖W x - y‖²");
    assert!(
        text.contains("a matrix the same shape as W (m×n)"),
        "{text}"
    );
    assert!(text.contains("squared length"), "{text}");
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .args([
            "--format",
            "json",
            "-e",
            "read tr(A W) + \\|x\\|_2 + a^T (b ⊙ c)",
        ])
        .output()
        .expect("runs");
    let object: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(object["kind"], "notation", "{object}");
    let shapes: Vec<&str> = object["explanations"]
        .as_array()
        .expect("explanations")
        .iter()
        .filter_map(|e| e["shape"].as_str())
        .collect();
    for want in ["trace", "norm", "hadamard", "matrix_product"] {
        assert!(shapes.contains(&want), "{want} in {shapes:?}");
    }
}

#[test]
fn the_mean_squared_error_over_w_and_b() {
    for line in [
        "grad (1/n) Σ_i (y_i - (w x_i + b))^2",
        "∇_{w, b} (1/n) Σ_{i=1}^{n} (y_i − (w x_i + b))^2",
    ] {
        let out = Command::cargo_bin("nudge")
            .expect("binary")
            .args(["--format", "json", "-e", line])
            .output()
            .expect("runs");
        let object: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(object["kind"], "sum_gradient", "{object}");
        assert_eq!(object["gradient"][0]["variable"], "w", "{object}");
        assert_eq!(object["gradient"][1]["variable"], "b", "{object}");
        assert_eq!(
            object["unicode"],
            "(-(2/n) Σ_{i=1}^{n} x_i·(y_i - w·x_i - b), -(2/n) Σ_{i=1}^{n} (y_i - w·x_i - b))"
        );
        let reading = object["reading"].as_str().expect("reading");
        assert!(
            Session::new().answer(reading).is_ok(),
            "{reading} reads back"
        );
    }
}

#[test]
fn latex_notes_set_each_identity_with_its_shape() {
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .args(["--format", "latex", "-e", "∂/∂x ‖A x − b‖²"])
        .output()
        .expect("runs");
    let latex = String::from_utf8_lossy(&out.stdout);
    assert!(latex.contains("\\begin{align*}"), "{latex}");
    assert!(
        latex.contains(
            "2 A^{\\top} \\left(A \\mathbf{x} - \\mathbf{b}\\right) \\in \\mathbb{R}^{n}"
        ),
        "{latex}"
    );
}
