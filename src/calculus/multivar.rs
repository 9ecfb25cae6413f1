//! Many variables: partial derivatives one variable at a time, gradients, Jacobians, Hessians.

use super::exact::{primitive, sqrt_rational, sum_of_squares};
use super::{derive, Detail, Rule, Step};
use crate::expr::{eval, substitute, EvalError, Expr, Kind, Number, Symbol};

/// A derivative taken variable by variable, with a step tree for each.
#[derive(Clone, Debug)]
pub struct Derivation {
    /// The variables in the order they were applied.
    pub vars: Vec<Symbol>,
    pub steps: Vec<Step>,
    pub result: Expr,
}

/// Differentiates `body` by each of `vars` in turn. With `function_vars`,
/// each derivative is partial: every other variable of the function is held fixed.
pub fn differentiate(body: &Expr, vars: &[Symbol], function_vars: Option<&[Symbol]>) -> Derivation {
    let mut steps = Vec::with_capacity(vars.len());
    let mut current = body.clone();
    let of = u32::try_from(vars.len()).unwrap_or(u32::MAX);
    for (n, var) in (1..).zip(vars) {
        let mut step = derive(&current, var);
        if let Some(all) = function_vars {
            let held = all.iter().filter(|v| *v != var).cloned().collect();
            step = Step::wrapping(Rule::Partial, Detail::Partial { held }, step);
        }
        if of > 1 {
            step = Step::wrapping(Rule::HigherOrder, Detail::Order { n, of }, step);
        }
        current = step.after.clone();
        steps.push(step);
    }
    Derivation {
        vars: vars.to_vec(),
        steps,
        result: current,
    }
}

/// The named variables, then any other symbol of `body` (held fixed like a constant).
pub fn function_vars(body: &Expr, vars: &[Symbol]) -> Vec<Symbol> {
    let mut all = vars.to_vec();
    for v in body.free_vars() {
        if !all.contains(&v) {
            all.push(v);
        }
    }
    all
}

/// The free variables of several expressions together, in the order x, y, z, then alphabetical.
pub fn shared_vars(exprs: &[Expr]) -> Vec<Symbol> {
    let symbols: Vec<Expr> = exprs
        .iter()
        .flat_map(|e| e.free_vars())
        .map(Expr::symbol)
        .collect();
    Expr::add(symbols).free_vars()
}

/// ∂f/∂v for each `v` of `vars`.
pub fn gradient(body: &Expr, vars: &[Symbol]) -> Vec<Derivation> {
    let all = function_vars(body, vars);
    vars.iter()
        .map(|v| differentiate(body, std::slice::from_ref(v), Some(&all)))
        .collect()
}

/// Row i, column j: ∂(output i)/∂(input j).
pub fn jacobian(outputs: &[Expr], vars: &[Symbol]) -> Vec<Vec<Derivation>> {
    outputs.iter().map(|f| gradient(f, vars)).collect()
}

/// Row i, column j: ∂/∂(x_j) of ∂f/∂(x_i), each entry worked out on its own.
pub fn hessian(body: &Expr, vars: &[Symbol]) -> Vec<Vec<Derivation>> {
    let all = function_vars(body, vars);
    vars.iter()
        .map(|first| {
            vars.iter()
                .map(|second| differentiate(body, &[first.clone(), second.clone()], Some(&all)))
                .collect()
        })
        .collect()
}

/// An exact value at a point and its decimal.
#[derive(Clone, Debug)]
pub struct Value {
    pub exact: Expr,
    pub approx: f64,
}

/// An exact value at a point that may keep constants (`v0 + 2a`), and its decimal when it keeps none.
#[derive(Clone, Debug)]
pub struct Exact {
    pub exact: Expr,
    pub approx: Option<f64>,
}

impl Exact {
    /// The exact entries of a vector of values.
    pub fn exacts(values: &[Exact]) -> Vec<Expr> {
        values.iter().map(|v| v.exact.clone()).collect()
    }

    /// Every entry's decimal, or `None` when some entry keeps a constant.
    pub fn decimals(values: &[Exact]) -> Option<Vec<f64>> {
        values.iter().map(|v| v.approx).collect()
    }
}

