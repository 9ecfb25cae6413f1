//! Lessons and practice: scripted `.nudge` files, the built-in tour, generated exercises, and answer checking.

pub mod exercise;
pub mod play;
pub mod practice;
#[cfg(feature = "terminal")]
pub mod progress;
pub mod script;
pub mod tour;

pub use crate::numeric::Rng;
pub use exercise::Learner;
pub use play::{play, Io, Mode, Options, Report};
pub use practice::{practice, Topic};
#[cfg(feature = "terminal")]
pub use progress::Progress;
pub use script::{read_script, Script, ScriptError};
pub use tour::{Builtin, TOUR};
