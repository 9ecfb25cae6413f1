//! `check QUESTION = ANSWER`: the question worked out as if asked, then the learner's answer
//! judged as an exercise's is (any equal form is right), with what went wrong when it is not.

pub use super::judge::Witness;
use super::judge::{diagnose, Equality, Mistake, Target, Verdict};
use super::{Answer, Headline, Outcome, Session};
use crate::calculus::{derive, proven_equal, Detail, Step};
use crate::engine::DerivativeAnswer;
use crate::error::{Error, Phase};
use crate::expr::{Expr, Symbol};
use crate::numeric::Rng;
use crate::syntax::{lower_in, Node, Statement};

/// The seed of the random points an answer is compared at, so a verdict never changes.
const SEED: u64 = 15;

/// A learner's answer to a question, judged.
#[derive(Clone, Debug)]
pub struct Checked {
    /// The question's own answer, worked out.
    pub worked: Box<Answer>,
    /// What a right answer must equal.
    pub expected: Expr,
    /// The learner's answer, as read.
    pub given: Expr,
    pub judged: Judged,
}

#[derive(Clone, Debug)]
pub enum Judged {
    Right,
    /// Not equal: why, in the terms an exercise's hint uses, and a point where the values part.
    Wrong {
        why: Why,
        witness: Option<Witness>,
    },
    /// Too few points where both sides have a value to tell.
    CannotTell,
    /// Equal to the shape papers print, which holds only under an assumption: `sum` = 1
    /// (the targets of cross-entropy after a softmax add to 1).
    RightGiven {
        sum: Expr,
    },
}

/// What can be said about a wrong answer.
#[derive(Clone, Debug)]
pub enum Why {
    /// A slip an exercise names: the outer derivative alone, f′·g′, …
    Slip(Mistake),
    /// No slip that nudge knows: the first rule to use.
    FirstRule(Step),
    /// An antiderivative whose slope is not the integrand: what its slope is.
    Slope {
        integrand: Expr,
        slope: Expr,
        var: Symbol,
    },
    /// Nothing more than the point where the values part.
    Values,
}

/// Judges `answer` against the worked answer to `question`.
pub fn check(
    session: &Session,
    question: &Statement,
    worked: Answer,
    answer: &Node,
    bound: &[&str],
) -> Result<Checked, Error> {
    let given = lower_in(answer, session, bound)?;
    let outcome = Outcome {
        input: String::new(),
        statement: question.clone(),
        notes: Vec::new(),
        answer: worked,
    };
    let no_single = || {
        Error::new(
            Phase::Computing,
            "this question has no single result to check an answer against",
        )
        .at(answer.span)
    };
    let target = Target::of(&outcome).ok_or_else(no_single)?;
    let Headline::Scalar(expected) = &target.result else {
        return Err(no_single());
    };
    let mut rng = Rng::new(SEED);
    let judged = match target.check(&Headline::Scalar(given.clone()), &mut rng) {
        Verdict::Right | Verdict::Wrong(Equality::Same) => Judged::Right,
        Verdict::Wrong(Equality::Unknown) => Judged::CannotTell,
        Verdict::Wrong(Equality::Differs(witness)) => match assumed(&outcome.answer, &given) {
            Some(sum) => Judged::RightGiven { sum },
            None => Judged::Wrong {
                why: why(&target, &given, &mut rng),
                witness,
            },
        },
        Verdict::Grid(_) => return Err(no_single()),
    };
    Ok(Checked {
        expected: expected.clone(),
        given,
        judged,
        worked: Box::new(outcome.answer),
    })
}

/// What the answer needs to be right, when it is the shape papers print for the worked
/// derivative and that shape holds only given a sum that is 1 (p₁ − y₁ after a softmax).
fn assumed(worked: &Answer, given: &Expr) -> Option<Expr> {
    let Answer::Derivative(DerivativeAnswer { steps, .. }) = worked else {
        return None;
    };
    let Detail::Shape(known) = &steps.last()?.detail else {
        return None;
    };
    let (softmax, sum) = (known.softmax.as_ref()?, known.given.as_ref()?);
    proven_equal(given, &softmax.expand(&known.form)).then(|| sum.clone())
}

/// The hint an exercise would give for this wrong answer.
fn why(target: &Target, given: &Expr, rng: &mut Rng) -> Why {
    if let Some((integrand, var)) = &target.up_to_constant {
        return Why::Slope {
            integrand: integrand.clone(),
            slope: derive(given, var).after,
            var: var.clone(),
        };
    }
    match target.step {
        Some(step) => match diagnose(step, given, rng) {
            Some(mistake) => Why::Slip(mistake),
            None => Why::FirstRule(step.clone()),
        },
        None => Why::Values,
    }
}
