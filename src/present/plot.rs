//! Pictures in the terminal: curves and contour maps on a Braille canvas, with axes, ticks and a legend.
//!
//! The `drawille` crate addresses the 2×4 dots of each Braille cell and draws
//! straight lines between dots; this module clips, layers, colours and frames.

use super::text::{Paint, Plain};
use crate::engine::{ContourAnswer, Plot};
use crate::explain::doc::Tag;
use drawille::Canvas;

/// What each curve is drawn with in plain ASCII.
const ASCII_MARKS: [char; 6] = ['*', '+', 'o', 'x', '#', '%'];

/// What a layer of dots stands for; it decides colour and ASCII character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ink {
    AxisX,
    AxisY,
    Curve(usize),
    Level,
    Highlight,
    Arrow,
}

impl Ink {
    /// How the ink stands out: the painter decides its colour.
    fn tag(self) -> Tag {
        match self {
            Ink::AxisX | Ink::AxisY => Tag::Quiet,
            Ink::Curve(i) => Tag::Curve(i),
            Ink::Level => Tag::Level,
            Ink::Highlight => Tag::Marked,
            Ink::Arrow => Tag::Arrow,
        }
    }

    fn ascii(self) -> char {
        match self {
            Ink::AxisX => '-',
            Ink::AxisY => '|',
            Ink::Curve(i) => ASCII_MARKS[i % ASCII_MARKS.len()],
            Ink::Level => '.',
            Ink::Highlight => 'o',
            Ink::Arrow => '#',
        }
    }
}

/// A picture being drawn: layers of dots in plane coordinates, plus single characters.
struct Picture {
    columns: usize,
    rows: usize,
    x: (f64, f64),
    y: (f64, f64),
    layers: Vec<(Ink, Canvas)>,
    /// Characters placed on top: (column, row, char, ink).
    labels: Vec<(usize, usize, char, Ink)>,
}

impl Picture {
    fn new(columns: usize, rows: usize, x: (f64, f64), y: (f64, f64)) -> Picture {
        Picture {
            columns: columns.max(2),
            rows: rows.max(2),
            x,
            y,
            layers: Vec::new(),
            labels: Vec::new(),
        }
    }

    fn width(&self) -> f64 {
        (2 * self.columns - 1) as f64
    }

    fn height(&self) -> f64 {
        (4 * self.rows - 1) as f64
    }

    /// A plane point in dot coordinates (y grows downward).
    fn dot(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (
            (x - self.x.0) / (self.x.1 - self.x.0) * self.width(),
            (self.y.1 - y) / (self.y.1 - self.y.0) * self.height(),
        )
    }

    fn layer(&mut self, ink: Ink) -> &mut Canvas {
        if !self.layers.iter().any(|(i, _)| *i == ink) {
            let canvas = Canvas::new(2 * self.columns as u32, 4 * self.rows as u32);
            self.layers.push((ink, canvas));
        }
        let at = self.layers.iter().position(|(i, _)| *i == ink).unwrap_or(0);
        &mut self.layers[at].1
    }

    /// A segment between plane points, clipped to the picture.
    fn segment(&mut self, ink: Ink, a: (f64, f64), b: (f64, f64)) {
        let (p, q) = (self.dot(a), self.dot(b));
        if let Some((p, q)) = clip(p, q, self.width(), self.height()) {
            let round = |v: f64| v.round().max(0.0) as u32;
            self.layer(ink)
                .line(round(p.0), round(p.1), round(q.0), round(q.1));
        }
    }

    /// The cell a plane point falls in, if it is inside.
    fn cell(&self, point: (f64, f64)) -> Option<(usize, usize)> {
        let (x, y) = self.dot(point);
        let inside = (0.0..=self.width()).contains(&x) && (0.0..=self.height()).contains(&y);
        inside.then(|| ((x.round() as usize) / 2, (y.round() as usize) / 4))
    }

    /// Dotted lines along x = 0 and y = 0 where they are in view.
    fn zero_axes(&mut self) {
        if self.y.0 < 0.0 && self.y.1 > 0.0 {
            self.segment(Ink::AxisX, (self.x.0, 0.0), (self.x.1, 0.0));
        }
        if self.x.0 < 0.0 && self.x.1 > 0.0 {
            self.segment(Ink::AxisY, (0.0, self.y.0), (0.0, self.y.1));
        }
    }

