//! Hostile and accidental bad input: every case ends with a clear message and never a panic;
//! a failed or killed build never loses the previous output.

mod common;

use common::{Run, TestProject, snapshot};

const DONG_TAM: &str = "content/communes/dong-tam.yaml";

fn no_panic(run: &Run) {
    assert!(!run.stderr.contains("panicked"), "panic:\n{}", run.stderr);
    assert!(
        run.code == 0 || run.code == 1 || run.code == 2,
        "crashed with {}:\n{}",
        run.code,
        run.stderr
    );
}

/// Writes `text` as the Đồng Tâm file and expects `check` to fail with every needle.
fn rejects(text: impl AsRef<[u8]>, needles: &[&str]) {
    let p = TestProject::good();
    p.write(DONG_TAM, text);
    let run = p.run(&["check"]);
    no_panic(&run);
    run.expect_code(1).expect_stderr(needles);
}

#[test]
fn a_file_over_the_size_limit() {
    let big = format!(
        "name: Đồng Tâm\nkind: phường\nsummary: \"{}\"\n",
        "a".repeat(3 * 1024 * 1024)
    );
    let message = format!(
        "{DONG_TAM}: error: the file is {} bytes; the limit is 2097152 bytes (2 MiB)",
        big.len()
    );
    rejects(big, &[&message]);
}

#[test]
fn an_alias_bomb() {
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
        bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    rejects(bomb, &[DONG_TAM]);
}

#[test]
fn deep_nesting() {
    let deep = format!(
        "name: Đồng Tâm\nkind: phường\nsummary: {}1{}\n",
        "[".repeat(200),
        "]".repeat(200)
    );
    rejects(deep, &[DONG_TAM]);
}

#[test]
fn year_zero() {
    rejects(
        "name: Đồng Tâm\nkind: phường\nyears:\n  - year: 0\n",
        &[&format!(
            "{DONG_TAM}:4:11: error: the year 0 is outside 1945–2100"
        )],
    );
}

#[test]
fn a_list_where_a_mapping_belongs() {
    rejects(
        "name: Đồng Tâm\nkind: phường\nchief:\n  - Trung tá\n",
        &[&format!("{DONG_TAM}:4:")],
    );
}

#[test]
fn text_where_a_list_belongs() {
    rejects(
        "name: Đồng Tâm\nkind: phường\nyears: 2023\n",
        &[&format!("{DONG_TAM}:3:")],
    );
}

/// `count:` with nothing after it is the same as no `count`: no data, never 0.
#[test]
fn an_empty_value_for_a_figure_is_an_error_not_no_data() {
    // No data is a key left out; a key with nothing after it is a figure not typed yet.
    for (old, new, at, en, vi) in [
        (
            "count: 25",
            "count:",
            "9:14",
            "expected a number, found nothing (delete the field if there is no figure)",
            "ở đây cần một số nhưng chưa ghi gì; nếu không có số liệu, hãy xóa trường này",
        ),
        (
            "participations: 1530",
            "participations:",
            "14:21",
            "expected a number, found nothing",
            "ở đây cần một số nhưng chưa ghi gì",
        ),
        (
            "commune: true",
            "commune:",
            "18:14",
            "expected `true` or `false`, found nothing",
            "ở đây cần `true` (đạt) hoặc `false` (không đạt) nhưng chưa ghi gì",
        ),
        (
            "villages: { safe: 9, total: 10 }",
            "villages:",
            "19:15",
            "expected `{ safe: …, total: … }`, found nothing",
            "ở đây cần `{ safe: …, total: … }` nhưng chưa ghi gì",
        ),
    ] {
        let p = TestProject::good();
        p.edit(DONG_TAM, old, new);
        let run = p.run(&["build"]);
        no_panic(&run);
        run.expect_code(1)
            .expect_stderr(&[&format!("{DONG_TAM}:{at}: error: {en}")]);
        assert!(!p.output().exists(), "nothing is published");
        p.run(&["--lang", "vi", "check"])
            .expect_code(1)
            .expect_stderr(&[&format!("{DONG_TAM}:{at}: lỗi: {vi}")]);
    }
    let p = TestProject::good();
    p.edit("content/years/2023.yaml", "total: 953", "total:");
    p.run(&["check"])
        .expect_code(1)
        .expect_stderr(&["content/years/2023.yaml:14:10: error: expected a number, found nothing"]);
}

