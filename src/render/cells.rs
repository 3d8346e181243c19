//! A figure as a cell of a table: written the site's way, with its citation, or "no data".

use serde::Serialize;

use super::Locale;
use crate::report::{Cite, Fig, Ratio, Reported};

/// One figure in a table; all empty: not listed there. Templates see only the fields that
/// are set (a table of a commune's years has a hundred cells a page; a missing field reads
/// as false).
#[derive(Serialize, Default)]
pub struct Cell<'a> {
    /// The value written the site's way: "1.494", "12/14 (85,7%)".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// A text reported instead of a number (content).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    /// Listed without a figure.
    #[serde(skip_serializing_if = "is_false")]
    pub nodata: bool,
    /// A model type listed as running, without a count.
    #[serde(skip_serializing_if = "is_false")]
    pub running: bool,
    /// Its citation, when the table has no common one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a Cite>,
    /// Whether it is a figure that cites a source (a text or a yes/no does not).
    #[serde(skip)]
    pub cites: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// A figure written by `written`, or "no data".
pub fn fig_cell<'a>(fig: Option<&'a Fig>, written: impl Fn(&Fig) -> String) -> Cell<'a> {
    match fig {
        Some(f) => Cell {
            value: Some(written(f)),
            source: f.source.as_ref(),
            cites: true,
            ..Cell::default()
        },
        None => Cell {
            nodata: true,
            ..Cell::default()
        },
    }
}

/// "12/14 (85,7%)".
pub fn ratio_cell<'a>(ratio: &'a Ratio, t: &Locale) -> Cell<'a> {
    let n = |v: u64| t.numbers.int(v as i64);
    let share = t
        .numbers
        .percent(ratio.safe as f64, ratio.total as f64)
        .unwrap_or_else(|| "–".into());
    Cell {
        value: Some(format!("{}/{} ({share})", n(ratio.safe), n(ratio.total))),
        source: ratio.source.as_ref(),
        cites: true,
        ..Cell::default()
    }
}

/// An indicator's value: a number, a ratio, a text, or "no data".
fn reported_cell<'a>(
    reported: &'a Reported,
    written: impl Fn(&Fig) -> String,
    t: &Locale,
) -> Cell<'a> {
    match (&reported.fig, &reported.ratio, &reported.text) {
        (Some(f), _, _) => fig_cell(Some(f), written),
        (_, Some(r), _) => ratio_cell(r, t),
        (_, _, Some(text)) => Cell {
            text: Some(text),
            ..Cell::default()
        },
        _ => fig_cell(None, written),
    }
}

/// The source every cell with a figure cites, if they all cite one and the same.
pub fn common_source<'a, 'c>(cells: impl Iterator<Item = &'c Cell<'a>>) -> Option<&'a Cite>
where
    'a: 'c,
{
    one_source(cells.filter(|c| c.cites).map(|c| c.source))
}

/// The source every one of `cells` cites, if one: then taken out of the cells, to be cited
/// once for them all.
pub fn cite_once<'a, 'c>(cells: Vec<&'c mut Cell<'a>>) -> Option<&'a Cite>
where
    'a: 'c,
{
    let source = common_source(cells.iter().map(|c| &**c));
    if source.is_some() {
        for cell in cells {
            cell.source = None;
        }
    }
    source
}

/// A model type's count in a commune: the number, or "running; no data".
pub fn count_cell<'a>(count: Option<&'a Fig>, t: &Locale) -> Cell<'a> {
    let mut cell = fig_cell(count, |f| t.numbers.int(f.value as i64));
    cell.running = cell.nodata;
    cell
}

/// An indicator's value of `kind` (`money` is written in đồng with scale words).
pub fn indicator_cell<'a>(reported: &'a Reported, kind: &str, t: &Locale) -> Cell<'a> {
    let written = |f: &Fig| match kind {
        "money" => t.numbers.money(f.value),
        _ => t.numbers.int(f.value as i64),
    };
    reported_cell(reported, written, t)
}

/// The source every figure cites, given each figure's citation (`None`: a figure without
/// one), if they all cite one and the same.
pub fn one_source<'a>(cites: impl IntoIterator<Item = Option<&'a Cite>>) -> Option<&'a Cite> {
    let mut one: Option<&Cite> = None;
    for cite in cites {
        match (cite, one) {
            (None, _) => return None,
            (Some(c), None) => one = Some(c),
            (Some(c), Some(o)) if c.id == o.id => {}
            _ => return None,
        }
    }
    one
}
