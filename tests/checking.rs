//! `check QUESTION = ANSWER`: right in any equal form, wrong with the hint an exercise gives and
//! a point where the values part; in text and in JSON, through the real binary.

use assert_cmd::Command;

fn nudge(args: &[&str]) -> (String, bool) {
    let out = Command::cargo_bin("nudge")
        .expect("the binary")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.success(),
    )
}

fn json(query: &str) -> serde_json::Value {
    let (out, ok) = nudge(&["--format", "json", "-e", query]);
    assert!(ok, "{query}: {out}");
    serde_json::from_str(out.trim()).expect("one JSON object")
}

#[test]
fn a_right_answer_is_right_in_any_equal_form() {
    for q in [
        "check d/dx sin(x^2) = 2x cos(x^2)",
        "check d/dx sin(x^2) = cos(x^2)*2*x",
        "check d/dx sin(x^2) = 2 x cos(x²)",
        "check ∫ x e^x dx = x e^x - e^x",
        "check ∫ x e^x dx = e^x (x - 1) + C",
        "check ∫_0^1 x dx = 1/2",
        "check d/dx σ(x) = e^(-x)/(1 + e^(-x))^2",
        "check d/dx tanh(x) = 1/cosh(x)^2",
    ] {
        let v = json(q);
        assert_eq!(v["kind"], "check", "{q}");
        assert_eq!(v["right"], true, "{q}: {v}");
        assert!(v.get("hint").is_none(), "{q}");
    }
}

#[test]
fn a_wrong_answer_gets_the_exercise_hint_and_a_point_where_the_values_part() {
    let v = json("check d/dx sin(x^2) = cos(x^2)");
    assert_eq!(v["right"], false);
    assert_eq!(v["expected"], "2*x*cos(x^2)");
    let hint = v["hint"].as_str().expect("a hint");
    assert!(hint.contains("outer derivative"), "{hint}");
    let w = &v["witness"];
    let x = w["point"]["x"].as_f64().expect("a point");
    let (expected, given) = (
        w["expected"].as_f64().unwrap(),
        w["given"].as_f64().unwrap(),
    );
    assert!((expected - 2.0 * x * (x * x).cos()).abs() < 1e-9, "{w}");
    assert!((given - (x * x).cos()).abs() < 1e-9, "{w}");

    let product = json("check d/dx x sin x = cos x");
    assert!(product["hint"]
        .as_str()
        .unwrap()
        .contains("multiplies the two derivatives"));
    let integral = json("check ∫ x e^x dx = x e^x");
    assert_eq!(integral["right"], false);
    assert!(integral["hint"]
        .as_str()
        .unwrap()
        .contains("should give back"));
}

#[test]
fn the_text_says_right_or_not_yet_and_never_gives_the_answer_away() {
    let (out, ok) = nudge(&["-e", "check d/dx x^3 = 3x"]);
    assert!(ok);
    assert!(out.contains("Reading: check d/dx x³ = 3·x"), "{out}");
    assert!(out.contains("Not yet."), "{out}");
    assert!(!out.contains("3x²"), "{out}");
    let (out, _) = nudge(&["-e", "check d/dx x^3 = x^2 * 3"]);
    assert!(out.contains("Right."), "{out}");
    let (out, _) = nudge(&[
        "-q",
        "-e",
        "check d/dx x^3 = 3x^2",
        "-e",
        "check d/dx x^3 = 3x",
    ]);
    assert_eq!(out, "right\nwrong\n");
}

#[test]
fn check_is_still_a_name_and_a_bad_question_is_an_error() {
    let (out, ok) = nudge(&["-e", "check = 3", "-e", "check + 1"]);
    assert!(ok, "{out}");
    assert!(out.contains("Value: 4"), "{out}");
    let (_, ok) = nudge(&["-e", "check d/dx = 3"]);
    assert!(!ok);
}
