//! Rational integrands, a polynomial over a polynomial: long division, partial fractions, completing the square.

use super::poly::Poly;
use super::{Integrator, Level};
use crate::calculus::step::{Detail, Found, Rule, Step};
use crate::expr::{Expr, Kind, Number, Symbol};

/// Names for the unknown constants of a partial-fraction split (E is Euler's number).
const UNKNOWNS: [&str; 10] = ["A", "B", "C", "D", "F", "G", "H", "J", "K", "L"];

/// One term of a partial-fraction split: its unknown times `basis` is its share
/// of the top once the bottom is cleared.
struct Piece {
    basis: Poly,
    factor: Expr,
    power: usize,
    /// The x that makes every other piece vanish, when there is one.
    root: Option<Number>,
    /// The Bx of a (Bx + C) over a quadratic.
    times_x: bool,
    /// `basis` as the product of the factors it is made of.
    shown: Expr,
}

/// The integrand as top/bottom, with the bottom as the learner wrote it.
struct Fraction {
    top: Poly,
    bottom: Poly,
    bottom_expr: Expr,
}

/// Whether `e` is a polynomial over a polynomial of degree at least 1.
pub(super) fn is_fraction(e: &Expr, var: &str) -> bool {
    fraction(e, var).is_some()
}

/// `e` as a polynomial over a polynomial of degree at least 1.
fn fraction(e: &Expr, var: &str) -> Option<Fraction> {
    let mut top = Poly::constant(Number::one());
    let mut bottom = Poly::constant(Number::one());
    let mut below = Vec::new();
    for f in e.factors() {
        match f.kind() {
            Kind::Pow(b, n) if n.as_number().is_some_and(|n| n.is_negative()) => {
                let k = n.as_number()?.neg().to_i64()?;
                bottom = bottom.mul(&Poly::from_expr(b, var)?.pow(usize::try_from(k).ok()?));
                below.push(Expr::pow(b.clone(), Expr::int(k)));
            }
            _ => top = top.mul(&Poly::from_expr(f, var)?),
        }
    }
    (bottom.degree() >= 1).then(|| Fraction {
        top,
        bottom,
        bottom_expr: Expr::mul(below),
    })
}

/// The bottom split into factors: a constant, then linear factors qx − p and
/// monic quadratics with no rational root, each with its multiplicity.
fn factor(bottom: &Poly) -> Option<(Number, Vec<(Poly, usize)>)> {
    let mut rest = bottom.clone();
    let mut factors: Vec<(Poly, usize)> = Vec::new();
    while let Some(r) = rest.rational_root() {
        let linear = Poly::new(vec![
            Number::from_big(-r.numer(), 1.into()),
            Number::from_big(r.denom(), 1.into()),
        ]);
        let (quotient, remainder) = rest.div_rem(&linear)?;
        if !remainder.is_zero() {
            return None;
        }
        rest = quotient;
        match factors.iter_mut().find(|(f, _)| *f == linear) {
            Some(seen) => seen.1 += 1,
            None => factors.push((linear, 1)),
        }
    }
    match rest.degree() {
        0 => {}
        2 => factors.push((rest.scale(&rest.lead().recip()?), 1)),
        4 => {
            let monic = rest.scale(&rest.lead().recip()?);
            match square_root(&monic) {
                Some(q) => factors.push((q, 2)),
                None => factors.extend(biquadratic(&monic)?.into_iter().map(|q| (q, 1))),
            }
        }
        _ => return None,
    }
    let product = factors.iter().fold(Number::one(), |acc, (f, m)| {
        acc.mul(
            &f.lead()
                .pow(&Number::int(*m as i64))
                .unwrap_or_else(Number::one),
        )
    });
    Some((bottom.lead().mul(&product.recip()?), factors))
}

