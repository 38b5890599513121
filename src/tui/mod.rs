//! The explorer: `painmap` with no command. Elm-style: [`app::App`] is the state,
//! [`msg::Msg`] the changes, [`update::update`] applies them, [`view::draw`] renders a
//! frame and returns the [`layout::Layout`] it drew, which [`input::map`] uses to turn the
//! next event into a message. The loop is synchronous and redraws only on input and
//! resize.

pub mod app;
pub mod input;
pub mod layout;
pub mod msg;
mod terminal;
pub mod theme;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

use crate::cli::{Cli, ColorChoice, ERROR};
use app::App;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use theme::Theme;

/// Set `PAINMAP_EXIT_AFTER_FIRST_FRAME=1` to draw one frame and exit: how start-up time
/// is measured.
pub const EXIT_AFTER_FIRST_FRAME: &str = "PAINMAP_EXIT_AFTER_FIRST_FRAME";

/// Opens the explorer on the atlas named by the command line.
pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    // Read the atlas and the record first: their errors say more than "no terminal".
    let atlas = crate::cli::load_atlas(cli)?;
    let intake = match &cli.open {
        Some(path) => crate::intake::Record::load(path, &atlas).map_err(anyhow::Error::msg)?,
        None => crate::intake::Intake::default(),
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "painmap: the explorer needs a terminal; use a subcommand instead \
             (`painmap rank`, `painmap --help`)"
        );
        return Ok(ExitCode::from(ERROR));
    }
    let theme = Theme::for_terminal(cli.color);
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let once = std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some_and(|v| v != "0");
    let mut guard = terminal::TerminalGuard::new()?;
    let mut app = App::new(&atlas);
    app.intake = intake;
    if let Some(path) = &cli.open {
        app.status = format!("opened {}", path.display());
    }
    let mut next = || -> std::io::Result<Option<Event>> {
        if once {
            return Ok(None);
        }
        // A bounded wait, so a SIGTERM or SIGHUP is noticed without a ticking thread.
        if event::poll(Duration::from_millis(250))? {
            event::read().map(Some)
        } else {
            Ok(None)
        }
    };
    let stopped = || once || stop.load(Ordering::SeqCst);
    run_loop(&mut guard.terminal, &mut app, &theme, &mut next, &stopped)?;
    drop(guard);
    Ok(if stop.load(Ordering::SeqCst) {
        ExitCode::from(143)
    } else {
        ExitCode::SUCCESS
    })
}

/// The main loop, generic over the backend so tests drive it with a `TestBackend`:
/// draw, wait for an event, map it to a message, update; until `quit` or `stopped`.
/// `next` returns `None` when no event came in time.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App<'_>,
    theme: &Theme,
    next: &mut dyn FnMut() -> std::io::Result<Option<Event>>,
    stopped: &dyn Fn() -> bool,
) -> anyhow::Result<()> {
    let mut dirty = true;
    let mut layout = layout::Layout::default();
    loop {
        if dirty {
            terminal
                .draw(|frame| layout = view::draw(frame, app, theme))
                .map_err(|e| anyhow::anyhow!("drawing the screen failed: {e}"))?;
            dirty = false;
        }
        if app.quit || stopped() {
            return Ok(());
        }
        let Some(event) = next()? else { continue };
        if matches!(event, Event::Resize(..)) {
            dirty = true;
        }
        if let Some(msg) = input::map(&event, app, &layout) {
            dispatch(app, msg);
            dirty = true;
        }
    }
}

/// Applies a message, runs the effect it asks for (a file write), and applies the
/// outcome.
pub fn dispatch(app: &mut App<'_>, msg: msg::Msg) {
    if let Some(effect) = update::update(app, msg) {
        update::update(app, effect.run());
    }
}

/// Whether colour is on for this terminal: `--color`, then `NO_COLOR`, then `TERM=dumb`.
pub fn color_enabled(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}
