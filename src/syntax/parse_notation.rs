//! `read NOTATION`: the pieces of a line of notation, each with the names it uses.

use super::ast::{Span, Statement};
use super::notation::{unbold_letter, Name, NameStyle, Notation, Piece};
use super::parse::{internal, Builder, Rule};
use super::parse_latex::{latex_word, LatexWord};
use crate::error::{Error, Phase};
use crate::expr::unicode_name;
use pest::iterators::Pair;

impl Builder<'_> {
    pub(super) fn read(&mut self, pair: Pair<Rule>) -> Result<Statement, Error> {
        let span = self.span(&pair);
        let Some(notation) = pair
            .into_inner()
            .find(|p| matches!(p.as_rule(), Rule::notation | Rule::notation_integral))
        else {
            return Err(
                Error::new(Phase::Parsing, "read what? write the notation after read")
                    .at(span)
                    .with_help("for example: read ∂L/∂w, read ∇_θ L, read dy/dx = dy/du · du/dx"),
            );
        };
        let text = notation.as_str().trim().to_string();
        let mut pieces = Vec::new();
        let parts: Vec<Pair<Rule>> = if notation.as_rule() == Rule::notation_integral {
            vec![notation]
        } else {
            notation.into_inner().collect()
        };
        for part in parts {
            match self.piece(part.clone()) {
                Ok(piece) => pieces.push(piece),
                Err(e) => match self.scaled_slope(&part) {
                    Some(split) => pieces.extend(split),
                    None => pieces.push(self.unknown_from_error(&part, &e)),
                },
            }
        }
        Ok(Statement::Read(Notation { text, pieces }))
    }

    fn piece(&mut self, pair: Pair<Rule>) -> Result<Piece, Error> {
        let span = self.span(&pair);
        Ok(match pair.as_rule() {
            Rule::notation_leibniz => {
                let inner = pair
                    .into_inner()
                    .next()
                    .ok_or_else(|| internal("Leibniz"))?;
                self.leibniz(inner, span)?
            }
            Rule::notation_gradient => {
                let mut wrt = None;
                let mut of = None;
                let mut args = None;
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::notation_subscript => {
                            let name = part
                                .into_inner()
                                .next()
                                .ok_or_else(|| internal("∇ subscript"))?;
                            wrt = Some(self.notation_name(name)?);
                        }
                        Rule::notation_name => of = Some(self.notation_name(part)?),
                        Rule::notation_args => args = Some(args_read(part.as_str())),
                        _ => {}
                    }
                }
                Piece::Gradient {
                    wrt,
                    of,
                    args,
                    span,
                }
            }
            Rule::notation_prime => {
                let mut name = String::new();
                let mut primes = 0;
                let mut args = None;
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::notation_prime_name => name = part.as_str().to_string(),
                        Rule::primes => primes = count_primes(part.as_str()),
                        Rule::notation_args => args = Some(args_read(part.as_str())),
                        _ => {}
                    }
                }
                Piece::Prime {
                    name,
                    primes,
                    args,
                    span,
                }
            }
            Rule::notation_bracket_prime => {
                let mut name = String::new();
                let mut primes = 0;
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::notation_args => name = part.as_str().to_string(),
                        Rule::primes => primes = count_primes(part.as_str()),
                        _ => {}
                    }
                }
                Piece::Prime {
                    name,
                    primes,
                    args: None,
                    span,
                }
            }
            Rule::notation_integral => self.notation_integral(pair, span)?,
            Rule::notation_function => {
                let mut name = None;
                let mut args = Vec::new();
                for part in pair.into_inner() {
                    match part.as_rule() {
                        Rule::notation_function_name => {
                            let inner = part.into_inner().next().ok_or_else(|| internal("name"))?;
                            name = Some(self.notation_name(inner)?);
                        }
                        Rule::expr => args.push(self.expr(part)?),
                        _ => {}
                    }
                }
                Piece::Function {
                    name: name.ok_or_else(|| internal("function name"))?,
                    args,
                    span,
                }
            }
            Rule::notation_small_change => {
                let var = pair
                    .into_inner()
                    .find(|p| p.as_rule() == Rule::small_change_var)
                    .ok_or_else(|| internal("differential"))?;
                Piece::SmallChange {
                    var: bound_text(var.as_str()),
                    span,
                }
            }
            Rule::notation_equals => Piece::Equals {
                update: pair
                    .into_inner()
                    .any(|p| p.as_rule() == Rule::notation_update),
            },
            Rule::notation_times => Piece::Times,
            Rule::notation_expr => {
                let expr = pair.into_inner().next().ok_or_else(|| internal("expr"))?;
                Piece::Expr(self.expr(expr)?)
            }
            _ => Piece::Unknown {
                text: pair.as_str().to_string(),
                piece: pair.as_str().to_string(),
                span,
            },
        })
    }

    /// `dL/dw`, `∂²y/∂x²`, `\frac{\partial \mathcal{L}}{\partial w}`, `\frac{d}{dx}`.
    fn leibniz(&mut self, pair: Pair<Rule>, span: Span) -> Result<Piece, Error> {
        if matches!(pair.as_rule(), Rule::plain_mixed | Rule::latex_mixed) {
            let mut names = Vec::new();
            for part in pair.into_inner() {
                if !matches!(
                    part.as_rule(),
                    Rule::partial_d | Rule::latex_partial_d | Rule::order | Rule::latex_frac_word
                ) {
                    names.push(self.notation_name(part)?);
                }
            }
            let [of, first, second]: [Name; 3] = names
                .try_into()
                .map_err(|_| internal("mixed partial names"))?;
            return Ok(Piece::Mixed {
                of,
                first,
                second,
                span,
            });
        }
        let mut marks: Vec<bool> = Vec::new();
        let mut order = 1;
        let mut bottom_order = 1;
        let mut top = None;
        let mut bottom = None;
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::leibniz_d | Rule::latex_leibniz_d => marks.push(false),
                Rule::partial_d | Rule::latex_partial_d => marks.push(true),
                Rule::order if marks.len() < 2 => order = self.order(part)?,
                Rule::order => bottom_order = self.order(part)?,
                Rule::latex_frac_word => {}
                _ => {
                    let name = self.notation_name(part)?;
                    if marks.len() < 2 {
                        top = Some(name);
                    } else {
                        bottom = Some(name);
                    }
                }
            }
        }
        if order != bottom_order {
            return Err(
                Error::new(Phase::Parsing, "the order on top and below the bar differ").at(span),
            );
        }
        Ok(Piece::Leibniz {
            partial: marks.contains(&true),
            order,
            top,
            bottom: bottom.ok_or_else(|| internal("Leibniz bottom"))?,
            span,
        })
    }

    fn notation_integral(&mut self, pair: Pair<Rule>, span: Span) -> Result<Piece, Error> {
        let mut bounds = Vec::new();
        let mut integrand = String::new();
        let mut var = String::new();
        for part in pair.into_inner() {
            match part.as_rule() {
                Rule::notation_bounds => {
                    for bound in part.into_inner() {
                        bounds.push(bound_text(bound.as_str()));
                    }
                }
                Rule::notation_integrand => integrand = part.as_str().trim().to_string(),
                Rule::notation_differential => {
                    let text = part.as_str().trim();
                    let name = text
                        .trim_start_matches(['\\', ',', ';', '!', ' '])
                        .trim_start_matches("\\mathrm{d}")
                        .trim_start_matches("\\text{d}")
                        .trim_start_matches('d')
                        .trim();
                    var = bound_text(name);
                }
                _ => {}
            }
        }
        let bounds = match bounds.as_slice() {
            [a, b] => Some((a.clone(), b.clone())),
            _ => None,
        };
        Ok(Piece::Integral {
            bounds,
            integrand,
            var,
            span,
        })
    }

    /// A name in notation, with its style: bold names are vectors or matrices.
    fn notation_name(&mut self, pair: Pair<Rule>) -> Result<Name, Error> {
        if pair.as_rule() == Rule::notation_name {
            let mut inner = pair.into_inner();
            let name = inner.next().ok_or_else(|| internal("name"))?;
            let mut name = self.notation_name(name)?;
            if let Some(label) = inner.next() {
                // W^{(l)}: the weights of layer l, a label rather than a power.
                let index = label
                    .as_str()
                    .trim_start_matches('^')
                    .trim_start_matches('{')
                    .trim_end_matches('}');
                name.text.push('^');
                name.text.push_str(index);
            }
            return Ok(name);
        }
        if pair.as_rule() == Rule::bold_name {
            let text = pair
                .as_str()
                .chars()
                .map(|c| unbold_letter(c).unwrap_or(c))
                .collect();
            return Ok(Name {
                text,
                style: NameStyle::Bold,
            });
        }
        let style = pair
            .clone()
            .into_inner()
            .find(|p| p.as_rule() == Rule::latex_style)
            .map_or(NameStyle::Plain, |s| match s.as_str() {
                "\\mathbf" | "\\boldsymbol" | "\\bm" | "\\vec" => NameStyle::Bold,
                "\\mathcal" => NameStyle::Script,
                _ => NameStyle::Plain,
            });
        let text = unicode_name(&self.latex_variable_name(pair)?);
        Ok(Name { text, style })
    }

    /// A piece that could not be read becomes an unknown symbol, named by the error's place.
    /// `w − η ∂L/∂w`, the right side of an update rule: an expression that ends in a slope
    /// (which an expression cannot hold) read as the expression, then the slope as notation.
    fn scaled_slope(&self, pair: &Pair<Rule>) -> Option<Vec<Piece>> {
        if pair.as_rule() != Rule::notation_expr {
            return None;
        }
        let slope = pair
            .clone()
            .into_inner()
            .flatten()
            .find(|p| matches!(p.as_rule(), Rule::inline_derivative | Rule::latex_leibniz))?;
        let (start, cut, end) = (
            pair.as_span().start(),
            slope.as_span().start(),
            slope.as_span().end(),
        );
        if end != pair.as_span().end() || cut <= start {
            return None;
        }
        let head = self.line[start..cut]
            .trim_end()
            .trim_end_matches(['*', '·', '⋅', '×'])
            .trim_end();
        // Padded so that every span keeps its place in the line.
        let pad = |before: usize| " ".repeat(self.offsets.chars(before));
        let expr = super::parse::parse_in(&format!("{}{head}", pad(start)), self.names).ok()?;
        let Statement::Expr(node) = expr.statement else {
            return None;
        };
        let read = format!("read{}{}", &pad(cut)[4..], slope.as_str());
        let Statement::Read(notation) = super::parse::parse_in(&read, self.names).ok()?.statement
        else {
            return None;
        };
        let mut pieces = vec![Piece::Expr(node)];
        pieces.extend(notation.pieces);
        Some(pieces)
    }

    fn unknown_from_error(&self, pair: &Pair<Rule>, error: &Error) -> Piece {
        let whole = self.span(pair);
        let span = error.span.unwrap_or(whole);
        let text: String = pair
            .as_str()
            .chars()
            .skip(span.start.saturating_sub(whole.start))
            .take(span.end.saturating_sub(span.start).max(1))
            .collect();
        Piece::Unknown {
            text,
            piece: pair.as_str().trim().to_string(),
            span,
        }
    }
}

