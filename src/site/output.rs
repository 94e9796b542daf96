//! Writes the output folder atomically and removes only what fouweb wrote itself.
//!
//! Everything goes into a staging folder beside the target, which replaces the target only
//! when complete: a failed build leaves the previous output exactly as it was.
//!
//! The staging folder is the previous generation of the output, kept beside it as
//! `.<name>.fouweb-spare`: files are overwritten in place and stale ones removed, so a rebuild
//! creates and deletes almost no files or folders. On file systems where creating inodes is slow
//! (ext4 shortly after many deletions) this halves the time of a rebuild.
//!
//! Because a spare loses its stale files, only folders fouweb made may become one. Every
//! folder fouweb writes carries the [`MARKER`] file; a non-empty folder without it (the user's
//! own) is neither replaced nor reused unless the caller adopts it (`--force`).

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The file that marks a folder as fouweb's output. It is deployed with the site, so it is tiny.
pub const MARKER: &str = ".fouweb-output";

const MARKER_TEXT: &str =
    "This folder is written by fouweb (`fouweb build`), which replaces it on every build.\n";

/// What is at a path where an output folder or its spare goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Missing,
    /// A folder with nothing in it: nothing to lose.
    Empty,
    /// A folder with fouweb's [`MARKER`].
    Fouweb,
    /// A non-empty folder without the marker: someone else's files.
    Other,
    /// A file or a symbolic link, not a folder.
    NotAFolder,
}

/// Who `dir` belongs to (symbolic links are not followed).
pub fn owner(dir: &Path) -> io::Result<Owner> {
    let meta = match fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Owner::Missing),
        Err(err) => return Err(err),
    };
    if !meta.is_dir() {
        return Ok(Owner::NotAFolder);
    }
    if fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file()) {
        return Ok(Owner::Fouweb);
    }
    Ok(if fs::read_dir(dir)?.next().is_none() {
        Owner::Empty
    } else {
        Owner::Other
    })
}

/// A folder being filled; dropped without [`Staging::commit`], a fresh one is removed and a
/// reused spare is left for the next build.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// Paths written so far, when `dir` is a reused spare that may hold stale files.
    written: Option<Mutex<HashSet<String>>>,
    committed: bool,
}

fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.fouweb-{suffix}"))
}

/// Removes a leftover of an earlier run at a path whose name only fouweb uses.
fn remove_leftover(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(err),
    }
}

fn refused(path: &Path, what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{} {what}", path.display()),
    )
}

