//! Open data: every dataset behind the site as CSV (UTF-8 with a byte-order mark, so that
//! Excel shows Vietnamese correctly; plain numbers, ISO dates) and as JSON. The files are the
//! same in every language; only the data page's descriptions follow the site's language.

use std::borrow::Cow;

use serde::Serialize;

use super::Locale;
use crate::catalogue::Section;
use crate::paths::DATA_BY_COMMUNE;
use crate::report::{Campaign, Cite, Fig, IndicatorFigure, Ratio, Report, Site};

/// One cell: text, a whole number, or nothing reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Borrowed from the report where it can be: a national table has a million cells.
    Text(Cow<'a, str>),
    Int(u64),
    Empty,
}

/// A column and what it holds, in the site's language.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub name: String,
    pub description: String,
}

/// A table of the report, downloadable as `data/<slug>.csv` and `data/<slug>.json`; its title
/// and descriptions are the locale's `data_<slug>_title`, `…_description` and `…_<column>`.
#[derive(Debug, Clone, Serialize)]
pub struct Dataset<'a> {
    pub slug: &'static str,
    pub title: String,
    pub description: String,
    pub columns: Vec<Column>,
    #[serde(skip)]
    pub rows: Vec<Vec<Cell<'a>>>,
    /// Number of rows, for the data page.
    pub count: usize,
    /// The files it is written to: the whole table, or a national report's tables of
    /// communes a year each (see [`crate::paths::data_split_by_year`]).
    pub files: Vec<DataFile>,
}

/// One file of a dataset: `data/<name>.csv`, `.json` and, when it fits, `.xlsx`.
#[derive(Debug, Clone, Serialize)]
pub struct DataFile {
    /// `commune-models`, or `commune-models-2023` for one year of a split table.
    pub name: String,
    /// The year it holds, when the table is split by year.
    pub year: Option<i64>,
    /// Its rows, of the dataset's.
    #[serde(skip)]
    pub rows: std::ops::Range<usize>,
    pub count: usize,
    /// Whether it is small enough for an `.xlsx` download (at most [`MAX_XLSX_ROWS`] rows).
    pub xlsx: bool,
}

/// Whether `report`'s tables of communes' figures are written a file per year.
pub fn split_by_year(report: &Report) -> bool {
    crate::paths::data_split_by_year(report.commune_years)
}

/// The most rows a table has to get an `.xlsx` (a file per year, when it is split): a sheet
/// that Excel and LibreOffice open in a few seconds (they hold 1.048.575). A national table
/// of commune figures (10.000 communes × 10 years × 7 models) is larger: it comes as CSV
/// and JSON, and writing it as workbooks would add seconds to the build.
const MAX_XLSX_ROWS: usize = 200_000;

/// The longest text an Excel cell holds.
const MAX_XLSX_TEXT: usize = 32_767;

fn text(s: &str) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(s))
}

fn fig(f: Option<&Fig>) -> Cell<'static> {
    f.map_or(Cell::Empty, |f| Cell::Int(f.value))
}

fn opt(s: Option<&str>) -> Cell<'_> {
    s.map_or(Cell::Empty, text)
}

fn source(c: Option<&Cite>) -> Cell<'_> {
    opt(c.map(|c| &*c.id))
}

/// The source of a row's figures, each named by its column: the one id they all cite, or,
/// when they cite several, each figure's as `column=source` separated by spaces
/// (`camera-an-ninh=nguon-a diem-chua-chay=nguon-b`); empty when none cites one.
fn row_source<'a>(cited: impl IntoIterator<Item = (&'a str, Option<&'a Cite>)>) -> Cell<'a> {
    let cited: Vec<(&str, &Cite)> = cited
        .into_iter()
        .filter_map(|(column, c)| Some((column, c?)))
        .collect();
    match cited.split_first() {
        None => Cell::Empty,
        Some(((_, first), rest)) if rest.iter().all(|(_, c)| c.id == first.id) => text(&first.id),
        Some(_) => Cell::Text(
            cited
                .iter()
                .map(|(column, c)| format!("{column}={}", c.id))
                .collect::<Vec<_>>()
                .join(" ")
                .into(),
        ),
    }
}

