//! `baocao diff`: two fixture folders with known changes in all three formats, identical
//! versions, git revisions of a temporary repository, and versions that cannot be read.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{TestProject, copy_dir, fixture, run_in};

/// `tests/fixtures/diff-new` is `diff-old` (a copy of `good`) with these changes.
const EXPECTED_TEXT: &str = r#"old: tests/fixtures/diff-old — passes validation, 0 warnings
new: tests/fixtures/diff-new — passes validation, 0 warnings

Added:
  year 2024
  commune Phường 3 (phuong-3)
  model Bóng điện an ninh (bong-dien-an-ninh)
  source Báo cáo C (nguon-c)

Removed:
  commune Phường 10 (phuong-10)

Renamed:
  commune phuong-2: Phường 2 → Phường Hai

Figures (9 changed):
  2023 · Camera an ninh · Giá trị đầu tư: 10 tỷ đồng → 12,5 tỷ đồng (+2,5 tỷ đồng, +25%)
  2024 · Buổi phát động: không có số liệu → 240
  Đồng Tâm · 2022 · Camera an ninh: 23 → 25 (+2, +8,7%)
  Đồng Tâm · 2023 · Địa bàn chỉ đạo điểm: không có số liệu → 2
  Đồng Tâm · 2023 · Điểm chữa cháy công cộng: 4 (source: nguon-b → nguon-a)
  Đồng Tâm · 2023 · Nguồn tin: 9 → 7 (-2, -22,2%)
  Đồng Tâm · 2023 · Nguồn tin có giá trị: 4 → không có số liệu
  Đồng Tâm · 2023 · Thôn, tổ dân phố đạt "An toàn về ANTT": 9/10 (90%) → 10/10 (100%)
  Phường 3 · 2023 · Camera an ninh: không có số liệu → 5

Details (7 changed):
  Đồng Tâm · 2023 · Điểm chữa cháy công cộng · Ghi chú số liệu: theo báo cáo B → không có
  Đồng Tâm · Mã đơn vị hành chính: 04261 → 04262
  Phường 3 · Loại: không có → Phường
  Phường 10 · Loại: Phường → không có
  Mô hình Bóng điện an ninh · Đơn vị: không có → bóng
  Nguồn nguon-c · Nơi đăng: không có → Báo C
  Nguồn nguon-c · Số thứ tự: không có → 3

Texts (2 changed):
  2023 · Tình hình:
    + Phong trào được duy trì ở mọi địa bàn.
  Dương Thành · Tóm tắt:
    +
    + Xã đang tổng hợp số liệu năm 2024.
"#;

const EXPECTED_MARKDOWN: &str = r#"## Data changes: `tests/fixtures/diff-old` → `tests/fixtures/diff-new`

| | Version | Validation |
|---|---|---|
| Old | `tests/fixtures/diff-old` | passes validation, 0 warnings |
| New | `tests/fixtures/diff-new` | passes validation, 0 warnings |

### Added

- year 2024
- commune Phường 3 (`phuong-3`)
- model Bóng điện an ninh (`bong-dien-an-ninh`)
- source Báo cáo C (`nguon-c`)

### Removed

- commune Phường 10 (`phuong-10`)

### Renamed

- commune `phuong-2`: Phường 2 → Phường Hai

### Figures (9 changed)

| Figure | Old | New | Change |
|---|--:|--:|---|
| 2023 · Camera an ninh · Giá trị đầu tư | 10 tỷ đồng | 12,5 tỷ đồng | +2,5 tỷ đồng, +25% |
| 2024 · Buổi phát động | không có số liệu | 240 |  |
| Đồng Tâm · 2022 · Camera an ninh | 23 | 25 | +2, +8,7% |
| Đồng Tâm · 2023 · Địa bàn chỉ đạo điểm | không có số liệu | 2 |  |
| Đồng Tâm · 2023 · Điểm chữa cháy công cộng | 4 | 4 | source: nguon-b → nguon-a |
| Đồng Tâm · 2023 · Nguồn tin | 9 | 7 | -2, -22,2% |
| Đồng Tâm · 2023 · Nguồn tin có giá trị | 4 | không có số liệu |  |
| Đồng Tâm · 2023 · Thôn, tổ dân phố đạt "An toàn về ANTT" | 9/10 (90%) | 10/10 (100%) |  |
| Phường 3 · 2023 · Camera an ninh | không có số liệu | 5 |  |

