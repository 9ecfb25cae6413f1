//! Lessons through the real binary: every directive and error of the `.nudge` format, --check and
//! --strict, the tour and its progress file, practice with a seed, and an exercise on a pseudo-terminal.

use assert_cmd::Command;
use predicates::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A lesson file with `text` in a fresh directory (kept alive by the returned guard).
fn lesson(text: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("t.nudge");
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .expect("the lesson file is written");
    (dir, path)
}

/// nudge with colour off and progress kept in `progress`.
fn nudge(progress: &Path) -> Command {
    let mut cmd = Command::cargo_bin("nudge").expect("the nudge binary");
    cmd.env("NUDGE_PROGRESS", progress)
        .env_remove("CLICOLOR_FORCE")
        .arg("--color=never");
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8_lossy(&cmd.output().expect("nudge runs").stdout).into_owned()
}

/// Prose with its wrapping undone, so a test does not depend on where lines break.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_built_in_lesson_passes_its_own_check() {
    let dir = tempfile::tempdir().expect("dir");
    let out = nudge(&dir.path().join("p"))
        .arg("--check")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8_lossy(&out);
    assert_eq!(
        out.lines().filter(|l| l.starts_with("ok ")).count(),
        nudge::lesson::TOUR.len(),
        "{out}"
    );
}

#[test]
fn the_lesson_files_in_the_repository_pass_check() {
    let dir = tempfile::tempdir().expect("dir");
    let files: Vec<PathBuf> = std::fs::read_dir("lessons")
        .expect("lessons/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "nudge"))
        .collect();
    assert_eq!(files.len(), nudge::lesson::TOUR.len());
    nudge(&dir.path().join("p"))
        .arg("--check")
        .args(&files)
        .assert()
        .success();
}

#[test]
fn a_failing_expectation_names_file_and_line_and_exits_1() {
    let (dir, path) = lesson("Intro.\n> d/dx x^3 => 3x^2\n> d/dx x^3 => 3x\n");
    let shown = path.display().to_string();
    nudge(&dir.path().join("p"))
        .arg("--check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("FAILED").and(predicate::str::contains("1 failed")))
        .stderr(predicate::str::contains(format!(
            "{shown}:3: d/dx x^3 gives 3x², but the lesson expects 3x"
        )));
}

#[test]
fn expectations_accept_any_equal_form() {
    let (dir, path) = lesson("> d/dx sin(x^2) => cos(x^2)*2*x\n> d/dx x^-1 => -1/x^2\n");
    nudge(&dir.path().join("p"))
        .arg("--check")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("(2 expectations, 0 exercises)"));
}

#[test]
fn the_readme_example_lesson_passes_check() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let example = readme
        .split("```text\n# my-lesson.nudge\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README shows an example lesson");
    let (dir, path) = lesson(example);
    nudge(&dir.path().join("p"))
        .arg("--check")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("(2 expectations, 1 exercise)"));
}

#[test]
fn a_query_that_cannot_be_read_is_placed_with_a_caret_and_the_rest_still_runs() {
    let (dir, path) = lesson("# a comment\n> d/dx (x^2\n> d/dx x^4\n");
    let shown = path.display().to_string();
    let output = nudge(&dir.path().join("p"))
        .arg(&path)
        .write_stdin("")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains(&format!("--> {shown}:2:12")), "{err}");
    assert!(err.contains("   | > d/dx (x^2\n   |            ^"), "{err}");
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(out.contains("d/dx x⁴ = 4x³"), "{out}");
}

#[test]
fn strict_stops_at_the_first_problem() {
    let (dir, path) = lesson("> d/dx (x^2\n> d/dx x^4\n");
    let output = nudge(&dir.path().join("p"))
        .args(["--strict"])
        .arg(&path)
        .write_stdin("")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&output.stdout).contains("4x³"));
}

#[test]
fn format_errors_report_line_and_column() {
    let (dir, path) = lesson("Words.\n>\n? x^2 =>\n=> 3\n=\n> d/dx x^2 => 2x\n");
    let shown = path.display().to_string();
    let output = nudge(&dir.path().join("p"))
        .arg("--check")
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    for (place, message) in [
        ("2:1", "a query needs a question after '>'"),
        ("3:7", "nothing after '=>'"),
        ("4:1", "an expected result needs a query before it"),
        ("5:1", "a heading needs words after '='"),
    ] {
        assert!(
            err.contains(&format!("--> {shown}:{place}")),
            "{place}: {err}"
        );
        assert!(err.contains(message), "{message}: {err}");
    }
    // The good expectation on line 6 was still checked.
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        out.contains("(1 expectation, 0 exercises): 4 errors"),
        "{out}"
    );
}

