//! The search index: every page with its title, headings, figures and words folded to plain
//! ASCII, and the report's figures with their labels ("953 mắt camera"), written as a script
//! (not fetched JSON) so that search works from `file://`.

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::Locale;
use super::markdown::plain_text;
use crate::report::{Fig, Report};

/// One search result: a page, or a figure on a page.
#[derive(Debug, Serialize)]
struct Entry {
    /// Title shown in results.
    t: String,
    /// Address relative to the site root.
    u: String,
    /// What it is and where, in the site's language: "Xã, phường", "Số liệu · Năm 2023".
    d: String,
    /// Folded text to match: lower case, no diacritics, `đ` → `d`; the title first. The
    /// words of `x` are only here when `x` is cut short: `search.js` adds them.
    k: String,
    /// How many characters of `k` are the title's, which ranks a hit there first.
    n: usize,
    /// The page's words as written, from which a result quotes the words around a hit
    /// that is not in the title; empty for most entries.
    #[serde(skip_serializing_if = "String::is_empty")]
    x: String,
}

/// How much of a text a page entry keeps to quote from: a commune's summary at national
/// scale would otherwise make the index as large as the site.
const EXCERPT_CHARS: usize = 600;

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

/// The acronyms reports use, folded, with what they stand for: a search for either finds
/// both.
const ACRONYMS: [(&str, &str); 3] = [
    ("pccc", "phong chay, chua chay"),
    ("antt", "an ninh trat tu"),
    ("tdbvantq", "toan dan bao ve an ninh to quoc"),
];

/// Folded `text` with the other form of each acronym it holds added.
fn keys(text: &str) -> String {
    let mut folded = fold(text);
    let extra = acronyms_of(&folded);
    folded.push_str(&extra);
    folded
}

/// The other form of each acronym that folded text holds, each after a space.
fn acronyms_of(folded: &str) -> String {
    let plain = folded.replace(',', "");
    let mut extra = String::new();
    for (short, long) in ACRONYMS {
        let has_short = plain.split_whitespace().any(|w| w == short);
        if has_short && !plain.contains(&long.replace(',', "")) {
            extra.push(' ');
            extra.push_str(long);
        } else if !has_short && plain.contains(&long.replace(',', "")) {
            extra.push(' ');
            extra.push_str(short);
        }
    }
    extra
}

/// The keys of an entry, its title's first (with the title's acronyms, and the title again
/// without spaces, so that "eahleo" finds "Ea H'leo"), and how many characters the title's
/// keys take.
fn title_first(title: &str, words: &str) -> (String, usize) {
    let compact: String = fold(title).split_whitespace().collect();
    let title_keys = format!("{} {compact}", keys(title));
    let title_keys = title_keys.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = title_keys.chars().count();
    let rest = keys(words);
    let mut k = title_keys;
    for word in rest.split_whitespace() {
        k.push(' ');
        k.push_str(word);
    }
    (k, n)
}

/// The start of `text`, at most [`EXCERPT_CHARS`] characters, cut at a space.
fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    match cut.rfind(' ') {
        Some(space) => format!("{}…", &cut[..space]),
        None => cut,
    }
}

/// Builds the entries in page order.
struct Index<'a> {
    t: &'a Locale,
    entries: Vec<Entry>,
}

impl Index<'_> {
    /// A page: its title, what it is, the words to match besides the title, and the words
    /// to quote from.
    fn page(&mut self, title: &str, url: String, kind: &str, words: &str, text: &str) {
        let x = excerpt(text);
        // `search.js` adds the folded quote to the keys when it loads the index: a text that
        // fits in the quote is not sent twice (at national scale that halves the index).
        let rest = match x == text {
            true => format!("{words} {}", acronyms_of(&fold(text))),
            false => format!("{words} {text}"),
        };
        let (k, n) = title_first(title, &rest);
        self.entries.push(Entry {
            k,
            n,
            t: title.to_owned(),
            u: url,
            d: kind.to_owned(),
            x,
        });
    }

    /// A figure with its label, found by its number as the site writes it and as typed.
    fn figure(&mut self, value: u64, label: &str, place: &str, url: String) {
        let number = self.t.numbers.int(value as i64);
        let title = format!("{number} {label}");
        let (k, n) = title_first(&title, &format!("{value} {place}"));
        self.entries.push(Entry {
            k,
            n,
            t: title,
            u: url,
            d: format!("{} · {place}", self.t.get("kind_figure")),
            x: String::new(),
        });
    }
}

