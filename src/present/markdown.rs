//! A document as Markdown: words as paragraphs with `$…$` maths (LaTeX from the LaTeX
//! presenter's maths), steps as a nested list, values displayed in `$$…$$`, tables as pipe
//! tables; and failures.

use super::caret::marked;
use super::latex_maths::{
    displayed, groups, is_maths, line_maths, math_latex, pmatrix, run_maths, step_maths,
};
use super::numbers::with_remarks;
use super::plot::{draw_contour, draw_plot};
use super::text::plain_line;
use crate::error::Error;
use crate::explain::doc::{Block, Doc, Inline, Line, Span, StepItem, Tag};
use crate::expr::{decimal, Expr, Style};
use crate::syntax::{reading_latex, reading_of_statement};

/// The whole document as Markdown, a blank line between blocks, ending with a newline.
pub fn markdown(doc: &Doc) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        block(b, &mut out);
    }
    out.truncate(out.trim_end().len());
    // A document with nothing to show (the binary acts on a lesson request) prints nothing.
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// One block and the blank line after it; a gap is the blank line alone.
fn block(b: &Block, out: &mut String) {
    match b {
        Block::Reading(statement) => {
            let reading = match reading_latex(statement) {
                Some(latex) => format!("${latex}$"),
                None => format!("`{}`", reading_of_statement(statement, true)),
            };
            out.push_str(&format!("**Reading:** {reading}\n"));
        }
        Block::Note(l) => out.push_str(&format!("*Note:* {}\n", line(l))),
        // An empty line of words is the text presenter's spacing: blocks here are spaced anyway.
        Block::Words(l) | Block::Paragraph(l) if line(l).trim().is_empty() => return,
        Block::Words(l) => match displayed(l) {
            Some((label, maths)) => {
                let label = spans(label, strong(l));
                if !label.trim().is_empty() {
                    out.push_str(&format!("{}\n\n", label.trim()));
                }
                out.push_str(&format!("$${}$$\n", line_maths(maths)));
            }
            None => {
                out.push_str(line(l).trim_start());
                out.push('\n');
            }
        },
        Block::Paragraph(l) => {
            out.push_str(line(l).trim_start());
            out.push('\n');
        }
        Block::Lines(lines) => {
            let said: Vec<String> = lines.iter().map(|l| line(l).trim().to_string()).collect();
            out.push_str(&said.join(" "));
            out.push('\n');
        }
        Block::Entries(entries) => {
            for (term, meaning) in entries {
                out.push_str(&format!("- **{}** — {}\n", line(term), line(meaning)));
            }
        }
        Block::Gap => return,
        Block::Steps(items) => {
            for item in items {
                step(item, 0, out);
            }
        }
        Block::Value {
            lead,
            exact,
            decimal: approx,
        } => {
            let mut value = exact.latex();
            if let Some(d) = approx {
                value.push_str(&format!(" \\approx {}", decimal(*d)));
            }
            out.push_str(&value_line(lead, &value));
        }
        Block::Table { head, rows } => table(head, rows, out),
        Block::Numbers {
            head,
            rows,
            remarks,
            ..
        } => {
            let (head, rows) = with_remarks(head, rows, remarks);
            table(&head, &rows, out);
        }
        Block::Matrix(rows) => {
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|row| row.iter().map(Expr::latex).collect())
                .collect();
            out.push_str(&format!("$${}$$\n", pmatrix(&rows)));
        }
        Block::Picture(rows) | Block::Drawing { unicode: rows, .. } => fenced(rows, out),
        Block::Plot {
            plot,
            legend,
            caption,
        } => {
            if !caption.is_empty() {
                out.push_str(&format!("{}, drawn in characters:\n\n", line(caption)));
            }
            let legend: Vec<String> = legend.iter().map(|l| plain_line(l, true)).collect();
            fenced(&draw_plot(plot, &legend, true), out);
        }
        Block::Contour(map) => fenced(&draw_contour(map, true), out),
        Block::Indent { body, .. } => {
            for b in body {
                block(b, out);
            }
            return;
        }
        Block::Inset { lead, body } => {
            if !line(lead).trim().is_empty() {
                out.push_str(line(lead).trim_end());
                out.push_str("\n\n");
            }
            for b in body {
                block(b, out);
            }
            return;
        }
        Block::Grid {
            lead,
            rows,
            decimals,
            tag: _,
        } => {
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|row| row.iter().map(math_latex).collect())
                .collect();
            let mut shown = pmatrix(&rows);
            if let Some(values) = decimals {
                let values: Vec<Vec<String>> = values
                    .iter()
                    .map(|row| row.iter().map(|v| decimal(*v)).collect())
                    .collect();
                shown.push_str(&format!(" \\approx {}", pmatrix(&values)));
            }
            out.push_str(&value_line(lead, &shown));
        }
    }
    out.push('\n');
}

