//! Watches the site's sources and turns bursts of file events into one [`ChangeSet`].
//!
//! Event kinds are not trusted (an atomic save is a create, a rename or a modify depending on
//! the editor): every path named is classified by where it is, and the workspace looks at the
//! disk to see whether it exists. Editor temp and backup files are ignored.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, EventKind};
use notify::RecursiveMode;

use super::Job;
use crate::content::is_report_path;
use crate::site::workspace::ChangeSet;

/// Folders watched recursively, when they exist (created later: noticed in the root).
const WATCHED: [&str; 5] = ["content", "templates", "static", "vocabulary", "themes"];
/// A burst ends after this long without events…
const QUIET: Duration = Duration::from_millis(8);
/// …or after this long in all (a `git checkout` of many files).
const LONGEST_BURST: Duration = Duration::from_millis(300);

pub struct SourceWatcher {
    _watcher: Arc<Mutex<Box<dyn notify::Watcher + Send>>>,
}

/// Starts watching `root` (absolute). Batches of changes are sent to `changes`.
pub fn start(root: &Path, poll: bool, changes: Sender<Job>) -> notify::Result<SourceWatcher> {
    let (events_tx, events_rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let watcher: Box<dyn notify::Watcher + Send> = if poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(250));
        Box::new(notify::PollWatcher::new(events_tx, config)?)
    } else {
        Box::new(notify::recommended_watcher(events_tx)?)
    };
    let watcher = Arc::new(Mutex::new(watcher));
    {
        let mut w = watcher
            .lock()
            .map_err(|_| notify::Error::generic("watcher lock poisoned"))?;
        w.watch(root, RecursiveMode::NonRecursive)?;
        for name in WATCHED {
            let dir = root.join(name);
            if dir.is_dir() {
                w.watch(&dir, RecursiveMode::Recursive)?;
            }
        }
    }
    let root = root.to_path_buf();
    let for_thread = Arc::clone(&watcher);
    std::thread::Builder::new()
        .name("fouweb-watch".into())
        .spawn(move || batch_events(&root, events_rx, changes, for_thread))
        .map_err(|e| notify::Error::generic(&e.to_string()))?;
    Ok(SourceWatcher { _watcher: watcher })
}

