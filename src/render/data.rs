//! Open data: every dataset behind the site as CSV (UTF-8 with a byte-order mark, so that
//! Excel shows Vietnamese correctly; plain numbers, ISO dates) and as JSON.

use serde::Serialize;

use crate::model::{Campaign, Cite, Fig, Ratio, Report};

/// One cell: text, a whole number, or nothing reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Int(u64),
    Empty,
}

/// A column and what it holds.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub name: &'static str,
    pub description: &'static str,
}

/// A table of the report, downloadable as `data/<slug>.csv` and `data/<slug>.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Dataset {
    pub slug: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    pub columns: Vec<Column>,
    #[serde(skip)]
    pub rows: Vec<Vec<Cell>>,
    /// Number of rows, for the data page.
    pub count: usize,
}

macro_rules! columns {
    ($(($name:literal, $description:literal)),* $(,)?) => {
        vec![$(Column { name: $name, description: $description }),*]
    };
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

fn fig(f: Option<&Fig>) -> Cell {
    f.map_or(Cell::Empty, |f| Cell::Int(f.value))
}

fn opt(s: Option<&str>) -> Cell {
    s.map_or(Cell::Empty, text)
}

fn source(c: Option<&Cite>) -> Cell {
    opt(c.map(|c| c.id.as_str()))
}

/// The source of the first figure that has one.
fn first_source<'a>(figs: impl IntoIterator<Item = Option<&'a Fig>>) -> Cell {
    source(figs.into_iter().flatten().find_map(|f| f.source.as_ref()))
}

fn dataset(
    slug: &'static str,
    title: &'static str,
    description: &'static str,
    columns: Vec<Column>,
    rows: Vec<Vec<Cell>>,
) -> Dataset {
    Dataset {
        slug,
        title,
        description,
        columns,
        count: rows.len(),
        rows,
    }
}

/// Every dataset of the report, in the order the data page lists them.
pub fn datasets(report: &Report) -> Vec<Dataset> {
    vec![
        communes(report),
        commune_models(report),
        city_models(report),
        campaign(report),
        attainment(report),
        groups(report),
    ]
}

fn communes(report: &Report) -> Dataset {
    let rows = report
        .communes
        .iter()
        .map(|c| {
            vec![
                text(&c.id),
                text(&c.name),
                text(c.kind),
                opt(c.code.as_deref()),
            ]
        })
        .collect();
    dataset(
        "communes",
        "Xã, phường",
        "Các đơn vị hành chính cấp xã của báo cáo.",
        columns![
            ("commune_id", "Mã định danh của đơn vị trong báo cáo"),
            ("name", "Tên đơn vị"),
            ("kind", "Loại đơn vị: Xã, Phường, Thị trấn, Đặc khu"),
            ("official_code", "Mã đơn vị hành chính (nếu có)"),
        ],
        rows,
    )
}

fn commune_models(report: &Report) -> Dataset {
    let mut rows = Vec::new();
    for c in &report.communes {
        for y in c.years.iter().rev() {
            for m in &y.models {
                rows.push(vec![
                    text(&c.id),
                    text(&c.name),
                    Cell::Int(y.year as u64),
                    text(&m.model.id),
                    text(&m.model.name),
                    text(&m.model.unit),
                    fig(m.count.as_ref()),
                    source(m.count.as_ref().and_then(|f| f.source.as_ref())),
                ]);
            }
        }
    }
    dataset(
        "commune-models",
        "Mô hình theo xã, phường",
        "Số lượng từng loại mô hình của mỗi xã, phường theo năm; ô trống: đơn vị có triển khai nhưng không có số liệu.",
        columns![
            ("commune_id", "Mã định danh của đơn vị"),
            ("commune", "Tên đơn vị"),
            ("year", "Năm"),
            ("model_id", "Mã định danh loại mô hình"),
            ("model", "Tên loại mô hình"),
            ("unit", "Đơn vị tính"),
            ("count", "Số lượng (trống: không có số liệu)"),
            ("source", "Mã nguồn số liệu (xem trang Nguồn)"),
        ],
        rows,
    )
}

