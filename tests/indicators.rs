//! Indicators from content: a project describes its own figures in `content/indicators/` and
//! reports them under `figures:`; they reach every page, chart, data file, the search index,
//! `diff` and `baocao schema`, and the catalogue's checks apply to them.

mod common;

use common::TestProject;

/// The good fixture with two indicators: a count that adds up (`total: sum`) and an amount
/// of money, reported by every commune in 2023 and by two of them in 2022.
fn project() -> TestProject {
    let p = TestProject::good();
    p.write(
        "content/indicators/pham-phap-hinh-su.yaml",
        "name: Số vụ phạm pháp hình sự\nname_en: Criminal offences\nunit: vụ\nkind: count\ntotal: sum\norder: 1\n",
    );
    p.write(
        "content/indicators/thiet-hai-chay-no.yaml",
        "name: Thiệt hại do cháy, nổ\nname_en: Damage from fires and explosions\nunit: đồng\nkind: money\ntotal: none\norder: 2\n",
    );
    p.write(
        "content/communes/phuong-2.yaml",
        "name: Phường 2\nkind: phường\nyears:\n  - year: 2023\n    figures:\n      pham-phap-hinh-su: 5\n      thiet-hai-chay-no: 120000000\n  - year: 2022\n    figures:\n      pham-phap-hinh-su: 7\n",
    );
    p.write(
        "content/communes/phuong-10.yaml",
        "name: Phường 10\nkind: phường\nyears:\n  - year: 2023\n    figures:\n      pham-phap-hinh-su: 4\n  - year: 2022\n    figures:\n      pham-phap-hinh-su: 3\n",
    );
    p.edit(
        "content/communes/dong-tam.yaml",
        "      valuable_tips: 4\n",
        "      valuable_tips: 4\n    figures:\n      pham-phap-hinh-su: 0\n",
    );
    p.edit(
        "content/communes/duong-thanh.yaml",
        "kind: xã\n",
        "kind: xã\nyears:\n  - year: 2023\n    figures:\n      pham-phap-hinh-su: { value: 3, source: nguon-b }\n",
    );
    p.edit(
        "content/years/2023.yaml",
        "narrative: |",
        "figures:\n  pham-phap-hinh-su: 12\n  thiet-hai-chay-no: 450000000\nnarrative: |",
    );
    p.edit(
        "content/years/2022.yaml",
        "models:",
        "figures:\n  pham-phap-hinh-su: 10\nmodels:",
    );
    p
}

