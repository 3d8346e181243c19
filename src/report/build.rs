//! Builds the [`Report`] from a project that passed validation.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;

use super::*;
use crate::catalogue::{self, Catalogue};
use crate::load::{self, FigureMap, FigureValue, Project, Spanned, Text};
use crate::text::{NumberFormat, collation_key};

/// Turns a validated project into the report model.
pub fn build(project: &Project) -> Report {
    build_in(project, CommuneRecords::Lent(&project.communes), None, None)
}

/// Like [`build`], taking the communes' records out of `project` and freeing them, on a
/// thread of their own, as soon as the communes are modelled: the rest of the model and the
/// pages are made while they go. (Freeing each record as its commune is modelled kept peak
/// memory lower still, but the model then filled the freed holes and the build was 20%
/// slower.)
pub fn build_freeing(project: &mut Project) -> Report {
    let communes = std::mem::take(&mut project.communes);
    build_in(project, CommuneRecords::Given(communes), None, None)
}

/// The report model of the project's translation into `language` (one of `translations:`
/// in `site.yaml`): the same content, an interface in `language`, published in the folder
/// named by its code.
pub fn build_translation(project: &Project, language: crate::language::Language) -> Report {
    build_in(
        project,
        CommuneRecords::Lent(&project.communes),
        Some(language),
        None,
    )
}

/// The communes' parsed records, lent by the project or given to be freed once modelled.
pub(super) enum CommuneRecords<'a> {
    Lent(&'a [load::Loaded<load::CommuneRecord>]),
    Given(Vec<load::Loaded<load::CommuneRecord>>),
}

impl CommuneRecords<'_> {
    fn iter(&self) -> std::slice::Iter<'_, load::Loaded<load::CommuneRecord>> {
        match self {
            CommuneRecords::Lent(list) => list.iter(),
            CommuneRecords::Given(list) => list.iter(),
        }
    }
}

