//! baocao turns a report project (YAML records, Markdown pages, templates) into a static
//! website. The pipeline runs one way:
//! [`load`] → [`validate`] → [`model`] → [`render`] → [`write`].

pub mod catalogue;
pub mod chart_spec;
pub mod diagnostic;
pub mod diff;
pub mod language;
pub mod load;
pub mod messages;
pub mod model;
pub mod new;
pub mod paths;
pub mod render;
pub mod schema;
pub mod serve;
pub mod text;
pub mod validate;
pub mod write;

use std::path::Path;

use diagnostic::Diagnostic;

/// The outcome of loading and checking a project.
pub struct Checked {
    pub project: load::Project,
    /// Present when there were no errors.
    pub report: Option<model::Report>,
    /// Errors and warnings, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads, validates and models the project at `root`.
pub fn check(root: &Path) -> Checked {
    check_reusing(root, &load::Reuse::default())
}

/// Like [`check`], taking unchanged files already parsed from `reuse` (see [`load::Reuse`]).
pub fn check_reusing(root: &Path, reuse: &load::Reuse) -> Checked {
    let (project, mut diagnostics) = load::load_reusing(root, reuse);
    diagnostics.extend(validate::validate(&project));
    let mut report =
        (!diagnostics.iter().any(Diagnostic::is_error)).then(|| model::build(&project));
    if let Some(r) = report.take() {
        let r = std::sync::Arc::new(r);
        let template_errors = render::check_templates(r.clone(), &project);
        let ok = template_errors.is_empty();
        diagnostics.extend(template_errors);
        report = ok.then(|| std::sync::Arc::try_unwrap(r).ok()).flatten();
    }
    diagnostic::sort(&mut diagnostics);
    Checked {
        project,
        report,
        diagnostics,
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
        mut diagnostics,
    } = checked;
    let Some(report) = report else {
        return (Outcome::Invalid, diagnostics);
    };
    // The model holds what pages show: free the parsed records before rendering.
    project.communes = Vec::new();
    project.years = Vec::new();
    project.models = Vec::new();
    match render::render(std::sync::Arc::new(report), &project, first, sink) {
        Ok(rendered) => (Outcome::Rendered(rendered), diagnostics),
        Err(render::Failure::Templates(errors)) => {
            diagnostics.extend(errors);
            diagnostic::sort(&mut diagnostics);
            (Outcome::Invalid, diagnostics)
        }
        Err(render::Failure::Sink(e)) => (Outcome::Refused(e), diagnostics),
    }
}
