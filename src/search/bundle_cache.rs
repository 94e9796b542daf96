//! Reuse of the last build's browser bundle when no record changed. Pagefind takes most of a
//! large site's build time, and edits to templates, styles or `site.yaml` texts do not change
//! what it indexes. `.fouweb/bundle.json` holds the records' key and the bundle's files (with
//! their sizes, to notice an output folder changed by hand or another `--output`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    key: String,
    /// Path relative to the output folder → size in bytes.
    files: BTreeMap<String, u64>,
}

fn manifest_path(root: &Path) -> PathBuf {
    root.join(".fouweb").join("bundle.json")
}

/// The last bundle's files in `output` (path relative to the output, file on disk, size), when
/// they were made from records with this `key` and are all still there.
pub fn reusable(root: &Path, output: &Path, key: &str) -> Option<Vec<(String, PathBuf, u64)>> {
    let text = std::fs::read(manifest_path(root)).ok()?;
    let manifest: Manifest = serde_json::from_slice(&text).ok()?;
    if manifest.key != key || manifest.files.is_empty() {
        return None;
    }
    manifest
        .files
        .into_iter()
        .map(|(relative, size)| {
            let file = crate::theme::safe_join(output, &relative)?;
            let meta = std::fs::metadata(&file).ok()?;
            (meta.is_file() && meta.len() == size).then_some((relative, file, size))
        })
        .collect()
}

/// Remembers the bundle just written. Failing to is not an error: the next build makes the
/// bundle again.
pub fn save(root: &Path, key: &str, files: &[(String, u64)]) {
    let manifest = Manifest {
        key: key.to_string(),
        files: files.iter().cloned().collect(),
    };
    let path = manifest_path(root);
    if let (Some(parent), Ok(json)) = (path.parent(), serde_json::to_vec(&manifest)) {
        let _ = std::fs::create_dir_all(parent).and_then(|_| std::fs::write(&path, json));
    }
}

/// Forgets the last bundle (its files are about to change).
pub fn forget(root: &Path) {
    let _ = std::fs::remove_file(manifest_path(root));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_is_reused_only_with_the_same_key_and_files() {
        let dir = tempfile::tempdir().unwrap();
        let (root, output) = (dir.path(), dir.path().join("public"));
        std::fs::create_dir_all(output.join("pagefind")).unwrap();
        std::fs::write(output.join("pagefind/a.js"), "abc").unwrap();
        assert!(reusable(root, &output, "k").is_none(), "nothing saved yet");
        save(root, "k", &[("pagefind/a.js".into(), 3)]);
        let files = reusable(root, &output, "k").unwrap();
        assert_eq!(
            files,
            [("pagefind/a.js".to_string(), output.join("pagefind/a.js"), 3)]
        );
        assert!(
            reusable(root, &output, "other").is_none(),
            "records changed"
        );
        assert!(
            reusable(root, &dir.path().join("elsewhere"), "k").is_none(),
            "another output"
        );
        std::fs::write(output.join("pagefind/a.js"), "abcd").unwrap();
        assert!(reusable(root, &output, "k").is_none(), "a file changed");
        save(root, "k", &[("../x".into(), 0)]);
        assert!(
            reusable(root, &output, "k").is_none(),
            "paths stay inside the output"
        );
        forget(root);
        assert!(reusable(root, &output, "k").is_none());
    }
}
