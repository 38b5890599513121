//! The search index in binary form, kept in the user-atlas cache beside the parsed atlas
//! ([`crate::atlas::cache`]), so `painmap search --atlas FILE` on a file read before
//! neither parses, validates nor decodes the atlas: it hashes the file's bytes, reads
//! the index made from them and searches.
//!
//! An entry is trusted for nothing its header and checksum do not vouch for, and its
//! parts are checked again as they are read back: every piece of text lies inside the
//! index's string on character boundaries, and every thing's keys are its own, in order.
//! Such an index may be wrong only if someone wrote it on purpose with a sound checksum;
//! it can never make painmap panic or print outside what it holds (which is escaped on
//! output like any text).

use super::SearchIndex;
use super::parts::{Parts, Span};
use crate::atlas::cache::{Entry, Kind};
use crate::atlas::{Atlas, AtlasError};
use std::path::Path;

/// The binary form of an index: its parts.
pub fn encode(index: &SearchIndex) -> Option<Vec<u8>> {
    postcard::to_allocvec(&index.parts).ok()
}

/// An index from its binary form; `None` for bytes that are not one, or whose parts do
/// not fit together.
pub fn decode(bytes: &[u8]) -> Option<SearchIndex> {
    let parts: Parts = postcard::from_bytes(bytes).ok()?;
    let piece = |span: Span| {
        span.start <= span.end
            && parts
                .text
                .get(span.start as usize..span.end as usize)
                .is_some()
    };
    let mut next_key = 0;
    for thing in &parts.things {
        // A thing's keys follow the last thing's, and there is at least its name.
        if thing.keys.start != next_key || thing.keys.end <= thing.keys.start {
            return None;
        }
        next_key = thing.keys.end;
        if !piece(thing.id) || !piece(thing.name) {
            return None;
        }
    }
    let keys_fit = next_key as usize == parts.keys.len()
        && parts
            .keys
            .iter()
            .all(|k| piece(k.folded) && k.alias.is_none_or(piece));
    keys_fit.then(|| SearchIndex::from_parts(parts))
}

