//! The reading policy for a run of letters typed together (`xy`, `loss`, `relu`): one
//! name, a product of single letters, or a word nudge names in an error.

use super::ast::{BinOp, Node, NodeKind, Span};
use super::builtin::{builtin, BUILTIN_CALL_NAMES};
use super::parse::{ascii_name, binary, Builder};
use crate::error::{closest, Error, ErrorKind, Phase};
use crate::expr::{greek_letter, unicode_name, Constant, KNOWN_FUNCTION_NAMES};

/// Words that stay one name although they are short: names AI writing and its code use
/// for one quantity (`lr` is the learning rate, as in PyTorch's `lr=`), `ans`, and `inf`.
pub const KEPT_WORDS: [&str; 10] = [
    "ans", "inf", "lr", "loss", "cost", "err", "bias", "pred", "out", "net",
];

/// Functions AI writing uses that nudge does not differentiate yet, each with what to do
/// instead: a definition to type first, when one can be written with nudge's functions.
const UNKNOWN_FUNCTIONS: [(&str, &str); 32] = [
    ("relu", "write its input in brackets: relu(x)"),
    ("gelu", "nudge has no erf, which gelu needs; try tanh or sigmoid(x) = 1/(1 + e^(-x)) instead"),
    ("leakyrelu", "define it first with abs: lrelu(x) = (1.01x + 0.99abs(x))/2"),
    ("softmax", "write its inputs in brackets: softmax(z1, z2, z3), or one entry of it: softmax(z1, z2, z3)_1"),
    ("softplus", "write its input in brackets: softplus(x)"),
    ("sigmoid", "write its input in brackets: sigmoid(x), or σ(x)"),
    ("logistic", "write its input in brackets: logistic(x), or σ(x)"),
    ("swish", "define it first: swish(x) = x/(1 + e^(-x))"),
    ("silu", "define it first: silu(x) = x/(1 + e^(-x))"),
    ("logsumexp", "write its inputs in brackets: logsumexp(a, b, c)"),
    ("sinc", "define it first: sinc(x) = sin(x)/x"),
    ("sech", "define it first: sech(x) = 1/cosh(x)"),
    ("csch", "define it first: csch(x) = 1/sinh(x)"),
    ("coth", "define it first: coth(x) = cosh(x)/sinh(x)"),
    ("asinh", "define it first: asinh(x) = ln(x + sqrt(x^2 + 1))"),
    ("arsinh", "define it first: arsinh(x) = ln(x + sqrt(x^2 + 1))"),
    ("acosh", "define it first: acosh(x) = ln(x + sqrt(x^2 - 1))"),
    ("atanh", "define it first: atanh(x) = ln((1 + x)/(1 - x))/2"),
    ("norm", "write the length of a vector with bars: ‖x‖ or ||x|| (‖x‖² for its square)"),
    ("max", "write its inputs in brackets: max(0, x)"),
    ("min", "write its inputs in brackets: min(a, b)"),
    ("argmax", "nudge does not search for maxima yet; plot the curve (plot EXPR) to see where it peaks"),
    ("argmin", "nudge does not search for minima yet; plot the curve (plot EXPR) to see where it dips"),
    ("mean", "a mean runs over many terms, which nudge does not have yet; write it out: (a + b + c)/3"),
    ("avg", "an average runs over many terms, which nudge does not have yet; write it out: (a + b + c)/3"),
    ("std", "a standard deviation runs over many terms, which nudge does not have yet"),
    ("var", "a variance runs over many terms, which nudge does not have yet"),
    ("erf", "nudge has no erf yet"),
    ("sgn", "the sign of x is x/abs(x), which nudge reads (its slope is 0 away from 0)"),
    ("sign", "the sign of x is x/abs(x), which nudge reads (its slope is 0 away from 0)"),
    ("floor", "nudge has no floor yet: its slope is 0 wherever it is not jumping"),
    ("ceil", "nudge has no ceil yet: its slope is 0 wherever it is not jumping"),
];

