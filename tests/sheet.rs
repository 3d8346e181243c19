//! `baocao export` and `baocao import`: a collection workbook goes out, comes back with
//! figures changed, and exactly those figure lines of the YAML records change; every kind
//! of bad cell is refused with its sheet and cell, and nothing is written.

mod common;

use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, open_workbook_auto};
use common::{TestProject, snapshot};

/// A workbook's sheets as grids of cells from A1.
type Book = Vec<(String, Vec<Vec<Data>>)>;

fn read_book(path: &Path) -> Book {
    let mut workbook = open_workbook_auto(path).unwrap();
    workbook
        .sheet_names()
        .into_iter()
        .map(|name| {
            let range = workbook.worksheet_range(&name).unwrap();
            let (rows, columns) = range.end().map_or((0, 0), |(r, c)| (r + 1, c + 1));
            let grid = (0..rows)
                .map(|r| {
                    (0..columns)
                        .map(|c| range.get_value((r, c)).cloned().unwrap_or(Data::Empty))
                        .collect()
                })
                .collect();
            (name, grid)
        })
        .collect()
}

/// Writes `book` as a spreadsheet program would save it; a text starting with `=` becomes a
/// formula that was never computed.
fn write_book(path: &Path, book: &Book) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    for (name, grid) in book {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name).unwrap();
        sheet.set_formula_result_default("");
        for (r, row) in grid.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Data::Int(i) => drop(sheet.write_number(r, c, *i as f64)),
                    Data::Float(f) => drop(sheet.write_number(r, c, *f)),
                    Data::String(s) if s.starts_with('=') => {
                        drop(sheet.write_formula(r, c, rust_xlsxwriter::Formula::new(s)))
                    }
                    Data::String(s) => drop(sheet.write_string(r, c, s)),
                    Data::Bool(b) => drop(sheet.write_boolean(r, c, *b)),
                    _ => {}
                }
            }
        }
    }
    workbook.save(path).unwrap();
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        _ => String::new(),
    }
}

fn sheet<'b>(book: &'b mut Book, name: &str) -> &'b mut Vec<Vec<Data>> {
    &mut book.iter_mut().find(|(n, _)| n == name).unwrap().1
}

fn column(grid: &[Vec<Data>], key: &str) -> usize {
    grid[1].iter().position(|c| text(c) == key).unwrap()
}

/// The cell of a communes' sheet in the row of commune `id` and the column `key`, and its
/// name (`E3`).
fn commune_cell<'g>(grid: &'g mut [Vec<Data>], id: &str, key: &str) -> (&'g mut Data, String) {
    let id_column = column(grid, "id");
    let c = column(grid, key);
    let r = grid
        .iter()
        .position(|row| text(&row[id_column]) == id)
        .unwrap();
    (&mut grid[r][c], cell_name(r, c))
}

/// The value cell of an area sheet's row for `field`, and its name.
fn area_cell<'g>(grid: &'g mut [Vec<Data>], field: &str) -> (&'g mut Data, String) {
    let field_column = column(grid, "field");
    let c = column(grid, "value");
    let r = grid
        .iter()
        .position(|row| text(&row[field_column]) == field)
        .unwrap();
    (&mut grid[r][c], cell_name(r, c))
}

