//! PNG encoding of a drawn picture (`show --format png`, `compare --format png`).
//!
//! tiny-skia's own `encode_png` asks the png crate for its balanced level, which feeds
//! flate2 two writes a pixel row, and flate2 zeroes its 32 KiB output buffer on every
//! write: most of a PNG export's instructions were that `memset`. The png crate's fast
//! encoder (fdeflate, made for PNG's filtered rows) compresses the flat colours of a
//! diagram as well, with no such waste.

use tiny_skia::Pixmap;

/// The picture as a PNG file: 8-bit RGBA, colours un-premultiplied as a PNG stores them.
pub fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgba: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgba)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file decodes to the picture's colours, un-premultiplied, as tiny-skia's own
    /// encoder writes them.
    #[test]
    fn decodes_to_the_same_pixels_as_tiny_skias_encoder() {
        let mut pixmap = Pixmap::new(37, 5).unwrap();
        pixmap.fill(tiny_skia::Color::from_rgba8(200, 40, 10, 128));
        pixmap.fill_rect(
            tiny_skia::Rect::from_xywh(3.0, 1.0, 10.0, 2.0).unwrap(),
            &tiny_skia::Paint::default(),
            tiny_skia::Transform::identity(),
            None,
        );
        let ours = Pixmap::decode_png(&encode(&pixmap).unwrap()).unwrap();
        let theirs = Pixmap::decode_png(&pixmap.encode_png().unwrap()).unwrap();
        assert_eq!(ours.data(), theirs.data());
        assert_eq!((ours.width(), ours.height()), (37, 5));
    }
}
