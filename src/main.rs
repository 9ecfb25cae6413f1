//! The `nudge` binary: runs the command line on a thread with room for deep expressions.

mod cli;
mod repl;
mod tutor;

/// mimalloc, through the short path for plain blocks (see `nudge::allocator`).
#[global_allocator]
static ALLOCATOR: nudge::allocator::Allocator = nudge::allocator::Allocator;

/// Stack for the engine thread: deep compositions recurse once per level.
const STACK_BYTES: usize = 1 << 30;

fn main() {
    let code = std::thread::Builder::new()
        .name("nudge".into())
        .stack_size(STACK_BYTES)
        .spawn(cli::run)
        .map(|handle| handle.join().unwrap_or(101))
        .unwrap_or_else(|e| {
            eprintln!("nudge: cannot start: {e}");
            1
        });
    std::process::exit(code);
}
