//! Phase 2, **validate**: check the loaded project as a whole and collect every problem:
//! ids, references between files, impossible figures, and totals that disagree.

mod changes;
mod charts;
mod figures;
mod groups;
mod ids;
mod indicators;
mod links;
mod literals;
mod markdown;
mod numbers;
mod shares;
mod statics;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::load::Spanned;

use crate::catalogue::{Catalogue, MAX_COUNT};
use crate::diagnostic::Diagnostic;
use crate::load::{FigureMap, Project, SourceFile, Text};
use crate::messages::{self as msg, Message};

pub use crate::text::YEARS;
use crate::text::{is_valid_date, is_valid_year_month};

/// Checks `project` and returns every error and warning found.
pub fn validate(project: &Project) -> Vec<Diagnostic> {
    let mut v = Validator {
        diagnostics: Vec::new(),
        sources: BTreeSet::new(),
        models: BTreeSet::new(),
        catalogue: Arc::new(Catalogue::of_project(project)),
        statics: project
            .statics
            .iter()
            .map(|s| (s.path.clone(), s.image_size.is_some()))
            .collect(),
    };
    v.check_site(project);
    v.models = ids::check_model_ids(project, &mut v.diagnostics);
    indicators::check_indicator_files(project, &mut v.diagnostics);
    statics::check_static_files(project, &mut v.diagnostics);
    // The checks over every commune run side by side; their messages keep a fixed order.
    let found = |check: &(dyn Fn(&mut Vec<Diagnostic>) + Sync)| {
        let mut diagnostics = Vec::new();
        check(&mut diagnostics);
        diagnostics
    };
    let ((commune_ids, communes), (totals, charts)) = rayon::join(
        || {
            rayon::join(
                || found(&|d| ids::check_commune_ids(project, d)),
                || v.check_communes(project),
            )
        },
        || {
            rayon::join(
                || {
                    found(&|d| {
                        figures::check_city_totals(project, d);
                        figures::check_area_totals(project, &v.catalogue, d);
                        figures::check_attainment(project, d);
                        let all = numbers::series(project);
                        changes::check_year_changes(project, &all, d);
                        shares::check_commune_shares(project, &v.catalogue, &all, d);
                        literals::check_literals(project, &all, d);
                    })
                },
                || {
                    found(&|d| {
                        charts::check_chart_calls(project, &v.models, &v.catalogue, d);
                        links::check_links(project, d);
                    })
                },
            )
        },
    );
    v.diagnostics.extend(commune_ids);
    ids::check_page_ids(project, &mut v.diagnostics);
    groups::check_commune_groups(project, &mut v.diagnostics);
    v.diagnostics.extend(communes);
    let mut year_files: BTreeMap<i64, &str> = BTreeMap::new();
    for (year, file) in &project.years {
        v.check_year(*year, &file.source, &file.record);
        if let Some(first) = year_files.insert(*year, &file.source.path) {
            v.diagnostics.push(
                Diagnostic::file_error(
                    &file.source.path,
                    msg::YEAR_FILE_TWICE.with("file", first).with("year", year),
                )
                .hint(&msg::YEAR_FILE_TWICE_HINT),
            );
        }
    }
    v.diagnostics.extend(totals);
    v.diagnostics.extend(charts);
    v.diagnostics
}

struct Validator {
    diagnostics: Vec<Diagnostic>,
    sources: BTreeSet<String>,
    models: BTreeSet<String>,
    catalogue: Arc<Catalogue>,
    /// Static files, and whether each is an image of known size.
    statics: BTreeMap<String, bool>,
}

/// An error at the position of a spanned value.
pub(crate) fn at<T>(src: &SourceFile, spanned: &Spanned<T>, message: Message) -> Diagnostic {
    src.error_at_location(&spanned.referenced, message)
}

impl Validator {
    /// Checks every commune file, in parallel chunks that each copy the small sets of known
    /// ids; the messages keep the communes' order.
    fn check_communes(&self, project: &Project) -> Vec<Diagnostic> {
        let per_chunk: Vec<Vec<Diagnostic>> = project
            .communes
            .par_chunks(64)
            .map(|chunk| {
                let mut local = Validator {
                    diagnostics: Vec::new(),
                    sources: self.sources.clone(),
                    models: self.models.clone(),
                    catalogue: self.catalogue.clone(),
                    statics: self.statics.clone(),
                };
                for commune in chunk {
                    local.check_commune(&commune.source, &commune.record);
                }
                local.diagnostics
            })
            .collect();
        per_chunk.into_iter().flatten().collect()
    }

