//! The Vietnamese alphabet, for names: a letter that only looks Vietnamese (a Cyrillic "о" in
//! "Tân Thịnh", a Greek "Α") or a character that cannot be seen (a zero-width space) would
//! make a second commune that reads the same as the first.

use unicode_normalization::UnicodeNormalization;

/// Why a character does not belong in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Foreign {
    /// A letter outside the Vietnamese (Latin) alphabet, such as Cyrillic or Greek.
    Letter(char),
    /// A digit of another script, such as a full-width "２".
    Digit(char),
    /// A character that shows nothing, such as a zero-width space or a soft hyphen.
    Invisible(char),
}

impl Foreign {
    /// The character.
    pub fn char(self) -> char {
        match self {
            Foreign::Letter(c) | Foreign::Digit(c) | Foreign::Invisible(c) => c,
        }
    }
}

/// The first character of `name` that is not written with the Vietnamese alphabet: letters
/// are the Latin letters a–z (f, j, w, z included, for names of ethnic minorities' places),
/// alone or with Vietnamese tone and vowel marks, and đ; digits are 0–9; other visible signs
/// (spaces, `'`, `-`, `(`…) are allowed.
pub fn foreign_char(name: &str) -> Option<Foreign> {
    name.chars().find_map(|c| {
        if c.is_ascii() || c == 'đ' || c == 'Đ' {
            (c.is_ascii_control()).then_some(Foreign::Invisible(c))
        } else if is_invisible(c) {
            Some(Foreign::Invisible(c))
        } else if c.is_alphabetic() {
            (!is_vietnamese_letter(c)).then_some(Foreign::Letter(c))
        } else if c.is_numeric() {
            Some(Foreign::Digit(c))
        } else {
            None
        }
    })
}

/// A Latin letter with only Vietnamese marks: grave, acute, tilde, hook above, dot below,
/// circumflex, breve and horn.
fn is_vietnamese_letter(c: char) -> bool {
    let mut parts = std::iter::once(c).nfd();
    parts.next().is_some_and(|base| base.is_ascii_alphabetic())
        && parts.all(|mark| {
            matches!(
                mark,
                '\u{300}'
                    | '\u{301}'
                    | '\u{303}'
                    | '\u{309}'
                    | '\u{323}'
                    | '\u{302}'
                    | '\u{306}'
                    | '\u{31b}'
            )
        })
}

/// Format and spacing characters that show nothing, or show as a plain space.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{a0}' | '\u{180e}' | '\u{2000}'..='\u{200f}' | '\u{2028}'..='\u{202f}'
            | '\u{205f}'..='\u{206f}' | '\u{3000}' | '\u{feff}'
    ) || c.is_control()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_names_pass() {
        for name in [
            "Tân Thịnh",
            "Phường Nguyễn Thái Học",
            "Đắk R'lấp",
            "Ea H'leo",
            "Krông Pắc",
            "Xã Ia Grai",
            "Phường 10",
            "Thị trấn Mường Tè (cũ)",
            "Thuỷ Nguyên – Hoà Bình",
            "ƯƠ ươ Ơ",
        ] {
            assert_eq!(foreign_char(name), None, "{name}");
        }
    }

    #[test]
    fn look_alikes_and_invisible_characters_are_found() {
        // A Cyrillic о (U+043E) in "Tân Thịnh".
        assert_eq!(
            foreign_char("Tân Thịnh\u{43e}"),
            Some(Foreign::Letter('\u{43e}'))
        );
        assert_eq!(
            foreign_char("\u{391}n Lạc"),
            Some(Foreign::Letter('\u{391}'))
        );
        assert_eq!(foreign_char("Phường ２"), Some(Foreign::Digit('２')));
        assert_eq!(
            foreign_char("Tân\u{200b}Thịnh"),
            Some(Foreign::Invisible('\u{200b}'))
        );
        assert_eq!(
            foreign_char("Tân\u{a0}Thịnh"),
            Some(Foreign::Invisible('\u{a0}'))
        );
        // Marks that Vietnamese does not use.
        assert_eq!(foreign_char("Lö"), Some(Foreign::Letter('ö')));
        assert_eq!(
            foreign_char("Hạ Long\u{7}"),
            Some(Foreign::Invisible('\u{7}'))
        );
    }
}
