//! Study mode in the terminal: `painmap study [--group G] [--seed N]`. Its own small Elm
//! loop over the pure core in [`crate::study`]: [`app::StudyApp`] is the state,
//! [`update::Msg`] the changes, [`view::draw`] renders a frame and returns the
//! [`input::StudyLayout`] that [`input::map`] resolves the next event against. Terminal
//! setup, restore, signals and the theme are the explorer's.

pub mod app;
pub mod feedback;
pub mod input;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

use super::terminal;
use super::theme::Theme;
use crate::atlas::{Atlas, MuscleGroup};
use crate::study::cards::Deck;
use crate::study::progress::Progress;
use app::StudyApp;
use ratatui::crossterm::event::Event;
use std::path::PathBuf;
use std::process::ExitCode;

/// What the binary hands study mode.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StudyOptions {
    /// Only this body group's trigger points.
    pub group: Option<MuscleGroup>,
    /// The seed of the card order; the clock when absent.
    pub seed: Option<u64>,
    /// Colour on (see [`crate::color`]).
    pub color: bool,
    /// The progress file.
    pub progress: PathBuf,
    /// How the card's diagram draws the body (`--glyphs`).
    pub glyphs: crate::body::glyphs::Glyphs,
    /// The terminal's image protocol, when it has one and images are wanted
    /// (`--graphics`, detected by the binary before the screen starts).
    pub graphics: Option<crate::term::graphics::Terminal>,
    /// The terminal's palette (16 or 256 colours).
    pub palette: crate::color::Palette,
    /// `TERM=dumb` (decided in [`crate::term::Env::dumb`]).
    pub dumb: bool,
}

/// Runs a study session in the terminal. `clock` gives seconds since the Unix epoch.
pub fn run(
    atlas: &Atlas,
    options: &StudyOptions,
    clock: &dyn Fn() -> i64,
) -> anyhow::Result<ExitCode> {
    super::check_terminal("study mode", options.dumb)?;
    let path = &options.progress;
    // Files a session killed mid-save left behind; the saved progress itself is intact.
    crate::study::progress::remove_stale_temps(path);
    let saved = Progress::load(path)?;
    let now = u64::try_from(clock()).unwrap_or(0);
    let deck = Deck::build(atlas, options.group, options.seed.unwrap_or(now));
    if deck.cards.is_empty() {
        let group = options.group.map_or("the atlas", MuscleGroup::as_str);
        anyhow::bail!("no trigger points to study in {group}");
    }
    let theme = Theme {
        glyphs: options.glyphs,
        images: options
            .graphics
            .map(|t| std::rc::Rc::new(crate::tui::picture::ImageTier::new(t))),
        ..Theme::for_terminal(options.color, options.palette)
    };
    let mut app = StudyApp::new(atlas, deck, saved, Some(path.clone()), now);
    let (mut guard, events) = terminal::start()?;
    let result = super::run_loop(
        &mut guard.terminal,
        &mut app,
        &theme,
        &mut || events.next(),
        &|| events.stopped(),
        clock,
    );
    drop(guard);
    result?;
    // Each answer was saved as it was given; save once more so a failed save is reported.
    if app.answered > 0 {
        app.progress.save(path)?;
        println!(
            "Studied {} card{}, {} right. Progress saved in {}.",
            app.answered,
            if app.answered == 1 { "" } else { "s" },
            app.right,
            path.display()
        );
    }
    Ok(events.exit_code())
}

impl super::Screen for StudyApp<'_> {
    type Layout = input::StudyLayout;

    fn draw(&self, frame: &mut ratatui::Frame<'_>, theme: &Theme) -> input::StudyLayout {
        view::draw(frame, self, theme)
    }

    type Msg = update::Msg;

    fn map(&self, event: &Event, layout: &input::StudyLayout, _now: i64) -> Option<update::Msg> {
        input::map(event, self, layout)
    }

    fn apply(&mut self, msg: update::Msg) {
        if let Some(effect) = update::update(self, msg) {
            update::update(self, effect.run());
        }
    }

    fn quit(&self) -> bool {
        self.quit
    }

    /// Each screen is drawn whole: a change of screen counts as a popup closing.
    fn covering(&self) -> u8 {
        match self.screen {
            app::Screen::Card => 0,
            app::Screen::Feedback(_) => 1,
            app::Screen::Summary => 2,
        }
    }
}
