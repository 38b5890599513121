//! The explorer: `painmap` with no command. Elm-style: [`app::App`] is the state,
//! [`msg::Msg`] the changes, [`update::update`] applies them, [`view::draw`] renders a
//! frame and returns the [`layout::Layout`] it drew, which [`input::map`] uses to turn the
//! next event into a message. The loop is synchronous and redraws only on input and
//! resize.

pub mod app;
pub mod input;
pub mod layout;
pub mod msg;
pub mod study;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;

use crate::cli::{Cli, ColorChoice, ERROR};
use app::App;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;
use std::io::IsTerminal;
use std::process::ExitCode;
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
    let theme = Theme::for_terminal(cli.color, cli.glyphs);
    let mut app = App::new(&atlas);
    app.intake = intake;
    if let Some(path) = &cli.open {
        app.status = format!("opened {}", path.display());
    }
    let (mut guard, events) = terminal::start()?;
    run_loop(
        &mut guard.terminal,
        &mut app,
        &theme,
        &mut || events.next(),
        &|| events.stopped(),
    )?;
    drop(guard);
    Ok(events.exit_code())
}

/// A full-screen face driven by [`run_loop`]: the explorer and study mode.
pub trait Screen {
    /// What a frame drew, for resolving the next event against.
    type Layout: Default;
    /// Draws a frame (a function of the state) and returns its layout.
    fn draw(&self, frame: &mut ratatui::Frame<'_>, theme: &Theme) -> Self::Layout;
    /// What changes the state.
    type Msg: Clone;
    /// Maps an event against the last layout to a message, if it means anything.
    fn map(&self, event: &Event, layout: &Self::Layout) -> Option<Self::Msg>;
    /// Applies a message (and any work it asks for).
    fn apply(&mut self, msg: Self::Msg);
    /// Whether the screen asked to close.
    fn quit(&self) -> bool;
}

impl Screen for App<'_> {
    type Layout = layout::Layout;

    fn draw(&self, frame: &mut ratatui::Frame<'_>, theme: &Theme) -> layout::Layout {
        view::draw(frame, self, theme)
    }

    type Msg = msg::Msg;

    fn map(&self, event: &Event, layout: &layout::Layout) -> Option<msg::Msg> {
        input::map(event, self, layout)
    }

    fn apply(&mut self, msg: msg::Msg) {
        dispatch(self, msg);
    }

    fn quit(&self) -> bool {
        self.quit
    }
}

/// The loop, generic over the backend so tests drive it with a `TestBackend`: draw, wait
/// for an event, map it to a message, update; until the screen quits or `stopped`.
/// `next` returns `None` when no event came in time. Redraws only on input and resize.
pub fn run_loop<B: Backend, S: Screen>(
    terminal: &mut Terminal<B>,
    screen: &mut S,
    theme: &Theme,
    next: &mut dyn FnMut() -> std::io::Result<Option<Event>>,
    stopped: &dyn Fn() -> bool,
) -> anyhow::Result<()> {
    let mut dirty = true;
    let mut layout = S::Layout::default();
    loop {
        if dirty {
            terminal
                .draw(|frame| layout = screen.draw(frame, theme))
                .map_err(|e| anyhow::anyhow!("drawing the screen failed: {e}"))?;
            dirty = false;
        }
        if screen.quit() || stopped() {
            return Ok(());
        }
        let Some(event) = next()? else { continue };
        dirty = matches!(event, Event::Resize(..));
        if let Some(msg) = screen.map(&event, &layout) {
            screen.apply(msg);
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
