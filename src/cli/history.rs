//! `painmap history CLIENT [--json | --format text|json|markdown|csv]`: a client's visits,
//! oldest first, and how each region's intensity went.

use super::args::{HistoryArgs, HistoryFormat};
use super::visit::open_store;
use super::{FOUND, NOTHING, RecordsAt, out};
use crate::atlas::Atlas;
use crate::escape;
use crate::records::{RegionTrend, SavedVisit, Store, sparkline, trends};
use crate::report::instance_words;
use serde::Serialize;
use std::fmt::Write as _;

/// How many of a visit's stored candidates the text and Markdown show.
const SHOWN_CANDIDATES: usize = 3;

/// The JSON document.
#[derive(Serialize)]
struct History<'a> {
    client: &'a str,
    visits: &'a [SavedVisit],
    trends: Vec<RegionTrend>,
}

/// Prints the history; exit 1 when the client has none.
pub fn run(atlas: &Atlas, args: &HistoryArgs, at: &RecordsAt) -> anyhow::Result<u8> {
    let visits = match open_store(at, false)? {
        Some(store) => store.history(&args.client)?,
        None => None,
    };
    let Some(visits) = visits else {
        eprintln!("painmap: no visits saved for that client (`painmap clients` lists them)");
        return Ok(NOTHING);
    };
    let format = if args.json {
        HistoryFormat::Json
    } else {
        args.format.unwrap_or(HistoryFormat::Text)
    };
    let text = match format {
        HistoryFormat::Json => out::json(&History {
            client: &args.client,
            visits: &visits,
            trends: trends(&visits),
        })?,
        HistoryFormat::Text => text(atlas, &visits),
        HistoryFormat::Markdown => markdown(atlas, &args.client, &visits),
        HistoryFormat::Csv => csv(&visits),
    };
    out::print(&text)?;
    Ok(if visits.is_empty() { NOTHING } else { FOUND })
}

/// `1. Soleus, TrP1 (right)`: the muscle and point named by the atlas now, or their ids
/// when it no longer has them.
fn candidate_words(atlas: &Atlas, v: &SavedVisit) -> Vec<String> {
    v.visit
        .candidates
        .iter()
        .take(SHOWN_CANDIDATES)
        .map(|c| {
            let muscle = atlas
                .muscle(&c.muscle)
                .map_or(c.muscle.as_str(), |m| &m.name);
            let point = c.trigger_point.as_ref().map(|id| {
                atlas
                    .trigger_point(id)
                    .map_or(id.as_str(), |(_, tp)| tp.name.as_str())
            });
            let mut words = match point {
                Some(p) => format!("{}. {muscle}, {p}", c.rank),
                None => format!("{}. {muscle}", c.rank),
            };
            if let Some(side) = c.side {
                let _ = write!(words, " ({side})");
            }
            words
        })
        .collect()
}

fn text(atlas: &Atlas, visits: &[SavedVisit]) -> String {
    let mut s = String::new();
    for (i, v) in visits.iter().enumerate() {
        let age = v
            .visit
            .age
            .map(|a| format!(", age {a}"))
            .unwrap_or_default();
        let _ = writeln!(s, "Visit {} · {} (id {}{age})", i + 1, v.visit.date, v.id);
        let _ = writeln!(
            s,
            "  where: {}",
            escape::line(&v.visit.regions_words(atlas))
        );
        if !v.visit.symptoms.is_empty() {
            let _ = writeln!(
                s,
                "  symptoms: {}",
                escape::line(&v.visit.symptoms.join(", "))
            );
        }
        if let Some(note) = &v.visit.note {
            let _ = writeln!(s, "  note: {}", escape::line(note));
        }
        let cands = candidate_words(atlas, v);
        if !cands.is_empty() {
            let _ = writeln!(
                s,
                "  ranked then (atlas {} #{}): {}",
                escape::line(&v.visit.atlas.version),
                escape::line(&short_hash(&v.visit.atlas.hash)),
                escape::line(&cands.join(" · "))
            );
        }
        s.push('\n');
    }
    let all = trends(visits);
    let _ = writeln!(s, "Intensity by region, oldest visit first (· not marked):");
    let width = all
        .iter()
        .map(|t| {
            escape::line(&instance_words(atlas, &t.region))
                .chars()
                .count()
        })
        .max()
        .unwrap_or(0);
    for t in &all {
        let values: Vec<String> = t
            .values
            .iter()
            .map(|v| v.map_or("·".to_string(), |n| n.to_string()))
            .collect();
        let _ = writeln!(
            s,
            "  {:<width$}  {}  {}",
            escape::line(&instance_words(atlas, &t.region)),
            sparkline(&t.values),
            values.join(" ")
        );
    }
    s
}

