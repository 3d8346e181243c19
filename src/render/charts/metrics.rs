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

/// Shortens `text` with "…" until it is at most `max` pixels wide.
pub fn fit(text: &str, size: f64, bold: bool, max: f64) -> String {
    if text_width(text, size, bold) <= max {
        return text.to_owned();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
        if text_width(&candidate, size, bold) <= max {
            return candidate;
        }
    }
    "…".to_owned()
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
}
