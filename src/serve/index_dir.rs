//! Where the dev server keeps its search index: `.fouweb/serve-index-<pid>` in the site (the
//! folder fouweb keeps its own files in), removed when the server stops. A server killed
//! without the chance to clean up leaves its folder behind, so each server removes, before
//! making its own, the folders of that name whose process no longer runs (as `/proc` tells;
//! on systems without it, none). Nothing else is touched.

use std::path::{Path, PathBuf};

const PREFIX: &str = "serve-index-";

/// The folder, removed when dropped.
pub struct IndexDir(PathBuf);

impl IndexDir {
    /// A fresh, empty folder for this process in the site's `.fouweb/`, or in the system's
    /// temporary folder when the site cannot be written to.
    pub fn create(root: &Path) -> std::io::Result<IndexDir> {
        IndexDir::create_in(&root.join(".fouweb"))
            .or_else(|_| IndexDir::create_in(&std::env::temp_dir().join("fouweb")))
    }

    fn create_in(parent: &Path) -> std::io::Result<IndexDir> {
        std::fs::create_dir_all(parent)?;
        remove_abandoned(parent);
        let dir = parent.join(format!("{PREFIX}{}", std::process::id()));
        // Left by an earlier process that had this number.
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir(&dir)?;
        Ok(IndexDir(dir))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for IndexDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Removes the index folders in `parent` of servers that no longer run.
fn remove_abandoned(parent: &Path) {
    let processes = Path::new("/proc");
    if !processes.is_dir() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(PREFIX))
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !processes.join(pid.to_string()).exists() {
            // Removes a link by that name, never what it points to.
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_of_servers_that_no_longer_run_are_removed_and_nothing_else() {
        let site = tempfile::tempdir().unwrap();
        let parent = site.path().join(".fouweb");
        // A process number beyond the kernel's largest: no such process runs.
        let abandoned = parent.join(format!("{PREFIX}4294967295"));
        let running = parent.join(format!("{PREFIX}1"));
        let others = [parent.join("index"), parent.join(format!("{PREFIX}x"))];
        for dir in others.iter().chain([&abandoned, &running]) {
            std::fs::create_dir_all(dir.join("segment")).unwrap();
        }
        let ours = IndexDir::create(site.path()).unwrap();
        assert!(ours.path().is_dir());
        assert_eq!(std::fs::read_dir(ours.path()).unwrap().count(), 0);
        if Path::new("/proc").is_dir() {
            assert!(!abandoned.exists());
        }
        assert!(running.exists() && others.iter().all(|d| d.exists()));
        let path = ours.path().to_path_buf();
        drop(ours);
        assert!(!path.exists(), "removed when the server stops");
    }
}
