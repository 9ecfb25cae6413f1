//! A gradient descent, said: the rule, the table of steps, and what the path did, in words;
//! several rates side by side.

use super::doc::{Block, Doc, Line, Math, Quiet, Span, Tag};
use crate::engine::{DescentAnswer, Iterate, Path, Run};
use crate::expr::{decimal, Expr, Number};

/// The body of a descent answer, after the reading.
pub fn descent(answer: &DescentAnswer) -> Doc {
    let mut blocks = vec![Block::Gap, Block::Words(rule(answer))];
    blocks.push(Block::Words(vec![Span::tagged(
        "Each step moves against the gradient, the way f falls fastest, by the rate times the gradient's length.",
        Tag::Quiet,
    )]));
    match &answer.gradient {
        Some(partials) => blocks.push(Block::Words(vec![
            Span::tagged("Gradient:", Tag::Label),
            " ".into(),
            gradient_math(answer, partials).into(),
        ])),
        None => blocks.push(Block::Words(vec![Span::tagged(
            format!(
                "Each gradient comes from backpropagation through the named steps of {}, as backprop shows it.",
                answer.loss.as_deref().unwrap_or("the loss")
            ),
            Tag::Quiet,
        )])),
    }
    blocks.push(Block::Gap);
    match answer.runs.as_slice() {
        [one] => blocks.push(table(answer, one)),
        runs => blocks.push(side_by_side(runs)),
    }
    if let Some(map) = &answer.map {
        blocks.push(Block::Gap);
        blocks.push(Block::Words(vec![Span::tagged(
            "The path seen from above, on the contour lines of f: the start is the large dot, and each step is joined to the next.",
            Tag::Quiet,
        )]));
        blocks.push(Block::Contour(map.clone()));
    }
    blocks.push(Block::Gap);
    for run in &answer.runs {
        blocks.push(Block::Words(verdict_line(answer, run)));
    }
    Doc {
        blocks,
        quiet: Quiet::Lines(answer.runs.iter().map(|r| last_point(answer, r)).collect()),
    }
}

/// `w ← w − η·∂f/∂w, with η = 0.1` (one line per variable, joined).
fn rule(answer: &DescentAnswer) -> Line {
    let mut line: Line = vec![Span::tagged("Gradient descent:", Tag::Label), " ".into()];
    for (i, v) in answer.vars.iter().enumerate() {
        if i > 0 {
            line.push(", ".into());
        }
        let name = Expr::symbol(v.clone());
        line.push(Math::Expr(name.clone()).into());
        line.push(" ← ".into());
        line.push(Math::Expr(name).into());
        line.push(" − η·∂f/∂".into());
        line.push(Math::symbol(v).into());
    }
    let rates: Vec<String> = answer.runs.iter().map(|r| rate(&r.rate)).collect();
    line.push(format!(", with the rate η = {}.", rates.join(", then ")).into());
    line
}

fn gradient_math(answer: &DescentAnswer, partials: &[Expr]) -> Math {
    match partials {
        [one] => Math::Equation(vec![
            Math::Derivative {
                var: answer.vars[0].clone(),
                order: 1,
                partial: false,
                of: answer.body.clone(),
            },
            Math::Expr(one.clone()),
        ]),
        many => Math::Tuple(many.to_vec()),
    }
}

/// `(3, 4)` or `3` for one variable.
fn point(p: &[f64]) -> String {
    match p {
        [one] => decimal(*one),
        many => format!(
            "({})",
            many.iter()
                .map(|x| decimal(*x))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// step | point | f | gradient | length.
fn table(answer: &DescentAnswer, run: &Run) -> Block {
    let names: Vec<String> = answer.vars.iter().map(|v| v.to_string()).collect();
    let point_head = match names.as_slice() {
        [one] => one.clone(),
        many => format!("({})", many.join(", ")),
    };
    let rows = run
        .iterates
        .iter()
        .map(|it: &Iterate| {
            vec![
                vec![it.step.to_string().into()],
                vec![point(&it.point).into()],
                vec![decimal(it.value).into()],
                vec![point(&it.gradient).into()],
                vec![decimal(it.length).into()],
            ]
        })
        .collect();
    Block::Table {
        head: vec![
            vec!["step".into()],
            vec![point_head.into()],
            vec!["f".into()],
            vec!["gradient".into()],
            vec!["length".into()],
        ],
        rows,
    }
}

/// step | f at each rate, side by side.
fn side_by_side(runs: &[Run]) -> Block {
    let longest = runs.iter().map(|r| r.iterates.len()).max().unwrap_or(0);
    let mut head: Vec<Line> = vec![vec!["step".into()]];
    head.extend(
        runs.iter()
            .map(|r| vec![format!("f at η = {}", rate(&r.rate)).into()]),
    );
    let rows = (0..longest)
        .map(|i| {
            let mut row: Vec<Line> = vec![vec![i.to_string().into()]];
            row.extend(runs.iter().map(|r| match r.iterates.get(i) {
                Some(it) => vec![decimal(it.value).into()],
                None => vec![Span::tagged("stopped", Tag::Quiet)],
            }));
            row
        })
        .collect();
    Block::Table { head, rows }
}

/// A rate as typed: 0.1 rather than 1/10 when the decimal is exact.
fn rate(r: &Expr) -> String {
    let shown = crate::expr::eval(r, &|_| None)
        .map(decimal)
        .unwrap_or_default();
    match r.as_number() {
        Some(n) if Number::parse_decimal(&shown).as_ref() == Some(n) => shown,
        _ => r.unicode(),
    }
}

/// What the path did at one rate, in plain words.
fn verdict_line(answer: &DescentAnswer, run: &Run) -> Line {
    let last = run.iterates.last();
    let steps = last.map_or(0, |l| l.step);
    let at = last.map(|l| point(&l.point)).unwrap_or_default();
    let value = last.map(|l| decimal(l.value)).unwrap_or_default();
    let label = format!("η = {}:", rate(&run.rate));
    let said = match run.path {
        Path::Settled => format!(
            " settled after {steps} step{} at {at}, where f = {value}: the gradient is tiny there, a flat spot at the bottom of the valley.",
            if steps == 1 { "" } else { "s" }
        ),
        Path::OutOfSteps => format!(
            " after {steps} steps at {at}, f = {value} and still going down; more steps (steps {}) would go further.",
            (answer.steps * 2).min(crate::engine::MAX_STEPS)
        ),
        Path::Zigzag => format!(
            " each step jumps across the valley to the other side (the gradient turns round every time); f still falls, to {value} after {steps} steps, but a smaller rate would walk straight down."
        ),
        Path::Diverged => format!(
            " each step lands higher than the last: the rate is too large and f runs away ({value} after {steps} steps). Try a smaller rate."
        ),
        Path::Overshoot => format!(
            " each step jumps over the bottom to the other side and lands higher than it started: the rate is too large, so f grows ({value} after {steps} steps) instead of falling. Try a smaller rate."
        ),
    };
    let tag = if matches!(run.path, Path::Diverged | Path::Overshoot) {
        Tag::Warning
    } else {
        Tag::Label
    };
    vec![Span::tagged(label, tag), said.into()]
}

/// `η = 0.1: (0.000012, 0.0)`: where each run ended, for `-q`.
fn last_point(answer: &DescentAnswer, run: &Run) -> Line {
    let at = run
        .iterates
        .last()
        .map(|l| point(&l.point))
        .unwrap_or_default();
    let names: Vec<String> = answer.vars.iter().map(|v| v.to_string()).collect();
    vec![format!("η = {}: {} = {at}", rate(&run.rate), names.join(", ")).into()]
}
