//! Softmax found in a list of outputs, and its Jacobian in the shape papers print,
//! ∂s_i/∂z_j = s_i(δ_ij − s_j): each offered only when proven equal, entry by entry, to what
//! the rules computed (the same fraction, and the same values at random points).

use super::derive;
use super::shapes::{proven_equal, Known, Shape};
use crate::expr::{substitute, substitute_all, Constant, Expr, Kind, Symbol};

/// Outputs larger than this are not searched: a softmax entry is small.
const MAX_SIZE: u32 = 400;
/// The letters tried, in turn, for the shares: papers write s or p.
const LETTERS: [&str; 3] = ["s", "p", "q"];

/// Outputs that are softmax of their inputs: output i is e^(z_i)/(e^(z_1) + … + e^(z_n)).
#[derive(Clone, Debug, PartialEq)]
pub struct Softmax {
    /// z_1 … z_n, in the order of the outputs.
    pub inputs: Vec<Expr>,
    /// The letter the shares are called by (s_1, s_2, …): one the outputs do not use.
    pub letter: Symbol,
}

/// A softmax's Jacobian written with its shares: entry (i, j) is s_i(δ_ij − s_j) when the
/// inputs are the variables themselves (times the inputs' own slopes otherwise).
#[derive(Clone, Debug, PartialEq)]
pub struct SoftmaxJacobian {
    pub softmax: Softmax,
    pub entries: Vec<Vec<Expr>>,
    /// Whether the inputs are variables themselves, so each entry is s_i(δ_ij − s_j) with no
    /// inner slopes.
    pub plain: bool,
    /// Whether the columns are the inputs themselves, in order, so the whole matrix is
    /// diag(s) − s sᵀ.
    pub square: bool,
}

impl Softmax {
    /// Share i (counting from 0) by name: s₁, s₂, …
    pub fn share(&self, i: usize) -> Expr {
        Expr::symbol(Symbol::from(format!("{}_{}", self.letter, i + 1)))
    }

    /// Every share's name, in order.
    pub fn names(&self) -> Vec<Symbol> {
        (0..self.inputs.len())
            .map(|i| Symbol::from(format!("{}_{}", self.letter, i + 1)))
            .collect()
    }

    /// Share i written out: e^(z_i)/(e^(z_1) + … + e^(z_n)).
    pub fn written(&self, i: usize) -> Expr {
        written(&self.inputs, i)
    }

    /// An expression in the shares with each share written out.
    pub fn expand(&self, e: &Expr) -> Expr {
        let values: Vec<Expr> = (0..self.inputs.len()).map(|i| self.written(i)).collect();
        substitute_all(e, &self.names(), &values)
    }
}

fn written(inputs: &[Expr], i: usize) -> Expr {
    let grown = |u: &Expr| Expr::exp(u.clone());
    let sum = Expr::add(inputs.iter().map(grown).collect());
    match inputs.get(i) {
        Some(u) => Expr::div(grown(u), sum),
        None => Expr::one(),
    }
}

/// The softmax shape a slope by `var` is in, if any: one share's slope, s_i(δ_ij − s_j), or
/// cross-entropy after a softmax, p_i − y_i given the targets add to 1 (each times the slope
/// of the one input that moves). Each proven equal to the result; the second only once the
/// last target is written as 1 less the others, which is what the assumption says.
pub fn softmax_shape(result: &Expr, var: &str) -> Option<Known> {
    let inputs = first_exponential_sum(result)?;
    let moving: Vec<usize> = (0..inputs.len())
        .filter(|&i| inputs[i].contains(var))
        .collect();
    let [i] = moving.as_slice() else {
        return None;
    };
    let slope = derive(&inputs[*i], var).after;
    let scaled = |form: Expr| Expr::mul(vec![slope.clone(), form]);
    let targets: Vec<Symbol> = result
        .free_vars()
        .into_iter()
        .filter(|v| &**v != var && !inputs.iter().any(|u| u.contains(v)))
        .collect();
    if targets.is_empty() {
        let softmax = Softmax {
            letter: letter_for(std::slice::from_ref(result), "s")?,
            inputs,
        };
        let s_i = softmax.share(*i);
        return (0..softmax.inputs.len()).find_map(|k| {
            let s_k = softmax.share(k);
            let form = scaled(Expr::mul(vec![
                s_k,
                Expr::sub(Expr::int(i64::from(k == *i)), s_i.clone()),
            ]));
            proven_equal(result, &softmax.expand(&form)).then(|| Known {
                shape: Shape::SoftmaxShareSlope,
                form,
                inner: softmax.inputs[*i].clone(),
                softmax: Some(softmax.clone()),
                given: None,
            })
        });
    }
    if targets.len() != inputs.len() {
        return None;
    }
    let softmax = Softmax {
        letter: letter_for(std::slice::from_ref(result), "p")?,
        inputs,
    };
    let given = Expr::add(targets.iter().cloned().map(Expr::symbol).collect());
    let (last, others) = targets.split_last()?;
    let rest = Expr::sub(
        Expr::one(),
        Expr::add(others.iter().cloned().map(Expr::symbol).collect()),
    );
    let assumed = |e: &Expr| substitute(e, last, &rest);
    let result_given = assumed(result);
    targets.iter().find_map(|y| {
        let form = scaled(Expr::sub(softmax.share(*i), Expr::symbol(y.clone())));
        let written = softmax.expand(&form);
        let given = (!proven_equal(result, &written)).then(|| given.clone());
        let holds = given.is_none() || proven_equal(&result_given, &assumed(&written));
        holds.then(|| Known {
            shape: Shape::SoftmaxPredictionMinusTarget,
            form,
            inner: softmax.inputs[*i].clone(),
            softmax: Some(softmax.clone()),
            given,
        })
    })
}

