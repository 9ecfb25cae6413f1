//! Which calls name a function with no formula: f, g or h, not defined (`f(g(x))`,
//! `g(x, y)`, `f(1)`; with primes only around a letter, `f′(x)`, as `f′(2)` asks for a
//! definition), and the partials `f_x(x, y)`, `f_12(x², y)` that nudge writes for them.

use super::ast::{Node, NodeKind};
use super::names::Names;
use crate::expr::{ABSTRACT_FUNCTION_NAMES, MAX_ABSTRACT_INPUTS};

/// The letter of an abstract function and the subscript of a partial: `f_xy` → (`f`, `xy`).
pub fn split_abstract_name(name: &str) -> Option<(&str, &str)> {
    let (base, subscript) = name.split_once('_').unwrap_or((name, ""));
    let plain = subscript.chars().all(|c| c.is_ascii_alphanumeric());
    (ABSTRACT_FUNCTION_NAMES.contains(&base) && plain).then_some((base, subscript))
}

/// Whether `name(args)` with `primes` is a function with no formula rather than a call
/// of a definition or a product: the name is free, and it has no primes or an input has
/// a letter in it.
pub fn is_abstract_call(names: &dyn Names, name: &str, primes: u32, args: &[Node]) -> bool {
    let Some((base, subscript)) = split_abstract_name(name) else {
        return false;
    };
    let free = |n: &str| names.arity(n).is_none() && names.value(n).is_none();
    let shape = match (subscript.is_empty(), args.len()) {
        (true, 1) => true,
        (true, n) => n <= MAX_ABSTRACT_INPUTS,
        (false, n) => primes == 0 && (2..=MAX_ABSTRACT_INPUTS).contains(&n),
    };
    shape && free(name) && free(base) && (primes == 0 || args.iter().any(has_letter))
}

fn has_letter(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Var(_) => true,
        NodeKind::Number(_) | NodeKind::Constant(_) => false,
        NodeKind::Neg(a) | NodeKind::Paren(a) => has_letter(a),
        NodeKind::Binary(_, a, b) => has_letter(a) || has_letter(b),
        NodeKind::Call { arg, power, .. } => {
            has_letter(arg) || power.as_deref().is_some_and(has_letter)
        }
        NodeKind::Apply { args, .. } => args.iter().any(has_letter),
    }
}
