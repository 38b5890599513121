//! The non-interactive face of painmap: each subcommand asks the core and prints text,
//! JSON or Markdown. It is handed plain values by the binary (the atlas, whether to
//! colour, the time). Exit codes: 0 results, 1 none, 2 error.

mod args;
mod compare;
mod drawing;
mod glossary;
mod guide;
mod handout;
mod history;
mod layer;
mod list;
mod manual;
mod out;
mod parse;
mod rank;
mod search;
mod shell;
mod show;
mod stats;
mod terminal;
mod validate;
mod visit;

pub use args::{
    AtlasCommand, Cli, ColorChoice, Command, CompletionsArgs, Format, GlyphsArg, GraphicsArg,
    PictureFormat, RecordsCommand, Settings, StudyArgs, TerminalArgs,
};
pub use manual::{command, man, parse};
pub use shell::completions;
pub use stats::run as study_stats;
pub use terminal::{Facts as TerminalFacts, run as terminal};
pub use validate::problems as print_atlas_problems;

use crate::atlas::Atlas;
use std::process::ExitCode;

/// Exit status when results were found.
pub const FOUND: u8 = 0;
/// Exit status when the command ran but found nothing.
pub const NOTHING: u8 = 1;
/// Exit status for errors (bad input, unreadable or invalid atlas).
pub const ERROR: u8 = 2;

/// What the binary decided for this run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// Whether stdout gets ANSI colour.
    pub color: bool,
    /// Seconds since the Unix epoch, for dated output.
    pub now: i64,
    /// How `show` draws the body in text (`--glyphs`, decided by the binary).
    pub glyphs: crate::body::glyphs::Glyphs,
    /// The terminal's palette (16 or 256 colours), for the pictures' colours.
    pub palette: crate::color::Palette,
    /// The terminal `show` draws real images for (`--graphics`, detected by the binary
    /// when `show` draws text on a terminal).
    pub graphics: Option<crate::term::graphics::Terminal>,
}

/// Runs a command over a loaded atlas.
pub fn run(atlas: &Atlas, command: &AtlasCommand, ctx: &Context) -> anyhow::Result<ExitCode> {
    let code = match command {
        AtlasCommand::Rank(args) => rank::run(atlas, args, ctx)?,
        AtlasCommand::Guide(args) => guide::run(atlas, args)?,
        AtlasCommand::Search(args) => search::run(&crate::search::SearchIndex::new(atlas), args)?,
        AtlasCommand::Parse(args) => parse::run(atlas, args)?,
        AtlasCommand::Regions(args) => list::regions(atlas, args)?,
        AtlasCommand::Muscles(args) => list::muscles(atlas, args)?,
        AtlasCommand::Show(args) => show::run(
            atlas,
            args,
            ctx.color,
            ctx.palette,
            ctx.glyphs,
            ctx.graphics,
        )?,
        AtlasCommand::Compare(args) => {
            compare::run(atlas, args, ctx.color, ctx.palette, ctx.glyphs)?
        }
        AtlasCommand::Glossary(args) => glossary::run(atlas, args)?,
        AtlasCommand::Handout(args) => handout::run(atlas, args)?,
        AtlasCommand::Validate(_) => validate::ok(atlas)?,
    };
    Ok(ExitCode::from(code))
}

/// `painmap search` over an index the binary loaded on its own (see
/// [`crate::search::stored::load_cached`]): searching needs nothing else of the atlas.
pub fn search(
    index: &crate::search::SearchIndex,
    args: &args::SearchArgs,
) -> anyhow::Result<ExitCode> {
    Ok(ExitCode::from(search::run(index, args)?))
}

/// Where the client records are, as the binary located them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordsAt {
    /// The database file.
    pub db: std::path::PathBuf,
    /// Whether its folder is painmap's own (made owner-only even if it existed).
    pub own_folder: bool,
}

/// Runs a command over the client records. `atlas` is loaded by the caller when
/// [`RecordsCommand::needs_atlas`]; managing clients needs none, so a broken `--atlas`
/// never blocks `forget`.
pub fn run_records(
    atlas: Option<&Atlas>,
    command: &RecordsCommand,
    at: &RecordsAt,
    now: i64,
    ascii: bool,
) -> anyhow::Result<ExitCode> {
    let atlas = || atlas.ok_or_else(|| anyhow::anyhow!("this command needs the atlas"));
    let code = match command {
        RecordsCommand::Visit(args) => visit::visit(atlas()?, args, at, now)?,
        RecordsCommand::History(args) => history::run(atlas()?, args, at, ascii)?,
        RecordsCommand::Clients(args) => visit::clients(args, at)?,
        RecordsCommand::Forget(args) => visit::forget(args, at)?,
    };
    Ok(ExitCode::from(code))
}

/// 0 when `found`, else 1.
fn status(found: bool) -> u8 {
    if found { FOUND } else { NOTHING }
}
