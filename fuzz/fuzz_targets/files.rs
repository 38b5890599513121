//! The files painmap reads back: any bytes as an intake record (parsed, checked against
//! the shipped atlas and the record limits) and as study progress; progress that loads is
//! then summarised, put in due order, merged with itself and answered. None may panic or
//! overflow, whatever the numbers in the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use painmap::atlas::Atlas;
use painmap::record::Record;
use painmap::study::cards::Deck;
use painmap::study::progress::Progress;
use painmap::study::summary::{Summary, due_order};
use std::path::Path;
use std::sync::OnceLock;

fn shipped() -> &'static (Atlas, Deck) {
    static SHIPPED: OnceLock<(Atlas, Deck)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let atlas = Atlas::shipped().expect("the shipped atlas is valid");
        let deck = Deck::build(&atlas, None, 7);
        (atlas, deck)
    })
}

fuzz_target!(|data: &[u8]| {
    let (atlas, deck) = shipped();
    if let Ok(intake) = Record::from_bytes(data, Path::new("fuzz.json"), atlas) {
        let _ = painmap::rank::rank(atlas, &intake.selection, 10);
    }
    let Ok(progress) = Progress::from_bytes(data, Path::new("progress.json")) else {
        return;
    };
    // Times at both ends of the range, where sums and due dates could overflow.
    for now in [0, 1_763_980_200, u64::MAX] {
        let summary = Summary::of(deck, &progress, now);
        assert!(summary.correct <= summary.seen);
        let _ = summary.accuracy();
        let order = due_order(deck, &progress, now);
        assert!(order.len() <= deck.cards.len());
    }
    let mut merged = progress.clone();
    merged.merge(&progress);
    assert_eq!(merged, progress);
    for id in progress.cards.keys().take(8) {
        let _ = merged.record(id, true, u64::MAX);
        let _ = merged.record(id, false, 0);
    }
});
