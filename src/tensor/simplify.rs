//! Tidying a formula with vectors and matrices: transposes pushed inward ((AB)ᵀ = BᵀAᵀ),
//! numbers gathered in front, like terms collected, a shared right factor taken out
//! (Ax + Aᵀx = (A + Aᵀ)x), and a symmetric matrix's transpose read as itself.

use super::ast::{Fun, Tensor};
use super::shape::Env;
use crate::expr::Expr;

/// The formula in the form nudge prints results in.
pub fn simplify(t: &Tensor, env: &Env) -> Tensor {
    let once = pass(t, env);
    let twice = pass(&once, env);
    if twice == once {
        once
    } else {
        pass(&twice, env)
    }
}

fn pass(t: &Tensor, env: &Env) -> Tensor {
    match t {
        Tensor::Scalar(_) | Tensor::Name(_) | Tensor::Identity => t.clone(),
        Tensor::Add(parts) => add(parts.iter().map(|p| pass(p, env)).collect(), env),
        Tensor::Mul(fs) => mul(fs.iter().map(|f| pass(f, env)).collect()),
        Tensor::Pow(base, exp) if exp.is_one() => pass(base, env),
        Tensor::Pow(base, exp) => match pass(base, env) {
            Tensor::Scalar(b) => Tensor::Scalar(Expr::pow(b, exp.clone())),
            b => Tensor::Pow(Box::new(b), exp.clone()),
        },
        Tensor::Div(top, bottom) => match (pass(top, env), pass(bottom, env)) {
            (Tensor::Scalar(a), Tensor::Scalar(b)) => Tensor::Scalar(Expr::div(a, b)),
            (a, Tensor::Scalar(b)) => mul(vec![Tensor::Scalar(Expr::recip(b)), a]),
            (a, b) => Tensor::Div(Box::new(a), Box::new(b)),
        },
        Tensor::Transpose(a) => transpose(pass(a, env), env),
        Tensor::Inverse(a) => match pass(a, env) {
            Tensor::Identity => Tensor::Identity,
            a => Tensor::Inverse(Box::new(a)),
        },
        Tensor::Hadamard(a, b) => Tensor::Hadamard(Box::new(pass(a, env)), Box::new(pass(b, env))),
        Tensor::Dot(a, b) => Tensor::Dot(Box::new(pass(a, env)), Box::new(pass(b, env))),
        Tensor::Norm(a) => Tensor::Norm(Box::new(pass(a, env))),
        Tensor::Apply(f, a) => Tensor::Apply(*f, Box::new(pass(a, env))),
        Tensor::Sum {
            index,
            lower,
            upper,
            body,
        } => Tensor::Sum {
            index: index.clone(),
            lower: lower.clone(),
            upper: upper.clone(),
            body: Box::new(pass(body, env)),
        },
    }
}

fn is_number(t: &Tensor, env: &Env) -> bool {
    env.clone().infer(t).is_ok_and(|s| s.is_scalar())
}

fn transpose(a: Tensor, env: &Env) -> Tensor {
    match a {
        Tensor::Scalar(_) | Tensor::Identity => a,
        Tensor::Transpose(inner) => *inner,
        Tensor::Name(ref n) if env.is_symmetric(n) => a,
        Tensor::Apply(Fun::Diag, _) => a,
        Tensor::Mul(fs) => mul(fs.into_iter().rev().map(|f| transpose(f, env)).collect()),
        Tensor::Add(parts) => add(parts.into_iter().map(|p| transpose(p, env)).collect(), env),
        a if is_number(&a, env) => a,
        a => Tensor::Transpose(Box::new(a)),
    }
}