/// The exponents of the first sum of two or more exponentials below a fraction bar.
fn first_exponential_sum(e: &Expr) -> Option<Vec<Expr>> {
    // A number among the exponents is a sigmoid's 1 + e^(−x), not a softmax of letters.
    let letters = |u: &Vec<Expr>| u.len() >= 2 && u.iter().all(|x| x.as_number().is_none());
    if let Some(found) = exponential_sum(e).filter(letters) {
        return Some(found);
    }
    match e.kind() {
        Kind::Add(parts) | Kind::Mul(parts) => parts.iter().find_map(first_exponential_sum),
        Kind::Pow(a, b) | Kind::Log(a, b) => {
            first_exponential_sum(a).or_else(|| first_exponential_sum(b))
        }
        Kind::Func(_, a) => first_exponential_sum(a),
        Kind::Apply(_) | Kind::Num(_) | Kind::Const(_) | Kind::Var(_) => None,
    }
}

/// A letter for the shares that none of `exprs` uses, `preferred` first.
fn letter_for(exprs: &[Expr], preferred: &'static str) -> Option<Symbol> {
    let taken = exprs
        .iter()
        .flat_map(Expr::free_vars)
        .collect::<Vec<Symbol>>();
    std::iter::once(preferred)
        .chain(LETTERS)
        .find(|l| {
            !taken
                .iter()
                .any(|v| &**v == *l || v.strip_prefix(l).is_some_and(|r| r.starts_with('_')))
        })
        .map(Symbol::from)
}

/// The softmax `outputs` are, if they are one: at least two outputs over one sum of
/// exponentials, each proven equal to its share.
pub fn recognise_softmax(outputs: &[Expr]) -> Option<Softmax> {
    if outputs.len() < 2 || outputs.iter().any(|o| o.size() > MAX_SIZE) {
        return None;
    }
    let exponents = exponential_sum(outputs.first()?)?;
    if exponents.len() != outputs.len() {
        return None;
    }
    let mut unused: Vec<usize> = (0..exponents.len()).collect();
    let mut inputs = Vec::with_capacity(outputs.len());
    for output in outputs {
        let at = unused
            .iter()
            .position(|&j| proven_equal(output, &written(&exponents, j)))?;
        inputs.push(exponents[unused.remove(at)].clone());
    }
    Some(Softmax {
        inputs,
        letter: letter_for(outputs, "s")?,
    })
}

/// The exponents u of a sum e^(u_1) + e^(u_2) + … below the fraction bar (a 1 is e^0).
fn exponential_sum(output: &Expr) -> Option<Vec<Expr>> {
    output.factors().iter().find_map(|f| match f.kind() {
        Kind::Pow(sum, power) if power.as_number().is_some_and(|n| n.is_negative()) => {
            let Kind::Add(terms) = sum.kind() else {
                return None;
            };
            terms
                .iter()
                .map(|t| match t.kind() {
                    Kind::Pow(b, u) if matches!(b.kind(), Kind::Const(Constant::E)) => {
                        Some(u.clone())
                    }
                    _ if t.is_one() => Some(Expr::int(0)),
                    _ => None,
                })
                .collect()
        }
        _ => None,
    })
}

