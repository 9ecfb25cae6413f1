//! The terminal side of lessons and practice: lesson files, the learner's keyboard, the tour list, progress notes.

use super::ansi::Ansi;
use super::paint::Colored;
use super::Cli;
use colored::Colorize;
use nudge::engine::Tutor;
use nudge::explain::doc::Tag;
use nudge::expr::thousands;
use nudge::format::TextOptions;
use nudge::input::{read_line, stop_reading_when, Line, MAX_LINE_BYTES};
use nudge::lesson::exercise::Context;
use nudge::lesson::script::{read_lesson_text, ItemKind};
use nudge::lesson::{
    play, practice, read_script, Builtin, Io, Learner, Mode, Options, Progress, Report, Rng,
    Script, ScriptError, Topic, TOUR,
};
use nudge::present::wrap::wrap;
use nudge::present::Paint;
use nudge::visible::visible;
use nudge::Session;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Set by Ctrl-C during a lesson or practice on the terminal: the learner's next answer is `quit`.
static LEAVE: AtomicBool = AtomicBool::new(false);
/// The thread that reads the learner's answers (a `pthread_t`): the signal may reach another.
static READER: AtomicUsize = AtomicUsize::new(0);

/// The learner's lines from any reader (standard input, or the rest of a piped session).
pub struct Lines<'a>(pub &'a mut dyn BufRead);

impl Learner for Lines<'_> {
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        let mut out = io::stdout().lock();
        // Ctrl-C while the lesson wrote or worked leaves at this question.
        if LEAVE.swap(false, Ordering::SeqCst) {
            return Ok(Some("quit".to_string()));
        }
        write!(out, "{prompt}")?;
        out.flush()?;
        let mut line = Vec::new();
        let read = match read_line(self.0, &mut line, MAX_LINE_BYTES) {
            // Ctrl-C while waiting for the answer leaves as `quit` does.
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                LEAVE.store(false, Ordering::SeqCst);
                writeln!(out)?;
                return Ok(Some("quit".to_string()));
            }
            read => read?,
        };
        match read {
            Line::Read => Ok(Some(String::from_utf8_lossy(&line).into_owned())),
            Line::End => {
                writeln!(out)?;
                Ok(None)
            }
            // An answer nudge would not read anyway ends the answers, without reading it whole.
            Line::TooLong => {
                writeln!(out)?;
                out.flush()?;
                eprintln!(
                    "{} this answer is longer than {} bytes, the longest line nudge reads; no more answers are read",
                    Ansi::stderr().paint(Tag::Error, "error:"),
                    thousands(MAX_LINE_BYTES)
                );
                Ok(None)
            }
        }
    }
}

/// How lessons run for these flags: checked, asked on a terminal, or read from a pipe.
pub fn options(cli: &Cli) -> Options {
    let mode = if cli.check {
        Mode::Check
    } else if cli.interactive || io::stdin().is_terminal() {
        Mode::Interactive
    } else {
        Mode::Read
    };
    let width = super::width::chosen()
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0).clamp(40, 100)))
        .unwrap_or(80);
    Options {
        mode,
        strict: cli.strict,
        text: TextOptions {
            unicode: !cli.ascii,
            quiet: false,
        },
        width,
        seed: cli.seed.unwrap_or_else(|| Rng::from_clock().next_u64()),
    }
}

extern "C" fn on_interrupt(signal: libc::c_int) {
    LEAVE.store(true, Ordering::SeqCst);
    // The read to interrupt is on the reader's thread; the signal may have reached another.
    // SAFETY: pthread_self and pthread_kill are async-signal-safe, and the reader thread
    // lives as long as the handler is installed (`on_stdout` puts the default back).
    unsafe {
        let reader = READER.load(Ordering::SeqCst) as libc::pthread_t;
        if libc::pthread_equal(libc::pthread_self(), reader) == 0 {
            libc::pthread_kill(reader, signal);
        }
    }
}

/// What Ctrl-C does: leave the lesson (`true`), or end nudge as it does by default.
fn on_ctrl_c(leave: bool) {
    let handler: extern "C" fn(libc::c_int) = on_interrupt;
    // SAFETY: the handler only stores to an atomic and signals a live thread; the action is
    // fully initialised (zeroed, then an empty mask) before it is installed.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = if leave {
            READER.store(libc::pthread_self() as usize, Ordering::SeqCst);
            handler as libc::sighandler_t
        } else {
            libc::SIG_DFL
        };
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
    }
}

