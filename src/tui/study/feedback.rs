//! The feedback after an answer, drawn as a pure function of the state: the answer's
//! diagram (after a draw card, with the student's marks sorted into hits, misses and
//! extra marks, each its own glyph), or after a wrong "name" answer the chosen muscle's
//! pattern beside the answer's; and the panel: the verdict, the comparison, where to
//! press, one self-care line and the next review.

use super::app::{Outcome, StudyApp};
use super::contrast::{Contrast, contrast};
use super::view::{Pen, put_canvas, region_label};
use crate::atlas::{RegionInstance, Side, TriggerPoint};
use crate::body::BodyModel;
use crate::body::diagram::Diagram;
use crate::body::frame::Frame as Framing;
use crate::body::glyphs::{GlyphSet, Style as Mark};
use crate::body::overlay::Overlay;
use crate::study::cards::{Card, CardKind, closest_point};
use crate::study::schedule::DAY;
use crate::study::score::Overlap;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// How a region of a drawn answer is marked in the feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Marked, and in the essential zone.
    Hit,
    /// In the essential zone, not marked.
    Missed,
    /// Marked, outside the essential zone (and its spillover).
    Extra,
}

impl Verdict {
    /// Its glyph: told apart by shape, not colour.
    pub fn glyph(self, glyphs: GlyphSet) -> char {
        match (self, glyphs) {
            (Verdict::Hit, GlyphSet::Ascii) => '#',
            (Verdict::Hit, GlyphSet::Unicode) => '█',
            (Verdict::Missed, GlyphSet::Ascii) => 'o',
            (Verdict::Missed, GlyphSet::Unicode) => '○',
            (Verdict::Extra, _) => '+',
        }
    }

    /// Its name in the legend.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Hit => "hit",
            Verdict::Missed => "missed",
            Verdict::Extra => "extra mark",
        }
    }

    fn style(self, theme: &Theme) -> ratatui::style::Style {
        match self {
            Verdict::Hit => theme.overlap,
            Verdict::Missed => theme.essential,
            Verdict::Extra => theme.selected,
        }
    }

    /// The verdict on a region instance of the map, if it has one.
    fn of(o: &Overlap, r: &RegionInstance) -> Option<Verdict> {
        // Scoring keeps midline regions without a side; the map gives them one.
        let same =
            |x: &RegionInstance| x.region == r.region && (x.side.is_none() || x.side == r.side);
        if o.hits.iter().any(same) {
            Some(Verdict::Hit)
        } else if o.missed.iter().any(same) {
            Some(Verdict::Missed)
        } else if o.extra.iter().any(same) {
            Some(Verdict::Extra)
        } else {
            None
        }
    }
}

/// The pattern of the muscle chosen on a wrong "name" answer, set beside the answer: its
/// trigger point most like the card's.
pub fn chosen_point<'a>(
    app: &StudyApp<'a>,
    card: &Card,
    outcome: &Outcome,
) -> Option<&'a TriggerPoint> {
    if outcome.correct || card.kind != CardKind::Name {
        return None;
    }
    let (_, tp) = card.lookup(app.atlas)?;
    let chosen = app.atlas.muscle(outcome.named.as_deref()?)?;
    closest_point(chosen, tp)
}

/// Draws the feedback's picture in `area`.
pub fn picture(
    buf: &mut Buffer,
    area: Rect,
    app: &StudyApp<'_>,
    card: &Card,
    outcome: &Outcome,
    theme: &Theme,
) {
    let Some((_, tp)) = card.lookup(app.atlas) else {
        return;
    };
    let answer = Overlay::of_point(app.atlas, tp, card.side);
    if let Some(chosen) = chosen_point(app, card, outcome) {
        let mine = Overlay::of_point(app.atlas, chosen, card.side);
        let name = |id: &str| app.muscle_name(id).to_owned();
        let yours = format!(
            "You chose: {}",
            name(outcome.named.as_deref().unwrap_or(""))
        );
        let right = format!("Answer: {}", name(&card.muscle));
        side_by_side(buf, area, [(&yours, &mine), (&right, &answer)], theme);
        return;
    }
    if let Some(o) = &outcome.overlap {
        marks(buf, area, &answer, o, theme);
    } else {
        let model = BodyModel::shipped();
        let d = Diagram::for_overlay(model, &answer, area.width, area.height, theme.glyphs);
        put_canvas(
            buf,
            area,
            &d.draw(&answer, theme.glyphs, !theme.color),
            theme,
        );
    }
}

