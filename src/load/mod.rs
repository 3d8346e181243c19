//! Phase 1, **load**: walk the project, read every file, parse YAML and front matter.
//! Parse errors are collected (one per file) so that one bad file does not hide the others.

mod image;
mod level;
mod records;
mod source;
mod spanned;
mod typos;
mod yaml;
pub use yaml::literal_message;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use walkdir::WalkDir;

pub use level::{Level, UnitWords, area_noun, unit_words};
pub use records::*;
pub use source::SourceFile;
pub use spanned::{Location, Spanned};

use crate::diagnostic::Diagnostic;
use crate::messages::{self as msg, Message};
use crate::paths::{is_ignored, relative_path};

/// Largest content or template file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// A parsed file together with its source, for positions in later messages.
#[derive(Debug)]
pub struct Loaded<T> {
    pub source: SourceFile,
    pub record: T,
}

impl Loaded<CommuneGroupRecord> {
    /// The group's id: its file name without `.yaml`.
    pub fn group_id(&self) -> String {
        Path::new(&self.source.path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// A Markdown page of `content/pages/`.
#[derive(Debug)]
pub struct PageSource {
    pub source: SourceFile,
    /// File name without `.md`.
    pub stem: String,
    pub front: PageFrontMatter,
    pub body: String,
}

/// A file of `content/static/`, copied verbatim.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Path below `content/static/`, with `/` separators.
    pub path: String,
    pub absolute: PathBuf,
    /// Width and height in pixels, for images baocao can measure.
    pub image_size: Option<(u32, u32)>,
}

/// Everything read from a project folder.
#[derive(Debug, Default)]
pub struct Project {
    pub site: Option<Loaded<SiteRecord>>,
    pub communes: Vec<Loaded<CommuneRecord>>,
    pub models: Vec<Loaded<ModelRecord>>,
    /// Groups of communes (`content/groups/`): districts, towns, clusters.
    pub commune_groups: Vec<Loaded<CommuneGroupRecord>>,
    /// The project's own indicators; each one's id is its file name without `.yaml`.
    pub indicators: Vec<Loaded<IndicatorRecord>>,
    /// City-wide figures, with the year taken from the file name.
    pub years: Vec<(i64, Loaded<YearRecord>)>,
    pub pages: Vec<PageSource>,
    pub statics: Vec<StaticFile>,
    /// The project's template overrides (`templates/*`), by file name.
    pub templates: Vec<SourceFile>,
}

/// A fingerprint of every file the site is built from (`content/`, `templates/`) and of
/// baocao's own code (see build.rs): equal fingerprints build equal sites. Reads the files
/// without parsing them, so that a build can tell it has nothing to do before the slow part.
/// FNV-1a, so it is the same on every machine.
pub fn fingerprint(root: &Path) -> String {
    fn fnv(hash: u64, bytes: &[u8]) -> u64 {
        (bytes.len() as u64)
            .to_le_bytes()
            .iter()
            .chain(bytes)
            .fold(hash, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
            })
    }
    let mut unused = Vec::new();
    let mut files = walk(&root.join("content"), None, &mut unused);
    files.extend(walk(&root.join("templates"), None, &mut unused));
    let hashes: Vec<u64> = files
        .par_iter()
        .map(|path| {
            let hash = fnv(0xcbf2_9ce4_8422_2325, relative_path(root, path).as_bytes());
            fnv(hash, &std::fs::read(path).unwrap_or_default())
        })
        .collect();
    let start = fnv(0xcbf2_9ce4_8422_2325, env!("BAOCAO_ENGINE").as_bytes());
    let hash = hashes
        .iter()
        .fold(start, |h, file| fnv(h, &file.to_le_bytes()));
    format!("{hash:016x}")
}

/// What a content file is, judged from where it lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Site,
    Commune,
    Model,
    Group,
    Indicator,
    Year(i64),
    Page,
}

/// Parsed commune files of an earlier load, taken again while their text is unchanged, so
/// that `serve` parses only the files that were saved.
#[derive(Debug, Default)]
pub struct Reuse {
    communes: Mutex<HashMap<String, Loaded<CommuneRecord>>>,
    /// The files saved since, when the caller knows them (`serve`'s watcher): the others are
    /// taken without being read again.
    saved: Option<Vec<String>>,
}

impl Reuse {
    /// Says which files were saved since [`Reuse::keep`]; `None`: check every file's text.
    pub fn saved(&mut self, paths: Option<&[String]>) {
        self.saved = paths.map(<[String]>::to_vec);
    }

    /// Keeps the parsed communes of `project` (moving them out of it) for the next load.
    pub fn keep(&mut self, project: &mut Project) {
        let communes = self
            .communes
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        communes.clear();
        for c in std::mem::take(&mut project.communes) {
            communes.insert(c.source.path.clone(), c);
        }
    }
}

