//! One exercise with a learner: ask, check the answer, hint, retry; after three wrong tries, the whole working.

use super::check::{compare, compare_antiderivative, diagnose, Equality};
use super::rng::Rng;
use crate::calculus::{derive, Step};
use crate::engine::{Answer, Outcome};
use crate::expr::{Expr, Style, Symbol};
use crate::render::{
    antiderivative_hint, first_rule_hint, mistake_hint, render_error, render_text, witness_hint,
    wrap, TextOptions,
};
use crate::Session;
use colored::Colorize;
use std::io::{self, Write};

/// Wrong tries before the whole working is shown.
pub const TRIES: u32 = 3;

/// Where a learner's lines come from: a terminal with line editing, a pipe, a test.
pub trait Learner {
    /// Shows `prompt` and reads one line; `None` at the end of input.
    fn ask(&mut self, prompt: &str) -> io::Result<Option<String>>;
}

/// How an exercise ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// Right, after this many tries.
    Solved(u32),
    /// The working was shown: three wrong tries, or the learner asked.
    Shown,
    /// The learner left (end of input, or `quit`).
    Left,
}

/// What an exercise needs to check answers and to explain them.
pub struct Context<'a> {
    pub session: &'a mut Session,
    pub learner: &'a mut dyn Learner,
    pub out: &'a mut dyn Write,
    pub text: TextOptions,
    pub width: usize,
    pub rng: &'a mut Rng,
}

impl Context<'_> {
    fn style(&self) -> Style {
        if self.text.unicode {
            Style::UNICODE
        } else {
            Style::ASCII
        }
    }

    fn say(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{}", wrap(text, self.width))
    }
}

/// What a right answer must equal, and the steps that explain it.
pub struct Target<'a> {
    pub result: Expr,
    /// The first derivative's step tree, for hints.
    pub step: Option<&'a Step>,
    /// For an antiderivative: the integrand and the variable, since any constant may be added.
    pub up_to_constant: Option<(Expr, Symbol)>,
}

impl Target<'_> {
    pub fn of(outcome: &Outcome) -> Target<'_> {
        let (step, up_to_constant) = match &outcome.answer {
            Answer::Derivative {
                order: 1, steps, ..
            } => (steps.first(), None),
            Answer::Integral { body, var, .. } => (None, Some((body.clone(), var.clone()))),
            _ => (None, None),
        };
        Target {
            result: outcome.result().clone(),
            step,
            up_to_constant,
        }
    }

    /// How `given` compares with the target.
    pub fn compare(&self, given: &Expr, rng: &mut Rng) -> Equality {
        match &self.up_to_constant {
            Some((_, var)) => compare_antiderivative(&self.result, given, var, rng),
            None => compare(&self.result, given, rng),
        }
    }
}

/// Asks for the result of `outcome` until the learner has it, gives up, or leaves.
pub fn run(outcome: &Outcome, cx: &mut Context) -> io::Result<Attempt> {
    let target = Target::of(outcome);
    let (expected, step) = (&target.result, target.step);
    let style = cx.style();
    let mut wrong = 0;
    loop {
        cx.out.flush()?;
        let Some(line) = cx.learner.ask("answer> ")? else {
            return Ok(Attempt::Left);
        };
        let typed = line.trim();
        match typed {
            "" => {
                cx.say("Type your answer, or 'skip' to see the working.")?;
                continue;
            }
            "quit" | "exit" => return Ok(Attempt::Left),
            "skip" | "?" => {
                show_working(outcome, cx)?;
                return Ok(Attempt::Shown);
            }
            _ => {}
        }
        let given = match cx.session.read_expression(typed) {
            Ok(given) => given,
            Err(e) => {
                write!(cx.out, "{}", render_error(typed, &e, None))?;
                cx.say("(That was not read as maths, so it does not count as a try.)")?;
                continue;
            }
        };
        let verdict = target.compare(&given, cx.rng);
        if verdict == Equality::Same {
            let mut words = format!("{} ", "Right.".green().bold());
            if given != *expected {
                words.push_str(&format!("nudge writes it {}.", expected.to_text(style)));
            }
            cx.say(&words)?;
            return Ok(Attempt::Solved(wrong + 1));
        }
        wrong += 1;
        if wrong >= TRIES {
            cx.say(&format!(
                "{} Here is the whole working:",
                "Not quite, three times.".yellow().bold()
            ))?;
            show_working(outcome, cx)?;
            return Ok(Attempt::Shown);
        }
        let mistake = step.and_then(|s| diagnose(s, &given, cx.rng));
        let witness = match &verdict {
            Equality::Differs(Some(w)) => Some(witness_hint(w, style)),
            _ => None,
        };
        let hint = if let Some((integrand, var)) = &target.up_to_constant {
            let slope = derive(&given, var).after;
            let x = Expr::symbol(var.clone()).to_text(style);
            antiderivative_hint(integrand, &slope, &x, style)
        } else {
            match (wrong, mistake, step) {
                (_, Some(m), _) => mistake_hint(&m, style),
                (1, None, Some(s)) => first_rule_hint(s, style),
                _ if verdict == Equality::Unknown => {
                    "nudge could not find enough points where your answer has a value to compare it."
                        .to_string()
                }
                _ => witness.unwrap_or_default(),
            }
        };
        let left = TRIES - wrong;
        let tries = if left == 1 { "try" } else { "tries" };
        cx.say(&format!(
            "{} {hint} ({left} {tries} left)",
            "Not yet.".yellow().bold()
        ))?;
    }
}

fn show_working(outcome: &Outcome, cx: &mut Context) -> io::Result<()> {
    let text = TextOptions {
        quiet: false,
        ..cx.text
    };
    writeln!(cx.out)?;
    cx.out.write_all(render_text(outcome, text).as_bytes())
}
