//! Many-variable answers typeset: each partial's steps, then vectors and matrices as `pmatrix`.

use super::latex::rows;
use super::markup::{column, maths, pmatrix, point, words, Block, Inline, Row};
use super::prune::{prune, Limits};
use super::readings;
use super::text::{decimal, decimal_after, decimals_after, matrix_decimals};
use crate::calculus::motion::{Length, Motion, MotionAt};
use crate::calculus::multivar::{Derivation, Direction, Directional, Exact, GradientAt, Value};
use crate::calculus::{SoftmaxJacobian, Step};
use crate::engine::{MatrixAt, MultivarAnswer, Named};
use crate::expr::{latex_name, latex_operand, latex_operator, Expr, Kind, Symbol};

pub(super) fn blocks(answer: &MultivarAnswer) -> Vec<Block> {
    let mut out = Vec::new();
    match answer {
        // Presented from their document: `render_latex` never sends these here.
        MultivarAnswer::MixedPartial { .. } | MultivarAnswer::Hessian { .. } => {}
        MultivarAnswer::Gradient {
            body,
            name,
            vars,
            partials,
            at,
            softmax,
        } => {
            let (f, said) = function(name.as_ref());
            introduce(&mut out, body, &f, vars);
            out.push(sentence(&readings::gradient(&said)));
            partial_steps(&mut out, partials, &f);
            out.push(Block::Display(format!(
                "\\nabla {f} = {}",
                column(&latex_all(&results(partials)))
            )));
            if let Some(s) = softmax {
                out.push(Block::Display(format!(
                    "\\nabla {f} = {}",
                    softmax_call(&s.inputs)
                )));
            }
            if let Some(at) = at {
                gradient_at(&mut out, at, &f, &said);
            }
        }
        MultivarAnswer::Directional {
            body,
            name,
            vars,
            partials,
            directional,
        } => {
            let (f, said) = function(name.as_ref());
            introduce(&mut out, body, &f, vars);
            out.push(sentence(&readings::directional(&said)));
            partial_steps(&mut out, partials, &f);
            directional_blocks(&mut out, directional, &f, &said);
        }
        MultivarAnswer::Jacobian {
            outputs,
            vars,
            rows: entries,
            at,
            softmax,
        } => {
            out.push(Block::Words(vec![
                words("Inputs (columns): "),
                maths(names(vars)),
                words("."),
            ]));
            out.push(sentence(readings::JACOBIAN));
            for (i, (f, row)) in outputs.iter().zip(entries).enumerate() {
                out.push(Block::Words(vec![
                    words(format!("Row {}, output ", i + 1)),
                    maths(f.latex()),
                    words(":"),
                ]));
                let mut shown = Vec::new();
                for (j, d) in row.iter().enumerate() {
                    for step in &d.steps {
                        labelled(step, &format!("column {}", j + 1), true, &mut shown);
                    }
                }
                out.push(steps(shown));
            }
            matrix(&mut out, "J", entries, at.as_ref());
            if let Some(shaped) = softmax {
                softmax_jacobian(&mut out, shaped);
            }
        }
        MultivarAnswer::Motion { motion: m, named } => motion(&mut out, m, named.as_ref()),
        MultivarAnswer::Literal {
            rows,
            matrix,
            decimals,
        } => {
            let cells: Vec<Vec<String>> = rows.iter().map(|r| latex_all(r)).collect();
            let mut shown = match (matrix, cells.first()) {
                (false, Some(entries)) => column(entries),
                _ => pmatrix(&cells),
            };
            let exact = rows.first().map_or(&[][..], Vec::as_slice);
            if let Some(d) = decimals_after(exact, decimals.clone()) {
                shown.push_str(&format!(" \\approx {}", column(&d)));
            }
            out.push(Block::Display(shown));
        }
    }
    out
}

fn sentence(text: &str) -> Block {
    Block::Words(vec![words(text)])
}

fn steps(rows: Vec<Row>) -> Block {
    Block::Steps {
        reading: None,
        rows,
        closing: Vec::new(),
    }
}

/// One step tree, its first row labelled ("column 2, partial derivative").
fn labelled(step: &Step, label: &str, partial: bool, out: &mut Vec<Row>) {
    rows(&prune(step, Limits::TEXT), Some(label), 0, partial, out);
}

/// The function's name in LaTeX and in words: the learner's own, or f for a formula typed out.
fn function(name: Option<&Symbol>) -> (String, String) {
    let latex = name.map_or_else(|| "f".to_string(), |n| latex_name(n));
    (latex, readings::function_name(name))
}

