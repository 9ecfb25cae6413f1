//! A document as Markdown: words as paragraphs with `$…$` maths (LaTeX from the LaTeX
//! presenter's maths), steps as a nested list, values displayed in `$$…$$`, tables as pipe
//! tables; and failures. The walk through the document is `present::typeset`'s; here is how
//! Markdown marks it.

use super::caret::marked;
use super::latex_maths::step_maths;
use super::typeset::{document, line, Marks};
use crate::error::Error;
use crate::explain::doc::{Doc, Line, StepItem, Tag};
use crate::syntax::{reading_latex, reading_of_statement, Statement};

/// The whole document as Markdown, a blank line between blocks, ending with a newline.
pub fn markdown(doc: &Doc) -> String {
    document(doc, &Markdown)
}

/// How Markdown marks a document.
struct Markdown;

impl Marks for Markdown {
    fn words(&self, text: &str) -> String {
        text.to_string()
    }

    fn tagged(&self, tag: Option<Tag>, strong: bool, inner: String) -> String {
        match tag {
            Some(Tag::Label) if strong => format!("**{inner}**"),
            Some(Tag::Warning) => format!("*{inner}*"),
            Some(Tag::Rule) => format!("**{inner}**"),
            _ => inner,
        }
    }

    fn display(&self, maths: &str) -> String {
        format!("$${maths}$$\n")
    }

    fn after_label(&self) -> &'static str {
        "\n\n"
    }

    fn reading(&self, statement: &Statement) -> Option<String> {
        let reading = match reading_latex(statement) {
            Some(latex) => format!("${latex}$"),
            None => format!("`{}`", reading_of_statement(statement, true)),
        };
        Some(format!("**Reading:** {reading}\n"))
    }

    fn note(&self, line: &str) -> String {
        format!("*Note:* {line}\n")
    }

    fn entries(&self, entries: &[(Line, Line)], out: &mut String) {
        for (term, meaning) in entries {
            out.push_str(&format!(
                "- **{}** — {}\n",
                line(term, self),
                line(meaning, self)
            ));
        }
    }

    fn steps(&self, items: &[StepItem], out: &mut String) {
        for item in items {
            step(item, 0, out);
        }
    }

    /// A pipe table, every column right-aligned.
    fn table(&self, head: &[Line], rows: &[Vec<Line>], out: &mut String) {
        out.push_str(&table_row(head));
        out.push_str(&format!("|{}\n", "---:|".repeat(head.len())));
        for row in rows {
            out.push_str(&table_row(row));
        }
    }

    fn picture(&self, rows: &[String], out: &mut String) {
        fenced(rows, out);
    }
}

/// A step as a list item, set in by its depth: `- **title:** $equation$ — what it does`,
/// its parts under it, and the line that puts them together.
fn step(item: &StepItem, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    let step = match item {
        StepItem::Elided(l) => {
            out.push_str(&format!("{indent}- {}\n", line(l, &Markdown)));
            return;
        }
        StepItem::Step(step) => step,
    };
    let heading = match step.label {
        Some(label) => format!("{label}, {}", step.title),
        None => step.title.to_string(),
    };
    let said: Vec<String> = step.lines.iter().map(|l| line(l, &Markdown)).collect();
    let said = if said.is_empty() {
        String::new()
    } else {
        // Each line under the step keeps its own line: a backslash ends a line in Markdown.
        format!(" — {}", said.join(&format!("\\\n{indent}  ")))
    };
    out.push_str(&format!(
        "{indent}- **{heading}:** ${}${said}\n",
        step_maths(&step.equation)
    ));
    for child in &step.children {
        self::step(child, depth + 1, out);
    }
    if let Some(closing) = &step.closing {
        out.push_str(&format!("{indent}  - {}\n", line(closing, &Markdown)));
    }
}

fn table_row(cells: &[Line]) -> String {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| line(c, &Markdown).replace('|', "\\|"))
        .collect();
    format!("| {} |\n", cells.join(" | "))
}

/// A drawing kept as drawn, in a fence longer than any run of backticks in it.
fn fenced(rows: &[String], out: &mut String) {
    let fence = fence(&rows.join("\n"));
    out.push_str(&format!("{fence}\n"));
    for r in rows {
        out.push_str(r.trim_end());
        out.push('\n');
    }
    out.push_str(&format!("{fence}\n"));
}

/// A failure as Markdown, in the place its answer would have had.
pub fn markdown_error(input: &str, error: &Error) -> String {
    let shown = marked(input, error);
    let (line, caret) = (shown.line.clone(), shown.caret_line());
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
