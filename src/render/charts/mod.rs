//! Charts: accessible, deterministic SVG drawn with plotters, inlined into pages with their
//! data table. Templates call `chart(kind=…)`; Markdown uses `{{ chart(kind=…) }}` on a line.
//! Each distinct chart is drawn once per build and reused on every page that shows it.

mod draw;
pub mod metrics;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

pub use draw::{Drawn, TextBox, WIDTH};
pub use metrics::text_width;

use crate::chart_spec::{ChartKind, ChartSpec};
use crate::model::{Campaign, Fig, Report};
use crate::text::{format_int, format_percent};
use draw::{BLUE, Body, GREEN, Layout, Panel, Row, Segment, VERMILLION};

/// A drawn chart with what a reader needs besides the picture.
#[derive(Debug, Clone)]
pub struct Chart {
    pub title: String,
    /// The data in one sentence (the SVG's `<desc>`).
    pub desc: String,
    pub drawn: Drawn,
    pub table: Table,
    /// The open-data file (`data/<slug>.csv`) holding this chart's figures.
    pub dataset: &'static str,
}

/// The chart's data as a table: the first column heads each row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Draws charts of one report on demand, once each.
pub struct Charts {
    report: Arc<Report>,
    drawn: Mutex<BTreeMap<ChartSpec, Arc<Chart>>>,
}

const NO_DATA: &str = "không có số liệu";

impl Charts {
    pub fn new(report: Arc<Report>) -> Self {
        Charts {
            report,
            drawn: Mutex::new(BTreeMap::new()),
        }
    }

    /// How many distinct charts were drawn.
    pub fn count(&self) -> usize {
        self.drawn.lock().map_or(0, |d| d.len())
    }

    /// The chart for `spec`, drawn now or reused; an error says what in the call is wrong.
    pub fn get(&self, spec: &ChartSpec) -> Result<Arc<Chart>, String> {
        if let Some(chart) = self.drawn.lock().ok().and_then(|d| d.get(spec).cloned()) {
            return Ok(chart);
        }
        let chart = Arc::new(build(&self.report, spec)?);
        if let Ok(mut drawn) = self.drawn.lock() {
            drawn.insert(spec.clone(), chart.clone());
        }
        Ok(chart)
    }

    /// The chart as an HTML `<figure>`: caption, inline SVG and the data table in `<details>`,
    /// linking its data file relative to `root` (the way from the page to the site root).
    pub fn figure_html(&self, spec: &ChartSpec, root: &str) -> Result<String, String> {
        Ok(figure_html(&*self.get(spec)?, root))
    }
}

/// Draws the chart `spec` asks for, or says what in the call is wrong.
pub fn build(report: &Report, spec: &ChartSpec) -> Result<Chart, String> {
    let (title, layout, table, desc) = match spec.kind {
        ChartKind::Participation => participation(report, spec)?,
        ChartKind::Tips => tips(report, spec)?,
        ChartKind::Growth => growth(report, spec)?,
        ChartKind::Compare => compare(report, spec)?,
        ChartKind::Attainment => attainment(report, spec)?,
    };
    let drawn = draw::draw(&layout, &title, &desc);
    let dataset = match spec.kind {
        ChartKind::Participation | ChartKind::Tips => "campaign",
        ChartKind::Growth if spec.commune.is_none() => "city-models",
        ChartKind::Growth | ChartKind::Compare => "commune-models",
        ChartKind::Attainment => "attainment",
    };
    Ok(Chart {
        title,
        desc,
        drawn,
        table,
        dataset,
    })
}

type Parts = (String, Layout, Table, String);

fn num(v: u64) -> String {
    format_int(v as i64)
}

