//! A derivation is data: a tree of steps, each naming its rule, what it started from and what it gave.

use crate::expr::{Expr, Symbol};

/// Every rule a step can apply. Its `id` is the stable name tools see in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    Constant,
    Variable,
    Sum,
    ConstantMultiple,
    Power,
    Sqrt,
    Product,
    Quotient,
    Chain,
    Exp,
    ExpBase,
    Ln,
    LogBase,
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
    Abs,
    Sigmoid,
    Relu,
    Step,
    Softplus,
    /// A slope rewritten into the shape papers print it in: σ(u)·(1 − σ(u)), 1 − tanh²(u).
    KnownShape,
    GeneralPower,
    /// A function with no formula: its slope is named, f′ or ∂f/∂x.
    AbstractFunction,
    /// The chain rule through several inputs that move together: one share per input.
    ChainInputs,
    Partial,
    HigherOrder,
    // Integration: each rule read backwards, as a question "what has this slope?".
    IntegralConstant,
    ReversePower,
    Reciprocal,
    IntegralSum,
    IntegralConstantMultiple,
    IntegralExp,
    IntegralExpBase,
    IntegralSin,
    IntegralCos,
    IntegralSecSquared,
    IntegralTan,
    IntegralSinh,
    IntegralCosh,
    IntegralArctan,
    IntegralArcsin,
    LinearSubstitution,
    USubstitution,
    ByParts,
    Expand,
    LongDivision,
    PartialFractions,
    CompleteSquare,
    ArctanForm,
    LnForm,
    ArcsinForm,
    RootForm,
    PowerReduction,
    OddPower,
    TrigIdentity,
    ProductToSum,
    IntegralSec,
    IntegralCsc,
    IntegralCot,
    IntegralSecTan,
    IntegralCscCot,
    IntegralCscSquared,
    IntegralTanh,
    CyclicParts,
    TrigSubstitution,
    IntegralAbs,
    IntegralSigmoid,
    IntegralRelu,
    IntegralStep,
    LogToLn,
    GeneralExponent,
    OddSymmetry,
    Improper,
    IntegralSechSquared,
    HalfAngle,
    ExpForm,
    TabularParts,
    IntegralSecCubed,
    FundamentalTheorem,
}

