//! The message catalogue: every message and hint baocao writes about a project, each with an
//! id and its English and Vietnamese text. A [`Message`] keeps its entry and named parameters,
//! so a diagnostic made once can be shown in either language.

use std::fmt;

use crate::language::Language;

/// One entry of the catalogue. `{name}` in a text stands for the parameter `name`; other
/// braces are written as they are.
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable, kebab-case identifier.
    pub id: &'static str,
    pub en: &'static str,
    pub vi: &'static str,
}

/// A catalogue entry with the values of its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    entry: &'static Entry,
    /// Boxed rather than a `Vec`, to keep diagnostics small.
    params: Box<[(&'static str, Param)]>,
}

/// A parameter value: text shown as it is, or a message rendered in the same language.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Param {
    Text(String),
    Message(Message),
}

impl Entry {
    /// The entry as a message; [`Message::with`] adds parameters.
    pub fn message(&'static self) -> Message {
        Message {
            entry: self,
            params: Box::new([]),
        }
    }

    /// The entry as a message with its first parameter.
    pub fn with(&'static self, name: &'static str, value: impl fmt::Display) -> Message {
        self.message().with(name, value)
    }

    /// The entry as a message with its first parameter, itself a message.
    pub fn with_message(&'static self, name: &'static str, value: Message) -> Message {
        self.message().with_message(name, value)
    }

    /// Recognises `text` as this entry's English text and reads its parameters back, so
    /// that text made elsewhere (by the YAML parser) can be shown in another language.
    pub fn recognise(&'static self, text: &str) -> Option<Message> {
        let (first, parts) = split_template(self.en);
        let mut rest = text.strip_prefix(first)?;
        let mut message = self.message();
        for (i, (name, literal)) in parts.iter().enumerate() {
            let value = if i + 1 == parts.len() {
                let value = rest.strip_suffix(literal)?;
                rest = "";
                value
            } else {
                let end = rest.find(literal).filter(|_| !literal.is_empty())?;
                let value = &rest[..end];
                rest = &rest[end + literal.len()..];
                value
            };
            message = message.with(name, value);
        }
        rest.is_empty().then_some(message)
    }
}

/// `n` things, in words: `one` for 1 ("1 commune"), else `many` with its `{n}`.
pub fn count(n: usize, one: &'static Entry, many: &'static Entry) -> Message {
    if n == 1 {
        one.message()
    } else {
        many.with("n", n)
    }
}

/// Splits an English text into its leading literal and (placeholder, literal after it) pairs.
fn split_template(template: &str) -> (&str, Vec<(&str, &str)>) {
    let placeholder = |s: &str| -> Option<(usize, usize)> {
        let mut from = 0;
        while let Some(open) = s[from..].find('{').map(|i| i + from) {
            let close = s[open..].find('}').map(|i| i + open)?;
            let name = &s[open + 1..close];
            if !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Some((open, close));
            }
            from = open + 1;
        }
        None
    };
    let Some((open, close)) = placeholder(template) else {
        return (template, Vec::new());
    };
    let first = &template[..open];
    let mut parts = Vec::new();
    let (mut name, mut rest) = (&template[open + 1..close], &template[close + 1..]);
    while let Some((open, close)) = placeholder(rest) {
        parts.push((name, &rest[..open]));
        (name, rest) = (&rest[open + 1..close], &rest[close + 1..]);
    }
    parts.push((name, rest));
    (first, parts)
}

impl Message {
    /// Text from outside the catalogue (the template engine, the operating system), shown
    /// as it is in every language.
    pub fn text(text: impl Into<String>) -> Message {
        TEXT.message().with("text", text.into())
    }

    /// Adds a parameter shown as the same text in every language.
    pub fn with(self, name: &'static str, value: impl fmt::Display) -> Message {
        self.push(name, Param::Text(value.to_string()))
    }

    /// Adds a parameter that is itself a message, rendered in the same language.
    pub fn with_message(self, name: &'static str, value: Message) -> Message {
        self.push(name, Param::Message(value))
    }

    fn push(self, name: &'static str, value: Param) -> Message {
        let mut params = self.params.into_vec();
        params.push((name, value));
        Message {
            entry: self.entry,
            params: params.into_boxed_slice(),
        }
    }

    /// The value of a text parameter.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find_map(|(n, value)| match value {
            Param::Text(text) if *n == name => Some(text.as_str()),
            _ => None,
        })
    }

    /// The id of the catalogue entry.
    pub fn id(&self) -> &'static str {
        self.entry.id
    }

    /// The message in `language`.
    pub fn render(&self, language: Language) -> String {
        let template = match language {
            Language::En => self.entry.en,
            Language::Vi => self.entry.vi,
        };
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let param = after.find('}').and_then(|close| {
                let name = &after[..close];
                let value = self.params.iter().find(|(n, _)| *n == name)?;
                Some((close, &value.1))
            });
            match param {
                Some((close, Param::Text(text))) => {
                    out.push_str(text);
                    rest = &after[close + 1..];
                }
                Some((close, Param::Message(message))) => {
                    out.push_str(&message.render(language));
                    rest = &after[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// English, the language of the library's own output (tests, `baocao diff`).
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::En))
    }
}

/// Serialized as its English text.
impl serde::Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Message::text(text)
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::text(text)
    }
}

impl From<&'static Entry> for Message {
    fn from(entry: &'static Entry) -> Self {
        entry.message()
    }
}

macro_rules! catalogue {
    ($($name:ident $id:literal { en: $en:literal, vi: $vi:literal })*) => {
        $(pub static $name: Entry = Entry { id: $id, en: $en, vi: $vi };)*
        /// Every entry of the catalogue.
        pub static ALL: &[&Entry] = &[$(&$name),*];
    };
}

