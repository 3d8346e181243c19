//! `baocao diff`: compares the **data** of two versions of a report, each a project folder or
//! a git revision, and tells a reviewer what changed: communes, models, years, sources and
//! pages added, removed or renamed; every changed figure, field and text; and whether each
//! version passes validation.
//!
//! Each version is loaded and checked as by `baocao check`, flattened into entries under
//! stable keys, and compared key by key. The result is sorted, so the same two versions
//! always give the same bytes.

mod flatten;
mod git;
mod json;
mod lines;
mod markdown;
mod terminal;

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::language::Language;
use crate::messages::{self as msg, Entry, Message, count};
use crate::text::{collation_key, format_int, format_money_vnd, format_percent};
use flatten::{Entries, Snapshot};
use lines::{Line, diff_lines};

/// What an entry or entity belongs to, in the order the report lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A city-wide year (a file of `content/years/`).
    Year,
    Commune,
    Model,
    /// One of the project's indicators (`content/indicators/`).
    Indicator,
    Source,
    Page,
    /// The report's own fields (`site.yaml`).
    Site,
}

impl Kind {
    fn name(self, language: Language) -> String {
        let entry = match self {
            Kind::Year => &msg::DIFF_KIND_YEAR,
            Kind::Commune => &msg::DIFF_KIND_COMMUNE,
            Kind::Model => &msg::DIFF_KIND_MODEL,
            Kind::Indicator => &msg::DIFF_KIND_INDICATOR,
            Kind::Source => &msg::DIFF_KIND_SOURCE,
            Kind::Page => &msg::DIFF_KIND_PAGE,
            Kind::Site => &msg::DIFF_KIND_SITE,
        };
        say(language, entry.message())
    }
}

/// `message` in `language`.
fn say(language: Language, message: Message) -> String {
    message.render(language)
}

/// A heading of the lists of changes, in `language`.
fn heading(language: Language, entry: &'static Entry) -> String {
    say(language, entry.message())
}

/// The value of a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "format", content = "value", rename_all = "lowercase")]
pub enum Amount {
    Count(u64),
    /// In đồng.
    Money(u64),
    /// `safe` of `total` units attained "An toàn về ANTT".
    Ratio {
        safe: u64,
        total: u64,
    },
    /// Whether a commune attained "An toàn về ANTT".
    Flag(bool),
}

/// A figure and the id of the source it cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    #[serde(flatten)]
    pub amount: Amount,
    pub source: Option<String>,
}

/// An entry that only one version has (the other is `None`) or that differs between them.
#[derive(Debug, Serialize)]
pub struct Change<T> {
    /// Stable identity of the entry, e.g. `commune/tuy-loc/2023/model/camera-an-ninh`.
    pub key: String,
    /// What it is, e.g. "Tuy Lộc · 2023 · Camera an ninh" (as named in the new version).
    pub label: String,
    pub old: Option<T>,
    pub new: Option<T>,
}

/// A commune, model, city-wide year, source or page.
#[derive(Debug, Serialize)]
pub struct Entity {
    pub kind: Kind,
    pub id: String,
    pub name: String,
}

/// An entity whose id stayed and whose name changed.
#[derive(Debug, Serialize)]
pub struct Renamed {
    pub kind: Kind,
    pub id: String,
    pub old: String,
    pub new: String,
}

/// One version, as checked.
#[derive(Debug)]
pub struct Side {
    /// The version as named on the command line: a folder, `HEAD~1 (1a2b3c4)`, or
    /// `working tree`.
    pub name: String,
    /// Validation errors; empty when the version passes.
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

impl Side {
    /// Whether the version passes validation (no errors; warnings allowed).
    pub fn passes(&self) -> bool {
        self.errors.is_empty()
    }
}

/// The differences between two versions of a report. The lists are empty when either
/// version fails validation, since its data cannot be read then.
#[derive(Debug)]
pub struct Diff {
    pub old: Side,
    pub new: Side,
    pub added: Vec<Entity>,
    pub removed: Vec<Entity>,
    pub renamed: Vec<Renamed>,
    pub figures: Vec<Change<Figure>>,
    /// Short text fields: kinds, codes, chiefs, units, notes, source details.
    pub details: Vec<Change<String>>,
    /// Markdown texts: summaries, narratives, quotes, pages.
    pub texts: Vec<Change<String>>,
}

/// How to print a [`Diff`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For a terminal, optionally coloured.
    Text,
    /// For a pull-request comment.
    Markdown,
    Json,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "text" => Ok(Format::Text),
            "markdown" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            _ => Err(format!("unknown format `{s}`: use text, markdown or json")),
        }
    }
}

