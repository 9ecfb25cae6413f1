//! The text of an integral answer: each step in words, the check, the + C, and areas.

use super::catalogue::{check_note, constant_note, motion_note, note, title};
use super::prune::{labelled, prune, Limits, Shown};
use super::text::{decimal, step_opening};
use crate::area::{error_text, infinite, NumericArea};
use crate::calculus::{Check, Detail, Rule, Step, Stretch};
use crate::engine::{ExactArea, Motion};
use crate::expr::{Expr, Kind, Style};
use colored::Colorize;

/// Longest expression shown inside a step, in characters.
const STEP_BUDGET: usize = 160;
/// Longest integrand or result shown on the answer line.
const RESULT_BUDGET: usize = 4000;

/// What Gauss–Kronrod does, in one plain line.
const GAUSS_KRONROD: &str = "Adaptive Gauss–Kronrod measures each slice with two rules at once and keeps cutting the slices where they disagree, until the disagreement, its error estimate, is tiny.";

/// An indefinite integral, `∫ f dx = F + C₁`, as the lines after the reading.
pub struct Indefinite<'a> {
    pub body: &'a Expr,
    pub var: &'a str,
    pub steps: &'a Step,
    pub result: &'a Expr,
    pub check: &'a Check,
    pub constant: u32,
    pub motion: Option<Motion>,
}

/// A definite integral, `∫_a^b f dx = value`, as the lines after the reading.
pub struct Definite<'a> {
    pub body: &'a Expr,
    pub var: &'a str,
    pub lower: &'a Expr,
    pub upper: &'a Expr,
    pub exact: Option<&'a ExactArea>,
    pub result: &'a Expr,
    pub value: Option<f64>,
    pub numeric: Option<NumericArea>,
}

/// The name of the n-th constant of integration: C₁ (Unicode) or C_1 (ASCII);
/// plain C for 0.
pub fn constant_name(n: u32, unicode: bool) -> String {
    if n == 0 {
        "C".to_string()
    } else if unicode {
        let digits: String = n
            .to_string()
            .chars()
            .filter_map(|d| d.to_digit(10).and_then(|d| char::from_u32('₀' as u32 + d)))
            .collect();
        format!("C{digits}")
    } else {
        format!("C_{n}")
    }
}

/// `∫ f dx` with the integrand bracketed when it is a sum.
fn integral_sign(e: &Expr, var: &str, style: Style) -> String {
    let sign = if style.unicode { "∫" } else { "integrate" };
    let x = Expr::var(var).to_text(style);
    format!("{sign} {} d{x}", operand(e, style))
}

/// `e` bracketed when it is a sum or starts with a minus; a step's budget unless another is given.
fn operand(e: &Expr, style: Style) -> String {
    let style = match style.budget {
        Some(_) => style,
        None => style.with_budget(STEP_BUDGET),
    };
    let text = e.to_text(style);
    let bracket = matches!(e.kind(), Kind::Add(_)) || e.split_coefficient().0.is_negative();
    if bracket {
        format!("({text})")
    } else {
        text
    }
}

pub fn indefinite_text(answer: &Indefinite, style: Style) -> String {
    let mut w = Writer::new(style);
    w.out.push('\n');
    w.step(&prune(answer.steps, Limits::TEXT), None, 0);
    w.out.push('\n');
    w.check(answer.result, answer.body, answer.var, answer.check);
    let c = constant_name(answer.constant, style.unicode);
    let lhs = integral_sign(answer.body, answer.var, style.with_budget(RESULT_BUDGET));
    let rhs = format!(
        "{} + {c}",
        answer.result.to_text(style.with_budget(RESULT_BUDGET))
    );
    w.line(&format!("{lhs} = {}", rhs.green().bold()));
    let (constant, motion) = constant_words(answer, style);
    w.line(&format!("  {}", constant.dimmed()));
    if let Some(m) = motion {
        w.line(&format!("  {m}"));
    }
    w.out
}