/// `e` with `vars` set to the coordinates of `point` (numbers, not symbols).
pub fn value_at(e: &Expr, vars: &[Symbol], point: &[Expr]) -> Result<Value, EvalError> {
    let Exact { exact, approx } = exact_at(e, vars, point)?;
    match (approx, exact.free_vars().first()) {
        (Some(approx), _) => Ok(Value { exact, approx }),
        (None, first) => Err(EvalError::Unbound(
            first.map(ToString::to_string).unwrap_or_default(),
        )),
    }
}

/// `e` with `vars` set to `point`; any other letter stays a constant, and then there is no decimal.
pub fn exact_at(e: &Expr, vars: &[Symbol], point: &[Expr]) -> Result<Exact, EvalError> {
    let mut exact = e.clone();
    for (v, p) in vars.iter().zip(point) {
        exact = substitute(&exact, v, p);
    }
    let approx = decimal_value(&exact)?;
    Ok(Exact { exact, approx })
}

/// The decimal value of `e`, or `None` while letters such as v0 are left in it. Either way
/// every part made of numbers alone must have a value: `a/0` and `a·ln(-1)` are errors. A
/// function with no formula at a number, as f(1) in y·f(1), is left as it is while letters
/// remain; only its inputs must have values.
pub fn decimal_value(e: &Expr) -> Result<Option<f64>, EvalError> {
    if e.free_vars().is_empty() {
        // A value past what a double holds, such as 2^(10^10), has only its exact form.
        return eval(e, &|_| None).map(|v| v.is_finite().then_some(v));
    }
    check_parts(e)?;
    Ok(None)
}

fn check_parts(e: &Expr) -> Result<(), EvalError> {
    let parts: Vec<&Expr> = match e.kind() {
        Kind::Add(many) | Kind::Mul(many) => many.iter().collect(),
        Kind::Pow(a, b) | Kind::Log(a, b) => vec![a, b],
        Kind::Func(_, a) => vec![a],
        Kind::Apply(f) => f.args.iter().collect(),
        Kind::Num(_) | Kind::Const(_) | Kind::Var(_) => Vec::new(),
    };
    for part in parts {
        if part.free_vars().is_empty() && !part.has_abstract_function() {
            eval(part, &|_| None)?;
        } else {
            check_parts(part)?;
        }
    }
    Ok(())
}

/// Lengths below this count as zero.
const FLAT: f64 = 1e-12;

/// A vector's direction as `along / norm`: (1, 2)/√5.
#[derive(Clone, Debug)]
pub struct Direction {
    pub along: Vec<Expr>,
    pub norm: Expr,
    /// The unit vector in decimals.
    pub unit: Vec<f64>,
}

/// The gradient at one point, and what it says about going up and down.
#[derive(Clone, Debug)]
pub struct GradientAt {
    pub point: Vec<Expr>,
    pub vector: Vec<Value>,
    /// |∇f|: the slope in the steepest direction.
    pub length: Value,
    /// Where f rises fastest; `None` where the gradient is zero.
    pub direction: Option<Direction>,
    /// −∇f: where f falls fastest.
    pub descent: Vec<Expr>,
}

/// The partials at `point`: the gradient there, its length and its directions.
pub fn gradient_at(
    partials: &[Derivation],
    vars: &[Symbol],
    point: &[Expr],
) -> Result<GradientAt, EvalError> {
    let vector = partials
        .iter()
        .map(|d| value_at(&d.result, vars, point))
        .collect::<Result<Vec<_>, _>>()?;
    let exact: Vec<Expr> = vector.iter().map(|v| v.exact.clone()).collect();
    let approx: Vec<f64> = vector.iter().map(|v| v.approx).collect();
    let (length, direction) = measure(&exact, &approx);
    Ok(GradientAt {
        point: point.to_vec(),
        descent: exact.into_iter().map(Expr::neg).collect(),
        vector,
        length,
        direction,
    })
}

