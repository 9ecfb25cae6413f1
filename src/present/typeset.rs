//! What the LaTeX and Markdown presenters share: both set maths as LaTeX, so a document is
//! walked once here, and each format says only how it marks words, shows maths on a line of
//! its own, and lays out steps, lists of terms, tables and pictures (`Marks`).

use super::latex_maths::{displayed, groups, is_maths, line_maths, math_latex, pmatrix, run_maths};
use super::numbers::with_remarks;
use super::plot::{draw_contour, draw_plot};
use super::text::plain_line;
use crate::explain::doc::{Block, Doc, Inline, Line, Span, StepItem, Tag};
use crate::expr::{decimal, Expr, Style};
use crate::syntax::Statement;

/// How one format marks what the walk hands it.
pub trait Marks {
    /// Words as running text: escaped where the format needs it.
    fn words(&self, text: &str) -> String;
    /// Words marked as their tag looks in the format; `strong` when the line gives the answer,
    /// whose label then stands out.
    fn tagged(&self, tag: Option<Tag>, strong: bool, inner: String) -> String;
    /// Maths on a line of its own, with its newline.
    fn display(&self, maths: &str) -> String;
    /// What ends a label set above displayed maths.
    fn after_label(&self) -> &'static str;
    /// The reading line, or none where the format cannot echo it (the block is left out).
    fn reading(&self, statement: &Statement) -> Option<String>;
    /// A note on the reading, already set as a line.
    fn note(&self, line: &str) -> String;
    fn entries(&self, entries: &[(Line, Line)], out: &mut String);
    fn steps(&self, items: &[StepItem], out: &mut String);
    fn table(&self, head: &[Line], rows: &[Vec<Line>], out: &mut String);
    /// A picture kept as drawn: it has no maths form.
    fn picture(&self, rows: &[String], out: &mut String);
}

/// The whole document, a blank line between blocks, ending with a newline.
pub fn document(doc: &Doc, marks: &impl Marks) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        block(b, marks, &mut out);
    }
    out.truncate(out.trim_end().len());
    // A document with nothing to show (the binary acts on a lesson request) prints nothing.
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// One block and the blank line after it; a gap is the blank line alone.
fn block(b: &Block, marks: &impl Marks, out: &mut String) {
    let line = |l: &[Span]| line(l, marks);
    match b {
        Block::Reading(statement) => match marks.reading(statement) {
            Some(reading) => out.push_str(&reading),
            None => return,
        },
        Block::Note(l) => out.push_str(&marks.note(&line(l))),
        // An empty line of words is the text presenter's spacing: blocks here are spaced anyway.
        Block::Words(l) | Block::Paragraph(l) if line(l).trim().is_empty() => return,
        Block::Words(l) => match displayed(l) {
            Some((label, maths)) => {
                let label = spans(label, strong(l), marks);
                if !label.trim().is_empty() {
                    out.push_str(label.trim());
                    out.push_str(marks.after_label());
                }
                out.push_str(&marks.display(&line_maths(maths)));
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
        Block::Entries(entries) => marks.entries(entries, out),
        Block::Gap => return,
        Block::Steps(items) => marks.steps(items, out),
        Block::Value {
            lead,
            exact,
            decimal: approx,
        } => {
            let mut value = exact.latex();
            if let Some(d) = approx {
                value.push_str(&format!(" \\approx {}", decimal(*d)));
            }
            out.push_str(&value_line(lead, &value, marks));
        }
        Block::Table { head, rows } => marks.table(head, rows, out),
        Block::Numbers {
            head,
            rows,
            remarks,
            ..
        } => {
            let (head, rows) = with_remarks(head, rows, remarks);
            marks.table(&head, &rows, out);
        }
        Block::Matrix(rows) => {
            let rows: Vec<Vec<String>> = rows
                .iter()
                .map(|row| row.iter().map(Expr::latex).collect())
                .collect();
            out.push_str(&marks.display(&pmatrix(&rows)));
        }
        Block::Picture(rows) | Block::Drawing { unicode: rows, .. } => marks.picture(rows, out),
        Block::Plot {
            plot,
            legend,
            caption,
        } => {
            if !caption.is_empty() {
                out.push_str(&format!("{}, drawn in characters:\n\n", line(caption)));
            }
            let legend: Vec<String> = legend.iter().map(|l| plain_line(l, true)).collect();
            marks.picture(&draw_plot(plot, &legend, true), out);
        }
        Block::Contour(map) => marks.picture(&draw_contour(map, true), out),
        Block::Indent { body, .. } => {
            for b in body {
                block(b, marks, out);
            }
            return;
        }
        Block::Inset { lead, body } => {
            if !line(lead).trim().is_empty() {
                out.push_str(line(lead).trim_end());
                out.push_str("\n\n");
            }
            for b in body {
                block(b, marks, out);
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
            out.push_str(&value_line(lead, &shown, marks));
        }
    }
    out.push('\n');
}

/// A value after its lead: displayed when the lead is maths (`\\frac{d}{dx} x^{2} =`), else
/// the lead's words and the maths inline (`Value: $\\frac{5}{6}$`).
fn value_line(lead: &Line, value: &str, marks: &impl Marks) -> String {
    let (words, maths) = split_words(lead);
    let maths = [line_maths(maths), value.to_string()]
        .into_iter()
        .filter(|m| !m.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if is_maths(words) {
        marks.display(&maths)
    } else {
        format!("{} ${maths}$\n", spans(words, true, marks).trim_end())
    }
}

/// The words a line starts with, and the maths from its first piece of maths on.
pub fn split_words(l: &[Span]) -> (&[Span], &[Span]) {
    let first = l
        .iter()
        .position(|span| matches!(span.content, Inline::Math(_)))
        .unwrap_or(l.len());
    l.split_at(first)
}

/// A line as running text: words as the format sets them, maths in `$…$`, tags marked.
pub fn line(l: &[Span], marks: &impl Marks) -> String {
    spans(l, strong(l), marks)
}

/// Whether a line gives the answer, so that its label stands out.
fn strong(l: &[Span]) -> bool {
    l.iter().any(|span| span.tag == Some(Tag::Answer))
}

/// A line's spans; `strong` when the line gives the answer, whose label then stands out.
fn spans(l: &[Span], strong: bool, marks: &impl Marks) -> String {
    groups(l, look)
        .map(|(tag, runs)| {
            let inner: String = runs
                .into_iter()
                .map(|run| match run {
                    [span] => match &span.content {
                        Inline::Text(t) => marks.words(t),
                        Inline::Math(m) => format!("${}$", math_latex(m)),
                        Inline::Spelled(s) => marks.words(&(s.0)(Style::UNICODE)),
                    },
                    maths => run_maths(maths),
                })
                .collect();
            marks.tagged(tag, strong, inner)
        })
        .collect()
}

/// How a tag looks in both formats: labels, warnings and rule titles stand out; nothing else
/// does (a picture's inks have no look here: pictures are set as drawn, in plain text).
fn look(tag: Option<Tag>) -> Option<Tag> {
    tag.filter(|t| matches!(t, Tag::Label | Tag::Warning | Tag::Rule))
}
