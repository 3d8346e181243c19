//! Figures that are probably typing mistakes: communes' attainment that cannot fit the
//! area's, and changes from one year to the next far out of line, in `check` and in `diff`.

mod common;

use common::TestProject;

const DONG_TAM: &str = "content/communes/dong-tam.yaml";
const YEAR: &str = "content/years/2023.yaml";

#[test]
fn a_commune_not_attained_while_the_area_says_all_did() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "commune: true", "commune: false");
    p.run(&["check"]).expect_code(0).expect_stderr(&[&format!(
        "{YEAR}:9:21: warning: in 2023, 1 of the communes' files say the commune did not attain \
         \"An toàn về ANTT\", but the area figure 15 of 15 leaves 0 that did not"
    )]);
    p.run(&["--lang", "vi", "check"])
        .expect_code(0)
        .expect_stderr(&[&format!(
            "{YEAR}:9:21: cảnh báo: 1 xã, phường ghi chưa đạt chuẩn \"An toàn về ANTT\" năm 2023, \
             nhưng số toàn địa bàn 15/15 chỉ để lại 0 đơn vị chưa đạt"
        )]);
}

#[test]
fn villages_that_cannot_fit_in_the_area_figure() {
    // 3 of 30 leaves 27 villages not attained, where the area has 2 (125 of 127).
    let p = TestProject::good();
    p.edit(
        DONG_TAM,
        "villages: { safe: 9, total: 10 }",
        "villages: { safe: 3, total: 30 }",
    );
    p.run(&["check"]).expect_code(0).expect_stderr(&[&format!(
        "{YEAR}:10:21: warning: the communes' villages that attained \"An toàn về ANTT\" in \
         2023 add up to 3 of 30, which does not fit in the area figure 125 of 127"
    )]);
    // As written, 9 of 10 fits.
    let p = TestProject::good();
    let run = p.run(&["check"]);
    assert!(!run.stderr.contains("villages"), "{}", run.stderr);
}

#[test]
fn a_figure_far_out_of_line_with_last_year_warns() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "count: 25", "count: 2500");
    p.run(&["check"]).expect_code(0).expect_stderr(&[
        &format!(
            "{DONG_TAM}:9:16: warning: `camera-an-ninh` went from 23 in 2022 to 2500 in 2023: \
             is this a typing mistake?"
        ),
        "`year_change:` in content/site.yaml sets when to warn",
    ]);
    p.run(&["--lang", "vi", "check"]).expect_stderr(&[
        "`camera-an-ninh` từ 23 năm 2022 thành 2500 năm 2023: có phải gõ nhầm không?",
    ]);

    // The area's figures too.
    let p = TestProject::good();
    p.edit("content/years/2022.yaml", "total: 900", "total: 90");
    p.run(&["check"]).expect_stderr(&[&format!(
        "{YEAR}:14:12: warning: `camera-an-ninh.total` went from 90 in 2022 to 953 in 2023"
    )]);
}

#[test]
fn the_project_sets_when_a_change_warns() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "count: 25", "count: 70");
    let run = p.run(&["check"]);
    run.expect_code(0);
    assert!(
        !run.stderr.contains("went from"),
        "×3 is within ×5: {}",
        run.stderr
    );
    let site = p.read("content/site.yaml");
    p.write(
        "content/site.yaml",
        format!("{site}year_change: {{ factor: 2, above: 10 }}\n"),
    );
    p.run(&["check"])
        .expect_code(0)
        .expect_stderr(&["`camera-an-ninh` went from 23 in 2022 to 70 in 2023"]);
}