/// The words after `∫ f dx = F + C₁`: what C₁ stands for, and in motion terms when `f`
/// moves with time.
pub fn constant_words(answer: &Indefinite, style: Style) -> (String, Option<String>) {
    let c = constant_name(answer.constant, style.unicode);
    let shown_result = answer.result.to_text(style.with_budget(STEP_BUDGET));
    let shown_body = answer.body.to_text(style.with_budget(STEP_BUDGET));
    (
        constant_note(&c, &shown_result, &shown_body),
        answer.motion.map(|m| motion_note(m, &c, &shown_body)),
    )
}

pub fn definite_text(answer: &Definite, style: Style) -> String {
    let mut w = Writer::new(style);
    w.out.push('\n');
    let x = Expr::var(answer.var).to_text(style);
    let a = answer.lower.to_text(style);
    let b = answer.upper.to_text(style);
    let lhs = if style.unicode {
        format!(
            "∫_{}^{} {} d{x}",
            bound(answer.lower, style),
            bound(answer.upper, style),
            operand(answer.body, style.with_budget(RESULT_BUDGET))
        )
    } else {
        let body = answer.body.to_text(style.with_budget(RESULT_BUDGET));
        format!("integrate({body}, {x}, {a}, {b})")
    };
    match answer.exact {
        Some(exact) => {
            w.line(&"First an antiderivative F:".bold().to_string());
            w.step(&prune(&exact.antiderivative, Limits::TEXT), None, 0);
            w.out.push('\n');
            w.check(
                &exact.antiderivative.after,
                answer.body,
                answer.var,
                &exact.check,
            );
            w.theorem(&exact.theorem);
        }
        None => {
            if infinite(answer.lower) || infinite(answer.upper) {
                w.line("Out to infinity there is no F(∞) to put in, so nudge measures the area by numbers.");
            } else {
                w.line("I don't know an antiderivative for this with the rules I teach, so nudge finds the area by numbers.");
            }
            w.line(GAUSS_KRONROD);
        }
    }
    w.out.push('\n');
    let exact_text = answer.result.to_text(style);
    let line = match (answer.exact.is_some(), answer.value, answer.numeric) {
        (true, Some(v), Some(n)) => {
            let shown = with_decimal(&exact_text, answer.result, v);
            let check = if n.reliable {
                format!(
                    "numeric check by adaptive Gauss–Kronrod: {} ± {}",
                    decimal(n.estimate.value),
                    error_text(n.estimate.error)
                )
            } else {
                "numbers alone cannot check this one: the integrand swings too often between the bounds".to_string()
            };
            format!("{lhs} = {}   ({check})", shown.green().bold())
        }
        (true, Some(v), None) => {
            format!("{lhs} = {}", with_decimal(&exact_text, answer.result, v).green().bold())
        }
        (true, None, _) => format!(
            "{lhs} = {}   (no decimal value, since some names have no values; this holds when the integrand has no break between the bounds)",
            exact_text.green().bold()
        ),
        (false, _, Some(n)) => format!(
            "{lhs} ≈ {}   (± {}, adaptive Gauss–Kronrod over {} pieces)",
            decimal(n.estimate.value).green().bold(),
            error_text(n.estimate.error),
            n.estimate.pieces
        ),
        (false, _, None) => format!("{lhs}: no value"),
    };
    w.line(&line);
    w.out
}

/// `1/3 ≈ 0.333333`, or just `2` when the exact value is a whole number.
fn with_decimal(text: &str, exact: &Expr, v: f64) -> String {
    if exact.as_number().is_some_and(|n| n.is_integer()) {
        text.to_string()
    } else {
        format!("{text} ≈ {}", decimal(v))
    }
}

/// A bound, bracketed unless it is a single number or name.
fn bound(e: &Expr, style: Style) -> String {
    let text = e.to_text(style);
    let simple = match e.kind() {
        Kind::Num(n) => n.is_integer(),
        Kind::Var(_) | Kind::Const(_) => true,
        _ => false,
    };
    if simple {
        text
    } else {
        format!("({text})")
    }
}

struct Writer {
    out: String,
    style: Style,
}

