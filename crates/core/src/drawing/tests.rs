//! Drawings: extent and Jaccard against hand-computed values, the file format, the regions
//! derived, and the ranking (one region ranks as selected; a pattern finds its muscle).

use super::*;
use crate::atlas::{Atlas, Side};
use crate::body::ViewId;
use crate::body::overlay::{ESSENTIAL, Overlay};
use crate::rank::{Selection, rank, rank_drawing};

fn model() -> &'static BodyModel {
    crate::body::shipped()
}

fn front() -> SheetId {
    SheetId::new(model(), ViewId::Front, Side::Left)
}

/// The top-left sample of an `n` by `n` block wholly on the body of the front view.
fn block_on_body(n: usize) -> (usize, usize) {
    let grid = Grid::new(model(), front());
    let (w, h) = grid.size();
    for j in h / 4..h {
        for i in 0..w.saturating_sub(n) {
            if (j..j + n).all(|y| (i..i + n).all(|x| grid.on_body(x, y))) {
                return (i, j);
            }
        }
    }
    panic!("no {n}x{n} block on the body");
}

fn fill(d: &mut Drawing, i0: usize, j0: usize, w: usize, h: usize, ink: Ink) {
    let s = d.sheet_mut(model(), front());
    for j in j0..j0 + h {
        for i in i0..i0 + w {
            let k = j * s.width + i;
            s.inks[k] = ink;
        }
    }
}

fn body_samples() -> usize {
    [ViewId::Front, ViewId::Back]
        .iter()
        .map(|&v| {
            let g = Grid::new(model(), SheetId::new(model(), v, Side::Left));
            let (w, h) = g.size();
            (0..h)
                .flat_map(|j| (0..w).map(move |i| (i, j)))
                .filter(|&(i, j)| g.on_body(i, j))
                .count()
        })
        .sum()
}

#[test]
fn extent_and_jaccard_of_two_squares_are_the_hand_computed_ones() {
    let (i, j) = block_on_body(12);
    // A: 10x10 at (i, j), its left half aching, its right half burning.
    let mut a = Drawing::default();
    fill(&mut a, i, j, 5, 10, ink_of(Some(Quality::Aching)));
    fill(&mut a, i + 5, j, 5, 10, ink_of(Some(Quality::Burning)));
    // B: 10x10 two samples to the right: overlap 8x10 = 80, union 120.
    let mut b = Drawing::default();
    fill(&mut b, i + 2, j, 10, 10, PAIN);
    let body = body_samples();
    assert_eq!(a.extent(model()), Extent { shaded: 100, body });
    let per_view = a.extent_per_view(model());
    assert_eq!(per_view.len(), 1);
    assert_eq!(per_view[0].1.shaded, 100);
    assert!(per_view[0].1.body < body);
    assert_eq!(a.quality_extent(model(), Some(Quality::Aching)).shaded, 50);
    assert_eq!(a.quality_extent(model(), Some(Quality::Burning)).shaded, 50);
    assert_eq!(a.quality_extent(model(), None).shaded, 0);
    assert_eq!(b.quality_extent(model(), None).shaded, 100);
    let pct = a.extent(model()).percent();
    assert!((pct - 100.0 * 100.0 / body as f64).abs() < 1e-9, "{pct}");
    assert_eq!(a.jaccard(&b, model()), Some(80.0 / 120.0));
    assert_eq!(b.jaccard(&a, model()), Some(80.0 / 120.0));
    assert_eq!(a.jaccard(&a, model()), Some(1.0));
    assert_eq!(a.jaccard(&Drawing::default(), model()), Some(0.0));
    assert_eq!(
        Drawing::default().jaccard(&Drawing::default(), model()),
        None
    );
}

#[test]
fn shading_off_the_body_counts_nowhere() {
    let mut d = Drawing::default();
    // The top-left corner of the front view is outside the silhouette.
    fill(&mut d, 0, 0, 3, 3, PAIN);
    assert_eq!(d.extent(model()).shaded, 0);
    assert!(d.regions(model()).is_empty());
}

