//! A small page-flow builder over `pdf-writer`: A4 pages, the base-14 Helvetica fonts
//! (every PDF reader has them, so nothing is embedded and the binary stays small), text
//! wrapped by the fonts' real widths, and a new page when the flow reaches the bottom.
//!
//! Text goes out in the `WinAnsi` encoding ([`win_ansi`]): every character the fonts can
//! show is kept, the others become `?`, and a control character never reaches the file.

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

/// A4, in points.
pub const PAGE_W: f32 = 595.0;
/// A4, in points.
pub const PAGE_H: f32 = 842.0;
/// The margin on every side.
pub const MARGIN: f32 = 48.0;
/// The width text may take.
pub const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN;

const REGULAR: Name<'static> = Name(b"F1");
const BOLD: Name<'static> = Name(b"F2");

/// A colour, 0..1 per channel.
pub type Rgb = (f32, f32, f32);
/// Body text.
pub const INK: Rgb = (0.1, 0.1, 0.12);
/// A red flag, headings of warnings.
pub const WARN: Rgb = (0.7, 0.02, 0.1);
/// Secondary text (sources, the footer).
pub const MUTED: Rgb = (0.38, 0.38, 0.42);

/// Which of the two fonts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    /// Helvetica.
    Regular,
    /// Helvetica-Bold.
    Bold,
}

impl Font {
    fn name(self) -> Name<'static> {
        match self {
            Font::Regular => REGULAR,
            Font::Bold => BOLD,
        }
    }
}

/// Pages being laid out top to bottom.
pub struct Doc {
    done: Vec<Content>,
    page: Content,
    /// The flow's position, in points from the top of the page.
    y: f32,
    title: String,
    footer: String,
}

impl Doc {
    /// A document whose every page ends with `footer` (small, muted).
    pub fn new(title: &str, footer: &str) -> Doc {
        Doc {
            done: Vec::new(),
            page: Content::new(),
            y: MARGIN,
            title: title.to_owned(),
            footer: footer.to_owned(),
        }
    }

    /// The content stream of the current page (for pictures), and the page's height
    /// so a caller can turn top-down positions into PDF's bottom-up ones.
    pub fn content(&mut self) -> &mut Content {
        &mut self.page
    }

    /// The flow's position from the top of the page.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Moves the flow down by `dy` points.
    pub fn advance(&mut self, dy: f32) {
        self.y += dy;
    }

    /// Makes room for `height` points, starting a page when the rest of this one is too
    /// short (a block taller than a page starts at the top of a new one all the same).
    pub fn need(&mut self, height: f32) {
        let bottom = PAGE_H - MARGIN - 14.0;
        if self.y + height > bottom && self.y > MARGIN {
            self.break_page();
        }
    }

    fn break_page(&mut self) {
        let page = std::mem::replace(&mut self.page, Content::new());
        self.done.push(page);
        self.y = MARGIN;
    }

    /// One line of text at `x` (from the left margin's edge of the page), on the flow's
    /// current baseline, without moving the flow.
    pub fn text_at(&mut self, x: f32, text: &str, font: Font, size: f32, color: Rgb) {
        self.text_top(x, self.y, text, font, size, color);
    }

    /// One line of text at `x` whose line box starts `top` points from the top of the
    /// page, without moving the flow.
    pub fn text_top(&mut self, x: f32, top: f32, text: &str, font: Font, size: f32, color: Rgb) {
        put_text(
            &mut self.page,
            x,
            PAGE_H - top - size,
            text,
            font,
            size,
            color,
        );
    }

    /// A paragraph wrapped to `width` points from `indent`, the flow moved below it.
    pub fn para(&mut self, text: &str, font: Font, size: f32, color: Rgb, indent: f32) {
        let leading = size * 1.3;
        for line in wrap(text, font, size, TEXT_W - indent) {
            self.need(leading);
            self.text_at(MARGIN + indent, &line, font, size, color);
            self.y += leading;
        }
    }

