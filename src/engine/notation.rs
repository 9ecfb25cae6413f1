//! What a line of notation is: the shapes `read` explains, worked out from the pieces typed.
//!
//! This module decides *which* reading applies (a partial derivative, a
//! gradient, a Jacobian, the chain rule…); the words live in `explain::notation`.

use crate::expr::Func;
use crate::syntax::{
    prime_marks, reading, BinOp, Callee, Name, NameStyle, NodeKind, Notation, Piece,
};

/// What a name stands for, judged from how it is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Size {
    Scalar,
    /// A bold lower-case name: `\mathbf{x}`, `𝐱`.
    Vector,
    /// A capital letter below the bar (`∂L/∂W`), or a bold capital.
    Matrix,
}

/// One thing `read` explains.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// `d/dx`, `∂/∂x`, `d²/dx²`, alone or in front of an expression.
    Operator {
        partial: bool,
        order: u32,
        var: Name,
        operand: Option<String>,
    },
    /// `dL/dw`.
    Derivative { of: Name, wrt: Name },
    /// `∂L/∂w`; `others` names what is held fixed ("weight", "parameter", "variable").
    Partial {
        of: Name,
        wrt: Name,
        others: &'static str,
        could_be_jacobian: bool,
    },
    /// `∂L/∂W`: one partial derivative per entry of the matrix W.
    MatrixGradient { of: Name, wrt: Name },
    /// `∂L/∂𝐰`: one partial derivative per entry of the vector w.
    VectorGradient { of: Name, wrt: Name },
    /// `∂𝐲/∂𝐱`.
    Jacobian { of: Name, wrt: Name },
    /// `d𝐲/dt`: a vector of rates.
    VectorRate { of: Name, wrt: Name },
    /// `d²y/dx²`.
    Higher {
        of: Name,
        wrt: Name,
        order: u32,
        partial: bool,
    },
    /// `∂²L/∂x∂y`: one entry of the Hessian.
    Mixed { of: Name, first: Name, second: Name },
    /// `∇_θ L`, `∇L`.
    Gradient { of: Option<Name>, wrt: Option<Name> },
    /// `f'(x)`, `f''(x)`, `y'`.
    Prime {
        name: String,
        primes: u32,
        at: Option<String>,
    },
    /// `f(x)`, `g(x, y)`: the value a function gives for these inputs.
    Function { name: Name, args: Vec<String> },
    /// `dx`: a tiny nudge of x.
    SmallChange { var: String },
    /// `e^x`, `exp(x)`.
    Exp { power: String },
    /// `ln x`, or `log x` read as ln (`written_log`).
    NaturalLog { arg: String, written_log: bool },
    /// `log_2 x`.
    LogBase { base: String, arg: String },
    /// `∫_a^b f(x) dx`, `∫ f(x) dx`.
    Integral {
        bounds: Option<(String, String)>,
        integrand: String,
        var: String,
    },
    /// `θ_{t+1} = θ_t − η ∇L(θ_t)`, `w ← w − η ∂L/∂w`: one step of gradient descent; `by` is
    /// the one weight when the step is written with its partial derivative.
    GradientStep {
        new: String,
        old: String,
        rate: String,
        loss: Option<Name>,
        at: Option<String>,
        by: Option<Name>,
    },
    /// `dy/dx = dy/du · du/dx`: `path` is y, u…, x.
    ChainRule { path: Vec<Name> },
    /// An ordinary expression, as read.
    Expression { reading: String },
    /// A symbol nudge does not know.
    Unknown { symbol: String },
}

/// A shape with the notation it was read from, as nudge shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Explained {
    pub shown: String,
    pub shape: Shape,
}

/// How the whole line was read, and each shape in it.
#[derive(Clone, Debug, PartialEq)]
pub struct NotationReading {
    pub shown: String,
    pub shapes: Vec<Explained>,
}

