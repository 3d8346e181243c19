//! Vietnamese text handling shared by every phase: NFC, slugs, collation, number formats
//! (Vietnamese and English), dates, and suggestions for typos.

mod alphabet;
mod collate;
mod dates;
mod format;
mod literal;
mod slug;
mod suggest;

pub use alphabet::{Foreign, foreign_char};
pub use collate::{collation_key, vi_cmp};
pub use dates::{YEARS, format_date, is_valid_date, is_valid_year_month, parse_year_month};
pub use format::{NumberFormat, format_int, format_money_vnd, format_month, format_percent};
pub use literal::{LiteralProblem, number_literal, scalar_prefix};
pub use slug::{is_valid_id, slugify};
pub use suggest::did_you_mean;

use unicode_normalization::UnicodeNormalization;

/// Returns `text` in Unicode normalisation form C (composed), as Vietnamese text must be stored.
pub fn nfc(text: &str) -> String {
    if unicode_normalization::is_nfc(text) {
        text.to_owned()
    } else {
        text.nfc().collect()
    }
}

/// `text` with its first letter in upper case: "huyện" → "Huyện".
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(chars)
        .collect()
}

/// `text` in NFC with the tone of "oa", "oe" and "uy" at the end of a syllable on the second
/// vowel, as modern spelling writes it: "Hòa" and "Hoà", "Thúy" and "Thuý" are the same
/// name, spelled the old and the new way, and compare equal once normalised.
pub fn same_tone_placement(text: &str) -> String {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let chars: Vec<char> = text.nfd().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // first vowel, its tone (and nothing else), the second vowel, then the syllable ends.
        let pair = i + 2 < chars.len()
            && matches!(
                (c.to_ascii_lowercase(), chars[i + 2].to_ascii_lowercase()),
                ('o', 'a') | ('o', 'e') | ('u', 'y')
            )
            && TONES.contains(&chars[i + 1])
            && !chars
                .get(i + 3)
                .is_some_and(|next| next.is_alphabetic() || TONES.contains(next));
        if pair {
            out.extend([c, chars[i + 2], chars[i + 1]]);
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out.into_iter().nfc().collect()
}

/// Text from content as it may be shown on a terminal: control characters (an escape
/// sequence that moves the cursor or recolours, a carriage return that overwrites the line)
/// and bidirectional overrides (which reorder what is shown) are written as `\u{1b}`, so
/// that nothing in a name can hide or fake what baocao prints. Line breaks and tabs stay.
pub fn escape_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Escapes text for HTML and XML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` as a quoted CSS string: quotes, backslashes, line breaks and `<` escaped as hex, so
/// that no text can end the string or the `<style>` element holding it.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '\n' | '\r' | '\u{c}' => {
                out.push_str(&format!("\\{:x} ", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_end_early() {
        assert_eq!(css_string("Báo cáo"), "\"Báo cáo\"");
        assert_eq!(
            css_string("a\"b\\c</style>\n"),
            "\"a\\22 b\\5c c\\3c /style\\3e \\a \""
        );
    }

    #[test]
    fn old_and_new_tone_placement_are_one_spelling() {
        for (old, new) in [
            ("Hòa", "Hoà"),
            ("Xã Tân Hòa", "Xã Tân Hoà"),
            ("Thúy", "Thuý"),
            ("Khỏe", "Khoẻ"),
            ("HÒA BÌNH", "HOÀ BÌNH"),
        ] {
            assert_eq!(same_tone_placement(old), same_tone_placement(new), "{old}");
            assert_eq!(same_tone_placement(old), nfc(new), "{old}");
        }
        // Inside a syllable the tone stays where it is: "hoàn", "thuyết", "Hơa" untouched.
        for word in ["hoàn", "Thuyết", "Tòan", "quý"] {
            assert_eq!(same_tone_placement(word), nfc(word), "{word}");
        }
    }
}
