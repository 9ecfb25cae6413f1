//! Shape checking: what shape each part of a formula has, and a clear refusal naming
//! the two shapes that do not fit.

use super::ast::{Fun, Tensor};
use super::dims::{Dim, Dims, Shape};
use super::print::text;
use crate::expr::Symbol;

/// The shapes of the names in a formula, and the sizes found so far.
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub names: Vec<(Symbol, Shape)>,
    pub dims: Dims,
    /// Matrices declared symmetric: Aᵀ = A.
    pub symmetric: Vec<Symbol>,
}

/// Two parts whose shapes do not fit, in words, with what to write instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub message: String,
    pub help: String,
}

impl Env {
    pub fn shape_of(&self, name: &str) -> Option<Shape> {
        self.names
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, s)| self.dims.resolve_shape(s))
    }

    pub fn is_symmetric(&self, name: &str) -> bool {
        self.symmetric.iter().any(|n| &**n == name)
    }

    /// The shape of a formula, fitting unknown sizes as it goes.
    pub fn infer(&mut self, t: &Tensor) -> Result<Shape, Mismatch> {
        let shape = match t {
            Tensor::Scalar(_) => Shape::scalar(),
            Tensor::Name(n) => self.shape_of(n).unwrap_or_else(Shape::scalar),
            Tensor::Identity => {
                let n = self.dims.fresh();
                Shape::matrix(n.clone(), n)
            }
            Tensor::Add(parts) => self.sum(parts)?,
            Tensor::Mul(factors) => self.product(factors)?,
            Tensor::Pow(base, _) => {
                let s = self.infer(base)?;
                if !s.is_scalar() {
                    return Err(self.power_of(base, &s));
                }
                s
            }
            Tensor::Div(top, bottom) => {
                let b = self.infer(bottom)?;
                if !b.is_scalar() {
                    return Err(Mismatch {
                        message: format!(
                            "{} is {}, and nudge divides only by a number",
                            text(bottom, true),
                            b.describe(true)
                        ),
                        help: "multiply by an inverse instead, as in A⁻¹ b".into(),
                    });
                }
                self.infer(top)?
            }
            Tensor::Transpose(a) => self.infer(a)?.transposed(),
            Tensor::Inverse(a) => self.square(a, "has an inverse")?,
            Tensor::Hadamard(a, b) => {
                let (sa, sb) = (self.infer(a)?, self.infer(b)?);
                self.same(
                    a,
                    &sa,
                    b,
                    &sb,
                    "⊙ multiplies entry by entry, so both sides need the same shape",
                )?;
                sa
            }
            Tensor::Dot(a, b) => {
                let (sa, sb) = (self.infer(a)?, self.infer(b)?);
                if !sa.is_column() || !sb.is_column() {
                    return Err(self.mismatch(
                        a,
                        &sa,
                        b,
                        &sb,
                        "a dot product · joins two column vectors",
                    ));
                }
                self.same(
                    a,
                    &sa,
                    b,
                    &sb,
                    "a dot product · needs two vectors of the same length",
                )?;
                Shape::scalar()
            }
            Tensor::Norm(a) => {
                self.infer(a)?;
                Shape::scalar()
            }
            Tensor::Apply(f, a) => self.apply(*f, a)?,
            Tensor::Sum { body, .. } => self.infer(body)?,
        };
        Ok(self.dims.resolve_shape(&shape))
    }

    fn sum(&mut self, parts: &[Tensor]) -> Result<Shape, Mismatch> {
        let mut shape: Option<(Shape, &Tensor)> = None;
        for p in parts {
            let s = self.infer(p)?;
            match &shape {
                None => shape = Some((s, p)),
                Some((first, f)) => {
                    let (first, f) = (first.clone(), *f);
                    self.same(f, &first, p, &s, "only parts of the same shape add")?
                }
            }
        }
        Ok(shape.map(|(s, _)| s).unwrap_or_else(Shape::scalar))
    }

    fn product(&mut self, factors: &[Tensor]) -> Result<Shape, Mismatch> {
        let mut acc = Shape::scalar();
        let mut left: Vec<Tensor> = Vec::new();
        for f in factors {
            let s = self.infer(f)?;
            let so_far = Tensor::Mul(left.clone());
            acc = if acc.is_scalar() {
                s
            } else if s.is_scalar() {
                acc
            } else if self.dims.unify(&acc.cols, &s.rows) {
                Shape::matrix(acc.rows.clone(), s.cols.clone())
            } else {
                let acc = self.dims.resolve_shape(&acc);
                let s = self.dims.resolve_shape(&s);
                let help = if acc.is_column() && s.is_column() {
                    format!(
                        "two column vectors multiply as a dot product: write {}ᵀ{} or {} · {}",
                        text(&so_far, true),
                        text(f, true),
                        text(&so_far, true),
                        text(f, true)
                    )
                } else {
                    "a product A B needs as many columns in A as rows in B; a transpose ᵀ may be missing".into()
                };
                return Err(Mismatch {
                    message: format!(
                        "{} is {} and {} is {}: a matrix product needs as many columns on the left ({}) as rows on the right ({})",
                        text(&so_far, true),
                        acc.size(true),
                        text(f, true),
                        s.size(true),
                        acc.cols,
                        s.rows
                    ),
                    help,
                });
            };
            left.push(f.clone());
            acc = self.dims.resolve_shape(&acc);
        }
        Ok(acc)
    }

    fn apply(&mut self, f: Fun, a: &Tensor) -> Result<Shape, Mismatch> {
        match f {
            Fun::Trace => self.square(a, "has a trace").map(|_| Shape::scalar()),
            Fun::Det => self.square(a, "has a determinant").map(|_| Shape::scalar()),
            Fun::Diag | Fun::Softmax => {
                let s = self.infer(a)?;
                if !s.is_column() {
                    let what = if f == Fun::Diag { "diag" } else { "softmax" };
                    return Err(Mismatch {
                        message: format!(
                            "{what} takes a column vector, and {} is {}",
                            text(a, true),
                            s.describe(true)
                        ),
                        help: format!("write {what}(z) with z a vector"),
                    });
                }
                Ok(if f == Fun::Diag {
                    Shape::matrix(s.rows.clone(), s.rows)
                } else {
                    s
                })
            }
            _ => self.infer(a),
        }
    }

    fn square(&mut self, a: &Tensor, what: &str) -> Result<Shape, Mismatch> {
        let s = self.infer(a)?;
        if s.is_scalar() || !self.dims.unify(&s.rows, &s.cols) {
            return Err(Mismatch {
                message: format!(
                    "{} is {}, and only a square matrix {what}",
                    text(a, true),
                    s.describe(true)
                ),
                help: "declare it square, as in W: matrix(n, n)".into(),
            });
        }
        Ok(self.dims.resolve_shape(&s))
    }

    fn same(
        &mut self,
        a: &Tensor,
        sa: &Shape,
        b: &Tensor,
        sb: &Shape,
        why: &str,
    ) -> Result<(), Mismatch> {
        let fits = self.dims.clone();
        if self.dims.unify(&sa.rows, &sb.rows) && self.dims.unify(&sa.cols, &sb.cols) {
            return Ok(());
        }
        self.dims = fits;
        Err(self.mismatch(a, sa, b, sb, why))
    }

    fn mismatch(&self, a: &Tensor, sa: &Shape, b: &Tensor, sb: &Shape, why: &str) -> Mismatch {
        let (sa, sb) = (self.dims.resolve_shape(sa), self.dims.resolve_shape(sb));
        Mismatch {
            message: format!(
                "{} is {} and {} is {}: {why}",
                text(a, true),
                sa.size(true),
                text(b, true),
                sb.size(true)
            ),
            help: "check the shapes declared, or whether a transpose ᵀ is missing".into(),
        }
    }

    fn power_of(&self, base: &Tensor, s: &Shape) -> Mismatch {
        let b = text(base, true);
        Mismatch {
            message: format!(
                "{b} is {}, and nudge raises only numbers to a power",
                s.describe(true)
            ),
            help: format!("for the squared length write ‖{b}‖², or {b}ᵀ{b}"),
        }
    }
}

/// A size by itself, for a declaration: `n`, `3`.
pub fn dim(text: &str) -> Dim {
    match text.parse() {
        Ok(n) => Dim::Size(n),
        Err(_) => Dim::Named(Symbol::from(text)),
    }
}
