//! The explorer's state. Everything the screen shows is a function of this; it changes
//! only in [`super::update`]. The ranking is computed once per change of the intake
//! ([`App::rerank`], called by update), not once per frame: a large intake must not cost
//! its ranking on every keystroke. Search results are derived on demand.

use crate::atlas::side::{SideWord, split_side_prefix};
use crate::atlas::{Atlas, Muscle, Side, TriggerPoint};
use crate::body::frame::Stop;
use crate::intake::Intake;
use crate::parse::{Lexicon, Reading};
use crate::rank::{self, AgeQuestion, MuscleCandidate, Placed, Raised};
use crate::screen::Question;
use crate::search::{Hit, Narrowing, SearchIndex};
use std::cell::OnceCell;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The body map: arrows move the cursor, Space toggles.
    Map,
    /// The ranked candidates.
    Candidates,
    /// The detail of the highlighted candidate or the opened muscle.
    Detail,
}

impl Focus {
    /// Tab order.
    const ORDER: [Focus; 3] = [Focus::Map, Focus::Candidates, Focus::Detail];

    /// The next pane (Tab) or the previous one (Shift-Tab).
    #[must_use]
    pub fn cycle(self, forward: bool) -> Focus {
        let i = Focus::ORDER.iter().position(|f| *f == self).unwrap_or(0);
        let n = Focus::ORDER.len();
        Focus::ORDER[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// A floating layer over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The `?` help.
    Help,
    /// The `/` fuzzy search.
    Search(SearchState),
    /// The `m` list of muscles by group.
    Browse {
        /// Highlighted muscle (index into the browse order).
        selected: usize,
    },
    /// The `e` export prompt.
    Export(ExportState),
    /// The `a` age prompt: the digits typed so far.
    Age(String),
    /// The `f` screening questions: the one highlighted.
    Screen {
        /// Highlighted question (index into [`App::screen_questions`]).
        selected: usize,
    },
    /// The `H` history of the client: their visits and trends, and one compared with
    /// today's intake.
    History(HistoryState),
    /// The `c` comparison of the candidate shown with the one shown before it, in the
    /// map and detail panes.
    Compare(ComparePair),
    /// The `C` client picker.
    Clients(super::clients::ClientPicker),
    /// The `N` note prompt: the text typed so far.
    Note(String),
}

/// A muscle on a side, as the detail shows it (a candidate, or a muscle opened by
/// search): what `c` compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pick {
    /// Muscle id.
    pub muscle: String,
    /// Its side (none for a selection without one).
    pub side: Option<Side>,
}

/// The two muscles `c` compares: 1 the one shown when `c` was pressed, 2 the one shown
/// before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparePair {
    /// Pattern 1.
    pub first: Pick,
    /// Pattern 2.
    pub second: Pick,
}

/// The history screen: the client's visits (oldest first), the one highlighted, and
/// whether it is shown beside today's map.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HistoryState {
    /// The visits as loaded when the screen opened.
    pub visits: Vec<crate::records::SavedVisit>,
    /// Highlighted visit (index into `visits`).
    pub selected: usize,
    /// The highlighted visit's map is shown beside today's, with what changed.
    pub comparing: bool,
}

/// Where the explorer saves visits and reads the history: plain values handed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientRecords {
    /// The client, as typed on the command line.
    pub client: String,
    /// The database file.
    pub db: std::path::PathBuf,
    /// Whether the database's folder is painmap's own (see `SqliteStore::open`).
    pub own_folder: bool,
}

/// The export prompt: a file name, and whether replacing it has been asked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportState {
    /// The file to write (`.json` writes the record, `.pdf` the printable note, anything else the Markdown note).
    pub path: String,
    /// The file exists and the user has been asked to confirm replacing it.
    pub confirm: bool,
    /// The last failure, shown in the prompt.
    pub error: Option<String>,
}

/// The search prompt.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchState {
    /// What has been typed.
    pub query: String,
    /// Highlighted result.
    pub selected: usize,
    /// The fuzzy hits of the last search, made by `update` as the query changes.
    pub found: Found,
}

/// The fuzzy hits for some search terms, and what the search found for the next one to
/// narrow (see [`crate::search::Narrowing`]): typing on looks only among those.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    /// The terms searched (the query less a leading side word).
    pub terms: String,
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// What the search found before its cut, for the next keystroke.
    pub narrowing: Narrowing,
}

