//! The canonical constructors: every expression is built here, simplified as it is built.
//!
//! Sums collect like terms (`2x + 3x` → `5x`), products collect like powers
//! (`x·x²` → `x³`), constants fold, and the identities of the language
//! (`ln e = 1`, `e^0 = 1`, `e^(ln u) = u`) are applied on the spot.

use super::surd;
use super::{Constant, Expr, Func, Kind, Number, Symbol};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

static ZERO: LazyLock<Expr> = LazyLock::new(|| Expr::from_kind(Kind::Num(Number::zero())));
static ONE: LazyLock<Expr> = LazyLock::new(|| Expr::from_kind(Kind::Num(Number::one())));

/// Past this many distinct items, like terms are found through a hash map.
const LINEAR_SCAN_LIMIT: usize = 12;

// The constructors are named for the maths (`Expr::sub(a, b)`), not operator traits.
#[allow(clippy::should_implement_trait)]
impl Expr {
    pub fn zero() -> Expr {
        ZERO.clone()
    }

    pub fn one() -> Expr {
        ONE.clone()
    }

    pub fn num(n: Number) -> Expr {
        if n.is_zero() {
            Expr::zero()
        } else if n.is_one() {
            Expr::one()
        } else {
            Expr::from_kind(Kind::Num(n))
        }
    }

    pub fn int(i: i64) -> Expr {
        Expr::num(Number::int(i))
    }

    pub fn ratio(n: i64, d: i64) -> Expr {
        Expr::num(Number::ratio(n, d))
    }

    pub fn var(name: &str) -> Expr {
        Expr::from_kind(Kind::Var(Symbol::from(name)))
    }

    pub fn symbol(name: Symbol) -> Expr {
        Expr::from_kind(Kind::Var(name))
    }

    pub fn constant(c: Constant) -> Expr {
        Expr::from_kind(Kind::Const(c))
    }

    #[allow(clippy::should_implement_trait)] // a canonical constructor, like add and mul
    pub fn neg(e: Expr) -> Expr {
        Expr::mul(vec![Expr::int(-1), e])
    }

    #[allow(clippy::should_implement_trait)] // a canonical constructor, like add and mul
    pub fn sub(a: Expr, b: Expr) -> Expr {
        Expr::add(vec![a, Expr::neg(b)])
    }

    #[allow(clippy::should_implement_trait)] // a canonical constructor, like add and mul
    pub fn div(a: Expr, b: Expr) -> Expr {
        Expr::mul(vec![a, Expr::recip(b)])
    }

    pub fn recip(e: Expr) -> Expr {
        Expr::pow(e, Expr::int(-1))
    }

    /// `c·e` for a term `e` with no numeric coefficient of its own.
    fn scaled(rest: Expr, c: Number) -> Expr {
        if c.is_zero() {
            return Expr::zero();
        }
        if c.is_one() {
            return rest;
        }
        if rest.is_one() {
            return Expr::num(c);
        }
        let mut factors = Vec::with_capacity(rest.factors().len() + 1);
        factors.push(Expr::num(c));
        factors.extend_from_slice(rest.factors());
        Expr::from_kind(Kind::Mul(factors))
    }

    /// Wraps factors that are already canonical and pairwise distinct.
    pub(super) fn product_of_canonical(mut factors: Vec<Expr>) -> Expr {
        match factors.len() {
            0 => Expr::one(),
            1 => factors.pop().unwrap_or_else(Expr::one),
            _ => Expr::from_kind(Kind::Mul(factors)),
        }
    }

    /// A sum with like terms collected, in the order the terms first arrived,
    /// and its numeric constant last.
    pub fn add(terms: Vec<Expr>) -> Expr {
        let mut sum = SumBuilder::default();
        for t in terms {
            sum.push(t);
        }
        sum.finish()
    }

