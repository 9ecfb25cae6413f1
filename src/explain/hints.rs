//! The words a learner reads about an answer: hints for slips, a point where values part, wrapped prose.

use crate::calculus::{Rule, Step};
use crate::engine::judge::{Equality, GridFit, Mistake, Witness};
use crate::engine::Headline;
use crate::explain::catalogue::{note, title};
use crate::expr::{decimal, Expr, Style};
use crate::syntax::Slip;

/// A hint for a recognised slip.
pub fn mistake_hint(mistake: &Mistake, style: Style) -> String {
    let show = |e: &Expr| e.to_text(style.with_budget(60));
    match mistake {
        Mistake::OuterOnly {
            inner,
            inner_derivative,
        } => format!(
            "You have the outer derivative; now multiply by the inner one: the slope of the inside, {}, is {}.",
            show(inner),
            show(inner_derivative)
        ),
        Mistake::ProductOfDerivatives { first, second } => format!(
            "That multiplies the two derivatives, but a product does not work that way. With f = {} and g = {}, the slope is f′·g + f·g′.",
            show(first),
            show(second)
        ),
        Mistake::HalfProduct { first, second } => format!(
            "That is half of the product rule. Nudging moves both {} and {}: add f′·g and f·g′.",
            show(first),
            show(second)
        ),
        Mistake::QuotientOfDerivatives { top, bottom } => format!(
            "Dividing the two derivatives does not give the slope of a fraction. With top {} and bottom {}, use (top′·bottom − top·bottom′) / bottom².",
            show(top),
            show(bottom)
        ),
        Mistake::QuotientPlus { top, bottom } => format!(
            "Close: the quotient rule has a minus in the middle. (top′·bottom − top·bottom′) / bottom², with top {} and bottom {}.",
            show(top),
            show(bottom)
        ),
        Mistake::ExponentKept { base, exponent } => format!(
            "You brought the exponent {} down; now also reduce the power of {} by one.",
            show(exponent),
            show(base)
        ),
        Mistake::ExponentNotBroughtDown { base, exponent } => format!(
            "You reduced the power of {} by one; the old exponent {} also comes down in front as a factor.",
            show(base),
            show(exponent)
        ),
        Mistake::PowerMiscounted {
            base,
            exponent,
            power,
        } => format!(
            "You brought the exponent {} down; the power of {} then goes down by exactly one, to {}, not to {}.",
            show(exponent),
            show(base),
            show(&Expr::sub(exponent.clone(), Expr::one())),
            show(power)
        ),
        Mistake::ConstantDropped { constant } => format!(
            "The constant factor {} went missing: it comes along, multiplying the slope.",
            show(constant)
        ),
        Mistake::TermKept { term, slope } if slope.is_zero() => format!(
            "You differentiated the other terms but kept {}: it is a constant, so its slope is 0 and it drops out.",
            show(term)
        ),
        Mistake::TermKept { term, slope } => format!(
            "You left {} as it was; differentiate it too: its slope is {}.",
            show(term),
            show(slope)
        ),
        Mistake::TermMissed { term } => format!(
            "One term is missing: differentiate {} too, and add its slope.",
            show(term)
        ),
        Mistake::SignFlipped => "Right size, wrong sign: check each minus sign.".to_string(),
        Mistake::NotDifferentiated => {
            "That is the function itself; the question asks for its slope.".to_string()
        }
        Mistake::InOuter {
            inner_derivative,
            slip,
        } => format!(
            "The inner slope, {}, is right; the slip is in the outer part. {}",
            show(inner_derivative),
            mistake_hint(slip, style)
        ),
        Mistake::InPart { part, slip } => format!(
            "The rest is right; look again at the slope of {}. {}",
            show(part),
            mistake_hint(slip, style)
        ),
        Mistake::InnerSlopeWrong {
            inner,
            inner_derivative,
        } => format!(
            "The outside is right; now multiply it by the slope of the inside, {}, which is {}.",
            show(inner),
            show(inner_derivative)
        ),
        Mistake::OuterSlopeWrong {
            inner,
            inner_derivative,
        } => format!(
            "The slope of the inside, {}, is right; the outer part is not: differentiate the outside function on its own, then put {} back in as its input.",
            show(inner_derivative),
            show(inner)
        ),
        Mistake::StrayVariable { name } => format!(
            "Your answer uses {}, which the question does not: write it in the question's variables.",
            show(&Expr::symbol(name.clone()))
        ),
    }
}

