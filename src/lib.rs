//! nudge: a calculus tutor. Everything but the terminal lives here:
//! syntax → expressions → calculus → explain → present, driven by one engine.

#[cfg(feature = "terminal")]
pub mod allocator;
pub mod area;
pub mod budget;
pub mod calculus;
pub mod commands;
pub mod engine;
pub mod error;
pub mod explain;
pub mod expr;
pub mod format;
pub mod input;
pub mod json;
pub mod lesson;
pub mod numeric;
pub mod present;
pub mod span;
#[cfg(feature = "terminal")]
pub mod store;
pub mod syntax;
pub mod tensor;
pub mod topic;
pub mod visible;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
pub mod web;

pub use engine::{Answer, Outcome, Session};
pub use error::Error;
