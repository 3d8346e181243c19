//! Markdown to safe HTML: pulldown-cmark (tables, footnotes, strikethrough), then ammonia.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Options, Parser, html};

use super::charts::Charts;
use crate::chart_spec::ChartSpec;

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(["id"])
        .add_tag_attributes("sup", ["class"])
        .add_tag_attributes("div", ["class"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(HashSet::from(["text-align"]))
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .link_rel(Some("noopener noreferrer"));
    builder
});

/// Renders Markdown like [`to_html`], drawing each line that holds only `{{ chart(…) }}`.
/// Charts are put in after sanitising, so the sanitiser never sees (or strips) their SVG.
pub fn to_html_with_charts(markdown: &str, charts: &Charts, root: &str) -> Result<String, String> {
    let mut figures = Vec::new();
    let mut text = String::with_capacity(markdown.len());
    for line in markdown.lines() {
        match ChartSpec::parse_line(line) {
            Some(spec) => {
                let spec = spec?;
                text.push_str(&format!("\n\nbaocao-chart-{}\n\n", figures.len()));
                figures.push(
                    charts
                        .figure_html(&spec, root)
                        .map_err(|e| format!("{spec}: {e}"))?,
                );
            }
            None => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    let mut html = to_html(&text);
    for (i, figure) in figures.iter().enumerate() {
        html = html.replacen(&format!("<p>baocao-chart-{i}</p>"), figure, 1);
    }
    Ok(html)
}

/// Renders Markdown to HTML with scripts, event handlers and dangerous URLs removed.
pub fn to_html(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    SANITIZER.clean(&unsafe_html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_javascript_urls_are_removed() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[a](javascript:alert(3)) <a href=\"JaVaScRiPt:alert(4)\">b</a>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.to_lowercase().contains("javascript:"), "{html}");
    }

    #[test]
    fn footnotes_and_table_alignment_survive() {
        let html = to_html("Văn bản[^1]\n\n[^1]: Nguồn.\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n");
        assert!(html.contains("class=\"footnote-reference\""), "{html}");
        assert!(html.contains("id=\"1\""), "{html}");
        assert!(html.contains("href=\"#1\""), "{html}");
        assert!(html.contains("text-align:center"), "{html}");
        assert!(html.contains("text-align:right"), "{html}");
    }

    #[test]
    fn style_attributes_keep_only_alignment() {
        let html = to_html(
            "<table><tr><td style=\"text-align: left; background: url(x)\">1</td></tr></table>",
        );
        assert!(html.contains("text-align"), "{html}");
        assert!(!html.contains("background"), "{html}");
    }
}
