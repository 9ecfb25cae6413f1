//! LaTeX for failures: the message and its kind as text, the line with its problem marked in
//! a verbatim block, and help. (Answers in LaTeX still come from `render/latex.rs`.)

use super::caret::marked;
use crate::error::Error;

/// A failure as a LaTeX fragment, in the place its answer would have had.
pub fn latex_error(input: &str, error: &Error) -> String {
    let (line, caret) = marked(input, error);
    let mut out = format!(
        "% nudge: {}\n\\textbf{{Error}} (\\texttt{{{}}}): {}\n\\begin{{verbatim}}\n{}\n",
        comment(input),
        escape(error.kind.code()),
        escape(&error.message),
        verbatim(&line)
    );
    if let Some(caret) = caret {
        out.push_str(&caret);
        out.push('\n');
    }
    out.push_str("\\end{verbatim}\n");
    if let Some(help) = &error.help {
        out.push_str(&format!("\\emph{{Help:}} {}\n", escape(help)));
    }
    out
}

/// Text made safe in running LaTeX: each special character as LaTeX writes it.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '$' | '&' | '#' | '_' | '%' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            c => out.push(c),
        }
    }
    out
}

/// A line inside `verbatim`, which ends only at `\end{verbatim}`.
fn verbatim(line: &str) -> String {
    line.replace("\\end{verbatim}", "\\end {verbatim}")
}

/// The input in a `%` comment: one line, as typed.
fn comment(input: &str) -> String {
    input.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_are_escaped_and_the_place_marked() {
        let error = crate::Session::new()
            .answer("2 +* 3")
            .expect_err("a syntax error");
        let shown = latex_error("2 +* 3", &error);
        assert!(shown.starts_with("% nudge: 2 +* 3\n\\textbf{Error} (\\texttt{syntax}): "));
        assert!(
            shown.contains("\\begin{verbatim}\n2 +* 3\n   ^\n\\end{verbatim}\n"),
            "{shown}"
        );
        assert_eq!(
            escape("a_1 & 50% {x^2}"),
            "a\\_1 \\& 50\\% \\{x\\textasciicircum{}2\\}"
        );
    }
}
