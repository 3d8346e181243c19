//! `baocao import`: figures from a spreadsheet into the YAML records. Every cell is read and
//! checked first; then the new records are checked as a whole in a staging copy of the
//! project; only when all is well are the changed files written, each in one step. Nothing
//! is written when anything is wrong.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::messages::{self as msg, Message};
use crate::text::YEARS;
use crate::text::did_you_mean;

use super::cell::{self, Cell, Figure};
use super::export::write_atomically;
use super::fields::Field;
use super::table::{self, Table};
use super::tree::{self, Found, Reason, Step, Tree};
use super::{CommuneFile, Records, area_file, commune_year, read_text};

/// What `baocao import` did.
#[derive(Debug)]
pub struct Imported {
    /// Files changed (with `--dry-run`: that would change), relative to the project root.
    pub files: Vec<String>,
    /// The changes, as `baocao diff` prints them; empty when nothing changed.
    pub changes: String,
    /// Warnings about cells (an emptied figure) and about the records after the import.
    pub warnings: Vec<Diagnostic>,
    /// Whether the files were written (false with `--dry-run` or when nothing changed).
    pub written: bool,
}

/// How `baocao import` runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions<'a> {
    /// List the changes, write nothing.
    pub dry_run: bool,
    /// The source (an id of `content/site.yaml`) that the years the import adds cite.
    pub source: Option<&'a str>,
    /// Colour the listed changes.
    pub colour: bool,
    /// The language of the listed changes' headings.
    pub language: crate::language::Language,
}

/// The figures to write: per file, per path, the new figure.
#[derive(Default)]
struct Plan {
    files: BTreeMap<String, BTreeMap<Vec<Step>, Figure>>,
}

/// Reads `file` and writes its figures into the records of the project at `root`, unless
/// `dry_run`. `colour` colours the listed changes.
pub fn import(
    root: &Path,
    file: &Path,
    options: &ImportOptions,
) -> Result<Imported, Vec<Diagnostic>> {
    let ImportOptions {
        dry_run,
        source,
        colour,
        language,
    } = *options;
    let name = file.display().to_string();
    let tables = table::read(file).map_err(|m| vec![Diagnostic::file_error(&name, m)])?;
    let (records, mut checked) = Records::load(root)?;
    // The staging check reads again only the files the import changes.
    let mut reuse = crate::load::Reuse::default();
    reuse.keep(&mut checked.project);
    let before_warnings: std::collections::HashSet<(String, String)> = checked
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.file.clone(),
                d.message.render(crate::language::Language::En),
            )
        })
        .collect();
    let before = crate::diff::Version::of("before".to_owned(), checked);
    let mut reader = Reader {
        root,
        name: &name,
        records: &records,
        trees: HashMap::new(),
        plan: Plan::default(),
        errors: Vec::new(),
        warnings: Vec::new(),
        seen: HashMap::new(),
    };
    let mut read_any = false;
    for table in &tables {
        read_any |= reader.table(table);
    }
    if let Some(id) = source
        && !records.sources.iter().any(|s| s == id)
    {
        let known: Vec<&str> = records.sources.iter().map(String::as_str).collect();
        let mut d = Diagnostic::file_error(
            "content/site.yaml",
            msg::SHEET_UNKNOWN_SOURCE.with("id", id),
        );
        d.hint = did_you_mean(id, &known).map(|s| msg::DID_YOU_MEAN.with("name", s));
        reader.errors.push(d);
    }
    reader.cite(source);
    if !read_any && reader.errors.is_empty() {
        reader.errors.push(
            Diagnostic::file_error(&name, msg::SHEET_NO_TABLE.message())
                .hint(msg::SHEET_START_FROM_EXPORT.message()),
        );
    }
    if !reader.errors.is_empty() {
        return Err(reader.errors);
    }
    let mut warnings = reader.warnings;
    let texts = new_texts(root, &reader.plan)?;
    if texts.is_empty() {
        return Ok(Imported {
            files: Vec::new(),
            changes: String::new(),
            warnings,
            written: false,
        });
    }
    reuse.saved(Some(&texts.keys().cloned().collect::<Vec<_>>()));
    let (changes, staged_warnings) = stage(root, before, &reuse, &texts, (colour, language))?;
    // Only what the import brings: warnings the project had before are not repeated.
    let staged_warnings = staged_warnings.into_iter().filter(|w| {
        !before_warnings.contains(&(
            w.file.clone(),
            w.message.render(crate::language::Language::En),
        ))
    });
    warnings.extend(staged_warnings);
    if !dry_run {
        write_all(root, &texts)?;
    }
    Ok(Imported {
        files: texts.keys().cloned().collect(),
        changes,
        warnings,
        written: !dry_run,
    })
}

