//! `baocao export`: the collection workbook. A guide sheet; per year, a sheet with a row per
//! commune and a column per figure, and a sheet with a row per area-wide figure. Key columns
//! and rows are grey and locked; figure cells are open, filled with the current figures and
//! checked by data validation as they are typed.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatBorder,
    Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::text::YEARS;

use super::cell::{Figure, cell_name, column_name};
use super::fields::{Field, Value, max_of};
use super::tree::{Found, Step, Tree};
use super::{Records, commune_year, read_text};

/// What `baocao export` wrote.
#[derive(Debug)]
pub struct Exported {
    pub path: PathBuf,
    pub years: Vec<i64>,
    pub communes: usize,
}

/// The sheet of a year's communes.
pub fn communes_sheet(year: i64) -> String {
    year.to_string()
}

/// The sheet of a year's area-wide figures.
pub fn area_sheet(year: i64) -> String {
    format!("Toàn địa bàn {year}")
}

/// Key columns of the communes' sheet: header, key, width.
const COMMUNE_KEYS: [(&str, &str, f64); 4] = [
    ("Năm", "year", 7.0),
    ("Mã", "code", 8.0),
    ("Mã định danh", "id", 18.0),
    ("Tên", "name", 24.0),
];

/// Columns of the area's sheet: header, key, width.
const AREA_COLUMNS: [(&str, &str, f64); 5] = [
    ("Năm", "year", 7.0),
    ("Khoá", "field", 30.0),
    ("Chỉ tiêu", "label", 60.0),
    ("Đơn vị", "unit", 12.0),
    ("Số liệu", "value", 18.0),
];

/// Writes the collection workbook of the project at `root` for `years` (every year with
/// figures when empty) to `out`.
pub fn export(root: &Path, years: &[i64], out: &Path) -> Result<Exported, Vec<Diagnostic>> {
    let place = out.display().to_string();
    if !out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        return Err(vec![Diagnostic::file_error(
            &place,
            msg::SHEET_EXPORT_FORMAT.message(),
        )]);
    }
    if let Some(year) = years.iter().find(|y| !YEARS.contains(y)) {
        return Err(vec![Diagnostic::file_error(
            &place,
            msg::SHEET_BAD_YEAR_ARG.with("year", year),
        )]);
    }
    let (records, _) = Records::load(root)?;
    let mut years: Vec<i64> = if years.is_empty() {
        records.years.clone()
    } else {
        years.to_vec()
    };
    years.sort_unstable();
    years.dedup();
    if years.is_empty() {
        return Err(vec![
            Diagnostic::file_error(&place, msg::SHEET_NO_YEARS.message())
                .hint(msg::SHEET_NO_YEARS_HINT.message()),
        ]);
    }
    let unwritable = |e: &dyn std::fmt::Display| {
        vec![Diagnostic::file_error(
            &place,
            msg::SHEET_UNWRITABLE.with("error", e),
        )]
    };
    let bytes = workbook(root, &records, &years).map_err(|e| unwritable(&e))?;
    write_atomically(out, &bytes).map_err(|e| unwritable(&e))?;
    Ok(Exported {
        path: out.to_owned(),
        years,
        communes: records.communes.len(),
    })
}