pub(super) fn build_in(
    project: &Project,
    commune_records: CommuneRecords,
    translation: Option<crate::language::Language>,
    known: Option<&super::preview::Known>,
) -> Report {
    let site_record = project.site.as_ref().map(|s| &s.record);
    let catalogue = Catalogue::of_project(project);
    let interface = site_record.map(|s| translation.unwrap_or(s.language));
    let language = interface.map_or("", crate::language::Language::code);
    let mut cx = Context {
        catalogue: &catalogue,
        language,
        numbers: site_record
            .map(|s| {
                s.sources
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.id.value.clone(), Cite::new(&s.id.value, i + 1)))
                    .collect()
            })
            .unwrap_or_default(),
        citations: Mutex::default(),
        model_rank: BTreeMap::new(),
        number_format: match interface {
            Some(crate::language::Language::En) => NumberFormat::En,
            _ => NumberFormat::Vi,
        },
    };

    let mut model_records: Vec<&load::ModelRecord> =
        project.models.iter().map(|m| &m.record).collect();
    model_records
        .sort_by_cached_key(|m| (m.order.unwrap_or(i64::MAX), collation_key(&m.name.value)));
    cx.model_rank = model_records
        .iter()
        .enumerate()
        .map(|(i, m)| (m.resolved_id(), i))
        .collect();
    let model_links: BTreeMap<String, Arc<ModelLink>> = model_records
        .iter()
        .map(|m| {
            let link = ModelLink {
                id: m.resolved_id().into(),
                name: m.name.value.as_str().into(),
                unit: m.unit.as_str().into(),
            };
            (link.id.to_string(), Arc::new(link))
        })
        .collect();

    let kinds = commune_records.iter().map(|c| c.record.kind.value);
    let units = match known {
        Some(known) => known.units.clone(),
        None => crate::load::unit_words(kinds, interface.unwrap_or_default()),
    };
    let group_of: HashMap<String, String> = commune_records
        .iter()
        .filter_map(|c| {
            Some((
                c.record.resolved_id(),
                c.record.group.as_ref()?.value.clone(),
            ))
        })
        .collect();
    let commune = |c: &load::Loaded<load::CommuneRecord>| {
        cx.commune(&c.record, &model_links, &project.statics)
    };
    let by_name = |c: &load::Loaded<load::CommuneRecord>| collation_key(&c.record.name.value);
    let mut communes: Vec<Commune> = match commune_records {
        CommuneRecords::Lent(list) => {
            let mut sorted: Vec<_> = list.iter().collect();
            sorted.sort_by_cached_key(|c| by_name(c));
            sorted.into_par_iter().map(commune).collect()
        }
        CommuneRecords::Given(mut list) => {
            list.sort_by_cached_key(by_name);
            let communes = list.par_iter().map(commune).collect();
            std::thread::spawn(move || drop(list));
            communes
        }
    };
    let commune_groups = commune_groups(project, &group_of, &catalogue, language, &mut communes);
    match known {
        Some(known) => {
            for c in &mut communes {
                if let Some(names) = known.told_apart(&c.id) {
                    (c.name, c.full_name) = names;
                }
            }
        }
        None => tell_namesakes_apart(&mut communes),
    }

    let mut year_files: Vec<&(i64, load::Loaded<load::YearRecord>)> =
        project.years.iter().collect();
    year_files.sort_by_key(|(y, _)| *y);
    let mut years = Vec::new();
    for (i, (year, file)) in year_files.iter().enumerate() {
        let previous = i.checked_sub(1).map(|p| year_files[p].0);
        years.push(cx.year(*year, previous, &file.record, &model_links, &communes));
    }

    let models = model_records
        .par_iter()
        .map(|m| model_type(m, &years, &communes))
        .collect();
    let indicators = catalogue
        .own()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|i| indicator(i, language, &years, &communes))
        .collect();

    let mut all_years: Vec<i64> = years.iter().map(|y| y.year).collect();
    all_years.extend(communes.iter().flat_map(|c| c.years.iter().map(|y| y.year)));
    all_years.sort_unstable();
    all_years.dedup();

    let mut pages: Vec<Page> = project
        .pages
        .iter()
        .map(|p| Page {
            slug: p.stem.clone(),
            title: p.front.title.clone(),
            description: p.front.description.clone(),
            body: p.body.clone(),
        })
        .collect();
    let page_order: BTreeMap<&str, i64> = project
        .pages
        .iter()
        .map(|p| (p.stem.as_str(), p.front.order.unwrap_or(i64::MAX)))
        .collect();
    pages.sort_by_cached_key(|p| {
        let order = page_order.get(p.slug.as_str()).copied();
        (order.unwrap_or(i64::MAX), collation_key(&p.title))
    });

    let citations = cx
        .citations
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    let commune_citations: Vec<BTreeMap<&str, usize>> =
        communes.par_iter().map(figures_citing).collect();
    let sources = site_record
        .map(|s| {
            s.sources
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let mut source = Source {
                        id: s.id.value.clone(),
                        number: i + 1,
                        title: s.title.clone(),
                        publisher: s.publisher.clone(),
                        author: s.author.clone(),
                        url: s.url.as_ref().map(|u| u.value.clone()),
                        date: s.date.as_ref().map(|d| d.value.clone()),
                        citations: citations
                            .iter()
                            .filter(|(id, _)| *id == s.id.value)
                            .map(|(_, c)| c.clone())
                            .collect(),
                        communes: communes
                            .iter()
                            .zip(&commune_citations)
                            .filter_map(|(c, cited)| {
                                let figures = *cited.get(s.id.value.as_str())?;
                                Some(CommuneCitations {
                                    commune: link(c),
                                    figures,
                                })
                            })
                            .collect(),
                        cited_figures: 0,
                    };
                    source.cited_figures = source.citations.len()
                        + source.communes.iter().map(|c| c.figures).sum::<usize>();
                    source
                })
                .collect()
        })
        .unwrap_or_default();

    Report {
        commune_years: communes.iter().map(|c| c.years.len()).sum(),
        site: site(site_record, units, translation),
        sources,
        models,
        commune_groups,
        communes,
        years,
        pages,
        indicators,
        latest_year: all_years.last().copied(),
        all_years,
        catalogue,
    }
}

fn site(
    record: Option<&load::SiteRecord>,
    units: crate::load::UnitWords,
    translation: Option<crate::language::Language>,
) -> Site {
    let Some(s) = record else {
        return Site::default();
    };
    let language = translation.unwrap_or(s.language);
    let folder = |l: crate::language::Language| match l == s.language {
        true => String::new(),
        false => format!("{}/", l.code()),
    };
    let base_of = |l| {
        s.base_url.as_ref().map(|u| {
            let url = u.value.trim_end_matches('/');
            format!("{url}/{}", folder(l))
        })
    };
    let base_url = base_of(language);
    let up = if translation.is_some() { "../" } else { "" };
    let editions: Vec<Edition> = s
        .languages()
        .into_iter()
        .filter(|l| *l != language)
        .map(|l| Edition {
            language: l.code(),
            name: l.own_name(),
            path: format!("{up}{}", folder(l)),
            base_url: base_of(l),
        })
        .collect();
    Site {
        title: s.title.clone(),
        locality: s.locality.clone(),
        area: crate::load::area_noun(
            s.level
                .or_else(|| crate::load::Level::of_locality(&s.locality)),
            language,
        ),
        units,
        province: s.province.clone(),
        agency: s.agency.clone(),
        language: language.code(),
        content_language: (language != s.language).then(|| s.language.code()),
        editions,
        base_url: base_url.clone(),
        description: s.description.clone(),
        published: s.published.as_ref().map(|d| d.value.clone()),
        updated: s.updated.as_ref().map(|d| d.value.clone()),
        licence: s.licence.clone(),
        licence_url: s.licence_url.as_ref().map(|u| u.value.clone()),
        contact: s.contact.clone(),
        citation: citation(s, base_url.as_deref()),
    }
}