/// Writes every file of `texts`, each in one step; when one cannot be written, puts the
/// files already written back as they were, so that an import changes all or nothing.
fn write_all(root: &Path, texts: &BTreeMap<String, String>) -> Result<(), Vec<Diagnostic>> {
    let mut done: Vec<(&String, Option<Vec<u8>>)> = Vec::new();
    for (path, text) in texts {
        let target = root.join(path);
        let before = std::fs::read(&target).ok();
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| write_atomically(&target, text.as_bytes()));
        match written {
            Ok(()) => done.push((path, before)),
            Err(e) => {
                let mut errors = vec![Diagnostic::file_error(
                    path,
                    msg::SHEET_UNWRITABLE.with("error", e),
                )];
                for (undo, before) in done.into_iter().rev() {
                    let target = root.join(undo);
                    let undone = match before {
                        Some(bytes) => write_atomically(&target, &bytes),
                        None => std::fs::remove_file(&target),
                    };
                    if let Err(e) = undone {
                        errors.push(Diagnostic::file_error(
                            undo,
                            msg::SHEET_LEFT_CHANGED.with("error", e),
                        ));
                    }
                }
                return Err(errors);
            }
        }
    }
    Ok(())
}

/// What the tables say, checked cell by cell.
struct Reader<'a> {
    root: &'a Path,
    /// The spreadsheet file as named on the command line.
    name: &'a str,
    records: &'a Records,
    /// Record files read so far, parsed (`None` when the file does not exist yet).
    trees: HashMap<String, Option<Tree>>,
    plan: Plan,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// (year, `commune/<id>` or `area/<key>`) → the cell where that row was first seen.
    seen: HashMap<(i64, String), String>,
}

/// The two layouts a table can have.
enum Layout {
    Communes,
    Area,
}

impl<'a> Reader<'a> {
    fn error(&mut self, place: String, message: Message, hint: Option<Message>) {
        let mut d = Diagnostic::file_error(&place, message);
        d.hint = hint;
        self.errors.push(d);
    }

    /// Reads one table; false when it is not one of baocao's.
    fn table(&mut self, table: &Table) -> bool {
        // The key row is row 2 as exported; a title row or two added above it are fine.
        let row_keys = |row: usize| -> Vec<String> {
            (0..table.rows.get(row).map_or(0, Vec::len))
                .map(|c| table.cell(row, c).as_text().unwrap_or_default())
                .collect()
        };
        let key_row = (0..table.rows.len().min(10))
            .find(|&r| {
                let keys = row_keys(r);
                keys.iter().any(|k| k == "year")
                    && keys
                        .iter()
                        .any(|k| ["code", "id", "field", "value"].contains(&k.as_str()))
            })
            .unwrap_or(1);
        let keys = row_keys(key_row);
        let sheet_year = table.sheet.as_deref().and_then(sheet_year);
        let has = |k: &str| keys.iter().any(|key| key == k);
        let known_field = keys.iter().any(|k| {
            self.records.commune_fields.iter().any(|f| &f.key == k)
                || self.records.area_fields.iter().any(|f| &f.key == k)
        });
        let layout = if has("field") || has("value") {
            Layout::Area
        } else if has("code") || has("id") || known_field {
            Layout::Communes
        } else {
            if table.sheet.as_deref() != Some("Hướng dẫn") && (has("year") || sheet_year.is_some())
            {
                self.error(
                    table.whole(self.name),
                    msg::SHEET_MISSING_KEY_COLUMN.with("key", "code"),
                    Some(msg::SHEET_START_FROM_EXPORT.message()),
                );
            } else if table.sheet.as_deref() != Some("Hướng dẫn") && table.sheet.is_some() {
                self.warnings.push(
                    Diagnostic::file_error(&table.whole(self.name), msg::SHEET_SKIPPED.message())
                        .warning(),
                );
            }
            return false;
        };
        let required: &[&str] = match layout {
            Layout::Communes => &["year"],
            Layout::Area => &["year", "field", "value"],
        };
        let mut missing = false;
        for key in required {
            if !has(key) {
                self.error(
                    table.whole(self.name),
                    msg::SHEET_MISSING_KEY_COLUMN.with("key", key),
                    Some(msg::SHEET_START_FROM_EXPORT.message()),
                );
                missing = true;
            }
        }
        if missing {
            return true;
        }
        let column = |k: &str| keys.iter().position(|key| key == k);
        let year_column = column("year").expect("checked");
        let first = key_row + 1;
        match layout {
            Layout::Communes => self.communes(table, &keys, first, year_column, sheet_year),
            Layout::Area => self.area(
                table,
                first,
                (year_column, sheet_year),
                column("field").expect("checked"),
                column("value").expect("checked"),
            ),
        }
        true
    }

