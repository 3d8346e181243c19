//! Broken projects: each must fail with exit status 1 and an error that names the file,
//! the line and column, what is wrong and how to fix it; the previous output stays as it was.

mod common;

use common::{TestProject, snapshot};

const DONG_TAM: &str = "content/communes/dong-tam.yaml";
const YEAR: &str = "content/years/2023.yaml";
const SITE: &str = "content/site.yaml";

/// Runs `check` and `build` on the project and expects both to fail with `needles` in stderr.
fn fails(project: &TestProject, needles: &[&str]) {
    project
        .run(&["check"])
        .expect_code(1)
        .expect_stderr(needles);
    let build = project.run(&["build"]);
    build
        .expect_code(1)
        .expect_stderr(needles)
        .expect_stderr(&["nothing was written"]);
    assert!(!project.output().exists(), "a failed build wrote output");
}

#[test]
fn yaml_syntax_error() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "name: Đồng Tâm", "name: [Đồng Tâm");
    fails(&p, &[&format!("{DONG_TAM}:1:")]);
}

#[test]
fn tab_indentation() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "  - year: 2022", "\t- year: 2022");
    fails(&p, &[DONG_TAM, "tab"]);
}

#[test]
fn text_where_a_number_belongs() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "count: 25", "count: nhiều");
    fails(
        &p,
        &[&format!(
            "{DONG_TAM}:9:16: error: expected a number, found the text \"nhiều\""
        )],
    );
}

#[test]
fn unknown_field_suggests_the_near_miss() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "name: Đồng Tâm", "nmae: Đồng Tâm");
    fails(
        &p,
        &[
            &format!("{DONG_TAM}:1:1: error: unknown field `nmae`"),
            "hint: did you mean `name`?",
        ],
    );
}

#[test]
fn duplicate_key() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "kind: phường\n", "kind: phường\nkind: xã\n");
    fails(
        &p,
        &[
            &format!("{DONG_TAM}:3:1: error: duplicate mapping key"),
            "only once",
        ],
    );
}

#[test]
fn missing_required_field() {
    let p = TestProject::good();
    p.edit("content/communes/phuong-2.yaml", "name: Phường 2\n", "");
    fails(
        &p,
        &["content/communes/phuong-2.yaml:1:1: error: missing field `name`"],
    );
}

#[test]
fn unknown_unit_kind() {
    let p = TestProject::good();
    p.edit("content/communes/duong-thanh.yaml", "kind: xã", "kind: xa");
    fails(
        &p,
        &["content/communes/duong-thanh.yaml:2:7: error: unknown variant `xa`"],
    );
}

#[test]
fn invalid_id() {
    let p = TestProject::good();
    p.edit(
        DONG_TAM,
        "name: Đồng Tâm\n",
        "name: Đồng Tâm\nid: Dong_Tam\n",
    );
    fails(
        &p,
        &[
            &format!("{DONG_TAM}:2:5: error: the id `Dong_Tam` is not valid"),
            "dong-tam",
        ],
    );
}

#[test]
fn duplicate_explicit_ids_across_files() {
    let p = TestProject::good();
    p.edit(
        "content/communes/phuong-2.yaml",
        "name: Phường 2\n",
        "name: Phường 2\nid: phuong-10\n",
    );
    fails(
        &p,
        &[
            "content/communes/phuong-2.yaml:2:5: error: the commune id `phuong-10` is already used by content/communes/phuong-10.yaml",
        ],
    );
}

#[test]
fn names_that_collide_without_diacritics() {
    let p = TestProject::good();
    p.write(
        "content/communes/tan-thanh.yaml",
        "name: Tân Thành\nkind: xã\n",
    );
    p.write(
        "content/communes/tan-thanh-2.yaml",
        "name: Tân Thạnh\nkind: xã\n",
    );
    fails(
        &p,
        &[
            "content/communes/tan-thanh.yaml:1:7: error: the commune names `Tân Thành` and `Tân Thạnh` (content/communes/tan-thanh-2.yaml) both become the id `tan-thanh`",
            "give one of them an explicit id",
        ],
    );
}

#[test]
fn unknown_model_reference() {
    let p = TestProject::good();
    p.edit(
        DONG_TAM,
        "model: camera-an-ninh\n        count: 25",
        "model: camera-an-nin\n        count: 25",
    );
    fails(
        &p,
        &[
            &format!("{DONG_TAM}:8:16: error: unknown model type `camera-an-nin`"),
            "did you mean `camera-an-ninh`?",
        ],
    );
}

#[test]
fn unknown_source_reference() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "source: nguon-a", "source: nguon-c");
    fails(
        &p,
        &[&format!("{DONG_TAM}:4:9: error: unknown source `nguon-c`")],
    );
}

