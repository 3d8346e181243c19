//! Phase 4, **render**: Tera templates (built-in, overridable by the project) turn the
//! report model into the pages of the site, in memory, with the UI strings of the site's
//! language.

mod abbr;
pub mod charts;
pub mod data;
mod filters;
pub mod locale;
mod markdown;
pub mod search;
mod templates;
pub use templates::unused_overrides;
mod cells;
mod history;
mod views;
mod year_table;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use tera::{Context, Value};

use crate::diagnostic::Diagnostic;
use crate::load::{Project, SourceFile};
use crate::report::Report;

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

/// What a render made.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Rendered {
    /// HTML pages rendered.
    pub pages: usize,
    /// SVG charts drawn.
    pub charts: usize,
    /// Files handed to the sink, pages included.
    pub files: usize,
}

/// Why a render stopped.
#[derive(Debug)]
pub enum Failure<E> {
    /// Templates failed; each error names the template file and line.
    Templates(Vec<Diagnostic>),
    /// The sink refused a file (say, the disk is full).
    Sink(E),
}

/// The chart font, served to browsers so that they set labels in the font they were measured
/// with: the same faces as the TTF files charts are measured with, as WOFF2 (a third of the
/// bytes; made with fontTools, see `templates/fonts/README.md`).
const FONTS: [(&str, &[u8]); 3] = [
    (
        "NotoSans-Regular-vi.woff2",
        include_bytes!("../../templates/fonts/NotoSans-Regular-vi.woff2"),
    ),
    (
        "NotoSans-Bold-vi.woff2",
        include_bytes!("../../templates/fonts/NotoSans-Bold-vi.woff2"),
    ),
    ("OFL.txt", include_bytes!("../../templates/fonts/OFL.txt")),
];

/// A page to render: output path, template and the page-specific variables.
struct PagePlan<'a> {
    path: String,
    template: &'static str,
    vars: Vars<'a>,
}