/// Two patterns, each on its own body with a title above, side by side.
fn side_by_side(buf: &mut Buffer, area: Rect, two: [(&String, &Overlay); 2], theme: &Theme) {
    let half = area.width.saturating_sub(1) / 2;
    for (k, (title, overlay)) in two.into_iter().enumerate() {
        let x = area.x + k as u16 * (half + 1);
        let cell = Rect::new(x, area.y, half, area.height);
        if cell.height < 2 || cell.width == 0 {
            continue;
        }
        let t = crate::tui::view::fit(title, usize::from(half));
        buf.set_stringn(x, area.y, t, usize::from(half), theme.title);
        let below = Rect::new(x, area.y + 1, half, area.height - 1);
        let d = Diagram::for_overlay(
            BodyModel::shipped(),
            overlay,
            below.width,
            below.height,
            theme.glyphs,
        );
        put_canvas(
            buf,
            below,
            &d.draw(overlay, theme.glyphs, !theme.color),
            theme,
        );
    }
}

/// The answer's zone with the student's marks over it: hits, misses and extra marks each
/// their own glyph, with a legend of them below.
fn marks(buf: &mut Buffer, area: Rect, answer: &Overlay, o: &Overlap, theme: &Theme) {
    let model = BodyModel::shipped();
    let mut overlay = answer.clone();
    overlay.selected.clone_from(&o.extra);
    // Framed to hold the answer and the marks outside it.
    let framing = Framing::for_overlay(model, &overlay);
    let legend = legend(theme.glyphs.line_art());
    let rows = if legend.chars().count() <= usize::from(area.width) {
        1
    } else {
        2
    };
    let d = Diagram::layout(
        model,
        &framing,
        area.width,
        area.height.saturating_sub(rows),
        0,
    );
    let canvas = d.draw(&overlay, theme.glyphs, !theme.color);
    put_canvas(buf, area, &canvas, theme);
    let glyphs = theme.glyphs.line_art();
    for row in 0..canvas.height() {
        for col in 0..canvas.width() {
            let Some(cell) = canvas.get(col, row).copied() else {
                continue;
            };
            if matches!(cell.style, Mark::TriggerPoint | Mark::Title | Mark::Label) {
                continue;
            }
            let mark = match d.region_at(col, row).and_then(|r| Verdict::of(o, &r)) {
                Some(v) => Some((v.glyph(glyphs), v.style(theme))),
                // The spillover in its line-art mark, as the legend shows it (a mosaic
                // would stipple it).
                None if cell.style == Mark::Spillover => {
                    Some((glyphs.mark(Mark::Spillover), theme.spillover))
                }
                None => None,
            };
            if let Some((ch, style)) = mark
                && let Some(target) = buf.cell_mut((area.x + col, area.y + row))
            {
                target.set_char(ch).set_style(style);
            }
        }
    }
    let y = area.y + d.height();
    for (k, line) in wrap_legend(&legend, usize::from(area.width))
        .iter()
        .enumerate()
    {
        let y = y + k as u16;
        if y < area.bottom() {
            buf.set_stringn(area.x, y, line, usize::from(area.width), theme.label);
        }
    }
}

/// The legend of a marked answer.
pub fn legend(glyphs: GlyphSet) -> String {
    let mut items: Vec<String> = [Verdict::Hit, Verdict::Missed, Verdict::Extra]
        .iter()
        .map(|v| format!("{} {}", v.glyph(glyphs), v.name()))
        .collect();
    items.push(format!("{} spillover", glyphs.mark(Mark::Spillover)));
    items.push("X trigger point".to_owned());
    items.join("  ")
}

/// The legend in lines of at most `width` columns, broken between items.
fn wrap_legend(legend: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for item in legend.split("  ") {
        let Some(line) = lines.last_mut() else { break };
        if !line.is_empty() && line.chars().count() + 2 + item.chars().count() > width {
            lines.push(item.to_owned());
        } else {
            if !line.is_empty() {
                line.push_str("  ");
            }
            line.push_str(item);
        }
    }
    lines
}