    /// A bulleted paragraph: a dash, then the text wrapped with a hanging indent.
    pub fn bullet(&mut self, text: &str, size: f32, color: Rgb) {
        let leading = size * 1.3;
        let lines = wrap(text, Font::Regular, size, TEXT_W - 14.0);
        for (i, line) in lines.iter().enumerate() {
            self.need(leading);
            if i == 0 {
                self.text_at(MARGIN + 3.0, "-", Font::Regular, size, color);
            }
            self.text_at(MARGIN + 14.0, line, Font::Regular, size, color);
            self.y += leading;
        }
    }

    /// A heading: bold, a little space above.
    pub fn heading(&mut self, text: &str, size: f32, color: Rgb) {
        self.y += size * 0.6;
        // Keep a heading with at least two lines of what follows.
        self.need(size * 1.3 + 26.0);
        self.para(text, Font::Bold, size, color, 0.0);
        self.y += 2.0;
    }

    /// The finished file: fonts, pages with their footers, the document's title.
    pub fn finish(mut self) -> Vec<u8> {
        let last = std::mem::replace(&mut self.page, Content::new());
        self.done.push(last);
        let n = self.done.len();
        let mut pdf = Pdf::new();
        let catalog = Ref::new(1);
        let tree = Ref::new(2);
        let regular = Ref::new(3);
        let bold = Ref::new(4);
        let info = Ref::new(5);
        let first_page = 6;
        let page_ids: Vec<Ref> = (0..n)
            .map(|i| Ref::new(first_page + 2 * i as i32))
            .collect();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree)
            .kids(page_ids.iter().copied())
            .count(n as i32);
        for (font, base) in [(regular, &b"Helvetica"[..]), (bold, &b"Helvetica-Bold"[..])] {
            pdf.type1_font(font)
                .base_font(Name(base))
                .encoding_predefined(Name(b"WinAnsiEncoding"));
        }
        let mut title = String::new();
        for c in self.title.chars() {
            title.push(if c.is_control() { ' ' } else { c });
        }
        pdf.document_info(info)
            .title(TextStr(&title))
            .producer(TextStr(concat!("painmap ", env!("CARGO_PKG_VERSION"))));
        for (i, mut content) in self.done.into_iter().enumerate() {
            let footer = if n > 1 {
                format!("{}  (page {} of {n})", self.footer, i + 1)
            } else {
                self.footer.clone()
            };
            put_text(
                &mut content,
                MARGIN,
                MARGIN - 20.0,
                &footer,
                Font::Regular,
                7.5,
                MUTED,
            );
            let page_id = page_ids[i];
            let content_id = Ref::new(page_id.get() + 1);
            let mut page = pdf.page(page_id);
            page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
            page.parent(tree);
            page.contents(content_id);
            let mut res = page.resources();
            res.fonts().pair(REGULAR, regular).pair(BOLD, bold);
            res.finish();
            page.finish();
            // Deflated: the stipple's thousands of dots shrink tenfold.
            let packed = miniz_oxide::deflate::compress_to_vec_zlib(&content.finish(), 6);
            pdf.stream(content_id, &packed).filter(Filter::FlateDecode);
        }
        pdf.finish()
    }
}

/// One line of text with its baseline at `(x, y)` (PDF's bottom-up coordinates).
pub fn put_text(c: &mut Content, x: f32, y: f32, text: &str, font: Font, size: f32, color: Rgb) {
    c.set_fill_rgb(color.0, color.1, color.2);
    c.begin_text();
    c.set_font(font.name(), size);
    c.next_line(x, y);
    c.show(Str(&win_ansi(text)));
    c.end_text();
}

