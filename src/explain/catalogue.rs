//! The one place where each rule is named and explained, in the reading-first voice.
//!
//! Every `match` here is exhaustive over `Rule`, so a new rule without words
//! does not compile.

use crate::calculus::{CheckMethod, Detail, Known, PartsChoice, Rule, Shape, Step};
use crate::engine::Motion;
use crate::expr::{Expr, Style};

/// The rule's short name, as a step's heading shows it.
pub fn title(rule: Rule) -> &'static str {
    match rule {
        Rule::Constant => "constant",
        Rule::Variable => "the variable itself",
        Rule::Sum => "sum rule",
        Rule::ConstantMultiple => "constant multiple",
        Rule::Power => "power rule",
        Rule::Sqrt => "square root",
        Rule::Product => "product rule",
        Rule::Quotient => "quotient rule",
        Rule::Chain => "chain rule",
        Rule::Exp => "e^x rule",
        Rule::ExpBase => "a^x rule",
        Rule::Ln => "ln rule",
        Rule::LogBase => "log_a rule",
        Rule::Sin => "sine",
        Rule::Cos => "cosine",
        Rule::Tan => "tangent",
        Rule::Sec => "secant",
        Rule::Csc => "cosecant",
        Rule::Cot => "cotangent",
        Rule::Arcsin => "arcsine",
        Rule::Arccos => "arccosine",
        Rule::Arctan => "arctangent",
        Rule::Sinh => "sinh",
        Rule::Cosh => "cosh",
        Rule::Tanh => "tanh",
        Rule::Abs => "absolute value",
        Rule::Sigmoid => "sigmoid",
        Rule::Relu => "ReLU",
        Rule::Step => "step",
        Rule::Softplus => "softplus",
        Rule::KnownShape => "the shape papers print",
        Rule::GeneralPower => "variable base and exponent",
        Rule::AbstractFunction => "a function with no formula",
        Rule::ChainInputs => "chain rule, several inputs",
        Rule::Partial => "partial derivative",
        Rule::HigherOrder => "higher derivative",
        Rule::IntegralConstant => "constant",
        Rule::ReversePower => "reverse power rule",
        Rule::Reciprocal => "1/x rule",
        Rule::IntegralSum => "sum rule",
        Rule::IntegralConstantMultiple => "constant multiple",
        Rule::IntegralExp => "e^x rule",
        Rule::IntegralExpBase => "a^x rule",
        Rule::IntegralSin => "sine",
        Rule::IntegralCos => "cosine",
        Rule::IntegralSecSquared => "sec² rule",
        Rule::IntegralTan => "tangent",
        Rule::IntegralSinh => "sinh",
        Rule::IntegralCosh => "cosh",
        Rule::IntegralArctan => "arctangent",
        Rule::IntegralArcsin => "arcsine",
        Rule::LinearSubstitution => "linear substitution",
        Rule::USubstitution => "u-substitution",
        Rule::ByParts => "integration by parts",
        Rule::Expand => "multiply out",
        Rule::LongDivision => "long division",
        Rule::PartialFractions => "partial fractions",
        Rule::CompleteSquare => "completing the square",
        Rule::ArctanForm => "arctangent form",
        Rule::LnForm => "ln form",
        Rule::ArcsinForm => "arcsine form",
        Rule::RootForm => "1/√(x² ± a²) form",
        Rule::PowerReduction => "power reduction",
        Rule::OddPower => "odd power",
        Rule::TrigIdentity => "Pythagorean identity",
        Rule::ProductToSum => "product to sum",
        Rule::IntegralSec => "secant",
        Rule::IntegralCsc => "cosecant",
        Rule::IntegralCot => "cotangent",
        Rule::IntegralSecTan => "sec·tan rule",
        Rule::IntegralCscCot => "csc·cot rule",
        Rule::IntegralCscSquared => "csc² rule",
        Rule::IntegralTanh => "tanh",
        Rule::CyclicParts => "by parts, twice round",
        Rule::TrigSubstitution => "trigonometric substitution",
        Rule::IntegralAbs => "absolute value",
        Rule::IntegralSigmoid => "sigmoid",
        Rule::IntegralRelu => "ReLU",
        Rule::IntegralStep => "step",
        Rule::LogToLn => "change of base",
        Rule::GeneralExponent => "reverse power rule, exponent held fixed",
        Rule::OddSymmetry => "odd function, symmetric interval",
        Rule::Improper => "improper integral",
        Rule::IntegralSechSquared => "1/cosh² rule",
        Rule::HalfAngle => "half-angle identity",
        Rule::ExpForm => "hyperbolic functions as exponentials",
        Rule::TabularParts => "tabular integration by parts",
        Rule::IntegralSecCubed => "sec³ by parts",
        Rule::FundamentalTheorem => "fundamental theorem",
    }
}

