//! A page a practice can attach: the heading (muscle and trigger point names), each
//! figure with its caption, view titles and the patient's R and L, a legend in words
//! (essential zone, spillover, trigger point; in a comparison which number is which), the
//! source and the disclaimer. Laid out once here, in the figure's units, so the SVG
//! ([`super::svg`], `<text>` elements) and the PNG ([`super::pixmap`], drawn with
//! [`super::font`]) carry the same words in the same places.

use super::figure::Figure;
use super::font;
use super::model::BodyModel;

/// A legend swatch: what a mark in the picture looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    /// Pattern 1's essential zone (solid red).
    Essential,
    /// Pattern 1's spillover (red dots).
    Spillover,
    /// Pattern 1's X.
    TriggerPoint,
    /// A compared pattern 2's essential zone (dense blue hatching).
    Essential2,
    /// A compared pattern 2's spillover (sparse blue hatching).
    Spillover2,
    /// Pattern 2's X (blue, ringed).
    TriggerPoint2,
}

/// How a line of text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The page's heading.
    Heading,
    /// A figure's caption.
    Caption,
    /// A view's title.
    ViewTitle,
    /// An R or L at a view's edge.
    Side,
    /// A legend entry.
    Legend,
    /// The source and the disclaimer.
    Note,
}

impl Role {
    /// The CSS class of the role in the SVG.
    pub fn class(self) -> &'static str {
        match self {
            Role::Heading => "heading",
            Role::Caption => "caption",
            Role::ViewTitle => "title",
            Role::Side => "side",
            Role::Legend => "legend",
            Role::Note => "note",
        }
    }

    /// Bold roles.
    pub fn bold(self) -> bool {
        matches!(self, Role::Heading | Role::Side | Role::Caption)
    }
}

/// Where a text is anchored on its x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// x is its left end.
    Start,
    /// x is its middle.
    Middle,
}

/// One thing placed on the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of text: its baseline at `y`, capitals `cap` tall.
    Text {
        /// x of the anchor.
        x: f32,
        /// The baseline.
        y: f32,
        /// Capital height.
        cap: f32,
        /// The words (atlas text: escaped by the writer).
        text: String,
        /// How it is set.
        role: Role,
        /// Where `x` is.
        anchor: Anchor,
    },
    /// A legend swatch, a square `size` wide with its top left at `(x, y)`.
    Swatch {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Side of the square.
        size: f32,
        /// What it shows.
        kind: Swatch,
    },
    /// Figure `index` of the page, its top left at `(x, y)`.
    Figure {
        /// Which figure.
        index: usize,
        /// Left.
        x: f32,
        /// Top.
        y: f32,
    },
}

/// A laid-out page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width, in the figures' units.
    pub width: f32,
    /// Height.
    pub height: f32,
    /// What is on it, in painting order.
    pub items: Vec<Item>,
}

/// What a page says besides its figures.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// The heading: the muscle (and point) or the two compared patterns.
    pub heading: String,
    /// One caption per figure.
    pub captions: Vec<String>,
    /// The legend: a swatch and its words.
    pub legend: Vec<(Swatch, String)>,
    /// Lines at the foot: the source, the disclaimer (wrapped to the page).
    pub notes: Vec<String>,
}

impl Words {
    /// The legend of one pattern: essential zone, spillover, trigger point.
    pub fn single_legend() -> Vec<(Swatch, String)> {
        vec![
            (
                Swatch::Essential,
                "essential zone (felt by nearly everyone)".to_owned(),
            ),
            (Swatch::Spillover, "spillover (felt by some)".to_owned()),
            (Swatch::TriggerPoint, "trigger point".to_owned()),
        ]
    }

    /// The legend of a comparison: which number and marks are which pattern.
    pub fn comparison_legend(first: &str, second: &str) -> Vec<(Swatch, String)> {
        vec![
            (Swatch::Essential, format!("1 {first}: essential zone")),
            (Swatch::Spillover, "1: spillover".to_owned()),
            (
                Swatch::TriggerPoint,
                "1: trigger point, X numbered 1".to_owned(),
            ),
            (Swatch::Essential2, format!("2 {second}: essential zone")),
            (Swatch::Spillover2, "2: spillover".to_owned()),
            (
                Swatch::TriggerPoint2,
                "2: trigger point, ringed X numbered 2".to_owned(),
            ),
        ]
    }
}

