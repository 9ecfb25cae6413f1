//! A limit, said: a table for each way in, where each heads, and the verdict.

use super::doc::{Block, Layout, Line, Math, Span, Spelled, Tag};
use super::limit_words::{
    aligned, heading_text, table_decimals, table_value, verdict_value, verdict_words,
};
use crate::engine::{Approach, Direction, LimitAnswer, Target};
use crate::expr::{decimal, Expr, Style, Symbol};
use crate::syntax::Side;
use std::rc::Rc;

/// The tables and the verdict; `body` is the function as the learner typed it.
pub fn limit(l: &LimitAnswer, body: Span, out: &mut Vec<Block>) {
    let x: Span = Math::symbol(&l.var).into();
    for approach in &l.approaches {
        let title: Line = match (&l.target, approach.direction) {
            (_, Direction::Outward { negative: false }) => vec![
                "Let ".into(),
                x.clone(),
                " grow and watch ".into(),
                body.clone(),
                ":".into(),
            ],
            (_, Direction::Outward { negative: true }) => vec![
                "Let ".into(),
                x.clone(),
                " fall toward minus infinity and watch ".into(),
                body.clone(),
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
        let (table, var, head) = (approach.clone(), l.var.clone(), body.clone());
        out.push(Block::Drawn(Layout::new(move |style| {
            limit_table(&table, &var, &head, style)
        })));
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

/// One way in: the inputs and the function's values beside them, decimal points lined up.
fn limit_table(approach: &Approach, var: &Symbol, body: &Span, style: Style) -> Vec<Line> {
    let x = Expr::symbol(var.clone()).to_text(style);
    let mut lines = vec![vec![
        format!("  {x:>12}   ").into(),
        Span {
            tag: Some(Tag::Label),
            ..body.clone()
        },
    ]];
    let decimals = table_decimals(approach.rows.iter().filter_map(|r| r.value.clone().ok()));
    let values = aligned(
        approach
            .rows
            .iter()
            .map(|r| r.value.as_ref().map(|v| table_value(*v, decimals))),
    );
    for (row, value) in approach.rows.iter().zip(values) {
        let input = if matches!(approach.direction, Direction::Outward { .. }) {
            format!("{}", row.input)
        } else {
            decimal(row.input)
        };
        lines.push(vec![format!("  {input:>12}   {value}").into()]);
    }
    lines
}

/// What the tables say, in sentences, then `Limit: value (how sure)`.
fn verdict(l: &LimitAnswer, out: &mut Vec<Block>) {
    let l = Rc::new(l.clone());
    let count = verdict_words(&l, Style::UNICODE).0.len();
    for i in 0..count {
        let l = l.clone();
        let line = Spelled(Rc::new(move |style| {
            verdict_words(&l, style).0.swap_remove(i)
        }));
        out.push(Block::Words(vec![line.into()]));
    }
    let (value, aside) = (l.clone(), l);
    out.push(Block::Words(vec![
        Span::tagged("Limit:", Tag::Label),
        " ".into(),
        Span::tagged(
            Spelled(Rc::new(move |style| verdict_value(&value, style))),
            Tag::Answer,
        ),
        Spelled(Rc::new(move |style| {
            verdict_words(&aside, style)
                .1
                .map(|a| format!(" ({a})"))
                .unwrap_or_default()
        }))
        .into(),
    ]));
}
