//! Pixel sizes of the images a report may show (PNG, JPEG, GIF, WebP, SVG), read from their
//! headers so that pages can set `width` and `height` and nothing shifts while they load.

use std::io::Read;
use std::path::Path;

/// How much of a file is read to find its size.
const HEADER_BYTES: u64 = 256 * 1024;

/// The width and height of the image at `path`, or `None` when it is not an image baocao can measure.
pub fn size_of_file(path: &Path) -> Option<(u32, u32)> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(HEADER_BYTES)
        .read_to_end(&mut bytes)
        .ok()?;
    size(&bytes)
}

/// The width and height of an image from its first bytes.
pub fn size(bytes: &[u8]) -> Option<(u32, u32)> {
    let be16 = |i: usize| Some(u16::from_be_bytes([*bytes.get(i)?, *bytes.get(i + 1)?]) as u32);
    let le16 = |i: usize| Some(u16::from_le_bytes([*bytes.get(i)?, *bytes.get(i + 1)?]) as u32);
    let be32 = |i: usize| Some(u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?));
    let le24 = |i: usize| {
        Some(u32::from_le_bytes([
            *bytes.get(i)?,
            *bytes.get(i + 1)?,
            *bytes.get(i + 2)?,
            0,
        ]))
    };
    let found = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some((be32(16)?, be32(20)?))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some((le16(6)?, le16(8)?))
    } else if bytes.starts_with(b"\xff\xd8") {
        // Walk the JPEG segments to the first start-of-frame marker.
        let mut i = 2;
        loop {
            if *bytes.get(i)? != 0xff {
                return None;
            }
            let marker = *bytes.get(i + 1)?;
            let length = be16(i + 2)? as usize;
            if matches!(marker, 0xc0..=0xc3 | 0xc5..=0xc7 | 0xc9..=0xcb | 0xcd..=0xcf) {
                break Some((be16(i + 7)?, be16(i + 5)?));
            }
            i += 2 + length;
        }
    } else if bytes.get(0..4) == Some(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        match bytes.get(12..16)? {
            b"VP8 " => Some((le16(26)? & 0x3fff, le16(28)? & 0x3fff)),
            b"VP8L" => {
                let b = u32::from_le_bytes(bytes.get(21..25)?.try_into().ok()?);
                Some(((b & 0x3fff) + 1, ((b >> 14) & 0x3fff) + 1))
            }
            b"VP8X" => Some((le24(24)? + 1, le24(27)? + 1)),
            _ => None,
        }
    } else {
        // The header may end inside a character: read the whole characters before the cut.
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) if e.error_len().is_none() => {
                std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("valid up to here")
            }
            Err(_) => return None,
        };
        svg_size(text)
    };
    found.filter(|(w, h)| *w > 0 && *h > 0)
}

/// `width`/`height` of the root `<svg>` element (in pixels), else its `viewBox`.
fn svg_size(text: &str) -> Option<(u32, u32)> {
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attr = |name: &str| {
        let at = tag.find(&format!(" {name}="))? + name.len() + 2;
        let quote = tag[at..]
            .chars()
            .next()
            .filter(|q| *q == '"' || *q == '\'')?;
        let value = &tag[at + quote.len_utf8()..];
        Some(value[..value.find(quote)?].trim().to_owned())
    };
    let px = |v: String| {
        v.trim_end_matches("px")
            .parse::<f64>()
            .ok()
            .map(|n| n.round() as u32)
    };
    if let (Some(w), Some(h)) = (attr("width").and_then(px), attr("height").and_then(px)) {
        return Some((w, h));
    }
    let view_box: Vec<f64> = attr("viewBox")?
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .filter_map(|n| n.parse().ok())
        .collect();
    match view_box.as_slice() {
        [_, _, w, h] => Some((w.round() as u32, h.round() as u32)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_come_from_the_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&640u32.to_be_bytes());
        png.extend_from_slice(&480u32.to_be_bytes());
        assert_eq!(size(&png), Some((640, 480)));
        assert_eq!(size(b"GIF89a\x20\x03\x58\x02"), Some((800, 600)));
        let jpeg = [
            0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0x01, 0xe0, 0x02, 0x80, 3,
        ];
        assert_eq!(size(&jpeg), Some((640, 480)));
        assert_eq!(
            size(b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"12px\">"),
            Some((10, 12))
        );
        assert_eq!(
            size(b"<?xml version=\"1.0\"?><svg viewBox=\"0 0 32 24\">"),
            Some((32, 24))
        );
        assert_eq!(size(b"not an image"), None);
        assert_eq!(size(b"\xff\xd8\xff"), None);
        assert_eq!(size("<svg width=éé height=\"3\">".as_bytes()), None);
        // A header cut inside a character (the first 256 KiB of a big SVG) still reads.
        let mut cut = "<svg width=\"4\" height=\"3\"><desc>Lộc</desc>"
            .as_bytes()
            .to_vec();
        cut.truncate(cut.len() - "c</desc>".len() - 2);
        assert_eq!(size(&cut), Some((4, 3)));
        assert_eq!(
            size(b"<svg width=\"4\" height=\"3\">\xff\xfe"),
            None,
            "no panic on odd bytes"
        );
    }
}
