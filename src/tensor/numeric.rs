//! Formulas with vectors and matrices worked out in numbers, for checking identities
//! against nudging each entry.

use super::ast::{Elementwise, Fun, Tensor};
use crate::expr::Expr;

/// A matrix of numbers, row by row; a vector is one column, a number 1×1.
#[derive(Clone, Debug, PartialEq)]
pub struct Dense {
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<f64>,
}

impl Dense {
    pub fn new(rows: usize, cols: usize, data: Vec<f64>) -> Dense {
        Dense { rows, cols, data }
    }

    pub fn scalar(v: f64) -> Dense {
        Dense::new(1, 1, vec![v])
    }

    pub fn identity(n: usize) -> Dense {
        let mut d = Dense::new(n, n, vec![0.0; n * n]);
        for i in 0..n {
            d.data[i * n + i] = 1.0;
        }
        d
    }

    pub fn at(&self, r: usize, c: usize) -> f64 {
        self.data[r * self.cols + c]
    }

    fn is_scalar(&self) -> bool {
        self.rows == 1 && self.cols == 1
    }

    fn map(&self, f: impl Fn(f64) -> f64) -> Dense {
        Dense::new(
            self.rows,
            self.cols,
            self.data.iter().map(|v| f(*v)).collect(),
        )
    }

    fn zip(&self, other: &Dense, f: impl Fn(f64, f64) -> f64) -> Option<Dense> {
        if self.is_scalar() && !other.is_scalar() {
            return Some(other.map(|v| f(self.data[0], v)));
        }
        if other.is_scalar() && !self.is_scalar() {
            return Some(self.map(|v| f(v, other.data[0])));
        }
        (self.rows == other.rows && self.cols == other.cols).then(|| {
            Dense::new(
                self.rows,
                self.cols,
                self.data
                    .iter()
                    .zip(&other.data)
                    .map(|(a, b)| f(*a, *b))
                    .collect(),
            )
        })
    }

    fn times(&self, other: &Dense) -> Option<Dense> {
        if self.is_scalar() || other.is_scalar() {
            return self.zip(other, |a, b| a * b);
        }
        if self.cols != other.rows {
            return None;
        }
        let mut out = Dense::new(self.rows, other.cols, vec![0.0; self.rows * other.cols]);
        for r in 0..self.rows {
            for c in 0..other.cols {
                out.data[r * other.cols + c] =
                    (0..self.cols).map(|k| self.at(r, k) * other.at(k, c)).sum();
            }
        }
        Some(out)
    }

    fn transposed(&self) -> Dense {
        let mut out = Dense::new(self.cols, self.rows, vec![0.0; self.data.len()]);
        for r in 0..self.rows {
            for c in 0..self.cols {
                out.data[c * self.rows + r] = self.at(r, c);
            }
        }
        out
    }

    /// The determinant and inverse by Gauss–Jordan elimination with partial pivoting.
    fn det_inverse(&self) -> Option<(f64, Dense)> {
        let n = self.rows;
        if n != self.cols {
            return None;
        }
        let mut a = self.clone();
        let mut inv = Dense::identity(n);
        let mut det = 1.0;
        for col in 0..n {
            let pivot =
                (col..n).max_by(|&i, &j| a.at(i, col).abs().total_cmp(&a.at(j, col).abs()))?;
            if a.at(pivot, col) == 0.0 {
                return Some((0.0, inv));
            }
            if pivot != col {
                for k in 0..n {
                    a.data.swap(pivot * n + k, col * n + k);
                    inv.data.swap(pivot * n + k, col * n + k);
                }
                det = -det;
            }
            let p = a.at(col, col);
            det *= p;
            for k in 0..n {
                a.data[col * n + k] /= p;
                inv.data[col * n + k] /= p;
            }
            for row in (0..n).filter(|&r| r != col) {
                let factor = a.at(row, col);
                for k in 0..n {
                    a.data[row * n + k] -= factor * a.at(col, k);
                    inv.data[row * n + k] -= factor * inv.at(col, k);
                }
            }
        }
        Some((det, inv))
    }
}

