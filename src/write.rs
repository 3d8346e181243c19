//! Phase 5, **write**: put the rendered site in place atomically. Files are written, as they
//! are rendered, to a temporary folder beside the output, swapped in only when all of it was
//! written, so a failed build leaves the previous output as it was.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::messages::{self as msg, Entry, Message};
use crate::render::OutputFile;

/// Why the output folder cannot be used or written.
#[derive(Debug)]
pub enum WriteError {
    /// The folder would overwrite the project or the system, for the reason the entry says.
    Refused(PathBuf, &'static Entry),
    Io(PathBuf, io::Error),
    /// The writer was told to stop (`serve`: a newer save makes this build moot).
    Stopped,
}

impl WriteError {
    /// What went wrong, to show in either language.
    pub fn message(&self) -> Message {
        match self {
            WriteError::Refused(path, why) => msg::WRITE_REFUSED
                .with("path", path.display())
                .with_message("why", why.message()),
            WriteError::Io(path, e) => msg::WRITE_IO.with("path", path.display()).with("error", e),
            WriteError::Stopped => msg::WRITE_STOPPED.message(),
        }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message())
    }
}

/// Files that differ between the rendered site and an output folder.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }
}

/// Refuses an output folder that is `/`, the project root, `content/`, `templates/`,
/// a folder inside `content/` or `templates/`, or a parent of any of them.
pub fn check_output_dir(root: &Path, output: &Path) -> Result<PathBuf, WriteError> {
    if let Ok(meta) = fs::symlink_metadata(output) {
        let refuse = |why| Err(WriteError::Refused(output.to_path_buf(), why));
        if meta.file_type().is_symlink() {
            return refuse(&msg::WRITE_SYMLINK);
        }
        if !meta.is_dir() {
            return refuse(&msg::WRITE_IS_FILE);
        }
        let empty = fs::read_dir(output)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !output.join(MARKER).is_file() {
            return refuse(&msg::WRITE_FOREIGN_FILES);
        }
    }
    let resolve = |p: &Path| -> PathBuf {
        let absolute = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        // Resolve symlinks of the part that exists, keep the rest as written.
        let mut existing = absolute.as_path();
        let mut rest = Vec::new();
        while !existing.exists() {
            match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_owned());
                    existing = parent;
                }
                _ => break,
            }
        }
        let mut resolved = fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
        resolved.extend(rest.iter().rev());
        resolved
    };
    let output = resolve(output);
    let root = resolve(root);
    let refuse = |why| Err(WriteError::Refused(output.clone(), why));
    if output.parent().is_none() {
        return refuse(&msg::WRITE_FILE_SYSTEM_ROOT);
    }
    if root.starts_with(&output) {
        return refuse(&msg::WRITE_PROJECT_FOLDER);
    }
    for protected in ["content", "templates"] {
        if output.starts_with(root.join(protected)) {
            return refuse(&msg::WRITE_INSIDE_CONTENT);
        }
    }
    Ok(output)
}

/// The file that marks a folder as written by baocao, so that a build never replaces a folder
/// holding other files.
pub const MARKER: &str = ".baocao-output";

/// The marker's text: what it is for, the fingerprint of the input the site was built from,
/// and how many files and bytes the site holds (to notice files removed or changed by hand).
fn marker_text(files: usize, bytes: u64, input: &str) -> String {
    format!(
        "This folder is written by `baocao build`: each build replaces all of it.\ninput: {input}\nfiles: {files} bytes: {bytes}\n"
    )
}

