//! The saved intake record: an intake as versioned JSON (with its ranking, for readers),
//! written by the explorer's export and reopened by `painmap --open FILE`. Reading goes
//! through the hardened reader and a record is checked against the atlas and against
//! limits on what it may hold.

use crate::atlas::{Atlas, RegionInstance, Side};
use crate::fsutil::ReadError;
use crate::intake::{Intake, MAX_INTENSITY, Quality, RegionNote};
use crate::report::Report;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The record format's name and version, checked on load.
pub const RECORD_FORMAT: &str = "painmap-intake";
/// See [`RECORD_FORMAT`].
pub const RECORD_VERSION: u32 = 1;
/// The largest record file painmap will read.
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;
/// The most regions a record may hold (every region of the atlas on both sides fits).
pub const MAX_RECORD_REGIONS: usize = 512;
/// The most symptom words a record may hold.
pub const MAX_RECORD_SYMPTOMS: usize = 64;
/// The longest symptom word, in characters.
pub const MAX_SYMPTOM_CHARS: usize = 100;
/// The most passages of the client's words a record may hold.
pub const MAX_RECORD_SAID: usize = 64;
/// The longest passage of the client's words, in characters.
pub const MAX_SAID_CHARS: usize = 2000;
/// The longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 10_000;

/// Why a record could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// The file could not be read (missing, a FIFO, too large...).
    #[error("{file}: {reason}")]
    Read {
        /// The path as given.
        file: String,
        /// Why.
        reason: ReadError,
    },
    /// The file is some other kind of file.
    #[error(
        "{file}: not an intake record ({what}); --open and visit --from read the .json records the \
         explorer's export writes"
    )]
    NotARecord {
        /// The path as given.
        file: String,
        /// What it seems to be.
        what: String,
    },
    /// The JSON is malformed.
    #[error("{file}:{line}:{col}: {message}")]
    Syntax {
        /// The path as given.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// serde's words, without its position.
        message: String,
    },
    /// Well-formed, but not a record this atlas can reopen.
    #[error("{file}: {problem}")]
    Invalid {
        /// The path as given.
        file: String,
        /// What is wrong.
        problem: String,
    },
}

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
    /// The client's age, when given (absent in older records).
    #[serde(default)]
    pub age: Option<u8>,
    /// The client's own words, which the red-flag screen listens to (absent in older
    /// records).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub said: Vec<String>,
    /// The screening questions answered (absent in older records).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<crate::screen::Answer>,
    /// The therapist's free-text note, when written (absent in older records).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
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
            age: intake.selection.age,
            said: intake.selection.said.clone(),
            answers: intake.selection.answers.clone(),
            note: intake.note.clone(),
            report: Some(report),
        }
    }

    /// Checks a record against an atlas and the limits, and rebuilds the intake. The
    /// error is the problem in words (the caller names the file).
    pub fn to_intake(&self, atlas: &Atlas) -> Result<Intake, String> {
        if self.format != RECORD_FORMAT || self.version != RECORD_VERSION {
            return Err(format!(
                "not a painmap intake record (format '{}' version {}; expected '{RECORD_FORMAT}' version {RECORD_VERSION})",
                crate::atlas::text::shown(&self.format),
                self.version
            ));
        }
        if self.regions.len() > MAX_RECORD_REGIONS {
            return Err(format!(
                "holds {} regions; a record holds at most {MAX_RECORD_REGIONS}",
                self.regions.len()
            ));
        }
        if self.symptoms.len() > MAX_RECORD_SYMPTOMS {
            return Err(format!(
                "holds {} symptom words; a record holds at most {MAX_RECORD_SYMPTOMS}",
                self.symptoms.len()
            ));
        }
        if let Some(long) = self
            .symptoms
            .iter()
            .find(|s| s.chars().count() > MAX_SYMPTOM_CHARS)
        {
            return Err(format!(
                "symptom '{}' is longer than {MAX_SYMPTOM_CHARS} characters",
                crate::atlas::text::shown(long)
            ));
        }
        if self.symptoms.iter().any(|s| crate::escape::has_control(s)) {
            return Err("a symptom holds a control character (an escape sequence?)".into());
        }
        let mut intake = Intake::default();
        for r in &self.regions {
            let region = atlas.region(&r.region).ok_or_else(|| {
                format!("unknown region '{}'", crate::atlas::text::shown(&r.region))
            })?;
            let side = if region.midline { None } else { r.side };
            let inst = RegionInstance::new(r.region.clone(), side);
            if let Some(i) = r.intensity.filter(|i| *i > MAX_INTENSITY) {
                return Err(format!("region '{}': intensity {i} is above 10", r.region));
            }
            intake.add_noted(
                inst,
                RegionNote {
                    intensity: r.intensity,
                    quality: r.quality,
                },
            );
        }
        intake.selection.symptoms.clone_from(&self.symptoms);
        if let Some(age) = self.age.filter(|a| *a > crate::rank::MAX_AGE) {
            return Err(format!("age {age} is above {}", crate::rank::MAX_AGE));
        }
        intake.selection.age = self.age;
        if self.said.len() > MAX_RECORD_SAID {
            return Err(format!(
                "holds {} passages of the client's words; a record holds at most {MAX_RECORD_SAID}",
                self.said.len()
            ));
        }
        if let Some(long) = self
            .said
            .iter()
            .find(|s| s.chars().count() > MAX_SAID_CHARS)
        {
            return Err(format!(
                "the client's words '{}' are longer than {MAX_SAID_CHARS} characters",
                crate::atlas::text::shown(long)
            ));
        }
        intake.selection.said.clone_from(&self.said);
        for a in &self.answers {
            if !crate::screen::askable(atlas).any(|c| c.id == a.concept) {
                return Err(format!(
                    "answer to unknown screening concept '{}'",
                    crate::atlas::text::shown(&a.concept)
                ));
            }
            intake.selection.answer(&a.concept, Some(a.yes));
        }
        if let Some(note) = &self.note
            && note.chars().count() > MAX_NOTE_CHARS
        {
            return Err(format!(
                "the note is longer than {MAX_NOTE_CHARS} characters"
            ));
        }
        intake.note.clone_from(&self.note);
        Ok(intake)
    }

    /// Reads a record file and rebuilds its intake.
    pub fn load(path: &Path, atlas: &Atlas) -> Result<Intake, RecordError> {
        Record::from_bytes(&read_file(path)?, path, atlas)
    }

    /// Reads a record file without checking it against an atlas (`painmap visit --from`
    /// also wants its date).
    pub fn read(path: &Path) -> Result<Record, RecordError> {
        Record::parse(&read_file(path)?, path)
    }

    /// Rebuilds an intake from a record file's bytes; `path` names it in errors (and its
    /// extension tells a Markdown note).
    pub fn from_bytes(bytes: &[u8], path: &Path, atlas: &Atlas) -> Result<Intake, RecordError> {
        Record::parse(bytes, path)?
            .to_intake(atlas)
            .map_err(|problem| RecordError::Invalid {
                file: path.display().to_string(),
                problem,
            })
    }

    /// Parses a record file's bytes, telling a note or other file from a record.
    fn parse(bytes: &[u8], path: &Path) -> Result<Record, RecordError> {
        let file = path.display().to_string();
        let first = bytes.iter().copied().find(|b| !b.is_ascii_whitespace());
        if first != Some(b'{') {
            let markdown = path
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("md"));
            let what = if markdown || first == Some(b'#') {
                "it is a Markdown note"
            } else if first.is_none() {
                "it is empty"
            } else {
                "it is not JSON"
            };
            return Err(RecordError::NotARecord {
                file,
                what: what.into(),
            });
        }
        serde_json::from_slice(bytes).map_err(|e| RecordError::Syntax {
            file,
            line: e.line(),
            col: e.column(),
            message: strip_position(&e),
        })
    }
}

