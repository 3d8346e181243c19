//! Issue 19: the commonest typing slips in a YAML file get a message that names the slip and
//! its fix, in Vietnamese and English, at the line where the slip is.

mod common;

use common::TestProject;

const DONG_TAM: &str = "content/communes/dong-tam.yaml";

/// What the file says, the slip typed instead, `line:column`, then the English and the
/// Vietnamese message, each with its hint.
type Slip = (
    &'static str,
    &'static str,
    &'static str,
    [&'static str; 2],
    [&'static str; 2],
);

const SLIPS: &[Slip] = &[
    (
        "count: 25",
        "count:25",
        "9:9",
        [
            "there is no space after `count:`",
            "hint: write `count: 25`",
        ],
        ["thiếu dấu cách sau `count:`", "gợi ý: hãy viết `count: 25`"],
    ),
    (
        "count: 25",
        "count 25",
        "9:9",
        ["`count` has no `:` after it", "hint: write `count: 25`"],
        [
            "thiếu dấu `:` sau tên trường `count`",
            "gợi ý: hãy viết `count: 25`",
        ],
    ),
    (
        // The parser stops at the end of line 8; the Tab is on line 9.
        "        count: 25",
        "\tcount: 25",
        "9:1",
        [
            "a Tab character indents this line",
            "hint: YAML indents with spaces only",
        ],
        [
            "dòng này thụt lề bằng ký tự Tab",
            "gợi ý: YAML chỉ thụt lề bằng dấu cách",
        ],
    ),
    (
        "count: 25",
        "count: -",
        "9:16",
        [
            "`-` is not a figure",
            "hint: when there is no data, delete the line `count: …`",
        ],
        [
            "`-` không phải là số liệu",
            "gợi ý: khi không có số liệu, hãy xóa cả dòng `count: …`: trang web sẽ ghi “không có số liệu”",
        ],
    ),
    (
        "tips: 9",
        "tips: không",
        "15:13",
        [
            "`không` is not a figure",
            "hint: when there is no data, delete the line `tips: …`",
        ],
        [
            "`không` không phải là số liệu",
            "gợi ý: khi không có số liệu, hãy xóa cả dòng `tips: …`",
        ],
    ),
    (
        // The parser stops at line 3; the quote opens on line 1.
        "name: Đồng Tâm",
        "name: \"Đồng Tâm",
        "1:7",
        [
            "the text after `name:` opens a quote `\"` that is not closed",
            "hint: write `name: \"Đồng Tâm\"`",
        ],
        [
            "giá trị sau `name:` mở dấu nháy `\"` nhưng chưa đóng",
            "gợi ý: hãy viết `name: \"Đồng Tâm\"`",
        ],
    ),
    (
        "        count: 25",
        "          count: 25",
        "9:11",
        [
            "`count:` is indented further than `model:` on the line above, as if it were inside it",
            "hint: line `count:` up with the fields of the same item",
        ],
        [
            "`count:` thụt lề sâu hơn `model:` ở dòng trên",
            "gợi ý: hãy cho `count:` thẳng cột với các trường cùng cấp",
        ],
    ),
    (
        "        count: 25",
        "      count: 25",
        "9:7",
        [
            "`count:` is indented less than `model:` on the line above, so it belongs to no item",
            "hint: line `count:` up with the fields of the same item",
        ],
        [
            "`count:` thụt lề ít hơn `model:` ở dòng trên, nên không thuộc mục nào của danh sách",
            "gợi ý: hãy cho `count:` thẳng cột",
        ],
    ),
    (
        "motto: tự phòng, tự quản",
        "motto: Phương châm: tự phòng, tự quản",
        "32:12",
        [
            "the text after `motto:` holds `: `, which YAML reads as another field",
            "hint: put the whole text in double quotes: `motto: \"Phương châm: tự phòng, tự quản\"`",
        ],
        [
            "giá trị sau `motto:` có `: `, mà YAML hiểu là bắt đầu một trường khác",
            "gợi ý: hãy đặt cả giá trị trong dấu nháy kép: `motto: \"Phương châm: tự phòng, tự quản\"`",
        ],
    ),
    (
        "participations: 1530",
        "participations: 1,530",
        "14:23",
        [
            "`1,530` groups thousands with a comma; figures are written with digits only",
            "hint: write 1530",
        ],
        [
            "`1,530` có dấu phẩy ngăn cách hàng nghìn; số liệu chỉ viết bằng chữ số",
            "gợi ý: hãy viết 1530",
        ],
    ),
    (
        "participations: 1530",
        "participations: 1.530",
        "14:23",
        [
            "`1.530` groups thousands with dots, which YAML reads as a decimal number",
            "decimal number: write 1530",
        ],
        ["`1.530`", "1530"],
    ),
    (
        "count: 25",
        "count: 2,5",
        "9:16",
        [
            "`2,5` has a decimal comma, but a count is a whole number",
            "hint: write the whole number of things",
        ],
        [
            "`2,5` có dấu phẩy thập phân, nhưng số lượng phải là số nguyên",
            "gợi ý: hãy viết số nguyên",
        ],
    ),
    (
        "founded: \"2021-06\"",
        "founded: 06/2021",
        "27:14",
        [
            "`06/2021` is not a valid year and month",
            "hint: write YYYY-MM in quotes, e.g. \"2021-06\" for June 2021",
        ],
        [
            "`06/2021` không phải tháng và năm hợp lệ",
            "gợi ý: hãy viết YYYY-MM trong dấu nháy",
        ],
    ),
];

#[test]
fn each_common_slip_is_named_at_its_line_in_both_languages() {
    for (right, slip, at, en, vi) in SLIPS {
        let p = TestProject::good();
        p.edit(DONG_TAM, right, slip);
        for (lang, label, [message, hint]) in [("en", "error", en), ("vi", "lỗi", vi)] {
            let run = p.run(&["--lang", lang, "check"]);
            run.expect_code(1);
            let head = format!("{DONG_TAM}:{at}: {label}: {message}");
            assert!(
                run.stderr.contains(&head) && run.stderr.contains(hint),
                "{slip:?} ({lang}): want {head:?} and {hint:?}, got:\n{}",
                run.stderr
            );
        }
    }
}
