//! Bad input gets a clear error with a caret, never a panic, and the next query is still answered.

use assert_cmd::Command;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

fn nudge() -> Command {
    let mut cmd = Command::cargo_bin("nudge").expect("the nudge binary is built");
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    cmd
}

/// A query that must always work, sent after each bad one.
const NEXT: &str = "d/dx x^3";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("nudge runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// The bad line then a good one on stdin, in text mode.
fn text_on_stdin(bad: &[u8]) -> Run {
    let mut input = bad.to_vec();
    input.push(b'\n');
    input.extend_from_slice(NEXT.as_bytes());
    input.push(b'\n');
    run(nudge().args(["-q", "--color", "never"]).write_stdin(input))
}

/// The bad line then a good one on stdin, as JSON Lines.
fn json_on_stdin(bad: &[u8]) -> (Run, Vec<Value>) {
    let mut input = bad.to_vec();
    input.push(b'\n');
    input.extend_from_slice(NEXT.as_bytes());
    input.push(b'\n');
    let r = run(nudge().args(["--format", "json"]).write_stdin(input));
    let objects = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    (r, objects)
}

/// Text mode: one clear error on stderr, the next answer on stdout, exit 1, no panic.
fn assert_text_error(r: &Run, message: &str) {
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_eq!(r.stdout, "3x²\n", "the next query is answered");
    assert!(
        r.stderr.starts_with("error: "),
        "stderr starts with the error: {}",
        r.stderr
    );
    assert!(
        r.stderr.contains(message),
        "expected {message:?} in:\n{}",
        r.stderr
    );
    assert_eq!(r.stderr.matches("error: ").count(), 1, "{}", r.stderr);
}

/// JSON mode: an error object, then the next answer.
fn assert_json_error(r: &Run, objects: &[Value], message: &str) -> (usize, usize) {
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert_eq!(r.code, Some(1));
    assert_eq!(objects.len(), 2, "{}", r.stdout);
    let err = &objects[0]["error"];
    assert!(
        err["message"].as_str().unwrap().contains(message),
        "expected {message:?} in {err}"
    );
    assert_eq!(objects[1]["input"], NEXT);
    assert_eq!(objects[1]["result"], "3*x^2");
    (
        err["start"].as_u64().unwrap() as usize,
        err["end"].as_u64().unwrap() as usize,
    )
}

/// The `   | input` and `   | ^^^` lines of a text error.
fn shown_and_caret(stderr: &str) -> (String, String) {
    let lines: Vec<&str> = stderr.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.starts_with("   | "))
        .unwrap_or_else(|| panic!("no input line in:\n{stderr}"));
    let shown = lines[i].strip_prefix("   | ").unwrap().to_string();
    let caret = lines
        .get(i + 1)
        .and_then(|l| l.strip_prefix("   | "))
        .unwrap_or_else(|| panic!("no caret line in:\n{stderr}"))
        .to_string();
    (shown, caret)
}

/// Column (display width) and width of the carets.
fn caret_position(caret_line: &str) -> (usize, usize) {
    let col = caret_line.find('^').expect("a caret");
    assert!(caret_line[..col].chars().all(|c| c == ' '));
    let width = caret_line[col..].chars().take_while(|&c| c == '^').count();
    (col, width)
}

/// Checks one bad input both ways, and that the caret sits where JSON's offsets say.
fn check(bad: &str, message: &str) {
    let r = text_on_stdin(bad.as_bytes());
    assert_text_error(&r, message);
    let (j, objects) = json_on_stdin(bad.as_bytes());
    let (start, end) = assert_json_error(&j, &objects, message);
    assert_eq!(objects[0]["input"], bad);
    let len = bad.chars().count();
    assert!(start <= end && start <= len, "{start}..{end} in {len}");
    let (shown, caret) = shown_and_caret(&r.stderr);
    assert_eq!(shown, bad);
    let (col, _) = caret_position(&caret);
    let prefix: String = bad.chars().take(start).collect();
    assert_eq!(col, prefix.width(), "caret column for {bad:?}: {caret:?}");
}

#[test]
fn derivative_with_nothing_after_it() {
    check("d/dx", "the line ended");
    let r = text_on_stdin(b"d/dx");
    assert!(
        r.stderr.contains("help: write what to differentiate"),
        "{}",
        r.stderr
    );
}

#[test]
fn space_inside_the_derivative_operator() {
    check("d/d x", "variable name right after the d");
    let r = text_on_stdin(b"d/d x");
    assert!(r.stderr.contains("d/dx"), "{}", r.stderr);
}

#[test]
fn power_with_no_exponent() {
    check("x^", "the line ended");
}

#[test]
fn closing_bracket_first() {
    check(")(", "found ')'");
}

