//! Rewriting integrands: replacing a subexpression by a name, and multiplying out brackets.

use crate::expr::{Expr, Kind, Number};

/// Most terms a multiplied-out expression may have.
const MAX_EXPANDED_TERMS: usize = 64;
/// Highest whole power of a sum that is multiplied out.
const MAX_EXPANDED_POWER: i64 = 6;

/// `e` with every occurrence of `target` replaced by `with`, simplified again.
pub fn replace(e: &Expr, target: &Expr, with: &Expr) -> Expr {
    if e == target {
        return with.clone();
    }
    match e.kind() {
        Kind::Num(_) | Kind::Const(_) | Kind::Var(_) => e.clone(),
        Kind::Add(terms) => Expr::add(terms.iter().map(|t| replace(t, target, with)).collect()),
        Kind::Mul(factors) => Expr::mul(factors.iter().map(|f| replace(f, target, with)).collect()),
        Kind::Pow(b, x) => Expr::pow(replace(b, target, with), replace(x, target, with)),
        Kind::Func(f, a) => Expr::func(*f, replace(a, target, with)),
        Kind::Log(b, a) => Expr::log(replace(b, target, with), replace(a, target, with)),
        Kind::Apply(f) => f.with_args(f.args.iter().map(|a| replace(a, target, with)).collect()),
    }
}

/// `e` with products of sums and small whole powers of sums multiplied out,
/// or `None` when there is nothing to multiply out or the result would be too long.
pub fn expand(e: &Expr) -> Option<Expr> {
    let terms = expanded_terms(e)?;
    let out = Expr::add(terms);
    (out != *e).then_some(out)
}

fn expanded_terms(e: &Expr) -> Option<Vec<Expr>> {
    match e.kind() {
        Kind::Add(terms) => {
            let mut out = Vec::new();
            for t in terms {
                out.extend(expanded_terms(t)?);
                if out.len() > MAX_EXPANDED_TERMS {
                    return None;
                }
            }
            Some(out)
        }
        Kind::Mul(factors) => {
            let mut out = vec![Expr::one()];
            for f in factors {
                out = times(&out, &expanded_terms(f)?)?;
            }
            Some(out)
        }
        Kind::Pow(base, exp) if matches!(base.kind(), Kind::Add(_)) => {
            let n = exp.as_number().and_then(Number::to_i64);
            match n {
                Some(n) if (2..=MAX_EXPANDED_POWER).contains(&n) => {
                    let once = expanded_terms(base)?;
                    let mut out = once.clone();
                    for _ in 1..n {
                        out = times(&out, &once)?;
                    }
                    Some(out)
                }
                _ => Some(vec![e.clone()]),
            }
        }
        _ => Some(vec![e.clone()]),
    }
}

/// Every term of `a` times every term of `b`.
fn times(a: &[Expr], b: &[Expr]) -> Option<Vec<Expr>> {
    if a.len().saturating_mul(b.len()) > MAX_EXPANDED_TERMS {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            out.push(Expr::mul(vec![x.clone(), y.clone()]));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_of_sums_multiply_out() {
        let x = Expr::var("x");
        let plus = Expr::add(vec![x.clone(), Expr::one()]);
        let minus = Expr::sub(x.clone(), Expr::one());
        let product = Expr::mul(vec![plus.clone(), minus]);
        let square = Expr::pow(x.clone(), Expr::int(2));
        assert_eq!(expand(&product), Some(Expr::sub(square, Expr::one())));
        assert_eq!(expand(&x), None);
        let u = Expr::var("u");
        let replaced = replace(&Expr::pow(plus.clone(), Expr::int(3)), &plus, &u);
        assert_eq!(replaced, Expr::pow(u, Expr::int(3)));
    }
}
