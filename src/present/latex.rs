//! A document as LaTeX for notes: words as running text, steps as an `align*` derivation,
//! values as displayed maths, tables as `tabular`, matrices as `pmatrix`; and failures.
//! The walk through the document is `present::typeset`'s; here is how LaTeX marks it.

use super::caret::marked;
use super::latex_maths::{escape, line_maths, step_maths};
use super::text::plain_line;
use super::typeset::{document, line, split_words, Marks};
use crate::error::Error;
use crate::explain::doc::{Doc, Line, Span, StepItem, Tag};
use crate::syntax::{reading_latex, Statement};

/// The whole document as LaTeX, a blank line between blocks, ending with a newline.
pub fn latex(doc: &Doc) -> String {
    document(doc, &Latex)
}

/// How LaTeX marks a document.
struct Latex;

impl Marks for Latex {
    fn words(&self, text: &str) -> String {
        escape(text)
    }

    fn tagged(&self, tag: Option<Tag>, strong: bool, inner: String) -> String {
        match tag {
            Some(Tag::Label) if strong => format!("\\textbf{{{inner}}}"),
            Some(Tag::Warning) => format!("\\emph{{{inner}}}"),
            Some(Tag::Rule) => format!("\\textbf{{{inner}}}"),
            _ => inner,
        }
    }

    fn display(&self, maths: &str) -> String {
        format!("\\[ {maths} \\]\n")
    }

    fn after_label(&self) -> &'static str {
        "\n"
    }

    /// A line LaTeX cannot echo (a definition) says itself in what follows.
    fn reading(&self, statement: &Statement) -> Option<String> {
        reading_latex(statement).map(|latex| format!("Reading: ${latex}$\n"))
    }

    fn note(&self, line: &str) -> String {
        format!("\\emph{{Note:}} {line}\n")
    }

    fn entries(&self, entries: &[(Line, Line)], out: &mut String) {
        out.push_str("\\begin{description}\n");
        for (term, meaning) in entries {
            out.push_str(&format!(
                "  \\item[{}] {}\n",
                line(term, self),
                line(meaning, self)
            ));
        }
        out.push_str("\\end{description}\n");
    }

    fn steps(&self, items: &[StepItem], out: &mut String) {
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

    /// A `tabular`, every column right-aligned, a rule under the heading.
    fn table(&self, head: &[Line], rows: &[Vec<Line>], out: &mut String) {
        let columns = "r".repeat(head.len());
        out.push_str(&format!("\\begin{{tabular}}{{{columns}}}\n"));
        out.push_str(&format!("  {} \\\\ \\hline\n", cells(head)));
        for row in rows {
            out.push_str(&format!("  {} \\\\\n", cells(row)));
        }
        out.push_str("\\end{tabular}\n");
    }

    fn picture(&self, rows: &[String], out: &mut String) {
        out.push_str("\\begin{verbatim}\n");
        for r in rows {
            out.push_str(&verbatim_line(r.trim_end()));
            out.push('\n');
        }
        out.push_str("\\end{verbatim}\n");
    }
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
    rows.extend(step.lines.iter().map(|l| Row::Words(line(l, &Latex))));
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

/// A line's words and maths as one string of Unicode text, for `\\text{}`.
fn plain(l: &[Span]) -> String {
    plain_line(&l.to_vec(), true)
}

/// `\\text{…}` around words, escaped.
fn text(words: &str) -> String {
    format!("\\text{{{}}}", escape(words))
}

fn cells(row: &[Line]) -> String {
    row.iter()
        .map(|c| line(c, &Latex))
        .collect::<Vec<_>>()
        .join(" & ")
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
