//! A document as LaTeX for notes: words as running text, steps as an `align*` derivation,
//! values as displayed maths, tables as `tabular`, matrices as `pmatrix`; and failures.

use super::caret::marked;
use super::latex_maths::{
    displayed, escape, groups, is_maths, line_maths, math_latex, pmatrix, run_maths, step_maths,
};
use super::numbers::with_remarks;
use super::plot::{draw_contour, draw_plot};
use super::text::plain_line;
use crate::error::Error;
use crate::explain::doc::{Block, Doc, Inline, Line, Span, StepItem, Tag};
use crate::expr::{decimal, Expr, Style};
use crate::syntax::reading_latex;

/// The whole document as LaTeX, a blank line between blocks, ending with a newline.
pub fn latex(doc: &Doc) -> String {
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
            // A line LaTeX cannot echo (a definition) says itself in what follows.
            match reading_latex(statement) {
                Some(latex) => out.push_str(&format!("Reading: ${latex}$\n")),
                None => return,
            }
        }
        Block::Note(l) => out.push_str(&format!("\\emph{{Note:}} {}\n", line(l))),
        // An empty line of words is the text presenter's spacing: blocks here are spaced anyway.
        Block::Words(l) | Block::Paragraph(l) if line(l).trim().is_empty() => return,
        Block::Words(l) => match displayed(l) {
            Some((label, maths)) => {
                let label = spans(label, strong(l));
                if !label.trim().is_empty() {
                    out.push_str(&format!("{}\n", label.trim()));
                }
                out.push_str(&format!("\\[ {} \\]\n", line_maths(maths)));
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
            out.push_str("\\begin{description}\n");
            for (term, meaning) in entries {
                out.push_str(&format!("  \\item[{}] {}\n", line(term), line(meaning)));
            }
            out.push_str("\\end{description}\n");
        }
        Block::Gap => return,
        Block::Steps(items) => {
            let mut rows = Vec::new();
            for item in items {
                step_rows(item, 0, &mut rows);
            }
            // Words after the last equation close the derivation and follow it as prose.
            let last = rows.iter().rposition(|r| matches!(r, Row::Maths(_)));
            let after = rows.split_off(last.map_or(0, |i| i + 1));
            if !rows.is_empty() {
                out.push_str("\\begin{align*}\n");
                for (i, row) in rows.iter().enumerate() {
                    match row {
                        Row::Maths(m) if i + 1 < rows.len() => out.push_str(&format!("{m} \\\\\n")),
                        Row::Maths(m) => out.push_str(&format!("{m}\n")),
                        Row::Words(w) => out.push_str(&format!("  \\intertext{{{w}}}\n")),
                    }
                }
                out.push_str("\\end{align*}\n");
            }
            for row in after {
                if let Row::Words(w) = row {
                    out.push_str(&format!("\n{w}\n"));
                }
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
            out.push_str(&format!("\\[ {} \\]\n", pmatrix(&rows)));
        }
        Block::Picture(rows) | Block::Drawing { unicode: rows, .. } => verbatim(rows, out),
        Block::Plot {
            plot,
            legend,
            caption,
        } => {
            if !caption.is_empty() {
                out.push_str(&format!("{}, drawn in characters:\n\n", line(caption)));
            }
            let legend: Vec<String> = legend.iter().map(|l| plain_line(l, true)).collect();
            verbatim(&draw_plot(plot, &legend, true), out);
        }
        Block::Contour(map) => verbatim(&draw_contour(map, true), out),
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

/// A value after its lead: displayed when the lead is maths (`\\frac{d}{dx} x^{2} =`), else
/// the lead's words and the maths inline (`Value: $\\frac{5}{6}$`).
fn value_line(lead: &Line, value: &str) -> String {
    let (words, maths) = split_words(lead);
    let maths = [line_maths(maths), value.to_string()]
        .into_iter()
        .filter(|m| !m.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if is_maths(words) {
        format!("\\[ {maths} \\]\n")
    } else {
        format!("{} ${maths}$\n", spans(words, true).trim_end())
    }
}

/// The words a line starts with, and the maths from its first piece of maths on.
fn split_words(l: &Line) -> (&[Span], &[Span]) {
    let first = l
        .iter()
        .position(|span| matches!(span.content, Inline::Math(_)))
        .unwrap_or(l.len());
    l.split_at(first)
}

/// A row of a derivation: an equation in the alignment, or the words said under a step.
enum Row {
    Maths(String),
    Words(String),
}

/// A step tree's rows in an `align*`: each step's title and equation, set in by its depth,
/// its parts under it, and the line that puts them together.
fn step_rows(item: &StepItem, depth: usize, rows: &mut Vec<Row>) {
    let indent = "\\quad ".repeat(depth);
    let step = match item {
        StepItem::Elided(l) => {
            rows.push(Row::Maths(format!("  &{indent}{}", text(&plain(l)))));
            return;
        }
        StepItem::Step(step) => step,
    };
    let heading = match step.label {
        Some(label) => format!("{label}, {}:", step.title),
        None => format!("{}:", step.title),
    };
    rows.push(Row::Maths(format!(
        "  &{indent}{} && {}",
        text(&heading),
        step_maths(&step.equation)
    )));
    rows.extend(step.lines.iter().map(|l| Row::Words(line(l))));
    for child in &step.children {
        step_rows(child, depth + 1, rows);
    }
    if let Some(closing) = &step.closing {
        let (words, maths) = split_words(closing);
        let inner = "\\quad ".repeat(depth + 1);
        rows.push(Row::Maths(if maths.is_empty() {
            format!("  &{inner}{}", text(&plain(closing)))
        } else {
            format!(
                "  &{inner}{} && {}",
                text(plain(words).trim_end()),
                line_maths(maths)
            )
        }));
    }
}

/// A line as running LaTeX: words escaped, maths in `$…$`, tags as LaTeX marks them.
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
                        Inline::Text(t) => escape(t),
                        Inline::Math(m) => format!("${}$", math_latex(m)),
                        Inline::Spelled(s) => escape(&(s.0)(Style::UNICODE)),
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

/// A span's words as LaTeX marks its tag.
fn tagged(tag: Option<Tag>, strong: bool, inner: String) -> String {
    match tag {
        Some(Tag::Label) if strong => format!("\\textbf{{{inner}}}"),
        Some(Tag::Warning) => format!("\\emph{{{inner}}}"),
        Some(Tag::Rule) => format!("\\textbf{{{inner}}}"),
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

/// A line's words and maths as one string of Unicode text, for `\\text{}`.
fn plain(l: &[Span]) -> String {
    plain_line(&l.to_vec(), true)
}

/// `\\text{…}` around words, escaped.
fn text(words: &str) -> String {
    format!("\\text{{{}}}", escape(words))
}

fn cells(row: &[Line]) -> String {
    row.iter().map(|c| line(c)).collect::<Vec<_>>().join(" & ")
}

/// A `tabular`, every column right-aligned, a rule under the heading.
fn table(head: &[Line], rows: &[Vec<Line>], out: &mut String) {
    let columns = "r".repeat(head.len());
    out.push_str(&format!("\\begin{{tabular}}{{{columns}}}\n"));
    out.push_str(&format!("  {} \\\\ \\hline\n", cells(head)));
    for row in rows {
        out.push_str(&format!("  {} \\\\\n", cells(row)));
    }
    out.push_str("\\end{tabular}\n");
}

/// A drawing kept as drawn: it has no LaTeX form.
fn verbatim(rows: &[String], out: &mut String) {
    out.push_str("\\begin{verbatim}\n");
    for r in rows {
        out.push_str(&verbatim_line(r.trim_end()));
        out.push('\n');
    }
    out.push_str("\\end{verbatim}\n");
}

/// A failure as a LaTeX fragment, in the place its answer would have had.
pub fn latex_error(input: &str, error: &Error) -> String {
    let shown = marked(input, error);
    let (line, caret) = (shown.line.clone(), shown.caret_line());
    let mut out = format!(
        "% nudge: {}\n\\textbf{{Error}} (\\texttt{{{}}}): {}\n\\begin{{verbatim}}\n{}\n",
        comment(input),
        escape(error.kind.code()),
        escape(&error.message),
        verbatim_line(&line)
    );
    if let Some(caret) = caret {
        out.push_str(&caret);
        out.push('\n');
    }
    out.push_str("\\end{verbatim}\n");
    if let Some(help) = &error.help {
        out.push_str(&format!("\\emph{{Help:}} {}\n", escape(help)));
    }
    out
}

/// A line inside `verbatim`, which ends only at `\end{verbatim}`.
fn verbatim_line(line: &str) -> String {
    line.replace("\\end{verbatim}", "\\end {verbatim}")
}

/// The input in a `%` comment: one line, as typed.
fn comment(input: &str) -> String {
    input.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_are_escaped_and_the_place_marked() {
        let error = crate::Session::new()
            .answer("2 +* 3")
            .expect_err("a syntax error");
        let shown = latex_error("2 +* 3", &error);
        assert!(shown.starts_with("% nudge: 2 +* 3\n\\textbf{Error} (\\texttt{syntax}): "));
        assert!(
            shown.contains("\\begin{verbatim}\n2 +* 3\n   ^\n\\end{verbatim}\n"),
            "{shown}"
        );
        assert_eq!(
            escape("a_1 & 50% {x^2}"),
            "a\\_1 \\& 50\\% \\{x\\textasciicircum{}2\\}"
        );
    }
}
