//! `painmap show --layer dermatomes|nerves|organs [--format text|svg|png] [--out FILE]
//! [--json]`: a layer that is not trigger points, drawn on the body with each entry
//! named, or its entries as JSON.

use super::args::{PictureFormat, ShowArgs};
use super::show::{ascii_only, terminal_width, write_file};
use super::{out, status};
use crate::body::glyphs::Glyphs;
use crate::color::Palette;
use crate::layers::{self, Kind, Sides};

/// One entry as `--json` prints it (its shapes are the SVG's business).
#[derive(Debug, serde::Serialize)]
struct JsonEntry<'a> {
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    label: &'a str,
    sides: &'static str,
    regions: &'a [String],
    note: &'a str,
    source: &'a str,
    questions: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    red_flag: Option<&'a str>,
}

/// Draws or lists a layer.
pub fn show(
    args: &ShowArgs,
    kind: Kind,
    color: bool,
    palette: Palette,
    glyphs: Glyphs,
) -> anyhow::Result<u8> {
    let model = crate::body::shipped();
    let all = layers::shipped();
    if args.json {
        let entries: Vec<JsonEntry<'_>> = all
            .of(kind)
            .map(|e| JsonEntry {
                id: &e.id,
                kind: e.kind.as_str(),
                name: &e.name,
                label: &e.short,
                sides: match e.sides {
                    Sides::Either => "either",
                    Sides::Left => "left",
                    Sides::Right => "right",
                    Sides::Both => "both",
                },
                regions: &e.regions,
                note: &e.note,
                source: &e.source,
                questions: e
                    .ask
                    .iter()
                    .filter_map(|q| all.question(q))
                    .map(|q| q.ask.as_str())
                    .collect(),
                red_flag: e.flag.as_deref(),
            })
            .collect();
        out::print(&out::json(&entries)?)?;
        return Ok(status(true));
    }
    match args.format {
        PictureFormat::Svg => {
            let doc = layers::picture::svg(model, all, kind);
            match &args.out {
                Some(path) => write_file(path, doc.as_bytes())?,
                None => out::print(&doc)?,
            }
        }
        PictureFormat::Png => {
            let Some(path) = &args.out else {
                anyhow::bail!("--format png writes a file: add --out FILE");
            };
            let png = layers::picture::png(model, all, kind)
                .ok_or_else(|| anyhow::anyhow!("cannot draw the layer as a PNG"))?;
            write_file(path, &png)?;
        }
        PictureFormat::Text => {
            let glyphs = if args.ascii { Glyphs::Ascii } else { glyphs };
            let width = args.width.unwrap_or_else(terminal_width);
            let color = (color && glyphs != Glyphs::Ascii).then_some(palette);
            let lines = layers::paint::text_lines(model, all, kind, width, glyphs, color);
            let mut text = lines.join("\n");
            text.push('\n');
            if glyphs == Glyphs::Ascii {
                text = ascii_only(&text);
            }
            out::print_raw(&text)?;
        }
    }
    Ok(status(true))
}
