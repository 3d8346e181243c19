//! The level of the report's area: a province, a city, a district, a commune… Pages name the
//! area and its budget by it ("toàn huyện", "Ngân sách tỉnh"). `level:` in `site.yaml` says
//! it, or the first words of `locality` ("Huyện Trấn Yên").

use schemars::JsonSchema;
use serde::Deserialize;

use super::UnitKind;
use crate::language::Language;

/// The kind of administrative unit the report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum Level {
    #[serde(rename = "tỉnh")]
    Province,
    /// A city, whether under the province or under the central government.
    #[serde(rename = "thành phố")]
    City,
    #[serde(rename = "thị xã")]
    Town,
    #[serde(rename = "huyện")]
    District,
    #[serde(rename = "quận")]
    UrbanDistrict,
    #[serde(rename = "xã")]
    Commune,
    #[serde(rename = "phường")]
    Ward,
    #[serde(rename = "đặc khu")]
    SpecialZone,
}

impl Level {
    /// Every level, in the order of the words that name it.
    const ALL: [Level; 8] = [
        Level::Province,
        Level::City,
        Level::Town,
        Level::District,
        Level::UrbanDistrict,
        Level::Commune,
        Level::Ward,
        Level::SpecialZone,
    ];

    /// The level a locality's name starts with: "Huyện Trấn Yên" is a district,
    /// "Thành phố Hà Nội" a city; `None` for a name without one ("Yên Bái").
    pub fn of_locality(locality: &str) -> Option<Level> {
        let name = crate::text::nfc(locality.trim()).to_lowercase();
        Self::ALL.into_iter().find(|level| {
            let word = level.noun(Language::Vi);
            name.strip_prefix(word)
                .is_some_and(|rest| rest.starts_with(' '))
        })
    }

    /// How pages name an area of this level: "huyện", "district".
    pub fn noun(self, language: Language) -> &'static str {
        let (vi, en) = match self {
            Level::Province => ("tỉnh", "province"),
            Level::City => ("thành phố", "city"),
            Level::Town => ("thị xã", "town"),
            Level::District => ("huyện", "district"),
            Level::UrbanDistrict => ("quận", "district"),
            Level::Commune => ("xã", "commune"),
            Level::Ward => ("phường", "ward"),
            Level::SpecialZone => ("đặc khu", "special zone"),
        };
        match language {
            Language::Vi => vi,
            Language::En => en,
        }
    }
}

/// How pages name the report's area: by its level, or, when neither `level:` nor the
/// locality says it, by a word that fits any level ("địa phương", "area").
pub fn area_noun(level: Option<Level>, language: Language) -> &'static str {
    match (level, language) {
        (Some(level), _) => level.noun(language),
        (None, Language::Vi) => "địa phương",
        (None, Language::En) => "area",
    }
}

/// How pages name the report's communes together, by the kinds present: "xã, phường",
/// "xã, thị trấn"; in English "communes and wards", with the singular ("commune and ward")
/// and "or" forms ("commune or ward", "communes or wards") that English sentences need.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitWords {
    pub units: String,
    pub unit: String,
    pub units_or: String,
    pub unit_or: String,
}

/// The words for communes of `kinds` (in any order, repeated or not); for none, communes and
/// wards.
pub fn unit_words(kinds: impl IntoIterator<Item = UnitKind>, language: Language) -> UnitWords {
    const ORDER: [(UnitKind, &str, &str, &str); 4] = [
        (UnitKind::Xa, "xã", "commune", "communes"),
        (UnitKind::Phuong, "phường", "ward", "wards"),
        (UnitKind::ThiTran, "thị trấn", "township", "townships"),
        (UnitKind::DacKhu, "đặc khu", "special zone", "special zones"),
    ];
    let kinds: Vec<UnitKind> = kinds.into_iter().collect();
    let mut present: Vec<_> = ORDER.iter().filter(|o| kinds.contains(&o.0)).collect();
    if present.is_empty() {
        present = ORDER[..2].iter().collect();
    }
    match language {
        Language::Vi => {
            let all = present.iter().map(|o| o.1).collect::<Vec<_>>().join(", ");
            UnitWords {
                units: all.clone(),
                unit: all.clone(),
                units_or: all.clone(),
                unit_or: all,
            }
        }
        Language::En => {
            let join = |words: Vec<&str>, and: &str| match words.as_slice() {
                [one] => (*one).to_owned(),
                [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
                [] => String::new(),
            };
            let singular = || present.iter().map(|o| o.2).collect::<Vec<_>>();
            let plural = || present.iter().map(|o| o.3).collect::<Vec<_>>();
            UnitWords {
                units: join(plural(), "and"),
                unit: join(singular(), "and"),
                units_or: join(plural(), "or"),
                unit_or: join(singular(), "or"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn communes_are_named_by_the_kinds_present() {
        let vi = unit_words(
            [UnitKind::ThiTran, UnitKind::Xa, UnitKind::Xa],
            Language::Vi,
        );
        assert_eq!(vi.units, "xã, thị trấn");
        assert_eq!(unit_words([], Language::Vi).units, "xã, phường");
        let en = unit_words(
            [UnitKind::DacKhu, UnitKind::Phuong, UnitKind::Xa],
            Language::En,
        );
        assert_eq!(en.units, "communes, wards and special zones");
        assert_eq!(en.unit_or, "commune, ward or special zone");
        assert_eq!(unit_words([UnitKind::Xa], Language::En).unit, "commune");
    }

    #[test]
    fn the_locality_names_its_level() {
        for (locality, level) in [
            ("Thành phố Yên Bái", Some(Level::City)),
            ("Huyện Trấn Yên", Some(Level::District)),
            ("huyện Trấn Yên", Some(Level::District)),
            ("Tỉnh Sông Hồng", Some(Level::Province)),
            ("Thị xã Nghĩa Lộ", Some(Level::Town)),
            ("Đặc khu Phú Quốc", Some(Level::SpecialZone)),
            ("Xã Tuy Lộc", Some(Level::Commune)),
            ("Xãhội", None),
            ("Yên Bái", None),
        ] {
            assert_eq!(Level::of_locality(locality), level, "{locality}");
        }
        // Decomposed input (NFD) reads the same.
        let nfd: String =
            unicode_normalization::UnicodeNormalization::nfd("Huyện Trấn Yên").collect();
        assert_eq!(Level::of_locality(&nfd), Some(Level::District));
    }

    #[test]
    fn the_area_is_named_in_either_language() {
        assert_eq!(area_noun(Some(Level::District), Language::Vi), "huyện");
        assert_eq!(
            area_noun(Some(Level::UrbanDistrict), Language::En),
            "district"
        );
        assert_eq!(area_noun(None, Language::Vi), "địa phương");
    }
}
