//! Good projects: what the built site contains, that it is deterministic, and that
//! `build --check` tells a fresh output from a stale one.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::{TestProject, copy_dir, run_in, snapshot};

/// The navigation names the newest year and, when there are older ones, the page of all
/// years, which links each year's page and full report, newest first.
#[test]
fn the_navigation_names_the_newest_year_and_a_page_lists_them_all() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let nav = |page: &str| {
        let html = p.read(&format!("output/{page}"));
        let start = html.find("<nav").unwrap();
        html[start..start + html[start..].find("</nav>").unwrap()].to_owned()
    };
    let overview = nav("index.html");
    assert!(
        overview.contains(r#"<a href="years/2023.html">Năm 2023</a>"#),
        "{overview}"
    );
    assert!(!overview.contains("Năm 2022"), "{overview}");
    assert!(
        overview.contains(r#"<a href="years/index.html">Các năm</a>"#),
        "{overview}"
    );
    assert!(nav("years/2022.html").contains(r#"index.html" aria-current="true">Các năm"#));
    assert!(nav("years/2023.html").contains(r#"2023.html" aria-current="page">Năm 2023"#));
    let full = nav("years/2023-full.html");
    assert!(
        full.contains(r#"2023.html" aria-current="true">Năm 2023"#),
        "{full}"
    );
    assert!(!full.contains(r#"aria-current="true">Các năm"#), "{full}");
    let older_full = nav("years/2022-full.html");
    assert!(older_full.contains(r#"index.html" aria-current="true">Các năm"#));
    let years = p.read("output/years/index.html");
    let main = &years[years.find("<main").unwrap()..];
    assert!(main.contains(
        "<li><a href=\"../years/2023.html\">Năm 2023</a> · \
         <a href=\"../years/2023-full.html\">Báo cáo đầy đủ năm 2023</a></li>\n\
         <li><a href=\"../years/2022.html\">Năm 2022</a> · \
         <a href=\"../years/2022-full.html\">Báo cáo đầy đủ năm 2022</a></li>"
    ));

    // With one year there is no page of years to go to.
    p.remove("content/years/2022.yaml");
    p.run(&["build"]).expect_code(0);
    assert!(!p.output().join("years/index.html").exists());
    let overview = nav("index.html");
    assert!(
        overview.contains("Năm 2023") && !overview.contains("Các năm"),
        "{overview}"
    );
}

#[test]
fn builds_every_page_of_the_good_fixture() {
    let p = TestProject::good();
    let run = p.run(&["build"]);
    run.expect_code(0);
    assert!(run.stdout.starts_with("built 20 pages, "), "{}", run.stdout);
    for page in [
        "index.html",
        "years/index.html",
        "years/2022.html",
        "years/2023.html",
        "communes/index.html",
        "communes/dong-tam.html",
        "communes/phuong-2.html",
        "models/index.html",
        "models/camera-an-ninh.html",
        "models/diem-chua-chay.html",
        "campaign.html",
        "sources.html",
        "data.html",
        "search.html",
        "years/2023-full.html",
        "assets/search-index.js",
        "assets/favicon.svg",
        "assets/fonts/NotoSans-Regular-vi.woff2",
        "data/campaign.csv",
        "data/commune-models.json",
        "pages/gioi-thieu.html",
        "404.html",
        "sitemap.xml",
        "assets/style.css",
        "static/anh/cho.svg",
    ] {
        assert!(p.output().join(page).is_file(), "{page} missing");
    }
}

#[test]
fn figures_are_formatted_and_cited() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let index = p.read("output/index.html");
    assert!(
        index.contains("<span class=\"fig\">24.527</span>"),
        "{index}"
    );
    assert!(
        index.contains("<span class=\"fig\">125/127</span> <span class=\"share\">(98,4%)</span>")
    );
    assert!(index.contains("so với năm 2022: +53 (+5,9%)"));
    assert!(index.contains("href=\"sources.html#nguon-nguon-a\""));
    let year = p.read("output/years/2023.html");
    assert!(year.contains("10 tỷ đồng"));
    assert!(year.contains(
        "<span class=\"fig\">661</span> <span class=\"derived\">(suy ra: 953 − 44 − 248)</span>"
    ));
    assert!(year.contains("(53,1%)"), "share of valuable tips");
    // A figure with its own source cites it instead of the file's.
    let commune = p.read("output/communes/dong-tam.html");
    assert!(commune.contains("<td>4<sup class=\"cite\"><a href=\"../sources.html#nguon-nguon-b\""));
    assert!(commune.contains("tháng 06/2021"));
    let sources = p.read("output/sources.html");
    // Commune figures are counted per commune; city-wide ones are listed one by one.
    assert!(
        sources.contains("communes/dong-tam.html\">Phường Đồng Tâm</a></th><td class=\"num\">")
    );
    assert!(sources.contains("2023 · Cơ quan, doanh nghiệp, cơ sở giáo dục đạt"));
}

#[test]
fn missing_figures_say_no_data_never_zero() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let commune = p.read("output/communes/duong-thanh.html");
    assert!(commune.contains("Báo cáo không có số liệu nào được công bố cho Xã Dương Thành."));
    assert!(commune.contains("<em>không</em>"), "summary is Markdown");
    let year = p.read("output/years/2022.html");
    assert!(year.contains("Không có số liệu phong trào năm 2022."));
    assert!(!year.contains(">0</span>") && !year.contains(">0</td>"));
    let model = p.read("output/models/diem-chua-chay.html");
    assert!(model.contains("<span class=\"nodata\">không có số liệu</span>"));
}

#[test]
fn communes_are_in_vietnamese_order() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let index = p.read("output/communes/index.html");
    let positions: Vec<usize> = ["Dương Thành", "Đồng Tâm", "Phường 2", "Phường 10"]
        .iter()
        .map(|name| {
            index
                .find(&format!(">{name}</a>"))
                .unwrap_or_else(|| panic!("{name}"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
}

#[test]
fn markdown_pages_keep_footnotes_and_alignment() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/pages/gioi-thieu.html");
    assert!(page.contains("class=\"footnote-reference\""));
    assert!(page.contains("style=\"text-align:right\""));
}

/// Every `href` and `src` in the site is relative and points at a file of the site.
#[test]
fn internal_links_are_relative_and_resolve() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let out = p.output();
    let mut checked = 0;
    for (path, bytes) in snapshot(&out) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for attr in ["href=\"", "src=\""] {
            for piece in html.split(attr).skip(1) {
                let link = &piece[..piece.find('"').unwrap()];
                if link.starts_with("https://") || link.starts_with('#') {
                    continue;
                }
                assert!(
                    !link.starts_with('/') && !link.contains("://"),
                    "{path}: {link}"
                );
                let file = link.split('#').next().unwrap();
                assert!(!file.ends_with('/'), "{path}: bare folder link {link}");
                let target = out.join(Path::new(&path).parent().unwrap()).join(file);
                assert!(target.is_file(), "{path}: broken link {link}");
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

#[test]
fn sitemap_uses_base_url() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let sitemap = p.read("output/sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.gov.vn/bao-cao/communes/dong-tam.html</loc>"));
    // Every page a reader may land on, the full reports too; not the 404 or search page.
    for page in ["years/2023-full.html", "data.html", "pages/gioi-thieu.html"] {
        assert!(
            sitemap.contains(&format!("/bao-cao/{page}</loc>")),
            "{page}"
        );
    }
    assert!(!sitemap.contains("404.html") && !sitemap.contains("search.html"));
    let index = p.read("output/index.html");
    assert!(
        index.contains(
            "<link rel=\"canonical\" href=\"https://example.gov.vn/bao-cao/index.html\">"
        )
    );
}

#[test]
fn no_sitemap_without_base_url() {
    let p = TestProject::good();
    p.edit(
        "content/site.yaml",
        "base_url: https://example.gov.vn/bao-cao\n",
        "",
    );
    p.run(&["build"]).expect_code(0);
    assert!(!p.output().join("sitemap.xml").exists());
    assert!(!p.read("output/index.html").contains("canonical"));
}

#[test]
fn builds_are_byte_identical_across_runs_threads_and_folders() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let first = snapshot(&p.output());
    p.run_env(&["build"], &[("RAYON_NUM_THREADS", "1")])
        .expect_code(0);
    assert_eq!(first, snapshot(&p.output()));

    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("a different name");
    copy_dir(p.path(), &copy);
    fs::remove_dir_all(copy.join("output")).unwrap();
    run_in(&copy, &["build"], &[("RAYON_NUM_THREADS", "3")]).expect_code(0);
    assert_eq!(first, snapshot(&copy.join("output")));
}

#[test]
fn build_check_tells_fresh_from_stale() {
    let p = TestProject::good();
    p.run(&["build", "--check"]).expect_code(1);
    p.run(&["build"]).expect_code(0);
    let before = snapshot(&p.output());
    p.run(&["build", "--check"]).expect_code(0);
    p.edit("content/communes/dong-tam.yaml", "count: 25", "count: 26");
    fs::write(p.output().join("stray.html"), "x").unwrap();
    let run = p.run(&["build", "--check"]);
    run.expect_code(1).expect_stderr(&["is stale"]);
    assert!(
        run.stdout.contains("changed: communes/dong-tam.html"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("removed: stray.html"), "{}", run.stdout);
    assert!(
        !run.stdout.contains("communes/phuong-2.html"),
        "{}",
        run.stdout
    );
    let mut after = snapshot(&p.output());
    after.retain(|(path, _)| path != "stray.html");
    assert_eq!(before, after, "--check wrote files");
}

#[test]
fn check_prints_a_summary() {
    let p = TestProject::good();
    let run = p.run(&["check"]);
    run.expect_code(0);
    assert_eq!(
        run.stdout.trim(),
        "ok: 4 communes, 2 model types, 2 years, 1 page; 0 warnings"
    );
    assert!(!p.output().exists(), "check must not write");
}

#[test]
fn bom_crlf_and_nfd_text_are_accepted() {
    let p = TestProject::good();
    let nfd = "name: Phu\u{31b}o\u{31b}\u{300}ng 2\r\nkind: phu\u{31b}o\u{31b}\u{300}ng\r\n";
    p.write("content/communes/phuong-2.yaml", format!("\u{feff}{nfd}"));
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/communes/phuong-2.html");
    assert!(page.contains("<h1>Phường 2</h1>"), "NFC expected");
}

#[test]
fn hidden_and_editor_files_are_ignored_and_strays_warned_about() {
    let p = TestProject::good();
    p.write("content/communes/.dong-tam.yaml.swp", "garbage: [");
    p.write("content/communes/dong-tam.yaml~", "garbage: [");
    p.write("content/ghi-chu.txt", "notes");
    let run = p.run(&["build"]);
    run.expect_code(0).expect_stderr(&[
        "content/ghi-chu.txt: warning: this file is not part of the report and is ignored",
    ]);
    assert!(
        !run.stderr.contains("swp") && !run.stderr.contains("yaml~"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn symlinks_are_not_followed() {
    let p = TestProject::good();
    std::os::unix::fs::symlink("/etc/passwd", p.path().join("content/communes/passwd.yaml"))
        .unwrap();
    let run = p.run(&["build"]);
    run.expect_code(0)
        .expect_stderr(&["content/communes/passwd.yaml: warning: symbolic links are not followed"]);
}

#[test]
fn communes_reporting_more_than_the_city_total_is_a_warning() {
    let p = TestProject::good();
    p.edit("content/years/2022.yaml", "total: 900", "total: 20");
    let run = p.run(&["build"]);
    run.expect_code(0).expect_stderr(&[
        "content/years/2022.yaml:4:12: warning: the communes report 23 for `camera-an-ninh` in 2022, more than the area total 20",
    ]);
}

#[test]
fn a_project_template_overrides_the_built_in_one() {
    let p = TestProject::good();
    p.write(
        "templates/commune.html",
        "{% extends \"base.html\" %}{% block main %}<h1 class=\"mine\">{{ commune.full_name }}</h1>{% endblock main %}",
    );
    p.run(&["build"]).expect_code(0);
    assert!(
        p.read("output/communes/dong-tam.html")
            .contains("<h1 class=\"mine\">Phường Đồng Tâm</h1>")
    );
    assert!(
        p.read("output/years/2023.html").contains("24.527"),
        "other templates stay built-in"
    );
}

#[test]
fn text_from_content_is_escaped() {
    let p = TestProject::good();
    p.edit(
        "content/communes/duong-thanh.yaml",
        "name: Dương Thành",
        "name: \"Dương <script>alert(1)</script>\"\nid: duong-thanh",
    );
    p.edit(
        "content/communes/duong-thanh.yaml",
        "summary: Xã *không* có số liệu.",
        "summary: \"<img src=x onerror=alert(1)> [x](javascript:alert(2))\"",
    );
    p.run(&["build"]).expect_code(0);
    // Pages and feeds are escaped; the data files hold the text as it was written.
    for (path, bytes) in snapshot(&p.output()) {
        if !(path.ends_with(".html") || path.ends_with(".xml")) {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<script>alert"), "{path}");
        assert!(!text.contains("onerror"), "{path}");
        assert!(!text.contains("javascript:"), "{path}");
    }
}

/// The repository's own example: every figure of the fact sheet is on the site.
#[test]
fn the_example_report_shows_every_figure_of_the_fact_sheet() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    run_in(root, &["build", "--output", target.to_str().unwrap()], &[]).expect_code(0);
    let read = |p: &str| fs::read_to_string(target.join(p)).unwrap();
    let year = read("years/2023.html");
    for figure in [
        "953 mắt camera",
        ">44</span>",
        ">27</span>",
        "10 tỷ đồng",
        ">248</span>",
        ">19</span>",
        ">99</span>",
        ">8</span>",
        ">226</span>",
        ">24.527</span>",
        ">177</span>",
        ">94</span>",
        ">15/15</span>",
        ">125/127</span>",
        ">46/47</span>",
        "(suy ra: 953 − 44 − 248)",
    ] {
        assert!(year.contains(figure), "years/2023.html lacks {figure}");
    }
    let tuy_loc = read("communes/tuy-loc.html");
    for figure in [
        "23 mắt camera",
        "7 điểm",
        "2 tổ",
        "Trung tá Lâm Thị Vân Khanh",
    ] {
        assert!(tuy_loc.contains(figure), "tuy-loc lacks {figure}");
    }
    let gioi_phien = read("communes/gioi-phien.html");
    for figure in [
        "tháng 06/2021",
        ">41</span>",
        ">2</span>",
        "tự phòng, tự quản, tự bảo vệ, tự hòa giải",
        "Phùng Văn Phong",
    ] {
        assert!(gioi_phien.contains(figure), "gioi-phien lacks {figure}");
    }
    // Every figure cites the article.
    let sources = read("sources.html");
    assert!(
        sources.contains("Công an thành phố Yên Bái phát huy các mô hình đảm bảo an ninh trật tự")
    );
    assert!(
        sources.contains("communes/tuy-loc.html\">Xã Tuy Lộc</a></th><td class=\"num\">3</td>")
    );
    // Tuy Lộc's one year of cameras is a sentence with its share of the city's, not a bar.
    let tuy_loc = read("communes/tuy-loc.html");
    assert!(tuy_loc.contains(
        "<p class=\"chart-single\">Camera an ninh tại Xã Tuy Lộc: năm 2023: 23 mắt camera. Đó là 23 trong 953 mắt camera của toàn thành phố (2,4%).</p>"
    ));
    assert!(!tuy_loc.contains("<svg "));
    // The thirteen communes the article is silent about say so.
    let communes: BTreeSet<String> = fs::read_dir(target.join("communes"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(communes.len(), 16, "15 communes and the index");
    assert!(
        read("communes/au-lau.html")
            .contains("Báo cáo không có số liệu nào được công bố cho Xã Âu Lâu.")
    );
}

/// Changing one figure of one commune rewrites exactly the pages that show it.
#[cfg(unix)]
#[test]
fn one_changed_figure_changes_only_the_files_that_show_it() {
    use std::os::unix::fs::MetadataExt;
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let inode = |path: &str| fs::metadata(p.output().join(path)).unwrap().ino();
    let before = snapshot(&p.output());
    let inodes: Vec<u64> = before.iter().map(|(path, _)| inode(path)).collect();

    p.edit("content/communes/dong-tam.yaml", "count: 25", "count: 26");
    let run = p.run(&["build"]);
    run.expect_code(0);
    assert!(
        run.stdout.contains("(0 added, 7 changed, 0 removed)"),
        "{}",
        run.stdout
    );
    let after = snapshot(&p.output());
    let changed: BTreeSet<&str> = before
        .iter()
        .zip(&after)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((path, _), _)| path.as_str())
        .collect();
    assert_eq!(
        changed,
        BTreeSet::from([
            ".baocao-output",
            "assets/search-index.js",
            "communes/dong-tam.html",
            "data/commune-models.csv",
            "data/commune-models.json",
            "data/commune-models.xlsx",
            "models/camera-an-ninh.html",
            "years/2023-full.html"
        ])
    );
    // Unchanged files were not rewritten: same inode, same modification time.
    for ((path, _), old_inode) in before.iter().zip(&inodes) {
        if !changed.contains(path.as_str()) {
            assert_eq!(inode(path), *old_inode, "{path} was rewritten");
        }
    }

    // A rebuild with nothing changed renders nothing and writes nothing.
    let inodes: Vec<u64> = after.iter().map(|(path, _)| inode(path)).collect();
    let run = p.run(&["build"]);
    assert!(
        run.stdout
            .starts_with("up to date: nothing changed since the last build"),
        "{}",
        run.stdout
    );
    assert_eq!(
        inodes,
        after
            .iter()
            .map(|(path, _)| inode(path))
            .collect::<Vec<_>>()
    );
}

/// The same content listed by the file system in another order builds the same bytes.
#[test]
fn file_order_does_not_matter() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let expected = snapshot(&p.output());
    // Recreate the content folder writing files in reverse order.
    let reversed = tempfile::tempdir().unwrap();
    let files: Vec<(String, Vec<u8>)> = snapshot(&p.path().join("content"));
    for (path, bytes) in files.iter().rev() {
        let target = reversed.path().join("content").join(path);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(target, bytes).unwrap();
    }
    run_in(reversed.path(), &["build"], &[("RAYON_NUM_THREADS", "1")]).expect_code(0);
    assert_eq!(expected, snapshot(&reversed.path().join("output")));
}

#[test]
fn data_downloads_open_with_vietnamese_text_and_round_trip() {
    let p = TestProject::good();
    p.edit(
        "content/communes/dong-tam.yaml",
        "        count: 23\n",
        "        count: 23\n      - model: diem-chua-chay\n",
    );
    p.run(&["build"]).expect_code(0);
    let csv = fs::read(p.output().join("data/commune-models.csv")).unwrap();
    assert!(
        csv.starts_with(b"\xEF\xBB\xBF"),
        "CSV starts with a UTF-8 byte-order mark"
    );
    let csv = String::from_utf8(csv[3..].to_vec()).unwrap();
    let mut lines = csv.split("\r\n");
    // A row per commune and year, a column per model type; the source of each figure when
    // a row's figures cite different ones.
    assert_eq!(
        lines.next(),
        Some("commune_id,commune,year,camera-an-ninh,diem-chua-chay,running_without_count,source")
    );
    // A model run without a figure is named as such, not left out.
    assert_eq!(
        lines.next(),
        Some("dong-tam,Đồng Tâm,2022,23,,diem-chua-chay,nguon-a")
    );
    assert_eq!(
        lines.next(),
        Some("dong-tam,Đồng Tâm,2023,25,4,,camera-an-ninh=nguon-a diem-chua-chay=nguon-b")
    );

    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(p.output().join("data/commune-models.json")).unwrap())
            .unwrap();
    // The rows, with what the table is and whose: the report, its publisher, its licence.
    assert_eq!(json["report"], "Báo cáo thử nghiệm");
    assert_eq!(json["publisher"], "Công an thành phố Thử Nghiệm");
    assert_eq!(json["columns"][0]["name"], "commune_id");
    let rows = json["rows"].as_array().unwrap();
    assert_eq!(
        rows.len(),
        csv.trim_end().split("\r\n").count() - 1,
        "JSON and CSV hold the same rows"
    );
    // Each row an array in the columns' order.
    let column = |name: &str| {
        json["columns"]
            .as_array()
            .unwrap()
            .iter()
            .position(|c| c["name"] == name)
            .unwrap()
    };
    assert_eq!(rows[0][column("commune")], "Đồng Tâm");
    assert_eq!(rows[0][column("camera-an-ninh")], 23);
    // One compact row a line, so that a diff of the data shows whole records.
    let text = p.read("output/data/commune-models.json");
    for row in rows {
        let line = format!("\n{}", serde_json::to_string(row).unwrap());
        assert!(text.contains(&line), "{line}");
    }

    let campaign = p.read("output/data/campaign.json");
    assert!(campaign.contains(",24527,"), "plain numbers, not 24.527");
    let groups = p.read("output/data/groups.csv");
    assert!(groups.contains(",2021-06,41,"), "ISO month");
    let page = p.read("output/data.html");
    assert!(page.contains("href=\"data/city-models.csv\""));
    // The index lists every table and its files.
    let index: serde_json::Value =
        serde_json::from_slice(&fs::read(p.output().join("data/index.json")).unwrap()).unwrap();
    let tables = index["tables"].as_array().unwrap();
    let models = tables
        .iter()
        .find(|t| t["table"] == "commune-models")
        .unwrap();
    assert_eq!(models["rows"], rows.len());
    assert_eq!(
        models["files"],
        serde_json::json!([{"name": "commune-models", "year": null, "rows": rows.len(), "formats": ["csv", "json", "xlsx"]}])
    );
    assert!(page.contains("href=\"data/index.json\""));
}

#[test]
fn search_index_is_a_script_with_folded_names() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let index = p.read("output/assets/search-index.js");
    assert!(
        index.starts_with("window.BAOCAO_SEARCH = ["),
        "a script, loadable from file://"
    );
    // A commune is found by its name, code, teams and its newest counts with their labels.
    assert!(index.contains(r#"{"t":"Phường Đồng Tâm","u":"communes/dong-tam.html","d":"Xã, phường","k":"phuong dong tam phuongdongtam 04261 to bao ve cho camera an ninh mat camera 25 diem chua chay cong cong diem 4","n":29}"#), "{index}");
    // An area figure is an entry of its own, found by its number and its label.
    assert!(index.contains(r#"{"t":"24.527 lượt người tham gia","u":"campaign.html","d":"Số liệu · Năm 2023 · Thành phố Thử Nghiệm","k":"24.527 luot nguoi tham gia 24.527luotnguoithamgia 24527 nam 2023 · thanh pho thu nghiem","n":49}"#), "{index}");
    let page = p.read("output/search.html");
    assert!(page.contains("<script src=\"assets/search-index.js\"></script>"));
    // Without JavaScript the page still lists every page.
    assert!(page.contains("<a href=\"communes/duong-thanh.html\">Xã Dương Thành</a>"));
}

#[test]
fn each_year_has_a_printable_full_report() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let full = p.read("output/years/2023-full.html");
    assert!(full.contains("<h3 id=\"xa-dong-tam\">Phường Đồng Tâm</h3>"));
    assert!(
        full.contains("Không có số liệu được báo cáo cho: Xã Dương Thành, Phường 2, Phường 10.")
    );
    assert!(full.contains("24.527"));
    assert!(
        p.read("output/assets/style.css")
            .contains("@page { size: A4;")
    );
    // The cover has the key figures and the contents; every printed page has the title,
    // the page's address and its number in its margins.
    assert!(full.contains("<h2 id=\"so-lieu-chinh\">Số liệu chính năm 2023</h2>"));
    assert!(
        full.contains("<li><a href=\"#phan-2\">Các xã, phường</a></li>"),
        "{full}"
    );
    for margin in [
        "@top-left { content: \"Báo cáo thử nghiệm\"; }",
        "@bottom-left { content: \"https://example.gov.vn/bao-cao/years/2023-full.html\"; }",
        "@bottom-right { content: \"Trang\" \" \" counter(page) \" / \" counter(pages); }",
    ] {
        assert!(full.contains(margin), "{margin}: {full}");
    }
    // A title with quotes cannot end the margin's text or the style element.
    p.edit(
        "content/site.yaml",
        "title: Báo cáo thử nghiệm",
        "title: 'Báo cáo \"thử\" </style><script>alert(1)</script>'",
    );
    p.run(&["build"]).expect_code(0);
    let full = p.read("output/years/2023-full.html");
    assert!(
        full.contains(
            "@top-left { content: \"Báo cáo \\22 thử\\22  \\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e \"; }"
        ),
        "{full}"
    );
}

#[test]
fn quiet_builds_print_nothing_but_problems() {
    let p = TestProject::good();
    let run = p.run(&["--quiet", "build"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr, "",
        "no progress when standard error is not a terminal"
    );
    assert!(p.output().join("index.html").exists());
}

#[test]
fn the_404_page_links_absolutely_when_the_address_is_known() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/404.html");
    assert!(
        page.contains("href=\"https://example.gov.vn/bao-cao/assets/style.css\""),
        "{page}"
    );
}

/// The shortcut for unchanged input does not trust an output that was changed by hand.
#[test]
fn a_hand_damaged_output_is_rebuilt_even_when_the_input_did_not_change() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    fs::remove_file(p.output().join("communes/phuong-2.html")).unwrap();
    let run = p.run(&["build"]);
    assert!(
        run.stdout.contains("(1 added, 0 changed, 0 removed)"),
        "{}",
        run.stdout
    );
    fs::write(p.output().join("stray.txt"), "x").unwrap();
    let run = p.run(&["build"]);
    assert!(
        run.stdout.contains("(0 added, 0 changed, 1 removed)"),
        "{}",
        run.stdout
    );
    // Editing only a comment changes the fingerprint but not the site: the marker follows.
    p.edit(
        "content/communes/phuong-2.yaml",
        "name: Phường 2",
        "# ghi chú\nname: Phường 2",
    );
    let run = p.run(&["build"]);
    assert!(
        run.stdout.contains("(0 added, 0 changed, 0 removed)"),
        "{}",
        run.stdout
    );
    let run = p.run(&["build"]);
    assert!(
        run.stdout.starts_with("up to date: nothing changed"),
        "{}",
        run.stdout
    );
}

/// A build with warnings is never skipped as up to date: the warnings are shown every time.
#[test]
fn warnings_are_shown_again_on_an_unchanged_rebuild() {
    let p = TestProject::good();
    p.write("content/ghi-chu.txt", "notes");
    for _ in 0..2 {
        let run = p.run(&["build"]);
        run.expect_code(0)
            .expect_stderr(&["content/ghi-chu.txt", "not part of the report"]);
        assert!(run.stdout.starts_with("built "), "{}", run.stdout);
    }
    p.remove("content/ghi-chu.txt");
    p.run(&["build"]).expect_code(0);
    let run = p.run(&["build"]);
    assert!(run.stdout.starts_with("up to date"), "{}", run.stdout);
}

/// A hand edit of a published figure in `output/` that keeps the file's size is noticed and
/// repaired by the next build; once the output is checked again, builds are skipped again.
#[test]
fn a_same_size_hand_edit_of_the_output_is_repaired() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let page = "output/communes/dong-tam.html";
    let good = p.read(page);
    assert!(good.contains("<td>25<sup"));
    // File times move in clock ticks of a few milliseconds: the edit comes a tick later.
    std::thread::sleep(std::time::Duration::from_millis(50));
    p.write(page, good.replacen("<td>25<sup", "<td>95<sup", 1));
    let run = p.run(&["build"]);
    run.expect_code(0);
    assert!(run.stdout.contains("1 changed"), "{}", run.stdout);
    assert_eq!(p.read(page), good);
    let run = p.run(&["build"]);
    assert!(run.stdout.starts_with("up to date"), "{}", run.stdout);
    // Files that only got newer times (a checkout) are compared once, then skipped.
    let file = std::fs::File::options()
        .write(true)
        .open(p.path().join(page))
        .unwrap();
    file.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    drop(file);
    let run = p.run(&["build"]);
    assert!(
        run.stdout.contains("(0 added, 0 changed, 0 removed)"),
        "{}",
        run.stdout
    );
}

/// Excel and LibreOffice keep a code's leading zero from the `.xlsx` download: it is text.
#[test]
fn xlsx_downloads_keep_codes_as_text_and_numbers_as_numbers() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let mut book: Xlsx<_> = open_workbook(p.output().join("data/communes.xlsx")).unwrap();
    let sheet = book.worksheet_range("communes").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let code = header.iter().position(|h| h == "official_code").unwrap();
    let dong_tam = sheet
        .rows()
        .find(|row| row[0] == Data::String("dong-tam".into()))
        .unwrap();
    assert_eq!(dong_tam[code], Data::String("04261".into()));

    let mut book: Xlsx<_> = open_workbook(p.output().join("data/campaign.xlsx")).unwrap();
    let sheet = book.worksheet_range("campaign").unwrap();
    assert!(
        sheet.rows().any(|row| row.contains(&Data::Float(24527.0))),
        "participations as a number"
    );
    let page = p.read("output/data.html");
    assert!(page.contains("<a href=\"data/communes.xlsx\">communes.xlsx</a>"));
}

/// ANTT, PCCC and TDBVANTQ are explained where a page's text first uses them, never inside a
/// tag, the page title or a chart.
#[test]
fn acronyms_are_explained_in_the_text() {
    let p = TestProject::good();
    p.edit(
        "content/models/camera-an-ninh.yaml",
        "name: Camera an ninh",
        "id: camera-an-ninh\nname: Camera ANTT",
    );
    p.run(&["build"]).expect_code(0);
    let model = p.read("output/models/camera-an-ninh.html");
    // The first use is explained (the breadcrumb); later ones are plain text.
    assert!(
        model.contains("› Camera <abbr title=\"an ninh trật tự\">ANTT</abbr></p>"),
        "{model}"
    );
    assert!(model.contains("<h1>Camera ANTT</h1>"), "{model}");
    assert_eq!(model.matches("<abbr title=\"an ninh trật tự\">").count(), 1);
    assert!(
        model.contains("<title>Camera ANTT · Báo cáo thử nghiệm</title>"),
        "{model}"
    );
    assert!(
        model
            .contains("Phong trào <abbr title=\"Toàn dân bảo vệ an ninh Tổ quốc\">TDBVANTQ</abbr>"),
        "the menu: {model}"
    );
    let svg = &model[model.find("<svg ").unwrap()..model.find("</svg>").unwrap()];
    assert!(!svg.contains("<abbr"), "{svg}");
}
