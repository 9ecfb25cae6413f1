//! Exact rational numbers: machine integers while they fit, big integers when they do not.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::fmt;

/// Largest result, in bits, that exact powers may produce before staying symbolic.
const MAX_POWER_BITS: u64 = 4096;

/// A reduced fraction. The representation is canonical: `Small` whenever
/// numerator and denominator fit in `i64` (denominator positive), so the
/// derived equality and hash agree with the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Number {
    Small(i64, i64),
    Big(BigRational),
}

impl Number {
    pub fn int(i: i64) -> Number {
        Number::Small(i, 1)
    }

    pub fn zero() -> Number {
        Number::Small(0, 1)
    }

    pub fn one() -> Number {
        Number::Small(1, 1)
    }

    /// n/d reduced; `d` must not be zero (a zero denominator gives 0).
    pub fn ratio(n: i64, d: i64) -> Number {
        Number::from_i128(i128::from(n), i128::from(d))
    }

    pub fn from_big(numer: BigInt, denom: BigInt) -> Number {
        if denom.is_zero() {
            return Number::zero();
        }
        Number::from_rational(BigRational::new(numer, denom))
    }

    fn from_rational(r: BigRational) -> Number {
        match (r.numer().to_i64(), r.denom().to_i64()) {
            (Some(n), Some(d)) => Number::Small(n, d),
            _ => Number::Big(r),
        }
    }

    fn from_i128(n: i128, d: i128) -> Number {
        if d == 0 {
            return Number::zero();
        }
        let g = n.gcd(&d).max(1);
        let (mut n, mut d) = (n / g, d / g);
        if d < 0 {
            n = -n;
            d = -d;
        }
        match (i64::try_from(n), i64::try_from(d)) {
            (Ok(a), Ok(b)) => Number::Small(a, b),
            _ => Number::Big(BigRational::new(BigInt::from(n), BigInt::from(d))),
        }
    }

    fn to_rational(&self) -> BigRational {
        match self {
            Number::Small(n, d) => BigRational::new_raw(BigInt::from(*n), BigInt::from(*d)),
            Number::Big(r) => r.clone(),
        }
    }

    /// Reads digits with an optional decimal point exactly: "4.9" is 49/10.
    pub fn parse_decimal(text: &str) -> Option<Number> {
        let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
        // Most numbers people type fit in 18 digits: read those without big integers.
        if whole.len() + frac.len() <= 18 && !(whole.is_empty() && frac.is_empty()) {
            let digit_value = |s: &str| -> Option<i64> {
                s.bytes().try_fold(0i64, |acc, b| {
                    b.is_ascii_digit().then(|| acc * 10 + i64::from(b - b'0'))
                })
            };
            let scale = 10i64.pow(frac.len() as u32);
            if let (Some(w), Some(f)) = (digit_value(whole), digit_value(frac)) {
                return Some(Number::ratio(w * scale + f, scale));
            }
        }
        let digits = format!("{whole}{frac}");
        let numer: BigInt = digits.parse().ok()?;
        let denom = num_traits::pow(BigInt::from(10), frac.len());
        Some(Number::from_big(numer, denom))
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, Number::Small(0, _))
    }

    pub fn is_one(&self) -> bool {
        matches!(self, Number::Small(1, 1))
    }

    pub fn is_integer(&self) -> bool {
        match self {
            Number::Small(_, d) => *d == 1,
            Number::Big(r) => r.is_integer(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Number::Small(n, _) => *n < 0,
            Number::Big(r) => r.is_negative(),
        }
    }

    /// Whether the numerator is odd.
    pub fn has_odd_numerator(&self) -> bool {
        match self {
            Number::Small(n, _) => n % 2 != 0,
            Number::Big(r) => r.numer().is_odd(),
        }
    }

    /// Whether the denominator is odd.
    pub fn has_odd_denominator(&self) -> bool {
        match self {
            Number::Small(_, d) => d % 2 != 0,
            Number::Big(r) => r.denom().is_odd(),
        }
    }

    pub fn numer(&self) -> BigInt {
        match self {
            Number::Small(n, _) => BigInt::from(*n),
            Number::Big(r) => r.numer().clone(),
        }
    }

    pub fn denom(&self) -> BigInt {
        match self {
            Number::Small(_, d) => BigInt::from(*d),
            Number::Big(r) => r.denom().clone(),
        }
    }

    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Number::Small(n, 1) => Some(*n),
            _ => None,
        }
    }

    pub fn to_f64(&self) -> f64 {
        let r = match self {
            Number::Small(n, d) => return *n as f64 / *d as f64,
            Number::Big(r) => r,
        };
        let (n, d) = (r.numer(), r.denom());
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
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    pub fn add(&self, other: &Number) -> Number {
        // Whole numbers, the usual case: no common factor to look for.
        if let (Number::Small(a, 1), Number::Small(c, 1)) = (self, other) {
            if let Some(sum) = a.checked_add(*c) {
                return Number::Small(sum, 1);
            }
        }
        if let (Number::Small(a, b), Number::Small(c, d)) = (self, other) {
            let (a, b, c, d) = (
                i128::from(*a),
                i128::from(*b),
                i128::from(*c),
                i128::from(*d),
            );
            if b == d {
                return Number::from_i128(a + c, b);
            }
            return Number::from_i128(a * d + c * b, b * d);
        }
        Number::from_rational(self.to_rational() + other.to_rational())
    }

    pub fn sub(&self, other: &Number) -> Number {
        self.add(&other.neg())
    }

    pub fn mul(&self, other: &Number) -> Number {
        if let (Number::Small(a, 1), Number::Small(c, 1)) = (self, other) {
            if let Some(product) = a.checked_mul(*c) {
                return Number::Small(product, 1);
            }
        }
        if let (Number::Small(a, b), Number::Small(c, d)) = (self, other) {
            let (a, b, c, d) = (
                i128::from(*a),
                i128::from(*b),
                i128::from(*c),
                i128::from(*d),
            );
            return Number::from_i128(a * c, b * d);
        }
        Number::from_rational(self.to_rational() * other.to_rational())
    }

    pub fn neg(&self) -> Number {
        match self {
            Number::Small(n, d) => match n.checked_neg() {
                Some(m) => Number::Small(m, *d),
                None => Number::from_i128(-i128::from(*n), i128::from(*d)),
            },
            Number::Big(r) => Number::from_rational(-r),
        }
    }

    /// The reciprocal; `None` for zero.
    pub fn recip(&self) -> Option<Number> {
        if self.is_zero() {
            return None;
        }
        Some(match self {
            Number::Small(n, d) => Number::from_i128(i128::from(*d), i128::from(*n)),
            Number::Big(r) => Number::from_rational(r.recip()),
        })
    }

    /// `self^exp` when it is a rational number small enough to keep exactly:
    /// 2^10 = 1024, 4^(1/2) = 2, 8^(-2/3) = 1/4; `None` for 2^(1/2) or 0^(-1).
    pub fn pow(&self, exp: &Number) -> Option<Number> {
        if self.is_zero() {
            return (!exp.is_negative() && !exp.is_zero()).then(Number::zero);
        }
        let root = exp.denom().to_u32()?;
        let base = if root == 1 {
            self.to_rational()
        } else {
            if self.is_negative() {
                return None;
            }
            let r = self.to_rational();
            BigRational::new(exact_root(r.numer(), root)?, exact_root(r.denom(), root)?)
        };
        let power = exp.numer().abs().to_u32()?;
        let bits = base.numer().bits().max(base.denom().bits());
        if bits.saturating_mul(u64::from(power)) > MAX_POWER_BITS {
            return None;
        }
        let raised = Number::from_rational(num_traits::pow(base, power as usize));
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

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Number) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Number) -> Ordering {
        if let (Number::Small(a, b), Number::Small(c, d)) = (self, other) {
            return (i128::from(*a) * i128::from(*d)).cmp(&(i128::from(*c) * i128::from(*b)));
        }
        self.to_rational().cmp(&other.to_rational())
    }
}

