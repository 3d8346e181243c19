//! Changes from one year to the next that are probably typing mistakes: a figure that grows
//! or falls more than `year_change.factor` times (default 5), or from 0, when the larger value
//! is above `year_change.above` (default 20). Each is a warning at the later figure: the
//! officer checks it, and `diff` shows it to the reviewer.

use crate::diagnostic::Diagnostic;
use crate::load::{Project, YearChange};
use crate::messages as msg;

use super::numbers::Series;

/// Warns about every figure, of the communes and of the area, that changes implausibly from
/// the year before it.
pub fn check_year_changes(project: &Project, all: &[Series], diagnostics: &mut Vec<Diagnostic>) {
    let limits = project
        .site
        .as_ref()
        .map(|s| s.record.year_change)
        .unwrap_or_default();
    for series in all {
        warn(series, limits, diagnostics);
    }
}

fn warn(series: &Series, limits: YearChange, diagnostics: &mut Vec<Diagnostic>) {
    for (name, points) in series {
        for pair in points.windows(2) {
            let [before, after] = pair else { continue };
            if before.year == after.year || !implausible(before.value, after.value, limits) {
                continue;
            }
            let message = msg::IMPLAUSIBLE_CHANGE
                .with("name", name)
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
