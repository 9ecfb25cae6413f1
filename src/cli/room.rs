//! How much room the process has: the address-space limit (`ulimit -v`), and the engine's
//! stack and each answer's memory sized to fit inside it.

use nudge::budget::{Limits, MAX_BYTES};

/// Stack for the engine thread. Deep compositions recurse once per level: 5,000 brackets
/// (the parser's bound) take about 32 MB in a release build and 128 MB in a debug build.
/// Untouched stack costs no memory, only address space.
const STACK_BYTES: u64 = 256 << 20;
/// The least stack nudge starts with, however tight the address space.
const MIN_STACK_BYTES: u64 = 32 << 20;

/// The process's address-space limit in bytes, if it has one.
fn address_space() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes the limit into the struct it is given, nothing else.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut limit) } == 0;
    (ok && limit.rlim_cur != libc::RLIM_INFINITY).then_some(limit.rlim_cur)
}

/// The engine thread's stack: a quarter of a limited address space, at most `STACK_BYTES`.
pub fn stack_bytes() -> usize {
    let bytes = address_space().map_or(STACK_BYTES, |limit| {
        (limit / 4).clamp(MIN_STACK_BYTES, STACK_BYTES)
    });
    usize::try_from(bytes).unwrap_or(usize::MAX)
}

/// Each answer's limits: memory shrinks to a quarter of a limited address space, so that the
/// budget stops an answer before an allocation can fail.
pub fn limits(parts: Option<u64>, seconds: Option<f64>) -> Limits {
    let mut limits = Limits::default();
    if let Some(limit) = address_space() {
        limits.bytes = MAX_BYTES.min(limit / 4);
    }
    if let Some(parts) = parts {
        limits.parts = parts;
    }
    if let Some(seconds) = seconds {
        limits.time = std::time::Duration::from_secs_f64(seconds);
    }
    limits
}
