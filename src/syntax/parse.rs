//! From a line of text to a syntax tree, through the pest grammar in `grammar/nudge.pest`.

use super::abstract_fn::is_abstract_call;
use super::ast::{BinOp, Body, Callee, Command, Node, NodeKind, Point, Span, Statement};
use super::builtin::builtin;
use super::letters::{is_letter_run, leading_word_error};
use super::names::{Names, NoNames};
use super::scientific::scientific_notation_notes;
use super::unsupported::check_unsupported;
use super::words::describe_parse_error;
use crate::error::{closest, Error, Phase};
use crate::expr::{unicode_name, Constant, Func, Number, KNOWN_FUNCTION_NAMES};
use pest::iterators::{Pair, Pairs};
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/nudge.pest"]
pub(super) struct Grammar;

/// Longest line nudge reads, in bytes.
pub const MAX_LINE_BYTES: usize = 512 * 1024;
/// Deepest nesting of brackets, powers and roots nudge reads.
pub const MAX_NESTING: usize = 5000;
/// Highest derivative order nudge computes.
pub const MAX_ORDER: u32 = 100;

/// A remark about how the input was read, shown beside the reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub message: String,
    pub span: Span,
}

/// A parsed line and the remarks made while reading it.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub statement: Statement,
    pub notes: Vec<Note>,
    /// Remarks on how a run of letters was read (`xy` as x·y, `loss` as one name): worth
    /// saying the first time a session meets each one.
    pub policy_notes: Vec<Note>,
}

/// Parses one line of input with no names defined.
pub fn parse(line: &str) -> Result<Parsed, Error> {
    parse_in(line, &NoNames)
}

/// Parses one line of input; `names` tells which names are functions the learner defined.
pub fn parse_in(line: &str, names: &dyn Names) -> Result<Parsed, Error> {
    let offsets = Offsets::new(line);
    if line.trim().is_empty() {
        return Err(Error::new(Phase::Parsing, "there is nothing to read here")
            .at(Span::new(0, offsets.chars(line.len())))
            .with_help("type an expression such as x^2, or a question such as d/dx sin(x)"));
    }
    if line.len() > MAX_LINE_BYTES {
        return Err(Error::new(
            Phase::Parsing,
            format!(
                "this line is {} bytes long; nudge reads lines of up to {} bytes",
                line.len(),
                MAX_LINE_BYTES
            ),
        )
        .at(Span::new(0, 0)));
    }
    check_nesting(line, &offsets)?;
    let start = line.trim_start();
    let explaining = start.starts_with('?')
        || start
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("read"))
            && !start[4..].starts_with(|c: char| c.is_alphanumeric());
    // A line with sums, vectors or matrices is read with shapes; `read` falls back to naming
    // the symbols it does not know (\oint) when such a line is not one nudge can read whole.
    if super::tensor::claims(line, names) {
        match super::tensor::parse(line, names) {
            Ok((statement, notes)) => {
                return Ok(Parsed {
                    statement: Statement::Tensor(Box::new(statement)),
                    notes,
                    policy_notes: Vec::new(),
                })
            }
            Err(e) if !explaining || super::tensor::read_needs_shapes(line) => return Err(e),
            Err(_) => {}
        }
    }
    check_unsupported(line, &offsets, explaining)?;
    let mut pairs = Grammar::parse(Rule::line, line).map_err(|e| {
        leading_word_error(line).unwrap_or_else(|| describe_parse_error(&e, line, &offsets))
    })?;
    let line_pair = pairs
        .next()
        .ok_or_else(|| Error::new(Phase::Parsing, "nothing was read"))?;
    let mut builder = Builder {
        offsets,
        notes: Vec::new(),
        policy_notes: Vec::new(),
        names,
        defining: None,
        params: Vec::new(),
        line,
        last_word: None,
    };
    let statement = builder.statement(line_pair)?;
    let mut notes = builder.notes;
    notes.extend(scientific_notation_notes(line, &builder.offsets));
    Ok(Parsed {
        statement,
        notes,
        policy_notes: builder.policy_notes,
    })
}

/// Refuses input nested so deeply that reading it would exhaust the stack.
/// Most operators that may nest without brackets (`x^x^…`, `- - x`, `√√x`, `sin sin x`)
/// in one line: generous, since a long sum uses many of them side by side.
const MAX_CHAINED: usize = 50_000;

/// Longest run of `|` bars (spaces between them included) nudge tries to group.
const MAX_BAR_RUN: usize = 32;

fn check_nesting(line: &str, offsets: &Offsets) -> Result<(), Error> {
    let mut depth: usize = 0;
    let mut chained: usize = 0;
    let mut word_start: Option<usize> = None;
    let mut bar_run: usize = 0;
    for (i, c) in line.char_indices() {
        // |||…x…||| can be grouped in many ways, and trying them grows as the cube of
        // the run: a long run of bars is refused rather than tried.
        match c {
            '|' => bar_run += 1,
            ' ' => {}
            _ => bar_run = 0,
        }
        if bar_run > MAX_BAR_RUN {
            let at = offsets.chars(i);
            return Err(Error::new(
                Phase::Parsing,
                format!("more than {MAX_BAR_RUN} bars | in a row, more than nudge reads"),
            )
            .at(Span::new(at, at + 1))
            .with_help("write abs(…) for an absolute value inside another one"));
        }
        if c.is_alphabetic() {
            word_start.get_or_insert(i);
            continue;
        }
        // A function name followed by a space applies to what follows: sin sin x.
        if let Some(start) = word_start.take() {
            if c == ' ' && KNOWN_FUNCTION_NAMES.contains(&&line[start..i]) {
                chained += 1;
            }
        }
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '^' | '√' | '-' | '−' | '|' => chained += 1,
            _ => {}
        }
        if depth > MAX_NESTING || chained > MAX_CHAINED {
            let at = offsets.chars(i);
            return Err(Error::new(
                Phase::Parsing,
                format!(
                    "this is nested more than {MAX_NESTING} levels deep, more than nudge reads"
                ),
            )
            .at(Span::new(at, at + 1)));
        }
    }
    Ok(())
}

