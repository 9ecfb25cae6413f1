//! The Jacobian of a vector by a vector, built from the inside out: each part's Jacobian
//! is the one inside it multiplied on the left by the part's own (the chain rule as a
//! matrix product).

use super::ast::{Fun, Tensor};
use super::gradient::{IdentityStep, MatrixRule, Stuck};
use super::shape::Env;
use super::simplify::simplify;

/// ∂f/∂var for a vector f and a vector var: rows are f's entries, columns var's.
pub fn jacobian(f: &Tensor, var: &str, env: &Env) -> Result<(IdentityStep, Tensor), Stuck> {
    let step = walk(f, var, env)?;
    let result = step.slope.clone();
    Ok((step, result))
}

fn walk(part: &Tensor, var: &str, env: &Env) -> Result<IdentityStep, Stuck> {
    let shape = env.clone().infer(part).map_err(|_| Stuck(part.clone()))?;
    let stuck = || Stuck(part.clone());
    let inner = |child: &Tensor| walk(child, var, env);
    let (rule, substeps, jacobian) = match part {
        Tensor::Name(n) if &**n == var => (MatrixRule::Variable, Vec::new(), Tensor::Identity),
        Tensor::Add(parts) => {
            let steps: Vec<IdentityStep> = parts
                .iter()
                .filter(|p| p.mentions(var))
                .map(inner)
                .collect::<Result<_, _>>()?;
            let total = Tensor::Add(steps.iter().map(|s| s.slope.clone()).collect());
            (MatrixRule::Sum, steps, total)
        }
        Tensor::Mul(fs) => {
            let (last, before) = fs.split_last().ok_or_else(stuck)?;
            if before.iter().any(|f| f.mentions(var)) {
                return Err(stuck());
            }
            let step = inner(last)?;
            let rule = if before.iter().all(|f| matches!(f, Tensor::Scalar(_))) {
                MatrixRule::ConstantMultiple
            } else {
                MatrixRule::MatrixProduct
            };
            let mut factors = before.to_vec();
            factors.push(step.slope.clone());
            (rule, vec![step], Tensor::Mul(factors))
        }
        Tensor::Apply(Fun::Softmax, z) => {
            let step = inner(z)?;
            let local = Tensor::Add(vec![
                Tensor::apply(Fun::Diag, part.clone()),
                Tensor::Mul(vec![
                    Tensor::number(-1),
                    part.clone(),
                    Tensor::transpose(part.clone()),
                ]),
            ]);
            let j = Tensor::Mul(vec![local, step.slope.clone()]);
            (MatrixRule::Softmax, vec![step], j)
        }
        Tensor::Apply(f, u) if f.elementwise().is_some() => {
            let e = f.elementwise().ok_or_else(stuck)?;
            let step = inner(u)?;
            let local = Tensor::apply(Fun::Diag, Tensor::apply(Fun::Slope(e), (**u).clone()));
            let j = Tensor::Mul(vec![local, step.slope.clone()]);
            (MatrixRule::Elementwise, vec![step], j)
        }
        Tensor::Hadamard(a, b) if !b.mentions(var) => {
            let step = inner(a)?;
            let j = Tensor::Mul(vec![
                Tensor::apply(Fun::Diag, (**b).clone()),
                step.slope.clone(),
            ]);
            (MatrixRule::Hadamard, vec![step], j)
        }
        Tensor::Hadamard(a, b) if !a.mentions(var) => {
            let step = inner(b)?;
            let j = Tensor::Mul(vec![
                Tensor::apply(Fun::Diag, (**a).clone()),
                step.slope.clone(),
            ]);
            (MatrixRule::Hadamard, vec![step], j)
        }
        _ => return Err(stuck()),
    };
    Ok(IdentityStep {
        rule,
        part: part.clone(),
        shape,
        slope: simplify(&jacobian, env),
        substeps,
    })
}
