//! The interactive session driven through a real pseudo-terminal.

#![cfg(unix)]

use rexpect::process::WaitStatus;
use rexpect::session::{spawn_command, PtySession};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const TIMEOUT_MS: u64 = 15_000;

/// Waits for `needle` and returns what came before it, as UTF-8 text.
/// (rexpect reads bytes one by one as Latin-1 characters, so the needle is spelled that way.)
fn expect(p: &mut PtySession, needle: &str) -> Result<String, rexpect::error::Error> {
    let latin1: String = needle.bytes().map(char::from).collect();
    let before = p.exp_string(&latin1)?;
    let bytes: Vec<u8> = before.chars().map(|c| c as u8).collect();
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// nudge on a terminal, with its history in `history` and colour as `colour` says.
fn start(history: &Path, colour: &str) -> PtySession {
    start_seeing(history, colour).0
}

/// `start`, also returning what nudge wrote before its first prompt.
fn start_seeing(history: &Path, colour: &str) -> (PtySession, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nudge"));
    cmd.env("TERM", "xterm")
        .env("NUDGE_HISTORY", history)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .args(["--color", colour]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn nudge on a pty");
    let before = expect(&mut p, "nudge> ").expect("a prompt");
    (p, before)
}

/// Waits for an answer's own line, one the preview shown while typing never holds, then
/// for the prompt after it: keys sent before the prompt reach a terminal not yet reading
/// them, and may be lost.
fn answered(p: &mut PtySession, line: &str) -> String {
    let before = expect(p, line).unwrap_or_else(|e| panic!("{line}: {e}"));
    expect(p, "nudge> ").expect("the prompt after the answer");
    before
}

/// Ctrl-D at a prompt, and the exit status must be 0.
fn leave(mut p: PtySession) {
    p.send_control('d').expect("send Ctrl-D");
    p.exp_eof().expect("nudge ends");
    match p.process().wait() {
        Ok(WaitStatus::Exited(_, code)) => assert_eq!(code, 0, "Ctrl-D exits with 0"),
        other => panic!("nudge did not exit normally: {other:?}"),
    }
}

fn temp_history() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("history");
    (dir, path)
}

#[test]
fn banner_prompt_and_an_answer_with_steps() {
    let (_dir, history) = temp_history();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nudge"));
    cmd.env("TERM", "xterm")
        .env("NUDGE_HISTORY", &history)
        .args(["--color", "never"]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn");
    expect(&mut p, concat!("nudge ", env!("CARGO_PKG_VERSION")))
        .expect("the banner names nudge and its version");
    expect(&mut p, "help").expect("the banner says to type help");
    expect(&mut p, "nudge> ").expect("a prompt");
    p.send_line("d/dx sin(x^2)").expect("send");
    expect(&mut p, "chain rule").expect("the rule is named");
    expect(&mut p, "d/dx sin(x²) = 2x·cos(x²)").expect("the result");
    expect(&mut p, "nudge> ").expect("the prompt again");
    leave(p);
}

#[test]
fn history_is_recalled_with_up_in_a_second_session() {
    let (_dir, history) = temp_history();
    let mut p = start(&history, "never");
    p.send_line("d/dx x^5").expect("send");
    answered(&mut p, "d/dx x⁵ = 5x⁴");
    leave(p);
    let saved = std::fs::read_to_string(&history).expect("history written");
    assert!(saved.contains("d/dx x^5"), "{saved}");

    let mut p = start(&history, "never");
    p.send("\x1b[A").expect("Up");
    p.flush().expect("flush");
    p.send("\r").expect("Enter");
    p.flush().expect("flush");
    answered(&mut p, "d/dx x⁵ = 5x⁴");
    leave(p);
}

#[test]
fn an_unwritable_history_warns_once_and_the_session_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a directory").expect("write");
    let (mut p, before) = start_seeing(&blocker.join("history"), "never");
    assert!(before.contains("nudge: cannot keep history in"), "{before}");
    assert!(
        before.contains("the session goes on without saving it"),
        "{before}"
    );
    p.send_line("d/dx x^2").expect("send");
    answered(&mut p, "d/dx x² = 2x");
    p.send_line("d/dx x^3").expect("send");
    let seen = answered(&mut p, "d/dx x³ = 3x²");
    assert!(
        !seen.contains("cannot keep history"),
        "warned only once: {seen}"
    );
    leave(p);
}

#[test]
fn tab_completes_function_names_and_backslash_symbols() {
    let (_dir, history) = temp_history();
    let mut p = start(&history, "never");
    p.send("d/dx arct\t").expect("Tab");
    p.flush().expect("flush");
    p.send_line(" x").expect("send");
    expect(&mut p, "d/dx arctan(x) =").expect("arct became arctan");
    expect(&mut p, "nudge> ").expect("prompt");
    p.send("cos(\\pi\t").expect("Tab");
    p.flush().expect("flush");
    p.send_line(")").expect("send");
    expect(&mut p, "Reading: cos(π)").expect("\\pi became π");
    expect(&mut p, "Value: -1").expect("cos π");
    expect(&mut p, "nudge> ").expect("prompt");
    p.send("help chai\t").expect("Tab");
    p.flush().expect("flush");
    p.send_line("").expect("send");
    answered(&mut p, "Chain rule:");
    leave(p);
}

#[test]
fn defined_names_complete_too() {
    let (_dir, history) = temp_history();
    let mut p = start(&history, "never");
    p.send_line("velocity(t) = 3t^2").expect("send");
    expect(&mut p, "Defined").expect("defined");
    expect(&mut p, "nudge> ").expect("prompt");
    p.send("veloc\t").expect("Tab");
    p.flush().expect("flush");
    p.send_line("(2)").expect("send");
    answered(&mut p, "Value: 12");
    leave(p);
}

#[test]
fn a_defined_vector_lives_on_in_the_session_and_completes() {
    let (_dir, history) = temp_history();
    let mut p = start(&history, "never");
    p.send_line("position(t) = (cos t, sin t, t)")
        .expect("send");
    expect(&mut p, "Defined: position(t) = (cos(t), sin(t), t)").expect("defined");
    expect(&mut p, "nudge> ").expect("prompt");
    p.send("|posi\t").expect("Tab");
    p.flush().expect("flush");
    p.send_line("'(t)|").expect("send");
    expect(&mut p, "|position′(t)| = √2").expect("the speed, by name");
    expect(&mut p, "nudge> ").expect("prompt");
    p.send("jacob\t").expect("Tab");
    p.flush().expect("flush");
    p.send_line("(position) at (0)").expect("send");
    expect(&mut p, "Reading: jacobian(position) at (0)").expect("jacobian completed");
    answered(&mut p, "At (0): J = ");
    leave(p);
}

#[test]
fn an_open_bracket_continues_on_the_next_line() {
    let (_dir, history) = temp_history();
    let mut p = start(&history, "never");
    p.send_line("d/dx (x^2 +").expect("send");
    // The prompt says the line goes on.
    expect(&mut p, "…> ").expect("the continuation prompt");
    p.send_line("1)^3").expect("send");
    expect(&mut p, "Reading: d/dx (x² + 1)³").expect("one query over two lines");
    answered(&mut p, "chain rule");
    leave(p);
}

#[test]
fn lines_pasted_in_one_burst_are_all_answered() {
    let (_dir, history) = temp_history();
    let mut p = start(&history, "never");
    p.send("d/dx x^2\nd/dx x^3\nd/dx x^4\n")
        .expect("paste three lines");
    // Each answer's own words, which no preview holds, in the order the lines were pasted.
    for n in 2..=4 {
        answered(&mut p, &format!("Bring the exponent {n} down"));
    }
    leave(p);
}

#[test]
fn ctrl_c_clears_the_line_and_the_session_goes_on() {
    let (_dir, history) = temp_history();
    let mut p = start(&history, "never");
    p.send("d/dx garbage(").expect("send");
    p.flush().expect("flush");
    expect(&mut p, "garbage(").expect("the line as typed");
    p.send_control('c').expect("Ctrl-C");
    expect(&mut p, "nudge> ").expect("a fresh prompt");
    p.send_line("d/dx x^2").expect("send");
    let before = answered(&mut p, "d/dx x² = 2x");
    assert!(!before.contains("Reading: d/dx garbage"), "{before}");
    leave(p);
}

#[test]
fn ctrl_c_stops_a_long_computation() {
    let (_dir, history) = temp_history();
    let mut p = start(&history, "never");
    p.send_line("f(x) = x^3").expect("send");
    answered(&mut p, "Defined");
    p.send_line("d^30/dx^30 x^x").expect("send a slow question");
    // Ctrl-C once nudge says it is working, not before the line has even been read.
    expect(&mut p, "Still working on it… Ctrl-C stops it.").expect("a word while it works");
    p.send_control('c').expect("Ctrl-C");
    expect(&mut p, "Stopped.").expect("the computation stops");
    expect(&mut p, "nudge> ").expect("back at the prompt");
    p.send_line("f'(x)").expect("send");
    answered(&mut p, "f′(x) = 3x²");
    leave(p);
}

#[test]
fn a_hint_previews_the_result_while_typing() {
    let (_dir, history) = temp_history();
    let mut p = start(&history, "never");
    p.send("d/dx x^3").expect("type");
    p.flush().expect("flush");
    expect(&mut p, "= 3x²").expect("a preview after the cursor");
    p.send_control('c').expect("Ctrl-C");
    expect(&mut p, "nudge> ").expect("a fresh prompt");
    leave(p);
}

#[test]
fn colour_follows_the_flag() {
    let (_dir, history) = temp_history();
    let mut p = start(&history, "always");
    p.send_line("d/dx x^2").expect("send");
    answered(&mut p, "\x1b[1mReading:");
    leave(p);

    let mut p = start(&history, "never");
    p.send_line("d/dx x^2").expect("send");
    let before = answered(&mut p, "d/dx x² = 2x");
    assert!(before.contains("Reading: d/dx x²"), "{before:?}");
    assert!(
        !before.contains("\x1b[1m"),
        "no colour when it is off: {before:?}"
    );
    leave(p);
}

#[test]
fn quit_leaves_with_status_zero() {
    let (_dir, history) = temp_history();
    let mut p = start(&history, "never");
    p.send_line("quit").expect("send");
    p.exp_eof().expect("nudge ends");
    assert!(matches!(p.process().wait(), Ok(WaitStatus::Exited(_, 0))));
}

#[test]
fn history_keeps_the_last_thousand_lines() {
    let (_dir, history) = temp_history();
    let mut old = String::from("#V2\n");
    for i in 1..=1100 {
        old.push_str(&format!("x^{i}\n"));
    }
    std::fs::write(&history, old).expect("write history");
    let mut p = start(&history, "never");
    p.send_line("d/dx x^2").expect("send");
    answered(&mut p, "d/dx x² = 2x");
    leave(p);
    let saved = std::fs::read_to_string(&history).expect("history");
    let entries: Vec<&str> = saved.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(entries.len(), 1000);
    assert_eq!(entries.last(), Some(&"d/dx x^2"), "appended after the line");
}

#[test]
fn no_history_flag_leaves_the_file_alone() {
    let (_dir, history) = temp_history();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nudge"));
    cmd.env("TERM", "xterm")
        .env("NUDGE_HISTORY", &history)
        .args(["--color", "never", "--no-history"]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn");
    expect(&mut p, "nudge> ").expect("prompt");
    p.send_line("d/dx x^2").expect("send");
    answered(&mut p, "d/dx x² = 2x");
    leave(p);
    assert!(!history.exists(), "--no-history writes nothing");
}

#[test]
fn auto_colour_follows_no_color_on_a_terminal() {
    let (_dir, history) = temp_history();
    for (no_color, coloured) in [(false, true), (true, false)] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_nudge"));
        cmd.env("TERM", "xterm")
            .env("NUDGE_HISTORY", &history)
            .env_remove("CLICOLOR_FORCE")
            .env_remove("NO_COLOR");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn");
        expect(&mut p, "nudge> ").expect("prompt");
        p.send_line("d/dx x^2").expect("send");
        let before = answered(&mut p, "power rule");
        assert_eq!(
            before.contains("\x1b[1mReading:"),
            coloured,
            "NO_COLOR={no_color}: {before:?}"
        );
        leave(p);
    }
}

#[test]
fn long_lines_break_between_words_on_the_terminal() {
    let (_dir, history) = temp_history();
    let mut p = start(&history, "never");
    p.send_line("∂/∂x (x^2 y)").expect("send");
    let shown = expect(&mut p, "Only x is nudged.").expect("the note");
    // The note is wider than the terminal (80 columns here): it breaks between two words
    // and goes on two columns further in than it began.
    let note = &shown[shown.find("  Partial derivative").expect("the note starts")..];
    assert!(note.contains("\r\n    "), "{note:?}");
    assert!(!note.contains("\r\n     "), "{note:?}");
    assert!(note.lines().all(|l| l.chars().count() <= 81), "{note:?}");
    expect(&mut p, "nudge> ").expect("prompt");
    leave(p);
}

/// The nudge started with `NUDGE_TEST_MARK=mark` in its environment.
fn pid_marked(mark: &str) -> u32 {
    let wanted = format!("NUDGE_TEST_MARK={mark}");
    std::fs::read_dir("/proc")
        .expect("/proc")
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .find(|pid| {
            std::fs::read(format!("/proc/{pid}/environ"))
                .is_ok_and(|env| env.split(|b| *b == 0).any(|v| v == wanted.as_bytes()))
        })
        .expect("the marked nudge is running")
}

/// CPU time (user + system, in clock ticks) the process has used.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    // Fields after the command name, which is bracketed and may hold spaces.
    let rest = &stat[stat.rfind(')').expect("comm") + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime")
}

/// Once back at the prompt, nudge does no more work: no thread left computing.
fn goes_idle(pid: u32) {
    let before = cpu_ticks(pid);
    // Long enough for a thread left spinning to show (it would use every tick of it).
    std::thread::sleep(Duration::from_millis(600));
    let used = cpu_ticks(pid) - before;
    // At 100 ticks a second, a spinning thread uses about 60; an idle prompt none.
    assert!(used < 20, "{used} ticks of CPU at an idle prompt");
}

fn start_marked(history: &Path, mark: &str) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nudge"));
    cmd.env("TERM", "xterm")
        .env("NUDGE_HISTORY", history)
        .env("NUDGE_TEST_MARK", mark)
        .args(["--color", "never"]);
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn nudge on a pty");
    expect(&mut p, "nudge> ").expect("a prompt");
    p
}

