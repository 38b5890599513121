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
    /// Everyday words never read as another word (a typo is corrected only when the
    /// word is not one of these: "week" is never "weak").
    #[serde(default)]
    pub ordinary: Vec<String>,
    /// Words read as another only where that makes sense: "heal" is "heel" when a foot
    /// is spoken of.
    #[serde(default)]
    pub confusables: Vec<ConfusableEntry>,
    /// Set phrases that name no place or feeling ("neck of the woods", "on the other
    /// hand", "an arm and a leg"), passed over before anything else is read.
    #[serde(default)]
    pub idioms: Vec<String>,
    /// Words that make the place after them a landmark, not a pain site ("above the
    /// ear", "halfway to the elbow", "your hips").
    #[serde(default)]
    pub landmarks: Vec<String>,
    /// Verbs whose objects are not pain sites ("when I lift my knee").
    #[serde(default)]
    pub actions: Vec<String>,
    /// Words saying the places of their clause are well ("my left knee is fine").
    #[serde(default)]
    pub well: Vec<String>,
    /// Words between two side words that make both ("left more than right").
    #[serde(default)]
    pub comparisons: Vec<String>,
    /// Time, duration and frequency words ("last week", "two years ago", "every
    /// morning"): understood, never places or symptoms.
    #[serde(default)]
    pub times: Vec<String>,
    /// Words that turn a place said before them into a part of it ("knee ... on the
    /// inside" is the inner knee): each is tried as "WORD PLACE".
    #[serde(default)]
    pub aspects: Vec<String>,
    /// Plurals that do not mean both sides ("toes", "ribs").
    #[serde(default)]
    pub one_side_plurals: Vec<String>,
    /// Limbs that carry a side for the finer places said with them ("index finger on my
    /// right hand", "inner thigh, both legs").
    #[serde(default)]
    pub containers: Vec<ContainerEntry>,
}

/// A word read as another where one of `near` is said too.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Confusable")]
pub struct ConfusableEntry {
    pub typed: String,
    pub read: String,
    pub near: Vec<String>,
}

/// A limb word and the regions it holds.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Container")]
pub struct ContainerEntry {
    pub phrases: Vec<String>,
    pub holds: Vec<String>,
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
    /// The region meant when a side is said after the phrase ("neck, right side" is the
    /// side of the neck).
    #[serde(default)]
    pub sided: Option<String>,
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
