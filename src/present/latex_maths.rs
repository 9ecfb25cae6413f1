//! Inline maths as LaTeX, from the expression printer in `expr/latex.rs`, and words made safe
//! in running LaTeX: the pieces the LaTeX and Markdown presenters share.

use crate::engine::Named;
use crate::explain::doc::{Inline, Math, Span, Tag};
use crate::explain::integral::constant_name;
use crate::explain::seeing_words::point_slope;
use crate::expr::{
    decimal, greek_name, latex_name, latex_operand, latex_operator, latex_partials, Expr, Kind,
    Number,
};
use crate::syntax::node_latex;

/// `\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}`.
pub fn pmatrix(rows: &[Vec<String>]) -> String {
    let rows: Vec<String> = rows.iter().map(|r| r.join(" & ")).collect();
    format!(
        "\\begin{{pmatrix}} {} \\end{{pmatrix}}",
        rows.join(" \\\\ ")
    )
}

/// Largest expression, in nodes, that a step's LaTeX shows in full: a step on a huge
/// expression would print megabytes.
pub const STEP_NODES: u32 = 2000;

/// `m` as LaTeX maths, without the surrounding `$`.
pub fn math_latex(m: &Math) -> String {
    match m {
        Math::Expr(e) => e.latex(),
        Math::Operand(e) | Math::Integrand(e) => latex_operand(e),
        Math::Derivative {
            var,
            order,
            partial,
            of,
        } => format!(
            "{} {}",
            latex_operator(var, *order, *partial),
            latex_operand(of)
        ),
        Math::Named {
            named,
            var,
            order,
            partial,
        } => named_latex(named, var, *order, *partial),
        Math::Call { name, args } => call(name, args),
        Math::Squared(e) => format!("{}^{{2}}", base(e)),
        Math::Power { base: b, exponent } => format!("{}^{{{}}}", base(b), exponent.latex()),
        Math::PowerDown { exponent, base: b } => {
            let n = exponent.latex();
            let bare = exponent.as_number().is_some_and(is_plain)
                || matches!(exponent.kind(), Kind::Var(_) | Kind::Const(_));
            let shown = if bare {
                n.clone()
            } else {
                format!("\\left({n}\\right)")
            };
            format!("{shown} \\cdot {}^{{{n} - 1}}", base(b))
        }
        Math::Sum(terms) => sum(terms),
        Math::Times(a, b) => format!("{} \\cdot {}", math_latex(a), math_latex(b)),
        Math::Plus(a, b) => format!("{} + {}", math_latex(a), math_latex(b)),
        Math::Minus(a, b) => format!("{} - {}", math_latex(a), math_latex(b)),
        // A fraction bar groups what is over and under it: the brackets of `(a - b) / c` go.
        Math::Over(a, b) => format!(
            "\\frac{{{}}}{{{}}}",
            math_latex(ungrouped(a)),
            math_latex(ungrouped(b))
        ),
        Math::Group(a) => format!("\\left({}\\right)", math_latex(a)),
        Math::Tuple(entries) => {
            let shown: Vec<String> = entries.iter().map(Expr::latex).collect();
            format!("\\left({}\\right)", shown.join(", "))
        }
        Math::Decimal(v) => decimal(*v),
        Math::Tensor(t) => crate::tensor::latex(t),
        Math::Sized { of, shape } => format!("{} \\in {}", crate::tensor::latex(of), space(shape)),
        Math::Equation(sides) => equation(sides),
        Math::Operator {
            var,
            order,
            partial,
        } => latex_operator(var, *order, *partial),
        Math::Integral { var, of } => {
            format!("\\int {} \\,d{}", latex_operand(of), latex_name(var))
        }
        Math::Definite {
            var,
            lower,
            upper,
            of,
        } => format!(
            "\\int_{{{}}}^{{{}}} {} \\,d{}",
            bound(lower),
            bound(upper),
            latex_operand(of),
            latex_name(var)
        ),
        Math::PowerUp { var, exponent } => {
            let n = exponent.latex();
            let x = latex_name(var);
            format!("\\frac{{{x}^{{{n} + 1}}}}{{{n} + 1}}")
        }
        Math::Constant(n) => latex_name(&constant_name(*n, false)),
        Math::Approx(m, v) => format!("{} \\approx {}", math_latex(m), decimal(*v)),
        Math::Short(m) => step_maths(m),
        Math::Entry(m) => math_latex(m),
        Math::Partials(vars) => latex_partials(vars),
        Math::Gradient(of) => format!("\\nabla {}", math_latex(of)),
        Math::Norm(of) => format!("\\left|{}\\right|", math_latex(of)),
        Math::Root(of) => format!("\\sqrt{{{}}}", math_latex(of)),
        Math::Squares(entries) => {
            let terms: Vec<String> = entries
                .iter()
                .map(|e| format!("{}^{{2}}", squared_base(e)))
                .collect();
            terms.join(" + ")
        }
        Math::Column(entries) => {
            let rows: Vec<Vec<String>> = entries.iter().map(|e| vec![e.latex()]).collect();
            pmatrix(&rows)
        }
        Math::Decimals(values) => {
            let rows: Vec<Vec<String>> = values.iter().map(|v| vec![decimal(*v)]).collect();
            pmatrix(&rows)
        }
        Math::Negated(of) => format!("-{}", math_latex(of)),
        Math::Slash(a, b) => slash(a, b),
        Math::OperatorOn(op, to) => format!("{} {}", math_latex(op), math_latex(to)),
        Math::Dot(pairs) => {
            let terms: Vec<String> = pairs
                .iter()
                .map(|(a, b)| format!("{} \\cdot {}", latex_operand(a), latex_operand(b)))
                .collect();
            terms.join(" + ")
        }
        Math::Typed(node) => node_latex(node),
        Math::Apply { name, arg } => {
            format!("{}\\left({}\\right)", latex_name(name), math_latex(arg))
        }
        Math::PointSlope {
            var,
            at,
            slope,
            value,
        } => point_slope(var, at, slope, value, &Expr::latex, &latex_operand),
        Math::Numeral(digits) => numeral(digits),
        Math::Vector(entries) => {
            let rows: Vec<Vec<String>> = entries.iter().map(|m| vec![math_latex(m)]).collect();
            pmatrix(&rows)
        }
    }
}

