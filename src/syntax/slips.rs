//! Precedence slips in a typed line: spellings whose reading is probably not what the
//! learner meant (`3e^3x` is 3·e³·x, `x^1/2` is x/2, `2x/x^2+1` is 2x/x² + 1), each with
//! the bracketed spelling that was likely meant. `x^2y` is left alone: x²·y is what a
//! textbook means by it; only a power of e or of a number reads oddly glued to a letter.

/// A part of an answer that probably reads otherwise than meant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slip {
    /// The part as typed: `e^3x`.
    pub typed: String,
    /// The same part with the brackets that were likely meant: `e^(3x)`.
    pub meant: String,
    /// The whole answer with that part bracketed.
    pub line: String,
    /// A power that took less than meant (`e^3x`), rather than a denominator (`2x/x^2+1`).
    pub power: bool,
    /// Where the typed part is in the line, in characters.
    pub start: usize,
    pub end: usize,
}

impl Slip {
    /// The note that says how the part reads and how to write what was likely meant.
    pub fn note(&self) -> String {
        if self.power {
            format!(
                "in {}, the power takes only the number right after ^; for all of it in the power write {}",
                self.typed, self.meant
            )
        } else {
            format!(
                "in {}, / divides by the next factor only and the sum comes after the fraction; to divide by the whole sum write {}",
                self.typed, self.meant
            )
        }
    }

    /// Whether this is the fraction power `x^-1/2` that the reader already notes.
    pub fn is_fraction_power(&self) -> bool {
        self.power && self.typed.contains('/')
    }
}

/// The likely slips of `line`, left to right.
pub fn slips(line: &str) -> Vec<Slip> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let found = match c {
            '^' => glued_exponent(&chars, i + 1, plain_base(&chars, i)),
            '/' => glued_denominator(&chars, i + 1),
            _ => None,
        };
        if let Some(end) = found {
            let start = part_start(&chars, i);
            let typed: String = chars[start..end].iter().collect();
            let head: String = chars[start..=i].iter().collect();
            let body: String = chars[i + 1..end].iter().collect();
            let meant = format!("{head}({body})");
            let line = format!(
                "{}{meant}{}",
                chars[..start].iter().collect::<String>(),
                chars[end..].iter().collect::<String>()
            );
            out.push(Slip {
                typed,
                meant,
                line,
                power: *c == '^',
                start,
                end,
            });
        }
    }
    out
}

/// Whether the base before the `^` at `at` is e or a number, as in `3e^3x` and `2^3x`.
fn plain_base(chars: &[char], at: usize) -> bool {
    let before = |k: usize| at.checked_sub(k).map(|i| chars[i]);
    match before(1) {
        Some('e') => !before(2).is_some_and(|c| c.is_ascii_alphabetic() || c == '_'),
        Some(c) => c.is_ascii_digit(),
        None => false,
    }
}

/// After `^`: a number glued to more, as in `3x` of `e^3x` (for a base that is e or a
/// number) or `-1/2` of `x^-1/2`; the end of what was probably meant as the exponent.
fn glued_exponent(chars: &[char], from: usize, plain_base: bool) -> Option<usize> {
    let mut i = from;
    if chars.get(i) == Some(&'-') {
        i += 1;
    }
    let digits = count(chars, i, |c| c.is_ascii_digit() || c == '.');
    if digits == 0 {
        return None;
    }
    i += digits;
    match chars.get(i) {
        // x^-1/2, x^1/2: a fraction meant as the power. Not x^3/3 or x^4/2, whose fraction
        // would be a whole number: those are x³/3 and x⁴/2, as an antiderivative writes them.
        Some('/') => {
            let more = count(chars, i + 1, |c| c.is_ascii_digit());
            let number = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
            let top = number(i - digits, i).parse::<u64>().ok();
            let bottom = number(i + 1, i + 1 + more).parse::<u64>().ok();
            let whole = matches!((top, bottom), (Some(t), Some(b)) if b > 0 && t % b == 0);
            (more > 0 && !whole).then_some(i + 1 + more)
        }
        Some(c) if plain_base && (c.is_ascii_alphabetic() || *c == '(') => {
            Some(factor_run_end(chars, i))
        }
        _ => None,
    }
}

