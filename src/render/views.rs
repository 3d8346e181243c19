//! What templates see of the report beyond a page's own record: the `report` value shared by
//! every page holds summaries of communes, model types and sources only, so that its size does
//! not grow with communes × years; pages that list communes' figures get them as their own
//! variables.

use serde::Serialize;

use crate::report::{
    CityModelYear, Commune, CommuneCampaign, CommuneGroupLink, CommuneModel, CommuneYear, Group,
    IndicatorFigure, Page, Person, Photo, Quote, Report, Site, Year,
};

/// The `report` value of every template.
#[derive(Serialize)]
pub struct ReportView<'a> {
    site: &'a Site,
    sources: Vec<SourceSummary<'a>>,
    models: Vec<ModelSummary<'a>>,
    communes: Vec<CommuneSummary<'a>>,
    commune_groups: Vec<GroupSummary<'a>>,
    years: &'a [Year],
    pages: &'a [Page],
    indicators: Vec<IndicatorSummary<'a>>,
    latest_year: Option<i64>,
    all_years: &'a [i64],
}

/// One of the project's indicators without its communes' values (its page gets those).
#[derive(Serialize)]
struct IndicatorSummary<'a> {
    id: &'a str,
    name: &'a str,
    translated: bool,
    unit: &'a str,
    kind: &'a str,
    communes_year: Option<i64>,
    communes_reporting: usize,
}

/// A commune as the lists of communes show it; its page gets the whole record.
#[derive(Serialize)]
struct CommuneSummary<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    full_name: &'a str,
    code: Option<&'a str>,
    group: Option<&'a CommuneGroupLink>,
    has_figures: bool,
}

/// A group of communes as the commune list names it.
#[derive(Serialize)]
struct GroupSummary<'a> {
    id: &'a str,
    full_name: &'a str,
    /// How many communes it has.
    size: usize,
}

/// A source without the figures that cite it (the sources page gets those).
#[derive(Serialize)]
struct SourceSummary<'a> {
    id: &'a str,
    number: usize,
    title: &'a str,
    publisher: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    date: Option<&'a str>,
    cited_figures: usize,
}

/// A model type without its communes' counts (its page gets those).
#[derive(Serialize)]
struct ModelSummary<'a> {
    id: &'a str,
    name: &'a str,
    unit: &'a str,
    category: Option<&'a str>,
    /// Markdown.
    description: Option<&'a str>,
    city: &'a [CityModelYear],
    communes_year: Option<i64>,
    communes_reporting: usize,
}

impl<'a> ReportView<'a> {
    pub fn new(report: &'a Report) -> Self {
        ReportView {
            site: &report.site,
            sources: report
                .sources
                .iter()
                .map(|s| SourceSummary {
                    id: &s.id,
                    number: s.number,
                    title: &s.title,
                    publisher: s.publisher.as_deref(),
                    author: s.author.as_deref(),
                    url: s.url.as_deref(),
                    date: s.date.as_deref(),
                    cited_figures: s.cited_figures,
                })
                .collect(),
            models: report
                .models
                .iter()
                .map(|m| ModelSummary {
                    id: &m.id,
                    name: &m.name,
                    unit: &m.unit,
                    category: m.category.as_deref(),
                    description: m.description.as_deref(),
                    city: &m.city,
                    communes_year: m.communes_year,
                    communes_reporting: m.communes_reporting,
                })
                .collect(),
            communes: report
                .communes
                .iter()
                .map(|c| CommuneSummary {
                    id: &c.id,
                    name: &c.name,
                    kind: c.kind,
                    full_name: &c.full_name,
                    code: c.code.as_deref(),
                    group: c.group.as_ref(),
                    has_figures: c.has_figures,
                })
                .collect(),
            commune_groups: report
                .commune_groups
                .iter()
                .map(|g| GroupSummary {
                    id: &g.id,
                    full_name: &g.full_name,
                    size: g.communes.len(),
                })
                .collect(),
            years: &report.years,
            pages: &report.pages,
            indicators: report
                .indicators
                .iter()
                .map(|i| IndicatorSummary {
                    id: &i.id,
                    name: &i.name,
                    translated: i.translated,
                    unit: &i.unit,
                    kind: i.kind,
                    communes_year: i.communes_year,
                    communes_reporting: i.communes_reporting,
                })
                .collect(),
            latest_year: report.latest_year,
            all_years: &report.all_years,
        }
    }
}

