//! Shell completion scripts (`clap_complete`), generated from the one command-line
//! grammar (the manual pages are `manual.rs`).

use super::args::{Cli, CompletionsArgs};
use super::{FOUND, out};
use clap::CommandFactory as _;

/// Prints the completion script for a shell.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "painmap", &mut buf);
    out::print(&String::from_utf8_lossy(&buf))?;
    Ok(FOUND)
}