impl SearchState {
    /// A leading side word ("left ", "L ", "rt "...) picks the side a region result is
    /// added on; the rest is searched.
    pub fn side_and_terms(&self) -> (Option<Side>, &str) {
        match split_side_prefix(&self.query) {
            (Some(SideWord::One(side)), rest) => (Some(side), rest),
            _ => (None, self.query.trim_start()),
        }
    }
}

/// One row of the search results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchRow {
    /// What the query says read as a phrase ("left back of knee, left calf · burning"):
    /// Enter applies all of it.
    Phrase(Reading),
    /// A region, muscle or symptom found by fuzzy search.
    Hit(Hit),
}

/// What the detail pane shows when it is not following the highlighted candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pinned {
    /// Muscle id.
    pub muscle: String,
    /// Which of its trigger points.
    pub point: usize,
    /// The side to draw it on.
    pub side: Option<Side>,
}

/// The map cursor, in cells from the top-left of the map area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    /// Column.
    pub x: u16,
    /// Row.
    pub y: u16,
}

impl Cursor {
    /// Where the cursor first appears: in the front view (the left half of the map),
    /// two fifths down, where there is something to name.
    pub fn start(width: u16, height: u16) -> Cursor {
        Cursor {
            x: width / 4,
            y: height * 2 / 5,
        }
    }

    /// The cursor kept inside a map of this size (the map shrinks when the terminal
    /// does).
    #[must_use]
    pub fn clamp(self, width: u16, height: u16) -> Cursor {
        Cursor {
            x: self.x.min(width.saturating_sub(1)),
            y: self.y.min(height.saturating_sub(1)),
        }
    }
}

/// A trigger point shown in the detail and on the map: muscle, point, side.
pub type Shown<'a> = (&'a Muscle, &'a TriggerPoint, Option<Side>);

/// Most candidates the list keeps (the rest are of no use at intake).
pub const MAX_CANDIDATES: usize = 60;

/// How many search results are shown.
pub const SEARCH_RESULTS: usize = 40;

/// The explorer's whole state.
pub struct App<'a> {
    /// The atlas browsed.
    pub atlas: &'a Atlas,
    /// Search index over it, built once.
    pub index: SearchIndex,
    /// The phrase book for reading the search query as a phrase, built on the first
    /// search (`None` inside when it cannot be built for this atlas).
    lexicon: OnceCell<Option<Lexicon>>,
    /// Where it hurts (with intensity and quality per region), and symptom words.
    pub intake: Intake,
    /// Pane with the keyboard.
    pub focus: Focus,
    /// Floating layer, if any.
    pub overlay: Option<Overlay>,
    /// What the map shows: the whole body or one close-up (`v` steps through them).
    pub map: Stop,
    /// Map cursor; `None` until moved, when it stands at [`Cursor::start`], shown
    /// from the first frame so Space works before any arrow.
    pub cursor: Option<Cursor>,
    /// Highlighted candidate.
    pub highlighted: usize,
    /// Which of the highlighted muscle's trigger points reaching the selection is shown
    /// (`[` and `]` step through them).
    pub highlighted_point: usize,
    /// First candidate row shown (mouse wheel and keys keep the highlight visible).
    pub list_offset: usize,
    /// Detail pane pinned to a muscle opened from search or browse.
    pub pinned: Option<Pinned>,
    /// Lines the detail text is scrolled by.
    pub detail_scroll: u16,
    /// One-line message for the status bar.
    pub status: String,
    /// Set when the explorer should close.
    pub quit: bool,
    /// The client the intake is for (`--client`), and where their records are.
    pub records: Option<ClientRecords>,
    /// Where the client database is, for `C` (with or without `--client`).
    pub records_at: Option<super::clients::RecordsAt>,
    /// The muscle the detail showed before the one it shows now (what `c` compares
    /// with); kept by update.
    pub previous: Option<Pick>,
    /// Pictures drawn as text although the terminal shows images (`i`).
    pub text_pictures: bool,
    /// The config file, where `i` remembers its choice.
    pub config: Option<std::path::PathBuf>,
    /// The visit the intake was last saved as (`s`): a second `s` the same day updates
    /// it instead of saving a copy.
    pub saved: Option<super::msg::SavedAs>,
    /// The intake as last saved, exported or opened: anything else is unsaved work that
    /// `x` and `q` ask about before dropping it.
    pub kept: Option<Intake>,
    /// A key that drops unsaved work, pressed once: pressing it again confirms.
    pub confirm: Option<Confirm>,
    /// Draw mode and the pain drawing ([`super::draw`]).
    pub draw: super::draw::DrawState,
    /// The layer drawn over the map (`o`): none, dermatomes, nerves or organs.
    pub layer: Option<crate::layers::Kind>,
    /// The intake's ranking, as of the last [`App::rerank`].
    ranking: Ranking<'a>,
}

