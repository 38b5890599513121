//! The `painmap` binary: parse arguments, dispatch, map errors to an exit code.
#![forbid(unsafe_code)]

use clap::Parser;
use painmap::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(_) if cli.open.is_some() => Err(anyhow::anyhow!(
            "--open reopens a record in the explorer; it takes no command"
        )),
        Some(command) => cli::run(&cli, command),
        None => painmap::tui::run(&cli),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("painmap: {}", one_line(&e));
            ExitCode::from(cli::ERROR)
        }
    }
}

/// The error and its causes on one line.
fn one_line(e: &anyhow::Error) -> String {
    let text = format!("{e:#}");
    text.lines().collect::<Vec<_>>().join(" ")
}
