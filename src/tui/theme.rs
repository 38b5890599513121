//! Colour and monochrome themes. crossterm's `NO_COLOR` handling resets every attribute,
//! reverse and bold included, so without colour painmap switches to its own monochrome
//! theme built from reverse, bold and underline, in which the selection stays visible.

use super::picture::ImageTier;
use crate::body::glyphs::Glyphs;
use ratatui::style::{Color, Modifier, Style};
use std::rc::Rc;

/// The styles the views use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Colour is on.
    pub color: bool,
    /// Plain text.
    pub text: Style,
    /// Secondary text (hints, sources).
    pub dim: Style,
    /// Pane titles.
    pub title: Style,
    /// The focused pane's border.
    pub focus_border: Style,
    /// Other borders.
    pub border: Style,
    /// The highlighted row of a list.
    pub highlight: Style,
    /// Matched letters in search results.
    pub matched: Style,
    /// The red-flag banner.
    pub flag: Style,
    /// Body outline on the map.
    pub outline: Style,
    /// Body inside the outline.
    pub body: Style,
    /// Essential zone.
    pub essential: Style,
    /// Spillover zone.
    pub spillover: Style,
    /// Trigger point X.
    pub point: Style,
    /// A compared second pattern's essential zone.
    pub essential2: Style,
    /// A compared second pattern's spillover zone.
    pub spillover2: Style,
    /// Where both compared patterns reach.
    pub both: Style,
    /// A selected region.
    pub selected: Style,
    /// A selected region that is also in the shown pattern.
    pub overlap: Style,
    /// The map cursor.
    pub cursor: Style,
    /// R and L labels, view titles.
    pub label: Style,
    /// How the body map draws the body (a filled mosaic unless asked otherwise).
    pub glyphs: Glyphs,
    /// Real images on the body map, where the terminal shows them (`--graphics`).
    pub images: Option<Rc<ImageTier>>,
}

impl Theme {
    /// The colour theme, or the monochrome one (see [`crate::color`] for the decision).
    pub fn new(color: bool) -> Theme {
        if color {
            Theme::colour()
        } else {
            Theme::mono()
        }
    }

    /// Colour: essential red, spillover light red, X yellow, selection blue.
    pub fn colour() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            color: true,
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            title: Style::new().add_modifier(bold),
            focus_border: Style::new().fg(Color::Cyan),
            border: Style::new().fg(Color::DarkGray),
            highlight: Style::new().bg(Color::Rgb(40, 60, 90)).add_modifier(bold),
            matched: Style::new().fg(Color::Yellow).add_modifier(bold),
            flag: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(bold),
            outline: Style::new().fg(Color::Gray),
            body: Style::new().fg(Color::Rgb(110, 110, 110)),
            essential: Style::new().fg(Color::Red),
            spillover: Style::new().fg(Color::LightRed),
            point: Style::new().fg(Color::Yellow).add_modifier(bold),
            essential2: Style::new().fg(Color::Blue).add_modifier(bold),
            spillover2: Style::new().fg(Color::LightBlue),
            both: Style::new().fg(Color::Magenta).add_modifier(bold),
            selected: Style::new().fg(Color::LightBlue).bg(Color::Rgb(20, 40, 90)),
            overlap: Style::new().fg(Color::Red).bg(Color::Rgb(20, 40, 90)),
            cursor: Style::new()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(bold),
            label: Style::new().fg(Color::Cyan).add_modifier(bold),
            glyphs: Glyphs::Quadrant,
            images: None,
        }
    }

    /// No colour: marks carry the meaning (`#`, `:`, `X`), selection is reversed.
    pub fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            color: false,
            text: plain,
            dim: plain,
            title: plain.add_modifier(Modifier::BOLD),
            focus_border: plain.add_modifier(Modifier::BOLD),
            border: plain,
            highlight: plain.add_modifier(Modifier::REVERSED),
            matched: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            flag: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            outline: plain,
            body: plain,
            essential: plain.add_modifier(Modifier::BOLD),
            spillover: plain,
            point: plain.add_modifier(Modifier::BOLD),
            essential2: plain.add_modifier(Modifier::BOLD),
            spillover2: plain,
            both: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            overlap: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            cursor: plain.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED | Modifier::BOLD),
            label: plain.add_modifier(Modifier::BOLD),
            glyphs: Glyphs::Quadrant,
            images: None,
        }
    }
}
