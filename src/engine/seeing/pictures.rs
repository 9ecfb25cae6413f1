//! Pictures: curves sampled across an interval, and contour maps with the gradient at a point.

use super::{at_x, computing, samples, Context, ContourAnswer, Curve, GradientAt, Plot, PlotSize};
use crate::calculus::derive;
use crate::error::Error;
use crate::expr::{eval, substitute, Expr, Symbol};
use crate::numeric::contour::{self, Region};
use crate::numeric::sample;
use crate::syntax::{Node, PlotItem};

/// Default x-interval of a plot.
const PLOT_RANGE: (f64, f64) = (-5.0, 5.0);

pub(super) fn plot(
    cx: Context,
    items: &[PlotItem],
    range: &Option<(Node, Node)>,
) -> Result<Plot, Error> {
    let mut exprs = Vec::new();
    for item in items {
        exprs.push(match item {
            PlotItem::Expr(node) => (cx.lower(node, &["x"])?, None, node),
            PlotItem::Derivative { body, var, order } => {
                let f = cx.lower(body, &[var.as_str()])?;
                let mut d = f.clone();
                for _ in 0..*order {
                    d = derive(&d, var).after;
                }
                (d, Some((f, *order)), body)
            }
        });
    }
    let mut var: Option<Symbol> = None;
    for (e, _, node) in &exprs {
        for v in e.free_vars() {
            match &var {
                None => var = Some(v),
                Some(known) if *known == v => {}
                Some(known) => {
                    return Err(computing(
                        format!("a plot draws functions of one variable, but these use {known} and {v}; for a function of two variables try contour"),
                        node,
                    ))
                }
            }
        }
    }
    let var = var.unwrap_or_else(|| Symbol::from("x"));
    let mut x_range = match range {
        None => PLOT_RANGE,
        Some((a, b)) => {
            let (_, from) = cx.point(a)?;
            let (_, to) = cx.point(b)?;
            if from >= to {
                return Err(computing("the plot needs from < to", b));
            }
            (from, to)
        }
    };
    let draw = |x_range| -> Vec<Curve> {
        exprs
            .iter()
            .map(|(e, of, _)| curve(e, of.clone(), &var, x_range, cx.size))
            .collect()
    };
    let mut curves = draw(x_range);
    if range.is_none() {
        // Functions that live on one side of 0 only (ln x, √x) get that side.
        if let Some(side) = one_sided(&curves) {
            x_range = side;
            curves = draw(x_range);
        }
    }
    let y_range = sample::y_range(curves.iter().map(|c| c.samples.as_slice()));
    Ok(Plot {
        var,
        curves,
        x_range,
        y_range,
        marks: Vec::new(),
        size: cx.size,
    })
}

/// (0, 10) when no curve has a value left of 0 but some have one right of it; (−10, 0) the other way.
fn one_sided(curves: &[Curve]) -> Option<(f64, f64)> {
    let any = |keep: fn(f64) -> bool| {
        curves
            .iter()
            .flat_map(|c| &c.samples)
            .any(|(x, y)| keep(*x) && y.is_some())
    };
    match (any(|x| x < 0.0), any(|x| x > 0.0)) {
        (false, true) => Some((0.0, 2.0 * PLOT_RANGE.1)),
        (true, false) => Some((2.0 * PLOT_RANGE.0, 0.0)),
        _ => None,
    }
}

pub(super) fn contour_answer(
    cx: Context,
    body_node: &Node,
    around: &Option<Box<(Node, Node)>>,
    at: &Option<Box<(Node, Node)>>,
) -> Result<ContourAnswer, Error> {
    let body = cx.lower(body_node, &["x", "y"])?;
    let mut vars = body.free_vars();
    if vars.len() > 2 {
        return Err(computing(
            format!(
                "a contour map shows a function of two variables, but this has {}",
                vars.len()
            ),
            body_node,
        ));
    }
    for default in ["x", "y"] {
        if vars.len() < 2 && !vars.iter().any(|v| &**v == default) {
            vars.push(Symbol::from(default));
        }
    }
    let (xv, yv) = (vars[0].clone(), vars[1].clone());
    let center = match around.as_deref() {
        Some((a, b)) => (cx.point(a)?.1, cx.point(b)?.1),
        None => (0.0, 0.0),
    };
    let marked = match at.as_deref() {
        Some((a, b)) => Some((cx.point(a)?, cx.point(b)?)),
        None => None,
    };
    let mut half: f64 = 2.0;
    if let Some(((_, px), (_, py))) = &marked {
        half = half.max(1.5 * (px - center.0).abs().max((py - center.1).abs()));
    }
    let region = Region {
        x: (center.0 - half, center.0 + half),
        y: (center.1 - half, center.1 + half),
    };
    let f = |x: f64, y: f64| {
        eval(&body, &|name| {
            if name == &*xv {
                Some(x)
            } else if name == &*yv {
                Some(y)
            } else {
                None
            }
        })
    };
    let grid = contour::grid(&f, region, 80);
    // Besides the level through the marked point: fewer lines on a smaller map.
    let mut levels = contour::levels(&grid, (cx.size.columns / 16).clamp(3, 5));
    let gradient = match marked {
        None => None,
        Some(((ex, px), (ey, py))) => {
            let value = f(px, py)
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| computing("the surface has no value at this point", body_node))?;
            let gx = substitute(&substitute(&derive(&body, &xv).after, &xv, &ex), &yv, &ey);
            let gy = substitute(&substitute(&derive(&body, &yv).after, &xv, &ex), &yv, &ey);
            let gxv = eval(&gx, &|_| None)
                .map_err(|e| computing(format!("no gradient here: {e}"), body_node))?;
            let gyv = eval(&gy, &|_| None)
                .map_err(|e| computing(format!("no gradient here: {e}"), body_node))?;
            levels.insert(0, value);
            Some(GradientAt {
                point: (ex, ey),
                at: (px, py),
                value,
                gradient: (gx, gy),
                gradient_value: (gxv, gyv),
            })
        }
    };
    let contours = levels
        .into_iter()
        .map(|level| contour::trace(&grid, region, level))
        .collect();
    Ok(ContourAnswer {
        body,
        vars: (xv, yv),
        region,
        contours,
        gradient,
        size: cx.size,
        path: Vec::new(),
    })
}

pub(super) fn curve(
    e: &Expr,
    derivative_of: Option<(Expr, u32)>,
    var: &str,
    range: (f64, f64),
    size: PlotSize,
) -> Curve {
    let f = at_x(e, var);
    Curve {
        expr: e.clone(),
        derivative_of,
        samples: sample::samples(&f, range.0, range.1, samples(size)),
    }
}
