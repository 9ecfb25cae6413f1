//! Lesson 13 on a real pseudo-terminal: its pauses passed, the first exercise answered with
//! the outer slope alone (hinted), then right, and the lesson left.

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
fn a_lesson_13_exercise_on_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nudge"));
    cmd.env("TERM", "xterm")
        .env("NUDGE_PROGRESS", dir.path().join("progress"))
        .env("NUDGE_HISTORY", dir.path().join("history"))
        .args(["--color", "never", "--lesson", "13"]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn nudge on a pty");
    expect(&mut p, "The functions inside a neural network");
    for _ in 0..4 {
        expect(&mut p, "(press Enter to go on)");
        p.send_line("").expect("Enter");
    }
    expect(&mut p, "d/dx σ(2x)");
    expect(&mut p, "answer> ");
    p.send_line("sigmoid(2x)*(1 - sigmoid(2x))")
        .expect("the outer slope alone");
    expect(&mut p, "Not yet.");
    expect(&mut p, "multiply by the inner one");
    expect(&mut p, "answer> ");
    p.send_line("2 sigma(2x) (1 - sigma(2x))")
        .expect("the right answer");
    expect(&mut p, "Right.");
    expect(&mut p, "answer> ");
    p.send_line("quit").expect("leave");
    p.exp_eof().expect("nudge ends");
    match p.process().wait() {
        Ok(WaitStatus::Exited(_, _)) => {}
        other => panic!("nudge did not exit normally: {other:?}"),
    }
}
