//! Antiderivatives with their step trees: the rules of differentiation read backwards.
//!
//! Like `derive`, each step's result is computed in the walk that records the
//! step. Rules are tried from the simplest up: the table of known slopes, then
//! substitution, integration by parts, and multiplying out brackets.

use super::derive::derive;
use super::rewrite::{expand, replace};
use super::step::{Detail, PartsChoice, Rule, Step};
use crate::expr::{substitute, Constant, Expr, Func, Kind, Number, Symbol};
use std::cell::Cell;

/// Deepest nesting of substitutions, integrations by parts and expansions.
const MAX_DEPTH: usize = 5;
/// Largest integrand, in nodes, that nudge tries to integrate.
pub const MAX_INTEGRAND_SIZE: u32 = 400;
/// Most candidates for u tried in one substitution.
const MAX_CANDIDATES: usize = 12;
/// Most steps tried for one integral before giving up.
const MAX_ATTEMPTS: u32 = 4000;

/// Names for substitutions, by nesting: u, then v, w, …
const HELPER_NAMES: [&str; 6] = ["u", "v", "w", "p", "q", "s"];

/// An antiderivative of `e` with respect to `var` with its steps, or `None`
/// when none of the rules nudge teaches finds one.
pub fn integrate(e: &Expr, var: &str) -> Option<Step> {
    if e.size() > MAX_INTEGRAND_SIZE {
        return None;
    }
    let taken = e.free_vars();
    let names: Vec<Symbol> = HELPER_NAMES
        .iter()
        .map(|n| Symbol::from(*n))
        .filter(|n| !taken.contains(n) && &**n != var)
        .collect();
    let integrator = Integrator {
        names,
        attempts: Cell::new(0),
    };
    integrator.step(e, &Symbol::from(var), Level::default())
}

/// How deep the search is: all rewriting rules, and substitutions alone (for naming).
#[derive(Clone, Copy, Default)]
struct Level {
    depth: usize,
    substitutions: usize,
}

impl Level {
    fn deeper(self) -> Level {
        Level {
            depth: self.depth + 1,
            ..self
        }
    }
}

struct Integrator {
    names: Vec<Symbol>,
    attempts: Cell<u32>,
}

impl Integrator {
    fn helper(&self, level: usize) -> Symbol {
        match self.names.get(level) {
            Some(n) => n.clone(),
            None => Symbol::from(format!("u{}", level + 1)),
        }
    }

    fn step(&self, e: &Expr, var: &Symbol, level: Level) -> Option<Step> {
        self.attempts.set(self.attempts.get() + 1);
        if self.attempts.get() > MAX_ATTEMPTS {
            return None;
        }
        let x = Expr::symbol(var.clone());
        if !e.contains(var) {
            let after = Expr::mul(vec![e.clone(), x]);
            return Some(Step::new(
                Rule::IntegralConstant,
                var,
                e,
                after,
                Detail::None,
                vec![],
            ));
        }
        match e.kind() {
            Kind::Add(terms) => {
                let mut substeps = Vec::with_capacity(terms.len());
                for t in terms {
                    substeps.push(self.step(t, var, level)?);
                }
                let after = Expr::add(substeps.iter().map(|s| s.after.clone()).collect());
                return Some(Step::new(
                    Rule::IntegralSum,
                    var,
                    e,
                    after,
                    Detail::None,
                    substeps,
                ));
            }
            Kind::Mul(factors) => {
                let (dependent, constant): (Vec<Expr>, Vec<Expr>) =
                    factors.iter().cloned().partition(|f| f.contains(var));
                if !constant.is_empty() {
                    let constant = Expr::mul(constant);
                    let inner = self.step(&Expr::mul(dependent), var, level)?;
                    let after = Expr::mul(vec![constant.clone(), inner.after.clone()]);
                    let detail = Detail::ConstantMultiple { constant };
                    return Some(Step::new(
                        Rule::IntegralConstantMultiple,
                        var,
                        e,
                        after,
                        detail,
                        vec![inner],
                    ));
                }
            }
            _ => {}
        }
        if let Some(s) = table(e, var) {
            return Some(s);
        }
        if level.depth >= MAX_DEPTH {
            return None;
        }
        self.substitution(e, var, level)
            .or_else(|| self.by_parts(e, var, level))
            .or_else(|| self.expanded(e, var, level))
    }