/// The length of a vector and its direction, exactly when its entries are rational.
pub fn measure(exact: &[Expr], approx: &[f64]) -> (Value, Option<Direction>) {
    let length_approx = approx.iter().map(|a| a * a).sum::<f64>().sqrt();
    let rational: Option<Vec<Number>> = exact.iter().map(|e| e.as_number().cloned()).collect();
    let (length, along, norm) = match rational.as_deref().and_then(|r| {
        let root = sqrt_rational(&sum_of_squares(r))?;
        let (_, whole) = primitive(r);
        let norm = sqrt_rational(&sum_of_squares(&whole))?;
        Some((root.expr(), whole, norm.expr()))
    }) {
        Some((length, whole, norm)) => (length, whole.into_iter().map(Expr::num).collect(), norm),
        None => {
            let squares = exact.iter().map(|e| Expr::pow(e.clone(), Expr::int(2)));
            let length = Expr::pow(Expr::add(squares.collect()), Expr::ratio(1, 2));
            (length.clone(), exact.to_vec(), length)
        }
    };
    let value = Value {
        exact: length,
        approx: length_approx,
    };
    // cos(π/2) stays symbolic but is 0: a length this small is a flat spot.
    if length_approx < FLAT || !length_approx.is_finite() {
        return (value, None);
    }
    let unit = approx.iter().map(|a| a / length_approx).collect();
    (value, Some(Direction { along, norm, unit }))
}

/// The slope of f at a point in one direction: ∇f · u, with u the direction made unit length.
#[derive(Clone, Debug)]
pub struct Directional {
    pub at: GradientAt,
    /// The direction as typed.
    pub along: Vec<Expr>,
    pub unit: Direction,
    /// ∇f · (direction as typed), before dividing by its length.
    pub dot: Expr,
    pub length_of_along: Expr,
    pub value: Value,
}

/// ∇f · u at the point of `at`, for u the direction `along` made one unit long;
/// `None` when the direction has no length.
pub fn directional(at: GradientAt, along: &[Expr]) -> Result<Option<Directional>, EvalError> {
    let approx = along
        .iter()
        .map(|a| eval(a, &|_| None))
        .collect::<Result<Vec<_>, _>>()?;
    let (length, unit) = measure(along, &approx);
    let Some(unit) = unit else {
        return Ok(None);
    };
    let dot = Expr::add(
        at.vector
            .iter()
            .zip(along)
            .map(|(g, a)| Expr::mul(vec![g.exact.clone(), a.clone()]))
            .collect(),
    );
    let rational_length = sum_of_squares_exact(along).and_then(|n| sqrt_rational(&n));
    let exact = match rational_length.and_then(|r| r.recip()) {
        Some(inverse) => Expr::mul(vec![dot.clone(), inverse]),
        None => Expr::div(dot.clone(), length.exact.clone()),
    };
    let value_approx = at
        .vector
        .iter()
        .zip(&unit.unit)
        .map(|(g, u)| g.approx * u)
        .sum();
    Ok(Some(Directional {
        at,
        along: along.to_vec(),
        unit,
        dot,
        length_of_along: length.exact,
        value: Value {
            exact,
            approx: value_approx,
        },
    }))
}

fn sum_of_squares_exact(v: &[Expr]) -> Option<Number> {
    let numbers: Option<Vec<Number>> = v.iter().map(|e| e.as_number().cloned()).collect();
    numbers.map(|n| sum_of_squares(&n))
}

/// Points where two results are compared when they differ in form.
const SAMPLES: [f64; 5] = [0.37, -1.21, 2.03, 0.71, -0.53];

/// Random points tried, besides the fixed samples, before two forms are said to differ.
const RANDOM_POINTS: usize = 24;

/// Whether `a` and `b` are the same function: equal once subtracted, or else never
/// found apart at the fixed samples and at random points, half of them with every
/// coordinate positive (where logs and roots have values). Only a point where both have
/// values and the values part shows that they differ; none that can be compared is no
/// evidence either way, and so not a difference.
pub fn agree_numerically(a: &Expr, b: &Expr) -> bool {
    if Expr::sub(a.clone(), b.clone()).is_zero() {
        return true;
    }
    let vars = shared_vars(&[a.clone(), b.clone()]);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut points: Vec<Vec<f64>> = (0..SAMPLES.len())
        .map(|shift| {
            (0..vars.len())
                .map(|i| SAMPLES[(i + shift) % SAMPLES.len()] * (1.0 + 0.1 * i as f64))
                .collect()
        })
        .collect();
    for k in 0..RANDOM_POINTS {
        let positive = k % 2 == 0;
        points.push(
            (0..vars.len())
                .map(|_| {
                    let u = next();
                    if positive {
                        0.05 + 3.95 * u
                    } else {
                        8.0 * u - 4.0
                    }
                })
                .collect(),
        );
    }
    points.iter().all(|p| {
        let value = |name: &str| Some(p[vars.iter().position(|v| &**v == name)?]);
        match (eval(a, &value), eval(b, &value)) {
            (Ok(x), Ok(y)) if x.is_finite() && y.is_finite() => {
                (x - y).abs() <= 1e-7 * (1.0 + x.abs().max(y.abs()))
            }
            _ => true,
        }
    })
}

