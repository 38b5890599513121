//! The study session's state: the deck, the queue of due cards, the screen shown, the
//! student's answer in progress, and the progress to save.

use crate::atlas::{Atlas, Muscle, RegionInstance, TriggerPoint};
use crate::body::frame::{Frame, Stop};
use crate::body::model::ViewId;
use crate::search::{HitKind, SearchIndex};
use crate::study::cards::{Card, CardKind, Deck};
use crate::study::progress::Progress;
use crate::study::rng::Rng;
use crate::study::score::Overlap;
use crate::study::summary::{Summary, due_order};
use std::collections::HashMap;
use std::path::PathBuf;

/// How many fuzzy completions the "name" card lists.
pub const COMPLETIONS: usize = 4;

/// A missed card comes back after this many other cards (or at the end, if fewer are
/// left), so it is asked again while the answer is fresh but not straight away.
pub const RETRY_AFTER: usize = 3;

/// What the screen shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// The summary: at the start when nothing is due, at the end, or on Tab.
    Summary,
    /// The current card, waiting for an answer.
    Card,
    /// The verdict on the answer just given, with the answer drawn.
    Feedback(Outcome),
}

/// The verdict on one answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Right or not.
    pub correct: bool,
    /// The muscle named ("name" cards).
    pub named: Option<String>,
    /// The overlap ("draw" cards).
    pub overlap: Option<Overlap>,
}

/// A muscle offered by fuzzy completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The muscle id.
    pub muscle: String,
    /// What to show (the name, with the alias that matched).
    pub label: String,
}

/// The whole state of a study session.
pub struct StudyApp<'a> {
    /// The atlas.
    pub atlas: &'a Atlas,
    /// Every card in scope, in the seed's order.
    pub deck: Deck,
    /// Deck indexes of this session's cards, in order.
    pub queue: Vec<usize>,
    /// The position in `queue` of the current card.
    pub pos: usize,
    /// Saved progress.
    pub progress: Progress,
    /// Where progress is saved after each answer (`None`: not saved, for tests).
    pub path: Option<PathBuf>,
    /// The session's clock (seconds since the epoch).
    pub now: u64,
    /// What is shown.
    pub screen: Screen,
    /// The screen to go back to when the summary opened on Tab closes.
    pub behind_summary: Option<Box<Screen>>,
    /// Letters typed on a "name" card.
    pub typed: String,
    /// Completions of `typed`, best first.
    pub completions: Vec<Completion>,
    /// Regions marked on a "draw" card.
    pub marked: Vec<RegionInstance>,
    /// The map cursor, relative to the map's top-left; `None` until moved on this card,
    /// when it stands on the card's X (shown from the first frame).
    pub cursor: Option<(u16, u16)>,
    /// Times `v` was pressed on this card: how far the close-up beside the body has
    /// moved on from the one nearest the trigger point.
    pub close_up_steps: usize,
    /// Answers this session.
    pub answered: u32,
    /// Right answers this session.
    pub right: u32,
    /// The last save failure, shown until the next save succeeds.
    pub save_error: Option<String>,
    /// Set to leave.
    pub quit: bool,
    /// The current "name" card's choices in the order shown (muscle ids).
    pub shown: Vec<String>,
    /// The order each card's choices were last shown in, by card id, so a card that
    /// comes back is shown in another.
    last_shown: HashMap<String, Vec<String>>,
    /// Shuffles the choices each time a card is shown (seeded from the deck's seed).
    rng: Rng,
    index: SearchIndex,
}

