//! Lessons and practice in the page. A page cannot wait inside a call for the learner's next
//! line, so each call plays the lesson again from the start with the answers given so far
//! (the same seed gives the same questions and checks), up to the question it now waits at.

use super::COLUMNS;
use crate::engine::Tutor;
use crate::format::TextOptions;
use crate::lesson::exercise::Context;
use crate::lesson::{play, practice, Builtin, Io, Learner, Mode, Options, Rng, TOUR};
use crate::present::Plain;
use crate::{Answer, Outcome, Session};
use serde_json::{json, Value};
use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

/// Plays `line` (`lesson 3`, `practice chain`, `lessons`) with `answers`: the text so far, and
/// the prompt it waits at (`null` once it has ended).
pub fn play_line(line: &str, answers: &[String], seed: u64) -> Value {
    let request = match Session::new().answer(line) {
        Ok(Outcome {
            answer: Answer::Tutor(request),
            ..
        }) => request,
        _ => return json!({ "error": "not a lesson, practice or the tour" }),
    };
    let out = Shared::default();
    let mut learner = Replay {
        answers: answers.iter(),
        out: out.clone(),
        waiting: None,
    };
    let played = serve(request, &mut learner, &mut out.clone(), seed);
    let text = out.0.borrow().clone();
    let (shown, prompt) = match learner.waiting {
        Some((at, prompt)) => (&text[..at], Some(prompt)),
        None => (&text[..], None),
    };
    let shown = String::from_utf8_lossy(shown);
    match played {
        Ok(()) => json!({ "text": shown, "prompt": prompt }),
        Err(e) => json!({ "text": shown, "prompt": null, "error": e.to_string() }),
    }
}

fn serve(request: Tutor, learner: &mut Replay, out: &mut Shared, seed: u64) -> io::Result<()> {
    let options = Options {
        mode: Mode::Interactive,
        strict: false,
        text: TextOptions {
            unicode: true,
            quiet: false,
        },
        width: COLUMNS,
        seed,
    };
    let mut session = Session::new();
    match request {
        Tutor::List => {
            for (i, lesson) in TOUR.iter().enumerate() {
                writeln!(out, "{:>2}. {}", i + 1, lesson.title())?;
            }
        }
        Tutor::Lesson(n) => {
            if let Some(lesson) = Builtin::numbered(n) {
                let (script, problems) = lesson.script();
                let mut err = out.clone();
                let mut io = Io {
                    learner,
                    out: &mut out.clone(),
                    err: &mut err,
                    paint: &Plain,
                    err_paint: &Plain,
                };
                play(&script, &problems, &mut session, &mut io, &options)?;
            }
        }
        Tutor::Practice(topic) => {
            let mut rng = Rng::new(seed);
            let mut cx = Context {
                session: &mut session,
                learner,
                out,
                text: options.text,
                width: COLUMNS,
                rng: &mut rng,
                paint: &Plain,
            };
            practice(topic, &mut cx)?;
        }
    }
    Ok(())
}

/// One text both the lesson and the learner write into, so the place of each question is known.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The learner's answers so far, each written after its prompt as a terminal would echo it;
/// past the last one it notes where the lesson waits, and leaves.
struct Replay<'a> {
    answers: std::slice::Iter<'a, String>,
    out: Shared,
    /// Where the text stood when the lesson asked a question there was no answer for, and the question.
    waiting: Option<(usize, String)>,
}

impl Learner for Replay<'_> {
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        match self.answers.next() {
            Some(answer) => {
                writeln!(self.out, "{prompt}{answer}")?;
                Ok(Some(answer.clone()))
            }
            None => {
                self.waiting = Some((self.out.0.borrow().len(), prompt.to_string()));
                Ok(None)
            }
        }
    }
}
