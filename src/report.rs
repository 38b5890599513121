//! The ranked report: one serializable value built from a selection, rendered as text,
//! JSON or a Markdown intake note. Shared by `painmap rank` and the explorer's export.

use crate::DISCLAIMER;
use crate::atlas::{Atlas, RedFlag, RegionInstance};
use crate::intake::Intake;
use crate::rank::{self, Candidate};
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
    /// `"essential"` or `"spillover"`.
    pub zone: &'static str,
}

/// One ranked candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportCandidate {
    /// 1-based rank.
    pub rank: usize,
    /// Muscle id.
    pub muscle: String,
    /// Muscle name.
    pub muscle_name: String,
    /// Trigger point id.
    pub trigger_point: String,
    /// Trigger point name.
    pub trigger_point_name: String,
    /// `"left"`, `"right"` or null.
    pub side: Option<&'static str>,
    /// Score (see `rank`).
    pub score: u32,
    /// `"common"`, `"occasional"` or `"rare"`.
    pub likelihood: &'static str,
    /// The selected regions it covers.
    pub matches: Vec<ReportMatch>,
    /// The symptom words it matched.
    pub symptoms: Vec<String>,
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
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The selection, in order.
    pub selection: Vec<SelectedRegion>,
    /// Symptom words given.
    pub symptoms: Vec<String>,
    /// Candidates, best first, at most the requested number.
    pub candidates: Vec<ReportCandidate>,
    /// How many candidates there were before the cut.
    pub total_candidates: usize,
    /// Red flags raised.
    pub red_flags: Vec<ReportFlag>,
    /// The disclaimer, always present.
    pub disclaimer: &'static str,
}

impl Report {
    /// Ranks an intake (its regions, symptoms and qualities) and keeps the best `top`
    /// candidates.
    pub fn build(atlas: &Atlas, intake: &Intake, top: usize) -> Report {
        let selection = intake.ranking_selection();
        let ranked = rank::rank(atlas, &selection);
        let flags = rank::red_flags(atlas, &selection);
        Report::from_parts(intake, &ranked, &flags, top)
    }

    /// Builds a report from a ranking already computed.
    pub fn from_parts(
        intake: &Intake,
        ranked: &[Candidate<'_>],
        flags: &[&RedFlag],
        top: usize,
    ) -> Report {
        Report {
            selection: intake
                .selection
                .regions
                .iter()
                .map(|r| {
                    let note = intake.note(r);
                    SelectedRegion {
                        region: r.region.clone(),
                        side: r.side.map(crate::atlas::Side::as_str),
                        intensity: note.intensity,
                        quality: note.quality.map(crate::intake::Quality::as_str),
                    }
                })
                .collect(),
            symptoms: intake.selection.symptoms.clone(),
            candidates: ranked
                .iter()
                .take(top)
                .enumerate()
                .map(|(i, c)| ReportCandidate {
                    rank: i + 1,
                    muscle: c.muscle.id.clone(),
                    muscle_name: c.muscle.name.clone(),
                    trigger_point: c.trigger_point.id.clone(),
                    trigger_point_name: c.trigger_point.name.clone(),
                    side: c.side.map(crate::atlas::Side::as_str),
                    score: c.score,
                    likelihood: c.trigger_point.likelihood.as_str(),
                    matches: c
                        .matches
                        .iter()
                        .map(|m| ReportMatch {
                            region: m.region.region.clone(),
                            side: m.region.side.map(crate::atlas::Side::as_str),
                            zone: m.zone.as_str(),
                        })
                        .collect(),
                    symptoms: c.symptoms.clone(),
                })
                .collect(),
            total_candidates: ranked.len(),
            red_flags: flags
                .iter()
                .map(|f| ReportFlag {
                    id: f.id.clone(),
                    title: f.title.clone(),
                    message: f.message.clone(),
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
        for flag in &self.red_flags {
            let _ = writeln!(s, "\n!! RED FLAG: {}. {}", flag.title, flag.message);
        }
        s.push('\n');
        if self.candidates.is_empty() {
            s.push_str("No trigger point in the atlas refers pain there.\n");
        }
        for c in &self.candidates {
            let side = c.side.map(|s| format!(" ({s})")).unwrap_or_default();
            let _ = writeln!(
                s,
                "{:>3}. {}, {}{side}  [score {}, {}]",
                c.rank, c.muscle_name, c.trigger_point_name, c.score, c.likelihood
            );
            let _ = writeln!(s, "     {}", c.reasons(atlas));
        }
        if self.total_candidates > self.candidates.len() {
            let _ = writeln!(
                s,
                "     ... {} more (use --top)",
                self.total_candidates - self.candidates.len()
            );
        }
        let _ = writeln!(s, "\n{DISCLAIMER}");
        s
    }

    /// A Markdown intake note, dated `date` (e.g. "2026-11-24 10:30 UTC").
    pub fn to_markdown(&self, atlas: &Atlas, date: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "# painmap intake note\n");
        let _ = writeln!(s, "- Date: {date}");
        let symptoms = if self.symptoms.is_empty() {
            "none given".to_string()
        } else {
            self.symptoms.join(", ")
        };
        let _ = writeln!(s, "- Symptoms: {symptoms}\n");
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
                    atlas.region_name(&r.region),
                    r.side.unwrap_or("midline or either"),
                    r.intensity.map_or("-".to_string(), |i| i.to_string()),
                    r.quality.unwrap_or("-")
                );
            }
            s.push('\n');
        }
        let _ = writeln!(s, "## Red flags\n");
        if self.red_flags.is_empty() {
            let _ = writeln!(s, "None raised by this selection.\n");
        }
        for flag in &self.red_flags {
            let _ = writeln!(s, "- **{}**: {}", flag.title, flag.message);
        }
        if !self.red_flags.is_empty() {
            s.push('\n');
        }
        let _ = writeln!(s, "## Candidate trigger points\n");
        if self.candidates.is_empty() {
            let _ = writeln!(s, "No trigger point in the atlas refers pain there.\n");
        } else {
            let _ = writeln!(s, "| # | Muscle | Trigger point | Side | Why | Score |");
            let _ = writeln!(s, "|---|---|---|---|---|---|");
            for c in &self.candidates {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} | {} | {} |",
                    c.rank,
                    c.muscle_name,
                    c.trigger_point_name,
                    c.side.unwrap_or("-"),
                    c.reasons(atlas),
                    c.score
                );
            }
            s.push('\n');
        }
        let _ = writeln!(s, "---\n\n_{DISCLAIMER}_");
        s
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

impl ReportCandidate {
    /// "left temple (essential), jaw (spillover); symptoms: dizziness".
    pub fn reasons(&self, atlas: &Atlas) -> String {
        let mut parts: Vec<String> = self
            .matches
            .iter()
            .map(|m| format!("{} ({})", place(atlas, &m.region, m.side), m.zone))
            .collect();
        if !self.symptoms.is_empty() {
            parts.push(format!("symptoms: {}", self.symptoms.join(", ")));
        }
        parts.join(", ")
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
    place(atlas, &r.region, r.side.map(crate::atlas::Side::as_str))
}

/// "Side of neck" -> "side of neck"; leaves acronyms ("TMJ") alone.
fn lower_first(name: &str) -> String {
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
