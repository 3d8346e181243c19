//! Phase 4, **render**: Tera templates (built-in, overridable by the project) turn the
//! report model into the pages of the site, in memory, with the UI strings of the site's
//! language.

pub mod charts;
pub mod data;
mod filters;
pub mod locale;
mod markdown;
pub mod search;
mod templates;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context, Value};

use crate::diagnostic::Diagnostic;
use crate::load::{Project, SourceFile};
use crate::model::Report;

pub use locale::Locale;
pub use markdown::to_html as markdown_to_html;
pub use templates::BUILTIN;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputFile {
    /// Rendered content.
    Bytes(Vec<u8>),
    /// A file of `content/static/`, copied as it is.
    Copy(PathBuf),
}

/// The whole site, by path relative to the output folder (`/` separators), in path order.
#[derive(Debug, Default)]
pub struct Site {
    pub files: BTreeMap<String, OutputFile>,
    /// HTML pages rendered.
    pub pages: usize,
    /// SVG charts drawn.
    pub charts: usize,
}

/// The chart font, served to browsers so that they set labels in the font they were measured with.
const FONTS: [(&str, &[u8]); 3] = [
    ("NotoSans-Regular-vi.ttf", charts::metrics::REGULAR_TTF),
    ("NotoSans-Bold-vi.ttf", charts::metrics::BOLD_TTF),
    ("OFL.txt", include_bytes!("../../templates/fonts/OFL.txt")),
];

/// A page to render: output path, template and the page-specific variables.
struct PagePlan {
    path: String,
    template: &'static str,
    vars: Vec<(&'static str, Value)>,
}

/// Renders every page of `report`. Template errors name the template file and line.
pub fn render(report: Arc<Report>, project: &Project) -> Result<Site, Vec<Diagnostic>> {
    let locale = Arc::new(Locale::load(report.site.language, &project.templates)?);
    let charts = Arc::new(charts::Charts::with_locale(report.clone(), locale.clone()));
    let tera = templates::load(&project.templates, charts.clone(), locale.numbers)?;
    let report_value = Value::from_serializable(&*report);
    let strings = locale.to_value();
    let datasets = data::datasets(&report, &locale);
    let mut plans = plan(&report);
    plans.push(PagePlan {
        path: "data.html".into(),
        template: "data.html",
        vars: vec![("datasets", Value::from_serializable(&datasets))],
    });

    let rendered: Vec<Result<(String, OutputFile), Diagnostic>> = plans
        .par_iter()
        .map(|p| {
            let mut context = Context::new();
            context.insert_value("report", report_value.clone());
            context.insert("site", &report.site);
            context.insert_value("t", strings.clone());
            let depth = p.path.matches('/').count();
            context.insert("root", &"../".repeat(depth));
            context.insert("path", &p.path);
            for (name, value) in &p.vars {
                context.insert_value(*name, value.clone());
            }
            tera.render(p.template, &context)
                .map(|html| (p.path.clone(), OutputFile::Bytes(html.into_bytes())))
                .map_err(|e| templates::diagnostic(&e, &project.templates))
        })
        .collect();

    let mut site = Site::default();
    let mut errors = Vec::new();
    for result in rendered {
        match result {
            Ok((path, file)) => {
                if path.ends_with(".html") {
                    site.pages += 1;
                }
                site.files.insert(path, file);
            }
            Err(d) => {
                if !errors.contains(&d) {
                    errors.push(d);
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    site.charts = charts.count();
    site.files.insert(
        "assets/search-index.js".into(),
        OutputFile::Bytes(search::index_script(&report, &locale)),
    );
    for d in &datasets {
        site.files.insert(
            format!("data/{}.csv", d.slug),
            OutputFile::Bytes(d.to_csv()),
        );
        site.files.insert(
            format!("data/{}.json", d.slug),
            OutputFile::Bytes(d.to_json()),
        );
    }
    for (name, bytes) in FONTS {
        site.files.insert(
            format!("assets/fonts/{name}"),
            OutputFile::Bytes(bytes.to_vec()),
        );
    }
    for file in &project.statics {
        site.files.insert(
            format!("static/{}", file.path),
            OutputFile::Copy(file.absolute.clone()),
        );
    }
    Ok(site)
}

/// Every page of the site with its template and variables.
fn plan(report: &Report) -> Vec<PagePlan> {
    let page = |path: String, template: &'static str, vars: Vec<(&'static str, Value)>| PagePlan {
        path,
        template,
        vars,
    };
    let year_value = |y: Option<i64>| {
        y.and_then(|y| report.years.iter().find(|v| v.year == y))
            .map_or(Value::none(), Value::from_serializable)
    };
    let latest_city = report.years.last();
    let mut plans = vec![
        page(
            "index.html".into(),
            "overview.html",
            vec![
                ("year", year_value(latest_city.map(|y| y.year))),
                ("previous", year_value(latest_city.and_then(|y| y.previous))),
            ],
        ),
        page("communes/index.html".into(), "communes.html", vec![]),
        page("models/index.html".into(), "models.html", vec![]),
        page("campaign.html".into(), "campaign.html", vec![]),
        page("sources.html".into(), "sources.html", vec![]),
        page("404.html".into(), "404.html", vec![]),
        page("assets/style.css".into(), "style.css", vec![]),
        page("assets/search.js".into(), "search.js", vec![]),
        page("assets/favicon.svg".into(), "favicon.svg", vec![]),
        page("search.html".into(), "search.html", vec![]),
    ];
    for y in &report.years {
        plans.push(page(
            format!("years/{}.html", y.year),
            "year.html",
            vec![
                ("year", Value::from_serializable(y)),
                ("previous", year_value(y.previous)),
            ],
        ));
        plans.push(page(
            format!("years/{}-full.html", y.year),
            "report.html",
            vec![("year", Value::from_serializable(y))],
        ));
    }
    for c in &report.communes {
        plans.push(page(
            format!("communes/{}.html", c.id),
            "commune.html",
            vec![("commune", Value::from_serializable(c))],
        ));
    }
    for m in &report.models {
        plans.push(page(
            format!("models/{}.html", m.id),
            "model.html",
            vec![("model", Value::from_serializable(m))],
        ));
    }
    for p in &report.pages {
        plans.push(page(
            format!("pages/{}.html", p.slug),
            "page.html",
            vec![("page", Value::from_serializable(p))],
        ));
    }
    if report.site.base_url.is_some() {
        plans.push(page("sitemap.xml".into(), "sitemap.xml", vec![]));
    }
    plans
}

/// The project's override of a template, if any.
fn override_of<'a>(name: &str, overrides: &'a [SourceFile]) -> Option<&'a SourceFile> {
    overrides.iter().find(|t| t.path == name)
}
