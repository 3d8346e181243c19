//! Phase 3, **report**: the validated project as typed, resolved data, ready to render.
//! References are resolved, lists are in Vietnamese order, every figure knows its source.
//! Nothing here words the interface: templates do that with the locale and the filters of
//! `render` (only a derived figure's calculation is written out, in the site's number format).

mod build;
mod preview;

pub use build::{build, build_freeing, build_translation};
pub use preview::{Known, build_preview};

use std::sync::Arc;

use serde::Serialize;

/// The whole report.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub site: Site,
    pub sources: Vec<Source>,
    /// Model types, by `order` then name.
    pub models: Vec<ModelType>,
    /// Communes in Vietnamese alphabetical order.
    pub communes: Vec<Commune>,
    /// Groups of communes (districts, clusters) in Vietnamese alphabetical order; empty when
    /// the project has none.
    pub commune_groups: Vec<CommuneGroup>,
    /// City-wide years, oldest first.
    pub years: Vec<Year>,
    /// Free pages, by `order` then title.
    pub pages: Vec<Page>,
    /// The project's own indicators, by `order` then name.
    pub indicators: Vec<Indicator>,
    /// Every figure the report knows, built-in and the project's.
    #[serde(skip)]
    pub catalogue: crate::catalogue::Catalogue,
    /// The newest year with city-wide or commune figures.
    pub latest_year: Option<i64>,
    /// Every year with figures, city-wide or from a commune, oldest first.
    pub all_years: Vec<i64>,
    /// How many years of figures the communes report in all: above
    /// [`crate::paths::data_split_by_year`]'s bound, their data files are split by year.
    #[serde(skip)]
    pub commune_years: usize,
}

#[derive(Debug, Default, Serialize)]
pub struct Site {
    pub title: String,
    pub locality: String,
    /// How pages name the area and its budget, by its level: "huyện", "district".
    pub area: &'static str,
    /// How pages name the communes together, by the kinds present: "xã, thị trấn".
    #[serde(skip)]
    pub units: crate::load::UnitWords,
    pub province: Option<String>,
    pub agency: String,
    /// `vi` or `en`: the language of the interface.
    pub language: &'static str,
    /// The language the content is written in, when it is not the interface's (a
    /// translation's pages mark names, units and texts from the content with it).
    pub content_language: Option<&'static str>,
    /// The same report in the other languages the project is built in.
    pub editions: Vec<Edition>,
    /// Address of the published site, ending with `/`; only for canonical links and the sitemap.
    pub base_url: Option<String>,
    pub description: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as written.
    pub published: Option<String>,
    pub updated: Option<String>,
    pub licence: Option<String>,
    pub licence_url: Option<String>,
    pub contact: Option<String>,
    /// How to cite the report: "Công an thành phố Yên Bái (2024). Báo cáo … https://…".
    pub citation: String,
}

/// Another language's edition of the site, for the language switch.
#[derive(Debug, Serialize)]
pub struct Edition {
    /// `vi` or `en`.
    pub language: &'static str,
    /// The language's name in itself: `English`.
    pub name: &'static str,
    /// The edition's root from this edition's root: `en/`, `../`.
    pub path: String,
    /// The edition's address, with the site's `base_url`.
    pub base_url: Option<String>,
}

/// A publication cited by figures.
#[derive(Debug, Serialize)]
pub struct Source {
    pub id: String,
    /// 1-based position in `site.yaml`, shown as `[1]`.
    pub number: usize,
    pub title: String,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    /// The figures of city-wide pages (years, model types, free pages) that cite this source,
    /// in page order.
    pub citations: Vec<Citation>,
    /// Communes whose page has figures citing this source, in commune order: a list of
    /// each figure would grow with communes × years × figures.
    pub communes: Vec<CommuneCitations>,
    /// How many figures cite this source in all.
    pub cited_figures: usize,
}

/// How many figures of one commune's page cite a source.
#[derive(Debug, Clone, Serialize)]
pub struct CommuneCitations {
    pub commune: CommuneLink,
    pub figures: usize,
}

