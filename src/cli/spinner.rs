//! A spinner on stderr while a one-shot answer works past a second, when stderr is a
//! terminal; nothing otherwise. The answer's own work budget draws it as it polls.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// How long an answer works before the spinner shows.
const AFTER: Duration = Duration::from_secs(1);
const FRAMES: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];
const ASCII_FRAMES: [&str; 4] = ["|", "/", "-", "\\"];

static ASCII: AtomicBool = AtomicBool::new(false);
static DRAWN: AtomicBool = AtomicBool::new(false);
/// The tenth of a second the last frame was drawn in.
static LAST: AtomicU64 = AtomicU64::new(u64::MAX);

/// Shows the spinner for long answers from now on, if stderr is a terminal.
pub fn start(ascii: bool) {
    if std::io::stderr().is_terminal() {
        ASCII.store(ascii, Ordering::Relaxed);
        nudge::budget::report_to(draw);
    }
}

/// Wipes the spinner, if it was drawn, before the answer is printed.
pub fn clear() {
    LAST.store(u64::MAX, Ordering::Relaxed);
    if DRAWN.swap(false, Ordering::Relaxed) {
        let _ = write!(std::io::stderr(), "\r\x1b[K");
    }
}

fn draw(worked: Duration) {
    if worked < AFTER {
        return;
    }
    let tenth = u64::try_from(worked.as_millis() / 100).unwrap_or(u64::MAX);
    if LAST.swap(tenth, Ordering::Relaxed) == tenth {
        return;
    }
    let i = usize::try_from(tenth).unwrap_or(0);
    let frame = if ASCII.load(Ordering::Relaxed) {
        ASCII_FRAMES[i % ASCII_FRAMES.len()]
    } else {
        FRAMES[i % FRAMES.len()]
    };
    let secs = worked.as_secs();
    let _ = write!(
        std::io::stderr(),
        "\r{frame} still working: {secs} s (Ctrl-C stops it)"
    );
    DRAWN.store(true, Ordering::Relaxed);
}
