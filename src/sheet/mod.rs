//! Figures to and from spreadsheets. `baocao export` writes a collection workbook (a sheet
//! of communes and a sheet of area-wide figures per year, and a guide); `baocao import` reads
//! one back (or any `.xlsx`, `.xls`, `.ods` or `.csv` file laid out the same way) and changes
//! only the figure lines of the YAML records.
//!
//! Rows are matched to communes by code or id, and columns to figures by the key row (row 2)
//! that the export writes, never by names. [`fields`] lists the figures, [`tree`] reads and
//! edits the YAML records in place, [`table`] and [`cell`] read what was typed.

mod cell;
mod export;
mod fields;
mod import;
mod table;
pub mod tree;

use std::path::Path;

pub use export::{Exported, export};
pub use import::{ImportOptions, Imported, import};

use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use fields::Field;
use tree::Step;

/// A commune and the file that holds it.
struct CommuneFile {
    id: String,
    code: Option<String>,
    /// "Xã Tuy Lộc".
    full_name: String,
    /// Relative to the project root.
    path: String,
}

/// What both directions need to know of a project that passes `baocao check`.
struct Records {
    /// In the site's order.
    communes: Vec<CommuneFile>,
    /// Files of `content/years/`, by year.
    area_files: std::collections::BTreeMap<i64, String>,
    commune_fields: Vec<Field>,
    area_fields: Vec<Field>,
    /// Every year with figures, oldest first.
    years: Vec<i64>,
    /// The ids of the sources of `content/site.yaml`.
    sources: Vec<String>,
}

impl Records {
    /// Checks the project at `root`; its errors, if any, are returned instead. The project as
    /// checked comes too, to compare with the project after an import.
    fn load(root: &Path) -> Result<(Records, crate::Checked), Vec<Diagnostic>> {
        let checked = crate::check(root);
        let Some(report) = checked.report.clone() else {
            let mut errors: Vec<Diagnostic> = checked
                .diagnostics
                .into_iter()
                .filter(Diagnostic::is_error)
                .collect();
            errors.push(Diagnostic::file_error(
                "content",
                msg::SHEET_PROJECT_INVALID.message(),
            ));
            return Err(errors);
        };
        let paths: std::collections::HashMap<String, &str> = checked
            .project
            .communes
            .iter()
            .map(|c| (c.record.resolved_id(), c.source.path.as_str()))
            .collect();
        let communes = report
            .communes
            .iter()
            .map(|c| CommuneFile {
                id: c.id.to_string(),
                code: c.code.clone(),
                // "Phường 2" names its kind already.
                full_name: if c.name.starts_with(c.kind) {
                    c.name.to_string()
                } else {
                    c.full_name.to_string()
                },
                path: paths[&*c.id].to_owned(),
            })
            .collect();
        let area_files = checked
            .project
            .years
            .iter()
            .map(|(year, loaded)| (*year, loaded.source.path.clone()))
            .collect();
        let records = Records {
            communes,
            area_files,
            commune_fields: fields::commune_fields(&report),
            area_fields: fields::area_fields(&report),
            years: report.all_years.clone(),
            sources: report.sources.iter().map(|s| s.id.clone()).collect(),
        };
        Ok((records, checked))
    }
}

/// The path of a commune's year below the root of its file.
fn commune_year(year: i64) -> [Step; 2] {
    [Step::key("years"), Step::item("year", &year.to_string())]
}

/// Where a new area-wide year is written.
fn area_file(year: i64) -> String {
    format!("content/years/{year}.yaml")
}

/// The year of an area file, `content/years/2024.yaml` → `2024`.
fn file_year(path: &str) -> String {
    crate::load::file_stem(path).to_owned()
}

/// A file's text as it is on disk, without a byte-order mark; empty when it does not exist.
fn read_text(root: &Path, path: &str) -> std::io::Result<String> {
    match std::fs::read_to_string(root.join(path)) {
        Ok(text) => Ok(text
            .strip_prefix('\u{feff}')
            .map(str::to_owned)
            .unwrap_or(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(e),
    }
}
