//! The ranked report: one serializable value built from a selection, rendered as text,
//! JSON or a Markdown intake note. Shared by `painmap rank` and the explorer's export.

use crate::DISCLAIMER;
use crate::atlas::{Atlas, Attestation, RegionInstance, Side};
use crate::escape;
use crate::intake::Intake;
use crate::rank::{self, Match, MuscleCandidate, Placed, PointCandidate};
use serde::Serialize;
use std::fmt::Write as _;

/// A selected region, as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SelectedRegion {
    /// Region id.
    pub region: String,
    /// `"left"`, `"right"` or null.
    pub side: Option<&'static str>,
    /// 0-10, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intensity: Option<u8>,
    /// "aching", "burning"..., when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality: Option<&'static str>,
}

/// One reason a candidate ranks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportMatch {
    /// Region id.
    pub region: String,
    /// `"left"`, `"right"` or null.
    pub side: Option<&'static str>,
    /// `"essential"`, `"spillover"` or `"local"`.
    pub zone: &'static str,
    /// The zone is rare for the trigger point giving it (present only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub rare: bool,
    /// The pain guide for the region lists the muscle first, and speaks for this match
    /// (present only when true): see `rank`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub guide_first: bool,
}

/// One trigger point of a muscle candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportPoint {
    /// Trigger point id.
    pub trigger_point: String,
    /// Trigger point name.
    pub trigger_point_name: String,
    /// Its own score (see `rank`).
    pub score: u32,
    /// `"common"`, `"occasional"` or `"rare"`.
    pub likelihood: &'static str,
    /// `"charted"`, `"davies"`, `"practice"` or `"consensus"`.
    pub attested: Attestation,
    /// The selected regions it covers.
    pub matches: Vec<ReportMatch>,
    /// The symptom words it matched.
    pub symptoms: Vec<String>,
}

/// One ranked candidate: a muscle on a side (with its points), or with `--by point` a
/// trigger point on a side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportCandidate {
    /// 1-based rank; candidates in a true tie share it.
    pub rank: usize,
    /// Whether another candidate has the same rank.
    pub tied: bool,
    /// Muscle id.
    pub muscle: String,
    /// Muscle name.
    pub muscle_name: String,
    /// Trigger point id (by point only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger_point: Option<String>,
    /// Trigger point name (by point only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger_point_name: Option<String>,
    /// `"left"`, `"right"` or null.
    pub side: Option<&'static str>,
    /// Score (see `rank`).
    pub score: u32,
    /// `"common"`, `"occasional"` or `"rare"`.
    pub likelihood: &'static str,
    /// How the trigger point is attested (by point only; by muscle, on each point).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attested: Option<Attestation>,
    /// The selected regions it covers.
    pub matches: Vec<ReportMatch>,
    /// The symptom words it matched.
    pub symptoms: Vec<String>,
    /// Its trigger points that reach the selection, best first (by muscle only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trigger_points: Option<Vec<ReportPoint>>,
}

/// A raised red flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportFlag {
    /// Flag id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// What to do.
    pub message: String,
    /// The screening reference it follows.
    pub source: String,
    /// What raised it: the words heard and the answers given ("" when the regions
    /// alone raised it).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub because: String,
    /// An answer on the screen raised it (present only when true).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub by_answer: bool,
}

impl ReportFlag {
    /// "RED FLAG: title (heard ...). message Source: ..." without the prefix.
    fn words(&self) -> String {
        let because = if self.because.is_empty() {
            String::new()
        } else {
            format!(" ({})", self.because)
        };
        format!(
            "{}{because}. {} [Source: {}]",
            self.title, self.message, self.source
        )
    }
}

/// A screening question the selection makes a therapist ask.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportQuestion {
    /// The concept asked about (what `--yes` and `--no` take).
    pub concept: String,
    /// The question.
    pub question: String,
    /// The answer: true, false, or null until given.
    pub answer: Option<bool>,
    /// The client's words that already said it, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heard: Option<String>,
}

