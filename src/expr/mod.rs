//! Exact symbolic expressions: an immutable, shared tree kept in canonical form.
//!
//! Every `Expr` is built through the constructors in `build`, which fold
//! constants and collect like terms as they go, so a tree never holds `1·x`,
//! `x^1`, `x + 0` or two copies of the same term.

mod applied;
mod build;
mod decimal;
mod eval;
mod func;
mod latex;
mod number;
mod operand;
mod print;
mod subst;
mod surd;

use std::hash::{Hash, Hasher};
use std::sync::Arc;

pub use applied::{slots_from_subscript, Applied, ABSTRACT_FUNCTION_NAMES, MAX_ABSTRACT_INPUTS};
pub use decimal::{decimal, thousands};
pub(crate) use eval::{
    apply as apply_func, positive_for_log, power as power_value, show as show_value,
};
pub use eval::{eval, EvalError};
pub use func::{Func, KNOWN_FUNCTION_NAMES};
pub use latex::{latex_name, latex_operand, latex_operator, latex_partials};
pub use number::Number;
pub use operand::{derivand, operand, operator, partials};
pub(crate) use print::greek_name;
pub use print::{greek_letter, superscript, unicode_name, Style};
pub use subst::{substitute, substitute_all};

/// A variable name, stored in ASCII (`theta`, `w_1`); printing maps Greek names to letters.
pub type Symbol = Arc<str>;

/// The two named constants of the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Constant {
    /// Euler's number, 2.71828…
    E,
    /// π, 3.14159…
    Pi,
}

impl Constant {
    pub fn value(self) -> f64 {
        match self {
            Constant::E => std::f64::consts::E,
            Constant::Pi => std::f64::consts::PI,
        }
    }
}

/// The shape of one node. Sums and products are n-ary; their order is the
/// order terms arrived in (sums) or a textbook order (products), and equality
/// ignores it.
#[derive(Debug)]
pub enum Kind {
    Num(Number),
    Const(Constant),
    Var(Symbol),
    Add(Vec<Expr>),
    Mul(Vec<Expr>),
    Pow(Expr, Expr),
    Func(Func, Expr),
    /// `log_base(arg)` for a base other than e.
    Log(Expr, Expr),
    /// A function with no formula, applied to inputs: `f(x)`, `f′(g(x))`.
    Apply(Applied),
}

#[derive(Debug)]
struct Node {
    hash: u64,
    /// Nodes in the tree, counting shared subtrees each time (saturating).
    size: u32,
    /// Longest path to a leaf.
    depth: u32,
    /// The variables that occur in the tree, in `var_order`.
    vars: Arc<[Symbol]>,
    /// Whether a function with no formula occurs in the tree.
    abstract_function: bool,
    kind: Kind,
}

/// A shared, immutable expression. Cloning is cheap.
#[derive(Clone, Debug)]
pub struct Expr(Arc<Node>);

impl Expr {
    fn from_kind(kind: Kind) -> Expr {
        crate::budget::charge(1 + children(&kind));
        let mut size: u32 = 1;
        let mut depth: u32 = 0;
        let mut vars: Option<Arc<[Symbol]>> = None;
        let mut abstract_function = matches!(kind, Kind::Apply(_));
        let mut grow = |child: &Expr| {
            abstract_function |= child.0.abstract_function;
            size = size.saturating_add(child.0.size);
            depth = depth.max(child.0.depth + 1);
            let more = &child.0.vars;
            match &vars {
                None => vars = Some(more.clone()),
                // Usually the variables are the very list already held, or none at all.
                Some(acc) if Arc::ptr_eq(acc, more) || more.is_empty() => {}
                Some(acc) => vars = Some(union_vars(acc, more)),
            }
        };
        let hash = match &kind {
            Kind::Num(n) => hash_of(&(0u8, n)),
            Kind::Const(c) => hash_of(&(1u8, c)),
            Kind::Var(v) => hash_of(&(2u8, v)),
            Kind::Add(terms) => {
                terms.iter().for_each(&mut grow);
                hash_of(&(3u8, unordered_hash(terms)))
            }
            Kind::Mul(factors) => {
                factors.iter().for_each(&mut grow);
                hash_of(&(4u8, unordered_hash(factors)))
            }
            Kind::Pow(b, e) => {
                grow(b);
                grow(e);
                hash_of(&(5u8, b.0.hash, e.0.hash))
            }
            Kind::Func(f, a) => {
                grow(a);
                hash_of(&(6u8, f, a.0.hash))
            }
            Kind::Log(b, a) => {
                grow(b);
                grow(a);
                hash_of(&(7u8, b.0.hash, a.0.hash))
            }
            Kind::Apply(f) => {
                f.args.iter().for_each(&mut grow);
                let args: Vec<u64> = f.args.iter().map(|a| a.0.hash).collect();
                hash_of(&(8u8, &f.name, &f.slots, args))
            }
        };
        let vars = match (&kind, vars) {
            (Kind::Var(v), _) => Arc::from([v.clone()]),
            (_, Some(v)) => v,
            (_, None) => NO_VARS.clone(),
        };
        Expr(Arc::new(Node {
            hash,
            size,
            depth,
            vars,
            abstract_function,
            kind,
        }))
    }

