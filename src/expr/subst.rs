//! Replacing a variable by an expression, rebuilding through the canonical constructors.

use super::{Expr, Kind, Symbol};

/// `e` with every `name` replaced by `value`, simplified again.
pub fn substitute(e: &Expr, name: &str, value: &Expr) -> Expr {
    if !e.contains(name) {
        return e.clone();
    }
    match e.kind() {
        Kind::Num(_) | Kind::Const(_) => e.clone(),
        Kind::Var(_) => value.clone(),
        Kind::Add(terms) => Expr::add(terms.iter().map(|t| substitute(t, name, value)).collect()),
        Kind::Mul(factors) => {
            Expr::mul(factors.iter().map(|f| substitute(f, name, value)).collect())
        }
        Kind::Pow(b, x) => Expr::pow(substitute(b, name, value), substitute(x, name, value)),
        Kind::Func(f, a) => Expr::func(*f, substitute(a, name, value)),
        Kind::Log(b, a) => Expr::log(substitute(b, name, value), substitute(a, name, value)),
        Kind::Apply(f) => f.with_args(f.args.iter().map(|a| substitute(a, name, value)).collect()),
    }
}

/// `e` with each of `names` replaced by its value, all at once: putting (y, x) into
/// g(x, y) must not turn x into y and back.
pub fn substitute_all(e: &Expr, names: &[Symbol], values: &[Expr]) -> Expr {
    let placeholders: Vec<Symbol> = (0..names.len())
        .map(|i| Symbol::from(format!("#{i}")))
        .collect();
    let mut out = e.clone();
    for (name, placeholder) in names.iter().zip(&placeholders) {
        out = substitute(&out, name, &Expr::symbol(placeholder.clone()));
    }
    for (placeholder, value) in placeholders.iter().zip(values) {
        out = substitute(&out, placeholder, value);
    }
    out
}