/// Whether `output` holds a complete site built from the input with this fingerprint, so
/// that a build can skip rendering. Checks the marker, the number and size of the files, and
/// that no file was modified after the marker was written (a hand edit that keeps the size).
pub fn is_current(output: &Path, input: &str) -> bool {
    let marker_path = output.join(MARKER);
    let Ok(marker) = fs::read_to_string(&marker_path) else {
        return false;
    };
    let Ok(written) = fs::metadata(&marker_path).and_then(|m| m.modified()) else {
        return false;
    };
    let mut lines = marker.lines().skip(1);
    if lines.next() != Some(&format!("input: {input}")) {
        return false;
    }
    let (mut files, mut bytes) = (0usize, 0u64);
    for entry in walkdir::WalkDir::new(output).into_iter().flatten() {
        if entry.file_type().is_file() && entry.file_name() != MARKER {
            let Ok(meta) = entry.metadata() else {
                return false;
            };
            if meta.modified().map_or(true, |m| m > written) {
                return false;
            }
            files += 1;
            bytes += meta.len();
        }
    }
    lines.next() == Some(&format!("files: {files} bytes: {bytes}"))
}

/// The file marking a temporary folder as baocao's, so that only folders baocao made are
/// ever deleted.
const STAGING_MARKER: &str = ".baocao-staging";

/// An exclusive hold on an output folder: while one build holds it, another build of the same
/// folder waits. The lock is an advisory lock on the folder that holds the output (on other
/// systems than Unix, on a file `.{name}.lock` there), released when the hold is dropped or
/// the process ends, even when it is killed.
#[derive(Debug)]
pub struct OutputLock {
    _file: fs::File,
}

impl OutputLock {
    /// Takes the lock of `output`; when another build holds it, calls `waiting` once and
    /// waits for it.
    pub fn acquire(output: &Path, waiting: impl FnOnce()) -> Result<OutputLock, WriteError> {
        let (parent, name) = parent_and_name(output);
        fs::create_dir_all(&parent).map_err(|e| WriteError::Io(parent.clone(), e))?;
        let path = if cfg!(unix) {
            parent.clone()
        } else {
            parent.join(format!(".{name}.lock"))
        };
        let io = |e| WriteError::Io(path.clone(), e);
        let file = if cfg!(unix) {
            fs::File::open(&path)
        } else {
            fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
        }
        .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                waiting();
                file.lock().map_err(io)?;
            }
            Err(fs::TryLockError::Error(e)) => return Err(io(e)),
        }
        Ok(OutputLock { _file: file })
    }
}

/// Puts back the site of a build that was killed between moving the output aside and moving
/// the new site in (possible only where the folders cannot be exchanged in one step): when
/// `output` is missing and a complete earlier site waits beside it, that site is moved back.
/// Returns the folder it came from. Then removes what killed builds left beside the output.
/// Call it holding the [`OutputLock`].
pub fn recover(output: &Path) -> Result<Option<PathBuf>, WriteError> {
    let (parent, name) = parent_and_name(output);
    let restored = restore(output, &parent, &name)?;
    remove_stale(&parent, &name);
    Ok(restored)
}

fn restore(output: &Path, parent: &Path, name: &str) -> Result<Option<PathBuf>, WriteError> {
    if output.exists() {
        return Ok(None);
    }
    let Ok(entries) = fs::read_dir(parent) else {
        return Ok(None);
    };
    let prefix = format!(".{name}.old-");
    let mut candidates: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .filter(|p| p.join(MARKER).is_file())
        .collect();
    candidates.sort();
    match candidates.pop() {
        Some(old) => {
            fs::rename(&old, output).map_err(|e| WriteError::Io(output.to_path_buf(), e))?;
            Ok(Some(old))
        }
        None => Ok(None),
    }
}

/// Exchanges the folders `a` and `b` in one step. `Ok(false)` where the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // The system call itself: the static (musl) build's C library has no `renameat2`.
    // SAFETY: both paths are NUL-terminated strings that live across the call.
    let result = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        return Ok(true);
    }
    let error = io::Error::last_os_error();
    match error.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP) => Ok(false),
        _ => Err(error),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Fault injection for tests: the process dies at the step of the swap named by
/// `BAOCAO_KILL_AT`, as a killed build would.
fn kill_point(step: &str) {
    if std::env::var("BAOCAO_KILL_AT").is_ok_and(|s| s == step) {
        std::process::abort();
    }
}

