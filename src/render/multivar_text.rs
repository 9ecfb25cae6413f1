//! The text answer to a many-variable question: each partial's steps, then vectors and matrices.

mod motion;

use super::matrix::{matrix, tuple};
use super::note_text;
use super::readings;
use super::text::{
    decimal, decimal_after, decimals_after, matrix_decimals, operand, steps_text, TextOptions,
};
use crate::calculus::multivar::{Derivation, Direction, Directional, GradientAt, Value};
use crate::calculus::Step;
use crate::engine::{Headline, MatrixAt, MultivarAnswer, Outcome, Swapped};
use crate::expr::{Expr, Kind, Style, Symbol};
use crate::syntax::reading_of_statement;
use colored::Colorize;
use std::cell::Cell;

pub(super) fn render(outcome: &Outcome, answer: &MultivarAnswer, options: TextOptions) -> String {
    let mut t = Text {
        out: String::new(),
        options,
        style: options.style(),
        shortened: Cell::new(false),
    };
    if options.quiet {
        t.quiet(answer);
        return t.out;
    }
    t.style = t.style.with_budget(ENTRY_BUDGET);
    t.line(&format!(
        "{} {}",
        "Reading:".bold(),
        reading_of_statement(&outcome.statement, options.unicode)
    ));
    for n in &outcome.notes {
        t.line(&format!(
            "{} {}",
            "Note:".yellow().bold(),
            note_text(n, options.unicode)
        ));
    }
    match answer {
        MultivarAnswer::MixedPartial {
            body,
            derivation,
            swapped,
        } => t.mixed(body, derivation, swapped.as_ref()),
        MultivarAnswer::Gradient {
            body,
            name,
            vars,
            partials,
            at,
        } => t.gradient(body, name.as_ref(), vars, partials, at.as_ref()),
        MultivarAnswer::Directional {
            body,
            name,
            vars,
            partials,
            directional,
        } => t.directional(body, name.as_ref(), vars, partials, directional),
        MultivarAnswer::Jacobian {
            outputs,
            vars,
            rows,
            at,
        } => t.jacobian(outputs, vars, rows, at.as_ref()),
        MultivarAnswer::Hessian {
            body,
            name,
            vars,
            rows,
            symmetric,
            same_forms,
            flat_spot,
            at,
        } => {
            let name = name.as_ref();
            t.hessian(
                body,
                name,
                vars,
                rows,
                (*symmetric, *same_forms),
                at.as_ref(),
            );
            if let (Some(spot), Some(at)) = (flat_spot, at) {
                let point = t.vector(&at.point);
                let f = readings::function_name(name);
                t.meaning(&readings::flat_spot(&f, &point, *spot));
            }
        }
        MultivarAnswer::Motion { motion, named } => t.motion(motion, named.as_ref()),
        MultivarAnswer::Literal {
            rows,
            matrix: false,
            decimals: decimals @ Some(_),
        } => {
            // A vector of numbers is a value, as f(2) is: exact, then decimals when not whole.
            let exact = rows.first().map_or(&[][..], Vec::as_slice);
            let mut shown = t.vector(exact);
            if let Some(d) = decimals_after(exact, decimals.clone()) {
                shown.push_str(&format!(" ≈ {}", tuple(&d)));
            }
            t.line(&format!("{} {}", "Value:".bold(), shown.green().bold()));
        }
        MultivarAnswer::Literal { .. } => {
            let label = format!("{} ", "Simplified:".bold());
            t.headline(answer, &label, true);
        }
    }
    if t.shortened.get() {
        t.line(&format!(
            "{}",
            "(long entries are shortened here; nudge -q prints them whole)".dimmed()
        ));
    }
    t.out
}

/// Longest entry of a vector or matrix shown in full text, in characters.
const ENTRY_BUDGET: usize = 400;

struct Text {
    out: String,
    options: TextOptions,
    style: Style,
    /// Whether some expression was cut short by the budget.
    shortened: Cell<bool>,
}

impl Text {
    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn show(&self, e: &Expr) -> String {
        let text = e.to_text(self.style);
        if self.style.budget.is_some() && text.contains('…') {
            self.shortened.set(true);
        }
        text
    }

    fn operand(&self, e: &Expr) -> String {
        let text = operand(e, self.style);
        if self.style.budget.is_some() && text.contains('…') {
            self.shortened.set(true);
        }
        text
    }

    fn var(&self, v: &Symbol) -> String {
        self.show(&Expr::symbol(v.clone()))
    }

