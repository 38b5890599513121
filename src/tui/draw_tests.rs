//! Draw mode: mouse drags and the keyboard shade the body, and the same body area drawn
//! at 80x24 and at 120x40 gives the same regions and the same ranking.

#![allow(
    clippy::many_single_char_names,
    reason = "plane geometry: p, q, u, v, w, h"
)]

use super::app::App;
use super::draw::DrawMsg;
use super::msg::Msg;
use super::testkit::Harness;
use crate::atlas::{Atlas, RegionInstance, Side};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::sync::OnceLock;

fn atlas() -> &'static Atlas {
    static A: OnceLock<Atlas> = OnceLock::new();
    A.get_or_init(|| Atlas::shipped().unwrap())
}

fn mouse(h: &mut Harness<App<'static>>, kind: MouseEventKind, col: u16, row: u16) -> Option<Msg> {
    h.event(&Event::Mouse(MouseEvent {
        kind,
        column: col,
        row,
        modifiers: KeyModifiers::NONE,
    }))
}

/// The screen cells of a region instance in the front view (the map's left half).
fn front_cells(h: &Harness<App<'static>>, region: &RegionInstance) -> Vec<(u16, u16)> {
    let map = h.layout.map.as_ref().unwrap();
    let half = map.area.width / 2;
    (0..map.area.height)
        .flat_map(|y| (0..half).map(move |x| (x, y)))
        .filter(|&(x, y)| map.region_at(x, y) == Some(region))
        .map(|(x, y)| (map.area.x + x, map.area.y + y))
        .collect()
}

/// The view point (thousandths) at the middle of a region instance's front-view cells.
fn centre(h: &Harness<App<'static>>, region: &RegionInstance) -> (f64, f64) {
    let map = h.layout.map.as_ref().unwrap();
    let spots: Vec<_> = front_cells(h, region)
        .into_iter()
        .filter_map(|(c, r)| map.spot_at_screen(c, r))
        .collect();
    assert!(!spots.is_empty(), "{region:?}");
    let n = spots.len() as f64;
    (
        spots.iter().map(|s| f64::from(s.x)).sum::<f64>() / n,
        spots.iter().map(|s| f64::from(s.y)).sum::<f64>() / n,
    )
}

/// The screen cell of the front view whose view point is nearest to `p`.
fn nearest(h: &Harness<App<'static>>, p: (f64, f64)) -> (u16, u16) {
    let map = h.layout.map.as_ref().unwrap();
    let half = map.area.width / 2;
    (0..map.area.height)
        .flat_map(|y| (0..half).map(move |x| (x, y)))
        .filter_map(|(x, y)| map.spot_at(x, y).map(|s| ((x, y), s)))
        .min_by(|a, b| {
            let d = |s: &super::layout::Spot| {
                (f64::from(s.x) - p.0).powi(2) + (f64::from(s.y) - p.1).powi(2)
            };
            d(&a.1).total_cmp(&d(&b.1))
        })
        .map(|((x, y), _)| (map.area.x + x, map.area.y + y))
        .unwrap()
}

/// The body line drawn: from the middle of the left chest to the middle of the
/// left mid abdomen (the left front of the trunk), in the front view's own coordinates (measured once, at 120x40).
fn line() -> [(f64, f64); 2] {
    let h = Harness::start(App::new(atlas()), 120, 40);
    [
        centre(&h, &RegionInstance::new("chest", Some(Side::Left))),
        centre(&h, &RegionInstance::new("mid-abdomen", Some(Side::Left))),
    ]
}

/// Drags along the same body line at a terminal size and returns the regions and the
/// first five candidates.
fn drag_leg(w: u16, hgt: u16) -> (Vec<RegionInstance>, Vec<String>, String) {
    let [a, b] = line();
    let mut h = Harness::start(App::new(atlas()), w, hgt);
    h.ch('d');
    assert!(h.app.draw.on);
    let mut path: Vec<(u16, u16)> = Vec::new();
    for k in 0..=24 {
        let t = f64::from(k) / 24.0;
        let cell = nearest(&h, (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
        if path.last() != Some(&cell) {
            path.push(cell);
        }
    }
    let (c0, r0) = path[0];
    let down = mouse(&mut h, MouseEventKind::Down(MouseButton::Left), c0, r0);
    assert!(
        matches!(down, Some(Msg::Draw(DrawMsg::Stroke { start: true, .. }))),
        "{down:?}"
    );
    for &(c, r) in &path[1..] {
        mouse(&mut h, MouseEventKind::Drag(MouseButton::Left), c, r);
    }
    let (c, r) = *path.last().unwrap();
    mouse(&mut h, MouseEventKind::Up(MouseButton::Left), c, r);
    let mut regions = h.app.intake.selection.regions.clone();
    regions.sort();
    let top: Vec<String> = h
        .app
        .candidates()
        .iter()
        .take(5)
        .map(|p| format!("{} {:?}", p.item.muscle.id, p.item.side))
        .collect();
    (regions, top, h.screen())
}

#[test]
fn the_same_drag_at_80x24_and_120x40_gives_the_same_regions_and_ranking() {
    let (small, small_top, screen) = drag_leg(80, 24);
    let (large, large_top, _) = drag_leg(120, 40);
    assert!(
        small.contains(&RegionInstance::new("chest", Some(Side::Left))),
        "{small:?}"
    );
    assert_eq!(small, large);
    assert_eq!(small_top, large_top);
    assert!(
        screen.contains("extent"),
        "the map shows the extent: {screen}"
    );
}

#[test]
fn keys_paint_undo_erase_and_save() {
    let mut h = Harness::start(App::new(atlas()), 100, 30);
    h.ch('d');
    h.key(KeyCode::Down);
    h.key(KeyCode::Down);
    assert!(
        !h.app.draw.drawing.is_empty(),
        "the cursor paints as it moves"
    );
    let two = h.app.draw.drawing.clone();
    h.key(KeyCode::Down);
    assert_ne!(h.app.draw.drawing, two);
    h.ch('u');
    assert_eq!(h.app.draw.drawing, two, "undo takes the last step back");
    h.ch('+');
    assert_eq!(h.app.draw.brush, 3);
    h.ch('p');
    assert_eq!(h.app.draw.quality, Some(crate::intake::Quality::Aching));
    h.ch('e');
    assert!(h.app.draw.eraser);
    h.key(KeyCode::Char(' '));
    h.key(KeyCode::Up);
    h.key(KeyCode::Up);
    h.key(KeyCode::Up);
    assert!(
        h.app.draw.drawing.is_empty(),
        "the eraser takes it all away"
    );
    assert!(h.app.intake.selection.regions.is_empty());
    h.ch('e');
    h.key(KeyCode::Char(' '));
    let saved = super::draw::update(&mut h.app, DrawMsg::Save(0));
    let Some(super::msg::Effect::Write { bytes, replace, .. }) = saved else {
        panic!("w writes the drawing");
    };
    assert!(!replace);
    let back = crate::drawing::json::parse(std::str::from_utf8(&bytes).unwrap()).unwrap();
    let mut d = h.app.draw.drawing.clone();
    d.tidy();
    assert_eq!(back, d);
    // d leaves draw mode; the drawing stays.
    h.ch('d');
    assert!(!h.app.draw.on);
    assert!(!h.app.draw.drawing.is_empty());
}
