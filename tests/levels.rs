//! Issue 13: pages name the report's area by its level (a province, a district…), read from
//! `level:` in `site.yaml` or from the first words of `locality`, in Vietnamese and English.

mod common;

use std::fs;

use common::{TestProject, snapshot};

const SITE: &str = "content/site.yaml";

/// The text of every page and data file of the built site.
fn site_text(p: &TestProject) -> Vec<(String, String)> {
    snapshot(&p.output())
        .into_iter()
        .filter(|(path, _)| {
            [".html", ".csv", ".json", ".svg"]
                .iter()
                .any(|e| path.ends_with(e))
        })
        .map(|(path, bytes)| (path, String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

/// A copy of the good fixture whose area is `locality`, with the police named after it.
fn project(locality: &str, agency: &str) -> TestProject {
    let p = TestProject::good();
    p.edit(
        SITE,
        "locality: Thành phố Thử Nghiệm",
        &format!("locality: {locality}"),
    );
    p.edit(
        SITE,
        "agency: Công an thành phố Thử Nghiệm",
        &format!("agency: {agency}"),
    );
    p
}

#[test]
fn a_district_report_says_huyen_and_never_thanh_pho() {
    let p = project("Huyện Trấn Yên", "Công an huyện Trấn Yên");
    p.run(&["build"]).expect_code(0);
    let pages = site_text(&p);
    for (path, text) in &pages {
        assert!(
            !text.to_lowercase().contains("thành phố"),
            "{path} says \"thành phố\" in a district's report"
        );
    }
    let model = fs::read_to_string(p.output().join("models/camera-an-ninh.html")).unwrap();
    assert!(model.contains("Ngân sách huyện"), "{model}");
    assert!(model.contains("số liệu toàn huyện theo năm"), "{model}");
    let data = fs::read_to_string(p.output().join("data.html")).unwrap();
    assert!(data.contains("Mô hình toàn huyện"), "{data}");
}

#[test]
fn a_province_names_itself_by_level_and_english_follows() {
    // `level:` says it when the locality's name does not.
    let p = project("Sông Hồng", "Công an tỉnh Sông Hồng");
    let site = p.read(SITE);
    p.write(SITE, format!("{site}level: tỉnh\n"));
    p.run(&["build"]).expect_code(0);
    let model = fs::read_to_string(p.output().join("models/camera-an-ninh.html")).unwrap();
    assert!(model.contains("Ngân sách tỉnh"), "{model}");
    assert!(!model.contains("thành phố"), "{model}");

    let site = p.read(SITE);
    p.write(SITE, site.replace("language: vi", "language: en"));
    let site = p.read(SITE);
    if !site.contains("language: en") {
        p.write(SITE, format!("{site}language: en\n"));
    }
    p.run(&["build"]).expect_code(0);
    let model = fs::read_to_string(p.output().join("models/camera-an-ninh.html")).unwrap();
    assert!(model.contains("Province budget"), "{model}");
    assert!(
        model.contains("figures for the whole province by year"),
        "{model}"
    );
    // The data files keep their names (`city-models.csv`); no text says "city".
    let text = model.replace("city-models.", "");
    assert!(!text.to_lowercase().contains("city"), "{model}");
}

#[test]
fn without_a_level_the_area_is_named_neutrally() {
    let p = project("Yên Bái", "Công an Yên Bái");
    p.run(&["build"]).expect_code(0);
    let model = fs::read_to_string(p.output().join("models/camera-an-ninh.html")).unwrap();
    assert!(model.contains("Ngân sách địa phương"), "{model}");
    assert!(!model.contains("thành phố"), "{model}");
}

#[test]
fn an_unknown_level_is_an_error_with_the_levels_to_choose_from() {
    let p = TestProject::good();
    let site = p.read(SITE);
    p.write(SITE, format!("{site}level: huyen\n"));
    p.run(&["check"])
        .expect_code(1)
        .expect_stderr(&["content/site.yaml:", "level", "huyện"]);
}

#[test]
fn communes_are_named_by_the_kinds_the_report_has() {
    // A district of communes and a township: "xã, thị trấn", never "xã, phường".
    let p = project("Huyện Trấn Yên", "Công an huyện Trấn Yên");
    for (file, kind) in [
        ("dong-tam", "xã"),
        ("phuong-10", "xã"),
        ("phuong-2", "thị trấn"),
    ] {
        p.edit(
            &format!("content/communes/{file}.yaml"),
            "kind: phường",
            &format!("kind: {kind}"),
        );
    }
    p.run(&["build"]).expect_code(0);
    for (path, text) in site_text(&p) {
        assert!(
            !text.contains("xã, phường"),
            "{path} says \"xã, phường\" in a report of communes and a township"
        );
    }
    let list = fs::read_to_string(p.output().join("communes/index.html")).unwrap();
    assert!(list.contains("Các xã, thị trấn"), "{list}");

    // In English: "communes and townships".
    let site = p.read(SITE);
    p.write(
        SITE,
        format!("{}language: en\n", site.replace("language: vi\n", "")),
    );
    p.run(&["build"]).expect_code(0);
    let model = fs::read_to_string(p.output().join("models/camera-an-ninh.html")).unwrap();
    assert!(model.contains("By commune and township"), "{model}");
    assert!(!model.contains("ward"), "{model}");
}
