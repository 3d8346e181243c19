//! `baocao serve`: a live preview. The site is built into a temporary folder (never into
//! `output/`) and served over HTTP; when a file of `content/` or `templates/` is saved, the
//! site is rebuilt (the saved files parsed again, their pages written first) and open pages
//! reload through Server-Sent Events. While the content has
//! errors, pages show them instead of the site.

mod http;
mod page;
mod watch;

use std::convert::Infallible;
use std::fmt;
use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError, RwLock};
use std::thread;
use std::time::{Duration, Instant};

use crate::diagnostic::Diagnostic;

/// Connections served at once; more are answered "503 Service Unavailable".
const MAX_CONNECTIONS: usize = 128;
/// Open pages listening for rebuilds at once (each holds a connection).
const MAX_EVENT_STREAMS: usize = 32;
/// How long a silent or stalled client may hold a connection.
const IO_TIMEOUT: Duration = Duration::from_secs(10);
/// How often an idle event stream is sent a comment, to notice pages that were closed.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// What `baocao serve` was asked for.
pub struct Options {
    /// The project folder.
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Open the site in the default browser.
    pub open: bool,
}

/// Why the preview could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The root is not a report project.
    NoContent(PathBuf),
    Listen(SocketAddr, io::Error),
    TempFolder(io::Error),
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServeError::NoContent(root) => write!(
                f,
                "{} has no `content/` folder: run baocao in a report project, or pass --root DIR \
                 (`baocao new DIR` creates a project)",
                root.display()
            ),
            ServeError::Listen(addr, e) => write!(
                f,
                "cannot listen on {addr}: {e}; another program may be using this port: \
                 try another one with --port, or --port 0 to pick a free one"
            ),
            ServeError::TempFolder(e) => {
                write!(f, "cannot create a temporary folder for the preview: {e}")
            }
        }
    }
}

/// Builds, serves and rebuilds until the process is stopped (Ctrl+C).
pub fn run(options: &Options) -> Result<Infallible, ServeError> {
    if !options.root.join("content").is_dir() {
        return Err(ServeError::NoContent(options.root.clone()));
    }
    let wanted = SocketAddr::new(options.bind, options.port);
    let listener = TcpListener::bind(wanted).map_err(|e| ServeError::Listen(wanted, e))?;
    let address = listener
        .local_addr()
        .map_err(|e| ServeError::Listen(wanted, e))?;
    let temp = tempfile::Builder::new()
        .prefix("baocao-serve-")
        .tempdir()
        .map_err(ServeError::TempFolder)?;
    let folder = temp.path().canonicalize().map_err(ServeError::TempFolder)?;
    let site = folder.join("site");
    // The temporary folder is removed on Ctrl+C too, not only when `temp` is dropped.
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::remove_dir_all(&folder);
        std::process::exit(0);
    });
    let server = Arc::new(Server {
        root: options.root.clone(),
        site,
        failure: RwLock::new(None),
        reuse: Mutex::default(),
        generation: Mutex::new(0),
        rebuilt: Condvar::new(),
        connections: AtomicUsize::new(0),
        event_streams: AtomicUsize::new(0),
    });

    let snapshot = watch::scan(&server.root);
    server.rebuild(&[]);
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: anyone on your network who can reach this computer can \
             see the report, including figures that are not published yet; leave out --bind \
             to keep the preview on this computer",
            options.bind
        );
    }
    let url = format!("http://{}/", loopback_if_unspecified(address));
    println!("Serving {url}");
    println!("Press Ctrl+C to stop.");
    if options.open {
        open_browser(&url);
    }
    let (watcher, root) = (server.clone(), server.root.clone());
    thread::spawn(move || watch::watch(&root, snapshot, |changed| watcher.rebuild(changed)));

    loop {
        match listener.accept() {
            Ok((stream, _)) => server.accept(stream),
            // Out of file handles, for instance: wait for connections to close.
            Err(_) => thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// The state shared by the watcher and the connections.
struct Server {
    root: PathBuf,
    /// The served folder, inside the temporary folder; each rebuild replaces the files that changed.
    site: PathBuf,
    /// The error page, while the last build failed.
    failure: RwLock<Option<String>>,
    /// Parsed files of the last build, taken again while unchanged.
    reuse: Mutex<crate::load::Reuse>,
    /// Counts the builds that changed something; open pages reload when it changes.
    generation: Mutex<u64>,
    rebuilt: Condvar,
    connections: AtomicUsize,
    event_streams: AtomicUsize,
}

/// Releases a slot of a counter when dropped.
struct Slot<'a>(&'a AtomicUsize);

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Takes a slot of `counter` unless `max` are taken.
fn take_slot(counter: &AtomicUsize, max: usize) -> Option<Slot<'_>> {
    let taken = counter.fetch_add(1, Ordering::SeqCst) < max;
    let slot = Slot(counter);
    taken.then_some(slot)
}