/// Why a result is the shape papers print: the algebra that turns one into the other.
fn shape_note(known: &Known, style: Style) -> String {
    let u = show(&known.inner, style);
    let s = crate::expr::Func::Sigmoid.printed(style.unicode);
    match known.shape {
        Shape::SigmoidSlope => format!(
            "{s}({u}) = 1/(1 + e^(-{u})) and 1 - {s}({u}) = e^(-{u})/(1 + e^(-{u})), so their product is e^(-{u})/(1 + e^(-{u}))²: this slope is {s}({u})·(1 - {s}({u})), the sigmoid's slope read off its own value."
        ),
        Shape::Sigmoid => format!(
            "Divide top and bottom by e^{u}: e^{u}/(1 + e^{u}) = 1/(1 + e^(-{u})), the sigmoid {s}({u})."
        ),
        Shape::TanhSlope => format!(
            "cosh² - sinh² = 1, so 1/cosh²({u}) = (cosh²({u}) - sinh²({u}))/cosh²({u}) = 1 - tanh²({u}): tanh's slope read off its own value."
        ),
        Shape::SechSquared => format!(
            "cosh² - sinh² = 1, so 1 - tanh²({u}) = (cosh²({u}) - sinh²({u}))/cosh²({u}) = 1/cosh²({u}): the other way to write tanh's slope."
        ),
        Shape::PredictionMinusTarget => format!(
            "Multiply out and the terms with a target times {s}({u}) cancel: what is left is {s}({u}) minus the target, the prediction minus the truth. That plain error is why cross-entropy sits after a sigmoid."
        ),
        Shape::SoftmaxShareSlope | Shape::SoftmaxPredictionMinusTarget => softmax_note(known, style),
    }
}

/// Why a slope through a softmax is the shape papers print, in the learner's own letters.
fn softmax_note(known: &Known, style: Style) -> String {
    let Some(softmax) = &known.softmax else {
        return String::new();
    };
    let s = show(&Expr::symbol(softmax.letter.clone()), style);
    let inputs: Vec<String> = softmax.inputs.iter().map(|u| show(u, style)).collect();
    let i = softmax
        .inputs
        .iter()
        .position(|u| *u == known.inner)
        .unwrap_or(0);
    let s_i = show(&softmax.share(i), style);
    let z_i = &inputs[i.min(inputs.len().saturating_sub(1))];
    let whole = format!("{s} = softmax({})", inputs.join(", "));
    match (known.shape, &known.given) {
        (Shape::SoftmaxShareSlope, _) => format!(
            "Write {whole}. Nudging {z_i} grows e^{z_i}: its own share {s_i} rises by {s_i}·(1 - {s_i}) times the nudge, and since the shares add to 1 every other share falls by itself times {s_i}. So each share's slope is read off the shares themselves."
        ),
        (_, Some(sum)) => format!(
            "Write {whole}: ln of each share is its input less ln of the sum of exponentials, so nudging {z_i} moves ln {s_i} by (1 - {s_i}) times the nudge and every other ln {s}_k by -{s_i} times it. The slope of the whole loss is then ({})·{s_i} minus the target beside {s_i}; given {} = 1, as it is for one-hot targets or any probabilities, that is the prediction minus the truth. That plain error is why cross-entropy sits after a softmax.",
            show(sum, style),
            show(sum, style)
        ),
        _ => format!(
            "Write {whole}: the terms cancel to the prediction {s_i} minus its target, the plain error that makes cross-entropy and softmax a pair."
        ),
    }
}

