//! Answering integral questions: antiderivatives checked by differentiating back, and areas.

use crate::area::{infinite, numeric_area, NumericArea};
use crate::calculus::{
    check_antiderivative, derive, integrate, Check, Detail, Rule, Step, MAX_INTEGRAND_SIZE,
};
use crate::engine::Answer;
use crate::engine::{AreaAnswer, IntegralAnswer};
use crate::error::{Error, ErrorKind, Phase};
use crate::expr::{eval, substitute, Expr, Number, Symbol};
use crate::syntax::{lower_in, Names, Node, Span};

mod improper;
mod value;

/// A definite integral worked out exactly: F, its check, and F(b) − F(a).
#[derive(Clone, Debug)]
pub struct ExactArea {
    pub antiderivative: Step,
    pub check: Check,
    pub theorem: Step,
}

/// The article's motion reading of an integral over time t.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// A constant acceleration integrates to a velocity; C is the initial velocity.
    Velocity,
    /// A velocity a·t + v0 integrates to a position; C is the initial position.
    Position,
}

/// ∫ body d(var), with its steps and check.
pub(crate) fn indefinite(body: Expr, var: &str, span: Span) -> Result<Answer, Error> {
    if body.size() > MAX_INTEGRAND_SIZE {
        return Err(Error::new(
            Phase::Computing,
            "this integrand is too long for nudge to integrate step by step",
        )
        .with_kind(ErrorKind::TooLarge)
        .at(span));
    }
    let Some((steps, check)) = antiderivative(&body, var) else {
        let mut error = unknown(span);
        if let Some(term) = failing_term(&body, var) {
            error = error.with_help(format!(
                "the term {term} is the one nudge cannot integrate; the other terms it can"
            ));
        }
        return Err(error);
    };
    Ok(Answer::Integral(IntegralAnswer {
        motion: motion(&body, var),
        constant: constant_beside(&body),
        result: steps.after.clone(),
        body,
        var: Symbol::from(var),
        steps,
        check,
    }))
}

/// Which constant of integration the answer adds: a plain C for a question on its own, and
/// the first of C₁, C₂, … the integrand does not hold when it holds a C already (a velocity
/// v0 + C integrated again), so two constants that meet in one answer are told apart.
fn constant_beside(body: &Expr) -> u32 {
    let held: Vec<String> = body.free_vars().iter().map(|s| s.to_string()).collect();
    if !held
        .iter()
        .any(|name| name == "C" || name.starts_with("C_"))
    {
        return 0;
    }
    (1..)
        .find(|n| !held.contains(&format!("C_{n}")))
        .unwrap_or(1)
}

/// An antiderivative that differentiates back to `body`; `None` when the rules find none.
fn antiderivative(body: &Expr, var: &str) -> Option<(Step, Check)> {
    let step = integrate(body, var)?;
    // A failed check is a bug in a rule: never show its answer.
    let check = check_antiderivative(body, &step.after, var)?;
    Some((step, check))
}

fn unknown(span: Span) -> Error {
    Error::new(
        Phase::Computing,
        "I don't know an antiderivative for this with the rules I teach",
    )
    .with_kind(ErrorKind::NoAntiderivative)
    .at(span)
    .with_help("with bounds, as in ∫_0^1 … dx, nudge still finds the area by numbers")
}

/// In a sum where only some terms fail, the first term with no antiderivative.
fn failing_term(body: &Expr, var: &str) -> Option<Expr> {
    let terms = body.terms();
    if terms.len() < 2 {
        return None;
    }
    terms.iter().find(|t| integrate(t, var).is_none()).cloned()
}

/// The motion reading applies to integrals over t of a constant or of a·t + b.
fn motion(body: &Expr, var: &str) -> Option<Motion> {
    if var != "t" {
        return None;
    }
    if !body.contains(var) {
        return Some(Motion::Velocity);
    }
    let slope = derive(body, var).after;
    (!slope.contains(var)).then_some(Motion::Position)
}