/// x⁴ + px² + q as (x² + r)(x² + s) with rational r ≠ s, as (x² + 1)(x² + 4).
fn biquadratic(p: &Poly) -> Option<[Poly; 2]> {
    if !p.coefficient(3).is_zero() || !p.coefficient(1).is_zero() {
        return None;
    }
    let (b, c) = (p.coefficient(2), p.coefficient(0));
    let disc = b.mul(&b).sub(&Number::int(4).mul(&c));
    let root = crate::calculus::exact::sqrt_rational(&disc)?;
    if root.radicand != 1.into() || root.coef.is_zero() {
        return None;
    }
    let half = Number::ratio(1, 2);
    let r = b.add(&root.coef).mul(&half);
    let s = b.sub(&root.coef).mul(&half);
    let quadratic = |k: Number| Poly::new(vec![k, Number::zero(), Number::one()]);
    Some([quadratic(r), quadratic(s)])
}

/// The monic quadratic whose square is the monic quartic `p`, if there is one.
fn square_root(p: &Poly) -> Option<Poly> {
    let b = p.coefficient(3).mul(&Number::ratio(1, 2));
    let c = p.coefficient(2).sub(&b.mul(&b)).mul(&Number::ratio(1, 2));
    let q = Poly::new(vec![c, b, Number::one()]);
    (q.mul(&q) == *p).then_some(q)
}

impl Integrator {
    /// A rational integrand: divide when the top is not lower than the bottom,
    /// otherwise split into partial fractions or complete the square. `None`
    /// when the top is a multiple of the bottom's slope: u = the bottom does it.
    pub(super) fn rational(&self, e: &Expr, var: &Symbol, level: Level) -> Option<Step> {
        let fr = fraction(e, var)?;
        if fr.top.degree() >= fr.bottom.degree() && !fr.top.is_zero() {
            return self.long_division(e, var, level, &fr);
        }
        if fr.bottom.degree() == 1 {
            return None;
        }
        if is_multiple(&fr.top, &fr.bottom.derivative()) {
            return self.log_of_bottom(e, var, level, &fr);
        }
        let (constant, factors) = factor(&fr.bottom)?;
        let single = factors.len() == 1;
        match factors.first() {
            Some((f, 1)) if single && f.degree() == 2 => {
                self.complete_square(e, var, level, &fr.top, &fr.bottom)
            }
            Some((f, _)) if single && f.degree() == 1 && fr.top.degree() == 0 => None,
            _ => self.partial_fractions(e, var, level, &fr, &constant, &factors),
        }
    }

    /// The top is a constant times the bottom's slope: u = the bottom gives c·ln|u|.
    fn log_of_bottom(&self, e: &Expr, var: &Symbol, level: Level, fr: &Fraction) -> Option<Step> {
        let slope = fr.bottom.derivative();
        let c = fr.top.lead().mul(&slope.lead().recip()?);
        let name = self.helper(level.substitutions);
        let u = Expr::symbol(name.clone());
        let rewritten = Expr::mul(vec![Expr::num(c), Expr::recip(u)]);
        let inner_level = Level {
            depth: level.depth + 1,
            substitutions: level.substitutions + 1,
        };
        let inner = self.step(&rewritten, &name, inner_level)?;
        let bottom = fr.bottom_expr.clone();
        let after = super::shape::tidy(&crate::expr::substitute(&inner.after, &name, &bottom), var);
        let detail = Detail::Substitution {
            name,
            inner: bottom,
            slope: slope.to_expr(var),
            rewritten,
        };
        Some(Step::new(
            Rule::USubstitution,
            var,
            e,
            after,
            detail,
            vec![inner],
        ))
    }

    fn long_division(&self, e: &Expr, var: &Symbol, level: Level, fr: &Fraction) -> Option<Step> {
        let (quotient, remainder) = fr.top.div_rem(&fr.bottom)?;
        let rest = Expr::div(remainder.to_expr(var), fr.bottom_expr.clone());
        let rewritten = Expr::add(vec![quotient.to_expr(var), rest]);
        let inner = self.step(&rewritten, var, level.deeper())?;
        let detail = Detail::Division {
            top_degree: fr.top.degree(),
            bottom_degree: fr.bottom.degree(),
            top: fr.top.to_expr(var),
            divisor: fr.bottom.to_expr(var),
            quotient: quotient.to_expr(var),
            remainder: remainder.to_expr(var),
            rewritten,
        };
        Some(Step::new(
            Rule::LongDivision,
            var,
            e,
            inner.after.clone(),
            detail,
            vec![inner],
        ))
    }

