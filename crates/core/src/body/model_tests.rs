//! The body model's tests that need the core: the embedded model, rasters and the shipped atlas.

use crate::atlas::Side;
use crate::body::model::*;

#[test]
fn shipped_model_loads() {
    let m = BodyModel::parse(SHIPPED).unwrap();
    assert_eq!(m.views().len(), ViewId::ALL.len());
    for (v, id) in m.views().iter().zip(ViewId::ALL) {
        assert_eq!(v.id(), id);
    }
}

/// The embedded form is the model built from `data/body.ron` now, piece by piece.
#[test]
fn the_embedded_model_is_the_shipped_file() {
    let built = BodyModel::parse(SHIPPED).unwrap();
    let embedded = crate::body::shipped();
    assert_eq!(built.regions(), embedded.regions());
    for id in built.regions() {
        assert_eq!(built.is_midline(id), embedded.is_midline(id), "{id}");
    }
    assert_eq!(
        format!("{:?}", built.views()),
        format!("{:?}", embedded.views())
    );
    for id in built.regions() {
        assert_eq!(built.region_index(id), embedded.region_index(id), "{id}");
    }
    let mut ids: Vec<&str> = built.point_ids().collect();
    let mut theirs: Vec<&str> = embedded.point_ids().collect();
    ids.sort_unstable();
    theirs.sort_unstable();
    assert_eq!(ids, theirs);
    for id in ids {
        assert_eq!(built.points_of(id), embedded.points_of(id), "{id}");
    }
}

/// The mean column of a region's cells on a side, in a raster of the view.
fn mean_col(view: ViewId, side: Side, region: &str) -> f32 {
    try_mean_col(view, side, region)
        .unwrap_or_else(|| panic!("{region} not drawn in {view} for {side:?}"))
}

fn try_mean_col(view: ViewId, side: Side, region: &str) -> Option<f32> {
    use crate::body::raster::{Raster, Viewport};
    let m = crate::body::shipped();
    let r = Raster::new(m, Viewport::new(view, side, 120, 60));
    let idx = m.region_index(region).unwrap();
    let cols: Vec<f32> = r
        .cells_of(idx, Some(side))
        .map(|(c, _)| f32::from(c))
        .collect();
    (!cols.is_empty()).then(|| cols.iter().sum::<f32>() / cols.len() as f32)
}

/// domain.md: a close-up keeps the medial/lateral sense of the body view it
/// magnifies. The palm is seen as in the front view, the back of the hand as in the
/// back view, the top of the foot as in the front view, the sole from behind.
#[test]
fn close_ups_keep_the_sense_of_the_body_view() {
    // (view, lateral or medial digit, the one across the hand or foot, whether the
    // first lies on the viewer's left for a RIGHT hand or foot)
    let cases = [
        (ViewId::HandPalm, "thumb", "little-finger", true),
        (ViewId::HandBack, "thumb", "little-finger", false),
        (ViewId::FootTop, "big-toe", "lesser-toes", false),
        (ViewId::FootSole, "big-toe", "lesser-toes", true),
    ];
    for (view, a, b, left_for_right) in cases {
        for side in Side::BOTH {
            let on_left = mean_col(view, side, a) < mean_col(view, side, b);
            assert_eq!(
                on_left,
                left_for_right == (side == Side::Right),
                "{view} {side:?}: {a} vs {b}"
            );
        }
    }
    // The same sense in the whole-body views: in the front view the right thumb is
    // further to the viewer's left than the right little finger; in the back view the
    // right thumb is further to the viewer's right.
    let front = |region| mean_col(ViewId::Front, Side::Right, region);
    let back = |region| mean_col(ViewId::Back, Side::Right, region);
    assert!(front("thumb") < front("little-finger"));
    assert!(back("thumb") > back("little-finger"));
    assert!(front("big-toe") > front("lesser-toes"));
    // Every close-up names its side.
    let m = crate::body::shipped();
    for v in m.views().iter().filter(|v| !v.is_bilateral()) {
        assert!(
            v.title(Side::Right).contains("ight"),
            "{}",
            v.title(Side::Right)
        );
        assert!(
            v.title(Side::Left).contains("eft"),
            "{}",
            v.title(Side::Left)
        );
    }
}

