//! Just enough HTTP/1.1 for a preview server: read a bounded request head, map its path to a
//! file of the served folder without ever leaving it, and write a response.

use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};

/// The longest request head accepted; browsers send a few hundred bytes.
const MAX_HEAD: usize = 16 * 1024;

/// A request the server answers.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    /// The path and query, as sent.
    pub target: String,
    /// `HEAD`: send the headers only.
    pub head_only: bool,
}

/// Why a request gets no normal answer.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The client went away or stayed silent: answer nothing.
    Closed,
    /// Answer with this status.
    Status(u16),
}

/// Reads the request line and headers (the body of a GET or HEAD is not read).
pub fn read_request(stream: &mut impl Read) -> Result<Request, Refusal> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0; 2048];
    let end = loop {
        let n = stream.read(&mut buf).map_err(|_| Refusal::Closed)?;
        if n == 0 {
            return Err(Refusal::Closed);
        }
        head.extend_from_slice(&buf[..n]);
        let end = head.windows(4).position(|w| w == b"\r\n\r\n");
        if end.unwrap_or(head.len()) > MAX_HEAD {
            return Err(Refusal::Status(431));
        }
        if let Some(end) = end {
            break end;
        }
    };
    let head = std::str::from_utf8(&head[..end]).map_err(|_| Refusal::Status(400))?;
    let mut parts = head.lines().next().unwrap_or("").split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::Status(400));
    };
    if !version.starts_with("HTTP/1.") {
        return Err(Refusal::Status(400));
    }
    match method {
        "GET" | "HEAD" => Ok(Request {
            target: target.to_owned(),
            head_only: method == "HEAD",
        }),
        _ => Err(Refusal::Status(405)),
    }
}

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

/// Writes a whole response and closes the exchange (`Connection: close`).
pub fn respond(
    stream: &mut impl Write,
    status: u16,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        _ => "Service Unavailable",
    };
    let allow = if status == 405 {
        "Allow: GET, HEAD\r\n"
    } else {
        ""
    };
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         {allow}Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
         Connection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &str) -> Result<Request, Refusal> {
        read_request(&mut raw.as_bytes())
    }

    #[test]
    fn reads_get_and_head_and_refuses_the_rest() {
        assert_eq!(
            read("GET /a.html?x=1 HTTP/1.1\r\nHost: x\r\n\r\n"),
            Ok(Request {
                target: "/a.html?x=1".into(),
                head_only: false
            })
        );
        assert!(read("HEAD / HTTP/1.0\r\n\r\n").unwrap().head_only);
        assert_eq!(read("POST / HTTP/1.1\r\n\r\n"), Err(Refusal::Status(405)));
        assert_eq!(read("GET /\r\n\r\n"), Err(Refusal::Status(400)));
        assert_eq!(read("GET / HTTP/1.1\r\n"), Err(Refusal::Closed));
        let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(read(&huge), Err(Refusal::Status(431)));
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