fn city_models(report: &Report) -> Dataset {
    let mut rows = Vec::new();
    for y in &report.years {
        for m in &y.models {
            rows.push(vec![
                Cell::Int(y.year as u64),
                text(&m.model.id),
                text(&m.model.name),
                text(&m.model.unit),
                fig(m.total.as_ref()),
                fig(m.new.as_ref()),
                fig(m.city_budget_count.as_ref()),
                fig(m.city_budget_locations.as_ref()),
                fig(m.city_budget_value_vnd.as_ref()),
                fig(m.community_funded.as_ref()),
                fig(m.existing_before.as_ref()),
                first_source([
                    m.total.as_ref(),
                    m.new.as_ref(),
                    m.city_budget_count.as_ref(),
                    m.community_funded.as_ref(),
                ]),
            ]);
        }
    }
    dataset(
        "city-models",
        "Mô hình toàn thành phố",
        "Số liệu toàn thành phố của từng loại mô hình theo năm.",
        columns![
            ("year", "Năm"),
            ("model_id", "Mã định danh loại mô hình"),
            ("model", "Tên loại mô hình"),
            ("unit", "Đơn vị tính"),
            ("total", "Tổng số cuối năm"),
            ("new", "Xây dựng mới trong năm"),
            (
                "city_budget_count",
                "Số lượng do ngân sách thành phố đầu tư"
            ),
            (
                "city_budget_locations",
                "Số địa điểm lắp đặt bằng ngân sách thành phố"
            ),
            (
                "city_budget_value_vnd",
                "Giá trị đầu tư từ ngân sách thành phố, đồng"
            ),
            ("community_funded", "Số lượng do xã hội hóa"),
            (
                "existing_before_derived",
                "Có từ trước năm, suy ra: tổng số − ngân sách − xã hội hóa"
            ),
            ("source", "Mã nguồn số liệu"),
        ],
        rows,
    )
}

fn campaign_row(scope: &str, name: &str, year: i64, c: &Campaign) -> Vec<Cell> {
    vec![
        text(scope),
        text(name),
        Cell::Int(year as u64),
        fig(c.focus_areas.as_ref()),
        fig(c.sessions.as_ref()),
        fig(c.participations.as_ref()),
        fig(c.tips.as_ref()),
        fig(c.valuable_tips.as_ref()),
        first_source([
            c.sessions.as_ref(),
            c.participations.as_ref(),
            c.tips.as_ref(),
            c.valuable_tips.as_ref(),
            c.focus_areas.as_ref(),
        ]),
    ]
}

fn campaign(report: &Report) -> Dataset {
    let mut rows = Vec::new();
    for y in &report.years {
        if let Some(c) = &y.campaign {
            rows.push(campaign_row("city", &report.site.locality, y.year, c));
        }
    }
    for c in &report.communes {
        for y in c.years.iter().rev() {
            if let Some(campaign) = &y.campaign {
                rows.push(campaign_row(&c.id, &c.name, y.year, campaign));
            }
        }
    }
    dataset(
        "campaign",
        "Phong trào “Toàn dân bảo vệ an ninh Tổ quốc”",
        "Kết quả phong trào theo năm, toàn thành phố (scope = city) và từng xã, phường.",
        columns![
            (
                "scope",
                "city: toàn thành phố; khác: mã định danh của xã, phường"
            ),
            ("name", "Tên địa bàn"),
            ("year", "Năm"),
            ("focus_areas", "Số địa bàn chỉ đạo điểm"),
            ("sessions", "Số buổi phát động"),
            ("participations", "Số lượt người tham gia"),
            ("tips", "Số nguồn tin quần chúng cung cấp"),
            ("valuable_tips", "Trong đó: số nguồn tin có giá trị"),
            ("source", "Mã nguồn số liệu"),
        ],
        rows,
    )
}

fn ratio_row(scope: &str, year: i64, unit: &str, r: &Ratio) -> Vec<Cell> {
    vec![
        text(scope),
        Cell::Int(year as u64),
        text(unit),
        Cell::Int(r.safe),
        Cell::Int(r.total),
        source(r.source.as_ref()),
    ]
}

