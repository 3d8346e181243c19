//! A commune's figures of every year in one table: rows are figures, columns are years
//! (oldest first), each row with a small line of its trend. The commune page shows it instead
//! of a section, a table and a chart per year when the commune reports two years or more.

use serde::Serialize;

use super::Locale;
use super::cells::{Cell, cite_once, count_cell, fig_cell, indicator_cell, ratio_cell};
use super::charts::trend;
use crate::report::{Cite, Commune, Fig};

/// The table of a commune's figures by year.
#[derive(Serialize)]
pub struct History<'a> {
    /// The columns, oldest first.
    years: Vec<i64>,
    rows: Vec<HistoryRow<'a>>,
    /// The source every figure of the table cites, cited once under it; `None`: each cell
    /// cites its own.
    source: Option<&'a Cite>,
    /// What the years say beside their figures.
    notes: Vec<HistoryNote<'a>>,
}

/// One figure over the years.
#[derive(Serialize)]
struct HistoryRow<'a> {
    label: &'a str,
    /// Whether `label` is the interface's words or a translation, not the content's own.
    translated: bool,
    /// The figure's page, from the site root: `models/camera-an-ninh.html`.
    link: Option<String>,
    unit: &'a str,
    /// One per year of `years`.
    cells: Vec<Cell<'a>>,
    /// The values as a line (SVG), when two years or more have a number.
    trend: Option<String>,
}

/// A note of a year: "2022 · Camera an ninh: …".
#[derive(Serialize)]
struct HistoryNote<'a> {
    year: i64,
    /// The figure it is about; none for a note on the whole year.
    label: Option<&'a str>,
    translated: bool,
    text: &'a str,
}

/// A row while the years are gathered.
struct Gathering<'a> {
    key: String,
    row: HistoryRow<'a>,
    /// The numbers of the trend, by column.
    values: Vec<Option<u64>>,
    /// Kept even with no figure in any year (a model listed as running, an indicator or a
    /// campaign figure that says "no data").
    keep_empty: bool,
}

/// The rows of the table while the years are gathered.
struct Rows<'a> {
    columns: usize,
    rows: Vec<Gathering<'a>>,
}

impl<'a> Rows<'a> {
    /// The row `key`, made by `make` the first time.
    fn row(&mut self, key: &str, make: impl FnOnce() -> HistoryRow<'a>) -> &mut Gathering<'a> {
        let at = match self.rows.iter().position(|g| g.key == key) {
            Some(at) => at,
            None => {
                let mut row = make();
                row.cells = (0..self.columns).map(|_| Cell::default()).collect();
                self.rows.push(Gathering {
                    key: key.to_owned(),
                    row,
                    values: vec![None; self.columns],
                    keep_empty: false,
                });
                self.rows.len() - 1
            }
        };
        &mut self.rows[at]
    }
}

impl<'a> Gathering<'a> {
    /// Puts `cell` in `column`, and its number in the trend.
    fn set(&mut self, column: usize, cell: Cell<'a>, value: Option<u64>) {
        self.row.cells[column] = cell;
        self.values[column] = value;
    }
}

impl<'a> History<'a> {
    /// The table of `commune`, worded and numbered by `t`; `None` when it has fewer than two
    /// years.
    pub fn of(commune: &'a Commune, t: &'a Locale) -> Option<History<'a>> {
        if commune.years.len() < 2 {
            return None;
        }
        let numbers = t.numbers;
        let count = |f: &Fig| numbers.int(f.value as i64);
        let columns = commune.years.len();
        let mut rows = Rows {
            columns,
            rows: Vec::new(),
        };
        let mut notes = Vec::new();
        // `commune.years` is newest first; columns go oldest first.
        for (column, y) in commune.years.iter().rev().enumerate() {
            let mut note = |label: Option<&'a str>, translated: bool, text: Option<&'a str>| {
                if let Some(text) = text {
                    notes.push(HistoryNote {
                        year: y.year,
                        label,
                        translated,
                        text,
                    });
                }
            };
            for m in &y.models {
                let id = &*m.model.id;
                let row = rows.row(&format!("models/{id}"), || HistoryRow {
                    label: &m.model.name,
                    translated: false,
                    link: Some(format!("models/{id}.html")),
                    unit: &m.model.unit,
                    cells: Vec::new(),
                    trend: None,
                });
                row.keep_empty = true;
                let cell = count_cell(m.count.as_ref(), t);
                row.set(column, cell, value(m.count.as_ref()));
                note(Some(&m.model.name), false, m.note.as_deref());
                note(Some(&m.model.name), false, fig_note(m.count.as_ref()));
            }
            if let Some(safe) = y.commune_safe {
                let label = t.get("commune_safe");
                let row = rows.row("commune_safe", || plain_row(label));
                let answer = t.get(if safe { "safe_yes" } else { "safe_no" });
                let cell = Cell {
                    value: Some(answer.to_owned()),
                    ..Cell::default()
                };
                row.set(column, cell, None);
            }
            if let Some(villages) = &y.villages {
                let label = t.get("villages_safe");
                let row = rows.row("villages_safe", || plain_row(label));
                row.set(column, ratio_cell(villages, t), None);
            }
            if let Some(campaign) = &y.campaign {
                for (id, fig) in &campaign.figures {
                    let label = t.get(id);
                    let row = rows.row(&format!("campaign/{id}"), || plain_row(label));
                    // Pilot areas are only shown where given, as on the campaign's pages.
                    row.keep_empty = &**id != "focus_areas";
                    row.set(column, fig_cell(fig.as_ref(), count), value(fig.as_ref()));
                    note(Some(label), true, fig_note(fig.as_ref()));
                }
                for (id, text) in &campaign.notes {
                    note(Some(t.get(id)), true, text.as_deref());
                }
            }
            for f in &y.indicators {
                let indicator = &f.indicator;
                let money = indicator.kind == "money";
                let row = rows.row(&format!("indicators/{}", indicator.id), || HistoryRow {
                    label: &indicator.name,
                    translated: indicator.translated,
                    link: Some(format!("indicators/{}.html", indicator.id)),
                    unit: if money { "" } else { &indicator.unit },
                    cells: Vec::new(),
                    trend: None,
                });
                let fig = f.reported.fig.as_ref();
                row.keep_empty = true;
                let cell = indicator_cell(&f.reported, indicator.kind, t);
                row.set(column, cell, value(fig));
                note(Some(&indicator.name), indicator.translated, fig_note(fig));
            }
            note(None, false, y.note.as_deref());
        }
        let mut rows: Vec<Gathering> = rows
            .rows
            .into_iter()
            .filter(|g| {
                g.keep_empty
                    || g.row
                        .cells
                        .iter()
                        .any(|c| c.value.is_some() || c.text.is_some())
            })
            .collect();
        let source = cite_once(rows.iter_mut().flat_map(|g| &mut g.row.cells).collect());
        for g in &mut rows {
            g.row.trend = trend::svg(&g.values);
        }
        Some(History {
            years: commune.years.iter().rev().map(|y| y.year).collect(),
            rows: rows.into_iter().map(|g| g.row).collect(),
            source,
            notes,
        })
    }
}

/// A row named in the interface's words, without a page of its own.
fn plain_row(label: &str) -> HistoryRow<'_> {
    HistoryRow {
        label,
        translated: true,
        link: None,
        unit: "",
        cells: Vec::new(),
        trend: None,
    }
}

fn value(fig: Option<&Fig>) -> Option<u64> {
    fig.map(|f| f.value)
}

fn fig_note(fig: Option<&Fig>) -> Option<&str> {
    fig.and_then(Fig::note)
}
