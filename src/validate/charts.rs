//! Chart calls written in Markdown (`{{ chart(kind=…) }}` on a line of their own) must name
//! a known kind, model type, commune, group and year.

use std::collections::BTreeSet;

use crate::catalogue::Catalogue;
use crate::chart_spec::{ChartKind, ChartSpec, chart_lines};
use crate::diagnostic::Diagnostic;
use crate::load::{Project, SourceFile};
use crate::messages::{self as msg, Message};

/// Checks every chart call in every Markdown text of the project.
pub fn check_chart_calls(
    project: &Project,
    models: &BTreeSet<String>,
    catalogue: &Catalogue,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let communes: BTreeSet<String> = project
        .communes
        .iter()
        .map(|c| c.record.resolved_id())
        .collect();
    let groups: BTreeSet<String> = project
        .commune_groups
        .iter()
        .map(|g| g.group_id())
        .collect();
    let years: BTreeSet<i64> = project.years.iter().map(|(y, _)| *y).collect();
    let known = Known {
        catalogue,
        models,
        communes: &communes,
        groups: &groups,
        years: &years,
    };
    for text in super::markdown::markdown_texts(project) {
        for (i, result) in chart_lines(text.text) {
            known.check(text.src, text.first_line + i as u32, result, diagnostics);
        }
    }
}

struct Known<'a> {
    catalogue: &'a Catalogue,
    models: &'a BTreeSet<String>,
    communes: &'a BTreeSet<String>,
    groups: &'a BTreeSet<String>,
    years: &'a BTreeSet<i64>,
}

impl Known<'_> {
    fn check(
        &self,
        src: &SourceFile,
        line: u32,
        result: Result<ChartSpec, String>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let column = src
            .text
            .lines()
            .nth(line.saturating_sub(1) as usize)
            .map_or(1, |l| {
                l.find("{{")
                    .map_or(1, |c| l[..c].chars().count() as u32 + 1)
            });
        let problem = match result {
            Err(e) => Some(Message::text(e)),
            Ok(spec) => self.problem(&spec),
        };
        if let Some(problem) = problem {
            diagnostics.push(
                src.error_at(
                    line,
                    column,
                    msg::CHART_INVALID.with_message("problem", problem),
                )
                .hint(&msg::CHART_HINT),
            );
        }
    }

    fn problem(&self, spec: &ChartSpec) -> Option<Message> {
        if let Some(model) = &spec.model
            && !self.models.contains(model)
        {
            return Some(msg::UNKNOWN_MODEL.with("model", model));
        }
        if let Some(id) = &spec.indicator
            && self.catalogue.own().all(|i| *i.id != **id)
        {
            return Some(msg::UNKNOWN_INDICATOR.with("id", id));
        }
        if let Some(commune) = &spec.commune
            && !self.communes.contains(commune)
        {
            return Some(msg::UNKNOWN_COMMUNE.with("commune", commune));
        }
        if let Some(group) = &spec.group
            && !self.groups.contains(group)
        {
            return Some(msg::GROUP_UNKNOWN.with("id", group));
        }
        match spec.year {
            Some(year) if spec.kind == ChartKind::Attainment && !self.years.contains(&year) => {
                Some(msg::NO_YEAR_FILE.with("year", year))
            }
            Some(year) if !super::YEARS.contains(&year) => {
                Some(msg::CHART_YEAR_OUT_OF_RANGE.with("year", year))
            }
            _ => None,
        }
    }
}
