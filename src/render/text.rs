//! The text answer a learner reads: the reading, each step in words, the result.

use super::catalogue::{note, title};
use super::integral::{constant_name, definite_text, indefinite_text, Definite, Indefinite};
use super::notation::{ascii_text, words};
use super::prune::{labelled, prune, Limits, Shown};
use super::{help, session};
use crate::calculus::multivar::Value;
use crate::calculus::{Detail, Rule, Step};
use crate::engine::{Answer, Outcome};
use crate::error::{Error, Phase};
use crate::expr::{superscript, Expr, Kind, Number, Style};
use crate::notation::NotationReading;
use crate::syntax::{reading_of_statement, Statement};
use colored::Colorize;
use unicode_width::UnicodeWidthStr;

/// Longest expression shown inside a step, in characters.
const STEP_BUDGET: usize = 160;
/// Longest result shown under the steps; `-q` always prints the whole result.
pub(super) const RESULT_BUDGET: usize = 4000;

#[derive(Clone, Copy, Debug)]
pub struct TextOptions {
    pub unicode: bool,
    /// Only the result line.
    pub quiet: bool,
}

impl TextOptions {
    pub fn style(&self) -> Style {
        if self.unicode {
            Style::UNICODE
        } else {
            Style::ASCII
        }
    }
}

/// The whole answer as text, ending with a newline; with `--ascii`, ASCII only.
pub fn render_text(outcome: &Outcome, options: TextOptions) -> String {
    let text = render_any(outcome, options);
    if options.unicode {
        text
    } else {
        super::ascii::transliterate(&text)
    }
}

fn render_any(outcome: &Outcome, options: TextOptions) -> String {
    if let Answer::Seeing(answer) = &outcome.answer {
        return super::seeing_text::render(outcome, answer, options);
    }
    if let Answer::Multivar(answer) = &outcome.answer {
        return super::multivar_text::render(outcome, answer, options);
    }
    if let Answer::Notation(reading) = &outcome.answer {
        return notation_text(reading, options);
    }
    let style = options.style();
    if options.quiet {
        return quiet(&outcome.answer, style);
    }
    let mut w = Writer {
        out: String::new(),
        style,
        partial: is_partial(&outcome.answer),
    };
    if !matches!(outcome.statement, Statement::Command(_)) {
        w.line(&format!(
            "{} {}",
            "Reading:".bold(),
            reading_of_statement(&outcome.statement, options.unicode)
        ));
    }
    for n in &outcome.notes {
        w.line(&format!("{} {}", "Note:".yellow().bold(), n.message));
    }
    w.answer(&outcome.answer);
    w.out
}

/// `-q`: the result line alone.
fn quiet(answer: &Answer, style: Style) -> String {
    match answer {
        Answer::Integral {
            constant, result, ..
        } => {
            format!(
                "{} + {}\n",
                result.to_text(style),
                constant_name(*constant, style.unicode)
            )
        }
        Answer::DefiniteIntegral {
            exact: None,
            numeric: Some(n),
            ..
        } => format!("≈ {}\n", decimal(n.estimate.value)),
        Answer::Expression { value, result: r }
        | Answer::DefiniteIntegral {
            value, result: r, ..
        }
        | Answer::AtPoint {
            value, result: r, ..
        } => match decimal_after(r, *value) {
            Some(d) => format!("{} ≈ {d}\n", r.to_text(style)),
            None => format!("{}\n", r.to_text(style)),
        },
        Answer::Defined { definition, .. } => {
            format!("{}\n", session::definition(definition, style))
        }
        Answer::Definitions(defs) => session::definitions(defs, style),
        Answer::Help(page) => help::page(*page, style),
        other => match other.result() {
            Some(r) => format!("{}\n", r.to_text(style)),
            None => String::new(),
        },
    }
}

fn is_partial(answer: &Answer) -> bool {
    match answer {
        Answer::Derivative { partial, .. } => *partial,
        Answer::AtPoint { inner, .. } => is_partial(inner),
        _ => false,
    }
}

/// Step trees as text, for renderers of other answers (many variables).
pub(super) fn steps_text(steps: &[Step], partial: bool, options: TextOptions) -> String {
    let mut w = Writer {
        out: String::new(),
        style: options.style(),
        partial,
    };
    for s in steps {
        w.step(&prune(s, Limits::TEXT), None, 0);
    }
    w.out
}

