//! UI strings: the built-in locales (`templates/locales/vi.yaml` and `en.yaml`, embedded like
//! the templates) merged with a project's `templates/locales/<language>.yaml`, which may
//! override any string. Texts hold `{name}` placeholders; keys ending in `_html` hold HTML.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use serde_saphyr::{DuplicateKeyPolicy, Spanned};
use tera::Value;

use crate::diagnostic::Diagnostic;
use crate::load::SourceFile;
use crate::messages::{self as msg, Message};
use crate::text::did_you_mean;
use crate::text::{NumberFormat, capitalise};

/// The built-in locales by language code; the first is the default.
const BUILTIN: [(&str, &str); 2] = [
    ("vi", include_str!("../../templates/locales/vi.yaml")),
    ("en", include_str!("../../templates/locales/en.yaml")),
];

static PARSED: LazyLock<Vec<BTreeMap<String, String>>> = LazyLock::new(|| {
    BUILTIN
        .iter()
        .map(|(language, text)| {
            serde_saphyr::from_str(text)
                .unwrap_or_else(|e| panic!("built-in locale {language} does not parse: {e}"))
        })
        .collect()
});

/// The UI strings of one language and the way it writes numbers.
#[derive(Debug, Clone)]
pub struct Locale {
    pub numbers: NumberFormat,
    /// The language of the content, when the interface speaks another (see
    /// [`crate::report::Site::content_language`]).
    pub content_language: Option<&'static str>,
    strings: BTreeMap<String, String>,
}

impl Locale {
    /// The built-in locale of `language`; Vietnamese for a language baocao does not have.
    pub fn builtin(language: &str) -> Locale {
        let index = BUILTIN
            .iter()
            .position(|(l, _)| *l == language)
            .unwrap_or(0);
        Locale {
            numbers: NumberFormat::of(BUILTIN[index].0),
            content_language: None,
            strings: PARSED[index].clone(),
        }
    }

    /// The built-in locale of `language` with the project's override of it. Every override
    /// file (`locales/*.yaml` among the template files) is checked, whatever its language.
    pub fn load(language: &str, overrides: &[SourceFile]) -> Result<Locale, Vec<Diagnostic>> {
        let mut locale = Locale::builtin(language);
        let mut errors = Vec::new();
        for file in overrides.iter().filter(|f| is_locale_file(&f.path)) {
            match checked_override(file) {
                Ok((of, strings)) if of == language => locale.strings.extend(strings),
                Ok(_) => {}
                Err(e) => errors.extend(e),
            }
        }
        if errors.is_empty() {
            Ok(locale)
        } else {
            Err(errors)
        }
    }

    /// The locale with the words for the report's area and communes filled in every text:
    /// `{area}` as "huyện", `{units}` as "xã, thị trấn", the English forms `{unit_and}`,
    /// `{units_or}` and `{unit_or}`, and `{Area}`, `{Units}`, `{Unit_or}` capitalised.
    pub fn for_site(mut self, site: &crate::report::Site) -> Locale {
        self.content_language = site.content_language;
        let words = &site.units;
        let (area, units, unit_or) = (
            capitalise(site.area),
            capitalise(&words.units),
            capitalise(&words.unit_or),
        );
        let args = [
            ("area", site.area),
            ("Area", area.as_str()),
            ("units", words.units.as_str()),
            ("Units", units.as_str()),
            ("unit_and", words.unit.as_str()),
            ("units_or", words.units_or.as_str()),
            ("unit_or", words.unit_or.as_str()),
            ("Unit_or", unit_or.as_str()),
        ];
        for text in self.strings.values_mut() {
            if args
                .iter()
                .any(|(name, _)| text.contains(&format!("{{{name}}}")))
            {
                *text = fill(text, &args);
            }
        }
        self
    }

    /// The text of `key`.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        debug_assert!(self.strings.contains_key(key), "no UI string `{key}`");
        self.strings.get(key).map_or(key, String::as_str)
    }

    /// The text of `key` with its placeholders filled in.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// The strings as the templates' variable `t`; `_html` texts are marked safe.
    pub fn to_value(&self) -> Value {
        let map: BTreeMap<String, Value> = self
            .strings
            .iter()
            .map(|(key, text)| {
                let value = if key.ends_with("_html") {
                    Value::safe_string(text)
                } else {
                    Value::from(text.as_str())
                };
                (key.clone(), value)
            })
            .collect();
        Value::from(map)
    }
}

/// Texts by key, in the order of a locale file.
type Texts = Vec<(String, String)>;