#[test]
fn two_operators_in_a_row() {
    check("2 +* 3", "found '*'");
    let r = text_on_stdin(b"2 +* 3");
    assert!(
        r.stderr
            .contains("expected a number, a variable, a function or '('"),
        "says what was expected, in words: {}",
        r.stderr
    );
}

#[test]
fn unknown_function_close_to_a_known_one() {
    check("sinn(x)", "unknown function 'sinn'");
    for (typo, known) in [
        ("sinn(x)", "sin"),
        ("coss(x)", "cos"),
        ("lnn(x)", "ln"),
        ("sqr(x)", "sqrt"),
        ("arcsinn(x)", "arcsin"),
    ] {
        let r = text_on_stdin(typo.as_bytes());
        assert!(
            r.stderr.contains(&format!("help: did you mean '{known}'?")),
            "{typo}: {}",
            r.stderr
        );
        let (j, objects) = json_on_stdin(typo.as_bytes());
        assert_eq!(j.code, Some(1));
        assert_eq!(
            objects[0]["error"]["help"],
            format!("did you mean '{known}'?")
        );
    }
    let (_, caret) = shown_and_caret(&text_on_stdin(b"sinn(x)").stderr);
    assert_eq!(caret_position(&caret), (0, 4), "the caret covers the name");
}

#[test]
fn a_logarithm_base_of_one_or_less() {
    check("log_1 x", "a logarithm's base must be positive and not 1");
    check(
        "d/dx log_0(x)",
        "a logarithm's base must be positive and not 1",
    );
    check(
        r"\log_{1} x",
        "a logarithm's base must be positive and not 1",
    );
}

#[test]
fn division_by_zero() {
    check("1/0", "division by zero");
    check("d/dx x^(1/0)", "division by zero");
}

#[test]
fn empty_expression_argument() {
    let r = run(nudge().args(["-q", "--color", "never", "-e", "", "-e", NEXT]));
    assert_text_error(&r, "nothing to read");
    let r = run(nudge().args(["--format", "json", "-e", "", "-e", NEXT]));
    let objects: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(r.code, Some(1));
    assert_eq!(objects.len(), 2);
    assert_eq!(objects[0]["input"], "");
    assert!(objects[0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("nothing to read"));
    assert_eq!(objects[1]["result"], "3*x^2");
}

#[test]
fn a_one_megabyte_line() {
    let line = format!("{}x", "x+".repeat(500_000));
    assert!(line.len() > 1_000_000);
    let r = text_on_stdin(line.as_bytes());
    assert_text_error(&r, "long");
    let (shown, _) = shown_and_caret(&r.stderr);
    assert!(shown.len() <= 200, "the shown line is cut short");
    let (j, objects) = json_on_stdin(line.as_bytes());
    assert_json_error(&j, &objects, "long");
}

#[test]
fn a_one_megabyte_line_with_no_newline_at_the_end() {
    let line = "y".repeat(1 << 20);
    let r = run(nudge().args(["-q"]).write_stdin(line));
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("long"), "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"));
}

#[test]
fn ten_thousand_nested_brackets() {
    let line = format!("{}x{}", "(".repeat(10_000), ")".repeat(10_000));
    let r = text_on_stdin(line.as_bytes());
    assert_text_error(&r, "nested");
    let (j, objects) = json_on_stdin(line.as_bytes());
    assert_json_error(&j, &objects, "nested");
}

#[test]
fn ten_thousand_unclosed_brackets_and_minus_signs() {
    for line in [
        "(".repeat(10_000),
        format!("{}x", "-".repeat(100_000)),
        format!("{}x", "√".repeat(10_000)),
    ] {
        let r = text_on_stdin(line.as_bytes());
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        assert_eq!(r.code, Some(1), "{}", &line[..20]);
        assert!(r.stdout.ends_with("3x²\n"), "{}", r.stdout);
    }
}

#[test]
fn ten_thousand_bare_functions_in_a_row_are_refused_like_brackets() {
    let line = format!("d/dx {}x", "sin ".repeat(10_000));
    let r = run(nudge()
        .args(["-q", "-e", &line, "-e", NEXT])
        .timeout(std::time::Duration::from_secs(10)));
    assert_eq!(r.code, Some(1), "refused within 10 s");
    assert!(r.stderr.contains("nested"), "{}", r.stderr);
    assert_eq!(r.stdout, "3x²\n");
}

#[test]
fn a_thousand_bare_functions_in_a_row_are_answered() {
    // `sin sin x` reads as sin(sin(x)).
    let line = format!("d/dx {}x", "sin ".repeat(1000));
    let r = text_on_stdin(line.as_bytes());
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let mut lines = r.stdout.lines();
    let result = lines.next().unwrap();
    assert_eq!(result.matches("cos(").count(), 1000);
    assert_eq!(lines.next(), Some("3x²"));
}

