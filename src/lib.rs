//! baocao turns a report project (YAML records, Markdown pages, templates) into a static
//! website. The pipeline runs one way:
//! [`load`] → [`validate`] → [`report`] → [`render`] → [`write`]; [`check`] runs the first
//! three and [`build`] the last two, for the command line and the preview server alike.
//! `docs/architecture.md` is the map.

pub mod catalogue;
pub mod chart_spec;
pub mod diagnostic;
pub mod diff;
pub mod language;
pub mod load;
pub mod messages;
pub mod new;
pub mod paths;
pub mod render;
pub mod report;
pub mod schema;
pub mod serve;
pub mod sheet;
pub mod text;
pub mod validate;
pub mod write;

use std::path::Path;
use std::sync::Arc;

use diagnostic::Diagnostic;

/// The outcome of loading and checking a project.
pub struct Checked {
    /// What was read; without the communes' records after [`check_to_render`].
    pub project: load::Project,
    /// Present when there were no errors.
    pub report: Option<Arc<report::Report>>,
    /// The compiled templates and UI strings, present with the report.
    pub engine: Option<render::Engine>,
    /// The report and engine of each translation (`translations:` in `site.yaml`), present
    /// with the report.
    pub translations: Vec<Translation>,
    /// Errors and warnings, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

/// The site in one more interface language, published in the folder named by its code.
pub struct Translation {
    pub report: Arc<report::Report>,
    pub engine: render::Engine,
}

impl Translation {
    /// The folder of the translation in the output: `en/`.
    pub fn folder(&self) -> String {
        format!("{}/", self.report.site.language)
    }
}

/// Loads, validates and models the project at `root`, and compiles its templates.
pub fn check(root: &Path) -> Checked {
    check_reusing(root, &load::Reuse::default())
}

/// Like [`check`], for a caller that renders the report and has no further use for the
/// communes' parsed records: they are freed as soon as the communes are modelled (see
/// [`report::build_freeing`]). `project.communes` is empty afterwards.
pub fn check_to_render(root: &Path) -> Checked {
    check_in(root, &load::Reuse::default(), AfterModelling::FreeRecords)
}

/// Like [`check`], taking unchanged files already parsed from `reuse` (see [`load::Reuse`]).
pub fn check_reusing(root: &Path, reuse: &load::Reuse) -> Checked {
    check_in(root, reuse, AfterModelling::KeepRecords)
}

/// What becomes of the communes' parsed records once the report is modelled.
enum AfterModelling {
    KeepRecords,
    FreeRecords,
}

fn check_in(root: &Path, reuse: &load::Reuse, records: AfterModelling) -> Checked {
    let (mut project, mut diagnostics) = load::load_reusing(root, reuse);
    let mut found = validate::validate(&project);
    let erring = |diagnostics: &[Diagnostic]| -> Vec<String> {
        let files = diagnostics.iter().filter(|d| d.is_error());
        files.map(|d| d.file.clone()).collect()
    };
    let (unreadable, in_error) = (erring(&diagnostics), erring(&found));
    found.retain(|d| !follows_from_an_error(d, &unreadable, &in_error));
    diagnostics.extend(found);
    diagnostics.extend(render::unused_overrides(&project.templates));
    let mut report = None;
    let mut engine = None;
    let mut translations = Vec::new();
    if !diagnostics.iter().any(Diagnostic::is_error) {
        let languages = project.site.as_ref().map(|s| s.record.languages());
        // The first is the site's own language, built last: it may free the records.
        let translated: Vec<report::Report> = languages
            .iter()
            .flatten()
            .skip(1)
            .map(|&language| report::build_translation(&project, language))
            .collect();
        let built = Arc::new(match records {
            AfterModelling::KeepRecords => report::build(&project),
            AfterModelling::FreeRecords => report::build_freeing(&mut project),
        });
        match render::Engine::new(built.clone(), &project) {
            Ok(compiled) => {
                report = Some(built);
                engine = Some(compiled);
            }
            Err(errors) => diagnostics.extend(errors),
        }
        for built in translated {
            let built = Arc::new(built);
            match render::Engine::new(built.clone(), &project) {
                Ok(engine) => translations.push(Translation {
                    report: built,
                    engine,
                }),
                Err(errors) => diagnostics.extend(errors),
            }
        }
        if diagnostics.iter().any(Diagnostic::is_error) {
            (report, engine) = (None, None);
            translations.clear();
        }
    }
    diagnostic::sort(&mut diagnostics);
    Checked {
        project,
        report,
        engine,
        translations,
        diagnostics,
    }
}

/// The pages of the communes whose files are `paths` (from `root`), made from those files
/// and the project's other files, without the other communes: what `serve` shows of a saved
/// commune before it checks the whole project again. `known` is what the last whole report,
/// which had no errors, knew of all communes. `None` when a file cannot be read or these
/// files have errors, or when the pages could differ from the whole build's (a commune is
/// new or renamed, say); the whole build then shows what there is to show. Errors of other
/// files are left to it: without the other communes, a link to one of them looks broken.
pub fn preview_communes(
    root: &Path,
    paths: &[String],
    known: &report::Known,
) -> Option<Vec<(String, String)>> {
    let (project, diagnostics) = load::load_communes_only(root, paths);
    if project.communes.len() != paths.len() || diagnostics.iter().any(Diagnostic::is_error) {
        return None;
    }
    let found = validate::validate(&project);
    if found
        .iter()
        .any(|d| d.is_error() && paths.contains(&d.file))
    {
        return None;
    }
    let report = Arc::new(report::build_preview(&project, known)?);
    let engine = render::Engine::new(report.clone(), &project).ok()?;
    let pages: Vec<String> = report
        .communes
        .iter()
        .map(|c| format!("communes/{}.html", c.id))
        .collect();
    render::render_pages(&report, &engine, &project, &pages).ok()
}

/// Like [`check_to_render`] (the communes' records are freed), and also renders the site
/// without writing it when the project overrides templates, so that errors which only show
/// while rendering a page (a variable a page does not have, a filter given the wrong value)
/// are found as `build` would find them. The built-in templates render every checked
/// project, so without overrides nothing is rendered.
pub fn check_thoroughly(root: &Path) -> Checked {
    let mut checked = check_to_render(root);
    if checked.project.templates.is_empty() {
        return checked;
    }
    if let (Some(report), Some(engine)) = (&checked.report, &checked.engine) {
        let discard = |_: &str, _| Ok::<(), std::convert::Infallible>(());
        if let Err(render::Failure::Templates(errors)) =
            render::render(report, engine, &checked.project, &[], &discard)
        {
            checked.diagnostics.extend(errors);
            diagnostic::sort(&mut checked.diagnostics);
            checked.report = None;
            checked.engine = None;
        }
    }
    checked
}

/// `checked` as `build` sees it: what may be previewed but not published (the example
/// figures of `baocao new`) becomes an error, and nothing is rendered.
pub fn for_publishing(mut checked: Checked) -> Checked {
    let mut refused = false;
    for d in &mut checked.diagnostics {
        if d.message.id() == "example-figures" {
            d.severity = diagnostic::Severity::Error;
            refused = true;
        }
    }
    if refused {
        checked.report = None;
        checked.engine = None;
        checked.translations.clear();
    }
    checked
}

/// Whether `d` only follows from an error of another file (one root cause, one error): with
/// `site.yaml` unreadable every citation looks unknown; with a model or indicator file
/// unreadable, its id looks unknown wherever it is used; with a commune file unreadable or in
/// error (a copy of another, say), the area's totals look wrong.
fn follows_from_an_error(d: &Diagnostic, unreadable: &[String], in_error: &[String]) -> bool {
    let any_in = |files: &[String], prefix: &str| files.iter().any(|f| f.starts_with(prefix));
    match d.message.id() {
        "unknown-source" => any_in(unreadable, "content/site.yaml"),
        "communes-exceed-area"
        | "communes-sum-differs-area"
        | "communes-exceed-city"
        | "communes-sum-differs"
        | "attained-communes-exceed"
        | "not-attained-communes-exceed"
        | "villages-exceed-area"
        | "villages-differ-area" => {
            any_in(unreadable, "content/communes/") || any_in(in_error, "content/communes/")
        }
        "unknown-model" => any_in(unreadable, "content/models/"),
        "unknown-indicator" => any_in(unreadable, "content/indicators/"),
        _ => false,
    }
}

/// How rendering a checked project ended.
pub enum Outcome<E> {
    /// Every file was handed to the sink.
    Rendered(render::Rendered),
    /// The content or the templates have errors (in the diagnostics); nothing was rendered
    /// or what was is to be thrown away.
    Invalid,
    /// The sink refused a file.
    Refused(E),
}

/// Renders a project that [`check`] loaded, handing each file to `sink` as it is made, the
/// pages of `first` before the others (see [`render::render`]). Returns the outcome and every
/// diagnostic, sorted.
pub fn render_checked<E: Send>(
    checked: Checked,
    first: &[String],
    sink: &(impl Fn(&str, render::OutputFile) -> Result<(), E> + Sync),
) -> (Outcome<E>, Vec<Diagnostic>) {
    let Checked {
        mut project,
        report,
        engine,
        translations,
        mut diagnostics,
    } = checked;
    let (Some(report), Some(engine)) = (report, engine) else {
        return (Outcome::Invalid, diagnostics);
    };
    // The model holds what pages show: the parsed records are freed before rendering, on a
    // thread of their own (freeing 10.000 communes' records takes a tenth of a second).
    let records = (
        std::mem::take(&mut project.communes),
        std::mem::take(&mut project.years),
        std::mem::take(&mut project.models),
    );
    let freeing = std::thread::spawn(move || drop(records));
    let mut rendered = render::render(&report, &engine, &project, first, sink);
    for translation in &translations {
        let Ok(so_far) = &mut rendered else { break };
        let folder = translation.folder();
        let in_folder = |path: &str, file| sink(&format!("{folder}{path}"), file);
        let (report, engine) = (&translation.report, &translation.engine);
        match render::render(report, engine, &project, &[], &in_folder) {
            Ok(more) => {
                so_far.pages += more.pages;
                so_far.charts += more.charts;
                so_far.files += more.files;
            }
            Err(e) => rendered = Err(e),
        }
    }
    // The rest is freed while the output is put in place (or the process exits).
    let _ = freeing.join();
    std::thread::spawn(move || drop((report, engine, translations, project)));
    match rendered {
        Ok(rendered) => (Outcome::Rendered(rendered), diagnostics),
        Err(render::Failure::Templates(errors)) => {
            diagnostics.extend(errors);
            diagnostic::sort(&mut diagnostics);
            (Outcome::Invalid, diagnostics)
        }
        Err(render::Failure::Sink(e)) => (Outcome::Refused(e), diagnostics),
    }
}

/// How a build ended.
pub enum Built {
    /// The site is in place; these files differ from what was there.
    Written {
        rendered: render::Rendered,
        changes: write::Changes,
    },
    /// The content or the templates have errors: nothing was written.
    Invalid,
    /// A file could not be written, or the output could not be put in place.
    Failed(write::WriteError),
}

/// The rest of a build after [`check`]: renders the site into `writer` (the pages of `first`
/// first, each file announced to `written` as soon as it is written, with whether it differs
/// from the output's) and finishes it, with the fingerprint that `input` makes from the
/// build's diagnostics. `baocao build` and `serve` both build this way. Returns how it ended
/// and every diagnostic, sorted.
pub fn build(
    checked: Checked,
    writer: write::Writer,
    first: &[String],
    written: &(impl Fn(&str, bool) + Sync),
    input: impl FnOnce(&[Diagnostic]) -> String,
) -> (Built, Vec<Diagnostic>) {
    let sink = |path: &str, file| {
        let differs = writer.put(path, file)?;
        written(path, differs);
        Ok(())
    };
    let (outcome, diagnostics) = render_checked(checked, first, &sink);
    let built = match outcome {
        Outcome::Rendered(rendered) => match writer.finish(&input(&diagnostics)) {
            Ok(changes) => Built::Written { rendered, changes },
            Err(e) => Built::Failed(e),
        },
        Outcome::Invalid => Built::Invalid,
        Outcome::Refused(e) => Built::Failed(e),
    };
    (built, diagnostics)
}