/// What a second press of the same key confirms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// `x`: clear the unsaved intake.
    Clear,
    /// `q`: quit with the intake unsaved.
    Quit,
}

/// The candidates and red flags of an intake.
#[derive(Debug, Clone, Default)]
struct Ranking<'a> {
    candidates: Vec<Placed<MuscleCandidate<'a>>>,
    flags: Vec<Raised<'a>>,
    questions: Vec<AgeQuestion<'a>>,
    screen: Vec<Question<'a>>,
    /// The non-myofascial layers the selection fits well.
    what_else: Vec<crate::layers::report::ReportLayer>,
}

impl std::fmt::Debug for App<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("intake", &self.intake)
            .field("focus", &self.focus)
            .field("overlay", &self.overlay)
            .field("map", &self.map)
            .field("cursor", &self.cursor)
            .field("highlighted", &self.highlighted)
            .field("pinned", &self.pinned)
            .finish_non_exhaustive()
    }
}

impl<'a> App<'a> {
    /// A fresh explorer: nothing selected, the map focused.
    pub fn new(atlas: &'a Atlas) -> App<'a> {
        App::with_intake(atlas, Intake::default())
    }

    /// An explorer opened on an intake (a reopened record), ranked.
    pub fn with_intake(atlas: &'a Atlas, intake: Intake) -> App<'a> {
        let mut app = App {
            atlas,
            index: SearchIndex::new(atlas),
            lexicon: OnceCell::new(),
            intake,
            focus: Focus::Map,
            overlay: None,
            map: Stop::WholeBody,
            cursor: None,
            highlighted: 0,
            highlighted_point: 0,
            list_offset: 0,
            pinned: None,
            detail_scroll: 0,
            status: String::new(),
            quit: false,
            records: None,
            records_at: None,
            previous: None,
            text_pictures: false,
            config: None,
            saved: None,
            kept: None,
            confirm: None,
            draw: super::draw::DrawState::default(),
            layer: None,
            ranking: Ranking::default(),
        };
        app.rerank();
        app
    }

    /// Whether the intake holds work not yet saved, exported or opened from a file.
    pub fn unsaved(&self) -> bool {
        self.intake != Intake::default() && self.kept.as_ref() != Some(&self.intake)
    }

    /// Where the map cursor is on a map of this size.
    pub fn cursor_on(&self, width: u16, height: u16) -> Cursor {
        match self.cursor {
            Some(c) => c.clamp(width, height),
            None => Cursor::start(width, height),
        }
    }

    /// Ranks the intake again (the best [`MAX_CANDIDATES`] muscles); update calls it
    /// whenever the intake changes.
    pub fn rerank(&mut self) {
        let selection = self.intake.ranking_selection();
        // A drawing ranks by its shape; its regions are already in the selection.
        let candidates = if self.draw.drawing.is_empty() {
            rank::rank(self.atlas, &selection, MAX_CANDIDATES).candidates
        } else {
            rank::rank_drawing(self.atlas, &self.draw.drawing, &selection, MAX_CANDIDATES)
                .ranking
                .candidates
                .into_iter()
                .map(|p| Placed {
                    rank: p.rank,
                    tied: p.tied,
                    item: p.item.candidate,
                })
                .collect()
        };
        self.ranking = Ranking {
            candidates,
            flags: rank::red_flags(self.atlas, &selection),
            questions: rank::age_questions(self.atlas, &selection),
            screen: rank::screen_questions(self.atlas, &selection),
            what_else: crate::layers::report::what_else(
                crate::layers::shipped(),
                &selection.regions,
            ),
        };
    }

    /// What else the intake could be: the dermatomes, nerve fields and visceral zones
    /// it fits well, best first.
    pub fn what_else(&self) -> &[crate::layers::report::ReportLayer] {
        &self.ranking.what_else
    }

    /// The ranked muscles for the intake.
    pub fn candidates(&self) -> &[Placed<MuscleCandidate<'a>>] {
        &self.ranking.candidates
    }

    /// The red flags the intake raises.
    pub fn red_flags(&self) -> &[Raised<'a>] {
        &self.ranking.flags
    }

    /// The screening questions the intake's regions make a therapist ask, with the
    /// answers given.
    pub fn screen_questions(&self) -> &[Question<'a>] {
        &self.ranking.screen
    }

    /// The red flags held back until the age is known.
    pub fn age_questions(&self) -> &[AgeQuestion<'a>] {
        &self.ranking.questions
    }

    /// The lexicon, built on first use.
    pub fn lexicon(&self) -> Option<&Lexicon> {
        self.lexicon
            .get_or_init(|| Lexicon::for_atlas(self.atlas).ok())
            .as_ref()
    }

    /// The current search results, if the search is open: the query read as a phrase
    /// first (when anything in it is understood), then the fuzzy hits.
    pub fn search_rows(&self) -> Vec<SearchRow> {
        let Some(Overlay::Search(s)) = &self.overlay else {
            return Vec::new();
        };
        let phrase = self
            .lexicon()
            .map(|l| l.read(&s.query))
            .filter(Reading::understood);
        let terms = s.side_and_terms().1;
        let hits = if s.found.terms == terms {
            s.found.hits.clone()
        } else {
            self.index.search(terms, SEARCH_RESULTS)
        };
        // The reading of the words comes first, unless they are a muscle's, region's or
        // symptom's name typed out: "soleus" then Enter opens the soleus.
        let typed_out = hits.first().is_some_and(|h| h.exact);
        let phrase = phrase.map(SearchRow::Phrase);
        let hits = hits.into_iter().map(SearchRow::Hit);
        if typed_out {
            hits.chain(phrase).collect()
        } else {
            phrase.into_iter().chain(hits).collect()
        }
    }

    /// Searches again for the query as it now stands, narrowing the last search's
    /// findings when the query grew.
    pub fn refresh_search(&mut self) {
        let Some(Overlay::Search(s)) = &mut self.overlay else {
            return;
        };
        let terms = s.side_and_terms().1.to_string();
        if s.found.terms == terms {
            return;
        }
        let (hits, narrowing) = self
            .index
            .search_from(&terms, SEARCH_RESULTS, &s.found.narrowing);
        s.found = Found {
            terms,
            hits,
            narrowing,
        };
    }

    /// Muscles in browse order: by body group, head to toe, then by name.
    pub fn browse_order(&self) -> Vec<&'a Muscle> {
        let mut all: Vec<&Muscle> = self.atlas.muscles().iter().collect();
        all.sort_by(|a, b| a.group.cmp(&b.group).then_with(|| a.name.cmp(&b.name)));
        all
    }

    /// What the detail pane and the map overlay show: the pinned muscle's point, else
    /// the highlighted candidate.
    pub fn shown_point(&self) -> Option<Shown<'a>> {
        self.shown_among(self.candidates())
    }

