//! Snapshots of the session's answers as a learner reads them.

use nudge::format::{render_text, TextOptions};
use nudge::Session;

/// The text answers to `lines`, read one after another in one session.
fn transcript(lines: &[&str]) -> String {
    let options = TextOptions {
        unicode: true,
        quiet: false,
    };
    let mut session = Session::new();
    let mut out = String::new();
    for line in lines {
        out.push_str(&format!("> {line}\n"));
        match session.answer(line) {
            Ok(outcome) => out.push_str(&render_text(&outcome, options)),
            Err(e) => out.push_str(&format!("error: {e}\n")),
        }
        out.push('\n');
    }
    out
}

#[test]
fn defining_and_differentiating_a_function() {
    insta::assert_snapshot!(transcript(&[
        "f(x) = x^2 sin x",
        "f'(2)",
        "f(x) = x^3",
        "defs"
    ]));
}

#[test]
fn a_named_value_and_its_slope_at_a_point() {
    insta::assert_snapshot!(transcript(&["y = 3x^2 + 1", "dy/dx at x = 2"]));
}

#[test]
fn a_partial_derivative_at_a_point() {
    insta::assert_snapshot!(transcript(&["∂/∂x x^2 y at (1, 2)", "ans"]));
}
