//! Notices saved files. The operating system tells when something in `content/` or
//! `templates/` changed (through `notify`); the size and modification time of every file
//! then tell which files did. Where the system cannot tell (some network drives and
//! container volumes), the files are looked at a few times a second instead, and every
//! couple of seconds anyway, in case a change was not told.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use notify::{RecursiveMode, Watcher};

/// How often the files are looked at without a watcher, at least: a large project is looked
/// at less often, so that looking never takes more than a tenth of the time.
const POLL: Duration = Duration::from_millis(30);
/// How often the files are looked at with a watcher, in case it missed a change.
const SAFETY_POLL: Duration = Duration::from_secs(2);
/// How long after the last save the files must stay unchanged before a rebuild starts, so
/// that a burst of saves (a `git checkout`, an editor's backup copy) gives one rebuild.
const QUIET: Duration = Duration::from_millis(10);
/// The longest a rebuild waits for files that keep changing.
const MAX_WAIT: Duration = Duration::from_secs(1);

/// Size and modification time of every watched file, by path relative to the project.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Snapshot(BTreeMap<String, (u64, Option<SystemTime>)>);

/// Looks at every file below `root/content` and `root/templates`, skipping the files that
/// baocao skips too (hidden files and editor backups).
pub fn scan(root: &Path) -> Snapshot {
    let mut files = BTreeMap::new();
    for folder in ["content", "templates"] {
        let walker = walkdir::WalkDir::new(root.join(folder))
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !crate::paths::is_ignored(&e.file_name().to_string_lossy())
            });
        for entry in walker.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                continue;
            }
            let relative = crate::paths::relative_path(root, entry.path());
            files.insert(relative, (meta.len(), meta.modified().ok()));
        }
    }
    Snapshot(files)
}

impl Snapshot {
    /// The paths added, removed or changed since `before`.
    pub fn changed_since(&self, before: &Snapshot) -> Vec<String> {
        let mut paths: Vec<String> = self
            .0
            .iter()
            .filter(|(path, stamp)| before.0.get(*path) != Some(stamp))
            .map(|(path, _)| path.clone())
            .collect();
        paths.extend(
            before
                .0
                .keys()
                .filter(|p| !self.0.contains_key(*p))
                .cloned(),
        );
        paths.sort();
        paths
    }

    /// How long the files must still stay unchanged: `QUIET` after the newest modification
    /// time, or all of `QUIET` when that time lies in the future.
    fn quiet_left(&self) -> Duration {
        let Some(newest) = self.0.values().filter_map(|(_, t)| *t).max() else {
            return Duration::ZERO;
        };
        SystemTime::now()
            .duration_since(newest)
            .map_or(QUIET, |age| QUIET.saturating_sub(age))
    }
}

/// Watches `root` forever. After each burst of changes, calls `rebuild` with the changed paths
/// and the files as they were then; `saved_again` is set whenever the system reports a change
/// (also during a build). A rebuild that returns `false` stopped before the end: its changes
/// are given again to the next one.
pub fn watch(
    root: &Path,
    mut last: Snapshot,
    saved_again: Arc<AtomicBool>,
    mut rebuild: impl FnMut(&[String], &Snapshot) -> bool,
) -> ! {
    let (told, news) = mpsc::channel();
    let told_saved = saved_again.clone();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Opening a file or a folder changes nothing, and the scans below open every folder:
        // counting those would wake the watcher forever.
        if let Ok(event) = &event
            && event.kind.is_access()
        {
            return;
        }
        told_saved.store(true, Ordering::SeqCst);
        let _ = told.send(());
    })
    .ok();
    if let Some(w) = &mut watcher {
        // The root itself, to notice a `templates/` folder made later.
        let watched = w.watch(root, RecursiveMode::NonRecursive).is_ok()
            && w.watch(&root.join("content"), RecursiveMode::Recursive)
                .is_ok();
        if !watched {
            watcher = None;
        }
    }
    let mut templates_watched = false;
    let mut interval = POLL;
    loop {
        match &mut watcher {
            Some(w) => {
                if !templates_watched {
                    templates_watched = w
                        .watch(&root.join("templates"), RecursiveMode::Recursive)
                        .is_ok();
                }
                let _ = news.recv_timeout(interval.max(SAFETY_POLL));
                while news.try_recv().is_ok() {}
            }
            None => thread::sleep(interval),
        }
        let started = Instant::now();
        let mut current = scan(root);
        interval = POLL.max(started.elapsed() * 10);
        if current == last {
            continue;
        }
        while started.elapsed() < MAX_WAIT {
            let wait = current.quiet_left();
            if wait.is_zero() {
                // The newest save is already `QUIET` old: no need to look again.
                break;
            }
            thread::sleep(wait);
            // What the watcher tells from now on is seen by this look or comes next.
            while news.try_recv().is_ok() {}
            let again = scan(root);
            if again == current {
                break;
            }
            current = again;
        }
        saved_again.store(false, Ordering::SeqCst);
        if rebuild(&current.changed_since(&last), &current) {
            last = current;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sees_added_changed_and_removed_files_but_not_editor_files() {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path();
        std::fs::create_dir_all(root.join("content/communes")).unwrap();
        std::fs::write(root.join("content/site.yaml"), "a").unwrap();
        std::fs::write(root.join("content/communes/a.yaml"), "a").unwrap();
        let before = scan(root);
        std::fs::write(root.join("content/site.yaml"), "ab").unwrap();
        std::fs::remove_file(root.join("content/communes/a.yaml")).unwrap();
        std::fs::create_dir_all(root.join("templates")).unwrap();
        std::fs::write(root.join("templates/base.html"), "x").unwrap();
        std::fs::write(root.join("content/.site.yaml.swp"), "x").unwrap();
        std::fs::write(root.join("content/site.yaml~"), "x").unwrap();
        assert_eq!(
            scan(root).changed_since(&before),
            [
                "content/communes/a.yaml",
                "content/site.yaml",
                "templates/base.html"
            ]
        );
    }
}
