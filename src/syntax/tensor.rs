//! Reading a line with sums, vectors or matrices through `grammar/tensor.pest`, checking
//! shapes as each part is built, so a misfit is an error under the part that does not fit.

use super::{Names, Note, Span};
use crate::error::{Error, ErrorKind, Phase};
use crate::expr::{Constant, Expr, Func, Symbol};
use crate::tensor::{dim, Declaration, Dim, Env, Fun, Mismatch, Shape, Tensor};
use pest::iterators::Pair;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/tensor.pest"]
struct Grammar;

/// A line read with shapes: what it asks, and the shape of every vector and matrix in it.
#[derive(Clone, Debug, PartialEq)]
pub struct TensorStatement {
    pub query: TensorQuery,
    pub shapes: Vec<(Symbol, Shape)>,
    pub symmetric: Vec<Symbol>,
}

/// What a line with shapes asks.
#[derive(Clone, Debug, PartialEq)]
pub enum TensorQuery {
    /// `x, b: vector(n)`: names given shapes.
    Declare(Vec<Declaration>),
    /// A formula, shown back with its shape.
    Show(Tensor),
    /// `d/dw …`, `∂/∂x …`, `∂/∂W …`, `∇_W …`.
    Derivative {
        var: Symbol,
        partial: bool,
        of: Tensor,
    },
    /// `∇_{w,b} L`, `grad L` of a formula of numbers: the slope by each number (every one
    /// that is not a sum's index, bound or indexed data, when `vars` is empty).
    Gradient { vars: Vec<Symbol>, of: Tensor },
    /// `read …`: the notation of a formula or a derivative, in words.
    Read(Box<TensorQuery>),
}

impl TensorStatement {
    /// The shapes as an environment for shape questions.
    pub fn env(&self) -> Env {
        Env {
            names: self.shapes.clone(),
            symmetric: self.symmetric.clone(),
            ..Env::default()
        }
    }
}

/// What marks a line as one with shapes wherever it appears.
const MARKS: [&str; 16] = [
    "Σ",
    "∑",
    "ᵀ",
    "‖",
    "⊙",
    "∈",
    "\\sum",
    "\\|",
    "\\odot",
    "\\top",
    "\\intercal",
    "Vert",
    "\\mathbb{R}",
    ".*",
    "⁻ᵀ",
    "sum_",
];

/// Whether a line is for this reader: it holds a sum, a transpose, a norm, ⊙, a trace or
/// determinant, a shape declaration, or a name declared with a shape.
pub fn claims(line: &str, names: &dyn Names) -> bool {
    let trimmed = line.trim_start();
    // ||x|| is a length; three bars or more are absolute values inside each other.
    let double_bars = line.contains("||") && !line.contains("|||");
    // Every mark holds a byte past ASCII or one of `\ . _ V`: a line with none of them (most
    // lines, such as `d/dx sin(x^2)`) is spared sixteen searches.
    let may_mark = line.bytes().any(may_start_a_mark);
    may_mark && MARKS.iter().any(|m| line.contains(m))
        || double_bars
        || trimmed.starts_with("let ")
        || declares(line)
        || transposes(line)
        || words(line)
            .any(|w| matches!(w, "tr" | "trace" | "det" | "diag") || names.shape(w).is_some())
}

/// Whether a byte can be part of a mark: every mark holds one.
fn may_start_a_mark(b: u8) -> bool {
    !b.is_ascii() || matches!(b, b'\\' | b'.' | b'_' | b'V')
}

/// Whether a `read` line can only be read with shapes: Σ, ∑, ᵀ, `sum_i` and `x^T` would
/// misread as letters and powers anywhere else, so an error reading them stands.
pub fn read_needs_shapes(line: &str) -> bool {
    let plain_sum = line
        .match_indices("sum_")
        .any(|(i, _)| !line[..i].ends_with('\\'));
    ["Σ", "∑", "ᵀ"].iter().any(|m| line.contains(m)) || plain_sum || transposes(line)
}

