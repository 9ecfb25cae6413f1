//! One engine for every way in: a line of text becomes an `Outcome`, or an `Error`.

use crate::calculus::{
    area, check_antiderivative, derive, integrate, Check, Detail, QuadratureError, Rule, Step,
    MAX_INTEGRAND_SIZE,
};
use crate::error::{Error, Phase};
use crate::expr::{eval, substitute, Expr, Number, Symbol};
use crate::syntax::{lower, parse, Node, Note, Span, Statement};

/// What nudge worked out for one line.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The line as typed.
    pub input: String,
    pub statement: Statement,
    /// Remarks on how the line was read.
    pub notes: Vec<Note>,
    pub answer: Answer,
}

#[derive(Clone, Debug)]
pub enum Answer {
    /// A derivative of any order, ordinary or partial, with one step tree per order.
    Derivative {
        body: Expr,
        var: Symbol,
        order: u32,
        partial: bool,
        steps: Vec<Step>,
        result: Expr,
    },
    /// A bare expression, simplified; `value` when it has no variables.
    Expression { result: Expr, value: Option<f64> },
    /// An antiderivative with its steps, checked by differentiating it back.
    /// `constant` numbers the constant of integration: C₁, C₂, … in a session.
    Integral {
        body: Expr,
        var: Symbol,
        steps: Step,
        result: Expr,
        check: Check,
        constant: u32,
        motion: Option<Motion>,
    },
    /// The area from `lower` to `upper`: exact through an antiderivative when
    /// one is known, and by numbers beside it.
    DefiniteIntegral {
        body: Expr,
        var: Symbol,
        lower: Expr,
        upper: Expr,
        exact: Option<ExactArea>,
        /// The exact value, or the numeric one when no antiderivative is known.
        result: Expr,
        /// The decimal value of `result`, when the bounds are numbers.
        value: Option<f64>,
        /// Adaptive Simpson's estimate, when the bounds are numbers.
        numeric: Option<f64>,
    },
}

/// A definite integral worked out exactly: F, its check, and F(b) − F(a).
#[derive(Clone, Debug)]
pub struct ExactArea {
    pub antiderivative: Step,
    pub check: Check,
    pub theorem: Step,
}

/// The article's motion reading of an integral over time t.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    /// A constant acceleration integrates to a velocity; C is the initial velocity.
    Velocity,
    /// A velocity a·t + v0 integrates to a position; C is the initial position.
    Position,
}

impl Outcome {
    /// The final expression of the answer.
    pub fn result(&self) -> &Expr {
        match &self.answer {
            Answer::Derivative { result, .. }
            | Answer::Expression { result, .. }
            | Answer::Integral { result, .. }
            | Answer::DefiniteIntegral { result, .. } => result,
        }
    }

    /// The stable name of the answer's kind, as JSON reports it.
    pub fn kind(&self) -> &'static str {
        match &self.answer {
            Answer::Derivative { partial: true, .. } => "partial",
            Answer::Derivative { .. } => "derivative",
            Answer::Expression { value: Some(_), .. } => "value",
            Answer::Expression { .. } => "expression",
            Answer::Integral { .. } => "integral",
            Answer::DefiniteIntegral { .. } => "definite_integral",
        }
    }
}

/// Definitions and history shared by the lines of one session.
#[derive(Debug, Default)]
pub struct Session {
    /// Constants of integration handed out so far.
    constants: u32,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// Reads and answers one line.
    pub fn answer(&mut self, line: &str) -> Result<Outcome, Error> {
        let parsed = parse(line)?;
        let answer = match &parsed.statement {
            Statement::Expr(node) => expression(lower(node)?)?,
            Statement::Derivative {
                body,
                var,
                order,
                partial,
            } => derivative(lower(body)?, var, *order, *partial),
            Statement::Integral {
                body,
                var,
                bounds: None,
            } => {
                let answer = indefinite(lower(body)?, var, body.span, self.constants + 1)?;
                self.constants += 1;
                answer
            }
            Statement::Integral {
                body,
                var,
                bounds: Some((a, b)),
            } => definite(body, var, a, b)?,
        };
        Ok(Outcome {
            input: line.to_string(),
            statement: parsed.statement,
            notes: parsed.notes,
            answer,
        })
    }
}

