//! Draw mode (`d`): the client's pain shaded on the map with the mouse (a drag paints)
//! or the keyboard (the cursor paints as it moves), kept in body-model coordinates
//! ([`crate::drawing`]) so the drawing is the same at any terminal size. Brush size,
//! an eraser, undo and a quality per stroke; the regions the drawing touches become the
//! selection, and the ranking reads the drawing's shape ([`crate::rank::rank_drawing`]).

#![allow(
    clippy::many_single_char_names,
    reason = "plane geometry: p, q, u, v, w, h"
)]

use super::app::{App, Cursor};
use super::layout::{Layout, Spot};
use super::msg::{Effect, Msg};
use crate::atlas::RegionInstance;
use crate::drawing::{Drawing, NONE, SheetId, ink_of, json};
use crate::intake::Quality;

/// The smallest and largest brush radius, in drawing samples.
pub const BRUSH: std::ops::RangeInclusive<u8> = 1..=8;
/// How many strokes undo remembers.
const UNDO: usize = 64;

/// The drawing and its tools.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawState {
    /// Whether draw mode is on.
    pub on: bool,
    /// The drawing.
    pub drawing: Drawing,
    /// Brush radius in samples.
    pub brush: u8,
    /// The eraser is on.
    pub eraser: bool,
    /// The quality the next stroke carries (`None`: pain of no stated quality).
    pub quality: Option<Quality>,
    /// The drawings before each stroke, latest last.
    undo: Vec<Drawing>,
    /// The regions last derived from the drawing (what it put in the selection).
    derived: Vec<RegionInstance>,
    /// Where the stroke under way last painted: the next spot joins it with a line, so
    /// a fast drag or a coarse terminal leaves no gaps.
    last: Option<Spot>,
}

impl Default for DrawState {
    fn default() -> Self {
        DrawState {
            on: false,
            drawing: Drawing::default(),
            brush: 2,
            eraser: false,
            quality: None,
            undo: Vec::new(),
            derived: Vec::new(),
            last: None,
        }
    }
}

/// What the draw keys and the mouse ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrawMsg {
    /// Turn draw mode on or off.
    Toggle,
    /// Paint at a spot; `start` begins a stroke (undo returns to before it).
    Stroke {
        /// Where, in the view's frame.
        spot: Spot,
        /// A new stroke.
        start: bool,
    },
    /// The cursor moved (keyboard drawing): paint where it now is, as one stroke.
    CursorPaint(Cursor, Option<Spot>),
    /// A stroke ended: the selection and the ranking follow the drawing.
    End,
    /// Brush size by a step.
    Brush(i8),
    /// Eraser on or off.
    Eraser,
    /// Take the last stroke back.
    Undo,
    /// The next quality (none, aching, burning, tingling, numbness, sharp).
    Quality,
    /// Save the drawing to a file (its name stamped with this time).
    Save(i64),
}

/// The sheet and point of a spot.
fn place(spot: Spot) -> (SheetId, crate::body::geom::Pt) {
    let model = crate::body::shipped();
    (
        SheetId::new(model, spot.view, spot.side),
        crate::body::geom::Pt::new(spot.x as f32 / 1000.0, spot.y as f32 / 1000.0),
    )
}

impl DrawState {
    fn ink(&self) -> u8 {
        if self.eraser {
            NONE
        } else {
            ink_of(self.quality)
        }
    }

    fn begin(&mut self) {
        self.undo.push(self.drawing.clone());
        if self.undo.len() > UNDO {
            self.undo.remove(0);
        }
    }