### Details (7 changed)

| Field | Old | New |
|---|---|---|
| Đồng Tâm · 2023 · Điểm chữa cháy công cộng · Ghi chú số liệu | theo báo cáo B | không có |
| Đồng Tâm · Mã đơn vị hành chính | 04261 | 04262 |
| Phường 3 · Loại | không có | Phường |
| Phường 10 · Loại | Phường | không có |
| Mô hình Bóng điện an ninh · Đơn vị | không có | bóng |
| Nguồn nguon-c · Nơi đăng | không có | Báo C |
| Nguồn nguon-c · Số thứ tự | không có | 3 |

### Texts (2 changed)

**2023 · Tình hình**

```diff
+ Phong trào được duy trì ở mọi địa bàn.
```

**Dương Thành · Tóm tắt**

```diff
+
+ Xã đang tổng hợp số liệu năm 2024.
```
"#;

#[test]
fn the_reviewing_guide_shows_the_real_output() {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/reviewing.md");
    let guide = fs::read_to_string(guide).unwrap();
    assert!(
        guide.contains(EXPECTED_MARKDOWN),
        "docs/reviewing.md: update the example"
    );
    assert!(
        guide.contains(EXPECTED_TEXT),
        "docs/reviewing.md: update the example"
    );
}

/// Runs `baocao diff` from the crate's folder, so the fixtures' paths print short.
fn diff_fixtures(args: &[&str]) -> common::Run {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = vec!["diff", "tests/fixtures/diff-old", "tests/fixtures/diff-new"];
    all.extend(args);
    run_in(root, &all, &[])
}

#[test]
fn text_lists_exactly_the_known_changes() {
    let run = diff_fixtures(&[]);
    run.expect_code(1);
    assert_eq!(run.stdout, EXPECTED_TEXT);
    assert_eq!(run.stderr, "");
}

#[test]
fn markdown_lists_exactly_the_known_changes() {
    let run = diff_fixtures(&["--format", "markdown"]);
    run.expect_code(1);
    assert_eq!(run.stdout, EXPECTED_MARKDOWN);
}

#[test]
fn vietnamese_headings_under_lang_vi() {
    let run = diff_fixtures(&["--lang", "vi"]);
    run.expect_code(1);
    for needle in [
        "bản cũ: tests/fixtures/diff-old — hợp lệ, 0 cảnh báo",
        "bản mới: tests/fixtures/diff-new — hợp lệ, 0 cảnh báo",
        "Thêm:\n  năm 2024\n  xã, phường Phường 3 (phuong-3)",
        "Bỏ:\n  xã, phường Phường 10 (phuong-10)",
        "Đổi tên:\n  xã, phường phuong-2: Phường 2 → Phường Hai",
        "Số liệu (9 thay đổi):",
        "Điểm chữa cháy công cộng: 4 (nguồn: nguon-b → nguon-a)",
        "Thông tin (7 thay đổi):",
        "Văn bản (2 thay đổi):",
    ] {
        assert!(run.stdout.contains(needle), "{needle}:\n{}", run.stdout);
    }
    let markdown = diff_fixtures(&["--lang", "vi", "--format", "markdown"]);
    for needle in [
        "## Thay đổi số liệu: `tests/fixtures/diff-old` → `tests/fixtures/diff-new`",
        "| | Phiên bản | Kiểm tra |",
        "| Cũ | `tests/fixtures/diff-old` | hợp lệ, 0 cảnh báo |",
        "### Số liệu (9 thay đổi)\n\n| Số liệu | Cũ | Mới | Thay đổi |",
        "### Thông tin (7 thay đổi)\n\n| Trường | Cũ | Mới |",
    ] {
        assert!(
            markdown.stdout.contains(needle),
            "{needle}:\n{}",
            markdown.stdout
        );
    }
}

