//! The shape of `data/lexicon.ron` as written, before it is checked against an atlas.
//! Kept apart (serde and [`Quality`] only) so the build step reads the shipped lexicon
//! with these very types and embeds it in binary form.

use crate::intake::Quality;
use serde::{Deserialize, Serialize};

/// The file as written.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Lexicon")]
pub struct LexiconFile {
    pub fillers: Vec<String>,
    pub ignore: Vec<String>,
    pub negations: Vec<String>,
    pub negation_ends: Vec<String>,
    pub between: Vec<String>,
    pub places: Vec<PlaceEntry>,
    pub paths: Vec<PathEntry>,
    pub lines: Vec<LineEntry>,
    pub qualities: Vec<QualityEntry>,
    pub symptoms: Vec<SymptomEntry>,
}

/// Phrases for one region; `around` lists the regions a loose word ("knee") may stand
/// for at the end of a path.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Place")]
pub struct PlaceEntry {
    pub region: String,
    pub phrases: Vec<String>,
    #[serde(default)]
    pub around: Vec<String>,
}

/// Phrases for a stretch of several regions ("down the arm").
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Path")]
pub struct PathEntry {
    pub phrases: Vec<String>,
    pub regions: Vec<String>,
}

/// Regions in order along a line of the body, for "from X to Y".
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Line")]
pub struct LineEntry {
    pub name: String,
    pub regions: Vec<String>,
}

/// Words for one pain quality.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Quality")]
pub struct QualityEntry {
    pub quality: Quality,
    pub phrases: Vec<String>,
}

/// Words for one of the atlas's symptom words.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Symptom")]
pub struct SymptomEntry {
    pub symptom: String,
    pub phrases: Vec<String>,
}