#[test]
fn ctrl_c_stops_a_long_answer_and_nudge_goes_idle() {
    let (_dir, history) = temp_history();
    let mut p = start_marked(&history, "long-answer");
    let pid = pid_marked("long-answer");
    p.send_line("d^30/dx^30 x^x").expect("send a slow question");
    expect(&mut p, "Still working on it… Ctrl-C stops it.").expect("a word while it works");
    p.send_control('c').expect("Ctrl-C");
    expect(&mut p, "Stopped.").expect("the computation stops");
    expect(&mut p, "nudge> ").expect("back at the prompt");
    goes_idle(pid);
    p.send_line("d/dx x^3").expect("send");
    answered(&mut p, "d/dx x³ = 3x²");
    leave(p);
}

#[test]
fn ctrl_c_stops_a_long_practice_answer_and_leaves_the_practice() {
    let (_dir, history) = temp_history();
    let mut p = start_marked(&history, "practice-answer");
    let pid = pid_marked("practice-answer");
    p.send_line("practice power").expect("practice");
    expect(&mut p, "answer> ").expect("an answer prompt");
    p.send_line("d^17/dx^17 x^x")
        .expect("an answer that takes long to read");
    expect(&mut p, "Still working on it… Ctrl-C stops it.").expect("a word while it works");
    p.send_control('c').expect("Ctrl-C");
    expect(&mut p, "nudge> ").expect("back at the prompt");
    goes_idle(pid);
    p.send_line("d/dx x^3").expect("send");
    answered(&mut p, "d/dx x³ = 3x²");
    leave(p);
}

