//! `painmap handout MUSCLE --out FILE.pdf [--tp ID] [--side S]`: the client's one-page
//! self-care sheet for a muscle, as PDF ([`crate::pdf::handout`]).

use super::args::HandoutArgs;
use super::out;
use super::show::selected_points;
use crate::atlas::Atlas;

/// Writes the handout; prints where.
pub fn run(atlas: &Atlas, args: &HandoutArgs) -> anyhow::Result<u8> {
    let muscle = atlas.resolve_muscle(&args.muscle)?;
    let points = selected_points(muscle, args.tp.as_deref())?;
    let bytes = crate::pdf::handout(atlas, muscle, &points, args.side);
    let path = crate::fsutil::expand_home(&args.out);
    write_pdf(&path, &bytes, true)?;
    out::print(&format!("wrote {}\n", path.display()))?;
    Ok(super::FOUND)
}

/// Writes a PDF atomically and owner-only (a note is health data; a handout may carry
/// the client's name in its file name). `replace` false never touches an existing file.
pub(super) fn write_pdf(path: &std::path::Path, bytes: &[u8], replace: bool) -> anyhow::Result<()> {
    crate::fsutil::write_private(path, bytes, replace).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!(
                "{}: exists; it is never replaced (choose another name)",
                path.display()
            )
        } else {
            anyhow::anyhow!(
                "cannot write {}: {}",
                path.display(),
                crate::fsutil::io_words(&e)
            )
        }
    })
}