/// What a run of letters is, under the reading policy in README ("How nudge reads what you type").
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Run {
    /// A Greek letter's name, such as `theta`: one name.
    Greek,
    /// A listed word such as `loss` or `lr`: one name.
    Kept,
    /// A word of four letters or more that nudge does not know: one name, never a product.
    Word,
    /// Two or three letters such as `xy` or `wx`: a product of single letters.
    Letters,
    /// A function nudge does not know yet, such as `relu`, with what to do instead.
    UnknownFunction(&'static str),
    /// A function name run straight into its argument, such as `sinx`.
    Glued(&'static str),
    /// `dx`, `dθ`: the differential, one name.
    Differential,
    /// An English word, such as `derivative` or `simplify`.
    English(&'static str),
}

/// Whether a run of letters falls under the policy at all: two or more letters, no digit and
/// no underscore (`w1`, `x_0` and `y_hat` are names as typed).
pub(super) fn is_letter_run(text: &str) -> bool {
    let mut count = 0;
    for c in text.chars() {
        if !c.is_alphabetic() {
            return false;
        }
        count += 1;
    }
    count > 1
}

/// Classifies a run of letters that is not a name the learner defined.
pub(super) fn classify(text: &str) -> Run {
    let lower = text.to_ascii_lowercase();
    if greek_letter(text).is_some() {
        return Run::Greek;
    }
    if KEPT_WORDS.contains(&text) {
        return Run::Kept;
    }
    if let Some((_, help)) = UNKNOWN_FUNCTIONS.iter().find(|(f, _)| *f == lower) {
        return Run::UnknownFunction(help);
    }
    if let Some(word) = english_word(&lower) {
        return Run::English(word);
    }
    let letters = text.chars().count();
    let glued = KNOWN_FUNCTION_NAMES
        .iter()
        .filter(|f| text.starts_with(**f) && (1..=2).contains(&(letters - f.len())))
        .max_by_key(|f| f.len());
    if let Some(f) = glued {
        return Run::Glued(f);
    }
    if letters == 2 && text.starts_with('d') {
        return Run::Differential;
    }
    if letters >= 4 {
        Run::Word
    } else {
        Run::Letters
    }
}

/// The single letters of a run: `e` is Euler's number and `pi` is π, as everywhere else.
pub(super) enum Letter {
    Var(String),
    E,
    Pi,
}

/// The letters of `xy` (x, y), `xe` (x, e), `2pix`'s `pix` (π, x), each with its character
/// offset in the run and its length in characters.
pub(super) fn letters(text: &str) -> Vec<(Letter, usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == 'p' && chars.get(i + 1) == Some(&'i') {
            out.push((Letter::Pi, i, 2));
            i += 2;
            continue;
        }
        let letter = match chars[i] {
            'e' => Letter::E,
            c => Letter::Var(ascii_name(&c.to_string())),
        };
        out.push((letter, i, 1));
        i += 1;
    }
    out
}

/// A line nudge could not read that starts with a word it knows as English or as a function
/// it does not have (`solve x^2 = 4`): that word is the problem to name.
pub(super) fn leading_word_error(line: &str) -> Option<Error> {
    let start = line.len() - line.trim_start().len();
    let word_len = line[start..]
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(line.len() - start);
    let word = &line[start..start + word_len];
    if word.len() < 2 {
        return None;
    }
    let at = line[..start].chars().count();
    let span = Span::new(at, at + word.len());
    match classify(word) {
        Run::English(known) => Some(english_error(word, known, span)),
        Run::UnknownFunction(help) => Some(unknown_function_error(word, help, span)),
        _ => None,
    }
}

/// `with`, `wrt`, `w.r.t.` where the parser stopped: a question's words outside a question
/// in words are named as the words they are, from their first letter.
pub(super) fn respect_words_error(line: &str, at: usize, span_start: usize) -> Option<Error> {
    let rest = &line[at..];
    let word = ["w.r.t.", "with", "wrt"].into_iter().find(|w| {
        rest.get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w))
            && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    })?;
    let span = Span::new(span_start, span_start + word.chars().count());
    let advice = if word == "w.r.t." { "wrt" } else { word };
    Some(english_error(&rest[..word.len()], advice, span))
}