    fn partial_fractions(
        &self,
        e: &Expr,
        var: &Symbol,
        level: Level,
        fr: &Fraction,
        constant: &Number,
        factors: &[(Poly, usize)],
    ) -> Option<Step> {
        let x = Expr::symbol(var.clone());
        let whole = factors
            .iter()
            .fold(Poly::constant(constant.clone()), |acc, (f, m)| {
                acc.mul(&f.pow(*m))
            });
        // One unknown per linear piece, two (Bx + C) per quadratic piece.
        let mut pieces: Vec<Piece> = Vec::new();
        for (f, m) in factors {
            for j in 1..=*m {
                let basis = whole.div_rem(&f.pow(j))?.0;
                let root = (f.degree() == 1 && j == *m).then(|| {
                    f.coefficient(0)
                        .neg()
                        .mul(&f.lead().recip().unwrap_or_else(Number::one))
                });
                let factor = f.to_expr(var);
                let mut shown: Vec<Expr> = factors
                    .iter()
                    .map(|(g, m)| {
                        let k = if g == f { m - j } else { *m };
                        Expr::pow(g.to_expr(var), Expr::int(k as i64))
                    })
                    .collect();
                shown.push(Expr::num(constant.clone()));
                if f.degree() == 2 {
                    let times_x = basis.mul(&Poly::new(vec![Number::zero(), Number::one()]));
                    let mut with_x = shown.clone();
                    with_x.push(x.clone());
                    pieces.push(Piece {
                        basis: times_x,
                        factor: factor.clone(),
                        power: j,
                        root: None,
                        times_x: true,
                        shown: Expr::mul(with_x),
                    });
                }
                pieces.push(Piece {
                    basis,
                    factor,
                    power: j,
                    root,
                    times_x: false,
                    shown: Expr::mul(shown),
                });
            }
        }
        let names: Vec<Symbol> = UNKNOWNS
            .iter()
            .filter(|n| **n != &**var)
            .take(pieces.len())
            .map(|n| Symbol::from(*n))
            .collect();
        if names.len() < pieces.len() {
            return None;
        }
        let values = solve(
            &pieces.iter().map(|p| p.basis.clone()).collect::<Vec<_>>(),
            &fr.top,
        )?;
        let over = |top: Expr, p: &Piece| {
            Expr::div(top, Expr::pow(p.factor.clone(), Expr::int(p.power as i64)))
        };
        let mut template = Vec::new();
        let mut rewritten = Vec::new();
        let mut i = 0;
        while i < pieces.len() {
            let p = &pieces[i];
            if p.times_x {
                let (a, b) = (
                    Expr::symbol(names[i].clone()),
                    Expr::symbol(names[i + 1].clone()),
                );
                template.push(over(Expr::add(vec![Expr::mul(vec![a, x.clone()]), b]), p));
                let top = Expr::add(vec![
                    Expr::mul(vec![Expr::num(values[i].clone()), x.clone()]),
                    Expr::num(values[i + 1].clone()),
                ]);
                rewritten.push(over(top, p));
                i += 2;
            } else {
                template.push(over(Expr::symbol(names[i].clone()), p));
                rewritten.push(over(Expr::num(values[i].clone()), p));
                i += 1;
            }
        }
        let rewritten = Expr::add(rewritten);
        if rewritten == *e {
            return None;
        }
        let cleared = Expr::add(
            pieces
                .iter()
                .zip(&names)
                .map(|(p, n)| Expr::mul(vec![Expr::symbol(n.clone()), p.shown.clone()]))
                .collect(),
        );
        let found = pieces
            .iter()
            .zip(&names)
            .zip(&values)
            .map(|((p, n), v)| Found {
                name: n.clone(),
                value: Expr::num(v.clone()),
                at: p.root.clone().map(Expr::num),
            })
            .collect();
        let factored = Expr::mul(
            std::iter::once(Expr::num(constant.clone()))
                .chain(
                    factors
                        .iter()
                        .map(|(f, m)| Expr::pow(f.to_expr(var), Expr::int(*m as i64))),
                )
                .collect(),
        );
        let inner = self.step(&rewritten, var, level.deeper())?;
        let detail = Detail::PartialFractions {
            factored,
            template: Expr::add(template),
            cleared,
            top: fr.top.to_expr(var),
            found,
            rewritten,
        };
        Some(Step::new(
            Rule::PartialFractions,
            var,
            e,
            inner.after.clone(),
            detail,
            vec![inner],
        ))
    }

