//! A limit, said: a table for each way in, where each heads, and the verdict.

use super::doc::{Block, Line, Math, Span, Spelled, Tag};
use super::limit_words::{heading_text, table_decimals, table_value, verdict_words};
use crate::engine::{Approach, Direction, LimitAnswer, Target, Verdict};
use crate::expr::Style;
use crate::syntax::Side;
use std::rc::Rc;

/// Columns the inputs of a table are right-aligned in, in text.
const INPUTS: usize = 12;

/// The tables and the verdict; `body` is the function as the learner typed it.
pub fn limit(l: &LimitAnswer, body: Math, out: &mut Vec<Block>) {
    let x: Span = Math::symbol(&l.var).into();
    for approach in &l.approaches {
        let title: Line = match (&l.target, approach.direction) {
            (_, Direction::Outward { negative: false }) => vec![
                "Let ".into(),
                x.clone(),
                " grow and watch ".into(),
                body.clone().into(),
                ":".into(),
            ],
            (_, Direction::Outward { negative: true }) => vec![
                "Let ".into(),
                x.clone(),
                " fall toward minus infinity and watch ".into(),
                body.clone().into(),
                ":".into(),
            ],
            (Target::Point { at, .. }, Direction::From(side)) => vec![
                x.clone(),
                " → ".into(),
                Math::Expr(at.clone()).into(),
                match side {
                    Side::Below => " from below:",
                    Side::Above => " from above:",
                }
                .into(),
            ],
            (Target::Infinity { .. }, Direction::From(_)) => Vec::new(),
        };
        out.push(Block::Words(title));
        out.push(table(approach, &x, &body));
        if l.approaches.len() > 1 {
            out.push(Block::Words(vec![
                format!("  {}", heading_text(approach)).into()
            ]));
        }
        if approach.direction == (Direction::Outward { negative: false }) {
            // The steps are the article's compounding counts, so the e table reads as its
            // story, and any other table says where its odd-looking steps come from.
            out.push(Block::Words(vec![
                "  (".into(),
                x.clone(),
                " steps through the compounding counts of the interest story that leads to e: yearly, twice a year, quarterly, monthly, daily, hourly, every minute.)".into(),
            ]));
        }
        out.push(Block::Gap);
    }
    verdict(l, out);
}

/// One way in: the inputs and the function's values beside them.
fn table(approach: &Approach, x: &Span, body: &Math) -> Block {
    let decimals = table_decimals(approach.rows.iter().filter_map(|r| r.value.clone().ok()));
    let outward = matches!(approach.direction, Direction::Outward { .. });
    let rows = approach
        .rows
        .iter()
        .map(|row| {
            let input = if outward {
                Math::Numeral(format!("{}", row.input))
            } else {
                Math::Decimal(row.input)
            };
            let value: Span = match &row.value {
                Ok(v) => Math::Numeral(table_value(*v, decimals)).into(),
                Err(why) => format!("no value: {why}").into(),
            };
            vec![vec![input.into()], vec![value]]
        })
        .collect();
    Block::Numbers {
        head: vec![
            vec![x.clone()],
            vec![Span::tagged(body.clone(), Tag::Label)],
        ],
        rows,
        remarks: Vec::new(),
        inputs: INPUTS,
    }
}

/// What the tables say, in sentences, then `Limit: value (how sure)`.
fn verdict(l: &LimitAnswer, out: &mut Vec<Block>) {
    let shared = Rc::new(l.clone());
    let count = verdict_words(l, Style::UNICODE).0.len();
    let sentences = (0..count)
        .map(|i| {
            let l = shared.clone();
            let line = Spelled(Rc::new(move |style| {
                verdict_words(&l, style).0.swap_remove(i)
            }));
            vec![line.into()]
        })
        .collect();
    out.push(Block::Lines(sentences));
    let mut line = vec![Span::tagged("Limit:", Tag::Label), " ".into()];
    line.extend(
        value(l)
            .into_iter()
            .map(|span| Span::tagged(span.content, Tag::Answer)),
    );
    line.push(
        Spelled(Rc::new(move |style| {
            verdict_words(&shared, style)
                .1
                .map(|a| format!(" ({a})"))
                .unwrap_or_default()
        }))
        .into(),
    );
    out.push(Block::Words(line));
}

/// The verdict on the `Limit:` line: a value, ±∞, or none.
fn value(l: &LimitAnswer) -> Line {
    match &l.verdict {
        Verdict::Value {
            value,
            decimals,
            named,
            ..
        } => {
            let shown = Math::Numeral(format!("{value:.decimals$}"));
            match named {
                Some(n) if n.as_number().is_some_and(|v| v.is_integer()) => {
                    vec![Math::Expr(n.clone()).into()]
                }
                Some(n) => vec![Math::Expr(n.clone()).into(), " ≈ ".into(), shown.into()],
                None => vec!["≈ ".into(), shown.into()],
            }
        }
        Verdict::Unbounded { positive: true } => vec!["+∞".into()],
        Verdict::Unbounded { positive: false } => vec!["−∞".into()],
        Verdict::SidesDisagree => vec!["none (the two sides disagree)".into()],
        Verdict::None => vec!["none that the table can see".into()],
        Verdict::CannotTell => vec!["cannot tell".into()],
    }
}
