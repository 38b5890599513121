//! The binary form of a parsed atlas, and a cache of user atlases in that form.
//!
//! The shipped atlas is embedded in this form by the build step (`build.rs`). An atlas
//! given with `--atlas FILE` is parsed from RON the first time; its parsed form is then
//! kept in the cache folder (`$XDG_CACHE_HOME/painmap/`, else `~/.cache/painmap/`) under
//! a name made from a hash of the file's bytes, so a later run on the same bytes decodes
//! it instead of parsing it again. Beside it, other kinds of entry made from the same
//! bytes ([`Kind`]: the search index) are kept under the same name.
//!
//! An entry is a header and its payload (the encoded atlas, or index). The header holds a magic word, the
//! schema (a hash, made by the build step, of the sources that define the model and its
//! rules, so an entry written by another version of painmap is foreign), the full
//! 128-bit hash of the RON bytes it was made from, the payload's length and a checksum
//! of the payload. A damaged, truncated or foreign entry is ignored and rewritten; what
//! an entry decodes to is validated again like a parsed file. Writing is best effort: a
//! folder that cannot be created or written leaves the run without a cache, never
//! without its atlas. Entries are written atomically ([`crate::fsutil`]), owner-only,
//! and only the sources written last keep theirs ([`KEEP_SOURCES`]).

use super::model::AtlasFile;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::{Xxh3Default, xxh3_64, xxh3_128};

/// What an entry holds: the parsed atlas, or something made from it (the search index
/// of [`crate::search`]). Each has its own file beside the other and its own magic word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The parsed atlas ([`AtlasFile`]), `*.atlas`.
    Atlas,
    /// The search index over it, `*.search`.
    Search,
}

impl Kind {
    /// The first bytes of an entry of this kind.
    fn magic(self) -> &'static [u8; 8] {
        match self {
            Kind::Atlas => b"PMATLAS1",
            Kind::Search => b"PMSEARC1",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Kind::Atlas => "atlas",
            Kind::Search => "search",
        }
    }
}

/// A hash of the sources that define the atlas's model, its rules, the search index
/// and this format, computed by the build step: entries written by a painmap built from
/// other sources are foreign.
const SCHEMA: &str = env!("PAINMAP_ATLAS_SCHEMA");

/// Header: magic, schema, source hash, payload length, payload checksum.
const HEADER: usize = 8 + 8 + 16 + 8 + 8;

/// How many atlas sources (distinct file contents) the cache keeps entries for. Each
/// edit of an atlas is a new source, so an author saving and running all day would
/// otherwise fill the folder; the sources written last are kept.
const KEEP_SOURCES: usize = 8;

/// The largest entry read back: far above any atlas that fits the file-size cap.
const MAX_ENTRY_BYTES: u64 = 4 * super::MAX_ATLAS_BYTES;

/// The schema as a number (the build step writes it in hex).
fn schema() -> u64 {
    u64::from_str_radix(SCHEMA, 16).unwrap_or(0)
}

/// The binary form of a parsed atlas.
pub fn encode(file: &AtlasFile) -> Option<Vec<u8>> {
    postcard::to_allocvec(file).ok()
}

/// A parsed atlas from its binary form; `None` for bytes that are not one.
pub fn decode(bytes: &[u8]) -> Option<AtlasFile> {
    postcard::from_bytes(bytes).ok()
}

/// The cache entries for one atlas source: where they live and what they must match.
#[derive(Debug, Clone)]
pub struct Entry {
    dir: PathBuf,
    source: u128,
}

impl Entry {
    /// The entries in `dir` for the RON bytes `source`.
    pub fn new(dir: &Path, source: &[u8]) -> Entry {
        Entry {
            dir: dir.to_path_buf(),
            source: xxh3_128(source),
        }
    }

