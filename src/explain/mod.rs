//! What is said: each answer (or error) becomes a neutral `Doc`, its maths kept as expressions.
//!
//! One module per family of answers; a presenter (`crate::present`) turns any `Doc` into
//! its format. The words live here: the rule catalogue, readings, and each family's lines.

pub mod catalogue;
mod derivative;
pub mod doc;
pub mod help;
mod notes;
pub mod prune;
pub mod readings;
pub mod steps;

use crate::engine::{Answer, Outcome};
use crate::syntax::Statement;
use doc::{Block, Doc, Span, Tag};

pub use derivative::derivative;
pub use notes::note;
pub use steps::steps;

/// The document for an outcome, for the families explained here; `None` for the others,
/// which the writers in `crate::render` still print.
pub fn outcome(outcome: &Outcome) -> Option<Doc> {
    let body = match &outcome.answer {
        Answer::Derivative { .. } => derivative(&outcome.answer)?,
        Answer::Help(page) => help::help(*page),
        _ => return None,
    };
    let mut doc = header(outcome);
    doc.blocks.extend(body.blocks);
    doc.quiet = body.quiet;
    Some(doc)
}

/// How the line was read, and the remarks made while reading it.
fn header(outcome: &Outcome) -> Doc {
    let mut doc = Doc::default();
    if !matches!(outcome.statement, Statement::Command(_)) {
        doc.blocks
            .push(Block::Reading(Box::new(outcome.statement.clone())));
    }
    for note in &outcome.notes {
        doc.blocks.push(Block::Note(notes::note(note)));
    }
    doc
}

/// `Meaning: …`: a labelled sentence after an answer.
fn labelled(label: &str, words: &str) -> Block {
    Block::Words(vec![
        Span::tagged(label, Tag::Label),
        " ".into(),
        words.into(),
    ])
}
