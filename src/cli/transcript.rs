//! The session as Markdown, for `save FILE.md` and `--transcript FILE`: each query as a
//! heading, then its answer with its steps from the Markdown presenter, or its error.

use nudge::format::{render_error, render_markdown};
use nudge::{Error, Outcome};
use std::io;
use std::path::Path;

/// The answers of a session so far, as Markdown.
#[derive(Default)]
pub struct Transcript {
    entries: Vec<String>,
}

impl Transcript {
    /// Adds one line and what came of it.
    pub fn record(&mut self, line: &str, result: &Result<Outcome, Error>) {
        let answer = match result {
            Ok(outcome) => render_markdown(outcome),
            Err(error) => {
                let shown = render_error(line, error, None, true);
                format!("```text\n{}\n```\n", shown.trim_end())
            }
        };
        self.entries.push(format!(
            "## {}\n\n{}",
            code_span(line.trim()),
            answer.trim_end()
        ));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The whole session as one Markdown document.
    pub fn markdown(&self) -> String {
        let mut text = String::from("# A nudge session\n");
        for entry in &self.entries {
            text.push('\n');
            text.push_str(entry);
            text.push('\n');
        }
        text
    }

    /// Writes the session to `path` whole, replacing what was there in one step.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        nudge::store::replace(path, self.markdown().as_bytes())
    }
}

/// The file a `save FILE` line names; `Some("")` for `save` alone.
pub fn save_target(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("save")?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// `text` as Markdown inline code, fenced with more backticks than it holds in a row.
fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    format!("{fence} {text} {fence}")
}
