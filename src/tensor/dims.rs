//! Sizes and shapes: a number is 1×1, a column vector n×1, a matrix m×n; unknown sizes
//! are worked out from how the parts fit together.

use crate::expr::Symbol;
use std::fmt;

/// One size: a number, a letter the learner gave (`n`), or one still unknown.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Dim {
    Size(u64),
    Named(Symbol),
    Unknown(u32),
}

/// Rows by columns. Vectors are columns, as papers write them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Shape {
    pub rows: Dim,
    pub cols: Dim,
}

impl Shape {
    pub fn scalar() -> Shape {
        Shape {
            rows: Dim::Size(1),
            cols: Dim::Size(1),
        }
    }

    pub fn column(rows: Dim) -> Shape {
        Shape {
            rows,
            cols: Dim::Size(1),
        }
    }

    pub fn matrix(rows: Dim, cols: Dim) -> Shape {
        Shape { rows, cols }
    }

    pub fn transposed(&self) -> Shape {
        Shape::matrix(self.cols.clone(), self.rows.clone())
    }

    pub fn is_scalar(&self) -> bool {
        self.rows == Dim::Size(1) && self.cols == Dim::Size(1)
    }

    pub fn is_column(&self) -> bool {
        self.cols == Dim::Size(1) && !self.is_scalar()
    }

    pub fn is_row(&self) -> bool {
        self.rows == Dim::Size(1) && !self.is_scalar()
    }

    pub fn is_square(&self) -> bool {
        self.rows == self.cols
    }

    /// `n×1`, `m×n`, `1×1`.
    pub fn size(&self, unicode: bool) -> String {
        let times = if unicode { "×" } else { "x" };
        format!("{}{times}{}", self.rows, self.cols)
    }

    /// In words: "a number", "an n×1 column vector", "a 1×n row", "an m×n matrix".
    pub fn describe(&self, unicode: bool) -> String {
        let size = self.size(unicode);
        let article = if size.starts_with(['m', 'n', '8']) {
            "an"
        } else {
            "a"
        };
        if self.is_scalar() {
            "a number".to_string()
        } else if self.is_column() {
            format!("{article} {size} column vector")
        } else if self.is_row() {
            format!("{article} {size} row vector")
        } else {
            format!("{article} {size} matrix")
        }
    }
}

impl fmt::Display for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dim::Size(n) => write!(f, "{n}"),
            Dim::Named(n) => f.write_str(n),
            // A size not yet fitted to anything, named as papers name one.
            Dim::Unknown(k) => f.write_str(["p", "q", "r", "s", "t", "u"][*k as usize % 6]),
        }
    }
}

/// Unknown sizes and what they have been found equal to.
#[derive(Clone, Debug, Default)]
pub struct Dims {
    found: Vec<Option<Dim>>,
}

impl Dims {
    pub fn fresh(&mut self) -> Dim {
        self.found.push(None);
        Dim::Unknown(self.found.len() as u32 - 1)
    }

    /// What a size has been found to be, as far as is known.
    pub fn resolve(&self, d: &Dim) -> Dim {
        let mut d = d.clone();
        while let Dim::Unknown(k) = d {
            match self.found.get(k as usize).cloned().flatten() {
                Some(next) => d = next,
                None => return d,
            }
        }
        d
    }

    pub fn resolve_shape(&self, s: &Shape) -> Shape {
        Shape::matrix(self.resolve(&s.rows), self.resolve(&s.cols))
    }

    /// Makes two sizes the same, or says they cannot be.
    pub fn unify(&mut self, a: &Dim, b: &Dim) -> bool {
        let (a, b) = (self.resolve(a), self.resolve(b));
        match (&a, &b) {
            _ if a == b => true,
            // A vector or matrix never turns out to be a number by fitting one.
            (Dim::Unknown(_), Dim::Size(1)) | (Dim::Size(1), Dim::Unknown(_)) => false,
            (Dim::Unknown(k), other) | (other, Dim::Unknown(k)) => {
                self.found[*k as usize] = Some(other.clone());
                true
            }
            _ => false,
        }
    }

    /// Gives every size still unknown a letter, the way papers do: a square matrix n×n,
    /// another m×n, vectors n (or the next free letter). `shapes` come in the order met.
    pub fn name_unknowns(&mut self, shapes: &[Shape], taken: &[Symbol]) {
        let mut free = ["n", "m", "p", "q", "k", "r"]
            .into_iter()
            .filter(|l| !taken.iter().any(|t| &**t == *l))
            .collect::<Vec<_>>();
        let mut take = |dims: &mut Dims, d: &Dim, prefer: &str| {
            if let Dim::Unknown(_) = dims.resolve(d) {
                let letter = match free.iter().position(|l| *l == prefer) {
                    Some(i) => free.remove(i),
                    None if !free.is_empty() => free.remove(0),
                    None => "s",
                };
                dims.unify(d, &Dim::Named(Symbol::from(letter)));
            }
        };
        let matrices = shapes.iter().filter(|s| !s.is_column() && !s.is_scalar());
        for s in matrices.clone() {
            let square = self.resolve(&s.rows) == self.resolve(&s.cols);
            take(self, &s.rows, if square { "n" } else { "m" });
            take(self, &s.cols, "n");
        }
        for s in shapes.iter().filter(|s| s.is_column()) {
            take(self, &s.rows, "n");
        }
    }
}

/// One name given a shape: `x: vector(n)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Declaration {
    pub name: Symbol,
    pub shape: Shape,
    pub symmetric: bool,
}
