//! Acronyms of public-security reports (ANTT, PCCC, TDBVANTQ) explained where a page first
//! uses them, as writers do: the first one in a page's body text becomes
//! `<abbr title="an ninh trật tự">ANTT</abbr>`, so that a reader can find what it stands for
//! and a screen reader can say it. Only the first is looked for: a national report's pages
//! hold a gigabyte of text, and each page costs a few short searches.

/// The acronyms and what they stand for, in Vietnamese and English.
const ACRONYMS: [(&str, &str, &str); 3] = [
    ("ANTT", "an ninh trật tự", "security and public order"),
    (
        "PCCC",
        "phòng cháy, chữa cháy",
        "fire prevention and fighting",
    ),
    (
        "TDBVANTQ",
        "Toàn dân bảo vệ an ninh Tổ quốc",
        "All People Protect National Security",
    ),
];

/// Elements whose text is not marked: the page's title, scripts and styles, drawings (their
/// text is measured and placed), and acronyms already marked.
const SKIPPED: [&str; 6] = ["title", "script", "style", "svg", "abbr", "textarea"];

/// `html` with the first acronym of each kind in the body's text marked, the explanation in
/// `language`.
pub fn mark(html: String, language: &str) -> String {
    let Some(body) = html.find("<body") else {
        return html;
    };
    let mut hits: Vec<(usize, &str, &str)> = ACRONYMS
        .iter()
        .filter_map(|(short, vi, en)| {
            let at = html[body..]
                .match_indices(short)
                .map(|(at, _)| body + at)
                // A bound on the look: the first few uses, not every one in a chart.
                .take(50)
                .find(|&at| stands_alone(&html, at, short.len()) && in_text(&html[..at]))?;
            Some((at, *short, if language == "en" { *en } else { *vi }))
        })
        .collect();
    if hits.is_empty() {
        return html;
    }
    hits.sort_unstable();
    let mut out = String::with_capacity(html.len() + hits.len() * 64);
    let mut done = 0;
    for (at, short, title) in hits {
        out.push_str(&html[done..at]);
        out.push_str(&format!("<abbr title=\"{title}\">{short}</abbr>"));
        done = at + short.len();
    }
    out.push_str(&html[done..]);
    out
}

/// Whether the acronym at `at` is a word of its own (not part of "ANTTX").
fn stands_alone(html: &str, at: usize, len: usize) -> bool {
    !html[..at].ends_with(char::is_alphanumeric)
        && !html[at + len..].starts_with(char::is_alphanumeric)
}

/// Whether the text ending with `before` is outside any tag and any element of [`SKIPPED`].
fn in_text(before: &str) -> bool {
    let in_tag = before.rfind('<') > before.rfind('>');
    !in_tag
        && SKIPPED.iter().all(|name| {
            // The nearest opening of the element is closed before this point.
            before
                .rfind(&format!("<{name}"))
                .is_none_or(|open| before[open..].contains(&format!("</{name}>")))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_acronym_of_each_kind_in_text_is_explained_and_nothing_else() {
        let html = "<html><head><title>Tổ ANTT</title></head><body>\
                    <h1 title=\"ANTT\">Tổ tự quản về ANTT</h1><p>PCCC, ANTTX và ANTT.</p>\
                    <svg><text>ANTT</text></svg><abbr title=\"x\">PCCC</abbr>\
                    <script>var ANTT = 1;</script></body></html>";
        assert_eq!(
            mark(html.into(), "vi"),
            "<html><head><title>Tổ ANTT</title></head><body>\
             <h1 title=\"ANTT\">Tổ tự quản về <abbr title=\"an ninh trật tự\">ANTT</abbr></h1>\
             <p><abbr title=\"phòng cháy, chữa cháy\">PCCC</abbr>, ANTTX và ANTT.</p>\
             <svg><text>ANTT</text></svg><abbr title=\"x\">PCCC</abbr>\
             <script>var ANTT = 1;</script></body></html>"
        );
        assert!(
            mark("<body><p>Phong trào TDBVANTQ</p>".into(), "en")
                .contains("<abbr title=\"All People Protect National Security\">TDBVANTQ</abbr>")
        );
        let plain = "<p>Không có chữ viết tắt</p>".to_owned();
        assert_eq!(mark(plain.clone(), "vi"), plain);
    }
}
