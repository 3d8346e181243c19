//! Vietnamese alphabetical order: `Đ` after `D`, `Ư` after `U`, tones as a secondary key,
//! and numbers in natural order ("Phường 2" before "Phường 10").

use std::cmp::Ordering;
use unicode_normalization::UnicodeNormalization;

/// The Vietnamese alphabet (with the foreign letters f, j, w, z in their Latin places).
const ALPHABET: [&str; 33] = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
    "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
];

/// Tone marks in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
const TONES: [char; 5] = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

/// One primary collation element.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Element {
    /// A word boundary sorts before everything, so "An Bình" precedes "Anh".
    Space,
    /// A run of digits, compared by value (digit count first, leading zeros dropped).
    Number(usize, String),
    /// A letter of the Vietnamese alphabet, by its rank.
    Letter(u8),
    /// Any other character, by code point.
    Other(char),
}

/// A sort key for a name under Vietnamese collation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct CollationKey {
    primary: Vec<Element>,
    tones: Vec<u8>,
    uppercase: Vec<bool>,
    text: String,
}

/// Computes the Vietnamese collation key of `text`.
pub fn collation_key(text: &str) -> CollationKey {
    let mut key = CollationKey {
        primary: Vec::new(),
        tones: Vec::new(),
        uppercase: Vec::new(),
        text: text.to_owned(),
    };
    let mut chars = text.nfd().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut digits = String::from(c);
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            let trimmed = digits.trim_start_matches('0').to_owned();
            key.primary.push(Element::Number(trimmed.len(), trimmed));
        } else if c.is_whitespace() {
            if key.primary.last().is_some_and(|e| *e != Element::Space) {
                key.primary.push(Element::Space);
            }
        } else if c.is_alphabetic() {
            let mut letter: String = c.to_lowercase().collect();
            let mut tone = 0u8;
            while let Some(&m) = chars.peek().filter(|m| is_mark(**m)) {
                chars.next();
                match TONES.iter().position(|t| *t == m) {
                    Some(i) => tone = i as u8 + 1,
                    None => letter.push(m),
                }
            }
            let letter: String = letter.nfc().collect();
            key.primary
                .push(match ALPHABET.iter().position(|a| *a == letter) {
                    Some(rank) => Element::Letter(rank as u8),
                    None => Element::Other(letter.chars().next().unwrap_or(c)),
                });
            key.tones.push(tone);
            key.uppercase.push(c.is_uppercase());
        }
        // Punctuation (hyphens, apostrophes, commas) is ignored.
    }
    while key.primary.last() == Some(&Element::Space) {
        key.primary.pop();
    }
    key
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Compares two names in Vietnamese alphabetical order.
pub fn vi_cmp(a: &str, b: &str) -> Ordering {
    collation_key(a).cmp(&collation_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by_cached_key(|s| collation_key(s));
        v
    }

    #[test]
    fn d_with_stroke_sorts_after_d() {
        assert_eq!(
            sorted(&["Đồng Tâm", "Dương", "Hồng Hà", "Âu Lâu", "Anh", "Ba"]),
            ["Anh", "Âu Lâu", "Ba", "Dương", "Đồng Tâm", "Hồng Hà"]
        );
    }

    #[test]
    fn modified_vowels_follow_their_base_letter() {
        assert_eq!(
            sorted(&["Ưu", "Uy", "Ơn", "Ôn", "On"]),
            ["On", "Ôn", "Ơn", "Uy", "Ưu"]
        );
        assert_eq!(sorted(&["Ăn", "Ân", "An"]), ["An", "Ăn", "Ân"]);
    }

    #[test]
    fn numbers_sort_naturally() {
        assert_eq!(
            sorted(&["Phường 10", "Phường 2", "Phường 1", "Phường III"]),
            ["Phường 1", "Phường 2", "Phường 10", "Phường III"]
        );
    }

    #[test]
    fn tones_are_a_secondary_key() {
        assert_eq!(
            sorted(&["Má", "Mạ", "Mà", "Ma", "Mả", "Mã"]),
            ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]
        );
        // The base letters decide before the tones do.
        assert_eq!(
            sorted(&["Tân Thạnh", "Tân Thành", "Tân Thịnh"]),
            ["Tân Thành", "Tân Thạnh", "Tân Thịnh"]
        );
    }

    #[test]
    fn words_sort_before_longer_words() {
        assert_eq!(sorted(&["Anh Sơn", "An Bình"]), ["An Bình", "Anh Sơn"]);
    }

    #[test]
    fn the_fifteen_units_of_yen_bai_sort_as_a_dictionary_would() {
        let names = [
            "Yên Thịnh",
            "Yên Ninh",
            "Minh Tân",
            "Nguyễn Thái Học",
            "Đồng Tâm",
            "Nguyễn Phúc",
            "Hồng Hà",
            "Nam Cường",
            "Hợp Minh",
            "Minh Bảo",
            "Tuy Lộc",
            "Tân Thịnh",
            "Âu Lâu",
            "Giới Phiên",
            "Văn Phú",
        ];
        assert_eq!(
            sorted(&names),
            [
                "Âu Lâu",
                "Đồng Tâm",
                "Giới Phiên",
                "Hồng Hà",
                "Hợp Minh",
                "Minh Bảo",
                "Minh Tân",
                "Nam Cường",
                "Nguyễn Phúc",
                "Nguyễn Thái Học",
                "Tân Thịnh",
                "Tuy Lộc",
                "Văn Phú",
                "Yên Ninh",
                "Yên Thịnh",
            ]
        );
    }

    #[test]
    fn nfd_input_sorts_like_nfc() {
        let nfd: String = "Đồng Tâm".nfd().collect();
        let (a, b) = (collation_key(&nfd), collation_key("Đồng Tâm"));
        assert_eq!((a.primary, a.tones), (b.primary, b.tones));
        assert_eq!(vi_cmp(&nfd, "Đồng Tâm Hạ"), Ordering::Less);
    }
}
