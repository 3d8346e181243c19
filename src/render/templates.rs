//! The built-in templates (embedded from `templates/`) and the project's overrides.

use std::sync::Arc;

use tera::{ErrorKind, Tera};

use super::charts::Charts;

use crate::diagnostic::Diagnostic;
use crate::load::SourceFile;
use crate::messages as msg;
use crate::text::NumberFormat;

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        /// Built-in templates, by file name; a project's `templates/<name>` replaces one.
        pub const BUILTIN: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../../templates/", $name)))),*
        ];
    };
}

builtin!(
    "base.html",
    "components.html",
    "overview.html",
    "year.html",
    "communes.html",
    "commune.html",
    "models.html",
    "model.html",
    "group.html",
    "indicators.html",
    "indicator.html",
    "campaign.html",
    "sources.html",
    "data.html",
    "report.html",
    "years.html",
    "page.html",
    "404.html",
    "sitemap.xml",
    "style.css",
    "search.html",
    "search.js",
    "charts.js",
    "favicon.svg",
);

/// Warnings for override files that nothing uses: a name that is not a built-in template (a
/// typo such as `comune.html` silently changes nothing) and that no template includes.
pub fn unused_overrides(overrides: &[SourceFile]) -> Vec<Diagnostic> {
    let names: Vec<&str> = BUILTIN.iter().map(|(name, _)| *name).collect();
    let mentioned = |name: &str| {
        let quoted = [format!("\"{name}\""), format!("'{name}'")];
        BUILTIN
            .iter()
            .map(|(_, text)| *text)
            .chain(overrides.iter().map(|t| t.text.as_str()))
            .any(|text| quoted.iter().any(|q| text.contains(q.as_str())))
    };
    overrides
        .iter()
        .filter(|t| {
            !super::locale::is_locale_file(&t.path)
                && !names.contains(&t.path.as_str())
                && !mentioned(&t.path)
        })
        .map(|t| {
            let file = format!("templates/{}", t.path);
            let d =
                Diagnostic::file_error(&file, msg::TEMPLATE_UNUSED.with("name", &t.path)).warning();
            match crate::text::did_you_mean(&t.path, &names) {
                Some(name) => d.hint(msg::DID_YOU_MEAN.with("name", name)),
                None => d.hint(&msg::TEMPLATE_UNUSED_HINT),
            }
        })
        .collect()
}

/// Builds the template engine: filters (writing numbers as `numbers` says), then built-ins
/// merged with the project's overrides. Locale files are not templates and are left out.
pub fn load(
    overrides: &[SourceFile],
    charts: Arc<Charts>,
    numbers: NumberFormat,
    content_language: Option<&'static str>,
) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    super::filters::register(&mut tera, charts, numbers, content_language);
    let mut all: Vec<(&str, &str)> = BUILTIN
        .iter()
        .filter(|(name, _)| super::override_of(name, overrides).is_none())
        .copied()
        .collect();
    all.extend(
        overrides
            .iter()
            .filter(|t| !super::locale::is_locale_file(&t.path))
            .map(|t| (t.path.as_str(), t.text.as_str())),
    );
    tera.add_raw_templates(all)
        .map_err(|e| vec![diagnostic(&e, overrides)])?;
    Ok(tera)
}

/// Turns a Tera error into a diagnostic naming `templates/<name>:line:column`.
pub fn diagnostic(error: &tera::Error, overrides: &[SourceFile]) -> Diagnostic {
    let (name, line, column, message) = match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => (
            report.filename().to_owned(),
            report.span().start_line as u32,
            report.span().start_col as u32 + 1,
            report.message().to_owned(),
        ),
        _ => parse_report(&error.to_string()),
    };
    let file = format!("templates/{name}");
    let source = match super::override_of(&name, overrides) {
        Some(t) => SourceFile::new(&file, t.text.clone()),
        None => {
            let text = super::BUILTIN
                .iter()
                .find(|(n, _)| *n == name)
                .map_or("", |(_, t)| t);
            SourceFile::new(format!("{file} (built-in)"), text)
        }
    };
    let hint = if message.contains("not defined") || message.contains("Unknown") {
        &msg::TEMPLATE_SPELLING_HINT
    } else {
        &msg::TEMPLATE_FIX_HINT
    };
    source
        .error_at(line, column, msg::TEMPLATE_ERROR.with("detail", message))
        .hint(hint)
}

/// Reads `name:line:column` and the message out of a rendered Tera report.
fn parse_report(text: &str) -> (String, u32, u32, String) {
    let message = text.lines().next().unwrap_or(text);
    let message = message
        .strip_prefix("error: ")
        .unwrap_or(message)
        .to_owned();
    let location = text
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .unwrap_or("");
    let mut parts = location.rsplitn(3, ':');
    let column = parts
        .next()
        .and_then(|c| c.parse::<u32>().ok())
        .unwrap_or(0);
    let line = parts
        .next()
        .and_then(|l| l.parse::<u32>().ok())
        .unwrap_or(0);
    let name = parts.next().unwrap_or("").to_owned();
    (name, line, column, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn charts() -> Arc<Charts> {
        Arc::new(Charts::new(Arc::new(crate::report::Report::default())))
    }

    #[test]
    fn built_in_templates_parse() {
        assert!(load(&[], charts(), NumberFormat::Vi, None).is_ok());
    }

    #[test]
    fn a_broken_override_is_reported_with_file_and_line() {
        let broken = SourceFile::new(
            "commune.html",
            "{% extends \"base.html\" %}\n{% block main %}\n{{ commune.name | nosuchfilter }}\n{% endblock main %}\n",
        );
        let errors = load(&[broken], charts(), NumberFormat::Vi, None).unwrap_err();
        let text = errors[0].to_string();
        assert!(text.starts_with("templates/commune.html:3:"), "{text}");
        assert!(text.contains("nosuchfilter"), "{text}");
    }
}
