//! The words `read` says for each shape of notation, with the learner's own names in them.

use super::doc::{Block, Doc, Line, Quiet, Span, Spelled, Tag};
use crate::engine::notation::{is_matrix_input, NotationReading, Shape};
use crate::expr::superscript;
use crate::syntax::{prime_marks, unbold_letter, Name};
use std::rc::Rc;

/// `read NOTATION`: how it was read, then each part with its title and its meaning in prose.
pub fn notation(reading: &NotationReading) -> Doc {
    let mut blocks = vec![
        Block::Words(vec![
            Span::tagged("Reading:", Tag::Label),
            " ".into(),
            spelled(&reading.shown).into(),
        ]),
        Block::Gap,
    ];
    let mut quiet = Vec::new();
    for (i, e) in reading.shapes.iter().enumerate() {
        let w = words(&e.shape);
        if i > 0 {
            blocks.push(Block::Gap);
        }
        blocks.push(Block::Words(vec![
            Span::tagged(spelled(&e.shown), Tag::Label),
            " — ".into(),
            Span::tagged(spelled(&w.title), Tag::Rule),
        ]));
        blocks.push(Block::Paragraph(vec![spelled(&w.meaning).into()]));
        let line: Line = vec![
            spelled(&e.shown).into(),
            ": ".into(),
            spelled(&w.title).into(),
        ];
        quiet.push(line);
    }
    Doc {
        blocks,
        quiet: Quiet::Lines(quiet),
    }
}

/// Words about notation, spelled in ASCII by notation's own spelling (∇ is grad, ∂ is d).
fn spelled(text: &str) -> Spelled {
    let text = text.to_string();
    Spelled(Rc::new(move |style| {
        if style.unicode {
            text.clone()
        } else {
            ascii_text(&text)
        }
    }))
}

/// A short heading and the explanation of one shape.
pub struct Words {
    pub title: String,
    pub meaning: String,
}

/// The stable name of a shape, as JSON reports it.
pub fn shape_id(shape: &Shape) -> &'static str {
    match shape {
        Shape::Operator { .. } => "operator",
        Shape::Derivative { .. } => "derivative",
        Shape::Partial { .. } => "partial",
        Shape::MatrixGradient { .. } => "matrix_gradient",
        Shape::VectorGradient { .. } => "vector_gradient",
        Shape::Jacobian { .. } => "jacobian",
        Shape::VectorRate { .. } => "vector_rate",
        Shape::Higher { .. } => "higher_derivative",
        Shape::Mixed { .. } => "mixed_partial",
        Shape::Gradient { .. } => "gradient",
        Shape::Prime { .. } => "prime",
        Shape::Function { .. } => "function",
        Shape::SmallChange { .. } => "differential",
        Shape::Exp { .. } => "exp",
        Shape::NaturalLog { .. } => "natural_log",
        Shape::LogBase { .. } => "log_base",
        Shape::Integral { .. } => "integral",
        Shape::ChainRule { .. } => "chain_rule",
        Shape::GradientStep { .. } => "gradient_step",
        Shape::Expression { .. } => "expression",
        Shape::Unknown { .. } => "unknown",
    }
}

/// Notation and its explanation spelled in plain ASCII, for `--ascii`: ∂ → d, θ → theta, 𝐱 → x.
pub fn ascii_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_word = chars.peek().is_some_and(|n| n.is_alphanumeric());
        match c {
            '∂' => out.push('d'),
            '∇' if next_is_word => out.push_str("grad "),
            '∇' => out.push_str("grad"),
            '∫' => out.push_str("integral"),
            'ᵢ' => out.push_str("_i"),
            'ⱼ' => out.push_str("_j"),
            '′' => out.push('\''),
            '″' => out.push_str("''"),
            '·' => out.push('*'),
            '—' | '−' => out.push('-'),
            '≈' => out.push('~'),
            'π' => out.push_str("pi"),
            c if is_superscript_digit(c) => {
                out.push('^');
                out.push(superscript_digit(c));
                while let Some(d) = chars.peek().copied().filter(|d| is_superscript_digit(*d)) {
                    out.push(superscript_digit(d));
                    chars.next();
                }
            }
            _ => match (crate::expr::greek_name(c), unbold_letter(c)) {
                (Some(name), _) => out.push_str(name),
                (None, Some(plain)) => out.push(plain),
                (None, None) => out.push(c),
            },
        }
    }
    out
}

