//! The words of `help`, `help TOPIC`, `rules` and `glossary`, in the reading-first voice.
//!
//! A new topic is a `Topic` (src/topic.rs: its name and spellings) and its page here;
//! every format then shows it.

use super::doc::{Block, Doc, Quiet, Spelled};
use crate::engine::Help;
use crate::expr::Style;
use crate::topic::Topic;
use std::rc::Rc;

/// What can be typed: a paragraph, then one example a line, a tab before what it does.
const OVERVIEW: &str = "\
nudge reads calculus the way an article writes it, and answers like a patient teacher: it says how it read your line, names each rule as it uses it, and ends with the result.

d/dx sin(x^2)\ta derivative, every step explained
d^2/dx^2 x^4\ta second derivative (d²/dx² works too)
∂/∂x (x^2 y + y^3)\ta partial derivative: y is held still
x^2 + 2x + x^2\ttidy up an expression
integrate x^2 dx\tan antiderivative, checked by differentiating it back (also ∫ x^2 dx)
∫_0^1 x^2 dx\tan area under a curve, exact and by numbers
nudge x^2 at x = 3\tthe slope seen as the nudge h shrinks (also slope …)
tangent x^2 at x = 3\tthe tangent line there, with a picture
limit sin(x)/x as x -> 0\ta limit read off a table of values (also n -> inf)
plot sin x, cos x\tcurves in the terminal (add from -pi to pi to set the range)
contour x^2 + y^2 at (1, 2)\tcontour lines and the gradient arrow at a point
d/dx x^3 at x = 2\ta slope at one point, exact and as a decimal
check d/dx x^3 = 3x^2\tis my answer right? any equal form counts (∫ … dx = … too)
descend (w - 3)^2 from w = 0 rate 0.1\tgradient descent, step by step (rates side by side: rate 0.01, 0.1)
(x^2 + y^2) at (1, 2)\ta value at a point, variables in the order x, y, z
f(x) = x^2 sin x\tdefine a function; then f'(x), f''(x), f(2), f'(2), d/dx f(x)
r(t) = (cos t, sin t)\tdefine a moving point; then r'(t), r''(t), |r'(t)|, r'(2)
F(x, y) = (x y, x + y)\tdefine a vector function; then jacobian(F), F(1, 2)
y = 3x^2 + 1\tdefine a name; then dy/dx, d²y/dx², y at x = 1
backprop y at x = 1\tthe forward and backward passes through the steps named with =
a = 3\ta number to reuse in later lines
ans\tthe last result
read ∂L/∂W\tnotation in words, with your names (also ? dy/dx = dy/du · du/dx)
\\frac{d}{dx} \\sin x\tLaTeX pasted from a paper works wherever an expression does
defs, undef f, reset\tlist, forget one, or forget every definition
rules\tthe table of common derivatives
glossary\tthe words AI articles use, in one line each
lessons\tthe tour: short lessons, with exercises
lesson 1\tplay one lesson; your answers are checked
practice chain\tfive exercises that get harder, then a score
save session.md\twrite the session so far as Markdown
help TOPIC\tone idea with a worked example; the topics are power chain product quotient exp ln log trig partial gradient jacobian integral notation e plot activations loss backprop descend practice read lesson
quit, exit\tleave (Ctrl-D works too)
";

