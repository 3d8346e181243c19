//! The `baocao` command: a thin layer over the library.

mod help;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use baocao::diagnostic::Diagnostic;
use baocao::language::Language;
use baocao::messages::{self as msg, Message, count};
use baocao::{diff, write};
use serde_json::json;

/// Builds the static website of a public-security annual report from YAML records.
#[derive(Parser)]
#[command(version, about, disable_help_subcommand = true)]
struct Cli {
    /// The report project folder (holding `content/`).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    /// The language of errors and warnings [default: the `language` of content/site.yaml,
    /// else vi].
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    /// How to print errors, warnings and the summary: for people, or as one JSON object per
    /// line on standard output (for editors and CI).
    #[arg(long, global = true, value_enum, default_value = "human")]
    message_format: MessageFormat,
    /// Print only errors and warnings: no progress, no summary (`build` and `check`).
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

/// The languages of errors and warnings.
#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    Vi,
    En,
}

/// How errors, warnings and the closing summary are printed.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MessageFormat {
    Human,
    Json,
}

/// How errors and warnings are printed: in which language and format.
#[derive(Clone, Copy)]
struct MessageStyle {
    language: Language,
    format: MessageFormat,
}

#[derive(Subcommand)]
enum Command {
    /// Check the content and build the site into the output folder.
    Build {
        /// Where to write the site [default: ROOT/output].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Write nothing; list the files that differ and fail when the output is stale.
        #[arg(long)]
        check: bool,
    },
    /// Check the content and report every problem, without building.
    Check,
    /// Write a JSON Schema for each kind of content file, for editors that check YAML as you
    /// type.
    Schema {
        /// Where to write the schemas [default: ROOT/schemas].
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Compare the data of two versions of the report: exit 0 when identical, 1 when they
    /// differ or a version fails validation, 2 on error.
    Diff {
        /// The old version: a project folder (holding `content/`) or a git revision of the
        /// repository at --root, such as `HEAD~1`, `main` or a tag.
        old: String,
        /// The new version, likewise [default: the working tree at --root].
        new: Option<String>,
        /// How to print the differences: text, markdown (for a pull-request comment) or json.
        #[arg(long, default_value = "text")]
        format: diff::Format,
    },
    /// Preview the site while you edit it: build it into a temporary folder, serve it, and
    /// rebuild and reload the open pages whenever a file of `content/` or `templates/` is saved.
    Serve {
        /// The port to listen on; 0 picks a free one.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on. Any other than 127.0.0.1 or ::1 lets other computers on
        /// the network see the report.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
    },
    /// Create a new report project in DIR, with example content that builds at once.
    New {
        /// The folder to create; it must be missing or empty.
        dir: PathBuf,
        /// The city or district the report covers, such as "Thành phố Yên Bái", or its police
        /// ("Công an huyện Trấn Yên").
        #[arg(long)]
        locality: Option<String>,
    },
    /// Write a workbook for collecting figures (.xlsx): per year, a sheet with a row per
    /// commune and one with the area-wide figures, filled with the current figures.
    Export {
        /// The workbook to write, e.g. `so-lieu-2024.xlsx`.
        file: PathBuf,
        /// A year to collect; repeat for several [default: every year with figures].
        #[arg(long)]
        year: Vec<i64>,
    },
    /// Read figures from a workbook (.xlsx, .xls, .ods) or a .csv file laid out as `export`
    /// writes it, into the YAML records: only changed figure lines change.
    Import {
        /// The spreadsheet to read.
        file: PathBuf,
        /// List what would change, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The source (an id of the sources in content/site.yaml) that the years the import
        /// adds cite, such as the report the figures were collected for.
        #[arg(long)]
        source: Option<String>,
    },
    /// Print the completion script of a shell, e.g. `baocao completions bash`.
    Completions { shell: clap_complete::Shell },
    /// Print this help, or the help of a command, e.g. `baocao help build`.
    Help {
        /// The command to explain.
        command: Option<String>,
    },
}

/// Fewer malloc arenas than glibc's default (eight a core): the threads that parse, render
/// and free the records of a national report then reuse each other's freed memory. At
/// 10.000 communes on two cores (two arenas): peak 295 → 263 MiB, wall time unchanged.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn share_allocator_arenas() {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let arenas = (cores / 2).max(2) as libc::c_int;
    // SAFETY: mallopt only sets a parameter of glibc's allocator; it is called before any
    // other thread starts.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, arenas);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn share_allocator_arenas() {}

fn main() -> ExitCode {
    share_allocator_arenas();
    let language = language_before_parsing();
    let command = help::localized(Cli::command(), language);
    let cli = match command
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(e) => help::usage_error(e, language),
    };
    let style = MessageStyle {
        language: match cli.lang {
            Some(Lang::Vi) => Language::Vi,
            Some(Lang::En) => Language::En,
            None => baocao::load::site_language(&cli.root).unwrap_or_default(),
        },
        format: cli.message_format,
    };
    let needs_project = !matches!(
        cli.command,
        Command::New { .. } | Command::Completions { .. } | Command::Help { .. }
    );
    if needs_project && !cli.root.is_dir() {
        style.fatal(msg::NO_PROJECT_FOLDER.with("path", cli.root.display()));
        return ExitCode::from(2);
    }
    match cli.command {
        Command::Check => check(&cli.root, style, cli.quiet),
        Command::Schema { output } => schema(
            &cli.root,
            &output.unwrap_or_else(|| cli.root.join("schemas")),
            style,
        ),
        Command::Diff { old, new, format } => {
            diff(&cli.root, &old, new.as_deref(), format, style.language)
        }
        Command::Build { output, check } => {
            let output = output.unwrap_or_else(|| cli.root.join("output"));
            build(&cli.root, &output, check, style, cli.quiet)
        }
        Command::Serve { port, bind, open } => serve(cli.root, bind, port, open, cli.lang, style),
        Command::New { dir, locality } => new(&dir, locality.as_deref(), style),
        Command::Export { file, year } => export(&cli.root, &file, &year, style),
        Command::Import {
            file,
            dry_run,
            source,
        } => import(&cli.root, &file, dry_run, source.as_deref(), style),
        Command::Completions { shell } => completions(shell),
        Command::Help { command } => help(command.as_deref(), style.language),
    }
}

