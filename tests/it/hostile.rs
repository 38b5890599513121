//! Hostile input: whatever the atlas file holds, painmap exits 2 with one line, never a
//! panic, a stack overflow or a hang. Deep nesting, a file over the size cap, binary
//! noise, random edits of the shipped atlas, and the fuzzers' crash inputs.

use crate::util::{code, fixture, painmap, scratch, stderr, stdout};
use painmap::atlas::{Atlas, MAX_ATLAS_BYTES, SHIPPED_ATLAS};
// Seeded, so the same edits are made on every run.
use painmap::study::rng::Rng;
use std::path::{Path, PathBuf};

/// Runs `painmap validate FILE` and `painmap --atlas FILE rank temple --json`; both must
/// exit 2 with one line on stderr naming the file and nothing on stdout. Returns the line.
fn refused(path: &Path) -> String {
    let p = path.to_str().unwrap();
    let mut line = String::new();
    for args in [
        vec!["validate", p],
        vec!["--atlas", p, "rank", "temple", "--json"],
    ] {
        let out = painmap().args(&args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(code(&out), 2, "{args:?}: {err}");
        assert!(stdout(&out).is_empty(), "{args:?}: nothing on stdout");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
        assert!(err.starts_with("painmap: ") && err.contains(p), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        line = err.trim_end().to_string();
    }
    line
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let tmp = scratch("nesting");
    let dir = tmp.path();
    for (name, open, close) in [("brackets", "[", "]"), ("parens", "(", ")")] {
        let text = format!(
            "Atlas(regions: {}{}, muscles: [])",
            open.repeat(100_000),
            close.repeat(100_000)
        );
        // In process, on a test thread's small stack: refused without recursing (the
        // typed schema stops at the second bracket; ron's recursion limit stays on for
        // anything that could nest).
        assert!(Atlas::from_text(&text, name).is_err());
        let path = dir.join(format!("{name}.ron"));
        std::fs::write(&path, &text).unwrap();
        let err = refused(&path);
        assert!(
            err.contains(&format!("{name}.ron:1:")),
            "names line and column: {err}"
        );
    }
}

#[test]
fn a_file_over_the_cap_is_refused_by_size_before_reading() {
    let tmp = scratch("huge");
    let dir = tmp.path();
    let path = dir.join("huge.ron");
    // Sparse: zero bytes past the cap that take no disk. Zero bytes are valid UTF-8, so
    // a reader that read them first would fail on parsing, not on size.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_ATLAS_BYTES + 1).unwrap();
    drop(file);
    let err = refused(&path);
    assert!(err.contains("too large") || err.contains("larger"), "{err}");
}

#[test]
fn binary_noise_is_refused() {
    let tmp = scratch("noise");
    let dir = tmp.path();
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    for (i, len) in [1usize, 7, 4096, 65_536].into_iter().enumerate() {
        let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        let path = dir.join(format!("noise-{i}.bin"));
        std::fs::write(&path, bytes).unwrap();
        refused(&path);
    }
}

#[test]
fn every_kind_of_unreadable_atlas_is_one_line_through_rank_too() {
    let tmp = scratch("kinds");
    let dir = tmp.path();
    let missing = dir.join("missing.ron");
    for path in [
        fixture("broken/empty.ron"),
        fixture("broken/not-utf8.ron"),
        fixture("broken/wrong-type.ron"),
        dir.to_path_buf(),
        missing,
    ] {
        refused(&path);
    }
}

/// One random edit: overwrite, delete, insert or duplicate a span, or cut the text short.
/// Inserted bytes favour RON's own punctuation, where the parser's paths branch.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    const PUNCT: &[u8] = b"[](){}:,\"\\'#/*rx0-9. \n\xff\xc3";
    let at = rng.below(bytes.len());
    let pick = |rng: &mut Rng| {
        if rng.below(4) == 0 {
            rng.next_u64() as u8
        } else {
            PUNCT[rng.below(PUNCT.len())]
        }
    };
    match rng.below(5) {
        0 => bytes[at] = pick(rng),
        1 => {
            let end = (at + 1 + rng.below(64)).min(bytes.len());
            bytes.drain(at..end);
        }
        2 => {
            let n = 1 + rng.below(8);
            let new: Vec<u8> = (0..n).map(|_| pick(rng)).collect();
            bytes.splice(at..at, new);
        }
        3 => {
            let end = (at + 1 + rng.below(256)).min(bytes.len());
            let copy = bytes[at..end].to_vec();
            let to = rng.below(bytes.len());
            bytes.splice(to..to, copy);
        }
        _ => bytes.truncate(at),
    }
}

fn mutant(rng: &mut Rng) -> Vec<u8> {
    let mut bytes = SHIPPED_ATLAS.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        if bytes.is_empty() {
            break;
        }
        mutate(rng, &mut bytes);
    }
    bytes
}

