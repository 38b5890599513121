//! Messages and the one function that changes a study session's state.

use super::app::{Outcome, Screen, StudyApp};
use crate::atlas::RegionInstance;
use crate::study::progress::Progress;
use crate::study::score::{score_draw, score_name};
use std::path::PathBuf;

/// Everything that can happen in a study session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Pick choice 0..=3 on a "name" card.
    Choose(usize),
    /// A letter typed on a "name" card.
    Type(char),
    /// Delete the last typed letter.
    Backspace,
    /// Clear what was typed.
    ClearTyped,
    /// Answer with the top completion.
    AcceptCompletion,
    /// The map cursor goes to a map cell (an arrow key, or a click); with a region (a
    /// click), that region is marked or unmarked too.
    Click(u16, u16, Option<RegionInstance>),
    /// Mark or unmark a region on a "draw" card.
    Toggle(RegionInstance),
    /// Show the next close-up beside the body on a "draw" card.
    CycleCloseUp,
    /// Submit the marked regions.
    Submit,
    /// From the feedback (or the summary), on to the next card.
    Next,
    /// Open or close the summary.
    ToggleSummary,
    /// Save and leave.
    Quit,
    /// Progress was saved, or why not.
    Saved(Result<(), String>),
}

/// Work `update` asks the loop to do outside the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save the progress to its file.
    SaveProgress {
        /// The progress file.
        path: PathBuf,
        /// The progress as it stands after the answer.
        progress: Progress,
    },
}

impl Effect {
    /// Does the work and reports the outcome as a message.
    pub fn run(self) -> Msg {
        match self {
            Effect::SaveProgress { path, progress } => {
                Msg::Saved(progress.save(&path).map_err(|e| e.to_string()))
            }
        }
    }
}

/// Applies a message; returns work for the loop to do, if any.
pub fn update(app: &mut StudyApp<'_>, msg: Msg) -> Option<Effect> {
    match msg {
        Msg::Saved(result) => app.save_error = result.err(),
        Msg::Quit => app.quit = true,
        Msg::ToggleSummary => toggle_summary(app),
        Msg::Next => next(app),
        Msg::Choose(i) => {
            let given = app.shown.get(i).cloned();
            if let Some(given) = given {
                return answer_name(app, given);
            }
        }
        Msg::Type(c) => {
            app.typed.push(c);
            app.complete();
        }
        Msg::Backspace => {
            app.typed.pop();
            app.complete();
        }
        Msg::ClearTyped => {
            app.typed.clear();
            app.complete();
        }
        Msg::AcceptCompletion => {
            if let Some(top) = app.completions.first().map(|c| c.muscle.clone()) {
                return answer_name(app, top);
            }
        }
        Msg::Click(x, y, region) => {
            app.cursor = Some((x, y));
            if let Some(region) = region {
                toggle(app, region);
            }
        }
        Msg::Toggle(region) => toggle(app, region),
        Msg::CycleCloseUp => {
            if app.screen == Screen::Card && app.drawing() {
                app.close_up_steps += 1;
            }
        }
        Msg::Submit => return answer_draw(app),
    }
    None
}

fn toggle(app: &mut StudyApp<'_>, region: RegionInstance) {
    if app.screen != Screen::Card || !app.drawing() {
        return;
    }
    if let Some(i) = app.marked.iter().position(|r| *r == region) {
        app.marked.remove(i);
    } else {
        app.marked.push(region);
    }
}

fn toggle_summary(app: &mut StudyApp<'_>) {
    if app.screen == Screen::Summary {
        if let Some(back) = app.behind_summary.take() {
            app.screen = *back;
        } else if app.card().is_some() {
            app.screen = Screen::Card;
        }
    } else {
        let behind = std::mem::replace(&mut app.screen, Screen::Summary);
        app.behind_summary = Some(Box::new(behind));
    }
}

fn next(app: &mut StudyApp<'_>) {
    match app.screen {
        Screen::Feedback(_) => {
            app.pos += 1;
            app.reset_answer();
            app.show_card();
            app.screen = if app.card().is_some() {
                Screen::Card
            } else {
                Screen::Summary
            };
        }
        Screen::Summary => toggle_summary(app),
        Screen::Card => {}
    }
}

fn answer_name(app: &mut StudyApp<'_>, given: String) -> Option<Effect> {
    if app.screen != Screen::Card {
        return None;
    }
    let card = app.card()?;
    let correct = score_name(&card.muscle, &given);
    record(
        app,
        Outcome {
            correct,
            named: Some(given),
            overlap: None,
        },
    )
}

fn answer_draw(app: &mut StudyApp<'_>) -> Option<Effect> {
    if app.screen != Screen::Card || !app.drawing() {
        return None;
    }
    let (card, _, tp) = app.current()?;
    let overlap = score_draw(app.atlas, tp, card.side, &app.marked);
    record(
        app,
        Outcome {
            correct: overlap.correct(),
            named: None,
            overlap: Some(overlap),
        },
    )
}

/// Records an answer and shows the feedback; the progress is to be saved.
fn record(app: &mut StudyApp<'_>, outcome: Outcome) -> Option<Effect> {
    let id = app.card().map(crate::study::Card::id)?;
    app.progress.record(&id, outcome.correct, app.now);
    if !outcome.correct {
        app.requeue_current();
    }
    app.answered = app.answered.saturating_add(1);
    app.right = app.right.saturating_add(u32::from(outcome.correct));
    app.screen = Screen::Feedback(outcome);
    app.path.clone().map(|path| Effect::SaveProgress {
        path,
        progress: app.progress.clone(),
    })
}
