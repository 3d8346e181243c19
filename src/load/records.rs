//! The content format: one Rust type per kind of content file, exactly as written in YAML.
//! `docs/content-format.md` documents every field; [`crate::schema`] derives the JSON Schemas
//! for editors from these types.

use std::fmt;

use super::{Location, Spanned};
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

pub use crate::language::Language;

/// A text value with the position where it was written.
pub type Text = Spanned<String>;

/// `content/site.yaml`: the report as a whole.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteRecord {
    pub title: String,
    pub locality: String,
    /// The level of the area (`huyện`, `tỉnh`…) when `locality` does not start with it.
    pub level: Option<super::Level>,
    pub province: Option<String>,
    pub agency: String,
    #[serde(default)]
    pub language: Language,
    /// Other languages of the interface to build the same report in, each into its own
    /// folder (`output/en/`): the content stays as written, in `language`.
    #[serde(default)]
    pub translations: Vec<Language>,
    #[schemars(with = "Option<String>")]
    pub base_url: Option<Text>,
    pub description: Option<String>,
    /// When the report was first published: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[schemars(with = "Option<String>")]
    pub published: Option<Text>,
    /// When it was last corrected or completed, in the same form.
    #[schemars(with = "Option<String>")]
    pub updated: Option<Text>,
    /// The licence of the texts and data, such as `CC BY 4.0`.
    pub licence: Option<String>,
    /// The address of the licence's text.
    #[schemars(with = "Option<String>")]
    pub licence_url: Option<Text>,
    /// Where readers send corrections: an e-mail address, a telephone number or an office.
    pub contact: Option<String>,
    #[serde(default)]
    pub sources: Vec<SourceRecord>,
    /// Publish HTML and JavaScript files of `content/static/` (refused otherwise: they would
    /// run as part of the site).
    #[serde(default)]
    pub allow_scripts: bool,
    /// When a figure's change from the year before is worth a warning.
    #[serde(default)]
    pub year_change: YearChange,
}

impl SiteRecord {
    /// The languages the site is built in: its own `language` first, then each of
    /// `translations` once.
    pub fn languages(&self) -> Vec<Language> {
        let mut languages = vec![self.language];
        for language in &self.translations {
            if !languages.contains(language) {
                languages.push(*language);
            }
        }
        languages
    }
}

/// `year_change:` in `content/site.yaml`: a figure that grows or falls more than `factor`
/// times from the year before, or from 0, gets a warning to check it, when the larger of the
/// two values is above `above` (small numbers change a lot without a mistake).
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct YearChange {
    pub factor: u64,
    pub above: u64,
}

impl Default for YearChange {
    fn default() -> Self {
        YearChange {
            factor: 5,
            above: 20,
        }
    }
}

/// A publication that figures cite.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    #[schemars(with = "String")]
    pub id: Text,
    pub title: String,
    pub publisher: Option<String>,
    pub author: Option<String>,
    #[schemars(with = "Option<String>")]
    pub url: Option<Text>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[schemars(with = "Option<String>")]
    pub date: Option<Text>,
}

/// `content/communes/*.yaml`: one commune, ward, township or special zone.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommuneRecord {
    #[schemars(with = "Option<String>")]
    pub id: Option<Text>,
    #[schemars(with = "String")]
    pub name: Text,
    #[schemars(with = "UnitKind")]
    pub kind: Spanned<UnitKind>,
    #[schemars(with = "Option<String>")]
    pub code: Option<Text>,
    /// The id of its group (`content/groups/<id>.yaml`), such as its district.
    #[schemars(with = "Option<String>")]
    pub group: Option<Text>,
    pub chief: Option<Person>,
    /// Markdown.
    #[schemars(with = "Option<String>")]
    pub summary: Option<Text>,
    /// Source cited by every figure of this file that names none itself.
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
    #[serde(default, deserialize_with = "fitted")]
    pub years: Vec<CommuneYear>,
    /// `example: true`: the figures are `baocao new`'s examples, which `build` refuses to
    /// publish until the line is deleted.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub example: Option<Spanned<bool>>,
    #[serde(default)]
    pub groups: Vec<GroupRecord>,
    #[serde(default)]
    pub quotes: Vec<QuoteRecord>,
    #[serde(default)]
    pub photos: Vec<PhotoRecord>,
}

