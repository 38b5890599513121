//! The explorer driven through input mapping, `update` and `draw` on a `TestBackend`:
//! every key, clicks on the map and lists, and a no-panic sweep over sizes and events.
//! The harness is here; the tests are split by feature.

mod compare;
mod export;
mod intake;
mod lists;
mod map;
mod records;
mod robust;
mod search;

use crate::atlas::{Atlas, RegionInstance, Side};
use crate::study::rng::Rng;
use crate::tui::app::{App, Focus, Overlay};
use crate::tui::msg::Msg;
use crate::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::sync::OnceLock;

pub(super) fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| Atlas::shipped().unwrap())
}

/// The explorer on a test terminal.
pub(super) type Harness = crate::tui::testkit::Harness<App<'static>>;

impl Harness {
    pub(super) fn new(w: u16, h: u16) -> Harness {
        Harness::start(App::new(atlas()), w, h)
    }

    /// A screen cell of the map showing this region instance.
    pub(super) fn cell_of(&self, region: &str, side: Option<Side>) -> (u16, u16) {
        let map = self.layout.map.as_ref().expect("map shown");
        for y in 0..map.area.height {
            for x in 0..map.area.width {
                if map.region_at(x, y) == Some(&RegionInstance::new(region, side)) {
                    return (map.area.x + x, map.area.y + y);
                }
            }
        }
        panic!("{region} {side:?} not on the map");
    }

    pub(super) fn selected(&self) -> Vec<String> {
        self.app
            .intake
            .selection
            .regions
            .iter()
            .map(ToString::to_string)
            .collect()
    }
}

/// A fresh folder for one test's files, removed when the test ends.
pub(super) fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("painmap-tui-")
        .tempdir()
        .unwrap()
}

/// Opens the export prompt and replaces the suggested name with `path`.
pub(super) fn export_to(h: &mut Harness, path: &std::path::Path) {
    h.ch('e');
    let Some(Overlay::Export(e)) = &h.app.overlay else {
        panic!("export prompt")
    };
    let suggested = e.path.clone();
    assert!(
        suggested.starts_with("painmap-")
            && std::path::Path::new(&suggested)
                .extension()
                .is_some_and(|x| x == "md"),
        "{suggested}"
    );
    assert_eq!(suggested.len(), "painmap-YYYYMMDD-HHMM.md".len());
    for _ in 0..suggested.len() {
        h.key(KeyCode::Backspace);
    }
    h.typed(&path.display().to_string());
    h.key(KeyCode::Enter);
}

/// Marks the left temple and jaw of a 58-year-old: the giant-cell-arteritis flag.
/// Temple and jaw, the jaw aching on chewing (the screen's fourth question answered
/// yes), aged 58: giant cell arteritis.
pub(super) fn temple_and_jaw_aged_58(h: &mut Harness) {
    for region in ["left temple", "left jaw"] {
        h.ch('/');
        h.typed(region);
        h.key(KeyCode::Enter);
    }
    h.ch('f');
    for _ in 0..3 {
        h.ch('j');
    }
    h.ch('y');
    h.key(KeyCode::Esc);
    h.ch('a');
    h.typed("58");
    h.key(KeyCode::Enter);
}