    /// A product with like powers collected and factors in textbook order:
    /// the number, then π and roots of numbers, variables, functions, brackets.
    pub fn mul(factors: Vec<Expr>) -> Expr {
        let mut coefficient = Number::one();
        let expected: usize = factors.iter().map(|f| f.factors().len()).sum();
        let mut powers = Collector::<Power>::with_capacity(expected);
        let mut pending = factors;
        pending.reverse();
        while let Some(f) = pending.pop() {
            match f.kind() {
                Kind::Num(n) => coefficient = coefficient.mul(n),
                Kind::Mul(items) => pending.extend(items.iter().rev().cloned()),
                _ => {
                    let (base, exp) = f.split_power();
                    powers.add(
                        base,
                        Power {
                            exponent: Exponent::from(exp),
                            alone: Some(f),
                        },
                    );
                }
            }
        }
        if coefficient.is_zero() {
            return zero_times(powers.items.iter().map(|(base, p)| (base, &p.exponent)));
        }
        let mut out: Vec<Expr> = Vec::with_capacity(powers.len());
        let mut needs_another_pass = false;
        for (base, power) in powers.into_items() {
            let p = match power.alone {
                // A factor whose base came once is already in its simplest form: keep it.
                Some(factor) => factor,
                None => Expr::pow(base.clone(), power.exponent.into_expr()),
            };
            match p.kind() {
                Kind::Num(n) => coefficient = coefficient.mul(n),
                Kind::Mul(_) => {
                    needs_another_pass = true;
                    out.push(p);
                }
                _ => {
                    // |x|² became x²: it may now meet another power of x.
                    if p.split_power().0 != base {
                        needs_another_pass = true;
                    }
                    out.push(p);
                }
            }
        }
        if coefficient.is_zero() {
            return Expr::zero();
        }
        if needs_another_pass {
            out.push(Expr::num(coefficient));
            return Expr::mul(out);
        }
        if !out.is_sorted_by(|a, b| factor_class(a) <= factor_class(b)) {
            out.sort_by(|a, b| factor_class(a).cmp(&factor_class(b)));
        }
        Expr::scaled(Expr::product_of_canonical(out), coefficient)
    }

    pub fn pow(base: Expr, exp: Expr) -> Expr {
        if exp.is_zero() || base.is_one() {
            return Expr::one();
        }
        if exp.is_one() {
            return base;
        }
        match (base.kind(), exp.kind()) {
            (Kind::Num(b), Kind::Num(e)) => {
                if let Some(exact) = b.pow(e) {
                    return Expr::num(exact);
                }
                if let Some((outside, inside)) = surd::surd(b, e) {
                    return Expr::mul(vec![Expr::num(outside), surd::root_of(inside, e)]);
                }
            }
            (Kind::Pow(inner_base, inner_exp), _) => {
                let merge = exp.as_number().is_some_and(Number::is_integer)
                    || inner_exp.as_number().is_some_and(Number::has_odd_numerator);
                if merge {
                    let product = Expr::mul(vec![inner_exp.clone(), exp.clone()]);
                    return Expr::pow(inner_base.clone(), product);
                }
            }
            (Kind::Mul(factors), Kind::Num(e)) if e.is_integer() => {
                let raised = factors.iter().map(|f| Expr::pow(f.clone(), exp.clone()));
                return Expr::mul(raised.collect());
            }
            (Kind::Func(Func::Abs, inner), Kind::Num(e))
                if e.is_integer() && !e.has_odd_numerator() =>
            {
                return Expr::pow(inner.clone(), exp.clone());
            }
            (Kind::Const(Constant::E), _) => {
                if let Some(simpler) = exp_of_log(&exp) {
                    return simpler;
                }
            }
            _ => {}
        }
        Expr::from_kind(Kind::Pow(base, exp))
    }

    /// `base^exp` exactly as given, for showing a rewriting step such as
    /// `x^x = e^(x·ln x)` that the simplifier would otherwise undo.
    pub fn pow_held(base: Expr, exp: Expr) -> Expr {
        Expr::from_kind(Kind::Pow(base, exp))
    }

    pub fn func(f: Func, arg: Expr) -> Expr {
        if let Some(value) = special_value(f, &arg) {
            return value;
        }
        Expr::from_kind(Kind::Func(f, arg))
    }

    /// `log_base(arg)`; base e becomes `ln`.
    pub fn log(base: Expr, arg: Expr) -> Expr {
        if matches!(base.kind(), Kind::Const(Constant::E)) {
            return Expr::func(Func::Ln, arg);
        }
        if arg.is_one() {
            return Expr::zero();
        }
        if arg == base {
            return Expr::one();
        }
        if let Kind::Pow(b, e) = arg.kind() {
            if *b == base {
                return e.clone();
            }
        }
        if let (Some(b), Some(a)) = (base.as_number(), arg.as_number()) {
            if let Some(k) = integer_log(b, a) {
                return Expr::int(k);
            }
        }
        Expr::from_kind(Kind::Log(base, arg))
    }

