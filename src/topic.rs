//! The help topics by name: what `help TOPIC` can explain.

/// One subject `help` explains; the words live in `render::help`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    Power,
    Chain,
    Product,
    Quotient,
    Exp,
    Ln,
    Log,
    Trig,
    Partial,
    Gradient,
    Jacobian,
    Integral,
    Notation,
    E,
}

impl Topic {
    pub const ALL: [Topic; 14] = [
        Topic::Power,
        Topic::Chain,
        Topic::Product,
        Topic::Quotient,
        Topic::Exp,
        Topic::Ln,
        Topic::Log,
        Topic::Trig,
        Topic::Partial,
        Topic::Gradient,
        Topic::Jacobian,
        Topic::Integral,
        Topic::Notation,
        Topic::E,
    ];

    /// The name typed after `help`.
    pub fn name(self) -> &'static str {
        match self {
            Topic::Power => "power",
            Topic::Chain => "chain",
            Topic::Product => "product",
            Topic::Quotient => "quotient",
            Topic::Exp => "exp",
            Topic::Ln => "ln",
            Topic::Log => "log",
            Topic::Trig => "trig",
            Topic::Partial => "partial",
            Topic::Gradient => "gradient",
            Topic::Jacobian => "jacobian",
            Topic::Integral => "integral",
            Topic::Notation => "notation",
            Topic::E => "e",
        }
    }

    /// Reads a topic name, with the spellings a learner is likely to try.
    pub fn from_name(name: &str) -> Option<Topic> {
        let alias = match name {
            "e^x" | "exponential" => Some(Topic::Exp),
            "sin" | "cos" | "tan" | "trigonometry" => Some(Topic::Trig),
            "grad" | "∇" | "nabla" => Some(Topic::Gradient),
            "∂" | "partials" => Some(Topic::Partial),
            "∫" | "integrate" | "integrals" => Some(Topic::Integral),
            "d/dx" | "leibniz" | "prime" => Some(Topic::Notation),
            _ => None,
        };
        alias.or_else(|| Topic::ALL.into_iter().find(|t| t.name() == name))
    }
}
