//! Writes the output folder atomically: everything goes into a temporary folder beside the
//! target, which replaces the target only when complete. A failed build leaves the previous
//! output exactly as it was.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A folder being filled; dropped without [`Staging::commit`], it is removed.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty temporary folder beside `target` (same file system, so the final rename
    /// is cheap and atomic).
    pub fn new(target: &Path) -> io::Result<Staging> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        let name = target
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let dir = parent.join(format!(".{name}.fouweb-tmp-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one file at `relative` (a `/`-separated path without `..`).
    pub fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        let path = crate::theme::safe_join(&self.dir, relative).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to write outside the output: {relative}"),
            )
        })?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    }

    /// Puts the finished folder in place of the target. The old output is moved aside first and
    /// deleted afterwards; if the swap fails it is moved back.
    pub fn commit(mut self) -> io::Result<()> {
        let old = self.dir.with_file_name(format!(
            ".{}.fouweb-old-{}",
            self.target
                .file_name()
                .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        let had_old = match fs::symlink_metadata(&self.target) {
            Ok(_) => {
                if old.exists() {
                    fs::remove_dir_all(&old)?;
                }
                fs::rename(&self.target, &old)?;
                true
            }
            Err(err) if err.kind() == io::ErrorKind::NotFound => false,
            Err(err) => return Err(err),
        };
        if let Err(err) = fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(err);
        }
        self.committed = true;
        if had_old {
            // The new site is in place; a leftover old copy is only untidy.
            let _ = fs::remove_dir_all(&old);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_discards() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("old.html"), "old").unwrap();

        let staging = Staging::new(&target).unwrap();
        staging.write("a/index.html", b"new").unwrap();
        drop(staging);
        assert!(target.join("old.html").exists());
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temporary folder removed"
        );

        let staging = Staging::new(&target).unwrap();
        staging.write("a/index.html", b"new").unwrap();
        assert!(staging.write("../escape", b"x").is_err());
        staging.commit().unwrap();
        assert!(!target.join("old.html").exists());
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).unwrap(),
            "new"
        );
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "old output removed"
        );
    }
}
