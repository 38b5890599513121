//! `painmap study --stats [--json] [--group G]`: the study summary without a terminal,
//! the same [`Summary`] the study screen shows on `Tab`, as its text lines or as JSON.
//!
//! The JSON (format 1) is stable: fields are only ever added. `now` and `next_due` are
//! seconds since the Unix epoch; shares (`accuracy`, `retention`) are 0.0 to 1.0 or
//! `null` when nothing was answered; "due within a day/week" counts cards not due now
//! that fall due within the next 24 hours / 7 days.

use super::out;
use crate::atlas::{Atlas, MuscleGroup};
use crate::study::cards::Deck;
use crate::study::progress::Progress;
use crate::study::summary::{GroupStat, Summary};
use serde::Serialize;
use std::path::Path;

/// The format number of the JSON.
pub const FORMAT: u32 = 1;

/// The JSON document.
#[derive(Debug, Serialize)]
struct StatsJson<'a> {
    format: u32,
    now: u64,
    #[serde(flatten)]
    total: Counts,
    next_due: Option<u64>,
    groups: Vec<GroupJson<'a>>,
}

/// One group's entry.
#[derive(Debug, Serialize)]
struct GroupJson<'a> {
    group: &'a str,
    #[serde(flatten)]
    counts: Counts,
}

/// The numbers of the whole deck or of one group.
#[derive(Debug, Serialize)]
struct Counts {
    cards: usize,
    due_now: usize,
    new: usize,
    due_within_day: usize,
    due_within_week: usize,
    answers: u32,
    right: u32,
    accuracy: Option<f64>,
    retention: Option<f64>,
}

impl From<&GroupStat> for Counts {
    fn from(g: &GroupStat) -> Counts {
        Counts {
            cards: g.cards,
            due_now: g.due,
            new: g.new,
            due_within_day: g.due_tomorrow,
            due_within_week: g.due_week,
            answers: g.seen,
            right: g.correct,
            accuracy: g.accuracy(),
            retention: g.retention,
        }
    }
}

/// The summary's JSON.
fn json(s: &Summary) -> anyhow::Result<String> {
    let doc = StatsJson {
        format: FORMAT,
        now: s.now,
        total: Counts {
            cards: s.cards,
            due_now: s.due,
            new: s.new,
            due_within_day: s.due_tomorrow,
            due_within_week: s.due_week,
            answers: s.seen,
            right: s.correct,
            accuracy: s.accuracy(),
            retention: s.retention,
        },
        next_due: s.next_due,
        groups: s
            .groups
            .iter()
            .map(|g| GroupJson {
                group: g.group.as_str(),
                counts: g.into(),
            })
            .collect(),
    };
    out::json(&doc)
}

/// The summary's text: the headline, a blank line, the table.
fn text(s: &Summary) -> String {
    let mut lines = s.headline();
    lines.push(String::new());
    lines.extend(s.table());
    let mut t = lines.join("\n");
    t.push('\n');
    t
}

/// Prints the study summary of `group` (or the whole atlas) from the progress in
/// `progress` at `now`. A missing progress file is a fresh start; a damaged one is an
/// error naming it.
pub fn run(
    atlas: &Atlas,
    group: Option<MuscleGroup>,
    progress: &Path,
    now: u64,
    as_json: bool,
) -> anyhow::Result<u8> {
    let saved = Progress::load(progress)?;
    // The order of the deck does not matter to the summary.
    let deck = Deck::build(atlas, group, 0);
    if deck.cards.is_empty() {
        let group = group.map_or("the atlas", MuscleGroup::as_str);
        anyhow::bail!("no trigger points to study in {group}");
    }
    let summary = Summary::of(&deck, &saved, now);
    let shown = if as_json {
        json(&summary)?
    } else {
        text(&summary)
    };
    out::print(&shown)?;
    Ok(super::FOUND)
}
