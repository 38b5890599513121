//! `painmap guide REGION [--json]`: the pain guides for a region, each with its source,
//! the muscles in the guide's order, essential or spillover as the guide marks them.

use super::args::GuideArgs;
use super::{out, status};
use crate::atlas::Atlas;
use serde::Serialize;
use std::fmt::Write as _;

/// One muscle of a guide, as printed.
#[derive(Debug, Serialize)]
struct Entry<'a> {
    /// 1-based, in the guide's order.
    place: usize,
    muscle: &'a str,
    muscle_name: &'a str,
    zone: &'static str,
}

/// One guide, as printed.
#[derive(Debug, Serialize)]
struct GuideOut<'a> {
    region: &'a str,
    region_name: &'a str,
    source: &'a str,
    entries: Vec<Entry<'a>>,
}

/// Prints the region's guides; exit 1 when no guide covers it, 2 for an unknown region.
pub fn run(atlas: &Atlas, args: &GuideArgs) -> anyhow::Result<u8> {
    let region = atlas.resolve_region(&args.region)?.region;
    let region_name = atlas.region_name(&region);
    let guides: Vec<GuideOut<'_>> = atlas
        .guides_for(&region)
        .map(|g| GuideOut {
            region: &g.region,
            region_name,
            source: &g.source,
            entries: g
                .entries
                .iter()
                .enumerate()
                .map(|(i, e)| Entry {
                    place: i + 1,
                    muscle: &e.muscle,
                    muscle_name: atlas
                        .muscle(&e.muscle)
                        .map_or(e.muscle.as_str(), |m| &m.name),
                    zone: e.zone.as_str(),
                })
                .collect(),
        })
        .collect();
    let text = if args.json {
        out::json(&guides)?
    } else if guides.is_empty() {
        format!("No pain guide in the atlas lists the muscles for {region_name} ({region}).\n")
    } else {
        let mut s = String::new();
        for (k, g) in guides.iter().enumerate() {
            if k > 0 {
                s.push('\n');
            }
            let _ = writeln!(s, "{region_name} ({region}): {}", g.source);
            for e in &g.entries {
                let _ = writeln!(s, "  {:>2}. {:<36} {}", e.place, e.muscle_name, e.zone);
            }
        }
        s
    };
    out::print(&text)?;
    Ok(status(!guides.is_empty()))
}