/// Threads the process runs now.
fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a thread count")
}

#[test]
fn previews_of_a_slow_line_stop_as_typing_goes_on() {
    let (_dir, history) = temp_history();
    let mut p = start_marked(&history, "slow-preview");
    let pid = pid_marked("slow-preview");
    // Past the first few keystrokes, each asks for a preview that would take seconds.
    let tower = format!("d^3/dx^3 x{}", "^x".repeat(25));
    p.send(&tower).expect("type");
    // Keys are read in order: once Ctrl-C has emptied the line, every keystroke above has
    // been seen (an empty line is drawn as the prompt with the cursor just after it).
    p.send_control('c').expect("Ctrl-C");
    expect(&mut p, "nudge> \r\x1b[7C").expect("an empty line");
    goes_idle(pid);
    // The process's own thread and the engine's: no preview left working.
    assert!(threads(pid) <= 3, "{} threads", threads(pid));
    leave(p);
}

#[test]
fn ctrl_c_stops_a_long_definite_integral_and_nudge_goes_idle() {
    let (_dir, history) = temp_history();
    let mut p = start_marked(&history, "long-integral");
    let pid = pid_marked("long-integral");
    // Gauss–Kronrod cuts this into its full 200,000 pieces: seconds of work.
    p.send_line("∫_0^1 sin(1/x) (2 + cos(x) tanh(x)) dx")
        .expect("send a slow area");
    expect(&mut p, "Still working on it… Ctrl-C stops it.").expect("a word while it works");
    p.send_control('c').expect("Ctrl-C");
    expect(&mut p, "Stopped.").expect("the area stops");
    expect(&mut p, "nudge> ").expect("back at the prompt");
    goes_idle(pid);
    p.send_line("∫_0^1 x^2 dx").expect("send");
    answered(&mut p, "= 1/3");
    leave(p);
}

