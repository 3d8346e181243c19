//! What a spreadsheet cell holds, and the figure it stands for: the rules an officer's typing
//! is read by, with a message for each way it can go wrong.

use crate::messages::{self as msg, Message};
use crate::text::format_int;

use super::fields::{Value, max_of};

/// A cell as read from a workbook or a CSV file.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(String),
    Bool(bool),
    Date,
    /// An error value such as `#DIV/0!`.
    Error(String),
    /// A formula that was never computed (the file was written by a program, not saved by a
    /// spreadsheet).
    Uncomputed(String),
}

impl Cell {
    /// Whether nothing was typed.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, for keys and codes: numbers without a fraction print as integers.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Cell::Text(t) => Some(crate::text::nfc(t.trim())),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{n:.0}")),
            Cell::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

/// A figure read from a cell or from a YAML record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure {
    Number(u64),
    Flag(bool),
    Text(String),
}

impl Figure {
    /// Reads a scalar of a YAML record (a file that `baocao check` accepts).
    pub fn from_yaml(value: Value, scalar: &str) -> Option<Figure> {
        match value {
            Value::Count { .. } | Value::Money => scalar.parse().ok().map(Figure::Number),
            Value::Flag => match scalar {
                "true" | "True" | "TRUE" => Some(Figure::Flag(true)),
                "false" | "False" | "FALSE" => Some(Figure::Flag(false)),
                _ => None,
            },
            Value::Text => Some(Figure::Text(scalar.to_owned())),
        }
    }

    /// The figure as a YAML scalar.
    pub fn to_yaml(&self) -> String {
        match self {
            Figure::Number(n) => n.to_string(),
            Figure::Flag(b) => b.to_string(),
            Figure::Text(t) => serde_json::to_string(t).expect("a string serialises"),
        }
    }

    /// The figure as shown to people: `24.527`, `có`, the text.
    pub fn display(&self) -> String {
        match self {
            Figure::Number(n) => format_int(*n as i64),
            Figure::Flag(true) => "có".to_owned(),
            Figure::Flag(false) => "không".to_owned(),
            Figure::Text(t) => format!("\"{t}\""),
        }
    }
}

/// Why a cell cannot be read: the message and, where there is one, what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub message: Message,
    pub hint: Option<Message>,
}

fn fail(message: Message) -> CellError {
    CellError {
        message,
        hint: None,
    }
}

fn fail_hint(message: Message, hint: Message) -> CellError {
    CellError {
        message,
        hint: Some(hint),
    }
}

/// Reads the figure a cell stands for: `None` when the cell is empty.
pub fn read(cell: &Cell, value: Value) -> Result<Option<Figure>, CellError> {
    match cell {
        _ if cell.is_empty() => Ok(None),
        Cell::Uncomputed(formula) => Err(fail_hint(
            msg::SHEET_UNCOMPUTED.with("formula", formula),
            msg::SHEET_UNCOMPUTED_HINT.message(),
        )),
        Cell::Error(error) => Err(fail(msg::SHEET_CELL_ERROR.with("error", error))),
        Cell::Date => Err(fail_hint(
            msg::SHEET_DATE.message(),
            msg::SHEET_DIGITS_HINT.message(),
        )),
        _ => match value {
            Value::Count { .. } | Value::Money => read_number(cell, max_of(value)).map(Some),
            Value::Flag => read_flag(cell).map(Some),
            Value::Text => Ok(cell.as_text().map(Figure::Text)),
        },
    }
}

fn read_number(cell: &Cell, max: u64) -> Result<Figure, CellError> {
    let number = match cell {
        Cell::Number(n) => *n,
        Cell::Text(text) => return read_number_text(text.trim(), max),
        Cell::Bool(b) => {
            return Err(fail_hint(
                msg::SHEET_NOT_A_NUMBER.with("text", if *b { "TRUE" } else { "FALSE" }),
                msg::SHEET_DIGITS_HINT.message(),
            ));
        }
        _ => unreachable!("handled by read"),
    };
    let shown = crate::text::nfc(&number.to_string().replace('.', ","));
    if number < 0.0 {
        return Err(fail(msg::SHEET_NEGATIVE.with("value", shown)));
    }
    if number.fract() != 0.0 {
        return Err(fail(msg::SHEET_FRACTION.with("value", shown)));
    }
    if number > max as f64 {
        return Err(too_large(&format!("{number:.0}"), max));
    }
    checked(number as u64, max)
}

fn checked(value: u64, max: u64) -> Result<Figure, CellError> {
    if value > max {
        return Err(too_large(&value.to_string(), max));
    }
    Ok(Figure::Number(value))
}

/// `digits` is more than `max`; both are shown with Vietnamese thousands separators.
fn too_large(digits: &str, max: u64) -> CellError {
    let grouped = |digits: &str| {
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('.');
            }
            out.push(c);
        }
        out
    };
    fail(
        msg::SHEET_TOO_LARGE
            .with("value", grouped(digits))
            .with("max", grouped(&max.to_string())),
    )
}

