//! LaTeX pasted from a paper, built into the same syntax tree as plain input.

use super::ast::{BinOp, Callee, Node, NodeKind, Span, Statement};
use super::parse::{ascii_name, binary, call, internal, Builder, Note, Rule};
use crate::error::{closest, Error, Phase};
use crate::expr::{greek_letter, unicode_name, Constant, Func, Number};
use pest::iterators::Pair;

/// The LaTeX commands nudge reads, for "did you mean".
const KNOWN_COMMANDS: [&str; 30] = [
    "frac",
    "dfrac",
    "sqrt",
    "left",
    "right",
    "cdot",
    "times",
    "div",
    "sin",
    "cos",
    "tan",
    "sec",
    "csc",
    "cot",
    "arcsin",
    "arccos",
    "arctan",
    "sinh",
    "cosh",
    "tanh",
    "exp",
    "ln",
    "log",
    "pi",
    "partial",
    "nabla",
    "mathrm",
    "mathbf",
    "mathcal",
    "boldsymbol",
];

/// What a `\word` stands for once it has been read.
pub(super) enum LatexWord {
    /// A Greek letter such as `\theta`, as the letter.
    Greek(char),
    Pi,
    /// `\partial` and `\nabla`: notation that only makes sense around an expression.
    Operator(&'static str),
    Unknown,
}

/// Classifies a LaTeX command (without its backslash).
pub(super) fn latex_word(word: &str) -> LatexWord {
    let spelled = match word {
        "varepsilon" => "epsilon",
        "vartheta" => "theta",
        "varphi" => "phi",
        "varrho" => "rho",
        "varsigma" => "sigma",
        other => other,
    };
    match spelled {
        "pi" => LatexWord::Pi,
        "partial" => LatexWord::Operator("∂"),
        "nabla" => LatexWord::Operator("∇"),
        _ => greek_letter(spelled).map_or(LatexWord::Unknown, LatexWord::Greek),
    }
}

/// Help for a line that uses `\sum`, `\prod` or `\lim` (in `before`, the text read so far):
/// notation over many terms, which nudge does not compute.
pub(super) fn big_operator_help(before: &str) -> Option<String> {
    let used = |word: &str| {
        before.match_indices(word).any(|(at, _)| {
            !before[at + word.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        })
    };
    if used("\\sum") || used("\\prod") {
        return Some("\\sum and \\prod (Σ, Π) run over many terms, which nudge does not compute: write the terms out, as in w_1 x_1 + w_2 x_2, or put read in front to hear the rest of the formula".to_string());
    }
    if used("\\lim") {
        return Some(
            "for a limit write limit EXPR as x -> a, as in limit sin(x)/x as x -> 0".to_string(),
        );
    }
    None
}

/// The error for a command nudge does not read, with a close known command when there is one.
fn unknown_command(word: &str, span: Span) -> Error {
    let error = Error::new(Phase::Parsing, format!("unknown LaTeX command \\{word}")).at(span);
    if let Some(help) = big_operator_help(&format!("\\{word}")) {
        return error.with_help(help);
    }
    match closest(word, KNOWN_COMMANDS) {
        Some(near) => error.with_help(format!("did you mean \\{near}?")),
        None => error.with_help(
            "nudge reads \\frac, \\sqrt, \\sin, \\ln, \\exp, \\cdot, \\left( \\right), Greek letters and \\mathcal{…}-style names",
        ),
    }
}

impl Builder<'_> {
    /// A LaTeX primary: `{…}`, `\frac`, `\sqrt`, `\left(…\right)`, a LaTeX name.
    pub(super) fn latex_primary(&mut self, pair: Pair<Rule>) -> Result<Node, Error> {
        let span = self.span(&pair);
        let node = |kind| Node { kind, span };
        match pair.as_rule() {
            Rule::latex_group => {
                let inner = self.latex_inner(pair)?;
                Ok(if is_single(&inner) {
                    inner
                } else {
                    node(NodeKind::Paren(Box::new(inner)))
                })
            }
            Rule::latex_paren => Ok(node(NodeKind::Paren(Box::new(self.latex_inner(pair)?)))),
            Rule::latex_abs => Ok(node(call(
                Callee::Named(Func::Abs),
                self.latex_inner(pair)?,
                None,
            ))),
            Rule::latex_frac => {
                let mut parts = pair
                    .into_inner()
                    .filter(|p| p.as_rule() == Rule::latex_frac_arg);
                let top = parts.next().ok_or_else(|| internal("\\frac top"))?;
                let bottom = parts.next().ok_or_else(|| internal("\\frac bottom"))?;
                let (top, bottom) = (self.latex_arg(top)?, self.latex_arg(bottom)?);
                Ok(node(NodeKind::Binary(
                    BinOp::Div,
                    Box::new(top),
                    Box::new(bottom),
                )))
            }
            Rule::latex_sqrt => self.latex_sqrt(pair, span),
            Rule::latex_styled | Rule::latex_subscripted => {
                Ok(node(NodeKind::Var(self.latex_variable_name(pair)?)))
            }
            Rule::latex_command => self.latex_command(pair, span),
            Rule::latex_leibniz => Err(Error::new(
                Phase::Reading,
                "this is how papers write a derivative of a named quantity, not something nudge can work out",
            )
            .at(span)
            .with_help(format!(
                "put read in front to hear it in words (read {}), or write \\frac{{d}}{{dx}} followed by an expression to compute one",
                pair.as_str()
            ))),
            _ => Err(internal("unknown LaTeX primary")),
        }
    }

    /// One part of `\frac` or `\sqrt`: a `{…}` group, or a single digit or letter.
    fn latex_arg(&mut self, pair: Pair<Rule>) -> Result<Node, Error> {
        let inner = pair
            .into_inner()
            .next()
            .ok_or_else(|| internal("LaTeX argument"))?;
        if inner.as_rule() == Rule::latex_group {
            return self.latex_primary(inner);
        }
        let span = self.span(&inner);
        let text = inner.as_str();
        let kind = match Number::parse_decimal(text) {
            Some(n) => NodeKind::Number(n),
            None if text == "e" => NodeKind::Constant(Constant::E),
            None => NodeKind::Var(text.to_string()),
        };
        Ok(Node { kind, span })
    }

    /// A defined name as typed, `f`, `θ` or `\sigma`, in ASCII: `f`, `theta`, `sigma`.
    pub(super) fn defined_name_text(&self, pair: &Pair<Rule>) -> Result<String, Error> {
        let text = pair.as_str();
        let Some(word) = text.strip_prefix('\\') else {
            return Ok(ascii_name(text));
        };
        match latex_word(word) {
            LatexWord::Greek(c) => Ok(ascii_name(&c.to_string())),
            _ => Err(unknown_command(word, self.span(pair))),
        }
    }

    /// `\frac{dy}{dx}` on its own: the derivative of the defined name y, as `dy/dx` asks.
    pub(super) fn latex_named_derivative(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let leibniz = pair
            .into_inner()
            .next()
            .ok_or_else(|| internal("LaTeX Leibniz"))?;
        let span = self.span(&leibniz);
        let mut marks = Vec::new();
        let mut orders = (None, None);
        let mut name = None;
        let mut var = None;
        for part in leibniz.into_inner() {
            match part.as_rule() {
                Rule::latex_leibniz_d => marks.push(false),
                Rule::latex_partial_d => marks.push(true),
                Rule::order if marks.len() < 2 => orders.0 = Some(self.order(part)?),
                Rule::order => orders.1 = Some(self.order(part)?),
                Rule::latex_frac_word => {}
                _ if marks.len() < 2 => {
                    let name_span = self.span(&part);
                    name = Some((self.latex_variable_name(part)?, name_span));
                }
                _ => var = Some(self.latex_variable_name(part)?),
            }
        }
        if orders.0 != orders.1 {
            return Err(
                Error::new(Phase::Parsing, "the order on top and below must match")
                    .at(span)
                    .with_help("write \\frac{d^2 y}{dx^2} for the second derivative"),
            );
        }
        let (name, name_span) = name.ok_or_else(|| internal("LaTeX Leibniz name"))?;
        Ok(Statement::NamedDerivative {
            name,
            name_span,
            var: Some(var.ok_or_else(|| internal("LaTeX Leibniz variable"))?),
            order: self.check_order(orders.0.unwrap_or(1), span)?,
            partial: marks.contains(&true),
        })
    }

    /// The expression inside `{…}`, `\left(…\right)` or `\left|…\right|`.
    pub(super) fn latex_inner(&mut self, pair: Pair<Rule>) -> Result<Node, Error> {
        let inner = pair
            .into_inner()
            .find(|p| p.as_rule() == Rule::expr)
            .ok_or_else(|| internal("LaTeX group"))?;
        self.expr(inner)
    }

    /// `\sqrt{x}` is √x; `\sqrt[n]{x}` is x^(1/n).
    fn latex_sqrt(&mut self, pair: Pair<Rule>, span: Span) -> Result<Node, Error> {
        let mut index = None;
        let mut radicand = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::latex_root_index => index = Some(self.latex_inner(part)?),
                Rule::latex_frac_arg => radicand = Some(self.latex_arg(part)?),
                _ => {}
            }
        }
        let radicand = radicand.ok_or_else(|| internal("\\sqrt argument"))?;
        let Some(n) = index else {
            return Ok(Node {
                kind: call(Callee::Sqrt, radicand, None),
                span,
            });
        };
        let one = Node {
            kind: NodeKind::Number(Number::one()),
            span: n.span,
        };
        let n_span = n.span;
        let reciprocal = Node {
            kind: NodeKind::Paren(Box::new(binary(BinOp::Div, one, n))),
            span: n_span,
        };
        Ok(Node {
            kind: NodeKind::Binary(BinOp::Pow, Box::new(radicand), Box::new(reciprocal)),
            span,
        })
    }

    /// `\theta`, `\theta_0`, `\pi`; any other command is an error that names it.
    fn latex_command(&mut self, pair: Pair<Rule>, span: Span) -> Result<Node, Error> {
        let mut inner = pair.clone().into_inner();
        let word_pair = inner.next().ok_or_else(|| internal("LaTeX word"))?;
        let word_span = self.span(&word_pair);
        let word = word_pair.as_str().trim_start_matches('\\');
        let subscript = inner.next().map(|s| subscript_text(s.as_str()));
        match latex_word(word) {
            LatexWord::Pi if subscript.is_none() => Ok(Node {
                kind: NodeKind::Constant(Constant::Pi),
                span,
            }),
            LatexWord::Greek(_) | LatexWord::Pi => Ok(Node {
                kind: NodeKind::Var(self.latex_variable_name(pair)?),
                span,
            }),
            LatexWord::Operator(symbol) => Err(Error::new(
                Phase::Reading,
                format!("\\{word} ({symbol}) is part of derivative notation, not a value"),
            )
            .at(word_span)
            .with_help(format!(
                "start the line with it to compute (\\nabla f, \\frac{{\\partial}}{{\\partial x}} f); to hear notation such as {symbol}L in words, put read in front"
            ))),
            LatexWord::Unknown => Err(unknown_command(word, word_span)),
        }
    }

    /// The variable a LaTeX name stands for: `\theta_{0}` → `theta_0`, `\mathcal{L}` → `L`.
    pub(super) fn latex_variable_name(&mut self, pair: Pair<Rule>) -> Result<String, Error> {
        let mut base = String::new();
        let mut subscript = None;
        let mut accent = None;
        let rule = pair.as_rule();
        let span = self.span(&pair);
        if rule == Rule::variable {
            return Ok(ascii_name(pair.as_str()));
        }
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::latex_word => {
                    let word = part.as_str().trim_start_matches('\\');
                    match latex_word(word) {
                        LatexWord::Greek(c) => base.push(c),
                        LatexWord::Pi => base.push('π'),
                        _ => return Err(unknown_command(word, self.span(&part))),
                    }
                }
                Rule::name | Rule::name_no_underscore => base.push_str(part.as_str()),
                // ŷ is not y: a prediction keeps its hat as part of its name, y_hat.
                Rule::latex_style => {
                    accent = match part.as_str() {
                        "\\hat" => Some("hat"),
                        "\\bar" => Some("bar"),
                        "\\tilde" => Some("tilde"),
                        _ => None,
                    }
                }
                Rule::latex_subscript => {
                    subscript = Some(subscript_text(part.as_str()));
                }
                _ => {}
            }
        }
        if base.is_empty() {
            return Err(internal("LaTeX name"));
        }
        if let Some(sum) = subscript.as_deref().filter(|s| s.starts_with('{')) {
            let name = unicode_name(&ascii_name(&format!("{base}_{sum}")));
            let message = format!(
                "{name} is one name: {} in its subscript is a label, as papers number steps and layers, not a sum nudge works out",
                sum.trim_start_matches('{').trim_end_matches('}')
            );
            if !self.notes.iter().any(|n| n.message == message) {
                self.notes.push(Note { message, span });
            }
        }
        let full = match (subscript, accent) {
            (Some(sub), _) => format!("{base}_{sub}"),
            (None, Some(accent)) => format!("{base}_{accent}"),
            (None, None) => base,
        };
        Ok(ascii_name(&full))
    }
}

