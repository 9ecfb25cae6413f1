//! An integral's step tree, said: each rule's integral, its note, how it was set up, its parts.

use super::catalogue::{note, title};
use super::doc::{Line, Math, Span, Spelled, Step as Said, StepItem, Tag, STEP_BUDGET};
use super::prune::{labelled, prune, Limits, Shown};
use crate::calculus::{Detail, Found, Rule, Step};
use crate::expr::{Expr, Kind, Style, Symbol};
use std::rc::Rc;

/// The antiderivative's steps as shown: long runs collapsed.
pub fn integral_steps(step: &Step) -> Vec<StepItem> {
    vec![item(&prune(step, Limits::TEXT), None)]
}

fn item(shown: &Shown, label: Option<&'static str>) -> StepItem {
    let (step, children) = match shown {
        Shown::Elided(e) => return StepItem::Elided(vec![Span::tagged(e.describe(), Tag::Quiet)]),
        Shown::Step { step, children } => (*step, children),
    };
    let lhs = sign(&step.var, &step.before);
    let leaf = step.substeps.is_empty();
    let equation = if leaf {
        let mut sides = vec![lhs];
        sides.extend(middle(step));
        sides.push(Math::Expr(step.after.clone()));
        Math::Equation(sides)
    } else {
        lhs
    };
    let mut lines = vec![note_line(step)];
    lines.extend(setup(step));
    let (children, closing) = if leaf {
        (Vec::new(), None)
    } else {
        let labels: &'static [&'static str] = match step.rule {
            Rule::ByParts => &["v", "∫ v du"],
            _ => &[],
        };
        let children = labelled(children, labels)
            .map(|(child, label)| item(child, label))
            .collect();
        (children, Some(combine(step)))
    };
    StepItem::Step(Said {
        label,
        title: title(step.rule),
        equation,
        lines,
        children,
        closing,
    })
}

/// The rule's note, worded by the catalogue once the style is known.
pub fn note_line(step: &Step) -> Line {
    // The note reads the step itself, never its substeps: keep it without them.
    let explained = Step {
        rule: step.rule,
        var: step.var.clone(),
        before: step.before.clone(),
        after: step.after.clone(),
        detail: step.detail.clone(),
        substeps: Vec::new(),
    };
    vec![Span::tagged(
        Spelled(Rc::new(move |style| note(&explained, style))),
        Tag::Quiet,
    )]
}

fn expr(e: &Expr) -> Span {
    Math::Expr(e.clone()).into()
}

fn sym(name: &Symbol) -> Span {
    Math::symbol(name).into()
}

fn integrand(e: &Expr) -> Span {
    Math::Integrand(e.clone()).into()
}

fn sign(var: &Symbol, of: &Expr) -> Math {
    Math::Integral {
        var: var.clone(),
        of: of.clone(),
    }
}

/// The middle form of a leaf rule: `x^(2+1)/(2+1)`.
fn middle(step: &Step) -> Option<Math> {
    match (&step.detail, step.rule) {
        (Detail::Power { exponent }, Rule::ReversePower) => Some(Math::PowerUp {
            var: step.var.clone(),
            exponent: exponent.clone(),
        }),
        _ => None,
    }
}

/// `e dx`, or `dx` alone when `e` is 1.
fn times_dx(e: &Expr, x: &Symbol) -> Line {
    let mut line = Vec::new();
    if !e.is_one() {
        line.push(integrand(e));
        line.push(" ".into());
    }
    line.push("d".into());
    line.push(sym(x));
    line
}