/// The recommended citation: agency (year of publication). Title. Address. Each part only
/// when the content gives it.
fn citation(s: &load::SiteRecord, base_url: Option<&str>) -> String {
    let mut citation = s.agency.trim().to_owned();
    if let Some(year) = s.published.as_ref().and_then(|d| d.value.get(..4)) {
        citation.push_str(&format!(" ({year})"));
    }
    citation.push_str(". ");
    citation.push_str(s.title.trim().trim_end_matches('.'));
    citation.push('.');
    if let Some(url) = base_url {
        citation.push(' ');
        citation.push_str(url);
    }
    citation
}

/// A model's counts over a group's communes: year → (sum, communes reporting).
type YearTotals = BTreeMap<i64, (u64, usize)>;

/// The project's groups of communes, with their communes (which learn their group) and the
/// totals of their model counts; in Vietnamese alphabetical order.
fn commune_groups(
    project: &Project,
    group_of: &HashMap<String, String>,
    catalogue: &Catalogue,
    language: &str,
    communes: &mut [Commune],
) -> Vec<CommuneGroup> {
    let mut groups: Vec<CommuneGroup> = project
        .commune_groups
        .iter()
        .map(|g| {
            let kind = g.record.kind.value.label();
            let name = g.record.name.value.clone();
            let (name, full_name) = names(&name, kind);
            CommuneGroup {
                id: g.group_id(),
                name,
                kind,
                full_name,
                summary: g.record.summary.as_ref().map(|s| s.value.clone()),
                communes: Vec::new(),
                models: Vec::new(),
                figures: Vec::new(),
            }
        })
        .collect();
    groups.sort_by_cached_key(|g| (collation_key(&g.name), g.id.clone()));
    let index: HashMap<String, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.clone(), i))
        .collect();
    for commune in communes.iter_mut() {
        let Some(&i) = group_of.get(&*commune.id).and_then(|g| index.get(g)) else {
            continue;
        };
        let group = &mut groups[i];
        commune.group = Some(CommuneGroupLink {
            id: group.id.clone(),
            full_name: group.full_name.clone(),
        });
        group.communes.push(link(commune));
    }
    // Each group's communes, found in one pass.
    let mut members: HashMap<&str, Vec<&Commune>> = HashMap::new();
    for c in communes.iter() {
        if let Some(g) = &c.group {
            members.entry(g.id.as_str()).or_default().push(c);
        }
    }
    for group in &mut groups {
        let own = members.remove(group.id.as_str()).unwrap_or_default();
        let mut totals: BTreeMap<&str, (&ModelLink, YearTotals)> = BTreeMap::new();
        for c in &own {
            for y in &c.years {
                for m in &y.models {
                    let Some(count) = &m.count else { continue };
                    let entry = totals
                        .entry(&m.model.id)
                        .or_insert_with(|| (&m.model, BTreeMap::new()));
                    let year = entry.1.entry(y.year).or_default();
                    year.0 = year.0.saturating_add(count.value);
                    year.1 += 1;
                }
            }
        }
        let order: Vec<String> = project
            .models
            .iter()
            .map(|m| m.record.resolved_id())
            .collect();
        group.models = order
            .iter()
            .filter_map(|id| {
                let (model, years) = totals.get(id.as_str())?;
                let (year, (total, reporting)) = years.iter().next_back()?;
                Some(GroupModelTotal {
                    model: (*model).clone(),
                    year: *year,
                    total: *total,
                    reporting: *reporting,
                })
            })
            .collect();

        // The campaign's figures and the project's count indicators that add up.
        let mut sums: BTreeMap<&str, YearTotals> = BTreeMap::new();
        for c in &own {
            for y in &c.years {
                let campaign = y.campaign.iter().flat_map(|campaign| {
                    campaign
                        .figures
                        .iter()
                        .filter_map(|(id, f)| Some((&**id, f.as_ref()?.value)))
                });
                let indicators = y
                    .indicators
                    .iter()
                    .filter_map(|i| Some((&*i.indicator.id, i.reported.fig.as_ref()?.value)));
                for (id, value) in campaign.chain(indicators) {
                    let year = sums.entry(id).or_default().entry(y.year).or_default();
                    year.0 = year.0.saturating_add(value);
                    year.1 += 1;
                }
            }
        }
        group.figures = catalogue
            .all()
            .iter()
            .filter(|i| i.total != load::TotalRule::None && i.kind == load::IndicatorKind::Count)
            .filter_map(|i| {
                let (year, (total, reporting)) = sums.get(&*i.id)?.iter().next_back()?;
                Some(GroupFigureTotal {
                    id: i.id.clone(),
                    name: i.name_in(language).into(),
                    translated: i.name_translated(language),
                    unit: i.unit.clone(),
                    year: *year,
                    total: *total,
                    reporting: *reporting,
                    own: i.section == catalogue::Section::Indicators,
                })
            })
            .collect();
    }
    groups
}