#[test]
fn indicators_reach_every_page_chart_and_data_file() {
    let p = project();
    let run = p.run(&["build"]);
    run.expect_code(0);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);

    let commune = p.read("output/communes/phuong-2.html");
    assert!(commune.contains("Số vụ phạm pháp hình sự"), "{commune}");
    assert!(commune.contains("120 triệu đồng"), "{commune}");
    assert!(commune.contains("href=\"../indicators/pham-phap-hinh-su.html\""));
    // The indicator in the commune's table of years: 2022 and 2023, with its trend.
    assert!(
        commune.contains("Số vụ phạm pháp hình sự</a> (vụ)</th><td>7</td><td>5</td><td><svg"),
        "{commune}"
    );

    // A commune that does not report the money figure shows "no data", never 0.
    let other = p.read("output/communes/phuong-10.html");
    assert!(
        other.contains(
            "Thiệt hại do cháy, nổ</a></th><td><span class=\"nodata\">không có số liệu</span></td><td><span class=\"nodata\">không có số liệu</span></td><td></td></tr>"
        ),
        "{other}"
    );

    let year = p.read("output/years/2023.html");
    assert!(year.contains("<span class=\"fig\">12 vụ</span>"), "{year}");
    assert!(year.contains("450 triệu đồng"), "{year}");

    let full = p.read("output/years/2023-full.html");
    assert!(full.contains("<span class=\"fig\">12 vụ</span>"), "{full}");
    assert!(full.contains("<span class=\"fig\">5 vụ</span>"), "{full}");

    let page = p.read("output/indicators/pham-phap-hinh-su.html");
    assert!(page.contains("<svg"), "no chart on the indicator page");
    assert!(page.contains("Số vụ phạm pháp hình sự: các xã, phường năm 2023"));
    // The communes' sum in 2023 and Dương Thành's own source.
    assert!(
        page.contains("<span class=\"fig\">12 vụ</span></td></tr></tfoot>"),
        "{page}"
    );
    assert!(page.contains("sources.html#nguon-nguon-b"), "{page}");
    let list = p.read("output/indicators/index.html");
    assert!(list.contains("Thiệt hại do cháy, nổ"));
    assert!(
        p.read("output/index.html")
            .contains("indicators/index.html")
    );

    let csv = p.read("output/data/indicators.csv");
    assert!(
        csv.starts_with("\u{feff}scope,name,year,pham-phap-hinh-su,thiet-hai-chay-no,source\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("city,Thành phố Thử Nghiệm,2023,12,450000000,nguon-a\r\n"),
        "{csv}"
    );
    assert!(csv.contains("phuong-2,Phường 2,2023,5,120000000,"), "{csv}");
    assert!(csv.contains("phuong-2,Phường 2,2022,7,,"), "{csv}");
    let json = p.read("output/data/indicators.json");
    assert!(
        json.contains("[\"phuong-2\",\"Phường 2\",2023,5,120000000,"),
        "{json}"
    );
    assert!(p.read("output/data.html").contains("data/indicators.csv"));

    let search = p.read("output/assets/search-index.js");
    assert!(
        search.contains("indicators/pham-phap-hinh-su.html"),
        "{search}"
    );
    assert!(search.contains("so vu pham phap hinh su"), "{search}");

    let sitemap = p.read("output/sitemap.xml");
    assert!(
        sitemap.contains("indicators/thiet-hai-chay-no.html"),
        "{sitemap}"
    );

    let sources = p.read("output/sources.html");
    assert!(sources.contains("Số vụ phạm pháp hình sự"), "{sources}");
}

#[test]
fn english_sites_use_the_english_names() {
    let p = project();
    p.edit(
        "content/site.yaml",
        "title: Báo cáo thử nghiệm",
        "language: en\ntitle: Báo cáo thử nghiệm",
    );
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/indicators/pham-phap-hinh-su.html");
    assert!(page.contains("<h1>Criminal offences</h1>"), "{page}");
}