fn is_superscript_digit(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹')
}

fn superscript_digit(c: char) -> char {
    match c {
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁰' => '0',
        other => char::from_u32(other as u32 - '⁴' as u32 + '4' as u32).unwrap_or('?'),
    }
}

/// What a shape means, in the reading-first voice.
pub fn words(shape: &Shape) -> Words {
    let (title, meaning) = match shape {
        Shape::Operator {
            partial,
            order,
            var,
            operand,
        } => operator_words(*partial, *order, var, operand.as_deref()),
        Shape::Derivative { of, wrt } => {
            let (l, w) = (of.shown(), wrt.shown());
            (
                format!("the derivative of {l} with respect to {w}"),
                format!(
                    "How much {l} shifts when {w} is nudged: move {w} by a tiny amount and {l} moves by about d{l}/d{w} times that amount."
                ),
            )
        }
        Shape::Partial {
            of,
            wrt,
            others,
            could_be_jacobian,
        } => {
            let (l, w) = (of.shown(), wrt.shown());
            let mut meaning = format!(
                "How much {l} shifts when {w} is nudged, with every other {others} held fixed. That is what the curly d says: {l} has other inputs, and they stay put."
            );
            if *could_be_jacobian {
                meaning.push_str(&format!(
                    " If the paper prints {l} and {w} in bold, they are vectors and this is the Jacobian."
                ));
            }
            (
                format!("the partial derivative of {l} with respect to {w}"),
                meaning,
            )
        }
        Shape::MatrixGradient { of, wrt } => {
            let (l, w) = (of.shown(), wrt.shown());
            (
                format!("the gradient of {l} with respect to the matrix {w}"),
                format!(
                    "A matrix the same shape as {w} holding each element's partial derivative: the entry in row i, column j is ∂{l}/∂{w}ᵢⱼ, how much {l} shifts when that one weight is nudged and every other one is held fixed. A capital letter below the bar is a matrix of weights; this is what updates a layer's weight matrix in training."
                ),
            )
        }
        Shape::VectorGradient { of, wrt } => {
            let (l, w) = (of.shown(), wrt.shown());
            (
                format!("the gradient of {l} with respect to the vector {w}"),
                format!(
                    "A vector the same shape as {w} holding each element's partial derivative ∂{l}/∂{}ᵢ: one slope per entry of {w}. It points where {l} rises fastest, so gradient descent steps the other way.",
                    wrt.text
                ),
            )
        }
        Shape::Jacobian { of, wrt } => {
            let (y, x) = (of.shown(), wrt.shown());
            (
                format!("the Jacobian of {y} with respect to {x}"),
                format!(
                    "A table of partial derivatives, outputs down the rows, inputs across the columns: row i, column j holds ∂{}ᵢ/∂{}ⱼ, how much output i shifts when input j alone is nudged. Bold names are vectors, so there is one slope for every output and input pair. Backpropagation passes gradients from layer to layer through Jacobians.",
                    of.text, wrt.text
                ),
            )
        }
        Shape::VectorRate { of, wrt } => {
            let (y, t) = (of.shown(), wrt.shown());
            (
                format!("the derivative of the vector {y} with respect to {t}"),
                format!(
                    "A vector the same shape as {y}: each entry is how much that entry of {y} shifts when {t} is nudged. For a position moving in time, it is the velocity."
                ),
            )
        }
        Shape::Higher {
            of,
            wrt,
            order,
            partial,
        } => higher_words(of, wrt, *order, *partial),
        Shape::Mixed { of, first, second } => {
            let (l, x, y) = (of.shown(), first.shown(), second.shown());
            (
                format!("a mixed second partial derivative of {l}"),
                format!(
                    "Take the slope ∂{l}/∂{y}, then ask how much that slope shifts when {x} is nudged, everything else held fixed. All of these together, one for every pair of inputs, form the Hessian matrix; optimizers use it, and for reading the name is enough."
                ),
            )
        }
        Shape::Gradient { of, wrt } => gradient_words(of.as_ref(), wrt.as_ref()),
        Shape::Prime { name, primes, at } => prime_words(name, *primes, at.as_deref()),
        Shape::Function { name, args } => function_words(name, args),
        Shape::SmallChange { var } => {
            let out = if var == "y" { "z" } else { "y" };
            (
                format!("a tiny nudge of {var}"),
                format!(
                    "d{var} is the differential of {var}: a change in {var} so small that, over it, every smooth curve looks straight. In d{out}/d{var} it is the nudge below the bar, and d{out} is how far {out} moves in answer; in ∫ … d{var} it is the width of each thin strip, and it names {var} as the variable that moves."
                ),
            )
        }
        Shape::Exp { power } => (
            format!("e to the power {power}"),
            format!(
                "e^{power}, also written exp({power}), with e ≈ 2.71828. Its special property: e^x is its own slope, so nudging x grows e^x by e^x times the nudge. It sits inside softmax and the sigmoid."
            ),
        ),
        Shape::NaturalLog { arg, written_log } => {
            if *written_log {
                (
                    format!("the natural log of {arg}"),
                    format!(
                        "In AI writing, log with no base means the natural log ln {arg} (base e), not base 10: the power e must be raised to to give {arg}. Its slope is 1/{arg}. Log-likelihoods and cross-entropy losses use it."
                    ),
                )
            } else {
                (
                    format!("the natural log of {arg}"),
                    format!(
                        "ln {arg} is the power e must be raised to to give {arg}: it undoes e^x. Its slope is 1/{arg}, so it grows ever more slowly."
                    ),
                )
            }
        }
        Shape::LogBase { base, arg } => (
            format!("the log of {arg} to base {base}"),
            format!(
                "The power {base} must be raised to to give {arg}. It is ln {arg} / ln {base}, so its slope is 1/({arg}·ln {base}): base e is the one with no extra factor."
            ),
        ),
        Shape::Integral {
            bounds,
            integrand,
            var,
        } => integral_words(bounds.as_ref(), integrand, var),
        Shape::ChainRule { path } => chain_words(path),
        Shape::GradientStep {
            new,
            old,
            rate,
            loss,
            by: Some(w),
            ..
        } => {
            let l = loss.as_ref().map_or("the loss".to_string(), Name::shown);
            let w = w.shown();
            (
                "a gradient-descent step".to_string(),
                format!(
                    "One step of training for the weight {w}: the new {new} is the old {old} moved against the slope ∂{l}/∂{w}, scaled by the small step size {rate} (the learning rate). Where ∂{l}/∂{w} is positive, {l} rises as {w} grows, so {w} steps down; where it is negative, {w} steps up. Either way {l} drops a little. Backpropagation supplies ∂{l}/∂{w}; this line spends it."
                ),
            )
        }
        Shape::GradientStep {
            new,
            old,
            rate,
            loss,
            at,
            by: None,
        } => {
            let l = loss.as_ref().map_or("the loss".to_string(), Name::shown);
            let at = at.as_deref().unwrap_or_default();
            (
                "a gradient-descent step".to_string(),
                format!(
                    "One step of training: the new parameters {new} are the old ones {old}, moved against the gradient ∇{l}{at} by the small step size {rate} (the learning rate). The gradient points where {l} rises fastest, so stepping against it goes downhill: {l} drops a little with each step."
                ),
            )
        }
        Shape::Expression { reading } => (
            "an ordinary expression".to_string(),
            format!(
                "nudge reads this as {reading}. It is not notation to explain: type it without read to simplify it, or put d/dx in front to differentiate it."
            ),
        ),
        Shape::Unknown { symbol } => (
            "a symbol nudge does not know".to_string(),
            format!("nudge does not know {symbol}, so it does not guess what it means here."),
        ),
    };
    Words { title, meaning }
}

