//! Every Markdown text of a project, with where it starts in its file and the site folder of
//! the page it belongs to: what the chart and link checks read.

use crate::load::{Project, QuoteRecord, SourceFile, Text};

/// One Markdown text.
pub struct MarkdownText<'a> {
    pub src: &'a SourceFile,
    /// The file line of the text's first line.
    pub first_line: u32,
    pub text: &'a str,
    /// The site folder of the page the text is written for (`pages`, `communes`…): its
    /// relative links start there, wherever else the text is shown.
    pub home: &'static str,
}

/// Every Markdown text of `project`, file by file.
pub fn markdown_texts<'a>(project: &'a Project) -> Vec<MarkdownText<'a>> {
    let mut texts = Vec::new();
    for page in &project.pages {
        // The body starts after the front matter and its two `---` lines.
        let body_start = page.source.text.lines().count() - page.body.lines().count();
        texts.push(MarkdownText {
            src: &page.source,
            first_line: body_start as u32 + 1,
            text: &page.body,
            home: "pages",
        });
    }
    let field = |src: &'a SourceFile, text: &'a Text, home| MarkdownText {
        src,
        first_line: first_text_line(src, text),
        text: &text.value,
        home,
    };
    let quote = |src: &'a SourceFile, q: &'a QuoteRecord, home| MarkdownText {
        src,
        first_line: line_of(src, &q.text),
        text: &q.text,
        home,
    };
    for c in &project.communes {
        let src = &c.source;
        texts.extend(c.record.summary.iter().map(|t| field(src, t, "communes")));
        let narratives = c.record.groups.iter().filter_map(|g| g.narrative.as_ref());
        texts.extend(narratives.map(|t| field(src, t, "communes")));
        texts.extend(c.record.quotes.iter().map(|q| quote(src, q, "communes")));
    }
    for m in &project.models {
        let description = m.record.description.iter();
        texts.extend(description.map(|t| field(&m.source, t, "models")));
    }
    for i in &project.indicators {
        let description = i.record.description.iter();
        texts.extend(description.map(|t| field(&i.source, t, "indicators")));
    }
    for (_, y) in &project.years {
        texts.extend(
            y.record
                .narrative
                .iter()
                .map(|t| field(&y.source, t, "years")),
        );
        texts.extend(y.record.quotes.iter().map(|q| quote(&y.source, q, "years")));
    }
    texts
}

/// The line where a YAML text value starts: after `|` or `>` for block scalars.
fn first_text_line(src: &SourceFile, text: &Text) -> u32 {
    let line = text.referenced.line() as u32;
    let at = src
        .text
        .lines()
        .nth(line.saturating_sub(1) as usize)
        .map(|l| {
            l.chars()
                .skip(text.referenced.column().saturating_sub(1) as usize)
                .collect::<String>()
        })
        .unwrap_or_default();
    if at.starts_with('|') || at.starts_with('>') {
        line + 1
    } else {
        line
    }
}

/// The line of the file that holds the first line of an unpositioned `text` (a quote's),
/// or 1.
fn line_of(src: &SourceFile, text: &str) -> u32 {
    let first = text.lines().next().unwrap_or_default().trim();
    match src.text.find(first) {
        Some(at) if !first.is_empty() => src.text[..at].matches('\n').count() as u32 + 1,
        _ => 1,
    }
}
