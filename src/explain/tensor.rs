//! Sums, vectors and matrices, said: shapes declared and shown, the slope of a sum term by
//! term, and identities for gradients and Jacobians with the shape at every step.

use super::doc::{Block, Doc, Inline, Line, Math, Quiet, Span, Spelled, Step, StepItem, Tag};
use super::labelled;
use crate::expr::{operator, unicode_name, Style};
use crate::tensor::{
    text, ByEntries, IdentityAnswer, IdentityStep, MatrixRule, Shape, ShapedAnswer, SumAnswer,
    SumTerm, SumWay, Tensor, TensorAnswer,
};
use std::rc::Rc;

/// The body of an answer with shapes, after the reading; its words spelled in ASCII
/// (`xᵀ` as `x^T`, `‖u‖` as `||u||`) when the presenter asks for ASCII.
pub fn tensor(answer: &TensorAnswer) -> Doc {
    let mut doc = said(answer);
    for block in &mut doc.blocks {
        match block {
            Block::Words(line) | Block::Note(line) | Block::Paragraph(line) => spell_line(line),
            Block::Steps(items) => items.iter_mut().for_each(spell_item),
            _ => {}
        }
    }
    doc
}

fn spell_item(item: &mut StepItem) {
    if let StepItem::Step(step) = item {
        step.lines.iter_mut().for_each(spell_line);
        step.children.iter_mut().for_each(spell_item);
    }
}

fn spell_line(line: &mut Line) {
    for span in line.iter_mut() {
        if let Inline::Text(words) = &span.content {
            let words = words.clone();
            span.content = Inline::Spelled(Spelled(Rc::new(move |style: Style| {
                if style.unicode {
                    words.clone()
                } else {
                    plain(&words)
                }
            })));
        }
    }
}

/// The symbols of these answers as nudge's ASCII input writes them.
fn plain(words: &str) -> String {
    const SPELLINGS: [(&str, &str); 17] = [
        ("⁻ᵀ", "^-T"),
        ("⁻¹", "^-1"),
        ("ᵀ", "^T"),
        ("‖", "||"),
        ("⊙", ".*"),
        ("Σₖ", "sum_k"),
        ("Σ", "sum"),
        ("ᵢⱼ", "_ij"),
        ("ᵢ", "_i"),
        ("ⱼ", "_j"),
        ("ₖ", "_k"),
        ("δ", "delta"),
        ("′", "'"),
        ("√", "sqrt"),
        ("−", "-"),
        ("·", "*"),
        ("×", "x"),
    ];
    SPELLINGS
        .iter()
        .fold(words.to_string(), |w, (from, to)| w.replace(from, to))
}

fn said(answer: &TensorAnswer) -> Doc {
    match answer {
        TensorAnswer::Declared(ds) => {
            let lines: Vec<Block> = ds
                .iter()
                .map(|d| {
                    let what = if d.symmetric {
                        format!("{} (equal to its own transpose)", d.shape.describe(true))
                    } else {
                        d.shape.describe(true)
                    };
                    Block::Words(vec![
                        Span::tagged(unicode_name(&d.name), Tag::Answer),
                        format!(" is {what}{}.", filling(&d.shape)).into(),
                    ])
                })
                .collect();
            Doc {
                blocks: lines,
                quiet: Quiet::Nothing,
            }
        }
        TensorAnswer::Shaped(s) => shaped(s),
        TensorAnswer::Sum(s) => sum(s),
        TensorAnswer::Identity(a) => identity(a),
        TensorAnswer::Read(found) => super::tensor_read::read(found),
        TensorAnswer::Gradient(parts) => gradient(parts),
    }
}

/// ": n numbers stacked in a column", ": m rows of n numbers".
fn filling(shape: &Shape) -> String {
    if shape.is_scalar() {
        String::new()
    } else if shape.is_column() {
        format!(": {} numbers stacked in a column", shape.rows)
    } else {
        format!(": {} rows of {} numbers", shape.rows, shape.cols)
    }
}

fn tensor_math(t: &Tensor) -> Span {
    Math::Tensor(t.clone()).into()
}

fn shaped(s: &ShapedAnswer) -> Doc {
    let blocks = vec![Block::Gap, labelled_shape(&s.expr, &s.shape)];
    Doc {
        blocks,
        quiet: Quiet::Result(vec![tensor_math(&s.expr)]),
    }
}

/// `Shape: xᵀAx is a number (1×1).`
fn labelled_shape(t: &Tensor, shape: &Shape) -> Block {
    Block::Words(vec![
        Span::tagged("Shape:", Tag::Label),
        " ".into(),
        tensor_math(t),
        format!(" is {}.", sized(shape)).into(),
    ])
}

