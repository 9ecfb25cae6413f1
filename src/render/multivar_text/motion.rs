//! The text answer for a moving point: each coordinate's steps, velocity and acceleration,
//! speed, and the values at one time.

use super::{readings, results, Text};
use crate::calculus::motion::{Length, Motion, MotionAt};
use crate::calculus::multivar::Exact;
use crate::engine::Named;
use crate::explain::doc::Math;
use crate::expr::{Expr, Kind};
use crate::present::text::plain_line;
use crate::render::matrix::tuple;
use crate::render::session;
use crate::render::text::{decimals_after, operator};
use colored::Colorize;

impl Text {
    pub(super) fn motion(&mut self, m: &Motion, named: Option<&Named>) {
        if m.order == 0 {
            // The length of the point itself: where it is, then how far from the origin.
            let lhs = self.motion_label(m, named, 0);
            let r = self.vector(&m.components);
            self.line(&format!("{lhs} = {r}"));
        } else {
            self.derivatives(m, named);
        }
        if let Some(length) = &m.length {
            self.out.push('\n');
            self.length(m, length, named);
        }
        if let Some(at) = &m.at {
            self.out.push('\n');
            self.motion_at(m, at, named);
        }
    }

    /// Each coordinate's steps, the velocity before an acceleration, and the result.
    fn derivatives(&mut self, m: &Motion, named: Option<&Named>) {
        if let Some(n) = named {
            let formula = Math::Tuple(m.components.clone());
            let intro = crate::explain::derivative::intro(n, formula, &m.var, m.order, false);
            self.line(&plain_line(&intro, self.style.unicode));
        }
        self.line("Each coordinate is differentiated on its own.");
        for (i, d) in m.derivatives.iter().enumerate() {
            self.out.push('\n');
            self.line(&format!("{}", format!("Coordinate {}:", i + 1).bold()));
            for step in &d.steps {
                self.indented(step, "", false);
            }
        }
        self.out.push('\n');
        // Before an acceleration, the velocity it comes from.
        for k in 1..m.order {
            if let Some(word) = readings::motion_word(&m.var, k) {
                let middle: Vec<Expr> = m
                    .derivatives
                    .iter()
                    .filter_map(|d| d.steps.get(k as usize - 1).map(|s| s.after.clone()))
                    .collect();
                let lhs = self.motion_label(m, named, k);
                let v = self.vector(&middle);
                self.line(&format!("{word}: {lhs} = {v}"));
            }
        }
        let word = readings::motion_word(&m.var, m.order)
            .map(|w| format!("{w}: "))
            .unwrap_or_default();
        let lhs = format!("{word}{}", self.motion_label(m, named, m.order));
        let r = self.vector(&motion_results(m));
        self.result(&lhs, &r);
        if let Some(reading) = readings::time(&m.var, m.order) {
            self.meaning(reading);
        }
    }

    /// `r′(t)`, `dr/dt`, or `d/dt (cos(t), sin(t), t)` for derivative `order`.
    fn motion_label(&self, m: &Motion, named: Option<&Named>, order: u32) -> String {
        match named {
            Some(n) => session::label(n, &m.var, order, false, self.style),
            None => {
                let op = operator(&m.var, order, false, self.style.unicode);
                format!("{op} {}", self.vector(&m.components))
            }
        }
    }

    fn length(&mut self, m: &Motion, length: &Length, named: Option<&Named>) {
        let word = if m.order == 1 && readings::time(&m.var, 1).is_some() {
            "speed"
        } else {
            "length"
        };
        if word == "speed" {
            self.line(readings::SPEED);
        } else if m.order == 0 {
            self.line(readings::DISTANCE);
        }
        let root = if self.style.unicode { "√" } else { "sqrt" };
        let squares: Vec<String> = motion_results(m).iter().map(|e| self.squared(e)).collect();
        let mut forms = vec![
            format!("{root}({})", squares.join(" + ")),
            format!("{root}({})", self.show(&length.squares)),
        ];
        if let Some(tidied) = &length.tidied {
            let shown = self.show(tidied);
            let plain = self.style.unicode
                && (tidied.as_number().is_some() || matches!(tidied.kind(), Kind::Var(_)));
            forms.push(if plain {
                format!("{root}{shown}")
            } else {
                format!("{root}({shown})")
            });
        }
        forms.push(self.show(&length.result));
        forms.dedup();
        let mut chain = forms.join(" = ");
        if length.tidied.is_some() {
            chain.push_str(&format!(
                "   ({})",
                readings::pythagoras(self.style.unicode)
            ));
        }
        self.line(&format!("{word}: {chain}"));
        let r = self.approx(&length.result, length.value);
        let lhs = format!("|{}|", self.motion_label(m, named, m.order));
        self.result(&lhs, &r);
    }

    /// `At t = 2: r′(2) = (-sin(2), cos(2), 1) ≈ (…)`, and the length there.
    fn motion_at(&mut self, m: &Motion, at: &MotionAt, named: Option<&Named>) {
        let place = format!("At {} = {}:", self.var(&m.var), self.show(&at.value));
        let label = match named {
            Some(Named::Prime { name, .. }) => {
                let here = Named::Prime {
                    name: name.clone(),
                    arg: at.value.clone(),
                };
                session::label(&here, &m.var, m.order, false, self.style)
            }
            _ => self.motion_label(m, named, m.order),
        };
        let exact = Exact::exacts(&at.vector);
        let shown = match decimals_after(&exact, Exact::decimals(&at.vector)) {
            Some(d) => format!("{} ≈ {}", self.vector(&exact), tuple(&d)),
            None => self.vector(&exact),
        };
        match &at.length {
            None => self.line(&format!(
                "{} {label} = {}",
                place.bold(),
                shown.green().bold()
            )),
            Some(length) => {
                self.line(&format!("{} {label} = {shown}", place.bold()));
                let lhs = format!("{} |{label}|", place.bold());
                let r = self.approx(&length.exact, length.approx);
                self.result(&lhs, &r);
            }
        }
    }
}

fn motion_results(m: &Motion) -> Vec<Expr> {
    results(&m.derivatives)
}
