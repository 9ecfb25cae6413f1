//! Roots of whole numbers in simplest form, as a book prints them: √20 is 2√5.

use super::{Expr, Kind, Number};

/// A root of a whole number in simplest form, as a book prints it: 20^(1/2) = 2·5^(1/2)
/// (2√5), 54^(1/3) = 3·2^(1/3). `(outside, inside)` with `b^e = outside·inside^e`, found
/// by the small primes whose power the root takes out whole; `None` when none does.
pub(super) fn surd(b: &Number, e: &Number) -> Option<(Number, Number)> {
    let root = u32::try_from(e.denom())
        .ok()
        .filter(|q| (2..=4).contains(q))?;
    let mut inside = b.to_i64().filter(|n| *n > 1)?;
    let mut taken: i64 = 1;
    for p in 2..=1000i64 {
        let whole = p.checked_pow(root)?;
        if whole > inside {
            break;
        }
        while inside % whole == 0 {
            inside /= whole;
            taken *= p;
        }
    }
    (taken > 1).then(|| {
        let outside = Number::int(taken).pow(&Number::from_big(e.numer(), 1.into()));
        outside.map(|o| (o, Number::int(inside)))
    })?
}

/// `n^e` with the whole part of a positive exponent taken out: 5^(3/2) = 5·5^(1/2) (5√5).
pub(super) fn root_of(n: Number, e: &Number) -> Expr {
    let whole = Number::from_big(e.numer() / e.denom(), 1.into());
    let held = |e: Number| Expr::from_kind(Kind::Pow(Expr::num(n.clone()), Expr::num(e)));
    match n.pow(&whole) {
        Some(part) if !e.is_negative() && !whole.is_zero() => {
            Expr::mul(vec![Expr::num(part), held(e.sub(&whole))])
        }
        _ => held(e.clone()),
    }
}