/// The explanation of one step, with the learner's own names and numbers in it.
pub fn note(step: &Step, style: Style) -> String {
    let x = show(&Expr::symbol(step.var.clone()), style);
    let before = show(&step.before, style);
    match step.rule {
        Rule::Constant => {
            let others = step.before.free_vars();
            let zero_base = matches!(step.before.kind(), crate::expr::Kind::Pow(b, _) if b.is_zero());
            if zero_base {
                format!(
                    "0 to any positive power is 0, so {before} is 0 wherever it has a value (where its exponent is positive; at 0 or below it has none): it does not change when {x} is nudged, so its slope is 0."
                )
            } else if others.is_empty() {
                format!("{before} does not change when {x} is nudged, so its slope is 0.")
            } else {
                let names = list(others.iter().map(|v| show(&Expr::symbol(v.clone()), style)));
                format!(
                    "{before} has no {x} in it: with {names} held fixed it is a constant, so its slope is 0."
                )
            }
        }
        Rule::Variable => format!(
            "Nudge {x} by a little and {x} moves by exactly that little: its slope is 1."
        ),
        Rule::Sum => "Differentiate each term on its own, then add the slopes.".to_string(),
        Rule::ConstantMultiple => {
            let c = match &step.detail {
                Detail::ConstantMultiple { constant } => constant.clone(),
                _ => Expr::one(),
            };
            if c == Expr::int(-1) {
                "A minus sign in front stays in front; differentiate what follows it.".to_string()
            } else if c.free_vars().is_empty() {
                format!(
                    "The constant factor {} just comes along: differentiate the rest and multiply by it.",
                    show(&c, style)
                )
            } else {
                format!(
                    "{} does not move when {x} is nudged, so it is a constant factor: it comes along.",
                    show(&c, style)
                )
            }
        }
        Rule::Power => {
            let n = match &step.detail {
                Detail::Power { exponent } => show(exponent, style),
                _ => "n".to_string(),
            };
            format!("Bring the exponent {n} down in front and reduce the exponent by one.")
        }
        Rule::Sqrt => format!(
            "√{x} is {x} to the power 1/2: bring 1/2 down and reduce the power by one, to -1/2. That gives 1/(2√{x})."
        ),
        Rule::Product => "Differentiate the first factor and keep the second, then keep the first and differentiate the second, and add: f′·g + f·g′.".to_string(),
        Rule::Quotient => "For a fraction: (top′ · bottom − top · bottom′) / bottom².".to_string(),
        Rule::Chain => "A function inside a function: differentiate the outer one, differentiate the inner one, multiply. Outer × inner.".to_string(),
        Rule::Exp => format!("e^{x} is its own slope: it stays unchanged."),
        Rule::ExpBase => {
            let ln_base = ln_base(step, style);
            let base = base_of(step, style);
            format!(
                "{base}^{x} differentiates to itself times the constant {ln_base}. Only base e gives the coefficient 1, which is why AI formulas prefer e."
            )
        }
        Rule::Ln => format!("The slope of ln {x} is 1/{x}."),
        Rule::LogBase => {
            let base = match step.before.kind() {
                crate::expr::Kind::Log(b, _) => show(b, style),
                _ => "a".to_string(),
            };
            format!(
                "log_{base} {x} is ln {x} / ln {base}, so its slope is 1/({x}·ln {base}): base e is the one with no extra factor."
            )
        }
        Rule::Sin => "The slope of sin is cos.".to_string(),
        Rule::Cos => "The slope of cos is -sin.".to_string(),
        Rule::Tan => "The slope of tan is sec², that is 1/cos².".to_string(),
        Rule::Sec => "The slope of sec is sec·tan.".to_string(),
        Rule::Csc => "The slope of csc is -csc·cot.".to_string(),
        Rule::Cot => "The slope of cot is -csc², that is -1/sin².".to_string(),
        Rule::Arcsin => format!("The slope of arcsin {x} is 1/√(1 - {x}²)."),
        Rule::Arccos => format!("The slope of arccos {x} is -1/√(1 - {x}²): arcsin's, with the sign flipped."),
        Rule::Arctan => format!("The slope of arctan {x} is 1/(1 + {x}²)."),
        Rule::Sinh => "The slope of sinh is cosh.".to_string(),
        Rule::Cosh => "The slope of cosh is sinh.".to_string(),
        Rule::Tanh => "The slope of tanh is 1 - tanh², read off its own value as the sigmoid's is; written the other way, 1/cosh².".to_string(),
        Rule::Abs => format!(
            "|{x}| has slope 1 where {x} is positive and -1 where it is negative: {x}/|{x}|, with no slope at 0."
        ),
        Rule::Sigmoid => {
            let s = crate::expr::Func::Sigmoid.printed(style.unicode);
            format!(
                "The slope of the sigmoid comes from its own value: {s}′ = {s}·(1 - {s}). A network that worked out {s}({x}) on the way forward has its slope almost for free on the way back, which is why it is loved."
            )
        }
        Rule::Relu => format!(
            "ReLU({x}) is 0 for a negative {x} and {x} itself for a positive one, so its slope is 0 on the left and 1 on the right: the step. At 0 it has a kink and no slope; frameworks use 0 there."
        ),
        Rule::Step => format!(
            "The step is flat on each side of 0, so its slope is 0 wherever it has one; at {x} = 0 it jumps and has none."
        ),
        Rule::Softplus => {
            let s = crate::expr::Func::Sigmoid.printed(style.unicode);
            format!(
                "softplus({x}) = ln(1 + e^{x}) is a smooth ReLU: by the chain rule its slope is e^{x}/(1 + e^{x}), the sigmoid {s}({x})."
            )
        }
        Rule::KnownShape => match &step.detail {
            Detail::Shape(known) => shape_note(known, style),
            _ => String::new(),
        },
        Rule::GeneralPower => match &step.detail {
            Detail::GeneralPower { rewritten } => format!(
                "Both parts move with {x}, so neither the power rule nor the a^x rule fits. Rewrite {before} as {} and use the chain rule.",
                show(rewritten, style)
            ),
            _ => String::new(),
        },
        Rule::AbstractFunction => abstract_note(step, style),
        Rule::ChainInputs => {
            let (first, second) = if style.unicode {
                ("∂₁f", "∂₂f")
            } else {
                ("f_1", "f_2")
            };
            format!(
                "More than one input of {before} moves when {x} is nudged, and each moves the value by its own share: the slope by that input times the slope of the input. Add the shares. ({first} is the slope of f when only its first input is nudged, {second} its second.)"
            )
        }
        Rule::Partial => match &step.detail {
            Detail::Partial { held } if !held.is_empty() => {
                let names = list(held.iter().map(|v| show(&Expr::symbol(v.clone()), style)));
                let behave = if held.len() == 1 {
                    "is held fixed, so it behaves like a constant"
                } else {
                    "are held fixed, so they behave like constants"
                };
                format!(
                    "Partial derivative with respect to {x}: {names} {behave}. Only {x} is nudged."
                )
            }
            _ => format!("Partial derivative with respect to {x}: nothing else varies, so it is the ordinary derivative."),
        },
        Rule::HigherOrder => match &step.detail {
            Detail::Order { n, of } if *n == 1 => {
                format!("Derivative 1 of {of}: the slope of {before}.")
            }
            Detail::Order { n, of } => format!(
                "Derivative {n} of {of}: differentiate the previous result again."
            ),
            _ => String::new(),
        },
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
        | Rule::FundamentalTheorem => integral_note(step, style),
        Rule::LongDivision
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
        | Rule::IntegralSecCubed => method_note(step, style),
    }
}

