//! `baocao serve`: a live preview. The site is built into a temporary folder (never into
//! `output/`) and served over HTTP on this computer only; when a file of `content/` or
//! `templates/` is saved, the site is rebuilt (the saved files parsed again, their pages
//! written first) and open pages reload through Server-Sent Events. While the content has
//! errors, pages show them instead of the site.

mod http;
mod page;
mod respond;
mod say;
mod watch;

use std::convert::Infallible;
use std::fmt;
use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};
use std::thread;
use std::time::Instant;

use crate::diagnostic::Diagnostic;
use crate::language::Language;

/// What `baocao serve` was asked for.
pub struct Options {
    /// The project folder.
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Open the site in the default browser.
    pub open: bool,
    /// The language of messages and of the error page [default: the site's].
    pub language: Option<Language>,
}

/// Why the preview could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The root is not a report project.
    NoContent(PathBuf),
    Listen(SocketAddr, io::Error),
    TempFolder(io::Error),
    /// The HTTP server stopped.
    Serve(io::Error),
}

impl ServeError {
    /// What went wrong and what to do, to show in either language.
    pub fn message(&self) -> crate::messages::Message {
        use crate::messages as msg;
        match self {
            ServeError::NoContent(root) => msg::SERVE_NO_CONTENT.with("root", root.display()),
            ServeError::Listen(addr, e) => msg::SERVE_LISTEN.with("address", addr).with("error", e),
            ServeError::TempFolder(e) => msg::SERVE_TEMP_FOLDER.with("error", e),
            ServeError::Serve(e) => msg::SERVE_STOPPED.with("error", e),
        }
    }
}

impl fmt::Display for ServeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
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
    let server = Arc::new(Server {
        root: options.root.clone(),
        site,
        port: address.port(),
        language: options.language,
        failure: RwLock::new(None),
        warnings: RwLock::new(None),
        reuse: Mutex::default(),
        known: Mutex::default(),
        generation: tokio::sync::watch::Sender::new(0),
        saved_again: Arc::default(),
        closing: Arc::default(),
        building: Mutex::default(),
    });
    // The temporary folder is removed on Ctrl+C (and when the terminal closes or the process
    // is asked to stop) too, not only when `temp` is dropped: once a build writing into it has
    // stopped (a build still checking the project is not waited for), and before another can
    // write.
    let closing = server.clone();
    let _ = ctrlc::set_handler(move || {
        closing.closing.store(true, Ordering::SeqCst);
        let _building = closing.building.lock();
        let _ = std::fs::remove_dir_all(&folder);
        std::process::exit(0);
    });

    let snapshot = watch::scan(&server.root);
    server.rebuild(&[], None);
    if server.closing.load(Ordering::SeqCst) {
        // Stopped during the first build: the stop handler ends the process.
        loop {
            thread::park();
        }
    }
    let language = server.language();
    if !options.bind.is_loopback() {
        eprintln!("{}", say::open_to_network(options.bind, language));
    }
    let url = format!("http://{}/", loopback_if_unspecified(address));
    println!("{}", say::serving(&url, language));
    if options.open {
        open_browser(&url, language);
    }
    let (watcher, root) = (server.clone(), server.root.clone());
    let saved_again = server.saved_again.clone();
    thread::spawn(move || {
        watch::watch(&root, snapshot, saved_again, |changed, from| {
            watcher.rebuild(changed, Some(from))
        })
    });
    respond::serve(listener, server).map_err(ServeError::Serve)
}

/// The state shared by the watcher and the connections.
struct Server {
    root: PathBuf,
    /// The served folder, inside the temporary folder; each rebuild replaces the files that changed.
    site: PathBuf,
    /// The port listened on, which requests must name in their `Host`.
    port: u16,
    /// The language asked for with `--lang`, if any.
    language: Option<Language>,
    /// The error page, while the last build failed.
    failure: RwLock<Option<String>>,
    /// The panel of the last build's warnings, shown on every page while there are any.
    warnings: RwLock<Option<String>>,
    /// Parsed files of the last build, taken again while unchanged.
    reuse: Mutex<crate::load::Reuse>,
    /// What the last check knew of the communes, when it found no errors: a saved commune's
    /// page is shown from it before the whole project is checked again.
    known: Mutex<Option<Arc<crate::report::Known>>>,
    /// Counts the builds that changed something; open pages reload when it changes.
    generation: tokio::sync::watch::Sender<u64>,
    /// Set by the watcher when a file may have been saved during a build.
    saved_again: Arc<AtomicBool>,
    /// Set when the process is asked to stop: a build in progress stops writing.
    closing: Arc<AtomicBool>,
    /// Held while a build or a preview writes into the served folder (see [`Server::writing`]).
    building: Mutex<()>,
}

impl Server {
    /// The language of messages: `--lang`, else the site's (which a save may change).
    fn language(&self) -> Language {
        self.language
            .unwrap_or_else(|| crate::load::site_language(&self.root).unwrap_or_default())
    }

