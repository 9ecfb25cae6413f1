//! Speed figures for the core engine, printed as a table: `cargo bench --bench engine`.
//!
//! A plain harness (no criterion) keeps the build small; each workload runs
//! until about half a second has passed and reports the median of its runs.

use nudge::calculus::derive;
use nudge::expr::{Expr, Style};
use nudge::format::{render_text, TextOptions};
use nudge::syntax::{lower, parse, Statement};
use nudge::Session;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// mimalloc, through the short path for plain blocks (see `nudge::allocator`).
#[global_allocator]
static ALLOCATOR: nudge::allocator::Allocator = nudge::allocator::Allocator;

fn median_time(mut work: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 || (start.elapsed() < Duration::from_millis(500) && times.len() < 1000) {
        let t = Instant::now();
        work();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn report(name: &str, d: Duration) {
    println!("{name:<58} {:>12.3} ms", d.as_secs_f64() * 1e3);
}

/// Runs and reports one workload, unless a filter word was given that its name lacks.
fn bench(name: &str, work: impl FnMut()) {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    if filter.is_none_or(|f| name.contains(&f)) {
        report(name, median_time(work));
    }
}

fn body_of(query: &str) -> Expr {
    match parse(query).map(|p| p.statement) {
        Ok(Statement::Derivative { body, .. }) => lower(&body).expect("bench input lowers"),
        _ => panic!("bench input must be a derivative query"),
    }
}

fn deep_composition(depth: usize) -> String {
    format!("d/dx {}x{}", "sin(".repeat(depth), ")".repeat(depth))
}

fn big_sum(terms: usize) -> String {
    let mut parts = Vec::with_capacity(terms);
    for i in 0..terms {
        let (c, e, k) = (i % 97 + 1, i % 13 + 1, i % 89 + 1);
        let f = ["sin", "cos", "exp", "ln"][i % 4];
        parts.push(format!("{c}*x^{e}*{f}({k}*x)"));
    }
    format!("d/dx {}", parts.join(" + "))
}

fn main() {
    // The engine thread in the binary has a large stack; the bench needs one too.
    let handle = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(run)
        .expect("bench thread starts");
    handle.join().expect("bench thread finishes");
}

fn run() {
    let text = TextOptions {
        unicode: true,
        quiet: false,
    };
    let quiet = TextOptions {
        unicode: true,
        quiet: true,
    };
    println!("{:<58} {:>15}", "workload", "median");

    let mut session = Session::new();
    bench(
        "typical query: parse → derive → render (d/dx sin(x^2))",
        || {
            let o = session.answer(black_box("d/dx sin(x^2)")).expect("answers");
            black_box(render_text(&o, text));
        },
    );

    let body = body_of("d/dx x^3 e^(2x) sin(x)");
    bench("diff(x^3 e^(2x) sin(x), x, 20), derivatives only", || {
        let mut e = body.clone();
        for _ in 0..20 {
            e = derive(&e, "x").after;
        }
        black_box(e);
    });
    bench(
        "diff(x^3 e^(2x) sin(x), x, 20), whole query with -q",
        || {
            let o = session
                .answer(black_box("diff(x^3 e^(2x) sin(x), x, 20)"))
                .expect("answers");
            black_box(render_text(&o, quiet));
        },
    );

    let deep = deep_composition(2000);
    let deep_body = body_of(&deep);
    bench("sin(sin(…(x))) 2,000 deep: derivative only", || {
        black_box(derive(&deep_body, "x"));
    });
    bench(
        "sin(sin(…(x))) 2,000 deep: parse + derive + text steps",
        || {
            let o = session.answer(black_box(&deep)).expect("answers");
            black_box(render_text(&o, text));
        },
    );

    let sum = big_sum(10_000);
    bench("10,000-term sum: parse only", || {
        black_box(parse(black_box(&sum)).expect("parses"));
    });
    let sum_body = body_of(&sum);
    bench("10,000-term sum: derivative only", || {
        black_box(derive(&sum_body, "x"));
    });
    bench("10,000-term sum: parse + derive + print result", || {
        let o = session.answer(black_box(&sum)).expect("answers");
        black_box(o.result().map(|r| r.to_text(Style::UNICODE)));
    });

    // The numeric side: Gauss–Kronrod following 160,000 swings, giving up on 10^19 of them,
    // and a limit whose terms cancel past floating point.
    for q in [
        "∫_0^1000 sin(x^2) dx",
        "∫_0^(10^20) sin(x) dx",
        "∫_0^10000 sin(x^2) dx",
        "∫_0^1 1/sqrt(x) dx",
        "limit (sin(x) - x + x^3/6)/x^5 as x -> 0",
        "limit sinh(x)/e^x as x -> inf",
    ] {
        bench(q, || {
            black_box(session.answer(black_box(q)).ok());
        });
    }

    let queries = ["d/dx x^3", "d/dx sin(x)", "d/dx e^(2x)", "d/dx ln(x^2 + 1)"];
    let per_query = median_time(|| {
        for q in queries {
            let o = session.answer(black_box(q)).expect("answers");
            black_box(render_text(&o, quiet));
        }
    }) / queries.len() as u32;
    report("simple query with -q (in-process, per query)", per_query);
    println!(
        "{:<58} {:>12.0} /s",
        "  = simple queries per second, one core",
        1.0 / per_query.as_secs_f64()
    );
}