/// The explanation of an integration step: each rule is a slope rule read backwards.
fn integral_note(step: &Step, style: Style) -> String {
    let x = show(&Expr::symbol(step.var.clone()), style);
    let before = show(&step.before, style);
    match (step.rule, &step.detail) {
        (Rule::IntegralConstant, _) if step.before.free_vars().is_empty() => format!(
            "A constant integrates to a straight line: {} has slope {before} everywhere.",
            show(&step.after, style)
        ),
        (Rule::IntegralConstant, _) => format!(
            "{before} has no {x} in it, so it counts as a constant: the function whose slope is {before} everywhere is {}.",
            show(&step.after, style)
        ),
        (Rule::ReversePower, _) => "Raise the exponent by one and divide by the new exponent: this undoes the power rule, which brought the exponent down and lowered it by one.".to_string(),
        (Rule::Reciprocal, _) => format!(
            "1/{x} is the one power the reverse power rule cannot take (it would divide by 0). Instead: the slope of ln|{x}| is 1/{x}. The bars keep it right for negative {x} too."
        ),
        (Rule::IntegralSum, _) => "Integrate each term on its own, then add: slopes add, so antiderivatives add too.".to_string(),
        (Rule::IntegralConstantMultiple, Detail::ConstantMultiple { constant }) => {
            if *constant == Expr::int(-1) {
                "A minus sign in front stays in front; integrate what follows it.".to_string()
            } else {
                format!(
                    "The constant factor {} just comes along: integrate the rest and multiply by it.",
                    show(constant, style)
                )
            }
        }
        (Rule::IntegralExp, _) => format!("e^{x} is its own slope, so it is its own antiderivative too."),
        (Rule::IntegralExpBase, _) => {
            let ln_base = ln_base(step, style);
            let base = base_of(step, style);
            format!(
                "{base}^{x} differentiates to itself times {ln_base}, so to undo that, divide by ln {base}."
            )
        }
        (Rule::IntegralSin, _) => "Which function has slope sin? The slope of cos is -sin, so the answer is -cos.".to_string(),
        (Rule::IntegralCos, _) => "The slope of sin is cos, so sin is an antiderivative of cos.".to_string(),
        (Rule::IntegralSecSquared, _) => "The slope of tan is sec², which is 1/cos², so tan is the antiderivative.".to_string(),
        (Rule::IntegralTan, _) => format!(
            "tan {x} is sin {x} / cos {x}, and the top is minus the slope of the bottom. The slope of ln|cos {x}| is -sin {x} / cos {x}, so the answer is -ln|cos {x}|."
        ),
        (Rule::IntegralSinh, _) => "The slope of cosh is sinh, so cosh is an antiderivative of sinh (no minus sign, unlike cos).".to_string(),
        (Rule::IntegralCosh, _) => "The slope of sinh is cosh, so sinh is an antiderivative of cosh.".to_string(),
        (Rule::IntegralArctan, _) => format!("The slope of arctan {x} is 1/(1 + {x}²); read backwards, that is this integral."),
        (Rule::IntegralArcsin, _) => format!("The slope of arcsin {x} is 1/√(1 - {x}²); read backwards, that is this integral."),
        (Rule::LinearSubstitution, Detail::Substitution { name, inner, slope, .. }) => {
            let u = show(&Expr::symbol(name.clone()), style);
            let a = show(slope, style);
            format!(
                "The inside, {u} = {}, is a straight line in {x} with slope {a}: d{u} = {a} d{x}, so d{x} = d{u}/{a}. Integrate in {u}, which divides by {a}, then put {u} back.",
                show(inner, style)
            )
        }
        (Rule::USubstitution, Detail::Substitution { name, inner, slope, .. }) => {
            let u = show(&Expr::symbol(name.clone()), style);
            format!(
                "Choose {u} = {}: its derivative {} also appears in the integrand (up to a constant factor), so it and d{x} together become d{u}, and every {x} disappears. This is the chain rule read backwards.",
                show(inner, style),
                show(slope, style)
            )
        }
        (Rule::ByParts, Detail::ByParts { u, dv, du, choice, .. }) => {
            let why = match choice {
                PartsChoice::Alone => format!(
                    "Choose u = {} and dv = d{x}: it has no antiderivative in the table, but its slope {} is simpler, and v = {x}.",
                    show(u, style),
                    show(du, style)
                ),
                PartsChoice::Logarithm => format!(
                    "Choose u = {}: it has no simple antiderivative of its own, but differentiating turns it into the much simpler {}. The rest, dv = {}, is easy to integrate.",
                    show(u, style),
                    show(du, style),
                    times_d(dv, &x, style)
                ),
                PartsChoice::Power => format!(
                    "Choose u = {}: it loses a power each time it is differentiated, while dv = {} integrates without getting any harder.",
                    show(u, style),
                    times_d(dv, &x, style)
                ),
            };
            format!("{why} Then ∫ u dv = u·v − ∫ v du: the product rule read backwards.")
        }
        (Rule::Expand, _) => "Multiply out the brackets first: a sum of simple terms can be integrated term by term.".to_string(),
        (Rule::FundamentalTheorem, _) => "The area under the curve from a to b is the antiderivative's value at b minus its value at a, F(b) - F(a); parts below the axis count as negative.".to_string(),
        _ => String::new(),
    }
}

