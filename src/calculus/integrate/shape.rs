//! Results in the book's shape: ln(u) without bars when u is positive for every x, and a number spread over a sum when that clears the fractions.

use super::poly::Poly;
use crate::expr::{Constant, Expr, Func, Kind, Number};

/// What is known of an expression's sign for every value of the variable.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sign {
    Positive,
    NotNegative,
    Unknown,
}

fn sign(e: &Expr, var: &str) -> Sign {
    use Sign::*;
    match e.kind() {
        Kind::Num(n) if n.is_zero() => NotNegative,
        Kind::Num(n) => {
            if n.is_negative() {
                Unknown
            } else {
                Positive
            }
        }
        Kind::Const(_) => Positive,
        Kind::Var(_) => Unknown,
        Kind::Func(Func::Cosh, _) => Positive,
        Kind::Func(Func::Abs, _) => NotNegative,
        Kind::Pow(b, n) => {
            let base = sign(b, var);
            if matches!(b.kind(), Kind::Const(Constant::E)) || base == Positive {
                return Positive;
            }
            let even = n.as_number().is_some_and(|n| {
                n.is_integer() && !n.has_odd_numerator() || !n.has_odd_denominator()
            });
            if even || base == NotNegative {
                NotNegative
            } else {
                Unknown
            }
        }
        Kind::Add(terms) => {
            let signs: Vec<Sign> = terms.iter().map(|t| sign(t, var)).collect();
            if signs.iter().all(|s| *s != Unknown) {
                return if signs.contains(&Positive) {
                    Positive
                } else {
                    NotNegative
                };
            }
            // A quadratic with no real roots that opens upwards, as x² + 2x + 5.
            match Poly::from_expr(e, var) {
                Some(p) if p.degree() == 2 && !p.lead().is_negative() => {
                    let (a, b, c) = (p.coefficient(2), p.coefficient(1), p.coefficient(0));
                    let disc = b.mul(&b).sub(&Number::int(4).mul(&a).mul(&c));
                    if disc.is_negative() {
                        Positive
                    } else {
                        Unknown
                    }
                }
                _ => Unknown,
            }
        }
        Kind::Mul(factors) => {
            let signs: Vec<Sign> = factors.iter().map(|f| sign(f, var)).collect();
            if signs.iter().all(|s| *s == Positive) {
                Positive
            } else if signs.iter().all(|s| *s != Unknown) {
                NotNegative
            } else {
                Unknown
            }
        }
        _ => Unknown,
    }
}

/// `e` in the shape a book prints.
pub(super) fn tidy(e: &Expr, var: &str) -> Expr {
    let e = drop_bars(e, var);
    spread(&e)
}

/// ln|u| → ln(u) wherever u is positive for every value of the variable.
fn drop_bars(e: &Expr, var: &str) -> Expr {
    match e.kind() {
        Kind::Func(Func::Ln, a) => match a.kind() {
            Kind::Func(Func::Abs, inner) if sign(inner, var) == Sign::Positive => {
                Expr::ln(inner.clone())
            }
            _ => e.clone(),
        },
        Kind::Add(terms) => Expr::add(terms.iter().map(|t| drop_bars(t, var)).collect()),
        Kind::Mul(factors) => Expr::mul(factors.iter().map(|f| drop_bars(f, var)).collect()),
        _ => e.clone(),
    }
}

/// c·(a + b) → c·a + c·b when every coefficient comes out whole: (2x·ln(2x) − 2x)/2 = x·ln(2x) − x.
fn spread(e: &Expr) -> Expr {
    match e.kind() {
        Kind::Add(terms) => Expr::add(terms.iter().map(spread).collect()),
        Kind::Mul(factors) => {
            let [c, sum] = factors.as_slice() else {
                return e.clone();
            };
            let (Some(n), Kind::Add(terms)) = (c.as_number(), sum.kind()) else {
                return e.clone();
            };
            let spread: Vec<Expr> = terms
                .iter()
                .map(|t| Expr::mul(vec![Expr::num(n.clone()), t.clone()]))
                .collect();
            let whole = spread.iter().all(|t| t.split_coefficient().0.is_integer());
            if whole || *n == Number::int(-1) {
                return Expr::add(spread);
            }
            reduced(n, terms).unwrap_or_else(|| e.clone())
        }
        _ => e.clone(),
    }
}

/// c·(4a + 2b) → 2c·(2a + b): a common whole factor of the terms joins the number in front,
/// so (4x·sin(2x) + 2cos(2x))/8 reads (2x·sin(2x) + cos(2x))/4.
fn reduced(c: &Number, terms: &[Expr]) -> Option<Expr> {
    let coefficients: Vec<Number> = terms.iter().map(|t| t.split_coefficient().0).collect();
    let mut g: i64 = 0;
    for k in &coefficients {
        g = gcd(g, k.is_integer().then(|| k.to_i64())??);
    }
    if g <= 1 {
        return None;
    }
    let divided = terms
        .iter()
        .map(|t| Expr::mul(vec![Expr::ratio(1, g), t.clone()]))
        .collect();
    Some(Expr::mul(vec![
        Expr::num(c.mul(&Number::int(g))),
        Expr::add(divided),
    ]))
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a % b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_go_only_where_the_inside_is_positive() {
        let x = Expr::var("x");
        let bars = |e: Expr| Expr::ln(Expr::func(Func::Abs, e));
        let square_plus = Expr::add(vec![Expr::pow(x.clone(), Expr::int(2)), Expr::int(9)]);
        assert_eq!(tidy(&bars(square_plus.clone()), "x"), Expr::ln(square_plus));
        let open = Expr::sub(Expr::pow(x.clone(), Expr::int(2)), Expr::int(9));
        assert_eq!(tidy(&bars(open.clone()), "x"), bars(open));
    }

    #[test]
    fn a_common_factor_joins_the_number_in_front() {
        let x = Expr::var("x");
        let sum = Expr::add(vec![Expr::mul(vec![Expr::int(4), x.clone()]), Expr::int(2)]);
        let e = Expr::mul(vec![Expr::ratio(1, 8), sum]);
        let expected = Expr::mul(vec![
            Expr::ratio(1, 4),
            Expr::add(vec![Expr::mul(vec![Expr::int(2), x]), Expr::one()]),
        ]);
        assert_eq!(tidy(&e, "x"), expected);
    }
}
