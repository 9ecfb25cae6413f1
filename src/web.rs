//! The browser page's way in: nudge's library compiled to WebAssembly, asked in JSON by `web/nudge.js`.
//!
//! No bindings generator: the page writes a request's UTF-8 into the buffer that
//! `nudge_input(len)` returns, calls `nudge_call()`, and reads that many bytes of reply at
//! `nudge_output()`. A request is `{"op": "answer" | "preview" | "tutor", …}`; definitions
//! and `ans` live on in this instance's session, line after line.

mod tutor;

use crate::engine::{PlotSize, Tutor};
use crate::format::render_html;
use crate::json;
use crate::lesson::TOUR;
use crate::present::html::html_error;
use crate::syntax::{parse_in, reading_of_statement};
use crate::visible::visible;
use crate::{Answer, Outcome, Session};
use serde_json::{json, Value};
use std::cell::RefCell;

/// Columns of the page's answer column: plots and lesson prose are laid out for this many.
pub const COLUMNS: usize = 72;

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::new());
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Room for a request of `len` bytes; the page writes it there.
#[no_mangle]
pub extern "C" fn nudge_input(len: usize) -> *mut u8 {
    INPUT.with(|input| {
        let mut input = input.borrow_mut();
        input.clear();
        input.resize(len, 0);
        input.as_mut_ptr()
    })
}

/// Answers the request in the input buffer; the reply's length in bytes.
#[no_mangle]
pub extern "C" fn nudge_call() -> usize {
    let request = INPUT.with(|input| serde_json::from_slice::<Value>(&input.borrow()));
    let reply = match request {
        Ok(request) => reply(&request),
        Err(e) => json!({ "error": format!("not a request: {e}") }),
    };
    OUTPUT.with(|output| {
        let mut output = output.borrow_mut();
        *output = reply.to_string().into_bytes();
        output.len()
    })
}

/// Where the last reply starts.
#[no_mangle]
pub extern "C" fn nudge_output() -> *const u8 {
    OUTPUT.with(|output| output.borrow().as_ptr())
}

fn reply(request: &Value) -> Value {
    let field = |key| request.get(key).and_then(Value::as_str).unwrap_or("");
    match field("op") {
        "answer" => SESSION.with(|s| answer(&mut s.borrow_mut(), field("line"))),
        "preview" => SESSION.with(|s| preview(&s.borrow(), field("line"))),
        "tutor" => tutor::play_line(
            field("line"),
            &strings(request.get("answers")),
            seed(request),
        ),
        "lessons" => lessons(),
        op => json!({ "error": format!("no such request: {}", visible(op)) }),
    }
}

/// One line in the page's session: its answer as HTML, its JSON (kind, plot samples…), or what
/// the page should open instead (a lesson, practice, the tour).
fn answer(session: &mut Session, line: &str) -> Value {
    session.set_plot_size(PlotSize::for_width(COLUMNS));
    match session.answer(line) {
        Ok(Outcome {
            answer: Answer::Tutor(request),
            ..
        }) => json!({ "tutor": tutor_line(&request) }),
        Ok(outcome) => json!({
            "html": render_html(&outcome, false),
            "json": json::line(&outcome),
        }),
        Err(e) => json!({
            "html": html_error(&visible(line), &e),
            "json": json::failure(line, &e),
        }),
    }
}

/// The line that asks for a lesson, practice or the tour again, for `tutor::play`.
fn tutor_line(request: &Tutor) -> String {
    match request {
        Tutor::List => "lessons".to_string(),
        Tutor::Lesson(n) => format!("lesson {n}"),
        Tutor::Practice(topic) => format!("practice {}", topic.name()),
    }
}

/// How the line would be read, without working anything out: the preview under the input.
fn preview(session: &Session, line: &str) -> Value {
    if line.trim().is_empty() {
        return json!({});
    }
    match parse_in(line, session) {
        Ok(parsed) => json!({ "reading": reading_of_statement(&parsed.statement, true) }),
        Err(e) => json!({ "problem": e.message, "start": e.span.map(|s| s.start) }),
    }
}

/// The tour: each lesson's number and title.
fn lessons() -> Value {
    let titles = TOUR.iter().enumerate();
    Value::Array(
        titles
            .map(|(i, lesson)| json!({ "n": i + 1, "title": lesson.title() }))
            .collect(),
    )
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn seed(request: &Value) -> u64 {
    request.get("seed").and_then(Value::as_u64).unwrap_or(1)
}
