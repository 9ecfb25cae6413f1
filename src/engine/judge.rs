//! Is the learner's answer right? Canonical forms first, then agreement at random points; and if not, which slip it looks like.

use super::{Answer, Headline, Outcome};
use crate::calculus::{derive, Detail, Rule, Step};
use crate::engine::{DerivativeAnswer, IntegralAnswer};
use crate::expr::{eval, Expr, Symbol};
use crate::numeric::Rng;

/// Random points tried before giving up on finding enough where both sides exist.
const MAX_TRIES: usize = 80;
/// Points where both sides exist that must agree before two expressions count as equal.
const NEEDED_POINTS: usize = 8;
/// Relative tolerance for two values to count as the same.
const TOLERANCE: f64 = 1e-7;

/// How an answer compares with the expected result.
#[derive(Clone, Debug, PartialEq)]
pub enum Equality {
    /// Equal: the same canonical form, or the same value everywhere it was tried.
    Same,
    /// Different; the witness is a point where the values part, when one was found.
    Differs(Option<Witness>),
    /// Too few points where both sides have a value to tell.
    Unknown,
}

/// A point where the two sides give different values.
#[derive(Clone, Debug, PartialEq)]
pub struct Witness {
    pub point: Vec<(Symbol, f64)>,
    pub expected: f64,
    pub given: f64,
}

/// A recognisable slip: the answer equals what a common mistake would give.
#[derive(Clone, Debug, PartialEq)]
pub enum Mistake {
    /// The chain rule's outer derivative alone, without the inner factor.
    OuterOnly { inner: Expr, inner_derivative: Expr },
    /// f′·g′ for the derivative of f·g.
    ProductOfDerivatives { first: Expr, second: Expr },
    /// Only one of the product rule's two halves.
    HalfProduct { first: Expr, second: Expr },
    /// f′/g′ for the derivative of f/g.
    QuotientOfDerivatives { top: Expr, bottom: Expr },
    /// (f′g + fg′)/g²: a plus where the quotient rule has a minus.
    QuotientPlus { top: Expr, bottom: Expr },
    /// n·x^n: the exponent came down but was not reduced.
    ExponentKept { base: Expr, exponent: Expr },
    /// x^(n−1): the exponent was reduced but not brought down.
    ExponentNotBroughtDown { base: Expr, exponent: Expr },
    /// n·x^k with k not n − 1: the exponent came down, and the power went to `power`.
    PowerMiscounted {
        base: Expr,
        exponent: Expr,
        power: Expr,
    },
    /// The constant factor was lost.
    ConstantDropped { constant: Expr },
    /// One term of a sum was left out.
    TermMissed { term: Expr },
    /// One term of a sum was kept as it was instead of differentiated (a constant's +1 kept).
    TermKept { term: Expr, slope: Expr },
    /// The expected result with the opposite sign.
    SignFlipped,
    /// The function itself, not its derivative.
    NotDifferentiated,
    /// The answer uses a variable the expected result has not.
    StrayVariable { name: Symbol },
    /// One part (a term of a sum, the inside of a chain) has a slip, and the rest is right.
    InPart { part: Expr, slip: Box<Mistake> },
    /// The inner slope of a chain is right, and the outer derivative has a slip.
    InOuter {
        inner_derivative: Expr,
        slip: Box<Mistake>,
    },
    /// A chain's outer derivative is right, and the slope it is multiplied by is not the
    /// inside's: 2·cos(x²) for d/dx sin(x²).
    InnerSlopeWrong { inner: Expr, inner_derivative: Expr },
    /// A chain's inner slope is right, and what multiplies it is not the outer derivative at
    /// the inside: 2x·sin(x²) for d/dx sin(x²).
    OuterSlopeWrong { inner: Expr, inner_derivative: Expr },
}

