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
pub fn run(atlas: &Atlas, args: &HistoryArgs, at: &RecordsAt, ascii: bool) -> anyhow::Result<u8> {
    // Text and Markdown are read on the terminal: ASCII there when it is not UTF-8.
    let shown = |text: String, format: HistoryFormat| {
        if ascii && matches!(format, HistoryFormat::Text | HistoryFormat::Markdown) {
            super::show::ascii_only(&text)
        } else {
            text
        }
    };
    let store = open_store(at, false)?;
    let visits = match &store {
        Some(store) => store.history(&args.client)?,
        None => None,
    };
    let Some(visits) = visits else {
        // Names are matched exactly: the same name in other capitals is the likely one.
        let typed = args.client.to_lowercase();
        let other_case = match &store {
            Some(store) => store
                .clients()?
                .into_iter()
                .find(|c| c.name.to_lowercase() == typed),
            None => None,
        };
        if let Some(c) = other_case {
            eprintln!(
                "painmap: no visits saved for that client; names are matched exactly: did you mean '{}'?",
                escape::line(&c.name)
            );
            return Ok(NOTHING);
        }
        eprintln!("painmap: no visits saved for that client (`painmap clients` lists them)");
        return Ok(NOTHING);
    };
    let format = if args.json {
        HistoryFormat::Json
    } else {
        args.format.unwrap_or(HistoryFormat::Text)
    };
    if let Some(file) = &args.pdf {
        return note_pdf(atlas, &args.client, &visits, args.visit, file);
    }
    if let Some(ids) = &args.compare {
        out::print(&shown(
            compared(atlas, &args.client, &visits, ids, format)?,
            format,
        ))?;
        return Ok(FOUND);
    }
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
    out::print(&shown(text, format))?;
    Ok(if visits.is_empty() { NOTHING } else { FOUND })
}

/// `history CLIENT --pdf FILE [--visit ID]`: one visit's intake note as PDF.
fn note_pdf(
    atlas: &Atlas,
    client: &str,
    visits: &[SavedVisit],
    id: Option<i64>,
    file: &std::path::Path,
) -> anyhow::Result<u8> {
    let visit = match id {
        Some(id) => visits
            .iter()
            .find(|v| v.id == id)
            .ok_or_else(|| anyhow::anyhow!("--visit {id}: that client has no visit {id}"))?,
        None => visits
            .last()
            .ok_or_else(|| anyhow::anyhow!("that client has no visit yet"))?,
    };
    let bytes = crate::pdf::intake_note(atlas, Some(client), &visit.visit);
    let path = crate::fsutil::expand_home(file);
    super::handout::write_pdf(&path, &bytes, false)?;
    out::print(&format!("wrote {} (visit {})\n", path.display(), visit.id))?;
    Ok(FOUND)
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

/// "Visit 2 · 2026-01-05": numbered as in every format, with the time it was saved when
/// another visit shares its day, so two visits on one day are told apart.
fn visit_title(visits: &[SavedVisit], i: usize) -> String {
    let v = &visits[i];
    let same_day = visits
        .iter()
        .filter(|o| o.visit.date == v.visit.date)
        .count();
    let mut title = format!("Visit {} · {}", i + 1, v.visit.date);
    if same_day > 1 {
        // "2026-01-05 14:20 UTC": the time is what follows the day.
        let time = v.saved_at.get(11..).unwrap_or(&v.saved_at);
        let _ = write!(title, " {time}");
    }
    title
}

/// The JSON of `--compare A B`.
#[derive(Serialize)]
struct Compared<'a> {
    client: &'a str,
    earlier: VisitRef<'a>,
    later: VisitRef<'a>,
    changes: Vec<crate::records::Comparison>,
}

/// A visit named in a comparison.
#[derive(Serialize)]
struct VisitRef<'a> {
    id: i64,
    date: String,
    saved_at: &'a str,
}

