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

/// Today's date and time in UTC as "YYYY-MM-DD HH:MM UTC" (no time-zone database is
/// shipped, so notes are dated in UTC).
pub fn utc_now() -> (i64, u32, u32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    (y, m, d, (rem / 3600) as u32, ((rem % 3600) / 60) as u32)
}

/// "2026-11-24 10:30 UTC".
pub fn utc_stamp() -> String {
    let (y, m, d, hh, mm) = utc_now();
    format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02} UTC")
}

/// Today's date in UTC, for a visit saved without `--date` (read beside the other
/// clock readings so the clock stays in one place).
pub fn utc_today() -> crate::records::Date {
    let (y, m, d, _, _) = utc_now();
    crate::records::Date::from_civil(y, m, d).unwrap_or(crate::records::Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day): Howard Hinnant's
/// algorithm.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_416), (2025, 11, 24));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn lower_first_keeps_acronyms() {
        assert_eq!(lower_first("Side of neck"), "side of neck");
        assert_eq!(lower_first("TMJ"), "TMJ");
        assert_eq!(lower_first(""), "");
    }
}
