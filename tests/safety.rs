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
fn latex_markdown_html_and_json_carry_no_raw_control_characters() {
    let read = format!("read {CLEAR}\u{9b}1m");
    for format in ["latex", "markdown", "html"] {
        let (out, _) = shown(nudge().args(["--format", format, "-e", &read]));
        assert!(out.contains("␛"), "{out}");
        let (out, err) = shown(nudge().args(["--format", format, "-e", &format!("x{CLEAR}")]));
        assert!(format!("{out}{err}").contains('␛'), "{out}{err}");
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

// ---- bounded reads ---------------------------------------------------------------

/// How a run ended, and the most memory it held.
struct Measured {
    code: Option<i32>,
    stderr: String,
    peak_kib: i64,
}

/// Runs `cmd` to its end, killing it and failing if that takes longer than `limit`; the peak
/// memory (resident set) comes from the kernel's own account of the process.
#[allow(
    clippy::zombie_processes,
    reason = "wait4 reaps the child, with its resource use"
)]
fn measured(cmd: &mut std::process::Command, limit: std::time::Duration) -> Measured {
    use std::io::Read;
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("nudge starts");
    let mut stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let pid = child.id() as libc::pid_t;
    let started = std::time::Instant::now();
    let (mut status, mut usage) = (0, unsafe { std::mem::zeroed::<libc::rusage>() });
    loop {
        // SAFETY: wait4 on our own child, with pointers to locals.
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if done == pid {
            break;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not end within {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    Measured {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        stderr: reader.join().expect("stderr read"),
        peak_kib: usage.ru_maxrss,
    }
}

/// Wide margins: nudge needs about 15 MiB here; before lines were bounded it took gigabytes.
const PEAK_KIB: i64 = 200 * 1024;
const WITHIN: std::time::Duration = std::time::Duration::from_secs(30);

fn zero() -> std::fs::File {
    std::fs::File::open("/dev/zero").expect("/dev/zero")
}

#[test]
fn endless_input_ends_quickly_with_a_clear_message_in_little_memory() {
    let bin = assert_cmd::cargo::cargo_bin("nudge");
    let runs = [
        (vec![], "this line is longer than 524,288 bytes"),
        (vec!["--format", "json"], ""),
        (
            vec!["--check", "/dev/zero"],
            "/dev/zero: line 1 is longer than 524,288 bytes",
        ),
        (
            vec!["/dev/zero"],
            "/dev/zero: line 1 is longer than 524,288 bytes",
        ),
    ];
    for (args, message) in runs {
        let run = measured(
            std::process::Command::new(&bin)
                .args(&args)
                .env("NO_COLOR", "1")
                .stdin(zero()),
            WITHIN,
        );
        assert_eq!(run.code, Some(1), "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        assert!(
            run.peak_kib < PEAK_KIB,
            "{args:?} held {} KiB",
            run.peak_kib
        );
    }
    // Answers to a practice are bounded the same way.
    let run = measured(
        std::process::Command::new(&bin)
            .args(["--practice", "power"])
            .env("NO_COLOR", "1")
            .stdin(zero()),
        WITHIN,
    );
    assert!(
        run.stderr.contains("this answer is longer than"),
        "{}",
        run.stderr
    );
    assert!(
        run.peak_kib < PEAK_KIB,
        "practice held {} KiB",
        run.peak_kib
    );
}

#[test]
fn a_long_line_is_refused_and_the_lines_after_it_answered() {
    let mut input = "x+".repeat(600_000).into_bytes();
    input.extend_from_slice(b"\nd/dx x^3\n");
    let output = nudge().arg("-q").write_stdin(input).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "3x²\n");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("longer than 524,288 bytes") && err.contains("split it"),
        "{err}"
    );
}

/// nudge on a terminal through `sh`, which says its process id before it becomes nudge.
#[cfg(target_os = "linux")]
fn repl_with_history(history: &Path) -> (rexpect::session::PtySession, u32, String) {
    let mut cmd = std::process::Command::new("sh");
    cmd.args(["-c", "echo \"pid $$.\"; exec \"$0\" --color never"])
        .arg(assert_cmd::cargo::cargo_bin("nudge"))
        .env("TERM", "xterm")
        .env("NUDGE_HISTORY", history);
    let mut p = rexpect::session::spawn_command(cmd, Some(15_000)).expect("a pty");
    p.exp_string("pid ").expect("the pid");
    let pid = p
        .exp_string(".")
        .expect("the pid")
        .trim()
        .parse()
        .expect("a number");
    let before = p.exp_string("nudge> ").expect("a prompt, not a hang");
    (p, pid, before)
}

/// The most memory a live process has held, from the kernel's account.
#[cfg(target_os = "linux")]
fn peak_kib(pid: u32) -> i64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc");
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM");
    line.split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect("a number")
}

