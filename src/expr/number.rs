//! Exact rational numbers over big integers, with the few operations the simplifier needs.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::fmt;

/// Largest result, in bits, that exact powers may produce before staying symbolic.
const MAX_POWER_BITS: u64 = 4096;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Number(BigRational);

impl Number {
    pub fn int(i: i64) -> Number {
        Number(BigRational::from_integer(BigInt::from(i)))
    }

    pub fn zero() -> Number {
        Number(BigRational::zero())
    }

    pub fn one() -> Number {
        Number(BigRational::one())
    }

    pub fn ratio(n: i64, d: i64) -> Number {
        Number(BigRational::new(BigInt::from(n), BigInt::from(d)))
    }

    pub fn from_big(numer: BigInt, denom: BigInt) -> Number {
        Number(BigRational::new(numer, denom))
    }

    /// Reads digits with an optional decimal point exactly: "4.9" is 49/10.
    pub fn parse_decimal(text: &str) -> Option<Number> {
        let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
        let digits = format!("{whole}{frac}");
        let numer: BigInt = digits.parse().ok()?;
        let denom = num_traits::pow(BigInt::from(10), frac.len());
        Some(Number(BigRational::new(numer, denom)))
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    pub fn is_one(&self) -> bool {
        self.0.is_one()
    }

    pub fn is_integer(&self) -> bool {
        self.0.is_integer()
    }

    pub fn is_negative(&self) -> bool {
        self.0.is_negative()
    }

    pub fn numer(&self) -> &BigInt {
        self.0.numer()
    }

    pub fn denom(&self) -> &BigInt {
        self.0.denom()
    }

    pub fn to_i64(&self) -> Option<i64> {
        if self.is_integer() {
            self.0.numer().to_i64()
        } else {
            None
        }
    }

    pub fn to_f64(&self) -> f64 {
        let (n, d) = (self.0.numer(), self.0.denom());
        match (n.to_f64(), d.to_f64()) {
            (Some(a), Some(b)) if a.is_finite() && b.is_finite() => a / b,
            _ => {
                // Huge numerators or denominators: scale both down first.
                let shift = n.bits().max(d.bits()).saturating_sub(1000);
                let a = (n >> shift).to_f64().unwrap_or(f64::NAN);
                let b = (d >> shift).to_f64().unwrap_or(f64::NAN);
                a / b
            }
        }
    }

    pub fn abs(&self) -> Number {
        Number(self.0.abs())
    }

    pub fn add(&self, other: &Number) -> Number {
        Number(&self.0 + &other.0)
    }

    pub fn sub(&self, other: &Number) -> Number {
        Number(&self.0 - &other.0)
    }

    pub fn mul(&self, other: &Number) -> Number {
        Number(&self.0 * &other.0)
    }

    pub fn neg(&self) -> Number {
        Number(-&self.0)
    }

    /// The reciprocal; `None` for zero.
    pub fn recip(&self) -> Option<Number> {
        (!self.is_zero()).then(|| Number(self.0.recip()))
    }

    /// `self^exp` when it is a rational number small enough to keep exactly:
    /// 2^10 = 1024, 4^(1/2) = 2, 8^(-2/3) = 1/4; `None` for 2^(1/2) or 0^(-1).
    pub fn pow(&self, exp: &Number) -> Option<Number> {
        if self.is_zero() {
            return (!exp.is_negative() && !exp.is_zero()).then(Number::zero);
        }
        let root = exp.denom().to_u32()?;
        let base = if root == 1 {
            self.clone()
        } else {
            if self.is_negative() {
                return None;
            }
            Number(BigRational::new(
                exact_root(self.0.numer(), root)?,
                exact_root(self.0.denom(), root)?,
            ))
        };
        let power = exp.numer().abs().to_u32()?;
        let bits = base.0.numer().bits().max(base.0.denom().bits());
        if bits.saturating_mul(u64::from(power)) > MAX_POWER_BITS {
            return None;
        }
        let raised = Number(num_traits::pow(base.0, power as usize));
        if exp.is_negative() {
            raised.recip()
        } else {
            Some(raised)
        }
    }
}

/// The exact `k`-th root of a non-negative integer, if it has one.
fn exact_root(n: &BigInt, k: u32) -> Option<BigInt> {
    let r = n.nth_root(k);
    (num_traits::pow(r.clone(), k as usize) == *n).then_some(r)
}

impl fmt::Display for Number {
    /// `3`, `-2`, `1/2`: the integer or the reduced fraction.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_integer() {
            write!(f, "{}", self.0.numer())
        } else {
            write!(f, "{}/{}", self.0.numer(), self.0.denom())
        }
    }
}

impl From<i64> for Number {
    fn from(i: i64) -> Number {
        Number::int(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact() {
        assert_eq!(Number::parse_decimal("4.9"), Some(Number::ratio(49, 10)));
        assert_eq!(Number::parse_decimal(".5"), Some(Number::ratio(1, 2)));
        assert_eq!(Number::parse_decimal("12"), Some(Number::int(12)));
    }

    #[test]
    fn exact_powers_and_roots() {
        let n = |a, b| Number::ratio(a, b);
        assert_eq!(n(2, 1).pow(&n(10, 1)), Some(n(1024, 1)));
        assert_eq!(n(4, 1).pow(&n(1, 2)), Some(n(2, 1)));
        assert_eq!(n(8, 1).pow(&n(-2, 3)), Some(n(1, 4)));
        assert_eq!(n(2, 1).pow(&n(1, 2)), None);
        assert_eq!(n(0, 1).pow(&n(-1, 1)), None);
        assert_eq!(n(-8, 1).pow(&n(1, 3)), None);
        assert_eq!(n(3, 1).pow(&n(100_000, 1)), None);
    }
}