/// `_{12}` → `12`, `_i` → `i`, `_\theta` → `θ`; a sum keeps its braces: `_{t + 1}` and
/// `_(t+1)` → `{t+1}`.
fn subscript_text(raw: &str) -> String {
    let text = raw
        .trim_start_matches('_')
        .trim_start_matches(['{', '('])
        .trim_end_matches(['}', ')']);
    if text.contains(['+', '-']) {
        return format!("{{{}}}", subscript_sum(text));
    }
    match text.strip_prefix('\\').map(latex_word) {
        Some(LatexWord::Greek(c)) => c.to_string(),
        _ => text.trim_start_matches('\\').to_string(),
    }
}

/// `t + 1` → `t+1`, `\tau - 1` → `τ-1`: one spelling for every way of typing it.
fn subscript_sum(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' => {}
            '\\' => {
                let mut word = String::new();
                while let Some(letter) = chars.next_if(char::is_ascii_alphabetic) {
                    word.push(letter);
                }
                match latex_word(&word) {
                    LatexWord::Greek(g) => out.push(g),
                    LatexWord::Pi => out.push('π'),
                    _ => out.push_str(&word),
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Whether a node needs no brackets of its own when braces around it are dropped.
fn is_single(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Number(n) => n.is_integer(),
        NodeKind::Constant(_) | NodeKind::Var(_) | NodeKind::Paren(_) | NodeKind::Call { .. } => {
            true
        }
        _ => false,
    }
}
