//! Faults as they happen: two builds of one output folder at once (one of them paused), and a
//! build killed at each step of putting the new site in place. The output is never lost.

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{TestProject, snapshot};

const DONG_TAM: &str = "content/communes/dong-tam.yaml";

fn spawn_build(root: &Path, env: &[(&str, &str)]) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baocao"));
    command
        .args(["--lang", "en", "--root"])
        .arg(root)
        .arg("build")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    command.spawn().unwrap()
}

fn finish(child: Child) -> (i32, String) {
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Hidden folders a build left beside the output.
fn leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".output."))
        .collect()
}

/// The site as a sequential build makes it, in another folder.
fn reference(p: &TestProject) -> Vec<(String, Vec<u8>)> {
    let other = p.path().join("reference-site");
    let other_arg = other.to_str().unwrap().to_owned();
    p.run(&["build", "--output", &other_arg]).expect_code(0);
    let site = snapshot(&other);
    std::fs::remove_dir_all(other).unwrap();
    site
}

#[test]
fn a_second_build_waits_while_the_output_is_locked() {
    let p = TestProject::good();
    // Hold the lock a running build would hold (on the folder holding the output).
    let held = std::fs::File::open(p.path()).unwrap();
    held.lock().unwrap();
    let mut child = spawn_build(p.path(), &[]);
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the build did not wait"
    );
    assert!(!p.output().exists());
    held.unlock().unwrap();
    let (code, stderr) = finish(child);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("another baocao build is writing"),
        "{stderr}"
    );
    assert_eq!(snapshot(&p.output()), reference(&p));
}

#[test]
fn two_builds_at_once_and_a_paused_one_leave_a_whole_site() {
    let p = TestProject::good();
    for round in 0..3 {
        p.edit(
            DONG_TAM,
            &format!("count: {}", 25 + round),
            &format!("count: {}", 26 + round),
        );
        let a = spawn_build(p.path(), &[]);
        let b = spawn_build(p.path(), &[]);
        let (code_a, err_a) = finish(a);
        let (code_b, err_b) = finish(b);
        assert_eq!((code_a, code_b), (0, 0), "{err_a}\n{err_b}");
        assert_eq!(snapshot(&p.output()), reference(&p), "round {round}");
        assert!(leftovers(p.path()).is_empty(), "{:?}", leftovers(p.path()));
    }
    // A build stopped (Ctrl+Z, a paused VM) while it holds the lock: the other one waits.
    p.edit(DONG_TAM, "count: 28", "count: 40");
    let a = spawn_build(p.path(), &[]);
    let started = Instant::now();
    // Stop it as soon as it started; whatever step it is at, it holds the lock or is done.
    std::thread::sleep(Duration::from_millis(50));
    let pid = a.id().to_string();
    Command::new("kill").args(["-STOP", &pid]).status().unwrap();
    let b = spawn_build(p.path(), &[]);
    std::thread::sleep(Duration::from_millis(800));
    Command::new("kill").args(["-CONT", &pid]).status().unwrap();
    let (code_a, err_a) = finish(a);
    let (code_b, err_b) = finish(b);
    assert_eq!((code_a, code_b), (0, 0), "{err_a}\n{err_b}");
    assert!(started.elapsed() < Duration::from_secs(30));
    assert!(
        p.read("output/communes/dong-tam.html")
            .contains("<td>40<sup")
    );
    assert_eq!(snapshot(&p.output()), reference(&p));
}

/// Killed at `step` of the swap (`BAOCAO_KILL_AT`), with or without the one-step exchange:
/// the output is there (old or new site, whole), or the next build puts the old one back.
fn killed_at(step: &str, exchange: bool) {
    let p = TestProject::good();
    p.run(&["build"]).expect_code(0);
    let old_site = snapshot(&p.output());
    p.edit(DONG_TAM, "count: 25", "count: 26");
    let mut env = vec![("BAOCAO_KILL_AT", step)];
    if !exchange {
        env.push(("BAOCAO_NO_EXCHANGE", "1"));
    }
    let (code, stderr) = finish(spawn_build(p.path(), &env));
    assert_ne!(code, 0, "{step}: the build was not killed\n{stderr}");
    if p.output().exists() {
        let site = snapshot(&p.output());
        assert!(
            site == old_site || site == reference(&p),
            "{step}: the output is neither the old site nor the new one"
        );
    }
    // The next build, even one that fails, finds the site: it puts the old one back if
    // needed and says so.
    p.edit(DONG_TAM, "count: 26", "count: nhiều");
    let run = p.run(&["build"]);
    run.expect_code(1);
    if step == "between-renames" {
        run.expect_stderr(&["the last build was interrupted: moved the previous site back"]);
    }
    run.expect_stderr(&["the previous output is unchanged"]);
    let kept = snapshot(&p.output());
    assert!(
        kept == old_site
            || p.read("output/communes/dong-tam.html")
                .contains("<td>26<sup"),
        "{step}: the output was lost"
    );
    p.edit(DONG_TAM, "count: nhiều", "count: 26");
    p.run(&["build"]).expect_code(0);
    assert!(
        p.read("output/communes/dong-tam.html")
            .contains("<td>26<sup")
    );
    assert!(
        leftovers(p.path()).is_empty(),
        "{step}: {:?}",
        leftovers(p.path())
    );
}

#[test]
fn a_build_killed_before_the_swap_keeps_the_old_site() {
    killed_at("before-swap", true);
}

#[test]
fn a_build_killed_right_after_the_exchange_has_the_new_site() {
    killed_at("after-exchange", true);
}

#[test]
fn a_build_killed_between_the_two_renames_gets_the_old_site_back() {
    killed_at("between-renames", false);
}

#[test]
fn a_build_killed_after_the_two_renames_has_the_new_site() {
    killed_at("after-renames", false);
}
