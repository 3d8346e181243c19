//! Issue 15: two pages never disagree. The example report is built, and for every model and
//! every named group, the model list, the model pages, the commune pages and the year pages
//! are read back and compared: a figure shown on one is the same figure on the others, and a
//! commune is never "no data" on one page while another shows what it reported.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use common::{copy_dir, run_in};
use scraper::{ElementRef, Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn page(site: &Path, relative: &str) -> Html {
    let text =
        fs::read_to_string(site.join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"));
    Html::parse_document(&text)
}

fn text(e: ElementRef) -> String {
    e.text().collect::<String>().trim().to_owned()
}

/// A cell's figure: the first number shown (`"953"`, `"10"` of "10 tỷ đồng"), `"no data"`
/// when the cell says so, or `None` when it shows neither.
fn figure(cell: ElementRef) -> Option<String> {
    let first_number = |shown: String| -> Option<String> {
        let number: String = shown
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect();
        (!number.is_empty()).then_some(number)
    };
    if let Some(fig) = cell.select(&sel(".fig")).next() {
        return first_number(text(fig));
    }
    if cell.select(&sel(".nodata")).next().is_some() {
        return Some("no data".to_owned());
    }
    first_number(text(cell))
}

/// The rows of the table whose caption contains `caption`: the row header's link target
/// (or its text) and the data cells.
fn rows<'a>(doc: &'a Html, caption: &str) -> Option<Vec<(String, String, Vec<ElementRef<'a>>)>> {
    let table = doc.select(&sel("table")).find(|t| {
        t.select(&sel("caption"))
            .next()
            .is_some_and(|c| text(c).contains(caption))
    })?;
    let rows = table
        .select(&sel("tbody tr"))
        .filter_map(|tr| {
            let th = tr.select(&sel("th")).next()?;
            let href = th
                .select(&sel("a"))
                .next()
                .and_then(|a| a.value().attr("href"))
                .unwrap_or_default()
                .to_owned();
            Some((href, text(th), tr.select(&sel("td")).collect()))
        })
        .collect();
    Some(rows)
}

/// `../communes/tuy-loc.html#to-nhom` → `tuy-loc`.
fn page_id(href: &str) -> String {
    let file = href.rsplit('/').next().unwrap();
    file.split(['.', '#']).next().unwrap().to_owned()
}

/// The example report (`content/`) built in a temporary folder.
fn build_example() -> tempfile::TempDir {
    let project = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &project.path().join("content"),
    );
    run_in(project.path(), &["build"], &[]).expect_code(0);
    project
}