/// nudge run with `args` on a terminal (a pty) and its stderr sent to a file, colour left to
/// decide for itself: what the terminal showed, and what went to the file.
fn with_stderr_to_a_file(args: &str) -> (String, String) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let errors = dir.path().join("errors.txt");
    let mut cmd = Command::new("sh");
    cmd.env("TERM", "xterm")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .current_dir(dir.path())
        .arg("-c")
        .arg(format!(
            "exec '{}' {args} 2>'{}'",
            env!("CARGO_BIN_EXE_nudge"),
            errors.display()
        ));
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn nudge on a pty");
    let shown = p.exp_eof().expect("nudge ends");
    let written = std::fs::read_to_string(&errors).expect("the errors file");
    (shown, written)
}

/// Colour is decided per stream: with stdout on a terminal and stderr sent to a file, the
/// answer is coloured and the error in the file has no escape codes.
#[test]
fn a_redirected_stderr_gets_no_colour_codes() {
    let (answer, written) = with_stderr_to_a_file("-e 'd/dx x^2' -e '2 +* 3'");
    assert!(
        answer.contains('\u{1b}'),
        "the answer on the terminal is coloured: {answer:?}"
    );
    assert!(written.starts_with("error: "), "{written:?}");
    assert!(!written.contains('\u{1b}'), "{written:?}");
}

/// A lesson's own problems (a line nudge cannot read, an expectation that fails) go to
/// stderr, coloured for stderr: sent to a file, they carry no escape codes while the lesson
/// on the terminal is coloured.
#[test]
fn a_lesson_s_problems_in_a_redirected_stderr_get_no_colour_codes() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let lesson = dir.path().join("broken.nudge");
    std::fs::write(
        &lesson,
        "= Broken\n\nSome words.\n\n> d/dx x^2 => 3x\n\n> 2 +* 3\n",
    )
    .expect("the lesson file");
    let (shown, written) = with_stderr_to_a_file(&format!("--check '{}'", lesson.display()));
    assert!(
        shown.contains('\u{1b}'),
        "the verdict on the terminal is coloured: {shown:?}"
    );
    assert!(written.contains("expectation failed: "), "{written:?}");
    assert!(written.contains("error: "), "{written:?}");
    assert!(!written.contains('\u{1b}'), "{written:?}");
}