fn cell_name(row: usize, column: usize) -> String {
    format!("{}{}", (b'A' + column as u8) as char, row + 1)
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "-c",
            "core.autocrlf=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The lines `git diff` adds and removes, in order.
fn changed_lines(dir: &Path) -> Vec<String> {
    git(dir, &["diff", "-U0", "--no-color"])
        .lines()
        .filter(|l| {
            (l.starts_with('+') || l.starts_with('-'))
                && !l.starts_with("+++")
                && !l.starts_with("---")
        })
        .map(str::to_owned)
        .collect()
}

/// A file of the test project, as an argument.
fn file(p: &TestProject, name: &str) -> String {
    p.path().join(name).display().to_string()
}

/// Runs baocao with messages in Vietnamese, as officers read them.
fn run(p: &TestProject, args: &[&str]) -> common::Run {
    let mut all = vec!["--lang", "vi"];
    all.extend(args);
    p.run(&all)
}

fn exported(p: &TestProject, args: &[&str]) -> Book {
    let book = file(p, "book.xlsx");
    let mut all = vec!["export"];
    all.extend(args);
    all.push(&book);
    run(p, &all).expect_code(0);
    read_book(&p.path().join("book.xlsx"))
}

#[test]
fn three_changed_cells_change_exactly_three_figures_in_the_records() {
    let p = TestProject::good();
    git(p.path(), &["init", "-q"]);
    git(p.path(), &["add", "content"]);
    git(p.path(), &["commit", "-qm", "before"]);
    let mut book = exported(&p, &["--year", "2023", "--year", "2024"]);
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Hướng dẫn",
            "2023",
            "Toàn địa bàn 2023",
            "2024",
            "Toàn địa bàn 2024"
        ]
    );
    // The current figures are filled in, the missing ones left empty.
    let (camera, _) = commune_cell(
        sheet(&mut book, "2023"),
        "dong-tam",
        "models.camera-an-ninh.count",
    );
    assert_eq!(*camera, Data::Float(25.0));
    *camera = Data::Float(26.0);
    let (tips, _) = area_cell(sheet(&mut book, "Toàn địa bàn 2023"), "campaign.tips");
    assert_eq!(*tips, Data::Float(177.0));
    *tips = Data::Float(180.0);
    let (sessions, _) = commune_cell(sheet(&mut book, "2024"), "dong-tam", "campaign.sessions");
    assert_eq!(*sessions, Data::Empty);
    *sessions = Data::Float(14.0);
    write_book(&p.path().join("edited.xlsx"), &book);

    let out = run(&p, &["import", &file(&p, "edited.xlsx")]);
    out.expect_code(0);
    for line in [
        "2023 · Nguồn tin: 177 → 180",
        "Đồng Tâm · 2023 · Camera an ninh: 25 → 26",
        "Đồng Tâm · 2024 · Buổi phát động: không có số liệu → 14",
        "đã cập nhật 2 tệp: content/communes/dong-tam.yaml, content/years/2023.yaml",
    ] {
        assert!(
            out.stdout.contains(line),
            "{line:?} missing:\n{}",
            out.stdout
        );
    }
    assert_eq!(
        changed_lines(p.path()),
        [
            "-        count: 25",
            "+        count: 26",
            "+  - year: 2024",
            "+    campaign:",
            "+      sessions: 14",
            "-  tips: 177",
            "+  tips: 180",
        ]
    );
    run(&p, &["check"]).expect_code(0);

    // Importing the same workbook again changes nothing, and a new export holds what was
    // imported.
    let before = snapshot(&p.path().join("content"));
    let again = run(&p, &["import", &file(&p, "edited.xlsx")]);
    again.expect_code(0);
    assert!(
        again.stdout.contains("không có gì thay đổi"),
        "{}",
        again.stdout
    );
    assert_eq!(snapshot(&p.path().join("content")), before);
    let after = exported(&p, &["--year", "2023", "--year", "2024"]);
    assert_eq!(data(&after), data(&book));
}

/// Every non-empty cell of a book, by sheet and position.
fn data(book: &Book) -> Vec<(String, usize, usize, Data)> {
    let mut cells = Vec::new();
    for (name, grid) in book {
        for (r, row) in grid.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if *cell != Data::Empty {
                    cells.push((name.clone(), r, c, cell.clone()));
                }
            }
        }
    }
    cells
}

#[test]
fn export_is_deterministic_and_importing_it_back_changes_nothing() {
    let p = TestProject::good();
    run(&p, &["export", &file(&p, "a.xlsx")]).expect_code(0);
    run(&p, &["export", &file(&p, "b.xlsx")]).expect_code(0);
    assert_eq!(
        std::fs::read(p.path().join("a.xlsx")).unwrap(),
        std::fs::read(p.path().join("b.xlsx")).unwrap()
    );
    let before = snapshot(&p.path().join("content"));
    let out = run(&p, &["import", &file(&p, "a.xlsx")]);
    out.expect_code(0);
    assert!(
        out.stdout.contains("không có gì thay đổi"),
        "{}",
        out.stdout
    );
    assert_eq!(snapshot(&p.path().join("content")), before);
    // Codes keep their leading zeros: they are text cells.
    let mut book = read_book(&p.path().join("a.xlsx"));
    let grid = sheet(&mut book, "2023");
    let code = column(grid, "code");
    assert!(
        grid.iter()
            .any(|row| row[code] == Data::String("04261".into()))
    );
}

/// One bad cell among good ones: the import fails naming the sheet and cell, and no record
/// changes (not even the good figures).
fn refused(change: impl FnOnce(&mut Book) -> String, lang: &str, expected: &str) {
    let p = TestProject::good();
    let mut book = exported(&p, &["--year", "2023"]);
    let (good, _) = commune_cell(sheet(&mut book, "2023"), "dong-tam", "campaign.tips");
    *good = Data::Float(10.0);
    let place = change(&mut book);
    write_book(&p.path().join("bad.xlsx"), &book);
    let before = snapshot(&p.path().join("content"));
    let out = p.run(&["--lang", lang, "import", &file(&p, "bad.xlsx")]);
    out.expect_code(1);
    let expected = format!("bad.xlsx: Sheet \"{place}: {expected}");
    assert!(
        out.stderr.contains(&expected),
        "expected {expected:?} in:\n{}",
        out.stderr
    );
    assert_eq!(snapshot(&p.path().join("content")), before);
}