/// Reads the project at `root`. Returns what could be read and every problem found.
pub fn load(root: &Path) -> (Project, Vec<Diagnostic>) {
    load_reusing(root, &Reuse::default())
}

/// Reads the project at `root` like [`load`], taking from `reuse` the files whose text did
/// not change instead of parsing them again.
pub fn load_reusing(root: &Path, reuse: &Reuse) -> (Project, Vec<Diagnostic>) {
    load_in(root, reuse, None)
}

/// Whether `path` (from the project's root: `content/communes/tuy-loc.yaml`) is a commune file.
pub fn is_commune_file(path: &str) -> bool {
    path.strip_prefix("content/")
        .is_some_and(|under_content| classify(under_content) == Ok(Kind::Commune))
}

/// Reads the project at `root` like [`load`] but for its communes, of which only the files
/// `communes` (paths from `root`: `content/communes/tuy-loc.yaml`) are read: what `serve`
/// needs to show a saved commune's page before checking the whole project again.
pub fn load_communes_only(root: &Path, communes: &[String]) -> (Project, Vec<Diagnostic>) {
    load_in(root, &Reuse::default(), Some(communes))
}

fn load_in(root: &Path, reuse: &Reuse, only: Option<&[String]>) -> (Project, Vec<Diagnostic>) {
    let mut project = Project::default();
    let mut diagnostics = Vec::new();
    let content = root.join("content");
    if !content.is_dir() {
        diagnostics.push(
            Diagnostic::file_error("content", &msg::NO_CONTENT_FOLDER)
                .hint(&msg::NO_CONTENT_FOLDER_HINT),
        );
        return (project, diagnostics);
    }

    let mut parse_queue = Vec::new();
    let skipped = only.map(|_| content.join("communes"));
    let mut entries = walk(&content, skipped.as_deref(), &mut diagnostics);
    // As `walk` would take them: no hidden or editor files, no symlinks.
    let wanted = |path: &PathBuf| {
        let name = path.file_name().map(|n| n.to_string_lossy());
        !name.is_some_and(|n| is_ignored(&n)) && !path.is_symlink()
    };
    let communes = only.into_iter().flatten().map(|path| root.join(path));
    entries.extend(communes.filter(wanted));
    for entry in entries {
        let relative = relative_path(root, &entry);
        let under_content = relative.trim_start_matches("content/");
        if let Some(rest) = under_content.strip_prefix("static/") {
            project.statics.push(StaticFile {
                path: rest.to_owned(),
                image_size: image::size_of_file(&entry),
                absolute: entry,
            });
            continue;
        }
        match classify(under_content) {
            Ok(kind) => parse_queue.push((kind, entry, relative)),
            Err(hint) => diagnostics.push(
                Diagnostic::file_error(&relative, &msg::FILE_IGNORED)
                    .hint(hint)
                    .warning(),
            ),
        }
    }
    let sites: Vec<&String> = parse_queue
        .iter()
        .filter(|(k, _, _)| *k == Kind::Site)
        .map(|(_, _, r)| r)
        .collect();
    if sites.len() > 1 {
        diagnostics.push(
            Diagnostic::file_error(sites[1], msg::SITE_TWICE.with("file", sites[0]))
                .hint(&msg::SITE_TWICE_HINT),
        );
    }
    if sites.is_empty() {
        diagnostics.push(
            Diagnostic::file_error("content/site.yaml", &msg::NO_SITE).hint(&msg::NO_SITE_HINT),
        );
    }

    let of_kind = |wanted: fn(Kind) -> bool| parse_queue.iter().filter(move |(k, _, _)| wanted(*k));
    project.site = collect(
        parse_all(of_kind(|k| k == Kind::Site), &Mutex::default(), None),
        &mut diagnostics,
    )
    .pop();
    project.communes = collect(
        parse_all(
            of_kind(|k| k == Kind::Commune),
            &reuse.communes,
            reuse.saved.as_deref(),
        ),
        &mut diagnostics,
    );
    project.models = collect(
        parse_all(of_kind(|k| k == Kind::Model), &Mutex::default(), None),
        &mut diagnostics,
    );
    project.commune_groups = collect(
        parse_all(of_kind(|k| k == Kind::Group), &Mutex::default(), None),
        &mut diagnostics,
    );
    project.indicators = collect(
        parse_all(of_kind(|k| k == Kind::Indicator), &Mutex::default(), None),
        &mut diagnostics,
    );
    let year_files: Vec<_> = of_kind(|k| matches!(k, Kind::Year(_))).collect();
    let years = collect(
        parse_all(year_files.iter().copied(), &Mutex::default(), None),
        &mut diagnostics,
    );
    project.years = years
        .into_iter()
        .map(|loaded| (year_of(&year_files, &loaded.source.path), loaded))
        .collect();
    let pages: Vec<Result<PageSource, Diagnostic>> = of_kind(|k| k == Kind::Page)
        .collect::<Vec<_>>()
        .par_iter()
        .map(|(_, path, relative)| {
            parse_page(SourceFile::new(
                relative.as_str(),
                read_text(path, relative)?,
            ))
        })
        .collect();
    project.pages = collect(pages, &mut diagnostics);

    let templates = root.join("templates");
    if templates.is_dir() {
        for entry in walk(&templates, None, &mut diagnostics) {
            if !is_template(&entry) {
                continue;
            }
            let relative = relative_path(root, &entry);
            match read_text(&entry, &relative) {
                Ok(text) => {
                    let name = relative.trim_start_matches("templates/").to_owned();
                    project.templates.push(SourceFile::new(name, text));
                }
                Err(d) => diagnostics.push(d),
            }
        }
    }
    (project, diagnostics)
}