fn operator_words(
    partial: bool,
    order: u32,
    var: &Name,
    operand: Option<&str>,
) -> (String, String) {
    let x = var.shown();
    let what = operand.map_or("what follows".to_string(), str::to_string);
    let mut meaning = match (partial, order) {
        (false, 1) => format!(
            "An instruction, not a number: nudge {x} a little and ask how much {what} moves per unit of nudge. The result is the slope of {what}."
        ),
        (true, 1) => format!(
            "The same instruction as d/d{x}, with every other variable held fixed: only {x} is nudged, the rest act as constants."
        ),
        (_, n) => format!(
            "Take the slope with respect to {x} {n} times: the slope of the slope{}.",
            if n > 2 { ", and so on" } else { "" }
        ),
    };
    if operand.is_some() {
        meaning.push_str(" Type it without read and nudge works it out step by step.");
    }
    let title = match (partial, order) {
        (false, 1) => format!("take the derivative with respect to {x}"),
        (true, 1) => format!("take the partial derivative with respect to {x}"),
        (_, n) => format!("take derivative number {n} with respect to {x}"),
    };
    (title, meaning)
}

fn function_words(name: &Name, args: &[String]) -> (String, String) {
    let f = name.shown();
    let call = format!("{f}({})", args.join(", "));
    let listed = match args.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => args.join(""),
    };
    // The example's own inputs must not be the function's name: x(t) = t^2, not x(x) = x^2.
    let (a, b) = if matches!(f.as_str(), "x" | "y") {
        ("t", "u")
    } else {
        ("x", "y")
    };
    let what = if args.len() == 1 {
        "the input"
    } else {
        "the inputs"
    };
    let (inputs, slope, example) = if args.len() == 1 {
        (
            format!("its input is {listed}; {f} is the rule, {listed} the input"),
            format!("its derivative {f}′ says by how much {call} moves"),
            format!("{f}({a}) = {a}^2"),
        )
    } else {
        (
            format!("its inputs are {listed}; {f} is the rule, {listed} the inputs"),
            format!("a partial derivative ∂{f}/∂{} says by how much {call} moves when that input alone is nudged", args[0]),
            format!("{f}({a}, {b}) = {a}^2 {b}"),
        )
    };
    (
        format!("the value of {f} at {listed}"),
        format!(
            "Function notation: {call} is the value the function {f} gives when {inputs}. The brackets hold {what}, they do not multiply. Nudge an input and the value follows; {slope}. Define {f} first (for example {example}) and nudge can work it out."
        ),
    )
}

