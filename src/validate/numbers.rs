//! Every figure written in the communes' and the year files, as series over the years: one
//! series per figure of a record (a commune, or the area), each value with where it is
//! written. Year-to-year checks and the check of how numbers are written read them.

use std::collections::BTreeMap;

use serde_saphyr::Location;

use crate::load::{CampaignRecord, Figure, FigureMap, FigureValue, Project, SourceFile};

/// One value of a figure's series: the year, the value, and where it is written.
pub struct Point<'a> {
    pub year: i64,
    pub value: u64,
    pub file: &'a SourceFile,
    pub at: &'a Location,
}

/// The figures of one record (a commune, or the area) by name, each a series over years.
pub type Series<'a> = BTreeMap<String, Vec<Point<'a>>>;

/// The series of every commune, in the communes' order, then the area's; each series in
/// the order of its years.
pub fn series(project: &Project) -> Vec<Series<'_>> {
    let mut all = Vec::with_capacity(project.communes.len() + 1);
    for commune in &project.communes {
        let mut series = Series::new();
        let file = &commune.source;
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
                    push(&mut series, &m.model.value, point);
                }
            }
            campaign(&mut series, year, file, y.campaign.as_ref());
            figures(&mut series, year, file, &y.figures);
        }
        all.push(series);
    }
    let mut series = Series::new();
    for &(year, ref file) in &project.years {
        let y = &file.record;
        let source = &file.source;
        campaign(&mut series, year, source, y.campaign.as_ref());
        figures(&mut series, year, source, &y.figures);
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
                    push(&mut series, &name, point);
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

fn push<'a>(series: &mut Series<'a>, name: &str, point: Point<'a>) {
    series.entry(name.to_owned()).or_default().push(point);
}

fn campaign<'a>(
    series: &mut Series<'a>,
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
            push(series, id, point);
        }
    }
}

fn figures<'a>(series: &mut Series<'a>, year: i64, file: &'a SourceFile, map: &'a FigureMap) {
    for (id, value) in &map.0 {
        if let FigureValue::Number(f) = &value.value {
            let point = Point {
                year,
                value: f.value,
                file,
                at: f.value_at.as_ref().unwrap_or(&value.referenced),
            };
            push(series, &id.value, point);
        }
    }
}