/// The Jacobian of `softmax` by `vars` written with its shares, when every entry is proven
/// equal to the entry the rules computed (`computed`, rows by outputs).
pub fn softmax_jacobian(
    softmax: &Softmax,
    vars: &[Symbol],
    computed: &[Vec<Expr>],
) -> Option<SoftmaxJacobian> {
    let n = softmax.inputs.len();
    let slopes: Vec<Vec<Expr>> = softmax
        .inputs
        .iter()
        .map(|u| vars.iter().map(|v| derive(u, v).after).collect())
        .collect();
    let mut entries = Vec::with_capacity(n);
    for (i, row) in computed.iter().enumerate() {
        let s_i = softmax.share(i);
        let mut out = Vec::with_capacity(vars.len());
        for (j, entry) in row.iter().enumerate() {
            // ∂s_i/∂v = Σ_k s_i(δ_ik − s_k)·∂z_k/∂v: a nudge of z_k moves share i by s_i(δ_ik − s_k).
            let terms = (0..n)
                .map(|k| {
                    let delta = Expr::int(i64::from(i == k));
                    let moved = Expr::mul(vec![s_i.clone(), Expr::sub(delta, softmax.share(k))]);
                    Expr::mul(vec![moved, slopes[k][j].clone()])
                })
                .collect();
            let shaped = Expr::add(terms);
            if !proven_equal(entry, &softmax.expand(&shaped)) {
                return None;
            }
            out.push(shaped);
        }
        entries.push(out);
    }
    let plain = softmax
        .inputs
        .iter()
        .enumerate()
        .all(|(i, u)| matches!(u.kind(), Kind::Var(_)) && !softmax.inputs[..i].contains(u));
    let square =
        plain && vars.len() == n && vars.iter().zip(&softmax.inputs).all(|(v, u)| u.is_var(v));
    Some(SoftmaxJacobian {
        softmax: softmax.clone(),
        entries,
        plain,
        square,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculus::multivar::jacobian;

    fn softmax_of(names: &[&str]) -> Vec<Expr> {
        let inputs: Vec<Expr> = names.iter().map(|n| Expr::var(n)).collect();
        (0..names.len()).map(|i| written(&inputs, i)).collect()
    }

    #[test]
    fn softmax_is_found_in_its_entries_and_not_elsewhere() {
        let found = recognise_softmax(&softmax_of(&["z1", "z2", "z3"])).expect("softmax");
        assert_eq!(
            found.inputs,
            vec![Expr::var("z1"), Expr::var("z2"), Expr::var("z3")]
        );
        assert_eq!(&*found.letter, "s");
        let mut swapped = softmax_of(&["a", "b"]);
        swapped.swap(0, 1);
        let found = recognise_softmax(&swapped).expect("in any order");
        assert_eq!(found.inputs, vec![Expr::var("b"), Expr::var("a")]);
        let not = vec![Expr::var("a"), Expr::var("b")];
        assert_eq!(recognise_softmax(&not), None);
        let mut wrong = softmax_of(&["a", "b"]);
        wrong[1] = Expr::mul(vec![Expr::int(2), wrong[1].clone()]);
        assert_eq!(recognise_softmax(&wrong), None);
    }

    #[test]
    fn the_letter_avoids_names_already_in_use() {
        let found = recognise_softmax(&softmax_of(&["s_1", "s_2"])).expect("softmax");
        assert_eq!(&*found.letter, "p");
    }

    #[test]
    fn the_jacobian_is_diag_s_minus_s_s_transposed() {
        let outputs = softmax_of(&["z1", "z2", "z3"]);
        let vars: Vec<Symbol> = ["z1", "z2", "z3"].into_iter().map(Symbol::from).collect();
        let computed: Vec<Vec<Expr>> = jacobian(&outputs, &vars)
            .into_iter()
            .map(|row| row.into_iter().map(|d| d.result).collect())
            .collect();
        let softmax = recognise_softmax(&outputs).expect("softmax");
        let shaped = softmax_jacobian(&softmax, &vars, &computed).expect("proven");
        assert!(shaped.plain && shaped.square);
        let s = |i: usize| Expr::var(&format!("s_{i}"));
        assert_eq!(
            shaped.entries[0][0],
            Expr::mul(vec![s(1), Expr::sub(Expr::one(), s(1))])
        );
        assert_eq!(shaped.entries[0][1], Expr::neg(Expr::mul(vec![s(1), s(2)])));
        // A wrong computed entry is never dressed in the shape.
        let mut wrong = computed.clone();
        wrong[2][1] = Expr::int(0);
        assert_eq!(softmax_jacobian(&softmax, &vars, &wrong), None);
    }
}
