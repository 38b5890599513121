//! The `painmap` binary, the composition root: it parses the arguments, reads the clock,
//! loads the atlas (and a record to reopen), decides colour, and hands plain values to
//! one face: `cli::run` for the commands, `tui::explore` or `tui::study` for the
//! terminal. Errors become one line on stderr and exit status 2.
#![forbid(unsafe_code)]

use painmap::atlas::Atlas;
use painmap::body::glyphs::Glyphs;
use painmap::cli::{self, AtlasCommand, Cli, Command};
use painmap::color::{self, ColorMode, Palette};
use painmap::record::Record;
use painmap::records;
use painmap::tui;
use std::env::var_os;
use std::io::IsTerminal as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            // Errors quote what was typed or read: cut and escaped like usage errors.
            eprintln!("painmap: {}", shown_line(&one_line(&e)));
            ExitCode::from(cli::ERROR)
        }
    }
}

/// Seconds since the Unix epoch: the one place painmap reads the clock.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let mode = ColorMode::from(cli.color);
    let glyphs = cli.glyphs.resolve();
    let atlas_path = cli.atlas.as_deref();
    if cli.open.is_some() && cli.command.is_some() {
        anyhow::bail!("--open reopens a record in the explorer; it takes no command");
    }
    if cli.client.is_some() && cli.command.is_some() {
        anyhow::bail!(
            "--client ties the explorer to a client; it takes no command (the commands name the client themselves)"
        );
    }
    match &cli.command {
        None => {
            // Read the atlas and the record first: their errors say more than "no terminal".
            let atlas = load_atlas(atlas_path)?;
            let intake = match &cli.open {
                Some(path) => {
                    let path = painmap::fsutil::expand_home(path);
                    Some((Record::load(&path, atlas)?, path))
                }
                None => None,
            };
            let records = match &cli.client {
                Some(client) => Some(client_records(cli, client)?),
                None => None,
            };
            let options = tui::ExploreOptions {
                color: color::enabled_here(mode, true),
                palette: Palette::here(),
                opened: intake,
                records,
                glyphs,
                // Asked before the screen starts: the answer comes on the terminal's input.
                graphics: cli::GraphicsArg::resolve(cli.graphics, glyphs == Glyphs::Ascii),
            };
            tui::explore(atlas, options, &now)
        }
        Some(Command::Study(args)) if args.stats => {
            let atlas = load_atlas(atlas_path)?;
            let progress = painmap::study::progress::path_in(data_dir_here().as_deref())?;
            let now = u64::try_from(now()).unwrap_or(0);
            let code = cli::study_stats(atlas, args.group, &progress, now, args.json)?;
            Ok(ExitCode::from(code))
        }
        Some(Command::Study(args)) => {
            let atlas = load_atlas(atlas_path)?;
            let options = tui::study::StudyOptions {
                group: args.group,
                seed: args.seed,
                color: color::enabled_here(mode, true),
                progress: painmap::study::progress::path_in(data_dir_here().as_deref())?,
                glyphs,
                graphics: cli::GraphicsArg::resolve(cli.graphics, glyphs == Glyphs::Ascii),
                palette: Palette::here(),
            };
            tui::study::run(atlas, &options, &now)
        }
        Some(Command::Records(command)) => {
            let (db, own_folder) =
                records::locate(db_flag(cli).as_deref(), data_dir_here().as_deref())?;
            let atlas = if command.needs_atlas() {
                Some(load_atlas(atlas_path)?)
            } else {
                None
            };
            let at = cli::RecordsAt { db, own_folder };
            cli::run_records(atlas, command, &at, now())
        }
        Some(Command::Completions(args)) => Ok(ExitCode::from(cli::completions(args)?)),
        Some(Command::Man(args)) => Ok(ExitCode::from(cli::man(args, &tui::keymap::table())?)),
        Some(Command::Atlas(AtlasCommand::Search(args))) => {
            // The index alone: embedded for the shipped atlas, and from the cache on a
            // second run over a user's file.
            use painmap::search::{SearchIndex, stored};
            let index = match (atlas_path, cache_dir()) {
                (None, _) => SearchIndex::shipped()?,
                (Some(path), Some(dir)) => stored::load_cached(path, &dir)?,
                (Some(_), None) => SearchIndex::new(load_atlas(atlas_path)?),
            };
            cli::search(&index, args)
        }
        Some(Command::Atlas(command)) => {
            let path = match command {
                AtlasCommand::Validate(args) => args.file.as_deref().or(atlas_path),
                _ => atlas_path,
            };
            let atlas = match load_atlas(path) {
                Ok(atlas) => atlas,
                Err(e) if matches!(command, AtlasCommand::Validate(_)) => {
                    cli::print_atlas_problems(&e);
                    return Ok(ExitCode::from(cli::ERROR));
                }
                Err(e) => return Err(e.into()),
            };
            let ctx = cli::Context {
                color: color::enabled_here(mode, std::io::stdout().is_terminal()),
                now: now(),
                glyphs,
                palette: Palette::here(),
                graphics: cli.graphics,
            };
            cli::run(atlas, command, &ctx)
        }
    }
}

