//! The shipped layers: decoded as built, and the fits the issue names.

use super::fit::{fit_mask, fits, good_fits, raise};
use super::paint::{owners, text_lines};
use super::picture::svg;
use super::*;
use crate::atlas::{Atlas, RegionInstance, Side};
use crate::body::glyphs::Glyphs;
use crate::body::raster::{Raster, Viewport};

fn atlas() -> Atlas {
    Atlas::shipped().unwrap()
}

fn sel(side: Option<Side>, regions: &[&str]) -> Vec<RegionInstance> {
    regions
        .iter()
        .map(|r| RegionInstance::new(*r, side))
        .collect()
}

const DERMATOMES: [&str; 26] = [
    "C2", "C3", "C4", "C5", "C6", "C7", "C8", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9",
    "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2",
];

#[test]
fn the_embedded_layers_are_the_shipped_file() {
    let atlas = atlas();
    let file: painmap_model::layers::LayersFile = painmap_model::ron_file::from_ron(
        include_str!("../../../../data/layers.ron"),
        "data/layers.ron",
    )
    .unwrap();
    let regions: Vec<String> = atlas.regions().iter().map(|r| r.id.clone()).collect();
    let flags: Vec<String> = atlas.red_flags().iter().map(|f| f.id.clone()).collect();
    let body = crate::body::model::BodyModel::parse(crate::body::model::SHIPPED).unwrap();
    let vocab = painmap_model::layers::Vocabulary {
        regions: &regions,
        flags: &flags,
        body: &body,
    };
    let built = Layers::build(file, &vocab).unwrap();
    assert_eq!(&built, shipped());
    let ids: Vec<&str> = shipped()
        .of(Kind::Dermatome)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, DERMATOMES.to_vec(), "C2 to S2, in order");
    for organ in [
        "heart",
        "gallbladder-liver",
        "kidney-ureter",
        "pancreas",
        "appendix",
        "diaphragm",
    ] {
        assert!(shipped().of(Kind::Organ).any(|e| e.id == organ), "{organ}");
    }
    assert!(shipped().of(Kind::Nerve).count() >= 10);
}

#[test]
fn the_s1_stripe_fits_s1_and_no_other_dermatome_as_well() {
    let s = sel(
        Some(Side::Left),
        &["thigh-back", "calf", "heel", "foot-outer", "lesser-toes"],
    );
    let good = good_fits(shipped(), &s);
    let first = good
        .iter()
        .find(|f| f.entry.kind == Kind::Dermatome)
        .expect("a dermatome fits");
    assert_eq!(first.entry.id, "S1");
    assert_eq!(first.side, Some(Side::Left));
    assert_eq!(first.explained.len(), 5);
    // The same stripe on the right side does not fit the left root.
    let all = fits(shipped(), &s, &[Kind::Dermatome]);
    assert!(
        all.iter()
            .all(|f| f.side != Some(Side::Right) || f.entry.id != "S1")
    );
    // A single region says nothing about a pattern.
    assert!(good_fits(shipped(), &sel(Some(Side::Left), &["calf"])).is_empty());
}

#[test]
fn thumb_and_index_finger_fit_c6_and_the_median_nerve() {
    let s = sel(Some(Side::Right), &["thumb", "index-finger"]);
    let good = good_fits(shipped(), &s);
    let ids: Vec<&str> = good.iter().map(|f| f.entry.id.as_str()).collect();
    assert!(ids.contains(&"C6"), "{ids:?}");
    assert!(ids.contains(&"median"), "{ids:?}");
    assert!(!ids.contains(&"C8") && !ids.contains(&"ulnar"), "{ids:?}");
}

