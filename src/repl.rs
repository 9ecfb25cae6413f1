//! The interactive session on a terminal (rustyline).

use crate::cli::Answerer;
use rustyline::error::ReadlineError;
use std::io::Write;

pub fn run(answerer: &mut Answerer) -> i32 {
    let mut editor = match rustyline::DefaultEditor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("nudge: cannot open the terminal: {e}");
            return 1;
        }
    };
    println!(
        "nudge {} — type a question such as d/dx sin(x^2); Ctrl-D leaves.",
        env!("CARGO_PKG_VERSION")
    );
    loop {
        match editor.readline("nudge> ") {
            Ok(line) => {
                let trimmed = line.trim();
                if trimmed.is_empty() {
                    continue;
                }
                if trimmed == "quit" || trimmed == "exit" {
                    return 0;
                }
                let _ = editor.add_history_entry(trimmed);
                let mut out = std::io::stdout().lock();
                if answerer.answer(&line, &mut out).is_err() || out.flush().is_err() {
                    return 0;
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(_) => return 0,
        }
    }
}