fn fig_text(f: Option<&Fig>) -> String {
    f.map_or(NO_DATA.to_owned(), |f| num(f.value))
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
fn campaigns<'a>(report: &'a Report, spec: &ChartSpec) -> Result<CampaignSeries<'a>, String> {
    match &spec.commune {
        Some(id) => {
            let c = report
                .communes
                .iter()
                .find(|c| &c.id == id)
                .ok_or_else(|| format!("unknown commune `{id}`"))?;
            let mut years: Vec<_> = c
                .years
                .iter()
                .map(|y| (y.year, y.campaign.as_ref()))
                .collect();
            years.reverse();
            Ok(CampaignSeries {
                place: c.full_name.clone(),
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

fn participation(report: &Report, spec: &ChartSpec) -> Result<Parts, String> {
    let CampaignSeries { place, years } = campaigns(report, spec)?;
    let mut sessions = Panel {
        title: Some("Buổi phát động".into()),
        rows: Vec::new(),
    };
    let mut people = Panel {
        title: Some("Lượt người tham gia".into()),
        rows: Vec::new(),
    };
    let mut table = Table {
        headers: vec![
            "Năm".into(),
            "Buổi phát động".into(),
            "Lượt người tham gia".into(),
        ],
        rows: Vec::new(),
    };
    let mut sentences = Vec::new();
    for (year, c) in &years {
        let s = c.and_then(|c| c.sessions.as_ref());
        let p = c.and_then(|c| c.participations.as_ref());
        sessions.rows.push(Row {
            label: format!("Năm {year}"),
            bold: false,
            body: bar(s.map(|f| f.value), BLUE, fig_text(s)),
        });
        people.rows.push(Row {
            label: format!("Năm {year}"),
            bold: false,
            body: bar(p.map(|f| f.value), GREEN, fig_text(p)),
        });
        table
            .rows
            .push(vec![year.to_string(), fig_text(s), fig_text(p)]);
        sentences.push(format!(
            "năm {year}: {} buổi phát động, {} lượt người tham gia",
            fig_text(s),
            fig_text(p)
        ));
    }
    let layout = with_fallback(Layout {
        panels: vec![sessions, people],
        ..Layout::default()
    });
    let desc = sentence(
        &format!("Phong trào “Toàn dân bảo vệ an ninh Tổ quốc” tại {place}"),
        &sentences,
    );
    Ok((
        format!("Phong trào TDBVANTQ tại {place}: buổi phát động và lượt người tham gia"),
        layout,
        table,
        desc,
    ))
}

fn tips(report: &Report, spec: &ChartSpec) -> Result<Parts, String> {
    let CampaignSeries { place, years } = campaigns(report, spec)?;
    let mut panel = Panel::default();
    let mut table = Table {
        headers: vec![
            "Năm".into(),
            "Nguồn tin".into(),
            "Nguồn tin có giá trị".into(),
            "Tỷ lệ có giá trị".into(),
        ],
        rows: Vec::new(),
    };
    let mut sentences = Vec::new();
    for (year, c) in &years {
        let tips = c.and_then(|c| c.tips.as_ref());
        let valuable = c.and_then(|c| c.valuable_tips.as_ref());
        let share = match (tips, valuable) {
            (Some(t), Some(v)) => format_percent(v.value as f64, t.value as f64),
            _ => None,
        };
        let valuable_text = match (&share, valuable) {
            (Some(share), Some(v)) => format!("{} ({share})", num(v.value)),
            _ => fig_text(valuable),
        };
        panel.rows.push(Row {
            label: format!("Năm {year}: nguồn tin"),
            bold: false,
            body: bar(tips.map(|f| f.value), BLUE, fig_text(tips)),
        });
        panel.rows.push(Row {
            label: format!("Năm {year}: nguồn tin có giá trị"),
            bold: false,
            body: bar(valuable.map(|f| f.value), VERMILLION, valuable_text.clone()),
        });
        table.rows.push(vec![
            year.to_string(),
            fig_text(tips),
            fig_text(valuable),
            share.clone().unwrap_or_else(|| NO_DATA.into()),
        ]);
        sentences.push(format!(
            "năm {year}: {} nguồn tin, trong đó {} có giá trị",
            fig_text(tips),
            valuable_text
        ));
    }
    let layout = with_fallback(Layout {
        panels: vec![panel],
        ..Layout::default()
    });
    let desc = sentence(
        &format!("Nguồn tin quần chúng cung cấp tại {place}"),
        &sentences,
    );
    Ok((
        format!("Nguồn tin quần chúng cung cấp tại {place}"),
        layout,
        table,
        desc,
    ))
}

fn growth(report: &Report, spec: &ChartSpec) -> Result<Parts, String> {
    let model = model(report, spec)?;
    if let Some(id) = &spec.commune {
        return commune_growth(report, model, id);
    }
    let mut panel = Panel::default();
    let mut table = Table {
        headers: vec![
            "Năm".into(),
            "Tổng số cuối năm".into(),
            "Xây dựng mới".into(),
            "Có từ trước (suy ra)".into(),
            "Ngân sách thành phố".into(),
            "Xã hội hóa".into(),
        ],
        rows: Vec::new(),
    };
    let mut sentences = Vec::new();
    let mut stacked = false;
    for (i, y) in model.city.iter().enumerate() {
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
                    label: format!("Trước năm {} (suy ra)", y.year),
                    bold: false,
                    body: Body::Bars {
                        segments: vec![Segment {
                            value: before.value,
                            color: BLUE,
                        }],
                        text: num(before.value),
                    },
                });
            }
            let text = format!(
                "{} + {} + {} = {}",
                num(before.value),
                num(budget.value),
                num(community.value),
                num(total.value)
            );
            panel.rows.push(Row {
                label: format!("Năm {}", y.year),
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
            sentences.push(format!(
                "năm {}: {} {} ({} có từ trước, {} do ngân sách thành phố đầu tư, {} xã hội hóa)",
                y.year,
                num(total.value),
                model.unit,
                num(before.value),
                num(budget.value),
                num(community.value)
            ));
        } else if let Some(total) = &y.total {
            panel.rows.push(Row {
                label: format!("Năm {}", y.year),
                bold: false,
                body: bar(Some(total.value), BLUE, num(total.value)),
            });
            sentences.push(format!(
                "năm {}: {} {}",
                y.year,
                num(total.value),
                model.unit
            ));
        } else if let Some(new) = &y.new {
            panel.rows.push(Row {
                label: format!("Năm {}: xây dựng mới", y.year),
                bold: false,
                body: bar(Some(new.value), GREEN, num(new.value)),
            });
            sentences.push(format!(
                "năm {}: xây dựng mới {} {}",
                y.year,
                num(new.value),
                model.unit
            ));
        } else {
            panel.rows.push(Row {
                label: format!("Năm {}", y.year),
                bold: false,
                body: Body::NoData,
            });
        }
        table.rows.push(vec![
            y.year.to_string(),
            fig_text(y.total.as_ref()),
            fig_text(y.new.as_ref()),
            fig_text(y.existing_before.as_ref()),
            fig_text(y.city_budget_count.as_ref()),
            fig_text(y.community_funded.as_ref()),
        ]);
    }
    if panel.rows.is_empty() {
        panel.rows.push(Row {
            label: format!("Toàn {}", report.site.locality),
            bold: false,
            body: Body::NoData,
        });
    }
    let legend = if stacked {
        vec![
            (BLUE, "Có từ trước (suy ra)".to_owned()),
            (VERMILLION, "Ngân sách thành phố".to_owned()),
            (GREEN, "Xã hội hóa".to_owned()),
        ]
    } else {
        Vec::new()
    };
    let layout = Layout {
        panels: vec![panel],
        legend,
        note: None,
    };
    let desc = sentence(
        &format!("{} toàn {}", model.name, report.site.locality),
        &sentences,
    );
    Ok((
        format!(
            "{}: số lượng toàn {} theo năm ({})",
            model.name, report.site.locality, model.unit
        ),
        layout,
        table,
        desc,
    ))
}

/// One commune's count of one model type by year.
fn commune_growth(
    report: &Report,
    model: &crate::model::ModelType,
    id: &str,
) -> Result<Parts, String> {
    let commune = report
        .communes
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| format!("unknown commune `{id}`"))?;
    let mut panel = Panel::default();
    let mut table = Table {
        headers: vec!["Năm".into(), format!("{} ({})", model.name, model.unit)],
        rows: Vec::new(),
    };
    let mut sentences = Vec::new();
    for y in commune.years.iter().rev() {
        let Some(m) = y.models.iter().find(|m| m.model.id == model.id) else {
            continue;
        };
        let count = m.count.as_ref();
        panel.rows.push(Row {
            label: format!("Năm {}", y.year),
            bold: false,
            body: bar(count.map(|f| f.value), BLUE, fig_text(count)),
        });
        table.rows.push(vec![y.year.to_string(), fig_text(count)]);
        sentences.push(format!(
            "năm {}: {} {}",
            y.year,
            fig_text(count),
            model.unit
        ));
    }
    if panel.rows.is_empty() {
        panel.rows.push(Row {
            label: commune.full_name.clone(),
            bold: false,
            body: Body::NoData,
        });
    }
    let desc = sentence(
        &format!("{} tại {}", model.name, commune.full_name),
        &sentences,
    );
    let title = format!(
        "{} tại {} theo năm ({})",
        model.name, commune.full_name, model.unit
    );
    Ok((
        title,
        Layout {
            panels: vec![panel],
            ..Layout::default()
        },
        table,
        desc,
    ))
}

/// More bars than this and the chart keeps the largest ones; the table keeps every commune.
const MAX_COMPARE_ROWS: usize = 30;

fn compare(report: &Report, spec: &ChartSpec) -> Result<Parts, String> {
    let model = model(report, spec)?;
    if let Some(id) = &spec.commune
        && !report.communes.iter().any(|c| &c.id == id)
    {
        return Err(format!("unknown commune `{id}`"));
    }
    let year = spec
        .year
        .or_else(|| {
            model
                .communes
                .iter()
                .filter(|c| c.count.is_some())
                .map(|c| c.year)
                .max()
        })
        .or(report.latest_year)
        .ok_or("the report has no year to compare")?;
    let counts: BTreeMap<&str, u64> = model
        .communes
        .iter()
        .filter(|c| c.year == year)
        .filter_map(|c| Some((c.commune.id.as_str(), c.count.as_ref()?.value)))
        .collect();
    let mut table = Table {
        headers: vec!["Đơn vị".into(), format!("{} ({})", model.name, model.unit)],
        rows: Vec::new(),
    };
    let mut with_data = Vec::new();
    let mut without = Vec::new();
    for c in &report.communes {
        let value = counts.get(c.id.as_str()).copied();
        table
            .rows
            .push(vec![c.full_name.clone(), value.map_or(NO_DATA.into(), num)]);
        match value {
            Some(v) => with_data.push((c, v)),
            None => without.push(c.name.clone()),
        }
    }
    let mut shown = with_data.clone();
    if shown.len() > MAX_COMPARE_ROWS {
        shown.sort_by_key(|(_, v)| std::cmp::Reverse(*v));
        shown.truncate(MAX_COMPARE_ROWS);
        let keep: Vec<&str> = shown.iter().map(|(c, _)| c.id.as_str()).collect();
        shown = with_data
            .iter()
            .filter(|(c, _)| keep.contains(&c.id.as_str()))
            .cloned()
            .collect();
    }
    let highlight = spec.commune.as_deref();
    let rows = shown
        .iter()
        .map(|(c, v)| {
            let mine = Some(c.id.as_str()) == highlight;
            Row {
                label: c.full_name.clone(),
                bold: mine,
                body: bar(Some(*v), if mine { VERMILLION } else { BLUE }, num(*v)),
            }
        })
        .collect::<Vec<_>>();
    let mut notes = Vec::new();
    if with_data.len() > shown.len() {
        notes.push(format!(
            "{} đơn vị khác có số liệu: xem bảng số liệu.",
            with_data.len() - shown.len()
        ));
    }
    if !without.is_empty() {
        notes.push(format!("Không có số liệu: {}.", without.join(", ")));
    }
    let mut panel = Panel { title: None, rows };
    if panel.rows.is_empty() {
        panel.rows.push(Row {
            label: format!("Năm {year}"),
            bold: false,
            body: Body::NoData,
        });
    }
    let layout = Layout {
        panels: vec![panel],
        legend: Vec::new(),
        note: (!notes.is_empty()).then(|| notes.join(" ")),
    };
    let sentences: Vec<String> = with_data
        .iter()
        .map(|(c, v)| format!("{} {} {}", c.full_name, num(*v), model.unit))
        .collect();
    let mut desc = sentence(
        &format!("{} theo xã, phường năm {year}", model.name),
        &sentences,
    );
    if !without.is_empty() {
        desc.push_str(&format!(" {} đơn vị không có số liệu.", without.len()));
    }
    Ok((
        format!("{} theo xã, phường, năm {year}", model.name),
        layout,
        table,
        desc,
    ))
}

fn attainment(report: &Report, spec: &ChartSpec) -> Result<Parts, String> {
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
            "Đơn vị".into(),
            "Đạt".into(),
            "Tổng số".into(),
            "Tỷ lệ".into(),
        ],
        rows: Vec::new(),
    };
    let mut sentences = Vec::new();
    for (label, ratio) in [
        ("Xã, phường", a.and_then(|a| a.communes.as_ref())),
        ("Thôn, tổ dân phố", a.and_then(|a| a.villages.as_ref())),
        (
            "Cơ quan, doanh nghiệp, cơ sở giáo dục",
            a.and_then(|a| a.agencies.as_ref()),
        ),
    ] {
        match ratio {
            Some(r) => {
                let share = format_percent(r.safe as f64, r.total as f64).unwrap_or_default();
                let text = format!("{}/{} ({share})", num(r.safe), num(r.total));
                sentences.push(format!("{} {}", label.to_lowercase(), text));
                table
                    .rows
                    .push(vec![label.into(), num(r.safe), num(r.total), share]);
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
                table.rows.push(vec![
                    label.into(),
                    NO_DATA.into(),
                    NO_DATA.into(),
                    NO_DATA.into(),
                ]);
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
    let desc = sentence(
        &format!("Đạt tiêu chuẩn “An toàn về ANTT” năm {}", year.year),
        &sentences,
    );
    Ok((
        format!("Đạt tiêu chuẩn “An toàn về ANTT” năm {}", year.year),
        layout,
        table,
        desc,
    ))
}

fn model<'a>(report: &'a Report, spec: &ChartSpec) -> Result<&'a crate::model::ModelType, String> {
    let id = spec.model.as_deref().unwrap_or_default();
    report
        .models
        .iter()
        .find(|m| m.id == id)
        .ok_or_else(|| format!("unknown model type `{id}`"))
}