/// The derivatives a reader meets most: (function, derivative) in Unicode and in ASCII.
/// The ASCII column is nudge input, so a test can check every row.
pub const RULES: [(&str, &str, &str, &str); 17] = [
    ("c (a constant)", "0", "c", "0"),
    ("xⁿ", "n·xⁿ⁻¹", "x^n", "n*x^(n-1)"),
    ("√x", "1/(2√x)", "sqrt(x)", "1/(2*sqrt(x))"),
    ("eˣ", "eˣ", "e^x", "e^x"),
    ("aˣ", "aˣ·ln a", "a^x", "a^x*ln(a)"),
    ("ln x", "1/x", "ln(x)", "1/x"),
    ("log_a x", "1/(x·ln a)", "log_a(x)", "1/(x*ln(a))"),
    ("sin x", "cos x", "sin(x)", "cos(x)"),
    ("cos x", "-sin x", "cos(x)", "-sin(x)"),
    ("tan x", "1/cos² x", "tan(x)", "1/cos(x)^2"),
    ("arcsin x", "1/√(1 - x²)", "arcsin(x)", "1/sqrt(1 - x^2)"),
    ("arccos x", "-1/√(1 - x²)", "arccos(x)", "-1/sqrt(1 - x^2)"),
    ("arctan x", "1/(1 + x²)", "arctan(x)", "1/(1 + x^2)"),
    ("sinh x", "cosh x", "sinh(x)", "cosh(x)"),
    (
        "σ(x)",
        "σ(x)·(1 - σ(x))",
        "sigmoid(x)",
        "sigmoid(x)*(1 - sigmoid(x))",
    ),
    ("ReLU(x)", "step(x), none at 0", "ReLU(x)", "step(x)"),
    ("softplus(x)", "σ(x)", "softplus(x)", "sigmoid(x)"),
];

const RULES_AFTER: &str = "\
Putting pieces together:
sum\t(f + g)′ = f′ + g′
constant factor\t(c·f)′ = c·f′
product\t(f·g)′ = f′·g + f·g′
quotient\t(f/g)′ = (f′·g - f·g′)/g²
chain\tf(g(x))′ = f′(g(x))·g′(x): outer × inner
Each row works with any function of x in place of x, times the inner slope (chain rule).
";

/// The terms a reader of AI articles meets, each in one line.
const GLOSSARY: [(&str, &str); 14] = [
    ("derivative", "the slope of a function at one point: how far the output moves for each little nudge of the input"),
    ("derivative function", "the function that gives that slope at every point; written f′(x) or df/dx"),
    ("d/dx", "\"differentiate with respect to x\" (Leibniz's notation): x is the input being nudged"),
    ("f′(x)", "the derivative function of f (Lagrange's notation), read \"f prime of x\"; f″(x) differentiates twice"),
    ("e", "≈ 2.71828, where compound interest (1 + 1/n)ⁿ settles as n grows; the one base whose eˣ is its own slope"),
    ("natural log", "ln x, the logarithm with base e; AI writing usually just writes log"),
    ("chain rule", "for a function inside a function: differentiate outer and inner, then multiply (outer × inner)"),
    ("partial derivative", "∂f/∂x: the slope when only x is nudged and every other input is held still"),
    ("gradient", "∇f: every partial derivative stacked into a vector; it points uphill, where f climbs fastest"),
    ("Jacobian", "the table of partial derivatives of each output (rows) by each input (columns)"),
    ("integral", "∫: a derivative run backwards, and the area under a curve between two points"),
    ("sigmoid σ", "σ(x) = 1/(1 + e^(-x)), squashing any number into (0, 1); its slope is σ·(1 - σ), read off its own value"),
    ("ReLU", "max(0, x): 0 for negative inputs, the input itself otherwise; slope 0 or 1, none at the kink at 0"),
    ("softplus", "ln(1 + eˣ), a smooth ReLU whose slope is σ(x)"),
];

