//! What the line editor asks of nudge: completion, a preview hint, colours, and when a line is complete.

use crate::cli::paint::Colored;
use nudge::budget::stop_when;
use nudge::expr::KNOWN_FUNCTION_NAMES;
use nudge::format::{render_text_at, TextOptions};
use nudge::syntax::BUILTIN_CALL_NAMES;
use nudge::syntax::{parse_in, NodeKind, Statement};
use nudge::topic::Topic;
use nudge::visible::visible;
use nudge::{Answer, Session};
use rustyline::completion::{Completer, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hint, Hinter, HistoryHinter};
use rustyline::validate::Validator;
use rustyline::Context;
use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// Lines longer than this get no preview: the hint must never hold up typing.
const PREVIEW_MAX_CHARS: usize = 120;
/// Longest preview shown after the cursor.
const PREVIEW_WIDTH: usize = 60;
/// Longest a preview may take before it is dropped.
const PREVIEW_TIME: Duration = Duration::from_millis(40);
/// Highest derivative order previewed: higher orders can grow without bound.
const PREVIEW_MAX_ORDER: u32 = 3;
/// Previews read at most `PREVIEW_MAX_CHARS`, so they nest at most that deep.
const PREVIEW_STACK_BYTES: usize = 16 << 20;

/// `\name` escapes that Tab turns into symbols.
const ESCAPES: [(&str, &str); 6] = [
    ("pi", "π"),
    ("partial", "∂"),
    ("nabla", "∇"),
    ("int", "∫"),
    ("theta", "θ"),
    ("cdot", "·"),
];

const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

pub struct NudgeHelper {
    /// A copy of the session, so previews know the learner's names without changing them.
    pub session: Session,
    pub colour: bool,
    pub unicode: bool,
    history: HistoryHinter,
    /// The one preview that may still be working: its stop flag and its thread.
    previewing: Mutex<Option<(Arc<AtomicBool>, JoinHandle<()>)>>,
}

impl NudgeHelper {
    pub fn new(colour: bool, unicode: bool) -> NudgeHelper {
        NudgeHelper {
            session: Session::new(),
            colour,
            unicode,
            history: HistoryHinter::new(),
            previewing: Mutex::new(None),
        }
    }

    /// Stops the previous preview, if it is still working, and waits for its thread to end:
    /// it looks at its stop flag as its work grows, so that is soon.
    fn stop_previous(&self) {
        let previous = self.previewing.lock().ok().and_then(|mut p| p.take());
        if let Some((stop, thread)) = previous {
            stop.store(true, Ordering::SeqCst);
            let _ = thread.join();
        }
    }

    /// ` = 3x²`: the result of the line so far, if it is a question nudge can answer quickly.
    fn preview(&self, line: &str) -> Option<String> {
        if line.chars().count() > PREVIEW_MAX_CHARS {
            return None;
        }
        let parsed = parse_in(line, &self.session).ok()?;
        if costly(&parsed.statement) {
            return None;
        }
        self.stop_previous();
        let mut session = self.session.clone();
        let owned = line.to_string();
        let options = TextOptions {
            unicode: self.unicode,
            quiet: true,
        };
        let (tx, rx) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let worker_stop = Arc::clone(&stop);
        // A preview that takes too long is told to stop and dropped: typing never waits.
        let thread = std::thread::Builder::new()
            .name("preview".into())
            .stack_size(PREVIEW_STACK_BYTES)
            .spawn(move || {
                stop_when(worker_stop);
                let text = session.answer(&owned).ok().and_then(|outcome| {
                    matches!(
                        outcome.answer,
                        Answer::Derivative(_) | Answer::Expression(_) | Answer::AtPoint(_)
                    )
                    .then(|| render_text_at(&outcome, options, None, &Colored))
                });
                let _ = tx.send(text);
            })
            .ok()?;
        let answered = rx.recv_timeout(PREVIEW_TIME);
        stop.store(true, Ordering::SeqCst);
        if let Ok(mut previewing) = self.previewing.lock() {
            *previewing = Some((stop, thread));
        }
        let text = answered.ok()?;
        let text = text?;
        let text = text.trim();
        if text == line.trim() {
            return None;
        }
        let shown: String = text.chars().take(PREVIEW_WIDTH).collect();
        let more = if text.chars().count() > PREVIEW_WIDTH {
            "…"
        } else {
            ""
        };
        Some(format!("  = {shown}{more}"))
    }
}

/// Questions whose answer may take long: high derivative orders.
fn costly(statement: &Statement) -> bool {
    match statement {
        Statement::Derivative { order, .. } | Statement::NamedDerivative { order, .. } => {
            *order > PREVIEW_MAX_ORDER
        }
        Statement::At { inner, .. } => costly(inner),
        Statement::Expr(node) => {
            matches!(&node.kind, NodeKind::Apply { primes, .. } if *primes > PREVIEW_MAX_ORDER)
        }
        _ => false,
    }
}