/// Takes the files of a site one at a time, from any thread, and compares each with the
/// output folder. Unless it only compares ([`Writer::compare`]), it writes the files into a
/// temporary folder beside the output, made when the first file differs, and
/// [`Writer::finish`] swaps that folder in: a build that fails before leaves the previous
/// output as it was. Files whose bytes did not change are carried over as hard links, so
/// they keep their modification times; when nothing changed, nothing is written at all.
pub struct Writer {
    output: PathBuf,
    mode: Mode,
    state: Mutex<State>,
    /// Asked before each file until it says yes; from then on every file is refused with
    /// [`WriteError::Stopped`].
    stop: Option<Box<dyn Fn() -> bool + Send + Sync>>,
    stopped: std::sync::atomic::AtomicBool,
    /// Fault injection for tests: writing this output path fails as a full disk would.
    fail_at: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Write to a temporary folder and swap it in.
    Stage,
    /// Only list what would change.
    Compare,
    /// Replace changed files in the folder itself, one at a time (the preview's private folder).
    InPlace,
}

#[derive(Default)]
struct State {
    /// The temporary folder, once a file differed.
    staging: Option<PathBuf>,
    /// Unchanged files seen before the temporary folder was made, to link into it then.
    unchanged: Vec<PathBuf>,
    added: Vec<String>,
    changed: Vec<String>,
    /// Every path taken, to tell which files of the output are gone.
    taken: BTreeSet<String>,
    bytes: u64,
}

impl Writer {
    /// A writer that will replace `output` (checked by [`check_output_dir`]).
    pub fn new(output: &Path) -> Self {
        Writer {
            output: output.to_path_buf(),
            mode: Mode::Stage,
            state: Mutex::default(),
            stop: None,
            stopped: Default::default(),
            fail_at: std::env::var("BAOCAO_FAIL_WRITING").ok(),
        }
    }

    /// A writer that only lists what writing would change in `output`.
    pub fn compare(output: &Path) -> Self {
        let mut writer = Writer::new(output);
        writer.mode = Mode::Compare;
        writer
    }

    /// A writer that replaces each changed file of `output` as it comes, each file atomically
    /// but not the folder as a whole, and writes no marker: for `serve`'s private folder, where
    /// the page being edited is to be shown before the rest is written.
    pub fn in_place(output: &Path) -> Self {
        let mut writer = Writer::new(output);
        writer.mode = Mode::InPlace;
        writer
    }