/// The atlas at `path` (through the user-atlas cache), or the shipped one. It lives
/// until the process ends and is never freed: dropping its thousands of strings at exit
/// would cost time and give nothing back.
fn load_atlas(
    path: Option<&std::path::Path>,
) -> Result<&'static Atlas, painmap::atlas::AtlasError> {
    let atlas = Atlas::load_cached(path, cache_dir().as_deref())?;
    Ok(Box::leak(Box::new(atlas)))
}

/// The user-atlas cache's folder, from the environment.
fn cache_dir() -> Option<std::path::PathBuf> {
    painmap::folders::cache_dir(var_os("XDG_CACHE_HOME"), var_os("HOME"))
}

/// The data folder (study progress, client records), from the environment.
fn data_dir_here() -> Option<std::path::PathBuf> {
    painmap::folders::data_dir(var_os("XDG_DATA_HOME"), var_os("HOME"))
}

/// The explorer's client and the records it saves to. A foreign, damaged or newer
/// database is refused now, not at the first save.
fn client_records(cli: &Cli, client: &str) -> anyhow::Result<tui::app::ClientRecords> {
    records::check_client_name(client).map_err(anyhow::Error::msg)?;
    let (db, own_folder) = records::locate(db_flag(cli).as_deref(), data_dir_here().as_deref())?;
    records::SqliteStore::open(&db, false, own_folder)?;
    Ok(tui::app::ClientRecords {
        client: client.to_string(),
        db,
        own_folder,
    })
}

/// `--db FILE`, with `~` read as the home folder (`--db=~/x` reaches painmap unexpanded).
fn db_flag(cli: &Cli) -> Option<std::path::PathBuf> {
    cli.db.as_deref().map(painmap::fsutil::expand_home)
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
    eprintln!("painmap: {} (see --help)", shown_line(&line));
    ExitCode::from(cli::ERROR)
}

/// The error and its causes on one line.
fn one_line(e: &anyhow::Error) -> String {
    let text = format!("{e:#}");
    text.lines().collect::<Vec<_>>().join(" ")
}

/// A usage error quotes the argument; a 100 KB paste must not come back whole, nor an
/// escape sequence reach the terminal. Each quoted piece is cut and escaped.
fn shown_line(line: &str) -> String {
    let mut out = String::new();
    for (i, piece) in line.split('\'').enumerate() {
        if i > 0 {
            out.push('\'');
        }
        if i % 2 == 1 {
            out.push_str(&painmap::atlas::text::shown(piece));
        } else {
            out.push_str(&painmap::atlas::text::printable(piece));
        }
    }
    out
}
