//! What `lesson N` and `practice TOPIC` may name: the tour's lessons, compiled in, and the
//! practice topics. The engine checks a name against them; `crate::lesson` plays them.

/// A built-in lesson: its stable id (kept in the progress file) and its text.
#[derive(Clone, Copy, Debug)]
pub struct Builtin {
    pub id: &'static str,
    pub source: &'static str,
}

macro_rules! lessons {
    ($($id:literal),* $(,)?) => {
        &[$(Builtin { id: $id, source: include_str!(concat!("../../lessons/", $id, ".nudge")) }),*]
    };
}

/// The tour, in the article's order.
pub const TOUR: &[Builtin] = lessons![
    "01-slope",
    "02-notation",
    "03-power-rule",
    "04-exp-and-ln",
    "05-what-e-is",
    "06-chain-rule",
    "07-partial",
    "08-gradient",
    "09-jacobian",
    "10-integration",
    "11-product-quotient",
    "12-bases",
    "13-activations",
    "14-backprop",
    "15-descent",
    "16-matrix-calculus",
];

impl Builtin {
    /// Lesson `n` of the tour, counting from 1.
    pub fn numbered(n: usize) -> Option<Builtin> {
        n.checked_sub(1).and_then(|i| TOUR.get(i)).copied()
    }
}

/// A practice topic: the rule its generated exercises drill (`lesson::practice` asks them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    Power,
    Chain,
    Product,
    Quotient,
    ExpLog,
    Trig,
    Partial,
    Gradient,
    Integral,
    Backprop,
    Descent,
    /// σ, tanh, ReLU and softplus, inside the chain rule.
    Activations,
    Mixed,
}

impl Topic {
    pub const ALL: [Topic; 13] = [
        Topic::Power,
        Topic::Chain,
        Topic::Product,
        Topic::Quotient,
        Topic::ExpLog,
        Topic::Trig,
        Topic::Partial,
        Topic::Gradient,
        Topic::Integral,
        Topic::Backprop,
        Topic::Descent,
        Topic::Activations,
        Topic::Mixed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Topic::Power => "power",
            Topic::Chain => "chain",
            Topic::Product => "product",
            Topic::Quotient => "quotient",
            Topic::ExpLog => "exp-log",
            Topic::Trig => "trig",
            Topic::Partial => "partial",
            Topic::Gradient => "gradient",
            Topic::Integral => "integral",
            Topic::Backprop => "backprop",
            Topic::Descent => "descent",
            Topic::Activations => "activations",
            Topic::Mixed => "mixed",
        }
    }

    /// The topic with this name (case does not matter).
    pub fn named(name: &str) -> Option<Topic> {
        let name = name.trim().to_ascii_lowercase();
        Topic::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Every topic's name, for messages: "power, chain, …".
    pub fn names() -> String {
        Topic::ALL.map(Topic::name).join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_are_found_by_name() {
        assert_eq!(Topic::named("Exp-Log"), Some(Topic::ExpLog));
        assert_eq!(Topic::named("gradient"), Some(Topic::Gradient));
        assert_eq!(Topic::named("limits"), None);
        assert!(Topic::names().starts_with("power, chain"));
    }
}
