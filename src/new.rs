//! `baocao new`: a new report project that checks and previews at once. Its figures are
//! example values, marked as such in the files and on the pages, for the user to replace;
//! the files holding them say `example: true`, and `build` refuses to publish them until
//! that line is deleted.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::messages::{self as msg, Message};

/// The locality used when none is given.
pub const DEFAULT_LOCALITY: &str = "Thành phố Ví Dụ";

/// Why the project was not created.
#[derive(Debug)]
pub enum NewError {
    /// The folder already holds files; nothing was written.
    NotEmpty(PathBuf),
    /// The path exists and is not a folder.
    NotAFolder(PathBuf),
    Io(PathBuf, io::Error),
}

impl NewError {
    /// What went wrong, to show in either language.
    pub fn message(&self) -> Message {
        match self {
            NewError::NotEmpty(dir) => msg::NEW_NOT_EMPTY.with("dir", dir.display()),
            NewError::NotAFolder(path) => msg::NEW_NOT_A_FOLDER.with("path", path.display()),
            NewError::Io(path, e) => msg::WRITE_IO.with("path", path.display()).with("error", e),
        }
    }
}

impl fmt::Display for NewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
    }
}

/// Creates a report project in `dir`, which must be missing or empty. Returns the files
/// written, relative to `dir`.
pub fn create(dir: &Path, locality: Option<&str>) -> Result<Vec<String>, NewError> {
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(NewError::NotEmpty(dir.to_path_buf()));
            }
        }
        Err(_) if dir.exists() => return Err(NewError::NotAFolder(dir.to_path_buf())),
        Err(_) => {}
    }
    let locality = locality.map(crate::text::nfc);
    let files = files(
        locality.as_deref().map_or(DEFAULT_LOCALITY, str::trim),
        current_year(),
    );
    for (relative, text) in &files {
        let path = dir.join(relative);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| NewError::Io(folder.to_path_buf(), e))?;
        }
        fs::write(&path, text).map_err(|e| NewError::Io(path.clone(), e))?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// The locality and its police: "Huyện Trấn Yên" and "Công an huyện Trấn Yên", whether the
/// user gave the one or the other.
fn locality_and_agency(given: &str) -> (String, String) {
    const POLICE: &str = "công an ";
    let is_agency = given
        .get(..POLICE.len())
        .is_some_and(|start| start.to_lowercase() == POLICE);
    let locality = if is_agency {
        crate::text::capitalise(given[POLICE.len()..].trim_start())
    } else {
        given.to_owned()
    };
    let mut agency = String::from("Công an ");
    let mut chars = locality.chars();
    agency.extend(chars.next().into_iter().flat_map(char::to_lowercase));
    agency.push_str(chars.as_str());
    (locality, agency)
}

/// The files of a new project for `locality` (or its police) and `year`, by path.
fn files(given: &str, year: i64) -> Vec<(String, String)> {
    // A JSON string is a valid YAML double-quoted string, whatever the locality holds.
    let quoted = |text: &str| serde_json::to_string(text).unwrap_or_default();
    let (locality, agency) = locality_and_agency(given);
    let locality = locality.as_str();
    let schema = |depth: &str, kind: &str| {
        format!("# yaml-language-server: $schema={depth}schemas/{kind}.schema.json\n")
    };
    let site = format!(
        "{}\
# Thông tin chung của báo cáo. Cách sửa các tệp: xem README.md.
title: Báo cáo an ninh trật tự năm {year}
locality: {}
agency: {}
language: vi
description: {}
sources:
  # VÍ DỤ: thay bằng văn bản hoặc bài báo thật mà số liệu được lấy từ đó.
  - id: nguon-vi-du
    title: Nguồn ví dụ (thay bằng tên văn bản nguồn thật)
",
        schema("../", "site"),
        quoted(locality),
        quoted(&agency),
        quoted(&format!(
            "Kết quả các mô hình bảo đảm an ninh trật tự trên địa bàn {locality} năm {year}."
        )),
    );
    let commune = format!(
        "{}\
# Một xã, phường: chép tệp này cho từng xã, phường của báo cáo, rồi xóa tệp ví dụ này.
# VÍ DỤ: xã và số liệu dưới đây là ví dụ, không phải số liệu thật.
# Khi đã thay bằng số liệu thật, xóa dòng `example: true`: còn dòng này thì baocao build
# không xuất bản trang web.
example: true
name: Ví Dụ
kind: xã
summary: >-
  Đây là xã **ví dụ** do `baocao new` tạo ra: số liệu trên trang này là số ví dụ,
  không phải số liệu thật.
source: nguon-vi-du
years:
  - year: {year}
    models:
      - model: camera-an-ninh
        count: 10 # VÍ DỤ: thay bằng số liệu thật
",
        schema("../../", "commune"),
    );
    let model = format!(
        "{}\
# Một loại mô hình: chép tệp này cho từng loại mô hình của báo cáo.
name: Camera an ninh
unit: mắt camera
order: 1
description: >-
  Mạng lưới camera giám sát an ninh trật tự tại các tuyến đường, khu dân cư.
",
        schema("../../", "model"),
    );
    let year_file = format!(
        "{}\
# Số liệu toàn địa bàn năm {year}; tên tệp là năm.
# VÍ DỤ: các số dưới đây là số ví dụ. Thay bằng số liệu thật; nguồn không nêu số nào thì xóa dòng đó.
# Khi đã thay xong, xóa dòng `example: true`: còn dòng này thì baocao build không xuất bản.
example: true
source: nguon-vi-du
models:
  - model: camera-an-ninh
    total: 10 # VÍ DỤ
narrative: |
  Các số liệu của báo cáo này hiện là **số ví dụ** do `baocao new` tạo ra.
  Hãy thay bằng số liệu thật trước khi công bố.
",
        schema("../../", "year"),
    );
    let page = "\
---
title: Giới thiệu
order: 1
description: Báo cáo được lập thế nào và đọc số liệu thế nào
---
Trang này viết bằng Markdown. Sửa tệp `content/pages/gioi-thieu.md` để giới thiệu
báo cáo: phạm vi, nguồn số liệu, cách đọc số liệu.
"
    .to_owned();
    vec![
        ("README.md".into(), readme(locality, year)),
        (".gitattributes".into(), GITATTRIBUTES.into()),
        (".gitignore".into(), GITIGNORE.into()),
        ("content/site.yaml".into(), site),
        ("content/communes/vi-du.yaml".into(), commune),
        ("content/models/camera-an-ninh.yaml".into(), model),
        (format!("content/years/{year}.yaml"), year_file),
        ("content/pages/gioi-thieu.md".into(), page),
    ]
}

