//! Issue 17: dates, licence and contact from `site.yaml` on every page, a recommended
//! citation, and a schema.org `Dataset` description on the data page.

mod common;

use common::TestProject;
use serde_json::Value;

const SITE: &str = "content/site.yaml";

fn with_metadata() -> TestProject {
    let p = TestProject::good();
    p.edit(
        SITE,
        "base_url: https://example.gov.vn/bao-cao\n",
        "base_url: https://example.gov.vn/bao-cao\npublished: 2024-01-15\nupdated: 2024-02-01\n\
         licence: CC BY 4.0\nlicence_url: https://creativecommons.org/licenses/by/4.0/\n\
         contact: antt@example.gov.vn\n",
    );
    p
}

#[test]
fn every_page_says_when_it_was_published_under_which_licence_and_whom_to_tell() {
    let p = with_metadata();
    p.run(&["build"]).expect_code(0);
    let footer = "<p class=\"meta\"><span>Công bố: <time datetime=\"2024-01-15\">15/01/2024</time></span>\
                  <span>Cập nhật: <time datetime=\"2024-02-01\">01/02/2024</time></span>\
                  <span>Giấy phép: <a href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"license\">CC BY 4.0</a></span>\
                  <span>Góp ý, đính chính: antt@example.gov.vn</span></p>";
    for page in [
        "index.html",
        "communes/dong-tam.html",
        "years/2023-full.html",
        "data.html",
        "404.html",
    ] {
        let html = p.read(&format!("output/{page}"));
        assert!(html.contains(footer), "{page}: {html}");
    }

    let data = p.read("output/data.html");
    assert!(
        data.contains(
            "<p><cite>Công an thành phố Thử Nghiệm (2024). Báo cáo thử nghiệm. https://example.gov.vn/bao-cao/</cite></p>"
        ),
        "{data}"
    );
    let ld = data
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("a JSON-LD block");
    let ld: Value = serde_json::from_str(ld).unwrap();
    assert_eq!(ld["@type"], "Dataset");
    assert_eq!(ld["name"], "Báo cáo thử nghiệm");
    assert_eq!(ld["datePublished"], "2024-01-15");
    assert_eq!(ld["dateModified"], "2024-02-01");
    assert_eq!(
        ld["license"],
        "https://creativecommons.org/licenses/by/4.0/"
    );
    assert_eq!(ld["url"], "https://example.gov.vn/bao-cao/data.html");
    let downloads = ld["distribution"].as_array().unwrap();
    assert!(
        downloads
            .iter()
            .any(|d| d["contentUrl"] == "https://example.gov.vn/bao-cao/data/communes.csv"),
        "{downloads:?}"
    );
}

#[test]
fn without_metadata_no_empty_line_and_a_citation_without_a_year() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let index = p.read("output/index.html");
    assert!(!index.contains("class=\"meta\""), "{index}");
    let data = p.read("output/data.html");
    assert!(data.contains(
        "<cite>Công an thành phố Thử Nghiệm. Báo cáo thử nghiệm. https://example.gov.vn/bao-cao/</cite>"
    ));
    assert!(!data.contains("datePublished"));
}

#[test]
fn a_wrong_date_or_an_update_before_publication_is_an_error() {
    let p = with_metadata();
    p.edit(SITE, "published: 2024-01-15", "published: 2024-13-15");
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        "content/site.yaml:6:12: error: `2024-13-15` is not a valid date",
        "hint: write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2023-12-31",
    ]);
    p.edit(SITE, "published: 2024-13-15", "published: 2024-03-15");
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        "content/site.yaml:7:10: error: `updated: 2024-02-01` is before `published: 2024-03-15`",
    ]);
    p.run(&["--lang", "vi", "check"]).expect_stderr(&[
        "lỗi: `updated: 2024-02-01` (ngày cập nhật) sớm hơn `published: 2024-03-15` (ngày công bố)",
    ]);
}
