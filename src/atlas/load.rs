//! Reading and parsing: the size cap, UTF-8 check and RON parse with `line:col` errors.
//! Parsing is followed by [`super::validate`]; together they are the only way to an
//! [`super::Atlas`].

use super::error::AtlasError;
use super::model::AtlasFile;
use std::io::Read;
use std::path::Path;

/// The largest atlas file painmap will read: 16 MiB.
pub const MAX_ATLAS_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a file's text, refusing directories, files over [`MAX_ATLAS_BYTES`] (checked
/// before reading a byte) and bytes that are not UTF-8.
pub fn read_text(path: &Path) -> Result<String, AtlasError> {
    let file = path.display().to_string();
    let read_err = |e: &std::io::Error| AtlasError::Read {
        file: file.clone(),
        reason: io_reason(e),
    };
    let meta = std::fs::metadata(path).map_err(|e| read_err(&e))?;
    if meta.is_dir() {
        return Err(AtlasError::Read {
            file,
            reason: "is a directory, not an atlas file".into(),
        });
    }
    if meta.len() > MAX_ATLAS_BYTES {
        return Err(AtlasError::TooLarge {
            file,
            size: meta.len(),
            limit: MAX_ATLAS_BYTES,
        });
    }
    let handle = std::fs::File::open(path).map_err(|e| read_err(&e))?;
    // The file may grow between the check and the read; never read past the cap.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    handle
        .take(MAX_ATLAS_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| read_err(&e))?;
    if bytes.len() as u64 > MAX_ATLAS_BYTES {
        return Err(AtlasError::TooLarge {
            file,
            size: bytes.len() as u64,
            limit: MAX_ATLAS_BYTES,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let prefix = std::str::from_utf8(good).unwrap_or_default();
        let line = prefix.matches('\n').count() + 1;
        let col = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        AtlasError::NotUtf8 { file, line, col }
    })
}

/// Plain words for the usual I/O failures.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Parses RON text into the raw file model, mapping ron's span to `file:line:col`.
pub fn parse(text: &str, file: &str) -> Result<AtlasFile, AtlasError> {
    if text.trim().is_empty() {
        return Err(AtlasError::Parse {
            file: file.into(),
            line: 1,
            col: 1,
            message: "the file is empty; an atlas starts with `Atlas(`".into(),
        });
    }
    ron::Options::default()
        .from_str::<AtlasFile>(text)
        .map_err(|e| AtlasError::Parse {
            file: file.into(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })
}