#[test]
fn unknown_source_on_a_single_figure() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "source: nguon-b", "source: nguon-x");
    fails(
        &p,
        &[&format!(
            "{DONG_TAM}:11:16: error: unknown source `nguon-x`"
        )],
    );
}

#[test]
fn more_valuable_tips_than_tips() {
    let p = TestProject::good();
    p.edit(YEAR, "valuable_tips: 94", "valuable_tips: 194");
    fails(
        &p,
        &[&format!(
            "{YEAR}:7:18: error: `valuable_tips` (194) cannot exceed `tips` (177)"
        )],
    );
}

#[test]
fn more_safe_than_total() {
    let p = TestProject::good();
    p.edit(
        YEAR,
        "{ safe: 125, total: 127 }",
        "{ safe: 128, total: 127 }",
    );
    fails(
        &p,
        &[&format!(
            "{YEAR}:10:21: error: safe (128) cannot exceed total (127)"
        )],
    );
}

#[test]
fn negative_count() {
    let p = TestProject::good();
    p.edit(YEAR, "sessions: 226", "sessions: -226");
    fails(
        &p,
        &[&format!(
            "{YEAR}:4:13: error: a count cannot be negative, found -226"
        )],
    );
}

#[test]
fn thousands_separator_in_a_count() {
    let p = TestProject::good();
    p.edit(YEAR, "participations: 24527", "participations: 24.527");
    fails(
        &p,
        &[&format!(
            "{YEAR}:5:19: error: `24.527` groups thousands with dots, which YAML reads as a \
                 decimal number: write 24527"
        )],
    );
}

#[test]
fn absurdly_large_count() {
    let p = TestProject::good();
    p.edit(YEAR, "tips: 177", "tips: 177000000000");
    fails(
        &p,
        &[&format!(
            "{YEAR}:6:9: error: 177000000000 is implausibly large"
        )],
    );
}

#[test]
fn year_out_of_range() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "- year: 2022", "- year: 3000");
    fails(
        &p,
        &[&format!(
            "{DONG_TAM}:20:11: error: the year 3000 is outside 1945–2100"
        )],
    );
}

#[test]
fn year_file_out_of_range() {
    let p = TestProject::good();
    p.write("content/years/1900.yaml", "source: nguon-a\n");
    fails(
        &p,
        &["content/years/1900.yaml: error: the year 1900 is outside 1945–2100"],
    );
}

#[test]
fn year_listed_twice() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "- year: 2022", "- year: 2023");
    fails(
        &p,
        &[&format!(
            "{DONG_TAM}:20:11: error: the year 2023 is listed twice"
        )],
    );
}

#[test]
fn invalid_month() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "founded: \"2021-06\"", "founded: \"2021-13\"");
    fails(
        &p,
        &[&format!(
            "{DONG_TAM}:27:14: error: `2021-13` is not a valid year and month"
        )],
    );
}

#[test]
fn invalid_source_date() {
    let p = TestProject::good();
    p.edit(SITE, "date: 2023-12-31", "date: 2023-02-30");
    fails(
        &p,
        &[&format!(
            "{SITE}:12:11: error: `2023-02-30` is not a valid date"
        )],
    );
}

#[test]
fn not_utf8() {
    let p = TestProject::good();
    p.write(
        "content/communes/phuong-2.yaml",
        b"name: Ph\xb0\xf5ng 2\nkind: ph\xb0\xf5ng\n",
    );
    fails(
        &p,
        &[
            "content/communes/phuong-2.yaml:1:9: error: the file is not UTF-8 text",
            "save the file as UTF-8",
        ],
    );
}

#[test]
fn empty_file() {
    let p = TestProject::good();
    p.write("content/communes/phuong-2.yaml", "\n");
    fails(
        &p,
        &["content/communes/phuong-2.yaml: error: the file is empty"],
    );
}

#[test]
fn missing_site_file() {
    let p = TestProject::good();
    p.remove(SITE);
    fails(
        &p,
        &["content/site.yaml: error: the report has no `content/site.yaml`"],
    );
}

#[test]
fn page_without_front_matter() {
    let p = TestProject::good();
    p.write("content/pages/ghi-chu.md", "# Ghi chú\n");
    fails(
        &p,
        &["content/pages/ghi-chu.md: error: the page has no front matter"],
    );
}

#[test]
fn page_front_matter_errors_point_at_the_real_line() {
    let p = TestProject::good();
    p.edit("content/pages/gioi-thieu.md", "order: 1", "ordre: 1");
    fails(
        &p,
        &[
            "content/pages/gioi-thieu.md:3:1: error: unknown field `ordre`",
            "did you mean `order`?",
        ],
    );
}

#[test]
fn page_file_name_that_is_not_an_address() {
    let p = TestProject::good();
    p.write("content/pages/Giới thiệu.md", "---\ntitle: X\n---\n");
    fails(
        &p,
        &[
            "content/pages/Giới thiệu.md: error: the file name `Giới thiệu.md` cannot be a page address",
            "gioi-thieu.md",
        ],
    );
}

