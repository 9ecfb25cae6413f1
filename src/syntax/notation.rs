//! Notation as typed after `read`: Leibniz fractions, ∇, primes, integrals, each with its names.

use super::ast::{Node, Span};

/// How a name was printed in the paper: bold names are vectors or matrices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameStyle {
    Plain,
    /// `\mathbf`, `\boldsymbol`, `\bm`, `\vec`, or a bold Unicode letter.
    Bold,
    /// `\mathcal{L}`: a script letter, in AI writing usually the loss.
    Script,
}

/// A name in notation: `L`, `w_1`, `θ`, bold `W`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// The name as nudge shows it, with Greek letters as letters: `θ`, `w_1`.
    pub text: String,
    pub style: NameStyle,
}

impl Name {
    /// The name as shown to the learner; bold names in bold Unicode letters.
    pub fn shown(&self) -> String {
        match self.style {
            NameStyle::Bold => {
                // A layer label such as ^(l) stays plain.
                let (letters, label) = self
                    .text
                    .split_at(self.text.find('^').unwrap_or(self.text.len()));
                letters
                    .chars()
                    .map(bold_letter)
                    .chain(label.chars())
                    .collect()
            }
            _ => self.text.clone(),
        }
    }

    /// The letter the name starts with, which says whether it is a capital.
    pub fn first_letter(&self) -> Option<char> {
        self.text.chars().next()
    }
}

/// The mathematical bold form of a Latin or lower-case Greek letter.
fn bold_letter(c: char) -> char {
    let offset = match c {
        'A'..='Z' => 0x1D400 + (c as u32 - 'A' as u32),
        'a'..='z' => 0x1D41A + (c as u32 - 'a' as u32),
        'α'..='ω' => 0x1D6C2 + (c as u32 - 'α' as u32),
        _ => return c,
    };
    char::from_u32(offset).unwrap_or(c)
}

/// The plain letter behind a mathematical bold letter, if it is one.
pub fn unbold_letter(c: char) -> Option<char> {
    let code = c as u32;
    match code {
        0x1D400..=0x1D419 => char::from_u32('A' as u32 + code - 0x1D400),
        0x1D41A..=0x1D433 => char::from_u32('a' as u32 + code - 0x1D41A),
        0x1D6C2..=0x1D6DA => char::from_u32('α' as u32 + code - 0x1D6C2),
        _ => None,
    }
}

/// One recognised piece of a line of notation.
#[derive(Clone, Debug)]
pub enum Piece {
    /// `dL/dw`, `∂L/∂W`, `d²y/dx²`, `d/dx` (no `top`), `\frac{\partial L}{\partial w}`.
    Leibniz {
        partial: bool,
        order: u32,
        top: Option<Name>,
        bottom: Name,
        span: Span,
    },
    /// `∂²L/∂x∂y`: `first` is nudged, then `second`, as written below the bar.
    Mixed {
        of: Name,
        first: Name,
        second: Name,
        span: Span,
    },
    /// `∇_θ L`, `∇L`, `∇f(x)`.
    Gradient {
        wrt: Option<Name>,
        of: Option<Name>,
        args: Option<String>,
        span: Span,
    },
    /// `f'(x)`, `f''`, `y'`.
    Prime {
        name: String,
        primes: u32,
        args: Option<String>,
        span: Span,
    },
    /// `∫_a^b f(x) dx`, `∫ f(x) dx`.
    Integral {
        bounds: Option<(String, String)>,
        integrand: String,
        var: String,
        span: Span,
    },
    /// `f(x)`, `g(x, y)`, `L(θ)`: function notation, a name and its inputs.
    Function {
        name: Name,
        args: Vec<Node>,
        span: Span,
    },
    /// `dx`, `dθ`: a differential, a tiny nudge of `var`.
    SmallChange { var: String, span: Span },
    /// `=`; with `update`, an update rule's arrow (`←`, `<-`, `:=`, `\leftarrow`): the new
    /// value on the left replaces the old.
    Equals { update: bool },
    /// `·`, `\cdot`, `×` between two pieces.
    Times,
    /// An ordinary expression: `e^x`, `ln x`, `log x`, `x^2`.
    Expr(Node),
    /// A symbol nudge does not know (`\sum`, `⊙`), and the piece it stands in, as typed.
    Unknown {
        text: String,
        piece: String,
        span: Span,
    },
}

/// A whole line of notation.
#[derive(Clone, Debug)]
pub struct Notation {
    /// The notation as typed, after `read`.
    pub text: String,
    pub pieces: Vec<Piece>,
}
