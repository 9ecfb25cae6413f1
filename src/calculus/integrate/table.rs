//! The rules read straight off the table of slopes, for the variable itself, and the standard forms with a constant a.

use crate::calculus::exact::sqrt_rational;
use crate::calculus::step::{Detail, Rule, Step};
use crate::expr::{Constant, Expr, Func, Kind, Number, Symbol};

/// A leaf of the table: `∫ e d(var) = after` by `rule`.
fn leaf(rule: Rule, var: &Symbol, e: &Expr, after: Expr, detail: Detail) -> Option<Step> {
    Some(Step::new(rule, var, e, after, detail, vec![]))
}

pub(super) fn table(e: &Expr, var: &Symbol) -> Option<Step> {
    let x = Expr::symbol(var.clone());
    let f = |func: Func| Expr::func(func, x.clone());
    let simple = |rule, after| leaf(rule, var, e, after, Detail::None);
    match e.kind() {
        Kind::Var(_) => reverse_power(e, var, &Number::one()),
        Kind::Pow(b, n) if b.is_var(var) => match n.as_number() {
            Some(n) => reverse_power(e, var, n),
            None if !n.contains(var) => general_exponent(e, var, n),
            None => None,
        },
        Kind::Pow(b, p) if p.is_var(var) && !b.contains(var) => match b.kind() {
            Kind::Const(Constant::E) => simple(Rule::IntegralExp, e.clone()),
            Kind::Num(n) if n.is_negative() => None,
            _ => {
                let after = Expr::div(e.clone(), Expr::ln(b.clone()));
                leaf(Rule::IntegralExpBase, var, e, after, Detail::exp_base(b))
            }
        },
        Kind::Func(func, a) if a.is_var(var) => match func {
            Func::Sin => simple(Rule::IntegralSin, Expr::neg(f(Func::Cos))),
            Func::Cos => simple(Rule::IntegralCos, f(Func::Sin)),
            Func::Tan => simple(
                Rule::IntegralTan,
                Expr::neg(Expr::ln(Expr::func(Func::Abs, f(Func::Cos)))),
            ),
            Func::Sec => simple(
                Rule::IntegralSec,
                Expr::ln(Expr::func(
                    Func::Abs,
                    Expr::add(vec![f(Func::Sec), f(Func::Tan)]),
                )),
            ),
            Func::Csc => simple(
                Rule::IntegralCsc,
                Expr::neg(Expr::ln(Expr::func(
                    Func::Abs,
                    Expr::add(vec![f(Func::Csc), f(Func::Cot)]),
                ))),
            ),
            Func::Cot => simple(
                Rule::IntegralCot,
                Expr::ln(Expr::func(Func::Abs, f(Func::Sin))),
            ),
            Func::Sinh => simple(Rule::IntegralSinh, f(Func::Cosh)),
            Func::Cosh => simple(Rule::IntegralCosh, f(Func::Sinh)),
            // cosh is never below 1, so ln needs no bars.
            Func::Tanh => simple(Rule::IntegralTanh, Expr::ln(f(Func::Cosh))),
            Func::Abs => simple(
                Rule::IntegralAbs,
                Expr::mul(vec![Expr::ratio(1, 2), x.clone(), f(Func::Abs)]),
            ),
            Func::Sigmoid => simple(Rule::IntegralSigmoid, f(Func::Softplus)),
            Func::Relu => simple(
                Rule::IntegralRelu,
                Expr::mul(vec![
                    Expr::ratio(1, 2),
                    Expr::pow(f(Func::Relu), Expr::int(2)),
                ]),
            ),
            Func::Step => simple(Rule::IntegralStep, f(Func::Relu)),
            _ => None,
        },
        Kind::Mul(factors) if factors.len() == 2 => {
            let has = |func: Func| factors.contains(&f(func));
            if has(Func::Sec) && has(Func::Tan) {
                return simple(Rule::IntegralSecTan, f(Func::Sec));
            }
            if has(Func::Csc) && has(Func::Cot) {
                return simple(Rule::IntegralCscCot, Expr::neg(f(Func::Csc)));
            }
            secant_root(e, var, factors).or_else(|| square_over_sine_root(e, var, factors))
        }
        Kind::Pow(b, n) => {
            let n = n.as_number()?;
            let is = |func: Func, k: i64| *b == f(func) && *n == Number::int(k);
            if is(Func::Sec, 2) || is(Func::Cos, -2) {
                return simple(Rule::IntegralSecSquared, f(Func::Tan));
            }
            if is(Func::Sec, 3) || is(Func::Cos, -3) {
                let (sec, tan) = (f(Func::Sec), f(Func::Tan));
                let after = Expr::mul(vec![
                    Expr::ratio(1, 2),
                    Expr::add(vec![
                        Expr::mul(vec![sec.clone(), tan.clone()]),
                        Expr::ln(Expr::func(Func::Abs, Expr::add(vec![sec, tan]))),
                    ]),
                ]);
                return simple(Rule::IntegralSecCubed, after);
            }
            if is(Func::Cosh, -2) {
                return simple(Rule::IntegralSechSquared, f(Func::Tanh));
            }
            if is(Func::Csc, 2) || is(Func::Sin, -2) {
                return simple(Rule::IntegralCscSquared, Expr::neg(f(Func::Cot)));
            }
            square_forms(e, var, b, n)
        }
        _ => None,
    }
}

