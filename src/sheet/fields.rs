//! The columns of a collection workbook: every figure a commune or the whole area reports for
//! a year, with its key (written in the workbook's key row), its Vietnamese label and unit,
//! what a cell may hold, and where the figure lives in the YAML records.

use crate::catalogue::{Catalogue, MAX_COUNT, MAX_MONEY};
use crate::load::IndicatorKind;
use crate::report::Report;

use super::tree::Step;

/// What a figure's cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// A whole number of things, at most `max`.
    Count { max: u64 },
    /// An amount in đồng.
    Money,
    /// Yes or no ("có" / "không").
    Flag,
    /// A short text.
    Text,
}

/// One figure of a year: a column of the communes' sheet or a row of the area's.
#[derive(Debug, Clone)]
pub struct Field {
    /// Stable key, the YAML path with dots: `campaign.sessions`,
    /// `models.camera-an-ninh.count`, `figures.pham-phap-hinh-su`.
    pub key: String,
    /// Vietnamese label.
    pub label: String,
    /// What one unit is called; may be empty.
    pub unit: String,
    pub value: Value,
    /// Where the figure is written, below a year's node.
    pub path: Vec<Step>,
    /// For the `safe` part of a ratio: the key of the `total` it may not exceed.
    pub at_most: Option<String>,
}

impl Field {
    fn new(path: Vec<Step>, label: String, unit: &str, value: Value) -> Field {
        let key = path
            .iter()
            .map(|step| match step {
                Step::Key(key) => key.as_str(),
                Step::Item { value, .. } => value.as_str(),
            })
            .collect::<Vec<_>>()
            .join(".");
        Field {
            key,
            label,
            unit: unit.to_owned(),
            value,
            path,
            at_most: None,
        }
    }

    /// The header: label and unit, as in "Camera an ninh (mắt camera)".
    pub fn header(&self) -> String {
        if self.unit.is_empty() {
            self.label.clone()
        } else {
            format!("{} ({})", self.label, self.unit)
        }
    }
}

const COUNT: Value = Value::Count { max: MAX_COUNT };

/// A `safe` of `total` pair of fields.
fn ratio(base: Vec<Step>, safe_label: String, total_label: String, unit: &str) -> [Field; 2] {
    let at = |part: &str| [base.clone(), vec![Step::key(part)]].concat();
    let total = Field::new(at("total"), total_label, unit, COUNT);
    let mut safe = Field::new(at("safe"), safe_label, unit, COUNT);
    safe.at_most = Some(total.key.clone());
    [safe, total]
}

/// The figures of the catalogue (`campaign:` or `figures:`) reported at one level.
fn catalogue_fields(catalogue: &Catalogue, communes: bool) -> Vec<Field> {
    let mut fields = Vec::new();
    for indicator in catalogue.all() {
        if (communes && !indicator.for_communes()) || (!communes && !indicator.for_area()) {
            continue;
        }
        let section = match indicator.section {
            crate::catalogue::Section::Campaign => "campaign",
            crate::catalogue::Section::Indicators => "figures",
        };
        let path = vec![Step::key(section), Step::key(&indicator.id)];
        let name = indicator.name.to_string();
        match indicator.kind {
            IndicatorKind::Count => fields.push(Field::new(
                path,
                name,
                &indicator.unit,
                Value::Count { max: indicator.max },
            )),
            IndicatorKind::Money => fields.push(Field::new(path, name, "đồng", Value::Money)),
            IndicatorKind::Text => fields.push(Field::new(path, name, "", Value::Text)),
            IndicatorKind::Ratio => fields.extend(ratio(
                path,
                format!("{name}: số đạt"),
                format!("{name}: tổng số"),
                &indicator.unit,
            )),
        }
    }
    fields
}

/// The columns of the communes' sheet, after the key columns.
pub fn commune_fields(report: &Report) -> Vec<Field> {
    let mut fields = catalogue_fields(&report.catalogue, true);
    for model in &report.models {
        fields.push(Field::new(
            vec![
                Step::key("models"),
                Step::item("model", &model.id),
                Step::key("count"),
            ],
            model.name.clone(),
            &model.unit,
            COUNT,
        ));
    }
    fields.push(Field::new(
        vec![Step::key("attainment"), Step::key("commune")],
        "Đạt chuẩn an toàn về ANTT".to_owned(),
        "",
        Value::Flag,
    ));
    fields.extend(ratio(
        vec![Step::key("attainment"), Step::key("villages")],
        "Thôn, tổ dân phố đạt chuẩn an toàn về ANTT".to_owned(),
        "Tổng số thôn, tổ dân phố".to_owned(),
        "",
    ));
    fields
}

/// The rows of the area's sheet.
pub fn area_fields(report: &Report) -> Vec<Field> {
    let mut fields = catalogue_fields(&report.catalogue, false);
    for (key, safe, total) in [
        (
            "communes",
            "Xã, phường đạt chuẩn an toàn về ANTT",
            "Tổng số xã, phường",
        ),
        (
            "villages",
            "Thôn, tổ dân phố đạt chuẩn an toàn về ANTT",
            "Tổng số thôn, tổ dân phố",
        ),
        (
            "agencies",
            "Cơ quan, doanh nghiệp, nhà trường đạt chuẩn an toàn về ANTT",
            "Tổng số cơ quan, doanh nghiệp, nhà trường",
        ),
    ] {
        fields.extend(ratio(
            vec![Step::key("attainment"), Step::key(key)],
            safe.to_owned(),
            total.to_owned(),
            "",
        ));
    }
    for model in &report.models {
        let at = |rest: &[&str]| {
            let mut path = vec![Step::key("models"), Step::item("model", &model.id)];
            path.extend(rest.iter().map(|k| Step::key(k)));
            path
        };
        let name = &model.name;
        let unit = model.unit.as_str();
        fields.extend([
            Field::new(
                at(&["total"]),
                format!("{name}: tổng số cuối năm"),
                unit,
                COUNT,
            ),
            Field::new(
                at(&["new"]),
                format!("{name}: xây dựng mới trong năm"),
                unit,
                COUNT,
            ),
            Field::new(
                at(&["city_budget", "count"]),
                format!("{name}: đầu tư từ ngân sách"),
                unit,
                COUNT,
            ),
            Field::new(
                at(&["city_budget", "locations"]),
                format!("{name}: số điểm đầu tư từ ngân sách"),
                "điểm",
                COUNT,
            ),
            Field::new(
                at(&["city_budget", "value_vnd"]),
                format!("{name}: giá trị đầu tư từ ngân sách"),
                "đồng",
                Value::Money,
            ),
            Field::new(
                at(&["community_funded"]),
                format!("{name}: xã hội hóa trong năm"),
                unit,
                COUNT,
            ),
        ]);
    }
    fields
}

/// The largest value a number field accepts.
pub fn max_of(value: Value) -> u64 {
    match value {
        Value::Count { max } => max,
        Value::Money => MAX_MONEY,
        Value::Flag | Value::Text => 0,
    }
}
