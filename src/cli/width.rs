//! How wide nudge writes: `--width N`, else `COLUMNS`, else the terminal's own width. Chosen
//! once for the run; without a choice a pipe gets every line whole and 80-column plots.

use std::sync::OnceLock;

/// Narrowest and widest width nudge accepts from `--width` or `COLUMNS`.
pub const WIDTHS: std::ops::RangeInclusive<usize> = 20..=1000;

static CHOSEN: OnceLock<Option<usize>> = OnceLock::new();

/// Fixes the width for the run: the flag's, else `COLUMNS` when it holds a width nudge accepts.
pub fn choose(flag: Option<usize>) {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| WIDTHS.contains(c));
    let _ = CHOSEN.set(flag.or(columns));
}

/// The width asked for with `--width` or `COLUMNS`, if any.
pub fn chosen() -> Option<usize> {
    CHOSEN.get().copied().flatten()
}

/// `--width`'s value: a whole number of columns in [`WIDTHS`].
pub fn parse(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(w) if WIDTHS.contains(&w) => Ok(w),
        _ => Err(format!(
            "a number of columns from {} to {}",
            WIDTHS.start(),
            WIDTHS.end()
        )),
    }
}
