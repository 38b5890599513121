//! The study screens, drawn as a pure function of the state: a card (the diagram on the
//! left, the question on the right), the feedback with the answer drawn, and the summary.
//! Returns the layout drawn, for hit-testing the next event.

use super::app::{Screen, StudyApp};
use super::feedback;
use super::input::{StudyLayout, clamp};
use crate::atlas::{RegionInstance, Side};
use crate::body::diagram::{Canvas, Diagram};
use crate::body::frame::Frame as Framing;
use crate::body::glyphs::Style as Mark;
use crate::body::overlay::Overlay;
use crate::report::instance_words;
use crate::study::cards::{Card, CardKind};
use crate::tui::layout::{ListLayout, MapLayout};
use crate::tui::theme::Theme;
use crate::tui::view::{CanvasPicture, fit};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget as _;

/// The smallest terminal study mode draws in.
pub const MIN_WIDTH: u16 = 50;
/// The smallest terminal study mode draws in.
pub const MIN_HEIGHT: u16 = 16;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &StudyApp<'_>, theme: &Theme) -> StudyLayout {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let mut layout = StudyLayout::default();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(buf, area, theme);
        return layout;
    }
    header(buf, area, app, theme);
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 2);
    match &app.screen {
        Screen::Summary => summary(buf, body, app, theme),
        Screen::Card | Screen::Feedback(_) => {
            let panel_w = (area.width * 2 / 5).clamp(26, 44);
            let map_area = Rect::new(body.x, body.y, body.width - panel_w - 1, body.height);
            let panel = Rect::new(map_area.right() + 1, body.y, panel_w, body.height);
            if let Some(card) = app.card() {
                if let Screen::Feedback(outcome) = &app.screen {
                    feedback::picture(buf, map_area, app, card, outcome, theme);
                    let mut p = Pen::new(buf, panel, theme);
                    feedback::panel(&mut p, app, card, outcome);
                    footer(buf, area, app, theme);
                    return layout;
                }
                let (hits, start) = diagram(buf, map_area, app, card, theme);
                let under = app.cursor.or(start).map(|c| {
                    let (x, y) = clamp(c, &hits);
                    hits.region_at(x, y).cloned()
                });
                // Only an unanswered "draw" card takes clicks on the map.
                if app.screen == Screen::Card && card.kind == CardKind::Draw {
                    layout.map = Some(hits);
                    layout.start = start;
                }
                let mut p = Pen::new(buf, panel, theme);
                match &app.screen {
                    _ if card.kind == CardKind::Name => {
                        layout.choices = Some(name_panel(&mut p, app, card));
                    }
                    _ => draw_panel(&mut p, app, card, under.as_ref()),
                }
            }
        }
    }
    footer(buf, area, app, theme);
    layout
}

fn too_small(buf: &mut Buffer, area: Rect, theme: &Theme) {
    let msg = format!("Terminal too small for study: need {MIN_WIDTH}x{MIN_HEIGHT}");
    let y = area.y + area.height / 2;
    if area.height > 0 {
        buf.set_stringn(area.x, y, msg, usize::from(area.width), theme.text);
    }
}

fn header(buf: &mut Buffer, area: Rect, app: &StudyApp<'_>, theme: &Theme) {
    let kind = match (&app.screen, app.card()) {
        (Screen::Summary, _) | (_, None) => "Summary",
        (_, Some(c)) => c.kind.title(),
    };
    let left = format!(" painmap study · {kind}");
    buf.set_stringn(area.x, area.y, &left, usize::from(area.width), theme.title);
    let right = match app.card() {
        Some(c) if app.screen != Screen::Summary => {
            let st = app.progress.state(&c.id());
            let memory = match st.memory() {
                Some(m) => format!("stability {:.1} d", m.stability),
                None => "new card".to_owned(),
            };
            format!(
                "card {} of {} · {memory} · {}/{} right ",
                app.pos + 1,
                app.queue.len(),
                app.right,
                app.answered
            )
        }
        _ => format!("{}/{} right this session ", app.right, app.answered),
    };
    let w = right.chars().count() as u16;
    let used = left.chars().count() as u16 + 2;
    if used + w <= area.width {
        buf.set_string(area.right() - w, area.y, right, theme.dim);
    }
}

fn footer(buf: &mut Buffer, area: Rect, app: &StudyApp<'_>, theme: &Theme) {
    let hint = match &app.screen {
        Screen::Summary if app.card().is_some() => " Enter study · Tab back · q quit",
        Screen::Summary => " Nothing left to study now · q: quit",
        Screen::Feedback(_) => " Any key: next card · Tab summary · q quit (progress is saved)",
        Screen::Card if app.drawing() => {
            " Arrows move · Space/click marks · v close-up · Enter submits · Tab · q quit"
        }
        Screen::Card if app.typed.is_empty() => {
            " 1-4 choose · or type a name · Tab summary · q quit"
        }
        Screen::Card => " Enter answers the top match · Backspace · Esc clears · 1-4 choose",
    };
    let y = area.bottom() - 1;
    match &app.save_error {
        Some(e) => buf.set_stringn(
            area.x,
            y,
            format!(" {e}"),
            usize::from(area.width),
            theme.flag,
        ),
        None => buf.set_stringn(area.x, y, hint, usize::from(area.width), theme.dim),
    };
}

