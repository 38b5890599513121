//! The shipped atlas's content: the vocabulary is intact, every region is reachable,
//! every field a therapist reads is filled, and every alias resolves.

use painmap::atlas::{Atlas, MuscleGroup};
use std::collections::HashSet;

/// The stable region ids of docs/domain.md. The atlas may add regions, never rename or
/// drop these.
const VOCABULARY: [&str; 94] = [
    "vertex",
    "forehead",
    "temple",
    "occiput",
    "eye",
    "cheek",
    "head-side",
    "ear",
    "tmj",
    "jaw",
    "upper-teeth",
    "lower-teeth",
    "throat",
    "neck-back",
    "neck-side",
    "neck-base",
    "shoulder-top",
    "shoulder-front",
    "shoulder-outer",
    "shoulder-back",
    "armpit",
    "suprascapular",
    "shoulder-blade",
    "interscapular",
    "shoulder-blade-tip",
    "sternum",
    "chest",
    "ribs-side",
    "upper-abdomen",
    "mid-abdomen",
    "lower-abdomen",
    "flank",
    "groin",
    "pelvic-floor",
    "mid-back",
    "low-back",
    "iliac-crest",
    "sacroiliac",
    "sacrum",
    "coccyx",
    "buttock",
    "sit-bone",
    "hip-side",
    "upper-arm-front",
    "upper-arm-back",
    "upper-arm-outer",
    "upper-arm-inner",
    "elbow-outer",
    "elbow-inner",
    "elbow-front",
    "elbow-back",
    "forearm-back",
    "forearm-front",
    "forearm-thumb-side",
    "forearm-little-finger-side",
    "wrist-back",
    "wrist-front",
    "wrist-thumb-side",
    "wrist-little-finger-side",
    "hand-back",
    "palm",
    "thumb",
    "thumb-web",
    "index-finger",
    "middle-finger",
    "ring-finger",
    "little-finger",
    "thigh-front",
    "thigh-inner",
    "thigh-outer",
    "thigh-back",
    "kneecap",
    "knee-inner",
    "knee-outer",
    "knee-back",
    "shin",
    "calf",
    "leg-outer",
    "leg-inner",
    "ankle-front",
    "ankle-outer",
    "ankle-inner",
    "achilles",
    "heel",
    "heel-inner",
    "instep",
    "foot-top",
    "foot-top-outer",
    "foot-outer",
    "ball-of-foot",
    "big-toe-ball",
    "little-toe-ball",
    "big-toe",
    "lesser-toes",
];

fn atlas() -> Atlas {
    Atlas::shipped().expect("the shipped atlas is valid")
}

#[test]
fn defines_the_whole_vocabulary() {
    let atlas = atlas();
    for id in VOCABULARY {
        assert!(atlas.region(id).is_some(), "missing region {id}");
    }
    let midline: Vec<&str> = atlas
        .regions()
        .iter()
        .filter(|r| r.midline)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(
        midline,
        ["vertex", "sternum", "pelvic-floor", "sacrum", "coccyx"]
    );
}

#[test]
fn holds_the_classic_manuals() {
    let atlas = atlas();
    assert!(
        atlas.muscles().len() >= 115,
        "{} muscles",
        atlas.muscles().len()
    );
    assert!(
        atlas.trigger_point_count() >= 185,
        "{} trigger points",
        atlas.trigger_point_count()
    );
    for group in MuscleGroup::ALL {
        assert!(
            atlas.muscles().iter().any(|m| m.group == group),
            "no muscle in {}",
            group.as_str()
        );
    }
    for id in [
        "upper-trapezius",
        "sternocleidomastoid",
        "temporalis",
        "masseter",
        "scalenes",
        "levator-scapulae",
        "infraspinatus",
        "supraspinatus",
        "deltoid",
        "pectoralis-major",
        "serratus-anterior",
        "supinator",
        "abductor-digiti-minimi-hand",
        "first-dorsal-interosseous",
        "rectus-abdominis",
        "quadratus-lumborum",
        "iliopsoas",
        "gluteus-medius",
        "gluteus-minimus",
        "piriformis",
        "vastus-medialis",
        "soleus",
        "gastrocnemius",
        "abductor-digiti-minimi-foot",
        "quadratus-plantae",
    ] {
        assert!(atlas.muscle(id).is_some(), "missing muscle {id}");
    }
    // Several points where the references chart several.
    let count = |m: &str| atlas.muscle(m).map_or(0, |m| m.trigger_points.len());
    assert!(count("sternocleidomastoid") >= 2);
    assert!(count("soleus") >= 3);
    assert!(count("gluteus-minimus") >= 2);
    assert!(count("rectus-abdominis") >= 3);
    assert!(count("splenius-cervicis") >= 2);
}

