//! Every piece of prose wraps to the width between words: help, the glossary, the rules,
//! every lesson of the tour, a sample of answers and errors, at 40, 60, 80 and 100 columns.

use nudge::format::{render_error_at, render_text_at, TextOptions};
use nudge::lesson::{play, Io, Learner, Mode, Options, TOUR};
use nudge::present::wrap::visible_width;
use nudge::present::Plain;
use nudge::topic::Topic;
use nudge::Session;

const WIDTHS: [usize; 4] = [40, 60, 80, 100];
/// Wide enough that nothing wraps: the text as it reads with every line whole.
const WHOLE: usize = 100_000;
const TEXT: TextOptions = TextOptions {
    unicode: true,
    quiet: false,
};

/// Answers that explain themselves at length: steps, notes, values, readings.
const ANSWERS: &[&str] = &[
    "d/dx sin(x^2)",
    "d/dx x^2 sin(x) e^(3x) ln(x^2 + 1)",
    "d/dx (x^2 - 2x + 3)/(x - 1)",
    "d/dx e^(x ln 2)",
    "∂/∂x (x^2 y + y^3)",
    "d/dx x^3 at x = 2",
    "e^3x",
    "log(x)",
    "read ∂L/∂W",
    "read dy/dx = dy/du · du/dx",
    "f(x) = x^2 sin x",
];

/// Lines that do not read and so cannot be answered.
const ERRORS: &[&str] = &["d/dx sinx", "d/dw (w-3)^2 + d/dx", "(x + 1", "help chian"];

/// The help pages, the glossary and the table of rules.
fn pages() -> Vec<String> {
    let mut lines: Vec<String> = Topic::ALL
        .iter()
        .map(|t| format!("help {}", t.name()))
        .collect();
    lines.extend(["help", "glossary", "rules"].map(String::from));
    lines
}

fn answer(line: &str, width: usize) -> String {
    let outcome = Session::new()
        .answer(line)
        .unwrap_or_else(|e| panic!("{line}: {}", e.message));
    render_text_at(&outcome, TEXT, Some(width), &Plain)
}

fn error(line: &str, width: usize) -> String {
    let Err(error) = Session::new().answer(line) else {
        panic!("{line} should be an error");
    };
    render_error_at(line, &error, None, true, Some(width), &Plain)
}

/// A learner who has nothing to say: lessons play straight through.
struct Silent;

impl Learner for Silent {
    fn ask(&mut self, _prompt: &str) -> std::io::Result<Option<String>> {
        Ok(None)
    }
}

fn lesson(n: usize, width: usize) -> String {
    let (script, problems) = TOUR[n].script();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let options = Options {
        mode: Mode::Read,
        strict: false,
        text: TEXT,
        width,
        seed: 1,
    };
    let mut io = Io {
        learner: &mut Silent,
        out: &mut out,
        err: &mut err,
        paint: &Plain,
        err_paint: &Plain,
    };
    play(&script, &problems, &mut Session::new(), &mut io, &options).expect("plays");
    String::from_utf8(out).expect("UTF-8")
}

/// Lines that are drawn or are code, never wrapped: matrices, tables and plots, a query as
/// typed (a lesson's `nudge> …`, an error's quoted line and its caret). A table's row is
/// told by the gap of two spaces or more between its columns, which prose never has.
fn drawn(line: &str) -> bool {
    line.starts_with("nudge> ")
        || line.starts_with("   | ")
        || line.trim().contains("  ")
        || line.chars().any(|c| {
            matches!(c, '⎡' | '⎢' | '⎣' | '⎤' | '⎥' | '⎦' | '│' | '─' | '┼')
                || ('\u{2800}'..='\u{28FF}').contains(&c)
        })
}

/// Fails if wrapping split or joined a word (the words, in order, are those of the whole
/// text), or if a line of prose is wider than the width while holding more than one word.
fn check(what: &str, width: usize, wrapped: &str, whole: &str) {
    let words = |t: &str| t.split_whitespace().map(String::from).collect::<Vec<_>>();
    assert_eq!(
        words(wrapped),
        words(whole),
        "{what} at {width} columns changed its words:\n{wrapped}"
    );
    for line in wrapped.lines().filter(|l| !drawn(l)) {
        assert!(
            visible_width(line) <= width || line.split_whitespace().count() == 1,
            "{what} at {width} columns: a line of {} columns\n{line}\nin\n{wrapped}",
            visible_width(line)
        );
    }
}

#[test]
fn help_the_glossary_and_the_rules_wrap_between_words() {
    for page in pages() {
        let whole = answer(&page, WHOLE);
        for width in WIDTHS {
            let wrapped = answer(&page, width);
            check(&page, width, &wrapped, &whole);
            // A line that fits is left exactly as it was: its columns keep their spacing.
            for line in whole.lines().filter(|l| visible_width(l) <= width) {
                assert!(
                    wrapped.lines().any(|w| w == line),
                    "{page} at {width} columns changed a line that fits: {line:?}\n{wrapped}"
                );
            }
        }
    }
}

#[test]
fn answers_and_errors_wrap_between_words() {
    for line in ANSWERS {
        let whole = answer(line, WHOLE);
        for width in WIDTHS {
            check(line, width, &answer(line, width), &whole);
        }
    }
    for line in ERRORS {
        let whole = error(line, WHOLE);
        for width in WIDTHS {
            check(line, width, &error(line, width), &whole);
        }
    }
}

#[test]
fn every_lesson_wraps_between_words() {
    for n in 0..TOUR.len() {
        let whole = lesson(n, WHOLE);
        for width in WIDTHS {
            check(
                &format!("lesson {}", n + 1),
                width,
                &lesson(n, width),
                &whole,
            );
        }
    }
}

#[test]
fn no_help_page_breaks_a_sentence_by_hand() {
    // With room for any line, each paragraph of a page is one line: the pages hold no line
    // breaks inside a sentence, so a terminal of any width reflows them.
    for topic in Topic::ALL {
        let page = answer(&format!("help {}", topic.name()), WHOLE);
        for line in page
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with("Try:"))
        {
            assert!(
                line.trim_end().ends_with(['.', ':', ')']),
                "help {}: a line ends mid-sentence: {line:?}",
                topic.name()
            );
        }
    }
}

#[test]
fn a_term_too_long_for_its_column_has_its_meaning_under_it() {
    let help = answer("help", 80);
    let lines: Vec<&str> = help.lines().collect();
    let long = lines
        .iter()
        .position(|l| l.trim() == "descend (w - 3)^2 from w = 0 rate 0.1")
        .unwrap_or_else(|| panic!("the descend example alone on its line:\n{help}"));
    // The meaning starts in the column the short terms' meanings start in.
    let column = |l: &str| {
        l.find("the tangent line")
            .or_else(|| l.find("gradient descent"))
    };
    let short = lines
        .iter()
        .find(|l| l.trim_start().starts_with("tangent x^2"))
        .and_then(|l| column(l));
    assert_eq!(column(lines[long + 1]), short, "{help}");
}
