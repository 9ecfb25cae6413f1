//! Polynomials in one variable with exact rational coefficients: the algebra behind rational integrands.

use crate::expr::{Expr, Kind, Number};

/// Highest degree nudge works with when it treats an integrand as a polynomial.
const MAX_DEGREE: usize = 12;
/// Largest whole number whose divisors are tried as rational roots.
const MAX_ROOT_SEARCH: i64 = 1_000_000;

/// c₀ + c₁x + c₂x² + …, lowest power first, with no zero at the top.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Poly(Vec<Number>);

impl Poly {
    pub fn new(mut coefficients: Vec<Number>) -> Poly {
        while coefficients.last().is_some_and(Number::is_zero) {
            coefficients.pop();
        }
        Poly(coefficients)
    }

    pub fn constant(c: Number) -> Poly {
        Poly::new(vec![c])
    }

    /// `e` as a polynomial in `var` with number coefficients, if it is one.
    pub fn from_expr(e: &Expr, var: &str) -> Option<Poly> {
        let p = match e.kind() {
            Kind::Num(n) => Poly::constant(n.clone()),
            Kind::Var(_) if e.is_var(var) => Poly::new(vec![Number::zero(), Number::one()]),
            Kind::Add(terms) => {
                let mut sum = Poly::constant(Number::zero());
                for t in terms {
                    sum = sum.add(&Poly::from_expr(t, var)?);
                }
                sum
            }
            Kind::Mul(factors) => {
                let mut product = Poly::constant(Number::one());
                for f in factors {
                    product = product.mul(&Poly::from_expr(f, var)?);
                    if product.degree() > MAX_DEGREE {
                        return None;
                    }
                }
                product
            }
            Kind::Pow(b, n) => {
                let n = n.as_number()?.to_i64()?;
                if !(0..=MAX_DEGREE as i64).contains(&n) {
                    return None;
                }
                let base = Poly::from_expr(b, var)?;
                if base.degree() * n as usize > MAX_DEGREE {
                    return None;
                }
                base.pow(n as usize)
            }
            _ => return None,
        };
        Some(p)
    }

