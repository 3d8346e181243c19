//! What the preview server prints on the terminal, in the language of the messages.

use std::net::IpAddr;

use crate::language::Language;

/// The address to open, and how to stop.
pub fn serving(url: &str, language: Language) -> String {
    match language {
        Language::Vi => format!("Xem trước tại {url}\nNhấn Ctrl+C để dừng."),
        Language::En => format!("Serving {url}\nPress Ctrl+C to stop."),
    }
}

/// The warning for `--bind` with an address other computers can reach.
pub fn open_to_network(ip: IpAddr, language: Language) -> String {
    match language {
        Language::Vi => format!(
            "cảnh báo: đang nghe trên {ip}: mọi người trong mạng kết nối được tới máy này đều xem \
             được báo cáo, kể cả số liệu chưa công bố; bỏ --bind để chỉ xem trên máy này"
        ),
        Language::En => format!(
            "warning: listening on {ip}: anyone on your network who can reach this computer can \
             see the report, including figures that are not published yet; leave out --bind \
             to keep the preview on this computer"
        ),
    }
}

/// The line after a build or rebuild that succeeded.
pub fn built(
    pages: usize,
    millis: u128,
    changed: &[String],
    warnings: usize,
    language: Language,
) -> String {
    let mut line = match (language, changed.is_empty()) {
        (Language::Vi, true) => format!("đã dựng {pages} trang trong {millis} ms"),
        (Language::Vi, false) => format!("đã dựng lại {pages} trang trong {millis} ms"),
        (Language::En, fresh) => format!(
            "{}built {} in {millis} ms",
            if fresh { "" } else { "re" },
            count(pages, "page")
        ),
    };
    if let [first, rest @ ..] = changed {
        line.push_str(&match language {
            Language::Vi => format!(" sau khi {first} thay đổi"),
            Language::En => format!(" after a change to {first}"),
        });
        if !rest.is_empty() {
            line.push_str(&match language {
                Language::Vi => format!(" và {} tệp khác", rest.len()),
                Language::En => format!(" and {}", count(rest.len(), "other file")),
            });
        }
    }
    if warnings > 0 {
        line.push_str(&match language {
            Language::Vi => format!("; {warnings} cảnh báo ở trên"),
            Language::En => format!("; {} above", count(warnings, "warning")),
        });
    }
    line
}

/// The line after a build that found errors in the content.
pub fn errors_shown(errors: usize, language: Language) -> String {
    match language {
        Language::Vi => format!(
            "{errors} lỗi: trình duyệt hiển thị các lỗi này cho đến khi tệp được sửa và lưu"
        ),
        Language::En => format!(
            "{}: the browser shows {} until the files are fixed and saved",
            count(errors, "error"),
            if errors == 1 { "it" } else { "them" }
        ),
    }
}

/// The label before an error on the terminal.
pub fn error_label(language: Language) -> String {
    crate::messages::LABEL_ERROR.message().render(language)
}

/// What to say when the build itself broke.
pub fn internal_error(language: Language) -> &'static str {
    match language {
        Language::Vi => {
            "baocao dừng vì một lỗi bên trong khi dựng trang (xem ở trên); xin báo lỗi này, \
             kèm tệp đang sửa"
        }
        Language::En => {
            "baocao stopped on an internal error while building (see above); please report \
             it, with the file you were editing"
        }
    }
}

/// What to do when no browser could be opened.
pub fn no_browser(url: &str, error: &std::io::Error, language: Language) -> String {
    match language {
        Language::Vi => format!("không mở được trình duyệt ({error}): hãy tự mở {url}"),
        Language::En => format!("could not open a browser ({error}): open {url} in one yourself"),
    }
}

/// `3 pages`, `1 page`.
fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_line_says_what_changed_in_either_language() {
        let changed = ["content/site.yaml".to_owned(), "content/a.yaml".to_owned()];
        assert_eq!(
            built(1, 12, &changed, 1, Language::En),
            "rebuilt 1 page in 12 ms after a change to content/site.yaml and 1 other file; \
             1 warning above"
        );
        assert_eq!(
            built(30, 5, &[], 0, Language::Vi),
            "đã dựng 30 trang trong 5 ms"
        );
        assert_eq!(
            built(30, 5, &changed[..1], 2, Language::Vi),
            "đã dựng lại 30 trang trong 5 ms sau khi content/site.yaml thay đổi; 2 cảnh báo ở trên"
        );
    }
}
