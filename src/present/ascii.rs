//! Plain-ASCII text for `--ascii`: every symbol the text answers use, spelled out.

use crate::expr::greek_name;

/// `text` with each non-ASCII character replaced by an ASCII spelling.
pub fn transliterate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        if let Some(digit) = superscript_digit(c) {
            // x² → x^2, x⁻¹² → x^-12: one caret for the whole run of superscript digits.
            out.push('^');
            out.push(digit);
            while let Some(&next) = chars.peek() {
                match superscript_digit(next) {
                    Some(d) => {
                        out.push(d);
                        chars.next();
                    }
                    None => break,
                }
            }
            continue;
        }
        if let Some(d) = subscript_digit(c) {
            out.push('_');
            out.push(d);
            continue;
        }
        match spelled(c) {
            Some(s) => out.push_str(s),
            None => match greek_name(c) {
                Some(name) => out.push_str(name),
                None => out.push('?'),
            },
        }
    }
    out
}

fn superscript_digit(c: char) -> Option<char> {
    Some(match c {
        '⁻' => '-',
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁴' => '4',
        '⁵' => '5',
        '⁶' => '6',
        '⁷' => '7',
        '⁸' => '8',
        '⁹' => '9',
        _ => return None,
    })
}

fn subscript_digit(c: char) -> Option<char> {
    let d = (c as u32).checked_sub('₀' as u32)?;
    if d < 10 {
        char::from_digit(d, 10)
    } else {
        None
    }
}

fn spelled(c: char) -> Option<&'static str> {
    Some(match c {
        '·' | '⋅' | '×' => "*",
        '−' | '–' | '—' | '─' => "-",
        '÷' => "/",
        '≈' => "~",
        '′' => "'",
        '″' => "''",
        '√' => "sqrt",
        'π' => "pi",
        '∂' => "d",
        '∇' => "grad ",
        '∫' => "integral ",
        '∞' => "inf",
        '→' => "->",
        '←' => "<-",
        '•' => "*",
        '…' => "...",
        '✓' => "(ok)",
        '✗' => "(no)",
        '≠' => "!=",
        '≤' => "<=",
        '≥' => ">=",
        '±' => "+/-",
        '°' => " degrees",
        '‖' | '│' | '⎢' | '⎥' => "|",
        '⎡' | '⎣' | '⎛' | '⎝' => "[",
        '⎤' | '⎦' | '⎞' | '⎠' => "]",
        '“' | '”' => "\"",
        '‘' | '’' => "'",
        '\u{a0}' => " ",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::transliterate;

    #[test]
    fn symbols_become_ascii() {
        assert_eq!(transliterate("2x·cos(x²) ≈ 1.5"), "2x*cos(x^2) ~ 1.5");
        assert_eq!(transliterate("x⁻¹² − θ′"), "x^-12 - theta'");
        assert_eq!(transliterate("∂/∂x √x, C₁"), "d/dx sqrtx, C_1");
        assert!(transliterate("⎡a⎤ ✓ 字").is_ascii());
    }
}