/// The explanation of a method step: why this method, in the words a teacher would use.
fn method_note(step: &Step, style: Style) -> String {
    let x = show(&Expr::symbol(step.var.clone()), style);
    let before = show(&step.before, style);
    let a = match &step.detail {
        Detail::Form { a } => show(a, style),
        _ => "a".to_string(),
    };
    let arg = match step.before.factors().first().map(Expr::kind) {
        Some(crate::expr::Kind::Func(_, u)) => show(u, style),
        _ => x.clone(),
    };
    match (step.rule, &step.detail) {
        (Rule::LongDivision, Detail::Division { top_degree, bottom_degree, top, divisor, quotient, remainder, .. }) => {
            let why = if top_degree == bottom_degree {
                format!("The top has the same degree as the bottom ({top_degree}), so divide first")
            } else {
                format!("The top has degree {top_degree}, higher than the bottom's {bottom_degree}, so divide first")
            };
            format!(
                "{why}, as 7/3 = 2 + 1/3 splits an improper fraction into a whole part and a proper part: ({}) ÷ ({}) = {}, remainder {}.",
                show(top, style), show(divisor, style), show(quotient, style), show(remainder, style)
            )
        }
        (Rule::PartialFractions, Detail::PartialFractions { factored, .. }) => format!(
            "The top is lower than the bottom, and the bottom factors: {}. A fraction over a product splits into simpler fractions, one for each factor (a repeated factor gets one for each power, a quadratic with no real roots a top of the form B{x} + C). Find the constants, then integrate each piece.",
            show(factored, style)
        ),
        (Rule::CompleteSquare, Detail::CompleteSquare { bottom, square, .. }) => format!(
            "The bottom {} has no rational roots, so it does not split into linear factors. Any part of the top that is a multiple of the bottom's slope gives a ln; for the rest, complete the square, {} = {}, which leads to a standard form 1/(u² ± a²).",
            show(bottom, style), show(bottom, style), show(square, style)
        ),
        (Rule::ArctanForm, _) => format!(
            "The slope of arctan({x}/a) is a/({x}² + a²), so ∫ 1/({x}² + a²) d{x} = (1/a)·arctan({x}/a); here a = {a}."
        ),
        (Rule::LnForm, _) => format!(
            "Split into two fractions: 1/({x}² − a²) = (1/(2a))·(1/({x} − a) − 1/({x} + a)). Each gives a ln, and the two ln's combine into one; here a = {a}."
        ),
        (Rule::ArcsinForm, _) => format!(
            "The slope of arcsin({x}/a) is 1/√(a² − {x}²); read backwards, that is this integral, with a = {a}."
        ),
        (Rule::RootForm, _) => format!(
            "The slope of ln({x} + √({x}² ± a²)) is 1/√({x}² ± a²) (for the plus sign this is arsinh({x}/a), up to a constant); here a = {a}."
        ),
        (Rule::PowerReduction, Detail::Rewrite { rewritten }) => {
            let identity = if before.contains("sinh") || before.contains("cosh") {
                "sinh²u = (cosh 2u − 1)/2 and cosh²u = (cosh 2u + 1)/2"
            } else {
                "sin²u = (1 − cos 2u)/2 and cos²u = (1 + cos 2u)/2"
            };
            format!(
                "An even power has no antiderivative in the table, but the half-angle identities {identity} trade the square for a cosine of the double angle: {before} = {}.",
                show(rewritten, style)
            )
        }
        (Rule::OddPower, _) => {
            let identity = if before.contains("sinh") || before.contains("cosh") {
                "cosh² - sinh² = 1"
            } else {
                "sin² + cos² = 1"
            };
            format!("An odd power: peel one factor off, and turn the even power left over into the other function with {identity}. The factor peeled off is then the slope of that other function, ready for a u-substitution.")
        }
        (Rule::TrigIdentity, _) => {
            if before.contains("sec") {
                "Keep one sec² (the slope of tan) and turn the rest into tan with sec² = 1 + tan²: then u = tan does the rest.".to_string()
            } else if before.contains("csc") {
                "Keep one csc² (minus the slope of cot) and turn the rest into cot with csc² = 1 + cot²: then u = cot does the rest.".to_string()
            } else if before.contains("cot") {
                "Use cot² = csc² − 1 (sin² + cos² = 1 divided by sin²): csc² is minus the slope of cot, so that part integrates at once.".to_string()
            } else {
                "Use tan² = sec² − 1 (sin² + cos² = 1 divided by cos²): sec² is the slope of tan, so that part integrates at once.".to_string()
            }
        }
        (Rule::ProductToSum, _) => "Two different angles multiplied have no direct antiderivative, but the product-to-sum identities turn the product into a sum: sin A·cos B = (sin(A + B) + sin(A − B))/2, sin A·sin B = (cos(A − B) − cos(A + B))/2, cos A·cos B = (cos(A − B) + cos(A + B))/2.".to_string(),
        (Rule::IntegralSec, _) => format!(
            "The standard trick: multiply top and bottom by sec {arg} + tan {arg}. The top becomes sec² {arg} + sec {arg}·tan {arg}, which is exactly the slope of the bottom, so the answer is the ln of the bottom."
        ),
        (Rule::IntegralCsc, _) => format!(
            "The same trick as for sec: multiply top and bottom by csc {arg} + cot {arg}. The top is then minus the slope of the bottom, so the answer is minus the ln of the bottom."
        ),
        (Rule::IntegralCot, _) => format!(
            "cot {arg} = cos {arg} / sin {arg}, and the top is the slope of the bottom, so the answer is ln|sin {arg}|."
        ),
        (Rule::IntegralSecTan, _) => format!("The slope of sec {x} is sec {x}·tan {x}, so sec {x} is the antiderivative."),
        (Rule::IntegralCscCot, _) => format!("The slope of csc {x} is -csc {x}·cot {x}, so -csc {x} is the antiderivative."),
        (Rule::IntegralCscSquared, _) => format!("The slope of cot {x} is -csc² {x}, so -cot {x} is the antiderivative."),
        (Rule::IntegralTanh, _) => format!(
            "tanh {x} = sinh {x} / cosh {x}, and the top is the slope of the bottom, so the answer is ln(cosh {x}). cosh is never below 1, so the ln needs no bars."
        ),
        (Rule::CyclicParts, _) => "Neither factor gets simpler: differentiating or integrating the exponential gives the exponential again, and sin and cos turn into each other. By parts twice brings the integral I back, and then I can be solved for like an unknown in algebra.".to_string(),
        (Rule::TrigSubstitution, Detail::TrigSubstitution { x_is, .. }) => format!(
            "A square root of a sum or difference of squares opens up under an angle: with {x} = {}, the identity 1 − sin² = cos², 1 + tan² = sec² or sec² − 1 = tan² turns what is under the root into a perfect square. Integrate in θ, then read the answer back in {x} from a right triangle.",
            show(x_is, style)
        ),
        (Rule::IntegralAbs, _) => format!(
            "|{x}| is -{x} for {x} < 0 and {x} for {x} ≥ 0, so piece by piece the antiderivative is -{x}²/2 on the left and {x}²/2 on the right. Both pieces are {x}·|{x}|/2, which joins them smoothly at 0."
        ),
        (Rule::IntegralSigmoid, _) => format!(
            "The slope of softplus({x}) = ln(1 + e^{x}) is the sigmoid, so softplus is the antiderivative: the area under {} is a smooth ReLU.",
            show(&step.before, style)
        ),
        (Rule::IntegralRelu, _) => format!(
            "ReLU({x}) is 0 on the left, with area 0, and {x} on the right, with area {x}²/2: both pieces are ReLU({x})²/2."
        ),
        (Rule::IntegralStep, _) => format!(
            "The step is 0 on the left and 1 on the right, so the area up to {x} is 0 there and {x} here: ReLU({x}), whose slope is the step."
        ),
        (Rule::LogToLn, _) => "Change of base: log_a u = ln u / ln a, so the base only brings the constant factor 1/ln a.".to_string(),
        (Rule::GeneralExponent, Detail::GeneralExponent { exponent }) => {
            let a = show(exponent, style);
            let held = if exponent.free_vars().is_empty() {
                format!("{a} is a number")
            } else {
                format!("{a} is held fixed")
            };
            format!(
                "{held}, so {x}^{a} is a power like any other: raise the exponent by one and divide by the new exponent. This needs {a} ≠ -1: for the exponent -1 the integral is ∫ 1/{x} d{x} = ln|{x}|."
            )
        }
        (Rule::IntegralSechSquared, _) => format!("The slope of tanh {x} is 1/cosh² {x}, so tanh {x} is the antiderivative."),
        (Rule::HalfAngle, _) => "The half-angle identities 1 + cos u = 2cos²(u/2) and 1 - cos u = 2sin²(u/2) turn the bottom into a square, and 1/cos² = sec², 1/sin² = csc² are in the table.".to_string(),
        (Rule::ExpForm, _) => "An exponential times sinh or cosh: write them as exponentials, sinh u = (eᵘ - e⁻ᵘ)/2 and cosh u = (eᵘ + e⁻ᵘ)/2, multiply out, and each term is a single exponential.".to_string(),
        (Rule::TabularParts, Detail::Tabular { rows }) => {
            let u = rows.first().map(|r| show(&r.0, style)).unwrap_or_default();
            let dv = show(&step.before, style).replace(&u, "").trim_matches('·').to_string();
            format!(
                "By parts with u = {u}, which loses a power each time it is differentiated, while dv = {dv} d{x} integrates again and again without getting harder. By parts would repeat itself {} times, so set the rounds out in a table: differentiate u down one column until it reaches 0, integrate dv down the other, then multiply each u by the integral on its row, with the signs +, -, +, …, and add.",
                rows.len().saturating_sub(1)
            )
        }
        (Rule::IntegralSecCubed, _) => format!(
            "By parts with u = sec {x} and dv = sec² {x} d{x} (so v = tan {x}): I = sec {x}·tan {x} - ∫ sec {x}·tan² {x} d{x}. With tan² = sec² - 1 the integral left is I - ∫ sec {x} d{x}, so I has come back: I = sec {x}·tan {x} - I + ln|sec {x} + tan {x}|. Solve for I as in algebra: 2I = sec {x}·tan {x} + ln|sec {x} + tan {x}|."
        ),
        (Rule::OddSymmetry, _) => format!(
            "The integrand is odd: putting -{x} in gives minus the value at {x}. So the area left of 0 is the area right of 0 with its sign flipped, and over an interval symmetric about 0 the two cancel."
        ),
        (Rule::Improper, Detail::Improper { stretches, .. })
            if stretches.iter().all(|s| !s.lower_is_limit && !s.upper_is_limit) =>
        {
            "The integrand has no value at a point of the interval, but only a removable gap or a jump: F has no break there, so F(b) - F(a) still gives the area.".to_string()
        }
        (Rule::Improper, _) => "A bound is infinite, or the integrand blows up at an end: the integral is improper. Integrate up to a point short of the trouble, then let that point run to it: the answer is the limit of F.".to_string(),
        _ => String::new(),
    }
}

