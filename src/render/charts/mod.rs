//! Charts: accessible, deterministic SVG drawn with plotters, inlined into pages with their
//! data table. Templates call `chart(kind=…)`; Markdown uses `{{ chart(kind=…) }}` on a line.
//! Each distinct chart is drawn once per build and reused on every page that shows it. Every
//! text and number is written in the site's language (the `chart_*` strings of the locale).

mod draw;
pub mod metrics;
pub mod trend;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

pub use draw::{Drawn, TextBox, WIDTH};
pub use metrics::text_width;

use super::Locale;
use crate::catalogue::{ChartRole, Indicator, Section};
use crate::chart_spec::{ChartKind, ChartSpec};
use crate::report::{
    Campaign, Commune, CommuneGroup, Fig, Indicator as IndicatorData, ModelType, Report,
};
use draw::{BLUE, Body, GREEN, Layout, Panel, Row, Segment, VERMILLION};

/// A drawn chart with what a reader needs besides the picture.
#[derive(Debug, Clone)]
pub struct Chart {
    pub title: String,
    /// The data in one sentence (the SVG's `<desc>`).
    pub desc: String,
    /// `title` and `desc` for the page: escaped, with the content's words marked in the
    /// content's language on a translation's pages.
    pub title_html: String,
    pub desc_html: String,
    pub drawn: Drawn,
    /// Its cells may hold content marks: [`figure_html`] turns them into `lang` spans.
    pub table: Table,
    /// The open-data file (`data/<slug>.csv`) holding this chart's figures.
    pub dataset: &'static str,
    /// Whether that table is written a file per year (a national report): the chart links
    /// the data page's list of them.
    pub dataset_by_year: bool,
    /// Whether a picture says more than the sentence `desc`.
    pub shape: Shape,
}

/// What a chart's data is worth drawing as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Several values to compare: the picture and its table.
    Drawn,
    /// One value in each panel: a bar beside its own number says nothing more, so the page
    /// shows the sentence.
    Single,
    /// No value at all: nothing is shown (the page says there is no data in its own words),
    /// and no empty table is offered.
    Empty,
}

impl Shape {
    /// The shape of `layout`: drawn when some panel has two values to compare (two bars, a
    /// bar of two parts, or a part of a whole).
    fn of(layout: &Layout) -> Shape {
        let values = |row: &Row| match &row.body {
            Body::Bars { segments, .. } => segments.iter().filter(|s| s.value > 0).count().max(1),
            Body::Progress { .. } => 2,
            Body::NoData => 0,
        };
        let most = layout
            .panels
            .iter()
            .map(|p| p.rows.iter().map(values).sum::<usize>())
            .max()
            .unwrap_or(0);
        match most {
            0 => Shape::Empty,
            1 => Shape::Single,
            _ => Shape::Drawn,
        }
    }
}

/// The chart's data as a table: the first column heads each row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Under the table: what it leaves out (a chart across many communes lists the ones it
    /// draws).
    pub note: Option<String>,
}

/// Where each commune, model type and indicator sits in the report, by id: made once, so
/// that a chart finds its data without searching the report.
#[derive(Debug, Default)]
pub struct Index {
    communes: HashMap<String, usize>,
    models: HashMap<String, usize>,
    indicators: HashMap<String, usize>,
    groups: HashMap<String, usize>,
}

impl Index {
    /// The index of `report`.
    pub fn new(report: &Report) -> Index {
        let positions = |ids: &mut dyn Iterator<Item = &str>| {
            ids.enumerate().map(|(i, id)| (id.to_owned(), i)).collect()
        };
        Index {
            communes: positions(&mut report.communes.iter().map(|c| &*c.id)),
            models: positions(&mut report.models.iter().map(|m| m.id.as_str())),
            indicators: positions(&mut report.indicators.iter().map(|i| &*i.id)),
            groups: positions(&mut report.commune_groups.iter().map(|g| g.id.as_str())),
        }
    }
}

/// Draws charts of one report on demand, once each.
pub struct Charts {
    report: Arc<Report>,
    index: Index,
    locale: Arc<Locale>,
    drawn: Mutex<BTreeMap<ChartSpec, Arc<Chart>>>,
    /// Charts of one commune's own figures: shown on its page only, so drawn and not kept.
    unkept: AtomicUsize,
}

impl Charts {
    /// Charts worded in the built-in locale of the report's language.
    pub fn new(report: Arc<Report>) -> Self {
        let locale = Locale::builtin(report.site.language).for_site(&report.site);
        Charts::with_locale(report, Arc::new(locale))
    }

    /// Charts worded in `locale`.
    pub fn with_locale(report: Arc<Report>, locale: Arc<Locale>) -> Self {
        Charts {
            index: Index::new(&report),
            report,
            locale,
            drawn: Mutex::new(BTreeMap::new()),
            unkept: AtomicUsize::new(0),
        }
    }

    /// How many distinct charts were drawn.
    pub fn count(&self) -> usize {
        self.drawn.lock().map_or(0, |d| d.len()) + self.unkept.load(Ordering::Relaxed)
    }

