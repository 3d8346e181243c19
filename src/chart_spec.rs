//! What a chart call asks for: `chart(kind="growth", model="camera-an-ninh")`.
//! The same call works in templates (a Tera function) and on a line of its own in Markdown
//! (written `{{ chart(kind="growth", model="camera-an-ninh") }}`); validation checks the
//! Markdown ones, rendering draws both.

use std::fmt;

/// The kinds of chart baocao draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChartKind {
    /// The campaign's participation figures by year, a panel each.
    Participation,
    /// A campaign figure and the part of it of value, by year.
    Tips,
    /// One model type's count by year: city-wide (cameras stacked by funding source),
    /// or one commune's with `commune`.
    Growth,
    /// One figure of one model type across communes in one year.
    Compare,
    /// Attainment of "An toàn về ANTT" as progress bars.
    Attainment,
    /// One of the project's indicators by year: the whole area's, or one commune's with
    /// `commune`.
    Indicator,
    /// One of the project's indicators across communes in one year.
    IndicatorCommunes,
}

impl ChartKind {
    pub const ALL: [(&'static str, ChartKind); 7] = [
        ("participation", ChartKind::Participation),
        ("tips", ChartKind::Tips),
        ("growth", ChartKind::Growth),
        ("compare", ChartKind::Compare),
        ("attainment", ChartKind::Attainment),
        ("indicator", ChartKind::Indicator),
        ("indicator-communes", ChartKind::IndicatorCommunes),
    ];

    pub fn name(self) -> &'static str {
        ChartKind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(n, _)| n)
    }
}

/// A chart request: the kind and the parameters it takes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChartSpec {
    pub kind: ChartKind,
    /// Model type id (`growth`, `compare`).
    pub model: Option<String>,
    /// Indicator id (`indicator`, `indicator-communes`).
    pub indicator: Option<String>,
    /// Year (`compare`, `attainment`; default: the latest).
    pub year: Option<i64>,
    /// Commune id: whose figures (`participation`, `tips`, `growth`) or which bar to highlight (`compare`).
    pub commune: Option<String>,
    /// Group id: compare only the group's communes (`compare`, `indicator-communes`).
    pub group: Option<String>,
}

impl fmt::Display for ChartSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "chart(kind=\"{}\"", self.kind.name())?;
        if let Some(m) = &self.model {
            write!(f, ", model=\"{m}\"")?;
        }
        if let Some(i) = &self.indicator {
            write!(f, ", indicator=\"{i}\"")?;
        }
        if let Some(y) = self.year {
            write!(f, ", year={y}")?;
        }
        if let Some(c) = &self.commune {
            write!(f, ", commune=\"{c}\"")?;
        }
        if let Some(g) = &self.group {
            write!(f, ", group=\"{g}\"")?;
        }
        f.write_str(")")
    }
}

impl ChartSpec {
    /// The chart's anchor on a page: `bieu-do-growth-camera-an-ninh-tuy-loc`. Every part
    /// is an id or a number, so the anchor is a valid HTML id.
    pub fn anchor(&self) -> String {
        let mut anchor = format!("bieu-do-{}", self.kind.name());
        let year = self.year.map(|y| y.to_string());
        for part in [
            &self.model,
            &self.indicator,
            &self.commune,
            &self.group,
            &year,
        ]
        .into_iter()
        .flatten()
        {
            anchor.push('-');
            anchor.push_str(part);
        }
        anchor
    }

