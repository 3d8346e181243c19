//! What the preview adds to the site: the reload script, the panel of the last build's
//! warnings, and the page shown instead of the site while the content has errors.

use crate::diagnostic::Diagnostic;
use crate::language::Language;
use crate::text::escape_html;

/// Where open pages listen for rebuilds.
pub const EVENTS_PATH: &str = "/__baocao/events";

/// `html` with what the preview adds before `</body>`: the `warnings` panel (if the last build
/// had any), and a script that reloads the page when the server announces a build other than
/// `generation`.
pub fn with_preview(html: &[u8], generation: u64, warnings: Option<&str>) -> Vec<u8> {
    let script = format!(
        "<script>new EventSource(\"{EVENTS_PATH}\").onmessage=function(e){{\
         if(e.data!==\"{generation}\")location.reload()}};</script>"
    );
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let panel = warnings.unwrap_or("");
    [
        &html[..at],
        panel.as_bytes(),
        script.as_bytes(),
        &html[at..],
    ]
    .concat()
}

/// The panel that lists the warnings of the last build on every page of the preview, or
/// `None` without warnings. It sits folded in a corner, so the page stays readable, and opens
/// on a click (or with the keyboard: it is a `<details>`).
pub fn warnings_panel(diagnostics: &[Diagnostic], language: Language) -> Option<String> {
    if diagnostics.is_empty() {
        return None;
    }
    let items: String = diagnostics
        .iter()
        .map(|d| {
            format!(
                "<pre style=\"white-space:pre-wrap;margin:.5rem 0;padding:.4rem .6rem;\
                 background:#fff;border-left:3px solid #8a6d00;overflow-x:auto\">{}</pre>",
                escape_html(&d.display(language).to_string())
            )
        })
        .collect();
    let n = diagnostics.len();
    let (label, summary, note) = match language {
        Language::Vi => (
            "Cảnh báo của bản xem trước",
            format!("⚠ {n} cảnh báo"),
            "Trang vẫn dựng được; hãy xem các số liệu này có đúng không. Sửa rồi lưu tệp: \
             trang sẽ tự tải lại. Khung này chỉ có khi xem trước, không có trên trang web.",
        ),
        Language::En => (
            "Warnings of the preview",
            format!("⚠ {n} warning{}", if n == 1 { "" } else { "s" }),
            "The site still builds; check whether these figures are right. Fix and save the \
             file: the page reloads by itself. This panel is only in the preview, not on the \
             published site.",
        ),
    };
    Some(format!(
        "<aside id=\"baocao-warnings\" aria-label=\"{label}\" lang=\"{lang}\" \
         style=\"position:fixed;right:.5rem;bottom:.5rem;z-index:2147483647;\
         max-width:min(42rem,calc(100vw - 1rem));max-height:70vh;overflow:auto;\
         background:#fffbe6;color:#3d2e00;border:2px solid #8a6d00;border-radius:.4rem;\
         font:14px/1.45 system-ui,sans-serif;box-shadow:0 2px 10px rgba(0,0,0,.3)\">\
         <details><summary style=\"cursor:pointer;padding:.4rem .75rem;font-weight:bold\">\
         {summary}</summary><div style=\"padding:0 .75rem .5rem\"><p style=\"margin:.25rem 0\">\
         {note}</p>{items}</div></details></aside>",
        lang = language.code(),
    ))
}

/// The page shown while the project does not build: every diagnostic as the terminal shows it.
pub fn errors(diagnostics: &[Diagnostic], language: Language) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let items: String = diagnostics
        .iter()
        .map(|d| {
            format!(
                "<pre>{}</pre>\n",
                escape_html(&d.display(language).to_string())
            )
        })
        .collect();
    let intro = match language {
        Language::Vi => format!(
            "Báo cáo chưa dựng được vì có {errors} lỗi. Sửa rồi lưu tệp: trang sẽ tự tải lại."
        ),
        Language::En => format!(
            "The report could not be built: {errors} error{}. Fix the errors below and save \
             the file; this page reloads by itself.",
            if errors == 1 { "" } else { "s" }
        ),
    };
    frame(&format!("<p>{intro}</p>\n{items}"), language)
}

/// The page shown when the build stopped for a reason that is not in the content.
pub fn failure(what: &str, language: Language) -> String {
    let intro = match language {
        Language::Vi => "Báo cáo chưa dựng được:",
        Language::En => "The report could not be built:",
    };
    frame(
        &format!("<p>{intro}</p>\n<pre>{}</pre>", escape_html(what)),
        language,
    )
}

fn frame(body: &str, language: Language) -> String {
    let (title, heading) = match language {
        Language::Vi => ("Lỗi — baocao", "Có lỗi trong nội dung"),
        Language::En => ("Error — baocao", "The content has errors"),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\
         body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;\
         line-height:1.5}}h1{{color:#a30000}}pre{{background:#fff4f4;border-left:4px solid \
         #a30000;padding:.75rem 1rem;overflow-x:auto;white-space:pre-wrap}}</style>\n\
         </head>\n<body>\n<h1>{heading}</h1>\n{body}\n</body>\n</html>\n",
        lang = language.code(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end_tag() {
        let page = with_preview(b"<p>&lt;/body&gt;</p></BODY></html>", 7, None);
        let page = String::from_utf8(page).unwrap();
        assert!(page.starts_with("<p>&lt;/body&gt;</p><script>"), "{page}");
        assert!(page.ends_with("</script></BODY></html>"), "{page}");
        assert!(page.contains("!==\"7\""));
        let bare = with_preview(b"text", 1, None);
        assert!(bare.starts_with(b"text<script>"));
    }

    #[test]
    fn diagnostics_are_escaped() {
        let d = Diagnostic::file_error("content/a.yaml", "unknown field `<b>`").hint("use \"b\"");
        let page = errors(std::slice::from_ref(&d), Language::En);
        assert!(page.contains("content/a.yaml: error: unknown field `&lt;b&gt;`"));
        assert!(page.contains("hint: use &quot;b&quot;"));
        assert!(page.contains("could not be built: 1 error."));
        assert!(!page.contains("<b>"));
        let panel = warnings_panel(&[d.warning()], Language::Vi).unwrap();
        assert!(panel.contains("content/a.yaml: cảnh báo: unknown field `&lt;b&gt;`"));
        assert!(panel.contains("⚠ 1 cảnh báo"));
        assert!(!panel.contains("<b>"));
        assert_eq!(warnings_panel(&[], Language::Vi), None);
    }
}