/// Communes that would show the same name (spelled alike but for tone placement, whatever
/// their kind: lists show the name without it) get their group, else their code, else their
/// id, added wherever their name shows: "Phường 1 (Quận 3)", "Tân Thành (04540)".
fn tell_namesakes_apart(communes: &mut [Commune]) {
    let key = |c: &Commune| crate::text::same_tone_placement(c.name.trim()).to_lowercase();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for c in communes.iter() {
        *seen.entry(key(c)).or_default() += 1;
    }
    // Namesakes in groups of different names are told apart by their group ("Phường 1
    // (Quận 3)"); two groups may share a name too (Huyện Châu Thành in five provinces).
    let mut groups_of: HashMap<String, Vec<Option<String>>> = HashMap::new();
    for c in communes.iter() {
        let group = c
            .group
            .as_ref()
            .map(|g| crate::text::same_tone_placement(&g.full_name).to_lowercase());
        groups_of.entry(key(c)).or_default().push(group);
    }
    for c in communes.iter_mut() {
        if seen[&key(c)] > 1 {
            let groups = &groups_of[&key(c)];
            let apart = groups.iter().all(Option::is_some)
                && groups
                    .iter()
                    .collect::<std::collections::BTreeSet<_>>()
                    .len()
                    == groups.len();
            let tag = match (&c.group, apart) {
                (Some(group), true) => group.full_name.clone(),
                _ => c.code.clone().unwrap_or_else(|| c.id.to_string()),
            };
            c.name = format!("{} ({tag})", c.name).into();
            c.full_name = format!("{} ({tag})", c.full_name).into();
        }
    }
}

/// A commune's name as lists show it, and with its kind: a numbered ward is "Phường 1" in
/// both (never a bare "1"), and a name that already starts with its kind ("Phường 2") is not
/// given it twice.
fn names(name: &str, kind: &str) -> (String, String) {
    let has_kind = name
        .get(..kind.len())
        .is_some_and(|start| start.to_lowercase() == kind.to_lowercase())
        && name[kind.len()..].starts_with(' ');
    if has_kind {
        (name.to_owned(), name.to_owned())
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        let full = format!("{kind} {name}");
        (full.clone(), full)
    } else {
        (name.to_owned(), format!("{kind} {name}"))
    }
}

/// Resolves citations and records which figures cite which source.
struct Context<'a> {
    catalogue: &'a Catalogue,
    /// `vi` or `en`: the language of indicator names.
    language: &'static str,
    /// Each source's citation, shared by every figure that cites it.
    numbers: BTreeMap<String, Cite>,
    /// Position of each model type in the report's order.
    model_rank: BTreeMap<String, usize>,
    /// Figures of city-wide pages, in page order (recorded one thread at a time).
    citations: Mutex<Vec<(String, Citation)>>,
    /// How derived figures' calculations are written.
    number_format: NumberFormat,
}

/// What a figure is called on the sources page: the content's words, then a UI string.
/// Borrowed: only figures of city-wide pages are listed one by one (see `record`).
struct Label<'a> {
    parts: &'a [String],
    last: Option<&'a str>,
    key: Option<&'static str>,
}

/// `parts` followed by the UI string `key`.
fn named<'a>(parts: &'a [String], key: &'static str) -> Label<'a> {
    Label {
        parts,
        last: None,
        key: Some(key),
    }
}

/// `parts` followed by a name from the content.
fn plain<'a>(parts: &'a [String], last: &'a str) -> Label<'a> {
    Label {
        parts,
        last: Some(last),
        key: None,
    }
}