/// Lays out `figures` (each drawn `unit * 100` tall) with `words`.
#[allow(
    clippy::too_many_lines,
    reason = "the page from top to bottom: heading, figures, legend, notes"
)]
pub fn layout(model: &BodyModel, figures: &[&Figure], words: &Words) -> Page {
    let unit = figures
        .iter()
        .map(|f| f.height)
        .fold(0.0f32, f32::max)
        .max(1.0)
        / 100.0;
    let margin = 3.0 * unit;
    let inner = figures.iter().map(|f| f.width).fold(90.0 * unit, f32::max);
    let width = inner + 2.0 * margin;
    let mut items = Vec::new();
    let mut y = margin;
    let line = |items: &mut Vec<Item>, y: &mut f32, text: String, role: Role, cap: f32| {
        *y += cap;
        items.push(Item::Text {
            x: margin,
            y: *y,
            cap,
            text,
            role,
            anchor: Anchor::Start,
        });
        *y += cap * 0.8;
    };
    for text in wrapped(&words.heading, inner, 2.4 * unit) {
        line(&mut items, &mut y, text, Role::Heading, 2.4 * unit);
    }
    y += unit;
    for (index, figure) in figures.iter().enumerate() {
        if let Some(caption) = words.captions.get(index) {
            for text in wrapped(caption, inner, 1.7 * unit) {
                line(&mut items, &mut y, text, Role::Caption, 1.7 * unit);
            }
        }
        // View titles and R / L above each panel.
        let cap = 1.4 * unit;
        y += cap * 1.6;
        for panel in &figure.panels {
            let view = model.view(panel.view);
            let mid = margin + f32::midpoint(panel.dest.x0, panel.dest.x1);
            items.push(Item::Text {
                x: mid,
                y,
                cap,
                text: view.title(panel.side),
                role: Role::ViewTitle,
                anchor: Anchor::Middle,
            });
            if let Some(left) = view.viewer_left() {
                for (x, side) in [
                    (panel.dest.x0 + cap, left),
                    (panel.dest.x1 - cap, left.opposite()),
                ] {
                    items.push(Item::Text {
                        x: margin + x,
                        y,
                        cap: cap * 1.2,
                        text: side.letter().to_string(),
                        role: Role::Side,
                        anchor: Anchor::Middle,
                    });
                }
            }
        }
        y += cap * 0.8;
        items.push(Item::Figure {
            index,
            x: margin,
            y,
        });
        y += figure.height + 2.0 * unit;
    }
    // The legend, swatches and words flowing in rows.
    let cap = 1.4 * unit;
    let size = cap * 1.4;
    let mut x = margin;
    y += size;
    for (kind, text) in &words.legend {
        let w = size + cap * 0.8 + font::width(text, cap) + cap * 2.0;
        if x > margin && x + w > margin + inner {
            x = margin;
            y += size * 1.6;
        }
        items.push(Item::Swatch {
            x,
            y: y - size,
            size,
            kind: *kind,
        });
        items.push(Item::Text {
            x: x + size + cap * 0.8,
            y: y - (size - cap) / 2.0,
            cap,
            text: text.clone(),
            role: Role::Legend,
            anchor: Anchor::Start,
        });
        x += w;
    }
    y += unit;
    for note in &words.notes {
        for text in wrapped(note, inner, 1.2 * unit) {
            line(&mut items, &mut y, text, Role::Note, 1.2 * unit);
        }
    }
    Page {
        width,
        height: y + margin,
        items,
    }
}

/// `text` wrapped to lines at most `width` wide with capitals `cap` tall (the columns
/// wrap, at the text's own average advance).
fn wrapped(text: &str, width: f32, cap: f32) -> Vec<String> {
    let n = text.chars().count().max(1);
    let advance = (font::width(text, cap) / n as f32).max(f32::MIN_POSITIVE);
    let columns = ((width / advance).floor() as usize).max(8);
    crate::columns::wrap(text.split_whitespace(), " ", columns, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::frame::Frame;

    #[test]
    fn a_page_has_every_word_inside_it() {
        let m = crate::body::shipped();
        let fig = Figure::of_frame(m, &Frame::whole_body(), 1600.0);
        let words = Words {
            heading: "Gluteus minimus: posterior points".to_owned(),
            captions: vec!["The posterior points (right)".to_owned()],
            legend: Words::single_legend(),
            notes: vec![
                "Source: Travell & Simons".to_owned(),
                crate::DISCLAIMER.to_owned(),
            ],
        };
        let page = layout(m, &[&fig], &words);
        assert!(page.height > 1600.0);
        let texts: Vec<&str> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        for want in [
            "Front",
            "Back",
            "R",
            "L",
            "trigger point",
            "spillover (felt by some)",
        ] {
            assert!(texts.contains(&want), "{want}: {texts:?}");
        }
        for item in &page.items {
            if let Item::Text {
                x,
                y,
                cap,
                text,
                anchor,
                ..
            } = item
            {
                let w = font::width(text, *cap);
                let x0 = if *anchor == Anchor::Middle {
                    x - w / 2.0
                } else {
                    *x
                };
                assert!(x0 >= 0.0 && x0 + w <= page.width + 0.5, "{text}");
                assert!(*y <= page.height && *y - cap >= 0.0, "{text}");
            }
        }
    }
}
