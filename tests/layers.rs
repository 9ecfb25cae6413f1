//! The modules import one way: no cycle between top-level modules, and the engine never
//! reaches for the words or the looks (explain, present, format) or the terminal; only the
//! binary paints in colour.
//!
//! Read from the sources: every `crate::module` a file names, outside comments and its
//! `#[cfg(test)]` part, is an edge from its top-level module to that one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Edges known to run backwards, each a debt to pay: once one is gone, strike it here.
const KNOWN_BACKWARDS: [(&str, &str); 0] = [];

/// The modules a crate root declares: `mod x;` and `pub mod x;`.
fn declared(root: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(root).expect("crate root");
    text.lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l
                .strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("mod "))?;
            Some(rest.trim_end_matches(';').to_string())
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Which top-level module each file belongs to, and the modules its code names.
fn graph(modules: &BTreeSet<String>) -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph = Graph::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src");
        let first = rel.components().next().expect("a component");
        let top = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if !modules.contains(&top) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (i, _) in line.match_indices("crate::") {
                let name: String = line[i + 7..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name != top && modules.contains(&name) {
                    graph.entry(top.clone()).or_default().insert(name);
                }
            }
        }
    }
    graph
}

/// A cycle in the graph, as the modules around it, if there is one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|start| visit(start, graph, &mut Vec::new(), &mut done))
}

fn check(root: &str) {
    let modules = declared(&Path::new(env!("CARGO_MANIFEST_DIR")).join(root));
    let mut graph = graph(&modules);
    for (from, to) in KNOWN_BACKWARDS {
        if modules.contains(from) {
            let removed = graph.get_mut(from).is_some_and(|to_set| to_set.remove(to));
            assert!(
                removed,
                "{from} no longer imports {to}: strike it from KNOWN_BACKWARDS"
            );
        }
    }
    if let Some(found) = cycle(&graph) {
        panic!("an import cycle in {root}: {}", found.join(" → "));
    }
}

#[test]
fn the_library_imports_one_way() {
    check("src/lib.rs");
}

#[test]
fn the_binary_imports_one_way() {
    check("src/main.rs");
}

#[test]
fn each_layer_reaches_only_down() {
    let modules = declared(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"));
    let graph = graph(&modules);
    let engine = graph.get("engine").cloned().unwrap_or_default();
    for layer in ["explain", "present", "format"] {
        assert!(!engine.contains(layer), "the engine imports {layer}");
    }
    for layer in ["format", "lesson", "json"] {
        let present = graph.get("present").cloned().unwrap_or_default();
        assert!(!present.contains(layer), "a presenter imports {layer}");
        let explain = graph.get("explain").cloned().unwrap_or_default();
        assert!(!explain.contains(layer), "explain imports {layer}");
    }
}

/// Colour is the terminal's business: only the binary (`main.rs` and the modules it declares)
/// paints with `colored`; the library marks spans with tags and a `Paint` decides their look.
#[test]
fn only_the_binary_paints() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let binary = declared(&src.join("main.rs"));
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut painting = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src");
        let top = rel.components().next().expect("a component");
        let top = top.as_os_str().to_string_lossy();
        if top == "main.rs" || binary.contains(top.trim_end_matches(".rs")) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source");
        if text.lines().any(|l| {
            !l.trim_start().starts_with("//")
                && l.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .any(|word| word == "colored")
        }) {
            painting.push(rel.display().to_string());
        }
    }
    assert!(
        !binary.is_empty() && painting.is_empty(),
        "library files name `colored`: {painting:?}"
    );
}

/// The check itself finds a cycle, and names it.
#[test]
fn a_cycle_is_found() {
    let edge = |a: &str, b: &str| (a.to_string(), BTreeSet::from([b.to_string()]));
    let tangled = Graph::from([edge("a", "b"), edge("b", "c"), edge("c", "a")]);
    assert_eq!(
        cycle(&tangled),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
    let straight = Graph::from([edge("a", "b"), edge("b", "c")]);
    assert_eq!(cycle(&straight), None);
}
