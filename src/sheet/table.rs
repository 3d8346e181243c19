//! Reading a spreadsheet file into tables of cells: `.xlsx`, `.xls` and `.ods` through
//! calamine, `.csv` (UTF-8 with or without a byte-order mark, `,` or `;` between cells)
//! through the csv crate.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

use crate::messages::{self as msg, Message};

use super::cell::{Cell, cell_name};

/// One sheet of a workbook, or a CSV file.
#[derive(Debug)]
pub struct Table {
    /// The sheet's name; `None` for a CSV file.
    pub sheet: Option<String>,
    /// Rows of cells, from A1; rows may be shorter than others.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The cell at a 0-based row and column (empty when outside the table).
    pub fn cell(&self, row: usize, column: usize) -> &Cell {
        self.rows
            .get(row)
            .and_then(|r| r.get(column))
            .unwrap_or(&Cell::Empty)
    }

    /// Where a cell is, for messages: `so-lieu.xlsx: Sheet "2024" D7`, or `so-lieu.csv: D7`.
    pub fn place(&self, file: &str, row: usize, column: usize) -> String {
        format!("{file}: {}", self.cell_ref(row, column))
    }

    /// Where a cell is within the file: `Sheet "2024" D7`, or `D7` in a CSV file.
    pub fn cell_ref(&self, row: usize, column: usize) -> String {
        match &self.sheet {
            Some(sheet) => format!("Sheet \"{sheet}\" {}", cell_name(row, column)),
            None => cell_name(row, column),
        }
    }

    /// Where the sheet is, for messages about it as a whole.
    pub fn whole(&self, file: &str) -> String {
        match &self.sheet {
            Some(sheet) => format!("{file}: Sheet \"{sheet}\""),
            None => file.to_owned(),
        }
    }
}

/// Reads every sheet of the spreadsheet at `path`.
pub fn read(path: &Path) -> Result<Vec<Table>, Message> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("csv") => read_csv(path).map(|t| vec![t]),
        Some("xlsx" | "xlsm" | "xls" | "ods") => read_workbook(path),
        _ => Err(msg::SHEET_UNSUPPORTED.message()),
    }
}

fn read_workbook(path: &Path) -> Result<Vec<Table>, Message> {
    let unreadable = |e: &dyn std::fmt::Display| msg::SHEET_UNREADABLE.with("error", e);
    let mut workbook = open_workbook_auto(path).map_err(|e| unreadable(&e))?;
    let mut tables = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| unreadable(&e))?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut put = |row: usize, column: usize, cell: Cell| {
            if rows.len() <= row {
                rows.resize_with(row + 1, Vec::new);
            }
            let r = &mut rows[row];
            if r.len() <= column {
                r.resize(column + 1, Cell::Empty);
            }
            r[column] = cell;
        };
        if let Some((top, left)) = range.start() {
            for (row, column, data) in range.used_cells() {
                put(top as usize + row, left as usize + column, cell_of(data));
            }
        }
        // Formulas a program wrote without computing them have no value to read.
        if let Ok(formulas) = workbook.worksheet_formula(&name)
            && let Some((top, left)) = formulas.start()
        {
            for (row, column, formula) in formulas.used_cells() {
                let (row, column) = (top as usize + row, left as usize + column);
                let has_value = range
                    .get_value((row as u32, column as u32))
                    .is_some_and(|v| {
                        !matches!(v, Data::Empty) && v != &Data::String(String::new())
                    });
                if !formula.is_empty() && !has_value {
                    put(row, column, Cell::Uncomputed(format!("={formula}")));
                }
            }
        }
        tables.push(Table {
            sheet: Some(name),
            rows,
        });
    }
    Ok(tables)
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => Cell::Date,
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}

fn read_csv(path: &Path) -> Result<Table, Message> {
    let unreadable = |e: &dyn std::fmt::Display| msg::SHEET_UNREADABLE.with("error", e);
    let bytes = std::fs::read(path).map_err(|e| unreadable(&e))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| msg::SHEET_CSV_NOT_UTF8.message())?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| unreadable(&e))?;
        // Blank lines are skipped by the reader: keep rows at their line, so that a cell is
        // named as the spreadsheet shows it.
        let line = record.position().map_or(rows.len() + 1, |p| {
            // The reader's position may point at the line break before the record.
            let bytes = text.as_bytes();
            let mut start = (p.byte() as usize).min(bytes.len());
            while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
                start += 1;
            }
            bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1
        });
        while rows.len() + 1 < line {
            rows.push(Vec::new());
        }
        rows.push(
            record
                .iter()
                .map(|field| {
                    if field.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(field.to_owned())
                    }
                })
                .collect(),
        );
    }
    Ok(Table { sheet: None, rows })
}

/// `;` when the first line has more semicolons than commas outside quotes (Excel on a
/// Vietnamese Windows writes `;`), else `,`.
fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let (mut commas, mut semicolons, mut quoted) = (0, 0, false);
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_semicolon_csv_with_bom() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("so-lieu.csv");
        std::fs::write(
            &path,
            "\u{feff}Năm;Mã;\"Tên; đầy đủ\"\r\nyear;code;name\r\n\r\n2024;04276;Tuy Lộc\r\n",
        )
        .unwrap();
        let table = read(&path).unwrap().remove(0);
        assert_eq!(table.sheet, None);
        assert_eq!(table.cell(0, 0), &Cell::Text("Năm".into()));
        assert_eq!(table.cell(0, 2), &Cell::Text("Tên; đầy đủ".into()));
        assert_eq!(table.cell(3, 1), &Cell::Text("04276".into()));
        assert_eq!(table.cell(9, 9), &Cell::Empty);
        assert_eq!(table.place("so-lieu.csv", 3, 1), "so-lieu.csv: B4");
    }

    #[test]
    fn refuses_other_files() {
        assert_eq!(
            read(Path::new("so-lieu.docx")).unwrap_err(),
            msg::SHEET_UNSUPPORTED.message()
        );
    }
}
