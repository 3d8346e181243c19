//! Reads the `content/` and `templates/` of a git revision into a temporary folder, through
//! the `git` command: `ls-tree` lists the files, one `cat-file --batch` reads them all.

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::DiffError;
use crate::language::Language;
use crate::messages::{self as msg, Message};

/// A temporary project folder holding one revision's files, deleted when dropped.
pub(super) struct Checkout {
    pub dir: PathBuf,
}

impl Drop for Checkout {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Why a `git` command did not give its output.
enum GitError {
    /// The `git` command is not installed.
    Missing,
    /// It ran and failed; its standard error.
    Failed(String),
    Io(io::Error),
}

/// Runs `git -C root ARGS`, feeding it `input`, and returns its standard output.
fn git(root: &Path, args: &[&str], input: Option<Vec<u8>>) -> Result<Vec<u8>, GitError> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => GitError::Missing,
            _ => GitError::Io(e),
        })?;
    // Write on another thread so that a full output pipe cannot block the input.
    let writer = match (input, child.stdin.take()) {
        (Some(bytes), Some(mut stdin)) => Some(std::thread::spawn(move || stdin.write_all(&bytes))),
        _ => None,
    };
    let output = child.wait_with_output().map_err(GitError::Io)?;
    if let Some(writer) = writer {
        writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writing thread panicked")))
            .map_err(GitError::Io)?;
    }
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(GitError::Failed(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ))
    }
}

/// Reads revision `rev` of the repository holding `root` into a temporary folder laid out
/// like the project (`content/`, `templates/`). Returns the folder and the revision's short
/// commit id.
pub(super) fn checkout(
    root: &Path,
    rev: &str,
    language: Language,
) -> Result<(Checkout, String), DiffError> {
    let place = super::place(root, language);
    let not_a_revision = || {
        DiffError::new(
            msg::DIFF_NOT_A_REVISION
                .with("rev", rev)
                .with("place", &place),
        )
        .hint(&msg::DIFF_NOT_A_REVISION_HINT)
    };
    if rev.starts_with('-') {
        return Err(not_a_revision());
    }
    match git(root, &["rev-parse", "--is-inside-work-tree"], None) {
        Ok(_) => {}
        Err(GitError::Missing) => {
            return Err(
                DiffError::new(msg::DIFF_NO_GIT.with("rev", rev)).hint(&msg::DIFF_NO_GIT_HINT)
            );
        }
        Err(GitError::Failed(_)) => {
            return Err(DiffError::new(
                msg::DIFF_NOT_IN_GIT.with("rev", rev).with("place", &place),
            )
            .hint(&msg::DIFF_NOT_IN_GIT_HINT));
        }
        Err(e) => return Err(git_error(e)),
    }
    let commit = match git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
        None,
    ) {
        Ok(out) => String::from_utf8_lossy(&out).trim().to_owned(),
        Err(GitError::Failed(_)) => return Err(not_a_revision()),
        Err(e) => return Err(git_error(e)),
    };
    let short = git(root, &["rev-parse", "--short", &commit], None)
        .map(|out| String::from_utf8_lossy(&out).trim().to_owned())
        .map_err(git_error)?;

    // Paths are relative to `root`, which may lie deeper than the top of the repository.
    let listing = git(
        root,
        &["ls-tree", "-r", "-z", &commit, "--", "content", "templates"],
        None,
    )
    .map_err(git_error)?;
    let mut files = Vec::new();
    for record in listing.split(|&b| b == 0).filter(|r| !r.is_empty()) {
        let record = String::from_utf8_lossy(record);
        let Some((meta, path)) = record.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split(' ');
        let (mode, kind, object) = (meta.next(), meta.next(), meta.next());
        // Symbolic links (120000) and submodules are skipped, as the loader skips them.
        if kind != Some("blob") || mode == Some("120000") {
            continue;
        }
        let safe = Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if let (Some(object), true) = (object, safe) {
            files.push((path.to_owned(), object.to_owned()));
        }
    }
    if !files.iter().any(|(path, _)| path.starts_with("content/")) {
        return Err(DiffError::new(
            msg::DIFF_REVISION_NO_CONTENT
                .with("rev", rev)
                .with("short", &short)
                .with("place", &place),
        )
        .hint(&msg::DIFF_REVISION_NO_CONTENT_HINT));
    }

    let input: String = files
        .iter()
        .map(|(_, object)| format!("{object}\n"))
        .collect();
    let blobs = git(root, &["cat-file", "--batch"], Some(input.into_bytes())).map_err(git_error)?;
    let checkout = temporary_folder()
        .map_err(|e| DiffError::new(msg::DIFF_TEMP_FOLDER.with("rev", rev).with("error", e)))?;
    let mut rest = blobs.as_slice();
    for (path, _) in &files {
        let (bytes, after) = next_blob(rest)
            .ok_or_else(|| git_failed(msg::DIFF_READ_FILE.with("path", path).with("rev", rev)))?;
        rest = after;
        let target = checkout.dir.join(path);
        let written = target
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(&target, bytes));
        written.map_err(|e| {
            DiffError::new(
                msg::DIFF_WRITE
                    .with("path", target.display())
                    .with("rev", rev)
                    .with("error", e),
            )
        })?;
    }
    Ok((checkout, short))
}

/// Splits one `<object> blob <size>\n<bytes>\n` record off the output of `cat-file --batch`.
fn next_blob(out: &[u8]) -> Option<(&[u8], &[u8])> {
    let newline = out.iter().position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(&out[..newline]).ok()?;
    let size: usize = header.rsplit(' ').next()?.parse().ok()?;
    let body = out.get(newline + 1..newline + 1 + size)?;
    Some((body, out.get(newline + 2 + size..).unwrap_or_default()))
}

/// Creates a new, empty folder in the system's temporary folder.
fn temporary_folder() -> io::Result<Checkout> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("baocao-diff-{}-{n}", std::process::id()));
        match fs::create_dir(&dir) {
            Ok(()) => return Ok(Checkout { dir }),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

fn git_error(e: GitError) -> DiffError {
    match e {
        GitError::Missing => git_failed(msg::DIFF_GIT_MISSING.message()),
        GitError::Failed(stderr) => git_failed(Message::text(stderr)),
        GitError::Io(e) => git_failed(Message::text(e.to_string())),
    }
}

fn git_failed(why: Message) -> DiffError {
    DiffError::new(msg::DIFF_GIT_FAILED.with_message("why", why))
}
