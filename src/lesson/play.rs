//! Playing a lesson: narration, queries and exercises in order, expectations verified, errors placed in the file.

use super::exercise::{self, Attempt, Context, Learner};
use super::script::{ItemKind, Query, Script, ScriptError};
use crate::engine::judge::{Target, Verdict};
use crate::engine::Outcome;
use crate::error::{Error, ErrorKind, Phase};
use crate::explain::doc::Tag;
use crate::explain::hints::answer_text;
use crate::expr::Style;
use crate::format::{render_error_at, render_text_at, TextOptions};
use crate::numeric::Rng;
use crate::present::wrap::visible_width;
use crate::present::wrap::wrap;
use crate::present::Paint;
use crate::Session;
use std::io::{self, Write};

/// How a lesson is played.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// On a terminal: pauses wait for Enter, exercises ask the learner.
    Interactive,
    /// From a pipe: everything shown, no pauses, exercises with their solutions.
    Read,
    /// `--check`: nothing shown but problems; every expectation verified.
    Check,
}

#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub mode: Mode,
    /// Stop at the first problem.
    pub strict: bool,
    pub text: TextOptions,
    /// Columns for prose.
    pub width: usize,
    pub seed: u64,
}

/// What happened while a lesson played.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Expectations verified.
    pub checks: usize,
    /// Expectations that did not hold.
    pub failures: usize,
    /// Lines that could not be read or answered.
    pub errors: usize,
    pub exercises: usize,
    /// Exercises the learner got right.
    pub solved: usize,
    /// Stopped before the end: `--strict` after a problem, or the learner left.
    pub stopped: bool,
    /// The learner left while exercise number `exercises` was being asked.
    pub left_in_exercise: bool,
}

impl Report {
    /// No failed expectation and no error.
    pub fn clean(&self) -> bool {
        self.failures == 0 && self.errors == 0
    }
}

/// Where a lesson writes: answers and prose to `out`, painted by `paint`, and problems with
/// the lesson itself to `err`, painted by `err_paint` (the binary decides colour for each
/// stream on its own; a page paints plainly).
pub struct Io<'a> {
    pub learner: &'a mut dyn Learner,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub paint: &'a dyn Paint,
    pub err_paint: &'a dyn Paint,
}

/// Plays `script` in `session`; `problems` are the errors found while reading it.
pub fn play(
    script: &Script,
    problems: &[ScriptError],
    session: &mut Session,
    io: &mut Io,
    options: &Options,
) -> io::Result<Report> {
    let mut player = Player {
        script,
        session,
        io,
        options,
        report: Report::default(),
        rng: Rng::new(options.seed),
    };
    let mut pending = problems.iter().peekable();
    for item in &script.items {
        while let Some(p) = pending.next_if(|p| p.line < item.line) {
            player.problem(p)?;
        }
        if player.report.stopped {
            return Ok(player.report);
        }
        match &item.kind {
            ItemKind::Heading(title) => player.heading(title)?,
            ItemKind::Narration(text) => player.narrate(text)?,
            ItemKind::Pause => player.pause()?,
            ItemKind::Query(q) => player.query(item.line, q)?,
            ItemKind::Exercise(q) => player.exercise(item.line, q)?,
        }
        if player.report.stopped {
            return Ok(player.report);
        }
    }
    for p in pending {
        player.problem(p)?;
    }
    Ok(player.report)
}

struct Player<'a, 'b> {
    script: &'a Script,
    session: &'a mut Session,
    io: &'a mut Io<'b>,
    options: &'a Options,
    report: Report,
    rng: Rng,
}

impl Player<'_, '_> {
    fn shows(&self) -> bool {
        self.options.mode != Mode::Check
    }

    fn style(&self) -> Style {
        if self.options.text.unicode {
            Style::UNICODE
        } else {
            Style::ASCII
        }
    }

    fn problem(&mut self, problem: &ScriptError) -> io::Result<()> {
        self.report.errors += 1;
        let place = problem.place(&self.script.origin);
        let text = render_error_at(
            &problem.source,
            &problem.error,
            Some(&place),
            self.options.text.unicode,
            Some(self.options.width),
            self.io.err_paint,
        );
        self.io.out.flush()?;
        self.io.err.write_all(text.as_bytes())?;
        self.report.stopped |= self.options.strict;
        Ok(())
    }

    fn heading(&mut self, title: &str) -> io::Result<()> {
        if self.shows() {
            let rule = "─".repeat(title.chars().count().min(self.options.width));
            let paint = self.io.paint;
            writeln!(
                self.io.out,
                "{}\n{}\n",
                paint.paint(Tag::Label, title),
                paint.paint(Tag::Quiet, &rule)
            )?;
        }
        Ok(())
    }

    fn narrate(&mut self, text: &str) -> io::Result<()> {
        if self.shows() {
            writeln!(self.io.out, "{}\n", wrap(text, self.options.width))?;
        }
        Ok(())
    }

    fn pause(&mut self) -> io::Result<()> {
        if self.options.mode != Mode::Interactive {
            return Ok(());
        }
        self.io.out.flush()?;
        let prompt = self.io.paint.paint(Tag::Quiet, "(press Enter to go on) ");
        let line = self.io.learner.ask(&prompt)?;
        writeln!(self.io.out)?;
        match line.as_deref().map(str::trim) {
            None | Some("quit" | "exit") => self.report.stopped = true,
            _ => {}
        }
        Ok(())
    }

