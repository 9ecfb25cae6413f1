//! README's "JSON output" table is the contract: every line the binary writes for a list of
//! queries covering every kind has exactly the fields its row documents, in that order, every
//! object a field holds (`{"derivative", "method"}`, `[{"rate", "verdict", …}]`, PARTIAL, AT)
//! has the keys listed for it, and every documented field, key and kind turns up.

use assert_cmd::Command;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// One query or more of every kind, in one session (names defined before their use).
const QUERIES: &str = "\
d/dx x^2 sin(x)
d/dx 1/(1 + e^(-x))
∂/∂x (x^2 y)
f(x) = x^3
f'(x)
d/dt (t^2 + 3t)
x^2 + y
2 + 3
f'(2)
x^2 at x = 2
∫ x e^x dx
∫_0^1 x^2 dx
∫_0^1 e^(-x^2) dx
∫_1^inf 1/x^2 dx
read dy/dx
r(t) = (cos t, sin t, t)
defs
undef r
help
check d/dx sin(x^2) = cos(x^2)
check d/dx x^2 = 2x
∂²/∂x∂y x^2 y^3
∂²/∂x∂y x^3 y^2 at (1, 2)
g(x, y) = x^3 + x y^2
grad g at (1, 2)
grad x^2 y
grad logsumexp(z1, z2, z3)
jacobian(softmax(z1, z2, z3))
grad x^2 + y^2 at (0, 0)
ddir g at (1, 2) along (1, 1)
jacobian([x^2 y, 5x + sin y], [x, y]) at (1, 0)
hessian g at (1, 0)
hessian x^2 + y^2 at (0, 0)
s(t) = (cos t, sin t, t)
s'(t)
|s'(t)|
|s(2)|
d/dt (t, t^2) at t = 2
p(t) = (p0 + v0 t, t^2)
p'(2)
(1, 2)
[[1, x], [0, y]]
nudge x^2 at x = 1
nudge |x| at x = 0
tangent x^2 at x = 1
limit sin(x)/x as x -> 0
limit (cos(x) - 1 + x^2/2)/x^4 as x -> 0
limit 1/x as x -> 0
plot x^3, d/dx x^3
contour x^2 + y^2 at (1, 1)
a, x: vector(3)
read ∇_x ‖x‖²
(1/n) sum_i (y_i - w x_i)^2
∂/∂w_j Σ_i w_i x_i
d/dw \\sum_{i=1}^{3} (y_i - w x_i)^2
grad (1/n) Σ_i (y_i - (w x_i + b))^2
∂/∂x a^T x
descend (w - 3)^2 from w = 0 rate 0.1
u = 2
y = 1
z = w u + c
q = σ(z)
L = (q - y)^2
dL/dw
dL/dw at w = 0.5, c = 0.1
backprop L at w = 0.5, c = 0.1
descend L from w = 0.5, c = 0.1 rate 0.5 steps 3
lessons
lesson 3
1/0
sin(
reset
quit
";

/// A documented field: its name, and whether it may be left out.
#[derive(Clone, Debug, PartialEq)]
struct Field {
    name: String,
    optional: bool,
}

/// One row of the table: the kinds it is for, and their fields in order. `at_point` is the
/// row of a value at a point, whose middle is another kind's fields (`…`).
#[derive(Debug)]
struct Row {
    label: String,
    kinds: Vec<String>,
    fields: Vec<Field>,
    at_point: bool,
    /// The keys documented for a field that holds an object or a list of them, by field name.
    nested: BTreeMap<String, Vec<Field>>,
}

/// The keys of an object spec such as `{"point": [expr], "direction": {"along"}|null,
/// "exact"?: expr}`, in order, `?` marking optional ones; keys of objects inside it are not
/// its own. None for a map whose keys are names (`{"x": expr}`), or for no object at all.
fn object_keys(spec: &str) -> Option<Vec<Field>> {
    let start = spec.find('{')?;
    if spec[..start].contains(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let (mut keys, mut depth, mut key) = (Vec::new(), 0i32, None::<String>);
    let mut chars = spec[start..].chars().peekable();
    // A quoted word is a key after `{` or `,`; after `:` or `|` it is a value (`"exact"`).
    let mut last = ' ';
    while let Some(c) = chars.next() {
        let before = last;
        if !c.is_whitespace() {
            last = c;
        }
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' => depth -= 1,
            '"' if depth == 1 && matches!(before, '{' | ',') => {
                let name: String = chars.by_ref().take_while(|&c| c != '"').collect();
                last = '"';
                let optional = chars.peek() == Some(&'?');
                key = Some(name.clone());
                keys.push(Field { name, optional });
            }
            '"' => {
                // A value's quoted word (`"exact"`), or a key of an inner object: skipped whole.
                chars.by_ref().take_while(|&c| c != '"').for_each(drop);
                last = '"';
            }
            _ => {}
        }
        if depth == 0 {
            break;
        }
    }
    let map = keys.len() == 1 && key.is_some_and(|k| k.chars().count() == 1);
    (!keys.is_empty() && !map).then_some(keys)
}

/// The objects PARTIAL, AT and VAL, as the paragraph under the table defines them.
fn named_objects(section: &str) -> BTreeMap<String, Vec<Field>> {
    ["PARTIAL", "AT", "VAL"]
        .into_iter()
        .map(|name| {
            let after = section
                .split(&format!("{name} is"))
                .nth(1)
                .unwrap_or_else(|| panic!("README defines {name}"));
            let spec = after.split('`').nth(1).expect("its object in backticks");
            (name.to_string(), object_keys(spec).expect("an object"))
        })
        .collect()
}

/// The names in backticks in `text`.
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The items of a fields cell: split at commas outside backticks and brackets, up to a `;`
/// outside them (what follows is prose about the values).
fn items(cell: &str) -> Vec<String> {
    let (mut items, mut item) = (Vec::new(), String::new());
    let (mut depth, mut quoted) = (0i32, false);
    for c in cell.chars() {
        match c {
            '`' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => depth += 1,
            ')' | ']' | '}' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                items.push(std::mem::take(&mut item));
                continue;
            }
            ';' if !quoted && depth == 0 => break,
            _ => {}
        }
        item.push(c);
    }
    items.push(item);
    items.into_iter().map(|i| i.trim().to_string()).collect()
}

