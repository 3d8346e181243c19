//! The language of a site's interface and of baocao's messages: a leaf that every phase
//! may use.

use schemars::JsonSchema;
use serde::Deserialize;

/// The language of the site's interface (`language:` in `content/site.yaml`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Vi,
    En,
}

impl Language {
    /// The BCP 47 code, for `lang` attributes: `vi`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Vi => "vi",
            Language::En => "en",
        }
    }

    /// The language's name in itself, for the language switch: `Tiếng Việt`, `English`.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::Vi => "Tiếng Việt",
            Language::En => "English",
        }
    }
}