impl Context<'_> {
    /// A model type's position in the report's order.
    fn rank(&self, id: &str) -> usize {
        self.model_rank.get(id).copied().unwrap_or(usize::MAX)
    }

    fn cite(&self, id: Option<&str>) -> Option<Cite> {
        self.numbers.get(id?).cloned()
    }

    fn fig(
        &self,
        figure: Option<&Spanned<load::Figure>>,
        default: Option<&str>,
        page: &str,
        label: Label<'_>,
        format: &'static str,
    ) -> Option<Fig> {
        let f = &figure?.value;
        let source = self.cite(f.source().or(default));
        self.record(source.as_ref(), page, label, f.value, format, None);
        Some(Fig::stated(f.value, source, f.note()))
    }

    /// Lists a cited figure under its source, for the sources page.
    fn record(
        &self,
        source: Option<&Cite>,
        page: &str,
        label: Label<'_>,
        value: u64,
        format: &'static str,
        total: Option<u64>,
    ) {
        let Some(cite) = source else {
            return;
        };
        if page.starts_with("communes/") {
            // Counted per commune instead (`figures_citing`).
            return;
        }
        {
            let mut parts = label.parts.to_vec();
            parts.extend(label.last.map(str::to_owned));
            let citation = Citation {
                page: page.to_owned(),
                parts,
                key: label.key,
                value,
                format,
                total,
            };
            self.citations
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push((cite.id.to_string(), citation));
        }
    }

    fn count(
        &self,
        figure: Option<&Spanned<load::Figure>>,
        default: Option<&str>,
        page: &str,
        label: Label<'_>,
    ) -> Option<Fig> {
        self.fig(figure, default, page, label, "count")
    }

    fn ratio(
        &self,
        r: Option<&load::Ratio>,
        default: Option<&str>,
        page: &str,
        label: Label<'_>,
    ) -> Option<Ratio> {
        let r = r?;
        let source = self.cite(text(r.source.as_ref()).or(default));
        let total = Some(r.total.value.0);
        self.record(source.as_ref(), page, label, r.safe.value.0, "ratio", total);
        Some(Ratio {
            safe: r.safe.value.0,
            total: r.total.value.0,
            source,
        })
    }

    fn campaign(
        &self,
        c: &load::CampaignRecord,
        default: Option<&str>,
        page: &str,
        prefix: &[String],
    ) -> Campaign {
        let default = text(c.source.as_ref()).or(default);
        let id = |id: &'static str| {
            self.catalogue
                .get(id)
                .map_or_else(|| id.into(), |i| i.id.clone())
        };
        Campaign {
            figures: c
                .figures()
                .into_iter()
                .map(|(key, f)| (id(key), self.count(f, default, page, named(prefix, key))))
                .collect(),
            notes: c
                .notes()
                .into_iter()
                .map(|(key, note)| (id(key), note.cloned()))
                .collect(),
        }
    }

    /// The values of the project's indicators that communes (`commune`) or the whole area
    /// report, each cited; an indicator without a value in `figures` is "no data".
    fn indicator_figures(
        &self,
        figures: &FigureMap,
        commune: bool,
        default: Option<&str>,
        page: &str,
        prefix: &[String],
    ) -> Vec<IndicatorFigure> {
        self.catalogue
            .own()
            .filter(|i| {
                if commune {
                    i.for_communes()
                } else {
                    i.for_area()
                }
            })
            .map(|i| {
                let value = figures
                    .0
                    .iter()
                    .find(|(id, _)| *id.value == *i.id)
                    .map(|(_, v)| &v.value);
                let link = indicator_link(i, self.language);
                let label = plain(prefix, &link.name);
                IndicatorFigure {
                    reported: self.reported(i, value, default, page, label),
                    indicator: link,
                }
            })
            .collect()
    }

    fn reported(
        &self,
        i: &catalogue::Indicator,
        value: Option<&FigureValue>,
        default: Option<&str>,
        page: &str,
        label: Label<'_>,
    ) -> Reported {
        match value {
            Some(FigureValue::Number(f)) => {
                let source = self.cite(f.source().or(default));
                self.record(source.as_ref(), page, label, f.value, i.kind_name(), None);
                Reported {
                    fig: Some(Fig::stated(f.value, source, f.note())),
                    ..Reported::default()
                }
            }
            Some(FigureValue::Ratio {
                safe,
                total,
                source,
            }) => {
                let source = self.cite(source.as_deref().or(default));
                let (safe, total) = (safe.value.0, total.value.0);
                self.record(source.as_ref(), page, label, safe, "ratio", Some(total));
                Reported {
                    ratio: Some(Ratio {
                        safe,
                        total,
                        source,
                    }),
                    ..Reported::default()
                }
            }
            Some(FigureValue::Text(t)) => Reported {
                text: Some(t.clone()),
                ..Reported::default()
            },
            None => Reported::default(),
        }
    }

    fn quotes(&self, quotes: &[load::QuoteRecord], default: Option<&str>) -> Vec<Quote> {
        quotes
            .iter()
            .map(|q| Quote {
                speaker: q.speaker.clone(),
                role: q.role.clone(),
                text: q.text.clone(),
                source: self.cite(text(q.source.as_ref()).or(default)),
            })
            .collect()
    }

    fn commune(
        &self,
        c: &load::CommuneRecord,
        models: &BTreeMap<String, Arc<ModelLink>>,
        statics: &[load::StaticFile],
    ) -> Commune {
        let id = c.resolved_id();
        let page = format!("communes/{id}.html");
        let name = c.name.value.clone();
        let file_source = text(c.source.as_ref());
        let mut years: Vec<&load::CommuneYear> = c.years.iter().collect();
        years.sort_by_key(|y| std::cmp::Reverse(y.year.value));
        let years: Vec<CommuneYear> = years
            .into_iter()
            .map(|y| {
                let default = text(y.source.as_ref()).or(file_source);
                let prefix = [name.clone(), y.year.value.to_string()];
                let mut year_models: Vec<CommuneModel> = y
                    .models
                    .iter()
                    .filter_map(|m| {
                        let model = models.get(&m.model.value)?.clone();
                        let label = plain(&prefix, &model.name);
                        Some(CommuneModel {
                            count: self.count(m.count.as_ref(), default, &page, label),
                            model,
                            note: m.note.clone(),
                        })
                    })
                    .collect();
                year_models.sort_by_key(|m| self.rank(&m.model.id));
                let attainment_default = y
                    .attainment
                    .as_ref()
                    .and_then(|a| text(a.source.as_ref()))
                    .or(default);
                CommuneYear {
                    year: y.year.value,
                    models: year_models,
                    commune_safe: y
                        .attainment
                        .as_ref()
                        .and_then(|a| a.commune.as_ref())
                        .map(|b| b.value),
                    villages: self.ratio(
                        y.attainment.as_ref().and_then(|a| a.villages.as_ref()),
                        attainment_default,
                        &page,
                        named(&prefix, "cite_villages_safe"),
                    ),
                    campaign: y
                        .campaign
                        .as_ref()
                        .map(|cp| Arc::new(self.campaign(cp, default, &page, &prefix))),
                    indicators: self.indicator_figures(&y.figures, true, default, &page, &prefix),
                    note: y.note.clone(),
                }
            })
            .collect();
        let groups = c
            .groups
            .iter()
            .filter_map(|g| {
                let default = text(g.source.as_ref()).or(file_source);
                let prefix = [name.clone(), g.name.value.clone()];
                Some(Group {
                    name: g.name.value.clone(),
                    model: ModelLink::clone(models.get(&g.model.value)?),
                    founded: g.founded.as_ref().map(|f| f.value.clone()),
                    members: self.count(
                        g.members.as_ref(),
                        default,
                        &page,
                        named(&prefix, "members"),
                    ),
                    outcomes: g
                        .outcomes
                        .iter()
                        .map(|o| Outcome {
                            label: o.label.clone(),
                            value: self.count(
                                o.value.as_ref(),
                                default,
                                &page,
                                plain(&prefix, &o.label),
                            ),
                            note: o.note.clone(),
                        })
                        .collect(),
                    motto: g.motto.clone(),
                    narrative: g.narrative.as_ref().map(|n| n.value.clone()),
                    source: self.cite(default),
                })
            })
            .collect::<Vec<_>>();
        let has_figures = years.iter().any(|y| {
            y.models.iter().any(|m| m.count.is_some())
                || y.villages.is_some()
                || y.campaign.is_some()
                || y.commune_safe.is_some()
                || y.indicators.iter().any(|i| i.reported.is_some())
        }) || groups
            .iter()
            .any(|g| g.members.is_some() || g.outcomes.iter().any(|o| o.value.is_some()));
        let kind = c.kind.value.label();
        let (name, full_name) = names(&name, kind);
        Commune {
            full_name: full_name.into(),
            group: None,
            id: id.into(),
            name: name.into(),
            kind,
            code: c.code.as_ref().map(|c| c.value.clone()),
            chief: c.chief.as_ref().map(person),
            summary: c.summary.as_ref().map(|s| s.value.clone()),
            years,
            groups,
            quotes: self.quotes(&c.quotes, file_source),
            photos: c
                .photos
                .iter()
                .map(|p| {
                    let (width, height) = statics
                        .iter()
                        .find(|s| s.path == p.file.value)
                        .and_then(|s| s.image_size)
                        .unwrap_or_default();
                    Photo {
                        file: format!("static/{}", p.file.value),
                        caption: p.caption.clone(),
                        alt: p.alt.value.clone(),
                        width,
                        height,
                    }
                })
                .collect(),
            has_figures,
        }
    }

    fn year(
        &self,
        year: i64,
        previous: Option<i64>,
        y: &load::YearRecord,
        models: &BTreeMap<String, Arc<ModelLink>>,
        communes: &[Commune],
    ) -> Year {
        let page = format!("years/{year}.html");
        let default = text(y.source.as_ref());
        let prefix = [year.to_string()];
        let mut city_models: Vec<CityModelYear> = y
            .models
            .iter()
            .filter_map(|m| {
                let model = models.get(&m.model.value)?.clone();
                let p = [year.to_string(), model.name.to_string()];
                let budget = m.city_budget.as_ref();
                let budget_default = budget.and_then(|b| text(b.source.as_ref())).or(default);
                let total = self.count(m.total.as_ref(), default, &page, named(&p, "total"));
                let budget_count = self.count(
                    budget.and_then(|b| b.count.as_ref()),
                    budget_default,
                    &page,
                    named(&p, "city_budget_invested"),
                );
                let community = self.count(
                    m.community_funded.as_ref(),
                    default,
                    &page,
                    named(&p, "community_funded"),
                );
                let existing_before = match (&total, &budget_count, &community) {
                    (Some(t), Some(b), Some(c)) if t.value >= b.value + c.value => {
                        Some(Fig::derived(
                            t.value - b.value - c.value,
                            t.source.clone(),
                            format!(
                                "{} − {} − {}",
                                self.number_format.int(t.value as i64),
                                self.number_format.int(b.value as i64),
                                self.number_format.int(c.value as i64)
                            ),
                        ))
                    }
                    _ => None,
                };
                let stated_new = self.count(m.new.as_ref(), default, &page, named(&p, "new"));
                // Unstated, what was added in the year is what the city's budget and the
                // community installed: one figure, shown (as derived) on every page.
                let new = stated_new.or_else(|| match (&budget_count, &community) {
                    (Some(b), Some(c)) => Some(Fig::derived(
                        b.value + c.value,
                        b.source.clone(),
                        format!(
                            "{} + {}",
                            self.number_format.int(b.value as i64),
                            self.number_format.int(c.value as i64)
                        ),
                    )),
                    _ => None,
                });
                Some(CityModelYear {
                    year,
                    new,
                    city_budget_locations: self.count(
                        budget.and_then(|b| b.locations.as_ref()),
                        budget_default,
                        &page,
                        named(&p, "cite_locations"),
                    ),
                    city_budget_value_vnd: self.fig(
                        budget.and_then(|b| b.value_vnd.as_ref()),
                        budget_default,
                        &page,
                        named(&p, "cite_value"),
                        "money",
                    ),
                    city_budget_count: budget_count,
                    community_funded: community,
                    total,
                    existing_before,
                    model: ModelLink::clone(&model),
                    note: m.note.clone(),
                })
            })
            .collect();
        city_models.sort_by_key(|m| self.rank(&m.model.id));
        let attainment = y.attainment.as_ref().map(|a| CityAttainment {
            communes: self.ratio(
                a.communes.as_ref(),
                default,
                &page,
                named(&prefix, "cite_communes_safe"),
            ),
            villages: self.ratio(
                a.villages.as_ref(),
                default,
                &page,
                named(&prefix, "cite_villages_safe"),
            ),
            agencies: self.ratio(
                a.agencies.as_ref(),
                default,
                &page,
                named(&prefix, "cite_agencies_safe"),
            ),
        });
        let commune_campaigns = communes
            .iter()
            .filter_map(|c| {
                let cy = c.years.iter().find(|cy| cy.year == year)?;
                Some(CommuneCampaign {
                    commune: link(c),
                    campaign: cy.campaign.clone()?,
                })
            })
            .collect();
        Year {
            year,
            previous,
            campaign: y
                .campaign
                .as_ref()
                .map(|c| self.campaign(c, default, &page, &prefix)),
            attainment,
            models: city_models,
            indicators: self.indicator_figures(&y.figures, false, default, &page, &prefix),
            narrative: y.narrative.as_ref().map(|n| n.value.clone()),
            quotes: self.quotes(&y.quotes, default),
            commune_campaigns,
        }
    }
}

