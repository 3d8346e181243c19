//! Well-known XSS vectors in every text field and Markdown body must not reach a reader:
//! every page is parsed as HTML and searched for scripts, handlers and dangerous URLs.

mod common;

use common::{TestProject, snapshot};
use scraper::{Html, Selector};

const V: &str = r#"<script>alert(1)</script>\"><img src=x onerror=alert(2)><svg onload=alert(3)>"#;
const MD: &str = r#"<script>alert(4)</script> [a](javascript:alert(5)) [b](data:text/html;base64,PHNjcmlwdD4=) <a href=\"JaVaScRiPt:alert(6)\">c</a> <iframe src=\"https://evil.example\"></iframe> <img src=x onerror=alert(7)> <math><mi xlink:href=\"javascript:alert(8)\">m</mi></math>"#;

fn hostile_project() -> TestProject {
    let p = TestProject::good();
    p.write(
        "content/site.yaml",
        format!(
            "title: \"T {V}\"\nlocality: \"L {V}\"\nprovince: \"P {V}\"\nagency: \"A {V}\"\ndescription: \"D {V}\"\nbase_url: \"https://example.gov.vn/{V}\"\nlicence: \"L {V}\"\nlicence_url: \"https://example.gov.vn/{V}\"\ncontact: \"C {V}\"\nsources:\n  - id: nguon-a\n    title: \"S {V}\"\n    publisher: \"Pub {V}\"\n    author: \"Au {V}\"\n    url: \"https://x.vn/\\\"><script>alert(9)</script>\"\n  - id: nguon-b\n    title: \"B {V}\"\n"
        ),
    );
    p.write(
        "content/models/camera-an-ninh.yaml",
        format!("id: camera-an-ninh\nname: \"Camera {V}\"\nunit: \"mắt {V}\"\ncategory: \"C {V}\"\norder: 1\ndescription: \"{MD}\"\n"),
    );
    p.write(
        "content/communes/dong-tam.yaml",
        format!(
            "id: dong-tam\nname: \"Đồng Tâm {V}\"\nkind: phường\ncode: \"04261\"\nsource: nguon-a\nchief: {{ rank: \"R {V}\", name: \"N {V}\", title: \"T {V}\" }}\nsummary: \"{MD}\"\nyears:\n  - year: 2023\n    note: \"note {V}\"\n    models:\n      - model: camera-an-ninh\n        count: {{ value: 25, note: \"n {V}\" }}\n        note: \"m {V}\"\n    campaign: {{ sessions: 1, participations: 2, tips: 3, valuable_tips: 1, focus_areas: 1, focus_areas_note: \"f {V}\" }}\n    attainment: {{ villages: {{ safe: 1, total: 2 }} }}\ngroups:\n  - name: \"G {V}\"\n    model: camera-an-ninh\n    founded: \"2021-06\"\n    members: 4\n    outcomes:\n      - {{ label: \"O {V}\", value: 2, note: \"on {V}\" }}\n    motto: \"M {V}\"\n    narrative: \"{MD}\"\nquotes:\n  - {{ speaker: \"S {V}\", role: \"R {V}\", text: \"{MD}\" }}\nphotos:\n  - {{ file: anh/cho.svg, caption: \"C {V}\", alt: \"A {V}\" }}\n"
        ),
    );
    p.write(
        "content/years/2023.yaml",
        format!(
            "source: nguon-a\ncampaign: {{ sessions: 226, participations: 24527, tips: 177, valuable_tips: 94, focus_areas: 8, focus_areas_note: \"x {V}\" }}\nmodels:\n  - model: camera-an-ninh\n    total: 953\n    note: \"y {V}\"\nnarrative: \"{MD}\"\nquotes:\n  - {{ speaker: \"S {V}\", text: \"{MD}\" }}\n"
        ),
    );
    p.write(
        "content/pages/gioi-thieu.md",
        format!(
            "---\ntitle: \"P {V}\"\ndescription: \"D {V}\"\n---\n{}\n",
            MD.replace("\\\"", "\"")
        ),
    );
    p
}