/// `content/groups/<id>.yaml`: a group of communes, such as the district they belong to (not
/// to be confused with a commune's `groups:`, its named teams).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommuneGroupRecord {
    #[schemars(with = "String")]
    pub name: Text,
    #[schemars(with = "CommuneGroupKind")]
    pub kind: Spanned<CommuneGroupKind>,
    #[schemars(with = "Option<String>")]
    pub summary: Option<Text>,
}

/// The kind of a group of communes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum CommuneGroupKind {
    /// A province, grouping the communes of a national report.
    #[serde(rename = "tỉnh")]
    Tinh,
    #[serde(rename = "huyện")]
    Huyen,
    #[serde(rename = "thị xã")]
    ThiXa,
    #[serde(rename = "quận")]
    Quan,
    #[serde(rename = "thành phố")]
    ThanhPho,
    #[serde(rename = "cụm")]
    Cum,
}

impl CommuneGroupKind {
    /// The word as written before a name: "Tỉnh", "Huyện", "Thị xã", "Quận", "Thành phố",
    /// "Cụm".
    pub fn label(self) -> &'static str {
        match self {
            CommuneGroupKind::Tinh => "Tỉnh",
            CommuneGroupKind::Huyen => "Huyện",
            CommuneGroupKind::ThiXa => "Thị xã",
            CommuneGroupKind::Quan => "Quận",
            CommuneGroupKind::ThanhPho => "Thành phố",
            CommuneGroupKind::Cum => "Cụm",
        }
    }
}

/// The kind of a commune-level unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum UnitKind {
    #[serde(rename = "xã")]
    Xa,
    #[serde(rename = "phường")]
    Phuong,
    #[serde(rename = "thị trấn")]
    ThiTran,
    #[serde(rename = "đặc khu")]
    DacKhu,
}

impl UnitKind {
    /// The word as written before a name: "Xã", "Phường", "Thị trấn", "Đặc khu".
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Xa => "Xã",
            UnitKind::Phuong => "Phường",
            UnitKind::ThiTran => "Thị trấn",
            UnitKind::DacKhu => "Đặc khu",
        }
    }
}

/// A named person: a police chief or a speaker.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub rank: Option<String>,
    pub name: String,
    pub title: Option<String>,
}

/// A commune's figures for one year.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommuneYear {
    #[schemars(with = "i64")]
    pub year: Spanned<i64>,
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
    #[serde(default, deserialize_with = "fitted")]
    pub models: Vec<ModelCount>,
    // Boxed: few communes report it, and a national project holds 100.000 commune-years.
    pub attainment: Option<Box<CommuneAttainment>>,
    pub campaign: Option<CampaignRecord>,
    /// The project's own indicators (`content/indicators/`), by id.
    #[serde(default)]
    pub figures: FigureMap,
    pub note: Option<String>,
}

/// How many of one model type a commune runs (no `count` means: runs it, number not reported).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelCount {
    #[schemars(with = "String")]
    pub model: Text,
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub count: Option<Spanned<Figure>>,
    pub note: Option<String>,
}

/// A commune's attainment of the "An toàn về ANTT" standard.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommuneAttainment {
    /// Whether the commune itself attained the standard.
    #[schemars(with = "Option<bool>")]
    #[serde(default, deserialize_with = "written_flag")]
    pub commune: Option<Spanned<bool>>,
    /// Villages or residential groups that attained it, of all.
    #[serde(default, deserialize_with = "written_ratio")]
    pub villages: Option<Ratio>,
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
}