/// A commune as its page gets it: the whole record, but its years only when it has one
/// (with more, the page's `history` holds them as a table).
#[derive(Serialize)]
pub struct CommunePage<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    full_name: &'a str,
    group: Option<&'a CommuneGroupLink>,
    code: Option<&'a str>,
    chief: Option<&'a Person>,
    summary: Option<&'a str>,
    years: &'a [CommuneYear],
    groups: &'a [Group],
    quotes: &'a [Quote],
    photos: &'a [Photo],
    has_figures: bool,
}

impl<'a> CommunePage<'a> {
    /// `c` for its page; `with_years`: whether the page shows its years one by one.
    pub fn new(c: &'a Commune, with_years: bool) -> Self {
        CommunePage {
            id: &c.id,
            name: &c.name,
            kind: c.kind,
            full_name: &c.full_name,
            group: c.group.as_ref(),
            code: c.code.as_deref(),
            chief: c.chief.as_ref(),
            summary: c.summary.as_deref(),
            years: if with_years { &c.years } else { &[] },
            groups: &c.groups,
            quotes: &c.quotes,
            photos: &c.photos,
            has_figures: c.has_figures,
        }
    }
}

/// A commune in the full report of one year: its figures of that year, groups and quotes.
#[derive(Serialize)]
pub struct CommuneOfYear<'a> {
    pub id: &'a str,
    pub full_name: &'a str,
    chief: Option<&'a Person>,
    /// Markdown.
    summary: Option<&'a str>,
    pub has_figures: bool,
    /// Model counts of the year (empty when none was reported).
    pub models: &'a [CommuneModel],
    /// The one source every model count of the year cites, if they cite one: cited once
    /// under the counts' table.
    pub models_source: Option<&'a crate::report::Cite>,
    /// The project's indicators in that year (empty when the project has none or the
    /// commune reports nothing that year).
    pub indicators: &'a [IndicatorFigure],
    groups: &'a [Group],
    quotes: &'a [Quote],
}

/// How many rows of communes one page's table shows: a longer table (a national report's
/// 10.000 communes) continues on further pages, so that no page passes 2 MB. Such a table is
/// not offered in another order ([`crate::report::ModelType::communes_largest_first`]).
pub const ROWS_PER_PAGE: usize = 1000;

/// How many communes with figures one page of a year's full report holds: at about 2 KB
/// each, a page stays well under 2 MB, which a phone still opens.
pub const COMMUNES_PER_PART: usize = 500;

/// One of the pages a list of communes is split into (a table of communes, a year's full
/// report): its rows `from..to`, the first and last named.
#[derive(Debug, Clone, Serialize)]
pub struct TablePage {
    /// From 1.
    pub number: usize,
    /// The page's file name, in the folder of the first: `camera-an-ninh-2.html`.
    pub file: String,
    pub from: usize,
    pub to: usize,
    pub first: String,
    pub last: String,
}

/// The pages of a list whose rows name `names`, `per_page` rows each: `stem.html`, then
/// `stem-2.html`…; at least one page.
pub fn table_pages<'a>(
    stem: &str,
    names: impl Iterator<Item = &'a str>,
    per_page: usize,
) -> Vec<TablePage> {
    let names: Vec<&str> = names.collect();
    let page = |i: usize, rows: &[&str]| TablePage {
        number: i + 1,
        file: match i {
            0 => format!("{stem}.html"),
            _ => format!("{stem}-{}.html", i + 1),
        },
        from: i * per_page,
        to: i * per_page + rows.len(),
        first: rows.first().map_or_else(String::new, |n| (*n).to_owned()),
        last: rows.last().map_or_else(String::new, |n| (*n).to_owned()),
    };
    let mut pages: Vec<TablePage> = names
        .chunks(per_page)
        .enumerate()
        .map(|(i, rows)| page(i, rows))
        .collect();
    if pages.is_empty() {
        pages.push(page(0, &[]));
    }
    pages
}