fn model_type(m: &load::ModelRecord, years: &[Year], communes: &[Commune]) -> ModelType {
    let id = m.resolved_id();
    let city = years
        .iter()
        .flat_map(|y| y.models.iter().filter(|cm| *cm.model.id == *id).cloned())
        .collect();
    let reports = |y: &CommuneYear| y.models.iter().any(|cm| *cm.model.id == *id);
    let communes_year = communes
        .iter()
        .flat_map(|c| c.years.iter().filter(|y| reports(y)).map(|y| y.year))
        .max();
    let mut counts = Vec::new();
    let mut without = Vec::new();
    let mut groups = Vec::new();
    for c in communes {
        let own_groups = c.groups.iter().filter(|g| *g.model.id == *id);
        groups.extend(own_groups.clone().map(|g| ModelGroup {
            commune: link(c),
            name: g.name.clone(),
            founded: g.founded.clone(),
            members: g.members.clone(),
            source: g.source.clone(),
        }));
        if !c.years.iter().any(reports) && own_groups.count() == 0 {
            without.push(link(c));
        }
        for y in c.years.iter().filter(|y| Some(y.year) == communes_year) {
            for cm in y.models.iter().filter(|cm| *cm.model.id == *id) {
                counts.push(CommuneModelCount {
                    year: y.year,
                    commune: link(c),
                    count: cm.count.clone(),
                    note: cm.note.clone(),
                });
            }
        }
    }
    ModelType {
        id,
        name: m.name.value.clone(),
        unit: m.unit.clone(),
        category: m.category.clone(),
        description: m.description.as_ref().map(|d| d.value.clone()),
        city,
        communes_year,
        communes_largest_first: largest_first(
            counts
                .iter()
                .map(|c| c.count.as_ref().map(|f| f.value as f64)),
        ),
        communes: counts,
        groups,
        communes_reporting: communes.len() - without.len(),
        communes_without_data: without,
    }
}

