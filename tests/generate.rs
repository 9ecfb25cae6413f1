//! `nudge completions SHELL` and `nudge man`: scripts a shell accepts and completes with, and a
//! manual page with the sections and every flag.

use assert_cmd::Command;

fn generated(args: &[&str]) -> String {
    let output = Command::cargo_bin("nudge")
        .expect("binary")
        .args(args)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// What bash offers after the words typed so far, using the script nudge printed.
#[cfg(unix)]
fn bash_completes(script: &std::path::Path, words: &[&str]) -> Vec<String> {
    let line = format!(
        "source {}; COMP_WORDS=({}); COMP_CWORD={}; _nudge nudge '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        words.join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let output = std::process::Command::new("bash")
        .args(["--norc", "-c", &line])
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[cfg(unix)]
#[test]
fn the_bash_script_parses_and_completes_flags_and_their_values() {
    let dir = tempfile::tempdir().expect("dir");
    let script = dir.path().join("nudge.bash");
    std::fs::write(&script, generated(&["completions", "bash"])).expect("written");
    let syntax = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .expect("bash -n");
    assert!(syntax.status.success(), "{syntax:?}");
    assert_eq!(bash_completes(&script, &["nudge", "--form"]), ["--format"]);
    let formats = bash_completes(&script, &["nudge", "--format", ""]);
    for format in ["text", "json", "latex", "markdown", "html"] {
        assert!(formats.iter().any(|f| f == format), "{formats:?}");
    }
    let shells = bash_completes(&script, &["nudge", "completions", "p"]);
    assert_eq!(shells, ["powershell"]);
}

#[test]
fn every_shell_gets_a_script_that_knows_the_flags() {
    for (shell, marker) in [
        ("zsh", "#compdef nudge"),
        ("fish", "complete -c nudge"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = generated(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: {script}");
        for flag in ["format", "ascii", "lesson", "practice"] {
            assert!(script.contains(flag), "{shell} misses --{flag}");
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    Command::cargo_bin("nudge")
        .expect("binary")
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn the_man_page_has_its_sections_and_every_flag() {
    let page = generated(&["man"]);
    let macros: Vec<&str> = page.lines().filter(|l| l.starts_with('.')).collect();
    // The title comes first, after roff's own definitions (`.ie`, `.el`, `.ds`).
    let title = macros
        .iter()
        .find(|m| !m.starts_with(".ie") && !m.starts_with(".el"));
    assert!(
        title.is_some_and(|t| t.starts_with(".TH nudge 1")),
        "{macros:?}"
    );
    let sections: Vec<&str> = macros
        .iter()
        .filter_map(|m| m.strip_prefix(".SH "))
        .collect();
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "SUBCOMMANDS",
        "VERSION",
    ] {
        assert!(sections.contains(&section), "{section} in {sections:?}");
    }
    // roff writes a hyphen in a flag as `\-`.
    for flag in [
        "format",
        "ascii",
        "quiet",
        "lesson",
        "practice",
        "max\\-terms",
    ] {
        assert!(page.contains(&format!("\\-\\-{flag}")), "--{flag}");
    }
    assert!(page.contains("nudge \\- A calculus tutor"), "the NAME line");
}

#[test]
fn lesson_files_are_still_read_beside_the_commands() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(
        dir.path().join("mine.nudge"),
        "= Beside the commands\n> d/dx x^2 => 2x\n",
    )
    .expect("lesson");
    Command::cargo_bin("nudge")
        .expect("binary")
        .current_dir(dir.path())
        .args(["--check", "mine.nudge"])
        .assert()
        .success()
        .stdout(predicates::str::contains("ok mine.nudge"));
}
