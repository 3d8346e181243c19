//! Markdown to safe HTML: pulldown-cmark (tables, footnotes, strikethrough), then ammonia.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use super::charts::Charts;
use crate::chart_spec::ChartSpec;
use crate::paths::{LinkTarget, link_target};

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

/// Where a text's relative links start, and where the text is shown.
pub struct Rebase<'a> {
    /// The site folder the text is written for (`communes`): its links start there.
    pub home: &'a str,
    /// The site folder of the page it is shown on (`years` for the full report).
    pub here: &'a str,
    /// The way from the page to the site root (`../`).
    pub root: &'a str,
}

/// Renders Markdown like [`to_html`], drawing each line that holds only `{{ chart(…) }}`.
/// Charts are put in after sanitising, so the sanitiser never sees (or strips) their SVG.
/// A text shown away from its home folder has its relative links rewritten to still open.
pub fn to_html_with_charts(
    markdown: &str,
    charts: &Charts,
    rebase: &Rebase,
) -> Result<String, String> {
    let root = rebase.root;
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
    let mut html = if rebase.home == rebase.here {
        to_html(&text)
    } else {
        to_html_rebased(&text, rebase)
    };
    for (i, figure) in figures.iter().enumerate() {
        html = html.replacen(&format!("<p>baocao-chart-{i}</p>"), figure, 1);
    }
    Ok(html)
}

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH);

/// The words of a Markdown text without its markup, for the search index: text and code,
/// one space between blocks; chart lines and raw HTML left out.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, OPTIONS) {
        match event {
            Event::Text(t) | Event::Code(t)
                if crate::chart_spec::ChartSpec::parse_line(&t).is_none() =>
            {
                text.push_str(&t);
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Renders Markdown to HTML with scripts, event handlers and dangerous URLs removed.
pub fn to_html(markdown: &str) -> String {
    sanitised(Parser::new_ext(markdown, OPTIONS), markdown.len())
}

/// Like [`to_html`], each link and image to a file of the site led from `rebase.home` to
/// the page's folder: `../sources.html` written for `years/` is `sources.html` on the overview.
fn to_html_rebased(markdown: &str, rebase: &Rebase) -> String {
    let rebased = |url: CowStr<'static>| match link_target(rebase.home, &url) {
        LinkTarget::Site { path, suffix } => format!("{}{path}{suffix}", rebase.root).into(),
        _ => url,
    };
    let events = Parser::new_ext(markdown, OPTIONS).map(|event| match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: rebased(dest_url.into_static()),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: rebased(dest_url.into_static()),
            title,
            id,
        }),
        other => other,
    });
    sanitised(events, markdown.len())
}

fn sanitised<'a>(events: impl Iterator<Item = Event<'a>>, size: usize) -> String {
    let mut unsafe_html = String::with_capacity(size * 3 / 2);
    html::push_html(&mut unsafe_html, events);
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
    fn links_shown_away_from_home_still_open() {
        let text =
            "[nguồn](../sources.html#a) ![b](../static/b.jpg) [c](https://a.vn) [d](tuy-loc.html)";
        let rebase = |here, root| Rebase {
            home: "communes",
            here,
            root,
        };
        let overview = to_html_rebased(text, &rebase("", ""));
        assert!(overview.contains("href=\"sources.html#a\""), "{overview}");
        assert!(overview.contains("src=\"static/b.jpg\""), "{overview}");
        assert!(overview.contains("href=\"https://a.vn\""), "{overview}");
        assert!(
            overview.contains("href=\"communes/tuy-loc.html\""),
            "{overview}"
        );
        let full_report = to_html_rebased(text, &rebase("years", "../"));
        assert!(
            full_report.contains("href=\"../sources.html#a\""),
            "{full_report}"
        );
        assert!(
            full_report.contains("href=\"../communes/tuy-loc.html\""),
            "{full_report}"
        );
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
