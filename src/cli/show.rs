//! `painmap show MUSCLE [--tp ID] [--json]`: one muscle in full.

use super::args::ShowArgs;
use super::{out, status};
use crate::atlas::{Atlas, Muscle, TriggerPoint};
use crate::report::place;
use std::fmt::Write as _;

/// Prints the muscle's notes and each trigger point's pattern (or JSON).
pub fn run(atlas: &Atlas, args: &ShowArgs) -> anyhow::Result<u8> {
    let muscle = atlas.resolve_muscle(&args.muscle)?;
    let points = selected_points(muscle, args.tp.as_deref())?;
    let text = if args.json {
        let mut m = muscle.clone();
        m.trigger_points = points.into_iter().cloned().collect();
        out::json(&m)?
    } else {
        details(atlas, muscle, &points)
    };
    out::print(&text)?;
    Ok(status(true))
}

/// The muscle's trigger points, or just the one `--tp` names.
pub fn selected_points<'a>(
    muscle: &'a Muscle,
    tp: Option<&str>,
) -> anyhow::Result<Vec<&'a TriggerPoint>> {
    match tp {
        None => Ok(muscle.trigger_points.iter().collect()),
        Some(id) => {
            if let Some(t) = muscle.trigger_points.iter().find(|t| t.id == id.trim()) {
                return Ok(vec![t]);
            }
            let ids: Vec<&str> = muscle
                .trigger_points
                .iter()
                .map(|t| t.id.as_str())
                .collect();
            anyhow::bail!(
                "muscle '{}' has no trigger point '{id}' (it has: {})",
                muscle.id,
                ids.join(", ")
            )
        }
    }
}

/// The muscle header and notes, then each trigger point.
pub fn details(atlas: &Atlas, m: &Muscle, points: &[&TriggerPoint]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} ({})", m.name, m.id);
    if !m.aliases.is_empty() {
        let _ = writeln!(s, "Also: {}", m.aliases.join(", "));
    }
    let _ = writeln!(s, "Group: {}    Source: {}\n", m.group.as_str(), m.source);
    let _ = writeln!(s, "{}\n", m.note);
    for tp in points {
        trigger_point(&mut s, atlas, tp);
    }
    list(&mut s, "Aggravated by", &m.aggravating);
    list(&mut s, "Self-care", &m.self_care);
    list(&mut s, "Consider also", &m.differential);
    s
}

fn trigger_point(s: &mut String, atlas: &Atlas, tp: &TriggerPoint) {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| place(atlas, id, None))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(s, "* {} [{}] ({})", tp.name, tp.id, tp.likelihood.as_str());
    let _ = writeln!(
        s,
        "  Lies in:   {}: {}",
        place(atlas, &tp.location, None),
        tp.location_note
    );
    let _ = writeln!(s, "  Essential: {}", names(&tp.essential));
    if !tp.spillover.is_empty() {
        let _ = writeln!(s, "  Spillover: {}", names(&tp.spillover));
    }
    if !tp.crosses.is_empty() {
        let _ = writeln!(s, "  Both sides: {}", names(&tp.crosses));
    }
    if !tp.symptoms.is_empty() {
        let _ = writeln!(s, "  Symptoms:  {}", tp.symptoms.join(", "));
    }
    if let Some(source) = &tp.source {
        let _ = writeln!(s, "  Source:    {source}");
    }
    s.push('\n');
}

fn list(s: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(s, "{title}:");
    for item in items {
        let _ = writeln!(s, "  - {item}");
    }
    s.push('\n');
}
