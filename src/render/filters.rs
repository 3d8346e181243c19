//! Tera filters for number formats (in the site's language), UI texts and Markdown,
//! available to every template. Outputs in Vietnamese (English in brackets):
//!
//! | filter | example | output |
//! |---|---|---|
//! | `num` | `{{ 24527 \| num }}` | `24.527` (`24,527`) |
//! | `percent(of=…)` | `{{ 125 \| percent(of=127) }}` | `98,4%` (`98.4%`) |
//! | `money` | `{{ 10000000000 \| money }}` | `10 tỷ đồng` (`VND 10 billion`) |
//! | `month` | `{{ "2021-06" \| month }}` | `06/2021` |
//! | `change(before=…)` | `{{ 25 \| change(before=23) }}` | `+2 (+8,7%)` (`+2 (+8.7%)`) |
//! | `fill(name=…)` | `{{ t.year_n \| fill(year=2023) }}` | `Năm 2023` |
//! | `content` | `{{ commune.name \| content }}` | `Xã Tuy Lộc`; on a translation's pages `<span lang="vi">Xã Tuy Lộc</span>` (`content(translated=true)` leaves it unmarked) |
//! | `markdown(home=…)` | `{{ text \| markdown(home="communes") }}` | sanitised HTML, `{{ chart(…) }}` lines drawn, relative links written for `home` led from this page |
//!
//! and the function `chart(kind=…, model=…, year=…, commune=…)`, which returns a chart figure.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use tera::{Kwargs, State, Tera, TeraResult, Value};

use super::charts::Charts;
use crate::chart_spec::{ArgValue, ChartSpec};
use crate::text::{NumberFormat, format_month};

/// A Markdown text, the page's way to the root, and (when they differ) the text's home
/// folder and the page's.
type RenderedKey = (String, String, Option<(String, String)>);