/// One figure citing a source, as listed on the sources page.
#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    /// Page showing the figure, relative to the site root.
    pub page: String,
    /// What the figure is, in the content's words: `["2023", "Camera an ninh"]`.
    pub parts: Vec<String>,
    /// The UI string (locale key) that ends the name when the content has no word for it:
    /// `cite_communes_safe` for `["2023"]`.
    pub key: Option<&'static str>,
    pub value: u64,
    /// How the value is written: `count`, `money` or `ratio` (then `value` is the safe part).
    pub format: &'static str,
    pub total: Option<u64>,
}

/// A reference to a source next to a figure, shared by every figure that cites the source.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Cite(Arc<CitedSource>);

/// What a [`Cite`] names: the source's id and its number in the list of sources.
#[derive(Debug, Serialize)]
pub struct CitedSource {
    pub id: Arc<str>,
    pub number: usize,
}

impl Cite {
    /// The citation of source `id`, numbered `number` in the list of sources.
    pub fn new(id: &str, number: usize) -> Cite {
        Cite(Arc::new(CitedSource {
            id: id.into(),
            number,
        }))
    }
}

impl std::ops::Deref for Cite {
    type Target = CitedSource;

    fn deref(&self) -> &CitedSource {
        &self.0
    }
}

/// A reported figure with its citation. Templates see `value`, `source`, `note` and
/// `derived`.
#[derive(Debug, Clone)]
pub struct Fig {
    pub value: u64,
    pub source: Option<Cite>,
    /// The note and the derivation, for the few figures that have either: a national
    /// report holds millions of figures.
    more: Option<Box<FigMore>>,
}

#[derive(Debug, Clone)]
struct FigMore {
    note: Option<String>,
    derived: Option<String>,
}

impl Fig {
    /// A figure as stated, with its note if it has one.
    pub fn stated(value: u64, source: Option<Cite>, note: Option<&str>) -> Fig {
        let more = note.map(|note| {
            Box::new(FigMore {
                note: Some(note.to_owned()),
                derived: None,
            })
        });
        Fig {
            value,
            source,
            more,
        }
    }

    /// A figure computed from stated ones, `derived` saying how.
    pub fn derived(value: u64, source: Option<Cite>, derived: String) -> Fig {
        let more = Some(Box::new(FigMore {
            note: None,
            derived: Some(derived),
        }));
        Fig {
            value,
            source,
            more,
        }
    }

    /// The note on the figure, if any.
    pub fn note(&self) -> Option<&str> {
        self.more.as_ref()?.note.as_deref()
    }

    /// How a derived figure was computed from stated ones, in the site's number format:
    /// "953 − 44 − 248".
    pub fn derivation(&self) -> Option<&str> {
        self.more.as_ref()?.derived.as_deref()
    }
}

impl Serialize for Fig {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut fig = serializer.serialize_struct("Fig", 4)?;
        fig.serialize_field("value", &self.value)?;
        fig.serialize_field("source", &self.source)?;
        fig.serialize_field("note", &self.note())?;
        fig.serialize_field("derived", &self.derivation())?;
        fig.end()
    }
}

