//! The command line's help in the language of the messages: the English of the doc comments
//! on `Cli`, or Vietnamese from the table below, with Vietnamese headings.

use clap::{Arg, ArgAction, Command};

use baocao::language::Language;

/// What the root command, each subcommand and each argument is for, in Vietnamese, by
/// subcommand (`""` for the root) and argument id (`""` for the command itself).
const VIETNAMESE: &[(&str, &str, &str)] = &[
    (
        "",
        "",
        "Dựng trang web tĩnh của báo cáo an ninh trật tự hằng năm từ các tệp YAML.",
    ),
    ("", "root", "Thư mục dự án báo cáo (chứa `content/`)."),
    (
        "",
        "lang",
        "Ngôn ngữ của lỗi, cảnh báo và trợ giúp [mặc định: `language` trong content/site.yaml, \
         nếu không có thì vi].",
    ),
    (
        "",
        "message_format",
        "Cách in lỗi, cảnh báo và dòng tổng kết: cho người đọc (human), hoặc mỗi dòng một đối \
         tượng JSON trên đầu ra chuẩn (json, cho trình soạn thảo và CI).",
    ),
    (
        "",
        "quiet",
        "Chỉ in lỗi và cảnh báo: không in tiến độ, không in dòng tổng kết (`build` và `check`).",
    ),
    (
        "build",
        "",
        "Kiểm tra nội dung và dựng trang web vào thư mục kết quả.",
    ),
    (
        "build",
        "output",
        "Nơi ghi trang web [mặc định: ROOT/output].",
    ),
    (
        "build",
        "check",
        "Không ghi gì; liệt kê các tệp khác đi và báo lỗi nếu thư mục kết quả đã cũ.",
    ),
    (
        "check",
        "",
        "Kiểm tra nội dung và báo mọi lỗi, không dựng trang web.",
    ),
    (
        "schema",
        "",
        "Ghi sơ đồ kiểm tra (JSON Schema) cho từng loại tệp nội dung, để trình soạn thảo kiểm \
         tra YAML ngay khi gõ.",
    ),
    (
        "schema",
        "output",
        "Nơi ghi các sơ đồ [mặc định: ROOT/schemas].",
    ),
    (
        "diff",
        "",
        "So sánh số liệu của hai bản báo cáo: thoát với mã 0 khi giống nhau, 1 khi khác nhau \
         hoặc một bản không hợp lệ, 2 khi có lỗi.",
    ),
    (
        "diff",
        "old",
        "Bản cũ: một thư mục dự án (chứa `content/`) hoặc một phiên bản git của kho tại --root, \
         như `HEAD~1`, `main` hoặc một thẻ.",
    ),
    (
        "diff",
        "new",
        "Bản mới, cũng như vậy [mặc định: các tệp hiện có trong --root].",
    ),
    (
        "diff",
        "format",
        "Cách in các khác biệt: text, markdown (cho bình luận trong yêu cầu hợp nhất) hoặc json.",
    ),
    (
        "serve",
        "",
        "Xem trước trang web trong khi sửa: dựng vào một thư mục tạm, mở trên máy này, và dựng \
         lại rồi tải lại các trang đang mở mỗi khi một tệp trong `content/` hoặc `templates/` \
         được lưu.",
    ),
    (
        "serve",
        "port",
        "Cổng để nghe; 0 là tự chọn một cổng trống.",
    ),
    (
        "serve",
        "bind",
        "Địa chỉ để nghe. Địa chỉ khác 127.0.0.1 hoặc ::1 cho phép các máy khác trong mạng xem \
         báo cáo.",
    ),
    ("serve", "open", "Mở trang web trong trình duyệt mặc định."),
    (
        "new",
        "",
        "Tạo một dự án báo cáo mới trong DIR, với nội dung ví dụ dựng được ngay.",
    ),
    (
        "new",
        "dir",
        "Thư mục sẽ tạo; thư mục phải chưa có hoặc đang trống.",
    ),
    (
        "new",
        "locality",
        "Địa bàn của báo cáo, như \"Thành phố Yên Bái\", hoặc cơ quan công an của địa bàn \
         (\"Công an huyện Trấn Yên\").",
    ),
    (
        "export",
        "",
        "Ghi sổ tính (.xlsx) để thu thập số liệu: mỗi năm một trang tính, mỗi xã, phường một \
         hàng, và một trang số liệu toàn địa bàn, điền sẵn số liệu hiện có.",
    ),
    (
        "export",
        "file",
        "Sổ tính sẽ ghi, ví dụ `so-lieu-2024.xlsx`.",
    ),
    (
        "export",
        "year",
        "Năm cần thu thập; lặp lại cho nhiều năm [mặc định: mọi năm đã có số liệu].",
    ),
    (
        "import",
        "",
        "Đọc số liệu từ sổ tính (.xlsx, .xls, .ods) hoặc tệp .csv theo mẫu của `export` vào các \
         tệp YAML: chỉ những dòng số liệu thay đổi mới được sửa.",
    ),
    ("import", "file", "Sổ tính cần đọc."),
    (
        "import",
        "dry_run",
        "Liệt kê những gì sẽ thay đổi, không ghi gì.",
    ),
    (
        "import",
        "source",
        "Nguồn (một id trong `sources` của content/site.yaml) mà các năm mới thêm trích dẫn, \
         như văn bản báo cáo đã dùng để thu thập số liệu.",
    ),
    (
        "completions",
        "",
        "In tập lệnh tự hoàn thành lệnh cho một shell, ví dụ `baocao completions bash`.",
    ),
    (
        "completions",
        "shell",
        "Tên shell: bash, elvish, fish, powershell hoặc zsh.",
    ),
    (
        "help",
        "",
        "In trợ giúp này, hoặc trợ giúp của một lệnh, ví dụ `baocao help build`.",
    ),
    ("help", "command", "Lệnh cần giải thích."),
];