impl ReportQuestion {
    /// "ask: Question? [--yes|--no concept]", or the answer given.
    pub fn words(&self) -> String {
        match (self.answer, &self.heard) {
            (Some(yes), _) => format!(
                "asked: {} {} [{}]",
                self.question,
                if yes { "yes" } else { "no" },
                self.concept
            ),
            (None, Some(heard)) => format!(
                "ask: {} (the client said '{heard}') [--yes|--no {}]",
                self.question, self.concept
            ),
            (None, None) => format!("ask: {} [--yes|--no {}]", self.question, self.concept),
        }
    }
}

/// A red flag held back because the age is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportAgeQuestion {
    /// Flag id.
    pub id: String,
    /// Heading.
    pub title: String,
    /// It is raised above this age.
    pub over: u8,
}

impl ReportAgeQuestion {
    /// See [`ask_age`].
    pub fn words(&self) -> String {
        ask_age(&self.title, self.over)
    }
}

/// "Ask the age: over 50, temple pain with jaw pain on chewing is a red flag."
pub fn ask_age(title: &str, over: u8) -> String {
    format!(
        "Ask the age: over {over}, {} is a red flag.",
        lower_first(title)
    )
}

/// What a candidate is: a muscle on a side, or a trigger point on a side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    /// A muscle, scored over its trigger points (the default).
    #[default]
    Muscle,
    /// A single trigger point.
    Point,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The selection, in order.
    pub selection: Vec<SelectedRegion>,
    /// Symptom words given.
    pub symptoms: Vec<String>,
    /// The client's age, when given.
    pub age: Option<u8>,
    /// `"muscle"` or `"point"`: what a candidate is.
    pub by: By,
    /// Candidates, best first, at most the requested number.
    pub candidates: Vec<ReportCandidate>,
    /// How many candidates there were before the cut.
    pub total_candidates: usize,
    /// Red flags raised.
    pub red_flags: Vec<ReportFlag>,
    /// Red flags that depend on an age not given: ask it.
    pub ask_age: Vec<ReportAgeQuestion>,
    /// The screening questions the selection asks, with their answers.
    pub screen: Vec<ReportQuestion>,
    /// The client's own words the screen listened to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub said: Vec<String>,
    /// What else it could be: the dermatomes, nerve fields and visceral zones the
    /// selection fits well, with the questions that tell them apart.
    pub what_else: Vec<crate::layers::report::ReportLayer>,
    /// The disclaimer, always present.
    pub disclaimer: &'static str,
}

fn report_matches(matches: &[Match]) -> Vec<ReportMatch> {
    matches
        .iter()
        .map(|m| ReportMatch {
            region: m.region.region.clone(),
            side: m.region.side.map(Side::as_str),
            zone: m.zone.as_str(),
            rare: m.rare,
            guide_first: m.guide_first(),
        })
        .collect()
}

fn report_point(p: &PointCandidate<'_>) -> ReportPoint {
    ReportPoint {
        trigger_point: p.trigger_point.id.clone(),
        trigger_point_name: p.trigger_point.name.clone(),
        score: p.score,
        likelihood: p.trigger_point.likelihood.as_str(),
        attested: p.trigger_point.attested,
        matches: report_matches(&p.matches),
        symptoms: p.symptoms.clone(),
    }
}

impl ReportCandidate {
    /// A muscle candidate with its points.
    pub fn of_muscle(placed: &Placed<MuscleCandidate<'_>>) -> ReportCandidate {
        let c = &placed.item;
        ReportCandidate {
            rank: placed.rank,
            tied: placed.tied,
            muscle: c.muscle.id.clone(),
            muscle_name: c.muscle.name.clone(),
            trigger_point: None,
            trigger_point_name: None,
            side: c.side.map(Side::as_str),
            score: c.score,
            likelihood: c.likelihood.as_str(),
            attested: None,
            matches: report_matches(&c.matches),
            symptoms: c.symptoms.clone(),
            trigger_points: Some(c.points.iter().map(report_point).collect()),
        }
    }

