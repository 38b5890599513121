//! The feedback after an answer, drawn as a pure function of the state: the answer's
//! diagram (after a draw card, with the student's marks sorted into hits, misses and
//! extra marks, each its own glyph), or after a wrong "name" answer the chosen muscle's
//! pattern and the answer's on one body ([`crate::compare`]); and the panel: the verdict,
//! where to press, one self-care line, the next review, and the comparison in words.

use super::app::{Outcome, StudyApp};
use super::view::{Pen, put_canvas};
use crate::atlas::{RegionInstance, Side, TriggerPoint};
use crate::body::diagram::Diagram;
use crate::body::frame::Frame as Framing;
use crate::body::glyphs::{GlyphSet, Style as Mark};
use crate::body::overlay::Overlay;
use crate::compare::{Comparison, Pattern, compare};
use crate::report::instance_words;
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

/// After a wrong "name" answer, the muscle chosen (pattern 1: its trigger point most like
/// the card's) compared with the answer (pattern 2) on the card's side.
pub fn comparison<'a>(
    app: &StudyApp<'a>,
    card: &Card,
    outcome: &Outcome,
) -> Option<Comparison<'a>> {
    if outcome.correct || card.kind != CardKind::Name {
        return None;
    }
    let (m, tp) = card.lookup(app.atlas)?;
    let chosen = app.atlas.muscle(outcome.named.as_deref()?)?;
    let theirs = closest_point(chosen, tp)?;
    let first = Pattern::point(chosen, theirs);
    let second = Pattern::point(m, tp);
    Some(compare(app.atlas, &first, &second, card.side))
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
    if let Some(cmp) = comparison(app, card, outcome) {
        both_on_one_body(buf, area, app, &cmp, theme);
        return;
    }
    if let Some(o) = &outcome.overlap {
        marks(buf, area, &answer, o, theme);
    } else {
        let model = crate::body::shipped();
        let d = Diagram::for_overlay(model, &answer, area.width, area.height, theme.glyphs);
        // A real image where the terminal shows one (the marks have glyphs of their own
        // and stay text).
        crate::tui::picture::paint_diagram(&d, &answer, area, buf, theme);
    }
}

/// The chosen muscle's pattern (1) and the answer's (2) on one body, framed to both,
/// with the legend that tells them apart, under a title naming them.
fn both_on_one_body(
    buf: &mut Buffer,
    area: Rect,
    app: &StudyApp<'_>,
    cmp: &Comparison<'_>,
    theme: &Theme,
) {
    if area.height < 2 {
        return;
    }
    let title = format!(
        "1 You chose: {} · 2 Answer: {}",
        cmp.first.muscle.name, cmp.second.muscle.name
    );
    let width = usize::from(area.width);
    buf.set_stringn(
        area.x,
        area.y,
        crate::tui::view::fit(&title, width),
        width,
        theme.title,
    );
    let below = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    let overlay = cmp.overlay(app.atlas);
    let d = Diagram::for_overlay(
        crate::body::shipped(),
        &overlay,
        below.width,
        below.height,
        theme.glyphs,
    );
    crate::tui::picture::paint_diagram(&d, &overlay, below, buf, theme);
}

/// The answer's zone with the student's marks over it: hits, misses and extra marks each
/// their own glyph, with a legend of them below.
fn marks(buf: &mut Buffer, area: Rect, answer: &Overlay, o: &Overlap, theme: &Theme) {
    let model = crate::body::shipped();
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
    for (k, line) in crate::columns::wrap(legend.split("  "), "  ", usize::from(area.width), 0)
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
    let cmp = comparison(app, card, outcome);
    if let Some(cmp) = &cmp {
        p.wrap(&format!("You chose {}", cmp.first.muscle.name), 2, t.dim);
    } else {
        let zones: Vec<String> =
            crate::study::score::zone_instances(app.atlas, tp, &tp.essential, card.side)
                .iter()
                .map(|r| instance_words(app.atlas, r))
                .collect();
        p.wrap(&format!("Essential zone: {}", zones.join(", ")), 2, t.text);
    }
    if let Some(o) = &outcome.overlap {
        overlap_lines(p, app, o);
    }
    p.blank();
    // The comparison says where to press for both; otherwise it is said here.
    if cmp.is_none() {
        where_to_press(p, app, tp, card.side);
    }
    if let Some(care) = m.self_care.first() {
        p.wrap(&format!("Self-care: {care}"), 2, t.text);
    }
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
    if let Some(cmp) = &cmp {
        // What tells the two apart, then who they are: the explorer's words for it.
        p.blank();
        p.lines(crate::tui::view::comparison_lines(app.atlas, cmp, &t));
    }
}

/// Where the trigger point lies: its region on the card's side and the atlas's note.
fn where_to_press(p: &mut Pen<'_>, app: &StudyApp<'_>, tp: &TriggerPoint, side: Side) {
    let t = p.theme.clone();
    let midline = app.atlas.region(&tp.location).is_some_and(|r| r.midline);
    let place = RegionInstance::new(tp.location.clone(), (!midline).then_some(side));
    p.wrap(
        &format!(
            "Where to press (X): {}. {}",
            instance_words(app.atlas, &place),
            tp.location_note
        ),
        2,
        t.text,
    );
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
            .map(|r| instance_words(app.atlas, r))
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