/// `x² dx`, or just `dx` for 1.
fn times_d(e: &Expr, x: &str, style: Style) -> String {
    if e.is_one() {
        format!("d{x}")
    } else {
        format!("{} d{x}", show(e, style))
    }
}

/// What the constant of integration is, in words.
pub fn constant_note(constant: &str, antiderivative: &str, integrand: &str) -> String {
    format!(
        "{constant} stands for any constant: it disappears when you differentiate, so every {antiderivative} + {constant} has the slope {integrand}."
    )
}

/// The article's motion reading of an integral over time.
pub fn motion_note(motion: Motion, constant: &str, integrand: &str) -> String {
    match motion {
        Motion::Velocity => format!(
            "In motion terms: if {integrand} is an acceleration, the answer is a velocity, and {constant} is the velocity at t = 0, the initial velocity (often written v0)."
        ),
        Motion::Position => format!(
            "In motion terms: if {integrand} is a velocity, the answer is a position, and {constant} is the position at t = 0, the initial position."
        ),
    }
}

/// What the check by differentiating back says.
pub fn check_note(method: &CheckMethod) -> String {
    match method {
        CheckMethod::Exact => "differentiating the answer gives back the integrand".to_string(),
        CheckMethod::Numeric { points } => format!(
            "differentiating the answer gives back the integrand: they agree at {points} sample points"
        ),
    }
}

