//! The graph of a backpropagation drawn in characters, in the spirit of micrograd's drawn
//! graph: one box per node with its value and gradient, inputs above the steps that use them,
//! and an arrow from each input down a lane on the right into each step that uses it.

use crate::engine::{BackpropAnswer, Role};
use crate::expr::{decimal, Expr, Style};
use unicode_width::UnicodeWidthStr;

/// Longest formula written inside a box, in characters.
const FORMULA_BUDGET: usize = 28;
/// Rows of one box, and of the box with the gap under it.
const BOX_ROWS: usize = 5;
const PITCH: usize = BOX_ROWS + 1;

const UP: u8 = 1;
const DOWN: u8 = 2;
const LEFT: u8 = 4;
const RIGHT: u8 = 8;

/// The drawing, in Unicode box characters or in plain ASCII.
pub fn drawing(answer: &BackpropAnswer, style: Style) -> Vec<String> {
    let labels: Vec<[String; 3]> = answer
        .nodes
        .iter()
        .map(|n| {
            let name = Expr::symbol(n.name.clone()).to_text(style);
            let title = match (&n.formula, n.role) {
                (Some(f), Role::Step | Role::Set) => {
                    format!("{name} = {}", f.to_text(style.with_budget(FORMULA_BUDGET)))
                }
                _ => name,
            };
            [
                title,
                format!("value {}", decimal(n.value.approx)),
                format!("grad {}", decimal(n.gradient.approx)),
            ]
        })
        .collect();
    let inner = labels
        .iter()
        .flatten()
        .map(|l| UnicodeWidthStr::width(l.as_str()))
        .max()
        .unwrap_or(0);
    let width = inner + 4;
    let lanes = lanes(answer);
    let lane_count = lanes.iter().flatten().max().map_or(0, |l| l + 1);
    // No gap under the last box.
    let rows = (answer.nodes.len() * PITCH).saturating_sub(1);
    let mut canvas = Canvas::new(rows, width + 3 + 2 * lane_count);
    for (i, label) in labels.iter().enumerate() {
        canvas.frame(i * PITCH, width, label, style.unicode);
    }
    for (source, lane) in lanes.iter().enumerate() {
        let Some(lane) = lane else { continue };
        let column = width + 2 + 2 * lane;
        let targets = consumers(answer, source);
        let exit = source * PITCH + 3;
        let last = targets.iter().map(|t| t * PITCH + 1).max().unwrap_or(exit);
        canvas.horizontal(exit, width, column);
        canvas.vertical(column, exit, last);
        for t in targets {
            // A lane ends in the title row of its last step; one that goes on branches off a
            // row lower, so that its join (├ ┤) never shares a cell with a line passing
            // through to a lane further out, which would draw it as a crossing (┼).
            let row = t * PITCH + 1;
            let row = if row == last { row } else { row + 1 };
            canvas.horizontal(row, width, column);
            canvas.arrow(row, width);
        }
    }
    canvas.rows(style.unicode)
}