#[test]
fn every_region_is_covered_by_some_trigger_point() {
    let atlas = atlas();
    let covered: HashSet<&str> = atlas
        .trigger_points()
        .flat_map(|(_, tp)| tp.essential.iter().chain(&tp.spillover))
        .map(String::as_str)
        .collect();
    let missing: Vec<&str> = atlas
        .regions()
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| !covered.contains(id))
        .collect();
    assert!(missing.is_empty(), "no trigger point refers to {missing:?}");
}

#[test]
fn every_alias_resolves_to_its_region() {
    let atlas = atlas();
    for r in atlas.regions() {
        for word in std::iter::once(&r.name).chain(&r.aliases).chain([&r.id]) {
            let got = atlas.resolve_region(word).unwrap();
            assert_eq!(got.region, r.id, "{word}");
            if !r.midline {
                let left = atlas.resolve_region(&format!("left {word}")).unwrap();
                assert_eq!(left.side, Some(painmap::atlas::Side::Left), "left {word}");
            }
        }
    }
    for m in atlas.muscles() {
        for word in std::iter::once(&m.name).chain(&m.aliases) {
            assert_eq!(atlas.resolve_muscle(word).unwrap().id, m.id, "{word}");
        }
    }
}

#[test]
fn every_field_is_filled() {
    let atlas = atlas();
    for m in atlas.muscles() {
        let at = &m.id;
        assert!(!m.source.trim().is_empty(), "{at}: source");
        assert!(m.note.len() > 40, "{at}: note");
        assert!(!m.aggravating.is_empty(), "{at}: aggravating");
        assert!(!m.self_care.is_empty(), "{at}: self-care");
        assert!(!m.differential.is_empty(), "{at}: differential");
        for tp in &m.trigger_points {
            assert!(!tp.essential.is_empty(), "{}: essential", tp.id);
            assert!(!tp.symptoms.is_empty(), "{}: symptoms", tp.id);
            assert!(tp.location_note.len() > 10, "{}: location note", tp.id);
            assert!(
                tp.id.starts_with(&m.id),
                "{}: id starts with its muscle",
                tp.id
            );
        }
    }
}

#[test]
fn people_can_type_the_usual_abbreviations() {
    let atlas = atlas();
    for (typed, id) in [
        ("SCM", "sternocleidomastoid"),
        ("traps", "upper-trapezius"),
        ("QL", "quadratus-lumborum"),
        ("TFL", "tensor-fasciae-latae"),
        ("ECRL", "extensor-carpi-radialis-longus"),
        ("lats", "latissimus-dorsi"),
        ("peroneus longus", "fibularis-longus"),
    ] {
        assert_eq!(
            atlas.resolve_muscle(typed).map(|m| m.id.as_str()),
            Ok(id),
            "{typed}"
        );
    }
    // The places people name, as docs/domain.md's examples put them.
    for (typed, id) in [
        ("left temple", "temple"),
        ("side of the neck", "neck-side"),
        ("outer hip", "hip-side"),
    ] {
        assert_eq!(
            atlas.resolve_region(typed).map(|r| r.region),
            Ok(id.to_string()),
            "{typed}"
        );
    }
}

#[test]
fn laterality_exceptions_are_recorded() {
    let atlas = atlas();
    let crosses = |tp: &str| {
        atlas
            .trigger_point(tp)
            .map(|(_, t)| t.crosses.clone())
            .unwrap_or_default()
    };
    assert_eq!(crosses("sternocleidomastoid-clavicular"), ["forehead"]);
    assert!(
        atlas
            .muscle("rectus-abdominis")
            .unwrap()
            .trigger_points
            .iter()
            .any(|t| !t.crosses.is_empty()),
        "rectus abdominis back bands cross"
    );
}