fn batch_events(
    root: &Path,
    events: Receiver<notify::Result<notify::Event>>,
    changes: Sender<Job>,
    watcher: Arc<Mutex<Box<dyn notify::Watcher + Send>>>,
) {
    while let Ok(first) = events.recv() {
        let started = Instant::now();
        let mut paths: Vec<PathBuf> = Vec::new();
        collect(first, &mut paths);
        loop {
            let left = LONGEST_BURST.saturating_sub(started.elapsed());
            if left.is_zero() {
                break;
            }
            match events.recv_timeout(QUIET.min(left)) {
                Ok(event) => collect(event, &mut paths),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let mut set = ChangeSet::default();
        for path in &paths {
            if newly_watched(root, path) {
                if let Ok(mut w) = watcher.lock() {
                    let _ = w.watch(path, RecursiveMode::Recursive);
                }
            }
            classify(root, path, &mut set);
        }
        if !set.is_empty() && changes.send(Job::Changes(set)).is_err() {
            return;
        }
    }
}

/// A folder to watch from now on: a watched folder created after the start (say,
/// templates/), or a link to a folder inside the site added under one (the system does not
/// follow a new link by itself, and edits inside it must be seen as in any other folder).
fn newly_watched(root: &Path, path: &Path) -> bool {
    if !path.is_dir() {
        return false;
    }
    let top_level = path.parent() == Some(root)
        && path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|name| WATCHED.contains(&name));
    let linked = path.is_symlink()
        && path.strip_prefix(root).is_ok_and(|relative| {
            relative
                .components()
                .next()
                .and_then(|c| c.as_os_str().to_str())
                .is_some_and(|first| WATCHED.contains(&first))
        })
        && crate::links::inside(&crate::links::resolved_root(root), path);
    top_level || linked
}

fn collect(event: notify::Result<notify::Event>, paths: &mut Vec<PathBuf>) {
    let Ok(event) = event else { return };
    if matches!(
        event.kind,
        EventKind::Access(AccessKind::Open(_) | AccessKind::Read | AccessKind::Any)
    ) {
        return;
    }
    paths.extend(event.paths);
}

/// Adds what a change at `path` means to `set`.
pub fn classify(root: &Path, path: &Path, set: &mut ChangeSet) {
    let Ok(relative) = path.strip_prefix(root) else {
        return;
    };
    let mut parts = relative.components();
    let Some(Component::Normal(first)) = parts.next() else {
        return;
    };
    // A path through a link leaving the site is no part of it (crate::links); a vanished one
    // cannot be resolved, and the workspace looks at the disk.
    if path.exists() && !crate::links::inside(&crate::links::resolved_root(root), path) {
        return;
    }
    let rest: PathBuf = parts.collect();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    match first.to_str() {
        Some("content") if rest.as_os_str().is_empty() => set.rescan_content = true,
        // Which files are reports is the loader's rule, the same for serve and build.
        Some("content") if is_report_path(&rest) => {
            set.reports.insert(path.to_path_buf());
        }
        Some("content") => {
            // A folder moved, created or deleted (a vanished path may have been a folder,
            // whatever its name): its reports have no events of their own.
            let folder = path.is_dir() || !path.exists() || path.extension().is_none();
            if folder && !is_editor_scratch(&name) {
                set.rescan_content = true;
            }
        }
        _ if is_editor_scratch(&name) => {}
        Some("templates" | "themes") => set.templates = true,
        Some("static") => set.static_files = true,
        Some("vocabulary") => set.everything = true,
        Some("site.yaml" | "site.yml") if rest.as_os_str().is_empty() => set.everything = true,
        _ => {}
    }
}

/// Temp and backup files editors write beside the real one.
fn is_editor_scratch(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913" // vim's probe for a writable folder
        || [
            ".swp",
            ".swx",
            ".swo",
            ".tmp",
            ".bck",
            ".bak",
            ".orig",
            ".crswap",
            "___jb_tmp___",
            "___jb_old___",
        ]
        .iter()
        .any(|suffix| name.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(paths: &[&str]) -> ChangeSet {
        let root = Path::new("/site");
        let mut set = ChangeSet::default();
        for p in paths {
            classify(root, &root.join(p), &mut set);
        }
        set
    }

    #[test]
    fn editor_scratch_files_are_ignored() {
        let set = changes(&[
            "content/.a.md.swp",
            "content/a.md~",
            "content/#a.md#",
            "content/.#a.md",
            "content/a.md___jb_tmp___",
            "content/a.md.bck",
            "content/4913",
            "templates/.base.html.swp",
            "site.yaml~",
        ]);
        assert_eq!(set, ChangeSet::default());
    }

    #[test]
    fn a_report_is_what_the_loader_calls_one_whatever_its_name() {
        // Names that look like an editor's scratch files but are reports to the loader.
        let set = changes(&["content/#1-rapport.md", "content/rapport~x.md"]);
        assert_eq!(set.reports.len(), 2, "{set:?}");
    }

    #[test]
    fn a_vanished_path_with_a_dot_may_have_been_a_folder() {
        // /site does not exist here: every path has vanished.
        assert!(changes(&["content/arkiv.2016"]).rescan_content);
        assert!(!changes(&["content/.a.md.swp"]).rescan_content);
    }

    #[test]
    fn paths_are_classified_by_folder() {
        let set = changes(&[
            "content/2015/a.md",
            "content/_utkast/b.md",
            "public/index.html",
        ]);
        assert_eq!(
            set.reports.iter().collect::<Vec<_>>(),
            [Path::new("/site/content/2015/a.md")]
        );
        assert!(!set.everything && !set.templates);
        assert!(changes(&["site.yaml"]).everything);
        assert!(changes(&["vocabulary/methods.yaml"]).everything);
        assert!(changes(&["templates/base.html"]).templates);
        assert!(changes(&["static/style.css"]).static_files);
        assert!(changes(&["content/ny-mapp"]).rescan_content);
    }
}
