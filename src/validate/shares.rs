//! A commune's figure far out of line with the others of its year, where no earlier year can
//! tell (a commune typing 120 for 12): more than `year_change.factor` times a commune's
//! average share of the area figure, or, without an area figure, of the middle value of the
//! other communes. Only for figures that add up over the communes (the campaign, model
//! counts, the project's indicators that `total:` says add up), and only above
//! `year_change.above`. A warning at the commune's figure.

use std::collections::BTreeMap;

use crate::catalogue::Catalogue;
use crate::diagnostic::Diagnostic;
use crate::load::{Project, TotalRule};
use crate::messages as msg;

use super::numbers::{Point, Series};

/// Fewer other communes reporting a figure than this say nothing about what is usual.
const FEWEST_OTHERS: usize = 4;

/// Warns about every commune figure far above its share. `all` is [`super::numbers::series`]:
/// the communes' series, then the area's.
pub fn check_commune_shares(
    project: &Project,
    catalogue: &Catalogue,
    all: &[Series],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some((area, communes)) = all.split_last() else {
        return;
    };
    let limits = project
        .site
        .as_ref()
        .map(|s| s.record.year_change)
        .unwrap_or_default();
    let models: Vec<String> = project
        .models
        .iter()
        .map(|m| m.record.resolved_id())
        .collect();
    // (figure, year) → every commune's point.
    let mut by_year: BTreeMap<(&str, i64), Vec<&Point>> = BTreeMap::new();
    for series in communes {
        for (name, points) in series {
            for p in points {
                by_year.entry((&**name, p.year)).or_default().push(p);
            }
        }
    }
    let count = communes.len() as u64;
    for ((name, year), points) in by_year {
        let area_name = if models.iter().any(|m| m == name) {
            format!("{name}.total")
        } else if catalogue
            .get(name)
            .is_some_and(|i| i.total != TotalRule::None)
        {
            name.to_owned()
        } else {
            continue;
        };
        let area_value = area
            .get(area_name.as_str())
            .and_then(|points| points.iter().find(|p| p.year == year))
            .map(|p| p.value);
        for (i, p) in points.iter().enumerate() {
            if p.value <= limits.above {
                continue;
            }
            let message = match area_value {
                // Above the area figure itself: the sums check says so.
                Some(area) if p.value <= area => {
                    if p.value.saturating_mul(count) <= area.saturating_mul(limits.factor) {
                        continue;
                    }
                    msg::FAR_ABOVE_AVERAGE
                        .with("area", area)
                        .with("communes", count)
                        .with("average", (area + count / 2) / count.max(1))
                }
                Some(_) => continue,
                None => {
                    let mut others: Vec<u64> = points
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| *j != i)
                        .map(|(_, o)| o.value)
                        .collect();
                    if others.len() < FEWEST_OTHERS {
                        continue;
                    }
                    others.sort_unstable();
                    let median = others[others.len() / 2];
                    if p.value <= median.saturating_mul(limits.factor) {
                        continue;
                    }
                    msg::FAR_ABOVE_OTHERS
                        .with("others", others.len())
                        .with("median", median)
                }
            };
            let message = message
                .with("name", name)
                .with("year", year)
                .with("value", p.value)
                .with("factor", limits.factor);
            diagnostics.push(
                p.file
                    .error_at_location(p.at, message)
                    .hint(msg::FAR_ABOVE_HINT.with("factor", limits.factor))
                    .warning(),
            );
        }
    }
}
