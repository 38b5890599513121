//! The atlas data model: the shape of `data/atlas.ron` and of a validated [`Atlas`].
//!
//! These types are deserialized straight from RON (`deny_unknown_fields`, plain structs
//! and plain enums only) and are only handed out inside an [`Atlas`] built by the loader,
//! so every id they mention is known to exist.

use serde::{Deserialize, Serialize};

/// A body region from the vocabulary in `domain.md` (`temple`, `neck-side`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Stable kebab-case id used by the CLI, saved records and tests.
    pub id: String,
    /// What the screen shows.
    pub name: String,
    /// The body-area heading it is listed under ("Head & face", "Neck", ...).
    pub group: String,
    /// Other words people type for it.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Midline regions (sternum, sacrum, vertex...) belong to both sides.
    #[serde(default)]
    pub midline: bool,
}

/// How often a trigger point is the cause of pain in its zones, as the references order
/// the causes of each pain area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Likelihood {
    /// Listed first or near the top of a pain area's list.
    Common,
    /// Listed, but not among the usual suspects.
    Occasional,
    /// Unusual or inconstant; kept for completeness.
    Rare,
}

impl Likelihood {
    /// The lowercase word used in RON, JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Likelihood::Common => "common",
            Likelihood::Occasional => "occasional",
            Likelihood::Rare => "rare",
        }
    }
}

/// How well a referral pattern is attested: the ranking counts it, the screen shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Attestation {
    /// Charted in Travell & Simons (the manual's drawings).
    Charted,
    /// Described in Davies' workbook but not charted so in Travell & Simons.
    Davies,
    /// A practice description (the seed's two deltoid spots, `domain.md`).
    Practice,
    /// Clinical consensus or other sources.
    Consensus,
}

impl Attestation {
    /// Every attestation, best attested first.
    pub const ALL: [Attestation; 4] = [
        Attestation::Charted,
        Attestation::Davies,
        Attestation::Practice,
        Attestation::Consensus,
    ];

    /// The lowercase word used in RON, JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Attestation::Charted => "charted",
            Attestation::Davies => "davies",
            Attestation::Practice => "practice",
            Attestation::Consensus => "consensus",
        }
    }
}

/// The body area a muscle is browsed and studied under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MuscleGroup {
    /// Scalp, face and jaw muscles.
    Head,
    /// Neck muscles.
    Neck,
    /// Shoulder girdle and upper back.
    Shoulder,
    /// Chest wall.
    Chest,
    /// Upper arm.
    Arm,
    /// Forearm.
    Forearm,
    /// Hand intrinsics.
    Hand,
    /// Abdominal wall.
    Abdomen,
    /// Back (paraspinals, quadratus lumborum).
    Back,
    /// Pelvic floor. Written `pelvic_floor` in RON, where `-` cannot stand in a bare
    /// name; `pelvic-floor` everywhere else.
    #[serde(alias = "pelvic_floor")]
    PelvicFloor,
    /// Hip and buttock.
    Hip,
    /// Thigh.
    Thigh,
    /// Lower leg.
    Leg,
    /// Foot intrinsics.
    Foot,
}

impl MuscleGroup {
    /// Every group, in head-to-toe order.
    pub const ALL: [MuscleGroup; 14] = [
        MuscleGroup::Head,
        MuscleGroup::Neck,
        MuscleGroup::Shoulder,
        MuscleGroup::Chest,
        MuscleGroup::Arm,
        MuscleGroup::Forearm,
        MuscleGroup::Hand,
        MuscleGroup::Abdomen,
        MuscleGroup::Back,
        MuscleGroup::PelvicFloor,
        MuscleGroup::Hip,
        MuscleGroup::Thigh,
        MuscleGroup::Leg,
        MuscleGroup::Foot,
    ];