/// Ends the process on a command line baocao could not read: clap's own words in English,
/// baocao's for the commonest mistakes in Vietnamese; exit status 2 (0 for `--help`).
pub fn usage_error(error: clap::Error, language: Language) -> ! {
    use clap::error::{ContextKind, ErrorKind};
    if language == Language::En {
        error.exit()
    }
    let context = |kind: ContextKind| {
        error
            .get(kind)
            .map(|value| value.to_string())
            .unwrap_or_default()
    };
    let (message, hint) = match error.kind() {
        ErrorKind::UnknownArgument => (
            format!("không có tùy chọn `{}`", context(ContextKind::InvalidArg)),
            match context(ContextKind::SuggestedArg) {
                s if s.is_empty() => "`baocao --help` liệt kê các tùy chọn".to_owned(),
                s => format!("có phải bạn muốn viết `{s}`?"),
            },
        ),
        ErrorKind::InvalidValue => (
            format!(
                "`{}` không phải giá trị hợp lệ của `{}`",
                context(ContextKind::InvalidValue),
                context(ContextKind::InvalidArg)
            ),
            format!(
                "các giá trị được chấp nhận: {}",
                context(ContextKind::ValidValue)
            ),
        ),
        ErrorKind::InvalidSubcommand => (
            format!(
                "baocao không có lệnh `{}`",
                context(ContextKind::InvalidSubcommand)
            ),
            match context(ContextKind::SuggestedSubcommand) {
                s if s.is_empty() => "`baocao help` liệt kê các lệnh".to_owned(),
                s => format!("có phải bạn muốn viết `{s}`?"),
            },
        ),
        ErrorKind::MissingRequiredArgument => (
            format!("thiếu {}", context(ContextKind::InvalidArg)),
            "`baocao help LỆNH` cho biết cách dùng lệnh".to_owned(),
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => (
            "cần nêu một lệnh, ví dụ `baocao check` hoặc `baocao build`".to_owned(),
            "`baocao help` liệt kê các lệnh".to_owned(),
        ),
        _ => error.exit(),
    };
    eprintln!("lỗi: {message}\n  gợi ý: {hint}");
    std::process::exit(2)
}

/// `command` with its help in `language`.
pub fn localized(command: Command, language: Language) -> Command {
    match language {
        Language::En => command,
        Language::Vi => vietnamese(command),
    }
}

fn vietnamese(command: Command) -> Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    // clap's own `--help` and `--version` say "Print help": these say it in Vietnamese.
    let mut command = translate(command, "").disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help("In số phiên bản"),
    );
    for name in names {
        command = command.mut_subcommand(&name, |sub| translate(sub, &name));
    }
    command
}

