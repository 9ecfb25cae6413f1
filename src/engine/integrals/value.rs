//! Exact values in the book's shape: arcsin(1/2) = π/6, ln(1/2) = −ln 2, (−1)^(2/3) = 1, cos(−1) = cos 1.

use crate::expr::{eval, Constant, Expr, Func, Kind};

/// `e` (free of variables) with the special values a learner knows put in.
pub fn simplify(e: &Expr) -> Expr {
    match e.kind() {
        Kind::Add(terms) => Expr::add(terms.iter().map(simplify).collect()),
        Kind::Mul(factors) => Expr::mul(factors.iter().map(simplify).collect()),
        Kind::Pow(b, p) => {
            let (b, p) = (simplify(b), simplify(p));
            odd_root(&b, &p).unwrap_or_else(|| Expr::pow(b, p))
        }
        Kind::Func(f, a) => {
            let a = simplify(a);
            special(*f, &a).unwrap_or_else(|| Expr::func(*f, a))
        }
        Kind::Log(b, a) => Expr::log(simplify(b), simplify(a)),
        _ => e.clone(),
    }
}

/// (−n)^(p/q) with q odd is the real root: (−1)^p·n^(p/q).
fn odd_root(b: &Expr, p: &Expr) -> Option<Expr> {
    let (n, p) = (b.as_number()?, p.as_number()?);
    if !n.is_negative() || !p.has_odd_denominator() {
        return None;
    }
    let magnitude = n.neg().pow(p)?;
    Some(Expr::num(if p.has_odd_numerator() {
        magnitude.neg()
    } else {
        magnitude
    }))
}

fn pi_times(n: i64, d: i64) -> Expr {
    Expr::mul(vec![Expr::ratio(n, d), Expr::constant(Constant::Pi)])
}

/// The value of f at a special argument, if it is one a table of values holds.
fn special(f: Func, a: &Expr) -> Option<Expr> {
    let (c, _) = a.split_coefficient();
    // Odd and even functions at a negative argument.
    if c.is_negative() {
        let flipped = Expr::neg(a.clone());
        return match f {
            Func::Cos | Func::Sec | Func::Cosh | Func::Abs => Some(Expr::func(f, flipped)),
            Func::Sin
            | Func::Tan
            | Func::Csc
            | Func::Cot
            | Func::Sinh
            | Func::Tanh
            | Func::Arcsin
            | Func::Arctan => Some(Expr::neg(
                special(f, &flipped).unwrap_or_else(|| Expr::func(f, flipped)),
            )),
            Func::Arccos => {
                let inner = special(f, &flipped).unwrap_or_else(|| Expr::func(f, flipped));
                Some(Expr::sub(Expr::constant(Constant::Pi), inner))
            }
            Func::Ln | Func::Sigmoid | Func::Relu | Func::Step | Func::Softplus => None,
        };
    }
    if f == Func::Ln {
        // ln(1/q) = −ln q: the book writes ln 2, not −ln(1/2).
        let n = a.as_number()?;
        if n.numer() == 1.into() && !n.is_integer() {
            return Some(Expr::neg(Expr::ln(Expr::num(n.recip()?))));
        }
        return None;
    }
    if !a.free_vars().is_empty() {
        return None;
    }
    let v = eval(a, &|_| None).ok()?;
    let near = |t: f64| (v - t).abs() < 1e-14;
    let (r2, r3) = (0.5 * 2f64.sqrt(), 3f64.sqrt());
    match f {
        Func::Arcsin => [(0.5, 6), (r2, 4), (r3 / 2.0, 3)]
            .iter()
            .find(|(t, _)| near(*t))
            .map(|(_, d)| pi_times(1, *d)),
        Func::Arccos => [(0.5, 3, 1), (r2, 4, 1), (r3 / 2.0, 6, 1)]
            .iter()
            .find(|(t, ..)| near(*t))
            .map(|(_, d, n)| pi_times(*n, *d)),
        Func::Arctan => [(1.0, 4), (r3, 3), (1.0 / r3, 6)]
            .iter()
            .find(|(t, _)| near(*t))
            .map(|(_, d)| pi_times(1, *d)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_values() {
        let half = Expr::ratio(1, 2);
        let arcsin = Expr::func(Func::Arcsin, half.clone());
        assert_eq!(simplify(&arcsin), pi_times(1, 6));
        let ln_half = Expr::neg(Expr::ln(half));
        assert_eq!(simplify(&ln_half), Expr::ln(Expr::int(2)));
        let root = Expr::pow(Expr::int(-8), Expr::ratio(2, 3));
        assert_eq!(simplify(&root), Expr::int(4));
        let one = Expr::one();
        let odd = Expr::add(vec![
            Expr::func(Func::Sin, one.clone()),
            Expr::func(Func::Sin, Expr::neg(one)),
        ]);
        assert!(simplify(&odd).is_zero());
    }
}