/// `f = x^{2} + y^{2}`, with variables …: `f` is the function's name in LaTeX.
fn introduce(out: &mut Vec<Block>, body: &Expr, f: &str, vars: &[Symbol]) {
    out.push(Block::Words(vec![
        maths(format!("{f} = {}", body.latex())),
        words(", with variables "),
        maths(names(vars)),
        words(" (in this order)."),
    ]));
}

/// Each partial's steps, ending with what it comes to: ∂f/∂x = …, `f` the function's name in LaTeX.
fn partial_steps(out: &mut Vec<Block>, partials: &[Derivation], f: &str) {
    for d in partials {
        let mut shown = Vec::new();
        for s in &d.steps {
            rows(&prune(s, Limits::TEXT), None, 0, true, &mut shown);
        }
        let x = d.vars.first().map(|v| latex_name(v)).unwrap_or_default();
        out.push(Block::Steps {
            reading: None,
            rows: shown,
            closing: vec![(
                "so".to_string(),
                format!(
                    "\\frac{{\\partial {f}}}{{\\partial {x}}} = {}",
                    d.result.latex()
                ),
            )],
        });
    }
}

/// ∇f at a point; `f` is the function's name in LaTeX, `said` in words.
fn gradient_at(out: &mut Vec<Block>, at: &GradientAt, f: &str, said: &str) {
    let p = point(&latex_all(&at.point));
    let vector = column(&latex_all(&exact(&at.vector)));
    let squares: Vec<String> = at.vector.iter().map(|v| squared(&v.exact)).collect();
    out.push(Block::Display(format!("\\nabla {f}{p} = {vector}")));
    out.push(Block::Words(vec![
        words("Its length: "),
        maths(format!(
            "\\left|\\nabla {f}\\right| = \\sqrt{{{}}} = {}",
            squares.join(" + "),
            approx(&at.length.exact, Some(at.length.approx))
        )),
        words("."),
    ]));
    match &at.direction {
        Some(dir) => {
            out.push(Block::Words(vec![
                words("Steepest ascent: "),
                maths(format!(
                    "\\frac{{\\nabla {f}}}{{\\left|\\nabla {f}\\right|}} = {}",
                    direction(dir)
                )),
                words("; steepest descent: "),
                maths(format!(
                    "-\\nabla {f} = {}",
                    column(&latex_all(&at.descent))
                )),
                words("."),
            ]));
            let rate = decimal((at.length.approx * 100.0).round() / 100.0);
            out.push(sentence(&readings::steepest(
                said,
                &tuple(&at.point),
                &tuple(&dir.along),
                &rate,
                &format!("−∇{said}"),
            )));
        }
        None => out.push(sentence(&readings::flat(&tuple(&at.point)))),
    }
}

/// The slope along a direction; `f` is the function's name in LaTeX, `said` in words.
fn directional_blocks(out: &mut Vec<Block>, d: &Directional, f: &str, said: &str) {
    let p = point(&latex_all(&d.at.point));
    out.push(Block::Display(format!(
        "\\nabla {f}{p} = {}",
        column(&latex_all(&exact(&d.at.vector)))
    )));
    let squares: Vec<String> = d.along.iter().map(squared).collect();
    out.push(Block::Words(vec![
        words("Direction "),
        maths(point(&latex_all(&d.along))),
        words(": its length is "),
        maths(format!(
            "\\sqrt{{{}}} = {}",
            squares.join(" + "),
            d.length_of_along.latex()
        )),
        words(", so "),
        maths(format!("\\mathbf{{u}} = {}", direction(&d.unit))),
        words("."),
    ]));
    let products: Vec<String> =
        d.at.vector
            .iter()
            .zip(&d.along)
            .map(|(g, a)| format!("{} \\cdot {}", latex_operand(&g.exact), latex_operand(a)))
            .collect();
    let length = d.length_of_along.latex();
    out.push(Block::Display(format!(
        "\\nabla {f} \\cdot \\mathbf{{u}} = \\frac{{{}}}{{{length}}} = \\frac{{{}}}{{{length}}} = {}",
        products.join(" + "),
        d.dot.latex(),
        approx(&d.value.exact, Some(d.value.approx))
    )));
    out.push(sentence(&readings::directional_sign(said, d.value.approx)));
}