    fn vars(&self, vars: &[Symbol]) -> String {
        vars.iter()
            .map(|v| self.var(v))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn vector(&self, entries: &[Expr]) -> String {
        tuple(&entries.iter().map(|e| self.show(e)).collect::<Vec<_>>())
    }

    fn values(&self, values: &[Value]) -> String {
        self.vector(&values.iter().map(|v| v.exact.clone()).collect::<Vec<_>>())
    }

    fn decimals(&self, values: &[f64]) -> String {
        tuple(&values.iter().map(|v| decimal(*v)).collect::<Vec<_>>())
    }

    /// An exact value, with its decimal when it has one and is not a whole number.
    fn approx(&self, exact: &Expr, approx: Option<f64>) -> String {
        let shown = self.show(exact);
        match decimal_after(exact, approx) {
            Some(d) => format!("{shown} ≈ {d}"),
            None => shown,
        }
    }

    fn meaning(&mut self, text: &str) {
        self.line(&format!("{} {text}", "Meaning:".bold()));
    }

    fn result(&mut self, lhs: &str, rhs: &str) {
        self.line(&format!("{lhs} = {}", rhs.green().bold()));
    }

    fn steps(&mut self, derivation: &Derivation, partial: bool) {
        let text = steps_text(&derivation.steps, partial, self.options);
        self.out.push_str(&text);
    }

    /// `∂²/∂x∂y` for ∂/∂y first, then ∂/∂x; `∂/∂x` for one variable.
    fn partial_op(&self, vars: &[Symbol]) -> String {
        let d = if self.style.unicode { "∂" } else { "d" };
        let mut bottom = String::new();
        for v in vars.iter().rev() {
            bottom.push_str(&format!("{d}{}", self.var(v)));
        }
        let same = vars.len() == 2 && vars[0] == vars[1];
        match vars.len() {
            1 => format!("{d}/{bottom}"),
            2 if same && self.style.unicode => format!("{d}²/{d}{}²", self.var(&vars[0])),
            2 if same => format!("{d}^2/{d}{}^2", self.var(&vars[0])),
            2 if self.style.unicode => format!("{d}²/{bottom}"),
            n => format!("{d}^{n}/{bottom}"),
        }
    }

    fn quiet(&mut self, answer: &MultivarAnswer) {
        match answer {
            MultivarAnswer::Directional { directional, .. } => {
                let r = self.approx(&directional.value.exact, Some(directional.value.approx));
                self.line(&r);
            }
            _ => self.headline(answer, "", false),
        }
    }

    /// The final answer on its own: an expression, a vector, or a matrix behind `label`.
    fn headline(&mut self, answer: &MultivarAnswer, label: &str, colour: bool) {
        let paint = |s: String| {
            if colour {
                s.green().bold().to_string()
            } else {
                s
            }
        };
        match answer.headline() {
            Headline::Scalar(e) => {
                let r = paint(self.show(&e));
                self.line(&format!("{label}{r}"));
            }
            Headline::Vector(v) => {
                let r = paint(self.vector(&v));
                self.line(&format!("{label}{r}"));
            }
            Headline::Matrix(m) => {
                let cells: Vec<Vec<String>> = m
                    .iter()
                    .map(|row| row.iter().map(|e| self.show(e)).collect())
                    .collect();
                for l in matrix(label, &cells, self.style.unicode) {
                    self.line(&paint(l));
                }
            }
        }
    }

    fn mixed(&mut self, body: &Expr, derivation: &Derivation, swapped: Option<&Swapped>) {
        if let [first, second] = derivation.vars.as_slice() {
            let order = readings::mixed_order(&self.var(first), &self.var(second));
            self.line(&order);
        }
        self.out.push('\n');
        self.steps(derivation, true);
        self.out.push('\n');
        let lhs = format!(
            "{} {}",
            self.partial_op(&derivation.vars),
            self.operand(body)
        );
        let r = self.show(&derivation.result);
        self.result(&lhs, &r);
        if let Some(other) = swapped {
            let reversed: Vec<Symbol> = derivation.vars.iter().rev().cloned().collect();
            let op = self.partial_op(&reversed);
            let text = readings::mixed_check(&op, &self.show(&other.result), other);
            self.meaning(&text);
        }
    }

    /// `f = x² + y², with variables x, y`: `name` is the learner's name for the function.
    fn introduce(&mut self, body: &Expr, name: Option<&Symbol>, vars: &[Symbol]) {
        let f = readings::function_name(name);
        let shown = self.show(body);
        let names = self.vars(vars);
        self.line(&format!(
            "{f} = {shown}, with variables {names} (in this order)."
        ));
    }

    /// ∇, spelled `grad ` in ASCII.
    fn nabla(&self) -> &'static str {
        if self.style.unicode {
            "∇"
        } else {
            "grad "
        }
    }

