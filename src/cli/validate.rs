//! `painmap validate [FILE]`: parse and check an atlas, listing every problem. The binary
//! loads the file (FILE, else `--atlas`, else the shipped atlas) and hands over the atlas,
//! or the error.

use super::{ERROR, FOUND, out};
use crate::atlas::{Atlas, AtlasError};
use crate::body::zones::{self, Listed};

/// Checks the zone shapes of the atlas's trigger points against the regions each lists
/// (`data/zones.ron`, see [`crate::body::zones`]); then prints `ok: N regions, M
/// muscles, K trigger points` and how many of them are drawn as shapes, or each problem
/// (exit 2).
pub fn ok(atlas: &Atlas) -> anyhow::Result<u8> {
    let model = crate::body::shipped();
    let listed = atlas.trigger_points().map(|(_, tp)| Listed::of(tp));
    let problems = zones::check_own(model, listed);
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("painmap: {}", crate::escape::terminal(&p.to_string()));
        }
        return Ok(ERROR);
    }
    let drawn = atlas
        .trigger_points()
        .filter(|(_, tp)| !model.zones_of(&tp.id).is_empty())
        .count();
    let total = atlas.trigger_point_count();
    out::print(&format!(
        "ok: {} regions, {} muscles, {total} trigger points\nzone shapes: {drawn} of {total} patterns drawn; the others as the regions they list\n",
        atlas.regions().len(),
        atlas.muscles().len(),
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
