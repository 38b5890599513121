//! `painmap glossary [TERM] [--json]`: what the words mean.

use super::args::GlossaryArgs;
use super::{out, status};
use crate::atlas::text::fold;
use crate::atlas::{Atlas, Term};
use std::fmt::Write as _;

/// Prints every term, or those whose term or definition mentions TERM.
pub fn run(atlas: &Atlas, args: &GlossaryArgs) -> anyhow::Result<u8> {
    let wanted = args.term.as_deref().map(fold);
    let terms: Vec<&Term> = atlas
        .glossary()
        .iter()
        .filter(|t| {
            wanted.as_ref().is_none_or(|w| {
                fold(&t.term).contains(w.as_str()) || fold(&t.definition).contains(w.as_str())
            })
        })
        .collect();
    let text = if args.json {
        out::json(&terms)?
    } else {
        let mut s = String::new();
        for t in &terms {
            let _ = writeln!(
                s,
                "{}\n  {}\n  Source: {}\n",
                t.term, t.definition, t.source
            );
        }
        s
    };
    if let Some(term) = args.term.as_deref().filter(|_| terms.is_empty()) {
        eprintln!(
            "painmap: no glossary term matches '{}' (`painmap glossary` lists them all)",
            crate::atlas::text::shown(term)
        );
    }
    out::print(&text)?;
    Ok(status(!terms.is_empty()))
}