/// "a number (1×1)", "an n×1 column vector".
fn sized(shape: &Shape) -> String {
    if shape.is_scalar() {
        "a number (1×1)".into()
    } else {
        shape.describe(true)
    }
}

fn sum(s: &SumAnswer) -> Doc {
    let mut blocks = vec![Block::Gap];
    match &s.way {
        SumWay::Expanded { written, steps } => {
            blocks.push(Block::Words(vec![
                "The sum has few terms, so nudge writes it out, term by term: ".into(),
                Math::Expr(written.clone()).into(),
            ]));
            blocks.push(Block::Gap);
            blocks.push(Block::Steps(super::steps(
                std::slice::from_ref(steps),
                false,
            )));
        }
        SumWay::Linear(terms) => {
            blocks.push(Block::Words(vec![
                "Sum rule, term by term: the slope of a sum is the sum of the slopes, so nudge differentiates the general term once, for any i, and adds the slopes up.".into(),
            ]));
            for t in terms {
                blocks.push(Block::Gap);
                blocks.extend(sum_term(t, &s.var));
            }
        }
    }
    blocks.push(Block::Gap);
    let var = s.var.clone();
    let of = s.of.clone();
    let lhs = Spelled(Rc::new(move |style: Style| {
        format!(
            "{} {}",
            operator(&var, 1, false, style.unicode),
            bracketed(&of, style.unicode)
        )
    }));
    blocks.push(Block::Words(vec![
        lhs.into(),
        " = ".into(),
        Span::tagged(Math::Tensor(s.result.clone()), Tag::Answer),
    ]));
    Doc {
        blocks,
        quiet: Quiet::Result(vec![tensor_math(&s.result)]),
    }
}

/// `∇_(w, b) L`: the slope by each number in turn, then the gradient as a vector.
fn gradient(parts: &[SumAnswer]) -> Doc {
    let mut blocks = Vec::new();
    for s in parts {
        blocks.push(Block::Gap);
        blocks.push(Block::Words(vec![Span::tagged(
            format!("By {}:", unicode_name(&s.var)),
            Tag::Label,
        )]));
        blocks.extend(sum(s).blocks);
    }
    let names: Vec<String> = parts.iter().map(|s| s.var.to_string()).collect();
    let results: Vec<Tensor> = parts.iter().map(|s| s.result.clone()).collect();
    let of = parts.first().map(|s| s.of.clone());
    let lhs = Spelled(Rc::new(move |style: Style| {
        let names: Vec<String> = names
            .iter()
            .map(|n| {
                if style.unicode {
                    unicode_name(n)
                } else {
                    n.clone()
                }
            })
            .collect();
        let nabla = if style.unicode { "∇" } else { "grad" };
        let body = of
            .as_ref()
            .map(|t| bracketed(t, style.unicode))
            .unwrap_or_default();
        format!("{nabla}_{{{}}} {body} =", names.join(", "))
    }));
    let tuple = Spelled(Rc::new(move |style: Style| {
        let shown: Vec<String> = results.iter().map(|r| text(r, style.unicode)).collect();
        format!("({})", shown.join(", "))
    }));
    blocks.push(Block::Gap);
    blocks.push(Block::Words(vec![
        lhs.into(),
        " ".into(),
        Span::tagged(tuple.clone(), Tag::Answer),
    ]));
    Doc {
        blocks,
        quiet: Quiet::Result(vec![tuple.into()]),
    }
}

fn bracketed(t: &Tensor, unicode: bool) -> String {
    let written = text(t, unicode);
    if matches!(t, Tensor::Add(_)) {
        format!("({written})")
    } else {
        written
    }
}

fn sum_term(t: &SumTerm, var: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    if let (Some(r), Some(j)) = (&t.range, &t.picked) {
        let (i, j, w) = (r.index.to_string(), j.to_string(), unicode_name(var));
        blocks.push(Block::Words(vec![format!(
            "Only the term with {i} = {j} moves when {w} is nudged: every other term holds another weight, so its slope is 0. (This picking out is the Kronecker delta: δ_{i}{j} is 1 when {i} = {j} and 0 otherwise, so Σ_{i} δ_{i}{j}·(…) keeps the one term {i} = {j}.)"
        )
        .into()]));
    } else if t.range.is_some() {
        blocks.push(Block::Words(vec![
            "The general term, for any i: ".into(),
            Math::Expr(t.body.clone()).into(),
        ]));
    }
    blocks.push(Block::Steps(super::steps(
        std::slice::from_ref(&t.steps),
        false,
    )));
    if let (Some(r), Some(j)) = (&t.range, &t.picked) {
        blocks.push(Block::Words(vec![
            format!("Put {} = {j}: ", r.index).into(),
            tensor_math(&t.slope),
        ]));
    }
    blocks
}

