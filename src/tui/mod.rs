//! The explorer: `painmap` with no command. Elm-style: [`app::App`] is the state,
//! [`msg::Msg`] the changes, [`update::update`] applies them, [`view::draw`] renders a
//! frame and returns the [`layout::Layout`] it drew, which [`input::map`] uses to turn the
//! next event into a message. The loop is synchronous and redraws only on input and
//! resize.

pub mod app;
pub mod clients;
pub mod draw;
pub mod edit;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod msg;
pub mod note;
pub mod picture;
pub mod study;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

#[cfg(test)]
mod draw_tests;
#[cfg(test)]
mod input_tests;
#[cfg(test)]
mod layer_tests;
#[cfg(test)]
mod practice_tests;
#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;

use crate::atlas::Atlas;
use crate::intake::Intake;
use app::App;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use theme::Theme;

/// Set `PAINMAP_EXIT_AFTER_FIRST_FRAME=1` to draw one frame and exit: how start-up time
/// is measured.
pub const EXIT_AFTER_FIRST_FRAME: &str = "PAINMAP_EXIT_AFTER_FIRST_FRAME";

/// What the binary hands the explorer.
#[derive(Debug, Clone, Default)]
pub struct ExploreOptions {
    /// Colour on (see [`crate::color`]).
    pub color: bool,
    /// The terminal's palette (16 or 256 colours).
    pub palette: crate::color::Palette,
    /// A reopened record's intake, and its file.
    pub opened: Option<(Intake, PathBuf)>,
    /// The client the intake is for (`--client`), and where their records are.
    pub records: Option<app::ClientRecords>,
    /// Where the client database is, for `C` (none when it cannot be located).
    pub records_at: Option<clients::RecordsAt>,
    /// How the body map draws the body (`--glyphs`, decided by the binary).
    pub glyphs: crate::body::glyphs::Glyphs,
    /// The terminal's image protocol, when it has one and images are wanted
    /// (`--graphics`, detected by the binary before the screen starts).
    pub graphics: Option<crate::term::graphics::Terminal>,
    /// `TERM=dumb` (decided in [`crate::term::Env::dumb`]).
    pub dumb: bool,
    /// The config file, where the text-tier key remembers its choice.
    pub config: Option<PathBuf>,
}

/// Refuses to start a full-screen face where it cannot draw: without a terminal on stdin
/// and stdout, or on one that cannot move the cursor (`TERM=dumb`).
pub fn check_terminal(what: &str, dumb: bool) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "{what} needs a terminal (stdin and stdout must be a tty); use a subcommand \
             instead (`painmap rank`, `painmap --help`)"
        );
    }
    if dumb {
        anyhow::bail!(
            "{what} needs a terminal that can move the cursor (TERM is dumb); use a \
             subcommand instead (`painmap rank`, `painmap --help`)"
        );
    }
    Ok(())
}

