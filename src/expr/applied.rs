//! A function with no formula, applied to inputs: `f(x)`, `f′(g(x))`, `∂f/∂x(x, y)`.
//!
//! The letters f, g and h, when not defined, stand for any function, so that the
//! rules themselves can be shown: d/dx f(g(x)) = f′(g(x))·g′(x). Such a function has
//! slopes (written with primes, or one partial per input) but no value.

use super::{Expr, Kind, Symbol};

/// The single letters that stand for a function with no formula when they are not defined.
pub const ABSTRACT_FUNCTION_NAMES: [&str; 3] = ["f", "g", "h"];

/// Most inputs an abstract function takes: one digit numbers each input in `f_12`.
pub const MAX_ABSTRACT_INPUTS: usize = 9;

/// `name` applied to `args`, differentiated `slots[i]` times by its input `i`.
#[derive(Debug)]
pub struct Applied {
    pub name: Symbol,
    pub slots: Vec<u32>,
    pub args: Vec<Expr>,
}

impl Applied {
    /// How many times it has been differentiated in all.
    pub fn order(&self) -> u32 {
        self.slots.iter().sum()
    }

    /// The same function, differentiated once more by input `slot`, at the same inputs.
    pub fn slope_by(&self, slot: usize) -> Expr {
        self.slope_at(slot, self.args.clone())
    }

    /// The same function, differentiated as often, at other inputs.
    pub fn with_args(&self, args: Vec<Expr>) -> Expr {
        Expr::applied(self.name.clone(), self.slots.clone(), args)
    }

    /// The slope by input `slot` of this function, at other inputs.
    pub fn slope_at(&self, slot: usize, args: Vec<Expr>) -> Expr {
        let mut slots = self.slots.clone();
        if let Some(n) = slots.get_mut(slot) {
            *n += 1;
        }
        Expr::applied(self.name.clone(), slots, args)
    }

    /// The letter of each input, when the inputs are distinct one-letter variables, as in
    /// f(x, y): then `∂f/∂x` says which input it is.
    pub fn slot_letters(&self) -> Option<Vec<char>> {
        plain_letters(&self.args)
    }

    /// The subscript of `f_xy` or `f_12`: one mark per differentiation, by input.
    pub fn subscript(&self) -> String {
        let letters = self.slot_letters();
        let mut out = String::new();
        for (i, n) in self.slots.iter().enumerate() {
            let mark = match &letters {
                Some(l) => l[i],
                None => char::from_digit(i as u32 + 1, 10).unwrap_or('?'),
            };
            out.extend(std::iter::repeat_n(mark, *n as usize));
        }
        out
    }
}

/// The inputs as letters, when each is a one-letter variable and no two are the same.
fn plain_letters(args: &[Expr]) -> Option<Vec<char>> {
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        let c = match a.kind() {
            Kind::Var(v) if v.len() == 1 && v.chars().all(|c| c.is_ascii_alphabetic()) => {
                v.chars().next()?
            }
            _ => return None,
        };
        if out.contains(&c) {
            return None;
        }
        out.push(c);
    }
    Some(out)
}

/// Which inputs the subscript of `f_xy` or `f_12` differentiates, read against the
/// inputs: a digit numbers an input; a letter names an input when the inputs are
/// distinct letters, as in f_xy(x, y).
pub fn slots_from_subscript(subscript: &str, args: &[Expr]) -> Option<Vec<u32>> {
    if subscript.is_empty() || args.len() < 2 || args.len() > MAX_ABSTRACT_INPUTS {
        return None;
    }
    let letters = plain_letters(args);
    let mut slots = vec![0u32; args.len()];
    for c in subscript.chars() {
        let slot = match c.to_digit(10) {
            Some(d) if d >= 1 && (d as usize) <= args.len() => d as usize - 1,
            Some(_) => return None,
            None => letters.as_ref()?.iter().position(|l| *l == c)?,
        };
        slots[slot] += 1;
    }
    Some(slots)
}

impl Expr {
    /// An abstract function applied to inputs (see the module documentation).
    pub fn applied(name: Symbol, slots: Vec<u32>, args: Vec<Expr>) -> Expr {
        Expr::from_kind(Kind::Apply(Applied { name, slots, args }))
    }

    /// The first abstract function in the expression, for errors that name it.
    pub fn first_abstract_function(&self) -> Option<Symbol> {
        if !self.has_abstract_function() {
            return None;
        }
        match self.kind() {
            Kind::Apply(a) => Some(a.name.clone()),
            Kind::Num(_) | Kind::Const(_) | Kind::Var(_) => None,
            Kind::Add(items) | Kind::Mul(items) => {
                items.iter().find_map(Expr::first_abstract_function)
            }
            Kind::Pow(a, b) | Kind::Log(a, b) => a
                .first_abstract_function()
                .or_else(|| b.first_abstract_function()),
            Kind::Func(_, a) => a.first_abstract_function(),
        }
    }
}
