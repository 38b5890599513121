//! `painmap terminal [--json] [--pick TIER]`: what painmap detected of the terminal and
//! why (identity, version, image protocol, glyph tier, cell size, colours, locale, tmux),
//! then one labelled sample of each picture tier, so a user can see which draws right and
//! save it with `--pick` in the config file.

use super::args::{Settings, TerminalArgs};
use super::out;
use super::show::{self, DiagramStyle};
use crate::atlas::text::printable;
use crate::atlas::{Atlas, Side};
use crate::body::glyphs::Glyphs;
use crate::color::Palette;
use crate::term::Env;
use crate::term::graphics::{Detection, Terminal};
use std::fmt::Write as _;
use std::path::Path;

/// What the binary hands the command.
pub struct Facts<'a> {
    /// What detection found.
    pub detection: &'a Detection,
    /// The terminal's environment.
    pub env: &'a Env,
    /// The settings in force (flags over the config file).
    pub settings: &'a Settings,
    /// The glyphs in force.
    pub glyphs: Glyphs,
    /// The image protocol in force.
    pub graphics: Option<Terminal>,
    /// Whether colour is on, and the palette.
    pub color: bool,
    /// The palette.
    pub palette: Palette,
    /// The config file's place.
    pub config: Option<&'a Path>,
}

/// Runs the command.
pub fn run(atlas: &Atlas, facts: &Facts<'_>, args: &TerminalArgs) -> anyhow::Result<u8> {
    if let Some(pick) = &args.pick {
        return pick_tier(facts.config, pick);
    }
    if args.json {
        out::print(&out::json(&json(facts))?)?;
        return Ok(super::FOUND);
    }
    let mut text = report(facts);
    text.push_str(&samples(atlas, facts));
    out::print(&text)?;
    Ok(super::FOUND)
}

fn pick_tier(config: Option<&Path>, pick: &str) -> anyhow::Result<u8> {
    use crate::term::config::{GLYPHS, GRAPHICS, save_key};
    let Some(path) = config else {
        anyhow::bail!("no place for the config file: set XDG_CONFIG_HOME or HOME");
    };
    let pick = pick.trim().to_ascii_lowercase();
    let (key, value) = if pick == "text" {
        ("graphics", "off")
    } else if let Some(g) = GLYPHS.iter().find(|g| **g == pick) {
        ("glyphs", *g)
    } else if let Some(g) = GRAPHICS.iter().find(|g| **g == pick) {
        ("graphics", *g)
    } else {
        anyhow::bail!(
            "'{pick}' is not a tier: pick one of {}, {}, text",
            GLYPHS.join(", "),
            GRAPHICS[1..GRAPHICS.len() - 1].join(", ")
        );
    };
    save_key(path, key, value)?;
    println!(
        "saved {key} = \"{value}\" in {}",
        printable(&path.display().to_string())
    );
    Ok(super::FOUND)
}

fn why_setting(auto: bool, detected: &str) -> String {
    if auto {
        detected.to_string()
    } else {
        "set by the flag or the config file".to_string()
    }
}

fn report(f: &Facts<'_>) -> String {
    let d = f.detection;
    let id = &d.identity;
    let asked = match &d.asked {
        Ok(t) if d.answers.complete => format!("yes, answered in {} ms", t.as_millis()),
        Ok(t) => format!(
            "yes, no full answer within {} ms (a late answer is dropped, never typed)",
            t.as_millis()
        ),
        Err(why) => format!("no: {why}"),
    };
    let graphics = f.graphics.map_or("text", |t| t.protocol.as_str());
    let lines = [
        (
            "terminal",
            format!("{} (from {})", crate::term::caps::shown(id), id.source),
        ),
        ("asked", asked),
        (
            "graphics",
            format!(
                "{graphics}: {}",
                why_setting(
                    f.settings.graphics == super::GraphicsArg::Auto,
                    &d.graphics.1
                )
            ),
        ),
        (
            "glyphs",
            format!(
                "{}: {}",
                f.glyphs.as_str(),
                why_setting(f.settings.glyphs == super::GlyphsArg::Auto, &d.glyphs.1)
            ),
        ),
        (
            "cell",
            format!("{}x{} px ({})", d.cell.0.0, d.cell.0.1, d.cell.1),
        ),
        (
            "colours",
            format!(
                "{} ({}), colour {}",
                colours(f.palette),
                f.env.var("TERM").unwrap_or("TERM unset"),
                if f.color { "on" } else { "off" }
            ),
        ),
        (
            "locale",
            format!(
                "{} ({})",
                f.env.locale(),
                if f.env.utf8() { "UTF-8" } else { "not UTF-8" }
            ),
        ),
        ("tmux", if d.tmux { "inside" } else { "no" }.to_string()),
        (
            "config",
            f.config
                .map_or("none (no XDG_CONFIG_HOME or HOME)".into(), |p| {
                    p.display().to_string()
                }),
        ),
    ];
    let mut text = String::new();
    for (k, v) in lines {
        let _ = writeln!(text, "{k:<9} {}", printable(&v));
    }
    text
}

