//! One exercise with a learner: ask, check the answer, hint, retry; after three wrong tries, the whole working.

use crate::calculus::derive;
use crate::engine::judge::{diagnose, Equality, Target, Verdict};
use crate::engine::{Headline, Outcome};
use crate::explain::doc::Tag;
use crate::explain::hints::{
    answer_text, antiderivative_hint, first_rule_hint, grid_hint, mistake_hint, read_back,
    slip_hint, witness_hint,
};
use crate::expr::{Expr, Style};
use crate::format::{note_text, render_error_at, render_text_at, TextOptions};
use crate::numeric::Rng;
use crate::present::wrap::wrap;
use crate::present::Paint;
use crate::syntax::{reading_of_statement, slips, Slip};
use crate::Session;
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
    /// How tags look on `out`.
    pub paint: &'a dyn Paint,
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

/// Why `given` is wrong, in words: a named slip, the first rule, or a point where values part.
fn hint(
    target: &Target,
    given: &Headline,
    verdict: &Verdict,
    wrong: u32,
    rng: &mut Rng,
    style: Style,
) -> String {
    let given = match (verdict, given) {
        (Verdict::Grid(fit), _) => return grid_hint(&target.result, fit, style),
        (_, Headline::Scalar(g)) => g,
        _ => return String::new(),
    };
    if let Some((integrand, var)) = &target.up_to_constant {
        let slope = derive(given, var).after;
        let x = Expr::symbol(var.clone()).to_text(style);
        return antiderivative_hint(integrand, &slope, &x, style);
    }
    let mistake = target.step.and_then(|s| diagnose(s, given, rng));
    match (wrong, mistake, target.step, verdict) {
        // A second try with the same slip: the slip again, and a point to check it at.
        (2.., Some(m), _, Verdict::Wrong(Equality::Differs(Some(w)))) => {
            format!("{} {}", mistake_hint(&m, style), witness_hint(w, style))
        }
        (_, Some(m), _, _) => mistake_hint(&m, style),
        // No step explains it: a point where the two differ, said plainly.
        (_, _, _, Verdict::Wrong(Equality::Differs(Some(w)))) => witness_hint(w, style),
        (1, None, Some(s), _) => first_rule_hint(s, style),
        (_, _, _, Verdict::Wrong(Equality::Unknown)) => {
            "nudge could not find enough points where your answer has a value to compare it."
                .to_string()
        }
        _ => String::new(),
    }
}

/// Asks for the result of `outcome` until the learner has it, gives up, or leaves.
/// An outcome without a final answer to ask for just shows its working.
pub fn run(outcome: &Outcome, cx: &mut Context) -> io::Result<Attempt> {
    let Some(target) = Target::of(outcome) else {
        show_working(outcome, cx)?;
        return Ok(Attempt::Shown);
    };
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
        let read = match cx.session.read_answer_as(typed) {
            Ok(read) => read,
            Err(e) => {
                let (unicode, width) = (cx.text.unicode, Some(cx.width));
                let shown = render_error_at(typed, &e, None, unicode, width, cx.paint);
                write!(cx.out, "{shown}")?;
                cx.say("(That does not count as a try.)")?;
                continue;
            }
        };
        // Shown as read before it is judged, with the notes a query gets, so a misreading is
        // seen at once.
        let found = slips(typed);
        let notes: Vec<String> = read
            .notes
            .iter()
            .map(|n| note_text(n, cx.text.unicode))
            .collect();
        let reading = reading_of_statement(&read.statement, cx.text.unicode);
        cx.say(&read_back(&reading, &notes))?;
        let given = read.headline;
        let verdict = target.check(&given, cx.rng);
        if verdict != Verdict::Right {
            if let Some(slip) = meant_right(&found, &target, cx) {
                cx.say(&slip_hint(slip))?;
                continue;
            }
        }
        if verdict == Verdict::Right {
            let mut words = format!("{} ", cx.paint.paint(Tag::Answer, "Right."));
            let (theirs, ours) = (
                answer_text(&given, style),
                answer_text(&target.result, style),
            );
            if theirs != ours {
                words.push_str(&format!("nudge writes it {ours}."));
            }
            cx.say(&words)?;
            return Ok(Attempt::Solved(wrong + 1));
        }
        wrong += 1;
        if wrong >= TRIES {
            cx.say(&format!(
                "{} Here is the whole working:",
                cx.paint.paint(Tag::Warning, "Not quite, three times.")
            ))?;
            show_working(outcome, cx)?;
            return Ok(Attempt::Shown);
        }
        let hint = hint(&target, &given, &verdict, wrong, cx.rng, style);
        let left = TRIES - wrong;
        let tries = if left == 1 { "try" } else { "tries" };
        cx.say(&format!(
            // No-break spaces: "(2 tries left)" never splits across lines.
            "{} {hint} ({left}\u{a0}{tries}\u{a0}left)",
            cx.paint.paint(Tag::Warning, "Not yet.")
        ))?;
    }
}

/// A slip whose bracketed spelling is right: the answer was probably mistyped, so it is
/// not counted as a try.
fn meant_right<'s>(found: &'s [Slip], target: &Target, cx: &mut Context) -> Option<&'s Slip> {
    found.iter().find(|slip| {
        cx.session
            .read_answer(&slip.line)
            .is_ok_and(|meant| target.check(&meant, cx.rng) == Verdict::Right)
    })
}

fn show_working(outcome: &Outcome, cx: &mut Context) -> io::Result<()> {
    let text = TextOptions {
        quiet: false,
        ..cx.text
    };
    writeln!(cx.out)?;
    cx.out
        .write_all(render_text_at(outcome, text, Some(cx.width), cx.paint).as_bytes())
}