/// The citation of a figure, if it has one.
fn cite(f: Option<&Fig>) -> Option<&Cite> {
    f.and_then(|f| f.source.as_ref())
}

fn dataset<'a>(
    t: &Locale,
    slug: &'static str,
    columns: &[&str],
    rows: Vec<Vec<Cell<'a>>>,
) -> Dataset<'a> {
    let key = format!("data_{}", slug.replace('-', "_"));
    let whole = DataFile {
        name: slug.to_owned(),
        year: None,
        rows: 0..rows.len(),
        count: rows.len(),
        xlsx: rows.len() <= MAX_XLSX_ROWS,
    };
    Dataset {
        slug,
        title: t.get(&format!("{key}_title")).to_owned(),
        description: t.get(&format!("{key}_description")).to_owned(),
        columns: columns
            .iter()
            .map(|name| Column {
                name: (*name).to_owned(),
                description: t.get(&format!("{key}_{name}")).to_owned(),
            })
            .collect(),
        count: rows.len(),
        files: vec![whole],
        rows,
    }
}

impl<'a> Dataset<'a> {
    /// The table a file per year, by its `year` column (rows keep their order within a
    /// year).
    fn split_by_year(mut self) -> Dataset<'a> {
        let Some(at) = self.columns.iter().position(|c| c.name == "year") else {
            return self;
        };
        let year = |row: &Vec<Cell>| match row.get(at) {
            Some(Cell::Int(y)) => *y as i64,
            _ => 0,
        };
        self.rows.sort_by_key(year);
        let xlsx = self.rows.len() <= MAX_XLSX_ROWS;
        self.files.clear();
        let mut start = 0;
        while start < self.rows.len() {
            let y = year(&self.rows[start]);
            let end = start + self.rows[start..].partition_point(|r| year(r) == y);
            self.files.push(DataFile {
                name: format!("{}-{y}", self.slug),
                year: Some(y),
                rows: start..end,
                count: end - start,
                xlsx,
            });
            start = end;
        }
        self
    }
}

/// Every dataset of the report, described in `t`'s language, in the order the data page
/// lists them. Each is made when the iterator reaches it: a national report's tables are
/// written one after another, not all held at once.
pub fn datasets<'a>(report: &'a Report, t: &'a Locale) -> impl Iterator<Item = Dataset<'a>> + 'a {
    type Make = for<'r> fn(&'r Report, &Locale) -> Dataset<'r>;
    let mut makers: Vec<Make> = vec![
        communes,
        commune_models,
        city_models,
        campaign,
        attainment,
        groups,
    ];
    if !report.indicators.is_empty() {
        makers.push(indicators);
    }
    let split = split_by_year(report);
    makers.into_iter().map(move |make| {
        let d = make(report, t);
        match split && DATA_BY_COMMUNE.contains(&d.slug) {
            true => d.split_by_year(),
            false => d,
        }
    })
}

fn communes<'a>(report: &'a Report, t: &Locale) -> Dataset<'a> {
    // The group columns only where the report has groups.
    let grouped = !report.commune_groups.is_empty();
    let rows = report
        .communes
        .iter()
        .map(|c| {
            let mut row = vec![
                text(&c.id),
                text(&c.name),
                text(c.kind),
                opt(c.code.as_deref()),
            ];
            if grouped {
                row.push(opt(c.group.as_ref().map(|g| g.id.as_str())));
                row.push(opt(c.group.as_ref().map(|g| g.full_name.as_str())));
            }
            row
        })
        .collect();
    let mut columns = vec!["commune_id", "name", "kind", "official_code"];
    if grouped {
        columns.extend(["group_id", "group"]);
    }
    dataset(t, "communes", &columns, rows)
}

