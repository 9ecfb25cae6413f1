//! Printing expressions in textbook shape: `2x·cos(x²)` in Unicode, `2*x*cos(x^2)` in ASCII.
//!
//! Both forms parse back to an equal expression. Negative powers go below a
//! fraction bar (`1/x²`), a half power is a root (`√x`), a coefficient of −1
//! is a minus sign.

use super::{Applied, Constant, Expr, Func, Kind, Number};
use std::fmt::Write;

/// How to print: Unicode maths or plain ASCII, and an optional length budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub unicode: bool,
    /// Past about this many characters, deeper parts print as `…`.
    pub budget: Option<usize>,
    /// Numbers that end as decimals print as decimals (98/5 as 19.6): the learner typed some.
    pub decimals: bool,
}

impl Style {
    pub const UNICODE: Style = Style {
        unicode: true,
        budget: None,
        decimals: false,
    };
    pub const ASCII: Style = Style {
        unicode: false,
        budget: None,
        decimals: false,
    };

    pub fn with_budget(self, chars: usize) -> Style {
        Style {
            budget: Some(chars),
            ..self
        }
    }
}

/// Levels above which a child needs brackets.
const SUM: u8 = 1;
const PRODUCT: u8 = 2;
const POWER: u8 = 3;
const ATOM: u8 = 4;

/// Nesting past which a budgeted print gives up on detail.
const BUDGET_DEPTH: usize = 24;

const GREEK: [(&str, char); 34] = [
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("epsilon", 'ε'),
    ("zeta", 'ζ'),
    ("eta", 'η'),
    ("theta", 'θ'),
    ("iota", 'ι'),
    ("kappa", 'κ'),
    ("lambda", 'λ'),
    ("mu", 'μ'),
    ("nu", 'ν'),
    ("xi", 'ξ'),
    ("omicron", 'ο'),
    ("rho", 'ρ'),
    ("sigma", 'σ'),
    ("tau", 'τ'),
    ("upsilon", 'υ'),
    ("phi", 'φ'),
    ("chi", 'χ'),
    ("psi", 'ψ'),
    ("omega", 'ω'),
    ("Gamma", 'Γ'),
    ("Delta", 'Δ'),
    ("Theta", 'Θ'),
    ("Lambda", 'Λ'),
    ("Xi", 'Ξ'),
    ("Pi", 'Π'),
    ("Sigma", 'Σ'),
    ("Upsilon", 'Υ'),
    ("Phi", 'Φ'),
    ("Psi", 'Ψ'),
    ("Omega", 'Ω'),
];

/// The Greek letter for a spelled-out name (`theta` → θ), or the ASCII name for a letter.
pub fn greek_letter(name: &str) -> Option<char> {
    GREEK.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

pub(crate) fn greek_name(letter: char) -> Option<&'static str> {
    GREEK.iter().find(|(_, c)| *c == letter).map(|(n, _)| *n)
}

/// A variable's name with its Greek part as a letter: `theta` → `θ`, `theta_0` → `θ_0`.
pub fn unicode_name(name: &str) -> String {
    let (base, rest) = name.split_at(name.find('_').unwrap_or(name.len()));
    match greek_letter(base) {
        Some(letter) => format!("{letter}{rest}"),
        None => name.to_string(),
    }
}

impl Expr {
    /// The whole expression in the given style.
    pub fn to_text(&self, style: Style) -> String {
        let mut p = Printer {
            in_power_base: false,
            style,
            out: String::new(),
        };
        p.expr(self, 0);
        p.out
    }

    pub fn unicode(&self) -> String {
        self.to_text(Style::UNICODE)
    }

    pub fn ascii(&self) -> String {
        self.to_text(Style::ASCII)
    }
}

impl std::fmt::Display for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.unicode())
    }
}

struct Printer {
    style: Style,
    out: String,
    /// Printing the base of a power: `ln|x|^(1/2)` would read as ln(|x|^(1/2)), so the
    /// textbook `ln|x|` keeps its brackets there.
    in_power_base: bool,
}

/// A product split for printing: sign, what goes above the bar and what below.
pub(super) struct Fraction {
    pub(super) negative: bool,
    pub(super) numerator: Vec<Expr>,
    pub(super) denominator: Vec<Expr>,
}