impl Staging {
    /// Prepares the staging folder beside `target` (same file system, so the final rename is
    /// cheap and atomic): the spare from the previous build when fouweb made it, else a new one.
    ///
    /// `target` must be missing, empty or fouweb's; with `adopt` (the user's consent, or an
    /// output of an older fouweb that wrote no marker) a non-empty folder without the marker is
    /// replaced too, and a spare without it reused.
    pub fn new(target: &Path, adopt: bool) -> io::Result<Staging> {
        let target = if target.parent().is_some_and(|p| !p.as_os_str().is_empty()) {
            target.to_path_buf()
        } else {
            Path::new(".").join(target)
        };
        match owner(&target)? {
            Owner::NotAFolder => return Err(refused(&target, "is not a folder")),
            Owner::Other if !adopt => {
                return Err(refused(&target, "holds files fouweb did not write"))
            }
            _ => {}
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        let spare = sibling(&target, "spare");
        let reuse = match owner(&spare)? {
            Owner::Fouweb | Owner::Empty => true,
            Owner::Other => adopt,
            Owner::Missing | Owner::NotAFolder => false,
        };
        let staging = if reuse {
            Staging {
                dir: spare,
                target,
                written: Some(Mutex::default()),
                committed: false,
            }
        } else {
            let dir = sibling(&target, &format!("tmp-{}", std::process::id()));
            remove_leftover(&dir)?;
            fs::create_dir(&dir)?;
            Staging {
                dir,
                target,
                written: None,
                committed: false,
            }
        };
        // Marked from the start, so that even a failed build leaves only marked folders.
        staging.write(MARKER, MARKER_TEXT.as_bytes())?;
        Ok(staging)
    }

    /// Writes one file at `relative` (a `/`-separated path without `..`).
    pub fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        let path = crate::theme::safe_join(&self.dir, relative).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the output: {relative}"),
            )
        })?;
        let result = match fs::write(&path, bytes) {
            Err(err)
                if err.kind() == io::ErrorKind::NotFound
                    || err.kind() == io::ErrorKind::NotADirectory =>
            {
                if let Some(parent) = path.parent() {
                    if parent.is_file() {
                        fs::remove_file(parent)?; // a file where a folder now goes
                    }
                    fs::create_dir_all(parent)?;
                }
                fs::write(&path, bytes)
            }
            // A folder where a file now goes (a spare from an older layout).
            Err(_) if path.is_dir() => {
                fs::remove_dir_all(&path).and_then(|()| fs::write(&path, bytes))
            }
            other => other,
        };
        if let Some(written) = &self.written {
            if let Ok(mut w) = written.lock() {
                w.insert(relative.to_string());
            }
        }
        result
    }

    /// Keeps the file already at `relative` in a reused spare when it has `size` bytes, as if
    /// written anew; for files named by a hash of their content, where that means the same
    /// content. False when there is no such file (write it then).
    pub fn keep(&self, relative: &str, size: u64) -> bool {
        let Some(written) = &self.written else {
            return false;
        };
        let Some(path) = crate::theme::safe_join(&self.dir, relative) else {
            return false;
        };
        let same = fs::symlink_metadata(&path).is_ok_and(|m| m.is_file() && m.len() == size);
        if same {
            if let Ok(mut w) = written.lock() {
                w.insert(relative.to_string());
            }
        }
        same
    }

    /// Puts the finished folder in place of the target; the old output becomes the next spare.
    /// If the swap fails, the old output is moved back.
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(written) = self.written.take() {
            // A poisoned lock still holds every path written: an empty set would remove them all.
            let written = written
                .into_inner()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            remove_stale(&self.dir, &written)?;
        }
        let old = sibling(&self.target, &format!("old-{}", std::process::id()));
        let had_old = match fs::symlink_metadata(&self.target) {
            Ok(_) => {
                remove_leftover(&old)?;
                fs::rename(&self.target, &old)?;
                true
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => false,
            Err(err) => return Err(err),
        };
        if let Err(err) = fs::rename(&self.dir, &self.target) {
            if had_old {
                // Best effort: the swap's own error is the one to report.
                let _ = fs::rename(&old, &self.target);
            }
            return Err(err);
        }
        self.committed = true;
        if had_old {
            // The old output was fouweb's, empty or adopted by the caller (`new` refused anything
            // else), so it may be marked and kept as the next build's staging folder. The rename
            // fails when something that is not fouweb's sits at the spare's place (it is left
            // alone); the old output is then only a leftover to delete.
            let kept = fs::write(old.join(MARKER), MARKER_TEXT)
                .and_then(|()| fs::rename(&old, sibling(&self.target, "spare")));
            if kept.is_err() {
                // The new output is in place; a leftover is removed by the next build.
                let _ = fs::remove_dir_all(&old);
            }
        }
        Ok(())
    }
}