    pub fn kind(&self) -> &Kind {
        &self.0.kind
    }

    /// How many nodes the tree has (saturating at `u32::MAX`).
    pub fn size(&self) -> u32 {
        self.0.size
    }

    /// The longest path from this node to a leaf.
    pub fn depth(&self) -> u32 {
        self.0.depth
    }

    pub fn as_number(&self) -> Option<&Number> {
        match self.kind() {
            Kind::Num(n) => Some(n),
            _ => None,
        }
    }

    pub fn is_zero(&self) -> bool {
        self.as_number().is_some_and(Number::is_zero)
    }

    pub fn is_one(&self) -> bool {
        self.as_number().is_some_and(Number::is_one)
    }

    pub fn is_var(&self, name: &str) -> bool {
        matches!(self.kind(), Kind::Var(v) if &**v == name)
    }

    /// Whether `name` occurs anywhere in the expression.
    pub fn contains(&self, name: &str) -> bool {
        self.0.vars.iter().any(|v| &**v == name)
    }

    /// Whether a function with no formula (`f(x)` with f undefined) occurs in the expression.
    pub fn has_abstract_function(&self) -> bool {
        self.0.abstract_function
    }

    /// The variables in the expression, in the order x, y, z, then alphabetical.
    pub fn free_vars(&self) -> Vec<Symbol> {
        self.0.vars.to_vec()
    }

    /// Splits a term into its numeric coefficient and the rest: `3x²` → (3, x²).
    pub fn split_coefficient(&self) -> (Number, Expr) {
        match self.kind() {
            Kind::Num(n) => (n.clone(), Expr::one()),
            Kind::Mul(factors) => match factors[0].as_number() {
                Some(c) => (c.clone(), Expr::product_of_canonical(factors[1..].to_vec())),
                None => (Number::one(), self.clone()),
            },
            _ => (Number::one(), self.clone()),
        }
    }

    /// Splits a factor into base and exponent: `x³` → (x, 3), `sin x` → (sin x, 1).
    pub fn split_power(&self) -> (Expr, Expr) {
        match self.kind() {
            Kind::Pow(b, e) => (b.clone(), e.clone()),
            _ => (self.clone(), Expr::one()),
        }
    }

    /// The factors of a product, or the expression itself as one factor.
    pub fn factors(&self) -> &[Expr] {
        match self.kind() {
            Kind::Mul(f) => f,
            _ => std::slice::from_ref(self),
        }
    }

    /// The terms of a sum, or the expression itself as one term.
    pub fn terms(&self) -> &[Expr] {
        match self.kind() {
            Kind::Add(t) => t,
            _ => std::slice::from_ref(self),
        }
    }
}

/// How many children a node links to: the parts it costs beyond itself.
fn children(kind: &Kind) -> u64 {
    match kind {
        Kind::Num(_) | Kind::Const(_) | Kind::Var(_) => 0,
        Kind::Func(..) => 1,
        Kind::Pow(..) | Kind::Log(..) => 2,
        Kind::Add(items) | Kind::Mul(items) => items.len() as u64,
        Kind::Apply(f) => f.args.len() as u64,
    }
}

static NO_VARS: std::sync::LazyLock<Arc<[Symbol]>> =
    std::sync::LazyLock::new(|| Arc::from(Vec::new()));

/// The union of two sorted variable sets, sharing `acc` when it already holds `more`.
fn union_vars(acc: &Arc<[Symbol]>, more: &Arc<[Symbol]>) -> Arc<[Symbol]> {
    if acc.is_empty() {
        return more.clone();
    }
    if more.iter().all(|v| acc.contains(v)) {
        return acc.clone();
    }
    if acc.iter().all(|v| more.contains(v)) {
        return more.clone();
    }
    let mut merged: Vec<Symbol> = acc.iter().chain(more.iter()).cloned().collect();
    merged.sort_by(|a, b| var_order(a).cmp(&var_order(b)));
    merged.dedup();
    Arc::from(merged)
}

