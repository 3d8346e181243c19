//! Figures of many years are tables: a commune reporting several years shows them in one
//! table of years with a trend line per figure, instead of a section and a chart per year,
//! and an older year's full report lists its communes in one table instead of a section each.

mod common;

use common::TestProject;

/// The part of `page` from `opening` to the end of its section.
fn section<'a>(page: &'a str, opening: &str) -> &'a str {
    let start = page
        .find(opening)
        .unwrap_or_else(|| panic!("no {opening}:\n{page}"));
    let end = start + page[start..].find("</section>").expect("the section ends");
    &page[start..end]
}

/// The history section of a commune page.
fn history(page: &str) -> &str {
    section(page, "<section aria-labelledby=\"qua-cac-nam\">")
}

#[test]
fn several_years_are_one_table_with_trends() {
    let p = TestProject::good();
    p.write(
        "content/communes/phuong-2.yaml",
        "name: Phường 2\nkind: phường\nsource: nguon-a\nyears:\n\
         - year: 2023\n  models:\n  - model: camera-an-ninh\n    count: 30\n  campaign:\n    sessions: 4\n    participations: 1200\n    tips: 3\n    valuable_tips: 1\n\
         - year: 2022\n  models:\n  - model: camera-an-ninh\n    note: lắp lại sau bão\n  note: sáp nhập tổ dân phố\n\
         - year: 2021\n  models:\n  - model: camera-an-ninh\n    count: 12\n  campaign:\n    sessions: 2\n    participations: 800\n    tips: 1\n    valuable_tips: 0\n",
    );
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/communes/phuong-2.html");

    // The years are columns of the table, not sections.
    assert!(!page.contains("id=\"nam-2023\""), "{page}");
    assert!(!page.contains("id=\"nam-2022\""), "{page}");
    assert!(!page.contains("id=\"nam-2021\""), "{page}");
    let table = history(&page);
    assert!(
        table.contains(
            "<th scope=\"col\">2021</th><th scope=\"col\">2022</th><th scope=\"col\">2023</th>"
        ),
        "{table}"
    );
    // A model listed without a count says so in its year; the line breaks there, so the two
    // counts are dots, not a line through a year without a figure.
    assert!(
        table.contains("Camera an ninh</a> (mắt camera)</th><td>12</td><td>đang triển khai; <span class=\"nodata\">không có số liệu</span></td><td>30</td><td><svg"),
        "{table}"
    );
    assert!(
        table.contains("Lượt người tham gia</th><td>800</td><td></td><td>1.200</td>"),
        "{table}"
    );
    assert!(table.contains("aria-hidden=\"true\""), "{table}");
    // The years' notes are kept under the table.
    assert!(
        table.contains("<li>2022 · Camera an ninh: lắp lại sau bão</li>"),
        "{table}"
    );
    assert!(
        table.contains("<li>2022: sáp nhập tổ dân phố</li>"),
        "{table}"
    );
    // Every figure cites the same source: once for the table, not in every cell.
    assert_eq!(table.matches("class=\"cite\"").count(), 1, "{table}");
    assert!(table.contains("<p class=\"table-source\">"), "{table}");
    // The per-commune bar charts are replaced by the table's lines.
    assert!(!page.contains("class=\"chart\""), "{page}");
}

#[test]
fn figures_of_different_sources_cite_each_their_own() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    // Đồng Tâm: 2022 and 2023, its points cited to another source than its cameras.
    let page = p.read("output/communes/dong-tam.html");
    let table = history(&page);
    assert!(!table.contains("table-source"), "{table}");
    assert!(table.contains("#nguon-nguon-a"), "{table}");
    assert!(table.contains("#nguon-nguon-b"), "{table}");
    // Its yes/no and ratio rows of the newest year are there too, and the newest year's
    // notes.
    assert!(table.contains("9/10 (90%)"), "{table}");
    assert!(
        table.contains("<li>2023 · Điểm chữa cháy công cộng: theo báo cáo B</li>"),
        "{table}"
    );
}