/// A number typed as text: digits are read; "1.234" and "12,5" are explained, not guessed.
fn read_number_text(text: &str, max: u64) -> Result<Figure, CellError> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(text) {
        return match text.parse::<u64>() {
            Ok(v) => checked(v, max),
            Err(_) => Err(too_large(text.trim_start_matches('0'), max)),
        };
    }
    if let Some(rest) = text.strip_prefix('-')
        && (digits(rest) || rest.parse::<f64>().is_ok())
    {
        return Err(fail(msg::SHEET_NEGATIVE.with("value", text)));
    }
    let groups: Vec<&str> = text.split('.').collect();
    if groups.len() > 1
        && digits(groups[0])
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3 && digits(g))
    {
        let number = groups.concat();
        return Err(fail(
            msg::SHEET_THOUSANDS_TEXT
                .with("text", text)
                .with("number", number),
        ));
    }
    if let Some((whole, fraction)) = text.split_once(',')
        && digits(whole)
        && digits(fraction)
    {
        return Err(fail_hint(
            msg::SHEET_DECIMAL_TEXT
                .with("text", text)
                .with("whole", whole)
                .with("fraction", fraction),
            msg::SHEET_DECIMAL_HINT.with("number", format!("{whole}{fraction}")),
        ));
    }
    Err(fail_hint(
        msg::SHEET_NOT_A_NUMBER.with("text", text),
        msg::SHEET_DIGITS_HINT.message(),
    ))
}

fn read_flag(cell: &Cell) -> Result<Figure, CellError> {
    if let Cell::Bool(b) = cell {
        return Ok(Figure::Flag(*b));
    }
    let text = cell.as_text().unwrap_or_default();
    match text.to_lowercase().as_str() {
        "có" | "co" | "yes" | "true" | "x" => Ok(Figure::Flag(true)),
        "không" | "khong" | "no" | "false" => Ok(Figure::Flag(false)),
        _ => Err(fail(msg::SHEET_NOT_A_FLAG.with("text", text))),
    }
}

/// The spreadsheet name of a cell, e.g. `D7` for row 6, column 3 (both 0-based).
pub fn cell_name(row: usize, column: usize) -> String {
    format!("{}{}", column_name(column), row + 1)
}

/// The spreadsheet name of a column: `A`, …, `Z`, `AA`, …
pub fn column_name(column: usize) -> String {
    let mut name = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;

    const COUNT: Value = Value::Count { max: 1_000_000 };

    fn error(cell: Cell) -> String {
        let e = read(&cell, COUNT).unwrap_err();
        let mut text = e.message.render(Language::Vi);
        if let Some(hint) = e.hint {
            text.push_str(" | ");
            text.push_str(&hint.render(Language::Vi));
        }
        text
    }

    #[test]
    fn numbers_as_numbers_or_digits() {
        assert_eq!(
            read(&Cell::Number(23.0), COUNT),
            Ok(Some(Figure::Number(23)))
        );
        assert_eq!(
            read(&Cell::Text(" 24527 ".into()), COUNT),
            Ok(Some(Figure::Number(24527)))
        );
        assert_eq!(read(&Cell::Text("  ".into()), COUNT), Ok(None));
        assert_eq!(read(&Cell::Empty, COUNT), Ok(None));
    }

    #[test]
    fn explains_what_an_officer_might_have_meant() {
        assert_eq!(
            error(Cell::Text("1.234".into())),
            "\"1.234\" được gõ dạng chữ có dấu chấm: nếu là 1234 thì hãy gõ 1234"
        );
        assert_eq!(
            error(Cell::Text("12,5".into())),
            "\"12,5\" được hiểu là 12 phẩy 5, nhưng số liệu này phải là số nguyên | nếu dấu \
             phẩy là dấu phân cách hàng nghìn (125) thì gõ 125; nếu không, hãy gõ số nguyên"
        );
        assert_eq!(
            error(Cell::Number(12.5)),
            "12,5 không phải số nguyên, mà số liệu này không thể có phần lẻ"
        );
        assert_eq!(
            error(Cell::Number(-3.0)),
            "-3 là số âm, mà số liệu này không thể nhỏ hơn 0"
        );
        assert_eq!(
            error(Cell::Text("nhiều".into())),
            "cần một số nguyên, nhưng ô ghi chữ \"nhiều\" | chỉ gõ chữ số, ví dụ 24527, hoặc \
             để trống ô nếu không có số liệu"
        );
        assert_eq!(
            error(Cell::Number(2_000_000.0)),
            "2.000.000 quá lớn, khó có thể đúng với số liệu này (tối đa 1.000.000)"
        );
        assert!(error(Cell::Uncomputed("=SUM(D3:D9)".into())).contains("=SUM(D3:D9)"));
        assert_eq!(
            error(Cell::Number(1e20)),
            "100.000.000.000.000.000.000 quá lớn, khó có thể đúng với số liệu này (tối đa 1.000.000)"
        );
    }

    #[test]
    fn flags_in_vietnamese() {
        assert_eq!(
            read(&Cell::Text("Có".into()), Value::Flag),
            Ok(Some(Figure::Flag(true)))
        );
        assert_eq!(
            read(&Cell::Bool(false), Value::Flag),
            Ok(Some(Figure::Flag(false)))
        );
        assert!(read(&Cell::Text("đạt".into()), Value::Flag).is_err());
    }

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(6, 3), "D7");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27 * 26), "AAA");
    }
}
