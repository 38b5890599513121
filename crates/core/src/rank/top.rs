//! The best N candidates by a partial selection, with rank numbers that show true ties.

use std::cmp::Ordering;

/// What orders candidates: a key (score, higher first; then the guide key, lower
/// first) that decides the rank, and the atlas order that only lists true ties.
pub trait Keyed {
    /// `(score, guide key)`.
    fn key(&self) -> (u32, u32);
    /// Atlas order, unique per candidate.
    fn order(&self) -> usize;
}

/// A candidate with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed<T> {
    /// 1-based rank; candidates in a true tie share it.
    pub rank: usize,
    /// Whether another candidate (shown or not) has the same rank.
    pub tied: bool,
    /// The candidate.
    pub item: T,
}

impl<T> Placed<T> {
    /// "3", or "=3" in a tie.
    pub fn label(&self) -> String {
        if self.tied {
            format!("={}", self.rank)
        } else {
            self.rank.to_string()
        }
    }
}

/// The best candidates, best first, and how many there were in all.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking<T> {
    /// At most the number asked for.
    pub candidates: Vec<Placed<T>>,
    /// Every candidate that reached the selection.
    pub total: usize,
}

impl<T> Ranking<T> {
    /// No candidate.
    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// The candidates without their places.
    pub fn items(&self) -> impl Iterator<Item = &T> {
        self.candidates.iter().map(|p| &p.item)
    }
}

fn rank_key<T: Keyed>(t: &T) -> (std::cmp::Reverse<u32>, u32) {
    let (score, guide) = t.key();
    (std::cmp::Reverse(score), guide)
}

fn cmp<T: Keyed>(a: &T, b: &T) -> Ordering {
    rank_key(a)
        .cmp(&rank_key(b))
        .then_with(|| a.order().cmp(&b.order()))
}

/// The best `n` of `all`, in order. Only those are sorted: the rest is set apart by a
/// linear-time selection.
pub fn best<T: Keyed>(mut all: Vec<T>, n: usize) -> Ranking<T> {
    let total = all.len();
    // Keep one more than asked, when there is one, to see a tie across the cut.
    if n < total {
        all.select_nth_unstable_by(n, cmp);
        all.truncate(n + 1);
    }
    all.sort_unstable_by(cmp);
    let keys: Vec<_> = all.iter().map(rank_key).collect();
    let mut candidates = Vec::with_capacity(all.len().min(n));
    let mut rank = 0;
    for (i, item) in all.into_iter().enumerate().take(n) {
        if i == 0 || keys[i] != keys[i - 1] {
            rank = i + 1;
        }
        let tied = (i > 0 && keys[i] == keys[i - 1]) || keys.get(i + 1) == Some(&keys[i]);
        candidates.push(Placed { rank, tied, item });
    }
    Ranking { candidates, total }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct C(u32, u32, usize);

    impl Keyed for C {
        fn key(&self) -> (u32, u32) {
            (self.0, self.1)
        }
        fn order(&self) -> usize {
            self.2
        }
    }

    fn labels(r: &Ranking<C>) -> Vec<String> {
        r.candidates
            .iter()
            .map(|p| format!("{}:{}", p.label(), p.item.2))
            .collect()
    }

    #[test]
    fn ties_share_a_rank_and_keep_atlas_order() {
        let all = vec![C(5, 0, 3), C(9, 1, 0), C(9, 1, 2), C(9, 0, 4), C(1, 0, 1)];
        let r = best(all, 10);
        assert_eq!(labels(&r), ["1:4", "=2:0", "=2:2", "4:3", "5:1"]);
        assert_eq!(r.total, 5);
    }

    #[test]
    fn a_tie_across_the_cut_is_shown() {
        let all = vec![C(9, 0, 0), C(5, 0, 1), C(5, 0, 2), C(1, 0, 3)];
        let r = best(all, 2);
        assert_eq!(labels(&r), ["1:0", "=2:1"]);
        assert_eq!(r.total, 4);
        assert!(best(vec![C(1, 0, 0)], 0).is_empty());
    }

    #[test]
    fn the_partial_selection_agrees_with_a_full_sort() {
        // A fixed pseudo-random set; every cut must equal the head of the full order.
        let mut x: u64 = 7;
        let all: Vec<C> = (0..300)
            .map(|i| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                C((x >> 60) as u32, ((x >> 50) & 3) as u32, i)
            })
            .collect();
        let full = best(all.clone(), usize::MAX);
        for n in [0, 1, 2, 7, 50, 299, 300] {
            let cut = best(all.clone(), n);
            assert_eq!(cut.candidates[..], full.candidates[..n.min(300)], "n = {n}");
        }
    }
}
