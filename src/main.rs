//! The `painmap` binary, the composition root: it parses the arguments, reads the clock,
//! loads the atlas (and a record to reopen), decides colour, and hands plain values to
//! one face: `cli::run` for the commands, `tui::explore` or `tui::study` for the
//! terminal. Errors become one line on stderr and exit status 2.
#![forbid(unsafe_code)]

use painmap::atlas::Atlas;
use painmap::body::glyphs::Glyphs;
use painmap::cli::{self, AtlasCommand, Cli, Command};
use painmap::color::ColorMode;
use painmap::record::Record;
use painmap::records;
use painmap::term;
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
    // The environment is read here, once; the config file's defaults come under the
    // flags.
    let env = term::Env::here();
    let config_path = term::config::path(&|k| std::env::var(k).ok());
    let config = match &config_path {
        Some(path) => term::config::Config::load(path)?,
        None => term::config::Config::default(),
    };
    let settings = cli.settings(&config);
    let mode = ColorMode::from(settings.color);
    let atlas_path = settings.atlas.as_deref();
    if cli.open.is_some() && cli.command.is_some() {
        anyhow::bail!("--open reopens a record in the explorer; it takes no command");
    }
    if cli.client.is_some() && cli.command.is_some() {
        anyhow::bail!(
            "--client ties the explorer to a client; it takes no command (the commands name the client themselves)"
        );
    }
    let (detection, glyphs, graphics) = terminal_choices(cli, &settings, &env);
    match &cli.command {
        None => explorer(cli, &settings, &env, config_path, glyphs, graphics),
        Some(Command::Terminal(args)) => {
            let atlas = load_atlas(atlas_path)?;
            let facts = cli::TerminalFacts {
                detection: &detection,
                env: &env,
                settings: &settings,
                glyphs,
                graphics,
                color: env.color(mode, std::io::stdout().is_terminal()),
                palette: env.palette(),
                config: config_path.as_deref(),
            };
            Ok(ExitCode::from(cli::terminal(atlas, &facts, args)?))
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
                color: env.color(mode, true),
                progress: painmap::study::progress::path_in(data_dir_here().as_deref())?,
                glyphs,
                graphics,
                palette: env.palette(),
                dumb: env.dumb(),
            };
            tui::study::run(atlas, &options, &now)
        }
        Some(Command::Records(command)) => {
            let (db, own_folder) =
                records::locate(db_path(&settings).as_deref(), data_dir_here().as_deref())?;
            let atlas = if command.needs_atlas() {
                Some(load_atlas(atlas_path)?)
            } else {
                None
            };
            let at = cli::RecordsAt { db, own_folder };
            // A locale that is not UTF-8 (or --glyphs ascii) gets ASCII history.
            cli::run_records(atlas, command, &at, now(), glyphs == Glyphs::Ascii)
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
                color: env.color(mode, std::io::stdout().is_terminal()),
                now: now(),
                glyphs,
                palette: env.palette(),
                graphics,
            };
            cli::run(atlas, command, &ctx)
        }
    }
}

/// The explorer, with a reopened record and a client when asked for.
fn explorer(
    cli: &Cli,
    settings: &cli::Settings,
    env: &term::Env,
    config: Option<std::path::PathBuf>,
    glyphs: Glyphs,
    graphics: Option<term::graphics::Terminal>,
) -> anyhow::Result<ExitCode> {
    // Read the atlas and the record first: their errors say more than "no terminal".
    let atlas = load_atlas(settings.atlas.as_deref())?;
    let intake = match &cli.open {
        Some(path) => {
            let path = painmap::fsutil::expand_home(path);
            Some((Record::load(&path, atlas)?, path))
        }
        None => None,
    };
    let records = match &cli.client {
        Some(client) => Some(client_records(settings, client)?),
        None => None,
    };
    // `C` picks a client in the explorer: where the records are, if they can be found
    // (an explicit --db in a missing folder is already refused above when --client is
    // given; without it, `C` reports the problem when pressed).
    let records_at = records::locate(db_path(settings).as_deref(), data_dir_here().as_deref())
        .ok()
        .map(|(db, own_folder)| tui::clients::RecordsAt { db, own_folder });
    let options = tui::ExploreOptions {
        color: env.color(ColorMode::from(settings.color), true),
        palette: env.palette(),
        opened: intake,
        records,
        records_at,
        glyphs,
        graphics,
        dumb: env.dumb(),
        config,
    };
    tui::explore(atlas, options, &now)
}

/// What the terminal draws: it is asked (once, bounded) only where a picture goes to it
/// and something is left to detect; the glyph tier otherwise comes from the environment
/// alone. Flags and the config file (in `settings`) win over what is detected.
fn terminal_choices(
    cli: &Cli,
    settings: &cli::Settings,
    env: &term::Env,
) -> (
    term::graphics::Detection,
    Glyphs,
    Option<term::graphics::Terminal>,
) {
    let draws_on_terminal = match &cli.command {
        None | Some(Command::Terminal(_)) => true,
        Some(Command::Study(a)) => !a.stats,
        Some(Command::Atlas(AtlasCommand::Show(a))) => {
            !a.ascii && !a.json && a.format == cli::PictureFormat::Text
        }
        _ => false,
    };
    let undecided =
        settings.glyphs == cli::GlyphsArg::Auto || settings.graphics == cli::GraphicsArg::Auto;
    let detection = term::graphics::detect(env, draws_on_terminal && undecided);
    let glyphs = settings.glyphs.resolve(detection.glyphs.0);
    let graphics = settings
        .graphics
        .resolve(&detection, glyphs == Glyphs::Ascii);
    (detection, glyphs, graphics)
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
fn client_records(
    settings: &cli::Settings,
    client: &str,
) -> anyhow::Result<tui::app::ClientRecords> {
    records::check_client_name(client).map_err(anyhow::Error::msg)?;
    let (db, own_folder) =
        records::locate(db_path(settings).as_deref(), data_dir_here().as_deref())?;
    records::SqliteStore::open(&db, false, own_folder)?;
    Ok(tui::app::ClientRecords {
        client: client.to_string(),
        db,
        own_folder,
    })
}

/// `--db FILE` (or the config file's `db`), with `~` read as the home folder (`--db=~/x`
/// reaches painmap unexpanded).
fn db_path(settings: &cli::Settings) -> Option<std::path::PathBuf> {
    settings.db.as_deref().map(painmap::fsutil::expand_home)
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
    // The error and its causes, each cause said once: an error whose message already
    // quotes its source (thiserror's `{source}`) would otherwise repeat it.
    let mut text = String::new();
    for cause in e.chain() {
        let words = cause.to_string();
        if text.is_empty() {
            text = words;
        } else if !text.contains(&words) {
            text = format!("{text}: {words}");
        }
    }
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
            out.push_str(&painmap::escape::terminal(piece));
        }
    }
    out
}