    /// The muscle on its side that the detail shows now, if any.
    pub fn shown_pick(&self) -> Option<Pick> {
        self.shown_point().map(|(m, _, side)| Pick {
            muscle: m.id.clone(),
            side,
        })
    }

    /// The comparison of a pair: both muscles with all their points, on the first's
    /// side (the second's, else the left, as the map draws a point without one).
    pub fn comparison(&self, pair: &ComparePair) -> Option<crate::compare::Comparison<'a>> {
        use crate::compare::{Pattern, compare};
        let first = Pattern::muscle(self.atlas.muscle(&pair.first.muscle)?);
        let second = Pattern::muscle(self.atlas.muscle(&pair.second.muscle)?);
        let side = pair.first.side.or(pair.second.side).unwrap_or(Side::Left);
        Some(compare(self.atlas, &first, &second, side))
    }

    /// Where the shown point is among those `[ ]` step through: (index, count, whether
    /// they are the points reaching the selection rather than all the muscle's).
    pub fn shown_place(
        &self,
        cands: &[Placed<MuscleCandidate<'a>>],
    ) -> Option<(usize, usize, bool)> {
        if let Some(p) = &self.pinned {
            let m = self.atlas.muscle(&p.muscle)?;
            return Some((p.point, m.trigger_points.len(), false));
        }
        let n = cands.get(self.highlighted)?.item.points.len();
        Some((self.highlighted_point.min(n.saturating_sub(1)), n, true))
    }

    /// [`App::shown_point`] given the candidates already ranked (a frame ranks once):
    /// the highlighted muscle's stepped-to point among those reaching the selection.
    pub fn shown_among(&self, cands: &[Placed<MuscleCandidate<'a>>]) -> Option<Shown<'a>> {
        if let Some(p) = &self.pinned {
            let m = self.atlas.muscle(&p.muscle)?;
            return m.trigger_points.get(p.point).map(|tp| (m, tp, p.side));
        }
        let c = &cands.get(self.highlighted)?.item;
        let points = &c.points;
        let p = points.get(self.highlighted_point.min(points.len().saturating_sub(1)))?;
        Some((c.muscle, p.trigger_point, c.side))
    }
}