fn expression(result: Expr) -> Result<Answer, Error> {
    let value = if result.free_vars().is_empty() {
        let v =
            eval(&result, &|_| None).map_err(|e| Error::new(Phase::Computing, e.to_string()))?;
        Some(v)
    } else {
        None
    };
    Ok(Answer::Expression { result, value })
}

/// The derivative of `body`, `order` times, each order with its own step tree.
pub fn derivative(body: Expr, var: &str, order: u32, partial: bool) -> Answer {
    let var = Symbol::from(var);
    let held: Vec<Symbol> = body.free_vars().into_iter().filter(|v| *v != var).collect();
    let mut steps = Vec::with_capacity(order as usize);
    let mut current = body.clone();
    for n in 1..=order {
        let mut step = derive(&current, &var);
        if partial {
            step = wrap(Rule::Partial, Detail::Partial { held: held.clone() }, step);
        }
        if order > 1 {
            step = wrap(Rule::HigherOrder, Detail::Order { n, of: order }, step);
        }
        current = step.after.clone();
        steps.push(step);
    }
    Answer::Derivative {
        body,
        var,
        order,
        partial,
        steps,
        result: current,
    }
}

fn wrap(rule: Rule, detail: Detail, inner: Step) -> Step {
    Step {
        rule,
        var: inner.var.clone(),
        before: inner.before.clone(),
        after: inner.after.clone(),
        detail,
        substeps: vec![inner],
    }
}

/// ∫ body d(var), with its steps and check; `constant` numbers the C.
fn indefinite(body: Expr, var: &str, span: Span, constant: u32) -> Result<Answer, Error> {
    if body.size() > MAX_INTEGRAND_SIZE {
        return Err(Error::new(
            Phase::Computing,
            "this integrand is too long for nudge to integrate step by step",
        )
        .at(span));
    }
    let Some((steps, check)) = antiderivative(&body, var) else {
        let mut error = unknown(span);
        if let Some(term) = failing_term(&body, var) {
            error = error.with_help(format!(
                "the term {term} is the one nudge cannot integrate; the other terms it can"
            ));
        }
        return Err(error);
    };
    Ok(Answer::Integral {
        motion: motion(&body, var),
        result: steps.after.clone(),
        body,
        var: Symbol::from(var),
        steps,
        check,
        constant,
    })
}

/// An antiderivative that differentiates back to `body`; `None` when the rules find none.
fn antiderivative(body: &Expr, var: &str) -> Option<(Step, Check)> {
    let step = integrate(body, var)?;
    // A failed check is a bug in a rule: never show its answer.
    let check = check_antiderivative(body, &step.after, var)?;
    Some((step, check))
}

fn unknown(span: Span) -> Error {
    Error::new(
        Phase::Computing,
        "I don't know an antiderivative for this with the rules I teach",
    )
    .at(span)
    .with_help("with bounds, as in ∫_0^1 … dx, nudge still finds the area by numbers")
}

/// In a sum where only some terms fail, the first term with no antiderivative.
fn failing_term(body: &Expr, var: &str) -> Option<Expr> {
    let terms = body.terms();
    if terms.len() < 2 {
        return None;
    }
    terms.iter().find(|t| integrate(t, var).is_none()).cloned()
}

/// The motion reading applies to integrals over t of a constant or of a·t + b.
fn motion(body: &Expr, var: &str) -> Option<Motion> {
    if var != "t" {
        return None;
    }
    if !body.contains(var) {
        return Some(Motion::Velocity);
    }
    let slope = derive(body, var).after;
    (!slope.contains(var)).then_some(Motion::Position)
}