fn higher_words(of: &Name, wrt: &Name, order: u32, partial: bool) -> (String, String) {
    let (y, x) = (of.shown(), wrt.shown());
    let d = if partial { "∂" } else { "d" };
    let held = if partial {
        " (with every other variable held fixed)"
    } else {
        ""
    };
    if order == 2 {
        return (
            format!("the second derivative of {y} with respect to {x}"),
            format!(
                "The slope of the slope{held}: how fast {d}{y}/{d}{x} itself changes as {x} is nudged. Positive means the curve bends upward, negative downward."
            ),
        );
    }
    let power = superscript(i64::from(order));
    (
        format!("derivative number {order} of {y} with respect to {x}"),
        format!(
            "Differentiate {y} with respect to {x} {order} times{held}; {d}{power}{y}/{d}{x}{power} counts the times on top and below."
        ),
    )
}

fn gradient_words(of: Option<&Name>, wrt: Option<&Name>) -> (String, String) {
    let Some(f) = of else {
        return (
            "the gradient operator".to_string(),
            "∇ on its own waits for a function: ∇L is the vector of L's partial derivatives, one per input.".to_string(),
        );
    };
    let l = f.shown();
    match wrt {
        // As ∂L/∂W reads it: a capital letter is a matrix of weights.
        Some(w) if is_matrix_input(w) => {
            let w = w.shown();
            (
                format!("the gradient of {l} with respect to the matrix {w}"),
                format!(
                    "A matrix the same shape as {w} holding each element's partial derivative: the entry in row i, column j is ∂{l}/∂{w}ᵢⱼ. It is the same as ∂{l}/∂{w}; training nudges every entry of {w} a little against it."
                ),
            )
        }
        Some(w) => (
            format!("the gradient of {l} with respect to {}", w.shown()),
            format!(
                "The gradient: the vector of ∂{l}/∂{}ᵢ over all parameters {}ᵢ, one slope per parameter. Its direction is where {l} rises fastest and its length how fast, so training nudges {} a little the other way.",
                w.text, w.text, w.shown()
            ),
        ),
        None => (
            format!("the gradient of {l}"),
            format!(
                "The gradient: the vector of the partial derivatives of {l}, one per input (∂{l}/∂x, ∂{l}/∂y, …). Its direction is where {l} rises fastest and its length how fast."
            ),
        ),
    }
}