    /// Gives each year the import adds (a new year of a commune, a new area year file) the
    /// source `source`; without one, warns that its figures will cite the file's own source.
    fn cite(&mut self, source: Option<&str>) {
        let area_files: Vec<&String> = self.records.area_files.values().collect();
        let mut added: Vec<(String, Vec<Step>, String)> = Vec::new();
        for (file, figures) in &self.plan.files {
            let tree = self.trees.get(file).and_then(Option::as_ref);
            if !area_files.contains(&file) && file.starts_with("content/years/") {
                let year = super::file_year(file);
                added.push((file.clone(), Vec::new(), year));
                continue;
            }
            let mut years: Vec<&Step> = figures
                .keys()
                .filter_map(|path| path.get(1))
                .filter(|step| matches!(step, Step::Item { .. }))
                .collect();
            years.dedup();
            for step in years {
                let base = vec![Step::key("years"), step.clone()];
                if tree.is_none_or(|t| t.get(&base).is_none()) {
                    let Step::Item { value, .. } = step else {
                        continue;
                    };
                    added.push((file.clone(), base, value.clone()));
                }
            }
        }
        for (file, base, year) in added {
            match source {
                Some(id) => {
                    let path = [base.as_slice(), &[Step::key("source")]].concat();
                    self.plan
                        .files
                        .entry(file)
                        .or_default()
                        .insert(path, Figure::Text(id.to_owned()));
                }
                None => {
                    let cited =
                        self.trees
                            .get(&file)
                            .and_then(Option::as_ref)
                            .and_then(|t| match t.get(&[Step::key("source")]) {
                                Some(Found::Scalar(s)) => Some(s.to_owned()),
                                _ => None,
                            });
                    let message = match cited {
                        Some(cited) => msg::SHEET_SOURCE_INHERITED
                            .with("year", &year)
                            .with("source", cited),
                        None => msg::SHEET_SOURCE_NONE.with("year", &year),
                    };
                    self.warnings.push(
                        Diagnostic::file_error(&file, message)
                            .hint(&msg::SHEET_SOURCE_HINT)
                            .warning(),
                    );
                }
            }
        }
    }

    /// The figure the records hold at `path` of `file` (each file is read once).
    fn current(&mut self, file: &str, path: &[Step], field: &Field) -> Option<Figure> {
        self.read_trees(std::iter::once(file));
        match self.trees.get(file)?.as_ref()?.get(path)? {
            Found::Scalar(s) => Figure::from_yaml(field.value, s),
            Found::Other => None,
        }
    }