/// The table in README's "JSON output" section.
fn documented() -> Vec<Row> {
    let readme = include_str!("../README.md");
    let section = readme
        .split("\n## JSON output\n")
        .nth(1)
        .expect("a JSON output section")
        .split("\n## ")
        .next()
        .expect("its text");
    let named = named_objects(section);
    let table = section
        .split("| kind | fields, in order |\n|---|---|\n")
        .nth(1)
        .expect("the table of kinds")
        .split("\n\n")
        .next()
        .expect("its rows");
    table
        .lines()
        .map(|line| {
            let line = line.trim_start_matches("| ").trim_end_matches(" |");
            let (label, cell) = line.split_once(" | ").expect("two cells");
            let kinds = match backticked(label) {
                named if named.is_empty() => vec![label.to_string()],
                named => named,
            };
            let mut nested = BTreeMap::new();
            for item in items(cell) {
                let ticked = backticked(&item);
                let Some(name) = ticked.first() else { continue };
                let spec = ticked
                    .get(1)
                    .and_then(|spec| object_keys(spec))
                    .or_else(|| {
                        let kind = item.split('`').nth(2)?;
                        let word = kind
                            .split(|c: char| !c.is_ascii_uppercase())
                            .find(|w| !w.is_empty())?;
                        named.get(word).filter(|_| word != "STEP").cloned()
                    });
                if let Some(keys) = spec {
                    nested.insert(name.clone(), keys);
                }
            }
            let fields = items(cell)
                .iter()
                .filter_map(|item| {
                    let rest = item.strip_prefix('`')?;
                    let (name, after) = rest.split_once('`')?;
                    let plain = name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
                    plain.then(|| Field {
                        name: name.to_string(),
                        optional: after.starts_with('?'),
                    })
                })
                .collect();
            Row {
                label: label.to_string(),
                kinds,
                fields,
                at_point: label.contains("at a point"),
                nested,
            }
        })
        .collect()
}