#[test]
fn a_bad_expected_result_is_placed_after_the_arrow() {
    let (dir, path) = lesson("> d/dx x^2 => 2x +\n");
    let shown = path.display().to_string();
    nudge(&dir.path().join("p"))
        .arg("--check")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("--> {shown}:1:19")));
}

#[test]
fn a_missing_file_is_an_error_and_others_still_run() {
    let (dir, path) = lesson("> d/dx x^2 => 2x\n");
    nudge(&dir.path().join("p"))
        .arg("--check")
        .arg(dir.path().join("missing.nudge"))
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing.nudge"))
        .stdout(predicate::str::contains("ok "));
}

#[test]
fn from_a_pipe_narration_is_wrapped_pauses_pass_and_exercises_show_solutions() {
    let long = "word ".repeat(60);
    let text = format!("= Title\n{long}\n---\n? d/dx x^5 => 5x^4\n\\> not a query\n");
    let (dir, path) = lesson(&text);
    let out = stdout_of(nudge(&dir.path().join("p")).arg(&path).write_stdin(""));
    assert!(out.starts_with("Title\n─────\n"), "{out}");
    assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
    assert!(!out.contains("press Enter"), "{out}");
    assert!(out.contains("Your turn: d/dx x^5\nSolution:"), "{out}");
    assert!(out.contains("d/dx x⁵ = 5x⁴"), "{out}");
    assert!(out.contains("> not a query"), "{out}");
}

#[test]
fn an_exercise_answered_wrong_then_right_from_a_pipe_with_interactive() {
    let (dir, path) = lesson("---\n? d/dx sin(x^2)\n");
    let out = stdout_of(
        nudge(&dir.path().join("p"))
            .args(["--interactive", "--seed", "1"])
            .arg(&path)
            .write_stdin("\ncos(x^2)\n2x cos(x^2\ncos(x^2)*2*x\n"),
    );
    assert!(out.contains("(press Enter to go on)"), "{out}");
    let prose = flat(&out);
    assert!(
        prose.contains(
            "You have the outer derivative; now multiply by the inner one: the slope of the inside, x², is 2x."
        ),
        "{out}"
    );
    assert!(prose.contains("does not count as a try"), "{out}");
    assert!(out.contains("Right."), "{out}");
    assert!(out.contains("1 of 1 exercise solved"), "{out}");
}

#[test]
fn three_wrong_tries_show_the_whole_working() {
    let (dir, path) = lesson("? d/dx x^5\n");
    let out = stdout_of(
        nudge(&dir.path().join("p"))
            .args(["--interactive", "--seed", "2"])
            .arg(&path)
            .write_stdin("5x^5\nx^4\n7\n"),
    );
    let prose = flat(&out);
    assert!(
        prose.contains("now also reduce the power of x by one"),
        "{out}"
    );
    assert!(
        prose.contains("also comes down in front as a factor"),
        "{out}"
    );
    assert!(out.contains("Here is the whole working:"), "{out}");
    assert!(out.contains("d/dx x⁵ = 5x⁴"), "{out}");
    assert!(out.contains("0 of 1 exercise solved"), "{out}");
}

#[test]
fn vector_answers_are_checked_entry_by_entry() {
    let (dir, path) = lesson("? grad (x^3 + 2y^2)\n? jacobian([x y, x + y^2], [x, y])\n");
    let out = stdout_of(
        nudge(&dir.path().join("p"))
            .args(["--interactive", "--seed", "4"])
            .arg(&path)
            .write_stdin("3x^2\n(3x^2, 4)\n(3 x x, 2y*2)\n[[y, x], [1, y]]\n[[y, x], [1, 2y]]\n"),
    );
    let prose = flat(&out);
    assert!(
        prose.contains("The answer is a vector with 2 entries"),
        "{out}"
    );
    assert!(
        prose.contains("The entries before entry 2 are right, but entry 2 is not yet."),
        "{out}"
    );
    assert!(
        prose.contains("(1 try left) answer> Read as: (3·x·x, 2·y·2) Right."),
        "{out}"
    );
    assert!(prose.contains("row 2, column 2 is not yet"), "{out}");
    assert!(out.contains("2 of 2 exercises solved"), "{out}");
}