fn topic_text(topic: Topic) -> &'static str {
    match topic {
        Topic::Power => "\
Power rule: bring the exponent down in front, then lower the exponent by one.
xⁿ has slope n·xⁿ⁻¹, whatever n is: negative, a fraction, anything.
A constant has slope 0: something that never changes does not tilt.
Example: d/dx x³ = 3·x^(3-1) = 3x². And √x = x^(1/2), so its slope is (1/2)·x^(-1/2) = 1/(2√x).
Try: d/dx x^5, d/dx 1/x^2, d/dx sqrt(x)
",
        Topic::Chain => "\
Chain rule: for a function inside a function, differentiate the outer one with the inside left alone, differentiate the inner one, and multiply. Outer × inner.
Think of gears: nudging x turns the inner part, which turns the outer part; the two ratios multiply.
Example: d/dx sin(x²). Outer: sin(u) has slope cos(u). Inner: u = x² has slope 2x. Multiply: cos(x²)·2x = 2x·cos(x²).
A neural network is functions inside functions, layer after layer: backpropagation is this rule, repeated.
Try: d/dx (3x + 1)^5, d/dx e^(x^2)
",
        Topic::Product => "\
Product rule: for f·g, differentiate the first and keep the second, then keep the first and differentiate the second, and add: f′·g + f·g′.
Example: d/dx x²·sin x = 2x·sin x + x²·cos x.
Try: d/dx x e^x, d/dx x^2 ln x
",
        Topic::Quotient => "\
Quotient rule: for a fraction f/g, the slope is (f′·g - f·g′)/g²: the top's slope times the bottom, minus the top times the bottom's slope, over the bottom squared.
Example: d/dx sin(x)/x = (cos(x)·x - sin(x)·1)/x² = (x·cos(x) - sin(x))/x².
Try: d/dx (x + 1)/(x - 1)
",
        Topic::Exp => "\
eˣ is its own slope: differentiate it as often as you like and it stays eˣ.
Any other base picks up a constant: aˣ has slope aˣ·ln a, so 2ˣ gains a factor of about 0.693 and 3ˣ about 1.099. Only e gives exactly 1, which is why AI formulas such as softmax use e.
Example, with the chain rule: d/dx e^(3x) = e^(3x)·3 = 3e^(3x).
Try: d/dx 2^x, d/dx exp(x^2)
",
        Topic::Ln => "\
ln x is the natural log, the logarithm with base e: it answers \"e to what power gives x?\".
Its slope is 1/x, with no extra factor, which is one reason log-likelihood and cross-entropy use it.
Example, with the chain rule: d/dx ln(x² + 1) = 1/(x² + 1)·2x = 2x/(x² + 1).
Try: d/dx ln(3x), d/dx x ln x
",
        Topic::Log => "\
In AI writing, log with no base almost always means ln, the natural log, and nudge reads it so (and says so each time). For another base write log_2 x or log_10(x).
log_a x = ln x / ln a, so its slope is 1/(x·ln a): an extra factor that only base e avoids.
Example: d/dx log_2 x = 1/(x·ln 2).
Try: d/dx log_10(x^2), d/dx log(x)
",
        Topic::Trig => "\
The slope of sin is cos, and the slope of cos is -sin: each turns into the next.
tan x has slope 1/cos² x. The inverses: arcsin x has slope 1/√(1 - x²), arctan x has 1/(1 + x²).
Angles are in radians: sin(π/2) = 1.
Example, with the chain rule: d/dx sin(2x) = cos(2x)·2 = 2·cos(2x).
Try: d/dx tan x, d/dx arctan(x^2), sin(pi/6)
",
        Topic::Partial => "\
A partial derivative ∂f/∂x nudges one input and holds all the others still.
Read ∂ as \"partial\": the round d announces that the other variables are frozen.
That is the whole change: anything without x in it acts like a constant.
Example: ∂/∂x (x² + y²) = 2x, since y² does not move when only x does; ∂/∂y (x² + y²) = 2y.
Try: ∂/∂x (x^2 y), partial(x^2 y, y), or g(x, y) = x^2 y and then ∂g/∂y
",
        Topic::Gradient => "\
The gradient ∇f stacks every partial derivative of f into one vector.
It points where f climbs fastest, and its length says how steep that climb is.
Gradient descent steps the other way, downhill, to make a loss smaller.
Example: f = x² + y² has ∇f = (2x, 2y); at (1, 2) that is (2, 4).
Try: grad (x^2 + y^2), grad (x^2 + y^2) at (1, 2)
",
        Topic::Jacobian => "\
With several outputs as well as several inputs, the partial derivatives fill a table: the Jacobian.
Row i belongs to output i, column j to input j, and the entry is ∂(output\u{a0}i)/∂(input\u{a0}j).
Backpropagation passes gradients from layer to layer through tables like this.
Example: for the outputs (x·y, x + y) the Jacobian is [[y, x], [1, 1]].
Try: jacobian([x*y, x + y]), or F(x, y) = (x*y, x + y) and then jacobian(F)
",
        Topic::Integral => "\
Integration runs differentiation backwards, and it also measures area.
∫ f(x) dx is a function whose slope is f, plus a constant C (constants have slope 0, so any C fits).
∫ from a to b of f(x) dx is the area under f between a and b: the antiderivative at b minus at a.
Example: ∫ 2x dx = x² + C, and from 0 to 1 that is 1² - 0² = 1.
Each method is named with the reason it fits: substitution, by parts, long division, partial fractions, completing the square, a trigonometric identity. An infinite bound, or a spot where f blows up, makes the integral improper: it is the limit of the antiderivative, as in ∫ from 1 to ∞ of 1/x² dx = 1.
Try: integrate x^2 dx, ∫_0^1 x^2 dx, ∫ 1/(x^2 + 4) dx, ∫_1^inf 1/x^2 dx
",
        Topic::Notation => "\
Two ways to write the same derivative:
  d/dx f(x) or dy/dx (Leibniz): says which variable is nudged; AI papers prefer it.
  f′(x), \"f prime\" (Lagrange): short, handy when one function is differentiated again and again.
dy/dx looks like a fraction but is one symbol: how far y moves per tiny nudge of x.
∂ marks a partial derivative, ∇ a gradient, ∫ an integral.
Example: after y = x³, dy/dx = 3x², the same as d/dx x³.
To hear any notation in words, put read in front of it: read ∂L/∂W.
Try: f(x) = x^3, then f'(x) and d/dx f(x), read d²y/dx²
",
        Topic::E => "\
e ≈ 2.71828 first turned up in compound interest: borrow 1 at 100% a year, compound n times, and you owe (1 + 1/n)ⁿ, which creeps up towards e as n grows but never passes it.
It is also the one base whose exponential is its own slope, and ln x (log base e) has the clean slope 1/x. That is why softmax, cross-entropy and log-likelihood are written with e and ln.
Example: d/dx eˣ = eˣ, while d/dx 2ˣ = 2ˣ·ln 2, about 0.693·2ˣ: only base e adds no factor.
Try: e, d/dx e^x, d/dx 2^x, limit (1 + 1/n)^n as n -> inf
",
        Topic::Plot => "\
plot draws curves in the terminal, so a slope can be seen as well as worked out.
List several curves with commas; from a to b sets the stretch of x shown (without it, a window around 0).
A derivative is a curve too.
Example: plot x^3, d/dx x^3 shows the cubic and its slope 3x², which is 0 where the cubic flattens.
contour f at (1, 2) draws the level lines of a function of two variables and the gradient arrow at the point.
Plots are Braille dots on a terminal, plain characters with --ascii, as wide as the window.
Try: plot sin x, cos x from -pi to pi, plot x^2, 2x, contour x^2 + y^2 at (1, 2)
",
        Topic::Backprop => "\
Definitions made with = are named steps, and together they form a computation graph: after z = w x + b, a = 1/(1+e^(-z)), L = (a - y)^2, each keeps its formula as written.
dL/da is a local derivative, 2(a - y); dL/dw follows the path L ← a ← z ← w and multiplies the local derivatives along it, then writes the product in the original letters. A step used twice adds one product per path.
backprop L at w = 0.5, b = 0.1, x = 2, y = 1 works it with numbers: a forward table of values, a backward table of local derivative × gradient from above, the graph drawn with each value and gradient, and every weight's gradient read aloud, checked against the slope of the whole formula.
Example: backprop L at w = 0.5, b = 0.1, x = 2, y = 1 gives dL/dw ≈ -0.187: nudge w up a little and L goes down about 0.187 times as much.
Try: z = w x + b, a = 1/(1+e^(-z)), L = (a - y)^2, then dL/dw, backprop L at w = 0.5, b = 0.1, x = 2, y = 1
",
        Topic::Descend => "\
descend walks downhill: from a start, each step moves every variable against its slope, w ← w − η·∂f/∂w, where η, the rate, sets the step size.
A table shows each step's point, f, gradient and its length; it stops once the gradient is tiny, or after 20 steps (steps N asks for up to 1000).
Several rates side by side show the difference: too small crawls, too large jumps over the bottom and runs away, and nudge says which happened.
On a loss defined in named steps, each gradient comes from backpropagation.
Example: descend (w - 3)^2 from w = 0 rate 0.1 walks w from 0 towards 3, each step 0.8 times the last.
Try: descend (w - 3)^2 from w = 0 rate 0.1, descend x^2 + 3y^2 from (3, 4) rate 0.01, 0.1, 0.5 steps 8
",
        Topic::Practice => "\
practice gives five exercises on one topic, each harder than the last, and a score at the end.
The topics are power chain product quotient exp-log trig partial gradient integral backprop descent activations mixed; practice alone is mixed.
Example: practice chain starts at d/dx (9x + 7)^2 and ends with chains inside chains.
An answer counts in any form that is equal: 2x·cos(x²), cos(x^2)*2*x and 2\u{a0}x\u{a0}cos(x^2) all do.
A wrong answer earns a hint from the worked steps; after three tries, or when you type skip, the whole working is shown. Practice runs in a session of its own, so your definitions are untouched; quit leaves it.
Try: practice chain, practice gradient
",
        Topic::Activations => "\
The functions inside a neural network, each with its slope in the shape papers print:
σ(z) = 1/(1 + e^(-z)), written σ(z), sigma(z) or sigmoid(z): slope σ(z)·(1 - σ(z)), read off its own value.
tanh(z): slope 1 - tanh²(z), the same trick; 1/cosh²(z) is the other way to write it.
relu(z) = max(0, z): slope step(z), 0 on the left and 1 on the right; at the kink at 0 there is none (frameworks use 0).
softplus(z) = ln(1 + e^z), a smooth ReLU: slope σ(z).
softmax(z1, z2, z3) = the shares e^(z_i)/(e^z1 + e^z2 + e^z3), which add to 1; softmax(z1, z2, z3)_i is one of them. Its Jacobian is s_i·(δ_ij - s_j) with s = softmax(z1, z2, z3): diag(s) - s sᵀ.
Example: d/dx σ(2x) = 2σ(2x)·(1 - σ(2x)), and d/dx 1/(1 + e^(-x)) ends at e^(-x)/(1 + e^(-x))², also written as σ(x)·(1 - σ(x)).
Try: d/dx σ(w x + b), d/dx tanh(3x), d/dx relu(x^2 - 1), d/dx max(0, x) at x = 2, jacobian(softmax(z1, z2, z3)), practice activations
",
        Topic::Loss => "\
A loss measures how wrong a prediction is; training nudges each weight against the loss's slope.
Mean squared error of a line: L = (y - (w x + b))². Its gradient over the weights says how much L shifts as each is nudged: (-2x·(y - w·x - b), -2(y - w·x - b)).
Binary cross-entropy in the prediction p: L = -(y ln p + (1 - y) ln(1 - p)), slope (p - y)/(p·(1 - p)).
In the score z with p = σ(z), the σ′ = σ·(1 - σ) on top cancels that bottom: the slope is σ(z) - y, prediction minus target.
Categorical cross-entropy over three classes with p = softmax(z1, z2, z3): L = -(y1 ln p1 + y2 ln p2 + y3 ln p3), typed with softmax(z1, z2, z3)_i for p_i. Its slope by z1 is (y1 + y2 + y3)·p1 - y1, and since the targets add to 1 (one-hot, or any probabilities) that is p1 - y1: again prediction minus target. With the true class first, -ln(softmax(z1, z2, z3)_1) has slope p1 - 1 by z1 and p2 by z2.
Example: d/dz -(y ln(σ(z)) + (1 - y) ln(1 - σ(z))) ends with the shape step: also written as σ(z) - y; ∂/∂z1 -(y1 ln(softmax(z1, z2, z3)_1) + y2 ln(softmax(z1, z2, z3)_2) + y3 ln(softmax(z1, z2, z3)_3)) ends with also written as p_1 - y1, given y1 + y2 + y3 = 1.
Try: grad((y - (w x + b))^2, [w, b]), d/dp -(y ln p + (1 - y) ln(1 - p)), d/dz -(y ln(σ(z)) + (1 - y) ln(1 - σ(z))), ∂/∂z2 -ln(softmax(z1, z2, z3)_1), jacobian(softmax(z1, z2, z3))
",
        Topic::Read => "\
read NOTATION says what a piece of notation means, in words and with your own names, without working anything out; ? NOTATION is the same.
It knows the shapes papers use: dL/dw, ∂L/∂W (a matrix), ∇_θ L (a gradient), ∂²L/∂x∂y, f′(x), ∫ f(x) dx, and the chain rule dy/dx = dy/du · du/dx; LaTeX such as \\nabla_\\theta L works too.
Example: read ∂L/∂w says how much L shifts when w is nudged, with every other weight held fixed.
Try: read dL/dw, read \\nabla_\\theta L, ? dy/dx = dy/du · du/dx
",
        Topic::Lesson => "\
lessons lists the tour: short lessons, one for each part of the article nudge teaches from, then more on the functions inside a neural network, backpropagation and derivatives by vectors and matrices.
lesson N plays one: narration, worked examples, and exercises whose answers are checked, with hints.
A lesson runs in a session of its own, so your definitions are untouched; quit leaves it.
Finished lessons are remembered, and the list marks them.
Example: lesson 6 is the chain rule: a worked example, then exercises for you.
From the command line: nudge --lesson N, or nudge FILE.nudge to play a lesson file of your own.
Try: lessons, lesson 1
",
    }
}

