//! A formula with vectors and matrices written out entry by entry at concrete sizes, each
//! entry a scalar formula: x is (x1, x2), W is [[w11, w12], [w21, w22]]. This is the route
//! the element-by-element answers and the comparison of answers in any form take.

use super::ast::{Elementwise, Fun, Tensor};
use super::dims::{Dim, Shape};
use super::sums::at_index;
use crate::expr::{Expr, Symbol};

/// Rows of entries; a vector is one column, a number 1×1.
pub type Grid = Vec<Vec<Expr>>;

/// Matrices past this size are not written out entry by entry.
pub const MAX_SIDE: usize = 9;

/// The sizes nudge writes a letter size out at, for comparing answers: n is 2, m is 3.
pub fn small(d: &Dim) -> usize {
    match d {
        Dim::Size(k) => *k as usize,
        Dim::Named(n) if &**n == "m" => 3,
        Dim::Named(n) if &**n == "p" => 4,
        _ => 2,
    }
}

/// The name of one entry: `x1` of a vector x, `w12` of a matrix W.
pub fn entry_name(name: &str, shape: &Shape, row: usize, col: usize) -> String {
    let plain = name.chars().all(|c| c.is_ascii_alphabetic());
    if shape.is_column() {
        let sep = if plain { "" } else { "_" };
        format!("{name}{sep}{}", row + 1)
    } else {
        let lower = name.to_lowercase();
        let sep = if plain { "" } else { "_" };
        format!("{lower}{sep}{}{}", row + 1, col + 1)
    }
}

/// The entries of a name of this shape at these sizes; a symmetric matrix has w21 = w12.
pub fn name_grid(name: &str, shape: &Shape, symmetric: bool, size: &dyn Fn(&Dim) -> usize) -> Grid {
    let (r, c) = (size(&shape.rows), size(&shape.cols));
    let at = |i: usize, j: usize| {
        let (i, j) = if symmetric && i > j { (j, i) } else { (i, j) };
        Expr::var(&entry_name(name, shape, i, j))
    };
    (0..r).map(|i| (0..c).map(|j| at(i, j)).collect()).collect()
}

/// Names with their shapes, and which matrices are symmetric.
#[derive(Clone, Copy)]
pub struct Named<'a> {
    pub shapes: &'a [(Symbol, Shape)],
    pub symmetric: &'a [Symbol],
}

