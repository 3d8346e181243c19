//! Charts: valid accessible SVG with the expected figures, byte-stable snapshots, and text
//! that stays inside the canvas without overlapping, measured with the chart font.

mod common;
#[allow(dead_code)]
#[path = "../examples/synth.rs"]
mod synth;

use std::sync::Arc;

use baocao::chart_spec::{ChartKind, ChartSpec};
use baocao::render::charts::{self, Charts, WIDTH};
use common::{TestProject, fixture, snapshot};

fn report(name: &str) -> Arc<baocao::report::Report> {
    let checked = baocao::check(&fixture(name));
    checked
        .report
        .unwrap_or_else(|| panic!("{:?}", checked.diagnostics))
}

fn spec(kind: ChartKind, model: Option<&str>, commune: Option<&str>) -> ChartSpec {
    ChartSpec {
        kind,
        model: model.map(Into::into),
        indicator: None,
        year: None,
        commune: commune.map(Into::into),
        group: None,
    }
}

/// Every kind of chart the long-names fixture can have.
fn all_specs() -> Vec<ChartSpec> {
    let mut specs = vec![
        spec(ChartKind::Participation, None, None),
        spec(ChartKind::Participation, None, Some("van-mieu")),
        spec(ChartKind::Tips, None, None),
        spec(ChartKind::Attainment, None, None),
    ];
    for model in ["camera", "diem-chua-chay", "to-lien-gia"] {
        specs.push(spec(ChartKind::Growth, Some(model), None));
        specs.push(spec(ChartKind::Growth, Some(model), Some("van-mieu")));
        specs.push(spec(ChartKind::Compare, Some(model), None));
        specs.push(spec(ChartKind::Compare, Some(model), Some("van-mieu")));
    }
    specs
}

#[test]
fn the_longest_names_stay_inside_the_canvas_and_do_not_overlap() {
    let report = report("long-names");
    for spec in all_specs() {
        let chart = charts::build(&report, &spec).unwrap();
        let drawn = &chart.drawn;
        assert!(!drawn.boxes.is_empty(), "{spec}");
        for b in &drawn.boxes {
            assert!(
                b.x0 >= 0.0 && b.x1 <= f64::from(WIDTH),
                "{spec}: {b:?} leaves the canvas horizontally"
            );
            assert!(
                b.y0 >= 0.0 && b.y1 <= f64::from(drawn.height),
                "{spec}: {b:?} leaves the canvas vertically"
            );
        }
        for (i, a) in drawn.boxes.iter().enumerate() {
            for b in &drawn.boxes[i + 1..] {
                assert!(!a.overlaps(b), "{spec}: {a:?} overlaps {b:?}");
            }
        }
    }
}

#[test]
fn long_labels_are_measured_not_counted() {
    let report = report("long-names");
    let chart = charts::build(&report, &spec(ChartKind::Compare, Some("camera"), None)).unwrap();
    let label = chart
        .drawn
        .boxes
        .iter()
        .find(|b| b.text == "Phường Văn Miếu - Quốc Tử Giám")
        .expect("full name shown");
    let measured = label.x1 - label.x0;
    // Byte counting would make this 34 bytes × ~8 px; glyph measurement is well below.
    assert!(measured > 150.0 && measured < 260.0, "{measured}");
    assert!(
        charts::text_width("Điểm chữa cháy công cộng", 16.0, false)
            < 8.0 * "Điểm chữa cháy công cộng".len() as f64
    );
}