    pub fn ln(arg: Expr) -> Expr {
        Expr::func(Func::Ln, arg)
    }

    pub fn e() -> Expr {
        Expr::constant(Constant::E)
    }

    pub fn exp(arg: Expr) -> Expr {
        Expr::pow(Expr::e(), arg)
    }
}

/// 0 times the other factors: 0, unless one of them divides by zero, as x/|x| does at
/// x = 0; then the product stays undefined (1/0) for evaluation to report.
fn zero_times<'a>(mut powers: impl Iterator<Item = (&'a Expr, &'a Exponent)>) -> Expr {
    let divides_by_zero = powers
        .any(|(base, exp)| base.is_zero() && matches!(exp, Exponent::Exact(n) if n.is_negative()));
    if divides_by_zero {
        Expr::pow_held(Expr::zero(), Expr::int(-1))
    } else {
        Expr::zero()
    }
}

/// `e^(ln u)` = u and `e^(k·ln u)` = u^k.
fn exp_of_log(exp: &Expr) -> Option<Expr> {
    if let Kind::Func(Func::Ln, u) = exp.kind() {
        return Some(u.clone());
    }
    let factors = exp.factors();
    let mut logs = factors
        .iter()
        .enumerate()
        .filter(|(_, f)| matches!(f.kind(), Kind::Func(Func::Ln, _)));
    let (at, log) = logs.next()?;
    if logs.next().is_some() || factors.len() < 2 {
        return None;
    }
    let Kind::Func(_, u) = log.kind() else {
        return None;
    };
    let rest: Vec<Expr> = factors
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, f)| f.clone())
        .collect();
    Some(Expr::pow(u.clone(), Expr::mul(rest)))
}

/// Exact values at the points every learner knows: sin 0, cos 0, ln 1, ln e, |−3|…
fn special_value(f: Func, arg: &Expr) -> Option<Expr> {
    use Func::*;
    if arg.is_zero() {
        return match f {
            Sin | Tan | Arcsin | Arctan | Sinh | Tanh | Abs | Relu => Some(Expr::zero()),
            Cos | Cosh | Sec => Some(Expr::one()),
            Sigmoid => Some(Expr::ratio(1, 2)),
            Softplus => Some(Expr::ln(Expr::int(2))),
            Arccos => Some(Expr::mul(vec![
                Expr::ratio(1, 2),
                Expr::constant(Constant::Pi),
            ])),
            Csc | Cot | Ln | Step => None,
        };
    }
    if let Some(v) = trig_at_special_angle(f, arg).or_else(|| inverse_at_unit(f, arg)) {
        return Some(v);
    }
    match (f, arg.kind()) {
        (Ln, Kind::Num(n)) if n.is_one() => Some(Expr::zero()),
        (Ln, Kind::Const(Constant::E)) => Some(Expr::one()),
        (Ln, Kind::Pow(b, e)) if matches!(b.kind(), Kind::Const(Constant::E)) => Some(e.clone()),
        (Arccos, Kind::Num(n)) if n.is_one() => Some(Expr::zero()),
        (Abs, Kind::Num(n)) => Some(Expr::num(n.abs())),
        (Abs, Kind::Const(_)) => Some(arg.clone()),
        (Abs, Kind::Func(Abs, _)) => Some(arg.clone()),
        (Relu, Kind::Num(n)) if n.is_negative() => Some(Expr::zero()),
        (Relu, Kind::Num(_) | Kind::Const(_)) => Some(arg.clone()),
        (Step, Kind::Num(n)) if n.is_negative() => Some(Expr::zero()),
        (Step, Kind::Num(_) | Kind::Const(_)) => Some(Expr::one()),
        (Sin | Tan, Kind::Const(Constant::Pi)) => Some(Expr::zero()),
        (Cos | Sec, Kind::Const(Constant::Pi)) => Some(Expr::int(-1)),
        _ => None,
    }
}