/// The language of the help, read before the arguments are: `--lang` if given, else the
/// `language` of the site at `--root`, else Vietnamese.
fn language_before_parsing() -> Language {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| {
        args.iter().enumerate().find_map(|(i, arg)| {
            match arg
                .strip_prefix(name)
                .and_then(|rest| rest.strip_prefix('='))
            {
                Some(value) => Some(value.to_owned()),
                None => (arg == name).then(|| args.get(i + 1).cloned()).flatten(),
            }
        })
    };
    match value("--lang").as_deref() {
        Some("en") => Language::En,
        Some("vi") => Language::Vi,
        _ => {
            let root = value("--root").unwrap_or_else(|| ".".to_owned());
            baocao::load::site_language(std::path::Path::new(&root)).unwrap_or_default()
        }
    }
}

impl MessageStyle {
    fn json(self) -> bool {
        self.format == MessageFormat::Json
    }

    fn say(self, message: &Message) -> String {
        message.render(self.language)
    }

    /// Prints the diagnostics, for people on standard error or as JSON lines on standard
    /// output, and counts them: (errors, warnings).
    fn diagnostics(self, diagnostics: &[Diagnostic]) -> (usize, usize) {
        for d in diagnostics {
            match self.format {
                MessageFormat::Human => eprintln!("{}\n", d.display(self.language)),
                MessageFormat::Json => println!("{}", d.to_json(self.language)),
            }
        }
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        (errors, diagnostics.len() - errors)
    }

    /// Something about the run that is not its result (waiting for another build): on
    /// standard error for people, a `note` JSON line.
    fn note(self, message: Message) {
        let text = self.say(&message);
        match self.format {
            MessageFormat::Human => eprintln!("{text}"),
            MessageFormat::Json => println!("{}", json!({"reason": "note", "message": text})),
        }
    }

