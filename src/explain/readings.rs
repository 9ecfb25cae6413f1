//! What a many-variable answer means, in words: the sentences shown after the maths.
//!
//! Like the rule catalogue, these are the only place the words live; text and
//! JSON both take them from here.

use crate::calculus::multivar::FlatSpot;
use crate::engine::Swapped;
use crate::expr::{Expr, Symbol};

/// The reading of a derivative by time: position → velocity → acceleration.
pub fn time(var: &str, order: u32) -> Option<&'static str> {
    if var != "t" && var != "time" {
        return None;
    }
    Some(match order {
        0 => return None,
        1 => "Position differentiated by time is velocity: how fast, and which way, it moves. Differentiate again and you get acceleration.",
        2 => "Position differentiated by time is velocity; again, acceleration: how fast the velocity itself changes.",
        _ => "Each derivative by time is the rate of change of the one before: position, velocity, acceleration, and on.",
    })
}

/// What a position's derivative by time is called: velocity, then acceleration.
pub fn motion_word(var: &str, order: u32) -> Option<&'static str> {
    time(var, order)?;
    match order {
        1 => Some("velocity"),
        2 => Some("acceleration"),
        _ => None,
    }
}

/// Which partial is taken first in a second partial.
pub fn mixed_order(first: &str, second: &str) -> String {
    format!(
        "Differentiate by {first} first, then by {second}: in ∂²/∂{second}∂{first} the variable nearest the function goes first."
    )
}

/// The other order, checked: `op` gives `other`.
pub fn mixed_check(op: &str, other: &str, check: &Swapped) -> String {
    let smooth = "for smooth functions the order does not matter";
    if check.same_form {
        format!("The other order, {op}, gives {other} too: {smooth}.")
    } else if check.agrees && other.chars().count() > 60 {
        format!("The other order, {op}, gives the same function written another way: {smooth}.")
    } else if check.agrees {
        format!("The other order, {op}, gives {other}, the same function written another way: {smooth}.")
    } else {
        format!("The other order, {op}, gives {other}, which differs: f is not smooth everywhere, so the order matters here.")
    }
}

/// What a gradient of the function named `f` lists.
pub fn gradient(f: &str) -> String {
    format!("The gradient lists one partial derivative per variable: each says how fast {f} changes when only that variable is nudged.")
}

pub const JACOBIAN: &str = "Rows are the outputs and columns are the inputs: the entry in row i, column j says how output i moves when input j is nudged.";

/// What a Hessian of the function named `f` holds.
pub fn hessian(f: &str) -> String {
    format!("Row i, column j: differentiate by the i-th variable, then by the j-th. The Hessian holds the curvature of {f}: how each slope itself changes.")
}

pub const HESSIAN_USE: &str = "Optimizers such as Newton's method use it: the gradient says which way is downhill, the Hessian says how quickly that slope bends, and so how far to step.";

/// Why the Hessian mirrors across its diagonal; `same_forms` when the mirrored entries are written alike.
pub fn hessian_symmetric(same_forms: bool) -> &'static str {
    if same_forms {
        "The mixed partials agree, so the matrix is symmetric: it mirrors across its diagonal."
    } else {
        "The mixed partials agree in value, though written differently, so the matrix is symmetric: it mirrors across its diagonal."
    }
}

pub const HESSIAN_MIRROR: &str =
    "Entries below the diagonal mirror those above; their steps are in the JSON output.";

/// How the slope of the function named `f` in a direction is found.
pub fn directional(f: &str) -> String {
    format!("The slope in a direction is the gradient dotted with that direction made one unit long: ∇{f} · u.")
}

/// At a point: which way f rises fastest, and how fast. `direction` is an arrow that way
/// (any length), said as a direction so that it does not read as a point to walk to.
pub fn steepest(f: &str, point: &str, direction: &str, rate: &str, descent: &str) -> String {
    format!(
        "From {point}, {f} rises fastest in the direction of {direction}, at {rate} per unit step; step the other way, along {descent}, to go down fastest."
    )
}

/// At a point where every partial is zero.
pub fn flat(point: &str) -> String {
    format!(
        "At {point} every partial derivative is 0: the ground is flat here (a minimum, a maximum or a saddle), so no direction rises fastest."
    )
}

/// The sign of a directional derivative of the function named `f`, read.
pub fn directional_sign(f: &str, value: f64) -> String {
    if value > 0.0 {
        format!("Positive: stepping this way, {f} goes up.")
    } else if value < 0.0 {
        format!("Negative: stepping this way, {f} goes down.")
    } else {
        format!("Zero: this direction runs along a level curve, where {f} neither rises nor falls.")
    }
}

pub const SPEED: &str =
    "Speed is the length of the velocity: √ of the sum of its squared coordinates.";

pub const DISTANCE: &str =
    "Its length is the distance from the origin: √ of the sum of its squared coordinates.";

/// The identity that tidies a speed.
pub fn pythagoras(unicode: bool) -> &'static str {
    if unicode {
        "sin² + cos² = 1"
    } else {
        "sin^2 + cos^2 = 1"
    }
}

/// A flat spot of the function named `f`, read from the Hessian: the second-derivative test in words.
pub fn flat_spot(f: &str, point: &str, spot: FlatSpot) -> String {
    let kind = match spot {
        FlatSpot::Minimum => format!("{f} curves upward in every direction: a local minimum, the bottom of a bowl, where gradient descent comes to rest"),
        FlatSpot::Maximum => format!("{f} curves downward in every direction: a local maximum, a hilltop"),
        FlatSpot::Saddle => format!("{f} curves up in some directions and down in others: a saddle point, neither bottom nor top"),
        FlatSpot::Undecided => "the Hessian is singular here, so the second-derivative test cannot say what kind of flat spot this is".to_string(),
    };
    format!("At {point} the gradient is 0 and {kind}.")
}

/// The name the words give a function: the learner's own, or f for a formula typed out.
pub fn function_name(name: Option<&Symbol>) -> String {
    name.map_or_else(|| "f".to_string(), |n| Expr::symbol(n.clone()).unicode())
}

/// The stable JSON name of a flat spot.
pub fn flat_spot_id(spot: FlatSpot) -> &'static str {
    match spot {
        FlatSpot::Minimum => "minimum",
        FlatSpot::Maximum => "maximum",
        FlatSpot::Saddle => "saddle",
        FlatSpot::Undecided => "undecided",
    }
}
