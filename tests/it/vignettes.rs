//! The clinical vignettes in `tests/vignettes.txt` against the shipped atlas, ranked by
//! muscle: the expected muscles among the first five in at least 97% of the vignettes,
//! and the classic first answer first (alone, not tied with another muscle) in at least 90% of those
//! that name one. The test prints both rates and every miss.

use painmap::atlas::Atlas;
use painmap::rank::{Selection, rank};

/// The share of vignettes whose expected muscles must all be in the first five.
const TOP_FIVE_RATE: f64 = 0.97;
/// The share of vignettes naming a first muscle that must rank it first.
const FIRST_RATE: f64 = 0.90;

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

/// The first five muscles of a ranking (distinct sides of one muscle count once), and
/// whether the first is first alone (not tied with another muscle).
fn top_muscles(atlas: &Atlas, v: &Vignette) -> (Vec<String>, bool) {
    let mut selection = Selection::default();
    for r in &v.regions {
        let region = atlas
            .resolve_region(r)
            .unwrap_or_else(|e| panic!("line {}: {e}", v.line));
        selection.add(region);
    }
    selection.symptoms.clone_from(&v.symptoms);
    // Both sides of a muscle can rank: ask for enough to find five muscles.
    let ranking = rank(atlas, &selection, 10);
    // First alone: no other muscle shares rank 1 (its other side may: a crossing
    // pattern reaches the selection from both).
    let alone = ranking.candidates.first().is_some_and(|first| {
        ranking
            .candidates
            .iter()
            .filter(|c| c.rank == 1)
            .all(|c| c.item.muscle.id == first.item.muscle.id)
    });
    let mut out: Vec<String> = Vec::new();
    for c in ranking.items() {
        if !out.contains(&c.muscle.id) {
            out.push(c.muscle.id.clone());
        }
        if out.len() == 5 {
            break;
        }
    }
    (out, alone)
}

#[test]
fn there_are_enough_vignettes_across_the_body() {
    let all = vignettes();
    assert!(all.len() >= 45, "{} vignettes", all.len());
    assert!(all.iter().filter(|v| v.first.is_some()).count() >= 15);
}

#[test]
fn the_vignettes_rank_their_muscles_first_and_in_the_top_five() {
    let atlas = Atlas::shipped().unwrap();
    let all = vignettes();
    let (mut in_five, mut firsts, mut first_right) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for v in &all {
        for id in v.expected.iter().chain(&v.first) {
            assert!(
                atlas.muscle(id).is_some(),
                "line {}: unknown muscle {id}",
                v.line
            );
        }
        let (top, alone) = top_muscles(&atlas, v);
        let missing: Vec<&String> = v.expected.iter().filter(|m| !top.contains(m)).collect();
        if missing.is_empty() {
            in_five += 1;
        }
        let wrong_first = v
            .first
            .as_ref()
            .filter(|f| !(alone && top.first() == Some(f)));
        if v.first.is_some() {
            firsts += 1;
            if wrong_first.is_none() {
                first_right += 1;
            }
        }
        if !missing.is_empty() || wrong_first.is_some() {
            misses.push(format!(
                "line {} ({}): top 5 {top:?}{}, missing {missing:?}{}",
                v.line,
                v.regions.join(", "),
                if alone { "" } else { " (first tied)" },
                wrong_first
                    .map(|f| format!(", expected {f} first"))
                    .unwrap_or_default()
            ));
        }
    }
    let rate = |n: usize, of: usize| n as f64 / of.max(1) as f64;
    let (five, first) = (rate(in_five, all.len()), rate(first_right, firsts));
    eprintln!(
        "vignettes: expected muscles in the top five {in_five}/{} ({:.1}%), classic first \
         muscle first {first_right}/{firsts} ({:.1}%)\n{}",
        all.len(),
        five * 100.0,
        first * 100.0,
        misses.join("\n")
    );
    assert!(
        five >= TOP_FIVE_RATE && first >= FIRST_RATE,
        "top five {:.1}% (need {:.0}%), first {:.1}% (need {:.0}%); misses:\n{}",
        five * 100.0,
        TOP_FIVE_RATE * 100.0,
        first * 100.0,
        FIRST_RATE * 100.0,
        misses.join("\n")
    );
}
