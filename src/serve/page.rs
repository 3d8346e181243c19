//! What the preview adds to the site: the reload script, and the page shown instead of the
//! site while the content has errors.

use crate::diagnostic::Diagnostic;
use crate::text::escape_html;

/// Where open pages listen for rebuilds.
pub const EVENTS_PATH: &str = "/__baocao/events";

/// `html` with a script before `</body>` that reloads the page when the server announces a
/// build other than `generation`.
pub fn with_reload_script(html: &[u8], generation: u64) -> Vec<u8> {
    let script = format!(
        "<script>new EventSource(\"{EVENTS_PATH}\").onmessage=function(e){{\
         if(e.data!==\"{generation}\")location.reload()}};</script>"
    );
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    [&html[..at], script.as_bytes(), &html[at..]].concat()
}

/// The page shown while the project does not build: every diagnostic as the terminal shows it.
pub fn errors(diagnostics: &[Diagnostic], language: crate::language::Language) -> String {
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
    let count = if errors == 1 {
        "1 lỗi".to_owned()
    } else {
        format!("{errors} lỗi")
    };
    frame(&format!(
        "<p>Báo cáo chưa dựng được vì có {count}. Sửa rồi lưu tệp: trang sẽ tự tải lại.</p>\n\
         <p lang=\"en\">The report could not be built. Fix the errors below and save the file; \
         this page reloads by itself.</p>\n{items}"
    ))
}

/// The page shown when the build stopped for a reason that is not in the content.
pub fn failure(what: &str) -> String {
    frame(&format!(
        "<p>Báo cáo chưa dựng được. The report could not be built:</p>\n<pre>{}</pre>",
        escape_html(what)
    ))
}

fn frame(body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Lỗi — baocao</title>\n<style>\
         body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;\
         line-height:1.5}}h1{{color:#a30000}}pre{{background:#fff4f4;border-left:4px solid \
         #a30000;padding:.75rem 1rem;overflow-x:auto;white-space:pre-wrap}}</style>\n\
         </head>\n<body>\n<h1>Có lỗi trong nội dung</h1>\n{body}\n</body>\n</html>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end_tag() {
        let page = with_reload_script(b"<p>&lt;/body&gt;</p></BODY></html>", 7);
        let page = String::from_utf8(page).unwrap();
        assert!(page.starts_with("<p>&lt;/body&gt;</p><script>"), "{page}");
        assert!(page.ends_with("</script></BODY></html>"), "{page}");
        assert!(page.contains("!==\"7\""));
        let bare = with_reload_script(b"text", 1);
        assert!(bare.starts_with(b"text<script>"));
    }

    #[test]
    fn diagnostics_are_escaped() {
        let d = Diagnostic::file_error("content/a.yaml", "unknown field `<b>`").hint("use \"b\"");
        let page = errors(&[d], crate::language::Language::En);
        assert!(page.contains("content/a.yaml: error: unknown field `&lt;b&gt;`"));
        assert!(page.contains("hint: use &quot;b&quot;"));
        assert!(page.contains("có 1 lỗi"));
        assert!(!page.contains("<b>"));
    }
}