#[test]
fn diff_marks_the_warnings_a_change_brings() {
    let old = TestProject::good();
    let new = TestProject::good();
    new.edit(DONG_TAM, "count: 25", "count: 2500");
    let run = new.run(&["diff", old.path().to_str().unwrap()]);
    run.expect_code(1);
    for needle in [
        "⚠ To check: 2 new warnings",
        "⚠ content/communes/dong-tam.yaml:9:16: warning: `camera-an-ninh` went from 23 in 2022 to 2500",
        "Camera an ninh: 25 → 2.500",
    ] {
        assert!(run.stdout.contains(needle), "{needle}:\n{}", run.stdout);
    }
    let json = new.run(&["diff", old.path().to_str().unwrap(), "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let to_check = value["to_check"].as_array().unwrap();
    assert_eq!(to_check.len(), 2, "{json:?}");
    assert_eq!(to_check[0]["file"], DONG_TAM);
    assert_eq!(to_check[0]["line"], 9);
    // Warnings both versions have are not news.
    let same = old.run(&["diff", old.path().to_str().unwrap()]);
    assert!(!same.stdout.contains("To check"), "{}", same.stdout);
}

#[test]
fn a_copied_commune_file_is_named_as_a_copy_not_given_an_id() {
    let p = TestProject::good();
    let original = p.read(DONG_TAM);
    p.write("content/communes/dong-tam - Copy.yaml", &original);
    p.write("content/communes/dong-tam (2).yaml", &original);
    let run = p.run(&["check"]);
    run.expect_code(1);
    for copy in ["dong-tam - Copy.yaml", "dong-tam (2).yaml"] {
        run.expect_stderr(&[
            &format!(
                "content/communes/{copy}:1:7: error: this file looks like a copy of \
                 {DONG_TAM}: the same record would be published twice"
            ),
            &format!("hint: delete content/communes/{copy} (or move it out of content/)"),
        ]);
    }
    assert_eq!(run.stderr.matches("error:").count(), 2, "{}", run.stderr);
    assert!(
        !run.stderr.contains("warning:"),
        "sums over communes follow from the copies: {}",
        run.stderr
    );
    p.run(&["--lang", "vi", "check"])
        .expect_stderr(&["lỗi: tệp này có vẻ là bản sao của content/communes/dong-tam.yaml"]);

    // The same text under another name is a copy too; the same name with other figures is
    // a namesake, which needs an id.
    let p = TestProject::good();
    p.write("content/communes/dong-tam-moi.yaml", &original);
    p.run(&["check"]).expect_stderr(&[
        "content/communes/dong-tam-moi.yaml:1:7: error: this file looks like a copy",
    ]);
    let p = TestProject::good();
    p.write(
        "content/communes/dong-tam-khac.yaml",
        original.replace("code: \"04261\"", "code: \"04999\""),
    );
    let run = p.run(&["check"]);
    run.expect_code(1);
    assert!(!run.stderr.contains("copy"), "{}", run.stderr);
    assert!(run.stderr.contains("`id:`"), "{}", run.stderr);
}

#[test]
fn a_look_alike_letter_in_a_name_is_named() {
    // A Cyrillic "м" (U+043C) and a zero-width space: each would make another commune.
    let p = TestProject::good();
    p.edit(DONG_TAM, "name: Đồng Tâm", "name: Đồng Tâм");
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        &format!(
            "{DONG_TAM}:1:7: error: the name \"Đồng Tâм\" holds `м` (U+043C), a letter that is \
             not in the Vietnamese alphabet"
        ),
        "hint: retype the name with a Vietnamese keyboard",
    ]);
    p.run(&["--lang", "vi", "check"]).expect_stderr(&[
        "lỗi: tên \"Đồng Tâм\" có chữ `м` (U+043C) không thuộc bảng chữ cái tiếng Việt",
    ]);
    let p = TestProject::good();
    p.edit(DONG_TAM, "name: Đồng Tâm", "name: Đồng\u{200b}Tâm");
    p.run(&["check"])
        .expect_code(1)
        .expect_stderr(&["holds an invisible character (U+200B)"]);
}

#[test]
fn numbers_are_written_with_digits_only() {
    for (written, en) in [
        (
            "0x19",
            "`0x19` is not written with the digits 0–9 only, as figures must be",
        ),
        ("0o31", "`0o31` is not written with the digits 0–9 only"),
        ("2_5", "`2_5` is not written with the digits 0–9 only"),
        ("+25", "`+25` is not written with the digits 0–9 only"),
        ("025", "`025` starts with 0: write the number without it"),
        (
            "1.000",
            "`1.000` groups thousands with dots, which YAML reads as a decimal number: write 1000",
        ),
    ] {
        let p = TestProject::good();
        p.edit(DONG_TAM, "count: 25", &format!("count: {written}"));
        p.run(&["check"])
            .expect_code(1)
            .expect_stderr(&[&format!("{DONG_TAM}:9:16: error: {en}")]);
    }
    // Read as a number, the fix names it.
    let p = TestProject::good();
    p.edit(DONG_TAM, "count: 25", "count: 0x19");
    p.run(&["check"]).expect_stderr(&["hint: write 25"]);
    p.run(&["--lang", "vi", "check"])
        .expect_stderr(&["lỗi: `0x19` không chỉ gồm các chữ số 0–9", "hãy viết 25"]);
    // A year in quotes, and a ratio and an area figure.
    let p = TestProject::good();
    p.edit(DONG_TAM, "year: 2023", "year: \"2023\"");
    p.edit(DONG_TAM, "safe: 9", "safe: +9");
    p.edit(YEAR, "sessions: 226", "sessions: 2_26");
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        &format!("{DONG_TAM}:6:11: error: `\"2023\"` is in quotes, so it is text, not a number"),
        &format!("{DONG_TAM}:19:25: error: `+9` is not written with the digits 0–9 only"),
        &format!("{YEAR}:4:13: error: `2_26` is not written with the digits 0–9 only"),
    ]);
    // The map form's value, at the value; and a group's members written as a map.
    let p = TestProject::good();
    p.edit(DONG_TAM, "{ value: 4, source", "{ value: 0x4, source");
    p.edit(
        DONG_TAM,
        "members: 41",
        "members: { value: +41, note: đầu năm }",
    );
    p.run(&["check"]).expect_code(1).expect_stderr(&[
        &format!("{DONG_TAM}:11:25: error: `0x4` is not written with the digits 0–9 only"),
        "hint: write 4",
        &format!("{DONG_TAM}:28:23: error: `+41` is not written with the digits 0–9 only"),
    ]);
}