/// The command `name` ("" for the root) in Vietnamese: its about, its arguments, its
/// headings.
fn translate(mut command: Command, name: &str) -> Command {
    for &(sub, arg, text) in VIETNAMESE {
        if sub != name {
            continue;
        }
        command = if arg.is_empty() {
            command.about(text)
        } else {
            command.mut_arg(arg, |a| {
                // clap writes its own "[default: …]" and "[possible values: …]" in English.
                let flag = !a.get_action().takes_values();
                let mut text = text.to_owned();
                let defaults: Vec<String> = a
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                let values: Vec<String> = a
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_owned())
                    .collect();
                if !defaults.is_empty() && !flag && !text.contains("[mặc định") {
                    text.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
                }
                if !values.is_empty() && !a.is_positional() && !flag {
                    text.push_str(&format!(" [giá trị: {}]", values.join(", ")));
                }
                let a = a.help(text);
                if flag {
                    a
                } else {
                    a.hide_default_value(true).hide_possible_values(true)
                }
            })
        };
    }
    command = command.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("In trợ giúp này"),
    );
    let mut template = String::from("{about-with-newline}\nCách dùng: {usage}\n");
    if command.get_subcommands().next().is_some() {
        template.push_str("\nLệnh:\n{subcommands}\n");
    }
    if command.get_positionals().next().is_some() {
        template.push_str("\nĐối số:\n{positionals}\n");
    }
    template.push_str("\nTùy chọn:\n{options}{after-help}");
    command.help_template(template)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and argument has its Vietnamese help, and the table names only real
    /// ones.
    #[test]
    fn every_command_and_argument_is_in_vietnamese() {
        let english = crate::Cli::command();
        let mut wanted = vec![("".to_owned(), "".to_owned())];
        let args = |c: &Command| -> Vec<String> {
            c.get_arguments()
                .map(|a| a.get_id().to_string())
                .filter(|id| id != "help" && id != "version")
                .collect()
        };
        wanted.extend(args(&english).into_iter().map(|a| (String::new(), a)));
        for sub in english.get_subcommands() {
            let name = sub.get_name().to_owned();
            wanted.push((name.clone(), String::new()));
            let global = ["root", "lang", "message_format", "quiet"];
            for arg in args(sub) {
                if !global.contains(&arg.as_str()) {
                    wanted.push((name.clone(), arg));
                }
            }
        }
        let table: Vec<(String, String)> = VIETNAMESE
            .iter()
            .map(|(s, a, _)| (s.to_string(), a.to_string()))
            .collect();
        wanted.sort();
        let mut sorted = table.clone();
        sorted.sort();
        assert_eq!(sorted, wanted);
    }

    #[test]
    fn the_help_reads_in_vietnamese() {
        let mut command = localized(crate::Cli::command(), Language::Vi);
        let help = command.render_help().to_string();
        for needle in [
            "Dựng trang web tĩnh",
            "Cách dùng: baocao",
            "Lệnh:",
            "Kiểm tra nội dung và dựng trang web vào thư mục kết quả.",
            "Tùy chọn:",
            "In trợ giúp này",
        ] {
            assert!(help.contains(needle), "{needle}:\n{help}");
        }
        let build = command.find_subcommand_mut("build").unwrap();
        let help = build.render_help().to_string();
        assert!(help.contains("Nơi ghi trang web"), "{help}");
        assert!(help.contains("Thư mục dự án báo cáo"), "{help}");
        assert!(!help.contains("Options:"), "{help}");
    }
}