/// `x: vector(n)`, `A: matrix(m, n)`, `A: symmetric matrix(n)`.
fn declares(line: &str) -> bool {
    line.split_once(':').is_some_and(|(_, rest)| {
        let rest = rest.trim_start();
        ["vector", "matrix", "symmetric", "scalar"]
            .iter()
            .any(|w| rest.starts_with(w))
    })
}

/// `x^T`, `\mathbf{x}^T`, `x^{T}`: a transpose after a letter or a brace (not `e^T`).
fn transposes(line: &str) -> bool {
    line.match_indices('^').any(|(i, _)| {
        let base = line[..i].chars().next_back();
        let after = &line[i + 1..];
        // (1 + r)^T stays a power, as it is in finance: T periods.
        let letter_base = base.is_some_and(|b| b.is_alphabetic() && b != 'e' || b == '}');
        let mark = ["T", "{T}"]
            .iter()
            .find(|m| after.starts_with(**m))
            .is_some_and(|m| {
                !after[m.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            });
        letter_base && mark
    })
}

/// The names in a line: runs of letters, digits and underscores, less a number in front (`2x` is x).
fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map(|w| w.trim_start_matches(|c: char| c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
}

/// Each name with where it starts, as `words` finds them.
fn words_at(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.match_indices(|c: char| c.is_alphanumeric() || c == '_')
        .map(|(i, _)| i)
        .filter(move |&i| !line[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        .filter_map(move |i| words(&line[i..]).next().map(|w| (i, w)))
}

/// The numbers a formula can be nudged by: its letters, less each sum's index, its bounds
/// and its data (`y_i`, `x_i`).
fn numbers_in(t: &Tensor) -> Vec<Symbol> {
    let mut out: Vec<Symbol> = Vec::new();
    let add = |names: Vec<Symbol>, out: &mut Vec<Symbol>| {
        for n in names {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    };
    match t {
        Tensor::Scalar(e) => add(e.free_vars(), &mut out),
        Tensor::Sum {
            index,
            lower,
            upper,
            body,
        } => {
            let bounds: Vec<Symbol> = lower
                .free_vars()
                .into_iter()
                .chain(upper.free_vars())
                .collect();
            let suffix = format!("_{index}");
            let inside: Vec<Symbol> = numbers_in(body)
                .into_iter()
                .filter(|n| n != index && !n.ends_with(&suffix) && !bounds.contains(n))
                .collect();
            add(inside, &mut out);
        }
        Tensor::Add(parts) | Tensor::Mul(parts) => {
            for p in parts {
                add(numbers_in(p), &mut out);
            }
        }
        _ => {}
    }
    // A bound outside its sum (the n of 1/n) is not nudged either.
    let bounds = sum_bounds(t);
    out.retain(|n| !bounds.contains(n));
    out
}

fn sum_bounds(t: &Tensor) -> Vec<Symbol> {
    match t {
        Tensor::Sum { lower, upper, .. } => lower
            .free_vars()
            .into_iter()
            .chain(upper.free_vars())
            .collect(),
        Tensor::Add(parts) | Tensor::Mul(parts) => parts.iter().flat_map(sum_bounds).collect(),
        _ => Vec::new(),
    }
}

/// Reads a claimed line, with a note on how undeclared names were read.
pub fn parse(line: &str, names: &dyn Names) -> Result<(TensorStatement, Vec<Note>), Error> {
    let mut pairs = Grammar::parse(Rule::line, line).map_err(|e| unreadable(&e, line))?;
    let mut parts = pairs
        .next()
        .ok_or_else(|| Error::new(Phase::Parsing, "nothing was read"))?
        .into_inner();
    let top = parts
        .next()
        .ok_or_else(|| Error::new(Phase::Parsing, "nothing was read"))?;
    let mut reader = Reader {
        line,
        names,
        env: Env::default(),
        scalars_only: line.contains(['Σ', '∑']) || line.contains("sum_") || line.contains("\\sum"),
        assumed: Vec::new(),
    };
    let query = match top.as_rule() {
        Rule::declaration => TensorQuery::Declare(reader.declaration(top)?),
        Rule::read_word => {
            let rest = parts
                .next()
                .ok_or_else(|| Error::new(Phase::Parsing, "there is nothing to read here"))?;
            TensorQuery::Read(Box::new(reader.query(rest)?))
        }
        _ => reader.query(top)?,
    };
    let mut env = reader.env;
    let shapes: Vec<Shape> = env.names.iter().map(|(_, s)| s.clone()).collect();
    let taken: Vec<Symbol> = words(line).map(Symbol::from).collect();
    env.dims.name_unknowns(&shapes, &taken);
    let resolved: Vec<(Symbol, Shape)> = env
        .names
        .iter()
        .map(|(n, s)| (n.clone(), env.dims.resolve_shape(s)))
        .collect();
    let notes = assumed_note(&reader.assumed, &resolved);
    Ok((
        TensorStatement {
            query,
            shapes: resolved,
            symmetric: env.symmetric,
        },
        notes,
    ))
}

/// "x is read as a column vector (n×1) and A as a matrix (n×n)", for names not declared.
fn assumed_note(assumed: &[(Symbol, Span)], shapes: &[(Symbol, Shape)]) -> Vec<Note> {
    let Some((_, first_span)) = assumed.first() else {
        return Vec::new();
    };
    let parts: Vec<String> = assumed
        .iter()
        .filter_map(|(n, _)| {
            let s = shapes.iter().find(|(m, _)| m == n)?.1.clone();
            let kind = if s.is_column() {
                "a column vector"
            } else {
                "a matrix"
            };
            Some(format!(
                "{} as {kind} ({})",
                crate::expr::unicode_name(n),
                s.size(true)
            ))
        })
        .collect();
    let example = assumed
        .iter()
        .find_map(|(n, _)| {
            let s = shapes.iter().find(|(m, _)| m == n)?.1.clone();
            Some(if s.is_column() {
                format!("{n}: vector({})", s.rows)
            } else {
                format!("{n}: matrix({}, {})", s.rows, s.cols)
            })
        })
        .unwrap_or_default();
    vec![Note {
        message: format!(
            "nudge reads {} (a small letter is a column vector, a capital a matrix, until you declare a shape, as in {example})",
            join_and(&parts)
        ),
        span: *first_span,
    }]
}

fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

struct Reader<'a> {
    line: &'a str,
    names: &'a dyn Names,
    env: Env,
    /// A line with a sum is about numbers: its undeclared names are numbers.
    scalars_only: bool,
    /// Names given a shape by the convention, with where each was first met.
    assumed: Vec<(Symbol, Span)>,
}

type Read<T> = Result<T, Error>;

impl Reader<'_> {
    fn span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        let chars = |b: usize| self.line[..b].chars().count();
        Span::new(chars(s.start()), chars(s.end()))
    }

    /// Builds a part and checks its shape, pointing at `pair` when it does not fit.
    fn checked(&mut self, t: Tensor, pair: &Pair<Rule>) -> Read<Tensor> {
        let span = self.span(pair);
        self.env.infer(&t).map_err(|m| misfit(m, span))?;
        Ok(t)
    }

    fn declaration(&mut self, pair: Pair<Rule>) -> Read<Vec<Declaration>> {
        let mut names = Vec::new();
        let mut shape = Shape::scalar();
        let mut symmetric = false;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::decl_name => names.push(name_of(p.into_inner().next().expect("a name"))),
                Rule::shape_words | Rule::real_space => {
                    let span = self.span(&p);
                    let mut dims: Vec<Dim> = Vec::new();
                    let mut matrix = false;
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::symmetric => symmetric = true,
                            Rule::matrix_word => matrix = true,
                            Rule::dim => dims.push(dim(q.as_str())),
                            Rule::super_dim => dims.push(superscript_dim(q.as_str())),
                            _ => {}
                        }
                    }
                    shape = match (matrix, dims.as_slice()) {
                        (_, []) => Shape::scalar(),
                        (false, [n]) => Shape::column(n.clone()),
                        (true, [n]) => Shape::matrix(n.clone(), n.clone()),
                        (_, [m, n, ..]) => Shape::matrix(m.clone(), n.clone()),
                    };
                    if symmetric && !shape.is_square() {
                        return Err(Error::new(
                            Phase::Reading,
                            format!(
                                "a symmetric matrix is square, and this one is {}",
                                shape.size(true)
                            ),
                        )
                        .at(span)
                        .with_help("write A: symmetric matrix(n)"));
                    }
                }
                _ => {}
            }
        }
        Ok(names
            .into_iter()
            .map(|name| Declaration {
                name,
                shape: shape.clone(),
                symmetric,
            })
            .collect())
    }

    fn query(&mut self, pair: Pair<Rule>) -> Read<TensorQuery> {
        let mut operator = None;
        let mut gradient: Option<(Vec<Symbol>, Span)> = None;
        let mut expr = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::derivative_op => {
                    let partial = !p.as_str().starts_with('d') && !p.as_str().contains("{d}");
                    let var = p
                        .into_inner()
                        .find(|q| q.as_rule() == Rule::var)
                        .expect("a variable");
                    operator = Some((var, partial));
                }
                Rule::gradient_op => {
                    let span = self.span(&p);
                    let vars: Vec<Symbol> = p
                        .into_inner()
                        .filter(|q| q.as_rule() == Rule::var)
                        .filter_map(|q| q.into_inner().next().map(name_of))
                        .collect();
                    gradient = Some((vars, span));
                }
                Rule::expr => expr = Some(self.expr(p)?),
                _ => {}
            }
        }
        let of = expr.ok_or_else(|| Error::new(Phase::Parsing, "there is no formula here"))?;
        if let Some((vars, span)) = gradient {
            return self.gradient(vars, span, of);
        }
        Ok(match operator {
            None => TensorQuery::Show(of),
            Some((var, partial)) => {
                let name = name_of(var.into_inner().next().expect("a name"));
                TensorQuery::Derivative {
                    var: name,
                    partial,
                    of,
                }
            }
        })
    }

    /// `∇_W L` by one vector or matrix is its derivative; `∇_{w,b} L`, or `∇ L` of a formula
    /// of numbers, is the gradient by each number (all of them, when none is named).
    fn gradient(&mut self, vars: Vec<Symbol>, span: Span, of: Tensor) -> Read<TensorQuery> {
        let shaped = |v: &Symbol| self.env.shape_of(v).is_some_and(|s| !s.is_scalar());
        match vars.as_slice() {
            [one] => Ok(TensorQuery::Derivative {
                var: one.clone(),
                partial: true,
                of,
            }),
            _ if vars.iter().any(shaped) => Err(Error::new(
                Phase::Reading,
                "nudge takes a gradient by one vector or matrix at a time",
            )
            .at(span)
            .with_help("ask for each one on its own line, as in ∇_W L")),
            [] if self.env.names.iter().any(|(_, s)| !s.is_scalar()) => Err(Error::new(
                Phase::Reading,
                "a gradient here needs the vector or matrix it is taken by",
            )
            .at(span)
            .with_help("write it below the ∇, as in ∇_W ‖W x - y‖², or ask ∂/∂W")),
            [] => {
                let mut found = numbers_in(&of);
                let at = |v: &Symbol| {
                    words_at(self.line)
                        .find(|(_, w)| *w == &**v)
                        .map(|(i, _)| i)
                };
                found.sort_by_key(|v| at(v));
                if found.is_empty() {
                    return Err(
                        Error::new(Phase::Reading, "this formula has no number to nudge")
                            .with_kind(ErrorKind::NoVariables)
                            .at(span),
                    );
                }
                Ok(TensorQuery::Gradient { vars: found, of })
            }
            _ => Ok(TensorQuery::Gradient { vars, of }),
        }
    }

    fn expr(&mut self, pair: Pair<Rule>) -> Read<Tensor> {
        let whole = pair.clone();
        let mut terms: Vec<Tensor> = Vec::new();
        let mut negate = false;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::sign => negate = true,
                Rule::add_op => negate = p.as_str() != "+",
                Rule::term => {
                    let t = self.term(p)?;
                    terms.push(if negate { negated(t) } else { t });
                    negate = false;
                }
                _ => {}
            }
        }
        let t = if terms.len() == 1 {
            terms.pop().expect("one term")
        } else {
            added(terms)
        };
        self.checked(t, &whole)
    }

    fn term(&mut self, pair: Pair<Rule>) -> Read<Tensor> {
        let mut acc: Option<Tensor> = None;
        let mut op: Option<Rule> = None;
        let start = pair.as_span().start();
        for p in pair.into_inner() {
            if p.as_rule() == Rule::mul_op {
                op = p.into_inner().next().map(|o| o.as_rule());
                continue;
            }
            let end = p.as_span().end();
            let f = self.factor(p)?;
            let t = match (acc.take(), op.take()) {
                (None, _) => f,
                (Some(Tensor::Scalar(a)), Some(Rule::hadamard))
                    if matches!(f, Tensor::Scalar(_)) =>
                {
                    multiplied(Tensor::Scalar(a), f)
                }
                (Some(a), Some(Rule::hadamard)) => Tensor::Hadamard(Box::new(a), Box::new(f)),
                (Some(a), Some(Rule::dot_op)) => dotted(a, f, &mut self.env),
                (Some(a), Some(Rule::divide)) => divided(a, f),
                (Some(a), _) => multiplied(a, f),
            };
            let span = Span::new(
                self.line[..start].chars().count(),
                self.line[..end].chars().count(),
            );
            self.env.infer(&t).map_err(|m| misfit(m, span))?;
            acc = Some(t);
        }
        acc.ok_or_else(|| Error::new(Phase::Parsing, "there is no formula here"))
    }

    fn factor(&mut self, pair: Pair<Rule>) -> Read<Tensor> {
        let whole = pair.clone();
        let mut inner = pair.into_inner();
        let mut t = self.atom(inner.next().expect("an atom"))?;
        for post in inner {
            let p = post.into_inner().next().expect("a postfix");
            t = match p.as_rule() {
                Rule::transpose => transposed(t),
                Rule::inverse_transpose => Tensor::transpose(Tensor::Inverse(Box::new(t))),
                _ => self.power(t, p)?,
            };
            t = self.checked(t, &whole)?;
        }
        Ok(t)
    }

    fn power(&mut self, base: Tensor, pair: Pair<Rule>) -> Read<Tensor> {
        let span = self.span(&pair);
        let exp = match pair.into_inner().next() {
            None => return Err(Error::new(Phase::Parsing, "a power needs an exponent").at(span)),
            Some(p) if p.as_rule() == Rule::signed_number => {
                Tensor::Scalar(number(&p.as_str().replace('−', "-")))
            }
            Some(p) if p.as_rule() == Rule::expr => self.expr(p)?,
            Some(p) if p.as_rule() == Rule::superscript => {
                Tensor::Scalar(superscript_number(p.as_str()))
            }
            Some(p) => self.atom(p)?,
        };
        let Tensor::Scalar(exp) = exp else {
            return Err(Error::new(Phase::Reading, "a power here must be a number")
                .at(span)
                .with_help("for a matrix power write the product out, as in A A"));
        };
        let square = !matches!(base, Tensor::Scalar(_))
            && self
                .env
                .infer(&base)
                .is_ok_and(|s| s.is_square() && !s.is_scalar());
        if square && exp.as_number().and_then(|n| n.to_i64()) == Some(-1) {
            return Ok(Tensor::Inverse(Box::new(base)));
        }
        Ok(match base {
            Tensor::Scalar(b) => Tensor::Scalar(Expr::pow(b, exp)),
            other => Tensor::Pow(Box::new(other), exp),
        })
    }

    fn atom(&mut self, pair: Pair<Rule>) -> Read<Tensor> {
        let whole = pair.clone();
        let t = match pair.as_rule() {
            Rule::number => Tensor::Scalar(number(pair.as_str())),
            Rule::name => self.name(pair)?,
            Rule::paren => self.expr(pair.into_inner().next().expect("an expression"))?,
            Rule::frac => {
                let mut parts = pair.into_inner();
                let top = self.expr(parts.next().expect("a top"))?;
                let bottom = self.expr(parts.next().expect("a bottom"))?;
                divided(top, bottom)
            }
            Rule::norm => {
                let inner = self.expr(pair.into_inner().next().expect("an expression"))?;
                match inner {
                    Tensor::Scalar(e) => Tensor::Scalar(Expr::func(Func::Abs, e)),
                    other => Tensor::Norm(Box::new(other)),
                }
            }
            Rule::call => self.call(pair)?,
            Rule::sum => self.sum(pair)?,
            _ => {
                return Err(Error::new(Phase::Parsing, "nudge could not read this part")
                    .at(self.span(&pair)))
            }
        };
        self.checked(t, &whole)
    }

    fn call(&mut self, pair: Pair<Rule>) -> Read<Tensor> {
        let mut parts = pair.into_inner();
        let f = parts.next().expect("a function");
        let word = f
            .as_str()
            .trim_start_matches("\\operatorname{")
            .trim_start_matches('\\')
            .trim_end_matches('}');
        let fun = match word {
            "tr" | "trace" => Fun::Trace,
            "det" => Fun::Det,
            "diag" => Fun::Diag,
            "softmax" => Fun::Softmax,
            "log" | "ln" => Fun::Log,
            "exp" => Fun::Exp,
            "sigmoid" | "sigma" | "σ" => Fun::Sigmoid,
            "tanh" => Fun::Tanh,
            "sin" => Fun::Sin,
            _ => Fun::Cos,
        };
        let arg_pair = parts.next().expect("an argument");
        let arg = match arg_pair.as_rule() {
            Rule::factor => self.factor(arg_pair)?,
            _ => self.expr(arg_pair)?,
        };
        let scalar_func = match fun {
            Fun::Log => Some(Func::Ln),
            Fun::Tanh => Some(Func::Tanh),
            Fun::Sigmoid => Some(Func::Sigmoid),
            Fun::Sin => Some(Func::Sin),
            Fun::Cos => Some(Func::Cos),
            _ => None,
        };
        Ok(match (arg, scalar_func) {
            (Tensor::Scalar(e), _) if fun == Fun::Exp => Tensor::Scalar(Expr::exp(e)),
            (Tensor::Scalar(e), Some(func)) => Tensor::Scalar(Expr::func(func, e)),
            (arg, _) => Tensor::apply(fun, arg),
        })
    }

    fn sum(&mut self, pair: Pair<Rule>) -> Read<Tensor> {
        let span = self.span(&pair);
        let mut index = None;
        let mut bounds: Vec<Expr> = Vec::new();
        let mut body = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::sum_range => {
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::index => index = Some(Symbol::from(q.as_str())),
                            Rule::bound => bounds.push(bound(q.as_str())),
                            _ => {}
                        }
                    }
                }
                Rule::term => body = Some(self.term(p)?),
                _ => {}
            }
        }
        let body =
            body.ok_or_else(|| Error::new(Phase::Parsing, "a sum needs terms to add").at(span))?;
        let index = match index {
            Some(i) => i,
            None => only_index(&body).ok_or_else(|| {
                Error::new(
                    Phase::Reading,
                    "this sum does not say which index it runs over",
                )
                .at(span)
                .with_help("write the index below it, as in Σ_i or Σ_{i=1}^{n}")
            })?,
        };
        let (lower, upper) = match bounds.as_slice() {
            [lo, hi] => (lo.clone(), hi.clone()),
            [hi] => (Expr::one(), hi.clone()),
            _ => (Expr::one(), Expr::var("n")),
        };
        Ok(Tensor::Sum {
            index,
            lower,
            upper,
            body: Box::new(body),
        })
    }

    fn name(&mut self, pair: Pair<Rule>) -> Read<Tensor> {
        let span = self.span(&pair);
        let bold = pair
            .clone()
            .into_inner()
            .next()
            .is_some_and(|p| p.as_rule() == Rule::bold);
        let name = name_of(pair);
        match &*name {
            "e" => return Ok(Tensor::Scalar(Expr::e())),
            "pi" | "π" => return Ok(Tensor::Scalar(Expr::constant(Constant::Pi))),
            _ => {}
        }
        if self.env.shape_of(&name).is_some() {
            return Ok(Tensor::Name(name));
        }
        if let Some((shape, symmetric)) = self.names.shape(&name) {
            self.env.names.push((name.clone(), shape.clone()));
            if symmetric {
                self.env.symmetric.push(name.clone());
            }
            return Ok(if shape.is_scalar() {
                Tensor::Scalar(Expr::symbol(name))
            } else {
                Tensor::Name(name)
            });
        }
        let first = name.chars().next().unwrap_or('x');
        let single =
            name.len() == 1 || name[1..].starts_with(|c: char| c.is_ascii_digit() || c == '_');
        let shaped = single && first.is_ascii_alphabetic() && (bold || !self.scalars_only);
        if !shaped {
            return Ok(Tensor::Scalar(Expr::symbol(name)));
        }
        let shape = if first.is_ascii_uppercase() {
            Shape::matrix(self.env.dims.fresh(), self.env.dims.fresh())
        } else {
            Shape::column(self.env.dims.fresh())
        };
        self.env.names.push((name.clone(), shape));
        self.assumed.push((name.clone(), span));
        Ok(Tensor::Name(name))
    }
}

