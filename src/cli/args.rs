//! The flags: what `nudge --help` lists, the man page and completions are made from.

use super::{generate, width};
use clap::{Parser, ValueEnum};

use std::path::PathBuf;

const EXAMPLES: &str = "\
Examples:
  nudge                                  start an interactive session
  nudge -e 'd/dx sin(x^2)'               one answer, with every step
  echo 'd/dx (3x+1)^5' | nudge           one answer per line read
  nudge -q -e 'd/dx x^3'                 just the result: 3x²
  nudge -e 'integrate x cos(x^2) dx'     an antiderivative, checked by differentiating
  nudge -e '∫_0^1 x^2 dx'                an area, exact and by numbers
  nudge -e 'nudge x^2 at x = 3'          the slope, watched as the nudge shrinks
  nudge -e 'limit (1 + 1/n)^n as n -> inf'   a limit read off a table: e
  nudge -e 'plot sin x, cos x'           curves in the terminal (--ascii for plain)
  printf 'd/dx x^x\\n∂/∂x (x^2 y + y^3)\\n' | nudge --format json
  nudge --lesson 0                       list the built-in lessons; --lesson 3 plays one
  nudge my-lesson.nudge                  play a lesson file
  nudge --check lessons/*.nudge          verify lessons' expectations (exit 1 if any fails)
  nudge --practice chain --seed 7        five chain-rule exercises, the same ones each time
  nudge -e '\\frac{d}{dx} \\sin\\left(x^2\\right)'   LaTeX pasted from a paper
  nudge -e 'read \\frac{\\partial L}{\\partial W}'   notation explained in words
  nudge --format latex -e 'd/dx x^3'     the derivation as LaTeX for notes
  nudge completions bash                 Tab completion for bash (zsh, fish, powershell)
  nudge man | man -l -                   the manual page";

#[derive(Parser, Debug)]
#[command(
    name = "nudge",
    version,
    about = "A calculus tutor for the terminal: type the maths you read, see every step.",
    after_help = EXAMPLES
)]
pub struct Cli {
    /// `completions SHELL` or `man`: print a file instead of answering.
    #[command(subcommand)]
    pub generate: Option<generate::Generate>,

    /// A query to answer (repeat for several); stdin is not read then.
    #[arg(
        short = 'e',
        long = "expression",
        value_name = "QUERY",
        allow_hyphen_values = true
    )]
    pub expressions: Vec<String>,

    /// How answers are printed.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Plain ASCII maths (x^2, sqrt(x), pi) instead of Unicode (x², √x, π).
    #[arg(long)]
    pub ascii: bool,

    /// When to colour the output (auto honours NO_COLOR and CLICOLOR_FORCE).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print only the result line of each answer.
    #[arg(short, long)]
    pub quiet: bool,

    /// Do not read or save the interactive history (kept in NUDGE_HISTORY or the data directory).
    #[arg(long)]
    pub no_history: bool,

    /// Columns to write to: wrapping and plots (default: COLUMNS, else the terminal's width).
    #[arg(long, value_name = "N", value_parser = width::parse)]
    pub width: Option<usize>,

    /// Print long answers straight to the terminal, not through $PAGER.
    #[arg(long)]
    pub no_pager: bool,

    /// Write the session (queries, answers and steps) as Markdown to FILE when it ends.
    #[arg(long, value_name = "FILE")]
    pub transcript: Option<PathBuf>,

    /// Lesson files (.nudge) to play, or to verify with --check.
    #[arg(value_name = "FILE", conflicts_with_all = ["expressions", "lesson", "practice"])]
    pub files: Vec<PathBuf>,

    /// Verify lessons without a learner: no pauses, every expectation checked (all built-in lessons when no FILE is given).
    #[arg(long)]
    pub check: bool,

    /// Stop a lesson at its first problem.
    #[arg(long)]
    pub strict: bool,

    /// Play lesson N of the built-in tour; 0 lists the lessons.
    #[arg(long, value_name = "N", conflicts_with_all = ["expressions", "practice"])]
    pub lesson: Option<usize>,

    /// Practise a topic with generated exercises (power, chain, product, quotient, exp-log, trig, partial, gradient, integral, backprop, descent, activations, mixed).
    #[arg(
        long,
        value_name = "TOPIC",
        num_args = 0..=1,
        default_missing_value = "mixed",
        conflicts_with_all = ["expressions", "check"]
    )]
    pub practice: Option<String>,

    /// Seed for exercises and answer checking, so a session can be repeated.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// Ask exercises and wait at pauses even when input is not a terminal.
    #[arg(long)]
    pub interactive: bool,

    /// Most expression terms one answer may build before nudge stops it (default 8000000).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_terms: Option<u64>,

    /// Most seconds one answer may work before nudge stops it (default 10).
    #[arg(long, value_name = "SECONDS", value_parser = seconds)]
    pub max_seconds: Option<f64>,
}

/// A positive number of seconds, at most a day.
fn seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 86_400.0 => Ok(s),
        _ => Err("a number of seconds above 0, at most 86400".to_string()),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    /// Each answer as an `align*` derivation, ready for a LaTeX document.
    Latex,
    /// Each answer as Markdown, steps as a list with `$…$` maths.
    Markdown,
    /// Each answer as a standalone HTML fragment, for a page to style.
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
