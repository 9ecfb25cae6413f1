//! `--format html`: every answer a well-formed fragment of plain elements with classes.

use assert_cmd::Command;
use roxmltree::{Document, Node};

/// What nudge printed for these queries, with its exit code.
fn html(args: &[&str]) -> (String, i32) {
    let out = Command::cargo_bin("nudge")
        .expect("the nudge binary is built")
        .args(["--format", "html"])
        .args(args)
        .output()
        .expect("nudge runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    (text, out.status.code().unwrap_or(-1))
}

/// The fragments, parsed strictly: every element closed, every attribute quoted, every
/// `<` and `&` of the input escaped, or the parse fails.
fn parse(text: &str) -> Document<'_> {
    Document::parse(text).unwrap_or_else(|e| panic!("not well-formed ({e}):\n{text}"))
}

fn wrapped(text: &str) -> String {
    format!("<div>{text}</div>")
}

fn class<'a>(node: Node<'a, 'a>, name: &str) -> Vec<Node<'a, 'a>> {
    node.descendants()
        .filter(|n| n.attribute("class") == Some(name))
        .collect()
}

fn text_of(node: Node) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

#[test]
fn a_derivative_is_marked_up_as_reading_steps_and_value() {
    let (out, code) = html(&["-e", "d/dx sin(x^2)"]);
    assert_eq!(code, 0);
    let page = wrapped(&out);
    let doc = parse(&page);
    let sections: Vec<Node> = doc
        .root_element()
        .children()
        .filter(Node::is_element)
        .collect();
    assert_eq!(sections.len(), 1);
    let answer = sections[0];
    assert_eq!(answer.attribute("class"), Some("nudge-answer"));
    assert_eq!(
        text_of(class(answer, "reading")[0]),
        "Reading: d/dx sin(x²)"
    );
    let rules: Vec<String> = class(answer, "rule").into_iter().map(text_of).collect();
    assert_eq!(rules, ["chain rule", "sine", "power rule"]);
    // The outer and inner steps sit inside the chain rule's own list.
    let nested = class(answer, "step")[0]
        .children()
        .filter(|n| n.attribute("class") == Some("steps"))
        .count();
    assert_eq!(nested, 1);
    assert_eq!(text_of(class(answer, "answer")[0]), "2x·cos(x²)");
}

#[test]
fn no_script_and_only_plain_elements() {
    let (out, _) = html(&[
        "-e",
        "d/dx x^2 sin(x) / (x + 1)",
        "-e",
        "grad x^2 y",
        "-e",
        "f(x) = x^2",
        "-e",
        "f'(x)",
        "-e",
        "d/dx x <script>",
    ]);
    let page = wrapped(&out);
    let doc = parse(&page);
    let allowed = [
        "div", "section", "p", "span", "ul", "li", "pre", "mark", "table", "thead", "tbody", "tr",
        "th", "td",
    ];
    for node in doc.descendants().filter(Node::is_element) {
        let name = node.tag_name().name();
        assert!(allowed.contains(&name), "<{name}> in\n{out}");
        for a in node.attributes() {
            assert!(
                ["class", "data-code"].contains(&a.name()),
                "attribute {} in\n{out}",
                a.name()
            );
        }
    }
    // The typed `<script>` is text in the page, shown back under the error.
    let sources = class(doc.root_element(), "source");
    assert_eq!(text_of(sources[0]), "d/dx x <script>");
}

/// Seeing answers are explained: their tables are tables of cells, the words around them
/// paragraphs, the slope the answer.
#[test]
fn seeing_tables_are_tables_and_their_words_marked_up() {
    let (out, code) = html(&["-e", "nudge x^2 at x = 3", "-e", "limit sin(x)/x as x -> 0"]);
    assert_eq!(code, 0);
    let page = wrapped(&out);
    let doc = parse(&page);
    assert!(class(doc.root_element(), "nudge-text").is_empty(), "{out}");
    assert!(class(doc.root_element(), "picture").is_empty(), "{out}");
    let tables: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("table"))
        .collect();
    assert_eq!(
        tables.len(),
        3,
        "one table for the nudge, one per side of the limit"
    );
    let cells = |table: Node, tag: &str| -> Vec<String> {
        table
            .descendants()
            .filter(|n| n.has_tag_name(tag))
            .map(text_of)
            .collect()
    };
    assert_eq!(
        cells(tables[0], "th"),
        ["h", "(f(3 + h) - f(3)) / h"],
        "{out}"
    );
    let nudge = cells(tables[0], "td");
    assert_eq!(nudge.len(), 14, "seven nudges and their quotients: {out}");
    assert_eq!(nudge[2..4], ["0.1", "6.10000000"], "{out}");
    assert_eq!(cells(tables[1], "th"), ["x", "sin(x)/x"], "{out}");
    let answers: Vec<String> = class(doc.root_element(), "answer")
        .into_iter()
        .map(text_of)
        .collect();
    assert_eq!(answers, ["6", "1"], "{out}");
    assert!(!out.contains('\u{1b}'), "no colour codes in a page");
}