#[test]
fn red_flags_and_glossary_ship() {
    let atlas = atlas();
    let flags: Vec<&str> = atlas.red_flags().iter().map(|f| f.id.as_str()).collect();
    for id in [
        "cardiac",
        "thunderclap-headache",
        "giant-cell-arteritis",
        "deep-vein-thrombosis",
        "cauda-equina",
        "meningitis-or-fever",
        "weight-loss",
        "cancer-history",
        "trauma",
        "progressive-weakness",
        "aortic-dissection",
        "cervical-myelopathy",
    ] {
        assert!(flags.contains(&id), "red flag {id}");
    }
    for flag in atlas.red_flags() {
        assert!(
            flag.source.len() > 20,
            "red flag {} names its screening source",
            flag.id
        );
    }
    let terms: Vec<String> = atlas
        .glossary()
        .iter()
        .map(|t| t.term.to_lowercase())
        .collect();
    for word in [
        "knot",
        "trigger point",
        "essential",
        "spillover",
        "satellite",
        "latent",
    ] {
        assert!(terms.iter().any(|t| t.contains(word)), "glossary: {word}");
    }
}

#[test]
fn sources_agree_with_the_chapters_the_reference_cites() {
    // The chapters docs/referral-reference.md names for Travell & Simons (rows H4, S6,
    // S8, A7, A17, G1). The atlas's other chapter numbers follow the same books' order.
    let atlas = atlas();
    for (muscle, chapter) in [
        ("lower-trapezius", "vol. 1 (2nd ed.), ch. 6;"),
        ("subscapularis", "vol. 1 (2nd ed.), ch. 26;"),
        ("latissimus-dorsi", "vol. 1 (2nd ed.), ch. 24;"),
        ("triceps-brachii", "vol. 1 (2nd ed.), ch. 32;"),
        ("flexor-carpi-radialis", "vol. 1 (2nd ed.), ch. 38;"),
        ("gluteus-maximus", "vol. 2 (1992), ch. 7;"),
    ] {
        let m = atlas.muscle(muscle).unwrap_or_else(|| panic!("{muscle}"));
        assert!(
            m.source.contains(&format!("Travell & Simons {chapter}")),
            "{muscle}: {}",
            m.source
        );
    }
    // The 2nd edition's own order for the chapters it added or moved (the facial muscles,
    // the intercostals and diaphragm, and the torso chapters after them).
    for (muscle, chapter) in [
        ("orbicularis-oculi", "vol. 1 (2nd ed.), ch. 13"),
        ("buccinator", "vol. 1 (2nd ed.), ch. 13"),
        ("frontalis", "vol. 1 (2nd ed.), ch. 14"),
        ("scalenus-minimus", "vol. 1 (2nd ed.), ch. 20"),
        ("pectoralis-minor", "vol. 1 (2nd ed.), ch. 43"),
        ("sternalis", "vol. 1 (2nd ed.), ch. 44"),
        ("diaphragm", "vol. 1 (2nd ed.), ch. 45"),
        ("intercostals", "vol. 1 (2nd ed.), ch. 45"),
        ("serratus-anterior", "vol. 1 (2nd ed.), ch. 46"),
        ("serratus-posterior-superior", "vol. 1 (2nd ed.), ch. 47"),
        ("serratus-posterior-inferior", "vol. 1 (2nd ed.), ch. 48"),
        ("longissimus-thoracis", "vol. 1 (2nd ed.), ch. 49"),
        ("rectus-abdominis", "vol. 1 (2nd ed.), ch. 50"),
        ("pyramidalis", "vol. 1 (2nd ed.), ch. 50"),
        ("bulbospongiosus", "vol. 2 (1992), ch. 6"),
        ("gemelli", "vol. 2 (1992), ch. 10"),
        ("extensor-hallucis-brevis", "vol. 2 (1992), ch. 26"),
    ] {
        let m = atlas.muscle(muscle).unwrap_or_else(|| panic!("{muscle}"));
        assert!(
            m.source.contains(&format!("Travell & Simons {chapter}")),
            "{muscle}: {}",
            m.source
        );
    }
}

#[test]
fn every_region_referred_to_has_a_pain_guide() {
    let atlas = atlas();
    let referred: HashSet<&str> = atlas
        .trigger_points()
        .flat_map(|(_, tp)| tp.essential.iter().chain(&tp.spillover))
        .map(String::as_str)
        .collect();
    let missing: Vec<&&str> = referred
        .iter()
        .filter(|r| atlas.guides_for(r).next().is_none())
        .collect();
    assert!(missing.is_empty(), "no pain guide for {missing:?}");
    for g in atlas.guides() {
        assert!(
            g.source.starts_with("Travell & Simons") || g.source.starts_with("Davies"),
            "{}: {}",
            g.region,
            g.source
        );
    }
}