    /// The chart for `spec`, drawn now or reused; an error says what in the call is wrong.
    pub fn get(&self, spec: &ChartSpec) -> Result<Arc<Chart>, String> {
        if let Some(chart) = self.drawn.lock().ok().and_then(|d| d.get(spec).cloned()) {
            return Ok(chart);
        }
        let chart = Arc::new(draw_chart(&self.report, &self.index, spec, &self.locale)?);
        let one_commune = spec.commune.is_some() && spec.kind != ChartKind::Compare;
        if one_commune {
            self.unkept.fetch_add(1, Ordering::Relaxed);
        } else if let Ok(mut drawn) = self.drawn.lock() {
            drawn.insert(spec.clone(), chart.clone());
        }
        Ok(chart)
    }

    /// The chart as an HTML `<figure>`: caption, inline SVG and the data table in `<details>`,
    /// linking its data file relative to `root` (the way from the page to the site root).
    pub fn figure_html(&self, spec: &ChartSpec, root: &str) -> Result<String, String> {
        Ok(figure_html(
            &*self.get(spec)?,
            &spec.anchor(),
            root,
            &self.locale,
        ))
    }
}

/// Draws the chart `spec` asks for in the built-in locale of the report's language, or says
/// what in the call is wrong.
pub fn build(report: &Report, spec: &ChartSpec) -> Result<Chart, String> {
    let locale = Locale::builtin(report.site.language).for_site(&report.site);
    build_in(report, spec, &locale)
}

/// Draws the chart `spec` asks for, worded in `t`, or says what in the call is wrong.
pub fn build_in(report: &Report, spec: &ChartSpec, t: &Locale) -> Result<Chart, String> {
    draw_chart(report, &Index::new(report), spec, t)
}

/// Draws the chart `spec` asks for, finding its data through `index`.
fn draw_chart(
    report: &Report,
    index: &Index,
    spec: &ChartSpec,
    t: &Locale,
) -> Result<Chart, String> {
    let cx = Cx { report, index, t };
    let (title, layout, table, desc) = match spec.kind {
        ChartKind::Participation => participation(&cx, spec)?,
        ChartKind::Tips => part_of_whole(&cx, spec)?,
        ChartKind::Growth => growth(&cx, spec)?,
        ChartKind::Compare => compare(&cx, spec)?,
        ChartKind::Attainment => attainment(&cx, spec)?,
        ChartKind::Indicator => indicator_by_year(&cx, spec)?,
        ChartKind::IndicatorCommunes => indicator_communes(&cx, spec)?,
    };
    let shape = Shape::of(&layout);
    let (title_html, desc_html) = (marked_html(&title, t), marked_html(&desc, t));
    let (title, desc) = (unmarked(&title), unmarked(&desc));
    let drawn = draw::draw(&layout, &title, &desc, t);
    let dataset = match spec.kind {
        ChartKind::Participation | ChartKind::Tips => "campaign",
        ChartKind::Growth if spec.commune.is_none() => "city-models",
        ChartKind::Growth | ChartKind::Compare => "commune-models",
        ChartKind::Attainment => "attainment",
        ChartKind::Indicator | ChartKind::IndicatorCommunes => "indicators",
    };
    let dataset_by_year = crate::paths::DATA_BY_COMMUNE.contains(&dataset)
        && crate::render::data::split_by_year(report);
    Ok(Chart {
        title,
        desc,
        title_html,
        desc_html,
        drawn,
        table,
        dataset,
        dataset_by_year,
        shape,
    })
}

type Parts = (String, Layout, Table, String);

/// Where a text from the content starts and ends inside a chart's title or sentence, on a
/// translation's pages (characters of Unicode's private use area, which content never needs
/// in a chart's words): the page marks it with the content's language; the SVG, the table
/// and the data files drop the marks.
const CONTENT_START: char = '\u{E000}';
const CONTENT_END: char = '\u{E001}';

/// `text` without content marks.
fn unmarked(text: &str) -> String {
    text.replace([CONTENT_START, CONTENT_END], "")
}

/// `text` escaped for HTML, each marked part in a `<span lang>` of the content's language.
fn marked_html(text: &str, t: &Locale) -> String {
    let escaped = crate::text::escape_html(text);
    match t.content_language {
        Some(lang) => escaped
            .replace(CONTENT_START, &format!("<span lang=\"{lang}\">"))
            .replace(CONTENT_END, "</span>"),
        // Marks are only made on a translation's pages.
        None => escaped,
    }
}

/// What every chart is drawn from: the report and the words of its language.
struct Cx<'a> {
    report: &'a Report,
    index: &'a Index,
    t: &'a Locale,
}

impl<'a> Cx<'a> {
    /// `text` from the content, marked as such on a translation's pages.
    fn content(&self, text: &str) -> String {
        match self.t.content_language {
            Some(_) if !text.is_empty() => format!("{CONTENT_START}{text}{CONTENT_END}"),
            _ => text.to_owned(),
        }
    }

    fn num(&self, v: u64) -> String {
        self.t.numbers.int(v as i64)
    }

    fn no_data(&self) -> String {
        self.t.get("no_data").to_owned()
    }

    fn fig_text(&self, f: Option<&Fig>) -> String {
        let Some(f) = f else { return self.no_data() };
        match f.derivation() {
            Some(calc) => format!(
                "{} ({})",
                self.num(f.value),
                self.t.fill("derived", &[("calc", calc)])
            ),
            None => self.num(f.value),
        }
    }

    /// The locale text `key` with `{year}` filled in.
    fn with_year(&self, key: &str, year: i64) -> String {
        self.t.fill(key, &[("year", &year.to_string())])
    }