/// A record file's bytes, through the hardened reader.
fn read_file(path: &Path) -> Result<Vec<u8>, RecordError> {
    crate::fsutil::read_capped(path, MAX_RECORD_BYTES).map_err(|reason| RecordError::Read {
        file: path.display().to_string(),
        reason,
    })
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
        Atlas::from_text(include_str!("../../../tests/fixtures/mini.ron"), "mini.ron").unwrap()
    }

    #[test]
    fn records_round_trip() {
        let atlas = mini();
        let mut intake = Intake::default();
        intake.set_intensity(RegionInstance::new("temple", Some(Side::Left)), 7);
        intake.cycle_quality(RegionInstance::new("temple", Some(Side::Left)));
        intake.toggle(RegionInstance::new("sternum", None));
        intake.selection.symptoms.push("dizziness".into());
        intake.selection.age = Some(62);
        intake.selection.said.push("a fever since Monday".into());
        intake.selection.answer("fever", Some(false));
        intake.note = Some("worse after | desk work".into());
        let report = Report::build(&atlas, &intake, 5, crate::report::By::Muscle);
        let record = Record::new(&intake, report, "2026-11-24 10:00 UTC");
        let json = serde_json::to_string(&record).unwrap();
        let back: Record = serde_json::from_str(&json).unwrap();
        assert_eq!(back.report, None, "the ranking is not read back");
        assert_eq!(back.to_intake(&atlas).unwrap(), intake);
        assert!(json.contains(r#""answers":[{"concept":"fever","yes":false}]"#));
        let unknown = json.replace(r#""concept":"fever""#, r#""concept":"fevr""#);
        let err = serde_json::from_str::<Record>(&unknown)
            .unwrap()
            .to_intake(&atlas)
            .unwrap_err();
        assert!(err.contains("unknown screening concept 'fevr'"), "{err}");
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

    #[test]
    fn a_record_holds_only_so_much() {
        let atlas = mini();
        let many: Vec<String> = (0..=MAX_RECORD_SYMPTOMS).map(|i| format!("w{i}")).collect();
        let record = Record {
            format: RECORD_FORMAT.into(),
            version: RECORD_VERSION,
            date: "d".into(),
            regions: vec![],
            symptoms: many,
            age: None,
            said: Vec::new(),
            answers: Vec::new(),
            note: None,
            report: None,
        };
        let err = record.to_intake(&atlas).unwrap_err();
        assert!(err.contains("at most 64"), "{err}");
    }

    #[test]
    fn a_note_is_not_a_record() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let md = dir.join("x.md");
        std::fs::write(&md, "# painmap intake note\n").unwrap();
        let err = Record::load(&md, &mini()).unwrap_err().to_string();
        assert!(
            err.contains("x.md: not an intake record (it is a Markdown note)"),
            "{err}"
        );
        assert!(err.contains(".json"), "{err}");
    }
}