    /// The same writer, stopping as soon as `stop` says so: the files taken until then are
    /// written, the others refused. For [`Writer::in_place`], whose folder the next build
    /// brings up to date.
    pub fn stopping_when(mut self, stop: impl Fn() -> bool + Send + Sync + 'static) -> Self {
        self.stop = Some(Box::new(stop));
        self
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Takes one file of the site; `path` is relative to the output folder. Returns whether
    /// the file is new or its bytes differ from the output's.
    pub fn put(&self, path: &str, file: OutputFile) -> Result<bool, WriteError> {
        use std::sync::atomic::Ordering::Relaxed;
        if self.stopped.load(Relaxed) || self.stop.as_ref().is_some_and(|stop| stop()) {
            self.stopped.store(true, Relaxed);
            return Err(WriteError::Stopped);
        }
        let relative = safe_relative(path).ok_or_else(|| {
            WriteError::Io(
                self.output.join(path),
                io::Error::new(io::ErrorKind::InvalidInput, "path leaves the output folder"),
            )
        })?;
        let previous = self.output.join(&relative);
        // A static file is read once, to compare it and to write it.
        let bytes = match file {
            OutputFile::Bytes(bytes) => bytes,
            OutputFile::Copy(from) => fs::read(&from).map_err(|e| WriteError::Io(from, e))?,
        };
        let same = same_bytes(&previous, &bytes)?;
        let mut state = self.state();
        if !state.taken.insert(path.to_string()) {
            let twice = io::Error::new(
                io::ErrorKind::AlreadyExists,
                "two files of the site have this path",
            );
            return Err(WriteError::Io(previous, twice));
        }
        state.bytes += bytes.len() as u64;
        match same {
            Some(true) => {}
            Some(false) => state.changed.push(path.to_string()),
            None => state.added.push(path.to_string()),
        }
        let differs = same != Some(true);
        match self.mode {
            Mode::Compare => return Ok(differs),
            Mode::InPlace if !differs => return Ok(false),
            Mode::InPlace => {
                drop(state);
                return self.replace(&previous, &bytes).map(|()| true);
            }
            Mode::Stage => {}
        }
        let staging = match (&state.staging, same) {
            (None, Some(true)) => {
                state.unchanged.push(relative);
                return Ok(false);
            }
            (Some(staging), _) => staging.clone(),
            (None, _) => self.make_staging(&mut state)?,
        };
        drop(state);
        let target = staging.join(&relative);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder).map_err(|e| WriteError::Io(folder.to_path_buf(), e))?;
        }
        if !differs && fs::hard_link(&previous, &target).is_ok() {
            return Ok(false);
        }
        if self.fail_at.as_deref() == Some(path) {
            let injected = io::Error::other("injected failure (BAOCAO_FAIL_WRITING)");
            return Err(WriteError::Io(target, injected));
        }
        fs::write(&target, bytes).map_err(|e| WriteError::Io(target, e))?;
        Ok(differs)
    }

    /// Replaces the file at `target` through a temporary file beside it.
    fn replace(&self, target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
        let io = |e| WriteError::Io(target.to_path_buf(), e);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder).map_err(io)?;
        }
        let mut temporary = target.as_os_str().to_owned();
        temporary.push(".baocao-tmp");
        let temporary = PathBuf::from(temporary);
        fs::write(&temporary, bytes)
            .and_then(|()| fs::rename(&temporary, target))
            .map_err(io)
    }

    /// Makes the temporary folder and links into it the unchanged files seen so far.
    fn make_staging(&self, state: &mut State) -> Result<PathBuf, WriteError> {
        let (parent, name) = self.parent_and_name();
        fs::create_dir_all(&parent).map_err(|e| WriteError::Io(parent.clone(), e))?;
        remove_stale(&parent, &name);
        let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        fs::create_dir_all(&staging)
            .and_then(|()| fs::write(staging.join(STAGING_MARKER), ""))
            .map_err(|e| WriteError::Io(staging.clone(), e))?;
        state.staging = Some(staging.clone());
        for relative in std::mem::take(&mut state.unchanged) {
            let target = staging.join(&relative);
            if let Some(folder) = target.parent() {
                fs::create_dir_all(folder).map_err(|e| WriteError::Io(folder.to_path_buf(), e))?;
            }
            let previous = self.output.join(&relative);
            fs::hard_link(&previous, &target)
                .or_else(|_| fs::copy(&previous, &target).map(|_| ()))
                .map_err(|e| WriteError::Io(target, e))?;
        }
        Ok(staging)
    }

    fn parent_and_name(&self) -> (PathBuf, String) {
        parent_and_name(&self.output)
    }

    /// Lists the files of the output that no file of the site replaced.
    fn removed(&self, taken: &BTreeSet<String>) -> Result<Vec<String>, WriteError> {
        let mut removed = Vec::new();
        if !self.output.is_dir() {
            return Ok(removed);
        }
        for entry in walkdir::WalkDir::new(&self.output).sort_by_file_name() {
            let entry = entry.map_err(|e| WriteError::Io(self.output.clone(), e.into()))?;
            if entry.file_type().is_dir() {
                continue;
            }
            let relative = crate::paths::relative_path(&self.output, entry.path());
            if relative != MARKER && !taken.contains(&relative) {
                removed.push(relative);
            }
        }
        Ok(removed)
    }

    /// Ends the build: swaps the new site in place of the output (unless only comparing), with
    /// the marker holding `input`, the fingerprint of what the site was built from (see
    /// [`is_current`]). Returns what changed, paths sorted.
    pub fn finish(self, input: &str) -> Result<Changes, WriteError> {
        let removed = self.removed(&self.state().taken)?;
        let mut state = std::mem::take(&mut *self.state());
        let finished = self.finish_with(&mut state, removed, input);
        if let (Err(_), Some(staging)) = (&finished, &state.staging) {
            // Written but not swapped in: the previous output stays, the new files go.
            let _ = fs::remove_dir_all(staging);
        }
        finished
    }

    fn finish_with(
        &self,
        state: &mut State,
        removed: Vec<String>,
        input: &str,
    ) -> Result<Changes, WriteError> {
        let mut changes = Changes {
            added: std::mem::take(&mut state.added),
            changed: std::mem::take(&mut state.changed),
            removed,
        };
        changes.added.sort();
        changes.changed.sort();
        match self.mode {
            Mode::Compare => return Ok(changes),
            Mode::InPlace => {
                for path in &changes.removed {
                    let file = self.output.join(path);
                    fs::remove_file(&file).map_err(|e| WriteError::Io(file, e))?;
                }
                return Ok(changes);
            }
            Mode::Stage => {}
        }
        let marker = marker_text(state.taken.len(), state.bytes, input);
        let marker_path = self.output.join(MARKER);
        if marker_path.is_file() && changes.is_empty() {
            if fs::read_to_string(&marker_path).ok().as_deref() != Some(marker.as_str()) {
                // Only the fingerprint moved (say, a comment was edited): replace the marker alone.
                let fresh = self.output.join(format!("{MARKER}.tmp"));
                fs::write(&fresh, &marker)
                    .and_then(|()| fs::rename(&fresh, &marker_path))
                    .map_err(|e| WriteError::Io(marker_path.clone(), e))?;
            } else {
                // Every file was compared and found right (after a checkout, say, that gave
                // them newer times than the marker): mark the output as checked now.
                fs::File::options()
                    .write(true)
                    .open(&marker_path)
                    .and_then(|f| f.set_modified(std::time::SystemTime::now()))
                    .map_err(|e| WriteError::Io(marker_path.clone(), e))?;
            }
            return Ok(changes);
        }
        let staging = match state.staging.clone() {
            Some(staging) => staging,
            None => self.make_staging(state)?,
        };
        // A failure from here on removes the temporary folder (see `finish`).
        let marker_file = staging.join(MARKER);
        fs::write(&marker_file, &marker).map_err(|e| WriteError::Io(marker_file, e))?;
        let _ = fs::remove_file(staging.join(STAGING_MARKER));
        kill_point("before-swap");
        if self.output.exists() {
            // One step where the system can: the output is never missing.
            let exchanged = std::env::var_os("BAOCAO_NO_EXCHANGE").is_none()
                && exchange(&staging, &self.output)
                    .map_err(|e| WriteError::Io(self.output.clone(), e))?;
            if exchanged {
                kill_point("after-exchange");
                // The temporary folder now holds the previous site.
                fs::write(staging.join(STAGING_MARKER), "")
                    .and_then(|()| fs::remove_dir_all(&staging))
                    .map_err(|e| WriteError::Io(staging.clone(), e))?;
                return Ok(changes);
            }
        }
        let (parent, name) = self.parent_and_name();
        let old = parent.join(format!(".{name}.old-{}", std::process::id()));
        if self.output.exists() {
            fs::rename(&self.output, &old).map_err(|e| WriteError::Io(self.output.clone(), e))?;
        }
        kill_point("between-renames");
        if let Err(e) = fs::rename(&staging, &self.output) {
            if old.exists() {
                let _ = fs::rename(&old, &self.output);
            }
            return Err(WriteError::Io(self.output.clone(), e));
        }
        kill_point("after-renames");
        if old.exists() {
            fs::remove_dir_all(&old).map_err(|e| WriteError::Io(old.clone(), e))?;
        }
        Ok(changes)
    }
}