/// Decides whether `given` equals `expected` as a function of their variables.
pub fn compare(expected: &Expr, given: &Expr, rng: &mut Rng) -> Equality {
    if expected == given || Expr::sub(expected.clone(), given.clone()).is_zero() {
        return Equality::Same;
    }
    let mut vars = expected.free_vars();
    for v in given.free_vars() {
        if !vars.contains(&v) {
            vars.push(v);
        }
    }
    let mut agreed = 0;
    for attempt in 0..MAX_TRIES {
        // Half the points are positive, where logarithms and even roots exist.
        let point: Vec<(Symbol, f64)> = vars
            .iter()
            .map(|v| {
                let value = if attempt % 2 == 0 {
                    rng.float(0.1, 3.0)
                } else {
                    rng.float(-3.0, 3.0)
                };
                // Two decimals, so a point shown to the learner is the point used.
                (v.clone(), (value * 100.0).round() / 100.0)
            })
            .collect();
        let lookup = |name: &str| point.iter().find(|(v, _)| &**v == name).map(|(_, x)| *x);
        let (Ok(a), Ok(b)) = (eval(expected, &lookup), eval(given, &lookup)) else {
            continue;
        };
        if !a.is_finite() || !b.is_finite() {
            continue;
        }
        if (a - b).abs() > TOLERANCE * a.abs().max(b.abs()).max(1.0) {
            let witness = Witness {
                point,
                expected: a,
                given: b,
            };
            return Equality::Differs(Some(witness));
        }
        agreed += 1;
        if agreed >= NEEDED_POINTS {
            return Equality::Same;
        }
    }
    Equality::Unknown
}

/// Whether `given` is an antiderivative of the same function as `expected`: equal up to a constant.
/// A point where they part shows slopes, so no witness is kept.
pub fn compare_antiderivative(expected: &Expr, given: &Expr, var: &str, rng: &mut Rng) -> Equality {
    let slope = |e: &Expr| derive(e, var).after;
    match compare(&slope(expected), &slope(given), rng) {
        Equality::Differs(_) => Equality::Differs(None),
        other => other,
    }
}

/// How a vector or matrix answer compares with the expected one.
#[derive(Clone, Debug, PartialEq)]
pub enum GridFit {
    Same,
    /// A different number of rows or entries.
    Shape,
    /// The first entry (row, column, from 0) that is not equal.
    Entry {
        row: usize,
        column: usize,
        equality: Equality,
    },
}

/// Compares two answers entry by entry; an expression is a 1×1 grid, a vector one row.
pub fn compare_grid(expected: &Headline, given: &Headline, rng: &mut Rng) -> GridFit {
    let (a, b) = (grid(expected), grid(given));
    let shape = |g: &[Vec<Expr>]| g.iter().map(Vec::len).collect::<Vec<_>>();
    if shape(&a) != shape(&b)
        || matches!(expected, Headline::Matrix(_)) != matches!(given, Headline::Matrix(_))
    {
        return GridFit::Shape;
    }
    for (row, (ra, rb)) in a.iter().zip(&b).enumerate() {
        for (column, (x, y)) in ra.iter().zip(rb).enumerate() {
            let equality = compare(x, y, rng);
            if equality != Equality::Same {
                return GridFit::Entry {
                    row,
                    column,
                    equality,
                };
            }
        }
    }
    GridFit::Same
}

fn grid(h: &Headline) -> Vec<Vec<Expr>> {
    match h {
        Headline::Scalar(e) => vec![vec![e.clone()]],
        Headline::Vector(v) => vec![v.clone()],
        Headline::Matrix(m) => m.clone(),
    }
}

/// Whether two expressions are equal, by `compare`.
fn same(a: &Expr, b: &Expr, rng: &mut Rng) -> bool {
    compare(a, b, rng) == Equality::Same
}

/// The slip a wrong answer looks like, read from the expected derivative's steps.
pub fn diagnose(step: &Step, given: &Expr, rng: &mut Rng) -> Option<Mistake> {
    let expected = &step.after;
    let known = expected.free_vars();
    let before = step.before.free_vars();
    if let Some(name) = given
        .free_vars()
        .into_iter()
        .find(|v| !known.contains(v) && !before.contains(v))
    {
        return Some(Mistake::StrayVariable { name });
    }
    if same(&Expr::neg(expected.clone()), given, rng) {
        return Some(Mistake::SignFlipped);
    }
    // A rule's own slip first: e^(3x) for d/dx e^(3x) is the outer derivative alone, which
    // happens to be the function itself.
    if let Some(slip) = rule_slip(step, given, rng) {
        return Some(slip);
    }
    same(&step.before, given, rng).then_some(Mistake::NotDifferentiated)
}