/// The trigger point's referral overlay on the card's side.
fn pattern(app: &StudyApp<'_>, card: &Card, side: Side) -> Overlay {
    match card.lookup(app.atlas) {
        Some((_, tp)) => Overlay::of_point(app.atlas, tp, side),
        None => Overlay::default(),
    }
}

/// Draws the card's diagram; returns the hit grid of the map and the cell of the X.
fn diagram(
    buf: &mut Buffer,
    area: Rect,
    app: &StudyApp<'_>,
    card: &Card,
    theme: &Theme,
) -> (MapLayout, Option<(u16, u16)>) {
    let model = crate::body::shipped();
    let answer = pattern(app, card, card.side);
    let asking_draw = card.kind == CardKind::Draw && app.screen == Screen::Card;
    let mut overlay = if asking_draw {
        // Only the X: the zones are what the student draws.
        Overlay {
            trigger_points: answer.trigger_points.clone(),
            ..Overlay::default()
        }
    } else {
        answer.clone()
    };
    if card.kind == CardKind::Draw {
        overlay.selected.clone_from(&app.marked);
    }
    // While asking, the frame must not depend on the answer: the body, and the close-up
    // the student chose (`v`). The feedback frames the answer.
    let framing = if asking_draw {
        Framing::whole_body_with(app.close_up(), card.side)
    } else {
        Framing::for_overlay(model, &answer)
    };
    // The legend takes one row, or two when the map is narrow.
    let legend = if area.width >= 64 { 1 } else { 2 };
    let d = Diagram::layout(model, &framing, area.width, area.height, legend);
    let mut hits = MapLayout::new(Rect::new(area.x, area.y, d.width(), d.height()));
    if let Some(c) = app.cursor.filter(|_| asking_draw) {
        overlay.cursor = Some(clamp(c, &hits));
    }
    let canvas = d.draw(&overlay, theme.glyphs, !theme.color);
    put_canvas(buf, area, &canvas, theme);
    let mut start = None;
    for row in 0..canvas.height() {
        for col in 0..canvas.width() {
            if start.is_none()
                && canvas
                    .get(col, row)
                    .is_some_and(|c| c.style == Mark::TriggerPoint)
            {
                start = Some((col, row));
            }
            hits.set(col, row, d.region_at(col, row));
        }
    }
    // Before it is moved, the cursor stands on the X: shown there from the first frame.
    let first_cursor = start.filter(|_| asking_draw && app.cursor.is_none());
    if let Some(tier) = &theme.images {
        let mut overlay = overlay;
        overlay.cursor = overlay.cursor.or(first_cursor);
        crate::tui::picture::draw_diagram(tier, &d, &overlay, area, buf, theme);
    } else if let Some((col, row)) = first_cursor
        && let Some(target) = buf.cell_mut((area.x + col, area.y + row))
    {
        target.set_style(theme.cursor);
    }
    (hits, start)
}

/// Copies a drawn diagram into the buffer at `area`'s top-left, in the theme's styles.
pub(super) fn put_canvas(buf: &mut Buffer, area: Rect, canvas: &Canvas, theme: &Theme) {
    CanvasPicture {
        canvas,
        mosaic: theme.glyphs.samples().is_some(),
        theme,
    }
    .render(area, buf);
}

/// Writes lines into a panel, wrapping words, and keeps track of the row.
pub(super) struct Pen<'b> {
    buf: &'b mut Buffer,
    area: Rect,
    row: u16,
    pub(super) theme: Theme,
}

