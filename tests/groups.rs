//! Issue 13: groups of communes (`content/groups/<id>.yaml`, a commune's `group:`): checked
//! references, a page per group with its communes and totals, the commune list grouped, and
//! breadcrumbs area → group → commune.

mod common;

use common::TestProject;

const DONG_TAM: &str = "content/communes/dong-tam.yaml";

/// The good fixture with two districts: Đồng Tâm and Phường 2 in Trấn Yên, Phường 10 in
/// Văn Yên; Dương Thành in none.
fn grouped() -> TestProject {
    let p = TestProject::good();
    p.write(
        "content/groups/tran-yen.yaml",
        "name: Trấn Yên\nkind: huyện\n",
    );
    p.write(
        "content/groups/van-yen.yaml",
        "name: Văn Yên\nkind: huyện\n",
    );
    for (file, group) in [
        ("dong-tam", "tran-yen"),
        ("phuong-2", "tran-yen"),
        ("phuong-10", "van-yen"),
    ] {
        let path = format!("content/communes/{file}.yaml");
        let text = p.read(&path);
        p.write(&path, format!("group: {group}\n{text}"));
    }
    p
}

#[test]
fn a_commune_naming_an_unknown_group_is_an_error() {
    let p = grouped();
    p.edit(DONG_TAM, "group: tran-yen", "group: tran-yn");
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        "content/communes/dong-tam.yaml:1:8: error: there is no group `tran-yn` in content/groups/",
        "hint: did you mean `tran-yen`?",
    ]);
    p.run(&["--lang", "vi", "check"])
        .expect_stderr(&["lỗi: không có nhóm `tran-yn` trong content/groups/"]);
    p.edit(DONG_TAM, "group: tran-yn", "group: tran-yen");
    p.run(&["check"]).expect_code(0);
}

#[test]
fn a_group_has_a_page_with_its_communes_and_their_totals() {
    let p = grouped();
    // Phường 2 reports 5 cameras in 2023, beside Đồng Tâm's 25.
    let text = p.read("content/communes/phuong-2.yaml");
    p.write(
        "content/communes/phuong-2.yaml",
        format!("{text}years:\n  - year: 2023\n    models:\n      - model: camera-an-ninh\n        count: 5\n"),
    );
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/groups/tran-yen.html");
    assert!(page.contains("<h1>Huyện Trấn Yên</h1>"), "{page}");
    for commune in ["Phường Đồng Tâm", "Phường 2"] {
        assert!(
            page.contains(&format!(">{commune}</a></li>")),
            "{commune}: {page}"
        );
    }
    assert!(!page.contains("Phường 10"), "{page}");
    // Camera an ninh in 2023: 25 + 5 = 30, both communes reporting.
    assert!(
        page.contains(
            "Camera an ninh</a></th><td>2023</td><td class=\"num\">30 mắt camera</td><td class=\"num\">2/2</td>"
        ),
        "{page}"
    );

    // A chart compares the group's communes, and only them.
    assert!(
        page.contains(
            "<figcaption>Camera an ninh theo xã, phường của Huyện Trấn Yên, năm 2023 <a class=\"chart-link\" href=\"#bieu-do-compare-camera-an-ninh-tran-yen-2023\">Liên kết tới biểu đồ</a></figcaption>"
        ),
        "{page}"
    );
    let chart = &page[page.find("<figure class=\"chart\"").unwrap()..];
    let chart = &chart[..chart.find("</figure>").unwrap()];
    for row in [
        "<th scope=\"row\">Phường Đồng Tâm</th><td class=\"num\">25</td>",
        "<th scope=\"row\">Phường 2</th><td class=\"num\">5</td>",
    ] {
        assert!(chart.contains(row), "{row}: {chart}");
    }
    assert!(
        !chart.contains("Phường 10") && !chart.contains("Dương Thành"),
        "{chart}"
    );
    // Điểm chữa cháy: Đồng Tâm alone reports it, so there is nothing to compare.
    assert_eq!(page.matches("<figure class=\"chart\"").count(), 1, "{page}");

    // Đồng Tâm's campaign figures, alone in its group to report them: 12 sessions, 1 of 2.
    assert!(
        page.contains(
            "<th scope=\"row\">Buổi phát động</th><td>2023</td><td class=\"num\">12</td><td class=\"num\">1/2</td>"
        ),
        "{page}"
    );

    // The commune list names each commune's group; the commune's breadcrumb goes through it.
    let list = p.read("output/communes/index.html");
    assert!(
        list.contains("<a href=\"../groups/tran-yen.html\">Huyện Trấn Yên</a> (2)"),
        "{list}"
    );
    assert!(
        list.contains("<span class=\"nodata\">Không thuộc nhóm nào</span>"),
        "{list}"
    );
    // The data files carry the group.
    let csv = p.read("output/data/communes.csv");
    assert!(
        csv.lines().next().unwrap().ends_with(",group_id,group"),
        "{csv}"
    );
    assert!(csv.contains(",tran-yen,Huyện Trấn Yên"), "{csv}");
    let data = p.read("output/data.html");
    assert!(
        data.contains("Tên nhóm, ví dụ huyện"),
        "the column is described"
    );
    // The full report takes the communes group by group: Trấn Yên's, Văn Yên's, then the rest.
    let full = p.read("output/years/2023-full.html");
    assert!(
        full.contains("Không có số liệu được báo cáo cho: Phường 10, Xã Dương Thành."),
        "Văn Yên's Phường 10 before Dương Thành, in no group: {full}"
    );
    let commune = p.read("output/communes/dong-tam.html");
    assert!(
        commune.contains("› <a href=\"../groups/tran-yen.html\">Huyện Trấn Yên</a> › Đồng Tâm</p>"),
        "{commune}"
    );
}

