//! The allocator nudge runs on: mimalloc, asked for plain blocks whenever plain blocks suffice.
//!
//! Expressions are many small shared nodes, and mimalloc serves them markedly faster than the
//! system allocator. The `mimalloc` crate sends every request down mimalloc's aligned path;
//! almost all of ours need no more alignment than a plain block has, so they take the short path.

use libmimalloc_sys::{
    mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned, mi_zalloc,
    mi_zalloc_aligned,
};
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// Every block mimalloc hands out is aligned to this many bytes when it is at least this big
/// (the same rule the standard library relies on for `malloc`).
const PLAIN_ALIGN: usize = 16;

/// The global allocator of the `nudge` binary and its benchmarks.
pub struct Allocator;

fn plain(layout: &Layout, size: usize) -> bool {
    layout.align() <= PLAIN_ALIGN && layout.align() <= size
}

/// Tells the work budget how much memory this thread holds (see `crate::budget::MAX_BYTES`).
#[inline]
fn held(more: usize, less: usize) {
    crate::budget::note_held(more as i64 - less as i64);
}

// SAFETY: each method forwards to the mimalloc function with the same contract, choosing
// the aligned variant whenever a plain block might not meet `layout.align()`.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        held(layout.size(), 0);
        if plain(&layout, layout.size()) {
            mi_malloc(layout.size()).cast()
        } else {
            mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        held(layout.size(), 0);
        if plain(&layout, layout.size()) {
            mi_zalloc(layout.size()).cast()
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        held(0, layout.size());
        mi_free(ptr.cast::<c_void>());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        held(new_size, layout.size());
        if plain(&layout, new_size) {
            mi_realloc(ptr.cast(), new_size).cast()
        } else {
            mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
        }
    }
}