/// ∫_a^b body d(var): exact by F(b) − F(a) where possible, and by numbers.
/// Names the session defined are put in place, except the variable of integration.
pub(crate) fn definite(
    body: &Node,
    var: &str,
    a: &Node,
    b: &Node,
    names: &dyn Names,
) -> Result<Answer, Error> {
    let integrand = lower_in(body, names, &[var])?;
    let (lower_e, upper_e) = (lower_in(a, names, &[])?, lower_in(b, names, &[])?);
    for (bound, node) in [(&lower_e, a), (&upper_e, b)] {
        if bound.contains(var) {
            return Err(Error::new(
                Phase::Reading,
                format!("a bound must not contain {var}, the variable of integration"),
            )
            .with_kind(ErrorKind::BadBound)
            .at(node.span)
            .with_help(format!(
                "write the bounds as numbers or other names, as in ∫_0^1 … d{var}"
            )));
        }
    }
    let found = antiderivative(&integrand, var);
    let bounds = a.span.to(b.span);
    if let Some((exact, value)) =
        improper::improper(&integrand, var, &lower_e, &upper_e, found.as_ref(), bounds)?
    {
        // The numbers, where they manage an improper integral, check the limits.
        let numeric = numeric_area(&integrand, var, (&lower_e, &upper_e), bounds, true)
            .ok()
            .flatten()
            .filter(|n| n.reliable);
        if let Some(n) = numeric {
            let agrees = (value - n.estimate.value).abs()
                <= 10.0 * n.estimate.error + 1e-6 * 1.0_f64.max(value.abs());
            if !agrees {
                return Err(disagree(&exact.theorem.after, body.span));
            }
        }
        return Ok(Answer::DefiniteIntegral(AreaAnswer {
            result: exact.theorem.after.clone(),
            body: integrand,
            var: Symbol::from(var),
            lower: lower_e,
            upper: upper_e,
            exact: Some(exact),
            value: value.is_finite().then_some(value),
            numeric,
            tell_method: true,
        }));
    }
    // Out to infinity with a letter in the other bound there is no limit to take.
    let exact = (!infinite(&lower_e) && !infinite(&upper_e))
        .then_some(found)
        .flatten()
        .map(|(steps, check)| {
            let f = steps.after.clone();
            let at_upper = substitute(&f, var, &upper_e);
            let at_lower = substitute(&f, var, &lower_e);
            let difference = value::simplify(&Expr::sub(at_upper.clone(), at_lower.clone()));
            let odd = odd_over_symmetric(&integrand, var, &lower_e, &upper_e);
            let (rule, value) = if odd {
                (Rule::OddSymmetry, Expr::zero())
            } else {
                (Rule::FundamentalTheorem, difference)
            };
            let theorem = Step {
                rule,
                var: Symbol::from(var),
                before: integrand.clone(),
                after: value,
                detail: Detail::Definite {
                    antiderivative: f,
                    lower: lower_e.clone(),
                    upper: upper_e.clone(),
                    at_upper,
                    at_lower,
                },
                substeps: Vec::new(),
            };
            ExactArea {
                antiderivative: steps,
                check,
                theorem,
            }
        });
    let numeric = numeric_area(
        &integrand,
        var,
        (&lower_e, &upper_e),
        a.span.to(b.span),
        exact.is_some(),
    )?;
    let exact_value = exact
        .as_ref()
        .and_then(|e| eval(&e.theorem.after, &|_| None).ok());
    if let (Some(n), Some(exact)) = (numeric.filter(|n| n.reliable), &exact) {
        // The exact value must lie within the estimate's own error (and rounding) of the numbers.
        let n = n.estimate;
        let agrees = exact_value
            .is_some_and(|v| (v - n.value).abs() <= 10.0 * n.error + 1e-9 * 1.0_f64.max(v.abs()));
        if !agrees {
            return Err(disagree(&exact.theorem.after, body.span));
        }
    }
    let (result, value) = match (&exact, numeric) {
        (Some(e), _) => (e.theorem.after.clone(), exact_value),
        (None, Some(NumericArea { estimate, .. })) => {
            (decimal_expr(estimate.value), Some(estimate.value))
        }
        (None, None) => return Err(unknown(body.span)),
    };
    Ok(Answer::DefiniteIntegral(AreaAnswer {
        body: integrand,
        var: Symbol::from(var),
        lower: lower_e,
        upper: upper_e,
        exact,
        result,
        value,
        numeric,
        tell_method: true,
    }))
}

/// Whether the integrand is odd (f(−x) = −f(x)) and the bounds are −b and b.
fn odd_over_symmetric(body: &Expr, var: &str, lower: &Expr, upper: &Expr) -> bool {
    if Expr::neg(lower.clone()) != *upper || lower == upper {
        return false;
    }
    let Ok(b) = eval(upper, &|_| None) else {
        return false;
    };
    let f = |t: f64| {
        eval(body, &|n: &str| (n == var).then_some(t))
            .ok()
            .filter(|v| v.is_finite())
    };
    let mut agreeing = 0;
    for s in [0.13, 0.29, 0.41, 0.57, 0.77, 0.93] {
        let t = s * b;
        if let (Some(p), Some(q)) = (f(t), f(-t)) {
            if (p + q).abs() > 1e-12 * 1f64.max(p.abs()) {
                return false;
            }
            agreeing += 1;
        }
    }
    agreeing >= 3
}

/// The exact value and the numbers part ways: the integrand must have a break.
fn disagree(exact: &Expr, span: Span) -> Error {
    Error::new(
        Phase::Computing,
        format!(
            "the exact value {exact} and the numeric area do not agree, so the integrand is probably not continuous between the bounds"
        ),
    )
    .with_kind(ErrorKind::Discontinuous)
    .at(span)
    .with_help("the fundamental theorem needs an integrand with no breaks between the bounds")
}

/// A decimal value as the exact number its shortest decimal form spells, so it reads back.
fn decimal_expr(v: f64) -> Expr {
    let text = format!("{}", v.abs());
    let n = Number::parse_decimal(&text).unwrap_or_else(Number::zero);
    Expr::num(if v < 0.0 { n.neg() } else { n })
}