    fn model(&self, spec: &ChartSpec) -> Result<&'a ModelType, String> {
        let id = spec.model.as_deref().unwrap_or_default();
        self.index
            .models
            .get(id)
            .and_then(|i| self.report.models.get(*i))
            .ok_or_else(|| format!("unknown model type `{id}`"))
    }

    fn commune(&self, id: &str) -> Result<&'a Commune, String> {
        self.index
            .communes
            .get(id)
            .and_then(|i| self.report.communes.get(*i))
            .ok_or_else(|| format!("unknown commune `{id}`"))
    }

    /// Whether commune `id` is among those the chart compares: all, or the group's.
    fn compared(&self, spec: &ChartSpec, id: &str) -> bool {
        spec.group.as_deref().is_none_or(|group| {
            self.commune(id)
                .is_ok_and(|c| c.group.as_ref().is_some_and(|g| g.id == group))
        })
    }

    /// The group `spec` compares, checked to exist.
    fn group(&self, spec: &ChartSpec) -> Result<Option<&'a CommuneGroup>, String> {
        spec.group
            .as_deref()
            .map(|id| {
                self.index
                    .groups
                    .get(id)
                    .and_then(|i| self.report.commune_groups.get(*i))
                    .ok_or_else(|| format!("unknown group `{id}`"))
            })
            .transpose()
    }

    /// The title and subject of a chart across communes: `key`, or its `_group` form naming
    /// the group.
    fn across_words(
        &self,
        key: &str,
        group: Option<&CommuneGroup>,
        names: &[(&str, &str)],
    ) -> String {
        match group {
            Some(g) => {
                let mut names = names.to_vec();
                let group = self.content(&g.full_name);
                names.push(("group", &group));
                self.t.fill(&format!("{key}_group"), &names)
            }
            None => self.t.fill(key, names),
        }
    }

    /// An indicator's name, marked when it is the content's own words.
    fn indicator_name(&self, indicator: &IndicatorData) -> String {
        match indicator.translated {
            true => indicator.name.to_string(),
            false => self.content(&indicator.name),
        }
    }

    fn indicator(&self, spec: &ChartSpec) -> Result<&'a IndicatorData, String> {
        let id = spec.indicator.as_deref().unwrap_or_default();
        self.index
            .indicators
            .get(id)
            .and_then(|i| self.report.indicators.get(*i))
            .ok_or_else(|| format!("unknown indicator `{id}`"))
    }

    /// A number of an indicator, as money or as a count.
    fn amount(&self, value: u64, money: bool) -> String {
        if money {
            self.t.numbers.money(value)
        } else {
            self.num(value)
        }
    }

    /// A chart whose panels have no rows still says something.
    fn with_fallback(&self, mut layout: Layout) -> Layout {
        for panel in &mut layout.panels {
            if panel.rows.is_empty() {
                panel.rows.push(Row {
                    label: self.t.get("chart_no_years").to_owned(),
                    bold: false,
                    body: Body::NoData,
                });
            }
        }
        layout
    }

    fn sentence(&self, subject: &str, parts: &[String]) -> String {
        if parts.is_empty() {
            format!("{subject}: {}.", self.t.get("no_data"))
        } else {
            format!("{subject}: {}.", parts.join("; "))
        }
    }
}

fn bar(value: Option<u64>, color: plotters::style::RGBColor, text: String) -> Body {
    match value {
        Some(v) => Body::Bars {
            segments: vec![Segment { value: v, color }],
            text,
        },
        None => Body::NoData,
    }
}

/// Campaign figures of one place by year, oldest first.
struct CampaignSeries<'a> {
    place: String,
    years: Vec<(i64, Option<&'a Campaign>)>,
}

/// The campaign figures by year, city-wide or of one commune.
fn campaigns<'a>(cx: &Cx<'a>, spec: &ChartSpec) -> Result<CampaignSeries<'a>, String> {
    let report = cx.report;
    match &spec.commune {
        Some(id) => {
            let c = cx.commune(id)?;
            let mut years: Vec<_> = c
                .years
                .iter()
                .map(|y| (y.year, y.campaign.as_deref()))
                .collect();
            years.reverse();
            Ok(CampaignSeries {
                place: c.full_name.to_string(),
                years,
            })
        }
        None => Ok(CampaignSeries {
            place: report.site.locality.clone(),
            years: report
                .years
                .iter()
                .map(|y| (y.year, y.campaign.as_ref()))
                .collect(),
        }),
    }
}

/// The campaign figures the catalogue gives a chart role, in catalogue order.
fn campaign_figures<'a>(cx: &'a Cx, role: ChartRole) -> Vec<&'a Indicator> {
    cx.report
        .catalogue
        .section(Section::Campaign)
        .filter(|i| i.chart == role)
        .collect()
}

