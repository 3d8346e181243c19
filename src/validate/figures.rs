//! Checks across figures: parts that exceed their whole, and city totals that disagree
//! with the sum over communes (a warning: communes may not have reported everything).

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::load::{CityModelRecord, Project, SourceFile};
use crate::messages as msg;

use super::at;

/// Largest count accepted; anything above is taken for a typing mistake.
pub const MAX_COUNT: u64 = 100_000_000;

/// A city total cannot be smaller than what was added to it during the year.
pub fn check_city_model(src: &SourceFile, m: &CityModelRecord, diagnostics: &mut Vec<Diagnostic>) {
    let Some(total) = &m.total else { return };
    let budget = m
        .city_budget
        .as_ref()
        .and_then(|b| b.count.as_ref())
        .map_or(0, |f| f.value.value);
    let community = m.community_funded.as_ref().map_or(0, |f| f.value.value);
    let new = m.new.as_ref().map_or(0, |f| f.value.value);
    let added = budget.saturating_add(community).max(new);
    if total.value.value < added {
        diagnostics.push(
            at(
                src,
                total,
                msg::TOTAL_BELOW_ADDED
                    .with("total", total.value.value)
                    .with("added", added),
            )
            .hint(&msg::TOTAL_HINT),
        );
    }
}

/// Warns where communes report more of a model than the city total, or where every commune
/// reports and the sum differs from the city total.
pub fn check_city_totals(project: &Project, diagnostics: &mut Vec<Diagnostic>) {
    // (year, model) → (sum over communes, number of communes reporting)
    let mut sums: BTreeMap<(i64, &str), (u64, usize)> = BTreeMap::new();
    for commune in &project.communes {
        for y in &commune.record.years {
            for m in &y.models {
                if let Some(count) = &m.count {
                    let entry = sums.entry((y.year.value, &m.model.value)).or_default();
                    entry.0 = entry.0.saturating_add(count.value.value);
                    entry.1 += 1;
                }
            }
        }
    }
    let communes = project.communes.len();
    for (year, file) in &project.years {
        for m in &file.record.models {
            let (Some(total), Some((sum, reporting))) =
                (&m.total, sums.get(&(*year, m.model.value.as_str())))
            else {
                continue;
            };
            let total_value = total.value.value;
            let message = if *sum > total_value {
                msg::COMMUNES_EXCEED_CITY.message()
            } else if *reporting == communes && *sum != total_value {
                msg::COMMUNES_SUM_DIFFERS.with("communes", communes)
            } else {
                continue;
            };
            let message = message
                .with("sum", sum)
                .with("model", &m.model.value)
                .with("year", year)
                .with("total", total_value);
            diagnostics.push(
                at(&file.source, total, message)
                    .hint(&msg::CITY_TOTALS_HINT)
                    .warning(),
            );
        }
    }
}
