//! Remarks on the reading, said: a defined name put in place, an exp/log pair undone.

use super::doc::{Line, Math, Spelled};
use crate::engine::Note;
use crate::syntax::reading;
use std::rc::Rc;

/// The words of a note, its maths left for the presenter to print.
pub fn note(note: &Note) -> Line {
    match note {
        Note::Read(read) => vec![read.message.as_str().into()],
        Note::StandsFor { name, value, .. } => vec![
            format!("{name} stands for ").into(),
            Math::Expr(value.clone()).into(),
            ", as you defined it".into(),
        ],
        Note::LastResult { value, .. } => vec![
            "ans stands for the last result, ".into(),
            Math::Expr(value.clone()).into(),
        ],
        Note::Formula { name, body, .. } => {
            let body = body.clone();
            vec![
                format!("{name} alone stands for its formula, ").into(),
                Spelled(Rc::new(move |style| body.text(|e| e.to_text(style)))).into(),
            ]
        }
        Note::SameAs { typed, simpler, .. } => {
            let typed = typed.clone();
            vec![
                Spelled(Rc::new(move |style| reading(&typed, style.unicode))).into(),
                " is the same as ".into(),
                Math::Expr(simpler.clone()).into(),
                ", so nudge works with ".into(),
                Math::Expr(simpler.clone()).into(),
            ]
        }
    }
}
