//! Integration by parts: ∫ u dv = u·v − ∫ v du, with u chosen as a teacher would, and the cyclic case solved for the integral.

use super::{Integrator, Level};
use crate::calculus::derive::derive;
use crate::calculus::step::{Detail, PartsChoice, Rule, Step};
use crate::expr::{Expr, Func, Kind, Number, Symbol};

/// ln, log_a, the inverse trigonometric functions and powers of ln: easy to
/// differentiate, with no antiderivative in the table.
fn simpler_when_differentiated(f: &Expr, var: &str) -> bool {
    match f.kind() {
        Kind::Func(Func::Ln | Func::Arctan | Func::Arcsin | Func::Arccos, a) => a.contains(var),
        Kind::Log(b, a) => !b.contains(var) && a.contains(var),
        Kind::Pow(b, n) => {
            n.as_number()
                .is_some_and(|n| n.is_integer() && !n.is_negative())
                && matches!(b.kind(), Kind::Func(Func::Ln, a) if a.contains(var))
        }
        _ => false,
    }
}

/// n when `e` is the variable to a numeric power n (the variable itself is n = 1).
fn power_of_var(e: &Expr, var: &str) -> Option<Number> {
    match e.kind() {
        Kind::Var(_) if e.is_var(var) => Some(Number::one()),
        Kind::Pow(b, n) if b.is_var(var) => n.as_number().cloned(),
        _ => None,
    }
}

/// aᵘ, sin, cos, sinh, cosh of a straight line, and sec², csc²: integrating them
/// gives a function no harder than before.
fn keeps_its_shape(e: &Expr, var: &str) -> bool {
    let linear = |a: &Expr| a.contains(var) && !derive(a, var).after.contains(var);
    match e.kind() {
        Kind::Pow(b, x) if !b.contains(var) => linear(x),
        Kind::Pow(b, n) => {
            n.as_number().is_some_and(|n| *n == Number::int(2))
                && matches!(b.kind(), Kind::Func(Func::Sec | Func::Csc, a) if linear(a))
        }
        Kind::Func(Func::Sin | Func::Cos | Func::Sinh | Func::Cosh, a) => linear(a),
        _ => false,
    }
}

/// eᵃˣ (or any base) times sin or cos: the pair that comes back after two rounds.
fn cyclic_pair(e: &Expr, var: &str) -> Option<(Expr, Expr, Func)> {
    let [p, q] = e.factors() else {
        return None;
    };
    let linear = |a: &Expr| a.contains(var) && !derive(a, var).after.contains(var);
    let exp_like = |f: &Expr| matches!(f.kind(), Kind::Pow(b, x) if !b.contains(var) && linear(x));
    let trig = |f: &Expr| match f.kind() {
        Kind::Func(func @ (Func::Sin | Func::Cos), a) if linear(a) => Some(*func),
        _ => None,
    };
    if exp_like(p) {
        trig(q).map(|f| (p.clone(), q.clone(), f))
    } else if exp_like(q) {
        trig(p).map(|f| (q.clone(), p.clone(), f))
    } else {
        None
    }
}

