//! `painmap search QUERY [--json]`.

use super::args::SearchArgs;
use super::{out, status};
use crate::search::SearchIndex;
use std::fmt::Write as _;

/// Prints the best hits: kind, id and label, one a line (or JSON).
pub fn run(index: &SearchIndex, args: &SearchArgs) -> anyhow::Result<u8> {
    let query = args.query.join(" ");
    let hits = index.search(&query, usize::from(args.top));
    let text = if args.json {
        out::json(&hits)?
    } else {
        let mut s = String::new();
        for h in &hits {
            let _ = writeln!(s, "{:<8} {:<32} {}", h.kind.as_str(), h.id, h.label);
        }
        s
    };
    if hits.is_empty() {
        eprintln!(
            "painmap: no match for '{}' (try fewer letters, or `painmap regions` / `painmap muscles`)",
            crate::atlas::text::shown(&query)
        );
    }
    out::print(&text)?;
    Ok(status(!hits.is_empty()))
}
