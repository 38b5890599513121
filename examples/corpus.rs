//! Scores the free-text reader on the blind phrase corpora (`tests/corpus/`): per file and
//! half, the share of phrases read whole and of expected regions found.
//!
//! `cargo run --release --example corpus` prints the figures;
//! `cargo run --release --example corpus -- --failures` also lists the tuning half's
//! misreads (odd ids only: the frozen half is never shown row by row).
#![allow(clippy::format_push_string, reason = "a report built line by line")]

#[path = "../tests/corpus/score.rs"]
mod score;

use painmap::atlas::Atlas;
use painmap::parse::Lexicon;

fn main() -> Result<(), String> {
    let failures = std::env::args().any(|a| a == "--failures");
    let atlas = Atlas::shipped().map_err(|e| e.to_string())?;
    let lexicon = Lexicon::for_atlas(&atlas).map_err(|e| e.to_string())?;
    let scores = score::score(&lexicon, |file, row, outcome| {
        if failures {
            let show = |set: &std::collections::BTreeSet<score::Place>| {
                set.iter()
                    .map(|(r, s)| match s {
                        Some(s) => format!("{} {r}", s.as_str()),
                        None => r.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            };
            let reading = lexicon.read(&row.phrase);
            println!(
                "{file} {}: {}\n    want {} ?{} | {}\n    got  {} | {}  unmatched {:?} read {:?}",
                row.id,
                row.phrase,
                show(&row.required),
                show(&row.allowed),
                row.qualities.iter().cloned().collect::<Vec<_>>().join(","),
                show(&outcome.got),
                outcome
                    .got_qualities
                    .iter()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(","),
                reading.unmatched,
                reading
                    .corrections
                    .iter()
                    .map(|c| format!("{}->{}", c.typed, c.read))
                    .collect::<Vec<_>>(),
            );
        }
    })?;
    print!("{}", score::report(&scores));
    Ok(())
}