    fn check_site(&mut self, project: &Project) {
        let Some(site) = &project.site else { return };
        let src = &site.source;
        for source in &site.record.sources {
            let id = &source.id;
            if !crate::text::is_valid_id(&id.value) {
                self.diagnostics.push(
                    at(src, id, msg::INVALID_SOURCE_ID.with("id", &id.value))
                        .hint(msg::ID_CHARS_HINT.with("example", "bao-yen-bai-2023")),
                );
            }
            if !self.sources.insert(id.value.clone()) {
                self.diagnostics.push(
                    at(src, id, msg::SOURCE_ID_TWICE.with("id", &id.value))
                        .hint(&msg::SOURCE_ID_TWICE_HINT),
                );
            }
            if let Some(url) = &source.url
                && !(url.value.starts_with("https://") || url.value.starts_with("http://"))
            {
                self.diagnostics.push(
                    at(src, url, msg::NOT_A_URL.with("url", &url.value)).hint(&msg::FULL_URL_HINT),
                );
            }
            if let Some(date) = &source.date
                && !is_valid_date(&date.value)
            {
                self.diagnostics.push(
                    at(src, date, msg::INVALID_DATE.with("date", &date.value))
                        .hint(&msg::DATE_HINT),
                );
            }
        }
        if let Some(url) = &site.record.base_url
            && !(url.value.starts_with("https://") || url.value.starts_with("http://"))
        {
            self.diagnostics.push(
                at(src, url, msg::NOT_A_URL.with("url", &url.value)).hint(&msg::BASE_URL_HINT),
            );
        }
        if let Some(url) = &site.record.licence_url
            && !(url.value.starts_with("https://") || url.value.starts_with("http://"))
        {
            self.diagnostics.push(
                at(src, url, msg::NOT_A_URL.with("url", &url.value)).hint(&msg::FULL_URL_HINT),
            );
        }
        let dates = [&site.record.published, &site.record.updated];
        for date in dates.into_iter().flatten() {
            if !is_valid_date(&date.value) {
                self.diagnostics.push(
                    at(src, date, msg::INVALID_DATE.with("date", &date.value))
                        .hint(&msg::DATE_HINT),
                );
            }
        }
        if let [Some(published), Some(updated)] = dates
            && is_valid_date(&published.value)
            && is_valid_date(&updated.value)
            && updated.value < published.value
        {
            self.diagnostics.push(
                at(
                    src,
                    updated,
                    msg::UPDATED_BEFORE_PUBLISHED
                        .with("updated", &updated.value)
                        .with("published", &published.value),
                )
                .hint(&msg::UPDATED_BEFORE_PUBLISHED_HINT),
            );
        }
    }

    fn check_source_ref(&mut self, src: &SourceFile, source: Option<&Text>) {
        if let Some(id) = source
            && !self.sources.contains(&id.value)
        {
            let known: Vec<&str> = self.sources.iter().map(String::as_str).collect();
            let hint = match crate::text::did_you_mean(&id.value, &known) {
                Some(best) => msg::DID_YOU_MEAN.with("name", best),
                None => msg::UNKNOWN_SOURCE_HINT.message(),
            };
            self.diagnostics
                .push(at(src, id, msg::UNKNOWN_SOURCE.with("id", &id.value)).hint(hint));
        }
    }

    fn check_model_ref(&mut self, src: &SourceFile, model: &Text) {
        if !self.models.contains(&model.value) {
            let known: Vec<&str> = self.models.iter().map(String::as_str).collect();
            let hint = match crate::text::did_you_mean(&model.value, &known) {
                Some(best) => msg::DID_YOU_MEAN.with("name", best),
                None => msg::KNOWN_MODELS_HINT.with("models", known.join(", ")),
            };
            self.diagnostics
                .push(at(src, model, msg::UNKNOWN_MODEL.with("model", &model.value)).hint(hint));
        }
    }

    fn check_year_value(&mut self, src: &SourceFile, year: &Spanned<i64>) {
        if !YEARS.contains(&year.value) {
            self.diagnostics
                .push(at(src, year, year_out_of_range(year.value)).hint(&msg::YEAR_VALUE_HINT));
        }
    }

