//! The commonest typing slips in a YAML file, told apart by the text of the lines where the
//! parser stopped: a missing space or `:` after a field name, a Tab, `-` or `không` for "no
//! data", a quote left open, a line indented too far, a `: ` inside unquoted text, and numbers
//! written with a thousands or decimal comma. Each gets a message that names the slip and its
//! fix, at the line where the slip is (which is not always where the parser stopped).

use crate::messages::{self as msg, Message};

/// A slip found: what to say, and where (1-based line and column).
#[derive(Debug, PartialEq)]
pub struct Slip {
    pub message: Message,
    pub hint: Message,
    pub line: usize,
    pub column: usize,
}

/// Words people type for "no data" where a figure goes.
const NO_DATA: &[&str] = &[
    "-",
    "--",
    "—",
    "–",
    "x",
    "?",
    "...",
    "…",
    "không",
    "ko",
    "k",
    "không có",
    "chưa có",
    "chưa",
    "n/a",
    "na",
    "null",
];

/// Explains the parser error `id` (a catalogue id; `text` for a message the catalogue does not
/// know) reported at `line`:`column` of `text`, when the lines show a common slip.
pub fn explain(text: &str, id: &str, line: usize, column: usize) -> Option<Slip> {
    let lines: Vec<&str> = text.lines().collect();
    let at = |n: usize| lines.get(n.checked_sub(1)?).copied();
    let here = at(line).unwrap_or("");
    match id {
        "tab-indent" => return tab(&lines, line),
        "text-for-number" => return text_for_number(here, column),
        "unclosed-quote" | "text-after-quote" => return open_quote(&lines, line),
        _ => {}
    }
    // The parser's own syntax errors; a field it could read is not a slip of the kinds below.
    let syntax = matches!(
        id,
        "text" | "expected-key" | "expected-dash" | "mapping-not-allowed" | "unexpected-end"
    );
    if !syntax {
        return None;
    }
    if let Some(slip) = no_space_or_colon(here, line) {
        return Some(slip);
    }
    if let Some((key, value, value_column)) = field(here)
        && NO_DATA.contains(&value.to_lowercase().as_str())
    {
        return Some(no_data(key, value, line, value_column));
    }
    if id == "mapping-not-allowed" {
        return colon_or_indent(&lines, line, column);
    }
    if id == "expected-dash" || id == "expected-key" {
        return indented_too_little(&lines, line);
    }
    None
}

/// A field of a list item indented less than the item's first field (`count:` under
/// `- model:`), so that it belongs to no item.
fn indented_too_little(lines: &[&str], number: usize) -> Option<Slip> {
    let line = lines.get(number.checked_sub(1)?)?;
    let (key, _, _) = field(line)?;
    let above = lines[..number - 1]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let (above_key, _, _) = field(above)?;
    let item = above.trim_start().strip_prefix("- ")?;
    let above_key_indent = above.len() - item.trim_start().len();
    if !(indent(above)..above_key_indent).contains(&indent(line))
        || line.trim_start().starts_with('-')
    {
        return None;
    }
    Some(Slip {
        message: msg::YAML_INDENTED_TOO_LITTLE
            .with("key", key)
            .with("above", above_key),
        hint: msg::YAML_INDENT_HINT.with("key", key),
        line: number,
        column: indent(line) + 1,
    })
}

/// A line `key: value` (or `- key: value`): the key, the value without a trailing comment,
/// and the value's 1-based column.
fn field(line: &str) -> Option<(&str, &str, usize)> {
    let body = line.trim_start();
    let body = body.strip_prefix("- ").unwrap_or(body).trim_start();
    let start = line.len() - body.len();
    let (key, rest) = body.split_once(':')?;
    if !is_key(key) || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let value = rest.split(" #").next().unwrap_or(rest).trim();
    let value_start = start + key.len() + 1 + (rest.len() - rest.trim_start().len());
    Some((key, value, line[..value_start].chars().count() + 1))
}