fn identity(a: &IdentityAnswer) -> Doc {
    let env = crate::tensor::Env {
        names: a.shapes.clone(),
        symmetric: a.symmetric.clone(),
        ..Default::default()
    };
    let mut blocks = vec![Block::Gap];
    blocks.push(Block::Words(shape_story(&a.of, &a.of_shape, &env)));
    let v = unicode_name(&a.var);
    let layout = if a.jacobian {
        format!(
            "the Jacobian has a row for each of the {} entries of {} and a column for each of the {} entries of {v} ({}): row i holds the slopes of entry i as each entry of {v} is nudged.",
            a.of_shape.rows,
            text(&a.of, true),
            a.var_shape.rows,
            a.result_shape.size(true),
        )
    } else {
        format!(
            "the gradient has the shape of {v} ({}): its entry in each place is the slope as only that entry of {v} is nudged.",
            a.var_shape.size(true)
        )
    };
    blocks.push(labelled("Layout:", &layout));
    blocks.push(Block::Gap);
    blocks.push(Block::Steps(vec![step_item(
        &a.steps, None, a.jacobian, &a.var,
    )]));
    if let Some(line) = shares_line(a) {
        blocks.push(Block::Words(line));
    }
    if let Some(name) = a.symmetric.iter().find(|n| a.of.mentions(n)) {
        blocks.push(Block::Note(vec![format!(
            "{} was declared symmetric, so {}ᵀ = {} and the two shares are equal.",
            unicode_name(name),
            unicode_name(name),
            unicode_name(name)
        )
        .into()]));
    }
    if let Some(line) = index_form(a) {
        blocks.push(Block::Paragraph(line));
    }
    if let Some(route) = &a.by_entries {
        blocks.extend(entry_by_entry(route, a));
    }
    blocks.push(Block::Gap);
    let (var, of, partial) = (a.var.clone(), a.of.clone(), true);
    let lhs = Spelled(Rc::new(move |style: Style| {
        format!(
            "{} {}",
            operator(&var, 1, partial, style.unicode),
            bracketed(&of, style.unicode)
        )
    }));
    blocks.push(Block::Words(vec![
        lhs.into(),
        " = ".into(),
        Span::tagged(
            Math::Sized {
                of: a.result.clone(),
                shape: a.result_shape.clone(),
            },
            Tag::Answer,
        ),
        format!(
            "   ({}, {})",
            a.result_shape.describe(true),
            if a.jacobian {
                "outputs down, inputs across"
            } else {
                "the shape of the variable"
            }
        )
        .into(),
    ]));
    Doc {
        blocks,
        quiet: Quiet::Result(vec![tensor_math(&a.result)]),
    }
}

/// For xᵀAx by x, the walk from index form to matrix form, in the learner's names.
fn index_form(a: &IdentityAnswer) -> Option<Line> {
    let Tensor::Mul(fs) = &a.of else {
        return None;
    };
    let [Tensor::Transpose(first), Tensor::Name(m), Tensor::Name(last)] = fs.as_slice() else {
        return None;
    };
    let Tensor::Name(x) = first.as_ref() else {
        return None;
    };
    if x != last || **x != *a.var {
        return None;
    }
    let (x, m) = (unicode_name(x), unicode_name(m));
    Some(vec![format!(
        "In index form, {x}ᵀ{m}{x} = Σ_i Σ_j {x}_i {m}_ij {x}_j. Nudging {x}_k moves the terms with i = k, by Σ_j {m}_kj {x}_j = ({m}{x})_k, and the terms with j = k, by Σ_i {x}_i {m}_ik = ({m}ᵀ{x})_k. So ∂/∂{x}_k = ({m}{x})_k + ({m}ᵀ{x})_k for every k, which is the matrix form {m}{x} + {m}ᵀ{x}."
    )
    .into()])
}