/// A product: numbers multiplied together in front, identities dropped, nested products flat.
fn mul(factors: Vec<Tensor>) -> Tensor {
    let mut coefficient = Expr::one();
    let mut rest: Vec<Tensor> = Vec::new();
    for f in factors {
        match f {
            Tensor::Scalar(e) => coefficient = Expr::mul(vec![coefficient, e]),
            Tensor::Mul(inner) => match mul(inner) {
                Tensor::Mul(fs) => {
                    for g in fs {
                        match g {
                            Tensor::Scalar(e) => coefficient = Expr::mul(vec![coefficient, e]),
                            g => rest.push(g),
                        }
                    }
                }
                Tensor::Scalar(e) => coefficient = Expr::mul(vec![coefficient, e]),
                g => rest.push(g),
            },
            Tensor::Identity => {}
            f => rest.push(f),
        }
    }
    if coefficient.is_zero() {
        return Tensor::Scalar(Expr::zero());
    }
    if rest.is_empty() {
        return Tensor::Scalar(coefficient);
    }
    if !coefficient.is_one() {
        rest.insert(0, Tensor::Scalar(coefficient));
    }
    if rest.len() == 1 {
        rest.pop().expect("one factor")
    } else {
        Tensor::Mul(rest)
    }
}

/// A term as a number times the rest.
fn split(t: &Tensor) -> (Expr, Tensor) {
    match t {
        Tensor::Scalar(e) => (e.clone(), Tensor::Scalar(Expr::one())),
        Tensor::Mul(fs) => match fs.split_first() {
            Some((Tensor::Scalar(c), rest)) if rest.len() == 1 => (c.clone(), rest[0].clone()),
            Some((Tensor::Scalar(c), rest)) => (c.clone(), Tensor::Mul(rest.to_vec())),
            _ => (Expr::one(), t.clone()),
        },
        _ => (Expr::one(), t.clone()),
    }
}

fn add(parts: Vec<Tensor>, env: &Env) -> Tensor {
    let mut flat: Vec<Tensor> = Vec::new();
    for p in parts {
        match p {
            Tensor::Add(inner) => flat.extend(inner),
            p => flat.push(p),
        }
    }
    let mut scalar = Expr::zero();
    let mut terms: Vec<(Expr, Tensor)> = Vec::new();
    for p in flat {
        if let Tensor::Scalar(e) = p {
            scalar = Expr::add(vec![scalar, e]);
            continue;
        }
        let (c, rest) = split(&p);
        match terms.iter_mut().find(|(_, r)| *r == rest) {
            Some((k, _)) => *k = Expr::add(vec![k.clone(), c]),
            None => terms.push((c, rest)),
        }
    }
    let mut out: Vec<Tensor> = terms
        .into_iter()
        .filter(|(c, _)| !c.is_zero())
        .map(|(c, r)| mul(vec![Tensor::Scalar(c), r]))
        .collect();
    if !scalar.is_zero() {
        out.push(Tensor::Scalar(scalar));
    }
    match out.len() {
        0 => Tensor::Scalar(Expr::zero()),
        1 => out.pop().expect("one term"),
        _ => factor_right(out, env),
    }
}

/// `Ax + Aᵀx` as `(A + Aᵀ)x`: every term ends in the same vector, taken out once.
fn factor_right(terms: Vec<Tensor>, env: &Env) -> Tensor {
    let last = |t: &Tensor| match t {
        Tensor::Mul(fs) if fs.len() >= 2 => fs.last().cloned(),
        _ => None,
    };
    let Some(shared) = last(&terms[0]) else {
        return Tensor::Add(terms);
    };
    let vector = env.clone().infer(&shared).is_ok_and(|s| s.is_column());
    if !vector || !terms.iter().all(|t| last(t).as_ref() == Some(&shared)) {
        return Tensor::Add(terms);
    }
    let heads: Vec<Tensor> = terms
        .iter()
        .filter_map(|t| match t {
            Tensor::Mul(fs) => Some(mul(fs[..fs.len() - 1].to_vec())),
            _ => None,
        })
        .collect();
    if heads.iter().any(|h| is_number(h, env)) {
        return Tensor::Add(terms);
    }
    Tensor::Mul(vec![Tensor::Add(heads), shared])
}
