//! Renders and sanitises arbitrary Markdown: never panics, and no tag that survives carries
//! a script, an event handler or a `javascript:`/`data:` URL.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let html = baocao::render::markdown_to_html(text);
    // Text is escaped, so every raw `<` starts a real tag.
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("").to_ascii_lowercase();
        assert!(!tag.starts_with("script"), "script survived: {html}");
        for attribute in tag.split_whitespace().skip(1) {
            assert!(!attribute.starts_with("on"), "event handler survived: {html}");
            let value = attribute.split_once('=').map_or("", |(_, v)| v.trim_matches(['"', '\'']));
            let value: String = value.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(!value.starts_with("javascript:") && !value.starts_with("data:"), "dangerous URL survived: {html}");
        }
    }
});
