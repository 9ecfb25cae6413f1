//! Values of an expression at many digits (astro-float), to see through the cancellation
//! that floating point cannot: each value is worked out at two precisions and kept only
//! when they agree.

use crate::expr::{eval, Constant, Expr, Func, Kind, Number};
use astro_float::{BigFloat, Consts, RoundingMode, Sign};
use std::cell::RefCell;

/// The precisions tried, in bits; a value is trusted once two in a row agree.
const PRECISIONS: [usize; 5] = [128, 256, 512, 1024, 2048];
/// Two precisions agree when they differ by less than this part of the value (2⁻⁶⁰).
const AGREE: f64 = 8.673_617_379_884_035e-19;
const RM: RoundingMode = RoundingMode::ToEven;

/// A value trusted at every digit floating point can hold.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sure {
    /// The value, rounded to floating point; ±∞ when it is past the largest float.
    pub value: f64,
    /// The precision at which two computations first agreed.
    pub bits: usize,
    /// Whether plain floating point gets this value wrong (the terms cancel, or it overflows).
    pub float_fails: bool,
}

/// Why a value could not be had.
#[derive(Clone, Debug, PartialEq)]
pub enum Trouble {
    /// The expression has no value there (the message says why).
    NoValue(String),
    /// Past even the many-digit numbers' range: "grows too large to compute".
    TooLarge { positive: bool },
    /// The precisions never agreed: the terms cancel beyond 2,048 bits.
    CannotTell,
}

/// One expression of one variable, ready to be valued at many digits.
pub struct Precise<'a> {
    body: &'a Expr,
    var: &'a str,
    consts: RefCell<Option<Consts>>,
}

impl<'a> Precise<'a> {
    pub fn new(body: &'a Expr, var: &'a str) -> Precise<'a> {
        Precise {
            body,
            var,
            consts: RefCell::new(Consts::new().ok()),
        }
    }

    /// The value at `point + offset`, where `point` is an exact number (π, 1/3, …) and
    /// `offset` a float, added without rounding.
    pub fn at(&self, point: &Expr, offset: f64) -> Result<Sure, Trouble> {
        let mut consts = self.consts.borrow_mut();
        let Some(cc) = consts.as_mut() else {
            return Err(Trouble::CannotTell);
        };
        let mut previous: Option<BigFloat> = None;
        for p in PRECISIONS {
            let x = value(point, None, p, cc)?.add(&BigFloat::from_f64(offset, p), p, RM);
            let v = value(self.body, Some((self.var, &x)), p, cc)?;
            if v.is_inf() {
                return Err(Trouble::TooLarge {
                    positive: v.is_positive(),
                });
            }
            if let Some(before) = previous.filter(|b| agree(b, &v, p)) {
                let value = to_f64(&before);
                let at = to_f64(&x);
                let float = eval(self.body, &|name| (name == self.var).then_some(at));
                let float_fails = !float.is_ok_and(|f| {
                    f.is_finite() && (f - value).abs() <= 1e-9 * value.abs().max(1e-300)
                });
                return Ok(Sure {
                    value,
                    bits: p / 2,
                    float_fails,
                });
            }
            previous = Some(v);
        }
        Err(Trouble::CannotTell)
    }
}

/// Whether two values agree to 60 bits (both exactly 0 agree).
fn agree(a: &BigFloat, b: &BigFloat, p: usize) -> bool {
    if a.is_zero() || b.is_zero() {
        return a.is_zero() && b.is_zero();
    }
    let diff = a.sub(b, p, RM).abs();
    let scale = b.abs().mul(&BigFloat::from_f64(AGREE, p), p, RM);
    diff.cmp(&scale).is_some_and(|c| c <= 0)
}

/// A many-digit number rounded to the nearest float (±∞ or 0 past the float range).
fn to_f64(v: &BigFloat) -> f64 {
    let Some((words, _, sign, exponent, _)) = v.as_raw_parts() else {
        return f64::NAN;
    };
    let Some(&top) = words.last() else {
        return 0.0;
    };
    // The mantissa is 0.1xxx… in binary: the top word holds its first 64 bits.
    let shift = exponent as i64 - 64;
    let magnitude = if top == 0 {
        0.0
    } else if shift > 1100 {
        f64::INFINITY
    } else if shift < -1200 {
        0.0
    } else {
        // Two steps, so a subnormal result is not flushed by one huge power.
        let half = (shift / 2) as i32;
        top as f64 * 2f64.powi(half) * 2f64.powi(shift as i32 - half)
    };
    if sign == Sign::Neg {
        -magnitude
    } else {
        magnitude
    }
}

fn no_value(why: impl Into<String>) -> Trouble {
    Trouble::NoValue(why.into())
}