/// The `language` that `content/site.yaml` sets, if any. Read apart from [`load`] so that
/// it is known even when the site file has other problems.
pub fn site_language(root: &Path) -> Option<Language> {
    #[derive(serde::Deserialize)]
    struct LanguageOnly {
        language: Option<Language>,
    }
    ["site.yaml", "site.yml"].iter().find_map(|name| {
        let path = root.join("content").join(name);
        let text = read_text(&path, name).ok()?;
        serde_saphyr::from_str::<LanguageOnly>(&text).ok()?.language
    })
}

/// Reads and parses files of one kind, in parallel, keeping their order; a file whose text
/// is the same as that of its entry in `earlier` is taken from there instead.
fn parse_all<'a, T: serde::de::DeserializeOwned + Send>(
    files: impl Iterator<Item = &'a (Kind, PathBuf, String)>,
    earlier: &Mutex<HashMap<String, Loaded<T>>>,
    saved: Option<&[String]>,
) -> Vec<Result<Loaded<T>, Diagnostic>> {
    let files: Vec<_> = files.collect();
    files
        .par_iter()
        .map(|(_, path, relative)| {
            let lock = || earlier.lock().unwrap_or_else(PoisonError::into_inner);
            if saved.is_some_and(|saved| !saved.contains(relative))
                && let Some(loaded) = lock().remove(relative)
            {
                return Ok(loaded);
            }
            let source = SourceFile::new(relative.as_str(), read_text(path, relative)?);
            let mut earlier = lock();
            if let Some(loaded) = earlier.remove(relative)
                && loaded.source.text == source.text
            {
                return Ok(loaded);
            }
            drop(earlier);
            let record = yaml::parse(&source)?;
            Ok(Loaded { source, record })
        })
        .collect()
}

/// Keeps what parsed and moves the errors to `diagnostics`.
fn collect<T>(results: Vec<Result<T, Diagnostic>>, diagnostics: &mut Vec<Diagnostic>) -> Vec<T> {
    let mut ok = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(value) => ok.push(value),
            Err(d) => diagnostics.push(d),
        }
    }
    ok
}

/// The year a year file was classified with.
fn year_of(files: &[&(Kind, PathBuf, String)], relative: &str) -> i64 {
    files
        .iter()
        .find_map(|(kind, _, path)| match kind {
            Kind::Year(year) if path == relative => Some(*year),
            _ => None,
        })
        .unwrap_or_default()
}

/// Splits a page into YAML front matter (between `---` lines) and its Markdown body.
fn parse_page(source: SourceFile) -> Result<PageSource, Diagnostic> {
    let stem = source
        .path
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .trim_end_matches(".md")
        .to_owned();
    let missing = || {
        Diagnostic::file_error(&source.path, &msg::NO_FRONT_MATTER).hint(&msg::NO_FRONT_MATTER_HINT)
    };
    let text = source.text.replace("\r\n", "\n");
    let rest = text.strip_prefix("---\n").ok_or_else(missing)?;
    let end = rest
        .find("\n---\n")
        .map(|i| (i, i + 5))
        .or_else(|| rest.strip_suffix("\n---").map(|r| (r.len(), rest.len())))
        .ok_or_else(missing)?;
    let front_source = SourceFile {
        path: source.path.clone(),
        text: rest[..end.0].to_owned(),
        line_offset: 1,
    };
    let front = yaml::parse(&front_source)?;
    let body = rest[end.1..].to_owned();
    Ok(PageSource {
        source,
        stem,
        front,
        body,
    })
}