#[test]
fn every_svg_parses_and_is_accessible() {
    let report = report("long-names");
    for spec in all_specs() {
        let chart = charts::build(&report, &spec).unwrap();
        let doc =
            roxmltree::Document::parse(&chart.drawn.svg).unwrap_or_else(|e| panic!("{spec}: {e}"));
        let svg = doc.root_element();
        assert_eq!(svg.attribute("role"), Some("img"), "{spec}");
        let first: Vec<&str> = svg
            .children()
            .filter(|n| n.is_element())
            .take(2)
            .map(|n| n.tag_name().name())
            .collect();
        assert_eq!(first, ["title", "desc"], "{spec}");
        let desc = svg
            .children()
            .find(|n| n.has_tag_name("desc"))
            .unwrap()
            .text()
            .unwrap();
        assert!(desc.len() > 20, "{spec}: {desc}");
        for node in doc.descendants() {
            for attr in node.attributes() {
                if let Ok(v) = attr.value().parse::<f64>() {
                    assert!(
                        attr.value().len() < 8,
                        "{spec}: unrounded {}={}",
                        attr.name(),
                        attr.value()
                    );
                    assert!(v.is_finite());
                }
            }
        }
    }
}

#[test]
fn charts_state_the_real_figures() {
    let report = report("long-names");
    let growth = charts::build(&report, &spec(ChartKind::Growth, Some("camera"), None)).unwrap();
    assert!(
        growth
            .drawn
            .svg
            .contains("9.998.707 + 44 + 1.248 = 9.999.999"),
        "stacked camera figures"
    );
    assert!(growth.desc.contains("năm 2022: 8 mắt camera"));
    let participation =
        charts::build(&report, &spec(ChartKind::Participation, None, None)).unwrap();
    assert!(participation.drawn.svg.contains(">24.527</text>"));
    assert!(participation.drawn.svg.contains("Lượt người tham gia"));
    let tips = charts::build(&report, &spec(ChartKind::Tips, None, None)).unwrap();
    assert!(tips.drawn.svg.contains("94 (53,1%)"));
    let attainment = charts::build(&report, &spec(ChartKind::Attainment, None, None)).unwrap();
    assert!(attainment.drawn.svg.contains("12.499/12.500 (99,9%)"));
    assert!(attainment.drawn.svg.contains("1/1.500 (0,1%)"));
    // Communes without figures are listed as such, never drawn as zero.
    let compare = charts::build(
        &report,
        &spec(ChartKind::Compare, Some("to-lien-gia"), None),
    )
    .unwrap();
    assert!(compare.drawn.svg.contains("không có số liệu"));
    assert!(!compare.drawn.svg.contains(">0</text>"));
    let compare = charts::build(&report, &spec(ChartKind::Compare, Some("camera"), None)).unwrap();
    assert!(
        compare
            .drawn
            .svg
            .contains("Không có số liệu: Cư M&apos;gar Thượng Hạ Tây Nam Bắc."),
        "{}",
        compare.drawn.svg
    );
    assert_eq!(compare.table.rows.len(), 6, "the table lists every commune");
}

#[test]
fn unknown_ids_are_errors() {
    let report = report("long-names");
    let err = charts::build(&report, &spec(ChartKind::Growth, Some("khong-co"), None)).unwrap_err();
    assert_eq!(err, "unknown model type `khong-co`");
    let err = charts::build(
        &report,
        &spec(ChartKind::Participation, None, Some("khong-co")),
    )
    .unwrap_err();
    assert_eq!(err, "unknown commune `khong-co`");
}

#[test]
fn one_chart_is_drawn_once_and_reused() {
    let charts = Charts::new(report("long-names"));
    let spec = spec(ChartKind::Tips, None, None);
    let a = charts.figure_html(&spec, "../").unwrap();
    let b = charts.figure_html(&spec, "../").unwrap();
    assert_eq!(a, b);
    assert_eq!(charts.count(), 1);
    assert!(a.contains("<details>\n<summary>Bảng số liệu</summary>"));
    assert!(a.contains("<a href=\"../data/campaign.csv\">CSV</a>"));
}

