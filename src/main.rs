//! The `nudge` binary: runs the command line (`cli`) on a thread with room for deep expressions.

mod cli;

/// mimalloc, through the short path for plain blocks (see `nudge::allocator`).
#[global_allocator]
static ALLOCATOR: nudge::allocator::Allocator = nudge::allocator::Allocator;

fn main() {
    let code = std::thread::Builder::new()
        .name("nudge".into())
        .stack_size(cli::room::stack_bytes())
        .spawn(cli::run)
        .map(|handle| handle.join().unwrap_or(101))
        .unwrap_or_else(|e| {
            eprintln!("nudge: cannot start: {e}");
            1
        });
    std::process::exit(code);
}
