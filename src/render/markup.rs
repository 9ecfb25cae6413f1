//! Typeset answers as neutral blocks (steps, sentences, displayed maths), laid out as LaTeX or Markdown.

use crate::expr::greek_name;

/// A step or an elision, flattened with its depth and its label ("outer", "inner").
pub(super) struct Row {
    pub depth: usize,
    pub heading: String,
    pub maths: Option<String>,
    pub words: String,
}

/// The last lines of a derivation, each a label and its maths: the result, the value at a point.
pub(super) type Closing = Vec<(String, String)>;

/// A piece of a sentence: words, or maths set inline.
pub(super) enum Inline {
    Words(String),
    Maths(String),
}

/// One piece of a typeset answer.
pub(super) enum Block {
    /// Steps, then labelled closing lines; LaTeX puts `reading` on the first line.
    Steps {
        reading: Option<String>,
        rows: Vec<Row>,
        closing: Closing,
    },
    /// A sentence or two, with maths inline.
    Words(Vec<Inline>),
    /// Maths on a line of its own.
    Display(String),
}

pub(super) fn words(text: impl Into<String>) -> Inline {
    Inline::Words(text.into())
}

pub(super) fn maths(latex: impl Into<String>) -> Inline {
    Inline::Maths(latex.into())
}

/// `\begin{pmatrix} a & b \\ c & d \end{pmatrix}`.
pub(super) fn pmatrix(rows: &[Vec<String>]) -> String {
    let rows: Vec<String> = rows.iter().map(|r| r.join(" & ")).collect();
    format!(
        "\\begin{{pmatrix}} {} \\end{{pmatrix}}",
        rows.join(" \\\\ ")
    )
}

/// A column vector: one entry per row.
pub(super) fn column(entries: &[String]) -> String {
    let rows: Vec<Vec<String>> = entries.iter().map(|e| vec![e.clone()]).collect();
    pmatrix(&rows)
}

/// `\left(1, 2\right)`: a point.
pub(super) fn point(entries: &[String]) -> String {
    format!("\\left({}\\right)", entries.join(", "))
}

/// The blocks as LaTeX, each followed by a blank line.
pub(super) fn latex(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Steps {
                reading,
                rows,
                closing,
            } => {
                out.push_str("\\begin{align*}\n");
                let mut lines = Vec::new();
                if let Some(r) = reading {
                    lines.push(format!("  &{} && {r}", text("reading:")));
                }
                for r in rows {
                    let indent = "\\quad ".repeat(r.depth);
                    lines.push(match &r.maths {
                        Some(m) => {
                            format!("  &{indent}{} && {m}", text(&format!("{}:", r.heading)))
                        }
                        None => format!("  &{indent}{}", text(&r.words)),
                    });
                }
                for (label, m) in closing {
                    lines.push(format!("  &{} && {m}", text(&format!("{label}:"))));
                }
                out.push_str(&lines.join(" \\\\\n"));
                out.push_str("\n\\end{align*}\n");
            }
            Block::Words(pieces) => {
                out.push_str(&latex_inline(pieces));
                out.push('\n');
            }
            Block::Display(m) => out.push_str(&format!("\\[ {m} \\]\n")),
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn latex_inline(pieces: &[Inline]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Inline::Words(w) => escape(w),
            Inline::Maths(m) => format!("${m}$"),
        })
        .collect()
}

/// The blocks as Markdown, maths in `$…$`, each followed by a blank line.
pub(super) fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Steps { rows, closing, .. } => {
                for r in rows {
                    let indent = "  ".repeat(r.depth);
                    match &r.maths {
                        Some(m) => out.push_str(&format!(
                            "{indent}- **{}:** ${m}$ — {}\n",
                            r.heading, r.words
                        )),
                        None => out.push_str(&format!("{indent}- {}\n", r.words)),
                    }
                }
                if !rows.is_empty() && !closing.is_empty() {
                    out.push('\n');
                }
                let lines: Vec<String> = closing
                    .iter()
                    .map(|(label, m)| format!("**{}:** ${m}$\n", capitalised(label)))
                    .collect();
                out.push_str(&lines.join("\n"));
            }
            Block::Words(pieces) => {
                out.push_str(&markdown_inline(pieces));
                out.push('\n');
            }
            Block::Display(m) => out.push_str(&format!("$${m}$$\n")),
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

fn markdown_inline(pieces: &[Inline]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Inline::Words(w) => w.clone(),
            Inline::Maths(m) => format!("${m}$"),
        })
        .collect()
}

pub(super) fn capitalised(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// `\text{…}` around words, escaped.
pub(super) fn text(words: &str) -> String {
    format!("\\text{{{}}}", escape(words))
}

/// Words for running LaTeX text: the characters LaTeX treats specially are escaped, and
/// the maths symbols the words borrow (∂, ², θ, ·) are set as maths, so the text needs
/// no Unicode font.
pub(super) fn escape(words: &str) -> String {
    let mut out = String::new();
    // Symbols side by side (∂²) share one `$…$`.
    let mut in_maths = false;
    for c in words.chars() {
        if let Some(m) = maths_symbol(c) {
            if !in_maths {
                out.push('$');
                in_maths = true;
            }
            out.push_str(&m);
            continue;
        }
        if in_maths {
            out.push('$');
            in_maths = false;
        }
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '#' | '_' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            '—' => out.push_str("---"),
            '–' => out.push_str("--"),
            '′' => out.push('\''),
            '″' => out.push_str("''"),
            _ => out.push(c),
        }
    }
    if in_maths {
        out.push('$');
    }
    out
}

/// The LaTeX maths for a symbol that words borrow from maths.
fn maths_symbol(c: char) -> Option<String> {
    if let Some(name) = greek_name(c) {
        return Some(format!("\\{name}"));
    }
    if let Some(d) = "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c) {
        return Some(format!("^{{{d}}}"));
    }
    if let Some(d) = "₀₁₂₃₄₅₆₇₈₉".chars().position(|s| s == c) {
        return Some(format!("_{{{d}}}"));
    }
    let m = match c {
        '∂' => "\\partial",
        '∇' => "\\nabla",
        '·' | '⋅' => "\\cdot",
        '×' => "\\times",
        '÷' => "\\div",
        '−' => "-",
        '≈' => "\\approx",
        '→' => "\\to",
        '←' => "\\leftarrow",
        '∞' => "\\infty",
        '√' => "\\surd",
        '∫' => "\\int",
        '≠' => "\\neq",
        '≤' => "\\leq",
        '≥' => "\\geq",
        '⁻' => "^{-}",
        '●' => "\\bullet",
        _ => return None,
    };
    Some(m.to_string())
}
