//! The one way prose is wrapped: by display width, between words, with a hanging indent.

use unicode_width::UnicodeWidthStr;

/// Prose wrapped at `width` columns, words kept whole; each line of it keeps its own indent,
/// and the lines it breaks into go on under its first word (after a `- ` or `• ` bullet).
pub fn wrap(text: &str, width: usize) -> String {
    text.lines()
        .map(|line| {
            let indent = indent_of(line);
            let rest = &line[indent..];
            let bullet = ["- ", "• ", "* "]
                .iter()
                .find(|b| rest.starts_with(*b))
                .map_or(0, |b| visible_width(b));
            hang(line, width, indent + bullet)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One line of prose broken between words so that no line passes `width` columns; the lines
/// after the first start `next` columns in. Its own indent is kept; a word wider than the
/// room stays whole on a line of its own rather than being split.
pub fn hang(line: &str, width: usize, next: usize) -> String {
    let indent = indent_of(line);
    hang_after(&line[..indent], &line[indent..], width, next)
}

/// `rest` broken as `hang` breaks a line, after a `lead` kept exactly as it is (a term and
/// the spaces that line its meaning up in a column).
pub fn hang_after(lead: &str, rest: &str, width: usize, next: usize) -> String {
    let mut out = String::with_capacity(lead.len() + rest.len() + 8);
    out.push_str(lead);
    let mut used = visible_width(lead);
    // Whether the line being filled has no word yet: a word always goes on such a line.
    let mut empty = true;
    for word in units(rest) {
        let word = word.as_str();
        let w = visible_width(word);
        if empty {
            empty = false;
        } else if used + 1 + w > width {
            out.push('\n');
            out.push_str(&" ".repeat(next));
            used = next;
        } else {
            out.push(' ');
            used += 1;
        }
        out.push_str(word);
        used += w;
    }
    out
}

/// Longest bracket kept on one line: a short formula such as `σ(z)·(1 - σ(z))` reads
/// whole; a longer bracket (an aside in words) breaks like the rest of the prose.
const WHOLE_BRACKET: usize = 24;

/// The words of a line, each operator standing alone (`-`, `+`, `=`) kept with the word
/// before it, so a broken line ends with the operator and the next never starts with one:
/// a line that starts `- b)` would read as a list item. A short bracket stays one unit.
fn units(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Brackets open before the word at hand.
    let mut depth = 0usize;
    for word in text.split([' ', '\t']).filter(|w| !w.is_empty()) {
        let operator = matches!(word, "-" | "+" | "−" | "=" | "·" | "×" | "≈" | "/");
        // `d/dx`, `∂/∂y` go with what they differentiate.
        let after_operator = out.last().is_some_and(|last| {
            ["d/d", "∂/∂", "d²/d", "∂²/∂"]
                .iter()
                .any(|d| last.starts_with(d))
                && !last.contains(char::is_whitespace)
        });
        let inside = depth > 0
            && out
                .last()
                .is_some_and(|last| visible_width(last) + 1 + visible_width(word) <= WHOLE_BRACKET);
        let glued = operator || inside || after_operator;
        match out.last_mut() {
            Some(last) if glued => {
                last.push(' ');
                last.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
        let mut escape = false;
        for (i, c) in word.chars().enumerate() {
            match c {
                // A colour code (ESC [ … m) holds a bracket that opens nothing.
                '\u{1b}' => escape = true,
                c if escape => escape = !c.is_ascii_alphabetic(),
                // A bracket that opens a word is an aside in words, which may break; one
                // inside a word (σ(z), ·(1) or after an operator (∂/∂y (x² + y²)) is maths.
                '(' | '[' if i > 0 || glued => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    out
}

/// An answer from a writer that does not yet say which of its lines are drawn, made to fit a
/// terminal `width` columns wide: a longer line breaks between words and goes on two columns
/// further in. Only the families not yet explained as a document (`crate::explain`) come
/// here; a document's presenter knows its tables, matrices and pictures and wraps the rest.
pub fn fit_to_terminal(text: &str, width: usize) -> String {
    text.split('\n')
        .map(|line| {
            if visible_width(line) <= width || is_drawn(line) {
                line.to_string()
            } else {
                hang(line, width, indent_of(line) + 2)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Columns a piece of text takes on a terminal: colour codes take none.
pub fn visible_width(text: &str) -> usize {
    let mut width = 0;
    let mut rest = text;
    while let Some(start) = rest.find('\u{1b}') {
        width += UnicodeWidthStr::width(&rest[..start]);
        let code = &rest[start..];
        rest = code.find('m').map_or("", |end| &code[end + 1..]);
    }
    width + UnicodeWidthStr::width(rest)
}

/// Lines of a matrix, a table or a picture from the older writers (`fit_to_terminal`): drawing
/// characters, an ASCII matrix row, or cells apart in three columns or more. (A sentence may
/// hold one double space, as `✓  (differentiating …)` does, and is still prose.)
pub fn is_drawn(line: &str) -> bool {
    let cells = line.trim_start_matches(' ');
    let columns = cells.split("  ").filter(|c| !c.trim().is_empty()).count();
    columns >= 3
        || (cells.starts_with("[ ") && cells.ends_with(" ]"))
        || line.chars().any(|c| {
            matches!(c, '⎡' | '⎢' | '⎣' | '⎤' | '⎥' | '⎦' | '│' | '─' | '┼')
                || ('\u{2800}'..='\u{28FF}').contains(&c)
        })
}

/// Bytes of leading spaces.
fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_line_hangs_under_its_first_word() {
        let shown = hang("  one two three four five", 12, 4);
        assert_eq!(shown, "  one two\n    three\n    four\n    five");
    }

    #[test]
    fn a_broken_line_never_starts_with_an_operator() {
        assert_eq!(hang("a = x + y - b", 11, 2), "a = x + y -\n  b");
        assert_eq!(hang("a = x + y - b", 9, 2), "a = x +\n  y - b");
    }

    #[test]
    fn a_word_wider_than_the_room_stays_whole() {
        assert_eq!(
            hang("a verylongwordindeed b", 8, 2),
            "a\n  verylongwordindeed\n  b"
        );
    }

    #[test]
    fn list_items_hang_under_their_words() {
        assert_eq!(wrap("- one two three", 9), "- one two\n  three");
    }

    #[test]
    fn a_short_formula_and_its_operator_stay_on_one_line() {
        assert_eq!(
            wrap("slope σ(z)·(1 - σ(z)), read off", 20),
            "slope\nσ(z)·(1 - σ(z)),\nread off"
        );
        assert_eq!(
            wrap("so ∂/∂y (x² + y²) = 2y", 17),
            "so\n∂/∂y (x² + y²) =\n2y"
        );
        // A long aside in brackets still breaks between its words.
        let aside = "(numeric check by adaptive Gauss–Kronrod: 0.333333)";
        assert!(wrap(aside, 30).lines().count() > 1);
    }

    #[test]
    fn colour_codes_take_no_columns() {
        let red = "\u{1b}[31mred\u{1b}[0m";
        assert_eq!(hang(&format!("{red} {red} {red}"), 7, 0).lines().count(), 2);
    }
}