/// ∫_a^b body d(var): exact by F(b) − F(a) where possible, and by numbers.
fn definite(body: &Node, var: &str, a: &Node, b: &Node) -> Result<Answer, Error> {
    let integrand = lower(body)?;
    let (lower_e, upper_e) = (lower(a)?, lower(b)?);
    for (bound, node) in [(&lower_e, a), (&upper_e, b)] {
        if ["inf", "infinity", "oo"]
            .iter()
            .any(|name| bound.is_var(name))
        {
            return Err(Error::new(
                Phase::Computing,
                "an integral out to infinity is an improper integral, and nudge does not work those out",
            )
            .at(node.span)
            .with_help("try a large number as the bound to see where the area is heading"));
        }
        if bound.contains(var) {
            return Err(Error::new(
                Phase::Reading,
                format!("a bound must not contain {var}, the variable of integration"),
            )
            .at(node.span)
            .with_help(format!(
                "write the bounds as numbers or other names, as in ∫_0^1 … d{var}"
            )));
        }
    }
    let exact = antiderivative(&integrand, var).map(|(steps, check)| {
        let f = steps.after.clone();
        let at_upper = substitute(&f, var, &upper_e);
        let at_lower = substitute(&f, var, &lower_e);
        let value = Expr::sub(at_upper.clone(), at_lower.clone());
        let theorem = Step {
            rule: Rule::FundamentalTheorem,
            var: Symbol::from(var),
            before: integrand.clone(),
            after: value,
            detail: Detail::Definite {
                antiderivative: f,
                lower: lower_e.clone(),
                upper: upper_e.clone(),
                at_upper,
                at_lower,
            },
            substeps: Vec::new(),
        };
        ExactArea {
            antiderivative: steps,
            check,
            theorem,
        }
    });
    let numeric = numeric_area(&integrand, var, &lower_e, &upper_e, a.span.to(b.span))?;
    let exact_value = exact
        .as_ref()
        .and_then(|e| eval(&e.theorem.after, &|_| None).ok());
    if let (Some(n), Some(exact)) = (numeric, &exact) {
        let agrees = exact_value.is_some_and(|v| (v - n).abs() <= 1e-6 * 1.0_f64.max(v.abs()));
        if !agrees {
            return Err(Error::new(
                Phase::Computing,
                format!(
                    "the exact value {} and the numeric area do not agree, so the integrand is probably not continuous between the bounds",
                    exact.theorem.after
                ),
            )
            .at(body.span)
            .with_help("the fundamental theorem needs an integrand with no breaks between the bounds"));
        }
    }
    let (result, value) = match (&exact, numeric) {
        (Some(e), _) => (e.theorem.after.clone(), exact_value),
        (None, Some(n)) => (decimal_expr(n), Some(n)),
        (None, None) => return Err(unknown(body.span)),
    };
    Ok(Answer::DefiniteIntegral {
        body: integrand,
        var: Symbol::from(var),
        lower: lower_e,
        upper: upper_e,
        exact,
        result,
        value,
        numeric,
    })
}

/// The area by adaptive Simpson's rule, when everything but `var` has a value.
fn numeric_area(
    body: &Expr,
    var: &str,
    lower: &Expr,
    upper: &Expr,
    bounds: Span,
) -> Result<Option<f64>, Error> {
    let none = |_: &str| None;
    let (Ok(a), Ok(b)) = (eval(lower, &none), eval(upper, &none)) else {
        return Ok(None);
    };
    if body.free_vars().iter().any(|v| &**v != var) {
        return Ok(None);
    }
    let f = |x: f64| eval(body, &|name: &str| (name == var).then_some(x)).ok();
    let improper = |why: String| {
        Error::new(
            Phase::Computing,
            format!("{why}: this is an improper integral, and nudge does not work those out"),
        )
        .at(bounds)
        .with_help("choose bounds that keep the trouble spot outside the interval")
    };
    match area(&f, a, b) {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        Ok(_) => Err(Error::new(
            Phase::Computing,
            "the area is larger than the largest number nudge can hold",
        )
        .at(bounds)
        .with_help("try a narrower interval")),
        Err(QuadratureError::Undefined { at }) => Err(improper(format!(
            "the integrand has no value at {var} = {}, which lies in the interval",
            crate::render::decimal(at)
        ))),
        Err(QuadratureError::Overflow { at }) => Err(Error::new(
            Phase::Computing,
            format!(
                "the integrand grows past the largest number nudge can hold near {var} = {}",
                crate::render::decimal(at)
            ),
        )
        .at(bounds)
        .with_help("try a narrower interval")),
        Err(QuadratureError::NotSettling) => Err(improper(
            "the integrand grows without bound somewhere between the bounds".to_string(),
        )),
    }
}

/// A decimal value as the exact number its shortest decimal form spells, so it reads back.
fn decimal_expr(v: f64) -> Expr {
    let text = format!("{}", v.abs());
    let n = Number::parse_decimal(&text).unwrap_or_else(Number::zero);
    Expr::num(if v < 0.0 { n.neg() } else { n })
}
