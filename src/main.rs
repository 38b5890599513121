//! The `painmap` binary: parse arguments, dispatch, map errors to an exit code.
#![forbid(unsafe_code)]

use clap::Parser;
use painmap::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    let result = match &cli.command {
        Some(_) if cli.open.is_some() => Err(anyhow::anyhow!(
            "--open reopens a record in the explorer; it takes no command"
        )),
        Some(_) if cli.client.is_some() => Err(anyhow::anyhow!(
            "--client ties the explorer to a client; it takes no command (the commands name the client themselves)"
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

/// `--help` and `--version` print as clap writes them; a usage error is one line
/// (clap's message and its tip, without the usage block) and exit 2.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(cli::ERROR)
        } else {
            ExitCode::SUCCESS
        };
    }
    let text = e.render().to_string();
    let mut line = String::new();
    for part in text
        .lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
        .filter(|l| !l.is_empty())
    {
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(part.strip_prefix("error: ").unwrap_or(part));
    }
    eprintln!("painmap: {line} (see --help)");
    ExitCode::from(cli::ERROR)
}

/// The error and its causes on one line.
fn one_line(e: &anyhow::Error) -> String {
    let text = format!("{e:#}");
    text.lines().collect::<Vec<_>>().join(" ")
}
