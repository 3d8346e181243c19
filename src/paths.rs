//! Paths as baocao shows and keys them (relative, `/` separators), and the files it never
//! reads: a leaf shared by loading, writing and the preview server.

use std::path::Path;

/// Hidden files and the backup or swap files of common editors, which baocao never reads.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

/// Commune-years (each commune's years summed) above which the data files of communes'
/// figures ([`DATA_BY_COMMUNE`]) are written a file per year, `data/<name>-<year>.csv`: a
/// national report's 10.000 communes × 10 years would make files of 40–80 MB, which neither
/// a spreadsheet nor a slow connection takes well.
const SPLIT_COMMUNE_YEARS: usize = 20_000;

/// The data files of every commune's figures, split by year in a national report.
pub const DATA_BY_COMMUNE: [&str; 3] = ["commune-models", "campaign", "indicators"];

/// Whether the data files of communes' figures are written a file per year, for a report
/// whose communes report `commune_years` years in all.
pub fn data_split_by_year(commune_years: usize) -> bool {
    commune_years > SPLIT_COMMUNE_YEARS
}

/// `path` relative to `root`, with `/` separators, as paths are shown and keyed everywhere.
pub fn relative_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Where a link or image written in content's Markdown points.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkTarget<'a> {
    /// Another site, an e-mail address, a phone number or a place on the same page: not
    /// a file of the site.
    Elsewhere,
    /// A file of the site: its path from the site's root folder, decoded
    /// (`sources.html`, `static/anh/tuy loc.jpg`), and what followed it (`#nguon-1`, `?q=a`).
    Site { path: String, suffix: &'a str },
    /// A path on the writer's computer (`C:\anh\a.jpg`, `file:///…`, `\\server\…`) or from
    /// the web server's root (`/anh/a.jpg`): it works nowhere else, and not from a sub-folder
    /// or a USB stick.
    Absolute,
    /// A relative path that climbs above the site's root folder.
    Outside,
}

/// Where `url`, written in a text shown on a page of the site folder `home` (`pages`,
/// `communes`, `""` for the root), points. `\` counts as `/`, as browsers read it.
pub fn link_target<'a>(home: &str, url: &'a str) -> LinkTarget<'a> {
    let bytes = url.as_bytes();
    let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    if drive && (bytes.len() == 2 || matches!(bytes[2], b'\\' | b'/'))
        || url.starts_with("\\\\")
        || url
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("file:"))
    {
        return LinkTarget::Absolute;
    }
    if url.starts_with("//") || url.is_empty() || url.starts_with('#') || has_scheme(url) {
        return LinkTarget::Elsewhere;
    }
    if url.starts_with('/') || url.starts_with('\\') {
        return LinkTarget::Absolute;
    }
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let (written, suffix) = url.split_at(end);
    let decoded = percent_decode(written).replace('\\', "/");
    let mut parts: Vec<&str> = home.split('/').filter(|p| !p.is_empty()).collect();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return LinkTarget::Outside;
                }
            }
            _ => parts.push(part),
        }
    }
    let mut path = parts.join("/");
    // A folder (`../communes/`, `..`): its index page.
    if matches!(decoded.rsplit('/').next(), Some("" | "." | "..")) {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    LinkTarget::Site { path, suffix }
}

/// `mailto:`, `https:`, `tel:`… (a scheme is a letter, then letters, digits, `+ - .`).
fn has_scheme(url: &str) -> bool {
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `%20` → ` `; invalid escapes and bytes that do not make UTF-8 are kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap() * 16 + hex(l).unwrap()) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// The link from a page of the folder `from` to the site file `path`: `../sources.html`.
pub fn relative_link(from: &str, path: &str) -> String {
    let depth = from.split('/').filter(|p| !p.is_empty()).count();
    format!("{}{path}", "../".repeat(depth))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(path: &str, suffix: &'static str) -> LinkTarget<'static> {
        LinkTarget::Site {
            path: path.into(),
            suffix,
        }
    }

    #[test]
    fn links_resolve_from_the_folder_of_their_text() {
        assert_eq!(
            link_target("pages", "../sources.html"),
            site("sources.html", "")
        );
        assert_eq!(
            link_target("communes", "tuy-loc.html#to-nhom"),
            site("communes/tuy-loc.html", "#to-nhom")
        );
        assert_eq!(
            link_target("pages", "../static/anh/tuy%20loc.jpg"),
            site("static/anh/tuy loc.jpg", "")
        );
        assert_eq!(
            link_target("pages", "../communes/"),
            site("communes/index.html", "")
        );
        assert_eq!(link_target("pages", ".."), site("index.html", ""));
        assert_eq!(link_target("", "./"), site("index.html", ""));
        assert_eq!(
            link_target("pages", "..\\static\\a.jpg"),
            site("static/a.jpg", "")
        );
        assert_eq!(link_target("pages", "../../x.html"), LinkTarget::Outside);
    }

    #[test]
    fn computer_and_server_paths_are_absolute_and_addresses_are_elsewhere() {
        for url in [
            "C:\\Users\\anh.jpg",
            "d:/anh.jpg",
            "file:///home/a.jpg",
            "/static/a.jpg",
            "\\\\server\\anh.jpg",
        ] {
            assert_eq!(link_target("pages", url), LinkTarget::Absolute, "{url}");
        }
        for url in [
            "https://baoyenbai.com.vn/a",
            "mailto:a@b.vn",
            "tel:0216",
            "#nguon",
            "",
            "//cdn.example/x",
        ] {
            assert_eq!(link_target("pages", url), LinkTarget::Elsewhere, "{url}");
        }
    }

    #[test]
    fn relative_links_climb_to_the_root() {
        assert_eq!(relative_link("", "sources.html"), "sources.html");
        assert_eq!(
            relative_link("years", "communes/a.html"),
            "../communes/a.html"
        );
    }

    #[test]
    fn editor_files_are_ignored() {
        assert!(is_ignored(".DS_Store"));
        assert!(is_ignored("tuy-loc.yaml~"));
        assert!(is_ignored("#tuy-loc.yaml#"));
        assert!(is_ignored(".tuy-loc.yaml.swp"));
        assert!(!is_ignored("tuy-loc.yaml"));
    }
}
