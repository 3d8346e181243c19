//! An older year's communes in its full report: one table with a row per commune and a column
//! per model type and indicator, instead of a section per commune. The newest year's report
//! keeps its sections, which carry the communes' texts.

use serde::Serialize;

use super::Locale;
use super::cells::{Cell, cite_once, count_cell, indicator_cell};
use super::views::{CommuneOfYear, TablePage};
use crate::report::{Cite, Report};

/// The communes of one page of a year's full report, as a table.
#[derive(Serialize)]
pub struct YearTable<'a> {
    columns: Vec<Column<'a>>,
    rows: Vec<Row<'a>>,
    /// The source every figure of the table cites, cited once under it; `None`: each cell
    /// cites its own.
    source: Option<&'a Cite>,
}

/// A model type or an indicator.
#[derive(Serialize, Clone)]
struct Column<'a> {
    #[serde(skip)]
    id: &'a str,
    label: &'a str,
    /// Whether `label` is a translation, not the content's own words.
    translated: bool,
    unit: &'a str,
}

/// A commune and its figures of the year, one per column.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    full_name: &'a str,
    cells: Vec<Cell<'a>>,
}

/// The columns of an older year's table of communes.
pub struct Columns<'a> {
    columns: Vec<Column<'a>>,
    /// How many of them are model types (the rest are indicators).
    models: usize,
}

impl<'a> Columns<'a> {
    /// The figures any commune of `year` reports (`communes`: every commune of the year), a
    /// column each; `None` for the newest year, whose report has a section per commune.
    pub fn of(report: &'a Report, year: i64, communes: &[CommuneOfYear<'a>]) -> Option<Self> {
        if report.years.last().is_none_or(|y| y.year == year) {
            return None;
        }
        let with_figures = || communes.iter().filter(|c| c.has_figures);
        let mut columns: Vec<Column> = Vec::new();
        for m in &report.models {
            if with_figures().any(|c| c.models.iter().any(|cm| *cm.model.id == *m.id)) {
                columns.push(Column {
                    id: &m.id,
                    label: &m.name,
                    translated: false,
                    unit: &m.unit,
                });
            }
        }
        let models = columns.len();
        for i in &report.indicators {
            let reported = |c: &CommuneOfYear| {
                c.indicators
                    .iter()
                    .any(|f| f.indicator.id == i.id && f.reported.is_some())
            };
            if with_figures().any(reported) {
                columns.push(Column {
                    id: &i.id,
                    label: &i.name,
                    translated: i.translated,
                    unit: if i.kind == "money" { "" } else { &i.unit },
                });
            }
        }
        Some(Columns { columns, models })
    }
}

impl<'a> YearTable<'a> {
    /// The table of the communes of `part` (of the year's `communes`, in the report's order).
    pub fn of(
        columns: &Columns<'a>,
        communes: &[CommuneOfYear<'a>],
        part: &TablePage,
        t: &Locale,
    ) -> YearTable<'a> {
        let Columns { columns, models } = columns;
        let mut rows: Vec<Row> = communes
            .iter()
            .filter(|c| c.has_figures)
            .skip(part.from)
            .take(part.to - part.from)
            .map(|c| {
                let cells = columns
                    .iter()
                    .enumerate()
                    .map(|(at, column)| {
                        if at < *models {
                            let Some(m) = c.models.iter().find(|m| *m.model.id == *column.id)
                            else {
                                return Cell::default();
                            };
                            count_cell(m.count.as_ref(), t)
                        } else {
                            let Some(f) =
                                c.indicators.iter().find(|f| *f.indicator.id == *column.id)
                            else {
                                return Cell::default();
                            };
                            indicator_cell(&f.reported, f.indicator.kind, t)
                        }
                    })
                    .collect();
                Row {
                    id: c.id,
                    full_name: c.full_name,
                    cells,
                }
            })
            .collect();
        let source = cite_once(rows.iter_mut().flat_map(|r| &mut r.cells).collect());
        YearTable {
            columns: columns.iter().map(Column::clone).collect(),
            rows,
            source,
        }
    }
}
