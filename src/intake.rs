//! An intake: the selection with, per region, an intensity (0-10) and a pain quality, plus
//! symptom words. Saved as a Markdown note or a JSON record; a JSON record reopens in the
//! explorer (`painmap --open FILE`). Pure, apart from reading a record file.

use crate::atlas::{Atlas, RegionInstance, Side};
use crate::rank::Selection;
use crate::report::Report;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// How the pain feels in a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Quality {
    /// A dull, deep ache.
    Aching,
    /// Burning.
    Burning,
    /// Pins and needles.
    Tingling,
    /// Reduced feeling.
    Numbness,
    /// Sharp, stabbing.
    Sharp,
}

impl Quality {
    /// Every quality, in the order `p` cycles through them.
    pub const ALL: [Quality; 5] = [
        Quality::Aching,
        Quality::Burning,
        Quality::Tingling,
        Quality::Numbness,
        Quality::Sharp,
    ];

    /// The word, which is also the symptom word it adds to the ranking.
    pub fn as_str(self) -> &'static str {
        match self {
            Quality::Aching => "aching",
            Quality::Burning => "burning",
            Quality::Tingling => "tingling",
            Quality::Numbness => "numbness",
            Quality::Sharp => "sharp",
        }
    }

    /// The next quality in the cycle none -> aching -> ... -> sharp -> none.
    pub fn cycle(current: Option<Quality>) -> Option<Quality> {
        match current {
            None => Some(Quality::ALL[0]),
            Some(q) => {
                let i = Quality::ALL.iter().position(|x| *x == q).unwrap_or(0);
                Quality::ALL.get(i + 1).copied()
            }
        }
    }
}

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
}

impl Intake {
    /// An intake of a plain selection.
    pub fn of(selection: Selection) -> Intake {
        Intake {
            selection,
            notes: BTreeMap::new(),
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

    /// Clears everything.
    pub fn clear(&mut self) {
        *self = Intake::default();
    }

    /// What ranking sees: the regions, and the symptom words plus each quality given
    /// (so "tingling" in a region favours points whose symptoms list tingling).
    pub fn ranking_selection(&self) -> Selection {
        let mut s = self.selection.clone();
        for note in self.notes.values() {
            if let Some(q) = note.quality {
                let word = q.as_str().to_string();
                if !s.symptoms.contains(&word) {
                    s.symptoms.push(word);
                }
            }
        }
        s
    }
}

/// The record format's name and version, checked on load.
pub const RECORD_FORMAT: &str = "painmap-intake";
/// See [`RECORD_FORMAT`].
pub const RECORD_VERSION: u32 = 1;
/// The largest record painmap will read.
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;

/// One region of a saved record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordRegion {
    /// Region id.
    pub region: String,
    /// Side, or null.
    pub side: Option<Side>,
    /// 0-10, or null.
    pub intensity: Option<u8>,
    /// Quality, or null.
    pub quality: Option<Quality>,
}

/// An intake as saved to JSON. The ranking is included for readers of the file; it is
/// recomputed (not read back) when the record is reopened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Always [`RECORD_FORMAT`].
    pub format: String,
    /// Always [`RECORD_VERSION`].
    pub version: u32,
    /// When it was taken.
    pub date: String,
    /// The regions with their notes.
    pub regions: Vec<RecordRegion>,
    /// Symptom words.
    pub symptoms: Vec<String>,
    /// The ranking at the time, for readers; ignored on load.
    #[serde(default, deserialize_with = "ignore_report")]
    pub report: Option<Report>,
}

/// Reads past a saved ranking: it is recomputed from the regions on load.
fn ignore_report<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Report>, D::Error> {
    serde::de::IgnoredAny::deserialize(d)?;
    Ok(None)
}

impl Record {
    /// The record of an intake, with its ranking.
    pub fn new(intake: &Intake, report: Report, date: &str) -> Record {
        Record {
            format: RECORD_FORMAT.into(),
            version: RECORD_VERSION,
            date: date.into(),
            regions: intake
                .selection
                .regions
                .iter()
                .map(|r| {
                    let note = intake.note(r);
                    RecordRegion {
                        region: r.region.clone(),
                        side: r.side,
                        intensity: note.intensity,
                        quality: note.quality,
                    }
                })
                .collect(),
            symptoms: intake.selection.symptoms.clone(),
            report: Some(report),
        }
    }

