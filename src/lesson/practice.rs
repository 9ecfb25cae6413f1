//! Practice: generated exercises on one topic, getting harder as they go, with a score at the end.

use super::exercise::{self, Attempt, Context};
use super::play::asked;
pub use crate::engine::tour::Topic;
use crate::explain::doc::Tag;
use crate::numeric::Rng;
use crate::present::wrap::wrap;
use std::io;

/// Questions in one practice session; question n is at difficulty n.
pub const QUESTIONS: u32 = 5;

/// A question on `topic` at difficulty `level` (1 = first steps, 5 = hardest), as nudge reads it.
pub fn question(topic: Topic, level: u32, rng: &mut Rng) -> String {
    let a = rng.int(2, 9);
    let b = rng.int(1, 9);
    let n = rng.int(2, 7);
    let m = rng.int(2, 5);
    let hard = level >= 4;
    match topic {
        Topic::Power => match level {
            1 => format!("d/dx x^{n}"),
            2 => format!("d/dx {a}x^{n}"),
            3 => format!("d/dx ({a}x^{n} + {b}x^{m})"),
            4 => format!("d/dx x^(-{m})"),
            _ => format!("d/dx ({a}x^{n} - {b}/x + sqrt(x))"),
        },
        Topic::Chain => match level {
            1 => format!("d/dx ({a}x + {b})^{n}"),
            2 => format!("d/dx {}({a}x)", rng.pick(&["sin", "cos", "exp"])),
            3 => format!("d/dx sin(x^{n})"),
            4 => format!("d/dx {}(x^2 + {b})", rng.pick(&["ln", "sqrt"])),
            _ => format!("d/dx e^(sin({a}x))"),
        },
        Topic::Product => match level {
            1 => format!("d/dx x {}(x)", rng.pick(&["sin", "cos"])),
            2 => format!("d/dx x^{n} e^x"),
            3 => format!("d/dx x^{n} ln x"),
            4 => format!("d/dx (x^2 + {b}) cos x"),
            _ => format!("d/dx e^({a}x) sin x"),
        },
        Topic::Quotient => match level {
            1 => format!("d/dx x/(x + {b})"),
            2 => "d/dx sin(x)/x".to_string(),
            3 => format!("d/dx ({a}x + {b})/(x^2 + 1)"),
            4 => format!("d/dx e^x/x^{m}"),
            _ => "d/dx ln(x)/x^2".to_string(),
        },
        Topic::ExpLog => match level {
            1 => format!("d/dx {a}e^x"),
            2 => format!("d/dx ln({a}x)"),
            3 => format!("d/dx e^({a}x)"),
            4 => format!("d/dx {a}^x"),
            _ => format!("d/dx log_{a}(x^2 + {b})"),
        },
        Topic::Trig => match level {
            1 => format!("d/dx {a} sin x"),
            2 => format!("d/dx cos({a}x)"),
            3 => "d/dx tan x".to_string(),
            4 => "d/dx sin x cos x".to_string(),
            _ => format!("d/dx sin^2({a}x)"),
        },
        Topic::Partial => {
            let v = if hard { *rng.pick(&["x", "y"]) } else { "x" };
            match level {
                1 => format!("∂/∂{v} (x^2 + {a}y^2)"),
                2 => format!("∂/∂{v} (x^{n} y)"),
                3 => format!("∂/∂y (x^2 y^{m} + {a}x)"),
                4 => format!("∂/∂{v} e^(x y)"),
                _ => format!("∂/∂{v} sin(x^2 + {a}y)"),
            }
        }
        Topic::Gradient => match level {
            1 => format!("grad (x^2 + {a}y^2)"),
            2 => format!("grad (x^{n} y)"),
            3 => format!("grad (x y + {a}y^2) at (1, {b})"),
            4 => "grad e^(x y)".to_string(),
            _ => format!("grad (x^2 + y^2 + z^{m})"),
        },
        Topic::Integral => match level {
            1 => format!("integrate x^{n} dx"),
            2 => format!("integrate {a}x^{n} + {b} dx"),
            3 => format!(
                "integrate {} dx",
                rng.pick(&["cos x", "sin x", "e^x", "1/x"])
            ),
            4 => format!("integrate e^({a}x) dx"),
            _ => format!("∫_0^{m} {a}x dx"),
        },
        // The links of a backward pass: local derivatives, then short chains through them.
        Topic::Backprop => match level {
            1 => "∂/∂a (a - y)^2".to_string(),
            2 => format!("∂/∂w (w x + {b})"),
            3 => "d/dz 1/(1 + e^(-z)) at z = 0".to_string(),
            4 => format!("∂/∂w ({a}w - y)^2"),
            _ => format!("∂/∂w ({a}w x + {b} - y)^2"),
        },
        // A step downhill: the slope, the step −η·slope, the next point.
        Topic::Descent => match level {
            1 => format!("d/dw (w - {b})^2 at w = 0"),
            2 => format!("(w - 0.1*2(w - {b})) at w = 0"),
            3 => format!("grad (x^2 + {a}y^2) at (1, 1)"),
            4 => format!("(x - 0.1*2x) at x = {a}"),
            _ => format!("(w - 0.5*2(w - {b})) at w = {a}"),
        },
        Topic::Activations => match level {
            1 => format!("d/dx {}(x)", rng.pick(&["σ", "tanh", "relu", "softplus"])),
            2 => format!("d/dx σ({a}x + {b})"),
            3 => format!("d/dx tanh({a}x)"),
            4 => format!("d/dx relu(x^2 - {b})"),
            _ => format!("d/dx σ(x)^{m}"),
        },
        Topic::Mixed => {
            let picked = *rng.pick(&Topic::ALL[..Topic::ALL.len() - 1]);
            question(picked, level, rng)
        }
    }
}

