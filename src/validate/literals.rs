//! Numbers must be written with the digits 0–9 only: YAML also reads `0x17`, `0o27`, `2_3`,
//! `+23` and `"2023"` (as a year) as numbers, which a reader of the file would not take for
//! the figure the site then publishes.

use crate::load::{Location, Spanned};

use crate::diagnostic::Diagnostic;
use crate::load::{Count, Figure, FigureMap, FigureValue, Project, SourceFile, literal_message};

use super::numbers::Series;

/// Errors for every figure, ratio, year and member count that is not plain digits.
pub fn check_literals(project: &Project, all: &[Series], diagnostics: &mut Vec<Diagnostic>) {
    for series in all {
        for point in series.values().flatten() {
            check(point.file, point.at, point.value, diagnostics);
        }
    }
    for commune in &project.communes {
        let file = &commune.source;
        for y in &commune.record.years {
            if let Ok(value) = u64::try_from(y.year.value) {
                check(file, &y.year.referenced, value, diagnostics);
            }
            if let Some(v) = y.attainment.as_ref().and_then(|a| a.villages.as_ref()) {
                ratio(file, &v.safe, &v.total, diagnostics);
            }
            ratios(file, &y.figures, diagnostics);
        }
        for group in &commune.record.groups {
            if let Some(members) = &group.members {
                let at = Figure::value_location(members);
                check(file, at, members.value.value, diagnostics);
            }
        }
    }
    for (_, year) in &project.years {
        let file = &year.source;
        if let Some(a) = &year.record.attainment {
            for r in [&a.communes, &a.villages, &a.agencies]
                .into_iter()
                .flatten()
            {
                ratio(file, &r.safe, &r.total, diagnostics);
            }
        }
        ratios(file, &year.record.figures, diagnostics);
    }
}

fn ratios(file: &SourceFile, map: &FigureMap, diagnostics: &mut Vec<Diagnostic>) {
    for (_, value) in &map.0 {
        if let FigureValue::Ratio { safe, total, .. } = &value.value {
            ratio(file, safe, total, diagnostics);
        }
    }
}

fn ratio(
    file: &SourceFile,
    safe: &Spanned<Count>,
    total: &Spanned<Count>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for part in [safe, total] {
        check(file, &part.referenced, part.value.0, diagnostics);
    }
}

/// An error when the number read as `value` at `at` is not written as plain digits.
fn check(file: &SourceFile, at: &Location, value: u64, diagnostics: &mut Vec<Diagnostic>) {
    let Some(raw) = file.scalar_at(at) else {
        return;
    };
    if let Some((message, hint)) = literal_message(raw, Some(value)) {
        let diagnostic = file.error_at_location(at, message);
        diagnostics.push(match hint {
            Some(hint) => diagnostic.hint(hint),
            None => diagnostic,
        });
    }
}