fn set_commune(book: &mut Book, id: &str, key: &str, value: Data) -> String {
    let (cell, name) = commune_cell(sheet(book, "2023"), id, key);
    *cell = value;
    format!("2023\" {name}")
}

#[test]
fn text_in_a_number_cell_is_refused() {
    refused(
        |b| {
            set_commune(
                b,
                "dong-tam",
                "campaign.sessions",
                Data::String("nhiều".into()),
            )
        },
        "vi",
        "lỗi: cần một số nguyên, nhưng ô ghi chữ \"nhiều\"",
    );
}

#[test]
fn negative_and_fractional_counts_are_refused() {
    refused(
        |b| set_commune(b, "dong-tam", "campaign.sessions", Data::Float(-3.0)),
        "vi",
        "lỗi: -3 là số âm, mà số liệu này không thể nhỏ hơn 0",
    );
    refused(
        |b| {
            set_commune(
                b,
                "phuong-2",
                "models.camera-an-ninh.count",
                Data::Float(2.5),
            )
        },
        "en",
        "error: 2,5 is not a whole number, and this figure cannot have a fraction",
    );
}

#[test]
fn thousands_dots_and_decimal_commas_typed_as_text_are_explained() {
    refused(
        |b| {
            set_commune(
                b,
                "dong-tam",
                "campaign.participations",
                Data::String("1.530".into()),
            )
        },
        "vi",
        "lỗi: \"1.530\" được gõ dạng chữ có dấu chấm: nếu là 1530 thì hãy gõ 1530",
    );
    refused(
        |b| {
            set_commune(
                b,
                "dong-tam",
                "campaign.sessions",
                Data::String("12,5".into()),
            )
        },
        "en",
        "error: \"12,5\" reads as 12 point 5, but this figure is a whole number\n  hint: if the \
         comma separates thousands (125), type 125; otherwise type the whole number",
    );
}

#[test]
fn an_unknown_commune_code_is_refused() {
    refused(
        |b| {
            let grid = sheet(b, "2023");
            let (id, _) = commune_cell(grid, "dong-tam", "id");
            *id = Data::Empty;
            let (code, name) = commune_cell(grid, "", "code");
            *code = Data::String("09999".into());
            format!("2023\" {name}")
        },
        "vi",
        "lỗi: không có xã, phường nào của dự án có mã 09999",
    );
}

#[test]
fn a_duplicate_row_is_refused() {
    refused(
        |b| {
            let grid = sheet(b, "2023");
            let id = column(grid, "id");
            let first = grid
                .iter()
                .position(|r| text(&r[id]) == "phuong-2")
                .unwrap();
            grid.push(grid[first].clone());
            format!("2023\" {}", cell_name(grid.len() - 1, id))
        },
        "vi",
        "lỗi: Phường 2 · 2023 xuất hiện hai lần: ở đây và ở Sheet \"2023\" C5",
    );
}

#[test]
fn a_missing_key_column_is_refused() {
    refused(
        |b| {
            let grid = sheet(b, "Toàn địa bàn 2023");
            let field = column(grid, "field");
            grid[1][field] = Data::String("khoa".into());
            "Toàn địa bàn 2023\"".to_owned()
        },
        "vi",
        "lỗi: hàng khoá (hàng 2) thiếu cột `field`",
    );
}

#[test]
fn a_formula_without_a_computed_value_is_refused() {
    refused(
        |b| {
            set_commune(
                b,
                "dong-tam",
                "campaign.sessions",
                Data::String("=SUM(E3:E4)".into()),
            )
        },
        "vi",
        "lỗi: ô có công thức =SUM(E3:E4) nhưng chưa có giá trị đã tính",
    );
}

#[test]
fn attained_above_total_is_refused() {
    refused(
        |b| set_commune(b, "dong-tam", "attainment.villages.safe", Data::Float(11.0)),
        "vi",
        "lỗi: số đạt 11 lớn hơn tổng số 10",
    );
}