/// Runs `f` with standard input as the learner and buffered standard output; exit code 1 if output failed.
fn on_stdout(
    options: &Options,
    f: impl FnOnce(&mut dyn Learner, &mut dyn Write) -> io::Result<bool>,
) -> i32 {
    // Ctrl-C in a lesson or practice leaves it as `quit` does, so the learner hears where
    // they stopped. No `SA_RESTART`: a read waiting for the keyboard returns.
    let interactive = options.mode == Mode::Interactive;
    if interactive {
        stop_reading_when(&LEAVE);
        on_ctrl_c(true);
    }
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = f(&mut Lines(&mut input), &mut out).and_then(|clean| {
        out.flush()?;
        Ok(clean)
    });
    if interactive {
        on_ctrl_c(false);
    }
    match result {
        Ok(clean) => i32::from(!clean),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("nudge: cannot write the lesson: {e}");
            1
        }
    }
}

/// `nudge FILE...` and `nudge --check FILE...`.
pub fn run_files(cli: &Cli) -> i32 {
    let options = options(cli);
    on_stdout(&options, |learner, out| {
        let mut clean = true;
        for path in &cli.files {
            let text = match read_file(path) {
                Ok(text) => text,
                Err(message) => {
                    out.flush()?;
                    eprintln!(
                        "{} {}: {message}",
                        Ansi::stderr().paint(Tag::Error, "error:"),
                        visible(&path.display().to_string())
                    );
                    clean = false;
                    continue;
                }
            };
            let (script, problems) = read_script(&path.display().to_string(), &text);
            clean &= run_script(&script, &problems, &options, None, learner, out)?.clean();
        }
        Ok(clean)
    })
}

/// `nudge --lesson N`; 0 lists the tour.
pub fn run_builtin(cli: &Cli, n: usize) -> i32 {
    if n != 0 && Builtin::numbered(n).is_none() {
        eprintln!(
            "{} there is no lesson {n}; the tour has lessons 1 to {} (nudge --lesson 0 lists them)",
            Ansi::stderr().paint(Tag::Error, "error:"),
            TOUR.len()
        );
        return 2;
    }
    let request = if n == 0 {
        Tutor::List
    } else {
        Tutor::Lesson(n)
    };
    let options = options(cli);
    on_stdout(&options, |learner, out| {
        serve(request, learner, out, &options)
    })
}

/// `nudge --check` with no files: every built-in lesson.
pub fn check_tour(cli: &Cli) -> i32 {
    let options = options(cli);
    on_stdout(&options, |learner, out| {
        let mut clean = true;
        for lesson in TOUR {
            let (script, problems) = lesson.script();
            clean &= run_script(&script, &problems, &options, None, learner, out)?.clean();
        }
        Ok(clean)
    })
}

/// `nudge --practice TOPIC`: exit 2 for an unknown topic.
pub fn run_practice(cli: &Cli, name: &str) -> i32 {
    let Some(topic) = Topic::named(name) else {
        eprintln!(
            "{} there is no practice topic '{}'; the topics are {}",
            Ansi::stderr().paint(Tag::Error, "error:"),
            visible(name),
            Topic::names()
        );
        return 2;
    };
    let options = options(cli);
    on_stdout(&options, |learner, out| {
        serve(Tutor::Practice(topic), learner, out, &options)
    })
}

/// Plays what a session asked for (`lessons`, `lesson N`, `practice TOPIC`), in a fresh session
/// so the learner's own definitions stay as they were. `Ok(false)` when a lesson had problems.
pub fn serve(
    request: Tutor,
    learner: &mut dyn Learner,
    out: &mut dyn Write,
    options: &Options,
) -> io::Result<bool> {
    match request {
        Tutor::List => {
            out.write_all(tour_list().as_bytes())?;
            Ok(true)
        }
        Tutor::Lesson(n) => match Builtin::numbered(n) {
            Some(lesson) => {
                let (script, problems) = lesson.script();
                let report =
                    run_script(&script, &problems, options, Some(lesson.id), learner, out)?;
                let next = Builtin::numbered(n + 1);
                if let (Mode::Interactive, false, Some(next)) = (options.mode, report.stopped, next)
                {
                    writeln!(out, "Next: lesson {}, {}.", n + 1, next.title())?;
                }
                if options.mode == Mode::Interactive && report.stopped && report.clean() {
                    let said = left_at(n, &lesson.title(), &script, &report);
                    writeln!(out, "{}", wrap(&said, options.width))?;
                }
                Ok(report.clean())
            }
            None => Ok(false),
        },
        Tutor::Practice(topic) => {
            let mut session = Session::new();
            let mut rng = Rng::new(options.seed);
            let mut cx = Context {
                session: &mut session,
                learner,
                out,
                text: options.text,
                width: options.width,
                rng: &mut rng,
                paint: &Colored,
            };
            practice(topic, &mut cx)?;
            Ok(true)
        }
    }
}

