//! The help topics by name: what `help TOPIC` can explain.

/// One subject `help` explains; the words live in `explain::help`.
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
    Plot,
    Backprop,
    Descend,
    Practice,
    Read,
    Lesson,
}

impl Topic {
    pub const ALL: [Topic; 20] = [
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
        Topic::Plot,
        Topic::Backprop,
        Topic::Descend,
        Topic::Practice,
        Topic::Read,
        Topic::Lesson,
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
            Topic::Plot => "plot",
            Topic::Backprop => "backprop",
            Topic::Descend => "descend",
            Topic::Practice => "practice",
            Topic::Read => "read",
            Topic::Lesson => "lesson",
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
            "plots" | "contour" => Some(Topic::Plot),
            "backpropagation" | "chain through steps" => Some(Topic::Backprop),
            "descent" | "gradient descent" | "learning rate" => Some(Topic::Descend),
            "practise" => Some(Topic::Practice),
            "lessons" => Some(Topic::Lesson),
            _ => None,
        };
        alias.or_else(|| Topic::ALL.into_iter().find(|t| t.name() == name))
    }
}