    /// Warns about `example: true` (`build` refuses it: see [`crate::for_publishing`]).
    fn check_example(&mut self, src: &SourceFile, example: Option<&Spanned<bool>>) {
        if let Some(example) = example.filter(|e| e.value) {
            self.diagnostics.push(
                at(src, example, msg::EXAMPLE_FIGURES.message())
                    .hint(&msg::EXAMPLE_FIGURES_HINT)
                    .warning(),
            );
        }
    }

    fn check_commune(&mut self, src: &SourceFile, c: &crate::load::CommuneRecord) {
        self.check_source_ref(src, c.source.as_ref());
        self.check_example(src, c.example.as_ref());
        if let Some(code) = &c.code
            && !code.value.bytes().all(|b| b.is_ascii_digit())
        {
            self.diagnostics.push(
                at(src, code, msg::INVALID_CODE.with("code", &code.value)).hint(&msg::CODE_HINT),
            );
        }
        let mut seen_years = BTreeMap::new();
        for y in &c.years {
            self.check_year_value(src, &y.year);
            if seen_years.insert(y.year.value, ()).is_some() {
                self.diagnostics.push(
                    at(src, &y.year, msg::YEAR_TWICE.with("year", y.year.value))
                        .hint(&msg::YEAR_TWICE_HINT),
                );
            }
            self.check_source_ref(src, y.source.as_ref());
            let mut seen_models = BTreeSet::new();
            for m in &y.models {
                self.check_model_ref(src, &m.model);
                if !seen_models.insert(m.model.value.clone()) {
                    self.diagnostics.push(
                        at(
                            src,
                            &m.model,
                            msg::MODEL_TWICE_IN_YEAR
                                .with("model", &m.model.value)
                                .with("year", y.year.value),
                        )
                        .hint(&msg::MODEL_ONCE_HINT),
                    );
                }
                self.check_figure(src, m.count.as_ref());
            }
            if let Some(a) = &y.attainment {
                self.check_source_ref(src, a.source.as_ref());
                if let Some(r) = &a.villages {
                    self.check_ratio(src, r);
                }
            }
            if let Some(campaign) = &y.campaign {
                self.check_campaign(src, campaign);
            }
            self.check_figure_map(src, &y.figures, true);
        }
        for g in &c.groups {
            self.check_model_ref(src, &g.model);
            self.check_source_ref(src, g.source.as_ref());
            if let Some(founded) = &g.founded
                && !is_valid_year_month(&founded.value)
            {
                self.diagnostics.push(
                    at(
                        src,
                        founded,
                        msg::INVALID_YEAR_MONTH.with("value", &founded.value),
                    )
                    .hint(&msg::YEAR_MONTH_HINT),
                );
            }
            self.check_figure(src, g.members.as_ref());
            for o in &g.outcomes {
                self.check_figure(src, o.value.as_ref());
            }
        }
        for q in &c.quotes {
            self.check_source_ref(src, q.source.as_ref());
        }
        for p in &c.photos {
            match self.statics.get(&p.file.value) {
                None => self.diagnostics.push(
                    at(src, &p.file, msg::PHOTO_MISSING.with("file", &p.file.value))
                        .hint(&msg::PHOTO_MISSING_HINT),
                ),
                Some(false) => self.diagnostics.push(
                    at(
                        src,
                        &p.file,
                        msg::PHOTO_UNREADABLE.with("file", &p.file.value),
                    )
                    .hint(&msg::PHOTO_UNREADABLE_HINT),
                ),
                Some(true) => {}
            }
            if p.alt.value.trim().is_empty() {
                self.diagnostics
                    .push(at(src, &p.alt, msg::EMPTY_ALT.message()).hint(&msg::EMPTY_ALT_HINT));
            }
        }
    }

