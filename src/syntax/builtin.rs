//! The functions of a neural network, read only right before a bracket (`σ(z)`, `sigmoid(z)`,
//! `relu(x)`, `max(0, x)`, `step(x)`, `softplus(x)`), since elsewhere their names are
//! letters and words like any other (`σ²` is a variance, `step` a name). `softmax(z1, z2, …)`
//! is a vector where a list may stand, and `softmax(z1, z2, …)_i` one of its entries.

use super::ast::{BinOp, Callee, Node, NodeKind, Span};
use super::parse::{binary, call, internal, Builder};
use super::Note;
use crate::error::{Error, Phase};
use crate::expr::Func;

/// A built-in function called by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Builtin {
    /// A function of one input: σ, ReLU, step, softplus.
    One(Func),
    /// The larger of its inputs: max(0, x) is ReLU(x).
    Max,
    /// The smaller of its inputs.
    Min,
    /// ln(e^a + e^b + …), a smooth maximum whose gradient is softmax.
    LogSumExp,
    /// e^(z_i)/(e^z1 + e^z2 + …), one entry of softmax: a number only with its entry's index.
    Softmax,
}

/// Every spelling nudge reads before a bracket, for "did you mean" and completion.
pub const BUILTIN_CALL_NAMES: [&str; 12] = [
    "sigmoid",
    "sigma",
    "σ",
    "relu",
    "ReLU",
    "softplus",
    "step",
    "Heaviside",
    "max",
    "min",
    "logsumexp",
    "softmax",
];

/// The built-in function a name calls (`sigma` is the letter σ; `Sigma`, Σ, is not it).
pub(super) fn builtin(name: &str) -> Option<Builtin> {
    if name == "sigma" {
        return Some(Builtin::One(Func::Sigmoid));
    }
    Some(match name.to_ascii_lowercase().as_str() {
        "sigmoid" | "logistic" => Builtin::One(Func::Sigmoid),
        "relu" => Builtin::One(Func::Relu),
        "softplus" => Builtin::One(Func::Softplus),
        "step" | "heaviside" => Builtin::One(Func::Step),
        "max" => Builtin::Max,
        "min" => Builtin::Min,
        "logsumexp" => Builtin::LogSumExp,
        "softmax" => Builtin::Softmax,
        _ => return None,
    })
}

/// The name a slope of `f` is written with, `σ′(z)`: one that reads back as `f`.
pub(super) fn slope_name(f: Func) -> &'static str {
    match f {
        Func::Sigmoid => "sigma",
        f => f.name(),
    }
}

