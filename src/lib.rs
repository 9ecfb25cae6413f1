//! nudge: a calculus tutor. Everything but the terminal lives here:
//! syntax → expressions → calculus → rendering, driven by one engine.

pub mod allocator;
pub mod calculus;
pub mod engine;
pub mod error;
pub mod expr;
pub mod input;
mod integrals;
pub mod lesson;
pub mod notation;
pub mod numeric;
pub mod render;
pub mod store;
pub mod syntax;
pub mod topic;
pub mod visible;

pub use engine::{Answer, Outcome, Session};
pub use error::Error;