/// Many-variable answers are explained: steps as lists, vectors and matrices marked up.
#[test]
fn many_variable_answers_are_marked_up_not_preformatted() {
    let (out, code) = html(&["-e", "grad x^2 y", "-e", "hessian(x^2 y) at (1, 2)"]);
    assert_eq!(code, 0);
    let page = wrapped(&out);
    let doc = parse(&page);
    assert!(class(doc.root_element(), "nudge-text").is_empty(), "{out}");
    let answers: Vec<String> = class(doc.root_element(), "answer")
        .into_iter()
        .map(text_of)
        .collect();
    assert_eq!(answers, ["(2x·y, x²)"], "{out}");
    let matrices: Vec<Node> = class(doc.root_element(), "matrix answer");
    assert_eq!(
        matrices.len(),
        2,
        "the Hessian, and its values at the point"
    );
    let cells: Vec<String> = matrices[1]
        .descendants()
        .filter(|n| n.has_tag_name("td"))
        .map(text_of)
        .collect();
    assert_eq!(cells, ["4", "2", "2", "0"], "{out}");
}

#[test]
fn a_failure_is_a_fragment_with_its_code_and_the_place_marked() {
    let (out, code) = html(&["-e", "2 +* 3", "-e", "d/dx x^3"]);
    assert_eq!(code, 1);
    let page = wrapped(&out);
    let doc = parse(&page);
    let sections: Vec<Node> = doc
        .root_element()
        .children()
        .filter(Node::is_element)
        .collect();
    assert_eq!(sections.len(), 2, "the next query is still answered");
    let error = sections[0];
    assert_eq!(error.attribute("class"), Some("nudge-error"));
    assert_eq!(error.attribute("data-code"), Some("syntax"));
    let mark = error
        .descendants()
        .find(|n| n.has_tag_name("mark"))
        .expect("a mark");
    assert_eq!(text_of(mark), "*");
    assert_eq!(text_of(class(error, "source")[0]), "2 +* 3");
}

#[test]
fn quiet_keeps_the_result_alone() {
    let (out, _) = html(&["-q", "-e", "d/dx x^3"]);
    let page = wrapped(&out);
    let doc = parse(&page);
    let texts: Vec<String> = doc
        .root_element()
        .descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(text_of)
        .collect();
    assert_eq!(texts, ["3x²"]);
}

/// Session answers are explained too: a value with its decimal, a slope read aloud.
#[test]
fn values_and_definitions_are_marked_up_not_preformatted() {
    let (out, _) = html(&["-e", "1/3", "-e", "f(x) = x^3", "-e", "f'(2)"]);
    let page = wrapped(&out);
    let doc = parse(&page);
    assert!(class(doc.root_element(), "nudge-text").is_empty(), "{out}");
    let answers: Vec<String> = class(doc.root_element(), "answer")
        .into_iter()
        .map(text_of)
        .collect();
    assert_eq!(
        answers,
        ["1/3 ≈ 0.333333", "f(x) = x³", "3x²", "12"],
        "{out}"
    );
    assert!(
        out.contains("<span class=\"label\">Reading it:</span> nudge x a little near 2"),
        "{out}"
    );
}

/// Integrals are explained: steps as lists, the check, and the answer marked, never a `<pre>`.
#[test]
fn integrals_are_marked_up_not_preformatted() {
    let (out, code) = html(&["-e", "integrate x e^x dx", "-e", "integrate(x^2, x, 0, 3)"]);
    assert_eq!(code, 0);
    let page = wrapped(&out);
    let doc = parse(&page);
    assert!(class(doc.root_element(), "nudge-text").is_empty(), "{out}");
    let rules: Vec<String> = class(doc.root_element(), "rule")
        .into_iter()
        .map(text_of)
        .collect();
    assert!(
        rules.contains(&"integration by parts".to_string()),
        "{rules:?}"
    );
    assert!(
        rules.contains(&"fundamental theorem".to_string()),
        "{rules:?}"
    );
    assert_eq!(class(doc.root_element(), "success").len(), 2, "{out}");
    let answers: Vec<String> = class(doc.root_element(), "answer")
        .into_iter()
        .map(text_of)
        .collect();
    assert_eq!(answers, ["x·e^x - e^x + C", "9"], "{out}");
}

#[test]
fn a_named_derivative_snapshot() {
    let (out, _) = html(&["-e", "f(x) = x^2 sin(x)", "-e", "f'(x)"]);
    let last = out
        .split_inclusive("</section>\n")
        .last()
        .expect("two answers");
    insta::assert_snapshot!("named_derivative", last);
}