/// Why two versions could not be compared: a version that is neither a folder nor a
/// revision, a folder without `content/`, or git failing.
#[derive(Debug)]
pub struct DiffError {
    message: Message,
    hint: Option<Message>,
}

impl DiffError {
    fn new(message: Message) -> Self {
        DiffError {
            message,
            hint: None,
        }
    }

    fn hint(mut self, hint: &'static Entry) -> Self {
        self.hint = Some(hint.message());
        self
    }

    /// What went wrong and what to do, in `language`: the message, then `  hint: …`.
    pub fn render(&self, language: Language) -> String {
        let mut text = self.message.render(language);
        if let Some(hint) = &self.hint {
            let label = msg::LABEL_HINT.message().render(language);
            text.push_str(&format!("\n  {label}: {}", hint.render(language)));
        }
        text
    }
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::En))
    }
}

impl std::error::Error for DiffError {}

/// Compares version `old` with version `new` of the report at `root`. Each is a project
/// folder (holding `content/`) when such a folder exists, else a git revision of the
/// repository holding `root`; `new` defaults to the folder `root` itself, named in
/// `language`.
pub fn compare(
    root: &Path,
    old: &str,
    new: Option<&str>,
    language: Language,
) -> Result<Diff, DiffError> {
    let (old_name, old) = load(root, Some(old), language)?;
    let old = Version::of(old_name, old);
    let (new_name, new) = load(root, new, language)?;
    Ok(between(old, Version::of(new_name, new)))
}

/// Loads and checks one version.
fn load(
    root: &Path,
    version: Option<&str>,
    language: Language,
) -> Result<(String, crate::Checked), DiffError> {
    let no_content = |folder: &str| {
        DiffError::new(msg::DIFF_NO_CONTENT.with("folder", folder)).hint(&msg::DIFF_NO_CONTENT_HINT)
    };
    let (name, checked) = match version {
        None if root.join("content").is_dir() => (
            say(language, msg::DIFF_WORKING_TREE.message()),
            crate::check(root),
        ),
        None => return Err(no_content(&place(root, language))),
        Some(folder) if Path::new(folder).is_dir() => {
            let path = Path::new(folder);
            if !path.join("content").is_dir() {
                return Err(no_content(folder));
            }
            (folder.to_owned(), crate::check(path))
        }
        Some(rev) => {
            let (checkout, short) = git::checkout(root, rev, language)?;
            let name = if rev.starts_with(&short) {
                rev.to_owned()
            } else {
                format!("{rev} ({short})")
            };
            (name, crate::check(&checkout.dir))
        }
    };
    Ok((name, checked))
}

/// One version of a report, checked and reduced to what `diff` compares (much smaller than
/// the project and report it comes from).
pub struct Version {
    side: Side,
    data: Option<Snapshot>,
}

impl Version {
    /// The version `checked`, shown as `name`.
    pub fn of(name: String, checked: crate::Checked) -> Version {
        let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = checked
            .diagnostics
            .into_iter()
            .partition(Diagnostic::is_error);
        Version {
            side: Side {
                name,
                errors,
                warnings,
            },
            data: checked.report.as_deref().map(flatten::snapshot),
        }
    }
}

/// Compares two versions.
pub fn between(old: Version, new: Version) -> Diff {
    let mut diff = Diff {
        old: old.side,
        new: new.side,
        added: Vec::new(),
        removed: Vec::new(),
        renamed: Vec::new(),
        figures: Vec::new(),
        details: Vec::new(),
        texts: Vec::new(),
    };
    let (old_data, new_data) = (old.data, new.data);
    if let (Some(a), Some(b)) = (old_data, new_data) {
        diff.compare(&a, &b);
    }
    diff
}