#[test]
fn the_tour_is_listed_and_an_unknown_lesson_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("dir");
    let out = stdout_of(nudge(&dir.path().join("p")).args(["--lesson", "0"]));
    assert!(out.contains(" 1. Slope as a nudge"), "{out}");
    assert!(out.contains("12. Other bases, and why AI uses e"), "{out}");
    assert!(
        out.contains("13. The functions inside a neural network"),
        "{out}"
    );
    let past = (nudge::lesson::TOUR.len() + 1).to_string();
    nudge(&dir.path().join("p"))
        .args(["--lesson", &past])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "there is no lesson {past}"
        )));
}

/// Lesson 1 played to the end: pauses get Enter, exercises the right answers.
fn finish_lesson_one(progress: &Path) -> assert_cmd::assert::Assert {
    nudge(progress)
        .args(["--lesson", "1", "--interactive", "--seed", "3"])
        .write_stdin("\n\n\n5\n0\n2x\n")
        .assert()
}

#[test]
fn a_finished_lesson_is_remembered() {
    let dir = tempfile::tempdir().expect("dir");
    let progress = dir.path().join("deep").join("progress");
    finish_lesson_one(&progress)
        .success()
        .stdout(predicate::str::contains("3 of 3 exercises solved"));
    let saved = std::fs::read_to_string(&progress).expect("progress saved");
    assert_eq!(saved, "01-slope\n");
    let list = stdout_of(nudge(&progress).args(["--lesson", "0"]));
    assert!(list.contains("✓  1. Slope as a nudge"), "{list}");
    assert!(list.contains("   2. Two ways"), "{list}");
}

#[test]
fn a_damaged_or_unwritable_progress_file_never_stops_a_lesson() {
    let dir = tempfile::tempdir().expect("dir");
    let garbage = dir.path().join("progress");
    std::fs::write(&garbage, [0xff, 0x00, 0xfe, b'\n', b'?', b'!']).expect("written");
    finish_lesson_one(&garbage).success();
    assert_eq!(
        std::fs::read_to_string(&garbage).ok().as_deref(),
        Some("01-slope\n")
    );
    // A directory where the file should be: the lesson runs, and a note says why nothing was saved.
    finish_lesson_one(dir.path())
        .success()
        .stdout(predicate::str::contains("3 of 3 exercises solved"))
        .stderr(predicate::str::contains("could not save your progress"));
}

#[test]
fn practice_with_a_seed_repeats_and_ends_with_a_score() {
    let dir = tempfile::tempdir().expect("dir");
    let run = || {
        stdout_of(
            nudge(&dir.path().join("p"))
                .args(["--practice", "chain", "--seed", "11"])
                .write_stdin("skip\nskip\nskip\nskip\nskip\n"),
        )
    };
    let first = run();
    assert_eq!(first, run());
    assert!(first.contains("Question 5:"), "{first}");
    assert!(
        first.contains("Score: 0 of 5 solved, 0 on the first try."),
        "{first}"
    );
    let other = stdout_of(
        nudge(&dir.path().join("p"))
            .args(["--practice", "chain", "--seed", "12"])
            .write_stdin("skip\nskip\nskip\nskip\nskip\n"),
    );
    assert_ne!(first, other);
}

#[test]
fn practice_answers_are_checked() {
    let dir = tempfile::tempdir().expect("dir");
    // Question 1 of the power topic is d/dx x^n; answer it right for every n it could be.
    for seed in 0..3 {
        let first = stdout_of(
            nudge(&dir.path().join("p"))
                .args(["--practice", "power", "--seed", &seed.to_string()])
                .write_stdin("quit\n"),
        );
        let n: i64 = first
            .split("Question 1: d/dx x^")
            .nth(1)
            .and_then(|rest| rest.lines().next())
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("{first}"));
        let out = stdout_of(
            nudge(&dir.path().join("p"))
                .args(["--practice", "power", "--seed", &seed.to_string()])
                .write_stdin(format!("{n} x^{}\nquit\n", n - 1)),
        );
        assert!(out.contains("Right."), "{out}");
        assert!(
            out.contains("Score: 1 of 2 solved, 1 on the first try."),
            "{out}"
        );
    }
}

