//! Contour lines of a surface z = f(x, y), traced by marching squares over a grid.

use crate::expr::EvalError;

/// A function of two variables that may be undefined at some points.
pub type SurfaceFn<'a> = &'a dyn Fn(f64, f64) -> Result<f64, EvalError>;

/// A rectangle of the (x, y) plane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Region {
    pub x: (f64, f64),
    pub y: (f64, f64),
}

/// One line segment in the plane.
pub type Segment = ((f64, f64), (f64, f64));

/// The points where f equals `level`, as short segments.
#[derive(Clone, Debug, PartialEq)]
pub struct Contour {
    pub level: f64,
    pub segments: Vec<Segment>,
}

/// The surface's values on an (n + 1) × (n + 1) grid, row by row from the bottom.
pub fn grid(f: SurfaceFn, region: Region, n: usize) -> Vec<Vec<Option<f64>>> {
    (0..=n)
        .map(|j| {
            let y = region.y.0 + (region.y.1 - region.y.0) * j as f64 / n as f64;
            (0..=n)
                .map(|i| {
                    let x = region.x.0 + (region.x.1 - region.x.0) * i as f64 / n as f64;
                    f(x, y).ok().filter(|v| v.is_finite())
                })
                .collect()
        })
        .collect()
}

/// `count` levels evenly spaced through the middle of the grid's values.
pub fn levels(grid: &[Vec<Option<f64>>], count: usize) -> Vec<f64> {
    let mut values: Vec<f64> = grid.iter().flatten().filter_map(|v| *v).collect();
    if values.is_empty() {
        return Vec::new();
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let (low, high) = (values[n / 20], values[n - 1 - n / 20]);
    if high - low < 1e-12 {
        return vec![low];
    }
    (1..=count)
        .map(|i| low + (high - low) * i as f64 / (count + 1) as f64)
        .collect()
}

/// Marching squares: in each grid cell, join the points on its edges where f crosses `level`.
pub fn trace(grid: &[Vec<Option<f64>>], region: Region, level: f64) -> Contour {
    let n = grid.len().saturating_sub(1);
    let mut segments = Vec::new();
    let at = |i: usize, j: usize| -> (f64, f64) {
        (
            region.x.0 + (region.x.1 - region.x.0) * i as f64 / n as f64,
            region.y.0 + (region.y.1 - region.y.0) * j as f64 / n as f64,
        )
    };
    for j in 0..n {
        for i in 0..n {
            let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)];
            let Some(values) = corners
                .iter()
                .map(|&(a, b)| grid[b][a])
                .collect::<Option<Vec<f64>>>()
            else {
                continue;
            };
            let mut crossings = Vec::with_capacity(4);
            for edge in 0..4 {
                let (v0, v1) = (values[edge], values[(edge + 1) % 4]);
                if (v0 < level) != (v1 < level) {
                    let t = (level - v0) / (v1 - v0);
                    let (p0, p1) = (at(corners[edge].0, corners[edge].1), {
                        let c = corners[(edge + 1) % 4];
                        at(c.0, c.1)
                    });
                    crossings.push((p0.0 + t * (p1.0 - p0.0), p0.1 + t * (p1.1 - p0.1)));
                }
            }
            // Two crossings make one segment; four (a saddle) make two.
            for pair in crossings.chunks_exact(2) {
                segments.push((pair[0], pair[1]));
            }
        }
    }
    Contour { level, segments }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circles_of_a_bowl_stay_on_their_radius() {
        let f = |x: f64, y: f64| Ok(x * x + y * y);
        let region = Region {
            x: (-2.0, 2.0),
            y: (-2.0, 2.0),
        };
        let g = grid(&f, region, 40);
        let c = trace(&g, region, 1.0);
        assert!(c.segments.len() > 20);
        for ((x0, y0), _) in &c.segments {
            assert!(((x0 * x0 + y0 * y0).sqrt() - 1.0).abs() < 0.05);
        }
    }
}
