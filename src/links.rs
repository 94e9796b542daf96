//! Symbolic links in a site's sources: one rule for `content/`, `static/`, `templates/` and the
//! dev server's watcher.
//!
//! A link is followed when its target lies inside the site root (the folder with `site.yaml`);
//! a link whose target lies outside it is skipped with a warning that names the link and its
//! target. So a site publishes only files that are part of it, whoever made the links, and a
//! link between the site's own folders works everywhere alike.

use std::path::{Path, PathBuf};

use walkdir::DirEntry;

use crate::diagnostics::{display_path, Diagnostic};

/// The site root as links are compared with it (resolved, so that a root reached through a
/// link of its own still contains its files).
pub fn resolved_root(root: &Path) -> PathBuf {
    root.canonicalize().unwrap_or_else(|_| root.to_path_buf())
}

/// True when `path` resolves to a place inside `root` (the result of [`resolved_root`]).
/// A path that cannot be resolved (deleted, a broken link) is not inside.
pub fn inside(root: &Path, path: &Path) -> bool {
    path.canonicalize().is_ok_and(|p| p.starts_with(root))
}

/// For a walk with links followed: false, with a warning in `warnings`, for an entry that is a
/// link leaving `root` (the result of [`resolved_root`]); true for everything else, so that a
/// broken link still reaches the walker's own error.
pub fn followed(
    site: &Path,
    root: &Path,
    entry: &DirEntry,
    warnings: &mut Vec<Diagnostic>,
) -> bool {
    if !entry.path_is_symlink() {
        return true;
    }
    let Ok(target) = entry.path().canonicalize() else {
        return true;
    };
    if target.starts_with(root) {
        return true;
    }
    warnings.push(skipped(site, entry.path(), &target));
    false
}

/// The warning for a link at `link` that leaves the site for `target`.
pub fn skipped(site: &Path, link: &Path, target: &Path) -> Diagnostic {
    Diagnostic::warning(
        display_path(site, link),
        format!(
            "a link to {}, outside the site, is skipped",
            target.display()
        ),
    )
    .with_hint(
        "links are followed only when their target lies inside the site's folder: copy the file or folder into the site, or move it there and link to it",
    )
}

/// The warnings for links leaving the site in its `templates/` and `static/` folders (the
/// theme skips them; `content/` warns as it is read).
pub fn theme_warnings(site: &Path) -> Vec<Diagnostic> {
    let root = resolved_root(site);
    let mut warnings = Vec::new();
    for name in ["templates", "static"] {
        let walk = walkdir::WalkDir::new(site.join(name))
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| followed(site, &root, e, &mut warnings));
        for _ in walk {}
    }
    warnings
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_inside_are_followed_and_links_outside_warned_about() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("hemlig.txt"), "x").unwrap();
        let site = tempfile::tempdir().unwrap();
        let site_path = site.path();
        std::fs::create_dir_all(site_path.join("static/delat")).unwrap();
        std::fs::write(site_path.join("delat.txt"), "x").unwrap();
        let link = |target: &Path, name: &str| {
            std::os::unix::fs::symlink(target, site_path.join(name)).unwrap()
        };
        link(&site_path.join("delat.txt"), "static/inne.txt");
        link(&outside.path().join("hemlig.txt"), "static/ute.txt");
        link(outside.path(), "static/ute-mapp");
        let warnings = theme_warnings(site_path);
        let mut shown: Vec<String> = warnings.iter().map(|d| d.headline()).collect();
        shown.sort();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown[0].starts_with("static/ute-mapp: warning: a link to "));
        assert!(shown[1].starts_with("static/ute.txt: warning: a link to "));
        assert!(shown[1].ends_with("hemlig.txt, outside the site, is skipped"));
        let root = resolved_root(site_path);
        assert!(inside(&root, &site_path.join("static/inne.txt")));
        assert!(!inside(&root, &site_path.join("static/ute.txt")));
        assert!(!inside(&root, &site_path.join("static/saknas.txt")));
    }
}