/// The first 8 characters of the atlas fingerprint (characters: the database may hold
/// any text).
fn short_hash(hash: &str) -> String {
    hash.chars().take(8).collect()
}

fn markdown(atlas: &Atlas, client: &str, visits: &[SavedVisit]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# painmap history: {}\n", escape::markdown(client));
    for v in visits {
        let _ = writeln!(s, "## {} (visit {})\n", v.visit.date, v.id);
        if let Some(age) = v.visit.age {
            let _ = writeln!(s, "- Age: {age}");
        }
        let symptoms = if v.visit.symptoms.is_empty() {
            "none given".to_string()
        } else {
            v.visit.symptoms.join(", ")
        };
        let _ = writeln!(s, "- Symptoms: {}", escape::markdown(&symptoms));
        if let Some(note) = &v.visit.note {
            let _ = writeln!(s, "- Note: {}", escape::markdown(note));
        }
        let _ = writeln!(s, "\n| Region | Side | Intensity (0-10) | Quality |");
        let _ = writeln!(s, "|---|---|---|---|");
        for r in &v.visit.regions {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                escape::markdown(atlas.region_name(&r.region)),
                r.side
                    .map_or("midline or either", crate::atlas::Side::as_str),
                r.intensity.map_or("-".to_string(), |i| i.to_string()),
                r.quality.map_or("-", crate::intake::Quality::as_str)
            );
        }
        let cands = candidate_words(atlas, v);
        if !cands.is_empty() {
            let _ = writeln!(
                s,
                "\nRanked then (atlas {} #{}): {}",
                escape::markdown(&v.visit.atlas.version),
                escape::markdown(&short_hash(&v.visit.atlas.hash)),
                escape::markdown(&cands.join("; "))
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "## Intensity by region\n");
    let _ = writeln!(s, "| Region | Trend | Values, oldest first |");
    let _ = writeln!(s, "|---|---|---|");
    for t in trends(visits) {
        let values: Vec<String> = t
            .values
            .iter()
            .map(|v| v.map_or("-".to_string(), |n| n.to_string()))
            .collect();
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            escape::markdown(&instance_words(atlas, &t.region)),
            sparkline(&t.values),
            values.join(" → ")
        );
    }
    let _ = writeln!(s, "\n---\n\n_{}_", crate::DISCLAIMER);
    s
}

/// One row per region per visit.
fn csv(visits: &[SavedVisit]) -> String {
    let mut s = String::from("visit_id,date,age,region,side,intensity,quality,symptoms,note\n");
    for v in visits {
        for r in &v.visit.regions {
            let fields = [
                v.id.to_string(),
                v.visit.date.to_string(),
                v.visit.age.map(|a| a.to_string()).unwrap_or_default(),
                r.region.clone(),
                r.side.map(|x| x.as_str().to_string()).unwrap_or_default(),
                r.intensity.map(|i| i.to_string()).unwrap_or_default(),
                r.quality
                    .map(|q| q.as_str().to_string())
                    .unwrap_or_default(),
                v.visit.symptoms.join(" "),
                v.visit.note.clone().unwrap_or_default(),
            ];
            let row: Vec<String> = fields.iter().map(|f| escape::csv(f)).collect();
            let _ = writeln!(s, "{}", row.join(","));
        }
    }
    s
}
