//! Calculus on expressions: derivatives (of one variable or many) and antiderivatives with their step trees, and numeric areas.

mod check;
mod derive;
pub mod exact;
mod identity;
mod integrate;
pub mod motion;
pub mod multivar;
mod quadrature;
pub(crate) mod rewrite;
mod shapes;
mod softmax;
mod step;

pub use check::{check_antiderivative, Check, CheckMethod};
pub use derive::derive;
pub use identity::same_fraction;
pub use integrate::{integrate, rational_roots as polynomial_roots, MAX_INTEGRAND_SIZE};
pub use quadrature::{sum_of_parts, tail, Estimate, Part, QuadratureError};
pub use shapes::{proven_equal, recognise, Known, Shape};
pub use softmax::{recognise_softmax, softmax_jacobian, Softmax, SoftmaxJacobian};
pub use step::{Detail, Found, PartsChoice, Rule, Step, Stretch};
