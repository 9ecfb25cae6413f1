//! Calculus on expressions: derivatives and antiderivatives with their step trees, and numeric areas.

mod check;
mod derive;
mod integrate;
mod quadrature;
mod rewrite;
mod step;

pub use check::{check_antiderivative, Check, CheckMethod};
pub use derive::derive;
pub use integrate::{integrate, MAX_INTEGRAND_SIZE};
pub use quadrature::{area, QuadratureError};
pub use step::{Detail, PartsChoice, Rule, Step};
