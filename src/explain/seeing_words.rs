//! The words and shapes the seeing answers share across formats: the function as typed,
//! what two sides of a nudge say, the point-slope form, a plot's legend.

use crate::engine::{NudgeAnswer, Plot};
use crate::expr::{operand, operator, Expr, Style, Symbol};
use crate::numeric::nudge::NudgeRow;
use crate::syntax::{reading, Node, NodeKind, PlotItem, SeeingQuery, Statement};

/// The function as the learner typed it, for table headings: `(1 + 1/n)ⁿ`, not `(1/n + 1)ⁿ`.
pub fn typed_body(statement: &Statement) -> Option<&Node> {
    let Statement::Seeing(query) = statement else {
        return None;
    };
    match query.as_ref() {
        SeeingQuery::Nudge { body, .. }
        | SeeingQuery::Tangent { body, .. }
        | SeeingQuery::Limit { body, .. } => Some(body),
        _ => None,
    }
}

/// What the nudges to the right and to the left say together, when f′(a) does not exist.
pub fn two_sides(n: &NudgeAnswer) -> Vec<String> {
    let last = |rows: &[NudgeRow]| rows.last().and_then(|r| r.quotient.clone().ok());
    let right = last(&n.rows);
    let left = n.left.as_deref().and_then(last);
    let first = n.rows.first().and_then(|r| r.quotient.clone().ok());
    if let (Some(r), Some(f)) = (right, first) {
        if r.abs() > 100.0 * f.abs().max(1.0) {
            return vec![
                "The quotients grow without bound: the curve turns vertical here,".to_string(),
                "so there is no finite slope.".to_string(),
            ];
        }
    }
    match (right, left) {
        (Some(r), Some(l)) if (r - l).abs() > 1e-3 * r.abs().max(l.abs()).max(1.0) => vec![
            format!(
                "Nudged right the quotients head for {}, nudged left for {}:",
                trimmed(r, n.decimals),
                trimmed(l, n.decimals)
            ),
            "the two sides disagree, so there is no single slope here (a corner or a jump)."
                .to_string(),
        ],
        _ => vec![
            "So the quotients need not settle on one number: there is no single slope here."
                .to_string(),
        ],
    }
}

/// `v` to `decimals` places, without trailing zeros.
pub fn trimmed(v: f64, decimals: usize) -> String {
    let text = format!("{v:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

pub fn why_text(slope: &Result<Expr, String>) -> String {
    match slope {
        Err(why) => why.clone(),
        Ok(_) => "it is not a finite number".to_string(),
    }
}

/// `6(x − 3) + 9`: the tangent with slope `slope` through (`at`, `value`), written without
/// `1·` or `+ -`, each part shown by `show` (`operand` for a slope that needs brackets before
/// the shifted variable).
pub fn point_slope(
    var: &Symbol,
    at: &Expr,
    slope: &Expr,
    value: &Expr,
    show: &dyn Fn(&Expr) -> String,
    operand: &dyn Fn(&Expr) -> String,
) -> String {
    let factor = if slope.is_one() {
        String::new()
    } else if slope.as_number().is_some_and(|n| n.to_i64() == Some(-1)) {
        "-".to_string()
    } else if slope.as_number().is_some_and(|n| n.is_integer()) {
        show(slope)
    } else {
        operand(slope)
    };
    let shown = show(value);
    let tail = if value.is_zero() {
        String::new()
    } else if let Some(rest) = shown.strip_prefix('-') {
        format!(" - {rest}")
    } else {
        format!(" + {shown}")
    };
    if slope.is_zero() {
        return shown;
    }
    if at.is_zero() {
        // At 0 the point-slope form is already slope·x + f(0).
        let term = Expr::mul(vec![slope.clone(), Expr::symbol(var.clone())]);
        return format!("{}{tail}", show(&term));
    }
    let shifted = show(&Expr::sub(Expr::symbol(var.clone()), at.clone()));
    if factor.is_empty() && tail.is_empty() {
        return shifted;
    }
    format!("{factor}({shifted}){tail}")
}

/// The legend line of each curve: `sin(x)`, `d/dx x³ = 3x²`, and a defined
/// function by its name as typed: `f′(x) = 2x·sin(x) + x²·cos(x)`.
pub fn legend(p: &Plot, statement: &Statement, style: Style) -> Vec<String> {
    let typed: Vec<Option<String>> = match statement {
        Statement::Seeing(query) => match query.as_ref() {
            SeeingQuery::Plot { items, .. } => items
                .iter()
                .map(|item| match item {
                    // A name standing for a definition: `f(x)`, `f′(x)`, `y`.
                    PlotItem::Expr(node)
                        if matches!(node.kind, NodeKind::Apply { .. } | NodeKind::Var(_)) =>
                    {
                        Some(reading(node, style.unicode))
                    }
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    p.curves
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let shown = c.expr.to_text(style);
            match (&c.derivative_of, typed.get(i).cloned().flatten()) {
                (Some((f, order)), _) => format!(
                    "{} {} = {shown}",
                    operator(&p.var, *order, false, style.unicode),
                    operand(f, style),
                ),
                (None, Some(name)) if name != shown => format!("{name} = {shown}"),
                (None, _) => shown,
            }
        })
        .collect()
}
