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
    answer_all(atlas, &mut selection, &args.yes, &args.no)?;
    if let Some(path) = &args.drawing {
        return ranked_drawing(atlas, args, ctx, path, &selection);
    }
    if selection.is_empty() && selection.said.is_empty() {
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
    // A red flag raised is something found, even where no trigger point refers.
    Ok(status(
        !report.candidates.is_empty() || !report.red_flags.is_empty(),
    ))
}

/// `rank --drawing FILE`: the drawing's report and summary.
fn ranked_drawing(
    atlas: &Atlas,
    args: &RankArgs,
    ctx: &Context,
    path: &std::path::Path,
    selection: &crate::rank::Selection,
) -> anyhow::Result<u8> {
    let drawing = super::drawing::read(path)?;
    if drawing.is_empty() && selection.is_empty() {
        anyhow::bail!("nothing to rank: the drawing shades nothing");
    }
    if matches!(args.by, By::Point) {
        anyhow::bail!("--drawing ranks muscles; --by point is not available with it");
    }
    let (report, summary) =
        super::drawing::report(atlas, &drawing, selection, usize::from(args.top));
    let format = if args.json {
        Format::Json
    } else {
        args.format.unwrap_or(Format::Text)
    };
    let text = match format {
        Format::Text => report.to_text(atlas) + &super::drawing::to_text(atlas, &summary),
        Format::Json => super::drawing::to_json(&report, &summary)?,
        Format::Markdown => {
            report.to_markdown(atlas, &Utc::from_unix(ctx.now).stamp())
                + &super::drawing::to_text(atlas, &summary)
        }
    };
    out::print(&text)?;
    Ok(status(
        !report.candidates.is_empty() || !report.red_flags.is_empty(),
    ))
}

/// Gives the `--yes` and `--no` answers to a selection (`rank` and `visit`).
pub fn answer_all(
    atlas: &Atlas,
    selection: &mut crate::rank::Selection,
    yes: &[String],
    no: &[String],
) -> anyhow::Result<()> {
    for (concepts, answer) in [(yes, true), (no, false)] {
        for c in concepts {
            let id = answer_concept(atlas, c)?;
            selection.answer(&id, Some(answer));
        }
    }
    Ok(())
}

/// The concept id a `--yes` or `--no` names (folded, `_` or a space for `-`), or an
/// error that lists the concepts the screen asks about.
fn answer_concept(atlas: &Atlas, given: &str) -> anyhow::Result<String> {
    let wanted = crate::atlas::text::key(given).replace(' ', "-");
    if let Some(c) = crate::screen::askable(atlas).find(|c| c.id == wanted) {
        return Ok(c.id.clone());
    }
    let ids: Vec<&str> = crate::screen::askable(atlas)
        .map(|c| c.id.as_str())
        .collect();
    anyhow::bail!(
        "unknown screening concept '{}'; the screen asks about: {}",
        crate::atlas::text::shown(given),
        ids.join(", ")
    )
}

/// The longest warning about how a phrase was read, in characters.
const CAVEATS_SHOWN: usize = 300;

/// The selection the REGION arguments (names or phrases) and symptom words say, as
/// `rank` and `visit` read them. What a phrase was read as is said on stderr, never
/// guessed in silence. Every phrase and symptom word is also kept as the client's own
/// words, which the red-flag screen listens to; a phrase the reader does not understand
/// at all is still kept when the screen hears a concept in it ("fever and chills").
pub fn selection(
    atlas: &Atlas,
    regions: &[String],
    symptoms: &[String],
) -> anyhow::Result<crate::rank::Selection> {
    let mut args: Vec<String> = regions.to_vec();
    let mut heard_only: Vec<String> = Vec::new();
    let read = loop {
        match read_rank_args(atlas, &args, symptoms) {
            Ok(read) => break read,
            Err(e) => {
                // Set aside the phrases the screen hears something in, and try the
                // rest again; if none, the error stands.
                let before = args.len();
                let (screened, rest): (Vec<String>, Vec<String>) = args
                    .into_iter()
                    .partition(|a| !crate::screen::hear(atlas, [a.as_str()]).is_empty());
                if screened.is_empty() || rest.len() == before {
                    return Err(e.into());
                }
                heard_only.extend(screened);
                args = rest;
            }
        }
    };
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
    let mut selection = read.selection;
    selection.said = read
        .readings
        .iter()
        .map(|(arg, _)| arg.clone())
        .chain(heard_only)
        .chain(symptoms.iter().map(|s| s.trim().to_string()))
        .filter(|s| !s.is_empty())
        .collect();
    Ok(selection)
}