impl Builder<'_> {
    /// `σ(z)`, `σ'(z)`, `relu(x)`, `max(0, x)`, `softmax(a, b)_1`: a call of a built-in
    /// function, checked for how many inputs it takes; `entry` is the index after the bracket.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn builtin_call(
        &mut self,
        builtin: Builtin,
        typed: &str,
        name_span: Span,
        primes: u32,
        mut args: Vec<Node>,
        entry: Option<(usize, Span)>,
        span: Span,
    ) -> Result<Node, Error> {
        if builtin == Builtin::Softmax {
            return self.softmax_entry("softmax", name_span, primes, args, entry, span);
        }
        if let Some((_, at)) = entry {
            return Err(not_a_vector(typed, at));
        }
        let f = match builtin {
            Builtin::One(f) => f,
            Builtin::Max | Builtin::Min => {
                return self.extreme(builtin, typed, name_span, primes, args, span)
            }
            Builtin::LogSumExp => return self.log_sum_exp(typed, name_span, primes, args, span),
            Builtin::Softmax => return Err(internal("softmax")),
        };
        if args.len() != 1 {
            return Err(Error::new(
                Phase::Parsing,
                format!(
                    "{typed} takes one input, but here it is given {}",
                    args.len()
                ),
            )
            .at(span));
        }
        if f == Func::Sigmoid && typed != "sigmoid" {
            self.policy_note(
                format!("{typed}(…) is read as the sigmoid, 1/(1 + e^(-u)), as neural networks use it; for {typed} times a bracket write {typed}·(…)"),
                name_span,
            );
        }
        if primes > 0 {
            return Ok(Node {
                kind: NodeKind::Apply {
                    name: slope_name(f).to_string(),
                    primes,
                    args,
                },
                span,
            });
        }
        let arg = args
            .pop()
            .ok_or_else(|| Error::new(Phase::Parsing, "no input").at(span))?;
        Ok(Node {
            kind: call(Callee::Named(f), arg, None),
            span,
        })
    }

    /// `max(a, b)` and `min(a, b)` in terms of ReLU, the kink they share: max(0, u) is
    /// ReLU(u), max(a, b) = a + ReLU(b − a), min(a, b) = a − ReLU(a − b). Said in a note,
    /// since the reading then differs from what was typed.
    fn extreme(
        &mut self,
        builtin: Builtin,
        typed: &str,
        name_span: Span,
        primes: u32,
        args: Vec<Node>,
        span: Span,
    ) -> Result<Node, Error> {
        if primes > 0 {
            return Err(no_prime(
                typed,
                "two",
                name_span,
                format!("d/dx {typed}(…, …)"),
            ));
        }
        let [a, b]: [Node; 2] = args.try_into().map_err(|args: Vec<Node>| {
            Error::new(
                Phase::Parsing,
                format!(
                    "{typed} takes two inputs, but here it is given {}",
                    args.len()
                ),
            )
            .at(span)
            .with_help(format!("for more, nest them: {typed}(a, {typed}(b, c))"))
        })?;
        let relu = |arg: Node| Node {
            span: arg.span,
            kind: call(Callee::Named(Func::Relu), arg, None),
        };
        let negate = |n: Node| Node {
            span: n.span,
            kind: NodeKind::Neg(Box::new(n)),
        };
        let with_zero = is_zero(&a) || is_zero(&b);
        let node = match (builtin, is_zero(&a), is_zero(&b)) {
            (Builtin::Max, true, _) => relu(b),
            (Builtin::Max, _, true) => relu(a),
            (Builtin::Min, true, _) => negate(relu(negate(b))),
            (Builtin::Min, _, true) => negate(relu(negate(a))),
            (Builtin::Max, ..) => {
                let rise = binary(BinOp::Sub, b, a.clone());
                binary(BinOp::Add, a, relu(rise))
            }
            _ => {
                let drop = binary(BinOp::Sub, a.clone(), b);
                binary(BinOp::Sub, a, relu(drop))
            }
        };
        let message = match (builtin, with_zero) {
            (Builtin::Max, true) => format!("{typed}(0, u) is ReLU(u), the rectified linear unit"),
            (Builtin::Min, true) => format!("{typed}(0, u) is -ReLU(-u): ReLU is max(0, u), and min(0, u) = -max(0, -u)"),
            (Builtin::Max, false) => format!("{typed}(a, b) is read as a + ReLU(b - a): a, plus how far b rises above it (ReLU(u) is max(0, u))"),
            _ => format!("{typed}(a, b) is read as a - ReLU(a - b): a, less how far it rises above b (ReLU(u) is max(0, u))"),
        };
        self.notes.push(Note {
            message,
            span: name_span,
        });
        Ok(Node { span, ..node })
    }
}

impl Builder<'_> {
    /// `logsumexp(a, b, c)` read as ln(e^a + e^b + e^c), with a note: its slope by each input
    /// is that input's softmax share.
    fn log_sum_exp(
        &mut self,
        typed: &str,
        name_span: Span,
        primes: u32,
        args: Vec<Node>,
        span: Span,
    ) -> Result<Node, Error> {
        if primes > 0 {
            return Err(no_prime(
                typed,
                "several",
                name_span,
                format!("grad {typed}(…)"),
            ));
        }
        let grown = args.into_iter().map(|a| {
            let e = Node {
                span: a.span,
                kind: NodeKind::Constant(crate::expr::Constant::E),
            };
            binary(BinOp::Pow, e, a)
        });
        let sum = grown
            .reduce(|acc, term| binary(BinOp::Add, acc, term))
            .ok_or_else(|| {
                Error::new(Phase::Parsing, format!("{typed} needs an input")).at(span)
            })?;
        self.notes.push(Note {
            message: format!(
                "{typed}(a, b, …) is read as ln(e^a + e^b + …), a smooth maximum: its slope by each input is e^input/(e^a + e^b + …), that input's share under softmax"
            ),
            span: name_span,
        });
        Ok(Node {
            kind: call(Callee::NaturalLog, sum, None),
            span,
        })
    }
}