/// `safe` of `total` units attained "An toàn về ANTT".
#[derive(Debug, Clone, Serialize)]
pub struct Ratio {
    pub safe: u64,
    pub total: u64,
    pub source: Option<Cite>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub rank: Option<String>,
    pub name: String,
    pub title: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    pub speaker: String,
    pub role: Option<String>,
    /// Markdown.
    pub text: String,
    pub source: Option<Cite>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Photo {
    /// Path relative to the site root (`static/...`).
    pub file: String,
    pub caption: Option<String>,
    pub alt: String,
    /// Size in pixels, so that the page reserves the space before the image loads.
    pub width: u32,
    pub height: u32,
}

/// A model type (camera network, fire point, patrol team…).
#[derive(Debug, Serialize)]
pub struct ModelType {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub category: Option<String>,
    /// Markdown.
    pub description: Option<String>,
    /// City-wide figures by year, oldest first.
    pub city: Vec<CityModelYear>,
    /// The newest year in which a commune reports this model.
    pub communes_year: Option<i64>,
    /// Every commune's report of this model in `communes_year`, in commune order (earlier
    /// years are on the commune pages).
    pub communes: Vec<CommuneModelCount>,
    /// Positions in `communes`, largest count first, communes without one last; empty when
    /// fewer than two communes give a count (nothing to rank).
    pub communes_largest_first: Vec<usize>,
    /// The named teams and groups of this model, in commune order.
    pub groups: Vec<ModelGroup>,
    /// How many communes report this model in some year or name a group of it.
    pub communes_reporting: usize,
    /// Communes that report nothing about this model in any year and name no group of it.
    pub communes_without_data: Vec<CommuneLink>,
}

/// A commune's named group of one model type, as the model page lists it (the commune
/// page has the rest).
#[derive(Debug, Clone, Serialize)]
pub struct ModelGroup {
    pub commune: CommuneLink,
    pub name: String,
    /// `YYYY-MM`.
    pub founded: Option<String>,
    pub members: Option<Fig>,
    pub source: Option<Cite>,
}

/// A commune's count of one model type in one year.
#[derive(Debug, Clone, Serialize)]
pub struct CommuneModelCount {
    pub year: i64,
    pub commune: CommuneLink,
    pub count: Option<Fig>,
    pub note: Option<String>,
}

/// Enough of a commune to link to it.
#[derive(Debug, Clone, Serialize)]
pub struct CommuneLink {
    pub id: Arc<str>,
    pub name: Arc<str>,
    /// "Xã Tuy Lộc".
    pub full_name: Arc<str>,
}

/// Enough of a group of communes to name and link it.
#[derive(Debug, Clone, Serialize)]
pub struct CommuneGroupLink {
    pub id: String,
    /// "Huyện Trấn Yên".
    pub full_name: String,
}

/// A group of communes, such as a district: its communes, and the totals of the figures that
/// add up over them.
#[derive(Debug, Serialize)]
pub struct CommuneGroup {
    pub id: String,
    pub name: String,
    /// "Huyện", "Thị xã", "Quận", "Thành phố" or "Cụm".
    pub kind: &'static str,
    pub full_name: String,
    /// Markdown.
    pub summary: Option<String>,
    /// In the order of the commune list.
    pub communes: Vec<CommuneLink>,
    /// Per model type its communes report, the sum of their counts in the latest year any of
    /// them reports it.
    pub models: Vec<GroupModelTotal>,
    /// Likewise for the campaign's figures and the project's indicators that add up over
    /// communes (the catalogue's `total` rule), in catalogue order.
    pub figures: Vec<GroupFigureTotal>,
}

/// The communes of a group's value of one figure of the catalogue in one year.
#[derive(Debug, Serialize)]
pub struct GroupFigureTotal {
    pub id: Arc<str>,
    /// In the site's language.
    pub name: Arc<str>,
    /// Whether `name` is a translation, not the content's own words.
    pub translated: bool,
    pub unit: Arc<str>,
    pub year: i64,
    pub total: u64,
    pub reporting: usize,
    /// One of the project's own indicators (it has a page and a chart across communes), not
    /// a campaign figure.
    pub own: bool,
}

/// The communes of a group's count of one model type in one year.
#[derive(Debug, Serialize)]
pub struct GroupModelTotal {
    pub model: ModelLink,
    pub year: i64,
    pub total: u64,
    /// How many of the group's communes report it that year.
    pub reporting: usize,
}

/// Enough of a model type to name and link it.
#[derive(Debug, Clone, Serialize)]
pub struct ModelLink {
    pub id: Arc<str>,
    pub name: Arc<str>,
    pub unit: Arc<str>,
}

/// City-wide figures of one model type in one year.
#[derive(Debug, Clone, Serialize)]
pub struct CityModelYear {
    pub year: i64,
    pub model: ModelLink,
    pub total: Option<Fig>,
    /// Added during the year: stated, or derived as city budget + community funded.
    pub new: Option<Fig>,
    pub city_budget_count: Option<Fig>,
    pub city_budget_locations: Option<Fig>,
    pub city_budget_value_vnd: Option<Fig>,
    pub community_funded: Option<Fig>,
    /// Count before this year's additions, derived as total − city budget − community funded.
    pub existing_before: Option<Fig>,
    pub note: Option<String>,
}

/// Campaign figures (city-wide or one commune's), by the catalogue's ids. Templates see a
/// mapping: each figure under its id (`campaign.<id>`), each note under `<id>_note`.
#[derive(Debug, Clone)]
pub struct Campaign {
    /// Every campaign figure of the catalogue, in its order; `None`: not reported.
    pub figures: Vec<(Arc<str>, Option<Fig>)>,
    /// Notes on single figures, by the figure's id.
    pub notes: Vec<(Arc<str>, Option<String>)>,
}

impl Campaign {
    /// The figure with this catalogue id, if reported.
    pub fn get(&self, id: &str) -> Option<&Fig> {
        self.figures
            .iter()
            .find(|(i, _)| **i == *id)
            .and_then(|(_, f)| f.as_ref())
    }
}

impl Serialize for Campaign {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.figures.len() + self.notes.len()))?;
        for (id, fig) in &self.figures {
            map.serialize_entry(&**id, fig)?;
        }
        for (id, note) in &self.notes {
            map.serialize_entry(&format!("{id}_note"), note)?;
        }
        map.end()
    }
}