fn matrix(out: &mut Vec<Block>, name: &str, entries: &[Vec<Derivation>], at: Option<&MatrixAt>) {
    let cells: Vec<Vec<String>> = entries
        .iter()
        .map(|row| row.iter().map(|d| d.result.latex()).collect())
        .collect();
    out.push(Block::Display(format!("{name} = {}", pmatrix(&cells))));
    let Some(at) = at else {
        return;
    };
    let exact: Vec<Vec<String>> = at
        .values
        .iter()
        .map(|row| row.iter().map(|v| v.exact.latex()).collect())
        .collect();
    let mut shown = format!(
        "{name}{} = {}",
        point(&latex_all(&at.point)),
        pmatrix(&exact)
    );
    if let Some(decimals) = matrix_decimals(&at.values) {
        shown.push_str(&format!(" \\approx {}", pmatrix(&decimals)));
    }
    out.push(Block::Display(shown));
}

/// `\operatorname{softmax}\left(z_{1}, z_{2}\right)`.
fn softmax_call(inputs: &[Expr]) -> String {
    format!(
        "\\operatorname{{softmax}}\\left({}\\right)",
        latex_all(inputs).join(", ")
    )
}

/// A softmax Jacobian in its shares: s_i(δ_ij − s_j), and diag(s) − s sᵀ when square.
fn softmax_jacobian(out: &mut Vec<Block>, shaped: &SoftmaxJacobian) {
    let softmax = &shaped.softmax;
    let s = Expr::symbol(softmax.letter.clone()).latex();
    out.push(Block::Words(vec![
        words("The shape papers print: with "),
        maths(format!("{s} = {}", softmax_call(&softmax.inputs))),
        words(", each entry is "),
        maths(format!(
            "\\frac{{\\partial {s}_i}}{{\\partial z_j}} = {s}_i \\left(\\delta_{{ij}} - {s}_j\\right)"
        )),
        words("."),
    ]));
    let cells: Vec<Vec<String>> = shaped
        .entries
        .iter()
        .map(|row| row.iter().map(Expr::latex).collect())
        .collect();
    let mut shown = format!("J = {}", pmatrix(&cells));
    if shaped.square {
        shown.push_str(&format!(
            " = \\operatorname{{diag}}\\left({s}\\right) - {s} {s}^{{\\top}}"
        ));
    }
    out.push(Block::Display(shown));
}

fn motion(out: &mut Vec<Block>, m: &Motion, named: Option<&Named>) {
    // Order 0 is the point itself, shown before its length.
    if m.order > 0 {
        out.push(sentence("Each coordinate is differentiated on its own."));
        let mut shown = Vec::new();
        for (i, d) in m.derivatives.iter().enumerate() {
            for step in &d.steps {
                labelled(step, &format!("coordinate {}", i + 1), false, &mut shown);
            }
        }
        out.push(steps(shown));
    }
    // Before an acceleration, the velocity it comes from.
    for k in 1..m.order {
        let middle: Vec<Expr> = m
            .derivatives
            .iter()
            .filter_map(|d| d.steps.get(k as usize - 1).map(|s| s.after.clone()))
            .collect();
        out.push(Block::Display(format!(
            "{} = {}",
            motion_label(m, named, k),
            column(&latex_all(&middle))
        )));
    }
    let lhs = motion_label(m, named, m.order);
    let velocity = results(&m.derivatives);
    out.push(Block::Display(format!(
        "{lhs} = {}",
        column(&latex_all(&velocity))
    )));
    if let Some(reading) = readings::time(&m.var, m.order) {
        out.push(sentence(reading));
    }
    if let Some(length) = &m.length {
        motion_length(out, m, length, &lhs, &velocity);
    }
    if let Some(at) = &m.at {
        motion_at(out, m, at, named);
    }
}

/// `|r'(t)| = √(…) = …`: the speed, or the length of a derivative vector.
fn motion_length(out: &mut Vec<Block>, m: &Motion, length: &Length, lhs: &str, velocity: &[Expr]) {
    let speed = m.order == 1 && readings::time(&m.var, 1).is_some();
    if speed {
        out.push(sentence(readings::SPEED));
    } else if m.order == 0 {
        out.push(sentence(readings::DISTANCE));
    }
    let squares: Vec<String> = velocity.iter().map(squared).collect();
    let mut forms = vec![
        format!("\\sqrt{{{}}}", squares.join(" + ")),
        format!("\\sqrt{{{}}}", length.squares.latex()),
    ];
    if let Some(tidied) = &length.tidied {
        forms.push(format!("\\sqrt{{{}}}", tidied.latex()));
    }
    forms.push(length.result.latex());
    forms.dedup();
    forms.pop();
    forms.push(approx(&length.result, length.value));
    let chain = format!("\\left|{lhs}\\right| = {}", forms.join(" = "));
    let word = if speed { "Speed: " } else { "Length: " };
    let mut line: Vec<Inline> = vec![words(word), maths(chain)];
    if length.tidied.is_some() {
        line.push(words(", since "));
        line.push(maths("\\sin^{2} + \\cos^{2} = 1"));
    }
    line.push(words("."));
    out.push(Block::Words(line));
}