    fn check_year(&mut self, year: i64, src: &SourceFile, y: &crate::load::YearRecord) {
        if !YEARS.contains(&year) {
            self.diagnostics.push(
                Diagnostic::file_error(&src.path, year_out_of_range(year))
                    .hint(&msg::YEAR_FILE_HINT),
            );
        }
        self.check_source_ref(src, y.source.as_ref());
        self.check_example(src, y.example.as_ref());
        if let Some(campaign) = &y.campaign {
            self.check_campaign(src, campaign);
        }
        self.check_figure_map(src, &y.figures, false);
        if let Some(a) = &y.attainment {
            for r in [&a.communes, &a.villages, &a.agencies]
                .into_iter()
                .flatten()
            {
                self.check_ratio(src, r);
            }
        }
        let mut seen = BTreeSet::new();
        for m in &y.models {
            self.check_model_ref(src, &m.model);
            if !seen.insert(m.model.value.clone()) {
                self.diagnostics.push(
                    at(
                        src,
                        &m.model,
                        msg::MODEL_TWICE.with("model", &m.model.value),
                    )
                    .hint(&msg::MODEL_ONCE_HINT),
                );
            }
            for f in [&m.total, &m.new, &m.community_funded] {
                self.check_figure(src, f.as_ref());
            }
            if let Some(b) = &m.city_budget {
                self.check_source_ref(src, b.source.as_ref());
                self.check_figure(src, b.count.as_ref());
                self.check_figure(src, b.locations.as_ref());
                if let Some(v) = &b.value_vnd {
                    self.check_source_ref_of(src, v);
                    // Beyond this the pages cannot even show the amount.
                    if v.value.value > crate::catalogue::MAX_MONEY {
                        self.diagnostics.push(
                            at(
                                src,
                                v,
                                msg::IMPLAUSIBLE_MONEY
                                    .with("value", crate::text::format_money_vnd(v.value.value)),
                            )
                            .hint(&msg::IMPLAUSIBLE_MONEY_HINT),
                        );
                    }
                }
            }
            figures::check_city_model(src, m, &mut self.diagnostics);
        }
        for q in &y.quotes {
            self.check_source_ref(src, q.source.as_ref());
        }
    }

    fn check_campaign(&mut self, src: &SourceFile, c: &crate::load::CampaignRecord) {
        self.check_source_ref(src, c.source.as_ref());
        let figures = c.figures();
        for (_, f) in figures {
            self.check_figure(src, f);
        }
        // A part cannot exceed its whole, as the catalogue says.
        for (id, part) in figures {
            let whole_id = self.catalogue.get(id).and_then(|i| i.part_of);
            let whole = figures
                .iter()
                .find(|(w, _)| Some(*w) == whole_id)
                .and_then(|(_, f)| *f);
            if let (Some(part), Some(whole), Some(whole_id)) = (part, whole, whole_id)
                && part.value.value > whole.value.value
            {
                self.diagnostics.push(
                    at(
                        src,
                        part,
                        msg::PART_EXCEEDS_WHOLE
                            .with("part", id)
                            .with("value", part.value.value)
                            .with("whole", whole_id)
                            .with("total", whole.value.value),
                    )
                    .hint(
                        msg::PART_OF_WHOLE_HINT
                            .with("part", id)
                            .with("whole", whole_id),
                    ),
                );
            }
        }
    }