impl Rule {
    /// Whether the rule finds an antiderivative (a step reads `∫ f dx = F`) rather than a
    /// slope. Every rule is named here, so a new one must say which it is.
    pub fn integrates(self) -> bool {
        match self {
            Rule::Constant
            | Rule::Variable
            | Rule::Sum
            | Rule::ConstantMultiple
            | Rule::Power
            | Rule::Sqrt
            | Rule::Product
            | Rule::Quotient
            | Rule::Chain
            | Rule::Exp
            | Rule::ExpBase
            | Rule::Ln
            | Rule::LogBase
            | Rule::Sin
            | Rule::Cos
            | Rule::Tan
            | Rule::Sec
            | Rule::Csc
            | Rule::Cot
            | Rule::Arcsin
            | Rule::Arccos
            | Rule::Arctan
            | Rule::Sinh
            | Rule::Cosh
            | Rule::Tanh
            | Rule::Abs
            | Rule::Sigmoid
            | Rule::Relu
            | Rule::Step
            | Rule::Softplus
            | Rule::KnownShape
            | Rule::GeneralPower
            | Rule::AbstractFunction
            | Rule::ChainInputs
            | Rule::Partial
            | Rule::HigherOrder => false,
            Rule::IntegralConstant
            | Rule::ReversePower
            | Rule::Reciprocal
            | Rule::IntegralSum
            | Rule::IntegralConstantMultiple
            | Rule::IntegralExp
            | Rule::IntegralExpBase
            | Rule::IntegralSin
            | Rule::IntegralCos
            | Rule::IntegralSecSquared
            | Rule::IntegralTan
            | Rule::IntegralSinh
            | Rule::IntegralCosh
            | Rule::IntegralArctan
            | Rule::IntegralArcsin
            | Rule::LinearSubstitution
            | Rule::USubstitution
            | Rule::ByParts
            | Rule::Expand
            | Rule::LongDivision
            | Rule::PartialFractions
            | Rule::CompleteSquare
            | Rule::ArctanForm
            | Rule::LnForm
            | Rule::ArcsinForm
            | Rule::RootForm
            | Rule::PowerReduction
            | Rule::OddPower
            | Rule::TrigIdentity
            | Rule::ProductToSum
            | Rule::IntegralSec
            | Rule::IntegralCsc
            | Rule::IntegralCot
            | Rule::IntegralSecTan
            | Rule::IntegralCscCot
            | Rule::IntegralCscSquared
            | Rule::IntegralTanh
            | Rule::CyclicParts
            | Rule::TrigSubstitution
            | Rule::IntegralAbs
            | Rule::IntegralSigmoid
            | Rule::IntegralRelu
            | Rule::IntegralStep
            | Rule::LogToLn
            | Rule::GeneralExponent
            | Rule::OddSymmetry
            | Rule::Improper
            | Rule::IntegralSechSquared
            | Rule::HalfAngle
            | Rule::ExpForm
            | Rule::TabularParts
            | Rule::IntegralSecCubed
            | Rule::FundamentalTheorem => true,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Rule::Constant => "constant",
            Rule::Variable => "variable",
            Rule::Sum => "sum",
            Rule::ConstantMultiple => "constant_multiple",
            Rule::Power => "power",
            Rule::Sqrt => "sqrt",
            Rule::Product => "product",
            Rule::Quotient => "quotient",
            Rule::Chain => "chain",
            Rule::Exp => "exp",
            Rule::ExpBase => "exp_base",
            Rule::Ln => "ln",
            Rule::LogBase => "log_base",
            Rule::Sin => "sin",
            Rule::Cos => "cos",
            Rule::Tan => "tan",
            Rule::Sec => "sec",
            Rule::Csc => "csc",
            Rule::Cot => "cot",
            Rule::Arcsin => "arcsin",
            Rule::Arccos => "arccos",
            Rule::Arctan => "arctan",
            Rule::Sinh => "sinh",
            Rule::Cosh => "cosh",
            Rule::Tanh => "tanh",
            Rule::Abs => "abs",
            Rule::Sigmoid => "sigmoid",
            Rule::Relu => "relu",
            Rule::Step => "step",
            Rule::Softplus => "softplus",
            Rule::KnownShape => "known_shape",
            Rule::GeneralPower => "general_power",
            Rule::AbstractFunction => "abstract_function",
            Rule::ChainInputs => "chain_inputs",
            Rule::Partial => "partial",
            Rule::HigherOrder => "higher_order",
            Rule::IntegralConstant => "integral_constant",
            Rule::ReversePower => "reverse_power",
            Rule::Reciprocal => "reciprocal",
            Rule::IntegralSum => "integral_sum",
            Rule::IntegralConstantMultiple => "integral_constant_multiple",
            Rule::IntegralExp => "integral_exp",
            Rule::IntegralExpBase => "integral_exp_base",
            Rule::IntegralSin => "integral_sin",
            Rule::IntegralCos => "integral_cos",
            Rule::IntegralSecSquared => "integral_sec_squared",
            Rule::IntegralTan => "integral_tan",
            Rule::IntegralSinh => "integral_sinh",
            Rule::IntegralCosh => "integral_cosh",
            Rule::IntegralArctan => "integral_arctan",
            Rule::IntegralArcsin => "integral_arcsin",
            Rule::LinearSubstitution => "linear_substitution",
            Rule::USubstitution => "u_substitution",
            Rule::ByParts => "by_parts",
            Rule::Expand => "expand",
            Rule::LongDivision => "long_division",
            Rule::PartialFractions => "partial_fractions",
            Rule::CompleteSquare => "complete_square",
            Rule::ArctanForm => "arctan_form",
            Rule::LnForm => "ln_form",
            Rule::ArcsinForm => "arcsin_form",
            Rule::RootForm => "root_form",
            Rule::PowerReduction => "power_reduction",
            Rule::OddPower => "odd_power",
            Rule::TrigIdentity => "trig_identity",
            Rule::ProductToSum => "product_to_sum",
            Rule::IntegralSec => "integral_sec",
            Rule::IntegralCsc => "integral_csc",
            Rule::IntegralCot => "integral_cot",
            Rule::IntegralSecTan => "integral_sec_tan",
            Rule::IntegralCscCot => "integral_csc_cot",
            Rule::IntegralCscSquared => "integral_csc_squared",
            Rule::IntegralTanh => "integral_tanh",
            Rule::CyclicParts => "cyclic_parts",
            Rule::TrigSubstitution => "trig_substitution",
            Rule::IntegralAbs => "integral_abs",
            Rule::IntegralSigmoid => "integral_sigmoid",
            Rule::IntegralRelu => "integral_relu",
            Rule::IntegralStep => "integral_step",
            Rule::LogToLn => "log_to_ln",
            Rule::GeneralExponent => "general_exponent",
            Rule::OddSymmetry => "odd_symmetry",
            Rule::Improper => "improper",
            Rule::IntegralSechSquared => "integral_sech_squared",
            Rule::HalfAngle => "half_angle",
            Rule::ExpForm => "exp_form",
            Rule::TabularParts => "tabular_parts",
            Rule::IntegralSecCubed => "integral_sec_cubed",
            Rule::FundamentalTheorem => "fundamental_theorem",
        }
    }
}