/// A chart whose panels have no rows still says something.
fn with_fallback(mut layout: Layout) -> Layout {
    for panel in &mut layout.panels {
        if panel.rows.is_empty() {
            panel.rows.push(Row {
                label: "Chưa có năm nào".into(),
                bold: false,
                body: Body::NoData,
            });
        }
    }
    layout
}

fn sentence(subject: &str, parts: &[String]) -> String {
    if parts.is_empty() {
        format!("{subject}: {NO_DATA}.")
    } else {
        format!("{subject}: {}.", parts.join("; "))
    }
}

/// The chart as `<figure>` HTML; every text from the content is escaped.
pub fn figure_html(chart: &Chart, root: &str) -> String {
    let e = crate::text::escape_html;
    let mut html = format!(
        "<figure class=\"chart\">\n<figcaption>{}</figcaption>\n{}",
        e(&chart.title),
        chart.drawn.svg
    );
    html.push_str("<details>\n<summary>Bảng số liệu</summary>\n<div class=\"table-wrap\"><table>\n<thead><tr>");
    for h in &chart.table.headers {
        html.push_str(&format!("<th scope=\"col\">{}</th>", e(h)));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in &chart.table.rows {
        html.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if cell == NO_DATA {
                " class=\"nodata\""
            } else {
                ""
            };
            if i == 0 {
                html.push_str(&format!("<th scope=\"row\">{}</th>", e(cell)));
            } else {
                html.push_str(&format!("<td{class}>{}</td>", e(cell)));
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table></div>\n");
    let data = format!("{}data/{}", e(root), chart.dataset);
    html.push_str(&format!(
        "<p class=\"chart-data\">Tải số liệu: <a href=\"{data}.csv\">CSV</a> · <a href=\"{data}.json\">JSON</a></p>\n"
    ));
    html.push_str("</details>\n</figure>\n");
    html
}
