//! Links and images written in Markdown must open on the published site: a relative path to
//! a page or a file of `content/static/`, in the exact letter case (a Windows computer forgives
//! `Anh.JPG` for `anh.jpg`; the web server does not). Paths on the writer's computer are refused.

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::markdown::{MarkdownText, markdown_texts};
use crate::diagnostic::Diagnostic;
use crate::load::{Project, file_stem};
use crate::messages as msg;
use crate::paths::{DATA_BY_COMMUNE, LinkTarget, data_split_by_year, link_target, relative_link};
use crate::text::did_you_mean;

/// The data downloads of every site (`data/<name>.csv`, `.json` and `.xlsx`); `indicators`
/// when the project has its own.
const DATASETS: [&str; 6] = [
    "communes",
    "commune-models",
    "city-models",
    "campaign",
    "attainment",
    "groups",
];

/// The pages every site has, whatever its content.
const FIXED_PAGES: [&str; 8] = [
    "index.html",
    "communes/index.html",
    "models/index.html",
    "campaign.html",
    "sources.html",
    "search.html",
    "data.html",
    "404.html",
];

/// Checks every link and image of every Markdown text.
pub fn check_links(project: &Project, diagnostics: &mut Vec<Diagnostic>) {
    let files = site_files(project);
    for text in markdown_texts(project) {
        for url in destinations(text.text) {
            if let Some(d) = check_link(&text, &url, &files) {
                diagnostics.push(d);
            }
        }
    }
}

/// Every file the site will have that a link may name, by path from the site root.
pub fn site_files(project: &Project) -> BTreeSet<String> {
    let mut files: BTreeSet<String> = FIXED_PAGES.iter().map(|p| p.to_string()).collect();
    let mut datasets = DATASETS.to_vec();
    if !project.indicators.is_empty() {
        datasets.push("indicators");
        files.insert("indicators/index.html".into());
    }
    // A national report's tables of communes' figures are a file per year of its communes.
    let commune_years = project.communes.iter().map(|c| c.record.years.len()).sum();
    let by_year = data_split_by_year(commune_years);
    let years: BTreeSet<i64> = project
        .communes
        .iter()
        .flat_map(|c| c.record.years.iter().map(|y| y.year.value))
        .collect();
    files.insert("data/index.json".into());
    for name in datasets {
        let names = match by_year && DATA_BY_COMMUNE.contains(&name) {
            true => years.iter().map(|y| format!("{name}-{y}")).collect(),
            false => vec![name.to_owned()],
        };
        for name in names {
            files.insert(format!("data/{name}.csv"));
            files.insert(format!("data/{name}.json"));
            files.insert(format!("data/{name}.xlsx"));
        }
    }
    if project.years.len() > 1 {
        files.insert("years/index.html".into());
    }
    for (year, _) in &project.years {
        files.insert(format!("years/{year}.html"));
        files.insert(format!("years/{year}-full.html"));
    }
    let communes = project.communes.iter().map(|c| c.record.resolved_id());
    files.extend(communes.map(|id| format!("communes/{id}.html")));
    let models = project.models.iter().map(|m| m.record.resolved_id());
    files.extend(models.map(|id| format!("models/{id}.html")));
    let indicators = project.indicators.iter().map(|i| file_stem(&i.source.path));
    files.extend(indicators.map(|id| format!("indicators/{id}.html")));
    files.extend(
        project
            .pages
            .iter()
            .map(|p| format!("pages/{}.html", p.stem)),
    );
    files.extend(project.statics.iter().map(|s| format!("static/{}", s.path)));
    files
}

/// The destinations of the links and images of a Markdown text, in order.
fn destinations(markdown: &str) -> Vec<String> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    Parser::new_ext(markdown, options)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.into_string())
            }
            _ => None,
        })
        .collect()
}

/// The error for a link that would not open, if it would not.
fn check_link(text: &MarkdownText, url: &str, files: &BTreeSet<String>) -> Option<Diagnostic> {
    let home = text.home;
    let (message, hint) = match link_target(home, url) {
        LinkTarget::Elsewhere => return None,
        LinkTarget::Site { path, .. } if files.contains(&path) => return None,
        LinkTarget::Absolute => {
            let name = url.rsplit(['/', '\\']).next().unwrap_or_default();
            let suggestion = relative_link(home, &format!("static/{name}"));
            (
                msg::LINK_ABSOLUTE.with("url", url),
                msg::LINK_ABSOLUTE_HINT.with("suggestion", suggestion),
            )
        }
        LinkTarget::Outside => {
            let hint = match link_target(home, url.strip_prefix("../").unwrap_or(url)) {
                LinkTarget::Site { path, suffix } if files.contains(&path) => {
                    msg::LINK_WRITE_HINT.with("suggestion", relative_link(home, &path) + suffix)
                }
                _ => msg::LINK_HOW_HINT.with("home", home),
            };
            (msg::LINK_OUTSIDE.with("url", url), hint)
        }
        LinkTarget::Site { path, suffix } => {
            let write = |target: &str| {
                msg::LINK_WRITE_HINT.with("suggestion", relative_link(home, target) + suffix)
            };
            let same_but_case = files.iter().find(|f| f.eq_ignore_ascii_case(&path));
            if let Some(actual) = same_but_case {
                (
                    msg::LINK_LETTER_CASE
                        .with("url", url)
                        .with("path", &path)
                        .with("actual", actual),
                    write(actual),
                )
            } else {
                // A missing `../` (the path is right from the site root), or a near miss.
                let from_root = match link_target("", url) {
                    LinkTarget::Site { path, .. } => Some(path).filter(|p| files.contains(p)),
                    _ => None,
                };
                let hint = match from_root.or_else(|| near_miss(&path, files)) {
                    Some(target) => write(&target),
                    None => msg::LINK_HOW_HINT.with("home", home),
                };
                (
                    msg::LINK_NOT_FOUND.with("url", url).with("path", &path),
                    hint,
                )
            }
        }
    };
    let (line, column) = position(text, url);
    Some(text.src.error_at(line, column, message).hint(hint))
}

/// The file of the same folder `path` most likely meant: a typo away (`camera-an-nin.html`)
/// or the only one that starts like it (`camera.html` for `camera-an-ninh.html`).
fn near_miss(path: &str, files: &BTreeSet<String>) -> Option<String> {
    let (folder, name) = path.rsplit_once('/').unwrap_or(("", path));
    let in_folder: Vec<&str> = files
        .iter()
        .filter_map(|f| match f.rsplit_once('/') {
            Some((dir, file)) if dir == folder => Some(file),
            None if folder.is_empty() => Some(f.as_str()),
            _ => None,
        })
        .collect();
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let mut starting = in_folder
        .iter()
        .filter(|f| !stem.is_empty() && f.starts_with(stem));
    let found = did_you_mean(name, &in_folder).or(match (starting.next(), starting.next()) {
        (Some(only), None) => Some(*only),
        _ => None,
    })?;
    Some(match folder {
        "" => found.to_owned(),
        _ => format!("{folder}/{found}"),
    })
}

/// Where `url` is written in the text's file: its first occurrence from the text's first
/// line on (Markdown and YAML keep a link as it was typed), or the text's first line.
fn position(text: &MarkdownText, url: &str) -> (u32, u32) {
    let lines = text.src.text.lines().enumerate();
    lines
        .skip(text.first_line.saturating_sub(1) as usize)
        .find_map(|(i, line)| {
            let at = line.find(url)?;
            Some((i as u32 + 1, line[..at].chars().count() as u32 + 1))
        })
        .unwrap_or((text.first_line, 1))
}