#[test]
fn thirty_nested_absolute_value_bars_are_read() {
    let line = format!("{}x{}", "|".repeat(30), "|".repeat(30));
    let r = run(nudge()
        .args(["-q", "-e", &line, "-e", NEXT])
        .timeout(std::time::Duration::from_secs(60)));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, "|x|\n3x²\n");
}

#[test]
fn ten_thousand_nested_absolute_value_bars_are_refused_quickly() {
    let line = format!("{}x{}", "|".repeat(10_000), "|".repeat(10_000));
    let r = run(nudge()
        .args(["-q", "-e", &line, "-e", NEXT])
        .timeout(std::time::Duration::from_secs(20)));
    assert_eq!(r.code, Some(1), "nudge finished within 20 s with an error");
    assert!(r.stderr.contains("bars | in a row"), "{}", r.stderr);
    assert!(r.stdout.ends_with("3x²\n"), "{}", r.stdout);
}

#[test]
fn functions_left_open_are_rejected_quickly() {
    let line = format!("{}x", "sin(".repeat(30));
    let r = run(nudge()
        .args(["-q", "-e", &line, "-e", NEXT])
        .timeout(std::time::Duration::from_secs(10)));
    assert_eq!(r.code, Some(1), "nudge finished within 10 s");
    assert!(r.stderr.contains("left open"), "{}", r.stderr);
    assert_eq!(r.stdout, "3x²\n");
}

#[test]
fn a_few_functions_left_open_get_an_error() {
    let r = text_on_stdin(b"sin(sin(sin(x");
    assert_text_error(&r, "the line ended");
    assert!(r.stderr.contains("3 bracket(s) left open"), "{}", r.stderr);
}

#[test]
fn invalid_utf8_on_stdin() {
    let bad = b"x + \xff\xfe 2";
    let r = text_on_stdin(bad);
    assert_text_error(&r, "UTF-8");
    let (shown, caret) = shown_and_caret(&r.stderr);
    assert_eq!(shown, "x + \u{fffd}\u{fffd} 2");
    assert_eq!(
        caret_position(&caret).0,
        4,
        "the caret is on the first bad byte"
    );
    let (j, objects) = json_on_stdin(bad);
    let (start, _) = assert_json_error(&j, &objects, "UTF-8");
    assert_eq!(start, 4);
}

#[test]
fn invalid_utf8_between_good_lines() {
    nudge()
        .arg("-q")
        .write_stdin(&b"d/dx x^2\n\xc3\x28\n\x80\nd/dx x^3\n"[..])
        .assert()
        .code(1)
        .stdout("2x\n3x²\n");
}

#[test]
fn every_error_in_one_stream_and_every_good_line_answered() {
    let mut input: Vec<u8> = Vec::new();
    let bad: [&[u8]; 9] = [
        b"d/dx", b"d/d x", b"x^", b")(", b"2 +* 3", b"sinn(x)", b"1/0", b"\xff", b"((((((",
    ];
    for b in bad {
        input.extend_from_slice(b);
        input.extend_from_slice(b"\nd/dx x^2\n");
    }
    let r = run(nudge().arg("-q").write_stdin(input.clone()));
    assert_eq!(r.code, Some(1));
    assert_eq!(r.stdout, "2x\n".repeat(bad.len()));
    assert_eq!(
        r.stderr.matches("error: ").count(),
        bad.len(),
        "{}",
        r.stderr
    );
    let r = run(nudge().args(["--format", "json"]).write_stdin(input));
    let objects: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects.len(), 2 * bad.len());
    for pair in objects.chunks(2) {
        assert!(pair[0].get("error").is_some(), "{}", pair[0]);
        assert_eq!(pair[1]["result"], "2*x");
    }
}

// ---- the caret: display width, not bytes ---------------------------------------------

fn caret_of(input: &str) -> (usize, usize) {
    let r = run(nudge().args(["--color", "never", "-e", input]));
    assert_eq!(r.code, Some(1), "{input} is an error");
    let (shown, caret) = shown_and_caret(&r.stderr);
    assert_eq!(shown, input);
    caret_position(&caret)
}

#[test]
fn caret_counts_display_columns_for_unicode_input() {
    assert_eq!(caret_of("2 +* 3"), (3, 1));
    // ∂ and ² are one column each but several bytes.
    assert_eq!(caret_of("∂/∂x (x² +* y)"), (10, 1));
    assert_eq!(caret_of("θ·θ +* 2"), (5, 1));
    assert_eq!(caret_of("√x − ×"), (5, 1));
    // A wide character is two columns: the carets cover both.
    assert_eq!(caret_of("x + 中"), (4, 2));
    assert_eq!(caret_of("x + 😀 + 1"), (4, 2));
    assert_eq!(caret_of("d/dx x２"), (6, 2));
}

