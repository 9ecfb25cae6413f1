//! The real `nudge` binary: every flag, both ways in, the JSON contract and exit codes.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::Stdio;

/// The binary with a clean colour environment, so the host's settings cannot leak in.
fn nudge() -> Command {
    let mut cmd = Command::cargo_bin("nudge").expect("the nudge binary is built");
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("nudge runs");
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// The JSON objects nudge printed, one per line, each parsed.
fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

const ESC: &str = "\u{1b}[";

// ---- -e ---------------------------------------------------------------------

#[test]
fn repeated_e_answers_each_query_in_order() {
    nudge()
        .args(["-q", "-e", "d/dx x^3", "-e", "d/dx sin x", "-e", "d/dx x^2"])
        .assert()
        .success()
        .stdout("3x²\ncos(x)\n2x\n");
}

#[test]
fn long_form_expression_flag_works() {
    nudge()
        .args(["-q", "--expression", "d/dx x^4"])
        .assert()
        .success()
        .stdout("4x³\n");
}

#[test]
fn with_e_stdin_is_not_read() {
    nudge()
        .args(["-q", "-e", "d/dx x^3"])
        .write_stdin("d/dx x^5\n")
        .assert()
        .success()
        .stdout("3x²\n");
}

#[test]
fn full_text_answer_has_reading_steps_and_result() {
    let out = stdout_of(nudge().args(["--color", "never", "-e", "d/dx sin(x^2)"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Reading: d/dx sin(x²)", "{out}");
    assert!(out.contains("chain rule"), "{out}");
    assert!(out.contains("power rule"), "{out}");
    assert!(out.contains("Let u = x²"), "{out}");
    assert_eq!(
        out.lines().rfind(|l| !l.is_empty()),
        Some("d/dx sin(x²) = 2x·cos(x²)"),
        "{out}"
    );
}

#[test]
fn text_answers_are_separated_by_a_blank_line() {
    let out = stdout_of(nudge().args(["--color", "never", "-e", "x^2", "-e", "y"]));
    assert_eq!(
        out,
        "Reading: x²\nSimplified: x²\n\nReading: y\nSimplified: y\n\n"
    );
}

// ---- stdin ------------------------------------------------------------------

#[test]
fn stdin_answers_one_query_per_line_skipping_blanks_and_comments() {
    nudge()
        .arg("-q")
        .write_stdin("d/dx x^3\n\n# a comment\n   \n   # an indented comment\n\td/dx x^2\n")
        .assert()
        .success()
        .stdout("3x²\n2x\n");
}

#[test]
fn stdin_accepts_windows_line_endings_and_a_missing_final_newline() {
    nudge()
        .arg("-q")
        .write_stdin("d/dx x^3\r\nd/dx x^2")
        .assert()
        .success()
        .stdout("3x²\n2x\n");
}

#[test]
fn empty_stdin_prints_nothing_and_succeeds() {
    nudge().write_stdin("").assert().success().stdout("");
    nudge()
        .write_stdin("# only comments\n\n")
        .assert()
        .success()
        .stdout("");
}

#[test]
fn stdin_text_mode_matches_e_mode() {
    let queries = ["d/dx (3x+1)^5", "∂/∂x (x^2 y + y^3)", "4.9"];
    let mut piped = nudge();
    piped
        .args(["--color", "never"])
        .write_stdin(queries.join("\n"));
    let mut one_shot = nudge();
    one_shot.args(["--color", "never"]);
    for q in queries {
        one_shot.args(["-e", q]);
    }
    assert_eq!(stdout_of(&mut piped), stdout_of(&mut one_shot));
}

// ---- --format json ------------------------------------------------------------

fn check_step(step: &Value) {
    // The contract's five keys, in this order; later additions (such as "latex") may sit between.
    let contract = ["rule", "before", "after", "note", "substeps"];
    let present: Vec<&str> = keys(step)
        .into_iter()
        .filter(|k| contract.contains(k))
        .collect();
    assert_eq!(present, contract, "{step}");
    let rule = step["rule"].as_str().expect("rule is a string");
    assert!(
        !rule.is_empty()
            && rule
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()),
        "rule ids are snake_case: {rule}"
    );
    for k in ["before", "after", "note"] {
        assert!(step[k].is_string(), "{k} is a string: {step}");
    }
    assert!(
        !step["note"].as_str().unwrap().is_empty(),
        "every step has a note: {step}"
    );
    for k in ["before", "after"] {
        assert!(step[k].as_str().unwrap().is_ascii(), "{k} is ASCII: {step}");
    }
    for s in step["substeps"].as_array().expect("substeps is a list") {
        check_step(s);
    }
}

fn rule_ids(step: &Value, into: &mut Vec<String>) {
    into.push(step["rule"].as_str().unwrap().to_string());
    for s in step["substeps"].as_array().unwrap() {
        rule_ids(s, into);
    }
}

const JSON_QUERIES: [&str; 8] = [
    "d/dx x^x",
    "∂/∂x (x^2 y + y^3)",
    "d/dx sin(x^2)",
    "d²/dx² x^4",
    "d/dx ln(x^2+1)",
    "d/dx arctan(x)/x",
    "4.9",
    "x^2 + x^2",
];

#[test]
fn json_is_one_object_per_query_in_order_with_the_contract_keys() {
    let out = stdout_of(
        nudge()
            .args(["--format", "json"])
            .write_stdin(JSON_QUERIES.join("\n# skipped\n\n")),
    );
    let objects = json_lines(&out);
    assert_eq!(objects.len(), JSON_QUERIES.len(), "{out}");
    for (obj, query) in objects.iter().zip(JSON_QUERIES) {
        assert_eq!(obj["input"], query);
        for k in ["input", "kind", "result", "unicode", "steps"] {
            assert!(obj.get(k).is_some(), "{k} missing: {obj}");
        }
        let ks = keys(obj);
        assert_eq!(&ks[..2], ["input", "kind"], "input and kind come first");
        assert!(obj["result"].as_str().unwrap().is_ascii(), "{obj}");
        for s in obj["steps"].as_array().expect("steps is a list") {
            check_step(s);
        }
    }
    let kinds: Vec<&str> = objects
        .iter()
        .map(|o| o["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "derivative",
            "partial",
            "derivative",
            "derivative",
            "derivative",
            "derivative",
            "value",
            "expression"
        ]
    );
    assert_eq!(objects[0]["result"], "x^x*(ln(x) + 1)");
    assert_eq!(objects[0]["unicode"], "x^x·(ln(x) + 1)");
    assert_eq!(objects[1]["result"], "2*x*y");
    assert_eq!(objects[2]["result"], "2*x*cos(x^2)");
    assert_eq!(objects[2]["unicode"], "2x·cos(x²)");
    assert_eq!(objects[3]["result"], "12*x^2");
    assert_eq!(objects[7]["result"], "2*x^2");
    assert_eq!(objects[6]["steps"], serde_json::json!([]));
}

#[test]
fn json_steps_name_the_rules_that_were_used() {
    let out = stdout_of(nudge().args([
        "--format",
        "json",
        "-e",
        "d/dx sin(x^2)",
        "-e",
        "d/dx x^x",
        "-e",
        "∂/∂x (x^2 y + y^3)",
        "-e",
        "d/dx sin(x)/x",
    ]));
    let objects = json_lines(&out);
    let ids = |o: &Value| {
        let mut v = Vec::new();
        for s in o["steps"].as_array().unwrap() {
            rule_ids(s, &mut v);
        }
        v
    };
    assert_eq!(ids(&objects[0]), ["chain", "sin", "power"]);
    let xx = ids(&objects[1]);
    assert_eq!(xx[0], "general_power", "{xx:?}");
    assert!(xx.contains(&"chain".to_string()) && xx.contains(&"product".to_string()));
    assert_eq!(ids(&objects[2])[0], "partial");
    assert_eq!(ids(&objects[3])[0], "quotient");
    let top = &objects[0]["steps"][0];
    assert_eq!(top["before"], "sin(x^2)");
    assert_eq!(top["after"], "2*x*cos(x^2)");
}

/// `result` is ASCII that nudge reads back to the same thing.
#[test]
fn json_result_parses_back_through_the_binary() {
    let queries = [
        "d/dx sin(x^2)",
        "d/dx x^x",
        "d/dx sqrt(x)",
        "d/dx 2^x",
        "d/dx log_2 x",
        "d/dx arcsin x",
        "d/dx 1/x^2",
        "d/dx e^(2x) sin(pi x)",
        "d/dx abs(x)",
        "d/dx θ^2 x",
        "d/dx w_1 x^3",
        "d/dx x^(1/3)",
        "d/dx (x+1)/(x-1)",
        "d/dx tan x",
        "d/dx sec x",
        "d/dx 4.9x^2",
        "d/dx -x^2",
    ];
    let mut cmd = nudge();
    cmd.args(["--format", "json"]);
    for q in queries {
        cmd.args(["-e", q]);
    }
    let objects = json_lines(&stdout_of(&mut cmd));
    assert_eq!(objects.len(), queries.len());
    for obj in &objects {
        let ascii = obj["result"].as_str().unwrap();
        let unicode = obj["unicode"].as_str().unwrap();
        // `-e=` so that a result starting with a minus is not taken for a flag.
        let again = stdout_of(nudge().args(["-q", "--ascii", &format!("-e={ascii}")]));
        assert_eq!(again.trim_end(), ascii, "{obj}");
        let again = stdout_of(nudge().args(["-q", &format!("-e={ascii}")]));
        assert_eq!(again.trim_end(), unicode, "{obj}");
        let again = stdout_of(nudge().args(["-q", &format!("-e={unicode}")]));
        assert_eq!(again.trim_end(), unicode, "{obj}");
    }
}

/// Each failure names its kind in `code`, a stable name a program can match on.
#[test]
fn json_errors_carry_their_kind() {
    let cases = [
        ("2 +* 3", "syntax"),
        ("undef q", "unknown_name"),
        ("help frobnicate", "unknown_topic"),
        ("integrate e^(x^2) dx", "no_antiderivative"),
        ("ddir x^2 + y^2 at (1, 2) along (0, 0)", "zero_direction"),
        ("x^2 + y^2 at (1, 2, 3)", "bad_point"),
        ("∫_0^1 1/x dx", "improper_integral"),
        ("sinn(x)", "unknown_function"),
        ("frob(x) + 1", "unknown_function"),
        ("1/0", "division_by_zero"),
        ("x/(2 - 2)", "division_by_zero"),
        ("0^-1", "division_by_zero"),
    ];
    let mut cmd = nudge();
    cmd.args(["--format", "json"]);
    for (query, _) in cases {
        cmd.args(["-e", query]);
    }
    let objects = json_lines(&stdout_of(&mut cmd));
    assert_eq!(objects.len(), cases.len());
    for ((query, code), obj) in cases.iter().zip(&objects) {
        assert_eq!(obj["input"], *query);
        assert_eq!(obj["error"]["code"], *code, "{obj}");
    }
}

#[test]
fn json_error_object_has_the_contract_shape() {
    let out = stdout_of(nudge().args(["--format", "json", "-e", "2 +* 3"]));
    let objects = json_lines(&out);
    assert_eq!(objects.len(), 1);
    let obj = &objects[0];
    assert_eq!(keys(obj), ["input", "error"]);
    assert_eq!(obj["input"], "2 +* 3");
    let err = &obj["error"];
    let ks = keys(err);
    assert_eq!(&ks[..4], ["code", "message", "start", "end"], "{err}");
    assert!(ks.len() == 4 || ks[4] == "help", "{err}");
    assert_eq!(err["code"], "syntax");
    assert!(
        err["message"].as_str().unwrap().contains("found '*'"),
        "{err}"
    );
    assert_eq!(err["start"], 3);
    assert_eq!(err["end"], 4);
}

#[test]
fn json_error_offsets_count_characters_not_bytes() {
    let input = "∂/∂x (x² +* y)";
    let out = stdout_of(nudge().args(["--format", "json", "-e", input]));
    let obj = &json_lines(&out)[0];
    let start = obj["error"]["start"].as_u64().unwrap() as usize;
    let end = obj["error"]["end"].as_u64().unwrap() as usize;
    // ∂ and ² are multi-byte: the byte offset of '*' would be 14.
    assert_eq!((start, end), (10, 11), "{obj}");
    assert_eq!(input.chars().nth(start), Some('*'));
}

#[test]
fn json_error_offsets_fall_inside_the_input() {
    let inputs = [
        "d/dx", "d/d x", "x^", ")(", "sinn(x)", "1/0", "ln 0", "θ + *", "",
    ];
    let mut cmd = nudge();
    cmd.args(["--format", "json"]);
    for i in inputs {
        cmd.args(["-e", i]);
    }
    let objects = json_lines(&stdout_of(&mut cmd));
    assert_eq!(objects.len(), inputs.len());
    for (obj, input) in objects.iter().zip(inputs) {
        assert_eq!(obj["input"], input);
        let start = obj["error"]["start"].as_u64().expect("start") as usize;
        let end = obj["error"]["end"].as_u64().expect("end") as usize;
        let len = input.chars().count();
        assert!(start <= end && end <= len + 1, "{obj}");
        assert!(!obj["error"]["message"].as_str().unwrap().is_empty());
    }
}

#[test]
fn json_mode_writes_errors_to_stdout_not_stderr() {
    nudge()
        .args(["--format", "json", "-e", "x^", "-e", "x"])
        .assert()
        .code(1)
        .stderr("");
}

// ---- --ascii ------------------------------------------------------------------

#[test]
fn ascii_prints_plain_maths() {
    nudge()
        .args([
            "-q",
            "--ascii",
            "-e",
            "d/dx sin(x^2)",
            "-e",
            "d/dx sqrt(x)",
            "-e",
            "d/dx 1/x",
            "-e",
            "π θ",
            "-e",
            "d/dx x^3",
        ])
        .assert()
        .success()
        .stdout("2*x*cos(x^2)\n1/(2*sqrt(x))\n-1/x^2\npi*theta\n3*x^2\n");
}

#[test]
fn ascii_full_answer_writes_every_expression_in_ascii() {
    let out = stdout_of(nudge().args(["--ascii", "--color", "never", "-e", "d/dx sin(x^2)"]));
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("Reading: ") && first.is_ascii(), "{out}");
    let last = out.lines().rfind(|l| !l.is_empty()).unwrap();
    assert_eq!(last, "d/dx sin(x^2) = 2*x*cos(x^2)");
    assert!(out.contains("d/dx x^2 = 2*x^(2-1) = 2*x"), "{out}");
    for ch in ['²', '√', 'π', '⁻', '−', '·'] {
        let offending: Vec<&str> = out
            .lines()
            .filter(|l| l.contains(ch) && !l.trim_start().starts_with(char::is_uppercase))
            .collect();
        assert!(offending.is_empty(), "{ch} in --ascii: {offending:?}");
    }
}

#[test]
fn ascii_output_has_no_unicode_maths_at_all() {
    let out = stdout_of(nudge().args([
        "--ascii",
        "--color",
        "never",
        "-e",
        "4.9",
        "-e",
        "d/dx sqrt(x)",
        "-e",
        "d/dx x ln x",
        "-e",
        "d/dx sin(x)/x",
    ]));
    for ch in ['≈', '√', '′', '×', '²', '−', '·'] {
        assert!(!out.contains(ch), "{ch} in --ascii output:\n{out}");
    }
}

/// A note's maths is printed in the chosen style, as the answer's is: `sqrt(x)`, never a
/// Unicode `√x` with its symbol swapped out afterwards (which gave "sqrtx").
#[test]
fn ascii_notes_print_their_maths_in_ascii() {
    let out = stdout_of(nudge().args([
        "--ascii",
        "-e",
        "y = sqrt(x)",
        "-e",
        "d/dx 2y",
        "-e",
        "tangent y at x = 4",
        "-e",
        "d/dx e^(x ln 2)",
    ]));
    let notes: Vec<&str> = out.lines().filter(|l| l.starts_with("Note:")).collect();
    assert_eq!(
        notes,
        [
            "Note: y stands for sqrt(x), as you defined it",
            "Note: y stands for sqrt(x), as you defined it",
            "Note: e^(x*ln(2)) is the same as 2^x, so nudge works with 2^x",
        ],
        "{out}"
    );
    let unicode = stdout_of(nudge().args(["-e", "y = sqrt(x)", "-e", "d/dx 2y"]));
    assert!(
        unicode.contains("\nNote: y stands for √x, as you defined it\n"),
        "{unicode}"
    );
}

// ---- --color ------------------------------------------------------------------

#[test]
fn no_colour_on_a_pipe_by_default() {
    let out = nudge()
        .args(["-e", "d/dx sin(x^2)", "-e", "x^"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains(ESC));
    assert!(!String::from_utf8_lossy(&out.stderr).contains(ESC));
}

#[test]
fn colour_always_forces_escapes_on_stdout_and_stderr() {
    let out = nudge()
        .args(["--color", "always", "-e", "d/dx sin(x^2)", "-e", "x^"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(ESC));
    assert!(String::from_utf8_lossy(&out.stderr).contains(ESC));
}

#[test]
fn colour_never_and_auto_on_a_pipe_print_none() {
    for when in ["never", "auto"] {
        let out = stdout_of(nudge().args(["--color", when, "-e", "d/dx sin(x^2)"]));
        assert!(!out.contains(ESC), "--color {when}: {out:?}");
    }
}

#[test]
fn clicolor_force_turns_colour_on_in_auto_mode() {
    let out = stdout_of(nudge().env("CLICOLOR_FORCE", "1").args(["-e", "d/dx x^2"]));
    assert!(out.contains(ESC), "{out:?}");
    let out = stdout_of(nudge().env("CLICOLOR_FORCE", "0").args(["-e", "d/dx x^2"]));
    assert!(
        !out.contains(ESC),
        "CLICOLOR_FORCE=0 does not force: {out:?}"
    );
}

#[test]
fn colour_never_beats_clicolor_force() {
    let out = stdout_of(
        nudge()
            .env("CLICOLOR_FORCE", "1")
            .args(["--color", "never", "-e", "d/dx x^2"]),
    );
    assert!(!out.contains(ESC), "{out:?}");
}

#[test]
fn no_color_keeps_auto_plain() {
    let out = stdout_of(nudge().env("NO_COLOR", "1").args(["-e", "d/dx x^2"]));
    assert!(!out.contains(ESC), "{out:?}");
}

#[test]
fn bad_colour_choice_is_a_usage_error() {
    nudge()
        .args(["--color", "sometimes", "-e", "x"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn json_never_carries_colour_escapes() {
    let out = stdout_of(nudge().args([
        "--color",
        "always",
        "--format",
        "json",
        "-e",
        "d/dx sin(x^2)",
        "-e",
        "x^",
    ]));
    assert!(!out.contains(ESC), "{out:?}");
    assert_eq!(json_lines(&out).len(), 2);
}

// ---- -q, --version, --help ---------------------------------------------------------

#[test]
fn quiet_prints_only_the_result_line() {
    nudge()
        .args(["-q", "-e", "d/dx sin(x^2)"])
        .assert()
        .success()
        .stdout("2x·cos(x²)\n");
    nudge()
        .args(["--quiet", "-e", "∂/∂x (x^2 + y^2)"])
        .assert()
        .success()
        .stdout("2x\n");
}

#[test]
fn quiet_values_show_the_exact_form_and_a_decimal() {
    nudge()
        .args(["-q", "-e", "49/10", "-e", "2^3^2", "-e", "1/3"])
        .assert()
        .success()
        .stdout("49/10 ≈ 4.9\n512\n1/3 ≈ 0.333333\n");
}

#[test]
fn a_typed_decimal_is_read_and_answered_in_decimals() {
    nudge()
        .args(["-q", "-e", "4.9", "-e", "d/dx 9.8 x^2", "-e", "0.1 + 0.2"])
        .assert()
        .success()
        .stdout("4.9\n19.6x\n0.3\n");
    let out = nudge()
        .args(["-e", "d/dx 9.8 x^2", "-e", "(1 + 1/12)^12"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Reading: d/dx (9.8·x²)"), "{text}");
    assert!(text.contains("= 19.6x\n"), "{text}");
    // A fraction no decimal ends: its decimal first, the exact form after.
    assert!(
        text.contains("Value: ≈ 2.613035 (exactly 23298085122481/8916100448256)"),
        "{text}"
    );
    // JSON keeps the exact form, which reads back equal.
    let out = nudge()
        .args(["--format", "json", "-e", "d/dx 9.8 x^2"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["result"], "98*x/5", "{json}");
}

#[test]
fn version_names_the_crate_version() {
    nudge()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("nudge {}\n", env!("CARGO_PKG_VERSION")));
    nudge()
        .arg("-V")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_lists_the_flags_and_has_examples() {
    let out = stdout_of(nudge().arg("--help"));
    for needle in [
        "--expression",
        "--format",
        "--ascii",
        "--color",
        "--quiet",
        "--version",
        "Examples:",
        "nudge -e 'd/dx sin(x^2)'",
        "| nudge",
        "--format json",
    ] {
        assert!(out.contains(needle), "--help lacks {needle:?}:\n{out}");
    }
    nudge().arg("--help").assert().success().stderr("");
    nudge()
        .arg("-h")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
}

// ---- exit codes ------------------------------------------------------------------

#[test]
fn exit_zero_when_every_query_is_answered() {
    nudge()
        .args(["-e", "d/dx x^2", "-e", "4.9"])
        .assert()
        .code(0);
}

#[test]
fn exit_one_when_a_query_fails_and_the_others_are_still_answered() {
    nudge()
        .args(["-q", "-e", "d/dx x^2", "-e", "2 +* 3", "-e", "d/dx x^3"])
        .assert()
        .code(1)
        .stdout("2x\n3x²\n")
        .stderr(predicate::str::contains("error:"));
    nudge()
        .arg("-q")
        .write_stdin("d/dx x^2\nsinn(x)\nd/dx x^3\n")
        .assert()
        .code(1)
        .stdout("2x\n3x²\n");
    let out = nudge()
        .args(["--format", "json"])
        .write_stdin("d/dx x^2\n)(\nd/dx x^3\n")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let objects = json_lines(&String::from_utf8(out).unwrap());
    assert_eq!(objects.len(), 3);
    assert_eq!(objects[0]["result"], "2*x");
    assert!(objects[1].get("error").is_some());
    assert_eq!(objects[2]["result"], "3*x^2");
}

#[test]
fn exit_two_on_usage_errors_with_nothing_on_stdout() {
    for args in [
        vec!["--format", "xml", "-e", "x"],
        vec!["--frobnicate"],
        vec!["-e"],
        vec!["--color"],
    ] {
        nudge()
            .args(&args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("error"));
    }
}

#[test]
fn usage_error_for_format_names_the_choices() {
    nudge()
        .args(["--format", "xml", "-e", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("text").and(predicate::str::contains("json")));
}

#[test]
fn e_accepts_a_query_that_starts_with_a_minus() {
    nudge()
        .args(["-q", "-e", "-x^2"])
        .assert()
        .success()
        .stdout("-x²\n");
}

#[test]
fn e_with_equals_takes_a_query_that_starts_with_a_minus() {
    nudge()
        .args(["-q", "-e=-x^2", "--expression=-x^3"])
        .assert()
        .success()
        .stdout("-x²\n-x³\n");
}

// ---- closed pipe ----------------------------------------------------------------

/// Feeds many queries, reads one line of the answer, then closes the pipe.
fn close_early(args: &[&str]) -> (Option<i32>, String) {
    let bin = assert_cmd::cargo::cargo_bin("nudge");
    let mut child = std::process::Command::new(bin)
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nudge starts");
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for i in 0..20_000 {
            if writeln!(stdin, "d/dx x^{i} + sin({i}x)").is_err() {
                break;
            }
        }
    });
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(!first.is_empty(), "nudge printed something first");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    (status.code(), stderr)
}

#[test]
fn closed_pipe_does_not_panic_in_text_mode() {
    let (code, stderr) = close_early(&["--color", "never"]);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert_ne!(code, Some(101), "{stderr}");
}

#[test]
fn closed_pipe_does_not_panic_in_json_or_quiet_mode() {
    for args in [&["--format", "json"][..], &["-q"][..]] {
        let (code, stderr) = close_early(args);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(code, Some(101), "{args:?}: {stderr}");
    }
}

#[test]
fn closed_pipe_with_many_e_queries_does_not_panic() {
    let bin = assert_cmd::cargo::cargo_bin("nudge");
    let mut cmd = std::process::Command::new(bin);
    for i in 0..3000 {
        cmd.arg("-e").arg(format!("d/dx x^{i}"));
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(out.status.code(), Some(101));
}