impl Writer {
    fn new(style: Style) -> Writer {
        Writer {
            out: String::new(),
            style,
        }
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn show(&self, e: &Expr) -> String {
        e.to_text(self.style.with_budget(STEP_BUDGET))
    }

    fn sign(&self, step: &Step) -> String {
        integral_sign(&step.before, &step.var, self.style.with_budget(STEP_BUDGET))
    }

    /// `Check: d/dx F = f ✓`, with the simplified integrand when the derivative
    /// comes out in another shape.
    fn check(&mut self, antiderivative: &Expr, integrand: &Expr, var: &str, check: &Check) {
        let d = super::text::operator(var, 1, false, self.style.unicode);
        let tick = if self.style.unicode { "✓" } else { "ok" };
        let shown = self.show(antiderivative);
        let atomic = matches!(
            antiderivative.kind(),
            Kind::Var(_) | Kind::Func(..) | Kind::Num(_)
        );
        let shown = if atomic { shown } else { format!("({shown})") };
        let mut slope = self.show(&check.derivative);
        if check.derivative != *integrand {
            slope = format!("{slope} = {}", self.show(integrand));
        }
        self.line(&format!(
            "{} {d} {shown} = {slope} {}  ({})",
            "Check:".bold(),
            tick.green(),
            check_note(&check.method)
        ));
    }

    fn theorem(&mut self, step: &Step) {
        if let Detail::Improper {
            antiderivative,
            stretches,
            gaps,
        } = &step.detail
        {
            return self.improper(step, antiderivative, stretches, gaps);
        }
        let Detail::Definite {
            antiderivative,
            lower,
            upper,
            at_upper,
            at_lower,
        } = &step.detail
        else {
            return;
        };
        let minus = "-";
        self.line(&format!(
            "{}: {}",
            title(step.rule).cyan().bold(),
            note(step, self.style).dimmed()
        ));
        let x = Expr::symbol(step.var.clone()).to_text(self.style);
        let (a, b) = (self.show(lower), self.show(upper));
        let difference = format!(
            "{} {minus} {}",
            operand(at_upper, self.style),
            operand(at_lower, self.style)
        );
        let after = self.show(&step.after);
        let tail = if difference == after {
            after
        } else {
            format!("{difference} = {after}")
        };
        self.line(&format!(
            "  F({x}) = {}, so F({b}) {minus} F({a}) = {tail}",
            self.show(antiderivative),
        ));
    }

    /// Each stretch of an improper integral: F at its ends, limits where an end is
    /// infinite or the integrand blows up there.
    fn improper(&mut self, step: &Step, f: &Expr, stretches: &[Stretch], gaps: &[Expr]) {
        self.line(&format!(
            "{}: {}",
            title(step.rule).cyan().bold(),
            note(step, self.style).dimmed()
        ));
        let x = Expr::symbol(step.var.clone()).to_text(self.style);
        for g in gaps {
            self.line(&format!(
                "  At {x} = {} the integrand has no value, but it stays finite on both sides (a removable gap, or a jump such as the step's), so that one point holds no area.",
                self.show(g)
            ));
        }
        self.line(&format!("  F({x}) = {}", self.show(f)));
        let end = |w: &Writer, e: &Expr, value: &Expr, limit: bool, side: &str| {
            let at = w.bound_text(e);
            if limit {
                format!("F({x}) → {} as {x} → {at}{side}", w.show(value))
            } else {
                format!("F({at}) = {}", w.show(value))
            }
        };
        let mut parts = Vec::new();
        for s in stretches {
            let low_side = if infinite(&s.lower) { "" } else { "+" };
            let high_side = if infinite(&s.upper) { "" } else { "-" };
            let piece = Expr::sub(s.at_upper.clone(), s.at_lower.clone());
            self.line(&format!(
                "  from {} to {}: {}, {}, so this part is {} - {} = {}",
                self.bound_text(&s.lower),
                self.bound_text(&s.upper),
                end(self, &s.upper, &s.at_upper, s.upper_is_limit, high_side),
                end(self, &s.lower, &s.at_lower, s.lower_is_limit, low_side),
                operand(&s.at_upper, self.style),
                operand(&s.at_lower, self.style),
                self.show(&piece)
            ));
            parts.push(piece);
        }
        if stretches.len() > 1 {
            let texts: Vec<String> = parts.iter().map(|p| operand(p, self.style)).collect();
            self.line(&format!(
                "  add the parts: {} = {}",
                texts.join(" + "),
                self.show(&step.after)
            ));
        }
    }

    /// A bound as shown in words: ∞ for inf.
    fn bound_text(&self, e: &Expr) -> String {
        let infinity = if self.style.unicode { "∞" } else { "inf" };
        if is_infinity(e) {
            infinity.to_string()
        } else if infinite(e) {
            format!("-{infinity}")
        } else {
            self.show(e)
        }
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
        let lhs = self.sign(step);
        if step.substeps.is_empty() {
            let after = self.show(&step.after);
            let middle = self
                .middle(step)
                .filter(|m| *m != after)
                .map(|m| format!(" = {m}"))
                .unwrap_or_default();
            self.line(&format!("{head}{lhs}{middle} = {after}"));
            self.line(&format!("{inner_pad}{}", note(step, self.style).dimmed()));
            self.setup(step, &inner_pad);
            return;
        }
        self.line(&format!("{head}{lhs}"));
        self.line(&format!("{inner_pad}{}", note(step, self.style).dimmed()));
        self.setup(step, &inner_pad);
        let labels: &[&str] = match step.rule {
            Rule::ByParts => &["v", "∫ v du"],
            _ => &[],
        };
        for (child, l) in labelled(children, labels) {
            self.step(child, l, indent + 1);
        }
        self.combine(step, &inner_pad);
    }

    /// Lines that set a rule up before its substeps: what u is, what dv is.
    fn setup(&mut self, step: &Step, pad: &str) {
        let x = Expr::symbol(step.var.clone()).to_text(self.style);
        match &step.detail {
            Detail::Substitution {
                name,
                inner,
                slope,
                rewritten,
            } => {
                let u = Expr::symbol(name.clone()).to_text(self.style);
                self.line(&format!(
                    "{pad}Let {u} = {}, so d{u} = {} d{x}; the integral becomes {}.",
                    self.show(inner),
                    operand(slope, self.style),
                    integral_sign(rewritten, name, self.style.with_budget(STEP_BUDGET))
                ));
            }
            Detail::ByParts { u, dv, du, v, .. } => {
                let times_dx = |e: &Expr| {
                    if e.is_one() {
                        format!("d{x}")
                    } else {
                        format!("{} d{x}", operand(e, self.style))
                    }
                };
                self.line(&format!(
                    "{pad}u = {}, dv = {}, so du = {} and v = {}.",
                    self.show(u),
                    times_dx(dv),
                    times_dx(du),
                    self.show(v)
                ));
            }
            Detail::Expand {
                expanded: rewritten,
            }
            | Detail::Rewrite { rewritten } => {
                self.line(&format!(
                    "{pad}{} = {}",
                    self.show(&step.before),
                    self.show(rewritten)
                ));
            }
            Detail::Division {
                top,
                divisor,
                quotient,
                remainder,
                rewritten,
                ..
            } => {
                self.line(&format!(
                    "{pad}{} = ({})·({}) + {}, so {} = {}",
                    self.show(top),
                    self.show(divisor),
                    self.show(quotient),
                    self.show(remainder),
                    self.show(&step.before),
                    self.show(rewritten)
                ));
            }
            Detail::PartialFractions {
                factored,
                template,
                cleared,
                top,
                found,
                rewritten,
            } => self.partial_fractions(
                step,
                pad,
                [factored, template, cleared, top, rewritten],
                found,
            ),
            Detail::Tabular { rows } => self.tabular(pad, rows),
            Detail::CompleteSquare {
                bottom,
                square,
                rewritten,
            } => {
                self.line(&format!(
                    "{pad}{} = {}, so {} = {}",
                    self.show(bottom),
                    self.show(square),
                    self.show(&step.before),
                    self.show(rewritten)
                ));
            }
            Detail::Cyclic {
                first,
                second,
                v,
                once,
                k,
            } => self.cyclic(step, pad, first, second, v, once, k),
            Detail::TrigSubstitution {
                theta,
                x_is,
                root_is,
                in_theta,
            } => {
                let t = Expr::symbol(theta.clone()).to_text(self.style);
                let root = step
                    .before
                    .factors()
                    .iter()
                    .find(|f| matches!(f.kind(), Kind::Pow(b, _) if !b.is_var(&step.var)))
                    .map(|f| f.split_power().0)
                    .map(|b| crate::expr::Expr::pow(b, crate::expr::Expr::ratio(1, 2)));
                let root_line = root
                    .map(|r| format!(", so {} = {}", self.show(&r), self.show(root_is)))
                    .unwrap_or_default();
                self.line(&format!(
                    "{pad}Let {x} = {}{root_line}: the integral becomes ∫ {} d{t}.",
                    self.show(x_is),
                    self.show(in_theta)
                ));
            }
            _ => {}
        }
    }

    /// The table of tabular by parts: sign, u's derivatives, dv's integrals.
    fn tabular(&mut self, pad: &str, rows: &[(Expr, Expr)]) {
        let shown: Vec<(String, String)> = rows
            .iter()
            .map(|(d, i)| (self.show(d), self.show(i)))
            .collect();
        let width = shown
            .iter()
            .map(|(d, _)| d.chars().count())
            .max()
            .unwrap_or(0)
            .max("differentiate u".len());
        self.line(&format!(
            "{pad}sign  {:width$}  integrate dv, once more each row",
            "differentiate u"
        ));
        for (k, (d, i)) in shown.iter().enumerate() {
            let sign = if k % 2 == 0 { "+" } else { "-" };
            self.line(&format!("{pad} {sign}    {d:width$}  {i}"));
        }
        self.line(&format!(
            "{pad}      {:width$}  (u has reached 0: the table stops)",
            "0"
        ));
        self.line(&format!(
            "{pad}Each sign times the u and the integral on its row, added up."
        ));
    }

    /// The split with its unknowns, the cleared identity, and how each constant was found.
    fn partial_fractions(
        &mut self,
        step: &Step,
        pad: &str,
        [factored, template, cleared, top, rewritten]: [&Expr; 5],
        found: &[crate::calculus::Found],
    ) {
        let x = Expr::symbol(step.var.clone()).to_text(self.style);
        self.line(&format!(
            "{pad}{} = {}",
            self.show(&step.before),
            self.show(template)
        ));
        self.line(&format!(
            "{pad}Multiply both sides by {}: {} = {}",
            operand(factored, self.style),
            self.show(top),
            self.show(cleared)
        ));
        for f in found {
            let name = Expr::symbol(f.name.clone()).to_text(self.style);
            let value = self.show(&f.value);
            match &f.at {
                Some(at) => self.line(&format!(
                    "{pad}  put {x} = {}: every other term is 0, so {name} = {value}",
                    self.show(at)
                )),
                None => self.line(&format!(
                    "{pad}  compare the coefficients of each power of {x} on both sides: {name} = {value}"
                )),
            }
        }
        self.line(&format!(
            "{pad}So {} = {}",
            self.show(&step.before),
            self.show(rewritten)
        ));
    }

    /// Two rounds of by parts, the integral coming back, and the algebra that solves for it.
    #[allow(clippy::too_many_arguments)]
    fn cyclic(
        &mut self,
        step: &Step,
        pad: &str,
        first: &(Expr, Expr),
        second: &(Expr, Expr),
        v: &Expr,
        once: &Expr,
        k: &Expr,
    ) {
        let x = Expr::symbol(step.var.clone()).to_text(self.style);
        let dv = step
            .before
            .factors()
            .iter()
            .find(|f| **f != first.0)
            .cloned()
            .unwrap_or_else(Expr::one);
        let i = self.show(&step.before);
        let other = Expr::mul(vec![dv.clone(), second.0.clone()]);
        self.line(&format!("{pad}Call the integral I = ∫ {i} d{x}."));
        self.line(&format!(
            "{pad}Once: u = {}, dv = {} d{x}, so du = {} d{x} and v = {}: I = {} - ∫ {} d{x}",
            self.show(&first.0),
            operand(&dv, self.style),
            operand(&first.1, self.style),
            self.show(v),
            self.show(&Expr::mul(vec![first.0.clone(), v.clone()])),
            operand(&Expr::mul(vec![v.clone(), first.1.clone()]), self.style)
        ));
        self.line(&format!(
            "{pad}Twice, on ∫ {} d{x}: u = {}, dv = {} d{x}, so du = {} d{x}; the integral left is a multiple of I again.",
            self.show(&other),
            self.show(&second.0),
            operand(&dv, self.style),
            operand(&second.1, self.style)
        ));
        let with_k = Expr::add(vec![
            once.clone(),
            Expr::mul(vec![k.clone(), Expr::var("I")]),
        ]);
        self.line(&format!("{pad}I has come back: I = {}", self.show(&with_k)));
        let scale = Expr::sub(Expr::one(), k.clone());
        self.line(&format!(
            "{pad}Solve for I as in algebra: {}·I = {}, so I = {}",
            operand(&scale, self.style),
            self.show(once),
            self.show(&step.after)
        ));
    }

    /// The closing line of a rule with substeps: its pieces put together.
    fn combine(&mut self, step: &Step, pad: &str) {
        let after = self.show(&step.after);
        let dot = if self.style.unicode { " · " } else { " * " };
        let minus = " - ";
        let text = match (&step.detail, step.rule) {
            (_, Rule::IntegralSum) => {
                let parts: Vec<String> =
                    step.substeps.iter().map(|s| self.show(&s.after)).collect();
                let joined = parts.join(" + ").replace("+ -", "- ");
                if joined == after {
                    format!("add: {after}")
                } else {
                    format!("add: {joined} = {after}")
                }
            }
            (Detail::ConstantMultiple { constant }, _) => {
                let inner = step.substeps.first().map(|s| operand(&s.after, self.style));
                match inner {
                    Some(i) => format!(
                        "times the constant: {}{dot}{i} = {after}",
                        operand(constant, self.style)
                    ),
                    None => format!("times the constant: {after}"),
                }
            }
            (Detail::Substitution { name, inner, .. }, _) => {
                let u = Expr::symbol(name.clone()).to_text(self.style);
                let in_u = step
                    .substeps
                    .first()
                    .map(|s| self.show(&s.after))
                    .unwrap_or_default();
                format!(
                    "put {u} = {} back: {in_u} becomes {after}",
                    self.show(inner)
                )
            }
            (Detail::ByParts { u, v, .. }, _) => {
                let rest = step
                    .substeps
                    .get(1)
                    .map(|s| operand(&s.after, self.style))
                    .unwrap_or_default();
                format!(
                    "u·v − ∫ v du: {}{dot}{}{minus}{rest} = {after}",
                    operand(u, self.style),
                    operand(v, self.style)
                )
            }
            _ => format!("so: {after}"),
        };
        self.line(&format!("{pad}{text}"));
    }

    /// The middle form of a leaf rule: `x^(2+1)/(2+1)`.
    fn middle(&self, step: &Step) -> Option<String> {
        if step.rule != Rule::ReversePower {
            return None;
        }
        let Detail::Power { exponent } = &step.detail else {
            return None;
        };
        let x = Expr::symbol(step.var.clone()).to_text(self.style);
        let n = exponent.to_text(self.style);
        let n = if exponent
            .as_number()
            .is_some_and(|n| n.is_integer() && !n.is_negative())
        {
            n
        } else {
            format!("({n})")
        };
        Some(format!("{x}^({n}+1)/({n}+1)"))
    }
}

/// Whether a bound is +∞ itself (not −∞).
fn is_infinity(e: &Expr) -> bool {
    ["inf", "infinity", "oo"].iter().any(|n| e.is_var(n))
}