/// `t` entry by entry, with each name's shape from `shapes` and each size from `size`;
/// `None` where a part has no entry-by-entry form here (an inverse past 3×3, a lone I).
pub fn entries(t: &Tensor, names: Named, size: &dyn Fn(&Dim) -> usize) -> Option<Grid> {
    let go = |t: &Tensor| entries(t, names, size);
    Some(match t {
        Tensor::Scalar(e) => vec![vec![e.clone()]],
        Tensor::Name(n) => {
            let shape = &names.shapes.iter().find(|(m, _)| m == n)?.1;
            let grid = name_grid(n, shape, names.symmetric.contains(n), size);
            if grid.len() > MAX_SIDE || grid.first()?.len() > MAX_SIDE {
                return None;
            }
            grid
        }
        Tensor::Identity => return None,
        Tensor::Add(parts) => {
            let known: Vec<Option<Grid>> = parts.iter().map(go).collect();
            let first = known.iter().flatten().next()?.clone();
            let mut acc: Option<Grid> = None;
            for k in known {
                let g = k.unwrap_or_else(|| identity(first.len()));
                acc = Some(match acc {
                    None => g,
                    Some(a) => zip(&a, &g, |x, y| Expr::add(vec![x, y]))?,
                });
            }
            acc?
        }
        Tensor::Mul(fs) => {
            let mut acc: Grid = vec![vec![Expr::one()]];
            for (i, f) in fs.iter().enumerate() {
                let g = match f {
                    Tensor::Identity if i == 0 => identity(go(fs.get(1)?)?.len()),
                    Tensor::Identity => identity(acc.first()?.len()),
                    f => go(f)?,
                };
                acc = times(&acc, &g)?;
            }
            acc
        }
        Tensor::Pow(base, exp) => map(&go(base)?, |e| Expr::pow(e, exp.clone())),
        Tensor::Div(top, bottom) => {
            let b = one(&go(bottom)?)?;
            map(&go(top)?, |e| Expr::div(e, b.clone()))
        }
        Tensor::Transpose(a) => transposed(&go(a)?),
        Tensor::Inverse(a) => inverse(&go(a)?)?,
        Tensor::Hadamard(a, b) => zip(&go(a)?, &go(b)?, |x, y| Expr::mul(vec![x, y]))?,
        Tensor::Dot(a, b) => {
            let products = zip(&go(a)?, &go(b)?, |x, y| Expr::mul(vec![x, y]))?;
            vec![vec![Expr::add(products.into_iter().flatten().collect())]]
        }
        Tensor::Norm(a) => {
            let squares = go(a)?
                .into_iter()
                .flatten()
                .map(|e| Expr::pow(e, Expr::int(2)))
                .collect();
            vec![vec![Expr::pow(Expr::add(squares), Expr::ratio(1, 2))]]
        }
        Tensor::Apply(f, a) => apply(*f, &go(a)?)?,
        Tensor::Sum {
            index,
            lower,
            upper,
            body,
        } => {
            let bound = |e: &Expr| -> Option<i64> {
                match e.as_number() {
                    Some(n) => n.to_i64(),
                    None => {
                        let letter = e.free_vars().first()?.clone();
                        Some(size(&Dim::Named(letter)) as i64)
                    }
                }
            };
            let (lo, hi) = (bound(lower)?, bound(upper)?);
            let Tensor::Scalar(b) = body.as_ref() else {
                return None;
            };
            let terms = (lo..=hi)
                .map(|k| at_index(b, index, &Expr::int(k)))
                .collect();
            vec![vec![Expr::add(terms)]]
        }
    })
}

fn identity(n: usize) -> Grid {
    (0..n)
        .map(|i| {
            (0..n)
                .map(|j| if i == j { Expr::one() } else { Expr::zero() })
                .collect()
        })
        .collect()
}

fn one(g: &Grid) -> Option<Expr> {
    match g.as_slice() {
        [row] if row.len() == 1 => Some(row[0].clone()),
        _ => None,
    }
}

fn map(g: &Grid, f: impl Fn(Expr) -> Expr) -> Grid {
    g.iter()
        .map(|row| row.iter().map(|e| f(e.clone())).collect())
        .collect()
}

fn zip(a: &Grid, b: &Grid, f: impl Fn(Expr, Expr) -> Expr) -> Option<Grid> {
    if a.len() != b.len() || a.first()?.len() != b.first()?.len() {
        return None;
    }
    Some(
        a.iter()
            .zip(b)
            .map(|(ra, rb)| {
                ra.iter()
                    .zip(rb)
                    .map(|(x, y)| f(x.clone(), y.clone()))
                    .collect()
            })
            .collect(),
    )
}

fn times(a: &Grid, b: &Grid) -> Option<Grid> {
    if let Some(k) = one(a) {
        return Some(map(b, |e| Expr::mul(vec![k.clone(), e])));
    }
    if let Some(k) = one(b) {
        return Some(map(a, |e| Expr::mul(vec![e, k.clone()])));
    }
    let inner = a.first()?.len();
    if inner != b.len() {
        return None;
    }
    let cols = b.first()?.len();
    Some(
        a.iter()
            .map(|row| {
                (0..cols)
                    .map(|c| {
                        Expr::add(
                            (0..inner)
                                .map(|k| Expr::mul(vec![row[k].clone(), b[k][c].clone()]))
                                .collect(),
                        )
                    })
                    .collect()
            })
            .collect(),
    )
}

fn transposed(g: &Grid) -> Grid {
    let cols = g.first().map_or(0, Vec::len);
    (0..cols)
        .map(|c| g.iter().map(|row| row[c].clone()).collect())
        .collect()
}

fn minor(g: &Grid, skip_row: usize, skip_col: usize) -> Grid {
    g.iter()
        .enumerate()
        .filter(|(r, _)| *r != skip_row)
        .map(|(_, row)| {
            row.iter()
                .enumerate()
                .filter(|(c, _)| *c != skip_col)
                .map(|(_, e)| e.clone())
                .collect()
        })
        .collect()
}

