//! Phase 5, **write**: put the rendered site in place atomically. Everything is written to a
//! temporary folder beside the output and swapped in only when all of it was written, so a
//! failed build leaves the previous output as it was.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::render::{OutputFile, Site};

/// Why the output folder cannot be used or written.
#[derive(Debug)]
pub enum WriteError {
    /// The folder would overwrite the project or the system.
    Refused(PathBuf, &'static str),
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Refused(path, why) => {
                write!(f, "refusing to write the site to {}: {why}", path.display())
            }
            WriteError::Io(path, e) => write!(f, "cannot write {}: {e}", path.display()),
        }
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
            return refuse("it is a symbolic link; give the real folder instead");
        }
        if !meta.is_dir() {
            return refuse("it is a file, not a folder");
        }
        let empty = fs::read_dir(output)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !output.join(MARKER).is_file() {
            return refuse(
                "it holds files that baocao did not write, and a build replaces everything in it; \
                 choose a new or empty folder",
            );
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
        return refuse("it is the root of the file system");
    }
    if root.starts_with(&output) {
        return refuse("it is the project folder or contains it; use a folder such as `output/`");
    }
    for protected in ["content", "templates"] {
        if output.starts_with(root.join(protected)) {
            return refuse(
                "it is inside the project's content or templates; use a folder such as `output/`",
            );
        }
    }
    Ok(output)
}

/// The file that marks a folder as written by baocao, so that a build never replaces a folder
/// holding other files.
pub const MARKER: &str = ".baocao-output";

/// The marker's text: what it is for, the fingerprint of the input the site was built from,
/// and how many files and bytes the site holds (to notice files removed or changed by hand).
fn marker_text(site: &Site, input: &str) -> String {
    let bytes: u64 = site
        .files
        .values()
        .map(|f| match f {
            OutputFile::Bytes(b) => b.len() as u64,
            OutputFile::Copy(from) => fs::metadata(from).map_or(0, |m| m.len()),
        })
        .sum();
    format!(
        "This folder is written by `baocao build`: each build replaces all of it.\ninput: {input}\nfiles: {} bytes: {bytes}\n",
        site.files.len()
    )
}

/// Whether `output` holds a complete site built from the input with this fingerprint, so
/// that a build can skip rendering. Checks the marker and the number and size of the files.
pub fn is_current(output: &Path, input: &str) -> bool {
    let Ok(marker) = fs::read_to_string(output.join(MARKER)) else {
        return false;
    };
    let mut lines = marker.lines().skip(1);
    if lines.next() != Some(&format!("input: {input}")) {
        return false;
    }
    let (mut files, mut bytes) = (0usize, 0u64);
    for entry in walkdir::WalkDir::new(output).into_iter().flatten() {
        if entry.file_type().is_file() && entry.file_name() != MARKER {
            files += 1;
            bytes += entry.metadata().map_or(0, |m| m.len());
        }
    }
    lines.next() == Some(&format!("files: {files} bytes: {bytes}"))
}