/// The feedback panel beside the picture.
pub(super) fn panel(p: &mut Pen<'_>, app: &StudyApp<'_>, card: &Card, outcome: &Outcome) {
    let t = p.theme.clone();
    let Some((m, tp)) = card.lookup(app.atlas) else {
        return;
    };
    if outcome.correct {
        p.line("✓ Correct", t.title);
    } else {
        p.line("✗ Not quite", t.flag);
    }
    p.wrap(&m.name, 2, t.label);
    p.wrap(&format!("{} ({})", tp.name, card.side.as_str()), 2, t.text);
    if let Some(chosen) = chosen_point(app, card, outcome) {
        let named = outcome.named.as_deref().unwrap_or("");
        p.wrap(&format!("You chose {}", app.muscle_name(named)), 2, t.dim);
        let c = contrast(chosen, tp);
        contrast_lines(p, app, &c, app.muscle_name(named), &m.name);
    } else {
        let zones: Vec<String> =
            crate::study::score::zone_instances(app.atlas, tp, &tp.essential, card.side)
                .iter()
                .map(|r| region_label(app, r))
                .collect();
        p.wrap(&format!("Essential zone: {}", zones.join(", ")), 2, t.text);
    }
    if let Some(o) = &outcome.overlap {
        overlap_lines(p, app, o);
    }
    p.blank();
    where_to_press(p, app, tp, card.side);
    if let Some(care) = m.self_care.first() {
        p.wrap(&format!("Self-care: {care}"), 2, t.text);
    }
    p.blank();
    let st = app.progress.state(&card.id());
    let when = match st.due.saturating_sub(app.now) / DAY {
        0 if app.again_later() => "later in this session".to_owned(),
        0 => "next session".to_owned(),
        1 => "in 1 day".to_owned(),
        d => format!("in {d} days"),
    };
    p.wrap(
        &format!("Next review {when} (stability {:.1} d)", st.stability),
        0,
        t.dim,
    );
}

/// Where the trigger point lies: its region on the card's side and the atlas's note.
fn where_to_press(p: &mut Pen<'_>, app: &StudyApp<'_>, tp: &TriggerPoint, side: Side) {
    let t = p.theme.clone();
    let midline = app.atlas.region(&tp.location).is_some_and(|r| r.midline);
    let place = RegionInstance::new(tp.location.clone(), (!midline).then_some(side));
    p.wrap(
        &format!(
            "Where to press (X): {}. {}",
            region_label(app, &place),
            tp.location_note
        ),
        2,
        t.text,
    );
}

/// What only the chosen pattern covers, what only the answer covers, and what both do.
fn contrast_lines(p: &mut Pen<'_>, app: &StudyApp<'_>, c: &Contrast, chosen: &str, answer: &str) {
    let t = p.theme.clone();
    let names = |rs: &[(String, bool)]| {
        let (ess, spill): (Vec<_>, Vec<_>) = rs.iter().partition(|(_, e)| *e);
        let list = |v: &[&(String, bool)]| {
            v.iter()
                .map(|(r, _)| app.atlas.region_name(r).to_lowercase())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match (ess.is_empty(), spill.is_empty()) {
            (true, true) => "nothing".to_owned(),
            (false, true) => list(&ess),
            (true, false) => format!("spillover {}", list(&spill)),
            (false, false) => format!("{}; spillover {}", list(&ess), list(&spill)),
        }
    };
    p.wrap(
        &format!("Only {answer}: {}", names(&c.only_second)),
        2,
        t.text,
    );
    p.wrap(
        &format!("Only {chosen}: {}", names(&c.only_first)),
        2,
        t.text,
    );
    p.wrap(&format!("Both: {}", names(&c.both)), 2, t.text);
}

/// The overlap of a drawn answer in words.
fn overlap_lines(p: &mut Pen<'_>, app: &StudyApp<'_>, o: &Overlap) {
    let t = p.theme.clone();
    let pct = |x: f64| (x * 100.0).round() as u32;
    p.wrap(
        &format!(
            "Overlap {}% (precision {}%, recall {}%)",
            pct(o.jaccard),
            pct(o.precision),
            pct(o.recall)
        ),
        0,
        t.text,
    );
    let list = |rs: &[RegionInstance]| {
        rs.iter()
            .map(|r| region_label(app, r))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !o.hits.is_empty() {
        p.wrap(&format!("Hit: {}", list(&o.hits)), 2, t.text);
    }
    if !o.missed.is_empty() {
        p.wrap(&format!("Missed: {}", list(&o.missed)), 2, t.text);
    }
    if !o.extra.is_empty() {
        p.wrap(&format!("Extra marks: {}", list(&o.extra)), 2, t.text);
    }
    if !o.spillover.is_empty() {
        p.wrap(
            &format!("Spillover, not scored: {}", list(&o.spillover)),
            2,
            t.dim,
        );
    }
}