/// Lines that set a rule up before its substeps: what u is, what dv is.
fn setup(step: &Step) -> Vec<Line> {
    let x = &step.var;
    match &step.detail {
        Detail::Substitution {
            name,
            inner,
            slope,
            rewritten,
        } => vec![vec![
            "Let ".into(),
            sym(name),
            " = ".into(),
            expr(inner),
            ", so d".into(),
            sym(name),
            " = ".into(),
            integrand(slope),
            " d".into(),
            sym(x),
            "; the integral becomes ".into(),
            sign(name, rewritten).into(),
            ".".into(),
        ]],
        Detail::ByParts { u, dv, du, v, .. } => {
            let mut line = vec!["u = ".into(), expr(u), ", dv = ".into()];
            line.extend(times_dx(dv, x));
            line.push(", so du = ".into());
            line.extend(times_dx(du, x));
            line.extend([" and v = ".into(), expr(v), ".".into()]);
            vec![line]
        }
        Detail::Expand {
            expanded: rewritten,
        }
        | Detail::Rewrite { rewritten } => {
            vec![vec![expr(&step.before), " = ".into(), expr(rewritten)]]
        }
        Detail::Division {
            top,
            divisor,
            quotient,
            remainder,
            rewritten,
            ..
        } => vec![vec![
            expr(top),
            " = (".into(),
            expr(divisor),
            ")·(".into(),
            expr(quotient),
            ") + ".into(),
            expr(remainder),
            ", so ".into(),
            expr(&step.before),
            " = ".into(),
            expr(rewritten),
        ]],
        Detail::PartialFractions {
            factored,
            template,
            cleared,
            top,
            found,
            rewritten,
        } => partial_fractions(step, [factored, template, cleared, top, rewritten], found),
        Detail::Tabular { rows } => tabular(rows),
        Detail::CompleteSquare {
            bottom,
            square,
            rewritten,
        } => vec![vec![
            expr(bottom),
            " = ".into(),
            expr(square),
            ", so ".into(),
            expr(&step.before),
            " = ".into(),
            expr(rewritten),
        ]],
        Detail::Cyclic {
            first,
            second,
            v,
            once,
            k,
        } => cyclic(step, first, second, v, once, k),
        Detail::TrigSubstitution {
            theta,
            x_is,
            root_is,
            in_theta,
        } => vec![trig_substitution(step, theta, x_is, root_is, in_theta)],
        _ => Vec::new(),
    }
}

/// "Let x = 2sin(θ), so √(4 - x²) = 2cos(θ): the integral becomes ∫ … dθ."
fn trig_substitution(
    step: &Step,
    theta: &Symbol,
    x_is: &Expr,
    root_is: &Expr,
    in_theta: &Expr,
) -> Line {
    let root = step
        .before
        .factors()
        .iter()
        .find(|f| matches!(f.kind(), Kind::Pow(b, _) if !b.is_var(&step.var)))
        .map(|f| f.split_power().0)
        .map(|b| Expr::pow(b, Expr::ratio(1, 2)));
    let mut line = vec!["Let ".into(), sym(&step.var), " = ".into(), expr(x_is)];
    if let Some(r) = root {
        line.extend([", so ".into(), expr(&r), " = ".into(), expr(root_is)]);
    }
    line.extend([
        ": the integral becomes ∫ ".into(),
        expr(in_theta),
        " d".into(),
        sym(theta),
        ".".into(),
    ]);
    line
}

/// The table of tabular by parts: sign, u's derivatives, dv's integrals, in lined-up columns.
fn tabular(rows: &[(Expr, Expr)]) -> Vec<Line> {
    let n = rows.len();
    let rows: Rc<Vec<(Expr, Expr)>> = Rc::new(rows.to_vec());
    // The column's width depends on how every row prints, so each line is written per style.
    let row_line = |k: Option<usize>| {
        let rows = rows.clone();
        let spelled = Spelled(Rc::new(move |style: Style| tabular_row(&rows, k, style)));
        vec![Span::from(spelled)]
    };
    let mut lines = vec![row_line(None)];
    lines.extend((0..=n).map(|k| row_line(Some(k))));
    lines.push(vec![
        "Each sign times the u and the integral on its row, added up.".into(),
    ]);
    lines
}

/// Row `k` of the tabular table (`None`: its heading; past the last: the row of 0).
fn tabular_row(rows: &[(Expr, Expr)], k: Option<usize>, style: Style) -> String {
    let style = style.with_budget(STEP_BUDGET);
    let shown: Vec<(String, String)> = rows
        .iter()
        .map(|(d, i)| (d.to_text(style), i.to_text(style)))
        .collect();
    let width = shown
        .iter()
        .map(|(d, _)| d.chars().count())
        .max()
        .unwrap_or(0)
        .max("differentiate u".len());
    match k.map(|k| (k, shown.get(k))) {
        None => format!(
            "sign  {:width$}  integrate dv, once more each row",
            "differentiate u"
        ),
        Some((k, Some((d, i)))) => {
            let sign = if k % 2 == 0 { "+" } else { "-" };
            format!(" {sign}    {d:width$}  {i}")
        }
        Some((_, None)) => format!("      {:width$}  (u has reached 0: the table stops)", "0"),
    }
}