/// The value of `t` with each vector or matrix name given by `names` and each letter of a
/// scalar part by `letters`; `None` where shapes do not fit or a value does not exist.
pub fn eval(
    t: &Tensor,
    names: &dyn Fn(&str) -> Option<Dense>,
    letters: &dyn Fn(&str) -> Option<f64>,
) -> Option<Dense> {
    let go = |t: &Tensor| eval(t, names, letters);
    Some(match t {
        Tensor::Scalar(e) => Dense::scalar(scalar(e, letters)?),
        Tensor::Name(n) => names(n)?,
        Tensor::Identity => return None,
        Tensor::Add(parts) => {
            let mut acc = go(parts.first()?)?;
            for p in &parts[1..] {
                acc = acc.zip(&go(p)?, |a, b| a + b)?;
            }
            acc
        }
        Tensor::Mul(fs) => {
            let mut acc = Dense::scalar(1.0);
            for (i, f) in fs.iter().enumerate() {
                let v = match f {
                    // I takes the size its neighbour needs.
                    Tensor::Identity => {
                        Dense::identity(if i == 0 { go(&fs[1])?.rows } else { acc.cols })
                    }
                    f => go(f)?,
                };
                acc = acc.times(&v)?;
            }
            acc
        }
        Tensor::Pow(base, exp) => {
            let k = scalar(exp, letters)?;
            go(base)?.map(|v| v.powf(k))
        }
        Tensor::Div(a, b) => go(a)?.zip(&go(b)?, |x, y| x / y)?,
        Tensor::Transpose(a) => go(a)?.transposed(),
        Tensor::Inverse(a) => go(a)?.det_inverse()?.1,
        Tensor::Hadamard(a, b) => go(a)?.zip(&go(b)?, |x, y| x * y)?,
        Tensor::Dot(a, b) => Dense::scalar(
            go(a)?
                .data
                .iter()
                .zip(&go(b)?.data)
                .map(|(x, y)| x * y)
                .sum(),
        ),
        Tensor::Norm(a) => Dense::scalar(go(a)?.data.iter().map(|v| v * v).sum::<f64>().sqrt()),
        Tensor::Apply(f, a) => apply(*f, &go(a)?)?,
        Tensor::Sum {
            index,
            lower,
            upper,
            body,
        } => {
            let (lo, hi) = (
                scalar(lower, letters)? as i64,
                scalar(upper, letters)? as i64,
            );
            let mut total = 0.0;
            for i in lo..=hi {
                let at = |name: &str| {
                    let base = name.strip_suffix(&format!("_{index}"));
                    match base {
                        Some(b) => letters(&format!("{b}_{i}")),
                        None if name == &**index => Some(i as f64),
                        None => letters(name),
                    }
                };
                total += eval(body, names, &at)?.data.first()?;
            }
            Dense::scalar(total)
        }
    })
}

fn scalar(e: &Expr, letters: &dyn Fn(&str) -> Option<f64>) -> Option<f64> {
    crate::expr::eval(e, letters).ok()
}

fn apply(f: Fun, a: &Dense) -> Option<Dense> {
    Some(match f {
        Fun::Trace => Dense::scalar((0..a.rows.min(a.cols)).map(|i| a.at(i, i)).sum()),
        Fun::Det => Dense::scalar(a.det_inverse()?.0),
        Fun::Diag => {
            let n = a.data.len();
            let mut d = Dense::new(n, n, vec![0.0; n * n]);
            for (i, v) in a.data.iter().enumerate() {
                d.data[i * n + i] = *v;
            }
            d
        }
        Fun::Softmax => {
            let top = a.data.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let e = a.map(|v| (v - top).exp());
            let total: f64 = e.data.iter().sum();
            e.map(|v| v / total)
        }
        Fun::Slope(e) => a.map(|v| slope(e, v)),
        f => a.map(|v| value(f, v)),
    })
}

fn value(f: Fun, v: f64) -> f64 {
    match f {
        Fun::Log => v.ln(),
        Fun::Exp => v.exp(),
        Fun::Sigmoid => 1.0 / (1.0 + (-v).exp()),
        Fun::Tanh => v.tanh(),
        Fun::Sin => v.sin(),
        _ => v.cos(),
    }
}

fn slope(e: Elementwise, v: f64) -> f64 {
    match e {
        Elementwise::Log => 1.0 / v,
        Elementwise::Exp => v.exp(),
        Elementwise::Sigmoid => {
            let s = 1.0 / (1.0 + (-v).exp());
            s * (1.0 - s)
        }
        Elementwise::Tanh => 1.0 - v.tanh().powi(2),
        Elementwise::Sin => v.cos(),
        Elementwise::Cos => -v.sin(),
    }
}