fn english_error(typed: &str, word: &str, span: Span) -> Error {
    Error::new(
        Phase::Parsing,
        format!("nudge reads maths, and '{typed}' is a word it does not read here"),
    )
    .at(span)
    .with_help(english_help(word))
}

fn unknown_function_error(typed: &str, help: &str, span: Span) -> Error {
    let message = match builtin(typed) {
        Some(_) => {
            format!("{typed} is a function, and nudge reads it only with its input in brackets")
        }
        None => format!("nudge does not know the function {typed}"),
    };
    Error::new(Phase::Parsing, message).at(span).with_help(help)
}

/// Words a learner may type around the maths; each has its own advice in `english_help`.
const ENGLISH: [&str; 41] = [
    "derivative",
    "derivatives",
    "differentiate",
    "integral",
    "simplify",
    "solve",
    "series",
    "taylor",
    "maclaurin",
    "expand",
    "factor",
    "factorise",
    "factorize",
    "critical",
    "points",
    "extrema",
    "minimum",
    "maximum",
    "minimise",
    "minimize",
    "maximise",
    "maximize",
    "roots",
    "evaluate",
    "compute",
    "calculate",
    "find",
    "what",
    "whats",
    "how",
    "is",
    "the",
    "of",
    "and",
    "wrt",
    "respect",
    "with",
    "sine",
    "cosine",
    "tangent",
    "skip",
];

fn english_word(lower: &str) -> Option<&'static str> {
    ENGLISH.iter().copied().find(|w| *w == lower)
}

/// What nudge can do instead of what an English word asks for.
pub(super) fn english_help(word: &str) -> String {
    match word {
        "derivative" | "derivatives" | "differentiate" | "the" | "of" | "what" | "whats" | "how"
        | "is" | "find" | "compute" | "calculate" | "evaluate" => {
            "ask it as d/dx x^2, the derivative of x^2, differentiate x^3 or x^2 at x = 3; nudge reads maths, and a few plain questions at the start of a line".to_string()
        }
        "integral" => "ask it as ∫ x^2 dx, integrate x^2 or the integral of x^2".to_string(),
        "simplify" | "expand" | "factor" | "factorise" | "factorize" => {
            "nudge simplifies whatever you type: write the expression on its own, as in (x^2 - 1)/(x - 1)".to_string()
        }
        "solve" | "roots" => "nudge does not solve equations yet; it can give values (x^2 - 2 at x = 1), slopes (d/dx x^2) and a picture (plot x^2 - 2) that shows where a curve crosses 0".to_string(),
        "series" | "taylor" | "maclaurin" => "nudge does not make series yet; it gives the pieces of one: derivatives of any order (d^3/dx^3 sin x) and their values (d^3/dx^3 sin x at x = 0)".to_string(),
        "critical" | "points" | "extrema" | "minimum" | "maximum" | "minimise" | "minimize"
        | "maximise" | "maximize" => "nudge does not search for critical points yet; ask for the slope (d/dx x^3 - 3x), plot it beside the curve (plot x^3 - 3x, d/dx x^3 - 3x), and for two variables hessian EXPR at (a, b) says what kind of flat spot a point is".to_string(),
        "wrt" | "respect" | "with" => "say the variable in the operator, d/dx x^2 y or ∂/∂y x^2 y, or ask in words: derivative of x^2 y with respect to y".to_string(),
        "skip" => "skip shows the working of an exercise while a lesson or practice asks one; at this prompt there is nothing to skip (lessons lists the tour, practice starts exercises)".to_string(),
        "sine" | "cosine" | "tangent" => "write the function by its short name: sin x, cos x, tan x (tangent x^2 at x = 1 draws a tangent line)".to_string(),
        _ => "nudge reads maths, not words: write the expression itself".to_string(),
    }
}