    /// A trigger-point candidate.
    pub fn of_point(placed: &Placed<PointCandidate<'_>>) -> ReportCandidate {
        let c = &placed.item;
        ReportCandidate {
            rank: placed.rank,
            tied: placed.tied,
            muscle: c.muscle.id.clone(),
            muscle_name: c.muscle.name.clone(),
            trigger_point: Some(c.trigger_point.id.clone()),
            trigger_point_name: Some(c.trigger_point.name.clone()),
            side: c.side.map(Side::as_str),
            score: c.score,
            likelihood: c.trigger_point.likelihood.as_str(),
            attested: Some(c.trigger_point.attested),
            matches: report_matches(&c.matches),
            symptoms: c.symptoms.clone(),
            trigger_points: None,
        }
    }

    /// "3", or "=3" in a tie.
    pub fn rank_label(&self) -> String {
        if self.tied {
            format!("={}", self.rank)
        } else {
            self.rank.to_string()
        }
    }

    /// "left temple (essential), jaw (spillover); symptoms: dizziness".
    pub fn reasons(&self, atlas: &Atlas) -> String {
        reasons(atlas, &self.matches, &self.symptoms)
    }

    /// The heading: "Upper trapezius", or by point "Upper trapezius, `TrP1` ...", with
    /// the side.
    fn title(&self) -> String {
        let side = self.side.map(|s| format!(" ({s})")).unwrap_or_default();
        match &self.trigger_point_name {
            Some(tp) => format!("{}, {tp}{side}", self.muscle_name),
            None => format!("{}{side}", self.muscle_name),
        }
    }
}

impl ReportPoint {
    /// As [`ReportCandidate::reasons`].
    pub fn reasons(&self, atlas: &Atlas) -> String {
        reasons(atlas, &self.matches, &self.symptoms)
    }
}

fn reasons(atlas: &Atlas, matches: &[ReportMatch], symptoms: &[String]) -> String {
    let mut parts: Vec<String> = matches
        .iter()
        .map(|m| {
            format!(
                "{} ({})",
                place(atlas, &m.region, m.side),
                zone_words(m.zone, m.rare, m.guide_first)
            )
        })
        .collect();
    if !symptoms.is_empty() {
        parts.push(format!("symptoms: {}", symptoms.join(", ")));
    }
    parts.join(", ")
}

/// How a match's zone reads in a reason: "spillover", "essential, rare", "spillover,
/// guide's first" (the region's pain guide lists the muscle first).
pub fn zone_words(zone: &str, rare: bool, guide_first: bool) -> String {
    let rare = if rare { ", rare" } else { "" };
    let first = if guide_first { ", guide's first" } else { "" };
    format!("{zone}{rare}{first}")
}

/// How a provenance reads in a note or on screen: "charted in Travell & Simons".
pub fn attested_words(attested: Attestation) -> &'static str {
    match attested {
        Attestation::Charted => "charted in Travell & Simons",
        Attestation::Davies => "described in Davies' workbook",
        Attestation::Practice => "a practice description, not charted so in the manuals",
        Attestation::Consensus => "clinical consensus",
    }
}

impl Report {
    /// Ranks an intake (its regions, symptoms, qualities and age) and keeps the best
    /// `top` candidates, by muscle or by point.
    pub fn build(atlas: &Atlas, intake: &Intake, top: usize, by: By) -> Report {
        let selection = intake.ranking_selection();
        let (candidates, total) = match by {
            By::Muscle => {
                let r = rank::rank(atlas, &selection, top);
                (
                    r.candidates
                        .iter()
                        .map(ReportCandidate::of_muscle)
                        .collect(),
                    r.total,
                )
            }
            By::Point => {
                let r = rank::rank_points(atlas, &selection, top);
                (
                    r.candidates.iter().map(ReportCandidate::of_point).collect(),
                    r.total,
                )
            }
        };
        Report {
            selection: intake
                .selection
                .regions
                .iter()
                .map(|r| {
                    let note = intake.note(r);
                    SelectedRegion {
                        region: r.region.clone(),
                        side: r.side.map(Side::as_str),
                        intensity: note.intensity,
                        quality: note.quality.map(crate::intake::Quality::as_str),
                    }
                })
                .collect(),
            symptoms: intake.selection.symptoms.clone(),
            age: intake.selection.age,
            by,
            candidates,
            total_candidates: total,
            red_flags: rank::red_flags(atlas, &selection)
                .iter()
                .map(|f| ReportFlag {
                    id: f.flag.id.clone(),
                    title: f.flag.title.clone(),
                    message: f.flag.message.clone(),
                    source: f.flag.source.clone(),
                    because: f.reasons(),
                    by_answer: f.by_answer(),
                })
                .collect(),
            screen: rank::screen_questions(atlas, &selection)
                .iter()
                .map(|q| ReportQuestion {
                    concept: q.concept.id.clone(),
                    question: q.question.to_string(),
                    answer: q.answer,
                    heard: q.heard.clone(),
                })
                .collect(),
            said: selection.said.clone(),
            what_else: crate::layers::report::what_else(
                crate::layers::shipped(),
                &selection.regions,
            ),
            ask_age: rank::age_questions(atlas, &selection)
                .iter()
                .map(|q| ReportAgeQuestion {
                    id: q.flag.id.clone(),
                    title: q.flag.title.clone(),
                    over: q.over,
                })
                .collect(),
            disclaimer: DISCLAIMER,
        }
    }