/// ∫ xⁿ dx = x^(n+1)/(n+1), and ∫ 1/x dx = ln|x|.
pub(super) fn reverse_power(e: &Expr, var: &Symbol, n: &Number) -> Option<Step> {
    let x = Expr::symbol(var.clone());
    if *n == Number::int(-1) {
        let after = Expr::ln(Expr::func(Func::Abs, x));
        return leaf(Rule::Reciprocal, var, e, after, Detail::None);
    }
    let raised = Expr::num(n.add(&Number::one()));
    let after = Expr::div(Expr::pow(x, raised.clone()), raised);
    let detail = Detail::Power {
        exponent: Expr::num(n.clone()),
    };
    leaf(Rule::ReversePower, var, e, after, detail)
}

/// ∫ xᵃ dx = x^(a+1)/(a+1) for an exponent held fixed (e, π, a letter), a ≠ −1.
fn general_exponent(e: &Expr, var: &Symbol, a: &Expr) -> Option<Step> {
    let raised = Expr::add(vec![a.clone(), Expr::one()]);
    if raised.is_zero() {
        return None;
    }
    let after = Expr::div(Expr::pow(Expr::symbol(var.clone()), raised.clone()), raised);
    let detail = Detail::GeneralExponent {
        exponent: a.clone(),
    };
    leaf(Rule::GeneralExponent, var, e, after, detail)
}

/// The sign of x² in a sum x² + c or c − x², and c (free of x).
fn square_and_constant(e: &Expr, var: &Symbol) -> Option<(i64, Expr)> {
    let terms = e.terms();
    if terms.len() != 2 {
        return None;
    }
    let square = Expr::pow(Expr::symbol(var.clone()), Expr::int(2));
    for (i, t) in terms.iter().enumerate() {
        let c = &terms[1 - i];
        if c.contains(var) {
            continue;
        }
        if *t == square {
            return Some((1, c.clone()));
        }
        if *t == Expr::neg(square.clone()) {
            return Some((-1, c.clone()));
        }
    }
    None
}

/// √c for a constant that is plainly a square: a positive number, a², 4a².
pub(super) fn root_of(c: &Expr) -> Option<Expr> {
    match c.kind() {
        Kind::Num(n) if !n.is_negative() && !n.is_zero() => Some(sqrt_rational(n)?.expr()),
        Kind::Pow(b, k) => {
            let k = k.as_number()?;
            let half = k.mul(&Number::ratio(1, 2));
            (k.is_integer() && half.is_integer()).then(|| Expr::pow(b.clone(), Expr::num(half)))
        }
        Kind::Mul(factors) => {
            let roots: Option<Vec<Expr>> = factors.iter().map(root_of).collect();
            Some(Expr::mul(roots?))
        }
        _ => None,
    }
}

