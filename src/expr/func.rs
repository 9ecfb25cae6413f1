//! The named functions an expression can apply, with their spellings and numeric values.

/// A one-argument function kept by name in expressions. `exp`, `sqrt` and
/// `log` are not here: they are read as `e^u`, `u^(1/2)` and `ln u`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Func {
    Sin,
    Cos,
    Tan,
    Sec,
    Csc,
    Cot,
    Arcsin,
    Arccos,
    Arctan,
    Sinh,
    Cosh,
    Tanh,
    Ln,
    Abs,
    /// The logistic sigmoid σ(x) = 1/(1 + e^(−x)).
    Sigmoid,
    /// max(0, x), the rectified linear unit.
    Relu,
    /// The Heaviside step: 0 left of 0, 1 right of it, no value at 0 itself.
    Step,
    /// ln(1 + eˣ), a smooth ReLU.
    Softplus,
}

impl Func {
    pub const ALL: [Func; 18] = [
        Func::Sin,
        Func::Cos,
        Func::Tan,
        Func::Sec,
        Func::Csc,
        Func::Cot,
        Func::Arcsin,
        Func::Arccos,
        Func::Arctan,
        Func::Sinh,
        Func::Cosh,
        Func::Tanh,
        Func::Ln,
        Func::Abs,
        Func::Sigmoid,
        Func::Relu,
        Func::Step,
        Func::Softplus,
    ];

    /// The name nudge prints (and parses back).
    pub fn name(self) -> &'static str {
        match self {
            Func::Sin => "sin",
            Func::Cos => "cos",
            Func::Tan => "tan",
            Func::Sec => "sec",
            Func::Csc => "csc",
            Func::Cot => "cot",
            Func::Arcsin => "arcsin",
            Func::Arccos => "arccos",
            Func::Arctan => "arctan",
            Func::Sinh => "sinh",
            Func::Cosh => "cosh",
            Func::Tanh => "tanh",
            Func::Ln => "ln",
            Func::Abs => "abs",
            Func::Sigmoid => "sigmoid",
            Func::Relu => "ReLU",
            Func::Step => "step",
            Func::Softplus => "softplus",
        }
    }

    /// The name as printed: σ in Unicode, the ASCII spelling otherwise (both read back).
    pub fn printed(self, unicode: bool) -> &'static str {
        match self {
            Func::Sigmoid if unicode => "σ",
            f => f.name(),
        }
    }

    /// The name as LaTeX writes it: `\sin`, `\sigma`, `\operatorname{ReLU}`.
    pub fn latex(self) -> String {
        match self {
            Func::Sigmoid => "\\sigma".to_string(),
            f if f.is_activation() => format!("\\operatorname{{{}}}", f.name()),
            f => format!("\\{}", f.name()),
        }
    }

    /// The functions of a neural network, which nudge reads only before a bracket
    /// (`σ(z)`, `relu(x)`), since their names are also ordinary words and letters.
    pub fn is_activation(self) -> bool {
        matches!(
            self,
            Func::Sigmoid | Func::Relu | Func::Step | Func::Softplus
        )
    }

    /// Reads a typed function name, including the short inverse-trig aliases.
    pub fn from_name(name: &str) -> Option<Func> {
        let alias = match name {
            "asin" => Some(Func::Arcsin),
            "acos" => Some(Func::Arccos),
            "atan" => Some(Func::Arctan),
            _ => None,
        };
        alias.or_else(|| Func::ALL.into_iter().find(|f| f.name() == name))
    }

    /// The function's value at a real number (NaN outside its domain).
    pub fn apply(self, v: f64) -> f64 {
        match self {
            Func::Sin => v.sin(),
            Func::Cos => v.cos(),
            Func::Tan => v.tan(),
            Func::Sec => 1.0 / v.cos(),
            Func::Csc => 1.0 / v.sin(),
            Func::Cot => 1.0 / v.tan(),
            Func::Arcsin => v.asin(),
            Func::Arccos => v.acos(),
            Func::Arctan => v.atan(),
            Func::Sinh => v.sinh(),
            Func::Cosh => v.cosh(),
            Func::Tanh => v.tanh(),
            Func::Ln => v.ln(),
            Func::Abs => v.abs(),
            Func::Sigmoid => sigmoid(v),
            Func::Relu => v.max(0.0),
            Func::Step if v > 0.0 => 1.0,
            Func::Step if v < 0.0 => 0.0,
            Func::Step => f64::NAN,
            // ln(1 + eᵛ) without overflow for large v: max(v, 0) + ln(1 + e^(−|v|)).
            Func::Softplus => v.max(0.0) + (-v.abs()).exp().ln_1p(),
        }
    }
}

/// σ(v) = 1/(1 + e^(−v)), written so that neither branch overflows.
fn sigmoid(v: f64) -> f64 {
    if v >= 0.0 {
        1.0 / (1.0 + (-v).exp())
    } else {
        let grown = v.exp();
        grown / (1.0 + grown)
    }
}

/// Every name the parser knows as a function, for "did you mean" and completion.
pub const KNOWN_FUNCTION_NAMES: [&str; 20] = [
    "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "asin", "acos", "atan",
    "sinh", "cosh", "tanh", "exp", "ln", "log", "sqrt", "abs",
];