#[cfg(target_os = "linux")]
#[test]
fn a_history_path_that_is_not_a_file_gets_one_warning_and_no_hang() {
    let dir = tempfile::tempdir().expect("dir");
    let fifo = dir.path().join("fifo");
    let c = std::ffi::CString::new(fifo.to_str().expect("path")).expect("no NUL");
    // SAFETY: mkfifo with a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
    for history in [Path::new("/dev/zero"), &fifo, dir.path()] {
        let (mut p, pid, before) = repl_with_history(history);
        assert!(
            before.contains("cannot keep history in"),
            "{history:?}: {before}"
        );
        assert!(
            before.contains("not a regular file"),
            "{history:?}: {before}"
        );
        for (query, answer) in [("d/dx x^2", "d/dx x² = 2x"), ("d/dx x^3", "d/dx x³ = 3x²")] {
            p.send_line(query).expect("send");
            let latin1: String = answer.bytes().map(char::from).collect();
            let seen = p.exp_string(&latin1).expect("answered");
            assert!(!seen.contains("cannot keep history"), "warned once: {seen}");
            p.exp_string("nudge> ").expect("prompt");
        }
        assert!(
            peak_kib(pid) < PEAK_KIB,
            "{history:?}: {} KiB",
            peak_kib(pid)
        );
        p.send_control('d').expect("Ctrl-D");
        p.exp_eof().expect("nudge ends");
    }
    assert!(fifo.exists() && dir.path().is_dir(), "nothing was replaced");
}

// ---- files kept between sessions: atomic, locked, merged ---------------------------

/// Lines each writer process adds: few enough that a round never pushes its own lines out
/// of the 1,000 the history keeps.
const WRITES: u32 = 100;

/// Not a test on its own: the writer the kill tests start, each in a process of its own (this
/// test binary again, running only this function). It does nothing unless
/// `NUDGE_TEST_WRITER` says what to write, and says `wrote N` after each write has returned.
#[test]
fn writer_process() {
    use std::io::Write;
    let Ok(kind) = std::env::var("NUDGE_TEST_WRITER") else {
        return;
    };
    let path = std::path::PathBuf::from(std::env::var("NUDGE_TEST_FILE").expect("a file"));
    let name = std::env::var("NUDGE_TEST_NAME").expect("a name");
    // Progress is found through NUDGE_PROGRESS, which names the same file.
    let mut progress = (kind == "progress").then(nudge::lesson::Progress::load);
    let mut out = std::io::stdout().lock();
    for n in 0..WRITES {
        match &mut progress {
            Some(progress) => progress.finish(&format!("{name}-{n}")),
            None => nudge::store::history::append(&path, &format!("{name} {n}")),
        }
        .expect("written");
        writeln!(out, "wrote {n}")
            .and_then(|()| out.flush())
            .expect("said");
    }
}

/// A small random generator for the moments of the kills; the seed is in every failure.
struct Moments(u64);

impl Moments {
    fn new() -> Moments {
        let clock = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64);
        Moments(clock | 1)
    }

    /// Milliseconds, from 0 to `most`.
    fn next(&mut self, most: u64) -> std::time::Duration {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        std::time::Duration::from_millis(self.0 % (most + 1))
    }
}