/// Whether `keys` are `fields` in order, with only optional ones left out; the fields seen
/// go into `seen`.
fn follows(keys: &[&str], fields: &[Field], seen: &mut BTreeSet<String>) -> bool {
    let mut keys = keys.iter().peekable();
    let mut matched = Vec::new();
    for field in fields {
        if keys.peek() == Some(&&field.name.as_str()) {
            keys.next();
            matched.push(field.name.clone());
        } else if !field.optional {
            return false;
        }
    }
    let whole = keys.next().is_none();
    if whole {
        seen.extend(matched);
    }
    whole
}

/// The keys of an answer line between `kind` (and `reading`) and `notes`, with
/// `steps_omitted` (which follows a left-out `steps`) taken out.
fn own_keys(line: &Map<String, Value>) -> Vec<&str> {
    let keys: Vec<&str> = line.keys().map(String::as_str).collect();
    assert_eq!(keys[..2], ["input", "kind"], "{line:?}");
    let mut keys = &keys[2..];
    if keys.first() == Some(&"reading") {
        keys = &keys[1..];
    }
    if keys.last() == Some(&"notes") {
        keys = &keys[..keys.len() - 1];
    }
    keys.iter()
        .copied()
        .filter(|k| *k != "steps_omitted")
        .collect()
}

/// The head fields every answer with a value opens with, which a value at a point has itself.
const HEAD: [&str; 3] = ["result", "unicode", "latex"];

/// Which row an answer line follows, by its label; panics naming the line when none does.
fn row_of<'r>(
    line: &Map<String, Value>,
    rows: &'r [Row],
    seen: &mut BTreeMap<String, BTreeSet<String>>,
) -> &'r Row {
    let kind = line["kind"].as_str().expect("a kind");
    let keys = own_keys(line);
    for row in rows.iter().filter(|r| r.kinds.iter().any(|k| k == kind)) {
        let mut found = BTreeSet::new();
        let fits = if row.at_point {
            // The answer taken at the point: its own fields, then `at` and `value`, which it
            // may have already (a directional derivative's `at` and `value` keep their place).
            keys.contains(&"at")
                && rows.iter().filter(|r| !r.at_point).any(|inner| {
                    let mut fields: Vec<Field> = row.fields[..3].to_vec();
                    fields.extend(
                        inner
                            .fields
                            .iter()
                            .filter(|f| !HEAD.contains(&&*f.name))
                            .cloned(),
                    );
                    fields.extend(row.fields[3..].iter().map(|f| Field {
                        optional: true,
                        ..f.clone()
                    }));
                    follows(&keys, &fields, &mut found)
                })
        } else {
            follows(&keys, &row.fields, &mut found)
        };
        if fits {
            seen.entry(row.label.clone()).or_default().extend(found);
            return row;
        }
    }
    panic!("a {kind} line whose fields {keys:?} follow no row of README's JSON table");
}

/// Every object a documented field holds, in lists or lists of lists as well, has the keys
/// the README lists for it, in order; `where` names the field for the failure.
fn check_nested(value: &Value, keys: &[Field], place: &str, seen: &mut BTreeSet<String>) {
    match value {
        Value::Object(object) => {
            let found: Vec<&str> = object.keys().map(String::as_str).collect();
            assert!(
                follows(&found, keys, seen),
                "{place} holds {found:?}, not README's {:?}",
                keys.iter().map(|k| &k.name).collect::<Vec<_>>()
            );
        }
        Value::Array(items) => {
            for item in items {
                check_nested(item, keys, place, seen);
            }
        }
        _ => {}
    }
}

/// Every step, at any depth, has the fields of README's STEP row.
fn check_steps(steps: &Value, step_row: &Row, seen: &mut BTreeSet<String>) {
    for step in steps.as_array().expect("steps are a list") {
        let step = step.as_object().expect("a step is an object");
        let keys: Vec<&str> = step.keys().map(String::as_str).collect();
        assert!(
            follows(&keys, &step_row.fields, seen),
            "a step {keys:?} is not README's STEP"
        );
        check_steps(&step["substeps"], step_row, seen);
    }
}