/// Writes `bytes` to `path` through a temporary file beside it, so that a reader never sees
/// half a file.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    // Keep the mode of the file replaced; a new file gets the usual one, not the
    // temporary file's owner-only mode.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => meta.permissions(),
        Err(_) => default_permissions(file.as_file())?,
    };
    file.as_file().set_permissions(permissions)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions(_: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

struct Styles {
    header: Format,
    key: Format,
    locked: Format,
    locked_text: Format,
    open: Format,
    open_text: Format,
    guide: Format,
    title: Format,
}

impl Styles {
    fn new() -> Styles {
        let grey = Color::RGB(0xE7E6E6);
        Styles {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color(Color::RGB(0xD0CECE))
                .set_border(FormatBorder::Thin),
            key: Format::new()
                .set_italic()
                .set_font_size(8)
                .set_font_color(Color::RGB(0x595959))
                .set_background_color(grey),
            locked: Format::new().set_background_color(grey),
            locked_text: Format::new().set_background_color(grey).set_num_format("@"),
            open: Format::new().set_unlocked().set_num_format("0"),
            open_text: Format::new().set_unlocked().set_num_format("@"),
            guide: Format::new().set_text_wrap(),
            title: Format::new().set_bold().set_font_size(14),
        }
    }
}

/// The workbook's bytes: the same project and years always give the same bytes.
fn workbook(root: &Path, records: &Records, years: &[i64]) -> Result<Vec<u8>, XlsxError> {
    let styles = Styles::new();
    let mut book = Workbook::new();
    // A fixed date keeps the file the same from run to run.
    let created = ExcelDateTime::from_ymd(years[0] as u16, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Sổ thu thập số liệu")
            .set_creation_datetime(&created),
    );
    guide(book.add_worksheet(), &styles, years)?;
    let mut trees = std::collections::HashMap::new();
    for commune in &records.communes {
        let text = read_text(root, &commune.path).map_err(XlsxError::IoError)?;
        if let Some(tree) = Tree::parse(&text) {
            trees.insert(commune.path.as_str(), tree);
        }
    }
    for &year in years {
        let sheet = book.add_worksheet();
        sheet.set_name(communes_sheet(year))?;
        communes(sheet, &styles, records, &trees, year)?;
        let text = match records.area_files.get(&year) {
            Some(path) => read_text(root, path).map_err(XlsxError::IoError)?,
            None => String::new(),
        };
        let tree = Tree::parse(&text);
        let sheet = book.add_worksheet();
        sheet.set_name(area_sheet(year))?;
        area(sheet, &styles, records, tree.as_ref(), year)?;
    }
    book.save_to_buffer()
}

/// The current figure at `path`, if the records hold one.
fn current(tree: Option<&Tree>, path: &[Step], value: Value) -> Option<Figure> {
    match tree?.get(path)? {
        Found::Scalar(s) => Figure::from_yaml(value, s),
        Found::Other => None,
    }
}

fn write_figure(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    figure: Option<Figure>,
    field: &Field,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let open = if field.value == Value::Text {
        &styles.open_text
    } else {
        &styles.open
    };
    match figure {
        // Whole numbers beyond 2^53 would lose digits in a spreadsheet's number.
        Some(Figure::Number(n)) if n < (1 << 53) => {
            sheet.write_number_with_format(row, column, n as f64, open)?
        }
        Some(figure @ (Figure::Number(_) | Figure::Flag(_))) => {
            sheet.write_string_with_format(row, column, figure.display(), open)?
        }
        Some(Figure::Text(t)) => sheet.write_string_with_format(row, column, t, open)?,
        None => sheet.write_blank(row, column, open)?,
    };
    Ok(())
}

/// The data validation of a figure's cells; `total` is the cell (relative to the first
/// validated cell's row) of the total a `safe` part may not exceed.
fn validation(
    field: &Field,
    first: &str,
    total: Option<&str>,
) -> Result<DataValidation, XlsxError> {
    let validation = match (field.value, total) {
        (Value::Count { .. }, Some(total)) => DataValidation::new().allow_custom(Formula::new(
            format!("=AND(ISNUMBER({first}),{first}=INT({first}),{first}>=0,OR(ISBLANK({total}),{first}<={total}))"),
        )),
        (Value::Count { max }, None) => DataValidation::new().allow_whole_number(
            DataValidationRule::Between(0, max.min(i32::MAX as u64) as i32),
        ),
        (Value::Money, _) => DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(0.0, max_of(Value::Money) as f64)),
        (Value::Flag, _) => DataValidation::new().allow_list_strings(&["có", "không"])?,
        (Value::Text, _) => return Ok(DataValidation::new().allow_any_value()),
    };
    let message = match field.value {
        Value::Flag => "Chọn \"có\" hoặc \"không\".",
        _ if total.is_some() => {
            "Gõ một số nguyên từ 0 trở lên, không lớn hơn tổng số; để trống nếu không có số liệu."
        }
        _ => {
            "Gõ một số nguyên từ 0 trở lên, chỉ gồm chữ số (ví dụ 24527); để trống nếu không có số liệu."
        }
    };
    validation
        .set_error_title("Số liệu không hợp lệ")?
        .set_error_message(message)
}

fn communes(
    sheet: &mut Worksheet,
    styles: &Styles,
    records: &Records,
    trees: &std::collections::HashMap<&str, Tree>,
    year: i64,
) -> Result<(), XlsxError> {
    let keys = COMMUNE_KEYS.len() as u16;
    for (column, (header, key, width)) in COMMUNE_KEYS.iter().enumerate() {
        let column = column as u16;
        sheet.write_string_with_format(0, column, *header, &styles.header)?;
        sheet.write_string_with_format(1, column, *key, &styles.key)?;
        sheet.set_column_width(column, *width)?;
    }
    for (i, field) in records.commune_fields.iter().enumerate() {
        let column = keys + i as u16;
        sheet.write_string_with_format(0, column, field.header(), &styles.header)?;
        sheet.write_string_with_format(1, column, &field.key, &styles.key)?;
        sheet.set_column_width(column, 16)?;
    }
    sheet.set_row_height(0, 60)?;
    let year_path = commune_year(year);
    for (i, commune) in records.communes.iter().enumerate() {
        let row = 2 + i as u32;
        sheet.write_number_with_format(row, 0, year as f64, &styles.locked)?;
        match &commune.code {
            Some(code) => sheet.write_string_with_format(row, 1, code, &styles.locked_text)?,
            None => sheet.write_blank(row, 1, &styles.locked)?,
        };
        sheet.write_string_with_format(row, 2, &commune.id, &styles.locked)?;
        sheet.write_string_with_format(row, 3, &commune.full_name, &styles.locked)?;
        let tree = trees.get(commune.path.as_str());
        for (j, field) in records.commune_fields.iter().enumerate() {
            let path = [year_path.as_slice(), &field.path].concat();
            let figure = current(tree, &path, field.value);
            write_figure(sheet, row, keys + j as u16, figure, field, styles)?;
        }
    }
    if !records.communes.is_empty() {
        let last = 1 + records.communes.len() as u32;
        for (j, field) in records.commune_fields.iter().enumerate() {
            let column = keys as usize + j;
            let total = field.at_most.as_ref().and_then(|key| {
                let t = records.commune_fields.iter().position(|f| &f.key == key)?;
                Some(format!("{}3", column_name(keys as usize + t)))
            });
            let rule = validation(field, &cell_name(2, column), total.as_deref())?;
            sheet.add_data_validation(2, column as u16, last, column as u16, &rule)?;
        }
    }
    sheet.set_freeze_panes(2, keys)?;
    protect(sheet);
    Ok(())
}