/// The base a of an a^x step, as shown.
fn base_of(step: &Step, style: Style) -> String {
    match step.before.kind() {
        crate::expr::Kind::Pow(b, _) => show(b, style),
        _ => "a".to_string(),
    }
}

/// "ln 2 ≈ 0.693147" for a number base, "ln a" for a letter.
fn ln_base(step: &Step, style: Style) -> String {
    let base = base_of(step, style);
    match step.detail {
        Detail::ExpBase {
            ln_base: Some(value),
        } => format!("ln {base} ≈ {}", crate::expr::decimal(value)),
        _ => format!("ln {base}"),
    }
}

fn show(e: &Expr, style: Style) -> String {
    e.to_text(style.with_budget(80))
}

/// "x", "x and y", "x, y and z".
fn list(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// f′(u) or ∂f/∂x(x, y): the slope of a function with no formula can only be named.
fn abstract_note(step: &Step, style: Style) -> String {
    let crate::expr::Kind::Apply(f) = step.before.kind() else {
        return String::new();
    };
    let name = show(&Expr::symbol(f.name.clone()), style);
    let x = show(&Expr::symbol(step.var.clone()), style);
    let (before, after) = (show(&step.before, style), show(&step.after, style));
    let only = if f.args.len() == 1 { "" } else { "only " };
    format!(
        "{name} has no formula here, so the slope of {before} can only be named: {after}, how fast it moves when {only}{x} is nudged."
    )
}