/// Deletes every file under `dir` that is not in `keep`, and folders left empty.
fn remove_stale(dir: &Path, keep: &HashSet<String>) -> io::Result<()> {
    let mut folders = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1).contents_first(true) {
        let entry = entry.map_err(io::Error::other)?;
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let relative = relative.to_string_lossy().replace('\\', "/");
        if entry.file_type().is_dir() {
            folders.push(entry.into_path());
        } else if !keep.contains(&relative) {
            fs::remove_file(entry.path())?;
        }
    }
    for folder in folders {
        // Fails (harmlessly) for folders that still hold files.
        let _ = fs::remove_dir(folder);
    }
    Ok(())
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed && self.written.is_none() {
            // Nothing to report from a drop; a leftover is removed by the next build.
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut n: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    }

    fn build(target: &Path, files: &[(&str, &str)]) {
        let staging = Staging::new(target, false).unwrap();
        for (path, text) in files {
            staging.write(path, text.as_bytes()).unwrap();
        }
        staging.commit().unwrap();
    }

    #[test]
    fn commit_replaces_and_drop_discards() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        build(&target, &[("old.html", "old")]);

        let staging = Staging::new(&target, false).unwrap();
        staging.write("a/index.html", b"new").unwrap();
        drop(staging);
        assert!(target.join("old.html").exists());
        assert_eq!(names(dir.path()), ["public"], "temporary folder removed");

        let staging = Staging::new(&target, false).unwrap();
        staging.write("a/index.html", b"new").unwrap();
        assert!(staging.write("../escape", b"x").is_err());
        staging.commit().unwrap();
        assert_eq!(names(&target), [MARKER, "a"]);
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).unwrap(),
            "new"
        );
        assert_eq!(
            names(dir.path()),
            [".public.fouweb-spare", "public"],
            "old output kept as spare"
        );
        assert_eq!(
            names(&dir.path().join(".public.fouweb-spare")),
            [MARKER, "old.html"]
        );
    }

    #[test]
    fn a_fresh_staging_folder_is_removed_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let staging = Staging::new(&target, false).unwrap();
        staging.write("index.html", b"x").unwrap();
        drop(staging);
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn a_reused_spare_loses_its_stale_files_but_not_its_marker() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        for generation in ["one", "two", "three"] {
            build(
                &target,
                &[
                    (&format!("{generation}/index.html"), generation),
                    ("index.html", generation),
                ],
            );
            let mut expected = vec![
                MARKER.to_string(),
                generation.to_string(),
                "index.html".to_string(),
            ];
            expected.sort();
            assert_eq!(names(&target), expected);
            assert_eq!(
                fs::read_to_string(target.join("index.html")).unwrap(),
                generation
            );
        }
        assert_eq!(owner(&target).unwrap(), Owner::Fouweb);
        // A failed build into the spare leaves the output alone.
        let staging = Staging::new(&target, false).unwrap();
        staging.write("index.html", b"broken").unwrap();
        drop(staging);
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "three"
        );
    }

    #[test]
    fn owners() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out");
        assert_eq!(owner(&path).unwrap(), Owner::Missing);
        fs::create_dir(&path).unwrap();
        assert_eq!(owner(&path).unwrap(), Owner::Empty);
        fs::write(path.join("avtal.txt"), "x").unwrap();
        assert_eq!(owner(&path).unwrap(), Owner::Other);
        fs::create_dir(path.join(MARKER)).unwrap();
        assert_eq!(owner(&path).unwrap(), Owner::Other, "the marker is a file");
        fs::remove_dir(path.join(MARKER)).unwrap();
        fs::write(path.join(MARKER), MARKER_TEXT).unwrap();
        assert_eq!(owner(&path).unwrap(), Owner::Fouweb);
        assert_eq!(owner(&path.join("avtal.txt")).unwrap(), Owner::NotAFolder);
    }

    #[test]
    fn a_folder_fouweb_did_not_write_is_replaced_only_when_adopted() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("docs");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("avtal.txt"), "mine").unwrap();
        assert!(Staging::new(&target, false).is_err());
        assert_eq!(names(dir.path()), ["docs"], "nothing written");
        assert_eq!(names(&target), ["avtal.txt"]);

        let staging = Staging::new(&target, true).unwrap();
        staging.write("index.html", b"site").unwrap();
        staging.commit().unwrap();
        assert_eq!(names(&target), [MARKER, "index.html"]);
        // The replaced folder is the next build's spare, marked as fouweb's now.
        let spare = dir.path().join(".docs.fouweb-spare");
        assert_eq!(names(&spare), [MARKER, "avtal.txt"]);
        build(&target, &[("index.html", "again")]);
        assert_eq!(names(&target), [MARKER, "index.html"]);
    }

    #[test]
    fn a_spare_fouweb_did_not_mark_is_neither_reused_nor_emptied() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let spare = dir.path().join(".public.fouweb-spare");
        fs::create_dir(&spare).unwrap();
        fs::write(spare.join("avtal.txt"), "mine").unwrap();
        for generation in ["one", "two"] {
            build(&target, &[("index.html", generation)]);
            assert_eq!(names(&target), [MARKER, "index.html"]);
            assert_eq!(names(&spare), ["avtal.txt"]);
        }
        assert_eq!(names(dir.path()), [".public.fouweb-spare", "public"]);
    }

    #[test]
    fn empty_folders_are_fine_and_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        fs::create_dir(&target).unwrap();
        build(&target, &[("index.html", "x")]);
        assert_eq!(names(&target), [MARKER, "index.html"]);

        let file = dir.path().join("file");
        fs::write(&file, "mine").unwrap();
        assert!(Staging::new(&file, true).is_err());
        assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
    }
}
