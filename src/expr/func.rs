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
}

impl Func {
    pub const ALL: [Func; 14] = [
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
        }
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
        }
    }
}

/// Every name the parser knows as a function, for "did you mean" and completion.
pub const KNOWN_FUNCTION_NAMES: [&str; 20] = [
    "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "asin", "acos", "atan",
    "sinh", "cosh", "tanh", "exp", "ln", "log", "sqrt", "abs",
];
