//! `painmap validate [FILE]`: parse and check an atlas, listing every problem.

use super::args::{Cli, ValidateArgs};
use super::{ERROR, out};
use crate::atlas::Atlas;
use std::process::ExitCode;

/// Prints `ok: N regions, M muscles, K trigger points`, or every problem (one a line, on
/// stderr) and exits 2.
pub fn run(cli: &Cli, args: &ValidateArgs) -> anyhow::Result<ExitCode> {
    let loaded = match args.file.as_ref().or(cli.atlas.as_ref()) {
        Some(path) => Atlas::from_path(path),
        None => Atlas::shipped(),
    };
    match loaded {
        Ok(atlas) => {
            out::print(&format!(
                "ok: {} regions, {} muscles, {} trigger points\n",
                atlas.regions().len(),
                atlas.muscles().len(),
                atlas.trigger_point_count()
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            for line in e.lines() {
                eprintln!("painmap: {line}");
            }
            Ok(ExitCode::from(ERROR))
        }
    }
}