/// The language and texts of an override file, checked against the keys and placeholders
/// of that language's built-in locale.
fn checked_override(file: &SourceFile) -> Result<(&'static str, Texts), Vec<Diagnostic>> {
    let source = SourceFile::new(format!("templates/{}", file.path), file.text.clone());
    let stem = file
        .path
        .trim_start_matches("locales/")
        .trim_end_matches(".yaml");
    let Some(index) = BUILTIN.iter().position(|(l, _)| *l == stem) else {
        let languages: Vec<&str> = BUILTIN.iter().map(|(l, _)| *l).collect();
        return Err(vec![
            Diagnostic::file_error(
                &source.path,
                msg::LOCALE_UNKNOWN_LANGUAGE.with("language", stem),
            )
            .hint(
                msg::LOCALE_LANGUAGE_HINT
                    .with("files", format!("{}.yaml", languages.join(".yaml, "))),
            ),
        ]);
    };
    let (language, builtin) = (BUILTIN[index].0, &PARSED[index]);
    let options = serde_saphyr::options! { duplicate_keys: DuplicateKeyPolicy::Error };
    let parsed: Option<HashMap<Spanned<String>, String>> =
        serde_saphyr::from_str_with_options(&source.text, options).map_err(|e| {
            let rendered = e.without_snippet().to_string();
            let message = rendered.lines().next().unwrap_or_default();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(message)
                .trim_end_matches(", set DuplicateKeyPolicy in Options if acceptable");
            let diagnostic = match e.location() {
                Some(at) => source.error_at_location(&at.into(), message),
                None => source.error_at(0, 0, message),
            };
            vec![diagnostic.hint(&msg::LOCALE_SYNTAX_HINT)]
        })?;
    let mut entries: Vec<_> = parsed.unwrap_or_default().into_iter().collect();
    entries.sort_by_key(|(key, _)| (key.defined.line(), key.defined.column()));
    let keys: Vec<&str> = builtin.keys().map(String::as_str).collect();
    let mut errors = Vec::new();
    for (key, text) in &entries {
        let at = |message: Message| {
            source.error_at(
                key.defined.line() as u32,
                key.defined.column() as u32,
                message,
            )
        };
        let Some(original) = builtin.get(&key.value) else {
            let hint = match did_you_mean(&key.value, &keys) {
                Some(best) => msg::DID_YOU_MEAN.with("name", best),
                None => msg::LOCALE_KEYS_HINT.with("language", language),
            };
            errors.push(at(msg::LOCALE_UNKNOWN_KEY.with("key", &key.value)).hint(hint));
            continue;
        };
        let allowed = placeholders(original);
        if let Some(wrong) = placeholders(text)
            .into_iter()
            .find(|p| !allowed.contains(p))
        {
            let hint = if allowed.is_empty() {
                msg::LOCALE_NO_PLACEHOLDERS_HINT.message()
            } else {
                msg::LOCALE_PLACEHOLDERS_HINT
                    .with("allowed", format!("{{{}}}", allowed.join("}, {")))
            };
            errors.push(
                at(msg::LOCALE_PLACEHOLDER
                    .with("wrong", wrong)
                    .with("key", &key.value))
                .hint(hint),
            );
        }
    }
    if errors.is_empty() {
        Ok((
            language,
            entries.into_iter().map(|(k, v)| (k.value, v)).collect(),
        ))
    } else {
        Err(errors)
    }
}

/// Whether a template file is a locale: `locales/<language>.yaml`.
pub fn is_locale_file(path: &str) -> bool {
    path.starts_with("locales/") && path.ends_with(".yaml")
}

/// `text` with each `{name}` of `args` replaced by its value, in one pass (a value is never
/// searched for placeholders); other braces stay as they are.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let found = after.find('}').and_then(|end| {
            let name = &after[..end];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| (end, value))
        });
        match found {
            Some((end, value)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names of `text`: `{name}` with a lower-case ASCII name.
fn placeholders(text: &str) -> Vec<String> {
    text.split('{')
        .skip(1)
        .filter_map(|piece| piece.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            // `{Area}` is `{area}` capitalised, `{Units}` `{units}`…
            matches!(*name, "Area" | "Units" | "Unit_or")
                || !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        })
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_once() {
        assert_eq!(fill("Năm {year}", &[("year", "2023")]), "Năm 2023");
        assert_eq!(
            fill("{a} {b} {c}", &[("a", "{b}"), ("b", "x")]),
            "{b} x {c}"
        );
        assert_eq!(fill("{", &[]), "{");
        assert_eq!(
            placeholders("{model} ({unit}) {Nope} {}"),
            ["model", "unit"]
        );
    }

    #[test]
    fn built_in_locales_parse_with_the_same_keys() {
        let vi = Locale::builtin("vi");
        let en = Locale::builtin("en");
        assert_eq!(en.numbers, NumberFormat::En);
        assert!(vi.strings.keys().eq(en.strings.keys()));
        for (key, text) in &vi.strings {
            let (mut vi_names, mut en_names) = (placeholders(text), placeholders(en.get(key)));
            vi_names.sort_unstable();
            en_names.sort_unstable();
            assert_eq!(vi_names, en_names, "{key}");
        }
        assert_eq!(Locale::builtin("fr").get("no_data"), "không có số liệu");
    }

    #[test]
    fn overrides_replace_known_keys_and_report_mistakes_with_their_line() {
        let good = SourceFile::new("locales/en.yaml", "no_data: not reported\n");
        let locale = Locale::load("en", &[good]).unwrap();
        assert_eq!(locale.get("no_data"), "not reported");
        assert_eq!(locale.get("year"), "Year");

        let other = SourceFile::new("locales/vi.yaml", "no_data: chưa báo cáo\n");
        assert_eq!(
            Locale::load("en", &[other]).unwrap().get("no_data"),
            "no data"
        );

        let bad = SourceFile::new(
            "locales/vi.yaml",
            "# ghi chú\nno_data: chưa có\nno_dta: x\nyear_n: Năm {nam}\n",
        );
        let errors: Vec<String> = Locale::load("vi", &[bad])
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0]
                .starts_with("templates/locales/vi.yaml:3:1: error: unknown UI string `no_dta`"),
            "{errors:?}"
        );
        assert!(errors[0].contains("did you mean `no_data`?"), "{errors:?}");
        assert!(
            errors[1].starts_with("templates/locales/vi.yaml:4:1:"),
            "{errors:?}"
        );
        assert!(errors[1].contains("{year}"), "{errors:?}");

        let unknown = SourceFile::new("locales/fr.yaml", "no_data: aucune donnée\n");
        assert!(Locale::load("vi", &[unknown]).is_err());
    }
}
