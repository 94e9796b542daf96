//! Which folder may be the output. fouweb only ever removes what it wrote itself: the output
//! folder is replaced on every build, so it must neither be nor hold the site's own files, and
//! an existing folder there must be one fouweb wrote (it has the [`MARKER`] file) unless the
//! user consents with `--force`.

use std::path::{Component, Path, PathBuf};

use super::output::{owner, Owner, MARKER};
use crate::diagnostics::Diagnostic;

/// The parts of a site folder that the output may not be, contain or lie inside.
const SITE_PARTS: &[&str] = &[
    "content",
    "templates",
    "static",
    "vocabulary",
    "themes",
    ".fouweb",
    "site.yaml",
];

/// An output folder that may be written.
#[derive(Debug)]
pub struct Checked {
    /// The folder's real path (symbolic links resolved); the staging folder goes beside it.
    pub path: PathBuf,
    /// A folder there without fouweb's marker may be replaced (and its spare reused).
    pub adopt: bool,
}

/// Checks that `output` may be replaced by a build of the site at `root`. Writes nothing.
pub fn check(root: &Path, output: &Path, force: bool) -> Result<Checked, Diagnostic> {
    let path = resolve(output);
    let site = resolve(root);
    let choose = "fouweb replaces the output folder on every build: choose a folder of its own, \
                  such as the default `public/` in the site folder";
    let relation = if path == site {
        Some("is the site folder itself".to_string())
    } else if site.starts_with(&path) {
        Some("contains the site folder".to_string())
    } else {
        SITE_PARTS.iter().find_map(|part| {
            let protected = resolve(&root.join(part));
            let shown = if part.contains('.') && !part.starts_with('.') {
                format!("`{part}`")
            } else {
                format!("`{part}/` folder")
            };
            if path == protected {
                Some(format!("is the site's {shown}"))
            } else if protected.starts_with(&path) {
                Some(format!("contains the site's {shown}"))
            } else if path.starts_with(&protected) {
                Some(format!("lies inside the site's {shown}"))
            } else {
                None
            }
        })
    };
    if let Some(relation) = relation {
        return Err(
            Diagnostic::error(output, format!("the output folder {relation}")).with_hint(choose),
        );
    }
    let adopt = match owner(&path) {
        Err(err) => {
            return Err(
                Diagnostic::error(output, format!("cannot read the output folder: {err}"))
                    .with_hint("check the permissions of the output folder and its parent"),
            )
        }
        Ok(Owner::NotAFolder) => {
            return Err(
                Diagnostic::error(output, "the output is a file, not a folder")
                    .with_hint("remove the file or choose another output folder"),
            )
        }
        Ok(Owner::Other) if force => true,
        Ok(Owner::Other) if older_fouweb_output(root, &path) => true,
        Ok(Owner::Other) => {
            let older = if path == resolve(&root.join("public")) {
                "; if an older fouweb built it (they did not mark their folders), `--force` once is enough"
            } else {
                ""
            };
            return Err(Diagnostic::error(
                output,
                format!("the output folder holds files that fouweb did not write (it has no `{MARKER}` file)"),
            )
            .with_hint(format!(
                "fouweb replaces the output folder on every build, which would delete these files: \
                 choose a new or empty folder, or pass `--force` to replace this one{older}"
            )));
        }
        Ok(Owner::Missing | Owner::Empty | Owner::Fouweb) => false,
    };
    Ok(Checked { path, adopt })
}

/// True for the default output of a site built by a fouweb older than the marker: `public/`
/// in the site folder, holding the open data every fouweb site has, beside the `.fouweb/`
/// cache or the spare that only fouweb makes. Such a folder is replaced without `--force`,
/// so that upgrading fouweb does not break a working `fouweb build`.
fn older_fouweb_output(root: &Path, path: &Path) -> bool {
    path == resolve(&root.join("public"))
        && path.join("data").join("reports.json").is_file()
        && (root.join(".fouweb").is_dir() || root.join(".public.fouweb-spare").is_dir())
}

/// `path` made absolute with every symbolic link resolved, `.` and `..` applied and trailing
/// slashes dropped, for paths that do not exist (yet) too: the part that exists is resolved
/// on disk, the rest by its names.
pub fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut resolved = PathBuf::new();
    // Once a component is missing, nothing below it exists either.
    let mut on_disk = true;
    for component in absolute.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => resolved.push(component),
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                resolved.push(name);
                if on_disk {
                    match resolved.canonicalize() {
                        Ok(real) => resolved = real,
                        // A dangling symbolic link stays as it is: it is not a folder.
                        Err(_) => on_disk = false,
                    }
                }
            }
        }
    }
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_resolved_before_they_exist() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        std::fs::create_dir(base.join("content")).unwrap();
        assert_eq!(resolve(&base.join("content/")), base.join("content"));
        assert_eq!(resolve(&base.join("./content/.")), base.join("content"));
        assert_eq!(resolve(&base.join("new/../content")), base.join("content"));
        assert_eq!(resolve(&base.join("content/../x/y")), base.join("x/y"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(base.join("content"), base.join("link")).unwrap();
            assert_eq!(resolve(&base.join("link")), base.join("content"));
            assert_eq!(resolve(&base.join("link/sub")), base.join("content/sub"));
        }
    }

    #[test]
    fn the_site_and_its_parts_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content/sub")).unwrap();
        std::fs::write(root.join("content/a.md"), "x").unwrap();
        for refused in [
            ".",
            "..",
            "content",
            "content/",
            "content/sub",
            "content/new",
            "templates",
            "static/css",
            "vocabulary",
            "themes",
            ".fouweb",
            ".fouweb/index",
            "site.yaml",
            "public/../content",
        ] {
            let err = check(&root, &root.join(refused), true).unwrap_err();
            assert!(err.message.starts_with("the output folder "), "{refused}");
        }
        for fine in ["public", "dist", "../elsewhere", "public/sub"] {
            let ok = check(&root, &root.join(fine), false).unwrap();
            assert!(!ok.adopt, "{fine}");
        }
    }

    #[test]
    fn a_folder_fouweb_did_not_write_needs_force() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let docs = root.join("docs");
        std::fs::create_dir_all(&docs).unwrap();
        assert!(!check(&root, &docs, false).unwrap().adopt, "empty is fine");
        std::fs::write(docs.join("avtal.txt"), "x").unwrap();
        let err = check(&root, &docs, false).unwrap_err();
        assert!(err.message.contains(MARKER), "{}", err.message);
        assert!(check(&root, &docs, true).unwrap().adopt);
        std::fs::write(docs.join(MARKER), "").unwrap();
        assert!(!check(&root, &docs, false).unwrap().adopt);
    }

    #[test]
    fn an_older_fouweb_output_is_adopted() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let public = root.join("public");
        std::fs::create_dir_all(public.join("data")).unwrap();
        std::fs::write(public.join("data/reports.json"), "[]").unwrap();
        let err = check(root, &public, false).unwrap_err();
        assert!(err.hint.unwrap_or_default().contains("older fouweb"));
        std::fs::create_dir(root.join(".fouweb")).unwrap();
        assert!(check(root, &public, false).unwrap().adopt);
        // Only the default output: elsewhere the same files need `--force`.
        let docs = root.join("docs");
        std::fs::create_dir_all(docs.join("data")).unwrap();
        std::fs::write(docs.join("data/reports.json"), "[]").unwrap();
        assert!(check(root, &docs, false).is_err());
    }
}