impl Builder<'_> {
    /// `softmax(z1, z2, z3)` where a vector may stand: its entries written out, with a note.
    pub(super) fn softmax_entries(
        &mut self,
        typed: &str,
        name_span: Span,
        args: Vec<Node>,
        span: Span,
    ) -> Result<Vec<Node>, Error> {
        check_softmax_inputs(typed, &args, span)?;
        self.notes.push(Note {
            message: format!(
                "{typed}(a, b, …) is read as the vector of shares (e^a/(e^a + e^b + …), e^b/(e^a + e^b + …), …): each entry is positive and together they add to 1; one entry alone is {typed}(…)_i"
            ),
            span: name_span,
        });
        Ok(args.iter().map(|a| share(a, &args)).collect())
    }

    /// `softmax(z1, z2, z3)_2`: entry 2, e^z2/(e^z1 + e^z2 + e^z3), with a note.
    fn softmax_entry(
        &mut self,
        typed: &str,
        name_span: Span,
        primes: u32,
        args: Vec<Node>,
        entry: Option<(usize, Span)>,
        span: Span,
    ) -> Result<Node, Error> {
        if primes > 0 {
            return Err(no_prime(
                typed,
                "several",
                name_span,
                format!("∂/∂z1 {typed}(…)_1 or jacobian({typed}(…))"),
            ));
        }
        let Some((i, at)) = entry else {
            return Err(Error::new(
                Phase::Parsing,
                format!("{typed}(…) is a vector, so it cannot stand inside a formula of one number"),
            )
            .at(span)
            .with_help(format!(
                "pick one entry, as in {typed}(z1, z2, z3)_1, or ask for the vector alone, its jacobian({typed}(…)) or ∂/∂z1 {typed}(…)"
            )));
        };
        let n = check_softmax_inputs(typed, &args, span)?;
        if i == 0 || i > n {
            return Err(Error::new(
                Phase::Parsing,
                format!("{typed} of {n} inputs has entries 1 to {n}, so there is no entry {i}"),
            )
            .at(at));
        }
        let message = format!(
            "{typed}(a, b, …)_i is read as e^(input i)/(e^a + e^b + …): input i's share, a number between 0 and 1"
        );
        if !self.notes.iter().any(|n| n.message == message) {
            self.notes.push(Note {
                message,
                span: name_span,
            });
        }
        let top = args.get(i - 1).ok_or_else(|| internal("softmax entry"))?;
        Ok(Node {
            span,
            ..share(top, &args)
        })
    }
}

/// How many inputs a softmax has, when there are at least two.
fn check_softmax_inputs(typed: &str, args: &[Node], span: Span) -> Result<usize, Error> {
    if args.len() < 2 {
        return Err(Error::new(
            Phase::Parsing,
            format!("{typed} of one number is always 1: it shares 1 out among its inputs"),
        )
        .at(span)
        .with_help(format!(
            "list the inputs, as in {typed}(z1, z2, z3), or declare a vector first: z: vector(3)"
        )));
    }
    Ok(args.len())
}

/// e^top over the sum of e^a for every input a: top's share under softmax.
fn share(top: &Node, args: &[Node]) -> Node {
    let grown = |a: &Node| {
        let e = Node {
            span: a.span,
            kind: NodeKind::Constant(crate::expr::Constant::E),
        };
        binary(BinOp::Pow, e, a.clone())
    };
    let sum = args
        .iter()
        .map(grown)
        .reduce(|acc, term| binary(BinOp::Add, acc, term));
    binary(BinOp::Div, grown(top), sum.unwrap_or_else(|| grown(top)))
}

/// A subscript after the bracket of a function whose value is one number.
pub(super) fn not_a_vector(typed: &str, at: Span) -> Error {
    Error::new(
        Phase::Parsing,
        format!("{typed}(…) is one number, so it has no entries to pick"),
    )
    .at(at)
    .with_help("an entry's number after the bracket belongs to softmax(z1, z2, z3)_1")
}

/// A literal 0, bracketed or not.
fn is_zero(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Number(n) => n.is_zero(),
        NodeKind::Paren(inner) => is_zero(inner),
        _ => false,
    }
}

/// A prime on a function of several inputs does not say which input is nudged.
fn no_prime(typed: &str, inputs: &str, name_span: Span, instead: String) -> Error {
    Error::new(
        Phase::Parsing,
        format!("{typed} has {inputs} inputs, so a prime does not say which one to nudge"),
    )
    .at(name_span)
    .with_help(format!("ask {instead} instead"))
}
