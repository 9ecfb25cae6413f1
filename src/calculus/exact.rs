//! Exact lengths of vectors with rational entries: √20 = 2√5, and (2, 4) = 2·(1, 2).

use crate::expr::{Expr, Number};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

/// Largest prime tried when pulling squares out of a root.
const TRIAL_LIMIT: u32 = 1000;

/// `coef·√radicand`, with `radicand` a whole number free of square factors
/// (as far as trial division by small primes can tell).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Root {
    pub coef: Number,
    pub radicand: BigInt,
}

impl Root {
    pub fn expr(&self) -> Expr {
        Expr::mul(vec![Expr::num(self.coef.clone()), self.radical()])
    }

    /// `1 / (coef·√radicand)` with no root below the bar: `√radicand / (coef·radicand)`.
    pub fn recip(&self) -> Option<Expr> {
        let below = self
            .coef
            .mul(&Number::from_big(self.radicand.clone(), BigInt::one()));
        Some(Expr::mul(vec![Expr::num(below.recip()?), self.radical()]))
    }

    fn radical(&self) -> Expr {
        Expr::pow(
            Expr::num(Number::from_big(self.radicand.clone(), BigInt::one())),
            Expr::ratio(1, 2),
        )
    }
}

/// The square root of a non-negative rational: √(p/q) = √(p·q)/q.
pub fn sqrt_rational(n: &Number) -> Option<Root> {
    if n.is_negative() {
        return None;
    }
    let q = n.denom().clone();
    let mut rest = n.numer() * &q;
    let mut outside = BigInt::one();
    let mut d: u32 = 2;
    while d <= TRIAL_LIMIT && !rest.is_zero() {
        let square = BigInt::from(d) * BigInt::from(d);
        if square > rest {
            break;
        }
        while (&rest % &square).is_zero() {
            rest /= &square;
            outside *= d;
        }
        d += 1;
    }
    let r = rest.sqrt();
    if &r * &r == rest {
        outside *= r;
        rest = BigInt::one();
    }
    if rest.is_zero() {
        return Some(Root {
            coef: Number::zero(),
            radicand: BigInt::one(),
        });
    }
    Some(Root {
        coef: Number::from_big(outside, q),
        radicand: rest,
    })
}

/// Splits a rational vector into a positive scale and whole numbers with no
/// common factor: (2, 4) → 2·(1, 2), (1/2, 1/3) → 1/6·(3, 2).
pub fn primitive(v: &[Number]) -> (Number, Vec<Number>) {
    let mut numer_gcd = BigInt::zero();
    let mut denom_lcm = BigInt::one();
    for n in v {
        numer_gcd = numer_gcd.gcd(&n.numer());
        denom_lcm = denom_lcm.lcm(&n.denom());
    }
    if numer_gcd.is_zero() {
        return (Number::one(), v.to_vec());
    }
    let scale = Number::from_big(numer_gcd.abs(), denom_lcm);
    let inverse = scale.recip().unwrap_or_else(Number::one);
    (scale, v.iter().map(|n| n.mul(&inverse)).collect())
}

/// The sum of squares of rational entries.
pub fn sum_of_squares(v: &[Number]) -> Number {
    v.iter().fold(Number::zero(), |acc, n| acc.add(&n.mul(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(n: i64, d: i64) -> String {
        sqrt_rational(&Number::ratio(n, d))
            .map(|r| r.expr().unicode())
            .unwrap_or_default()
    }

    #[test]
    fn squares_come_out_of_roots() {
        assert_eq!(root(20, 1), "2√5");
        assert_eq!(root(25, 1), "5");
        assert_eq!(root(1, 5), "√5/5");
        assert_eq!(root(2, 1), "√2");
        assert_eq!(root(0, 1), "0");
        assert_eq!(root(72, 1), "6√2");
    }

    #[test]
    fn vectors_lose_their_common_factor() {
        let v = [Number::int(2), Number::int(-4)];
        assert_eq!(
            primitive(&v),
            (Number::int(2), vec![Number::int(1), Number::int(-2)])
        );
        let w = [Number::ratio(1, 2), Number::ratio(1, 3)];
        assert_eq!(
            primitive(&w),
            (Number::ratio(1, 6), vec![Number::int(3), Number::int(2)])
        );
    }
}
