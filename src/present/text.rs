//! A document as terminal text: Unicode or ASCII, tags painted by the caller's `Paint`.

use super::ascii::transliterate;
use super::maths::math_text;
use super::matrix::{column_widths, matrix};
use super::numbers;
use super::plot::{draw_contour_painted, draw_plot_painted};
use super::wrap::{hang, hang_after, visible_width};
use crate::explain::doc::{Block, Doc, Inline, Line, Math, Quiet, Step, StepItem, Tag};
use crate::expr::{decimal, Expr, Style};
use crate::syntax::reading_of_statement;
use std::cell::Cell;
use unicode_width::UnicodeWidthStr;

pub use crate::explain::doc::{RESULT_BUDGET, STEP_BUDGET};
/// Columns of prose under a heading, before its indent: lesson narration's width.
const PROSE_WIDTH: usize = 76;
/// Widest term that sets the column of meanings beside it.
const TERM_ROOM: usize = 23;
/// Narrowest column a long meaning is wrapped in beside its term; narrower, it goes under.
const MEANING_ROOM: usize = 30;

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

/// The whole document as text ending with a newline, every line whole; `quiet` prints the
/// result alone. With `unicode` off, maths is printed in ASCII and words are spelled in ASCII.
pub fn text(doc: &Doc, unicode: bool, quiet: bool, paint: &dyn Paint) -> String {
    let style = if unicode {
        Style::UNICODE
    } else {
        Style::ASCII
    };
    text_at(doc, style, quiet, paint, None)
}

/// `text`, with every line of prose wrapped to `width` columns between words, each going on
/// under its own indent; tables, matrices and pictures are never broken. Maths in `style`.
pub fn text_at(
    doc: &Doc,
    style: Style,
    quiet: bool,
    paint: &dyn Paint,
    width: Option<usize>,
) -> String {
    let w = Writer {
        style,
        paint,
        shortened: Cell::new(false),
        width,
    };
    if quiet {
        match &doc.quiet {
            Quiet::Nothing => return String::new(),
            Quiet::Result(line) => {
                let mut out = String::new();
                w.prose(&mut out, &w.line(line, w.style), 2);
                return out;
            }
            Quiet::Lines(lines) => {
                let mut out = String::new();
                for line in lines {
                    w.prose(&mut out, &w.line(line, w.style), 2);
                }
                return out;
            }
            Quiet::Blocks(blocks) => {
                let mut out = String::new();
                for block in blocks {
                    w.block(block, &mut out);
                }
                return out;
            }
            Quiet::Whole => {}
        }
    }
    let mut out = String::new();
    for block in &doc.blocks {
        w.block(block, &mut out);
    }
    if w.shortened.get() {
        // The shortening is this presenter's own doing, so it says so itself.
        let said = "(long entries are shortened here; nudge -q prints them whole)";
        push_line(&mut out, &w.tag(Tag::Quiet, said));
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
        shortened: Cell::new(false),
        width: None,
    }
    .line(line, style)
}

struct Writer<'a> {
    style: Style,
    paint: &'a dyn Paint,
    /// Whether an entry was cut short to its budget.
    shortened: Cell<bool>,
    /// Columns prose wraps to; `None` keeps every line whole.
    width: Option<usize>,
}

