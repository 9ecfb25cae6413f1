//! Long answers on a terminal go through `$PAGER`, as git's do: only when stdout is a
//! terminal, only when the answer is taller than the screen, never with `--no-pager`.

use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};

/// The pager when `PAGER` is not set; `LESS=FRX` (unless `LESS` is set) keeps colours, leaves
/// the text on the screen, and quits at once when it fits after all.
const DEFAULT_PAGER: &str = "less";

/// Shows `text` through the pager if it should be paged; `Ok(false)` when the caller is to
/// print it itself (a pipe, a short answer, no pager, `--no-pager`, a pager that will not start).
pub fn page(text: &str, enabled: bool) -> io::Result<bool> {
    if !enabled || !io::stdout().is_terminal() {
        return Ok(false);
    }
    let rows = terminal_size::terminal_size().map_or(24, |(_, h)| usize::from(h.0));
    if text.lines().count() < rows {
        return Ok(false);
    }
    let pager = std::env::var("PAGER").unwrap_or_else(|_| DEFAULT_PAGER.to_string());
    if pager.trim().is_empty() || pager.trim() == "cat" {
        return Ok(false);
    }
    run(&pager, text)
}

#[cfg(unix)]
fn run(pager: &str, text: &str) -> io::Result<bool> {
    let mut command = Command::new("sh");
    command.args(["-c", pager]).stdin(Stdio::piped());
    if std::env::var_os("LESS").is_none() {
        command.env("LESS", "FRX");
    }
    let Ok(mut child) = command.spawn() else {
        return Ok(false);
    };
    if let Some(mut input) = child.stdin.take() {
        // A pager left early (q) closes its input: that is not an error.
        match input.write_all(text.as_bytes()) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
            _ => {}
        }
    }
    let status = child.wait()?;
    // `sh` found no such pager: the caller prints the answer as if there were none.
    Ok(status.code() != Some(127))
}

/// Without `sh` there is no pager: the answer is printed whole.
#[cfg(not(unix))]
fn run(_pager: &str, _text: &str) -> io::Result<bool> {
    Ok(false)
}
