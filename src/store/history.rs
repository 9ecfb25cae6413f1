//! The interactive session's history file: the last 1,000 lines typed, in every session.
//! Its format is rustyline's own (`#V2`, then one line per entry with `\` and newline
//! escaped), so history kept by earlier versions of nudge is read as it was.

use crate::visible::visible;
use std::io;
use std::path::Path;

/// Lines kept.
pub const HISTORY_SIZE: usize = 1000;
/// Longest line saved, in bytes: a longer one is answered, and kept for this session only.
pub const MAX_ENTRY_BYTES: usize = 4096;
/// The most of the file read: every entry kept, at its longest, escaped.
const MAX_FILE_BYTES: u64 = (HISTORY_SIZE * (2 * MAX_ENTRY_BYTES + 1) + 4) as u64;

const HEADER: &str = "#V2";

/// The entries kept, oldest first, with control characters shown (they are for the line
/// editor to display). No file is no history; a path that is not a regular file is an error.
pub fn load(path: &Path) -> io::Result<Vec<String>> {
    let kept = super::read(path, MAX_FILE_BYTES)?.unwrap_or_default();
    Ok(entries(&kept)
        .into_iter()
        .map(|e| visible(&e).into_owned())
        .collect())
}

/// Adds `line` after the last entry in the file now (another session's lines included),
/// unless it repeats that entry, and keeps the last [`HISTORY_SIZE`].
pub fn append(path: &Path, line: &str) -> io::Result<()> {
    if line.len() > MAX_ENTRY_BYTES {
        return Ok(());
    }
    super::update(path, MAX_FILE_BYTES, |now| {
        let mut all = now.map(|kept| entries(&kept)).unwrap_or_default();
        if all.last().map(String::as_str) != Some(line) {
            all.push(line.to_string());
        }
        let start = all.len().saturating_sub(HISTORY_SIZE);
        text(&all[start..]).into_bytes()
    })
}

/// The entries of a history file, oldest first, the last [`HISTORY_SIZE`] at most.
fn entries(kept: &super::Kept) -> Vec<String> {
    let text = String::from_utf8_lossy(&kept.bytes);
    let mut lines = text.lines().peekable();
    // A file cut short lost its header; nudge writes every file with one.
    let escaped = !kept.whole || lines.next_if(|l| *l == HEADER).is_some();
    let mut all: Vec<String> = lines
        .filter(|l| !l.is_empty())
        .map(|l| if escaped { unescape(l) } else { l.to_string() })
        .filter(|e| e.len() <= MAX_ENTRY_BYTES)
        .collect();
    let start = all.len().saturating_sub(HISTORY_SIZE);
    all.drain(..start);
    all
}

fn text(entries: &[String]) -> String {
    let mut out = format!("{HEADER}\n");
    for e in entries {
        out.push_str(&e.replace('\\', "\\\\").replace('\n', "\\n"));
        out.push('\n');
    }
    out
}

fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some('n')) => {
                chars.next();
                out.push('\n');
            }
            ('\\', Some('\\')) => {
                chars.next();
                out.push('\\');
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip_through_the_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("history");
        for line in ["d/dx x^2", "\\frac{d}{dx} x\\n", "d/dx x^2", "two\nlines"] {
            append(&path, line).expect("append");
        }
        assert_eq!(
            load(&path).expect("load"),
            ["d/dx x^2", "\\frac{d}{dx} x\\n", "d/dx x^2", "two\nlines"]
        );
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.starts_with("#V2\n"), "{text}");
    }

    #[test]
    fn a_repeat_of_the_last_line_and_a_line_too_long_are_not_saved() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("history");
        append(&path, "x^2").expect("append");
        append(&path, "x^2").expect("append");
        append(&path, &"x".repeat(MAX_ENTRY_BYTES + 1)).expect("append");
        assert_eq!(load(&path).expect("load"), ["x^2"]);
    }

    #[test]
    fn the_last_thousand_are_kept_and_control_characters_shown() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("history");
        let mut old = String::new();
        for i in 0..1200 {
            old.push_str(&format!("x^{i}\n"));
        }
        std::fs::write(&path, old).expect("write");
        append(&path, "d/dx x\x1b[2J").expect("append");
        let loaded = load(&path).expect("load");
        assert_eq!(loaded.len(), HISTORY_SIZE);
        assert_eq!(loaded[0], "x^201");
        assert_eq!(loaded[HISTORY_SIZE - 1], "d/dx x␛[2J");
    }
}