/// The participation chart: a panel for each campaign figure the catalogue gives that role.
fn participation(cx: &Cx, spec: &ChartSpec) -> Result<Parts, String> {
    let t = cx.t;
    let CampaignSeries { place, years } = campaigns(cx, spec)?;
    let figures = campaign_figures(cx, ChartRole::Participation);
    let colors = [BLUE, GREEN, VERMILLION];
    let mut panels: Vec<Panel> = figures
        .iter()
        .map(|i| Panel {
            title: Some(t.get(&i.id).into()),
            rows: Vec::new(),
        })
        .collect();
    let mut headers = vec![t.get("year").to_owned()];
    headers.extend(figures.iter().map(|i| t.get(&i.id).to_owned()));
    let mut table = Table {
        headers,
        rows: Vec::new(),
        note: None,
    };
    let mut sentences = Vec::new();
    for (year, c) in &years {
        let values: Vec<Option<&Fig>> = figures
            .iter()
            .map(|i| c.and_then(|c| c.get(&i.id)))
            .collect();
        for (n, (panel, value)) in panels.iter_mut().zip(&values).enumerate() {
            panel.rows.push(Row {
                label: cx.with_year("year_n", *year),
                bold: false,
                body: bar(
                    value.map(|f| f.value),
                    colors[n % colors.len()],
                    cx.fig_text(*value),
                ),
            });
        }
        let mut row = vec![year.to_string()];
        row.extend(values.iter().map(|v| cx.fig_text(*v)));
        table.rows.push(row);
        if values.iter().all(Option::is_none) {
            sentences.push(cx.with_year("chart_year_no_data", *year));
            continue;
        }
        let year_text = year.to_string();
        let texts: Vec<String> = values.iter().map(|v| cx.fig_text(*v)).collect();
        let mut fills: Vec<(&str, &str)> = vec![("year", &year_text)];
        fills.extend(
            figures
                .iter()
                .zip(&texts)
                .map(|(i, v)| (&*i.id, v.as_str())),
        );
        sentences.push(t.fill("chart_participation_year", &fills));
    }
    let layout = cx.with_fallback(Layout {
        panels,
        ..Layout::default()
    });
    let place = cx.content(&place);
    let place = [("place", place.as_str())];
    let desc = cx.sentence(&t.fill("chart_participation_subject", &place), &sentences);
    Ok((
        t.fill("chart_participation_title", &place),
        layout,
        table,
        desc,
    ))
}

/// The chart of a campaign figure and the part of it the catalogue names, by year, with the
/// part's share.
fn part_of_whole(cx: &Cx, spec: &ChartSpec) -> Result<Parts, String> {
    let t = cx.t;
    let CampaignSeries { place, years } = campaigns(cx, spec)?;
    let figures = campaign_figures(cx, ChartRole::Tips);
    let whole = figures
        .iter()
        .find(|i| i.part_of.is_none())
        .ok_or("the catalogue has no figure for this chart")?;
    let part = figures
        .iter()
        .find(|i| i.part_of == Some(&*whole.id))
        .ok_or("the catalogue names no part of this chart's figure")?;
    let mut panel = Panel::default();
    let mut table = Table {
        headers: vec![
            t.get("year").into(),
            t.get(&whole.id).into(),
            t.get(&part.id).into(),
            t.get("chart_valuable_share").into(),
        ],
        rows: Vec::new(),
        note: None,
    };
    let mut sentences = Vec::new();
    for (year, c) in &years {
        let all = c.and_then(|c| c.get(&whole.id));
        let of_which = c.and_then(|c| c.get(&part.id));
        let share = match (all, of_which) {
            (Some(all), Some(v)) => t.numbers.percent(v.value as f64, all.value as f64),
            _ => None,
        };
        let part_text = match (&share, of_which) {
            (Some(share), Some(v)) => format!("{} ({share})", cx.num(v.value)),
            _ => cx.fig_text(of_which),
        };
        panel.rows.push(Row {
            label: cx.with_year("chart_tips_row", *year),
            bold: false,
            body: bar(all.map(|f| f.value), BLUE, cx.fig_text(all)),
        });
        panel.rows.push(Row {
            label: cx.with_year("chart_valuable_row", *year),
            bold: false,
            body: bar(of_which.map(|f| f.value), VERMILLION, part_text.clone()),
        });
        table.rows.push(vec![
            year.to_string(),
            cx.fig_text(all),
            cx.fig_text(of_which),
            share.clone().unwrap_or_else(|| cx.no_data()),
        ]);
        sentences.push(t.fill(
            "chart_tips_year",
            &[
                ("year", &year.to_string()),
                (&whole.id, &cx.fig_text(all)),
                ("valuable", &part_text),
            ],
        ));
    }
    let layout = cx.with_fallback(Layout {
        panels: vec![panel],
        ..Layout::default()
    });
    let title = t.fill("chart_tips_title", &[("place", &cx.content(&place))]);
    let desc = cx.sentence(&title, &sentences);
    Ok((title, layout, table, desc))
}