/// One page of help: paragraphs, and lists of terms with their meanings; `-q` prints the
/// whole page too.
pub fn help(help: Help) -> Doc {
    let (unicode, ascii) = (source(help, Style::UNICODE), source(help, Style::ASCII));
    // The two spellings have a line for a line: the ASCII one is the rules' own ASCII
    // column, and the Unicode words spelled out.
    let mut blocks = Vec::new();
    for (unicode, ascii) in unicode.lines().zip(ascii.lines()) {
        match (unicode.split_once('\t'), ascii.split_once('\t')) {
            (Some((term, meaning)), Some((term_ascii, meaning_ascii))) => {
                let entry = (
                    vec![spelled(term, term_ascii).into()],
                    vec![spelled(meaning, meaning_ascii).into()],
                );
                match blocks.last_mut() {
                    Some(Block::Entries(entries)) => entries.push(entry),
                    _ => blocks.push(Block::Entries(vec![entry])),
                }
            }
            _ if unicode.is_empty() => blocks.push(Block::Gap),
            _ => blocks.push(Block::Words(vec![spelled(
                &whole_examples(unicode),
                &whole_examples(ascii),
            )
            .into()])),
        }
    }
    Doc {
        blocks,
        quiet: Quiet::Whole,
    }
}

/// The longest example kept on one line: one that fits a 40-column terminal with its
/// indent and comma; a longer one breaks between its words like prose.
const WHOLE_EXAMPLE: usize = 36;

