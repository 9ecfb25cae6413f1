//! A document as a standalone HTML fragment: plain elements with classes, no script.
//!
//! Every element is closed and every attribute quoted, so the fragment is also well-formed
//! XML; maths is Unicode text inside `<span class="math">`. A page styles the classes.

use super::maths::math_text;
use super::numbers::with_remarks;
use super::plot::{draw_contour, draw_plot};
use super::text::plain_line;
use crate::error::Error;
use crate::explain::doc::{Block, Doc, Inline, Line, Quiet, StepItem, Tag};
use crate::expr::{decimal, Style};
use crate::syntax::reading_of_statement;

/// The answer as one `<section class="nudge-answer">`; `quiet` keeps the result alone.
pub fn html(doc: &Doc, quiet: bool) -> String {
    let mut out = String::from("<section class=\"nudge-answer\">\n");
    match (&doc.quiet, quiet) {
        (Quiet::Nothing, true) => {}
        (Quiet::Result(result), true) => {
            out.push_str(&format!("<p class=\"result\">{}</p>\n", line(result)));
        }
        (Quiet::Lines(lines), true) => {
            for l in lines {
                out.push_str(&format!("<p class=\"result\">{}</p>\n", line(l)));
            }
        }
        (Quiet::Blocks(blocks), true) => {
            for b in blocks {
                block(b, &mut out);
            }
        }
        (Quiet::Whole, true) | (_, false) => {
            for b in &doc.blocks {
                block(b, &mut out);
            }
        }
    }
    out.push_str("</section>\n");
    out
}

/// A failure: its code, its message, the line with the problem marked, and help.
pub fn html_error(input: &str, error: &Error) -> String {
    let mut out = format!(
        "<section class=\"nudge-error\" data-code=\"{}\">\n<p class=\"message\">{}</p>\n",
        error.kind.code(),
        escape(&error.message)
    );
    let chars: Vec<char> = input.chars().collect();
    let (start, end) = error.span.map_or((0, 0), |s| {
        let start = s.start.min(chars.len());
        (start, s.end.clamp(start, chars.len()))
    });
    let part = |from: usize, to: usize| escape(&chars[from..to].iter().collect::<String>());
    out.push_str(&format!(
        "<pre class=\"source\">{}<mark>{}</mark>{}</pre>\n",
        part(0, start),
        part(start, end),
        part(end, chars.len())
    ));
    if let Some(help) = &error.help {
        out.push_str(&format!("<p class=\"help\">{}</p>\n", escape(help)));
    }
    out.push_str("</section>\n");
    out
}