fn growth(cx: &Cx, spec: &ChartSpec) -> Result<Parts, String> {
    let t = cx.t;
    let model = cx.model(spec)?;
    if let Some(id) = &spec.commune {
        return commune_growth(cx, model, id);
    }
    let mut panel = Panel::default();
    let mut table = Table {
        headers: vec![
            t.get("year").into(),
            t.get("total_end_of_year").into(),
            t.get("new").into(),
            t.get("existing_before_derived").into(),
            t.get("city_budget").into(),
            t.get("community_funded").into(),
        ],
        rows: Vec::new(),
        note: None,
    };
    let mut sentences = Vec::new();
    let mut stacked = false;
    for (i, y) in model.city.iter().enumerate() {
        let year = y.year.to_string();
        let parts = (
            &y.existing_before,
            &y.city_budget_count,
            &y.community_funded,
            &y.total,
        );
        if let (Some(before), Some(budget), Some(community), Some(total)) = parts {
            stacked = true;
            if i == 0 {
                panel.rows.push(Row {
                    label: cx.with_year("chart_before_year", y.year),
                    bold: false,
                    body: Body::Bars {
                        segments: vec![Segment {
                            value: before.value,
                            color: BLUE,
                        }],
                        text: cx.num(before.value),
                    },
                });
            }
            let text = format!(
                "{} + {} + {} = {}",
                cx.num(before.value),
                cx.num(budget.value),
                cx.num(community.value),
                cx.num(total.value)
            );
            panel.rows.push(Row {
                label: cx.with_year("year_n", y.year),
                bold: false,
                body: Body::Bars {
                    segments: vec![
                        Segment {
                            value: before.value,
                            color: BLUE,
                        },
                        Segment {
                            value: budget.value,
                            color: VERMILLION,
                        },
                        Segment {
                            value: community.value,
                            color: GREEN,
                        },
                    ],
                    text: text.clone(),
                },
            });
            sentences.push(t.fill(
                "chart_growth_stacked_year",
                &[
                    ("year", &year),
                    ("total", &cx.num(total.value)),
                    ("unit", &cx.content(&model.unit)),
                    ("before", &cx.num(before.value)),
                    ("budget", &cx.num(budget.value)),
                    ("community", &cx.num(community.value)),
                ],
            ));
        } else if let Some(total) = &y.total {
            panel.rows.push(Row {
                label: cx.with_year("year_n", y.year),
                bold: false,
                body: bar(Some(total.value), BLUE, cx.num(total.value)),
            });
            sentences.push(t.fill(
                "chart_count_year",
                &[
                    ("year", &year),
                    ("count", &cx.num(total.value)),
                    ("unit", &cx.content(&model.unit)),
                ],
            ));
        } else if let Some(new) = &y.new {
            panel.rows.push(Row {
                label: cx.with_year("chart_new_row", y.year),
                bold: false,
                body: bar(Some(new.value), GREEN, cx.num(new.value)),
            });
            sentences.push(t.fill(
                "chart_new_year",
                &[
                    ("year", &year),
                    ("count", &cx.num(new.value)),
                    ("unit", &cx.content(&model.unit)),
                ],
            ));
        } else {
            panel.rows.push(Row {
                label: cx.with_year("year_n", y.year),
                bold: false,
                body: Body::NoData,
            });
        }
        table.rows.push(vec![
            year,
            cx.fig_text(y.total.as_ref()),
            cx.fig_text(y.new.as_ref()),
            cx.fig_text(y.existing_before.as_ref()),
            cx.fig_text(y.city_budget_count.as_ref()),
            cx.fig_text(y.community_funded.as_ref()),
        ]);
    }
    let place = cx.report.site.locality.as_str();
    if panel.rows.is_empty() {
        panel.rows.push(Row {
            label: t.fill("whole_place", &[("place", place)]),
            bold: false,
            body: Body::NoData,
        });
    }
    let legend = if stacked {
        vec![
            (BLUE, t.get("existing_before_derived").to_owned()),
            (VERMILLION, t.get("city_budget").to_owned()),
            (GREEN, t.get("community_funded").to_owned()),
        ]
    } else {
        Vec::new()
    };
    let layout = Layout {
        panels: vec![panel],
        legend,
        note: None,
    };
    let (name, place, unit) = (
        cx.content(&model.name),
        cx.content(place),
        cx.content(&model.unit),
    );
    let names = [("model", &*name), ("place", &*place), ("unit", &*unit)];
    let desc = cx.sentence(&t.fill("chart_growth_subject", &names), &sentences);
    Ok((t.fill("chart_growth_title", &names), layout, table, desc))
}

/// One commune's count of one model type by year.
fn commune_growth(cx: &Cx, model: &ModelType, id: &str) -> Result<Parts, String> {
    let t = cx.t;
    let commune = cx.commune(id)?;
    let mut panel = Panel::default();
    let mut table = Table {
        headers: vec![
            t.get("year").into(),
            format!("{} ({})", model.name, model.unit),
        ],
        rows: Vec::new(),
        note: None,
    };
    let mut sentences = Vec::new();
    for y in commune.years.iter().rev() {
        let Some(m) = y.models.iter().find(|m| *m.model.id == *model.id) else {
            continue;
        };
        let count = m.count.as_ref();
        panel.rows.push(Row {
            label: cx.with_year("year_n", y.year),
            bold: false,
            body: bar(count.map(|f| f.value), BLUE, cx.fig_text(count)),
        });
        table
            .rows
            .push(vec![y.year.to_string(), cx.fig_text(count)]);
        sentences.push(t.fill(
            "chart_count_year",
            &[
                ("year", &y.year.to_string()),
                ("count", &cx.fig_text(count)),
                ("unit", &cx.content(&model.unit)),
            ],
        ));
    }
    if panel.rows.is_empty() {
        panel.rows.push(Row {
            label: commune.full_name.to_string(),
            bold: false,
            body: Body::NoData,
        });
    }
    let names = [
        ("model", &*cx.content(&model.name)),
        ("place", &*cx.content(&commune.full_name)),
        ("unit", &*cx.content(&model.unit)),
    ];
    let mut desc = cx.sentence(&t.fill("chart_commune_subject", &names), &sentences);
    // One year alone is said with its share of the area's total that year.
    let counted: Vec<(i64, u64)> = commune
        .years
        .iter()
        .filter_map(|y| {
            let m = y.models.iter().find(|m| *m.model.id == *model.id)?;
            Some((y.year, m.count.as_ref()?.value))
        })
        .collect();
    if let [(year, count)] = counted[..]
        && let Some(total) = model
            .city
            .iter()
            .find(|c| c.year == year)
            .and_then(|c| c.total.as_ref())
        && let Some(share) = t.numbers.percent(count as f64, total.value as f64)
    {
        desc.push(' ');
        desc.push_str(&t.fill(
            "chart_share_of_area",
            &[
                ("count", &cx.num(count)),
                ("total", &cx.num(total.value)),
                ("unit", &cx.content(&model.unit)),
                ("share", &share),
            ],
        ));
    }
    Ok((
        t.fill("chart_commune_title", &names),
        Layout {
            panels: vec![panel],
            ..Layout::default()
        },
        table,
        desc,
    ))
}