impl Drop for Writer {
    /// A writer dropped without [`Writer::finish`] (the build failed) removes its temporary folder.
    fn drop(&mut self) {
        if let Some(staging) = self.state().staging.take() {
            let _ = fs::remove_dir_all(staging);
        }
    }
}

/// The folder holding `output`, and `output`'s name.
fn parent_and_name(output: &Path) -> (PathBuf, String) {
    let parent = output.parent().unwrap_or(Path::new(".")).to_path_buf();
    let name = output
        .file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned());
    (parent, name)
}

/// Whether the file at `path` holds exactly `bytes`; `None` when there is no such file.
fn same_bytes(path: &Path, bytes: &[u8]) -> Result<Option<bool>, WriteError> {
    match fs::metadata(path) {
        Ok(meta) if meta.len() != bytes.len() as u64 => Ok(Some(false)),
        Ok(_) => match fs::read(path) {
            Ok(existing) => Ok(Some(existing == bytes)),
            Err(e) => Err(WriteError::Io(path.to_path_buf(), e)),
        },
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(WriteError::Io(path.to_path_buf(), e)),
    }
}

/// `path` as a relative path made only of normal components, or `None`.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let p = Path::new(path);
    p.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| p.to_path_buf())
}

/// Removes temporary folders left by builds that were killed: only folders baocao marked as
/// its own (a new site being written, or a previous site being replaced), never a folder of
/// the user's that happens to have a similar name.
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}.tmp-"), format!(".{name}.old-")];
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let ours = path.join(STAGING_MARKER).is_file() || path.join(MARKER).is_file();
        if prefixes.iter().any(|p| file_name.starts_with(p)) && ours {
            let _ = fs::remove_dir_all(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_folder_are_rejected() {
        assert!(safe_relative("communes/tuy-loc.html").is_some());
        assert!(safe_relative("../etc/passwd").is_none());
        assert!(safe_relative("/etc/passwd").is_none());
        assert!(safe_relative("a/../../b").is_none());
    }

    #[test]
    fn dangerous_output_folders_are_refused() {
        let root = std::env::temp_dir().join("baocao-refuse-test");
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(check_output_dir(&root, Path::new("/")).is_err());
        assert!(check_output_dir(&root, &root).is_err());
        assert!(check_output_dir(&root, &root.join("content")).is_err());
        assert!(check_output_dir(&root, &root.join("content/x")).is_err());
        assert!(check_output_dir(&root, &root.join("templates")).is_err());
        assert!(check_output_dir(&root, root.parent().unwrap()).is_err());
        assert!(check_output_dir(&root, &root.join("output")).is_ok());
        assert!(check_output_dir(&root, &root.join("content/../output")).is_ok());
    }

    #[test]
    fn a_writer_told_to_stop_refuses_the_files_after() {
        let dir = tempfile::tempdir().unwrap();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let told = stop.clone();
        let writer = Writer::in_place(dir.path())
            .stopping_when(move || told.load(std::sync::atomic::Ordering::SeqCst));
        let page = |text: &str| OutputFile::Bytes(text.as_bytes().to_vec());
        assert!(writer.put("communes/tuy-loc.html", page("saved")).unwrap());
        // The same bytes again, in the next build: nothing to write.
        let next = Writer::in_place(dir.path());
        assert!(!next.put("communes/tuy-loc.html", page("saved")).unwrap());
        stop.store(true, std::sync::atomic::Ordering::SeqCst);
        assert!(matches!(
            writer.put("index.html", page("rest")),
            Err(WriteError::Stopped)
        ));
        // Once stopped it stays stopped, whatever `stop` says next.
        stop.store(false, std::sync::atomic::Ordering::SeqCst);
        assert!(matches!(
            writer.put("campaign.html", page("rest")),
            Err(WriteError::Stopped)
        ));
        let written = fs::read_to_string(dir.path().join("communes/tuy-loc.html")).unwrap();
        assert_eq!(written, "saved");
        assert!(!dir.path().join("index.html").exists());
        assert!(!dir.path().join("campaign.html").exists());
    }
}
