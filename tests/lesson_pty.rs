//! Ctrl-C in `nudge --lesson N` on a real pseudo-terminal: the lesson says where the learner
//! stopped and how to come back, exits as `quit` does, and keeps the progress already made.

#![cfg(unix)]

use rexpect::process::WaitStatus;
use rexpect::session::{spawn_command, PtySession};
use std::process::Command;

const TIMEOUT_MS: u64 = 15_000;

/// Waits for `needle` (rexpect reads bytes as Latin-1 characters, so it is spelled that way).
fn expect(p: &mut PtySession, needle: &str) {
    let latin1: String = needle.bytes().map(char::from).collect();
    p.exp_string(&latin1)
        .unwrap_or_else(|e| panic!("waiting for {needle:?}: {e}"));
}

#[test]
fn ctrl_c_at_an_exercise_says_where_the_learner_stopped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let progress = dir.path().join("progress");
    std::fs::write(&progress, "01-slope\n").expect("lesson 1 finished before");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nudge"));
    cmd.env("TERM", "xterm")
        .env("NUDGE_PROGRESS", &progress)
        .args(["--color", "never", "--width", "200", "--lesson", "2"]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn nudge on a pty");
    expect(&mut p, "(press Enter to go on)");
    p.send_line("").expect("Enter");
    expect(&mut p, "Your turn: d/dt 4t^2");
    expect(&mut p, "answer> ");
    // Half an answer typed, then Ctrl-C while nudge waits for the rest of the line.
    p.send("8").expect("half an answer");
    p.send_control('c').expect("Ctrl-C");
    expect(
        &mut p,
        "You left lesson 2, Two ways to write a derivative, at exercise 1 of 4.",
    );
    expect(
        &mut p,
        "To come back, type lesson\u{a0}2 (or run nudge\u{a0}--lesson\u{a0}2)",
    );
    p.exp_eof().expect("nudge ends");
    match p.process().wait() {
        Ok(WaitStatus::Exited(_, 0)) => {}
        other => panic!("nudge did not leave as quit does, with status 0: {other:?}"),
    }
    let kept = std::fs::read_to_string(&progress).expect("progress file");
    let finished: Vec<&str> = kept.lines().collect();
    assert_eq!(
        finished,
        ["01-slope"],
        "lesson 1 kept, lesson 2 not finished"
    );
}