    /// ∫ f(g(x))·g′(x) dx = ∫ f(u) du with u = g(x), up to a constant factor.
    fn substitution(&self, e: &Expr, var: &Symbol, level: Level) -> Option<Step> {
        let name = self.helper(level.substitutions);
        let u = Expr::symbol(name.clone());
        for g in candidates(e, var).into_iter().take(MAX_CANDIDATES) {
            let slope = derive(&g, var).after;
            if slope.is_zero() {
                continue;
            }
            let ratio = Expr::mul(vec![e.clone(), Expr::recip(slope.clone())]);
            let rewritten = replace(&ratio, &g, &u);
            if rewritten.contains(var) || !rewritten.contains(&name) {
                continue;
            }
            let inner_level = Level {
                depth: level.depth + 1,
                substitutions: level.substitutions + 1,
            };
            let Some(inner) = self.step(&rewritten, &name, inner_level) else {
                continue;
            };
            let after = substitute(&inner.after, &name, &g);
            let rule = if slope.contains(var) {
                Rule::USubstitution
            } else {
                Rule::LinearSubstitution
            };
            let detail = Detail::Substitution {
                name: name.clone(),
                inner: g,
                slope,
                rewritten,
            };
            return Some(Step::new(rule, var, e, after, detail, vec![inner]));
        }
        None
    }