impl rustyline::Helper for NudgeHelper {}

impl Completer for NudgeHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '\\')
            .last()
            .map_or(pos, |(i, _)| i);
        // `x\pi`: the escape starts at the last backslash.
        let start = before[start..].rfind('\\').map_or(start, |i| start + i);
        let word = &line[start..pos];
        if word.is_empty() {
            return Ok((pos, Vec::new()));
        }
        if let Some(escape) = word.strip_prefix('\\') {
            let found = ESCAPES
                .iter()
                .filter(|(name, _)| name.starts_with(escape))
                .map(|(name, symbol)| Pair {
                    display: format!("\\{name} {symbol}"),
                    replacement: (*symbol).to_string(),
                })
                .collect();
            return Ok((start, found));
        }
        let head = line[..start].trim();
        let mut words: Vec<String> = Vec::new();
        if head == "help" {
            words.extend(Topic::ALL.iter().map(|t| t.name().to_string()));
            words.extend(["rules", "glossary"].map(String::from));
        } else if head == "practice" {
            words.extend(nudge::lesson::Topic::ALL.map(|t| t.name().to_string()));
        } else {
            if head.is_empty() {
                words.extend(nudge::commands::words().map(String::from));
            }
            words.extend(KNOWN_FUNCTION_NAMES.iter().map(|f| f.to_string()));
            words.extend(BUILTIN_CALL_NAMES.iter().map(|f| f.to_string()));
            words.extend(
                self.session
                    .definitions()
                    .iter()
                    .map(|d| d.name.to_string()),
            );
            words.extend(
                [
                    "pi",
                    "ans",
                    "diff",
                    "partial",
                    "integrate",
                    "read",
                    "grad",
                    "ddir",
                    "jacobian",
                    "hessian",
                ]
                .map(String::from),
            );
        }
        words.retain(|w| w.starts_with(word));
        words.sort();
        words.dedup();
        let found = words
            .into_iter()
            .map(|w| Pair {
                display: w.clone(),
                replacement: w,
            })
            .collect();
        Ok((start, found))
    }
}

/// A preview of the result (not insertable) or a line from history (Right arrow accepts it).
pub struct NudgeHint {
    display: String,
    completion: Option<String>,
}

impl Hint for NudgeHint {
    fn display(&self) -> &str {
        &self.display
    }

    fn completion(&self) -> Option<&str> {
        self.completion.as_deref()
    }
}

impl Hinter for NudgeHelper {
    type Hint = NudgeHint;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<NudgeHint> {
        if pos < line.len() || line.trim().is_empty() {
            return None;
        }
        if let Some(preview) = self.preview(line) {
            return Some(NudgeHint {
                display: preview,
                completion: None,
            });
        }
        self.history.hint(line, pos, ctx).map(|h| NudgeHint {
            display: h.clone(),
            completion: Some(h),
        })
    }
}

impl Highlighter for NudgeHelper {
    /// The line as typed, its control characters shown (`nudge::visible`), coloured when colour is on.
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        let line = visible(line);
        if !self.colour {
            return line;
        }
        Cow::Owned(paint(&line, &self.session))
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        if self.colour {
            Cow::Owned(format!("\x1b[1;36m{prompt}{RESET}"))
        } else {
            Cow::Borrowed(prompt)
        }
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.colour {
            Cow::Owned(format!("{DIM}{hint}{RESET}"))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.colour
    }
}

/// Numbers yellow, functions blue, defined names magenta, operators cyan.
fn paint(line: &str, session: &Session) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_ascii_digit() || c == '.' {
            let mut end = i + c.len_utf8();
            while let Some((j, d)) = chars.peek().copied() {
                if !(d.is_ascii_digit() || d == '.') {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            out.push_str(&format!("\x1b[33m{}{RESET}", &line[i..end]));
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some((j, d)) = chars.peek().copied() {
                if !(d.is_alphanumeric() || d == '_') {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let word = &line[i..end];
            let colour = if KNOWN_FUNCTION_NAMES.contains(&word) {
                Some("34")
            } else if session.definitions().iter().any(|d| &*d.name == word) {
                Some("35")
            } else {
                None
            };
            match colour {
                Some(code) => out.push_str(&format!("\x1b[{code}m{word}{RESET}")),
                None => out.push_str(word),
            }
        } else if "+-*/^=·×÷−∂∇∫√'′".contains(c) {
            out.push_str(&format!("\x1b[36m{c}{RESET}"));
        } else {
            out.push(c);
        }
    }
    out
}

/// Every line is complete for the editor: the session asks for the rest of a line with an
/// open bracket itself, under a prompt of its own (`repl::read_query`).
impl Validator for NudgeHelper {}

/// Whether a line leaves a bracket open, so that the query goes on on the next line.
pub fn open_bracket(line: &str) -> bool {
    let mut depth: i64 = 0;
    for c in line.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}
