//! Synthetic atlases for benchmarks and stress tests: the shipped atlas with its muscles
//! and trigger points copied `scale` times. Copies keep the regions, red flags and
//! glossary, and get suffixed ids, names and aliases (`upper-trapezius-x2`,
//! "Upper trapezius x2", "traps x2"), so the result validates like a real atlas.

use super::model::AtlasFile;
use super::{SHIPPED_ATLAS, SHIPPED_NAME, load};

/// The RON text of an atlas `scale` times the shipped one (`scale` 0 is read as 1).
/// Compact RON: a 100x atlas is about 16 MB rather than the 25 MB of the shipped layout.
pub fn synthetic_text(scale: usize) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let mut file = load::parse(SHIPPED_ATLAS, SHIPPED_NAME)?;
    scale_file(&mut file, scale.max(1));
    Ok(ron::ser::to_string(&file)?)
}

fn scale_file(file: &mut AtlasFile, scale: usize) {
    let originals = file.muscles.clone();
    for copy in 2..=scale {
        for m in &originals {
            let mut m = m.clone();
            m.id = format!("{}-x{copy}", m.id);
            m.name = format!("{} x{copy}", m.name);
            for alias in &mut m.aliases {
                *alias = format!("{alias} x{copy}");
            }
            for tp in &mut m.trigger_points {
                tp.id = format!("{}-x{copy}", tp.id);
            }
            file.muscles.push(m);
        }
    }
}
