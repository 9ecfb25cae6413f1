//! Laying out vectors and matrices as text: aligned columns inside tall brackets.

use unicode_width::UnicodeWidthStr;

/// The display width of each column: its widest cell (rows may be ragged).
pub fn column_widths(cells: &[Vec<String>]) -> Vec<usize> {
    let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
    (0..columns)
        .map(|j| {
            cells
                .iter()
                .filter_map(|row| row.get(j))
                .map(|c| UnicodeWidthStr::width(c.as_str()))
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// `(a, b, c)`.
pub fn tuple(cells: &[String]) -> String {
    format!("({})", cells.join(", "))
}

/// The rows of a matrix, columns aligned, with `label` in front of the middle row:
///
/// ```text
///     ⎡2x·y  x²    ⎤
/// J = ⎣5     cos(y)⎦
/// ```
pub fn matrix(label: &str, cells: &[Vec<String>], unicode: bool) -> Vec<String> {
    let widths = column_widths(cells);
    let n = cells.len();
    let middle = n.saturating_sub(1) / 2;
    let pad = " ".repeat(UnicodeWidthStr::width(label));
    cells
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let (open, close) = brackets(i, n, unicode);
            let body: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| {
                    let gap = w.saturating_sub(UnicodeWidthStr::width(c.as_str()));
                    format!("{c}{}", " ".repeat(gap))
                })
                .collect();
            let front = if i == middle { label } else { pad.as_str() };
            format!("{front}{open}{}{close}", body.join("  "))
        })
        .collect()
}

fn brackets(i: usize, n: usize, unicode: bool) -> (&'static str, &'static str) {
    if !unicode {
        return ("[ ", " ]");
    }
    match (i, n) {
        (_, 1) => ("[", "]"),
        (0, _) => ("⎡", "⎤"),
        (i, n) if i + 1 == n => ("⎣", "⎦"),
        _ => ("⎢", "⎥"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn columns_line_up_inside_tall_brackets() {
        let m = cells(&[&["2x·y", "x²"], &["5", "cos(y)"]]);
        assert_eq!(
            matrix("J = ", &m, true),
            vec!["J = ⎡2x·y  x²    ⎤", "    ⎣5     cos(y)⎦"]
        );
        let three = cells(&[&["1"], &["22"], &["3"]]);
        assert_eq!(matrix("", &three, true), vec!["⎡1 ⎤", "⎢22⎥", "⎣3 ⎦"]);
        assert_eq!(
            matrix("H = ", &m, false),
            vec!["H = [ 2x·y  x²     ]", "    [ 5     cos(y) ]"]
        );
    }
}
