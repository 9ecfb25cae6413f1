//! Text from outside (a query, a lesson file, history) made safe to print: every control character shown, none obeyed.
//!
//! A terminal obeys control characters: ESC starts a sequence that can set the window
//! title, clear the screen or write the clipboard; a carriage return overwrites the line;
//! a direction override makes text read backwards. nudge shows each one as a visible
//! character of one column instead, so a caret placed by character still lines up under it:
//! C0 controls and DEL as their Control Pictures (`␛`, `␍`, `␇`, `␡`), C1 controls and the
//! invisible direction and line-separator characters as `�`. Newline and tab stay as they are.

use std::borrow::Cow;

/// `text` with every control character but newline and tab shown as one visible character.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| shown_as(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| shown_as(c).unwrap_or(c)).collect())
}

/// The visible stand-in for a character a terminal would obey, or `None` for one it prints.
fn shown_as(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => None,
        '\0'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('␡'),
        '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' => Some('\u{fffd}'),
        c if is_direction_control(c) => Some('\u{fffd}'),
        _ => None,
    }
}

/// The invisible marks, embeddings, overrides and isolates that reorder text on screen.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A line of JSON with the characters a terminal may obey that JSON itself leaves raw
/// (DEL, C1 controls, direction controls, line separators) written as `\u` escapes: the
/// value read back is the same, and the line is safe to print.
pub fn json_escaped(json: &str) -> Cow<'_, str> {
    let needs = |c: char| c != '\n' && c != '\t' && shown_as(c).is_some();
    if !json.chars().any(needs) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_untouched() {
        let text = "d/dx sin(x²)\tand\na new line, ∂ and π";
        assert!(matches!(visible(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn every_control_character_is_shown_in_one_column() {
        assert_eq!(visible("\x1b]0;HI\x07"), "␛]0;HI␇");
        assert_eq!(visible("a\rb\x1b[2J\x7f"), "a␍b␛[2J␡");
        assert_eq!(
            visible("\u{9b}2J x\u{202e}y\u{2066}"),
            "\u{fffd}2J x\u{fffd}y\u{fffd}"
        );
        for c in (0..0x20u32)
            .chain(0x7f..0xa0)
            .chain([0x202e, 0x2028])
            .filter_map(char::from_u32)
        {
            let shown = visible(&c.to_string()).into_owned();
            if c == '\n' || c == '\t' {
                assert_eq!(shown, c.to_string());
                continue;
            }
            assert_eq!(shown.chars().count(), 1, "{c:?}");
            assert_eq!(unicode_width::UnicodeWidthStr::width(shown.as_str()), 1);
            assert!(shown.chars().all(|s| !s.is_control()), "{c:?} → {shown:?}");
        }
    }

    #[test]
    fn json_keeps_its_meaning_and_loses_the_raw_characters() {
        let line = serde_json::json!({ "input": "x\u{9b}2J\u{202e}\x7f\x1b" }).to_string();
        let escaped = json_escaped(&line);
        assert!(escaped.chars().all(|c| shown_as(c).is_none()), "{escaped}");
        let back: serde_json::Value = serde_json::from_str(&escaped).expect("still JSON");
        assert_eq!(back["input"], "x\u{9b}2J\u{202e}\x7f\x1b");
    }
}
