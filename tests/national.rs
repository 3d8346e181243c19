//! Issue 13 at national scale: a project made from the real list of Vietnam's 3.321 current
//! communes, wards and special zones (the PyPI package `vietnam-provinces`, read at test time,
//! never copied here), grouped by province. Ids that collide get hints (the province's id
//! first); following every hint of one `check` leaves no collision, and every name on the
//! commune list is distinct.
//!
//! `cargo test --test national -- --ignored` (`.ci/run` installs the package).

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use common::{TestProject, run_in};
use serde_json::Value;

/// The package's list of current units: `[{code, name, province_name, …}]`.
fn units() -> Vec<Value> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import vietnam_provinces as v; print(v.FLAT_DIVISIONS_JSON_PATH)",
        ])
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "the unit list is missing: pip install vietnam-provinces\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
#[ignore = "needs the PyPI package vietnam-provinces; run by .ci/run"]
fn a_real_national_unit_list_resolves_its_collisions_and_lists_distinct_names() {
    let units = units();
    assert_eq!(units.len(), 3321);
    let p = TestProject::good();
    for file in ["dong-tam", "duong-thanh", "phuong-10", "phuong-2"] {
        p.remove(&format!("content/communes/{file}.yaml"));
    }
    let mut provinces = BTreeSet::new();
    for unit in &units {
        let province = unit["province_codename"]
            .as_str()
            .unwrap()
            .replace('_', "-");
        if provinces.insert(province.clone()) {
            let name = unit["province_name"].as_str().unwrap();
            let (kind, name) = match name.strip_prefix("Thành phố ") {
                Some(city) => ("thành phố", city),
                None => ("tỉnh", name.strip_prefix("Tỉnh ").unwrap_or(name)),
            };
            p.write(
                &format!("content/groups/{province}.yaml"),
                format!("name: \"{name}\"\nkind: {kind}\n"),
            );
        }
        let full = unit["name"].as_str().unwrap();
        let (kind, name) = ["Đặc khu ", "Phường ", "Xã "]
            .iter()
            .find_map(|k| full.strip_prefix(k).map(|n| (k.trim().to_lowercase(), n)))
            .unwrap_or_else(|| panic!("unknown kind: {full}"));
        let code = unit["code"].as_u64().unwrap();
        p.write(
            &format!("content/communes/u{code:05}.yaml"),
            format!("name: \"{name}\"\nkind: {kind}\ncode: \"{code:05}\"\ngroup: {province}\n"),
        );
    }

    // The first check: every error is an id collision, each with a proposed id.
    let run = run_in(p.path(), &["--message-format", "json", "check"], &[]);
    run.expect_code(1);
    let mut fixes = Vec::new();
    for line in run.stdout.lines() {
        let d: Value = serde_json::from_str(line).unwrap();
        if d["reason"] != "diagnostic" || d["severity"] != "error" {
            continue;
        }
        let hint = d["hint"].as_str().unwrap_or_default();
        let id = hint
            .split("`id: ")
            .nth(1)
            .and_then(|rest| rest.split_once('`'))
            .map(|(id, _)| id.to_owned())
            .unwrap_or_else(|| panic!("an error without a proposed id: {d}"));
        fixes.push((d["file"].as_str().unwrap().to_owned(), id));
    }
    assert!(fixes.len() > 100, "{} collisions", fixes.len());
    let proposed: BTreeSet<&String> = fixes.iter().map(|(_, id)| id).collect();
    assert_eq!(proposed.len(), fixes.len(), "an id was proposed twice");

    // Following every hint leaves no error.
    for (file, id) in &fixes {
        let text = p.read(file);
        p.write(file, format!("id: {id}\n{text}"));
    }
    run_in(p.path(), &["build"], &[]).expect_code(0);

    // Every name on the commune list is distinct (namesakes carry their code).
    let list = p.read("output/communes/index.html");
    let names: Vec<&str> = list
        .split("<th scope=\"row\"><a href=\"")
        .skip(1)
        .filter_map(|row| {
            row.split_once("\">")
                .and_then(|(_, r)| r.split_once("</a>"))
        })
        .map(|(name, _)| name)
        .collect();
    assert_eq!(names.len(), 3321, "{}", &list[..2000.min(list.len())]);
    let distinct: BTreeSet<&str> = names.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        names.len(),
        "two communes show the same name"
    );
    // "Tân Thành" names 9 units (7 xã, 2 phường): each carries its province, or its code.
    let tan_thanh = names
        .iter()
        .filter(|n| n.starts_with("Tân Thành ("))
        .count();
    assert_eq!(tan_thanh, 9);
    assert!(!names.contains(&"Tân Thành"));
    // Namesakes in different provinces carry the province.
    assert!(
        names.iter().any(|n| n.starts_with("Tân Thành (Tỉnh ")),
        "{names:?}"
    );
    // Hints offered the province's id first.
    assert!(
        fixes
            .iter()
            .any(|(_, id)| id.starts_with("tan-thanh-")
                && !id.ends_with(|c: char| c.is_ascii_digit())),
        "{fixes:?}"
    );
    assert_eq!(provinces.len(), 34);
    let groups = std::fs::read_dir(p.output().join("groups"))
        .unwrap()
        .count();
    assert_eq!(groups, 34);
}
