//! Exact differentiation that records each rule as it applies it.
//!
//! The result of every step is computed in the same walk that records the
//! step, so the printed path is always the computed path.

use super::step::{Detail, Rule, Step};
use crate::expr::{substitute, Applied, Constant, Expr, Func, Kind, Number, Symbol};

/// Names for inner functions, by nesting level: u, then v, w, …
const HELPER_NAMES: [&str; 6] = ["u", "v", "w", "p", "q", "s"];

/// Differentiates `e` with respect to `var`, recording every step.
pub fn derive(e: &Expr, var: &str) -> Step {
    let mut taken = e.free_vars();
    taken.push(Symbol::from(var));
    let names = HELPER_NAMES
        .iter()
        .map(|n| Symbol::from(*n))
        .filter(|n| !taken.contains(n))
        .collect();
    let deriver = Deriver { names, taken };
    deriver.step(e, &Symbol::from(var), 0)
}

struct Deriver {
    /// Free helper letters, one per nesting level.
    names: Vec<Symbol>,
    /// Names already used in the expression, which helpers must avoid.
    taken: Vec<Symbol>,
}

impl Deriver {
    /// The helper name for a chain rule nested `level` deep: u, v, w, …, then u1, u2, …
    fn helper(&self, level: usize) -> Symbol {
        if let Some(n) = self.names.get(level) {
            return n.clone();
        }
        let mut k = level - self.names.len() + 1;
        loop {
            let candidate = Symbol::from(format!("u{k}"));
            if !self.taken.contains(&candidate) {
                return candidate;
            }
            k += 1;
        }
    }

    fn step(&self, e: &Expr, var: &Symbol, level: usize) -> Step {
        if !e.contains(var) {
            return leaf(Rule::Constant, var, e, Expr::zero());
        }
        match e.kind() {
            Kind::Var(_) => leaf(Rule::Variable, var, e, Expr::one()),
            Kind::Add(terms) => {
                let substeps: Vec<Step> = terms.iter().map(|t| self.step(t, var, level)).collect();
                let after = Expr::add(substeps.iter().map(|s| s.after.clone()).collect());
                Step::new(Rule::Sum, var, e, after, Detail::None, substeps)
            }
            Kind::Mul(factors) => self.product(e, factors, var, level),
            Kind::Pow(base, exp) => self.power(e, base, exp, var, level),
            Kind::Func(f, arg) => {
                let outer = Expr::func(*f, Expr::symbol(var.clone()));
                self.outer_inner(e, outer, arg, var, level, |u| function_rule(*f, u))
            }
            Kind::Log(base, arg) if !base.contains(var) => {
                let outer = Expr::log(base.clone(), Expr::symbol(var.clone()));
                let b = base.clone();
                self.outer_inner(e, outer, arg, var, level, move |u| {
                    let slope = Expr::recip(Expr::mul(vec![u.clone(), Expr::ln(b.clone())]));
                    (Rule::LogBase, slope)
                })
            }
            Kind::Log(base, arg) => {
                // A base that moves with the variable: change of base, ln(arg)/ln(base).
                let rewritten = Expr::div(Expr::ln(arg.clone()), Expr::ln(base.clone()));
                let inner = self.step(&rewritten, var, level);
                let after = inner.after.clone();
                Step::new(
                    Rule::GeneralPower,
                    var,
                    e,
                    after,
                    Detail::GeneralPower { rewritten },
                    vec![inner],
                )
            }
            Kind::Apply(f) => self.applied(e, f, var, level),
            Kind::Num(_) | Kind::Const(_) => leaf(Rule::Constant, var, e, Expr::zero()),
        }
    }

    /// A function with no formula: its slope is only named (f′, ∂f/∂x), times the
    /// slope of its input by the chain rule; when several inputs move, one share each.
    fn applied(&self, e: &Expr, f: &Applied, var: &Symbol, level: usize) -> Step {
        let moving: Vec<usize> = (0..f.args.len())
            .filter(|i| f.args[*i].contains(var))
            .collect();
        if let [slot] = moving.as_slice() {
            let slot = *slot;
            let mut args = f.args.clone();
            args[slot] = Expr::symbol(var.clone());
            let outer = f.with_args(args.clone());
            return self.outer_inner(e, outer, &f.args[slot], var, level, |u| {
                let mut at = args.clone();
                at[slot] = u.clone();
                (Rule::AbstractFunction, f.slope_at(slot, at))
            });
        }
        let substeps: Vec<Step> = moving
            .iter()
            .map(|i| self.step(&f.args[*i], var, level + 1))
            .collect();
        let slopes: Vec<Expr> = moving.iter().map(|i| f.slope_by(*i)).collect();
        let after = Expr::add(
            slopes
                .iter()
                .zip(&substeps)
                .map(|(slope, s)| spread(slope.clone(), s.after.clone()))
                .collect(),
        );
        let detail = Detail::Inputs { slopes };
        Step::new(Rule::ChainInputs, var, e, after, detail, substeps)
    }