    /// The polynomial as an expression, highest power first, as a book writes it.
    pub fn to_expr(&self, var: &str) -> Expr {
        let x = Expr::var(var);
        let terms = self
            .0
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, c)| !c.is_zero())
            .map(|(k, c)| {
                Expr::mul(vec![
                    Expr::num(c.clone()),
                    Expr::pow(x.clone(), Expr::int(k as i64)),
                ])
            })
            .collect();
        Expr::add(terms)
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// The degree; the zero polynomial counts as degree 0.
    pub fn degree(&self) -> usize {
        self.0.len().saturating_sub(1)
    }

    /// The coefficient of xᵏ.
    pub fn coefficient(&self, k: usize) -> Number {
        self.0.get(k).cloned().unwrap_or_else(Number::zero)
    }

    pub fn lead(&self) -> Number {
        self.0.last().cloned().unwrap_or_else(Number::zero)
    }

    pub fn add(&self, other: &Poly) -> Poly {
        let n = self.0.len().max(other.0.len());
        Poly::new(
            (0..n)
                .map(|k| self.coefficient(k).add(&other.coefficient(k)))
                .collect(),
        )
    }

    pub fn sub(&self, other: &Poly) -> Poly {
        self.add(&other.scale(&Number::int(-1)))
    }

    pub fn scale(&self, c: &Number) -> Poly {
        Poly::new(self.0.iter().map(|a| a.mul(c)).collect())
    }

    pub fn mul(&self, other: &Poly) -> Poly {
        if self.is_zero() || other.is_zero() {
            return Poly::new(vec![]);
        }
        let mut out = vec![Number::zero(); self.0.len() + other.0.len() - 1];
        for (i, a) in self.0.iter().enumerate() {
            for (j, b) in other.0.iter().enumerate() {
                out[i + j] = out[i + j].add(&a.mul(b));
            }
        }
        Poly::new(out)
    }

    pub fn pow(&self, n: usize) -> Poly {
        (0..n).fold(Poly::constant(Number::one()), |acc, _| acc.mul(self))
    }

    /// Quotient and remainder of long division by `d` (not zero).
    pub fn div_rem(&self, d: &Poly) -> Option<(Poly, Poly)> {
        let lead = d.lead().recip()?;
        let mut rest = self.clone();
        let mut quotient = vec![Number::zero(); self.0.len().saturating_sub(d.0.len()) + 1];
        while !rest.is_zero() && rest.degree() >= d.degree() {
            let shift = rest.degree() - d.degree();
            let c = rest.lead().mul(&lead);
            quotient[shift] = c.clone();
            let mut term = vec![Number::zero(); shift];
            term.push(c);
            rest = rest.sub(&d.mul(&Poly::new(term)));
        }
        Some((Poly::new(quotient), rest))
    }

    pub fn eval(&self, x: &Number) -> Number {
        self.0
            .iter()
            .rev()
            .fold(Number::zero(), |acc, c| acc.mul(x).add(c))
    }

    pub fn derivative(&self) -> Poly {
        Poly::new(
            self.0
                .iter()
                .enumerate()
                .skip(1)
                .map(|(k, c)| c.mul(&Number::int(k as i64)))
                .collect(),
        )
    }

    /// A rational root, by the rational root theorem: p divides the constant
    /// term and q the leading one (after clearing fractions).
    pub fn rational_root(&self) -> Option<Number> {
        if self.degree() == 0 {
            return None;
        }
        if self.coefficient(0).is_zero() {
            return Some(Number::zero());
        }
        let whole = self.whole_coefficients()?;
        let first = *whole.first()?;
        let last = *whole.last()?;
        for q in divisors(last)? {
            for p in divisors(first)? {
                for sign in [1, -1] {
                    let r = Number::ratio(sign * p, q);
                    if self.eval(&r).is_zero() {
                        return Some(r);
                    }
                }
            }
        }
        None
    }

    /// The coefficients times the common denominator, as small whole numbers.
    fn whole_coefficients(&self) -> Option<Vec<i64>> {
        let mut scale = Number::one();
        for c in &self.0 {
            let d = Number::from_big(c.denom(), 1.into());
            let g = gcd(scale.to_i64()?, d.to_i64()?);
            scale = scale.mul(&d).mul(&Number::ratio(1, g));
        }
        self.0
            .iter()
            .map(|c| c.mul(&scale).to_i64())
            .collect::<Option<Vec<_>>>()
    }
}

/// The rational roots of a polynomial expression in `var`, when it is one.
pub fn rational_roots(e: &Expr, var: &str) -> Option<Vec<Number>> {
    let mut p = Poly::from_expr(e, var)?;
    let mut roots = Vec::new();
    while let Some(r) = p.rational_root() {
        p = p.div_rem(&Poly::new(vec![r.neg(), Number::one()]))?.0;
        roots.push(r);
    }
    Some(roots)
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a.abs().max(1)
    } else {
        gcd(b, a % b)
    }
}

/// The positive divisors of n (not zero), or `None` when n is too large to search.
fn divisors(n: i64) -> Option<Vec<i64>> {
    let n = n.checked_abs()?;
    if n == 0 || n > MAX_ROOT_SEARCH {
        return None;
    }
    Some((1..=n).filter(|d| n % d == 0).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(c: &[i64]) -> Poly {
        Poly::new(c.iter().map(|&n| Number::int(n)).collect())
    }

    #[test]
    fn division_and_roots() {
        // x² ÷ (x + 5) = x − 5 remainder 25.
        let (q, r) = p(&[0, 0, 1]).div_rem(&p(&[5, 1])).unwrap();
        assert_eq!((q, r), (p(&[-5, 1]), p(&[25])));
        // 2x² + x − 1 = (2x − 1)(x + 1): a root at 1/2 or −1.
        let root = p(&[-1, 1, 2]).rational_root().unwrap();
        assert!(p(&[-1, 1, 2]).eval(&root).is_zero());
        assert_eq!(p(&[1, 0, 1]).rational_root(), None);
        let e = p(&[5, 2, 1]).to_expr("x");
        assert_eq!(Poly::from_expr(&e, "x"), Some(p(&[5, 2, 1])));
    }
}
