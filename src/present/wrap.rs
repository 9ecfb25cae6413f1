//! Prose wrapped to a width, and whole answers fitted to a terminal, words kept whole.

use unicode_width::UnicodeWidthStr;

/// Prose wrapped at `width` columns, words kept whole; line breaks already in it are kept.
pub fn wrap(text: &str, width: usize) -> String {
    text.lines()
        .map(|line| wrap_line(line, width))
        .collect::<Vec<_>>()
        .join("\n")
}

/// An answer made to fit a terminal `width` columns wide: a line longer than that breaks
/// between words, and its continuation lines keep its indent, two columns further in.
/// Colour codes take no columns; matrices and pictures, which rely on their columns lining
/// up, are left as they are.
pub fn fit_to_terminal(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if visible_width(line) <= width || is_drawn(line) {
            out.push_str(line);
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let next_indent = " ".repeat(indent + 2);
        let mut used = 0;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let w = visible_width(word);
            if used == 0 {
                out.push_str(&line[..indent]);
                used = indent;
            } else if used + 1 + w > width && used > next_indent.len() {
                out.push('\n');
                out.push_str(&next_indent);
                used = next_indent.len();
            } else {
                out.push(' ');
                used += 1;
            }
            out.push_str(word);
            used += w;
        }
    }
    out
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

/// Lines of a matrix, a table or a Braille picture: their columns must line up. Besides
/// brackets and dots, columns show as runs of spaces, which prose never has.
pub fn is_drawn(line: &str) -> bool {
    line.trim_start_matches(' ').contains("  ")
        || line.chars().any(|c| {
            matches!(c, '⎡' | '⎢' | '⎣' | '⎤' | '⎥' | '⎦' | '│' | '─' | '┼')
                || ('\u{2800}'..='\u{28FF}').contains(&c)
        })
}

/// Words are split at plain spaces only: a no-break space keeps "(2 tries left)" together.
fn wrap_line(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for word in text.split([' ', '\t']).filter(|w| !w.is_empty()) {
        let w = visible_width(word);
        if used > 0 && used + 1 + w > width {
            out.push('\n');
            used = 0;
        } else if used > 0 {
            out.push(' ');
            used += 1;
        }
        out.push_str(word);
        used += w;
    }
    out
}