/// Text in the `WinAnsi` encoding: ASCII and Latin-1 as they are, the typographic marks
/// `WinAnsi` adds at 0x80..0x9F, a few symbols in words the fonts can show, `?` for the
/// rest, and a space for any control character (never a byte a reader would act on).
pub fn win_ansi(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c.is_control() => out.push(b' '),
            ' '..='~' => out.push(c as u8),
            '\u{a0}'..='\u{ff}' => out.push(c as u32 as u8),
            '\u{2026}' => out.push(0x85),
            '\u{2018}' => out.push(0x91),
            '\u{2019}' => out.push(0x92),
            '\u{201c}' => out.push(0x93),
            '\u{201d}' => out.push(0x94),
            '\u{2022}' | '\u{25b8}' => out.push(0x95),
            '\u{2013}' => out.push(0x96),
            '\u{2014}' => out.push(0x97),
            '\u{20ac}' => out.push(0x80),
            '\u{2191}' => out.extend_from_slice(b"(up)"),
            '\u{2193}' => out.extend_from_slice(b"(down)"),
            '\u{2192}' => out.extend_from_slice(b"->"),
            '\u{2264}' => out.extend_from_slice(b"<="),
            '\u{2265}' => out.extend_from_slice(b">="),
            _ => out.push(b'?'),
        }
    }
    out
}

/// Helvetica's advance widths (thousandths of the size) for ASCII 32..=126, from
/// Adobe's Helvetica AFM.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
];

/// Helvetica-Bold's advance widths for ASCII 32..=126, from Adobe's Helvetica-Bold AFM.
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, // 0..?
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, // P.._
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, // `..o
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, // p..~
];

/// The width of `text` in points (characters outside ASCII count as wide as a digit,
/// a little more than most letters: the wrap errs on the short side).
pub fn width(text: &str, font: Font, size: f32) -> f32 {
    let table = match font {
        Font::Regular => &HELVETICA,
        Font::Bold => &HELVETICA_BOLD,
    };
    let units: u32 = win_ansi(text)
        .iter()
        .map(|&b| {
            b.checked_sub(32)
                .and_then(|i| table.get(usize::from(i)))
                .map_or(600, |&w| u32::from(w))
        })
        .sum();
    units as f32 * size / 1000.0
}

/// `text` broken into lines no wider than `max` points, at spaces; a line break in the
/// text starts a new line; a word wider than a line is cut between characters.
pub fn wrap(text: &str, font: Font, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if width(&candidate, font, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word longer than the line: cut it by characters.
            for c in word.chars() {
                let mut next = line.clone();
                next.push(c);
                if width(&next, font, size) > max && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = next;
                }
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn win_ansi_keeps_latin_and_typography_and_drops_controls() {
        assert_eq!(win_ansi("café – 3↓"), b"caf\xe9 \x96 3(down)".to_vec());
        assert_eq!(win_ansi("a\u{1b}[31mb"), b"a [31mb".to_vec());
        assert_eq!(win_ansi("\u{4e2d}"), b"?".to_vec());
    }

    #[test]
    fn wrap_fits_the_width_and_keeps_every_word() {
        let text = "Put two or three fingers on the cheek just under the cheekbone and stroke slowly down toward the angle of the jaw";
        let lines = wrap(text, Font::Regular, 10.0, 150.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(width(l, Font::Regular, 10.0) <= 150.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
        let long = wrap(&"x".repeat(200), Font::Bold, 10.0, 100.0);
        assert!(long.len() > 1 && long.iter().all(|l| width(l, Font::Bold, 10.0) <= 100.0));
    }

    #[test]
    fn a_long_flow_breaks_into_pages() {
        let mut doc = Doc::new("t", "footer");
        for i in 0..200 {
            doc.para(&format!("line {i}"), Font::Regular, 10.0, INK, 0.0);
        }
        let bytes = doc.finish();
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.starts_with("%PDF-"));
        assert!(text.contains("/FlateDecode"));
        assert!(text.contains("/Count 4"), "200 lines of 13 pt need 4 pages");
    }
}