    /// ∫ u dv = u·v − ∫ v du, for ln x times a power of x, and a power of x
    /// times eˣ, sin or cos.
    fn by_parts(&self, e: &Expr, var: &Symbol, level: Level) -> Option<Step> {
        let factors = e.factors();
        let is_ln = |f: &Expr| matches!(f.kind(), Kind::Func(Func::Ln, a) if a.is_var(var));
        let others = |i: usize| {
            let rest: Vec<Expr> = factors
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, f)| f.clone())
                .collect();
            Expr::mul(rest)
        };
        let (u, dv, choice) = if let Some(i) = factors.iter().position(is_ln) {
            let dv = others(i);
            if !(dv.is_one() || power_of_var(&dv, var).is_some()) {
                return None;
            }
            (factors[i].clone(), dv, PartsChoice::Logarithm)
        } else {
            if factors.len() != 2 {
                return None;
            }
            let i = factors.iter().position(|f| {
                power_of_var(f, var).is_some_and(|n| n.is_integer() && !n.is_negative())
            })?;
            let dv = others(i);
            if !keeps_its_shape(&dv, var) {
                return None;
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

    /// Brackets multiplied out, when that turns the integrand into a sum of easy terms.
    fn expanded(&self, e: &Expr, var: &Symbol, level: Level) -> Option<Step> {
        let expanded = expand(e)?;
        let inner = self.step(&expanded, var, level.deeper())?;
        let after = inner.after.clone();
        Some(Step::new(
            Rule::Expand,
            var,
            e,
            after,
            Detail::Expand { expanded },
            vec![inner],
        ))
    }
}

/// The rules read straight off the table of slopes, for the variable itself.
fn table(e: &Expr, var: &Symbol) -> Option<Step> {
    let x = Expr::symbol(var.clone());
    let leaf = |rule, after, detail| Some(Step::new(rule, var, e, after, detail, vec![]));
    let sq = |e: Expr| Expr::pow(e, Expr::int(2));
    match e.kind() {
        Kind::Var(_) => reverse_power(e, var, &Number::one()),
        Kind::Pow(b, n) if b.is_var(var) => reverse_power(e, var, n.as_number()?),
        Kind::Pow(b, p) if p.is_var(var) && !b.contains(var) => match b.kind() {
            Kind::Const(Constant::E) => leaf(Rule::IntegralExp, e.clone(), Detail::None),
            Kind::Num(n) if n.is_negative() => None,
            _ => {
                let after = Expr::div(e.clone(), Expr::ln(b.clone()));
                leaf(Rule::IntegralExpBase, after, Detail::exp_base(b))
            }
        },
        Kind::Func(Func::Sin, a) if a.is_var(var) => leaf(
            Rule::IntegralSin,
            Expr::neg(Expr::func(Func::Cos, x)),
            Detail::None,
        ),
        Kind::Func(Func::Cos, a) if a.is_var(var) => {
            leaf(Rule::IntegralCos, Expr::func(Func::Sin, x), Detail::None)
        }
        Kind::Func(Func::Tan, a) if a.is_var(var) => {
            let cos = Expr::func(Func::Cos, x);
            let after = Expr::neg(Expr::ln(Expr::func(Func::Abs, cos)));
            leaf(Rule::IntegralTan, after, Detail::None)
        }
        Kind::Func(Func::Sinh, a) if a.is_var(var) => {
            leaf(Rule::IntegralSinh, Expr::func(Func::Cosh, x), Detail::None)
        }
        Kind::Func(Func::Cosh, a) if a.is_var(var) => {
            leaf(Rule::IntegralCosh, Expr::func(Func::Sinh, x), Detail::None)
        }
        Kind::Pow(b, n) => {
            let n = n.as_number()?;
            let sec = Expr::func(Func::Sec, x.clone());
            let cos = Expr::func(Func::Cos, x.clone());
            let tan = || Expr::func(Func::Tan, x.clone());
            if (*b == sec && *n == Number::int(2)) || (*b == cos && *n == Number::int(-2)) {
                return leaf(Rule::IntegralSecSquared, tan(), Detail::None);
            }
            if *b == Expr::add(vec![Expr::one(), sq(x.clone())]) && *n == Number::int(-1) {
                let after = Expr::func(Func::Arctan, x);
                return leaf(Rule::IntegralArctan, after, Detail::None);
            }
            if *b == Expr::sub(Expr::one(), sq(x.clone())) && *n == Number::ratio(-1, 2) {
                let after = Expr::func(Func::Arcsin, x);
                return leaf(Rule::IntegralArcsin, after, Detail::None);
            }
            None
        }
        _ => None,
    }
}

/// ∫ xⁿ dx = x^(n+1)/(n+1), and ∫ 1/x dx = ln|x|.
fn reverse_power(e: &Expr, var: &Symbol, n: &Number) -> Option<Step> {
    let x = Expr::symbol(var.clone());
    if *n == Number::int(-1) {
        let after = Expr::ln(Expr::func(Func::Abs, x));
        return Some(Step::new(
            Rule::Reciprocal,
            var,
            e,
            after,
            Detail::None,
            vec![],
        ));
    }
    let raised = Expr::num(n.add(&Number::one()));
    let after = Expr::div(Expr::pow(x, raised.clone()), raised);
    let detail = Detail::Power {
        exponent: Expr::num(n.clone()),
    };
    Some(Step::new(Rule::ReversePower, var, e, after, detail, vec![]))
}

/// n when `e` is the variable to a numeric power n (the variable itself is n = 1).
fn power_of_var(e: &Expr, var: &str) -> Option<Number> {
    match e.kind() {
        Kind::Var(_) if e.is_var(var) => Some(Number::one()),
        Kind::Pow(b, n) if b.is_var(var) => n.as_number().cloned(),
        _ => None,
    }
}

/// eˣ, sin and cos of something: integrating them gives back the same kind of function.
fn keeps_its_shape(e: &Expr, var: &str) -> bool {
    match e.kind() {
        Kind::Pow(b, x) => !b.contains(var) && x.contains(var),
        Kind::Func(Func::Sin | Func::Cos, a) => a.contains(var),
        _ => false,
    }
}

/// Parts of `e` worth trying as u: what sits inside a function or a power
/// first (largest first), then the other pieces that contain the variable.
fn candidates(e: &Expr, var: &Symbol) -> Vec<Expr> {
    let mut found: Vec<(Expr, bool)> = Vec::new();
    collect(e, var, false, &mut found);
    found.retain(|(g, _)| g != e && !g.is_var(var));
    let mut unique: Vec<(Expr, bool)> = Vec::new();
    for (g, inside) in found {
        match unique.iter_mut().find(|(h, _)| *h == g) {
            Some(seen) => seen.1 |= inside,
            None => unique.push((g, inside)),
        }
    }
    unique.sort_by_key(|(g, inside)| (!*inside, std::cmp::Reverse(g.size())));
    unique.into_iter().map(|(g, _)| g).collect()
}

fn collect(e: &Expr, var: &Symbol, inside: bool, out: &mut Vec<(Expr, bool)>) {
    if !e.contains(var) {
        return;
    }
    out.push((e.clone(), inside));
    match e.kind() {
        Kind::Add(items) | Kind::Mul(items) => {
            items.iter().for_each(|i| collect(i, var, false, out));
        }
        Kind::Pow(b, x) => {
            collect(b, var, true, out);
            collect(x, var, true, out);
        }
        Kind::Func(_, a) | Kind::Log(_, a) => collect(a, var, true, out),
        Kind::Apply(f) => f.args.iter().for_each(|a| collect(a, var, true, out)),
        Kind::Num(_) | Kind::Const(_) | Kind::Var(_) => {}
    }
}