    /// The entries in `dir` for the atlas file at `path`, hashed as it is read, a piece
    /// at a time: a caller that finds what it needs in the cache never holds the file's
    /// text, nor checks it is UTF-8 (an entry is only ever made from a file that
    /// parsed). The file is refused for what [`super::load::read_text`] refuses it for,
    /// in the same words, but for not being UTF-8 (only a parse finds that).
    pub fn of_file(dir: &Path, path: &Path) -> Result<Entry, super::AtlasError> {
        let mut hasher = Xxh3Default::new();
        crate::fsutil::read_pieces(path, super::MAX_ATLAS_BYTES, &mut |piece| {
            hasher.update(piece);
        })
        .map_err(|e| super::load::read_error(path, e))?;
        Ok(Entry {
            dir: dir.to_path_buf(),
            source: hasher.digest128(),
        })
    }

    /// Where the entry of one kind is (or would be) written.
    fn path(&self, kind: Kind) -> PathBuf {
        self.dir
            .join(format!("{:032x}.{}", self.source, kind.extension()))
    }

    /// The parsed atlas the entry holds, if it is there and sound: its header names this
    /// format, this schema and this source, and its payload has the length and checksum
    /// the header gives and decodes. Anything else is `None` (and is rewritten by the
    /// next [`Entry::store`]).
    pub fn load(&self) -> Option<AtlasFile> {
        self.load_with(Kind::Atlas, decode)
    }

    /// What `decode` makes of the payload of the entry of one kind, if the entry is
    /// there and its header vouches for the payload (see [`Entry::load`]).
    pub fn load_with<T>(&self, kind: Kind, decode: impl FnOnce(&[u8]) -> Option<T>) -> Option<T> {
        let bytes = crate::fsutil::read_capped(&self.path(kind), MAX_ENTRY_BYTES).ok()?;
        decode(self.payload(kind, &bytes)?)
    }

    /// The payload of an entry's bytes, if the header vouches for it.
    fn payload<'b>(&self, kind: Kind, bytes: &'b [u8]) -> Option<&'b [u8]> {
        let (header, payload) = bytes.split_at_checked(HEADER)?;
        let field = |at: usize| -> Option<u64> {
            Some(u64::from_le_bytes(header.get(at..at + 8)?.try_into().ok()?))
        };
        let source = u128::from_le_bytes(header.get(16..32)?.try_into().ok()?);
        let sound = header.get(..8) == Some(kind.magic().as_slice())
            && field(8)? == schema()
            && source == self.source
            && field(32)? == payload.len() as u64
            && field(40)? == xxh3_64(payload);
        sound.then_some(payload)
    }

    /// The bytes of an entry of one kind holding `payload`.
    fn bytes(&self, kind: Kind, payload: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + payload.len());
        out.extend_from_slice(kind.magic());
        out.extend_from_slice(&schema().to_le_bytes());
        out.extend_from_slice(&self.source.to_le_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&xxh3_64(payload).to_le_bytes());
        out.extend_from_slice(payload);
        out
    }

    /// Writes the entry for `file`, atomically and owner-only, creating the folder
    /// (0700) if need be. Best effort: whether it worked is returned, never raised, since
    /// a run without a cache is still a good run.
    pub fn store(&self, file: &AtlasFile) -> bool {
        encode(file).is_some_and(|payload| self.store_payload(Kind::Atlas, &payload))
    }

    /// [`Entry::store`] for an entry of any kind, given its payload. Once it is written,
    /// the entries of all but the [`KEEP_SOURCES`] sources written last are removed
    /// (this one's never).
    pub fn store_payload(&self, kind: Kind, payload: &[u8]) -> bool {
        let bytes = self.bytes(kind, payload);
        let stored = crate::fsutil::create_private_dir(&self.dir).is_ok()
            && crate::fsutil::write_private(&self.path(kind), &bytes, true).is_ok();
        if stored {
            prune(&self.dir, self.source);
        }
        stored
    }
}

