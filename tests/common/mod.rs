//! A small builder for CLI tests: copy a fixture project to a temporary folder, change it,
//! run the `baocao` binary on it, and look at what it printed and wrote.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

/// A throw-away copy of a fixture project.
pub struct TestProject {
    dir: TempDir,
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts the exit code, showing the output when it differs.
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "unexpected exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts that standard error contains every one of `needles`.
    pub fn expect_stderr(&self, needles: &[&str]) -> &Self {
        for needle in needles {
            assert!(
                self.stderr.contains(needle),
                "stderr lacks {needle:?}:\n{}",
                self.stderr
            );
        }
        self
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file below `dir`, by relative path, with its bytes.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

impl TestProject {
    /// A copy of `tests/fixtures/good`.
    pub fn good() -> Self {
        Self::from_fixture("good")
    }

    pub fn from_fixture(name: &str) -> Self {
        let dir = tempfile::Builder::new()
            .prefix("baocao-test")
            .tempdir()
            .unwrap();
        copy_dir(&fixture(name), dir.path());
        TestProject { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn output(&self) -> PathBuf {
        self.path().join("output")
    }

    /// Writes (or replaces) a file of the project.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path().join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
        self
    }

    /// Replaces the first `from` with `to` in a file; `from` must be there.
    pub fn edit(&self, relative: &str, from: &str, to: &str) -> &Self {
        let path = self.path().join(relative);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        fs::write(path, text.replacen(from, to, 1)).unwrap();
        self
    }

    /// Puts Đồng Tâm in a group of its own, Huyện Trấn Yên (`content/groups/tran-yen.yaml`).
    pub fn group_dong_tam(&self) -> &Self {
        self.write(
            "content/groups/tran-yen.yaml",
            "name: Trấn Yên\nkind: huyện\n",
        );
        let path = "content/communes/dong-tam.yaml";
        self.write(path, format!("group: tran-yen\n{}", self.read(path)))
    }

    pub fn remove(&self, relative: &str) -> &Self {
        fs::remove_file(self.path().join(relative)).unwrap();
        self
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    /// Runs `baocao --root <project> ARGS`.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.path(), args, &[])
    }

    /// Runs with extra environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        run_in(self.path(), args, env)
    }
}

/// Runs `baocao --root <root> ARGS`, with messages in English unless ARGS choose a `--lang`.
pub fn run_in(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baocao"));
    command.arg("--root").arg(root);
    if !args.iter().any(|a| a.starts_with("--lang")) {
        command.args(["--lang", "en"]);
    }
    command.args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every file the checked project renders to, by path.
pub fn rendered(checked: baocao::Checked) -> std::collections::BTreeMap<String, Vec<u8>> {
    let files = std::sync::Mutex::new(std::collections::BTreeMap::new());
    let sink = |path: &str, file: baocao::render::OutputFile| {
        let bytes = match file {
            baocao::render::OutputFile::Bytes(bytes) => bytes,
            baocao::render::OutputFile::Copy(from) => std::fs::read(from).unwrap(),
        };
        files.lock().unwrap().insert(path.to_owned(), bytes);
        Ok::<(), ()>(())
    };
    let (outcome, diagnostics) = baocao::render_checked(checked, &[], &sink);
    assert!(
        matches!(outcome, baocao::Outcome::Rendered(_)),
        "{diagnostics:?}"
    );
    files.into_inner().unwrap()
}
