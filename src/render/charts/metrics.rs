//! Text widths measured with the embedded Noto Sans (the same font the site's CSS serves),
//! so that chart labels are laid out for the real glyph widths, not byte counts.

use std::sync::LazyLock;

use ab_glyph::{Font, FontRef};

/// Noto Sans Regular, subset to Latin and Vietnamese (SIL Open Font License, `templates/fonts/OFL.txt`).
pub const REGULAR_TTF: &[u8] = include_bytes!("../../../templates/fonts/NotoSans-Regular-vi.ttf");
/// Noto Sans Bold, same subset.
pub const BOLD_TTF: &[u8] = include_bytes!("../../../templates/fonts/NotoSans-Bold-vi.ttf");

static REGULAR: LazyLock<FontRef<'static>> =
    LazyLock::new(|| FontRef::try_from_slice(REGULAR_TTF).expect("embedded font parses"));
static BOLD: LazyLock<FontRef<'static>> =
    LazyLock::new(|| FontRef::try_from_slice(BOLD_TTF).expect("embedded font parses"));

/// Width in pixels of `text` set in Noto Sans at `size` pixels.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let font: &FontRef = if bold { &BOLD } else { &REGULAR };
    let per_unit = size / f64::from(font.units_per_em().unwrap_or(1000.0));
    let mut width = 0.0f32;
    let mut previous = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = previous {
            width += font.kern_unscaled(p, id);
        }
        width += font.h_advance_unscaled(id);
        previous = Some(id);
    }
    f64::from(width) * per_unit
}

/// Shortens `text` with "…" until it is at most `max` pixels wide: the longest start of the
/// text that fits with the "…", found in one pass over the text (a 100.000-letter name takes
/// no longer than its first few dozen letters).
pub fn fit(text: &str, size: f64, bold: bool, max: f64) -> String {
    let font: &FontRef = if bold { &BOLD } else { &REGULAR };
    let per_unit = size / f64::from(font.units_per_em().unwrap_or(1000.0));
    let ellipsis = text_width("…", size, bold);
    // Byte offset after each character, while the text so far still leaves room for "…".
    let mut end = 0;
    let mut width = 0.0f32;
    let mut previous = None;
    let mut fits_whole = true;
    for (i, c) in text.char_indices() {
        let id = font.glyph_id(c);
        if let Some(p) = previous {
            width += font.kern_unscaled(p, id);
        }
        width += font.h_advance_unscaled(id);
        previous = Some(id);
        let so_far = f64::from(width) * per_unit;
        if so_far + ellipsis <= max {
            end = i + c.len_utf8();
        }
        if so_far > max {
            fits_whole = false;
            break;
        }
    }
    if fits_whole {
        return text.to_owned();
    }
    // Kerning against "…" may differ from the estimate by a fraction: check the real width.
    let mut prefix = &text[..end];
    loop {
        let candidate = prefix.trim_end().to_owned() + "…";
        if prefix.is_empty() || text_width(&candidate, size, bold) <= max {
            return candidate;
        }
        let mut chars = prefix.chars();
        chars.next_back();
        prefix = chars.as_str();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_letters_are_measured_by_glyph_not_by_byte() {
        // "Đ" is two bytes but about as wide as "D".
        let d = text_width("D", 16.0, false);
        let dd = text_width("Đ", 16.0, false);
        assert!((dd - d).abs() < 2.0, "{d} vs {dd}");
        // "ộ" is three bytes and one glyph as wide as "o".
        assert!((text_width("ộ", 16.0, false) - text_width("o", 16.0, false)).abs() < 0.5);
        let name = text_width("Điểm chữa cháy công cộng", 16.0, false);
        assert!(name > 150.0 && name < 230.0, "{name}");
    }

    #[test]
    fn bold_is_wider_and_fit_shortens() {
        assert!(
            text_width("Nguyễn Thái Học", 16.0, true) > text_width("Nguyễn Thái Học", 16.0, false)
        );
        let short = fit("Văn Miếu - Quốc Tử Giám", 16.0, false, 100.0);
        assert!(short.ends_with('…'));
        assert!(text_width(&short, 16.0, false) <= 100.0);
        assert_eq!(fit("Tuy Lộc", 16.0, false, 100.0), "Tuy Lộc");
    }

    #[test]
    fn fit_takes_the_longest_start_that_fits_and_is_fast_on_huge_names() {
        // The same answer as shortening one letter at a time.
        for name in [
            "Văn Miếu - Quốc Tử Giám",
            "Nguyễn Thái Học",
            "Điểm chữa cháy công cộng",
        ] {
            for max in [20.0, 60.0, 90.0, 140.0] {
                let mut chars: Vec<char> = name.chars().collect();
                let slow = loop {
                    if text_width(name, 16.0, false) <= max {
                        break name.to_owned();
                    }
                    chars.pop();
                    let c = chars.iter().collect::<String>().trim_end().to_owned() + "…";
                    if chars.is_empty() || text_width(&c, 16.0, false) <= max {
                        break c;
                    }
                };
                assert_eq!(fit(name, 16.0, false, max), slow, "{name} in {max}");
            }
        }
        let huge = "Tân Thành ".repeat(10_000);
        let started = std::time::Instant::now();
        let short = fit(&huge, 16.0, false, 200.0);
        assert!(started.elapsed() < std::time::Duration::from_millis(200));
        assert!(
            short.ends_with('…') && short.chars().count() < 40,
            "{short}"
        );
    }
}
