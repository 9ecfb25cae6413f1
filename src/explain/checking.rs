//! `check QUESTION = ANSWER` said: right (and how nudge writes it), or not yet, with the hint
//! an exercise would give and a point where the two values part.

use super::doc::{Block, Doc, Inline, Line, Math, Quiet, Span, Spelled, Tag};
use super::hints::{antiderivative_hint, capitalised, first_rule_hint, mistake_hint, values_part};
use crate::engine::checking::{Checked, Judged, Why, Witness};
use crate::expr::{Expr, Style};
use std::rc::Rc;

/// The body of a `check` answer, after its reading.
pub fn checking(checked: &Checked) -> Doc {
    let mut blocks = vec![Block::Gap];
    let verdict: Line = match &checked.judged {
        Judged::Right => {
            let mut line = vec![Span::tagged("Right.", Tag::Answer)];
            if checked.given.unicode() != checked.expected.unicode() {
                line.push(" It is the same as ".into());
                line.push(Math::Expr(checked.expected.clone()).into());
                line.push(", as nudge writes it.".into());
            }
            line
        }
        Judged::Wrong { why, witness } => {
            let mut line = vec![Span::tagged("Not yet.", Tag::Warning), " ".into()];
            line.push(spelled(why_words(why)));
            if let Some(w) = witness.as_ref().filter(|_| wants_point(why)) {
                line.push(" ".into());
                line.push(spelled(witness_words(w)));
            }
            line
        }
        Judged::CannotTell => vec![Span::tagged(
            "nudge could not find enough points where your answer has a value to compare it.",
            Tag::Warning,
        )],
        Judged::RightGiven { sum } => vec![
            Span::tagged("Right, given ", Tag::Answer),
            Span::tagged(
                Math::Equation(vec![Math::Expr(sum.clone()), Math::Expr(Expr::one())]),
                Tag::Answer,
            ),
            Span::tagged(".", Tag::Answer),
            " That is the shape papers print, and it needs the targets to add to 1 (one-hot, or any probabilities); without that the slope is ".into(),
            Math::Expr(checked.expected.clone()).into(),
            ".".into(),
        ],
    };
    blocks.push(Block::Words(verdict));
    if !matches!(checked.judged, Judged::Right | Judged::RightGiven { .. }) {
        blocks.push(Block::Words(vec![
            "Ask the question on a line of its own to see the working.".into(),
        ]));
    }
    let quiet = match &checked.judged {
        Judged::Right => "right".to_string(),
        Judged::Wrong { .. } => "wrong".to_string(),
        Judged::CannotTell => "cannot tell".to_string(),
        Judged::RightGiven { sum } => format!("right given {} = 1", sum.ascii()),
    };
    Doc {
        blocks,
        quiet: Quiet::Result(vec![quiet.into()]),
    }
}

/// The hint and the point where the values part, for a wrong answer: what JSON's `hint` holds.
pub fn hint(checked: &Checked, style: Style) -> Option<String> {
    let Judged::Wrong { why, witness } = &checked.judged else {
        return None;
    };
    let mut words = why_words(why)(style);
    if let Some(w) = witness.as_ref().filter(|_| wants_point(why)) {
        words = format!("{words} {}", witness_words(w)(style));
    }
    Some(words.trim().to_string())
}

/// A point where the values part is said only when no slip explains the answer.
fn wants_point(why: &Why) -> bool {
    matches!(why, Why::FirstRule(_) | Why::Values)
}

fn spelled(words: impl Fn(Style) -> String + 'static) -> Span {
    Span::from(Inline::Spelled(Spelled(Rc::new(words))))
}

/// The exercise's hint for this answer, in words for either style (empty when only values
/// can speak).
fn why_words(why: &Why) -> impl Fn(Style) -> String + 'static {
    let why = why.clone();
    move |style| match &why {
        Why::Slip(mistake) => mistake_hint(mistake, style),
        Why::FirstRule(step) => first_rule_hint(step, style),
        Why::Slope {
            integrand,
            slope,
            var,
        } => {
            let x = Expr::symbol(var.clone()).to_text(style);
            antiderivative_hint(integrand, slope, &x, style)
        }
        Why::Values => String::new(),
    }
}

/// "At x = 1.5 the answer is 6.75, but yours gives 3.2."
fn witness_words(w: &Witness) -> impl Fn(Style) -> String + 'static {
    let w = w.clone();
    move |style| format!("{}.", capitalised(&values_part(&w, style)))
}