/// The patient's right is on the viewer's left in the front views, on the viewer's
/// right in the back view.
#[test]
fn front_and_back_views_put_the_sides_where_the_viewer_sees_them() {
    let mut checked = 0;
    for (view, right_on_left) in [
        (ViewId::Front, true),
        (ViewId::Back, false),
        (ViewId::HeadFront, true),
    ] {
        let m = crate::body::shipped();
        assert_eq!(
            m.view(view).viewer_left(),
            Some(if right_on_left {
                Side::Right
            } else {
                Side::Left
            })
        );
        for region in ["ear", "shoulder-top", "thumb", "heel", "temple"] {
            let Some(i) = m.region_index(region) else {
                continue;
            };
            if !m.view(view).draws(i) {
                continue;
            }
            let (Some(r), Some(l)) = (
                try_mean_col(view, Side::Right, region),
                try_mean_col(view, Side::Left, region),
            ) else {
                continue;
            };
            checked += 1;
            assert_eq!(r < l, right_on_left, "{view} {region}");
        }
    }
    assert!(checked >= 9, "{checked}");
}

#[test]
fn midline_matches_the_vocabulary() {
    let regions = crate::body::testutil::vocabulary();
    let m = crate::body::shipped();
    for r in &regions {
        assert!(
            m.region_index(&r.id).is_some(),
            "region `{}` is not drawn",
            r.id
        );
        assert_eq!(m.is_midline(&r.id), r.midline, "midline flag of `{}`", r.id);
    }
    for id in m.regions() {
        assert!(
            regions.iter().any(|r| &r.id == id),
            "body.ron draws unknown region `{id}`"
        );
    }
}

#[test]
fn syntax_errors_name_line_and_column() {
    let err = BodyModel::parse("BodyModel(\n  nope: 1,\n)").unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("data/body.ron:2:"), "{msg}");
}