/// A copy of the example report (15 communes) in a temporary folder.
fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &dir.path().join("content"),
    );
    dir
}

/// Gives the example's commune `id` campaign figures for `year`.
fn with_campaign(root: &std::path::Path, id: &str, year: i64, campaign: &str) {
    let path = root.join(format!("content/communes/{id}.yaml"));
    let mut text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("years:"), "{id} already has years");
    text.push_str(&format!(
        "years:\n  - year: {year}\n    campaign: {{ {campaign} }}\n"
    ));
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_commune_far_above_its_share_of_the_area_warns() {
    // 226 sessions over 15 communes is about 15 each: 120 is more than 5 times that.
    let project = example();
    with_campaign(project.path(), "dong-tam", 2023, "sessions: 120");
    let run = common::run_in(project.path(), &["check"], &[]);
    run.expect_code(0).expect_stderr(&[
        "content/communes/dong-tam.yaml:7:27: warning: `sessions` of 2023 is 120, more than 5 \
         times a commune's average (226 for the whole area over 15 communes is about 15): is \
         this a typing mistake?",
        "hint: one commune with more than 5 times its share is rare",
    ]);
    common::run_in(project.path(), &["--lang", "vi", "check"], &[]).expect_stderr(&[
        "cảnh báo: `sessions` năm 2023 là 120, gấp hơn 5 lần mức bình quân của một xã, phường \
         (toàn địa bàn 226 chia cho 15 xã, phường, khoảng 15): có phải gõ nhầm không?",
    ]);

    // 12, as meant, is within its share.
    let project = example();
    with_campaign(project.path(), "dong-tam", 2023, "sessions: 12");
    let run = common::run_in(project.path(), &["check"], &[]);
    run.expect_code(0);
    assert!(!run.stderr.contains("sessions"), "{}", run.stderr);
}

#[test]
fn without_an_area_figure_a_commune_is_compared_with_the_others() {
    // No area figures for 2022: five communes report tips, one of them 40 where the others
    // report 3 or 4.
    let project = example();
    for (id, tips) in [
        ("dong-tam", 3),
        ("gioi-phien", 4),
        ("hong-ha", 3),
        ("hop-minh", 4),
        ("minh-bao", 40),
    ] {
        with_campaign(project.path(), id, 2022, &format!("tips: {tips}"));
    }
    let run = common::run_in(project.path(), &["check"], &[]);
    run.expect_code(0).expect_stderr(&[
        "content/communes/minh-bao.yaml:",
        "warning: `tips` of 2022 is 40, more than 5 times the middle value of the 4 other \
         communes that report it (4): is this a typing mistake?",
    ]);
    assert_eq!(
        run.stderr.matches("the middle value").count(),
        1,
        "{}",
        run.stderr
    );
    common::run_in(project.path(), &["--lang", "vi", "check"], &[]).expect_stderr(&[
        "`tips` năm 2022 là 40, gấp hơn 5 lần mức giữa của 4 xã, phường khác có báo cáo số này (4)",
    ]);
}

#[test]
fn communes_campaign_figures_above_the_area_figure_warn() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "sessions: 12", "sessions: 300");
    p.run(&["check"]).expect_code(0).expect_stderr(&[&format!(
        "{YEAR}:4:13: warning: the communes report 300 for `sessions` in 2023, more than the \
         area figure 226"
    )]);
    p.run(&["--lang", "vi", "check"]).expect_stderr(&[
        "cảnh báo: các xã, phường báo cáo tổng 300 cho `sessions` năm 2023, nhiều hơn số toàn \
         địa bàn là 226",
    ]);
}
