//! Acronyms of public-security reports (ANTT, PCCC, TDBVANTQ) explained where they show:
//! each one in a page's body text becomes `<abbr title="an ninh trật tự">ANTT</abbr>`, so
//! that a reader can find what it stands for and a screen reader can say it.

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

/// `html` with every acronym of the body's text marked, the explanation in `language`.
pub fn mark(html: String, language: &str) -> String {
    if !ACRONYMS.iter().any(|(short, ..)| html.contains(short)) {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html.as_str();
    let mut skipping: Option<&str> = None;
    while let Some(lt) = rest.find('<') {
        let (text, tag_and_after) = rest.split_at(lt);
        if skipping.is_some() {
            out.push_str(text);
        } else {
            mark_text(text, language, &mut out);
        }
        let end = tag_and_after
            .find('>')
            .map_or(tag_and_after.len(), |i| i + 1);
        let tag = &tag_and_after[..end];
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match skipping {
            Some(open) if tag.starts_with("</") && name == open => skipping = None,
            None if !tag.starts_with("</") && !tag.ends_with("/>") => {
                skipping = SKIPPED.iter().find(|s| **s == name).copied();
            }
            _ => {}
        }
        out.push_str(tag);
        rest = &tag_and_after[end..];
    }
    mark_text(rest, language, &mut out);
    out
}

/// Appends `text` (HTML text between tags) with each acronym that stands as a word marked.
fn mark_text(text: &str, language: &str, out: &mut String) {
    let mut rest = text;
    'search: while !rest.is_empty() {
        for (i, c) in rest.char_indices() {
            if !c.is_ascii_uppercase() || rest[..i].ends_with(|p: char| p.is_alphanumeric()) {
                continue;
            }
            for (short, vi, en) in ACRONYMS {
                let after = &rest[i..];
                if after.starts_with(short)
                    && !after[short.len()..].starts_with(|n: char| n.is_alphanumeric())
                {
                    let title = if language == "en" { en } else { vi };
                    out.push_str(&rest[..i]);
                    out.push_str(&format!("<abbr title=\"{title}\">{short}</abbr>"));
                    rest = &after[short.len()..];
                    continue 'search;
                }
            }
        }
        out.push_str(rest);
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_in_text_are_explained_and_nowhere_else() {
        let html = "<html><head><title>Tổ ANTT</title></head><body>\
                    <h1 title=\"ANTT\">Tổ tự quản về ANTT</h1><p>PCCC, ANTTX và ANTT.</p>\
                    <svg><text>ANTT</text></svg><abbr title=\"x\">PCCC</abbr>\
                    <script>var ANTT = 1;</script></body></html>";
        assert_eq!(
            mark(html.into(), "vi"),
            "<html><head><title>Tổ ANTT</title></head><body>\
             <h1 title=\"ANTT\">Tổ tự quản về <abbr title=\"an ninh trật tự\">ANTT</abbr></h1>\
             <p><abbr title=\"phòng cháy, chữa cháy\">PCCC</abbr>, ANTTX và \
             <abbr title=\"an ninh trật tự\">ANTT</abbr>.</p>\
             <svg><text>ANTT</text></svg><abbr title=\"x\">PCCC</abbr>\
             <script>var ANTT = 1;</script></body></html>"
        );
        assert!(
            mark("<p>Phong trào TDBVANTQ</p>".into(), "en")
                .contains("<abbr title=\"All People Protect National Security\">TDBVANTQ</abbr>")
        );
        let plain = "<p>Không có chữ viết tắt</p>".to_owned();
        assert_eq!(mark(plain.clone(), "vi"), plain);
    }
}