/// `r''(t)`, `\frac{d r}{d t}`, or `\frac{d}{dt} (\cos t, \sin t, t)^T` for derivative `order`.
fn motion_label(m: &Motion, named: Option<&Named>, order: u32) -> String {
    match named {
        Some(Named::Prime { name, arg }) => format!(
            "{}{}\\left({}\\right)",
            latex_name(name),
            "'".repeat(order as usize),
            arg.latex()
        ),
        Some(n) => {
            let name = latex_name(n.name());
            let var = latex_name(&m.var);
            match order {
                1 => format!("\\frac{{d {name}}}{{d {var}}}"),
                k => format!("\\frac{{d^{{{k}}} {name}}}{{d {var}^{{{k}}}}}"),
            }
        }
        None => format!(
            "{} {}",
            latex_operator(&m.var, order, false),
            column(&latex_all(&m.components))
        ),
    }
}

/// The derivative vector at one time, `r'(2) = (…)^T ≈ (…)^T`, and its length there.
fn motion_at(out: &mut Vec<Block>, m: &Motion, at: &MotionAt, named: Option<&Named>) {
    let label = match named {
        Some(Named::Prime { name, .. }) => motion_label(
            m,
            Some(&Named::Prime {
                name: name.clone(),
                arg: at.value.clone(),
            }),
            m.order,
        ),
        _ => motion_label(m, named, m.order),
    };
    let exact = Exact::exacts(&at.vector);
    let mut shown = format!("{label} = {}", column(&latex_all(&exact)));
    if let Some(d) = decimals_after(&exact, Exact::decimals(&at.vector)) {
        shown.push_str(&format!(" \\approx {}", column(&d)));
    }
    out.push(Block::Words(vec![
        words("At "),
        maths(format!("{} = {}", latex_name(&m.var), at.value.latex())),
        words(":"),
    ]));
    out.push(Block::Display(shown));
    if let Some(length) = &at.length {
        out.push(Block::Display(format!(
            "\\left|{label}\\right| = {}",
            approx(&length.exact, length.approx)
        )));
    }
}

/// `\frac{1}{\sqrt{5}} (1, 2)^T ≈ (0.447214, 0.894427)^T`: a direction made one unit long.
fn direction(dir: &Direction) -> String {
    let along = column(&latex_all(&dir.along));
    let exact = if dir.norm.is_one() {
        along
    } else {
        format!("\\frac{{1}}{{{}}} {along}", dir.norm.latex())
    };
    let unit: Vec<String> = dir.unit.iter().map(|u| decimal(*u)).collect();
    format!("{exact} \\approx {}", column(&unit))
}

/// An exact value, with its decimal when it has one and is not a whole number.
fn approx(exact: &Expr, approx: Option<f64>) -> String {
    match decimal_after(exact, approx) {
        Some(d) => format!("{} \\approx {d}", exact.latex()),
        None => exact.latex(),
    }
}

/// `x^{2}`, `\left(2 x\right)^{2}`: a square written out, not worked out.
fn squared(e: &Expr) -> String {
    let bare = match e.kind() {
        Kind::Num(n) => n.is_integer() && !n.is_negative(),
        Kind::Var(_) | Kind::Const(_) => true,
        _ => false,
    };
    if bare {
        format!("{}^{{2}}", e.latex())
    } else {
        format!("\\left({}\\right)^{{2}}", e.latex())
    }
}

fn latex_all(entries: &[Expr]) -> Vec<String> {
    entries.iter().map(Expr::latex).collect()
}

fn exact(values: &[Value]) -> Vec<Expr> {
    values.iter().map(|v| v.exact.clone()).collect()
}

fn results(derivations: &[Derivation]) -> Vec<Expr> {
    derivations.iter().map(|d| d.result.clone()).collect()
}

fn names(vars: &[Symbol]) -> String {
    vars.iter()
        .map(|v| latex_name(v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `(1, 2)`, for words.
fn tuple(entries: &[Expr]) -> String {
    let shown: Vec<String> = entries.iter().map(Expr::unicode).collect();
    format!("({})", shown.join(", "))
}