/// A rational number exactly, to `p` bits.
fn number(n: &Number, p: usize) -> BigFloat {
    let part = |b: num_bigint::BigInt| match i64::try_from(&b) {
        Ok(i) => BigFloat::from_i64(i, p),
        Err(_) => {
            // Beyond 64 bits: one 32-bit digit at a time.
            let (sign, digits) = b.to_u32_digits();
            let base = BigFloat::from_u64(1 << 32, p);
            let mut acc = BigFloat::from_u64(0, p);
            for d in digits.iter().rev() {
                acc = acc
                    .mul(&base, p, RM)
                    .add(&BigFloat::from_u64(*d as u64, p), p, RM);
            }
            if sign == num_bigint::Sign::Minus {
                acc.neg()
            } else {
                acc
            }
        }
    };
    part(n.numer()).div(&part(n.denom()), p, RM)
}

/// The value of `e` at `p` bits, with `var` (if any) set to its value.
fn value(
    e: &Expr,
    var: Option<(&str, &BigFloat)>,
    p: usize,
    cc: &mut Consts,
) -> Result<BigFloat, Trouble> {
    crate::budget::check();
    let v = match e.kind() {
        Kind::Num(n) => number(n, p),
        Kind::Const(Constant::Pi) => cc.pi(p, RM),
        Kind::Const(Constant::E) => cc.e(p, RM),
        Kind::Var(name) => match var {
            Some((v, x)) if &**name == v => x.clone(),
            _ => return Err(no_value(format!("{name} has no value here"))),
        },
        Kind::Add(terms) => {
            let mut sum = BigFloat::from_u64(0, p);
            for t in terms {
                sum = sum.add(&value(t, var, p, cc)?, p, RM);
            }
            sum
        }
        Kind::Mul(factors) => {
            let mut product = BigFloat::from_u64(1, p);
            for f in factors {
                product = product.mul(&value(f, var, p, cc)?, p, RM);
            }
            product
        }
        Kind::Pow(b, x) => power(value(b, var, p, cc)?, x, value(x, var, p, cc)?, p, cc)?,
        Kind::Func(f, a) => apply(*f, value(a, var, p, cc)?, p, cc)?,
        Kind::Apply(f) => {
            return Err(no_value(format!(
                "{} is not a function you have defined, so it has no value here",
                f.name
            )))
        }
        Kind::Log(b, a) => {
            let (base, arg) = (value(b, var, p, cc)?, value(a, var, p, cc)?);
            let one = BigFloat::from_u64(1, p);
            if !base.is_positive() || base.is_zero() || base.cmp(&one) == Some(0) {
                return Err(no_value(
                    "a logarithm's base must be positive and not 1".to_string(),
                ));
            }
            positive_for_log(&arg)?
                .ln(p, RM, cc)
                .div(&base.ln(p, RM, cc), p, RM)
        }
    };
    if v.is_nan() {
        // Domains are checked above, so only a part past the numbers' range (∞/∞, ∞ − ∞)
        // leaves no value: no verdict, rather than "undefined".
        return Err(Trouble::CannotTell);
    }
    Ok(v)
}

fn positive_for_log(v: &BigFloat) -> Result<&BigFloat, Trouble> {
    if v.is_positive() && !v.is_zero() {
        Ok(v)
    } else {
        Err(no_value("a logarithm needs a positive input"))
    }
}

/// `base ^ x`, with the exponent's exact form deciding negative bases, as floating point does.
fn power(
    base: BigFloat,
    exp: &Expr,
    x: BigFloat,
    p: usize,
    cc: &mut Consts,
) -> Result<BigFloat, Trouble> {
    if base.is_zero() {
        return if x.is_negative() {
            Err(no_value("division by zero: the value is undefined"))
        } else if x.is_zero() {
            Ok(BigFloat::from_u64(1, p))
        } else {
            Ok(base)
        };
    }
    if let Some(n) = exp.as_number().and_then(|n| n.to_i64()) {
        // Whole powers by repeated multiplication: exact signs, no logarithm.
        let magnitude = base.abs().powi(n.unsigned_abs() as usize, p, RM);
        let magnitude = if n < 0 {
            magnitude.reciprocal(p, RM)
        } else {
            magnitude
        };
        return Ok(if base.is_negative() && n % 2 != 0 {
            magnitude.neg()
        } else {
            magnitude
        });
    }
    // bˣ as e^(x·ln b): astro-float's own pow works at far more bits for a large whole x.
    let raise = |b: &BigFloat, cc: &mut Consts| b.ln(p, RM, cc).mul(&x, p, RM).exp(p, RM, cc);
    if base.is_positive() {
        return Ok(raise(&base, cc));
    }
    if x.is_int() {
        // A negative base to a whole power that is not written as a number, as (−1)ⁿ.
        let magnitude = raise(&base.abs(), cc);
        let half = x.div(&BigFloat::from_u64(2, p), p, RM);
        return Ok(if half.is_int() {
            magnitude
        } else {
            magnitude.neg()
        });
    }
    match exp.as_number() {
        Some(n) if n.has_odd_denominator() => {
            let magnitude = raise(&base.abs(), cc);
            Ok(if n.has_odd_numerator() {
                magnitude.neg()
            } else {
                magnitude
            })
        }
        _ => Err(no_value(
            "an even root (like √) needs a number that is not negative",
        )),
    }
}

