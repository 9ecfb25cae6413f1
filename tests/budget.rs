//! The work budget from outside: questions whose answers grow without bound stop with the
//! budget error, in a small address space and in bounded time; ordinary questions, deep
//! ones included, start and answer in that space; and a stop leaves the session going.
//!
//! Each run is the real binary under `ulimit -v` (a limit on address space), so memory is
//! measured by the kernel: a run that needed more would fail to allocate and abort.

use nudge::budget::{self, Limits};
use nudge::error::ErrorKind;
use proptest::prelude::*;
use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Terms per answer in these runs: a fraction of a second of work even in a debug build.
const TERMS: &str = "1000000";
/// Address space per run, in KiB: what the issue asks nudge to start and answer in.
const ADDRESS_SPACE_KIB: u32 = 1_000_000;
/// Far beyond what any run here takes, even on a loaded machine; before the budget these
/// questions ran for minutes.
const GENEROUS: Duration = Duration::from_secs(60);

/// Runs nudge with `args` under the address-space limit, `stdin` piped in.
fn nudge(args: &[&str], stdin: &str) -> Output {
    let script = format!("ulimit -v {ADDRESS_SPACE_KIB} && exec \"$0\" \"$@\"");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_nudge"))
        .args(args)
        .env("NUDGE_HISTORY", "")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nudge starts");
    let started = Instant::now();
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("stdin written");
    let output = child.wait_with_output().expect("nudge finishes");
    assert!(started.elapsed() < GENEROUS, "took {:?}", started.elapsed());
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `query` stops with the budget error that names `subject`, exits 1 (not a signal), and
/// prints no partial answer.
fn stops(query: &str, subject: &str) {
    let out = nudge(&["-q", "--max-terms", TERMS], &format!("{query}\n"));
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{query}: {err}");
    assert!(err.contains(subject), "{query}: {err}");
    assert!(err.contains("grows past 1 million terms"), "{query}: {err}");
    assert!(err.contains("nudge stops there"), "{query}: {err}");
    assert!(err.contains("help: ask for"), "{query}: {err}");
    assert!(out.stdout.is_empty(), "{query}: {}", text(&out.stdout));
}

#[test]
fn the_16th_derivative_of_x_to_the_x_stops() {
    stops("d^16/dx^16 x^x", "the 16th derivative of x^x");
}

#[test]
fn a_tower_and_a_nested_tangent_stop() {
    stops("d^10/dx^10 x^x^x", "the 10th derivative of x^x^x");
    stops(
        "d^100/dx^100 tan(tan(x))",
        "the 100th derivative of tan(tan(x))",
    );
}

#[test]
fn high_derivatives_of_powers_with_moving_exponents_stop() {
    stops(
        "diff(abs(x^atan(x)^2), x, 8)",
        "the 8th derivative of abs(x^atan(x)^2)",
    );
    stops("diff(sin(x)^x, x, 11)", "the 11th derivative of sin(x)^x");
}

#[test]
fn deep_compositions_whose_derivatives_grow_stop() {
    let exp = format!("d/dx {}x{}", "exp(".repeat(4990), ")".repeat(4990));
    stops(&exp, "the derivative of this expression");
    let sin = format!("d^2/dx^2 {}x{}", "sin(".repeat(600), ")".repeat(600));
    stops(&sin, "the 2nd derivative of this expression");
}

#[test]
fn a_json_stop_is_one_short_line_and_the_next_query_is_answered() {
    let out = nudge(
        &["--format", "json", "--max-terms", TERMS],
        "diff(x^atan(x), x, 8)\nd/dx x^2\n",
    );
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout)
        .expect("UTF-8")
        .lines()
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].len() < 2_000, "{} bytes", lines[0].len());
    let stop: serde_json::Value = serde_json::from_str(lines[0]).expect("JSON");
    assert_eq!(stop["error"]["code"], "budget_exceeded");
    let next: serde_json::Value = serde_json::from_str(lines[1]).expect("JSON");
    assert_eq!(next["result"], "2*x");
}

#[test]
fn the_default_limits_stop_within_the_small_address_space() {
    // Default terms and memory; the time limit cut short so the test stays quick.
    let out = nudge(&["-q", "--max-seconds", "2"], "d^16/dx^16 x^x\nd/dx x^3\n");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("the 16th derivative of x^x"), "{err}");
    assert!(err.contains("nudge stops there"), "{err}");
    assert!(!err.contains("memory allocation"), "{err}");
    // No spinner: stderr is not a terminal.
    assert!(!err.contains("still working"), "{err}");
    assert_eq!(text(&out.stdout), "3x²\n");
}

#[test]
fn ordinary_and_deep_questions_answer_in_the_small_address_space() {
    let out = nudge(&["-q", "-e", "d/dx sin(x^2)"], "");
    assert_eq!(text(&out.stdout), "2x·cos(x²)\n", "{}", text(&out.stderr));
    let deep = format!("d/dx {}x{}\n", "sin(".repeat(2000), ")".repeat(2000));
    let out = nudge(&["-q"], &deep);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("cos(sin(sin("));
}

