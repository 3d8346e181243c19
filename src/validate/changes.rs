//! Changes from one year to the next that are probably typing mistakes: a figure that grows
//! or falls more than `year_change.factor` times (default 5), or from 0, when the larger value
//! is above `year_change.above` (default 20). Each is a warning at the later figure: the
//! officer checks it, and `diff` shows it to the reviewer.

use std::collections::BTreeMap;

use serde_saphyr::Location;

use crate::diagnostic::Diagnostic;
use crate::load::{CampaignRecord, FigureMap, FigureValue, Project, SourceFile, YearChange};
use crate::messages as msg;

/// One value of a figure's series: the year, the value, and where it is written.
struct Point<'a> {
    year: i64,
    value: u64,
    file: &'a SourceFile,
    at: &'a Location,
}

/// The figures of one record (a commune, or the area) by name, each a series over years.
type Series<'a> = BTreeMap<String, Vec<Point<'a>>>;

/// Warns about every figure, of the communes and of the area, that changes implausibly from
/// the year before it.
pub fn check_year_changes(project: &Project, diagnostics: &mut Vec<Diagnostic>) {
    let limits = project
        .site
        .as_ref()
        .map(|s| s.record.year_change)
        .unwrap_or_default();
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
                        at: &count.referenced,
                    };
                    push(&mut series, &m.model.value, point);
                }
            }
            campaign(&mut series, year, file, y.campaign.as_ref());
            figures(&mut series, year, file, &y.figures);
        }
        warn(series, limits, diagnostics);
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
                        at: &f.referenced,
                    };
                    push(&mut series, &name, point);
                }
            }
        }
    }
    warn(series, limits, diagnostics);
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
                at: &f.referenced,
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
                at: &value.referenced,
            };
            push(series, &id.value, point);
        }
    }
}

fn warn(series: Series, limits: YearChange, diagnostics: &mut Vec<Diagnostic>) {
    for (name, mut points) in series {
        points.sort_by_key(|p| p.year);
        for pair in points.windows(2) {
            let [before, after] = pair else { continue };
            if before.year == after.year || !implausible(before.value, after.value, limits) {
                continue;
            }
            let message = msg::IMPLAUSIBLE_CHANGE
                .with("name", &name)
                .with("before", before.value)
                .with("before_year", before.year)
                .with("after", after.value)
                .with("year", after.year);
            diagnostics.push(
                after
                    .file
                    .error_at_location(after.at, message)
                    .hint(msg::IMPLAUSIBLE_CHANGE_HINT.with("factor", limits.factor))
                    .warning(),
            );
        }
    }
}

/// Whether going from `before` to `after` is more than `factor` times up or down (or from or
/// to 0), with the larger value above `above`.
fn implausible(before: u64, after: u64, limits: YearChange) -> bool {
    let (small, large) = (before.min(after), before.max(after));
    large > limits.above && small.saturating_mul(limits.factor.max(1)) < large
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_jumps_warn_and_small_numbers_do_not() {
        let limits = YearChange::default();
        assert!(implausible(23, 2300, limits));
        assert!(implausible(120, 12, limits));
        assert!(implausible(0, 25, limits));
        assert!(!implausible(0, 20, limits), "20 is not above 20");
        assert!(!implausible(2, 11, limits), "small numbers");
        assert!(!implausible(100, 500, limits), "exactly 5 times");
        assert!(implausible(100, 501, limits));
        assert!(!implausible(953, 905, limits));
        let strict = YearChange {
            factor: 2,
            above: 0,
        };
        assert!(implausible(1, 3, strict));
    }
}
