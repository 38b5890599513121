//! `painmap regions` and `painmap muscles`: the whole validated atlas, as text or JSON.

use super::args::ListArgs;
use super::{out, status};
use crate::atlas::{Atlas, MuscleGroup};
use std::fmt::Write as _;

/// Every region, grouped as in the vocabulary.
pub fn regions(atlas: &Atlas, args: &ListArgs) -> anyhow::Result<u8> {
    let text = if args.json {
        out::json(atlas.regions())?
    } else {
        let mut s = String::new();
        let mut group = "";
        for r in atlas.regions() {
            if r.group != group {
                group = &r.group;
                let _ = writeln!(s, "{}{group}", if s.is_empty() { "" } else { "\n" });
            }
            let midline = if r.midline { " (midline)" } else { "" };
            let aliases = if r.aliases.is_empty() {
                String::new()
            } else {
                format!("  [{}]", r.aliases.join(", "))
            };
            let _ = writeln!(s, "  {:<28} {}{midline}{aliases}", r.id, r.name);
        }
        s
    };
    out::print(&text)?;
    Ok(status(!atlas.regions().is_empty()))
}

/// Every muscle with its trigger points, by body group.
pub fn muscles(atlas: &Atlas, args: &ListArgs) -> anyhow::Result<u8> {
    let text = if args.json {
        out::json(atlas.muscles())?
    } else {
        let mut s = String::new();
        for group in MuscleGroup::ALL {
            let members: Vec<_> = atlas
                .muscles()
                .iter()
                .filter(|m| m.group == group)
                .collect();
            if members.is_empty() {
                continue;
            }
            let _ = writeln!(
                s,
                "{}{}",
                if s.is_empty() { "" } else { "\n" },
                group.as_str()
            );
            for m in members {
                let n = m.trigger_points.len();
                let aliases = if m.aliases.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", m.aliases.join(", "))
                };
                let _ = writeln!(
                    s,
                    "  {:<36} {} ({n} trigger point{}){aliases}",
                    m.id,
                    m.name,
                    if n == 1 { "" } else { "s" }
                );
            }
        }
        let _ = writeln!(
            s,
            "\n{} muscles, {} trigger points",
            atlas.muscles().len(),
            atlas.trigger_point_count()
        );
        s
    };
    out::print(&text)?;
    Ok(status(!atlas.muscles().is_empty()))
}
