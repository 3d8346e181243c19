//! Issue 18: `serve` shows a saved commune's page made from that file and the project's other
//! files only (`baocao::preview_communes`), before it checks the whole project again. That
//! page must be byte for byte the one the whole build makes, or not be made at all.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use baocao::report::Known;
use common::{TestProject, rendered};

/// What the whole build of `root` knows of its communes, and every file it renders.
fn whole(root: &Path) -> (Known, BTreeMap<String, Vec<u8>>) {
    let checked = baocao::check(root);
    let report = checked.report.as_ref().expect("a project without errors");
    let known = Known::of(report, &checked.project);
    (known, rendered(checked))
}

/// Every commune file of `root`, from `root`.
fn commune_files(root: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root.join("content/communes"))
        .unwrap()
        .map(|e| {
            format!(
                "content/communes/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    files.sort();
    files
}

/// Asserts that each commune's preview, made alone, is its page in the whole build.
fn assert_previews_are_the_whole_builds(root: &Path) {
    let (known, site) = whole(root);
    let files = commune_files(root);
    assert!(files.len() >= 4, "{files:?}");
    for file in &files {
        let pages = baocao::preview_communes(root, std::slice::from_ref(file), &known)
            .unwrap_or_else(|| panic!("no preview of {file}"));
        assert_eq!(pages.len(), 1, "{file}");
        let (path, html) = &pages[0];
        let built = String::from_utf8_lossy(&site[path]);
        assert!(
            *html == built,
            "{file}: the preview of {path} differs:\n{html}\n---\n{built}"
        );
    }
}

#[test]
fn a_communes_preview_is_its_page_in_the_example_report() {
    // One year per commune: each page draws its own charts.
    assert_previews_are_the_whole_builds(Path::new(env!("CARGO_MANIFEST_DIR")));
}

#[test]
fn a_communes_preview_is_its_page_with_groups_namesakes_and_years() {
    let p = TestProject::good();
    p.group_dong_tam();
    // A namesake of Đồng Tâm: both are told apart on their pages.
    p.write(
        "content/communes/dong-tam-2.yaml",
        "id: dong-tam-2\nname: Đồng Tâm\nkind: xã\nsource: nguon-a\nyears:\n\
         - year: 2023\n  models:\n  - model: camera-an-ninh\n    count: 7\n",
    );
    // Several years: a table of years with trend lines.
    p.write(
        "content/communes/phuong-2.yaml",
        "name: Phường 2\nkind: phường\nsource: nguon-a\nyears:\n\
         - year: 2023\n  models:\n  - model: camera-an-ninh\n    count: 30\n  campaign:\n    sessions: 4\n    participations: 1200\n    tips: 3\n    valuable_tips: 1\n\
         - year: 2022\n  models:\n  - model: camera-an-ninh\n    count: 12\n",
    );
    let (_, site) = whole(p.path());
    let namesake = String::from_utf8_lossy(&site["communes/dong-tam-2.html"]).into_owned();
    assert!(
        namesake.contains("<h1>Xã Đồng Tâm (dong-tam-2)</h1>"),
        "{namesake}"
    );
    assert_previews_are_the_whole_builds(p.path());
}

#[test]
fn an_edited_communes_preview_is_its_page_in_the_next_whole_build() {
    let p = TestProject::good();
    let (known, _) = whole(p.path());
    let path = "content/communes/dong-tam.yaml";
    p.edit(path, "count: 25", "count: 27");
    let pages = baocao::preview_communes(p.path(), &[path.to_owned()], &known).unwrap();
    let (_, site) = whole(p.path());
    let built = String::from_utf8_lossy(&site["communes/dong-tam.html"]);
    assert_eq!(pages[0].0, "communes/dong-tam.html");
    assert!(pages[0].1.contains("<td>27<sup"), "{}", pages[0].1);
    assert!(pages[0].1 == built, "{}\n---\n{built}", pages[0].1);
}

#[test]
fn no_preview_when_it_could_differ_from_the_whole_build_or_has_errors() {
    let p = TestProject::good();
    let (known, _) = whole(p.path());
    let path = "content/communes/dong-tam.yaml";
    let preview = |file: &str| baocao::preview_communes(p.path(), &[file.to_owned()], &known);
    assert!(preview(path).is_some());

    // Renamed: other communes may now be its namesakes.
    p.edit(path, "name: Đồng Tâm", "name: Đồng Tiến");
    assert!(preview(path).is_none());
    p.edit(path, "name: Đồng Tiến", "name: Đồng Tâm");
    // Moved to a group: its group's page and totals change.
    p.group_dong_tam();
    assert!(preview(path).is_none());
    p.edit(path, "group: tran-yen\n", "");
    assert!(preview(path).is_some());

    // A new file copying another's id: two communes of one id, which the whole check refuses.
    let copy = "content/communes/dong-tam-ban-sao.yaml";
    p.write(copy, format!("id: dong-tam\n{}", p.read(path)));
    assert!(preview(copy).is_none());
    p.remove(copy);

    // A commune the last build did not have.
    p.write(
        "content/communes/tan-thinh.yaml",
        "name: Tân Thịnh\nkind: xã\nsource: nguon-a\n",
    );
    assert!(preview("content/communes/tan-thinh.yaml").is_none());

    // Errors: the file does not parse; a figure names an unknown model.
    p.edit(path, "count: 25", "count: [25");
    assert!(preview(path).is_none());
    p.edit(path, "count: [25", "count: 25");
    p.edit(path, "model: camera-an-ninh", "model: camera-an-nin");
    assert!(preview(path).is_none());
    // A file that is gone.
    assert!(preview("content/communes/khong-co.yaml").is_none());
}

#[test]
fn no_preview_of_a_commune_whose_texts_draw_charts() {
    // A chart comparing communes would compare the saved commune with none.
    let p = TestProject::good();
    let path = "content/communes/dong-tam.yaml";
    let chart = "summary: |\n  Xem.\n\n  {{ chart(kind=\"compare\", model=\"camera-an-ninh\") }}\n";
    p.write(path, format!("{chart}{}", p.read(path)));
    let (known, _) = whole(p.path());
    assert!(baocao::preview_communes(p.path(), &[path.to_owned()], &known).is_none());
}

#[test]
fn a_link_to_a_commune_elsewhere_does_not_stop_the_preview() {
    // Without the other communes the link looks broken: an error of another file, which
    // the whole check would find if it were one.
    let p = TestProject::good();
    let page = "content/pages/gioi-thieu.md";
    p.write(
        page,
        format!("{}\n[Phường 2](../communes/phuong-2.html)\n", p.read(page)),
    );
    let path = "content/communes/dong-tam.yaml";
    let (known, site) = whole(p.path());
    let pages = baocao::preview_communes(p.path(), &[path.to_owned()], &known).unwrap();
    assert!(pages[0].1.as_bytes() == site["communes/dong-tam.html"]);
}

#[test]
fn the_preview_counts_the_communes_years_as_the_whole_report_does() {
    // Above a bound, the count splits data files by year, which a commune's charts link to.
    let p = TestProject::good();
    let (known, _) = whole(p.path());
    let path = "content/communes/phuong-2.yaml";
    p.write(
        path,
        "name: Phường 2\nkind: phường\nsource: nguon-a\nyears:\n\
         - year: 2023\n  models:\n  - model: camera-an-ninh\n    count: 30\n\
         - year: 2022\n  models:\n  - model: camera-an-ninh\n    count: 12\n",
    );
    let (project, _) = baocao::load::load_communes_only(p.path(), &[path.to_owned()]);
    let preview = baocao::report::build_preview(&project, &known).unwrap();
    let checked = baocao::check(p.path());
    let whole = checked.report.as_ref().unwrap();
    assert_eq!(preview.commune_years, whole.commune_years);
    assert_eq!(preview.all_years, whole.all_years);
}
