//! The screen: the clinical concepts red flags are made of, heard in what the client
//! said or answered on the screening questions, and the questions a selection with a
//! serious differential makes a therapist ask. Pure.
//!
//! A concept (exertion, relief by rest, saddle numbness...) is **heard** when one of its
//! atlas patterns matches a sentence of the client's words, unless
//! - a negator stands just before it ("no fever", "not swollen or warm"),
//! - it is someone else's ("my sister is going through chemo"),
//! - one of its `unless` patterns is said, not negated, in its clause or the next one
//!   ("lost a stone on Slimming World"), or
//! - it must be current and the sentence places it long ago (the atlas's `long-ago`
//!   concept: "years ago", "in 2009", "fully recovered"), or "old" stands just before it.
//!
//! A concept is **present** when it is heard or answered yes. An answer of no records
//! that the question was asked; it never hides what the client's words said (a missed
//! red flag is the worst thing painmap can do).
//!
//! - [`words`]: sentences, clauses, negation and someone else's matter;
//! - [`pattern`]: the pattern language.

pub mod pattern;
pub mod words;

use crate::atlas::{Atlas, Concept, RegionInstance, Side};
use pattern::Pattern;
use serde::{Deserialize, Serialize};

/// The concept whose words place a matter long ago, for concepts that must be current.
pub const LONG_AGO: &str = "long-ago";

/// A concept heard in the client's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heard {
    /// The concept's id.
    pub concept: String,
    /// The words that said it, folded ("walk up the hill").
    pub words: String,
}

/// A screening question answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The concept asked about.
    pub concept: String,
    /// Yes or no.
    pub yes: bool,
}

/// Why a concept is present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// The client's words said it.
    Heard(String),
    /// The screening question was answered yes.
    Answered,
}

/// One question the screen asks for a selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question<'a> {
    /// The concept asked about.
    pub concept: &'a Concept,
    /// The question, as the atlas words it.
    pub question: &'a str,
    /// The answer given, if any.
    pub answer: Option<bool>,
    /// What the client's words already said of it, if anything.
    pub heard: Option<String>,
}

/// Every concept heard in these texts, each once (the first words that said it), in
/// atlas order.
pub fn hear<'t>(atlas: &Atlas, texts: impl IntoIterator<Item = &'t str>) -> Vec<Heard> {
    let sentences: Vec<words::Sentence> = texts.into_iter().flat_map(words::sentences).collect();
    if sentences.is_empty() {
        return Vec::new();
    }
    let long_ago: Vec<Pattern> = atlas
        .concept(LONG_AGO)
        .map(|c| c.words.iter().map(|w| Pattern::new(w)).collect())
        .unwrap_or_default();
    let mut out = Vec::new();
    for concept in atlas.concepts().iter().filter(|c| c.id != LONG_AGO) {
        let unless: Vec<Pattern> = concept.unless.iter().map(|w| Pattern::new(w)).collect();
        let patterns: Vec<Pattern> = concept.words.iter().map(|w| Pattern::new(w)).collect();
        'found: for sentence in &sentences {
            // An `unless` takes a match back only in the match's own clause or the one
            // next to it ("my legs swell on flights, both of them"), not from across a
            // whole sentence of other matters.
            let cancelled = |clause: usize| {
                unless.iter().any(|p| {
                    p.find(sentence).iter().any(|&(s, e)| {
                        sentence[s..e]
                            .iter()
                            .any(|w| w.clause.abs_diff(clause) <= 1)
                            && !words::negated(sentence, s)
                    })
                }) || (concept.current && long_ago.iter().any(|p| !p.find(sentence).is_empty()))
            };
            for p in &patterns {
                for (start, end) in p.find(sentence) {
                    let old = concept.current
                        && sentence[start.saturating_sub(3)..start]
                            .iter()
                            .any(|w| w.text == "old");
                    if words::negated(sentence, start)
                        || words::someone_elses(sentence, start, end)
                        || old
                        || cancelled(sentence[start].clause)
                    {
                        continue;
                    }
                    let said: Vec<&str> = sentence[start..end]
                        .iter()
                        .map(|w| w.text.as_str())
                        .collect();
                    out.push(Heard {
                        concept: concept.id.clone(),
                        words: said.join(" "),
                    });
                    break 'found;
                }
            }
        }
    }
    out
}

/// The concepts present: heard in `said` or answered yes, each with why. Only the
/// client's own words are listened to, never the symptom words a reader drew from them:
/// a word out of its sentence has lost its negation and its time ("no fever", "a fall
/// years ago").
pub fn present(atlas: &Atlas, said: &[String], answers: &[Answer]) -> Vec<(String, Evidence)> {
    let mut out: Vec<(String, Evidence)> = hear(atlas, said.iter().map(String::as_str))
        .into_iter()
        .map(|h| (h.concept, Evidence::Heard(h.words)))
        .collect();
    for a in answers.iter().filter(|a| a.yes) {
        if !out.iter().any(|(c, _)| *c == a.concept) {
            out.push((a.concept.clone(), Evidence::Answered));
        }
    }
    out
}

/// Does the region selection hold for a screen or a flag's regions: every `all` region
/// selected, one of the `any` regions selected (on both sides when `both_sides`)?
pub fn regions_hold(
    regions: &[RegionInstance],
    all: &[String],
    any: &[String],
    both_sides: bool,
) -> bool {
    let selected = |id: &String| regions.iter().any(|r| &r.region == id);
    let on = |side: Side| {
        regions
            .iter()
            .any(|r| r.side == Some(side) && any.contains(&r.region))
    };
    all.iter().all(selected)
        && (any.is_empty() || any.iter().any(selected))
        && (!both_sides || (on(Side::Left) && on(Side::Right)))
}

/// The questions the screen asks for these regions, each concept once, in the order
/// the atlas's screens ask them, with the answers given and what was heard.
pub fn questions<'a>(
    atlas: &'a Atlas,
    regions: &[RegionInstance],
    heard: &[(String, Evidence)],
    answers: &[Answer],
) -> Vec<Question<'a>> {
    let mut out: Vec<Question<'a>> = Vec::new();
    for screen in atlas.screens() {
        if !regions_hold(regions, &screen.all, &screen.any, screen.both_sides) {
            continue;
        }
        for id in &screen.ask {
            let Some(concept) = atlas.concept(id) else {
                continue;
            };
            let Some(question) = concept.question.as_deref() else {
                continue;
            };
            if out.iter().any(|q| q.concept.id == *id) {
                continue;
            }
            out.push(Question {
                concept,
                question,
                answer: answers.iter().find(|a| a.concept == *id).map(|a| a.yes),
                heard: heard.iter().find_map(|(c, e)| match e {
                    Evidence::Heard(w) if c == id => Some(w.clone()),
                    _ => None,
                }),
            });
        }
    }
    out
}

/// The concepts a screen can ask about (those with a question), for `--yes` and `--no`.
pub fn askable(atlas: &Atlas) -> impl Iterator<Item = &Concept> {
    atlas.concepts().iter().filter(|c| c.question.is_some())
}