/// Converts pest's byte offsets into character offsets.
pub(super) struct Offsets {
    /// Character index of each byte; `None` when the line is ASCII.
    table: Option<Vec<usize>>,
}

impl Offsets {
    fn new(line: &str) -> Offsets {
        if line.is_ascii() {
            return Offsets { table: None };
        }
        let mut table = vec![0; line.len() + 1];
        let mut count = 0;
        for (byte, _) in line.char_indices() {
            table[byte] = count;
            count += 1;
        }
        table[line.len()] = count;
        for byte in 1..line.len() {
            if !line.is_char_boundary(byte) {
                table[byte] = table[byte - 1];
            }
        }
        Offsets { table: Some(table) }
    }

    pub(super) fn chars(&self, byte: usize) -> usize {
        match &self.table {
            None => byte,
            Some(t) => t
                .get(byte)
                .copied()
                .unwrap_or_else(|| t.last().copied().unwrap_or(0)),
        }
    }
}

pub(super) struct Builder<'n> {
    pub(super) offsets: Offsets,
    pub(super) notes: Vec<Note>,
    pub(super) policy_notes: Vec<Note>,
    pub(super) names: &'n dyn Names,
    /// The name a definition line is defining: using it in its own body is an error.
    pub(super) defining: Option<String>,
    /// The inputs of the definition being read: `ab` in `f(ab) = ab^2` is one name.
    pub(super) params: Vec<String>,
    /// The line as typed.
    pub(super) line: &'n str,
    /// The last word of four letters or more read as a name: two side by side are not a product.
    pub(super) last_word: Option<Span>,
}

/// What a derivative operator says: which variable, how many times, partial or not.
struct Operator {
    var: String,
    order: u32,
    partial: bool,
}

pub(super) fn internal(what: &str) -> Error {
    Error::new(Phase::Parsing, format!("internal parser error: {what}"))
}