    /// Checks a record against an atlas and rebuilds the intake.
    pub fn to_intake(&self, atlas: &Atlas) -> Result<Intake, String> {
        if self.format != RECORD_FORMAT || self.version != RECORD_VERSION {
            return Err(format!(
                "not a painmap intake record (format '{}' version {}; expected '{RECORD_FORMAT}' version {RECORD_VERSION})",
                self.format, self.version
            ));
        }
        let mut intake = Intake::default();
        for r in &self.regions {
            let region = atlas
                .region(&r.region)
                .ok_or_else(|| format!("unknown region '{}'", r.region))?;
            let side = if region.midline { None } else { r.side };
            let inst = RegionInstance::new(r.region.clone(), side);
            if let Some(i) = r.intensity.filter(|i| *i > MAX_INTENSITY) {
                return Err(format!("region '{}': intensity {i} is above 10", r.region));
            }
            intake.selection.add(inst.clone());
            if r.intensity.is_some() || r.quality.is_some() {
                intake.notes.insert(
                    inst,
                    RegionNote {
                        intensity: r.intensity,
                        quality: r.quality,
                    },
                );
            }
        }
        intake.selection.symptoms.clone_from(&self.symptoms);
        Ok(intake)
    }

    /// Reads a record file and rebuilds its intake. Errors are one line naming the file
    /// (and the `line:col` of a JSON error).
    pub fn load(path: &Path, atlas: &Atlas) -> Result<Intake, String> {
        let record = Record::read(path)?;
        record
            .to_intake(atlas)
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Reads a record file without checking it against an atlas (see [`Record::load`]).
    pub fn read(path: &Path) -> Result<Record, String> {
        let name = path.display();
        let meta = std::fs::metadata(path).map_err(|e| format!("{name}: {}", io_words(&e)))?;
        if meta.is_dir() {
            return Err(format!("{name}: is a directory, not an intake record"));
        }
        if meta.len() > MAX_RECORD_BYTES {
            return Err(format!(
                "{name}: {} bytes is too large for an intake record",
                meta.len()
            ));
        }
        let text = std::fs::read(path).map_err(|e| format!("{name}: {}", io_words(&e)))?;
        serde_json::from_slice(&text)
            .map_err(|e| format!("{name}:{}:{}: {}", e.line(), e.column(), strip_position(&e)))
    }
}

fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// `serde_json` appends " at line L column C"; the position is already in front.
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mini() -> Atlas {
        Atlas::from_text(include_str!("../tests/fixtures/mini.ron"), "mini.ron").unwrap()
    }

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
        intake.selection.symptoms.push("tingling".into());
        assert_eq!(
            intake.ranking_selection().symptoms,
            ["tingling"],
            "no duplicate"
        );
    }

    #[test]
    fn records_round_trip() {
        let atlas = mini();
        let mut intake = Intake::default();
        intake.set_intensity(RegionInstance::new("temple", Some(Side::Left)), 7);
        intake.cycle_quality(RegionInstance::new("temple", Some(Side::Left)));
        intake.toggle(RegionInstance::new("sternum", None));
        intake.selection.symptoms.push("dizziness".into());
        let report = Report::build(&atlas, &intake, 5);
        let record = Record::new(&intake, report, "2026-11-24 10:00 UTC");
        let json = serde_json::to_string(&record).unwrap();
        let back: Record = serde_json::from_str(&json).unwrap();
        assert_eq!(back.report, None, "the ranking is not read back");
        assert_eq!(back.to_intake(&atlas).unwrap(), intake);
    }

    #[test]
    fn bad_records_are_refused_with_reasons() {
        let atlas = mini();
        let record = |regions: &str| {
            format!(
                r#"{{"format":"painmap-intake","version":1,"date":"d","regions":[{regions}],"symptoms":[]}}"#
            )
        };
        let check = |json: String| {
            serde_json::from_str::<Record>(&json)
                .map_err(|e| e.to_string())
                .and_then(|r| r.to_intake(&atlas))
        };
        let err = check(record(
            r#"{"region":"elbow","side":"left","intensity":null,"quality":null}"#,
        ));
        assert_eq!(err.unwrap_err(), "unknown region 'elbow'");
        let err = check(record(
            r#"{"region":"jaw","side":"left","intensity":11,"quality":null}"#,
        ));
        assert!(err.unwrap_err().contains("above 10"));
        let err = check(record(
            r#"{"region":"jaw","side":"up","intensity":1,"quality":null}"#,
        ));
        assert!(err.unwrap_err().contains("unknown variant"));
        let wrong = r#"{"format":"x","version":1,"date":"d","regions":[],"symptoms":[]}"#;
        assert!(
            check(wrong.into())
                .unwrap_err()
                .contains("not a painmap intake record")
        );
    }
}