/// More bars than this and the chart keeps the largest ones; its table and text alternative
/// then hold the communes drawn, and the data file every commune. More communes without a
/// value than this are counted, not named.
const MAX_COMPARE_ROWS: usize = 30;

/// One commune's value in a chart across communes.
struct CommuneBar<'a> {
    id: &'a str,
    name: &'a str,
    full_name: &'a str,
    value: Option<u64>,
}

/// A chart across communes: its layout, a table row for every commune drawn or named, a
/// sentence for each commune drawn, and how many with a value are left out and how many have
/// none.
struct AcrossCommunes {
    layout: Layout,
    rows: Vec<Vec<String>>,
    /// What the table leaves out, when it lists fewer communes than the chart compares.
    table_note: Option<String>,
    sentences: Vec<String>,
    more: usize,
    without: usize,
}

impl AcrossCommunes {
    /// The text alternative: `subject`, the communes drawn, and the ones left out, counted.
    fn desc(&self, cx: &Cx, subject: &str) -> String {
        let mut desc = match self.more {
            0 => cx.sentence(subject, &self.sentences),
            _ => {
                let subject = cx.t.fill("chart_compare_largest", &[("subject", subject)]);
                cx.sentence(&subject, &self.sentences)
            }
        };
        if self.more > 0 {
            let n = self.more.to_string();
            desc.push(' ');
            desc.push_str(&cx.t.fill("chart_compare_more", &[("n", &n)]));
        }
        if self.without > 0 {
            let n = self.without.to_string();
            desc.push(' ');
            desc.push_str(&cx.t.fill("chart_compare_without", &[("n", &n)]));
        }
        desc
    }
}

/// Draws a bar for each commune with a value (the largest [`MAX_COMPARE_ROWS`], in commune
/// order, `highlight` always among them, in vermillion), numbers written by `text`;
/// communes without a value are named in a note, or counted when there are many. Sentences
/// end with `unit` when there is one.
fn across_communes(
    cx: &Cx,
    communes: Vec<CommuneBar>,
    highlight: Option<&str>,
    year: i64,
    unit: &str,
    text: &dyn Fn(u64) -> String,
) -> AcrossCommunes {
    let t = cx.t;
    let with_data: Vec<(&CommuneBar, u64)> = communes
        .iter()
        .filter_map(|c| Some((c, c.value?)))
        .collect();
    let without: Vec<&str> = communes
        .iter()
        .filter(|c| c.value.is_none())
        .map(|c| c.name)
        .collect();
    let name_without = without.len() <= MAX_COMPARE_ROWS;
    // The largest ones, kept in commune order.
    let mut by_size: Vec<usize> = (0..with_data.len()).collect();
    by_size.sort_by_key(|i| std::cmp::Reverse(with_data[*i].1));
    let mut keep: Vec<usize> = by_size.into_iter().take(MAX_COMPARE_ROWS).collect();
    let highlighted = with_data.iter().position(|(c, _)| Some(c.id) == highlight);
    if let Some(h) = highlighted.filter(|h| !keep.contains(h)) {
        // In place of the smallest kept.
        keep.pop();
        keep.push(h);
    }
    keep.sort_unstable();
    let drawn: std::collections::HashSet<&str> = keep.iter().map(|i| with_data[*i].0.id).collect();
    let rows = communes
        .iter()
        .filter(|c| match c.value {
            Some(_) => drawn.contains(c.id),
            None => name_without,
        })
        .map(|c| {
            let value = c.value.map_or_else(|| cx.no_data(), text);
            vec![cx.content(c.full_name), value]
        })
        .collect();
    let mut bars: Vec<Row> = keep
        .iter()
        .map(|i| {
            let (c, v) = with_data[*i];
            let mine = Some(c.id) == highlight;
            Row {
                label: c.full_name.to_owned(),
                bold: mine,
                body: bar(Some(v), if mine { VERMILLION } else { BLUE }, text(v)),
            }
        })
        .collect();
    let more = with_data.len() - keep.len();
    let mut notes = Vec::new();
    if more > 0 {
        notes.push(t.fill("chart_compare_more", &[("n", &more.to_string())]));
    }
    if !name_without {
        let n = without.len().to_string();
        notes.push(t.fill("chart_compare_without", &[("n", &n)]));
    }
    // The communes left out of the table, counted under it.
    let table_note = (!notes.is_empty()).then(|| notes.join(" "));
    if name_without && !without.is_empty() {
        notes.push(format!(
            "{}: {}.",
            t.get("no_data_title"),
            without.join(", ")
        ));
    }
    if bars.is_empty() {
        bars.push(Row {
            label: cx.with_year("year_n", year),
            bold: false,
            body: Body::NoData,
        });
    }
    let sentences = keep
        .iter()
        .map(|i| with_data[*i])
        .map(|(c, v)| match unit {
            "" => format!("{} {}", cx.content(c.full_name), text(v)),
            unit => format!(
                "{} {} {}",
                cx.content(c.full_name),
                text(v),
                cx.content(unit)
            ),
        })
        .collect();
    AcrossCommunes {
        layout: Layout {
            panels: vec![Panel {
                title: None,
                rows: bars,
            }],
            legend: Vec::new(),
            note: (!notes.is_empty()).then(|| notes.join(" ")),
        },
        rows,
        table_note,
        sentences,
        more,
        without: without.len(),
    }
}

