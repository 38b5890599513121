//! What people type: region and muscle resolution, search and the free-text reader on the
//! shipped atlas, and ranking whatever resolves. None may panic, whatever the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use painmap::atlas::Atlas;
use painmap::rank::{Selection, rank, red_flags};
use painmap::parse::Lexicon;
use painmap::search::SearchIndex;
use std::sync::OnceLock;

fn shipped() -> &'static (Atlas, SearchIndex, Lexicon) {
    static SHIPPED: OnceLock<(Atlas, SearchIndex, Lexicon)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let atlas = Atlas::shipped().expect("the shipped atlas is valid");
        let index = SearchIndex::new(&atlas);
        let lexicon = Lexicon::for_atlas(&atlas).expect("the shipped lexicon is valid");
        (atlas, index, lexicon)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (atlas, index, lexicon) = shipped();
    let _ = index.search(text, 40);
    let reading = lexicon.read(text);
    let _ = (reading.summary(atlas), reading.caveats(), reading.symptom_words());
    let _ = atlas.resolve_muscle(text);
    let mut selection = Selection::default();
    selection.symptoms = text.split_whitespace().map(str::to_owned).collect();
    for token in text.split(',') {
        if let Ok(region) = atlas.resolve_region(token) {
            selection.add(region);
        }
    }
    let _ = rank(atlas, &selection, 10);
    let _ = red_flags(atlas, &selection);
});
