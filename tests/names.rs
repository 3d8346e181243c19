//! Issue 13: communes that would share an id get hints proposing ids that are free, so that
//! following every hint of one `check` leaves no collision.

mod common;

use common::TestProject;

/// The ids that the hints of `stderr` propose (`id: …`), in order.
fn proposed(stderr: &str) -> Vec<String> {
    stderr
        .split("`id: ")
        .skip(1)
        .filter_map(|rest| rest.split_once('`').map(|(id, _)| id.to_owned()))
        .collect()
}

#[test]
fn hints_propose_free_ids_and_following_them_resolves_every_collision() {
    let p = TestProject::good();
    // Four namesakes of Dương Thành: two with codes, two without; and a commune already
    // using the id the first numbered proposal would take.
    for (file, code) in [
        ("a", Some("04540")),
        ("b", Some("04541")),
        ("c", None),
        ("d", None),
    ] {
        let code = code.map_or(String::new(), |c| format!("code: \"{c}\"\n"));
        p.write(
            &format!("content/communes/{file}.yaml"),
            format!("name: Dương Thành\nkind: xã\n{code}"),
        );
    }
    p.write(
        "content/communes/e.yaml",
        "id: duong-thanh-2\nname: Dương Thành Hai\nkind: xã\n",
    );
    let run = p.run(&["check"]);
    run.expect_code(1);
    let ids = proposed(&run.stderr);
    // The first file keeps the id; each other one gets its own proposal, a code where it
    // has one, else the next free number (`-2` is taken).
    assert_eq!(
        ids,
        [
            "duong-thanh-04541",
            "duong-thanh-3",
            "duong-thanh-4",
            "duong-thanh-5"
        ],
        "{}",
        run.stderr
    );
    let files: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains(": error: the commune id `duong-thanh`"))
        .filter_map(|l| l.split_once(':').map(|(file, _)| file))
        .collect();
    assert_eq!(
        files,
        [
            "content/communes/b.yaml",
            "content/communes/c.yaml",
            "content/communes/d.yaml",
            "content/communes/duong-thanh.yaml"
        ]
    );
    // Follow every hint: no collision is left.
    for (file, id) in files.iter().zip(&ids) {
        let text = p.read(file);
        p.write(file, format!("id: {id}\n{text}"));
    }
    p.run(&["check"]).expect_code(0);
}

#[test]
fn hoa_and_hoa_with_the_tone_elsewhere_are_one_name() {
    // "Hoà" (new spelling) and "Hòa" (old): the same name written twice, not two names that
    // differ in their diacritics.
    let p = TestProject::good();
    p.write("content/communes/a.yaml", "name: Tân Hòa\nkind: xã\n");
    p.write("content/communes/b.yaml", "name: Tân Hoà\nkind: xã\n");
    let run = p.run(&["check"]);
    run.expect_code(1).expect_stderr(&[
        "content/communes/b.yaml:1:7: error: the commune id `tan-hoa` (from this name) is already used by content/communes/a.yaml",
    ]);
    assert!(
        !run.stderr.contains("once diacritics are removed"),
        "{}",
        run.stderr
    );
    // Names that really differ are told so.
    p.write("content/communes/b.yaml", "name: Tân Hóa\nkind: xã\n");
    p.run(&["check"])
        .expect_stderr(&["both become the id `tan-hoa` once diacritics are removed"]);
}

#[test]
fn search_finds_names_without_their_apostrophes_hyphens_or_spaces() {
    let p = TestProject::good();
    p.write(
        "content/communes/ea-hleo.yaml",
        "name: Ea H'leo\nkind: xã\n",
    );
    p.run(&["build"]).expect_code(0);
    let index = p.read("output/assets/search-index.js");
    let entry = index
        .split("},{")
        .find(|e| e.contains("Ea H'leo"))
        .expect("the commune is in the index");
    // search.js folds "Ea Hleo" to "ea hleo" and "eahleo" to itself: both are in the key.
    assert!(
        entry.contains("ea hleo") && entry.contains("eahleo"),
        "{entry}"
    );
    let script = p.read("output/assets/search.js");
    assert!(
        script.contains(r"replace(/['\u2019\u02bc\u2010-]/g"),
        "{script}"
    );
}

#[test]
fn a_numbered_ward_is_phuong_1_everywhere() {
    let p = TestProject::good();
    p.write(
        "content/communes/phuong-1.yaml",
        "name: \"1\"\nkind: phường\n",
    );
    p.run(&["build"]).expect_code(0);
    let list = p.read("output/communes/index.html");
    assert!(list.contains(">Phường 1</a>"), "{list}");
    let page = p.read("output/communes/phuong-1.html");
    assert!(page.contains("<h1>Phường 1</h1>"), "{page}");
    assert!(page.contains("› Phường 1</p>"), "the breadcrumb: {page}");
    let csv = p.read("output/data/communes.csv");
    assert!(csv.contains(",Phường 1,"), "{csv}");
    let json = p.read("output/data/communes.json");
    assert!(json.contains("\"Phường 1\""), "{json}");
    // A ward whose file already says "Phường 2" is not "Phường Phường 2".
    assert!(
        !p.read("output/communes/phuong-2.html")
            .contains("Phường Phường")
    );
}

#[test]
fn namesakes_are_told_apart_by_their_codes_wherever_they_show() {
    let p = TestProject::good();
    p.write(
        "content/communes/tan-thanh-a.yaml",
        "id: tan-thanh-a\nname: Tân Thành\nkind: xã\ncode: \"04540\"\n",
    );
    p.write(
        "content/communes/tan-thanh-b.yaml",
        "id: tan-thanh-b\nname: Tân Thành\nkind: xã\ncode: \"04543\"\n",
    );
    p.write(
        "content/communes/tan-thanh-c.yaml",
        "id: tan-thanh-c\nname: Tân Thành\nkind: xã\n",
    );
    p.run(&["build"]).expect_code(0);
    let list = p.read("output/communes/index.html");
    for name in [
        "Tân Thành (04540)",
        "Tân Thành (04543)",
        "Tân Thành (tan-thanh-c)",
    ] {
        assert!(list.contains(&format!(">{name}</a>")), "{name}: {list}");
    }
    assert!(
        p.read("output/communes/tan-thanh-a.html")
            .contains("<h1>Xã Tân Thành (04540)</h1>")
    );
    assert!(
        p.read("output/assets/search-index.js")
            .contains("\"t\":\"Xã Tân Thành (04543)\"")
    );
    assert!(
        p.read("output/data/communes.csv")
            .contains("Tân Thành (04540)")
    );
    // A name of its own stays as it is.
    assert!(list.contains(">Dương Thành</a>"), "{list}");
}

#[test]
fn a_name_with_a_space_around_it_warns() {
    let p = TestProject::good();
    p.write(
        "content/communes/tan-an.yaml",
        "name: \" Tân An\"\nkind: xã\n",
    );
    p.run(&["check"]).expect_code(0).expect_stderr(&[
        "content/communes/tan-an.yaml:1:7: warning: the name \" Tân An\" starts or ends with a space",
        "hint: write `name: Tân An`",
    ]);
}