/// `history CLIENT --compare A B`: what changed from visit A to visit B, in the format
/// asked for.
fn compared(
    atlas: &Atlas,
    client: &str,
    visits: &[SavedVisit],
    ids: &[i64],
    format: HistoryFormat,
) -> anyhow::Result<String> {
    let find = |id: i64| {
        visits.iter().position(|v| v.id == id).ok_or_else(|| {
            anyhow::anyhow!(
                "--compare: the client has no visit {id} (`painmap history CLIENT` lists the ids)"
            )
        })
    };
    let &[a, b] = ids else {
        anyhow::bail!("--compare takes two visit ids");
    };
    let (a, b) = (find(a)?, find(b)?);
    let (earlier, later) = (&visits[a], &visits[b]);
    let changes = crate::records::compare(&earlier.visit, &later.visit);
    let name = |i: usize| visit_title(visits, i);
    Ok(match format {
        HistoryFormat::Json => out::json(&Compared {
            client,
            earlier: VisitRef {
                id: earlier.id,
                date: earlier.visit.date.to_string(),
                saved_at: &earlier.saved_at,
            },
            later: VisitRef {
                id: later.id,
                date: later.visit.date.to_string(),
                saved_at: &later.saved_at,
            },
            changes,
        })?,
        HistoryFormat::Text => {
            let mut s = format!("From {} to {}:\n", name(a), name(b));
            if changes.is_empty() {
                s.push_str("  nothing marked either time\n");
            }
            for c in &changes {
                let _ = writeln!(
                    s,
                    "  {}: {}{}",
                    instance_words(atlas, &c.region),
                    c.change.as_str(),
                    c.from_to(" -> ")
                );
            }
            s
        }
        HistoryFormat::Markdown => {
            let mut s = format!(
                "# painmap: {}, from {} to {}\n\n| Region | Change | Before | After |\n|---|---|---|---|\n",
                escape::markdown(client),
                name(a),
                name(b)
            );
            for c in &changes {
                let n = |v: Option<u8>| v.map_or("-".to_string(), |n| n.to_string());
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} |",
                    instance_words(atlas, &c.region),
                    c.change.as_str(),
                    n(c.before),
                    n(c.after)
                );
            }
            s
        }
        HistoryFormat::Csv => {
            let mut s = String::from("region,side,change,before,after\n");
            for c in &changes {
                let n = |v: Option<u8>| v.map(|n| n.to_string()).unwrap_or_default();
                let _ = writeln!(
                    s,
                    "{},{},{},{},{}",
                    c.region.region,
                    c.region
                        .side
                        .map(crate::atlas::Side::as_str)
                        .unwrap_or_default(),
                    c.change.as_str(),
                    n(c.before),
                    n(c.after)
                );
            }
            s
        }
    })
}

/// "RED FLAG raised: Chest pain with arm, jaw or neck pain (cardiac)", one per flag.
fn flag_lines(v: &SavedVisit) -> Vec<String> {
    v.visit
        .red_flags
        .iter()
        .map(|f| format!("RED FLAG raised: {} ({})", f.title, f.id))
        .collect()
}

/// "exertion: yes, fever: no".
fn screening_words(v: &SavedVisit) -> String {
    v.visit
        .screening
        .iter()
        .map(|a| format!("{}: {}", a.concept, if a.answer { "yes" } else { "no" }))
        .collect::<Vec<_>>()
        .join(", ")
}