impl Diff {
    /// True when both versions pass validation and hold the same data: exit status 0.
    pub fn is_identical(&self) -> bool {
        self.old.passes()
            && self.new.passes()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.renamed.is_empty()
            && self.figures.is_empty()
            && self.details.is_empty()
            && self.texts.is_empty()
    }

    /// The differences in the text format, without the versions and their validation (as
    /// `baocao import` lists what it changed), with headings in `language`.
    pub fn render_changes(&self, colour: bool, language: Language) -> String {
        terminal::changes(self, colour, language)
    }

    /// Prints the differences, with headings in `language`; `colour` adds ANSI colours to
    /// the text format.
    pub fn render(&self, format: Format, colour: bool, language: Language) -> String {
        match format {
            Format::Text => terminal::render(self, colour, language),
            Format::Markdown => {
                crate::text::escape_controls(&markdown::render(self, language)).into_owned()
            }
            Format::Json => json::render(self),
        }
    }

    fn compare(&mut self, a: &Snapshot, b: &Snapshot) {
        for ((kind, id), name) in &a.entities {
            match b.entities.get(&(*kind, id.clone())) {
                None => self.removed.push(entity(*kind, id, name)),
                Some(new) if new != name => self.renamed.push(Renamed {
                    kind: *kind,
                    id: id.clone(),
                    old: name.clone(),
                    new: new.clone(),
                }),
                Some(_) => {}
            }
        }
        for ((kind, id), name) in &b.entities {
            if !a.entities.contains_key(&(*kind, id.clone())) {
                self.added.push(entity(*kind, id, name));
            }
        }
        for list in [&mut self.added, &mut self.removed] {
            list.sort_by_cached_key(|e| (e.kind, collation_key(&e.name), e.id.clone()));
        }

        self.figures = changes(&a.figures, &b.figures);
        self.details = changes(&a.details, &b.details);
        self.texts = changes(&a.texts, &b.texts);
    }
}

/// The entries that differ between `a` and `b`, in the report's order: by kind, then
/// label in Vietnamese alphabetical order.
fn changes<T: PartialEq + Clone>(a: &Entries<T>, b: &Entries<T>) -> Vec<Change<T>> {
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let mut changes: Vec<_> = keys
        .into_iter()
        .filter_map(|key| {
            let (old, new) = (a.get(key), b.get(key));
            if old.map(|e| &e.value) == new.map(|e| &e.value) {
                return None;
            }
            let entry = new.or(old)?;
            let order = (entry.kind, collation_key(&entry.label), key.clone());
            let change = Change {
                key: key.clone(),
                label: entry.label.clone(),
                old: old.map(|e| e.value.clone()),
                new: new.map(|e| e.value.clone()),
            };
            Some((order, change))
        })
        .collect();
    changes.sort_by(|x, y| x.0.cmp(&y.0));
    changes.into_iter().map(|(_, change)| change).collect()
}

/// How messages name the folder `root`: "the current folder" for `.`.
fn place(root: &Path, language: Language) -> String {
    if root == Path::new(".") {
        say(language, msg::DIFF_CURRENT_FOLDER.message())
    } else {
        root.display().to_string()
    }
}

fn entity(kind: Kind, id: &str, name: &str) -> Entity {
    Entity {
        kind,
        id: id.to_owned(),
        name: name.to_owned(),
    }
}

/// How many errors of a failing version are shown; JSON lists them all.
const ERRORS_SHOWN: usize = 5;

/// Shown for a figure that a version does not report.
const NO_DATA: &str = "không có số liệu";

/// Shown for a field or text that a version does not have.
const NOTHING: &str = "không có";

/// A figure as the site writes it: `24.527`, `10 tỷ đồng`, `125/127 (98,4%)`, `Đạt`.
fn show_figure(figure: Option<&Figure>) -> String {
    let Some(figure) = figure else {
        return NO_DATA.to_owned();
    };
    match figure.amount {
        Amount::Count(n) => format_int(n as i64),
        Amount::Money(n) => format_money_vnd(n),
        Amount::Ratio { safe, total } => {
            let ratio = format!("{}/{}", format_int(safe as i64), format_int(total as i64));
            match format_percent(safe as f64, total as f64) {
                Some(p) => format!("{ratio} ({p})"),
                None => ratio,
            }
        }
        Amount::Flag(true) => "Đạt".to_owned(),
        Amount::Flag(false) => "Chưa đạt".to_owned(),
    }
}

