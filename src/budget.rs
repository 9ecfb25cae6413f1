//! The work budget of one answer: how many expression parts it may build, how much memory it
//! may hold, how long it may take, and a flag (Ctrl-C, a newer keystroke) that stops it.
//!
//! The engine runs each query inside [`run`]; work that grows calls [`charge`] (every
//! expression node does, in `Expr::from_kind`) or [`check`] (loops that build nothing, such
//! as numeric sampling). Both cost a thread-local decrement; every [`POLL_EVERY`] units the
//! limits, the clock and the flag are looked at. Past a limit the work unwinds straight back
//! to [`run`], which returns [`Stop`]: no caller in between needs to know, and every value
//! built on the way is dropped as the stack unwinds.

use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Expression parts (a node and each link to a child) one answer may build, freed or not:
/// a bound on its work (a few million parts a second).
pub const MAX_PARTS: u64 = 8_000_000;
/// Memory one answer may hold at once, beyond what the session held before it (counted by
/// the `nudge` binary's allocator, `nudge::allocator`).
pub const MAX_BYTES: u64 = 256 << 20;
/// Largest result written out, in terms counted as printed (a part shared by several
/// places counts at each): past it, printing alone would take too long and fill the screen.
pub const MAX_WRITTEN: u32 = 10_000_000;
/// Longest one answer may work.
pub const MAX_TIME: Duration = Duration::from_secs(10);
/// Units of work between looks at the limit, the clock and the stop flag.
const POLL_EVERY: u64 = 4096;

/// What one computation may spend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub parts: u64,
    pub bytes: u64,
    pub time: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            parts: MAX_PARTS,
            bytes: MAX_BYTES,
            time: MAX_TIME,
        }
    }
}

/// The limits every answer of this process runs within, as `set_limits` left them.
static PARTS: AtomicU64 = AtomicU64::new(MAX_PARTS);
static BYTES: AtomicU64 = AtomicU64::new(MAX_BYTES);
static MILLIS: AtomicU64 = AtomicU64::new(MAX_TIME.as_millis() as u64);

/// From now on, every answer of this process runs within `limits` (the command line's
/// `--max-terms`, and the room an address-space limit leaves).
pub fn set_limits(limits: Limits) {
    PARTS.store(limits.parts, Ordering::Relaxed);
    BYTES.store(limits.bytes, Ordering::Relaxed);
    MILLIS.store(
        u64::try_from(limits.time.as_millis()).unwrap_or(u64::MAX),
        Ordering::Relaxed,
    );
}

/// The limits each answer runs within.
pub fn limits() -> Limits {
    Limits {
        parts: PARTS.load(Ordering::Relaxed),
        bytes: BYTES.load(Ordering::Relaxed),
        time: Duration::from_millis(MILLIS.load(Ordering::Relaxed)),
    }
}

/// Why a computation stopped before it finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// It built more expression parts than `limit`.
    TooBig { limit: u64 },
    /// It held more than `limit` bytes at once.
    TooMuchMemory { limit: u64 },
    /// It worked longer than `limit`.
    TooLong { limit: Duration },
    /// Someone set the stop flag (Ctrl-C, a newer preview).
    Cancelled,
}

/// The running computation's account; `Cell`s only, so the hot path needs no destructor check.
struct Account {
    active: Cell<bool>,
    parts: Cell<u64>,
    limit: Cell<u64>,
    /// Units left before the next look at the limits.
    until_poll: Cell<u64>,
    deadline: Cell<Option<Instant>>,
    time: Cell<Duration>,
    /// What `HELD` was when the computation started, and how far above it may go.
    held_at_start: Cell<i64>,
    bytes: Cell<u64>,
    started: Cell<Option<Instant>>,
}

