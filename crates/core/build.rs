//! The build step: checks the shipped data files and embeds them in a form that needs
//! no parsing at run time.
//!
//! - `data/atlas.ron` is parsed and validated with the model crate's types and rules
//!   (`painmap-model`, a build-dependency), then written in
//!   binary form (postcard) to `$OUT_DIR/atlas.bin`, and its search index's parts
//!   (`painmap_model::search::parts`) to `$OUT_DIR/search.bin`;
//! - `data/body.ron` is parsed, checked and built (shapes mirrored, anchors and the
//!   silhouette's boundaries found) with the model crate's body code, and the built
//!   model is written to `$OUT_DIR/body.bin`;
//! - `data/lexicon.ron` is parsed with its file types and written to
//!   `$OUT_DIR/lexicon.bin`, then indexed against the shipped atlas, strictly (a
//!   phrase naming an unknown region or two places fails the build), and the index
//!   written to `$OUT_DIR/lexicon-index.bin`, which `parse` decodes at start-up;
//! - `data/layers.ron` (dermatomes, nerve fields, visceral zones) is parsed and checked
//!   against the atlas's regions and red flags and the body model's views, and written
//!   to `$OUT_DIR/layers.bin`.
//!
//! A bad shipped file fails the build with `file:line:col` (syntax) or `file: problem`
//! lines. The data files stay the one source; `--atlas FILE` still reads RON.
//!
//! It also hashes the sources that define the atlas's model and rules, and the search
//! index, into `PAINMAP_ATLAS_SCHEMA`, which marks the user-atlas cache's entries, so an
//! entry made by a painmap built from other sources is foreign.
#![forbid(unsafe_code)]

use painmap_model::atlas::{model, validate};
use painmap_model::body::model as body;
use painmap_model::body::zones;
use painmap_model::parse::{lexicon_file, lexicon_index};
use painmap_model::ron_file;
use painmap_model::search::parts as search_parts;
use std::path::{Path, PathBuf};

/// The sources the schema hash covers: the atlas's model, its rules, its key folding,
/// the cache's own format and the search index kept in it.
const SCHEMA_SOURCES: [&str; 6] = [
    "../model/src/atlas/model.rs",
    "../model/src/atlas/validate.rs",
    "../model/src/atlas/text.rs",
    "src/atlas/cache.rs",
    "../model/src/search/parts.rs",
    "src/search/stored.rs",
];

fn main() {
    for file in [
        "../../data/atlas.ron",
        "../../data/body.ron",
        "../../data/zones.ron",
        "../../data/lexicon.ron",
        "../../data/layers.ron",
    ]
    .into_iter()
    .chain(SCHEMA_SOURCES)
    {
        println!("cargo::rerun-if-changed={file}");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());

    let atlas: model::AtlasFile = parse_ron("../../data/atlas.ron");
    let (problems, _) = validate::check(&atlas);
    if !problems.is_empty() {
        fail(problems.iter().map(|p| format!("data/atlas.ron: {p}")));
    }
    write(&out.join("atlas.bin"), &postcard::to_allocvec(&atlas));
    let search = search_parts::Parts::of(&atlas.muscles, &atlas.regions);
    write(&out.join("search.bin"), &postcard::to_allocvec(&search));

    let body = body::BodyModel::parse(&read("../../data/body.ron"))
        .and_then(|b| b.with_zones(&read("../../data/zones.ron")))
        .unwrap_or_else(|e| {
            fail([match e {
                body::BodyError::Syntax(e) => e.to_string(),
                body::BodyError::Invalid(message) => format!("{}: {message}", body::BODY_FILE),
                body::BodyError::Zone(e) => e.to_string(),
            }])
        });
    // The zone shapes agree with the regions each pattern lists.
    let listed = atlas
        .muscles
        .iter()
        .flat_map(|m| &m.trigger_points)
        .map(zones::Listed::of);
    let problems = zones::check(&body, listed);
    if !problems.is_empty() {
        fail(problems.iter().map(ToString::to_string));
    }
    write(&out.join("body.bin"), &postcard::to_allocvec(&body));

    let layers_file: painmap_model::layers::LayersFile = parse_ron("../../data/layers.ron");
    let region_ids: Vec<String> = atlas.regions.iter().map(|r| r.id.clone()).collect();
    let flag_ids: Vec<String> = atlas.red_flags.iter().map(|f| f.id.clone()).collect();
    let vocab = painmap_model::layers::Vocabulary {
        regions: &region_ids,
        flags: &flag_ids,
        body: &body,
    };
    let layers = painmap_model::layers::Layers::build(layers_file, &vocab)
        .unwrap_or_else(|problems| fail(problems.iter().map(|p| format!("data/layers.ron: {p}"))));
    write(&out.join("layers.bin"), &postcard::to_allocvec(&layers));

    let lexicon: lexicon_file::LexiconFile = parse_ron("../../data/lexicon.ron");
    write(&out.join("lexicon.bin"), &postcard::to_allocvec(&lexicon));
    // The lexicon indexed against the shipped atlas, checked strictly: `parse` decodes
    // it instead of indexing at start-up.
    let mut symptoms: Vec<String> = atlas
        .muscles
        .iter()
        .flat_map(|m| m.trigger_points.iter())
        .flat_map(|tp| tp.symptoms.iter().cloned())
        .chain(
            atlas
                .concepts
                .iter()
                .flat_map(|c| c.symptoms.iter().cloned()),
        )
        .collect();
    symptoms.sort_unstable();
    symptoms.dedup();
    let unknown = |id: &str| {
        (!atlas.regions.iter().any(|r| r.id == id)).then(|| format!("unknown region '{id}'"))
    };
    let terms = lexicon_index::Terms {
        regions: &atlas.regions,
        symptoms,
        unknown_region: &unknown,
    };
    let (index, problems) = lexicon_index::build(&lexicon, &terms);
    if !problems.is_empty() {
        fail(problems.iter().map(|p| format!("data/lexicon.ron: {p}")));
    }
    write(
        &out.join("lexicon-index.bin"),
        &postcard::to_allocvec(&index),
    );

    let mut schema = Vec::from(env!("CARGO_PKG_VERSION").as_bytes());
    for file in SCHEMA_SOURCES {
        schema.extend_from_slice(read(file).as_bytes());
    }
    let schema = xxhash_rust::xxh3::xxh3_64(&schema);
    println!("cargo::rustc-env=PAINMAP_ATLAS_SCHEMA={schema:016x}");
}

/// Stops the build with these lines on stderr (cargo shows them).
fn fail(lines: impl IntoIterator<Item = String>) -> ! {
    for line in lines {
        eprintln!("error: {line}");
    }
    std::process::exit(1)
}

fn read(file: &str) -> String {
    std::fs::read_to_string(file).unwrap_or_else(|e| fail([format!("{file}: {e}")]))
}

/// Parses a shipped RON file as the run-time loader does (ron's default limits).
fn parse_ron<T: serde::de::DeserializeOwned>(file: &str) -> T {
    let name = file.trim_start_matches("../../");
    ron_file::from_ron(&read(file), name).unwrap_or_else(|e| fail([e.to_string()]))
}

fn write<E: std::fmt::Display>(path: &Path, bytes: &Result<Vec<u8>, E>) {
    let result = match bytes {
        Ok(bytes) => std::fs::write(path, bytes).map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    if let Err(e) = result {
        fail([format!("{}: {e}", path.display())]);
    }
}