/// The search index of the atlas file at `path`, through the cache in `dir`: read back
/// when the cache holds one made from exactly the file's bytes, else made from the atlas
/// (itself read through the cache) and stored. A file that cannot be read or is not a
/// valid atlas is refused with [`Atlas::load_cached`]'s error.
pub fn load_cached(path: &Path, dir: &Path) -> Result<SearchIndex, AtlasError> {
    if let Some(index) = Entry::of_file(dir, path)?.load_with(Kind::Search, decode) {
        return Ok(index);
    }
    let (atlas, entry) = Atlas::load_keyed(path, dir)?;
    let index = SearchIndex::new(&atlas);
    if let Some(payload) = encode(&index) {
        entry.store_payload(Kind::Search, &payload);
    }
    Ok(index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Hit;

    /// A fresh folder, removed when the test ends.
    fn scratch() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    const QUERIES: [&str; 8] = [
        "st",
        "scm",
        "temple",
        "upper trap x2",
        "tingl",
        "s",
        "zz",
        "infraspinatus",
    ];

    fn answers(index: &SearchIndex) -> Vec<Vec<Hit>> {
        QUERIES.iter().map(|q| index.search(q, 40)).collect()
    }

    #[test]
    fn an_index_read_back_answers_as_the_one_built() {
        let synthetic = crate::atlas::synth::synthetic_text(2).unwrap();
        for atlas in [
            Atlas::shipped().unwrap(),
            Atlas::from_text(&synthetic, "synthetic.ron").unwrap(),
        ] {
            let built = SearchIndex::new(&atlas);
            let read = decode(&encode(&built).unwrap()).unwrap();
            assert_eq!(read.parts, built.parts);
            assert_eq!(read.longest, built.longest);
            assert_eq!(answers(&read), answers(&built));
        }
    }

    /// One way of spoiling an index's parts.
    type Spoil<'a> = &'a dyn Fn(&mut Parts);

    /// Parts that do not fit together are refused, each way they can fail to.
    #[test]
    fn parts_that_do_not_fit_are_refused() {
        let mini = include_str!("../../../../tests/fixtures/mini.ron");
        let good = SearchIndex::new(&Atlas::from_text(mini, "mini.ron").unwrap());
        let past_end = good.parts.text.len() as u32 + 1;
        // Inside a two-byte char.
        let accent = good.parts.text.find('é').unwrap() as u32 + 1;
        let with = |change: Spoil| {
            let mut parts = good.parts.clone();
            change(&mut parts);
            decode(&postcard::to_allocvec(&parts).unwrap())
        };
        assert!(with(&|_| {}).is_some());
        let inside = Span {
            start: accent,
            end: accent,
        };
        let cases: [(&str, Spoil); 8] = [
            ("an id past the text", &|p| p.things[0].id.end = past_end),
            ("a name inside a char", &|p| p.things[0].name.start = accent),
            ("a backwards span", &|p| {
                p.things[0].id = Span { start: 3, end: 1 }
            }),
            ("a key past the text", &|p| p.keys[0].folded.end = past_end),
            ("an alias inside a char", &|p| {
                p.keys[1].alias = Some(inside);
            }),
            ("a thing with no key", &|p| {
                p.things[0].keys.end = p.things[0].keys.start;
            }),
            ("keys out of order", &|p| p.things.swap(0, 1)),
            ("keys nobody has", &|p| p.keys.push(p.keys[0])),
        ];
        for (what, change) in cases {
            assert!(with(change).is_none(), "{what}");
        }
        assert!(decode(b"").is_none());
        assert!(decode(&[0xff; 64]).is_none());
    }

    /// The second search of a file reads its index from the cache; a damaged index is
    /// ignored and written again, and an edited file is another entry.
    #[test]
    fn the_second_search_reads_the_index_back() {
        let dir_tmp = scratch();
        let dir = dir_tmp.path();
        let file = dir.join("mini.ron");
        let text = include_str!("../../../../tests/fixtures/mini.ron");
        std::fs::write(&file, text).unwrap();
        let cache = dir.join("cache");
        let first = load_cached(&file, &cache).unwrap();
        let entry = Entry::new(&cache, text.as_bytes());
        let stored = entry
            .load_with(Kind::Search, decode)
            .expect("stored by the first");
        assert_eq!(answers(&stored), answers(&first));
        assert!(entry.load().is_some(), "the atlas is cached too");
        // An index that says something else, with a sound header: the next search finds
        // it, so it did not come from the atlas.
        let mut other = SearchIndex::new(&Atlas::shipped().unwrap());
        other.parts.text.push(' ');
        assert!(entry.store_payload(Kind::Search, &encode(&other).unwrap()));
        let second = load_cached(&file, &cache).unwrap();
        assert_eq!(second.parts, other.parts);
        // Damaged: ignored, the answer comes from the atlas, and the entry is rebuilt.
        let written = std::fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "search"))
            .unwrap();
        let mut bytes = std::fs::read(&written).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&written, &bytes).unwrap();
        let third = load_cached(&file, &cache).unwrap();
        assert_eq!(answers(&third), answers(&first));
        assert_eq!(
            entry.load_with(Kind::Search, decode).map(|i| i.parts),
            Some(first.parts.clone())
        );
        // A refused file is refused as the atlas loader refuses it.
        let missing = dir.join("missing.ron");
        let ours = load_cached(&missing, &cache).unwrap_err().to_string();
        let theirs = Atlas::load_cached(Some(&missing), None)
            .unwrap_err()
            .to_string();
        assert_eq!(ours, theirs);
        let bad = dir.join("bad.ron");
        std::fs::write(&bad, text.replacen("temple", "tempel", 1)).unwrap();
        let ours = load_cached(&bad, &cache).unwrap_err().to_string();
        let theirs = Atlas::load_cached(Some(&bad), None)
            .unwrap_err()
            .to_string();
        assert_eq!(ours, theirs);
    }
}