    fn gradient(
        &mut self,
        body: &Expr,
        name: Option<&Symbol>,
        vars: &[Symbol],
        partials: &[Derivation],
        at: Option<&GradientAt>,
    ) {
        self.introduce(body, name, vars);
        let f = readings::function_name(name);
        self.line(&readings::gradient(&f));
        for d in partials {
            self.out.push('\n');
            self.steps(d, true);
        }
        self.out.push('\n');
        let nabla = self.nabla();
        // ∇f as the learner wrote it; a formula typed out is named by itself.
        let lhs = match name {
            Some(_) => format!("{nabla}{f}"),
            None => format!("{}({})", nabla.trim_end(), self.show(body)),
        };
        let r = self.vector(&results(partials));
        self.result(&lhs, &r);
        if let Some(at) = at {
            self.out.push('\n');
            self.gradient_at(at, &f, &format!("{nabla}{f}"));
        }
    }

    fn gradient_at(&mut self, at: &GradientAt, f: &str, nabla: &str) {
        let point = self.vector(&at.point);
        self.line(&format!("At {point}:"));
        let v = self.values(&at.vector);
        self.line(&format!("  {nabla} = {}", v.green().bold()));
        let squares: Vec<String> = at.vector.iter().map(|g| self.squared(&g.exact)).collect();
        let root = if self.style.unicode { "√" } else { "sqrt" };
        self.line(&format!(
            "  length: |{nabla}| = {root}({}) = {}",
            squares.join(" + "),
            self.approx(&at.length.exact, Some(at.length.approx))
        ));
        match &at.direction {
            Some(dir) => {
                let shown = self.direction(dir);
                self.line(&format!("  steepest ascent: {nabla}/|{nabla}| = {shown}"));
                let minus = if self.style.unicode { "−" } else { "-" };
                let down = self.vector(&at.descent);
                self.line(&format!("  steepest descent: {minus}{nabla} = {down}"));
                let along = self.direction_exact(dir);
                let rate = decimal((at.length.approx * 100.0).round() / 100.0);
                let descent = format!("{minus}{nabla}");
                self.meaning(&readings::steepest(f, &point, &along, &rate, &descent));
            }
            None => self.meaning(&readings::flat(&point)),
        }
    }

    /// `(1, 2)/√5 ≈ (0.447214, 0.894427)`.
    fn direction(&self, dir: &Direction) -> String {
        let exact = self.direction_exact(dir);
        format!("{exact} ≈ {}", self.decimals(&dir.unit))
    }

    fn direction_exact(&self, dir: &Direction) -> String {
        let along = self.vector(&dir.along);
        if dir.norm.is_one() {
            along
        } else {
            format!("{along}/{}", self.operand_of_division(&dir.norm))
        }
    }

    /// `e` after a `/`: bracketed unless it is a whole number, a variable or a plain root.
    fn operand_of_division(&self, e: &Expr) -> String {
        let text = self.show(e);
        let plain = |x: &Expr| match x.kind() {
            Kind::Num(n) => n.is_integer() && !n.is_negative(),
            Kind::Var(_) | Kind::Const(_) => true,
            _ => false,
        };
        let atomic = plain(e) || matches!(e.kind(), Kind::Pow(_, x) if x == &Expr::ratio(1, 2));
        if atomic {
            text
        } else {
            format!("({text})")
        }
    }

    fn squared(&self, e: &Expr) -> String {
        let text = self.show(e);
        let bare = match e.kind() {
            Kind::Num(n) => n.is_integer() && !n.is_negative(),
            Kind::Var(_) | Kind::Const(_) => true,
            _ => false,
        };
        let text = if bare { text } else { format!("({text})") };
        if self.style.unicode {
            format!("{text}²")
        } else {
            format!("{text}^2")
        }
    }

    fn directional(
        &mut self,
        body: &Expr,
        name: Option<&Symbol>,
        vars: &[Symbol],
        partials: &[Derivation],
        d: &Directional,
    ) {
        self.introduce(body, name, vars);
        let f = readings::function_name(name);
        self.line(&readings::directional(&f));
        for p in partials {
            self.out.push('\n');
            self.steps(p, true);
        }
        self.out.push('\n');
        let nabla = format!("{}{f}", self.nabla());
        let point = self.vector(&d.at.point);
        let g = self.values(&d.at.vector);
        self.line(&format!("At {point}: {nabla} = {g}"));
        let along = self.vector(&d.along);
        let root = if self.style.unicode { "√" } else { "sqrt" };
        let squares: Vec<String> = d.along.iter().map(|a| self.squared(a)).collect();
        self.line(&format!(
            "Direction {along}: its length is {root}({}) = {}, so u = {}",
            squares.join(" + "),
            self.show(&d.length_of_along),
            self.direction(&d.unit)
        ));
        let dot = if self.style.unicode { "·" } else { "*" };
        let products: Vec<String> =
            d.at.vector
                .iter()
                .zip(&d.along)
                .map(|(g, a)| format!("{}{dot}{}", self.operand(&g.exact), self.operand(a)))
                .collect();
        let length = self.operand_of_division(&d.length_of_along);
        self.line(&format!(
            "{nabla} {dot} u = ({})/{length} = {}/{length}",
            products.join(" + "),
            self.operand_of_division(&d.dot),
        ));
        self.out.push('\n');
        let lhs = format!("{nabla} {dot} u");
        let r = self.approx(&d.value.exact, Some(d.value.approx));
        self.result(&lhs, &r);
        self.meaning(&readings::directional_sign(&f, d.value.approx));
    }

