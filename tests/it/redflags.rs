//! The red-flag corpus (`tests/corpus/redflags/`, see its README): each intake read as
//! `painmap rank "INTAKE" --age N` reads it, and the red flags it raises compared with
//! the one expected. Odd ids tune; even ids are frozen: their failures are never printed,
//! only their figures, and the floors below are asserted on them.

use painmap::atlas::Atlas;
use painmap::parse::Lexicon;
use painmap::rank::{Selection, red_flags};

/// One intake of the corpus.
struct Row {
    id: String,
    expected: Option<String>,
    text: String,
    age: Option<u8>,
}

impl Row {
    /// Odd ids tune, even ids are frozen.
    fn frozen(&self) -> bool {
        let digits: String = self.id.chars().filter(char::is_ascii_digit).collect();
        digits.parse::<u32>().is_ok_and(|n| n % 2 == 0)
    }
}

const FILES: [&str; 4] = ["dev.tsv", "A.tsv", "B.tsv", "C.tsv"];

fn rows() -> Vec<Row> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/redflags/");
    let mut out = Vec::new();
    for file in FILES {
        let text = std::fs::read_to_string(format!("{dir}{file}")).expect("corpus file");
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 4, "{file}:{}: four tab-separated fields", i + 1);
            out.push(Row {
                id: f[0].to_string(),
                expected: (f[1] != "-").then(|| f[1].to_string()),
                text: f[2].to_string(),
                age: (!f[3].is_empty()).then(|| f[3].parse().expect("an age")),
            });
        }
    }
    out
}

/// The flags raised by an intake, read as `rank` reads one free-text argument.
fn raised(atlas: &Atlas, lexicon: &Lexicon, row: &Row) -> Vec<String> {
    let reading = lexicon.read(&row.text);
    let mut s = Selection::of(reading.regions.iter().cloned());
    s.symptoms = reading.symptom_words();
    s.said = vec![row.text.clone()];
    s.age = row.age;
    red_flags(atlas, &s).iter().map(|f| f.flag.id.clone()).collect()
}

/// Counts for one half.
#[derive(Default)]
struct Tally {
    flagged: usize,
    caught: usize,
    caught_alone: usize,
    ordinary: usize,
    quiet: usize,
}

#[test]
fn red_flag_corpus() {
    let atlas = Atlas::shipped().unwrap();
    let lexicon = Lexicon::for_atlas(&atlas).unwrap();
    let rows = rows();
    assert!(rows.len() >= 300, "{} intakes", rows.len());
    let (mut tune, mut frozen) = (Tally::default(), Tally::default());
    for row in &rows {
        let got = raised(&atlas, &lexicon, row);
        let t = if row.frozen() { &mut frozen } else { &mut tune };
        let ok = match &row.expected {
            Some(want) => {
                t.flagged += 1;
                let hit = got.contains(want);
                t.caught += usize::from(hit);
                t.caught_alone += usize::from(hit && got.len() == 1);
                hit
            }
            None => {
                t.ordinary += 1;
                t.quiet += usize::from(got.is_empty());
                got.is_empty()
            }
        };
        if !ok && !row.frozen() {
            eprintln!(
                "  miss {} (want {}): {:?} raised {got:?}",
                row.id,
                row.expected.as_deref().unwrap_or("-"),
                row.text
            );
        }
    }
    for (name, t) in [("tuning (odd ids)", &tune), ("frozen (even ids)", &frozen)] {
        eprintln!(
            "red flags, {name}: {}/{} red-flag intakes raise their flag ({} with no other), \
             {}/{} ordinary intakes raise none",
            t.caught, t.flagged, t.caught_alone, t.quiet, t.ordinary
        );
    }
}