/// "Where to start: chain rule. …": the first rule of the worked answer, skipping wrappers.
pub fn first_rule_hint(step: &Step, style: Style) -> String {
    let mut step = step;
    while matches!(step.rule, Rule::Partial | Rule::HigherOrder) && step.substeps.len() == 1 {
        step = &step.substeps[0];
    }
    format!(
        "Where to start: {}. {}",
        title(step.rule),
        note(step, style)
    )
}

/// Where the values part, in plain words: "at x = 1.5 the answer is 6.75, but yours gives
/// 3.2"; with no variables, "yours comes to 3.2, which is too small" (never the answer itself).
pub fn values_part(witness: &Witness, style: Style) -> String {
    let point: Vec<String> = witness
        .point
        .iter()
        .map(|(v, x)| {
            format!(
                "{} = {}",
                Expr::symbol(v.clone()).to_text(style),
                decimal(*x)
            )
        })
        .collect();
    let yours = decimal(witness.given);
    if point.is_empty() {
        let side = if witness.given > witness.expected {
            "too large"
        } else {
            "too small"
        };
        return format!("yours comes to {yours}, which is {side}");
    }
    format!(
        "at {} the answer is {}, but yours gives {yours}",
        point.join(", "),
        decimal(witness.expected)
    )
}

/// An exercise's hint from a point alone: "Try a point: at x = 1.5 the answer is 6.75, but
/// yours gives 3.2, so a step went astray somewhere. …"
pub fn witness_hint(witness: &Witness, style: Style) -> String {
    let part = values_part(witness, style);
    if witness.point.is_empty() {
        return format!("{}.", capitalised(&part));
    }
    format!(
        "Try a point: {part}, so a step went astray somewhere. Go through the rules one at a time, or type skip to see them."
    )
}

/// The first letter in capitals, to start a sentence.
pub fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// For an antiderivative: what differentiating the learner's answer gives back.
pub fn antiderivative_hint(integrand: &Expr, slope: &Expr, var: &str, style: Style) -> String {
    let show = |e: &Expr| e.to_text(style.with_budget(60));
    format!(
        "Differentiate your answer to check it: d/d{var} of it should give back {}, but it gives {}.",
        show(integrand),
        show(slope)
    )
}