/// A field name as content files write them: letters, digits, `_` and `-`.
fn is_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// `count:25` (no space after the colon) or `count 25` (no colon).
fn no_space_or_colon(line: &str, number: usize) -> Option<Slip> {
    let body = line.trim_start();
    let body = body.strip_prefix("- ").unwrap_or(body);
    let column = line[..line.len() - body.len()].chars().count() + 1;
    if body.starts_with('#') {
        return None;
    }
    if let Some((key, value)) = body.split_once(':')
        && is_key(key)
        && !value.is_empty()
        && !value.starts_with([' ', '/'])
    {
        return Some(Slip {
            message: msg::YAML_NO_SPACE_AFTER_COLON.with("key", key),
            hint: msg::YAML_WRITE_HINT.with("fix", format!("{key}: {value}")),
            line: number,
            column,
        });
    }
    let (key, value) = body.split_once(' ')?;
    if is_key(key) && !body.contains(':') && !value.trim().is_empty() {
        return Some(Slip {
            message: msg::YAML_NO_COLON.with("key", key),
            hint: msg::YAML_WRITE_HINT.with("fix", format!("{key}: {}", value.trim())),
            line: number,
            column,
        });
    }
    None
}

/// The first Tab from the line before the reported one on (the parser may stop at the end
/// of the line above the Tab).
fn tab(lines: &[&str], reported: usize) -> Option<Slip> {
    let from = reported.saturating_sub(2);
    let (index, line) = lines
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, l)| l.contains('\t'))?;
    Some(Slip {
        message: msg::YAML_TAB.message(),
        hint: msg::TAB_INDENT_HINT.message(),
        line: index + 1,
        column: line[..line.find('\t')?].chars().count() + 1,
    })
}

/// `count: không`, `participations: 1,530`, `count: 2,5`.
fn text_for_number(line: &str, column: usize) -> Option<Slip> {
    let (key, value, value_column) = field(line)?;
    let value = value.trim_matches(['"', '\'']);
    if NO_DATA.contains(&value.to_lowercase().as_str()) {
        return Some(no_data(key, value, 0, value_column));
    }
    let groups: Vec<&str> = value.split(',').collect();
    let digits = |g: &&str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if groups.len() < 2 || !groups.iter().all(digits) {
        return None;
    }
    let thousands = groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    let (message, hint) = if thousands {
        let number = groups.concat();
        (
            msg::YAML_THOUSANDS_COMMA.with("raw", value),
            msg::NUMBER_WRITE_HINT.with("value", number),
        )
    } else {
        (
            msg::YAML_DECIMAL_COMMA.with("raw", value),
            msg::YAML_DECIMAL_COMMA_HINT.message(),
        )
    };
    Some(Slip {
        message,
        hint,
        line: 0,
        column: column.max(1),
    })
}

/// A "no data" mark where a figure goes. `line` 0 keeps the parser's line.
fn no_data(key: &str, value: &str, line: usize, column: usize) -> Slip {
    Slip {
        message: msg::YAML_NO_DATA_MARK.with("raw", value),
        hint: msg::YAML_NO_DATA_HINT.with("key", key),
        line,
        column,
    }
}

/// A double quote opened on a line and not closed there: the parser reads on into the next
/// lines and stops later.
fn open_quote(lines: &[&str], reported: usize) -> Option<Slip> {
    let upto = reported.min(lines.len());
    (1..=upto).rev().find_map(|number| {
        let line = lines[number - 1];
        let (key, value, column) = field(line)?;
        let unclosed = value.starts_with('"')
            && (value.len() == 1 || !value.ends_with('"') || value.ends_with("\\\""));
        unclosed.then(|| Slip {
            message: msg::YAML_OPEN_QUOTE.with("key", key),
            hint: msg::YAML_WRITE_HINT.with("fix", format!("{key}: {}\"", value)),
            line: number,
            column,
        })
    })
}