    fn paint(&mut self, spot: Spot) {
        let model = crate::body::shipped();
        let (id, p) = place(spot);
        let ink = self.ink();
        let r = f32::from(self.brush);
        match self
            .last
            .filter(|l| l.view == spot.view && l.side == spot.side)
        {
            Some(last) => {
                let (_, a) = place(last);
                let grid = crate::drawing::Grid::new(model, id);
                let ((u0, v0), (u1, v1)) = (grid.sample_of(a), grid.sample_of(p));
                let n = ((u1 - u0).abs().max((v1 - v0).abs()) / (r * 0.5).max(0.5)).ceil();
                let n = n.clamp(1.0, 400.0) as usize;
                for k in 1..=n {
                    let t = k as f32 / n as f32;
                    self.drawing.paint_at(
                        model,
                        id,
                        u0 + (u1 - u0) * t,
                        v0 + (v1 - v0) * t,
                        r,
                        ink,
                    );
                }
            }
            None => {
                self.drawing.paint(model, id, p, r, ink);
            }
        }
        self.last = Some(spot);
    }

    /// The extent shown while drawing: "extent 4.2%".
    pub fn extent_words(&self) -> String {
        let e = self.drawing.extent(crate::body::shipped());
        format!("extent {:.1}%", e.percent())
    }

    /// The tools in words, for the status bar.
    pub fn tools_words(&self) -> String {
        let what = if self.eraser {
            "eraser".to_owned()
        } else {
            self.quality.map_or("pain", Quality::as_str).to_owned()
        };
        format!("draw: {what}, brush {}", self.brush)
    }
}

/// Applies a draw message.
pub fn update(app: &mut App<'_>, msg: DrawMsg) -> Option<Effect> {
    match msg {
        DrawMsg::Toggle => {
            app.draw.on = !app.draw.on;
            app.status = if app.draw.on {
                format!(
                    "{} · drag or move to shade · + - brush · e eraser · u undo · p quality · w save · d done",
                    app.draw.tools_words()
                )
            } else {
                format!("drawing kept: {}", app.draw.extent_words())
            };
        }
        DrawMsg::Stroke { spot, start } => {
            if start {
                app.draw.begin();
                app.draw.last = None;
            }
            app.draw.paint(spot);
            app.status = format!("{} · {}", app.draw.tools_words(), app.draw.extent_words());
        }
        DrawMsg::CursorPaint(cursor, spot) => {
            app.cursor = Some(cursor);
            app.focus = super::app::Focus::Map;
            if let Some(spot) = spot {
                app.draw.begin();
                app.draw.paint(spot);
                follow(app);
            }
            app.draw.last = spot;
        }
        DrawMsg::End => {
            app.draw.last = None;
            follow(app);
        }
        DrawMsg::Brush(d) => {
            let b = i16::from(app.draw.brush) + i16::from(d);
            app.draw.brush = b.clamp(i16::from(*BRUSH.start()), i16::from(*BRUSH.end())) as u8;
            app.status = app.draw.tools_words();
        }
        DrawMsg::Eraser => {
            app.draw.eraser = !app.draw.eraser;
            app.status = app.draw.tools_words();
        }
        DrawMsg::Quality => {
            let all = Quality::ALL;
            app.draw.quality = match app.draw.quality {
                None => Some(all[0]),
                Some(q) => all
                    .iter()
                    .position(|&x| x == q)
                    .and_then(|i| all.get(i + 1))
                    .copied(),
            };
            app.draw.eraser = false;
            app.status = app.draw.tools_words();
        }
        DrawMsg::Undo => {
            if let Some(before) = app.draw.undo.pop() {
                app.draw.drawing = before;
                follow(app);
                app.status = format!("undone · {}", app.draw.extent_words());
            } else {
                "nothing to undo".clone_into(&mut app.status);
            }
        }
        DrawMsg::Save(now) => {
            let mut drawing = app.draw.drawing.clone();
            drawing.tidy();
            if drawing.is_empty() {
                "nothing drawn to save".clone_into(&mut app.status);
                return None;
            }
            let stamp = crate::date::Utc::from_unix(now)
                .stamp()
                .replace([' ', ':'], "-");
            let path = std::path::PathBuf::from(format!("painmap-drawing-{stamp}.json"));
            return Some(Effect::Write {
                path,
                bytes: json::to_json(&drawing).into_bytes(),
                replace: false,
            });
        }
    }
    None
}

