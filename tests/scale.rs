//! A generated project builds the same whatever the number of threads (issue 7): 200
//! communes in the everyday `cargo test`, 1.000 communes × 10 years in `.ci/run` (ignored
//! here, it takes most of a minute with a debug build).

mod common;

use common::{run_in, snapshot};

#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

#[test]
fn two_hundred_communes_build_byte_identical_with_one_thread_and_all() {
    builds_byte_identical(200, 3);
}

#[test]
#[ignore]
fn thousand_communes_build_byte_identical_with_one_thread_and_all() {
    builds_byte_identical(1000, 10);
}

/// Issue 13: a generated province project grouped in districts checks with 0 warnings, has a
/// page per district, and no page says "thành phố" (the area is "tỉnh").
#[test]
fn a_grouped_province_project_checks_clean_and_never_says_thanh_pho() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("synth");
    synth::generate(&synth::Args {
        communes: 120,
        years: 3,
        groups: 6,
        seed: 2023,
        dir: project.clone(),
    })
    .unwrap();
    let checked = run_in(&project, &["--lang", "en", "check"], &[]);
    checked.expect_code(0);
    assert!(
        checked.stdout.ends_with("; 0 warnings\n"),
        "{}{}",
        checked.stdout,
        checked.stderr
    );
    run_in(&project, &["build"], &[]).expect_code(0);
    let site = snapshot(&project.join("output"));
    let groups = site
        .iter()
        .filter(|(p, _)| p.starts_with("groups/"))
        .count();
    assert_eq!(groups, 6);
    for (path, bytes) in &site {
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        // "thành phố" as words: not "Lâu Thành phối hợp".
        let said = text
            .match_indices("thành phố")
            .any(|(i, m)| !text[i + m.len()..].starts_with(|c: char| c.is_alphabetic()));
        assert!(!said, "{path} says \"thành phố\" in a province's report");
    }
}

fn builds_byte_identical(count: usize, years: usize) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("synth");
    let (communes, _) = synth::generate(&synth::Args {
        communes: count,
        years,
        groups: count / 25,
        seed: 2023,
        dir: project.clone(),
    })
    .unwrap();
    assert_eq!(communes, count);

    let one = dir.path().join("one-thread");
    let all = dir.path().join("all-threads");
    let one_arg = one.to_str().unwrap();
    let all_arg = all.to_str().unwrap();
    run_in(
        &project,
        &["build", "--output", one_arg],
        &[("RAYON_NUM_THREADS", "1")],
    )
    .expect_code(0);
    // At least two threads even on a one-core machine, so that pages really are rendered
    // concurrently.
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().max(2));
    run_in(
        &project,
        &["build", "--output", all_arg],
        &[("RAYON_NUM_THREADS", &threads.to_string())],
    )
    .expect_code(0);

    let (one, all) = (snapshot(&one), snapshot(&all));
    assert!(one.len() > count, "{} files", one.len());
    assert_eq!(
        one.iter().map(|(path, _)| path).collect::<Vec<_>>(),
        all.iter().map(|(path, _)| path).collect::<Vec<_>>()
    );
    for ((path, a), (_, b)) in one.iter().zip(&all) {
        assert!(a == b, "{path} differs between 1 and {threads} threads");
    }
}