/// What kind of flat spot a point is, read from the Hessian there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlatSpot {
    /// f curves up in every direction: the bottom of a bowl.
    Minimum,
    /// f curves down in every direction: a hilltop.
    Maximum,
    /// Up in some directions, down in others.
    Saddle,
    /// The Hessian is singular: the second-derivative test cannot tell.
    Undecided,
}

/// The second-derivative test: the signs of the Hessian's leading minors (Sylvester's criterion).
pub fn flat_spot(hessian: &[Vec<f64>]) -> FlatSpot {
    let n = hessian.len();
    let scale = hessian.iter().flatten().fold(1.0f64, |m, v| m.max(v.abs()));
    let minors: Vec<f64> = (1..=n)
        .map(|k| {
            let block: Vec<Vec<f64>> = hessian[..k].iter().map(|r| r[..k].to_vec()).collect();
            determinant(block) / scale.powi(k as i32)
        })
        .collect();
    let zero = |d: f64| d.abs() < 1e-10;
    if minors.last().is_none_or(|d| zero(*d)) {
        return FlatSpot::Undecided;
    }
    if minors.iter().all(|d| *d > 0.0 && !zero(*d)) {
        return FlatSpot::Minimum;
    }
    let alternating = minors
        .iter()
        .enumerate()
        .all(|(i, d)| !zero(*d) && (*d < 0.0) == (i % 2 == 0));
    if alternating {
        FlatSpot::Maximum
    } else {
        FlatSpot::Saddle
    }
}

/// The determinant by elimination with partial pivoting.
fn determinant(mut m: Vec<Vec<f64>>) -> f64 {
    let n = m.len();
    let mut det = 1.0;
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&a, &b| m[a][col].abs().total_cmp(&m[b][col].abs()))
            .unwrap_or(col);
        if m[pivot][col] == 0.0 {
            return 0.0;
        }
        if pivot != col {
            m.swap(pivot, col);
            det = -det;
        }
        det *= m[col][col];
        let (upper, lower) = m.split_at_mut(col + 1);
        let pivot_row = &upper[col];
        for row in lower.iter_mut() {
            let factor = row[col] / pivot_row[col];
            for (entry, p) in row.iter_mut().zip(pivot_row).skip(col) {
                *entry -= factor * p;
            }
        }
    }
    det
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_derivative_test_reads_the_minors() {
        assert_eq!(
            flat_spot(&[vec![2.0, 0.0], vec![0.0, 2.0]]),
            FlatSpot::Minimum
        );
        assert_eq!(
            flat_spot(&[vec![-2.0, 0.0], vec![0.0, -2.0]]),
            FlatSpot::Maximum
        );
        assert_eq!(
            flat_spot(&[vec![2.0, 0.0], vec![0.0, -2.0]]),
            FlatSpot::Saddle
        );
        assert_eq!(
            flat_spot(&[vec![0.0, 1.0], vec![1.0, 0.0]]),
            FlatSpot::Saddle
        );
        assert_eq!(
            flat_spot(&[vec![0.0, 0.0], vec![0.0, 0.0]]),
            FlatSpot::Undecided
        );
        assert_eq!(
            flat_spot(&[vec![1.0, 1.0], vec![1.0, 1.0]]),
            FlatSpot::Undecided
        );
        let three = [
            vec![-2.0, 0.0, 0.0],
            vec![0.0, -3.0, 0.0],
            vec![0.0, 0.0, -1.0],
        ];
        assert_eq!(flat_spot(&three), FlatSpot::Maximum);
    }
}