/// The split with its unknowns, the cleared identity, and how each constant was found.
fn partial_fractions(
    step: &Step,
    [factored, template, cleared, top, rewritten]: [&Expr; 5],
    found: &[Found],
) -> Vec<Line> {
    let x = &step.var;
    let mut lines = vec![
        vec![expr(&step.before), " = ".into(), expr(template)],
        vec![
            "Multiply both sides by ".into(),
            integrand(factored),
            ": ".into(),
            expr(top),
            " = ".into(),
            expr(cleared),
        ],
    ];
    for f in found {
        let mut line: Line = match &f.at {
            Some(at) => vec![
                "  put ".into(),
                sym(x),
                " = ".into(),
                expr(at),
                ": every other term is 0, so ".into(),
            ],
            None => vec![
                "  compare the coefficients of each power of ".into(),
                sym(x),
                " on both sides: ".into(),
            ],
        };
        line.extend([sym(&f.name), " = ".into(), expr(&f.value)]);
        lines.push(line);
    }
    lines.push(vec![
        "So ".into(),
        expr(&step.before),
        " = ".into(),
        expr(rewritten),
    ]);
    lines
}

/// Two rounds of by parts, the integral coming back, and the algebra that solves for it.
fn cyclic(
    step: &Step,
    first: &(Expr, Expr),
    second: &(Expr, Expr),
    v: &Expr,
    once: &Expr,
    k: &Expr,
) -> Vec<Line> {
    let x = &step.var;
    let dv = step
        .before
        .factors()
        .iter()
        .find(|f| **f != first.0)
        .cloned()
        .unwrap_or_else(Expr::one);
    let other = Expr::mul(vec![dv.clone(), second.0.clone()]);
    let with_k = Expr::add(vec![
        once.clone(),
        Expr::mul(vec![k.clone(), Expr::var("I")]),
    ]);
    let scale = Expr::sub(Expr::one(), k.clone());
    vec![
        vec![
            "Call the integral I = ∫ ".into(),
            expr(&step.before),
            " d".into(),
            sym(x),
            ".".into(),
        ],
        vec![
            "Once: u = ".into(),
            expr(&first.0),
            ", dv = ".into(),
            integrand(&dv),
            " d".into(),
            sym(x),
            ", so du = ".into(),
            integrand(&first.1),
            " d".into(),
            sym(x),
            " and v = ".into(),
            expr(v),
            ": I = ".into(),
            expr(&Expr::mul(vec![first.0.clone(), v.clone()])),
            " - ∫ ".into(),
            integrand(&Expr::mul(vec![v.clone(), first.1.clone()])),
            " d".into(),
            sym(x),
        ],
        vec![
            "Twice, on ∫ ".into(),
            expr(&other),
            " d".into(),
            sym(x),
            ": u = ".into(),
            expr(&second.0),
            ", dv = ".into(),
            integrand(&dv),
            " d".into(),
            sym(x),
            ", so du = ".into(),
            integrand(&second.1),
            " d".into(),
            sym(x),
            "; the integral left is a multiple of I again.".into(),
        ],
        vec!["I has come back: I = ".into(), expr(&with_k)],
        vec![
            "Solve for I as in algebra: ".into(),
            integrand(&scale),
            "·I = ".into(),
            expr(once),
            ", so I = ".into(),
            expr(&step.after),
        ],
    ]
}

/// The closing line of a rule with substeps: its pieces put together.
fn combine(step: &Step) -> Line {
    let after = || Math::Expr(step.after.clone());
    let part = |i: usize| step.substeps.get(i).map(|s| s.after.clone());
    match (&step.detail, step.rule) {
        (_, Rule::IntegralSum) => {
            let parts = step.substeps.iter().map(|s| s.after.clone()).collect();
            vec![
                "add: ".into(),
                Math::Equation(vec![Math::Sum(parts), after()]).into(),
            ]
        }
        (Detail::ConstantMultiple { constant }, _) => {
            let mut line = vec!["times the constant: ".into()];
            if let Some(inner) = part(0) {
                let times = Math::times(Math::Integrand(constant.clone()), Math::Integrand(inner));
                line.extend([times.into(), " = ".into()]);
            }
            line.push(after().into());
            line
        }
        (Detail::Substitution { name, inner, .. }, _) => vec![
            "put ".into(),
            sym(name),
            " = ".into(),
            expr(inner),
            " back: ".into(),
            part(0).map_or_else(|| "".into(), |e| expr(&e)),
            " becomes ".into(),
            after().into(),
        ],
        (Detail::ByParts { u, v, .. }, _) => vec![
            "u·v − ∫ v du: ".into(),
            Math::times(Math::Integrand(u.clone()), Math::Integrand(v.clone())).into(),
            " - ".into(),
            part(1).map_or_else(|| "".into(), |e| integrand(&e)),
            " = ".into(),
            after().into(),
        ],
        _ => vec!["so: ".into(), after().into()],
    }
}
