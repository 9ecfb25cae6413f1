//! The built-in tour: one lesson for each part of the article, compiled into the binary.

use super::script::{read_script, Script, ScriptError};

/// A built-in lesson: its stable id (kept in the progress file) and its text.
#[derive(Clone, Copy, Debug)]
pub struct Builtin {
    pub id: &'static str,
    pub source: &'static str,
}

macro_rules! lessons {
    ($($id:literal),* $(,)?) => {
        &[$(Builtin { id: $id, source: include_str!(concat!("../../lessons/", $id, ".nudge")) }),*]
    };
}

/// The tour, in the article's order.
pub const TOUR: &[Builtin] = lessons![
    "01-slope",
    "02-notation",
    "03-power-rule",
    "04-exp-and-ln",
    "05-what-e-is",
    "06-chain-rule",
    "07-partial",
    "08-gradient",
    "09-jacobian",
    "10-integration",
    "11-product-quotient",
    "12-bases",
    "13-activations",
    "14-backprop",
    "15-descent",
    "16-matrix-calculus",
];

impl Builtin {
    /// Lesson `n` of the tour, counting from 1.
    pub fn numbered(n: usize) -> Option<Builtin> {
        n.checked_sub(1).and_then(|i| TOUR.get(i)).copied()
    }

    /// The lesson read; errors name it by the path it has in the source tree.
    pub fn script(&self) -> (Script, Vec<ScriptError>) {
        read_script(&format!("lessons/{}.nudge", self.id), self.source)
    }

    /// The lesson's title: its first heading, or its id.
    pub fn title(&self) -> String {
        self.script().0.title.unwrap_or_else(|| self.id.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lesson_reads_cleanly_and_has_three_exercises() {
        for lesson in TOUR {
            let (script, errors) = lesson.script();
            assert!(errors.is_empty(), "{}: {errors:?}", lesson.id);
            assert!(script.title.is_some(), "{} has no title", lesson.id);
            let exercises = script
                .items
                .iter()
                .filter(|i| matches!(i.kind, super::super::script::ItemKind::Exercise(_)))
                .count();
            assert!(exercises >= 3, "{} has {exercises} exercises", lesson.id);
        }
        assert!(Builtin::numbered(0).is_none());
        assert_eq!(Builtin::numbered(1).map(|b| b.id), Some("01-slope"));
    }
}