impl Builder<'_> {
    /// Whether a name is the learner's own: defined in the session, an input of the
    /// definition being read, or the name it defines.
    pub(super) fn is_own_name(&self, name: &str) -> bool {
        self.params.iter().any(|p| p == name)
            || self.defining.as_deref() == Some(name)
            || self.names.arity(name).is_some()
            || self.names.value(name).is_some()
            || self.names.vector(name).is_some()
    }

    /// A run of letters read by the policy: `None` when it stays one name (with a note the
    /// first time), the product of its letters, or an error that names the word.
    pub(super) fn letter_run(&mut self, text: &str, span: Span) -> Result<Option<Node>, Error> {
        if !is_letter_run(text) || self.is_own_name(&ascii_name(text)) {
            return Ok(None);
        }
        match classify(text) {
            Run::Greek => {
                let letter = unicode_name(text);
                self.policy_note(
                    format!("{text} is read as the Greek letter {letter}, one name"),
                    span,
                );
                Ok(None)
            }
            Run::Kept => {
                self.policy_note(
                    format!("{text} is read as one name, as AI writing uses it; to multiply its letters put spaces between them"),
                    span,
                );
                Ok(None)
            }
            Run::Word => {
                if self.leads_the_line(span) {
                    if let Some(command) = crate::commands::named(text) {
                        return Err(Error::new(
                            Phase::Parsing,
                            format!(
                                "{} is a command, but the rest of this line is not in its shape",
                                command.word
                            ),
                        )
                        .at(span)
                        .with_help(command.typed()));
                    }
                    return Err(Error::new(
                        Phase::Parsing,
                        format!("nudge does not know the word '{text}' at the start of a line"),
                    )
                    .at(span)
                    .with_help(
                        "a line starts with the maths itself, or with a question word nudge knows: d/dx, ∫, grad, nudge, tangent, limit, plot, read (help lists them)",
                    ));
                }
                if let Some(before) = self.last_word.replace(span) {
                    let between = self
                        .line
                        .chars()
                        .skip(before.end)
                        .take(span.start.saturating_sub(before.end));
                    if before.end <= span.start && between.clone().all(char::is_whitespace) {
                        let words: String = self
                            .line
                            .chars()
                            .skip(before.start)
                            .take(span.end - before.start)
                            .collect();
                        return Err(Error::new(
                            Phase::Parsing,
                            format!("'{words}' puts two words side by side, and nudge never multiplies words"),
                        )
                        .at(before.to(span))
                        .with_help("to multiply two names write an operator between them, as in speed*time; a question is asked with d/dx, ∫, grad and the like"));
                    }
                }
                self.policy_note(
                    format!("{text} is read as one name: nudge splits only runs of two or three letters into a product (xy is x·y)"),
                    span,
                );
                Ok(None)
            }
            Run::Letters => {
                let node = self.split(text, span);
                let shown = super::reading::reading(&node, true);
                self.policy_note(
                    format!("{text} is read as {shown}: letters typed together multiply; to use {text} as one name, define it first, as in {text} = 3"),
                    span,
                );
                Ok(Some(node))
            }
            Run::UnknownFunction(help) => Err(unknown_function_error(text, help, span)),
            Run::Glued(f) => {
                let rest = &text[f.len()..];
                Err(Error::new(
                    Phase::Parsing,
                    format!("'{text}' runs the function {f} straight into {rest}"),
                )
                .at(span)
                .with_help(format!(
                    "put a space or brackets after {f}: {f} {rest} or {f}({rest})"
                )))
            }
            Run::Differential => {
                let var = unicode_name(&text[1..]);
                self.policy_note(
                    format!("d{var} is read as one name, the differential: a tiny nudge of {var}, as in d/d{var} and ∫ … d{var}; for d times {var} write d {var}"),
                    span,
                );
                Ok(None)
            }
            Run::English(word) => Err(english_error(text, word, span)),
        }
    }

    /// `xσ(x)`, `wσ(z)`: letters typed against σ before a bracket multiply the sigmoid of
    /// it, as `x σ(x)` does. The letters before σ, split as any run of letters is; none when
    /// the run is not letters and σ.
    pub(super) fn before_sigma(&mut self, typed: &str, span: Span) -> Option<Node> {
        let prefix = typed.strip_suffix('σ')?;
        let len = prefix.chars().count();
        let prefix_span = Span::new(span.start, span.start + len);
        let node = match len {
            0 => return None,
            1 if prefix.chars().all(|c| c.is_ascii_alphabetic()) => Node {
                kind: NodeKind::Var(prefix.to_string()),
                span: prefix_span,
            },
            _ if classify(prefix) == Run::Letters => self.split(prefix, prefix_span),
            _ => return None,
        };
        let shown = super::reading::reading(&node, true);
        self.policy_note(
            format!("{typed}(…) is read as {shown}·σ(…): letters typed together multiply, and σ(…) is the sigmoid"),
            span,
        );
        Some(node)
    }

    /// `xy` → x·y, `xe` → x·e, `pix` → π·x: one node per letter, each with its own span.
    fn split(&mut self, text: &str, span: Span) -> Node {
        let mut acc: Option<Node> = None;
        for (letter, at, len) in letters(text) {
            let kind = match letter {
                Letter::E => NodeKind::Constant(Constant::E),
                Letter::Pi => NodeKind::Constant(Constant::Pi),
                Letter::Var(name) => NodeKind::Var(name),
            };
            let node = Node {
                kind,
                span: Span::new(span.start + at, span.start + at + len),
            };
            acc = Some(match acc.take() {
                None => node,
                Some(lhs) => binary(BinOp::Implicit, lhs, node),
            });
        }
        acc.unwrap_or(Node {
            kind: NodeKind::Var(text.to_string()),
            span,
        })
    }
}

