//! The terminal side of lessons: reading lesson files, the learner's keyboard, the tour list, progress notes.

use crate::cli::Cli;
use colored::Colorize;
use nudge::lesson::exercise::Context;
use nudge::lesson::{
    play, practice, read_script, Builtin, Io, Learner, Mode, Options, Progress, Report, Rng,
    Script, ScriptError, Topic, TOUR,
};
use nudge::render::TextOptions;
use nudge::Session;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::Path;

/// The learner's lines from standard input, the prompt on standard output.
pub struct Keyboard;

impl Learner for Keyboard {
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        let mut out = io::stdout().lock();
        write!(out, "{prompt}")?;
        out.flush()?;
        let mut line = String::new();
        if io::stdin().lock().read_line(&mut line)? == 0 {
            writeln!(out)?;
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
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
    let width = terminal_size::terminal_size()
        .map(|(w, _)| usize::from(w.0).clamp(40, 100))
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

/// `nudge FILE...` and `nudge --check FILE...`.
pub fn run_files(cli: &Cli) -> i32 {
    let options = options(cli);
    let mut clean = true;
    for path in &cli.files {
        let text = match read_file(path) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("{} {}: {message}", "error:".red().bold(), path.display());
                clean = false;
                continue;
            }
        };
        let (script, problems) = read_script(&path.display().to_string(), &text);
        clean &= run_script(&script, &problems, &options, None);
    }
    i32::from(!clean)
}

/// `nudge --lesson N` (and `lesson N` in a session); 0 lists the tour.
pub fn run_builtin(cli: &Cli, n: usize) -> i32 {
    if n == 0 {
        let mut out = io::stdout().lock();
        let _ = out.write_all(tour_list().as_bytes());
        return 0;
    }
    let Some(lesson) = Builtin::numbered(n) else {
        eprintln!(
            "{} there is no lesson {n}; the tour has lessons 1 to {} (nudge --lesson 0 lists them)",
            "error:".red().bold(),
            TOUR.len()
        );
        return 2;
    };
    let (script, problems) = lesson.script();
    i32::from(!run_script(
        &script,
        &problems,
        &options(cli),
        Some(lesson.id),
    ))
}

/// `nudge --check` with no files: every built-in lesson.
pub fn check_tour(cli: &Cli) -> i32 {
    let options = options(cli);
    let mut clean = true;
    for lesson in TOUR {
        let (script, problems) = lesson.script();
        clean &= run_script(&script, &problems, &options, None);
    }
    i32::from(!clean)
}

/// `nudge --practice TOPIC`: exit 0 when the session ran, 2 for an unknown topic.
pub fn run_practice(cli: &Cli, name: &str) -> i32 {
    let Some(topic) = Topic::named(name) else {
        eprintln!(
            "{} there is no practice topic '{name}'; the topics are {}",
            "error:".red().bold(),
            Topic::names()
        );
        return 2;
    };
    let options = options(cli);
    let mut session = Session::new();
    let mut rng = Rng::new(options.seed);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut cx = Context {
        session: &mut session,
        learner: &mut Keyboard,
        out: &mut out,
        text: options.text,
        width: options.width,
        rng: &mut rng,
    };
    let result = practice(topic, &mut cx).and_then(|_| out.flush());
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("nudge: cannot write the exercises: {e}");
            1
        }
        _ => 0,
    }
}

/// The tour, numbered, with a mark on each finished lesson.
pub fn tour_list() -> String {
    let progress = Progress::load();
    let mut text = String::from("The tour (nudge --lesson N plays one):\n");
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

/// Plays or checks one lesson; `true` when it ran clean. A finished built-in lesson is remembered.
fn run_script(
    script: &Script,
    problems: &[ScriptError],
    options: &Options,
    builtin: Option<&str>,
) -> bool {
    let mut session = Session::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    let mut keyboard = Keyboard;
    let mut lesson_io = Io {
        learner: &mut keyboard,
        out: &mut out,
        err: &mut err,
    };
    let report = match play(script, problems, &mut session, &mut lesson_io, options) {
        Ok(report) => report,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return true,
        Err(e) => {
            eprintln!("nudge: cannot write the lesson: {e}");
            return false;
        }
    };
    let _ = summary(&mut out, script, &report, options.mode);
    let _ = out.flush();
    if let Some(id) = builtin {
        if options.mode == Mode::Interactive && !report.stopped {
            if let Err(e) = Progress::load().finish(id) {
                eprintln!(
                    "{}",
                    format!("(could not save your progress: {e})").dimmed()
                );
            }
        }
    }
    report.clean()
}

fn summary(out: &mut impl Write, script: &Script, r: &Report, mode: Mode) -> io::Result<()> {
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
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "this file is not UTF-8 text".to_string())
}
