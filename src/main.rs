//! The `baocao` command: a thin layer over the library.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use baocao::diagnostic::Diagnostic;
use baocao::{diff, write};

/// Builds the static website of a public-security annual report from YAML records.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// The report project folder (holding `content/`).
    #[arg(long, global = true, default_value = ".")]
    root: PathBuf,
    #[command(subcommand)]
    command: Command,
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check => check(&cli.root),
        Command::Diff { old, new, format } => diff(&cli.root, &old, new.as_deref(), format),
        Command::Build { output, check } => {
            let output = output.unwrap_or_else(|| cli.root.join("output"));
            build(&cli.root, &output, check)
        }
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic]) -> (usize, usize) {
    for d in diagnostics {
        eprintln!("{d}\n");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn check(root: &std::path::Path) -> ExitCode {
    let checked = baocao::check(root);
    let (errors, warnings) = print_diagnostics(&checked.diagnostics);
    match &checked.report {
        Some(r) if errors == 0 => {
            println!(
                "ok: {}, {}, {}, {}; {}",
                plural(r.communes.len(), "commune"),
                plural(r.models.len(), "model type"),
                plural(r.years.len(), "year"),
                plural(r.pages.len(), "page"),
                plural(warnings, "warning"),
            );
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!(
                "{} and {}: fix the errors above, then run `baocao check` again",
                plural(errors, "error"),
                plural(warnings, "warning")
            );
            ExitCode::from(1)
        }
    }
}

fn diff(root: &std::path::Path, old: &str, new: Option<&str>, format: diff::Format) -> ExitCode {
    match diff::compare(root, old, new) {
        Ok(d) => {
            let colour = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            print!("{}", d.render(format, colour));
            ExitCode::from(if d.is_identical() { 0 } else { 1 })
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn build(root: &std::path::Path, output: &std::path::Path, check_only: bool) -> ExitCode {
    let started = Instant::now();
    let output = match write::check_output_dir(root, output) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let (site, diagnostics) = baocao::build(root);
    let (errors, warnings) = print_diagnostics(&diagnostics);
    let Some(site) = site else {
        eprintln!(
            "{} and {}: nothing was written; the previous output is unchanged",
            plural(errors, "error"),
            plural(warnings, "warning")
        );
        return ExitCode::from(1);
    };
    if check_only {
        return match write::changes(&site, &output) {
            Ok(changes) if changes.is_empty() => {
                println!(
                    "up to date: {} in {} match the content",
                    plural(site.files.len(), "file"),
                    output.display()
                );
                ExitCode::SUCCESS
            }
            Ok(changes) => {
                for (label, paths) in [
                    ("added", &changes.added),
                    ("changed", &changes.changed),
                    ("removed", &changes.removed),
                ] {
                    for path in paths {
                        println!("{label}: {path}");
                    }
                }
                eprintln!(
                    "{} is stale ({} added, {} changed, {} removed): run `baocao build` and commit the output",
                    output.display(),
                    changes.added.len(),
                    changes.changed.len(),
                    changes.removed.len()
                );
                ExitCode::from(1)
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        };
    }
    let changes = match write::write(&site, &output) {
        Ok(changes) => changes,
        Err(e) => {
            eprintln!("error: {e}\nthe previous output is unchanged");
            return ExitCode::from(1);
        }
    };
    println!(
        "built {}, {}, {} into {} ({} added, {} changed, {} removed) in {} ms",
        plural(site.pages, "page"),
        plural(site.charts, "chart"),
        plural(site.files.len(), "file"),
        output.display(),
        changes.added.len(),
        changes.changed.len(),
        changes.removed.len(),
        started.elapsed().as_millis()
    );
    ExitCode::SUCCESS
}