/// Maths without the brackets around it, where something else groups it.
fn ungrouped(m: &Math) -> &Math {
    match m {
        Math::Group(inner) => inner,
        _ => m,
    }
}

/// Digits as LaTeX: `1.0000e10` as `1.0000 \\times 10^{10}`.
fn numeral(digits: &str) -> String {
    match digits.split_once('e') {
        Some((mantissa, exponent)) => format!("{mantissa} \\times 10^{{{exponent}}}"),
        None => digits.to_string(),
    }
}

/// `\\frac{a}{b}`, brackets around `a` dropped; a vector over a number is that number's
/// reciprocal times the vector: `\\frac{1}{\\sqrt{5}} \\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}`.
fn slash(a: &Math, b: &Math) -> String {
    let unwrapped = |m: &Math| match m {
        Math::Entry(inner) => inner.as_ref().clone(),
        _ => m.clone(),
    };
    match unwrapped(a) {
        Math::Column(_) => format!("\\frac{{1}}{{{}}} {}", math_latex(b), math_latex(a)),
        Math::Group(inner) => format!("\\frac{{{}}}{{{}}}", math_latex(&inner), math_latex(b)),
        _ => format!("\\frac{{{}}}{{{}}}", math_latex(a), math_latex(b)),
    }
}

/// A base to square: bracketed unless it is a whole number or a single name.
fn squared_base(e: &Expr) -> String {
    if super::maths::bare(e) {
        e.latex()
    } else {
        format!("\\left({}\\right)", e.latex())
    }
}

/// A step's equation, or a word that it is too large when LaTeX would run to megabytes.
pub fn step_maths(m: &Math) -> String {
    if too_large(m) {
        "\\text{(too large to typeset)}".to_string()
    } else {
        math_latex(m)
    }
}

