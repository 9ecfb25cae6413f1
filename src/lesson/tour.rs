//! The built-in tour's lessons read (the list itself is the engine's: `engine::tour`).

use super::script::{read_script, Script, ScriptError};
pub use crate::engine::tour::{Builtin, TOUR};

impl Builtin {
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
