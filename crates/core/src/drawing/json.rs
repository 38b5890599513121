//! The drawing file: JSON, in body-model coordinates (the view's grid, [`super::grid`]),
//! documented in `docs/drawings.md`. A bad file is one error naming its line and column.
//!
//! ```json
//! {"format": "painmap-drawing", "version": 1,
//!  "sheets": [{"view": "Front", "side": "left", "width": 44, "height": 128,
//!              "rows": ["....##aa..", "..."]}]}
//! ```
//!
//! A row is one character per sample: `.` nothing, `#` pain with no quality stated,
//! `a` aching, `b` burning, `t` tingling, `n` numbness, `s` sharp.

use super::{Drawing, Ink, NONE, PAIN, Sheet, SheetId, ink_of};
use crate::atlas::Side;
use crate::body::ViewId;
use crate::intake::Quality;
use serde::{Deserialize, Serialize};

/// The `format` field's value.
pub const FORMAT: &str = "painmap-drawing";
/// The version written.
pub const VERSION: u32 = 1;
/// The largest drawing file read.
pub const MAX_BYTES: u64 = 4 << 20;

/// A drawing file that cannot be read: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// The character of an ink.
fn ink_char(ink: Ink) -> char {
    match super::quality_of(ink) {
        Some(Quality::Aching) => 'a',
        Some(Quality::Burning) => 'b',
        Some(Quality::Tingling) => 't',
        Some(Quality::Numbness) => 'n',
        Some(Quality::Sharp) => 's',
        None if ink == NONE => '.',
        None => '#',
    }
}

/// The ink of a character.
fn char_ink(c: char) -> Option<Ink> {
    Some(match c {
        '.' => NONE,
        '#' => PAIN,
        'a' => ink_of(Some(Quality::Aching)),
        'b' => ink_of(Some(Quality::Burning)),
        't' => ink_of(Some(Quality::Tingling)),
        'n' => ink_of(Some(Quality::Numbness)),
        's' => ink_of(Some(Quality::Sharp)),
        _ => return None,
    })
}

/// A row as read: its inks, checked character by character.
#[derive(Debug)]
struct Row(Vec<Ink>);

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Row, D::Error> {
        let text = String::deserialize(d)?;
        text.chars()
            .enumerate()
            .map(|(k, c)| {
                char_ink(c).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "character {} of a row is '{}': a row holds only . # a b t n s",
                        k + 1,
                        crate::escape::line(&c.to_string())
                    ))
                })
            })
            .collect::<Result<Vec<Ink>, D::Error>>()
            .map(Row)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSheet {
    view: ViewId,
    side: Side,
    width: usize,
    height: usize,
    rows: Vec<Row>,
}

/// A sheet read and checked against the grid of its view.
struct Checked(Sheet);

impl<'de> Deserialize<'de> for Checked {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Checked, D::Error> {
        use serde::de::Error as _;
        let raw = RawSheet::deserialize(d)?;
        let model = crate::body::shipped();
        let id = SheetId::new(model, raw.view, raw.side);
        let (w, h) = super::grid::size_of(model, id);
        if (raw.width, raw.height) != (w, h) {
            return Err(D::Error::custom(format!(
                "the {:?} sheet is {}x{} samples; this painmap's grid for it is {w}x{h}",
                raw.view, raw.width, raw.height
            )));
        }
        if raw.rows.len() != h {
            return Err(D::Error::custom(format!(
                "the {:?} sheet has {} rows; its height is {h}",
                raw.view,
                raw.rows.len()
            )));
        }
        let mut inks = Vec::with_capacity(w * h);
        for (k, row) in raw.rows.into_iter().enumerate() {
            if row.0.len() != w {
                return Err(D::Error::custom(format!(
                    "row {} of the {:?} sheet has {} samples; its width is {w}",
                    k + 1,
                    raw.view,
                    row.0.len()
                )));
            }
            inks.extend(row.0);
        }
        Ok(Checked(Sheet {
            id,
            width: w,
            height: h,
            inks,
        }))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDrawing {
    format: String,
    version: u32,
    sheets: Vec<Checked>,
}

#[derive(Serialize)]
struct OutSheet<'a> {
    view: ViewId,
    side: Side,
    width: usize,
    height: usize,
    rows: Vec<String>,
    #[serde(skip)]
    _s: std::marker::PhantomData<&'a ()>,
}

#[derive(Serialize)]
struct OutDrawing<'a> {
    format: &'static str,
    version: u32,
    sheets: Vec<OutSheet<'a>>,
}

/// Reads a drawing from its JSON text.
pub fn parse(text: &str) -> Result<Drawing, FormatError> {
    let raw: RawDrawing = serde_json::from_str(text).map_err(|e| FormatError {
        line: e.line().max(1),
        column: e.column().max(1),
        message: strip_position(&e.to_string()),
    })?;
    let at_start = |message: String| FormatError {
        line: 1,
        column: 1,
        message,
    };
    if raw.format != FORMAT {
        return Err(at_start(format!(
            "not a painmap drawing (format is '{}', expected '{FORMAT}')",
            crate::escape::line_cut(&raw.format, 40)
        )));
    }
    if raw.version != VERSION {
        return Err(at_start(format!(
            "drawing version {} is not one this painmap reads ({VERSION})",
            raw.version
        )));
    }
    let mut drawing = Drawing::default();
    for Checked(sheet) in raw.sheets {
        if drawing.sheet(sheet.id).is_some() {
            return Err(at_start(format!(
                "the {:?} sheet is given twice",
                sheet.id.view
            )));
        }
        drawing.sheets.push(sheet);
    }
    drawing.sheets.sort_by_key(|s| s.id);
    drawing.tidy();
    Ok(drawing)
}

/// `serde_json`'s message ends with " at line L column C": the caller prints the place
/// first, once.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(k) => message[..k].to_owned(),
        None => message.to_owned(),
    }
}

/// Writes a drawing as JSON text (a row per line).
pub fn to_json(drawing: &Drawing) -> String {
    let out = OutDrawing {
        format: FORMAT,
        version: VERSION,
        sheets: drawing
            .sheets
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| OutSheet {
                view: s.id.view,
                side: s.id.side,
                width: s.width,
                height: s.height,
                rows: s
                    .inks
                    .chunks(s.width.max(1))
                    .map(|r| r.iter().map(|&k| ink_char(k)).collect())
                    .collect(),
                _s: std::marker::PhantomData,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a drawing file: `Err` is one line, `FILE:LINE:COL: what`.
pub fn read(path: &std::path::Path) -> Result<Drawing, String> {
    let shown = crate::escape::line(&path.display().to_string());
    let bytes = crate::fsutil::read_capped(path, MAX_BYTES).map_err(|e| format!("{shown}: {e}"))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| format!("{shown}:1:1: not UTF-8 text"))?;
    parse(text).map_err(|e| format!("{shown}:{e}"))
}
