//! The binary: the three ways in (flags, a pipe, the interactive session), lessons on a
//! terminal, output in each format, colour, and exit codes.

mod ansi;
mod args;
mod generate;
mod pager;
mod paint;
mod repl;
pub mod room;
mod spinner;
mod transcript;
mod tutor;
mod width;

pub use args::{Cli, ColorChoice, Format};
use clap::Parser;
use nudge::engine::PlotSize;
use nudge::engine::Tutor;
use nudge::expr::thousands;
use nudge::format::{render_html, render_latex, render_markdown, render_text_at, TextOptions};
use nudge::input::{read_line, skip_line, Line, MAX_LINE_BYTES, MAX_SKIP_BYTES};
use nudge::json::{render_json, render_json_error};
use nudge::present::diagnostic::diagnostic;
use nudge::present::html::html_error;
use nudge::present::latex::latex_error;
use nudge::present::markdown::markdown_error;
use nudge::visible::{json_escaped, visible};
use nudge::{Answer, Error, Outcome, Session};
use paint::Colored;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;

/// Columns to write to: `--width` or `COLUMNS`, else the terminal's on stdout; 80 on a pipe or a file.
pub fn terminal_width() -> usize {
    if let Some(columns) = width::chosen() {
        return columns;
    }
    if !io::stdout().is_terminal() {
        return 80;
    }
    terminal_size::terminal_size().map_or(80, |(w, _)| usize::from(w.0))
}

/// Columns prose wraps to: the chosen width, or the terminal's on a terminal; otherwise a
/// pipe gets every line whole.
fn prose_width() -> Option<usize> {
    width::chosen().or_else(|| io::stdout().is_terminal().then(terminal_width))
}

/// Decides colour once, for the whole run.
fn set_colour(choice: ColorChoice) {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let set =
                |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
            if set("CLICOLOR_FORCE") {
                true
            } else if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else {
                io::stdout().is_terminal()
            }
        }
    };
    colored::control::set_override(on);
    ansi::set_choice(match choice {
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
        ColorChoice::Auto => anstream::ColorChoice::Auto,
    });
}

/// Answers queries one by one and writes each answer as it comes.
pub struct Answerer {
    pub session: Session,
    pub format: Format,
    pub options: TextOptions,
    pub failures: usize,
    /// Set once a `quit` or `exit` line has been read.
    pub quit: bool,
    /// A lesson or practice asked for by the last line, for the caller to play.
    pub tutor: Option<Tutor>,
    /// How lessons and practice run here.
    pub lessons: nudge::lesson::Options,
    /// Whether an answer taller than the terminal goes through `$PAGER`: a one-shot run's
    /// on a terminal; the interactive session's stay in its scrollback.
    pub pager: bool,
    /// The session so far as Markdown, kept when it can be saved (`save`, `--transcript`).
    pub transcript: Option<transcript::Transcript>,
    /// Where `--transcript` writes it.
    pub transcript_path: Option<PathBuf>,
}

impl Answerer {
    /// Plays the lesson or practice the last line asked for, if any; a lesson with problems counts as a failure.
    pub fn play_requested(
        &mut self,
        learner: &mut dyn nudge::lesson::Learner,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if let Some(request) = self.tutor.take() {
            if !tutor::serve(request, learner, out, &self.lessons)? {
                self.failures += 1;
            }
        }
        Ok(())
    }
}

impl Answerer {
    pub fn new(cli: &Cli) -> Answerer {
        Answerer {
            session: Session::new(),
            format: cli.format,
            options: TextOptions {
                unicode: !cli.ascii,
                quiet: cli.quiet,
            },
            failures: 0,
            quit: false,
            tutor: None,
            lessons: tutor::options(cli),
            pager: !cli.no_pager,
            transcript: None,
            transcript_path: cli.transcript.clone(),
        }
    }

    /// Plots from now on fit the terminal, which may have been resized since the last answer.
    pub fn fit_plots(&mut self) {
        self.session
            .set_plot_size(PlotSize::for_width(terminal_width()));
    }

    /// Answers one line; an `Err` means stdout is gone.
    pub fn answer(&mut self, line: &str, out: &mut impl Write) -> io::Result<()> {
        if let Some(saved) = self.save(line, out) {
            return saved;
        }
        self.fit_plots();
        let result = self.session.answer(line);
        spinner::clear();
        self.show(line, result, out)
    }

