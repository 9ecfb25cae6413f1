//! Calculus on expressions: derivatives with their step trees, for one variable or many.

mod derive;
pub mod exact;
pub mod motion;
pub mod multivar;
mod step;

pub use derive::derive;
pub use step::{Detail, Rule, Step};
