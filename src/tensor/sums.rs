//! Slopes of sums Σ by a number: small sums written out term by term, others by linearity
//! (one general term differentiated once), and ∂/∂w_j Σ_i picking out the term i = j.

use super::ast::Tensor;
use crate::calculus::{derive, Step};
use crate::expr::{substitute_all, Expr, Symbol};

/// Sums with numeric bounds up to this many terms are written out.
const WRITTEN_OUT: i64 = 6;

/// How a sum's slope was found.
#[derive(Clone, Debug)]
pub enum SumWay {
    /// Written out term by term, then differentiated as one formula.
    Expanded { written: Expr, steps: Step },
    /// Term by term, the sum rule: each sum's general term differentiated once.
    Linear(Vec<SumTerm>),
}

/// One term of the formula: a number times a sum (or a plain formula, with no range).
#[derive(Clone, Debug)]
pub struct SumTerm {
    pub coefficient: Expr,
    pub range: Option<Range>,
    pub body: Expr,
    /// The slope of the body (for a sum, its general term) by the variable.
    pub steps: Step,
    /// `∂/∂w_j Σ_i w_i x_i`: only the term i = j moves; this is j.
    pub picked: Option<Symbol>,
    /// This term's share of the slope.
    pub slope: Tensor,
}

/// `i` running from `lower` to `upper`.
#[derive(Clone, Debug, PartialEq)]
pub struct Range {
    pub index: Symbol,
    pub lower: Expr,
    pub upper: Expr,
}

/// Why a sum's slope cannot be found here, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct SumTrouble(pub String, pub String);

/// The slope of `of` by the number `var`, and how it was found.
pub fn differentiate(of: &Tensor, var: &str) -> Result<(SumWay, Tensor), SumTrouble> {
    let terms = terms(of)?;
    for (_, range, _) in &terms {
        if let Some(r) = range {
            if var == &*r.index || subscript(var) == Some(&*r.index) {
                return Err(SumTrouble(
                    format!(
                        "{} is the sum's own index, which runs over every term",
                        r.index
                    ),
                    format!(
                        "name the one you nudge with another letter, as in ∂/∂{}_j",
                        base(var)
                    ),
                ));
            }
        }
    }
    let picks = subscript(var).is_some_and(|j| j.chars().all(|c| c.is_alphabetic()))
        && terms.iter().any(|(_, r, b)| {
            r.as_ref()
                .is_some_and(|r| b.contains(&format!("{}_{}", base(var), r.index)))
        });
    if let Some(written) = written_out(&terms).filter(|_| !picks) {
        let steps = derive(&written, var);
        let result = Tensor::Scalar(steps.after.clone());
        return Ok((SumWay::Expanded { written, steps }, result));
    }
    let mut out = Vec::new();
    for (coefficient, range, body) in terms {
        out.push(term(coefficient, range, body, var));
    }
    let result = super::simplify::simplify(
        &Tensor::Add(out.iter().map(|t| t.slope.clone()).collect()),
        &super::shape::Env::default(),
    );
    Ok((SumWay::Linear(out), result))
}

fn term(coefficient: Expr, range: Option<Range>, body: Expr, var: &str) -> SumTerm {
    let Some(r) = range else {
        let steps = derive(&body, var);
        let slope = Tensor::Scalar(Expr::mul(vec![coefficient.clone(), steps.after.clone()]));
        return SumTerm {
            coefficient,
            range: None,
            body,
            steps,
            picked: None,
            slope,
        };
    };
    // ∂/∂w_j of a sum over i of terms holding w_i: only the term i = j moves.
    let indexed = format!("{}_{}", base(var), r.index);
    if subscript(var).is_some() && body.contains(&indexed) {
        let steps = derive(&body, &indexed);
        let j = Symbol::from(subscript(var).unwrap_or("j"));
        let picked = at_index(&steps.after, &r.index, &Expr::symbol(j.clone()));
        let slope = Tensor::Scalar(Expr::mul(vec![coefficient.clone(), picked]));
        return SumTerm {
            coefficient,
            range: Some(r),
            body,
            steps,
            picked: Some(j),
            slope,
        };
    }
    let steps = derive(&body, var);
    let (number, rest) = steps.after.split_coefficient();
    let sum = Tensor::Sum {
        index: r.index.clone(),
        lower: r.lower.clone(),
        upper: r.upper.clone(),
        body: Box::new(Tensor::Scalar(rest)),
    };
    let outside = Expr::mul(vec![coefficient.clone(), Expr::num(number)]);
    let slope = Tensor::Mul(vec![Tensor::Scalar(outside), sum]);
    SumTerm {
        coefficient,
        range: Some(r),
        body,
        steps,
        picked: None,
        slope,
    }
}

