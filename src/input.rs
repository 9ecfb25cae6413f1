//! Reading lines with a bound: a line over the limit is refused as soon as it passes the limit,
//! never held whole, so endless input (`/dev/zero`, a pipe that never sends a newline) costs
//! a bounded amount of memory and time.

use std::cell::Cell;
use std::io::{self, BufRead};
use std::sync::atomic::{AtomicBool, Ordering};

/// Longest line nudge reads, in bytes (the parser's own limit, `syntax::MAX_LINE_BYTES`).
pub const MAX_LINE_BYTES: usize = crate::syntax::MAX_LINE_BYTES;
/// How far past the limit nudge looks for the end of a refused line before it stops reading.
pub const MAX_SKIP_BYTES: usize = 16 << 20;

thread_local! {
    /// The flag that ends a read interrupted by a signal on this thread, if someone holds one.
    static STOP: Cell<Option<&'static AtomicBool>> = const { Cell::new(None) };
}

/// From now on, a read on this thread interrupted by a signal (`EINTR`) while `flag` is set
/// returns the interruption instead of reading on: Ctrl-C can end a wait for the keyboard.
pub fn stop_reading_when(flag: &'static AtomicBool) {
    STOP.with(|s| s.set(Some(flag)));
}

/// Whether a read interrupted by a signal should end rather than read on.
fn stopping() -> bool {
    STOP.with(Cell::get)
        .is_some_and(|flag| flag.load(Ordering::SeqCst))
}

/// What one call to [`read_line`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    /// A line is in the buffer, without its line ending (`\n` or `\r\n`).
    Read,
    /// The input has ended; the buffer is empty.
    End,
    /// The line passed the limit: the buffer holds its first `limit` bytes, and the input
    /// is left inside the line ([`skip_line`] goes on past it).
    TooLong,
}

/// Reads one line of at most `limit` bytes into `buf` (cleared first).
pub fn read_line(input: &mut dyn BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<Line> {
    buf.clear();
    loop {
        let available = match input.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted && !stopping() => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(if buf.is_empty() {
                Line::End
            } else {
                trimmed(buf)
            });
        }
        let newline = available.iter().position(|&b| b == b'\n');
        let take = newline.unwrap_or(available.len());
        if buf.len() + take > limit {
            let room = limit - buf.len();
            buf.extend_from_slice(&available[..room]);
            input.consume(room);
            return Ok(Line::TooLong);
        }
        buf.extend_from_slice(&available[..take]);
        input.consume(take + usize::from(newline.is_some()));
        if newline.is_some() {
            return Ok(trimmed(buf));
        }
    }
}

fn trimmed(buf: &mut Vec<u8>) -> Line {
    while buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Line::Read
}

/// Reads past the end of the current line without keeping it; `false` when no line end
/// came within `budget` bytes (the end of the input also ends the line).
pub fn skip_line(input: &mut dyn BufRead, mut budget: usize) -> io::Result<bool> {
    loop {
        let available = match input.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted && !stopping() => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(true);
        }
        if let Some(at) = available.iter().position(|&b| b == b'\n') {
            input.consume(at + 1);
            return Ok(true);
        }
        let n = available.len();
        input.consume(n);
        match budget.checked_sub(n) {
            Some(left) => budget = left,
            None => return Ok(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: usize) -> Vec<(Line, String)> {
        let mut reader = io::BufReader::with_capacity(4, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            let line = read_line(&mut reader, &mut buf, limit).expect("reads");
            out.push((line, String::from_utf8_lossy(&buf).into_owned()));
            match line {
                Line::End => return out,
                Line::TooLong if !skip_line(&mut reader, 100).expect("skips") => return out,
                _ => {}
            }
        }
    }

    #[test]
    fn lines_end_at_a_newline_or_the_end_of_input() {
        let read = lines(b"one\r\ntwo\n\nlast", 10);
        let texts: Vec<&str> = read.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["one", "two", "", "last", ""]);
        assert_eq!(read.last().map(|r| r.0), Some(Line::End));
    }

    #[test]
    fn a_long_line_is_refused_and_the_next_one_read() {
        let read = lines(b"short\nmuch too long here\nnext\n", 8);
        assert_eq!(read[1], (Line::TooLong, "much too".to_string()));
        assert_eq!(read[2], (Line::Read, "next".to_string()));
    }

    /// Interrupted by a signal once, before its line arrives.
    struct Signalled {
        signal: bool,
        rest: &'static [u8],
    }

    impl io::Read for Signalled {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if std::mem::take(&mut self.signal) {
                return Err(io::ErrorKind::Interrupted.into());
            }
            self.rest.read(buf)
        }
    }

    fn signalled() -> io::BufReader<Signalled> {
        io::BufReader::new(Signalled {
            signal: true,
            rest: b"line\n",
        })
    }

    #[test]
    fn an_interrupted_read_reads_on_unless_the_stop_flag_is_set() {
        let mut reader = signalled();
        let mut buf = Vec::new();
        let line = read_line(&mut reader, &mut buf, 100).expect("reads on");
        assert_eq!((line, buf.as_slice()), (Line::Read, &b"line"[..]));

        static STOP_NOW: AtomicBool = AtomicBool::new(true);
        stop_reading_when(&STOP_NOW);
        let mut reader = signalled();
        let stopped = read_line(&mut reader, &mut buf, 100).expect_err("stops");
        assert_eq!(stopped.kind(), io::ErrorKind::Interrupted);
        STOP_NOW.store(false, Ordering::SeqCst);
        let line = read_line(&mut reader, &mut buf, 100).expect("the line is still there");
        assert_eq!((line, buf.as_slice()), (Line::Read, &b"line"[..]));
    }

    #[test]
    fn endless_input_stops_after_the_skip_budget() {
        let mut endless = io::BufReader::new(io::repeat(0));
        let mut buf = Vec::new();
        let line = read_line(&mut endless, &mut buf, 1000).expect("reads");
        assert_eq!(line, Line::TooLong);
        assert_eq!(buf.len(), 1000);
        assert!(!skip_line(&mut endless, 1 << 20).expect("skips"));
    }
}