pub(super) fn split_fraction(e: &Expr) -> Fraction {
    let (coefficient, rest) = e.split_coefficient();
    let mut numerator = Vec::new();
    let mut denominator = Vec::new();
    let top = Number::from_big(coefficient.numer(), 1.into()).abs();
    if !top.is_one() {
        numerator.push(Expr::num(top));
    }
    if !coefficient.denom().is_one_big() {
        denominator.push(Expr::num(Number::from_big(
            coefficient.denom().clone(),
            1.into(),
        )));
    }
    for f in rest.factors().iter().filter(|f| !f.is_one()) {
        match f.kind() {
            Kind::Pow(b, x) if x.as_number().is_some_and(Number::is_negative) => {
                let flipped = x.as_number().map(Number::neg).unwrap_or_else(Number::one);
                denominator.push(Expr::pow(b.clone(), Expr::num(flipped)));
            }
            _ => numerator.push(f.clone()),
        }
    }
    Fraction {
        negative: coefficient.is_negative(),
        numerator,
        denominator,
    }
}

pub(super) trait BigOne {
    fn is_one_big(&self) -> bool;
}

impl BigOne for num_bigint::BigInt {
    fn is_one_big(&self) -> bool {
        *self == num_bigint::BigInt::from(1)
    }
}

/// How tightly an expression binds when printed, to decide on brackets.
/// With `decimals`, a number that ends as a decimal is an atom like a whole one.
fn level(e: &Expr, decimals: bool) -> u8 {
    match e.kind() {
        Kind::Add(_) => SUM,
        Kind::Num(n) => {
            let whole = n.is_integer() || (decimals && n.terminating_decimal().is_some());
            if n.is_negative() || !whole {
                PRODUCT
            } else {
                ATOM
            }
        }
        Kind::Mul(_) => PRODUCT,
        Kind::Pow(_, x) => match x.as_number() {
            Some(n) if n.is_negative() => PRODUCT,
            Some(n) if *n == Number::ratio(1, 2) => ATOM,
            _ => POWER,
        },
        Kind::Const(_) | Kind::Var(_) | Kind::Func(..) | Kind::Log(..) | Kind::Apply(_) => ATOM,
    }
}

impl Printer {
    /// A product split for printing; with decimals, a coefficient that ends as a decimal
    /// stays whole above the bar (19.6x, not 98x/5).
    fn split(&self, e: &Expr) -> Fraction {
        let mut split = split_fraction(e);
        let (coefficient, _) = e.split_coefficient();
        if self.style.decimals && coefficient.terminating_decimal().is_some() {
            split.numerator.retain(|f| f.as_number().is_none());
            split.denominator.retain(|f| f.as_number().is_none());
            split.numerator.insert(0, Expr::num(coefficient.abs()));
        }
        split
    }

    fn over_budget(&mut self, depth: usize) -> bool {
        match self.style.budget {
            Some(limit) if self.out.len() > limit || depth > BUDGET_DEPTH => {
                self.out.push('…');
                true
            }
            _ => false,
        }
    }

    fn expr(&mut self, e: &Expr, depth: usize) {
        if self.over_budget(depth) {
            return;
        }
        match e.kind() {
            Kind::Num(n) => match n.terminating_decimal().filter(|_| self.style.decimals) {
                Some(shown) => self.out.push_str(&shown),
                None => {
                    let _ = write!(self.out, "{n}");
                }
            },
            Kind::Const(Constant::Pi) => {
                self.out
                    .push_str(if self.style.unicode { "π" } else { "pi" })
            }
            Kind::Const(Constant::E) => self.out.push('e'),
            Kind::Var(v) => self.variable(v),
            Kind::Add(terms) => self.sum(terms, depth),
            Kind::Mul(_) => self.fraction(&self.split(e), depth),
            Kind::Pow(b, x) => match x.as_number() {
                Some(n) if n.is_negative() => self.fraction(&self.split(e), depth),
                _ => self.power(b, x, depth),
            },
            Kind::Func(f, a) => self.function(*f, a, depth),
            Kind::Log(b, a) => {
                self.out.push_str("log_");
                self.wrapped(b, ATOM, depth);
                self.out.push('(');
                self.expr(a, depth + 1);
                self.out.push(')');
            }
            Kind::Apply(f) => self.applied(f, depth),
        }
    }

