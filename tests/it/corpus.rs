//! The blind phrase corpora (`tests/corpus/`, written by authors who never saw the reader
//! or its lexicon): the reader must hold the figures it has reached on both halves, so a
//! regression fails. Only figures are printed; the frozen half (even ids) is never shown
//! row by row. `cargo run --release --example corpus -- --failures` lists the tuning
//! half's misreads.
#![allow(clippy::format_push_string, reason = "a report built line by line")]

#[path = "../corpus/score.rs"]
mod score;

use painmap::atlas::Atlas;
use painmap::parse::Lexicon;

/// The floors reached (percent): (tuning whole, tuning regions found, frozen whole,
/// frozen regions found), over all the files.
const FLOORS: (f64, f64, f64, f64) = (92.5, 98.0, 81.4, 91.9);

#[test]
fn the_blind_corpora_read_at_least_as_well_as_measured() {
    let atlas = Atlas::shipped().unwrap();
    let lexicon = Lexicon::for_atlas(&atlas).unwrap();
    let scores = score::score(&lexicon, |_, _, _| {}).unwrap();
    eprint!("{}", score::report(&scores));
    let (tuning, frozen) = score::totals(&scores);
    assert!(
        tuning.rows >= 300 && frozen.rows >= 300,
        "{tuning:?} {frozen:?}"
    );
    for (what, got, floor) in [
        ("tuning half, read whole", tuning.whole_pct(), FLOORS.0),
        ("tuning half, regions found", tuning.found_pct(), FLOORS.1),
        ("frozen half, read whole", frozen.whole_pct(), FLOORS.2),
        ("frozen half, regions found", frozen.found_pct(), FLOORS.3),
    ] {
        assert!(got >= floor, "{what}: {got:.1}% < the floor {floor:.1}%");
    }
}

#[test]
fn the_split_is_by_the_ids_number() {
    let rows = score::rows(
        "t.tsv",
        "#h\nD001\ta\t\t\nA002\tb\tleft knee-back,?calf\taching\n",
    )
    .unwrap();
    assert!(rows[0].tuning() && !rows[1].tuning());
    assert_eq!(rows[1].required.len(), 1);
    assert_eq!(rows[1].allowed.len(), 1);
    assert!(score::rows("t.tsv", "D001\tonly two\n").is_err());
}