/// What a rule needs to be explained, beyond `before` and `after`.
#[derive(Clone, Debug)]
pub enum Detail {
    None,
    /// A result rewritten into a shape papers print, proven equal to it.
    Shape(super::Known),
    /// Power rule: the exponent brought down.
    Power {
        exponent: Expr,
    },
    /// The constant factor set aside, and whether it is held fixed rather than a number.
    ConstantMultiple {
        constant: Expr,
    },
    /// f·g: substeps are f' then g'.
    Product {
        first: Expr,
        second: Expr,
    },
    /// f/g: substeps are f' then g'.
    Quotient {
        numerator: Expr,
        denominator: Expr,
    },
    /// outer(inner): substeps are the outer derivative (in `name`) then the inner one.
    Chain {
        name: Symbol,
        inner: Expr,
        outer: Expr,
        outer_derivative_at_inner: Expr,
    },
    /// a^x: the constant ln a that the slope carries, with its decimal when a is a number.
    ExpBase {
        ln_base: Option<f64>,
    },
    /// f^g rewritten as e^(g·ln f); the substep differentiates that.
    GeneralPower {
        rewritten: Expr,
    },
    /// The slope of a function with no formula by each input that moves, in the order
    /// of the substeps (the slopes of those inputs).
    Inputs {
        slopes: Vec<Expr>,
    },
    /// The variables held fixed.
    Partial {
        held: Vec<Symbol>,
    },
    /// Derivative number `n` of `of`.
    Order {
        n: u32,
        of: u32,
    },
    /// ∫ f(g(x))·g′(x) dx: `name` = `inner`, whose derivative is `slope`; the
    /// substep integrates `rewritten` with respect to `name`.
    Substitution {
        name: Symbol,
        inner: Expr,
        slope: Expr,
        rewritten: Expr,
    },
    /// ∫ u dv = u·v − ∫ v du: substeps are ∫ dv (giving v) then ∫ v du.
    ByParts {
        u: Expr,
        dv: Expr,
        du: Expr,
        v: Expr,
        choice: PartsChoice,
    },
    /// The integrand multiplied out; the substep integrates it.
    Expand {
        expanded: Expr,
    },
    /// The integrand rewritten by an identity (power reduction, tan² = sec² − 1, …);
    /// the substep integrates `rewritten`.
    Rewrite {
        rewritten: Expr,
    },
    /// Long division of the top by the bottom: top = quotient·divisor + remainder.
    Division {
        top_degree: usize,
        bottom_degree: usize,
        top: Expr,
        divisor: Expr,
        quotient: Expr,
        remainder: Expr,
        rewritten: Expr,
    },
    /// Partial fractions: the `template` with unknown constants, the identity
    /// after clearing the bottom, how each constant was found, and the result.
    PartialFractions {
        factored: Expr,
        template: Expr,
        cleared: Expr,
        top: Expr,
        found: Vec<Found>,
        rewritten: Expr,
    },
    /// The bottom written as a square plus (or minus) a constant; the top may
    /// first be split into a multiple of the bottom's slope and a constant.
    CompleteSquare {
        bottom: Expr,
        square: Expr,
        rewritten: Expr,
    },
    /// A standard form with its constant a: 1/(x² + a²), 1/√(a² − x²), ….
    Form {
        a: Expr,
    },
    /// By parts twice until the integral I comes back: I = `once` + `k`·I. `first`
    /// and `second` are each round's u with its du.
    Cyclic {
        first: (Expr, Expr),
        second: (Expr, Expr),
        v: Expr,
        once: Expr,
        k: Expr,
    },
    /// x written through an angle θ so that a square root opens up.
    TrigSubstitution {
        theta: Symbol,
        x_is: Expr,
        root_is: Expr,
        in_theta: Expr,
    },
    /// Tabular by parts: u and its derivatives down to 0 beside dv and its repeated
    /// integrals; the answer adds the diagonals with signs +, −, +, ….
    Tabular {
        rows: Vec<(Expr, Expr)>,
    },
    /// An exponent held fixed: `a` ≠ −1 is needed.
    GeneralExponent {
        exponent: Expr,
    },
    /// An improper integral: F, the stretches between the trouble spots with the
    /// value (a limit where needed) at each end, and the removable gaps.
    Improper {
        antiderivative: Expr,
        stretches: Vec<Stretch>,
        gaps: Vec<Expr>,
    },
    /// F(b) − F(a) for the antiderivative F.
    Definite {
        antiderivative: Expr,
        lower: Expr,
        upper: Expr,
        at_upper: Expr,
        at_lower: Expr,
    },
}