/// After `/`: a denominator with a + or − glued into it and no spaces, as in `x^2+1` of
/// `2x/x^2+1`; the end of what was probably meant below the bar. The scan stops at a
/// bracket (the slip is a bare sum) and at another operator, so a long line costs one pass.
fn glued_denominator(chars: &[char], from: usize) -> Option<usize> {
    let mut i = from;
    let mut sum = false;
    while let Some(&c) = chars.get(i) {
        match c {
            '(' | ')' | ' ' | '\t' | '=' | ',' | '/' | '*' | '·' => break,
            '+' | '-' if i > from && !matches!(chars[i - 1], '^' | 'e' | 'E') => sum = true,
            _ => {}
        }
        i += 1;
    }
    (sum && chars.get(i) != Some(&'(')).then_some(i)
}

/// The end of a run of glued factors: letters, digits, `_`, and bracketed groups.
fn factor_run_end(chars: &[char], mut i: usize) -> usize {
    while let Some(&c) = chars.get(i) {
        if c.is_ascii_alphanumeric() || c == '_' {
            i += 1;
        } else if c == '(' {
            let mut depth = 0;
            while let Some(&d) = chars.get(i) {
                i += 1;
                match d {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
        } else {
            break;
        }
    }
    i
}

/// Where the operand before the operator at `op` starts: a run of name characters, or a
/// bracketed group.
fn part_start(chars: &[char], op: usize) -> usize {
    let mut i = op;
    if i > 0 && chars[i - 1] == ')' {
        let mut depth = 0;
        while i > 0 {
            i -= 1;
            match chars[i] {
                ')' => depth += 1,
                '(' => {
                    depth -= 1;
                    if depth == 0 {
                        return i;
                    }
                }
                _ => {}
            }
        }
        return 0;
    }
    while i > 0
        && (chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '_' || chars[i - 1] == '^')
    {
        i -= 1;
    }
    i
}

fn count(chars: &[char], from: usize, test: impl Fn(char) -> bool) -> usize {
    chars[from.min(chars.len())..]
        .iter()
        .take_while(|c| test(**c))
        .count()
}

#[cfg(test)]
mod tests {
    use super::slips;

    fn meant(line: &str) -> Vec<String> {
        slips(line).into_iter().map(|s| s.line).collect()
    }

    #[test]
    fn glued_powers_and_denominators_are_found() {
        assert_eq!(meant("3e^3x"), ["3e^(3x)"]);
        assert_eq!(meant("x^-1/2"), ["x^(-1/2)"]);
        assert_eq!(meant("2x/x^2+1"), ["2x/(x^2+1)"]);
        assert_eq!(meant("e^2(x+1)"), ["e^(2(x+1))"]);
        assert_eq!(meant("(x+1)/x-1"), ["(x+1)/(x-1)"]);
        assert_eq!(meant("x^1/2 + 2^3x"), ["x^(1/2) + 2^3x", "x^1/2 + 2^(3x)"]);
        assert_eq!(meant("d/dx e^2x"), ["d/dx e^(2x)"]);
    }

    #[test]
    fn spelled_out_answers_have_no_slip() {
        for line in [
            "3x^2y^3",
            "x^2y",
            "theta^2x",
            "3e^(3x)",
            "3 e^3 x",
            "x^(-1/2)",
            "2x/(x^2+1)",
            "2x/x^2 + 1",
            "x^2",
            "e^x/2",
            // A whole-number fraction is no power anyone means: x³/3, as integrals write it.
            "x^3/3",
            "x^4/2",
        ] {
            assert!(slips(line).is_empty(), "{line}");
        }
    }
}