#[test]
fn diff_lists_changed_indicator_figures() {
    let old = project();
    let new = project();
    new.edit(
        "content/communes/phuong-2.yaml",
        "pham-phap-hinh-su: 5",
        "pham-phap-hinh-su: 6",
    );
    new.edit(
        "content/years/2023.yaml",
        "thiet-hai-chay-no: 450000000",
        "thiet-hai-chay-no: 500000000",
    );
    new.edit(
        "content/years/2023.yaml",
        "pham-phap-hinh-su: 12",
        "pham-phap-hinh-su: 13",
    );
    let run = common::run_in(
        old.path(),
        &[
            "diff",
            old.path().to_str().unwrap(),
            new.path().to_str().unwrap(),
        ],
        &[],
    );
    run.expect_code(1);
    assert!(
        run.stdout
            .contains("Phường 2 · 2023 · Số vụ phạm pháp hình sự: 5 → 6"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("2023 · Thiệt hại do cháy, nổ: 450 triệu đồng → 500 triệu đồng"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_schema_names_the_projects_indicators() {
    let p = project();
    let run = p.run(&["schema"]);
    run.expect_code(0);
    assert!(run.stdout.contains("7 schemas"), "{}", run.stdout);
    let commune: serde_json::Value =
        serde_json::from_str(&p.read("schemas/commune.schema.json")).unwrap();
    let figures = &commune["$defs"]["Figures"];
    assert_eq!(
        figures["properties"]["pham-phap-hinh-su"]["description"],
        "Số vụ phạm pháp hình sự (vụ)"
    );
    assert_eq!(figures["additionalProperties"], false);
    let indicator: serde_json::Value =
        serde_json::from_str(&p.read("schemas/indicator.schema.json")).unwrap();
    assert_eq!(indicator["required"], serde_json::json!(["name"]));
}

#[test]
fn a_sum_that_differs_from_the_area_figure_is_a_warning_at_its_line() {
    let p = project();
    p.edit(
        "content/years/2023.yaml",
        "pham-phap-hinh-su: 12",
        "pham-phap-hinh-su: 15",
    );
    let run = p.run(&["check"]);
    run.expect_code(0).expect_stderr(&[
        "content/years/2023.yaml:",
        "warning: all 4 communes report `pham-phap-hinh-su` in 2023; their sum 12 differs from the area figure 15",
    ]);
    let line = p
        .read("content/years/2023.yaml")
        .lines()
        .position(|l| l.contains("pham-phap-hinh-su: 15"))
        .unwrap()
        + 1;
    run.expect_stderr(&[&format!("content/years/2023.yaml:{line}:22: warning")]);
}

#[test]
fn communes_above_the_area_figure_is_a_warning() {
    let p = project();
    p.edit(
        "content/years/2022.yaml",
        "pham-phap-hinh-su: 10",
        "pham-phap-hinh-su: 8",
    );
    p.run(&["check"]).expect_code(0).expect_stderr(&[
        "warning: the communes report 10 for `pham-phap-hinh-su` in 2022, more than the area figure 8",
    ]);
}

#[test]
fn an_unknown_indicator_is_an_error_with_a_suggestion() {
    let p = project();
    p.edit(
        "content/communes/phuong-10.yaml",
        "pham-phap-hinh-su: 4",
        "pham-phap-hinhsu: 4",
    );
    let before = common::snapshot(p.path());
    p.run(&["build"]).expect_code(1).expect_stderr(&[
        "content/communes/phuong-10.yaml:6:7: error: unknown indicator `pham-phap-hinhsu`",
        "did you mean `pham-phap-hinh-su`?",
    ]);
    assert_eq!(
        before,
        common::snapshot(p.path()),
        "a failed build wrote files"
    );
}

#[test]
fn figures_without_any_indicator_file_say_where_to_describe_them() {
    let p = TestProject::good();
    p.edit(
        "content/years/2023.yaml",
        "narrative: |",
        "figures:\n  ma-tuy: 3\nnarrative: |",
    );
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        "error: unknown indicator `ma-tuy`",
        "content/indicators/<id>.yaml",
    ]);
}

#[test]
fn values_of_the_wrong_kind_or_scope_are_errors() {
    let p = project();
    p.edit(
        "content/communes/phuong-10.yaml",
        "pham-phap-hinh-su: 4",
        "pham-phap-hinh-su: bốn",
    );
    p.write(
        "content/indicators/ty-le-xu-ly.yaml",
        "name: Tỷ lệ vụ việc được xử lý\nkind: ratio\nscope: area\n",
    );
    p.edit(
        "content/communes/phuong-2.yaml",
        "thiet-hai-chay-no: 120000000",
        "thiet-hai-chay-no: 120000000\n      ty-le-xu-ly: { safe: 3, total: 4 }",
    );
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        "content/communes/phuong-10.yaml:6:26: error: `pham-phap-hinh-su` is a count indicator; this value is not one",
        "content/communes/phuong-2.yaml:8:7: error: `ty-le-xu-ly` is reported for the whole area only (scope: area), not by a commune",
    ]);
}

#[test]
fn an_implausible_value_and_a_taken_id_are_errors() {
    let p = project();
    p.edit(
        "content/years/2022.yaml",
        "pham-phap-hinh-su: 10",
        "pham-phap-hinh-su: 1000000000",
    );
    p.write("content/indicators/sessions.yaml", "name: Buổi họp\n");
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        "error: 1.000.000.000 is larger than the largest plausible value of `pham-phap-hinh-su`",
        "content/indicators/sessions.yaml: error: `sessions` is the id of a built-in figure",
    ]);
}

#[test]
fn chart_calls_in_markdown_may_draw_an_indicator() {
    let p = project();
    p.edit(
        "content/years/2023.yaml",
        "narrative: |\n",
        "narrative: |\n  {{ chart(kind=\"indicator\", indicator=\"pham-phap-hinh-su\") }}\n\n  {{ chart(kind=\"indicator\", indicator=\"khong-co\") }}\n",
    );
    p.run(&["check"])
        .expect_code(1)
        .expect_stderr(&["error: this chart cannot be drawn: unknown indicator `khong-co`"]);
}
