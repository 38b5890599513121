//! The image tier on the body map: each panel drawn from the vector body model with
//! tiny-skia and shown through the terminal's image protocol (kitty, sixel, iTerm2).
//!
//! The picture is laid over the panel's text raster cell for cell
//! ([`Figure::over_cells`]), so clicks, the cursor and the X land where the text tiers
//! put them. Encoding costs milliseconds and a sixel or iTerm2 picture is sent whole, so
//! pictures are kept by what they show and encoded again only when that changes.

use crate::body::BodyModel;
use crate::body::diagram::Diagram;
use crate::body::figure::Figure;
use crate::body::overlay::Overlay;
use crate::body::pixmap;
use crate::body::raster::{Raster, Viewport};
use crate::graphics::{self, Encoded, Protocol, Terminal};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget as _;
use std::cell::{Cell, RefCell};

/// How many pictures are kept: the panels of one map, a close-up, and the last few
/// cursor positions.
const KEPT: usize = 6;

/// What one picture shows: which part of which view, at what size, with what over it.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    viewport: Viewport,
    overlay: Overlay,
    cell: (u16, u16),
}

/// The image tier of a terminal that shows images, and the pictures already encoded.
pub struct ImageTier {
    /// What detection found (protocol, cell size, tmux).
    pub terminal: Terminal,
    kept: RefCell<Vec<(Key, Encoded)>>,
    next_id: Cell<u32>,
}

impl std::fmt::Debug for ImageTier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImageTier")
            .field("terminal", &self.terminal)
            .field("kept", &self.kept.borrow().len())
            .finish_non_exhaustive()
    }
}

/// Two tiers are the same when they draw for the same terminal (what is kept is a
/// cache, not state).
impl PartialEq for ImageTier {
    fn eq(&self, other: &Self) -> bool {
        self.terminal == other.terminal
    }
}

impl Eq for ImageTier {}

impl ImageTier {
    /// The tier for a detected terminal.
    pub fn new(terminal: Terminal) -> ImageTier {
        ImageTier {
            terminal,
            kept: RefCell::new(Vec::new()),
            next_id: Cell::new(1),
        }
    }

    /// Whether a protocol repaints a picture's whole area when sent (sixel, iTerm2),
    /// rather than placing it cell by cell (kitty's placeholders): text drawn over such a
    /// picture stays until it is sent again.
    pub fn sent_whole(&self) -> bool {
        self.terminal.protocol != Protocol::Kitty
    }

    /// Draws a panel's raster with its overlay as a picture into `area` of `buf`. Returns
    /// `false` (drawing nothing) when it cannot: too small, or the encoder failed; the
    /// caller then draws the text tier.
    pub fn draw(
        &self,
        raster: &Raster<'_>,
        overlay: &Overlay,
        area: Rect,
        buf: &mut Buffer,
    ) -> bool {
        let (w, h) = (raster.width(), raster.height());
        if w < 2 || h < 2 || area.width < w || area.height < h {
            return false;
        }
        let key = Key {
            viewport: raster.viewport(),
            overlay: overlay.clone(),
            cell: self.terminal.cell,
        };
        let mut kept = self.kept.borrow_mut();
        let found = kept.iter().position(|(k, _)| *k == key);
        let at = if let Some(i) = found {
            i
        } else {
            let Some(encoded) = self.encode(raster, overlay) else {
                return false;
            };
            if kept.len() == KEPT {
                kept.remove(0);
            }
            kept.push((key, encoded));
            kept.len() - 1
        };
        let Some((_, encoded)) = kept.get(at) else {
            return false;
        };
        ratatui_image::Image::new(encoded).render(Rect::new(area.x, area.y, w, h), buf);
        true
    }

    fn encode(&self, raster: &Raster<'_>, overlay: &Overlay) -> Option<Encoded> {
        let model: &BodyModel = raster.model();
        let (cw, ch) = self.terminal.cell;
        let (cw, ch) = (f32::from(cw.max(1)), f32::from(ch.max(1)));
        let cells = (raster.width(), raster.height());
        let figure = Figure::over_cells(&[((0, 0), raster)], cells, cw, ch);
        let mut picture = pixmap::render(model, &figure, overlay)?;
        if let Some((col, row)) = overlay.cursor {
            pixmap::ring(
                &mut picture,
                f32::from(col) * cw,
                f32::from(row) * ch,
                cw,
                ch,
            );
        }
        let size = (picture.width(), picture.height());
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1).max(1));
        let t = self.terminal;
        graphics::encoded(t.protocol, pixmap::rgba(&picture), size, cells, t.tmux, id).ok()
    }
}

