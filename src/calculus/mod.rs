//! Calculus on expressions: derivatives with their step trees.

mod derive;
mod step;

pub use derive::derive;
pub use step::{Detail, Rule, Step};