fn area(
    sheet: &mut Worksheet,
    styles: &Styles,
    records: &Records,
    tree: Option<&Tree>,
    year: i64,
) -> Result<(), XlsxError> {
    for (column, (header, key, width)) in AREA_COLUMNS.iter().enumerate() {
        let column = column as u16;
        sheet.write_string_with_format(0, column, *header, &styles.header)?;
        sheet.write_string_with_format(1, column, *key, &styles.key)?;
        sheet.set_column_width(column, *width)?;
    }
    let value_column = AREA_COLUMNS.len() as u16 - 1;
    for (i, field) in records.area_fields.iter().enumerate() {
        let row = 2 + i as u32;
        sheet.write_number_with_format(row, 0, year as f64, &styles.locked)?;
        sheet.write_string_with_format(row, 1, &field.key, &styles.locked)?;
        sheet.write_string_with_format(row, 2, &field.label, &styles.locked)?;
        sheet.write_string_with_format(row, 3, &field.unit, &styles.locked)?;
        let figure = current(tree, &field.path, field.value);
        write_figure(sheet, row, value_column, figure, field, styles)?;
        let total = field.at_most.as_ref().and_then(|key| {
            let t = records.area_fields.iter().position(|f| &f.key == key)?;
            Some(cell_name(2 + t, value_column as usize))
        });
        let rule = validation(
            field,
            &cell_name(row as usize, value_column as usize),
            total.as_deref(),
        )?;
        sheet.add_data_validation(row, value_column, row, value_column, &rule)?;
    }
    sheet.set_freeze_panes(2, 0)?;
    protect(sheet);
    Ok(())
}

/// Locks the grey cells (no password: it guards against slips, not people).
fn protect(sheet: &mut Worksheet) {
    let mut options = ProtectionOptions::new();
    options.format_columns = true;
    options.format_rows = true;
    sheet.protect_with_options(&options);
}

const GUIDE: &[&str] = &[
    "Sổ này dùng để thu thập số liệu của báo cáo. Mỗi năm có hai trang tính:",
    "• Trang mang tên năm (ví dụ \"{year}\"): mỗi hàng là một xã, phường; mỗi cột là một số liệu.",
    "• Trang \"Toàn địa bàn {year}\": mỗi hàng là một số liệu của toàn địa bàn.",
    "",
    "Cách điền:",
    "1. Chỉ gõ vào các ô trắng. Không sửa, không xoá các cột và hàng màu xám (năm, mã, mã định danh, khoá): baocao dùng chúng để biết số liệu thuộc xã nào, chỉ tiêu nào.",
    "2. Gõ số nguyên, chỉ gồm chữ số, không có dấu chấm hay dấu phẩy: 24527, không phải 24.527.",
    "3. Ô nào không có số liệu thì để trống. Để trống một ô đang có số thì số cũ được giữ nguyên.",
    "4. Cột \"Đạt chuẩn an toàn về ANTT\": chọn \"có\" hoặc \"không\".",
    "5. Số đạt chuẩn không được lớn hơn tổng số.",
    "6. Có thể thêm, bớt hàng của xã, phường nhưng không được đổi mã. Các hàng được ghép theo mã, không theo tên.",
    "",
    "Sau khi điền xong, lưu lại dưới dạng .xlsx (hoặc .ods, .csv) và gửi cho cán bộ phụ trách báo cáo.",
    "Cán bộ phụ trách chạy:",
    "    baocao import so-lieu.xlsx --dry-run    (xem trước những gì sẽ thay đổi, chưa ghi gì)",
    "    baocao import so-lieu.xlsx              (ghi số liệu vào hồ sơ YAML)",
    "rồi xem lại bằng `baocao diff HEAD` và `baocao build`.",
    "Nếu có ô sai, baocao báo tên trang tính và ô (ví dụ: so-lieu.xlsx: Sheet \"{year}\" D7) và không ghi gì cả.",
];

fn guide(sheet: &mut Worksheet, styles: &Styles, years: &[i64]) -> Result<(), XlsxError> {
    sheet.set_name("Hướng dẫn")?;
    sheet.set_column_width(0, 110)?;
    sheet.write_string_with_format(0, 0, "Hướng dẫn điền số liệu", &styles.title)?;
    let year = years.last().copied().unwrap_or_default().to_string();
    for (i, line) in GUIDE.iter().enumerate() {
        sheet.write_string_with_format(
            2 + i as u32,
            0,
            line.replace("{year}", &year),
            &styles.guide,
        )?;
    }
    Ok(())
}