/// One constant of a partial-fraction split, and how it was found.
#[derive(Clone, Debug)]
pub struct Found {
    pub name: Symbol,
    pub value: Expr,
    /// The value of x that makes every other term vanish, when one does.
    pub at: Option<Expr>,
}

/// One stretch of an improper integral, from `lower` to `upper`: F's value
/// at each end, and whether it is a limit (an infinite end or a blow-up).
#[derive(Clone, Debug)]
pub struct Stretch {
    pub lower: Expr,
    pub upper: Expr,
    pub at_lower: Expr,
    pub at_upper: Expr,
    pub lower_is_limit: bool,
    pub upper_is_limit: bool,
}

/// Why integration by parts picked its u.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartsChoice {
    /// u = ln x: it turns into 1/x when differentiated.
    Logarithm,
    /// u = xⁿ: it loses a power each time it is differentiated.
    Power,
    /// u = the whole integrand, dv = dx: a function with a simple slope but no simple antiderivative.
    Alone,
}

/// One step: `d/d{var} before = after` by `rule`.
#[derive(Clone, Debug)]
pub struct Step {
    pub rule: Rule,
    pub var: Symbol,
    pub before: Expr,
    pub after: Expr,
    pub detail: Detail,
    pub substeps: Vec<Step>,
}

impl Step {
    pub fn new(
        rule: Rule,
        var: &Symbol,
        before: &Expr,
        after: Expr,
        detail: Detail,
        substeps: Vec<Step>,
    ) -> Step {
        Step {
            rule,
            var: var.clone(),
            before: before.clone(),
            after,
            detail,
            substeps,
        }
    }

    /// `inner` as the only substep of a step that frames it (a partial, one order
    /// of a higher derivative), with the same start and result.
    pub fn wrapping(rule: Rule, detail: Detail, inner: Step) -> Step {
        Step {
            rule,
            var: inner.var.clone(),
            before: inner.before.clone(),
            after: inner.after.clone(),
            detail,
            substeps: vec![inner],
        }
    }

    /// The number of steps in this tree.
    pub fn count(&self) -> usize {
        1 + self.substeps.iter().map(Step::count).sum::<usize>()
    }
}

impl Detail {
    /// The detail of `base^x` (the a^x rules both ways): ln base, as a decimal when base is a number.
    pub fn exp_base(base: &Expr) -> Detail {
        let ln_base = super::multivar::decimal_value(&Expr::ln(base.clone()))
            .ok()
            .flatten();
        Detail::ExpBase { ln_base }
    }
}