/// The same slope entry by entry, each entry with its own steps, arranged in the
/// variable's shape and set beside the identity's answer at this size.
fn entry_by_entry(route: &ByEntries, a: &IdentityAnswer) -> Vec<Block> {
    let v = unicode_name(&a.var);
    let mut blocks = vec![
        Block::Gap,
        Block::Words(vec![
            "Entry by entry, to see why: with these sizes every part can be written out.".into(),
        ]),
    ];
    for (name, grid) in &route.written {
        blocks.push(Block::Words(vec![
            format!("{} =", unicode_name(name)).into()
        ]));
        blocks.push(Block::Matrix(grid.clone()));
    }
    if let [row] = route.formula.as_slice() {
        if let [one] = row.as_slice() {
            blocks.push(Block::Words(vec![
                "Written out: ".into(),
                Math::Expr(one.clone()).into(),
            ]));
        }
    }
    let all: Vec<crate::calculus::Step> = route.steps.iter().flatten().cloned().collect();
    blocks.push(Block::Steps(super::steps(&all, true)));
    let arranged = if a.jacobian {
        "Arranged with outputs down and entries across, the Jacobian:".to_string()
    } else {
        format!("Arranged in the shape of {v}:")
    };
    blocks.push(Block::Words(vec![arranged.into()]));
    blocks.push(Block::Matrix(route.slopes.clone()));
    let verdict = if route.agree {
        "The identity's answer, written out at this size, has the same entries: "
    } else {
        "The identity's answer, written out at this size, does not have the same entries: "
    };
    blocks.push(Block::Words(vec![verdict.into(), tensor_math(&a.result)]));
    blocks
}

/// "xᵀ is 1×n, A is n×n and x is n×1, so xᵀAx is a number."
fn shape_story(of: &Tensor, shape: &Shape, env: &crate::tensor::Env) -> Line {
    let mut line: Line = vec![Span::tagged("Shapes:", Tag::Label), " ".into()];
    let parts: Vec<Tensor> = match of {
        Tensor::Mul(fs) => fs
            .iter()
            .filter(|f| !matches!(f, Tensor::Scalar(_)))
            .cloned()
            .collect(),
        Tensor::Pow(b, _) => match b.as_ref() {
            Tensor::Norm(u) => vec![(**u).clone()],
            _ => Vec::new(),
        },
        Tensor::Apply(_, u) | Tensor::Norm(u) => vec![(**u).clone()],
        Tensor::Add(ps) => ps.clone(),
        _ => Vec::new(),
    };
    for (k, p) in parts.iter().enumerate() {
        let s = env
            .clone()
            .infer(p)
            .map(|s| s.size(true))
            .unwrap_or_default();
        line.push(tensor_math(p));
        line.push(format!(" is {s}").into());
        line.push(
            match parts.len() - k {
                1 => ", so ",
                2 => " and ",
                _ => ", ",
            }
            .into(),
        );
    }
    line.push(tensor_math(of));
    line.push(format!(" is {}.", sized(shape)).into());
    line
}

/// When the variable appears more than once, the shares it gets add up.
fn shares_line(a: &IdentityAnswer) -> Option<Line> {
    if a.jacobian {
        return None;
    }
    let mut shares = Vec::new();
    collect_shares(&a.steps, &mut shares);
    if shares.len() < 2 {
        return None;
    }
    let bilinear = matches!(&a.steps.part, Tensor::Mul(fs) if fs.iter().filter(|f| f.mentions(&a.var)).count() == 2);
    let sum = Tensor::Add(shares);
    let mut line: Line = vec![format!(
        "{} appears {}, so its shares add{}: ",
        unicode_name(&a.var),
        count_word(sum_len(&sum)),
        if bilinear {
            " (the product rule for a bilinear form)"
        } else {
            ""
        }
    )
    .into()];
    line.push(tensor_math(&sum));
    line.push(" = ".into());
    line.push(tensor_math(&a.result));
    Some(line)
}

fn sum_len(t: &Tensor) -> usize {
    match t {
        Tensor::Add(ps) => ps.len(),
        _ => 1,
    }
}

fn count_word(n: usize) -> String {
    match n {
        2 => "twice".into(),
        3 => "three times".into(),
        n => format!("{n} times"),
    }
}

fn collect_shares(step: &IdentityStep, out: &mut Vec<Tensor>) {
    if step.rule == MatrixRule::Variable {
        out.push(step.slope.clone());
    }
    for s in &step.substeps {
        collect_shares(s, out);
    }
}

fn step_item(
    step: &IdentityStep,
    label: Option<&'static str>,
    jacobian: bool,
    var: &str,
) -> StepItem {
    let shape = step.shape.size(true);
    let what = if jacobian {
        format!("{shape}; its Jacobian by {}: ", unicode_name(var))
    } else {
        format!("{shape}; the slope of the whole by it: ")
    };
    let mut lines = vec![vec![what.into(), tensor_math(&step.slope)]];
    lines.push(vec![Span::tagged(
        explanation(step.rule, jacobian),
        Tag::Quiet,
    )]);
    StepItem::Step(Step {
        label,
        title: title(step.rule),
        equation: Math::Sized {
            of: step.part.clone(),
            shape: step.shape.clone(),
        },
        lines,
        children: step
            .substeps
            .iter()
            .map(|s| step_item(s, None, jacobian, var))
            .collect(),
        closing: None,
    })
}