#[test]
fn photo_missing_and_alt_empty() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "file: anh/cho.svg", "file: anh/cho.jpg");
    p.edit(DONG_TAM, "alt: Cổng chợ Đồng Tâm", "alt: \"\"");
    fails(
        &p,
        &[
            &format!("{DONG_TAM}:38:11: error: the photo `anh/cho.jpg` is not in content/static/"),
            &format!("{DONG_TAM}:40:10: error: the photo has an empty `alt` text"),
        ],
    );
}

#[test]
fn total_smaller_than_additions() {
    let p = TestProject::good();
    p.edit(YEAR, "total: 953", "total: 200");
    fails(
        &p,
        &[&format!(
            "{YEAR}:14:12: error: the total (200) is smaller than what was added this year (292)"
        )],
    );
}

#[test]
fn broken_template_override() {
    let p = TestProject::good();
    p.write(
        "templates/commune.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ commune.full_name | upper }}</h1>\n{{ commune.nosuchfield }}\n{% endblock main %}\n",
    );
    // `check` finds it too, although only rendering a commune's page shows it.
    for command in ["check", "build"] {
        p.run(&[command])
            .expect_code(1)
            .expect_stderr(&["templates/commune.html:4:", "nosuchfield"]);
    }
    assert!(!p.output().exists());
}

#[test]
fn template_syntax_error() {
    let p = TestProject::good();
    p.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{% if %}\n{% endblock main %}\n",
    );
    p.run(&["build"])
        .expect_code(1)
        .expect_stderr(&["templates/page.html:3:"]);
}

#[test]
fn every_error_is_reported_not_just_the_first() {
    let p = TestProject::good();
    p.edit(YEAR, "valuable_tips: 94", "valuable_tips: 194");
    p.edit(DONG_TAM, "source: nguon-a", "source: nguon-c");
    p.write("content/communes/phuong-2.yaml", "\n");
    let run = p.run(&["check"]);
    run.expect_code(1).expect_stderr(&[
        "content/communes/phuong-2.yaml: error: the file is empty",
        "unknown source `nguon-c`",
        "`valuable_tips` (194) cannot exceed",
        "3 errors",
    ]);
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let before = snapshot(&p.output());
    p.edit(YEAR, "tips: 177", "tips: 17");
    p.run(&["build"]).expect_code(1);
    assert_eq!(before, snapshot(&p.output()));
    let leftovers: Vec<_> = std::fs::read_dir(p.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-") || n.contains(".old-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn output_folders_that_would_destroy_the_project_are_refused() {
    let p = TestProject::good();
    for output in ["content", "templates", ".", "content/site"] {
        let target = p.path().join(output);
        let run = p.run(&["build", "--output", target.to_str().unwrap()]);
        run.expect_code(2)
            .expect_stderr(&["refusing to write the site"]);
    }
    p.run(&["build", "--output", "/"]).expect_code(2);
    assert!(p.path().join("content/site.yaml").exists());
}

#[test]
fn usage_errors_exit_with_2() {
    let p = TestProject::good();
    assert_eq!(p.run(&["biuld"]).code, 2);
    assert_eq!(p.run(&["build", "--no-such-flag"]).code, 2);
}

#[test]
fn two_files_for_one_year() {
    let p = TestProject::good();
    p.write("content/years/2023.yml", "source: nguon-a\n");
    fails(
        &p,
        &[
            "content/years/2023.yml: error: content/years/2023.yaml already holds the figures of 2023",
        ],
    );
}

#[test]
fn two_site_files() {
    let p = TestProject::good();
    p.write("content/site.yml", "title: X\nlocality: Y\nagency: Z\n");
    fails(
        &p,
        &["content/site.yml: error: there is already content/site.yaml"],
    );
}

/// One root cause, one error: a typo in `site.yaml` does not make every citation of every
/// commune look unknown, and a commune file that cannot be read does not make the area's
/// totals look wrong.
#[test]
fn errors_that_follow_from_an_unreadable_file_are_not_repeated() {
    let p = TestProject::good();
    p.edit("content/site.yaml", "title:", "titel:");
    let run = p.run(&["check"]);
    run.expect_code(1);
    assert_eq!(run.stderr.matches(": error:").count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("content/site.yaml:"), "{}", run.stderr);

    let p = TestProject::good();
    p.edit(
        "content/communes/dong-tam.yaml",
        "count: 25",
        "count: nhiều",
    );
    let run = p.run(&["check"]);
    run.expect_code(1);
    assert_eq!(run.stderr.matches(": error:").count(), 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.matches(": warning:").count(),
        0,
        "{}",
        run.stderr
    );
}
