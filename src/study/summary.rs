//! What a session starts from and ends with: which cards are due, in what order, and how
//! the student is doing per body group.

use super::cards::Deck;
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
                g.seen += st.seen;
                g.correct += st.correct;
                s.new += usize::from(st.seen == 0);
                if !st.is_due(now) {
                    s.next_due = Some(s.next_due.map_or(st.due, |d| d.min(st.due)));
                }
            }
            if g.cards > 0 {
                s.due += g.due;
                s.seen += g.seen;
                s.correct += g.correct;
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

/// The deck indexes of the cards due at `now`, in study order: cards already seen (the
/// ones being relearned or reviewed) first, then new ones, each in the deck's order.
pub fn due_order(deck: &Deck, progress: &Progress, now: u64) -> Vec<usize> {
    let due: Vec<(usize, bool)> = deck
        .cards
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let st = progress.state(&c.id());
            st.is_due(now).then_some((i, st.seen == 0))
        })
        .collect();
    let seen = due.iter().filter(|d| !d.1).map(|d| d.0);
    let new = due.iter().filter(|d| d.1).map(|d| d.0);
    seen.chain(new).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::study::schedule::DAY;

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
        assert_eq!(
            due_order(&deck, &p, T0),
            (0..deck.cards.len()).collect::<Vec<_>>()
        );
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
}
