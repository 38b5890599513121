//! Shell conventions: completion scripts (`clap_complete`) and the manual page
//! (`clap_mangen`), both generated from the one command-line grammar.

use super::args::{Cli, CompletionsArgs};
use super::{FOUND, out};
use clap::CommandFactory as _;

/// Prints the completion script for a shell.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "painmap", &mut buf);
    out::print_raw(&String::from_utf8_lossy(&buf))?;
    Ok(FOUND)
}

/// Prints the manual page as roff.
pub fn man() -> anyhow::Result<u8> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    out::print_raw(&String::from_utf8_lossy(&buf))?;
    Ok(FOUND)
}