/// The good fixture's charts, byte for byte. Run with `UPDATE_SNAPSHOTS=1` to accept a change.
#[test]
fn chart_snapshots() {
    let report = report("good");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let specs = [
        (
            "growth-camera",
            spec(ChartKind::Growth, Some("camera-an-ninh"), None),
        ),
        (
            "compare-camera",
            spec(ChartKind::Compare, Some("camera-an-ninh"), Some("dong-tam")),
        ),
        ("participation", spec(ChartKind::Participation, None, None)),
        ("tips", spec(ChartKind::Tips, None, None)),
        ("attainment", spec(ChartKind::Attainment, None, None)),
    ];
    for (name, spec) in specs {
        let svg = charts::build(&report, &spec).unwrap().drawn.svg;
        let path = dir.join(format!("{name}.svg"));
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &svg).unwrap();
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{path:?} missing: run with UPDATE_SNAPSHOTS=1"));
        assert_eq!(
            svg, expected,
            "{name} changed; if intended, run with UPDATE_SNAPSHOTS=1"
        );
    }
}

#[test]
fn pages_show_charts_where_readers_expect_them() {
    let p = TestProject::good();
    let run = p.run(&["build"]);
    run.expect_code(0);
    assert!(run.stdout.contains(" charts, "), "{}", run.stdout);
    let count = |page: &str| p.read(&format!("output/{page}")).matches("<svg ").count();
    // A chart is drawn where there are two values to compare; one value is a sentence.
    assert_eq!(
        count("index.html"),
        2,
        "attainment, camera growth; the campaign has one year of figures"
    );
    assert_eq!(
        count("years/2023.html"),
        3,
        "camera growth, tips, attainment; fire points and the campaign are sentences"
    );
    assert_eq!(count("communes/dong-tam.html"), 1, "camera growth");
    assert_eq!(
        count("models/camera-an-ninh.html"),
        1,
        "growth; one commune reports cameras"
    );
    assert_eq!(count("campaign.html"), 1, "tips: a part of a whole");
    let campaign = p.read("output/campaign.html");
    assert!(
        campaign.contains(
            "<p class=\"chart-single\">Phong trào “Toàn dân bảo vệ an ninh Tổ quốc” tại Thành phố Thử Nghiệm: năm 2022: không có số liệu; năm 2023: 226 buổi phát động, 24.527 lượt người tham gia.</p>"
        ),
        "{campaign}"
    );
    // A model no one reports draws nothing and offers no empty table.
    let model = p.read("output/models/diem-chua-chay.html");
    assert!(!model.contains("<details>"), "{model}");
    // Every SVG in every page parses as XML.
    for (path, bytes) in snapshot(&p.output()) {
        let html = String::from_utf8_lossy(&bytes);
        for piece in html.split("<svg ").skip(1) {
            let svg = format!("<svg {}</svg>", piece.split("</svg>").next().unwrap());
            roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
}

#[test]
fn markdown_can_place_charts_and_bad_calls_are_errors_with_file_and_line() {
    let p = TestProject::good();
    p.edit(
        "content/years/2023.yaml",
        "  Năm **2023** có nhiều kết quả.\n",
        "  Năm **2023** có nhiều kết quả.\n\n  {{ chart(kind=\"tips\") }}\n",
    );
    p.run(&["build"]).expect_code(0);
    assert!(p.read("output/years/2023.html").contains(
        "<figure class=\"chart\" id=\"bieu-do-tips\">\n<figcaption>Nguồn tin quần chúng cung cấp tại Thành phố Thử Nghiệm <a class=\"chart-link\" href=\"#bieu-do-tips\">Liên kết tới biểu đồ</a></figcaption>"
    ));

    p.edit(
        "content/years/2023.yaml",
        "{{ chart(kind=\"tips\") }}",
        "{{ chart(kind=\"pie\") }}",
    );
    p.write(
        "content/pages/bieu-do.md",
        "---\ntitle: Biểu đồ\n---\nVăn bản.\n\n{{ chart(kind=\"growth\", model=\"khong-co\") }}\n",
    );
    p.run(&["build"]).expect_code(1).expect_stderr(&[
        "content/years/2023.yaml:25:3: error: this chart cannot be drawn: unknown chart kind `pie`",
        "content/pages/bieu-do.md:6:1: error: this chart cannot be drawn: unknown model type `khong-co`",
    ]);
}

/// A chart across many communes draws the largest 30; its table and text alternative hold
/// those 30 and count the others, which the data file and the paged table of communes hold
/// (at 10.000 communes, each model page repeated every commune twice more: 1,1 MB).
#[test]
fn a_chart_across_many_communes_describes_the_ones_it_draws() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("synth");
    synth::generate(&synth::Args {
        communes: 120,
        years: 1,
        groups: 0,
        seed: 2023,
        dir: project.clone(),
    })
    .unwrap();
    // 80 of the 120 communes give no camera count.
    let folder = project.join("content/communes");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in &files[..80] {
        let text = std::fs::read_to_string(file).unwrap();
        let start = text.find("      - model: camera-an-ninh\n").unwrap();
        let end = start + text[start..].find("      - model: to-lien").unwrap();
        std::fs::write(file, format!("{}{}", &text[..start], &text[end..])).unwrap();
    }
    let checked = baocao::check(&project);
    let report = checked.report.unwrap();
    let newest = report.years.last().unwrap().year;
    for model in &report.models {
        let chart =
            charts::build(&report, &spec(ChartKind::Compare, Some(&model.id), None)).unwrap();
        let counts: Vec<u64> = (model.communes.iter())
            .filter(|c| c.year == newest)
            .filter_map(|c| c.count.as_ref().map(|f| f.value))
            .collect();
        let without = report.communes.len() - counts.len();
        let drawn = counts.len().min(30);
        let named = if without <= 30 { without } else { 0 };
        assert_eq!(chart.table.rows.len(), drawn + named, "{}", model.id);
        assert_eq!(
            chart.desc.matches("; ").count() + 1,
            drawn.max(1),
            "{}",
            chart.desc
        );
        if counts.len() > 30 {
            let more = format!(
                "{} đơn vị khác có số liệu: xem tệp dữ liệu.",
                counts.len() - 30
            );
            assert!(chart.desc.contains(&more), "{}", chart.desc);
            assert!(chart.drawn.svg.contains(&more), "{}", model.id);
            assert!(
                chart.desc.contains(", những đơn vị có số liệu lớn nhất: "),
                "{}",
                chart.desc
            );
            // The table says what it leaves out, under it.
            assert!(chart.table.note.as_ref().unwrap().contains(&more));
            let compare = spec(ChartKind::Compare, Some(&model.id), None);
            let html = Charts::new(report.clone())
                .figure_html(&compare, "../")
                .unwrap();
            assert!(
                html.contains(&format!("</table></div>\n<p class=\"chart-note\">{more}")),
                "{html}"
            );
        } else if without <= 30 {
            assert_eq!(chart.table.note, None, "{}", model.id);
        }
        if model.id == "camera-an-ninh" {
            assert_eq!((counts.len(), without), (40, 80));
        }
        if without > 30 {
            let counted = format!("{without} đơn vị không có số liệu.");
            assert!(chart.drawn.svg.contains(&counted), "{}", model.id);
            assert!(
                !chart.drawn.svg.contains("Không có số liệu:"),
                "{}",
                model.id
            );
            assert!(chart.table.note.as_ref().unwrap().contains(&counted));
        }
    }

    // A commune highlighted though not among the 30 largest is drawn in place of the
    // smallest of them, and named in the table and the text alternative.
    let camera = report
        .models
        .iter()
        .find(|m| m.id == "camera-an-ninh")
        .unwrap();
    let smallest = (camera.communes.iter())
        .filter_map(|c| Some((c.count.as_ref()?.value, &c.commune)))
        .min_by_key(|(v, _)| *v)
        .unwrap()
        .1;
    let mut highlighted = spec(
        ChartKind::Compare,
        Some("camera-an-ninh"),
        Some(&smallest.id),
    );
    highlighted.year = Some(newest);
    let chart = charts::build(&report, &highlighted).unwrap();
    assert_eq!(chart.table.rows.len(), 30);
    assert!(chart.table.rows.iter().any(|r| r[0] == *smallest.full_name));
    assert!(chart.desc.contains(&*smallest.full_name), "{}", chart.desc);
    assert!(
        chart.drawn.svg.contains("10 đơn vị khác có số liệu"),
        "{}",
        chart.drawn.svg
    );
}