#[test]
fn namesakes_in_different_groups_are_told_apart_by_their_group() {
    let p = grouped();
    p.write(
        "content/communes/phuong-1-a.yaml",
        "id: phuong-1-a\nname: \"1\"\nkind: phường\ngroup: tran-yen\ncode: \"00001\"\n",
    );
    p.write(
        "content/communes/phuong-1-b.yaml",
        "id: phuong-1-b\nname: \"1\"\nkind: phường\ngroup: van-yen\ncode: \"00002\"\n",
    );
    p.run(&["build"]).expect_code(0);
    let list = p.read("output/communes/index.html");
    assert!(list.contains(">Phường 1 (Huyện Trấn Yên)</a>"), "{list}");
    assert!(list.contains(">Phường 1 (Huyện Văn Yên)</a>"), "{list}");
}

#[test]
fn a_chart_call_naming_an_unknown_group_is_an_error() {
    let p = grouped();
    let text = p.read("content/pages/gioi-thieu.md");
    p.write(
        "content/pages/gioi-thieu.md",
        format!("{text}\n{{{{ chart(kind=\"compare\", model=\"camera-an-ninh\", group=\"tran-yn\") }}}}\n"),
    );
    let run = p.run(&["check"]);
    run.expect_code(1)
        .expect_stderr(&["there is no group `tran-yn` in content/groups/"]);
    p.edit(
        "content/pages/gioi-thieu.md",
        "group=\"tran-yn\"",
        "group=\"tran-yen\"",
    );
    p.run(&["build"]).expect_code(0);
    let page = p.read("output/pages/gioi-thieu.html");
    assert!(
        page.contains(
            "<p class=\"chart-single\">Camera an ninh theo xã, phường của Huyện Trấn Yên năm 2023: Phường Đồng Tâm 25 mắt camera."
        ),
        "one commune of the group reports cameras: a sentence, not a chart: {page}"
    );
    p.edit(
        "content/pages/gioi-thieu.md",
        "kind=\"compare\"",
        "kind=\"growth\"",
    );
    p.run(&["check"])
        .expect_code(1)
        .expect_stderr(&["`group` compares a group's communes: it goes with `compare` or `indicator-communes`, not `growth`"]);
}