fn attainment(report: &Report) -> Dataset {
    let mut rows = Vec::new();
    for y in &report.years {
        let Some(a) = &y.attainment else { continue };
        for (unit, r) in [
            ("communes", &a.communes),
            ("villages", &a.villages),
            ("agencies", &a.agencies),
        ] {
            if let Some(r) = r {
                rows.push(ratio_row("city", y.year, unit, r));
            }
        }
    }
    for c in &report.communes {
        for y in c.years.iter().rev() {
            if let Some(r) = &y.villages {
                rows.push(ratio_row(&c.id, y.year, "villages", r));
            }
        }
    }
    dataset(
        "attainment",
        "Đạt tiêu chuẩn “An toàn về ANTT”",
        "Số đơn vị đạt tiêu chuẩn trên tổng số, theo năm.",
        columns![
            (
                "scope",
                "city: toàn thành phố; khác: mã định danh của xã, phường"
            ),
            ("year", "Năm"),
            (
                "unit_type",
                "communes: xã, phường; villages: thôn, tổ dân phố; agencies: cơ quan, doanh nghiệp, cơ sở giáo dục"
            ),
            ("safe", "Số đơn vị đạt"),
            ("total", "Tổng số đơn vị"),
            ("source", "Mã nguồn số liệu"),
        ],
        rows,
    )
}

fn groups(report: &Report) -> Dataset {
    let mut rows = Vec::new();
    for c in &report.communes {
        for g in &c.groups {
            let outcomes: Vec<String> = g
                .outcomes
                .iter()
                .map(|o| {
                    format!(
                        "{}: {}",
                        o.label,
                        o.value
                            .as_ref()
                            .map_or("không có số liệu".to_owned(), |v| v.value.to_string())
                    )
                })
                .collect();
            rows.push(vec![
                text(&c.id),
                text(&g.name),
                text(&g.model.id),
                opt(g.founded.as_deref()),
                fig(g.members.as_ref()),
                Cell::Text(outcomes.join("; ")),
                opt(g.motto.as_deref()),
                source(g.source.as_ref()),
            ]);
        }
    }
    dataset(
        "groups",
        "Tổ, nhóm tiêu biểu",
        "Các tổ, nhóm (mô hình cụ thể) của xã, phường.",
        columns![
            ("commune_id", "Mã định danh của xã, phường"),
            ("group", "Tên tổ, nhóm"),
            ("model_id", "Mã định danh loại mô hình"),
            ("founded", "Tháng thành lập, YYYY-MM"),
            ("members", "Số thành viên"),
            (
                "outcomes",
                "Kết quả, dạng “nội dung: số lượng” cách nhau bởi dấu chấm phẩy"
            ),
            ("motto", "Phương châm"),
            ("source", "Mã nguồn số liệu"),
        ],
        rows,
    )
}

impl Dataset {
    /// CSV with a UTF-8 byte-order mark, a header row, CRLF line ends (RFC 4180).
    pub fn to_csv(&self) -> Vec<u8> {
        let mut out = String::from("\u{feff}");
        let header: Vec<String> = self.columns.iter().map(|c| csv_field(c.name)).collect();
        out.push_str(&header.join(","));
        out.push_str("\r\n");
        for row in &self.rows {
            let fields: Vec<String> = row
                .iter()
                .map(|cell| match cell {
                    Cell::Text(t) => csv_field(t),
                    Cell::Int(n) => n.to_string(),
                    Cell::Empty => String::new(),
                })
                .collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        }
        out.into_bytes()
    }

    /// A JSON array of objects keyed by column name; numbers as numbers, no data as `null`.
    pub fn to_json(&self) -> Vec<u8> {
        let rows: Vec<serde_json::Map<String, serde_json::Value>> = self
            .rows
            .iter()
            .map(|row| {
                self.columns
                    .iter()
                    .zip(row)
                    .map(|(column, cell)| {
                        let value = match cell {
                            Cell::Text(t) => serde_json::Value::String(t.clone()),
                            Cell::Int(n) => serde_json::Value::from(*n),
                            Cell::Empty => serde_json::Value::Null,
                        };
                        (column.name.to_owned(), value)
                    })
                    .collect()
            })
            .collect();
        let mut bytes = serde_json::to_vec_pretty(&rows).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}

/// Quotes a CSV field when it holds a comma, a quote or a line break; formula-like text
/// (starting with `=`, `+`, `-`, `@`) is prefixed with `'` so spreadsheets do not run it.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("Tuy Lộc"), "Tuy Lộc");
        assert_eq!(csv_field("tự phòng, tự quản"), "\"tự phòng, tự quản\"");
        assert_eq!(csv_field("nói \"có\""), "\"nói \"\"có\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
