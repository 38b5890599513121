//! The clinical vignettes in `tests/vignettes.txt` against the shipped atlas: the
//! expected muscles must be among the first five distinct muscles of the ranking, and
//! the classic first answer first where the references agree on one.

use painmap::atlas::Atlas;
use painmap::rank::{Selection, rank};

struct Vignette {
    line: usize,
    regions: Vec<String>,
    symptoms: Vec<String>,
    expected: Vec<String>,
    first: Option<String>,
}

fn vignettes() -> Vec<Vignette> {
    let text = include_str!("../vignettes.txt");
    let list = |s: &str, sep: char| -> Vec<String> {
        s.split(sep)
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| {
            let parts: Vec<&str> = l.split('|').collect();
            assert_eq!(parts.len(), 4, "line {}: four fields", i + 1);
            Vignette {
                line: i + 1,
                regions: list(parts[0], ','),
                symptoms: list(parts[1], ','),
                expected: list(parts[2], ' '),
                first: Some(parts[3].trim())
                    .filter(|f| *f != "-" && !f.is_empty())
                    .map(str::to_string),
            }
        })
        .collect()
}

/// The first five distinct muscle ids of a ranking.
fn top_muscles(atlas: &Atlas, v: &Vignette) -> Vec<String> {
    let mut selection = Selection::default();
    for r in &v.regions {
        let region = atlas
            .resolve_region(r)
            .unwrap_or_else(|e| panic!("line {}: {e}", v.line));
        selection.add(region);
    }
    selection.symptoms.clone_from(&v.symptoms);
    let mut out: Vec<String> = Vec::new();
    for c in rank(atlas, &selection) {
        if !out.contains(&c.muscle.id) {
            out.push(c.muscle.id.clone());
        }
        if out.len() == 5 {
            break;
        }
    }
    out
}

#[test]
fn there_are_enough_vignettes_across_the_body() {
    let all = vignettes();
    assert!(all.len() >= 45, "{} vignettes", all.len());
    assert!(all.iter().filter(|v| v.first.is_some()).count() >= 15);
}

#[test]
fn every_vignette_ranks_its_muscles_in_the_top_five() {
    let atlas = Atlas::shipped().unwrap();
    let mut failures = Vec::new();
    for v in vignettes() {
        for id in v.expected.iter().chain(&v.first) {
            assert!(
                atlas.muscle(id).is_some(),
                "line {}: unknown muscle {id}",
                v.line
            );
        }
        let top = top_muscles(&atlas, &v);
        let missing: Vec<&String> = v.expected.iter().filter(|m| !top.contains(m)).collect();
        let wrong_first = v.first.as_ref().filter(|f| top.first() != Some(f));
        if !missing.is_empty() || wrong_first.is_some() {
            failures.push(format!(
                "line {} ({}): top 5 {top:?}, missing {missing:?}{}",
                v.line,
                v.regions.join(", "),
                wrong_first
                    .map(|f| format!(", expected {f} first"))
                    .unwrap_or_default()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