/// The X rule over every trigger point of the atlas, every view and both sides: the X
/// is drawn only inside the point's location region as that view draws it, and in
/// every view that draws that region whole.
#[test]
fn every_x_lies_on_its_location_in_every_view_that_shows_it() {
    let atlas = crate::atlas::Atlas::shipped().unwrap();
    let m = crate::body::shipped();
    let mut wrong = Vec::new();
    let mut shown = 0;
    for (_, tp) in atlas.trigger_points() {
        let loc = m.region_index(&tp.location).unwrap();
        let sides: &[Option<Side>] = if m.is_midline(&tp.location) {
            &[None]
        } else {
            &[Some(Side::Left), Some(Side::Right)]
        };
        for view in ViewId::ALL {
            let v = m.view(view);
            for &side in sides {
                let at = m.trigger_point_at(&tp.id, &tp.location, view, side);
                let drawn = v.shapes_of(loc, side).next().is_some();
                match at {
                    Some(p) => {
                        shown += 1;
                        let seen = v.region_at(p, side.unwrap_or(Side::Right));
                        if !drawn || !v.shows(p, loc, side) {
                            wrong.push(format!(
                                "{} {view} {side:?}: X at {p:?} shows {:?}, not {}",
                                tp.id,
                                seen.map(|(r, _)| m.region_id(r)),
                                tp.location
                            ));
                        }
                    }
                    // The side of the body marks the points whose patterns it draws.
                    None if v.draws_whole(loc)
                        && m.face_of(&tp.id).is_none_or(|f| view.sees(f))
                        && (view != ViewId::BodySide || m.has_zones(&tp.id, view)) =>
                    {
                        let p = m.position_in(&tp.id, loc, view, side);
                        let seen = p.and_then(|p| v.region_at(p, side.unwrap_or(Side::Right)));
                        wrong.push(format!(
                            "{} {view} {side:?}: no X, though the view draws {} (at {p:?}: {:?})",
                            tp.id,
                            tp.location,
                            seen.map(|(r, s)| (m.region_id(r), s))
                        ));
                    }
                    None => {}
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert!(shown > 300, "{shown}");
    for id in m.point_ids() {
        assert!(
            atlas.trigger_points().any(|(_, tp)| tp.id == id),
            "point for unknown trigger point `{id}`"
        );
    }
}

/// The cases that were wrong: a close-up that does not hold the point shows no X.
#[test]
fn a_close_up_without_the_point_shows_no_x() {
    let atlas = crate::atlas::Atlas::shipped().unwrap();
    let m = crate::body::shipped();
    let tp = |id: &str| {
        atlas
            .trigger_points()
            .map(|(_, tp)| tp)
            .find(|tp| tp.id == id)
            .unwrap()
    };
    for (id, body) in [
        ("tibialis-anterior-1", ViewId::Front),
        ("extensor-carpi-radialis-longus-1", ViewId::Back),
        ("extensor-digitorum-1", ViewId::Back),
    ] {
        let t = tp(id);
        for side in Side::BOTH {
            assert!(
                m.trigger_point_at(id, &t.location, body, Some(side))
                    .is_some()
            );
            for &close in CLOSE_UPS_FOR_TEST {
                assert_eq!(
                    m.trigger_point_at(id, &t.location, close, Some(side)),
                    None,
                    "{id} in {close}"
                );
            }
        }
    }
    // A point with no authored position (an atlas of its own) still shows, at its
    // region's anchor, where the region is drawn whole, and nowhere it is not.
    let jaw = m.region_index("jaw").unwrap();
    let p = m.trigger_point_at("no-such-point", "jaw", ViewId::HeadFront, Some(Side::Left));
    assert!(p.is_some_and(|p| m.view(ViewId::HeadFront).shows(p, jaw, Some(Side::Left))));
    assert_eq!(
        m.trigger_point_at("no-such-point", "jaw", ViewId::HandPalm, Some(Side::Left)),
        None
    );
}

/// The X rule knows depth and side, over every trigger point of the atlas: a point is
/// marked only on a view that sees the surface it lies under, never on the opposite one;
/// and the cases that were wrong (anterior gluteus minimus on the back of the buttock, the
/// sternal SCM on the back of the neck, the first dorsal interosseous on the palm) show
/// no X there, while each still shows on its own surface.
#[test]
fn a_point_is_never_marked_on_the_opposite_surface() {
    let atlas = crate::atlas::Atlas::shipped().unwrap();
    let m = crate::body::shipped();
    let mut wrong = Vec::new();
    for (_, tp) in atlas.trigger_points() {
        let Some(face) = m.face_of(&tp.id) else {
            continue;
        };
        for view in ViewId::ALL {
            for side in Side::BOTH {
                if m.trigger_point_at(&tp.id, &tp.location, view, Some(side))
                    .is_some()
                    && !view.sees(face)
                {
                    wrong.push(format!("{} ({face:?}) marked in {view}", tp.id));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    let at = |id: &str, view| {
        let tp = atlas
            .trigger_points()
            .map(|(_, tp)| tp)
            .find(|tp| tp.id == id)
            .unwrap();
        m.trigger_point_at(id, &tp.location, view, Some(Side::Right))
    };
    for (id, own, opposite) in [
        ("gluteus-minimus-anterior", ViewId::Front, ViewId::Back),
        ("sternocleidomastoid-sternal", ViewId::Front, ViewId::Back),
        (
            "first-dorsal-interosseous-1",
            ViewId::HandBack,
            ViewId::HandPalm,
        ),
        ("first-dorsal-interosseous-1", ViewId::Back, ViewId::Front),
    ] {
        assert!(at(id, own).is_some(), "{id} not on {own}");
        assert_eq!(at(id, opposite), None, "{id} on {opposite}");
    }
}

/// A position authored on a view that cannot see the point's surface is an error when
/// the model is built, not a mark quietly dropped.
#[test]
fn a_point_authored_on_the_wrong_surface_is_an_error() {
    let text = crate::body::model::SHIPPED.replace(
        r#""gluteus-minimus-anterior": [(Front, 32.7, 111),"#,
        r#""gluteus-minimus-anterior": [(Front, 32.7, 111), (Back, 33.1, 109.5),"#,
    );
    assert_ne!(text, crate::body::model::SHIPPED);
    let err = BodyModel::parse(&text).unwrap_err().to_string();
    assert!(
        err.contains("gluteus-minimus-anterior") && err.contains("Back"),
        "{err}"
    );
}

const CLOSE_UPS_FOR_TEST: &[ViewId] = crate::body::frame::CLOSE_UPS;

#[test]
fn trigger_points_lie_inside_the_body() {
    let m = crate::body::shipped();
    let mut outside = Vec::new();
    for id in m.point_ids() {
        for p in m.points_of(id) {
            let v = m.view(p.view);
            let d = v.drawing(v.authored);
            if !d.outline.iter().any(|o| o.contains(p.at)) {
                outside.push(format!("{id} {:?} {:?}", p.view, p.at));
            }
        }
    }
    assert!(outside.is_empty(), "outside the body: {outside:#?}");
}

#[test]
fn anchors_lie_inside_the_body() {
    let m = crate::body::shipped();
    for v in m.views() {
        for side in Side::BOTH {
            let d = v.drawing(side);
            for s in &d.shapes {
                if s.weight > 0.0 {
                    assert!(
                        d.outline.iter().any(|p| p.contains(s.anchor)),
                        "{:?} {} anchor outside",
                        v.id(),
                        m.region_id(s.region)
                    );
                }
            }
        }
    }
}