/// The formula as a list of (number, range, body): c·Σ body, or a plain formula.
fn terms(of: &Tensor) -> Result<Vec<(Expr, Option<Range>, Expr)>, SumTrouble> {
    let trouble = || {
        SumTrouble(
            "nudge takes slopes of sums of numbers here, and this formula holds a vector or a matrix".into(),
            "declare the vectors' shapes and ask ∂/∂x of the formula without Σ, or write the sum over numbers".into(),
        )
    };
    Ok(match of {
        Tensor::Scalar(e) => vec![(Expr::one(), None, e.clone())],
        Tensor::Add(parts) => {
            let mut all = Vec::new();
            for p in parts {
                all.extend(terms(p)?);
            }
            all
        }
        Tensor::Mul(fs) => {
            let mut coefficient = Expr::one();
            let mut inner = None;
            for f in fs {
                match f {
                    Tensor::Scalar(e) => coefficient = Expr::mul(vec![coefficient, e.clone()]),
                    other if inner.is_none() => inner = Some(terms(other)?),
                    _ => return Err(trouble()),
                }
            }
            match inner {
                None => vec![(Expr::one(), None, coefficient)],
                Some(ts) => ts
                    .into_iter()
                    .map(|(c, r, b)| (Expr::mul(vec![coefficient.clone(), c]), r, b))
                    .collect(),
            }
        }
        Tensor::Sum {
            index,
            lower,
            upper,
            body,
        } => match body.as_ref() {
            Tensor::Scalar(b) => vec![(
                Expr::one(),
                Some(Range {
                    index: index.clone(),
                    lower: lower.clone(),
                    upper: upper.clone(),
                }),
                b.clone(),
            )],
            _ => return Err(trouble()),
        },
        _ => return Err(trouble()),
    })
}

/// Every sum with number bounds and few terms, written out; `None` if any sum is not.
fn written_out(terms: &[(Expr, Option<Range>, Expr)]) -> Option<Expr> {
    let mut parts = Vec::new();
    for (c, range, body) in terms {
        let Some(r) = range else {
            parts.push(Expr::mul(vec![c.clone(), body.clone()]));
            continue;
        };
        let (lo, hi) = (
            r.lower.as_number()?.to_i64()?,
            r.upper.as_number()?.to_i64()?,
        );
        if hi < lo || hi - lo + 1 > WRITTEN_OUT {
            return None;
        }
        let each: Vec<Expr> = (lo..=hi)
            .map(|k| at_index(body, &r.index, &Expr::int(k)))
            .collect();
        parts.push(Expr::mul(vec![c.clone(), Expr::add(each)]));
    }
    Some(Expr::add(parts))
}

/// The general term with the index given a value: y_i becomes y_3 (or y_j), i becomes 3.
pub fn at_index(body: &Expr, index: &str, value: &Expr) -> Expr {
    let suffix = format!("_{index}");
    let label = match value.as_number().and_then(|n| n.to_i64()) {
        Some(k) => k.to_string(),
        None => value
            .free_vars()
            .first()
            .map(|s| s.to_string())
            .unwrap_or_default(),
    };
    let mut names = Vec::new();
    let mut values = Vec::new();
    for v in body.free_vars() {
        if let Some(b) = v.strip_suffix(&suffix) {
            values.push(Expr::var(&format!("{b}_{label}")));
            names.push(v.clone());
        } else if &*v == index {
            values.push(value.clone());
            names.push(v.clone());
        }
    }
    substitute_all(body, &names, &values)
}

fn subscript(name: &str) -> Option<&str> {
    name.split_once('_').map(|(_, s)| s)
}

fn base(name: &str) -> &str {
    name.split_once('_').map_or(name, |(b, _)| b)
}