thread_local! {
    static ACCOUNT: Account = const {
        Account {
            active: Cell::new(false),
            parts: Cell::new(0),
            limit: Cell::new(u64::MAX),
            until_poll: Cell::new(u64::MAX),
            deadline: Cell::new(None),
            time: Cell::new(Duration::ZERO),
            held_at_start: Cell::new(0),
            bytes: Cell::new(u64::MAX),
            started: Cell::new(None),
        }
    };
    /// Told, now and then, how long this thread's running computation has worked.
    static PROGRESS: Cell<Option<fn(Duration)>> = const { Cell::new(None) };
    /// Bytes this thread allocated less those it freed, as the allocator reports them.
    static HELD: Cell<i64> = const { Cell::new(0) };
    /// The flag that stops this thread's computations, if someone holds one.
    static FLAG: RefCell<Option<Arc<AtomicBool>>> = const { RefCell::new(None) };
}

/// From now on, every computation on this thread stops soon after `flag` is set.
pub fn stop_when(flag: Arc<AtomicBool>) {
    FLAG.with(|f| *f.borrow_mut() = Some(flag));
}

/// From now on, `hook` hears now and then (from the computation itself, at most once a
/// millisecond or so) how long this thread's running computation has worked.
pub fn report_to(hook: fn(Duration)) {
    PROGRESS.with(|p| p.set(Some(hook)));
}

/// Runs `work` within `limits` (or within the budget already running on this thread, when
/// called inside another `run`). Panics that are not a budget stop pass through unchanged.
pub fn run<T>(limits: Limits, work: impl FnOnce() -> T) -> Result<T, Stop> {
    let outer = ACCOUNT.with(|a| a.active.get());
    if !outer {
        ACCOUNT.with(|a| {
            a.active.set(true);
            a.parts.set(0);
            a.limit.set(limits.parts);
            let now = clock();
            a.started.set(now);
            a.deadline
                .set(now.and_then(|now| now.checked_add(limits.time)));
            a.time.set(limits.time);
            a.held_at_start.set(HELD.with(Cell::get));
            a.bytes.set(limits.bytes);
            a.until_poll.set(POLL_EVERY.min(limits.parts));
        });
    }
    let result = catch_unwind(AssertUnwindSafe(work));
    ACCOUNT.with(|a| {
        if outer {
            // Look again at the next unit: a stop inside stays a stop outside.
            a.until_poll.set(1);
        } else {
            a.active.set(false);
            a.until_poll.set(u64::MAX);
        }
    });
    match result {
        Ok(value) => Ok(value),
        Err(payload) => match payload.downcast::<Stop>() {
            Ok(stop) => Err(*stop),
            Err(other) => resume_unwind(other),
        },
    }
}

/// Accounts for `parts` new expression parts.
#[inline]
pub fn charge(parts: u64) {
    spend(parts, parts);
}

/// One unit of work that builds nothing (a loop iteration, a numeric sample).
#[inline]
pub fn check() {
    spend(0, 1);
}

/// Called by the allocator: this thread now holds `bytes` more (fewer, when negative).
/// Must not allocate, panic or unwind.
#[inline]
pub fn note_held(bytes: i64) {
    HELD.with(|h| h.set(h.get().wrapping_add(bytes)));
}

/// The parts built so far by this thread's running computation.
pub fn spent() -> u64 {
    ACCOUNT.with(|a| a.parts.get())
}

#[inline]
fn spend(parts: u64, work: u64) {
    ACCOUNT.with(|a| {
        a.parts.set(a.parts.get().wrapping_add(parts));
        let left = a.until_poll.get();
        if left > work {
            a.until_poll.set(left - work);
        } else {
            poll(a);
        }
    });
}

