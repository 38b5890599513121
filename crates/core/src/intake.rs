//! An intake: the selection with, per region, an intensity (0-10) and a pain quality, plus
//! symptom words. It is saved as a Markdown note ([`crate::report`]) or a JSON record
//! ([`crate::record`]).

use crate::atlas::RegionInstance;
use crate::rank::Selection;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use painmap_model::intake::quality;
pub use quality::Quality;

/// What the client said about one region.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionNote {
    /// 0 (none) to 10 (worst imaginable).
    pub intensity: Option<u8>,
    /// How it feels.
    pub quality: Option<Quality>,
}

/// The highest intensity.
pub const MAX_INTENSITY: u8 = 10;

/// A selection with notes per region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Intake {
    /// Regions in the order selected, and symptom words.
    pub selection: Selection,
    /// Notes for selected regions.
    pub notes: BTreeMap<RegionInstance, RegionNote>,
    /// The therapist's free-text note.
    pub note: Option<String>,
}

impl Intake {
    /// An intake of a plain selection.
    pub fn of(selection: Selection) -> Intake {
        Intake {
            selection,
            ..Intake::default()
        }
    }

    /// The note for a region (empty when none).
    pub fn note(&self, region: &RegionInstance) -> RegionNote {
        self.notes.get(region).copied().unwrap_or_default()
    }

    /// Selects the region if absent, else removes it with its note. Returns whether it
    /// is now selected.
    pub fn toggle(&mut self, region: RegionInstance) -> bool {
        self.notes.remove(&region);
        self.selection.toggle(region)
    }

    /// Sets a region's intensity (selecting it if needed), capped at 10.
    pub fn set_intensity(&mut self, region: RegionInstance, value: u8) {
        self.selection.add(region.clone());
        self.notes.entry(region).or_default().intensity = Some(value.min(MAX_INTENSITY));
    }

    /// Steps a region's quality through the cycle (selecting it if needed).
    pub fn cycle_quality(&mut self, region: RegionInstance) -> Option<Quality> {
        self.selection.add(region.clone());
        let note = self.notes.entry(region).or_default();
        note.quality = Quality::cycle(note.quality);
        note.quality
    }

    /// Selects a region with what was said of it (a reopened record, a saved visit); an
    /// empty note adds nothing but the region.
    pub fn add_noted(&mut self, region: RegionInstance, note: RegionNote) {
        self.selection.add(region.clone());
        if note != RegionNote::default() {
            self.notes.insert(region, note);
        }
    }

    /// Clears everything.
    pub fn clear(&mut self) {
        *self = Intake::default();
    }

    /// What ranking sees: the regions, the symptom words, and each quality given with its
    /// region (so "tingling" in the hand favours points that cover the hand and list
    /// tingling, not every point that lists it).
    pub fn ranking_selection(&self) -> Selection {
        let mut s = self.selection.clone();
        for (region, note) in &self.notes {
            if let Some(q) = note.quality {
                s.qualities.push((region.clone(), q.as_str().to_string()));
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Side;

    #[test]
    fn qualities_cycle_back_to_none() {
        let mut q = None;
        let mut seen = Vec::new();
        for _ in 0..6 {
            q = Quality::cycle(q);
            seen.push(q);
        }
        assert_eq!(seen[4], Some(Quality::Sharp));
        assert_eq!(seen[5], None);
    }

    #[test]
    fn notes_follow_the_selection() {
        let left = RegionInstance::new("temple", Some(Side::Left));
        let mut intake = Intake::default();
        intake.set_intensity(left.clone(), 14);
        assert_eq!(intake.note(&left).intensity, Some(10), "capped");
        assert_eq!(intake.selection.regions, std::slice::from_ref(&left));
        assert_eq!(intake.cycle_quality(left.clone()), Some(Quality::Aching));
        assert!(!intake.toggle(left.clone()));
        assert_eq!(intake.note(&left), RegionNote::default(), "note dropped");
    }

    #[test]
    fn qualities_feed_the_ranking() {
        let jaw = RegionInstance::new("jaw", None);
        let mut intake = Intake::default();
        intake.cycle_quality(jaw.clone());
        intake.cycle_quality(jaw.clone());
        intake.cycle_quality(jaw);
        intake.selection.symptoms.push("burning".into());
        let s = intake.ranking_selection();
        assert_eq!(
            s.symptoms,
            ["burning"],
            "a quality is not a symptom of the whole intake"
        );
        assert_eq!(
            s.qualities,
            [(RegionInstance::new("jaw", None), "tingling".into())]
        );
    }
}
