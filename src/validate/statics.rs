//! Files of `content/static/` are published as they are, so none may run script in a
//! reader's browser: SVG images that hold script, event handlers or references to other
//! sites are refused, and HTML or JavaScript files only go out when `site.yaml` says
//! `allow_scripts: true`.

use crate::diagnostic::Diagnostic;
use crate::load::{Project, SourceFile};
use crate::messages as msg;

/// Extensions of files a browser runs or renders as a page of the site.
const ACTIVE: &[&str] = &["html", "htm", "xhtml", "xht", "shtml", "js", "mjs", "svgz"];

/// What in an SVG can run or fetch: (text to look for, lowercased; what to call it).
const SVG_DANGERS: &[(&str, &str)] = &[
    ("<script", "<script>"),
    ("javascript:", "javascript:"),
    ("<foreignobject", "<foreignObject>"),
    ("<iframe", "<iframe>"),
    ("<embed", "<embed>"),
    ("<object", "<object>"),
    ("href=\"http", "a link to another site"),
    ("href='http", "a link to another site"),
    ("href=\"//", "a link to another site"),
    ("href='//", "a link to another site"),
    ("url(http", "a reference to another site"),
    ("url(//", "a reference to another site"),
    ("@import", "@import"),
    ("<!entity", "<!ENTITY>"),
];

/// Checks every static file.
pub fn check_static_files(project: &Project, diagnostics: &mut Vec<Diagnostic>) {
    let allow_scripts = project
        .site
        .as_ref()
        .is_some_and(|s| s.record.allow_scripts);
    for file in &project.statics {
        let path = format!("content/static/{}", file.path);
        let extension = file
            .path
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if ACTIVE.contains(&extension.as_str()) {
            if !allow_scripts {
                diagnostics.push(
                    Diagnostic::file_error(&path, msg::STATIC_ACTIVE.with("kind", &extension))
                        .hint(&msg::STATIC_ACTIVE_HINT),
                );
            }
            continue;
        }
        if extension != "svg" {
            continue;
        }
        let Ok(bytes) = std::fs::read(&file.absolute) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        if let Some((offset, what)) = svg_danger(&text) {
            let line = text[..offset].matches('\n').count() + 1;
            let column = text[..offset]
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count())
                + 1;
            let source = SourceFile::new(path.clone(), text.clone().into_owned());
            diagnostics.push(
                source
                    .error_at(
                        line as u32,
                        column as u32,
                        msg::STATIC_SVG_ACTIVE.with("what", what),
                    )
                    .hint(&msg::STATIC_SVG_HINT),
            );
        }
    }
}

/// The first thing in `svg` that could run script or fetch from elsewhere: its byte offset
/// and a name for it.
fn svg_danger(svg: &str) -> Option<(usize, &'static str)> {
    let lower = svg.to_ascii_lowercase();
    let mut found: Option<(usize, &'static str)> = SVG_DANGERS
        .iter()
        .filter_map(|(needle, what)| lower.find(needle).map(|i| (i, *what)))
        .min();
    // Event handlers: an attribute `on…=` (onload, onclick, onbegin…).
    let bytes = lower.as_bytes();
    let mut from = 0;
    while let Some(i) = lower[from..].find("on").map(|i| i + from) {
        from = i + 2;
        let before = i.checked_sub(1).map(|b| bytes[b]);
        if !matches!(
            before,
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'' | b'/')
        ) {
            continue;
        }
        let name_end = lower[i + 2..]
            .find(|c: char| !c.is_ascii_lowercase())
            .map_or(lower.len(), |e| i + 2 + e);
        if name_end == i + 2 {
            continue;
        }
        let after = lower[name_end..].trim_start();
        if after.starts_with('=') && found.is_none_or(|(at, _)| i < at) {
            found = Some((i, "an event handler (on…=)"));
            break;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_runs_in_an_svg() {
        let clean = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>Bản đồ online, phông nền</title><rect fill=\"url(#g)\"/></svg>";
        assert_eq!(svg_danger(clean), None);
        assert_eq!(
            svg_danger("<svg><script>alert(1)</script></svg>").map(|d| d.1),
            Some("<script>")
        );
        assert_eq!(
            svg_danger("<svg onload = \"alert(1)\"></svg>").map(|d| d.1),
            Some("an event handler (on…=)")
        );
        assert_eq!(
            svg_danger("<svg><image href=\"https://evil.example/x.png\"/></svg>").map(|d| d.1),
            Some("a link to another site")
        );
        assert_eq!(
            svg_danger("<svg><a xlink:href=\"JavaScript:alert(1)\">x</a></svg>").map(|d| d.1),
            Some("javascript:")
        );
    }
}