#[test]
fn yes_is_not_a_boolean() {
    rejects(
        "name: Đồng Tâm\nkind: phường\nyears:\n  - year: 2023\n    attainment:\n      commune: yes\n",
        &[&format!("{DONG_TAM}:6:")],
    );
}

#[test]
fn a_mapping_figure_without_value() {
    rejects(
        "name: Đồng Tâm\nkind: phường\nyears:\n  - year: 2023\n    models:\n      - model: camera-an-ninh\n        count: { source: nguon-a }\n",
        &["missing field `value`"],
    );
}

#[test]
fn a_mapping_figure_with_an_unknown_field() {
    rejects(
        "name: Đồng Tâm\nkind: phường\nyears:\n  - year: 2023\n    models:\n      - model: camera-an-ninh\n        count: { valeu: 3 }\n",
        &["unknown field `valeu`", "did you mean `value`?"],
    );
}

#[test]
fn two_yaml_documents_in_one_file() {
    rejects(
        "name: Đồng Tâm\nkind: phường\n---\nname: Khác\nkind: xã\n",
        &[DONG_TAM],
    );
}

#[test]
fn a_lone_byte_order_mark_is_an_empty_file() {
    rejects(
        "\u{feff}",
        &[&format!("{DONG_TAM}: error: the file is empty")],
    );
}

#[test]
fn control_characters() {
    rejects("name: \"Đồng\u{0}Tâm\"\nkind: phường\n", &[DONG_TAM]);
}

#[test]
fn an_unterminated_quote() {
    rejects("name: \"Đồng Tâm\nkind: phường\n", &[DONG_TAM]);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_inside_content() {
    let p = TestProject::good();
    std::os::unix::fs::symlink("../communes", p.path().join("content/communes/loop")).unwrap();
    let run = p.run(&["check"]);
    no_panic(&run);
    run.expect_code(0)
        .expect_stderr(&["content/communes/loop: warning: symbolic links are not followed"]);
}

#[test]
fn a_folder_where_a_file_belongs() {
    let p = TestProject::good();
    std::fs::create_dir_all(p.path().join("content/communes/nested/deeper")).unwrap();
    p.write(
        "content/communes/nested/deeper/x.yaml",
        "name: X\nkind: xã\n",
    );
    let run = p.run(&["check"]);
    no_panic(&run);
    run.expect_code(0).expect_stderr(&[
        "content/communes/nested/deeper/x.yaml: warning: this file is not part of the report",
    ]);
}

#[test]
fn a_page_with_unclosed_front_matter() {
    let p = TestProject::good();
    p.write("content/pages/mo.md", "---\ntitle: Mở\nNội dung\n");
    let run = p.run(&["check"]);
    no_panic(&run);
    run.expect_code(1)
        .expect_stderr(&["content/pages/mo.md: error: the page has no front matter"]);
}

#[test]
fn a_page_that_is_not_utf8() {
    let p = TestProject::good();
    p.write("content/pages/cu.md", b"---\ntitle: C\xe1\n---\n");
    let run = p.run(&["check"]);
    no_panic(&run);
    run.expect_code(1)
        .expect_stderr(&["content/pages/cu.md:2:9: error: the file is not UTF-8 text"]);
}

#[test]
fn a_page_with_crlf_and_a_bom_works() {
    let p = TestProject::good();
    p.write(
        "content/pages/crlf.md",
        "\u{feff}---\r\ntitle: Dòng Windows\r\n---\r\nNội dung **đậm**.\r\n",
    );
    let run = p.run(&["build"]);
    no_panic(&run);
    run.expect_code(0);
    assert!(
        p.read("output/pages/crlf.html")
            .contains("<strong>đậm</strong>")
    );
}

#[test]
fn a_runtime_error_in_a_template_override() {
    let p = TestProject::good();
    p.write(
        "templates/sources.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ 1 / 0 }}\n{% endblock main %}\n",
    );
    let run = p.run(&["build"]);
    no_panic(&run);
    run.expect_code(1)
        .expect_stderr(&["templates/sources.html:3:"]);
}

#[test]
fn an_unknown_chart_in_a_template_names_the_template_line() {
    let p = TestProject::good();
    p.write("templates/campaign.html", "{% extends \"base.html\" %}\n{% block main %}\n\n{{ chart(kind=\"pie\") }}\n{% endblock main %}\n");
    let run = p.run(&["build"]);
    no_panic(&run);
    run.expect_code(1)
        .expect_stderr(&["templates/campaign.html:4:", "unknown chart kind `pie`"]);
}

#[test]
fn output_inside_content_is_refused() {
    let p = TestProject::good();
    let target = p.path().join("content/static/site");
    let run = p.run(&["build", "--output", target.to_str().unwrap()]);
    no_panic(&run);
    run.expect_code(2)
        .expect_stderr(&["refusing to write the site"]);
    assert!(!target.exists());
}

/// A write that fails half-way leaves the previous output byte for byte, and no temporary folder.
#[test]
fn a_failure_in_the_middle_of_writing_loses_nothing() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let before = snapshot(&p.output());
    p.edit(DONG_TAM, "count: 25", "count: 26");
    let run = p.run_env(
        &["build"],
        &[("BAOCAO_FAIL_WRITING", "models/camera-an-ninh.html")],
    );
    no_panic(&run);
    run.expect_code(1)
        .expect_stderr(&["injected failure", "the previous output is unchanged"]);
    assert_eq!(before, snapshot(&p.output()));
    let leftovers: Vec<String> = std::fs::read_dir(p.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".output."))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // The next build succeeds and carries the change.
    p.run(&["build"]).expect_code(0);
    assert!(
        p.read("output/communes/dong-tam.html")
            .contains("<td>26<sup")
    );
}