impl Writer<'_> {
    fn block(&self, block: &Block, out: &mut String) {
        let style = self.style;
        match block {
            Block::Reading(statement) => {
                let reading = self.spell(&reading_of_statement(statement, style.unicode));
                let reading = format!("{} {reading}", self.tag(Tag::Label, "Reading:"));
                self.prose(out, &reading, 2);
            }
            Block::Note(line) => {
                let note = format!(
                    "{} {}",
                    self.tag(Tag::Warning, "Note:"),
                    self.line(line, style)
                );
                self.prose(out, &note, 2);
            }
            Block::Words(line) => self.words(line, out),
            Block::Lines(lines) => {
                for line in lines {
                    self.words(line, out);
                }
            }
            Block::Paragraph(line) => {
                let room = self
                    .width
                    .map_or(PROSE_WIDTH + 2, |w| w.min(PROSE_WIDTH + 2));
                let paragraph = format!("  {}", self.line(line, style));
                push_line(out, &hang(&paragraph, room, 2));
            }
            Block::Entries(entries) => self.entries(entries, out),
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
                let long = long_fraction(exact);
                let exact = exact.to_text(style.with_budget(RESULT_BUDGET));
                let lead = self.line(lead, style.with_budget(RESULT_BUDGET));
                // Words never hold an ellipsis, so one in the line is a shortened expression.
                let shortened = exact.contains('…') || lead.contains('…');
                let exact = self.spell(&exact);
                let value = match approx {
                    // A fraction no book would print is read as its decimal, the fraction after.
                    Some(d) if long => {
                        let shown = format!("{} {}", self.spell("≈"), decimal(*d));
                        let aside = format!("(exactly {exact})");
                        format!(
                            "{lead} {} {}",
                            self.tag(Tag::Answer, &shown),
                            self.tag(Tag::Quiet, &aside)
                        )
                    }
                    // A value that prints as a decimal already (typed 0.1 + 0.2) needs no other.
                    Some(_) if exact.parse::<f64>().is_ok() => {
                        format!("{lead} {}", self.tag(Tag::Answer, &exact))
                    }
                    Some(d) => {
                        let shown = format!("{exact} {} {}", self.spell("≈"), decimal(*d));
                        format!("{lead} {}", self.tag(Tag::Answer, &shown))
                    }
                    None => format!("{lead} {}", self.tag(Tag::Answer, &exact)),
                };
                self.prose(out, &value, 2);
                if shortened {
                    // The shortening is this presenter's own doing, so it says so itself.
                    let said = "(shortened here; nudge -q prints the whole result)";
                    self.prose(out, &self.tag(Tag::Quiet, said), 2);
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
            Block::Numbers {
                head,
                rows,
                remarks,
                inputs,
            } => {
                let plain = Writer {
                    paint: &Plain,
                    shortened: Cell::new(false),
                    ..*self
                };
                let shown = |line: &Line| plain.line(line, style);
                for line in numbers::lines(head, rows, remarks, *inputs, &shown) {
                    push_line(out, self.line(&line, style).trim_end());
                }
            }
            // The legend says what the curves are: the caption is for formats that set the
            // picture apart from its words.
            Block::Plot { plot, legend, .. } => {
                let legend: Vec<String> = legend.iter().map(|l| self.line(l, style)).collect();
                for row in draw_plot_painted(plot, &legend, style.unicode, self.paint) {
                    push_line(out, self.spell(&row).trim_end());
                }
            }
            Block::Contour(map) => {
                for row in draw_contour_painted(map, style.unicode, self.paint) {
                    push_line(out, self.spell(&row).trim_end());
                }
            }
            Block::Indent { by, body } => {
                let inner = self.set_in(*by, 0, body);
                for l in inner.lines() {
                    push_line(out, &format!("{}{l}", " ".repeat(*by)));
                }
            }
            Block::Drawing { unicode, ascii } => {
                for row in if style.unicode { unicode } else { ascii } {
                    push_line(out, row);
                }
            }
            Block::Inset { lead, body } => {
                let lead = self.line(lead, style);
                let inner = self.set_in(2, visible_width(&lead), body);
                for (k, l) in inner.lines().enumerate() {
                    let front = if k == 0 { lead.as_str() } else { "" };
                    push_line(out, &format!("  {front}{l}"));
                }
            }
            Block::Grid {
                lead,
                rows,
                decimals,
                tag,
            } => self.grid(lead, rows, decimals.as_deref(), *tag, out),
        }
    }

    /// A line of words, wrapped under its own indent; no expression in it outgrows a result.
    fn words(&self, line: &Line, out: &mut String) {
        let words = self.line(line, self.style.with_budget(RESULT_BUDGET));
        let indent = words.len() - words.trim_start_matches(' ').len();
        self.prose(out, &words, indent + 2);
    }

    /// Blocks as text in the room an indent of `by` columns and a lead of `lead` leave.
    fn set_in(&self, by: usize, lead: usize, body: &[Block]) -> String {
        let inset = Writer {
            width: self.width.map(|w| w.saturating_sub(by + lead)),
            shortened: Cell::new(false),
            ..*self
        };
        let mut inner = String::new();
        for b in body {
            inset.block(b, &mut inner);
        }
        if inset.shortened.get() {
            self.shortened.set(true);
        }
        inner
    }

    /// A matrix behind its lead, each line marked by `tag`, and its decimals under it.
    fn grid(
        &self,
        lead: &Line,
        rows: &[Vec<Math>],
        decimals: Option<&[Vec<f64>]>,
        tag: Option<Tag>,
        out: &mut String,
    ) {
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|row| row.iter().map(|m| self.math(m, self.style)).collect())
            .collect();
        let lead_text = self.line(lead, self.style);
        for row in matrix(&lead_text, &cells, self.style.unicode) {
            push_line(out, &tag.map_or_else(|| row.clone(), |t| self.tag(t, &row)));
        }
        if let Some(values) = decimals {
            let cells: Vec<Vec<String>> = values
                .iter()
                .map(|row| row.iter().map(|v| decimal(*v)).collect())
                .collect();
            let plain = plain_line(lead, self.style.unicode);
            let width = UnicodeWidthStr::width(plain.as_str()).saturating_sub(2);
            let approx = format!("{}{} ", " ".repeat(width), self.spell("≈"));
            for row in matrix(&approx, &cells, self.style.unicode) {
                push_line(out, &row);
            }
        }
    }

    /// A step: `  • label: title: equation`, the lines under it, its substeps, its closing.
    fn step(&self, item: &StepItem, indent: usize, out: &mut String) {
        let pad = "  ".repeat(indent);
        let step: &Step = match item {
            StepItem::Elided(line) => {
                let elided = format!("{pad}{}", self.line(line, self.style));
                self.prose(out, &elided, pad.len() + 2);
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
        let inner_pad = format!("{pad}{}", if indent > 0 { "    " } else { "  " });
        let head = format!(
            "{pad}{bullet}{}{}: {}",
            label.unwrap_or_default(),
            self.tag(Tag::Rule, step.title),
            self.spell(&math_text(&step.equation, style))
        );
        self.prose(out, &head, inner_pad.len());
        for line in &step.lines {
            let line = format!("{inner_pad}{}", self.line(line, style));
            self.prose(out, &line, inner_pad.len() + 2);
        }
        for child in &step.children {
            self.step(child, indent + 1, out);
        }
        if let Some(closing) = &step.closing {
            let closing = format!("{inner_pad}{}", self.line(closing, style));
            self.prose(out, &closing, inner_pad.len() + 2);
        }
    }

    /// Terms in a column and their meanings beside them, each meaning wrapped in its own
    /// column; when that column would be too narrow to read, the meaning goes under its term.
    fn entries(&self, entries: &[(Line, Line)], out: &mut String) {
        let shown: Vec<(String, String)> = entries
            .iter()
            .map(|(term, meaning)| (self.line(term, self.style), self.line(meaning, self.style)))
            .collect();
        // A term much longer than the others pushes its own meaning along, not the column.
        let column = 2
            + shown
                .iter()
                .map(|(term, _)| visible_width(term))
                .filter(|w| *w <= TERM_ROOM)
                .max()
                .unwrap_or(TERM_ROOM)
            + 2;
        for (term, meaning) in shown {
            // Beside its term when it fits there, or has a column wide enough to wrap in.
            let room = visible_width(&meaning).min(MEANING_ROOM);
            let start = column.max(2 + visible_width(&term) + 2);
            match self.width {
                // A term too long for the column has its meaning under it, in the column.
                Some(width) if start > column && width >= column + room => {
                    push_line(out, &format!("  {term}"));
                    push_line(
                        out,
                        &hang_after(&" ".repeat(column), &meaning, width, column),
                    );
                    continue;
                }
                _ => {}
            }
            if self.width.is_none_or(|w| w >= start + room) {
                let gap = (column - 2).saturating_sub(visible_width(&term)).max(2);
                let lead = format!("  {term}{}", " ".repeat(gap));
                match self.width {
                    Some(width) => push_line(out, &hang_after(&lead, &meaning, width, column)),
                    None => push_line(out, &format!("{lead}{meaning}")),
                }
            } else {
                push_line(out, &format!("  {term}"));
                self.prose(out, &format!("      {meaning}"), 6);
            }
        }
    }

    /// A line of prose, broken between words to the width with the lines after the first
    /// starting `next` columns in, or whole when there is no width.
    fn prose(&self, out: &mut String, line: &str, next: usize) {
        match self.width {
            Some(width) => push_line(out, &hang(line, width, next)),
            None => push_line(out, line),
        }
    }

    /// A line of spans; maths in `style`, words spelled for the style; a run of spans with
    /// one tag is painted as one.
    fn line(&self, line: &Line, style: Style) -> String {
        let mut runs: Vec<(Option<Tag>, String)> = Vec::new();
        for span in line {
            let text = match &span.content {
                Inline::Text(t) => self.spell(t),
                Inline::Math(m) => self.math(m, style),
                Inline::Spelled(s) => self.spell(&(s.0)(Style {
                    budget: None,
                    ..style
                })),
            };
            match runs.last_mut() {
                Some((tag, run)) if *tag == span.tag => run.push_str(&text),
                _ => runs.push((span.tag, text)),
            }
        }
        runs.into_iter()
            .map(|(tag, text)| match tag {
                Some(tag) => self.tag(tag, &text),
                None => text,
            })
            .collect()
    }

    /// Maths in `style`, spelled; an entry cut short is remembered for the closing remark.
    fn math(&self, m: &Math, style: Style) -> String {
        let text = math_text(m, style);
        if matches!(m, Math::Entry(_)) && text.contains('…') {
            self.shortened.set(true);
        }
        self.spell(&text)
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

/// Digits past which a numerator or denominator is too long to read at a glance.
const LONG_DIGITS: usize = 6;

/// A fraction with a numerator or denominator too long to take in: 23298085122481/8916100448256.
fn long_fraction(e: &Expr) -> bool {
    e.as_number().is_some_and(|n| {
        let digits = |i: num_bigint::BigInt| i.magnitude().to_string().len();
        !n.is_integer() && (digits(n.numer()) > LONG_DIGITS || digits(n.denom()) > LONG_DIGITS)
    })
}

/// A finished line: its no-break spaces, which only kept words together while wrapping, are
/// printed as plain spaces, so a command copied from the screen is typed as it reads.
fn push_line(out: &mut String, text: &str) {
    out.push_str(&text.replace('\u{a0}', " "));
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