/// A diagram in the theme's tier: its text (titles, legend, and the body where no
/// picture can be drawn), then each panel as a picture where the terminal shows them.
pub fn paint_diagram(
    diagram: &Diagram<'_>,
    overlay: &Overlay,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    crate::tui::view::CanvasPicture {
        canvas: &diagram.draw(overlay, theme.glyphs, !theme.color),
        mosaic: theme.glyphs.samples().is_some(),
        theme,
    }
    .render(area, buf);
    if let Some(tier) = &theme.images {
        draw_diagram(tier, diagram, overlay, area, buf, theme);
    }
}

/// Draws each panel of a text diagram as a picture over the text already in `buf` at
/// `area` (titles and legend stay text); the overlay's cursor is in diagram cells. A
/// panel that cannot be drawn keeps its text. A comparison's legend is written again in
/// the picture's own terms ([`pixmap::COMPARISON_LEGEND`]) once every panel is a
/// picture.
pub fn draw_diagram(
    tier: &ImageTier,
    diagram: &Diagram<'_>,
    overlay: &Overlay,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) {
    let mut all = true;
    for p in diagram.panels() {
        let mut local = overlay.clone();
        local.cursor = overlay.cursor.and_then(|(c, r)| p.local(c, r));
        let at = Rect::new(
            area.x + p.col,
            area.y + p.row,
            p.raster.width(),
            p.raster.height(),
        );
        all &= at.right() <= area.right()
            && at.bottom() <= area.bottom()
            && tier.draw(&p.raster, &local, at, buf);
    }
    let rows = diagram.legend_rows();
    if all && overlay.second.is_some() && rows > 0 {
        let top = area.y + diagram.height().saturating_sub(rows);
        let legend = Rect::new(area.x, top, diagram.width().min(area.width), rows);
        comparison_legend(legend, buf, theme);
    }
}

