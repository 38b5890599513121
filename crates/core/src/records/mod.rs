//! Client records: each client's visits (where it hurt, how much, how it felt, what was
//! ranked then), kept in one SQLite file so a therapist can see how a pain map changes
//! from week to week.
//!
//! The store is one small interface, [`Store`], with one implementation over a local
//! SQLite file ([`SqliteStore`]); a clinic's shared server could implement the same
//! trait later. The core knows no clock: dates and save times are handed in.
//!
//! Privacy: the file and its folder are owner-only, and no error message carries a
//! client's name or note (see [`RecordsError`]).

mod date;
mod error;
mod file;
mod schema;
mod sqlite;
mod trend;

pub use date::Date;
pub use error::RecordsError;
pub use file::{FILE_NAME, locate};
pub use schema::SCHEMA_VERSION;
pub use sqlite::SqliteStore;
pub use trend::{Change, Comparison, RegionTrend, compare, sparkline, trends};

use crate::atlas::{Atlas, RegionInstance, Side};
use crate::intake::{Intake, Quality, RegionNote};
use crate::report::Report;
use serde::Serialize;

/// One region of a visit, with what the client said about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VisitRegion {
    /// Region id from the atlas.
    pub region: String,
    /// The patient's side, or none (midline, or not given).
    pub side: Option<Side>,
    /// 0-10, when given.
    pub intensity: Option<u8>,
    /// How it felt, when given.
    pub quality: Option<Quality>,
}

impl VisitRegion {
    /// The region on its side.
    pub fn instance(&self) -> RegionInstance {
        RegionInstance::new(self.region.clone(), self.side)
    }
}

/// A candidate as ranked at the visit. Format-neutral: a muscle, and the trigger point
/// when the ranking named one, so rankings by point and by muscle both fit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredCandidate {
    /// 1-based rank.
    pub rank: u32,
    /// Muscle id.
    pub muscle: String,
    /// Trigger point id, when the ranking was by point.
    pub trigger_point: Option<String>,
    /// The side it was ranked on.
    pub side: Option<Side>,
    /// Its score then.
    pub score: u32,
}

/// Which atlas ranked a visit's candidates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AtlasStamp {
    /// The program version that shipped (or loaded) the atlas.
    pub version: String,
    /// A fingerprint of the atlas contents.
    pub hash: String,
}

impl AtlasStamp {
    /// The stamp of an atlas as loaded by this program.
    pub fn of(atlas: &Atlas) -> AtlasStamp {
        AtlasStamp {
            version: env!("CARGO_PKG_VERSION").to_string(),
            hash: atlas.fingerprint(),
        }
    }
}

/// A red flag a visit raised, as the atlas worded it then: the record shows that the
/// client was flagged and referred even if a later atlas words it differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VisitFlag {
    /// The flag's id in the atlas (`cardiac`, `giant-cell-arteritis`).
    pub id: String,
    /// Its heading then.
    pub title: String,
}

/// A screening question answered at the visit: the clinical concept it asks about
/// (`exertion`, `fever`...) and the answer, yes or no.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScreeningAnswer {
    /// The concept asked about.
    pub concept: String,
    /// Yes (true) or no.
    pub answer: bool,
}

/// A visit, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Visit {
    /// The day of the visit.
    pub date: Date,
    /// The client's age then, when given.
    pub age: Option<u8>,
    /// The regions, in the order selected.
    pub regions: Vec<VisitRegion>,
    /// Symptom words.
    pub symptoms: Vec<String>,
    /// The therapist's note.
    pub note: Option<String>,
    /// The red flags the intake raised (with its age and answers), in the atlas's order.
    pub red_flags: Vec<VisitFlag>,
    /// The screening questions answered.
    pub screening: Vec<ScreeningAnswer>,
    /// The top candidates as ranked at the visit, best first.
    pub candidates: Vec<StoredCandidate>,
    /// The atlas that ranked them.
    pub atlas: AtlasStamp,
}

/// How many candidates a visit keeps.
pub const VISIT_CANDIDATES: usize = 10;

impl Visit {
    /// A visit of an intake: its regions and notes, symptoms, and its ranking (the top
    /// [`VISIT_CANDIDATES`]).
    pub fn of_intake(atlas: &Atlas, intake: &Intake, date: Date) -> Visit {
        let report = Report::build(atlas, intake, VISIT_CANDIDATES, crate::report::By::Muscle);
        let red_flags = crate::rank::red_flags(atlas, &intake.ranking_selection())
            .into_iter()
            .map(|f| VisitFlag {
                id: f.id.clone(),
                title: f.title.clone(),
            })
            .collect();
        Visit {
            date,
            age: intake.selection.age,
            regions: intake
                .selection
                .regions
                .iter()
                .map(|r| {
                    let RegionNote { intensity, quality } = intake.note(r);
                    VisitRegion {
                        region: r.region.clone(),
                        side: r.side,
                        intensity,
                        quality,
                    }
                })
                .collect(),
            symptoms: intake.selection.symptoms.clone(),
            note: intake.note.clone(),
            red_flags,
            screening: screening_answers(intake),
            candidates: candidates_of(&report),
            atlas: AtlasStamp::of(atlas),
        }
    }

