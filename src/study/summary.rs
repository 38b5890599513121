//! What a session starts from and ends with: which cards are due, in what order, and how
//! the student is doing per body group.

use super::cards::{CardKind, Deck, card_id};
use super::progress::Progress;
use crate::atlas::MuscleGroup;

/// One body group's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupStat {
    /// The group.
    pub group: MuscleGroup,
    /// Cards in the deck from this group.
    pub cards: usize,
    /// Of which due now.
    pub due: usize,
    /// Answers given, all time.
    pub seen: u32,
    /// Right answers, all time.
    pub correct: u32,
}

impl GroupStat {
    /// Right answers as a share of answers, when there are any.
    pub fn accuracy(&self) -> Option<f64> {
        (self.seen > 0).then(|| f64::from(self.correct) / f64::from(self.seen))
    }
}

/// Cards due and accuracy, overall and per body group (groups in head-to-toe order, only
/// those in the deck).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Cards in the deck.
    pub cards: usize,
    /// Cards due now (new cards included).
    pub due: usize,
    /// Cards never answered.
    pub new: usize,
    /// Answers given, all time.
    pub seen: u32,
    /// Right answers, all time.
    pub correct: u32,
    /// When the next card not yet due falls due (seconds since the epoch).
    pub next_due: Option<u64>,
    /// Per group.
    pub groups: Vec<GroupStat>,
}

impl Summary {
    /// The summary of a deck's progress at `now`.
    pub fn of(deck: &Deck, progress: &Progress, now: u64) -> Summary {
        let mut s = Summary {
            cards: deck.cards.len(),
            due: 0,
            new: 0,
            seen: 0,
            correct: 0,
            next_due: None,
            groups: Vec::new(),
        };
        for group in MuscleGroup::ALL {
            let mut g = GroupStat {
                group,
                cards: 0,
                due: 0,
                seen: 0,
                correct: 0,
            };
            for card in deck.cards.iter().filter(|c| c.group == group) {
                let st = progress.state(&card.id());
                g.cards += 1;
                g.due += usize::from(st.is_due(now));
                // Counters saturate: a file may hold anything up to u32::MAX, and a
                // right count above the answer count is read as all right.
                g.seen = g.seen.saturating_add(st.seen);
                g.correct = g.correct.saturating_add(st.correct.min(st.seen));
                s.new += usize::from(st.seen == 0);
                if !st.is_due(now) {
                    s.next_due = Some(s.next_due.map_or(st.due, |d| d.min(st.due)));
                }
            }
            if g.cards > 0 {
                s.due += g.due;
                s.seen = s.seen.saturating_add(g.seen);
                s.correct = s.correct.saturating_add(g.correct);
                s.groups.push(g);
            }
        }
        s
    }

    /// Overall accuracy, when anything was answered.
    pub fn accuracy(&self) -> Option<f64> {
        (self.seen > 0).then(|| f64::from(self.correct) / f64::from(self.seen))
    }
}

/// New "draw" cards come this many cards after their trigger point's "name" card.
pub const DRAW_GAP: usize = 3;

