//! Checks across figures: parts that exceed their whole, and city totals that disagree
//! with the sum over communes (a warning: communes may not have reported everything).

use std::collections::BTreeMap;

use crate::catalogue::Catalogue;
use crate::diagnostic::Diagnostic;
use crate::load::{CityModelRecord, FigureValue, Project, Ratio, SourceFile, TotalRule};
use crate::messages::{self as msg, Message};

use super::at;

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

/// Warns where the communes' figures of an indicator that adds up (`total: sum` or
/// `at_least` in the catalogue) disagree with the area's figure of the same year: more than
/// it, or, for `sum`, different from it when every commune reports.
pub fn check_area_totals(
    project: &Project,
    catalogue: &Catalogue,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let adds_up = |id: &str| {
        catalogue
            .get(id)
            .is_some_and(|i| i.total != TotalRule::None && i.for_communes() && i.for_area())
    };
    // (year, id) → (sum over communes, number of communes reporting)
    let mut sums: BTreeMap<(i64, &str), (u64, usize)> = BTreeMap::new();
    fn add<'a>(
        sums: &mut BTreeMap<(i64, &'a str), (u64, usize)>,
        year: i64,
        id: &'a str,
        value: u64,
    ) {
        let entry = sums.entry((year, id)).or_default();
        entry.0 = entry.0.saturating_add(value);
        entry.1 += 1;
    }
    for commune in &project.communes {
        for y in &commune.record.years {
            let campaign = y.campaign.as_ref().map(|c| c.figures());
            for (id, f) in campaign.iter().flatten() {
                if let Some(f) = f
                    && adds_up(id)
                {
                    add(&mut sums, y.year.value, id, f.value.value);
                }
            }
            for (id, value) in &y.figures.0 {
                if let FigureValue::Number(f) = &value.value
                    && adds_up(&id.value)
                {
                    add(&mut sums, y.year.value, &id.value, f.value);
                }
            }
        }
    }
    let communes = project.communes.len();
    for (year, file) in &project.years {
        let y = &file.record;
        // (id, area figure, where it is written)
        let mut area: Vec<(&str, u64, &crate::load::Location)> = Vec::new();
        for (id, f) in y.campaign.iter().flat_map(|c| c.figures()) {
            if let Some(f) = f {
                area.push((id, f.value.value, &f.referenced));
            }
        }
        for (id, value) in &y.figures.0 {
            if let FigureValue::Number(f) = &value.value {
                area.push((&id.value, f.value, &value.referenced));
            }
        }
        for (id, total, place) in area {
            let Some(indicator) = catalogue.get(id).filter(|_| adds_up(id)) else {
                continue;
            };
            let Some((sum, reporting)) = sums.get(&(*year, id)) else {
                continue;
            };
            let message = if *sum > total {
                msg::COMMUNES_EXCEED_AREA.message()
            } else if indicator.total == TotalRule::Sum && *reporting == communes && *sum != total {
                msg::COMMUNES_SUM_DIFFERS_AREA.with("communes", communes)
            } else {
                continue;
            };
            let message = message
                .with("sum", sum)
                .with("id", id)
                .with("year", year)
                .with("total", total);
            diagnostics.push(
                file.source
                    .error_at_location(place, message)
                    .hint(&msg::AREA_TOTALS_HINT)
                    .warning(),
            );
        }
    }
}

/// Warns where the communes' attainment of "An toàn về ANTT" cannot be the area's: more
/// communes attained (or did not) than the area's `communes` ratio allows, or villages whose
/// parts (attained, not attained, all) add up to more than the area's, or, when every commune
/// reports, to something else.
pub fn check_attainment(project: &Project, diagnostics: &mut Vec<Diagnostic>) {
    #[derive(Default)]
    struct Sums {
        attained: u64,
        not_attained: u64,
        villages_safe: u64,
        villages_total: u64,
        villages_reporting: usize,
    }
    let mut sums: BTreeMap<i64, Sums> = BTreeMap::new();
    for commune in &project.communes {
        for y in &commune.record.years {
            let Some(a) = &y.attainment else { continue };
            let sum = sums.entry(y.year.value).or_default();
            match a.commune.as_ref().map(|c| c.value) {
                Some(true) => sum.attained += 1,
                Some(false) => sum.not_attained += 1,
                None => {}
            }
            if let Some(v) = &a.villages {
                sum.villages_safe += v.safe.value.0;
                sum.villages_total += v.total.value.0;
                sum.villages_reporting += 1;
            }
        }
    }
    let communes = project.communes.len();
    for (year, file) in &project.years {
        let (Some(area), Some(sum)) = (&file.record.attainment, sums.get(year)) else {
            continue;
        };
        let mut warn = |ratio: &Ratio, message: Message| {
            let message = message
                .with("year", year)
                .with("safe", ratio.safe.value.0)
                .with("total", ratio.total.value.0);
            diagnostics.push(
                at(&file.source, &ratio.safe, message)
                    .hint(&msg::AREA_TOTALS_HINT)
                    .warning(),
            );
        };
        if let Some(ratio) = &area.communes {
            let (safe, total) = (ratio.safe.value.0, ratio.total.value.0);
            if sum.attained > safe {
                warn(
                    ratio,
                    msg::ATTAINED_COMMUNES_EXCEED.with("count", sum.attained),
                );
            } else if sum.not_attained > total.saturating_sub(safe) {
                let message = msg::NOT_ATTAINED_COMMUNES_EXCEED
                    .with("count", sum.not_attained)
                    .with("left", total.saturating_sub(safe));
                warn(ratio, message);
            }
        }
        if let Some(ratio) = &area.villages {
            let (safe, total) = (ratio.safe.value.0, ratio.total.value.0);
            let not_safe = sum.villages_total.saturating_sub(sum.villages_safe);
            let message = if sum.villages_safe > safe
                || sum.villages_total > total
                || not_safe > total.saturating_sub(safe)
            {
                msg::VILLAGES_EXCEED_AREA.message()
            } else if sum.villages_reporting == communes
                && (sum.villages_safe, sum.villages_total) != (safe, total)
            {
                msg::VILLAGES_DIFFER_AREA.with("communes", communes)
            } else {
                continue;
            };
            let message = message
                .with("sum_safe", sum.villages_safe)
                .with("sum_total", sum.villages_total);
            warn(ratio, message);
        }
    }
}