fn prime_words(name: &str, primes: u32, at: Option<&str>) -> (String, String) {
    let marks = prime_marks(primes, true);
    let at_point = at.filter(|a| {
        a.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    });
    let x = match at {
        Some(a) if at_point.is_none() => a,
        _ => "x",
    };
    let whose = match at {
        Some(a) => format!("{name}({a})"),
        None => name.to_string(),
    };
    let (title, meaning) = match primes {
        1 => (
            format!("the derivative of {name}"),
            format!(
                "{name}{marks} is Lagrange's way of writing d{name}/d{x}: how much {whose} shifts when {x} is nudged. The prime marks one derivative."
            ),
        ),
        2 => (
            format!("the second derivative of {name}"),
            format!(
                "{name}{marks} is d²{name}/d{x}²: the slope of the slope, how fast {name}′ itself changes as {x} is nudged."
            ),
        ),
        n => (
            format!("derivative number {n} of {name}"),
            format!("Each prime is one more derivative: {name}{marks} differentiates {name} {n} times."),
        ),
    };
    let meaning = match at_point {
        Some(a) => format!("{meaning} Here it is taken at {x} = {a}: the slope there."),
        None => meaning,
    };
    (title, meaning)
}

fn integral_words(
    bounds: Option<&(String, String)>,
    integrand: &str,
    var: &str,
) -> (String, String) {
    match bounds {
        Some((a, b)) => (
            format!("the integral of {integrand} from {var} = {a} to {var} = {b}"),
            format!(
                "The area under {integrand} between {var} = {a} and {var} = {b} (area below the axis counts as negative): add up {integrand}·d{var} over thin strips of width d{var}. It runs differentiation backwards: if F′ = {integrand}, the area is F({b}) − F({a})."
            ),
        ),
        None => (
            format!("an antiderivative of {integrand}"),
            format!(
                "A function whose slope with respect to {var} is {integrand}: differentiation run backwards. Any constant can be added (+ C), since a constant's slope is 0."
            ),
        ),
    }
}

fn chain_words(path: &[Name]) -> (String, String) {
    let names: Vec<String> = path.iter().map(Name::shown).collect();
    let (first, last) = (
        names.first().cloned().unwrap_or_default(),
        names.last().cloned().unwrap_or_default(),
    );
    let middle = names[1..names.len().saturating_sub(1)].join(", ");
    let meaning = if names.len() == 3 {
        format!(
            "To see how much {first} shifts when {last} is nudged, go through {middle}: nudging {last} moves {middle} by d{middle}/d{last} per unit, and each unit of {middle} moves {first} by d{first}/d{middle}. Slopes along a chain multiply. This is the skeleton of backpropagation."
        )
    } else {
        format!(
            "To see how much {first} shifts when {last} is nudged, follow the chain through {middle}: multiply the slope of each link. This is exactly what backpropagation does, one layer per link."
        )
    };
    ("the chain rule".to_string(), meaning)
}