#[test]
fn a_brush_disc_paints_the_samples_within_its_radius() {
    let mut d = Drawing::default();
    assert!(d.paint_at(model(), front(), 10.5, 20.5, 1.0, PAIN));
    // The centre and its four neighbours (distance 1), not the diagonals (1.41).
    let s = d.sheet(front()).unwrap();
    let painted: usize = s.inks.iter().filter(|&&k| k != NONE).count();
    assert_eq!(painted, 5);
    assert_eq!(s.at(10, 20), PAIN);
    assert_eq!(s.at(11, 21), NONE);
    // Painting the same again changes nothing; erasing clears it.
    assert!(!d.paint_at(model(), front(), 10.5, 20.5, 1.0, PAIN));
    assert!(d.paint_at(model(), front(), 10.5, 20.5, 2.0, NONE));
    d.tidy();
    assert!(d.is_empty());
}

/// A drawing shading every sample of a region instance on the whole-body views.
fn region_drawing(region: &RegionInstance) -> Drawing {
    let mut d = Drawing::default();
    for view in [ViewId::Front, ViewId::Back] {
        let id = SheetId::new(model(), view, Side::Left);
        let grid = Grid::new(model(), id);
        let (w, h) = grid.size();
        for j in 0..h {
            for i in 0..w {
                if grid.region(i, j).as_ref() == Some(region) {
                    d.sheet_mut(model(), id).inks[j * w + i] = PAIN;
                }
            }
        }
    }
    d.tidy();
    d
}

#[test]
fn a_shaded_region_is_the_region_it_derives() {
    let r = RegionInstance::new("thigh-outer", Some(Side::Left));
    let d = region_drawing(&r);
    let touched: Vec<RegionInstance> = d.regions(model()).into_iter().map(|t| t.region).collect();
    assert_eq!(touched, [r]);
}

#[test]
fn a_single_shaded_region_ranks_as_that_region_selected() {
    let atlas = &Atlas::shipped().unwrap();
    let mut checked = 0;
    for region in [
        "thigh-outer",
        "temple",
        "chest",
        "calf",
        "low-back",
        "buttock",
        "shoulder-top",
    ] {
        let r = RegionInstance::new(region, Some(Side::Left));
        let d = region_drawing(&r);
        let today = rank(atlas, &Selection::of([r.clone()]), 10);
        let drawn = rank_drawing(atlas, &d, &Selection::default(), 10);
        // Same muscles on the same sides in the same places; only what was a true tie
        // may be ordered by the drawing.
        let key = |rank: usize, m: &str, s: Option<Side>| (rank, m.to_owned(), s);
        let mut a: Vec<_> = today
            .candidates
            .iter()
            .map(|p| key(p.rank, &p.item.muscle.id, p.item.side))
            .collect();
        let mut b: Vec<_> = drawn
            .ranking
            .candidates
            .iter()
            .map(|p| key(p.rank, &p.item.candidate.muscle.id, p.item.candidate.side))
            .collect();
        // Rank numbers may split a tie: compare the groups of today's ties as sets.
        for (x, p) in a.iter_mut().zip(&today.candidates) {
            x.0 = p.rank;
        }
        for (y, x) in b.iter_mut().zip(a.iter()) {
            y.0 = x.0;
        }
        a.sort();
        b.sort();
        assert_eq!(a, b, "{region}");
        checked += 1;
    }
    assert_eq!(checked, 7);
}

/// Shifts a row-major mask by (dx, dy) samples.
fn shifted(mask: &[bool], w: usize, h: usize, dx: isize, dy: isize) -> Vec<bool> {
    let mut out = vec![false; mask.len()];
    for j in 0..h {
        for i in 0..w {
            let (x, y) = (i as isize - dx, j as isize - dy);
            if x >= 0 && y >= 0 && (x as usize) < w && (y as usize) < h {
                out[j * w + i] = mask[y as usize * w + x as usize];
            }
        }
    }
    out
}