impl<'b> Pen<'b> {
    pub(super) fn new(buf: &'b mut Buffer, area: Rect, theme: &Theme) -> Pen<'b> {
        Pen {
            buf,
            area,
            row: 0,
            theme: theme.clone(),
        }
    }

    /// The screen row the next line goes on.
    fn y(&self) -> u16 {
        self.area.y + self.row
    }

    fn room(&self) -> bool {
        self.row < self.area.height
    }

    /// One line, cut at the panel's width.
    pub(super) fn line(&mut self, text: &str, style: Style) {
        if self.room() {
            // A line too long for the panel (a long muscle name among the choices)
            // ends in an ellipsis, so it reads as cut rather than as the whole name.
            let width = usize::from(self.area.width);
            let text = fit(text, width);
            self.buf
                .set_stringn(self.area.x, self.y(), text, width, style);
        }
        self.row = self.row.saturating_add(1);
    }

    /// A paragraph wrapped at word boundaries, continuation lines indented by `indent`;
    /// cut short at the panel's foot, its last line shown ends in an ellipsis.
    pub(super) fn wrap(&mut self, text: &str, indent: usize, style: Style) {
        let width = usize::from(self.area.width).max(indent + 8);
        let lines = crate::columns::wrap(text.split_whitespace(), " ", width, indent);
        let left = usize::from(self.area.height.saturating_sub(self.row));
        let n = lines.len();
        for (k, l) in lines.into_iter().enumerate() {
            if k + 1 == left && n > left {
                // More follows: say so; `line` cuts what no longer fits.
                self.line(&format!("{} …", l.trim_end()), style);
            } else {
                self.line(&l, style);
            }
        }
    }

    /// Styled lines wrapped at word boundaries below what is written, to the panel's foot.
    pub(super) fn lines(&mut self, lines: Vec<ratatui::text::Line<'_>>) {
        use ratatui::widgets::{Paragraph, Widget as _, Wrap};
        let top = self.row.min(self.area.height);
        let rest = Rect::new(
            self.area.x,
            self.area.y + top,
            self.area.width,
            self.area.height - top,
        );
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(rest, self.buf);
        self.row = self.area.height;
    }

    pub(super) fn blank(&mut self) {
        self.row = self.row.saturating_add(1);
    }
}

fn name_panel(p: &mut Pen<'_>, app: &StudyApp<'_>, card: &Card) -> ListLayout {
    let t = p.theme.clone();
    p.wrap("Which muscle refers pain like this?", 0, t.title);
    p.wrap(
        &format!(
            "The X is its trigger point, on the patient's {} side.",
            card.side.as_str().to_owned()
        ),
        0,
        t.dim,
    );
    p.blank();
    let first = p.y();
    for (i, m) in app.shown.iter().enumerate() {
        p.line(&format!(" {}  {}", i + 1, app.muscle_name(m)), t.text);
    }
    let choices = ListLayout {
        area: Rect::new(p.area.x, first, p.area.width, app.shown.len() as u16).intersection(p.area),
        offset: 0,
        rows_per_item: 1,
        len: app.shown.len(),
    };
    p.blank();
    if app.typed.is_empty() {
        p.wrap(
            "Or type a name (fuzzy, Enter accepts the top match).",
            0,
            t.dim,
        );
    } else {
        p.line(&format!("Name: {}_", app.typed), t.highlight);
        if app.completions.is_empty() {
            p.line("  no muscle matches", t.dim);
        }
        for (i, c) in app.completions.iter().enumerate() {
            let (mark, style) = if i == 0 {
                ("›", t.matched)
            } else {
                (" ", t.text)
            };
            p.line(&format!(" {mark} {}", c.label), style);
        }
    }
    choices
}

fn draw_panel(
    p: &mut Pen<'_>,
    app: &StudyApp<'_>,
    card: &Card,
    under: Option<&Option<RegionInstance>>,
) {
    let t = p.theme.clone();
    let Some((m, tp)) = card.lookup(app.atlas) else {
        return;
    };
    p.wrap("Mark the essential zone of", 0, t.title);
    p.wrap(&m.name, 2, t.label);
    p.wrap(&tp.name, 2, t.text);
    p.wrap(
        &format!("on the patient's {} side (the X).", card.side.shouted()),
        0,
        t.text,
    );
    p.blank();
    match under {
        Some(Some(r)) => {
            let mark = if app.marked.contains(r) {
                "marked"
            } else {
                "Space marks it"
            };
            p.wrap(
                &format!("Cursor: {} ({mark})", instance_words(app.atlas, r)),
                2,
                t.highlight,
            );
        }
        Some(None) => p.line("Cursor: outside the body", t.dim),
        None => {}
    }
    if app.marked.is_empty() {
        p.wrap(
            "Nothing marked yet. Click regions, or move with the arrows and press Space; \
             v shows another close-up (head, hand, foot) beside the body.",
            0,
            t.dim,
        );
    } else {
        p.line(&format!("Marked ({}):", app.marked.len()), t.title);
        for r in &app.marked {
            p.line(&format!("  {}", instance_words(app.atlas, r)), t.text);
        }
    }
}

fn summary(buf: &mut Buffer, area: Rect, app: &StudyApp<'_>, theme: &Theme) {
    let s = app.summary();
    let width = area.width.min(64);
    let left = area.x + (area.width - width) / 2;
    let mut p = Pen::new(buf, Rect::new(left, area.y, width, area.height), theme);
    let t = theme.clone();
    p.blank();
    p.line("Study summary", t.title);
    // The same lines as `painmap study --stats`, then this session's count.
    for line in s.headline() {
        p.wrap(&line, 2, t.text);
    }
    p.line(
        &format!("This session: {} of {} right", app.right, app.answered),
        t.dim,
    );
    p.blank();
    for (i, line) in s.table().iter().enumerate() {
        p.line(line, if i == 0 { t.title } else { t.text });
    }
}