/// What each part of a line of notation means, headed by how it was read.
fn notation_text(reading: &NotationReading, options: TextOptions) -> String {
    let spell = |text: &str| {
        if options.unicode {
            text.to_string()
        } else {
            ascii_text(text)
        }
    };
    let quiet = options.quiet;
    let mut out = String::new();
    if !quiet {
        out.push_str(&format!(
            "{} {}\n\n",
            "Reading:".bold(),
            spell(&reading.shown)
        ));
    }
    for (i, e) in reading.shapes.iter().enumerate() {
        let w = words(&e.shape);
        let (shown, title, meaning) = (spell(&e.shown), spell(&w.title), spell(&w.meaning));
        if quiet {
            out.push_str(&format!("{shown}: {title}\n"));
            continue;
        }
        if i > 0 {
            out.push('\n');
        }
        let dash = if options.unicode { "—" } else { "-" };
        out.push_str(&format!(
            "{} {dash} {}\n",
            shown.bold(),
            title.cyan().bold()
        ));
        // Prose is wrapped, as lesson narration is; the notation itself stays on its line.
        for line in super::feedback::wrap(&meaning, 76).lines() {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out
}

/// `d/dx`, `d²/dx²`, `∂/∂x`.
pub fn operator(var: &str, order: u32, partial: bool, unicode: bool) -> String {
    let x = Expr::var(var).to_text(if unicode {
        Style::UNICODE
    } else {
        Style::ASCII
    });
    let d = if partial && unicode { "∂" } else { "d" };
    match order {
        1 => format!("{d}/{d}{x}"),
        n if unicode => {
            let p = superscript(i64::from(n));
            format!("{d}{p}/{d}{x}{p}")
        }
        n => format!("{d}^{n}/{d}{x}^{n}"),
    }
}

/// A number to six decimals, without trailing zeros.
pub fn decimal(v: f64) -> String {
    if v.is_nan() {
        return "undefined".to_string();
    }
    if v.abs() >= 1e15 || (v != 0.0 && v.abs() < 1e-6) {
        return format!("{v:.6e}");
    }
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// Whether an exact value says more with a decimal beside it: anything but a whole number.
fn wants_decimal(exact: &Expr) -> bool {
    exact.as_number().is_none_or(|n| !n.is_integer())
}

/// The decimal shown after an exact value: none when the value is whole or keeps a letter (v0).
pub fn decimal_after(exact: &Expr, approx: Option<f64>) -> Option<String> {
    approx.filter(|_| wants_decimal(exact)).map(decimal)
}

/// The decimals shown after an exact vector: when every entry has one and some entry is not whole.
pub fn decimals_after(exact: &[Expr], approx: Option<Vec<f64>>) -> Option<Vec<String>> {
    approx
        .filter(|_| exact.iter().any(wants_decimal))
        .map(|values| values.into_iter().map(decimal).collect())
}

/// The decimals shown after an exact matrix: when some entry is not whole.
pub fn matrix_decimals(values: &[Vec<Value>]) -> Option<Vec<Vec<String>>> {
    values
        .iter()
        .flatten()
        .any(|v| wants_decimal(&v.exact))
        .then(|| {
            values
                .iter()
                .map(|row| row.iter().map(|v| decimal(v.approx)).collect())
                .collect()
        })
}

/// Brackets around an expression that would otherwise read wrongly next to an operator.
fn needs_brackets(e: &Expr) -> bool {
    matches!(e.kind(), Kind::Add(_))
        || e.split_coefficient().0.is_negative()
        || e.as_number().is_some_and(|n| !n.is_integer())
}

struct Writer {
    out: String,
    style: Style,
    /// Steps of a partial derivative are written with ∂.
    partial: bool,
}

impl Writer {
    fn answer(&mut self, answer: &Answer) {
        let style = self.style;
        match answer {
            Answer::Derivative {
                body,
                var,
                order,
                partial,
                steps,
                result: r,
                named,
            } => {
                if let Some(n) = named {
                    let formula = body.to_text(style);
                    let intro = session::named_intro(n, &formula, var, *order, *partial, style);
                    self.line(&intro);
                }
                self.out.push('\n');
                for s in steps {
                    self.step(&prune(s, Limits::TEXT), None, 0);
                }
                self.out.push('\n');
                let lhs = match named {
                    Some(n) => session::label(n, var, *order, *partial, style),
                    None => format!(
                        "{} {}",
                        operator(var, *order, *partial, style.unicode),
                        derivand(body, style.with_budget(RESULT_BUDGET))
                    ),
                };
                let shown = r.to_text(style.with_budget(RESULT_BUDGET));
                self.line(&format!("{} = {}", lhs, shown.green().bold()));
                if shown.contains('…') {
                    self.line(&format!(
                        "{}",
                        "(shortened here; nudge -q prints the whole result)".dimmed()
                    ));
                }
                if let Some(reading) = super::readings::time(var, *order).filter(|_| !partial) {
                    self.line(&format!("{} {reading}", "Meaning:".bold()));
                }
            }
            Answer::Expression { result: r, value } => {
                let label = if value.is_some() {
                    "Value:"
                } else {
                    "Simplified:"
                };
                let exact = r.to_text(style);
                let shown = match decimal_after(r, *value) {
                    Some(d) => format!("{exact} ≈ {d}"),
                    None => exact,
                };
                self.line(&format!("{} {}", label.bold(), shown.green().bold()));
            }
            Answer::Integral {
                body,
                var,
                steps,
                result: r,
                check,
                constant,
                motion,
            } => {
                let answer = Indefinite {
                    body,
                    var,
                    steps,
                    result: r,
                    check,
                    constant: *constant,
                    motion: *motion,
                };
                self.out.push_str(&indefinite_text(&answer, style));
            }
            Answer::DefiniteIntegral {
                body,
                var,
                lower,
                upper,
                exact,
                result: r,
                value,
                numeric,
            } => {
                let answer = Definite {
                    body,
                    var,
                    lower,
                    upper,
                    exact: exact.as_ref(),
                    result: r,
                    value: *value,
                    numeric: *numeric,
                };
                self.out.push_str(&definite_text(&answer, style));
            }
            Answer::AtPoint {
                inner,
                point,
                result,
                value,
            } => {
                if matches!(**inner, Answer::Derivative { .. }) {
                    self.answer(inner);
                }
                self.out
                    .push_str(&session::at_point(inner, point, result, *value, style));
            }
            Answer::Defined {
                definition,
                replaced,
            } => self
                .out
                .push_str(&session::defined(definition, replaced.as_ref(), style)),
            Answer::Forgotten(def) => {
                self.line(&format!("Forgot {}.", session::definition(def, style)))
            }
            Answer::Definitions(defs) => self.out.push_str(&session::definitions(defs, style)),
            Answer::Reset => self
                .line("Everything is forgotten: no definitions, and no ans until the next answer."),
            Answer::Help(page) => self.out.push_str(&help::page(*page, style)),
            // Many-variable and seeing answers have their own renderers (render_text hands them over).
            Answer::Multivar(_)
            | Answer::Seeing(_)
            | Answer::Notation(_)
            | Answer::Quit
            | Answer::Tutor(_) => {}
        }
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn show(&self, e: &Expr) -> String {
        e.to_text(self.style.with_budget(STEP_BUDGET))
    }

    /// `e` as the operand of a product or derivative, bracketed when needed.
    fn operand(&self, e: &Expr) -> String {
        operand(e, self.style.with_budget(STEP_BUDGET))
    }

    /// `g²` written out before simplifying, bracketed unless `g` is a single symbol.
    fn squared(&self, e: &Expr) -> String {
        let atomic = matches!(e.kind(), Kind::Var(_) | Kind::Const(_) | Kind::Func(..))
            || e.as_number().is_some_and(is_plain);
        let text = self.show(e);
        let text = if atomic { text } else { format!("({text})") };
        if self.style.unicode {
            format!("{text}²")
        } else {
            format!("{text}^2")
        }
    }

    fn op(&self, step: &Step) -> String {
        operator(&step.var, 1, self.partial, self.style.unicode)
    }

    fn step(&mut self, shown: &Shown, label: Option<&str>, indent: usize) {
        let pad = "  ".repeat(indent);
        let (step, children) = match shown {
            Shown::Elided(e) => {
                self.line(&format!("{pad}{}", e.describe().dimmed()));
                return;
            }
            Shown::Step { step, children } => (*step, children),
        };
        let (head, inner_pad) = step_opening(step, label, indent);
        let lhs = format!(
            "{} {}",
            self.op(step),
            derivand(&step.before, self.style.with_budget(STEP_BUDGET))
        );
        let leaf = step.substeps.is_empty() || folds_into_one_line(step);
        if leaf {
            let after = self.show(&step.after);
            let middle = self
                .middle(step)
                .or_else(|| self.assembled(step))
                .filter(|m| *m != after)
                .map(|m| format!(" = {m}"))
                .unwrap_or_default();
            self.line(&format!("{head}{lhs}{middle} = {after}"));
        } else {
            self.line(&format!("{head}{lhs}"));
        }
        self.line(&format!("{inner_pad}{}", note(step, self.style).dimmed()));
        if let Detail::Chain {
            name, inner, outer, ..
        } = &step.detail
        {
            let u = Expr::symbol(name.clone());
            self.line(&format!(
                "{inner_pad}Let {} = {}, so the outer function is {}.",
                self.show(&u),
                self.show(inner),
                self.show(outer)
            ));
        }
        if leaf {
            return;
        }
        for (child, l) in labelled(children, child_labels(step.rule)) {
            self.step(child, l, indent + 1);
        }
        let after = self.show(&step.after);
        match self.assembled(step) {
            Some(a) if a != after => self.line(&format!(
                "{inner_pad}{}: {a} = {after}",
                combine_word(step.rule)
            )),
            _ => self.line(&format!("{inner_pad}{}: {after}", combine_word(step.rule))),
        }
    }

    /// The middle form of a leaf rule, before simplification: `3·x^(3−1)`.
    fn middle(&self, step: &Step) -> Option<String> {
        let Detail::Power { exponent } = &step.detail else {
            return None;
        };
        let base = match step.before.kind() {
            Kind::Pow(b, _) => b.clone(),
            _ => return None,
        };
        let n = exponent.to_text(self.style);
        let bare = exponent.as_number().is_some_and(is_plain)
            || matches!(exponent.kind(), Kind::Var(_) | Kind::Const(_));
        let n_shown = if bare { n.clone() } else { format!("({n})") };
        let minus = if self.style.unicode { "−" } else { "-" };
        let dot = if self.style.unicode { "·" } else { "*" };
        Some(format!("{n_shown}{dot}{}^({n}{minus}1)", self.show(&base)))
    }

    /// The rule's pieces put together before simplifying: `cos(x²) · 2x`.
    fn assembled(&self, step: &Step) -> Option<String> {
        let s = &step.substeps;
        let after = |i: usize| s.get(i).map(|c| self.operand(&c.after));
        let dot = if self.style.unicode { " · " } else { " * " };
        Some(match (&step.detail, step.rule) {
            (_, Rule::Sum) => {
                let mut text = String::new();
                for (i, c) in s.iter().enumerate() {
                    let t = self.show(&c.after);
                    match (i, t.strip_prefix('-')) {
                        (0, _) => text.push_str(&t),
                        (_, Some(rest)) => {
                            text.push_str(" - ");
                            text.push_str(rest);
                        }
                        _ => {
                            text.push_str(" + ");
                            text.push_str(&t);
                        }
                    }
                }
                text
            }
            (Detail::ConstantMultiple { constant }, _) => {
                format!("{}{dot}{}", self.operand(constant), after(0)?)
            }
            (Detail::Product { first, second }, _) => format!(
                "{}{dot}{} + {}{dot}{}",
                after(0)?,
                self.operand(second),
                self.operand(first),
                after(1)?
            ),
            (
                Detail::Quotient {
                    numerator,
                    denominator,
                },
                _,
            ) => format!(
                "({}{dot}{} - {}{dot}{}) / {}",
                after(0)?,
                self.operand(denominator),
                self.operand(numerator),
                after(1)?,
                self.squared(denominator)
            ),
            (
                Detail::Chain {
                    outer_derivative_at_inner,
                    ..
                },
                _,
            ) => format!(
                "{}{dot}{}",
                self.operand(outer_derivative_at_inner),
                after(1)?
            ),
            _ => return None,
        })
    }
}

/// What follows d/dx: bracketed when it is a product of several parts too, so that
/// `d/dx (x²·sin(x))` cannot be read as (d/dx x²)·sin(x).
fn derivand(e: &Expr, style: Style) -> String {
    let (_, rest) = e.split_coefficient();
    let text = e.to_text(style);
    if matches!(rest.kind(), Kind::Mul(_)) && !needs_brackets(e) && !has_top_level_slash(&text) {
        return format!("({text})");
    }
    operand(e, style)
}

/// `e` as the operand of a product or derivative, bracketed when needed.
pub(super) fn operand(e: &Expr, style: Style) -> String {
    let text = e.to_text(style);
    if needs_brackets(e) || has_top_level_slash(&text) {
        format!("({text})")
    } else {
        text
    }
}

/// Whether a printed expression is a fraction at its top level, like `2x/(x² + 1)`.
fn has_top_level_slash(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '/' if depth == 0 => return true,
            _ => {}
        }
    }
    false
}

fn is_plain(n: &Number) -> bool {
    n.is_integer() && !n.is_negative()
}

/// Steps too small to deserve a line of their own: x → 1, a constant → 0, 3x → 3.
fn is_simple(step: &Step) -> bool {
    match step.rule {
        Rule::Variable | Rule::Constant => true,
        Rule::ConstantMultiple => step.substeps.len() == 1 && is_simple(&step.substeps[0]),
        _ => false,
    }
}

/// A sum or multiple of simple steps is shown as one line with its working.
pub(super) fn folds_into_one_line(step: &Step) -> bool {
    matches!(step.rule, Rule::Sum | Rule::ConstantMultiple) && step.substeps.iter().all(is_simple)
}

pub(super) fn child_labels(rule: Rule) -> &'static [&'static str] {
    match rule {
        Rule::Chain => &["outer", "inner"],
        Rule::Product => &["first factor", "second factor"],
        Rule::Quotient => &["top", "bottom"],
        _ => &[],
    }
}

fn combine_word(rule: Rule) -> &'static str {
    match rule {
        Rule::Chain => "outer × inner",
        Rule::Sum => "add",
        Rule::Product => "f′·g + f·g′",
        Rule::Quotient => "put together",
        Rule::ConstantMultiple => "times the constant",
        _ => "so",
    }
}