#[test]
fn warnings_both_versions_have_are_listed_after_the_new_ones() {
    // Both versions have a figure far out of line with last year; the new one has another.
    let old = TestProject::good();
    old.edit("content/communes/dong-tam.yaml", "count: 23", "count: 2");
    let new = TestProject::good();
    new.edit("content/communes/dong-tam.yaml", "count: 23", "count: 2");
    new.edit(
        "content/communes/dong-tam.yaml",
        "villages: { safe: 9, total: 10 }",
        "villages: { safe: 3, total: 30 }",
    );
    for lang in ["en", "vi"] {
        let run = new.run(&["--lang", lang, "diff", old.path().to_str().unwrap()]);
        run.expect_code(1);
        let (new_heading, still_heading, warning) = if lang == "en" {
            (
                "⚠ To check: 1 new warning",
                "Warnings the old version had too: 1 warning",
                "warning: `camera-an-ninh` went from 2 in 2022 to 25 in 2023",
            )
        } else {
            (
                "⚠ Cần kiểm tra: 1 cảnh báo mới",
                "Cảnh báo bản cũ cũng có: 1 cảnh báo",
                "cảnh báo: `camera-an-ninh` từ 2 năm 2022 thành 25 năm 2023",
            )
        };
        let at_new = run.stdout.find(new_heading).expect(new_heading);
        let at_still = run.stdout.find(still_heading).expect(still_heading);
        let at_warning = run.stdout.find(warning).expect(warning);
        assert!(at_new < at_still && at_still < at_warning, "{}", run.stdout);
        assert!(
            run.stdout[at_new..at_still].contains("3 of 30")
                || run.stdout[at_new..at_still].contains("3/30"),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn json_lists_exactly_the_known_changes() {
    let run = diff_fixtures(&["--format", "json"]);
    run.expect_code(1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["identical"], false);
    for side in ["old", "new"] {
        assert_eq!(json[side]["passes"], true);
        assert_eq!(json[side]["errors"].as_array().unwrap().len(), 0);
    }
    let entities = |list: &str| -> Vec<String> {
        json[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                format!(
                    "{} {}",
                    e["kind"].as_str().unwrap(),
                    e["id"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        entities("added"),
        [
            "year 2024",
            "commune phuong-3",
            "model bong-dien-an-ninh",
            "source nguon-c"
        ]
    );
    assert_eq!(entities("removed"), ["commune phuong-10"]);
    assert_eq!(json["renamed"][0]["old"], "Phường 2");
    assert_eq!(json["renamed"][0]["new"], "Phường Hai");

    let figures = json["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 9);
    let figure = |key: &str| {
        figures
            .iter()
            .find(|f| f["key"] == key)
            .unwrap_or_else(|| panic!("no figure {key}"))
    };
    let camera = figure("commune/dong-tam/2022/model/camera-an-ninh");
    assert_eq!(camera["label"], "Đồng Tâm · 2022 · Camera an ninh");
    assert_eq!(camera["old"]["value"], 23);
    assert_eq!(camera["new"]["value"], 25);
    assert_eq!(camera["new"]["format"], "count");
    assert_eq!(camera["new"]["source"], "nguon-a");
    let removed = figure("commune/dong-tam/2023/campaign/valuable-tips");
    assert_eq!(removed["old"]["value"], 4);
    assert!(removed["new"].is_null());
    let villages = figure("commune/dong-tam/2023/villages");
    assert_eq!(villages["new"]["value"]["safe"], 10);
    assert_eq!(villages["new"]["format"], "ratio");
    let money = figure("year/2023/model/camera-an-ninh/value");
    assert_eq!(money["new"]["value"], 12_500_000_000u64);
    assert_eq!(money["new"]["format"], "money");

    assert_eq!(json["details"].as_array().unwrap().len(), 7);
    let texts = json["texts"].as_array().unwrap();
    assert_eq!(texts.len(), 2);
    assert_eq!(texts[0]["key"], "year/2023/narrative");
    assert_eq!(
        texts[0]["lines"],
        serde_json::json!([{ "added": "Phong trào được duy trì ở mọi địa bàn." }])
    );
}

#[test]
fn identical_versions_exit_zero() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = run_in(
        root,
        &["diff", "tests/fixtures/good", "tests/fixtures/diff-old"],
        &[],
    );
    run.expect_code(0);
    assert!(
        run.stdout.ends_with("\nNo differences in the data.\n"),
        "{}",
        run.stdout
    );
    let run = run_in(
        root,
        &[
            "diff",
            "tests/fixtures/good",
            "tests/fixtures/diff-old",
            "--format",
            "json",
        ],
        &[],
    );
    run.expect_code(0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["identical"], true);
}

#[test]
fn new_defaults_to_the_project_at_root() {
    let p = TestProject::from_fixture("diff-new");
    let old = fixture("diff-old");
    let run = p.run(&["diff", old.to_str().unwrap()]);
    run.expect_code(1);
    assert!(
        run.stdout.contains("new: working tree — passes validation"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Đồng Tâm · 2022 · Camera an ninh: 23 → 25 (+2, +8,7%)")
    );
}

/// Runs git in `dir` with a fixed identity, so that it works on a machine without one.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Baocao Test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git must be installed to run the tests");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn revisions_of_a_git_repository() {
    // The project sits in a sub-folder of the repository, as it may in real use.
    let repo = tempfile::tempdir().unwrap();
    let root = repo.path().join("bao-cao");
    copy_dir(&fixture("good"), &root);
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-q", "-m", "first"]);
    let dong_tam = root.join("content/communes/dong-tam.yaml");
    let text = fs::read_to_string(&dong_tam).unwrap();
    fs::write(&dong_tam, text.replacen("count: 25", "count: 26", 1)).unwrap();
    let line = "Đồng Tâm · 2023 · Camera an ninh: 25 → 26 (+1, +4%)";

    let run = run_in(&root, &["diff", "HEAD"], &[]);
    run.expect_code(1);
    assert!(run.stdout.starts_with("old: HEAD ("), "{}", run.stdout);
    assert!(run.stdout.contains("new: working tree — passes validation"));
    assert!(run.stdout.contains(line), "{}", run.stdout);

    git(repo.path(), &["commit", "-q", "-a", "-m", "second"]);
    run_in(&root, &["diff", "HEAD"], &[]).expect_code(0);
    // Revisions are read into the temporary folder and leave nothing behind there.
    let tmp = tempfile::tempdir().unwrap();
    let env = [("TMPDIR", tmp.path().to_str().unwrap())];
    for args in [&["diff", "HEAD~1"][..], &["diff", "HEAD~1", "HEAD"]] {
        let run = run_in(&root, args, &env);
        run.expect_code(1);
        assert!(run.stdout.starts_with("old: HEAD~1 ("), "{}", run.stdout);
        let figures: Vec<&str> = run.stdout.lines().filter(|l| l.contains(" → ")).collect();
        assert_eq!(figures, [format!("  {line}")], "{}", run.stdout);
    }
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
    let project: Vec<_> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(project, ["content"], "the project folder was written to");
}

#[test]
fn an_unknown_revision_is_a_clear_error() {
    let p = TestProject::good();
    git(p.path(), &["init", "-q"]);
    git(p.path(), &["add", "."]);
    git(p.path(), &["commit", "-q", "-m", "first"]);
    let run = p.run(&["diff", "v2023"]);
    run.expect_code(2).expect_stderr(&[
        "error: `v2023` is neither a folder nor a revision of the git repository in",
        "git log --oneline",
    ]);
    assert_eq!(run.stdout, "");
}

#[test]
fn a_revision_outside_a_git_repository_is_a_clear_error() {
    let p = TestProject::good();
    // Keep git from finding a repository around the temporary folder.
    let ceiling = p.path().parent().unwrap().to_str().unwrap().to_owned();
    let run = p.run_env(
        &["diff", "HEAD~1"],
        &[("GIT_CEILING_DIRECTORIES", &ceiling)],
    );
    run.expect_code(2).expect_stderr(&[
        "error: `HEAD~1` is not a folder, and",
        "is not in a git repository, so it cannot be a revision either",
        "hint: pass the folder of that version of the report",
    ]);
    let vi = p.run_env(
        &["--lang", "vi", "diff", "HEAD~1"],
        &[("GIT_CEILING_DIRECTORIES", &ceiling)],
    );
    vi.expect_code(2).expect_stderr(&[
        "lỗi: `HEAD~1` không phải thư mục, và",
        "không nằm trong kho git nào, nên cũng không thể là một phiên bản",
        "gợi ý: hãy chỉ ra thư mục của bản báo cáo đó",
    ]);
}

#[test]
fn a_folder_without_content_is_a_clear_error() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = run_in(root, &["diff", "tests/fixtures"], &[]);
    run.expect_code(2)
        .expect_stderr(&["error: tests/fixtures holds no `content/` folder"]);
}

#[test]
fn a_version_that_fails_validation_is_reported_and_not_compared() {
    let p = TestProject::good();
    p.edit(
        "content/communes/dong-tam.yaml",
        "count: 25",
        "count: nhiều",
    );
    let good = fixture("good");
    let run = p.run(&["diff", good.to_str().unwrap()]);
    run.expect_code(1);
    assert!(
        run.stdout.contains(
            "new: working tree — fails validation: 1 error, 0 warnings\n    \
             content/communes/dong-tam.yaml:9:16: error: expected a number, found the text \"nhiều\""
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with(
        "\nThe data cannot be compared until both versions pass validation (run `baocao check`).\n"
    ));
    let run = p.run(&["diff", good.to_str().unwrap(), "--format", "markdown"]);
    run.expect_code(1);
    assert!(
        run.stdout
            .contains("| New | `working tree` | **fails validation: 1 error, 0 warnings** |"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let p = TestProject::good();
    p.run(&["diff", "HEAD", "--format", "html"])
        .expect_code(2)
        .expect_stderr(&["unknown format `html`: use text, markdown or json"]);
}

/// Terminal escape sequences and direction overrides typed into content reach neither
/// `check` nor `diff` raw: they could erase a line or reorder "23 → 2.300" on the reviewer's
/// screen.
#[test]
fn control_characters_from_content_are_shown_escaped() {
    let old = TestProject::good();
    let new = TestProject::good();
    new.edit(
        "content/communes/dong-tam.yaml",
        "name: Đồng Tâm",
        "name: Đồng Tâm\nsummary: \"Đã lắp\\e[1A\\e[2K\\u202E camera\"",
    );
    new.edit("content/communes/dong-tam.yaml", "count: 25", "count: 2500");
    let run = run_in(new.path(), &["diff", old.path().to_str().unwrap()], &[]);
    assert!(!run.stdout.contains('\u{1b}'), "{:?}", run.stdout);
    assert!(!run.stdout.contains('\u{202e}'), "{:?}", run.stdout);
    for shown in [
        "Đã lắp\\u{1b}[1A\\u{1b}[2K\\u{202e} camera",
        "Đồng Tâm · 2023 · Camera an ninh: 25 → 2.500",
    ] {
        assert!(run.stdout.contains(shown), "{shown}:\n{}", run.stdout);
    }
    // In a name, they are refused, and the error shows them escaped.
    new.edit(
        "content/communes/dong-tam.yaml",
        "name: Đồng Tâm",
        "name: \"Đồng Tâm\\e[2K\"",
    );
    let run = new.run(&["check"]);
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    run.expect_stderr(&["the name \"Đồng Tâm\\u{1b}[2K\" holds an invisible character (U+001B)"]);
    // A raw escape byte in a file is a YAML error; its line is shown escaped too.
    new.write(
        "content/communes/dong-tam.yaml",
        "name: \"Đồng \u{1b}[2K Tâm\"\nkind: phường\n",
    );
    let run = new.run(&["check"]);
    run.expect_code(1);
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    assert!(run.stderr.contains("Đồng \\u{1b}[2K Tâm"), "{}", run.stderr);
}
