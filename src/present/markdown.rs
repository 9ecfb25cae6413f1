//! Markdown for failures: the message and its kind, the line with its problem marked in a
//! fenced block, and help. (Answers in Markdown still come from `render/latex.rs`.)

use super::caret::marked;
use crate::error::Error;

/// A failure as Markdown, in the place its answer would have had.
pub fn markdown_error(input: &str, error: &Error) -> String {
    let (line, caret) = marked(input, error);
    let fence = fence(&line);
    let mut out = format!(
        "**Error** (`{}`): {}\n\n{fence}text\n{line}\n",
        error.kind.code(),
        escape(&error.message)
    );
    if let Some(caret) = caret {
        out.push_str(&caret);
        out.push('\n');
    }
    out.push_str(&fence);
    out.push('\n');
    if let Some(help) = &error.help {
        out.push_str(&format!("\n*Help:* {}\n", escape(help)));
    }
    out
}

/// Text made safe in a Markdown paragraph: the characters that would start markup escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A fence longer than any run of backticks in the line, so the line cannot close it.
fn fence(line: &str) -> String {
    let longest = line.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat((longest + 1).max(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_is_marked_in_a_fence_and_markup_escaped() {
        let error = crate::Session::new()
            .answer("2 +* 3")
            .expect_err("a syntax error");
        let shown = markdown_error("2 +* 3", &error);
        assert!(shown.starts_with("**Error** (`syntax`): "), "{shown}");
        assert!(shown.contains("```text\n2 +* 3\n   ^\n```\n"), "{shown}");
        assert!(shown.contains("found '\\*'"), "{shown}");
        assert_eq!(fence("a ```` b"), "`````");
    }
}