fn title(rule: MatrixRule) -> &'static str {
    match rule {
        MatrixRule::Variable => "the variable itself",
        MatrixRule::Sum => "sum rule",
        MatrixRule::ConstantMultiple => "constant multiple",
        MatrixRule::MatrixProduct => "chain rule as a matrix product",
        MatrixRule::Transpose => "transpose",
        MatrixRule::SquaredLength => "squared length",
        MatrixRule::Length => "length",
        MatrixRule::Power => "power rule",
        MatrixRule::DotProduct => "dot product",
        MatrixRule::Trace => "trace",
        MatrixRule::Determinant => "determinant (Jacobi's formula)",
        MatrixRule::LogDet => "log-determinant",
        MatrixRule::Log => "natural log",
        MatrixRule::Quotient => "quotient rule",
        MatrixRule::Elementwise => "entry by entry",
        MatrixRule::Hadamard => "entry-by-entry product",
        MatrixRule::Inverse => "inverse",
        MatrixRule::Softmax => "softmax",
    }
}

fn explanation(rule: MatrixRule, jacobian: bool) -> &'static str {
    match (rule, jacobian) {
        (MatrixRule::Variable, false) => "This share of the slope ends here, at the variable.",
        (MatrixRule::Variable, true) => "Nudging one entry moves that entry alone: the Jacobian of a vector by itself is I.",
        (MatrixRule::Sum, _) => "The slope of a sum is the sum of the slopes: each part gets the same.",
        (MatrixRule::ConstantMultiple, _) => "A number in front multiplies the slope.",
        (MatrixRule::MatrixProduct, false) => "In a product L F R, the factor F gets Lᵀ·(slope)·Rᵀ: what stands to its left, turned on its side, goes on the left; what stands to its right goes on the right.",
        (MatrixRule::MatrixProduct, true) => "A fixed matrix in front multiplies the Jacobian of what it acts on: ∂(M u)/∂x = M ∂u/∂x.",
        (MatrixRule::Transpose, _) => "Turning a part on its side turns its slope on its side too.",
        (MatrixRule::SquaredLength, _) => "‖u‖² = uᵀu = Σ uᵢ², and nudging uᵢ moves it by 2uᵢ: the slope by u is 2u.",
        (MatrixRule::Length, _) => "‖u‖ = √(uᵀu): the slope by u is u/‖u‖, one unit long in the direction of u.",
        (MatrixRule::Power, _) => "Bring the exponent down in front and reduce it by one, as for any number.",
        (MatrixRule::DotProduct, _) => "x · y = Σ xᵢyᵢ: nudging xᵢ moves it by yᵢ, so the slope by x is y, and by y is x.",
        (MatrixRule::Trace, _) => "tr(M) adds up the diagonal: each diagonal entry moves it one for one and the others not at all, so the slope by M is I.",
        (MatrixRule::Determinant, _) => "Nudging the entry Mᵢⱼ moves det M by its cofactor: the slope by M is det(M)·M⁻ᵀ.",
        (MatrixRule::LogDet, _) => "log det M moves by the cofactor divided by det M: the slope by M is M⁻ᵀ.",
        (MatrixRule::Log, _) => "The slope of ln u by u is 1/u: the slope arriving is divided by u.",
        (MatrixRule::Quotient, _) => "Dividing by a number divides the slope; the number below the bar gets −(slope)·top/bottom².",
        (MatrixRule::Elementwise, false) => "The function acts on each entry alone, so each entry's slope is multiplied by the function's slope there: (slope) ⊙ f′(u).",
        (MatrixRule::Elementwise, true) => "The function acts on each entry alone, so its Jacobian is diagonal, diag(f′(u)), and the chain rule multiplies it by the Jacobian inside.",
        (MatrixRule::Hadamard, _) => "Each entry of a ⊙ b is aᵢbᵢ: nudging aᵢ moves it by bᵢ, so the slope by a is (slope) ⊙ b.",
        (MatrixRule::Inverse, _) => "Nudging M moves M⁻¹ by −M⁻¹(dM)M⁻¹: the slope by M is −M⁻ᵀ·(slope)·M⁻ᵀ.",
        (MatrixRule::Softmax, _) => "sᵢ = e^(zᵢ)/Σₖ e^(zₖ) gives ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ): the Jacobian diag(s) − s sᵀ.",
    }
}