impl Server {
    /// Builds the project into the served folder, prints what happened, and tells open pages.
    /// Only the saved files are parsed again; the pages of the saved records are written
    /// first and open pages reload then, before the rest of the site is written.
    fn rebuild(&self, changed: &[String]) {
        let started = Instant::now();
        let language = crate::load::site_language(&self.root).unwrap_or_default();
        let shown_early = AtomicBool::new(false);
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut reuse = self.reuse.lock().unwrap_or_else(PoisonError::into_inner);
            // The watcher saw every saved file: the others need not be read again.
            reuse.saved(Some(changed));
            let mut checked = crate::check_reusing(&self.root, &reuse);
            let first = pages_of(&checked.project, changed);
            reuse.keep(&mut checked.project);
            drop(reuse);
            let writer = crate::write::Writer::in_place(&self.site);
            let waiting = AtomicUsize::new(first.len());
            let written = |path: &str| {
                if first.iter().any(|p| p == path) && waiting.fetch_sub(1, Ordering::SeqCst) == 1 {
                    // The edited pages are written: show them now, the rest follows.
                    let mut failure = self.failure.write().unwrap_or_else(PoisonError::into_inner);
                    *failure = None;
                    shown_early.store(true, Ordering::SeqCst);
                    self.announce();
                }
            };
            let (built, diagnostics) =
                crate::build(checked, writer, &first, &written, |_| "preview".into());
            let finished = match built {
                crate::Built::Written { rendered, changes } => Some(Ok((rendered, changes, first))),
                crate::Built::Failed(e) => Some(Err(e)),
                crate::Built::Invalid => None,
            };
            (finished, diagnostics)
        }));
        let mut failure = self.failure.write().unwrap_or_else(PoisonError::into_inner);
        let error_page = match built {
            Err(_) => {
                let message = "baocao stopped on an internal error while building (see above); \
                               please report it, with the file you were editing";
                eprintln!("error: {message}");
                page::failure(message)
            }
            Ok((None, diagnostics)) => {
                print_diagnostics(&diagnostics, language);
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                eprintln!(
                    "{}: the browser shows {} until the files are fixed and saved",
                    count(errors, "error"),
                    if errors == 1 { "it" } else { "them" }
                );
                page::errors(&diagnostics, language)
            }
            Ok((Some(Ok((rendered, changes, first))), diagnostics)) => {
                print_diagnostics(&diagnostics, language);
                let early = shown_early.load(Ordering::SeqCst);
                // Pages other than the ones shown early changed: reload open pages again.
                let more = changes
                    .added
                    .iter()
                    .chain(&changes.changed)
                    .chain(&changes.removed)
                    .any(|path| !early || !first.contains(path));
                if failure.take().is_some() || more {
                    self.announce();
                }
                drop(failure);
                println!(
                    "{}built {} in {} ms{}",
                    if changed.is_empty() { "" } else { "re" },
                    count(rendered.pages, "page"),
                    started.elapsed().as_millis(),
                    describe(changed, &diagnostics)
                );
                return;
            }
            Ok((Some(Err(e)), diagnostics)) => {
                print_diagnostics(&diagnostics, language);
                eprintln!("error: {e}");
                page::failure(&e.to_string())
            }
        };
        *failure = Some(error_page);
        self.announce();
    }

    /// Makes open pages reload.
    fn announce(&self) {
        *self
            .generation
            .lock()
            .unwrap_or_else(PoisonError::into_inner) += 1;
        self.rebuilt.notify_all();
    }

    fn generation(&self) -> u64 {
        *self
            .generation
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Answers a connection on a thread of its own, or refuses it when too many are open.
    fn accept(self: &Arc<Self>, mut stream: TcpStream) {
        let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
        let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
        let server = self.clone();
        let _ = thread::Builder::new().spawn(move || {
            match take_slot(&server.connections, MAX_CONNECTIONS) {
                Some(_slot) => server.answer(stream),
                None => busy(&mut stream),
            }
        });
    }

    fn answer(&self, mut stream: TcpStream) {
        let request = match http::read_request(&mut stream) {
            Ok(request) => request,
            Err(http::Refusal::Closed) => return,
            Err(http::Refusal::Status(status)) => {
                let _ = http::respond(&mut stream, status, "text/plain", b"", false);
                return;
            }
        };
        if request.target.split('?').next() == Some(page::EVENTS_PATH) {
            return self.stream_events(stream);
        }
        let (status, content_type, body) = self.file(&request.target);
        let _ = http::respond(&mut stream, status, content_type, &body, request.head_only);
    }

    /// The status, content type and body that answer `target`.
    fn file(&self, target: &str) -> (u16, &'static str, Vec<u8>) {
        const HTML: &str = "text/html; charset=utf-8";
        let failure = self.failure.read().unwrap_or_else(PoisonError::into_inner);
        let generation = self.generation();
        let file = http::relative_path(target).and_then(|r| http::resolve(&self.site, &r));
        let is_page = file
            .as_ref()
            .is_none_or(|f| f.extension().is_some_and(|e| e == "html"));
        if let (Some(error_page), true) = (&*failure, is_page) {
            let page = page::with_reload_script(error_page.as_bytes(), generation);
            return (500, HTML, page);
        }
        if let Some(path) = &file
            && let Ok(bytes) = std::fs::read(path)
        {
            return match http::content_type(path) {
                HTML => (200, HTML, page::with_reload_script(&bytes, generation)),
                other => (200, other, bytes),
            };
        }
        let not_found = std::fs::read(self.site.join("404.html"))
            .unwrap_or_else(|_| "<h1>404</h1><p>Không tìm thấy trang này.</p>".into());
        (404, HTML, page::with_reload_script(&not_found, generation))
    }

    /// Sends the build number now and after every rebuild, until the page goes away.
    fn stream_events(&self, mut stream: TcpStream) {
        let Some(_slot) = take_slot(&self.event_streams, MAX_EVENT_STREAMS) else {
            return busy(&mut stream);
        };
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
                    Cache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n";
        if stream.write_all(head.as_bytes()).is_err() {
            return;
        }
        let mut sent = None;
        loop {
            let generation = self
                .generation
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let (generation, _) = self
                .rebuilt
                .wait_timeout_while(generation, KEEP_ALIVE, |g| Some(*g) == sent)
                .unwrap_or_else(PoisonError::into_inner);
            let message = if Some(*generation) == sent {
                ": still here\n\n".to_owned()
            } else {
                sent = Some(*generation);
                format!("data: {}\n\n", *generation)
            };
            drop(generation);
            if stream.write_all(message.as_bytes()).is_err() || stream.flush().is_err() {
                return;
            }
        }
    }
}