#[test]
fn json_leaves_out_steps_past_a_megabyte_and_keeps_the_result() {
    let out = nudge(&["--format", "json"], "diff(x^atan(x), x, 6)\n");
    let line = text(&out.stdout);
    assert!(line.len() < 2_000_000, "{} bytes", line.len());
    let answer: serde_json::Value = serde_json::from_str(&line).expect("JSON");
    assert_eq!(answer["steps_omitted"], true);
    assert_eq!(answer["steps"], serde_json::json!([]));
    // The result is whole: it reads back as a formula with the order's own factors.
    let result = answer["result"].as_str().expect("a result");
    assert!(
        result.len() > 10_000 && !result.contains('…'),
        "{result:.200}"
    );
    // A smaller answer keeps its steps, unmarked.
    let out = nudge(&["--format", "json"], "diff(x^3 e^(2x) sin(x), x, 20)\n");
    let answer: serde_json::Value = serde_json::from_str(&text(&out.stdout)).expect("JSON");
    assert!(answer.get("steps_omitted").is_none());
    assert_eq!(answer["steps"].as_array().map(Vec::len), Some(20));
}

#[test]
fn text_collapses_the_repeated_orders_of_a_high_derivative() {
    let out = nudge(&[], "diff(x^3 e^(2x) sin(x), x, 20)\n");
    let shown = text(&out.stdout);
    assert!(
        shown.lines().count() < 1_500,
        "{} lines",
        shown.lines().count()
    );
    // Every order is still there, the later ones as their first rule and a count.
    assert_eq!(shown.matches("higher derivative: d/dx").count(), 20);
    assert!(shown.contains("more steps of the same kind"));
    assert!(
        shown.contains("d²⁰/dx²⁰ (x³·e^(2x)·sin(x)) ="),
        "{shown:.300}"
    );
}

#[test]
fn a_formula_too_large_to_write_out_is_refused_and_not_kept() {
    // Each definition doubles the written size of the last, sharing it in memory.
    let mut session = nudge::Session::new();
    session.answer("y1 = sin(x) + cos(x)").expect("defined");
    let refused = (2..=30).find_map(|i| {
        let line = format!("y{i} = sin(y{}) + cos(y{})", i - 1, i - 1);
        session.answer(&line).err().map(|e| (i, e))
    });
    let (i, error) = refused.expect("a definition past the bound is refused");
    assert_eq!(error.kind, ErrorKind::BudgetExceeded, "{error:?}");
    assert!(
        error.message.contains(&format!("the formula of y{i}"))
            && error.message.contains("terms written out"),
        "{error:?}"
    );
    // The refused name is not defined: it stays a plain letter.
    let next = session.answer(&format!("y{i} + 1")).expect("answered");
    assert!(next.result().is_some_and(|r| r.size() < 10), "{next:?}");
}

/// Expressions shaped by the grammar: the functions learners meet, powers with moving
/// exponents, products and quotients.
fn expression() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("x".to_string()),
        (1..9i32).prop_map(|n| n.to_string()),
        Just("e".to_string()),
    ];
    leaf.prop_recursive(4, 24, 2, |inner| {
        let f = prop_oneof![
            Just("sin"),
            Just("cos"),
            Just("tan"),
            Just("exp"),
            Just("ln"),
            Just("atan"),
            Just("sqrt"),
            Just("abs"),
        ];
        prop_oneof![
            (f, inner.clone()).prop_map(|(f, a)| format!("{f}({a})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})^({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})*({b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})/({b})")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("{a} + {b}")),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Every question, however high its order, is answered or stops with the budget error.
    #[test]
    fn every_derivative_is_answered_or_stopped(body in expression(), order in 1u32..40) {
        budget::set_limits(Limits {
            parts: 200_000,
            ..Limits::default()
        });
        let query = format!("d^{order}/dx^{order} {body}");
        match nudge::Session::new().answer(&query) {
            Ok(outcome) => prop_assert!(outcome.result().is_some(), "{query}"),
            Err(e) => prop_assert!(
                e.kind != ErrorKind::Cancelled && e.span.is_some(),
                "{query}: {e:?}"
            ),
        }
    }
}

#[cfg(unix)]
#[test]
fn a_long_one_shot_answer_shows_a_spinner_on_a_terminal() {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nudge"));
    cmd.env("TERM", "xterm")
        .env("NUDGE_HISTORY", "")
        .args(["-q", "--color", "never", "--max-seconds", "3"])
        .args(["-e", "d^16/dx^16 x^x"]);
    let mut p = rexpect::session::spawn_command(cmd, Some(30_000)).expect("spawned on a pty");
    // Its first frame comes after a second; under load the count may already be past 1.
    p.exp_string("still working: ")
        .expect("a spinner after a second");
    p.exp_string(" s (Ctrl-C stops it)")
        .expect("the spinner counts seconds");
    // The spinner's line is wiped before the error is written.
    p.exp_string("\r\x1b[K").expect("the spinner wiped");
    // Time, terms or memory, whichever a build reaches first.
    p.exp_string("the 16th derivative of x^x")
        .expect("the budget error");
    // On a terminal the message wraps between words to its width.
    p.exp_string("nudge stops").expect("the budget error");
    p.exp_string("there").expect("the budget error");
    p.exp_eof().expect("nudge ends");
}
