//! The repository holds what painmap's data and README cite.

use std::path::Path;

#[test]
fn every_repo_document_the_atlas_cites_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let atlas = std::fs::read_to_string(root.join("data/atlas.ron")).unwrap();
    let cited: Vec<&str> = atlas
        .split(|c: char| c.is_whitespace() || c == '"' || c == ',' || c == ')')
        .filter(|w| {
            w.starts_with("docs/")
                && std::path::Path::new(w)
                    .extension()
                    .is_some_and(|x| x == "md")
        })
        .collect();
    assert!(!cited.is_empty(), "the atlas cites docs/domain.md");
    for doc in cited {
        assert!(root.join(doc).is_file(), "{doc} is cited but missing");
    }
}
