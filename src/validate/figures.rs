//! Checks across figures: parts that exceed their whole, and city totals that disagree
//! with the sum over communes (a warning: communes may not have reported everything).

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::load::{CityModelRecord, Project, SourceFile};

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
    let added = (budget + community).max(new);
    if total.value.value < added {
        diagnostics.push(
            at(
                src,
                total,
                format!(
                    "the total ({}) is smaller than what was added this year ({added})",
                    total.value.value
                ),
            )
            .hint("`total` is the count at the end of the year, including what was added"),
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
                    entry.0 += count.value.value;
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
                format!(
                    "the communes report {sum} for `{}` in {year}, more than the city total {total_value}",
                    m.model.value
                )
            } else if *reporting == communes && *sum != total_value {
                format!(
                    "all {communes} communes report `{}` in {year}; their sum {sum} differs from the city total {total_value}",
                    m.model.value
                )
            } else {
                continue;
            };
            diagnostics.push(
                at(&file.source, total, message)
                    .hint("check the city total and the communes' figures for this year")
                    .warning(),
            );
        }
    }
}