/// Where the learner left a lesson, and how to come back to it.
fn left_at(n: usize, title: &str, script: &Script, report: &Report) -> String {
    let total = script
        .items
        .iter()
        .filter(|item| matches!(item.kind, ItemKind::Exercise(_)))
        .count();
    let place = if report.left_in_exercise {
        format!("at exercise {} of {total}", report.exercises)
    } else if report.exercises == 0 {
        "before its first exercise".to_string()
    } else {
        format!("after {} of its {total} exercises", report.exercises)
    };
    // No-break spaces keep each command to type on one line.
    format!(
        "You left lesson {n}, {title}, {place}. To come back, type lesson\u{a0}{n} (or run nudge\u{a0}--lesson\u{a0}{n}): it starts again from the top, and lessons lists the whole tour."
    )
}

/// The tour, numbered, with a mark on each finished lesson.
fn tour_list() -> String {
    let progress = Progress::load();
    let mut text = String::from("The tour (lesson N, or nudge --lesson N, plays one):\n");
    for (i, lesson) in TOUR.iter().enumerate() {
        let mark = if progress.is_finished(lesson.id) {
            "✓".green().to_string()
        } else {
            " ".to_string()
        };
        text.push_str(&format!("  {mark} {:>2}. {}\n", i + 1, lesson.title()));
    }
    text
}

/// Plays or checks one lesson. A finished built-in lesson is remembered.
fn run_script(
    script: &Script,
    problems: &[ScriptError],
    options: &Options,
    builtin: Option<&str>,
    learner: &mut dyn Learner,
    out: &mut dyn Write,
) -> io::Result<Report> {
    let mut session = Session::new();
    let mut err = io::stderr();
    let mut lesson_io = Io {
        learner,
        out: &mut *out,
        err: &mut err,
        paint: &Colored,
        err_paint: &Ansi::stderr(),
    };
    let report = play(script, problems, &mut session, &mut lesson_io, options)?;
    summary(out, script, &report, options.mode)?;
    if let Some(id) = builtin {
        if options.mode == Mode::Interactive && !report.stopped {
            if let Err(e) = Progress::load().finish(id) {
                out.flush()?;
                eprintln!(
                    "{}",
                    Ansi::stderr()
                        .paint(Tag::Quiet, &format!("(could not save your progress: {e})"))
                );
            }
        }
    }
    Ok(report)
}

fn summary(out: &mut dyn Write, script: &Script, r: &Report, mode: Mode) -> io::Result<()> {
    match mode {
        Mode::Check => {
            let verdict = if r.clean() {
                "ok".green().bold()
            } else {
                "FAILED".red().bold()
            };
            let mut problems = Vec::new();
            if r.failures > 0 {
                problems.push(format!("{} failed", r.failures));
            }
            if r.errors > 0 {
                let s = if r.errors == 1 { "" } else { "s" };
                problems.push(format!("{} error{s}", r.errors));
            }
            let problems = if problems.is_empty() {
                String::new()
            } else {
                format!(": {}", problems.join(", "))
            };
            writeln!(
                out,
                "{verdict} {} ({}, {}){problems}",
                script.origin,
                count(r.checks, "expectation"),
                count(r.exercises, "exercise")
            )
        }
        Mode::Interactive if r.exercises > 0 && !r.stopped => writeln!(
            out,
            "End of the lesson: {} of {} solved.",
            r.solved,
            count(r.exercises, "exercise")
        ),
        _ => Ok(()),
    }
}

/// "1 exercise", "3 exercises".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn read_file(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    read_lesson_text(&mut io::BufReader::new(file))
}