    /// `save FILE` writes the session so far as Markdown; `None` for any other line.
    pub fn save(&mut self, line: &str, out: &mut impl Write) -> Option<io::Result<()>> {
        let target = transcript::save_target(line)?;
        let said = match (&self.transcript, target) {
            (None, _) => {
                Err("save keeps an interactive session; here, use --transcript FILE".to_string())
            }
            (Some(_), "") => Err("save needs a file name: save session.md".to_string()),
            (Some(t), path) => t
                .save(std::path::Path::new(path))
                .map(|()| {
                    let plural = if t.len() == 1 { "" } else { "s" };
                    format!("Saved {} answer{plural} to {}.", t.len(), visible(path))
                })
                .map_err(|e| format!("cannot save to {}: {e}", visible(path))),
        };
        Some(match said {
            Ok(words) => writeln!(out, "{words}"),
            Err(words) => {
                self.failures += 1;
                let _ = out.flush();
                eprintln!("error: {words}");
                Ok(())
            }
        })
    }

    /// Writes `--transcript`'s file, if asked for; 1 when it cannot be written.
    pub fn write_transcript(&self) -> i32 {
        let (Some(path), Some(transcript)) = (&self.transcript_path, &self.transcript) else {
            return 0;
        };
        match transcript.save(path) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!(
                    "nudge: cannot write the transcript to {}: {e}",
                    visible(&path.display().to_string())
                );
                1
            }
        }
    }

    /// Writes the answer (or error) for one line.
    pub fn show(
        &mut self,
        line: &str,
        result: Result<Outcome, Error>,
        out: &mut impl Write,
    ) -> io::Result<()> {
        if let Some(transcript) = &mut self.transcript {
            if !matches!(&result, Ok(o) if matches!(o.answer, Answer::Tutor(_) | Answer::Quit)) {
                transcript.record(line, &result);
            }
        }
        match result {
            // A lesson or practice is played by the caller, which knows where answers come from.
            Ok(Outcome {
                answer: Answer::Tutor(request),
                ..
            }) if self.format == Format::Text => {
                self.tutor = Some(request);
                Ok(())
            }
            // `quit` ends the run; JSON still gets its one object for the line.
            Ok(outcome) if matches!(outcome.answer, Answer::Quit) => {
                self.quit = true;
                match self.format {
                    Format::Json => writeln!(out, "{}", json_escaped(&render_json(&outcome))),
                    Format::Text | Format::Latex | Format::Markdown | Format::Html => Ok(()),
                }
            }
            Ok(outcome) => match self.format {
                Format::Json => writeln!(out, "{}", json_escaped(&render_json(&outcome))),
                Format::Latex => writeln!(out, "{}", render_latex(&outcome)),
                Format::Markdown => writeln!(out, "{}", render_markdown(&outcome)),
                Format::Html => out.write_all(render_html(&outcome, self.options.quiet).as_bytes()),
                Format::Text if self.options.quiet => {
                    out.write_all(render_text_at(&outcome, self.options, None, &Colored).as_bytes())
                }
                Format::Text => {
                    let text = render_text_at(&outcome, self.options, prose_width(), &Colored);
                    out.flush()?;
                    if pager::page(&text, self.pager)? {
                        return Ok(());
                    }
                    out.write_all(text.as_bytes())?;
                    writeln!(out)
                }
            },
            Err(e) => {
                self.failures += 1;
                self.report(line, &e, out)
            }
        }
    }

    pub fn report(&mut self, line: &str, error: &Error, out: &mut impl Write) -> io::Result<()> {
        match self.format {
            Format::Json => writeln!(out, "{}", json_escaped(&render_json_error(line, error))),
            // A page shows its failures where the answers go.
            Format::Html => out.write_all(html_error(&visible(line), error).as_bytes()),
            Format::Latex => writeln!(out, "{}", latex_error(&visible(line), error)),
            Format::Markdown => writeln!(out, "{}", markdown_error(&visible(line), error)),
            Format::Text => {
                out.flush()?;
                let mut err = io::stderr().lock();
                let width =
                    width::chosen().or_else(|| io::stderr().is_terminal().then(terminal_width));
                let shown = diagnostic(
                    line,
                    error,
                    None,
                    self.options.unicode,
                    width,
                    &ansi::Ansi::stderr(),
                );
                let _ = err.write_all(shown.as_bytes());
                let _ = writeln!(err);
                Ok(())
            }
        }
    }
}

