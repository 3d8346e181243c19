//! Messages people can act on: in Vietnamese by default or when the site or `--lang` asks for
//! it, in English with `--lang en` or `language: en`, and as JSON lines for editors and CI.

mod common;

use std::process::Command;

use common::{Run, TestProject};
use serde_json::Value;

const DONG_TAM: &str = "content/communes/dong-tam.yaml";
const SITE: &str = "content/site.yaml";

/// Runs the binary exactly with `args`: no `--lang` unless given.
fn run(project: &TestProject, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .arg("--root")
        .arg(project.path())
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A copy of the good fixture with five kinds of mistake, each in its own file.
fn broken() -> TestProject {
    let p = TestProject::good();
    p.edit(DONG_TAM, "name: Đồng Tâm", "nmae: Đồng Tâm");
    p.edit(
        "content/communes/duong-thanh.yaml",
        "kind: xã",
        "kind: xã: phường",
    );
    p.write(
        "content/communes/phuong-10.yaml",
        "name: Phường 10\nkind: phường\nyears:\n  - year: 2023\n    models:\n      - model: camera-an-nin\n",
    );
    p.write(
        "content/communes/phuong-2.yaml",
        b"name: Ph\xc6\xb0\xe1\xbb\x9dng 2\nkind: ph\xfd\xf4ng\n",
    );
    p.edit(
        "content/years/2023.yaml",
        "valuable_tips: 94",
        "valuable_tips: 400",
    );
    p
}

const VIETNAMESE: &[&str] = &[
    "content/communes/dong-tam.yaml:1:1: lỗi: không có trường nào tên `nmae` ở đây",
    "gợi ý: có phải bạn muốn viết `name`?",
    "content/communes/duong-thanh.yaml:2:7: lỗi: giá trị sau `kind:` có `: `, mà YAML hiểu là bắt đầu một trường khác",
    "gợi ý: hãy đặt cả giá trị trong dấu nháy kép: `kind: \"xã: phường\"`",
    "content/communes/phuong-10.yaml:6:16: lỗi: không có loại mô hình nào có id `camera-an-nin`",
    "gợi ý: có phải bạn muốn viết `camera-an-ninh`?",
    "content/communes/phuong-2.yaml:2:9: lỗi: tệp không phải văn bản UTF-8",
    "gợi ý: hãy lưu tệp dưới dạng UTF-8",
    "content/years/2023.yaml:7:18: lỗi: `valuable_tips` (400) không thể lớn hơn `tips` (177)",
    "gợi ý: `valuable_tips` là một phần của `tips`; hãy kiểm tra lại cả hai số",
];

const ENGLISH: &[&str] = &[
    "content/communes/dong-tam.yaml:1:1: error: unknown field `nmae`",
    "hint: did you mean `name`?",
    "content/communes/duong-thanh.yaml:2:7: error: the text after `kind:` holds `: `, which YAML reads as another field",
    "hint: put the whole text in double quotes: `kind: \"xã: phường\"`",
    "content/communes/phuong-10.yaml:6:16: error: unknown model type `camera-an-nin`",
    "hint: did you mean `camera-an-ninh`?",
    "content/communes/phuong-2.yaml:2:9: error: the file is not UTF-8 text",
    "hint: save the file as UTF-8",
    "content/years/2023.yaml:7:18: error: `valuable_tips` (400) cannot exceed `tips` (177)",
    "hint: `valuable_tips` counts part of `tips`; check both figures",
];

#[test]
fn vietnamese_is_the_default() {
    let p = broken();
    run(&p, &["check"]).expect_code(1).expect_stderr(VIETNAMESE);
    run(&p, &["check"])
        .expect_stderr(&["lỗi và 0 cảnh báo: hãy sửa các lỗi ở trên rồi chạy lại `baocao check`"]);
    let build = run(&p, &["build"]);
    build.expect_code(1).expect_stderr(VIETNAMESE);
    build.expect_stderr(&["chưa ghi gì; thư mục kết quả trước vẫn nguyên vẹn"]);
    assert!(!build.stderr.contains("error:"), "{}", build.stderr);
    assert!(
        !build.stderr.contains("nothing was written"),
        "{}",
        build.stderr
    );
}

#[test]
fn english_with_lang_en() {
    let p = broken();
    let run = run(&p, &["--lang", "en", "check"]);
    run.expect_code(1).expect_stderr(ENGLISH);
    assert!(!run.stderr.contains("lỗi"), "{}", run.stderr);
}

#[test]
fn the_site_language_chooses_unless_lang_is_given() {
    let p = broken();
    p.edit(SITE, "title:", "language: en\ntitle:");
    run(&p, &["check"]).expect_code(1).expect_stderr(ENGLISH);
    run(&p, &["--lang", "vi", "check"])
        .expect_code(1)
        .expect_stderr(VIETNAMESE);
    p.edit(SITE, "language: en", "language: vi");
    run(&p, &["check"]).expect_code(1).expect_stderr(VIETNAMESE);
    run(&p, &["check", "--lang", "en"])
        .expect_code(1)
        .expect_stderr(ENGLISH);
}

#[test]
fn a_site_file_that_does_not_load_still_sets_the_language() {
    let p = TestProject::good();
    p.edit(SITE, "title:", "language: en\ntitel: x\ntitle:");
    run(&p, &["check"])
        .expect_code(1)
        .expect_stderr(&["content/site.yaml:2:1: error: unknown field `titel`"]);
}

/// Reads standard output as JSON lines; standard error must be empty.
fn json_lines(run: &Run) -> Vec<Value> {
    assert_eq!(run.stderr, "", "JSON mode writes nothing on standard error");
    run.stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{line:?}: {e}")))
        .collect()
}

#[test]
fn json_lines_carry_every_diagnostic_and_the_summary_on_stdout() {
    let p = broken();
    for (lang, message, summary) in [
        (
            "vi",
            "không có trường nào tên `nmae` ở đây",
            "5 lỗi và 0 cảnh báo: hãy sửa",
        ),
        (
            "en",
            "unknown field `nmae`, expected one of ",
            "5 errors and 0 warnings: fix the errors above",
        ),
    ] {
        let run = run(&p, &["--message-format", "json", "--lang", lang, "check"]);
        run.expect_code(1);
        let lines = json_lines(&run);
        assert_eq!(lines.len(), 6, "{}", run.stdout);
        let (last, diagnostics) = lines.split_last().unwrap();
        for line in diagnostics {
            let keys: Vec<&str> = line
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(
                keys,
                [
                    "reason", "severity", "file", "line", "column", "message", "hint"
                ]
            );
            assert_eq!(line["reason"], "diagnostic");
        }
        let first = &lines[0];
        assert_eq!(first["severity"], "error");
        assert_eq!(first["file"], DONG_TAM);
        assert_eq!(
            (first["line"].as_u64(), first["column"].as_u64()),
            (Some(1), Some(1))
        );
        assert!(
            first["message"].as_str().unwrap().starts_with(message),
            "{first}"
        );
        assert_eq!(last["reason"], "summary");
        assert_eq!(last["ok"], false);
        assert_eq!(
            (last["errors"].as_u64(), last["warnings"].as_u64()),
            (Some(5), Some(0))
        );
        assert!(
            last["message"].as_str().unwrap().starts_with(summary),
            "{last}"
        );
    }
}

#[test]
fn json_warnings_and_whole_file_errors() {
    let p = TestProject::good();
    p.write("content/notes.txt", "ghi chú");
    let run = run(&p, &["--message-format=json", "check"]);
    run.expect_code(0);
    let lines = json_lines(&run);
    let warning = &lines[0];
    assert_eq!(warning["severity"], "warning");
    assert_eq!(warning["file"], "content/notes.txt");
    assert_eq!(
        (warning["line"].as_u64(), warning["column"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(
        warning["message"],
        "tệp này không thuộc báo cáo nên được bỏ qua"
    );
    assert!(
        warning["hint"]
            .as_str()
            .unwrap()
            .starts_with("tệp nội dung phải nằm ở")
    );
    assert_eq!(lines[1]["reason"], "summary");
    assert_eq!(lines[1]["ok"], true);
    assert_eq!(
        lines[1]["message"],
        "ổn: 4 xã, phường, 2 loại mô hình, 2 năm, 1 trang; 1 cảnh báo"
    );
    assert_eq!(lines.len(), 2);
}

#[test]
fn json_build_says_what_it_wrote_and_what_went_wrong() {
    let p = TestProject::good();
    let built = run(&p, &["--message-format", "json", "--lang", "en", "build"]);
    built.expect_code(0);
    let lines = json_lines(&built);
    assert_eq!(lines.len(), 1, "{}", built.stdout);
    assert_eq!(lines[0]["reason"], "summary");
    assert_eq!(lines[0]["ok"], true);
    assert!(lines[0]["added"].as_array().unwrap().len() > 10);
    assert!(
        lines[0]["message"].as_str().unwrap().starts_with("built "),
        "{}",
        lines[0]
    );
    // A folder baocao refuses to write: the reason, as the failed summary.
    let refused = run(
        &p,
        &["--message-format", "json", "build", "--output", "content"],
    );
    refused.expect_code(2);
    let lines = json_lines(&refused);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["ok"], false);
    assert!(
        lines[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("không ghi trang web vào "),
        "{}",
        lines[0]
    );
    // A stale output under --check lists the files.
    p.edit(DONG_TAM, "count: 25", "count: 26");
    let stale = run(&p, &["--message-format", "json", "build", "--check"]);
    stale.expect_code(1);
    let lines = json_lines(&stale);
    assert_eq!(lines.last().unwrap()["ok"], false);
    assert!(
        lines.last().unwrap()["changed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "communes/dong-tam.html"),
        "{}",
        stale.stdout
    );
}

#[test]
fn unknown_languages_and_formats_are_usage_errors() {
    let p = TestProject::good();
    run(&p, &["--lang", "fr", "check"]).expect_code(2);
    run(&p, &["--message-format", "xml", "check"]).expect_code(2);
}

#[test]
fn the_help_is_in_the_language_of_the_messages() {
    let p = TestProject::good();
    // Vietnamese by default (the fixture's site is Vietnamese).
    let vi = run(&p, &["build", "--help"]);
    vi.expect_code(0);
    for needle in [
        "Kiểm tra nội dung và dựng trang web vào thư mục kết quả.",
        "Cách dùng: baocao build [OPTIONS]",
        "Nơi ghi trang web [mặc định: ROOT/output].",
        "Thư mục dự án báo cáo (chứa `content/`). [mặc định: .]",
        "[giá trị: human, json]",
    ] {
        assert!(vi.stdout.contains(needle), "{needle}:\n{}", vi.stdout);
    }
    assert!(!vi.stdout.contains("Options:"), "{}", vi.stdout);
    // `--lang en`, or an English site.
    let en = run(&p, &["--lang", "en", "build", "--help"]);
    assert!(en.stdout.contains("Usage: baocao build"), "{}", en.stdout);
    p.edit(SITE, "title:", "language: en\ntitle:");
    let site = run(&p, &["--help"]);
    assert!(site.stdout.contains("Usage: baocao"), "{}", site.stdout);
    let asked = run(&p, &["--lang=vi", "--help"]);
    assert!(
        asked.stdout.contains("Cách dùng: baocao"),
        "{}",
        asked.stdout
    );
    // `baocao help COMMAND` too.
    let help = run(&p, &["--lang", "vi", "help", "serve"]);
    help.expect_code(0);
    assert!(
        help.stdout.contains("Cách dùng: baocao serve"),
        "{}",
        help.stdout
    );
    assert!(help.stdout.contains("Cổng để nghe"), "{}", help.stdout);
    run(&p, &["--lang", "vi", "help", "biuld"])
        .expect_code(2)
        .expect_stderr(&["lỗi: baocao không có lệnh `biuld`"]);
    // Mistakes on the command line, too.
    run(&p, &["--lang", "vi", "biuld"])
        .expect_code(2)
        .expect_stderr(&[
            "lỗi: baocao không có lệnh `biuld`",
            "gợi ý: có phải bạn muốn viết `build`?",
        ]);
    run(&p, &["--lang", "vi", "--message-format", "xml", "check"])
        .expect_code(2)
        .expect_stderr(&[
            "lỗi: `xml` không phải giá trị hợp lệ của `--message-format",
            "gợi ý: các giá trị được chấp nhận: human, json",
        ]);
    run(&p, &["--lang", "vi", "build", "--ouput", "x"])
        .expect_code(2)
        .expect_stderr(&["lỗi: không có tùy chọn `--ouput`", "`--output`"]);
    run(&p, &["--lang", "en", "biuld"])
        .expect_code(2)
        .expect_stderr(&["error: unrecognized subcommand 'biuld'"]);
}