/// How a practice session went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub asked: u32,
    pub solved: u32,
    pub first_try: u32,
}

/// Asks `QUESTIONS` questions on `topic`, each harder than the last, and prints the score.
pub fn practice(topic: Topic, cx: &mut Context) -> io::Result<Score> {
    let mut score = Score::default();
    writeln!(
        cx.out,
        "{}",
        wrap(
            &format!(
                "Practice: {}. {QUESTIONS} questions, each a little harder; type 'skip' to see the working, 'quit' to stop.",
                topic.name()
            ),
            cx.width
        )
    )?;
    for level in 1..=QUESTIONS {
        let text = question(topic, level, cx.rng);
        let outcome = match cx.session.answer(&text) {
            Ok(outcome) => outcome,
            // A generated question nudge cannot answer is skipped rather than asked.
            Err(_) => continue,
        };
        writeln!(
            cx.out,
            "\n{}",
            asked(&format!("Question {level}:"), &text, cx.width, cx.paint)
        )?;
        score.asked += 1;
        match exercise::run(&outcome, cx)? {
            Attempt::Solved(tries) => {
                score.solved += 1;
                score.first_try += u32::from(tries == 1);
            }
            Attempt::Shown => {}
            Attempt::Left => break,
        }
    }
    writeln!(
        cx.out,
        "\n{} {} of {} solved, {} on the first try.",
        cx.paint.paint(Tag::Label, "Score:"),
        score.solved,
        score.asked,
        score.first_try
    )?;
    Ok(score)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Session;

    #[test]
    fn every_generated_question_is_answered_by_the_engine() {
        let mut session = Session::new();
        for seed in 0..40 {
            let mut rng = Rng::new(seed);
            for topic in Topic::ALL {
                for level in 1..=QUESTIONS {
                    let q = question(topic, level, &mut rng);
                    assert!(session.answer(&q).is_ok(), "{q}");
                }
            }
        }
    }

    #[test]
    fn a_seed_repeats_the_questions() {
        let run = |seed| {
            let mut rng = Rng::new(seed);
            (1..=QUESTIONS)
                .map(|l| question(Topic::Mixed, l, &mut rng))
                .collect::<Vec<_>>()
        };
        assert_eq!(run(9), run(9));
        assert_ne!(run(9), run(10));
    }
}