/// Where a file below `content/` belongs, or a hint on where it should go.
fn classify(under_content: &str) -> Result<Kind, Message> {
    let parts: Vec<&str> = under_content.split('/').collect();
    let yaml_stem = |name: &str| {
        name.strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))
            .map(str::to_owned)
    };
    match parts.as_slice() {
        [name] if yaml_stem(name).as_deref() == Some("site") => Ok(Kind::Site),
        ["communes", name] if yaml_stem(name).is_some() => Ok(Kind::Commune),
        ["models", name] if yaml_stem(name).is_some() => Ok(Kind::Model),
        ["groups", name] if yaml_stem(name).is_some() => Ok(Kind::Group),
        ["indicators", name] if yaml_stem(name).is_some() => Ok(Kind::Indicator),
        ["years", name] => match yaml_stem(name).map(|s| s.parse::<i64>()) {
            Some(Ok(year)) => Ok(Kind::Year(year)),
            _ => Err(msg::YEAR_FILE_NAME_HINT.message()),
        },
        ["pages", name] if name.ends_with(".md") => Ok(Kind::Page),
        _ => Err(msg::CONTENT_PLACES_HINT.message()),
    }
}

/// Files below `dir` in name order, skipping hidden and editor files and the folder `skipped`;
/// symlinks are reported, not followed.
fn walk(dir: &Path, skipped: Option<&Path>, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let root = dir.parent().unwrap_or(dir);
    let mut files = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(is_ignored(&e.file_name().to_string_lossy())
                    || skipped.is_some_and(|s| e.path() == s))
        });
    for entry in walker {
        match entry {
            Ok(e) if e.path_is_symlink() => diagnostics.push(
                Diagnostic::file_error(&relative_path(root, e.path()), &msg::SYMLINK)
                    .hint(&msg::SYMLINK_HINT)
                    .warning(),
            ),
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(e) if e.file_type().is_dir() => {}
            // A named pipe would block the read forever; a socket or device is no content.
            Ok(e) => diagnostics.push(
                Diagnostic::file_error(&relative_path(root, e.path()), &msg::NOT_A_FILE).warning(),
            ),
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| relative_path(root, p))
                    .unwrap_or_default();
                diagnostics.push(Diagnostic::file_error(
                    &path,
                    msg::CANNOT_READ.with("error", err),
                ));
            }
        }
    }
    files
}

/// Template files are HTML, XML, SVG, CSS and JavaScript, plus the locale files
/// `templates/locales/*.yaml`; anything else in `templates/` (fonts) is not a template.
fn is_template(path: &Path) -> bool {
    let named = |p: Option<&Path>, name: &str| p.and_then(Path::file_name) == Some(name.as_ref());
    match path.extension().and_then(|e| e.to_str()) {
        Some("html" | "xml" | "css" | "js" | "svg") => true,
        Some("yaml") => {
            let folder = path.parent();
            named(folder, "locales") && named(folder.and_then(Path::parent), "templates")
        }
        _ => false,
    }
}

/// A file's name without its folder and extension: the id of an indicator file.
pub fn file_stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// Reads a text file: size-limited, UTF-8 (a leading byte-order mark is dropped), NFC.
fn read_text(path: &Path, relative: &str) -> Result<String, Diagnostic> {
    let io_error = |e: std::io::Error| {
        Diagnostic::file_error(relative, msg::CANNOT_READ_FILE.with("error", e))
    };
    let size = std::fs::metadata(path).map_err(io_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(Diagnostic::file_error(
            relative,
            msg::FILE_TOO_LARGE
                .with("size", size)
                .with("limit", MAX_FILE_BYTES),
        )
        .hint(&msg::FILE_TOO_LARGE_HINT));
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(crate::text::nfc(text)),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() as u32 + 1;
            let column = valid.iter().rev().take_while(|b| **b != b'\n').count() as u32 + 1;
            Err(Diagnostic {
                line,
                column,
                ..Diagnostic::file_error(relative, &msg::NOT_UTF8)
            }
            .hint(&msg::NOT_UTF8_HINT))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_classified_by_place() {
        assert_eq!(classify("site.yaml"), Ok(Kind::Site));
        assert_eq!(classify("communes/tuy-loc.yaml"), Ok(Kind::Commune));
        assert_eq!(classify("models/camera.yml"), Ok(Kind::Model));
        assert_eq!(classify("indicators/pham-phap.yaml"), Ok(Kind::Indicator));
        assert_eq!(classify("years/2023.yaml"), Ok(Kind::Year(2023)));
        assert_eq!(classify("pages/gioi-thieu.md"), Ok(Kind::Page));
        assert!(classify("years/latest.yaml").is_err());
        assert!(classify("communes/old/tuy-loc.yaml").is_err());
        assert!(classify("notes.txt").is_err());
    }
}