/// For every trigger point: its own essential zone, rasterised on every view that shows
/// it and shifted by 3% across and 2% down, ranks its muscle in the first three.
#[test]
fn a_drawn_essential_zone_finds_its_own_muscle() {
    let atlas = &Atlas::shipped().unwrap();
    let sheets: Vec<(SheetId, Grid<'_>)> = ViewId::ALL
        .iter()
        .map(|&v| {
            let id = SheetId::new(model(), v, Side::Right);
            (id, Grid::new(model(), id))
        })
        .collect();
    let (mut found, mut all, mut misses) = (0usize, 0usize, Vec::new());
    for (m, tp) in atlas.trigger_points() {
        let mut overlay = Overlay::of_point(atlas, tp, Side::Right);
        overlay.spillover.clear();
        overlay.trigger_points.clear();
        let mut d = Drawing::default();
        for (id, grid) in &sheets {
            let (w, h) = grid.size();
            let marks = grid.zone_marks(&overlay);
            let mask: Vec<bool> = marks.iter().map(|m| m & ESSENTIAL != 0).collect();
            if !mask.iter().any(|&b| b) {
                continue;
            }
            let (dx, dy) = (
                (w as f64 * 0.03).round() as isize,
                (h as f64 * 0.02).round() as isize,
            );
            let moved = shifted(&mask, w, h, dx, dy);
            let sheet = d.sheet_mut(model(), *id);
            for (k, on) in moved.into_iter().enumerate() {
                if on {
                    sheet.inks[k] = PAIN;
                }
            }
        }
        d.tidy();
        all += 1;
        let r = rank_drawing(atlas, &d, &Selection::default(), 3);
        if r.ranking.items().any(|c| c.candidate.muscle.id == m.id) {
            found += 1;
        } else {
            misses.push(format!(
                "{} [{} ess, {} touched] -> {}",
                tp.id,
                tp.essential.len(),
                r.touched.len(),
                r.ranking
                    .items()
                    .map(|c| c.candidate.muscle.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    let share = found as f64 / all.max(1) as f64;
    println!(
        "self-find: {found} of {all} ({:.1}%) in the first 3",
        share * 100.0
    );
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(all > 100, "{all}");
    // The floor measured (141 of 192, 143 before zones had shapes of their own): where
    // several patterns share the same essential regions, the ranking's region score
    // and the guides still decide. The target is 95%.
    assert!(share >= 0.73, "{found} of {all}");
}

#[test]
fn the_file_round_trips_and_bad_files_name_line_and_column() {
    let (i, j) = block_on_body(6);
    let mut d = Drawing::default();
    fill(&mut d, i, j, 4, 4, ink_of(Some(Quality::Tingling)));
    fill(&mut d, i + 4, j, 2, 4, PAIN);
    let text = json::to_json(&d);
    assert_eq!(json::parse(&text).unwrap(), d);
    // A bad character: its row's line.
    let bad = text.replacen("tttt", "ttxt", 1);
    let e = json::parse(&bad).unwrap_err();
    let line = bad.lines().position(|l| l.contains("ttxt")).unwrap() + 1;
    // serde places the error where the row's string ends, before or after its comma.
    assert!(
        e.line == line || e.line == line + 1,
        "{e} (row on line {line})"
    );
    assert!(e.message.contains("'x'"), "{e}");
    // Not JSON at all; a wrong size; a wrong format.
    let e = json::parse("{\n  \"format\": ").unwrap_err();
    assert_eq!(e.line, 2, "{e}");
    let e = json::parse(&text.replacen("\"width\": ", "\"width\": 1", 1)).unwrap_err();
    assert!(e.message.contains("grid"), "{e}");
    let e = json::parse(&text.replacen("painmap-drawing", "other", 1)).unwrap_err();
    assert!(e.message.contains("not a painmap drawing"), "{e}");
    assert!(!e.to_string().contains(" at line "), "{e}");
}
