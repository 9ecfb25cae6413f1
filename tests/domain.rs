//! Values only where they exist: a value, slope, gradient or Hessian at a point where the
//! function is undefined is an error that says why, on every route, in text and JSON.

use assert_cmd::Command;
use serde_json::Value;

/// Runs nudge with one `-e` per query and `extra` flags: (stdout, stderr, exit code).
fn nudge(queries: &[&str], extra: &[&str]) -> (String, String, i32) {
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

/// The last JSON object printed for `queries`.
fn last_json(queries: &[&str]) -> Value {
    let (out, _, _) = nudge(queries, &["--format", "json"]);
    let line = out.lines().last().expect("a JSON line");
    serde_json::from_str(line).expect("JSON")
}

/// (setup lines, the question, what the error must say, the text the caret must be under)
const ROUTES: [(&[&str], &str, &str, &str); 17] = [
    (
        &[],
        "d/dx ln(x) at x = -1",
        "ln(x) has no value at x = -1, so there is no slope there",
        "ln(x)",
    ),
    (
        &[],
        "d/dx sqrt(x)^2 at x = -4",
        "√x has no value at x = -4, so there is no slope there",
        "sqrt(x)",
    ),
    (
        &[],
        "sqrt(x)^2 at x = -4",
        "√x has no value at x = -4, so there is no value there",
        "sqrt(x)",
    ),
    (&[], "0^x at x = 0", "0 to the power 0 has no value", "0^x"),
    (&[], "d/dx 1/(x - 1) + x at x = 1", "divides by zero", ""),
    (
        &["f(x) = ln(x)"],
        "f'(-2)",
        "f(x) has no value at x = -2, so there is no slope there",
        "-2",
    ),
    (
        &["f(x) = ln(x)"],
        "f'(x) at x = -2",
        "f(x) has no value at x = -2, so there is no slope there",
        "f'(x)",
    ),
    (
        &["f(x) = ln(x)"],
        "d/dx f(x) at x = -2",
        "has no value at x = -2, so there is no slope there",
        "f(x)",
    ),
    (
        &["y = ln(x)"],
        "dy/dx at x = -3",
        "y has no value at x = -3, so there is no slope there",
        "",
    ),
    (
        &["x(t) = 5 + ln(t)"],
        "x'(-1)",
        "x(t) has no value at t = -1, so there is no slope there",
        "-1",
    ),
    (
        &[],
        "grad ln(x) + y at (-1, 2)",
        "ln(x) has no value at x = -1, y = 2, so there is no gradient there",
        "ln(x)",
    ),
    (
        &["g(x, y) = ln(x) + y"],
        "hessian g at (0, 1)",
        "g(x, y) has no value at x = 0, y = 1, so there is no Hessian there",
        "",
    ),
    (
        &[],
        "ddir sqrt(x) y at (-1, 1) along (1, 1)",
        "√x has no value at x = -1, y = 1, so there is no slope there",
        "sqrt(x)",
    ),
    (
        &[],
        "nudge sqrt(x)^2 at x = -4",
        "√x has no value at x = -4, so there is no slope there",
        "sqrt(x)",
    ),
    (
        &[],
        "tangent sqrt(x)^2 at x = -4",
        "√x has no value at x = -4, so there is no tangent line there",
        "sqrt(x)",
    ),
    (
        &[],
        "d/dt (ln t, t) at t = -1",
        "a logarithm needs a positive input, but here it gets -1",
        "-1",
    ),
    (
        &["r(t) = (sqrt(t), t)"],
        "r'(-1)",
        "needs a number that is not negative, but here it gets -1",
        "-1",
    ),
];

#[test]
fn every_route_refuses_a_point_where_the_function_is_undefined() {
    for (setup, query, message, under) in ROUTES {
        let mut lines = setup.to_vec();
        lines.push(query);
        let (_, err, code) = nudge(&lines, &[]);
        assert_eq!(code, 1, "{query}: {err}");
        assert!(err.contains(message), "{query}: {err}");
        let json = last_json(&lines);
        let e = &json["error"];
        assert!(
            e["message"].as_str().unwrap_or_default().contains(message),
            "{query}: {json}"
        );
        if !under.is_empty() {
            let (start, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
            let marked: String = query
                .chars()
                .skip(start as usize)
                .take((end - start) as usize)
                .collect();
            assert_eq!(marked, under, "{query}: the caret marks {marked:?}");
        }
    }
}

#[test]
fn points_inside_the_domain_still_have_values() {
    let (out, err, code) = nudge(
        &[
            "d/dx ln(x) at x = 2",
            "sqrt(x)^2 at x = 4",
            "d/dx x^(1/3) at x = -8",
            "grad ln(x) + y at (1, 2)",
        ],
        &["-q"],
    );
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "1/2 ≈ 0.5");
    assert_eq!(lines[1], "4");
    assert!(lines[2].starts_with("1/(3·(-8)^(2/3)) ≈ 0.0833"), "{out}");
    assert_eq!(lines[3], "(1, 1)");
}

#[test]
fn ln_of_zero_never_reaches_a_result() {
    let (out, _, code) = nudge(&["d/dx 0^x"], &[]);
    assert_eq!(code, 0);
    assert!(out.contains("d/dx 0^x = 0"), "{out}");
    assert!(out.contains("0^x is 0 wherever it has a value"), "{out}");
    assert!(!out.contains("ln"), "{out}");
    for query in ["d/dx ln(0)*x", "∫ ln(0) x dx"] {
        let json = last_json(&[query]);
        let e = &json["error"];
        assert!(
            e["message"]
                .as_str()
                .unwrap_or_default()
                .contains("a logarithm needs a positive input, but here it gets 0"),
            "{query}: {json}"
        );
        let (start, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
        let marked: String = query
            .chars()
            .skip(start as usize)
            .take((end - start) as usize)
            .collect();
        assert_eq!(marked, "ln(0)", "{query}");
    }
}

#[test]
fn a_lesson_that_asks_for_a_slope_outside_the_domain_is_reported() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("domain.nudge");
    std::fs::write(
        &path,
        "= Domain\n\n> d/dx ln(x) at x = -1 => -1\n? d/dx sqrt(x)^2 at x = -4\n",
    )
    .expect("write");
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .env("NO_COLOR", "1")
        .arg("--check")
        .arg(&path)
        .output()
        .expect("run nudge");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(
        all.contains("ln(x) has no value at x = -1, so there is no slope there"),
        "{all}"
    );
    assert!(
        all.contains("√x has no value at x = -4, so there is no slope there"),
        "{all}"
    );
}