    fn product(&self, e: &Expr, factors: &[Expr], var: &Symbol, level: usize) -> Step {
        let (dependent, constant): (Vec<Expr>, Vec<Expr>) =
            factors.iter().cloned().partition(|f| f.contains(var));
        if !constant.is_empty() {
            let constant = Expr::mul(constant);
            let rest = Expr::mul(dependent);
            let inner = self.step(&rest, var, level);
            let after = Expr::mul(vec![constant.clone(), inner.after.clone()]);
            let detail = Detail::ConstantMultiple { constant };
            return Step::new(Rule::ConstantMultiple, var, e, after, detail, vec![inner]);
        }
        let (below, above): (Vec<Expr>, Vec<Expr>) = dependent
            .iter()
            .cloned()
            .partition(|f| negative_power(f).is_some());
        if !below.is_empty() && !above.is_empty() {
            let numerator = Expr::mul(above);
            let denominator = Expr::mul(below.iter().filter_map(negative_power).collect());
            let top = self.step(&numerator, var, level);
            let bottom = self.step(&denominator, var, level);
            let after = Expr::div(
                Expr::sub(
                    spread(top.after.clone(), denominator.clone()),
                    spread(numerator.clone(), bottom.after.clone()),
                ),
                Expr::pow(denominator.clone(), Expr::int(2)),
            );
            let detail = Detail::Quotient {
                numerator,
                denominator,
            };
            return Step::new(Rule::Quotient, var, e, after, detail, vec![top, bottom]);
        }
        let first = dependent[0].clone();
        let second = Expr::mul(dependent[1..].to_vec());
        let f = self.step(&first, var, level);
        let g = self.step(&second, var, level);
        let after = Expr::add(vec![
            spread(f.after.clone(), second.clone()),
            spread(first.clone(), g.after.clone()),
        ]);
        let detail = Detail::Product { first, second };
        Step::new(Rule::Product, var, e, after, detail, vec![f, g])
    }

    fn power(&self, e: &Expr, base: &Expr, exp: &Expr, var: &Symbol, level: usize) -> Step {
        let x = Expr::symbol(var.clone());
        match (base.contains(var), exp.contains(var)) {
            (true, false) => {
                let outer = Expr::pow(x, exp.clone());
                let n = exp.clone();
                self.outer_inner(e, outer, base, var, level, move |u| power_rule(u, &n))
            }
            // 0^u is 0 wherever it has a value (u > 0), so it does not move: no ln 0 appears.
            (false, _) if base.is_zero() => leaf(Rule::Constant, var, e, Expr::zero()),
            (false, _) => {
                let outer = Expr::pow(base.clone(), x);
                let a = base.clone();
                self.outer_inner(e, outer, exp, var, level, move |u| {
                    let grown = Expr::pow(a.clone(), u.clone());
                    if matches!(a.kind(), Kind::Const(Constant::E)) {
                        (Rule::Exp, grown)
                    } else {
                        (Rule::ExpBase, Expr::mul(vec![grown, Expr::ln(a.clone())]))
                    }
                })
            }
            (true, true) => {
                let exponent = Expr::mul(vec![exp.clone(), Expr::ln(base.clone())]);
                let rewritten = Expr::pow_held(Expr::e(), exponent);
                let inner = self.step(&rewritten, var, level);
                let after = inner.after.clone();
                let detail = Detail::GeneralPower { rewritten };
                Step::new(Rule::GeneralPower, var, e, after, detail, vec![inner])
            }
        }
    }

    /// A function applied to `inner`: its own rule when `inner` is the variable,
    /// otherwise the chain rule, outer × inner.
    fn outer_inner(
        &self,
        e: &Expr,
        outer_in_var: Expr,
        inner: &Expr,
        var: &Symbol,
        level: usize,
        rule: impl Fn(&Expr) -> (Rule, Expr),
    ) -> Step {
        if inner.is_var(var) {
            let (r, after) = rule(inner);
            return Step::new(r, var, e, after, leaf_detail(r, e), Vec::new());
        }
        let name = self.helper(level);
        let u = Expr::symbol(name.clone());
        let outer = substitute(&outer_in_var, var, &u);
        let (r, outer_after) = rule(&u);
        let outer_detail = leaf_detail(r, &outer);
        let outer_step = Step::new(
            r,
            &name,
            &outer,
            outer_after.clone(),
            outer_detail,
            Vec::new(),
        );
        let inner_step = self.step(inner, var, level + 1);
        let outer_derivative_at_inner = substitute(&outer_after, &name, inner);
        let after = Expr::mul(vec![
            outer_derivative_at_inner.clone(),
            inner_step.after.clone(),
        ]);
        let detail = Detail::Chain {
            name,
            inner: inner.clone(),
            outer,
            outer_derivative_at_inner,
        };
        Step::new(
            Rule::Chain,
            var,
            e,
            after,
            detail,
            vec![outer_step, inner_step],
        )
    }
}