/// How many figures of a commune's page cite each source: every count and ratio that has a
/// source (the ones `Context::record` would list), by source id.
fn figures_citing(c: &Commune) -> BTreeMap<&str, usize> {
    let years = c.years.iter().flat_map(|y| {
        let campaign = y
            .campaign
            .iter()
            .flat_map(|cp| cp.figures.iter().map(|(_, f)| f));
        let figs = y.models.iter().map(|m| &m.count).chain(campaign);
        figs.filter_map(|f| f.as_ref()?.source.as_ref())
            .chain(y.villages.as_ref().and_then(|r| r.source.as_ref()))
            .chain(y.indicators.iter().filter_map(|i| i.reported.source()))
    });
    let groups = c.groups.iter().flat_map(|g| {
        std::iter::once(&g.members)
            .chain(g.outcomes.iter().map(|o| &o.value))
            .filter_map(|f| f.as_ref()?.source.as_ref())
    });
    let mut counts = BTreeMap::new();
    for cite in years.chain(groups) {
        *counts.entry(&*cite.id).or_default() += 1;
    }
    counts
}

fn indicator_link(i: &catalogue::Indicator, language: &str) -> IndicatorLink {
    IndicatorLink {
        id: i.id.clone(),
        name: i.name_in(language).into(),
        translated: i.name_translated(language),
        unit: i.unit.clone(),
        kind: i.kind_name(),
    }
}

