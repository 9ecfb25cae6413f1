//! LaTeX and Markdown for the answers that follow a loss through its named steps: the chain
//! as an aligned product, the passes and the descent as tables, the graph kept as drawn.

use super::markup::{maths, words, Block, Cell, Row};
use crate::engine::{BackpropAnswer, ChainAnswer, DescentAnswer, Path, Role, Training, Val};
use crate::explain::backprop::backprop_drawing_unicode;
use crate::expr::{decimal, latex_operand, Expr, Symbol};

pub(super) fn blocks(answer: &Training) -> Vec<Block> {
    match answer {
        Training::Chain(chain) => chain_blocks(chain),
        Training::Backprop(answer) => backprop_blocks(answer),
        Training::Descent(answer) => descent_blocks(answer),
    }
}

/// `\frac{\partial L}{\partial a}`, or with d when `partial` is off.
fn slope(of: &Symbol, var: &Symbol, partial: bool) -> String {
    let d = if partial { "\\partial " } else { "d" };
    format!(
        "\\frac{{{d}{}}}{{{d}{}}}",
        Expr::symbol(of.clone()).latex(),
        Expr::symbol(var.clone()).latex()
    )
}

/// Each local derivative, then the product along the paths, then the original letters.
fn chain_blocks(chain: &ChainAnswer) -> Vec<Block> {
    let rows = chain
        .links
        .iter()
        .map(|l| Row {
            depth: 0,
            heading: "local derivative".to_string(),
            maths: Some(format!(
                "{} = {}",
                slope(&l.step, &l.input, true),
                l.local.latex()
            )),
            words: "every other letter held fixed".to_string(),
        })
        .collect();
    let per_path = |each: &dyn Fn(&Symbol, &Symbol) -> String| -> String {
        let products: Vec<String> = chain
            .paths
            .iter()
            .map(|p| {
                let links: Vec<String> = p.windows(2).map(|w| each(&w[0], &w[1])).collect();
                links.join(" \\cdot ")
            })
            .collect();
        products.join(" + ")
    };
    let names = per_path(&|s, i| slope(s, i, true));
    let locals = per_path(&|s, i| {
        chain
            .link(s, i)
            .map_or_else(String::new, |l| latex_operand(&l.local))
    });
    let asked = slope(&chain.of, &chain.var, chain.partial);
    let rule = if chain.paths.len() > 1 {
        "multivariable chain rule"
    } else {
        "chain rule"
    };
    vec![Block::Steps {
        reading: None,
        rows,
        closing: vec![
            (
                rule.to_string(),
                format!("{asked} = {names} = {locals} = {}", chain.in_steps.latex()),
            ),
            (
                "in the original letters".to_string(),
                format!("{asked} = {}", chain.result.latex()),
            ),
        ],
    }]
}

/// A value in a table: exact where it is a fraction, else its decimal after ≈.
fn value(v: &Val) -> Cell {
    match &v.exact {
        Some(e) => vec![maths(e.latex())],
        None => vec![maths(format!("\\approx {}", decimal(v.approx)))],
    }
}

fn backprop_blocks(answer: &BackpropAnswer) -> Vec<Block> {
    let name = |n: &Symbol| vec![maths(Expr::symbol(n.clone()).latex())];
    let forward = answer
        .nodes
        .iter()
        .map(|n| {
            let formula = match (&n.formula, n.role) {
                (Some(f), Role::Step) => vec![maths(f.latex())],
                (_, Role::Set) => vec![words("defined")],
                _ => vec![words("given")],
            };
            vec![name(&n.name), formula, value(&n.value)]
        })
        .collect();
    let backward = answer
        .links
        .iter()
        .map(|l| {
            vec![
                vec![maths(format!(
                    "{} \\leftarrow {}",
                    Expr::symbol(l.step.clone()).latex(),
                    Expr::symbol(l.input.clone()).latex()
                ))],
                vec![maths(format!(
                    "{} = {}",
                    slope(&l.step, &l.input, true),
                    l.local.latex()
                ))],
                value(&l.local_at),
                value(&l.from_above),
                value(&l.product),
            ]
        })
        .collect();
    let gradients: Vec<String> = answer
        .parameters()
        .map(|n| {
            let v = match &n.gradient.exact {
                Some(e) => format!("= {}", e.latex()),
                None => format!("\\approx {}", decimal(n.gradient.approx)),
            };
            format!("{} {v}", slope(&answer.loss, &n.name, true))
        })
        .collect();
    vec![
        Block::Words(vec![words(
            "Forward pass: each step worked out from the values before it.",
        )]),
        Block::Table {
            header: vec![
                vec![words("node")],
                vec![words("formula")],
                vec![words("value")],
            ],
            rows: forward,
        },
        Block::Words(vec![words(
            "Backward pass: each link's local derivative times the gradient arriving from above.",
        )]),
        Block::Table {
            header: vec![
                vec![words("step ← input")],
                vec![words("local derivative")],
                vec![words("at the point")],
                vec![words("from above")],
                vec![words("product")],
            ],
            rows: backward,
        },
        Block::Picture(backprop_drawing_unicode(answer)),
        Block::Display(gradients.join(", \\quad ")),
    ]
}

fn descent_blocks(answer: &DescentAnswer) -> Vec<Block> {
    let point = |p: &[f64]| match p {
        [one] => decimal(*one),
        many => format!(
            "\\left({}\\right)",
            many.iter()
                .map(|x| decimal(*x))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let updates: Vec<String> = answer
        .vars
        .iter()
        .map(|v| {
            let w = Expr::symbol(v.clone()).latex();
            format!("{w} \\leftarrow {w} - \\eta \\frac{{\\partial f}}{{\\partial {w}}}")
        })
        .collect();
    let mut out = vec![Block::Display(updates.join(", \\quad "))];
    match answer.runs.as_slice() {
        [run] => out.push(Block::Table {
            header: vec![
                vec![words("step")],
                vec![words("point")],
                vec![maths("f")],
                vec![maths("\\nabla f")],
                vec![maths("\\lVert \\nabla f \\rVert")],
            ],
            rows: run
                .iterates
                .iter()
                .map(|it| {
                    vec![
                        vec![words(it.step.to_string())],
                        vec![maths(point(&it.point))],
                        vec![maths(decimal(it.value))],
                        vec![maths(point(&it.gradient))],
                        vec![maths(decimal(it.length))],
                    ]
                })
                .collect(),
        }),
        runs => {
            let longest = runs.iter().map(|r| r.iterates.len()).max().unwrap_or(0);
            let mut header = vec![vec![words("step")]];
            header.extend(
                runs.iter()
                    .map(|r| vec![maths(format!("f,\\ \\eta = {}", r.rate.latex()))]),
            );
            let rows = (0..longest)
                .map(|i| {
                    let mut row = vec![vec![words(i.to_string())]];
                    row.extend(runs.iter().map(|r| match r.iterates.get(i) {
                        Some(it) => vec![maths(decimal(it.value))],
                        None => vec![words("stopped")],
                    }));
                    row
                })
                .collect();
            out.push(Block::Table { header, rows });
        }
    }
    for run in &answer.runs {
        let said = match run.path {
            Path::Settled => "settled on a flat spot",
            Path::OutOfSteps => "ran out of steps, still going down",
            Path::Zigzag => "zigzagged across the valley, still going down",
            Path::Diverged => "ran away: the rate is too large",
            Path::Overshoot => "jumped over the bottom and grew: the rate is too large",
        };
        out.push(Block::Words(vec![
            maths(format!("\\eta = {}", run.rate.latex())),
            words(format!(": {said}.")),
        ]));
    }
    out
}