/// The selection follows the drawing: the regions it put there before are taken out and
/// those it touches now put in (with the quality most of their shading carries); the
/// candidates are ranked again from the drawing.
fn follow(app: &mut App<'_>) {
    let model = crate::body::shipped();
    app.draw.drawing.tidy();
    let touched = app.draw.drawing.regions(model);
    let old = std::mem::take(&mut app.draw.derived);
    app.intake.selection.regions.retain(|r| !old.contains(r));
    for t in &touched {
        app.intake.selection.add(t.region.clone());
        if let Some(q) = t.quality {
            app.intake
                .notes
                .entry(t.region.clone())
                .or_default()
                .quality = Some(q);
        }
    }
    app.draw.derived = touched.into_iter().map(|t| t.region).collect();
    app.rerank();
    let words: Vec<String> = app
        .draw
        .derived
        .iter()
        .map(|r| crate::report::instance_words(app.atlas, r))
        .collect();
    app.status = format!(
        "{} · {} regions: {}",
        app.draw.extent_words(),
        words.len(),
        words.join(", ")
    );
}

/// The draw message a mouse event on the map means in draw mode.
pub fn mouse(
    kind: ratatui::crossterm::event::MouseEventKind,
    col: u16,
    row: u16,
    layout: &Layout,
) -> Option<Msg> {
    use ratatui::crossterm::event::{MouseButton, MouseEventKind as K};
    let map = layout.map.as_ref()?;
    let spot = map.spot_at_screen(col, row);
    Some(Msg::Draw(match kind {
        K::Down(MouseButton::Left) => DrawMsg::Stroke {
            spot: spot?,
            start: true,
        },
        K::Drag(MouseButton::Left) => DrawMsg::Stroke {
            spot: spot?,
            start: false,
        },
        K::Up(MouseButton::Left) => DrawMsg::End,
        _ => return None,
    }))
}

/// The draw message a key means in draw mode, if it is a draw key.
pub fn key(
    code: ratatui::crossterm::event::KeyCode,
    app: &App<'_>,
    layout: &Layout,
    now: i64,
) -> Option<Msg> {
    use ratatui::crossterm::event::KeyCode as C;
    let step = |dx: i16, dy: i16| {
        let map = layout.map.as_ref()?;
        let here = app.cursor_on(map.area.width, map.area.height);
        let x = (i32::from(here.x) + i32::from(dx))
            .clamp(0, i32::from(map.area.width.saturating_sub(1)));
        let y = (i32::from(here.y) + i32::from(dy))
            .clamp(0, i32::from(map.area.height.saturating_sub(1)));
        let c = Cursor {
            x: x as u16,
            y: y as u16,
        };
        Some(Msg::Draw(DrawMsg::CursorPaint(c, map.spot_at(c.x, c.y))))
    };
    Some(match code {
        C::Char('d') | C::Esc => Msg::Draw(DrawMsg::Toggle),
        C::Left | C::Char('h') => return step(-1, 0),
        C::Right | C::Char('l') => return step(1, 0),
        C::Up | C::Char('k') => return step(0, -1),
        C::Down | C::Char('j') => return step(0, 1),
        C::Char(' ') | C::Enter => return step(0, 0),
        C::Char('+' | '=') => Msg::Draw(DrawMsg::Brush(1)),
        C::Char('-') => Msg::Draw(DrawMsg::Brush(-1)),
        C::Char('e') => Msg::Draw(DrawMsg::Eraser),
        C::Char('u') => Msg::Draw(DrawMsg::Undo),
        C::Char('p') => Msg::Draw(DrawMsg::Quality),
        C::Char('w') => Msg::Draw(DrawMsg::Save(now)),
        _ => return None,
    })
}