    /// The canvas rows as text: top layer colours a cell, dots of all layers combine.
    fn body(&self, unicode: bool, paint: &dyn Paint) -> Vec<String> {
        let bits: Vec<Vec<Vec<u32>>> = self
            .layers
            .iter()
            .map(|(_, c)| {
                c.rows()
                    .iter()
                    .map(|r| {
                        r.chars()
                            .map(|ch| (ch as u32).saturating_sub(0x2800).min(0xFF))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let get = |layer: usize, col: usize, row: usize| -> u32 {
            bits[layer]
                .get(row)
                .and_then(|r| r.get(col))
                .copied()
                .unwrap_or(0)
        };
        (0..self.rows)
            .map(|row| {
                let mut line = String::new();
                for col in 0..self.columns {
                    if let Some((_, _, ch, ink)) = self
                        .labels
                        .iter()
                        .rev()
                        .find(|(c, r, _, _)| *c == col && *r == row)
                    {
                        line.push_str(&paint.paint(ink.tag(), &ch.to_string()));
                        continue;
                    }
                    let mut all = 0;
                    let mut top = None;
                    for (i, (ink, _)) in self.layers.iter().enumerate() {
                        let b = get(i, col, row);
                        if b != 0 {
                            // The arrow hides what lies under it, so it reads without colour.
                            all = if *ink == Ink::Arrow { b } else { all | b };
                            top = Some(*ink);
                        }
                    }
                    match top {
                        None => line.push(' '),
                        Some(ink) if !unicode => {
                            line.push_str(&paint.paint(ink.tag(), &ink.ascii().to_string()))
                        }
                        Some(ink) => {
                            let ch = char::from_u32(0x2800 + all).unwrap_or(' ');
                            line.push_str(&paint.paint(ink.tag(), &ch.to_string()));
                        }
                    }
                }
                line
            })
            .collect()
    }

    /// The picture with a y-axis of tick labels on the left and an x-axis below.
    fn framed(&self, unicode: bool, x_name: &str, paint: &dyn Paint) -> Vec<String> {
        let (y_ticks, y_step) = ticks(self.y, (self.rows / 3).max(2));
        let (x_ticks, x_step) = ticks(self.x, (self.columns / 8).max(2));
        let y_labels: Vec<(usize, String)> = y_ticks
            .iter()
            .filter_map(|&v| {
                let (_, dot) = self.dot((self.x.0, v));
                let row = dot.round() as usize / 4;
                (dot >= -0.5 && row < self.rows).then(|| (row, tick_text(v, y_step)))
            })
            .collect();
        let margin = y_margin(self.y, self.rows);
        let (tick, bar, corner, rule, down) = if unicode {
            ('┤', '│', '└', '─', '┬')
        } else {
            ('+', '|', '+', '-', '+')
        };
        let mut out = Vec::new();
        for (row, line) in self.body(unicode, paint).into_iter().enumerate() {
            let (label, mark) = match y_labels.iter().find(|(r, _)| *r == row) {
                Some((_, t)) => (t.as_str(), tick),
                None => ("", bar),
            };
            out.push(format!("{label:>margin$} {mark}{line}"));
        }
        // The x-axis: a rule with a tick under each labelled value, the values beneath.
        let mut axis: Vec<char> = vec![rule; self.columns];
        let mut labels: Vec<char> = vec![' '; self.columns + margin + 2];
        let mut free_from = 0;
        for &v in &x_ticks {
            let (dot, _) = self.dot((v, self.y.0));
            let col = dot.round() as usize / 2;
            if dot < -0.5 || col >= self.columns {
                continue;
            }
            let text: Vec<char> = tick_text(v, x_step).chars().collect();
            let start = (col + margin + 2)
                .saturating_sub(text.len() / 2)
                .min(labels.len().saturating_sub(text.len()));
            if start < free_from || start + text.len() > labels.len() {
                continue;
            }
            axis[col] = down;
            labels[start..start + text.len()].copy_from_slice(&text);
            free_from = start + text.len() + 1;
        }
        out.push(format!(
            "{:margin$} {corner}{} {x_name}",
            "",
            axis.iter().collect::<String>()
        ));
        out.push(labels.iter().collect::<String>().trim_end().to_string());
        out
    }
}

/// Room the y-axis labels need on the left.
fn y_margin(y: (f64, f64), rows: usize) -> usize {
    let (values, step) = ticks(y, (rows / 3).max(2));
    values
        .iter()
        .map(|v| tick_text(*v, step).chars().count())
        .max()
        .unwrap_or(1)
}

/// Columns left for the canvas once the y labels, the axis and the x name have theirs.
fn canvas_columns(total: usize, y: (f64, f64), rows: usize, x_name: &str) -> usize {
    let x_name = x_name.chars().count() + 1;
    total.saturating_sub(y_margin(y, rows) + 2 + x_name).max(10)
}

/// Liang–Barsky: the part of segment p→q inside [0, w] × [0, h].
fn clip(p: (f64, f64), q: (f64, f64), w: f64, h: f64) -> Option<((f64, f64), (f64, f64))> {
    let (dx, dy) = (q.0 - p.0, q.1 - p.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (edge_p, edge_q) in [(-dx, p.0), (dx, w - p.0), (-dy, p.1), (dy, h - p.1)] {
        if edge_p == 0.0 {
            if edge_q < 0.0 {
                return None;
            }
        } else {
            let t = edge_q / edge_p;
            if edge_p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then_some({
        (
            (p.0 + t0 * dx, p.1 + t0 * dy),
            (p.0 + t1 * dx, p.1 + t1 * dy),
        )
    })
}

/// Round tick values (steps of 1, 2 or 5 times a power of ten) across `range`.
fn ticks(range: (f64, f64), wanted: usize) -> (Vec<f64>, f64) {
    let span = range.1 - range.0;
    let raw = span / wanted as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * power);
    let first = (range.0 / step).ceil() as i64;
    let last = (range.1 / step).floor() as i64;
    ((first..=last).map(|i| i as f64 * step).collect(), step)
}

/// A tick value with as many decimals as its step needs.
fn tick_text(v: f64, step: f64) -> String {
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    let text = format!("{v:.decimals$}");
    if text
        .trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        "0".to_string()
    } else {
        text
    }
}

/// Gaps wider than the picture between neighbouring samples are jumps, not slopes.
fn is_jump(a: f64, b: f64, y: (f64, f64)) -> bool {
    (a - b).abs() > (y.1 - y.0)
}

/// A plot as lines of plain text: the framed picture, then one legend line per curve.
pub fn draw_plot(plot: &Plot, legend: &[String], unicode: bool) -> Vec<String> {
    draw_plot_painted(plot, legend, unicode, &Plain)
}

/// `draw_plot` with each curve, axis and mark painted by its tag.
pub fn draw_plot_painted(
    plot: &Plot,
    legend: &[String],
    unicode: bool,
    paint: &dyn Paint,
) -> Vec<String> {
    let columns = canvas_columns(plot.size.columns, plot.y_range, plot.size.rows, &plot.var);
    let mut picture = Picture::new(columns, plot.size.rows, plot.x_range, plot.y_range);
    picture.zero_axes();
    let several = plot.curves.len() > 1;
    for (i, curve) in plot.curves.iter().enumerate() {
        for pair in curve.samples.windows(2) {
            if let ((x0, Some(y0)), (x1, Some(y1))) = (pair[0], pair[1]) {
                if !is_jump(y0, y1, plot.y_range) {
                    picture.segment(Ink::Curve(i), (x0, y0), (x1, y1));
                }
            }
        }
        if several {
            // A number on each curve, so the legend reads without colour too.
            let share = (i + 1) as f64 / (plot.curves.len() + 1) as f64;
            let at = ((curve.samples.len() - 1) as f64 * share) as usize;
            let visible = curve.samples[at..]
                .iter()
                .chain(curve.samples[..at].iter().rev())
                .find_map(|(x, y)| y.and_then(|y| picture.cell((*x, y))));
            if let Some((col, row)) = visible {
                let digit = char::from_digit((i + 1) as u32 % 10, 10).unwrap_or('?');
                picture.labels.push((col, row, digit, Ink::Curve(i)));
            }
        }
    }
    for &(x, y) in &plot.marks {
        if let Some((col, row)) = picture.cell((x, y)) {
            picture
                .labels
                .push((col, row, if unicode { '●' } else { 'O' }, Ink::Highlight));
        }
    }
    let mut out = picture.framed(unicode, &plot.var, paint);
    for (i, text) in legend.iter().enumerate() {
        let swatch = if unicode {
            "━━".to_string()
        } else {
            ASCII_MARKS[i % ASCII_MARKS.len()].to_string().repeat(2)
        };
        let number = if several {
            format!("{} ", i + 1)
        } else {
            String::new()
        };
        out.push(format!(
            "  {} {number}{text}",
            paint.paint(Ink::Curve(i).tag(), &swatch)
        ));
    }
    out
}

/// How far from `at` along the unit direction `u` the window's edge is.
fn room_along(at: (f64, f64), u: (f64, f64), x: (f64, f64), y: (f64, f64)) -> f64 {
    let to_edge = |from: f64, step: f64, (low, high): (f64, f64)| {
        if step > 1e-12 {
            (high - from) / step
        } else if step < -1e-12 {
            (low - from) / step
        } else {
            f64::INFINITY
        }
    };
    to_edge(at.0, u.0, x).min(to_edge(at.1, u.1, y)).max(0.0)
}

/// The contour lines of a map, on a picture of the size the map asks for.
fn contour_picture(map: &ContourAnswer) -> Picture {
    // Square in dots: a cell is 2 dots wide and 4 tall, so half as many rows as columns.
    let rows = (map.size.rows + 4)
        .min((map.size.columns.saturating_sub(12)) / 2)
        .max(6);
    let columns = 2 * rows;
    let mut picture = Picture::new(columns, rows, map.region.x, map.region.y);
    for (i, contour) in map.contours.iter().enumerate() {
        let ink = if i == 0 && map.gradient.is_some() {
            Ink::Highlight
        } else {
            Ink::Level
        };
        for &(a, b) in &contour.segments {
            picture.segment(ink, a, b);
        }
    }
    picture
}

/// A contour map as lines of plain text, with the gradient arrow when there is a point, and
/// a walk when there is one: each point joined to the next, the start marked.
pub fn draw_contour(map: &ContourAnswer, unicode: bool) -> Vec<String> {
    draw_contour_painted(map, unicode, &Plain)
}

/// `draw_contour` with its levels, arrow and walk painted by their tags.
pub fn draw_contour_painted(map: &ContourAnswer, unicode: bool, paint: &dyn Paint) -> Vec<String> {
    let mut picture = contour_picture(map);
    for pair in map.path.windows(2) {
        picture.segment(Ink::Arrow, pair[0], pair[1]);
    }
    for (i, &p) in map.path.iter().enumerate() {
        if let Some((col, row)) = picture.cell(p) {
            let mark = match (i, unicode) {
                (0, true) => '●',
                (0, false) => 'O',
                (_, true) => '•',
                (_, false) => '*',
            };
            picture.labels.push((col, row, mark, Ink::Arrow));
        }
    }
    if let Some(g) = &map.gradient {
        let (gx, gy) = g.gradient_value;
        let length = (gx * gx + gy * gy).sqrt();
        if length > 1e-12 {
            let (ux, uy) = (gx / length, gy / length);
            // The whole arrow, head and all, stays inside the picture.
            let room = room_along(g.at, (ux, uy), map.region.x, map.region.y);
            let reach = (0.22 * (map.region.x.1 - map.region.x.0)).min(0.85 * room);
            let tip = (g.at.0 + reach * ux, g.at.1 + reach * uy);
            picture.segment(Ink::Arrow, g.at, tip);
            let barb = 0.3 * reach;
            for turn in [0.5f64, -0.5] {
                // The head: two short strokes swept back from the tip.
                let angle = uy.atan2(ux) + std::f64::consts::PI + turn;
                let end = (tip.0 + barb * angle.cos(), tip.1 + barb * angle.sin());
                picture.segment(Ink::Arrow, tip, end);
            }
        }
        if let Some((col, row)) = picture.cell(g.at) {
            picture
                .labels
                .push((col, row, if unicode { '●' } else { 'O' }, Ink::Arrow));
        }
    }
    let mut out = picture.framed(unicode, &map.vars.0, paint);
    out.insert(0, format!("{:>4}", &*map.vars.1));
    out
}

#[cfg(test)]
mod tests {
    use super::room_along;

    #[test]
    fn the_arrow_has_room_up_to_the_nearest_edge_it_heads_for() {
        let window = (-3.0, 3.0);
        // From (1, 2) straight up, the top edge is 1 away; straight right, 2.
        assert!((room_along((1.0, 2.0), (0.0, 1.0), window, window) - 1.0).abs() < 1e-12);
        assert!((room_along((1.0, 2.0), (1.0, 0.0), window, window) - 2.0).abs() < 1e-12);
        // Along (1, 2)/√5 the top edge comes first: 1/(2/√5) = √5/2.
        let u = (1.0 / 5f64.sqrt(), 2.0 / 5f64.sqrt());
        let room = room_along((1.0, 2.0), u, window, window);
        assert!((room - 5f64.sqrt() / 2.0).abs() < 1e-12, "{room}");
    }
}
