//! The element-by-element route, to show why an identity holds: with concrete sizes the
//! formula is written out in its entries (W = [[w11, w12], [w21, w22]]), each entry of the
//! variable gets its own derivative by the scalar engine, the slopes are arranged in the
//! variable's shape, and they are compared with the identity's answer at that size.

use super::ast::Tensor;
use super::dims::{Dim, Shape};
use super::entries::{entries, name_grid, Grid, Named};
use crate::calculus::{derive, Step};
use crate::expr::{eval, Expr, Symbol};

/// Sides past which the route is not taken: more entries than a reader follows.
const LARGEST: u64 = 3;

/// The derivative worked out entry by entry, beside the identity's answer.
#[derive(Clone, Debug)]
pub struct ByEntries {
    /// Each vector or matrix written out: `W = [[w11, w12], [w21, w22]]`.
    pub written: Vec<(Symbol, Grid)>,
    /// The formula in its entries (a number), or each entry of a vector formula.
    pub formula: Grid,
    /// One step tree per (output, entry of the variable): a gradient's in the variable's shape.
    pub steps: Vec<Vec<Step>>,
    pub slopes: Grid,
    /// The identity's answer written out at the same size.
    pub identity: Grid,
    /// Whether the two agree, entry by entry.
    pub agree: bool,
}

/// Takes the route when every size is a small number; `None` otherwise.
pub fn by_entries(
    of: &Tensor,
    var: &str,
    result: &Tensor,
    jacobian: bool,
    names: Named,
) -> Option<ByEntries> {
    let concrete = |d: &Dim| matches!(d, Dim::Size(k) if *k <= LARGEST);
    if !names
        .shapes
        .iter()
        .all(|(_, s)| concrete(&s.rows) && concrete(&s.cols))
    {
        return None;
    }
    let size = |d: &Dim| match d {
        Dim::Size(k) => *k as usize,
        _ => 1,
    };
    let written: Vec<(Symbol, Grid)> = names
        .shapes
        .iter()
        .filter(|(n, s)| !s.is_scalar() && of.mentions(n))
        .map(|(n, s)| {
            (
                n.clone(),
                name_grid(n, s, names.symmetric.contains(n), &size),
            )
        })
        .collect();
    let var_shape: &Shape = &names.shapes.iter().find(|(n, _)| &**n == var)?.1;
    let var_entries = name_grid(var, var_shape, false, &size);
    let formula = entries(of, names, &size)?;
    let identity = entries(result, names, &size)?;
    let outputs: Vec<Expr> = formula.iter().flatten().cloned().collect();
    let mut steps = Vec::new();
    for out in &outputs {
        for entry in var_entries.iter().flatten() {
            let name = entry.free_vars().first()?.clone();
            steps.push(derive(out, &name));
        }
    }
    // A Jacobian has a row per output; a gradient has the variable's own rows.
    let per_row = if jacobian {
        var_entries.iter().flatten().count()
    } else {
        var_entries.first()?.len()
    };
    let steps: Vec<Vec<Step>> = steps.chunks(per_row.max(1)).map(<[Step]>::to_vec).collect();
    let slopes: Grid = steps
        .iter()
        .map(|row| row.iter().map(|s| s.after.clone()).collect())
        .collect();
    let agree = same_grid(&slopes, &identity);
    Some(ByEntries {
        written,
        formula,
        steps,
        slopes,
        identity,
        agree,
    })
}

/// Equal entry by entry: the same canonical form, or the same value at a few points.
fn same_grid(a: &Grid, b: &Grid) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(ra, rb)| ra.len() == rb.len() && ra.iter().zip(rb).all(|(x, y)| same(x, y)))
}

fn same(a: &Expr, b: &Expr) -> bool {
    if a == b {
        return true;
    }
    if Expr::sub(a.clone(), b.clone()).is_zero() {
        return true;
    }
    let mut names = a.free_vars();
    names.extend(b.free_vars());
    names.sort();
    names.dedup();
    let mut compared = 0;
    let agree = (1..=6).all(|k| {
        let value = |n: &str| {
            let i = names.iter().position(|m| &**m == n)? as f64;
            Some(0.3 + 0.17 * (i + 1.0) * k as f64 - 0.05 * (i * i))
        };
        match (eval(a, &value), eval(b, &value)) {
            (Ok(x), Ok(y)) => {
                compared += 1;
                (x - y).abs() <= 1e-9 * (1.0 + x.abs().max(y.abs()))
            }
            // Both without a value there (a log of a negative determinant): no evidence.
            (Err(_), Err(_)) => true,
            _ => false,
        }
    });
    agree && compared > 0
}