#[test]
fn a_semicolon_csv_with_a_byte_order_mark_imports() {
    let p = TestProject::good();
    let mut book = exported(&p, &["--year", "2023"]);
    let grid = sheet(&mut book, "2023").clone();
    let id = column(&grid, "id");
    let camera = column(&grid, "models.camera-an-ninh.count");
    let mut csv = String::from("\u{feff}");
    for (r, row) in grid.iter().enumerate() {
        if r >= 2 && text(&row[id]) != "dong-tam" {
            continue;
        }
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| match (r, c) {
                (2.., c) if c == camera => "27".to_owned(),
                _ => format!("\"{}\"", text(cell)),
            })
            .collect();
        csv.push_str(&cells.join(";"));
        csv.push_str("\r\n");
    }
    p.write("so-lieu.csv", csv);
    let out = run(&p, &["import", &file(&p, "so-lieu.csv")]);
    out.expect_code(0);
    assert!(
        out.stdout
            .contains("Đồng Tâm · 2023 · Camera an ninh: 25 → 27"),
        "{}",
        out.stdout
    );
    assert!(
        p.read("content/communes/dong-tam.yaml")
            .contains("        count: 27\n")
    );
}

#[test]
fn a_new_area_year_gets_its_own_file_and_dry_run_writes_nothing() {
    let p = TestProject::good();
    let mut book = exported(&p, &["--year", "2024"]);
    let (sessions, _) = area_cell(sheet(&mut book, "Toàn địa bàn 2024"), "campaign.sessions");
    *sessions = Data::Float(240.0);
    write_book(&p.path().join("new.xlsx"), &book);
    let dry = run(&p, &["import", "--dry-run", &file(&p, "new.xlsx")]);
    dry.expect_code(0);
    assert!(
        dry.stdout.contains("2024 · Buổi phát động"),
        "{}",
        dry.stdout
    );
    assert!(dry.stdout.contains("chưa ghi gì"), "{}", dry.stdout);
    // Without a source, the new year's figures would cite nothing: a warning says so.
    dry.expect_stderr(&[
        "content/years/2024.yaml: cảnh báo: số liệu năm 2024 là số liệu mới của tệp này và không dẫn nguồn nào",
        "rồi nhập với `--source MÃ`",
    ]);
    assert!(!p.path().join("content/years/2024.yaml").exists());
    let wrong = run(
        &p,
        &["import", "--source", "nguon-c", &file(&p, "new.xlsx")],
    );
    wrong.expect_code(1).expect_stderr(&[
        "không có nguồn nào trong `content/site.yaml` có mã `nguon-c`",
        "có phải bạn muốn viết `nguon-a`?",
    ]);
    run(
        &p,
        &["import", "--source", "nguon-b", &file(&p, "new.xlsx")],
    )
    .expect_code(0);
    assert_eq!(
        p.read("content/years/2024.yaml"),
        "campaign:\n  sessions: 240\nsource: \"nguon-b\"\n"
    );
    run(&p, &["check"]).expect_code(0);
}

/// A sheet copied and renamed to collect the next year still holds last year's rows: they
/// are refused, not written over last year's figures.
#[test]
fn a_sheet_renamed_to_another_year_is_refused() {
    refused(
        |b| {
            let (name, grid) = b.iter_mut().find(|(n, _)| n == "2023").unwrap();
            *name = "2024".to_owned();
            let year = column(grid, "year");
            let r = grid
                .iter()
                .position(|row| text(&row[2]) == "dong-tam")
                .unwrap();
            format!("2024\" {}", cell_name(r, year))
        },
        "vi",
        "lỗi: hàng này ghi năm 2023, nhưng trang tính mang tên \"2024\"",
    );
}

/// A title row added above the headers moves the key row down: the sheet is still read.
#[test]
fn a_title_row_above_the_headers_is_fine() {
    let p = TestProject::good();
    let mut book = exported(&p, &["--year", "2023"]);
    let grid = sheet(&mut book, "2023");
    let (camera, _) = commune_cell(grid, "dong-tam", "models.camera-an-ninh.count");
    *camera = Data::Float(31.0);
    grid.insert(
        0,
        vec![Data::String("SỐ LIỆU NĂM 2023 — CÔNG AN XÃ".into())],
    );
    write_book(&p.path().join("title.xlsx"), &book);
    let out = run(&p, &["import", &file(&p, "title.xlsx")]);
    out.expect_code(0);
    assert!(
        out.stdout
            .contains("Đồng Tâm · 2023 · Camera an ninh: 25 → 31"),
        "{}",
        out.stdout
    );
}