#[test]
fn one_year_keeps_its_section_and_charts() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/communes/duong-thanh.html");
    assert!(!page.contains("qua-cac-nam"), "{page}");
}

#[test]
fn an_older_years_full_report_is_one_table_of_communes() {
    let p = TestProject::good();
    p.write(
        "content/communes/phuong-2.yaml",
        "name: Phường 2\nkind: phường\nsource: nguon-b\nyears:\n- year: 2022\n  models:\n  - model: camera-an-ninh\n    count: 5\n  - model: diem-chua-chay\n",
    );
    p.run(&["build"]).expect_code(0);
    let older = p.read("output/years/2022-full.html");
    assert!(older.contains("<table class=\"year-communes\">"), "{older}");
    assert!(!older.contains("class=\"report-commune\""), "{older}");
    // A column for each model any commune reports that year; a commune's row is empty where
    // it lists nothing, and says "no data" where it lists a model without a count.
    assert!(
        older.contains("<th scope=\"col\">Camera an ninh (mắt camera)</th><th scope=\"col\">Điểm chữa cháy công cộng (điểm)</th></tr>"),
        "{older}"
    );
    assert!(
        older.contains("<th scope=\"row\" id=\"xa-dong-tam\">Phường Đồng Tâm</th><td>23<sup class=\"cite\"><a href=\"../sources.html#nguon-nguon-a\" aria-label=\"Nguồn 1\">[1]</a></sup></td><td></td></tr>"),
        "{older}"
    );
    assert!(
        older.contains("<th scope=\"row\" id=\"xa-phuong-2\">Phường 2</th><td>5<sup class=\"cite\"><a href=\"../sources.html#nguon-nguon-b\" aria-label=\"Nguồn 2\">[2]</a></sup></td><td>đang triển khai; <span class=\"nodata\">không có số liệu</span></td></tr>"),
        "{older}"
    );
    // Two sources: each figure cites its own.
    assert!(!older.contains("table-source"), "{older}");
    // The newest year keeps a section per commune, with the communes' texts.
    let newest = p.read("output/years/2023-full.html");
    assert!(newest.contains("class=\"report-commune\""), "{newest}");
    assert!(!newest.contains("year-communes"), "{newest}");
}

/// The table of communes on a model page, to the end of the paragraph after it.
fn commune_table(page: &str) -> &str {
    let start = page
        .find("id=\"bang-theo-xa\"")
        .expect("a table of communes");
    let end = start + page[start..].find("</p>").expect("a paragraph after it");
    &page[start..end]
}

#[test]
fn a_table_of_communes_cites_a_common_source_once() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    // Every count of cameras cites source A: once, under the table.
    let page = p.read("output/models/camera-an-ninh.html");
    let table = commune_table(&page);
    assert_eq!(table.matches("class=\"cite\"").count(), 1, "{table}");
    assert!(
        table.contains("<p class=\"table-source\">Nguồn của mọi số liệu trong bảng: <sup class=\"cite\"><a href=\"../sources.html#nguon-nguon-a\""),
        "{table}"
    );
    // Another commune's count from source B: each figure cites its own.
    p.write(
        "content/communes/phuong-2.yaml",
        "name: Phường 2\nkind: phường\nyears:\n- year: 2023\n  models:\n  - model: camera-an-ninh\n    count: { value: 5, source: nguon-b }\n",
    );
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/models/camera-an-ninh.html");
    let table = commune_table(&page);
    assert!(!table.contains("table-source"), "{table}");
    assert!(table.contains("#nguon-nguon-a"), "{table}");
    assert!(table.contains("#nguon-nguon-b"), "{table}");
}

/// The section of commune `id` in a year's full report.
fn report_section<'a>(page: &'a str, id: &str) -> &'a str {
    section(page, &format!("aria-labelledby=\"xa-{id}\""))
}

