//! A document as terminal text: Unicode or ASCII, tags painted by the caller's `Paint`.

use super::ascii::transliterate;
use super::maths::math_text;
use super::matrix::{column_widths, matrix};
use super::wrap::wrap;
use crate::explain::doc::{Block, Doc, Inline, Line, Quiet, Step, StepItem, Tag};
use crate::expr::{decimal, Style};
use crate::syntax::reading_of_statement;
use unicode_width::UnicodeWidthStr;

/// Longest expression shown inside a step, in characters.
pub const STEP_BUDGET: usize = 160;
/// Longest result shown under the steps; `-q` always prints the whole result.
pub const RESULT_BUDGET: usize = 4000;
/// Columns of prose under a heading, before its indent: lesson narration's width.
const PROSE_WIDTH: usize = 76;

/// How a tag looks on a terminal; the binary paints with colour, tests and pipes plainly.
pub trait Paint {
    fn paint(&self, tag: Tag, text: &str) -> String;
}

/// No colour at all.
pub struct Plain;

impl Paint for Plain {
    fn paint(&self, _: Tag, text: &str) -> String {
        text.to_string()
    }
}

/// The whole document as text ending with a newline; `quiet` prints the result alone.
/// With `unicode` off, maths is printed in ASCII and words are spelled in ASCII.
pub fn text(doc: &Doc, unicode: bool, quiet: bool, paint: &dyn Paint) -> String {
    let w = Writer {
        style: if unicode {
            Style::UNICODE
        } else {
            Style::ASCII
        },
        paint,
    };
    if quiet {
        match &doc.quiet {
            Quiet::Nothing => return String::new(),
            Quiet::Result(line) => return format!("{}\n", w.line(line, w.style)),
            Quiet::Lines(lines) => {
                return lines
                    .iter()
                    .map(|line| format!("{}\n", w.line(line, w.style)))
                    .collect()
            }
            Quiet::Whole => {}
        }
    }
    let mut out = String::new();
    for block in &doc.blocks {
        w.block(block, &mut out);
    }
    out
}

/// A line alone, unpainted: maths in Unicode or ASCII, words spelled to match.
pub fn plain_line(line: &Line, unicode: bool) -> String {
    let style = if unicode {
        Style::UNICODE
    } else {
        Style::ASCII
    };
    Writer {
        style,
        paint: &Plain,
    }
    .line(line, style)
}

struct Writer<'a> {
    style: Style,
    paint: &'a dyn Paint,
}

impl Writer<'_> {
    fn block(&self, block: &Block, out: &mut String) {
        let style = self.style;
        match block {
            Block::Reading(statement) => {
                let reading = self.spell(&reading_of_statement(statement, style.unicode));
                push_line(
                    out,
                    &format!("{} {reading}", self.tag(Tag::Label, "Reading:")),
                );
            }
            Block::Note(line) => push_line(
                out,
                &format!(
                    "{} {}",
                    self.tag(Tag::Warning, "Note:"),
                    self.line(line, style)
                ),
            ),
            // No expression in a line of words outgrows a result.
            Block::Words(line) => {
                push_line(out, &self.line(line, style.with_budget(RESULT_BUDGET)))
            }
            Block::Paragraph(line) => {
                for wrapped in wrap(&self.line(line, style), PROSE_WIDTH).lines() {
                    push_line(out, &format!("  {wrapped}"));
                }
            }
            Block::Gap => out.push('\n'),
            Block::Steps(items) => {
                for item in items {
                    self.step(item, 0, out);
                }
            }
            Block::Value {
                lead,
                exact,
                decimal: approx,
            } => {
                let exact = exact.to_text(style.with_budget(RESULT_BUDGET));
                let lead = self.line(lead, style.with_budget(RESULT_BUDGET));
                // Words never hold an ellipsis, so one in the line is a shortened expression.
                let shortened = exact.contains('…') || lead.contains('…');
                let exact = self.spell(&exact);
                let shown = match approx {
                    Some(d) => format!("{exact} {} {}", self.spell("≈"), decimal(*d)),
                    None => exact,
                };
                push_line(out, &format!("{lead} {}", self.tag(Tag::Answer, &shown)));
                if shortened {
                    // The shortening is this presenter's own doing, so it says so itself.
                    let said = "(shortened here; nudge -q prints the whole result)";
                    push_line(out, &self.tag(Tag::Quiet, said));
                }
            }
            Block::Table { head, rows } => {
                let cells: Vec<Vec<String>> = std::iter::once(head)
                    .chain(rows)
                    .map(|row| row.iter().map(|c| self.line(c, style)).collect())
                    .collect();
                for row in aligned(&cells) {
                    push_line(out, &row);
                }
            }
            Block::Matrix(rows) => {
                let cells: Vec<Vec<String>> = rows
                    .iter()
                    .map(|row| row.iter().map(|e| self.spell(&e.to_text(style))).collect())
                    .collect();
                for row in matrix("", &cells, style.unicode) {
                    push_line(out, &row);
                }
            }
            Block::Picture(rows) => {
                for row in rows {
                    push_line(out, row);
                }
            }
            Block::Drawing { unicode, ascii } => {
                for row in if style.unicode { unicode } else { ascii } {
                    push_line(out, row);
                }
            }
        }
    }

    /// A step: `  • label: title: equation`, the lines under it, its substeps, its closing.
    fn step(&self, item: &StepItem, indent: usize, out: &mut String) {
        let pad = "  ".repeat(indent);
        let step: &Step = match item {
            StepItem::Elided(line) => {
                push_line(out, &format!("{pad}{}", self.line(line, self.style)));
                return;
            }
            StepItem::Step(step) => step,
        };
        let style = self.style.with_budget(STEP_BUDGET);
        let bullet = match (indent, self.style.unicode) {
            (0, _) => "",
            (_, true) => "• ",
            (_, false) => "* ",
        };
        let label = step.label.map(|l| format!("{}: ", self.spell(l)));
        push_line(
            out,
            &format!(
                "{pad}{bullet}{}{}: {}",
                label.unwrap_or_default(),
                self.tag(Tag::Rule, step.title),
                self.spell(&math_text(&step.equation, style))
            ),
        );
        let inner_pad = format!("{pad}{}", if indent > 0 { "    " } else { "  " });
        for line in &step.lines {
            push_line(out, &format!("{inner_pad}{}", self.line(line, style)));
        }
        for child in &step.children {
            self.step(child, indent + 1, out);
        }
        if let Some(closing) = &step.closing {
            push_line(out, &format!("{inner_pad}{}", self.line(closing, style)));
        }
    }

    /// A line of spans; maths in `style`, words spelled for the style, each span painted.
    fn line(&self, line: &Line, style: Style) -> String {
        line.iter()
            .map(|span| {
                let text = match &span.content {
                    Inline::Text(t) => self.spell(t),
                    Inline::Math(m) => self.spell(&math_text(m, style)),
                    Inline::Spelled(s) => self.spell(&(s.0)(Style {
                        budget: None,
                        ..style
                    })),
                };
                match span.tag {
                    Some(tag) => self.tag(tag, &text),
                    None => text,
                }
            })
            .collect()
    }

    fn tag(&self, tag: Tag, text: &str) -> String {
        self.paint.paint(tag, text)
    }

    /// Words as the style spells them: unchanged in Unicode, every symbol spelled in ASCII.
    fn spell(&self, text: &str) -> String {
        if self.style.unicode {
            text.to_string()
        } else {
            transliterate(text)
        }
    }
}

