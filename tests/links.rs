//! Issue 15: links and images written in Markdown open on the published site, or `check`
//! says which one, where, and what to write instead; a text shown away from its own page
//! keeps working links.

mod common;

use common::TestProject;

const PAGE: &str = "content/pages/gioi-thieu.md";
const DUONG_THANH: &str = "content/communes/duong-thanh.yaml";
const YEAR: &str = "content/years/2023.yaml";

/// The good fixture with `line` written as the first line of the page's body (line 5).
fn page_with(line: &str) -> TestProject {
    let p = TestProject::good();
    p.edit(
        PAGE,
        "Trang giới thiệu",
        &format!("{line}\n\nTrang giới thiệu"),
    );
    p
}

#[test]
fn a_link_without_its_dots_is_an_error_that_says_what_to_write() {
    let p = page_with("Xem [nguồn](sources.html).");
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        &format!(
            "{PAGE}:5:13: error: `sources.html` points to pages/sources.html, which is neither \
             a page of the site nor a file of content/static/"
        ),
        "hint: write `../sources.html`",
    ]);
    p.run(&["--lang", "vi", "check"])
        .expect_code(1)
        .expect_stderr(&[
            &format!(
                "{PAGE}:5:13: lỗi: `sources.html` trỏ tới pages/sources.html, không phải một trang \
             của báo cáo hay một tệp trong content/static/"
            ),
            "hãy viết `../sources.html`",
        ]);
    // The build refuses it too, and writes nothing.
    p.run(&["build"]).expect_code(1);
    assert!(!p.output().exists());
}

#[test]
fn a_path_on_the_writers_computer_is_an_error() {
    let p = page_with(r"![Ảnh](C:\Users\Tuan\Pictures\camera.jpg)");
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        &format!(
            "{PAGE}:5:8: error: `C:\\Users\\Tuan\\Pictures\\camera.jpg` is a path on one \
             computer or from the web server's root: it works nowhere else, not on the \
             published site nor from a USB stick"
        ),
        "hint: copy the file into content/static/ and write the link from this page's folder, \
         e.g. `../static/camera.jpg`",
    ]);
    let p = page_with("![Ảnh](/static/anh/cho.svg)");
    p.run(&["check"]).expect_code(1).expect_stderr(&[&format!(
        "{PAGE}:5:8: error: `/static/anh/cho.svg` is a path"
    )]);
}

#[test]
fn a_file_name_in_the_wrong_letter_case_is_an_error() {
    let p = page_with("![Chó](../static/anh/Cho.SVG)");
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        &format!(
            "{PAGE}:5:8: error: `../static/anh/Cho.SVG` points to static/anh/Cho.SVG, but the \
             file is static/anh/cho.svg: the letters differ in case, which works on Windows but \
             not on the web server"
        ),
        "hint: write `../static/anh/cho.svg`",
    ]);
    p.run(&["--lang", "vi", "check"])
        .expect_stderr(&["khác nhau chữ hoa, chữ thường"]);
}

#[test]
fn near_misses_and_climbing_out_are_named() {
    let p = page_with("[a](../communes/dong-tm.html) [b](../models/camera.html) [c](../../x.html)");
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        &format!("{PAGE}:5:5: error: `../communes/dong-tm.html` points to communes/dong-tm.html"),
        "hint: write `../communes/dong-tam.html`",
        &format!("{PAGE}:5:35: error: `../models/camera.html` points to models/camera.html"),
        "hint: write `../models/camera-an-ninh.html`",
        &format!(
            "{PAGE}:5:62: error: `../../x.html` goes above the site's folder (one `../` too many)"
        ),
    ]);
}

#[test]
fn links_in_yaml_texts_are_checked_at_their_line() {
    let p = TestProject::good();
    p.edit(
        YEAR,
        "Năm **2023** có nhiều kết quả.",
        "Năm **2023** có nhiều kết quả.\n  Xem [Đồng Tâm](../communes/dong-tam.html), [nguồn](nguon.html).",
    );
    p.edit(
        DUONG_THANH,
        "Xã *không* có số liệu.",
        r"Xã *không* có số liệu. ![a](D:\anh.png)",
    );
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        &format!("{YEAR}:24:54: error: `nguon.html` points to years/nguon.html"),
        &format!("{DUONG_THANH}:3:38: error: `D:\\anh.png` is a path on one computer"),
        "2 errors",
    ]);
}

#[test]
fn good_links_build_and_open_from_every_page_that_shows_them() {
    let p = TestProject::good();
    // Written for the year page (years/), also shown on the overview (the root folder).
    p.edit(
        YEAR,
        "Năm **2023** có nhiều kết quả.",
        "Năm **2023** có nhiều kết quả. Xem [Đồng Tâm](../communes/dong-tam.html#to-nhom) \
         và ![chó](../static/anh/cho.svg).",
    );
    // Written for the commune page (communes/), also shown in the full report (years/).
    p.edit(
        "content/communes/dong-tam.yaml",
        "name: Đồng Tâm\n",
        "name: Đồng Tâm\nsummary: Như [Phường 2](phuong-2.html).\n",
    );
    p.run(&["build"]).expect_code(0);
    let overview = p.read("output/index.html");
    assert!(
        overview.contains(r#"href="communes/dong-tam.html#to-nhom""#),
        "{overview}"
    );
    assert!(
        overview.contains(r#"src="static/anh/cho.svg""#),
        "{overview}"
    );
    let year = p.read("output/years/2023.html");
    assert!(year.contains(r#"href="../communes/dong-tam.html#to-nhom""#));
    let commune = p.read("output/communes/dong-tam.html");
    assert!(commune.contains(r#"href="phuong-2.html""#));
    let full = p.read("output/years/2023-full.html");
    assert!(
        full.contains(r#"href="../communes/phuong-2.html""#),
        "{full}"
    );
    assert!(full.contains(r#"href="../communes/dong-tam.html#to-nhom""#));
}

#[test]
fn every_page_of_the_example_is_a_link_target() {
    // Links to every file the site has are accepted: the list `check` uses has not drifted
    // from what `build` writes.
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let mut links = Vec::new();
    for entry in walkdir::WalkDir::new(p.output()).sort_by_file_name() {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(p.output()).unwrap();
        let relative = relative.to_string_lossy().replace('\\', "/");
        let linkable = relative.ends_with(".html")
            || relative.starts_with("data/")
            || relative.starts_with("static/");
        if entry.file_type().is_file() && linkable {
            links.push(format!("[x](../{relative})"));
        }
    }
    assert!(links.len() > 30, "{links:?}");
    let p = page_with(&links.join(" "));
    p.run(&["check"]).expect_code(0);
}