    /// The kebab-case id used in RON, JSON and `--group`.
    pub fn as_str(self) -> &'static str {
        match self {
            MuscleGroup::Head => "head",
            MuscleGroup::Neck => "neck",
            MuscleGroup::Shoulder => "shoulder",
            MuscleGroup::Chest => "chest",
            MuscleGroup::Arm => "arm",
            MuscleGroup::Forearm => "forearm",
            MuscleGroup::Hand => "hand",
            MuscleGroup::Abdomen => "abdomen",
            MuscleGroup::Back => "back",
            MuscleGroup::PelvicFloor => "pelvic-floor",
            MuscleGroup::Hip => "hip",
            MuscleGroup::Thigh => "thigh",
            MuscleGroup::Leg => "leg",
            MuscleGroup::Foot => "foot",
        }
    }

    /// Parses a group id (`pelvic-floor`), case-insensitively.
    pub fn parse(s: &str) -> Option<MuscleGroup> {
        let s = s.trim().to_lowercase();
        MuscleGroup::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

/// One trigger point of a muscle and its referral pattern.
///
/// Serialized by hand (see the `Serialize` impl below): text forms leave out an empty
/// `rare`, binary forms write every field.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerPoint {
    /// Stable id, unique across the atlas (`upper-trapezius-1`).
    pub id: String,
    /// Short name within its muscle ("`TrP1`, anterior border").
    pub name: String,
    /// The region where the trigger point itself lies.
    pub location: String,
    /// Where to find it, in plain words.
    pub location_note: String,
    /// Regions where its referred pain is felt in nearly everyone.
    pub essential: Vec<String>,
    /// Regions where it is felt in some people, when the point is more irritable.
    #[serde(default)]
    pub spillover: Vec<String>,
    /// Regions (from `essential` or `spillover`) where its pain is rarely felt: the zone
    /// is rare for this point without making the point rare.
    #[serde(default)]
    pub rare: Vec<String>,
    /// How often it is the cause.
    pub likelihood: Likelihood,
    /// How well the pattern is attested (charted in the manuals, Davies, practice...).
    pub attested: Attestation,
    /// Symptoms and mimics, as words people search for.
    #[serde(default)]
    pub symptoms: Vec<String>,
    /// Zones (from `essential` or `spillover`) felt on both sides of the body, whichever
    /// side the trigger point is on. Empty for the usual same-side pattern.
    #[serde(default)]
    pub crosses: Vec<String>,
    /// A source for this point when it differs from the muscle's.
    #[serde(default)]
    pub source: Option<String>,
    /// The one side the point is found on, when the references place it on one side
    /// only (the right parasternal pectoralis major point); `None`: either side.
    #[serde(default)]
    pub side: Option<super::side::Side>,
}

/// Human-readable forms (JSON, RON) leave out an empty `rare` and a `side` of `None`, as they always have (the
/// atlas's fingerprint and `--json` output stay the same). Binary forms (the embedded
/// atlas, the cache) read fields by position, so they write every field.
impl Serialize for TriggerPoint {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        // Destructured so a new field cannot be left out unnoticed.
        let TriggerPoint {
            id,
            name,
            location,
            location_note,
            essential,
            spillover,
            rare,
            likelihood,
            attested,
            symptoms,
            crosses,
            source,
            side,
        } = self;
        let skip_rare = serializer.is_human_readable() && rare.is_empty();
        let skip_side = serializer.is_human_readable() && side.is_none();
        let mut s = serializer.serialize_struct(
            "TriggerPoint",
            13 - usize::from(skip_rare) - usize::from(skip_side),
        )?;
        s.serialize_field("id", id)?;
        s.serialize_field("name", name)?;
        s.serialize_field("location", location)?;
        s.serialize_field("location_note", location_note)?;
        s.serialize_field("essential", essential)?;
        s.serialize_field("spillover", spillover)?;
        if skip_rare {
            s.skip_field("rare")?;
        } else {
            s.serialize_field("rare", rare)?;
        }
        s.serialize_field("likelihood", likelihood)?;
        s.serialize_field("attested", attested)?;
        s.serialize_field("symptoms", symptoms)?;
        s.serialize_field("crosses", crosses)?;
        s.serialize_field("source", source)?;
        if skip_side {
            s.skip_field("side")?;
        } else {
            s.serialize_field("side", side)?;
        }
        s.end()
    }
}