    /// `f′(g(x))`, `∂f/∂x(x, y)`, `∂₁f(x², y)`; in ASCII `f'(g(x))`, `f_x(x, y)`, `f_1(x^2, y)`.
    fn applied(&mut self, f: &Applied, depth: usize) {
        let name = if self.style.unicode {
            unicode_name(&f.name)
        } else {
            f.name.to_string()
        };
        match (f.args.len(), f.order()) {
            (_, 0) => self.out.push_str(&name),
            (1, n) => {
                self.out.push_str(&name);
                self.out.push_str(&prime_marks(n, self.style.unicode));
            }
            (_, n) if self.style.unicode => self.out.push_str(&partial_name(f, &name, n)),
            _ => {
                self.out.push_str(&name);
                self.out.push('_');
                self.out.push_str(&f.subscript());
            }
        }
        self.out.push('(');
        for (i, a) in f.args.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.expr(a, depth + 1);
        }
        self.out.push(')');
    }

    fn variable(&mut self, name: &str) {
        if self.style.unicode {
            self.out.push_str(&unicode_name(name));
        } else {
            self.out.push_str(name);
        }
    }

    /// `child`, in brackets when it binds more loosely than `min`.
    fn wrapped(&mut self, child: &Expr, min: u8, depth: usize) {
        if level(child, self.style.decimals) < min {
            self.out.push('(');
            self.expr(child, depth + 1);
            self.out.push(')');
        } else {
            self.expr(child, depth + 1);
        }
    }

    fn sum(&mut self, terms: &[Expr], depth: usize) {
        // Start with a positive term when there is one: 1 - x², not -x² + 1.
        let first_positive = terms
            .iter()
            .position(|t| !t.split_coefficient().0.is_negative())
            .unwrap_or(0);
        let ordered = terms[first_positive..first_positive + 1]
            .iter()
            .chain(&terms[..first_positive])
            .chain(&terms[first_positive + 1..]);
        for (i, term) in ordered.enumerate() {
            let (c, rest) = term.split_coefficient();
            if c.is_negative() {
                self.out.push_str(if i == 0 { "-" } else { " - " });
                let positive = Expr::mul(vec![Expr::num(c.neg()), rest]);
                self.wrapped(&positive, PRODUCT, depth);
            } else {
                if i > 0 {
                    self.out.push_str(" + ");
                }
                self.expr(term, depth + 1);
            }
            if i > 0 && self.over_budget(depth) {
                return;
            }
        }
    }

    fn fraction(&mut self, frac: &Fraction, depth: usize) {
        if frac.negative {
            self.out.push('-');
        }
        if frac.numerator.is_empty() {
            self.out.push('1');
        } else if frac.numerator.len() == 1 && !frac.denominator.is_empty() {
            self.wrapped(&frac.numerator[0], PRODUCT + 1, depth);
        } else {
            self.product(&frac.numerator, depth);
        }
        if frac.denominator.is_empty() {
            return;
        }
        self.out.push('/');
        match frac.denominator.as_slice() {
            [single] if level(single, self.style.decimals) >= POWER => self.expr(single, depth + 1),
            [single] => {
                self.out.push('(');
                self.expr(single, depth + 1);
                self.out.push(')');
            }
            many => {
                self.out.push('(');
                self.product(many, depth);
                self.out.push(')');
            }
        }
    }

    fn product(&mut self, factors: &[Expr], depth: usize) {
        for (i, f) in factors.iter().enumerate() {
            if i > 0 {
                let after_number = matches!(factors[i - 1].kind(), Kind::Num(_));
                let starts_with_digit = match f.kind() {
                    Kind::Num(_) => true,
                    Kind::Pow(b, _) => {
                        matches!(b.kind(), Kind::Num(_)) && level(f, self.style.decimals) != ATOM
                    }
                    _ => false,
                };
                let joiner = if !self.style.unicode {
                    "*"
                } else if after_number && !starts_with_digit {
                    ""
                } else {
                    "·"
                };
                self.out.push_str(joiner);
            }
            self.wrapped(f, PRODUCT + 1, depth);
        }
    }

    fn power(&mut self, base: &Expr, exp: &Expr, depth: usize) {
        if exp.as_number().is_some_and(|n| *n == Number::ratio(1, 2)) {
            if self.style.unicode {
                self.out.push('√');
                // √ reads a number or a name bare; anything else, even sin(x), in brackets.
                let bare = matches!(base.kind(), Kind::Var(_) | Kind::Const(_))
                    || base
                        .as_number()
                        .is_some_and(|n| n.is_integer() && !n.is_negative());
                if bare {
                    self.expr(base, depth + 1);
                } else {
                    self.out.push('(');
                    self.expr(base, depth + 1);
                    self.out.push(')');
                }
            } else {
                self.out.push_str("sqrt(");
                self.expr(base, depth + 1);
                self.out.push(')');
            }
            return;
        }
        let small_integer = exp
            .as_number()
            .and_then(Number::to_i64)
            .filter(|n| *n >= 0 && self.style.unicode);
        if let (Some(n), Kind::Func(f, arg)) = (small_integer, base.kind()) {
            // σ(x)² rather than σ²(x), which would read back as σ² times x.
            if *f != Func::Abs && !f.is_activation() {
                // sin²(x): the textbook way to square a function's value.
                self.out.push_str(f.printed(true));
                self.out.push_str(&superscript(n));
                self.out.push('(');
                self.expr(arg, depth + 1);
                self.out.push(')');
                return;
            }
        }
        let outer = std::mem::replace(&mut self.in_power_base, true);
        self.wrapped(base, ATOM, depth);
        self.in_power_base = outer;
        match small_integer {
            Some(n) => self.out.push_str(&superscript(n)),
            None => {
                self.out.push('^');
                let plain = matches!(exp.kind(), Kind::Var(_) | Kind::Const(_))
                    || exp
                        .as_number()
                        .is_some_and(|n| n.is_integer() && !n.is_negative());
                if plain {
                    self.expr(exp, depth + 1);
                } else {
                    self.out.push('(');
                    self.expr(exp, depth + 1);
                    self.out.push(')');
                }
            }
        }
    }

    fn function(&mut self, f: Func, arg: &Expr, depth: usize) {
        if f == Func::Abs && self.style.unicode {
            self.out.push('|');
            self.expr(arg, depth + 1);
            self.out.push('|');
            return;
        }
        self.out.push_str(f.printed(self.style.unicode));
        // ln|x|, as textbooks write the antiderivative of 1/x.
        let bars = self.style.unicode
            && !self.in_power_base
            && matches!(arg.kind(), Kind::Func(Func::Abs, _));
        if bars {
            self.expr(arg, depth + 1);
            return;
        }
        self.out.push('(');
        self.expr(arg, depth + 1);
        self.out.push(')');
    }
}

