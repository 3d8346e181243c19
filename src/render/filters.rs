//! Tera filters for Vietnamese formatting and Markdown, available to every template.
//!
//! | filter | example | output |
//! |---|---|---|
//! | `num` | `{{ 24527 \| num }}` | `24.527` |
//! | `percent(of=…)` | `{{ 125 \| percent(of=127) }}` | `98,4%` |
//! | `money` | `{{ 10000000000 \| money }}` | `10 tỷ đồng` |
//! | `month` | `{{ "2021-06" \| month }}` | `06/2021` |
//! | `change(before=…)` | `{{ 25 \| change(before=23) }}` | `+2 (+8,7%)` |
//! | `markdown` | `{{ text \| markdown }}` | sanitised HTML, `{{ chart(…) }}` lines drawn |
//!
//! and the function `chart(kind=…, model=…, year=…, commune=…)`, which returns a chart figure.

use std::sync::Arc;

use tera::{Kwargs, State, Tera, TeraResult, Value};

use super::charts::Charts;
use crate::chart_spec::{ArgValue, ChartSpec};
use crate::text::{format_int, format_money_vnd, format_month, format_percent};

/// Registers every baocao filter and function on `tera` (before templates are added).
pub fn register(tera: &mut Tera, charts: Arc<Charts>) {
    tera.register_filter("num", |v: i64, _: Kwargs, _: &State| format_int(v));
    tera.register_filter("percent", percent);
    tera.register_filter("money", |v: i64, _: Kwargs, _: &State| {
        format_money_vnd(v.max(0) as u64)
    });
    tera.register_filter("month", month);
    tera.register_filter("change", change);
    let for_markdown = charts.clone();
    tera.register_filter(
        "markdown",
        move |v: &str, _: Kwargs, state: &State| -> TeraResult<Value> {
            let root: String = state.get("root")?.unwrap_or_default();
            super::markdown::to_html_with_charts(v, &for_markdown, &root)
                .map(|html| Value::safe_string(&html))
                .map_err(tera::Error::message)
        },
    );
    tera.register_function(
        "chart",
        move |kwargs: Kwargs, state: &State| -> TeraResult<Value> {
            let args: Vec<(&str, ArgValue)> = kwargs
                .iter()
                .map(|(key, value)| {
                    let arg = match (value.as_str(), value.as_i64()) {
                        (Some(text), _) => ArgValue::Text(text.to_owned()),
                        (None, Some(n)) => ArgValue::Number(n),
                        _ => ArgValue::Text(value.to_string()),
                    };
                    (key.as_str().unwrap_or_default(), arg)
                })
                .collect();
            let spec = ChartSpec::from_args(args).map_err(tera::Error::message)?;
            let root: String = state.get("root")?.unwrap_or_default();
            charts
                .figure_html(&spec, &root)
                .map(|html| Value::safe_string(&html))
                .map_err(|e| tera::Error::message(format!("{spec}: {e}")))
        },
    );
}

fn percent(part: f64, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let whole: f64 = kwargs.must_get("of")?;
    Ok(format_percent(part, whole).unwrap_or_else(|| "–".into()))
}

fn month(value: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    crate::validate::parse_year_month(value)
        .map(|(year, month)| format_month(year, month))
        .ok_or_else(|| tera::Error::message(format!("`{value}` is not a YYYY-MM month")))
}

fn change(now: i64, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    let before: i64 = kwargs.must_get("before")?;
    let diff = now - before;
    let sign = if diff > 0 { "+" } else { "" };
    let mut text = format!("{sign}{}", format_int(diff));
    if let Some(p) = format_percent(diff as f64, before as f64) {
        text.push_str(&format!(" ({sign}{p})"));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str) -> String {
        let mut tera = Tera::new();
        register(
            &mut tera,
            Arc::new(Charts::new(Arc::new(crate::model::Report::default()))),
        );
        tera.add_raw_template("t.html", template).unwrap();
        tera.render("t.html", &tera::Context::new()).unwrap()
    }

    #[test]
    fn filters_format_the_vietnamese_way() {
        assert_eq!(render("{{ 24527 | num }}"), "24.527");
        assert_eq!(render("{{ 125 | percent(of=127) }}"), "98,4%");
        assert_eq!(render("{{ 10000000000 | money }}"), "10 tỷ đồng");
        assert_eq!(render("{{ \"2021-06\" | month }}"), "06/2021");
        assert_eq!(render("{{ 25 | change(before=23) }}"), "+2 (+8,7%)");
        assert_eq!(render("{{ 20 | change(before=23) }}"), "-3 (-13%)");
    }

    #[test]
    fn markdown_output_is_not_escaped_again_but_is_sanitised() {
        assert_eq!(
            render("{{ \"**a**\" | markdown }}"),
            "<p><strong>a</strong></p>\n"
        );
        assert!(!render("{{ \"<script>x</script>\" | markdown }}").contains("<script"));
    }
}