    /// Answers the query, or reports why it cannot be answered.
    fn answer(&mut self, line: usize, q: &Query) -> io::Result<Option<Outcome>> {
        match self.session.answer(&q.question.text) {
            Ok(outcome) => Ok(Some(outcome)),
            Err(e) => {
                let problem = ScriptError::in_piece(line, &q.source, &q.question, e);
                self.problem(&problem)?;
                Ok(None)
            }
        }
    }

    fn query(&mut self, line: usize, q: &Query) -> io::Result<()> {
        let Some(outcome) = self.answer(line, q)? else {
            return Ok(());
        };
        if self.shows() {
            self.echo(&q.question.text)?;
            self.io
                .out
                .write_all(self.answer_text(&outcome).as_bytes())?;
            writeln!(self.io.out)?;
        }
        self.verify(line, q, &outcome)
    }

    /// An answer as the lesson shows it: its prose wrapped to the lesson's width.
    fn answer_text(&self, outcome: &Outcome) -> String {
        render_text_at(
            outcome,
            self.options.text,
            Some(self.options.width),
            self.io.paint,
        )
    }

    fn echo(&mut self, question: &str) -> io::Result<()> {
        let paint = self.io.paint;
        writeln!(
            self.io.out,
            "{}{}",
            paint.paint(Tag::Quiet, "nudge> "),
            paint.paint(Tag::Label, question)
        )
    }

    fn exercise(&mut self, line: usize, q: &Query) -> io::Result<()> {
        let Some(outcome) = self.answer(line, q)? else {
            return Ok(());
        };
        if Target::of(&outcome).is_none() {
            let error = Error::new(
                Phase::Reading,
                "an exercise needs a question with a result to ask for",
            )
            .with_kind(ErrorKind::NotAnAnswer)
            .with_help("ask for a derivative, an integral, a gradient or a value");
            let problem = ScriptError::in_piece(line, &q.source, &q.question, error);
            return self.problem(&problem);
        }
        self.verify(line, q, &outcome)?;
        if self.report.stopped {
            return Ok(());
        }
        self.report.exercises += 1;
        match self.options.mode {
            Mode::Check => Ok(()),
            Mode::Read => {
                let paint = self.io.paint;
                writeln!(
                    self.io.out,
                    "{}",
                    asked("Your turn:", &q.question.text, self.options.width, paint)
                )?;
                writeln!(self.io.out, "{}", paint.paint(Tag::Quiet, "Solution:"))?;
                self.io
                    .out
                    .write_all(self.answer_text(&outcome).as_bytes())?;
                writeln!(self.io.out)
            }
            Mode::Interactive => {
                let paint = self.io.paint;
                writeln!(
                    self.io.out,
                    "{}",
                    asked("Your turn:", &q.question.text, self.options.width, paint)
                )?;
                if self.report.exercises == 1 {
                    let tip = "Type the result in any form you like (3x^2, 3*x^2, 3x²); 'skip' shows the working, 'quit' leaves.";
                    let tip = wrap(tip, self.options.width);
                    writeln!(self.io.out, "{}", paint.paint(Tag::Quiet, &tip))?;
                }
                let mut cx = Context {
                    session: self.session,
                    learner: &mut *self.io.learner,
                    out: &mut *self.io.out,
                    text: self.options.text,
                    width: self.options.width,
                    rng: &mut self.rng,
                    paint,
                };
                match exercise::run(&outcome, &mut cx)? {
                    Attempt::Solved(_) => self.report.solved += 1,
                    Attempt::Shown => {}
                    Attempt::Left => {
                        self.report.stopped = true;
                        self.report.left_in_exercise = true;
                    }
                }
                writeln!(self.io.out)
            }
        }
    }

    /// Checks the outcome against the result written after `=>`, if any.
    fn verify(&mut self, line: usize, q: &Query, outcome: &Outcome) -> io::Result<()> {
        let Some(expected) = &q.expected else {
            return Ok(());
        };
        let wanted = match self.session.read_answer(&expected.text) {
            Ok(e) => e,
            Err(e) => {
                let problem = ScriptError::in_piece(line, &q.source, expected, e);
                return self.problem(&problem);
            }
        };
        self.report.checks += 1;
        let Some(target) = Target::of(outcome) else {
            let error = Error::new(Phase::Reading, "this query gives no result to compare with")
                .with_kind(ErrorKind::NotAnAnswer)
                .with_help("expect the results of derivatives, integrals and expressions");
            let problem = ScriptError::in_piece(line, &q.source, &q.question, error);
            return self.problem(&problem);
        };
        if target.check(&wanted, &mut self.rng) == Verdict::Right {
            return Ok(());
        }
        self.report.failures += 1;
        let style = self.style();
        self.io.out.flush()?;
        writeln!(
            self.io.err,
            "{}: {}:{}: {} gives {}, but the lesson expects {}",
            self.io.err_paint.paint(Tag::Error, "expectation failed"),
            self.script.origin,
            line,
            q.question.text,
            answer_text(&target.result, style),
            answer_text(&wanted, style)
        )?;
        self.report.stopped |= self.options.strict;
        Ok(())
    }
}

/// A label and the query it asks, `Your turn: d/dx x^5`: the query is what the learner would
/// type, so it is never broken; when the two do not fit on one line it goes on the next.
pub fn asked(label: &str, query: &str, width: usize, paint: &dyn Paint) -> String {
    let label = paint.paint(Tag::Label, label);
    if visible_width(&format!("{label} {query}")) <= width {
        format!("{label} {query}")
    } else {
        format!("{label}\n  {query}")
    }
}
