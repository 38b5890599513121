//! Study mode in the terminal: `painmap study [--group G] [--seed N]`. Its own small Elm
//! loop over the pure core in [`crate::study`]: [`app::StudyApp`] is the state,
//! [`update::Msg`] the changes, [`view::draw`] renders a frame and returns the
//! [`input::StudyLayout`] that [`input::map`] resolves the next event against. Terminal
//! setup, restore, signals and the theme are the explorer's.

pub mod app;
pub mod input;
pub mod update;
pub mod view;

#[cfg(test)]
mod tests;

use super::terminal;
use super::theme::Theme;
use crate::atlas::MuscleGroup;
use crate::cli::{Cli, ERROR};
use crate::study::cards::Deck;
use crate::study::progress::{self, Progress};
use app::StudyApp;
use ratatui::crossterm::event::Event;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

/// The options of `painmap study`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StudyOptions {
    /// Only this body group's trigger points.
    pub group: Option<MuscleGroup>,
    /// The seed of the card order; the clock when absent.
    pub seed: Option<u64>,
}

/// Seconds since the Unix epoch.
fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Runs a study session in the terminal.
pub fn run(cli: &Cli, options: &StudyOptions) -> anyhow::Result<ExitCode> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!("painmap: study mode needs a terminal (stdin and stdout must be a tty)");
        return Ok(ExitCode::from(ERROR));
    }
    let atlas = crate::cli::load_atlas(cli)?;
    let path = progress::default_path()?;
    let saved = Progress::load(&path)?;
    let now = now();
    let deck = Deck::build(&atlas, options.group, options.seed.unwrap_or(now));
    if deck.cards.is_empty() {
        let group = options.group.map_or("the atlas", MuscleGroup::as_str);
        anyhow::bail!("no trigger points to study in {group}");
    }
    let theme = Theme::for_terminal(cli.color, cli.glyphs);
    let mut app = StudyApp::new(&atlas, deck, saved, Some(path.clone()), now);
    let (mut guard, events) = terminal::start()?;
    let result = super::run_loop(
        &mut guard.terminal,
        &mut app,
        &theme,
        &mut || events.next(),
        &|| events.stopped(),
    );
    drop(guard);
    result?;
    // Each answer was saved as it was given; save once more so a failed save is reported.
    if app.answered > 0 {
        app.progress.save(&path)?;
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

    fn map(&self, event: &Event, layout: &input::StudyLayout) -> Option<update::Msg> {
        input::map(event, self, layout)
    }

    fn apply(&mut self, msg: update::Msg) {
        update::update(self, msg);
    }

    fn quit(&self) -> bool {
        self.quit
    }
}
