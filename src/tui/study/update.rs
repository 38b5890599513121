//! Messages and the one function that changes a study session's state.

use super::app::{Outcome, Screen, StudyApp};
use crate::atlas::RegionInstance;
use crate::study::score::{score_draw, score_name};

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
}

/// Applies a message.
pub fn update(app: &mut StudyApp<'_>, msg: Msg) {
    match msg {
        Msg::Quit => app.quit = true,
        Msg::ToggleSummary => toggle_summary(app),
        Msg::Next => next(app),
        Msg::Choose(i) => {
            let given = app.card().and_then(|c| c.choices.get(i).cloned());
            if let Some(given) = given {
                answer_name(app, given);
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
                answer_name(app, top);
            }
        }
        Msg::Click(x, y, region) => {
            app.cursor = (x, y);
            app.cursor_shown = true;
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
        Msg::Submit => answer_draw(app),
    }
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

fn answer_name(app: &mut StudyApp<'_>, given: String) {
    if app.screen != Screen::Card {
        return;
    }
    let Some(card) = app.card() else { return };
    let correct = score_name(&card.muscle, &given);
    record(
        app,
        Outcome {
            correct,
            named: Some(given),
            overlap: None,
        },
    );
}

fn answer_draw(app: &mut StudyApp<'_>) {
    if app.screen != Screen::Card || !app.drawing() {
        return;
    }
    let Some((card, _, tp)) = app.current() else {
        return;
    };
    let overlap = score_draw(app.atlas, tp, card.side, &app.marked);
    record(
        app,
        Outcome {
            correct: overlap.correct(),
            named: None,
            overlap: Some(overlap),
        },
    );
}

/// Records an answer, saves progress, and shows the feedback.
fn record(app: &mut StudyApp<'_>, outcome: Outcome) {
    let Some(id) = app.card().map(crate::study::Card::id) else {
        return;
    };
    app.progress.record(&id, outcome.correct, app.now);
    if !outcome.correct {
        app.requeue_current();
    }
    app.answered += 1;
    app.right += u32::from(outcome.correct);
    if let Some(path) = &app.path {
        app.save_error = app.progress.save(path).err().map(|e| e.to_string());
    }
    app.screen = Screen::Feedback(outcome);
}