/// "mapping values are not allowed": a `: ` inside unquoted text after a field, or a line
/// indented further than the one above, as if it belonged inside it.
fn colon_or_indent(lines: &[&str], number: usize, column: usize) -> Option<Slip> {
    let line = lines.get(number.checked_sub(1)?)?;
    if let Some((key, value, value_column)) = field(line)
        && column > value_column
        && !value.starts_with(['"', '\''])
    {
        return Some(Slip {
            message: msg::YAML_COLON_IN_TEXT.with("key", key),
            hint: msg::YAML_QUOTE_HINT
                .with("fix", format!("{key}: \"{}\"", value.replace('"', "\\\""))),
            line: number,
            column: value_column,
        });
    }
    let (key, _, _) = field(line)?;
    let above = lines[..number - 1]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let (above_key, above_value, _) = field(above)?;
    if indent(line) <= indent(above) || above_value.is_empty() {
        return None;
    }
    let key_column = line.len() - line.trim_start().len() + 1;
    Some(Slip {
        message: msg::YAML_INDENTED_TOO_FAR
            .with("key", key)
            .with("above", above_key),
        hint: msg::YAML_INDENT_HINT.with("key", key),
        line: number,
        column: key_column,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slip(text: &str, id: &str, line: usize, column: usize) -> (String, usize, usize) {
        let s = explain(text, id, line, column).expect("a slip");
        (s.message.to_string(), s.line, s.column)
    }

    #[test]
    fn a_missing_space_or_colon() {
        assert_eq!(
            slip("a:\n  count:25\n", "text", 2, 3),
            ("there is no space after `count:`".into(), 2, 3)
        );
        assert_eq!(
            slip("a:\n  - count 25\n", "text", 2, 5),
            ("`count` has no `:` after it".into(), 2, 5)
        );
        // A web address is not a field.
        assert_eq!(explain("- https://x.vn\n", "text", 1, 3), None);
    }

    #[test]
    fn the_tab_is_found_below_where_the_parser_stopped() {
        let text = "a:\n  - model: x\n\tcount: 2\n";
        assert_eq!(
            slip(text, "tab-indent", 2, 12),
            ("a Tab character indents this line".into(), 3, 1)
        );
    }

    #[test]
    fn no_data_marks_and_commas() {
        assert_eq!(slip("count: -\n", "text", 1, 8).0, "`-` is not a figure");
        let s = explain("  tips: không\n", "text-for-number", 1, 9).unwrap();
        assert_eq!(s.message.to_string(), "`không` is not a figure");
        assert_eq!(
            s.hint.to_string(),
            "when there is no data, delete the line `tips: …`: the site then shows \"no data\" (không có số liệu)"
        );
        let s = explain("x: 1,530\n", "text-for-number", 1, 4).unwrap();
        assert_eq!(s.hint.to_string(), "write 1530");
        let s = explain("x: 2,5\n", "text-for-number", 1, 4).unwrap();
        assert!(s.message.to_string().contains("decimal comma"));
        assert_eq!(explain("x: nhiều\n", "text-for-number", 1, 4), None);
    }

    #[test]
    fn the_open_quote_is_where_it_opens() {
        let text = "name: \"Đồng Tâm\nkind: phường\ncode: \"04261\"\n";
        assert_eq!(
            slip(text, "text-after-quote", 3, 8),
            (
                "the text after `name:` opens a quote `\"` that is not closed".into(),
                1,
                7
            )
        );
    }

    #[test]
    fn a_field_indented_less_than_its_item() {
        let text = "models:\n  - model: camera\n   count: 25\n";
        assert_eq!(
            slip(text, "expected-dash", 3, 4),
            ("`count:` is indented less than `model:` on the line above, so it belongs to no item".into(), 3, 4)
        );
    }

    #[test]
    fn a_colon_in_text_or_a_line_indented_too_far() {
        let text = "groups:\n  - motto: Phương châm: tự quản\n";
        assert_eq!(
            slip(text, "mapping-not-allowed", 2, 21),
            (
                "the text after `motto:` holds `: `, which YAML reads as another field".into(),
                2,
                12
            )
        );
        let text = "models:\n  - model: camera\n      count: 25\n";
        assert_eq!(
            slip(text, "mapping-not-allowed", 3, 12),
            ("`count:` is indented further than `model:` on the line above, as if it were inside it".into(), 3, 7)
        );
    }
}
