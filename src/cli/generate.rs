//! What `nudge completions SHELL` and `nudge man` print: files made from the command line's own definition.

use super::Cli;
use clap::{CommandFactory, Subcommand};
use clap_complete::Shell;
use std::io::{self, Write};

/// The commands that print a file instead of answering queries.
#[derive(Subcommand, Debug)]
pub enum Generate {
    /// Print a completion script for a shell (bash, zsh, fish, powershell, elvish).
    ///
    /// bash: `nudge completions bash > ~/.local/share/bash-completion/completions/nudge`;
    /// zsh: into a folder on `$fpath` as `_nudge`; fish: `~/.config/fish/completions/nudge.fish`;
    /// PowerShell: `nudge completions powershell | Out-String | Invoke-Expression` in `$PROFILE`.
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print nudge's manual page (roff): `nudge man > nudge.1`, or `nudge man | man -l -`.
    Man,
}

/// Writes the file asked for to stdout; the process's exit code.
pub fn run(what: &Generate) -> i32 {
    let mut out = io::stdout().lock();
    let written = match what {
        Generate::Completions { shell } => {
            clap_complete::generate(*shell, &mut Cli::command(), "nudge", &mut out);
            out.flush()
        }
        Generate::Man => clap_mangen::Man::new(Cli::command())
            .render(&mut out)
            .and_then(|()| out.flush()),
    };
    match written {
        Ok(()) => 0,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("nudge: cannot write: {e}");
            1
        }
    }
}