    /// The closing line of a run. For people: on standard output when the run succeeded, else
    /// on standard error. In JSON: a `summary` object with `ok`, the counts, the line and the
    /// fields of `extra`.
    fn summary(
        self,
        ok: bool,
        (errors, warnings): (usize, usize),
        line: &str,
        extra: serde_json::Value,
    ) {
        match self.format {
            MessageFormat::Human if ok => println!("{line}"),
            MessageFormat::Human => eprintln!("{line}"),
            MessageFormat::Json => {
                let mut summary = json!({
                    "reason": "summary",
                    "ok": ok,
                    "errors": errors,
                    "warnings": warnings,
                    "message": line,
                });
                if let (Some(summary), serde_json::Value::Object(extra)) =
                    (summary.as_object_mut(), extra)
                {
                    summary.extend(extra);
                }
                println!("{summary}");
            }
        }
    }

    /// A failure outside the content (a folder that cannot be written): `error: …` on
    /// standard error, or a failed `summary` JSON line.
    fn fatal(self, message: Message) {
        let text = self.say(&message);
        match self.format {
            MessageFormat::Human => {
                eprintln!("{}: {text}", self.say(&msg::LABEL_ERROR.message()))
            }
            MessageFormat::Json => self.summary(false, (1, 0), &text, json!({})),
        }
    }

    /// "3 errors and 1 warning".
    fn counts(self, (errors, warnings): (usize, usize)) -> (String, String) {
        (
            self.say(&count(errors, &msg::COUNT_ERROR, &msg::COUNT_ERRORS)),
            self.say(&count(warnings, &msg::COUNT_WARNING, &msg::COUNT_WARNINGS)),
        )
    }