/// Opens the explorer. `clock` gives seconds since the Unix epoch (for export names and
/// note dates).
pub fn explore(
    atlas: &Atlas,
    options: ExploreOptions,
    clock: &dyn Fn() -> i64,
) -> anyhow::Result<ExitCode> {
    check_terminal("the explorer", options.dumb)?;
    let theme = Theme {
        glyphs: options.glyphs,
        images: options
            .graphics
            .map(|t| std::rc::Rc::new(picture::ImageTier::new(t))),
        ..Theme::for_terminal(options.color, options.palette)
    };
    let (intake, opened) = options.opened.unzip();
    let mut app = App::with_intake(atlas, intake.unwrap_or_default());
    if let Some(path) = opened {
        app.status = format!("opened {}", path.display());
        // Reopened from its file: nothing is lost by closing it unchanged.
        app.kept = Some(app.intake.clone());
    }
    app.records = options.records;
    app.records_at = options.records_at;
    app.config = options.config;
    let (mut guard, events) = terminal::start()?;
    run_loop(
        &mut guard.terminal,
        &mut app,
        &theme,
        &mut || events.next(),
        &|| events.stopped(),
        clock,
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
    /// Maps an event against the last layout to a message, if it means anything; `now`
    /// (seconds since the Unix epoch) stamps messages that need the time.
    fn map(&self, event: &Event, layout: &Self::Layout, now: i64) -> Option<Self::Msg>;
    /// Applies a message (and any work it asks for).
    fn apply(&mut self, msg: Self::Msg);
    /// Whether the screen asked to close.
    fn quit(&self) -> bool;
    /// What covers the body map (a popup's kind; 0 for nothing). When a popup closes under
    /// an image tier that sends pictures whole (sixel), the screen is cleared and drawn
    /// anew: text drawn over such a picture stays until the picture is sent again.
    fn covering(&self) -> u8 {
        0
    }
    /// Whether the pictures are drawn as text although the terminal shows images (the
    /// explorer's `i`); when it changes the screen is cleared and drawn anew.
    fn text_pictures(&self) -> bool {
        false
    }
}

impl Screen for App<'_> {
    type Layout = layout::Layout;

    fn draw(&self, frame: &mut ratatui::Frame<'_>, theme: &Theme) -> layout::Layout {
        if self.text_pictures && theme.images.is_some() {
            let text = Theme {
                images: None,
                ..theme.clone()
            };
            return view::draw(frame, self, &text);
        }
        view::draw(frame, self, theme)
    }

    type Msg = msg::Msg;

    fn map(&self, event: &Event, layout: &layout::Layout, now: i64) -> Option<msg::Msg> {
        input::map(event, self, layout, now)
    }

    fn apply(&mut self, msg: msg::Msg) {
        dispatch(self, msg);
    }

    fn quit(&self) -> bool {
        self.quit
    }

    fn covering(&self) -> u8 {
        view::covering(self)
    }

    fn text_pictures(&self) -> bool {
        self.text_pictures
    }
}

/// The loop, generic over the backend so tests drive it with a `TestBackend`: draw, wait
/// for an event, map it to a message, update; until the screen quits or `stopped`.
/// `next` returns `None` when no event came in time. Redraws only on input and resize.
/// `clock` is read once per event.
pub fn run_loop<B: Backend, S: Screen>(
    terminal: &mut Terminal<B>,
    screen: &mut S,
    theme: &Theme,
    next: &mut dyn FnMut() -> std::io::Result<Option<Event>>,
    stopped: &dyn Fn() -> bool,
    clock: &dyn Fn() -> i64,
) -> anyhow::Result<()> {
    let mut dirty = true;
    let mut layout = S::Layout::default();
    let whole = theme.images.as_ref().is_some_and(|t| t.sent_whole());
    let mut covering = screen.covering();
    let mut text_pictures = screen.text_pictures();
    loop {
        // Pictures switched between images and text: nothing of the old ones may stay.
        if dirty && screen.text_pictures() != text_pictures {
            text_pictures = screen.text_pictures();
            terminal
                .clear()
                .map_err(|e| anyhow::anyhow!("clearing the screen failed: {e}"))?;
        }
        // A popup opens over the picture as drawn; when it closes (or gives way to
        // another), the screen is drawn anew so the picture is sent again whole.
        let now_covering = screen.covering();
        if dirty && whole && now_covering != covering {
            if covering != 0 {
                terminal
                    .clear()
                    .map_err(|e| anyhow::anyhow!("clearing the screen failed: {e}"))?;
            }
            covering = now_covering;
        }
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
        // A resize (or a return from a suspend, which the event source reports as one)
        // repaints the whole screen: what was on it is not known.
        if matches!(event, Event::Resize(..)) {
            terminal
                .clear()
                .map_err(|e| anyhow::anyhow!("clearing the screen failed: {e}"))?;
        }
        dirty = matches!(event, Event::Resize(..));
        if let Some(msg) = screen.map(&event, &layout, clock()) {
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
