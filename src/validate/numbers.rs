//! Every figure written in the communes' and the year files, as series over the years: one
//! series per figure of a record (a commune, or the area), each value with where it is
//! written. Year-to-year checks and the check of how numbers are written read them.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::load::Location;

use crate::load::{CampaignRecord, Figure, FigureMap, FigureValue, Project, SourceFile};

/// One value of a figure's series: the year, the value, and where it is written.
pub struct Point<'a> {
    pub year: i64,
    pub value: u64,
    pub file: &'a SourceFile,
    pub at: &'a Location,
}

/// The figures of one record (a commune, or the area) by name, each a series over years.
pub type Series<'a> = BTreeMap<Cow<'a, str>, Vec<Point<'a>>>;

/// The series of every commune, in the communes' order, then the area's; each series in
/// the order of its years.
pub fn series<'a>(project: &'a Project) -> Vec<Series<'a>> {
    let mut all = Vec::with_capacity(project.communes.len() + 1);
    for commune in &project.communes {
        let mut series = Series::new();
        let file = &commune.source;
        let years = commune.record.years.len();
        let mut add = |name: &'a str, point| push(&mut series, name.into(), point, years);
        for y in &commune.record.years {
            let year = y.year.value;
            for m in &y.models {
                if let Some(count) = &m.count {
                    let point = Point {
                        year,
                        value: count.value.value,
                        file,
                        at: Figure::value_location(count),
                    };
                    add(&m.model.value, point);
                }
            }
            campaign(&mut add, year, file, y.campaign.as_ref());
            figures(&mut add, year, file, &y.figures);
        }
        all.push(series);
    }
    let mut series = Series::new();
    let years = project.years.len();
    for &(year, ref file) in &project.years {
        let y = &file.record;
        let source = &file.source;
        let mut push_named = |name: &'a str, point| push(&mut series, name.into(), point, years);
        campaign(&mut push_named, year, source, y.campaign.as_ref());
        figures(&mut push_named, year, source, &y.figures);
        for m in &y.models {
            let budget = m.city_budget.as_ref();
            for (part, figure) in [
                ("total", m.total.as_ref()),
                ("new", m.new.as_ref()),
                ("community_funded", m.community_funded.as_ref()),
                ("city_budget.count", budget.and_then(|b| b.count.as_ref())),
                (
                    "city_budget.locations",
                    budget.and_then(|b| b.locations.as_ref()),
                ),
                (
                    "city_budget.value_vnd",
                    budget.and_then(|b| b.value_vnd.as_ref()),
                ),
            ] {
                if let Some(f) = figure {
                    let name = format!("{}.{part}", m.model.value);
                    let point = Point {
                        year,
                        value: f.value.value,
                        file: source,
                        at: Figure::value_location(f),
                    };
                    push(&mut series, name.into(), point, years);
                }
            }
        }
    }
    all.push(series);
    for series in &mut all {
        for points in series.values_mut() {
            points.sort_by_key(|p| p.year);
        }
    }
    all
}

/// Adds `point` to the series `name`, made with room for the record's `years`.
fn push<'a>(series: &mut Series<'a>, name: Cow<'a, str>, point: Point<'a>, years: usize) {
    series
        .entry(name)
        .or_insert_with(|| Vec::with_capacity(years))
        .push(point);
}

fn campaign<'a>(
    push: &mut impl FnMut(&'a str, Point<'a>),
    year: i64,
    file: &'a SourceFile,
    campaign: Option<&'a CampaignRecord>,
) {
    for (id, figure) in campaign.iter().flat_map(|c| c.figures()) {
        if let Some(f) = figure {
            let point = Point {
                year,
                value: f.value.value,
                file,
                at: Figure::value_location(f),
            };
            push(id, point);
        }
    }
}

fn figures<'a>(
    push: &mut impl FnMut(&'a str, Point<'a>),
    year: i64,
    file: &'a SourceFile,
    map: &'a FigureMap,
) {
    for (id, value) in &map.0 {
        if let FigureValue::Number(f) = &value.value {
            let point = Point {
                year,
                value: f.value,
                file,
                at: f.value_at().unwrap_or(&value.referenced),
            };
            push(&id.value, point);
        }
    }
}