    /// The closing line of a run that found errors.
    fn failed(self, counts: (usize, usize), entry: &'static msg::Entry) {
        let (errors, warnings) = self.counts(counts);
        let line = self.say(&entry.with("errors", errors).with("warnings", warnings));
        self.summary(false, counts, &line, json!({}));
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn check(root: &std::path::Path, style: MessageStyle, quiet: bool) -> ExitCode {
    let checked = baocao::check_thoroughly(root);
    let counts = style.diagnostics(&checked.diagnostics);
    match &checked.report {
        Some(_) if counts.0 == 0 && quiet => ExitCode::SUCCESS,
        Some(r) if counts.0 == 0 => {
            let line = msg::SUMMARY_CHECK_OK
                .with_message(
                    "communes",
                    count(r.communes.len(), &msg::COUNT_COMMUNE, &msg::COUNT_COMMUNES),
                )
                .with_message(
                    "models",
                    count(r.models.len(), &msg::COUNT_MODEL, &msg::COUNT_MODELS),
                )
                .with_message(
                    "years",
                    count(r.years.len(), &msg::COUNT_YEAR, &msg::COUNT_YEARS),
                )
                .with_message(
                    "pages",
                    count(r.pages.len(), &msg::COUNT_PAGE, &msg::COUNT_PAGES),
                )
                .with("warnings", style.counts(counts).1);
            style.summary(true, counts, &style.say(&line), json!({}));
            ExitCode::SUCCESS
        }
        _ => {
            style.failed(counts, &msg::SUMMARY_CHECK_FAILED);
            ExitCode::from(1)
        }
    }
}

fn export(
    root: &std::path::Path,
    file: &std::path::Path,
    years: &[i64],
    style: MessageStyle,
) -> ExitCode {
    match baocao::sheet::export(root, years, file) {
        Ok(done) => {
            let years: Vec<String> = done.years.iter().map(i64::to_string).collect();
            let years = years.join(", ");
            let line = match style.language {
                Language::Vi => format!(
                    "đã ghi {}: {} xã, phường; năm {years}",
                    done.path.display(),
                    done.communes
                ),
                Language::En => format!(
                    "wrote {}: {}; {} {years}",
                    done.path.display(),
                    plural(done.communes, "commune"),
                    if done.years.len() == 1 {
                        "year"
                    } else {
                        "years"
                    }
                ),
            };
            let file = done.path.display().to_string();
            style.summary(true, (0, 0), &line, json!({ "file": file }));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            let counts = style.diagnostics(&errors);
            style.failed(counts, &msg::SUMMARY_CHECK_FAILED);
            ExitCode::from(1)
        }
    }
}

fn import(
    root: &std::path::Path,
    file: &std::path::Path,
    dry_run: bool,
    source: Option<&str>,
    style: MessageStyle,
) -> ExitCode {
    let colour = std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let options = baocao::sheet::ImportOptions {
        dry_run,
        source,
        colour,
        language: style.language,
    };
    match baocao::sheet::import(root, file, &options) {
        Ok(done) => {
            let counts = style.diagnostics(&done.warnings);
            if !style.json() {
                print!("{}", done.changes.trim_start_matches('\n'));
            }
            let files = done.files.join(", ");
            let line = match (style.language, done.files.len(), done.written) {
                (Language::Vi, 0, _) => {
                    "không có gì thay đổi: hồ sơ đã có đúng các số liệu này".to_owned()
                }
                (Language::Vi, n, false) => {
                    format!("--dry-run: {n} tệp sẽ thay đổi ({files}); chưa ghi gì")
                }
                (Language::Vi, n, true) => format!("đã cập nhật {n} tệp: {files}"),
                (Language::En, 0, _) => {
                    "nothing to change: the records already hold these figures".to_owned()
                }
                (Language::En, n, false) => format!(
                    "--dry-run: {} would change ({files}); nothing was written",
                    plural(n, "file")
                ),
                (Language::En, n, true) => format!("updated {}: {files}", plural(n, "file")),
            };
            let extra = json!({ "files": done.files, "written": done.written });
            style.summary(true, counts, &line, extra);
            ExitCode::SUCCESS
        }
        Err(errors) => {
            let counts = style.diagnostics(&errors);
            style.failed(counts, &msg::SUMMARY_IMPORT_FAILED);
            ExitCode::from(1)
        }
    }
}

fn diff(
    root: &std::path::Path,
    old: &str,
    new: Option<&str>,
    format: diff::Format,
    language: Language,
) -> ExitCode {
    match diff::compare(root, old, new, language) {
        Ok(d) => {
            let colour = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            print!("{}", d.render(format, colour, language));
            ExitCode::from(if d.is_identical() { 0 } else { 1 })
        }
        Err(e) => {
            let label = msg::LABEL_ERROR.message().render(language);
            eprintln!("{label}: {}", e.render(language));
            ExitCode::from(2)
        }
    }
}

/// Writes the schemas, naming the indicators of the project at `root` (if it has any).
fn schema(root: &std::path::Path, dir: &std::path::Path, style: MessageStyle) -> ExitCode {
    let (project, _) = baocao::load::load(root);
    let catalogue = baocao::catalogue::Catalogue::of_project(&project);
    match baocao::schema::write(dir, &catalogue) {
        Ok(files) => {
            let line = msg::SUMMARY_SCHEMAS
                .with_message(
                    "schemas",
                    count(files.len(), &msg::COUNT_SCHEMA, &msg::COUNT_SCHEMAS),
                )
                .with("dir", dir.display());
            style.summary(true, (0, 0), &style.say(&line), json!({ "files": files }));
            ExitCode::SUCCESS
        }
        Err(e) => {
            style.fatal(
                msg::SCHEMAS_NOT_WRITTEN
                    .with("dir", dir.display())
                    .with("error", e),
            );
            ExitCode::from(1)
        }
    }
}

/// One overwritten status line on a terminal's standard error while a build runs.
struct Progress {
    enabled: bool,
}

impl Progress {
    fn new(quiet: bool) -> Self {
        Progress {
            enabled: !quiet && std::io::stderr().is_terminal(),
        }
    }

    fn show(&self, text: &str) {
        if self.enabled {
            eprint!("\r\x1b[2K{text}");
        }
    }

    fn clear(&self) {
        if self.enabled {
            eprint!("\r\x1b[2K");
        }
    }
}

fn build(
    root: &std::path::Path,
    output: &std::path::Path,
    check_only: bool,
    style: MessageStyle,
    quiet: bool,
) -> ExitCode {
    let started = Instant::now();
    let output = match write::check_output_dir(root, output) {
        Ok(o) => o,
        Err(e) => {
            style.fatal(e.message());
            return ExitCode::from(2);
        }
    };
    // One build of a folder at a time: a second one waits (two terminals, or a script).
    let lock = write::OutputLock::acquire(&output, || {
        style.note(msg::NOTE_BUILD_WAITING.with("output", output.display()))
    });
    let _lock = match lock {
        Ok(lock) => lock,
        Err(e) => {
            style.fatal(e.message());
            return ExitCode::from(1);
        }
    };
    match write::recover(&output) {
        Ok(Some(from)) => style.note(
            msg::NOTE_BUILD_RECOVERED
                .with("from", from.display())
                .with("output", output.display()),
        ),
        Ok(None) => {}
        Err(e) => {
            style.fatal(e.message());
            return ExitCode::from(1);
        }
    }
    let progress = Progress::new(quiet);
    let input = baocao::load::fingerprint(root);
    if !check_only && write::is_current(&output, &input) {
        // Nothing that the site is built from changed since a build without warnings, and the
        // output is whole: skip the rest.
        if !quiet {
            let line = msg::SUMMARY_UP_TO_DATE
                .with("output", output.display())
                .with("ms", started.elapsed().as_millis());
            style.summary(true, (0, 0), &style.say(&line), json!({ "written": false }));
        }
        return ExitCode::SUCCESS;
    }
    progress.show(&style.say(&msg::PROGRESS_CHECKING.message()));
    let checked = baocao::for_publishing(baocao::check_to_render(root));
    let without_base_url = checked
        .report
        .as_ref()
        .is_some_and(|r| r.site.base_url.is_none());
    if let Some(report) = &checked.report {
        let rendering = msg::PROGRESS_RENDERING
            .with_message(
                "communes",
                count(
                    report.communes.len(),
                    &msg::COUNT_COMMUNE,
                    &msg::COUNT_COMMUNES,
                ),
            )
            .with_message(
                "models",
                count(report.models.len(), &msg::COUNT_MODEL, &msg::COUNT_MODELS),
            )
            .with_message(
                "years",
                count(report.years.len(), &msg::COUNT_YEAR, &msg::COUNT_YEARS),
            );
        progress.show(&style.say(&rendering));
    }
    let writer = if check_only {
        write::Writer::compare(&output)
    } else {
        write::Writer::new(&output)
    };
    // A build with warnings is never taken for up to date, so that they are shown again.
    let fingerprint = |diagnostics: &[Diagnostic]| {
        if diagnostics.is_empty() {
            input
        } else {
            format!("{input} (with warnings)")
        }
    };
    let (built, diagnostics) = baocao::build(checked, writer, &[], &|_, _| {}, fingerprint);
    progress.clear();
    let counts = style.diagnostics(&diagnostics);
    let (rendered, changes) = match built {
        baocao::Built::Written { rendered, changes } => (rendered, changes),
        baocao::Built::Invalid => {
            style.failed(counts, &msg::SUMMARY_BUILD_FAILED);
            return ExitCode::from(1);
        }
        baocao::Built::Failed(e) if check_only => {
            style.fatal(e.message());
            return ExitCode::from(1);
        }
        baocao::Built::Failed(e) => {
            style.fatal(msg::WRITE_IO_UNCHANGED.with_message("error", e.message()));
            return ExitCode::from(1);
        }
    };
    let files = |n| count(n, &msg::COUNT_FILE, &msg::COUNT_FILES);
    let changed = json!({
        "added": changes.added,
        "changed": changes.changed,
        "removed": changes.removed,
    });
    if check_only {
        if changes.is_empty() {
            let line = msg::SUMMARY_OUTPUT_FRESH
                .with_message("files", files(rendered.files))
                .with("output", output.display());
            style.summary(true, counts, &style.say(&line), changed);
            return ExitCode::SUCCESS;
        }
        if !style.json() {
            for (label, paths) in [
                (&msg::FILE_ADDED, &changes.added),
                (&msg::FILE_CHANGED, &changes.changed),
                (&msg::FILE_REMOVED, &changes.removed),
            ] {
                let label = style.say(&label.message());
                for path in paths {
                    println!("{label}: {path}");
                }
            }
        }
        let line = msg::SUMMARY_OUTPUT_STALE
            .with("output", output.display())
            .with("added", changes.added.len())
            .with("changed", changes.changed.len())
            .with("removed", changes.removed.len());
        style.summary(false, counts, &style.say(&line), changed);
        return ExitCode::from(1);
    }
    if quiet {
        return ExitCode::SUCCESS;
    }
    if without_base_url {
        style.note(msg::NOTE_NO_BASE_URL.message());
    }
    let line = msg::SUMMARY_BUILT
        .with_message(
            "pages",
            count(rendered.pages, &msg::COUNT_PAGE, &msg::COUNT_PAGES),
        )
        .with_message(
            "charts",
            count(rendered.charts, &msg::COUNT_CHART, &msg::COUNT_CHARTS),
        )
        .with_message("files", files(rendered.files))
        .with("output", output.display())
        .with("added", changes.added.len())
        .with("changed", changes.changed.len())
        .with("removed", changes.removed.len())
        .with("ms", started.elapsed().as_millis());
    style.summary(true, counts, &style.say(&line), changed);
    ExitCode::SUCCESS
}

fn serve(
    root: PathBuf,
    bind: std::net::IpAddr,
    port: u16,
    open: bool,
    lang: Option<Lang>,
    style: MessageStyle,
) -> ExitCode {
    let options = baocao::serve::Options {
        root,
        bind,
        port,
        open,
        language: lang.map(|l| match l {
            Lang::Vi => Language::Vi,
            Lang::En => Language::En,
        }),
    };
    match baocao::serve::run(&options) {
        Ok(never) => match never {},
        Err(e) => {
            style.fatal(e.message());
            ExitCode::from(2)
        }
    }
}

fn new(dir: &std::path::Path, locality: Option<&str>, style: MessageStyle) -> ExitCode {
    use baocao::new::NewError;
    match baocao::new::create(dir, locality) {
        Ok(files) => {
            let line = msg::NEW_CREATED.with("dir", dir.display()).with_message(
                "files",
                count(files.len(), &msg::COUNT_FILE, &msg::COUNT_FILES),
            );
            style.summary(true, (0, 0), &style.say(&line), json!({ "files": files }));
            ExitCode::SUCCESS
        }
        Err(e) => {
            style.fatal(e.message());
            let usage = matches!(e, NewError::NotEmpty(_) | NewError::NotAFolder(_));
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

/// Prints the help of the command `name`, or of baocao, in `language`.
fn help(name: Option<&str>, language: Language) -> ExitCode {
    let mut command = help::localized(Cli::command(), language);
    // Built, so that a command's usage line starts with `baocao`.
    command.build();
    let printed = match name {
        None => command.print_help(),
        Some(name) => match command.find_subcommand_mut(name) {
            Some(sub) => sub.print_help(),
            None => {
                let style = MessageStyle {
                    language,
                    format: MessageFormat::Human,
                };
                style.fatal(msg::UNKNOWN_COMMAND.with("name", name));
                return ExitCode::from(2);
            }
        },
    };
    ExitCode::from(if printed.is_ok() { 0 } else { 1 })
}

fn completions(shell: clap_complete::Shell) -> ExitCode {
    use clap::CommandFactory;
    clap_complete::generate(shell, &mut Cli::command(), "baocao", &mut std::io::stdout());
    ExitCode::SUCCESS
}