/// `'` and `′` count one, `″` and `\prime\prime` two.
fn count_primes(text: &str) -> u32 {
    let marks = text.chars().filter(|c| matches!(c, '\'' | '′')).count()
        + 2 * text.chars().filter(|c| *c == '″').count()
        + text.matches("\\prime").count();
    u32::try_from(marks).unwrap_or(u32::MAX)
}

/// A bound or variable as the learner reads it: `{0}` → `0`, `\infty` → `∞`, `\theta` → `θ`.
fn bound_text(raw: &str) -> String {
    let text = raw
        .trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .trim();
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let shown = match body.strip_prefix('\\') {
        Some("infty") => "∞".to_string(),
        Some(word) => match latex_word(word) {
            LatexWord::Greek(c) => c.to_string(),
            LatexWord::Pi => "π".to_string(),
            _ => body.to_string(),
        },
        None => body.to_string(),
    };
    format!("{sign}{shown}")
}

/// `(\theta_t)` as it reads, `(θ_t)`; arguments that are not expressions stay as typed.
fn args_read(typed: &str) -> String {
    let inner = typed.trim_start_matches('(').trim_end_matches(')');
    match super::parse(inner).map(|p| p.statement) {
        Ok(Statement::Expr(node)) => format!("({})", super::reading(&node, true)),
        _ => typed.to_string(),
    }
}