fn apply(f: Func, v: BigFloat, p: usize, cc: &mut Consts) -> Result<BigFloat, Trouble> {
    let one = BigFloat::from_u64(1, p);
    let divide = |top: BigFloat, bottom: BigFloat, why: &str| {
        if bottom.is_zero() {
            Err(no_value(format!("{} is undefined here ({why})", f.name())))
        } else {
            Ok(top.div(&bottom, p, RM))
        }
    };
    let out = match f {
        Func::Sin => v.sin(p, RM, cc),
        Func::Cos => v.cos(p, RM, cc),
        Func::Tan => divide(v.sin(p, RM, cc), v.cos(p, RM, cc), "cos is 0 there")?,
        Func::Sec => divide(one, v.cos(p, RM, cc), "cos is 0 there")?,
        Func::Csc => divide(one, v.sin(p, RM, cc), "sin is 0 there")?,
        Func::Cot => divide(v.cos(p, RM, cc), v.sin(p, RM, cc), "sin is 0 there")?,
        Func::Arcsin | Func::Arccos if v.abs().cmp(&one).is_some_and(|c| c > 0) => {
            return Err(no_value(format!(
                "{} only takes inputs from -1 to 1",
                f.name()
            )))
        }
        Func::Arcsin => v.asin(p, RM, cc),
        Func::Arccos => v.acos(p, RM, cc),
        Func::Arctan => v.atan(p, RM, cc),
        Func::Sinh => v.sinh(p, RM, cc),
        Func::Cosh => v.cosh(p, RM, cc),
        Func::Tanh => v.tanh(p, RM, cc),
        Func::Ln => positive_for_log(&v)?.ln(p, RM, cc),
        Func::Abs => v.abs(),
        // 1 + e^(−v) is never 0.
        Func::Sigmoid => one.div(&one.add(&v.neg().exp(p, RM, cc), p, RM), p, RM),
        Func::Relu if v.is_negative() => BigFloat::from_u64(0, p),
        Func::Relu => v,
        Func::Step if v.is_zero() => {
            return Err(no_value("the step jumps at 0, so it has no value there"))
        }
        Func::Step if v.is_negative() => BigFloat::from_u64(0, p),
        Func::Step => one,
        Func::Softplus => one.add(&v.exp(p, RM, cc), p, RM).ln(p, RM, cc),
    };
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::Expr;

    fn at(body: &Expr, point: f64, offset: f64) -> Result<Sure, Trouble> {
        let point =
            Expr::num(Number::parse_decimal(&point.to_string()).unwrap_or_else(Number::zero));
        Precise::new(body, "x").at(&point, offset)
    }

    #[test]
    fn floats_round_trip() {
        for v in [1.5, -0.1, 1e300, 3e-300, std::f64::consts::PI, 0.0] {
            assert_eq!(to_f64(&BigFloat::from_f64(v, 128)), v);
        }
    }

    #[test]
    fn cancellation_is_seen_through() {
        let x = Expr::var("x");
        // (sin x − x + x³/6)/x⁵ → 1/120: floating point loses every digit near 0.
        let body = Expr::div(
            Expr::add(vec![
                Expr::func(Func::Sin, x.clone()),
                Expr::neg(x.clone()),
                Expr::div(Expr::pow(x.clone(), Expr::int(3)), Expr::int(6)),
            ]),
            Expr::pow(x.clone(), Expr::int(5)),
        );
        let sure = at(&body, 0.0, 2f64.powi(-18)).unwrap_or_else(|e| panic!("{e:?}"));
        assert!((sure.value - 1.0 / 120.0).abs() < 1e-12, "{sure:?}");
        assert!(sure.float_fails && sure.bits > 128, "{sure:?}");
    }

    #[test]
    fn overflow_is_not_a_division_by_zero() {
        let x = Expr::var("x");
        let body = Expr::div(Expr::func(Func::Sinh, x.clone()), Expr::exp(x));
        let sure = at(&body, 0.0, 8760.0).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(
            (sure.value - 0.5).abs() < 1e-15 && sure.float_fails,
            "{sure:?}"
        );
        let ln = Expr::ln(Expr::var("x"));
        assert!(matches!(at(&ln, 0.0, -1.0), Err(Trouble::NoValue(_))));
    }
}