/// Removes the entries of the oldest sources in `dir` (by when their newest entry was
/// written) beyond [`KEEP_SOURCES`], never `keep`'s. Only regular files named as
/// entries are touched; anything else in the folder is left alone. Best effort: a file
/// that cannot be listed or removed stays.
fn prune(dir: &Path, keep: u128) {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return;
    };
    let mut sources: std::collections::BTreeMap<u128, (std::time::SystemTime, Vec<PathBuf>)> =
        std::collections::BTreeMap::new();
    for item in listing.flatten() {
        let path = item.path();
        let Some(source) = source_of(&path) else {
            continue;
        };
        // Not followed: a link named like an entry is not ours to judge.
        let Ok(meta) = item.metadata() else {
            continue;
        };
        // Named like an entry is not enough: it must start with an entry's magic word
        // (a file the user put there, or another program's, is not ours to remove).
        if !meta.is_file() || !starts_with_magic(&path) {
            continue;
        }
        let written = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
        let (newest, paths) = sources.entry(source).or_insert((written, Vec::new()));
        *newest = (*newest).max(written);
        paths.push(path);
    }
    if sources.len() <= KEEP_SOURCES {
        return;
    }
    let mut others: Vec<_> = sources.into_iter().filter(|(s, _)| *s != keep).collect();
    // Newest first.
    others.sort_by_key(|(_, (newest, _))| std::cmp::Reverse(*newest));
    for (_, (_, paths)) in others.into_iter().skip(KEEP_SOURCES - 1) {
        for path in paths {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Whether the file at `path` starts with the magic word of the kind its name says.
fn starts_with_magic(path: &Path) -> bool {
    use std::io::Read as _;
    let kind = match path.extension().and_then(|e| e.to_str()) {
        Some("atlas") => Kind::Atlas,
        Some("search") => Kind::Search,
        _ => return false,
    };
    let mut head = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == kind.magic())
}

/// The source hash an entry's file name gives (`<32 hex digits>.<kind>`, as
/// [`Entry::path`] writes it); `None` for any other name.
fn source_of(path: &Path) -> Option<u128> {
    let name = path.file_name()?.to_str()?;
    let (stem, extension) = name.split_once('.')?;
    let ours = [Kind::Atlas, Kind::Search]
        .iter()
        .any(|k| k.extension() == extension);
    let hex = stem.len() == 32
        && stem
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if ours && hex {
        u128::from_str_radix(stem, 16).ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::{Atlas, load};
    use std::os::unix::fs::PermissionsExt as _;

    /// A fresh folder, removed when the test ends.
    fn scratch() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    const MINI: &str = include_str!("../../../../tests/fixtures/mini.ron");

    fn mini() -> AtlasFile {
        load::parse(MINI, "mini.ron").unwrap()
    }

    /// An atlas file in a fresh folder, and the cache folder beside it; the folder goes
    /// when the first value is dropped.
    fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = scratch();
        let atlas = dir.path().join("mini.ron");
        std::fs::write(&atlas, MINI).unwrap();
        let cache = dir.path().join("cache");
        (dir, atlas, cache)
    }

    #[test]
    fn the_binary_form_round_trips() {
        let shipped = load::parse(crate::atlas::SHIPPED_ATLAS, "atlas.ron").unwrap();
        assert_eq!(decode(&encode(&shipped).unwrap()), Some(shipped));
        assert_eq!(decode(b"\xff\xff\xff"), None);
    }

    #[test]
    fn the_embedded_atlas_is_the_shipped_file() {
        let parsed = Atlas::from_text(crate::atlas::SHIPPED_ATLAS, "atlas.ron").unwrap();
        let embedded = Atlas::shipped().unwrap();
        assert_eq!(embedded.file, parsed.file);
        assert_eq!(embedded.fingerprint(), parsed.fingerprint());
    }

    #[test]
    fn a_second_load_comes_from_the_cache() {
        let (_tmp, atlas, cache) = setup();
        let first = Atlas::load_cached(Some(&atlas), Some(&cache)).unwrap();
        let entry = Entry::new(&cache, MINI.as_bytes());
        assert_eq!(entry.load(), Some(mini()), "the first run stores the entry");
        // Make the entry say something else (with a sound header): if the second load
        // came from the RON it would not see it.
        let mut changed = mini();
        changed.muscles[0].note = "from the cache".into();
        assert!(entry.store(&changed));
        let second = Atlas::load_cached(Some(&atlas), Some(&cache)).unwrap();
        assert_eq!(second.muscles()[0].note, "from the cache");
        assert_ne!(first.muscles()[0].note, "from the cache");
        let mode = std::fs::metadata(entry.path(Kind::Atlas))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let mode = std::fs::metadata(&cache).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }

    #[test]
    fn other_bytes_are_another_entry() {
        let (_tmp, atlas, cache) = setup();
        Atlas::load_cached(Some(&atlas), Some(&cache)).unwrap();
        let edited = format!("{MINI}\n// a comment changes the bytes\n");
        std::fs::write(&atlas, &edited).unwrap();
        Atlas::load_cached(Some(&atlas), Some(&cache)).unwrap();
        let entries = std::fs::read_dir(&cache).unwrap().count();
        assert_eq!(entries, 2);
        assert!(Entry::new(&cache, edited.as_bytes()).load().is_some());
    }

    /// Every way an entry can be wrong: each is ignored (the atlas still loads, from the
    /// RON) and the entry is rewritten sound.
    #[test]
    fn a_damaged_or_foreign_entry_is_ignored_and_rebuilt() {
        let (_tmp, atlas, cache) = setup();
        let entry = Entry::new(&cache, MINI.as_bytes());
        Atlas::load_cached(Some(&atlas), Some(&cache)).unwrap();
        let good = std::fs::read(entry.path(Kind::Atlas)).unwrap();
        let flipped = |at: usize| {
            let mut b = good.clone();
            b[at] ^= 0x40;
            b
        };
        let mut foreign_source = good.clone();
        foreign_source[16..32].copy_from_slice(&[7; 16]);
        let mut longer = good.clone();
        longer.push(0);
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty", Vec::new()),
            ("truncated header", good[..20].to_vec()),
            ("truncated payload", good[..good.len() - 5].to_vec()),
            ("one byte more", longer),
            ("magic", flipped(0)),
            ("schema", flipped(9)),
            ("source", foreign_source),
            ("payload", flipped(HEADER + 3)),
            ("checksum", flipped(41)),
            ("noise", (0..4000u32).map(|i| (i * 7 + 3) as u8).collect()),
        ];
        for (what, bytes) in cases {
            std::fs::write(entry.path(Kind::Atlas), &bytes).unwrap();
            assert_eq!(entry.load(), None, "{what}");
            let loaded = Atlas::load_cached(Some(&atlas), Some(&cache)).unwrap();
            assert_eq!(loaded.file, mini(), "{what}");
            assert_eq!(
                std::fs::read(entry.path(Kind::Atlas)).unwrap(),
                good,
                "{what}: rebuilt"
            );
        }
        // A directory where the entry should be: ignored, and the load still works.
        std::fs::remove_file(entry.path(Kind::Atlas)).unwrap();
        std::fs::create_dir(entry.path(Kind::Atlas)).unwrap();
        assert!(Atlas::load_cached(Some(&atlas), Some(&cache)).is_ok());
    }

    /// An entry that is sound but holds an atlas breaking the rules (it cannot be made
    /// by painmap; someone wrote it) is not trusted: the RON is read instead.
    #[test]
    fn a_sound_entry_holding_an_invalid_atlas_is_not_trusted() {
        let (_tmp, atlas, cache) = setup();
        let entry = Entry::new(&cache, MINI.as_bytes());
        let mut bad = mini();
        bad.muscles[0].trigger_points[0].essential = vec!["no-such-region".into()];
        assert!(entry.store(&bad));
        let loaded = Atlas::load_cached(Some(&atlas), Some(&cache)).unwrap();
        assert_eq!(loaded.file, mini());
        assert_eq!(entry.load(), Some(mini()), "rewritten from the RON");
    }

    /// Only the sources written last keep their entries, the one just stored always;
    /// files that are not entries are never touched.
    #[test]
    fn the_cache_keeps_the_sources_written_last() {
        let tmp = scratch();
        let dir = tmp.path().join("cache");
        std::fs::create_dir_all(&dir).unwrap();
        let day = std::time::Duration::from_secs(86_400);
        let long_ago = std::time::SystemTime::now() - day * 100;
        // Twelve sources, one day apart, source 0 the oldest; each with both kinds.
        let olds: Vec<Entry> = (0..12u8).map(|i| Entry::new(&dir, &[i])).collect();
        for (i, entry) in olds.iter().enumerate() {
            for kind in [Kind::Atlas, Kind::Search] {
                let path = entry.path(kind);
                std::fs::write(&path, [kind.magic().as_slice(), b"old"].concat()).unwrap();
                let file = std::fs::File::options().write(true).open(&path).unwrap();
                file.set_modified(long_ago + day * i as u32).unwrap();
            }
        }
        let strangers = [
            "notes.txt",
            "0123.atlas",
            "ABCDEF0123456789ABCDEF0123456789.atlas",
        ];
        for name in strangers {
            std::fs::write(dir.join(name), b"not an entry").unwrap();
        }
        // Named like an old entry, but without the magic word: someone else's file.
        let lookalike = dir.join(format!("{:032x}.atlas", 99u128));
        std::fs::write(&lookalike, b"my notes, named oddly").unwrap();
        let file = std::fs::File::options()
            .write(true)
            .open(&lookalike)
            .unwrap();
        file.set_modified(long_ago).unwrap();
        std::fs::create_dir(dir.join(format!("{:032x}.atlas", 7u128))).unwrap();
        let new = Entry::new(&dir, b"the atlas being edited");
        assert!(new.store(&mini()));
        assert!(new.path(Kind::Atlas).exists());
        for (i, entry) in olds.iter().enumerate() {
            // The newest seven old sources stay beside the new one.
            let kept = i >= 12 - (KEEP_SOURCES - 1);
            for kind in [Kind::Atlas, Kind::Search] {
                assert_eq!(entry.path(kind).exists(), kept, "source {i} {kind:?}");
            }
        }
        for name in strangers {
            assert!(dir.join(name).exists(), "{name}");
        }
        assert!(dir.join(format!("{:032x}.atlas", 7u128)).is_dir());
        assert!(
            lookalike.exists(),
            "a file without the magic word is never pruned"
        );
        // One more edit: the oldest old source left goes, the edit before stays.
        let again = Entry::new(&dir, b"another edit");
        assert!(again.store(&mini()));
        assert!(new.path(Kind::Atlas).exists());
        assert_eq!(
            olds.iter().filter(|e| e.path(Kind::Atlas).exists()).count(),
            KEEP_SOURCES - 2
        );
    }

    #[test]
    fn no_cache_is_written_where_the_folder_cannot_be_made() {
        let (_tmp, atlas, _) = setup();
        let dir = atlas.parent().unwrap().to_path_buf();
        // A plain file where the folder's parent should be: no one can create the
        // folder, root included (tests may run as root, which ignores permissions).
        let blocker = dir.join("blocker");
        std::fs::write(&blocker, "not a folder").unwrap();
        let cache = blocker.join("painmap");
        let loaded = Atlas::load_cached(Some(&atlas), Some(&cache)).unwrap();
        assert_eq!(loaded.file, mini());
        assert!(!cache.exists());
        assert!(!Entry::new(&cache, MINI.as_bytes()).store(&mini()));
        // A read-only folder: nothing written, no error. (Root writes anyway, so the
        // check only holds for other users.)
        let ro = dir.join("ro");
        std::fs::create_dir(&ro).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o500)).unwrap();
        let probe = ro.join(".probe");
        if std::fs::write(&probe, "").is_err() {
            let loaded = Atlas::load_cached(Some(&atlas), Some(&ro)).unwrap();
            assert_eq!(loaded.file, mini());
            assert_eq!(std::fs::read_dir(&ro).unwrap().count(), 0);
        }
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o700)).unwrap();
    }

    #[test]
    fn an_invalid_atlas_is_never_cached() {
        let dir_tmp = scratch();
        let dir = dir_tmp.path();
        let atlas = dir.join("bad.ron");
        let text = MINI.replacen("temple", "tempel", 1);
        std::fs::write(&atlas, &text).unwrap();
        let cache = dir.join("cache");
        assert!(Atlas::load_cached(Some(&atlas), Some(&cache)).is_err());
        assert!(Entry::new(&cache, text.as_bytes()).load().is_none());
    }
}
