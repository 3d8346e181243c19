//! Issue 13 at national scale, with the real unit lists of the PyPI package
//! `vietnam-provinces` (read at test time, never copied here):
//! - the 3.321 current communes, wards and special zones, grouped by their 34 provinces;
//! - the 10.051 pre-2025 communes, wards and towns (version 0.6.0 of the package), grouped by
//!   their 696 districts: "Phường 1" ×33, "Xã Tân Thành" ×27, ten "Huyện Châu Thành".
//!
//! Ids that collide get hints (the group's id first); following every hint of one `check`
//! leaves no collision, and every name on the commune list is distinct.
//!
//! `cargo test --test national -- --ignored` (`.ci/run` installs the package; the old list is
//! downloaded into `target/` on first use).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{TestProject, run_in};
use serde_json::Value;

/// One unit of a list, as the test writes it into a project.
struct Unit {
    code: u64,
    /// "Tân Thành", without its kind.
    name: String,
    /// xã, phường, thị trấn or đặc khu.
    kind: String,
    group: String,
}

/// A group of units: a province (current list) or a district (pre-2025 list).
struct Group {
    id: String,
    name: String,
    kind: String,
}

/// Splits "Thị trấn Yên Thế" into ("thị trấn", "Yên Thế") by the first of `kinds` it starts
/// with (compared without case: the list spells both "Thành phố" and "Thành Phố").
fn split_kind(full: &str, kinds: &[&str]) -> (String, String) {
    kinds
        .iter()
        .find_map(|k| {
            let start = full.get(..k.len())?;
            let rest = full[k.len()..].strip_prefix(' ')?;
            (start.to_lowercase() == *k).then(|| (k.to_string(), rest.to_owned()))
        })
        .unwrap_or_else(|| panic!("unknown kind: {full}"))
}

/// The current list: `[{code, name, province_name, province_codename, …}]`.
fn current_units() -> (Vec<Group>, Vec<Unit>) {
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
    let list: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut groups = BTreeMap::new();
    let units = list
        .iter()
        .map(|unit| {
            let group = unit["province_codename"]
                .as_str()
                .unwrap()
                .replace('_', "-");
            // The list spells Hải Phòng "Tp Hải Phòng".
            let (kind, name) = split_kind(
                unit["province_name"].as_str().unwrap(),
                &["thành phố", "tỉnh", "tp"],
            );
            let kind = if kind == "tp" {
                "thành phố".into()
            } else {
                kind
            };
            groups.entry(group.clone()).or_insert(Group {
                id: group.clone(),
                name,
                kind,
            });
            let (kind, name) =
                split_kind(unit["name"].as_str().unwrap(), &["đặc khu", "phường", "xã"]);
            Unit {
                code: unit["code"].as_u64().unwrap(),
                name,
                kind,
                group,
            }
        })
        .collect();
    (groups.into_values().collect(), units)
}

/// The pre-2025 list (version 0.6.0 of the package, downloaded into `target/` once):
/// provinces → districts → wards.
fn old_units() -> (Vec<Group>, Vec<Unit>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/vietnam-provinces-0.6.0");
    let file = dir.join("vietnam_provinces/data/nested-divisions.json");
    if !file.exists() {
        download_old_list(&dir);
    }
    let provinces: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let mut groups: Vec<Group> = Vec::new();
    let mut units = Vec::new();
    for province in &provinces {
        let province_slug = province["codename"]
            .as_str()
            .unwrap()
            .trim_start_matches("thanh_pho_")
            .trim_start_matches("tinh_")
            .replace('_', "-");
        for district in province["districts"].as_array().unwrap() {
            // A district's short name is its id; a second "Châu Thành" adds its province.
            let mut id = district["short_codename"]
                .as_str()
                .unwrap()
                .replace('_', "-");
            if groups.iter().any(|g| g.id == id) {
                id = format!("{id}-{province_slug}");
            }
            let (kind, name) = split_kind(
                district["name"].as_str().unwrap(),
                &["quận", "huyện", "thị xã", "thành phố"],
            );
            groups.push(Group {
                id: id.clone(),
                name,
                kind,
            });
            for ward in district["wards"].as_array().unwrap() {
                let (kind, name) = split_kind(
                    ward["name"].as_str().unwrap(),
                    &["thị trấn", "phường", "xã"],
                );
                units.push(Unit {
                    code: ward["code"].as_u64().unwrap(),
                    name,
                    kind,
                    group: id.clone(),
                });
            }
        }
    }
    (groups, units)
}

fn download_old_list(dir: &PathBuf) {
    let status = Command::new("python3")
        .args(["-m", "pip", "download", "--quiet", "--no-deps"])
        .arg("--dest")
        .arg(dir)
        .arg("vietnam-provinces==0.6.0")
        .status()
        .expect("python3");
    assert!(status.success(), "pip download vietnam-provinces==0.6.0");
    let wheel = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .expect("the wheel");
    let status = Command::new("python3")
        .args(["-m", "zipfile", "-e"])
        .arg(&wheel)
        .arg(dir)
        .status()
        .expect("python3");
    assert!(status.success(), "unpack {}", wheel.display());
}

