//! LaTeX input, `read` notation, LaTeX/Markdown output and the LaTeX round trip.

use assert_cmd::Command;
use nudge::expr::{Constant, Expr, Func};
use nudge::syntax::{lower, Statement};
use nudge::Session;
use proptest::prelude::*;

fn nudge(args: &[&str]) -> (String, String, bool) {
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .args(["--color", "never"])
        .args(args)
        .output()
        .expect("run nudge");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

fn text(query: &str) -> String {
    let (out, err, ok) = nudge(&["-e", query]);
    assert!(ok, "{query} failed: {err}");
    out
}

fn result(line: &str) -> Expr {
    let outcome = Session::new()
        .answer(line)
        .unwrap_or_else(|e| panic!("{line}: {e}"));
    match outcome.result() {
        Some(r) => r.clone(),
        None => panic!("{line} gave {:?}", outcome.answer),
    }
}

fn reading(line: &str) -> String {
    let outcome = Session::new().answer(line).expect("answer");
    nudge::syntax::reading_of_statement(&outcome.statement, true)
}

/// Each LaTeX spelling gives the same expression as the plain spelling.
#[test]
fn latex_commands_mean_what_plain_input_means() {
    let pairs = [
        (r"\frac{a}{b}", "a/b"),
        (r"\dfrac{x+1}{x-1}", "(x+1)/(x-1)"),
        (r"\sin x", "sin(x)"),
        (r"\cos\left(2x\right)", "cos(2x)"),
        (r"\ln x", "ln(x)"),
        (r"\log x", "ln(x)"),
        (r"\log_{2} x", "log_2(x)"),
        (r"\exp(x)", "e^x"),
        (r"\sqrt{x+1}", "sqrt(x+1)"),
        (r"\sqrt[3]{x}", "x^(1/3)"),
        (r"e^{2x}", "e^(2x)"),
        (r"x^{-1/2}", "x^(-1/2)"),
        (r"3 \cdot x", "3*x"),
        (r"a \times b", "a*b"),
        (r"a \div b", "a/b"),
        (r"\left( x + 1 \right)^2", "(x+1)^2"),
        (r"\left| x \right|", "abs(x)"),
        (r"\pi", "pi"),
        (r"\theta^2", "theta^2"),
        (r"\alpha + \beta + \Delta", "alpha + beta + Delta"),
        (r"\varepsilon", "epsilon"),
        (r"\theta_0 + w_{1}", "theta_0 + w_1"),
        (r"\mathcal{L} \cdot \mathbf{W}", "L*W"),
        (r"\boldsymbol{\theta}", "theta"),
        (r"\mathrm{loss}", "loss"),
        (r"\hat{y} - y + \bar{x}", "y_hat - y + x_bar"),
        (r"\sin^{2} x + \cos^2 x", "sin(x)^2 + cos(x)^2"),
        (r"{x + 1} {x - 1}", "(x+1)(x-1)"),
        (r"x \, y", "x*y"),
        (r"x \; y \! z", "x*y*z"),
        (r"\tfrac{x}{2} + \dfrac{1}{x}", "x/2 + 1/x"),
        (r"\left[ x + 1 \right]^2", "(x+1)^2"),
        (
            r"\operatorname{sin} x + \mathrm{ln}\left(x\right)",
            "sin(x) + ln(x)",
        ),
        (r"\exp\left(-\frac{x^2}{2}\right)", "e^(-x^2/2)"),
        (r"\frac{d}{dx} x^3", "d/dx x^3"),
        (r"\frac{\mathrm{d}}{\mathrm{d}x} \sin x", "d/dx sin(x)"),
        (
            r"\frac{\partial}{\partial x} \left(x^2 y\right)",
            "∂/∂x (x^2 y)",
        ),
        (
            r"\frac{\partial}{\partial \theta} \theta^3",
            "d/dtheta theta^3",
        ),
        (r"\frac{d^2}{dx^2} x^4", "d^2/dx^2 x^4"),
        (r"\frac{d^{2}}{dx^{2}} \sin x", "d²/dx² sin(x)"),
        (r"\int_0^1 x^2 \,dx", "∫_0^1 x^2 dx"),
        (r"\int_{0}^{1} e^{2x} \,\mathrm{d}x", "∫_0^1 e^(2x) dx"),
        (r"\int_0^\pi \sin x \, dx", "∫_0^pi sin(x) dx"),
        (r"\int x \,\mathrm{d}x", "∫ x dx"),
        (r"\int \frac{1}{x} \,dx", "∫ 1/x dx"),
        (
            r"\frac{\partial^2}{\partial x \partial y} x^2 y^3",
            "∂²/∂x∂y x^2 y^3",
        ),
    ];
    for (latex, plain) in pairs {
        assert_eq!(result(latex), result(plain), "{latex} vs {plain}");
    }
}

/// `\nabla f` is the gradient, answered exactly as `∇f` is.
#[test]
fn nabla_is_the_gradient() {
    let json = |q: &str| {
        let (out, _, ok) = nudge(&["--format", "json", "-e", q]);
        assert!(ok, "{q}");
        let mut v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
        v["input"] = serde_json::Value::Null;
        v
    };
    assert_eq!(json(r"\nabla \left(x^2 + y^2\right)"), json("∇(x^2 + y^2)"));
    assert_eq!(json(r"\nabla (x^2 y)"), json("grad x^2 y"));
}

#[test]
fn the_reading_line_shows_how_latex_was_understood() {
    assert_eq!(reading(r"\frac{x+1}{2}"), "(x + 1)/2");
    assert_eq!(reading(r"e^{2x}"), "e^(2·x)");
    assert_eq!(reading(r"\sqrt[3]{x}"), "x^(1/3)");
    // A minus in front of a quotient needs no brackets of its own.
    assert_eq!(reading(r"\exp\left(-\frac{x^2}{2}\right)"), "exp(-(x²)/2)");
    assert_eq!(reading(r"x^{-1/2}"), "x^(-1/2)");
    assert_eq!(reading("-(-2x)"), "-(-2·x)");
    assert_eq!(reading(r"\sin\left(x\right) y"), "sin(x)·y");
    assert_eq!(
        reading(r"\frac{d}{dx} \sin\left(x^2\right)"),
        "d/dx sin(x²)"
    );
    assert!(text(r"\frac{\partial}{\partial x} x^2 y").starts_with("Reading: ∂/∂x (x²·y)\n"));
}

/// A formula as it appears in a paper differentiates and evaluates like typed input.
#[test]
fn formulas_from_papers() {
    let sigmoid = result(r"\frac{d}{dx} \frac{1}{1 + e^{-x}}");
    assert_eq!(sigmoid, result("d/dx 1/(1+e^(-x))"));
    let gauss = result(r"\frac{1}{\sqrt{2\pi}} e^{-\frac{x^2}{2}}");
    let at = |e: &Expr, x: f64| nudge::expr::eval(e, &|_| Some(x)).expect("eval");
    let expected = (-0.5f64).exp() / (2.0 * std::f64::consts::PI).sqrt();
    assert!((at(&gauss, 1.0) - expected).abs() < 1e-12);
    let loss = result(r"\frac{\partial}{\partial w} \left( w x - y \right)^{2}");
    assert_eq!(loss, result("∂/∂w (w x - y)^2"));
}

#[test]
fn unknown_commands_are_named_with_their_place() {
    let (out, _, ok) = nudge(&["--format", "json", "-e", r"x + \foo{y}"]);
    assert!(!ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    assert_eq!(v["error"]["message"], r"unknown LaTeX command \foo");
    assert_eq!(v["error"]["start"], 4);
    assert_eq!(v["error"]["end"], 8);
    let (_, err, _) = nudge(&["-e", r"\fracc{1}{2}"]);
    assert!(err.contains(r"unknown LaTeX command \fracc"), "{err}");
    assert!(err.contains(r"did you mean \frac?"), "{err}");
    let (_, err, _) = nudge(&["-e", r"\partial x"]);
    assert!(err.contains("part of derivative notation"), "{err}");
    let (_, err, _) = nudge(&["-e", r"\frac{\partial L}{\partial w}"]);
    assert!(err.contains("put read in front"), "{err}");
}

#[test]
fn read_snapshots() {
    let rows = [
        ("dL_dw", "read dL/dw"),
        ("partial_L_w", "read ∂L/∂w"),
        ("gradient_theta", "? ∇_θ L"),
        ("gradient", "read ∇L"),
        ("matrix_gradient", "read ∂L/∂W"),
        (
            "jacobian",
            r"read \frac{\partial \mathbf{y}}{\partial \mathbf{x}}",
        ),
        ("partial_y_x", "read ∂y/∂x"),
        ("prime", "read f'(x)"),
        ("second_prime_at_point", "read f''(2)"),
        ("operator", "read d/dx"),
        ("operator_with_body", "read d/dx x^2"),
        ("second_derivative", "read d²y/dx²"),
        ("exp", "read e^x"),
        ("ln", "read ln x"),
        ("log", "read log x"),
        ("integral", "read ∫_a^b f(x) dx"),
        ("antiderivative", r"read \int x^2 \,dx"),
        ("chain_rule", "read dy/dx = dy/du · du/dx"),
        (
            "chain_rule_latex",
            r"read \frac{dL}{dw} = \frac{dL}{dy} \cdot \frac{dy}{dw}",
        ),
        (
            "paper_loss",
            r"read \frac{\partial \mathcal{L}}{\partial w}",
        ),
        ("paper_gradient", r"read \nabla_\theta \mathcal{L}"),
        ("unknown", r"read \sum_i x_i ⊙ y"),
        (
            "mixed_partial",
            r"read \frac{\partial^2 L}{\partial w_i \partial w_j}",
        ),
        ("second_partial", "read ∂²L/∂w²"),
        ("vector_gradient", "read ∂L/∂𝐰"),
        ("vector_rate", r"read \frac{d \mathbf{x}}{dt}"),
        ("log_base", r"read \log_2 x"),
        ("expression", "read x^2 + 1"),
        (
            "layer_weights",
            r"read \frac{\partial \mathcal{L}}{\partial \mathbf{W}^{(l)}}",
        ),
        ("orders_disagree", "read ∂L/∂w²"),
        ("function", "read f(x)"),
        ("function_two_inputs", "read g(x, y)"),
        ("function_of_theta", r"read L(\theta)"),
        ("function_sigma", r"read \sigma(z)"),
        ("derivative_of_function", "read d/dx f(x)"),
        ("derivative_of_function_latex", r"read \frac{d}{dx} f(x)"),
        ("differential", "read dx"),
    ];
    for (name, query) in rows {
        insta::assert_snapshot!(format!("read_{name}"), text(query), query);
    }
}

#[test]
fn read_names_unknown_symbols_instead_of_guessing() {
    let out = text(r"read \oint f ⊙ g");
    assert!(out.contains(r"nudge does not know \oint"), "{out}");
    assert!(out.contains("nudge does not know ⊙"), "{out}");
}

/// The shape ids `read` gives a line, in order, as JSON reports them.
fn shapes(query: &str) -> Vec<String> {
    let (out, _, ok) = nudge(&["--format", "json", "-e", query]);
    assert!(ok, "{query}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    v["explanations"]
        .as_array()
        .expect("explanations")
        .iter()
        .map(|e| e["shape"].as_str().unwrap_or("").to_string())
        .collect()
}

/// A name right before a bracket is function notation; after x, y, z or t the bracket
/// multiplies unless it holds only other plain names.
#[test]
fn read_tells_function_notation_from_a_product() {
    for q in [
        "read f(x)",
        "read f(2)",
        "read g(x, y)",
        r"read L(\theta)",
        r"read \mathcal{L}(\theta)",
        "read loss(w)",
        "read x(t)",
        "read y(x)",
        "read f(x) = x^2",
    ] {
        assert_eq!(shapes(q)[0], "function", "{q}");
    }
    for q in [
        "read x(x+1)",
        "read x(x)",
        "read t(2t - 1)",
        "read y(3)",
        "read sin(x)",
    ] {
        assert_eq!(shapes(q), ["expression"], "{q}");
    }
    let out = text("read x(x+1)");
    assert!(out.contains("Reading: x·(x + 1)"), "{out}");
}

/// d/dx in front of f(x) asks for f's derivative, read as df/dx is; in front of f(2x)
/// it stays an instruction about the whole value.
#[test]
fn read_derivative_of_function_notation() {
    assert_eq!(shapes("read d/dx f(x)"), shapes("read df/dx"));
    assert_eq!(shapes("read d²/dx² f(x)"), shapes("read d²f/dx²"));
    assert_eq!(shapes("read ∂/∂x g(x, y)"), shapes("read ∂g/∂x"));
    assert_eq!(shapes("read d/dx f(2x + 1)"), ["operator"]);
    let out = text("read d/dx f(x)");
    assert!(
        out.contains("d/dx f(x) — the derivative of f with respect to x"),
        "{out}"
    );
}

/// dx alone, or around other notation, is a differential; dx² is an ordinary name squared.
#[test]
fn read_differentials() {
    assert_eq!(shapes("read dx"), ["differential"]);
    assert_eq!(shapes(r"read d\theta"), ["differential"]);
    assert_eq!(
        shapes("read dy = dy/dx · dx"),
        ["differential", "derivative", "differential"]
    );
    assert_eq!(shapes("read dx^2"), ["expression"]);
    let out = text(r"read d\theta");
    assert!(out.contains("dθ — a tiny nudge of θ"), "{out}");
}

/// Only a chain whose links meet is the chain rule; anything else is read piece by piece.
#[test]
fn read_knows_a_chain_from_a_broken_one() {
    assert_eq!(
        shapes("read dL/dw = dL/dz · dz/dy · dy/dw")[0],
        "chain_rule"
    );
    assert_eq!(
        shapes(r"read \frac{dy}{dx} = \frac{dy}{du}\frac{du}{dx}")[0],
        "chain_rule"
    );
    assert!(!shapes("read dy/dx = dy/du · dv/dx").contains(&"chain_rule".to_string()));
    assert!(!shapes("read dy/dx = dy/du").contains(&"chain_rule".to_string()));
    assert!(!shapes("read dy/dt = dy/du · du/dx").contains(&"chain_rule".to_string()));
}

/// With --ascii, read speaks plain ASCII: ∂ is d, θ is theta, bold letters are plain.
#[test]
fn read_in_ascii() {
    let (out, _, ok) = nudge(&[
        "--ascii",
        "-e",
        "read ∇_θ L",
        "-e",
        r"read \frac{\partial \mathbf{y}}{\partial \mathbf{x}}",
        "-e",
        "read f''(2) = d²f/dx²",
    ]);
    assert!(ok);
    assert!(out.is_ascii(), "{out}");
    assert!(
        out.contains("grad_theta L - the gradient of L with respect to theta"),
        "{out}"
    );
    assert!(
        out.contains("dy/dx - the Jacobian of y with respect to x"),
        "{out}"
    );
    assert!(out.contains("f''(2) = d^2f/dx^2"), "{out}");
}

#[test]
fn read_in_json() {
    let (out, _, ok) = nudge(&["--format", "json", "-e", "read ∂L/∂W"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    assert_eq!(v["kind"], "notation");
    assert_eq!(v["reading"], "∂L/∂W");
    assert_eq!(v["explanations"][0]["shape"], "matrix_gradient");
    assert!(v.get("result").is_none());
}

#[test]
fn latex_and_markdown_formats() {
    let (latex, _, ok) = nudge(&[
        "--format",
        "latex",
        "-e",
        "d/dx sin(x^2)",
        "-e",
        "1/2 + 1/3",
    ]);
    assert!(ok);
    insta::assert_snapshot!("format_latex", latex);
    let (integral, _, ok) = nudge(&["--format", "latex", "-e", r"\int_0^1 x^2 \,dx"]);
    assert!(ok);
    insta::assert_snapshot!("format_latex_integral", integral);
    let (md, _, ok) = nudge(&[
        "--format",
        "markdown",
        "-e",
        "d/dx x^2 e^x",
        "-e",
        "read ∇_θ L",
    ]);
    assert!(ok);
    insta::assert_snapshot!("format_markdown", md);
}

/// Vectors, matrices, tables and limits are typeset, never pasted in as terminal text.
#[test]
fn latex_and_markdown_for_vectors_matrices_and_tables() {
    let cases = [
        ("gradient", "grad(x^2 y)"),
        ("gradient_at", "∇(x^2+y^2) at (1,2)"),
        ("jacobian", "jacobian([x^2 y, 5x + sin y], [x, y])"),
        ("hessian", "hessian(x^3 + x y^2)"),
        ("directional", "ddir x^2 y at (1, 2) along (1, 1)"),
        ("speed", "|d/dt (cos t, sin t, t)|"),
        ("nudge_table", "nudge x^2 at x = 3"),
        ("limit", "limit (1 + 1/n)^n as n -> inf"),
    ];
    for (name, query) in cases {
        for format in ["latex", "markdown"] {
            let (out, err, ok) = nudge(&["--format", format, "-e", query]);
            assert!(ok, "{query}: {err}");
            assert!(
                !out.contains("verbatim") && !out.contains("```"),
                "{query}: {out}"
            );
            insta::assert_snapshot!(format!("{format}_{name}"), out, query);
        }
    }
    // A plot has no LaTeX form: only a picture is kept as drawn.
    let (out, _, ok) = nudge(&["--format", "latex", "-e", "plot sin x"]);
    assert!(ok);
    assert_eq!(out.matches(r"\begin{verbatim}").count(), 1, "{out}");
    assert!(out.contains(r"The plot of $\sin\left(x\right)$"), "{out}");
}

/// The seeing answers are typeset from their document: a nudge's quotients are a table of
/// maths, a tangent's point-slope form one piece of maths, a contour's gradient a displayed
/// column, the nudge's rounding remarks a column of their own.
#[test]
fn seeing_answers_are_typeset_as_tables_and_maths() {
    let latex = |query: &str| {
        let (out, err, ok) = nudge(&["--format", "latex", "-e", query]);
        assert!(ok, "{query}: {err}");
        out
    };
    let markdown = |query: &str| {
        let (out, err, ok) = nudge(&["--format", "markdown", "-e", query]);
        assert!(ok, "{query}: {err}");
        out
    };
    let out = latex("nudge x^2 at x = 3");
    assert!(
        out.contains(concat!(
            "\\begin{tabular}{rr}\n",
            "  $h$ & $\\frac{f\\left(3 + h\\right) - f\\left(3\\right)}{h}$ \\\\ \\hline\n",
            "  $1$ & $7.00000000$ \\\\\n",
            "  $0.1$ & $6.10000000$ \\\\\n",
        )),
        "{out}"
    );
    assert!(
        out.contains("  $0.000001$ & $6.00000100$ \\\\\n\\end{tabular}"),
        "{out}"
    );
    assert!(out.contains("Let $f\\left(x\\right) = x^{2}$."), "{out}");
    assert!(!out.contains("verbatim"), "{out}");
    let out = markdown("nudge x^2 at x = 3");
    assert!(
        out.contains(
            "| $h$ | $\\frac{f\\left(3 + h\\right) - f\\left(3\\right)}{h}$ |\n|---:|---:|\n"
        ),
        "{out}"
    );
    assert!(out.contains("\n| $0.1$ | $6.10000000$ |\n"), "{out}");
    // No slope at a corner: a column for each side.
    let out = latex("nudge |x| at x = 0");
    assert!(out.contains("\\begin{tabular}{rrr}"), "{out}");
    assert!(
        out.contains("& $\\frac{f\\left(-h\\right) - f\\left(0\\right)}{-h}$ \\\\ \\hline"),
        "{out}"
    );
    assert!(
        out.contains("  $0.1$ & $1.00000000$ & $-1.00000000$ \\\\\n"),
        "{out}"
    );
    // Rounding swamps the change: the rows say so in a column of remarks.
    let out = latex("nudge x^2 + 1000000000000 at x = 1");
    assert!(out.contains("  $0.01$ & $2.01$ &  \\\\\n"), "{out}");
    assert!(
        out.contains("  $0.001$ & $1.95$ & \\emph{$\\leftarrow$ rounding} \\\\\n"),
        "{out}"
    );
    let out = latex("tangent x^2 at x = 1");
    assert!(
        out.contains(
            "$y = f'\\left(1\\right)\\cdot\\left(x - 1\\right) + f\\left(1\\right) = 2(x - 1) + 1$"
        ),
        "{out}"
    );
    assert!(
        out.contains("\\textbf{4. Simplified:} $y = 2 x - 1$"),
        "{out}"
    );
    assert!(
        out.contains("The curve and its tangent for $-1 \\leq x \\leq 3$, drawn in characters:"),
        "{out}"
    );
    let out = latex("contour x^2 - y^2 at (1, 1)");
    assert!(
        out.contains(concat!(
            "\\textbf{Gradient:}\n",
            "\\[ \\nabla f\\left(1, 1\\right) = \\begin{pmatrix} 2 \\\\ -2 \\end{pmatrix} \\]\n"
        )),
        "{out}"
    );
    assert!(out.contains("At $\\left(1, 1\\right)$: $f = 0$;"), "{out}");
    let out = markdown("contour x*y at (1/2, 3)");
    assert!(
        out.contains("$$\\nabla f\\left(\\frac{1}{2}, 3\\right) = \\begin{pmatrix} 3 \\\\ \\frac{1}{2} \\approx 0.5 \\end{pmatrix}$$"),
        "{out}"
    );
    // One paragraph for a sentence the terminal breaks over two lines.
    let out = latex("contour x^2 + y^2 at (1, 2)");
    assert!(
        out.contains("\nThe arrow is the gradient: it points straight uphill, crossing the contour line at a right angle.\n"),
        "{out}"
    );
}

/// Each entry of a LaTeX vector or matrix reads back as the entry nudge computed.
#[test]
fn latex_vector_and_matrix_entries_read_back() {
    for query in [
        "grad(x^2 y + sin(x y))",
        "∇(e^(x y) + ln(y)) at (1, 2)",
        "jacobian([x^2 y, 5x + sin y, sqrt(x) y], [x, y])",
        "hessian(x^3 + x y^2 + e^(x/y))",
        "d/dt (cos(2t), t^3, ln t)",
        "hessian(x^2 y) at (1, 3)",
    ] {
        let (out, _, ok) = nudge(&["--format", "json", "-e", query]);
        assert!(ok, "{query}");
        let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
        let latex = v["latex"].as_str().expect("latex field");
        let inner = latex
            .strip_prefix(r"\begin{pmatrix} ")
            .and_then(|l| l.strip_suffix(r" \end{pmatrix}"))
            .unwrap_or_else(|| panic!("{query}: not a pmatrix: {latex}"));
        let entries: Vec<&str> = inner
            .split(r" \\ ")
            .flat_map(|row| row.split(" & "))
            .collect();
        let ascii: Vec<String> = match &v["result"] {
            serde_json::Value::String(r) => r
                .strip_prefix("[[")
                .and_then(|r| r.strip_suffix("]]"))
                .or_else(|| r.strip_prefix('(').and_then(|r| r.strip_suffix(')')))
                .unwrap_or_else(|| panic!("{query}: result {r}"))
                .split("], [")
                .flat_map(|row| row.split(", ").map(str::to_string).collect::<Vec<_>>())
                .collect(),
            other => panic!("{query}: result {other}"),
        };
        assert_eq!(entries.len(), ascii.len(), "{query}: {latex} vs {ascii:?}");
        for (l, a) in entries.iter().zip(&ascii) {
            assert_eq!(result(l), result(a), "{query}: {l} vs {a}");
        }
    }
}

/// A vector's or matrix's whole LaTeX (`pmatrix`, or `\left(…\right)` for a vector
/// definition) reads back as LaTeX input to the same vector or matrix.
#[test]
fn latex_vectors_and_matrices_read_back_whole() {
    let session = "r(t) = (cos t, sin t, t)\nr'(t)\nr''(2)\nr(2)\n\
        F(x, y) = (x^2 y, 5x + sin y)\njacobian(F)\njacobian(F) at (1, 2)\nF(1, 2)\n\
        grad(x^2 y) at (1, 2)\nhessian(x^3 + x y^2)\njacobian(x^2 y)\n";
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .args(["--format", "json"])
        .write_stdin(session)
        .output()
        .expect("run nudge");
    assert!(out.status.success());
    let lines = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(lines.lines().count(), session.lines().count());
    for line in lines.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let (latex, result) = (v["latex"].as_str().expect("latex"), &v["result"]);
        let (back, err, ok) = nudge(&["--format", "json", "-e", latex]);
        assert!(ok, "{}: {latex} did not read back: {back}{err}", v["input"]);
        let back: serde_json::Value = serde_json::from_str(back.trim()).expect("json");
        assert_eq!(&back["result"], result, "{}: {latex}", v["input"]);
    }
}

/// A LaTeX matrix with rows of different lengths, or closed by another environment, is
/// an error at the place; the environments nudge does not read are named in the help.
#[test]
fn broken_latex_matrices_are_errors_at_their_place() {
    let (_, err, ok) = nudge(&["-e", r"\begin{pmatrix} 1 & 2 \\ 3 \end{pmatrix}"]);
    assert!(!ok);
    assert!(
        err.contains("this row has 1 entry, but the first row has 2"),
        "{err}"
    );
    assert!(err.contains("                          ^ "), "{err}");
    let (_, err, ok) = nudge(&["-e", r"\begin{pmatrix} 1 \\ 2 \end{bmatrix}"]);
    assert!(!ok);
    assert!(
        err.contains(r"\begin{pmatrix} is closed by \end{bmatrix}"),
        "{err}"
    );
    let (_, err, ok) = nudge(&["-e", r"\begin{matrix} 1 \end{matrix}"]);
    assert!(!ok);
    assert!(
        err.contains(r"help: nudge reads a \begin{pmatrix}"),
        "{err}"
    );
}

/// What the text says after the maths (a derivative by time is a velocity, a slope at a
/// point read aloud, what the constant of integration stands for) is in LaTeX and
/// Markdown too; a value at a point is typeset, not pasted in as terminal text, and a
/// note is said once.
#[test]
fn latex_and_markdown_keep_the_words_after_the_maths() {
    let session = "d/dx x^3 at x = 2\n∫ a dt\nlog(x) at x = 2\n(x^2 + y^2) at (1, 2)\n\
        x(t) = x0 + v0 t + (1/2) a t^2\nx'(t)\n";
    for format in ["latex", "markdown"] {
        let out = Command::cargo_bin("nudge")
            .expect("binary")
            .args(["--format", format])
            .write_stdin(session)
            .output()
            .expect("run nudge");
        assert!(out.status.success());
        let out = String::from_utf8_lossy(&out.stdout).into_owned();
        for words in [
            "Meaning: Position differentiated by time is velocity",
            "Reading it: nudge x a little near 2",
            "stands for any constant: it disappears when you differentiate",
            "In motion terms: if a is an acceleration",
        ] {
            assert!(out.contains(words), "{format}: no {words:?} in {out}");
        }
        assert!(
            out.contains(r"\ln\left(x\right) = \ln\left(2\right) \approx 0.693147"),
            "{format}: {out}"
        );
        assert!(out.contains(r"x^{2} + y^{2} = 5"), "{format}: {out}");
        assert!(
            !out.contains("```") && !out.contains("% At "),
            "{format}: {out}"
        );
        assert_eq!(
            out.matches("log with no base").count(),
            1,
            "{format}: {out}"
        );
    }
    let (json, _, ok) = nudge(&["--format", "json", "-e", "d/dt (t^2 + 3t)"]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(json.trim()).expect("json");
    assert!(
        v["meaning"]
            .as_str()
            .is_some_and(|m| m.contains("velocity")),
        "{v}"
    );
}

/// A session's definitions and values at a point come out as LaTeX too.
#[test]
fn latex_for_a_session() {
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .args(["--format", "latex"])
        .write_stdin("f(x) = x^2 \\sin x\nd/dx f(x) at x = 2\n")
        .output()
        .expect("run nudge");
    assert!(out.status.success());
    insta::assert_snapshot!("format_latex_session", String::from_utf8_lossy(&out.stdout));
}

/// `\frac{dy}{dx}` on its own line asks what `dy/dx` asks: the slope of a defined name.
#[test]
fn latex_leibniz_of_a_defined_name() {
    let run = |input: &str| {
        let out = Command::cargo_bin("nudge")
            .expect("binary")
            .args(["-q"])
            .write_stdin(input)
            .output()
            .expect("run nudge");
        assert!(out.status.success(), "{input}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(
        run("y = x^3\n\\frac{dy}{dx}\n\\frac{d^2 y}{dx^2} at x = 2\n"),
        run("y = x^3\ndy/dx\nd^2y/dx^2 at x = 2\n")
    );
    assert_eq!(
        run("f(x, y) = x^2 y\n\\frac{\\partial f}{\\partial y}\n"),
        run("f(x, y) = x^2 y\n∂f/∂y\n")
    );
    // A function named with a Greek letter, as papers name the sigmoid.
    assert_eq!(
        run("\\sigma(x) = \\frac{1}{1 + e^{-x}}\n\\sigma'(x)\n\\sigma(0)\n"),
        run("σ(x) = 1/(1 + e^(-x))\nσ'(x)\nσ(0)\n")
    );
}

/// The JSON `latex` of every result and step reads back as LaTeX input.
#[test]
fn json_latex_reads_back() {
    for query in [
        "d/dx sin(x^2)",
        "d/dx x^x",
        "d/dx ln(x)/x",
        "∂/∂y x^2 y^3",
        "d/dx sqrt(1 - x^2)",
        "∫ x e^x dx",
        "∫ cos(3x) dx",
        "∫_0^1 x^2 dx",
    ] {
        let (out, _, ok) = nudge(&["--format", "json", "-e", query]);
        assert!(ok);
        let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
        let latex = v["latex"].as_str().expect("latex field");
        assert_eq!(result(latex), result(query), "{query}: {latex}");
        let step = v["steps"][0]["latex"].as_str().expect("step latex");
        let operator = if query.starts_with('∫') {
            r"\int"
        } else {
            r"\frac{"
        };
        assert!(step.starts_with(operator), "{query}: {step}");
    }
}

/// The LaTeX reading of a line reads back as the same question.
#[test]
fn latex_readings_read_back() {
    let inputs = [
        "x^2 + 3x - 1",
        "(x+1)(x-1)",
        "sin^2 x + cos(2x)",
        "e^(-x^2/2)/sqrt(2 pi)",
        "-x^2",
        "2^3^2",
        "|x - 1| + log_2 x + log x",
        "x^(-1/2) + 4.9 t^2",
        "d/dx (x+1)/(x-1)",
        "d^2/dx^2 x^4 ln x",
        "∂/∂y x^2 y^3",
        "d/dθ θ^2 w_1",
        "exp(2x) - 3·x÷4",
    ];
    for input in inputs {
        let outcome = Session::new().answer(input).expect("answer");
        let latex = nudge::syntax::reading_latex(&outcome.statement).expect("a LaTeX reading");
        let back = Session::new()
            .answer(&latex)
            .unwrap_or_else(|e| panic!("{input} → {latex}: {e}"));
        assert_eq!(back.result(), outcome.result(), "{input} → {latex}");
        assert_eq!(back.kind(), outcome.kind(), "{input} → {latex}");
    }
}

#[test]
fn latex_shorthand_and_help() {
    assert_eq!(result(r"\frac12 + \frac{x}2"), result("1/2 + x/2"));
    assert_eq!(result(r"\sqrt2"), result("sqrt(2)"));
    let (_, err, ok) = nudge(&["-e", r"\frac{1}{2"]);
    assert!(!ok);
    assert!(err.contains("a '{' is left open"), "{err}");
    let (_, err, _) = nudge(&["-e", r"\left( x + 1"]);
    assert!(
        err.contains(r"each \left( needs a matching \right)"),
        "{err}"
    );
    let (_, err, _) = nudge(&["-e", r"\frac{1}"]);
    assert!(
        err.contains("expected a '{' starting a LaTeX group"),
        "{err}"
    );
    let (out, _, ok) = nudge(&["-q", "-e", r"\|x\|"]);
    assert!(ok && out.trim() == "‖x‖", "{out}");
    let (_, err, _) = nudge(&["-e", r"w_{i=1}"]);
    assert!(
        err.contains("a subscript is a name, a number or a short sum"),
        "{err}"
    );
}

/// A subscript that is a sum (`\theta_{t+1}`) is part of one name, however it is spelled,
/// and every printed form of that name reads back as it.
#[test]
fn subscripts_with_sums_name_one_variable() {
    let name = result(r"\theta_{t+1}");
    assert_eq!(name, Expr::var("theta_{t+1}"));
    for spelling in [
        r"\theta_{t + 1}",
        "theta_{t+1}",
        "theta_(t+1)",
        "θ_{t+1}",
        r"\boldsymbol{\theta}_{t+1}",
    ] {
        assert_eq!(result(spelling), name, "{spelling}");
    }
    assert_ne!(result(r"\theta_{t-1}"), name);
    assert_eq!(reading(r"\theta_{t+1} - \theta_t"), "θ_{t+1} - θ_t");
    let (out, _, ok) = nudge(&["-e", r"2\theta_{t+1}"]);
    assert!(ok);
    assert!(
        out.contains("Note: θ_{t+1} is one name: t+1 in its subscript is a label"),
        "{out}"
    );
    let e = result(r"\frac{w_{i-1}}{\theta_{t+1}^2} + \eta_{\tau+1}");
    for printed in [e.ascii(), e.unicode(), e.latex()] {
        assert_eq!(result(&printed), e, "{printed}");
    }
}

/// Definitions take LaTeX names and inputs wherever expressions take them.
#[test]
fn definitions_written_in_latex() {
    let run = |input: &str| {
        let out = Command::cargo_bin("nudge")
            .expect("binary")
            .args(["-q"])
            .write_stdin(input)
            .output()
            .expect("run nudge");
        assert!(
            out.status.success(),
            "{input}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(
        run("L(\\theta) = \\theta^2\nL'(3)\nL(\\theta_0)\n"),
        run("L(θ) = θ^2\nL'(3)\nL(theta_0)\n")
    );
    assert_eq!(
        run("\\mathcal{L}(w) = (w - 3)^2\n\\frac{\\partial \\mathcal{L}}{\\partial w}\n\\mathcal{L}(5)\n"),
        run("L(w) = (w - 3)^2\n∂L/∂w\nL(5)\n")
    );
    assert_eq!(
        run("f(\\mathbf{x}) = x^2 + 1\nf(2)\ng(\\alpha, \\beta_1) = \\alpha \\beta_1\n∂g/∂β_1\n"),
        run("f(x) = x^2 + 1\nf(2)\ng(α, β_1) = α β_1\n∂g/∂β_1\n")
    );
    assert_eq!(
        run("\\theta_{t+1} = 1/2\n\\theta_{t+1} + 1\n"),
        run("theta_(t+1) = 1/2\ntheta_{t+1} + 1\n")
    );
    let (_, err, ok) = nudge(&["-e", r"h(\theta, \theta) = 1"]);
    assert!(!ok);
    assert!(err.contains("the input θ is named twice"), "{err}");
    let (_, err, ok) = nudge(&["-e", r"\foo(x) = 2"]);
    assert!(!ok);
    assert!(err.contains(r"unknown LaTeX command \foo"), "{err}");
}

/// The gradient-descent update from a paper: `read` explains it as one step of training;
/// as a formula to compute, nudge points at the ∇ it cannot take and says what to do.
#[test]
fn the_gradient_descent_update() {
    let update = r"\theta_{t+1} = \theta_t - \eta \nabla L(\theta_t)";
    let (out, _, ok) = nudge(&["--format", "json", "-e", &format!("read {update}")]);
    assert!(ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    assert_eq!(v["reading"], "θ_{t+1} = θ_t - η ∇L(θ_t)");
    assert_eq!(v["explanations"][0]["shape"], "gradient_step");
    assert_eq!(v["explanations"][1]["shape"], "gradient");
    let meaning = v["explanations"][0]["meaning"].as_str().expect("meaning");
    assert!(
        meaning.contains("θ_{t+1} are the old ones θ_t"),
        "{meaning}"
    );
    assert!(meaning.contains("step size η"), "{meaning}");
    let (out, _, ok) = nudge(&["--format", "json", "-e", update]);
    assert!(!ok);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    assert_eq!(v["error"]["start"], update.find(r"\nabla").expect("nabla"));
    assert!(v["error"]["help"]
        .as_str()
        .is_some_and(|h| h.contains("put read in front")));
}

/// Products over many terms and limits written as papers write them are named in the error,
/// never a crash (sums are worked out: tests/tensor.rs).
#[test]
fn sums_and_limits_are_refused_by_name() {
    for (input, named) in [
        (r"\prod_{i} p_i", r"\prod"),
        (r"\lim_{x \to 0} \frac{\sin x}{x}", "limit EXPR as x -> a"),
    ] {
        let (_, err, ok) = nudge(&["-e", input]);
        assert!(!ok, "{input}");
        assert!(err.contains(named), "{input}: {err}");
    }
}

fn leaf() -> impl Strategy<Value = Expr> {
    prop_oneof![
        (-9i64..10)
            .prop_filter("zero below a bar is not an expression", |n| *n != 0)
            .prop_map(Expr::int),
        (1i64..6, 2i64..7).prop_map(|(n, d)| Expr::ratio(n, d)),
        Just(Expr::var("x")),
        Just(Expr::var("y")),
        Just(Expr::var("theta")),
        Just(Expr::var("w_1")),
        Just(Expr::var("loss")),
        Just(Expr::var("y_hat")),
        Just(Expr::var("theta_{t+1}")),
        Just(Expr::constant(Constant::Pi)),
        Just(Expr::constant(Constant::E)),
    ]
}

fn expression() -> impl Strategy<Value = Expr> {
    leaf().prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::add),
            prop::collection::vec(inner.clone(), 2..4).prop_map(Expr::mul),
            (
                inner.clone(),
                prop_oneof![
                    (-3i64..5).prop_map(Expr::int),
                    Just(Expr::ratio(1, 2)),
                    Just(Expr::ratio(1, 3)),
                    Just(Expr::ratio(-3, 2))
                ]
            )
                .prop_map(|(b, e)| Expr::pow(b, e)),
            (inner.clone(), inner.clone()).prop_map(|(b, e)| Expr::pow(b, e)),
            (0usize..Func::ALL.len(), inner.clone()).prop_map(|(i, a)| Expr::func(Func::ALL[i], a)),
            inner.clone().prop_map(Expr::exp),
            (
                prop_oneof![
                    Just(Expr::int(2)),
                    Just(Expr::int(10)),
                    Just(Expr::var("a"))
                ],
                inner
            )
                .prop_map(|(b, a)| Expr::log(b, a)),
        ]
    })
}

/// Pieces of LaTeX and notation, to throw together in any order.
const TOKENS: [&str; 40] = [
    r"\frac",
    "{",
    "}",
    r"\sqrt",
    "[",
    "]",
    r"\left(",
    r"\right)",
    "x",
    "2",
    "^",
    "_",
    r"\theta",
    r"\partial",
    "d",
    "/",
    "∂",
    "∇",
    r"\nabla",
    r"\int",
    "dx",
    r"\,",
    "'",
    "+",
    "-",
    r"\cdot",
    "=",
    r"\mathbf",
    r"\mathcal",
    "L",
    "w",
    "W",
    "(",
    ")",
    r"\sin",
    r"\foo",
    "∫",
    "e",
    " ",
    r"\mathrm{d}",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// No jumble of LaTeX and notation makes nudge panic: every line is answered or refused.
    #[test]
    fn jumbled_latex_never_panics(
        picks in prop::collection::vec(0usize..TOKENS.len(), 1..14),
        read in any::<bool>(),
    ) {
        let body: String = picks.iter().map(|i| TOKENS[*i]).collect();
        let line = if read { format!("read {body}") } else { body };
        let answered = std::panic::catch_unwind(|| {
            let outcome = Session::new().answer(&line);
            if let Ok(o) = &outcome {
                let _ = nudge::format::render_latex(o);
                let _ = nudge::format::render_markdown(o);
                let _ = nudge::json::render_json(o);
            }
        });
        prop_assert!(answered.is_ok(), "panicked on {}", line);
    }

    /// Every LaTeX expression nudge prints parses back to an equal expression.
    #[test]
    fn latex_round_trip(e in expression()) {
        prop_assume!(
            nudge::syntax::parse(&e.ascii()).is_ok_and(|p| match p.statement {
                Statement::Expr(node) => lower(&node).is_ok(),
                _ => false,
            }),
            "only expressions nudge accepts as input"
        );
        let latex = e.latex();
        let parsed = nudge::syntax::parse(&latex).map(|p| p.statement);
        let back = match &parsed {
            Ok(Statement::Expr(node)) => lower(node),
            other => panic!("{latex} did not parse as an expression: {other:?}"),
        };
        prop_assert_eq!(back, Ok(e.clone()), "{}", latex);
    }

    /// The LaTeX reading of a typed line reads back to the same expression.
    #[test]
    fn latex_reading_round_trip(e in expression()) {
        let typed = e.ascii();
        let statement = nudge::syntax::parse(&typed).map(|p| p.statement);
        let Ok(Statement::Expr(node)) = &statement else {
            panic!("{typed} did not parse: {statement:?}");
        };
        prop_assume!(lower(node).is_ok(), "{} is not an expression nudge computes", typed);
        let latex = nudge::syntax::reading_latex(&Statement::Expr(node.clone())).expect("LaTeX");
        let back = match nudge::syntax::parse(&latex).map(|p| p.statement) {
            Ok(Statement::Expr(again)) => lower(&again),
            other => panic!("{latex} did not parse as an expression: {other:?}"),
        };
        prop_assert_eq!(back, lower(node), "{} → {}", typed, latex);
    }

    /// Derivatives nudge computes print as LaTeX that reads back to what their ASCII form reads back to.
    #[test]
    fn derivative_results_round_trip(e in expression()) {
        let slope = nudge::calculus::derive(&e, &nudge::expr::Symbol::from("x")).after;
        let read = |text: &str| match nudge::syntax::parse(text).map(|p| p.statement) {
            Ok(Statement::Expr(node)) => lower(&node),
            other => panic!("{text} did not parse as an expression: {other:?}"),
        };
        let (latex, ascii) = (slope.latex(), slope.ascii());
        prop_assert_eq!(read(&latex), read(&ascii), "d/dx {}: {} vs {}", e.ascii(), latex, ascii);
    }
}

/// In LaTeX and Markdown a failure is written in the format, where its answer would be, and
/// the next query is still answered; the exit code still says something failed.
#[test]
fn failures_are_written_in_latex_and_markdown() {
    let (out, err, ok) = nudge(&["--format", "latex", "-e", "2 +* 3", "-e", "d/dx x^2"]);
    assert!(!ok);
    assert_eq!(err, "", "nothing on stderr: the document holds the failure");
    let (failure, answer) = out.split_once("\n\n").expect("two fragments");
    assert!(
        failure.starts_with("% nudge: 2 +* 3\n\\textbf{Error} (\\texttt{syntax}): "),
        "{out}"
    );
    assert!(
        failure.ends_with("\\begin{verbatim}\n2 +* 3\n   ^\n\\end{verbatim}"),
        "{out}"
    );
    assert!(answer.contains("\\frac{d}{dx} x^{2} = 2 x"), "{out}");

    let (out, err, ok) = nudge(&["--format", "markdown", "-e", "sinn(x)", "-e", "1/0"]);
    assert!(!ok);
    assert_eq!(err, "");
    assert!(
        out.starts_with("**Error** (`unknown_function`): unknown function 'sinn'\n\n```text\nsinn(x)\n^^^^\n```\n\n*Help:* did you mean 'sin'?\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "**Error** (`division_by_zero`): division by zero\n\n```text\n1/0\n  ^\n```\n"
        ),
        "{out}"
    );
}

/// Every kind of answer in LaTeX is well formed: braces, `$…$`, `\[…\]` and each
/// `\begin`/`\end` pair balanced outside verbatim pictures; and each displayed result reads
/// back through nudge's LaTeX input.
#[test]
fn every_answer_in_latex_is_balanced_and_its_results_read_back() {
    let lines = [
        "d/dx sin(x^2)",
        "∂/∂x (x^2 y + y^3)",
        "d^3/dx^3 x^5",
        "x^2 + 2x + x^2",
        "1/2 + 1/3",
        "integrate x e^x dx",
        "∫_0^1 x^2 dx",
        "d/dx x^3 at x = 2",
        "(x^2 + y^2) at (1, 2)",
        "f(x) = x^2 sin x",
        "f'(2)",
        "u = 3x^2 + 1",
        "du/dx",
        "check d/dx x^3 = 3x",
        "check d/dx x^3 = 3x^2",
        "z = w x + b",
        "a = 1/(1+e^(-z))",
        "L = (a - y)^2",
        "dL/dw",
        "backprop L at w = 0.5, b = 0.1, x = 2, y = 1",
        "descend (w - 3)^2 from w = 0 rate 0.1",
        "read ∂L/∂W",
        "grad(x^2 y)",
        "hessian(x^3 + x y^2)",
        "r(t) = (cos t, sin t, t)",
        "r'(2)",
        "nudge x^2 at x = 3",
        "limit sin(x)/x as x -> 0",
        "plot sin x",
        "∂/∂x ‖A x − b‖²",
        "x: vector(n)",
        "defs",
        "undef f",
        "help chain",
        "rules",
        "reset",
    ];
    let mut session = Session::new();
    let mut read_back = 0;
    for line in lines {
        let outcome = session
            .answer(line)
            .unwrap_or_else(|e| panic!("{line}: {e}"));
        let latex = nudge::format::render_latex(&outcome);
        let typeset = outside_verbatim(&latex);
        let unescaped = |c: char| {
            let mut count = 0;
            let mut depth: i64 = 0;
            let mut escaped = false;
            for ch in typeset.chars() {
                if ch == c && !escaped {
                    count += 1;
                }
                if !escaped && (ch == '{' || ch == '}') {
                    depth += if ch == '{' { 1 } else { -1 };
                    assert!(depth >= 0, "{line}: a }} closes nothing in\n{latex}");
                }
                escaped = ch == '\\' && !escaped;
            }
            (count, depth)
        };
        assert_eq!(unescaped('{').1, 0, "{line}: braces in\n{latex}");
        assert_eq!(unescaped('$').0 % 2, 0, "{line}: a $ left open in\n{latex}");
        assert_eq!(
            typeset.matches(r"\[").count(),
            typeset.matches(r"\]").count(),
            "{line}: {latex}"
        );
        let mut open = Vec::new();
        for piece in typeset.split(r"\begin{").skip(1) {
            let name = piece.split('}').next().unwrap_or_default();
            open.push(name.to_string());
            for end in piece.split(r"\end{").skip(1) {
                let name = end.split('}').next().unwrap_or_default();
                assert_eq!(open.pop().as_deref(), Some(name), "{line}: {latex}");
            }
        }
        assert!(open.is_empty(), "{line}: {open:?} left open in\n{latex}");
        for display in typeset.split(r"\[ ").skip(1) {
            let maths = display.split(r" \]").next().unwrap_or_default();
            let Some((_, result)) = maths.rsplit_once(" = ") else {
                continue;
            };
            let result = result.split(r" \approx ").next().unwrap_or_default();
            assert!(
                Session::new().answer(result).is_ok(),
                "{line}: {result} does not read back"
            );
            read_back += 1;
        }
    }
    assert!(read_back >= 8, "only {read_back} displayed results");
}

/// The LaTeX with each verbatim picture left out: drawn characters are not LaTeX.
fn outside_verbatim(latex: &str) -> String {
    let mut out = String::new();
    let mut rest = latex;
    while let Some((before, after)) = rest.split_once(r"\begin{verbatim}") {
        out.push_str(before);
        rest = after
            .split_once(r"\end{verbatim}")
            .map_or("", |(_, tail)| tail);
    }
    out.push_str(rest);
    out
}