/// A muscle, with its trigger points and the clinical notes a therapist reads.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Muscle {
    /// Stable kebab-case id (`upper-trapezius`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names and abbreviations people type (SCM, traps, QL...).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The body area it is browsed under.
    pub group: MuscleGroup,
    /// Book and chapter, or "clinical consensus".
    pub source: String,
    /// A short note in our own words.
    pub note: String,
    /// Activities and postures that aggravate it.
    #[serde(default)]
    pub aggravating: Vec<String>,
    /// Gentle self-care: where to press, how to stretch.
    #[serde(default)]
    pub self_care: Vec<String>,
    /// What it mimics and what else to consider.
    #[serde(default)]
    pub differential: Vec<String>,
    /// Its trigger points; at least one.
    pub trigger_points: Vec<TriggerPoint>,
}

impl Muscle {
    /// Where the trigger point `id` is among the muscle's points (0 if it is not one).
    pub fn point_index(&self, id: &str) -> usize {
        self.trigger_points
            .iter()
            .position(|t| t.id == id)
            .unwrap_or(0)
    }
}

/// One way a red flag is raised: every part that is non-empty must hold.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FlagCondition {
    /// Regions that must all be selected (on any side).
    #[serde(default)]
    pub all: Vec<String>,
    /// Regions of which at least one must be selected.
    #[serde(default)]
    pub any: Vec<String>,
    /// Symptom words of which at least one must be given.
    #[serde(default)]
    pub symptoms: Vec<String>,
    /// The age the client must be known to be over (giant cell arteritis: 50). Without
    /// an age the flag is not raised; the screen says to ask it.
    #[serde(default)]
    pub over_age: Option<u8>,
}

/// A physician-referral warning raised by a selection or symptoms.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    /// Stable id (`cardiac`).
    pub id: String,
    /// A short heading ("Possible heart problem").
    pub title: String,
    /// What to do, in plain words.
    pub message: String,
    /// The flag is raised when any of these holds.
    pub when: Vec<FlagCondition>,
}

/// A glossary entry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The word or phrase.
    pub term: String,
    /// Its meaning, in our own words.
    pub definition: String,
    /// Where the fact comes from.
    pub source: String,
}

/// How a pain guide marks a muscle for its region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GuideZone {
    /// The region is in the muscle's essential zone (solid in the charts).
    Essential,
    /// The region is reached only by its spillover (stippled).
    Spillover,
}

impl GuideZone {
    /// The lowercase word used in RON, JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            GuideZone::Essential => "essential",
            GuideZone::Spillover => "spillover",
        }
    }
}

/// One muscle in a pain guide's list for a region.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GuideEntry {
    /// The muscle's id.
    pub muscle: String,
    /// Essential or spillover, as the guide marks it.
    pub zone: GuideZone,
}

/// A pain guide's list for one region: the muscles that refer pain there, in the order
/// the guide gives them (most often the cause first). One per (region, source).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// The region's id.
    pub region: String,
    /// The book and guide the order comes from.
    pub source: String,
    /// The muscles, in the guide's order.
    pub entries: Vec<GuideEntry>,
}

/// The whole file as written in RON (`Atlas( ... )`), before validation.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Atlas")]
pub struct AtlasFile {
    /// The region vocabulary.
    pub regions: Vec<Region>,
    /// The muscles and their trigger points.
    pub muscles: Vec<Muscle>,
    /// Physician-referral warnings.
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
    /// Terms explained for clients and students.
    #[serde(default)]
    pub glossary: Vec<Term>,
    /// The pain guides: per region and source, the muscles in the guide's order.
    #[serde(default)]
    pub guides: Vec<Guide>,
}