fn push_line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

/// Table rows with each column right-aligned to its widest cell, two spaces apart.
fn aligned(cells: &[Vec<String>]) -> Vec<String> {
    let widths = column_widths(cells);
    cells
        .iter()
        .map(|row| {
            let shown: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| {
                    let gap = w.saturating_sub(UnicodeWidthStr::width(c.as_str()));
                    format!("{}{c}", " ".repeat(gap))
                })
                .collect();
            shown.join("  ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::Expr;

    fn words(text: &str) -> Line {
        vec![text.into()]
    }

    #[test]
    fn a_table_lines_up_its_columns() {
        let doc = Doc {
            blocks: vec![Block::Table {
                head: vec![words("h"), words("slope")],
                rows: vec![
                    vec![words("0.1"), words("6.1")],
                    vec![words("1"), words("7")],
                ],
            }],
            quiet: Quiet::Nothing,
        };
        assert_eq!(
            text(&doc, true, false, &Plain),
            "  h  slope\n0.1    6.1\n  1      7\n"
        );
    }

    #[test]
    fn a_matrix_is_bracketed_in_either_style() {
        let rows = vec![
            vec![Expr::pow(Expr::var("x"), Expr::int(2)), Expr::int(1)],
            vec![Expr::int(0), Expr::var("theta")],
        ];
        let doc = Doc {
            blocks: vec![Block::Matrix(rows)],
            quiet: Quiet::Nothing,
        };
        assert_eq!(text(&doc, true, false, &Plain), "⎡x²  1⎤\n⎣0   θ⎦\n");
        assert_eq!(
            text(&doc, false, false, &Plain),
            "[ x^2  1     ]\n[ 0    theta ]\n"
        );
    }

    #[test]
    fn a_paragraph_wraps_under_its_heading() {
        let prose = "word ".repeat(40);
        let doc = Doc {
            blocks: vec![Block::Paragraph(words(prose.trim_end()))],
            quiet: Quiet::Nothing,
        };
        let shown = text(&doc, true, false, &Plain);
        assert_eq!(shown.lines().count(), 3, "{shown}");
        for line in shown.lines() {
            assert!(
                line.starts_with("  word") && line.len() <= 2 + PROSE_WIDTH,
                "{line:?}"
            );
        }
    }

    #[test]
    fn quiet_prints_the_result_alone_and_a_picture_stays_whole() {
        let doc = Doc {
            blocks: vec![Block::Picture(vec!["  ⣀⡠⠔".into(), "⠔⠁  ".into()])],
            quiet: Quiet::Result(vec![crate::explain::doc::Math::Expr(Expr::int(6)).into()]),
        };
        assert_eq!(text(&doc, true, true, &Plain), "6\n");
        assert_eq!(text(&doc, true, false, &Plain), "  ⣀⡠⠔\n⠔⠁  \n");
    }
}
