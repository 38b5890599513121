//! Scores the reader on the blind phrase corpora (`tests/corpus/*.tsv`, see the README
//! there): per file and per half (odd ids tune, even ids frozen), the share of phrases
//! read whole and the share of expected regions found. Shared by the test
//! (`tests/it/corpus.rs`) and `cargo run --example corpus`, so both count alike.
//!
//! Frozen rows are only ever counted: nothing here returns their text or their reading.

#![allow(dead_code, reason = "the example reads what the test does not")]

use painmap::atlas::Side;
use painmap::parse::Lexicon;
use std::collections::BTreeSet;

/// The corpus files, in the order they are reported.
pub const FILES: [(&str, &str); 6] = [
    (
        "phrases-dev.tsv",
        include_str!("../../tests/corpus/phrases-dev.tsv"),
    ),
    (
        "phrases-A.tsv",
        include_str!("../../tests/corpus/phrases-A.tsv"),
    ),
    (
        "phrases-B.tsv",
        include_str!("../../tests/corpus/phrases-B.tsv"),
    ),
    (
        "phrases-C.tsv",
        include_str!("../../tests/corpus/phrases-C.tsv"),
    ),
    (
        "phrases-E.tsv",
        include_str!("../../tests/corpus/phrases-E.tsv"),
    ),
    (
        "phrases-F.tsv",
        include_str!("../../tests/corpus/phrases-F.tsv"),
    ),
];

/// A region on a side (or none), as the corpus writes it.
pub type Place = (String, Option<Side>);

/// One row of a corpus.
pub struct Row {
    /// The id as written (`D017`).
    pub id: String,
    /// The id's number: odd tunes, even is frozen.
    pub number: u32,
    /// The client's words.
    pub phrase: String,
    /// Regions that must be found.
    pub required: BTreeSet<Place>,
    /// Regions that may be found (`?`).
    pub allowed: BTreeSet<Place>,
    /// The qualities, exactly.
    pub qualities: BTreeSet<String>,
}

impl Row {
    /// Is this row in the tuning half?
    pub fn tuning(&self) -> bool {
        self.number % 2 == 1
    }
}

fn place(entry: &str, file: &str, id: &str) -> Result<Place, String> {
    let (side, region) = match entry.split_once(' ') {
        Some(("left", r)) => (Some(Side::Left), r),
        Some(("right", r)) => (Some(Side::Right), r),
        Some((other, _)) => return Err(format!("{file}: {id}: side '{other}'")),
        None => (None, entry),
    };
    Ok((region.trim().to_string(), side))
}

/// Parses a corpus file.
pub fn rows(file: &str, text: &str) -> Result<Vec<Row>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, phrase, regions, qualities] = fields.as_slice() else {
            return Err(format!("{file}:{}: 4 tab-separated fields", n + 1));
        };
        let number: u32 = id
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .parse()
            .map_err(|_| format!("{file}:{}: id '{id}' has no number", n + 1))?;
        let mut required = BTreeSet::new();
        let mut allowed = BTreeSet::new();
        for entry in regions.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            match entry.strip_prefix('?') {
                Some(e) => allowed.insert(place(e.trim(), file, id)?),
                None => required.insert(place(entry, file, id)?),
            };
        }
        out.push(Row {
            id: (*id).to_string(),
            number,
            phrase: (*phrase).to_string(),
            required,
            allowed,
            qualities: qualities
                .split(',')
                .map(str::trim)
                .filter(|q| !q.is_empty())
                .map(str::to_string)
                .collect(),
        });
    }
    Ok(out)
}

/// What the reader made of a row.
pub struct Outcome {
    /// Read whole: regions exact (required found, nothing outside required and
    /// allowed), qualities exact.
    pub whole: bool,
    /// Required regions found.
    pub found: usize,
    /// Regions read, with sides.
    pub got: BTreeSet<Place>,
    /// Qualities read.
    pub got_qualities: BTreeSet<String>,
}