/// The name a `name` pair spells, as nudge stores it: `\mathbf{x}` is x, `A_{ij}` is A_ij.
fn name_of(pair: Pair<Rule>) -> Symbol {
    let mut text = String::new();
    for p in pair.into_inner().flat_map(|p| match p.as_rule() {
        Rule::bold => p.into_inner().next().expect("a name").into_inner(),
        _ => p.into_inner(),
    }) {
        match p.as_rule() {
            Rule::latex_greek => text.push_str(&p.as_str()[1..]),
            Rule::subscript => {
                text.push('_');
                text.push_str(p.as_str()[1..].trim_matches(['{', '}']));
            }
            Rule::letter => match crate::expr::greek_name(p.as_str().chars().next().unwrap_or('x'))
            {
                Some(greek) if !p.as_str().is_ascii() => {
                    text.push_str(greek);
                    text.push_str(
                        &p.as_str()[p.as_str().chars().next().map_or(0, char::len_utf8)..],
                    );
                }
                _ => text.push_str(p.as_str()),
            },
            _ => text.push_str(p.as_str()),
        }
    }
    Symbol::from(text)
}

/// The one letter the body's names are subscripted with (`y_i`, `x_i`: i), for `Σ (y_i - w x_i)²`.
fn only_index(body: &Tensor) -> Option<Symbol> {
    let Tensor::Scalar(e) = body else {
        return None;
    };
    let mut found: Vec<String> = e
        .free_vars()
        .iter()
        .filter_map(|v| v.split_once('_').map(|(_, s)| s.to_string()))
        .filter(|s| s.len() == 1 && s.chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    found.sort();
    found.dedup();
    match found.as_slice() {
        [one] => Some(Symbol::from(one.as_str())),
        _ => None,
    }
}

fn number(text: &str) -> Expr {
    match text.split_once('.') {
        Some((whole, frac)) => {
            let digits = format!("{whole}{frac}");
            let scale = 10i64.pow(frac.len().min(18) as u32);
            Expr::div(
                digits
                    .parse::<i64>()
                    .map_or_else(|_| Expr::zero(), Expr::int),
                Expr::int(scale),
            )
        }
        None => text.parse::<i64>().map_or_else(|_| Expr::zero(), Expr::int),
    }
}

fn bound(text: &str) -> Expr {
    match text.parse::<i64>() {
        Ok(n) => Expr::int(n),
        Err(_) => Expr::var(text),
    }
}

fn superscript_number(text: &str) -> Expr {
    let mut value: i64 = 0;
    let mut negative = false;
    for c in text.chars() {
        match c {
            '⁻' => negative = true,
            '¹' => value = value * 10 + 1,
            '²' => value = value * 10 + 2,
            '³' => value = value * 10 + 3,
            c @ '⁰'..='⁹' => value = value * 10 + (c as i64 - '⁰' as i64),
            _ => {}
        }
    }
    Expr::int(if negative { -value } else { value })
}

fn superscript_dim(text: &str) -> Dim {
    match text {
        "ⁿ" => Dim::Named(Symbol::from("n")),
        "ᵐ" => Dim::Named(Symbol::from("m")),
        digits => Dim::Size(
            superscript_number(digits)
                .as_number()
                .and_then(|n| n.to_i64())
                .unwrap_or(1) as u64,
        ),
    }
}

fn negated(t: Tensor) -> Tensor {
    multiplied(Tensor::number(-1), t)
}

fn added(terms: Vec<Tensor>) -> Tensor {
    if terms.iter().all(|t| matches!(t, Tensor::Scalar(_))) {
        return Tensor::Scalar(Expr::add(
            terms
                .into_iter()
                .filter_map(|t| match t {
                    Tensor::Scalar(e) => Some(e),
                    _ => None,
                })
                .collect(),
        ));
    }
    Tensor::Add(terms)
}

fn multiplied(a: Tensor, b: Tensor) -> Tensor {
    match (a, b) {
        (Tensor::Scalar(x), Tensor::Scalar(y)) => Tensor::Scalar(Expr::mul(vec![x, y])),
        (Tensor::Mul(mut fs), b) => {
            fs.push(b);
            Tensor::Mul(fs)
        }
        (a, b) => Tensor::Mul(vec![a, b]),
    }
}

fn divided(a: Tensor, b: Tensor) -> Tensor {
    match (a, b) {
        (Tensor::Scalar(x), Tensor::Scalar(y)) => Tensor::Scalar(Expr::div(x, y)),
        (a, b) => Tensor::Div(Box::new(a), Box::new(b)),
    }
}

fn transposed(t: Tensor) -> Tensor {
    match t {
        Tensor::Scalar(e) => Tensor::Scalar(e),
        other => Tensor::transpose(other),
    }
}

/// `x · y`: a dot product of two vectors, or a product when either side is a number.
fn dotted(a: Tensor, b: Tensor, env: &mut Env) -> Tensor {
    let vectors =
        env.infer(&a).is_ok_and(|s| !s.is_scalar()) && env.infer(&b).is_ok_and(|s| !s.is_scalar());
    if vectors {
        Tensor::Dot(Box::new(a), Box::new(b))
    } else {
        multiplied(a, b)
    }
}

fn misfit(m: Mismatch, span: Span) -> Error {
    Error::new(Phase::Reading, m.message)
        .with_kind(ErrorKind::ShapeMismatch)
        .at(span)
        .with_help(m.help)
}

fn unreadable(e: &pest::error::Error<Rule>, line: &str) -> Error {
    let at = match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    };
    let start = line[..at.min(line.len())].chars().count();
    let end = (start + 1).min(line.chars().count().max(start + 1));
    Error::new(
        Phase::Parsing,
        "nudge could not read this formula with sums, vectors or matrices from here on",
    )
    .at(Span::new(start, end))
    .with_help(
        "sums are written Σ_{i=1}^{n} (y_i - w x_i)^2 or sum_i …, transposes x^T or xᵀ, lengths ‖x‖ or ||x||, products A x; declare shapes with x: vector(n), A: matrix(m, n)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first look may only skip a line that holds no mark: each mark passes it.
    #[test]
    fn every_mark_passes_the_first_look() {
        for mark in MARKS {
            assert!(mark.bytes().any(may_start_a_mark), "{mark}");
        }
        assert!(!"d/dx sin(x^2)".bytes().any(may_start_a_mark));
    }
}