catalogue! {
    // Labels of the human format.
    TEXT "text" { en: "{text}", vi: "{text}" }
    LABEL_ERROR "label-error" { en: "error", vi: "lỗi" }
    LABEL_WARNING "label-warning" { en: "warning", vi: "cảnh báo" }
    LABEL_HINT "label-hint" { en: "hint", vi: "gợi ý" }

    // Reading the project.
    NO_CONTENT_FOLDER "no-content-folder" {
        en: "the project has no `content/` folder",
        vi: "dự án không có thư mục `content/`"
    }
    NO_CONTENT_FOLDER_HINT "no-content-folder-hint" {
        en: "run baocao in a report project, or pass --root DIR",
        vi: "hãy chạy baocao trong thư mục của dự án báo cáo, hoặc chỉ ra thư mục đó bằng --root THƯ_MỤC"
    }
    FILE_IGNORED "file-ignored" {
        en: "this file is not part of the report and is ignored",
        vi: "tệp này không thuộc báo cáo nên được bỏ qua"
    }
    YEAR_FILE_NAME_HINT "year-file-name-hint" {
        en: "name year files after their year, e.g. `content/years/2023.yaml`",
        vi: "hãy đặt tên tệp số liệu năm theo năm đó, ví dụ `content/years/2023.yaml`"
    }
    CONTENT_PLACES_HINT "content-places-hint" {
        en: "content files go in site.yaml, communes/*.yaml, models/*.yaml, indicators/*.yaml, years/<year>.yaml, pages/*.md, or static/",
        vi: "tệp nội dung phải nằm ở site.yaml, communes/*.yaml, models/*.yaml, indicators/*.yaml, years/<năm>.yaml, pages/*.md hoặc static/"
    }
    SITE_TWICE "site-twice" {
        en: "there is already {file}",
        vi: "đã có tệp {file}"
    }
    SITE_TWICE_HINT "site-twice-hint" {
        en: "keep one site file and delete the other",
        vi: "hãy giữ một tệp site và xóa tệp còn lại"
    }
    NO_SITE "no-site" {
        en: "the report has no `content/site.yaml`",
        vi: "báo cáo chưa có tệp `content/site.yaml`"
    }
    NO_SITE_HINT "no-site-hint" {
        en: "create it with at least `title`, `locality` and `agency`",
        vi: "hãy tạo tệp này, với ít nhất các trường `title`, `locality` và `agency`"
    }
    NO_FRONT_MATTER "no-front-matter" {
        en: "the page has no front matter",
        vi: "trang chưa có phần đầu (front matter)"
    }
    NO_FRONT_MATTER_HINT "no-front-matter-hint" {
        en: "start the file with three lines: `---`, `title: Page title`, `---`",
        vi: "hãy bắt đầu tệp bằng ba dòng: `---`, `title: Tên trang`, `---`"
    }
    SYMLINK "symlink" {
        en: "symbolic links are not followed; this one is ignored",
        vi: "baocao không đọc qua liên kết tượng trưng (symlink); liên kết này được bỏ qua"
    }
    SYMLINK_HINT "symlink-hint" {
        en: "copy the file or folder here instead of linking to it",
        vi: "hãy chép tệp hoặc thư mục vào đây thay vì tạo liên kết"
    }
    CANNOT_READ "cannot-read" {
        en: "cannot read: {error}",
        vi: "không đọc được: {error}"
    }
    CANNOT_READ_FILE "cannot-read-file" {
        en: "cannot read the file: {error}",
        vi: "không đọc được tệp: {error}"
    }
    FILE_TOO_LARGE "file-too-large" {
        en: "the file is {size} bytes; the limit is {limit} bytes (2 MiB)",
        vi: "tệp có {size} byte, vượt giới hạn {limit} byte (2 MiB)"
    }
    FILE_TOO_LARGE_HINT "file-too-large-hint" {
        en: "split it into several files, or move large data out of content/",
        vi: "hãy chia thành nhiều tệp nhỏ hơn, hoặc chuyển dữ liệu lớn ra khỏi content/"
    }
    NOT_UTF8 "not-utf8" {
        en: "the file is not UTF-8 text",
        vi: "tệp không phải văn bản UTF-8"
    }
    NOT_UTF8_HINT "not-utf8-hint" {
        en: "save the file as UTF-8 (in most editors: File → Save with encoding → UTF-8)",
        vi: "hãy lưu tệp dưới dạng UTF-8 (trong phần lớn trình soạn thảo: File → Save with encoding → UTF-8)"
    }
    EMPTY_FILE "empty-file" {
        en: "the file is empty",
        vi: "tệp đang trống"
    }
    EMPTY_FILE_HINT "empty-file-hint" {
        en: "write the fields this kind of file needs; see docs/content-format.md",
        vi: "hãy viết các trường mà loại tệp này cần; xem docs/content-format.md"
    }

    // YAML the parser rejects.
    UNKNOWN_FIELD "unknown-field" {
        en: "unknown field `{field}`, expected one of {expected}",
        vi: "không có trường nào tên `{field}` ở đây"
    }
    DID_YOU_MEAN "did-you-mean" {
        en: "did you mean `{name}`?",
        vi: "có phải bạn muốn viết `{name}`?"
    }
    ALLOWED_FIELDS_HINT "allowed-fields-hint" {
        en: "the fields allowed here are: {fields}",
        vi: "các trường được phép ở đây là: {fields}"
    }
    DUPLICATE_KEY "duplicate-key" {
        en: "duplicate mapping key: {key}",
        vi: "trường `{key}` được viết hai lần"
    }
    DUPLICATE_KEY_UNNAMED "duplicate-key-unnamed" {
        en: "duplicate mapping key",
        vi: "có một trường được viết hai lần"
    }
    DUPLICATE_KEY_HINT "duplicate-key-hint" {
        en: "each field may appear only once; delete or merge the repeated one",
        vi: "mỗi trường chỉ được viết một lần; hãy xóa hoặc gộp trường bị lặp"
    }
    TAB_INDENT "tab-indent" {
        en: "{detail}",
        vi: "YAML không cho phép dùng ký tự Tab ở đây"
    }
    TAB_INDENT_HINT "tab-indent-hint" {
        en: "YAML indents with spaces only; replace the tab with spaces",
        vi: "YAML chỉ thụt lề bằng dấu cách; hãy thay ký tự Tab bằng dấu cách"
    }
    MISSING_FIELD "missing-field" {
        en: "missing field `{field}`",
        vi: "thiếu trường `{field}`"
    }
    MISSING_FIELD_HINT "missing-field-hint" {
        en: "add this field; see docs/content-format.md for what it holds",
        vi: "hãy thêm trường này; xem docs/content-format.md để biết cần ghi gì"
    }
    UNKNOWN_VARIANT "unknown-variant" {
        en: "unknown variant `{value}`, expected one of {expected}",
        vi: "giá trị `{value}` không hợp lệ; chỉ được dùng một trong các giá trị: {expected}"
    }
    UNKNOWN_VARIANT_HINT "unknown-variant-hint" {
        en: "use one of the values listed",
        vi: "hãy dùng một trong các giá trị đã nêu"
    }
    INVALID_TYPE "invalid-type" {
        en: "invalid type: {unexpected}, expected {expected}",
        vi: "giá trị không đúng kiểu: gặp {unexpected}, cần {expected}"
    }
    INVALID_BOOLEAN "invalid-boolean" {
        en: "invalid boolean (strict mode expects true/false)",
        vi: "giá trị không hợp lệ: ở đây chỉ được viết true hoặc false"
    }
    INVALID_INTEGER "invalid-integer" {
        en: "invalid {type}",
        vi: "giá trị không hợp lệ: ở đây cần một số nguyên, ví dụ 2023"
    }
    EXPECTED_TEXT "expected-text" {
        en: "expected string scalar",
        vi: "ở đây cần một đoạn văn bản, không phải danh sách hay nhóm trường"
    }
    EXPECTED_LIST "expected-list" {
        en: "expected sequence start",
        vi: "ở đây cần một danh sách, mỗi mục một dòng bắt đầu bằng `- `"
    }
    EXPECTED_FIELDS "expected-fields" {
        en: "expected mapping start",
        vi: "ở đây cần các trường, mỗi trường một dòng dạng `tên: giá trị`"
    }
    YAML_NO_SPACE_AFTER_COLON "yaml-no-space-after-colon" {
        en: "there is no space after `{key}:`",
        vi: "thiếu dấu cách sau `{key}:`"
    }
    YAML_NO_COLON "yaml-no-colon" {
        en: "`{key}` has no `:` after it",
        vi: "thiếu dấu `:` sau tên trường `{key}`"
    }
    YAML_WRITE_HINT "yaml-write-hint" {
        en: "write `{fix}`",
        vi: "hãy viết `{fix}`"
    }
    YAML_TAB "yaml-tab" {
        en: "a Tab character indents this line",
        vi: "dòng này thụt lề bằng ký tự Tab"
    }
    YAML_NO_DATA_MARK "yaml-no-data-mark" {
        en: "`{raw}` is not a figure",
        vi: "`{raw}` không phải là số liệu"
    }
    YAML_NO_DATA_HINT "yaml-no-data-hint" {
        en: "when there is no data, delete the line `{key}: …`: the site then shows \"no data\" (không có số liệu)",
        vi: "khi không có số liệu, hãy xóa cả dòng `{key}: …`: trang web sẽ ghi “không có số liệu”"
    }
    YAML_THOUSANDS_COMMA "yaml-thousands-comma" {
        en: "`{raw}` groups thousands with a comma; figures are written with digits only",
        vi: "`{raw}` có dấu phẩy ngăn cách hàng nghìn; số liệu chỉ viết bằng chữ số"
    }
    YAML_DECIMAL_COMMA "yaml-decimal-comma" {
        en: "`{raw}` has a decimal comma, but a count is a whole number",
        vi: "`{raw}` có dấu phẩy thập phân, nhưng số lượng phải là số nguyên"
    }
    YAML_DECIMAL_COMMA_HINT "yaml-decimal-comma-hint" {
        en: "write the whole number of things, with digits only, e.g. 3",
        vi: "hãy viết số nguyên, chỉ bằng chữ số, ví dụ 3"
    }
    YAML_OPEN_QUOTE "yaml-open-quote" {
        en: "the text after `{key}:` opens a quote `\"` that is not closed",
        vi: "giá trị sau `{key}:` mở dấu nháy `\"` nhưng chưa đóng"
    }
    YAML_COLON_IN_TEXT "yaml-colon-in-text" {
        en: "the text after `{key}:` holds `: `, which YAML reads as another field",
        vi: "giá trị sau `{key}:` có `: `, mà YAML hiểu là bắt đầu một trường khác"
    }
    YAML_QUOTE_HINT "yaml-quote-hint" {
        en: "put the whole text in double quotes: `{fix}`",
        vi: "hãy đặt cả giá trị trong dấu nháy kép: `{fix}`"
    }
    YAML_INDENTED_TOO_FAR "yaml-indented-too-far" {
        en: "`{key}:` is indented further than `{above}:` on the line above, as if it were inside it",
        vi: "`{key}:` thụt lề sâu hơn `{above}:` ở dòng trên, như thể nằm bên trong trường đó"
    }
    YAML_INDENTED_TOO_LITTLE "yaml-indented-too-little" {
        en: "`{key}:` is indented less than `{above}:` on the line above, so it belongs to no item",
        vi: "`{key}:` thụt lề ít hơn `{above}:` ở dòng trên, nên không thuộc mục nào của danh sách"
    }
    YAML_INDENT_HINT "yaml-indent-hint" {
        en: "line `{key}:` up with the fields of the same item (the same number of spaces before it)",
        vi: "hãy cho `{key}:` thẳng cột với các trường cùng cấp (cùng số dấu cách ở đầu dòng)"
    }
    MAPPING_NOT_ALLOWED "mapping-not-allowed" {
        en: "mapping values are not allowed in this context",
        vi: "không được viết `tên: giá trị` ở đây; hãy kiểm tra thụt lề của dòng này, và đặt giá trị có dấu `: ` trong dấu nháy"
    }
    EXPECTED_KEY "expected-key" {
        en: "while parsing a block mapping, did not find expected key",
        vi: "không thấy tên trường ở chỗ cần có; hãy kiểm tra thụt lề: các trường cùng cấp phải thẳng cột với nhau"
    }
    EXPECTED_DASH "expected-dash" {
        en: "while parsing a block collection, did not find expected '-' indicator",
        vi: "thiếu dấu `-` của một mục danh sách; mỗi mục bắt đầu bằng `- ` và thẳng cột với các mục khác"
    }
    UNCLOSED_QUOTE "unclosed-quote" {
        en: "unclosed quote",
        vi: "thiếu dấu nháy đóng; hãy thêm dấu nháy ở cuối giá trị"
    }
    TEXT_AFTER_QUOTE "text-after-quote" {
        en: "invalid trailing content after double-quoted scalar",
        vi: "có chữ thừa sau dấu nháy đóng; hãy đặt cả giá trị trong dấu nháy"
    }
    UNEXPECTED_END "unexpected-end" {
        en: "unexpected end of input",
        vi: "tệp kết thúc khi nội dung còn dang dở"
    }
    NEGATIVE_COUNT "negative-count" {
        en: "a count cannot be negative, found {value}",
        vi: "số lượng không thể là số âm (đang ghi {value})"
    }
    FRACTIONAL_COUNT "fractional-count" {
        en: "a count must be a whole number, found {value} (write 24527, not 24.527 or 24,527)",
        vi: "số lượng phải là số nguyên (đang ghi {value}); hãy viết 24527, không viết 24.527 hay 24,527"
    }
    TEXT_FOR_NUMBER "text-for-number" {
        en: "expected a number, found the text \"{text}\" (write digits only, e.g. 24527)",
        vi: "ở đây cần một số nhưng đang ghi chữ \"{text}\"; hãy chỉ viết chữ số, ví dụ 24527"
    }
    BOOLEAN_FOR_NUMBER "boolean-for-number" {
        en: "expected a number, found `{value}`",
        vi: "ở đây cần một số nhưng đang ghi `{value}`"
    }
    NOTHING_FOR_NUMBER "nothing-for-number" {
        en: "expected a number, found nothing (delete the field if there is no figure)",
        vi: "ở đây cần một số nhưng chưa ghi gì; nếu không có số liệu, hãy xóa trường này"
    }
    NUMBER_LEADING_ZERO "number-leading-zero" {
        en: "`{raw}` starts with 0: write the number without it",
        vi: "`{raw}` bắt đầu bằng số 0: hãy viết số không có số 0 ở đầu"
    }
    NUMBER_QUOTED "number-quoted" {
        en: "`{raw}` is in quotes, so it is text, not a number: write it without quotes",
        vi: "`{raw}` nằm trong dấu nháy nên là chữ, không phải số: hãy bỏ dấu nháy"
    }
    NUMBER_THOUSANDS_DOTS "number-thousands-dots" {
        en: "`{raw}` groups thousands with dots, which YAML reads as a decimal number: write {digits}",
        vi: "`{raw}` dùng dấu chấm ngăn cách hàng nghìn, YAML lại hiểu là số thập phân: hãy viết {digits}"
    }
    NUMBER_DECIMAL "number-decimal" {
        en: "`{raw}` is not a whole number: a count is written with digits only, e.g. 24527",
        vi: "`{raw}` không phải số nguyên: số lượng chỉ viết bằng chữ số, ví dụ 24527"
    }
    NUMBER_NOT_DIGITS "number-not-digits" {
        en: "`{raw}` is not written with the digits 0–9 only, as figures must be",
        vi: "`{raw}` không chỉ gồm các chữ số 0–9 như số liệu phải viết"
    }
    NUMBER_WRITE_HINT "number-write-hint" {
        en: "write {value}",
        vi: "hãy viết {value}"
    }
    NOTHING_FOR_FLAG "nothing-for-flag" {
        en: "expected `true` or `false`, found nothing (delete the field if it was not reported)",
        vi: "ở đây cần `true` (đạt) hoặc `false` (không đạt) nhưng chưa ghi gì; nếu chưa có báo cáo, hãy xóa trường này"
    }
    NOTHING_FOR_RATIO "nothing-for-ratio" {
        en: "expected `{ safe: …, total: … }`, found nothing (delete the field if there is no figure)",
        vi: "ở đây cần `{ safe: …, total: … }` nhưng chưa ghi gì; nếu không có số liệu, hãy xóa trường này"
    }

    // Checks of the project as a whole.
    INVALID_SOURCE_ID "invalid-source-id" {
        en: "the source id `{id}` is not a valid id",
        vi: "id `{id}` của nguồn không hợp lệ"
    }
    ID_CHARS_HINT "id-chars-hint" {
        en: "ids use only a-z, 0-9 and `-`, e.g. `{example}`",
        vi: "id chỉ gồm a-z, 0-9 và `-`, ví dụ `{example}`"
    }
    SOURCE_ID_TWICE "source-id-twice" {
        en: "the source id `{id}` is used twice",
        vi: "id nguồn `{id}` bị dùng hai lần"
    }
    SOURCE_ID_TWICE_HINT "source-id-twice-hint" {
        en: "give each source its own id",
        vi: "hãy đặt cho mỗi nguồn một id riêng"
    }
    NOT_A_URL "not-a-url" {
        en: "`{url}` is not a web address",
        vi: "`{url}` không phải địa chỉ web"
    }
    FULL_URL_HINT "full-url-hint" {
        en: "write the full address, starting with https://",
        vi: "hãy viết đầy đủ địa chỉ, bắt đầu bằng https://"
    }
    BASE_URL_HINT "base-url-hint" {
        en: "write the address the site will be published at, e.g. https://example.gov.vn/bao-cao/",
        vi: "hãy viết địa chỉ nơi trang web sẽ được đăng, ví dụ https://example.gov.vn/bao-cao/"
    }
    INVALID_DATE "invalid-date" {
        en: "`{date}` is not a valid date",
        vi: "`{date}` không phải ngày hợp lệ"
    }
    UPDATED_BEFORE_PUBLISHED "updated-before-published" {
        en: "`updated: {updated}` is before `published: {published}`",
        vi: "`updated: {updated}` (ngày cập nhật) sớm hơn `published: {published}` (ngày công bố)"
    }
    UPDATED_BEFORE_PUBLISHED_HINT "updated-before-published-hint" {
        en: "`published` is when the report first came out, `updated` when it was last corrected; check both dates",
        vi: "`published` là ngày báo cáo công bố lần đầu, `updated` là ngày sửa gần nhất; hãy kiểm tra lại hai ngày này"
    }
    DATE_HINT "date-hint" {
        en: "write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2023-12-31",
        vi: "hãy viết theo dạng YYYY-MM-DD, YYYY-MM hoặc YYYY, ví dụ 2023-12-31"
    }
    UNKNOWN_SOURCE "unknown-source" {
        en: "unknown source `{id}`",
        vi: "không có nguồn nào có id `{id}`"
    }
    UNKNOWN_SOURCE_HINT "unknown-source-hint" {
        en: "add the source to `sources` in content/site.yaml, or fix the id",
        vi: "hãy thêm nguồn này vào `sources` trong content/site.yaml, hoặc sửa lại id"
    }
    UNKNOWN_MODEL "unknown-model" {
        en: "unknown model type `{model}`",
        vi: "không có loại mô hình nào có id `{model}`"
    }
    KNOWN_MODELS_HINT "known-models-hint" {
        en: "known model types: {models}",
        vi: "các loại mô hình hiện có: {models}"
    }
    YEAR_OUT_OF_RANGE "year-out-of-range" {
        en: "the year {year} is outside {first}–{last}",
        vi: "năm {year} nằm ngoài khoảng {first}–{last}"
    }
    YEAR_VALUE_HINT "year-value-hint" {
        en: "write the four-digit year the figures are for, e.g. 2023",
        vi: "hãy viết năm của số liệu bằng bốn chữ số, ví dụ 2023"
    }
    YEAR_FILE_HINT "year-file-hint" {
        en: "name the file after the four-digit year it covers, e.g. 2023.yaml",
        vi: "hãy đặt tên tệp theo năm (bốn chữ số) mà tệp ghi số liệu, ví dụ 2023.yaml"
    }
    YEAR_FILE_TWICE "year-file-twice" {
        en: "{file} already holds the figures of {year}",
        vi: "tệp {file} đã chứa số liệu năm {year}"
    }
    YEAR_FILE_TWICE_HINT "year-file-twice-hint" {
        en: "keep one file per year and delete or merge the other",
        vi: "mỗi năm chỉ có một tệp; hãy xóa hoặc gộp tệp còn lại"
    }
    INVALID_CODE "invalid-code" {
        en: "the code `{code}` is not an official unit code",
        vi: "`{code}` không phải mã đơn vị hành chính chính thức"
    }
    CODE_HINT "code-hint" {
        en: "official codes are digits only, written in quotes to keep leading zeros: \"04276\"",
        vi: "mã chính thức chỉ gồm chữ số, viết trong dấu nháy để giữ số 0 ở đầu: \"04276\""
    }
    YEAR_TWICE "year-twice" {
        en: "the year {year} is listed twice",
        vi: "năm {year} được ghi hai lần"
    }
    YEAR_TWICE_HINT "year-twice-hint" {
        en: "put all figures of one year under a single `- year:` entry",
        vi: "hãy ghi mọi số liệu của một năm dưới cùng một mục `- year:`"
    }
    MODEL_TWICE_IN_YEAR "model-twice-in-year" {
        en: "the model type `{model}` is listed twice for {year}",
        vi: "loại mô hình `{model}` được ghi hai lần trong năm {year}"
    }
    MODEL_TWICE "model-twice" {
        en: "the model type `{model}` is listed twice",
        vi: "loại mô hình `{model}` được ghi hai lần"
    }
    MODEL_ONCE_HINT "model-once-hint" {
        en: "list each model type once per year",
        vi: "mỗi năm, mỗi loại mô hình chỉ ghi một lần"
    }
    INVALID_YEAR_MONTH "invalid-year-month" {
        en: "`{value}` is not a valid year and month",
        vi: "`{value}` không phải tháng và năm hợp lệ"
    }
    YEAR_MONTH_HINT "year-month-hint" {
        en: "write YYYY-MM in quotes, e.g. \"2021-06\" for June 2021",
        vi: "hãy viết YYYY-MM trong dấu nháy, ví dụ \"2021-06\" cho tháng 6 năm 2021"
    }
    PHOTO_MISSING "photo-missing" {
        en: "the photo `{file}` is not in content/static/",
        vi: "không có ảnh `{file}` trong content/static/"
    }
    PHOTO_MISSING_HINT "photo-missing-hint" {
        en: "copy the image into content/static/ and give its path below that folder",
        vi: "hãy chép ảnh vào content/static/ và ghi đường dẫn tính từ thư mục đó"
    }
    PHOTO_UNREADABLE "photo-unreadable" {
        en: "cannot read the size of the image `{file}`",
        vi: "không đọc được kích thước của ảnh `{file}`"
    }
    PHOTO_UNREADABLE_HINT "photo-unreadable-hint" {
        en: "save the photo as PNG, JPEG, GIF, WebP or SVG (with width and height)",
        vi: "hãy lưu ảnh dưới dạng PNG, JPEG, GIF, WebP hoặc SVG (có width và height)"
    }
    EMPTY_ALT "empty-alt" {
        en: "the photo has an empty `alt` text",
        vi: "ảnh chưa có lời mô tả `alt`"
    }
    EMPTY_ALT_HINT "empty-alt-hint" {
        en: "describe what the photo shows for readers who cannot see it",
        vi: "hãy mô tả nội dung ảnh cho người đọc không nhìn thấy ảnh"
    }
    PART_EXCEEDS_WHOLE "part-exceeds-whole" {
        en: "`{part}` ({value}) cannot exceed `{whole}` ({total})",
        vi: "`{part}` ({value}) không thể lớn hơn `{whole}` ({total})"
    }
    PART_OF_WHOLE_HINT "part-of-whole-hint" {
        en: "`{part}` counts part of `{whole}`; check both figures",
        vi: "`{part}` là một phần của `{whole}`; hãy kiểm tra lại cả hai số"
    }
    UNKNOWN_INDICATOR "unknown-indicator" {
        en: "unknown indicator `{id}`",
        vi: "không có chỉ tiêu nào có id `{id}`"
    }
    KNOWN_INDICATORS_HINT "known-indicators-hint" {
        en: "each indicator is a file content/indicators/<id>.yaml; known indicators: {ids}",
        vi: "mỗi chỉ tiêu là một tệp content/indicators/<id>.yaml; các chỉ tiêu hiện có: {ids}"
    }
    NO_INDICATORS_HINT "no-indicators-hint" {
        en: "describe the indicator first in a file content/indicators/<id>.yaml (see docs/content-format.md)",
        vi: "hãy mô tả chỉ tiêu trước trong tệp content/indicators/<id>.yaml (xem docs/content-format.md)"
    }
    INDICATOR_TWICE "indicator-twice" {
        en: "the indicator `{id}` is given twice in this year",
        vi: "chỉ tiêu `{id}` được ghi hai lần trong năm này"
    }
    INDICATOR_ONCE_HINT "indicator-once-hint" {
        en: "keep one value per indicator and year",
        vi: "mỗi chỉ tiêu chỉ ghi một giá trị cho mỗi năm"
    }
    INDICATOR_WRONG_KIND "indicator-wrong-kind" {
        en: "`{id}` is a {kind} indicator; this value is not one",
        vi: "`{id}` là chỉ tiêu kiểu {kind}; giá trị này không đúng kiểu"
    }
    INDICATOR_KIND_HINT "indicator-kind-hint" {
        en: "count and money: a whole number (12, or `{ value: 12, source: … }`); ratio: `{ safe: 3, total: 4 }`; text: words in quotes",
        vi: "count và money: một số nguyên (12, hoặc `{ value: 12, source: … }`); ratio: `{ safe: 3, total: 4 }`; text: chữ đặt trong ngoặc kép"
    }
    INDICATOR_AREA_ONLY "indicator-area-only" {
        en: "`{id}` is reported for the whole area only (scope: area), not by a commune",
        vi: "chỉ tiêu `{id}` chỉ báo cáo cho toàn địa bàn (scope: area), không báo cáo theo xã, phường"
    }
    INDICATOR_COMMUNE_ONLY "indicator-commune-only" {
        en: "`{id}` is reported by communes only (scope: commune), not in a year file",
        vi: "chỉ tiêu `{id}` chỉ báo cáo theo xã, phường (scope: commune), không ghi trong tệp năm"
    }
    INDICATOR_SCOPE_HINT "indicator-scope-hint" {
        en: "move the figure to the right file, or change `scope` in content/indicators/{id}.yaml",
        vi: "hãy chuyển số liệu sang đúng tệp, hoặc sửa `scope` trong content/indicators/{id}.yaml"
    }
    INDICATOR_ID_BUILTIN "indicator-id-builtin" {
        en: "`{id}` is the id of a built-in figure",
        vi: "`{id}` là id của một số liệu có sẵn"
    }
    INDICATOR_RENAME_HINT "indicator-rename-hint" {
        en: "rename the file, e.g. `{suggestion}.yaml`: an indicator's id is its file name",
        vi: "hãy đổi tên tệp, ví dụ `{suggestion}.yaml`: id của chỉ tiêu là tên tệp"
    }
    INVALID_INDICATOR_ID "invalid-indicator-id" {
        en: "the file name `{id}` cannot be an indicator id",
        vi: "tên tệp `{id}` không dùng được làm id chỉ tiêu"
    }
    EMPTY_INDICATOR_NAME "empty-indicator-name" {
        en: "the indicator has an empty name",
        vi: "chỉ tiêu chưa có tên"
    }
    EMPTY_INDICATOR_NAME_HINT "empty-indicator-name-hint" {
        en: "write the name as it should appear on the site, e.g. `name: Số vụ phạm pháp hình sự`",
        vi: "hãy ghi tên như sẽ hiện trên trang, ví dụ `name: Số vụ phạm pháp hình sự`"
    }
    IMPLAUSIBLE_VALUE "implausible-value" {
        en: "{value} is larger than the largest plausible value of `{id}` ({max})",
        vi: "{value} lớn hơn giá trị hợp lý lớn nhất của `{id}` ({max})"
    }
    IMPLAUSIBLE_VALUE_HINT "implausible-value-hint" {
        en: "check the figure, or raise `max` in content/indicators/{id}.yaml",
        vi: "hãy kiểm tra lại số liệu, hoặc tăng `max` trong content/indicators/{id}.yaml"
    }
    COMMUNES_EXCEED_AREA "communes-exceed-area" {
        en: "the communes report {sum} for `{id}` in {year}, more than the area figure {total}",
        vi: "các xã, phường báo cáo tổng {sum} cho `{id}` năm {year}, nhiều hơn số toàn địa bàn là {total}"
    }
    COMMUNES_SUM_DIFFERS_AREA "communes-sum-differs-area" {
        en: "all {communes} communes report `{id}` in {year}; their sum {sum} differs from the area figure {total} (the indicator says `total: sum`)",
        vi: "cả {communes} xã, phường đều báo cáo `{id}` năm {year}; tổng của các đơn vị là {sum}, khác số toàn địa bàn là {total} (chỉ tiêu ghi `total: sum`)"
    }
    ATTAINED_COMMUNES_EXCEED "attained-communes-exceed" {
        en: "in {year}, {count} of the communes' files say the commune attained \"An toàn về ANTT\", but the area figure is {safe} of {total}",
        vi: "{count} xã, phường ghi đạt chuẩn \"An toàn về ANTT\" năm {year}, nhưng số toàn địa bàn chỉ là {safe}/{total}"
    }
    NOT_ATTAINED_COMMUNES_EXCEED "not-attained-communes-exceed" {
        en: "in {year}, {count} of the communes' files say the commune did not attain \"An toàn về ANTT\", but the area figure {safe} of {total} leaves {left} that did not",
        vi: "{count} xã, phường ghi chưa đạt chuẩn \"An toàn về ANTT\" năm {year}, nhưng số toàn địa bàn {safe}/{total} chỉ để lại {left} đơn vị chưa đạt"
    }
    VILLAGES_EXCEED_AREA "villages-exceed-area" {
        en: "the communes' villages that attained \"An toàn về ANTT\" in {year} add up to {sum_safe} of {sum_total}, which does not fit in the area figure {safe} of {total}",
        vi: "số thôn, tổ dân phố đạt chuẩn \"An toàn về ANTT\" của các xã, phường năm {year} cộng lại là {sum_safe}/{sum_total}, không khớp với số toàn địa bàn {safe}/{total}"
    }
    VILLAGES_DIFFER_AREA "villages-differ-area" {
        en: "all {communes} communes report their villages for {year}; they add up to {sum_safe} of {sum_total}, not the area figure {safe} of {total}",
        vi: "cả {communes} xã, phường đều báo cáo số thôn, tổ dân phố năm {year}; cộng lại là {sum_safe}/{sum_total}, khác số toàn địa bàn {safe}/{total}"
    }
    GROUP_FILE_NAME "group-file-name" {
        en: "the group file name `{stem}` is not a valid id: it becomes the group's address",
        vi: "tên tệp nhóm `{stem}` không phải id hợp lệ: tên này thành địa chỉ trang của nhóm"
    }
    GROUP_UNKNOWN "group-unknown" {
        en: "there is no group `{id}` in content/groups/",
        vi: "không có nhóm `{id}` trong content/groups/"
    }
    GROUP_UNKNOWN_HINT "group-unknown-hint" {
        en: "create content/groups/{id}.yaml with the group's `name` and `kind`, or correct the id",
        vi: "hãy tạo tệp content/groups/{id}.yaml ghi `name` và `kind` của nhóm, hoặc sửa lại id"
    }
    NAME_SPACES "name-spaces" {
        en: "the name \"{name}\" starts or ends with a space, which would show on the site",
        vi: "tên \"{name}\" có dấu cách ở đầu hoặc cuối, sẽ hiện ra trên trang web"
    }
    NAME_SPACES_HINT "name-spaces-hint" {
        en: "write `name: {trimmed}`",
        vi: "hãy viết `name: {trimmed}`"
    }
    FOREIGN_LETTER "foreign-letter" {
        en: "the name \"{name}\" holds `{char}` ({code}), a letter that is not in the Vietnamese alphabet, though it may look like one: the name would not match the same name typed elsewhere",
        vi: "tên \"{name}\" có chữ `{char}` ({code}) không thuộc bảng chữ cái tiếng Việt dù trông giống: tên này sẽ không khớp với cùng tên gõ ở nơi khác"
    }
    FOREIGN_DIGIT "foreign-digit" {
        en: "the name \"{name}\" holds `{char}` ({code}), a digit that is not 0–9",
        vi: "tên \"{name}\" có chữ số `{char}` ({code}) không phải 0–9"
    }
    INVISIBLE_CHAR "invisible-char" {
        en: "the name \"{name}\" holds an invisible character ({code})",
        vi: "tên \"{name}\" có một ký tự không nhìn thấy ({code})"
    }
    RETYPE_NAME_HINT "retype-name-hint" {
        en: "retype the name with a Vietnamese keyboard (Unikey, or the system's Telex) instead of copying it from a PDF or a web page",
        vi: "hãy gõ lại tên bằng bộ gõ tiếng Việt (Unikey hoặc Telex của máy), không chép từ tệp PDF hay trang web"
    }
    FILE_COPIED "file-copied" {
        en: "this file looks like a copy of {file}: the same record would be published twice",
        vi: "tệp này có vẻ là bản sao của {file}: cùng một đơn vị sẽ bị công bố hai lần"
    }
    FILE_COPIED_HINT "file-copied-hint" {
        en: "delete {file} (or move it out of content/); only if these are two different records with the same name, give each an `id:`",
        vi: "hãy xóa {file} (hoặc chuyển ra ngoài thư mục content/); chỉ khi đây là hai đơn vị khác nhau trùng tên mới ghi `id:` riêng cho mỗi tệp"
    }
    EXAMPLE_FIGURES "example-figures" {
        en: "the figures of this file are the examples of `baocao new`, not real ones: they cannot be published",
        vi: "số liệu trong tệp này là số ví dụ do `baocao new` tạo ra, không phải số liệu thật: chưa thể công bố"
    }
    EXAMPLE_FIGURES_HINT "example-figures-hint" {
        en: "replace them with the real figures, then delete the line `example: true` (or delete the file); until then `baocao build` refuses to publish the site, and `baocao serve` still previews it",
        vi: "hãy thay bằng số liệu thật rồi xóa dòng `example: true` (hoặc xóa cả tệp); đến lúc đó `baocao build` chưa xuất bản trang web, còn `baocao serve` vẫn xem trước được"
    }
    IMPLAUSIBLE_CHANGE "implausible-change" {
        en: "`{name}` went from {before} in {before_year} to {after} in {year}: is this a typing mistake?",
        vi: "`{name}` từ {before} năm {before_year} thành {after} năm {year}: có phải gõ nhầm không?"
    }
    IMPLAUSIBLE_CHANGE_HINT "implausible-change-hint" {
        en: "a change of more than {factor} times is rare; if the figure is right, keep it (this is only a warning); `year_change:` in content/site.yaml sets when to warn",
        vi: "số thay đổi hơn {factor} lần là hiếm gặp; nếu số liệu đúng thì giữ nguyên (đây chỉ là cảnh báo); mục `year_change:` trong content/site.yaml đặt ngưỡng cảnh báo"
    }
    FAR_ABOVE_AVERAGE "far-above-average" {
        en: "`{name}` of {year} is {value}, more than {factor} times a commune's average ({area} for the whole area over {communes} communes is about {average}): is this a typing mistake?",
        vi: "`{name}` năm {year} là {value}, gấp hơn {factor} lần mức bình quân của một xã, phường (toàn địa bàn {area} chia cho {communes} xã, phường, khoảng {average}): có phải gõ nhầm không?"
    }
    FAR_ABOVE_OTHERS "far-above-others" {
        en: "`{name}` of {year} is {value}, more than {factor} times the middle value of the {others} other communes that report it ({median}): is this a typing mistake?",
        vi: "`{name}` năm {year} là {value}, gấp hơn {factor} lần mức giữa của {others} xã, phường khác có báo cáo số này ({median}): có phải gõ nhầm không?"
    }
    FAR_ABOVE_HINT "far-above-hint" {
        en: "one commune with more than {factor} times its share is rare; if the figure is right, keep it (this is only a warning); `year_change:` in content/site.yaml sets when to warn",
        vi: "một xã, phường gấp hơn {factor} lần phần bình quân là hiếm gặp; nếu số liệu đúng thì giữ nguyên (đây chỉ là cảnh báo); mục `year_change:` trong content/site.yaml đặt ngưỡng cảnh báo"
    }
    AREA_TOTALS_HINT "area-totals-hint" {
        en: "check the area figure in content/years/ and the communes' figures for this year",
        vi: "hãy kiểm tra số toàn địa bàn trong content/years/ và số liệu của các xã, phường trong năm này"
    }
    SAFE_EXCEEDS_TOTAL "safe-exceeds-total" {
        en: "safe ({safe}) cannot exceed total ({total})",
        vi: "số đạt chuẩn ({safe}) không thể lớn hơn tổng số ({total})"
    }
    SAFE_HINT "safe-hint" {
        en: "`safe` counts the units that attained the standard among `total`",
        vi: "`safe` là số đơn vị đạt chuẩn trong tổng số `total`; hãy kiểm tra lại cả hai số"
    }
    IMPLAUSIBLE_COUNT "implausible-count" {
        en: "{value} is implausibly large for a count",
        vi: "{value} quá lớn để là một số lượng"
    }
    IMPLAUSIBLE_COUNT_HINT "implausible-count-hint" {
        en: "counts above {max} are rejected as typing mistakes",
        vi: "số lượng lớn hơn {max} được coi là gõ nhầm; hãy kiểm tra lại"
    }
    TOTAL_BELOW_ADDED "total-below-added" {
        en: "the total ({total}) is smaller than what was added this year ({added})",
        vi: "tổng số ({total}) nhỏ hơn số tăng thêm trong năm ({added})"
    }
    TOTAL_HINT "total-hint" {
        en: "`total` is the count at the end of the year, including what was added",
        vi: "`total` là số cuối năm, đã gồm cả số tăng thêm; hãy kiểm tra lại"
    }
    COMMUNES_EXCEED_CITY "communes-exceed-city" {
        en: "the communes report {sum} for `{model}` in {year}, more than the area total {total}",
        vi: "các xã, phường báo cáo {sum} cho `{model}` năm {year}, nhiều hơn tổng số toàn địa bàn là {total}"
    }
    COMMUNES_SUM_DIFFERS "communes-sum-differs" {
        en: "all {communes} communes report `{model}` in {year}; their sum {sum} differs from the area total {total}",
        vi: "cả {communes} xã, phường đều báo cáo `{model}` năm {year}; tổng của các đơn vị là {sum}, khác tổng số toàn địa bàn là {total}"
    }
    CITY_TOTALS_HINT "city-totals-hint" {
        en: "check the area total and the communes' figures for this year",
        vi: "hãy kiểm tra tổng số toàn địa bàn và số liệu của các xã, phường trong năm này"
    }
    PAGE_FILE_NAME "page-file-name" {
        en: "the file name `{stem}.md` cannot be a page address",
        vi: "tên tệp `{stem}.md` không dùng được làm địa chỉ trang"
    }
    PAGE_RENAME_HINT "page-rename-hint" {
        en: "rename it to `{slug}.md`: only a-z, 0-9 and `-`",
        vi: "hãy đổi tên thành `{slug}.md`: chỉ dùng a-z, 0-9 và `-`"
    }
    INVALID_ID "invalid-id" {
        en: "the id `{id}` is not valid",
        vi: "id `{id}` không hợp lệ"
    }
    NO_ID_FROM_NAME "no-id-from-name" {
        en: "cannot make an id from the name `{name}`",
        vi: "không tạo được id từ tên `{name}`"
    }
    ADD_ID_HINT "add-id-hint" {
        en: "add an `id:` field with a-z, 0-9 and `-`",
        vi: "hãy thêm trường `id:` chỉ gồm a-z, 0-9 và `-`"
    }
    KIND_COMMUNE "kind-commune" { en: "commune", vi: "xã, phường" }
    KIND_MODEL "kind-model" { en: "model type", vi: "loại mô hình" }
    ID_TAKEN "id-taken" {
        en: "the {what} id `{id}` is already used by {file}",
        vi: "id `{id}` ({what}) đã được dùng ở {file}"
    }
    ID_TAKEN_HINT "id-taken-hint" {
        en: "each record needs its own id; change this one",
        vi: "mỗi bản ghi cần một id riêng; hãy đổi id này"
    }
    NAMES_COLLIDE "names-collide" {
        en: "the {what} names `{name}` and `{other}` ({file}) both become the id `{id}` once diacritics are removed",
        vi: "hai tên ({what}) `{name}` và `{other}` ({file}) đều thành id `{id}` khi bỏ dấu"
    }
    NAMES_COLLIDE_HINT "names-collide-hint" {
        en: "give one of them an explicit id that no other record uses, e.g. `id: {suggestion}`, so that neither page overwrites the other",
        vi: "hãy ghi id riêng cho một trong hai mà chưa bản ghi nào dùng, ví dụ `id: {suggestion}`, để hai trang không ghi đè lên nhau"
    }
    ID_FROM_NAME_TAKEN "id-from-name-taken" {
        en: "the {what} id `{id}` (from this name) is already used by {file}",
        vi: "id `{id}` ({what}, tạo từ tên này) đã được dùng ở {file}"
    }
    ID_FROM_NAME_HINT "id-from-name-hint" {
        en: "give this record an explicit `id:` that no other record uses, e.g. `id: {suggestion}`",
        vi: "hãy ghi cho bản ghi này một `id:` riêng mà chưa bản ghi nào dùng, ví dụ `id: {suggestion}`"
    }
    CHART_INVALID "chart-invalid" {
        en: "this chart cannot be drawn: {problem}",
        vi: "không vẽ được biểu đồ này: {problem}"
    }
    CHART_HINT "chart-hint" {
        en: "write e.g. {{ chart(kind=\"growth\", model=\"camera-an-ninh\") }}; docs/templates.md lists the kinds",
        vi: "hãy viết, ví dụ, {{ chart(kind=\"growth\", model=\"camera-an-ninh\") }}; docs/templates.md liệt kê các loại biểu đồ"
    }
    LINK_ABSOLUTE "link-absolute" {
        en: "`{url}` is a path on one computer or from the web server's root: it works nowhere else, not on the published site nor from a USB stick",
        vi: "`{url}` là đường dẫn trên một máy tính hoặc tính từ gốc máy chủ: không mở được ở nơi khác, kể cả trên trang đã công bố hay từ USB"
    }
    LINK_ABSOLUTE_HINT "link-absolute-hint" {
        en: "copy the file into content/static/ and write the link from this page's folder, e.g. `{suggestion}`",
        vi: "hãy chép tệp vào thư mục content/static/ rồi viết đường dẫn tính từ thư mục của trang này, ví dụ `{suggestion}`"
    }
    LINK_OUTSIDE "link-outside" {
        en: "`{url}` goes above the site's folder (one `../` too many)",
        vi: "`{url}` đi ra ngoài thư mục của trang web (thừa một `../`)"
    }
    LINK_LETTER_CASE "link-letter-case" {
        en: "`{url}` points to {path}, but the file is {actual}: the letters differ in case, which works on Windows but not on the web server",
        vi: "`{url}` trỏ tới {path}, nhưng tệp có tên {actual}: khác nhau chữ hoa, chữ thường; trên Windows vẫn mở được nhưng trên máy chủ web thì không"
    }
    LINK_NOT_FOUND "link-not-found" {
        en: "`{url}` points to {path}, which is neither a page of the site nor a file of content/static/",
        vi: "`{url}` trỏ tới {path}, không phải một trang của báo cáo hay một tệp trong content/static/"
    }
    LINK_WRITE_HINT "link-write-hint" {
        en: "write `{suggestion}`",
        vi: "hãy viết `{suggestion}`"
    }
    LINK_HOW_HINT "link-how-hint" {
        en: "links are written from the folder of the page this text is on ({home}/): another page is e.g. `../sources.html`, a file of content/static/ is `../static/anh/tuy-loc.jpg`",
        vi: "đường dẫn được viết tính từ thư mục của trang chứa đoạn văn này ({home}/): một trang khác, ví dụ `../sources.html`; một tệp trong content/static/, ví dụ `../static/anh/tuy-loc.jpg`"
    }
    UNKNOWN_COMMUNE "unknown-commune" {
        en: "unknown commune `{commune}`",
        vi: "không có xã, phường nào có id `{commune}`"
    }
    NO_YEAR_FILE "no-year-file" {
        en: "there is no content/years/{year}.yaml",
        vi: "chưa có tệp content/years/{year}.yaml"
    }
    CHART_YEAR_OUT_OF_RANGE "chart-year-out-of-range" {
        en: "the year {year} is out of range",
        vi: "năm {year} nằm ngoài khoảng cho phép"
    }

    ID_RESERVED "id-reserved" {
        en: "the id `{id}` is taken by the list page of its folder",
        vi: "mã `{id}` đã dùng cho trang danh sách của thư mục"
    }
    ID_RESERVED_HINT "id-reserved-hint" {
        en: "give it another id, for example `id: {id}-1`",
        vi: "hãy đặt mã khác, ví dụ `id: {id}-1`"
    }
    IMPLAUSIBLE_MONEY "implausible-money" {
        en: "{value} is implausibly large for an amount of money",
        vi: "{value} quá lớn, khó có thể đúng với một khoản tiền"
    }
    IMPLAUSIBLE_MONEY_HINT "implausible-money-hint" {
        en: "write the amount in đồng with digits only, e.g. 10000000000 for 10 tỷ đồng",
        vi: "hãy ghi số tiền bằng đồng, chỉ gồm chữ số, ví dụ 10000000000 cho 10 tỷ đồng"
    }
    STATIC_ACTIVE "static-active" {
        en: "a .{kind} file would run as part of the site, so it is not published",
        vi: "tệp .{kind} sẽ chạy như một phần của trang web nên không được xuất bản"
    }
    STATIC_ACTIVE_HINT "static-active-hint" {
        en: "remove it from `content/static/`; if the site really needs it, set `allow_scripts: true` in `content/site.yaml`",
        vi: "hãy bỏ tệp này khỏi `content/static/`; nếu trang web thật sự cần, ghi `allow_scripts: true` trong `content/site.yaml`"
    }
    STATIC_SVG_ACTIVE "static-svg-active" {
        en: "this SVG image holds {what}, which could run script or fetch from another site when the image is opened",
        vi: "ảnh SVG này chứa {what}, có thể chạy mã hoặc tải nội dung từ trang khác khi mở ảnh"
    }
    STATIC_SVG_HINT "static-svg-hint" {
        en: "save the image again without scripts, links or embedded content (for example export it as a plain SVG or as PNG)",
        vi: "hãy lưu lại ảnh không có mã, liên kết hay nội dung nhúng (ví dụ xuất thành SVG thường hoặc PNG)"
    }
    TEMPLATE_UNUSED "template-unused" {
        en: "no built-in template is called `{name}` and no template includes it: this file changes nothing",
        vi: "không có mẫu trang có sẵn nào tên `{name}` và không mẫu nào dùng đến nó: tệp này không thay đổi gì"
    }
    TEMPLATE_UNUSED_HINT "template-unused-hint" {
        en: "name an override after the built-in template it replaces, such as `commune.html`",
        vi: "hãy đặt tên tệp thay thế trùng tên mẫu có sẵn mà nó thay, ví dụ `commune.html`"
    }
    NOT_A_FILE "not-a-file" {
        en: "this is not a regular file (a pipe, socket or device) and is ignored",
        vi: "đây không phải là một tệp bình thường (mà là ống dẫn, socket hoặc thiết bị) nên được bỏ qua"
    }
    NAME_TOO_LONG "name-too-long" {
        en: "this name is {length} characters long; a name may have at most {max}",
        vi: "tên này dài {length} ký tự; tên dài tối đa {max} ký tự"
    }
    NAME_TOO_LONG_HINT "name-too-long-hint" {
        en: "write the short official name here, and put the rest in `summary` or `description`",
        vi: "hãy ghi tên chính thức ngắn gọn ở đây, phần còn lại đưa vào `summary` hoặc `description`"
    }

    // Spreadsheets: `baocao export` and `baocao import`.
    SHEET_PROJECT_INVALID "sheet-project-invalid" {
        en: "the project has errors: fix them first (`baocao check` lists them)",
        vi: "dự án đang có lỗi: hãy sửa trước (`baocao check` liệt kê các lỗi)"
    }
    SHEET_NO_YEARS "sheet-no-years" {
        en: "the project has no figures for any year yet",
        vi: "dự án chưa có số liệu của năm nào"
    }
    SHEET_NO_YEARS_HINT "sheet-no-years-hint" {
        en: "name the year to collect: `baocao export --year 2024 so-lieu.xlsx`",
        vi: "hãy ghi năm cần thu thập: `baocao export --year 2024 so-lieu.xlsx`"
    }
    SHEET_BAD_YEAR_ARG "sheet-bad-year-arg" {
        en: "{year} is not a plausible year",
        vi: "{year} không phải là một năm hợp lệ"
    }
    SHEET_UNSUPPORTED "sheet-unsupported" {
        en: "baocao reads spreadsheets saved as .xlsx, .xls, .ods or .csv",
        vi: "baocao đọc được bảng tính dạng .xlsx, .xls, .ods hoặc .csv"
    }
    SHEET_EXPORT_FORMAT "sheet-export-format" {
        en: "baocao writes workbooks as .xlsx only",
        vi: "baocao chỉ ghi được sổ tính dạng .xlsx"
    }
    SHEET_UNREADABLE "sheet-unreadable" {
        en: "cannot read the file: {error}",
        vi: "không đọc được tệp: {error}"
    }
    SHEET_UNWRITABLE "sheet-unwritable" {
        en: "cannot write the file: {error}",
        vi: "không ghi được tệp: {error}"
    }
    SHEET_NO_TABLE "sheet-no-table" {
        en: "the file holds no sheet made by `baocao export` (row 2 holds the keys `year`, `code`, `id`… or `year`, `field`, `value`)",
        vi: "tệp không có trang tính nào do `baocao export` tạo ra (hàng 2 ghi các khoá `year`, `code`, `id`… hoặc `year`, `field`, `value`)"
    }
    SHEET_START_FROM_EXPORT "sheet-start-from-export" {
        en: "start from a workbook made by `baocao export`, and keep its first two rows and its grey columns",
        vi: "hãy dùng sổ tính do `baocao export` tạo ra, giữ nguyên hai hàng đầu và các cột màu xám"
    }
    SHEET_SKIPPED "sheet-skipped" {
        en: "this sheet has no key row (row 2) and is skipped",
        vi: "trang tính này không có hàng khoá (hàng 2) nên được bỏ qua"
    }
    SHEET_MISSING_KEY_COLUMN "sheet-missing-key-column" {
        en: "the key row (row 2) has no `{key}` column",
        vi: "hàng khoá (hàng 2) thiếu cột `{key}`"
    }
    SHEET_UNKNOWN_COLUMN "sheet-unknown-column" {
        en: "`{key}` is not a figure of this project",
        vi: "`{key}` không phải là số liệu của dự án này"
    }
    SHEET_DUPLICATE_COLUMN "sheet-duplicate-column" {
        en: "the column `{key}` appears twice, also in {other}",
        vi: "cột `{key}` xuất hiện hai lần, lần kia ở {other}"
    }
    SHEET_NOT_A_NUMBER "sheet-not-a-number" {
        en: "expected a whole number, found the text \"{text}\"",
        vi: "cần một số nguyên, nhưng ô ghi chữ \"{text}\""
    }
    SHEET_DIGITS_HINT "sheet-digits-hint" {
        en: "type digits only, e.g. 24527, or leave the cell empty when there is no figure",
        vi: "chỉ gõ chữ số, ví dụ 24527, hoặc để trống ô nếu không có số liệu"
    }
    SHEET_THOUSANDS_TEXT "sheet-thousands-text" {
        en: "\"{text}\" was typed as text with dots: if it means {number}, type {number}",
        vi: "\"{text}\" được gõ dạng chữ có dấu chấm: nếu là {number} thì hãy gõ {number}"
    }
    SHEET_DECIMAL_TEXT "sheet-decimal-text" {
        en: "\"{text}\" reads as {whole} point {fraction}, but this figure is a whole number",
        vi: "\"{text}\" được hiểu là {whole} phẩy {fraction}, nhưng số liệu này phải là số nguyên"
    }
    SHEET_DECIMAL_HINT "sheet-decimal-hint" {
        en: "if the comma separates thousands ({number}), type {number}; otherwise type the whole number",
        vi: "nếu dấu phẩy là dấu phân cách hàng nghìn ({number}) thì gõ {number}; nếu không, hãy gõ số nguyên"
    }
    SHEET_FRACTION "sheet-fraction" {
        en: "{value} is not a whole number, and this figure cannot have a fraction",
        vi: "{value} không phải số nguyên, mà số liệu này không thể có phần lẻ"
    }
    SHEET_NEGATIVE "sheet-negative" {
        en: "{value} is negative, and this figure cannot be below 0",
        vi: "{value} là số âm, mà số liệu này không thể nhỏ hơn 0"
    }
    SHEET_TOO_LARGE "sheet-too-large" {
        en: "{value} is implausibly large for this figure (at most {max})",
        vi: "{value} quá lớn, khó có thể đúng với số liệu này (tối đa {max})"
    }
    SHEET_NOT_A_FLAG "sheet-not-a-flag" {
        en: "expected \"có\" (yes) or \"không\" (no), found \"{text}\"",
        vi: "cần \"có\" hoặc \"không\", nhưng ô ghi \"{text}\""
    }
    SHEET_DATE "sheet-date" {
        en: "expected a number, found a date",
        vi: "cần một số, nhưng ô là ngày tháng"
    }
    SHEET_CELL_ERROR "sheet-cell-error" {
        en: "the cell shows the error {error}",
        vi: "ô đang báo lỗi {error}"
    }
    SHEET_UNCOMPUTED "sheet-uncomputed" {
        en: "the cell holds the formula {formula} but no computed value",
        vi: "ô có công thức {formula} nhưng chưa có giá trị đã tính"
    }
    SHEET_UNCOMPUTED_HINT "sheet-uncomputed-hint" {
        en: "open the file in Excel or LibreOffice, let it compute, and save it again; or type the number itself",
        vi: "hãy mở tệp bằng Excel hoặc LibreOffice để tính, rồi lưu lại; hoặc gõ thẳng con số"
    }
    SHEET_SAFE_ABOVE_TOTAL "sheet-safe-above-total" {
        en: "{safe} attained is more than the total of {total}",
        vi: "số đạt {safe} lớn hơn tổng số {total}"
    }
    SHEET_BAD_YEAR "sheet-bad-year" {
        en: "expected a year such as 2024, found \"{text}\"",
        vi: "cần một năm, ví dụ 2024, nhưng ô ghi \"{text}\""
    }
    SHEET_UNKNOWN_CODE "sheet-unknown-code" {
        en: "no commune of the project has the code {code}",
        vi: "không có xã, phường nào của dự án có mã {code}"
    }
    SHEET_UNKNOWN_ID "sheet-unknown-id" {
        en: "no commune of the project has the id `{id}`",
        vi: "không có xã, phường nào của dự án có mã định danh `{id}`"
    }
    SHEET_MATCH_HINT "sheet-match-hint" {
        en: "rows are matched by code or id, never by name: add the commune to `content/communes/` first, or correct the code",
        vi: "các hàng được ghép theo mã hoặc mã định danh, không bao giờ theo tên: hãy thêm xã, phường vào `content/communes/` trước, hoặc sửa lại mã"
    }
    SHEET_CODE_ID_DISAGREE "sheet-code-id-disagree" {
        en: "the code {code} belongs to {by_code}, but the id `{id}` to {by_id}",
        vi: "mã {code} là của {by_code}, nhưng mã định danh `{id}` là của {by_id}"
    }
    SHEET_NO_COMMUNE "sheet-no-commune" {
        en: "the row has figures but neither a code nor an id",
        vi: "hàng có số liệu nhưng không có mã hay mã định danh"
    }
    SHEET_DUPLICATE_ROW "sheet-duplicate-row" {
        en: "{what} · {year} appears twice: here and in {other}",
        vi: "{what} · {year} xuất hiện hai lần: ở đây và ở {other}"
    }
    SHEET_DUPLICATE_HINT "sheet-duplicate-hint" {
        en: "keep one row and delete the other",
        vi: "hãy giữ một hàng và xoá hàng kia"
    }
    SHEET_BLANK_KEPT "sheet-blank-kept" {
        en: "the cell is empty but the records say {value}: the figure is kept",
        vi: "ô để trống nhưng hồ sơ đang ghi {value}: giữ nguyên số liệu này"
    }
    SHEET_BLANK_KEPT_HINT "sheet-blank-kept-hint" {
        en: "to delete a figure, delete its line in {file}",
        vi: "muốn xoá một số liệu, hãy xoá dòng của nó trong {file}"
    }
    SHEET_EDIT_FLOW "sheet-edit-flow" {
        en: "cannot add `{key}` here: this part is written in the short form `{ … }`",
        vi: "không thêm được `{key}` vào đây: phần này viết ở dạng rút gọn `{ … }`"
    }
    SHEET_EDIT_NO_PLACE "sheet-edit-no-place" {
        en: "cannot find where to add `{key}` in this part of the file",
        vi: "không tìm được chỗ để thêm `{key}` vào phần này của tệp"
    }
    SHEET_EDIT_HINT "sheet-edit-hint" {
        en: "add the figure by hand, in the form `key: value` on lines of their own, then import again",
        vi: "hãy thêm số liệu bằng tay, mỗi mục `khoá: giá trị` trên một dòng riêng, rồi nhập lại"
    }
    SHEET_UNKNOWN_SOURCE "sheet-unknown-source" {
        en: "no source of `content/site.yaml` has the id `{id}`",
        vi: "không có nguồn nào trong `content/site.yaml` có mã `{id}`"
    }
    SHEET_SOURCE_INHERITED "sheet-source-inherited" {
        en: "the figures of {year} are new in this file and will cite its source `{source}`",
        vi: "số liệu năm {year} là số liệu mới của tệp này và sẽ dẫn nguồn chung của tệp là `{source}`"
    }
    SHEET_SOURCE_NONE "sheet-source-none" {
        en: "the figures of {year} are new in this file and cite no source",
        vi: "số liệu năm {year} là số liệu mới của tệp này và không dẫn nguồn nào"
    }
    SHEET_SOURCE_HINT "sheet-source-hint" {
        en: "add the document the figures come from to the sources of `content/site.yaml`, then import with `--source ID`",
        vi: "hãy thêm văn bản chứa các số liệu này vào danh sách nguồn trong `content/site.yaml`, rồi nhập với `--source MÃ`"
    }
    SHEET_CSV_NOT_UTF8 "sheet-csv-not-utf8" {
        en: "the file is not UTF-8 text: in Excel, save it with “Save As” → “CSV UTF-8 (Comma delimited)”",
        vi: "tệp không phải văn bản UTF-8: trong Excel, hãy lưu bằng “Lưu thành” → “CSV UTF-8 (Comma delimited)”"
    }
    SHEET_YEAR_MISMATCH "sheet-year-mismatch" {
        en: "this row is for {year}, but its sheet is named \"{sheet}\"",
        vi: "hàng này ghi năm {year}, nhưng trang tính mang tên \"{sheet}\""
    }
    SHEET_YEAR_MISMATCH_HINT "sheet-year-mismatch-hint" {
        en: "to collect {year}, make its sheet with `baocao export --year {year}` (or correct the year column)",
        vi: "muốn thu thập năm {year}, hãy tạo trang của năm đó bằng `baocao export --year {year}` (hoặc sửa cột Năm)"
    }
    SHEET_EDIT_SHARED "sheet-edit-shared" {
        en: "this file uses anchors (`&name`, `*name`, `<<:`), so one written value may stand in several places: baocao does not change it",
        vi: "tệp này dùng neo (`&tên`, `*tên`, `<<:`), nên một giá trị có thể đứng ở nhiều chỗ: baocao không sửa tệp này"
    }
    SHEET_LEFT_CHANGED "sheet-left-changed" {
        en: "this file was written by the import and could not be put back ({error}): check it by hand",
        vi: "tệp này đã được ghi và không khôi phục lại được ({error}): hãy kiểm tra bằng tay"
    }
    SHEET_RESULT_INVALID "sheet-result-invalid" {
        en: "with these figures the report would have the errors below: nothing was written",
        vi: "với các số liệu này báo cáo sẽ có các lỗi dưới đây: chưa ghi gì cả"
    }
    // The command line's own lines: the output folder, and the summaries of a run.
    WRITE_REFUSED "write-refused" {
        en: "refusing to write the site to {path}: {why}",
        vi: "không ghi trang web vào {path}: {why}"
    }
    WRITE_SYMLINK "write-symlink" {
        en: "it is a symbolic link; give the real folder instead",
        vi: "đó là một liên kết tượng trưng; hãy ghi thư mục thật"
    }
    WRITE_IS_FILE "write-is-file" {
        en: "it is a file, not a folder",
        vi: "đó là một tệp, không phải thư mục"
    }
    WRITE_FOREIGN_FILES "write-foreign-files" {
        en: "it holds files that baocao did not write, and a build replaces everything in it; choose a new or empty folder",
        vi: "thư mục có các tệp không do baocao ghi, mà mỗi lần dựng sẽ thay toàn bộ thư mục; hãy chọn một thư mục mới hoặc trống"
    }
    WRITE_FILE_SYSTEM_ROOT "write-file-system-root" {
        en: "it is the root of the file system",
        vi: "đó là thư mục gốc của hệ thống tệp"
    }
    WRITE_PROJECT_FOLDER "write-project-folder" {
        en: "it is the project folder or contains it; use a folder such as `output/`",
        vi: "đó là thư mục dự án hoặc chứa thư mục dự án; hãy dùng một thư mục như `output/`"
    }
    WRITE_INSIDE_CONTENT "write-inside-content" {
        en: "it is inside the project's content or templates; use a folder such as `output/`",
        vi: "thư mục nằm trong content/ hoặc templates/ của dự án; hãy dùng một thư mục như `output/`"
    }
    WRITE_IO "write-io" {
        en: "cannot write {path}: {error}",
        vi: "không ghi được {path}: {error}"
    }
    WRITE_STOPPED "write-stopped" {
        en: "stopped: a newer save is being built",
        vi: "đã dừng: đang dựng theo lần lưu mới hơn"
    }
    WRITE_IO_UNCHANGED "write-io-unchanged" {
        en: "{error}; the previous output is unchanged",
        vi: "{error}; thư mục kết quả trước vẫn nguyên vẹn"
    }
    SUMMARY_CHECK_OK "summary-check-ok" {
        en: "ok: {communes}, {models}, {years}, {pages}; {warnings}",
        vi: "ổn: {communes}, {models}, {years}, {pages}; {warnings}"
    }
    SUMMARY_CHECK_FAILED "summary-check-failed" {
        en: "{errors} and {warnings}: fix the errors above, then run `baocao check` again",
        vi: "{errors} và {warnings}: hãy sửa các lỗi ở trên rồi chạy lại `baocao check`"
    }
    SUMMARY_BUILD_FAILED "summary-build-failed" {
        en: "{errors} and {warnings}: nothing was written; the previous output is unchanged",
        vi: "{errors} và {warnings}: chưa ghi gì; thư mục kết quả trước vẫn nguyên vẹn"
    }
    SUMMARY_IMPORT_FAILED "summary-import-failed" {
        en: "{errors} and {warnings}: nothing was written; the YAML records are unchanged",
        vi: "{errors} và {warnings}: chưa ghi gì, các tệp YAML vẫn nguyên vẹn"
    }
    SUMMARY_BUILT "summary-built" {
        en: "built {pages}, {charts}, {files} into {output} ({added} added, {changed} changed, {removed} removed) in {ms} ms",
        vi: "đã dựng {pages}, {charts}, {files} vào {output} ({added} thêm, {changed} đổi, {removed} bỏ) trong {ms} ms"
    }
    SUMMARY_UP_TO_DATE "summary-up-to-date" {
        en: "up to date: nothing changed since the last build of {output} in {ms} ms",
        vi: "đã mới nhất: không có gì thay đổi từ lần dựng trước của {output} ({ms} ms)"
    }
    SUMMARY_OUTPUT_FRESH "summary-output-fresh" {
        en: "up to date: {files} in {output} match the content",
        vi: "đã mới nhất: {files} trong {output} khớp với nội dung"
    }
    SUMMARY_OUTPUT_STALE "summary-output-stale" {
        en: "{output} is stale ({added} added, {changed} changed, {removed} removed): run `baocao build` and commit the output",
        vi: "{output} đã cũ ({added} thêm, {changed} đổi, {removed} bỏ): hãy chạy `baocao build` rồi commit thư mục kết quả"
    }
    NOTE_BUILD_WAITING "note-build-waiting" {
        en: "another baocao build is writing {output}; waiting for it to finish…",
        vi: "một lệnh baocao build khác đang ghi {output}; đang chờ lệnh đó xong…"
    }
    NOTE_NO_BASE_URL "note-no-base-url" {
        en: "site.yaml has no `base_url`: the site works from any folder and from a USB stick, but its 404 page needs JavaScript to find the other pages, and there is no sitemap.xml or canonical link; once the site has an address, add it, e.g. `base_url: https://congan.example.gov.vn/bao-cao/`",
        vi: "site.yaml chưa có `base_url`: trang web vẫn chạy ở mọi thư mục và từ USB, nhưng trang 404 cần JavaScript mới tìm được các trang khác, và không có sitemap.xml hay liên kết chuẩn; khi trang web đã có địa chỉ, hãy ghi vào, ví dụ `base_url: https://congan.example.gov.vn/bao-cao/`"
    }
    NOTE_BUILD_RECOVERED "note-build-recovered" {
        en: "the last build was interrupted: moved the previous site back from {from} to {output}",
        vi: "lần dựng trước bị ngắt giữa chừng: đã đưa trang web trước đó từ {from} về lại {output}"
    }
    NO_PROJECT_FOLDER "no-project-folder" {
        en: "the project folder {path} does not exist: check the path after --root",
        vi: "không có thư mục dự án {path}: hãy kiểm tra đường dẫn sau --root"
    }
    NEW_CREATED "new-created" {
        en: "created a report project in {dir} ({files}); its figures are examples to replace (build publishes nothing until the lines `example: true` are deleted), see its README.md\npreview it with: baocao --root {dir} serve --open",
        vi: "đã tạo dự án báo cáo trong {dir} ({files}); các số liệu trong đó là số ví dụ cần thay (build không xuất bản gì cho đến khi xóa các dòng `example: true`), xem README.md của dự án\nxem trước bằng lệnh: baocao --root {dir} serve --open"
    }
    NEW_NOT_EMPTY "new-not-empty" {
        en: "{dir} is not empty, so nothing was written; give the name of a new folder, or of an empty one",
        vi: "{dir} không trống nên chưa ghi gì; hãy đặt tên một thư mục mới, hoặc một thư mục trống"
    }
    NEW_NOT_A_FOLDER "new-not-a-folder" {
        en: "{path} is a file, not a folder; give the name of a new folder",
        vi: "{path} là một tệp, không phải thư mục; hãy đặt tên một thư mục mới"
    }
    // Template and locale overrides in `templates/`.
    TEMPLATE_ERROR "template-error" { en: "{detail}", vi: "lỗi trong mẫu trang: {detail}" }
    TEMPLATE_SPELLING_HINT "template-spelling-hint" {
        en: "check the spelling against docs/templates.md, which lists each template's variables and filters",
        vi: "hãy đối chiếu cách viết với docs/templates.md, nơi liệt kê các biến và bộ lọc của từng mẫu trang"
    }
    TEMPLATE_FIX_HINT "template-fix-hint" {
        en: "fix the template, or delete the override to use the built-in one",
        vi: "hãy sửa mẫu trang, hoặc xóa bản chép trong templates/ để dùng mẫu có sẵn"
    }
    LOCALE_UNKNOWN_LANGUAGE "locale-unknown-language" {
        en: "baocao has no language `{language}`",
        vi: "baocao không có ngôn ngữ `{language}`"
    }
    LOCALE_LANGUAGE_HINT "locale-language-hint" {
        en: "name the file after a language baocao has: {files}",
        vi: "hãy đặt tên tệp theo một ngôn ngữ baocao có: {files}"
    }
    LOCALE_SYNTAX_HINT "locale-syntax-hint" {
        en: "write one `key: text` per line, each key once; quote a text that holds `: ` or starts with `{`",
        vi: "hãy viết mỗi dòng một `khóa: chữ`, mỗi khóa một lần; đặt trong dấu nháy chữ có `: ` hoặc bắt đầu bằng `{`"
    }
    LOCALE_UNKNOWN_KEY "locale-unknown-key" {
        en: "unknown UI string `{key}`",
        vi: "không có chữ giao diện nào tên `{key}`"
    }
    LOCALE_KEYS_HINT "locale-keys-hint" {
        en: "the keys are those of baocao's own templates/locales/{language}.yaml",
        vi: "các khóa là các khóa trong templates/locales/{language}.yaml có sẵn của baocao"
    }
    LOCALE_PLACEHOLDER "locale-placeholder" {
        en: "`{{wrong}}` is not filled in for `{key}`",
        vi: "`{{wrong}}` không được điền cho `{key}`"
    }
    LOCALE_NO_PLACEHOLDERS_HINT "locale-no-placeholders-hint" {
        en: "this text has no placeholders",
        vi: "chữ này không có chỗ điền nào"
    }
    LOCALE_PLACEHOLDERS_HINT "locale-placeholders-hint" {
        en: "this text can use {allowed}",
        vi: "chữ này có thể dùng {allowed}"
    }

    // `baocao diff`.
    DIFF_OLD "diff-old" { en: "old", vi: "bản cũ" }
    DIFF_NEW "diff-new" { en: "new", vi: "bản mới" }
    DIFF_PASSES "diff-passes" {
        en: "passes validation, {warnings}",
        vi: "hợp lệ, {warnings}"
    }
    DIFF_FAILS "diff-fails" {
        en: "fails validation: {errors}, {warnings}",
        vi: "không hợp lệ: {errors}, {warnings}"
    }
    DIFF_MORE_ERROR "diff-more-error" { en: "… and 1 more error", vi: "… và 1 lỗi nữa" }
    DIFF_MORE_ERRORS "diff-more-errors" { en: "… and {n} more errors", vi: "… và {n} lỗi nữa" }
    DIFF_NOT_COMPARED "diff-not-compared" {
        en: "The data cannot be compared until both versions pass validation (run `baocao check`).",
        vi: "Chưa so sánh được số liệu cho đến khi cả hai bản đều hợp lệ (hãy chạy `baocao check`)."
    }
    DIFF_TO_CHECK "diff-to-check" { en: "⚠ To check: {warnings}", vi: "⚠ Cần kiểm tra: {warnings}" }
    DIFF_NEW_WARNING "diff-new-warning" { en: "1 new warning", vi: "1 cảnh báo mới" }
    DIFF_NEW_WARNINGS "diff-new-warnings" { en: "{n} new warnings", vi: "{n} cảnh báo mới" }
    DIFF_STILL "diff-still" {
        en: "Warnings the old version had too: {warnings}",
        vi: "Cảnh báo bản cũ cũng có: {warnings}"
    }
    DIFF_IDENTICAL "diff-identical" {
        en: "No differences in the data.",
        vi: "Số liệu của hai bản không khác nhau."
    }
    DIFF_ADDED "diff-added" { en: "Added", vi: "Thêm" }
    DIFF_REMOVED "diff-removed" { en: "Removed", vi: "Bỏ" }
    DIFF_RENAMED "diff-renamed" { en: "Renamed", vi: "Đổi tên" }
    DIFF_FIGURES "diff-figures" { en: "Figures", vi: "Số liệu" }
    DIFF_DETAILS "diff-details" { en: "Details", vi: "Thông tin" }
    DIFF_TEXTS "diff-texts" { en: "Texts", vi: "Văn bản" }
    DIFF_SECTION "diff-section" { en: "{title} ({count} changed)", vi: "{title} ({count} thay đổi)" }
    DIFF_KIND_YEAR "diff-kind-year" { en: "year", vi: "năm" }
    DIFF_KIND_COMMUNE "diff-kind-commune" { en: "commune", vi: "xã, phường" }
    DIFF_KIND_MODEL "diff-kind-model" { en: "model", vi: "mô hình" }
    DIFF_KIND_INDICATOR "diff-kind-indicator" { en: "indicator", vi: "chỉ tiêu" }
    DIFF_KIND_SOURCE "diff-kind-source" { en: "source", vi: "nguồn" }
    DIFF_KIND_PAGE "diff-kind-page" { en: "page", vi: "trang" }
    DIFF_KIND_SITE "diff-kind-site" { en: "site", vi: "thông tin chung" }
    DIFF_SOURCE_CHANGE "diff-source-change" { en: "source: {old} → {new}", vi: "nguồn: {old} → {new}" }
    DIFF_WORKING_TREE "diff-working-tree" { en: "working tree", vi: "các tệp hiện tại" }
    DIFF_CURRENT_FOLDER "diff-current-folder" { en: "the current folder", vi: "thư mục hiện tại" }
    DIFF_NO_CONTENT "diff-no-content" {
        en: "{folder} holds no `content/` folder",
        vi: "{folder} không có thư mục `content/`"
    }
    DIFF_NO_CONTENT_HINT "diff-no-content-hint" {
        en: "pass the project folder, the one that holds `content/`",
        vi: "hãy chỉ ra thư mục dự án, thư mục chứa `content/`"
    }
    DIFF_NOT_A_REVISION "diff-not-a-revision" {
        en: "`{rev}` is neither a folder nor a revision of the git repository in {place}",
        vi: "`{rev}` không phải thư mục, cũng không phải một phiên bản của kho git ở {place}"
    }
    DIFF_NOT_A_REVISION_HINT "diff-not-a-revision-hint" {
        en: "check the spelling; `git log --oneline` lists the revisions and `git tag` the tags; a folder must hold the project's `content/` folder",
        vi: "hãy kiểm tra cách viết; `git log --oneline` liệt kê các phiên bản và `git tag` các thẻ; một thư mục thì phải chứa thư mục `content/` của dự án"
    }
    DIFF_NO_GIT "diff-no-git" {
        en: "`{rev}` is not a folder, and the `git` command that would read it as a revision is not installed",
        vi: "`{rev}` không phải thư mục, và máy chưa cài lệnh `git` để đọc nó như một phiên bản"
    }
    DIFF_NO_GIT_HINT "diff-no-git-hint" {
        en: "install git, or pass the folder of that version of the report (the one holding `content/`)",
        vi: "hãy cài git, hoặc chỉ ra thư mục của bản báo cáo đó (thư mục chứa `content/`)"
    }
    DIFF_NOT_IN_GIT "diff-not-in-git" {
        en: "`{rev}` is not a folder, and {place} is not in a git repository, so it cannot be a revision either",
        vi: "`{rev}` không phải thư mục, và {place} không nằm trong kho git nào, nên cũng không thể là một phiên bản"
    }
    DIFF_NOT_IN_GIT_HINT "diff-not-in-git-hint" {
        en: "pass the folder of that version of the report (the one holding `content/`), or run `baocao diff` inside the report's git repository (or pass --root DIR)",
        vi: "hãy chỉ ra thư mục của bản báo cáo đó (thư mục chứa `content/`), hoặc chạy `baocao diff` trong kho git của báo cáo (hoặc thêm --root THƯ_MỤC)"
    }
    DIFF_REVISION_NO_CONTENT "diff-revision-no-content" {
        en: "revision `{rev}` ({short}) has no `content/` folder in {place}",
        vi: "phiên bản `{rev}` ({short}) không có thư mục `content/` ở {place}"
    }
    DIFF_REVISION_NO_CONTENT_HINT "diff-revision-no-content-hint" {
        en: "pass --root the project folder (the one holding `content/`); if it is right, the revision is older than the report: pick a later one",
        vi: "hãy đặt --root là thư mục dự án (thư mục chứa `content/`); nếu đã đúng thì phiên bản này cũ hơn báo cáo: hãy chọn một phiên bản mới hơn"
    }
    DIFF_TEMP_FOLDER "diff-temp-folder" {
        en: "cannot create a temporary folder to read revision `{rev}` into: {error}",
        vi: "không tạo được thư mục tạm để đọc phiên bản `{rev}`: {error}"
    }
    DIFF_WRITE "diff-write" {
        en: "cannot write {path} while reading revision `{rev}`: {error}",
        vi: "không ghi được {path} khi đọc phiên bản `{rev}`: {error}"
    }
    DIFF_READ_FILE "diff-read-file" {
        en: "could not read {path} of revision `{rev}`",
        vi: "không đọc được {path} của phiên bản `{rev}`"
    }
    DIFF_GIT_MISSING "diff-git-missing" {
        en: "the `git` command is not installed",
        vi: "máy chưa cài lệnh `git`"
    }
    DIFF_GIT_FAILED "diff-git-failed" {
        en: "reading from git failed: {why}",
        vi: "đọc từ git không được: {why}"
    }
    DIFF_MD_TITLE "diff-md-title" {
        en: "Data changes: {old} → {new}",
        vi: "Thay đổi số liệu: {old} → {new}"
    }
    DIFF_MD_VERSION "diff-md-version" { en: "Version", vi: "Phiên bản" }
    DIFF_MD_VALIDATION "diff-md-validation" { en: "Validation", vi: "Kiểm tra" }
    DIFF_MD_OLD "diff-md-old" { en: "Old", vi: "Cũ" }
    DIFF_MD_NEW "diff-md-new" { en: "New", vi: "Mới" }
    DIFF_MD_FAILS "diff-md-fails" {
        en: "The {which} version {name} fails validation",
        vi: "{which} {name} không hợp lệ"
    }
    DIFF_MD_FIRST_ERRORS "diff-md-first-errors" { en: "its first {errors}", vi: "{errors} đầu tiên" }
    DIFF_MD_ITS_ERRORS "diff-md-its-errors" { en: "its errors", vi: "các lỗi" }
    DIFF_MD_FIGURE "diff-md-figure" { en: "Figure", vi: "Số liệu" }
    DIFF_MD_CHANGE "diff-md-change" { en: "Change", vi: "Thay đổi" }
    DIFF_MD_FIELD "diff-md-field" { en: "Field", vi: "Trường" }
    SUMMARY_SCHEMAS "summary-schemas" {
        en: "wrote {schemas} into {dir}",
        vi: "đã ghi {schemas} vào {dir}"
    }
    SCHEMAS_NOT_WRITTEN "schemas-not-written" {
        en: "cannot write the schemas into {dir}: {error}",
        vi: "không ghi được các sơ đồ vào {dir}: {error}"
    }
    COUNT_SCHEMAS "count-schemas" { en: "{n} schemas", vi: "{n} sơ đồ" }
    COUNT_SCHEMA "count-schema" { en: "1 schema", vi: "1 sơ đồ" }
    SERVE_NO_CONTENT "serve-no-content" {
        en: "{root} has no `content/` folder: run baocao in a report project, or pass --root DIR (`baocao new DIR` creates a project)",
        vi: "{root} không có thư mục `content/`: hãy chạy baocao trong thư mục dự án báo cáo, hoặc thêm --root THƯ_MỤC (`baocao new THƯ_MỤC` tạo một dự án)"
    }
    SERVE_LISTEN "serve-listen" {
        en: "cannot listen on {address}: {error}; another program may be using this port: try another one with --port, or --port 0 to pick a free one",
        vi: "không nghe được trên {address}: {error}; có thể một chương trình khác đang dùng cổng này: hãy thử cổng khác với --port, hoặc --port 0 để tự chọn một cổng trống"
    }
    SERVE_TEMP_FOLDER "serve-temp-folder" {
        en: "cannot create a temporary folder for the preview: {error}",
        vi: "không tạo được thư mục tạm cho bản xem trước: {error}"
    }
    SERVE_STOPPED "serve-stopped" {
        en: "the preview server stopped: {error}",
        vi: "máy chủ xem trước đã dừng: {error}"
    }
    PROGRESS_CHECKING "progress-checking" { en: "checking the content…", vi: "đang kiểm tra nội dung…" }
    PROGRESS_RENDERING "progress-rendering" {
        en: "rendering {communes}, {models}, {years}…",
        vi: "đang dựng {communes}, {models}, {years}…"
    }
    UNKNOWN_COMMAND "unknown-command" {
        en: "baocao has no command `{name}`: `baocao help` lists them",
        vi: "baocao không có lệnh `{name}`: `baocao help` liệt kê các lệnh"
    }
    FILE_ADDED "file-added" { en: "added", vi: "thêm" }
    FILE_CHANGED "file-changed" { en: "changed", vi: "đổi" }
    FILE_REMOVED "file-removed" { en: "removed", vi: "bỏ" }
    COUNT_ERRORS "count-errors" { en: "{n} errors", vi: "{n} lỗi" }
    COUNT_ERROR "count-error" { en: "1 error", vi: "1 lỗi" }
    COUNT_WARNINGS "count-warnings" { en: "{n} warnings", vi: "{n} cảnh báo" }
    COUNT_WARNING "count-warning" { en: "1 warning", vi: "1 cảnh báo" }
    COUNT_COMMUNES "count-communes" { en: "{n} communes", vi: "{n} xã, phường" }
    COUNT_COMMUNE "count-commune" { en: "1 commune", vi: "1 xã, phường" }
    COUNT_MODELS "count-models" { en: "{n} model types", vi: "{n} loại mô hình" }
    COUNT_MODEL "count-model" { en: "1 model type", vi: "1 loại mô hình" }
    COUNT_YEARS "count-years" { en: "{n} years", vi: "{n} năm" }
    COUNT_YEAR "count-year" { en: "1 year", vi: "1 năm" }
    COUNT_PAGES "count-pages" { en: "{n} pages", vi: "{n} trang" }
    COUNT_PAGE "count-page" { en: "1 page", vi: "1 trang" }
    COUNT_CHARTS "count-charts" { en: "{n} charts", vi: "{n} biểu đồ" }
    COUNT_CHART "count-chart" { en: "1 chart", vi: "1 biểu đồ" }
    COUNT_FILES "count-files" { en: "{n} files", vi: "{n} tệp" }
    COUNT_FILE "count-file" { en: "1 file", vi: "1 tệp" }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn placeholders(text: &str) -> BTreeSet<&str> {
        split_template(text)
            .1
            .into_iter()
            .map(|(name, _)| name)
            .collect()
    }

    #[test]
    fn entries_have_unique_ids_and_matching_placeholders() {
        let mut ids = BTreeSet::new();
        for entry in ALL {
            assert!(ids.insert(entry.id), "{} is used twice", entry.id);
            assert!(!entry.en.is_empty() && !entry.vi.is_empty(), "{}", entry.id);
            assert!(
                placeholders(entry.vi).is_subset(&placeholders(entry.en)),
                "{}: the Vietnamese text uses a parameter the English one lacks",
                entry.id
            );
        }
    }

    #[test]
    fn parameters_fill_placeholders_in_either_language() {
        let m = ID_TAKEN
            .with("id", "tuy-loc")
            .with_message("what", KIND_COMMUNE.message())
            .with("file", "content/communes/a.yaml");
        assert_eq!(
            m.to_string(),
            "the commune id `tuy-loc` is already used by content/communes/a.yaml"
        );
        assert_eq!(
            m.render(Language::Vi),
            "id `tuy-loc` (xã, phường) đã được dùng ở content/communes/a.yaml"
        );
        assert_eq!(m.id(), "id-taken");
    }

    #[test]
    fn english_texts_are_recognised_with_their_parameters() {
        let m = UNKNOWN_FIELD
            .recognise("unknown field `nmae`, expected one of name, kind")
            .unwrap();
        assert_eq!(m.param("field"), Some("nmae"));
        assert_eq!(m.param("expected"), Some("name, kind"));
        assert_eq!(
            m.render(Language::Vi),
            "không có trường nào tên `nmae` ở đây"
        );
        assert_eq!(
            TEXT_FOR_NUMBER
                .recognise(
                    "expected a number, found the text \"nhiều\" (write digits only, e.g. 24527)"
                )
                .unwrap()
                .param("text"),
            Some("nhiều")
        );
        assert!(
            DUPLICATE_KEY_UNNAMED
                .recognise("duplicate mapping key")
                .is_some()
        );
        assert!(
            DUPLICATE_KEY_UNNAMED
                .recognise("duplicate mapping key: a")
                .is_none()
        );
        assert!(MISSING_FIELD.recognise("missing field `a` here").is_none());
        for entry in ALL {
            let (_, parts) = split_template(entry.en);
            let m = parts.iter().fold(entry.message(), |m, (name, _)| {
                m.with(name, format!("<{name}>"))
            });
            assert_eq!(entry.recognise(&m.to_string()), Some(m), "{}", entry.id);
        }
    }

    #[test]
    fn other_braces_are_kept() {
        assert!(
            CHART_HINT
                .message()
                .to_string()
                .starts_with("write e.g. {{ chart(kind=")
        );
        assert_eq!(Message::text("{x} {").render(Language::Vi), "{x} {");
    }
}