/// Starts four writers of `kind` on `file`, kills each with SIGKILL at a random moment, and
/// returns each writer's name with the last write it finished.
fn kill_writers(
    kind: &str,
    file: &Path,
    round: u32,
    moments: &mut Moments,
) -> Vec<(String, Option<u32>)> {
    let mut writers = Vec::new();
    for w in 0..4 {
        let name = format!("r{round}w{w}");
        let child = std::process::Command::new(std::env::current_exe().expect("this test binary"))
            .args([
                "writer_process",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("NUDGE_TEST_WRITER", kind)
            .env("NUDGE_TEST_FILE", file)
            .env("NUDGE_PROGRESS", file)
            .env("NUDGE_TEST_NAME", &name)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("a writer starts");
        writers.push((name, child));
    }
    writers
        .into_iter()
        .map(|(name, mut child)| {
            std::thread::sleep(moments.next(40));
            let _ = child.kill();
            let output = child.wait_with_output().expect("the writer ends");
            let last = String::from_utf8_lossy(&output.stdout)
                .lines()
                // The first may share a line with the test harness's own words.
                .filter_map(|l| l.split("wrote ").nth(1)?.parse().ok())
                .next_back();
            (name, last)
        })
        .collect()
}

/// Numbers a writer's lines carry in the order they appear; they must run 0, 1, 2, … with
/// nothing missing, and reach the last write it finished (or the one after, cut off by the kill).
fn check_writer(name: &str, numbers: &[u32], last: Option<u32>, seed: u64) {
    let expected: Vec<u32> = (0..numbers.len() as u32).collect();
    assert_eq!(numbers, expected, "{name}: seed {seed}");
    let written = numbers.len() as u32;
    let finished = last.map_or(0, |l| l + 1);
    assert!(
        written == finished || written == finished + 1,
        "{name} finished {finished} writes but the file holds {written}: seed {seed}"
    );
}

#[test]
fn history_stays_whole_when_writers_are_killed_at_random_moments() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("history");
    let mut text = String::from("#V2\n");
    for i in 0..1000 {
        text.push_str(&format!("old {i}\n"));
    }
    std::fs::write(&file, text).expect("a full history");
    let mut moments = Moments::new();
    let seed = moments.0;
    let entries = |file: &Path| -> Vec<String> {
        let text = std::fs::read_to_string(file).expect("the history");
        // Whole: the header, then whole lines.
        assert!(
            text.starts_with("#V2\n") && text.ends_with('\n'),
            "seed {seed}: {text}"
        );
        text.lines().skip(1).map(str::to_string).collect()
    };
    for round in 0..8 {
        let before = entries(&file);
        let writers = kill_writers("history", &file, round, &mut moments);
        let after = entries(&file);
        assert_eq!(after.len(), 1000, "seed {seed}");
        let new = after.iter().filter(|e| !before.contains(e)).count();
        // The oldest lines gave way to the new ones, which all follow them.
        assert_eq!(after[..1000 - new], before[new..], "seed {seed}");
        for (name, last) in writers {
            let numbers: Vec<u32> = after[1000 - new..]
                .iter()
                .filter_map(|e| e.strip_prefix(&format!("{name} "))?.parse().ok())
                .collect();
            check_writer(&name, &numbers, last, seed);
        }
        let from_this_round = after[1000 - new..]
            .iter()
            .all(|e| e.starts_with(&format!("r{round}w")));
        assert!(from_this_round, "seed {seed}: {after:?}");
    }
}

#[test]
fn progress_stays_whole_when_writers_are_killed_at_random_moments() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("progress");
    let mut moments = Moments::new();
    let seed = moments.0;
    let mut kept: Vec<String> = Vec::new();
    for round in 0..6 {
        let writers = kill_writers("progress", &file, round, &mut moments);
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            text.is_empty() || text.ends_with('\n'),
            "seed {seed}: {text}"
        );
        let ids: Vec<&str> = text.lines().collect();
        // Nothing finished in an earlier round is forgotten.
        for id in &kept {
            assert!(ids.contains(&id.as_str()), "{id} lost: seed {seed}");
        }
        for (name, last) in writers {
            let mut numbers: Vec<u32> = ids
                .iter()
                .filter_map(|id| id.strip_prefix(&format!("{name}-"))?.parse().ok())
                .collect();
            numbers.sort_unstable();
            check_writer(&name, &numbers, last, seed);
        }
        kept = ids.iter().map(|s| s.to_string()).collect();
    }
}

