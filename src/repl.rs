//! The interactive session on a terminal: banner, prompt, history, and stopping a long answer.

mod helper;

use crate::cli::Answerer;
use helper::NudgeHelper;
use nudge::budget::stop_when;
use nudge::store::history::{self, HISTORY_SIZE};
use nudge::visible::visible;
use nudge::{Error, Outcome, Session};
use rustyline::config::{ColorMode, CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::Editor;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Stack for each answer's worker thread: deep compositions recurse once per level.
const STACK_BYTES: usize = 1 << 30;

/// Set by Ctrl-C while an answer is being worked out.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Where history lives: `NUDGE_HISTORY`, else the data directory; `None` when off.
pub fn history_path(enabled: bool) -> Option<PathBuf> {
    if !enabled {
        return None;
    }
    match std::env::var_os("NUDGE_HISTORY") {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(PathBuf::from(p)),
        None => dirs::data_dir().map(|d| d.join("nudge").join("history")),
    }
}

pub fn run(answerer: &mut Answerer, history: Option<PathBuf>) -> i32 {
    let colour = colored::control::SHOULD_COLORIZE.should_colorize();
    let config = Config::builder()
        .max_history_size(HISTORY_SIZE)
        .and_then(|b| b.history_ignore_dups(true))
        .map(|b| {
            // The helper always draws the line, colour or not, so that a control character
            // typed or pasted into it is shown rather than sent to the terminal.
            b.completion_type(CompletionType::List)
                .color_mode(ColorMode::Forced)
                .auto_add_history(false)
                .build()
        });
    let editor = config.and_then(Editor::<NudgeHelper, DefaultHistory>::with_config);
    let mut editor = match editor {
        Ok(e) => e,
        Err(e) => {
            eprintln!("nudge: cannot open the terminal: {e}");
            return 1;
        }
    };
    editor.set_helper(Some(NudgeHelper::new(colour, answerer.options.unicode)));
    let mut history = History::open(history, &mut editor);
    catch_interrupts();
    banner(colour);
    loop {
        match editor.readline("nudge> ") {
            Ok(typed) => {
                // A line continued past an open bracket is one query.
                let line = typed.replace(['\n', '\r'], " ");
                if line.trim().is_empty() {
                    continue;
                }
                history.add(&mut editor, line.trim());
                answerer.fit_plots();
                let result = compute(&answerer.session, &line);
                let mut out = std::io::stdout().lock();
                let shown = match result {
                    Some((session, result)) => {
                        answerer.session = session;
                        answerer.show(&line, result, &mut out)
                    }
                    None => writeln!(
                        out,
                        "Stopped. Nothing changed: the session is as it was before that line."
                    ),
                };
                let played = shown
                    .and_then(|()| answerer.play_requested(&mut Answers(&mut editor), &mut out));
                if played.and_then(|()| out.flush()).is_err() || answerer.quit {
                    return 0;
                }
                if let Some(h) = editor.helper_mut() {
                    h.session = answerer.session.clone();
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(_) => return 0,
        }
    }
}

/// A learner's answers during a lesson or practice, read with the session's line editor.
struct Answers<'a>(&'a mut Editor<NudgeHelper, DefaultHistory>);

impl nudge::lesson::Learner for Answers<'_> {
    fn ask(&mut self, prompt: &str) -> std::io::Result<Option<String>> {
        match self.0.readline(prompt) {
            Ok(line) => Ok(Some(line)),
            // Ctrl-C leaves the lesson and goes back to the session.
            Err(ReadlineError::Interrupted) => Ok(Some("quit".to_string())),
            Err(ReadlineError::Io(e)) => Err(e),
            Err(_) => Ok(None),
        }
    }
}

fn banner(colour: bool) {
    let name = format!("nudge {}", env!("CARGO_PKG_VERSION"));
    let name = if colour {
        format!("\x1b[1m{name}\x1b[0m")
    } else {
        name
    };
    println!("{name} — calculus, one explained step at a time.");
    println!(
        "Type a question such as d/dx sin(x^2), or help to see what you can ask. Ctrl-D leaves."
    );
}

/// The history file: read at the start, merged into after every line, given up on after one warning.
struct History {
    path: Option<PathBuf>,
}

impl History {
    fn open(path: Option<PathBuf>, editor: &mut Editor<NudgeHelper, DefaultHistory>) -> History {
        let mut history = History { path };
        if let Some(p) = history.path.clone() {
            match history::load(&p) {
                Ok(entries) => {
                    for entry in entries {
                        let _ = editor.add_history_entry(entry);
                    }
                }
                Err(e) => history.give_up(&e.to_string()),
            }
        }
        history
    }

    fn add(&mut self, editor: &mut Editor<NudgeHelper, DefaultHistory>, line: &str) {
        let _ = editor.add_history_entry(visible(line));
        if let Some(p) = self.path.clone() {
            if let Err(e) = history::append(&p, line) {
                self.give_up(&e.to_string());
            }
        }
    }

    fn give_up(&mut self, why: &str) {
        if let Some(p) = self.path.take() {
            eprintln!(
                "nudge: cannot keep history in {}: {why}; the session goes on without saving it",
                visible(&p.display().to_string())
            );
        }
    }
}

extern "C" fn on_interrupt(_: libc::c_int) {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

/// Ctrl-C outside the line editor stops the answer being worked out, not nudge.
fn catch_interrupts() {
    let handler: extern "C" fn(libc::c_int) = on_interrupt;
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
}

/// How long an answer may take before the REPL says it is still working.
const STILL_WORKING_AFTER: Duration = Duration::from_secs(1);

/// Answers `line` on a worker thread; `None` when Ctrl-C stopped it (the worker is told to stop, and its answer is dropped).
fn compute(session: &Session, line: &str) -> Option<(Session, Result<Outcome, Error>)> {
    INTERRUPTED.store(false, Ordering::SeqCst);
    let mut worker = session.clone();
    let owned = line.to_string();
    let (tx, rx) = mpsc::channel();
    let stop = Arc::new(AtomicBool::new(false));
    let worker_stop = Arc::clone(&stop);
    let spawned = std::thread::Builder::new()
        .name("answer".into())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            stop_when(worker_stop);
            let result = worker.answer(&owned);
            let _ = tx.send((worker, result));
        });
    if spawned.is_err() {
        let mut inline = session.clone();
        let result = inline.answer(line);
        return Some((inline, result));
    }
    let started = Instant::now();
    let mut told = false;
    loop {
        match rx.recv_timeout(Duration::from_millis(20)) {
            Ok(done) => return Some(done),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // A learner waiting on a silent prompt should know it is working, and how to stop it.
                if !told && started.elapsed() >= STILL_WORKING_AFTER {
                    told = true;
                    println!("Still working on it… Ctrl-C stops it.");
                }
                if INTERRUPTED.swap(false, Ordering::SeqCst) {
                    stop.store(true, Ordering::SeqCst);
                    return None;
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return None,
        }
    }
}
