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

/// Each slip an exercise names is named by `check` too, in place of a point where the values
/// part; a point is given only when no slip explains the answer.
#[test]
fn check_names_the_slip_as_an_exercise_does() {
    let table = [
        // forgot the inner derivative
        (
            "check d/dx sin(x^2) = cos(x^2)",
            "multiply by the inner one",
        ),
        (
            "check d/dx (2x+1)^3 = 3(2x+1)^2",
            "the slope of the inside, 2x + 1, is 2",
        ),
        // the outside right, the inside's slope wrong
        (
            "check d/dx sin(x^2) = 2 cos(x^2)",
            "The outside is right; now multiply it by the slope of the inside, x², which is 2x",
        ),
        // the inside right, the outside wrong
        (
            "check d/dx sin(x^2) = 2x sin(x^2)",
            "The slope of the inside, 2x, is right; the outer part is not",
        ),
        // forgot to reduce the exponent
        (
            "check d/dx x^3 = 3x^3",
            "now also reduce the power of x by one",
        ),
        // the power lowered by two, not one: the issue's 6(2x+1)
        (
            "check d/dx (2x+1)^3 = 6(2x+1)",
            "goes down by exactly one, to 2, not to 1",
        ),
        // the exponent reduced but not brought down
        ("check d/dx x^5 = x^4", "also comes down in front"),
        // wrong sign in the quotient rule
        (
            "check d/dx x/(x+1) = (x + 1 + x)/(x+1)^2",
            "the quotient rule has a minus in the middle",
        ),
        // product rule as the product of the derivatives
        (
            "check d/dx x^2 sin x = 2x cos x",
            "multiplies the two derivatives",
        ),
        // lost constant
        (
            "check d/dx 3 sin x = cos x",
            "The constant factor 3 went missing",
        ),
        // sign
        ("check d/dx cos x = sin x", "wrong sign"),
    ];
    for (q, words) in table {
        let v = json(q);
        assert_eq!(v["right"], false, "{q}");
        let hint = v["hint"].as_str().expect("a hint");
        assert!(hint.contains(words), "{q}: {hint}");
        assert!(
            !hint.contains(" the answer is "),
            "{q}: a slip is named, so no point: {hint}"
        );
        assert!(
            v["witness"].is_object(),
            "{q}: the point is still in the data"
        );
        let (text, _) = nudge(&["-e", q]);
        assert!(text.contains(words), "{q}: {text}");
    }
    // No slip explains it: the first rule, and a point where the values part, in plain words.
    let v = json("check d/dx sin(x^2) = x^2");
    let hint = v["hint"].as_str().expect("a hint");
    assert!(hint.contains("Where to start: chain rule"), "{hint}");
    assert!(hint.contains(" the answer is "), "{hint}");
}

#[test]
fn markdown_and_latex_of_a_check_are_their_own_formats() {
    let q = "check d/dx sin(x^2) = 2 cos(x^2)";
    let (md, ok) = nudge(&["--format", "markdown", "-e", q]);
    assert!(ok, "{md}");
    assert!(md.starts_with("**Reading:** $"), "{md}");
    assert!(md.contains("*Not yet.* The outside is right"), "{md}");
    assert!(!md.contains("```"), "not a text block: {md}");
    let (tex, _) = nudge(&["--format", "latex", "-e", q]);
    assert!(tex.contains("\\emph{Not yet.}"), "{tex}");
}

/// p₁ − y₁ for cross-entropy after a softmax is right only when the targets add to 1: check
/// says so, rather than calling it wrong or right outright.
#[test]
fn prediction_minus_target_is_right_given_the_targets_add_to_one() {
    let loss = "-(y1 ln(softmax(z1, z2, z3)_1) + y2 ln(softmax(z1, z2, z3)_2) + y3 ln(softmax(z1, z2, z3)_3))";
    let q = format!("check ∂/∂z1 {loss} = softmax(z1, z2, z3)_1 - y1");
    let v = json(&q);
    assert_eq!(v["right"], false, "{v}");
    assert_eq!(v["right_given"], "y1 + y2 + y3 = 1", "{v}");
    let (text, _) = nudge(&["-e", &q]);
    assert!(text.contains("Right, given y1 + y2 + y3 = 1."), "{text}");
    let (quiet, _) = nudge(&["-q", "-e", &q]);
    assert_eq!(quiet, "right given y1 + y2 + y3 = 1\n");
    // The wrong target is wrong, assumption or not.
    let wrong = json(&format!("check ∂/∂z1 {loss} = softmax(z1, z2, z3)_1 - y2"));
    assert_eq!(wrong["right"], false);
    assert!(wrong.get("right_given").is_none(), "{wrong}");
}
