//! Trigonometric integrands rewritten by identities: power reduction, peeling one factor off an odd power, tan² = sec² − 1, product to sum.

use super::{Integrator, Level};
use crate::calculus::derive::derive;
use crate::calculus::rewrite::expand;
use crate::calculus::step::{Detail, Rule, Step};
use crate::expr::{Expr, Func, Kind, Number, Symbol};

/// A factor f(u)ⁿ of a trigonometric product.
struct Power {
    func: Func,
    arg: Expr,
    n: i64,
}

fn power(e: &Expr) -> Option<Power> {
    let (base, n) = e.split_power();
    let n = n.as_number()?.to_i64()?;
    match base.kind() {
        Kind::Func(func, arg) if n > 0 => Some(Power {
            func: *func,
            arg: arg.clone(),
            n,
        }),
        _ => None,
    }
}

/// Whether `arg` is a straight line in `var`: a·x + b with a ≠ 0.
fn is_linear(arg: &Expr, var: &str) -> bool {
    arg.contains(var) && !derive(arg, var).after.contains(var)
}

fn double(arg: &Expr) -> Expr {
    Expr::mul(vec![Expr::int(2), arg.clone()])
}

/// sin²u = (1 − cos 2u)/2, cos²u = (1 + cos 2u)/2, and the same for sinh, cosh.
fn half_angle(func: Func, arg: &Expr) -> Option<Expr> {
    let (other, sign) = match func {
        Func::Sin => (Func::Cos, -1),
        Func::Cos => (Func::Cos, 1),
        Func::Sinh => (Func::Cosh, 1),
        Func::Cosh => (Func::Cosh, 1),
        _ => return None,
    };
    let twice = Expr::func(other, double(arg));
    let top = match func {
        Func::Sinh => Expr::sub(twice, Expr::one()),
        _ => Expr::add(vec![Expr::one(), Expr::mul(vec![Expr::int(sign), twice])]),
    };
    Some(Expr::mul(vec![Expr::ratio(1, 2), top]))
}

impl Integrator {
    /// The identity a textbook reaches for, then the rewritten integral.
    pub(super) fn trig(&self, e: &Expr, var: &Symbol, level: Level) -> Option<Step> {
        let (rule, rewritten) = rewrite(e, var)?;
        let inner = match expand(&rewritten) {
            Some(expanded) if rule != Rule::OddPower => {
                let next = self.step(&expanded, var, level.deeper())?;
                let after = next.after.clone();
                Step::new(
                    Rule::Expand,
                    var,
                    &rewritten,
                    after,
                    Detail::Expand { expanded },
                    vec![next],
                )
            }
            _ => self.step(&rewritten, var, level.deeper())?,
        };
        let after = inner.after.clone();
        Some(Step::new(
            rule,
            var,
            e,
            after,
            Detail::Rewrite { rewritten },
            vec![inner],
        ))
    }
}