/// A page's own variables; per-record values are made in the parallel render, not up front.
enum Vars<'a> {
    None,
    Ready(Vec<(&'static str, Value)>),
    Commune(&'a crate::report::Commune),
    /// A model type's page, or one of the pages its table of communes continues on.
    Model(Arc<Shared<&'a crate::report::ModelType>>, Value),
    Group(&'a crate::report::CommuneGroup),
    /// An indicator's page, or one of the pages its table of communes continues on.
    Indicator(Arc<Shared<&'a crate::report::Indicator>>, Value),
    Page(&'a crate::report::Page),
    /// One page of the full report of a year (from 1, of how many pages), listing its share
    /// of the communes.
    FullReport {
        value: Value,
        part: views::TablePage,
        parts: Value,
        last: bool,
        /// Every commune of the year, and an older year's table columns.
        communes: Arc<Vec<views::CommuneOfYear<'a>>>,
        columns: Arc<Option<year_table::Columns<'a>>>,
    },
    /// The campaign page, or one of the pages its table of communes continues on.
    Campaign(Arc<Shared<Option<views::CampaignByCommune<'a>>>>, Value),
    /// The sources page: the figures citing each source.
    Sources,
}

impl Vars<'_> {
    fn values(&self, report: &Report, locale: &Locale) -> Vec<(&'static str, Value)> {
        match self {
            Vars::None => Vec::new(),
            Vars::Ready(values) => values.clone(),
            Vars::Commune(c) => {
                let history = history::History::of(c, locale);
                let page = views::CommunePage::new(c, history.is_none());
                vec![
                    ("commune", Value::from_serializable(&page)),
                    (
                        "history",
                        history.map_or_else(Value::none, |h| Value::from_serializable(&h)),
                    ),
                ]
            }
            Vars::Model(model, table) => {
                // The named groups' figures, cited once under their table when they cite one
                // source.
                let cites = model.record.groups.iter().flat_map(|g| {
                    let founded = g.founded.as_ref().map(|_| g.source.as_ref());
                    let members = g.members.as_ref().map(|f| f.source.as_ref());
                    founded.into_iter().chain(members)
                });
                let groups_source = cells::one_source(cites);
                vec![
                    ("model", model.value()),
                    ("table", table.clone()),
                    (
                        "groups_source",
                        groups_source.map_or_else(Value::none, Value::from_serializable),
                    ),
                ]
            }
            Vars::Group(g) => vec![("group", Value::from_serializable(*g))],
            Vars::Indicator(indicator, table) => {
                vec![("indicator", indicator.value()), ("table", table.clone())]
            }
            Vars::Page(p) => vec![("page", Value::from_serializable(*p))],
            Vars::Campaign(by_commune, table) => {
                vec![("by_commune", by_commune.value()), ("table", table.clone())]
            }
            Vars::Sources => vec![("sources", Value::from_serializable(&report.sources))],
            Vars::FullReport {
                value,
                part,
                parts,
                last,
                communes,
                columns,
            } => {
                let table = columns
                    .as_ref()
                    .as_ref()
                    .map(|columns| year_table::YearTable::of(columns, communes, part, locale));
                let shown = views::communes_of_part(communes, part, *last, table.is_none());
                // Cited once above the communes when each one's counts cite the same source.
                let counted = shown
                    .iter()
                    .filter(|c| c.models.iter().any(|m| m.count.is_some()));
                let models_source = cells::one_source(counted.map(|c| c.models_source));
                vec![
                    (
                        "models_source",
                        models_source.map_or_else(Value::none, Value::from_serializable),
                    ),
                    ("year", value.clone()),
                    ("part", Value::from(part.number)),
                    ("parts", parts.clone()),
                    (
                        "table",
                        table.map_or_else(Value::none, |t| Value::from_serializable(&t)),
                    ),
                    ("communes", Value::from_serializable(&shown)),
                ]
            }
        }
    }
}

/// A record that several pages show (a table of communes continued on further pages): made
/// a template value by the first of them to be rendered and shared by the others, so that a
/// model of 10.000 communes is not made again for each of its pages; freed with the last.
struct Shared<T> {
    record: T,
    value: std::sync::OnceLock<Value>,
}

impl<T: serde::Serialize> Shared<T> {
    fn new(record: T) -> Self {
        Shared {
            record,
            value: std::sync::OnceLock::new(),
        }
    }

    fn value(&self) -> Value {
        self.value
            .get_or_init(|| Value::from_serializable(&self.record))
            .clone()
    }
}

/// The compiled templates, UI strings and chart drawer one report is rendered with: made
/// once per build, by `check` (so that it reports template and locale errors too), and used
/// by [`render`].
pub struct Engine {
    tera: tera::Tera,
    locale: Arc<Locale>,
    charts: Arc<charts::Charts>,
}

impl Engine {
    /// Compiles the built-in templates and the project's overrides for `report`; errors name
    /// the template or locale file and line.
    pub fn new(report: Arc<Report>, project: &Project) -> Result<Engine, Vec<Diagnostic>> {
        let locale = Locale::load(report.site.language, &project.templates)?;
        let locale = Arc::new(locale.for_site(&report.site));
        let content_language = report.site.content_language;
        let charts = Arc::new(charts::Charts::with_locale(report, locale.clone()));
        let tera = templates::load(
            &project.templates,
            charts.clone(),
            locale.numbers,
            content_language,
        )?;
        Ok(Engine {
            tera,
            locale,
            charts,
        })
    }
}

/// Renders every file of the site and hands each to `sink` (path relative to the output
/// folder, `/` separators) as soon as it is made, from several threads: the site is never
/// held in memory as a whole. The pages of `first` are rendered before the others (`serve`
/// shows the page that was edited without waiting for the rest). Template errors name the
/// template file and line.
pub fn render<E: Send>(
    report: &Report,
    engine: &Engine,
    project: &Project,
    first: &[String],
    sink: &(impl Fn(&str, OutputFile) -> Result<(), E> + Sync),
) -> Result<Rendered, Failure<E>> {
    let Engine { locale, charts, .. } = engine;
    let maker = PageMaker::new(report, engine, project);
    let mut plans = plan(report);

    if !first.is_empty() {
        // Stable: the rest keeps its order. Rayon starts with the front of the list.
        plans.sort_by_key(|p| !first.contains(&p.path));
    }
    // Once the sink refuses a file the build has failed: the pages not yet made are skipped
    // (`serve` stops a build that a newer save makes moot).
    let refused = std::sync::atomic::AtomicBool::new(false);
    let to_sink = |path: &str, file: OutputFile| -> Result<(), Failure<E>> {
        sink(path, file).map_err(|e| {
            refused.store(true, std::sync::atomic::Ordering::Relaxed);
            Failure::Sink(e)
        })
    };
    let render_page = |p: &PagePlan| -> Result<(), Failure<E>> {
        if refused.load(std::sync::atomic::Ordering::Relaxed) {
            return Ok(());
        }
        let html = maker.make(p).map_err(Failure::Templates)?;
        to_sink(&p.path, OutputFile::Bytes(html.into_bytes()))
    };
    // Besides the pages: the data downloads and their page, the search index, fonts and
    // static files, made alongside the pages (and after the ones asked for first).
    let others = || -> Outcomes<E> {
        // Each table's files are written before the next table is made; a stopped build
        // makes no more of them, nor the search index.
        let stopped = || refused.load(std::sync::atomic::Ordering::Relaxed);
        let offer = |path: &str, file| {
            if stopped() {
                return Ok(());
            }
            to_sink(path, file)
        };
        let mut outcomes: Outcomes<E> = Vec::new();
        let mut datasets = Vec::new();
        for d in data::datasets(report, locale) {
            if stopped() {
                break;
            }
            let files = d.files.par_iter().flat_map_iter(|f| {
                let refused = stopped();
                let xlsx = (f.xlsx && !refused).then(|| {
                    let book = d.to_xlsx(f, &report.site);
                    // Names, cell texts and row counts are kept within Excel's limits.
                    (
                        format!("data/{}.xlsx", f.name),
                        book.expect("a workbook that fits"),
                    )
                });
                let text = (!refused).then(|| {
                    [
                        (format!("data/{}.csv", f.name), d.to_csv(f)),
                        (format!("data/{}.json", f.name), d.to_json(f, &report.site)),
                    ]
                });
                text.into_iter().flatten().chain(xlsx)
            });
            outcomes.par_extend(files.map(|(path, bytes)| offer(&path, OutputFile::Bytes(bytes))));
            datasets.push(d.described());
        }
        let data_page = PagePlan {
            path: "data.html".into(),
            template: "data.html",
            vars: Vars::Ready(vec![
                ("datasets", Value::from_serializable(&datasets)),
                (
                    "dataset_json_ld",
                    Value::safe_string(&data::json_ld(report, &datasets)),
                ),
            ]),
        };
        let mut files: Vec<(String, OutputFile)> = Vec::new();
        if !stopped() {
            files.push((
                "assets/search-index.js".into(),
                OutputFile::Bytes(search::index_script(report, locale)),
            ));
        }
        for (name, bytes) in FONTS {
            files.push((
                format!("assets/fonts/{name}"),
                OutputFile::Bytes(bytes.to_vec()),
            ));
        }
        for file in &project.statics {
            files.push((
                format!("static/{}", file.path),
                OutputFile::Copy(file.absolute.clone()),
            ));
        }
        let written = rayon::iter::once((
            "data/index.json".to_owned(),
            OutputFile::Bytes(data::index_json(report, &datasets)),
        ))
        .chain(files.into_par_iter())
        .map(|(path, file)| offer(&path, file));
        outcomes.push(render_page(&data_page));
        outcomes.par_extend(written);
        outcomes
    };
    type Outcomes<E> = Vec<Result<(), Failure<E>>>;
    // data.html is made with the data files.
    let html_pages = 1 + plans.iter().filter(|p| p.path.ends_with(".html")).count();
    // The pages asked for first are made before anything else starts, with every core. Each
    // plan is dropped once its page is made: values shared by a table's pages go with the
    // last of them.
    let asked = plans.iter().take_while(|p| first.contains(&p.path)).count();
    let rest = plans.split_off(asked);
    let mut pages: Outcomes<E> = plans.into_par_iter().map(|p| render_page(&p)).collect();
    let (rest, others): (Outcomes<E>, Outcomes<E>) = rayon::join(
        || rest.into_par_iter().map(|p| render_page(&p)).collect(),
        others,
    );
    pages.extend(rest);
    let files = pages.len() + others.len();

    let mut errors = Vec::new();
    let mut refused = None;
    for result in pages.into_iter().chain(others) {
        match result {
            Ok(()) => {}
            Err(Failure::Templates(ds)) => {
                for d in ds {
                    if !errors.contains(&d) {
                        errors.push(d);
                    }
                }
            }
            Err(Failure::Sink(e)) => {
                refused.get_or_insert(e);
            }
        }
    }
    if !errors.is_empty() {
        return Err(Failure::Templates(errors));
    }
    if let Some(e) = refused {
        return Err(Failure::Sink(e));
    }
    Ok(Rendered {
        pages: html_pages,
        charts: charts.count(),
        files,
    })
}

/// Renders only the pages of the site at `paths`, returned with their paths: `serve` shows a
/// saved commune's page this way before it checks and rebuilds the whole project.
pub fn render_pages(
    report: &Report,
    engine: &Engine,
    project: &Project,
    paths: &[String],
) -> Result<Vec<(String, String)>, Vec<Diagnostic>> {
    let maker = PageMaker::new(report, engine, project);
    let plans = plan(report).into_iter().filter(|p| paths.contains(&p.path));
    plans
        .map(|p| Ok((p.path.clone(), maker.make(&p)?)))
        .collect()
}

/// Makes pages from their plans, with the template values that every page shares.
struct PageMaker<'a> {
    report: &'a Report,
    engine: &'a Engine,
    project: &'a Project,
    report_value: Value,
    strings: Value,
}

impl<'a> PageMaker<'a> {
    fn new(report: &'a Report, engine: &'a Engine, project: &'a Project) -> Self {
        PageMaker {
            report,
            engine,
            project,
            report_value: Value::from_serializable(&views::ReportView::new(report)),
            strings: engine.locale.to_value(),
        }
    }

    /// The page of `p`; template errors name the template file and line.
    fn make(&self, p: &PagePlan) -> Result<String, Vec<Diagnostic>> {
        let report = self.report;
        let mut context = Context::new();
        context.insert_value("report", self.report_value.clone());
        context.insert("site", &report.site);
        context.insert_value("t", self.strings.clone());
        // A server shows 404.html at any depth: its links can only be relative to the
        // site root when the site's address is known.
        let root = match (&report.site.base_url, p.path.as_str()) {
            (Some(base), "404.html") => base.clone(),
            _ => "../".repeat(p.path.matches('/').count()),
        };
        context.insert("root", &root);
        context.insert("path", &p.path);
        for (name, value) in p.vars.values(report, &self.engine.locale) {
            context.insert_value(name, value);
        }
        let html = self
            .engine
            .tera
            .render(p.template, &context)
            .map_err(|e| vec![templates::diagnostic(&e, &self.project.templates)])?;
        if p.path.ends_with(".html") {
            return Ok(abbr::mark(html, report.site.language));
        }
        Ok(html)
    }
}

/// Every page of the site with its template and variables.
fn plan(report: &Report) -> Vec<PagePlan<'_>> {
    fn page<'a>(path: String, template: &'static str, vars: Vars<'a>) -> PagePlan<'a> {
        PagePlan {
            path,
            template,
            vars,
        }
    }
    // Each year becomes a template value once, shared by every page that shows it.
    let years: BTreeMap<i64, Value> = report
        .years
        .iter()
        .map(|y| (y.year, Value::from_serializable(y)))
        .collect();
    let year_value = |y: Option<i64>| {
        y.and_then(|y| years.get(&y).cloned())
            .unwrap_or_else(Value::none)
    };
    let latest_city = report.years.last();
    let mut plans = vec![
        page(
            "index.html".into(),
            "overview.html",
            Vars::Ready(vec![
                ("year", year_value(latest_city.map(|y| y.year))),
                ("previous", year_value(latest_city.and_then(|y| y.previous))),
            ]),
        ),
        page("communes/index.html".into(), "communes.html", Vars::None),
        page("models/index.html".into(), "models.html", Vars::None),
        page("sources.html".into(), "sources.html", Vars::Sources),
        page("404.html".into(), "404.html", Vars::None),
        page("assets/style.css".into(), "style.css", Vars::None),
        page("assets/search.js".into(), "search.js", Vars::None),
        page("assets/charts.js".into(), "charts.js", Vars::None),
        page("assets/favicon.svg".into(), "favicon.svg", Vars::None),
        page("search.html".into(), "search.html", Vars::None),
    ];
    if report.years.len() > 1 {
        plans.push(page("years/index.html".into(), "years.html", Vars::None));
    }
    for y in &report.years {
        plans.push(page(
            format!("years/{}.html", y.year),
            "year.html",
            Vars::Ready(vec![
                ("year", year_value(Some(y.year))),
                ("previous", year_value(y.previous)),
            ]),
        ));
        // What every page of the year's full report shares, made once.
        let communes = Arc::new(views::communes_of_year(report, y.year));
        let columns = Arc::new(year_table::Columns::of(report, y.year, &communes));
        let parts = views::full_report_parts(&communes, y.year);
        let parts_value = Value::from_serializable(&parts);
        for p in &parts {
            plans.push(page(
                format!("years/{}", p.file),
                "report.html",
                Vars::FullReport {
                    value: year_value(Some(y.year)),
                    part: p.clone(),
                    parts: parts_value.clone(),
                    last: p.number == parts.len(),
                    communes: communes.clone(),
                    columns: columns.clone(),
                },
            ));
        }
    }
    plans.extend(report.communes.iter().map(|c| PagePlan {
        path: format!("communes/{}.html", c.id),
        template: "commune.html",
        vars: Vars::Commune(c),
    }));
    plans.extend(report.commune_groups.iter().map(|g| PagePlan {
        path: format!("groups/{}.html", g.id),
        template: "group.html",
        vars: Vars::Group(g),
    }));
    let by_commune = Arc::new(Shared::new(views::CampaignByCommune::newest(report)));
    let campaign_rows = by_commune.record.as_ref().map_or(&[][..], |c| c.rows);
    let names = campaign_rows.iter().map(|r| &*r.commune.full_name);
    let source = |rows: std::ops::Range<usize>| {
        let figures = campaign_rows[rows]
            .iter()
            .flat_map(|r| r.campaign.figures.iter().filter_map(|(_, f)| f.as_ref()));
        cells::one_source(figures.map(|f| f.source.as_ref()))
    };
    for (path, table) in paged("campaign", names, source) {
        plans.push(page(
            path,
            "campaign.html",
            Vars::Campaign(by_commune.clone(), table),
        ));
    }
    for m in &report.models {
        let model = Arc::new(Shared::new(m));
        let names = m.communes.iter().map(|c| &*c.commune.full_name);
        let source = |rows: std::ops::Range<usize>| {
            let counts = m.communes[rows].iter().filter_map(|c| c.count.as_ref());
            cells::one_source(counts.map(|f| f.source.as_ref()))
        };
        for (path, table) in paged(&format!("models/{}", m.id), names, source) {
            plans.push(page(path, "model.html", Vars::Model(model.clone(), table)));
        }
    }
    if !report.indicators.is_empty() {
        plans.push(page(
            "indicators/index.html".into(),
            "indicators.html",
            Vars::None,
        ));
    }
    for i in &report.indicators {
        let indicator = Arc::new(Shared::new(i));
        let names = i.communes.iter().map(|c| &*c.commune.full_name);
        let source = |rows: std::ops::Range<usize>| {
            let values = i.communes[rows]
                .iter()
                .filter(|c| c.reported.fig.is_some() || c.reported.ratio.is_some());
            cells::one_source(values.map(|c| c.reported.source()))
        };
        for (path, table) in paged(&format!("indicators/{}", i.id), names, source) {
            plans.push(page(
                path,
                "indicator.html",
                Vars::Indicator(indicator.clone(), table),
            ));
        }
    }
    plans.extend(report.pages.iter().map(|p| PagePlan {
        path: format!("pages/{}.html", p.slug),
        template: "page.html",
        vars: Vars::Page(p),
    }));
    if report.site.base_url.is_some() {
        // Every page a reader may land on: the pages of the site, parts included, but not
        // the 404 page or the search page.
        let pages: Vec<&str> = plans
            .iter()
            .map(|p| p.path.as_str())
            .chain(["data.html"])
            .filter(|path| path.ends_with(".html") && !matches!(*path, "404.html" | "search.html"))
            .collect();
        let pages = Value::from_serializable(&pages);
        plans.push(page(
            "sitemap.xml".into(),
            "sitemap.xml",
            Vars::Ready(vec![("pages", pages)]),
        ));
    }
    plans
}

/// The pages of a page `stem.html` whose table of communes names `names`: each page's path
/// and its `table` variable (`page`: this one, `pages`: all, see [`views::TablePage`];
/// `source`: the one source every figure of the page's rows cites, as `source_of` its rows
/// finds it, or none).
fn paged<'a, 'r>(
    stem: &str,
    names: impl Iterator<Item = &'a str>,
    source_of: impl Fn(std::ops::Range<usize>) -> Option<&'r crate::report::Cite>,
) -> Vec<(String, Value)> {
    let folder = stem.rsplit_once('/').map_or("", |(folder, _)| folder);
    let name = stem.rsplit_once('/').map_or(stem, |(_, name)| name);
    let pages = views::table_pages(name, names, views::ROWS_PER_PAGE);
    pages
        .iter()
        .map(|p| {
            let path = match folder {
                "" => p.file.clone(),
                folder => format!("{folder}/{}", p.file),
            };
            let table = Value::from_serializable(&serde_json::json!({
                "page": p,
                "pages": &pages,
                "source": source_of(p.from..p.to),
            }));
            (path, table)
        })
        .collect()
}

/// The project's override of a template, if any.
fn override_of<'a>(name: &str, overrides: &'a [SourceFile]) -> Option<&'a SourceFile> {
    overrides.iter().find(|t| t.path == name)
}
