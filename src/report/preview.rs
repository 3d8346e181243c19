//! What `serve` shows of a saved commune before it checks the whole project again: the
//! commune modelled on its own, with what the last whole report knew of the others.

use std::collections::HashMap;
use std::sync::Arc;

use super::Report;
use super::build::{CommuneRecords, build_in};
use crate::load::{self, Project};

/// What a commune's page takes from the other communes of a report: the words for the
/// communes together, the years with figures, how many years the communes report in all
/// (which decides whether data files are split by year), and the names of namesakes told
/// apart. Kept by `serve` between builds to model a saved commune on its own; made of a few
/// allocations, so that keeping it does not scatter the heap the next build reuses.
pub struct Known {
    pub(super) units: load::UnitWords,
    all_years: Vec<i64>,
    commune_years: usize,
    /// Each commune's id and [`identity`], hashed, and its number of years; sorted.
    communes: Vec<(u64, u64, usize)>,
    /// The names (and names with their kind) of communes told apart from their namesakes, one
    /// after the other in `told_apart_names`: id hash, where the name starts, where the name
    /// with its kind starts, where it ends. Sorted.
    told_apart: Vec<(u64, usize, usize, usize)>,
    told_apart_names: String,
}

/// A hash of a commune's id, and a hash of its file's path (a new file copying another's id
/// is another commune) and of what other communes' pages and names depend on in it: its
/// name, kind, code and group.
fn identity(c: &load::Loaded<load::CommuneRecord>) -> (u64, u64) {
    let (path, c) = (&c.source.path, &c.record);
    let parts = (
        path,
        &c.name.value,
        c.kind.value.label(),
        c.code.as_ref().map(|t| t.value.as_str()),
        c.group.as_ref().map(|t| t.value.as_str()),
    );
    (hash_of(c.resolved_id().as_str()), hash_of(&parts))
}

fn hash_of<T: std::hash::Hash + ?Sized>(value: &T) -> u64 {
    use std::hash::Hasher;
    let mut hasher = std::hash::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

impl Known {
    /// What `report`, built from `project` (with its communes' records), knows.
    pub fn of(report: &Report, project: &Project) -> Known {
        let years: HashMap<u64, usize> = report
            .communes
            .iter()
            .map(|c| (hash_of(&*c.id), c.years.len()))
            .collect();
        let mut communes: Vec<(u64, u64, usize)> = project
            .communes
            .iter()
            .map(|c| {
                let (id, identity) = identity(c);
                (id, identity, years.get(&id).copied().unwrap_or_default())
            })
            .collect();
        communes.sort_unstable();
        let mut told_apart = Vec::new();
        let mut told_apart_names = String::new();
        // A namesake's tag is a parenthesis at the end of its names.
        for c in report.communes.iter().filter(|c| c.name.ends_with(')')) {
            let start = told_apart_names.len();
            told_apart_names.push_str(&c.name);
            let middle = told_apart_names.len();
            told_apart_names.push_str(&c.full_name);
            told_apart.push((hash_of(&*c.id), start, middle, told_apart_names.len()));
        }
        told_apart.sort_unstable();
        Known {
            units: report.site.units.clone(),
            all_years: report.all_years.clone(),
            commune_years: report.commune_years,
            communes,
            told_apart,
            told_apart_names,
        }
    }

    /// The number of years `commune` reported, if its file is the same commune as it was.
    fn years_of(&self, commune: &load::Loaded<load::CommuneRecord>) -> Option<usize> {
        let (id, identity) = identity(commune);
        let at = self
            .communes
            .partition_point(|&(i, d, _)| (i, d) < (id, identity));
        let &(i, d, years) = self.communes.get(at)?;
        ((i, d) == (id, identity)).then_some(years)
    }

    /// The names of commune `id` if it is told apart from namesakes.
    pub(super) fn told_apart(&self, id: &str) -> Option<(Arc<str>, Arc<str>)> {
        let hash = hash_of(id);
        let at = self.told_apart.partition_point(|&(h, ..)| h < hash);
        let &(h, start, middle, end) = self.told_apart.get(at)?;
        let names = &self.told_apart_names;
        (h == hash).then(|| (names[start..middle].into(), names[middle..end].into()))
    }
}

/// The report of a project holding only some of its communes (see
/// [`crate::load::load_communes_only`]), as far as those communes' pages go: they show as
/// in the whole report that `known` was taken from. `None` when a commune is new (or its
/// file is), or its name, kind, code or group changed (other communes' pages or names may
/// change with it), or its texts draw charts (a chart may compare it with the communes left
/// out).
pub fn build_preview(project: &Project, known: &Known) -> Option<Report> {
    let mut years_before = 0;
    for c in &project.communes {
        years_before += known.years_of(c)?;
        if draws_charts(&c.record) {
            return None;
        }
    }
    let mut report = build_in(
        project,
        CommuneRecords::Lent(&project.communes),
        None,
        Some(known),
    );
    let years_now: usize = report.communes.iter().map(|c| c.years.len()).sum();
    report.commune_years = known.commune_years - years_before + years_now;
    report.all_years = known.all_years.clone();
    report.latest_year = report.all_years.last().copied();
    Some(report)
}

/// Whether a text of commune `c` (its summary, its teams' narratives, its quotes) draws a chart.
fn draws_charts(c: &load::CommuneRecord) -> bool {
    let narratives = c.groups.iter().filter_map(|g| g.narrative.as_ref());
    let texts = (c.summary.iter().chain(narratives)).map(|t| t.value.as_str());
    let mut texts = texts.chain(c.quotes.iter().map(|q| q.text.as_str()));
    texts.any(|t| crate::chart_spec::chart_lines(t).next().is_some())
}