    /// The year of a row; a sheet named after a year takes rows of that year only (a sheet
    /// copied and renamed to collect a new year would overwrite the old year's figures).
    fn year(
        &mut self,
        table: &Table,
        row: usize,
        column: usize,
        sheet_year: Option<i64>,
    ) -> Option<i64> {
        let text = table.cell(row, column).as_text().unwrap_or_default();
        match text.parse::<i64>() {
            Ok(year) if sheet_year.is_some_and(|s| s != year) => {
                let sheet = sheet_year.unwrap_or_default();
                self.error(
                    table.place(self.name, row, column),
                    msg::SHEET_YEAR_MISMATCH
                        .with("year", year)
                        .with("sheet", table.sheet.as_deref().unwrap_or_default()),
                    Some(msg::SHEET_YEAR_MISMATCH_HINT.with("year", sheet)),
                );
                None
            }
            Ok(year) if YEARS.contains(&year) => Some(year),
            _ => {
                self.error(
                    table.place(self.name, row, column),
                    msg::SHEET_BAD_YEAR.with("text", text),
                    None,
                );
                None
            }
        }
    }

    /// Compares a cell with the records and plans the change.
    fn figure(
        &mut self,
        table: &Table,
        (row, column): (usize, usize),
        file: &str,
        path: Vec<Step>,
        field: &Field,
    ) -> Option<Figure> {
        let place = table.place(self.name, row, column);
        let typed = match cell::read(table.cell(row, column), field.value) {
            Ok(typed) => typed,
            Err(e) => {
                self.error(place, e.message, e.hint);
                return None;
            }
        };
        let current = self.current(file, &path, field);
        match (&typed, &current) {
            (None, Some(kept)) => self.warnings.push(
                Diagnostic::file_error(&place, msg::SHEET_BLANK_KEPT.with("value", kept.display()))
                    .hint(msg::SHEET_BLANK_KEPT_HINT.with("file", file))
                    .warning(),
            ),
            (Some(new), old) if Some(new) != old.as_ref() => {
                self.plan
                    .files
                    .entry(file.to_owned())
                    .or_default()
                    .insert(path, new.clone());
            }
            _ => {}
        }
        typed.or(current)
    }

    /// Checks that no `safe` part exceeds its total, among the figures of one row or year.
    fn parts_within_totals(
        &mut self,
        fields: &[Field],
        values: &HashMap<String, (Option<Figure>, String)>,
    ) {
        for field in fields {
            let Some(total_key) = &field.at_most else {
                continue;
            };
            if let (
                Some((Some(Figure::Number(safe)), place)),
                Some((Some(Figure::Number(total)), _)),
            ) = (values.get(&field.key), values.get(total_key))
                && safe > total
            {
                let place = place.clone();
                self.error(
                    place,
                    msg::SHEET_SAFE_ABOVE_TOTAL
                        .with("safe", safe)
                        .with("total", total),
                    None,
                );
            }
        }
    }

    fn communes(
        &mut self,
        table: &Table,
        keys: &[String],
        first: usize,
        year_column: usize,
        sheet_year: Option<i64>,
    ) {
        let records = self.records;
        let fields = &records.commune_fields;
        let code_column = keys.iter().position(|k| k == "code");
        let id_column = keys.iter().position(|k| k == "id");
        let mut columns: Vec<(usize, &Field)> = Vec::new();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let known: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
        for (c, key) in keys.iter().enumerate() {
            if key.is_empty() || ["year", "code", "id", "name"].contains(&key.as_str()) {
                continue;
            }
            let place = table.place(self.name, first - 1, c);
            if let Some(&first) = seen.get(key.as_str()) {
                self.error(
                    place,
                    msg::SHEET_DUPLICATE_COLUMN
                        .with("key", key)
                        .with("other", cell::column_name(first)),
                    None,
                );
                continue;
            }
            seen.insert(key, c);
            match fields.iter().find(|f| &f.key == key) {
                Some(field) => columns.push((c, field)),
                None => self.error(
                    place,
                    msg::SHEET_UNKNOWN_COLUMN.with("key", key),
                    did_you_mean(key, &known).map(|s| msg::DID_YOU_MEAN.with("name", s)),
                ),
            }
        }
        // First the rows' communes, then their files (read in parallel), then the figures.
        let mut rows = Vec::new();
        for row in first..table.rows.len() {
            if table.rows[row].iter().all(Cell::is_empty) {
                continue;
            }
            let Some(year) = self.year(table, row, year_column, sheet_year) else {
                continue;
            };
            let Some((commune, key_column)) = self.commune(table, row, code_column, id_column)
            else {
                continue;
            };
            let first = self.first_row(
                table,
                (row, key_column),
                (year, format!("commune/{}", commune.id)),
                &commune.full_name,
            );
            if !first {
                continue;
            }
            rows.push((row, year, commune));
        }
        self.read_trees(rows.iter().map(|(_, _, c)| c.path.as_str()));
        for (row, year, commune) in rows {
            let base = commune_year(year);
            let mut values = HashMap::new();
            for &(column, field) in &columns {
                let path = [base.as_slice(), &field.path].concat();
                let value = self.figure(table, (row, column), &commune.path, path, field);
                values.insert(
                    field.key.clone(),
                    (value, table.place(self.name, row, column)),
                );
            }
            self.parts_within_totals(fields, &values);
        }
    }