/// The pages of the full report of a year whose communes are `communes` (in
/// [`communes_of_year`] order): its communes with figures, [`COMMUNES_PER_PART`] to a page.
pub fn full_report_parts(communes: &[CommuneOfYear], year: i64) -> Vec<TablePage> {
    let names = communes
        .iter()
        .filter(|c| c.has_figures)
        .map(|c| c.full_name);
    table_pages(&format!("{year}-full"), names, COMMUNES_PER_PART)
}

/// The communes that `part` of a year's full report shows, of the year's `communes`: its
/// communes with figures (unless `figures` is false: an older year's table holds them), and
/// on the `last` page those without any.
pub fn communes_of_part<'b, 'a>(
    communes: &'b [CommuneOfYear<'a>],
    part: &TablePage,
    last: bool,
    figures: bool,
) -> Vec<&'b CommuneOfYear<'a>> {
    let with = communes.iter().filter(|c| c.has_figures);
    let mut shown: Vec<&CommuneOfYear> = match figures {
        true => with.skip(part.from).take(part.to - part.from).collect(),
        false => Vec::new(),
    };
    if last {
        shown.extend(communes.iter().filter(|c| !c.has_figures));
    }
    shown
}

/// Every commune as the full report of `year` shows it: by group, then in commune order.
pub fn communes_of_year(report: &Report, year: i64) -> Vec<CommuneOfYear<'_>> {
    // By group, in the order of the groups (those in none last), then as listed.
    let order: std::collections::HashMap<&str, usize> = report
        .commune_groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.as_str(), i))
        .collect();
    let place = |c: &&crate::report::Commune| {
        c.group
            .as_ref()
            .and_then(|g| order.get(g.id.as_str()).copied())
            .unwrap_or(usize::MAX)
    };
    let mut communes: Vec<&crate::report::Commune> = report.communes.iter().collect();
    communes.sort_by_key(place);
    // A commune's summary, teams and quotes describe it as it is now: the newest year's
    // report shows them, earlier years' reports their own figures only.
    let newest = report.years.last().is_none_or(|y| y.year == year);
    communes
        .into_iter()
        .map(|c| {
            let models = c
                .years
                .iter()
                .find(|y| y.year == year)
                .map_or(&[][..], |y| &y.models);
            let counts = models.iter().filter_map(|m| m.count.as_ref());
            (
                c,
                models,
                super::cells::one_source(counts.map(|f| f.source.as_ref())),
            )
        })
        .map(|(c, models, models_source)| CommuneOfYear {
            id: &c.id,
            full_name: &c.full_name,
            chief: c.chief.as_ref(),
            summary: c.summary.as_deref().filter(|_| newest),
            has_figures: c.has_figures,
            models,
            models_source,
            indicators: c
                .years
                .iter()
                .find(|y| y.year == year)
                .map_or(&[][..], |y| &y.indicators),
            groups: if newest { &c.groups } else { &[] },
            quotes: if newest { &c.quotes } else { &[] },
        })
        .collect()
}

/// The communes' own campaign figures of the newest year that has any.
#[derive(Serialize)]
pub struct CampaignByCommune<'a> {
    year: i64,
    pub rows: &'a [CommuneCampaign],
}

impl<'a> CampaignByCommune<'a> {
    pub fn newest(report: &'a Report) -> Option<Self> {
        report
            .years
            .iter()
            .rev()
            .find(|y| !y.commune_campaigns.is_empty())
            .map(|y| CampaignByCommune {
                year: y.year,
                rows: &y.commune_campaigns,
            })
    }
}