/// Enough of one of the project's indicators to name it beside its value.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorLink {
    pub id: Arc<str>,
    /// In the site's language.
    pub name: Arc<str>,
    /// Whether `name` is a translation, not the content's own words.
    pub translated: bool,
    pub unit: Arc<str>,
    /// `count`, `money`, `ratio` or `text`.
    pub kind: &'static str,
}

/// A value as reported: which field is set follows the indicator's kind; none is "no data".
#[derive(Debug, Clone, Default, Serialize)]
pub struct Reported {
    /// A count or an amount of money.
    pub fig: Option<Fig>,
    pub ratio: Option<Ratio>,
    pub text: Option<String>,
}

impl Reported {
    /// Whether anything was reported.
    pub fn is_some(&self) -> bool {
        self.fig.is_some() || self.ratio.is_some() || self.text.is_some()
    }

    /// The source cited, if any.
    pub fn source(&self) -> Option<&Cite> {
        match (&self.fig, &self.ratio) {
            (Some(f), _) => f.source.as_ref(),
            (_, Some(r)) => r.source.as_ref(),
            _ => None,
        }
    }
}

/// One indicator's value in one year of a commune or of the whole area.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorFigure {
    pub indicator: IndicatorLink,
    #[serde(flatten)]
    pub reported: Reported,
}

/// One of the project's indicators, with everything its page shows.
#[derive(Debug, Serialize)]
pub struct Indicator {
    pub id: Arc<str>,
    /// In the site's language.
    pub name: Arc<str>,
    /// Whether `name` is a translation, not the content's own words.
    pub translated: bool,
    pub unit: Arc<str>,
    /// `count`, `money`, `ratio` or `text`.
    pub kind: &'static str,
    /// `sum`, `at_least` or `none`: how the communes' figures relate to the area's.
    pub total: &'static str,
    /// Markdown.
    pub description: Option<String>,
    /// Whether communes report it, and whether the whole area does.
    pub for_communes: bool,
    pub for_area: bool,
    /// The area's value in each year of `content/years/`, oldest first.
    pub area: Vec<AreaValue>,
    /// The newest year in which a commune reports it.
    pub communes_year: Option<i64>,
    /// Every commune's value in `communes_year`, in commune order (earlier years: commune
    /// pages and data files).
    pub communes: Vec<CommuneValue>,
    /// Positions in `communes`, largest value (or share) first, communes without one last;
    /// empty when fewer than two communes give a number.
    pub communes_largest_first: Vec<usize>,
    /// How many communes report it in `communes_year`.
    pub communes_reporting: usize,
    /// The sum of the communes' numbers in `communes_year` (counts and money).
    pub communes_sum: Option<u64>,
}