impl<'a> StudyApp<'a> {
    /// A session over `deck` with `progress`, at `now`. It opens on the first due card,
    /// or on the summary when nothing is due.
    pub fn new(
        atlas: &'a Atlas,
        deck: Deck,
        progress: Progress,
        path: Option<PathBuf>,
        now: u64,
    ) -> StudyApp<'a> {
        let queue = due_order(&deck, &progress, now);
        let screen = if queue.is_empty() {
            Screen::Summary
        } else {
            Screen::Card
        };
        // Its own stream from the deck's seed: the card order does not change with it.
        let rng = Rng::new(deck.seed ^ 0x05EE_DC40_1CE5);
        let mut app = StudyApp {
            atlas,
            deck,
            queue,
            pos: 0,
            progress,
            path,
            now,
            screen,
            behind_summary: None,
            typed: String::new(),
            completions: Vec::new(),
            marked: Vec::new(),
            cursor: None,
            close_up_steps: 0,
            answered: 0,
            right: 0,
            save_error: None,
            quit: false,
            shown: Vec::new(),
            last_shown: HashMap::new(),
            rng,
            index: SearchIndex::new(atlas),
        };
        app.show_card();
        app
    }

    /// Puts the current card's choices in a new order: a fresh shuffle, never the order
    /// the same card was shown in last.
    pub fn show_card(&mut self) {
        let Some(card) = self.card().cloned() else {
            self.shown.clear();
            return;
        };
        let id = card.id();
        let order =
            card.shuffled_choices(&mut self.rng, self.last_shown.get(&id).map(Vec::as_slice));
        self.last_shown.insert(id, order.clone());
        self.shown = order;
    }

    /// Where the answer is among the choices as shown (0-based), on a "name" card.
    pub fn answer_index(&self) -> Option<usize> {
        let card = self.card()?;
        self.shown.iter().position(|m| *m == card.muscle)
    }

    /// The current card, if the session has one left.
    pub fn card(&self) -> Option<&Card> {
        self.queue
            .get(self.pos)
            .and_then(|&i| self.deck.cards.get(i))
    }

    /// The current card with its muscle and trigger point.
    pub fn current(&self) -> Option<(&Card, &'a Muscle, &'a TriggerPoint)> {
        let card = self.card()?;
        let (m, tp) = card.lookup(self.atlas)?;
        Some((card, m, tp))
    }

    /// Whether the current card asks to draw.
    pub fn drawing(&self) -> bool {
        self.card().is_some_and(|c| c.kind == CardKind::Draw)
    }

    /// Whether the current card comes back later in this session.
    pub fn again_later(&self) -> bool {
        self.queue
            .get(self.pos)
            .is_some_and(|i| self.queue[self.pos + 1..].contains(i))
    }

    /// Puts the current card back in the queue, [`RETRY_AFTER`] cards on, unless it is
    /// already there.
    pub fn requeue_current(&mut self) {
        if let Some(&i) = self.queue.get(self.pos)
            && !self.again_later()
        {
            let at = (self.pos + 1 + RETRY_AFTER).min(self.queue.len());
            self.queue.insert(at, i);
        }
    }

    /// Cards left in the session, the current one included.
    pub fn left(&self) -> usize {
        self.queue.len().saturating_sub(self.pos)
    }

    /// The summary of the deck now.
    pub fn summary(&self) -> Summary {
        Summary::of(&self.deck, &self.progress, self.now)
    }

    /// A muscle's display name (its id if unknown).
    pub fn muscle_name<'s>(&'s self, id: &'s str) -> &'s str {
        self.atlas.muscle(id).map_or(id, |m| m.name.as_str())
    }

    /// Recomputes the completions of what was typed.
    pub fn complete(&mut self) {
        self.completions = if self.typed.trim().is_empty() {
            Vec::new()
        } else {
            self.index
                .search(&self.typed, 64)
                .into_iter()
                .filter(|h| h.kind == HitKind::Muscle)
                .take(COMPLETIONS)
                .map(|h| Completion {
                    muscle: h.id,
                    label: h.label,
                })
                .collect()
        };
    }

    /// Clears the answer in progress (typing, marks, cursor) for a new card.
    pub fn reset_answer(&mut self) {
        self.typed.clear();
        self.completions.clear();
        self.marked.clear();
        self.cursor = None;
        self.close_up_steps = 0;
    }

    /// The close-up beside the body while a "draw" card asks: at first the one nearest
    /// the trigger point (none for a limb or the trunk), then each of the card's side in
    /// turn ([`Stop`], the explorer's `v` cycle), then none.
    pub fn close_up(&self) -> Option<ViewId> {
        let model = crate::body::shipped();
        let (card, _, tp) = self.current()?;
        let start = Frame::close_up_of(model, &tp.location)
            .map_or(Stop::WholeBody, |v| Stop::CloseUp(v, card.side));
        let cycle = Stop::close_ups(model, Some(card.side));
        start.step(&cycle, self.close_up_steps as isize).close_up()
    }
}
