//! Reading and parsing: the size cap, UTF-8 check and RON parse with `line:col` errors.
//! Parsing is followed by [`super::validate`]; together they are the only way to an
//! [`super::Atlas`].

use super::error::AtlasError;
use super::model::AtlasFile;
use painmap_model::ron_file::{SyntaxError, from_ron};
use std::path::Path;

/// The largest atlas file painmap will read: 64 MiB. The shipped atlas is about 340 KB,
/// a synthetic 100x atlas (compact RON, `synth`) about 19 MB and a 200x one about
/// 39 MB: the cap leaves room for that and refuses a file that could only be a mistake
/// before reading a byte of it.
pub const MAX_ATLAS_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a file's text through the hardened reader ([`crate::fsutil::read_capped`]):
/// regular files only, at most [`MAX_ATLAS_BYTES`], and UTF-8.
pub fn read_text(path: &Path) -> Result<String, AtlasError> {
    let file = path.display().to_string();
    let bytes =
        crate::fsutil::read_capped(path, MAX_ATLAS_BYTES).map_err(|e| read_error(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let prefix = std::str::from_utf8(good).unwrap_or_default();
        let line = prefix.matches('\n').count() + 1;
        let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        AtlasError::NotUtf8 { file, line, col }
    })
}

/// Why an atlas file could not be read, naming the file.
pub(crate) fn read_error(path: &Path, e: crate::fsutil::ReadError) -> AtlasError {
    use crate::fsutil::ReadError;
    let file = path.display().to_string();
    match e {
        ReadError::TooLarge { limit } => AtlasError::TooLarge { file, limit },
        ReadError::Directory => AtlasError::Read {
            file,
            reason: "is a directory, not an atlas file".into(),
        },
        e => AtlasError::Read {
            file,
            reason: e.to_string(),
        },
    }
}

/// Parses RON text into the raw file model, mapping ron's span to `file:line:col`.
pub fn parse(text: &str, file: &str) -> Result<AtlasFile, AtlasError> {
    if text.trim().is_empty() {
        return Err(SyntaxError::at_start(
            file,
            "the file is empty; an atlas starts with `Atlas(`",
        )
        .into());
    }
    Ok(from_ron::<AtlasFile>(text, file)?)
}