/// The deck indexes of the cards due at `now`, in study order: cards already seen (the
/// ones being relearned or reviewed) first, then new ones in the deck's order, except
/// that a trigger point is first met as a "name" card: its new "draw" card follows
/// [`DRAW_GAP`] cards later.
pub fn due_order(deck: &Deck, progress: &Progress, now: u64) -> Vec<usize> {
    let mut seen = Vec::new();
    let mut new = Vec::new();
    for (i, c) in deck.cards.iter().enumerate() {
        let st = progress.state(&c.id());
        if st.is_due(now) {
            if st.seen == 0 {
                new.push(i);
            } else {
                seen.push(i);
            }
        }
    }
    let unseen_name = |tp: &str| progress.state(&card_id(CardKind::Name, tp)).seen == 0;
    let has_new_name = |tp: &str| {
        new.iter()
            .any(|&j| deck.cards[j].kind == CardKind::Name && deck.cards[j].trigger_point == tp)
    };
    let mut out = seen;
    // Draw cards waiting for their name card, and those placed after it: (from, index).
    let mut waiting: Vec<usize> = Vec::new();
    let mut placed: Vec<(usize, usize)> = Vec::new();
    let flush = |out: &mut Vec<usize>, placed: &mut Vec<(usize, usize)>| {
        while let Some(k) = placed.iter().position(|&(from, _)| from <= out.len()) {
            out.push(placed.remove(k).1);
        }
    };
    for &i in &new {
        let c = &deck.cards[i];
        flush(&mut out, &mut placed);
        if c.kind == CardKind::Draw
            && unseen_name(&c.trigger_point)
            && has_new_name(&c.trigger_point)
        {
            waiting.push(i);
            continue;
        }
        out.push(i);
        if c.kind == CardKind::Name
            && let Some(k) = waiting
                .iter()
                .position(|&j| deck.cards[j].trigger_point == c.trigger_point)
        {
            placed.push((out.len() + DRAW_GAP, waiting.remove(k)));
        }
    }
    placed.sort_unstable();
    out.extend(placed.into_iter().map(|p| p.1));
    out.extend(waiting);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::study::schedule::{CardState, DAY};

    const T0: u64 = 1_800_000_000;

    #[test]
    fn everything_is_due_at_first() {
        let a = Atlas::shipped().unwrap();
        let deck = Deck::build(&a, Some(MuscleGroup::Head), 1);
        let p = Progress::default();
        let s = Summary::of(&deck, &p, T0);
        assert_eq!(
            (s.cards, s.due, s.new),
            (deck.cards.len(), s.cards, s.cards)
        );
        assert_eq!(s.accuracy(), None);
        assert_eq!(s.groups.len(), 1);
        assert_eq!(s.next_due, None);
        let order = due_order(&deck, &p, T0);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            (0..deck.cards.len()).collect::<Vec<_>>(),
            "every card once"
        );
    }

    #[test]
    fn a_point_is_named_before_it_is_drawn() {
        let a = Atlas::shipped().unwrap();
        for seed in 0..20 {
            let deck = Deck::build(&a, None, seed);
            let order = due_order(&deck, &Progress::default(), T0);
            assert_eq!(order.len(), deck.cards.len());
            assert_eq!(deck.cards[order[0]].kind, CardKind::Name, "seed {seed}");
            for (k, &i) in order.iter().enumerate() {
                let c = &deck.cards[i];
                if c.kind == CardKind::Draw {
                    let named = order[..k]
                        .iter()
                        .any(|&j| deck.cards[j].trigger_point == c.trigger_point);
                    assert!(named, "seed {seed}: {c:?}");
                }
            }
        }
    }

    #[test]
    fn answers_move_cards_out_of_due_and_count_per_group() {
        let a = Atlas::shipped().unwrap();
        let deck = Deck::build(&a, None, 1);
        let mut p = Progress::default();
        let (c0, c1) = (&deck.cards[0], &deck.cards[1]);
        p.record(&c0.id(), true, T0);
        p.record(&c1.id(), false, T0);
        let s = Summary::of(&deck, &p, T0);
        assert_eq!(s.due, s.cards - 1, "the right answer waits a day");
        assert_eq!(s.new, s.cards - 2);
        assert_eq!((s.seen, s.correct), (2, 1));
        assert_eq!(s.next_due, Some(T0 + DAY));
        let g0 = s.groups.iter().find(|g| g.group == c0.group).unwrap();
        assert!(g0.seen >= 1);
        // The missed card comes first, before the new ones.
        let order = due_order(&deck, &p, T0);
        assert_eq!(order[0], 1);
        assert!(!order.contains(&0));
        // A day later the first is due again.
        assert!(due_order(&deck, &p, T0 + DAY).contains(&0));
    }

    #[test]
    fn counters_at_their_limit_saturate() {
        let a = Atlas::shipped().unwrap();
        let deck = Deck::build(&a, None, 1);
        let full = CardState {
            leitner: 5,
            due: u64::MAX,
            seen: u32::MAX,
            correct: u32::MAX,
            last: u64::MAX,
        };
        let mut p = Progress::default();
        for c in &deck.cards[..3] {
            p.cards.insert(c.id(), full);
        }
        // More right than answered counts as all right, never above 100 %.
        let odd = CardState { seen: 1, ..full };
        p.cards.insert(deck.cards[3].id(), odd);
        let s = Summary::of(&deck, &p, T0);
        assert_eq!((s.seen, s.correct), (u32::MAX, u32::MAX));
        assert_eq!(s.accuracy(), Some(1.0));
        assert!(s.groups.iter().all(|g| g.correct <= g.seen));
        assert_eq!(s.next_due, Some(u64::MAX));
        let order = due_order(&deck, &p, T0);
        assert_eq!(order.len(), deck.cards.len() - 4);
        let again = p.record(&deck.cards[0].id(), true, u64::MAX);
        assert_eq!(
            (again.seen, again.correct, again.due),
            (u32::MAX, u32::MAX, u64::MAX)
        );
    }
}