#[test]
fn twelve_lessons_finishing_at_once_are_all_remembered() {
    use std::io::Write;
    let bin = assert_cmd::cargo::cargo_bin("nudge");
    let dir = tempfile::tempdir().expect("dir");
    for round in 0..3 {
        let progress = dir.path().join(format!("progress{round}"));
        let lessons: Vec<std::process::Child> = (1..=12)
            .map(|n| {
                std::process::Command::new(&bin)
                    .args(["--interactive", "--seed", "1", "--lesson", &n.to_string()])
                    .env("NUDGE_PROGRESS", &progress)
                    .env("NO_COLOR", "1")
                    .stdin(std::process::Stdio::piped())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("a lesson starts")
            })
            .collect();
        for mut lesson in lessons {
            // "skip" shows each exercise's working and goes on past each pause.
            let mut stdin = lesson.stdin.take().expect("stdin");
            stdin
                .write_all("skip\n".repeat(300).as_bytes())
                .expect("answers");
            drop(stdin);
            let output = lesson.wait_with_output().expect("the lesson ends");
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let tour = nudge()
            .env("NUDGE_PROGRESS", &progress)
            .args(["--lesson", "0"])
            .output()
            .expect("the tour");
        let tour = String::from_utf8_lossy(&tour.stdout);
        assert_eq!(tour.matches('✓').count(), 12, "round {round}: {tour}");
    }
}

/// Everything nudge wrote to the terminal, as bytes (rexpect reads them as Latin-1 characters).
#[cfg(unix)]
fn bytes_of(latin1: &str) -> Vec<u8> {
    latin1.chars().map(|c| c as u8).collect()
}

#[cfg(unix)]
#[test]
fn control_characters_typed_at_the_prompt_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().expect("dir");
    let history = dir.path().join("history");
    for colour in ["never", "always"] {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("nudge"));
        cmd.env("TERM", "xterm")
            .env("NUDGE_HISTORY", &history)
            .args(["--color", colour]);
        let mut p = rexpect::session::spawn_command(cmd, Some(15_000)).expect("a pty");
        p.exp_string("nudge> ").expect("a prompt");
        // Ctrl-V puts the next key in the line as it is: ESC, BEL, a carriage return.
        // (The line editor counts columns on the raw line, so after such a character its
        // cursor may sit a few columns off what is shown; what it shows is safe.)
        p.send("d/dx x\x16\x1b]0;HIJACKED\x16\x07 + 1\x16\r")
            .expect("typed");
        p.flush().expect("flush");
        let latin1 = |text: &str| -> String { text.bytes().map(char::from).collect() };
        // Only the carriage return typed last is shown as ␍.
        let echoed = p.exp_string(&latin1("␍")).expect("the line, shown");
        p.send_line("").expect("Enter");
        let answer = p
            .exp_string("could not read this")
            .expect("an error for the line");
        p.exp_string("nudge> ").expect("the prompt again");
        // The line kept in the history comes back shown too.
        p.send("\x1b[A").expect("Up");
        p.flush().expect("flush");
        let recalled = p.exp_string("HIJACKED").expect("the recalled line")
            + &p.exp_string(&latin1("␇")).expect("shown");
        let seen = bytes_of(&format!("{echoed}{answer}{recalled}"));
        let seen = String::from_utf8_lossy(&seen);
        assert!(seen.contains("x␛]"), "{colour}: {seen:?}");
        // (The line editor's own carriage returns and cursor moves are in there too.)
        for raw in ["\x1b]", "\x07"] {
            assert!(
                !seen.contains(raw),
                "{colour}: {raw:?} reached the terminal: {seen:?}"
            );
        }
        p.send_control('c').expect("Ctrl-C");
        p.exp_string("nudge> ").expect("a fresh prompt");
        p.send_control('d').expect("Ctrl-D");
        p.exp_eof().expect("nudge ends");
    }
}

#[cfg(unix)]
#[test]
fn a_bad_flag_value_is_echoed_shown_on_a_terminal() {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("nudge"));
    cmd.env("TERM", "xterm")
        .args(["--color", "always", "--format", &format!("{TITLE}x\ry")]);
    let mut p = rexpect::session::spawn_command(cmd, Some(15_000)).expect("a pty");
    let seen = bytes_of(&p.exp_eof().expect("nudge ends"));
    let seen = String::from_utf8_lossy(&seen);
    assert!(
        seen.contains("invalid value") && seen.contains("x␍y"),
        "{seen:?}"
    );
    for raw in ["\x1b]", "\x07"] {
        assert!(
            !seen.contains(raw),
            "{raw:?} reached the terminal: {seen:?}"
        );
    }
}