/// The forms built on x² ± a²: 1/(x² + a²), 1/(x² − a²), 1/(a² − x²),
/// 1/√(a² − x²), 1/√(x² ± a²), and the roots √(a² − x²), √(x² ± a²).
fn square_forms(e: &Expr, var: &Symbol, base: &Expr, n: &Number) -> Option<Step> {
    let (sign, c) = square_and_constant(base, var)?;
    let x = Expr::symbol(var.clone());
    let (positive, a) = match root_of(&c) {
        Some(a) => (true, a),
        None => (false, root_of(&Expr::neg(c.clone()))?),
    };
    let form = |rule, after| leaf(rule, var, e, after, Detail::Form { a: a.clone() });
    let over_a = Expr::div(x.clone(), a.clone());
    let root = Expr::pow(base.clone(), Expr::ratio(1, 2));
    let abs = |e: Expr| Expr::func(Func::Abs, e);
    let ln_of_sum = |positive_inside: bool| {
        let sum = Expr::add(vec![x.clone(), root.clone()]);
        Expr::ln(if positive_inside { sum } else { abs(sum) })
    };
    match (sign, positive, n) {
        (1, true, n) if *n == Number::int(-1) && a.is_one() => leaf(
            Rule::IntegralArctan,
            var,
            e,
            Expr::func(Func::Arctan, x),
            Detail::None,
        ),
        (1, true, n) if *n == Number::int(-1) => form(
            Rule::ArctanForm,
            Expr::div(Expr::func(Func::Arctan, over_a), a.clone()),
        ),
        // 1/(x² − a²) = (1/(2a))·ln|(x − a)/(x + a)|, and 1/(a² − x²) the same turned over.
        (1, false, n) | (-1, true, n) if *n == Number::int(-1) => {
            let (top, bottom) = if sign == 1 {
                (
                    Expr::sub(x.clone(), a.clone()),
                    Expr::add(vec![x.clone(), a.clone()]),
                )
            } else {
                (
                    Expr::add(vec![x.clone(), a.clone()]),
                    Expr::sub(a.clone(), x.clone()),
                )
            };
            let after = Expr::div(
                Expr::ln(abs(Expr::div(top, bottom))),
                Expr::mul(vec![Expr::int(2), a.clone()]),
            );
            form(Rule::LnForm, after)
        }
        (-1, true, n) if *n == Number::ratio(-1, 2) && a.is_one() => leaf(
            Rule::IntegralArcsin,
            var,
            e,
            Expr::func(Func::Arcsin, x),
            Detail::None,
        ),
        (-1, true, n) if *n == Number::ratio(-1, 2) => {
            form(Rule::ArcsinForm, Expr::func(Func::Arcsin, over_a))
        }
        (1, _, n) if *n == Number::ratio(-1, 2) => form(Rule::RootForm, ln_of_sum(positive)),
        (-1, true, n) if *n == Number::ratio(1, 2) => {
            let theta_result = Expr::add(vec![
                Expr::mul(vec![Expr::ratio(1, 2), x.clone(), root.clone()]),
                Expr::mul(vec![
                    Expr::ratio(1, 2),
                    c.clone(),
                    Expr::func(Func::Arcsin, over_a.clone()),
                ]),
            ]);
            trig_substitution(e, var, &a, Func::Sin, theta_result)
        }
        (1, _, n) if *n == Number::ratio(1, 2) => {
            let after = Expr::add(vec![
                Expr::mul(vec![Expr::ratio(1, 2), x.clone(), root.clone()]),
                Expr::mul(vec![Expr::ratio(1, 2), c.clone(), ln_of_sum(positive)]),
            ]);
            let angle = if positive { Func::Tan } else { Func::Sec };
            trig_substitution(e, var, &a, angle, after)
        }
        _ => None,
    }
}