#[test]
fn model_pages_model_list_commune_pages_and_year_pages_agree() {
    let project = build_example();
    let site = project.path().join("output");

    let all_communes: BTreeSet<String> = fs::read_dir(site.join("communes"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "index.html")
        .map(|name| name.trim_end_matches(".html").to_owned())
        .collect();
    assert_eq!(all_communes.len(), 15);

    let list = page(&site, "models/index.html");
    let listed = rows(&list, "mô hình").expect("the model list has its table");
    assert_eq!(listed.len(), 7);
    let years: Vec<String> = fs::read_dir(site.join("years"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.len() == "2023.html".len() && name.ends_with(".html"))
        .map(|name| name.trim_end_matches(".html").to_owned())
        .collect();
    assert_eq!(years, ["2023"]);
    let year_pages: BTreeMap<&str, Html> = years
        .iter()
        .map(|y| (y.as_str(), page(&site, &format!("years/{y}.html"))))
        .collect();
    let commune_pages: BTreeMap<&str, Html> = all_communes
        .iter()
        .map(|c| (c.as_str(), page(&site, &format!("communes/{c}.html"))))
        .collect();

    let mut groups_on_model_pages = BTreeSet::new();
    for (href, name, cells) in &listed {
        let model = page_id(href);
        let doc = page(&site, &format!("models/{model}.html"));

        // Communes with figures for this model, with their figure.
        let mut reporting = BTreeMap::new();
        let caption = format!("{name}: số liệu của các xã, phường năm ");
        if let Some(table) = rows(&doc, &caption) {
            let year = doc
                .select(&sel("caption"))
                .map(text)
                .find(|c| c.starts_with(&caption))
                .unwrap()[caption.len()..]
                .to_owned();
            for (commune_href, commune_name, cells) in table {
                let commune = page_id(&commune_href);
                let shown = figure(cells[0]).unwrap();
                // The commune's page shows the same figure for this model in that year.
                let own = &commune_pages[commune.as_str()];
                let own_rows = rows(own, &format!(" năm {year}"))
                    .unwrap_or_else(|| panic!("{commune} has no model table for {year}"));
                let own_row = own_rows
                    .iter()
                    .find(|(h, _, _)| page_id(h) == model)
                    .unwrap_or_else(|| panic!("{commune_name}'s page does not list {name}"));
                assert_eq!(
                    figure(own_row.2[0]).unwrap(),
                    shown,
                    "{name} in {commune_name}: the model page and the commune page differ"
                );
                reporting.insert(commune, shown);
            }
        }

        // Named groups of this model, with their members.
        let mut with_groups = BTreeSet::new();
        if let Some(table) = rows(&doc, &format!("{name}: tổ, nhóm tiêu biểu")) {
            for (_, group, cells) in table {
                let commune_href = cells[0]
                    .select(&sel("a"))
                    .next()
                    .unwrap()
                    .value()
                    .attr("href")
                    .unwrap();
                let commune = page_id(commune_href);
                let members = figure(cells[2]).unwrap();
                groups_on_model_pages.insert((commune.clone(), group.clone(), members));
                with_groups.insert(commune);
            }
        }

        // Communes said to have no data for this model.
        let without: BTreeSet<String> = doc
            .select(&sel(
                "#theo-xa ~ p a, section[aria-labelledby=theo-xa] > p a",
            ))
            .filter_map(|a| a.value().attr("href"))
            .filter(|h| h.contains("communes/"))
            .map(page_id)
            .collect();
        let with: BTreeSet<String> = reporting.keys().cloned().chain(with_groups).collect();
        assert!(
            with.is_disjoint(&without),
            "{name}: a commune is both reported and 'no data': {:?}",
            with.intersection(&without).collect::<Vec<_>>()
        );
        assert_eq!(
            with.union(&without).cloned().collect::<BTreeSet<_>>(),
            all_communes,
            "{name}: every commune is either reported or 'no data'"
        );
        for commune in &without {
            let own = &commune_pages[commune.as_str()];
            let links_to_model = own
                .select(&sel("main a"))
                .filter_map(|a| a.value().attr("href"))
                .any(|h| h.ends_with(&format!("models/{model}.html")));
            assert!(
                !links_to_model,
                "{name}: {commune} is 'no data' on the model page but its page names the model"
            );
        }
        // The model list counts the communes the model page lists as reporting.
        assert_eq!(
            figure(cells[2]).unwrap(),
            with.len().to_string(),
            "{name}: the model list's count differs from the model page"
        );

        // The area's figures: the model page's row of each year is the year page's.
        if let Some(city) = rows(&doc, &format!("{name}: số liệu toàn thành phố theo năm"))
        {
            for (year_href, year, cells) in city {
                let year_doc = &year_pages[page_id(&year_href).as_str()];
                let year_rows = rows(year_doc, &format!("năm {year}")).unwrap();
                let (_, _, year_cells) = year_rows
                    .iter()
                    .find(|(h, _, _)| page_id(h) == model)
                    .unwrap_or_else(|| panic!("{year}: the year page does not list {name}"));
                // Model page: total, new, budget, community, before.
                // Year page: total, new, budget (count at places worth), community, before.
                for i in 0..5 {
                    assert_eq!(
                        figure(cells[i]),
                        figure(year_cells[i]),
                        "{name} {year}: column {i} differs between the model and year pages"
                    );
                }
            }
        }
    }

    // Every group on a commune page is on its model's page, with the same members.
    let mut groups_on_commune_pages = BTreeSet::new();
    for (commune, doc) in &commune_pages {
        for article in doc.select(&sel("article.group")) {
            let group = text(article.select(&sel("h3")).next().unwrap());
            let members = article.select(&sel("dd")).nth(2).and_then(figure).unwrap();
            groups_on_commune_pages.insert((commune.to_string(), group, members));
        }
    }
    assert!(!groups_on_commune_pages.is_empty());
    assert_eq!(groups_on_commune_pages, groups_on_model_pages);
}

#[test]
fn the_camera_additions_are_one_figure_everywhere() {
    let project = build_example();
    let site = project.path().join("output");
    // The example: stated 44 and 248, the 292 added is shown as derived on the
    // overview, the year page, the full report, the model page and its chart table, and in
    // the data files; nowhere is it "no data".
    for (relative, needle) in [
        (
            "index.html",
            "292 mắt camera</span> <span class=\"derived\">(suy ra: 44 + 248)",
        ),
        (
            "years/2023.html",
            "292</span> <span class=\"derived\">(suy ra: 44 + 248)",
        ),
        (
            "years/2023-full.html",
            "292</span> <span class=\"derived\">(suy ra: 44 + 248)",
        ),
        (
            "models/camera-an-ninh.html",
            "292</span> <span class=\"derived\">(suy ra: 44 + 248)",
        ),
        (
            "models/camera-an-ninh.html",
            "<td class=\"num\">292 (suy ra: 44 + 248)</td>",
        ),
        ("data/city-models.csv", "camera,953,292,44,"),
        ("data/city-models.json", "\"mắt camera\",953,292,44,"),
    ] {
        let text = fs::read_to_string(site.join(relative)).unwrap();
        assert!(text.contains(needle), "{relative} lacks {needle:?}");
    }
    let model = fs::read_to_string(site.join("models/camera-an-ninh.html")).unwrap();
    assert!(
        !model.contains("<td class=\"num nodata\">không có số liệu</td><td class=\"num\">661"),
        "the chart table still says 'no data' for the additions"
    );
}