/// Answers "503 Service Unavailable".
fn busy(stream: &mut TcpStream) {
    let body = "The preview server is busy; reload the page in a moment.";
    let _ = http::respond(
        stream,
        503,
        "text/plain; charset=utf-8",
        body.as_bytes(),
        false,
    );
}

fn print_diagnostics(diagnostics: &[Diagnostic], language: crate::language::Language) {
    for d in diagnostics {
        eprintln!("{}\n", d.display(language));
    }
}

/// `3 pages`, `1 page`.
fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// ` after a change to content/site.yaml; 2 warnings`, or nothing.
fn describe(changed: &[String], diagnostics: &[Diagnostic]) -> String {
    let mut text = String::new();
    if let [first, rest @ ..] = changed {
        text.push_str(&format!(" after a change to {first}"));
        if !rest.is_empty() {
            text.push_str(&format!(" and {}", count(rest.len(), "other file")));
        }
    }
    if !diagnostics.is_empty() {
        text.push_str(&format!("; {} above", count(diagnostics.len(), "warning")));
    }
    text
}

/// The pages that show the records of the `changed` content files, by output path.
fn pages_of(project: &crate::load::Project, changed: &[String]) -> Vec<String> {
    let saved = |path: &String| changed.contains(path);
    let communes = project
        .communes
        .iter()
        .filter(|c| saved(&c.source.path))
        .map(|c| format!("communes/{}.html", c.record.resolved_id()));
    let models = project
        .models
        .iter()
        .filter(|m| saved(&m.source.path))
        .map(|m| format!("models/{}.html", m.record.resolved_id()));
    let years = project
        .years
        .iter()
        .filter(|(_, y)| saved(&y.source.path))
        .map(|(year, _)| format!("years/{year}.html"));
    let pages = project
        .pages
        .iter()
        .filter(|p| saved(&p.source.path))
        .map(|p| format!("pages/{}.html", p.stem));
    communes.chain(models).chain(years).chain(pages).collect()
}

/// `address`, with 127.0.0.1 or ::1 in place of "every address" so that a browser can open it.
fn loopback_if_unspecified(address: SocketAddr) -> SocketAddr {
    match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(std::net::Ipv4Addr::LOCALHOST.into(), address.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(std::net::Ipv6Addr::LOCALHOST.into(), address.port())
        }
        _ => address,
    }
}

/// Opens `url` in the default browser, or says how to open it by hand.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = Command::new("cmd");
        c.args(["/C", "start", "", url]);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = Command::new("open");
        c.arg(url);
        c
    } else {
        let mut c = Command::new("xdg-open");
        c.arg(url);
        c
    };
    match command.stdout(Stdio::null()).stderr(Stdio::null()).spawn() {
        Ok(mut child) => {
            thread::spawn(move || child.wait());
        }
        Err(e) => eprintln!("could not open a browser ({e}): open {url} in one yourself"),
    }
}