/// Marks `output/` as generated, for git and for reviewing (see docs/reviewing.md).
const GITATTRIBUTES: &str = "\
# output/ được dựng từ content/ bằng `baocao build` và commit cùng nội dung. Đánh dấu là tệp
# sinh ra (thu gọn khi xem thay đổi), không in trong `git diff` (xem thay đổi số liệu bằng
# `baocao diff`), và giữ nguyên từng byte, không đổi ký tự xuống dòng, để
# `baocao build --check` cho cùng kết quả trên mọi máy.
output/** linguist-generated=true -diff -text
";

/// What git leaves out: the schemas `baocao schema` writes, and the files office programs
/// and operating systems leave beside the project's.
const GITIGNORE: &str = "\
# Sơ đồ kiểm tra cho trình soạn thảo: tạo lại bằng `baocao schema`.
schemas/
# Tệp khóa của Excel và LibreOffice khi đang mở một sổ tính.
~$*
.~lock.*#
# Tệp của hệ điều hành.
Thumbs.db
desktop.ini
.DS_Store
";

fn readme(locality: &str, year: i64) -> String {
    format!(
        "# Báo cáo an ninh trật tự — {locality}

Dự án báo cáo này được tạo bằng `baocao new`. Nó dựng được thành trang web ngay, nhưng
mọi số liệu trong đó là **số ví dụ**: hãy thay bằng số liệu thật trước khi công bố.

## Sửa nội dung

Nội dung nằm trong thư mục `content/`, mỗi tệp là một tệp văn bản (YAML hoặc Markdown),
sửa bằng trình soạn thảo văn bản bất kỳ (Notepad++, VS Code…):

- `content/site.yaml`: tên báo cáo, địa bàn, cơ quan, danh sách nguồn số liệu.
- `content/communes/`: mỗi xã, phường một tệp. Chép `vi-du.yaml` thành một tệp mới cho
  từng xã, phường, sửa tên và số liệu, rồi xóa tệp ví dụ.
- `content/models/`: mỗi loại mô hình (camera an ninh, điểm chữa cháy công cộng…) một tệp.
- `content/years/`: số liệu toàn địa bàn, mỗi năm một tệp, tên tệp là năm (`{year}.yaml`).
- `content/pages/`: các trang viết tự do bằng Markdown.
- `content/static/`: ảnh và tệp đính kèm (tạo thư mục này khi cần).

Nguồn không nêu số liệu thì **xóa dòng đó**, đừng ghi 0: trang web sẽ ghi “không có số
liệu”. Mỗi số liệu dẫn một nguồn (`source:`), là mã (`id`) của một nguồn trong
`site.yaml`. Dòng bắt đầu bằng `#` là ghi chú, không hiện trên trang web. Hướng dẫn đầy
đủ từng trường, bằng tiếng Việt: `docs/vi/dinh-dang-noi-dung.md` trong mã nguồn của baocao;
các việc cần làm mỗi năm (năm mới, nhập số liệu, kiểm tra, xem trước, công bố):
`docs/vi/quy-trinh-hang-nam.md`; đưa trang web lên mạng: `docs/vi/dua-len-mang.md`. Mục
lục các hướng dẫn: `docs/vi/README.md`.

## Kiểm tra

```sh
baocao check
```

Liệt kê mọi lỗi, mỗi lỗi kèm tên tệp, số dòng, số cột và gợi ý cách sửa.

## Nhập số liệu từ Excel

```sh
baocao export so-lieu.xlsx
baocao import so-lieu.xlsx --dry-run
baocao import so-lieu.xlsx
```

`export` tạo sổ Excel thu thập số liệu (mỗi xã, phường một hàng, mỗi số liệu một cột) để
gửi các xã, phường điền; `import` ghi số liệu đã điền vào các tệp YAML, chỉ sửa những dòng
số liệu thay đổi. Có ô sai thì baocao báo trang tính và ô, và không ghi gì. Hướng dẫn:
`docs/spreadsheets.md` trong mã nguồn của baocao.

## Xem trước trong khi sửa

```sh
baocao serve --open
```

Mở trang web trong trình duyệt, tại <http://127.0.0.1:1111/>. Mỗi lần lưu một tệp, trang
tự tải lại; nếu tệp có lỗi, trình duyệt hiện lỗi thay cho trang, cho đến khi lỗi được sửa.
Nếu có cảnh báo (số liệu có thể gõ nhầm), góc dưới bên phải trang hiện khung “⚠ cảnh báo”:
bấm vào để xem.
Chỉ máy này xem được bản xem trước. Nhấn Ctrl+C để dừng.

## Dựng trang web

```sh
baocao build
```

Ghi trang web vào thư mục `output/`; chép cả thư mục đó lên máy chủ web. Nếu nội dung có
lỗi, không tệp nào được ghi và `output/` giữ nguyên như cũ. Tệp nào còn dòng
`example: true` (số ví dụ của `baocao new`) thì `build` báo lỗi và không xuất bản: thay số
ví dụ bằng số liệu thật rồi xóa dòng đó.

## Gợi ý khi gõ

Mỗi tệp YAML bắt đầu bằng một dòng `# yaml-language-server: $schema=…`. Chạy
`baocao schema` một lần trong thư mục này (lệnh tạo thư mục `schemas/`) và dùng VS Code
với tiện ích YAML (của Red Hat): trình soạn thảo sẽ gợi ý tên trường và gạch chân lỗi
ngay khi gõ.

## Đổi giao diện

Các trang được dựng từ các mẫu trang (template) có sẵn trong baocao. Để đổi một loại
trang, tạo thư mục `templates/` bên cạnh `content/`, chép vào đó tệp mẫu cùng tên từ thư
mục `templates/` trong mã nguồn của baocao (ví dụ `commune.html` cho trang xã, phường),
rồi sửa bản chép. Tệp trong `templates/` của dự án thay cho mẫu cùng tên; các mẫu khác giữ
nguyên. Xóa bản chép là trở lại mẫu gốc. Hướng dẫn: `docs/templates.md` trong mã nguồn
của baocao.
"
    )
}

/// The current year, by the system clock (UTC).
fn current_year() -> i64 {
    let mut days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    let mut year = 1970;
    loop {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let length = if leap { 366 } else { 365 };
        if days < length {
            return year;
        }
        days -= length;
        year += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_files_name_their_schema_relative_to_themselves() {
        for (path, text) in files(DEFAULT_LOCALITY, 2025) {
            if let Some(under_content) = path.strip_suffix(".yaml") {
                let depth = under_content.matches('/').count();
                let first = text.lines().next().unwrap();
                assert!(
                    first.starts_with(&format!(
                        "# yaml-language-server: $schema={}schemas/",
                        "../".repeat(depth)
                    )),
                    "{path}: {first}"
                );
            }
        }
    }

    #[test]
    fn the_agency_is_the_police_of_the_locality() {
        let files = files("Huyện Mù Cang Chải", 2025);
        let file = |path: &str| &files.iter().find(|(p, _)| p == path).unwrap().1;
        assert!(file("content/site.yaml").contains("agency: \"Công an huyện Mù Cang Chải\""));
        assert!(file("content/years/2025.yaml").contains("total: 10"));
    }

    #[test]
    fn the_police_given_as_the_locality_is_not_doubled() {
        for given in [
            "Công an huyện Trấn Yên",
            "công an Huyện Trấn Yên",
            "Huyện Trấn Yên",
        ] {
            assert_eq!(
                locality_and_agency(given),
                (
                    "Huyện Trấn Yên".to_owned(),
                    "Công an huyện Trấn Yên".to_owned()
                ),
                "{given}"
            );
        }
        assert_eq!(
            locality_and_agency("Thành phố Yên Bái").1,
            "Công an thành phố Yên Bái"
        );
        // "Công" alone is a name, not the police.
        assert_eq!(locality_and_agency("Côngan").0, "Côngan");
    }

    #[test]
    fn the_year_is_plausible() {
        assert!((2025..2100).contains(&current_year()));
    }
}