/// a·b, with a single factor spread over a sum so that like terms can meet:
/// x³·(2e^(2x)·sin x + e^(2x)·cos x) becomes two terms. A sum times a sum stays
/// a product, since multiplying those out can grow without bound.
fn spread(a: Expr, b: Expr) -> Expr {
    let is_sum = |e: &Expr| matches!(e.kind(), Kind::Add(_));
    match (is_sum(&a), is_sum(&b)) {
        (false, true) => Expr::add(
            b.terms()
                .iter()
                .map(|t| Expr::mul(vec![a.clone(), t.clone()]))
                .collect(),
        ),
        (true, false) => Expr::add(
            a.terms()
                .iter()
                .map(|t| Expr::mul(vec![t.clone(), b.clone()]))
                .collect(),
        ),
        _ => Expr::mul(vec![a, b]),
    }
}

/// What a table rule applied to `e` (a power of the variable) needs to be explained.
fn leaf_detail(rule: Rule, e: &Expr) -> Detail {
    match (rule, e.kind()) {
        (Rule::Power, _) => Detail::Power {
            exponent: e.split_power().1,
        },
        (Rule::ExpBase, Kind::Pow(base, _)) => Detail::exp_base(base),
        _ => Detail::None,
    }
}

fn leaf(rule: Rule, var: &Symbol, before: &Expr, after: Expr) -> Step {
    Step::new(rule, var, before, after, Detail::None, Vec::new())
}

/// `b` for a factor `b^(-k)` written below a fraction bar: the positive power `b^k`.
fn negative_power(f: &Expr) -> Option<Expr> {
    match f.kind() {
        Kind::Pow(b, x) => {
            let n = x.as_number().filter(|n| n.is_negative())?;
            Some(Expr::pow(b.clone(), Expr::num(n.neg())))
        }
        _ => None,
    }
}

/// d/du u^n = n·u^(n−1); a half power is the square-root rule.
fn power_rule(u: &Expr, n: &Expr) -> (Rule, Expr) {
    let lowered = Expr::add(vec![n.clone(), Expr::int(-1)]);
    let after = Expr::mul(vec![n.clone(), Expr::pow(u.clone(), lowered)]);
    let rule = if n.as_number() == Some(&Number::ratio(1, 2)) {
        Rule::Sqrt
    } else {
        Rule::Power
    };
    (rule, after)
}

/// The derivative of each named function at `u`, and the rule that gives it.
fn function_rule(f: Func, u: &Expr) -> (Rule, Expr) {
    let sq = |e: Expr| Expr::pow(e, Expr::int(2));
    let one_minus_u_sq = || Expr::sub(Expr::one(), sq(u.clone()));
    let inv_root = |e: Expr| Expr::pow(e, Expr::ratio(-1, 2));
    let call = |g: Func| Expr::func(g, u.clone());
    match f {
        Func::Sin => (Rule::Sin, call(Func::Cos)),
        Func::Cos => (Rule::Cos, Expr::neg(call(Func::Sin))),
        Func::Tan => (Rule::Tan, sq(call(Func::Sec))),
        Func::Sec => (Rule::Sec, Expr::mul(vec![call(Func::Sec), call(Func::Tan)])),
        Func::Csc => (
            Rule::Csc,
            Expr::neg(Expr::mul(vec![call(Func::Csc), call(Func::Cot)])),
        ),
        Func::Cot => (Rule::Cot, Expr::neg(sq(call(Func::Csc)))),
        Func::Arcsin => (Rule::Arcsin, inv_root(one_minus_u_sq())),
        Func::Arccos => (Rule::Arccos, Expr::neg(inv_root(one_minus_u_sq()))),
        Func::Arctan => (
            Rule::Arctan,
            Expr::recip(Expr::add(vec![Expr::one(), sq(u.clone())])),
        ),
        Func::Sinh => (Rule::Sinh, call(Func::Cosh)),
        Func::Cosh => (Rule::Cosh, call(Func::Sinh)),
        Func::Tanh => (Rule::Tanh, Expr::sub(Expr::one(), sq(call(Func::Tanh)))),
        Func::Ln => (Rule::Ln, Expr::recip(u.clone())),
        Func::Abs => (Rule::Abs, Expr::div(u.clone(), call(Func::Abs))),
        Func::Sigmoid => (
            Rule::Sigmoid,
            Expr::mul(vec![
                call(Func::Sigmoid),
                Expr::sub(Expr::one(), call(Func::Sigmoid)),
            ]),
        ),
        Func::Relu => (Rule::Relu, call(Func::Step)),
        Func::Step => (Rule::Step, Expr::zero()),
        Func::Softplus => (Rule::Softplus, call(Func::Sigmoid)),
    }
}
