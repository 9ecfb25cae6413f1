//! An integral, said: its steps, the check by differentiating back, the + C, and areas.

use super::catalogue::{check_note, constant_note, motion_note, title};
use super::doc::STEP_BUDGET;
use super::doc::{Block, Doc, Line, Math, Quiet, Span, Spelled, Tag};
use super::integral_steps::{integral_steps, note_line};
use crate::area::{error_text, infinite};
use crate::calculus::{Check, Detail, Step, Stretch};
use crate::engine::Motion;
use crate::engine::{AreaAnswer, IntegralAnswer};
use crate::expr::{Expr, Kind, Style, Symbol};
use std::rc::Rc;

/// What Gauss–Kronrod does, in one plain line.
const GAUSS_KRONROD: &str = "Adaptive Gauss–Kronrod cuts the area into slices and measures each with two rules at once; a slice where the two disagree is cut again, until the disagreement, the ± error estimate, is tiny.";

/// The body of an antiderivative answer, after the reading.
pub fn integral(answer: &IntegralAnswer) -> Doc {
    let IntegralAnswer {
        body,
        var,
        steps,
        result,
        check,
        constant,
        motion,
    } = answer;
    indefinite(body, var, steps, result, check, *constant, *motion)
}

fn short(e: &Expr) -> Span {
    Math::short(Math::Expr(e.clone())).into()
}

fn words(text: &str) -> Block {
    Block::Words(vec![text.into()])
}

fn indefinite(
    body: &Expr,
    var: &Symbol,
    steps: &Step,
    result: &Expr,
    check: &Check,
    constant: u32,
    motion: Option<Motion>,
) -> Doc {
    let answer = Math::plus(Math::Expr(result.clone()), Math::Constant(constant));
    let mut blocks = vec![
        Block::Gap,
        Block::Steps(integral_steps(steps)),
        Block::Gap,
        check_line(result, body, var, check),
        Block::Words(vec![
            Math::Integral {
                var: var.clone(),
                of: body.clone(),
            }
            .into(),
            " = ".into(),
            Span::tagged(answer.clone(), Tag::Answer),
        ]),
    ];
    let (body, result) = (body.clone(), result.clone());
    let said = move |style: Style| constant_words(&body, &result, constant, motion, style);
    let said = Rc::new(said);
    let first = said.clone();
    blocks.push(Block::Words(vec![
        "  ".into(),
        Span::tagged(Spelled(Rc::new(move |style| first(style).0)), Tag::Quiet),
    ]));
    if motion.is_some() {
        blocks.push(Block::Words(vec![
            "  ".into(),
            Spelled(Rc::new(move |style| said(style).1.unwrap_or_default())).into(),
        ]));
    }
    Doc {
        blocks,
        quiet: Quiet::Result(vec![answer.into()]),
    }
}

/// The name of the n-th constant of integration: C₁ (Unicode) or C_1 (ASCII); plain C for 0.
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

/// The words after `∫ f dx = F + C₁`: what C₁ stands for, and in motion terms when `f`
/// moves with time.
pub fn constant_words(
    body: &Expr,
    result: &Expr,
    constant: u32,
    motion: Option<Motion>,
    style: Style,
) -> (String, Option<String>) {
    let c = constant_name(constant, style.unicode);
    let shown_result = result.to_text(style.with_budget(STEP_BUDGET));
    let shown_body = body.to_text(style.with_budget(STEP_BUDGET));
    (
        constant_note(&c, &shown_result, &shown_body),
        motion.map(|m| motion_note(m, &c, &shown_body)),
    )
}

/// `Check: d/dx F = f ✓`, with the simplified integrand when the derivative comes out in
/// another shape.
fn check_line(antiderivative: &Expr, integrand: &Expr, var: &Symbol, check: &Check) -> Block {
    let atomic = matches!(
        antiderivative.kind(),
        Kind::Var(_) | Kind::Func(..) | Kind::Num(_)
    );
    let shown = Math::Expr(antiderivative.clone());
    let shown = if atomic { shown } else { Math::group(shown) };
    let mut line: Line = vec![
        Span::tagged("Check:", Tag::Label),
        " ".into(),
        Math::Operator {
            var: var.clone(),
            order: 1,
            partial: false,
        }
        .into(),
        " ".into(),
        Math::short(shown).into(),
        " = ".into(),
        short(&check.derivative),
    ];
    if check.derivative != *integrand {
        line.extend([" = ".into(), short(integrand)]);
    }
    let tick = Spelled(Rc::new(|style: Style| {
        if style.unicode { "✓" } else { "ok" }.to_string()
    }));
    line.extend([
        " ".into(),
        Span::tagged(tick, Tag::Success),
        format!("  ({})", check_note(&check.method)).into(),
    ]);
    Block::Words(line)
}

