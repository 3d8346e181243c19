//! ASCII slugs for Vietnamese names ("Đồng Tâm" → `dong-tam`).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Turns a name into an ASCII slug: diacritics removed, `đ` → `d`, lower case, words joined by `-`.
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    let mut pending_dash = false;
    for c in name.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c);
        } else if c != '\'' {
            pending_dash = true;
        }
    }
    slug
}

/// An id is valid when it is a non-empty run of `[a-z0-9-]` that neither starts nor ends with `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_drop_diacritics_and_map_d_with_stroke() {
        assert_eq!(slugify("Đồng Tâm"), "dong-tam");
        assert_eq!(slugify("Tuy Lộc"), "tuy-loc");
        assert_eq!(slugify("Âu Lâu"), "au-lau");
        assert_eq!(slugify("Nguyễn Thái Học"), "nguyen-thai-hoc");
        assert_eq!(slugify("Văn Miếu - Quốc Tử Giám"), "van-mieu-quoc-tu-giam");
        assert_eq!(slugify("Ea H'Leo"), "ea-hleo");
        assert_eq!(slugify("Phường 10"), "phuong-10");
        assert_eq!(
            slugify("  Tổ liên gia an toàn phòng cháy, chữa cháy "),
            "to-lien-gia-an-toan-phong-chay-chua-chay"
        );
    }

    #[test]
    fn slugs_of_nfd_and_nfc_text_agree() {
        let nfd: String = "Giới Phiên".nfd().collect();
        assert_eq!(slugify(&nfd), slugify("Giới Phiên"));
    }

    #[test]
    fn distinct_names_can_share_a_slug() {
        assert_eq!(slugify("Tân Thành"), slugify("Tân Thạnh"));
        assert_eq!(slugify("Văn Lang"), slugify("Văn Lăng"));
    }

    #[test]
    fn ids_are_lowercase_ascii_with_inner_dashes() {
        assert!(is_valid_id("tuy-loc"));
        assert!(is_valid_id("phuong-10"));
        assert!(!is_valid_id("Tuy-Loc"));
        assert!(!is_valid_id("tuy_loc"));
        assert!(!is_valid_id("-tuy"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("lộc"));
    }
}