impl Integrator {
    /// ∫ u dv = u·v − ∫ v du, with u a logarithm or inverse function (dv the
    /// power of x beside it, or dx alone), or a power of x times eˣ, sin, cos, ….
    pub(super) fn by_parts(&self, e: &Expr, var: &Symbol, level: Level) -> Option<Step> {
        let factors = e.factors();
        let others = |i: usize| {
            let rest: Vec<Expr> = factors
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, f)| f.clone())
                .collect();
            Expr::mul(rest)
        };
        let (u, dv, choice) = if let Some(i) = factors
            .iter()
            .position(|f| simpler_when_differentiated(f, var))
        {
            let dv = others(i);
            let choice = if dv.is_one() {
                PartsChoice::Alone
            } else if power_of_var(&dv, var).is_some() {
                PartsChoice::Logarithm
            } else {
                return None;
            };
            (factors[i].clone(), dv, choice)
        } else {
            if factors.len() != 2 {
                return self.cyclic(e, var, level);
            }
            let Some(i) = factors.iter().position(|f| {
                power_of_var(f, var).is_some_and(|n| n.is_integer() && !n.is_negative())
            }) else {
                return self.cyclic(e, var, level);
            };
            let dv = others(i);
            if !keeps_its_shape(&dv, var) {
                return None;
            }
            let n = power_of_var(&factors[i], var)?.to_i64()?;
            if n >= 2 {
                return self.tabular(e, var, level, &factors[i], &dv, n);
            }
            (factors[i].clone(), dv, PartsChoice::Power)
        };
        let next = level.deeper();
        let v_step = self.step(&dv, var, next)?;
        let v = v_step.after.clone();
        let du = derive(&u, var).after;
        let remaining = Expr::mul(vec![v.clone(), du.clone()]);
        let rest_step = self.step(&remaining, var, next)?;
        let after = Expr::sub(
            Expr::mul(vec![u.clone(), v.clone()]),
            rest_step.after.clone(),
        );
        let detail = Detail::ByParts {
            u,
            dv,
            du,
            v,
            choice,
        };
        Some(Step::new(
            Rule::ByParts,
            var,
            e,
            after,
            detail,
            vec![v_step, rest_step],
        ))
    }

    /// xⁿ times eᵃˣ, sin, cos, …: by parts n times at once, set out as a table of
    /// u's derivatives beside dv's repeated integrals.
    fn tabular(
        &self,
        e: &Expr,
        var: &Symbol,
        level: Level,
        u: &Expr,
        dv: &Expr,
        n: i64,
    ) -> Option<Step> {
        let mut derivatives = vec![u.clone()];
        for _ in 0..n {
            let next = derive(derivatives.last()?, var).after;
            derivatives.push(next);
        }
        let mut integrals = Vec::new();
        let mut first = None;
        let mut current = dv.clone();
        for _ in 0..=n {
            let step = self.step(&current, var, level.deeper())?;
            current = step.after.clone();
            integrals.push(current.clone());
            first.get_or_insert(step);
        }
        let terms = derivatives
            .iter()
            .zip(&integrals)
            .enumerate()
            .map(|(k, (d, i))| {
                let sign = Expr::int(if k % 2 == 0 { 1 } else { -1 });
                Expr::mul(vec![sign, d.clone(), i.clone()])
            })
            .collect();
        let after = Expr::add(terms);
        let rows = derivatives.into_iter().zip(integrals).collect();
        let detail = Detail::Tabular { rows };
        Some(Step::new(
            Rule::TabularParts,
            var,
            e,
            after,
            detail,
            first.into_iter().collect(),
        ))
    }

    /// eᵃˣ·sin bx and eᵃˣ·cos bx: by parts twice brings back the integral I
    /// itself, I = once + k·I, and algebra finishes it: I = once/(1 − k).
    pub(super) fn cyclic(&self, e: &Expr, var: &Symbol, level: Level) -> Option<Step> {
        let (exp, trig, func) = cyclic_pair(e, var)?;
        let Kind::Func(_, arg) = trig.kind() else {
            return None;
        };
        let other = Expr::func(
            if func == Func::Sin {
                Func::Cos
            } else {
                Func::Sin
            },
            arg.clone(),
        );
        let v_step = self.step(&exp, var, level.deeper())?;
        let v = v_step.after.clone();
        let ratio_to = |r: &Expr, f: &Expr| {
            let k = Expr::mul(vec![
                r.clone(),
                Expr::recip(exp.clone()),
                Expr::recip(f.clone()),
            ]);
            (!k.contains(var)).then_some(k)
        };
        let du1 = derive(&trig, var).after;
        let k1 = ratio_to(&Expr::mul(vec![v.clone(), du1.clone()]), &other)?;
        let du2 = derive(&other, var).after;
        let k2 = ratio_to(&Expr::mul(vec![v.clone(), du2.clone()]), &trig)?;
        let once = Expr::sub(
            Expr::mul(vec![trig.clone(), v.clone()]),
            Expr::mul(vec![k1.clone(), other.clone(), v.clone()]),
        );
        let k = Expr::mul(vec![k1.clone(), k2]);
        let scale = Expr::sub(Expr::one(), k.clone());
        if scale.is_zero() {
            return None;
        }
        let after = solved(&exp, &trig, &other, &v, &k1, &scale)
            .unwrap_or_else(|| Expr::div(once.clone(), scale));
        let detail = Detail::Cyclic {
            first: (trig, du1),
            second: (other, du2),
            v,
            once,
            k,
        };
        Some(Step::new(
            Rule::CyclicParts,
            var,
            e,
            after,
            detail,
            vec![v_step],
        ))
    }
}

/// I = once/(1 − k) in the book's shape: eᵃˣ·(p·sin bx + q·cos bx)/r with whole p and q.
fn solved(
    exp: &Expr,
    trig: &Expr,
    other: &Expr,
    v: &Expr,
    k1: &Expr,
    scale: &Expr,
) -> Option<Expr> {
    let c = Expr::mul(vec![v.clone(), Expr::recip(exp.clone())]);
    let k1 = k1.as_number()?;
    let m = Expr::mul(vec![c, Expr::recip(scale.clone())])
        .as_number()?
        .clone();
    let d = Number::from_big(k1.denom(), 1.into());
    let inside = Expr::add(vec![
        Expr::mul(vec![Expr::num(d.clone()), trig.clone()]),
        Expr::mul(vec![Expr::num(k1.mul(&d).neg()), other.clone()]),
    ]);
    Some(Expr::mul(vec![
        Expr::num(m.mul(&d.recip()?)),
        exp.clone(),
        inside,
    ]))
}
