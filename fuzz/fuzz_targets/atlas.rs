//! Atlas parsing and validation: any bytes that are UTF-8 go through `Atlas::from_text`,
//! which must return `Ok` or `Err`, never panic, overflow the stack or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use painmap::atlas::Atlas;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(atlas) = Atlas::from_text(text, "fuzz.ron") {
            // A valid atlas must also index and search without trouble.
            let index = painmap::search::SearchIndex::new(&atlas);
            let _ = index.search("a", 10);
        }
    }
});