/// Works out what each part of a line of notation is.
pub fn analyse(notation: &Notation) -> NotationReading {
    let shown = notation
        .pieces
        .iter()
        .map(show_piece)
        .collect::<Vec<_>>()
        .join(" ");
    if let Some((step, gradient)) = gradient_step(&notation.pieces) {
        // The whole update is one idea; its ∇ is explained on its own too.
        let shapes = vec![
            Explained {
                shown: shown.clone(),
                shape: step,
            },
            Explained {
                shown: show_piece(gradient),
                shape: shape_of(gradient),
            },
        ];
        return NotationReading { shown, shapes };
    }
    let mut shapes = Vec::new();
    if let Some(path) = chain_rule(&notation.pieces) {
        shapes.push(Explained {
            shown: shown.clone(),
            shape: Shape::ChainRule { path },
        });
    }
    let mut pieces = notation.pieces.iter().peekable();
    while let Some(piece) = pieces.next() {
        let explained = match piece {
            Piece::Leibniz {
                partial,
                order,
                top: None,
                bottom,
                ..
            } => {
                let operand = match pieces.peek() {
                    Some(Piece::Expr(node)) => Some(reading(node, true)),
                    Some(function @ Piece::Function { .. }) => Some(show_piece(function)),
                    _ => None,
                };
                let function = match pieces.peek() {
                    Some(Piece::Function { name, args, .. })
                        if args.iter().any(|a| reading(a, true) == bottom.text) =>
                    {
                        Some(name)
                    }
                    _ => None,
                };
                if operand.is_some() {
                    pieces.next();
                }
                let mut shown = show_piece(piece);
                if let Some(o) = &operand {
                    shown = format!("{shown} {o}");
                }
                // d/dx f(x) is df/dx, the derivative of the function the learner named;
                // d/dx f(2x) is an instruction about the whole value f(2x).
                let shape = match function {
                    Some(f) => leibniz_shape(f, bottom, *partial, *order),
                    None => Shape::Operator {
                        partial: *partial,
                        order: *order,
                        var: bottom.clone(),
                        operand,
                    },
                };
                Explained { shown, shape }
            }
            Piece::Equals { .. } | Piece::Times => continue,
            other => Explained {
                shown: show_piece(other),
                shape: shape_of(other),
            },
        };
        if !shapes.contains(&explained) {
            shapes.push(explained);
        }
    }
    // Around other notation, a lone name or number needs no explanation of its own.
    if shapes.len() > 1 {
        shapes.retain(|e| !is_trivial(&e.shape));
    }
    if shapes.is_empty() {
        shapes.push(Explained {
            shown: shown.clone(),
            shape: Shape::Unknown {
                symbol: shown.clone(),
            },
        });
    }
    NotationReading { shown, shapes }
}

fn is_trivial(shape: &Shape) -> bool {
    matches!(shape, Shape::Expression { reading } if reading.chars().all(|c| c.is_alphanumeric() || c == '_'))
}

fn shape_of(piece: &Piece) -> Shape {
    match piece {
        Piece::Leibniz {
            partial,
            order,
            top: Some(of),
            bottom: wrt,
            ..
        } => leibniz_shape(of, wrt, *partial, *order),
        Piece::Leibniz { .. } | Piece::Equals { .. } | Piece::Times => Shape::Unknown {
            symbol: show_piece(piece),
        },
        Piece::Mixed {
            of, first, second, ..
        } => Shape::Mixed {
            of: of.clone(),
            first: first.clone(),
            second: second.clone(),
        },
        Piece::Gradient { wrt, of, .. } => Shape::Gradient {
            of: of.clone(),
            wrt: wrt.clone(),
        },
        Piece::Prime {
            name, primes, args, ..
        } => Shape::Prime {
            name: name.clone(),
            primes: *primes,
            at: args
                .as_ref()
                .map(|a| a.trim_start_matches('(').trim_end_matches(')').to_string()),
        },
        Piece::Function { name, args, .. } => Shape::Function {
            name: name.clone(),
            args: args.iter().map(|a| reading(a, true)).collect(),
        },
        Piece::SmallChange { var, .. } => Shape::SmallChange { var: var.clone() },
        Piece::Integral {
            bounds,
            integrand,
            var,
            ..
        } => Shape::Integral {
            bounds: bounds.clone(),
            integrand: integrand.clone(),
            var: var.clone(),
        },
        Piece::Expr(node) => match &node.kind {
            NodeKind::Binary(crate::syntax::BinOp::Pow, base, power)
                if matches!(base.kind, NodeKind::Constant(crate::expr::Constant::E)) =>
            {
                Shape::Exp {
                    power: reading(power, true),
                }
            }
            NodeKind::Call {
                callee,
                arg,
                power: None,
            } => {
                let arg = reading(arg, true);
                match callee {
                    Callee::Exp => Shape::Exp { power: arg },
                    Callee::NaturalLog => Shape::NaturalLog {
                        arg,
                        written_log: true,
                    },
                    Callee::Named(Func::Ln) => Shape::NaturalLog {
                        arg,
                        written_log: false,
                    },
                    Callee::LogBase(base) => Shape::LogBase {
                        base: reading(base, true),
                        arg,
                    },
                    _ => Shape::Expression {
                        reading: reading(node, true),
                    },
                }
            }
            _ => Shape::Expression {
                reading: reading(node, true),
            },
        },
        Piece::Unknown { text, .. } => Shape::Unknown {
            symbol: text.clone(),
        },
    }
}

