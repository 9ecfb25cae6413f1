//! Numbers as nudge writes them in prose: a float beside an exact value (six decimals,
//! trailing zeros dropped) and a count with its thousands separated.

/// A number to six decimals, without trailing zeros.
pub fn decimal(v: f64) -> String {
    if v.is_nan() {
        return "undefined".to_string();
    }
    if v.abs() >= 1e15 || (v != 0.0 && v.abs() < 1e-6) {
        return format!("{v:.6e}");
    }
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// 1996 → "1,996".
pub fn thousands(n: impl std::fmt::Display) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