/// Writes [`pixmap::COMPARISON_LEGEND`] in `area`, its words wrapped to the width and
/// each line centred, as the text tiers' legend is; each pattern's words in its colour.
fn comparison_legend(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let width = usize::from(area.width);
    let mut lines: Vec<(usize, Vec<(&str, Style)>)> = vec![(0, Vec::new())];
    for (pattern, text) in pixmap::COMPARISON_LEGEND {
        let style = if pattern == 1 {
            theme.essential
        } else {
            theme.essential2
        };
        for word in text.split(' ') {
            let len = word.chars().count();
            let Some((used, words)) = lines.last_mut() else {
                return;
            };
            if *used > 0 && *used + 1 + len > width {
                lines.push((len, vec![(word, style)]));
            } else {
                *used += usize::from(*used > 0) + len;
                words.push((word, style));
            }
        }
    }
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.reset();
            }
        }
    }
    for ((used, words), y) in lines.iter().zip(area.top()..area.bottom()) {
        let mut x = area.x + (width.saturating_sub(*used) / 2) as u16;
        for (k, &(word, style)) in words.iter().enumerate() {
            if k > 0 {
                x += 1;
            }
            let room = usize::from(area.right().saturating_sub(x));
            x = buf.set_stringn(x, y, word, room, style).0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::{Atlas, Side};
    use crate::body::ViewId;

    fn tier(protocol: Protocol) -> ImageTier {
        ImageTier::new(Terminal {
            protocol,
            cell: (8, 16),
            tmux: false,
        })
    }

    #[test]
    fn a_picture_is_encoded_once_and_again_only_when_it_changes() {
        let atlas = Atlas::shipped().unwrap();
        let m = atlas.resolve_muscle("soleus").unwrap();
        let model = crate::body::shipped();
        let raster = Raster::new(model, Viewport::new(ViewId::Back, Side::Left, 20, 18));
        let mut overlay = Overlay::of_point(&atlas, &m.trigger_points[0], Side::Right);
        let t = tier(Protocol::Kitty);
        let area = Rect::new(0, 0, 20, 18);
        let mut buf = Buffer::empty(area);
        assert!(t.draw(&raster, &overlay, area, &mut buf));
        // kitty's picture is its placeholder in every cell.
        let placeholders = buf
            .content()
            .iter()
            .filter(|c| c.symbol().contains('\u{10EEEE}'));
        assert_eq!(placeholders.count(), 20 * 18);
        assert!(t.draw(&raster, &overlay, area, &mut buf));
        assert_eq!(
            t.kept.borrow().len(),
            1,
            "the same picture is kept, not encoded again"
        );
        overlay.cursor = Some((4, 5));
        assert!(t.draw(&raster, &overlay, area, &mut buf));
        assert_eq!(t.kept.borrow().len(), 2, "a moved cursor is a new picture");
    }

    #[test]
    fn a_sixel_picture_is_one_sequence_in_its_first_cell() {
        let model = crate::body::shipped();
        let raster = Raster::new(model, Viewport::new(ViewId::Front, Side::Left, 12, 10));
        let t = tier(Protocol::Sixel);
        assert!(t.sent_whole() && !tier(Protocol::Kitty).sent_whole());
        let area = Rect::new(2, 1, 14, 12);
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 15));
        assert!(t.draw(&raster, &Overlay::default(), area, &mut buf));
        let first = buf.cell((2, 1)).unwrap().symbol();
        assert!(
            first.contains("\u{1b}P") && first.contains('q'),
            "{first:?}"
        );
    }

    #[test]
    fn too_small_to_draw_is_left_to_the_text_tier() {
        let model = crate::body::shipped();
        let raster = Raster::new(model, Viewport::new(ViewId::Front, Side::Left, 1, 1));
        let mut buf = Buffer::empty(Rect::new(0, 0, 4, 4));
        assert!(!tier(Protocol::Sixel).draw(&raster, &Overlay::default(), buf.area, &mut buf));
    }

    /// A comparison drawn as pictures says what the picture's marks are: the text
    /// tiers' legend (blocks and checks) is replaced by the image's.
    #[test]
    fn a_compared_picture_has_the_images_legend() {
        use crate::compare::{Pattern, compare};
        let atlas = Atlas::shipped().unwrap();
        let one = Pattern::resolve(&atlas, "soleus").unwrap();
        let two = Pattern::resolve(&atlas, "gastrocnemius").unwrap();
        let overlay = compare(&atlas, &one, &two, Side::Left).overlay(&atlas);
        let model = crate::body::shipped();
        let glyphs = crate::body::glyphs::Glyphs::Quadrant;
        let d = Diagram::for_overlay(model, &overlay, 58, 36, glyphs);
        assert!(d.legend_rows() > 0);
        let area = Rect::new(0, 0, 58, 36);
        let text = |buf: &Buffer| -> String {
            buf.content()
                .iter()
                .map(ratatui::buffer::Cell::symbol)
                .collect()
        };
        let theme = crate::tui::theme::Theme::colour();
        let mut buf = Buffer::empty(area);
        crate::tui::view::CanvasPicture {
            canvas: &d.draw(&overlay, glyphs, false),
            mosaic: true,
            theme: &theme,
        }
        .render(area, &mut buf);
        assert!(text(&buf).contains("2 spillover"), "the text tier's legend");
        draw_diagram(&tier(Protocol::Kitty), &d, &overlay, area, &mut buf, &theme);
        let drawn = text(&buf);
        assert!(drawn.contains("dots spillover"), "the image's legend");
        assert!(drawn.contains("ringed X"), "the image's legend");
        assert!(!drawn.contains("2 spillover"), "not the text tier's");
    }

    /// The explorer's map and a study card, drawn with a kitty tier on a test terminal:
    /// the map is placeholders (the picture), and the hit grid still finds the regions.
    #[test]
    fn the_explorer_and_study_draw_their_maps_as_pictures() {
        use crate::study::cards::Deck;
        use crate::study::progress::Progress;
        use crate::tui::Screen;
        use crate::tui::theme::Theme;
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        let atlas = Atlas::shipped().unwrap();
        let theme = Theme {
            images: Some(std::rc::Rc::new(tier(Protocol::Kitty))),
            ..Theme::colour()
        };
        let count = |term: &Terminal<TestBackend>| {
            term.backend()
                .buffer()
                .content()
                .iter()
                .filter(|c| c.symbol().contains('\u{10EEEE}'))
                .count()
        };
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let app = crate::tui::app::App::new(&atlas);
        let mut layout = crate::tui::layout::Layout::default();
        term.draw(|f| layout = app.draw(f, &theme)).unwrap();
        assert!(count(&term) > 500, "the map is a picture");
        let map = layout.map.as_ref().expect("a map");
        let regions = (0..map.area.height)
            .flat_map(|y| (0..map.area.width).map(move |x| (x, y)))
            .filter(|&(x, y)| map.region_at(x, y).is_some())
            .count();
        assert!(regions > 300, "the map's cells still name their regions");

        let deck = Deck::build(&atlas, None, 3);
        let study =
            crate::tui::study::app::StudyApp::new(&atlas, deck, Progress::default(), None, 0);
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        term.draw(|f| {
            study.draw(f, &theme);
        })
        .unwrap();
        assert!(count(&term) > 300, "the card's diagram is a picture");
    }
}