impl Builder<'_> {
    /// A remark on how a run of letters was read, once per line.
    pub(super) fn policy_note(&mut self, message: String, span: Span) {
        if !self.policy_notes.iter().any(|n| n.message == message) {
            self.policy_notes.push(Note { message, span });
        }
    }

    /// Whether `span` is the first word of the line and a space and more maths follow it, as
    /// a command would be followed: `simplify x^2` (but not `speed * 2`).
    pub(super) fn leads_the_line(&self, span: Span) -> bool {
        let mut chars = self
            .line
            .chars()
            .enumerate()
            .skip_while(|(_, c)| c.is_whitespace());
        let starts = chars.next().is_some_and(|(i, _)| i == span.start);
        let mut after = self.line.chars().skip(span.end);
        starts
            && after.next().is_some_and(char::is_whitespace)
            && after
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| c.is_alphanumeric() || "(\\√|{∂∇∫".contains(c))
    }

    pub(super) fn span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.offsets.chars(s.start()), self.offsets.chars(s.end()))
    }

    fn statement(&mut self, line: Pair<Rule>) -> Result<Statement, Error> {
        let mut parts = line.into_inner().filter(|p| p.as_rule() != Rule::EOI);
        let pair = parts.next().ok_or_else(|| internal("empty line"))?;
        let statement = match pair.as_rule() {
            Rule::command => return Ok(Statement::Command(self.command(pair)?)),
            Rule::check_query => return self.check(pair),
            Rule::definition => return self.definition(pair),
            Rule::read => return self.read(pair),
            Rule::nudge_query
            | Rule::tangent_query
            | Rule::limit_query
            | Rule::plot_query
            | Rule::contour_query => return Ok(Statement::Seeing(Box::new(self.seeing(pair)?))),
            Rule::backprop_query | Rule::descend_query => return self.training(pair),
            Rule::derivative => self.derivative(pair)?,
            Rule::diff_call | Rule::partial_call => self.call_form(pair)?,
            Rule::integral | Rule::integral_call => self.integral(pair)?,
            Rule::named_derivative => self.named_derivative(pair)?,
            Rule::named_prime => self.named_prime(pair)?,
            Rule::english_question | Rule::english_integrate => self.english_question(pair)?,
            Rule::bracket_prime => self.bracket_prime(pair)?,
            Rule::latex_named_derivative => self.latex_named_derivative(pair)?,
            Rule::expr => Statement::Expr(self.expr(pair)?),
            _ => Statement::Multivar(self.multivar(pair)?),
        };
        match parts.next() {
            Some(at) if at.as_rule() == Rule::at_clause => Ok(Statement::At {
                inner: Box::new(statement),
                point: self.at_clause(at)?,
            }),
            _ => Ok(statement),
        }
    }

    fn command(&mut self, pair: Pair<Rule>) -> Result<Command, Error> {
        let inner = pair
            .into_inner()
            .next()
            .ok_or_else(|| internal("command"))?;
        Ok(match inner.as_rule() {
            Rule::help_command => Command::Help(
                inner
                    .into_inner()
                    .find(|p| p.as_rule() == Rule::help_topic)
                    .map(|t| (t.as_str().trim().to_lowercase(), self.span(&t))),
            ),
            Rule::lesson_command | Rule::practice_command => {
                let lesson = inner.as_rule() == Rule::lesson_command;
                let rest = inner
                    .into_inner()
                    .find(|p| p.as_rule() == Rule::command_rest)
                    .map(|t| (t.as_str().trim().to_lowercase(), self.span(&t)));
                if lesson {
                    Command::Lesson(rest)
                } else {
                    Command::Practice(rest)
                }
            }
            Rule::undef_command => {
                let span = self.span(&inner);
                match inner.into_inner().find(|p| p.as_rule() == Rule::name) {
                    Some(v) => Command::Undef(ascii_name(v.as_str()), self.span(&v)),
                    None => Command::Undef(String::new(), Span::new(span.end, span.end)),
                }
            }
            _ => match inner.as_str().to_ascii_lowercase().as_str() {
                "rules" => Command::Rules,
                "glossary" => Command::Glossary,
                "defs" => Command::Defs,
                "reset" => Command::Reset,
                "lessons" => Command::Lessons,
                _ => Command::Quit,
            },
        })
    }

    fn definition(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let mut name = None;
        let mut params: Vec<String> = Vec::new();
        let mut body = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::def_name => {
                    let span = self.span(&part);
                    let written = part
                        .into_inner()
                        .next()
                        .ok_or_else(|| internal("definition name"))?;
                    let n = match written.as_rule() {
                        Rule::plain_def_name => ascii_name(written.as_str()),
                        _ => self.latex_variable_name(written)?,
                    };
                    if n == "ans" {
                        return Err(Error::new(
                            Phase::Parsing,
                            "ans always holds the last result, so it cannot be defined",
                        )
                        .at(span)
                        .with_help("pick another name, such as a = …"));
                    }
                    self.defining = Some(n.clone());
                    name = Some((n, span));
                }
                Rule::def_params => {
                    let inputs = part.into_inner().filter(|p| {
                        !matches!(p.as_rule(), Rule::lparen | Rule::comma | Rule::rparen)
                    });
                    for v in inputs {
                        let v_span = self.span(&v);
                        let p = self.latex_variable_name(v)?;
                        if params.contains(&p) {
                            return Err(Error::new(
                                Phase::Parsing,
                                format!("the input {} is named twice", unicode_name(&p)),
                            )
                            .at(v_span)
                            .with_help("give each input its own name, as in g(x, y) = x^2 y"));
                        }
                        params.push(p);
                    }
                    self.params.clone_from(&params);
                }
                Rule::expr => body = Some(Body::Scalar(self.expr(part)?)),
                Rule::tuple => body = Some(Body::Vector(self.list(part)?)),
                _ => {}
            }
        }
        let (name, name_span) = name.ok_or_else(|| internal("definition name"))?;
        Ok(Statement::Define {
            name,
            name_span,
            params,
            body: body.ok_or_else(|| internal("definition body"))?,
        })
    }

    pub(super) fn named_derivative(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let op_span = self.span(&pair);
        let mut name = None;
        let op = self.operator(pair, op_span, |part, b| {
            if part.as_rule() == Rule::defined_name {
                name = Some((ascii_name(part.as_str()), b.span(part)));
            }
        })?;
        let (name, name_span) = name.ok_or_else(|| internal("named derivative"))?;
        Ok(Statement::NamedDerivative {
            name,
            name_span,
            var: Some(op.var),
            order: op.order,
            partial: op.partial,
        })
    }

    /// `y'`, `f''`: as many derivatives as primes, by the definition's own variable.
    pub(super) fn named_prime(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let mut name = None;
        let mut order = 0;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::defined_name => name = Some((ascii_name(part.as_str()), self.span(&part))),
                Rule::prime if part.as_str() == "″" => order += 2,
                Rule::prime if part.as_str() == "‴" => order += 3,
                _ => order += 1,
            }
        }
        let (name, name_span) = name.ok_or_else(|| internal("named prime"))?;
        Ok(Statement::NamedDerivative {
            name,
            name_span,
            var: None,
            order,
            partial: false,
        })
    }

    pub(super) fn at_clause(&mut self, pair: Pair<Rule>) -> Result<Point, Error> {
        let mut named = Vec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::at_point => {
                    let mut values = Vec::new();
                    for p in part.into_inner().filter(|p| p.as_rule() == Rule::expr) {
                        values.push(self.expr(p)?);
                    }
                    return Ok(Point::Tuple(values));
                }
                Rule::at_bare => {
                    let value = part
                        .into_inner()
                        .next()
                        .ok_or_else(|| internal("at value"))?;
                    return Ok(Point::Tuple(vec![self.expr(value)?]));
                }
                Rule::at_binding => {
                    let mut inner = part.into_inner();
                    let var = inner.next().ok_or_else(|| internal("at variable"))?;
                    let value = inner
                        .find(|p| p.as_rule() == Rule::expr)
                        .ok_or_else(|| internal("at value"))?;
                    named.push((ascii_name(var.as_str()), self.expr(value)?));
                }
                _ => {}
            }
        }
        Ok(Point::Named(named))
    }

    pub(super) fn derivative(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let mut inner = pair.into_inner();
        let op = inner.next().ok_or_else(|| internal("operator"))?;
        let body = self.expr(inner.next().ok_or_else(|| internal("body"))?)?;
        let op_span = self.span(&op);
        let op = self.operator(op, op_span, |_, _| {})?;
        Ok(Statement::Derivative {
            body,
            var: op.var,
            order: op.order,
            partial: op.partial,
        })
    }

    /// `d²/dx²` → (x, 2, ordinary); `∂/∂y` → (y, 1, partial).
    pub(super) fn derivative_operator(
        &mut self,
        op: Pair<Rule>,
    ) -> Result<(String, u32, bool), Error> {
        let op_span = self.span(&op);
        let op = self.operator(op, op_span, |_, _| {})?;
        Ok((op.var, op.order, op.partial))
    }

    /// The parts of `d/dx`, `d²y/dx²`, `∂/∂x`: checked, and handed to `other` when not d, order or x.
    fn operator(
        &mut self,
        op: Pair<Rule>,
        op_span: Span,
        mut other: impl FnMut(&Pair<Rule>, &Self),
    ) -> Result<Operator, Error> {
        let mut partial_marks = Vec::new();
        let mut orders = Vec::new();
        let mut var = String::new();
        for part in op.into_inner() {
            match part.as_rule() {
                Rule::leibniz_d | Rule::latex_leibniz_d => partial_marks.push(false),
                Rule::partial_d | Rule::latex_partial_d => partial_marks.push(true),
                Rule::order => orders.push((partial_marks.len(), self.order(part)?)),
                Rule::respect_var => var = ascii_name(part.as_str()),
                Rule::latex_styled
                | Rule::latex_subscripted
                | Rule::latex_command
                | Rule::variable => var = self.latex_variable_name(part)?,
                _ => other(&part, self),
            }
        }
        let top = orders.iter().find(|(at, _)| *at == 1).map(|(_, n)| *n);
        let bottom = orders.iter().find(|(at, _)| *at == 2).map(|(_, n)| *n);
        if top != bottom {
            let show = |o: Option<u32>| o.map_or("none".to_string(), |n| n.to_string());
            return Err(Error::new(
                Phase::Parsing,
                format!(
                    "the order on top ({}) and below ({}) must match",
                    show(top),
                    show(bottom)
                ),
            )
            .at(op_span)
            .with_help("write d^2/dx^2 (or d²/dx²) for the second derivative"));
        }
        if partial_marks.first() != partial_marks.last() {
            return Err(
                Error::new(Phase::Parsing, "mixing d and ∂ in one derivative")
                    .at(op_span)
                    .with_help("use d/dx for one variable, ∂/∂x for a partial derivative"),
            );
        }
        Ok(Operator {
            var,
            order: self.check_order(top.unwrap_or(1), op_span)?,
            partial: partial_marks.first() == Some(&true),
        })
    }

    pub(super) fn call_form(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let partial = pair.as_rule() == Rule::partial_call;
        let mut body = None;
        let mut var = None;
        let mut order = 1;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::expr => body = Some(self.expr(part)?),
                Rule::variable => var = Some(ascii_name(part.as_str())),
                Rule::integer => {
                    let span = self.span(&part);
                    order = self.check_order(self.integer(&part)?, span)?;
                }
                _ => {}
            }
        }
        Ok(Statement::Derivative {
            body: body.ok_or_else(|| internal("call body"))?,
            var: var.ok_or_else(|| internal("call variable"))?,
            order,
            partial,
        })
    }

    /// `∫ f dx`, `∫_a^b f dx`, `integrate(f, x)`, `integrate(f, x, a, b)`.
    pub(super) fn integral(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let mut exprs = Vec::new();
        let mut var = None;
        let mut bounds = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::expr => exprs.push(self.expr(part)?),
                Rule::variable => var = Some(ascii_name(part.as_str())),
                Rule::differential => {
                    let name = part.into_inner().next().ok_or_else(|| internal("dx"))?;
                    if matches!(name.as_str(), "e" | "pi" | "π") {
                        return Err(Error::new(
                            Phase::Parsing,
                            format!(
                                "{} is a constant, not a variable to integrate over",
                                name.as_str()
                            ),
                        )
                        .at(self.span(&name))
                        .with_help("end the integral with d and a variable, as in dx or dt"));
                    }
                    var = Some(ascii_name(name.as_str()));
                }
                Rule::integral_bounds => bounds = Some(self.integral_bounds(part)?),
                _ => {}
            }
        }
        let mut exprs = exprs.into_iter();
        let body = exprs.next().ok_or_else(|| internal("integrand"))?;
        if let (Some(lower), Some(upper)) = (exprs.next(), exprs.next()) {
            bounds = Some((lower, upper));
        }
        Ok(Statement::Integral {
            body,
            var: var.ok_or_else(|| internal("variable of integration"))?,
            bounds,
        })
    }

    fn integral_bounds(&mut self, pair: Pair<Rule>) -> Result<(Node, Node), Error> {
        let mut found = Vec::new();
        for part in pair.into_inner() {
            let span = self.span(&part);
            let node = match part.as_rule() {
                Rule::bound => self.bound(part)?,
                Rule::subscript_bound => {
                    let text = part.as_str();
                    let digits = from_subscript(text);
                    let value = Number::parse_decimal(&digits)
                        .ok_or_else(|| internal("subscript bound"))?;
                    let number = Node {
                        kind: NodeKind::Number(value),
                        span,
                    };
                    if text.starts_with('₋') {
                        negate(span, number)
                    } else {
                        number
                    }
                }
                Rule::superscript_bound => self.superscript(&part)?,
                _ => continue,
            };
            found.push(node);
        }
        let mut found = found.into_iter();
        match (found.next(), found.next()) {
            (Some(lower), Some(upper)) => Ok((lower, upper)),
            _ => Err(internal("integral bounds")),
        }
    }

    fn bound(&mut self, pair: Pair<Rule>) -> Result<Node, Error> {
        let mut negations = Vec::new();
        let mut node = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::negation => negations.push(self.span(&part)),
                Rule::expr => node = Some(self.expr(part)?),
                _ => node = Some(self.primary(part)?),
            }
        }
        let mut node = node.ok_or_else(|| internal("bound"))?;
        for neg in negations.into_iter().rev() {
            node = negate(neg, node);
        }
        Ok(node)
    }

    pub(super) fn order(&self, pair: Pair<Rule>) -> Result<u32, Error> {
        let span = self.span(&pair);
        let text = pair
            .as_str()
            .trim_start_matches('^')
            .trim_start_matches('{')
            .trim_end_matches('}');
        let digits = from_superscript(text).unwrap_or_else(|| text.to_string());
        digits.parse::<u32>().map_err(|_| {
            Error::new(Phase::Parsing, "the order must be a whole number, like 2").at(span)
        })
    }

    pub(super) fn check_order(&self, order: u32, span: Span) -> Result<u32, Error> {
        if order == 0 || order > MAX_ORDER {
            return Err(Error::new(
                Phase::Parsing,
                format!("the order of a derivative must be from 1 to {MAX_ORDER}"),
            )
            .at(span));
        }
        Ok(order)
    }

    fn integer(&self, pair: &Pair<Rule>) -> Result<u32, Error> {
        pair.as_str().parse::<u32>().map_err(|_| {
            Error::new(Phase::Parsing, "this whole number is too large").at(self.span(pair))
        })
    }

    pub(super) fn expr(&mut self, pair: Pair<Rule>) -> Result<Node, Error> {
        let mut inner = pair.into_inner();
        let mut acc = self.term(inner.next().ok_or_else(|| internal("term"))?)?;
        while let Some(op) = inner.next() {
            let rhs = self.term(
                inner
                    .next()
                    .ok_or_else(|| internal("term after operator"))?,
            )?;
            let op = if op.as_str() == "+" {
                BinOp::Add
            } else {
                BinOp::Sub
            };
            acc = binary(op, acc, rhs);
        }
        Ok(acc)
    }

    fn term(&mut self, pair: Pair<Rule>) -> Result<Node, Error> {
        let mut leading = Vec::new();
        let mut acc: Option<Node> = None;
        let mut pending_op: Option<BinOp> = None;
        let mut pending_negations: Vec<Span> = Vec::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::negation if acc.is_none() => leading.push(self.span(&part)),
                Rule::negation => pending_negations.push(self.span(&part)),
                Rule::mul_op => {
                    pending_op = Some(match part.as_str() {
                        "/" | "÷" | "\\div" => BinOp::Div,
                        _ => BinOp::Mul,
                    })
                }
                Rule::power => {
                    let mut factor = self.power(part)?;
                    for neg in pending_negations.drain(..).rev() {
                        factor = negate(neg, factor);
                    }
                    acc = Some(match (acc.take(), pending_op.take()) {
                        (None, _) => factor,
                        (Some(lhs), Some(BinOp::Div)) => {
                            self.check_division_hint(BinOp::Div, &lhs);
                            binary(BinOp::Div, lhs, factor)
                        }
                        (Some(lhs), Some(op)) => attach(op, lhs, factor),
                        // A factor with no operator before it: implicit multiplication.
                        (Some(lhs), None) => match self.powered_call(lhs, factor)? {
                            Ok(call) => call,
                            Err((lhs, factor)) => {
                                self.check_call_like(&lhs, &factor)?;
                                attach(BinOp::Implicit, lhs, factor)
                            }
                        },
                    });
                }
                _ => {}
            }
        }
        let mut node = acc.ok_or_else(|| internal("empty term"))?;
        for neg in leading.into_iter().rev() {
            node = negate(neg, node);
        }
        Ok(node)
    }

    /// `σ²(x)`, `σ^2(z)`: a function of one input with a power before its bracket, as
    /// `sin²(x)` is, is the power of the call, (σ(x))²; `2σ²(x)` too. Anything else comes
    /// back as it was, to be multiplied.
    fn powered_call(
        &mut self,
        lhs: Node,
        factor: Node,
    ) -> Result<Result<Node, (Node, Node)>, Error> {
        let touching = factor.span.start == lhs.span.end;
        let (front, last) = match lhs.kind {
            NodeKind::Binary(BinOp::Implicit, front, last) => (Some(*front), *last),
            kind => (
                None,
                Node {
                    kind,
                    span: lhs.span,
                },
            ),
        };
        let called = match (&last.kind, &factor.kind) {
            (NodeKind::Binary(BinOp::Pow, base, _), NodeKind::Paren(_)) if touching => {
                match &base.kind {
                    NodeKind::Var(name) if self.names.arity(name).is_none() => builtin(name)
                        .filter(|b| matches!(b, super::builtin::Builtin::One(_)))
                        .map(|b| (b, name.clone(), base.span)),
                    _ => None,
                }
            }
            _ => None,
        };
        let Some((b, name, name_span)) = called else {
            let lhs = match front {
                Some(front) => binary(BinOp::Implicit, front, last),
                None => last,
            };
            return Ok(Err((lhs, factor)));
        };
        let NodeKind::Binary(BinOp::Pow, _, exponent) = last.kind else {
            return Err(internal("a power"));
        };
        let NodeKind::Paren(arg) = factor.kind else {
            return Err(internal("a bracket"));
        };
        let shown = crate::expr::unicode_name(&name);
        let call = self.builtin_call(
            b,
            &shown,
            name_span,
            0,
            vec![*arg],
            None,
            name_span.to(factor.span),
        )?;
        let powered = binary(BinOp::Pow, call, *exponent);
        Ok(Ok(match front {
            Some(front) => binary(BinOp::Implicit, front, powered),
            None => powered,
        }))
    }

    /// `x^-1/2` reads as (x^-1)/2; say so, since x^(-1/2) is the likely intent.
    fn check_division_hint(&mut self, op: BinOp, lhs: &Node) {
        if op != BinOp::Div {
            return;
        }
        if let NodeKind::Binary(BinOp::Pow, _, exp) = &lhs.kind {
            if matches!(exp.kind, NodeKind::Neg(_)) {
                self.notes.push(Note {
                    message: "a power binds tighter than /, so this is (x^-1)/2; for the power -1/2 write x^(-1/2)"
                        .to_string(),
                    span: lhs.span,
                });
            }
        }
    }

    /// `sinn(x)` is a typo for a function, not the product sinn·x.
    fn check_call_like(&mut self, lhs: &Node, rhs: &Node) -> Result<(), Error> {
        let NodeKind::Var(name) = &lhs.kind else {
            return Ok(());
        };
        let touching = rhs.span.start == lhs.span.end && matches!(rhs.kind, NodeKind::Paren(_));
        if !touching {
            return Ok(());
        }
        // An undefined f, g or h is a function with no formula; here it names a value.
        if matches!(name.as_str(), "f" | "g" | "h") {
            self.notes.push(Note {
                message: format!(
                    "{name} is a value here, not a function, so {name}(…) is read as {name}·(…); to define a function write {name}(x) = …"
                ),
                span: lhs.span.to(rhs.span),
            });
            return Ok(());
        }
        if name.chars().count() < 2 {
            return Ok(());
        }
        if let Some(suggestion) = closest(name, KNOWN_FUNCTION_NAMES) {
            return Err(
                Error::new(Phase::Parsing, format!("unknown function '{name}'"))
                    .at(lhs.span)
                    .with_help(format!("did you mean '{suggestion}'?")),
            );
        }
        let name = crate::expr::unicode_name(name);
        self.notes.push(Note {
            message: format!(
                "'{name}' is not a function nudge knows, so {name}(…) is read as {name}·(…)"
            ),
            span: lhs.span.to(rhs.span),
        });
        Ok(())
    }

    /// A primary, then an optional superscript (x²) and an optional ^ exponent.
    fn power(&mut self, pair: Pair<Rule>) -> Result<Node, Error> {
        let mut inner = pair.into_inner();
        let base = self.primary(inner.next().ok_or_else(|| internal("power base"))?)?;
        self.powers(base, inner, raise)
    }

    /// `base`, raised by what follows it: a superscript, or ^ with signs and a power.
    fn powers(
        &mut self,
        mut base: Node,
        parts: Pairs<Rule>,
        raise: fn(Node, Node) -> Node,
    ) -> Result<Node, Error> {
        let mut negations = Vec::new();
        for part in parts {
            match part.as_rule() {
                Rule::superscript_int => base = raise(base, self.superscript(&part)?),
                Rule::negation => negations.push(self.span(&part)),
                Rule::power => {
                    let mut exponent = self.power(part)?;
                    for neg in negations.drain(..).rev() {
                        exponent = negate(neg, exponent);
                    }
                    base = raise(base, exponent);
                }
                _ => {}
            }
        }
        Ok(base)
    }

    fn superscript(&self, pair: &Pair<Rule>) -> Result<Node, Error> {
        let span = self.span(pair);
        let text = from_superscript(pair.as_str()).ok_or_else(|| internal("superscript"))?;
        let (negative, digits) = match text.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, text.as_str()),
        };
        let value = Number::parse_decimal(digits).ok_or_else(|| internal("superscript digits"))?;
        let number = Node {
            kind: NodeKind::Number(value),
            span,
        };
        Ok(if negative {
            negate(span, number)
        } else {
            number
        })
    }

    fn primary(&mut self, pair: Pair<Rule>) -> Result<Node, Error> {
        let span = self.span(&pair);
        let node = |kind| Node { kind, span };
        match pair.as_rule() {
            Rule::number => {
                let value =
                    Number::parse_decimal(pair.as_str()).ok_or_else(|| internal("number"))?;
                Ok(node(NodeKind::Number(value)))
            }
            Rule::constant => Ok(node(NodeKind::Constant(match pair.as_str() {
                "e" => Constant::E,
                _ => Constant::Pi,
            }))),
            Rule::variable => {
                if let Some(product) = self.letter_run(pair.as_str(), span)? {
                    return Ok(product);
                }
                let name = ascii_name(pair.as_str());
                self.check_self_reference(&name, span)?;
                if !is_letter_run(pair.as_str()) {
                    self.check_glued_function(pair.as_str(), span);
                }
                Ok(node(NodeKind::Var(name)))
            }
            Rule::applied => self.applied(pair),
            Rule::inline_derivative => Err(Error::new(
                Phase::Parsing,
                format!(
                    "{} inside a larger expression: nudge works out a derivative on a line of its own",
                    pair.as_str()
                ),
            )
            .at(span)
            .with_help(format!(
                "ask {} … on a line of its own first, then use its result through ans, as in w - eta*ans",
                pair.as_str()
            ))),
            Rule::paren => {
                let inner = pair.into_inner().find(|p| p.as_rule() == Rule::expr);
                let expr = self.expr(inner.ok_or_else(|| internal("paren"))?)?;
                Ok(node(NodeKind::Paren(Box::new(expr))))
            }
            Rule::abs_bars => {
                let inner = pair.into_inner().next().ok_or_else(|| internal("abs"))?;
                let arg = self.expr(inner)?;
                Ok(node(call(Callee::Named(Func::Abs), arg, None)))
            }
            Rule::root => {
                let inner = pair.into_inner().next().ok_or_else(|| internal("root"))?;
                let arg = self.primary(inner)?;
                Ok(node(call(Callee::Sqrt, arg, None)))
            }
            Rule::function => self.function(pair),
            Rule::latex_group
            | Rule::latex_frac
            | Rule::latex_sqrt
            | Rule::latex_paren
            | Rule::latex_abs
            | Rule::latex_styled
            | Rule::latex_subscripted
            | Rule::latex_command
            | Rule::latex_leibniz => self.latex_primary(pair),
            _ => Err(internal("unknown primary")),
        }
    }

    /// `y = y + 1` would never finish expanding: a definition may not use its own name.
    fn check_self_reference(&self, name: &str, span: Span) -> Result<(), Error> {
        if self.defining.as_deref() != Some(name) {
            return Ok(());
        }
        Err(Error::new(
            Phase::Parsing,
            format!("this defines {name} in terms of itself"),
        )
        .at(span)
        .with_help(format!(
            "a definition cannot use its own name; to change {name}, write its new formula in full"
        )))
    }

    /// `f(2)`, `f'(x)`, `g(1, 2)` for a defined function; otherwise `x(x + 1)` is a product.
    fn applied(&mut self, pair: Pair<Rule>) -> Result<Node, Error> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let head = inner.next().ok_or_else(|| internal("applied name"))?;
        let mut name = String::new();
        let mut name_span = span;
        let mut primes = 0;
        let mut typed = None;
        let mut shown = String::new();
        for p in head.into_inner() {
            match p.as_rule() {
                // `\max(0, x)`: a built-in function's LaTeX name, not a letter of one's own.
                Rule::latex_defined_word if builtin(&p.as_str()[1..]).is_some() => {
                    name = p.as_str()[1..].to_string();
                    shown = p.as_str().to_string();
                    name_span = self.span(&p);
                }
                Rule::variable | Rule::latex_defined_word => {
                    shown = p.as_str().to_string();
                    if p.as_rule() == Rule::variable {
                        typed = Some(p.as_str().to_string());
                    }
                    name = self.defined_name_text(&p)?;
                    name_span = self.span(&p);
                }
                Rule::latex_styled | Rule::latex_subscripted => {
                    name_span = self.span(&p);
                    name = self.latex_variable_name(p)?;
                    shown = name.clone();
                }
                Rule::prime if p.as_str() == "″" => primes += 2,
                Rule::prime if p.as_str() == "‴" => primes += 3,
                Rule::prime => primes += 1,
                _ => {}
            }
        }
        self.check_self_reference(&name, name_span)?;
        let mut args = Vec::new();
        let mut open = name_span.end;
        let mut entry = None;
        for p in inner {
            match p.as_rule() {
                Rule::lparen | Rule::latex_call_open => open = self.span(&p).start,
                Rule::expr => args.push(self.expr(p)?),
                Rule::entry_close | Rule::entry_latex_close => {
                    let index = p
                        .into_inner()
                        .find(|q| q.as_rule() == Rule::entry_index)
                        .ok_or_else(|| internal("entry"))?;
                    let at = self.span(&index);
                    let number = index.into_inner().next().ok_or_else(|| internal("entry"))?;
                    entry = Some((self.integer(&number)? as usize, at));
                }
                _ => {}
            }
        }
        if let Some(b) = builtin(&name).filter(|_| self.names.arity(&name).is_none()) {
            return self.builtin_call(b, &shown, name_span, primes, args, entry, span);
        }
        let undefined = self.names.arity(&name).is_none() && !self.names.defined().contains(&name);
        if let (true, Some(t)) = (undefined, typed.as_deref()) {
            if let Some(before) = self.before_sigma(t, name_span) {
                let sigma = Span::new(name_span.end - 1, name_span.end);
                let b = builtin("sigma").ok_or_else(|| internal("σ is built in"))?;
                let call = self.builtin_call(b, "σ", sigma, primes, args, entry, sigma.to(span))?;
                return Ok(binary(BinOp::Implicit, before, call));
            }
        }
        if let Some((_, at)) = entry {
            return Err(super::builtin::not_a_vector(&shown, at));
        }
        if is_abstract_call(self.names, &name, primes, &args) {
            return self.abstract_call(name, name_span, primes, args, span);
        }
        let defined = self.names.defined();
        let define_help = match closest(&name, defined.iter().map(String::as_str)) {
            Some(near) => format!(
                "did you mean {near}? Otherwise define it first, as in {name}(x) = x^2 sin x"
            ),
            None => format!("define it first, for example {name}(x) = x^2 sin x"),
        };
        match self.names.arity(&name) {
            Some(arity) if arity != args.len() => Err(Error::new(
                Phase::Parsing,
                format!(
                    "{name} takes {arity} input{}, but here it is given {}",
                    if arity == 1 { "" } else { "s" },
                    args.len()
                ),
            )
            .at(span)),
            Some(arity) if primes > 0 && arity > 1 => Err(Error::new(
                Phase::Parsing,
                format!("{name} has {arity} inputs, so a prime does not say which one to nudge"),
            )
            .at(name_span)
            .with_help(match self.names.vector(&name) {
                Some(_) => format!("ask for its slopes with jacobian({name}) instead"),
                None => format!("ask for a partial derivative instead, such as ∂{name}/∂x"),
            })),
            Some(_) => Ok(Node {
                kind: NodeKind::Apply { name, primes, args },
                span,
            }),
            None if primes > 0 => Err(Error::new(
                Phase::Parsing,
                format!("{name} is not defined yet, so {name}′ has nothing to differentiate"),
            )
            .at(name_span)
            .with_help(define_help)),
            None if args.len() > 1 => {
                // `max(x, 0)`: a function nudge knows the name of says so.
                if let Some(t) = typed.as_deref().filter(|t| is_letter_run(t)) {
                    self.unknown_call(t, &name, name_span)?;
                }
                Err(Error::new(
                    Phase::Parsing,
                    format!("{name} is not a function you have defined"),
                )
                .at(name_span)
                .with_help(define_help))
            }
            None => {
                let lhs = match typed.filter(|t| is_letter_run(t)) {
                    Some(t) => self.unknown_call(&t, &name, name_span)?,
                    None => {
                        self.check_glued_function(&name, name_span);
                        Node {
                            kind: NodeKind::Var(name),
                            span: name_span,
                        }
                    }
                };
                let arg = args.pop().ok_or_else(|| internal("applied argument"))?;
                let rhs = Node {
                    kind: NodeKind::Paren(Box::new(arg)),
                    span: Span::new(open, span.end),
                };
                self.check_call_like(&lhs, &rhs)?;
                Ok(binary(BinOp::Implicit, lhs, rhs))
            }
        }
    }

    /// `f(g(x))`, `f′(x)`, `g(x, y)` with f and g undefined: functions with no formula, so
    /// the rules themselves can be shown; a note says so, as nudge cannot give a value.
    fn abstract_call(
        &mut self,
        name: String,
        name_span: Span,
        primes: u32,
        args: Vec<Node>,
        span: Span,
    ) -> Result<Node, Error> {
        if primes > 0 && args.len() > 1 {
            return Err(Error::new(
                Phase::Parsing,
                format!(
                    "{name} has {} inputs, so a prime does not say which one to nudge",
                    args.len()
                ),
            )
            .at(name_span)
            .with_help(format!(
                "write {name}_x(x, y) for its slope by x alone, or ask ∂/∂x {name}(x, y)"
            )));
        }
        // Said the first time a session meets each letter, as the other reading policies are.
        let letter = name.split('_').next().unwrap_or(&name).to_string();
        self.policy_note(
            format!(
                "{letter} is not defined, so {letter}(…) is any function, one with no formula: nudge shows the rules on it but cannot give a value (for a product write {letter}·(…))"
            ),
            name_span,
        );
        Ok(Node {
            kind: NodeKind::Apply { name, primes, args },
            span,
        })
    }

    /// `sinx` is one variable; a learner who meant sin(x) should hear about it.
    fn check_glued_function(&mut self, name: &str, span: Span) {
        let glued = KNOWN_FUNCTION_NAMES
            .iter()
            .filter(|f| name.len() > f.len() && name.starts_with(**f))
            .max_by_key(|f| f.len());
        if let Some(f) = glued {
            let rest = &name[f.len()..];
            self.notes.push(Note {
                message: format!(
                    "'{name}' is read as one variable; for {f} of {rest} write {f}({rest}) or {f} {rest}"
                ),
                span,
            });
        }
    }

    fn function(&mut self, pair: Pair<Rule>) -> Result<Node, Error> {
        let span = self.span(&pair);
        let mut callee = None;
        let mut power = None;
        let mut arg = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::function_name => callee = Some(self.callee(part)?),
                Rule::function_power => power = Some(self.function_power(part)?),
                Rule::expr => arg = Some(self.expr(part)?),
                Rule::bare_argument => arg = Some(self.bare_argument(part)?),
                Rule::latex_paren | Rule::latex_group => arg = Some(self.latex_inner(part)?),
                _ => {}
            }
        }
        let callee = callee.ok_or_else(|| internal("function name"))?;
        let (callee, power) = self.inverse(callee, power, span)?;
        let arg = arg.ok_or_else(|| internal("function argument"))?;
        Ok(Node {
            kind: call(callee, arg, power),
            span,
        })
    }

    fn callee(&mut self, pair: Pair<Rule>) -> Result<Callee, Error> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner().next().ok_or_else(|| internal("callee"))?;
        if inner.as_rule() == Rule::latex_function_name {
            inner = inner
                .into_inner()
                .next()
                .ok_or_else(|| internal("LaTeX function"))?;
        }
        if inner.as_rule() == Rule::log_base {
            let base_pair = inner
                .into_inner()
                .next()
                .ok_or_else(|| internal("log base"))?;
            let base_span = self.span(&base_pair);
            let text = base_pair.as_str();
            let kind = match base_pair.as_rule() {
                Rule::integer => NodeKind::Number(
                    Number::parse_decimal(text).ok_or_else(|| internal("log base number"))?,
                ),
                Rule::subscript_int => NodeKind::Number(
                    Number::parse_decimal(&from_subscript(text))
                        .ok_or_else(|| internal("log base subscript"))?,
                ),
                _ if text == "e" => NodeKind::Constant(Constant::E),
                _ => NodeKind::Var(ascii_name(text)),
            };
            return Ok(Callee::LogBase(Box::new(Node {
                kind,
                span: base_span,
            })));
        }
        Ok(match inner.as_str() {
            "exp" => Callee::Exp,
            "sqrt" => Callee::Sqrt,
            "log" => {
                self.notes.push(Note {
                    message: "log with no base is read as the natural log ln (base e), as AI writing uses it; write log_10 x for base 10".to_string(),
                    span,
                });
                Callee::NaturalLog
            }
            name => Callee::Named(Func::from_name(name).ok_or_else(|| internal("function"))?),
        })
    }

    fn function_power(&mut self, pair: Pair<Rule>) -> Result<Box<Node>, Error> {
        let span = self.span(&pair);
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::superscript_int => return Ok(Box::new(self.superscript(&part)?)),
                Rule::integer => {
                    let value = Number::parse_decimal(part.as_str())
                        .ok_or_else(|| internal("function power"))?;
                    return Ok(Box::new(Node {
                        kind: NodeKind::Number(value),
                        span: self.span(&part),
                    }));
                }
                Rule::negative_integer => {
                    let part_span = self.span(&part);
                    let digits = part.as_str().trim_start_matches(['-', '−']);
                    let value =
                        Number::parse_decimal(digits).ok_or_else(|| internal("function power"))?;
                    let number = Node {
                        kind: NodeKind::Number(value),
                        span: part_span,
                    };
                    return Ok(Box::new(negate(part_span, number)));
                }
                Rule::paren => return Ok(Box::new(self.primary(part)?)),
                Rule::latex_group => return Ok(Box::new(self.latex_inner(part)?)),
                _ => {}
            }
        }
        Err(internal("function power").at(span))
    }

    fn bare_argument(&mut self, pair: Pair<Rule>) -> Result<Node, Error> {
        let mut acc: Option<Node> = None;
        for factor in pair.into_inner() {
            // `sin cos x`: a function as the whole argument, sin(cos(x)).
            if factor.as_rule() == Rule::function {
                return self.function(factor);
            }
            let mut inner = factor.into_inner();
            let base = self.primary(inner.next().ok_or_else(|| internal("bare factor"))?)?;
            let node = self.powers(base, inner, raise)?;
            acc = Some(match acc.take() {
                None => node,
                Some(lhs) => binary(BinOp::Implicit, lhs, node),
            });
        }
        acc.ok_or_else(|| internal("empty argument"))
    }
}