fn leibniz_shape(of: &Name, wrt: &Name, partial: bool, order: u32) -> Shape {
    let (of, wrt) = (of.clone(), wrt.clone());
    if order > 1 {
        return Shape::Higher {
            of,
            wrt,
            order,
            partial,
        };
    }
    match (size_of_output(&of), size_of_input(&wrt)) {
        (Size::Scalar, Size::Scalar) if partial => {
            let could_be_jacobian = of.style == NameStyle::Plain
                && of.first_letter().is_some_and(char::is_lowercase)
                && wrt.first_letter().is_some_and(char::is_lowercase);
            Shape::Partial {
                others: held_word(&wrt),
                of,
                wrt,
                could_be_jacobian,
            }
        }
        (Size::Scalar, Size::Scalar) => Shape::Derivative { of, wrt },
        (Size::Scalar, Size::Vector) => Shape::VectorGradient { of, wrt },
        (Size::Scalar, Size::Matrix) => Shape::MatrixGradient { of, wrt },
        (_, Size::Scalar) => Shape::VectorRate { of, wrt },
        _ => Shape::Jacobian { of, wrt },
    }
}

/// What is on top of the bar: bold names are vectors (or matrices, when capital).
fn size_of_output(name: &Name) -> Size {
    match (name.style, name.first_letter()) {
        (NameStyle::Bold, Some(c)) if c.is_uppercase() => Size::Matrix,
        (NameStyle::Bold, _) => Size::Vector,
        _ => Size::Scalar,
    }
}

/// Whether a name one differentiates by stands for a matrix of weights (`W` in ∂L/∂W or ∇_W L).
pub fn is_matrix_input(name: &Name) -> bool {
    size_of_input(name) == Size::Matrix
}

/// What is below the bar: a capital Latin letter is a matrix of weights, a bold name a vector.
fn size_of_input(name: &Name) -> Size {
    match (name.style, name.first_letter()) {
        (NameStyle::Script, _) => Size::Scalar,
        (_, Some(c)) if c.is_ascii_uppercase() => Size::Matrix,
        (NameStyle::Bold, _) => Size::Vector,
        _ => Size::Scalar,
    }
}

/// What "every other …" means for this variable.
fn held_word(wrt: &Name) -> &'static str {
    match wrt.first_letter() {
        Some('w' | 'W') => "weight",
        Some('θ' | 'b' | 'β') => "parameter",
        _ => "variable",
    }
}

