//! Lessons and practice: scripted `.nudge` files, the built-in tour, generated exercises, and answer checking.

pub mod check;
pub mod rng;
