//! The atlas's rules, checked after parsing. Every problem is collected (not just the
//! first) and names the region, muscle or trigger point at fault.

use super::model::{AtlasFile, Muscle, TriggerPoint};
use super::text::{edit_distance, is_kebab_id, key};
use std::collections::{HashMap, HashSet};

/// Checks every rule and returns the problems found, in file order.
pub fn problems(file: &AtlasFile) -> Vec<String> {
    let mut out = Vec::new();
    let region_ids = check_regions(file, &mut out);
    check_muscles(file, &region_ids, &mut out);
    check_red_flags(file, &region_ids, &mut out);
    check_guides(file, &region_ids, &mut out);
    out
}

fn check_id(kind: &str, id: &str, out: &mut Vec<String>) {
    if !is_kebab_id(id) {
        out.push(format!(
            "{kind} id '{id}' is not lowercase kebab-case (like 'upper-trapezius')"
        ));
    }
}

/// Region ids unique; ids, names and aliases unique among regions (folded).
fn check_regions<'a>(file: &'a AtlasFile, out: &mut Vec<String>) -> HashSet<&'a str> {
    let mut ids = HashSet::new();
    let mut keys: HashMap<String, &str> = HashMap::new();
    for region in &file.regions {
        check_id("region", &region.id, out);
        if !ids.insert(region.id.as_str()) {
            out.push(format!("duplicate region id '{}'", region.id));
            continue;
        }
        if region.name.trim().is_empty() {
            out.push(format!("region '{}' has an empty name", region.id));
        }
        let words = [&region.id, &region.name]
            .into_iter()
            .chain(&region.aliases);
        for word in words {
            claim_key(&mut keys, word, &region.id, "region", out);
        }
    }
    ids
}

/// Records that `owner` answers to `word`; reports a clash with another owner.
fn claim_key<'a>(
    keys: &mut HashMap<String, &'a str>,
    word: &str,
    owner: &'a str,
    kind: &str,
    out: &mut Vec<String>,
) {
    let k = key(word);
    if k.is_empty() {
        out.push(format!("{kind} '{owner}' has an empty alias"));
        return;
    }
    match keys.get(&k) {
        Some(&other) if other != owner => out.push(format!(
            "duplicate alias '{word}': {kind} '{owner}' and {kind} '{other}' both answer to it"
        )),
        Some(_) => {}
        None => {
            keys.insert(k, owner);
        }
    }
}

fn check_muscles(file: &AtlasFile, regions: &HashSet<&str>, out: &mut Vec<String>) {
    let mut muscle_ids = HashSet::new();
    let mut tp_ids: HashMap<&str, &str> = HashMap::new();
    let mut keys: HashMap<String, &str> = HashMap::new();
    for muscle in &file.muscles {
        check_id("muscle", &muscle.id, out);
        if !muscle_ids.insert(muscle.id.as_str()) {
            out.push(format!("duplicate muscle id '{}'", muscle.id));
            continue;
        }
        let words = [&muscle.id, &muscle.name]
            .into_iter()
            .chain(&muscle.aliases);
        for word in words {
            claim_key(&mut keys, word, &muscle.id, "muscle", out);
        }
        for (field, text) in [("name", &muscle.name), ("source", &muscle.source)] {
            if text.trim().is_empty() {
                out.push(format!("muscle '{}' has an empty {field}", muscle.id));
            }
        }
        if muscle.trigger_points.is_empty() {
            out.push(format!("muscle '{}' has no trigger points", muscle.id));
        }
        for tp in &muscle.trigger_points {
            check_id("trigger point", &tp.id, out);
            if let Some(other) = tp_ids.insert(tp.id.as_str(), muscle.id.as_str()) {
                out.push(format!(
                    "duplicate trigger point id '{}' (in muscles '{other}' and '{}')",
                    tp.id, muscle.id
                ));
            }
            check_trigger_point(tp, &muscle.id, regions, out);
        }
    }
}

