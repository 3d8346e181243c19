//! `baocao new` makes a project that checks and previews at once, whose example figures
//! `build` refuses to publish, and refuses a folder in use;
//! `baocao completions` prints a script.

mod common;

use std::fs;

use common::run_in;

#[test]
fn a_new_project_checks_but_its_examples_are_not_published() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("bao-cao");
    let dir_arg = dir.to_str().unwrap();
    run_in(temp.path(), &["new", dir_arg], &[]).expect_code(0);

    let check = run_in(&dir, &["check"], &[]);
    check.expect_code(0);
    assert!(
        check
            .stdout
            .starts_with("ok: 1 commune, 1 model type, 1 year, 1 page; 2 warnings"),
        "{}",
        check.stdout
    );
    check.expect_stderr(&[
        "content/communes/vi-du.yaml:6:10: warning: the figures of this file are the examples \
         of `baocao new`, not real ones: they cannot be published",
        "delete the line `example: true`",
    ]);
    let build = run_in(&dir, &["--lang", "vi", "build"], &[]);
    build.expect_code(1).expect_stderr(&[
        "content/communes/vi-du.yaml:6:10: lỗi: số liệu trong tệp này là số ví dụ",
        "content/years/",
        "hãy thay bằng số liệu thật rồi xóa dòng `example: true`",
    ]);
    assert!(!dir.join("output").exists(), "nothing is published");
    // Once the figures are real and the lines deleted, the site builds.
    unmark_examples(&dir);
    run_in(&dir, &["build"], &[]).expect_code(0);
    let commune = fs::read_to_string(dir.join("output/communes/vi-du.html")).unwrap();
    assert!(
        commune.contains("ví dụ"),
        "the page says its figures are examples"
    );
    assert!(dir.join("README.md").is_file());

    for entry in walkdir::WalkDir::new(dir.join("content")) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = fs::read_to_string(&path).unwrap();
            assert!(
                text.starts_with("# yaml-language-server: $schema="),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn the_locality_may_hold_any_text() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("du-an");
    let locality = "Huyện \"Thử\": Nghiệm # 1";
    run_in(
        temp.path(),
        &["new", dir.to_str().unwrap(), "--locality", locality],
        &[],
    )
    .expect_code(0);
    unmark_examples(&dir);
    run_in(&dir, &["build"], &[]).expect_code(0);
    let index = fs::read_to_string(dir.join("output/index.html")).unwrap();
    assert!(
        index.contains("Huyện &quot;Thử&quot;: Nghiệm # 1"),
        "{index}"
    );
    assert!(index.contains("Công an huyện &quot;Thử&quot;: Nghiệm # 1"));
}

#[test]
fn the_police_as_locality_is_not_doubled_and_git_is_set_up() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("tran-yen");
    let created = run_in(
        temp.path(),
        &[
            "--lang",
            "vi",
            "new",
            dir.to_str().unwrap(),
            "--locality",
            "Công an huyện Trấn Yên",
        ],
        &[],
    );
    created.expect_code(0);
    assert!(
        created.stdout.starts_with("đã tạo dự án báo cáo trong "),
        "{}",
        created.stdout
    );
    let site = fs::read_to_string(dir.join("content/site.yaml")).unwrap();
    assert!(site.contains("locality: \"Huyện Trấn Yên\""), "{site}");
    assert!(
        site.contains("agency: \"Công an huyện Trấn Yên\""),
        "{site}"
    );
    unmark_examples(&dir);
    run_in(&dir, &["build"], &[]).expect_code(0);
    let index = fs::read_to_string(dir.join("output/index.html")).unwrap();
    assert!(index.contains("Công an huyện Trấn Yên"));
    assert!(!index.to_lowercase().contains("công an công an"), "{index}");

    // git takes output/ as generated, and leaves out schemas and office lock files.
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(&dir)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    git(&["init", "-q"]);
    let attributes = git(&["check-attr", "-a", "output/index.html"]);
    assert!(
        attributes.contains("linguist-generated: true"),
        "{attributes}"
    );
    assert!(attributes.contains("diff: unset"), "{attributes}");
    fs::create_dir(dir.join("schemas")).unwrap();
    fs::write(dir.join("schemas/site.schema.json"), "{}").unwrap();
    fs::write(dir.join("~$so-lieu.xlsx"), "").unwrap();
    let untracked = git(&["status", "--porcelain", "--untracked-files=all"]);
    assert!(untracked.contains("README.md"), "{untracked}");
    assert!(!untracked.contains("schemas/"), "{untracked}");
    assert!(!untracked.contains("~$"), "{untracked}");
}

#[test]
fn the_guides_a_new_project_points_to_exist() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("du-an");
    run_in(temp.path(), &["new", dir.to_str().unwrap()], &[]).expect_code(0);
    let readme = fs::read_to_string(dir.join("README.md")).unwrap();
    let guides: Vec<&str> = readme
        .split('`')
        .filter(|part| part.starts_with("docs/") && part.ends_with(".md"))
        .collect();
    assert!(
        guides.contains(&"docs/vi/dinh-dang-noi-dung.md"),
        "{readme}"
    );
    for guide in guides {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(guide);
        assert!(
            path.is_file(),
            "the README of `new` points to {guide}, which is missing"
        );
    }
}

#[test]
fn a_folder_in_use_is_refused() {
    let temp = tempfile::tempdir().unwrap();
    fs::write(temp.path().join("notes.txt"), "keep me").unwrap();
    run_in(temp.path(), &["new", temp.path().to_str().unwrap()], &[])
        .expect_code(2)
        .expect_stderr(&["is not empty", "nothing was written"]);
    assert_eq!(fs::read_dir(temp.path()).unwrap().count(), 1);

    let file = temp.path().join("notes.txt");
    run_in(temp.path(), &["new", file.to_str().unwrap()], &[])
        .expect_code(2)
        .expect_stderr(&["is a file, not a folder"]);
}

#[test]
fn completions_are_printed_for_a_shell() {
    let temp = tempfile::tempdir().unwrap();
    let run = run_in(temp.path(), &["completions", "bash"], &[]);
    run.expect_code(0);
    assert!(run.stdout.contains("_baocao()"), "{}", run.stdout);
    assert!(run.stdout.contains("serve"));
}

/// Deletes the `example: true` lines, as a user does once the figures are real.
fn unmark_examples(dir: &std::path::Path) {
    for entry in walkdir::WalkDir::new(dir.join("content")) {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, text.replace("example: true\n", "")).unwrap();
        }
    }
}