/// x, y, z first (as AI and textbook writing orders them), then the rest alphabetically.
fn var_order(name: &str) -> (u8, &str) {
    match name {
        "x" => (0, ""),
        "y" => (1, ""),
        "z" => (2, ""),
        other => (3, other),
    }
}

fn hash_of<T: Hash>(value: &T) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

/// A small, fast, deterministic hasher (the Fx hash of rustc) for node hashes.
#[derive(Default)]
struct FxHasher(u64);

impl FxHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        // One final avalanche so that nearby inputs spread over all bits.
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.mix(u64::from_le_bytes(word));
        }
        for b in chunks.remainder() {
            self.mix(u64::from(*b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    fn write_u8(&mut self, n: u8) {
        self.mix(u64::from(n));
    }

    fn write_i64(&mut self, n: i64) {
        self.mix(n as u64);
    }
}

/// A hash that does not depend on the order of the items.
fn unordered_hash(items: &[Expr]) -> u64 {
    items.iter().fold(0u64, |acc, e| {
        acc.wrapping_add(e.0.hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (e.0.hash >> 29))
    })
}

impl Hash for Expr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0.hash);
    }
}

impl PartialEq for Expr {
    fn eq(&self, other: &Expr) -> bool {
        if Arc::ptr_eq(&self.0, &other.0) {
            return true;
        }
        if self.0.hash != other.0.hash || self.0.size != other.0.size {
            return false;
        }
        match (self.kind(), other.kind()) {
            (Kind::Num(a), Kind::Num(b)) => a == b,
            (Kind::Const(a), Kind::Const(b)) => a == b,
            (Kind::Var(a), Kind::Var(b)) => a == b,
            (Kind::Add(a), Kind::Add(b)) | (Kind::Mul(a), Kind::Mul(b)) => same_multiset(a, b),
            (Kind::Pow(a1, a2), Kind::Pow(b1, b2)) | (Kind::Log(a1, a2), Kind::Log(b1, b2)) => {
                a1 == b1 && a2 == b2
            }
            (Kind::Func(f, a), Kind::Func(g, b)) => f == g && a == b,
            (Kind::Apply(f), Kind::Apply(g)) => {
                f.name == g.name && f.slots == g.slots && f.args == g.args
            }
            _ => false,
        }
    }
}

impl Eq for Expr {}

fn same_multiset(a: &[Expr], b: &[Expr]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.iter().zip(b).all(|(x, y)| x == y) {
        return true;
    }
    let mut unmatched: Vec<&Expr> = b.iter().collect();
    for x in a {
        match unmatched.iter().position(|y| *y == x) {
            Some(i) => {
                unmatched.swap_remove(i);
            }
            None => return false,
        }
    }
    true
}

/// Dropping a very deep tree must not recurse once per level on the stack.
impl Drop for Node {
    fn drop(&mut self) {
        if self.depth < 256 {
            return;
        }
        let mut stack: Vec<Expr> = Vec::new();
        take_children(&mut self.kind, &mut stack);
        while let Some(child) = stack.pop() {
            if let Ok(mut node) = Arc::try_unwrap(child.0) {
                take_children(&mut node.kind, &mut stack);
            }
        }
    }
}

fn take_children(kind: &mut Kind, stack: &mut Vec<Expr>) {
    let placeholder = || Expr(Arc::clone(&LEAF));
    match kind {
        Kind::Num(_) | Kind::Const(_) | Kind::Var(_) => {}
        Kind::Add(items) | Kind::Mul(items) => stack.append(items),
        Kind::Pow(a, b) | Kind::Log(a, b) => {
            stack.push(std::mem::replace(a, placeholder()));
            stack.push(std::mem::replace(b, placeholder()));
        }
        Kind::Func(_, a) => stack.push(std::mem::replace(a, placeholder())),
        Kind::Apply(f) => stack.append(&mut f.args),
    }
}

static LEAF: std::sync::LazyLock<Arc<Node>> = std::sync::LazyLock::new(|| {
    Arc::new(Node {
        hash: 0,
        size: 1,
        depth: 0,
        vars: NO_VARS.clone(),
        abstract_function: false,
        kind: Kind::Const(Constant::E),
    })
});