/// A value after its lead: displayed when the lead is maths, else the lead's words and the
/// maths inline.
fn value_line(lead: &Line, value: &str) -> String {
    let first = lead
        .iter()
        .position(|span| matches!(span.content, Inline::Math(_)))
        .unwrap_or(lead.len());
    let (words, maths) = lead.split_at(first);
    let maths = [line_maths(maths), value.to_string()]
        .into_iter()
        .filter(|m| !m.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if is_maths(words) {
        format!("$${maths}$$\n")
    } else {
        format!("{} ${maths}$\n", spans(words, true).trim_end())
    }
}

/// A step as a list item, set in by its depth: `- **title:** $equation$ — what it does`,
/// its parts under it, and the line that puts them together.
fn step(item: &StepItem, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    let step = match item {
        StepItem::Elided(l) => {
            out.push_str(&format!("{indent}- {}\n", line(l)));
            return;
        }
        StepItem::Step(step) => step,
    };
    let heading = match step.label {
        Some(label) => format!("{label}, {}", step.title),
        None => step.title.to_string(),
    };
    let said: Vec<String> = step.lines.iter().map(|l| line(l)).collect();
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
        out.push_str(&format!("{indent}  - {}\n", line(closing)));
    }
}

/// A line of Markdown: words as they are, maths in `$…$`, tags as Markdown marks them.
fn line(l: &[Span]) -> String {
    spans(l, strong(l))
}

/// Whether a line gives the answer, so that its label stands out.
fn strong(l: &[Span]) -> bool {
    l.iter().any(|span| span.tag == Some(Tag::Answer))
}

/// A line's spans; `strong` when the line gives the answer, whose label then stands out.
fn spans(l: &[Span], strong: bool) -> String {
    groups(l, look)
        .map(|(tag, runs)| {
            let inner: String = runs
                .into_iter()
                .map(|run| match run {
                    [span] => match &span.content {
                        Inline::Text(t) => t.clone(),
                        Inline::Math(m) => format!("${}$", math_latex(m)),
                        Inline::Spelled(s) => (s.0)(Style::UNICODE),
                    },
                    maths => run_maths(maths),
                })
                .collect();
            tagged(tag, strong, inner)
        })
        .collect()
}

/// How a tag looks here: labels, warnings and rule titles stand out; nothing else does.
fn look(tag: Option<Tag>) -> Option<Tag> {
    tag.filter(|t| matches!(t, Tag::Label | Tag::Warning | Tag::Rule))
}

/// A span's words as Markdown marks its tag.
fn tagged(tag: Option<Tag>, strong: bool, inner: String) -> String {
    match tag {
        Some(Tag::Label) if strong => format!("**{inner}**"),
        Some(Tag::Warning) => format!("*{inner}*"),
        Some(Tag::Rule) => format!("**{inner}**"),
        // A picture's inks have no look here: pictures are set as drawn, in plain text.
        Some(
            Tag::Label
            | Tag::Quiet
            | Tag::Answer
            | Tag::Success
            | Tag::Error
            | Tag::Curve(_)
            | Tag::Level
            | Tag::Marked
            | Tag::Arrow,
        )
        | None => inner,
    }
}

/// A pipe table, every column right-aligned.
fn table(head: &[Line], rows: &[Vec<Line>], out: &mut String) {
    out.push_str(&table_row(head));
    out.push_str(&format!("|{}\n", "---:|".repeat(head.len())));
    for row in rows {
        out.push_str(&table_row(row));
    }
}

fn table_row(cells: &[Line]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| line(c).replace('|', "\\|")).collect();
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