/// The body of an area answer, after the reading.
pub fn area(answer: &AreaAnswer) -> Doc {
    let mut blocks = vec![Block::Gap];
    match answer.exact.as_ref() {
        Some(exact) => {
            blocks.push(Block::Words(vec![Span::tagged(
                "First an antiderivative F:",
                Tag::Label,
            )]));
            blocks.push(Block::Steps(integral_steps(&exact.antiderivative)));
            blocks.push(Block::Gap);
            blocks.push(check_line(
                &exact.antiderivative.after,
                &answer.body,
                &answer.var,
                &exact.check,
            ));
            blocks.extend(theorem(&exact.theorem));
        }
        None => {
            if infinite(&answer.lower) || infinite(&answer.upper) {
                blocks.push(words("Out to infinity there is no F(∞) to put in, so nudge measures the area by numbers."));
            } else {
                blocks.push(words("I don't know an antiderivative for this with the rules I teach, so nudge finds the area by numbers."));
            }
        }
    }
    // The method is explained where a session first meets it: before the value it made, or
    // after the line where it checks an exact value.
    let named = match (answer.exact.is_some(), answer.value, answer.numeric) {
        (true, Some(_), Some(n)) => n.reliable,
        (false, _, Some(_)) => true,
        _ => false,
    };
    let told = (answer.tell_method && named).then(|| words(GAUSS_KRONROD));
    let area = Block::Words(area_line(answer));
    if answer.exact.is_none() {
        blocks.extend(told);
        blocks.extend([Block::Gap, area]);
    } else {
        blocks.extend([Block::Gap, area]);
        blocks.extend(told);
    }
    Doc {
        blocks,
        quiet: Quiet::Result(quiet_area(answer)),
    }
}

/// `∫_a^b f dx = value   (how it was checked)`.
fn area_line(answer: &AreaAnswer) -> Line {
    let lhs: Span = Math::Definite {
        var: answer.var.clone(),
        lower: answer.lower.clone(),
        upper: answer.upper.clone(),
        of: answer.body.clone(),
    }
    .into();
    let exact = Math::Expr(answer.result.clone());
    match (answer.exact.is_some(), answer.value, answer.numeric) {
        (true, Some(v), numeric) => {
            // A whole number says all there is; any other value gets its decimal.
            let shown = if answer.result.as_number().is_some_and(|n| n.is_integer()) {
                exact
            } else {
                Math::Approx(Box::new(exact), v)
            };
            let mut line = vec![lhs, " = ".into(), Span::tagged(shown, Tag::Answer)];
            match numeric {
                Some(n) if n.reliable => line.extend([
                    "   (numeric check by adaptive Gauss–Kronrod: ".into(),
                    Math::Decimal(n.estimate.value).into(),
                    format!(" ± {})", error_text(n.estimate.error)).into(),
                ]),
                Some(_) => line.push("   (numbers alone cannot check this one: the integrand swings too often between the bounds)".into()),
                None => {}
            }
            line
        }
        (true, None, _) => vec![
            lhs,
            " = ".into(),
            Span::tagged(exact, Tag::Answer),
            "   (no decimal value, since some names have no values; this holds when the integrand has no break between the bounds)".into(),
        ],
        (false, _, Some(n)) => vec![
            lhs,
            " ≈ ".into(),
            Span::tagged(Math::Decimal(n.estimate.value), Tag::Answer),
            format!(
                "   (± {}, adaptive Gauss–Kronrod over {} pieces)",
                error_text(n.estimate.error),
                n.estimate.pieces
            )
            .into(),
        ],
        (false, _, None) => vec![lhs, ": no value".into()],
    }
}

/// What `-q` prints of an area: the value, with its decimal when that says more.
fn quiet_area(answer: &AreaAnswer) -> Line {
    let exact = Math::Expr(answer.result.clone());
    match (answer.exact.as_ref(), answer.numeric, answer.value) {
        (None, Some(n), _) => vec!["≈ ".into(), Math::Decimal(n.estimate.value).into()],
        (_, _, Some(v)) if super::session::wants_decimal(&answer.result) => {
            vec![Math::Approx(Box::new(exact), v).into()]
        }
        _ => vec![exact.into()],
    }
}