/// A line of maths and the few words between its pieces (`=`, `at`), as one piece of maths.
pub fn line_maths(line: &[Span]) -> String {
    let mut out = String::new();
    for span in line {
        let (piece, text) = match &span.content {
            Inline::Math(m) => (math_latex(m), None),
            Inline::Text(t) => (text_in_maths(t), Some(t.clone())),
            Inline::Spelled(s) => {
                let t = (s.0)(crate::expr::Style::UNICODE);
                (text_in_maths(&t), Some(t))
            }
        };
        // Words keep the spaces around them (`x, y`, ` = `); maths keeps none of its own.
        let spaced = |at: Option<char>| at.is_some_and(char::is_whitespace);
        if text.as_ref().is_some_and(|t| spaced(t.chars().next())) && !out.ends_with(' ') {
            out.push(' ');
        }
        // Two letters side by side would read as one name (`\\cdot` then `x`).
        if out.ends_with(|c: char| c.is_alphabetic()) && piece.starts_with(char::is_alphabetic) {
            out.push(' ');
        }
        out.push_str(&piece);
        if text.is_some_and(|t| spaced(t.chars().last())) && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

/// A line cut into groups of spans that look alike in a format (`At t = 2:` as one label:
/// `look` says how a tag looks, `None` for no look of its own), and each group into runs: a
/// run of maths (its pieces and the signs between and around them, `|r′(t)| = 4`) goes in
/// one `$…$`; any other span stands alone.
pub fn groups(
    line: &[Span],
    look: impl Fn(Option<Tag>) -> Option<Tag>,
) -> impl Iterator<Item = (Option<Tag>, Vec<&[Span]>)> {
    line.chunk_by(move |a, b| look(a.tag) == look(b.tag))
        .map(|group| (group[0].tag, runs(group)))
}

fn runs(line: &[Span]) -> Vec<&[Span]> {
    let maths = |span: &Span| matches!(span.content, Inline::Math(_));
    let sign = |span: &Span| match &span.content {
        Inline::Text(t) => t
            .chars()
            .all(|c| c.is_whitespace() || "=≈+-−·×,→≤|".contains(c)),
        _ => false,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() {
        let mut end = i + 1;
        // A run starts at maths, or at signs that lead into maths (`|` before `r′(t)`).
        let mut start = i;
        let leads = |span: &Span| {
            sign(span) && matches!(&span.content, Inline::Text(t) if !t.trim().is_empty())
        };
        while start < line.len() && leads(&line[start]) {
            start += 1;
        }
        if start < line.len() && maths(&line[start]) {
            // Take signs only when more maths follows them.
            let mut j = start + 1;
            end = j;
            while j < line.len() && (maths(&line[j]) || sign(&line[j])) {
                j += 1;
                if maths(&line[j - 1]) {
                    end = j;
                }
            }
        }
        out.push(&line[i..end]);
        i = end;
    }
    out
}

/// A run of maths in `$…$`, after a space when its first sign had one before it.
pub fn run_maths(run: &[Span]) -> String {
    let spaced =
        matches!(run.first().map(|s| &s.content), Some(Inline::Text(t)) if t.starts_with(' '));
    format!("{}${}$", if spaced { " " } else { "" }, line_maths(run))
}

/// Words inside maths: signs (`=`, `≈`) as maths, anything else in `\text{}`.
fn text_in_maths(text: &str) -> String {
    let t = text.trim();
    if t.is_empty() {
        return String::new();
    }
    if t.chars()
        .all(|c| "=+-−,:()/|".contains(c) || maths_symbol(c).is_some())
    {
        return t
            .chars()
            .map(|c| maths_symbol(c).unwrap_or_else(|| c.to_string()))
            .collect();
    }
    format!("\\text{{{}}}", escape(text))
}

/// Whether a line holds no words: only maths and the signs between them.
pub fn is_maths(line: &[Span]) -> bool {
    line.iter().all(|span| match &span.content {
        Inline::Math(_) => true,
        Inline::Text(t) => !t.chars().any(char::is_alphabetic),
        Inline::Spelled(_) => false,
    })
}

/// Whether a line is maths alone and holds a column vector: it is displayed on a line of its
/// own (`\\[ \\nabla f = \\begin{pmatrix} … \\end{pmatrix} \\]`), not set in the running text.
fn is_displayed(line: &[Span]) -> bool {
    fn column(m: &Math) -> bool {
        match m {
            Math::Column(_) | Math::Decimals(_) | Math::Vector(_) => true,
            Math::Entry(m) | Math::Short(m) | Math::Approx(m, _) | Math::Group(m) => column(m),
            Math::Equation(sides) => sides.iter().any(column),
            Math::Slash(a, b) => column(a) || column(b),
            _ => false,
        }
    }
    is_maths(line)
        && line
            .iter()
            .any(|span| matches!(&span.content, Inline::Math(m) if column(m)))
}

/// A line set as displayed maths: maths alone holding a column vector, led at most by a
/// label (`Gradient:`), which stands before the display; the label and the maths.
pub fn displayed(line: &[Span]) -> Option<(&[Span], &[Span])> {
    let lead = line
        .iter()
        .take_while(|span| match &span.content {
            Inline::Text(t) => span.tag == Some(Tag::Label) || t.trim().is_empty(),
            _ => false,
        })
        .count();
    let (label, maths) = line.split_at(lead);
    is_displayed(maths).then_some((label, maths))
}

/// A step's maths past the size LaTeX shows.
fn too_large(m: &Math) -> bool {
    match m {
        Math::Expr(e) | Math::Operand(e) | Math::Integrand(e) | Math::Squared(e) => {
            e.size() > STEP_NODES
        }
        Math::Derivative { of, .. } | Math::Integral { of, .. } | Math::Definite { of, .. } => {
            of.size() > STEP_NODES
        }
        Math::Sum(terms) => terms.iter().any(|e| e.size() > STEP_NODES),
        Math::Equation(sides) => sides.iter().any(too_large),
        Math::Times(a, b) | Math::Plus(a, b) | Math::Minus(a, b) | Math::Over(a, b) => {
            too_large(a) || too_large(b)
        }
        Math::Group(m) | Math::Approx(m, _) | Math::Short(m) | Math::Entry(m) => too_large(m),
        _ => false,
    }
}

/// `f'\left(x\right)`, `\frac{dy}{dx}`, `\frac{d}{dx} f\left(2 x\right)`.
fn named_latex(named: &Named, var: &str, order: u32, partial: bool) -> String {
    let name = latex_name(named.name());
    match named {
        Named::Prime { arg, .. } => format!(
            "{name}{}\\left({}\\right)",
            "'".repeat(order as usize),
            arg.latex()
        ),
        Named::Leibniz { .. } => {
            let d = if partial { "\\partial" } else { "d" };
            let x = latex_name(var);
            match order {
                1 => format!("\\frac{{{d} {name}}}{{{d} {x}}}"),
                k => format!("\\frac{{{d}^{{{k}}} {name}}}{{{d} {x}^{{{k}}}}}"),
            }
        }
        Named::Applied { name, args } => format!(
            "{} {}",
            latex_operator(var, order, partial),
            call(name, args)
        ),
    }
}

/// `f\left(x, y\right)`.
fn call(name: &str, args: &[Expr]) -> String {
    let args: Vec<String> = args.iter().map(Expr::latex).collect();
    format!("{}\\left({}\\right)", latex_name(name), args.join(", "))
}

/// A base of a power, bracketed unless it is a single symbol or a whole number.
fn base(e: &Expr) -> String {
    let atomic =
        matches!(e.kind(), Kind::Var(_) | Kind::Const(_)) || e.as_number().is_some_and(is_plain);
    if atomic {
        e.latex()
    } else {
        format!("\\left({}\\right)", e.latex())
    }
}

fn is_plain(n: &Number) -> bool {
    n.is_integer() && !n.is_negative()
}

/// Terms added, a leading minus written as a subtraction.
fn sum(terms: &[Expr]) -> String {
    let mut out = String::new();
    for (i, term) in terms.iter().enumerate() {
        let t = term.latex();
        match (i, t.strip_prefix('-')) {
            (0, _) => out.push_str(&t),
            (_, Some(rest)) => out.push_str(&format!(" - {rest}")),
            _ => out.push_str(&format!(" + {t}")),
        }
    }
    out
}

/// Sides joined by `=`, leaving out a side that prints the same as the next.
fn equation(sides: &[Math]) -> String {
    let shown: Vec<String> = sides.iter().map(math_latex).collect();
    let squeezed = |s: &str| s.replace(' ', "");
    let mut kept: Vec<&str> = Vec::with_capacity(shown.len());
    for (i, side) in shown.iter().enumerate() {
        if shown.get(i + 1).map(|next| squeezed(next)) != Some(squeezed(side)) {
            kept.push(side);
        }
    }
    kept.join(" = ")
}

/// `\\mathbb{R}^{m \\times n}`, `\\mathbb{R}^{n}`, `\\mathbb{R}`: where a formula's values live.
fn space(s: &crate::tensor::Shape) -> String {
    if s.is_scalar() {
        "\\mathbb{R}".to_string()
    } else if s.is_column() {
        format!("\\mathbb{{R}}^{{{}}}", s.rows)
    } else {
        format!("\\mathbb{{R}}^{{{} \\times {}}}", s.rows, s.cols)
    }
}

/// A bound of an integral: `\infty` for inf, bracketed never (LaTeX groups it).
pub fn bound(e: &Expr) -> String {
    let infinity = |e: &Expr| ["inf", "infinity", "oo"].iter().any(|n| e.is_var(n));
    if infinity(e) {
        "\\infty".to_string()
    } else if infinity(&Expr::neg(e.clone())) {
        "-\\infty".to_string()
    } else {
        e.latex()
    }
}

/// Words for running LaTeX text: the characters LaTeX treats specially are escaped, and
/// the maths symbols the words borrow (∂, ², θ, ·) are set as maths, so the text needs
/// no Unicode font.
pub fn escape(words: &str) -> String {
    let mut out = String::new();
    // Symbols side by side (∂²) share one `$…$`.
    let mut in_maths = false;
    let mut last_script = String::new();
    for c in words.chars() {
        if let Some(m) = maths_symbol(c) {
            if !in_maths {
                out.push('$');
                in_maths = true;
            }
            // Subscripts side by side (δᵢⱼ) share one group: `_{i}_{j}` is a LaTeX error.
            let script = &m[..m.len().min(2)];
            if (script == "_{" || script == "^{") && out.ends_with('}') && last_script == script {
                out.pop();
                out.push_str(&m[2..]);
            } else {
                out.push_str(&m);
            }
            last_script = if script == "_{" || script == "^{" {
                script.to_string()
            } else {
                String::new()
            };
            continue;
        }
        last_script.clear();
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
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
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
        '✓' => "\\checkmark",
        '±' => "\\pm",
        'ᵀ' => "^{\\top}",
        '‖' => "\\|",
        'ᵢ' => "_{i}",
        'ⱼ' => "_{j}",
        'ₖ' => "_{k}",
        '⊙' => "\\odot",
        '∈' => "\\in",
        'ℝ' => "\\mathbb{R}",
        _ => return None,
    };
    Some(m.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_are_escaped_and_symbols_set_as_maths() {
        assert_eq!(
            escape("a_1 & 50% {x^2}"),
            "a\\_1 \\& 50\\% \\{x\\textasciicircum{}2\\}"
        );
        assert_eq!(escape("∂²f — ok"), "$\\partial^{2}$f --- ok");
        assert_eq!(escape("δᵢⱼ"), "$\\delta_{ij}$");
    }

    #[test]
    fn a_side_that_reads_as_the_next_is_left_out() {
        let x = Expr::var("x");
        let eq = Math::Equation(vec![
            Math::Expr(x.clone()),
            Math::Operand(x.clone()),
            Math::Decimal(0.5),
        ]);
        assert_eq!(math_latex(&eq), "x = 0.5");
    }
}
