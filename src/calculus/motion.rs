//! Derivatives with respect to time of a point that moves: velocity, acceleration, speed.

use super::exact::sqrt_rational;
use super::multivar::{differentiate, exact_at, Derivation, Exact};
use crate::expr::{eval, EvalError, Expr, Func, Kind, Symbol};

/// Each coordinate differentiated `order` times by `var`, and optionally the length.
#[derive(Clone, Debug)]
pub struct Motion {
    pub components: Vec<Expr>,
    pub var: Symbol,
    pub order: u32,
    pub derivatives: Vec<Derivation>,
    pub length: Option<Length>,
    /// The derivatives at one value of `var`, when one was given.
    pub at: Option<MotionAt>,
}

/// The derivative vector, and its length, at one value of the variable: `r′(2)`.
/// Other letters (v0, g) are constants and stay in the exact values.
#[derive(Clone, Debug)]
pub struct MotionAt {
    pub value: Expr,
    pub vector: Vec<Exact>,
    pub length: Option<Exact>,
}

/// |v| = √(v₁² + v₂² + …), and whether sin² + cos² = 1 tidied it.
#[derive(Clone, Debug)]
pub struct Length {
    pub squares: Expr,
    pub tidied: Option<Expr>,
    pub result: Expr,
    /// The decimal value, when the length does not depend on any variable or constant.
    pub value: Option<f64>,
}

/// Differentiates each coordinate `order` times by `var`; `with_length` adds the length (speed).
pub fn motion(components: &[Expr], var: &Symbol, order: u32, with_length: bool) -> Motion {
    let vars = vec![var.clone(); order as usize];
    let derivatives: Vec<Derivation> = components
        .iter()
        .map(|c| differentiate(c, &vars, None))
        .collect();
    let length = with_length.then(|| {
        let squares = Expr::add(
            derivatives
                .iter()
                .map(|d| Expr::pow(d.result.clone(), Expr::int(2)))
                .collect(),
        );
        let tidied = pythagoras(&squares);
        let inside = tidied.clone().unwrap_or_else(|| squares.clone());
        let result = match inside.as_number().and_then(sqrt_rational) {
            Some(root) => root.expr(),
            None => Expr::pow(inside, Expr::ratio(1, 2)),
        };
        Length {
            value: eval(&result, &|_| None).ok(),
            result,
            squares,
            tidied,
        }
    });
    Motion {
        components: components.to_vec(),
        var: var.clone(),
        order,
        derivatives,
        length,
        at: None,
    }
}

impl Motion {
    /// The same motion with its derivatives worked out at `var` = `value`.
    pub fn at(mut self, value: Expr) -> Result<Motion, EvalError> {
        let vars = std::slice::from_ref(&self.var);
        let point = std::slice::from_ref(&value);
        // A velocity exists only where the position itself does: ln(t) has none at t = -1.
        for c in &self.components {
            exact_at(c, vars, point)?;
        }
        let vector = self
            .derivatives
            .iter()
            .map(|d| exact_at(&d.result, vars, point))
            .collect::<Result<Vec<_>, _>>()?;
        let length = match &self.length {
            Some(l) => Some(exact_at(&l.result, vars, point)?),
            None => None,
        };
        self.at = Some(MotionAt {
            value,
            vector,
            length,
        });
        Ok(self)
    }
}

/// `c·sin²(u) + c·cos²(u)` → `c` inside a sum; `None` when no such pair is there.
pub fn pythagoras(sum: &Expr) -> Option<Expr> {
    let terms = sum.terms();
    let square_of = |t: &Expr, f: Func| {
        let (c, rest) = t.split_coefficient();
        match rest.kind() {
            Kind::Pow(base, two) if two == &Expr::int(2) => match base.kind() {
                Kind::Func(g, u) if *g == f => Some((c, u.clone())),
                _ => None,
            },
            _ => None,
        }
    };
    for (i, t) in terms.iter().enumerate() {
        let Some((c, u)) = square_of(t, Func::Sin) else {
            continue;
        };
        let partner = terms
            .iter()
            .position(|s| square_of(s, Func::Cos).is_some_and(|(d, v)| d == c && v == u));
        if let Some(j) = partner {
            let mut rest: Vec<Expr> = terms
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != i && *k != j)
                .map(|(_, e)| e.clone())
                .collect();
            rest.push(Expr::num(c));
            let tidied = Expr::add(rest);
            return Some(pythagoras(&tidied).unwrap_or(tidied));
        }
    }
    None
}