#[test]
fn left_arm_and_jaw_fit_the_heart_and_raise_the_cardiac_flag() {
    let atlas = atlas();
    let s = sel(Some(Side::Left), &["upper-arm-inner", "jaw"]);
    let good = good_fits(shipped(), &s);
    assert!(good.iter().any(|f| f.entry.id == "heart"), "{good:?}");
    let mut raised = Vec::new();
    raise(&atlas, &good, &mut raised);
    assert_eq!(
        raised
            .iter()
            .map(|r| r.flag.id.as_str())
            .collect::<Vec<_>>(),
        ["cardiac"]
    );
    // The heart is on the left: the right arm and jaw do not fit it.
    let right = good_fits(
        shipped(),
        &sel(Some(Side::Right), &["upper-arm-inner", "jaw"]),
    );
    assert!(!right.iter().any(|f| f.entry.id == "heart"));
    // And a flag already raised is not raised twice.
    raise(&atlas, &good, &mut raised);
    assert_eq!(raised.len(), 1);
    // The inner elbow and forearm alone (a golfer's elbow) lie in the heart's zone but
    // reach one of its areas only: no flag.
    let elbow = good_fits(
        shipped(),
        &sel(
            Some(Side::Left),
            &["elbow-inner", "forearm-little-finger-side"],
        ),
    );
    assert!(elbow.iter().any(|f| f.entry.id == "heart"));
    let mut none = Vec::new();
    raise(&atlas, &elbow, &mut none);
    assert!(none.is_empty());
}

#[test]
fn every_dermatome_is_drawn_and_named_on_the_whole_body() {
    let doc = svg(crate::body::shipped(), shipped(), Kind::Dermatome);
    let front = doc.split("<g data-view=\"Back\"").next().unwrap();
    for d in &DERMATOMES {
        assert!(
            doc.contains(&format!("<polygon data-dermatome=\"{d}\"")),
            "{d}"
        );
        assert!(
            doc.contains(&format!("class=\"label\" data-dermatome=\"{d}\"")),
            "{d} is named"
        );
        assert!(doc.contains(&format!(">{d}<title>")), "{d}'s name as text");
    }
    // Both whole-body views carry the bands; S2 is a back-of-thigh band, the rest show
    // on the front too.
    for d in &DERMATOMES[..25] {
        assert!(
            front.contains(&format!("data-dermatome=\"{d}\"")),
            "{d} on the front"
        );
    }
    let back = doc.split("<g data-view=\"Back\"").nth(1).unwrap();
    for d in ["C2", "C6", "T4", "T10", "L4", "S1", "S2"] {
        assert!(
            back.contains(&format!("data-dermatome=\"{d}\"")),
            "{d} on the back"
        );
    }
    assert!(doc.contains("Lee, McPhee &amp; Stringer"));
}

#[test]
fn a_shaded_mask_of_a_band_fits_that_band() {
    let model = crate::body::shipped();
    let raster = Raster::new(model, Viewport::new(ViewId::Back, Side::Left, 60, 60));
    let own = owners(shipped(), Kind::Dermatome, &raster);
    let s1 = shipped().entries.iter().position(|e| e.id == "S1").unwrap();
    let mask: Vec<bool> = own.iter().map(|o| *o == Some((s1, Side::Left))).collect();
    assert!(mask.iter().filter(|m| **m).count() > 20);
    let fits = fit_mask(shipped(), &raster, &mask);
    assert_eq!(fits[0].entry.id, "S1");
    assert_eq!(fits[0].side, Some(Side::Left));
    assert!(fits[0].score > 0.9, "{}", fits[0].score);
    assert!(fits[0].explained.iter().any(|r| r.region == "calf"));
}

#[test]
fn the_text_picture_labels_the_bands_and_fits_its_width() {
    for width in [80u16, 120] {
        let lines = text_lines(
            crate::body::shipped(),
            shipped(),
            Kind::Dermatome,
            width,
            Glyphs::Ascii,
            None,
        );
        let text = lines.join("\n");
        let legend = super::paint::legend(shipped(), Kind::Dermatome, width, true);
        let picture = &lines[..lines.len() - legend.len() - 1];
        for line in &lines {
            assert!(line.chars().count() <= usize::from(width), "{line}");
            assert!(line.is_ascii(), "{line}");
        }
        for d in ["C6", "T4", "L5", "S1"] {
            assert!(
                picture.iter().any(|l| l.contains(d)),
                "{width}: {d} labelled\n{text}"
            );
        }
    }
}
