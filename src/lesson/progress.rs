//! Which lessons a learner has finished, kept in the data directory; a lost or damaged file only forgets.

use crate::store;
use std::collections::BTreeSet;
use std::io;
use std::path::PathBuf;

/// Set this to a file path to keep progress somewhere else (tests do).
pub const PROGRESS_ENV: &str = "NUDGE_PROGRESS";
/// The most of the progress file read: thousands of lesson ids.
const MAX_FILE_BYTES: u64 = 64 * 1024;

#[derive(Clone, Debug, Default)]
pub struct Progress {
    path: Option<PathBuf>,
    finished: BTreeSet<String>,
}

impl Progress {
    /// Reads the progress file; anything missing or unreadable counts as not finished.
    pub fn load() -> Progress {
        let path = match std::env::var_os(PROGRESS_ENV) {
            Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
            _ => dirs::data_dir().map(|d| d.join("nudge").join("progress")),
        };
        let finished = path
            .as_ref()
            .and_then(|p| store::read(p, MAX_FILE_BYTES).ok().flatten())
            .map(|kept| ids(&kept.bytes))
            .unwrap_or_default();
        Progress { path, finished }
    }

    pub fn is_finished(&self, id: &str) -> bool {
        self.finished.contains(id)
    }

    /// Marks a lesson finished and saves, keeping every lesson another session has marked
    /// meanwhile; a failure to save is returned for a note, never fatal.
    pub fn finish(&mut self, id: &str) -> io::Result<()> {
        self.finished.insert(id.to_string());
        let Some(path) = &self.path else {
            return Err(io::Error::other("there is no data directory"));
        };
        let mut merged = self.finished.clone();
        store::update(path, MAX_FILE_BYTES, |now| {
            if let Some(kept) = now {
                merged.extend(ids(&kept.bytes));
            }
            let mut text = String::new();
            for id in &merged {
                text.push_str(id);
                text.push('\n');
            }
            text.into_bytes()
        })?;
        self.finished = merged;
        Ok(())
    }
}

/// The lesson ids in a progress file; any other line is ignored.
fn ids(bytes: &[u8]) -> BTreeSet<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::trim)
        .filter(|l| is_id(l))
        .map(str::to_string)
        .collect()
}

/// A lesson id: letters, digits and dashes, as the built-in lessons are named.
fn is_id(line: &str) -> bool {
    !line.is_empty()
        && line.len() <= 64
        && line
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