fn compare(cx: &Cx, spec: &ChartSpec) -> Result<Parts, String> {
    let (t, report) = (cx.t, cx.report);
    let model = cx.model(spec)?;
    if let Some(id) = &spec.commune {
        cx.commune(id)?;
    }
    let group = cx.group(spec)?;
    let year = spec
        .year
        .or_else(|| {
            model
                .communes
                .iter()
                .filter(|c| c.count.is_some() && cx.compared(spec, &c.commune.id))
                .map(|c| c.year)
                .max()
        })
        .or(report.latest_year)
        .ok_or("the report has no year to compare")?;
    let counts: BTreeMap<&str, u64> = model
        .communes
        .iter()
        .filter(|c| c.year == year)
        .filter_map(|c| Some((&*c.commune.id, c.count.as_ref()?.value)))
        .collect();
    let communes = report
        .communes
        .iter()
        .filter(|c| cx.compared(spec, &c.id))
        .map(|c| CommuneBar {
            id: &c.id,
            name: &c.name,
            full_name: &c.full_name,
            value: counts.get(&*c.id).copied(),
        })
        .collect();
    let num = |v| cx.num(v);
    let mut drawn = across_communes(
        cx,
        communes,
        spec.commune.as_deref(),
        year,
        &model.unit,
        &num,
    );
    let table = Table {
        headers: vec![
            t.get("commune").into(),
            format!("{} ({})", model.name, model.unit),
        ],
        rows: std::mem::take(&mut drawn.rows),
        note: drawn.table_note.take(),
    };
    let names = [
        ("model", &*cx.content(&model.name)),
        ("year", &year.to_string()),
    ];
    let subject = cx.across_words("chart_compare_subject", group, &names);
    let desc = drawn.desc(cx, &subject);
    Ok((
        cx.across_words("chart_compare_title", group, &names),
        drawn.layout,
        table,
        desc,
    ))
}

fn attainment(cx: &Cx, spec: &ChartSpec) -> Result<Parts, String> {
    let (t, report) = (cx.t, cx.report);
    let year = match spec.year {
        Some(y) => report
            .years
            .iter()
            .find(|v| v.year == y)
            .ok_or_else(|| format!("the report has no city-wide figures for {y}"))?,
        None => report
            .years
            .iter()
            .rev()
            .find(|y| y.attainment.is_some())
            .or(report.years.last())
            .ok_or("the report has no city-wide year")?,
    };
    let a = year.attainment.as_ref();
    let mut panel = Panel::default();
    let mut table = Table {
        headers: vec![
            t.get("unit_type").into(),
            t.get("attained").into(),
            t.get("total").into(),
            t.get("share").into(),
        ],
        rows: Vec::new(),
        note: None,
    };
    let mut sentences = Vec::new();
    for (key, ratio) in [
        ("communes", a.and_then(|a| a.communes.as_ref())),
        ("villages", a.and_then(|a| a.villages.as_ref())),
        ("agencies", a.and_then(|a| a.agencies.as_ref())),
    ] {
        let label = t.get(key);
        match ratio {
            Some(r) => {
                let share = t
                    .numbers
                    .percent(r.safe as f64, r.total as f64)
                    .unwrap_or_default();
                let text = format!("{}/{} ({share})", cx.num(r.safe), cx.num(r.total));
                sentences.push(format!("{} {}", label.to_lowercase(), text));
                table
                    .rows
                    .push(vec![label.into(), cx.num(r.safe), cx.num(r.total), share]);
                panel.rows.push(Row {
                    label: label.into(),
                    bold: false,
                    body: Body::Progress {
                        safe: r.safe,
                        total: r.total,
                        text,
                    },
                });
            }
            None => {
                table
                    .rows
                    .push(vec![label.into(), cx.no_data(), cx.no_data(), cx.no_data()]);
                panel.rows.push(Row {
                    label: label.into(),
                    bold: false,
                    body: Body::NoData,
                });
            }
        }
    }
    let layout = Layout {
        panels: vec![panel],
        ..Layout::default()
    };
    let title = cx.with_year("attainment_year", year.year);
    let desc = cx.sentence(&title, &sentences);
    Ok((title, layout, table, desc))
}

