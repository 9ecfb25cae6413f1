//! A table of numbers on their way somewhere (`Block::Numbers`) laid out: as text, inputs
//! right-aligned and decimal points lined up; as a grid, its remarks a column of their own.

use crate::explain::doc::{Inline, Line, Span, Tag};
use unicode_width::UnicodeWidthStr;

/// Spaces before the table, and between its columns, in text.
const INDENT: &str = "  ";
const GAP: &str = "   ";

/// The heading and rows with the remarks as a last column headed by nothing, for a format
/// that sets tables as grids; as they are when no row has a remark.
pub fn with_remarks(
    head: &[Line],
    rows: &[Vec<Line>],
    remarks: &[Option<Line>],
) -> (Vec<Line>, Vec<Vec<Line>>) {
    let mut head = head.to_vec();
    let mut rows = rows.to_vec();
    if remarks.iter().any(Option::is_some) {
        head.push(Vec::new());
        for (i, row) in rows.iter_mut().enumerate() {
            row.push(remarks.get(i).cloned().flatten().unwrap_or_default());
        }
    }
    (head, rows)
}

/// The table as lines of text: the inputs right-aligned in at least `inputs` columns, each
/// column of values starting where its heading does, its numbers right-aligned among
/// themselves, a remark after its row's last value. `shown` is a line as printed, to measure.
pub fn lines(
    head: &[Line],
    rows: &[Vec<Line>],
    remarks: &[Option<Line>],
    inputs: usize,
    shown: &dyn Fn(&Line) -> String,
) -> Vec<Line> {
    let width = |l: &Line| UnicodeWidthStr::width(shown(l).as_str());
    let number = |l: &Line| {
        matches!(
            l.as_slice(),
            [Span {
                content: Inline::Math(_),
                ..
            }]
        )
    };
    // Numbers set in to the widest number of their column; words (`no value: …`) as they are.
    let mut body: Vec<Vec<Cell>> = rows
        .iter()
        .map(|row| row.iter().map(|l| Cell::new(l.clone(), width(l))).collect())
        .collect();
    for j in 1..head.len() {
        let column = || body.iter().filter_map(|row| row.get(j));
        let widest = column()
            .filter(|c| number(&c.line))
            .map(|c| c.width)
            .max()
            .unwrap_or(0);
        for cell in body.iter_mut().filter_map(|row| row.get_mut(j)) {
            if number(&cell.line) {
                cell.set_in(widest);
            }
        }
    }
    let head: Vec<Cell> = head
        .iter()
        .map(|l| Cell::new(l.clone(), width(l)))
        .collect();
    let mut widths: Vec<usize> = (0..head.len())
        .map(|j| {
            std::iter::once(&head)
                .chain(&body)
                .filter_map(|row| row.get(j))
                .map(|c| c.width)
                .max()
                .unwrap_or(0)
        })
        .collect();
    if let Some(first) = widths.first_mut() {
        *first = (*first).max(inputs);
    }
    let remark = |i: usize| remarks.get(i).and_then(Option::as_ref);
    std::iter::once(row_line(head, None, &widths))
        .chain(
            body.into_iter()
                .enumerate()
                .map(|(i, row)| row_line(row, remark(i), &widths)),
        )
        .collect()
}

/// A cell and its width as printed.
struct Cell {
    line: Line,
    width: usize,
}

impl Cell {
    fn new(line: Line, width: usize) -> Cell {
        Cell { line, width }
    }

    /// Spaces before the cell to make it `width` wide, inked as its first piece is.
    fn set_in(&mut self, width: usize) {
        let room = width.saturating_sub(self.width);
        if room > 0 {
            let tag = self.line.first().and_then(|s| s.tag);
            self.line.insert(0, spaces(room, tag));
            self.width = width;
        }
    }

    /// Spaces after the cell to make it `width` wide, inked as its last piece is.
    fn fill(&mut self, width: usize) {
        let room = width.saturating_sub(self.width);
        if room > 0 {
            let tag = self.line.last().and_then(|s| s.tag);
            self.line.push(spaces(room, tag));
            self.width = width;
        }
    }
}

/// One line of the table: the input right-aligned, the values after it, each but the last
/// filled out to its column, and the remark.
fn row_line(row: Vec<Cell>, remark: Option<&Line>, widths: &[usize]) -> Line {
    let last = widths.len().saturating_sub(1);
    let mut out: Line = vec![INDENT.into()];
    for (j, mut cell) in row.into_iter().enumerate() {
        let width = widths.get(j).copied().unwrap_or(0);
        if j == 0 {
            cell.set_in(width);
        } else {
            gap(&mut out, &cell.line);
            if j < last {
                cell.fill(width);
            }
        }
        out.extend(cell.line);
    }
    if let Some(remark) = remark {
        gap(&mut out, remark);
        out.extend(remark.iter().cloned());
    }
    out
}

/// The gap before `next`, inked when the pieces on either side share their ink, so that
/// a run of one ink (a heading over two columns) is painted as one.
fn gap(out: &mut Line, next: &Line) {
    let before = out.last().and_then(|s| s.tag);
    let after = next.first().and_then(|s| s.tag);
    let tag = if before == after { before } else { None };
    out.push(Span {
        content: GAP.into(),
        tag,
    });
}

fn spaces(n: usize, tag: Option<Tag>) -> Span {
    Span {
        content: " ".repeat(n).into(),
        tag,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::doc::Math;

    fn number(digits: &str) -> Line {
        vec![Math::Numeral(digits.to_string()).into()]
    }

    fn shown(line: &Line) -> String {
        crate::present::text::plain_line(line, true)
    }

    #[test]
    fn numbers_line_up_under_their_heading_and_remarks_follow_them() {
        let head = vec![vec!["h".into()], vec!["slope".into()], vec!["left".into()]];
        let rows = vec![
            vec![number("1"), number("12.50"), number("-1.5")],
            vec![number("0.1"), number("2.25"), vec!["no value: why".into()]],
        ];
        let remarks = vec![None, Some(vec!["← rounding".into()])];
        let lines: Vec<String> = lines(&head, &rows, &remarks, 4, &shown)
            .iter()
            .map(shown)
            .collect();
        assert_eq!(
            lines,
            [
                "     h   slope   left",
                "     1   12.50   -1.5",
                "   0.1    2.25   no value: why   ← rounding",
            ]
        );
    }
}