/// sin, cos and tan at whole multiples of π/6 and π/4: the angles of the unit circle learners know.
fn trig_at_special_angle(f: Func, arg: &Expr) -> Option<Expr> {
    let (c, rest) = arg.split_coefficient();
    if !matches!(rest.kind(), Kind::Const(Constant::Pi)) {
        return None;
    }
    // The angle in steps of 15°, one turn being 24 steps.
    let steps = c.mul(&Number::int(12)).to_i64()?.rem_euclid(24);
    let sine = |k: i64| -> Option<Expr> {
        let k = k.rem_euclid(24);
        let (sign, k) = if k >= 12 { (-1, k - 12) } else { (1, k) };
        let half = |n: i64| {
            Expr::mul(vec![
                Expr::ratio(sign, 2),
                Expr::pow(Expr::int(n), Expr::ratio(1, 2)),
            ])
        };
        match k {
            0 | 12 => Some(Expr::zero()),
            2 | 10 => Some(Expr::ratio(sign, 2)),
            3 | 9 => Some(half(2)),
            4 | 8 => Some(half(3)),
            6 => Some(Expr::int(sign)),
            _ => None,
        }
    };
    match f {
        Func::Sin => sine(steps),
        Func::Cos => sine(steps + 6),
        Func::Tan => {
            let cos = sine(steps + 6)?;
            (!cos.is_zero()).then(|| Expr::div(sine(steps).unwrap_or_else(Expr::zero), cos))
        }
        _ => None,
    }
}

/// arcsin, arccos and arctan at ±1, in multiples of π.
fn inverse_at_unit(f: Func, arg: &Expr) -> Option<Expr> {
    let n = arg.as_number()?.to_i64()?;
    let pi_times = |c: Number| Some(Expr::mul(vec![Expr::num(c), Expr::constant(Constant::Pi)]));
    match (f, n) {
        (Func::Arcsin, 1 | -1) => pi_times(Number::ratio(n, 2)),
        (Func::Arctan, 1 | -1) => pi_times(Number::ratio(n, 4)),
        (Func::Arccos, -1) => pi_times(Number::one()),
        _ => None,
    }
}

/// k with base^k = value, for whole numbers.
fn integer_log(base: &Number, value: &Number) -> Option<i64> {
    if !base.is_integer() || !value.is_integer() || base.abs().is_one() || base.is_zero() {
        return None;
    }
    if value.is_negative() || base.is_negative() {
        return None;
    }
    let mut power = Number::one();
    for k in 0..64 {
        if power == *value {
            return Some(k);
        }
        if power.abs() > value.abs() {
            return None;
        }
        power = power.mul(base);
    }
    None
}

/// Where a factor sits in a printed product: (group, rank within variables, name).
fn factor_class(e: &Expr) -> (u8, u8, Option<&str>) {
    let base = match e.kind() {
        Kind::Pow(b, _) => b,
        _ => e,
    };
    match base.kind() {
        Kind::Num(_) | Kind::Const(_) if matches!(e.kind(), Kind::Pow(_, x) if x.as_number().is_none()) => {
            (3, 0, None)
        }
        // e alone (or e², not e^x) is a number like π: 2e·x, as 2π·x.
        Kind::Num(_) | Kind::Const(_) => (1, 0, None),
        Kind::Var(v) => product_rank(v),
        Kind::Func(..) | Kind::Log(..) | Kind::Apply(_) | Kind::Pow(..) | Kind::Mul(_) => {
            (3, 0, None)
        }
        // A sum of held-fixed letters is one more such letter: (a + b)·x^(a + b − 1).
        Kind::Add(_) if !base.0.vars.iter().any(|v| is_coordinate(v)) && only_letters(base) => {
            (2, 1, None)
        }
        Kind::Add(_) => (4, 0, None),
    }
}

/// Whether `e` is built of numbers and letters alone, no function: (a + b), not (1 − σ(u)).
fn only_letters(e: &Expr) -> bool {
    match e.kind() {
        Kind::Num(_) | Kind::Const(_) | Kind::Var(_) => true,
        Kind::Add(parts) | Kind::Mul(parts) => parts.iter().all(only_letters),
        Kind::Pow(b, x) => only_letters(b) && only_letters(x),
        Kind::Func(..) | Kind::Log(..) | Kind::Apply(_) => false,
    }
}

/// x, y, z and time t: the letters a textbook writes last in a product.
fn is_coordinate(name: &str) -> bool {
    matches!(name, "x" | "y" | "z" | "t")
}