/// Every commune's model counts: a row per commune and year, a column per model type (named
/// by its id; the data page gives its name and unit).
fn commune_models<'a>(report: &'a Report, t: &Locale) -> Dataset<'a> {
    let ids: Vec<&str> = report.models.iter().map(|m| &*m.id).collect();
    let mut rows = Vec::new();
    for c in &report.communes {
        for y in c.years.iter().rev().filter(|y| !y.models.is_empty()) {
            let of = |id: &str| y.models.iter().find(|m| *m.model.id == *id);
            let mut row = Vec::with_capacity(ids.len() + 5);
            row.extend([text(&c.id), text(&c.name), Cell::Int(y.year as u64)]);
            row.extend(
                ids.iter()
                    .map(|id| fig(of(id).and_then(|m| m.count.as_ref()))),
            );
            let uncounted: Vec<&str> = y
                .models
                .iter()
                .filter(|m| m.count.is_none())
                .map(|m| &*m.model.id)
                .collect();
            row.push(match uncounted.is_empty() {
                true => Cell::Empty,
                false => Cell::Text(uncounted.join(" ").into()),
            });
            row.push(row_source(
                ids.iter()
                    .map(|id| (*id, cite(of(id).and_then(|m| m.count.as_ref())))),
            ));
            rows.push(row);
        }
    }
    let mut dataset = dataset(
        t,
        "commune-models",
        &["commune_id", "commune", "year"],
        rows,
    );
    dataset.columns.extend(report.models.iter().map(|m| Column {
        name: m.id.to_string(),
        description: format!("{} ({})", m.name, m.unit),
    }));
    for name in ["running_without_count", "source"] {
        dataset.columns.push(Column {
            name: name.into(),
            description: t.get(&format!("data_commune_models_{name}")).to_owned(),
        });
    }
    dataset
}

fn city_models<'a>(report: &'a Report, t: &Locale) -> Dataset<'a> {
    let mut rows = Vec::new();
    for y in &report.years {
        for m in &y.models {
            rows.push(vec![
                Cell::Int(y.year as u64),
                text(&m.model.id),
                text(&m.model.name),
                text(&m.model.unit),
                fig(m.total.as_ref()),
                fig(m.new.as_ref()),
                fig(m.city_budget_count.as_ref()),
                fig(m.city_budget_locations.as_ref()),
                fig(m.city_budget_value_vnd.as_ref()),
                fig(m.community_funded.as_ref()),
                fig(m.existing_before.as_ref()),
                row_source([
                    ("total", cite(m.total.as_ref())),
                    ("new", cite(m.new.as_ref())),
                    ("city_budget_count", cite(m.city_budget_count.as_ref())),
                    (
                        "city_budget_locations",
                        cite(m.city_budget_locations.as_ref()),
                    ),
                    (
                        "city_budget_value_vnd",
                        cite(m.city_budget_value_vnd.as_ref()),
                    ),
                    ("community_funded", cite(m.community_funded.as_ref())),
                    ("existing_before_derived", cite(m.existing_before.as_ref())),
                ]),
            ]);
        }
    }
    dataset(
        t,
        "city-models",
        &[
            "year",
            "model_id",
            "model",
            "unit",
            "total",
            "new",
            "city_budget_count",
            "city_budget_locations",
            "city_budget_value_vnd",
            "community_funded",
            "existing_before_derived",
            "source",
        ],
        rows,
    )
}

fn campaign_row<'a>(
    scope: &'a str,
    name: &'a str,
    year: i64,
    c: &'a Campaign,
    ids: &[&'a str],
) -> Vec<Cell<'a>> {
    let mut row = Vec::with_capacity(ids.len() + 4);
    row.extend([text(scope), text(name), Cell::Int(year as u64)]);
    row.extend(ids.iter().map(|id| fig(c.get(id))));
    row.push(row_source(ids.iter().map(|id| (*id, cite(c.get(id))))));
    row
}