/// The nodes that use node `source`, by index.
fn consumers(answer: &BackpropAnswer, source: usize) -> Vec<usize> {
    let name = &answer.nodes[source].name;
    let mut found: Vec<usize> = answer
        .links
        .iter()
        .filter(|l| &l.input == name)
        .filter_map(|l| answer.nodes.iter().position(|n| n.name == l.step))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// A lane for each node that feeds another, reused once its last arrow is drawn.
fn lanes(answer: &BackpropAnswer) -> Vec<Option<usize>> {
    let mut busy_until: Vec<usize> = Vec::new();
    (0..answer.nodes.len())
        .map(|source| {
            let last = *consumers(answer, source).last()?;
            let free = busy_until.iter().position(|&until| until < source);
            Some(match free {
                Some(lane) => {
                    busy_until[lane] = last;
                    lane
                }
                None => {
                    busy_until.push(last);
                    busy_until.len() - 1
                }
            })
        })
        .collect()
}

/// Cells of text, and cells of lines that join by the directions they leave in.
struct Canvas {
    text: Vec<Vec<Option<char>>>,
    lines: Vec<Vec<u8>>,
}

impl Canvas {
    fn new(rows: usize, columns: usize) -> Canvas {
        Canvas {
            text: vec![vec![None; columns]; rows],
            lines: vec![vec![0; columns]; rows],
        }
    }

    /// A box at `top`, `width` columns wide, holding three lines of words.
    fn frame(&mut self, top: usize, width: usize, label: &[String; 3], unicode: bool) {
        let (h, v, corners) = if unicode {
            ('─', '│', ['┌', '┐', '└', '┘'])
        } else {
            ('-', '|', ['+', '+', '+', '+'])
        };
        let edge = |left: char, right: char| {
            let mut row = vec![left];
            row.extend(std::iter::repeat_n(h, width - 2));
            row.push(right);
            row
        };
        self.put(top, 0, &edge(corners[0], corners[1]));
        for (i, words) in label.iter().enumerate() {
            let pad = width - 4 - UnicodeWidthStr::width(words.as_str());
            let mut row = vec![v, ' '];
            row.extend(words.chars());
            row.extend(std::iter::repeat_n(' ', pad + 1));
            row.push(v);
            self.put(top + 1 + i, 0, &row);
        }
        self.put(top + 4, 0, &edge(corners[2], corners[3]));
    }

    fn put(&mut self, row: usize, column: usize, chars: &[char]) {
        for (i, c) in chars.iter().enumerate() {
            self.text[row][column + i] = Some(*c);
        }
    }

    /// A line along `row` from column `from` to `to`, joining whatever it meets there.
    fn horizontal(&mut self, row: usize, from: usize, to: usize) {
        for column in from..=to {
            let mut bits = 0;
            if column > from {
                bits |= LEFT;
            }
            if column < to {
                bits |= RIGHT;
            }
            self.lines[row][column] |= bits;
        }
    }

    /// A line down `column` from row `from` to `to`.
    fn vertical(&mut self, column: usize, from: usize, to: usize) {
        for row in from..=to {
            let mut bits = 0;
            if row > from {
                bits |= UP;
            }
            if row < to {
                bits |= DOWN;
            }
            self.lines[row][column] |= bits;
        }
    }

    fn arrow(&mut self, row: usize, column: usize) {
        self.text[row][column] = Some('◀');
    }

    fn rows(&self, unicode: bool) -> Vec<String> {
        self.text
            .iter()
            .zip(&self.lines)
            .map(|(text, lines)| {
                let row: String = text
                    .iter()
                    .zip(lines)
                    .map(|(t, bits)| match t {
                        Some('◀') if !unicode => '<',
                        Some(c) => *c,
                        None => line_char(*bits, unicode),
                    })
                    .collect();
                row.trim_end().to_string()
            })
            .collect()
    }
}

/// The character for a cell whose lines leave in the directions `bits`.
fn line_char(bits: u8, unicode: bool) -> char {
    if !unicode {
        return match bits {
            0 => ' ',
            b if b == LEFT | RIGHT || b == LEFT || b == RIGHT => '-',
            b if b == UP | DOWN || b == UP || b == DOWN => '|',
            _ => '+',
        };
    }
    match bits {
        0 => ' ',
        b if b & (UP | DOWN) == 0 => '─',
        b if b & (LEFT | RIGHT) == 0 => '│',
        b if b == DOWN | LEFT => '┐',
        b if b == UP | LEFT => '┘',
        b if b == DOWN | RIGHT => '┌',
        b if b == UP | RIGHT => '└',
        b if b == UP | DOWN | LEFT => '┤',
        b if b == UP | DOWN | RIGHT => '├',
        b if b == LEFT | RIGHT | DOWN => '┬',
        b if b == LEFT | RIGHT | UP => '┴',
        _ => '┼',
    }
}
