//! What is said: each answer (or error) becomes a neutral `Doc`, its maths kept as expressions.
//!
//! One module per family of answers; a presenter (`crate::present`) turns any `Doc` into
//! its format. The words live here: the rule catalogue, readings, and each family's lines.

pub mod backprop;
mod backprop_drawing;
pub mod catalogue;
pub mod checking;
pub mod derivative;
pub mod descent;
pub mod doc;
pub mod graph_chain;
pub mod help;
pub mod hints;
pub mod integral;
mod integral_steps;
mod limit;
pub mod limit_words;
mod motion;
pub mod multivar;
mod multivar_matrix;
pub mod notation;
mod notes;
pub mod prune;
pub mod readings;
pub mod seeing;
pub mod seeing_words;
pub mod session;
mod softmax;
pub mod steps;
pub mod tensor;
pub mod tensor_read;

use crate::engine::{Answer, Outcome, Training};
use crate::syntax::Statement;
use doc::{Block, Doc, Line, Span, Tag};

pub use derivative::derivative;
pub use notes::note;
pub use steps::steps;

/// The document for an outcome: its reading, the notes on it, and its answer said; every
/// answer kind has its arm and its own struct, so a new kind without one is a compile error.
pub fn outcome(outcome: &Outcome) -> Doc {
    let body = match &outcome.answer {
        Answer::Derivative(answer) => derivative(answer),
        Answer::Integral(answer) => integral::integral(answer),
        Answer::DefiniteIntegral(answer) => integral::area(answer),
        Answer::Multivar(answer) => multivar::multivar(answer),
        Answer::Seeing(answer) => seeing::seeing(answer, &outcome.statement),
        Answer::Help(page) => help::help(*page),
        Answer::Training(t) => training(t),
        // Its reading is the notation as read, not a statement: it has a header of its own.
        Answer::Notation(reading) => return notation::notation(reading),
        Answer::Expression(answer) => session::value(answer),
        Answer::AtPoint(answer) => session::at_point(answer),
        Answer::Defined(answer) => session::defined(answer),
        Answer::Forgotten(def) => session::forgotten(def),
        Answer::Definitions(defs) => session::definitions(defs),
        Answer::Reset => session::reset(),
        Answer::Tensor(answer) => tensor::tensor(answer),
        Answer::Check(checked) => checking::checking(checked),
        // Nothing follows the header: the binary acts on these.
        Answer::Quit | Answer::Tutor(_) => Doc::default(),
    };
    let mut doc = header(outcome);
    doc.blocks.extend(body.blocks);
    doc.quiet = body.quiet;
    doc
}

/// The body of an answer that follows a loss through its named steps.
pub fn training(answer: &Training) -> Doc {
    match answer {
        Training::Chain(chain) => graph_chain::chain(chain),
        Training::Backprop(answer) => backprop::backprop(answer),
        Training::Descent(answer) => descent::descent(answer),
    }
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
    Block::Words(labelled_line(label, words.into()))
}

/// A line that starts with a label: `Reading it: …`.
fn labelled_line(label: &str, words: Span) -> Line {
    vec![Span::tagged(label, Tag::Label), " ".into(), words]
}
