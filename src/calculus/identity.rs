//! Whether two expressions are equal as fractions of polynomials in their parts: letters,
//! exponentials eᵘ, and the values of other functions. σ, tanh, sinh and cosh are written
//! out in exponentials first, so σ(x)·(1 − σ(x)) and e^(−x)/(1 + e^(−x))² meet.

use crate::expr::{Constant, Expr, Func, Kind, Number};
use std::collections::BTreeMap;

/// Most terms a polynomial may grow to before nudge gives up on the comparison.
const MAX_TERMS: usize = 200;
/// Highest whole power of a sum that is multiplied out.
const MAX_POWER: i64 = 8;

/// Whether `a` and `b` are the same fraction of polynomials in their parts; `None` when the
/// comparison would grow too large.
pub fn same_fraction(a: &Expr, b: &Expr) -> Option<bool> {
    Fraction::of(a)?.equals(b)
}

/// One expression as a fraction, kept to compare with several others.
pub struct Fraction {
    atoms: Vec<Expr>,
    numerator: Poly,
    denominator: Poly,
}

impl Fraction {
    pub fn of(e: &Expr) -> Option<Fraction> {
        let mut atoms = Vec::new();
        let (numerator, denominator) = fraction(e, &mut atoms)?;
        Some(Fraction {
            atoms,
            numerator,
            denominator,
        })
    }

    /// Whether `other` is the same fraction; `None` when the comparison grows too large.
    pub fn equals(&self, other: &Expr) -> Option<bool> {
        let mut atoms = self.atoms.clone();
        let (n, d) = fraction(other, &mut atoms)?;
        let left = self.numerator.mul(&d)?;
        let right = n.mul(&self.denominator)?;
        Some(left.sub(&right)?.is_zero())
    }
}

/// A monomial: each part by its index in the list of parts, with a whole (maybe negative) power.
type Monomial = Vec<(usize, i64)>;

/// A polynomial whose monomials may have negative powers (so eˣ·e^(−x) is 1).
#[derive(Clone, Debug, PartialEq)]
struct Poly(BTreeMap<Monomial, Number>);

impl Poly {
    fn constant(c: Number) -> Poly {
        let mut terms = BTreeMap::new();
        if !c.is_zero() {
            terms.insert(Vec::new(), c);
        }
        Poly(terms)
    }