/// Registers every baocao filter and function on `tera` (before templates are added);
/// numbers are written the way `numbers` says, and texts from the content are marked as
/// written in `content_language` when it is given (the interface speaks another).
pub fn register(
    tera: &mut Tera,
    charts: Arc<Charts>,
    numbers: NumberFormat,
    content_language: Option<&'static str>,
) {
    tera.register_filter("num", move |v: i64, _: Kwargs, _: &State| numbers.int(v));
    tera.register_filter(
        "percent",
        move |part: f64, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let whole: f64 = kwargs.must_get("of")?;
            Ok(numbers.percent(part, whole).unwrap_or_else(|| "–".into()))
        },
    );
    tera.register_filter("money", move |v: i64, _: Kwargs, _: &State| {
        numbers.money(v.max(0) as u64)
    });
    tera.register_filter("month", month);
    tera.register_filter("date", |v: &str, _: Kwargs, _: &State| {
        crate::text::format_date(v)
    });
    tera.register_filter(
        "change",
        move |now: i64, kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let before: i64 = kwargs.must_get("before")?;
            let diff = now - before;
            let sign = if diff > 0 { "+" } else { "" };
            let mut text = format!("{sign}{}", numbers.int(diff));
            if let Some(p) = numbers.percent(diff as f64, before as f64) {
                text.push_str(&format!(" ({sign}{p})"));
            }
            Ok(text)
        },
    );
    tera.register_filter("fill", fill);
    tera.register_filter(
        "content",
        move |v: &Value, kwargs: Kwargs, state: &State| -> TeraResult<Value> {
            let text = state.escape_if_needed(v)?;
            let translated = kwargs.get::<bool>("translated")?.unwrap_or(false);
            Ok(Value::safe_string(&match content_language {
                Some(lang) if !translated && !text.is_empty() => {
                    format!("<span lang=\"{lang}\">{text}</span>")
                }
                _ => text,
            }))
        },
    );
    // A text inside JavaScript: a quoted string literal in which no quote, backslash, line
    // break or `</script>` of the text can end the string or the script.
    tera.register_filter("js_string", |v: &str, _: Kwargs, _: &State| {
        let json = serde_json::to_string(v).expect("a string serialises");
        Value::safe_string(&json.replace('<', "\\u003c"))
    });
    // A text inside CSS: a quoted string in which no quote, backslash, line break or `<` of
    // the text can end the string or the style element.
    tera.register_filter("css_string", |v: &str, _: Kwargs, _: &State| {
        Value::safe_string(&crate::text::css_string(v))
    });
    let for_markdown = charts.clone();
    // A commune's summary is shown on its page and in every year's full report: each text
    // is rendered once per build.
    let rendered: Mutex<HashMap<RenderedKey, Value>> = Mutex::default();
    tera.register_filter(
        "markdown",
        move |v: &str, kwargs: Kwargs, state: &State| -> TeraResult<Value> {
            let root: String = state.get("root")?.unwrap_or_default();
            let path: String = state.get("path")?.unwrap_or_default();
            let here = path
                .rsplit_once('/')
                .map_or("", |(folder, _)| folder)
                .to_owned();
            // Without `home` (or with `""`), the text is taken to be written for its page.
            let home: String = kwargs
                .get::<String>("home")?
                .filter(|home| !home.is_empty())
                .unwrap_or_else(|| here.clone());
            let key = (
                v.to_owned(),
                root,
                (home != here).then_some((home.clone(), here.clone())),
            );
            let lock = || rendered.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(html) = lock().get(&key) {
                return Ok(html.clone());
            }
            let rebase = super::markdown::Rebase {
                home: &home,
                here: &here,
                root: &key.1,
            };
            let html = super::markdown::to_html_with_charts(v, &for_markdown, &rebase)
                .map(|html| match content_language {
                    Some(lang) => format!("<div lang=\"{lang}\">\n{html}</div>\n"),
                    None => html,
                })
                .map(|html| Value::safe_string(&html))
                .map_err(tera::Error::message)?;
            lock().insert(key, html.clone());
            Ok(html)
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

fn month(value: &str, _: Kwargs, _: &State) -> TeraResult<String> {
    crate::text::parse_year_month(value)
        .map(|(year, month)| format_month(year, month))
        .ok_or_else(|| tera::Error::message(format!("`{value}` is not a YYYY-MM month")))
}

/// A UI text with each `{name}` replaced by the argument `name`. The text and the arguments
/// are escaped unless already safe, so `_html` texts keep their markup and content gains none.
fn fill(text: &Value, kwargs: Kwargs, state: &State) -> TeraResult<Value> {
    let args = kwargs
        .iter()
        .map(|(name, value)| {
            let name = name.as_str().unwrap_or_default().to_owned();
            Ok((name, state.escape_if_needed(value)?))
        })
        .collect::<TeraResult<Vec<(String, String)>>>()?;
    let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    let filled = super::locale::fill(&state.escape_if_needed(text)?, &args);
    Ok(if state.autoescaping_enabled() {
        Value::safe_string(&filled)
    } else {
        Value::from(filled)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render_in(numbers: NumberFormat, template: &str) -> String {
        render_marking(numbers, None, template)
    }

    fn render_marking(
        numbers: NumberFormat,
        content: Option<&'static str>,
        template: &str,
    ) -> String {
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        register(
            &mut tera,
            Arc::new(Charts::new(Arc::new(crate::report::Report::default()))),
            numbers,
            content,
        );
        tera.add_raw_template("t.html", template).unwrap();
        tera.render("t.html", &tera::Context::new()).unwrap()
    }

    fn render(template: &str) -> String {
        render_in(NumberFormat::Vi, template)
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
    fn filters_format_the_english_way() {
        let en = |t| render_in(NumberFormat::En, t);
        assert_eq!(en("{{ 24527 | num }}"), "24,527");
        assert_eq!(en("{{ 125 | percent(of=127) }}"), "98.4%");
        assert_eq!(en("{{ 10000000000 | money }}"), "VND 10 billion");
        assert_eq!(en("{{ \"2021-06\" | month }}"), "06/2021");
        assert_eq!(en("{{ 25 | change(before=23) }}"), "+2 (+8.7%)");
    }

    #[test]
    fn fill_escapes_plain_text_and_arguments_but_not_safe_ones() {
        assert_eq!(
            render("{{ \"Năm {year}: {x}\" | fill(year=2023, x=\"<b>\") }}"),
            "Năm 2023: &lt;b&gt;"
        );
        assert_eq!(
            render("{{ \"<a href='{root}'>&</a>\" | safe | fill(root=\"../\") }}"),
            "<a href='../'>&</a>"
        );
        assert_eq!(
            render("{% set x %}<i>{{ \"&\" }}</i>{% endset %}{{ \"'{x}'\" | fill(x=x) }}"),
            "&#39;<i>&amp;</i>&#39;"
        );
    }

    #[test]
    fn markdown_output_is_not_escaped_again_but_is_sanitised() {
        assert_eq!(
            render("{{ \"**a**\" | markdown }}"),
            "<p><strong>a</strong></p>\n"
        );
        assert!(!render("{{ \"<script>x</script>\" | markdown }}").contains("<script"));
    }

    #[test]
    fn content_is_marked_only_on_a_translations_pages() {
        let vi = |t| render_marking(NumberFormat::Vi, None, t);
        let en = |t| render_marking(NumberFormat::En, Some("vi"), t);
        assert_eq!(vi("{{ \"Xã <Tuy> Lộc\" | content }}"), "Xã &lt;Tuy&gt; Lộc");
        assert_eq!(
            en("{{ \"Xã <Tuy> Lộc\" | content }}"),
            "<span lang=\"vi\">Xã &lt;Tuy&gt; Lộc</span>"
        );
        assert_eq!(en("{{ \"Theft\" | content(translated=true) }}"), "Theft");
        assert_eq!(en("{{ \"\" | content }}"), "");
        assert_eq!(
            en("{{ \"In {place}.\" | fill(place=\"Yên Bái\" | content) }}"),
            "In <span lang=\"vi\">Yên Bái</span>."
        );
        assert_eq!(
            en("{{ \"*a*\" | markdown }}"),
            "<div lang=\"vi\">\n<p><em>a</em></p>\n</div>\n"
        );
    }
}
