//! A line's numbers that look like a calculator's powers of ten (`1e5`, `2.5e-3`), which
//! nudge reads with e as a letter: the note that says so.

use super::ast::Span;
use super::parse::{Note, Offsets};

/// `1e5` and `2.5e-3` look like a calculator's powers of ten, but nudge reads the e as a
/// letter: say so, and how to write the number.
pub(super) fn scientific_notation_notes(line: &str, offsets: &Offsets) -> Vec<Note> {
    let bytes = line.as_bytes();
    let mut notes = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_number = bytes[i].is_ascii_digit()
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'));
        if !starts_number {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
            i += 1;
        }
        if i >= bytes.len() || !matches!(bytes[i], b'e' | b'E') {
            continue;
        }
        let sign = matches!(bytes.get(i + 1), Some(b'+' | b'-'));
        let digits_at = i + 1 + usize::from(sign);
        let mut end = digits_at;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        let name_goes_on = bytes
            .get(end)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_');
        if end == digits_at || name_goes_on {
            i = end;
            continue;
        }
        let typed = &line[start..end];
        let (mantissa, power) = (&line[start..i], &line[i + 1..end]);
        let read_as = if sign {
            format!("{mantissa}·e {} {}", &power[..1], &power[1..])
        } else {
            format!("{mantissa}·{}", &line[i..end])
        };
        let letter = if sign {
            "e is Euler's number".to_string()
        } else {
            format!("{} is a variable", &line[i..end])
        };
        notes.push(Note {
            message: format!(
                "{typed} is read as {read_as} ({letter}), not as a power of ten; for that write {mantissa}·10^{}",
                match power.strip_prefix('-') {
                    Some(p) => format!("(-{p})"),
                    None => power.trim_start_matches('+').to_string(),
                }
            ),
            span: Span::new(offsets.chars(start), offsets.chars(end)),
        });
        i = end;
    }
    notes
}