    /// Builds a spec from named arguments, checking that the kind exists and gets what it needs.
    pub fn from_args<'a>(
        args: impl IntoIterator<Item = (&'a str, ArgValue)>,
    ) -> Result<ChartSpec, String> {
        let mut kind = None;
        let mut spec = ChartSpec {
            kind: ChartKind::Growth,
            model: None,
            indicator: None,
            year: None,
            commune: None,
            group: None,
        };
        for (name, value) in args {
            match (name, value) {
                ("kind", ArgValue::Text(k)) => {
                    kind = Some(
                        ChartKind::ALL
                            .iter()
                            .find(|(n, _)| *n == k)
                            .map(|(_, k)| *k)
                            .ok_or_else(|| {
                                let names: Vec<&str> =
                                    ChartKind::ALL.iter().map(|(n, _)| *n).collect();
                                format!(
                                    "unknown chart kind `{k}`; the kinds are: {}",
                                    names.join(", ")
                                )
                            })?,
                    );
                }
                ("model", ArgValue::Text(m)) => spec.model = Some(m),
                ("indicator", ArgValue::Text(i)) => spec.indicator = Some(i),
                ("commune", ArgValue::Text(c)) => spec.commune = Some(c),
                ("group", ArgValue::Text(g)) => spec.group = Some(g),
                ("year", ArgValue::Number(y)) => spec.year = Some(y),
                ("kind" | "model" | "indicator" | "commune" | "group", _) => {
                    return Err(format!("`{name}` takes text in quotes"));
                }
                ("year", _) => return Err("`year` takes a number, e.g. year=2023".into()),
                (other, _) => {
                    return Err(format!(
                        "unknown chart argument `{other}`; use kind, model, indicator, year, commune or group"
                    ));
                }
            }
        }
        spec.kind = kind
            .ok_or("a chart needs `kind`, e.g. chart(kind=\"growth\", model=\"camera-an-ninh\")")?;
        if matches!(spec.kind, ChartKind::Growth | ChartKind::Compare) && spec.model.is_none() {
            return Err(format!(
                "a `{}` chart needs `model=\"…\"`, the id of a model type",
                spec.kind.name()
            ));
        }
        if matches!(
            spec.kind,
            ChartKind::Indicator | ChartKind::IndicatorCommunes
        ) && spec.indicator.is_none()
        {
            return Err(format!(
                "a `{}` chart needs `indicator=\"…\"`, the id of an indicator",
                spec.kind.name()
            ));
        }
        if spec.group.is_some()
            && !matches!(spec.kind, ChartKind::Compare | ChartKind::IndicatorCommunes)
        {
            return Err(format!(
                "`group` compares a group's communes: it goes with `compare` or \
                 `indicator-communes`, not `{}`",
                spec.kind.name()
            ));
        }
        Ok(spec)
    }

    /// Parses a Markdown line holding only `{{ chart(...) }}`; `None` when the line is something else.
    pub fn parse_line(line: &str) -> Option<Result<ChartSpec, String>> {
        let inner = line.trim().strip_prefix("{{")?.strip_suffix("}}")?.trim();
        let args = inner.strip_prefix("chart(")?.strip_suffix(')')?;
        Some(parse_args(args).and_then(ChartSpec::from_args))
    }
}

/// A value of a chart argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgValue {
    Text(String),
    Number(i64),
}

/// Parses `kind="growth", year=2023`.
fn parse_args(text: &str) -> Result<Vec<(&str, ArgValue)>, String> {
    let mut args = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let (name, after) = rest
            .split_once('=')
            .ok_or_else(|| format!("expected name=value in `{rest}`"))?;
        let after = after.trim_start();
        let (value, remaining) = if let Some(quoted) = after.strip_prefix('"') {
            let end = quoted.find('"').ok_or("a quote is not closed")?;
            (ArgValue::Text(quoted[..end].to_owned()), &quoted[end + 1..])
        } else {
            let end = after.find(',').unwrap_or(after.len());
            let raw = after[..end].trim();
            let number = raw
                .parse()
                .map_err(|_| format!("`{raw}` is neither a number nor text in quotes"))?;
            (ArgValue::Number(number), &after[end..])
        };
        args.push((name.trim(), value));
        rest = remaining.trim_start().trim_start_matches(',').trim_start();
    }
    Ok(args)
}

/// Every chart line of a Markdown text: (0-based line index, parsed spec or error).
pub fn chart_lines(
    markdown: &str,
) -> impl Iterator<Item = (usize, Result<ChartSpec, String>)> + '_ {
    markdown
        .lines()
        .enumerate()
        .filter_map(|(i, line)| ChartSpec::parse_line(line).map(|r| (i, r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_chart_lines_parse() {
        let spec = ChartSpec::parse_line(
            "{{ chart(kind=\"compare\", model=\"camera-an-ninh\", year=2023) }}",
        )
        .unwrap()
        .unwrap();
        assert_eq!(spec.kind, ChartKind::Compare);
        assert_eq!(spec.model.as_deref(), Some("camera-an-ninh"));
        assert_eq!(spec.year, Some(2023));
        assert_eq!(
            spec.to_string(),
            "chart(kind=\"compare\", model=\"camera-an-ninh\", year=2023)"
        );
        assert!(ChartSpec::parse_line("Some text {{ chart() }}").is_none());
    }

    #[test]
    fn bad_calls_say_what_is_wrong() {
        let err = |l: &str| ChartSpec::parse_line(l).unwrap().unwrap_err();
        assert!(err("{{ chart(kind=\"pie\") }}").contains("unknown chart kind `pie`"));
        assert!(err("{{ chart(kind=\"growth\") }}").contains("needs `model="));
        assert!(
            err("{{ chart(kind=\"tips\", colour=\"red\") }}")
                .contains("unknown chart argument `colour`")
        );
        assert!(err("{{ chart(kind=\"tips\", year=abc) }}").contains("neither a number"));
    }
}