/// `safe` of `total` units attained the standard.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ratio {
    #[schemars(with = "Count")]
    pub safe: Spanned<Count>,
    #[schemars(with = "Count")]
    pub total: Spanned<Count>,
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
}

/// Figures of the "Toàn dân bảo vệ an ninh Tổ quốc" campaign.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CampaignRecord {
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub focus_areas: Option<Spanned<Figure>>,
    pub focus_areas_note: Option<String>,
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub sessions: Option<Spanned<Figure>>,
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub participations: Option<Spanned<Figure>>,
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub tips: Option<Spanned<Figure>>,
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub valuable_tips: Option<Spanned<Figure>>,
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
}

impl CampaignRecord {
    /// The campaign's figures by catalogue id, in the order the catalogue lists them.
    pub fn figures(&self) -> [(&'static str, Option<&Spanned<Figure>>); 5] {
        [
            ("focus_areas", self.focus_areas.as_ref()),
            ("sessions", self.sessions.as_ref()),
            ("participations", self.participations.as_ref()),
            ("tips", self.tips.as_ref()),
            ("valuable_tips", self.valuable_tips.as_ref()),
        ]
    }

    /// Notes on single figures, by the figure's catalogue id.
    pub fn notes(&self) -> [(&'static str, Option<&String>); 1] {
        [("focus_areas", self.focus_areas_note.as_ref())]
    }
}

/// A named model instance run by a commune, e.g. a patrol or liaison team.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupRecord {
    #[schemars(with = "String")]
    pub name: Text,
    #[schemars(with = "String")]
    pub model: Text,
    /// `YYYY-MM`.
    #[schemars(with = "Option<String>")]
    pub founded: Option<Text>,
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub members: Option<Spanned<Figure>>,
    #[serde(default)]
    pub outcomes: Vec<OutcomeRecord>,
    pub motto: Option<String>,
    /// Markdown.
    #[schemars(with = "Option<String>")]
    pub narrative: Option<Text>,
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
}

/// One result of a group, e.g. "cases handed to the commune police: 2".
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeRecord {
    pub label: String,
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub value: Option<Spanned<Figure>>,
    pub note: Option<String>,
}

/// Words someone said, as reported by a source.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteRecord {
    pub speaker: String,
    pub role: Option<String>,
    pub text: String,
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
}

/// An image from `content/static/`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhotoRecord {
    /// Path under `content/static/`.
    #[schemars(with = "String")]
    pub file: Text,
    pub caption: Option<String>,
    #[schemars(with = "String")]
    pub alt: Text,
}

/// `content/models/*.yaml`: one model type.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ModelRecord {
    #[schemars(with = "Option<String>")]
    pub id: Option<Text>,
    #[schemars(with = "String")]
    pub name: Text,
    /// What one unit of count is called: "mắt camera", "điểm", "tổ".
    pub unit: String,
    pub category: Option<String>,
    /// Markdown.
    #[schemars(with = "Option<String>")]
    pub description: Option<Text>,
    /// Position in lists; lower first, then by name.
    pub order: Option<i64>,
}

/// `content/years/<year>.yaml`: city-wide figures for one year.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearRecord {
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
    /// `example: true`, as in a commune file.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub example: Option<Spanned<bool>>,
    pub campaign: Option<CampaignRecord>,
    pub attainment: Option<CityAttainment>,
    #[serde(default)]
    pub models: Vec<CityModelRecord>,
    /// The project's own indicators (`content/indicators/`), by id, for the whole area.
    #[serde(default)]
    pub figures: FigureMap,
    /// Markdown.
    #[schemars(with = "Option<String>")]
    pub narrative: Option<Text>,
    #[serde(default)]
    pub quotes: Vec<QuoteRecord>,
}

/// City-wide attainment of "An toàn về ANTT".
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CityAttainment {
    #[serde(default, deserialize_with = "written_ratio")]
    pub communes: Option<Ratio>,
    #[serde(default, deserialize_with = "written_ratio")]
    pub villages: Option<Ratio>,
    #[serde(default, deserialize_with = "written_ratio")]
    pub agencies: Option<Ratio>,
}