/// A year file whose figures were all deleted (comments left) takes the new ones after its
/// comments.
#[test]
fn a_year_file_of_comments_only_gets_the_figures() {
    let p = TestProject::good();
    p.write(
        "content/years/2024.yaml",
        "# Số liệu năm 2024 sẽ bổ sung sau",
    );
    let mut book = exported(&p, &["--year", "2024"]);
    let (tips, _) = area_cell(sheet(&mut book, "Toàn địa bàn 2024"), "campaign.tips");
    *tips = Data::Float(5.0);
    write_book(&p.path().join("c.xlsx"), &book);
    run(&p, &["import", &file(&p, "c.xlsx")]).expect_code(0);
    assert_eq!(
        p.read("content/years/2024.yaml"),
        "# Số liệu năm 2024 sẽ bổ sung sau\ncampaign:\n  tips: 5\n"
    );
}

/// The example report's workbook opens in LibreOffice, holds the site's figures, and the CSV
/// files LibreOffice saves from it import back without a change. Needs `soffice`
/// (Debian's libreoffice-calc-nogui); `.ci/run` installs it and runs this test.
#[test]
#[ignore]
fn libreoffice_opens_the_example_workbook() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&root.join("content"), &dir.path().join("content"));
    let book = dir.path().join("so-lieu.xlsx");
    common::run_in(
        dir.path(),
        &["--lang", "vi", "export", book.to_str().unwrap()],
        &[],
    )
    .expect_code(0);
    let out = Command::new("soffice")
        .args([
            "--headless",
            &format!("-env:UserInstallation=file://{}/lo", dir.path().display()),
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
        ])
        .arg(dir.path().join("csv"))
        .arg(&book)
        .output()
        .expect("soffice runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |sheet: &str| {
        std::fs::read_to_string(dir.path().join(format!("csv/so-lieu-{sheet}.csv"))).unwrap()
    };
    let communes = read("2023");
    assert!(
        communes.contains("2023,04276,tuy-loc,Xã Tuy Lộc,"),
        "{communes}"
    );
    let area = read("Toàn địa bàn 2023");
    for figure in ["campaign.participations,Lượt người tham gia,,24527", ",953"] {
        assert!(area.contains(figure), "{figure} missing:\n{area}");
    }
    let before = snapshot(&dir.path().join("content"));
    for sheet in ["2023", "Toàn địa bàn 2023"] {
        let csv = dir.path().join(format!("csv/so-lieu-{sheet}.csv"));
        let out = common::run_in(
            dir.path(),
            &["--lang", "vi", "import", csv.to_str().unwrap()],
            &[],
        );
        out.expect_code(0);
        assert!(
            out.stdout.contains("không có gì thay đổi"),
            "{}",
            out.stdout
        );
    }
    // The workbook saved again as OpenDocument and as Excel 97 imports unchanged too.
    for format in ["ods", "xls"] {
        let out = Command::new("soffice")
            .args([
                "--headless",
                &format!("-env:UserInstallation=file://{}/lo", dir.path().display()),
                "--convert-to",
                format,
                "--outdir",
            ])
            .arg(dir.path().join(format))
            .arg(&book)
            .output()
            .expect("soffice runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let saved = dir.path().join(format!("{format}/so-lieu.{format}"));
        let run = common::run_in(
            dir.path(),
            &["--lang", "vi", "import", saved.to_str().unwrap()],
            &[],
        );
        run.expect_code(0);
        assert!(
            run.stdout.contains("không có gì thay đổi"),
            "{format}: {}",
            run.stdout
        );
    }
    assert_eq!(snapshot(&dir.path().join("content")), before);
}

#[test]
fn an_emptied_cell_keeps_its_figure_and_new_warnings_are_shown() {
    let p = TestProject::good();
    let mut book = exported(&p, &["--year", "2023"]);
    let grid = sheet(&mut book, "2023");
    let (tips, tips_cell) = commune_cell(grid, "dong-tam", "campaign.tips");
    *tips = Data::Empty;
    let (camera, _) = commune_cell(grid, "dong-tam", "models.camera-an-ninh.count");
    *camera = Data::Float(5000.0);
    write_book(&p.path().join("edited.xlsx"), &book);
    let out = run(&p, &["import", &file(&p, "edited.xlsx")]);
    out.expect_code(0);
    out.expect_stderr(&[
        &format!(
            "edited.xlsx: Sheet \"2023\" {tips_cell}: cảnh báo: ô để trống nhưng hồ sơ đang ghi 9: \
             giữ nguyên số liệu này\n  gợi ý: muốn xoá một số liệu, hãy xoá dòng của nó trong \
             content/communes/dong-tam.yaml"
        ),
        "content/years/2023.yaml:",
        "nhiều hơn tổng số toàn địa bàn là 953",
    ]);
    let record = p.read("content/communes/dong-tam.yaml");
    assert!(record.contains("      tips: 9\n"), "{record}");
    assert!(record.contains("        count: 5000\n"), "{record}");
}
