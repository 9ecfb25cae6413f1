//! Turns pest's "expected rule X" into what a learner reads: expected what, found what, where.

use super::ast::Span;
use super::parse::{Offsets, Rule};
use crate::error::{Error, Phase};
use pest::error::{ErrorVariant, InputLocation};

/// What a grammar rule stands for, in words; `None` for rules not worth naming.
fn words(rule: Rule) -> Option<&'static str> {
    use Rule::*;
    Some(match rule {
        expr | term | power | function | paren | abs_bars | root | number | constant | variable
        | function_name | plain_function | log_base | bare_argument | bare_factor | negation
        | implicit | diff_call | partial_call | derivative | bound | integral | integral_call
        | integral_bounds => "a number, a variable, a function or '('",
        add_op | mul_op | pow_op => "an operator such as + or *",
        rparen => "a closing ')'",
        lparen => "an opening '('",
        comma => "a comma",
        EOI => "the end of the line",
        respect_var => "a variable name right after the d, as in d/dx",
        integer => "a whole number",
        order => "an order such as ^2",
        leibniz_d | partial_d => "'d' or '∂', as in d/dx",
        latex_group | latex_frac_arg => "a '{' starting a LaTeX group such as {x + 1}",
        latex_root_index => "a root index such as [3]",
        latex_leibniz_d | latex_partial_d => "d or \\partial, as in \\frac{d}{dx}",
        latex_word => "a LaTeX command such as \\theta",
        at_value | at_keyword => "'at', as in nudge x^2 at x = 3",
        as_word => "'as', as in limit 1/n as n -> inf",
        arrow => "an arrow -> or →",
        limit_target | infinity => "where the variable goes: a number, or inf",
        from_word => "'from', as in plot sin x from 0 to 6",
        to_word => "'to', as in plot sin x from 0 to 6",
        pair_point => "a point such as (1, 2)",
        differential | integration_var => "the variable of integration, as in dx",
        along => "'along' and a direction, as in along (1, 1)",
        at_coordinates => "'at' and a point, as in at (1, 2)",
        variable_list => "a list of variables, as in [x, y]",
        point | tuple | vector => "a list in brackets, as in (1, 2)",
        latex_matrix_kind => "pmatrix or bmatrix",
        latex_matrix_end => "\\\\ and the next row, or \\end{pmatrix}",
        _ => return None,
    })
}

pub(super) fn describe_parse_error(
    err: &pest::error::Error<Rule>,
    line: &str,
    offsets: &Offsets,
) -> Error {
    let byte = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let mut expected: Vec<&str> = Vec::new();
    if let ErrorVariant::ParsingError { positives, .. } = &err.variant {
        for rule in positives {
            if let Some(w) = words(*rule) {
                if !expected.contains(&w) {
                    expected.push(w);
                }
            }
        }
    }
    // "a function or '('" already says an opening bracket would do.
    if expected.len() > 1 && expected.iter().any(|w| w.ends_with("or '('")) {
        expected.retain(|w| *w != "an opening '('");
    }
    if let Some(error) =
        super::letters::respect_words_error(line, byte.min(line.len()), offsets.chars(byte))
    {
        return error;
    }
    let found = line[byte.min(line.len())..].chars().next();
    // A LaTeX command is named whole (`found '\\leftarrow'`), where the parser stopped at its
    // backslash or just after it.
    let command = latex_command(line, byte);
    let found_words = match (&command, found) {
        (Some((_, name)), _) => format!("found '{name}'"),
        (None, Some(c)) => format!("found '{c}'"),
        (None, None) => "the line ended".to_string(),
    };
    let message = match expected.as_slice() {
        [] => format!("expected a number, a variable, a function or '(', but {found_words}"),
        [one] => format!("expected {one}, but {found_words}"),
        [init @ .., last] => format!("expected {} or {last}, but {found_words}", init.join(", ")),
    };
    let (at, end) = match &command {
        Some((start, name)) => {
            let at = offsets.chars(*start);
            (at, at + name.chars().count())
        }
        None => {
            let at = offsets.chars(byte);
            (at, if found.is_some() { at + 1 } else { at })
        }
    };
    let mut error = Error::new(Phase::Parsing, message).at(Span::new(at, end));
    if let Some(help) = help_for(line, byte, found) {
        error = error.with_help(help);
    }
    error
}

