//! Paths as baocao shows and keys them (relative, `/` separators), and the files it never
//! reads: a leaf shared by loading, writing and the preview server.

use std::path::Path;

/// Hidden files and the backup or swap files of common editors, which baocao never reads.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

/// `path` relative to `root`, with `/` separators, as paths are shown and keyed everywhere.
pub fn relative_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_are_ignored() {
        assert!(is_ignored(".DS_Store"));
        assert!(is_ignored("tuy-loc.yaml~"));
        assert!(is_ignored("#tuy-loc.yaml#"));
        assert!(is_ignored(".tuy-loc.yaml.swp"));
        assert!(!is_ignored("tuy-loc.yaml"));
    }
}