#[test]
fn a_newest_full_report_section_cites_its_counts_common_source_once() {
    let p = TestProject::good();
    p.write(
        "content/communes/phuong-2.yaml",
        "name: Phường 2\nkind: phường\nsource: nguon-a\nyears:\n- year: 2023\n  models:\n  - model: camera-an-ninh\n    count: 5\n  - model: diem-chua-chay\n    count: 2\n",
    );
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/years/2023-full.html");
    // Both counts cite source A: once, under the table.
    let one = report_section(&page, "phuong-2");
    assert_eq!(one.matches("class=\"cite\"").count(), 1, "{one}");
    assert!(
        one.contains("</table></div>\n<p class=\"table-source\">Nguồn của mọi số liệu trong bảng: <sup class=\"cite\"><a href=\"../sources.html#nguon-nguon-a\""),
        "{one}"
    );
    // Đồng Tâm's counts cite sources A and B: each its own.
    let two = report_section(&page, "dong-tam");
    assert!(!two.contains("table-source"), "{two}");
    let cited = |figure: &str, source: &str| {
        format!("{figure}</span><sup class=\"cite\"><a href=\"../sources.html#nguon-{source}\"")
    };
    assert!(two.contains(&cited("25 mắt camera", "nguon-a")), "{two}");
    assert!(two.contains(&cited("4 điểm", "nguon-b")), "{two}");
}

#[test]
fn a_full_report_page_whose_counts_all_cite_one_source_cites_it_once_above_them() {
    let p = TestProject::good();
    p.write(
        "content/communes/phuong-2.yaml",
        "name: Phường 2\nkind: phường\nsource: nguon-a\nyears:\n- year: 2023\n  models:\n  - model: camera-an-ninh\n    count: 5\n",
    );
    // Đồng Tâm's second count cites source A too.
    p.edit(
        "content/communes/dong-tam.yaml",
        "{ value: 4, source: nguon-b, note: theo báo cáo B }",
        "{ value: 4, note: theo báo cáo B }",
    );
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/years/2023-full.html");
    let above = "<p class=\"table-source\">Nguồn của mọi số lượng mô hình trong các bảng dưới đây: \
                 <sup class=\"cite\"><a href=\"../sources.html#nguon-nguon-a\"";
    assert_eq!(page.matches(above).count(), 1, "{page}");
    assert!(
        page.find(above) < page.find("aria-labelledby=\"xa-"),
        "above the communes"
    );
    for id in ["phuong-2", "dong-tam"] {
        let section = report_section(&page, id);
        let table = &section[section.find("<table>").unwrap()..section.find("</table>").unwrap()];
        assert!(!table.contains("class=\"cite\""), "{table}");
        assert!(!section.contains("table-source"), "{section}");
    }
}

#[test]
fn a_models_named_groups_cite_their_one_source_once_under_their_table() {
    let p = TestProject::good();
    let groups = |p: &TestProject| {
        let page = p.read("output/models/camera-an-ninh.html");
        let start = page.find("<caption>Camera an ninh: tổ, nhóm").unwrap();
        let end = start + page[start..].find("</section>").unwrap();
        page[start..end].to_owned()
    };
    p.run(&["build"]).expect_code(0);
    // Đồng Tâm's market team: its founding and members cite source A, once.
    let one = groups(&p);
    assert_eq!(one.matches("class=\"cite\"").count(), 1, "{one}");
    assert!(
        one.contains("</table></div>\n<p class=\"table-source\">Nguồn của mọi số liệu trong bảng: <sup class=\"cite\"><a href=\"../sources.html#nguon-nguon-a\""),
        "{one}"
    );
    // A second team citing source B: each figure cites its own.
    p.write(
        "content/communes/phuong-2.yaml",
        "name: Phường 2\nkind: phường\nsource: nguon-b\nyears:\n- year: 2023\n  models:\n  - model: camera-an-ninh\n    count: 5\ngroups:\n- name: Tổ camera\n  model: camera-an-ninh\n  founded: \"2022-01\"\n  members: 7\n",
    );
    p.run(&["build"]).expect_code(0);
    let two = groups(&p);
    assert!(!two.contains("table-source"), "{two}");
    assert_eq!(two.matches("class=\"cite\"").count(), 4, "{two}");
}
