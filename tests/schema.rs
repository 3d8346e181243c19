//! `baocao schema`: the JSON Schemas accept every file of the example report and of the good
//! fixture, and reject what the loader rejects.

mod common;

use std::fs;
use std::path::Path;

use common::{TestProject, fixture};
use serde_json::{Value, json};

const KINDS: [&str; 6] = ["site", "commune", "model", "indicator", "year", "page"];

/// Runs `baocao schema` on a copy of the good fixture and compiles what it wrote.
fn validators() -> Vec<(&'static str, jsonschema::Validator)> {
    let project = TestProject::good();
    let run = project.run(&["schema"]);
    run.expect_code(0);
    assert!(run.stdout.contains("7 schemas"), "{}", run.stdout);
    KINDS
        .iter()
        .map(|kind| {
            let text = project.read(&format!("schemas/{kind}.schema.json"));
            let schema: Value = serde_json::from_str(&text).unwrap();
            jsonschema::meta::validate(&schema).unwrap();
            (*kind, jsonschema::validator_for(&schema).unwrap())
        })
        .collect()
}

fn validator<'a>(
    validators: &'a [(&str, jsonschema::Validator)],
    kind: &str,
) -> &'a jsonschema::Validator {
    &validators.iter().find(|(k, _)| *k == kind).unwrap().1
}

/// Every content file below `root/content` with the kind of its schema, parsed into JSON.
fn documents(root: &Path) -> Vec<(String, &'static str, Value)> {
    let content = root.join("content");
    let mut documents = Vec::new();
    for entry in walkdir::WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(&content).unwrap();
        let relative = relative.to_string_lossy().replace('\\', "/");
        let kind = match relative.split('/').collect::<Vec<_>>().as_slice() {
            ["site.yaml"] => "site",
            ["communes", _] => "commune",
            ["models", _] => "model",
            ["indicators", _] => "indicator",
            ["years", _] => "year",
            ["pages", name] if name.ends_with(".md") => "page",
            _ => continue,
        };
        let text = fs::read_to_string(entry.path()).unwrap();
        let yaml = if kind == "page" {
            let rest = text.strip_prefix("---\n").unwrap();
            rest[..rest.find("\n---").unwrap()].to_owned()
        } else {
            text
        };
        let value: Value = serde_saphyr::from_str(&yaml).unwrap();
        documents.push((relative, kind, value));
    }
    documents
}

fn errors(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_example_and_the_good_fixture_match_the_schemas() {
    let validators = validators();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for project in [root.to_path_buf(), fixture("good")] {
        let documents = documents(&project);
        // Neither project has indicators of its own (tests/indicators.rs has).
        for kind in KINDS.iter().filter(|k| **k != "indicator") {
            assert!(
                documents.iter().any(|(_, k, _)| k == kind),
                "no {kind} file in {}",
                project.display()
            );
        }
        for (file, kind, value) in &documents {
            let errors = errors(validator(&validators, kind), value);
            assert!(errors.is_empty(), "{file}: {errors:#?}");
        }
    }
    let indicator = serde_json::json!({
        "name": "Số vụ phạm pháp hình sự", "unit": "vụ", "kind": "count", "total": "sum"
    });
    let found = errors(validator(&validators, "indicator"), &indicator);
    assert!(found.is_empty(), "{found:#?}");
    let wrong = serde_json::json!({ "name": "X", "kind": "number" });
    assert!(!errors(validator(&validators, "indicator"), &wrong).is_empty());
}

#[test]
fn what_the_loader_rejects_the_schemas_reject() {
    let validators = validators();
    let rejected = [
        (
            "site",
            json!({ "title": "T", "locality": "L", "agency": "A", "titel": "x" }),
        ),
        ("site", json!({ "title": "T", "locality": "L" })),
        (
            "site",
            json!({ "title": "T", "locality": "L", "agency": "A", "language": "fr" }),
        ),
        ("commune", json!({ "name": "Đồng Tâm", "kind": "xa" })),
        ("commune", json!({ "nmae": "Đồng Tâm", "kind": "xã" })),
        (
            "commune",
            json!({ "name": "Đồng Tâm", "kind": "xã",
                    "years": [{ "year": 2023, "models": [{ "model": "camera", "count": -3 }] }] }),
        ),
        (
            "commune",
            json!({ "name": "Đồng Tâm", "kind": "xã",
                    "years": [{ "year": 2023, "models": [{ "model": "camera", "count": 2.5 }] }] }),
        ),
        (
            "commune",
            json!({ "name": "Đồng Tâm", "kind": "xã",
                    "years": [{ "year": 2023, "models": [{ "model": "camera", "count": { "source": "a" } }] }] }),
        ),
        (
            "year",
            json!({ "attainment": { "communes": { "safe": -1, "total": 10 } } }),
        ),
        (
            "model",
            json!({ "name": "Camera", "unit": "mắt", "order": "first" }),
        ),
        ("page", json!({ "title": "Giới thiệu", "draft": true })),
    ];
    for (kind, value) in rejected {
        assert!(
            !validator(&validators, kind).is_valid(&value),
            "the {kind} schema accepts {value}"
        );
    }
    let accepted = [
        (
            "commune",
            json!({ "name": "Đồng Tâm", "kind": "thị trấn", "code": null }),
        ),
        (
            "commune",
            json!({ "name": "Đồng Tâm", "kind": "đặc khu",
                    "years": [{ "year": 2023, "models": [
                        { "model": "camera", "count": { "value": 4, "source": "a", "note": "n" } },
                        { "model": "diem" }
                    ] }] }),
        ),
    ];
    for (kind, value) in accepted {
        let errors = errors(validator(&validators, kind), &value);
        assert!(errors.is_empty(), "{value}: {errors:#?}");
    }
}

#[test]
fn output_is_deterministic_and_goes_where_asked() {
    let project = TestProject::good();
    let out = project.path().join("elsewhere");
    project
        .run(&["schema", "--output", out.to_str().unwrap()])
        .expect_code(0);
    project.run(&["schema"]).expect_code(0);
    for kind in KINDS {
        let name = format!("{kind}.schema.json");
        let text = fs::read_to_string(out.join(&name)).unwrap();
        assert_eq!(text, project.read(&format!("schemas/{name}")), "{name}");
        assert!(
            text.starts_with("{\n  \"$schema\""),
            "{name} is not pretty-printed"
        );
    }
}
