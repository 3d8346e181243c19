//! What the preview server decides about a request, apart from HTTP itself: which file of the
//! served folder its path names (never one outside it), the file's content type, and whether
//! its `Host` is one the server answers to.

use std::path::{Component, Path, PathBuf};

/// The file path that a request target names, relative to the served folder, or `None` when
/// the target is not a plain path inside it: `..`, `.`, absolute paths, backslashes, NUL,
/// drive letters and bad percent-escapes are all refused.
pub fn relative_path(target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    let decoded = String::from_utf8(percent_decode(path.strip_prefix('/')?)?).ok()?;
    if decoded.contains(['\\', '\0', ':']) || decoded.starts_with('/') {
        return None;
    }
    let mut relative = PathBuf::new();
    let segments: Vec<&str> = decoded.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "" if i + 1 == segments.len() => {}
            "" | "." | ".." => return None,
            name => relative.push(name),
        }
    }
    relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then_some(relative)
}

fn percent_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The file that `relative` names below `root` (a canonical path), with `index.html` for a
/// folder; `None` when it is missing or lies outside `root` once symbolic links are resolved.
pub fn resolve(root: &Path, relative: &Path) -> Option<PathBuf> {
    let mut path = root.join(relative);
    if path.is_dir() {
        path.push("index.html");
    }
    let canonical = path.canonicalize().ok()?;
    (canonical.starts_with(root) && canonical.is_file()).then_some(canonical)
}

/// The `Content-Type` of a file, from its extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("csv") => "text/csv; charset=utf-8",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("xml") => "application/xml",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("ttf") => "font/ttf",
        Some("otf") => "font/otf",
        Some("woff") => "font/woff",
        Some("woff2") => "font/woff2",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// Whether a request's `Host` header names this server in a way no other web site can: the
/// name `localhost` or an IP address, with the port the server listens on. A web page of
/// another site that makes its own name point at this computer (DNS rebinding) sends its own
/// name, and is refused: it cannot read unpublished figures through the visitor's browser.
pub fn host_allowed(host: &str, port: u16) -> bool {
    let (name, given_port) = match host.rsplit_once(':') {
        Some((name, p)) if !name.ends_with(':') && !p.contains(']') => (name, p.parse().ok()),
        _ => (host, Some(80)),
    };
    if given_port != Some(port) {
        return false;
    }
    let name = name.strip_suffix('.').unwrap_or(name);
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match name.strip_prefix('[').and_then(|n| n.strip_suffix(']')) {
        Some(v6) => v6.parse::<std::net::Ipv6Addr>().is_ok(),
        None => name.parse::<std::net::Ipv4Addr>().is_ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_names_and_addresses_with_the_port_are_hosts() {
        for host in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LocalHost.:1111",
            "[::1]:1111",
            "192.168.1.20:1111",
        ] {
            assert!(host_allowed(host, 1111), "{host}");
        }
        assert!(host_allowed("localhost", 80));
        for host in [
            "evil.example:1111",
            "localhost.evil.example:1111",
            "127.0.0.1.nip.io:1111",
            "127.0.0.1:2222",
            "localhost",
            "[::1]",
            "::1",
            "[::1:1111",
            "",
            ":1111",
            "127.0.0.1:1111:1111",
        ] {
            assert!(!host_allowed(host, 1111), "{host}");
        }
    }

    #[test]
    fn plain_paths_are_decoded() {
        assert_eq!(relative_path("/"), Some(PathBuf::new()));
        assert_eq!(
            relative_path("/communes/index.html?q=1#top"),
            Some(PathBuf::from("communes/index.html"))
        );
        assert_eq!(relative_path("/communes/"), Some(PathBuf::from("communes")));
        assert_eq!(
            relative_path("/static/%E1%BA%A3nh%20m%E1%BB%9Bi.svg"),
            Some(PathBuf::from("static/ảnh mới.svg"))
        );
    }

    #[test]
    fn paths_that_could_leave_the_folder_are_refused() {
        for target in [
            "/../Cargo.toml",
            "/a/../../b",
            "/%2e%2e/",
            "/%2E%2E%2fCargo.toml",
            "/..%5cCargo.toml",
            "/a\\b",
            "//etc/passwd",
            "/%2Fetc%2Fpasswd",
            "/C:/Windows/win.ini",
            "/a%00.html",
            "/./index.html",
            "/a//b",
            "/%zz",
            "/%e1",
            "/%ff",
            "index.html",
            "http://example.com/index.html",
        ] {
            assert_eq!(relative_path(target), None, "{target}");
        }
    }

    #[test]
    fn resolve_stays_inside_the_folder() {
        let temp = tempfile::tempdir().unwrap();
        let base = temp.path().canonicalize().unwrap();
        let root = base.join("site");
        std::fs::create_dir_all(root.join("communes")).unwrap();
        std::fs::write(root.join("index.html"), "home").unwrap();
        std::fs::write(root.join("communes/index.html"), "list").unwrap();
        std::fs::write(base.join("secret.txt"), "secret").unwrap();
        assert_eq!(resolve(&root, Path::new("")), Some(root.join("index.html")));
        assert_eq!(
            resolve(&root, Path::new("communes")),
            Some(root.join("communes/index.html"))
        );
        assert_eq!(resolve(&root, Path::new("missing.html")), None);
        assert_eq!(resolve(&root, Path::new("../secret.txt")), None);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.join("secret.txt"), root.join("link.txt")).unwrap();
            std::os::unix::fs::symlink(&base, root.join("up")).unwrap();
            assert_eq!(resolve(&root, Path::new("link.txt")), None);
            assert_eq!(resolve(&root, Path::new("up/secret.txt")), None);
        }
    }

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(
            content_type(Path::new("a/index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("chart.SVG")), "image/svg+xml");
        assert_eq!(
            content_type(Path::new("search.js")),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("noto.ttf")), "font/ttf");
        assert_eq!(content_type(Path::new("data")), "application/octet-stream");
    }
}