/// City-wide figures for one model type in one year.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CityModelRecord {
    #[schemars(with = "String")]
    pub model: Text,
    /// Count at the end of the year.
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub total: Option<Spanned<Figure>>,
    /// Newly built during the year.
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub new: Option<Spanned<Figure>>,
    pub city_budget: Option<CityBudgetRecord>,
    /// Added during the year with community funding (xã hội hóa).
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub community_funded: Option<Spanned<Figure>>,
    pub note: Option<String>,
}

/// What the city budget paid for during the year.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CityBudgetRecord {
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub count: Option<Spanned<Figure>>,
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub locations: Option<Spanned<Figure>>,
    #[schemars(with = "Option<Figure>")]
    #[serde(default, deserialize_with = "written")]
    pub value_vnd: Option<Spanned<Figure>>,
    #[schemars(with = "Option<String>")]
    pub source: Option<Text>,
}

/// `content/indicators/<id>.yaml`: a figure the project reports besides the built-in ones.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorRecord {
    /// Vietnamese name: "Số vụ phạm pháp hình sự".
    #[schemars(with = "String")]
    pub name: Text,
    /// English name, for sites built in English.
    pub name_en: Option<String>,
    /// What one unit is called: "vụ", "người", "đồng".
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub kind: IndicatorKind,
    /// How the communes' figures relate to the area's.
    #[serde(default)]
    pub total: TotalRule,
    /// Where it may be reported.
    #[serde(default)]
    pub scope: Scope,
    /// Largest plausible value; larger ones are taken for typing mistakes.
    #[schemars(with = "Option<u64>")]
    pub max: Option<Spanned<Count>>,
    /// Position in lists; lower first, then by name.
    pub order: Option<i64>,
    /// Markdown.
    #[schemars(with = "Option<String>")]
    pub description: Option<Text>,
}

/// What kind of value an indicator holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum IndicatorKind {
    /// A whole number of things.
    #[default]
    Count,
    /// An amount in đồng.
    Money,
    /// `safe` of `total`.
    Ratio,
    /// A short text.
    Text,
}

/// How the communes' figures of an indicator relate to the area's figure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TotalRule {
    /// The area figure is the sum of the communes'.
    Sum,
    /// The area figure is at least the sum of the communes'.
    AtLeast,
    /// The figures are not related.
    #[default]
    None,
}

/// Where a figure may be reported.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Only for the whole report area (`content/years/`).
    Area,
    /// Only for communes (`content/communes/`).
    Commune,
    /// Both.
    #[default]
    Both,
}

/// The `figures:` mapping of a year: indicator id → value, in the order written, each with
/// the positions of its id and value.
#[derive(Debug, Default)]
pub struct FigureMap(pub Vec<(Text, Spanned<FigureValue>)>);

/// A value under `figures:`: a number (a count or an amount of money), a ratio, or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureValue {
    Number(Figure),
    Ratio {
        safe: Spanned<Count>,
        total: Spanned<Count>,
        source: Option<String>,
    },
    Text(String),
}

impl FigureValue {
    /// The source the value names itself.
    pub fn source(&self) -> Option<&str> {
        match self {
            FigureValue::Number(f) => f.source(),
            FigureValue::Ratio { source, .. } => source.as_deref(),
            FigureValue::Text(_) => None,
        }
    }
}

/// Front matter of `content/pages/*.md`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    pub title: String,
    pub order: Option<i64>,
    pub description: Option<String>,
}

/// A list holding no spare room: a national project keeps a hundred thousand of them until
/// its report is built.
fn fitted<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    let mut list = Vec::deserialize(d)?;
    list.shrink_to_fit();
    Ok(list)
}

