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

const FILES: [&str; 6] = ["dev.tsv", "A.tsv", "B.tsv", "C.tsv", "E.tsv", "F.tsv"];

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
    red_flags(atlas, &s)
        .iter()
        .map(|f| f.flag.id.clone())
        .collect()
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
        let ok = if let Some(want) = &row.expected {
            t.flagged += 1;
            let hit = got.contains(want);
            t.caught += usize::from(hit);
            t.caught_alone += usize::from(hit && got.len() == 1);
            hit
        } else {
            t.ordinary += 1;
            t.quiet += usize::from(got.is_empty());
            got.is_empty()
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
    assert!(
        frozen.caught >= FROZEN_CAUGHT_FLOOR && frozen.quiet >= FROZEN_QUIET_FLOOR,
        "the frozen half fell below its floor: {}/{} caught (floor {FROZEN_CAUGHT_FLOOR}), \
         {}/{} quiet (floor {FROZEN_QUIET_FLOOR})",
        frozen.caught,
        frozen.flagged,
        frozen.quiet,
        frozen.ordinary
    );
}

/// The floors the frozen half holds (measured, then asserted so a change that loses a
/// caught flag or adds a false alarm fails).
const FROZEN_CAUGHT_FLOOR: usize = 92;
const FROZEN_QUIET_FLOOR: usize = 95;

mod cli {
    use crate::util::{code, json, run, stderr, stdout};

    #[test]
    fn left_chest_alone_reminds_what_to_ask() {
        let out = run(&["rank", "left chest"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let text = stdout(&out);
        assert!(!text.contains("RED FLAG"), "{text}");
        for concept in [
            "exertion",
            "rest-relief",
            "breathlessness",
            "sweating",
            "nausea",
        ] {
            assert!(
                text.lines()
                    .any(|l| l.starts_with("ask: ") && l.contains(&format!("--no {concept}]"))),
                "asks about {concept}: {text}"
            );
        }
        let v = json(&run(&["rank", "left chest", "--json"]));
        let screen = v["screen"].as_array().unwrap();
        assert_eq!(screen[0]["concept"], "exertion");
        assert!(screen[0]["question"].as_str().unwrap().ends_with('?'));
        assert!(screen[0]["answer"].is_null(), "null until given");
    }

    #[test]
    fn an_answer_raises_a_flag_and_says_so() {
        let v = json(&run(&[
            "rank",
            "left chest",
            "--yes",
            "exertion",
            "--no",
            "fever",
            "--json",
        ]));
        let flags = v["red_flags"].as_array().unwrap();
        assert_eq!(flags.len(), 1, "{v}");
        assert_eq!(flags[0]["id"], "cardiac");
        assert_eq!(flags[0]["by_answer"], true);
        assert!(flags[0]["because"].as_str().unwrap().contains("exertion"));
        assert!(flags[0]["source"].as_str().unwrap().contains("Chest"));
        let screen = v["screen"].as_array().unwrap();
        assert_eq!(screen[0]["answer"], true);
        let out = run(&["rank", "left chest", "--yes", "exertion"]);
        assert!(
            stdout(&out).contains("raised by the answer yes to: exertion"),
            "{}",
            stdout(&out)
        );
        let out = run(&["rank", "left chest", "--yes", "exertoin"]);
        assert_eq!(code(&out), 2);
        assert!(stderr(&out).contains("unknown screening concept 'exertoin'"));
    }

    #[test]
    fn the_clients_words_raise_flags_and_ordinary_words_do_not() {
        let flags = |args: &[&str]| -> Vec<String> {
            let out = run(&[args, &["--json"]].concat());
            assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
            json(&out)["red_flags"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["id"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            flags(&["rank", "chest feels tight when I go up the stairs"]),
            ["cardiac"]
        );
        assert_eq!(
            flags(&[
                "rank",
                "my jaw and arm ache when I walk fast and it stops when I rest"
            ]),
            ["cardiac"]
        );
        assert_eq!(
            flags(&["rank", "sudden ripping pain in my upper back"]),
            ["aortic-dissection"]
        );
        assert_eq!(
            flags(&[
                "rank",
                "front of my right shoulder aches and I am short of breath"
            ]),
            ["cardiac"]
        );
        assert_eq!(
            flags(&["rank", "fever and chills"]),
            ["meningitis-or-fever"]
        );
        for ordinary in [
            "a knot in my shoulder for a week",
            "carried a heavy bag, now my shoulder aches",
            "my aunt had cancer, my neck is stiff",
            "hurt my neck in a fall two years ago",
            "low back ache, no fever, no numbness between my legs",
        ] {
            assert!(flags(&["rank", ordinary]).is_empty(), "{ordinary}");
        }
    }
}