/// The determinant by cofactors along the first row.
fn det(g: &Grid) -> Option<Expr> {
    match g.len() {
        0 => None,
        1 => Some(g[0][0].clone()),
        n if n > 4 => None,
        n => Some(Expr::add(
            (0..n)
                .map(|c| {
                    let sign = if c % 2 == 0 {
                        Expr::one()
                    } else {
                        Expr::int(-1)
                    };
                    Some(Expr::mul(vec![
                        sign,
                        g[0][c].clone(),
                        det(&minor(g, 0, c))?,
                    ]))
                })
                .collect::<Option<Vec<_>>>()?,
        )),
    }
}

/// The inverse as the adjugate over the determinant, up to 3×3.
fn inverse(g: &Grid) -> Option<Grid> {
    let n = g.len();
    if n == 0 || n > 3 || g[0].len() != n {
        return None;
    }
    let d = det(g)?;
    if n == 1 {
        return Some(vec![vec![Expr::recip(d)]]);
    }
    Some(
        (0..n)
            .map(|r| {
                (0..n)
                    .map(|c| {
                        let sign = if (r + c) % 2 == 0 {
                            Expr::one()
                        } else {
                            Expr::int(-1)
                        };
                        let cofactor = det(&minor(g, c, r)).unwrap_or_else(Expr::zero);
                        Expr::div(Expr::mul(vec![sign, cofactor]), d.clone())
                    })
                    .collect()
            })
            .collect(),
    )
}

fn sigmoid(u: Expr) -> Expr {
    Expr::recip(Expr::add(vec![Expr::one(), Expr::exp(Expr::neg(u))]))
}

fn element(f: Elementwise, u: Expr) -> Expr {
    use crate::expr::Func;
    match f {
        Elementwise::Log => Expr::ln(u),
        Elementwise::Exp => Expr::exp(u),
        Elementwise::Sigmoid => sigmoid(u),
        Elementwise::Tanh => Expr::func(Func::Tanh, u),
        Elementwise::Sin => Expr::func(Func::Sin, u),
        Elementwise::Cos => Expr::func(Func::Cos, u),
    }
}

fn slope(f: Elementwise, u: Expr) -> Expr {
    use crate::expr::Func;
    match f {
        Elementwise::Log => Expr::recip(u),
        Elementwise::Exp => Expr::exp(u),
        Elementwise::Sigmoid => {
            let s = sigmoid(u);
            Expr::mul(vec![s.clone(), Expr::sub(Expr::one(), s)])
        }
        Elementwise::Tanh => Expr::sub(
            Expr::one(),
            Expr::pow(Expr::func(Func::Tanh, u), Expr::int(2)),
        ),
        Elementwise::Sin => Expr::func(Func::Cos, u),
        Elementwise::Cos => Expr::neg(Expr::func(Func::Sin, u)),
    }
}

fn apply(f: Fun, g: &Grid) -> Option<Grid> {
    Some(match f {
        Fun::Trace => vec![vec![Expr::add(
            (0..g.len())
                .map(|i| g[i].get(i).cloned())
                .collect::<Option<_>>()?,
        )]],
        Fun::Det => vec![vec![det(g)?]],
        Fun::Diag => {
            let v: Vec<Expr> = g.iter().flatten().cloned().collect();
            (0..v.len())
                .map(|i| {
                    (0..v.len())
                        .map(|j| if i == j { v[i].clone() } else { Expr::zero() })
                        .collect()
                })
                .collect()
        }
        Fun::Softmax => {
            let exps: Vec<Expr> = g.iter().flatten().map(|e| Expr::exp(e.clone())).collect();
            let total = Expr::add(exps.clone());
            exps.into_iter()
                .map(|e| vec![Expr::div(e, total.clone())])
                .collect()
        }
        Fun::Slope(e) => map(g, |u| slope(e, u)),
        f => {
            let e = f.elementwise()?;
            map(g, |u| element(e, u))
        }
    })
}