#[cold]
#[inline(never)]
fn poll(a: &Account) {
    if !a.active.get() {
        a.until_poll.set(u64::MAX);
        return;
    }
    let (parts, limit) = (a.parts.get(), a.limit.get());
    let stop = if parts >= limit {
        Some(Stop::TooBig { limit })
    } else if held_above(a) > a.bytes.get() {
        Some(Stop::TooMuchMemory {
            limit: a.bytes.get(),
        })
    } else if FLAG.with(|f| {
        f.borrow()
            .as_ref()
            .is_some_and(|f| f.load(Ordering::Relaxed))
    }) {
        Some(Stop::Cancelled)
    } else {
        let now = clock();
        if let (Some(hook), Some(started), Some(now)) =
            (PROGRESS.with(Cell::get), a.started.get(), now)
        {
            hook(now.duration_since(started));
        }
        a.deadline
            .get()
            .filter(|d| now.is_some_and(|now| now >= *d))
            .map(|_| Stop::TooLong {
                limit: a.time.get(),
            })
    };
    match stop {
        Some(stop) => {
            // Nothing looks again while the stack unwinds; `run` re-arms.
            a.until_poll.set(u64::MAX);
            resume_unwind(Box::new(stop));
        }
        None => a.until_poll.set(POLL_EVERY.min(limit - parts)),
    }
}

/// The time now, where there is a clock. WebAssembly in a browser has none in `std`
/// (`Instant::now` panics there): the page stops a long answer itself.
fn clock() -> Option<Instant> {
    #[cfg(not(all(target_family = "wasm", target_os = "unknown")))]
    return Some(Instant::now());
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    None
}

/// Bytes held now beyond what was held when the computation started.
fn held_above(a: &Account) -> u64 {
    let above = HELD.with(Cell::get).wrapping_sub(a.held_at_start.get());
    u64::try_from(above).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn busy(units: u64) -> u64 {
        (0..units).map(|_| charge(1)).count() as u64
    }

    #[test]
    fn work_within_the_limit_finishes() {
        let limits = Limits {
            parts: 10_000,
            ..Limits::default()
        };
        assert_eq!(run(limits, || busy(9_000)), Ok(9_000));
    }

    #[test]
    fn work_past_the_limit_stops_at_it() {
        let limits = Limits {
            parts: 10_000,
            ..Limits::default()
        };
        assert_eq!(
            run(limits, || busy(1 << 40)),
            Err(Stop::TooBig { limit: 10_000 })
        );
        assert!(spent() >= 10_000 && spent() < 10_000 + POLL_EVERY);
        // The next computation starts afresh.
        assert_eq!(run(limits, || busy(9_000)), Ok(9_000));
    }

    #[test]
    fn a_deadline_stops_work_that_builds_nothing() {
        let limits = Limits {
            parts: u64::MAX,
            time: Duration::from_millis(20),
            ..Limits::default()
        };
        let stopped = run(limits, || loop {
            check();
        });
        assert!(matches!(stopped, Err(Stop::TooLong { .. })));
    }

    #[test]
    fn the_flag_stops_work() {
        let flag = Arc::new(AtomicBool::new(true));
        stop_when(Arc::clone(&flag));
        let stopped = run(Limits::default(), || loop {
            check();
        });
        flag.store(false, Ordering::Relaxed);
        assert_eq!(stopped, Err(Stop::Cancelled));
        assert_eq!(run(Limits::default(), || busy(10)), Ok(10));
    }

    #[test]
    fn a_stop_inside_a_nested_run_stops_the_outer_one_too() {
        let limits = Limits {
            parts: 10_000,
            ..Limits::default()
        };
        let outer = run(limits, || {
            let inner = run(limits, || busy(1 << 40));
            assert!(inner.is_err());
            busy(1 << 40)
        });
        assert_eq!(outer, Err(Stop::TooBig { limit: 10_000 }));
    }

    #[test]
    fn holding_too_much_memory_stops_work() {
        let limits = Limits {
            bytes: 1 << 20,
            ..Limits::default()
        };
        let stopped = run(limits, || {
            note_held(2 << 20);
            busy(1 << 40)
        });
        note_held(-(2 << 20));
        assert_eq!(stopped, Err(Stop::TooMuchMemory { limit: 1 << 20 }));
    }

    #[test]
    fn other_panics_pass_through() {
        let caught = catch_unwind(|| run(Limits::default(), || panic!("a real bug")));
        assert!(caught.is_err());
    }

    #[test]
    fn without_a_budget_nothing_stops() {
        assert_eq!(busy(3 * POLL_EVERY), 3 * POLL_EVERY);
    }
}