fn lines(args: &[&str], stdin: &str) -> Vec<Map<String, Value>> {
    let out = Command::cargo_bin("nudge")
        .expect("the nudge binary is built")
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("nudge runs");
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| match serde_json::from_str(l) {
            Ok(Value::Object(line)) => line,
            _ => panic!("not a JSON object: {l}"),
        })
        .collect()
}

#[test]
fn every_kind_has_the_fields_the_readme_lists_in_their_order() {
    let rows = documented();
    let named = |label: &str| rows.iter().find(|r| r.label == label).expect(label);
    let (step_row, error_row) = (named("STEP"), named("error"));
    let mut out = lines(&["--format", "json", "--seed", "1"], QUERIES);
    out.extend(lines(&["--format", "json"], "practice chain\n"));
    assert_eq!(out.len(), QUERIES.lines().count() + 1, "one line per query");

    let mut seen: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in &out {
        if let Some(error) = line.get("error") {
            let keys: Vec<&str> = line.keys().map(String::as_str).collect();
            assert_eq!(keys, ["input", "error"]);
            let keys: Vec<&str> = error
                .as_object()
                .expect("an object")
                .keys()
                .map(String::as_str)
                .collect();
            let found = seen.entry("error".into()).or_default();
            assert!(
                follows(&keys, &error_row.fields, found),
                "an error {keys:?}"
            );
            continue;
        }
        let row = row_of(line, &rows, &mut seen);
        for (field, keys) in &row.nested {
            if let Some(value) = line.get(field) {
                let place = format!("{}'s {field}", row.label);
                let found = seen.entry(place.clone()).or_default();
                check_nested(value, keys, &place, found);
            }
        }
        if row.kinds != ["matrix_derivative"] {
            if let Some(steps) = line.get("steps") {
                check_steps(steps, step_row, seen.entry("STEP".into()).or_default());
            }
        }
    }

    // Every object the README lists keys for turned up with each of its keys.
    for row in &rows {
        for (field, keys) in &row.nested {
            let place = format!("{}'s {field}", row.label);
            let found = seen.get(&place).cloned().unwrap_or_default();
            let missing: Vec<&str> = keys
                .iter()
                .map(|k| k.name.as_str())
                .filter(|k| !found.contains(*k))
                .collect();
            assert!(
                missing.is_empty(),
                "README lists {missing:?} in {place}, which no query wrote"
            );
        }
    }

    // The other way round: no row, and no field of one, that nothing writes.
    for row in &rows {
        let found = seen.get(&row.label).cloned().unwrap_or_default();
        let missing: Vec<&str> = row
            .fields
            .iter()
            .map(|f| f.name.as_str())
            .filter(|f| !found.contains(*f))
            .collect();
        assert!(
            row.fields.is_empty() && seen.contains_key(&row.label) || missing.is_empty(),
            "README's {} row lists {missing:?}, which no query wrote (or the row went unused)",
            row.label
        );
    }
}

/// The reader of the table reads what it should: a row with nested objects and prose.
#[test]
fn the_table_reader_takes_only_top_level_fields() {
    let cell = "`result`, `also`? `{\"shape\", \"result\"}` (a shape: `sigmoid`, `tanh`), \
                `verdict` `value`\\|`+inf`, `steps` (empty); a `side` is `below`, `above`";
    let names: Vec<String> = items(cell)
        .iter()
        .filter_map(|i| backticked(i).into_iter().next())
        .collect();
    assert_eq!(names, ["result", "also", "verdict", "steps"]);
}

/// The reader of an object's keys takes its own keys only: not values, not an inner
/// object's keys, and not a map's names.
#[test]
fn the_object_reader_takes_only_its_own_keys() {
    let names = |spec: &str| {
        object_keys(spec).map(|keys| {
            keys.into_iter()
                .map(|k| format!("{}{}", k.name, if k.optional { "?" } else { "" }))
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(
        names(r#"{"derivative": expr, "method": "exact"|"numeric"}"#),
        Some(vec!["derivative".to_string(), "method".to_string()])
    );
    assert_eq!(
        names(r#"[{"name", "shape": {"rows", "cols"}, "exact"?: expr}]"#),
        Some(vec!["name".into(), "shape".into(), "exact?".into()])
    );
    assert_eq!(names(r#"{"x": expr}"#), None);
    assert_eq!(names("[expr]"), None);
}
