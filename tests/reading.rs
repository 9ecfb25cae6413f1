//! The reading policy, case by case ("How nudge reads what you type" in README): sloppy and
//! ambiguous lines, each with the reading it must get (its Reading line) or the error it must
//! give (the words that name the problem, and where it starts), in text and in JSON; and the
//! property that a Reading line nudge prints reads back to the same expression.

use assert_cmd::Command;
use nudge::format::{render_text, TextOptions};
use nudge::syntax::{lower, parse, reading_of_statement, Statement};
use nudge::Session;
use proptest::prelude::*;
use serde_json::Value;

/// What a line must come to.
enum Want {
    /// Its Reading line, as text prints it and as JSON's `reading` holds it.
    Reads(&'static str),
    /// An error whose message holds these words and starts at this character.
    Fails(&'static str, usize),
}
use Want::{Fails, Reads};

/// (a line typed first, or none; the line; what it must come to).
const CASES: &[(&str, &str, Want)] = &[
    ("", "xy", Reads("x·y")),
    ("", "2xy", Reads("2·x·y")),
    ("", "3xy", Reads("3·x·y")),
    ("", "xyz", Reads("x·y·z")),
    ("", "wx", Reads("w·x")),
    ("", "x y", Reads("x·y")),
    ("", "x*y", Reads("x·y")),
    ("", "xe^x", Reads("x·e^x")),
    ("", "2pix", Reads("2·π·x")),
    ("", "pix", Reads("π·x")),
    ("", "xpi", Reads("x·π")),
    ("", "xy^2", Reads("x·y²")),
    ("", "xy²", Reads("x·y²")),
    ("", "(xy)^2", Reads("(x·y)²")),
    ("", "1/xy", Reads("1/(x·y)")),
    ("", "x/yz", Reads("x/(y·z)")),
    ("", "ab + cd", Reads("a·b + c·d")),
    ("", "-xy", Reads("-x·y")),
    ("", "e^xy", Reads("e^(x·y)")),
    ("", "sin xy", Reads("sin(x·y)")),
    ("", "sin(xy)", Reads("sin(x·y)")),
    ("", "sqrt(xy)", Reads("√(x·y)")),
    ("", "d/dx 2xy", Reads("d/dx (2·x·y)")),
    ("", "d/dx xe^x", Reads("d/dx (x·e^x)")),
    ("", "d/dw (y - wx)^2", Reads("d/dw (y - w·x)²")),
    ("", "d/dx 3xy", Reads("d/dx (3·x·y)")),
    ("", "d/dy 3xy", Reads("d/dy (3·x·y)")),
    ("", "∂/∂y (x^2 + 3xy)", Reads("∂/∂y (x² + 3·x·y)")),
    ("", "d/dx xy(x + 1)", Reads("d/dx (x·y·(x + 1))")),
    ("", "xy(x+1)", Reads("x·y·(x + 1)")),
    ("", "x(x + 1)", Reads("x·(x + 1)")),
    ("", "t(2t - 1)", Reads("t·(2·t - 1)")),
    ("", "2x(x+1)", Reads("2·x·(x + 1)")),
    ("", "XY", Reads("X·Y")),
    ("", "Wx", Reads("W·x")),
    ("", "Ax + b", Reads("A·x + b")),
    ("", "kx^2", Reads("k·x²")),
    ("", "mx + c", Reads("m·x + c")),
    ("", "θx", Reads("θ·x")),
    ("", "xθ", Reads("x·θ")),
    ("", "theta", Reads("θ")),
    ("", "eta", Reads("η")),
    ("", "alpha x", Reads("α·x")),
    ("", "lambda^2", Reads("λ²")),
    ("", "mu + sigma", Reads("μ + σ")),
    ("", "xi", Reads("ξ")),
    ("", "nu x", Reads("ν·x")),
    ("", "tau t", Reads("τ·t")),
    ("", "omega t", Reads("ω·t")),
    ("", "Theta", Reads("Θ")),
    ("", "loss", Reads("loss")),
    ("", "loss^2", Reads("loss²")),
    ("", "cost", Reads("cost")),
    ("", "err", Reads("err")),
    ("", "bias", Reads("bias")),
    ("", "pred", Reads("pred")),
    ("", "out", Reads("out")),
    ("", "net", Reads("net")),
    ("", "lr", Reads("lr")),
    ("", "lr*x", Reads("lr·x")),
    ("", "w - lr*x", Reads("w - lr·x")),
    ("", "ans", Fails("ans stands for the last result", 0)),
    ("", "d/dw loss", Reads("d/dw loss")),
    ("", "speed", Reads("speed")),
    ("", "attention * 2", Reads("attention·2")),
    ("", "velocity^2", Reads("velocity²")),
    ("", "momentum + 1", Reads("momentum + 1")),
    ("", "w1", Reads("w1")),
    ("", "w_1", Reads("w_1")),
    ("", "x_0", Reads("x_0")),
    ("", "v0 t", Reads("v0·t")),
    ("", "y_hat", Reads("y_hat")),
    ("", "theta_1", Reads("θ_1")),
    ("", "w1 x + b", Reads("w1·x + b")),
    ("", "x0 + v0 t", Reads("x0 + v0·t")),
    ("", "dx", Reads("dx")),
    ("", "dt + 1", Reads("dt + 1")),
    (
        "",
        "sinx",
        Fails("'sinx' runs the function sin straight into x", 0),
    ),
    (
        "",
        "cosx",
        Fails("'cosx' runs the function cos straight into x", 0),
    ),
    (
        "",
        "lnx",
        Fails("'lnx' runs the function ln straight into x", 0),
    ),
    (
        "",
        "tanx",
        Fails("'tanx' runs the function tan straight into x", 0),
    ),
    (
        "",
        "expx",
        Fails("'expx' runs the function exp straight into x", 0),
    ),
    ("", "sin x", Reads("sin(x)")),
    ("", "sin 2x", Reads("sin(2·x)")),
    ("", "sin x cos x", Reads("sin(x)·cos(x)")),
    ("", "sin^2 x", Reads("sin²(x)")),
    ("", "sin² x", Reads("sin²(x)")),
    ("", "ln x^2", Reads("ln(x²)")),
    ("", "log x", Reads("ln(x)")),
    ("", "log_2 x", Reads("log_2(x)")),
    ("", "sqrt x", Reads("√x")),
    ("", "√x", Reads("√x")),
    ("", "|x|", Reads("|x|")),
    ("", "abs(x)", Reads("|x|")),
    ("", "sin⁻¹ x", Reads("arcsin(x)")),
    ("", "sin^-1 x", Reads("arcsin(x)")),
    ("", "sin^(-1) x", Reads("arcsin(x)")),
    ("", r#"\sin^{-1} x"#, Reads("arcsin(x)")),
    ("", "cos⁻¹ x", Reads("arccos(x)")),
    ("", "cos^-1(x)", Reads("arccos(x)")),
    ("", "tan⁻¹ x", Reads("arctan(x)")),
    ("", "tan^(-1) x", Reads("arctan(x)")),
    ("", "d/dx sin⁻¹ x", Reads("d/dx arcsin(x)")),
    ("", r#"d/dx \sin^{-1} x"#, Reads("d/dx arcsin(x)")),
    ("", "sin^2(x)", Reads("sin²(x)")),
    ("", r#"\sin^{2} x"#, Reads("sin²(x)")),
    ("", "sec^-1 x", Fails("sec⁻¹ is the inverse of sec", 0)),
    ("", "sinh⁻¹ x", Fails("sinh⁻¹ is the inverse of sinh", 0)),
    ("", "ln^-1 x", Fails("ln⁻¹ is the inverse of ln", 0)),
    ("", "x^T", Reads("xᵀ   (x: n×1)")),
    ("", "d/dx x^T A x", Reads("d/dx xᵀAx   (x: n×1, A: n×n)")),
    ("", "x^{T}", Reads("xᵀ   (x: n×1)")),
    ("", r#"W^\top x"#, Reads("Wᵀx   (W: m×n, x: m×1)")),
    ("", r#"x^\intercal"#, Reads("xᵀ   (x: n×1)")),
    ("", "xᵀ", Reads("xᵀ   (x: n×1)")),
    ("", "xᵀAx", Reads("xᵀAx   (x: n×1, A: n×n)")),
    (
        "",
        r#"\mathbf{x}^T \mathbf{y}"#,
        Reads("xᵀy   (x: n×1, y: n×1)"),
    ),
    ("", "e^T", Reads("e^T")),
    ("", "2^T", Reads("2^T")),
    ("", "(1+r)^T", Reads("(1 + r)^T")),
    ("", "x^(T)", Reads("x^(T)")),
    ("", "x^t", Reads("x^t")),
    ("", "relu(x)", Reads("ReLU(x)")),
    ("", "d/dx relu(x)", Reads("d/dx ReLU(x)")),
    (
        "",
        "softmax(z)",
        Fails("softmax of one number is always 1", 0),
    ),
    ("", "logsumexp(x, y)", Reads("ln(e^x + e^y)")),
    ("", "tr(X)", Reads("tr(X)   (X: n×n)")),
    ("", "det X", Reads("det(X)   (X: n×n)")),
    ("", "det(A)", Reads("det(A)   (A: n×n)")),
    ("", "sigmoid(x)", Reads("σ(x)")),
    ("", "max(x, 0)", Reads("ReLU(x)")),
    ("", "sinn(x)", Fails("unknown function 'sinn'", 0)),
    ("", "coss(x)", Fails("unknown function 'coss'", 0)),
    ("", "sqr(x)", Fails("unknown function 'sqr'", 0)),
    ("", "rellu(x)", Fails("unknown function 'rellu'", 0)),
    ("", "sigma(x)", Reads("σ(x)")),
    ("", "\\sigma(z)", Reads("σ(z)")),
    ("", "max(x, y)", Reads("x + ReLU(y - x)")),
    ("", "min(0, x)", Reads("-ReLU(-x)")),
    ("", "sigma^2", Reads("σ²")),
    (
        "",
        "loss(w)",
        Fails("loss is not a function nudge knows or you have defined", 0),
    ),
    (
        "",
        "speed(t)",
        Fails("speed is not a function nudge knows or you have defined", 0),
    ),
    ("", "f(x)", Reads("f(x)")),
    (
        "",
        "relu x",
        Fails(
            "relu is a function, and nudge reads it only with its input in brackets",
            0,
        ),
    ),
    ("", "softplus(x)", Reads("softplus(x)")),
    ("", "derivative of x^2", Reads("d/dx x²")),
    ("", "the derivative of x^2", Reads("d/dx x²")),
    (
        "",
        "the derivative of x^2 at x = 3",
        Reads("d/dx x² at x = 3"),
    ),
    ("", "differentiate x^3", Reads("d/dx x³")),
    ("", "differentiate sin(x)", Reads("d/dx sin(x)")),
    ("", "slope of x^2 at x = 3", Reads("d/dx x² at x = 3")),
    ("", "integral of x^2", Reads("∫ x² dx")),
    ("", "integrate x^2", Reads("∫ x² dx")),
    ("", "integrate x^2 dx", Reads("∫ x² dx")),
    ("", "the integral of cos t", Reads("∫ cos(t) dt")),
    ("", "derivative of t^3", Reads("d/dt t³")),
    ("", "derivative of x y", Fails("this has 2 variables", 14)),
    // The variable named in words, as a question says it.
    ("", "differentiate x^3 with respect to x", Reads("d/dx x³")),
    (
        "",
        "the derivative of x^2 y with respect to y",
        Reads("d/dy (x²·y)"),
    ),
    ("", "derivative of w^2 x wrt w", Reads("d/dw (w²·x)")),
    (
        "",
        "differentiate t^2 w.r.t. t at t = 3",
        Reads("d/dt t² at t = 3"),
    ),
    ("", "integrate x y", Fails("this has 2 variables", 10)),
    ("", "d/dx x^2 at 3", Reads("d/dx x² at (3)")),
    ("", "d/dt t^3 at 2", Reads("d/dt t³ at (2)")),
    ("", "x^2 at 3", Reads("x² at (3)")),
    ("", "simplify x^2 + x", Fails("'simplify' is a word", 0)),
    ("", "solve x^2 = 4", Fails("'solve' is a word", 0)),
    (
        "",
        "x + speed time",
        Fails("puts two words side by side", 4),
    ),
    ("", "speed time", Fails("does not know the word 'speed'", 0)),
    ("", "speed*time", Reads("speed·time")),
    (
        "",
        "xy(1, 2)",
        Fails("xy is not a function you have defined", 0),
    ),
    ("", "solve x^2 - 4", Fails("'solve' is a word", 0)),
    ("", "series sin x", Fails("'series' is a word", 0)),
    ("", "taylor e^x", Fails("'taylor' is a word", 0)),
    (
        "",
        "critical points x^3-3x",
        Fails("'critical' is a word", 0),
    ),
    ("", "factor x^2 - 1", Fails("'factor' is a word", 0)),
    ("", "expand (x+1)^2", Fails("'expand' is a word", 0)),
    ("", "what is the derivative of x^2", Reads("d/dx x²")),
    ("", "what's the integral of x^2", Reads("∫ x² dx")),
    ("", "what about x^2", Fails("'what' is a word", 0)),
    (
        "",
        "how do i differentiate x^2",
        Fails("'how' is a word", 0),
    ),
    ("", "find d/dx x^2", Fails("'find' is a word", 0)),
    (
        "",
        "evaluate x^2 at x = 2",
        Fails("'evaluate' is a word", 0),
    ),
    ("", "compute x^2", Fails("'compute' is a word", 0)),
    ("", "derivative x^2", Fails("'derivative' is a word", 0)),
    ("", "x^2 of x", Fails("'of' is a word", 4)),
    ("", "d/dx x^2 wrt x", Fails("'wrt' is a word", 9)),
    ("", "Σ (y_i - w x_i)^2", Reads("Σ_{i=1}^{n} (y_i - w·x_i)²")),
    ("", "Σ x_i y_j", Fails("does not say which index", 0)),
    ("", "∑ x_i", Reads("Σ_{i=1}^{n} x_i")),
    (
        "",
        "(1/n) sum_i (y_i - w x_i)^2",
        Reads("(1/n) Σ_{i=1}^{n} (y_i - w·x_i)²"),
    ),
    ("", r#"\sum_i x_i"#, Reads("Σ_{i=1}^{n} x_i")),
    (
        "",
        r#"\prod_i x_i"#,
        Fails(r#"\prod multiplies many terms"#, 0),
    ),
    ("", "E[x^2]", Fails("E[…] is an expected value", 0)),
    ("", "E [x]", Fails("E[…] is an expected value", 0)),
    (
        "",
        r#"\mathbb{E}[x]"#,
        Fails(r#"\mathbb{E} is an expected value"#, 0),
    ),
    (
        "",
        "sum(x)",
        Fails("sum adds up many terms, and nudge needs the index", 0),
    ),
    ("", "∏ x", Fails("∏ multiplies many terms", 0)),
    (
        "",
        "w - eta d/dw (w-3)^2",
        Fails("d/dw inside a larger expression", 8),
    ),
    (
        "",
        "2 + d/dx x^3",
        Fails("d/dx inside a larger expression", 4),
    ),
    ("", "x d/dx x", Fails("d/dx inside a larger expression", 2)),
    ("", "2 dy/dx", Fails("dy/dx inside a larger expression", 2)),
    (
        "",
        r#"\theta - \eta \frac{d}{d\theta} \theta^2"#,
        Fails(r#"\frac{d}{d\theta} inside a larger expression"#, 14),
    ),
    (
        "",
        "x + ∂/∂x x^2",
        Fails("∂/∂x inside a larger expression", 4),
    ),
    ("", "(x^2)'", Reads("d/dx x²")),
    ("", "(e^x)''", Reads("d²/dx² e^x")),
    ("", "(x^2)' at 2", Reads("d/dx x² at (2)")),
    ("", "(sin x)'", Reads("d/dx sin(x)")),
    ("", "(t^3)'", Reads("d/dt t³")),
    ("", "(x y)'", Fails("this has 2 variables", 1)),
    ("", "(3)'", Reads("d/dx 3")),
    ("", "∇f", Fails("f is not defined yet", 1)),
    ("", "grad f", Fails("f is not defined yet", 5)),
    ("", "hessian g", Fails("g is not defined yet", 8)),
    ("", "∇(x^2 + y^2)", Reads("∇(x² + y²)")),
    ("", "grad x^2 y", Reads("∇(x²·y)")),
    ("", "∇L", Fails("L is not defined yet", 1)),
    ("", r#"\frac{xy}{2}"#, Reads("(x·y)/2")),
    ("", r#"\frac{d}{dx} xe^{x}"#, Reads("d/dx (x·e^x)")),
    ("", r#"\mathrm{loss}^2"#, Reads("loss²")),
    ("", r#"\theta x"#, Reads("θ·x")),
    ("", r#"x \cdot y"#, Reads("x·y")),
    ("", r#"\sqrt{xy}"#, Reads("√(x·y)")),
    ("", "e^{2x}", Reads("e^(2·x)")),
    ("h(x, y) = x^2 + 3xy", "∂h/∂y", Reads("∂h/∂y")),
    (
        "h(x, y) = x^2 + 3xy",
        "h(x, y) = x^2 + 3xy",
        Reads("h(x, y) = x² + 3·x·y"),
    ),
    ("xy = 3", "xy + 1", Reads("xy + 1")),
    ("ab = 2", "d/dx ab x", Reads("d/dx (ab·x)")),
    ("f(ab) = ab^2", "f(ab) = ab^2", Reads("f(ab) = ab²")),
    ("loss = (w - 3)^2", "d/dw loss", Reads("d/dw loss")),
    ("lr = 1/10", "w - lr*x", Reads("w - lr·x")),
    ("g(x) = 3xy", "g(x) = 3xy", Reads("g(x) = 3·x·y")),
    ("relu(x) = (x + abs(x))/2", "relu(2)", Reads("relu(2)")),
    ("speed(t) = 3t^2", "speed'(t)", Reads("speed′(t)")),
    ("f(x, y) = x^2 y", "∇f", Reads("∇(f)")),
    ("f(x) = x^2", "f'(2)", Reads("f′(2)")),
    ("", "read (e^x)' = e^x", Reads("(e^x)′ = e^x")),
    (
        "",
        "read d/dx f(g(x)) = f'(g(x)) g'(x)",
        Reads("d/dx f(g(x)) = f′(g(x)) g′(x)"),
    ),
    (
        "",
        "read (f g)' = f' g + f g'",
        Reads("(f g)′ = f′ g + f g′"),
    ),
    ("", "read Σ x_i", Reads("Σ_{i=1}^{n} x_i")),
    ("", "read x^T A x", Reads("xᵀAx   (x: n×1, A: n×n)")),
    ("", "read ∂L/∂w", Reads("∂L/∂w")),
    // `\partial` inline, as papers write it outside a \frac, is ∂.
    ("", "read \\partial L/\\partial w", Reads("∂L/∂w")),
    ("L = (w x - 1)^2", "\\partial L/\\partial w", Reads("∂L/∂w")),
    ("", "\\partial/\\partial x x^2 y", Reads("∂/∂x (x²·y)")),
    // A function's argument without brackets may be a call: σ(z) is the sigmoid there too,
    // not σ times z.
    ("", "d/dz ln σ(z)", Reads("d/dz ln(σ(z))")),
    ("", "d/dx ln sigma(x)", Reads("d/dx ln(σ(x))")),
    ("", "d/dx sin 2σ(x)", Reads("d/dx sin(2·σ(x))")),
    (
        "",
        "d/dz1 ln softmax(z1, z2, z3)_1",
        Reads("d/dz1 ln((e^z1)/(e^z1 + e^z2 + e^z3))"),
    ),
    ("f(x) = x^2", "ln f(3)", Reads("ln(f(3))")),
    ("", "sin x(x+1)", Reads("sin(x·(x + 1))")),
    ("", "√σ(z)", Reads("√(σ(z))")),
    // Letters against σ multiply its call (Swish is written xσ(x)); a power before the
    // bracket is the call's, as sin²(x) is.
    ("", "xσ(x)", Reads("x·σ(x)")),
    ("", "σ^2(z)", Reads("σ(z)²")),
    ("", "2σ²(z)", Reads("2·σ(z)²")),
    ("", "√sin(x)", Reads("√(sin(x))")),
    ("f(x) = x^2 + 1", "√f(x)", Reads("√(f(x))")),
    ("", "√x(x+1)", Reads("√x·(x + 1)")),
    // A space after the order, as LaTeX sources often have it, is notation too.
    ("", "read \\partial^2 L/\\partial w^2", Reads("∂²L/∂w²")),
    ("", "read d^2 y/dx^2", Reads("d²y/dx²")),
    ("y = x^3", "d^2 y/dx^2", Reads("d²y/dx²")),
    // A LaTeX command where none fits is named whole, from its backslash.
    ("", "w \\leftarrow 3", Fails("found '\\leftarrow'", 2)),
];

const PLAIN: TextOptions = TextOptions {
    unicode: true,
    quiet: false,
};

#[test]
fn the_table_covers_at_least_two_hundred_lines() {
    assert!(CASES.len() >= 200, "{} cases", CASES.len());
}

#[test]
fn each_line_reads_as_the_table_says_in_text() {
    for (setup, input, want) in CASES {
        let mut session = Session::new();
        if !setup.is_empty() {
            session
                .answer(setup)
                .unwrap_or_else(|e| panic!("{setup}: {e:?}"));
        }
        match (session.answer(input), want) {
            (Ok(outcome), Reads(reading)) => {
                let text = render_text(&outcome, PLAIN);
                let shown = text
                    .lines()
                    .find_map(|l| l.strip_prefix("Reading: "))
                    .unwrap_or_else(|| panic!("{input}: no Reading line in\n{text}"));
                assert_eq!(shown, *reading, "{input}");
            }
            (Err(e), Fails(words, start)) => {
                assert!(e.message.contains(words), "{input}: {}", e.message);
                assert_eq!(e.span.map(|s| s.start), Some(*start), "{input}: {e:?}");
            }
            (Ok(outcome), Fails(words, _)) => {
                panic!("{input} was answered ({outcome:?}), but should fail with {words}")
            }
            (Err(e), Reads(reading)) => panic!("{input} failed ({e:?}), but should read {reading}"),
        }
    }
}

/// One piped process for the whole table: `reset` before each case keeps them apart.
#[test]
fn each_line_reads_as_the_table_says_in_json() {
    let mut stdin = String::new();
    for (setup, input, _) in CASES {
        stdin.push_str("reset\n");
        if !setup.is_empty() {
            stdin.push_str(setup);
            stdin.push('\n');
        }
        stdin.push_str(input);
        stdin.push('\n');
    }
    let out = Command::cargo_bin("nudge")
        .expect("binary")
        .args(["--format", "json"])
        .write_stdin(stdin)
        .output()
        .expect("runs");
    let objects: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let mut next = objects.iter();
    for (setup, input, want) in CASES {
        let mut take = || next.next().expect("one object per line");
        assert_eq!(take()["kind"], "reset");
        if !setup.is_empty() {
            assert!(take().get("error").is_none(), "{setup}");
        }
        let object = take();
        assert_eq!(object["input"], *input);
        match want {
            Reads(reading) => assert_eq!(object["reading"], *reading, "{object}"),
            Fails(words, start) => {
                let message = object["error"]["message"].as_str().unwrap_or_default();
                assert!(message.contains(words), "{input}: {object}");
                assert_eq!(object["error"]["start"], *start, "{input}: {object}");
            }
        }
    }
}

/// The answers that were wrong before the policy: the Reading line is right, and so is the maths.
#[test]
fn letters_typed_together_give_the_textbook_answers() {
    for (setup, input, want) in [
        ("h(x, y) = x^2 + 3xy", "∂h/∂y", "3x"),
        ("", "d/dx 2xy", "2y"),
        ("", "d/dx xe^x", "e^x + x e^x"),
        ("", "d/dw (y - wx)^2", "-2x (y - w x)"),
        ("", "d/dx sin^(-1) x", "1/sqrt(1 - x^2)"),
        ("", "d/dx \\sin^{-1} x", "1/sqrt(1 - x^2)"),
        ("", "the derivative of x^2 at x = 3", "6"),
        ("", "d/dx x^2 at 3", "6"),
        ("", "integrate x^2", "x^3/3"),
        ("", "(e^x)''", "e^x"),
        ("", "(x^2)' at 2", "4"),
        ("", "d/dx 2pix", "2 pi"),
        ("", "sin² x", "sin(x) sin(x)"),
    ] {
        let mut session = Session::new();
        if !setup.is_empty() {
            session.answer(setup).expect("definition");
        }
        let got = session.answer(input).expect(input);
        let expected = Session::new().answer(want).expect(want);
        assert!(got.result().is_some(), "{input} has a result");
        assert_eq!(got.result(), expected.result(), "{input}");
    }
}

/// A note on how a run of letters was read comes once in a session, not on every line.
#[test]
fn a_reading_note_comes_the_first_time_only() {
    let mut session = Session::new();
    let mut text = |line: &str| render_text(&session.answer(line).expect(line), PLAIN);
    let first = text("d/dx 2xy");
    assert!(first.contains("Note: xy is read as x·y"), "{first}");
    let again = text("d/dy 2xy");
    assert!(!again.contains("xy is read"), "{again}");
    let other = text("wx + 1");
    assert!(other.contains("Note: wx is read as w·x"), "{other}");
    let kept = text("loss + 1");
    assert!(kept.contains("Note: loss is read as one name"), "{kept}");
}

/// Pieces learners type: runs of letters, names, numbers, functions, operators, brackets.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "x",
        "y",
        "t",
        "w",
        "xy",
        "wx",
        "3xy",
        "xe",
        "2pix",
        "abc",
        "theta",
        "eta",
        "loss",
        "lr",
        "w1",
        "x_0",
        "y_hat",
        "speed",
        "e",
        "pi",
        "2",
        "3.5",
        "1/2",
        "sin ",
        "cos(",
        "ln ",
        "sqrt(",
        "sin^2 ",
        "sin^-1 ",
        "tan⁻¹ ",
        "(",
        ")",
        " + ",
        " - ",
        "*",
        "/",
        "^",
        "^2",
        "²",
        " ",
        "|",
        "-",
        "x(",
        "xy(",
    ])
}

/// A Reading line, read again, is the same expression: the reading shows what was computed.
fn reads_back(typed: &str) -> Result<(), TestCaseError> {
    let Ok(parsed) = parse(typed) else {
        return Ok(());
    };
    let (first, var) = match &parsed.statement {
        Statement::Expr(node) => (lower(node), None),
        Statement::Derivative { body, var, .. } => (lower(body), Some(var.clone())),
        _ => return Ok(()),
    };
    let Ok(first) = first else {
        return Ok(());
    };
    for unicode in [true, false] {
        let shown = reading_of_statement(&parsed.statement, unicode);
        let again =
            parse(&shown).map_err(|e| TestCaseError::fail(format!("{typed} → {shown}: {e:?}")))?;
        let (back, back_var) = match &again.statement {
            Statement::Expr(node) => (lower(node), None),
            Statement::Derivative { body, var, .. } => (lower(body), Some(var.clone())),
            other => return Err(TestCaseError::fail(format!("{typed} → {shown}: {other:?}"))),
        };
        prop_assert_eq!(back, Ok(first.clone()), "{} → {}", typed, shown);
        prop_assert_eq!(&back_var, &var, "{} → {}", typed, shown);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_reading_parses_back_to_the_same_expression(pieces in prop::collection::vec(piece(), 1..9)) {
        reads_back(&pieces.concat())?;
    }

    #[test]
    fn a_derivative_reading_parses_back_to_the_same_question(pieces in prop::collection::vec(piece(), 1..7)) {
        reads_back(&format!("d/dx {}", pieces.concat()))?;
    }
}