fn text(atlas: &Atlas, visits: &[SavedVisit]) -> String {
    let mut s = String::new();
    for (i, v) in visits.iter().enumerate() {
        let age = v
            .visit
            .age
            .map(|a| format!(", age {a}"))
            .unwrap_or_default();
        let amended = if v.amended_at.is_some() {
            ", amended"
        } else {
            ""
        };
        let _ = writeln!(s, "{} (id {}{age}{amended})", visit_title(visits, i), v.id);
        for line in flag_lines(v) {
            let _ = writeln!(s, "  {}", escape::line(&line));
        }
        let _ = writeln!(
            s,
            "  where: {}",
            escape::line(&v.visit.regions_words(atlas))
        );
        if !v.visit.screening.is_empty() {
            let _ = writeln!(s, "  screening: {}", escape::line(&screening_words(v)));
        }
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
    for (i, v) in visits.iter().enumerate() {
        let _ = writeln!(s, "## {} (id {})\n", visit_title(visits, i), v.id);
        for line in flag_lines(v) {
            let _ = writeln!(s, "**{}**\n", escape::markdown(&line));
        }
        if let Some(age) = v.visit.age {
            let _ = writeln!(s, "- Age: {age}");
        }
        if !v.visit.screening.is_empty() {
            let _ = writeln!(s, "- Screening: {}", escape::markdown(&screening_words(v)));
        }
        if let Some(at) = &v.amended_at {
            let _ = writeln!(s, "- Amended: {}", escape::markdown(at));
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

/// The CSV history's columns.
const CSV_HEADER: &str =
    "visit_id,date,age,region,side,intensity,quality,symptoms,note,red_flags,screening";

/// One row per region per visit.
fn csv(visits: &[SavedVisit]) -> String {
    let mut s = format!("{CSV_HEADER}\n");
    csv_rows(&mut s, None, visits);
    s
}

/// The rows of [`csv`], each led by the client's name when one is given (an export of
/// every client).
fn csv_rows(s: &mut String, client: Option<&str>, visits: &[SavedVisit]) {
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
                v.visit
                    .red_flags
                    .iter()
                    .map(|f| f.id.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                v.visit
                    .screening
                    .iter()
                    .map(|a| format!("{}={}", a.concept, if a.answer { "yes" } else { "no" }))
                    .collect::<Vec<_>>()
                    .join(" "),
            ];
            let row: Vec<String> = client
                .into_iter()
                .chain(fields.iter().map(String::as_str))
                .map(escape::csv)
                .collect();
            let _ = writeln!(s, "{}", row.join(","));
        }
    }
}

/// The JSON backup of every client.
#[derive(Serialize)]
struct Backup<'a> {
    format: &'static str,
    version: u32,
    clients: Vec<ClientBackup<'a>>,
}

/// One client in the backup.
#[derive(Serialize)]
struct ClientBackup<'a> {
    name: &'a str,
    visits: Vec<SavedVisit>,
}

/// `painmap clients --export FILE`: every client's every visit, as JSON or CSV by the
/// file's extension, written atomically and owner-only; an existing file is never
/// replaced.
pub fn export(
    store: &dyn Store,
    clients: &[crate::records::ClientSummary],
    file: &std::path::Path,
) -> anyhow::Result<u8> {
    let file = crate::fsutil::expand_home(file);
    let ext = file
        .extension()
        .map(|x| x.to_string_lossy().to_ascii_lowercase());
    let mut all = Vec::with_capacity(clients.len());
    for c in clients {
        all.push((c.name.as_str(), store.history(&c.name)?.unwrap_or_default()));
    }
    let text = match ext.as_deref() {
        Some("json") => out::json(&Backup {
            format: "painmap-clients",
            version: 1,
            clients: all
                .into_iter()
                .map(|(name, visits)| ClientBackup { name, visits })
                .collect(),
        })?,
        Some("csv") => {
            let mut s = format!("client,{CSV_HEADER}\n");
            for (name, visits) in &all {
                csv_rows(&mut s, Some(name), visits);
            }
            s
        }
        _ => anyhow::bail!(
            "{}: the export is .json or .csv (say which by the file's name)",
            file.display()
        ),
    };
    crate::fsutil::write_private(&file, text.as_bytes(), false).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!(
                "{}: exists; it is never replaced (choose another name)",
                file.display()
            )
        } else {
            anyhow::anyhow!("{}: {}", file.display(), crate::fsutil::io_words(&e))
        }
    })?;
    out::print(&format!(
        "exported {} clients to {} (owner-only)\n",
        clients.len(),
        file.display()
    ))?;
    Ok(FOUND)
}