fn campaign<'a>(report: &'a Report, t: &Locale) -> Dataset<'a> {
    let ids: Vec<&str> = report
        .catalogue
        .section(Section::Campaign)
        .map(|i| &*i.id)
        .collect();
    let mut rows = Vec::new();
    for y in &report.years {
        if let Some(c) = &y.campaign {
            rows.push(campaign_row("city", &report.site.locality, y.year, c, &ids));
        }
    }
    for c in &report.communes {
        for y in c.years.iter().rev() {
            if let Some(campaign) = &y.campaign {
                rows.push(campaign_row(&c.id, &c.name, y.year, campaign, &ids));
            }
        }
    }
    let mut columns = vec!["scope", "name", "year"];
    columns.extend(&ids);
    columns.push("source");
    dataset(t, "campaign", &columns, rows)
}

/// A row of the indicators table: one place in one year, a column per indicator.
fn indicator_row<'a>(
    scope: &'a str,
    name: &'a str,
    year: i64,
    figures: &'a [IndicatorFigure],
    ids: &[&'a str],
) -> Vec<Cell<'a>> {
    let mut row = Vec::with_capacity(ids.len() + 4);
    row.extend([text(scope), text(name), Cell::Int(year as u64)]);
    let of = |id: &str| figures.iter().find(|f| *f.indicator.id == *id);
    row.extend(ids.iter().map(|id| {
        let Some(r) = of(id).map(|f| &f.reported) else {
            return Cell::Empty;
        };
        match (&r.fig, &r.ratio, &r.text) {
            (Some(f), _, _) => Cell::Int(f.value),
            (_, Some(r), _) => Cell::Text(format!("{}/{}", r.safe, r.total).into()),
            (_, _, Some(t)) => text(t),
            _ => Cell::Empty,
        }
    }));
    row.push(row_source(
        ids.iter()
            .map(|id| (*id, of(id).and_then(|f| f.reported.source()))),
    ));
    row
}

/// The project's own indicators: the area's and each commune's values by year, a column
/// per indicator (named by its id; the data page gives its name and unit).
fn indicators<'a>(report: &'a Report, t: &Locale) -> Dataset<'a> {
    let ids: Vec<&str> = report.indicators.iter().map(|i| &*i.id).collect();
    let mut rows = Vec::new();
    for y in &report.years {
        if y.indicators.iter().any(|f| f.reported.is_some()) {
            let name = &report.site.locality;
            rows.push(indicator_row("city", name, y.year, &y.indicators, &ids));
        }
    }
    for c in &report.communes {
        for y in c.years.iter().rev() {
            if y.indicators.iter().any(|f| f.reported.is_some()) {
                rows.push(indicator_row(&c.id, &c.name, y.year, &y.indicators, &ids));
            }
        }
    }
    let mut dataset = dataset(t, "indicators", &["scope", "name", "year"], rows);
    dataset
        .columns
        .extend(report.indicators.iter().map(|i| Column {
            name: i.id.to_string(),
            description: if i.unit.is_empty() {
                i.name.to_string()
            } else {
                format!("{} ({})", i.name, i.unit)
            },
        }));
    dataset.columns.push(Column {
        name: "source".into(),
        description: t.get("data_indicators_source").to_owned(),
    });
    dataset
}

fn ratio_row<'a>(scope: &'a str, year: i64, unit: &'a str, r: &'a Ratio) -> Vec<Cell<'a>> {
    vec![
        text(scope),
        Cell::Int(year as u64),
        text(unit),
        Cell::Int(r.safe),
        Cell::Int(r.total),
        source(r.source.as_ref()),
    ]
}