/// Runs nudge and returns the process exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // The message echoes what was typed. With a control character in any argument it
            // is printed plain (escape sequences left out) and shown, never obeyed.
            let unsafe_argument = std::env::args_os().any(|a| {
                let a = a.to_string_lossy();
                visible(&a) != a
            });
            if !unsafe_argument {
                let _ = e.print();
            } else if e.use_stderr() {
                eprint!("{}", visible(&e.render().to_string()));
            } else {
                print!("{}", visible(&e.render().to_string()));
            }
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    if let Some(what) = &cli.generate {
        return generate::run(what);
    }
    width::choose(cli.width);
    nudge::budget::set_limits(room::limits(cli.max_terms, cli.max_seconds));
    // LaTeX, Markdown and HTML are pasted into files: never colour them.
    set_colour(match cli.format {
        Format::Latex | Format::Markdown | Format::Html => ColorChoice::Never,
        _ => cli.color,
    });
    if let Some(topic) = &cli.practice {
        return tutor::run_practice(&cli, topic);
    }
    if let Some(n) = cli.lesson {
        return tutor::run_builtin(&cli, n);
    }
    if !cli.files.is_empty() {
        return tutor::run_files(&cli);
    }
    if cli.check {
        return tutor::check_tour(&cli);
    }
    let mut answerer = Answerer::new(&cli);
    // The interactive session says it is still working in its own way (`repl`).
    let interactive =
        cli.expressions.is_empty() && io::stdin().is_terminal() && io::stdout().is_terminal();
    if !interactive {
        spinner::start(cli.ascii);
    }
    answerer.pager &= !interactive;
    // Rendering each answer again as Markdown costs: only a session that can be saved keeps it.
    if interactive || cli.transcript.is_some() {
        answerer.transcript = Some(transcript::Transcript::default());
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = if !cli.expressions.is_empty() {
        cli.expressions.iter().try_for_each(|q| {
            if answerer.quit {
                return Ok(());
            }
            answerer.answer(q, &mut out)?;
            let stdin = io::stdin();
            let mut input = stdin.lock();
            answerer.play_requested(&mut tutor::Lines(&mut input), &mut out)
        })
    } else if io::stdin().is_terminal() && io::stdout().is_terminal() {
        drop(out);
        let code = repl::run(&mut answerer, repl::history_path(!cli.no_history));
        return code.max(answerer.write_transcript());
    } else {
        answer_stream(&mut answerer, io::stdin().lock(), &mut out)
    };
    let flushed = result.and_then(|()| out.flush());
    if let Err(e) = flushed {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("nudge: cannot write the answer: {e}");
            return 1;
        }
    }
    i32::from(answerer.failures > 0).max(answerer.write_transcript())
}

/// One query per line; blank lines and `#` comments are skipped. A line longer than nudge
/// reads is refused without being held whole; input that never ends its line stops the run.
fn answer_stream(
    answerer: &mut Answerer,
    mut input: impl BufRead,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut buf = Vec::new();
    loop {
        match read_line(&mut input, &mut buf, MAX_LINE_BYTES)? {
            Line::End => return Ok(()),
            Line::TooLong => {
                let ended = skip_line(&mut input, MAX_SKIP_BYTES)?;
                answerer.failures += 1;
                let shown = String::from_utf8_lossy(&buf[..buf.len().min(200)]).into_owned();
                answerer.report(&shown, &too_long(ended), out)?;
                if !ended {
                    return Ok(());
                }
                continue;
            }
            Line::Read => {}
        }
        match std::str::from_utf8(&buf) {
            Ok(line) => {
                let trimmed = line.trim();
                if trimmed.is_empty() || trimmed.starts_with('#') {
                    continue;
                }
                answerer.answer(line, out)?;
                if answerer.quit {
                    return Ok(());
                }
                // Answers to a practice or lesson come from the lines that follow.
                answerer.play_requested(&mut tutor::Lines(&mut input), out)?;
            }
            Err(bad) => {
                let shown = String::from_utf8_lossy(&buf).into_owned();
                let at = String::from_utf8_lossy(&buf[..bad.valid_up_to()])
                    .chars()
                    .count();
                let error = Error::new(
                    nudge::error::Phase::Parsing,
                    "this line is not valid UTF-8 text",
                )
                .at(nudge::syntax::Span::new(at, at + 1))
                .with_help("save the input as UTF-8");
                answerer.failures += 1;
                answerer.report(&shown, &error, out)?;
            }
        }
    }
}

/// The error for a line past [`MAX_LINE_BYTES`]; `ended` when its end was found and the lines after it are read.
fn too_long(ended: bool) -> Error {
    let error = Error::new(
        nudge::error::Phase::Parsing,
        format!(
            "this line is longer than {} bytes, the longest line nudge reads",
            thousands(MAX_LINE_BYTES)
        ),
    )
    .at(nudge::syntax::Span::new(0, 0));
    if ended {
        error.with_help("split it into shorter lines")
    } else {
        error.with_help(format!(
            "it does not end within {} MiB more, so nudge stops reading its input here",
            MAX_SKIP_BYTES >> 20
        ))
    }
}