/// Issue 18: a year's full report of many communes is split into pages of at most 500
/// communes, each under 2 MB, linked from the first page's contents and to each other, with
/// every commune on exactly one page and the sources on the last.
#[test]
fn a_large_full_report_is_split_into_linked_pages() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("synth");
    let (count, _) = synth::generate(&synth::Args {
        communes: 1100,
        years: 1,
        groups: 0,
        seed: 2023,
        dir: project.clone(),
    })
    .unwrap();
    run_in(&project, &["build"], &[]).expect_code(0);
    let read = |name: &str| std::fs::read_to_string(project.join("output/years").join(name));
    let parts: Vec<String> = ["2023-full.html", "2023-full-2.html", "2023-full-3.html"]
        .iter()
        .map(|name| read(name).unwrap_or_else(|e| panic!("{name}: {e}")))
        .collect();
    assert!(read("2023-full-4.html").is_err());
    for (i, page) in parts.iter().enumerate() {
        assert!(
            page.len() < 2_000_000,
            "part {}: {} bytes",
            i + 1,
            page.len()
        );
        assert_eq!(page.contains("id=\"phan-1\""), i == 0, "part {}", i + 1);
        assert_eq!(page.contains("id=\"phan-3\""), i == 2, "part {}", i + 1);
        assert!(
            page.contains(&format!("Phần {}/3", i + 1)),
            "part {}",
            i + 1
        );
    }
    for file in [
        "2023-full-2.html#phan-2",
        "2023-full-3.html#phan-2",
        "2023-full-3.html#phan-3",
    ] {
        assert!(parts[0].contains(&format!("href=\"{file}\"")), "{file}");
    }
    assert!(parts[1].contains("<a href=\"2023-full.html\" rel=\"prev\">"));
    assert!(parts[1].contains("<a href=\"2023-full-3.html\" rel=\"next\">"));
    assert!(!parts[2].contains("rel=\"next\""));
    // Every commune's section is on exactly one page.
    let sections: usize = parts
        .iter()
        .map(|p| p.matches("<section class=\"report-commune\"").count())
        .sum();
    let with_figures = (1..=2)
        .map(|n| {
            parts[n - 1]
                .matches("<section class=\"report-commune\"")
                .count()
        })
        .collect::<Vec<_>>();
    assert_eq!(with_figures, [500, 500]);
    assert!(
        sections <= count && sections > 1000,
        "{sections} of {count}"
    );

    // A table of more than 1.000 communes continues on a second page, which shows only it.
    let site = project.join("output");
    for (first, second) in [
        ("models/camera-an-ninh.html", "models/camera-an-ninh-2.html"),
        ("campaign.html", "campaign-2.html"),
    ] {
        let read = |path: &str| std::fs::read_to_string(site.join(path)).unwrap();
        let (one, two) = (read(first), read(second));
        let rows = |page: &str| {
            page.matches("<tr><th scope=\"row\"><a href=\"../communes/")
                .count()
                + page
                    .matches("<tr><th scope=\"row\"><a href=\"communes/")
                    .count()
        };
        let file = |path: &str| path.rsplit('/').next().unwrap().to_owned();
        assert!(
            one.contains(&format!("<a href=\"{}#theo-xa\">Trang 2/2: ", file(second))),
            "{first}"
        );
        assert!(
            two.contains(&format!("<a href=\"{}#theo-xa\">Trang 1/2: ", file(first))),
            "{second}"
        );
        assert!(
            two.contains("<span aria-current=\"page\">Trang 2/2: "),
            "{second}"
        );
        assert!(
            !two.contains("class=\"chart\"") && !two.contains("chart-single"),
            "{second}"
        );
        assert!(
            rows(&two) > 0 && rows(&two) <= 1000,
            "{second}: {} rows",
            rows(&two)
        );
        assert!(
            !one.contains("class=\"sortable\""),
            "{first}: a split table is not offered sorted"
        );
    }
}

/// Issue 18: a national report's tables of communes' figures are a file per year, listed on
/// the data page and in `data/index.json`; charts link the list; Markdown may link a year's
/// file but not the whole table, which is not written.
#[test]
#[ignore]
fn a_national_reports_data_is_a_file_per_year() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("synth");
    synth::generate(&synth::Args {
        communes: 2100,
        years: 10,
        groups: 0,
        seed: 2023,
        dir: project.clone(),
    })
    .unwrap();
    let page = project.join("content/pages/gioi-thieu.md");
    let mut text = std::fs::read_to_string(&page).unwrap();
    text.push_str("\nSố liệu năm 2023: [CSV](../data/commune-models-2023.csv).\n");
    std::fs::write(&page, &text).unwrap();
    run_in(&project, &["build"], &[]).expect_code(0);
    let site = project.join("output");
    let data = site.join("data");
    for name in ["commune-models", "campaign"] {
        assert!(!data.join(format!("{name}.csv")).exists(), "{name}.csv");
        for year in 2014..=2023 {
            for ext in ["csv", "json"] {
                let file = data.join(format!("{name}-{year}.{ext}"));
                assert!(file.exists(), "{}", file.display());
            }
        }
    }
    // A year's file holds that year's rows only.
    let csv = std::fs::read_to_string(data.join("commune-models-2019.csv")).unwrap();
    assert!(csv.lines().skip(1).all(|l| l.contains(",2019,")), "{csv}");
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.join("index.json")).unwrap()).unwrap();
    let models = index["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == "commune-models")
        .unwrap();
    let files = models["files"].as_array().unwrap();
    assert_eq!(files.len(), 10);
    assert_eq!(files[9]["name"], "commune-models-2023");
    assert_eq!(files[9]["year"], 2023);
    let rows: u64 = files.iter().map(|f| f["rows"].as_u64().unwrap()).sum();
    assert_eq!(models["rows"], rows);
    let page = std::fs::read_to_string(site.join("data.html")).unwrap();
    assert!(page.contains("href=\"data/commune-models-2014.csv\""));
    let campaign = std::fs::read_to_string(site.join("campaign.html")).unwrap();
    assert!(
        campaign.contains("<a href=\"data.html#du-lieu-campaign\">các tệp theo năm</a>"),
        "a chart links the list of files"
    );
    // The whole table is not there to link.
    text.push_str("\nToàn bộ: [CSV](../data/commune-models.csv).\n");
    std::fs::write(project.join("content/pages/gioi-thieu.md"), &text).unwrap();
    run_in(&project, &["check"], &[])
        .expect_code(1)
        .expect_stderr(&["../data/commune-models.csv"]);
}