#[test]
fn an_unknown_practice_topic_lists_the_topics() {
    let dir = tempfile::tempdir().expect("dir");
    nudge(&dir.path().join("p"))
        .args(["--practice", "calculus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("power, chain, product"))
        .stderr(predicate::str::contains(
            "gradient, integral, backprop, descent, activations, mixed",
        ));
}

#[cfg(unix)]
#[test]
fn on_a_terminal_an_exercise_is_answered_wrong_then_right() {
    let (dir, path) = lesson("= On a terminal\n---\n? d/dx (3x + 1)^5\n");
    let bin = assert_cmd::cargo::cargo_bin("nudge");
    let mut cmd = std::process::Command::new(bin);
    cmd.env("NUDGE_PROGRESS", dir.path().join("p"))
        .env("NO_COLOR", "1")
        .args(["--seed", "5"])
        .arg(&path);
    let mut p = rexpect::session::spawn_command(cmd, Some(10_000)).expect("spawned on a pty");
    p.exp_string("(press Enter to go on)").expect("a pause");
    p.send_line("").expect("Enter");
    p.exp_string("Your turn: d/dx (3x + 1)^5")
        .expect("the exercise");
    p.exp_string("answer> ").expect("a prompt");
    p.send_line("5(3x+1)^4").expect("a wrong answer");
    p.exp_string("You have the outer derivative")
        .expect("the chain hint");
    p.exp_string("answer> ").expect("a second prompt");
    p.send_line("15 (3x + 1)^4").expect("the right answer");
    p.exp_string("Right.").expect("accepted");
    p.exp_string("1 of 1 exercise solved").expect("the summary");
    p.exp_eof().expect("the lesson ends");
}

#[test]
fn every_directive_from_a_pipe_snapshot() {
    let (dir, path) = lesson(
        "# not shown\n= Every directive\n\nNarration is wrapped\nand joined into one paragraph.\n\n> d/dx x^3 => 3x^2\n---\n? d/dx e^(2x)\n\\? a line that starts with a question mark\n",
    );
    let out = stdout_of(nudge(&dir.path().join("p")).arg(&path).write_stdin(""));
    insta::assert_snapshot!(out);
}

#[test]
fn lesson_errors_snapshot() {
    let (dir, path) = lesson("= Errors\n?\n> d/dx sinn(x)\n> d/dx x^2 => 3x\n> d/dx x^2 => 2x\n");
    let output = nudge(&dir.path().join("p"))
        .arg("--check")
        .arg(&path)
        .output()
        .expect("runs");
    let shown = path.display().to_string();
    let err = String::from_utf8_lossy(&output.stderr).replace(&shown, "lesson.nudge");
    let out = String::from_utf8_lossy(&output.stdout).replace(&shown, "lesson.nudge");
    insta::assert_snapshot!(format!("{out}\n{err}"));
}

#[test]
fn a_piped_session_plays_practice_with_the_lines_that_follow() {
    let dir = tempfile::tempdir().expect("dir");
    let out = stdout_of(
        nudge(&dir.path().join("p"))
            .args(["--seed", "3"])
            .write_stdin("practice power\n5x^4\nquit\nd/dx x^3\n"),
    );
    assert!(
        out.contains("Question 1: d/dx x^5\nanswer> Read as: 5·x⁴\nRight."),
        "{out}"
    );
    assert!(
        out.contains("Score: 1 of 2 solved, 1 on the first try."),
        "{out}"
    );
    // After practice the session goes on answering.
    assert!(out.contains("d/dx x³ = 3x²"), "{out}");
}

#[test]
fn session_commands_list_and_play_lessons() {
    let dir = tempfile::tempdir().expect("dir");
    let out = stdout_of(nudge(&dir.path().join("p")).write_stdin("lessons\nlesson 4\n"));
    assert!(out.contains(" 4. e^x and ln x"), "{out}");
    assert!(out.contains("Your turn: d/dx 3e^x\nSolution:"), "{out}");
    let json = stdout_of(
        nudge(&dir.path().join("p"))
            .args(["--format", "json", "-e", "lesson 4", "-e", "practice trig"])
            .write_stdin(""),
    );
    assert_eq!(
        json,
        "{\"input\":\"lesson 4\",\"kind\":\"lesson\",\"lesson\":4}\n\
         {\"input\":\"practice trig\",\"kind\":\"practice\",\"topic\":\"trig\"}\n"
    );
}

#[test]
fn session_commands_report_unknown_lessons_and_topics() {
    let dir = tempfile::tempdir().expect("dir");
    for (line, message, help) in [
        (
            "lesson 99",
            "there is no lesson 99; the tour has lessons 1 to",
            "type lessons",
        ),
        (
            "lesson",
            "lesson needs the lesson's number",
            "write lesson 1",
        ),
        (
            "practice chian",
            "there is no practice topic 'chian'",
            "did you mean 'chain'?",
        ),
    ] {
        nudge(&dir.path().join("p"))
            .args(["-e", line])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(message).and(predicate::str::contains(help)));
    }
}

#[cfg(unix)]
#[test]
fn practice_inside_the_interactive_session_then_back_to_the_prompt() {
    let dir = tempfile::tempdir().expect("dir");
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_nudge"));
    cmd.env("TERM", "xterm")
        .env("NUDGE_HISTORY", dir.path().join("history"))
        .env("NUDGE_PROGRESS", dir.path().join("progress"))
        .args(["--color", "never", "--seed", "3"]);
    let mut p = rexpect::session::spawn_command(cmd, Some(15_000)).expect("spawned on a pty");
    p.exp_string("nudge> ").expect("a prompt");
    p.send_line("practice power").expect("practice");
    p.exp_string("Question 1: d/dx x^5")
        .expect("the first question");
    p.exp_string("answer> ").expect("an answer prompt");
    p.send_line("5x^5").expect("a wrong answer");
    p.exp_string("Not yet.").expect("a hint");
    p.exp_string("answer> ").expect("another try");
    p.send_line("5x^4").expect("the right answer");
    p.exp_string("Right.").expect("accepted");
    // Each key goes only after the prompt that follows a line the preview never shows.
    p.exp_string("Question 2:").expect("question 2");
    p.exp_string("answer> ").expect("its prompt");
    p.send_line("quit").expect("leave practice");
    p.exp_string("Score: 1 of 2 solved").expect("the score");
    p.exp_string("nudge> ").expect("back at the prompt");
    p.send_line("d/dx x^3").expect("a query");
    // The answer's own line, which the preview shown while typing ("= 3x²") never is,
    // then the prompt: Ctrl-D before the prompt would reach a terminal not yet reading keys.
    // (rexpect reads bytes as Latin-1 characters, so the needle is spelled that way.)
    let answer: String = "d/dx x³ = 3x²".bytes().map(char::from).collect();
    p.exp_string(&answer).expect("answered");
    p.exp_string("nudge> ").expect("the prompt again");
    p.send_control('d').expect("Ctrl-D");
    p.exp_eof().expect("nudge ends");
}

#[test]
fn a_question_or_a_definition_typed_as_an_answer_does_not_count() {
    let (dir, path) = lesson("? d/dx x^2\n");
    let out = stdout_of(
        nudge(&dir.path().join("p"))
            .args(["--interactive", "--seed", "1"])
            .arg(&path)
            .write_stdin("d/dx x^2\nf(x) = 2x\n2x\n"),
    );
    assert_eq!(
        out.matches("an answer is the result itself").count(),
        2,
        "{out}"
    );
    assert_eq!(
        out.matches("(That does not count as a try.)").count(),
        2,
        "{out}"
    );
    assert!(out.contains("1 of 1 exercise solved"), "{out}");
}

/// A learner who has nothing to say.
struct Silent;

impl nudge::lesson::Learner for Silent {
    fn ask(&mut self, _prompt: &str) -> std::io::Result<Option<String>> {
        Ok(None)
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any text at all reads as a lesson and plays without a panic; every problem is placed
    /// on a line that exists.
    #[test]
    fn any_text_is_a_lesson_that_plays(text in "([>?=#\\\\ -]{0,2}[a-z0-9^/()+*=> ]{0,12}\n){0,8}") {
        let (script, problems) = nudge::lesson::read_script("any.nudge", &text);
        let lines = text.lines().count().max(1);
        for p in &problems {
            proptest::prop_assert!(p.line >= 1 && p.line <= lines);
        }
        for mode in [nudge::lesson::Mode::Check, nudge::lesson::Mode::Read, nudge::lesson::Mode::Interactive] {
            let options = nudge::lesson::Options {
                mode,
                strict: false,
                text: nudge::format::TextOptions { unicode: true, quiet: false },
                width: 60,
                seed: 1,
            };
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let mut io = nudge::lesson::Io { learner: &mut Silent, out: &mut out, err: &mut err, paint: &nudge::present::Plain, err_paint: &nudge::present::Plain };
            let report = nudge::lesson::play(&script, &problems, &mut nudge::Session::new(), &mut io, &options);
            proptest::prop_assert!(report.is_ok());
        }
    }
}

#[test]
fn leaving_a_lesson_says_where_and_how_to_come_back() {
    let dir = tempfile::tempdir().expect("dir");
    // Enter past the pauses up to the first exercise, then leave there.
    let out = stdout_of(
        nudge(&dir.path().join("p"))
            .args(["--interactive", "--seed", "1", "--lesson", "3"])
            .write_stdin("\n\n\n\n\n\n\n\nquit\n"),
    );
    assert!(
        out.contains("You left lesson 3, The power rule, at exercise 1 of"),
        "{out}"
    );
    assert!(
        out.contains("To come back, type") && out.contains("lesson\u{a0}3 (or run"),
        "{out}"
    );
    let out = stdout_of(
        nudge(&dir.path().join("p"))
            .args(["--interactive", "--lesson", "3"])
            .write_stdin("quit\n"),
    );
    assert!(
        out.contains("You left lesson 3, The power rule, before its first exercise."),
        "{out}"
    );
}

/// The common slip of each rule, and the words that name it (wrapping undone).
const SLIPS: &[(&str, &str, &str)] = &[
    // Forgot the inner derivative.
    (
        "d/dx e^(3x)",
        "e^(3x)",
        "You have the outer derivative; now multiply by the inner one: the slope of the inside, 3x, is 3.",
    ),
    (
        "d/dx sin(x^2)",
        "cos(x^2)",
        "now multiply by the inner one: the slope of the inside, x², is 2x.",
    ),
    // Forgot to reduce the exponent, alone and inside a chain.
    (
        "d/dx x^5",
        "5x^5",
        "You brought the exponent 5 down; now also reduce the power of x by one.",
    ),
    (
        "d/dx (2x + 1)^3",
        "6(2x+1)^3",
        "The inner slope, 2, is right; the slip is in the outer part. You brought the exponent 3 down; now also reduce the power of 2x + 1 by one.",
    ),
    // Reduced the exponent but did not bring it down.
    (
        "d/dx x^5",
        "x^4",
        "the old exponent 5 also comes down in front as a factor.",
    ),
    // Wrong sign in the quotient rule.
    (
        "d/dx sin(x)/x",
        "(x cos x + sin x)/x^2",
        "Close: the quotient rule has a minus in the middle.",
    ),
    // The product rule as a product of derivatives.
    (
        "d/dx x^2 sin(x)",
        "2x cos(x)",
        "That multiplies the two derivatives, but a product does not work that way.",
    ),
    // Lost a constant factor.
    (
        "d/dx 4x^3",
        "3x^2",
        "The constant factor 4 went missing: it comes along, multiplying the slope.",
    ),
    // Kept a constant term.
    (
        "d/dx (x^2 + 1)",
        "2x + 1",
        "You differentiated the other terms but kept 1: it is a constant, so its slope is 0 and it drops out.",
    ),
    // Differentiated nothing at all.
    (
        "d/dx x^3",
        "x^3",
        "That is the function itself; the question asks for its slope.",
    ),
    // No rule explains it: a point, in plain words.
    (
        "d/dx x^3 + x",
        "7x",
        "Try a point: at x =",
    ),
];

#[test]
fn each_common_slip_is_named_in_words() {
    for (question, answer, words) in SLIPS {
        let (dir, path) = lesson(&format!("? {question}\n"));
        let out = stdout_of(
            nudge(&dir.path().join("p"))
                .args(["--interactive", "--seed", "2"])
                .arg(&path)
                .write_stdin(format!("{answer}\nquit\n")),
        );
        assert!(
            flat(&out).contains(words),
            "{question}, answered {answer}: expected {words:?} in\n{out}"
        );
    }
}