    /// Plain text for a terminal or a pipe.
    pub fn to_text(&self, atlas: &Atlas) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "Where it hurts: {}", self.selection_words(atlas));
        if !self.symptoms.is_empty() {
            let _ = writeln!(s, "Symptoms: {}", self.symptoms.join(", "));
        }
        if let Some(age) = self.age {
            let _ = writeln!(s, "Age: {age}");
        }
        for flag in &self.red_flags {
            let _ = writeln!(s, "\n!! RED FLAG: {}", flag.words());
        }
        for q in &self.ask_age {
            let _ = writeln!(s, "\n{}", q.words());
        }
        if !self.screen.is_empty() {
            s.push('\n');
        }
        for q in &self.screen {
            let _ = writeln!(s, "{}", q.words());
        }
        s.push('\n');
        if self.candidates.is_empty() {
            s.push_str("No trigger point in the atlas refers pain there.\n");
        }
        for c in &self.candidates {
            let attested = c
                .attested
                .map(|a| format!(", {}", a.as_str()))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "{:>3}. {}  [score {}, {}{attested}]",
                c.rank_label(),
                c.title(),
                c.score,
                c.likelihood
            );
            let _ = writeln!(s, "     {}", c.reasons(atlas));
            for p in c.trigger_points.iter().flatten() {
                let _ = writeln!(
                    s,
                    "       - {}  [{}, {}, {}]: {}",
                    p.trigger_point_name,
                    p.score,
                    p.likelihood,
                    p.attested.as_str(),
                    p.reasons(atlas)
                );
            }
        }
        if self.total_candidates > self.candidates.len() {
            let _ = writeln!(
                s,
                "     ... {} more (use --top)",
                self.total_candidates - self.candidates.len()
            );
        }
        s.push_str(&crate::layers::report::text(atlas, &self.what_else));
        let _ = writeln!(s, "\n{DISCLAIMER}");
        s
    }

    /// A Markdown intake note, dated `date` (e.g. "2026-11-24 10:30 UTC").
    pub fn to_markdown(&self, atlas: &Atlas, date: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "# painmap intake note\n");
        let _ = writeln!(s, "- Date: {date}");
        let age = self
            .age
            .map_or_else(|| "not given".to_string(), |a| a.to_string());
        let _ = writeln!(s, "- Age: {age}");
        let symptoms = if self.symptoms.is_empty() {
            "none given".to_string()
        } else {
            self.symptoms.join(", ")
        };
        let _ = writeln!(s, "- Symptoms: {}\n", escape::markdown(&symptoms));
        let _ = writeln!(s, "## Where it hurts\n");
        if self.selection.is_empty() {
            let _ = writeln!(s, "No region selected.\n");
        } else {
            let _ = writeln!(s, "| Region | Side | Intensity (0-10) | Quality |");
            let _ = writeln!(s, "|---|---|---|---|");
            for r in &self.selection {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} |",
                    escape::markdown(atlas.region_name(&r.region)),
                    r.side.unwrap_or("midline or either"),
                    r.intensity.map_or("-".to_string(), |i| i.to_string()),
                    r.quality.unwrap_or("-")
                );
            }
            s.push('\n');
        }
        let _ = writeln!(s, "## Red flags\n");
        if self.red_flags.is_empty() {
            let _ = writeln!(s, "None raised by this selection.");
        }
        for flag in &self.red_flags {
            let because = if flag.because.is_empty() {
                String::new()
            } else {
                format!(" ({})", escape::markdown(&flag.because))
            };
            let _ = writeln!(
                s,
                "- **{}**{because}: {} _Source: {}_",
                escape::markdown(&flag.title),
                escape::markdown(&flag.message),
                escape::markdown(&flag.source)
            );
        }
        for q in &self.ask_age {
            let _ = writeln!(s, "- {}", escape::markdown(&q.words()));
        }
        s.push('\n');
        if !self.screen.is_empty() || !self.said.is_empty() {
            let _ = writeln!(s, "## Screening questions\n");
            for said in &self.said {
                let said = crate::atlas::text::printable(said);
                let _ = writeln!(s, "- The client said: \"{said}\"");
            }
            for q in &self.screen {
                let answer = match q.answer {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "not asked",
                };
                let heard = q
                    .heard
                    .as_ref()
                    .map(|h| format!(" (said: '{h}')"))
                    .unwrap_or_default();
                let _ = writeln!(s, "- {} **{answer}**{heard}", q.question);
            }
            s.push('\n');
        }
        self.markdown_candidates(atlas, &mut s);
        let _ = writeln!(s, "---\n\n_{DISCLAIMER}_");
        s
    }

    fn markdown_candidates(&self, atlas: &Atlas, s: &mut String) {
        let heading = match self.by {
            By::Muscle => "Candidate muscles",
            By::Point => "Candidate trigger points",
        };
        let _ = writeln!(s, "## {heading}\n");
        if self.candidates.is_empty() {
            let _ = writeln!(s, "No trigger point in the atlas refers pain there.\n");
            return;
        }
        let _ = writeln!(s, "| # | Muscle | Trigger points | Side | Why | Score |");
        let _ = writeln!(s, "|---|---|---|---|---|---|");
        for c in &self.candidates {
            let points = match (&c.trigger_points, &c.trigger_point_name, c.attested) {
                (Some(points), _, _) => points
                    .iter()
                    .map(|p| {
                        format!(
                            "{} ({}, {})",
                            p.trigger_point_name,
                            attested_words(p.attested),
                            p.score
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                (None, Some(name), Some(a)) => format!("{name} ({})", attested_words(a)),
                _ => String::new(),
            };
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} |",
                c.rank_label(),
                escape::markdown(&c.muscle_name),
                escape::markdown(&points),
                c.side.unwrap_or("-"),
                escape::markdown(&c.reasons(atlas)),
                c.score
            );
        }
        s.push('\n');
    }

    /// "left temple (7, burning), side of neck".
    fn selection_words(&self, atlas: &Atlas) -> String {
        if self.selection.is_empty() {
            return "no region selected".into();
        }
        self.selection
            .iter()
            .map(|r| {
                let notes: Vec<String> = r
                    .intensity
                    .map(|i| i.to_string())
                    .into_iter()
                    .chain(r.quality.map(str::to_string))
                    .collect();
                let words = place(atlas, &r.region, r.side);
                if notes.is_empty() {
                    words
                } else {
                    format!("{words} ({})", notes.join(", "))
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A region instance in words: "left temple", "breastbone".
pub fn place(atlas: &Atlas, region: &str, side: Option<&str>) -> String {
    let name = lower_first(atlas.region_name(region));
    match side {
        Some(side) => format!("{side} {name}"),
        None => name,
    }
}

/// [`place`] for a [`RegionInstance`].
pub fn instance_words(atlas: &Atlas, r: &RegionInstance) -> String {
    place(atlas, &r.region, r.side.map(Side::as_str))
}

/// "Side of neck" -> "side of neck"; leaves acronyms ("TMJ") alone.
pub fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if b.is_lowercase() || !b.is_alphabetic() => {
            let mut s: String = a.to_lowercase().collect();
            s.push(b);
            s.extend(chars);
            s
        }
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_first_keeps_acronyms() {
        assert_eq!(lower_first("Side of neck"), "side of neck");
        assert_eq!(lower_first("TMJ"), "TMJ");
        assert_eq!(lower_first(""), "");
    }
}