#[test]
fn random_edits_of_the_shipped_atlas_never_panic() {
    let mut rng = Rng::new(0x2545_f491_4f6c_dd1d);
    let mut accepted = 0;
    for _ in 0..300 {
        let bytes = mutant(&mut rng);
        let text = String::from_utf8_lossy(&bytes);
        // `Ok` or `Err` are both fine; a panic fails the test.
        if let Ok(atlas) = Atlas::from_text(&text, "mutant.ron") {
            accepted += 1;
            let index = painmap::search::SearchIndex::new(&atlas);
            let _ = index.search("temple", 10);
        }
    }
    // Most single edits inside comments and strings still validate.
    assert!(
        accepted > 0,
        "no mutant validated: the edits are too coarse"
    );
}

#[test]
fn random_edits_through_the_binary_exit_0_or_2() {
    let tmp = scratch("mutants");
    let dir = tmp.path();
    let mut rng = Rng::new(0xdead_beef_cafe_f00d);
    for i in 0..8 {
        let path = dir.join(format!("mutant-{i}.ron"));
        std::fs::write(&path, mutant(&mut rng)).unwrap();
        let out = painmap()
            .args(["validate", path.to_str().unwrap()])
            .output()
            .unwrap();
        let err = stderr(&out);
        assert!(matches!(code(&out), 0 | 2), "mutant {i}: {err}");
        assert!(err.lines().count() <= 1, "mutant {i}: one line: {err}");
        assert!(!err.contains("panicked"), "mutant {i}: {err}");
    }
}

/// The fuzz targets' calls, shared with `fuzz/` so the replay below does exactly what
/// the fuzzer did.
#[path = "../../fuzz/fuzz_targets/calls.rs"]
mod calls;

/// Replays every input in `tests/fixtures/<folder>/<target>/` through the fuzz target's
/// own call (`fuzz/fuzz_targets/calls.rs`); none may panic. The folder must be there: a
/// missing or empty one fails, rather than checking nothing.
fn replay(folder: &str, target: &str, call: Call) {
    let dir = fixture(folder).join(target);
    let entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!entries.is_empty(), "{} holds no inputs", dir.display());
    // A full corpus holds thousands of inputs (a `keys` one draws up to 600 frames):
    // spread them over the cores.
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    std::thread::scope(|scope| {
        for chunk in entries.chunks(entries.len().div_ceil(threads)) {
            scope.spawn(move || {
                for path in chunk {
                    call(&std::fs::read(path).unwrap());
                }
            });
        }
    });
}

/// What a fuzz target does with one input.
type Call = fn(&[u8]);

/// Every fuzz target and its call.
const TARGETS: [(&str, Call); 7] = [
    ("atlas", calls::atlas),
    ("query", calls::query),
    ("files", calls::files),
    ("keys", calls::keys),
    ("cache", calls::cache),
    ("records", calls::records),
    ("replies", calls::replies),
];

/// `cargo test` replays the crash and regression inputs only (`fuzz-regressions/`:
/// every input a fuzzer stopped on, and the hand-made cases), which is fast; the full
/// corpora are replayed by `.ci/run` (below).
#[test]
fn fuzz_regressions_stay_fixed() {
    for (target, call) in TARGETS {
        replay("fuzz-regressions", target, call);
    }
}

/// The full minimized corpora (`tests/fixtures/fuzz/<target>/`, thousands of inputs):
/// run by `.ci/run`, too slow for every `cargo test`.
#[test]
#[ignore = "the full fuzz corpora take minutes: .ci/run replays them"]
fn fuzz_corpora_replay() {
    for (target, call) in TARGETS {
        replay("fuzz", target, call);
    }
}

#[test]
fn the_generated_atlas_validates() {
    let shipped = Atlas::shipped().unwrap();
    let text = painmap::atlas::synth::synthetic_text(3).unwrap();
    let big = Atlas::from_text(&text, "synthetic-3x.ron").unwrap();
    assert_eq!(big.muscles().len(), 3 * shipped.muscles().len());
    assert_eq!(big.trigger_point_count(), 3 * shipped.trigger_point_count());
    assert_eq!(big.regions().len(), shipped.regions().len());
}