fn attainment<'a>(report: &'a Report, t: &Locale) -> Dataset<'a> {
    let mut rows = Vec::new();
    for y in &report.years {
        let Some(a) = &y.attainment else { continue };
        for (unit, r) in [
            ("communes", &a.communes),
            ("villages", &a.villages),
            ("agencies", &a.agencies),
        ] {
            if let Some(r) = r {
                rows.push(ratio_row("city", y.year, unit, r));
            }
        }
    }
    for c in &report.communes {
        for y in c.years.iter().rev() {
            if let Some(r) = &y.villages {
                rows.push(ratio_row(&c.id, y.year, "villages", r));
            }
        }
    }
    dataset(
        t,
        "attainment",
        &["scope", "year", "unit_type", "safe", "total", "source"],
        rows,
    )
}

fn groups<'a>(report: &'a Report, t: &Locale) -> Dataset<'a> {
    let mut rows = Vec::new();
    for c in &report.communes {
        for g in &c.groups {
            let outcomes: Vec<String> = g
                .outcomes
                .iter()
                .map(|o| {
                    format!(
                        "{}: {}",
                        o.label,
                        o.value
                            .as_ref()
                            .map_or("không có số liệu".to_owned(), |v| v.value.to_string())
                    )
                })
                .collect();
            rows.push(vec![
                text(&c.id),
                text(&g.name),
                text(&g.model.id),
                opt(g.founded.as_deref()),
                fig(g.members.as_ref()),
                Cell::Text(outcomes.join("; ").into()),
                opt(g.motto.as_deref()),
                source(g.source.as_ref()),
            ]);
        }
    }
    dataset(
        t,
        "groups",
        &[
            "commune_id",
            "group",
            "model_id",
            "founded",
            "members",
            "outcomes",
            "motto",
            "source",
        ],
        rows,
    )
}

/// The data page's schema.org `Dataset` description (JSON-LD), for search engines and
/// data portals: the report's name, publisher, dates, licence and every download. Addresses
/// are absolute when the site's address is known. `<` is escaped so that no text from the
/// content can close the script element holding it.
pub fn json_ld(report: &Report, datasets: &[Dataset]) -> String {
    let site = &report.site;
    let base = site.base_url.as_deref().unwrap_or_default();
    let downloads: Vec<serde_json::Value> = datasets
        .iter()
        .flat_map(|d| &d.files)
        .flat_map(|d| {
            let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            let formats = [
                ("csv", "text/csv"),
                ("json", "application/json"),
                ("xlsx", xlsx),
            ];
            formats
                .into_iter()
                .filter(|(ext, _)| *ext != "xlsx" || d.xlsx)
                .map(|(ext, format)| {
                    serde_json::json!({
                        "@type": "DataDownload",
                        "name": format!("{}.{ext}", d.name),
                        "encodingFormat": format,
                        "contentUrl": format!("{base}data/{}.{ext}", d.name),
                    })
                })
        })
        .collect();
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": site.title,
        "description": site.description.as_deref().unwrap_or(&site.title),
        "inLanguage": site.language,
        "spatialCoverage": site.locality,
        "creator": { "@type": "Organization", "name": site.agency },
        "publisher": { "@type": "Organization", "name": site.agency },
        "distribution": downloads,
    });
    let extra = [
        (
            "url",
            site.base_url.as_ref().map(|u| format!("{u}data.html")),
        ),
        ("datePublished", site.published.clone()),
        ("dateModified", site.updated.clone()),
        (
            "license",
            site.licence_url.clone().or_else(|| site.licence.clone()),
        ),
    ];
    for (key, value) in extra {
        if let Some(value) = value {
            ld[key] = serde_json::Value::String(value);
        }
    }
    serde_json::to_string_pretty(&ld)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