pub(super) fn binary(op: BinOp, lhs: Node, rhs: Node) -> Node {
    let span = lhs.span.to(rhs.span);
    Node {
        kind: NodeKind::Binary(op, Box::new(lhs), Box::new(rhs)),
        span,
    }
}

/// `lhs · rhs`, where a product of letters such as `xy` in `2xy` joins the chain of factors
/// (2·x·y) rather than standing in brackets of its own.
fn attach(op: BinOp, lhs: Node, rhs: Node) -> Node {
    let Node { kind, span } = rhs;
    match kind {
        NodeKind::Binary(BinOp::Implicit, first, last) => {
            binary(BinOp::Implicit, attach(op, lhs, *first), *last)
        }
        kind => binary(op, lhs, Node { kind, span }),
    }
}

/// `base^exponent`; but `x(x + 1)²` is x·(x + 1)², since the product came from a name before brackets.
fn raise(base: Node, exponent: Node) -> Node {
    let Node { kind, span } = base;
    match kind {
        NodeKind::Binary(BinOp::Implicit, lhs, rhs) => {
            binary(BinOp::Implicit, *lhs, binary(BinOp::Pow, *rhs, exponent))
        }
        kind => binary(BinOp::Pow, Node { kind, span }, exponent),
    }
}

fn negate(sign: Span, node: Node) -> Node {
    let span = sign.to(node.span);
    Node {
        kind: NodeKind::Neg(Box::new(node)),
        span,
    }
}