impl Builder<'_> {
    /// A run of letters right before "(" that is not a defined function: a call of a function
    /// nudge does not know (`relu(x)`, `loss(w)`), an error that names it; or, for a run such
    /// as `xy(x + 1)` that is read as letters, the letters, the last one multiplying the bracket.
    pub(super) fn unknown_call(
        &mut self,
        typed: &str,
        name: &str,
        span: Span,
    ) -> Result<Node, Error> {
        let class = classify(typed);
        // Only the longer built-in names: `mix(…)` is letters, not a slip for max.
        let builtins = BUILTIN_CALL_NAMES.iter().filter(|n| n.chars().count() > 3);
        let known = KNOWN_FUNCTION_NAMES.iter().chain(builtins);
        let typo = closest(name, known.copied());
        if let (Some(near), false) = (typo, matches!(class, Run::UnknownFunction(_))) {
            return Err(
                Error::new(Phase::Parsing, format!("unknown function '{typed}'"))
                    .with_kind(ErrorKind::UnknownFunction)
                    .at(span)
                    .with_help(format!("did you mean '{near}'?")),
            );
        }
        if matches!(class, Run::Letters | Run::Greek) {
            return Ok(match self.letter_run(typed, span)? {
                Some(product) => product,
                None => Node {
                    kind: NodeKind::Var(name.to_string()),
                    span,
                },
            });
        }
        let defined = self.names.defined();
        let mut help = match closest(name, defined.iter().map(String::as_str)) {
            Some(near) => format!("did you mean {near}? "),
            None => String::new(),
        };
        let message = match class {
            Run::UnknownFunction(advice) => {
                help.push_str(advice);
                format!("nudge does not know the function {typed}")
            }
            _ => {
                help.push_str(&format!(
                    "to use a function of your own, define it first, as in {typed}(x) = x^2 sin x, then {typed}(2) or {typed}'(x)"
                ));
                format!("{typed} is not a function nudge knows or you have defined")
            }
        };
        Err(Error::new(Phase::Parsing, message)
            .with_kind(ErrorKind::UnknownFunction)
            .at(span)
            .with_help(help))
    }
}