    /// Its regions in words with their notes: "right heel 6 sharp, calf".
    pub fn regions_words(&self, atlas: &Atlas) -> String {
        self.regions
            .iter()
            .map(|r| {
                let mut w = crate::report::instance_words(atlas, &r.instance());
                if let Some(i) = r.intensity {
                    w = format!("{w} {i}");
                }
                if let Some(q) = r.quality {
                    w = format!("{w} {}", q.as_str());
                }
                w
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The intake this visit records (to show its map, or compare it).
    pub fn intake(&self) -> Intake {
        let mut intake = Intake::default();
        for r in &self.regions {
            intake.add_noted(
                r.instance(),
                RegionNote {
                    intensity: r.intensity,
                    quality: r.quality,
                },
            );
        }
        intake.selection.symptoms.clone_from(&self.symptoms);
        intake.selection.age = self.age;
        intake.note.clone_from(&self.note);
        intake
    }
}

/// The screening answers an intake carries, in the stored form: the one place a visit
/// reads them from the intake. The intake holds none yet; the screening questions (the
/// red-flag work) add the answers to the intake, and this fills them in, so they are
/// saved, amended and shown with every visit.
fn screening_answers(_intake: &Intake) -> Vec<ScreeningAnswer> {
    Vec::new()
}

/// The report's candidates in the stored form.
fn candidates_of(report: &Report) -> Vec<StoredCandidate> {
    report
        .candidates
        .iter()
        .enumerate()
        // The place in the list: tied candidates share a rank number but not a place.
        .map(|(i, c)| StoredCandidate {
            rank: i as u32 + 1,
            muscle: c.muscle.clone(),
            // A muscle-level candidate names its best point first.
            trigger_point: c.trigger_point.clone().or_else(|| {
                c.trigger_points
                    .as_ref()
                    .and_then(|points| points.first())
                    .map(|p| p.trigger_point.clone())
            }),
            side: c.side.and_then(side_of),
            score: c.score,
        })
        .collect()
}

/// `"left"`/`"right"` back to a side.
pub fn side_of(word: &str) -> Option<Side> {
    Side::BOTH.into_iter().find(|s| s.as_str() == word)
}

/// A visit read back, with its id and when it was saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedVisit {
    /// The visit's id in the store.
    pub id: i64,
    /// When it was saved (as the caller stamped it).
    pub saved_at: String,
    /// When it was last amended, if it was.
    pub amended_at: Option<String>,
    /// The visit.
    #[serde(flatten)]
    pub visit: Visit,
}

/// A client with their visit count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientSummary {
    /// The name as typed.
    pub name: String,
    /// How many visits.
    pub visits: u32,
    /// The date of the latest visit.
    pub last_visit: Option<String>,
}

/// Where visits are kept. One small interface so another store (a clinic's shared
/// server) can stand in for the local file.
pub trait Store {
    /// Saves a visit for `client` (created on first use) in one transaction; returns its
    /// id. `saved_at` is the caller's clock.
    fn save_visit(
        &mut self,
        client: &str,
        visit: &Visit,
        saved_at: &str,
    ) -> Result<i64, RecordsError>;
    /// A client's visits, oldest first (by date, then by saving order). `None` when the
    /// client is unknown.
    fn history(&self, client: &str) -> Result<Option<Vec<SavedVisit>>, RecordsError>;
    /// Replaces visit `id` of `client` with `visit` (its regions, notes and ranking
    /// written anew), in one transaction, stamping `amended_at`. False when the client has
    /// no such visit (nothing is changed).
    fn amend_visit(
        &mut self,
        client: &str,
        id: i64,
        visit: &Visit,
        amended_at: &str,
    ) -> Result<bool, RecordsError>;
    /// Removes visit `id` of `client` and reclaims the space. False when the client has
    /// no such visit.
    fn forget_visit(&mut self, client: &str, id: i64) -> Result<bool, RecordsError>;
    /// Every client, by name.
    fn clients(&self) -> Result<Vec<ClientSummary>, RecordsError>;
    /// Removes a client and every visit, and reclaims the space. Whether there was one.
    fn forget(&mut self, client: &str) -> Result<bool, RecordsError>;
}

/// A client name is stored as typed, but must hold something visible.
pub fn check_client_name(name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err("the client name is empty (initials or a code will do)".into());
    }
    if name.chars().any(char::is_control) {
        return Err("the client name holds a control character".into());
    }
    Ok(())
}
