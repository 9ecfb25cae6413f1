//! The registry of commands (src/commands.rs) is what the README's table lists, what Tab
//! completes at the start of a line, and each command it gives a help page has one.

use assert_cmd::Command;
use nudge::commands::COMMANDS;

/// The README's table as the registry writes it.
fn table() -> String {
    let mut table = String::from("| command | what it does |\n|---|---|\n");
    for command in COMMANDS {
        let usage: Vec<String> = command.usage.iter().map(|u| format!("`{u}`")).collect();
        table.push_str(&format!("| {} | {} |\n", usage.join(", "), command.does));
    }
    table
}

#[test]
fn the_readme_lists_every_command_as_the_registry_has_it() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let table = table();
    assert!(
        readme.contains(&table),
        "README's table of commands should be:\n{table}"
    );
}

#[test]
fn every_command_with_a_page_has_its_help() {
    for command in COMMANDS {
        let Some(topic) = command.help else { continue };
        let output = Command::cargo_bin("nudge")
            .expect("binary")
            .args(["--format", "json", "-e", &format!("help {}", command.word)])
            .output()
            .expect("runs");
        assert!(output.status.success(), "help {}: {output:?}", command.word);
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        assert_eq!(json["kind"], "help", "help {}", command.word);
        let text = json["text"].as_str().expect("text");
        assert!(text.contains(topic.name()), "help {}: {text}", command.word);
    }
}

#[cfg(unix)]
#[test]
fn tab_completes_every_command_from_the_registry() {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("nudge"));
    cmd.env("TERM", "xterm")
        .args(["--color", "never", "--no-history"]);
    let mut p = rexpect::session::spawn_command(cmd, Some(15_000)).expect("a pty");
    p.exp_string("nudge> ").expect("a prompt");
    // `descend` is the only word starting `desc`, and `glossary` the only one `glos`.
    p.send("desc\t").expect("Tab");
    p.flush().expect("flush");
    p.exp_string("descend")
        .expect("completed from the registry");
    p.send_control('u').expect("clear the line");
    p.send("glos\t").expect("Tab");
    p.flush().expect("flush");
    p.exp_string("glossary").expect("completed");
    p.send_line("").expect("Enter");
    p.exp_string("derivative").expect("the glossary");
    p.send_control('d').expect("Ctrl-D");
    p.exp_eof().expect("nudge ends");
}

/// The `help` overview is written by hand, so this keeps it honest: every command of the
/// registry starts one of its lines (or is named as another spelling of one), and its list of topics names every topic there is.
#[test]
fn the_help_overview_names_every_command_and_every_topic() {
    let output = Command::cargo_bin("nudge")
        .expect("binary")
        .args(["--format", "json", "-e", "help"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let text = json["text"].as_str().expect("text");
    let starts: Vec<&str> = text
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(|word| word.trim_end_matches(','))
        .collect();
    for command in COMMANDS {
        let word = command.word;
        let named = starts.contains(&word)
            || text.lines().any(|l| {
                let l = l.trim_start();
                l.starts_with(&format!("{word}, "))
                    || l.contains(&format!(", {word}"))
                    || l.contains(&format!("(also {word} "))
            });
        assert!(named, "help does not list the command {word}:\n{text}");
    }
    let topics = text
        .lines()
        .find_map(|l| l.split_once("the topics are "))
        .map(|(_, list)| list.split_whitespace().collect::<Vec<_>>())
        .expect("a list of topics");
    for topic in nudge::topic::Topic::ALL {
        assert!(
            topics.contains(&topic.name()),
            "help's list of topics misses {}",
            topic.name()
        );
    }
}

/// A command word followed by something not in the command's shape is named as the command,
/// with how it is typed, never as a word nudge does not know.
#[test]
fn a_command_in_the_wrong_shape_is_named_with_its_usage() {
    let output = Command::cargo_bin("nudge")
        .expect("binary")
        .args(["-e", "backprop (w x - 1)^2 at w = 0.5, x = 2"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("backprop is a command"), "{err}");
    assert!(err.contains("backprop L at w = A"), "{err}");
    assert!(!err.contains("does not know the word"), "{err}");
}
