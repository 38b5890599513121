//! The layout a frame was drawn with, returned by the view and kept by the loop so that
//! mouse events and the map cursor are resolved against exactly what is on screen.

use crate::atlas::RegionInstance;
use ratatui::layout::{Position, Rect};

/// The point of a view a map cell shows (its centre), in thousandths of the view's
/// units: where a drawing stroke lands, whatever the terminal's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    /// The view.
    pub view: crate::body::ViewId,
    /// The side it is drawn for.
    pub side: crate::atlas::Side,
    /// Across, in thousandths of a view unit.
    pub x: i32,
    /// Down, in thousandths of a view unit.
    pub y: i32,
}

/// Which region instance each cell of the map shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MapLayout {
    /// The map's area on screen.
    pub area: Rect,
    /// Row-major, `area.width * area.height` cells.
    pub cells: Vec<Option<RegionInstance>>,
    /// Row-major: the view point each picture cell shows (for drawing).
    pub spots: Vec<Option<Spot>>,
}

impl MapLayout {
    /// An empty hit grid over `area`.
    pub fn new(area: Rect) -> MapLayout {
        MapLayout {
            area,
            cells: vec![None; usize::from(area.width) * usize::from(area.height)],
            spots: vec![None; usize::from(area.width) * usize::from(area.height)],
        }
    }

    /// The view point under a position relative to the map's top-left.
    pub fn spot_at(&self, x: u16, y: u16) -> Option<Spot> {
        if x >= self.area.width || y >= self.area.height {
            return None;
        }
        *self
            .spots
            .get(usize::from(y) * usize::from(self.area.width) + usize::from(x))?
    }

    /// The view point under a screen position.
    pub fn spot_at_screen(&self, col: u16, row: u16) -> Option<Spot> {
        if !self.area.contains(Position::new(col, row)) {
            return None;
        }
        self.spot_at(col - self.area.x, row - self.area.y)
    }

    /// Records the view point a cell (relative to the map) shows.
    pub fn set_spot(&mut self, x: u16, y: u16, spot: Spot) {
        if x < self.area.width && y < self.area.height {
            let i = usize::from(y) * usize::from(self.area.width) + usize::from(x);
            self.spots[i] = Some(spot);
        }
    }

    /// The region at a position relative to the map's top-left.
    pub fn region_at(&self, x: u16, y: u16) -> Option<&RegionInstance> {
        if x >= self.area.width || y >= self.area.height {
            return None;
        }
        self.cells
            .get(usize::from(y) * usize::from(self.area.width) + usize::from(x))?
            .as_ref()
    }

    /// The region at a screen position.
    pub fn region_at_screen(&self, col: u16, row: u16) -> Option<&RegionInstance> {
        if !self.area.contains(Position::new(col, row)) {
            return None;
        }
        self.region_at(col - self.area.x, row - self.area.y)
    }

    /// Records what a cell (relative to the map) shows.
    pub fn set(&mut self, x: u16, y: u16, region: Option<RegionInstance>) {
        if x < self.area.width && y < self.area.height {
            let i = usize::from(y) * usize::from(self.area.width) + usize::from(x);
            self.cells[i] = region;
        }
    }
}

/// A list on screen: its inner area and the item shown on its first row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListLayout {
    /// Rows of items (inside the border).
    pub area: Rect,
    /// Index of the item on the first row.
    pub offset: usize,
    /// Rows each item takes.
    pub rows_per_item: u16,
    /// How many items there are.
    pub len: usize,
}

impl ListLayout {
    /// The item index under a screen position, if any.
    pub fn item_at(&self, col: u16, row: u16) -> Option<usize> {
        if !self.area.contains(Position::new(col, row)) || self.rows_per_item == 0 {
            return None;
        }
        let i = self.offset + usize::from((row - self.area.y) / self.rows_per_item);
        (i < self.len).then_some(i)
    }
}

/// Everything hit-testing needs from one frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The body map, when shown.
    pub map: Option<MapLayout>,
    /// The candidates list, when shown.
    pub candidates: Option<ListLayout>,
    /// The detail pane, when shown.
    pub detail: Option<Rect>,
    /// Search results, when the search is open.
    pub search: Option<ListLayout>,
    /// The muscle browser, when open.
    pub browse: Option<ListLayout>,
    /// The help overlay, when open.
    pub help: Option<Rect>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_hit_test_is_relative_to_its_area() {
        let mut map = MapLayout::new(Rect::new(10, 5, 4, 3));
        map.set(1, 2, Some(RegionInstance::new("temple", None)));
        assert_eq!(map.region_at_screen(11, 7).unwrap().region, "temple");
        assert!(map.region_at_screen(10, 7).is_none());
        assert!(map.region_at_screen(0, 0).is_none());
        assert!(map.region_at(4, 0).is_none());
        map.set(99, 99, None);
    }

    #[test]
    fn list_hit_test_accounts_for_offset_and_item_height() {
        let list = ListLayout {
            area: Rect::new(0, 2, 20, 6),
            offset: 3,
            rows_per_item: 2,
            len: 6,
        };
        assert_eq!(list.item_at(5, 2), Some(3));
        assert_eq!(list.item_at(5, 5), Some(4));
        assert_eq!(list.item_at(5, 7), Some(5));
        assert_eq!(list.item_at(5, 1), None);
        assert_eq!(list.item_at(25, 3), None);
    }
}