/// The LaTeX command at `byte` (its backslash there or just before it): where it starts, and
/// its name with the backslash.
fn latex_command(line: &str, byte: usize) -> Option<(usize, String)> {
    let byte = byte.min(line.len());
    let start = if line[byte..].starts_with('\\') {
        byte
    } else if line[..byte].ends_with('\\') {
        byte - 1
    } else {
        return None;
    };
    let name: String = line[start + 1..]
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    (!name.is_empty()).then(|| (start, format!("\\{name}")))
}

/// A hint for the mistakes learners make most.
fn help_for(line: &str, byte: usize, found: Option<char>) -> Option<String> {
    let before = line[..byte.min(line.len())].trim_end();
    if found.is_none()
        && (before.ends_with("/dx") || before.starts_with("d/d") || before.starts_with('∂'))
    {
        return Some("write what to differentiate after the operator, as in d/dx x^2".to_string());
    }
    if let Some(help) = super::parse_latex::big_operator_help(before) {
        return Some(help);
    }
    if line[byte.min(line.len())..].starts_with("\\nabla") {
        return Some("\\nabla (∇) is derivative notation, not a factor: start the line with it to compute a gradient (\\nabla f); to hear a formula such as \\theta - \\eta \\nabla L(\\theta) in words, put read in front".to_string());
    }
    if line.contains("\\begin{") || line.contains("\\end") {
        return Some("nudge reads a \\begin{pmatrix} … \\end{pmatrix} (or bmatrix) on a line of its own: one column is a vector, rows of entries split by & a matrix".to_string());
    }
    let rest = &line[byte.min(line.len())..];
    let command = |word: &str| before.ends_with('\\') && rest.starts_with(word);
    if rest.starts_with(":=") {
        return Some("nudge defines a name with =, as in w = 2; to hear an update rule such as w := w - η dL/dw in words, put read in front".to_string());
    }
    if rest.starts_with('←') || command("leftarrow") || command("gets") {
        return Some("an arrow (←, \\leftarrow) writes an update rule, the new value of a name, which nudge does not work out: put read in front to hear it in words, as in read w ← w - η dL/dw".to_string());
    }
    if found == Some('\\') || before.ends_with('\\') {
        return Some("nudge reads LaTeX commands such as \\frac, \\sqrt, \\sin, \\cdot and Greek letters; to hear other notation in words, put read in front".to_string());
    }
    if found == Some('{') && before.ends_with('_') {
        return Some(
            "a subscript is a name, a number or a short sum, as in w_1, w_{12}, \\theta_{i} or \\theta_{t+1}".to_string(),
        );
    }
    let integral = line.trim_start().starts_with('∫')
        || line.trim_start().to_lowercase().starts_with("integrate");
    if found == Some('∞') {
        return Some("an integral out to infinity is improper, and nudge does not work those out; try a large number as the bound".to_string());
    }
    let call = line.trim_start().to_lowercase().starts_with("integrate(");
    if found.is_none() && integral && !call {
        return Some("end the integral with d and its variable, as in ∫ x^2 dx".to_string());
    }
    if found == Some(' ') && (before.ends_with("/d") || before.ends_with("/∂")) {
        return Some("write the variable right after the d, with no space: d/dx".to_string());
    }
    if found.is_none() && before.ends_with(['^', '*', '/', '+', '-']) {
        return Some("an operator needs something on its right".to_string());
    }
    if found.is_none() && line.matches('{').count() > line.matches('}').count() {
        return Some("a '{' is left open: close each LaTeX group with '}'".to_string());
    }
    if line.matches("\\left").count() > line.matches("\\right").count() {
        return Some("each \\left( needs a matching \\right)".to_string());
    }
    if found == Some('=') {
        return Some(
            "a line with = defines a name, as in f(x) = x^2, y = 3x + 1 or a = 3 (not e, pi or a function's name)"
                .to_string(),
        );
    }
    let open = line.matches('(').count();
    let close = line.matches(')').count();
    if open > close && found.is_none() {
        return Some(format!("{} bracket(s) left open", open - close));
    }
    if close > open && found == Some(')') {
        return Some("this ')' has no '(' to close".to_string());
    }
    None
}
