//! `painmap rank REGION... [--symptom WORD]... [--age N] [--by muscle|point] [--top N]
//! [--json | --format F]`; a REGION may be a phrase (see [`crate::parse::read_rank_args`]).

use super::args::{By, Format, RankArgs};
use super::{Context, out, status};
use crate::atlas::Atlas;
use crate::date::Utc;
use crate::intake::Intake;
use crate::parse::read_rank_args;
use crate::report::{self, Report};

/// Resolves the regions (each argument may hold several, comma-separated, or be a
/// phrase), ranks, prints.
pub fn run(atlas: &Atlas, args: &RankArgs, ctx: &Context) -> anyhow::Result<u8> {
    let mut selection = selection(atlas, &args.regions, &args.symptoms)?;
    selection.age = args.age;
    if selection.is_empty() {
        anyhow::bail!(
            "nothing to rank: name at least one region (e.g. `painmap rank \"left temple\"`; \
             `painmap regions` lists them)"
        );
    }
    let by = match args.by {
        By::Muscle => report::By::Muscle,
        By::Point => report::By::Point,
    };
    let report = Report::build(atlas, &Intake::of(selection), usize::from(args.top), by);
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

/// The longest warning about how a phrase was read, in characters.
const CAVEATS_SHOWN: usize = 300;

/// The selection the REGION arguments (names or phrases) and symptom words say, as
/// `rank` and `visit` read them. What a phrase was read as is said on stderr, never
/// guessed in silence.
pub fn selection(
    atlas: &Atlas,
    regions: &[String],
    symptoms: &[String],
) -> anyhow::Result<crate::rank::Selection> {
    let read = read_rank_args(atlas, regions, symptoms)?;
    for (arg, reading) in &read.readings {
        let caveats = reading.caveats();
        if !caveats.is_empty() {
            // Cut: 140,000 copies of a typo must not come back as a 3 MB line.
            eprintln!(
                "painmap: in '{}': {}",
                crate::atlas::text::shown(arg),
                crate::escape::line_cut(&caveats, CAVEATS_SHOWN)
            );
        }
    }
    Ok(read.selection)
}