pub(super) fn call(callee: Callee, arg: Node, power: Option<Box<Node>>) -> NodeKind {
    NodeKind::Call {
        callee,
        arg: Box::new(arg),
        power,
    }
}

/// `θ` → `theta`, `θ_0` → `theta_0`; other names as typed.
pub(super) fn ascii_name(name: &str) -> String {
    let (base, rest) = name.split_at(name.find('_').unwrap_or(name.len()));
    let mut chars = base.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => match crate::expr::greek_name(c) {
            Some(spelled) => format!("{spelled}{rest}"),
            None => name.to_string(),
        },
        _ => name.to_string(),
    }
}

fn from_superscript(text: &str) -> Option<String> {
    text.chars()
        .map(|c| match c {
            '⁻' => Some('-'),
            '⁰' => Some('0'),
            '¹' => Some('1'),
            '²' => Some('2'),
            '³' => Some('3'),
            '⁴' => Some('4'),
            '⁵' => Some('5'),
            '⁶' => Some('6'),
            '⁷' => Some('7'),
            '⁸' => Some('8'),
            '⁹' => Some('9'),
            _ => None,
        })
        .collect()
}

fn from_subscript(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            let d = (c as u32).checked_sub('₀' as u32)?;
            char::from_digit(d, 10)
        })
        .collect()
}
