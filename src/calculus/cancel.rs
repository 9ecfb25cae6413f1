//! Stopping a long computation from outside: a flag per thread, looked at as each step is taken.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

thread_local! {
    static FLAG: RefCell<Option<Arc<AtomicBool>>> = const { RefCell::new(None) };
}

/// From now on, this thread's computations stop early once `flag` is set.
/// What they return after that is meaningless: whoever set the flag must discard it.
pub fn stop_when(flag: Arc<AtomicBool>) {
    FLAG.with(|f| *f.borrow_mut() = Some(flag));
}

/// Whether this thread has been asked to stop.
pub fn stopped() -> bool {
    FLAG.with(|f| {
        f.borrow()
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
    })
}
