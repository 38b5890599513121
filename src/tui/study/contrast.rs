//! Two referral patterns set against each other by region: what only the first covers,
//! what only the second covers, and what both do, each region essential or spillover.
//! The feedback after a wrong "name" answer puts the chosen muscle's pattern (first)
//! against the answer's (second).

use crate::atlas::TriggerPoint;

/// A region id and whether it is in the essential zone (else the spillover).
pub type Zone = (String, bool);

/// Two patterns by region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contrast {
    /// Regions only the first pattern covers.
    pub only_first: Vec<Zone>,
    /// Regions only the second pattern covers.
    pub only_second: Vec<Zone>,
    /// Regions both cover: essential when essential in both.
    pub both: Vec<Zone>,
}

/// Sets `first` against `second` by region, essential zones before spillover.
pub fn contrast(first: &TriggerPoint, second: &TriggerPoint) -> Contrast {
    let zone = |tp: &TriggerPoint, r: &str| {
        if tp.essential.iter().any(|e| e == r) {
            Some(true)
        } else if tp.spillover.iter().any(|s| s == r) {
            Some(false)
        } else {
            None
        }
    };
    let regions = |tp: &TriggerPoint| -> Vec<String> {
        tp.essential.iter().chain(&tp.spillover).cloned().collect()
    };
    let mut c = Contrast::default();
    for r in regions(first) {
        match (zone(first, &r), zone(second, &r)) {
            (Some(a), Some(b)) => c.both.push((r, a && b)),
            (Some(a), None) => c.only_first.push((r, a)),
            _ => {}
        }
    }
    for r in regions(second) {
        if let (None, Some(b)) = (zone(first, &r), zone(second, &r)) {
            c.only_second.push((r, b));
        }
    }
    for list in [&mut c.only_first, &mut c.only_second, &mut c.both] {
        list.sort_by_key(|(_, essential)| !essential);
        list.dedup();
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;

    #[test]
    fn supraspinatus_against_infraspinatus() {
        let a = Atlas::shipped().unwrap();
        let tp = |id: &str| a.trigger_point(id).unwrap().1;
        let c = contrast(tp("supraspinatus-lateral"), tp("infraspinatus-main"));
        // Supraspinatus' outer point: essential outer shoulder, spillover outer upper arm;
        // both are in infraspinatus' spillover.
        assert!(c.only_first.is_empty(), "{c:?}");
        assert_eq!(
            c.both,
            vec![
                ("shoulder-outer".into(), false),
                ("upper-arm-outer".into(), false)
            ]
        );
        assert_eq!(c.only_second[0], ("shoulder-front".into(), true));
        assert!(c.only_second.contains(&("thumb".into(), false)));
        let same = contrast(tp("soleus-1"), tp("soleus-1"));
        assert!(same.only_first.is_empty() && same.only_second.is_empty());
        assert!(same.both.iter().any(|(_, e)| *e));
    }
}