    /// Checks the `figures:` of a commune's year (`commune`) or of a year file against the
    /// catalogue: known ids, each once, of the right kind and scope, plausible, cited sources.
    fn check_figure_map(&mut self, src: &SourceFile, figures: &FigureMap, commune: bool) {
        let catalogue = self.catalogue.clone();
        let mut seen = BTreeSet::new();
        for (id, value) in &figures.0 {
            if !seen.insert(id.value.as_str()) {
                self.diagnostics.push(
                    at(src, id, msg::INDICATOR_TWICE.with("id", &id.value))
                        .hint(&msg::INDICATOR_ONCE_HINT),
                );
                continue;
            }
            let Some(indicator) = catalogue
                .get(&id.value)
                .filter(|i| i.section == crate::catalogue::Section::Indicators)
            else {
                let known: Vec<&str> = catalogue.own().map(|i| &*i.id).collect();
                let hint = match crate::text::did_you_mean(&id.value, &known) {
                    Some(best) => msg::DID_YOU_MEAN.with("name", best),
                    None if known.is_empty() => msg::NO_INDICATORS_HINT.message(),
                    None => msg::KNOWN_INDICATORS_HINT.with("ids", known.join(", ")),
                };
                self.diagnostics
                    .push(at(src, id, msg::UNKNOWN_INDICATOR.with("id", &id.value)).hint(hint));
                continue;
            };
            if commune && !indicator.for_communes() {
                self.diagnostics.push(
                    at(src, id, msg::INDICATOR_AREA_ONLY.with("id", &id.value))
                        .hint(msg::INDICATOR_SCOPE_HINT.with("id", &id.value)),
                );
            }
            if !commune && !indicator.for_area() {
                self.diagnostics.push(
                    at(src, id, msg::INDICATOR_COMMUNE_ONLY.with("id", &id.value))
                        .hint(msg::INDICATOR_SCOPE_HINT.with("id", &id.value)),
                );
            }
            use crate::load::{FigureValue, IndicatorKind};
            let largest = match (&value.value, indicator.kind) {
                (FigureValue::Number(f), IndicatorKind::Count | IndicatorKind::Money) => {
                    Some(f.value)
                }
                (FigureValue::Ratio { safe, total, .. }, IndicatorKind::Ratio) => {
                    if safe.value.0 > total.value.0 {
                        self.diagnostics.push(
                            at(
                                src,
                                safe,
                                msg::SAFE_EXCEEDS_TOTAL
                                    .with("safe", safe.value.0)
                                    .with("total", total.value.0),
                            )
                            .hint(&msg::SAFE_HINT),
                        );
                    }
                    Some(total.value.0)
                }
                (FigureValue::Text(_), IndicatorKind::Text) => None,
                _ => {
                    self.diagnostics.push(
                        at(
                            src,
                            value,
                            msg::INDICATOR_WRONG_KIND
                                .with("id", &id.value)
                                .with("kind", indicator.kind_name()),
                        )
                        .hint(&msg::INDICATOR_KIND_HINT),
                    );
                    continue;
                }
            };
            if let Some(v) = largest
                && v > indicator.max
            {
                self.diagnostics.push(
                    at(
                        src,
                        value,
                        msg::IMPLAUSIBLE_VALUE
                            .with("value", crate::text::format_int(v as i64))
                            .with("id", &id.value)
                            .with("max", crate::text::format_int(indicator.max as i64)),
                    )
                    .hint(msg::IMPLAUSIBLE_VALUE_HINT.with("id", &id.value)),
                );
            }
            if let Some(source) = value.value.source()
                && !self.sources.contains(source)
            {
                let known: Vec<&str> = self.sources.iter().map(String::as_str).collect();
                let hint = match crate::text::did_you_mean(source, &known) {
                    Some(best) => msg::DID_YOU_MEAN.with("name", best),
                    None => msg::UNKNOWN_SOURCE_HINT.message(),
                };
                self.diagnostics
                    .push(at(src, value, msg::UNKNOWN_SOURCE.with("id", source)).hint(hint));
            }
        }
    }

    fn check_ratio(&mut self, src: &SourceFile, r: &crate::load::Ratio) {
        self.check_source_ref(src, r.source.as_ref());
        if r.safe.value.0 > r.total.value.0 {
            self.diagnostics.push(
                at(
                    src,
                    &r.safe,
                    msg::SAFE_EXCEEDS_TOTAL
                        .with("safe", r.safe.value.0)
                        .with("total", r.total.value.0),
                )
                .hint(&msg::SAFE_HINT),
            );
        }
    }

    /// Checks a count's citation and that it is plausible.
    fn check_figure(&mut self, src: &SourceFile, figure: Option<&Spanned<crate::load::Figure>>) {
        let Some(figure) = figure else { return };
        self.check_source_ref_of(src, figure);
        if figure.value.value > MAX_COUNT {
            self.diagnostics.push(
                at(
                    src,
                    figure,
                    msg::IMPLAUSIBLE_COUNT.with("value", figure.value.value),
                )
                .hint(
                    msg::IMPLAUSIBLE_COUNT_HINT
                        .with("max", crate::text::format_int(MAX_COUNT as i64)),
                ),
            );
        }
    }

    fn check_source_ref_of(&mut self, src: &SourceFile, figure: &Spanned<crate::load::Figure>) {
        if let Some(id) = figure.value.source()
            && !self.sources.contains(id)
        {
            let known: Vec<&str> = self.sources.iter().map(String::as_str).collect();
            let hint = match crate::text::did_you_mean(id, &known) {
                Some(best) => msg::DID_YOU_MEAN.with("name", best),
                None => msg::UNKNOWN_SOURCE_HINT.message(),
            };
            self.diagnostics
                .push(at(src, figure, msg::UNKNOWN_SOURCE.with("id", id)).hint(hint));
        }
    }
}

/// "the year … is outside 1945–2100".
fn year_out_of_range(year: i64) -> Message {
    msg::YEAR_OUT_OF_RANGE
        .with("year", year)
        .with("first", YEARS.start())
        .with("last", YEARS.end())
}