    /// A top of degree ≤ 1 over a quadratic with no rational roots: a multiple
    /// of the bottom's slope (which gives a ln) plus a constant over the square
    /// (x + h)² ± k² (which gives arctan, or ln for a minus).
    fn complete_square(
        &self,
        e: &Expr,
        var: &Symbol,
        level: Level,
        top: &Poly,
        bottom: &Poly,
    ) -> Option<Step> {
        let x = Expr::symbol(var.clone());
        let a = bottom.lead();
        let (b, c) = (bottom.coefficient(1), bottom.coefficient(0));
        let slope = bottom.derivative();
        let alpha = top.coefficient(1).mul(&a.mul(&Number::int(2)).recip()?);
        let beta = top.coefficient(0).sub(&alpha.mul(&b));
        let h = b.mul(&a.mul(&Number::int(2)).recip()?);
        let s = c.mul(&a.recip()?).sub(&h.mul(&h));
        let square = Expr::add(vec![
            Expr::pow(Expr::add(vec![x, Expr::num(h)]), Expr::int(2)),
            Expr::num(s),
        ]);
        let bottom_expr = bottom.to_expr(var);
        let mut parts = Vec::new();
        if !alpha.is_zero() {
            parts.push(Expr::mul(vec![
                Expr::num(alpha),
                slope.to_expr(var),
                Expr::recip(bottom_expr.clone()),
            ]));
        }
        if !beta.is_zero() {
            parts.push(Expr::div(Expr::num(beta.mul(&a.recip()?)), square.clone()));
        }
        let rewritten = Expr::add(parts);
        if rewritten == *e {
            return None;
        }
        let inner = self.step(&rewritten, var, level.deeper())?;
        let detail = Detail::CompleteSquare {
            bottom: bottom_expr,
            square,
            rewritten,
        };
        Some(Step::new(
            Rule::CompleteSquare,
            var,
            e,
            inner.after.clone(),
            detail,
            vec![inner],
        ))
    }
}

/// Whether `p` is a nonzero constant times `q`.
fn is_multiple(p: &Poly, q: &Poly) -> bool {
    if p.is_zero() || q.is_zero() || p.degree() != q.degree() {
        return false;
    }
    match q.lead().recip() {
        Some(r) => q.scale(&p.lead().mul(&r)) == *p,
        None => false,
    }
}

/// The numbers c with Σ cᵢ·basisᵢ = target (as polynomials), by Gaussian elimination.
fn solve(basis: &[Poly], target: &Poly) -> Option<Vec<Number>> {
    let n = basis.len();
    let mut rows: Vec<Vec<Number>> = (0..n)
        .map(|k| {
            let mut row: Vec<Number> = basis.iter().map(|b| b.coefficient(k)).collect();
            row.push(target.coefficient(k));
            row
        })
        .collect();
    if target.degree() >= n && !target.is_zero() {
        return None;
    }
    for col in 0..n {
        let pivot = (col..n).find(|&r| !rows[r][col].is_zero())?;
        rows.swap(col, pivot);
        let inv = rows[col][col].recip()?;
        let pivot_row: Vec<Number> = rows[col].iter().map(|v| v.mul(&inv)).collect();
        rows[col] = pivot_row.clone();
        for (r, row) in rows.iter_mut().enumerate() {
            if r != col && !row[col].is_zero() {
                let factor = row[col].clone();
                for (v, p) in row.iter_mut().zip(&pivot_row) {
                    *v = v.sub(&p.mul(&factor));
                }
            }
        }
    }
    Some(rows.into_iter().map(|r| r[n].clone()).collect())
}