    fn cells(&self, rows: &[Vec<Derivation>], at: Option<&MatrixAt>) -> Vec<Vec<String>> {
        match at {
            Some(at) => at
                .values
                .iter()
                .map(|row| row.iter().map(|v| self.show(&v.exact)).collect())
                .collect(),
            None => rows
                .iter()
                .map(|row| row.iter().map(|d| self.show(&d.result)).collect())
                .collect(),
        }
    }

    fn show_matrix(&mut self, name: &str, rows: &[Vec<Derivation>], at: Option<&MatrixAt>) {
        let cells = self.cells(rows, None);
        for l in matrix(&format!("{name} = "), &cells, self.style.unicode) {
            self.line(&l.green().bold().to_string());
        }
        if let Some(at) = at {
            let point = self.vector(&at.point);
            self.out.push('\n');
            let cells = self.cells(rows, Some(at));
            for l in matrix(
                &format!("At {point}: {name} = "),
                &cells,
                self.style.unicode,
            ) {
                self.line(&l.green().bold().to_string());
            }
            if let Some(cells) = matrix_decimals(&at.values) {
                let pad = " ".repeat(format!("At {point}: {name} ").chars().count());
                for l in matrix(&format!("{pad}≈ "), &cells, self.style.unicode) {
                    self.line(&l);
                }
            }
        }
    }

    fn jacobian(
        &mut self,
        outputs: &[Expr],
        vars: &[Symbol],
        rows: &[Vec<Derivation>],
        at: Option<&MatrixAt>,
    ) {
        let names = self.vars(vars);
        self.line(&format!("Inputs (columns): {names}."));
        self.line(readings::JACOBIAN);
        for (i, (f, row)) in outputs.iter().zip(rows).enumerate() {
            self.out.push('\n');
            let f = self.show(f);
            self.line(&format!("{} {f}:", format!("Row {}, output", i + 1).bold()));
            for (j, d) in row.iter().enumerate() {
                for step in &d.steps {
                    self.indented(step, &format!("column {}: ", j + 1), true);
                }
            }
        }
        self.out.push('\n');
        self.show_matrix("J", rows, at);
    }

    fn hessian(
        &mut self,
        body: &Expr,
        name: Option<&Symbol>,
        vars: &[Symbol],
        rows: &[Vec<Derivation>],
        (symmetric, same_forms): (bool, bool),
        at: Option<&MatrixAt>,
    ) {
        self.introduce(body, name, vars);
        let f = readings::function_name(name);
        self.line(&readings::hessian(&f));
        for (i, row) in rows.iter().enumerate() {
            self.out.push('\n');
            let d = if self.style.unicode { "∂" } else { "d" };
            let first = format!("{d}{f}/{d}{}", self.var(&vars[i]));
            self.line(&format!(
                "{}",
                format!("Row {}, the slopes of {first}:", i + 1).bold()
            ));
            if let Some(step) = row.first().and_then(|e| inner_step(e, 0)) {
                self.indented(step, "", true);
            }
            for (j, entry) in row.iter().enumerate() {
                if symmetric && j < i {
                    continue;
                }
                if let Some(step) = inner_step(entry, 1) {
                    self.indented(step, &format!("column {}: ", j + 1), true);
                }
            }
        }
        if symmetric && rows.len() > 1 {
            self.out.push('\n');
            self.line(readings::HESSIAN_MIRROR);
        }
        self.out.push('\n');
        self.show_matrix("H", rows, at);
        if symmetric && rows.len() > 1 {
            self.meaning(readings::hessian_symmetric(same_forms));
        }
        self.meaning(readings::HESSIAN_USE);
    }

    /// One step tree, two spaces in, its first line labelled.
    fn indented(&mut self, step: &Step, label: &str, partial: bool) {
        let text = steps_text(std::slice::from_ref(step), partial, self.options);
        for (k, l) in text.lines().enumerate() {
            let front = if k == 0 { label } else { "" };
            self.line(&format!("  {front}{l}"));
        }
    }
}

/// The step of derivative `n` inside its "derivative n of 2" wrapper.
pub(super) fn inner_step(entry: &Derivation, n: usize) -> Option<&Step> {
    let step = entry.steps.get(n)?;
    Some(step.substeps.first().unwrap_or(step))
}

fn results(partials: &[Derivation]) -> Vec<Expr> {
    partials.iter().map(|d| d.result.clone()).collect()
}