fn block(b: &Block, out: &mut String) {
    match b {
        Block::Reading(statement) => out.push_str(&format!(
            "<p class=\"reading\"><span class=\"label\">Reading:</span> <span class=\"math\">{}</span></p>\n",
            escape(&reading_of_statement(statement, true))
        )),
        Block::Note(l) => out.push_str(&format!(
            "<p class=\"note\"><span class=\"warning\">Note:</span> {}</p>\n",
            line(l)
        )),
        Block::Words(l) => out.push_str(&format!("<p>{}</p>\n", line(l))),
        Block::Lines(lines) => {
            let said: Vec<String> = lines.iter().map(line).collect();
            out.push_str(&format!("<p>{}</p>\n", said.join("\n")));
        }
        Block::Paragraph(l) => out.push_str(&format!("<p class=\"prose\">{}</p>\n", line(l))),
        Block::Entries(entries) => {
            out.push_str("<dl>\n");
            for (term, meaning) in entries {
                out.push_str(&format!(
                    "<dt>{}</dt><dd>{}</dd>\n",
                    line(term),
                    line(meaning)
                ));
            }
            out.push_str("</dl>\n");
        }
        Block::Gap => {}
        Block::Steps(items) => steps(items, out),
        Block::Value {
            lead,
            exact,
            decimal: approx,
        } => {
            let mut value = maths(&exact.unicode());
            if let Some(d) = approx {
                value.push_str(&format!(" ≈ {}", decimal(*d)));
            }
            out.push_str(&format!(
                "<p class=\"value\">{} <span class=\"answer\">{value}</span></p>\n",
                line(lead)
            ));
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
            out.push_str("<table class=\"matrix\">\n");
            for row in rows {
                out.push_str("<tr>");
                for e in row {
                    out.push_str(&format!("<td>{}</td>", maths(&e.unicode())));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n");
        }
        Block::Picture(rows) | Block::Drawing { unicode: rows, .. } => out.push_str(&format!(
            "<pre class=\"picture\">{}</pre>\n",
            escape(&rows.join("\n"))
        )),
        // The legend says what the curves are, under the picture as in text.
        Block::Plot { plot, legend, .. } => {
            let legend: Vec<String> = legend.iter().map(|l| plain_line(l, true)).collect();
            picture(&draw_plot(plot, &legend, true), out);
        }
        Block::Contour(map) => picture(&draw_contour(map, true), out),
        Block::Indent { body, .. } => {
            out.push_str("<div class=\"inset\">\n");
            for b in body {
                block(b, out);
            }
            out.push_str("</div>\n");
        }
        Block::Inset { lead, body } => {
            out.push_str(&format!("<div class=\"inset\">{}\n", line(lead)));
            for b in body {
                block(b, out);
            }
            out.push_str("</div>\n");
        }
        Block::Grid {
            lead,
            rows,
            decimals,
            tag,
        } => {
            let class = tag.map_or("matrix", |t| match t {
                Tag::Answer => "matrix answer",
                _ => "matrix",
            });
            out.push_str(&format!("<p>{}</p>\n<table class=\"{class}\">\n", line(lead)));
            for row in rows {
                out.push_str("<tr>");
                for m in row {
                    out.push_str(&format!("<td>{}</td>", maths(&math_text(m, Style::UNICODE))));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n");
            if let Some(values) = decimals {
                out.push_str("<table class=\"matrix decimals\">\n");
                for row in values {
                    out.push_str("<tr>");
                    for v in row {
                        out.push_str(&format!("<td>≈ {}</td>", decimal(*v)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
    }
}

/// A table: the heading row, then the rows of cells.
fn table(head: &[Line], rows: &[Vec<Line>], out: &mut String) {
    out.push_str("<table>\n<thead><tr>");
    for cell in head {
        out.push_str(&format!("<th>{}</th>", line(cell)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&format!("<td>{}</td>", line(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A drawing kept as drawn, its characters escaped.
fn picture(rows: &[String], out: &mut String) {
    out.push_str(&format!(
        "<pre class=\"picture\">{}</pre>\n",
        escape(&rows.join("\n"))
    ));
}

/// A step tree as nested lists: each step's heading, the lines under it, its parts.
fn steps(items: &[StepItem], out: &mut String) {
    out.push_str("<ul class=\"steps\">\n");
    for item in items {
        match item {
            StepItem::Elided(l) => {
                out.push_str(&format!("<li class=\"elided\">{}</li>\n", line(l)))
            }
            StepItem::Step(step) => {
                out.push_str("<li class=\"step\">");
                if let Some(label) = step.label {
                    out.push_str(&format!("<span class=\"part\">{}:</span> ", escape(label)));
                }
                out.push_str(&format!(
                    "<span class=\"rule\">{}</span>: {}\n",
                    escape(step.title),
                    maths(&math_text(&step.equation, Style::UNICODE))
                ));
                for l in &step.lines {
                    out.push_str(&format!("<p>{}</p>\n", line(l)));
                }
                if !step.children.is_empty() {
                    steps(&step.children, out);
                }
                if let Some(closing) = &step.closing {
                    out.push_str(&format!("<p class=\"closing\">{}</p>\n", line(closing)));
                }
                out.push_str("</li>\n");
            }
        }
    }
    out.push_str("</ul>\n");
}

fn line(l: &Line) -> String {
    l.iter()
        .map(|span| {
            let inner = match &span.content {
                Inline::Text(t) => escape(t),
                Inline::Math(m) => maths(&math_text(m, Style::UNICODE)),
                Inline::Spelled(s) => escape(&(s.0)(Style::UNICODE)),
            };
            match span.tag {
                Some(tag) => format!("<span class=\"{}\">{inner}</span>", class(tag)),
                None => inner,
            }
        })
        .collect()
}

fn maths(text: &str) -> String {
    format!("<span class=\"math\">{}</span>", escape(text))
}

fn class(tag: Tag) -> &'static str {
    match tag {
        Tag::Label => "label",
        Tag::Warning => "warning",
        Tag::Rule => "rule",
        Tag::Quiet => "quiet",
        Tag::Answer => "answer",
        Tag::Success => "success",
        Tag::Error => "error",
        Tag::Curve(_) => "curve",
        Tag::Level => "level",
        Tag::Marked => "marked",
        Tag::Arrow => "arrow",
    }
}

/// Text made safe inside an element or a quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_the_input_is_escaped() {
        assert_eq!(escape("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
    }
}