    /// Whether this is the first row for `seen_key` in the file; else an error at `cell`
    /// naming `what` and the cell of the first row.
    fn first_row(
        &mut self,
        table: &Table,
        (row, column): (usize, usize),
        (year, key): (i64, String),
        what: &str,
    ) -> bool {
        if let Some(other) = self.seen.get(&(year, key.clone())) {
            let other = other.clone();
            self.error(
                table.place(self.name, row, column),
                msg::SHEET_DUPLICATE_ROW
                    .with("what", what)
                    .with("year", year)
                    .with("other", other),
                Some(msg::SHEET_DUPLICATE_HINT.message()),
            );
            return false;
        }
        self.seen.insert((year, key), table.cell_ref(row, column));
        true
    }

    /// Reads and parses the record files of `paths` not read yet, in parallel.
    fn read_trees<'p>(&mut self, paths: impl Iterator<Item = &'p str>) {
        use rayon::prelude::*;
        let mut missing: Vec<&str> = paths.filter(|p| !self.trees.contains_key(*p)).collect();
        missing.sort_unstable();
        missing.dedup();
        let read: Vec<_> = missing
            .par_iter()
            .map(|path| (*path, read_text(self.root, path).map(|t| Tree::parse(&t))))
            .collect();
        for (path, tree) in read {
            match tree {
                Ok(tree) => {
                    self.trees.insert(path.to_owned(), tree);
                }
                Err(e) => self.errors.push(Diagnostic::file_error(
                    path,
                    msg::SHEET_UNREADABLE.with("error", e),
                )),
            }
        }
    }

    /// The commune a row names by code or id, and the column of that key.
    fn commune(
        &mut self,
        table: &Table,
        row: usize,
        code_column: Option<usize>,
        id_column: Option<usize>,
    ) -> Option<(&'a CommuneFile, usize)> {
        let communes = &self.records.communes;
        let text = |column: Option<usize>| {
            column.and_then(|c| {
                let text = table.cell(row, c).as_text()?;
                (!text.is_empty()).then_some((c, text))
            })
        };
        let by_code = match text(code_column) {
            None => None,
            Some((c, code)) => {
                // A code that lost its leading zeros (typed as a number) still matches.
                let bare = code.trim_start_matches('0');
                let found = communes
                    .iter()
                    .find(|x| x.code.as_deref() == Some(&code))
                    .or_else(|| {
                        let mut same = communes.iter().filter(|x| {
                            x.code.as_deref().map(|k| k.trim_start_matches('0')) == Some(bare)
                        });
                        let first = same.next();
                        first.filter(|_| same.next().is_none())
                    });
                match found {
                    Some(commune) => Some((commune, c, code)),
                    None => {
                        self.error(
                            table.place(self.name, row, c),
                            msg::SHEET_UNKNOWN_CODE.with("code", code),
                            Some(msg::SHEET_MATCH_HINT.message()),
                        );
                        return None;
                    }
                }
            }
        };
        let by_id = match text(id_column) {
            None => None,
            Some((c, id)) => match communes.iter().find(|x| x.id == id) {
                Some(commune) => Some((commune, c, id)),
                None => {
                    self.error(
                        table.place(self.name, row, c),
                        msg::SHEET_UNKNOWN_ID.with("id", id),
                        Some(msg::SHEET_MATCH_HINT.message()),
                    );
                    return None;
                }
            },
        };
        match (by_code, by_id) {
            (Some((a, c, code)), Some((b, _, id))) if !std::ptr::eq(a, b) => {
                self.error(
                    table.place(self.name, row, c),
                    msg::SHEET_CODE_ID_DISAGREE
                        .with("code", code)
                        .with("by_code", &a.full_name)
                        .with("id", id)
                        .with("by_id", &b.full_name),
                    Some(msg::SHEET_MATCH_HINT.message()),
                );
                None
            }
            (Some((commune, c, _)), _) | (None, Some((commune, c, _))) => Some((commune, c)),
            (None, None) => {
                let column = code_column.or(id_column).unwrap_or(0);
                self.error(
                    table.place(self.name, row, column),
                    msg::SHEET_NO_COMMUNE.message(),
                    Some(msg::SHEET_MATCH_HINT.message()),
                );
                None
            }
        }
    }

    fn area(
        &mut self,
        table: &Table,
        first: usize,
        (year_column, sheet_year): (usize, Option<i64>),
        field_column: usize,
        value_column: usize,
    ) {
        let records = self.records;
        let known: Vec<&str> = records.area_fields.iter().map(|f| f.key.as_str()).collect();
        let mut by_year: BTreeMap<i64, HashMap<String, (Option<Figure>, String)>> = BTreeMap::new();
        for row in first..table.rows.len() {
            if table.rows[row].iter().all(Cell::is_empty) {
                continue;
            }
            let Some(year) = self.year(table, row, year_column, sheet_year) else {
                continue;
            };
            let key = table.cell(row, field_column).as_text().unwrap_or_default();
            let field_place = table.place(self.name, row, field_column);
            let Some(field) = records.area_fields.iter().find(|f| f.key == key) else {
                self.error(
                    field_place,
                    msg::SHEET_UNKNOWN_COLUMN.with("key", &key),
                    did_you_mean(&key, &known).map(|s| msg::DID_YOU_MEAN.with("name", s)),
                );
                continue;
            };
            let first = self.first_row(
                table,
                (row, field_column),
                (year, format!("area/{key}")),
                &field.label,
            );
            if !first {
                continue;
            }
            let file = records
                .area_files
                .get(&year)
                .cloned()
                .unwrap_or_else(|| area_file(year));
            let value = self.figure(table, (row, value_column), &file, field.path.clone(), field);
            by_year.entry(year).or_default().insert(
                field.key.clone(),
                (value, table.place(self.name, row, value_column)),
            );
        }
        for values in by_year.values() {
            self.parts_within_totals(&records.area_fields, values);
        }
    }
}