/// Where a variable sits among a product's letters, as textbooks write them: the
/// quantities that are usually held fixed (a, k, n, w, v0, θ…) alphabetically first, then
/// the coordinates x, y, z and time t: 2a·x, n·x^(n − 1), k·cos(k·x), v0·t, 2x·y.
fn product_rank(name: &str) -> (u8, u8, Option<&str>) {
    match name {
        "x" => (2, 2, None),
        "y" => (2, 3, None),
        "z" => (2, 4, None),
        "t" => (2, 5, None),
        other => (2, 0, Some(other)),
    }
}

/// An exponent being summed: exact while every part is a number.
enum Exponent {
    Exact(Number),
    Symbolic(Vec<Expr>),
}

impl From<Expr> for Exponent {
    fn from(e: Expr) -> Exponent {
        match e.as_number() {
            Some(n) => Exponent::Exact(n.clone()),
            None => Exponent::Symbolic(vec![e]),
        }
    }
}

impl Exponent {
    fn into_expr(self) -> Expr {
        match self {
            Exponent::Exact(n) => Expr::num(n),
            Exponent::Symbolic(parts) => Expr::add(parts),
        }
    }
}

/// The power a product collects for one base, and the factor itself while the base came once.
struct Power {
    exponent: Exponent,
    alone: Option<Expr>,
}

impl Accumulate for Power {
    fn accumulate(&mut self, more: Power) {
        self.exponent.accumulate(more.exponent);
        self.alone = None;
    }
}

trait Accumulate {
    fn accumulate(&mut self, more: Self);
}

impl Accumulate for Exponent {
    fn accumulate(&mut self, more: Exponent) {
        let current = std::mem::replace(self, Exponent::Exact(Number::zero()));
        *self = match (current, more) {
            (Exponent::Exact(a), Exponent::Exact(b)) => Exponent::Exact(a.add(&b)),
            (a, b) => {
                let mut parts = a.into_parts();
                parts.extend(b.into_parts());
                Exponent::Symbolic(parts)
            }
        };
    }
}

impl Exponent {
    fn into_parts(self) -> Vec<Expr> {
        match self {
            Exponent::Exact(n) => vec![Expr::num(n)],
            Exponent::Symbolic(parts) => parts,
        }
    }
}

impl Accumulate for Number {
    fn accumulate(&mut self, more: Number) {
        *self = self.add(&more);
    }
}

/// Expressions carry their hash already; the map uses it as it is.
#[derive(Default)]
struct PrehashedHasher(u64);

impl Hasher for PrehashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Items keyed by expression, in first-arrival order, with their amounts summed.
struct Collector<A> {
    items: Vec<(Expr, A)>,
    index: HashMap<Expr, usize, BuildHasherDefault<PrehashedHasher>>,
}

impl<A> Default for Collector<A> {
    fn default() -> Self {
        Collector::with_capacity(0)
    }
}

impl<A> Collector<A> {
    fn with_capacity(n: usize) -> Self {
        Collector {
            items: Vec::with_capacity(n),
            index: HashMap::default(),
        }
    }
}

impl<A: Accumulate> Collector<A> {
    fn add(&mut self, key: Expr, amount: A) {
        let found = if self.items.len() <= LINEAR_SCAN_LIMIT {
            self.items.iter().position(|(k, _)| *k == key)
        } else {
            if self.index.is_empty() {
                self.index
                    .reserve(self.items.capacity().max(2 * self.items.len()));
                for (i, (k, _)) in self.items.iter().enumerate() {
                    self.index.insert(k.clone(), i);
                }
            }
            self.index.get(&key).copied()
        };
        match found {
            Some(i) => self.items[i].1.accumulate(amount),
            None => {
                if !self.index.is_empty() {
                    self.index.insert(key.clone(), self.items.len());
                }
                self.items.push((key, amount));
            }
        }
    }

    fn len(&self) -> usize {
        self.items.len()
    }

    fn into_items(self) -> Vec<(Expr, A)> {
        self.items
    }
}

#[derive(Default)]
struct SumBuilder {
    constant: Option<Number>,
    /// The constant came before every other term (1 + x²): it stays in front.
    constant_first: bool,
    terms: Collector<Number>,
}

