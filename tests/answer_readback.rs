//! An exercise on a real pseudo-terminal, answered in a misreadable form: nudge shows how it
//! read the answer, and a precedence slip whose bracketed form is right is not counted.

#![cfg(unix)]

use rexpect::session::{spawn_command, PtySession};
use std::process::Command;

const TIMEOUT_MS: u64 = 15_000;

/// Waits for `needle` (rexpect reads bytes as Latin-1 characters, so it is spelled that way).
fn expect(p: &mut PtySession, needle: &str) -> String {
    let latin1: String = needle.bytes().map(char::from).collect();
    let before = p
        .exp_string(&latin1)
        .unwrap_or_else(|e| panic!("waiting for {needle:?}: {e}"));
    let bytes: Vec<u8> = before.chars().map(|c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn a_misreadable_answer_is_read_back_and_a_slip_is_not_a_try() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lesson = dir.path().join("slips.nudge");
    std::fs::write(
        &lesson,
        "= Slips\n\n? d/dx e^(3x) => 3e^(3x)\n? d/dx ln(x^2 + 1) => 2x/(x^2 + 1)\n",
    )
    .expect("write the lesson");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nudge"));
    cmd.env("TERM", "xterm")
        .env("NUDGE_PROGRESS", dir.path().join("progress"))
        .args(["--color", "never"])
        .arg(&lesson);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn nudge on a pty");

    expect(&mut p, "answer> ");
    p.send_line("3e^3x").expect("send");
    expect(&mut p, "Read as: 3·e³·x");
    expect(&mut p, "the power takes only the number right after ^");
    expect(&mut p, "3e^(3x) would be");
    expect(&mut p, "(That does not count as a try.)");
    expect(&mut p, "answer> ");
    // A real wrong answer next is the first try: two are left.
    p.send_line("3x").expect("send");
    expect(&mut p, "Read as: 3·x");
    expect(&mut p, "(2");
    expect(&mut p, "answer> ");
    p.send_line("3e^(3x)").expect("send");
    expect(&mut p, "Right.");

    expect(&mut p, "answer> ");
    p.send_line("2x/x^2+1").expect("send");
    expect(&mut p, "Read as: (2·x)/(x²) + 1");
    expect(&mut p, "to divide by the whole sum write 2x/(x^2+1)");
    expect(&mut p, "(That does not count as a try.)");
    expect(&mut p, "answer> ");
    p.send_line("2x/(x^2+1)").expect("send");
    expect(&mut p, "Right.");
    expect(&mut p, "2 of 2 exercises solved");
    p.exp_eof().expect("the lesson ends");
}

/// A query gets the same notes as an answer: a glued power of e and a glued denominator.
#[test]
fn a_query_notes_the_same_slips() {
    let notes = |q: &str| -> Vec<String> {
        nudge::Session::new()
            .answer(q)
            .unwrap_or_else(|e| panic!("{q}: {e:?}"))
            .notes
            .into_iter()
            .map(|n| nudge::format::note_text(&n, true))
            .collect()
    };
    assert!(notes("d/dx 3e^3x")
        .iter()
        .any(|n| n.contains("write 3e^(3x)")));
    assert!(notes("2x/x^2+1")
        .iter()
        .any(|n| n.contains("write 2x/(x^2+1)")));
    // Written as a textbook means it: no note.
    assert!(notes("3x^2y^3").is_empty());
    assert!(notes("2x/x^2 + 1").is_empty());
}