/// x²/√(a² − x²) = (a²/2)·arcsin(x/a) − (x/2)·√(a² − x²), by x = a·sin θ.
fn square_over_sine_root(e: &Expr, var: &Symbol, factors: &[Expr]) -> Option<Step> {
    let x = Expr::symbol(var.clone());
    let square = Expr::pow(x.clone(), Expr::int(2));
    let i = factors.iter().position(|f| *f == square)?;
    let Kind::Pow(base, n) = factors[1 - i].kind() else {
        return None;
    };
    let (sign, c) = square_and_constant(base, var)?;
    if sign != -1 || n.as_number()? != &Number::ratio(-1, 2) {
        return None;
    }
    let a = root_of(&c)?;
    let root = Expr::pow(base.clone(), Expr::ratio(1, 2));
    let after = Expr::sub(
        Expr::mul(vec![
            Expr::ratio(1, 2),
            c,
            Expr::func(Func::Arcsin, Expr::div(x.clone(), a.clone())),
        ]),
        Expr::mul(vec![Expr::ratio(1, 2), x, root]),
    );
    trig_substitution(e, var, &a, Func::Sin, after)
}

/// 1/(x·√(x² − a²)) = (1/a)·arctan(√(x² − a²)/a), by x = a·sec θ.
fn secant_root(e: &Expr, var: &Symbol, factors: &[Expr]) -> Option<Step> {
    let x = Expr::symbol(var.clone());
    let inverse_x = Expr::recip(x.clone());
    let i = factors.iter().position(|f| *f == inverse_x)?;
    let (base, n) = match factors[1 - i].kind() {
        Kind::Pow(b, n) => (b, n.as_number()?),
        _ => return None,
    };
    let (sign, c) = square_and_constant(base, var)?;
    if sign != 1 || *n != Number::ratio(-1, 2) {
        return None;
    }
    let a = root_of(&Expr::neg(c))?;
    let root = Expr::pow(base.clone(), Expr::ratio(1, 2));
    let after = Expr::div(
        Expr::func(Func::Arctan, Expr::div(root, a.clone())),
        a.clone(),
    );
    trig_substitution(e, var, &a, Func::Sec, after)
}

/// A trigonometric substitution x = a·sin θ, a·tan θ or a·sec θ, as a leaf
/// whose words walk through the angle; `after` is the result back in x.
fn trig_substitution(e: &Expr, var: &Symbol, a: &Expr, angle: Func, after: Expr) -> Option<Step> {
    let theta = Symbol::from("theta");
    let t = Expr::symbol(theta.clone());
    let x_is = Expr::mul(vec![a.clone(), Expr::func(angle, t.clone())]);
    let (root_is, slope) = match angle {
        Func::Sin => (Func::Cos, Expr::func(Func::Cos, t.clone())),
        Func::Tan => (
            Func::Sec,
            Expr::pow(Expr::func(Func::Sec, t.clone()), Expr::int(2)),
        ),
        _ => (
            Func::Tan,
            Expr::mul(vec![
                Expr::func(Func::Sec, t.clone()),
                Expr::func(Func::Tan, t.clone()),
            ]),
        ),
    };
    let root_is = Expr::mul(vec![a.clone(), Expr::func(root_is, t.clone())]);
    let dx = Expr::mul(vec![a.clone(), slope]);
    let in_theta = substitute_root(e, var, &x_is, &root_is, &dx);
    let detail = Detail::TrigSubstitution {
        theta,
        x_is,
        root_is,
        in_theta,
    };
    leaf(Rule::TrigSubstitution, var, e, after, detail)
}

/// The integrand in θ: every √(…) replaced by what it becomes, x by `x_is`, times dx/dθ.
fn substitute_root(e: &Expr, var: &Symbol, x_is: &Expr, root_is: &Expr, dx: &Expr) -> Expr {
    let mut factors = Vec::new();
    for f in e.factors() {
        let replaced = match f.kind() {
            Kind::Pow(b, n) if b.contains(var) && !b.is_var(var) => {
                let k = n.as_number().map(|n| n.mul(&Number::int(2)));
                match k {
                    Some(k) => Expr::pow(root_is.clone(), Expr::num(k)),
                    None => f.clone(),
                }
            }
            _ => crate::expr::substitute(f, var, x_is),
        };
        factors.push(replaced);
    }
    factors.push(dx.clone());
    Expr::mul(factors)
}