/// Which identity fits `e`, and what it turns `e` into.
fn rewrite(e: &Expr, var: &str) -> Option<(Rule, Expr)> {
    if let Some(found) = half_angle_bottom(e, var).or_else(|| exp_form(e, var)) {
        return Some(found);
    }
    if let Some(found) = tan_squared_beside(e, var) {
        return Some(found);
    }
    let powers: Vec<Power> = e.factors().iter().map(power).collect::<Option<_>>()?;
    let arg = powers.first()?.arg.clone();
    if !is_linear(&arg, var) {
        return None;
    }
    if powers.iter().any(|p| p.arg != arg) {
        return product_to_sum(&powers, var);
    }
    let n_of = |f: Func| powers.iter().find(|p| p.func == f).map_or(0, |p| p.n);
    let f = |func: Func| Expr::func(func, arg.clone());
    let known = |fs: &[Func]| powers.iter().all(|p| fs.contains(&p.func));
    if known(&[Func::Sin, Func::Cos]) {
        let (m, n) = (n_of(Func::Sin), n_of(Func::Cos));
        // One factor alone is a u-substitution already (u = the other function).
        if m + n < 2 || (m == 1 && n >= 1) || (n == 1 && m >= 1) {
            return None;
        }
        let peel = |odd: Func, other: Func, k: i64, rest: i64| {
            let one_minus = Expr::sub(Expr::one(), Expr::pow(f(other), Expr::int(2)));
            Expr::mul(vec![
                f(odd),
                Expr::pow(one_minus, Expr::int((k - 1) / 2)),
                Expr::pow(f(other), Expr::int(rest)),
            ])
        };
        if m % 2 == 1 {
            return Some((Rule::OddPower, peel(Func::Sin, Func::Cos, m, n)));
        }
        if n % 2 == 1 {
            return Some((Rule::OddPower, peel(Func::Cos, Func::Sin, n, m)));
        }
        let reduced = Expr::mul(vec![
            Expr::pow(half_angle(Func::Sin, &arg)?, Expr::int(m / 2)),
            Expr::pow(half_angle(Func::Cos, &arg)?, Expr::int(n / 2)),
        ]);
        return Some((Rule::PowerReduction, reduced));
    }
    if let [p] = powers.as_slice() {
        return match p.func {
            Func::Sinh | Func::Cosh if p.n % 2 == 0 => {
                let reduced = Expr::pow(half_angle(p.func, &arg)?, Expr::int(p.n / 2));
                Some((Rule::PowerReduction, reduced))
            }
            // sec⁴ = (1 + tan²)·sec²: what is left is a polynomial in tan times its
            // slope; csc⁴ = (1 + cot²)·csc² the same with cot.
            Func::Sec | Func::Csc if p.n >= 4 && p.n % 2 == 0 => {
                let partner = if p.func == Func::Sec {
                    Func::Tan
                } else {
                    Func::Cot
                };
                let identity = Expr::add(vec![Expr::one(), Expr::pow(f(partner), Expr::int(2))]);
                Some((
                    Rule::TrigIdentity,
                    Expr::mul(vec![
                        Expr::pow(identity, Expr::int((p.n - 2) / 2)),
                        Expr::pow(f(p.func), Expr::int(2)),
                    ]),
                ))
            }
            // sinh³ = sinh·(cosh² − 1), cosh³ = cosh·(1 + sinh²): peel one factor off.
            Func::Sinh | Func::Cosh if p.n >= 3 && p.n % 2 == 1 => {
                let identity = if p.func == Func::Sinh {
                    let c = Expr::pow(f(Func::Cosh), Expr::int(2));
                    Expr::sub(c, Expr::one())
                } else {
                    let s = Expr::pow(f(Func::Sinh), Expr::int(2));
                    Expr::add(vec![Expr::one(), s])
                };
                Some((
                    Rule::OddPower,
                    Expr::mul(vec![
                        f(p.func),
                        Expr::pow(identity, Expr::int((p.n - 1) / 2)),
                    ]),
                ))
            }
            // tan² = sec² − 1 and cot² = csc² − 1, from sin² + cos² = 1.
            Func::Tan | Func::Cot if p.n >= 2 => {
                let partner = if p.func == Func::Tan {
                    Func::Sec
                } else {
                    Func::Csc
                };
                let identity = Expr::sub(Expr::pow(f(partner), Expr::int(2)), Expr::one());
                let rest = Expr::pow(f(p.func), Expr::int(p.n - 2));
                Some((Rule::TrigIdentity, Expr::mul(vec![rest, identity])))
            }
            _ => None,
        };
    }
    None
}

/// sin A·cos B, sin A·sin B, cos A·cos B with A ≠ B as a sum of single sines or cosines.
fn product_to_sum(powers: &[Power], var: &str) -> Option<(Rule, Expr)> {
    let [p, q] = powers else {
        return None;
    };
    if p.n != 1 || q.n != 1 || !is_linear(&q.arg, var) {
        return None;
    }
    let (p, q) = match (p.func, q.func) {
        (Func::Cos, Func::Sin) => (q, p),
        _ => (p, q),
    };
    let (a, b) = (&p.arg, &q.arg);
    let sum = Expr::add(vec![a.clone(), b.clone()]);
    let difference = Expr::sub(a.clone(), b.clone());
    // Keep the difference's angle positive: sin(−u) = −sin u, cos(−u) = cos u.
    let flipped = difference.split_coefficient().0.is_negative();
    let angle = if flipped {
        Expr::neg(difference)
    } else {
        difference
    };
    let half = |terms: Vec<Expr>| Expr::mul(vec![Expr::ratio(1, 2), Expr::add(terms)]);
    let (sin, cos) = (
        |u: &Expr| Expr::func(Func::Sin, u.clone()),
        |u: &Expr| Expr::func(Func::Cos, u.clone()),
    );
    let sign = Expr::int(if flipped { -1 } else { 1 });
    let rewritten = match (p.func, q.func) {
        (Func::Sin, Func::Cos) => half(vec![sin(&sum), Expr::mul(vec![sign, sin(&angle)])]),
        (Func::Sin, Func::Sin) => half(vec![cos(&angle), Expr::neg(cos(&sum))]),
        (Func::Cos, Func::Cos) => half(vec![cos(&angle), cos(&sum)]),
        _ => return None,
    };
    Some((Rule::ProductToSum, rewritten))
}

