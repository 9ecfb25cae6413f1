//! Nothing nudge is given can drive the terminal: control characters from queries, lesson files
//! and answers are shown, never obeyed.

use assert_cmd::Command;
use std::path::Path;

/// Sequences a terminal obeys: a window title, clearing the screen, writing the clipboard
/// (OSC 52), a carriage return over the line, a C1 CSI, and a right-to-left override.
const TITLE: &str = "\x1b]0;HIJACKED\x07";
const CLEAR: &str = "\x1b[2J";
const CLIPBOARD: &str = "\x1b]52;c;SGVsbG8=\x07";

fn nudge() -> Command {
    let mut cmd = Command::cargo_bin("nudge").expect("the nudge binary is built");
    cmd.env("NO_COLOR", "1").env_remove("CLICOLOR_FORCE");
    cmd
}

/// Every character in `text` a terminal would obey rather than print.
fn obeyed(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
        })
        .collect()
}

/// Runs nudge and returns stdout and stderr, after checking neither holds a raw control character.
fn shown(cmd: &mut Command) -> (String, String) {
    let output = cmd.output().expect("nudge runs");
    let out = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    let err = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    assert!(obeyed(&out).is_empty(), "raw on stdout: {out:?}");
    assert!(obeyed(&err).is_empty(), "raw on stderr: {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    (out, err)
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("the lesson file is written");
}

#[test]
fn a_lesson_full_of_escape_sequences_shows_them_and_obeys_none() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    // Even the file's name carries one.
    let path = dir.path().join(format!("evil{CLEAR}.nudge"));
    write(
        &path,
        &format!(
            "= Title{TITLE}\n\
             = {CLEAR}Second heading\r\n\
             \n\
             Narration{CLEAR} that\rwrites over itself{CLIPBOARD} and \u{202e}reverses.\n\
             - a list item\u{9b}2J\n\
             \n\
             > d/dx x^2{CLEAR} => 2x\n\
             > d/dx x^2 => 2x{TITLE}\n\
             > read {TITLE}\n\
             ? d/dx x^3\r => 3x^2\n\
             ? d/dx x^4 => 4x^3\n\
             ---\n"
        ),
    );
    let progress = dir.path().join("progress");
    for flags in [&[][..], &["--check"], &["--interactive"]] {
        let (out, err) = shown(
            nudge()
                .env("NUDGE_PROGRESS", &progress)
                .args(flags)
                .arg(&path)
                // Answers with escapes in them, for the exercise asked in --interactive.
                .write_stdin(format!("4x^3{CLEAR}\n4x^3\n\n")),
        );
        let all = format!("{out}{err}");
        // Shown, not dropped: the learner sees what the file holds.
        assert!(all.contains("evil␛[2J.nudge"), "{flags:?}: {all}");
        if flags.is_empty() {
            assert!(out.contains("Title␛]0;HIJACKED␇"), "{out}");
            assert!(out.contains("␛[2JSecond heading"), "{out}");
            assert!(
                out.contains("that␍writes over itself␛]52;c;SGVsbG8=␇ and"),
                "{out}"
            );
            assert!(out.contains("item\u{fffd}2J"), "{out}");
            assert!(out.contains("nudge does not know ␛"), "{out}");
            assert!(out.contains("Your turn: d/dx x^4"), "{out}");
        }
        // The queries that hold an escape are errors that point at it.
        assert!(err.contains("d/dx x^2␛[2J => 2x"), "{flags:?}: {err}");
        assert!(err.contains("? d/dx x^3␍ => 3x^2"), "{flags:?}: {err}");
        if flags == ["--interactive"] {
            // The answer with an escape is echoed under its caret, and does not count.
            assert!(
                err.contains("4x^3␛[2J") || out.contains("4x^3␛[2J"),
                "{all}"
            );
            assert!(out.contains("1 of 1 exercise solved"), "{out}");
        }
    }
}

/// The caret row of an error and the line above it.
fn line_and_caret(err: &str) -> (String, String) {
    let rows: Vec<&str> = err.lines().filter(|l| l.starts_with("   | ")).collect();
    assert_eq!(rows.len(), 2, "{err}");
    (rows[0][5..].to_string(), rows[1][5..].to_string())
}

#[test]
fn error_echoes_of_queries_show_escapes_with_the_caret_under_them() {
    let query = format!("d/dx x{CLEAR} + \u{202e}1");
    let from_e = shown(nudge().args(["-e", &query])).1;
    let from_stdin = shown(nudge().write_stdin(format!("{query}\nd/dx x^2\n")));
    assert!(from_stdin.0.contains("2x"), "the next line is answered");
    for err in [from_e, from_stdin.1] {
        let (line, caret) = line_and_caret(&err);
        assert_eq!(line, "d/dx x␛[2J + \u{fffd}1");
        // One column for each stand-in: the caret sits under the ␛.
        assert_eq!(caret.find('^'), Some(6), "{err}");
        assert!(err.contains("found '␛'"), "{err}");
    }
    // Words quoted from the line are shown too, in every message that names them.
    for q in [
        format!("help {CLEAR}"),
        format!("practice {TITLE}"),
        format!("read d{CLEAR}/dx"),
    ] {
        let (out, err) = shown(nudge().args(["-e", &q]));
        assert!(format!("{out}{err}").contains('␛'), "{q:?}: {out}{err}");
    }
    let (_, err) = shown(nudge().args(["--practice", &format!("x{TITLE}")]));
    assert!(err.contains("x␛]0;HIJACKED␇"), "{err}");
}

#[test]
fn latex_markdown_and_json_carry_no_raw_control_characters() {
    let read = format!("read {CLEAR}\u{9b}1m");
    for format in ["latex", "markdown"] {
        let (out, _) = shown(nudge().args(["--format", format, "-e", &read]));
        assert!(out.contains("␛"), "{out}");
    }
    let (out, _) = shown(nudge().args([
        "--format",
        "json",
        "-e",
        &read,
        "-e",
        &format!("x{TITLE}\u{202e}"),
    ]));
    let objects: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(objects.len(), 2, "{out}");
    assert_eq!(objects[0]["input"], "read ␛[2J\u{fffd}1m");
    // An error's input is the line exactly as sent, escaped as JSON escapes it.
    assert_eq!(objects[1]["input"], format!("x{TITLE}\u{202e}"));
    assert!(out.contains("\\u001b") && out.contains("\\u202e"), "{out}");
}
