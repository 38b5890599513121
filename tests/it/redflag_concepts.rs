//! The red-flag concepts checked phrasing by phrasing (`redflag_concepts.tsv`): each
//! concept in the plain words clients use for its cardinal features, and the traps that
//! must stay quiet. Written by the author of the concept words, so a regression check,
//! not a measure (the held-apart corpus in `redflags.rs` is the measure).

use painmap::atlas::Atlas;
use painmap::parse::Lexicon;
use painmap::rank::{Selection, red_flags};

#[test]
fn every_concept_phrasing_raises_its_flag_and_every_trap_stays_quiet() {
    let atlas = Atlas::shipped().unwrap();
    let lexicon = Lexicon::for_atlas(&atlas).unwrap();
    let text = include_str!("redflag_concepts.tsv");
    let mut wrong = Vec::new();
    let mut rows = 0;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 2, "line {}: expected flag, intake, age", i + 1);
        rows += 1;
        let reading = lexicon.read(f[1]);
        let mut s = Selection::of(reading.regions.iter().cloned());
        s.symptoms = reading.symptom_words();
        s.said = vec![f[1].to_string()];
        s.age = f.get(2).and_then(|a| a.parse().ok());
        let got: Vec<String> = red_flags(&atlas, &s)
            .iter()
            .map(|r| r.flag.id.clone())
            .collect();
        let ok = if f[0] == "-" {
            got.is_empty()
        } else {
            got.iter().any(|g| g == f[0])
        };
        if !ok {
            wrong.push(format!(
                "line {}: want {}, raised {got:?}: {:?}",
                i + 1,
                f[0],
                f[1]
            ));
        }
    }
    assert!(rows >= 300, "{rows} phrasings");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