/// An answer on one line: `2x`, `(2x, 2y)`, `[[y, x], [1, 2y]]`.
pub fn answer_text(answer: &Headline, style: Style) -> String {
    let row = |r: &[Expr]| {
        r.iter()
            .map(|e| e.to_text(style))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match answer {
        Headline::Scalar(e) => e.to_text(style),
        Headline::Vector(v) => format!("({})", row(v)),
        Headline::Matrix(m) => {
            let rows: Vec<String> = m.iter().map(|r| format!("[{}]", row(r))).collect();
            format!("[{}]", rows.join(", "))
        }
    }
}

/// What is wrong with a vector or matrix answer: its shape, or the first entry that is off.
pub fn grid_hint(expected: &Headline, fit: &GridFit, style: Style) -> String {
    match (fit, expected) {
        (GridFit::Shape, Headline::Scalar(_)) => {
            "The answer is a single expression, not a vector or a matrix.".to_string()
        }
        (GridFit::Shape, Headline::Vector(v)) => format!(
            "The answer is a vector with {} entries, one per variable: write it as (a, b).",
            v.len()
        ),
        (GridFit::Shape, Headline::Matrix(m)) => format!(
            "The answer is a matrix with {} rows of {} entries: write it as [[a, b], [c, d]].",
            m.len(),
            m.first().map_or(0, Vec::len)
        ),
        (
            GridFit::Entry {
                row,
                column,
                equality,
            },
            _,
        ) => {
            let place = match expected {
                Headline::Matrix(_) => format!("row {}, column {}", row + 1, column + 1),
                _ => format!("entry {}", column + 1),
            };
            let point = match equality {
                Equality::Differs(Some(w)) => format!(" {}", witness_hint(w, style)),
                _ => String::new(),
            };
            if *row == 0 && *column == 0 {
                format!("The first entry is not right yet.{point}")
            } else {
                format!("The entries before {place} are right, but {place} is not yet.{point}")
            }
        }
        (GridFit::Same, _) => String::new(),
    }
}

/// "Read as: 3·e³·x", then the notes on how it was read, one per line.
pub fn read_back(reading: &str, notes: &[String]) -> String {
    let mut out = format!("Read as: {reading}");
    for n in notes {
        out.push_str("\nNote: ");
        out.push_str(n);
    }
    out
}

/// An answer that is right once bracketed as it was probably meant.
pub fn slip_hint(slip: &Slip) -> String {
    format!(
        "As typed, that is not the answer, but {} would be: you probably meant it. Type it with the brackets. (That does not count as a try.)",
        slip.line
    )
}

#[cfg(test)]
mod tests {
    use crate::present::wrap::{fit_to_terminal, is_drawn, visible_width, wrap};

    #[test]
    fn long_answer_lines_fit_the_terminal_and_keep_their_indent() {
        let answer = "x = 1\n  \u{1b}[2mThe slope of sin is cos, so nudging the input a little moves it by cos.\u{1b}[0m\n⎡a  b⎤ a very long matrix line that must stay whole because its columns line up\n[2x*y  x^2] [5  cos(y)] an ASCII matrix line, aligned by its runs of spaces";
        let fitted = fit_to_terminal(answer, 30);
        for line in fitted.lines().filter(|l| !is_drawn(l)) {
            assert!(visible_width(line) <= 30, "{line:?} in\n{fitted}");
        }
        let lines: Vec<&str> = fitted.lines().collect();
        assert_eq!(lines[0], "x = 1");
        assert!(lines[1].starts_with("  \u{1b}[2mThe"), "{fitted}");
        assert!(
            lines[2].starts_with("    ") && !lines[2].starts_with("     "),
            "{fitted}"
        );
        assert!(fitted.contains(
            "\n⎡a  b⎤ a very long matrix line that must stay whole because its columns line up\n"
        ));
        assert!(fitted.ends_with(
            "\n[2x*y  x^2] [5  cos(y)] an ASCII matrix line, aligned by its runs of spaces"
        ));
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(words(&fitted), words(answer));
        assert_eq!(fit_to_terminal("short", 30), "short");
    }

    #[test]
    fn prose_wraps_at_the_width_without_breaking_words() {
        let text = "A derivative is the slope you get by nudging the input a little.";
        let wrapped = wrap(text, 20);
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 20),
            "{wrapped}"
        );
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>().join(" "),
            text
        );
        assert_eq!(wrap("one", 2), "one");
        // Colour codes take no columns; a no-break space holds its words together.
        let coloured = "\u{1b}[1;33mNot yet.\u{1b}[0m Check the power (2\u{a0}tries\u{a0}left)";
        assert_eq!(
            wrap(coloured, 29).lines().count(),
            2,
            "{}",
            wrap(coloured, 29)
        );
        assert!(wrap(coloured, 29).ends_with("(2\u{a0}tries\u{a0}left)"));
        assert_eq!(wrap("a list:\n- one\n- two", 40), "a list:\n- one\n- two");
    }
}
