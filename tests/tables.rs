//! Tables that rank communes can be read in another order, with or without JavaScript: each
//! order is a copy of the table, shown when its link is followed.

mod common;

use common::TestProject;

/// The rows' commune names of the table with `id` on `page`, in order.
fn rows(page: &str, id: &str) -> Vec<String> {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}: {page}"));
    let table = &page[start..start + page[start..].find("</table>").unwrap()];
    table
        .split("<th scope=\"row\">")
        .skip(1)
        .map(|row| {
            let name = &row[row.find("\">").unwrap() + 2..];
            name[..name.find('<').unwrap()].to_owned()
        })
        .collect()
}

#[test]
fn a_model_page_offers_its_communes_largest_first() {
    let p = TestProject::good();
    // Phường 2 reports 40 cameras in 2023 and Dương Thành 5, beside Đồng Tâm's 25.
    for (file, count) in [("phuong-2", 40), ("duong-thanh", 5)] {
        let path = format!("content/communes/{file}.yaml");
        let text = p.read(&path);
        assert!(!text.contains("years:"), "{path}");
        p.write(
            &path,
            format!("{text}years:\n  - year: 2023\n    models:\n      - model: camera-an-ninh\n        count: {count}\n"),
        );
    }
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/models/camera-an-ninh.html");
    assert!(page.contains("<div class=\"sortable\">"), "{page}");
    assert!(
        page.contains("<a href=\"#bang-theo-xa\">theo tên</a> · <a href=\"#bang-theo-xa-lon-nhat\">lớn nhất trước</a>"),
        "{page}"
    );
    let by_name = rows(&page, "bang-theo-xa");
    let largest = rows(&page, "bang-theo-xa-lon-nhat");
    assert_eq!(
        by_name[..3],
        ["Xã Dương Thành", "Phường Đồng Tâm", "Phường 2"]
    );
    assert_eq!(
        largest[..3],
        ["Phường 2", "Phường Đồng Tâm", "Xã Dương Thành"]
    );
    let mut same = largest.clone();
    same.sort();
    let mut names = by_name.clone();
    names.sort();
    assert_eq!(same, names, "the copy holds every row");
    assert!(page.contains("class=\"table-wrap sorted\" id=\"bang-theo-xa-lon-nhat\""));
    assert!(page.contains("(xếp từ lớn đến nhỏ)</caption>"));
    assert!(page.contains("aria-sort=\"descending\""));
    // The copy is hidden until its link is followed.
    let css = p.read("output/assets/style.css");
    assert!(css.contains(".sortable > .sorted { display: none; }"));
    assert!(css.contains(".sortable > .sorted:target { display: block; }"));
}

#[test]
fn a_table_with_one_figure_is_not_offered_in_another_order() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/models/camera-an-ninh.html");
    assert!(!page.contains("sortable"), "{page}");
    assert!(!page.contains("bang-theo-xa-lon-nhat"), "{page}");
}