/// `data/index.json`: every table with its title and columns, and each of its files (a file
/// per year for a split table) with its year, rows and formats; a program finds the files
/// here without reading the data page.
pub fn index_json(report: &Report, datasets: &[Dataset]) -> Vec<u8> {
    let tables: Vec<serde_json::Value> = datasets
        .iter()
        .map(|d| {
            let files: Vec<serde_json::Value> = d
                .files
                .iter()
                .map(|f| {
                    let mut formats = vec!["csv", "json"];
                    if f.xlsx {
                        formats.push("xlsx");
                    }
                    serde_json::json!({
                        "name": f.name,
                        "year": f.year,
                        "rows": f.count,
                        "formats": formats,
                    })
                })
                .collect();
            serde_json::json!({
                "table": d.slug,
                "title": d.title,
                "description": d.description,
                "columns": d.columns,
                "rows": d.count,
                "files": files,
            })
        })
        .collect();
    let index = serde_json::json!({
        "report": report.site.title,
        "publisher": report.site.agency,
        "sources": format!("{}sources.html", report.site.base_url.as_deref().unwrap_or("../")),
        "tables": tables,
    });
    let mut out = serde_json::to_string_pretty(&index).unwrap_or_default();
    out.push('\n');
    out.into_bytes()
}

impl<'a> Dataset<'a> {
    /// The table without its rows, once its files are written: what the data page shows
    /// (its files can no longer be made from it).
    pub fn described(mut self) -> Dataset<'a> {
        self.rows = Vec::new();
        self
    }

    /// The rows of `file`, one of this table's.
    fn rows_of(&self, file: &DataFile) -> &[Vec<Cell<'a>>] {
        &self.rows[file.rows.clone()]
    }

    /// `file` as CSV with a UTF-8 byte-order mark, a header row, CRLF line ends (RFC 4180).
    pub fn to_csv(&self, file: &DataFile) -> Vec<u8> {
        let mut out = String::from("\u{feff}");
        let header: Vec<String> = self.columns.iter().map(|c| csv_field(&c.name)).collect();
        out.push_str(&header.join(","));
        out.push_str("\r\n");
        for row in self.rows_of(file) {
            let fields: Vec<String> = row
                .iter()
                .map(|cell| match cell {
                    Cell::Text(t) => csv_field(t),
                    Cell::Int(n) => n.to_string(),
                    Cell::Empty => String::new(),
                })
                .collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out.into_bytes()
    }

    /// `file` as a JSON object: what the table is (and its year, for a year of a split
    /// table), whose it is and under which licence (from `site`), its `columns`, and its
    /// `rows`, each an array of the columns' values in their order (numbers as numbers, no
    /// data as `null`). Written straight out, laid out as `serde_json`'s pretty printer does.
    pub fn to_json(&self, file: &DataFile, site: &Site) -> Vec<u8> {
        let quoted = |text: &str| serde_json::to_string(text).unwrap_or_default();
        let rows = self.rows_of(file);
        let mut out = String::with_capacity(rows.len() * 16 * self.columns.len().max(1));
        let mut header = serde_json::json!({
            "title": self.title,
            "description": self.description,
            "report": site.title,
            "publisher": site.agency,
            "published": site.published,
            "updated": site.updated,
            "licence": site.licence,
            "licence_url": site.licence_url,
            // Where the `source` ids are explained, from the data folder.
            "sources": format!("{}sources.html", site.base_url.as_deref().unwrap_or("../")),
            "columns": self.columns,
        });
        if let Some(year) = file.year {
            header["year"] = year.into();
        }
        let header = serde_json::to_string_pretty(&header).unwrap_or_default();
        out.push_str(header.trim_end_matches('}').trim_end());
        out.push_str(",\n  \"rows\": ");
        if rows.is_empty() {
            out.push_str("[]");
        } else {
            // One row a line, without spaces, keys or indentation: at national scale the rows
            // are most of the site's bytes, and a line still reads (and diffs) as one record.
            out.push('[');
            for (i, row) in rows.iter().enumerate() {
                out.push_str(if i == 0 { "\n[" } else { ",\n[" });
                for (j, cell) in row.iter().enumerate() {
                    if j > 0 {
                        out.push(',');
                    }
                    match cell {
                        Cell::Text(t) => out.push_str(&quoted(t)),
                        Cell::Int(n) => out.push_str(&n.to_string()),
                        Cell::Empty => out.push_str("null"),
                    }
                }
                out.push(']');
            }
            out.push_str("\n]");
        }
        out.push_str("\n}\n");
        out.into_bytes()
    }

    /// `file` as an Excel workbook of one sheet: a bold header row, text as text (a code
    /// such as 04540 keeps its zero; a text longer than a cell holds is cut), numbers as
    /// numbers, no data as an empty cell. The same table always gives the same bytes. Only
    /// for a file that fits a sheet (`xlsx`).
    pub fn to_xlsx(
        &self,
        file: &DataFile,
        site: &Site,
    ) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
        let mut book = Workbook::new();
        // A faster compression than the default (6): at national scale the workbooks took
        // 5% of a build's processor time more, for files 6% smaller.
        book.set_zip_compression_level(3);
        // A fixed date: a file's bytes change only with its data.
        let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
        book.set_properties(
            &DocProperties::new()
                .set_title(&self.title)
                .set_author(&site.agency)
                .set_comment(&self.description)
                .set_creation_datetime(&created),
        );
        // Rows go to a temporary file as they are written: a national table does not sit in
        // memory twice.
        let sheet = book.add_worksheet_with_constant_memory()?;
        sheet.set_name(self.slug)?;
        let bold = Format::new().set_bold();
        for (col, column) in self.columns.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, &column.name, &bold)?;
        }
        for (r, row) in self.rows_of(file).iter().enumerate() {
            let r = r as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Text(t) if t.chars().count() > MAX_XLSX_TEXT => {
                        let cut: String = t.chars().take(MAX_XLSX_TEXT).collect();
                        sheet.write_string(r, col as u16, cut)?;
                    }
                    Cell::Text(t) => {
                        sheet.write_string(r, col as u16, &**t)?;
                    }
                    Cell::Int(n) => {
                        sheet.write_number(r, col as u16, *n as f64)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 0)?;
        book.save_to_buffer()
    }
}