/// The slip in one part of the working, where `given` is what the answer implies that part gives.
fn inside(step: &Step, given: &Expr, rng: &mut Rng) -> Option<Mistake> {
    if same(&Expr::neg(step.after.clone()), given, rng) {
        return Some(Mistake::SignFlipped);
    }
    rule_slip(step, given, rng)
}

/// Whether every factor of `part` (one that moves) is a factor of `given`, and `given` has
/// more: the answer keeps that part as it is and multiplies it by something else.
fn holds_factors(given: &Expr, part: &Expr) -> bool {
    let has = given.factors();
    let wanted = part.factors();
    !part.free_vars().is_empty()
        && has.len() > wanted.len()
        && wanted.iter().all(|f| has.contains(f))
}

/// Slips particular to the first rule that applies.
fn rule_slip(step: &Step, given: &Expr, rng: &mut Rng) -> Option<Mistake> {
    let after = |i: usize| step.substeps.get(i).map(|s| s.after.clone());
    match (&step.rule, &step.detail) {
        (Rule::Partial | Rule::HigherOrder, _) if step.substeps.len() == 1 => {
            rule_slip(&step.substeps[0], given, rng)
        }
        (Rule::ConstantMultiple, Detail::ConstantMultiple { constant }) => {
            let inner = step.substeps.first()?;
            if same(&inner.after, given, rng) {
                return Some(Mistake::ConstantDropped {
                    constant: constant.clone(),
                });
            }
            // The same slips, under the constant: 3·cos(x²) for d/dx 3 sin(x²).
            rule_slip(inner, &Expr::div(given.clone(), constant.clone()), rng)
        }
        (
            Rule::Chain,
            Detail::Chain {
                inner,
                outer_derivative_at_inner,
                ..
            },
        ) => {
            let inner_step = step.substeps.get(1)?;
            if same(outer_derivative_at_inner, given, rng) {
                return Some(Mistake::OuterOnly {
                    inner: inner.clone(),
                    inner_derivative: inner_step.after.clone(),
                });
            }
            // The inner slope right and the outer power's rule slipped: 3(2x+1)³·2.
            if let Some(slip) = outer_power_slip(step, given, rng) {
                return Some(Mistake::InOuter {
                    inner_derivative: inner_step.after.clone(),
                    slip: Box::new(slip),
                });
            }
            // The outer part right and the inner one wrong: look inside.
            let implied = Expr::div(given.clone(), outer_derivative_at_inner.clone());
            if let Some(slip) = inside(inner_step, &implied, rng) {
                return Some(Mistake::InPart {
                    part: inner.clone(),
                    slip: Box::new(slip),
                });
            }
            // No slip of the inside's own rule, but one factor of the answer is right.
            let (inner, inner_derivative) = (inner.clone(), inner_step.after.clone());
            if holds_factors(given, outer_derivative_at_inner) {
                return Some(Mistake::InnerSlopeWrong {
                    inner,
                    inner_derivative,
                });
            }
            holds_factors(given, &inner_derivative).then_some(Mistake::OuterSlopeWrong {
                inner,
                inner_derivative,
            })
        }
        (Rule::Product, Detail::Product { first, second }) => {
            let (f, g) = (after(0)?, after(1)?);
            let (first, second) = (first.clone(), second.clone());
            if same(&Expr::mul(vec![f.clone(), g.clone()]), given, rng) {
                Some(Mistake::ProductOfDerivatives { first, second })
            } else if same(&Expr::mul(vec![f, second.clone()]), given, rng)
                || same(&Expr::mul(vec![first.clone(), g]), given, rng)
            {
                Some(Mistake::HalfProduct { first, second })
            } else {
                None
            }
        }
        (
            Rule::Quotient,
            Detail::Quotient {
                numerator,
                denominator,
            },
        ) => {
            let (f, g) = (after(0)?, after(1)?);
            let (top, bottom) = (numerator.clone(), denominator.clone());
            let plus = Expr::div(
                Expr::add(vec![
                    Expr::mul(vec![f.clone(), bottom.clone()]),
                    Expr::mul(vec![top.clone(), g.clone()]),
                ]),
                Expr::pow(bottom.clone(), Expr::int(2)),
            );
            if same(&Expr::div(f, g), given, rng) {
                Some(Mistake::QuotientOfDerivatives { top, bottom })
            } else if same(&plus, given, rng) {
                Some(Mistake::QuotientPlus { top, bottom })
            } else {
                None
            }
        }
        (Rule::Power, Detail::Power { exponent }) => {
            let (base, _) = step.before.split_power();
            power_slip(base, exponent.clone(), |e| e, given, rng)
        }
        (Rule::Sum, _) => {
            // A term left as it was, not differentiated: 2x + 1 for d/dx (x² + 1).
            let kept = step.substeps.iter().find(|term| {
                let with = Expr::add(vec![
                    step.after.clone(),
                    Expr::neg(term.after.clone()),
                    term.before.clone(),
                ]);
                term.before != term.after && same(&with, given, rng)
            });
            if let Some(term) = kept {
                return Some(Mistake::TermKept {
                    term: term.before.clone(),
                    slope: term.after.clone(),
                });
            }
            let missed = step.substeps.iter().find(|term| {
                let without = Expr::sub(step.after.clone(), term.after.clone());
                !term.after.is_zero() && same(&without, given, rng)
            });
            if let Some(term) = missed {
                return Some(Mistake::TermMissed {
                    term: term.before.clone(),
                });
            }
            // If every other term is right, the answer says this term's slope is `implied`;
            // the first term for which that is a recognisable slip is the one to point at.
            step.substeps.iter().find_map(|term| {
                let implied = Expr::add(vec![
                    given.clone(),
                    term.after.clone(),
                    Expr::neg(step.after.clone()),
                ]);
                let slip = inside(term, &implied, rng)?;
                Some(Mistake::InPart {
                    part: term.before.clone(),
                    slip: Box::new(slip),
                })
            })
        }
        _ => None,
    }
}