    fn atom(index: usize, power: i64) -> Poly {
        Poly(BTreeMap::from([(vec![(index, power)], Number::one())]))
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn add(&self, other: &Poly) -> Option<Poly> {
        let mut out = self.0.clone();
        for (m, c) in &other.0 {
            let sum = out.get(m).map_or_else(|| c.clone(), |d| d.add(c));
            if sum.is_zero() {
                out.remove(m);
            } else {
                out.insert(m.clone(), sum);
            }
        }
        (out.len() <= MAX_TERMS).then_some(Poly(out))
    }

    fn sub(&self, other: &Poly) -> Option<Poly> {
        self.add(&other.scale(&Number::int(-1)))
    }

    fn scale(&self, c: &Number) -> Poly {
        Poly(self.0.iter().map(|(m, d)| (m.clone(), d.mul(c))).collect())
    }

    fn mul(&self, other: &Poly) -> Option<Poly> {
        if self.0.len().saturating_mul(other.0.len()) > MAX_TERMS * 4 {
            return None;
        }
        let mut out = Poly::constant(Number::zero());
        for (m1, c1) in &self.0 {
            let mut partial = BTreeMap::new();
            for (m2, c2) in &other.0 {
                partial.insert(join(m1, m2), c1.mul(c2));
            }
            out = out.add(&Poly(partial))?;
        }
        Some(out)
    }

    fn pow(&self, n: i64) -> Option<Poly> {
        let mut out = Poly::constant(Number::one());
        for _ in 0..n {
            out = out.mul(self)?;
        }
        Some(out)
    }
}

/// The product of two monomials: powers of the same part add.
fn join(a: &Monomial, b: &Monomial) -> Monomial {
    let mut out: BTreeMap<usize, i64> = a.iter().copied().collect();
    for (i, k) in b {
        *out.entry(*i).or_insert(0) += k;
    }
    out.into_iter().filter(|(_, k)| *k != 0).collect()
}

/// `e` as numerator over denominator, adding the parts it meets to `atoms`.
fn fraction(e: &Expr, atoms: &mut Vec<Expr>) -> Option<(Poly, Poly)> {
    crate::budget::check();
    let one = || Poly::constant(Number::one());
    Some(match e.kind() {
        Kind::Num(n) => (Poly::constant(n.clone()), one()),
        Kind::Add(terms) => {
            let mut acc = (Poly::constant(Number::zero()), one());
            for t in terms {
                let (n, d) = fraction(t, atoms)?;
                acc = (acc.0.mul(&d)?.add(&n.mul(&acc.1)?)?, acc.1.mul(&d)?);
            }
            acc
        }
        Kind::Mul(factors) => {
            let mut acc = (one(), one());
            for f in factors {
                let (n, d) = fraction(f, atoms)?;
                acc = (acc.0.mul(&n)?, acc.1.mul(&d)?);
            }
            acc
        }
        Kind::Pow(b, x) if matches!(b.kind(), Kind::Const(Constant::E)) => exponential(x, atoms)?,
        Kind::Pow(b, x) => match x.as_number().and_then(Number::to_i64) {
            Some(k) if k.abs() <= MAX_POWER => {
                let (n, d) = fraction(b, atoms)?;
                if k >= 0 {
                    (n.pow(k)?, d.pow(k)?)
                } else {
                    (d.pow(-k)?, n.pow(-k)?)
                }
            }
            _ => (Poly::atom(atom(e, atoms), 1), one()),
        },
        Kind::Func(f, u) => match written_out(*f, u) {
            Some(formula) => fraction(&formula, atoms)?,
            None => (Poly::atom(atom(e, atoms), 1), one()),
        },
        Kind::Const(_) | Kind::Var(_) | Kind::Log(..) | Kind::Apply(_) => {
            (Poly::atom(atom(e, atoms), 1), one())
        }
    })
}

/// e^x as a whole power of one exponential part: e^(−2x) is (eˣ)⁻², e^(a + b) is eᵃ·eᵇ.
fn exponential(x: &Expr, atoms: &mut Vec<Expr>) -> Option<(Poly, Poly)> {
    let mut out = Poly::constant(Number::one());
    let mut constant = Number::zero();
    let mut parts = Vec::new();
    linear_parts(x, &Number::one(), &mut parts);
    for (c, rest) in parts {
        if rest.is_one() {
            constant = constant.add(&c);
            continue;
        }
        let k = c.to_i64().filter(|k| k.abs() <= MAX_POWER);
        let (index, power) = match k {
            Some(k) => (atom(&Expr::exp(rest), atoms), k),
            None => (
                atom(&Expr::exp(Expr::mul(vec![Expr::num(c), rest])), atoms),
                1,
            ),
        };
        out = out.mul(&Poly::atom(index, power))?;
    }
    if !constant.is_zero() {
        // e², e^(−1): whole powers of the constant e itself, so they meet a plain e.
        let (index, power) = match constant.to_i64().filter(|k| k.abs() <= MAX_POWER) {
            Some(k) => (atom(&Expr::e(), atoms), k),
            None => (atom(&Expr::exp(Expr::num(constant)), atoms), 1),
        };
        out = out.mul(&Poly::atom(index, power))?;
    }
    Some((out, Poly::constant(Number::one())))
}

/// The terms of an exponent, each a number times the rest, with scaled sums opened up:
/// −(x + 1) is −1·x and −1·1.
fn linear_parts(e: &Expr, scale: &Number, out: &mut Vec<(Number, Expr)>) {
    for term in e.terms() {
        let (c, rest) = term.split_coefficient();
        let c = c.mul(scale);
        if matches!(rest.kind(), Kind::Add(_)) {
            linear_parts(&rest, &c, out);
        } else {
            out.push((c, rest));
        }
    }
}

/// σ, tanh, sinh and cosh in exponentials; other functions stay parts of their own.
fn written_out(f: Func, u: &Expr) -> Option<Expr> {
    let grow = |sign: i64| Expr::exp(Expr::mul(vec![Expr::int(sign), u.clone()]));
    Some(match f {
        Func::Sigmoid => Expr::recip(Expr::add(vec![Expr::one(), grow(-1)])),
        Func::Tanh => Expr::div(
            Expr::sub(grow(1), grow(-1)),
            Expr::add(vec![grow(1), grow(-1)]),
        ),
        Func::Sinh => Expr::div(Expr::sub(grow(1), grow(-1)), Expr::int(2)),
        Func::Cosh => Expr::div(Expr::add(vec![grow(1), grow(-1)]), Expr::int(2)),
        _ => return None,
    })
}

/// The index of `e` among the parts met so far, adding it when it is new.
fn atom(e: &Expr, atoms: &mut Vec<Expr>) -> usize {
    match atoms.iter().position(|a| a == e) {
        Some(i) => i,
        None => {
            atoms.push(e.clone());
            atoms.len() - 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Expr {
        match crate::syntax::parse(s).map(|p| p.statement) {
            Ok(crate::syntax::Statement::Expr(node)) => crate::syntax::lower(&node).unwrap(),
            other => panic!("{s} is an expression: {other:?}"),
        }
    }

    #[test]
    fn the_famous_shapes_are_the_same_fraction() {
        for (a, b) in [
            ("e^(-x)/(1 + e^(-x))^2", "sigmoid(x)*(1 - sigmoid(x))"),
            ("1/cosh(x)^2", "1 - tanh(x)^2"),
            (
                "-(y*(1 - sigmoid(z)) - (1 - y)*sigmoid(z))",
                "sigmoid(z) - y",
            ),
            ("e^x/(1 + e^x)", "sigmoid(x)"),
            ("e^(x + 1)/(1 + e^(x + 1))", "sigmoid(x + 1)"),
        ] {
            assert_eq!(same_fraction(&read(a), &read(b)), Some(true), "{a} = {b}");
        }
    }

    #[test]
    fn different_shapes_are_not() {
        for (a, b) in [
            ("sigmoid(x)", "sigmoid(2x)"),
            ("1/cosh(x)^2", "1 + tanh(x)^2"),
            ("sigmoid(z) - y", "sigmoid(z) + y"),
        ] {
            assert_eq!(same_fraction(&read(a), &read(b)), Some(false), "{a} ≠ {b}");
        }
    }
}
