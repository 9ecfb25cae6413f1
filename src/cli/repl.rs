//! The interactive session on a terminal: banner, prompt, history, and stopping a long answer.

mod helper;

use super::Answerer;
use helper::NudgeHelper;
use nudge::budget::{report_to, stop_when};
use nudge::error::ErrorKind;
use nudge::present::wrap::wrap;
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
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Set by Ctrl-C while an answer is being worked out; the answer's work budget looks at it.
static INTERRUPTED: OnceLock<Arc<AtomicBool>> = OnceLock::new();
/// Whether the learner has been told that the current answer is still being worked out.
static TOLD: AtomicBool = AtomicBool::new(false);

fn interrupted() -> &'static Arc<AtomicBool> {
    INTERRUPTED.get_or_init(Arc::default)
}

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
    let continued = if answerer.options.unicode {
        "…> "
    } else {
        "...> "
    };
    loop {
        match read_query(&mut editor, continued) {
            Ok(line) => {
                if line.trim().is_empty() {
                    continue;
                }
                history.add(&mut editor, line.trim());
                if let Some(saved) = answerer.save(&line, &mut std::io::stdout().lock()) {
                    if saved.is_err() {
                        return 0;
                    }
                    continue;
                }
                answerer.fit_plots();
                let result = compute(&mut answerer.session, &line);
                let mut out = std::io::stdout().lock();
                let shown = match result {
                    Some(result) => answerer.show(&line, result, &mut out),
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

/// One query, over as many lines as it takes to close its brackets: each line after the first
/// is asked under the `continued` prompt, so the learner sees that the query goes on.
/// Ctrl-C drops the whole query; Ctrl-D answers what was typed, open bracket and all.
fn read_query(
    editor: &mut Editor<NudgeHelper, DefaultHistory>,
    continued: &str,
) -> Result<String, ReadlineError> {
    let mut line = editor.readline("nudge> ")?;
    while helper::open_bracket(&line) {
        match editor.readline(continued) {
            Ok(more) => {
                line.push(' ');
                line.push_str(&more);
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(e),
        }
    }
    Ok(line)
}

/// A learner's answers during a lesson or practice, read with the session's line editor.
struct Answers<'a>(&'a mut Editor<NudgeHelper, DefaultHistory>);

impl nudge::lesson::Learner for Answers<'_> {
    fn ask(&mut self, prompt: &str) -> std::io::Result<Option<String>> {
        // Ctrl-C while the lesson worked stopped that work; it leaves the lesson too.
        if interrupted().swap(false, Ordering::SeqCst) {
            return Ok(Some("quit".to_string()));
        }
        TOLD.store(false, Ordering::Relaxed);
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
    let width = super::terminal_width();
    println!(
        "{}",
        wrap(
            &format!("{name} — calculus, one explained step at a time."),
            width
        )
    );
    println!(
        "{}",
        wrap(
            "Type a question such as d/dx sin(x^2), or help to see what you can ask. Ctrl-D leaves.",
            width
        )
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
    if let Some(flag) = INTERRUPTED.get() {
        flag.store(true, Ordering::SeqCst);
    }
}

/// Ctrl-C outside the line editor stops the answer being worked out, not nudge: every answer
/// on this thread looks at the flag as its work grows.
fn catch_interrupts() {
    stop_when(Arc::clone(interrupted()));
    report_to(still_working);
    let handler: extern "C" fn(libc::c_int) = on_interrupt;
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
}

/// How long an answer may take before the REPL says it is still working.
const STILL_WORKING_AFTER: Duration = Duration::from_secs(1);

/// A learner waiting on a silent prompt should know it is working, and how to stop it.
fn still_working(worked: Duration) {
    if worked >= STILL_WORKING_AFTER && !TOLD.swap(true, Ordering::Relaxed) {
        let mut out = std::io::stdout();
        let _ = writeln!(out, "Still working on it… Ctrl-C stops it.");
        let _ = out.flush();
    }
}

/// Answers `line`; `None` when Ctrl-C stopped it, and then the session is as it was before.
fn compute(session: &mut Session, line: &str) -> Option<Result<Outcome, Error>> {
    interrupted().store(false, Ordering::SeqCst);
    TOLD.store(false, Ordering::Relaxed);
    let before = session.clone();
    let result = session.answer(line);
    interrupted().store(false, Ordering::SeqCst);
    if matches!(&result, Err(e) if e.kind == ErrorKind::Cancelled) {
        *session = before;
        return None;
    }
    Some(result)
}