/// Lagrange's primes: `′`, `″`, `‴`, then `⁽⁴⁾`; in ASCII as many `'` as the order.
fn prime_marks(n: u32, unicode: bool) -> String {
    match (unicode, n) {
        (false, n) => "'".repeat(n as usize),
        (true, 1) => "′".to_string(),
        (true, 2) => "″".to_string(),
        (true, 3) => "‴".to_string(),
        (true, n) => format!("⁽{}⁾", superscript(i64::from(n))),
    }
}

/// `∂f/∂x`, `∂²f/∂x∂y`, `∂²f/∂x²` when the inputs are letters; otherwise by their
/// numbers, `∂₁f`, `∂₁∂₂f`, `∂₁²f`.
fn partial_name(f: &Applied, name: &str, order: u32) -> String {
    let power = |n: u32| {
        if n > 1 {
            superscript(i64::from(n))
        } else {
            String::new()
        }
    };
    match f.slot_letters() {
        Some(letters) => {
            let below: String = f
                .slots
                .iter()
                .zip(&letters)
                .filter(|(n, _)| **n > 0)
                .map(|(n, c)| format!("∂{c}{}", power(*n)))
                .collect();
            format!("∂{}{name}/{below}", power(order))
        }
        None => {
            let marks: String = f
                .slots
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(i, n)| format!("∂{}{}", subscript_digit(i + 1), power(*n)))
                .collect();
            format!("{marks}{name}")
        }
    }
}

fn subscript_digit(d: usize) -> char {
    char::from_u32(0x2080 + d as u32).unwrap_or('?')
}

/// `12` → `¹²`, `-1` → `⁻¹`.
pub fn superscript(n: i64) -> String {
    n.to_string()
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            _ => '⁹',
        })
        .collect()
}