#[test]
fn no_script_handler_or_dangerous_url_reaches_a_page() {
    let p = hostile_project();
    let run = p.run(&["build"]);
    run.expect_code(0);
    let any = Selector::parse("*").unwrap();
    let mut pages = 0;
    for (path, bytes) in snapshot(&p.output()) {
        if !(path.ends_with(".html") || path.ends_with(".xml")) {
            continue;
        }
        pages += 1;
        let html = Html::parse_document(&String::from_utf8(bytes).unwrap());
        for element in html.select(&any) {
            let el = element.value();
            let name = el.name();
            assert!(
                !["iframe", "object", "embed", "frame", "base", "form"].contains(&name)
                    || name == "form" && el.attr("role") == Some("search"),
                "{path}: <{name}>"
            );
            if name == "script" {
                let inline = element.inner_html();
                match (el.attr("src"), el.attr("type")) {
                    // The data page's schema.org description: data, with every `<` escaped.
                    (None, Some("application/ld+json")) => {
                        assert!(!inline.contains('<'), "{path}: {inline}");
                        serde_json::from_str::<serde_json::Value>(&inline)
                            .unwrap_or_else(|e| panic!("{path}: {e}: {inline}"));
                    }
                    // The 404 page's own script, which finds the site's root: no content in it.
                    (None, None) if path == "404.html" => {
                        assert!(!inline.contains("alert"), "{path}: {inline}");
                    }
                    (src, _) => {
                        let src = src.unwrap_or("");
                        assert!(
                            src.ends_with("assets/search-index.js")
                                || src.ends_with("assets/search.js")
                                || src.ends_with("assets/charts.js"),
                            "{path}: a script that is not baocao's own: {}",
                            element.html()
                        );
                        assert_eq!(inline, "", "{path}: inline script");
                    }
                }
            }
            for (attr, value) in el.attrs() {
                assert!(
                    !attr.to_ascii_lowercase().starts_with("on"),
                    "{path}: event handler {attr}={value}"
                );
                if ["href", "src", "action", "xlink:href", "formaction"].contains(&attr) {
                    let v: String = value
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    assert!(
                        !v.starts_with("javascript:")
                            && !v.starts_with("data:")
                            && !v.starts_with("vbscript:"),
                        "{path}: {attr}={value}"
                    );
                }
            }
            if name == "text" || name == "title" || name == "desc" {
                assert_eq!(
                    element
                        .children()
                        .filter(|c| c.value().is_element())
                        .count(),
                    0,
                    "{path}: markup inside <{name}>: {}",
                    element.html()
                );
            }
        }
    }
    assert!(pages > 15, "only {pages} pages checked");
    // The vectors are shown as text, not dropped: a reader sees what was written.
    assert!(
        p.read("output/communes/dong-tam.html")
            .contains("Đồng Tâm &lt;script&gt;alert(1)&lt;/script&gt;")
    );
}

/// A UI string of the project's own reaches the search script as a quoted JavaScript string:
/// a quote in it cannot end the string and run what follows.
#[test]
fn a_locale_string_cannot_break_out_of_the_search_script() {
    let p = TestProject::good();
    p.write(
        "templates/locales/vi.yaml",
        "search_results: '\"; alert(1); var x = \"</script>'\n",
    );
    p.run(&["build"]).expect_code(0);
    let script = p.read("output/assets/search.js");
    assert!(
        script.contains(r#"var many = "\"; alert(1); var x = \"\u003c/script>";"#),
        "{script}"
    );
}

/// Files of `content/static/` are published as they are: an SVG that runs script or fetches
/// from elsewhere is refused, and HTML or JavaScript files only go out when the project says
/// so in `site.yaml`.
#[test]
fn static_files_that_would_run_script_are_refused() {
    let p = TestProject::good();
    p.write(
        "content/static/a.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\">\n<script>alert(1)</script></svg>",
    );
    p.write(
        "content/static/b.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\" onload=\"alert(2)\"></svg>",
    );
    p.write("content/static/c.html", "<script>alert(3)</script>");
    p.write(
        "content/static/d.xhtml",
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(4)</script></html>",
    );
    let run = p.run(&["build"]);
    run.expect_code(1).expect_stderr(&[
        "content/static/a.svg:2:1: error: this SVG image holds <script>, which could run script",
        "content/static/b.svg:1:62: error: this SVG image holds an event handler (on…=)",
        "content/static/c.html: error: a .html file would run as part of the site, so it is not published",
        "content/static/d.xhtml: error: a .xhtml file would run",
        "hint: remove it from `content/static/`; if the site really needs it, set `allow_scripts: true`",
    ]);
    assert!(!p.output().exists());
    p.remove("content/static/a.svg")
        .remove("content/static/b.svg");
    p.edit("content/site.yaml", "title:", "allow_scripts: true\ntitle:");
    p.run(&["build"]).expect_code(0);
    assert!(p.output().join("static/c.html").exists());
}