/// One of the project's indicators by year: the whole area's, or one commune's.
fn indicator_by_year(cx: &Cx, spec: &ChartSpec) -> Result<Parts, String> {
    let t = cx.t;
    let indicator = cx.indicator(spec)?;
    let money = indicator.kind == "money";
    let (place, values): (&str, Vec<(i64, Option<&Fig>)>) = match &spec.commune {
        Some(id) => {
            let commune = cx.commune(id)?;
            let values = commune
                .years
                .iter()
                .rev()
                .filter_map(|y| {
                    let f = y
                        .indicators
                        .iter()
                        .find(|f| f.indicator.id == indicator.id)?;
                    Some((y.year, f.reported.fig.as_ref()))
                })
                .collect();
            (&*commune.full_name, values)
        }
        None => (
            cx.report.site.locality.as_str(),
            indicator
                .area
                .iter()
                .map(|a| (a.year, a.reported.fig.as_ref()))
                .collect(),
        ),
    };
    let mut panel = Panel::default();
    let mut table = Table {
        headers: vec![t.get("year").into(), unit_header(indicator)],
        rows: Vec::new(),
        note: None,
    };
    let mut sentences = Vec::new();
    for (year, fig) in values {
        let text = fig.map_or_else(|| cx.no_data(), |f| cx.amount(f.value, money));
        panel.rows.push(Row {
            label: cx.with_year("year_n", year),
            bold: false,
            body: bar(fig.map(|f| f.value), BLUE, text.clone()),
        });
        table.rows.push(vec![year.to_string(), text.clone()]);
        sentences.push(format!("{year}: {text}"));
    }
    let layout = cx.with_fallback(Layout {
        panels: vec![panel],
        ..Layout::default()
    });
    let name = cx.indicator_name(indicator);
    let names = [("indicator", &*name), ("place", &*cx.content(place))];
    let desc = cx.sentence(&t.fill("chart_indicator_subject", &names), &sentences);
    Ok((t.fill("chart_indicator_title", &names), layout, table, desc))
}

/// "Name (unit)", the header of an indicator's column.
fn unit_header(indicator: &IndicatorData) -> String {
    if indicator.unit.is_empty() {
        indicator.name.to_string()
    } else {
        format!("{} ({})", indicator.name, indicator.unit)
    }
}

/// One of the project's indicators across communes, in the newest year they report it.
fn indicator_communes(cx: &Cx, spec: &ChartSpec) -> Result<Parts, String> {
    let t = cx.t;
    let indicator = cx.indicator(spec)?;
    let money = indicator.kind == "money";
    let year = indicator
        .communes_year
        .ok_or("no commune reports this indicator")?;
    let group = cx.group(spec)?;
    let communes = indicator
        .communes
        .iter()
        .filter(|c| cx.compared(spec, &c.commune.id))
        .map(|c| CommuneBar {
            id: &c.commune.id,
            name: &c.commune.name,
            full_name: &c.commune.full_name,
            value: c.reported.fig.as_ref().map(|f| f.value),
        })
        .collect();
    let amount = |v| cx.amount(v, money);
    let mut drawn = across_communes(cx, communes, spec.commune.as_deref(), year, "", &amount);
    let table = Table {
        headers: vec![t.get("commune").into(), unit_header(indicator)],
        rows: std::mem::take(&mut drawn.rows),
        note: drawn.table_note.take(),
    };
    let year = year.to_string();
    let name = cx.indicator_name(indicator);
    let names = [("indicator", &*name), ("year", year.as_str())];
    let title = cx.across_words("chart_indicator_communes_title", group, &names);
    let desc = drawn.desc(cx, &title);
    Ok((title, drawn.layout, table, desc))
}

/// The chart as `<figure>` HTML with the id `anchor` and a link to itself, worded in `t`;
/// every text from the content is escaped.
pub fn figure_html(chart: &Chart, anchor: &str, root: &str, t: &Locale) -> String {
    let e = crate::text::escape_html;
    match chart.shape {
        Shape::Drawn => {}
        Shape::Single => return format!("<p class=\"chart-single\">{}</p>\n", chart.desc_html),
        Shape::Empty => return String::new(),
    }
    let mut html = format!(
        "<figure class=\"chart\" id=\"{anchor}\">\n<figcaption>{} <a class=\"chart-link\" href=\"#{anchor}\">{}</a></figcaption>\n{}",
        chart.title_html,
        e(t.get("chart_link")),
        chart.drawn.svg
    );
    html.push_str(&format!(
        "<details>\n<summary>{}</summary>\n<div class=\"table-wrap\"><table>\n<thead><tr>",
        e(t.get("data_table"))
    ));
    for h in &chart.table.headers {
        html.push_str(&format!("<th scope=\"col\">{}</th>", e(h)));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    let no_data = t.get("no_data");
    for row in &chart.table.rows {
        html.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if cell == no_data {
                " class=\"num nodata\""
            } else {
                " class=\"num\""
            };
            let cell = marked_html(cell, t);
            if i == 0 {
                html.push_str(&format!("<th scope=\"row\">{cell}</th>"));
            } else {
                html.push_str(&format!("<td{class}>{cell}</td>"));
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table></div>\n");
    if let Some(note) = &chart.table.note {
        html.push_str(&format!("<p class=\"chart-note\">{}</p>\n", e(note)));
    }
    let download = e(t.get("chart_download"));
    if chart.dataset_by_year {
        html.push_str(&format!(
            "<p class=\"chart-data\">{download} <a href=\"{}data.html#du-lieu-{}\">{}</a></p>\n",
            e(root),
            chart.dataset,
            e(t.get("chart_download_by_year"))
        ));
    } else {
        let data = format!("{}data/{}", e(root), chart.dataset);
        html.push_str(&format!(
            "<p class=\"chart-data\">{download} <a href=\"{data}.csv\">CSV</a> · <a href=\"{data}.json\">JSON</a></p>\n"
        ));
    }
    html.push_str("</details>\n</figure>\n");
    html
}