fn colours(p: Palette) -> &'static str {
    match p {
        Palette::Ansi16 => "16 colours",
        Palette::Ansi256 => "256 colours",
    }
}

/// One diagram per tier, each under its name; the image tier first where there is one.
fn samples(atlas: &Atlas, f: &Facts<'_>) -> String {
    let Some(tp) = atlas
        .resolve_muscle("infraspinatus")
        .ok()
        .or_else(|| atlas.muscles().first())
        .and_then(|m| m.trigger_points.first())
    else {
        return String::new();
    };
    let width = show::terminal_width().min(40);
    let mut text = String::from(
        "\nSamples: pick the one that draws the body right (no empty boxes, no blank), \
         and save it with `painmap terminal --pick NAME`.\n",
    );
    let style = |glyphs, graphics| DiagramStyle {
        width,
        glyphs,
        color: f.color && glyphs != Glyphs::Ascii,
        palette: f.palette,
        side: Side::Right,
        graphics,
    };
    let mut tiers: Vec<(String, DiagramStyle)> = Vec::new();
    if let Some(t) = f.graphics {
        tiers.push((
            format!("{} (image)", t.protocol.as_str()),
            style(Glyphs::Outline, Some(t)),
        ));
    }
    let utf8 = f.env.utf8();
    for g in Glyphs::ALL.iter().rev() {
        if utf8 || *g == Glyphs::Ascii {
            tiers.push((g.as_str().to_string(), style(*g, None)));
        }
    }
    for (name, style) in tiers {
        let _ = write!(text, "\n-- {name} --\n");
        for line in show::diagram(atlas, tp, style) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

fn json(f: &Facts<'_>) -> serde_json::Value {
    let d = f.detection;
    let a = &d.answers;
    serde_json::json!({
        "terminal": d.identity.name,
        "version": d.identity.version.as_ref().map(ToString::to_string),
        "identified_by": d.identity.source,
        "graphics": f.graphics.map_or("text", |t| t.protocol.as_str()),
        "graphics_detected": d.graphics.0.map_or("text", |p| p.as_str()),
        "graphics_why": d.graphics.1,
        "glyphs": f.glyphs.as_str(),
        "glyphs_detected": d.glyphs.0.as_str(),
        "glyphs_why": d.glyphs.1,
        "cell": [d.cell.0.0, d.cell.0.1],
        "cell_from": d.cell.1,
        "colours": match f.palette { Palette::Ansi16 => 16, Palette::Ansi256 => 256 },
        "color": f.color,
        "locale": f.env.locale(),
        "utf8": f.env.utf8(),
        "tmux": d.tmux,
        "asked": d.asked.is_ok(),
        "answered_ms": d.asked.as_ref().ok().map(std::time::Duration::as_millis),
        "not_asked_because": d.asked.as_ref().err(),
        "answers": {
            "complete": a.complete,
            "kitty": a.kitty,
            "primary": a.primary,
            "secondary": a.secondary,
            "xtversion": a.version,
            "cell": a.cell,
        },
        "config": f.config.map(|p| p.display().to_string()),
    })
}