/// The power rule's slips in a chain's outer function, uⁿ, with the inner slope multiplied
/// in rightly: n·uⁿ·u′ (exponent kept) or uⁿ⁻¹·u′ (not brought down).
fn outer_power_slip(step: &Step, given: &Expr, rng: &mut Rng) -> Option<Mistake> {
    let Detail::Chain {
        name, inner, outer, ..
    } = &step.detail
    else {
        return None;
    };
    let inner_slope = step.substeps.get(1)?.after.clone();
    let (base, exponent) = outer.split_power();
    if base != Expr::symbol(name.clone()) || exponent.as_number().is_none() {
        return None;
    }
    let times_inner = |e: Expr| Expr::mul(vec![e, inner_slope.clone()]);
    power_slip(inner.clone(), exponent, times_inner, given, rng)
}

/// The power rule's slips on baseⁿ, each form passed through `around` (the inner slope of a
/// chain, or nothing): n·baseⁿ (exponent kept), baseⁿ⁻¹ (not brought down), and n·baseᵏ with
/// the power lowered by the wrong amount (k = n − 2, or the power dropped to 1).
fn power_slip(
    base: Expr,
    exponent: Expr,
    around: impl Fn(Expr) -> Expr,
    given: &Expr,
    rng: &mut Rng,
) -> Option<Mistake> {
    let brought = |power: Expr| {
        around(Expr::mul(vec![
            exponent.clone(),
            Expr::pow(base.clone(), power),
        ]))
    };
    let lowered = Expr::sub(exponent.clone(), Expr::one());
    if same(&brought(exponent.clone()), given, rng) {
        return Some(Mistake::ExponentKept { base, exponent });
    }
    if same(
        &around(Expr::pow(base.clone(), lowered.clone())),
        given,
        rng,
    ) {
        return Some(Mistake::ExponentNotBroughtDown { base, exponent });
    }
    exponent.as_number()?;
    let twice = Expr::sub(exponent.clone(), Expr::int(2));
    // A power of 0 leaves a bare number, which a wrong inner slope explains better.
    let power = [twice, Expr::one()].into_iter().find(|k| {
        !k.is_zero() && *k != lowered && *k != exponent && same(&brought(k.clone()), given, rng)
    })?;
    Some(Mistake::PowerMiscounted {
        base,
        exponent,
        power,
    })
}

