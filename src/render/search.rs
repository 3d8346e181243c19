//! The search index: every commune, model type, year and page with its name folded to
//! plain ASCII, written as a script (not fetched JSON) so that search works from `file://`.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::Locale;
use crate::report::Report;

/// One searchable page.
#[derive(Debug, Serialize)]
struct Entry {
    /// Title shown in results.
    t: String,
    /// Address relative to the site root.
    u: String,
    /// What kind of page it is, in the site's language.
    d: String,
    /// Folded text to match: lower case, no diacritics, `đ` → `d`.
    k: String,
}

/// Lower-cases `text` and removes diacritics, apostrophes and hyphens, so "Tuy Lộc" and
/// "tuy loc" match, and "Ea H'leo" and "ea hleo" (as `search.js` folds the query).
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .filter(|c| !matches!(c, '\'' | '’' | 'ʼ' | '-' | '‐'))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A name's folded text, and again without spaces, so that "eahleo" finds "Ea H'leo".
fn name_keys(name: &str) -> String {
    let folded = fold(name);
    let compact: String = folded.split_whitespace().collect();
    format!("{folded} {compact}")
}

/// `assets/search-index.js`: `window.BAOCAO_SEARCH = [...]`, with year titles and page kinds
/// worded in `t`'s language.
pub fn index_script(report: &Report, t: &Locale) -> Vec<u8> {
    let mut entries = Vec::new();
    for c in &report.communes {
        let mut keys = format!(
            "{} {}",
            name_keys(&c.full_name),
            c.code.as_deref().unwrap_or("")
        );
        if let Some(chief) = &c.chief {
            keys.push(' ');
            keys.push_str(&chief.name);
        }
        for g in &c.groups {
            keys.push(' ');
            keys.push_str(&g.name);
        }
        entries.push(Entry {
            t: c.full_name.clone(),
            u: format!("communes/{}.html", c.id),
            d: t.get("kind_commune").to_owned(),
            k: fold(&keys),
        });
    }
    for m in &report.models {
        let keys = format!(
            "{} {}",
            name_keys(&m.name),
            m.category.as_deref().unwrap_or("")
        );
        entries.push(Entry {
            t: m.name.clone(),
            u: format!("models/{}.html", m.id),
            d: t.get("kind_model").to_owned(),
            k: fold(&keys),
        });
    }
    for i in &report.indicators {
        let english = report.catalogue.get(&i.id).map(|c| c.name_en.clone());
        let keys = format!(
            "{} {} {} {}",
            i.name,
            english.as_deref().unwrap_or(""),
            i.unit,
            i.id
        );
        entries.push(Entry {
            t: i.name.to_string(),
            u: format!("indicators/{}.html", i.id),
            d: t.get("kind_indicator").to_owned(),
            k: fold(&keys),
        });
    }
    for y in &report.years {
        let title = t.fill("year_n", &[("year", &y.year.to_string())]);
        entries.push(Entry {
            k: fold(&title),
            t: title,
            u: format!("years/{}.html", y.year),
            d: t.get("kind_year").to_owned(),
        });
    }
    for p in &report.pages {
        entries.push(Entry {
            t: p.title.clone(),
            u: format!("pages/{}.html", p.slug),
            d: t.get("kind_page").to_owned(),
            k: fold(&p.title),
        });
    }
    let json = serde_json::to_string(&entries).unwrap_or_else(|_| "[]".into());
    // `</` cannot close a script element when the index is inlined or parsed as HTML.
    format!("window.BAOCAO_SEARCH = {};\n", json.replace("</", "<\\/")).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_diacritics_and_d_with_stroke() {
        assert_eq!(fold("Ea H'leo"), "ea hleo");
        assert_eq!(fold("Ea H’leo"), "ea hleo");
        assert_eq!(fold("Ea-Hleo"), "eahleo");
        assert_eq!(name_keys("Xã Ea H'leo"), "xa ea hleo xaeahleo");
        assert_eq!(fold("Tuy Lộc"), "tuy loc");
        assert_eq!(fold("Giới Phiên"), "gioi phien");
        assert_eq!(fold("Đồng Tâm"), "dong tam");
        assert_eq!(fold("Ưu Đãi"), "uu dai");
    }
}