/// The year a sheet is named after: `2024` or `Toàn địa bàn 2024`.
fn sheet_year(name: &str) -> Option<i64> {
    let year = name.trim().rsplit(' ').next()?;
    (year.len() == 4)
        .then(|| year.parse().ok())
        .flatten()
        .filter(|y| YEARS.contains(y))
}

/// The new text of every file the plan changes.
fn new_texts(root: &Path, plan: &Plan) -> Result<BTreeMap<String, String>, Vec<Diagnostic>> {
    let mut texts = BTreeMap::new();
    let mut errors = Vec::new();
    for (path, figures) in &plan.files {
        let changes: Vec<(Vec<Step>, String)> = figures
            .iter()
            .map(|(p, f)| (p.clone(), f.to_yaml()))
            .collect();
        let (text, bom) = match std::fs::read_to_string(root.join(path)) {
            Ok(text) => match text.strip_prefix('\u{feff}') {
                Some(rest) => (rest.to_owned(), true),
                None => (text, false),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                texts.insert(path.clone(), tree::new_document(&changes));
                continue;
            }
            Err(e) => {
                errors.push(Diagnostic::file_error(
                    path,
                    msg::SHEET_UNREADABLE.with("error", e),
                ));
                continue;
            }
        };
        let Some(tree) = Tree::parse(&text) else {
            // A file of comments only (the figures were all deleted): the new ones follow.
            let mut new = text.clone();
            if !new.is_empty() && !new.ends_with('\n') {
                new.push('\n');
            }
            new.push_str(&tree::new_document(&changes));
            texts.insert(
                path.clone(),
                if bom { format!("\u{feff}{new}") } else { new },
            );
            continue;
        };
        match tree.edit(&changes) {
            Ok(new) => {
                texts.insert(
                    path.clone(),
                    if bom { format!("\u{feff}{new}") } else { new },
                );
            }
            Err(e) => {
                let key = e
                    .path
                    .iter()
                    .map(|s| match s {
                        Step::Key(k) => k.as_str(),
                        Step::Item { value, .. } => value.as_str(),
                    })
                    .collect::<Vec<_>>()
                    .join(".");
                let message = match e.reason {
                    Reason::Flow => msg::SHEET_EDIT_FLOW.with("key", key),
                    Reason::NoPlace => msg::SHEET_EDIT_NO_PLACE.with("key", key),
                    Reason::Shared => msg::SHEET_EDIT_SHARED.message(),
                };
                let line = u32::try_from(e.line).unwrap_or(0);
                let source = crate::load::SourceFile::new(path.clone(), text.clone());
                errors.push(
                    source
                        .error_at(line, 1, message)
                        .hint(msg::SHEET_EDIT_HINT.message()),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(texts)
    } else {
        Err(errors)
    }
}

/// Checks the project as it would be with `texts`, in a copy beside it, and lists the changes
/// as `baocao diff` does (`style`: in colour, in a language). Returns the changes and the
/// project's warnings after the import.
fn stage(
    root: &Path,
    before: crate::diff::Version,
    reuse: &crate::load::Reuse,
    texts: &BTreeMap<String, String>,
    (colour, language): (bool, crate::language::Language),
) -> Result<(String, Vec<Diagnostic>), Vec<Diagnostic>> {
    let failed = |e: std::io::Error| {
        vec![Diagnostic::file_error(
            "content",
            msg::SHEET_UNWRITABLE.with("error", e),
        )]
    };
    // In the system's temporary folder, so that nothing is left in the project if the import
    // is killed (hard links where it is on the same disk, copies elsewhere).
    let staging = tempfile::Builder::new()
        .prefix("baocao-import-")
        .tempdir()
        .map_err(failed)?;
    for folder in ["content", "templates"] {
        mirror(&root.join(folder), &staging.path().join(folder)).map_err(failed)?;
    }
    for (path, text) in texts {
        let target = staging.path().join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(failed)?;
        }
        // Replace the link to the original rather than writing through it.
        let _ = std::fs::remove_file(&target);
        std::fs::write(&target, text).map_err(failed)?;
    }
    let after = crate::check_reusing(staging.path(), reuse);
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = after
        .diagnostics
        .iter()
        .cloned()
        .partition(Diagnostic::is_error);
    if !errors.is_empty() {
        let mut all = vec![Diagnostic::file_error(
            "content",
            msg::SHEET_RESULT_INVALID.message(),
        )];
        all.extend(errors);
        return Err(all);
    }
    let diff = crate::diff::between(before, crate::diff::Version::of("after".to_owned(), after));
    Ok((diff.render_changes(colour, language), warnings))
}

/// Makes `to` a copy of the folder `from` (hard links where the file system allows them).
fn mirror(from: &Path, to: &Path) -> std::io::Result<()> {
    if !from.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(from).follow_links(false) {
        let entry = entry.map_err(std::io::Error::other)?;
        let relative: PathBuf = entry
            .path()
            .strip_prefix(from)
            .expect("below from")
            .to_owned();
        let target = to.join(relative);
        let kind = entry.file_type();
        if kind.is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if kind.is_file() && std::fs::hard_link(entry.path(), &target).is_err() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
