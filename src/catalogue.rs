//! The figure catalogue: every figure baocao knows, described once. The built-in figures of
//! the "Toàn dân bảo vệ an ninh Tổ quốc" campaign are listed here; a project adds its own
//! indicators with one file each in `content/indicators/`. Validation, the report, pages,
//! charts, data files, search, `diff` and the JSON Schemas read this catalogue instead of
//! naming figures themselves.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::load::{IndicatorKind, IndicatorRecord, Loaded, Project, Scope, TotalRule};
use crate::text::collation_key;

/// Largest count accepted when an indicator sets no `max`; anything above is taken for a
/// typing mistake.
pub const MAX_COUNT: u64 = 100_000_000;

/// Largest amount of money (đồng) accepted when an indicator sets no `max`: a million billion.
pub const MAX_MONEY: u64 = 1_000_000_000_000_000;

/// Where a figure is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The built-in campaign figures (`campaign:` in commune and year files).
    Campaign,
    /// The project's own indicators (`figures:`), each with a page of its own.
    Indicators,
}

/// Which chart draws a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartRole {
    /// Not drawn (text, ratios, or figures shown as numbers only).
    None,
    /// A panel of the campaign's participation chart.
    Participation,
    /// A bar of the campaign's tips chart (a part is drawn beside its whole, with its share).
    Tips,
    /// Its own chart by year and across communes (`chart(kind="indicator")`).
    Own,
}

/// One figure of the catalogue.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// The key in content files, and in data files and `diff`.
    pub id: Arc<str>,
    /// Vietnamese name.
    pub name: Arc<str>,
    /// English name.
    pub name_en: Arc<str>,
    /// What one unit is called ("vụ"); may be empty.
    pub unit: Arc<str>,
    pub kind: IndicatorKind,
    pub scope: Scope,
    /// How the communes' figures relate to the area's.
    pub total: TotalRule,
    /// Largest plausible value.
    pub max: u64,
    /// The figure this one counts part of (valuable tips are part of all tips).
    pub part_of: Option<&'static str>,
    pub chart: ChartRole,
    pub section: Section,
    /// Markdown, for the indicator's page.
    pub description: Option<String>,
}

impl Indicator {
    /// `count`, `money`, `ratio` or `text`, as written in content files.
    pub fn kind_name(&self) -> &'static str {
        kind_name(self.kind)
    }

    /// The name in the site's language (`vi` or `en`).
    pub fn name_in(&self, language: &str) -> &str {
        if language == "en" {
            &self.name_en
        } else {
            &self.name
        }
    }

    /// Whether its name in `language` is a translation, not the content's own words.
    pub fn name_translated(&self, language: &str) -> bool {
        language == "en" && self.name_en != self.name
    }

    /// Whether communes may report it.
    pub fn for_communes(&self) -> bool {
        self.scope != Scope::Area
    }

    /// Whether the whole area may report it.
    pub fn for_area(&self) -> bool {
        self.scope != Scope::Commune
    }
}

/// `count`, `money`, `ratio` or `text`.
pub fn kind_name(kind: IndicatorKind) -> &'static str {
    match kind {
        IndicatorKind::Count => "count",
        IndicatorKind::Money => "money",
        IndicatorKind::Ratio => "ratio",
        IndicatorKind::Text => "text",
    }
}

/// `sum`, `at_least` or `none`.
pub fn total_name(total: TotalRule) -> &'static str {
    match total {
        TotalRule::Sum => "sum",
        TotalRule::AtLeast => "at_least",
        TotalRule::None => "none",
    }
}

/// Every figure of a report: the built-in ones, then the project's indicators.
#[derive(Debug, Clone)]
pub struct Catalogue {
    indicators: Vec<Indicator>,
    by_id: BTreeMap<Arc<str>, usize>,
}

impl Default for Catalogue {
    fn default() -> Self {
        Catalogue::builtin()
    }
}

/// A built-in campaign count.
fn campaign(
    id: &'static str,
    name: &'static str,
    name_en: &'static str,
    part_of: Option<&'static str>,
    chart: ChartRole,
) -> Indicator {
    Indicator {
        id: id.into(),
        name: name.into(),
        name_en: name_en.into(),
        unit: "".into(),
        kind: IndicatorKind::Count,
        scope: Scope::Both,
        total: TotalRule::AtLeast,
        max: MAX_COUNT,
        part_of,
        chart,
        section: Section::Campaign,
        description: None,
    }
}