/// An error as a diagnostic: header, the line, a caret under the place, the hint.
/// An error as the terminal shows it: the message, the line with a caret under the problem,
/// and help. With `unicode` off (`--ascii`) the message and help are spelled in ASCII; the
/// line itself is shown as it was typed, so the caret stays under the right character.
pub fn render_error(input: &str, error: &Error, origin: Option<&str>, unicode: bool) -> String {
    let spell = |text: &str| {
        if unicode {
            text.to_string()
        } else {
            super::ascii::transliterate(text)
        }
    };
    let phase = match error.phase {
        Phase::Parsing => "could not read this",
        Phase::Reading => "could not make sense of this",
        Phase::Computing => "could not work this out",
    };
    let mut out = format!("{}: {}\n", "error".red().bold(), spell(&error.message));
    if let Some(o) = origin {
        out.push_str(&format!("  --> {o}\n"));
    }
    if let Some(span) = error.span {
        // A window of the line around the problem, so long lines stay readable.
        // Tabs would widen differently on every terminal: show them as single spaces.
        let chars: Vec<char> = input
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        let from = span.start.saturating_sub(40);
        let to = (span.start + 40).min(chars.len());
        let lead = if from > 0 { "…" } else { "" };
        let tail = if to < chars.len() { "…" } else { "" };
        let before: String = chars[from..span.start.min(chars.len())].iter().collect();
        let shown: String = chars[from..to].iter().collect();
        let marked_len = span.end.saturating_sub(span.start).clamp(1, 40);
        let marked: String = chars.iter().skip(span.start).take(marked_len).collect();
        let col = UnicodeWidthStr::width(lead) + UnicodeWidthStr::width(before.as_str());
        let width = UnicodeWidthStr::width(marked.as_str()).max(1);
        out.push_str(&format!("   | {lead}{shown}{tail}\n"));
        out.push_str(&format!(
            "   | {}{} {}\n",
            " ".repeat(col),
            "^".repeat(width).red().bold(),
            phase.dimmed()
        ));
    }
    if let Some(help) = &error.help {
        out.push_str(&format!("   = {} {}\n", "help:".bold(), spell(help)));
    }
    out
}

/// The start of a step's first line, `  • outer: power rule: `, and the indent of the lines
/// under it (its note, its setting up, its substeps' sum).
pub(super) fn step_opening(step: &Step, label: Option<&str>, indent: usize) -> (String, String) {
    let pad = "  ".repeat(indent);
    let bullet = if indent > 0 { "• " } else { "" };
    let label = label.map(|l| format!("{l}: ")).unwrap_or_default();
    let head = format!("{pad}{bullet}{label}{}: ", title(step.rule).cyan().bold());
    let inner_pad = format!("{pad}{}", if indent > 0 { "    " } else { "  " });
    (head, inner_pad)
}