/// `dy/dx = dy/du · du/dx` (and longer chains): the names y, u, …, x in order.
/// `new = old − rate ∇L(at)`, as papers write a training step; and its ∇ piece.
fn gradient_step(pieces: &[Piece]) -> Option<(Shape, &Piece)> {
    let [Piece::Expr(new), Piece::Equals { .. }, Piece::Expr(moved), gradient] = pieces else {
        return None;
    };
    let (loss, at, by) = match gradient {
        Piece::Gradient { of, args, .. } => (of.clone(), args.clone(), None),
        Piece::Leibniz {
            top: Some(top),
            bottom,
            order: 1,
            ..
        } => (Some(top.clone()), None, Some(bottom.clone())),
        _ => return None,
    };
    let NodeKind::Binary(BinOp::Sub, old, rate) = &moved.kind else {
        return None;
    };
    let shape = Shape::GradientStep {
        new: reading(new, true),
        old: reading(old, true),
        rate: reading(rate, true),
        loss,
        at,
        by,
    };
    Some((shape, gradient))
}

fn chain_rule(pieces: &[Piece]) -> Option<Vec<Name>> {
    let fractions: Vec<Option<(&Name, &Name)>> = pieces
        .iter()
        .filter(|p| !matches!(p, Piece::Times))
        .map(|p| match p {
            Piece::Leibniz {
                top: Some(t),
                bottom,
                order: 1,
                ..
            } => Some((t, bottom)),
            _ => None,
        })
        .collect();
    let equals = pieces
        .iter()
        .position(|p| matches!(p, Piece::Equals { update: false }))?;
    let non_times_before = pieces[..equals]
        .iter()
        .filter(|p| !matches!(p, Piece::Times))
        .count();
    if non_times_before != 1 {
        return None;
    }
    let (whole, links) = (fractions.first()?.as_ref()?, &fractions[2..]);
    if links.len() < 2 {
        return None;
    }
    let links: Vec<(&Name, &Name)> = links.iter().copied().collect::<Option<_>>()?;
    let mut path = vec![links[0].0.clone()];
    for pair in links.windows(2) {
        if pair[0].1.text != pair[1].0.text {
            return None;
        }
    }
    path.extend(links.iter().map(|(_, bottom)| (*bottom).clone()));
    let (first, last) = (path.first()?, path.last()?);
    (first.text == whole.0.text && last.text == whole.1.text).then_some(path)
}

/// A piece as nudge shows it back: `∂L/∂w`, `∇_θ L`, `f′(x)`.
fn show_piece(piece: &Piece) -> String {
    match piece {
        Piece::Leibniz {
            partial,
            order,
            top,
            bottom,
            ..
        } => {
            let d = if *partial { "∂" } else { "d" };
            let power = if *order > 1 {
                crate::expr::superscript(i64::from(*order))
            } else {
                String::new()
            };
            let top = top.as_ref().map(Name::shown).unwrap_or_default();
            format!("{d}{power}{top}/{d}{}{power}", bottom.shown())
        }
        Piece::Mixed {
            of, first, second, ..
        } => format!("∂²{}/∂{}∂{}", of.shown(), first.shown(), second.shown()),
        Piece::Gradient { wrt, of, args, .. } => {
            let mut s = "∇".to_string();
            if let Some(w) = wrt {
                s.push('_');
                s.push_str(&w.shown());
            }
            if let Some(f) = of {
                if wrt.is_some() {
                    s.push(' ');
                }
                s.push_str(&f.shown());
            }
            if let Some(a) = args {
                s.push_str(a);
            }
            s
        }
        Piece::Prime {
            name, primes, args, ..
        } => format!(
            "{name}{}{}",
            prime_marks(*primes, true),
            args.as_deref().unwrap_or("")
        ),
        Piece::Integral {
            bounds,
            integrand,
            var,
            ..
        } => match bounds {
            Some((a, b)) => format!("∫_{a}^{b} {integrand} d{var}"),
            None => format!("∫ {integrand} d{var}"),
        },
        Piece::Function { name, args, .. } => format!(
            "{}({})",
            name.shown(),
            args.iter()
                .map(|a| reading(a, true))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Piece::SmallChange { var, .. } => format!("d{var}"),
        Piece::Equals { update: false } => "=".to_string(),
        Piece::Equals { update: true } => "←".to_string(),
        Piece::Times => "·".to_string(),
        Piece::Expr(node) => reading(node, true),
        Piece::Unknown { piece, .. } => piece.clone(),
    }
}