/// One of the project's indicators with its values: the area's by year, the communes' in the
/// newest year any of them reports it.
fn indicator(
    i: &catalogue::Indicator,
    language: &str,
    years: &[Year],
    communes: &[Commune],
) -> Indicator {
    let of = |figures: &[IndicatorFigure]| {
        figures
            .iter()
            .find(|f| f.indicator.id == i.id)
            .map(|f| f.reported.clone())
    };
    let area = years
        .iter()
        .filter_map(|y| {
            Some(AreaValue {
                year: y.year,
                reported: of(&y.indicators)?,
            })
        })
        .collect();
    let communes_year = communes
        .iter()
        .flat_map(|c| c.years.iter())
        .filter(|y| of(&y.indicators).is_some_and(|r| r.is_some()))
        .map(|y| y.year)
        .max();
    let values: Vec<CommuneValue> = communes
        .iter()
        .map(|c| CommuneValue {
            commune: link(c),
            reported: c
                .years
                .iter()
                .find(|y| Some(y.year) == communes_year)
                .and_then(|y| of(&y.indicators))
                .unwrap_or_default(),
        })
        .collect();
    let numbers: Vec<u64> = values
        .iter()
        .filter_map(|v| v.reported.fig.as_ref().map(|f| f.value))
        .collect();
    Indicator {
        id: i.id.clone(),
        name: i.name_in(language).into(),
        translated: i.name_translated(language),
        unit: i.unit.clone(),
        kind: i.kind_name(),
        total: catalogue::total_name(i.total),
        description: i.description.clone(),
        for_communes: i.for_communes(),
        for_area: i.for_area(),
        area,
        communes_year,
        communes_reporting: values.iter().filter(|v| v.reported.is_some()).count(),
        communes_sum: (!numbers.is_empty())
            .then(|| numbers.iter().fold(0u64, |a, b| a.saturating_add(*b))),
        communes_largest_first: largest_first(values.iter().map(|v| {
            let r = &v.reported;
            let share = r.ratio.as_ref().filter(|r| r.total > 0);
            let share = share.map(|r| r.safe as f64 / r.total as f64);
            r.fig.as_ref().map(|f| f.value as f64).or(share)
        })),
        communes: values,
    }
}

/// The positions of `values`, largest first and those without a value last, each group in
/// its given order; empty when fewer than two have a value.
fn largest_first(values: impl Iterator<Item = Option<f64>>) -> Vec<usize> {
    let values: Vec<Option<f64>> = values.collect();
    if values.iter().flatten().count() < 2 {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|a, b| match (values[*a], values[*b]) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    order
}

fn link(c: &Commune) -> CommuneLink {
    CommuneLink {
        id: c.id.clone(),
        name: c.name.clone(),
        full_name: c.full_name.clone(),
    }
}

fn person(p: &load::Person) -> Person {
    Person {
        rank: p.rank.clone(),
        name: p.name.clone(),
        title: p.title.clone(),
    }
}

fn text(t: Option<&Text>) -> Option<&str> {
    t.map(|t| t.value.as_str())
}

#[cfg(test)]
mod name_tests {
    use super::names;

    #[test]
    fn numbered_wards_keep_their_kind_and_no_kind_is_doubled() {
        assert_eq!(names("1", "Phường"), ("Phường 1".into(), "Phường 1".into()));
        assert_eq!(
            names("Phường 2", "Phường"),
            ("Phường 2".into(), "Phường 2".into())
        );
        assert_eq!(
            names("Tuy Lộc", "Xã"),
            ("Tuy Lộc".into(), "Xã Tuy Lộc".into())
        );
        assert_eq!(names("Xã Đoài", "Xã"), ("Xã Đoài".into(), "Xã Đoài".into()));
        assert_eq!(names("Xãi", "Xã"), ("Xãi".into(), "Xã Xãi".into()));
    }
}
