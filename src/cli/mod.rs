//! The non-interactive face of painmap: each subcommand loads the atlas, asks the core,
//! and prints text, JSON or Markdown. Exit codes: 0 results, 1 none, 2 error.

mod args;
mod glossary;
mod list;
mod out;
mod rank;
mod search;
mod show;
mod validate;

pub use args::{Cli, ColorChoice, Command, Format, GlyphsArg, StudyArgs};

use crate::atlas::Atlas;
use std::process::ExitCode;

/// Exit status when results were found.
pub const FOUND: u8 = 0;
/// Exit status when the command ran but found nothing.
pub const NOTHING: u8 = 1;
/// Exit status for errors (bad input, unreadable or invalid atlas).
pub const ERROR: u8 = 2;

/// Loads the atlas named by `--atlas`, or the shipped one.
pub fn load_atlas(cli: &Cli) -> anyhow::Result<Atlas> {
    Ok(match &cli.atlas {
        Some(path) => Atlas::from_path(path)?,
        None => Atlas::shipped()?,
    })
}

/// Runs a subcommand. `None` (the explorer) is the caller's to handle.
pub fn run(cli: &Cli, command: &Command) -> anyhow::Result<ExitCode> {
    if let Command::Validate(args) = command {
        return validate::run(cli, args);
    }
    if let Command::Study(args) = command {
        let options = crate::tui::study::StudyOptions {
            group: args.group,
            seed: args.seed,
        };
        return crate::tui::study::run(cli, &options);
    }
    let atlas = load_atlas(cli)?;
    let code = match command {
        Command::Rank(args) => rank::run(&atlas, args)?,
        Command::Search(args) => search::run(&atlas, args)?,
        Command::Regions(args) => list::regions(&atlas, args)?,
        Command::Muscles(args) => list::muscles(&atlas, args)?,
        Command::Show(args) => show::run(&atlas, args, use_color(cli.color), cli.glyphs)?,
        Command::Glossary(args) => glossary::run(&atlas, args)?,
        Command::Validate(_) | Command::Study(_) => unreachable!("handled above"),
    };
    Ok(ExitCode::from(code))
}

/// Whether to write ANSI colour to stdout: `--color always`, or `auto` on a terminal with
/// `NO_COLOR` unset (or empty) and a `TERM` other than `dumb`.
pub fn use_color(choice: ColorChoice) -> bool {
    use std::io::IsTerminal as _;
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

/// 0 when `found`, else 1.
fn status(found: bool) -> u8 {
    if found { FOUND } else { NOTHING }
}