/// The good fixture with its communes replaced by `units` in `groups`.
fn project(groups: &[Group], units: &[Unit]) -> TestProject {
    let p = TestProject::good();
    for file in ["dong-tam", "duong-thanh", "phuong-10", "phuong-2"] {
        p.remove(&format!("content/communes/{file}.yaml"));
    }
    for g in groups {
        p.write(
            &format!("content/groups/{}.yaml", g.id),
            format!("name: \"{}\"\nkind: {}\n", g.name, g.kind),
        );
    }
    for u in units {
        p.write(
            &format!("content/communes/u{:05}.yaml", u.code),
            format!(
                "name: \"{}\"\nkind: {}\ncode: \"{:05}\"\ngroup: {}\n",
                u.name, u.kind, u.code, u.group
            ),
        );
    }
    p
}

/// Runs `check`, expects only id collisions, each with a proposed id, and writes every
/// proposed id into its file. Returns the (file, id) pairs.
fn follow_every_hint(p: &TestProject) -> Vec<(String, String)> {
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
    let proposed: BTreeSet<&String> = fixes.iter().map(|(_, id)| id).collect();
    assert_eq!(proposed.len(), fixes.len(), "an id was proposed twice");
    for (file, id) in &fixes {
        let text = p.read(file);
        p.write(file, format!("id: {id}\n{text}"));
    }
    fixes
}

/// The names the commune list shows, asserted distinct.
fn listed_names(p: &TestProject, expected: usize) -> Vec<String> {
    let list = p.read("output/communes/index.html");
    let names: Vec<String> = list
        .split("<th scope=\"row\"><a href=\"")
        .skip(1)
        .filter_map(|row| {
            row.split_once("\">")
                .and_then(|(_, r)| r.split_once("</a>"))
        })
        .map(|(name, _)| name.to_owned())
        .collect();
    assert_eq!(names.len(), expected, "{}", &list[..2000.min(list.len())]);
    let distinct: BTreeSet<&String> = names.iter().collect();
    assert_eq!(
        distinct.len(),
        names.len(),
        "two communes show the same name"
    );
    names
}

#[test]
#[ignore = "needs the PyPI package vietnam-provinces; run by .ci/run"]
fn the_current_unit_list_resolves_its_collisions_and_lists_distinct_names() {
    let (groups, units) = current_units();
    assert_eq!(units.len(), 3321);
    assert_eq!(groups.len(), 34);
    let p = project(&groups, &units);
    let fixes = follow_every_hint(&p);
    assert!(fixes.len() > 100, "{} collisions", fixes.len());
    run_in(p.path(), &["build"], &[]).expect_code(0);

    let names = listed_names(&p, 3321);
    // "Tân Thành" names 9 units (7 xã, 2 phường): each carries its province, or its code.
    let tan_thanh = names
        .iter()
        .filter(|n| n.starts_with("Tân Thành ("))
        .count();
    assert_eq!(tan_thanh, 9);
    assert!(!names.iter().any(|n| n == "Tân Thành"));
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
    let pages = std::fs::read_dir(p.output().join("groups"))
        .unwrap()
        .count();
    assert_eq!(pages, 34);
}

#[test]
#[ignore = "needs the PyPI package vietnam-provinces 0.6.0; run by .ci/run"]
fn the_pre_2025_unit_list_by_district_resolves_its_collisions_and_lists_distinct_names() {
    let (groups, units) = old_units();
    assert_eq!(units.len(), 10051);
    assert_eq!(groups.len(), 696);
    let p = project(&groups, &units);
    let fixes = follow_every_hint(&p);
    assert!(fixes.len() > 1000, "{} collisions", fixes.len());
    // Hints propose the district's id first: Xã Tân Thành of Huyện Hàm Yên.
    assert!(
        fixes.iter().any(|(_, id)| id == "tan-thanh-ham-yen"),
        "{:?}",
        fixes
            .iter()
            .filter(|(_, id)| id.starts_with("tan-thanh"))
            .collect::<Vec<_>>()
    );
    run_in(p.path(), &["build"], &[]).expect_code(0);

    let names = listed_names(&p, 10051);
    // Numbered wards keep their kind and carry their district.
    assert!(
        names.iter().any(|n| n == "Phường 1 (Quận 3)"),
        "{:?}",
        &names[..50]
    );
    assert!(!names.iter().any(|n| n == "1" || n == "Phường 1"));
    // Namesakes in two districts of the same name carry their code: Xã An Hiệp is in the
    // Huyện Châu Thành of Đồng Tháp and of Sóc Trăng.
    let an_hiep: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("An Hiệp ("))
        .collect();
    assert!(an_hiep.len() >= 2, "{an_hiep:?}");
    assert!(
        an_hiep.iter().all(|n| n
            .trim_end_matches(')')
            .ends_with(|c: char| c.is_ascii_digit())),
        "{an_hiep:?}"
    );
    // "Hoà" and "Hòa" are one name: Xã Đức Hoà and Xã Đức Hòa both carry a tag.
    assert!(
        !names.iter().any(|n| n == "Đức Hoà" || n == "Đức Hòa"),
        "{:?}",
        names
            .iter()
            .filter(|n| n.starts_with("Đức Ho"))
            .collect::<Vec<_>>()
    );
    let pages = std::fs::read_dir(p.output().join("groups"))
        .unwrap()
        .count();
    assert_eq!(pages, 696);
}
