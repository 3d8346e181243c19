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