/// Lists the files that writing `site` would add, change or remove in `output`.
pub fn changes(site: &Site, output: &Path) -> Result<Changes, WriteError> {
    let mut changes = Changes::default();
    for (path, file) in &site.files {
        let target = output.join(path);
        match fs::read(&target) {
            Ok(existing) => {
                let same = match file {
                    OutputFile::Bytes(bytes) => existing == *bytes,
                    OutputFile::Copy(from) => {
                        fs::read(from).map_err(|e| WriteError::Io(from.clone(), e))? == existing
                    }
                };
                if !same {
                    changes.changed.push(path.clone());
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => changes.added.push(path.clone()),
            Err(e) => return Err(WriteError::Io(target, e)),
        }
    }
    if output.is_dir() {
        for entry in walkdir::WalkDir::new(output).sort_by_file_name() {
            let entry = entry.map_err(|e| WriteError::Io(output.to_path_buf(), e.into()))?;
            if entry.file_type().is_dir() {
                continue;
            }
            let relative = crate::load::relative_path(output, entry.path());
            if relative != MARKER && !site.files.contains_key(&relative) {
                changes.removed.push(relative);
            }
        }
    }
    Ok(changes)
}

/// Writes `site` to `output` through a temporary folder, then swaps it in. Files whose bytes
/// did not change are carried over as hard links, so they keep their modification times; when
/// nothing changed, nothing is written at all. Returns what changed.
/// `input` is the fingerprint of what the site was built from (see [`is_current`]).
pub fn write(site: &Site, output: &Path, input: &str) -> Result<Changes, WriteError> {
    let changes = changes(site, output)?;
    let marker = marker_text(site, input);
    let marker_path = output.join(MARKER);
    if marker_path.is_file() && changes.is_empty() {
        if fs::read_to_string(&marker_path).ok().as_deref() != Some(marker.as_str()) {
            // Only the fingerprint moved (say, a comment was edited): replace the marker alone.
            let fresh = output.join(format!("{MARKER}.tmp"));
            fs::write(&fresh, &marker)
                .and_then(|()| fs::rename(&fresh, &marker_path))
                .map_err(|e| WriteError::Io(marker_path.clone(), e))?;
        }
        return Ok(changes);
    }
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |e| WriteError::Io(p, e)
    };
    let parent = output.parent().unwrap_or(Path::new("."));
    let name = output
        .file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned());
    fs::create_dir_all(parent).map_err(io(parent))?;
    remove_stale(parent, &name);
    let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    if let Err(e) = fill(site, &staging, output, &changes, &marker) {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if output.exists() {
        fs::rename(output, &old).map_err(|e| {
            let _ = fs::remove_dir_all(&staging);
            WriteError::Io(output.to_path_buf(), e)
        })?;
    }
    if let Err(e) = fs::rename(&staging, output) {
        if old.exists() {
            let _ = fs::rename(&old, output);
        }
        let _ = fs::remove_dir_all(&staging);
        return Err(WriteError::Io(output.to_path_buf(), e));
    }
    if old.exists() {
        fs::remove_dir_all(&old).map_err(io(&old))?;
    }
    Ok(changes)
}

/// Writes every file of `site` below `dir`, linking the unchanged ones from `previous`.
fn fill(
    site: &Site,
    dir: &Path,
    previous: &Path,
    changes: &Changes,
    marker: &str,
) -> Result<(), WriteError> {
    fs::create_dir_all(dir).map_err(|e| WriteError::Io(dir.to_path_buf(), e))?;
    fs::write(dir.join(MARKER), marker).map_err(|e| WriteError::Io(dir.join(MARKER), e))?;
    let fresh: std::collections::BTreeSet<&String> =
        changes.added.iter().chain(&changes.changed).collect();
    // Fault injection for tests: writing this output path fails as a full disk would.
    let fail_at = std::env::var("BAOCAO_FAIL_WRITING").ok();
    for (path, file) in &site.files {
        let relative = safe_relative(path).ok_or_else(|| {
            WriteError::Io(
                dir.join(path),
                io::Error::new(io::ErrorKind::InvalidInput, "path leaves the output folder"),
            )
        })?;
        let target = dir.join(&relative);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder).map_err(|e| WriteError::Io(folder.to_path_buf(), e))?;
        }
        if !fresh.contains(path) && fs::hard_link(previous.join(&relative), &target).is_ok() {
            continue;
        }
        if fail_at.as_deref() == Some(path.as_str()) {
            let injected = io::Error::other("injected failure (BAOCAO_FAIL_WRITING)");
            return Err(WriteError::Io(target, injected));
        }
        match file {
            OutputFile::Bytes(bytes) => fs::write(&target, bytes),
            OutputFile::Copy(from) => fs::copy(from, &target).map(|_| ()),
        }
        .map_err(|e| WriteError::Io(target.clone(), e))?;
    }
    Ok(())
}

/// `path` as a relative path made only of normal components, or `None`.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let p = Path::new(path);
    p.components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| p.to_path_buf())
}

/// Removes temporary folders left by builds that were killed.
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}.tmp-"), format!(".{name}.old-")];
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| file_name.starts_with(p)) {
            let _ = fs::remove_dir_all(entry.path());
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
}
