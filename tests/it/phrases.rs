//! The phrase corpus (`tests/phrases.txt`): each phrasing read with the shipped lexicon
//! and compared with its expected reading. Reports and asserts the exact-parse rate
//! (regions with their sides, and qualities where given) and the region recall.

use painmap::atlas::{Atlas, Side};
use painmap::parse::Lexicon;
use std::collections::BTreeSet;

/// One line of the corpus.
struct Case {
    line: usize,
    text: String,
    regions: BTreeSet<(String, Option<Side>)>,
    qualities: Option<BTreeSet<String>>,
    symptoms: Vec<String>,
}

fn list(field: &str) -> Vec<String> {
    field
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "-")
        .map(str::to_string)
        .collect()
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/phrases.txt"))
        .expect("tests/phrases.txt");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let fields: Vec<&str> = l.split('|').collect();
            assert!(fields.len() >= 2, "phrases.txt:{}: TEXT | REGIONS", i + 1);
            let regions = list(fields[1])
                .into_iter()
                .map(|r| match r.split_once(' ') {
                    Some((side, id)) => (
                        id.to_string(),
                        Some(match side {
                            "left" => Side::Left,
                            "right" => Side::Right,
                            other => panic!("phrases.txt:{}: side '{other}'", i + 1),
                        }),
                    ),
                    None => (r, None),
                })
                .collect();
            Case {
                line: i + 1,
                text: fields[0].trim().to_string(),
                regions,
                qualities: fields.get(2).map(|f| list(f).into_iter().collect()),
                symptoms: fields.get(3).map(|f| list(f)).unwrap_or_default(),
            }
        })
        .collect()
}

#[test]
fn the_corpus_reads_as_expected() {
    let atlas = Atlas::shipped().unwrap();
    let lexicon = Lexicon::for_atlas(&atlas).unwrap();
    let cases = cases();
    assert!(
        cases.len() >= 150,
        "{} phrasings; the corpus holds 150 or more",
        cases.len()
    );
    let (mut exact, mut expected, mut found) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    let mut covered: BTreeSet<String> = BTreeSet::new();
    for case in &cases {
        let reading = lexicon.read(&case.text);
        let got: BTreeSet<(String, Option<Side>)> = reading
            .regions
            .iter()
            .map(|r| (r.region.clone(), r.side))
            .collect();
        let qualities: BTreeSet<String> = reading
            .qualities
            .iter()
            .map(|q| q.as_str().to_string())
            .collect();
        expected += case.regions.len();
        found += case.regions.intersection(&got).count();
        covered.extend(case.regions.iter().map(|(r, _)| r.clone()));
        let symptoms_ok = case.symptoms.iter().all(|s| reading.symptoms.contains(s));
        let ok = got == case.regions
            && case.qualities.as_ref().is_none_or(|q| *q == qualities)
            && symptoms_ok;
        if ok {
            exact += 1;
        } else {
            misses.push(format!(
                "phrases.txt:{}: '{}': regions {:?}, qualities {:?}, symptoms {:?}, unmatched {:?}",
                case.line, case.text, got, qualities, reading.symptoms, reading.unmatched
            ));
        }
    }
    let exact_rate = exact as f64 / cases.len() as f64;
    let recall = found as f64 / expected.max(1) as f64;
    eprintln!(
        "phrases: {exact}/{} exact ({:.1}%), region recall {found}/{expected} ({:.1}%)",
        cases.len(),
        exact_rate * 100.0,
        recall * 100.0
    );
    for m in &misses {
        eprintln!("  {m}");
    }
    let missing: Vec<&str> = atlas
        .regions()
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| !covered.contains(*id))
        .collect();
    assert!(missing.is_empty(), "regions no phrasing names: {missing:?}");
    assert!(
        exact_rate >= 0.90,
        "exact parse {:.1}% < 90%",
        exact_rate * 100.0
    );
    assert!(recall >= 0.95, "region recall {:.1}% < 95%", recall * 100.0);
}