/// What a right answer must equal, and the steps that explain it.
pub struct Target<'a> {
    pub result: Headline,
    /// The first derivative's step tree, for hints.
    pub step: Option<&'a Step>,
    /// For an antiderivative: the integrand and the variable, since any constant may be added.
    pub up_to_constant: Option<(Expr, Symbol)>,
}

/// How an answer compares with the target.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    Right,
    /// One expression, not equal to the expected one.
    Wrong(Equality),
    /// A vector or matrix (on either side) that does not fit.
    Grid(GridFit),
}

impl Target<'_> {
    /// The target of an outcome that has a final answer.
    pub fn of(outcome: &Outcome) -> Option<Target<'_>> {
        let (step, up_to_constant) = match &outcome.answer {
            Answer::Derivative(DerivativeAnswer {
                order: 1, steps, ..
            }) => (steps.first(), None),
            Answer::Integral(IntegralAnswer { body, var, .. }) => {
                (None, Some((body.clone(), var.clone())))
            }
            _ => (None, None),
        };
        Some(Target {
            result: outcome.headline()?,
            step,
            up_to_constant,
        })
    }

    /// How `given` compares with the target.
    pub fn check(&self, given: &Headline, rng: &mut Rng) -> Verdict {
        let equality = match (&self.result, given, &self.up_to_constant) {
            (Headline::Scalar(e), Headline::Scalar(g), Some((_, var))) => {
                compare_antiderivative(e, g, var, rng)
            }
            (Headline::Scalar(e), Headline::Scalar(g), None) => compare(e, g, rng),
            _ => {
                return match compare_grid(&self.result, given, rng) {
                    GridFit::Same => Verdict::Right,
                    fit => Verdict::Grid(fit),
                }
            }
        };
        match equality {
            Equality::Same => Verdict::Right,
            other => Verdict::Wrong(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Session;

    fn answer(text: &str) -> Headline {
        Session::new()
            .read_answer(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn read(text: &str) -> Expr {
        match answer(text) {
            Headline::Scalar(e) => e,
            other => panic!("{text} is not an expression: {other:?}"),
        }
    }

    fn verdict(expected: &str, given: &str) -> Equality {
        compare(&read(expected), &read(given), &mut Rng::new(42))
    }

    fn slip(function: &str, given: &str) -> Option<Mistake> {
        let step = derive(&read(function), "x");
        diagnose(&step, &read(given), &mut Rng::new(3))
    }

    #[test]
    fn the_same_derivative_in_any_form_is_accepted() {
        for given in ["2x·cos(x²)", "cos(x^2)*2*x", "2 x cos(x^2)", "x cos(x^2) 2"] {
            assert_eq!(verdict("2x cos(x^2)", given), Equality::Same, "{given}");
        }
        assert_eq!(verdict("2 sin x cos x", "sin(2x)"), Equality::Same);
        assert_eq!(verdict("1/x^2", "x^-2"), Equality::Same);
        assert_eq!(verdict("(x+1)^2", "x^2 + 2x + 1"), Equality::Same);
        assert_eq!(verdict("e^(2 ln x)", "x^2"), Equality::Same);
        assert_eq!(verdict("1/(2 sqrt x)", "0.5 x^(-1/2)"), Equality::Same);
    }

    #[test]
    fn different_answers_are_rejected_with_a_point_that_shows_it() {
        for (expected, given) in [("3x^2", "3x"), ("cos x", "-sin x"), ("2x", "2")] {
            match verdict(expected, given) {
                Equality::Differs(Some(w)) => {
                    assert!((w.expected - w.given).abs() > 1e-6, "{expected} vs {given}")
                }
                other => panic!("{expected} vs {given}: {other:?}"),
            }
        }
    }

    #[test]
    fn equal_at_one_point_is_not_equal() {
        // 2x and x² agree at x = 0 and x = 2; sin x and x agree at 0.
        assert!(matches!(verdict("2x", "x^2"), Equality::Differs(_)));
        assert!(matches!(verdict("sin x", "x"), Equality::Differs(_)));
        assert!(matches!(verdict("x^3", "x"), Equality::Differs(_)));
    }

    #[test]
    fn antiderivatives_may_differ_by_a_constant() {
        let check =
            |a: &str, b: &str| compare_antiderivative(&read(a), &read(b), "x", &mut Rng::new(5));
        assert_eq!(check("x^3/3", "x^3/3 + 7"), Equality::Same);
        assert_eq!(check("x^3/3", "x^3/3 + C"), Equality::Same);
        assert_eq!(check("-cos x", "1 - cos x"), Equality::Same);
        assert_eq!(check("x^3/3", "x^3"), Equality::Differs(None));
    }

    #[test]
    fn vectors_and_matrices_are_compared_entry_by_entry() {
        let fit = |a: &str, b: &str| compare_grid(&answer(a), &answer(b), &mut Rng::new(8));
        assert_eq!(fit("(2x, 2y)", "(x*2, 2 y)"), GridFit::Same);
        assert_eq!(
            fit("[[y, x], [1, 2y]]", "[[y, x], [1, y*2]]"),
            GridFit::Same
        );
        assert_eq!(fit("(2x, 2y)", "(2x, 2y, 0)"), GridFit::Shape);
        assert_eq!(fit("(2x, 2y)", "2x"), GridFit::Shape);
        assert!(matches!(
            fit("[[y, x], [1, 2y]]", "[[y, x], [1, y]]"),
            GridFit::Entry {
                row: 1,
                column: 1,
                ..
            }
        ));
        assert!(matches!(
            fit("(2x, 2y)", "(2x, y)"),
            GridFit::Entry {
                row: 0,
                column: 1,
                ..
            }
        ));
    }

    #[test]
    fn a_different_variable_is_a_different_answer() {
        assert!(matches!(verdict("5x^4", "5t^4"), Equality::Differs(_)));
        assert_eq!(
            slip("x^5", "5t^4"),
            Some(Mistake::StrayVariable { name: "t".into() })
        );
    }

    #[test]
    fn points_where_a_side_is_undefined_are_skipped() {
        assert_eq!(verdict("1/x", "x^-1"), Equality::Same);
        assert_eq!(verdict("ln(x^2)", "2 ln x"), Equality::Same);
        assert_eq!(verdict("sqrt(x) sqrt(x)", "x"), Equality::Same);
    }

    #[test]
    fn the_outer_derivative_alone_is_named() {
        assert_eq!(
            slip("sin(x^2)", "cos(x^2)"),
            Some(Mistake::OuterOnly {
                inner: read("x^2"),
                inner_derivative: read("2x"),
            })
        );
        assert!(matches!(
            slip("3 sin(x^2)", "3cos(x^2)"),
            Some(Mistake::OuterOnly { .. })
        ));
        assert!(matches!(
            slip("(3x+1)^5", "5(3x+1)^4"),
            Some(Mistake::OuterOnly { .. })
        ));
    }

    #[test]
    fn product_and_quotient_slips_are_named() {
        assert!(matches!(
            slip("x^2 sin x", "2x cos x"),
            Some(Mistake::ProductOfDerivatives { .. })
        ));
        assert!(matches!(
            slip("x^2 sin x", "2x sin x"),
            Some(Mistake::HalfProduct { .. })
        ));
        assert!(matches!(
            slip("sin(x)/x", "cos x"),
            Some(Mistake::QuotientOfDerivatives { .. })
        ));
        assert!(matches!(
            slip("sin(x)/x", "(x cos x + sin x)/x^2"),
            Some(Mistake::QuotientPlus { .. })
        ));
    }

    #[test]
    fn a_power_lowered_by_the_wrong_amount_is_named() {
        let Some(Mistake::InOuter { slip: outer, .. }) = slip("(2x+1)^3", "6(2x+1)") else {
            panic!("a slip in the outer part of the chain");
        };
        assert!(matches!(*outer, Mistake::PowerMiscounted { power, .. } if power == Expr::one()));
        assert!(matches!(
            slip("x^5", "5x^3"),
            Some(Mistake::PowerMiscounted { power, .. }) if power == Expr::int(3)
        ));
        assert_eq!(slip("x^5", "5x^2"), None);
    }

    #[test]
    fn power_rule_slips_are_named() {
        assert!(matches!(
            slip("x^5", "5x^5"),
            Some(Mistake::ExponentKept { .. })
        ));
        assert!(matches!(
            slip("x^5", "x^4"),
            Some(Mistake::ExponentNotBroughtDown { .. })
        ));
        assert!(matches!(
            slip("4x^3", "12x^3"),
            Some(Mistake::ExponentKept { .. })
        ));
        assert_eq!(
            slip("4x^3", "3x^2"),
            Some(Mistake::ConstantDropped {
                constant: Expr::int(4)
            })
        );
    }

    #[test]
    fn sign_sum_and_undifferentiated_slips_are_named() {
        assert_eq!(slip("cos x", "sin x"), Some(Mistake::SignFlipped));
        assert_eq!(slip("x^3", "x^3"), Some(Mistake::NotDifferentiated));
        assert_eq!(
            slip("x^3 + sin x", "3x^2"),
            Some(Mistake::TermMissed {
                term: read("sin x")
            })
        );
        assert_eq!(slip("x^3", "7x"), None);
    }

    #[test]
    fn a_kept_term_and_an_outer_slip_are_named() {
        assert_eq!(
            slip("x^2 + 1", "2x + 1"),
            Some(Mistake::TermKept {
                term: Expr::int(1),
                slope: Expr::zero()
            })
        );
        // The outer derivative of e^(3x) is the function itself: the missing factor is the slip.
        assert!(matches!(
            slip("e^(3x)", "e^(3x)"),
            Some(Mistake::OuterOnly { .. })
        ));
        assert!(matches!(
            slip("(2x + 1)^3", "6(2x + 1)^3"),
            Some(Mistake::InOuter { slip, .. }) if matches!(*slip, Mistake::ExponentKept { .. })
        ));
    }

    #[test]
    fn a_slip_in_one_part_is_found_there() {
        let in_part = |function: &str, given: &str| match slip(function, given) {
            Some(Mistake::InPart { part, slip }) => (part.unicode(), *slip),
            other => panic!("{function} / {given}: {other:?}"),
        };
        let (part, inner) = in_part("sin(x^2) + x^3", "cos(x^2) + 3x^2");
        assert_eq!(part, "sin(x²)");
        assert!(matches!(inner, Mistake::OuterOnly { .. }), "{inner:?}");
        let (part, inner) = in_part("sin(x^2) + x^3", "2x cos(x^2) + 3x^3");
        assert_eq!(part, "x³");
        assert!(matches!(inner, Mistake::ExponentKept { .. }), "{inner:?}");
        let (part, inner) = in_part("x^2 + cos x", "2x + sin x");
        assert_eq!(part, "cos(x)");
        assert_eq!(inner, Mistake::SignFlipped);
        // The inside of a chain: 3x^2 differentiates to 6x, not 3x.
        let (part, inner) = in_part("sin(3x^2)", "3x cos(3x^2)");
        assert_eq!(part, "3x²");
        assert!(
            matches!(inner, Mistake::ExponentNotBroughtDown { .. }),
            "{inner:?}"
        );
        // Two wrong terms, or a slip of no known kind: no one part to point at.
        assert_eq!(slip("x^2 + x^3", "x + x^2"), None);
        assert_eq!(slip("x^2 + e^x", "2x + 7"), None);
    }
}