impl Number {
    /// The number as a decimal that ends (`49/5` → `9.8`), when its denominator has no
    /// factors but 2 and 5 and it is not whole; `None` otherwise.
    pub fn terminating_decimal(&self) -> Option<String> {
        let ten = BigInt::from(10);
        let mut denom = self.denom();
        let mut scale = BigInt::from(1);
        let mut places = 0;
        while denom != BigInt::from(1) {
            let (two, five) = (BigInt::from(2), BigInt::from(5));
            let factor = if (&denom % &two) == BigInt::from(0) {
                two
            } else if (&denom % &five) == BigInt::from(0) {
                five
            } else {
                return None;
            };
            denom /= &factor;
            // Each 2 or 5 taken out of the denominator is made up by the other into a 10.
            scale *= &ten / &factor;
            places += 1;
        }
        if places == 0 {
            return None;
        }
        let digits = (self.numer() * scale).magnitude().to_string();
        let digits = format!("{digits:0>width$}", width = places + 1);
        let (whole, frac) = digits.split_at(digits.len() - places);
        let frac = frac.trim_end_matches('0');
        let sign = if self.is_negative() { "-" } else { "" };
        Some(format!("{sign}{whole}.{frac}"))
    }
}

impl fmt::Display for Number {
    /// `3`, `-2`, `1/2`: the integer or the reduced fraction.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Small(n, 1) => write!(f, "{n}"),
            Number::Small(n, d) => write!(f, "{n}/{d}"),
            Number::Big(r) if r.is_integer() => write!(f, "{}", r.numer()),
            Number::Big(r) => write!(f, "{}/{}", r.numer(), r.denom()),
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
        assert_eq!(Number::parse_decimal("-3"), Some(Number::int(-3)));
        assert_eq!(
            Number::parse_decimal("123456789012345678901234"),
            Some(Number::from_big(
                "123456789012345678901234".parse().unwrap(),
                1.into()
            ))
        );
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

    #[test]
    fn overflow_moves_to_big_integers_and_back() {
        let big = Number::int(i64::MAX).mul(&Number::int(4));
        assert!(matches!(big, Number::Big(_)));
        assert_eq!(big.to_string(), "36893488147419103228");
        let back = big.mul(&Number::ratio(1, 4));
        assert_eq!(back, Number::int(i64::MAX));
        assert!(matches!(back, Number::Small(..)));
        assert_eq!(
            Number::int(i64::MIN).neg().to_string(),
            "9223372036854775808"
        );
    }

    #[test]
    fn order_is_by_value() {
        assert!(Number::ratio(1, 3) < Number::ratio(1, 2));
        assert!(Number::int(-5) < Number::zero());
    }
}