#[test]
fn the_pain_guides_put_the_classic_cause_first() {
    // The first muscle of the Travell & Simons guide for a few areas whose classic first
    // answer every clinician knows.
    let atlas = atlas();
    for (region, first) in [
        ("chest", "pectoralis-major"),
        ("heel", "soleus"),
        ("calf", "soleus"),
        ("temple", "upper-trapezius"),
        ("eye", "sternocleidomastoid"),
        ("shoulder-front", "infraspinatus"),
        ("elbow-outer", "supinator"),
        ("low-back", "quadratus-lumborum"),
        ("kneecap", "rectus-femoris"),
        ("achilles", "soleus"),
    ] {
        let guide = atlas
            .guides_for(region)
            .find(|g| g.source.starts_with("Travell & Simons"))
            .unwrap_or_else(|| panic!("no T&S guide for {region}"));
        assert_eq!(guide.entries[0].muscle, first, "{region}");
    }
    // Davies orders the calf differently: gastrocnemius first.
    let davies = atlas
        .guides_for("calf")
        .find(|g| g.source.starts_with("Davies"))
        .expect("a Davies guide for the calf");
    assert_eq!(davies.entries[0].muscle, "gastrocnemius");
}

#[test]
fn provenance_and_rare_zones_are_recorded() {
    use painmap::atlas::Attestation;
    let atlas = atlas();
    let attested = |tp: &str| atlas.trigger_point(tp).map(|(_, t)| t.attested);
    assert_eq!(attested("deltoid-practice"), Some(Attestation::Practice));
    assert_eq!(
        attested("gluteus-minimus-anterior"),
        Some(Attestation::Charted)
    );
    assert_eq!(attested("gemelli-1"), Some(Attestation::Consensus));
    let (_, glut) = atlas.trigger_point("gluteus-minimus-anterior").unwrap();
    assert_eq!(glut.rare, ["foot-top"]);
    assert_eq!(glut.likelihood, painmap::atlas::Likelihood::Common);
    // Most of the atlas is charted in the manual.
    let charted = atlas
        .trigger_points()
        .filter(|(_, t)| t.attested == Attestation::Charted)
        .count();
    assert!(charted * 10 >= atlas.trigger_point_count() * 9, "{charted}");
}

#[test]
fn the_review_fixes_hold() {
    let atlas = atlas();
    let zones = |tp: &str| {
        let (_, t) = atlas.trigger_point(tp).unwrap();
        (t.essential.clone(), t.spillover.clone())
    };
    let (e, _) = zones("supinator-1");
    assert!(e.contains(&"thumb".to_string()), "{e:?}");
    let (e, s) = zones("abductor-hallucis-1");
    assert!(e.contains(&"heel-inner".to_string()), "{e:?}");
    assert!(s.contains(&"ankle-inner".to_string()), "{s:?}");
    let (e, _) = zones("extensor-digitorum-brevis-1");
    assert_eq!(e, ["foot-top-outer"]);
    let (e, _) = zones("occipitalis-1");
    assert!(e.contains(&"eye".to_string()), "{e:?}");
    let (e, _) = zones("pronator-teres-1");
    assert!(
        e.contains(&"wrist-thumb-side".to_string())
            && e.contains(&"forearm-thumb-side".to_string()),
        "{e:?}"
    );
    // Muscles the issue names, and the counts.
    for id in [
        "orbicularis-oculi",
        "zygomaticus-major",
        "platysma",
        "buccinator",
        "scalenus-minimus",
        "intercostals",
        "pyramidalis",
        "bulbospongiosus",
        "ischiocavernosus",
        "quadratus-femoris",
        "gemelli",
        "obturator-externus",
        "second-dorsal-interosseous",
        "palmar-interossei",
        "extensor-hallucis-brevis",
    ] {
        assert!(atlas.muscle(id).is_some(), "missing muscle {id}");
    }
    assert!(atlas.muscles().len() >= 115);
    assert!(atlas.trigger_point_count() >= 185);
    let count = |m: &str| atlas.muscle(m).map_or(0, |m| m.trigger_points.len());
    assert!(count("temporalis") >= 4);
    assert!(count("vastus-lateralis") >= 5);
    assert!(count("lateral-pterygoid") >= 2);
    assert!(count("pectoralis-major") >= 5);
}
