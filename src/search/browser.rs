//! The browser search bundle of a build (`pagefind/` in the output) and its record in
//! `.fouweb/bundle.json`, behind one facade: without the `pagefind` feature there is no bundle
//! and these do nothing.

use std::path::Path;
use std::time::Duration;

use crate::diagnostics::Diagnostics;
#[cfg(feature = "pagefind")]
use crate::progress::{start, Stage};
use crate::site::{Site, Staging};

/// Whether this binary makes browser search bundles.
pub const AVAILABLE: bool = cfg!(feature = "pagefind");

/// The bundle a build wrote into its staging folder.
#[derive(Debug, Clone)]
pub struct BundleSummary {
    pub files: usize,
    pub bytes: u64,
    pub elapsed: Duration,
    /// The last build's bundle was reused (no record changed).
    pub reused: bool,
    /// A bundle just made: its records' key and files, to remember.
    #[cfg(feature = "pagefind")]
    made: Option<(String, Vec<(String, u64)>)>,
}

impl BundleSummary {
    /// Records the bundle just made, so that the next build can reuse it; done before the
    /// output is swapped, and undone by [`forget`] when the swap fails.
    pub fn remember(&self, root: &Path) {
        #[cfg(feature = "pagefind")]
        if let Some((key, files)) = &self.made {
            super::bundle_cache::save(root, key, files);
        }
        #[cfg(not(feature = "pagefind"))]
        let _ = root;
    }
}

/// Forgets the recorded bundle (the output no longer has it).
pub fn forget(root: &Path) {
    #[cfg(feature = "pagefind")]
    super::bundle_cache::forget(root);
    #[cfg(not(feature = "pagefind"))]
    let _ = root;
}

/// Writes the bundle into `staging` (so a failure leaves the old site): the last build's when
/// no record changed, otherwise a new one. `output` is the live output folder, where the last
/// bundle is. `None` without the `pagefind` feature.
#[cfg(feature = "pagefind")]
pub fn write(
    site: &Site,
    texts: super::Texts,
    root: &Path,
    output: &Path,
    staging: &Staging,
) -> Result<Option<BundleSummary>, Diagnostics> {
    use super::{bundle, bundle_cache};
    use crate::diagnostics::Diagnostic;
    use crate::site::Sink;
    let started = std::time::Instant::now();
    let stage = start(Stage::BrowserSearch, site.reports.len() as u64);
    let key = bundle::records_key(site, texts);
    let failed = |e: String| {
        Diagnostic::error(
            bundle::BUNDLE_DIR,
            format!("cannot build the browser search bundle: {e}"),
        )
    };
    if let Some(files) = bundle_cache::reusable(root, output, &key) {
        stage.tick(site.reports.len() as u64);
        let mut bytes = 0;
        for (path, file, size) in &files {
            bytes += size;
            // Most of a bundle's files are named by a hash of their content: one the staging
            // folder (the build before last) already has is the same file.
            if bundle::named_by_content(path) && staging.keep(path, *size) {
                continue;
            }
            let content = std::fs::read(file).map_err(|e| failed(e.to_string()))?;
            staging
                .put(path, content)
                .map_err(|e| failed(e.to_string()))?;
        }
        return Ok(Some(BundleSummary {
            files: files.len(),
            bytes,
            elapsed: started.elapsed(),
            reused: true,
            made: None,
        }));
    }
    // The output's bundle is about to be replaced: until this build is in place, none is known.
    bundle_cache::forget(root);
    let mut files = Vec::new();
    let stats = bundle::build(site, texts, |path, bytes| {
        files.push((path.clone(), bytes.len() as u64));
        staging.put(&path, bytes)
    })
    .map_err(failed)?;
    Ok(Some(BundleSummary {
        files: stats.files,
        bytes: stats.bytes,
        elapsed: stats.elapsed,
        reused: stats.reused,
        made: Some((key, files)),
    }))
}

/// Makes a fresh bundle of `site` and hands each of its files (path relative to the output,
/// such as `pagefind/pagefind.js`) to `put`: the dev server keeps them in memory. `Ok(false)`
/// without the `pagefind` feature.
pub fn build_files(
    site: &Site,
    put: impl FnMut(String, Vec<u8>) -> std::io::Result<()> + Send,
) -> Result<bool, String> {
    #[cfg(feature = "pagefind")]
    {
        let _stage = start(Stage::BrowserSearch, site.reports.len() as u64);
        super::bundle::build(site, super::Texts::Bodies, put).map(|_| true)
    }
    #[cfg(not(feature = "pagefind"))]
    {
        let _ = (site, put);
        Ok(false)
    }
}

#[cfg(not(feature = "pagefind"))]
pub fn write(
    _: &Site,
    _: super::Texts,
    _: &Path,
    _: &Path,
    _: &Staging,
) -> Result<Option<BundleSummary>, Diagnostics> {
    Ok(None)
}