impl Catalogue {
    /// The built-in figures only.
    pub fn builtin() -> Catalogue {
        use ChartRole::{None as Shown, Participation, Tips};
        Catalogue::of(vec![
            campaign(
                "focus_areas",
                "Địa bàn chỉ đạo điểm",
                "Pilot areas",
                None,
                Shown,
            ),
            campaign(
                "sessions",
                "Buổi phát động",
                "Launch sessions",
                None,
                Participation,
            ),
            campaign(
                "participations",
                "Lượt người tham gia",
                "Participations",
                None,
                Participation,
            ),
            campaign("tips", "Nguồn tin", "Tips", None, Tips),
            campaign(
                "valuable_tips",
                "Nguồn tin có giá trị",
                "Valuable tips",
                Some("tips"),
                Tips,
            ),
        ])
    }

    /// The built-in figures and the project's indicators (by `order`, then Vietnamese name).
    /// Indicator files whose id is taken are left out: validation reports them.
    pub fn of_project(project: &Project) -> Catalogue {
        let mut catalogue = Catalogue::builtin();
        let mut own: Vec<&Loaded<IndicatorRecord>> = project.indicators.iter().collect();
        own.sort_by_cached_key(|i| {
            (
                i.record.order.unwrap_or(i64::MAX),
                collation_key(&i.record.name.value),
            )
        });
        for file in own {
            let id = crate::load::file_stem(&file.source.path);
            if catalogue.get(id).is_some() {
                continue;
            }
            let r = &file.record;
            let default_max = match r.kind {
                IndicatorKind::Money => MAX_MONEY,
                _ => MAX_COUNT,
            };
            let chart = match r.kind {
                IndicatorKind::Count | IndicatorKind::Money => ChartRole::Own,
                IndicatorKind::Ratio | IndicatorKind::Text => ChartRole::None,
            };
            catalogue.push(Indicator {
                id: id.into(),
                name: r.name.value.as_str().into(),
                name_en: r.name_en.as_deref().unwrap_or(&r.name.value).into(),
                unit: r.unit.as_str().into(),
                kind: r.kind,
                scope: r.scope,
                total: r.total,
                max: r.max.as_ref().map_or(default_max, |m| m.value.0),
                part_of: None,
                chart,
                section: Section::Indicators,
                description: r.description.as_ref().map(|d| d.value.clone()),
            });
        }
        catalogue
    }

    fn of(indicators: Vec<Indicator>) -> Catalogue {
        let mut catalogue = Catalogue {
            indicators: Vec::new(),
            by_id: BTreeMap::new(),
        };
        for indicator in indicators {
            catalogue.push(indicator);
        }
        catalogue
    }

    fn push(&mut self, indicator: Indicator) {
        self.by_id
            .insert(indicator.id.clone(), self.indicators.len());
        self.indicators.push(indicator);
    }

    /// The figure with this id.
    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.by_id.get(id).map(|i| &self.indicators[*i])
    }

    /// Every figure, built-in ones first.
    pub fn all(&self) -> &[Indicator] {
        &self.indicators
    }

    /// The figures of one section, in catalogue order.
    pub fn section(&self, section: Section) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(move |i| i.section == section)
    }

    /// The project's own indicators.
    pub fn own(&self) -> impl Iterator<Item = &Indicator> {
        self.section(Section::Indicators)
    }

    /// Whether the project has indicators of its own.
    pub fn has_own(&self) -> bool {
        self.own().next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_figures_are_found_by_id() {
        let c = Catalogue::builtin();
        let valuable = c.get("valuable_tips").unwrap();
        assert_eq!(valuable.part_of, Some("tips"));
        assert!(c.get("tips").is_some());
        assert!(c.get("pham-phap").is_none());
        assert!(!c.has_own());
        assert_eq!(c.section(Section::Campaign).count(), 5);
    }

    #[test]
    fn names_follow_the_language() {
        let c = Catalogue::builtin();
        let tips = c.get("tips").unwrap();
        assert_eq!(tips.name_in("vi"), "Nguồn tin");
        assert_eq!(tips.name_in("en"), "Tips");
    }
}