/// 1/(1 + cos u) = sec²(u/2)/2 and 1/(1 − cos u) = csc²(u/2)/2.
fn half_angle_bottom(e: &Expr, var: &str) -> Option<(Rule, Expr)> {
    let Kind::Pow(bottom, n) = e.kind() else {
        return None;
    };
    if n.as_number() != Some(&Number::int(-1)) {
        return None;
    }
    let [one, term] = bottom.terms() else {
        return None;
    };
    if !one.is_one() {
        return None;
    }
    let (sign, cos) = term.split_coefficient();
    let Kind::Func(Func::Cos, arg) = cos.kind() else {
        return None;
    };
    if !is_linear(arg, var) || !(sign.is_one() || sign == Number::int(-1)) {
        return None;
    }
    let half = Expr::mul(vec![Expr::ratio(1, 2), arg.clone()]);
    let partner = if sign.is_one() { Func::Sec } else { Func::Csc };
    let rewritten = Expr::mul(vec![
        Expr::ratio(1, 2),
        Expr::pow(Expr::func(partner, half), Expr::int(2)),
    ]);
    Some((Rule::HalfAngle, rewritten))
}

/// eᵃˣ·sinh u or eᵃˣ·cosh u with sinh and cosh written as exponentials.
fn exp_form(e: &Expr, var: &str) -> Option<(Rule, Expr)> {
    let factors = e.factors();
    let exponential =
        |f: &Expr| matches!(f.kind(), Kind::Pow(b, p) if !b.contains(var) && p.contains(var));
    if factors.len() != 2 || !factors.iter().any(exponential) {
        return None;
    }
    let mut changed = false;
    let rewritten: Vec<Expr> = factors
        .iter()
        .map(|f| match f.kind() {
            Kind::Func(h @ (Func::Sinh | Func::Cosh), u) if is_linear(u, var) => {
                changed = true;
                let up = Expr::exp(u.clone());
                let down = Expr::exp(Expr::neg(u.clone()));
                let pair = if *h == Func::Sinh {
                    Expr::sub(up, down)
                } else {
                    Expr::add(vec![up, down])
                };
                Expr::mul(vec![Expr::ratio(1, 2), pair])
            }
            _ => f.clone(),
        })
        .collect();
    changed.then(|| (Rule::ExpForm, Expr::mul(rewritten)))
}

/// A tan² (or cot²) factor beside factors with no trigonometry, as x·tan² x:
/// tan² = sec² − 1 turns it into terms by parts can take.
fn tan_squared_beside(e: &Expr, var: &str) -> Option<(Rule, Expr)> {
    let factors = e.factors();
    if factors.len() < 2 {
        return None;
    }
    let is_square = |f: &Expr| match power(f) {
        Some(p) => matches!(p.func, Func::Tan | Func::Cot) && p.n == 2 && is_linear(&p.arg, var),
        None => false,
    };
    let i = factors.iter().position(is_square)?;
    if factors
        .iter()
        .enumerate()
        .any(|(j, f)| j != i && power(f).is_some())
    {
        return None;
    }
    let p = power(&factors[i])?;
    let partner = if p.func == Func::Tan {
        Func::Sec
    } else {
        Func::Csc
    };
    let identity = Expr::sub(
        Expr::pow(Expr::func(partner, p.arg), Expr::int(2)),
        Expr::one(),
    );
    let mut rest: Vec<Expr> = factors.to_vec();
    rest[i] = identity;
    Some((Rule::TrigIdentity, Expr::mul(rest)))
}
