//! Broken input nested deeply must fail fast: the grammar never tries the same bracket twice.
//!
//! A grammar that retried each bracket once more on failure would take 2^60 steps
//! here and never finish; the generous timeout only guards against such a hang.

use assert_cmd::Command;
use std::time::Duration;

const DEPTH: usize = 60;

fn fails_cleanly(query: &str) {
    let out = Command::cargo_bin("nudge")
        .expect("binary builds")
        .args(["--color", "never", "-e", query])
        .timeout(Duration::from_secs(60))
        .output()
        .expect("nudge runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "expected a reading error for {query}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error:"),
        "no error message for {query}: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "panic for {query}: {stderr}");
}

#[test]
fn unclosed_and_broken_nesting_fails_fast() {
    let openings = [
        "(",
        "sin(",
        "x(",
        "f(",
        "log_2(",
        "log_a(",
        "sqrt(",
        "|(",
        "e^(",
        "2(",
        "-(",
        "\\sqrt{",
        "\\sin\\left(",
        "\\sin{",
        "\\frac{",
        "\\log_2(",
        "sin^2(",
    ];
    for open in openings {
        let unclosed = format!("{}x +* 1", open.repeat(DEPTH));
        fails_cleanly(&unclosed);
    }
}

#[test]
fn an_error_deep_inside_closed_brackets_fails_fast() {
    let inner = format!("{}x +* 1{}", "sin(".repeat(DEPTH), ")".repeat(DEPTH));
    fails_cleanly(&inner);
    let calls = format!("{}x +* 1{}", "x(".repeat(DEPTH), ")".repeat(DEPTH));
    fails_cleanly(&calls);
}
