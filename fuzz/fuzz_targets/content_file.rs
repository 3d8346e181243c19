//! Loads and validates a project whose one commune file is the fuzzer's input: whatever the
//! bytes, `check` must return diagnostics, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const SITE: &str = "title: T\nlocality: L\nagency: A\nsources:\n  - id: s\n    title: S\n";
const MODEL: &str = "name: Camera an ninh\nunit: mắt camera\n";
const YEAR: &str = "source: s\ncampaign: { sessions: 1, tips: 3, valuable_tips: 2 }\n";

fn project() -> &'static tempfile::TempDir {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        for sub in ["communes", "models", "years"] {
            std::fs::create_dir_all(content.join(sub)).unwrap();
        }
        std::fs::write(content.join("site.yaml"), SITE).unwrap();
        std::fs::write(content.join("models/camera-an-ninh.yaml"), MODEL).unwrap();
        std::fs::write(content.join("years/2023.yaml"), YEAR).unwrap();
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = project();
    std::fs::write(dir.path().join("content/communes/fuzz.yaml"), data).unwrap();
    let checked = baocao::check(dir.path());
    // A valid report must also render.
    let _ = baocao::render_checked(checked, &[], &|_, _| Ok::<(), ()>(()));
});
