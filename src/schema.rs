//! JSON Schemas of the content files, generated from the types that load them
//! ([`crate::load`]) so that they cannot drift apart: editors with a YAML language server
//! use them to complete field names and underline mistakes as people type.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};

use crate::catalogue::{Catalogue, Indicator};
use crate::load::{
    CommuneGroupRecord, CommuneRecord, Count, Figure, FigureMap, IndicatorKind, IndicatorRecord,
    ModelRecord, PageFrontMatter, SiteRecord, YearRecord,
};

/// The schema of each kind of content file, by kind: `site`, `commune`, `model`, `group`,
/// `indicator`, `year` and `page` (the front matter of a page). The `figures:` of commune and
/// year files list the indicators of `catalogue` that may be reported there, and no others.
pub fn schemas(catalogue: &Catalogue) -> Vec<(&'static str, Schema)> {
    let mut commune = root::<CommuneRecord>("content/communes/*.yaml");
    let mut year = root::<YearRecord>("content/years/<year>.yaml");
    figures_of(&mut commune, catalogue.own().filter(|i| i.for_communes()));
    figures_of(&mut year, catalogue.own().filter(|i| i.for_area()));
    vec![
        ("site", root::<SiteRecord>("content/site.yaml")),
        ("commune", commune),
        ("model", root::<ModelRecord>("content/models/*.yaml")),
        (
            "group",
            root::<CommuneGroupRecord>("content/groups/<id>.yaml"),
        ),
        (
            "indicator",
            root::<IndicatorRecord>("content/indicators/<id>.yaml"),
        ),
        ("year", year),
        (
            "page",
            root::<PageFrontMatter>("front matter of content/pages/*.md"),
        ),
    ]
}

/// Replaces the generic `figures:` schema of `schema` with one naming each indicator, its
/// name and unit as the description, and the value its kind takes.
fn figures_of<'a>(schema: &mut Schema, indicators: impl Iterator<Item = &'a Indicator>) {
    let Some(Value::Object(defs)) = schema.get_mut("$defs") else {
        return;
    };
    let Some(Value::Object(generic)) = defs.get("Figures").cloned() else {
        return;
    };
    let Some(Value::Object(any)) = generic.get("additionalProperties").cloned() else {
        return;
    };
    let Some(Value::Array(shapes)) = any.get("anyOf") else {
        return;
    };
    let mut properties = Map::new();
    for i in indicators {
        let shape = match i.kind {
            IndicatorKind::Count | IndicatorKind::Money => 0,
            IndicatorKind::Ratio => 1,
            IndicatorKind::Text => 2,
        };
        let mut property = shapes.get(shape).cloned().unwrap_or(Value::Bool(true));
        if let Value::Object(p) = &mut property {
            let description = if i.unit.is_empty() {
                i.name.to_string()
            } else {
                format!("{} ({})", i.name, i.unit)
            };
            p.insert("description".into(), description.into());
        }
        properties.insert(i.id.to_string(), property);
    }
    let mut figures = generic;
    figures.insert(
        "description".into(),
        "The project's own indicators (content/indicators/<id>.yaml) by id.".into(),
    );
    figures.insert("properties".into(), Value::Object(properties));
    figures.insert("additionalProperties".into(), false.into());
    defs.insert("Figures".into(), Value::Object(figures));
}

/// Writes `<kind>.schema.json` for every kind into `dir` (created if missing), pretty-printed;
/// returns the files written.
pub fn write(dir: &Path, catalogue: &Catalogue) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    schemas(catalogue)
        .into_iter()
        .map(|(kind, schema)| {
            let path = dir.join(format!("{kind}.schema.json"));
            let mut text = serde_json::to_string_pretty(&schema)?;
            text.push('\n');
            std::fs::write(&path, text)?;
            Ok(path)
        })
        .collect()
}

/// The schema of a whole file, titled with where such files lie.
fn root<T: JsonSchema>(title: &str) -> Schema {
    let mut schema = SchemaGenerator::default().into_root_schema_for::<T>();
    schema.insert("title".into(), title.into());
    schema
}

impl JsonSchema for Count {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Count".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A whole number of things, 0 or more.",
            "type": "integer",
            "minimum": 0
        })
    }
}

impl JsonSchema for Figure {
    fn schema_name() -> Cow<'static, str> {
        "Figure".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let count = generator.subschema_for::<Count>();
        json_schema!({
            "description": "A count: a plain whole number (`23`), or one with its own citation \
                            (`{ value: 23, source: bao-yen-bai-2023, note: \"...\" }`).",
            "anyOf": [
                count,
                {
                    "type": "object",
                    "properties": {
                        "value": count,
                        "source": { "description": "Id of a source of content/site.yaml.", "type": "string" },
                        "note": { "type": "string" }
                    },
                    "required": ["value"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl JsonSchema for FigureMap {
    fn schema_name() -> Cow<'static, str> {
        "Figures".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let figure = generator.subschema_for::<Figure>();
        json_schema!({
            "description": "The project's own indicators (content/indicators/<id>.yaml) by id: \
                            a number, `{ safe: …, total: … }` or text, as the indicator's kind says.",
            "type": "object",
            "additionalProperties": {
                "anyOf": [
                    figure,
                    {
                        "type": "object",
                        "properties": {
                            "safe": { "type": "integer", "minimum": 0 },
                            "total": { "type": "integer", "minimum": 0 },
                            "source": { "description": "Id of a source of content/site.yaml.", "type": "string" }
                        },
                        "required": ["safe", "total"],
                        "additionalProperties": false
                    },
                    { "type": "string" }
                ]
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanned_fields_appear_as_their_values() {
        let schemas = schemas(&Catalogue::builtin());
        let commune = serde_json::to_value(&schemas[1].1).unwrap();
        assert_eq!(commune["title"], "content/communes/*.yaml");
        assert_eq!(commune["additionalProperties"], false);
        assert_eq!(commune["required"], serde_json::json!(["name", "kind"]));
        let kinds = &commune["$defs"]["UnitKind"]["enum"];
        assert_eq!(
            *kinds,
            serde_json::json!(["xã", "phường", "thị trấn", "đặc khu"])
        );
        assert_eq!(commune["properties"]["name"]["type"], "string");
    }
}