/// A build killed while writing leaves a temporary folder; the next build removes it, but
/// never a folder of the user's that only looks like one.
#[test]
fn a_stale_temporary_folder_is_cleaned_up() {
    let p = TestProject::good();
    let stale = p.path().join(".output.tmp-4242");
    std::fs::create_dir_all(stale.join("communes")).unwrap();
    std::fs::write(stale.join(".baocao-staging"), "").unwrap();
    std::fs::write(stale.join("communes/half.html"), "<p>half").unwrap();
    let mine = p.path().join(".output.old-notes");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("ghi-chu.txt"), "của tôi").unwrap();
    p.run(&["build"]).expect_code(0);
    assert!(!stale.exists());
    assert!(p.output().join("index.html").exists());
    assert_eq!(
        std::fs::read_to_string(mine.join("ghi-chu.txt")).unwrap(),
        "của tôi"
    );
}

#[test]
fn photos_get_their_size_and_unknown_images_are_errors() {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    assert!(p.read("output/communes/dong-tam.html").contains(
        "<img src=\"../static/anh/cho.svg\" alt=\"Cổng chợ Đồng Tâm\" width=\"10\" height=\"10\" loading=\"lazy\">"
    ));
    p.write("content/static/anh/cho.svg", "not an image");
    let run = p.run(&["check"]);
    no_panic(&run);
    run.expect_code(1).expect_stderr(&[&format!(
        "{DONG_TAM}:38:11: error: cannot read the size of the image `anh/cho.svg`"
    )]);
}

/// A build replaces its whole output folder, so it never takes over a folder of other files.
#[test]
fn a_folder_of_other_files_is_never_replaced() {
    let p = TestProject::good();
    let precious = p.path().join("precious");
    std::fs::create_dir_all(&precious).unwrap();
    std::fs::write(precious.join("thesis.docx"), "x").unwrap();
    let run = p.run(&["build", "--output", precious.to_str().unwrap()]);
    no_panic(&run);
    run.expect_code(2)
        .expect_stderr(&["holds files that baocao did not write"]);
    assert!(precious.join("thesis.docx").exists());

    let file = p.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    p.run(&["build", "--output", file.to_str().unwrap()])
        .expect_code(2)
        .expect_stderr(&["it is a file, not a folder"]);

    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&precious, p.path().join("output")).unwrap();
        p.run(&["build"])
            .expect_code(2)
            .expect_stderr(&["it is a symbolic link"]);
        assert!(precious.join("thesis.docx").exists());
    }

    // An empty folder is fine, and so is a folder baocao wrote before.
    let empty = p.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    p.run(&["build", "--output", empty.to_str().unwrap()])
        .expect_code(0);
    p.run(&["build", "--output", empty.to_str().unwrap()])
        .expect_code(0);
    assert!(empty.join(".baocao-output").is_file());
}

#[test]
fn check_reports_template_errors_too() {
    let p = TestProject::good();
    p.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{% if %}\n{% endblock main %}\n",
    );
    let run = p.run(&["check"]);
    no_panic(&run);
    run.expect_code(1)
        .expect_stderr(&["templates/page.html:3:"]);
}