/// An optional figure that, once its key is written, must hold a value: `count:` with nothing
/// after it is a mistake, not "no data" (no data is a key left out).
fn written<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// Like [`written`], for `true` or `false`.
fn written_flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Spanned<bool>>, D::Error> {
    Option::deserialize(d)?
        .map(Some)
        .ok_or_else(|| de::Error::custom(crate::messages::NOTHING_FOR_FLAG.message()))
}

/// Like [`written`], for `{ safe: …, total: … }`.
fn written_ratio<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Ratio>, D::Error> {
    Option::deserialize(d)?
        .map(Some)
        .ok_or_else(|| de::Error::custom(crate::messages::NOTHING_FOR_RATIO.message()))
}

/// A whole number of things (never negative, never fractional).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub u64);

/// A figure: a count, either plain (`23`) or with its own citation
/// (`{ value: 23, source: bao-yen-bai-2023, note: "..." }`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub value: u64,
    /// What the map form adds; `None` for a plain number, as most figures are (a national
    /// project holds a million of them until its report is built). Read it through
    /// [`Figure::source`], [`Figure::note`] and [`Figure::value_at`].
    detail: Option<Box<FigureDetail>>,
}

/// A figure's own citation and note, and where its `value:` is written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FigureDetail {
    source: Option<String>,
    note: Option<String>,
    /// Where the map form wrote its `value` (the plain form's place is the figure's own).
    value_at: Location,
}

struct CountVisitor;