/// The fundamental theorem's lines: F at the bounds and their difference, or the limits of
/// an improper integral.
fn theorem(step: &Step) -> Vec<Block> {
    let head = Block::Words(vec![
        Span::tagged(title(step.rule), Tag::Rule),
        ": ".into(),
        note_line(step).remove(0),
    ]);
    let mut blocks = vec![head];
    match &step.detail {
        Detail::Improper {
            antiderivative,
            stretches,
            gaps,
        } => blocks.extend(improper(step, antiderivative, stretches, gaps)),
        Detail::Definite {
            antiderivative,
            lower,
            upper,
            at_upper,
            at_lower,
        } => {
            let x = Math::symbol(&step.var);
            let difference = Math::minus(
                Math::Integrand(at_upper.clone()),
                Math::Integrand(at_lower.clone()),
            );
            blocks.push(Block::Words(vec![
                "  F(".into(),
                x.into(),
                ") = ".into(),
                short(antiderivative),
                ", so F(".into(),
                short(upper),
                ") - F(".into(),
                short(lower),
                ") = ".into(),
                Math::short(Math::Equation(vec![
                    difference,
                    Math::Expr(step.after.clone()),
                ]))
                .into(),
            ]));
        }
        _ => return Vec::new(),
    }
    blocks
}

/// Each stretch of an improper integral: F at its ends, limits where an end is infinite or
/// the integrand blows up there.
fn improper(step: &Step, f: &Expr, stretches: &[Stretch], gaps: &[Expr]) -> Vec<Block> {
    let x = || Span::from(Math::symbol(&step.var));
    let mut blocks: Vec<Block> = gaps
        .iter()
        .map(|g| {
            Block::Words(vec![
                "  At ".into(),
                x(),
                " = ".into(),
                short(g),
                " the integrand has no value, but it stays finite on both sides (a removable gap, or a jump such as the step's), so that one point holds no area.".into(),
            ])
        })
        .collect();
    blocks.push(Block::Words(vec![
        "  F(".into(),
        x(),
        ") = ".into(),
        short(f),
    ]));
    let end = |e: &Expr, value: &Expr, limit: bool, side: &str| -> Line {
        if limit {
            vec![
                "F(".into(),
                x(),
                ") → ".into(),
                short(value),
                " as ".into(),
                x(),
                " → ".into(),
                bound(e),
                side.to_string().into(),
            ]
        } else {
            vec!["F(".into(), bound(e), ") = ".into(), short(value)]
        }
    };
    let mut parts = Vec::new();
    for s in stretches {
        let low_side = if infinite(&s.lower) { "" } else { "+" };
        let high_side = if infinite(&s.upper) { "" } else { "-" };
        let piece = Expr::sub(s.at_upper.clone(), s.at_lower.clone());
        let mut line = vec![
            "  from ".into(),
            bound(&s.lower),
            " to ".into(),
            bound(&s.upper),
            ": ".into(),
        ];
        line.extend(end(&s.upper, &s.at_upper, s.upper_is_limit, high_side));
        line.push(", ".into());
        line.extend(end(&s.lower, &s.at_lower, s.lower_is_limit, low_side));
        line.extend([
            ", so this part is ".into(),
            integrand(&s.at_upper),
            " - ".into(),
            integrand(&s.at_lower),
            " = ".into(),
            short(&piece),
        ]);
        blocks.push(Block::Words(line));
        parts.push(piece);
    }
    if stretches.len() > 1 {
        let mut line: Line = vec!["  add the parts: ".into()];
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                line.push(" + ".into());
            }
            line.push(integrand(p));
        }
        line.extend([" = ".into(), short(&step.after)]);
        blocks.push(Block::Words(line));
    }
    blocks
}

fn integrand(e: &Expr) -> Span {
    Math::short(Math::Integrand(e.clone())).into()
}

/// A bound as shown in words: ∞ for inf.
fn bound(e: &Expr) -> Span {
    if ["inf", "infinity", "oo"].iter().any(|n| e.is_var(n)) {
        "∞".into()
    } else if infinite(e) {
        "-∞".into()
    } else {
        short(e)
    }
}
