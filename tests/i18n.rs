//! Languages: every UI string comes from a locale file; `language: en` switches all of them,
//! the number format and `<html lang>`; a project overrides single strings.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{TestProject, snapshot};

/// Vietnamese UI phrases, none of which the good fixture's content uses.
const VIETNAMESE_UI: &[&str] = &[
    "không có số liệu",
    "Không có số liệu",
    "Tổng quan",
    "Xã, phường",
    "Mô hình",
    "Nguồn",
    "Dữ liệu mở",
    "Tìm kiếm",
    "Chuyển đến nội dung",
    "Bảng số liệu",
    "Tải số liệu",
    "Tải về",
    "suy ra",
    "tháng ",
    "Năm 20",
    "so với năm",
    "Buổi phát động",
    "Lượt người tham gia",
    "Phong trào",
    "An toàn về ANTT",
    "Báo cáo đầy đủ",
    "Ý kiến",
    "Xem thêm",
    "Thành lập",
    "Thành viên",
    "Phương châm",
    "Có từ trước",
    "Ngân sách",
    "Xã hội hóa",
    "Xây dựng mới",
    "Số lượng",
    "Đơn vị",
    "tỷ đồng",
    "kết quả cho",
];

fn locale(language: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("templates/locales")
        .join(format!("{language}.yaml"));
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The good fixture with `language: en`, built.
fn english() -> TestProject {
    let p = TestProject::good();
    p.edit("content/site.yaml", "base_url:", "language: en\nbase_url:");
    p.run(&["build"]).expect_code(0);
    p
}

/// The text of the site's pages and scripts (the data files are the same in every language).
fn pages(p: &TestProject) -> Vec<(String, String)> {
    snapshot(&p.output())
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html") || path.ends_with(".js"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn vietnamese_and_english_have_the_same_keys() {
    let (vi, en) = (locale("vi"), locale("en"));
    let only_vi: Vec<&String> = vi.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<&String> = en.keys().filter(|k| !vi.contains_key(*k)).collect();
    assert!(only_vi.is_empty(), "missing in en.yaml: {only_vi:?}");
    assert!(only_en.is_empty(), "missing in vi.yaml: {only_en:?}");
}

#[test]
fn an_english_site_has_english_words_and_numbers() {
    let p = english();
    let index = p.read("output/index.html");
    assert!(index.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(index.contains("<meta property=\"og:locale\" content=\"en_US\">"));
    assert!(index.contains(">Overview</a>"));
    assert!(index.contains(">Year 2023</a>"));
    assert!(index.contains(">Communes and wards</a>"));
    assert!(index.contains(">Open data</a>"));
    assert!(index.contains("<h2 id=\"so-lieu-chinh\">Key figures for 2023</h2>"));
    assert!(
        index.contains("<span class=\"fig\">24,527</span>"),
        "{index}"
    );
    assert!(index.contains("<span class=\"share\">(98.4%)</span>"));
    assert!(index.contains("compared with 2022: +53 (+5.9%)"));
    assert!(index.contains("aria-label=\"Source 1\""));

    let year = p.read("output/years/2023.html");
    assert!(year.contains("VND 10 billion"));
    assert!(year.contains("<span class=\"derived\">(derived: 953 − 44 − 248)</span>"));
    assert!(year.contains("<th scope=\"col\">Total at year end</th>"));
    assert!(year.contains("(53.1%)"));
    let model = p.read("output/models/diem-chua-chay.html");
    assert!(model.contains("<span class=\"nodata\">no data</span>"));
    let commune = p.read("output/communes/dong-tam.html");
    assert!(commune.contains("<dt>Founded</dt><dd>06/2021"), "{commune}");
    let sources = p.read("output/sources.html");
    assert!(
        sources.contains("<caption>Figures of communes and wards citing this source</caption>")
    );
    assert!(sources.contains("2023 · Launch sessions"));
    let data = p.read("output/data.html");
    assert!(data.contains("<h2 id=\"du-lieu-communes\">Communes and wards</h2>"));
    let search = p.read("output/assets/search-index.js");
    assert!(search.contains("\"t\":\"Year 2023\",\"u\":\"years/2023.html\",\"d\":\"Year\""));
    assert!(search.contains("\"d\":\"Commune or ward\""));
}

#[test]
fn english_charts_have_english_labels_and_numbers() {
    let p = english();
    let campaign = p.read("output/campaign.html");
    assert!(campaign.contains("<summary>Data table</summary>"));
    assert!(
        campaign.contains(">2023: valuable tips</text>"),
        "row label"
    );
    assert!(campaign.contains(">94 (53.1%)</text>"), "bar figure");
    assert!(
        campaign.contains("2022: no data; 2023: 226 launch sessions, 24,527 participations.</p>"),
        "one year of participation is a sentence: {campaign}"
    );
    assert!(campaign.contains("Download the data: <a href=\"data/campaign.csv\">CSV</a>"));
    let year = p.read("output/years/2023.html");
    assert!(year.contains(">Existing before (derived)</text>"), "legend");
    assert!(year.contains("<td class=\"num nodata\">no data</td>"));
    let model = p.read("output/models/diem-chua-chay.html");
    assert!(model.contains("No data: "), "compare chart note");
}

#[test]
fn no_vietnamese_ui_string_is_left_in_an_english_site() {
    let vi = TestProject::good();
    vi.run(&["build"]).expect_code(0);
    let vi_pages = pages(&vi);
    for phrase in VIETNAMESE_UI {
        assert!(
            vi_pages.iter().any(|(_, text)| text.contains(phrase)),
            "{phrase:?} is not a UI phrase of the Vietnamese site"
        );
    }
    let en = english();
    for (path, mut text) in pages(&en) {
        // The search index quotes the content, which is Vietnamese: its own words are what
        // each entry is ("d").
        if path == "assets/search-index.js" {
            let json = text
                .trim_start_matches("window.BAOCAO_SEARCH = ")
                .trim_end()
                .trim_end_matches(';');
            let entries: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
            text = entries.iter().map(|e| format!("{}\n", e["d"])).collect();
        }
        for phrase in VIETNAMESE_UI {
            assert!(!text.contains(phrase), "{path} still says {phrase:?}");
        }
    }
}

#[test]
fn a_project_overrides_one_string() {
    let p = TestProject::good();
    p.write(
        "templates/locales/vi.yaml",
        "# Cách gọi riêng của dự án\nno_data: chưa báo cáo\n",
    );
    p.run(&["build"]).expect_code(0);
    let model = p.read("output/models/diem-chua-chay.html");
    assert!(model.contains("<span class=\"nodata\">chưa báo cáo</span>"));
    let year = p.read("output/years/2023.html");
    assert!(
        year.contains("<td class=\"num nodata\">chưa báo cáo</td>"),
        "charts use the override too"
    );
    assert!(!model.contains(">không có số liệu<"));
    assert!(
        model.contains(">Tổng quan</a>"),
        "other strings stay built-in"
    );
}

#[test]
fn an_unknown_key_in_an_override_is_an_error_with_a_suggestion() {
    let p = TestProject::good();
    p.write(
        "templates/locales/vi.yaml",
        "no_data: chưa báo cáo\nno_dta: chưa có\n",
    );
    p.run(&["build"]).expect_code(1).expect_stderr(&[
        "templates/locales/vi.yaml:2:1: error: unknown UI string `no_dta`",
        "did you mean `no_data`?",
    ]);
    p.run(&["--lang", "vi", "build"]).expect_stderr(&[
        "templates/locales/vi.yaml:2:1: lỗi: không có chữ giao diện nào tên `no_dta`",
        "gợi ý: có phải bạn muốn viết `no_data`?",
    ]);
    // A placeholder the text cannot fill, and a template that does not parse.
    p.write("templates/locales/vi.yaml", "no_data: chưa có {x}\n");
    p.write("templates/commune.html", "{% if %}\n");
    p.run(&["--lang", "vi", "check"])
        .expect_code(1)
        .expect_stderr(&[
            "templates/locales/vi.yaml:1:1: lỗi: `{x}` không được điền cho `no_data`",
            "gợi ý: chữ này không có chỗ điền nào",
        ]);
    p.write("templates/locales/vi.yaml", "no_data: chưa có\n");
    p.run(&["--lang", "vi", "check"])
        .expect_code(1)
        .expect_stderr(&[
            "templates/commune.html:1:7: lỗi: lỗi trong mẫu trang: ",
            "gợi ý: hãy sửa mẫu trang, hoặc xóa bản chép trong templates/ để dùng mẫu có sẵn",
        ]);
}

/// The good fixture, in Vietnamese with an English translation, built.
fn translated() -> TestProject {
    let p = TestProject::good();
    p.edit(
        "content/site.yaml",
        "base_url:",
        "language: vi\ntranslations: [en]\nbase_url:",
    );
    p.run(&["build"]).expect_code(0);
    p
}

#[test]
fn a_translation_is_the_whole_site_again_with_a_language_switch_on_every_page() {
    let p = translated();
    let all = pages(&p);
    let vietnamese: Vec<&String> = all
        .iter()
        .map(|(path, _)| path)
        .filter(|path| !path.starts_with("en/"))
        .collect();
    let english: Vec<String> = all
        .iter()
        .filter_map(|(path, _)| path.strip_prefix("en/").map(str::to_owned))
        .collect();
    assert_eq!(
        vietnamese.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        english.iter().map(String::as_str).collect::<Vec<_>>()
    );
    for (path, html) in all.iter().filter(|(path, _)| path.ends_with(".html")) {
        let (english, page) = match path.strip_prefix("en/") {
            Some(page) => (true, page),
            None => (false, path.as_str()),
        };
        let depth = page.matches('/').count() + usize::from(english);
        let up = "../".repeat(page.matches('/').count());
        let (switch, alternate) = if english {
            (
                format!("<a href=\"{up}../{page}\" hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>"),
                format!(
                    "<link rel=\"alternate\" hreflang=\"vi\" href=\"https://example.gov.vn/bao-cao/{page}\">"
                ),
            )
        } else {
            (
                format!("<a href=\"{up}en/{page}\" hreflang=\"en\" lang=\"en\">English</a>"),
                format!(
                    "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.gov.vn/bao-cao/en/{page}\">"
                ),
            )
        };
        if page == "404.html" {
            // Linked from the site's address: a server shows it at any depth.
            assert!(html.contains(&alternate), "{path}");
            continue;
        }
        assert!(html.contains(&switch), "{path} (depth {depth}): {switch}");
        assert!(html.contains(&alternate), "{path}: {alternate}");
        let lang = if english { "en" } else { "vi" };
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{path}");
    }
    let english_overview = p.read("output/en/index.html");
    assert!(english_overview.contains(">Overview</a>"));
    assert!(english_overview.contains(
        "<link rel=\"canonical\" href=\"https://example.gov.vn/bao-cao/en/index.html\">"
    ));
    // Both editions are in the sitemap of their own folder.
    assert!(
        p.read("output/en/sitemap.xml")
            .contains("https://example.gov.vn/bao-cao/en/communes/")
    );
}

#[test]
fn a_translation_marks_the_words_of_the_content_with_their_language() {
    let p = translated();
    let page = p.read("output/en/communes/dong-tam.html");
    for marked in [
        "<h1><span lang=\"vi\">Phường Đồng Tâm</span></h1>",
        "<span lang=\"vi\">Công an thành phố Thử Nghiệm</span>",
        "<span lang=\"vi\">Camera an ninh</span>",
        "<span lang=\"vi\">mắt camera</span>",
    ] {
        assert!(page.contains(marked), "{marked}: {page}");
    }
    // The interface is not marked, and neither is a Markdown text's markup.
    assert!(page.contains("<html lang=\"en\">"));
    assert!(!page.contains("<span lang=\"vi\">Overview"));
    let summary = p.read("output/en/models/camera-an-ninh.html");
    assert!(summary.contains("<div lang=\"vi\">\n<p>"), "{summary}");
    // A chart's title marks the model's name and the place inside an English sentence.
    assert!(
        summary.contains("<figcaption><span lang=\"vi\">Camera an ninh</span>"),
        "{summary}"
    );
    // Without a translation nothing is marked: the page is all in the content's language.
    let vietnamese = p.read("output/communes/dong-tam.html");
    assert!(!vietnamese.contains("<span lang="), "{vietnamese}");
    // The marks never reach the drawing, its table's text or the data files.
    for (path, bytes) in snapshot(&p.output()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(['\u{E000}', '\u{E001}']), "{path}");
        if path.ends_with(".svg") || path.ends_with(".csv") || path.ends_with(".json") {
            assert!(!text.contains("<span lang"), "{path}");
        }
    }
}