#[test]
fn caret_lines_up_after_a_tab() {
    let r = run(nudge().args(["--color", "never", "-e", "\t2 +* 3"]));
    let (shown, caret) = shown_and_caret(&r.stderr);
    let expand = |s: &str| {
        let mut out = String::new();
        for ch in format!("   | {s}").chars() {
            if ch == '\t' {
                out.push(' ');
                while !out.chars().count().is_multiple_of(8) {
                    out.push(' ');
                }
            } else {
                out.push(ch);
            }
        }
        out
    };
    let star = expand(&shown).find('*').unwrap();
    let hat = expand(&caret).find('^').unwrap();
    assert_eq!(hat, star);
}

// ---- deep but fine ---------------------------------------------------------------

fn nested_sin(depth: usize) -> String {
    format!("{}x{}", "sin(".repeat(depth), ")".repeat(depth))
}

#[test]
fn two_thousand_nested_sines_differentiate() {
    let depth = 2000;
    let query = format!("d/dx {}", nested_sin(depth));
    let r = run(nudge().args(["-q", "-e", &query, "-e", NEXT]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"));
    let mut lines = r.stdout.lines();
    let result = lines.next().unwrap();
    assert_eq!(lines.next(), Some("3x²"));
    assert!(result.starts_with("cos(sin("), "{}", &result[..80]);
    // The chain rule gives one factor cos(sinᵏ(x)) for each k = 0…1999.
    assert_eq!(result.matches("cos(").count(), depth);
    assert_eq!(result.matches("sin(").count(), depth * (depth - 1) / 2);
    assert!(result.contains("·cos(x)"));
    for k in [0, 1, 7, 1999] {
        let factor = format!("cos({}x{})", "sin(".repeat(k), ")".repeat(k));
        assert!(result.contains(&factor), "cos(sin^{k}(x)) is a factor");
    }
}

#[test]
fn two_thousand_nested_sines_collapse_in_the_text_steps() {
    let query = format!("d/dx {}", nested_sin(2000));
    let r = run(nudge().args(["--color", "never", "-e", &query]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout.lines().count() < 300,
        "steps do not flood the terminal: {} lines",
        r.stdout.lines().count()
    );
    assert!(r.stdout.contains("more"), "the repetition is summarised");
    assert!(r.stdout.starts_with("Reading: d/dx sin(sin("));
}

#[test]
fn a_hundred_nested_sines_as_json() {
    // A small depth, so that the whole answer can be checked through serde_json quickly.
    let depth = 100;
    let query = format!("d/dx {}", nested_sin(depth));
    let r = run(nudge().args(["--format", "json", "-e", &query]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1);
    let obj: Value = serde_json::from_str(r.stdout.trim_end()).expect("serde_json reads it");
    assert_eq!(obj["kind"], "derivative");
    let result = obj["result"].as_str().unwrap();
    assert!(result.starts_with("cos(sin("));
    assert_eq!(result.matches("cos(").count(), depth);
    assert_eq!(obj["steps"][0]["rule"], "chain");
}

#[test]
fn two_thousand_nested_sines_as_json_is_readable() {
    let query = format!("d/dx {}", nested_sin(2000));
    let r = run(nudge().args(["--format", "json", "-e", &query]));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let obj: Value = serde_json::from_str(r.stdout.trim_end()).expect("serde_json reads it");
    assert_eq!(obj["kind"], "derivative");
    let result = obj["result"].as_str().unwrap();
    assert_eq!(result.matches("cos(").count(), 2000);
    // The result is long by nature (about 10 MB); the steps must stay short.
    let steps = obj["steps"].to_string();
    assert!(steps.len() < 1_000_000, "steps take {} bytes", steps.len());
}

#[test]
fn function_of_a_bare_function() {
    nudge()
        .args(["-q", "-e", "sin cos x", "-e", "ln ln x"])
        .assert()
        .success()
        .stdout("sin(cos(x))\nln(ln(x))\n");
}

#[test]
fn ascii_errors_spell_their_message_in_ascii_and_show_the_line_as_typed() {
    let r = run(nudge().args([
        "--ascii",
        "-e",
        "F(x, y) = (x^2 y, 5x)",
        "-e",
        "F + 1",
        "-e",
        "d/dx sinn(x²)",
    ]));
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .contains("error: F is a vector, (x^2*y, 5x), not a single value"),
        "{}",
        r.stderr
    );
    // The line is the learner's own, so it stays as typed and the caret stays under it.
    assert!(r.stderr.contains("   | d/dx sinn(x²)\n"), "{}", r.stderr);
    let mut outside_the_line = r.stderr.lines().filter(|l| !l.starts_with("   | "));
    assert!(outside_the_line.all(str::is_ascii), "{}", r.stderr);
}