    /// Builds the project into the served folder, prints what happened, and tells open pages.
    /// Only the saved files are parsed again; the pages of the saved records are written
    /// first and open pages reload then, before the rest of the site is written. Saved
    /// communes' pages are shown even before the project is checked (see [`Server::preview`]).
    ///
    /// When the build was started from the files as they were in `from` and one of them is
    /// saved again meanwhile, the build stops writing (the newer save's build will bring the
    /// whole site up to date) and this returns `false`.
    fn rebuild(&self, changed: &[String], from: Option<&watch::Snapshot>) -> bool {
        let started = Instant::now();
        let language = self.language();
        let shown_early = AtomicBool::new(false);
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let previewed = self.preview(changed);
            shown_early.store(previewed, Ordering::SeqCst);
            let mut reuse = self.reuse.lock().unwrap_or_else(PoisonError::into_inner);
            // The watcher saw every saved file: the others need not be read again.
            reuse.saved(Some(changed));
            let mut checked = crate::check_reusing(&self.root, &reuse);
            let known = (checked.report.as_ref())
                .map(|report| Arc::new(crate::report::Known::of(report, &checked.project)));
            *self.known.lock().unwrap_or_else(PoisonError::into_inner) = known;
            let first = pages_of(&checked.project, changed);
            reuse.keep(&mut checked.project);
            drop(reuse);
            let (root, from, saved_again, closing) = (
                self.root.clone(),
                from.cloned(),
                self.saved_again.clone(),
                self.closing.clone(),
            );
            let writer = crate::write::Writer::in_place(&self.site).stopping_when(move || {
                closing.load(Ordering::SeqCst)
                    || from.as_ref().is_some_and(|from| {
                        saved_again.swap(false, Ordering::SeqCst) && watch::scan(&root) != *from
                    })
            });
            let waiting = AtomicUsize::new(first.len());
            let first_differs = AtomicBool::new(false);
            let written = |path: &str, differs: bool| {
                if !first.iter().any(|p| p == path) {
                    return;
                }
                first_differs.fetch_or(differs, Ordering::SeqCst);
                // A preview already showed them as they are.
                let shown = previewed && !first_differs.load(Ordering::SeqCst);
                if waiting.fetch_sub(1, Ordering::SeqCst) == 1 && !shown {
                    // The edited pages are written: show them now, the rest follows.
                    let mut failure = self.failure.write().unwrap_or_else(PoisonError::into_inner);
                    *failure = None;
                    shown_early.store(true, Ordering::SeqCst);
                    self.announce();
                }
            };
            let Some(_writing) = self.writing() else {
                return (Some(Err(crate::write::WriteError::Stopped)), Vec::new());
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
                let message = say::internal_error(language);
                eprintln!("{}: {message}", say::error_label(language));
                page::failure(message, language)
            }
            Ok((None, diagnostics)) => {
                print_diagnostics(&diagnostics, language);
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                eprintln!("{}", say::errors_shown(errors, language));
                page::errors(&diagnostics, language)
            }
            Ok((Some(Ok((rendered, changes, first))), diagnostics)) => {
                print_diagnostics(&diagnostics, language);
                let panel = page::warnings_panel(&diagnostics, language);
                let warnings_changed = {
                    let mut shown = self
                        .warnings
                        .write()
                        .unwrap_or_else(PoisonError::into_inner);
                    let changed = *shown != panel;
                    *shown = panel;
                    changed
                };
                let early = shown_early.load(Ordering::SeqCst);
                // Pages other than the ones shown early changed: reload open pages again.
                let more = changes
                    .added
                    .iter()
                    .chain(&changes.changed)
                    .chain(&changes.removed)
                    .any(|path| !early || !first.contains(path));
                if failure.take().is_some() || more || warnings_changed {
                    self.announce();
                }
                drop(failure);
                let warnings = diagnostics.len();
                let took = started.elapsed().as_millis();
                println!(
                    "{}",
                    say::built(rendered.pages, took, changed, warnings, language)
                );
                return true;
            }
            Ok((Some(Err(crate::write::WriteError::Stopped)), _)) => return false,
            Ok((Some(Err(e)), diagnostics)) => {
                print_diagnostics(&diagnostics, language);
                let message = e.message().render(language);
                eprintln!("{}: {message}", say::error_label(language));
                page::failure(&message, language)
            }
        };
        *failure = Some(error_page);
        self.announce();
        true
    }

    /// When only commune files were saved and the last check found no errors, writes their
    /// pages at once, made from the saved files and what the last check knew of the other
    /// communes (see [`crate::preview_communes`]), and makes open pages reload; the whole
    /// project is checked and rebuilt after, and shows its errors if it has any. Returns
    /// whether the pages were shown.
    fn preview(&self, changed: &[String]) -> bool {
        let commune_files = changed
            .iter()
            .all(|path| crate::load::is_commune_file(path));
        if changed.is_empty() || !commune_files {
            return false;
        }
        if self
            .failure
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
        {
            return false;
        }
        let known = self
            .known
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let Some(known) = known else {
            return false;
        };
        let Some(pages) = crate::preview_communes(&self.root, changed, &known) else {
            return false;
        };
        let Some(_writing) = self.writing() else {
            return false;
        };
        let writer = crate::write::Writer::in_place(&self.site);
        for (path, html) in pages {
            let page = crate::render::OutputFile::Bytes(html.into_bytes());
            if writer.put(&path, page).is_err() {
                return false;
            }
        }
        self.announce();
        true
    }

    /// Leave to write into the served folder, held while writing; `None` once the process is
    /// stopping.
    fn writing(&self) -> Option<std::sync::MutexGuard<'_, ()>> {
        let guard = self.building.lock().unwrap_or_else(PoisonError::into_inner);
        (!self.closing.load(Ordering::SeqCst)).then_some(guard)
    }

    /// Makes open pages reload.
    fn announce(&self) {
        self.generation.send_modify(|g| *g += 1);
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic], language: Language) {
    for d in diagnostics {
        eprintln!("{}\n", d.display(language));
    }
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
fn open_browser(url: &str, language: Language) {
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
        Err(e) => eprintln!("{}", say::no_browser(url, &e, language)),
    }
}
