//! `--transcript FILE` and `save FILE.md`: the session as Markdown, read back with a Markdown
//! parser: each query a heading, its answer (steps, result) beneath it, errors too.

use assert_cmd::Command;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// Each second-level heading's code (the query) and the text and maths beneath it.
fn sections(markdown: &str) -> Vec<(String, String)> {
    let mut sections: Vec<(String, String)> = Vec::new();
    let mut in_heading = false;
    let options = pulldown_cmark::Options::ENABLE_MATH;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                in_heading = true;
                sections.push((String::new(), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Code(code) if in_heading => sections.last_mut().expect("a section").0 += &code,
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text) => {
                if let Some(section) = sections.last_mut() {
                    section.1 += &text;
                    section.1.push(' ');
                }
            }
            _ => {}
        }
    }
    sections
}

#[test]
fn a_transcript_holds_every_query_with_its_answer_and_errors() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("session.md");
    Command::cargo_bin("nudge")
        .expect("binary")
        .arg("--transcript")
        .arg(&path)
        .args(["-e", "d/dx sin(x^2)", "-e", "f(x) = x^2", "-e", "f'(3)"])
        .args(["-e", "d/dx sinx", "-e", "integrate x dx"])
        .assert()
        .code(1);
    let markdown = std::fs::read_to_string(&path).expect("written");
    let sections = sections(&markdown);
    let queries: Vec<&str> = sections.iter().map(|(q, _)| q.as_str()).collect();
    assert_eq!(
        queries,
        [
            "d/dx sin(x^2)",
            "f(x) = x^2",
            "f'(3)",
            "d/dx sinx",
            "integrate x dx"
        ]
    );
    let body = |i: usize| sections[i].1.as_str();
    assert!(
        body(0).contains("chain rule") && body(0).contains("2 x \\cos\\left(x^{2}\\right)"),
        "{}",
        body(0)
    );
    assert!(body(1).contains("x^{2}"), "{}", body(1));
    assert!(body(2).contains("6"), "f'(3) = 6: {}", body(2));
    assert!(
        body(3).contains("error") && body(3).contains("sin"),
        "{}",
        body(3)
    );
    assert!(body(4).contains("\\frac{x^{2}}{2}"), "{}", body(4));
}

#[test]
fn a_transcript_that_cannot_be_written_fails_the_run() {
    let dir = tempfile::tempdir().expect("dir");
    Command::cargo_bin("nudge")
        .expect("binary")
        .arg("--transcript")
        .arg(dir.path().join("no such folder").join("s.md"))
        .args(["-e", "d/dx x^2"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("cannot write the transcript"));
}

#[test]
fn save_on_a_pipe_points_at_the_flag() {
    Command::cargo_bin("nudge")
        .expect("binary")
        .write_stdin("d/dx x^2\nsave out.md\n")
        .assert()
        .code(1)
        .stdout(predicates::str::contains("2x"))
        .stderr(predicates::str::contains("--transcript FILE"));
}

#[cfg(unix)]
#[test]
fn save_in_the_interactive_session_writes_the_answers_so_far() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("saved.md");
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("nudge"));
    cmd.env("TERM", "xterm")
        .env("NUDGE_HISTORY", "")
        .args(["--color", "never", "--no-history"]);
    let mut p = rexpect::session::spawn_command(cmd, Some(15_000)).expect("a pty");
    p.exp_string("nudge> ").expect("a prompt");
    p.send_line("d/dx x^3").expect("typed");
    p.exp_string("nudge> ").expect("answered");
    p.send_line(&format!("save {}", path.display()))
        .expect("typed");
    p.exp_string("Saved 1 answer to").expect("saved");
    p.exp_string("nudge> ").expect("the prompt again");
    p.send_control('d').expect("Ctrl-D");
    p.exp_eof().expect("nudge ends");
    let sections = sections(&std::fs::read_to_string(&path).expect("saved"));
    assert_eq!(sections.len(), 1, "{sections:?}");
    assert_eq!(sections[0].0, "d/dx x^3");
    assert!(sections[0].1.contains("3 x^{2}"), "{sections:?}");
}
