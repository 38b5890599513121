//! `painmap rank REGION... [--symptom WORD]... [--top N] [--json | --format F]`.

use super::args::{Format, RankArgs};
use super::{Context, out, status};
use crate::atlas::Atlas;
use crate::date::Utc;
use crate::intake::Intake;
use crate::rank::Selection;
use crate::report::Report;

/// Resolves the regions (each argument may hold several, comma-separated), ranks, prints.
pub fn run(atlas: &Atlas, args: &RankArgs, ctx: &Context) -> anyhow::Result<u8> {
    let selection = selection(atlas, &args.regions, &args.symptoms)?;
    if selection.is_empty() {
        anyhow::bail!(
            "nothing to rank: name at least one region (e.g. `painmap rank \"left temple\"`; \
             `painmap regions` lists them)"
        );
    }
    let report = Report::build(atlas, &Intake::of(selection), usize::from(args.top));
    let format = if args.json {
        Format::Json
    } else {
        args.format.unwrap_or(Format::Text)
    };
    let text = match format {
        Format::Text => report.to_text(atlas),
        Format::Json => out::json(&report)?,
        Format::Markdown => report.to_markdown(atlas, &Utc::from_unix(ctx.now).stamp()),
    };
    out::print(&text)?;
    Ok(status(!report.candidates.is_empty()))
}

/// Builds a selection from region tokens ("left temple", or "left temple, jaw") and
/// symptom words.
pub fn selection(
    atlas: &Atlas,
    regions: &[String],
    symptoms: &[String],
) -> anyhow::Result<Selection> {
    let mut selection = Selection::default();
    for token in regions.iter().flat_map(|a| a.split(',')) {
        if token.trim().is_empty() {
            continue;
        }
        selection.add(atlas.resolve_region(token)?);
    }
    selection.symptoms = symptoms
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    Ok(selection)
}