fn check_trigger_point(
    tp: &TriggerPoint,
    muscle: &str,
    regions: &HashSet<&str>,
    out: &mut Vec<String>,
) {
    let at = format!("trigger point '{}' (muscle '{muscle}')", tp.id);
    let fields = [
        ("location", std::slice::from_ref(&tp.location)),
        ("essential", tp.essential.as_slice()),
        ("spillover", tp.spillover.as_slice()),
        ("crosses", tp.crosses.as_slice()),
        ("rare", tp.rare.as_slice()),
    ];
    for (field, ids) in fields {
        for id in ids {
            if !regions.contains(id.as_str()) {
                out.push(format!(
                    "{at}: unknown region '{id}' in {field}{}",
                    closest(id, regions)
                ));
            }
        }
    }
    if tp.essential.is_empty() {
        out.push(format!("{at}: no essential region"));
    }
    let mut seen = HashSet::new();
    for id in tp.essential.iter().chain(&tp.spillover) {
        if !seen.insert(id.as_str()) {
            if tp.essential.contains(id) && tp.spillover.contains(id) {
                out.push(format!(
                    "{at}: region '{id}' is both essential and spillover"
                ));
            } else {
                out.push(format!("{at}: region '{id}' is listed twice"));
            }
        }
    }
    for (field, ids) in [("crosses", &tp.crosses), ("rare", &tp.rare)] {
        for id in ids {
            if !tp.essential.contains(id) && !tp.spillover.contains(id) {
                out.push(format!(
                    "{at}: {field} '{id}', which is not one of its zones"
                ));
            }
        }
    }
}

fn check_red_flags(file: &AtlasFile, regions: &HashSet<&str>, out: &mut Vec<String>) {
    let mut ids = HashSet::new();
    for flag in &file.red_flags {
        check_id("red flag", &flag.id, out);
        if !ids.insert(flag.id.as_str()) {
            out.push(format!("duplicate red flag id '{}'", flag.id));
        }
        if flag.when.is_empty() {
            out.push(format!("red flag '{}' has no conditions", flag.id));
        }
        for cond in &flag.when {
            if cond.all.is_empty() && cond.any.is_empty() && cond.symptoms.is_empty() {
                out.push(format!("red flag '{}' has an empty condition", flag.id));
            }
            for id in cond.all.iter().chain(&cond.any) {
                if !regions.contains(id.as_str()) {
                    out.push(format!(
                        "red flag '{}': unknown region '{id}'{}",
                        flag.id,
                        closest(id, regions)
                    ));
                }
            }
        }
    }
}

/// Each guide names a known region and only known muscles, each once, and each muscle
/// has a trigger point that refers pain to the guide's region; one guide per (region,
/// source).
fn check_guides(file: &AtlasFile, regions: &HashSet<&str>, out: &mut Vec<String>) {
    let muscles: HashMap<&str, &Muscle> = file.muscles.iter().map(|m| (m.id.as_str(), m)).collect();
    let muscle_ids: HashSet<&str> = muscles.keys().copied().collect();
    let mut seen = HashSet::new();
    for guide in &file.guides {
        let at = format!("guide for '{}' ({})", guide.region, guide.source);
        if guide.source.trim().is_empty() {
            out.push(format!("guide for '{}' has an empty source", guide.region));
        }
        if !seen.insert((guide.region.as_str(), guide.source.as_str())) {
            out.push(format!("duplicate {at}"));
        }
        let known_region = regions.contains(guide.region.as_str());
        if !known_region {
            out.push(format!(
                "{at}: unknown region '{}'{}",
                guide.region,
                closest(&guide.region, regions)
            ));
        }
        if guide.entries.is_empty() {
            out.push(format!("{at}: no muscles listed"));
        }
        let mut listed = HashSet::new();
        for entry in &guide.entries {
            let Some(muscle) = muscles.get(entry.muscle.as_str()) else {
                out.push(format!(
                    "{at}: unknown muscle '{}'{}",
                    entry.muscle,
                    closest(&entry.muscle, &muscle_ids)
                ));
                continue;
            };
            if !listed.insert(entry.muscle.as_str()) {
                out.push(format!("{at}: muscle '{}' is listed twice", entry.muscle));
            }
            let refers = muscle.trigger_points.iter().any(|tp| {
                tp.essential
                    .iter()
                    .chain(&tp.spillover)
                    .any(|r| *r == guide.region)
            });
            if known_region && !refers {
                out.push(format!(
                    "{at}: muscle '{}' has no trigger point that refers to '{}'",
                    entry.muscle, guide.region
                ));
            }
        }
    }
}

/// "; did you mean 'temple'?" for the nearest id within two edits, else "".
fn closest(id: &str, ids: &HashSet<&str>) -> String {
    ids.iter()
        .map(|r| (edit_distance(id, r), *r))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, r)| format!("; did you mean '{r}'?"))
        .unwrap_or_default()
}