/// A `Try:` line's examples are for typing as they stand, so each stays on one line: its
/// spaces do not break (no-break spaces). The line breaks only between examples: after a
/// comma outside brackets, and around the words that join them (or, then, and).
fn whole_examples(line: &str) -> String {
    let Some(examples) = line.strip_prefix("Try: ") else {
        return line.to_string();
    };
    let words: Vec<&str> = examples.split(' ').collect();
    let mut pieces: Vec<Vec<&str>> = vec![Vec::new()];
    let mut depth = 0usize;
    for (i, word) in words.iter().enumerate() {
        for c in word.chars() {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if let Some(piece) = pieces.last_mut() {
            piece.push(word);
        }
        let joining = |w: &str| matches!(w, "or" | "then" | "and");
        let next = words.get(i + 1).copied().unwrap_or_default();
        if depth == 0 && (word.ends_with(',') || joining(word) || joining(next)) {
            pieces.push(Vec::new());
        }
    }
    let pieces: Vec<String> = pieces
        .iter()
        .filter(|p| !p.is_empty())
        .map(|piece| {
            let whole = piece.join(" ");
            if whole.chars().count() > WHOLE_EXAMPLE {
                whole
            } else {
                piece.join("\u{a0}")
            }
        })
        .collect();
    format!("Try: {}", pieces.join(" "))
}

/// Words in the spelling of the style they are printed in.
fn spelled(unicode: &str, ascii: &str) -> Spelled {
    let (unicode, ascii) = (unicode.to_string(), ascii.to_string());
    Spelled(Rc::new(move |style: Style| {
        if style.unicode {
            unicode.clone()
        } else {
            ascii.clone()
        }
    }))
}

/// One page as written: a paragraph a line, and a tab between a term and its meaning.
fn source(help: Help, style: Style) -> String {
    let text = match help {
        Help::Overview => OVERVIEW.to_string(),
        Help::Topic(t) => topic_text(t).to_string(),
        Help::Rules => rules(style.unicode),
        Help::Glossary => glossary(),
    };
    if style.unicode {
        text
    } else {
        to_ascii(&text)
    }
}

fn rules(unicode: bool) -> String {
    let mut out = String::from("Common derivatives: the function, then its slope.\n");
    for (f, d, f_ascii, d_ascii) in RULES {
        let (f, d) = if unicode { (f, d) } else { (f_ascii, d_ascii) };
        out.push_str(&format!("{f}\t{d}\n"));
    }
    out.push_str(RULES_AFTER);
    out
}

fn glossary() -> String {
    GLOSSARY
        .iter()
        .map(|(term, meaning)| format!("{term}\t{meaning}\n"))
        .collect()
}

/// The Unicode of the help pages spelled in plain ASCII, for `--ascii`.
fn to_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // `∇f` becomes `grad f`, but `∇ a gradient` must not gain a second space.
        let gap = if chars
            .peek()
            .is_some_and(|n| n.is_alphanumeric() || *n == '(')
        {
            " "
        } else {
            ""
        };
        match c {
            '²' => out.push_str("^2"),
            '³' => out.push_str("^3"),
            'ⁿ' => out.push_str("^n"),
            'ˣ' => out.push_str("^x"),
            '⁻' => out.push_str("^-"),
            '¹' => out.push('1'),
            '·' => out.push('*'),
            '′' => out.push('\''),
            '″' => out.push_str("''"),
            '∂' => out.push('d'),
            '∇' => out.push_str(&format!("grad{gap}")),
            '∫' => out.push_str(&format!("integral{gap}")),
            'π' => out.push_str("pi"),
            '≈' => out.push('~'),
            '√' => out.push_str("sqrt"),
            '×' => out.push('x'),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_try_line_breaks_between_its_examples_only() {
        let line = whole_examples("Try: d/dx max(0, x) at x = 2, or f(x) = x^3 and then f'(x)");
        let breaks: Vec<&str> = line.split(' ').collect();
        assert_eq!(
            breaks,
            [
                "Try:",
                "d/dx\u{a0}max(0,\u{a0}x)\u{a0}at\u{a0}x\u{a0}=\u{a0}2,",
                "or",
                "f(x)\u{a0}=\u{a0}x^3",
                "and",
                "then",
                "f'(x)"
            ]
        );
        // Only Try lines, and only short examples, are kept whole.
        assert_eq!(whole_examples("Example: x = 2"), "Example: x = 2");
        let long = "Try: d/dz -(y ln(σ(z)) + (1 - y) ln(1 - σ(z)))";
        assert_eq!(whole_examples(long), long);
    }
}
