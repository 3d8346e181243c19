//! Vietnamese text handling shared by every phase: NFC, slugs, collation, number formats.

mod collate;
mod format;
mod slug;

pub use collate::{collation_key, vi_cmp};
pub use format::{format_int, format_money_vnd, format_month, format_percent};
pub use slug::{is_valid_id, slugify};

use unicode_normalization::UnicodeNormalization;

/// Returns `text` in Unicode normalisation form C (composed), as Vietnamese text must be stored.
pub fn nfc(text: &str) -> String {
    if unicode_normalization::is_nfc(text) {
        text.to_owned()
    } else {
        text.nfc().collect()
    }
}
