//! `--width N` and `COLUMNS` for wrapping and plots; long answers through `$PAGER` on a
//! terminal only, never on a pipe, never with `--no-pager`.

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

/// An answer far taller than any screen: 132 lines.
const TALL: &str = "d^3/dx^3 x^x";

fn nudge(env: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = Command::cargo_bin("nudge").expect("binary");
    cmd.env_remove("COLUMNS").env("NO_COLOR", "1");
    for (key, value) in env {
        cmd.env(key, value);
    }
    let output = cmd.args(args).output().expect("runs");
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn widest(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

#[test]
fn width_wraps_prose_even_on_a_pipe_which_otherwise_keeps_lines_whole() {
    let query = "d/dx sin(x^2)";
    assert!(
        widest(&nudge(&[], &["-e", query])) > 40,
        "a pipe keeps lines whole"
    );
    let narrow = nudge(&[], &["--width", "40", "-e", query]);
    assert!(widest(&narrow) <= 40, "{narrow}");
    // Wrapped, not cut: the words and the result are all there.
    assert!(narrow.contains("multiply. Outer × inner."), "{narrow}");
    assert!(
        narrow.lines().any(|l| l == "d/dx sin(x²) = 2x·cos(x²)"),
        "{narrow}"
    );
}

#[test]
fn columns_sets_the_width_of_plots_and_the_flag_wins_over_it() {
    let plot = |env: &[(&str, &str)], args: &[&str]| {
        widest(&nudge(env, &[args, &["-e", "plot sin x"]].concat()))
    };
    let piped = plot(&[], &[]);
    let columns = plot(&[("COLUMNS", "50")], &[]);
    let flag = plot(&[("COLUMNS", "50")], &["--width", "120"]);
    assert!(columns <= 50 && columns < piped, "{columns} vs {piped}");
    assert!(flag > piped && flag <= 120, "{flag}");
    // A COLUMNS nudge cannot use is ignored.
    assert_eq!(plot(&[("COLUMNS", "wide")], &[]), piped);
}

#[test]
fn a_width_out_of_range_is_a_usage_error() {
    for bad in ["5", "0", "wide", "5000"] {
        Command::cargo_bin("nudge")
            .expect("binary")
            .args(["--width", bad, "-e", "x"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains("columns from 20 to 1000"));
    }
}

#[cfg(unix)]
#[test]
fn a_pipe_never_gets_a_pager() {
    let dir = tempfile::tempdir().expect("dir");
    let marker = dir.path().join("paged");
    let pager = format!("touch {}; cat", marker.display());
    let out = nudge(&[("PAGER", &pager)], &["-e", TALL]);
    assert!(!marker.exists(), "the pager ran on a pipe");
    assert_eq!(
        out.lines().count(),
        132,
        "the whole answer, straight to the pipe"
    );
}

#[cfg(unix)]
mod on_a_terminal {
    use rexpect::session::spawn_command;
    use std::process::Command;

    /// nudge's output on a pseudo-terminal with `PAGER` marking each line it shows.
    fn shown(args: &[&str]) -> String {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("nudge"));
        cmd.env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .env_remove("COLUMNS")
            .env("PAGER", "sed 's/^/paged: /'")
            .args(args);
        let mut p = spawn_command(cmd, Some(15_000)).expect("a pty");
        // rexpect reads each byte as a Latin-1 character.
        let latin1 = p.exp_eof().expect("nudge ends");
        let bytes: Vec<u8> = latin1.chars().map(|c| c as u8).collect();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    #[test]
    fn a_tall_answer_goes_through_the_pager() {
        let seen = shown(&["-e", super::TALL]);
        assert!(seen.contains("paged: Reading: d³/dx³ x^x"), "{seen}");
        assert!(seen.contains("paged: d³/dx³ x^x = "), "{seen}");
    }

    #[test]
    fn the_interactive_session_prints_tall_answers_straight() {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("nudge"));
        cmd.env("TERM", "xterm")
            .env("PAGER", "sed 's/^/paged: /'")
            .args(["--color", "never", "--no-history"]);
        let mut p = spawn_command(cmd, Some(15_000)).expect("a pty");
        p.exp_string("nudge> ").expect("a prompt");
        p.send_line(super::TALL).expect("typed");
        let before = p.exp_string("Reading").expect("the answer");
        let seen = before + &p.exp_string("nudge> ").expect("the prompt again");
        assert!(
            seen.contains("x^x = ") && !seen.contains("paged:"),
            "{seen}"
        );
        p.send_control('d').expect("Ctrl-D");
        p.exp_eof().expect("nudge ends");
    }

    #[test]
    fn no_pager_and_short_answers_are_printed_straight() {
        let seen = shown(&["--no-pager", "-e", super::TALL]);
        assert!(
            seen.contains("d³/dx³ x^x = ") && !seen.contains("paged:"),
            "{seen}"
        );
        let seen = shown(&["-e", "d/dx x^2"]);
        assert!(
            seen.contains("d/dx x² = 2x") && !seen.contains("paged:"),
            "{seen}"
        );
    }
}