/// `assets/search-index.js`: `window.BAOCAO_SEARCH = [...]`, with titles and kinds worded in
/// `t`'s language.
pub fn index_script(report: &Report, t: &Locale) -> Vec<u8> {
    let mut index = Index {
        t,
        entries: Vec::new(),
    };
    let site = &report.site;
    index.page(
        t.get("overview"),
        "index.html".into(),
        t.get("kind_page"),
        &format!("{} {} {}", site.title, site.locality, site.agency),
        site.description.as_deref().unwrap_or_default(),
    );
    for y in &report.years {
        let title = t.fill("year_n", &[("year", &y.year.to_string())]);
        let place = format!("{title} · {}", site.locality);
        let mut words = String::new();
        for m in &y.models {
            words.push_str(&format!(" {} {}", m.model.name, m.model.unit));
            let new = t.get("new").to_lowercase();
            for (fig, word) in [(&m.total, ""), (&m.new, new.as_str())] {
                if let Some(f) = fig {
                    let label = format!("{} {word}", m.model.unit);
                    let label = format!("{} ({})", label.trim(), m.model.name);
                    index.figure(f.value, &label, &place, format!("years/{}.html", y.year));
                }
            }
        }
        for f in &y.indicators {
            words.push_str(&format!(" {}", f.indicator.name));
        }
        let narrative = y.narrative.as_deref().map(plain_text).unwrap_or_default();
        index.page(
            &title,
            format!("years/{}.html", y.year),
            t.get("kind_year"),
            &words,
            &narrative,
        );
        if let Some(campaign) = &y.campaign {
            for (id, fig) in &campaign.figures {
                if let (Some(Fig { value, .. }), Some(figure)) = (fig, report.catalogue.get(id)) {
                    let name = figure.name_in(site.language);
                    index.figure(*value, &name.to_lowercase(), &place, "campaign.html".into());
                }
            }
        }
    }
    let campaign_words: Vec<&str> = report
        .catalogue
        .section(crate::catalogue::Section::Campaign)
        .map(|f| f.name_in(site.language))
        .collect();
    index.page(
        t.get("campaign"),
        "campaign.html".into(),
        t.get("kind_page"),
        &format!("{} {}", t.get("campaign_short"), campaign_words.join(" ")),
        "",
    );
    for c in &report.communes {
        let mut words = c.code.clone().unwrap_or_default();
        if let Some(group) = &c.group {
            words.push(' ');
            words.push_str(&group.full_name);
        }
        if let Some(chief) = &c.chief {
            words.push(' ');
            words.push_str(&chief.name);
        }
        for g in &c.groups {
            words.push(' ');
            words.push_str(&g.name);
        }
        // The newest year's counts with their labels: "23 mắt camera Camera an ninh".
        if let Some(y) = c.years.first() {
            for m in &y.models {
                words.push_str(&format!(" {} {}", m.model.name, m.model.unit));
                if let Some(f) = &m.count {
                    words.push_str(&format!(" {}", f.value));
                }
            }
        }
        let summary = c.summary.as_deref().map(plain_text).unwrap_or_default();
        index.page(
            &c.full_name,
            format!("communes/{}.html", c.id),
            t.get("kind_commune"),
            &words,
            &summary,
        );
    }
    for g in &report.commune_groups {
        index.page(
            &g.full_name,
            format!("groups/{}.html", g.id),
            t.get("area_group"),
            "",
            "",
        );
    }
    for m in &report.models {
        let words = format!("{} {}", m.category.as_deref().unwrap_or(""), m.unit);
        let description = m.description.as_deref().map(plain_text).unwrap_or_default();
        index.page(
            &m.name,
            format!("models/{}.html", m.id),
            t.get("kind_model"),
            &words,
            &description,
        );
    }
    for i in &report.indicators {
        let english = report.catalogue.get(&i.id).map(|c| c.name_en.clone());
        let words = format!("{} {} {}", english.as_deref().unwrap_or(""), i.unit, i.id);
        index.page(
            &i.name,
            format!("indicators/{}.html", i.id),
            t.get("kind_indicator"),
            &words,
            "",
        );
    }
    for p in &report.pages {
        let words = p.description.as_deref().unwrap_or_default();
        index.page(
            &p.title,
            format!("pages/{}.html", p.slug),
            t.get("kind_page"),
            words,
            &plain_text(&p.body),
        );
    }
    let sources: Vec<&str> = report.sources.iter().map(|s| s.title.as_str()).collect();
    index.page(
        t.get("sources"),
        "sources.html".into(),
        t.get("kind_page"),
        &sources.join(" "),
        "",
    );
    index.page(
        t.get("open_data"),
        "data.html".into(),
        t.get("kind_page"),
        "csv json excel",
        "",
    );
    // Written straight into the file's bytes: a national index is megabytes long.
    const START: &[u8] = b"window.BAOCAO_SEARCH = ";
    let mut script = START.to_vec();
    if serde_json::to_writer(&mut script, &index.entries).is_err() {
        script.truncate(START.len());
        script.extend(b"[]");
    }
    script.extend(b";\n");
    // `</` cannot close a script element when the index is inlined or parsed as HTML.
    if script.windows(2).any(|w| w == b"</") {
        let text = String::from_utf8_lossy(&script).replace("</", "<\\/");
        script = text.into_bytes();
    }
    script
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_diacritics_and_d_with_stroke() {
        assert_eq!(fold("Ea H'leo"), "ea hleo");
        assert_eq!(fold("Ea H’leo"), "ea hleo");
        assert_eq!(fold("Ea-Hleo"), "eahleo");
        assert_eq!(
            title_first("Xã Ea H'leo", "Krông Búk"),
            ("xa ea hleo xaeahleo krong buk".to_owned(), 19)
        );
        // An acronym and what it stands for find each other.
        assert_eq!(
            keys("Tổ liên gia an toàn PCCC"),
            "to lien gia an toan pccc phong chay, chua chay"
        );
        assert!(keys("Phòng cháy, chữa cháy").ends_with(" pccc"));
        assert_eq!(fold("Tuy Lộc"), "tuy loc");
        assert_eq!(fold("Giới Phiên"), "gioi phien");
        assert_eq!(fold("Đồng Tâm"), "dong tam");
        assert_eq!(fold("Ưu Đãi"), "uu dai");
    }
}
