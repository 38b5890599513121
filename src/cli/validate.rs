//! `painmap validate [FILE]`: parse and check an atlas, listing every problem. The binary
//! loads the file (FILE, else `--atlas`, else the shipped atlas) and hands over the atlas,
//! or the error.

use super::{FOUND, out};
use crate::atlas::{Atlas, AtlasError};

/// Prints `ok: N regions, M muscles, K trigger points`.
pub fn ok(atlas: &Atlas) -> anyhow::Result<u8> {
    out::print(&format!(
        "ok: {} regions, {} muscles, {} trigger points\n",
        atlas.regions().len(),
        atlas.muscles().len(),
        atlas.trigger_point_count()
    ))?;
    Ok(FOUND)
}

/// Prints every problem of an atlas that failed to load, one a line, on stderr.
pub fn problems(e: &AtlasError) {
    for line in e.lines() {
        // Problems quote the atlas's own text, which may hold escape sequences.
        eprintln!("painmap: {}", crate::escape::terminal(&line));
    }
}