/// Reads a row and judges it.
pub fn judge(lexicon: &Lexicon, row: &Row) -> Outcome {
    let reading = lexicon.read(&row.phrase);
    let got: BTreeSet<Place> = reading
        .regions
        .iter()
        .map(|r| (r.region.clone(), r.side))
        .collect();
    let got_qualities: BTreeSet<String> = reading
        .qualities
        .iter()
        .map(|q| q.as_str().to_string())
        .collect();
    let found = row.required.intersection(&got).count();
    let whole = found == row.required.len()
        && got
            .iter()
            .all(|p| row.required.contains(p) || row.allowed.contains(p))
        && got_qualities == row.qualities;
    Outcome {
        whole,
        found,
        got,
        got_qualities,
    }
}

/// The figures of one half of one file (or of several).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Phrases.
    pub rows: usize,
    /// Phrases read whole.
    pub whole: usize,
    /// Required regions.
    pub expected: usize,
    /// Required regions found.
    pub found: usize,
}

impl Tally {
    /// Adds one judged row.
    pub fn add(&mut self, row: &Row, outcome: &Outcome) {
        self.rows += 1;
        self.whole += usize::from(outcome.whole);
        self.expected += row.required.len();
        self.found += outcome.found;
    }

    /// Adds another tally.
    pub fn merge(&mut self, other: Tally) {
        self.rows += other.rows;
        self.whole += other.whole;
        self.expected += other.expected;
        self.found += other.found;
    }

    /// Share of phrases read whole, in percent.
    pub fn whole_pct(&self) -> f64 {
        100.0 * self.whole as f64 / self.rows.max(1) as f64
    }

    /// Share of required regions found, in percent.
    pub fn found_pct(&self) -> f64 {
        100.0 * self.found as f64 / self.expected.max(1) as f64
    }

    /// "whole 180/200 (90.0%), regions found 300/310 (96.8%)".
    pub fn line(&self) -> String {
        format!(
            "whole {:>3}/{:<3} ({:5.1}%)   regions found {:>3}/{:<3} ({:5.1}%)",
            self.whole,
            self.rows,
            self.whole_pct(),
            self.found,
            self.expected,
            self.found_pct()
        )
    }
}

/// A file's figures: the tuning half, the frozen half.
pub struct FileScore {
    /// The file's name.
    pub file: &'static str,
    /// Odd ids.
    pub tuning: Tally,
    /// Even ids.
    pub frozen: Tally,
}

/// Scores every file. `on_tuning_failure` sees each tuning-half row not read whole
/// (frozen rows are never shown to it).
pub fn score(
    lexicon: &Lexicon,
    mut on_tuning_failure: impl FnMut(&str, &Row, &Outcome),
) -> Result<Vec<FileScore>, String> {
    let mut out = Vec::new();
    for (file, text) in FILES {
        let mut s = FileScore {
            file,
            tuning: Tally::default(),
            frozen: Tally::default(),
        };
        for row in rows(file, text)? {
            let outcome = judge(lexicon, &row);
            if row.tuning() {
                s.tuning.add(&row, &outcome);
                if !outcome.whole {
                    on_tuning_failure(file, &row, &outcome);
                }
            } else {
                s.frozen.add(&row, &outcome);
            }
        }
        out.push(s);
    }
    Ok(out)
}

/// The totals over every file: (tuning, frozen).
pub fn totals(scores: &[FileScore]) -> (Tally, Tally) {
    let mut tuning = Tally::default();
    let mut frozen = Tally::default();
    for s in scores {
        tuning.merge(s.tuning);
        frozen.merge(s.frozen);
    }
    (tuning, frozen)
}

/// The report, one line per file and half, then the totals.
pub fn report(scores: &[FileScore]) -> String {
    let mut out = String::new();
    for s in scores {
        out.push_str(&format!("{:<16} tuning  {}\n", s.file, s.tuning.line()));
        out.push_str(&format!("{:<16} frozen  {}\n", s.file, s.frozen.line()));
    }
    let (tuning, frozen) = totals(scores);
    out.push_str(&format!("{:<16} tuning  {}\n", "all", tuning.line()));
    out.push_str(&format!("{:<16} frozen  {}\n", "all", frozen.line()));
    out
}
