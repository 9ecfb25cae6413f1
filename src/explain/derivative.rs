//! A derivative of one variable, ordinary or partial: its steps, its result, what it means.

use super::doc::{Block, Doc, Line, Math, Quiet, Span, Tag};
use super::steps::{steps_lettered, Letters};
use super::{labelled, readings};
use crate::calculus::{Detail, Rule};
use crate::engine::{DerivativeAnswer, Named};
use crate::expr::{Expr, Symbol};

/// The body of a derivative answer, after the reading.
pub fn derivative(answer: &DerivativeAnswer) -> Doc {
    let DerivativeAnswer {
        body,
        var,
        order,
        partial,
        steps: tree,
        result,
        named,
    } = answer;
    let mut blocks = Vec::new();
    if let Some(n) = named {
        blocks.push(Block::Words(intro(
            n,
            Math::Expr(body.clone()),
            var,
            *order,
            *partial,
        )));
    }
    blocks.push(Block::Gap);
    let letters = named
        .as_ref()
        .map_or(Letters::FG, |n| Letters::beside(n.name()));
    blocks.push(Block::Steps(steps_lettered(tree, *partial, letters)));
    blocks.push(Block::Gap);
    let lhs = match named {
        Some(n) => Math::Named {
            named: n.clone(),
            var: var.clone(),
            order: *order,
            partial: *partial,
        },
        None => Math::Derivative {
            var: var.clone(),
            order: *order,
            partial: *partial,
            of: body.clone(),
        },
    };
    blocks.push(Block::Value {
        lead: vec![lhs.into(), " =".into()],
        exact: result.clone(),
        decimal: None,
    });
    if let Some(shape) = tree.last().filter(|s| s.rule == Rule::KnownShape) {
        let mut line = vec![
            Span::tagged("Also written as:", Tag::Label),
            " ".into(),
            Math::Expr(shape.after.clone()).into(),
        ];
        if let Detail::Shape(known) = &shape.detail {
            line.extend(super::softmax::shape_terms(known));
        }
        blocks.push(Block::Words(line));
    }
    if let Some(reading) = readings::time(var, *order).filter(|_| !partial) {
        blocks.push(labelled("Meaning:", reading));
    }
    Doc {
        blocks,
        quiet: Quiet::Result(vec![Math::Expr(result.clone()).into()]),
    }
}

/// What a derivative asked by name means, before its steps:
/// "f′(x) is the slope of f(x) = x²·sin(x) as x is nudged."
pub fn intro(named: &Named, body: Math, var: &Symbol, order: u32, partial: bool) -> Line {
    let name = named.name().clone();
    let symbols = |names: &[Symbol]| names.iter().map(|p| Expr::symbol(p.clone())).collect();
    let function = match named {
        Named::Leibniz { params, .. } if params.is_empty() => Math::symbol(&name),
        Named::Leibniz { params, .. } => Math::Call {
            name,
            args: symbols(params),
        },
        Named::Prime { .. } => Math::Call {
            name,
            args: symbols(std::slice::from_ref(var)),
        },
        Named::Applied { args, .. } => Math::Call {
            name,
            args: args.clone(),
        },
    };
    let slope = match order {
        2 => " is the slope of the slope of ",
        n if n > 2 => " is a derivative, taken again and again, of ",
        _ => " is the slope of ",
    };
    let mut line: Line = vec![
        Math::Named {
            named: named.clone(),
            var: var.clone(),
            order,
            partial,
        }
        .into(),
        slope.into(),
        Math::Equation(vec![function, body]).into(),
        if partial { " as only " } else { " as " }.into(),
    ];
    line.push(Span::from(Math::symbol(var)));
    line.push(" is nudged.".into());
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::doc::Tag;
    use crate::present::{text, Plain};
    use crate::Session;

    fn said(line: &str, unicode: bool) -> String {
        let outcome = Session::new().answer(line).expect("answers");
        let doc = crate::explain::outcome(&outcome);
        text(&doc, unicode, false, &Plain)
    }

    #[test]
    fn the_result_is_a_value_block_with_the_question_on_the_left() {
        let outcome = Session::new().answer("d/dx x^3").expect("answers");
        let crate::engine::Answer::Derivative(answer) = &outcome.answer else {
            panic!("a derivative: {:?}", outcome.answer);
        };
        let doc = derivative(answer);
        let value = doc.blocks.iter().find_map(|b| match b {
            Block::Value { exact, .. } => Some(exact.clone()),
            _ => None,
        });
        assert_eq!(
            value,
            Some(Expr::mul(vec![
                Expr::int(3),
                Expr::pow(Expr::var("x"), Expr::int(2))
            ]))
        );
        assert!(said("d/dx x^3", true).ends_with("d/dx x³ = 3x²\n"));
        assert!(said("d/dx x^3", false).ends_with("d/dx x^3 = 3*x^2\n"));
    }

    #[test]
    fn ascii_is_ascii_throughout() {
        for q in [
            "d/dx sin(x^2)",
            "d/dx (x^2+1)/(x-1)",
            "d^2/dx^2 theta^3 ln(theta)",
        ] {
            let shown = said(q, false);
            assert!(shown.is_ascii(), "{shown}");
            assert!(shown.contains("\n  * "), "{shown}");
        }
    }

    /// Tags mark what stands out; the presenter's `Paint` decides how.
    struct Marked;

    impl crate::present::Paint for Marked {
        fn paint(&self, tag: Tag, text: &str) -> String {
            format!("<{tag:?}>{text}</{tag:?}>")
        }
    }

    #[test]
    fn words_are_tagged_and_painted_by_the_presenter() {
        let outcome = Session::new().answer("d/dx sin(x^2)").expect("answers");
        let doc = crate::explain::outcome(&outcome);
        let shown = text(&doc, true, false, &Marked);
        assert!(
            shown.starts_with("<Label>Reading:</Label> d/dx sin(x²)\n"),
            "{shown}"
        );
        assert!(
            shown.contains("\n<Rule>chain rule</Rule>: d/dx sin(x²)\n"),
            "{shown}"
        );
        assert!(shown.contains("  • outer: <Rule>sine</Rule>: "), "{shown}");
        assert!(
            shown.ends_with("d/dx sin(x²) = <Answer>2x·cos(x²)</Answer>\n"),
            "{shown}"
        );
        assert!(!shown.contains('\u{1b}'));
    }
}