/// Quotes a CSV field when it holds a comma, a quote or a line break; formula-like text
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, as OWASP lists them) is
/// prefixed with `'` so spreadsheets do not run it.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("Tuy Lộc"), "Tuy Lộc");
        assert_eq!(csv_field("tự phòng, tự quản"), "\"tự phòng, tự quản\"");
        assert_eq!(csv_field("nói \"có\""), "\"nói \"\"có\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("\t=1+2"), "'\t=1+2");
        assert_eq!(csv_field("\r=1+2"), "\"'\r=1+2\"");
    }

    #[test]
    fn every_dataset_is_described_in_every_language() {
        let report = Report::default();
        for language in ["vi", "en"] {
            for d in datasets(&report, &Locale::builtin(language)) {
                assert!(!d.title.starts_with("data_"), "{language}: {}", d.slug);
                assert!(
                    d.columns
                        .iter()
                        .all(|c| !c.description.starts_with("data_"))
                );
            }
        }
        let mut report = Report::default();
        report.site.units = crate::load::unit_words([], crate::language::Language::En);
        let t = Locale::builtin("en").for_site(&report.site);
        let first = datasets(&report, &t).next().unwrap();
        assert_eq!(first.title, "Communes and wards");
    }

    #[test]
    fn a_rows_source_is_one_id_or_each_figures() {
        let a = Cite::new("nguon-a", 1);
        let b = Cite::new("nguon-b", 2);
        assert_eq!(row_source([("x", None), ("y", None)]), Cell::Empty);
        assert_eq!(
            row_source([("x", Some(&a)), ("y", None), ("z", Some(&a))]),
            text("nguon-a")
        );
        assert_eq!(
            row_source([("x", Some(&a)), ("y", None), ("z", Some(&b))]),
            text("x=nguon-a z=nguon-b")
        );
    }

    /// All of `d`'s rows as one file.
    fn whole(d: &Dataset) -> DataFile {
        DataFile {
            name: d.slug.into(),
            year: None,
            rows: 0..d.rows.len(),
            count: d.rows.len(),
            xlsx: true,
        }
    }

    #[test]
    fn json_has_a_pretty_header_and_one_compact_row_a_line() {
        let column = |name: &str| Column {
            name: name.to_owned(),
            description: String::new(),
        };
        let mut d = Dataset {
            slug: "x",
            title: String::new(),
            description: String::new(),
            columns: vec![column("commune"), column("count"), column("note")],
            rows: Vec::new(),
            count: 0,
            files: Vec::new(),
        };
        let site = Site {
            title: "R".into(),
            agency: "P".into(),
            published: Some("2024-01-15".into()),
            licence: Some("CC BY 4.0".into()),
            ..Site::default()
        };
        let pretty = |rows: serde_json::Value| {
            let value = serde_json::json!({
                "title": "", "description": "", "report": "R", "publisher": "P",
                "published": "2024-01-15", "updated": null, "licence": "CC BY 4.0",
                "licence_url": null, "sources": "../sources.html",
                "columns": [
                    {"name": "commune", "description": ""},
                    {"name": "count", "description": ""},
                    {"name": "note", "description": ""},
                ],
                "rows": rows,
            });
            serde_json::to_string_pretty(&value).unwrap() + "\n"
        };
        assert_eq!(
            String::from_utf8(d.to_json(&whole(&d), &site)).unwrap(),
            pretty(serde_json::json!([]))
        );
        d.rows = vec![
            vec![text("Tuy Lộc \"A\"\n\\"), Cell::Int(23), Cell::Empty],
            vec![text("</script>"), Cell::Empty, text("x\u{1}")],
        ];
        let rows = [
            serde_json::json!(["Tuy Lộc \"A\"\n\\", 23, null]),
            serde_json::json!(["</script>", null, "x\u{1}"]),
        ];
        let written = String::from_utf8(d.to_json(&whole(&d), &site)).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(parsed["rows"], serde_json::json!(rows));
        // The header as serde_json pretty-prints it, then one compact row a line, not indented.
        let one_a_line: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
        let expected = pretty(serde_json::json!([])).replace(
            "\"rows\": []",
            &format!("\"rows\": [\n{}\n]", one_a_line.join(",\n")),
        );
        assert_eq!(written, expected);
    }

    #[test]
    fn a_split_table_is_a_file_per_year_in_year_order() {
        let column = |name: &str| Column {
            name: name.to_owned(),
            description: String::new(),
        };
        let rows = vec![
            vec![text("a"), Cell::Int(2023), Cell::Int(1)],
            vec![text("a"), Cell::Int(2022), Cell::Int(2)],
            vec![text("b"), Cell::Int(2023), Cell::Int(3)],
            vec![text("b"), Cell::Int(2021), Cell::Int(4)],
        ];
        let d = Dataset {
            slug: "commune-models",
            title: String::new(),
            description: String::new(),
            columns: vec![column("commune_id"), column("year"), column("count")],
            count: rows.len(),
            rows,
            files: Vec::new(),
        }
        .split_by_year();
        let files: Vec<(&str, Option<i64>, usize)> = d
            .files
            .iter()
            .map(|f| (f.name.as_str(), f.year, f.count))
            .collect();
        assert_eq!(
            files,
            [
                ("commune-models-2021", Some(2021), 1),
                ("commune-models-2022", Some(2022), 1),
                ("commune-models-2023", Some(2023), 2)
            ]
        );
        // A year's rows in the table's order; the JSON says its year.
        let csv = String::from_utf8(d.to_csv(&d.files[2])).unwrap();
        assert_eq!(
            csv,
            "\u{feff}commune_id,year,count\r\na,2023,1\r\nb,2023,3\r\n"
        );
        let json: serde_json::Value =
            serde_json::from_slice(&d.to_json(&d.files[0], &Site::default())).unwrap();
        assert_eq!(json["year"], 2021);
        assert_eq!(json["rows"], serde_json::json!([["b", 2021, 4]]));
    }
}
