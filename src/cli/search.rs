//! `painmap search QUERY [--json]`.

use super::args::SearchArgs;
use super::{out, status};
use crate::atlas::Atlas;
use crate::search::SearchIndex;
use std::fmt::Write as _;

/// Prints the best hits: kind, id and label, one a line (or JSON).
pub fn run(atlas: &Atlas, args: &SearchArgs) -> anyhow::Result<u8> {
    let query = args.query.join(" ");
    let hits = SearchIndex::new(atlas).search(&query, usize::from(args.top));
    let text = if args.json {
        out::json(&hits)?
    } else {
        let mut s = String::new();
        for h in &hits {
            let _ = writeln!(s, "{:<8} {:<32} {}", h.kind.as_str(), h.id, h.label);
        }
        s
    };
    out::print(&text)?;
    Ok(status(!hits.is_empty()))
}
