//! Antiderivatives with their step trees: the rules of differentiation read backwards.
//!
//! Like `derive`, each step's result is computed in the walk that records the
//! step. The strategy tries methods in the order a teacher would: the table of
//! known slopes; for a fraction of polynomials, division when the top is not
//! lower than the bottom; by parts with dv = dx for a lone ln or inverse
//! function; substitution; partial fractions or completing the square; a
//! trigonometric identity; by parts; and last, multiplying out brackets.
//! Every rule either finishes or hands a strictly simpler integral on, and the
//! depth and attempt limits stop the search in any case.

mod parts;
mod poly;
pub use poly::rational_roots;
mod rational;
mod shape;
mod table;
mod trig;

use super::derive::derive;
use super::rewrite::{expand, replace};
use super::step::{Detail, Rule, Step};
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
    let mut step = integrator.step(e, &Symbol::from(var), Level::default())?;
    step.after = shape::tidy(&step.after, var);
    Some(step)
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
        // The answer's work budget (time, size, Ctrl-C) is looked at on every attempt.
        crate::budget::check();
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
        if let Some(s) = table::table(e, var) {
            return Some(s);
        }
        if level.depth >= MAX_DEPTH {
            return None;
        }
        let lone = e.factors().len() == 1;
        self.rational(e, var, level)
            .or_else(|| lone.then(|| self.by_parts(e, var, level)).flatten())
            .or_else(|| self.log_to_ln(e, var, level))
            .or_else(|| self.trig(e, var, level))
            .or_else(|| self.cyclic(e, var, level))
            .or_else(|| self.substitution(e, var, level, false))
            .or_else(|| (!lone).then(|| self.by_parts(e, var, level)).flatten())
            .or_else(|| self.substitution(e, var, level, true))
            .or_else(|| self.expanded(e, var, level))
    }

    /// log_a u = ln u / ln a: the base is only a constant factor.
    fn log_to_ln(&self, e: &Expr, var: &Symbol, level: Level) -> Option<Step> {
        let mut changed = false;
        let factors: Vec<Expr> = e
            .factors()
            .iter()
            .map(|f| match f.kind() {
                Kind::Log(b, a) if !b.contains(var) => {
                    changed = true;
                    Expr::div(Expr::ln(a.clone()), Expr::ln(b.clone()))
                }
                _ => f.clone(),
            })
            .collect();
        if !changed {
            return None;
        }
        let rewritten = Expr::mul(factors);
        let inner = self.step(&rewritten, var, level.deeper())?;
        let after = inner.after.clone();
        Some(Step::new(
            Rule::LogToLn,
            var,
            e,
            after,
            Detail::Rewrite { rewritten },
            vec![inner],
        ))
    }

    /// ∫ f(g(x))·g′(x) dx = ∫ f(u) du with u = g(x), up to a constant factor.
    /// With `inverse`, an x left over is also written through u (x = (u − b)/a for
    /// u = ax + b, x = eᵘ for u = ln x, x = u² for u = √x, x = ln u for u = eˣ):
    /// tried only after by parts, which a book uses for x·sin 2x.
    fn substitution(&self, e: &Expr, var: &Symbol, level: Level, inverse: bool) -> Option<Step> {
        let name = self.helper(level.substitutions);
        let u = Expr::symbol(name.clone());
        // A polynomial is better multiplied out, a fraction divided or split.
        let polynomial = poly::Poly::from_expr(e, var).is_some() || rational::is_fraction(e, var);
        for g in candidates(e, var).into_iter().take(MAX_CANDIDATES) {
            let slope = derive(&g, var).after;
            if slope.is_zero() {
                continue;
            }
            let ratio = Expr::mul(vec![e.clone(), Expr::recip(slope.clone())]);
            let mut rewritten = replace(&ratio, &g, &u);
            if rewritten.contains(var) && inverse && !slope.contains(var) && !polynomial {
                // u = a·x + b also gives x = (u − b)/a for the x left over.
                let b = substitute(&g, var, &Expr::zero());
                let x_is = Expr::div(Expr::sub(u.clone(), b), slope.clone());
                let back = substitute(&rewritten, var, &x_is);
                rewritten = expand(&back).unwrap_or(back);
            }
            if rewritten.contains(var) && inverse {
                // u = x²: x⁴ is u², and only even powers of x may be left.
                if let Some(m) = whole_power(&g, var) {
                    rewritten = powers_through(&rewritten, var, m, &u);
                } else if let Some(x_is) = inverse_of(&g, var, &u) {
                    // u = ln x, √x or eˣ: the x left over is eᵘ, u² or ln u.
                    rewritten = substitute(&rewritten, var, &x_is);
                }
            }
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
            let after = shape::tidy(&substitute(&inner.after, &name, &g), var);
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

/// m when `g` is x to a whole power m ≥ 2.
fn whole_power(g: &Expr, var: &str) -> Option<i64> {
    match g.kind() {
        Kind::Pow(b, m) if b.is_var(var) => m.as_number()?.to_i64().filter(|m| *m >= 2),
        _ => None,
    }
}

/// `e` with every x^(k·m) written as u^k; any other x is left for the caller to see.
fn powers_through(e: &Expr, var: &str, m: i64, u: &Expr) -> Expr {
    match e.kind() {
        Kind::Pow(b, k) if b.is_var(var) => match k.as_number().and_then(Number::to_i64) {
            Some(k) if k % m == 0 => Expr::pow(u.clone(), Expr::int(k / m)),
            _ => e.clone(),
        },
        Kind::Add(items) => Expr::add(items.iter().map(|i| powers_through(i, var, m, u)).collect()),
        Kind::Mul(items) => Expr::mul(items.iter().map(|i| powers_through(i, var, m, u)).collect()),
        Kind::Pow(b, k) => Expr::pow(powers_through(b, var, m, u), powers_through(k, var, m, u)),
        Kind::Func(f, a) => Expr::func(*f, powers_through(a, var, m, u)),
        _ => e.clone(),
    }
}

/// x in terms of u when u = ln x, √x or eˣ.
fn inverse_of(g: &Expr, var: &str, u: &Expr) -> Option<Expr> {
    match g.kind() {
        Kind::Func(Func::Ln, a) if a.is_var(var) => Some(Expr::exp(u.clone())),
        Kind::Pow(b, p) if b.is_var(var) && p.as_number()?.recip()?.is_integer() => {
            Some(Expr::pow(u.clone(), Expr::num(p.as_number()?.recip()?)))
        }
        Kind::Pow(b, p) if p.is_var(var) && matches!(b.kind(), Kind::Const(Constant::E)) => {
            Some(Expr::ln(u.clone()))
        }
        _ => None,
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
            // x⁴ is (x²)²: u = x² is worth a try where x·dx stands beside it.
            let half = x.as_number().map(|n| n.mul(&Number::ratio(1, 2)));
            if let Some(h) = half.filter(|h| b.is_var(var) && h.is_integer() && !h.is_one()) {
                out.push((Expr::pow(b.clone(), Expr::num(h)), true));
            }
            collect(b, var, true, out);
            collect(x, var, true, out);
        }
        Kind::Func(_, a) | Kind::Log(_, a) => collect(a, var, true, out),
        Kind::Apply(f) => f.args.iter().for_each(|a| collect(a, var, true, out)),
        Kind::Num(_) | Kind::Const(_) | Kind::Var(_) => {}
    }
}