/// How a figure changed besides its value: `+2, +8,7%` for counts and money, and
/// `nguồn: a → b` when the cited source changed.
fn figure_change(change: &Change<Figure>, language: Language) -> Option<String> {
    let (old, new) = (change.old.as_ref()?, change.new.as_ref()?);
    let mut parts = Vec::new();
    let delta = match (old.amount, new.amount) {
        (Amount::Count(a), Amount::Count(b)) => Some((a, b, format_int(a.abs_diff(b) as i64))),
        (Amount::Money(a), Amount::Money(b)) => Some((a, b, format_money_vnd(a.abs_diff(b)))),
        _ => None,
    };
    if let Some((a, b, size)) = delta.filter(|(a, b, _)| a != b) {
        let sign = if b > a { "+" } else { "-" };
        parts.push(format!("{sign}{size}"));
        if let Some(p) = format_percent(a.abs_diff(b) as f64, a as f64) {
            parts.push(format!("{sign}{p}"));
        }
    }
    if old.source != new.source {
        let show = |s: &Option<String>| s.clone().unwrap_or_else(|| NOTHING.to_owned());
        let message = msg::DIFF_SOURCE_CHANGE
            .with("old", show(&old.source))
            .with("new", show(&new.source));
        parts.push(say(language, message));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A field on one line (line breaks and runs of spaces become one space), or [`NOTHING`].
fn show_detail(value: Option<&String>) -> String {
    value.map_or_else(
        || NOTHING.to_owned(),
        |v| v.split_whitespace().collect::<Vec<_>>().join(" "),
    )
}

/// The line diff of a changed text.
fn text_lines(change: &Change<String>) -> Vec<Line<'_>> {
    diff_lines(
        change.old.as_deref().unwrap_or_default(),
        change.new.as_deref().unwrap_or_default(),
    )
}

/// A line of a text diff: `- old line`, `+ new line`, or the bare sign for a blank line.
fn marked(sign: char, line: &str) -> String {
    if line.is_empty() {
        sign.to_string()
    } else {
        format!("{sign} {line}")
    }
}

/// "2 errors", "1 warning", in `language`.
fn errors(n: usize, language: Language) -> String {
    say(language, count(n, &msg::COUNT_ERROR, &msg::COUNT_ERRORS))
}

fn warnings(n: usize, language: Language) -> String {
    say(
        language,
        count(n, &msg::COUNT_WARNING, &msg::COUNT_WARNINGS),
    )
}

/// "passes validation, 1 warning" or "fails validation: 2 errors, 0 warnings".
fn validation(side: &Side, language: Language) -> String {
    let warnings = warnings(side.warnings.len(), language);
    let message = if side.passes() {
        msg::DIFF_PASSES.with("warnings", warnings)
    } else {
        msg::DIFF_FAILS
            .with("errors", errors(side.errors.len(), language))
            .with("warnings", warnings)
    };
    say(language, message)
}

impl Diff {
    /// The new version's warnings that the old one did not have (the same message about the
    /// same file): figures the change makes doubtful, which the reviewer should check.
    pub fn to_check(&self) -> Vec<&Diagnostic> {
        let before: std::collections::HashSet<(&str, String)> = self
            .old
            .warnings
            .iter()
            .map(|w| (w.file.as_str(), w.message.to_string()))
            .collect();
        self.new
            .warnings
            .iter()
            .filter(|w| !before.contains(&(w.file.as_str(), w.message.to_string())))
            .collect()
    }

    /// The new version's warnings that the old one had too.
    pub fn still_warned(&self) -> Vec<&Diagnostic> {
        let new: Vec<&Diagnostic> = self.to_check();
        self.new
            .warnings
            .iter()
            .filter(|w| !new.iter().any(|n| std::ptr::eq(*n, *w)))
            .collect()
    }
}