impl<'de> Visitor<'de> for CountVisitor {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        Ok(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
        u64::try_from(v).map_err(|_| E::custom(format!("a count cannot be negative, found {v}")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
        if v.fract() == 0.0 && v >= 0.0 {
            // A whole number too large for a count (YAML read it as a float).
            return Err(E::custom(format!(
                "{v:.0} is implausibly large for a count"
            )));
        }
        Err(E::custom(format!(
            "a count must be a whole number, found {v} (write 24527, not 24.527 or 24,527)"
        )))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
        Err(E::custom(format!(
            "expected a number, found the text \"{v}\" (write digits only, e.g. 24527)"
        )))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<u64, E> {
        Err(E::custom(format!("expected a number, found `{v}`")))
    }

    fn visit_unit<E: de::Error>(self) -> Result<u64, E> {
        Err(E::custom(
            "expected a number, found nothing (delete the field if there is no figure)",
        ))
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CountVisitor).map(Count)
    }
}

struct FigureVisitor;

impl<'de> Visitor<'de> for FigureVisitor {
    type Value = Figure;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a whole number, or a mapping with `value`, `source` and `note`")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Figure, E> {
        Ok(Figure::plain(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Figure, E> {
        CountVisitor.visit_i64(v).map(Figure::plain)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Figure, E> {
        CountVisitor.visit_f64(v).map(Figure::plain)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Figure, E> {
        CountVisitor.visit_str(v).map(Figure::plain)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Figure, E> {
        CountVisitor.visit_bool(v).map(Figure::plain)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Figure, E> {
        CountVisitor.visit_unit().map(Figure::plain)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Figure, A::Error> {
        const FIELDS: &[&str] = &["value", "source", "note"];
        let (mut value, mut source, mut note) = (None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "value" => value = Some(map.next_value::<Spanned<Count>>()?),
                "source" => source = Some(map.next_value()?),
                "note" => note = Some(map.next_value()?),
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        let value = value.ok_or_else(|| de::Error::missing_field("value"))?;
        Ok(Figure::detailed(value, source, note))
    }
}

impl Figure {
    fn plain(value: u64) -> Self {
        Figure {
            value,
            detail: None,
        }
    }

    /// The map form: `{ value: …, source: …, note: … }`.
    fn detailed(value: Spanned<Count>, source: Option<String>, note: Option<String>) -> Self {
        Figure {
            value: value.value.0,
            detail: Some(Box::new(FigureDetail {
                source,
                note,
                value_at: value.referenced,
            })),
        }
    }

    /// The source it cites itself, if any.
    pub fn source(&self) -> Option<&str> {
        self.detail.as_ref()?.source.as_deref()
    }

    /// Its note, if any.
    pub fn note(&self) -> Option<&str> {
        self.detail.as_ref()?.note.as_deref()
    }

    /// Where its value is written, when written in the map form (`value:`).
    pub fn value_at(&self) -> Option<&Location> {
        self.detail.as_ref().map(|d| &d.value_at)
    }

    /// Where the value of `figure` is written: its `value:` in the map form.
    pub fn value_location(figure: &Spanned<Figure>) -> &Location {
        figure.value.value_at().unwrap_or(&figure.referenced)
    }
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FigureVisitor)
    }
}

struct FigureValueVisitor;

impl<'de> Visitor<'de> for FigureValueVisitor {
    type Value = FigureValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number, a text, `{ value: … }` or `{ safe: …, total: … }`")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<FigureValue, E> {
        FigureVisitor.visit_u64(v).map(FigureValue::Number)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<FigureValue, E> {
        FigureVisitor.visit_i64(v).map(FigureValue::Number)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<FigureValue, E> {
        FigureVisitor.visit_f64(v).map(FigureValue::Number)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<FigureValue, E> {
        Ok(FigureValue::Text(v.to_owned()))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<FigureValue, E> {
        FigureVisitor.visit_bool(v).map(FigureValue::Number)
    }

    fn visit_unit<E: de::Error>(self) -> Result<FigureValue, E> {
        FigureVisitor.visit_unit().map(FigureValue::Number)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FigureValue, A::Error> {
        const FIELDS: &[&str] = &["value", "safe", "total", "source", "note"];
        let (mut value, mut safe, mut total) = (None, None, None);
        let (mut source, mut note) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "value" => value = Some(map.next_value::<Spanned<Count>>()?),
                "safe" => safe = Some(map.next_value::<Spanned<Count>>()?),
                "total" => total = Some(map.next_value::<Spanned<Count>>()?),
                "source" => source = Some(map.next_value()?),
                "note" => note = Some(map.next_value()?),
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        match (value, safe, total) {
            (Some(value), None, None) => {
                Ok(FigureValue::Number(Figure::detailed(value, source, note)))
            }
            (None, Some(safe), Some(total)) => Ok(FigureValue::Ratio {
                safe,
                total,
                source,
            }),
            (None, Some(_), None) => Err(de::Error::missing_field("total")),
            (None, None, Some(_)) => Err(de::Error::missing_field("safe")),
            _ => Err(de::Error::missing_field("value")),
        }
    }
}

impl<'de> Deserialize<'de> for FigureValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FigureValueVisitor)
    }
}

struct FigureMapVisitor;

impl<'de> Visitor<'de> for FigureMapVisitor {
    type Value = FigureMap;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping of indicator ids to figures")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FigureMap, A::Error> {
        let mut figures = Vec::new();
        while let Some(key) = map.next_key::<Text>()? {
            figures.push((key, map.next_value()?));
        }
        Ok(FigureMap(figures))
    }
}

impl<'de> Deserialize<'de> for FigureMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(FigureMapVisitor)
    }
}

impl CommuneRecord {
    /// The explicit id, or the slug of the name; a numbered unit's name with its kind
    /// ("1", a phường, is `phuong-1`).
    pub fn resolved_id(&self) -> String {
        let name = &self.name.value;
        if self.id.is_none() && name.starts_with(|c: char| c.is_ascii_digit()) {
            return crate::text::slugify(&format!("{} {name}", self.kind.value.label()));
        }
        resolved_id(self.id.as_ref(), name)
    }
}

impl ModelRecord {
    /// The explicit id, or the slug of the name.
    pub fn resolved_id(&self) -> String {
        resolved_id(self.id.as_ref(), &self.name.value)
    }
}

fn resolved_id(explicit: Option<&Text>, name: &str) -> String {
    match explicit {
        Some(id) => id.value.clone(),
        None => crate::text::slugify(name),
    }
}