/// The area's value of an indicator in one year.
#[derive(Debug, Clone, Serialize)]
pub struct AreaValue {
    pub year: i64,
    #[serde(flatten)]
    pub reported: Reported,
}

/// A commune's value of an indicator.
#[derive(Debug, Clone, Serialize)]
pub struct CommuneValue {
    pub commune: CommuneLink,
    #[serde(flatten)]
    pub reported: Reported,
}

/// City-wide attainment of "An toàn về ANTT".
#[derive(Debug, Clone, Serialize)]
pub struct CityAttainment {
    pub communes: Option<Ratio>,
    pub villages: Option<Ratio>,
    pub agencies: Option<Ratio>,
}

/// City-wide figures for one year.
#[derive(Debug, Serialize)]
pub struct Year {
    pub year: i64,
    pub previous: Option<i64>,
    pub campaign: Option<Campaign>,
    pub attainment: Option<CityAttainment>,
    pub models: Vec<CityModelYear>,
    /// The area's values of the project's indicators that the area reports, in catalogue
    /// order; empty when the project has none.
    pub indicators: Vec<IndicatorFigure>,
    /// Markdown.
    pub narrative: Option<String>,
    pub quotes: Vec<Quote>,
    /// Communes' own campaign figures for this year. Not part of the `report` value of
    /// templates (it grows with communes × years): the campaign page gets the newest year's.
    #[serde(skip_serializing)]
    pub commune_campaigns: Vec<CommuneCampaign>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommuneCampaign {
    pub commune: CommuneLink,
    pub campaign: Arc<Campaign>,
}

/// A commune, ward, township or special zone.
#[derive(Debug, Serialize)]
pub struct Commune {
    pub id: Arc<str>,
    pub name: Arc<str>,
    /// "Xã", "Phường", "Thị trấn" or "Đặc khu".
    pub kind: &'static str,
    pub full_name: Arc<str>,
    /// The group it belongs to, such as its district.
    pub group: Option<CommuneGroupLink>,
    pub code: Option<String>,
    pub chief: Option<Person>,
    /// Markdown.
    pub summary: Option<String>,
    /// Figures by year, newest first.
    pub years: Vec<CommuneYear>,
    pub groups: Vec<Group>,
    pub quotes: Vec<Quote>,
    pub photos: Vec<Photo>,
    /// Whether any figure at all was reported.
    pub has_figures: bool,
}

#[derive(Debug, Serialize)]
pub struct CommuneYear {
    pub year: i64,
    pub models: Vec<CommuneModel>,
    /// Whether the commune attained "An toàn về ANTT" (None: not reported).
    pub commune_safe: Option<bool>,
    pub villages: Option<Ratio>,
    pub campaign: Option<Arc<Campaign>>,
    /// The commune's values of the project's indicators that communes report, in catalogue
    /// order; empty when the project has none.
    pub indicators: Vec<IndicatorFigure>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CommuneModel {
    /// Shared by every commune running the model.
    pub model: Arc<ModelLink>,
    pub count: Option<Fig>,
    pub note: Option<String>,
}

/// A named model instance, e.g. a liaison team.
#[derive(Debug, Serialize)]
pub struct Group {
    pub name: String,
    pub model: ModelLink,
    /// `YYYY-MM`.
    pub founded: Option<String>,
    pub members: Option<Fig>,
    pub outcomes: Vec<Outcome>,
    pub motto: Option<String>,
    /// Markdown.
    pub narrative: Option<String>,
    pub source: Option<Cite>,
}

#[derive(Debug, Serialize)]
pub struct Outcome {
    pub label: String,
    pub value: Option<Fig>,
    pub note: Option<String>,
}

/// A free Markdown page.
#[derive(Debug, Serialize)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    /// Markdown.
    pub body: String,
}
