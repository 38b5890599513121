//! `rank REGION` held against `guide REGION` for every region with a guide: the first
//! ranked muscle must be the guide's first (by the guides' combined order) in at least
//! 95% of them, and where it is not, the guide's first must carry its reason (its only
//! zone there is marked rare, or its only pattern there is a practice description). The
//! test prints the agreement share and every disagreement.

use painmap::atlas::{Atlas, Attestation, RegionInstance};
use painmap::rank::{Selection, guide, rank};

/// The share of regions with a guide whose first ranked muscle is the guide's first.
const AGREEMENT: f64 = 0.95;

#[test]
fn a_single_region_ranks_the_guides_first_muscle_first() {
    let atlas = Atlas::shipped().unwrap();
    let (mut with_guide, mut agree) = (0usize, 0usize);
    let mut misses = Vec::new();
    let mut unexplained = Vec::new();
    for region in atlas.regions() {
        let Some(first) = guide::first(&atlas, &region.id) else {
            continue;
        };
        with_guide += 1;
        let selection = Selection::of([RegionInstance::new(region.id.clone(), None)]);
        let ranking = rank(&atlas, &selection, usize::MAX);
        let top = ranking
            .candidates
            .first()
            .map(|c| c.item.muscle.id.as_str());
        let alone = ranking.candidates.iter().filter(|c| c.rank == 1).count() == 1;
        if top == Some(first) && alone {
            agree += 1;
            continue;
        }
        // The guide's first as a candidate, and the reason it is not first.
        let candidate = ranking
            .items()
            .find(|c| c.muscle.id == first)
            .unwrap_or_else(|| panic!("{}: the guide's first {first} does not rank", region.id));
        let rare = candidate.matches.iter().all(|m| m.rare);
        let practice = candidate
            .points
            .iter()
            .all(|p| p.trigger_point.attested == Attestation::Practice);
        let line = format!(
            "{}: guide {first}, ranked {:?}{}{}",
            region.id,
            top,
            if alone { "" } else { " (tied)" },
            if rare {
                ": the guide's first reaches it only as a rare zone"
            } else if practice {
                ": the guide's first reaches it only by a practice description"
            } else {
                ""
            }
        );
        if !(rare || practice) {
            unexplained.push(line.clone());
        }
        misses.push(line);
    }
    let share = agree as f64 / with_guide.max(1) as f64;
    eprintln!(
        "guide order: the guide's first ranked first alone for {agree}/{with_guide} regions \
         ({:.1}%)\n{}",
        share * 100.0,
        misses.join("\n")
    );
    assert!(with_guide >= 90, "{with_guide} regions with a guide");
    assert!(
        share >= AGREEMENT,
        "{:.1}% (need {:.0}%):\n{}",
        share * 100.0,
        AGREEMENT * 100.0,
        misses.join("\n")
    );
    assert!(
        unexplained.is_empty(),
        "disagreements without a reason in the candidate's matches:\n{}",
        unexplained.join("\n")
    );
}