#[test]
fn an_enormous_whole_number_is_too_large_not_fractional() {
    rejects(
        "name: Đồng Tâm\nkind: phường\nyears:\n  - year: 2023\n    models:\n      - model: camera-an-ninh\n        count: 99999999999999999999999\n",
        &["is implausibly large for a count"],
    );
}

#[test]
fn a_kind_typed_without_diacritics_gets_a_suggestion() {
    let p = TestProject::good();
    p.edit(
        "content/communes/phuong-2.yaml",
        "kind: phường",
        "kind: phuong",
    );
    let run = p.run(&["check"]);
    no_panic(&run);
    run.expect_code(1).expect_stderr(&[
        "content/communes/phuong-2.yaml:2:7: error: unknown variant `phuong`",
        "hint: did you mean `phường`?",
    ]);
}

/// A name pasted 10.000 times is refused at once with the file, line and column; a long but
/// allowed name builds, its chart labels shortened with "…".
#[test]
fn a_hundred_thousand_letter_name_is_refused_quickly() {
    let p = TestProject::good();
    let huge = "Tân Thành ".repeat(10_000);
    p.write(
        "content/communes/dai.yaml",
        format!("id: dai\nname: {}\nkind: xã\n", huge.trim_end()),
    );
    let started = std::time::Instant::now();
    let run = p.run(&["build"]);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    no_panic(&run);
    run.expect_code(1).expect_stderr(&[
        "content/communes/dai.yaml:2:7: error: this name is 99999 characters long; a name may have at most 200",
        "hint: write the short official name here",
    ]);
    let long = "Tân Thành ".repeat(19);
    p.write(
        "content/communes/dai.yaml",
        format!("id: dai\nname: {}\nkind: xã\nyears:\n  - year: 2023\n    models:\n      - model: camera-an-ninh\n        count: 3\n", long.trim_end()),
    );
    let started = std::time::Instant::now();
    p.run(&["build"]).expect_code(0);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert!(
        p.read("output/models/camera-an-ninh.html")
            .contains("Tân Thành Tân")
    );
}

/// Small things that went by without a word: a named pipe among the content (which would
/// block a read forever), an override whose name matches no template, a project folder that
/// does not exist (a usage error, exit 2), and a big SVG whose first 256 KiB end inside a
/// Vietnamese letter.
#[test]
fn pipes_unused_overrides_missing_roots_and_cut_letters() {
    let p = TestProject::good();
    let fifo = p.path().join("content/communes/pipe.yaml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    p.write("templates/comune.html", "{% extends \"base.html\" %}");
    let run = p.run(&["check"]);
    no_panic(&run);
    run.expect_code(0).expect_stderr(&[
        "content/communes/pipe.yaml: warning: this is not a regular file (a pipe, socket or device) and is ignored",
        "templates/comune.html: warning: no built-in template is called `comune.html` and no template includes it: this file changes nothing",
        "hint: did you mean `commune.html`?",
    ]);
    std::fs::remove_file(&fifo).unwrap();

    let missing = p.path().join("khong-co");
    let run = common::run_in(&missing, &["check"], &[]);
    run.expect_code(2)
        .expect_stderr(&["does not exist: check the path after --root"]);

    // The 256 KiB header of this SVG ends in the middle of "ộ".
    let mut svg =
        String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><desc>");
    while svg.len() < 256 * 1024 - 1 {
        svg.push('a');
    }
    svg.push_str("ộ</desc></svg>");
    assert!(!svg.is_char_boundary(256 * 1024));
    p.write("content/static/anh/cho.svg", &svg);
    p.run(&["build"]).expect_code(0);
}

/// What passed `check` and then failed `build`: an id taken by a list page, and an amount of
/// money too large for a page to show. `check` reports both now.
#[test]
fn check_finds_what_build_would_fail_on() {
    let p = TestProject::good();
    p.edit(DONG_TAM, "name: Đồng Tâm", "id: index\nname: Đồng Tâm");
    p.edit(
        "content/years/2023.yaml",
        "value_vnd: 10000000000",
        "value_vnd: 10000000000000000000",
    );
    let run = p.run(&["check"]);
    no_panic(&run);
    run.expect_code(1).expect_stderr(&[
        "content/communes/dong-tam.yaml:1:5: error: the id `index` is taken by the list page of its folder",
        "hint: give it another id, for example `id: index-1`",
        "content/years/2023.yaml:",
        "is implausibly large for an amount of money",
    ]);
}