impl SumBuilder {
    fn push(&mut self, term: Expr) {
        match term.kind() {
            Kind::Num(n) => {
                if self.constant.is_none() && self.terms.len() == 0 {
                    self.constant_first = true;
                }
                let c = self.constant.get_or_insert_with(Number::zero);
                *c = c.add(n);
            }
            Kind::Add(items) => items.iter().for_each(|t| self.push(t.clone())),
            _ => {
                let (c, rest) = term.split_coefficient();
                if let Kind::Add(items) = rest.kind() {
                    // c·(a + b) inside a sum: distribute so the pieces can meet their like terms.
                    for t in items {
                        self.push(Expr::mul(vec![Expr::num(c.clone()), t.clone()]));
                    }
                } else {
                    self.terms.add(rest, c);
                }
            }
        }
    }

    fn finish(self) -> Expr {
        let mut out: Vec<Expr> = self
            .terms
            .into_items()
            .into_iter()
            .filter(|(_, c)| !c.is_zero())
            .map(|(rest, c)| Expr::scaled(rest, c))
            .collect();
        if let Some(c) = self.constant.filter(|c| !c.is_zero()) {
            // A negative one would be moved back by the printer, which starts with a plus.
            if self.constant_first && !c.is_negative() {
                out.insert(0, Expr::num(c));
            } else {
                out.push(Expr::num(c));
            }
        }
        match out.len() {
            0 => Expr::zero(),
            1 => out.pop().unwrap_or_else(Expr::zero),
            _ => Expr::from_kind(Kind::Add(out)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x() -> Expr {
        Expr::var("x")
    }

    #[test]
    fn like_terms_and_powers_collect() {
        let two_x = Expr::mul(vec![Expr::int(2), x()]);
        let three_x = Expr::mul(vec![Expr::int(3), x()]);
        assert_eq!(
            Expr::add(vec![two_x, three_x]),
            Expr::mul(vec![Expr::int(5), x()])
        );
        let x_sq = Expr::pow(x(), Expr::int(2));
        assert_eq!(Expr::mul(vec![x(), x_sq]), Expr::pow(x(), Expr::int(3)));
        assert_eq!(Expr::sub(x(), x()), Expr::zero());
        assert_eq!(Expr::div(x(), x()), Expr::one());
    }

    #[test]
    fn roots_of_whole_numbers_come_in_simplest_form() {
        let root = |n: i64, p: i64, q: i64| {
            Expr::pow(Expr::int(n), Expr::num(Number::ratio(p, q))).unicode()
        };
        assert_eq!(root(20, 1, 2), "2√5");
        assert_eq!(root(72, 1, 2), "6√2");
        assert_eq!(root(20, 3, 2), "40√5");
        assert_eq!(root(12, -1, 2), "1/(2√3)");
        assert_eq!(root(54, 1, 3), "3·2^(1/3)");
        assert_eq!(root(7, 1, 2), "√7");
        assert_eq!(root(16, 1, 2), "4");
    }

    #[test]
    fn identities_apply() {
        assert_eq!(Expr::ln(Expr::e()), Expr::one());
        assert_eq!(Expr::exp(Expr::zero()), Expr::one());
        assert_eq!(Expr::exp(Expr::ln(x())), x());
        let x_ln_x = Expr::mul(vec![x(), Expr::ln(x())]);
        assert_eq!(Expr::exp(x_ln_x), Expr::pow(x(), x()));
        assert_eq!(Expr::log(Expr::int(2), Expr::int(8)), Expr::int(3));
    }

    #[test]
    fn sums_are_equal_in_any_order() {
        let a = Expr::add(vec![x(), Expr::one()]);
        let b = Expr::add(vec![Expr::one(), x()]);
        assert_eq!(a, b);
        let sq = |e: Expr| Expr::pow(e, Expr::int(2));
        assert_eq!(Expr::div(sq(a), sq(b)), Expr::one());
    }

    #[test]
    fn zero_times_one_over_zero_stays_undefined() {
        let undefined = Expr::mul(vec![Expr::zero(), Expr::recip(Expr::zero())]);
        assert!(matches!(undefined.kind(), Kind::Pow(..)));
        let also = Expr::mul(vec![Expr::recip(Expr::zero()), Expr::zero()]);
        assert!(matches!(also.kind(), Kind::Pow(..)));
        assert_eq!(Expr::mul(vec![Expr::zero(), x()]), Expr::zero());
    }

    #[test]
    fn square_root_of_a_square_is_not_collapsed() {
        let sq = Expr::pow(x(), Expr::int(2));
        let root = Expr::pow(sq, Expr::ratio(1, 2));
        assert!(matches!(root.kind(), Kind::Pow(..)));
    }
}
